//! The `Info` contract is complete: in every valid program, every expression node has an
//! `ExprInfo` with a non-untyped type (except struct-literal field keys, which have a
//! `Selection::Field`, and the `...` of `[...]T`), every call a `CallInfo`, every selector a
//! `Selection`, every function literal a `FuncInfo`.
//!
//! The expressions are found by a walk over the whole AST written with exhaustive matches and
//! exhaustive struct patterns: a new AST variant or field does not compile until this test
//! decides how to walk it and whether its expressions must be described.

mod support;

use racemap::lang::ast::{
    Block, CaseClause, CommClause, ConstSpec, Decl, Expr, ExprKind, FieldDecl, File, FuncDecl,
    FuncType, Import, InterfaceElem, KeyedElement, Param, Stmt, StmtKind, TypeCaseClause, TypeSpec,
    VarSpec,
};
use racemap::lang::check::{self, Mode};
use racemap::lang::parser;
use racemap::lang::types::{TypeKind, TypeTable};

/// The variant's name, and whether the checker must describe an expression of that kind.
fn kind_of(kind: &ExprKind) -> (&'static str, bool) {
    match kind {
        ExprKind::Ident(_) => ("Ident", true),
        ExprKind::IntLit(_) => ("IntLit", true),
        ExprKind::FloatLit(_) => ("FloatLit", true),
        // racemap rejects complex numbers: tests/diagnostics/unsupported_complex.go.
        ExprKind::ImagLit(_) => ("ImagLit", false),
        ExprKind::RuneLit(_) => ("RuneLit", true),
        ExprKind::StringLit { .. } => ("StringLit", true),
        ExprKind::CompositeLit { .. } => ("CompositeLit", true),
        ExprKind::FuncLit { .. } => ("FuncLit", true),
        ExprKind::Paren(_) => ("Paren", true),
        ExprKind::Selector { .. } => ("Selector", true),
        ExprKind::Index { .. } => ("Index", true),
        ExprKind::Slice { .. } => ("Slice", true),
        ExprKind::TypeAssert { .. } => ("TypeAssert", true),
        ExprKind::Call { .. } => ("Call", true),
        ExprKind::Star(_) => ("Star", true),
        ExprKind::Unary { .. } => ("Unary", true),
        ExprKind::Binary { .. } => ("Binary", true),
        ExprKind::ArrayType { .. } => ("ArrayType", true),
        ExprKind::MapType { .. } => ("MapType", true),
        ExprKind::ChanType { .. } => ("ChanType", true),
        ExprKind::FuncType(_) => ("FuncType", true),
        ExprKind::StructType(_) => ("StructType", true),
        ExprKind::InterfaceType(_) => ("InterfaceType", true),
        // The `...` of `[...]T`: its array type is described.
        ExprKind::Ellipsis => ("Ellipsis", false),
        // Only in programs with syntax errors.
        ExprKind::Bad => ("Bad", false),
    }
}

/// Collects every expression of a file, outermost first.
#[derive(Default)]
struct Exprs<'a> {
    /// The expressions found.
    found: Vec<&'a Expr>,
}

impl<'a> Exprs<'a> {
    fn file(&mut self, file: &'a File) {
        let File {
            package: _,
            imports,
            decls,
            node_count: _,
            source: _,
            comments: _,
        } = file;
        for Import {
            name: _,
            path: _,
            span: _,
        } in imports
        {}
        decls.iter().for_each(|d| self.decl(d));
    }

    fn decl(&mut self, decl: &'a Decl) {
        match decl {
            Decl::Var(specs) => {
                for VarSpec {
                    names: _,
                    ty,
                    values,
                    span: _,
                } in specs
                {
                    self.opt(ty.as_ref());
                    self.all(values);
                }
            }
            Decl::Const(specs) => {
                for ConstSpec {
                    names: _,
                    ty,
                    values,
                    iota: _,
                    span: _,
                } in specs
                {
                    self.opt(ty.as_ref());
                    self.all(values);
                }
            }
            Decl::Type(specs) => {
                for TypeSpec {
                    name: _,
                    type_params: _,
                    tparams,
                    alias: _,
                    ty,
                    span: _,
                } in specs
                {
                    // A generic type is described through its instances.
                    if tparams.is_empty() {
                        self.expr(ty);
                    }
                }
            }
            Decl::Func(FuncDecl {
                recv,
                name: _,
                type_params: _,
                tparams,
                sig,
                body,
                span: _,
            }) => {
                // Generic functions and methods of generic types are described through their
                // instances: copies appended to the checked file.
                let generic_recv = recv.as_ref().is_some_and(|r| {
                    let mut t = &r.ty;
                    while let ExprKind::Star(x) | ExprKind::Paren(x) = &t.kind {
                        t = x;
                    }
                    matches!(t.kind, ExprKind::Index { .. })
                });
                if !tparams.is_empty() || generic_recv {
                    return;
                }
                if let Some(p) = recv {
                    self.param(p);
                }
                self.func_type(sig);
                if let Some(b) = body {
                    self.block(b);
                }
            }
        }
    }

    fn func_type(&mut self, sig: &'a FuncType) {
        let FuncType {
            params,
            results,
            span: _,
        } = sig;
        params.iter().chain(results).for_each(|p| self.param(p));
    }

    fn param(&mut self, param: &'a Param) {
        let Param {
            name: _,
            ty,
            variadic: _,
            span: _,
        } = param;
        self.expr(ty);
    }

    fn block(&mut self, block: &'a Block) {
        let Block { stmts, span: _ } = block;
        stmts.iter().for_each(|s| self.stmt(s));
    }

    fn opt_stmt(&mut self, stmt: &'a Option<Box<Stmt>>) {
        if let Some(s) = stmt {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, stmt: &'a Stmt) {
        let Stmt {
            id: _,
            span: _,
            kind,
        } = stmt;
        match kind {
            StmtKind::Decl(d) => self.decl(d),
            StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => self.expr(e),
            StmtKind::Send { ch, value } => {
                self.expr(ch);
                self.expr(value);
            }
            StmtKind::IncDec { x, inc: _ } => self.expr(x),
            StmtKind::Assign {
                lhs,
                op: _,
                op_span: _,
                rhs,
            } => {
                self.all(lhs);
                self.all(rhs);
            }
            StmtKind::Return(values) => self.all(values),
            StmtKind::Break(_)
            | StmtKind::Continue(_)
            | StmtKind::Goto(_)
            | StmtKind::Fallthrough
            | StmtKind::Empty => {}
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.opt_stmt(init);
                self.expr(cond);
                self.block(then);
                self.opt_stmt(els);
            }
            StmtKind::Switch { init, tag, cases } => {
                self.opt_stmt(init);
                self.opt(tag.as_ref());
                for CaseClause {
                    exprs,
                    default: _,
                    body,
                    span: _,
                } in cases
                {
                    self.all(exprs);
                    body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::TypeSwitch {
                init,
                bind: _,
                x,
                cases,
            } => {
                self.opt_stmt(init);
                self.expr(x);
                for TypeCaseClause {
                    types,
                    default: _,
                    body,
                    span: _,
                    id: _,
                } in cases
                {
                    self.all(types);
                    body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::Select(clauses) => {
                for CommClause {
                    comm,
                    body,
                    span: _,
                } in clauses
                {
                    self.opt_stmt(comm);
                    body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                self.opt_stmt(init);
                self.opt(cond.as_ref());
                self.opt_stmt(post);
                self.block(body);
            }
            StmtKind::Range {
                key,
                value,
                define: _,
                x,
                body,
            } => {
                self.opt(key.as_ref());
                self.opt(value.as_ref());
                self.expr(x);
                self.block(body);
            }
            StmtKind::Labeled { label: _, stmt } => self.stmt(stmt),
        }
    }

    fn all(&mut self, exprs: &'a [Expr]) {
        exprs.iter().for_each(|e| self.expr(e));
    }

    fn opt(&mut self, expr: Option<&'a Expr>) {
        if let Some(e) = expr {
            self.expr(e);
        }
    }

    fn opt_box(&mut self, expr: &'a Option<Box<Expr>>) {
        self.opt(expr.as_deref());
    }

    fn expr(&mut self, expr: &'a Expr) {
        self.found.push(expr);
        match &expr.kind {
            ExprKind::Ident(_)
            | ExprKind::IntLit(_)
            | ExprKind::FloatLit(_)
            | ExprKind::ImagLit(_)
            | ExprKind::RuneLit(_)
            | ExprKind::StringLit { .. }
            | ExprKind::Ellipsis
            | ExprKind::Bad => {}
            ExprKind::CompositeLit {
                ty,
                elts,
                rbrace: _,
            } => {
                self.opt_box(ty);
                for KeyedElement { key, value } in elts {
                    self.opt(key.as_ref());
                    self.expr(value);
                }
            }
            ExprKind::FuncLit { sig, body } => {
                self.func_type(sig);
                self.block(body);
            }
            ExprKind::Paren(x) | ExprKind::Star(x) => self.expr(x),
            ExprKind::Selector { x, sel: _ } => self.expr(x),
            ExprKind::Index { x, indices } => {
                self.expr(x);
                self.all(indices);
            }
            ExprKind::Slice { x, lo, hi, max } => {
                self.expr(x);
                self.opt_box(lo);
                self.opt_box(hi);
                self.opt_box(max);
            }
            ExprKind::TypeAssert { x, ty } => {
                self.expr(x);
                self.opt_box(ty);
            }
            ExprKind::Call {
                func,
                args,
                ellipsis: _,
            } => {
                self.expr(func);
                self.all(args);
            }
            ExprKind::Unary { op: _, x } => self.expr(x),
            ExprKind::Binary {
                op: _,
                op_span: _,
                x,
                y,
            } => {
                self.expr(x);
                self.expr(y);
            }
            ExprKind::ArrayType { len, elem } => {
                self.opt_box(len);
                self.expr(elem);
            }
            ExprKind::MapType { key, value } => {
                self.expr(key);
                self.expr(value);
            }
            ExprKind::ChanType { dir: _, elem } => self.expr(elem),
            ExprKind::FuncType(sig) => self.func_type(sig),
            ExprKind::StructType(fields) => {
                for FieldDecl {
                    names: _,
                    ty,
                    tag: _,
                    span: _,
                } in fields
                {
                    self.expr(ty);
                }
            }
            ExprKind::InterfaceType(elems) => {
                for elem in elems {
                    match elem {
                        InterfaceElem::Method { name: _, sig } => self.func_type(sig),
                        InterfaceElem::Embedded(e) => self.expr(e),
                    }
                }
            }
        }
    }
}

#[test]
fn every_expression_of_a_valid_program_is_described() {
    let mut missing = Vec::new();
    for case in support::cases("check_ok") {
        let (src, name) = (&case.source, format!("{}.go", case.name));
        let (file, perr) = parser::parse(src);
        assert!(perr.is_empty(), "{name}");
        let checked = check::check(&file).expect("valid program");
        let (info, types) = (&checked.info, &checked.types);
        let mut exprs = Exprs::default();
        exprs.file(&checked.file);
        for e in exprs.found {
            let (variant, described) = kind_of(&e.kind);
            if !described {
                continue;
            }
            let text = &src[e.span.lo as usize..e.span.hi as usize];
            let nid = e.id;
            if (info.selections.contains_key(&nid) || text == "_") && variant == "Ident" {
                continue; // struct literal key, blank identifier
            }
            match info.expr(nid) {
                None => missing.push(format!("{name}: no info for {variant} `{text}`")),
                Some(e) => {
                    let untyped = matches!(types.kind(e.ty), TypeKind::Basic(b) if b.is_untyped());
                    if untyped && e.mode != Mode::Nil {
                        missing.push(format!("{name}: untyped {variant} `{text}`"));
                    }
                    if e.ty == TypeTable::basic(racemap::lang::types::Basic::Invalid)
                        && !matches!(e.mode, Mode::Package | Mode::Builtin)
                    {
                        missing.push(format!("{name}: invalid type for {variant} `{text}`"));
                    }
                }
            }
            if variant == "Call" && !info.calls.contains_key(&nid) {
                missing.push(format!("{name}: no call info for `{text}`"));
            }
            if variant == "FuncLit" && !info.funcs.contains_key(&nid) {
                missing.push(format!("{name}: no func info for `{text}`"));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
