//! Recursive-descent Go parser, modelled on the Go compiler's `cmd/compile/internal/syntax`.
//!
//! The grammar, the error messages and their positions follow the Go compiler (in modern Go's
//! wording: `syntax error: unexpected X, expected Y`), including its two subtle disambiguations:
//!
//! - **Composite literals in statement headers.** `xnest` is the expression nesting level. It is
//!   set to -1 while parsing the header of `if`/`for`/`switch`, and raised inside parentheses,
//!   brackets, call arguments and literals. `T{` starts a composite literal after a type name only
//!   when `xnest >= 0`, so `if x == T {` reads `{` as the block (Go's `complit_ok` rule).
//! - **Parameter lists.** `(a, b int)` and `(int, string)` are parsed alike as a list of entries
//!   with an optional name and an optional type, then resolved: if no entry has both, all names
//!   are types; otherwise types distribute right to left, and a name without type is an error
//!   (`mixed named and unnamed parameters`).
//!
//! Error recovery: after an error the parser skips to a token of a follow set (plus the keywords
//! that start statements, inside functions), like Go's `advance`. As in Go, a syntax error on
//! the same line as the previous syntax error is dropped, none is reported at the end of the file
//! once an error was reported, and parsing stops after [`MAX_DIAGNOSTICS`].
//!
//! Robustness: nesting deeper than [`MAX_NESTING`] (parentheses, blocks, types, unary operators,
//! else-if chains) reports `racemap does not support nesting deeper than 200 levels` and stops
//! the parse, so the recursion depth (and with it the native stack) is bounded for any input.
//!
//! Invariant: node ids are unique and exactly `0..node_count`, in tree order: after parsing, a
//! final pass numbers every node again (parameters that share one written type, `a, b int`,
//! hold clones of that type expression, and recovery drops nodes). Type switch clauses
//! ([`TypeCaseClause::id`]) are numbered too.

use crate::diag::{Diagnostic, Span};
use crate::lang::ast::*;
use crate::lang::lexer::{char_span, Lexer};
use crate::lang::token::{Keyword, LitKind, LitValue, Literal, Operator, SemiKind, TokenKind};

/// Deepest nesting of expressions, types and statements racemap parses.
pub const MAX_NESTING: u32 = 200;

/// Parsing stops after this many diagnostics (only the first ten are shown anyway).
pub const MAX_DIAGNOSTICS: usize = 100;

/// Parse one Go source file. Always returns a [`File`] (with [`ExprKind::Bad`] where recovery
/// happened) together with the lexical and syntax errors in the order Go reports them (not
/// sorted: Go stops after the 10th error *in this order*, then prints them sorted by position).
pub fn parse(source: &str) -> (File, Vec<Diagnostic>) {
    let mut p = Parser::new(source);
    let mut file = p.file();
    p.renumber(&mut file);
    let node_count = p.next_id;
    let diags = p.finish();
    (File { node_count, ..file }, diags)
}

// Token classes as bits, for follow sets (Go's token numbering).
const EOF: u64 = 1 << 0;
const NAME: u64 = 1 << 1;
const LITERAL: u64 = 1 << 2;
const OPERATOR: u64 = 1 << 3;
const COLON: u64 = 1 << 18;
const COMMA: u64 = 1 << 16;
const SEMI: u64 = 1 << 17;
const DOT: u64 = 1 << 19;
const LBRACE: u64 = 1 << 12;
const RPAREN: u64 = 1 << 13;
const RBRACK: u64 = 1 << 14;
const RBRACE: u64 = 1 << 15;

const fn kw(k: Keyword) -> u64 {
    1 << (21 + k as u32)
}

/// Keywords that start a statement: synchronization points inside function bodies.
const STOPSET: u64 = kw(Keyword::Break)
    | kw(Keyword::Const)
    | kw(Keyword::Continue)
    | kw(Keyword::Defer)
    | kw(Keyword::Fallthrough)
    | kw(Keyword::For)
    | kw(Keyword::Go)
    | kw(Keyword::Goto)
    | kw(Keyword::If)
    | kw(Keyword::Return)
    | kw(Keyword::Select)
    | kw(Keyword::Switch)
    | kw(Keyword::Type)
    | kw(Keyword::Var);

/// Top-level declaration keywords.
const DECL_START: u64 = kw(Keyword::Import)
    | kw(Keyword::Const)
    | kw(Keyword::Type)
    | kw(Keyword::Var)
    | kw(Keyword::Func);

fn class_bit(t: &TokenKind) -> u64 {
    let n = match t {
        TokenKind::Eof => 0,
        TokenKind::Name(_) => 1,
        TokenKind::Literal(_) => 2,
        TokenKind::Operator(_) => 3,
        TokenKind::AssignOp(_) => 4,
        TokenKind::IncOp(_) => 5,
        TokenKind::Assign => 6,
        TokenKind::Define => 7,
        TokenKind::Arrow => 8,
        TokenKind::Star => 9,
        TokenKind::LParen => 10,
        TokenKind::LBrack => 11,
        TokenKind::LBrace => 12,
        TokenKind::RParen => 13,
        TokenKind::RBrack => 14,
        TokenKind::RBrace => 15,
        TokenKind::Comma => 16,
        TokenKind::Semi(_) => 17,
        TokenKind::Colon => 18,
        TokenKind::Dot => 19,
        TokenKind::DotDotDot => 20,
        TokenKind::Keyword(k) => 21 + *k as u32,
    };
    1 << n
}

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

/// What a simple statement turned out to be.
enum Simple {
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

/// The parser state.
struct Parser<'a> {
    /// The source text (for literal text in messages and line numbers).
    src: &'a str,
    /// The token source.
    lexer: Lexer<'a>,
    /// Current token.
    tok: TokenKind,
    /// Span of the current token.
    span: Span,
    /// End of the previous token (end of the last consumed source).
    prev_end: u32,
    /// Next node id to hand out.
    next_id: u32,
    /// Errors so far (lexical errors are moved here as tokens are read).
    diags: Vec<Diagnostic>,
    /// Byte offset at which each line starts (for the one-syntax-error-per-line rule).
    line_starts: Vec<u32>,
    /// Line of the last reported syntax error.
    last_syntax_line: Option<usize>,
    /// Function nesting level (for the stop set in error recovery).
    fnest: u32,
    /// Expression nesting level (see the module doc); -1 in statement headers.
    xnest: i32,
    /// Current recursion depth; Invariant: `depth <= MAX_NESTING + 1`.
    depth: u32,
    /// The nesting limit was hit; the rest of the input is skipped.
    too_deep: bool,
    /// Inside a type parameter list, where `~T` and `A | B` are allowed (and not reported:
    /// the checker rejects generics as a whole).
    in_type_params: bool,
    /// Ids of wrapper nodes the parser dropped (e.g. the expression around a label), handed out
    /// again before new ones so the ids stay dense.
    spare_ids: Vec<NodeId>,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Parser<'a> {
        let mut line_starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        let mut p = Parser {
            src,
            lexer: Lexer::new(src),
            tok: TokenKind::Eof,
            span: Span::default(),
            prev_end: 0,
            next_id: 0,
            diags: Vec::new(),
            line_starts,
            last_syntax_line: None,
            fnest: 0,
            xnest: 0,
            depth: 0,
            too_deep: false,
            spare_ids: Vec::new(),
            in_type_params: false,
        };
        p.next();
        p
    }

    fn finish(mut self) -> Vec<Diagnostic> {
        let rest = self.lexer.take_diagnostics();
        self.diags.extend(rest);
        self.diags
    }

    // ------------------------------------------------------------------------------------------
    // Tokens

    fn next(&mut self) {
        self.prev_end = self.span.hi;
        let t = self.lexer.next_token();
        self.tok = t.kind;
        self.span = t.span;
        if self.lexer.has_diagnostics() {
            let new = self.lexer.take_diagnostics();
            self.diags.extend(new);
        }
        if self.diags.len() >= MAX_DIAGNOSTICS {
            self.lexer.stop();
            self.tok = TokenKind::Eof;
        }
    }

    fn pos(&self) -> u32 {
        self.span.lo
    }

    fn is(&self, set: u64) -> bool {
        class_bit(&self.tok) & set != 0
    }

    fn is_kw(&self, k: Keyword) -> bool {
        self.tok == TokenKind::Keyword(k)
    }

    fn is_op(&self, op: Operator) -> bool {
        self.tok == TokenKind::Operator(op)
    }

    fn got(&mut self, tok: &TokenKind) -> bool {
        if same_class(&self.tok, tok) {
            self.next();
            true
        } else {
            false
        }
    }

    fn want(&mut self, tok: &TokenKind) {
        if !self.got(tok) {
            self.syntax_error(&format!("expected {}", tok.token_string()));
            self.advance(0);
        }
    }

    /// Like `got(=)` but also accepts `:=` with an error.
    fn got_assign(&mut self) -> bool {
        match self.tok {
            TokenKind::Define => {
                self.syntax_error("expected =");
                self.next();
                true
            }
            TokenKind::Assign => {
                self.next();
                true
            }
            _ => false,
        }
    }

    /// Skip tokens until one in `follow` (or, inside functions, a statement keyword). With an
    /// empty follow set, skip exactly one token.
    fn advance(&mut self, follow: u64) {
        let mut set = EOF;
        if follow != 0 {
            if self.fnest > 0 {
                set |= STOPSET;
            }
            set |= follow;
        }
        while !self.is(set) {
            self.next();
            if follow == 0 {
                break;
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Errors

    fn line_of(&self, offset: u32) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// A non-syntax error (`middle index required in 3-index slice`).
    fn error_at(&mut self, pos: u32, message: impl Into<String>) {
        let span = self.error_span(pos);
        self.diags.push(Diagnostic::error(span, message));
    }

    /// The span to underline for an error at `pos`: the current token when the error is at it,
    /// else one character.
    fn error_span(&self, pos: u32) -> Span {
        if pos == self.span.lo && self.span.hi > pos {
            return self.span;
        }
        char_span(self.src, pos as usize)
    }

    /// A `syntax error: ...`, dropped when on the line of the previous one (Go's rule).
    fn plain_syntax_error_at(&mut self, pos: u32, message: String) {
        let line = self.line_of(pos);
        if self.last_syntax_line == Some(line) {
            return;
        }
        self.last_syntax_line = Some(line);
        let span = self.error_span(pos);
        self.diags
            .push(Diagnostic::error(span, format!("syntax error: {message}")));
    }

    /// Go's `syntaxErrorAt`: messages starting with `in `, `at `, `after ` or `expected ` get
    /// `unexpected <current token>` prepended.
    fn syntax_error_at(&mut self, pos: u32, msg: &str) {
        if self.tok == TokenKind::Eof && !self.diags.is_empty() {
            return;
        }
        let suffix =
            if msg.starts_with("in ") || msg.starts_with("at ") || msg.starts_with("after ") {
                format!(" {msg}")
            } else if msg.starts_with("expected ") {
                format!(", {msg}")
            } else {
                self.plain_syntax_error_at(pos, msg.to_string());
                return;
            };
        let tok = self.tok.describe();
        self.plain_syntax_error_at(pos, format!("unexpected {tok}{suffix}"));
    }

    fn syntax_error(&mut self, msg: &str) {
        self.syntax_error_at(self.pos(), msg);
    }

    /// Enter one nesting level; `false` (after reporting once and skipping the rest of the input)
    /// when that is too deep.
    fn enter(&mut self) -> bool {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            if !self.too_deep {
                self.too_deep = true;
                let pos = self.pos();
                let span = self.error_span(pos);
                self.diags.push(Diagnostic::unsupported(
                    span,
                    format!("nesting deeper than {MAX_NESTING} levels"),
                ));
            }
            self.lexer.stop();
            self.tok = TokenKind::Eof;
            self.span = Span::new(self.src.len() as u32, self.src.len() as u32);
            return false;
        }
        true
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    // ------------------------------------------------------------------------------------------
    // Nodes

    fn id(&mut self) -> NodeId {
        if let Some(id) = self.spare_ids.pop() {
            return id;
        }
        let id = NodeId(self.next_id);
        self.next_id += 1;
        id
    }

    /// Hand a dropped node's id out again.
    fn recycle(&mut self, id: NodeId) {
        self.spare_ids.push(id);
    }

    /// Remove parentheses around `x`, recycling their ids.
    fn unparen(&mut self, mut x: Expr) -> Expr {
        loop {
            match x.kind {
                ExprKind::Paren(inner) => {
                    self.recycle(x.id);
                    x = *inner;
                }
                kind => return Expr { kind, ..x },
            }
        }
    }

    fn mk_expr(&mut self, lo: u32, kind: ExprKind) -> Expr {
        let hi = self.prev_end.max(lo);
        Expr {
            id: self.id(),
            span: Span::new(lo, hi),
            kind,
        }
    }

    fn mk_expr_span(&mut self, span: Span, kind: ExprKind) -> Expr {
        Expr {
            id: self.id(),
            span,
            kind,
        }
    }

    fn mk_stmt(&mut self, lo: u32, kind: StmtKind) -> Stmt {
        let hi = self.prev_end.max(lo);
        Stmt {
            id: self.id(),
            span: Span::new(lo, hi),
            kind,
        }
    }

    fn bad_expr(&mut self) -> Expr {
        let pos = self.pos();
        self.mk_expr_span(Span::new(pos, pos), ExprKind::Bad)
    }

    fn name_expr(&mut self, ident: Ident) -> Expr {
        let span = ident.span;
        self.mk_expr_span(span, ExprKind::Ident(ident))
    }

    /// `name`, or `_` after an `expected name` error.
    fn name(&mut self) -> Ident {
        if let TokenKind::Name(name) = &self.tok {
            let ident = Ident {
                id: NodeId(0),
                name: name.clone(),
                span: self.span,
            };
            self.next();
            return Ident {
                id: self.id(),
                ..ident
            };
        }
        let pos = self.pos();
        self.syntax_error("expected name");
        self.advance(0);
        Ident {
            id: self.id(),
            name: "_".to_string(),
            span: Span::new(pos, pos),
        }
    }

    fn name_list(&mut self, first: Ident) -> Vec<Ident> {
        let mut names = vec![first];
        while self.got(&TokenKind::Comma) {
            names.push(self.name());
        }
        names
    }

    // ------------------------------------------------------------------------------------------
    // Files and declarations

    fn file(&mut self) -> File {
        let mut file = File {
            package: Ident {
                id: NodeId(0),
                name: "_".to_string(),
                span: Span::default(),
            },
            imports: Vec::new(),
            decls: Vec::new(),
            node_count: 0,
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
    fn list(
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

    fn const_group(&mut self) -> Decl {
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

    fn var_group(&mut self) -> Decl {
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

    fn type_group(&mut self) -> Decl {
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
                        self.type_param_list(first);
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
        let (name, type_params, sig) = if matches!(self.tok, TokenKind::Name(_)) {
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
            (name, None, sig)
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
            sig,
            body,
            span: Span::new(lo, self.prev_end),
        }
    }

    fn func_body(&mut self) -> Block {
        self.fnest += 1;
        let b = self.block_stmt("");
        self.fnest -= 1;
        b
    }

    /// `[TypeParams] "(" params ")" [result]`; `lo` is where the signature's span starts.
    fn func_type(&mut self, context: &str, lo: u32) -> (Option<Span>, FuncType) {
        let mut type_params = None;
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
                self.type_param_list(None);
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
        (type_params, sig)
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
    /// get Go's errors; racemap only records its span.
    fn type_param_list(&mut self, first: Option<Ident>) {
        let outer = self.in_type_params;
        self.in_type_params = true;
        let _ = self.param_list_with(TokenKind::RBrack, true, first);
        self.in_type_params = outer;
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
                            self.fresh_ids_expr(&mut t);
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

    /// Number all nodes again, densely in tree order (after recovery and the clones made for
    /// shared parameter types, this makes the ids exactly `0..node_count`).
    fn renumber(&mut self, file: &mut File) {
        self.next_id = 0;
        self.spare_ids.clear();
        file.package.id = self.id();
        for imp in &mut file.imports {
            if let Some(n) = &mut imp.name {
                n.id = self.id();
            }
        }
        for d in &mut file.decls {
            if let Decl::Func(f) = d {
                if let Some(r) = &mut f.recv {
                    if let Some(n) = &mut r.name {
                        n.id = self.id();
                    }
                    self.fresh_ids_expr(&mut r.ty);
                }
            }
            self.fresh_ids_decl(d);
        }
    }

    /// Give every node of a cloned expression a fresh id (keeps ids unique).
    fn fresh_ids_expr(&mut self, e: &mut Expr) {
        e.id = self.id();
        match &mut e.kind {
            ExprKind::Ident(i) => i.id = self.id(),
            ExprKind::IntLit(_)
            | ExprKind::FloatLit(_)
            | ExprKind::ImagLit(_)
            | ExprKind::RuneLit(_)
            | ExprKind::StringLit { .. }
            | ExprKind::Ellipsis
            | ExprKind::Bad => {}
            ExprKind::CompositeLit { ty, elts, .. } => {
                if let Some(t) = ty {
                    self.fresh_ids_expr(t);
                }
                for el in elts {
                    if let Some(k) = &mut el.key {
                        self.fresh_ids_expr(k);
                    }
                    self.fresh_ids_expr(&mut el.value);
                }
            }
            ExprKind::FuncLit { sig, body } => {
                self.fresh_ids_sig(sig);
                self.fresh_ids_block(body);
            }
            ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary { x, .. } => {
                self.fresh_ids_expr(x)
            }
            ExprKind::Selector { x, sel } => {
                self.fresh_ids_expr(x);
                sel.id = self.id();
            }
            ExprKind::Index { x, indices } => {
                self.fresh_ids_expr(x);
                for i in indices {
                    self.fresh_ids_expr(i);
                }
            }
            ExprKind::Slice { x, lo, hi, max } => {
                self.fresh_ids_expr(x);
                for b in [lo, hi, max].into_iter().flatten() {
                    self.fresh_ids_expr(b);
                }
            }
            ExprKind::TypeAssert { x, ty } => {
                self.fresh_ids_expr(x);
                if let Some(t) = ty {
                    self.fresh_ids_expr(t);
                }
            }
            ExprKind::Call { func, args, .. } => {
                self.fresh_ids_expr(func);
                for a in args {
                    self.fresh_ids_expr(a);
                }
            }
            ExprKind::Binary { x, y, .. } => {
                self.fresh_ids_expr(x);
                self.fresh_ids_expr(y);
            }
            ExprKind::ArrayType { len, elem } => {
                if let Some(l) = len {
                    self.fresh_ids_expr(l);
                }
                self.fresh_ids_expr(elem);
            }
            ExprKind::MapType { key, value } => {
                self.fresh_ids_expr(key);
                self.fresh_ids_expr(value);
            }
            ExprKind::ChanType { elem, .. } => self.fresh_ids_expr(elem),
            ExprKind::FuncType(sig) => self.fresh_ids_sig(sig),
            ExprKind::StructType(fields) => {
                for f in fields {
                    for n in &mut f.names {
                        n.id = self.id();
                    }
                    self.fresh_ids_expr(&mut f.ty);
                }
            }
            ExprKind::InterfaceType(elems) => {
                for el in elems {
                    match el {
                        InterfaceElem::Method { name, sig } => {
                            name.id = self.id();
                            self.fresh_ids_sig(sig);
                        }
                        InterfaceElem::Embedded(t) => self.fresh_ids_expr(t),
                    }
                }
            }
        }
    }

    fn fresh_ids_sig(&mut self, sig: &mut FuncType) {
        for p in sig.params.iter_mut().chain(sig.results.iter_mut()) {
            if let Some(n) = &mut p.name {
                n.id = self.id();
            }
            self.fresh_ids_expr(&mut p.ty);
        }
    }

    fn fresh_ids_block(&mut self, b: &mut Block) {
        for s in &mut b.stmts {
            self.fresh_ids_stmt(s);
        }
    }

    fn fresh_ids_decl(&mut self, d: &mut Decl) {
        match d {
            Decl::Var(specs) => {
                for sp in specs {
                    for n in &mut sp.names {
                        n.id = self.id();
                    }
                    if let Some(t) = &mut sp.ty {
                        self.fresh_ids_expr(t);
                    }
                    for v in &mut sp.values {
                        self.fresh_ids_expr(v);
                    }
                }
            }
            Decl::Const(specs) => {
                for sp in specs {
                    for n in &mut sp.names {
                        n.id = self.id();
                    }
                    if let Some(t) = &mut sp.ty {
                        self.fresh_ids_expr(t);
                    }
                    for v in &mut sp.values {
                        self.fresh_ids_expr(v);
                    }
                }
            }
            Decl::Type(specs) => {
                for sp in specs {
                    sp.name.id = self.id();
                    self.fresh_ids_expr(&mut sp.ty);
                }
            }
            Decl::Func(f) => {
                f.name.id = self.id();
                self.fresh_ids_sig(&mut f.sig);
                if let Some(b) = &mut f.body {
                    self.fresh_ids_block(b);
                }
            }
        }
    }

    fn fresh_ids_stmt(&mut self, s: &mut Stmt) {
        s.id = self.id();
        match &mut s.kind {
            StmtKind::Decl(d) => self.fresh_ids_decl(d),
            StmtKind::Expr(x) | StmtKind::Go(x) | StmtKind::Defer(x) => self.fresh_ids_expr(x),
            StmtKind::IncDec { x, .. } => self.fresh_ids_expr(x),
            StmtKind::Send { ch, value } => {
                self.fresh_ids_expr(ch);
                self.fresh_ids_expr(value);
            }
            StmtKind::Assign { lhs, rhs, .. } => {
                for e in lhs.iter_mut().chain(rhs.iter_mut()) {
                    self.fresh_ids_expr(e);
                }
            }
            StmtKind::Return(xs) => {
                for e in xs {
                    self.fresh_ids_expr(e);
                }
            }
            StmtKind::Break(l) | StmtKind::Continue(l) => {
                if let Some(l) = l {
                    l.id = self.id();
                }
            }
            StmtKind::Goto(l) => l.id = self.id(),
            StmtKind::Fallthrough | StmtKind::Empty => {}
            StmtKind::Block(b) => self.fresh_ids_block(b),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                if let Some(i) = init {
                    self.fresh_ids_stmt(i);
                }
                self.fresh_ids_expr(cond);
                self.fresh_ids_block(then);
                if let Some(e) = els {
                    self.fresh_ids_stmt(e);
                }
            }
            StmtKind::Switch { init, tag, cases } => {
                if let Some(i) = init {
                    self.fresh_ids_stmt(i);
                }
                if let Some(t) = tag {
                    self.fresh_ids_expr(t);
                }
                for c in cases {
                    for e in &mut c.exprs {
                        self.fresh_ids_expr(e);
                    }
                    for st in &mut c.body {
                        self.fresh_ids_stmt(st);
                    }
                }
            }
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                cases,
            } => {
                if let Some(i) = init {
                    self.fresh_ids_stmt(i);
                }
                if let Some(b) = bind {
                    b.id = self.id();
                }
                self.fresh_ids_expr(x);
                for c in cases {
                    c.id = self.id();
                    for e in &mut c.types {
                        self.fresh_ids_expr(e);
                    }
                    for st in &mut c.body {
                        self.fresh_ids_stmt(st);
                    }
                }
            }
            StmtKind::Select(clauses) => {
                for c in clauses {
                    if let Some(comm) = &mut c.comm {
                        self.fresh_ids_stmt(comm);
                    }
                    for st in &mut c.body {
                        self.fresh_ids_stmt(st);
                    }
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                if let Some(i) = init {
                    self.fresh_ids_stmt(i);
                }
                if let Some(c) = cond {
                    self.fresh_ids_expr(c);
                }
                if let Some(p) = post {
                    self.fresh_ids_stmt(p);
                }
                self.fresh_ids_block(body);
            }
            StmtKind::Range {
                key,
                value,
                x,
                body,
                ..
            } => {
                for e in [key, value].into_iter().flatten() {
                    self.fresh_ids_expr(e);
                }
                self.fresh_ids_expr(x);
                self.fresh_ids_block(body);
            }
            StmtKind::Labeled { label, stmt } => {
                label.id = self.id();
                self.fresh_ids_stmt(stmt);
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Expressions

    fn expr(&mut self) -> Expr {
        self.binary_expr(None, 0)
    }

    fn expr_list(&mut self) -> Vec<Expr> {
        let mut list = vec![self.expr()];
        while self.got(&TokenKind::Comma) {
            list.push(self.expr());
        }
        list
    }

    fn binary_expr(&mut self, x: Option<Expr>, prec: u8) -> Expr {
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
                err = Some(format!("unexpected {}, expected chan", self.expr_string(t)));
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
            bad,
        } = lit.clone();
        let span = self.span;
        self.next();
        let kind = match kind {
            LitKind::Int => ExprKind::IntLit(text),
            LitKind::Float => {
                let lower = text.to_ascii_lowercase();
                if !bad && (lower.starts_with("0x")) {
                    self.diags.push(Diagnostic::unsupported(
                        span,
                        "hexadecimal floating-point literals",
                    ));
                }
                ExprKind::FloatLit(text)
            }
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
                let value = match String::from_utf8(bytes) {
                    Ok(s) => s,
                    Err(e) => {
                        if !bad {
                            self.diags.push(Diagnostic::unsupported(
                                span,
                                "string literals that are not valid UTF-8",
                            ));
                        }
                        String::from_utf8_lossy(e.as_bytes()).into_owned()
                    }
                };
                ExprKind::StringLit {
                    value,
                    raw: text.starts_with('`'),
                }
            }
        };
        self.mk_expr_span(span, kind)
    }

    /// Go's `pexpr`: an operand followed by selectors, indices, slices, assertions, calls and
    /// composite literal bodies.
    /// Unlike Go, racemap always keeps parentheses in the tree ([`ExprKind::Paren`]).
    fn pexpr(&mut self, x: Option<Expr>) -> Expr {
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
        let t = unparen_ref(x);
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
    fn type_list(&mut self, strict: bool) -> (Vec<Expr>, bool) {
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

    // ------------------------------------------------------------------------------------------
    // Types

    fn type_(&mut self) -> Expr {
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

    fn type_or_nil(&mut self) -> Option<Expr> {
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
    fn array_type(&mut self, lo: u32, len: Option<Expr>) -> Expr {
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
    fn array_or_targs(&mut self) -> ArrayOrTArgs {
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
    fn embedded_union(&mut self, mut x: Expr) -> Expr {
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

    fn embedded_term(&mut self) -> Expr {
        if self.is_op(Operator::Tilde) {
            let lo = self.pos();
            self.next();
            let _ = self.type_();
            if !self.in_type_params {
                let span = char_span(self.src, lo as usize);
                self.diags
                    .push(Diagnostic::unsupported(span, "type constraints (~T)"));
            }
            return self.mk_expr(lo, ExprKind::Bad);
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
    fn qualified_name(&mut self, name: Option<Ident>) -> Expr {
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

    // ------------------------------------------------------------------------------------------
    // Statements

    fn block_stmt(&mut self, context: &str) -> Block {
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

    fn stmt_list(&mut self) -> Vec<Stmt> {
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
    fn simple_stmt(&mut self, lhs: Option<Vec<Expr>>, keyword: Option<Keyword>) -> Simple {
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
                let bop = binary_op(op).unwrap_or(BinaryOp::Add);
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
    fn simple_to_stmt(&mut self, s: Simple) -> Stmt {
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
                    StmtKind::Assign { op_span, .. } => (op_span.lo, self.stmt_string(&s)),
                    StmtKind::IncDec { x, .. } => (x.span.hi, self.stmt_string(&s)),
                    StmtKind::Send { ch, .. } => (ch.span.hi, self.stmt_string(&s)),
                    _ => (s.span.lo, self.stmt_string(&s)),
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

    fn if_stmt(&mut self) -> Stmt {
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

    fn for_stmt(&mut self) -> Stmt {
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

    fn switch_stmt(&mut self) -> Stmt {
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

    fn select_stmt(&mut self) -> Stmt {
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

    // ------------------------------------------------------------------------------------------
    // Printing (for messages such as `cannot use x := 1 as value`)

    fn emphasize_list(&self, list: &[Expr]) -> String {
        if list.len() == 1 {
            let s = self.expr_string(&list[0]);
            if matches!(list[0].kind, ExprKind::Binary { .. }) {
                return format!("({s})");
            }
            return s;
        }
        self.list_string(list)
    }

    fn list_string(&self, list: &[Expr]) -> String {
        list.iter()
            .map(|e| self.expr_string(e))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn stmt_string(&self, s: &Stmt) -> String {
        match &s.kind {
            StmtKind::Assign { lhs, op, rhs, .. } => {
                let op = match op {
                    AssignOp::Assign => "=".to_string(),
                    AssignOp::Define => ":=".to_string(),
                    AssignOp::Op(b) => format!("{}=", b.as_str()),
                };
                format!("{} {op} {}", self.list_string(lhs), self.list_string(rhs))
            }
            StmtKind::IncDec { x, inc } => {
                format!("{}{}", self.expr_string(x), if *inc { "++" } else { "--" })
            }
            StmtKind::Send { ch, value } => {
                format!("{} <- {}", self.expr_string(ch), self.expr_string(value))
            }
            StmtKind::Expr(x) => self.expr_string(x),
            _ => self.source_text(s.span),
        }
    }

    fn source_text(&self, span: Span) -> String {
        self.src
            .get(span.lo as usize..span.hi as usize)
            .unwrap_or("")
            .to_string()
    }

    /// Go's short-form expression printer (`syntax.String`).
    fn expr_string(&self, e: &Expr) -> String {
        expr_to_string(e, self.src)
    }
}

/// Result of [`Parser::array_or_targs`].
enum ArrayOrTArgs {
    /// `[]E` or `[N]E`.
    Type(Expr),
    /// `[A, B]`: type arguments.
    Args(Vec<Expr>),
}

fn same_class(a: &TokenKind, b: &TokenKind) -> bool {
    match (a, b) {
        (TokenKind::Keyword(x), TokenKind::Keyword(y)) => x == y,
        (TokenKind::Operator(x), TokenKind::Operator(y)) => x == y,
        _ => class_bit(a) == class_bit(b),
    }
}

fn binary_op(op: Operator) -> Option<BinaryOp> {
    Some(match op {
        Operator::OrOr => BinaryOp::LogOr,
        Operator::AndAnd => BinaryOp::LogAnd,
        Operator::Eql => BinaryOp::Eq,
        Operator::Neq => BinaryOp::Ne,
        Operator::Lss => BinaryOp::Lt,
        Operator::Leq => BinaryOp::Le,
        Operator::Gtr => BinaryOp::Gt,
        Operator::Geq => BinaryOp::Ge,
        Operator::Add => BinaryOp::Add,
        Operator::Sub => BinaryOp::Sub,
        Operator::Or => BinaryOp::Or,
        Operator::Xor => BinaryOp::Xor,
        Operator::Mul => BinaryOp::Mul,
        Operator::Div => BinaryOp::Div,
        Operator::Rem => BinaryOp::Rem,
        Operator::And => BinaryOp::And,
        Operator::AndNot => BinaryOp::AndNot,
        Operator::Shl => BinaryOp::Shl,
        Operator::Shr => BinaryOp::Shr,
        Operator::Not | Operator::Tilde => return None,
    })
}

fn unparen_ref(mut x: &Expr) -> &Expr {
    while let ExprKind::Paren(inner) = &x.kind {
        x = inner;
    }
    x
}

/// Go's `isValue`: whether `x` syntactically must be a value (not a type).
fn is_value(x: &Expr) -> bool {
    match &x.kind {
        ExprKind::IntLit(_)
        | ExprKind::FloatLit(_)
        | ExprKind::ImagLit(_)
        | ExprKind::RuneLit(_)
        | ExprKind::StringLit { .. }
        | ExprKind::CompositeLit { .. }
        | ExprKind::FuncLit { .. }
        | ExprKind::Slice { .. }
        | ExprKind::TypeAssert { .. }
        | ExprKind::Call { .. }
        | ExprKind::Unary { .. }
        | ExprKind::Binary { .. } => true,
        ExprKind::Paren(inner) => is_value(inner),
        ExprKind::Index { x, indices } => is_value(x) || indices.iter().any(is_value),
        _ => false,
    }
}

/// Print an expression the way Go's `syntax.String` does (short form: literal and function
/// bodies elided as `…`).
pub fn expr_to_string(e: &Expr, src: &str) -> String {
    let mut out = String::new();
    write_expr(&mut out, e, src, 0);
    out
}

fn write_list(out: &mut String, list: &[Expr], src: &str, depth: u32) {
    for (i, e) in list.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_expr(out, e, src, depth);
    }
}

fn write_params(out: &mut String, params: &[Param], src: &str, depth: u32) {
    for (i, p) in params.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if let Some(n) = &p.name {
            out.push_str(&n.name);
            out.push(' ');
        }
        if p.variadic {
            out.push_str("...");
        }
        write_expr(out, &p.ty, src, depth);
    }
}

fn write_sig(out: &mut String, sig: &FuncType, src: &str, depth: u32) {
    out.push('(');
    write_params(out, &sig.params, src, depth);
    out.push(')');
    match sig.results.as_slice() {
        [] => {}
        [r] if r.name.is_none() => {
            out.push(' ');
            write_expr(out, &r.ty, src, depth);
        }
        rs => {
            out.push_str(" (");
            write_params(out, rs, src, depth);
            out.push(')');
        }
    }
}

fn write_expr(out: &mut String, e: &Expr, src: &str, depth: u32) {
    if depth > MAX_NESTING + 8 {
        out.push('…');
        return;
    }
    let d = depth + 1;
    let text = |span: Span| src.get(span.lo as usize..span.hi as usize).unwrap_or("");
    match &e.kind {
        ExprKind::Ident(i) => out.push_str(&i.name),
        ExprKind::IntLit(_)
        | ExprKind::FloatLit(_)
        | ExprKind::ImagLit(_)
        | ExprKind::RuneLit(_)
        | ExprKind::StringLit { .. } => out.push_str(text(e.span)),
        ExprKind::CompositeLit { ty, elts, .. } => {
            if let Some(t) = ty {
                write_expr(out, t, src, d);
            }
            out.push_str(if elts.is_empty() { "{}" } else { "{…}" });
        }
        ExprKind::FuncLit { sig, body } => {
            out.push_str("func");
            write_sig(out, sig, src, d);
            out.push_str(if body.stmts.is_empty() {
                " {}"
            } else {
                " {…}"
            });
        }
        ExprKind::Paren(x) => {
            out.push('(');
            write_expr(out, x, src, d);
            out.push(')');
        }
        ExprKind::Selector { x, sel } => {
            write_expr(out, x, src, d);
            out.push('.');
            out.push_str(&sel.name);
        }
        ExprKind::Index { x, indices } => {
            write_expr(out, x, src, d);
            out.push('[');
            write_list(out, indices, src, d);
            out.push(']');
        }
        ExprKind::Slice { x, lo, hi, max } => {
            write_expr(out, x, src, d);
            out.push('[');
            if let Some(l) = lo {
                write_expr(out, l, src, d);
            }
            out.push(':');
            if let Some(h) = hi {
                write_expr(out, h, src, d);
            }
            if let Some(m) = max {
                out.push(':');
                write_expr(out, m, src, d);
            }
            out.push(']');
        }
        ExprKind::TypeAssert { x, ty } => {
            write_expr(out, x, src, d);
            out.push_str(".(");
            match ty {
                Some(t) => write_expr(out, t, src, d),
                None => out.push_str("type"),
            }
            out.push(')');
        }
        ExprKind::Call {
            func,
            args,
            ellipsis,
        } => {
            write_expr(out, func, src, d);
            out.push('(');
            write_list(out, args, src, d);
            if ellipsis.is_some() {
                out.push_str("...");
            }
            out.push(')');
        }
        ExprKind::Star(x) => {
            out.push('*');
            write_expr(out, x, src, d);
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
            write_expr(out, x, src, d);
        }
        ExprKind::Binary { op, x, y, .. } => {
            write_expr(out, x, src, d);
            out.push(' ');
            out.push_str(op.as_str());
            out.push(' ');
            write_expr(out, y, src, d);
        }
        ExprKind::ArrayType { len, elem } => {
            out.push('[');
            if let Some(l) = len {
                write_expr(out, l, src, d);
            }
            out.push(']');
            write_expr(out, elem, src, d);
        }
        ExprKind::MapType { key, value } => {
            out.push_str("map[");
            write_expr(out, key, src, d);
            out.push(']');
            write_expr(out, value, src, d);
        }
        ExprKind::ChanType { dir, elem } => {
            out.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            write_expr(out, elem, src, d);
        }
        ExprKind::FuncType(sig) => {
            out.push_str("func");
            write_sig(out, sig, src, d);
        }
        ExprKind::StructType(fields) => out.push_str(if fields.is_empty() {
            "struct{}"
        } else {
            "struct{…}"
        }),
        ExprKind::InterfaceType(elems) => out.push_str(if elems.is_empty() {
            "interface{}"
        } else {
            "interface{…}"
        }),
        ExprKind::Ellipsis => out.push_str("..."),
        ExprKind::Bad => out.push_str("BadExpr"),
    }
}
