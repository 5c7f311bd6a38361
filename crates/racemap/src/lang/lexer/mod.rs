//! Go lexer with automatic semicolon insertion, following `cmd/compile/internal/syntax`'s scanner.
//!
//! Semicolons (Go spec, "Semicolons"): after a line's final token, a `;` is inserted when that
//! token is an identifier, a basic literal, one of the keywords `break`, `continue`,
//! `fallthrough`, `return`, one of `++ -- ) ] }`. The lexer remembers this in `nlsemi`: the next
//! newline (or a block comment spanning lines, or the end of the file) then becomes a
//! [`TokenKind::Semi`] token, otherwise it is skipped as white space.
//!
//! Lexical errors are reported in the Go compiler's words and at its positions (`newline in
//! string`, `invalid character U+0040 '@'`, ...) and scanning continues, so the parser always
//! gets a token stream ending in [`TokenKind::Eof`].
//!
//! Invariant: every call of [`Lexer::next_token`] either consumes at least one character or
//! returns `Eof` (or the final inserted semicolon), so the parser cannot loop without progress
//! as long as it consumes tokens.
//!
//! Files: this one scans tokens, operators and identifiers; `literal.rs` numbers, runes and
//! strings; `chars.rs` prints characters in messages.

mod chars;
mod comments;
mod literal;

pub use chars::format_u;

use crate::diag::{Diagnostic, Span};
use crate::lang::token::{Keyword, Operator, SemiKind, Token, TokenKind};

/// Scans one source text into tokens on demand.
pub struct Lexer<'a> {
    /// The whole source.
    src: &'a str,
    /// Current character; `None` at the end of the input.
    ch: Option<char>,
    /// Byte offset of `ch` (the source length at the end).
    off: usize,
    /// Byte offset just after `ch`.
    rd: usize,
    /// Whether a newline or the end of input should produce a semicolon.
    nlsemi: bool,
    /// Lexical errors found so far, in source order.
    diags: Vec<Diagnostic>,
    /// Offsets (ascending) where the file had a byte that is not UTF-8: [`decode_source`] put a
    /// NUL there; the lexer reads it as U+FFFD after reporting `invalid UTF-8 encoding`.
    invalid_utf8: &'a [u32],
    /// The comment groups met so far (`go/ast`'s `CommentGroup`s, `comments.rs`).
    comments: comments::CommentGroups,
}

/// A Go source file as bytes, made text while keeping every byte offset: each byte that is not
/// part of valid UTF-8 becomes one NUL, and its offset is listed (ascending). Go's source reader
/// decodes such a byte as U+FFFD of width 1, so positions after it stay Go's.
pub fn decode_source(bytes: &[u8]) -> (String, Vec<u32>) {
    let mut text = String::with_capacity(bytes.len());
    let mut invalid = Vec::new();
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        for _ in chunk.invalid() {
            invalid.push(text.len() as u32);
            text.push('\0');
        }
    }
    (text, invalid)
}

impl<'a> Lexer<'a> {
    /// A lexer positioned at the start of `src` (a leading byte order mark is skipped).
    pub fn new(src: &'a str) -> Lexer<'a> {
        Lexer::with_invalid_utf8(src, &[])
    }

    /// A lexer over a text made by [`decode_source`], with the offsets it listed.
    pub fn with_invalid_utf8(src: &'a str, invalid_utf8: &'a [u32]) -> Lexer<'a> {
        let mut lx = Lexer {
            src,
            ch: None,
            off: 0,
            rd: 0,
            nlsemi: false,
            diags: Vec::new(),
            invalid_utf8,
            comments: comments::CommentGroups::default(),
        };
        lx.nextch();
        lx
    }

    /// The spans of the comment groups of the text scanned so far, in source order (each from
    /// its first comment's start to its last comment's end; `comments.rs`).
    pub fn take_comments(&mut self) -> Vec<Span> {
        std::mem::take(&mut self.comments).finish()
    }

    /// Take the lexical errors reported since the last call.
    pub fn take_diagnostics(&mut self) -> Vec<Diagnostic> {
        std::mem::take(&mut self.diags)
    }

    /// Whether lexical errors are waiting to be taken.
    pub fn has_diagnostics(&self) -> bool {
        !self.diags.is_empty()
    }

    /// Skip the rest of the input: the next token is `Eof`.
    pub fn stop(&mut self) {
        self.off = self.src.len();
        self.rd = self.src.len();
        self.ch = None;
        self.nlsemi = false;
    }

    fn error_at(&mut self, offset: usize, message: impl Into<String>) {
        let span = char_span(self.src, offset);
        let message = message.into();
        // Go reports one lexical error per position (`a\xffb`: only the encoding error), and
        // drops an error repeating the previous one's message on the same line.
        if let Some(last) = self.diags.last() {
            let between = self.src.get(last.span.lo as usize..offset).unwrap_or("");
            let same_line = !between.contains('\n');
            if last.span.lo == span.lo || (same_line && last.message == message) {
                return;
            }
        }
        self.diags.push(Diagnostic::error(span, message));
    }

    /// Advance to the next character, skipping (and reporting) NUL characters and byte order
    /// marks as Go's source reader does.
    fn nextch(&mut self) {
        loop {
            self.off = self.rd;
            match self.src.get(self.rd..).and_then(|rest| rest.chars().next()) {
                None => {
                    self.ch = None;
                    return;
                }
                Some(c) => {
                    self.rd += c.len_utf8();
                    if c == '\0' {
                        if self.is_invalid_utf8(self.off) {
                            self.error_at(self.off, "invalid UTF-8 encoding");
                            self.ch = Some(char::REPLACEMENT_CHARACTER);
                            return;
                        }
                        self.error_at(self.off, "invalid NUL character");
                        continue;
                    }
                    if c == '\u{feff}' {
                        if self.off > 0 {
                            self.error_at(self.off, "invalid BOM in the middle of the file");
                        }
                        continue;
                    }
                    self.ch = Some(c);
                    return;
                }
            }
        }
    }

    /// Whether the NUL at `offset` stands for a byte that was not UTF-8.
    fn is_invalid_utf8(&self, offset: usize) -> bool {
        u32::try_from(offset).is_ok_and(|o| self.invalid_utf8.binary_search(&o).is_ok())
    }

    /// The character after the current one, without consuming anything.
    fn peek(&self) -> Option<char> {
        self.src.get(self.rd..).and_then(|rest| rest.chars().next())
    }

    fn is(&self, c: char) -> bool {
        self.ch == Some(c)
    }

    fn token(&self, kind: TokenKind, start: usize) -> Token {
        Token {
            kind,
            span: Span::new(start as u32, self.off as u32),
        }
    }

    /// Scan the next token.
    pub fn next_token(&mut self) -> Token {
        let t = self.scan_token();
        self.comments.token(t.span.lo as usize);
        t
    }

    fn scan_token(&mut self) -> Token {
        let nlsemi = self.nlsemi;
        self.nlsemi = false;
        loop {
            while matches!(self.ch, Some(' ' | '\t' | '\r')) || (self.is('\n') && !nlsemi) {
                self.nextch();
            }
            let start = self.off;
            let Some(c) = self.ch else {
                if nlsemi {
                    return self.token(TokenKind::Semi(SemiKind::Eof), start);
                }
                return self.token(TokenKind::Eof, start);
            };
            if c.is_ascii_alphabetic() || c == '_' || (!c.is_ascii() && self.at_ident_char(true)) {
                self.nextch();
                return self.ident(start);
            }
            let kind = match c {
                '\n' => {
                    self.nextch();
                    return Token {
                        kind: TokenKind::Semi(SemiKind::Newline),
                        span: Span::new(start as u32, start as u32),
                    };
                }
                '0'..='9' => return self.number(start, false),
                '"' => return self.std_string(start),
                '`' => return self.raw_string(start),
                '\'' => return self.rune(start),
                '(' => {
                    self.nextch();
                    TokenKind::LParen
                }
                '[' => {
                    self.nextch();
                    TokenKind::LBrack
                }
                '{' => {
                    self.nextch();
                    TokenKind::LBrace
                }
                ',' => {
                    self.nextch();
                    TokenKind::Comma
                }
                ';' => {
                    self.nextch();
                    TokenKind::Semi(SemiKind::Semicolon)
                }
                ')' => {
                    self.nextch();
                    self.nlsemi = true;
                    TokenKind::RParen
                }
                ']' => {
                    self.nextch();
                    self.nlsemi = true;
                    TokenKind::RBrack
                }
                '}' => {
                    self.nextch();
                    self.nlsemi = true;
                    TokenKind::RBrace
                }
                ':' => {
                    self.nextch();
                    if self.is('=') {
                        self.nextch();
                        TokenKind::Define
                    } else {
                        TokenKind::Colon
                    }
                }
                '.' => {
                    if matches!(self.peek(), Some('0'..='9')) {
                        self.nextch();
                        return self.number(start, true);
                    }
                    self.nextch();
                    if self.is('.') && self.peek() == Some('.') {
                        self.nextch();
                        self.nextch();
                        TokenKind::DotDotDot
                    } else {
                        TokenKind::Dot
                    }
                }
                '+' | '-' => {
                    self.nextch();
                    let op = if c == '+' {
                        Operator::Add
                    } else {
                        Operator::Sub
                    };
                    if self.is(c) {
                        self.nextch();
                        self.nlsemi = true;
                        TokenKind::IncOp(op)
                    } else {
                        self.assign_op(op)
                    }
                }
                '*' => {
                    self.nextch();
                    if self.is('=') {
                        self.nextch();
                        TokenKind::AssignOp(Operator::Mul)
                    } else {
                        TokenKind::Star
                    }
                }
                '/' => {
                    self.nextch();
                    if self.is('/') {
                        while self.ch.is_some() && !self.is('\n') {
                            self.nextch();
                        }
                        let span = Span::new(start as u32, self.off as u32);
                        self.comments.comment(self.src, span, nlsemi);
                        continue;
                    }
                    if self.is('*') {
                        self.nextch();
                        let mut newline = false;
                        let mut closed = false;
                        while let Some(ch) = self.ch {
                            if ch == '*' && self.peek() == Some('/') {
                                self.nextch();
                                self.nextch();
                                closed = true;
                                break;
                            }
                            if ch == '\n' {
                                newline = true;
                            }
                            self.nextch();
                        }
                        if !closed {
                            self.error_at(start, "comment not terminated");
                        }
                        let span = Span::new(start as u32, self.off as u32);
                        self.comments.comment(self.src, span, nlsemi);
                        if newline && nlsemi {
                            return Token {
                                kind: TokenKind::Semi(SemiKind::Newline),
                                span: Span::new(start as u32, start as u32),
                            };
                        }
                        continue;
                    }
                    self.assign_op(Operator::Div)
                }
                '%' => {
                    self.nextch();
                    self.assign_op(Operator::Rem)
                }
                '&' => {
                    self.nextch();
                    if self.is('&') {
                        self.nextch();
                        TokenKind::Operator(Operator::AndAnd)
                    } else if self.is('^') {
                        self.nextch();
                        self.assign_op(Operator::AndNot)
                    } else {
                        self.assign_op(Operator::And)
                    }
                }
                '|' => {
                    self.nextch();
                    if self.is('|') {
                        self.nextch();
                        TokenKind::Operator(Operator::OrOr)
                    } else {
                        self.assign_op(Operator::Or)
                    }
                }
                '^' => {
                    self.nextch();
                    self.assign_op(Operator::Xor)
                }
                '<' => {
                    self.nextch();
                    if self.is('=') {
                        self.nextch();
                        TokenKind::Operator(Operator::Leq)
                    } else if self.is('<') {
                        self.nextch();
                        self.assign_op(Operator::Shl)
                    } else if self.is('-') {
                        self.nextch();
                        TokenKind::Arrow
                    } else {
                        TokenKind::Operator(Operator::Lss)
                    }
                }
                '>' => {
                    self.nextch();
                    if self.is('=') {
                        self.nextch();
                        TokenKind::Operator(Operator::Geq)
                    } else if self.is('>') {
                        self.nextch();
                        self.assign_op(Operator::Shr)
                    } else {
                        TokenKind::Operator(Operator::Gtr)
                    }
                }
                '=' => {
                    self.nextch();
                    if self.is('=') {
                        self.nextch();
                        TokenKind::Operator(Operator::Eql)
                    } else {
                        TokenKind::Assign
                    }
                }
                '!' => {
                    self.nextch();
                    if self.is('=') {
                        self.nextch();
                        TokenKind::Operator(Operator::Neq)
                    } else {
                        TokenKind::Operator(Operator::Not)
                    }
                }
                '~' => {
                    self.nextch();
                    TokenKind::Operator(Operator::Tilde)
                }
                other => {
                    self.error_at(start, format!("invalid character {}", format_u(other)));
                    self.nextch();
                    continue;
                }
            };
            return self.token(kind, start);
        }
    }

    /// `op` or `op=`.
    fn assign_op(&mut self, op: Operator) -> TokenKind {
        if self.is('=') {
            self.nextch();
            TokenKind::AssignOp(op)
        } else {
            TokenKind::Operator(op)
        }
    }

    /// Go's `atIdentChar`: whether the current (non-ASCII or first) character continues an
    /// identifier, reporting digits at the start and non-letters as errors (and accepting them,
    /// so the identifier is still one token).
    fn at_ident_char(&mut self, first: bool) -> bool {
        let Some(c) = self.ch else { return false };
        if c.is_alphabetic() || c == '_' {
            return true;
        }
        if c.is_numeric() {
            if first {
                self.error_at(
                    self.off,
                    format!("identifier cannot begin with digit {}", format_u(c)),
                );
            }
            return true;
        }
        if !c.is_ascii() {
            self.error_at(
                self.off,
                format!("invalid character {} in identifier", format_u(c)),
            );
            return true;
        }
        false
    }

    fn ident(&mut self, start: usize) -> Token {
        while let Some(c) = self.ch {
            if c.is_ascii_alphanumeric() || c == '_' || (!c.is_ascii() && self.at_ident_char(false))
            {
                self.nextch();
            } else {
                break;
            }
        }
        let text = &self.src[start..self.off];
        if text.len() >= 2 {
            if let Some(k) = Keyword::lookup(text) {
                self.nlsemi = matches!(
                    k,
                    Keyword::Break | Keyword::Continue | Keyword::Fallthrough | Keyword::Return
                );
                return self.token(TokenKind::Keyword(k), start);
            }
        }
        self.nlsemi = true;
        // Go's name is the source segment: a skipped NUL stays in it (`undefined: _\0`), a
        // byte that was not UTF-8 reads as U+FFFD (`a�b declared but not used`).
        let name = text
            .char_indices()
            .map(|(i, c)| match c {
                '\0' if self.is_invalid_utf8(start + i) => char::REPLACEMENT_CHARACTER,
                c => c,
            })
            .collect();
        self.token(TokenKind::Name(name), start)
    }
}

/// The span of the character at `offset` (empty at the end of the input).
pub fn char_span(src: &str, offset: usize) -> Span {
    let offset = offset.min(src.len());
    let width = src
        .get(offset..)
        .and_then(|rest| rest.chars().next())
        .map_or(0, char::len_utf8);
    Span::new(offset as u32, (offset + width) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::token::{LitKind, LitValue, Literal};

    fn kinds(src: &str) -> Vec<String> {
        let mut lx = Lexer::new(src);
        let mut out = Vec::new();
        for _ in 0..1000 {
            let t = lx.next_token();
            if t.kind == TokenKind::Eof {
                break;
            }
            out.push(t.kind.describe());
        }
        out
    }

    #[test]
    fn semicolons_are_inserted_after_line_final_tokens() {
        assert_eq!(
            kinds("x++\nreturn\n}\nfoo /* a\n b */ bar"),
            [
                "name x",
                "++",
                "newline",
                "keyword return",
                "newline",
                "}",
                "newline",
                "name foo",
                "newline",
                "name bar",
                "EOF"
            ]
        );
        assert_eq!(kinds("a +\nb"), ["name a", "+", "name b", "EOF"]);
    }

    #[test]
    fn numbers_strings_and_runes_decode() {
        let src = format!(
            "{}{}",
            r#"0x1F 1_000 0o17 017 1.5e3 .5 2i "a\tb\u00e9\x41\101" '\n' "#, "`x\ry`"
        );
        let mut lx = Lexer::new(&src);
        let mut lits = Vec::new();
        loop {
            let t = lx.next_token();
            match t.kind {
                TokenKind::Literal(l) => lits.push((l.kind, l.text, l.value)),
                TokenKind::Semi(_) => {}
                _ => break,
            }
        }
        assert!(lx.take_diagnostics().is_empty());
        assert_eq!(lits[0].0, LitKind::Int);
        assert_eq!(lits[4].0, LitKind::Float);
        assert_eq!(lits[5].0, LitKind::Float);
        assert_eq!(lits[6].0, LitKind::Imag);
        assert_eq!(lits[7].2, LitValue::Bytes("a\tbéAA".as_bytes().to_vec()));
        assert_eq!(lits[8].2, LitValue::Rune('\n'));
        assert_eq!(lits[9].2, LitValue::Bytes(b"xy".to_vec()));
    }

    #[test]
    fn lexical_errors_use_go_wording() {
        let mut lx = Lexer::new("a @ \"x\n'ab' 09 0x");
        while lx.next_token().kind != TokenKind::Eof {}
        let msgs: Vec<(u32, String)> = lx
            .take_diagnostics()
            .into_iter()
            .map(|d| (d.span.lo, d.message))
            .collect();
        assert_eq!(
            msgs,
            [
                (2, "invalid character U+0040 '@'".to_string()),
                (6, "newline in string".to_string()),
                (7, "more than one character in rune literal".to_string()),
                (13, "invalid digit '9' in octal literal".to_string()),
                (17, "hexadecimal literal has no digits".to_string()),
            ]
        );
    }

    fn string_value(src: &str) -> (Vec<u8>, Vec<String>) {
        let mut lx = Lexer::new(src);
        let t = lx.next_token();
        let msgs = lx
            .take_diagnostics()
            .into_iter()
            .map(|d| d.message)
            .collect();
        match t.kind {
            TokenKind::Literal(Literal {
                value: LitValue::Bytes(b),
                ..
            }) => (b, msgs),
            other => panic!("not a string: {other:?}"),
        }
    }

    #[test]
    fn every_escape_decodes_like_go() {
        let (v, errs) = string_value(r#""\a\b\f\n\r\t\v\\\"\x7f\377\u00e9\U0001F600""#);
        assert!(errs.is_empty(), "{errs:?}");
        let mut expected = vec![7, 8, 12, 10, 13, 9, 11, b'\\', b'"', 0x7f, 0xff];
        expected.extend_from_slice("é😀".as_bytes());
        assert_eq!(v, expected);
        assert_eq!(string_value(r#""\'""#).1, ["unknown escape"]);
        assert_eq!(
            string_value(r#""\xg0""#).1,
            ["invalid character 'g' in hexadecimal escape"]
        );
        assert_eq!(
            string_value(r#""\U00110000""#).1,
            ["escape is invalid Unicode code point U+110000"]
        );
    }

    #[test]
    fn tokens_are_named_as_go_names_them_in_messages() {
        let names: Vec<String> = kinds(r#"x 1 "s" func += ++ , ; ) <- ..."#);
        assert_eq!(
            names,
            [
                "name x",
                "literal 1",
                "literal \"s\"",
                "keyword func",
                "+=",
                "++",
                "comma",
                "semicolon",
                ")",
                "<-",
                "..."
            ]
        );
    }

    #[test]
    fn unicode_identifiers_and_invalid_characters() {
        let mut lx = Lexer::new("π日本 x€ \u{00A0}");
        let mut names = Vec::new();
        loop {
            match lx.next_token().kind {
                TokenKind::Name(n) => names.push(n),
                TokenKind::Eof => break,
                _ => {}
            }
        }
        assert_eq!(names, ["π日本", "x€", "\u{00A0}"]);
        let msgs: Vec<String> = lx
            .take_diagnostics()
            .into_iter()
            .map(|d| d.message)
            .collect();
        assert_eq!(
            msgs,
            [
                "invalid character U+20AC '€' in identifier",
                "invalid character U+00A0 in identifier"
            ]
        );
    }
}
