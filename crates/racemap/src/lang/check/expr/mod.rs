//! Expressions: identifiers, literals, operators, indexing, composite literals, function
//! literals, and the assignability / untyped-conversion rules they all share.
//!
//! Files: this one dispatches expressions and checks identifiers and function literals;
//! `assignable.rs` assignability and untyped conversion, `unary.rs` and `binary.rs` the
//! operators, `index.rs` index and slice expressions, `composite.rs` composite literals.

mod assignable;
mod binary;
mod composite;
mod index;
mod unary;

use crate::lang::ast::{self, ExprKind};
use crate::lang::check::constant::{self};
use crate::lang::check::info::*;
use crate::lang::check::{Checker, Operand};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};

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
                let d = self.expr_string(e);
                self.err(e.span, format!("{d} (no value) used as value"));
                Operand::invalid()
            }
            Mode::Builtin => {
                let d = self.describe(e, &x);
                self.err(e.span, format!("{d} must be called"));
                Operand::invalid()
            }
            Mode::Package => {
                let d = self.expr_string(e);
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
            // go/types caps literals at 10000 characters (no meaningful constant is longer).
            ExprKind::IntLit(lit) | ExprKind::FloatLit(lit) if lit.len() > 10_000 => {
                let head: String = lit.chars().take(10).collect();
                self.err(
                    e.span,
                    format!("excessively long constant: {head}... ({} chars)", lit.len()),
                );
                invalid
            }
            ExprKind::IntLit(lit) => match constant::parse_int(lit) {
                Some(v) => {
                    Operand::constant(TypeTable::basic(Basic::UntypedInt), ConstValue::Int(v))
                }
                // A skipped NUL stays in the literal's text; Go 1.19 cannot read it either.
                None if lit.contains('\0') => {
                    self.err(e.span, format!("malformed constant: {lit}"));
                    invalid
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
                None if lit.contains('\0') => {
                    self.err(e.span, format!("malformed constant: {lit}"));
                    invalid
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
                ConstValue::int(*c as u32),
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
                if self.generics.placeholders.contains_key(&xo.ty) {
                    let d = self.describe(x, &xo);
                    self.err(
                        x.span,
                        format!(
                            "invalid operation: cannot use type assertion on type parameter value {d}"
                        ),
                    );
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
                if !self.is_interface(t) {
                    if let Some(m) = self.missing_method(t, xo.ty) {
                        let s = self.expr_string(e);
                        let why = self.not_implement_text(t, xo.ty, &m);
                        self.err(e.span, format!("impossible type assertion: {s}\n\t{why}"));
                        return invalid;
                    }
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
        if self.generics.is_generic(obj) {
            self.record_ident(id, obj, false);
            self.generic_without_instantiation(id.span, obj);
            return invalid;
        }
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
                self.refs.entry(d).or_default().insert(obj, ());
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
                        Some(i) => Operand::constant(ty, ConstValue::int(i)),
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
            ObjectKind::Func { ty, .. }
            | ObjectKind::Lib { ty, .. }
            | ObjectKind::LibVar { ty, .. } => {
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
}
