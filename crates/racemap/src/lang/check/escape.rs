//! Which variables live in heap cells: those captured by a function literal, those whose
//! address is taken (`&x`, `&x.f`, `&arr[i]`, `arr[:]`), and receivers of pointer-method calls
//! on addressable values (`mu.Lock()` is `(&mu).Lock()`). Package-level variables always live
//! on the heap (they are `ObjectKind::Global`).
//!
//! Captures: a use of a local owned by an enclosing function adds it to the `captures` of
//! every function literal between the use and the owner (so nested literals can pass it on).

use crate::lang::ast::{self, ExprKind};
use crate::lang::check::info::*;
use crate::lang::check::Checker;
use crate::types::TypeKind;

impl<'a> Checker<'a> {
    /// A use of local variable `obj`: record captures.
    pub fn note_var_use(&mut self, obj: ObjectId, v: &LocalVar) {
        let Some(cur) = self.current_func() else {
            return;
        };
        if v.owner == cur {
            return;
        }
        let mut captured = false;
        for i in (0..self.funcs.len()).rev() {
            let key = self.funcs[i].key;
            if key == v.owner {
                break;
            }
            captured = true;
            if let Some(fi) = self.info.funcs.get_mut(&key) {
                if !fi.captures.contains(&obj) {
                    fi.captures.push(obj);
                }
            }
        }
        if captured {
            self.set_escapes(obj);
        }
    }

    /// Mark a local as living in a heap cell.
    pub fn set_escapes(&mut self, obj: ObjectId) {
        if let ObjectKind::Var(v) = &mut self.info.objects[obj.0 as usize].kind {
            v.escapes = true;
        }
    }

    /// The address of (part of) the variable denoted by `e` is taken.
    pub fn mark_addr_taken(&mut self, e: &ast::Expr) {
        match &e.kind {
            ExprKind::Paren(x) => self.mark_addr_taken(x),
            ExprKind::Ident(id) => {
                if let Some(o) = self.info.object_of(id.id) {
                    if matches!(self.info.object(o).kind, ObjectKind::Var(_)) {
                        self.set_escapes(o);
                    }
                }
            }
            ExprKind::Selector { x, .. } => {
                if let Some(Selection::Field { path }) = self.info.selections.get(&e.id) {
                    if !path.iter().any(|s| s.deref) {
                        let x = x.clone();
                        self.mark_addr_taken(&x);
                    }
                }
            }
            ExprKind::Index { x, .. } => {
                let is_array = self
                    .info
                    .type_of(x.id)
                    .map(|t| matches!(self.types.under(t), TypeKind::Array(..)))
                    .unwrap_or(false);
                if is_array {
                    self.mark_addr_taken(x);
                }
            }
            _ => {}
        }
    }
}
