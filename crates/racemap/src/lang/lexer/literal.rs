//! Literals: numbers (bases, `_` separators, floats and imaginaries with Go's messages),
//! rune literals, interpreted and raw strings, and escape sequences.

use super::chars::format_code_point;
use super::Lexer;
use crate::lang::token::{LitKind, LitValue, Literal, Token, TokenKind};
use crate::strconv::quote_rune;

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

    pub(super) fn number(&mut self, start: usize, seen_point_in: bool) -> Token {
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

    pub(super) fn rune(&mut self, start: usize) -> Token {
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

    pub(super) fn std_string(&mut self, start: usize) -> Token {
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

    pub(super) fn raw_string(&mut self, start: usize) -> Token {
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
                        quote_rune(ch),
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
