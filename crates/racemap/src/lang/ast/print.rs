//! The AST printer: Go's short form of an expression or simple statement (`syntax.String` in the
//! Go compiler, which both its parser and its type checker use in messages): `m[k]`, `f(x, y)`,
//! `x + 1`, literal and function bodies elided as `T{…}` and `func() {…}` (`T{}` and `func() {}`
//! when empty), parameters that share one written type grouped as `a, b int`, struct fields as
//! `struct{a, b int; c string}`.
//!
//! Basic literals print as written when the printer knows the source text (Go prints a literal's
//! source text, `'\x41'`); without it, rune and string literals print from their value.

use crate::diag::Span;
use crate::lang::ast::{
    AssignOp, ChanDir, Expr, ExprKind, FuncType, Param, Stmt, StmtKind, UnaryOp,
};

/// Deepest expression nesting printed; deeper subtrees print as `…` (the parser bounds nesting,
/// this keeps the printer's recursion bounded for any tree).
const MAX_PRINT_DEPTH: u32 = crate::lang::parser::MAX_NESTING + 8;

/// Print an expression in Go's short form; rune and string literals print from their value.
pub fn expr_string(e: &Expr) -> String {
    AstPrinter { source: None }.expr(e)
}

/// Prints expressions and statements in Go's short form.
#[derive(Clone, Copy, Debug)]
pub struct AstPrinter<'a> {
    /// The source text the tree was parsed from, for literals as written (and statements this
    /// printer does not render, which print as written).
    pub source: Option<&'a str>,
}

impl<'a> AstPrinter<'a> {
    /// A printer that prints literals (and unrendered statements) as written in `source`.
    pub fn with_source(source: &'a str) -> AstPrinter<'a> {
        AstPrinter {
            source: Some(source),
        }
    }

    /// Go's short form of an expression.
    pub fn expr(&self, e: &Expr) -> String {
        let mut out = String::new();
        self.write_expr(&mut out, e, 0);
        out
    }

    /// A comma-separated list of expressions.
    pub fn list(&self, list: &[Expr]) -> String {
        let mut out = String::new();
        self.write_list(&mut out, list, 0);
        out
    }

    /// Go's short form of a simple statement (`x := 1`, `i++`, `ch <- v`, `f()`); other
    /// statements print as written in the source (empty without the source).
    pub fn stmt(&self, s: &Stmt) -> String {
        match &s.kind {
            StmtKind::Assign { lhs, op, rhs, .. } => {
                let op = match op {
                    AssignOp::Assign => "=".to_string(),
                    AssignOp::Define => ":=".to_string(),
                    AssignOp::Op(b) => format!("{}=", b.as_str()),
                };
                format!("{} {op} {}", self.list(lhs), self.list(rhs))
            }
            StmtKind::IncDec { x, inc } => {
                format!("{}{}", self.expr(x), if *inc { "++" } else { "--" })
            }
            StmtKind::Send { ch, value } => format!("{} <- {}", self.expr(ch), self.expr(value)),
            StmtKind::Expr(x) => self.expr(x),
            _ => self.text(s.span).unwrap_or("").to_string(),
        }
    }

    /// The source text of a span, when the source is known.
    fn text(&self, span: Span) -> Option<&'a str> {
        self.source?.get(span.lo as usize..span.hi as usize)
    }

    fn write_list(&self, out: &mut String, list: &[Expr], depth: u32) {
        for (i, e) in list.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.write_expr(out, e, depth);
        }
    }

    /// A parameter list as Go's `printParameterList`: a name is followed by its type only when
    /// the next parameter does not share that written type (`a, b int`; the parser gives each
    /// name a clone of the shared type expression, with the same span).
    fn write_params(&self, out: &mut String, params: &[Param], depth: u32) {
        out.push('(');
        for (i, p) in params.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            if let Some(name) = &p.name {
                out.push_str(&name.name);
                let shares_type = params
                    .get(i + 1)
                    .is_some_and(|next| next.name.is_some() && next.ty.span == p.ty.span);
                if shares_type {
                    continue;
                }
                out.push(' ');
            }
            if p.variadic {
                out.push_str("...");
            }
            self.write_expr(out, &p.ty, depth);
        }
        out.push(')');
    }

    fn write_sig(&self, out: &mut String, sig: &FuncType, depth: u32) {
        self.write_params(out, &sig.params, depth);
        match sig.results.as_slice() {
            [] => {}
            [r] if r.name.is_none() => {
                out.push(' ');
                self.write_expr(out, &r.ty, depth);
            }
            results => {
                out.push(' ');
                self.write_params(out, results, depth);
            }
        }
    }

    fn write_expr(&self, out: &mut String, e: &Expr, depth: u32) {
        if depth > MAX_PRINT_DEPTH {
            out.push('…');
            return;
        }
        let d = depth + 1;
        match &e.kind {
            ExprKind::Ident(i) => out.push_str(&i.name),
            ExprKind::IntLit(text) | ExprKind::FloatLit(text) | ExprKind::ImagLit(text) => {
                out.push_str(text)
            }
            ExprKind::RuneLit(c) => match self.text(e.span) {
                Some(text) => out.push_str(text),
                None => out.push_str(&format!("{c:?}")),
            },
            ExprKind::StringLit { value, raw } => match self.text(e.span) {
                Some(text) => out.push_str(text),
                None if *raw => {
                    out.push('`');
                    out.push_str(value);
                    out.push('`');
                }
                None => out.push_str(&format!("{value:?}")),
            },
            ExprKind::CompositeLit { ty, elts, .. } => {
                if let Some(t) = ty {
                    self.write_expr(out, t, d);
                }
                out.push_str(if elts.is_empty() { "{}" } else { "{…}" });
            }
            ExprKind::FuncLit { sig, body } => {
                out.push_str("func");
                self.write_sig(out, sig, d);
                out.push_str(if body.stmts.is_empty() {
                    " {}"
                } else {
                    " {…}"
                });
            }
            ExprKind::Paren(x) => {
                out.push('(');
                self.write_expr(out, x, d);
                out.push(')');
            }
            ExprKind::Selector { x, sel } => {
                self.write_expr(out, x, d);
                out.push('.');
                out.push_str(&sel.name);
            }
            ExprKind::Index { x, indices } => {
                self.write_expr(out, x, d);
                out.push('[');
                self.write_list(out, indices, d);
                out.push(']');
            }
            ExprKind::Slice { x, lo, hi, max } => {
                self.write_expr(out, x, d);
                out.push('[');
                if let Some(l) = lo {
                    self.write_expr(out, l, d);
                }
                out.push(':');
                if let Some(h) = hi {
                    self.write_expr(out, h, d);
                }
                if let Some(m) = max {
                    out.push(':');
                    self.write_expr(out, m, d);
                }
                out.push(']');
            }
            ExprKind::TypeAssert { x, ty } => {
                self.write_expr(out, x, d);
                out.push_str(".(");
                match ty {
                    Some(t) => self.write_expr(out, t, d),
                    None => out.push_str("type"),
                }
                out.push(')');
            }
            ExprKind::Call {
                func,
                args,
                ellipsis,
            } => {
                self.write_expr(out, func, d);
                out.push('(');
                self.write_list(out, args, d);
                if ellipsis.is_some() {
                    out.push_str("...");
                }
                out.push(')');
            }
            ExprKind::Star(x) => {
                out.push('*');
                self.write_expr(out, x, d);
            }
            ExprKind::Unary { op, x } => {
                out.push_str(match op {
                    UnaryOp::Plus => "+",
                    UnaryOp::Neg => "-",
                    UnaryOp::Not => "!",
                    UnaryOp::BitNot => "^",
                    UnaryOp::Addr => "&",
                    UnaryOp::Recv => "<-",
                });
                self.write_expr(out, x, d);
            }
            ExprKind::Binary { op, x, y, .. } => {
                self.write_expr(out, x, d);
                out.push(' ');
                out.push_str(op.as_str());
                out.push(' ');
                self.write_expr(out, y, d);
            }
            ExprKind::ArrayType { len, elem } => {
                out.push('[');
                if let Some(l) = len {
                    self.write_expr(out, l, d);
                }
                out.push(']');
                self.write_expr(out, elem, d);
            }
            ExprKind::MapType { key, value } => {
                out.push_str("map[");
                self.write_expr(out, key, d);
                out.push(']');
                self.write_expr(out, value, d);
            }
            ExprKind::ChanType { dir, elem } => {
                out.push_str(match dir {
                    ChanDir::Both => "chan ",
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                });
                self.write_expr(out, elem, d);
            }
            ExprKind::FuncType(sig) => {
                out.push_str("func");
                self.write_sig(out, sig, d);
            }
            ExprKind::StructType(fields) => {
                out.push_str("struct{");
                for (i, f) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push_str("; ");
                    }
                    for (j, n) in f.names.iter().enumerate() {
                        if j > 0 {
                            out.push_str(", ");
                        }
                        out.push_str(&n.name);
                    }
                    if !f.names.is_empty() {
                        out.push(' ');
                    }
                    self.write_expr(out, &f.ty, d);
                }
                out.push('}');
            }
            ExprKind::InterfaceType(elems) => out.push_str(if elems.is_empty() {
                "interface{}"
            } else {
                "interface{…}"
            }),
            ExprKind::Ellipsis => out.push_str("..."),
            ExprKind::Bad => out.push_str("BadExpr"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::ast::{Decl, StmtKind};
    use crate::lang::parser::parse;

    /// The expression statements of `main`'s body, printed with and without the source.
    fn printed(body: &str) -> Vec<(String, String)> {
        let source = format!("package main\n\nfunc main() {{\n{body}\n}}\n");
        let (file, diags) = parse(&source);
        assert!(diags.is_empty(), "{diags:?}");
        let Some(Decl::Func(main)) = file.decls.last() else {
            panic!("no main");
        };
        let printer = AstPrinter::with_source(&source);
        let body = main.body.as_ref().expect("body");
        body.stmts
            .iter()
            .map(|s| match &s.kind {
                StmtKind::Expr(e) => (printer.expr(e), expr_string(e)),
                _ => (printer.stmt(s), String::new()),
            })
            .collect()
    }

    // Expected strings are what Go 1.19's compiler prints for these expressions in messages
    // such as `X (value of type T) is not used`.
    #[test]
    fn prints_go_short_form() {
        let got = printed(
            "T{}\nT{1}\nstruct{ a, b int; c string }{}\nfunc() (a, b int) { return 1, 2 }\n\
             func(a, b int, c ...string) (r int) { return 0 }\nm[k](x, y...)\n<-ch + *p\n\
             s[1:2:3]\nx.(type)\nmap[string][]chan<- int{}\nx, y := 1, 2\n",
        );
        let go: Vec<&str> = got.iter().map(|(with, _)| with.as_str()).collect();
        assert_eq!(
            go,
            [
                "T{}",
                "T{…}",
                "struct{a, b int; c string}{}",
                "func() (a, b int) {…}",
                "func(a, b int, c ...string) (r int) {…}",
                "m[k](x, y...)",
                "<-ch + *p",
                "s[1:2:3]",
                "x.(type)",
                "map[string][]chan<- int{}",
                "x, y := 1, 2",
            ]
        );
    }

    #[test]
    fn literals_print_as_written_with_the_source_and_from_their_value_without() {
        let got = printed("'\\x41'\n\"a\\tb\"\n`raw`\n0x1F\n");
        assert_eq!(
            got,
            [
                ("'\\x41'".to_string(), "'A'".to_string()),
                ("\"a\\tb\"".to_string(), "\"a\\tb\"".to_string()),
                ("`raw`".to_string(), "`raw`".to_string()),
                ("0x1F".to_string(), "0x1F".to_string()),
            ]
        );
    }
}
