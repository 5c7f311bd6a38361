//! Assignability (`cannot use x (variable of type T) as U value in ...`) and the conversion of
//! untyped operands to the type their context fixes (`nil`, untyped constants that must fit).

use crate::lang::ast::{self, ExprKind};
use crate::lang::check::constant::{self, NotRepresentable};
use crate::lang::check::info::*;
use crate::lang::check::{Checker, Operand};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};

impl<'a> Checker<'a> {
    // ---- assignability and untyped conversion ----

    /// Whether a value of (typed) type `v` may be assigned to `t`.
    pub fn assignable(&mut self, v: TypeId, t: TypeId) -> bool {
        let invalid = self.invalid();
        if v == t || v == invalid || t == invalid {
            return true;
        }
        if self.generics.placeholders.contains_key(&t) && !self.is_untyped(v) {
            // Only a T is assignable to a type parameter T (type parameters are named).
            return false;
        }
        if v == TypeTable::basic(Basic::UntypedNil) {
            return matches!(
                self.types.under(t),
                TypeKind::Pointer(_)
                    | TypeKind::Slice(_)
                    | TypeKind::Map(..)
                    | TypeKind::Chan(..)
                    | TypeKind::Func(_)
                    | TypeKind::Interface(_)
            );
        }
        if self.is_interface(t) && !self.is_untyped(v) {
            return self.implements(v, t);
        }
        let (vu, tu) = (self.types.underlying(v), self.types.underlying(t));
        if vu == tu && (!self.is_named(v) || !self.is_named(t)) {
            return true;
        }
        if let (TypeKind::Chan(ast::ChanDir::Both, ve), TypeKind::Chan(_, te)) =
            (self.types.kind(vu), self.types.kind(tu))
        {
            if ve == te && (!self.is_named(v) || !self.is_named(t)) {
                return true;
            }
        }
        false
    }

    /// Check that `x` (the value of `e`) can be assigned to `t`; converts untyped values and
    /// records implicit interface conversions. Reports `cannot use ... in CONTEXT`.
    pub fn assign_to(&mut self, e: &ast::Expr, x: &mut Operand, t: TypeId, context: &str) -> bool {
        if x.is_invalid() || t == self.invalid() {
            return false;
        }
        let is_iface = self.is_interface(t);
        if self.is_untyped(x.ty)
            && (self.interface_placeholder(t) || self.placeholder_rejects_const(t, x))
        {
            // No constant (nor nil) belongs to every type of a type set without core type.
            let d = if x.mode == Mode::Nil {
                "nil".to_string()
            } else {
                self.describe(e, x)
            };
            let ts = self.show(t);
            self.err(e.span, format!("cannot use {d} as {ts} value in {context}"));
            return false;
        }
        if self.is_untyped(x.ty) {
            if x.mode == Mode::Nil {
                if self.assignable(x.ty, t) {
                    x.ty = t;
                    self.update_nil(e, t);
                    return true;
                }
                let ts = self.show(t);
                self.err(e.span, format!("cannot use nil as {ts} value in {context}"));
                return false;
            }
            let target = if is_iface { self.default_type(x.ty) } else { t };
            if is_iface {
                if let Some(m) = self.missing_method(target, t) {
                    // go/types converts the constant to its default type first.
                    let mut typed = x.clone();
                    typed.ty = target;
                    let d = self.describe(e, &typed);
                    let ts = self.show(t);
                    let why = self.not_implement_text(target, t, &m);
                    self.err(
                        e.span,
                        format!("cannot use {d} as {ts} value in {context}: {why}"),
                    );
                    return false;
                }
            }
            match self.untyped_fits(x, target) {
                Ok(()) => {
                    self.set_type(e, x, target);
                    if is_iface {
                        self.record_implicit(e, t);
                    }
                    true
                }
                Err(reason) => {
                    let d = self.describe(e, x);
                    let ts = self.show(target);
                    let suffix = match reason {
                        Some(NotRepresentable::Overflows) => " (overflows)",
                        Some(NotRepresentable::Truncated(_)) => " (truncated)",
                        _ => "",
                    };
                    self.err(
                        e.span,
                        format!("cannot use {d} as {ts} value in {context}{suffix}"),
                    );
                    false
                }
            }
        } else if self.assignable(x.ty, t) {
            if is_iface && !self.is_interface(x.ty) {
                self.record_implicit(e, t);
            }
            true
        } else {
            let d = self.describe(e, x);
            let ts = self.show(t);
            let mut msg = format!("cannot use {d} as {ts} value in {context}");
            if is_iface {
                if let Some(m) = self.missing_method(x.ty, t) {
                    msg.push_str(": ");
                    msg.push_str(&self.not_implement_text(x.ty, t, &m));
                }
            } else if self.is_interface(x.ty) && self.implements(t, x.ty) {
                // Only an assertion gets a T back from an interface T implements.
                msg.push_str(": need type assertion");
            }
            self.err(e.span, msg);
            false
        }
    }

    pub fn update_nil(&mut self, e: &ast::Expr, t: TypeId) {
        let mut e = e;
        loop {
            if let Some(Some(info)) = self.info.exprs.get_mut(e.id.0 as usize) {
                info.ty = t;
            }
            match &e.kind {
                ExprKind::Paren(x) => e = x,
                _ => break,
            }
        }
    }

    /// Whether untyped `x` can become a value of type `target`; `Err(Some(reason))` for
    /// constants that do not fit, `Err(None)` for kinds that do not match.
    pub fn untyped_fits(
        &mut self,
        x: &Operand,
        target: TypeId,
    ) -> Result<(), Option<NotRepresentable>> {
        let Some(tb) = self.basic(target) else {
            return Err(None);
        };
        let xb = self.basic(x.ty).unwrap_or(Basic::Invalid);
        let kind_ok = match xb {
            Basic::UntypedBool => matches!(tb, Basic::Bool | Basic::UntypedBool),
            Basic::UntypedString => matches!(tb, Basic::String | Basic::UntypedString),
            Basic::UntypedInt | Basic::UntypedRune | Basic::UntypedFloat => {
                tb.int_info().is_some()
                    || matches!(tb, Basic::Float32 | Basic::Float64 | Basic::UntypedFloat)
            }
            _ => false,
        };
        if !kind_ok {
            return Err(None);
        }
        if let Some(v) = &x.val {
            constant::represent(v, tb).map(|_| ()).map_err(Some)
        } else {
            Ok(())
        }
    }

    /// Give an untyped operand its final type (recording it on the expression).
    pub fn set_type(&mut self, e: &ast::Expr, x: &mut Operand, t: TypeId) {
        if let (Some(v), Some(b)) = (&x.val, self.basic(t)) {
            if let Ok(v2) = constant::represent(v, b) {
                x.val = Some(v2);
            }
        }
        x.ty = t;
        self.update_type(e, t);
    }

    /// Convert untyped `x` to its default type (for `:=`, `any` arguments, untyped statements).
    pub fn default_operand(&mut self, e: &ast::Expr, x: &mut Operand) {
        if self.is_untyped(x.ty) && x.mode != Mode::Nil {
            let d = self.default_type(x.ty);
            self.set_type(e, x, d);
        }
    }

    // ---- operators ----
}
