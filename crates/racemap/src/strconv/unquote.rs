//! `strconv.Unquote` and `strconv.UnquoteChar` as Go 1.19's `strconv/quote.go`: the inverse
//! of the quoting beside it. A byte string in, bytes out; every failure is `ErrSyntax` (the
//! caller turns `None` into `strconv.ErrSyntax`).

use crate::gostr::{decode_rune, push_rune, RUNE_ERROR};

/// One character unquoted by `strconv.UnquoteChar`: its value, whether it must be written as
/// UTF-8 (`multibyte`), and the rest of the string after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unquoted<'a> {
    /// The character's value (a byte value for `\x` and octal escapes).
    pub value: i64,
    /// Whether `value` is a rune written as UTF-8 rather than one byte.
    pub multibyte: bool,
    /// What follows the character.
    pub tail: &'a [u8],
}

fn unhex(c: u8) -> Option<i64> {
    char::from(c).to_digit(16).map(i64::from)
}

/// `strconv.UnquoteChar(s, quote)`: the first character of the quoted string's body `s`
/// (an escape, a UTF-8 rune, or a byte), `None` for Go's `ErrSyntax`.
pub fn unquote_char(s: &[u8], quote: u8) -> Option<Unquoted<'_>> {
    let &c = s.first()?;
    if c == quote && (quote == b'\'' || quote == b'"') {
        return None;
    }
    if c >= 0x80 {
        let (r, size) = decode_rune(s);
        return Some(Unquoted {
            value: i64::from(r),
            multibyte: true,
            tail: &s[size..],
        });
    }
    if c != b'\\' {
        return Some(Unquoted {
            value: i64::from(c),
            multibyte: false,
            tail: &s[1..],
        });
    }
    let &c = s.get(1)?;
    let mut s = &s[2..];
    let mut multibyte = false;
    let value = match c {
        b'a' => 7,
        b'b' => 8,
        b'f' => 12,
        b'n' => 10,
        b'r' => 13,
        b't' => 9,
        b'v' => 11,
        b'x' | b'u' | b'U' => {
            let n = match c {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            let digits = s.get(..n)?;
            let mut v: i64 = 0;
            for &d in digits {
                v = v << 4 | unhex(d)?;
            }
            s = &s[n..];
            if c != b'x' {
                // `utf8.ValidRune`: in range and not a surrogate half.
                u32::try_from(v).ok().and_then(char::from_u32)?;
                multibyte = true;
            }
            v
        }
        b'0'..=b'7' => {
            let mut v = i64::from(c - b'0');
            for &d in s.get(..2)? {
                if !(b'0'..=b'7').contains(&d) {
                    return None;
                }
                v = v << 3 | i64::from(d - b'0');
            }
            s = &s[2..];
            if v > 255 {
                return None;
            }
            v
        }
        b'\\' => i64::from(b'\\'),
        b'\'' | b'"' if c == quote => i64::from(c),
        _ => return None,
    };
    Some(Unquoted {
        value,
        multibyte,
        tail: s,
    })
}

/// `strconv.Unquote(s)`: the value of the Go string or rune literal `s` (`"…"`, `` `…` ``,
/// `'…'`), `None` for Go's `ErrSyntax` (including anything after the closing quote).
pub fn unquote(s: &[u8]) -> Option<Vec<u8>> {
    if s.len() < 2 {
        return None;
    }
    let quote = s[0];
    // The position after the first later quote (an escaped one may come first).
    let end = s[1..].iter().position(|&c| c == quote)? + 2;
    match quote {
        b'`' => {
            if end != s.len() {
                return None;
            }
            // Carriage returns are dropped from a raw string's value.
            Some(
                s[1..end - 1]
                    .iter()
                    .copied()
                    .filter(|&c| c != b'\r')
                    .collect(),
            )
        }
        b'"' | b'\'' => {
            let body = &s[1..end - 1];
            if !body.contains(&b'\\') && !body.contains(&b'\n') {
                let valid = if quote == b'"' {
                    std::str::from_utf8(body).is_ok()
                } else {
                    let (r, n) = decode_rune(body);
                    n + 2 == end && (r != RUNE_ERROR || n != 1)
                };
                if valid {
                    return (end == s.len()).then(|| body.to_vec());
                }
            }
            let mut buf = Vec::new();
            let mut rest = &s[1..];
            while let Some(&c) = rest.first().filter(|&&c| c != quote) {
                let u = unquote_char(rest, quote)?;
                if c == b'\n' {
                    return None;
                }
                rest = u.tail;
                if u.value < 0x80 || !u.multibyte {
                    buf.push(u.value as u8);
                } else {
                    push_rune(&mut buf, u.value);
                }
                if quote == b'\'' {
                    break;
                }
            }
            // The closing quote, and nothing after it.
            (rest == [quote]).then_some(buf)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn un(s: &[u8]) -> Option<Vec<u8>> {
        unquote(s)
    }

    /// What Go 1.19's `strconv.Unquote` returned for these (`go run`).
    #[test]
    fn unquotes_as_go() {
        assert_eq!(un(br#""a\tb""#), Some(b"a\tb".to_vec()));
        assert_eq!(
            un(br#""\u00e9\x41\101\U0001F600""#),
            Some("éAA😀".as_bytes().to_vec())
        );
        assert_eq!(un(br#""\xff""#), Some(b"\xff".to_vec()));
        assert_eq!(un(b"\"\xff\""), Some(b"\xef\xbf\xbd".to_vec()));
        assert_eq!(un(b"'\xff'"), Some(b"\xef\xbf\xbd".to_vec()));
        assert_eq!(un(b"\"\xff\\n\""), Some(b"\xef\xbf\xbd\n".to_vec()));
        assert_eq!(un(b"`a\r\nb\\n`"), Some(b"a\nb\\n".to_vec()));
        assert_eq!(un(b"`a`b`"), None);
        assert_eq!(un(br"'\''"), Some(b"'".to_vec()));
        assert_eq!(un("'é'".as_bytes()), Some("é".as_bytes().to_vec()));
        assert_eq!(un(b"'ab'"), None);
        assert_eq!(un(b"''"), Some(Vec::new()));
        assert_eq!(un(br#""\'""#), None);
        assert_eq!(un(br#"'\"'"#), None);
        assert_eq!(un(br#""\400""#), None);
        assert_eq!(un(br#""\ud800""#), None);
        assert_eq!(un(b"\"a\nb\""), None);
        assert_eq!(un(b"\"abc"), None);
        assert_eq!(un(b"\"a\"b"), None);
        assert_eq!(un(b"abc"), None);
        assert_eq!(un(b"\""), None);
        assert_eq!(un(br#""\"""#), Some(b"\"".to_vec()));
        assert_eq!(un(br#""\q""#), None);
    }

    #[test]
    fn unquote_char_reports_value_multibyte_and_tail() {
        let u = unquote_char(br"\u00e9rest", b'"').expect("valid");
        assert_eq!((u.value, u.multibyte, u.tail), (0xe9, true, &b"rest"[..]));
        let u = unquote_char(br"\xe9", b'"').expect("valid");
        assert_eq!((u.value, u.multibyte), (0xe9, false));
        let u = unquote_char("é!".as_bytes(), b'"').expect("valid");
        assert_eq!((u.value, u.multibyte, u.tail), (0xe9, true, &b"!"[..]));
        assert_eq!(unquote_char(b"\"", b'"'), None);
        let u = unquote_char(b"\"", b'`').expect("a quote outside its literal kind");
        assert_eq!(u.value, 34);
        assert_eq!(unquote_char(b"", b'"'), None);
        assert_eq!(unquote_char(br"\", b'"'), None);
        assert_eq!(unquote_char(br"\'", b'"'), None);
    }
}
