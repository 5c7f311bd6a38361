//! How the checker's messages word types and operands, following go/types: an operand as
//! `x (variable of type int)`, `1 (untyped int constant)`, `f() (value of type int)`,
//! `c (constant 5 of type int)`, `nil` (the expression itself printed by
//! [`crate::lang::ast::print`]).

use crate::lang::ast;
use crate::lang::ast::print::expr_string;
use crate::lang::check::constant;
use crate::lang::check::info::{ConstValue, Mode};
use crate::lang::types::TypeId;
use crate::lang::types::{Basic, TypeKind, TypeTable};

/// A type as compiler messages print it: package `main` unqualified, `any` for `interface {}`.
pub fn type_string(types: &TypeTable, ty: TypeId) -> String {
    types.display(ty, false).replace("interface {}", "any")
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
