//! The `CancelFunc` of `context.WithCancel`, `WithDeadline` and `WithTimeout`, compiled as Go
//! 1.19's `context.go` declares it (`func() { c.cancel(true, Canceled) }`, the closure
//! `context.WithCancel.func1`): here a function of one parameter, the context it is bound to
//! (`rt::context` makes the closure), that calls the runtime's cancel (`LibFunc::ContextCancel`).
//! Made once, when the program calls one of those functions.

use super::Lowerer;
use crate::bytecode::{Func, Instr, LibFunc};
use crate::diag::Span;
use crate::types::{Basic, TypeTable};
use std::rc::Rc;

/// The functions whose results include a `CancelFunc`.
const MAKE_CANCEL: [LibFunc; 3] = [
    LibFunc::ContextWithCancel,
    LibFunc::ContextWithTimeout,
    LibFunc::ContextWithDeadline,
];

impl Lowerer<'_> {
    /// Add `context.WithCancel.func1` if some function calls `WithCancel`, `WithDeadline` or
    /// `WithTimeout`.
    pub fn add_context_cancel_func(&mut self) {
        let used = self.funcs.iter().any(|f| {
            f.code.iter().any(|i| {
                matches!(i, Instr::CallLib { func, .. } | Instr::DeferLib { func, .. }
                    if MAKE_CANCEL.contains(func))
            })
        });
        if !used {
            return;
        }
        let name = LibFunc::ContextCancel.go_name();
        let id = self.reserve(&name, Span::default());
        let code = vec![
            Instr::LoadLocal(0),
            Instr::CallLib {
                func: LibFunc::ContextCancel,
                argc: 1,
            },
            Instr::Return,
        ];
        self.funcs[id.0 as usize] = Func {
            name: Rc::from(name.as_str()),
            span: Span::default(),
            params: 1,
            param_types: vec![TypeTable::basic(Basic::Invalid)],
            results: Vec::new(),
            result_slots: Vec::new(),
            locals: 1,
            captures: 0,
            variadic: false,
            spans: vec![Span::default(); code.len()],
            code,
            wrapper: true,
        };
    }
}
