//! Parsing type expressions: named and qualified types, pointers, arrays and slices, maps,
//! channels, function types, structs (named and embedded fields, tags) and interfaces (methods,
//! embedded types and the type-set terms allowed in type parameter lists).

use super::*;

impl<'a> Parser<'a> {
    // ------------------------------------------------------------------------------------------
    // Types

    pub(super) fn type_(&mut self) -> Expr {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let b = self.bad_expr();
                self.syntax_error("expected type");
                self.advance(COMMA | COLON | SEMI | RPAREN | RBRACK | RBRACE);
                b
            }
        }
    }

    pub(super) fn type_or_nil(&mut self) -> Option<Expr> {
        if !self.enter() {
            self.leave();
            return Some(self.bad_expr());
        }
        let t = self.type_or_nil_inner();
        self.leave();
        t
    }

    fn type_or_nil_inner(&mut self) -> Option<Expr> {
        match self.tok {
            TokenKind::Star => Some(self.pointer_type()),
            TokenKind::Arrow | TokenKind::Keyword(Keyword::Chan) => Some(self.chan_type()),
            TokenKind::Keyword(Keyword::Func) => Some(self.func_type_expr()),
            TokenKind::LBrack => Some(self.array_or_slice_type()),
            TokenKind::Keyword(Keyword::Map) => Some(self.map_type()),
            TokenKind::Keyword(Keyword::Struct) => Some(self.struct_type()),
            TokenKind::Keyword(Keyword::Interface) => Some(self.interface_type()),
            TokenKind::Name(_) => Some(self.qualified_name(None)),
            TokenKind::LParen => Some(self.paren_type()),
            _ => None,
        }
    }

    #[inline(never)]
    fn pointer_type(&mut self) -> Expr {
        let lo = self.pos();
        self.next();
        let t = self.type_();
        self.mk_expr(lo, ExprKind::Star(Box::new(t)))
    }

    /// `chan T`, `chan<- T`, `<-chan T`.
    #[inline(never)]
    fn chan_type(&mut self) -> Expr {
        let lo = self.pos();
        let dir = if self.tok == TokenKind::Arrow {
            self.next();
            self.want(&TokenKind::Keyword(Keyword::Chan));
            ChanDir::Recv
        } else {
            self.next();
            if self.got(&TokenKind::Arrow) {
                ChanDir::Send
            } else {
                ChanDir::Both
            }
        };
        let elem = self.chan_elem();
        self.mk_expr(
            lo,
            ExprKind::ChanType {
                dir,
                elem: Box::new(elem),
            },
        )
    }

    #[inline(never)]
    fn func_type_expr(&mut self) -> Expr {
        let lo = self.pos();
        self.next();
        let (_, sig) = self.func_type("function type", lo);
        self.mk_expr(lo, ExprKind::FuncType(sig))
    }

    /// `[]T`, `[N]T`, `[...]T`.
    #[inline(never)]
    fn array_or_slice_type(&mut self) -> Expr {
        let lo = self.pos();
        self.next();
        if self.got(&TokenKind::RBrack) {
            let elem = self.type_();
            return self.mk_expr(
                lo,
                ExprKind::ArrayType {
                    len: None,
                    elem: Box::new(elem),
                },
            );
        }
        self.array_type(lo, None)
    }

    #[inline(never)]
    fn map_type(&mut self) -> Expr {
        let lo = self.pos();
        self.next();
        self.want(&TokenKind::LBrack);
        let key = self.type_();
        self.want(&TokenKind::RBrack);
        let value = self.type_();
        self.mk_expr(
            lo,
            ExprKind::MapType {
                key: Box::new(key),
                value: Box::new(value),
            },
        )
    }

    #[inline(never)]
    fn paren_type(&mut self) -> Expr {
        let lo = self.pos();
        self.next();
        let t = self.type_();
        self.want(&TokenKind::RParen);
        self.mk_expr(lo, ExprKind::Paren(Box::new(t)))
    }

    /// `[` consumed at `lo`; `len` is an already parsed length.
    pub(super) fn array_type(&mut self, lo: u32, len: Option<Expr>) -> Expr {
        let len = match len {
            Some(l) => l,
            None => {
                if self.tok == TokenKind::DotDotDot {
                    let span = self.span;
                    self.next();
                    self.mk_expr_span(span, ExprKind::Ellipsis)
                } else {
                    self.xnest += 1;
                    let l = self.expr();
                    self.xnest -= 1;
                    l
                }
            }
        };
        if self.tok == TokenKind::Comma {
            self.syntax_error("unexpected comma; expected ]");
            self.next();
        }
        self.want(&TokenKind::RBrack);
        let elem = self.type_();
        self.mk_expr(
            lo,
            ExprKind::ArrayType {
                len: Some(Box::new(len)),
                elem: Box::new(elem),
            },
        )
    }

    fn chan_elem(&mut self) -> Expr {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let b = self.bad_expr();
                self.syntax_error("missing channel element type");
                b
            }
        }
    }

    fn struct_type(&mut self) -> Expr {
        let lo = self.pos();
        self.want(&TokenKind::Keyword(Keyword::Struct));
        self.want(&TokenKind::LBrace);
        let mut fields = Vec::new();
        self.list(
            "struct type",
            TokenKind::Semi(SemiKind::Semicolon),
            TokenKind::RBrace,
            &mut |p| {
                p.field_decl(&mut fields);
                false
            },
        );
        self.mk_expr(lo, ExprKind::StructType(fields))
    }

    fn tag(&mut self) -> Option<String> {
        if let TokenKind::Literal(lit) = &self.tok {
            let v = match &lit.value {
                LitValue::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
                _ => lit.text.clone(),
            };
            self.next();
            return Some(v);
        }
        None
    }

    fn field_decl(&mut self, fields: &mut Vec<FieldDecl>) {
        match self.tok {
            TokenKind::Name(_) => self.named_field_decl(fields),
            TokenKind::Star | TokenKind::LParen => self.embedded_field_decl(fields),
            _ => {
                self.syntax_error("expected field name or embedded type");
                self.advance(SEMI | RBRACE);
            }
        }
    }

    /// `a, b T [tag]`, or an embedded `T`, `pkg.T`, `T[A]`.
    #[inline(never)]
    fn named_field_decl(&mut self, fields: &mut Vec<FieldDecl>) {
        let lo = self.pos();
        let name = self.name();
        let (names, ty) = if self.is(DOT | LITERAL | SEMI | RBRACE) {
            (Vec::new(), self.qualified_name(Some(name)))
        } else {
            let mut names = self.name_list(name);
            if names.len() == 1 && self.tok == TokenKind::LBrack {
                match self.array_or_targs() {
                    ArrayOrTArgs::Type(t) => (names, t),
                    ArrayOrTArgs::Args(indices) => {
                        // Embedded instantiated type T[P].
                        let n = names.pop().unwrap_or_else(|| Ident {
                            id: NodeId(0),
                            name: "_".to_string(),
                            span: Span::new(lo, lo),
                        });
                        let x = self.name_expr(n);
                        let t = self.mk_expr(
                            lo,
                            ExprKind::Index {
                                x: Box::new(x),
                                indices,
                            },
                        );
                        (Vec::new(), t)
                    }
                }
            } else {
                let t = self.type_();
                (names, t)
            }
        };
        let tag = self.tag();
        fields.push(FieldDecl {
            names,
            ty,
            tag,
            span: Span::new(lo, self.prev_end),
        });
    }

    /// `*T`, `(T)`, `(*T)`, `*(T)` (the parenthesized forms are errors).
    #[inline(never)]
    fn embedded_field_decl(&mut self, fields: &mut Vec<FieldDecl>) {
        let lo = self.pos();
        let ty = if self.tok == TokenKind::Star {
            self.next();
            let t = if self.tok == TokenKind::LParen {
                self.syntax_error("cannot parenthesize embedded type");
                self.next();
                let t = self.qualified_name(None);
                self.got(&TokenKind::RParen);
                t
            } else {
                self.qualified_name(None)
            };
            self.mk_expr(lo, ExprKind::Star(Box::new(t)))
        } else {
            self.syntax_error("cannot parenthesize embedded type");
            self.next();
            let t = if self.tok == TokenKind::Star {
                let slo = self.pos();
                self.next();
                let t = self.qualified_name(None);
                self.mk_expr(slo, ExprKind::Star(Box::new(t)))
            } else {
                self.qualified_name(None)
            };
            self.got(&TokenKind::RParen);
            t
        };
        let tag = self.tag();
        fields.push(FieldDecl {
            names: Vec::new(),
            ty,
            tag,
            span: Span::new(lo, self.prev_end),
        });
    }

    /// After a name: `[]E`, `[N]E` (a type) or `[A, B]` (type arguments).
    pub(super) fn array_or_targs(&mut self) -> ArrayOrTArgs {
        let lo = self.pos();
        self.want(&TokenKind::LBrack);
        if self.got(&TokenKind::RBrack) {
            let elem = self.type_();
            return ArrayOrTArgs::Type(self.mk_expr(
                lo,
                ExprKind::ArrayType {
                    len: None,
                    elem: Box::new(elem),
                },
            ));
        }
        let (mut list, comma) = self.type_list(false);
        self.want(&TokenKind::RBrack);
        if !comma && list.len() == 1 {
            if let Some(elem) = self.type_or_nil() {
                let len = list.pop().map(Box::new);
                return ArrayOrTArgs::Type(self.mk_expr(
                    lo,
                    ExprKind::ArrayType {
                        len,
                        elem: Box::new(elem),
                    },
                ));
            }
        }
        ArrayOrTArgs::Args(list)
    }

    fn interface_type(&mut self) -> Expr {
        let lo = self.pos();
        self.want(&TokenKind::Keyword(Keyword::Interface));
        self.want(&TokenKind::LBrace);
        let mut elems = Vec::new();
        self.list(
            "interface type",
            TokenKind::Semi(SemiKind::Semicolon),
            TokenKind::RBrace,
            &mut |p| {
                if matches!(p.tok, TokenKind::Name(_)) {
                    let name = p.name();
                    if p.tok == TokenKind::LParen {
                        let nlo = name.span.lo;
                        let (_, sig) = p.func_type("interface method", nlo);
                        elems.push(InterfaceElem::Method { name, sig });
                        return false;
                    }
                    let t = p.qualified_name(Some(name));
                    let t = p.embedded_union(t);
                    elems.push(InterfaceElem::Embedded(t));
                    return false;
                }
                let t = p.embedded_term();
                let t = p.embedded_union(t);
                elems.push(InterfaceElem::Embedded(t));
                false
            },
        );
        self.mk_expr(lo, ExprKind::InterfaceType(elems))
    }

    /// `term { "|" term }`, given the first term.
    pub(super) fn embedded_union(&mut self, mut x: Expr) -> Expr {
        while self.is_op(Operator::Or) {
            let op_span = self.span;
            self.next();
            let y = self.embedded_term();
            let lo = x.span.lo;
            x = self.mk_expr(
                lo,
                ExprKind::Binary {
                    op: BinaryOp::Or,
                    op_span,
                    x: Box::new(x),
                    y: Box::new(y),
                },
            );
        }
        x
    }

    pub(super) fn embedded_term(&mut self) -> Expr {
        if self.is_op(Operator::Tilde) {
            let lo = self.pos();
            self.next();
            let t = self.type_();
            return self.mk_expr(
                lo,
                ExprKind::Unary {
                    op: UnaryOp::Tilde,
                    x: Box::new(t),
                },
            );
        }
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let b = self.bad_expr();
                self.syntax_error("expected ~ term or type");
                self.advance(OPERATOR | SEMI | RPAREN | RBRACK | RBRACE);
                b
            }
        }
    }

    /// `name [ "." name ] [ TypeArgs ]`, the first name possibly already parsed.
    pub(super) fn qualified_name(&mut self, name: Option<Ident>) -> Expr {
        let name = match name {
            Some(n) => n,
            None => {
                if matches!(self.tok, TokenKind::Name(_)) {
                    self.name()
                } else {
                    let pos = self.pos();
                    self.syntax_error("expected name");
                    self.advance(DOT | SEMI | RBRACE);
                    Ident {
                        id: self.id(),
                        name: "_".to_string(),
                        span: Span::new(pos, pos),
                    }
                }
            }
        };
        let lo = name.span.lo;
        let mut x = self.name_expr(name);
        if self.tok == TokenKind::Dot {
            self.next();
            let sel = self.name();
            x = self.mk_expr(
                lo,
                ExprKind::Selector {
                    x: Box::new(x),
                    sel,
                },
            );
        }
        if self.tok == TokenKind::LBrack {
            self.next();
            let indices = if self.tok == TokenKind::RBrack {
                self.syntax_error("expected type argument list");
                vec![self.bad_expr()]
            } else {
                self.type_list(true).0
            };
            self.want(&TokenKind::RBrack);
            x = self.mk_expr(
                lo,
                ExprKind::Index {
                    x: Box::new(x),
                    indices,
                },
            );
        }
        x
    }
}
