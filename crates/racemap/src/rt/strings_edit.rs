//! More of Go's `strings` on byte strings, as Go 1.19's `strings/strings.go` computes them:
//! searching (`Index`, `LastIndex`, `IndexByte`, `IndexRune`, `Count`), trimming (`Trim*`,
//! `TrimSpace`, `Fields` with `unicode.IsSpace`), `Replace` and `EqualFold`. Searches work on
//! bytes; cutsets, `Fields` and empty-pattern cases read runes (an invalid byte is a one-byte
//! U+FFFD, which is not a space).

use crate::gostr::{decode_rune, push_rune, rune_count, runes, RUNE_ERROR};
use crate::rt::strings::index;
use crate::rt::unicode::{self, Case};

/// `unicode.IsSpace`: Go's white space (Latin-1 spaces and the Unicode `Z` and pattern
/// white-space characters).
pub fn is_space(r: u32) -> bool {
    matches!(
        r,
        0x09..=0x0D | 0x20 | 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F
            | 0x205F | 0x3000
    )
}

/// `strings.LastIndex(s, substr)`: with an empty `substr`, `len(s)`.
pub fn last_index(s: &[u8], sep: &[u8]) -> Option<usize> {
    if sep.is_empty() {
        return Some(s.len());
    }
    s.windows(sep.len()).rposition(|w| w == sep)
}

/// `strings.IndexRune(s, r)`: the byte index of the first rune `r`; U+FFFD also matches an
/// invalid byte, and an invalid rune value matches nothing.
pub fn index_rune(s: &[u8], r: i64) -> Option<usize> {
    let r = u32::try_from(r)
        .ok()
        .filter(|&r| char::from_u32(r).is_some())?;
    runes(s).find(|&(_, c)| c == r).map(|(i, _)| i)
}

/// `strings.Count(s, substr)`: non-overlapping occurrences; an empty `substr` counts
/// `RuneCount(s) + 1`.
pub fn count(s: &[u8], sep: &[u8]) -> usize {
    if sep.is_empty() {
        return rune_count(s) + 1;
    }
    let (mut n, mut rest) = (0, s);
    while let Some(i) = index(rest, sep) {
        n += 1;
        rest = &rest[i + sep.len()..];
    }
    n
}

/// Go's `genSplit(s, sep, sepSave, n)` behind `SplitN` and `SplitAfter`: at most `n` pieces
/// (all for `n < 0`; `None`, a nil slice, for `n == 0`), each keeping `sep_save` bytes of its
/// separator; an empty `sep` splits into runes (Go's `explode`, an invalid byte as U+FFFD),
/// the last piece holding the rest.
pub fn gen_split(s: &[u8], sep: &[u8], sep_save: usize, n: i64) -> Option<Vec<Vec<u8>>> {
    if n == 0 {
        return None;
    }
    if sep.is_empty() {
        let l = rune_count(s);
        let n = if n < 0 || n as usize > l {
            l
        } else {
            n as usize
        };
        let mut out = Vec::with_capacity(n);
        let mut rest = s;
        for _ in 1..n {
            let (r, size) = decode_rune(rest);
            out.push(if r == RUNE_ERROR {
                "\u{FFFD}".as_bytes().to_vec()
            } else {
                rest[..size].to_vec()
            });
            rest = &rest[size..];
        }
        if n > 0 {
            out.push(rest.to_vec());
        }
        return Some(out);
    }
    let n = if n < 0 { count(s, sep) + 1 } else { n as usize };
    let n = n.min(s.len() + 1);
    let mut out = Vec::with_capacity(n);
    let mut rest = s;
    while out.len() + 1 < n {
        let Some(m) = index(rest, sep) else { break };
        out.push(rest[..m + sep_save].to_vec());
        rest = &rest[m + sep.len()..];
    }
    out.push(rest.to_vec());
    Some(out)
}

/// `strings.IndexAny(s, chars)`: the byte index of the first rune of `s` that is in `chars`
/// (as `IndexRune(chars, r)` finds it: an invalid byte of `s` is U+FFFD, which matches an
/// invalid byte or a U+FFFD of `chars`); a one-byte `chars` above ASCII stands for U+FFFD.
pub fn index_any(s: &[u8], chars: &[u8]) -> Option<usize> {
    match chars {
        [] => None,
        [c] => index_rune(
            s,
            if *c >= 0x80 {
                i64::from(RUNE_ERROR)
            } else {
                i64::from(*c)
            },
        ),
        _ => runes(s)
            .find(|&(_, r)| index_rune(chars, i64::from(r)).is_some())
            .map(|(i, _)| i),
    }
}

/// `strings.Fields(s)`: the runs of non-space runes.
pub fn fields(s: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, r) in runes(s) {
        match (is_space(r), start) {
            (true, Some(from)) => {
                out.push(s[from..i].to_vec());
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(from) = start {
        out.push(s[from..].to_vec());
    }
    out
}

/// `strings.TrimFunc`-style trimming: drops leading (`left`) and trailing (`right`) runes
/// for which `cut` holds.
fn trim_by(s: &[u8], left: bool, right: bool, cut: impl Fn(u32) -> bool) -> &[u8] {
    let mut s = s;
    if left {
        while !s.is_empty() {
            let (r, n) = decode_rune(s);
            if !cut(r) {
                break;
            }
            s = &s[n..];
        }
    }
    if right {
        while !s.is_empty() {
            let (r, n) = last_rune(s);
            if !cut(r) {
                break;
            }
            s = &s[..s.len() - n];
        }
    }
    s
}

/// `utf8.DecodeLastRune`: the last rune of a non-empty `s` and its width.
pub fn last_rune(s: &[u8]) -> (u32, usize) {
    let start = s.len().saturating_sub(4);
    for from in start..s.len() {
        let (r, n) = decode_rune(&s[from..]);
        if from + n == s.len() && (r != RUNE_ERROR || n > 1) {
            return (r, n);
        }
    }
    (RUNE_ERROR, 1)
}

/// `strings.TrimSpace(s)`.
pub fn trim_space(s: &[u8]) -> &[u8] {
    trim_by(s, true, true, is_space)
}

/// `strings.Trim`, `TrimLeft` and `TrimRight`: drops the runes of `cutset` from the chosen
/// ends (a cutset's invalid byte is U+FFFD, as Go's `ContainsRune` reads it).
pub fn trim<'s>(s: &'s [u8], cutset: &[u8], left: bool, right: bool) -> &'s [u8] {
    if s.is_empty() || cutset.is_empty() {
        return s;
    }
    let set: Vec<u32> = runes(cutset).map(|(_, r)| r).collect();
    trim_by(s, left, right, |r| set.contains(&r))
}

/// `strings.Replace(s, old, new, n)`: the first `n` non-overlapping `old`s (all when `n < 0`)
/// become `new`; an empty `old` matches at the start and after each rune.
pub fn replace(s: &[u8], old: &[u8], new: &[u8], n: i64) -> Vec<u8> {
    let matches = if old.is_empty() {
        rune_count(s) as i64 + 1
    } else {
        count(s, old) as i64
    };
    let n = if n < 0 || n > matches { matches } else { n };
    if old == new || n == 0 {
        return s.to_vec();
    }
    let mut out = Vec::with_capacity(s.len());
    let mut start = 0;
    for i in 0..n {
        let j = if old.is_empty() {
            if i > 0 {
                start + decode_rune(&s[start..]).1
            } else {
                start
            }
        } else {
            start + index(&s[start..], old).unwrap_or(0)
        };
        out.extend_from_slice(&s[start..j]);
        out.extend_from_slice(new);
        start = j + old.len();
    }
    out.extend_from_slice(&s[start.min(s.len())..]);
    out
}

/// `strings.EqualFold(s, t)`: equal under simple Unicode case folding (each rune compared
/// through its one-rune lower and upper case: `K` matches the Kelvin sign, `σ` matches `Σ`).
pub fn equal_fold(s: &[u8], t: &[u8]) -> bool {
    let fold = |r: u32| {
        let r = i64::from(r);
        (unicode::to(Case::Lower, r), unicode::to(Case::Upper, r))
    };
    let same = |x: u32, y: u32| {
        let ((xl, xu), (yl, yu)) = (fold(x), fold(y));
        x == y || xl == yl || xu == yu
    };
    let (mut a, mut b) = (runes(s), runes(t));
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some((_, x)), Some((_, y))) => {
                if !same(x, y) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// `strings.Title(s)`: Go 1.19's `Map` of `unicode.ToTitle` over the runes that follow a
/// separator (`isSeparator`: an ASCII byte other than a letter, digit or `_`, or a non-ASCII
/// space; the string starts after one). An invalid byte is the rune U+FFFD, written as such,
/// as `Map` writes it.
pub fn title(s: &[u8]) -> Vec<u8> {
    let is_separator = |r: u32| match r {
        0..=0x7F => !(r as u8).is_ascii_alphanumeric() && r != u32::from(b'_'),
        _ => is_space(r),
    };
    let mut out = Vec::with_capacity(s.len());
    let mut prev = u32::from(b' ');
    for (_, r) in runes(s) {
        let mapped = if is_separator(prev) { to_title(r) } else { r };
        prev = r;
        push_rune(&mut out, i64::from(mapped));
    }
    out
}

/// `unicode.ToTitle(r)`.
fn to_title(r: u32) -> u32 {
    u32::try_from(unicode::to(Case::Title, i64::from(r))).unwrap_or(r)
}

/// `strings.FieldsFunc(s, f)` given `flags`, one byte per rune of `s` (non-zero: `f` held for
/// it): Go 1.19's spans between the runes `f` holds for. Missing flags count as false.
pub fn fields_by_flags(s: &[u8], flags: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut start = None;
    for (k, (i, _)) in runes(s).enumerate() {
        match (flags.get(k).is_some_and(|&f| f != 0), start) {
            (true, Some(from)) => {
                out.push(s[from..i].to_vec());
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(from) = start {
        out.push(s[from..].to_vec());
    }
    out
}

/// The UTF-8 bytes of a rune value (U+FFFD for an invalid one).
pub fn rune_bytes(r: i64) -> Vec<u8> {
    let mut out = Vec::new();
    push_rune(&mut out, r);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gen_split_and_index_any_as_go() {
        let v = |parts: &[&str]| Some(parts.iter().map(|p| p.as_bytes().to_vec()).collect());
        assert_eq!(gen_split(b"a,b,c,d", b",", 0, 2), v(&["a", "b,c,d"]));
        assert_eq!(gen_split(b"a,b,c", b",", 0, -1), v(&["a", "b", "c"]));
        assert_eq!(gen_split(b"a,b", b",", 0, 0), None);
        assert_eq!(gen_split(b"a,b", b",", 1, -1), v(&["a,", "b"]));
        assert_eq!(gen_split(b"abc", b"", 0, 2), v(&["a", "bc"]));
        assert_eq!(gen_split(b"a\xffb", b"", 0, -1), v(&["a", "\u{FFFD}", "b"]));
        assert_eq!(gen_split(b"", b",", 0, -1), v(&[""]));
        assert_eq!(gen_split(b"", b"", 0, -1), v(&[]));
        assert_eq!(index_any(b"golang", b"ny"), Some(4));
        assert_eq!(index_any(b"golang", b""), None);
        assert_eq!(index_any(b"go\xff", b"\xfe"), Some(2));
        assert_eq!(
            index_any("h\u{e9}llo".as_bytes(), "x\u{e9}".as_bytes()),
            Some(1)
        );
    }

    #[test]
    fn trims_fields_and_replaces_as_go() {
        assert_eq!(trim_space(" \t hi there \n".as_bytes()), b"hi there");
        assert_eq!(trim(b"xxhixyx", b"xy", true, true), b"hi");
        assert_eq!(trim("ééaé".as_bytes(), "é".as_bytes(), true, true), b"a");
        assert_eq!(trim(b"xxhix", b"x", false, true), b"xxhi");
        assert_eq!(
            fields(b"  a b\t\nc \xff "),
            vec![
                b"a".to_vec(),
                b"b".to_vec(),
                b"c".to_vec(),
                b"\xff".to_vec()
            ]
        );
        assert_eq!(replace(b"abc", b"", b"-", -1), b"-a-b-c-");
        assert_eq!(replace("éa".as_bytes(), b"", b"-", 2), "-é-a".as_bytes());
        assert_eq!(
            replace(b"oink oink oink", b"k", b"ky", 2),
            b"oinky oinky oink"
        );
        assert_eq!(count(b"five", b""), 5);
        assert_eq!(count(b"aaaa", b"aa"), 2);
        assert_eq!(last_index(b"go gopher", b"go"), Some(3));
        assert_eq!(index_rune(b"a\xffb", 0xFFFD), Some(1));
        assert!(equal_fold("Gσ".as_bytes(), "gΣ".as_bytes()));
        assert!(equal_fold(b"K", "\u{212A}".as_bytes()));
        assert!(!equal_fold(b"a", b"ab"));
    }
}
