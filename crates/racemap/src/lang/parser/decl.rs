//! Parsing the file and its declarations: the package clause, imports, `const`/`var`/`type`
//! groups, function declarations, and parameter lists (with Go's resolution of `(a, b int)`
//! versus `(int, string)`, see the module doc of [`super`]).

use super::*;

/// One entry of a parameter list before names and types are resolved.
struct ParamEntry {
    /// The name, if the entry starts with one that is not (part of) a type.
    name: Option<Ident>,
    /// The type, if written.
    ty: Option<Expr>,
    /// Written with `...`.
    variadic: bool,
    /// Start of the entry.
    lo: u32,
}

impl<'a> Parser<'a> {
    // ------------------------------------------------------------------------------------------
    // Files and declarations

    pub(super) fn file(&mut self) -> File {
        let mut file = File {
            package: Ident {
                id: NodeId(0),
                name: "_".to_string(),
                span: Span::default(),
            },
            imports: Vec::new(),
            decls: Vec::new(),
            node_count: 0,
            source: String::new(),
            comments: Vec::new(),
        };
        if !self.got(&TokenKind::Keyword(Keyword::Package)) {
            self.syntax_error("package statement must be first");
            file.package.id = self.id();
            return file;
        }
        file.package = self.name();
        self.want(&TokenKind::Semi(SemiKind::Semicolon));
        if !self.diags.is_empty() {
            return file;
        }

        let mut prev_import = true;
        while self.tok != TokenKind::Eof {
            if self.is_kw(Keyword::Import) && !prev_import {
                self.syntax_error("imports must appear before other declarations");
            }
            prev_import = self.is_kw(Keyword::Import);
            match self.tok {
                TokenKind::Keyword(Keyword::Import) => {
                    self.next();
                    self.import_group(&mut file.imports);
                }
                TokenKind::Keyword(Keyword::Const) => {
                    self.next();
                    let d = self.const_group();
                    file.decls.push(d);
                }
                TokenKind::Keyword(Keyword::Type) => {
                    self.next();
                    let d = self.type_group();
                    file.decls.push(d);
                }
                TokenKind::Keyword(Keyword::Var) => {
                    self.next();
                    let d = self.var_group();
                    file.decls.push(d);
                }
                TokenKind::Keyword(Keyword::Func) => {
                    let lo = self.pos();
                    self.next();
                    let d = self.func_decl(lo);
                    file.decls.push(Decl::Func(d));
                }
                _ => {
                    let after_bodiless_func = matches!(
                        file.decls.last(),
                        Some(Decl::Func(FuncDecl { body: None, .. }))
                    );
                    if self.tok == TokenKind::LBrace && after_bodiless_func {
                        self.syntax_error("unexpected semicolon or newline before {");
                    } else {
                        self.syntax_error("non-declaration statement outside function body");
                    }
                    self.advance(DECL_START);
                    continue;
                }
            }
            if self.tok != TokenKind::Eof && !self.got(&TokenKind::Semi(SemiKind::Semicolon)) {
                self.syntax_error("after top level declaration");
                self.advance(DECL_START);
            }
        }
        file
    }

    /// Go's `list`: `[ f { sep f } [sep] ] close`; returns the position of the closing token.
    pub(super) fn list(
        &mut self,
        context: &str,
        sep: TokenKind,
        close: TokenKind,
        f: &mut dyn FnMut(&mut Self) -> bool,
    ) -> u32 {
        let mut done = false;
        while self.tok != TokenKind::Eof && !same_class(&self.tok, &close) && !done {
            done = f(self);
            if !self.got(&sep) && !same_class(&self.tok, &close) {
                self.syntax_error(&format!(
                    "in {context}; possibly missing {} or {}",
                    sep.token_string(),
                    close.token_string()
                ));
                self.advance(RPAREN | RBRACK | RBRACE);
                if !same_class(&self.tok, &close) {
                    return self.pos();
                }
            }
        }
        let pos = self.pos();
        self.want(&close);
        pos
    }

    /// `f | "(" { f ";" } ")"` for each spec parser `f`.
    fn group(&mut self, f: &mut dyn FnMut(&mut Self, u32)) {
        if self.tok == TokenKind::LParen {
            self.next();
            let mut index = 0;
            self.list(
                "grouped declaration",
                TokenKind::Semi(SemiKind::Semicolon),
                TokenKind::RParen,
                &mut |p| {
                    f(p, index);
                    index += 1;
                    false
                },
            );
        } else {
            f(self, 0);
        }
    }

    fn import_group(&mut self, imports: &mut Vec<Import>) {
        self.group(&mut |p, _| {
            if let Some(i) = p.import_spec() {
                imports.push(i);
            }
        });
    }

    fn import_spec(&mut self) -> Option<Import> {
        let name = match &self.tok {
            TokenKind::Name(_) => Some(self.name()),
            TokenKind::Dot => {
                let span = self.span;
                self.next();
                Some(Ident {
                    id: self.id(),
                    name: ".".to_string(),
                    span,
                })
            }
            _ => None,
        };
        let TokenKind::Literal(lit) = &self.tok else {
            self.syntax_error("missing import path");
            self.advance(SEMI | RPAREN);
            return None;
        };
        let lit = lit.clone();
        let span = self.span;
        self.next();
        if lit.kind != LitKind::String {
            if !lit.bad {
                self.syntax_error_at(span.lo, "import path must be a string");
            }
            return None;
        }
        let path = match &lit.value {
            LitValue::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
            _ => String::new(),
        };
        Some(Import { name, path, span })
    }

    pub(super) fn const_group(&mut self) -> Decl {
        let mut specs = Vec::new();
        self.group(&mut |p, index| {
            let s = p.const_spec(index);
            specs.push(s);
        });
        Decl::Const(specs)
    }

    fn const_spec(&mut self, iota: u32) -> ConstSpec {
        let lo = self.pos();
        let first = self.name();
        let names = self.name_list(first);
        let mut ty = None;
        let mut values = Vec::new();
        if !self.is(EOF | SEMI | RPAREN) {
            ty = self.type_or_nil();
            if self.got_assign() {
                values = self.expr_list();
            }
        }
        ConstSpec {
            names,
            ty,
            values,
            iota,
            span: Span::new(lo, self.prev_end),
        }
    }

    pub(super) fn var_group(&mut self) -> Decl {
        let mut specs = Vec::new();
        self.group(&mut |p, _| {
            let s = p.var_spec();
            specs.push(s);
        });
        Decl::Var(specs)
    }

    fn var_spec(&mut self) -> VarSpec {
        let lo = self.pos();
        let first = self.name();
        let names = self.name_list(first);
        let mut ty = None;
        let mut values = Vec::new();
        if self.got_assign() {
            values = self.expr_list();
        } else {
            ty = Some(self.type_());
            if self.got_assign() {
                values = self.expr_list();
            }
        }
        VarSpec {
            names,
            ty,
            values,
            span: Span::new(lo, self.prev_end),
        }
    }

    pub(super) fn type_group(&mut self) -> Decl {
        let mut specs = Vec::new();
        self.group(&mut |p, _| {
            let s = p.type_spec();
            specs.push(s);
        });
        Decl::Type(specs)
    }

    fn type_spec(&mut self) -> TypeSpec {
        let lo = self.pos();
        let name = self.name();
        let mut type_params = None;
        let mut tparams = Vec::new();
        let mut alias = false;
        let ty;
        if self.tok == TokenKind::LBrack {
            // An array or slice type, or a type parameter list.
            let lbrack = self.pos();
            self.next();
            match &self.tok {
                TokenKind::Name(_) => {
                    let first = self.name();
                    let mut x = self.name_expr(first);
                    if self.tok != TokenKind::LBrack {
                        self.xnest += 1;
                        let px = self.pexpr(Some(x));
                        x = self.binary_expr(Some(px), 0);
                        self.xnest -= 1;
                    }
                    let is_name = matches!(x.kind, ExprKind::Ident(_));
                    if is_name && self.tok != TokenKind::RBrack {
                        // d.Name "[" pname ...: type parameters.
                        let first = match x.kind {
                            ExprKind::Ident(i) => Some(i),
                            _ => None,
                        };
                        tparams = self.type_param_list(first);
                        type_params = Some(Span::new(lbrack, self.prev_end));
                        alias = self.got_assign();
                        ty = self.type_or_nil();
                    } else {
                        ty = Some(self.array_type(lbrack, Some(x)));
                    }
                }
                TokenKind::RBrack => {
                    self.next();
                    let elem = self.type_();
                    ty = Some(self.mk_expr(
                        lbrack,
                        ExprKind::ArrayType {
                            len: None,
                            elem: Box::new(elem),
                        },
                    ));
                }
                _ => ty = Some(self.array_type(lbrack, None)),
            }
        } else {
            alias = self.got_assign();
            ty = self.type_or_nil();
        }
        let ty = match ty {
            Some(t) => t,
            None => {
                let b = self.bad_expr();
                self.syntax_error("in type declaration");
                self.advance(SEMI | RPAREN);
                b
            }
        };
        TypeSpec {
            name,
            type_params,
            tparams,
            alias,
            ty,
            span: Span::new(lo, self.prev_end),
        }
    }

    /// `func` has been consumed at `lo`.
    fn func_decl(&mut self, lo: u32) -> FuncDecl {
        let mut context = "";
        let mut recv = None;
        if self.tok == TokenKind::LParen {
            let rparen_pos = self.pos();
            self.next();
            context = "method";
            let mut rcvr = self.param_list(TokenKind::RParen);
            match rcvr.len() {
                0 => self.error_at(self.pos().max(rparen_pos), "method has no receiver"),
                1 => recv = rcvr.pop(),
                _ => {
                    self.error_at(self.pos(), "method has multiple receivers");
                    rcvr.truncate(1);
                    recv = rcvr.pop();
                }
            }
        }
        let (name, (type_params, tparams), sig) = if matches!(self.tok, TokenKind::Name(_)) {
            let name = self.name();
            let (tp, sig) = self.func_type(context, self.pos());
            (name, tp, sig)
        } else {
            let pos = self.pos();
            let name = Ident {
                id: self.id(),
                name: "_".to_string(),
                span: Span::new(pos, pos),
            };
            let msg = if context.is_empty() {
                "expected name or ("
            } else {
                "expected name"
            };
            self.syntax_error(msg);
            self.advance(LBRACE | SEMI);
            let sig = FuncType {
                params: Vec::new(),
                results: Vec::new(),
                span: Span::new(pos, pos),
            };
            (name, (None, Vec::new()), sig)
        };
        let body = if self.tok == TokenKind::LBrace {
            Some(self.func_body())
        } else {
            None
        };
        FuncDecl {
            recv,
            name,
            type_params,
            tparams,
            sig,
            body,
            span: Span::new(lo, self.prev_end),
        }
    }

    pub(super) fn func_body(&mut self) -> Block {
        self.fnest += 1;
        let b = self.block_stmt("");
        self.fnest -= 1;
        b
    }

    /// `[TypeParams] "(" params ")" [result]`; `lo` is where the signature's span starts.
    pub(super) fn func_type(
        &mut self,
        context: &str,
        lo: u32,
    ) -> ((Option<Span>, Vec<Param>), FuncType) {
        let mut type_params = None;
        let mut tparams = Vec::new();
        if self.tok == TokenKind::LBrack {
            let lbrack = self.pos();
            self.next();
            if !context.is_empty() {
                self.syntax_error_at(lbrack, &format!("{context} must have no type parameters"));
            }
            if self.tok == TokenKind::RBrack {
                self.syntax_error("empty type parameter list");
                self.next();
            } else {
                tparams = self.type_param_list(None);
                type_params = Some(Span::new(lbrack, self.prev_end));
            }
        }
        self.want(&TokenKind::LParen);
        let params = self.param_list(TokenKind::RParen);
        let results = self.func_result();
        let sig = FuncType {
            params,
            results,
            span: Span::new(lo, self.prev_end),
        };
        ((type_params, tparams), sig)
    }

    fn func_result(&mut self) -> Vec<Param> {
        if self.got(&TokenKind::LParen) {
            return self.param_list(TokenKind::RParen);
        }
        let lo = self.pos();
        if let Some(ty) = self.type_or_nil() {
            return vec![Param {
                name: None,
                span: Span::new(lo, ty.span.hi),
                ty,
                variadic: false,
            }];
        }
        Vec::new()
    }

    /// `[ParameterDecl {"," ParameterDecl} [","]] close`, the opening token consumed.
    fn param_list(&mut self, close: TokenKind) -> Vec<Param> {
        self.param_list_with(close, false, None)
    }

    /// A type parameter list `[P C, Q D]` (after `[`), parsed as Go does so that malformed ones
    /// get Go's errors.
    fn type_param_list(&mut self, first: Option<Ident>) -> Vec<Param> {
        self.param_list_with(TokenKind::RBrack, true, first)
    }

    /// Go's `paramList`: `close` is `)` or `]`; `require_names` for type parameters; `first` is
    /// an already parsed first name.
    fn param_list_with(
        &mut self,
        close: TokenKind,
        require_names: bool,
        first: Option<Ident>,
    ) -> Vec<Param> {
        let mut entries: Vec<ParamEntry> = Vec::new();
        let mut named = 0;
        let mut typed = 0;
        let close_bit = class_bit(&close);
        let mut first = first;
        let end = self.list("parameter list", TokenKind::Comma, close, &mut |p| {
            if let Some(e) = p.param_decl_or_nil(first.take(), close_bit) {
                if e.name.is_some() && e.ty.is_some() {
                    named += 1;
                }
                if e.ty.is_some() {
                    typed += 1;
                }
                entries.push(e);
            }
            false
        });
        if entries.is_empty() {
            return Vec::new();
        }
        let count = entries.len();
        let mut params = Vec::new();
        if named == 0 && !require_names {
            // All unnamed: the names are type names.
            for e in entries {
                let (ty, variadic) = match (e.name, e.ty) {
                    (_, Some(t)) => (t, e.variadic),
                    (Some(n), None) => (self.name_expr(n), false),
                    (None, None) => continue,
                };
                params.push(Param {
                    name: None,
                    span: Span::new(e.lo, ty.span.hi),
                    ty,
                    variadic,
                });
            }
            return params;
        }
        // Some named: all must be named; types distribute right to left.
        let mut err_pos: Option<u32> = None;
        let mut current: Option<(Expr, bool)> = None;
        let mut resolved: Vec<Param> = Vec::new();
        for e in entries.into_iter().rev() {
            match e.ty {
                Some(ty) => {
                    current = Some((ty.clone(), e.variadic));
                    let name = match e.name {
                        Some(n) => n,
                        None => {
                            err_pos = Some(ty.span.lo);
                            Ident {
                                id: self.id(),
                                name: "_".to_string(),
                                span: Span::new(ty.span.lo, ty.span.lo),
                            }
                        }
                    };
                    resolved.push(Param {
                        span: Span::new(e.lo, ty.span.hi),
                        name: Some(name),
                        ty,
                        variadic: e.variadic,
                    });
                }
                None => {
                    let Some(name) = e.name else { continue };
                    let (ty, variadic) = match &current {
                        Some((t, v)) => {
                            let mut t = t.clone();
                            visit::visit_expr_ids_mut(&mut t, &mut |id| *id = self.id());
                            (t, *v)
                        }
                        None => {
                            err_pos = Some(name.span.lo);
                            let b = self.mk_expr_span(name.span, ExprKind::Bad);
                            (b, false)
                        }
                    };
                    resolved.push(Param {
                        span: name.span,
                        name: Some(name),
                        ty,
                        variadic,
                    });
                }
            }
        }
        resolved.reverse();
        if let Some(pos) = err_pos {
            if require_names {
                // Go: names without types at the end are missing constraints; otherwise a
                // type came without a name.
                if named == typed {
                    self.syntax_error_at(end, "missing type constraint");
                } else if count == 1 {
                    self.syntax_error_at(
                        pos,
                        "missing type parameter name or invalid array length",
                    );
                } else {
                    self.syntax_error_at(pos, "missing type parameter name");
                }
            } else {
                self.syntax_error_at(pos, "mixed named and unnamed parameters");
            }
        }
        resolved
    }

    fn param_decl_or_nil(&mut self, first: Option<Ident>, follow: u64) -> Option<ParamEntry> {
        // Type-set notation (`~T`, `A | B`) is allowed in type parameter lists.
        let type_sets = follow == RBRACK;
        let lo = first.as_ref().map_or(self.pos(), |n| n.span.lo);
        let mut entry = ParamEntry {
            name: None,
            ty: None,
            variadic: false,
            lo,
        };
        if first.is_none() && type_sets && self.is_op(Operator::Tilde) {
            let t = self.embedded_term();
            entry.ty = Some(self.embedded_union(t));
            return Some(entry);
        }
        if first.is_some() || matches!(self.tok, TokenKind::Name(_)) {
            let name = match first {
                Some(n) => n,
                None => self.name(),
            };
            if type_sets && self.is_op(Operator::Or) {
                // name "|" ...: a union constraint.
                let t = self.name_expr(name);
                entry.ty = Some(self.embedded_union(t));
                return Some(entry);
            }
            if self.tok == TokenKind::LBrack {
                // name "[" ...: an array/slice type of a parameter, or an instantiated type.
                let t = self.array_or_targs();
                match t {
                    ArrayOrTArgs::Type(t) => {
                        entry.name = Some(name);
                        entry.ty = Some(t);
                    }
                    ArrayOrTArgs::Args(indices) => {
                        let x = self.name_expr(name);
                        let t = self.mk_expr(
                            lo,
                            ExprKind::Index {
                                x: Box::new(x),
                                indices,
                            },
                        );
                        entry.ty = Some(t);
                    }
                }
                return Some(entry);
            }
            if self.tok == TokenKind::Dot {
                let t = self.qualified_name(Some(name));
                entry.ty = Some(if type_sets { self.embedded_union(t) } else { t });
                return Some(entry);
            }
            entry.name = Some(name);
        }
        if type_sets && self.is_op(Operator::Tilde) {
            let t = self.embedded_term();
            entry.ty = Some(self.embedded_union(t));
            return Some(entry);
        }
        if self.tok == TokenKind::DotDotDot {
            self.next();
            entry.variadic = true;
            let t = match self.type_or_nil() {
                Some(t) => t,
                None => {
                    let b = self.bad_expr();
                    self.syntax_error("... is missing type");
                    b
                }
            };
            entry.ty = Some(t);
            return Some(entry);
        }
        entry.ty = self.type_or_nil();
        if type_sets && self.is_op(Operator::Or) {
            if let Some(t) = entry.ty.take() {
                entry.ty = Some(self.embedded_union(t));
            }
        }
        if entry.name.is_some() || entry.ty.is_some() {
            return Some(entry);
        }
        let follow_name = if follow == RBRACK { "]" } else { ")" };
        self.syntax_error(&format!("expected {follow_name}"));
        self.advance(COMMA | follow);
        None
    }
}
