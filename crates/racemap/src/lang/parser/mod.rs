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
//! final pass ([`visit::renumber`]) numbers every node again (parameters that share one written type, `a, b int`,
//! hold clones of that type expression, and recovery drops nodes). Type switch clauses
//! ([`TypeCaseClause::id`]) are numbered too.
//!
//! Files: this one holds the parser state, tokens, error reporting and node construction;
//! `decl.rs` the file and declarations, `types.rs` type expressions, `expr.rs` expressions,
//! `stmt.rs` statements, `control.rs` `if`/`for`/`switch`/`select`.

use crate::diag::{Diagnostic, Span};
use crate::lang::ast::print::AstPrinter;
use crate::lang::ast::visit;
use crate::lang::ast::*;
use crate::lang::lexer::{char_span, Lexer};
mod control;
mod decl;
mod expr;
mod stmt;
mod types;

use crate::lang::token::{Keyword, LitKind, LitValue, Literal, Operator, SemiKind, TokenKind};

/// Deepest nesting of expressions, types and statements racemap parses.
pub const MAX_NESTING: u32 = 200;

/// Parsing stops after this many diagnostics (only the first ten are shown anyway).
pub const MAX_DIAGNOSTICS: usize = 100;

/// Parse one Go source file. Always returns a [`File`] (with [`ExprKind::Bad`] where recovery
/// happened) together with the lexical and syntax errors in the order Go reports them (not
/// sorted: Go stops after the 10th error *in this order*, then prints them sorted by position).
pub fn parse(source: &str) -> (File, Vec<Diagnostic>) {
    parse_decoded(source, &[])
}

/// [`parse`] of a text made by [`crate::lang::lexer::decode_source`], with the offsets of the
/// bytes that were not UTF-8.
pub fn parse_decoded(source: &str, invalid_utf8: &[u32]) -> (File, Vec<Diagnostic>) {
    let mut p = Parser::new(source, invalid_utf8);
    let mut file = p.file();
    let node_count = visit::renumber(&mut file);
    let comments = p.lexer.take_comments();
    let diags = p.finish();
    let file = File {
        node_count,
        source: source.to_string(),
        comments,
        ..file
    };
    (file, diags)
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
    /// Ids of wrapper nodes the parser dropped (e.g. the expression around a label), handed out
    /// again before new ones so the ids stay dense.
    spare_ids: Vec<NodeId>,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str, invalid_utf8: &'a [u32]) -> Parser<'a> {
        let mut line_starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        let mut p = Parser {
            src,
            lexer: Lexer::with_invalid_utf8(src, invalid_utf8),
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
    // Printing (for messages such as `cannot use x := 1 as value`)

    /// Go's short-form printer over this file's source.
    fn printer(&self) -> AstPrinter<'a> {
        AstPrinter::new(self.src)
    }

    /// A list as Go's `emphasize` prints it: a single binary expression in parentheses.
    fn emphasize_list(&self, list: &[Expr]) -> String {
        if let [x] = list {
            let s = self.printer().expr(x);
            if matches!(x.kind, ExprKind::Binary { .. }) {
                return format!("({s})");
            }
            return s;
        }
        self.printer().list(list)
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
