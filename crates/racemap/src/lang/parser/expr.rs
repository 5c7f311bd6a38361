//! Parsing expressions: binary operators by precedence, unary operators (with Go's
//! reassociation of `<-chan` types), operands, and the primary-expression suffixes (selectors,
//! indices, slices, type assertions, calls, composite literal bodies under the `xnest` rule).

use super::*;

impl<'a> Parser<'a> {
    // ------------------------------------------------------------------------------------------
    // Expressions

    pub(super) fn expr(&mut self) -> Expr {
        self.binary_expr(None, 0)
    }

    pub(super) fn expr_list(&mut self) -> Vec<Expr> {
        let mut list = vec![self.expr()];
        while self.got(&TokenKind::Comma) {
            list.push(self.expr());
        }
        list
    }

    pub(super) fn binary_expr(&mut self, x: Option<Expr>, prec: u8) -> Expr {
        let mut x = match x {
            Some(x) => x,
            None => self.unary_expr(),
        };
        // Each operator deepens the (left-leaning) tree: count it as nesting, so later passes
        // can recurse over the tree safely.
        let depth = self.depth;
        loop {
            let op = match self.tok {
                TokenKind::Operator(op) if op.precedence() > prec => op,
                TokenKind::Star if 5 > prec => Operator::Mul,
                _ => break,
            };
            let op_span = self.span;
            let tprec = op.precedence();
            if !self.enter() {
                break;
            }
            self.next();
            let y = self.binary_expr(None, tprec);
            let lo = x.span.lo;
            let Some(bop) = binary_op(op) else {
                break;
            };
            x = self.mk_expr_span(
                Span::new(lo, y.span.hi.max(op_span.hi)),
                ExprKind::Binary {
                    op: bop,
                    op_span,
                    x: Box::new(x),
                    y: Box::new(y),
                },
            );
        }
        self.depth = depth;
        x
    }

    fn unary_expr(&mut self) -> Expr {
        if !self.enter() {
            self.leave();
            return self.bad_expr();
        }
        let x = self.unary_expr_inner();
        self.leave();
        x
    }

    // The functions on recursive paths are thin dispatchers that call one function per case,
    // so that each nesting level costs only the frames of the case taken (unoptimized builds
    // give every temporary of a function its own stack slot).

    fn unary_expr_inner(&mut self) -> Expr {
        match self.tok {
            TokenKind::Star
            | TokenKind::Operator(
                Operator::Add
                | Operator::Sub
                | Operator::Not
                | Operator::Xor
                | Operator::Tilde
                | Operator::And,
            ) => self.unary_operation(),
            TokenKind::Arrow => self.unary_recv(),
            _ => self.pexpr(None),
        }
    }

    /// `*x`, `+x`, `-x`, `!x`, `^x`, `&x` (and `~x`, an error outside constraints).
    #[inline(never)]
    fn unary_operation(&mut self) -> Expr {
        let lo = self.pos();
        let op = match self.tok {
            TokenKind::Operator(op) => Some(op),
            _ => None,
        };
        self.next();
        let x = self.unary_expr();
        let kind = match op {
            None => ExprKind::Star(Box::new(x)),
            Some(Operator::Tilde) => {
                self.error_at(lo, "cannot use ~ outside of interface or type constraint");
                ExprKind::Bad
            }
            Some(Operator::And) => ExprKind::Unary {
                op: UnaryOp::Addr,
                // Go drops parentheses here: &(T{}) is &T{}.
                x: Box::new(self.unparen(x)),
            },
            Some(o) => ExprKind::Unary {
                op: match o {
                    Operator::Add => UnaryOp::Plus,
                    Operator::Sub => UnaryOp::Neg,
                    Operator::Not => UnaryOp::Not,
                    _ => UnaryOp::BitNot,
                },
                x: Box::new(x),
            },
        };
        self.mk_expr(lo, kind)
    }

    /// `<-x`, or `<-chan T` (the arrow re-associated with the channel type, as Go does).
    #[inline(never)]
    fn unary_recv(&mut self) -> Expr {
        let lo = self.pos();
        self.next();
        let mut x = self.unary_expr();
        if matches!(x.kind, ExprKind::ChanType { .. }) {
            self.reassociate_recv_chan(&mut x);
            x.span = Span::new(lo, x.span.hi);
            return x;
        }
        self.mk_expr(
            lo,
            ExprKind::Unary {
                op: UnaryOp::Recv,
                x: Box::new(x),
            },
        )
    }

    /// `<-(chan E)` becomes `(<-chan E)`, `<-(chan<- E)` becomes `(<-chan (<-E))`.
    fn reassociate_recv_chan(&mut self, x: &mut Expr) {
        let mut dir = ChanDir::Send;
        let mut count = 0;
        let mut err: Option<String> = None;
        {
            let mut t: &Expr = x;
            while dir == ChanDir::Send {
                match &t.kind {
                    ExprKind::ChanType { dir: d, elem } => {
                        dir = *d;
                        if dir == ChanDir::Recv {
                            err = Some("unexpected <-, expected chan".to_string());
                        }
                        count += 1;
                        t = elem;
                    }
                    _ => break,
                }
            }
            if dir == ChanDir::Send {
                err = Some(format!(
                    "unexpected {}, expected chan",
                    self.printer().expr(t)
                ));
            }
        }
        let mut t = x;
        for _ in 0..count {
            match &mut t.kind {
                ExprKind::ChanType { dir: d, elem } => {
                    *d = ChanDir::Recv;
                    t = elem;
                }
                _ => break,
            }
        }
        if let Some(msg) = err {
            self.syntax_error(&msg);
        }
    }

    /// Go's `operand`.
    fn operand(&mut self) -> Expr {
        match &self.tok {
            TokenKind::Name(_) => {
                let n = self.name();
                self.name_expr(n)
            }
            TokenKind::Literal(_) => self.basic_lit(),
            TokenKind::LParen => self.paren_operand(),
            TokenKind::Keyword(Keyword::Func) => self.func_operand(),
            TokenKind::LBrack
            | TokenKind::Keyword(
                Keyword::Chan | Keyword::Map | Keyword::Struct | Keyword::Interface,
            ) => self.type_(),
            _ => {
                let b = self.bad_expr();
                self.syntax_error("expected expression");
                self.advance(RPAREN | RBRACK | RBRACE);
                b
            }
        }
    }

    #[inline(never)]
    fn paren_operand(&mut self) -> Expr {
        let lo = self.pos();
        self.next();
        self.xnest += 1;
        let x = self.expr();
        self.xnest -= 1;
        self.want(&TokenKind::RParen);
        self.mk_expr(lo, ExprKind::Paren(Box::new(x)))
    }

    /// A function literal or a function type.
    #[inline(never)]
    fn func_operand(&mut self) -> Expr {
        let lo = self.pos();
        self.next();
        let (_, sig) = self.func_type("function type", lo);
        if self.tok == TokenKind::LBrace {
            self.xnest += 1;
            let body = self.func_body();
            self.xnest -= 1;
            return self.mk_expr(lo, ExprKind::FuncLit { sig, body });
        }
        self.mk_expr(lo, ExprKind::FuncType(sig))
    }

    fn basic_lit(&mut self) -> Expr {
        let TokenKind::Literal(lit) = &self.tok else {
            return self.bad_expr();
        };
        let Literal {
            kind,
            text,
            value,
            bad: _,
        } = lit.clone();
        let span = self.span;
        self.next();
        let kind = match kind {
            LitKind::Int => ExprKind::IntLit(text),
            LitKind::Float => ExprKind::FloatLit(text),
            LitKind::Imag => ExprKind::ImagLit(text),
            LitKind::Rune => match value {
                LitValue::Rune(c) => ExprKind::RuneLit(c),
                _ => ExprKind::RuneLit('\u{fffd}'),
            },
            LitKind::String => {
                let bytes = match value {
                    LitValue::Bytes(b) => b,
                    _ => Vec::new(),
                };
                ExprKind::StringLit {
                    value: GoString::from(bytes),
                    raw: text.starts_with('`'),
                }
            }
        };
        self.mk_expr_span(span, kind)
    }

    /// Go's `pexpr`: an operand followed by selectors, indices, slices, assertions, calls and
    /// composite literal bodies.
    /// Unlike Go, racemap always keeps parentheses in the tree ([`ExprKind::Paren`]).
    pub(super) fn pexpr(&mut self, x: Option<Expr>) -> Expr {
        let mut x = match x {
            Some(x) => x,
            None => self.operand(),
        };
        // Like binary operators, each suffix deepens the tree.
        let depth = self.depth;
        loop {
            let suffix = matches!(
                self.tok,
                TokenKind::Dot | TokenKind::LBrack | TokenKind::LParen | TokenKind::LBrace
            );
            if suffix && !self.enter() {
                break;
            }
            x = match self.tok {
                TokenKind::Dot => self.selector_suffix(x),
                TokenKind::LBrack => self.index_suffix(x),
                TokenKind::LParen => self.call_suffix(x),
                TokenKind::LBrace if self.complit_ok(&x) => self.complit_suffix(x),
                _ => break,
            };
        }
        self.depth = depth;
        x
    }

    /// `x.name`, `x.(T)`, `x.(type)`.
    #[inline(never)]
    fn selector_suffix(&mut self, x: Expr) -> Expr {
        let lo = x.span.lo;
        self.next();
        match self.tok {
            TokenKind::Name(_) => {
                let sel = self.name();
                self.mk_expr(
                    lo,
                    ExprKind::Selector {
                        x: Box::new(x),
                        sel,
                    },
                )
            }
            TokenKind::LParen => {
                self.next();
                let ty = if self.got(&TokenKind::Keyword(Keyword::Type)) {
                    None
                } else {
                    Some(Box::new(self.type_()))
                };
                self.want(&TokenKind::RParen);
                self.mk_expr(lo, ExprKind::TypeAssert { x: Box::new(x), ty })
            }
            _ => {
                self.syntax_error("expected name or (");
                self.advance(SEMI | RPAREN);
                x
            }
        }
    }

    /// `x[i]`, `x[A, B]`, `x[lo:hi]`, `x[lo:hi:max]`.
    #[inline(never)]
    fn index_suffix(&mut self, x: Expr) -> Expr {
        let lo = x.span.lo;
        self.next();
        let mut index: Option<Expr> = None;
        if self.tok != TokenKind::Colon {
            let (indices, comma) = if self.tok == TokenKind::RBrack {
                self.syntax_error("expected operand");
                (vec![self.bad_expr()], false)
            } else {
                self.type_list(false)
            };
            if comma || self.tok == TokenKind::RBrack {
                self.want(&TokenKind::RBrack);
                return self.mk_expr(
                    lo,
                    ExprKind::Index {
                        x: Box::new(x),
                        indices,
                    },
                );
            }
            index = indices.into_iter().next();
        }
        // x[i:...
        if !self.got(&TokenKind::Colon) {
            self.syntax_error("expected comma, : or ]");
            self.advance(COMMA | COLON | RBRACK);
        }
        self.xnest += 1;
        let mut hi = None;
        let mut max = None;
        if self.tok != TokenKind::Colon && self.tok != TokenKind::RBrack {
            hi = Some(Box::new(self.expr()));
        }
        if self.tok == TokenKind::Colon {
            if hi.is_none() {
                self.error_at(self.pos(), "middle index required in 3-index slice");
                hi = Some(Box::new(self.bad_expr()));
            }
            self.next();
            if self.tok != TokenKind::RBrack {
                max = Some(Box::new(self.expr()));
            } else {
                self.error_at(self.pos(), "final index required in 3-index slice");
                max = Some(Box::new(self.bad_expr()));
            }
        }
        self.xnest -= 1;
        self.want(&TokenKind::RBrack);
        self.mk_expr(
            lo,
            ExprKind::Slice {
                x: Box::new(x),
                lo: index.map(Box::new),
                hi,
                max,
            },
        )
    }

    /// `x(args)`.
    #[inline(never)]
    fn call_suffix(&mut self, x: Expr) -> Expr {
        let lo = x.span.lo;
        self.next();
        let (args, ellipsis) = self.arg_list();
        self.mk_expr(
            lo,
            ExprKind::Call {
                func: Box::new(x),
                args,
                ellipsis,
            },
        )
    }

    /// Go's `complit_ok`: whether `{` after `x` starts a composite literal (see the module doc).
    fn complit_ok(&self, x: &Expr) -> bool {
        let t = x.unparen();
        match &t.kind {
            ExprKind::Ident(_) | ExprKind::Selector { .. } => self.xnest >= 0,
            ExprKind::Index { .. } => self.xnest >= 0 && !is_value(t),
            ExprKind::ArrayType { .. } | ExprKind::StructType(_) | ExprKind::MapType { .. } => true,
            _ => false,
        }
    }

    /// `T{...}`.
    #[inline(never)]
    fn complit_suffix(&mut self, x: Expr) -> Expr {
        let lo = x.span.lo;
        if matches!(x.kind, ExprKind::Paren(_)) {
            self.syntax_error("cannot parenthesize type in composite literal");
        }
        let mut lit = self.complit_expr();
        if let ExprKind::CompositeLit { ty, .. } = &mut lit.kind {
            *ty = Some(Box::new(x));
        }
        lit.span = Span::new(lo, lit.span.hi);
        lit
    }

    /// `{ [ElementList [","]] }` with no type (the caller fills it in).
    fn complit_expr(&mut self) -> Expr {
        if !self.enter() {
            self.leave();
            return self.bad_expr();
        }
        let lo = self.pos();
        self.xnest += 1;
        self.want(&TokenKind::LBrace);
        let mut elts = Vec::new();
        let rbrace = self.list(
            "composite literal",
            TokenKind::Comma,
            TokenKind::RBrace,
            &mut |p| {
                let e = p.bare_complit_expr();
                if p.tok == TokenKind::Colon {
                    p.next();
                    let v = p.bare_complit_expr();
                    elts.push(KeyedElement {
                        key: Some(e),
                        value: v,
                    });
                } else {
                    elts.push(KeyedElement {
                        key: None,
                        value: e,
                    });
                }
                false
            },
        );
        self.xnest -= 1;
        self.leave();
        self.mk_expr(
            lo,
            ExprKind::CompositeLit {
                ty: None,
                elts,
                rbrace: char_span(self.src, rbrace as usize),
            },
        )
    }

    fn bare_complit_expr(&mut self) -> Expr {
        if self.tok == TokenKind::LBrace {
            return self.complit_expr();
        }
        self.expr()
    }

    /// `[arg {"," arg} ["..."] [","]] ")"`, the `(` consumed.
    fn arg_list(&mut self) -> (Vec<Expr>, Option<Span>) {
        let mut args = Vec::new();
        let mut ellipsis = None;
        self.xnest += 1;
        self.list(
            "argument list",
            TokenKind::Comma,
            TokenKind::RParen,
            &mut |p| {
                let e = p.expr();
                args.push(e);
                if p.tok == TokenKind::DotDotDot {
                    ellipsis = Some(p.span);
                    p.next();
                    return true;
                }
                false
            },
        );
        self.xnest -= 1;
        (args, ellipsis)
    }

    /// A non-empty comma-separated list of expressions (`strict`: types), optionally followed
    /// by a comma; also reports whether there was a comma.
    pub(super) fn type_list(&mut self, strict: bool) -> (Vec<Expr>, bool) {
        self.xnest += 1;
        let first = if strict { self.type_() } else { self.expr() };
        let mut list = vec![first];
        let mut comma = false;
        if self.got(&TokenKind::Comma) {
            comma = true;
            if let Some(t) = self.type_or_nil() {
                list.push(t);
                while self.got(&TokenKind::Comma) {
                    match self.type_or_nil() {
                        Some(t) => list.push(t),
                        None => break,
                    }
                }
            }
        }
        self.xnest -= 1;
        (list, comma)
    }
}
