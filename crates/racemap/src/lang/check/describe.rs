//! How messages print expressions and operands, following go/types: an expression is printed
//! from the tree (`m[k]`, `f()`, `x + 1`, composite literals shortened to `T{…}`), and an
//! operand as `x (variable of type int)`, `1 (untyped int constant)`, `f() (value of type int)`,
//! `c (constant 5 of type int)`, `nil`.

use crate::lang::ast::{self, ExprKind, UnaryOp};
use crate::lang::check::constant;
use crate::lang::check::info::{ConstValue, Mode};
use crate::lang::types::TypeId;
use crate::lang::types::{Basic, TypeKind, TypeTable};

/// A type as compiler messages print it: package `main` unqualified, `any` for `interface {}`.
pub fn type_string(types: &TypeTable, ty: TypeId) -> String {
    types.display(ty, false).replace("interface {}", "any")
}

/// Go's rendering of an expression.
pub fn expr_string(e: &ast::Expr) -> String {
    let mut s = String::new();
    write_expr(&mut s, e);
    s
}

fn write_list(s: &mut String, es: &[ast::Expr]) {
    for (i, e) in es.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        write_expr(s, e);
    }
}

fn write_sig(s: &mut String, sig: &ast::FuncType) {
    s.push('(');
    let n = sig.params.len();
    for (i, p) in sig.params.iter().enumerate() {
        if let Some(name) = &p.name {
            s.push_str(&name.name);
        }
        // `a, b int` shares one written type: print it once, after the last name.
        let grouped = i + 1 < n && sig.params[i + 1].ty.span == p.ty.span && p.name.is_some();
        if grouped {
            s.push_str(", ");
            continue;
        }
        if p.name.is_some() {
            s.push(' ');
        }
        if p.variadic {
            s.push_str("...");
        }
        write_expr(s, &p.ty);
        if i + 1 < n {
            s.push_str(", ");
        }
    }
    s.push(')');
    match sig.results.len() {
        0 => {}
        1 if sig.results[0].name.is_none() => {
            s.push(' ');
            write_expr(s, &sig.results[0].ty);
        }
        _ => {
            s.push_str(" (");
            for (i, p) in sig.results.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                if let Some(n) = &p.name {
                    s.push_str(&n.name);
                    s.push(' ');
                }
                write_expr(s, &p.ty);
            }
            s.push(')');
        }
    }
}

fn write_expr(s: &mut String, e: &ast::Expr) {
    match &e.kind {
        ExprKind::Ident(id) => s.push_str(&id.name),
        ExprKind::IntLit(l) | ExprKind::FloatLit(l) | ExprKind::ImagLit(l) => s.push_str(l),
        ExprKind::RuneLit(c) => s.push_str(&format!("{c:?}")),
        ExprKind::StringLit { value, raw } => {
            if *raw {
                s.push('`');
                s.push_str(value);
                s.push('`');
            } else {
                s.push_str(&format!("{value:?}"));
            }
        }
        ExprKind::CompositeLit { ty, .. } => {
            if let Some(t) = ty {
                write_expr(s, t);
            }
            s.push_str("{…}");
        }
        ExprKind::FuncLit { sig, body } => {
            s.push_str("func");
            write_sig(s, sig);
            s.push_str(if body.stmts.is_empty() {
                " {}"
            } else {
                " {…}"
            });
        }
        ExprKind::Paren(x) => {
            s.push('(');
            write_expr(s, x);
            s.push(')');
        }
        ExprKind::Selector { x, sel } => {
            write_expr(s, x);
            s.push('.');
            s.push_str(&sel.name);
        }
        ExprKind::Index { x, indices } => {
            write_expr(s, x);
            s.push('[');
            write_list(s, indices);
            s.push(']');
        }
        ExprKind::Slice { x, lo, hi, max } => {
            write_expr(s, x);
            s.push('[');
            if let Some(l) = lo {
                write_expr(s, l);
            }
            s.push(':');
            if let Some(h) = hi {
                write_expr(s, h);
            }
            if let Some(m) = max {
                s.push(':');
                write_expr(s, m);
            }
            s.push(']');
        }
        ExprKind::TypeAssert { x, ty } => {
            write_expr(s, x);
            s.push_str(".(");
            match ty {
                Some(t) => write_expr(s, t),
                None => s.push_str("type"),
            }
            s.push(')');
        }
        ExprKind::Call {
            func,
            args,
            ellipsis,
        } => {
            write_expr(s, func);
            s.push('(');
            write_list(s, args);
            if ellipsis.is_some() {
                s.push_str("...");
            }
            s.push(')');
        }
        ExprKind::Star(x) => {
            s.push('*');
            write_expr(s, x);
        }
        ExprKind::Unary { op, x } => {
            s.push_str(match op {
                UnaryOp::Plus => "+",
                UnaryOp::Neg => "-",
                UnaryOp::Not => "!",
                UnaryOp::BitNot => "^",
                UnaryOp::Addr => "&",
                UnaryOp::Recv => "<-",
            });
            write_expr(s, x);
        }
        ExprKind::Binary { op, x, y, .. } => {
            write_expr(s, x);
            s.push(' ');
            s.push_str(op.as_str());
            s.push(' ');
            write_expr(s, y);
        }
        ExprKind::ArrayType { len, elem } => {
            s.push('[');
            if let Some(l) = len {
                write_expr(s, l);
            }
            s.push(']');
            write_expr(s, elem);
        }
        ExprKind::MapType { key, value } => {
            s.push_str("map[");
            write_expr(s, key);
            s.push(']');
            write_expr(s, value);
        }
        ExprKind::ChanType { dir, elem } => {
            s.push_str(match dir {
                ast::ChanDir::Both => "chan ",
                ast::ChanDir::Send => "chan<- ",
                ast::ChanDir::Recv => "<-chan ",
            });
            write_expr(s, elem);
        }
        ExprKind::FuncType(sig) => {
            s.push_str("func");
            write_sig(s, sig);
        }
        ExprKind::StructType(fields) => {
            s.push_str("struct{");
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                for (j, n) in f.names.iter().enumerate() {
                    if j > 0 {
                        s.push_str(", ");
                    }
                    s.push_str(&n.name);
                }
                if !f.names.is_empty() {
                    s.push(' ');
                }
                write_expr(s, &f.ty);
            }
            s.push('}');
        }
        ExprKind::InterfaceType(elems) => {
            if elems.is_empty() {
                s.push_str("interface{}");
            } else {
                s.push_str("interface{…}");
            }
        }
        ExprKind::Ellipsis => s.push_str("..."),
        ExprKind::Bad => s.push_str("BadExpr"),
    }
}

/// Go's description of an operand: `x (variable of type int)`.
pub fn operand(
    types: &TypeTable,
    e: &ast::Expr,
    mode: Mode,
    ty: TypeId,
    value: Option<&ConstValue>,
) -> String {
    let text = expr_string(e);
    if mode == Mode::Nil {
        return "nil".to_string();
    }
    let mut s = format!("{text} (");
    let mut has_type = false;
    let untyped = matches!(types.kind(ty), TypeKind::Basic(b) if b.is_untyped());
    match mode {
        Mode::Builtin | Mode::Type | Mode::NoValue => {}
        _ => {
            if untyped {
                s.push_str(type_string(types, ty).as_str());
                s.push(' ');
            } else {
                has_type = true;
            }
        }
    }
    s.push_str(match mode {
        Mode::Value | Mode::Tuple => "value",
        Mode::Variable => "variable",
        Mode::MapIndex => "map index expression",
        Mode::Constant => "constant",
        Mode::Type => "type",
        Mode::NoValue => "no value",
        Mode::Builtin => "built-in",
        Mode::Package => "package",
        Mode::Nil => "nil",
    });
    if mode == Mode::Constant {
        if let Some(v) = value {
            let shown = constant::show(v);
            if shown != text {
                s.push(' ');
                s.push_str(&shown);
            }
        }
    }
    if has_type {
        if ty == TypeTable::basic(Basic::Invalid) {
            s.push_str(" with invalid type");
        } else {
            s.push_str(" of type ");
            s.push_str(&type_string(types, ty));
        }
    }
    s.push(')');
    s
}
