//! Binary operators: matching the operand types (untyped operands take the other side's type),
//! arithmetic with constant folding and overflow checks, shifts, and comparisons (with Go's
//! `incomparable` causes).

use crate::lang::ast::{self, BinaryOp};
use crate::lang::check::constant::{self, ConstError, NotRepresentable};
use crate::lang::check::info::*;
use crate::lang::check::{Checker, Operand};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};
use num_traits::ToPrimitive;

impl<'a> Checker<'a> {
    /// A typed constant result must fit its type: `constant 300 overflows int8`.
    pub(super) fn check_const_fits(
        &mut self,
        e: &ast::Expr,
        v: ConstValue,
        t: TypeId,
    ) -> Option<ConstValue> {
        if self.is_untyped(t) {
            return Some(v);
        }
        let Some(b) = self.basic(t) else {
            return Some(v);
        };
        match constant::represent(&v, b) {
            Ok(v) => Some(v),
            Err(_) => {
                let ts = self.show(t);
                let d = self.describe(e, &Operand::constant(t, v));
                self.err(e.span, format!("{d} overflows {ts}"));
                None
            }
        }
    }

    fn untyped_rank(&self, t: TypeId) -> u8 {
        match self.basic(t) {
            Some(Basic::UntypedInt) => 1,
            Some(Basic::UntypedRune) => 2,
            Some(Basic::UntypedFloat) => 3,
            _ => 0,
        }
    }

    /// Bring two operands of a binary operation to a common type (go/types' matchTypes).
    /// Returns false after reporting an error.
    fn match_types(
        &mut self,
        e: &ast::Expr,
        op: BinaryOp,
        xe: &ast::Expr,
        x: &mut Operand,
        ye: &ast::Expr,
        y: &mut Operand,
    ) -> bool {
        let xu = self.is_untyped(x.ty);
        let yu = self.is_untyped(y.ty);
        if xu && yu {
            if x.mode == Mode::Nil || y.mode == Mode::Nil {
                if x.mode == Mode::Nil && y.mode == Mode::Nil {
                    let s = self.expr_string(e);
                    self.err(
                        e.span,
                        format!(
                            "invalid operation: {s} (operator {} not defined on nil)",
                            op.as_str()
                        ),
                    );
                    return false;
                }
                self.mismatched(e, op, x, y);
                return false;
            }
            let (rx, ry) = (self.untyped_rank(x.ty), self.untyped_rank(y.ty));
            if rx > 0 && ry > 0 {
                if rx < ry {
                    x.ty = y.ty;
                } else {
                    y.ty = x.ty;
                }
                return true;
            }
            if x.ty != y.ty {
                self.mismatched(e, op, x, y);
                return false;
            }
            return true;
        }
        if xu {
            let (xc, yc) = (x.clone(), y.clone());
            return self.convert_operand(e, op, xe, x, yc.ty, &xc, &yc);
        }
        if yu {
            let yc = y.clone();
            let xc = x.clone();
            return self.convert_operand_y(e, op, ye, y, xc.ty, &xc, &yc);
        }
        true
    }

    fn convert_operand(
        &mut self,
        e: &ast::Expr,
        op: BinaryOp,
        xe: &ast::Expr,
        x: &mut Operand,
        target: TypeId,
        _xo: &Operand,
        y: &Operand,
    ) -> bool {
        let yo = y.clone();
        let xo = x.clone();
        self.convert_one(e, op, xe, x, target, &xo, &yo, true)
    }

    fn convert_operand_y(
        &mut self,
        e: &ast::Expr,
        op: BinaryOp,
        ye: &ast::Expr,
        y: &mut Operand,
        target: TypeId,
        x: &Operand,
        yo: &Operand,
    ) -> bool {
        let yo = yo.clone();
        self.convert_one(e, op, ye, y, target, x, &yo, false)
    }

    fn convert_one(
        &mut self,
        e: &ast::Expr,
        op: BinaryOp,
        ue: &ast::Expr,
        u: &mut Operand,
        target: TypeId,
        x: &Operand,
        y: &Operand,
        _u_is_x: bool,
    ) -> bool {
        if u.mode == Mode::Nil {
            if self.assignable(u.ty, target) {
                u.ty = target;
                self.update_nil(ue, target);
                return true;
            }
            self.mismatched(e, op, x, y);
            return false;
        }
        if self.interface_placeholder(target) || self.placeholder_rejects_const(target, u) {
            // No constant belongs to every type of a type set without core type.
            let d = self.describe(ue, u);
            let ts = self.show(target);
            self.err(ue.span, format!("cannot convert {d} to {ts}"));
            return false;
        }
        if self.is_interface(target) {
            self.default_operand(ue, u);
            if target == self.any_type {
                self.record_implicit(ue, target);
                return true;
            }
            self.mismatched(e, op, x, y);
            return false;
        }
        // mayConvert: both numeric, or same basic kind.
        let ok_kind = match (self.basic(u.ty), self.basic(target)) {
            (Some(ub), Some(tb)) => {
                let un = matches!(
                    ub,
                    Basic::UntypedInt | Basic::UntypedRune | Basic::UntypedFloat
                );
                let tn = tb.int_info().is_some() || matches!(tb, Basic::Float32 | Basic::Float64);
                (un && tn)
                    || (ub == Basic::UntypedString && tb == Basic::String)
                    || (ub == Basic::UntypedBool && tb == Basic::Bool)
            }
            _ => false,
        };
        if !ok_kind {
            self.mismatched(e, op, x, y);
            return false;
        }
        match self.untyped_fits(u, target) {
            Ok(()) => {
                self.set_type(ue, u, target);
                true
            }
            Err(reason) => {
                // go/types' convertUntyped names the target's underlying type.
                let d = self.describe(ue, u);
                let under = self.basic(target).map_or(target, TypeTable::basic);
                let ts = self.show(under);
                let msg = match reason {
                    Some(NotRepresentable::Overflows) => format!("{d} overflows {ts}"),
                    Some(NotRepresentable::Truncated(_)) => format!("{d} truncated to {ts}"),
                    _ => format!("cannot convert {d} to {ts}"),
                };
                self.err(ue.span, msg);
                false
            }
        }
    }

    fn mismatched(&mut self, e: &ast::Expr, op: BinaryOp, x: &Operand, y: &Operand) {
        let _ = op;
        let s = self.expr_string(e);
        let (xs, ys) = (self.show_operand_type(x), self.show_operand_type(y));
        self.err(
            e.span,
            format!("invalid operation: {s} (mismatched types {xs} and {ys})"),
        );
    }

    fn mismatched_at(&mut self, at: crate::diag::Span, e: &ast::Expr, x: &Operand, y: &Operand) {
        let s = self.expr_string(e);
        let (xs, ys) = (self.show(x.ty), self.show(y.ty));
        self.err(
            at,
            format!("invalid operation: {s} (mismatched types {xs} and {ys})"),
        );
    }

    fn show_operand_type(&self, x: &Operand) -> String {
        self.show(x.ty)
    }

    pub(super) fn binary(
        &mut self,
        e: &ast::Expr,
        op: BinaryOp,
        xe: &ast::Expr,
        ye: &ast::Expr,
    ) -> Operand {
        let invalid = Operand::invalid();
        let mut x = self.expr(xe);
        let mut y = self.expr(ye);
        if x.is_invalid() || y.is_invalid() {
            return invalid;
        }
        use BinaryOp::*;
        if matches!(op, Shl | Shr) {
            return self.shift(e, op, xe, x, ye, y);
        }
        if !self.match_types(e, op, xe, &mut x, ye, &mut y) {
            return invalid;
        }
        if matches!(op, Eq | Ne | Lt | Le | Gt | Ge) {
            return self.comparison(e, op, xe, &x, ye, &y);
        }
        if !self.identical_for_op(x.ty, y.ty) {
            self.mismatched(e, op, &x, &y);
            return invalid;
        }
        let t = x.ty;
        let ok = match op {
            Add => self.is_numeric(t) || self.is_string(t),
            Sub | Mul | Div => self.is_numeric(t),
            Rem | And | Or | Xor | AndNot => self.is_integer(t),
            LogAnd | LogOr => self.is_bool(t),
            _ => false,
        };
        if !ok {
            let d = self.describe(xe, &x);
            let s = self.expr_string(e);
            self.err(
                e.span,
                format!(
                    "invalid operation: operator {} not defined on {d}",
                    op.as_str()
                ),
            );
            let _ = s;
            return invalid;
        }
        if matches!(op, Div | Rem) {
            if let Some(v) = &y.val {
                if constant::is_zero(v) && (self.is_integer(t) || x.val.is_some()) {
                    self.err(ye.span, "invalid operation: division by zero");
                    return invalid;
                }
            }
        }
        if let (Some(a), Some(b)) = (&x.val, &y.val) {
            let integer = self.is_integer(t);
            return match constant::binary(op, a, b, integer) {
                Ok(v) => match self.check_const_result(e, v, t) {
                    Some(v) => Operand::constant(t, v),
                    None => invalid,
                },
                Err(ConstError::DivByZero) => {
                    self.err(ye.span, "invalid operation: division by zero");
                    invalid
                }
                Err(ConstError::BadOp) => invalid,
            };
        }
        Operand::value(t)
    }

    /// go/types' `overflow` after a constant operation: a typed result must be representable
    /// in its type (a float is rounded to it), an untyped integer must fit in 512 bits
    /// (`constant addition overflow` at the operator).
    pub(super) fn check_const_result(
        &mut self,
        e: &ast::Expr,
        v: ConstValue,
        t: TypeId,
    ) -> Option<ConstValue> {
        if self.is_untyped(t) && constant::overflows_untyped(&v) {
            let (span, name) = match &e.kind {
                ast::ExprKind::Binary { op, op_span, .. } => (
                    *op_span,
                    match op {
                        BinaryOp::Add => "addition ",
                        BinaryOp::Sub => "subtraction ",
                        BinaryOp::Xor => "bitwise XOR ",
                        BinaryOp::Mul => "multiplication ",
                        BinaryOp::Shl => "shift ",
                        _ => "",
                    },
                ),
                ast::ExprKind::Unary {
                    op: ast::UnaryOp::BitNot,
                    ..
                } => (e.span, "bitwise complement "),
                _ => (e.span, ""),
            };
            self.err(span, format!("constant {name}overflow"));
            return None;
        }
        self.check_const_fits(e, v, t)
    }

    fn identical_for_op(&self, a: TypeId, b: TypeId) -> bool {
        a == b || a == self.invalid() || b == self.invalid()
    }

    fn shift(
        &mut self,
        e: &ast::Expr,
        op: BinaryOp,
        xe: &ast::Expr,
        mut x: Operand,
        ye: &ast::Expr,
        mut y: Operand,
    ) -> Operand {
        let invalid = Operand::invalid();
        // The count as written, for messages (an untyped constant count keeps its type there).
        let y_written = y.clone();
        // Right operand: integer (untyped constant must be a non-negative integer).
        if self.is_untyped(y.ty) {
            match y.val.as_ref().and_then(constant::to_int) {
                Some(n) if n >= 0 => {
                    let t = TypeTable::basic(Basic::Uint);
                    self.set_type(ye, &mut y, t);
                }
                Some(_) => {
                    let d = self.describe(ye, &y);
                    self.err(
                        ye.span,
                        format!("invalid shift count {d} (must be non-negative)"),
                    );
                    return invalid;
                }
                None => {
                    if !self.is_integer(y.ty) {
                        let d = self.describe(ye, &y);
                        self.err(
                            ye.span,
                            format!("invalid operation: shift count {d} must be integer"),
                        );
                        return invalid;
                    }
                    let t = TypeTable::basic(Basic::Uint);
                    self.set_type(ye, &mut y, t);
                }
            }
        } else if !self.is_integer(y.ty) {
            let d = self.describe(ye, &y);
            self.err(
                ye.span,
                format!("invalid operation: shift count {d} must be integer"),
            );
            return invalid;
        }
        // Left operand.
        if self.is_untyped(x.ty) {
            match x.val.as_ref().and_then(constant::to_big) {
                Some(_) if y.val.is_some() => {
                    let t = TypeTable::basic(Basic::UntypedInt);
                    x.ty = if self.untyped_rank(x.ty) == 2 {
                        x.ty
                    } else {
                        t
                    };
                }
                Some(_) => {
                    // Non-constant shift of an untyped constant: the result stays untyped
                    // (non-constant) and takes the type its context gives the left operand
                    // (`update_type` converts the left operand with it); `int` by default.
                    let t = TypeTable::basic(Basic::UntypedInt);
                    return Operand::value(t);
                }
                None => {
                    let d = self.describe(xe, &x);
                    self.err(
                        xe.span,
                        format!("invalid operation: shifted operand {d} must be integer"),
                    );
                    return invalid;
                }
            }
        } else if !self.is_integer(x.ty) {
            let d = self.describe(xe, &x);
            self.err(
                xe.span,
                format!("invalid operation: shifted operand {d} must be integer"),
            );
            return invalid;
        }
        if let (Some(a), Some(b)) = (&x.val, &y.val) {
            let a = constant::to_big(a).unwrap_or_default();
            let count = constant::to_big(b)
                .and_then(|b| b.to_u64())
                .filter(|&n| n <= constant::SHIFT_BOUND);
            let Some(count) = count else {
                let d = self.describe(ye, &y_written);
                self.err(
                    ye.span,
                    format!("invalid operation: invalid shift count {d}"),
                );
                return invalid;
            };
            if !self.is_integer(x.ty) {
                x.ty = TypeTable::basic(Basic::UntypedInt);
            }
            return match constant::binary(op, &ConstValue::Int(a), &ConstValue::int(count), true) {
                Ok(v) => match self.check_const_result(e, v, x.ty) {
                    Some(v) => Operand::constant(x.ty, v),
                    None => invalid,
                },
                Err(_) => invalid,
            };
        }
        Operand::value(x.ty)
    }

    fn comparison(
        &mut self,
        e: &ast::Expr,
        op: BinaryOp,
        xe: &ast::Expr,
        x: &Operand,
        ye: &ast::Expr,
        y: &Operand,
    ) -> Operand {
        let invalid = Operand::invalid();
        let ub = TypeTable::basic(Basic::UntypedBool);
        use BinaryOp::*;
        let x_iface = self.is_interface(x.ty);
        let y_iface = self.is_interface(y.ty);
        let compatible = self.assignable(x.ty, y.ty) || self.assignable(y.ty, x.ty);
        if !compatible {
            self.mismatched_at(ye.span, e, x, y);
            return invalid;
        }
        if x_iface && !y_iface && y.mode != Mode::Nil {
            self.record_implicit(ye, x.ty);
        }
        if y_iface && !x_iface && x.mode != Mode::Nil {
            self.record_implicit(xe, y.ty);
        }
        let s = self.expr_string(e);
        for o in [x, y] {
            if !self.generics.placeholders.contains_key(&o.ty) {
                continue;
            }
            let why = if matches!(op, Eq | Ne) {
                if self.strictly_comparable(o.ty) || self.comparable_type_set(o.ty) {
                    continue;
                }
                "incomparable types in type set".to_string()
            } else {
                if !self.interface_placeholder(o.ty) {
                    continue;
                }
                let ts = self.show(o.ty);
                format!("type parameter {ts} is not comparable with {}", op.as_str())
            };
            self.err(
                e.span,
                format!("invalid operation: cannot compare {s} ({why})"),
            );
            return invalid;
        }
        if matches!(op, Eq | Ne) {
            let nil_cmp = x.mode == Mode::Nil || y.mode == Mode::Nil;
            if !nil_cmp {
                for (o, oe) in [(x, xe), (y, ye)] {
                    if !self.comparable(o.ty) {
                        let what = match self.types.under(o.ty) {
                            TypeKind::Slice(_) => "slice can only be compared to nil".to_string(),
                            TypeKind::Map(..) => "map can only be compared to nil".to_string(),
                            TypeKind::Func(_) => "func can only be compared to nil".to_string(),
                            _ => {
                                let _ = oe;
                                self.incomparable_cause(o.ty)
                            }
                        };
                        self.err(e.span, format!("invalid operation: {s} ({what})"));
                        return invalid;
                    }
                }
            } else {
                let other = if x.mode == Mode::Nil { y } else { x };
                let ok = matches!(
                    self.types.under(other.ty),
                    TypeKind::Pointer(_)
                        | TypeKind::Slice(_)
                        | TypeKind::Map(..)
                        | TypeKind::Chan(..)
                        | TypeKind::Func(_)
                        | TypeKind::Interface(_)
                );
                if !ok {
                    self.mismatched_at(ye.span, e, x, y);
                    return invalid;
                }
            }
        } else {
            let ordered = self.is_numeric(x.ty) || self.is_string(x.ty);
            if !ordered {
                let d = self.describe(xe, x);
                let _ = d;
                let k = self.kind_name(x.ty);
                self.err(
                    e.span,
                    format!(
                        "invalid operation: {s} (operator {} not defined on {k})",
                        op.as_str()
                    ),
                );
                return invalid;
            }
        }
        if let (Some(a), Some(b)) = (&x.val, &y.val) {
            let integer = self.is_integer(x.ty);
            if let Ok(v) = constant::binary(op, a, b, integer) {
                return Operand::constant(ub, v);
            }
        }
        // Operands that remained untyped take their default types.
        let (mut xo, mut yo) = (x.clone(), y.clone());
        self.default_operand(xe, &mut xo);
        self.default_operand(ye, &mut yo);
        Operand::value(ub)
    }

    /// Why a struct or array type is not comparable (go/types' incomparableCause).
    fn incomparable_cause(&self, t: TypeId) -> String {
        match self.types.under(t) {
            TypeKind::Struct(fs) => {
                for f in fs {
                    if !self.comparable(f.ty) {
                        let fs = self.show(f.ty);
                        return format!("struct containing {fs} cannot be compared");
                    }
                }
                format!("{} cannot be compared", self.show(t))
            }
            _ => format!("{} cannot be compared", self.show(t)),
        }
    }

    /// go/types' short description of a type's kind: `struct`, `slice`, `map`, `pointer`...
    pub fn kind_name(&self, t: TypeId) -> String {
        match self.types.under(t) {
            TypeKind::Basic(b) => b.name().to_string(),
            TypeKind::Pointer(_) => "pointer".into(),
            TypeKind::Slice(_) => "slice".into(),
            TypeKind::Array(..) => "array".into(),
            TypeKind::Map(..) => "map".into(),
            TypeKind::Chan(..) => "chan".into(),
            TypeKind::Struct(_) | TypeKind::Sync(_) => "struct".into(),
            TypeKind::Func(_) => "func".into(),
            TypeKind::Interface(_) => "interface".into(),
            TypeKind::Tuple(_) => "tuple".into(),
            TypeKind::Named { .. } => "named".into(),
        }
    }

    // ---- index, slice ----
}
