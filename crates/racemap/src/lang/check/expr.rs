//! Expressions: identifiers, literals, operators, indexing, composite literals, function
//! literals, and the assignability / untyped-conversion rules they all share.

use crate::lang::ast::print::expr_string;
use crate::lang::ast::{self, BinaryOp, ExprKind, UnaryOp};
use crate::lang::check::constant::{self, ConstError, NotRepresentable};
use crate::lang::check::info::*;
use crate::lang::check::{Checker, Operand};
use crate::lang::types::{Basic, TypeId, TypeKind, TypeTable};

fn unparen(e: &ast::Expr) -> &ast::Expr {
    let mut e = e;
    while let ExprKind::Paren(x) = &e.kind {
        e = x;
    }
    e
}

impl<'a> Checker<'a> {
    /// A single value (not a type, not void, not multi-value).
    pub fn expr(&mut self, e: &ast::Expr) -> Operand {
        let x = self.expr_any(e);
        self.single_value(e, x)
    }

    /// Reject non-values in a value context.
    pub fn single_value(&mut self, e: &ast::Expr, x: Operand) -> Operand {
        if x.is_invalid() {
            return x;
        }
        match x.mode {
            Mode::Type => {
                let d = self.describe(e, &x);
                self.err(e.span, format!("{d} is not an expression"));
                Operand::invalid()
            }
            Mode::NoValue => {
                let d = expr_string(e);
                self.err(e.span, format!("{d} (no value) used as value"));
                Operand::invalid()
            }
            Mode::Builtin => {
                let d = self.describe(e, &x);
                self.err(e.span, format!("{d} must be called"));
                Operand::invalid()
            }
            Mode::Package => {
                let d = expr_string(e);
                self.err(e.span, format!("use of package {d} without selector"));
                Operand::invalid()
            }
            Mode::Tuple => {
                let d = self.describe(e, &x);
                self.err(
                    e.span,
                    format!("multiple-value {d} in single-value context"),
                );
                Operand::invalid()
            }
            _ => x,
        }
    }

    /// A value or a multi-value call.
    pub fn expr_multi(&mut self, e: &ast::Expr) -> Operand {
        let x = self.expr_any(e);
        if x.mode == Mode::Tuple {
            return x;
        }
        self.single_value(e, x)
    }

    /// Any expression (value, type, builtin, package, tuple); records the result.
    pub fn expr_any(&mut self, e: &ast::Expr) -> Operand {
        let x = self.expr_inner(e, None);
        self.record(e, &x);
        x
    }

    /// An expression with an expected composite-literal type (for elided literal types).
    pub fn expr_hint(&mut self, e: &ast::Expr, hint: TypeId) -> Operand {
        let x = self.expr_inner(e, Some(hint));
        self.record(e, &x);
        self.single_value(e, x)
    }

    fn expr_inner(&mut self, e: &ast::Expr, hint: Option<TypeId>) -> Operand {
        let invalid = Operand::invalid();
        match &e.kind {
            ExprKind::Bad => invalid,
            ExprKind::Ident(id) => self.ident(id),
            ExprKind::IntLit(lit) => match constant::parse_int(lit) {
                Some(v) => {
                    Operand::constant(TypeTable::basic(Basic::UntypedInt), ConstValue::Int(v))
                }
                None => {
                    self.err(e.span, format!("integer constant overflow: {lit}"));
                    invalid
                }
            },
            ExprKind::FloatLit(lit) => match constant::parse_float(lit) {
                Some(v) => {
                    Operand::constant(TypeTable::basic(Basic::UntypedFloat), ConstValue::Float(v))
                }
                None => {
                    self.unsupported(e.span, format!("the float literal {lit}"));
                    invalid
                }
            },
            ExprKind::ImagLit(_) => {
                self.unsupported(e.span, "complex numbers");
                invalid
            }
            ExprKind::RuneLit(c) => Operand::constant(
                TypeTable::basic(Basic::UntypedRune),
                ConstValue::Int(*c as i128),
            ),
            ExprKind::StringLit { value, .. } => Operand::constant(
                TypeTable::basic(Basic::UntypedString),
                ConstValue::String(value.clone()),
            ),
            ExprKind::CompositeLit { ty, elts, rbrace } => {
                self.composite(e, ty.as_deref(), elts, *rbrace, hint)
            }
            ExprKind::FuncLit { sig, body } => self.func_lit(e, sig, body),
            ExprKind::Paren(x) => match hint {
                Some(h) => self.expr_hint(x, h),
                None => self.expr_any(x),
            },
            ExprKind::Selector { x, sel } => self.selector(e, x, sel, false),
            ExprKind::Index { x, indices } => self.index(e, x, indices),
            ExprKind::Slice { x, lo, hi, max } => {
                self.slice_expr(e, x, lo.as_deref(), hi.as_deref(), max.as_deref())
            }
            ExprKind::TypeAssert { x, ty } => {
                let xo = self.expr(x);
                let Some(ty) = ty else {
                    self.err(e.span, "use of .(type) outside type switch");
                    return invalid;
                };
                let t = self.resolve_type(ty);
                if xo.is_invalid() || t == self.invalid() {
                    return invalid;
                }
                if !self.is_interface(xo.ty) {
                    let d = self.describe(x, &xo);
                    self.err(
                        x.span,
                        format!("invalid operation: {d} is not an interface"),
                    );
                    return invalid;
                }
                if self.is_interface(t) && t != self.any_type && t != self.error_type && t != xo.ty
                {
                    self.unsupported(ty.span, "type assertions to interfaces with methods");
                    return invalid;
                }
                Operand::value(t)
            }
            ExprKind::Call {
                func,
                args,
                ellipsis,
            } => self.call(e, func, args, *ellipsis),
            ExprKind::Star(x) => {
                let xo = self.expr_any(x);
                if xo.is_invalid() {
                    return invalid;
                }
                if xo.mode == Mode::Type {
                    let t = self.types.intern(TypeKind::Pointer(xo.ty));
                    return Operand {
                        mode: Mode::Type,
                        ty: t,
                        val: None,
                    };
                }
                let xo = self.single_value(x, xo);
                if xo.is_invalid() {
                    return invalid;
                }
                if xo.mode == Mode::Nil {
                    self.err(e.span, "invalid operation: cannot indirect nil");
                    return invalid;
                }
                match self.types.under(xo.ty).clone() {
                    TypeKind::Pointer(t) => Operand {
                        mode: Mode::Variable,
                        ty: t,
                        val: None,
                    },
                    _ => {
                        let d = self.describe(x, &xo);
                        self.err(e.span, format!("invalid operation: cannot indirect {d}"));
                        invalid
                    }
                }
            }
            ExprKind::Unary { op, x } => self.unary(e, *op, x, hint),
            ExprKind::Binary { op, x, y, .. } => self.binary(e, *op, x, y),
            ExprKind::ArrayType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. }
            | ExprKind::FuncType(_)
            | ExprKind::StructType(_)
            | ExprKind::InterfaceType(_) => {
                let t = self.resolve_type(e);
                if t == self.invalid() {
                    return invalid;
                }
                Operand {
                    mode: Mode::Type,
                    ty: t,
                    val: None,
                }
            }
            ExprKind::Ellipsis => {
                self.err(e.span, "invalid use of ...");
                invalid
            }
        }
    }

    fn ident(&mut self, id: &ast::Ident) -> Operand {
        let invalid = Operand::invalid();
        if id.name == "_" {
            self.err(id.span, "cannot use _ as value");
            return invalid;
        }
        if matches!(
            id.name.as_str(),
            "complex64" | "complex128" | "complex" | "real" | "imag"
        ) && self.lookup(&id.name).is_none()
        {
            self.unsupported(id.span, "complex numbers");
            return invalid;
        }
        if id.name == "unsafe" && self.lookup(&id.name).is_none() {
            self.unsupported(id.span, "package unsafe");
            return invalid;
        }
        let Some(obj) = self.lookup(&id.name) else {
            if self.dot_import {
                return invalid;
            }
            self.err(id.span, format!("undefined: {}", id.name));
            return invalid;
        };
        self.record_ident(id, obj, false);
        self.use_object(obj, id.span, true)
    }

    /// The operand an object denotes. `mark` marks variables used.
    pub fn use_object(&mut self, obj: ObjectId, span: crate::diag::Span, mark: bool) -> Operand {
        let invalid = Operand::invalid();
        // Lazily resolve package-level objects (named types need not be resolved to be named).
        let skip = matches!(self.info.object(obj).kind, ObjectKind::TypeName { ty } if matches!(self.types.kind(ty), TypeKind::Named { .. }));
        if !skip && self.states[obj.0 as usize].pending.is_some() {
            self.resolve_obj(obj);
        }
        if let Some(d) = self.current_decl {
            if matches!(
                self.info.object(obj).kind,
                ObjectKind::Global { .. } | ObjectKind::Func { .. }
            ) {
                self.refs.entry(d).or_default().insert(obj);
            }
        }
        match self.info.object(obj).kind.clone() {
            ObjectKind::Var(v) => {
                if mark {
                    self.mark_used(obj);
                }
                self.note_var_use(obj, &v);
                if v.ty == self.invalid() {
                    return invalid;
                }
                Operand {
                    mode: Mode::Variable,
                    ty: v.ty,
                    val: None,
                }
            }
            ObjectKind::Global { ty, .. } => {
                if ty == self.invalid() {
                    return invalid;
                }
                Operand {
                    mode: Mode::Variable,
                    ty,
                    val: None,
                }
            }
            ObjectKind::Const { ty, value } => {
                if self.is_iota(obj) {
                    return match self.iota {
                        Some(i) => Operand::constant(ty, ConstValue::Int(i)),
                        None => {
                            self.err(span, "cannot use iota outside constant declaration");
                            invalid
                        }
                    };
                }
                if ty == self.invalid() {
                    return invalid;
                }
                Operand::constant(ty, value)
            }
            ObjectKind::TypeName { ty } => {
                if ty == self.invalid() {
                    return invalid;
                }
                Operand {
                    mode: Mode::Type,
                    ty,
                    val: None,
                }
            }
            ObjectKind::Func { ty, .. } | ObjectKind::Lib { ty, .. } => {
                if ty == self.invalid() {
                    return invalid;
                }
                Operand::value(ty)
            }
            ObjectKind::Method { .. } => invalid,
            ObjectKind::Builtin(_) => Operand {
                mode: Mode::Builtin,
                ty: self.invalid_builtin_type(),
                val: None,
            },
            ObjectKind::PkgName { .. } => {
                let name = self.info.object(obj).name.clone();
                if let Some(entry) = self.imports.get_mut(&name) {
                    entry.2 = true;
                }
                Operand {
                    mode: Mode::Package,
                    ty: self.invalid_builtin_type(),
                    val: None,
                }
            }
            ObjectKind::Nil => Operand {
                mode: Mode::Nil,
                ty: TypeTable::basic(Basic::UntypedNil),
                val: None,
            },
        }
    }

    /// Placeholder type for builtins and packages (not Invalid, so they are not silenced).
    fn invalid_builtin_type(&self) -> TypeId {
        TypeTable::basic(Basic::UntypedNil)
    }

    fn func_lit(&mut self, e: &ast::Expr, sig: &ast::FuncType, body: &ast::Block) -> Operand {
        let t = self.signature(sig);
        if t == self.invalid() {
            return Operand::invalid();
        }
        let (name, parent) = match self.funcs.last_mut() {
            Some(f) => {
                f.literals += 1;
                let name = if f.is_literal {
                    format!("{}.{}", f.name, f.literals)
                } else {
                    format!("{}.func{}", f.name, f.literals)
                };
                (name, Some(f.key))
            }
            None => {
                self.init_count += 0;
                let n = self
                    .info
                    .funcs
                    .values()
                    .filter(|f| f.name.starts_with("main.glob..func"))
                    .count();
                (format!("main.glob..func{}", n + 1), None)
            }
        };
        self.check_func(e.id, name, None, sig, t, body, true, parent);
        Operand::value(t)
    }

    // ---- assignability and untyped conversion ----

    /// Whether a value of (typed) type `v` may be assigned to `t`.
    pub fn assignable(&self, v: TypeId, t: TypeId) -> bool {
        let invalid = self.invalid();
        if v == t || v == invalid || t == invalid {
            return true;
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
        if let TypeKind::Interface(ms) = self.types.under(t) {
            if ms.is_empty() {
                return true;
            }
            return self.types.underlying(v) == self.types.underlying(t);
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
            if is_iface && self.types.under(t) != self.types.under(self.any_type) {
                let d = self.describe(e, x);
                let ts = self.show(t);
                let ds = self.show(target);
                self.err(e.span, format!("cannot use {d} as {ts} value in {context}: {ds} does not implement {ts} (missing method Error)"));
                return false;
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
                        Some(NotRepresentable::Truncated) => " (truncated)",
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
                let vs = self.show(x.ty);
                let has_error = self.has_error_method(x.ty);
                if has_error {
                    self.unsupported(
                        e.span,
                        format!("user-defined error types ({vs} used as error)"),
                    );
                    return false;
                }
                msg.push_str(&format!(
                    ": {vs} does not implement {ts} (missing method Error)"
                ));
            }
            self.err(e.span, msg);
            false
        }
    }

    fn has_error_method(&self, t: TypeId) -> bool {
        let base = match self.types.kind(t) {
            TypeKind::Pointer(b) => *b,
            _ => t,
        };
        self.methods
            .get(&base)
            .map(|m| m.contains_key("Error"))
            .unwrap_or(false)
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

    fn unary(
        &mut self,
        e: &ast::Expr,
        op: UnaryOp,
        xe: &ast::Expr,
        hint: Option<TypeId>,
    ) -> Operand {
        let invalid = Operand::invalid();
        match op {
            UnaryOp::Addr => {
                let inner = unparen(xe);
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
                            e.span,
                            format!("invalid operation: cannot receive from non-channel {d}"),
                        );
                        invalid
                    }
                }
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
                            let r = self.check_const_fits(e, r, x.ty);
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

    /// A typed constant result must fit its type: `constant 300 overflows int8`.
    fn check_const_fits(&mut self, e: &ast::Expr, v: ConstValue, t: TypeId) -> Option<ConstValue> {
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
                    let s = expr_string(e);
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
                let d = self.describe(ue, u);
                let ts = self.show(target);
                let msg = match reason {
                    Some(NotRepresentable::Overflows) => format!("{d} overflows {ts}"),
                    Some(NotRepresentable::Truncated) => format!("{d} truncated to {ts}"),
                    _ => format!("cannot convert {d} to type {ts}"),
                };
                self.err(ue.span, msg);
                false
            }
        }
    }

    fn mismatched(&mut self, e: &ast::Expr, op: BinaryOp, x: &Operand, y: &Operand) {
        let _ = op;
        let s = expr_string(e);
        let (xs, ys) = (self.show_operand_type(x), self.show_operand_type(y));
        self.err(
            e.span,
            format!("invalid operation: {s} (mismatched types {xs} and {ys})"),
        );
    }

    fn mismatched_at(&mut self, at: crate::diag::Span, e: &ast::Expr, x: &Operand, y: &Operand) {
        let s = expr_string(e);
        let (xs, ys) = (self.show(x.ty), self.show(y.ty));
        self.err(
            at,
            format!("invalid operation: {s} (mismatched types {xs} and {ys})"),
        );
    }

    fn show_operand_type(&self, x: &Operand) -> String {
        self.show(x.ty)
    }

    fn binary(&mut self, e: &ast::Expr, op: BinaryOp, xe: &ast::Expr, ye: &ast::Expr) -> Operand {
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
            let s = expr_string(e);
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
                if constant::to_f64(v) == Some(0.0) && (self.is_integer(t) || x.val.is_some()) {
                    self.err(ye.span, "invalid operation: division by zero");
                    return invalid;
                }
            }
        }
        if let (Some(a), Some(b)) = (&x.val, &y.val) {
            let integer = self.is_integer(t);
            return match constant::binary(op, a, b, integer) {
                Ok(v) => match self.check_const_fits(e, v, t) {
                    Some(v) => Operand::constant(t, v),
                    None => invalid,
                },
                Err(ConstError::DivByZero) => {
                    self.err(ye.span, "invalid operation: division by zero");
                    invalid
                }
                Err(ConstError::Overflow) => {
                    self.err(e.span, "constant overflow");
                    invalid
                }
                Err(ConstError::BadOp) => invalid,
            };
        }
        Operand::value(t)
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
            match x.val.as_ref().and_then(constant::to_int) {
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
            let a = constant::to_int(a).unwrap_or(0);
            let b = constant::to_int(b).unwrap_or(0);
            return match constant::binary(op, &ConstValue::Int(a), &ConstValue::Int(b), true) {
                Ok(v) => match self.check_const_fits(e, v, x.ty) {
                    Some(v) => Operand::constant(x.ty, v),
                    None => invalid,
                },
                Err(_) => {
                    self.err(e.span, "constant shift overflow");
                    invalid
                }
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
        let s = expr_string(e);
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

    fn index(&mut self, e: &ast::Expr, xe: &ast::Expr, indices: &[ast::Expr]) -> Operand {
        let invalid = Operand::invalid();
        let x = self.expr_any(xe);
        if x.is_invalid() {
            return invalid;
        }
        if x.mode == Mode::Type || indices.len() != 1 {
            self.unsupported(e.span, "generic types");
            return invalid;
        }
        if matches!(self.info.object_of_expr_func(xe), Some(true)) {
            self.unsupported(e.span, "generic functions");
            return invalid;
        }
        let x = self.single_value(xe, x);
        if x.is_invalid() {
            return invalid;
        }
        let ie = &indices[0];
        match self.types.under(x.ty).clone() {
            TypeKind::Map(k, v) => {
                let mut i = self.expr(ie);
                self.assign_to(ie, &mut i, k, "map index");
                Operand {
                    mode: Mode::MapIndex,
                    ty: v,
                    val: None,
                }
            }
            TypeKind::Slice(elem) => {
                self.index_value(ie, None);
                Operand {
                    mode: Mode::Variable,
                    ty: elem,
                    val: None,
                }
            }
            TypeKind::Array(n, elem) => {
                self.index_value(ie, Some(n));
                let mode = if x.mode == Mode::Variable {
                    Mode::Variable
                } else {
                    Mode::Value
                };
                Operand {
                    mode,
                    ty: elem,
                    val: None,
                }
            }
            TypeKind::Pointer(p) => match self.types.under(p).clone() {
                TypeKind::Array(n, elem) => {
                    self.index_value(ie, Some(n));
                    Operand {
                        mode: Mode::Variable,
                        ty: elem,
                        val: None,
                    }
                }
                _ => {
                    let d = self.describe(xe, &x);
                    self.err(xe.span, format!("invalid operation: cannot index {d}"));
                    invalid
                }
            },
            TypeKind::Basic(Basic::String | Basic::UntypedString) => {
                let len = match &x.val {
                    Some(ConstValue::String(s)) => Some(s.len() as u64),
                    _ => None,
                };
                let i = self.index_value(ie, len);
                let u8t = TypeTable::basic(Basic::Uint8);
                if let (Some(ConstValue::String(s)), Some(i)) = (&x.val, i) {
                    if let Some(b) = s.as_bytes().get(i as usize) {
                        return Operand::constant(u8t, ConstValue::Int(*b as i128));
                    }
                }
                Operand::value(u8t)
            }
            _ => {
                let d = self.describe(xe, &x);
                self.err(xe.span, format!("invalid operation: cannot index {d}"));
                invalid
            }
        }
    }

    /// Check an index value; returns its constant value when known.
    fn index_value(&mut self, ie: &ast::Expr, len: Option<u64>) -> Option<i128> {
        let mut i = self.expr(ie);
        if i.is_invalid() {
            return None;
        }
        if self.is_untyped(i.ty) {
            let int = TypeTable::basic(Basic::Int);
            match i.val.as_ref().and_then(constant::to_int) {
                Some(_) if i.mode == Mode::Constant => self.set_type(ie, &mut i, int),
                None if self.is_integer(i.ty) => self.set_type(ie, &mut i, int),
                _ => {
                    // The untyped constant cannot become an int (go/types' convertUntyped).
                    let d = self.describe(ie, &i);
                    let msg = match self.untyped_fits(&i, int) {
                        Err(Some(NotRepresentable::Truncated)) => format!("{d} truncated to int"),
                        Err(Some(NotRepresentable::Overflows)) => format!("{d} overflows int"),
                        _ => format!("cannot convert {d} to type int"),
                    };
                    self.err(ie.span, msg);
                    return None;
                }
            }
        }
        if !self.is_integer(i.ty) {
            let d = self.describe(ie, &i);
            self.err(
                ie.span,
                format!("invalid argument: index {d} must be integer"),
            );
            return None;
        }
        let v = i.val.as_ref().and_then(constant::to_int)?;
        if v < 0 {
            let d = self.describe(ie, &i);
            self.err(
                ie.span,
                format!("invalid argument: index {d} must not be negative"),
            );
            return None;
        }
        if let Some(n) = len {
            if v as u64 >= n {
                self.err(
                    ie.span,
                    format!("invalid argument: index {v} out of bounds [0:{n}]"),
                );
                return None;
            }
        }
        Some(v)
    }

    fn slice_expr(
        &mut self,
        e: &ast::Expr,
        xe: &ast::Expr,
        lo: Option<&ast::Expr>,
        hi: Option<&ast::Expr>,
        max: Option<&ast::Expr>,
    ) -> Operand {
        let invalid = Operand::invalid();
        let x = self.expr(xe);
        let mut bad = x.is_invalid();
        // Constant indices of arrays and constant strings must be within 0..=len.
        let bound = if bad {
            None
        } else {
            let base = match self.types.under(x.ty) {
                TypeKind::Pointer(p) => *p,
                _ => x.ty,
            };
            match (self.types.under(base), &x.val) {
                (TypeKind::Array(n, _), _) => Some(n + 1),
                (_, Some(ConstValue::String(s))) => Some(s.len() as u64 + 1),
                _ => None,
            }
        };
        for b in [lo, hi, max].into_iter().flatten() {
            if self.index_value(b, bound).is_none()
                && self.info.expr(b.id).map(|i| i.ty) == Some(self.invalid())
            {
                bad = true;
            }
        }
        if bad {
            return invalid;
        }
        let result = match self.types.under(x.ty).clone() {
            TypeKind::Basic(Basic::String | Basic::UntypedString) => {
                if max.is_some() {
                    self.err(e.span, "invalid operation: 3-index slice of string");
                    return invalid;
                }
                if self.is_untyped(x.ty) {
                    TypeTable::basic(Basic::String)
                } else {
                    x.ty
                }
            }
            TypeKind::Slice(_) => x.ty,
            TypeKind::Array(_, elem) => {
                if x.mode != Mode::Variable {
                    let d = self.describe(xe, &x);
                    self.err(
                        e.span,
                        format!("invalid operation: {d} (slice of unaddressable value)"),
                    );
                    return invalid;
                }
                self.mark_addr_taken(xe);
                self.types.intern(TypeKind::Slice(elem))
            }
            TypeKind::Pointer(p) => match self.types.under(p).clone() {
                TypeKind::Array(_, elem) => self.types.intern(TypeKind::Slice(elem)),
                _ => {
                    let d = self.describe(xe, &x);
                    self.err(e.span, format!("cannot slice {d}"));
                    return invalid;
                }
            },
            _ => {
                let d = self.describe(xe, &x);
                self.err(e.span, format!("cannot slice {d}"));
                return invalid;
            }
        };
        Operand::value(result)
    }

    // ---- composite literals ----

    fn composite(
        &mut self,
        e: &ast::Expr,
        ty: Option<&ast::Expr>,
        elts: &[ast::KeyedElement],
        rbrace: crate::diag::Span,
        hint: Option<TypeId>,
    ) -> Operand {
        let invalid = Operand::invalid();
        let _ = rbrace;
        let mut t = match ty {
            Some(te) => {
                // [...]T
                if let ExprKind::ArrayType {
                    len: Some(len),
                    elem,
                } = &te.kind
                {
                    if matches!(len.kind, ExprKind::Ellipsis) {
                        let el = self.resolve_type(elem);
                        if el == self.invalid() {
                            return invalid;
                        }
                        let mut n: u64 = 0;
                        let mut idx: u64 = 0;
                        for kv in elts {
                            if let Some(k) = &kv.key {
                                if let Some(ConstValue::Int(i)) = self.peek_const(k) {
                                    idx = i.clamp(0, 1 << 40) as u64;
                                }
                            }
                            idx = idx.saturating_add(1);
                            n = n.max(idx);
                        }
                        let at = self.types.intern(TypeKind::Array(n, el));
                        self.record(
                            te,
                            &Operand {
                                mode: Mode::Type,
                                ty: at,
                                val: None,
                            },
                        );
                        at
                    } else {
                        self.resolve_type(te)
                    }
                } else {
                    self.resolve_type(te)
                }
            }
            None => match hint {
                Some(h) => h,
                None => {
                    self.err(e.span, "invalid composite literal type: missing type");
                    return invalid;
                }
            },
        };
        if t == self.invalid() {
            for kv in elts {
                // still check values for undefined names
                if !matches!(kv.value.kind, ExprKind::CompositeLit { ty: None, .. }) {
                    self.expr(&kv.value);
                }
            }
            return invalid;
        }
        // Elided &T in []*T{{...}}.
        let mut pointer_elided = None;
        if ty.is_none() {
            if let TypeKind::Pointer(base) = self.types.under(t).clone() {
                pointer_elided = Some(t);
                t = base;
            }
        }
        match self.types.under(t).clone() {
            TypeKind::Struct(fields) => {
                let keyed = elts.first().map(|k| k.key.is_some()).unwrap_or(false);
                let ts = self.show(t);
                if keyed {
                    let mut seen = std::collections::BTreeSet::new();
                    for kv in elts {
                        let Some(k) = &kv.key else {
                            self.err(
                                kv.value.span,
                                "mixture of field:value and value elements in struct literal",
                            );
                            self.expr(&kv.value);
                            continue;
                        };
                        let ExprKind::Ident(name) = &k.kind else {
                            self.err(
                                k.span,
                                format!("invalid field name {} in struct literal", expr_string(k)),
                            );
                            self.expr(&kv.value);
                            continue;
                        };
                        let Some(fi) = fields.iter().position(|f| f.name == name.name) else {
                            self.err(
                                k.span,
                                format!(
                                    "unknown field {} in struct literal of type {ts}",
                                    name.name
                                ),
                            );
                            self.expr(&kv.value);
                            continue;
                        };
                        if !seen.insert(fi) {
                            // go/types reports at the key-value pair's colon.
                            self.err(
                                crate::diag::Span::new(k.span.hi, k.span.hi + 1),
                                format!("duplicate field name {} in struct literal", name.name),
                            );
                        }
                        self.info.selections.insert(
                            k.id,
                            Selection::Field {
                                path: vec![FieldStep {
                                    index: fi as u32,
                                    deref: false,
                                }],
                            },
                        );
                        let ft = fields[fi].ty;
                        let mut v = self.expr_hint(&kv.value, ft);
                        self.assign_to(&kv.value, &mut v, ft, "struct literal");
                    }
                } else {
                    for (i, kv) in elts.iter().enumerate() {
                        if kv.key.is_some() {
                            self.err(
                                kv.value.span,
                                "mixture of field:value and value elements in struct literal",
                            );
                            continue;
                        }
                        let Some(f) = fields.get(i) else {
                            self.err(
                                kv.value.span,
                                format!("too many values in struct literal of type {ts}"),
                            );
                            break;
                        };
                        let ft = f.ty;
                        let mut v = self.expr_hint(&kv.value, ft);
                        self.assign_to(&kv.value, &mut v, ft, "struct literal");
                    }
                    if !elts.is_empty() && elts.len() < fields.len() {
                        self.err(
                            rbrace,
                            format!("too few values in struct literal of type {ts}"),
                        );
                    }
                }
            }
            TypeKind::Slice(elem) | TypeKind::Array(_, elem) => {
                let len = match self.types.under(t) {
                    TypeKind::Array(n, _) => Some(*n),
                    _ => None,
                };
                let mut idx: i128 = 0;
                for kv in elts {
                    if let Some(k) = &kv.key {
                        let kx = self.expr(k);
                        match (&kx.val, kx.mode) {
                            (Some(v), Mode::Constant)
                                if constant::to_int(v)
                                    .map(|i| (0..=i64::MAX as i128).contains(&i))
                                    .unwrap_or(false) =>
                            {
                                idx = constant::to_int(v).unwrap_or(0);
                                let mut kx = kx.clone();
                                self.set_type(k, &mut kx, TypeTable::basic(Basic::Int));
                            }
                            _ => {
                                if !kx.is_invalid() {
                                    let d = self.describe(k, &kx);
                                    let big = kx
                                        .val
                                        .as_ref()
                                        .and_then(constant::to_int)
                                        .is_some_and(|i| i > 0);
                                    if big {
                                        self.err(k.span, format!("{d} overflows int"));
                                    } else {
                                        self.err(
                                            k.span,
                                            format!("index {d} must be integer constant"),
                                        );
                                    }
                                }
                            }
                        }
                    }
                    if let Some(n) = len {
                        if idx as u64 >= n {
                            self.err(
                                kv.value.span,
                                format!("index {idx} is out of bounds (>= {n})"),
                            );
                        }
                    }
                    let mut v = self.expr_hint(&kv.value, elem);
                    self.assign_to(&kv.value, &mut v, elem, "array or slice literal");
                    idx = idx.saturating_add(1);
                }
            }
            TypeKind::Map(kt, vt) => {
                for kv in elts {
                    match &kv.key {
                        Some(k) => {
                            let mut kx = self.expr_hint(k, kt);
                            self.assign_to(k, &mut kx, kt, "map literal");
                        }
                        None => self.err(kv.value.span, "missing key in map literal"),
                    }
                    let mut v = self.expr_hint(&kv.value, vt);
                    self.assign_to(&kv.value, &mut v, vt, "map literal");
                }
            }
            _ => {
                let ts = self.show(t);
                self.err(e.span, format!("invalid composite literal type {ts}"));
                return invalid;
            }
        }
        match pointer_elided {
            Some(p) => Operand::value(p),
            None => Operand::value(t),
        }
    }

    /// The constant value of an expression without recording anything (for `[...]T` sizing).
    fn peek_const(&self, e: &ast::Expr) -> Option<ConstValue> {
        match &e.kind {
            ExprKind::IntLit(l) => constant::parse_int(l).map(ConstValue::Int),
            _ => None,
        }
    }
}

impl Info {
    /// Whether `e` names a generic function (never: racemap rejects generic declarations).
    pub(crate) fn object_of_expr_func(&self, _e: &ast::Expr) -> Option<bool> {
        None
    }
}
