//! `sync.(*Cond).Wait` compiled from Go 1.19's `sync/cond.go`:
//!
//! ```go
//! func (c *Cond) Wait() {
//!     t := runtime_notifyListAdd(&c.notify)
//!     c.L.Unlock()
//!     runtime_notifyListWait(&c.notify, t)
//!     c.L.Lock()
//! }
//! ```
//!
//! so that unlocking and re-locking `c.L` are the Locker's own steps (any `sync.Locker`,
//! dispatched through the interface), and the wait is the visible `NotifyListWait`, enabled
//! once the ticket is notified (`rt::cond`). Made on first use, one per program.

use super::Lowerer;
use crate::bytecode::{Func, FuncId, Instr, LibFunc};
use crate::diag::Span;
use crate::types::{TypeKind, TypeTable};
use std::rc::Rc;

impl Lowerer<'_> {
    /// The function `sync.(*Cond).Wait(c *Cond)`.
    pub fn cond_wait_func(&mut self, span: Span) -> FuncId {
        if let Some(id) = self.cond_wait {
            return id;
        }
        let name = LibFunc::CondWait.go_name();
        let id = self.reserve(&name, span);
        let unlock = self.string("Unlock");
        let lock = self.string("Lock");
        // Local 0: c; local 1: the ticket.
        let (c, ticket) = (0, 1);
        let (l_field, notify_field) = (0, 1);
        let code = vec![
            Instr::LoadLocal(c),
            Instr::FieldPtr(notify_field),
            Instr::CallLib {
                func: LibFunc::NotifyListAdd,
                argc: 1,
            },
            Instr::StoreLocal(ticket),
            Instr::LoadLocal(c),
            Instr::FieldPtr(l_field),
            Instr::Load,
            Instr::CallIface {
                name: unlock,
                argc: 0,
                results: 0,
            },
            Instr::LoadLocal(c),
            Instr::FieldPtr(notify_field),
            Instr::LoadLocal(ticket),
            Instr::CallLib {
                func: LibFunc::NotifyListWait,
                argc: 2,
            },
            Instr::LoadLocal(c),
            Instr::FieldPtr(l_field),
            Instr::Load,
            Instr::CallIface {
                name: lock,
                argc: 0,
                results: 0,
            },
            Instr::Return,
        ];
        let cond_ptr = self
            .types
            .find(&TypeKind::Pointer(self.cond_type()))
            .unwrap_or(TypeTable::basic(crate::types::Basic::Invalid));
        self.funcs[id.0 as usize] = Func {
            name: Rc::from(name),
            span,
            params: 1,
            param_types: vec![cond_ptr],
            results: Vec::new(),
            result_slots: Vec::new(),
            locals: 2,
            captures: 0,
            variadic: false,
            spans: vec![span; code.len()],
            code,
            wrapper: true,
        };
        self.cond_wait = Some(id);
        id
    }

    /// The named type `sync.Cond`.
    fn cond_type(&self) -> crate::types::TypeId {
        (0..self.types.len() as u32)
            .map(crate::types::TypeId::from_index)
            .find(|&t| {
                matches!(self.types.kind(t), TypeKind::Named { name, pkg, .. } if name == "Cond" && pkg == "sync")
            })
            .unwrap_or(TypeTable::basic(crate::types::Basic::Invalid))
    }
}
