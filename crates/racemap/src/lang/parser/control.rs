//! Parsing control statements: the `if`/`for`/`switch` headers (init statement, condition or
//! tag, post statement, range clause, type switch guard, under the `xnest = -1` composite literal
//! rule), `if`/`else` chains, `for`, `switch` and type switches with their clauses, and `select`.

use super::stmt::Simple;
use super::*;

/// The parts of an `if`/`for`/`switch` header.
#[derive(Default)]
struct Header {
    /// The init statement (`if x := f(); ...`).
    init: Option<Box<Stmt>>,
    /// The condition or switch tag.
    cond: Option<Expr>,
    /// The post statement of a three-clause `for`.
    post: Option<Box<Stmt>>,
    /// A range clause: iteration variables, whether `:=`, the ranged-over expression.
    range: Option<(Vec<Expr>, bool, Expr)>,
    /// A type switch guard: the bound name and the `x.(type)` expression.
    guard: Option<(Option<Ident>, Expr)>,
}

impl<'a> Parser<'a> {
    /// Go's `header`: `keyword` is already consumed.
    fn header(&mut self, keyword: Keyword) -> Header {
        let mut h = Header::default();
        if self.tok == TokenKind::LBrace {
            if keyword == Keyword::If {
                self.syntax_error("missing condition in if statement");
                h.cond = Some(self.bad_expr());
            }
            return h;
        }
        let outer = self.xnest;
        self.xnest = -1;

        let mut init: Option<Simple> = None;
        if !matches!(self.tok, TokenKind::Semi(_)) {
            if self.got(&TokenKind::Keyword(Keyword::Var)) {
                self.syntax_error(&format!(
                    "var declaration not allowed in {} initializer",
                    keyword.as_str()
                ));
            }
            let s = self.simple_stmt(None, Some(keyword));
            if let Simple::Range { lhs, define, x, .. } = s {
                h.range = Some((lhs, define, x));
                self.xnest = outer;
                return h;
            }
            init = Some(s);
        }

        let mut cond_stmt: Option<Simple> = None;
        let mut semi: Option<(u32, SemiKind)> = None;
        if self.tok != TokenKind::LBrace {
            if let TokenKind::Semi(kind) = self.tok {
                semi = Some((self.pos(), kind));
                self.next();
            } else {
                self.want(&TokenKind::LBrace);
                if self.tok != TokenKind::LBrace {
                    self.advance(LBRACE | RBRACE);
                }
            }
            if keyword == Keyword::For {
                let mut skip_rest = false;
                if !matches!(self.tok, TokenKind::Semi(_)) {
                    if self.tok == TokenKind::LBrace {
                        self.syntax_error("expected for loop condition");
                        skip_rest = true;
                    } else {
                        cond_stmt = Some(self.simple_stmt(None, None));
                    }
                }
                if !skip_rest {
                    self.want(&TokenKind::Semi(SemiKind::Semicolon));
                    if self.tok != TokenKind::LBrace {
                        let post = self.simple_stmt(None, None);
                        let post = self.simple_to_stmt(post);
                        if let StmtKind::Assign {
                            op: AssignOp::Define,
                            op_span,
                            ..
                        } = &post.kind
                        {
                            let pos = op_span.lo;
                            self.syntax_error_at(
                                pos,
                                "cannot declare in post statement of for loop",
                            );
                        }
                        h.post = Some(Box::new(post));
                    }
                }
            } else if self.tok != TokenKind::LBrace {
                cond_stmt = Some(self.simple_stmt(None, Some(keyword)));
            }
        } else {
            cond_stmt = init.take();
        }
        h.init = init.map(|s| Box::new(self.simple_to_stmt(s)));

        match cond_stmt {
            None => {
                if keyword == Keyword::If {
                    if let Some((pos, kind)) = semi {
                        if kind != SemiKind::Semicolon {
                            self.syntax_error_at(
                                pos,
                                &format!(
                                    "unexpected {}, expected {{ after if clause",
                                    kind.as_str()
                                ),
                            );
                        } else {
                            self.syntax_error_at(pos, "missing condition in if statement");
                        }
                        h.cond = Some(self.mk_expr_span(Span::new(pos, pos), ExprKind::Bad));
                    }
                }
            }
            Some(Simple::Guard { lhs, assert, .. }) => {
                let bind = match lhs {
                    Some(Expr {
                        id,
                        kind: ExprKind::Ident(i),
                        ..
                    }) => {
                        self.recycle(id);
                        Some(i)
                    }
                    _ => None,
                };
                h.guard = Some((bind, assert));
            }
            Some(Simple::Stmt(Stmt {
                id,
                kind: StmtKind::Expr(x),
                ..
            })) => {
                self.recycle(id);
                if keyword == Keyword::Switch
                    && matches!(x.kind, ExprKind::TypeAssert { ty: None, .. })
                {
                    h.guard = Some((None, x));
                } else {
                    h.cond = Some(x);
                }
            }
            Some(Simple::Stmt(s)) => {
                let (pos, text) = match &s.kind {
                    StmtKind::Assign {
                        lhs,
                        op: AssignOp::Assign,
                        op_span,
                        rhs,
                    } => (
                        op_span.lo,
                        format!(
                            "assignment {} = {}",
                            self.emphasize_list(lhs),
                            self.emphasize_list(rhs)
                        ),
                    ),
                    StmtKind::Assign { op_span, .. } => (op_span.lo, self.printer().stmt(&s)),
                    StmtKind::IncDec { x, .. } => (x.span.hi, self.printer().stmt(&s)),
                    StmtKind::Send { ch, .. } => (ch.span.hi, self.printer().stmt(&s)),
                    _ => (s.span.lo, self.printer().stmt(&s)),
                };
                let pos = self.op_pos_after(pos);
                self.syntax_error_at(pos, &format!("cannot use {text} as value"));
                h.cond = Some(self.mk_expr_span(s.span, ExprKind::Bad));
            }
            Some(Simple::Range { x, .. }) => h.cond = Some(x),
        }
        self.xnest = outer;
        h
    }

    /// The position of the first non-blank byte at or after `pos` (the operator of an
    /// increment or send statement whose left operand ends at `pos`).
    fn op_pos_after(&self, pos: u32) -> u32 {
        let bytes = self.src.as_bytes();
        let mut p = pos as usize;
        while p < bytes.len() && (bytes[p] == b' ' || bytes[p] == b'\t') {
            p += 1;
        }
        p as u32
    }

    pub(super) fn if_stmt(&mut self) -> Stmt {
        let lo = self.pos();
        if !self.enter() {
            self.leave();
            return self.mk_stmt(lo, StmtKind::Empty);
        }
        self.next(); // if
        let h = self.header(Keyword::If);
        let then = self.block_stmt("if clause");
        let mut els = None;
        if self.got(&TokenKind::Keyword(Keyword::Else)) {
            match self.tok {
                TokenKind::Keyword(Keyword::If) => els = Some(Box::new(self.if_stmt())),
                TokenKind::LBrace => {
                    let blo = self.pos();
                    let b = self.block_stmt("");
                    els = Some(Box::new(self.mk_stmt(blo, StmtKind::Block(b))));
                }
                _ => {
                    self.syntax_error("else must be followed by if or statement block");
                    self.advance(NAME | RBRACE);
                }
            }
        }
        self.leave();
        let cond = match h.cond {
            Some(c) => c,
            None => self.mk_expr_span(Span::new(lo, lo), ExprKind::Bad),
        };
        self.mk_stmt(
            lo,
            StmtKind::If {
                init: h.init,
                cond,
                then,
                els,
            },
        )
    }

    pub(super) fn for_stmt(&mut self) -> Stmt {
        let lo = self.pos();
        self.next(); // for
        let h = self.header(Keyword::For);
        let body = self.block_stmt("for clause");
        if let Some((lhs, define, x)) = h.range {
            let mut it = lhs.into_iter();
            let key = it.next();
            let value = it.next();
            return self.mk_stmt(
                lo,
                StmtKind::Range {
                    key,
                    value,
                    define,
                    x,
                    body,
                },
            );
        }
        self.mk_stmt(
            lo,
            StmtKind::For {
                init: h.init,
                cond: h.cond,
                post: h.post,
                body,
            },
        )
    }

    pub(super) fn switch_stmt(&mut self) -> Stmt {
        let lo = self.pos();
        self.next(); // switch
        let h = self.header(Keyword::Switch);
        if !self.got(&TokenKind::LBrace) {
            self.syntax_error("missing { after switch clause");
            self.advance(kw(Keyword::Case) | kw(Keyword::Default) | RBRACE);
        }
        let init = h.init;
        if let Some((bind, assert)) = h.guard {
            let x = match assert.kind {
                ExprKind::TypeAssert { x, .. } => {
                    self.recycle(assert.id);
                    *x
                }
                other => Expr {
                    kind: other,
                    ..assert
                },
            };
            let mut cases = Vec::new();
            while !self.is(EOF | RBRACE) {
                let (types, default, body, span) = self.case_clause();
                cases.push(TypeCaseClause {
                    types,
                    default,
                    body,
                    span,
                    id: self.id(),
                });
            }
            self.want(&TokenKind::RBrace);
            return self.mk_stmt(
                lo,
                StmtKind::TypeSwitch {
                    init,
                    bind,
                    x,
                    cases,
                },
            );
        }
        let mut cases = Vec::new();
        while !self.is(EOF | RBRACE) {
            let (exprs, default, body, span) = self.case_clause();
            cases.push(CaseClause {
                exprs,
                default,
                body,
                span,
            });
        }
        self.want(&TokenKind::RBrace);
        self.mk_stmt(
            lo,
            StmtKind::Switch {
                init,
                tag: h.cond,
                cases,
            },
        )
    }

    fn case_clause(&mut self) -> (Vec<Expr>, bool, Vec<Stmt>, Span) {
        let lo = self.pos();
        let mut exprs = Vec::new();
        let mut default = false;
        match self.tok {
            TokenKind::Keyword(Keyword::Case) => {
                self.next();
                exprs = self.expr_list();
            }
            TokenKind::Keyword(Keyword::Default) => {
                self.next();
                default = true;
            }
            _ => {
                self.syntax_error("expected case or default or }");
                self.advance(COLON | kw(Keyword::Case) | kw(Keyword::Default) | RBRACE);
            }
        }
        self.want(&TokenKind::Colon);
        let span = Span::new(lo, self.prev_end);
        let body = self.stmt_list();
        (exprs, default, body, span)
    }

    pub(super) fn select_stmt(&mut self) -> Stmt {
        let lo = self.pos();
        self.next(); // select
        if !self.got(&TokenKind::LBrace) {
            self.syntax_error("missing { after select clause");
            self.advance(kw(Keyword::Case) | kw(Keyword::Default) | RBRACE);
        }
        let mut clauses = Vec::new();
        while !self.is(EOF | RBRACE) {
            let clo = self.pos();
            let mut comm = None;
            match self.tok {
                TokenKind::Keyword(Keyword::Case) => {
                    self.next();
                    let s = self.simple_stmt(None, None);
                    comm = Some(Box::new(self.simple_to_stmt(s)));
                }
                TokenKind::Keyword(Keyword::Default) => self.next(),
                _ => {
                    self.syntax_error("expected case or default or }");
                    self.advance(COLON | kw(Keyword::Case) | kw(Keyword::Default) | RBRACE);
                }
            }
            self.want(&TokenKind::Colon);
            let span = Span::new(clo, self.prev_end);
            let body = self.stmt_list();
            clauses.push(CommClause { comm, body, span });
        }
        self.want(&TokenKind::RBrace);
        self.mk_stmt(lo, StmtKind::Select(clauses))
    }
}
