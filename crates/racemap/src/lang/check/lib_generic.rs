//! The generic types of the library: `atomic.Pointer[T]` (Go 1.19). An instance is made once
//! per type argument (`Checker::atomic_pointers`, so `atomic.Pointer[int]` spelled twice is
//! one type): a named type printed `atomic.Pointer[T]` whose type argument
//! `TypeTable::type_args` keeps and whose underlying type is `TypeKind::Sync(AtomicPointer)`.
//! Its methods are the library's rows for `SyncKind::AtomicPointer`, whose `LibType::TypeArg`
//! the method lookup resolves to that argument. The generic type itself is no type: using
//! it without instantiation is Go's error.

use crate::lang::ast::{self, ExprKind};
use crate::lang::check::info::{Mode, ObjectKind};
use crate::lang::check::Checker;
use crate::types::{SyncKind, TypeId, TypeKind};

impl<'a> Checker<'a> {
    /// The type `x[indices]` names when `x` is a generic library type (`atomic.Pointer`);
    /// `None` when `x` is not one. Reports a wrong count of type arguments (then `Invalid`).
    pub(crate) fn lib_generic_instance(
        &mut self,
        x: &ast::Expr,
        indices: &[ast::Expr],
    ) -> Option<TypeId> {
        let ExprKind::Selector { x: pkg, sel } = &x.unparen().kind else {
            return None;
        };
        let ExprKind::Ident(pid) = &pkg.unparen().kind else {
            return None;
        };
        let obj = self.lookup(&pid.name)?;
        let ObjectKind::PkgName { path } = &self.info.object(obj).kind else {
            return None;
        };
        if path != "sync/atomic" || sel.name != "Pointer" {
            return None;
        }
        let base = self.expr_any(x);
        if base.is_invalid() {
            return Some(self.invalid());
        }
        if base.mode != Mode::Type {
            return None;
        }
        if indices.len() != 1 {
            // Go reports it at the selector's dot.
            let at = crate::diag::Span::new(pkg.span.hi, pkg.span.hi + 1);
            let n = indices.len();
            self.err(at, format!("got {n} arguments but 1 type parameters"));
            return Some(self.invalid());
        }
        let arg = self.resolve_type(&indices[0]);
        if arg == self.invalid() {
            return Some(arg);
        }
        if let Some(&t) = self.atomic_pointers.get(&arg) {
            return Some(t);
        }
        let t = self.types.new_instance("Pointer", "atomic", vec![arg]);
        let under = self.types.intern(TypeKind::Sync(SyncKind::AtomicPointer));
        self.types.set_underlying(t, under);
        self.atomic_pointers.insert(arg, t);
        Some(t)
    }

    /// Whether `t` is a generic library type not instantiated (`atomic.Pointer` alone).
    pub(crate) fn is_lib_generic_base(&self, t: TypeId) -> bool {
        matches!(self.types.under(t), TypeKind::Sync(SyncKind::AtomicPointer))
            && self.types.type_args(t).is_empty()
    }
}
