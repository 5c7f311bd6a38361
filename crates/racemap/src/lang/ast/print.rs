//! The AST printer: Go's short form of an expression or simple statement (`syntax.String` in the
//! Go compiler, which both its parser and its type checker use in messages): `m[k]`, `f(x, y)`,
//! `x + 1`, literal and function bodies elided as `T{…}` and `func() {…}` (`T{}` and `func() {}`
//! when empty), parameters that share one written type grouped as `a, b int`, struct fields as
//! `struct{a, b int; c string}`.
//!
//! Basic literals print as written in the source (`'\x41'`, `"\u00e9"`), as Go prints them.

use crate::diag::Span;
use crate::lang::ast::{
    AssignOp, ChanDir, Expr, ExprKind, FuncType, Param, Stmt, StmtKind, UnaryOp,
};

/// Deepest expression nesting printed; deeper subtrees print as `…` (the parser bounds nesting,
/// this keeps the printer's recursion bounded for any tree).
const MAX_PRINT_DEPTH: u32 = crate::lang::parser::MAX_NESTING + 8;

/// Prints expressions and statements in Go's short form.
#[derive(Clone, Copy, Debug)]
pub struct AstPrinter<'a> {
    /// The source text the tree was parsed from ([`crate::lang::ast::File::source`]), for
    /// literals as written (and statements this printer does not render).
    source: &'a str,
}

impl<'a> AstPrinter<'a> {
    /// A printer for a tree parsed from `source`.
    pub fn new(source: &'a str) -> AstPrinter<'a> {
        AstPrinter { source }
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
    /// statements print as written in the source.
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
            _ => self.text(s.span).to_string(),
        }
    }

    /// The source text of a span (empty if the span is not in the source, which the parser's
    /// span invariant rules out).
    fn text(&self, span: Span) -> &'a str {
        let text = self.source.get(span.lo as usize..span.hi as usize);
        debug_assert!(text.is_some(), "span {span:?} outside the source");
        text.unwrap_or("")
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
            ExprKind::IntLit(_)
            | ExprKind::FloatLit(_)
            | ExprKind::ImagLit(_)
            | ExprKind::RuneLit(_)
            | ExprKind::StringLit { .. } => out.push_str(self.text(e.span)),
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
                    UnaryOp::Tilde => "~",
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

    /// The statements of `main`'s body, printed.
    fn printed(body: &str) -> Vec<String> {
        let (file, diags) = parse(&format!("package main\n\nfunc main() {{\n{body}\n}}\n"));
        assert!(diags.is_empty(), "{diags:?}");
        let Some(Decl::Func(main)) = file.decls.last() else {
            panic!("no main");
        };
        let printer = AstPrinter::new(&file.source);
        let body = main.body.as_ref().expect("body");
        body.stmts
            .iter()
            .map(|s| match &s.kind {
                StmtKind::Expr(e) => printer.expr(e),
                _ => printer.stmt(s),
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
             s[1:2:3]\nx.(type)\nmap[string][]chan<- int{}\nx, y := 1, 2\ni++\nch <- v\n\
             '\\x41'\n\"a\\x00b\"\n\"\\u00e9\"\n`raw`\n0x1F\n1e3i\n",
        );
        assert_eq!(
            got,
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
                "i++",
                "ch <- v",
                "'\\x41'",
                "\"a\\x00b\"",
                "\"\\u00e9\"",
                "`raw`",
                "0x1F",
                "1e3i",
            ]
        );
    }
}
