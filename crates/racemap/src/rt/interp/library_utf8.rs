//! `unicode/utf8`'s functions on `[]byte` (Go 1.19's `utf8.go`): `Valid`, `DecodeRune`,
//! `DecodeLastRune`, `RuneCount`, `FullRune` read the slice's bytes as the string functions
//! read a string's; `EncodeRune` and `AppendRune` are the native halves of calls lowering
//! finishes with a `copy` or an `append` (`lang/lower/lib_tail.rs`), so their writes are the
//! program's visible writes. Local computation: they push their results.

use super::*;
use crate::gostr::{decode_rune, RUNE_ERROR};

/// `utf8.FullRune`: whether `p` is not a proper prefix of a valid encoding (an empty `p` is
/// not full; an invalid first or later byte makes it full, a one-byte error).
pub(super) fn full_rune(p: &[u8]) -> bool {
    let Some(&b0) = p.first() else {
        return false;
    };
    let (size, lo, hi) = match b0 {
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xED => (3, 0x80, 0x9F),
        0xE1..=0xEF => (3, 0x80, 0xBF),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return true,
    };
    if p.len() >= size {
        return true;
    }
    let bad = |i: usize, lo: u8, hi: u8| p.get(i).is_some_and(|&b| b < lo || b > hi);
    bad(1, lo, hi) || bad(2, 0x80, 0xBF)
}

impl Machine {
    /// The bytes of the `[]byte` operand `i`.
    fn bytes_arg(&self, args: &[Value], i: usize) -> R<Vec<u8>> {
        let mut out = Vec::new();
        for v in self.elements_of(arg(args, i)?)? {
            out.push(int(&v)? as u8);
        }
        Ok(out)
    }

    /// The results of a `unicode/utf8` function on bytes, `None` when `func` is not one.
    pub(super) fn lib_utf8(&mut self, func: LibFunc, args: &[Value]) -> R<Option<Vec<Value>>> {
        let rune_width =
            |(r, n): (u32, usize)| vec![Value::Int(i64::from(r)), Value::Int(n as i64)];
        let results = match func {
            LibFunc::Utf8Valid => {
                vec![Value::Bool(
                    std::str::from_utf8(&self.bytes_arg(args, 0)?).is_ok(),
                )]
            }
            LibFunc::Utf8DecodeRuneBytes => rune_width(decode_rune(&self.bytes_arg(args, 0)?)),
            LibFunc::Utf8DecodeLastRuneBytes => rune_width(match &self.bytes_arg(args, 0)?[..] {
                [] => (RUNE_ERROR, 0),
                b => crate::rt::strings_edit::last_rune(b),
            }),
            LibFunc::Utf8RuneCountBytes => {
                let n = crate::gostr::rune_count(&self.bytes_arg(args, 0)?);
                vec![Value::Int(n as i64)]
            }
            LibFunc::Utf8FullRune => vec![Value::Bool(full_rune(&self.bytes_arg(args, 0)?))],
            LibFunc::Utf8FullRuneInString => {
                vec![Value::Bool(full_rune(string_arg(args, 0)?.as_bytes()))]
            }
            LibFunc::Utf8RuneStart => vec![Value::Bool(int(arg(args, 0)?)? as u8 & 0xC0 != 0x80)],
            LibFunc::Utf8EncodeRune | LibFunc::Utf8AppendRune => {
                let p = arg(args, 0)?.clone();
                let enc = crate::rt::strings_edit::rune_bytes(int(arg(args, 1)?)?);
                if func == LibFunc::Utf8EncodeRune {
                    // Go's `p[0] = …` or `_ = p[n-1]` before any write.
                    let len = match &p {
                        Value::Slice(Some(s)) => s.len,
                        _ => 0,
                    };
                    if (len as usize) < enc.len() {
                        let index = enc.len() as i64 - 1;
                        return Err(RtError::index_out_of_range(index, len as i64).into());
                    }
                }
                vec![p, Value::Str(GoString::from_bytes(&enc))]
            }
            _ => return self.range_table_call(func, args),
        };
        Ok(Some(results))
    }
}

#[cfg(test)]
mod tests {
    use super::full_rune;

    /// Go 1.19's `utf8.FullRune` of these prefixes.
    #[test]
    fn full_rune_as_go() {
        let cases: &[(&[u8], bool)] = &[
            (b"", false),
            (b"a", true),
            (b"\xc3", false),
            (b"\xc3\xa9", true),
            (b"\xe2\x82", false),
            (b"\xe2", false),
            (b"\xe0\x80", true),
            (b"\xed\xa0", true),
            (b"\xf0\x9f\x98", false),
            (b"\xf4\x90", true),
            (b"\xff", true),
            (b"\x80", true),
            (b"\xc0", true),
            (b"\xe2\x28", true),
        ];
        for &(p, want) in cases {
            assert_eq!(full_rune(p), want, "FullRune({p:?})");
        }
    }
}
