//! Go's `strings` and `strconv.Atoi` on byte strings, as Go 1.19's `strings/strings.go` and
//! `strconv/atoi.go` compute them: searches and joins work on bytes; case mapping and
//! `Split(s, "")` read runes (an invalid byte is a one-byte U+FFFD).

use crate::gostr::{decode_rune, push_rune, runes, RUNE_ERROR};
use crate::rt::unicode::{self, Case};

/// `strings.Contains` (also the search behind `Split`): the first index of `sep` in `s`.
pub fn index(s: &[u8], sep: &[u8]) -> Option<usize> {
    if sep.is_empty() {
        return Some(0);
    }
    s.windows(sep.len()).position(|w| w == sep)
}

/// `strings.Split(s, sep)`: with an empty `sep`, one piece per rune (Go's `explode`: an
/// invalid byte becomes a piece `"\uFFFD"`).
pub fn split(s: &[u8], sep: &[u8]) -> Vec<Vec<u8>> {
    if sep.is_empty() {
        return runes(s)
            .map(|(i, r)| {
                if r == RUNE_ERROR {
                    "\u{FFFD}".as_bytes().to_vec()
                } else {
                    s[i..i + decode_rune(&s[i..]).1].to_vec()
                }
            })
            .collect();
    }
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = index(rest, sep) {
        out.push(rest[..i].to_vec());
        rest = &rest[i + sep.len()..];
    }
    out.push(rest.to_vec());
    out
}

/// `strings.Join(elems, sep)`.
pub fn join(elems: &[&[u8]], sep: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, e) in elems.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(e);
    }
    out
}

/// `strings.ToUpper` (`upper`) and `strings.ToLower`: ASCII strings byte by byte, others rune
/// by rune through `strings.Map` of `unicode.ToUpper` (Go's simple case mapping: `ß` stays
/// `ß`), which writes an invalid byte as U+FFFD.
pub fn map_case(s: &[u8], upper: bool) -> Vec<u8> {
    if s.is_ascii() {
        return if upper {
            s.to_ascii_uppercase()
        } else {
            s.to_ascii_lowercase()
        };
    }
    let case = if upper { Case::Upper } else { Case::Lower };
    let mut out = Vec::with_capacity(s.len());
    for (_, r) in runes(s) {
        push_rune(&mut out, unicode::to(case, i64::from(r)));
    }
    out
}

/// Why `strconv.Atoi` failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AtoiError {
    /// `invalid syntax` (the result is 0).
    Syntax,
    /// `value out of range` (the result is the nearest 64-bit limit).
    Range(i64),
}

/// `strconv.Atoi` on a 64-bit platform: an optional sign, then decimal digits only.
pub fn atoi(s: &[u8]) -> Result<i64, AtoiError> {
    let (neg, digits) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return Err(AtoiError::Syntax);
    }
    let mut v: i128 = 0;
    for d in digits {
        v = (v * 10 + i128::from(d - b'0')).min(i128::from(u64::MAX));
    }
    let v = if neg { -v } else { v };
    i64::try_from(v).map_err(|_| AtoiError::Range(if neg { i64::MIN } else { i64::MAX }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_and_case_read_invalid_bytes_as_go_does() {
        let pieces: Vec<Vec<u8>> = ["a", "\u{FFFD}", "é"].map(|p| p.as_bytes().to_vec()).into();
        assert_eq!(split(b"a\xff\xc3\xa9", b""), pieces);
        assert_eq!(
            split(b"a,b,", b","),
            vec![b"a".to_vec(), b"b".to_vec(), Vec::new()]
        );
        assert_eq!(map_case(b"ab\xff", true), b"AB\xef\xbf\xbd".to_vec());
        assert_eq!(
            map_case(b"ab\xff\xc3", true),
            "AB\u{FFFD}\u{FFFD}".as_bytes()
        );
        assert_eq!(map_case(b"ab", true), b"AB".to_vec());
        assert_eq!(map_case("éß".as_bytes(), true), "Éß".as_bytes());
    }

    #[test]
    fn atoi_like_go() {
        assert_eq!(atoi(b"+12"), Ok(12));
        assert_eq!(atoi(b"-9223372036854775808"), Ok(i64::MIN));
        assert_eq!(
            atoi(b"9223372036854775808"),
            Err(AtoiError::Range(i64::MAX))
        );
        assert_eq!(atoi(b"1_0"), Err(AtoiError::Syntax));
        assert_eq!(atoi(b"+"), Err(AtoiError::Syntax));
        assert_eq!(atoi(b" 1"), Err(AtoiError::Syntax));
    }
}
