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

use crate::diag::{Diagnostic, Span};
use crate::lang::token::{
    Keyword, LitKind, LitValue, Literal, Operator, SemiKind, Token, TokenKind,
};

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
}

/// The result of scanning one escape sequence.
enum Escape {
    /// A byte value (`\x41`, `\101`) or a simple escape.
    Byte(u8),
    /// A code point (`\u00e9`, `\U0001F600`).
    Char(u32),
    /// An error was reported.
    Bad,
    /// The input ended inside the escape; the caller reports the unterminated literal.
    Eof,
}

impl<'a> Lexer<'a> {
    /// A lexer positioned at the start of `src` (a leading byte order mark is skipped).
    pub fn new(src: &'a str) -> Lexer<'a> {
        let mut lx = Lexer {
            src,
            ch: None,
            off: 0,
            rd: 0,
            nlsemi: false,
            diags: Vec::new(),
        };
        lx.nextch();
        lx
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
        let name = text.replace('\0', "");
        self.token(TokenKind::Name(name), start)
    }

    fn literal(&mut self, start: usize, kind: LitKind, value: LitValue, ok: bool) -> Token {
        self.nlsemi = true;
        let text = self.src[start..self.off].to_string();
        self.token(
            TokenKind::Literal(Literal {
                kind,
                text,
                value,
                bad: !ok,
            }),
            start,
        )
    }

    /// Go's `digits`: accepts `{ digit | '_' }`, returns bit 0 = a digit seen, bit 1 = a `_`
    /// seen; for bases <= 10 records the offset (from `start`) of the first digit >= base.
    fn digits(&mut self, start: usize, base: u32, invalid: &mut Option<usize>) -> u8 {
        let mut digsep = 0;
        loop {
            match self.ch {
                Some('_') => digsep |= 2,
                Some(c) if base <= 10 && c.is_ascii_digit() => {
                    digsep |= 1;
                    if c.to_digit(10).unwrap_or(0) >= base && invalid.is_none() {
                        *invalid = Some(self.off - start);
                    }
                }
                Some(c) if base > 10 && c.is_ascii_hexdigit() => digsep |= 1,
                _ => break,
            }
            self.nextch();
        }
        digsep
    }

    fn number(&mut self, start: usize, seen_point_in: bool) -> Token {
        let mut seen_point = seen_point_in;
        let mut ok = true;
        let mut kind = LitKind::Int;
        let mut base = 10;
        let mut prefix = '\0';
        let mut digsep = 0u8;
        let mut invalid = None;

        if !seen_point {
            if self.is('0') {
                self.nextch();
                match self.ch.map(|c| c.to_ascii_lowercase()) {
                    Some('x') => {
                        self.nextch();
                        base = 16;
                        prefix = 'x';
                    }
                    Some('o') => {
                        self.nextch();
                        base = 8;
                        prefix = 'o';
                    }
                    Some('b') => {
                        self.nextch();
                        base = 2;
                        prefix = 'b';
                    }
                    _ => {
                        base = 8;
                        prefix = '0';
                        digsep = 1;
                    }
                }
            }
            digsep |= self.digits(start, base, &mut invalid);
            if self.is('.') {
                if prefix == 'o' || prefix == 'b' {
                    self.error_at(
                        self.off,
                        format!("invalid radix point in {} literal", base_name(base)),
                    );
                    ok = false;
                }
                self.nextch();
                seen_point = true;
            }
        }
        if seen_point {
            kind = LitKind::Float;
            digsep |= self.digits(start, base, &mut invalid);
        }
        if digsep & 1 == 0 && ok {
            self.error_at(
                self.off,
                format!("{} literal has no digits", base_name(base)),
            );
            ok = false;
        }
        let e = self.ch.map(|c| c.to_ascii_lowercase());
        if e == Some('e') || e == Some('p') {
            let ch = self.ch.unwrap_or('e');
            if ok {
                if e == Some('e') && prefix != '\0' && prefix != '0' {
                    self.error_at(
                        self.off,
                        format!("'{ch}' exponent requires decimal mantissa"),
                    );
                    ok = false;
                } else if e == Some('p') && prefix != 'x' {
                    self.error_at(
                        self.off,
                        format!("'{ch}' exponent requires hexadecimal mantissa"),
                    );
                    ok = false;
                }
            }
            self.nextch();
            kind = LitKind::Float;
            if self.is('+') || self.is('-') {
                self.nextch();
            }
            let mut none = None;
            digsep = self.digits(start, 10, &mut none) | (digsep & 2);
            if digsep & 1 == 0 && ok {
                self.error_at(self.off, "exponent has no digits");
                ok = false;
            }
        } else if prefix == 'x' && kind == LitKind::Float && ok {
            self.error_at(self.off, "hexadecimal mantissa requires a 'p' exponent");
            ok = false;
        }
        if self.is('i') {
            kind = LitKind::Imag;
            self.nextch();
        }
        let text = &self.src[start..self.off];
        if kind == LitKind::Int && ok {
            if let Some(i) = invalid {
                let digit = text.as_bytes().get(i).map(|b| *b as char).unwrap_or('?');
                self.error_at(
                    start + i,
                    format!("invalid digit '{digit}' in {} literal", base_name(base)),
                );
                ok = false;
            }
        }
        if digsep & 2 != 0 && ok {
            if let Some(i) = invalid_sep(text) {
                self.error_at(start + i, "'_' must separate successive digits");
                ok = false;
            }
        }
        self.literal(start, kind, LitValue::None, ok)
    }

    fn rune(&mut self, start: usize) -> Token {
        let mut ok = true;
        self.nextch();
        let mut n = 0;
        let mut value: Option<char> = None;
        loop {
            match self.ch {
                Some('\'') => {
                    if ok {
                        if n == 0 {
                            self.error_at(self.off, "empty rune literal or unescaped '");
                            ok = false;
                        } else if n != 1 {
                            self.error_at(start, "more than one character in rune literal");
                            ok = false;
                        }
                    }
                    self.nextch();
                    break;
                }
                Some('\\') => {
                    self.nextch();
                    let v = match self.escape('\'') {
                        Escape::Byte(b) => Some(b as char),
                        Escape::Char(c) => char::from_u32(c),
                        Escape::Bad => {
                            ok = false;
                            None
                        }
                        Escape::Eof => None,
                    };
                    if n == 0 {
                        value = v;
                    }
                    n += 1;
                    continue;
                }
                Some('\n') => {
                    if ok {
                        self.error_at(self.off, "newline in rune literal");
                        ok = false;
                    }
                    break;
                }
                None => {
                    if ok {
                        self.error_at(start, "rune literal not terminated");
                        ok = false;
                    }
                    break;
                }
                Some(c) => {
                    if n == 0 {
                        value = Some(c);
                    }
                    n += 1;
                    self.nextch();
                }
            }
        }
        let value = LitValue::Rune(value.unwrap_or('\u{fffd}'));
        self.literal(start, LitKind::Rune, value, ok)
    }

    fn std_string(&mut self, start: usize) -> Token {
        let mut ok = true;
        let mut bytes = Vec::new();
        self.nextch();
        loop {
            match self.ch {
                Some('"') => {
                    self.nextch();
                    break;
                }
                Some('\\') => {
                    self.nextch();
                    match self.escape('"') {
                        Escape::Byte(b) => bytes.push(b),
                        Escape::Char(c) => {
                            let ch = char::from_u32(c).unwrap_or('\u{fffd}');
                            let mut buf = [0u8; 4];
                            bytes.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                        }
                        Escape::Bad => ok = false,
                        Escape::Eof => {}
                    }
                }
                Some('\n') => {
                    self.error_at(self.off, "newline in string");
                    ok = false;
                    break;
                }
                None => {
                    self.error_at(start, "string not terminated");
                    ok = false;
                    break;
                }
                Some(c) => {
                    let mut buf = [0u8; 4];
                    bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    self.nextch();
                }
            }
        }
        self.literal(start, LitKind::String, LitValue::Bytes(bytes), ok)
    }

    fn raw_string(&mut self, start: usize) -> Token {
        let mut ok = true;
        let mut bytes = Vec::new();
        self.nextch();
        loop {
            match self.ch {
                Some('`') => {
                    self.nextch();
                    break;
                }
                None => {
                    self.error_at(start, "string not terminated");
                    ok = false;
                    break;
                }
                Some(c) => {
                    if c != '\r' {
                        let mut buf = [0u8; 4];
                        bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    }
                    self.nextch();
                }
            }
        }
        self.literal(start, LitKind::String, LitValue::Bytes(bytes), ok)
    }

    /// One escape sequence; the backslash has been consumed.
    fn escape(&mut self, quote: char) -> Escape {
        let Some(c) = self.ch else {
            return Escape::Eof;
        };
        let simple = match c {
            'a' => Some(7u8),
            'b' => Some(8),
            'f' => Some(12),
            'n' => Some(b'\n'),
            'r' => Some(b'\r'),
            't' => Some(b'\t'),
            'v' => Some(11),
            '\\' => Some(b'\\'),
            c if c == quote => Some(c as u8),
            _ => None,
        };
        if let Some(b) = simple {
            self.nextch();
            return Escape::Byte(b);
        }
        let (n, base, max): (u32, u32, u32) = match c {
            '0'..='7' => (3, 8, 255),
            'x' => {
                self.nextch();
                (2, 16, 255)
            }
            'u' => {
                self.nextch();
                (4, 16, 0x10FFFF)
            }
            'U' => {
                self.nextch();
                (8, 16, 0x10FFFF)
            }
            _ => {
                self.error_at(self.off, "unknown escape");
                return Escape::Bad;
            }
        };
        let mut x: u32 = 0;
        for _ in 0..n {
            let Some(ch) = self.ch else {
                return Escape::Eof;
            };
            let d = ch.to_digit(16).unwrap_or(base);
            if d >= base {
                self.error_at(
                    self.off,
                    format!(
                        "invalid character {} in {} escape",
                        go_quote_char(ch),
                        base_name(base)
                    ),
                );
                return Escape::Bad;
            }
            x = x.wrapping_mul(base).wrapping_add(d);
            self.nextch();
        }
        if x > max && base == 8 {
            self.error_at(self.off, format!("octal escape value {x} > 255"));
            return Escape::Bad;
        }
        if x > max || (0xD800..0xE000).contains(&x) {
            self.error_at(
                self.off,
                format!(
                    "escape is invalid Unicode code point {}",
                    format_code_point(x)
                ),
            );
            return Escape::Bad;
        }
        if max == 255 {
            Escape::Byte(x as u8)
        } else {
            Escape::Char(x)
        }
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

/// Go's `baseName`.
fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        16 => "hexadecimal",
        _ => "decimal",
    }
}

/// Go's `invalidSep`: index of the first `_` that does not separate two digits.
fn invalid_sep(x: &str) -> Option<usize> {
    let b = x.as_bytes();
    let mut x1 = b' ';
    let mut d = b'.';
    let mut i = 0;
    if b.len() >= 2 && b[0] == b'0' {
        x1 = b[1].to_ascii_lowercase();
        if x1 == b'x' || x1 == b'o' || x1 == b'b' {
            d = b'0';
            i = 2;
        }
    }
    while i < b.len() {
        let p = d;
        d = b[i];
        if d == b'_' {
            if p != b'0' {
                return Some(i);
            }
        } else if d.is_ascii_digit() || (x1 == b'x' && d.is_ascii_hexdigit()) {
            d = b'0';
        } else {
            if p == b'_' {
                return Some(i - 1);
            }
            d = b'.';
        }
        i += 1;
    }
    if d == b'_' {
        return Some(b.len() - 1);
    }
    None
}

/// Whether Go's `strconv.IsPrint` would accept `c` (approximated: controls, non-ASCII spaces and
/// common format characters are not printable).
fn is_print(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    !matches!(
        c,
        '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E000}'..='\u{F8FF}'
    )
}

/// Go's `%#U`: `U+0040 '@'`.
pub fn format_u(c: char) -> String {
    if is_print(c) {
        format!("U+{:04X} '{}'", c as u32, c)
    } else {
        format!("U+{:04X}", c as u32)
    }
}

/// `%#U` of a code point that may not be a valid `char`.
fn format_code_point(x: u32) -> String {
    match char::from_u32(x) {
        Some(c) => format_u(c),
        None => format!("U+{x:04X}"),
    }
}

/// Go's `%q` of a rune: `'x'`, `'\n'`, `'\''`.
fn go_quote_char(c: char) -> String {
    match c {
        '\'' => "'\\''".to_string(),
        '\\' => "'\\\\'".to_string(),
        '\n' => "'\\n'".to_string(),
        '\t' => "'\\t'".to_string(),
        '\r' => "'\\r'".to_string(),
        c if is_print(c) => format!("'{c}'"),
        c if (c as u32) < 0x10000 => format!("'\\u{:04x}'", c as u32),
        c => format!("'\\U{:08x}'", c as u32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
