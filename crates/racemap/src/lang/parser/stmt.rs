//! Parsing statements: blocks and statement lists, simple statements (assignments, `:=`,
//! sends, `++`/`--`, range clauses and type switch guards as the headers need them), `go` and
//! `defer`, labels and branch statements. Control statements are in `control.rs`.

use super::*;

/// What a simple statement turned out to be.
pub(super) enum Simple {
    /// An ordinary simple statement.
    Stmt(Stmt),
    /// `[lhs (= | :=)] range x` in a `for` header.
    Range {
        /// Start of the clause.
        lo: u32,
        /// Iteration variables as written (at most two are valid).
        lhs: Vec<Expr>,
        /// `:=` rather than `=`.
        define: bool,
        /// The ranged-over expression.
        x: Expr,
    },
    /// `[v :=] x.(type)` in a `switch` header.
    Guard {
        /// Start of the guard.
        lo: u32,
        /// `v` as an expression, when written.
        lhs: Option<Expr>,
        /// Span of `:=`.
        op_span: Span,
        /// The `x.(type)` expression.
        assert: Expr,
    },
}

impl<'a> Parser<'a> {
    // ------------------------------------------------------------------------------------------
    // Statements

    pub(super) fn block_stmt(&mut self, context: &str) -> Block {
        let lo = self.pos();
        if !self.enter() {
            self.leave();
            return Block {
                stmts: Vec::new(),
                span: Span::new(lo, lo),
            };
        }
        if !self.got(&TokenKind::LBrace) {
            self.syntax_error(&format!("expected {{ after {context}"));
            self.advance(NAME | RBRACE);
            if self.got(&TokenKind::RBrace) {
                self.leave();
                return Block {
                    stmts: Vec::new(),
                    span: Span::new(lo, self.prev_end),
                };
            }
        }
        let stmts = self.stmt_list();
        self.want(&TokenKind::RBrace);
        self.leave();
        Block {
            stmts,
            span: Span::new(lo, self.prev_end),
        }
    }

    pub(super) fn stmt_list(&mut self) -> Vec<Stmt> {
        let mut list = Vec::new();
        while !self.is(EOF | RBRACE) && !self.is_kw(Keyword::Case) && !self.is_kw(Keyword::Default)
        {
            if matches!(self.tok, TokenKind::Semi(_)) {
                self.next();
                continue;
            }
            let Some(s) = self.stmt_or_nil() else {
                break;
            };
            list.push(s);
            if !self.got(&TokenKind::Semi(SemiKind::Semicolon)) && self.tok != TokenKind::RBrace {
                self.syntax_error("at end of statement");
                self.advance(SEMI | RBRACE | kw(Keyword::Case) | kw(Keyword::Default));
                self.got(&TokenKind::Semi(SemiKind::Semicolon));
            }
        }
        list
    }

    fn stmt_or_nil(&mut self) -> Option<Stmt> {
        if !self.enter() {
            self.leave();
            return None;
        }
        let s = self.stmt_or_nil_inner();
        self.leave();
        s
    }

    fn stmt_or_nil_inner(&mut self) -> Option<Stmt> {
        match self.tok {
            TokenKind::Name(_) => self.name_stmt(),
            TokenKind::Keyword(Keyword::Var | Keyword::Const | Keyword::Type) => self.decl_stmt(),
            TokenKind::LBrace => self.block_as_stmt(),
            TokenKind::Operator(
                Operator::Add | Operator::Sub | Operator::And | Operator::Xor | Operator::Not,
            )
            | TokenKind::Star
            | TokenKind::Literal(_)
            | TokenKind::LParen
            | TokenKind::LBrack
            | TokenKind::Arrow
            | TokenKind::Keyword(
                Keyword::Func | Keyword::Struct | Keyword::Map | Keyword::Chan | Keyword::Interface,
            ) => self.plain_simple_stmt(),
            TokenKind::Keyword(
                Keyword::For
                | Keyword::Switch
                | Keyword::Select
                | Keyword::If
                | Keyword::Go
                | Keyword::Defer,
            ) => self.compound_stmt(),
            TokenKind::Keyword(
                Keyword::Fallthrough | Keyword::Break | Keyword::Continue | Keyword::Goto,
            ) => self.branch_stmt(),
            TokenKind::Keyword(Keyword::Return) => self.return_stmt(),
            TokenKind::Semi(_) => {
                let pos = self.pos();
                Some(Stmt {
                    id: self.id(),
                    span: Span::new(pos, pos),
                    kind: StmtKind::Empty,
                })
            }
            _ => None,
        }
    }

    /// A statement starting with a name: a labeled statement or a simple statement.
    #[inline(never)]
    fn name_stmt(&mut self) -> Option<Stmt> {
        let lhs = self.expr_list();
        if lhs.len() == 1
            && matches!(lhs[0].kind, ExprKind::Ident(_))
            && self.tok == TokenKind::Colon
        {
            let Some(Expr {
                id,
                kind: ExprKind::Ident(label),
                ..
            }) = lhs.into_iter().next()
            else {
                return None;
            };
            self.recycle(id);
            return self.labeled_stmt(label);
        }
        self.simple_stmt_with(lhs)
    }

    #[inline(never)]
    fn simple_stmt_with(&mut self, lhs: Vec<Expr>) -> Option<Stmt> {
        let s = self.simple_stmt(Some(lhs), None);
        Some(self.simple_to_stmt(s))
    }

    #[inline(never)]
    fn plain_simple_stmt(&mut self) -> Option<Stmt> {
        let s = self.simple_stmt(None, None);
        Some(self.simple_to_stmt(s))
    }

    /// `for`, `switch`, `select`, `if`, `go`, `defer`.
    #[inline(never)]
    fn compound_stmt(&mut self) -> Option<Stmt> {
        Some(match self.tok {
            TokenKind::Keyword(Keyword::For) => self.for_stmt(),
            TokenKind::Keyword(Keyword::Switch) => self.switch_stmt(),
            TokenKind::Keyword(Keyword::Select) => self.select_stmt(),
            TokenKind::Keyword(Keyword::Go) => self.call_stmt(Keyword::Go),
            TokenKind::Keyword(Keyword::Defer) => self.call_stmt(Keyword::Defer),
            _ => self.if_stmt(),
        })
    }

    #[inline(never)]
    fn decl_stmt(&mut self) -> Option<Stmt> {
        let lo = self.pos();
        let k = self.tok.clone();
        self.next();
        let d = match k {
            TokenKind::Keyword(Keyword::Var) => self.var_group(),
            TokenKind::Keyword(Keyword::Const) => self.const_group(),
            _ => self.type_group(),
        };
        Some(self.mk_stmt(lo, StmtKind::Decl(d)))
    }

    #[inline(never)]
    fn block_as_stmt(&mut self) -> Option<Stmt> {
        let lo = self.pos();
        let b = self.block_stmt("");
        Some(self.mk_stmt(lo, StmtKind::Block(b)))
    }

    /// `fallthrough`, `break [label]`, `continue [label]`, `goto label`.
    #[inline(never)]
    fn branch_stmt(&mut self) -> Option<Stmt> {
        let lo = self.pos();
        let k = self.tok.clone();
        self.next();
        let kind = match k {
            TokenKind::Keyword(Keyword::Goto) => StmtKind::Goto(self.name()),
            TokenKind::Keyword(k @ (Keyword::Break | Keyword::Continue)) => {
                let label = if matches!(self.tok, TokenKind::Name(_)) {
                    Some(self.name())
                } else {
                    None
                };
                if k == Keyword::Break {
                    StmtKind::Break(label)
                } else {
                    StmtKind::Continue(label)
                }
            }
            _ => StmtKind::Fallthrough,
        };
        Some(self.mk_stmt(lo, kind))
    }

    #[inline(never)]
    fn return_stmt(&mut self) -> Option<Stmt> {
        let lo = self.pos();
        self.next();
        let mut results = Vec::new();
        if !self.is(SEMI | RBRACE) {
            results = self.expr_list();
        }
        Some(self.mk_stmt(lo, StmtKind::Return(results)))
    }

    fn labeled_stmt(&mut self, label: Ident) -> Option<Stmt> {
        let colon = self.pos();
        let lo = label.span.lo;
        self.want(&TokenKind::Colon);
        let inner = if self.tok == TokenKind::RBrace {
            // An empty statement before the closing brace.
            let pos = self.pos();
            Box::new(Stmt {
                id: self.id(),
                span: Span::new(pos, pos),
                kind: StmtKind::Empty,
            })
        } else {
            match self.stmt_or_nil() {
                Some(s) => Box::new(s),
                None => {
                    self.syntax_error_at(colon, "missing statement after label");
                    return None;
                }
            }
        };
        Some(self.mk_stmt(lo, StmtKind::Labeled { label, stmt: inner }))
    }

    fn call_stmt(&mut self, k: Keyword) -> Stmt {
        let lo = self.pos();
        self.next();
        let x = self.pexpr(None);
        let word = k.as_str();
        let x = if matches!(x.kind, ExprKind::Paren(_)) {
            self.error_at(
                x.span.lo,
                format!("expression in {word} must not be parenthesized"),
            );
            self.unparen(x)
        } else {
            x
        };
        if !matches!(x.kind, ExprKind::Call { .. }) && !matches!(x.kind, ExprKind::Bad) {
            self.error_at(
                x.span.lo,
                format!("expression in {word} must be function call"),
            );
        }
        let kind = if k == Keyword::Go {
            StmtKind::Go(x)
        } else {
            StmtKind::Defer(x)
        };
        self.mk_stmt(lo, kind)
    }

    /// Go's `simpleStmt`. `keyword` is `for` (range permitted) or `switch` (type switch guard
    /// permitted) in statement headers.
    pub(super) fn simple_stmt(
        &mut self,
        lhs: Option<Vec<Expr>>,
        keyword: Option<Keyword>,
    ) -> Simple {
        let lo = self.pos();
        if keyword == Some(Keyword::For) && self.is_kw(Keyword::Range) {
            return self.range_clause(lo, Vec::new(), false);
        }
        let lhs = match lhs {
            Some(l) => l,
            None => self.expr_list(),
        };
        if lhs.len() == 1 && !matches!(self.tok, TokenKind::Assign | TokenKind::Define) {
            return Simple::Stmt(self.single_simple_stmt(lhs));
        }
        self.assign_stmt(lhs, keyword)
    }

    /// `x op= y`, `x++`, `ch <- v`, or an expression statement.
    #[inline(never)]
    fn single_simple_stmt(&mut self, mut lhs: Vec<Expr>) -> Stmt {
        let lo = lhs.first().map(|e| e.span.lo).unwrap_or(self.span.lo);
        let op_span = self.span;
        match self.tok {
            TokenKind::AssignOp(op) => {
                self.next();
                let rhs = self.expr();
                let bop = binary_op(op).unwrap_or_else(|| {
                    // The lexer makes `op=` tokens of binary operators only.
                    debug_assert!(false, "assignment operator {op:?}");
                    self.diags.push(Diagnostic::internal(
                        op_span,
                        format!("assignment operator {op:?}"),
                    ));
                    BinaryOp::Add
                });
                self.mk_stmt(
                    lo,
                    StmtKind::Assign {
                        lhs,
                        op: AssignOp::Op(bop),
                        op_span,
                        rhs: vec![rhs],
                    },
                )
            }
            TokenKind::IncOp(op) => {
                self.next();
                let x = lhs.pop().unwrap_or_else(|| self.bad_expr());
                self.mk_stmt(
                    lo,
                    StmtKind::IncDec {
                        x,
                        inc: op == Operator::Add,
                    },
                )
            }
            TokenKind::Arrow => {
                self.next();
                let value = self.expr();
                let ch = lhs.pop().unwrap_or_else(|| self.bad_expr());
                self.mk_stmt(lo, StmtKind::Send { ch, value })
            }
            _ => {
                let x = lhs.pop().unwrap_or_else(|| self.bad_expr());
                let span = x.span;
                Stmt {
                    id: self.id(),
                    span,
                    kind: StmtKind::Expr(x),
                }
            }
        }
    }

    /// `lhs = rhs`, `lhs := rhs`, a range clause or a type switch guard.
    #[inline(never)]
    fn assign_stmt(&mut self, mut lhs: Vec<Expr>, keyword: Option<Keyword>) -> Simple {
        let lo = lhs.first().map(|e| e.span.lo).unwrap_or(self.span.lo);
        match self.tok {
            TokenKind::Assign | TokenKind::Define => {
                let op_span = self.span;
                let define = self.tok == TokenKind::Define;
                self.next();
                if keyword == Some(Keyword::For) && self.is_kw(Keyword::Range) {
                    return self.range_clause(lo, lhs, define);
                }
                let mut rhs = self.expr_list();
                let is_guard = keyword == Some(Keyword::Switch)
                    && define
                    && rhs.len() == 1
                    && lhs.len() == 1
                    && matches!(lhs[0].kind, ExprKind::Ident(_))
                    && matches!(rhs[0].kind, ExprKind::TypeAssert { ty: None, .. });
                if is_guard {
                    return Simple::Guard {
                        lo,
                        lhs: lhs.pop(),
                        op_span,
                        assert: rhs.pop().unwrap_or_else(|| self.bad_expr()),
                    };
                }
                let op = if define {
                    AssignOp::Define
                } else {
                    AssignOp::Assign
                };
                Simple::Stmt(self.mk_stmt(
                    lo,
                    StmtKind::Assign {
                        lhs,
                        op,
                        op_span,
                        rhs,
                    },
                ))
            }
            _ => {
                self.syntax_error("expected := or = or comma");
                self.advance(SEMI | RBRACE);
                let x = lhs.into_iter().next().unwrap_or_else(|| self.bad_expr());
                let span = x.span;
                Simple::Stmt(Stmt {
                    id: self.id(),
                    span,
                    kind: StmtKind::Expr(x),
                })
            }
        }
    }

    fn range_clause(&mut self, lo: u32, lhs: Vec<Expr>, define: bool) -> Simple {
        self.next(); // range
        let x = self.expr();
        if lhs.len() > 2 {
            let pos = lhs[2].span.lo;
            self.error_at(pos, "range clause permits at most two iteration variables");
        }
        Simple::Range { lo, lhs, define, x }
    }

    /// A simple statement where only ordinary ones are allowed.
    pub(super) fn simple_to_stmt(&mut self, s: Simple) -> Stmt {
        match s {
            Simple::Stmt(s) => s,
            Simple::Guard {
                lo,
                lhs,
                op_span,
                assert,
            } => match lhs {
                Some(l) => self.mk_stmt(
                    lo,
                    StmtKind::Assign {
                        lhs: vec![l],
                        op: AssignOp::Define,
                        op_span,
                        rhs: vec![assert],
                    },
                ),
                None => {
                    let span = assert.span;
                    Stmt {
                        id: self.id(),
                        span,
                        kind: StmtKind::Expr(assert),
                    }
                }
            },
            Simple::Range { lo, x, .. } => {
                // Not reachable: ranges are only parsed in `for` headers.
                let span = Span::new(lo, x.span.hi);
                Stmt {
                    id: self.id(),
                    span,
                    kind: StmtKind::Expr(x),
                }
            }
        }
    }
}
