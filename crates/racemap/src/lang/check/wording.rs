//! How the checker's messages word types and operands, following go/types: an operand as
//! `x (variable of type int)`, `1 (untyped int constant)`, `f() (value of type int)`,
//! `c (constant 5 of type int)`, `nil` (the expression itself printed by
//! [`crate::lang::ast::print`]).

use crate::lang::check::constant;
use crate::lang::check::info::{ConstValue, Mode};
use crate::types::TypeId;
use crate::types::{Basic, TypeKind, TypeTable};

/// A type as compiler messages print it: package `main` unqualified, `any` for `interface {}`.
pub fn type_string(types: &TypeTable, ty: TypeId) -> String {
    types.display(ty, false).replace("interface {}", "any")
}

/// Go's description of an operand: `x (variable of type int)`, where `text` is the operand's
/// expression as printed.
pub fn operand(
    types: &TypeTable,
    text: &str,
    mode: Mode,
    ty: TypeId,
    value: Option<&ConstValue>,
) -> String {
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

#[cfg(test)]
mod tests {
    use crate::lang::{check, parser};

    /// The checker's messages for `body` inside `main` (after `const s = <long string>`).
    fn messages(body: &str) -> Vec<String> {
        let src = format!(
            "package main\n\nconst s = \"{}\"\n\nfunc main() {{\n{body}\n}}\n",
            "abcdefghij".repeat(10)
        );
        let (file, diags) = parser::parse(&src);
        assert!(diags.is_empty(), "{diags:?}");
        let diags = check::check(&file).expect_err("type errors");
        diags.into_iter().map(|d| d.message).collect()
    }

    // Expected messages are Go 1.19's for the same program (its `as type int` wording aside,
    // which racemap gives in modern Go's `as int value` form).
    #[test]
    fn operands_print_literals_as_written_and_constants_quoted_like_go() {
        let got = messages(
            "\tvar a string = '\\x41'\n\tvar b int = \"a\\x00b\"\n\tvar c int = \"\\u00e9\"\n\
             \tvar d int = s\n\tvar e int = T{}\n\t_, _, _, _, _ = a, b, c, d, e\n}\n\ntype T struct{}\n\
             func f() {",
        );
        assert_eq!(
            got,
            [
                "cannot use '\\x41' (untyped rune constant 65) as string value in variable declaration",
                "cannot use \"a\\x00b\" (untyped string constant) as int value in variable declaration",
                "cannot use \"\\u00e9\" (untyped string constant \"é\") as int value in variable declaration",
                "cannot use s (untyped string constant \"abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefgh...) as int value in variable declaration",
                "cannot use T{} (value of type T) as int value in variable declaration",
            ]
        );
    }
}
