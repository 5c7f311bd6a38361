//! Conversions `T(x)`: Go's convertibility rules (numeric, string from integers, bytes and runes,
//! identical underlying types, pointers) and constant conversions that must fit.

use crate::diag::Span;
use crate::lang::ast::{self};
use crate::lang::check::constant::{self, NotRepresentable};
use crate::lang::check::info::*;
use crate::lang::check::{Checker, Operand};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};

impl<'a> Checker<'a> {
    pub(super) fn conversion_call(
        &mut self,
        e: &ast::Expr,
        fe: &ast::Expr,
        t: TypeId,
        args: &[ast::Expr],
        ellipsis: Option<Span>,
    ) -> Operand {
        let invalid = Operand::invalid();
        let ts = self.show(t);
        if args.len() != 1 || ellipsis.is_some() {
            for a in args {
                self.expr(a);
            }
            if args.is_empty() {
                self.err(
                    Span::new(e.span.hi.saturating_sub(1), e.span.hi),
                    format!("missing argument in conversion to {ts}"),
                );
            } else if ellipsis.is_some() {
                self.err(e.span, format!("invalid use of ... in conversion to {ts}"));
            } else {
                self.err(
                    args[1].span,
                    format!("too many arguments in conversion to {ts}"),
                );
            }
            return invalid;
        }
        let _ = fe;
        let a = &args[0];
        let x = self.expr(a);
        if x.is_invalid() || t == self.invalid() {
            return invalid;
        }
        self.info.calls.insert(
            e.id,
            CallInfo {
                kind: CallKind::Conversion { to: t },
                sig: None,
                pack_variadic: None,
                spread: false,
                tuple_arg: false,
            },
        );
        self.conversion(e, a, x, t)
    }

    /// `T(x)`.
    pub fn conversion(
        &mut self,
        e: &ast::Expr,
        a: &ast::Expr,
        mut x: Operand,
        t: TypeId,
    ) -> Operand {
        let invalid = Operand::invalid();
        let ts = self.show(t);
        if x.ty != t && self.interface_placeholder(x.ty) && !self.is_interface(t) {
            let d = self.describe(a, &x);
            self.err(a.span, format!("cannot convert {d} to {ts}"));
            return invalid;
        }
        if x.ty != t && self.interface_placeholder(t) {
            // go/types words the operand as a value here (`5 (untyped int value)`).
            let mut v = x.clone();
            v.mode = Mode::Value;
            let d = self.describe(a, &v);
            self.err(
                a.span,
                format!("cannot convert {d} to {ts} ({ts} does not contain specific types)"),
            );
            return invalid;
        }
        let tb = self.basic(t);
        // Constant conversions.
        if let (Some(v), Mode::Constant, Some(tb)) = (x.val.clone(), x.mode, tb) {
            // Integer → string: string(rune).
            if matches!(tb, Basic::String) && self.is_integer(x.ty) {
                let c = constant::to_int(&v)
                    .and_then(|i| u32::try_from(i).ok())
                    .and_then(char::from_u32)
                    .unwrap_or('\u{FFFD}');
                let d = if self.is_untyped(x.ty) {
                    TypeTable::basic(Basic::Int32)
                } else {
                    x.ty
                };
                self.set_type(a, &mut x, d);
                return Operand::constant(t, ConstValue::String(c.to_string().into()));
            }
            let kinds_ok = (self.is_numeric(x.ty)
                && (tb.int_info().is_some() || matches!(tb, Basic::Float32 | Basic::Float64)))
                || (self.is_string(x.ty) && tb == Basic::String)
                || (self.is_bool(x.ty) && tb == Basic::Bool);
            if kinds_ok {
                // A typed float constant converted to an integer truncates only for
                // non-constant values; constants must be exact.
                match constant::represent(&v, tb) {
                    Ok(v2) => {
                        if self.is_untyped(x.ty) {
                            let target = if self.is_float(x.ty) && tb.int_info().is_some() {
                                self.default_type(x.ty)
                            } else {
                                t
                            };
                            self.set_type(a, &mut x, target);
                        }
                        return Operand::constant(t, v2);
                    }
                    Err(r) => {
                        // Go 1.19's compiler: `cannot convert X to type T`, the operand's
                        // value as go/types' representableConst left it (a float made an
                        // integer: `1e19 (untyped float constant 10000000000000000000)`).
                        if let NotRepresentable::Truncated(Some(i)) = r {
                            x.val = Some(i);
                        }
                        let d = self.describe(a, &x);
                        self.err(a.span, format!("cannot convert {d} to type {ts}"));
                        return invalid;
                    }
                }
            }
        }
        if x.mode == Mode::Nil {
            if self.assignable(x.ty, t) {
                x.ty = t;
                self.update_nil(a, t);
                return Operand::value(t);
            }
            self.err(a.span, format!("cannot convert nil to type {ts}"));
            return invalid;
        }
        if self.is_untyped(x.ty) {
            // Non-constant untyped (a comparison result) or constant to non-basic type.
            let d = self.default_type(x.ty);
            self.set_type(a, &mut x, d);
        }
        if self.convertible(x.ty, t) {
            let _ = e;
            return Operand::value(t);
        }
        let d = self.describe(a, &x);
        if self.is_interface(t) {
            if let Some(m) = self.missing_method(x.ty, t) {
                let why = self.not_implement_text(x.ty, t, &m);
                self.err(a.span, format!("cannot convert {d} to {ts} ({why})"));
                return invalid;
            }
        }
        self.err(a.span, format!("cannot convert {d} to type {ts}"));
        invalid
    }

    /// Non-constant convertibility.
    fn convertible(&mut self, v: TypeId, t: TypeId) -> bool {
        if self.assignable(v, t) {
            return true;
        }
        let (vu, tu) = (self.types.underlying(v), self.types.underlying(t));
        if vu == tu {
            return true;
        }
        if let (TypeKind::Pointer(a), TypeKind::Pointer(b)) =
            (self.types.kind(vu), self.types.kind(tu))
        {
            if self.types.underlying(*a) == self.types.underlying(*b) {
                return true;
            }
        }
        if self.is_numeric(v) && self.is_numeric(t) {
            return true;
        }
        if self.is_integer(v) && self.is_string(t) {
            return true;
        }
        let byte_or_rune_slice = |x: TypeId| match self.types.under(x) {
            TypeKind::Slice(e) => matches!(self.basic(*e), Some(Basic::Uint8 | Basic::Int32)),
            _ => false,
        };
        if self.is_string(v) && byte_or_rune_slice(t) || self.is_string(t) && byte_or_rune_slice(v)
        {
            return true;
        }
        false
    }

    // ---- builtins ----
}
