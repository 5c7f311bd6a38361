//! Unary operators: `+x`, `-x`, `!x`, `^x`, `&x` (marks the operand as escaping), `<-ch`.

use crate::lang::ast::{self, ExprKind, UnaryOp};
use crate::lang::check::constant::{self};
use crate::lang::check::info::*;
use crate::lang::check::{Checker, Operand};
use crate::types::{TypeId, TypeKind};

impl<'a> Checker<'a> {
    pub(super) fn unary(
        &mut self,
        e: &ast::Expr,
        op: UnaryOp,
        xe: &ast::Expr,
        hint: Option<TypeId>,
    ) -> Operand {
        let invalid = Operand::invalid();
        match op {
            UnaryOp::Addr => {
                let inner = xe.unparen();
                if let ExprKind::CompositeLit { .. } = &inner.kind {
                    let h = hint.and_then(|h| match self.types.under(h) {
                        TypeKind::Pointer(t) => Some(*t),
                        _ => None,
                    });
                    let x = match h {
                        Some(h) => self.expr_hint(xe, h),
                        None => self.expr(xe),
                    };
                    if x.is_invalid() {
                        return invalid;
                    }
                    self.note_wait_group_place(xe);
                    let t = self.types.intern(TypeKind::Pointer(x.ty));
                    return Operand::value(t);
                }
                let x = self.expr(xe);
                if x.is_invalid() {
                    return invalid;
                }
                if x.mode != Mode::Variable {
                    let d = self.describe(xe, &x);
                    self.err(
                        xe.span,
                        format!("invalid operation: cannot take address of {d}"),
                    );
                    return invalid;
                }
                self.mark_addr_taken(xe);
                self.note_wait_group_place(xe);
                let t = self.types.intern(TypeKind::Pointer(x.ty));
                Operand::value(t)
            }
            UnaryOp::Recv => {
                let x = self.expr(xe);
                if x.is_invalid() {
                    return invalid;
                }
                match self.types.under(x.ty).clone() {
                    TypeKind::Chan(dir, elem) => {
                        if dir == ast::ChanDir::Send {
                            let d = self.describe(xe, &x);
                            self.err(
                                xe.span,
                                format!(
                                    "invalid operation: cannot receive from send-only channel {d}"
                                ),
                            );
                            return invalid;
                        }
                        Operand::value(elem)
                    }
                    _ => {
                        let d = self.describe(xe, &x);
                        self.err(
                            xe.span,
                            format!("invalid operation: cannot receive from non-channel {d}"),
                        );
                        invalid
                    }
                }
            }
            UnaryOp::Tilde => {
                self.err(
                    e.span,
                    "cannot use ~ outside of interface or type constraint",
                );
                invalid
            }
            _ => {
                let mut x = self.expr(xe);
                if x.is_invalid() {
                    return invalid;
                }
                let ok = match op {
                    UnaryOp::Plus | UnaryOp::Neg => self.is_numeric(x.ty),
                    UnaryOp::Not => self.is_bool(x.ty),
                    UnaryOp::BitNot => self.is_integer(x.ty),
                    _ => false,
                };
                if !ok {
                    let d = self.describe(xe, &x);
                    let o = match op {
                        UnaryOp::Plus => "+",
                        UnaryOp::Neg => "-",
                        UnaryOp::Not => "!",
                        _ => "^",
                    };
                    self.err(
                        xe.span,
                        format!("invalid operation: operator {o} not defined on {d}"),
                    );
                    return invalid;
                }
                if let Some(v) = &x.val {
                    let unsigned = self
                        .basic(x.ty)
                        .and_then(|b| b.int_info())
                        .filter(|(_, s)| !s)
                        .map(|(b, _)| b);
                    let unsigned = if self.is_untyped(x.ty) {
                        None
                    } else {
                        unsigned
                    };
                    match constant::unary(op, v, unsigned) {
                        Some(r) => {
                            let r = self.check_const_result(e, r, x.ty);
                            return match r {
                                Some(r) => Operand::constant(x.ty, r),
                                None => invalid,
                            };
                        }
                        None => return invalid,
                    }
                }
                x.mode = Mode::Value;
                x
            }
        }
    }
}
