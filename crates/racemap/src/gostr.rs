//! Go strings: immutable byte strings ([`GoString`]), and Go's `unicode/utf8` decoding rules
//! over them. A Go string may hold any bytes (`"\xff"`, `s[:1]` of `"é"`); only `range`,
//! conversions to `[]rune` and printing read it as UTF-8, and they read an invalid byte as
//! U+FFFD one byte wide. A leaf: it uses nothing of racemap.

use std::borrow::Cow;
use std::fmt;
use std::rc::Rc;

/// `utf8.RuneError`, what an invalid byte decodes to.
pub const RUNE_ERROR: u32 = 0xFFFD;

/// A Go `string`: immutable bytes, shared on clone (a clone is a reference-count increment, so
/// a machine holding many strings clones as cheaply as before). Compared, ordered and hashed
/// byte-wise, as Go compares strings.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct GoString(
    // Invariant: never mutated (shared by every clone); any bytes, UTF-8 or not.
    Rc<[u8]>,
);

impl GoString {
    /// The string holding these bytes.
    pub fn from_bytes(b: &[u8]) -> GoString {
        GoString(Rc::from(b))
    }

    /// Its bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// `len(s)`: the number of bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// `s == ""`.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The text for a display that needs UTF-8 (the page, JSON, diagnostics): each invalid
    /// byte becomes U+FFFD. Borrowed when the bytes are valid UTF-8.
    pub fn to_lossy(&self) -> Cow<'_, str> {
        String::from_utf8_lossy(&self.0)
    }

    /// `s + t`.
    pub fn concat(&self, other: &GoString) -> GoString {
        let mut v = Vec::with_capacity(self.len() + other.len());
        v.extend_from_slice(&self.0);
        v.extend_from_slice(&other.0);
        GoString::from(v)
    }

    /// The runes of `for i, r := range s`: (byte offset, rune), invalid bytes as U+FFFD.
    pub fn runes(&self) -> Runes<'_> {
        runes(&self.0)
    }
}

impl From<&str> for GoString {
    fn from(s: &str) -> GoString {
        GoString::from_bytes(s.as_bytes())
    }
}

impl From<String> for GoString {
    fn from(s: String) -> GoString {
        GoString::from(s.into_bytes())
    }
}

impl From<Vec<u8>> for GoString {
    fn from(v: Vec<u8>) -> GoString {
        GoString(Rc::from(v))
    }
}

impl fmt::Debug for GoString {
    /// Quoted like a Rust `str`'s `Debug`, an invalid byte as `\xff`, so test failures show
    /// the bytes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for chunk in self.0.utf8_chunks() {
            write!(f, "{}", chunk.valid().escape_debug())?;
            for b in chunk.invalid() {
                write!(f, "\\x{b:02x}")?;
            }
        }
        f.write_str("\"")
    }
}

impl fmt::Display for GoString {
    /// The lossy text ([`GoString::to_lossy`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_lossy())
    }
}

/// The runes of bytes as `range` reads them: (byte offset, rune), invalid bytes as U+FFFD.
pub fn runes(bytes: &[u8]) -> Runes<'_> {
    Runes { bytes, off: 0 }
}

/// The iterator of [`runes`].
pub struct Runes<'a> {
    /// The whole string.
    bytes: &'a [u8],
    /// Offset of the next rune.
    off: usize,
}

impl Iterator for Runes<'_> {
    type Item = (usize, u32);

    fn next(&mut self) -> Option<(usize, u32)> {
        let rest = self.bytes.get(self.off..).filter(|r| !r.is_empty())?;
        let (r, n) = decode_rune(rest);
        let at = self.off;
        self.off += n;
        Some((at, r))
    }
}

/// `utf8.DecodeRune`: the first rune of `b` and its width in bytes; an invalid or truncated
/// encoding (including surrogates and overlong forms) is (U+FFFD, 1); empty input is
/// (U+FFFD, 0).
pub fn decode_rune(b: &[u8]) -> (u32, usize) {
    let Some(&b0) = b.first() else {
        return (RUNE_ERROR, 0);
    };
    let n = match b0 {
        0x00..=0x7F => return (u32::from(b0), 1),
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return (RUNE_ERROR, 1),
    };
    match b.get(..n).and_then(|s| std::str::from_utf8(s).ok()) {
        Some(s) => (s.chars().next().map_or(RUNE_ERROR, u32::from), n),
        None => (RUNE_ERROR, 1),
    }
}

/// `utf8.RuneCount`: how many runes `range` yields (each invalid byte counts one).
pub fn rune_count(b: &[u8]) -> usize {
    runes(b).count()
}

/// The char Go's `utf8.EncodeRune` writes for a rune value: U+FFFD for negatives, surrogates
/// and values above U+10FFFF (`string(rune(-1))` is `"\uFFFD"`).
pub fn rune_char(r: i64) -> char {
    u32::try_from(r)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}')
}

/// `utf8.AppendRune`: the UTF-8 encoding of a rune value (see [`rune_char`]).
pub fn push_rune(out: &mut Vec<u8>, r: i64) {
    let mut buf = [0u8; 4];
    out.extend_from_slice(rune_char(r).encode_utf8(&mut buf).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_decodes_invalid_bytes_as_one_byte_rune_errors() {
        let s = GoString::from_bytes(b"a\xffb\xc3\xa9\xe2\x82");
        let runes: Vec<(usize, u32)> = s.runes().collect();
        assert_eq!(
            runes,
            vec![
                (0, 'a' as u32),
                (1, RUNE_ERROR),
                (2, 'b' as u32),
                (3, 0xE9),
                (5, RUNE_ERROR),
                (6, RUNE_ERROR)
            ]
        );
        assert_eq!(
            rune_count(b"\xed\xa0\x80"),
            3,
            "a surrogate is three bad bytes"
        );
    }

    #[test]
    fn strings_compare_bytewise_and_rune_values_encode_like_go() {
        assert!(GoString::from("\u{e9}") > GoString::from_bytes(b"\xc3"));
        assert_eq!(rune_char(-1), '\u{FFFD}');
        assert_eq!(rune_char(0xD800), '\u{FFFD}');
        assert_eq!(rune_char(0x11_0000), '\u{FFFD}');
        assert_eq!(
            format!("{:?}", GoString::from_bytes(b"\"a\xff\xc3\xa9\n")),
            r#""\"a\xffé\n""#
        );
    }
}
