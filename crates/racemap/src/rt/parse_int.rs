//! Go's `strconv.ParseInt`, `ParseUint`, `FormatInt` and `ParseBool`, as Go 1.19's `strconv/atoi.go`,
//! `itoa.go` and `atob.go` compute them: base 0 reads a `0b`/`0o`/`0x`/`0` prefix and allows
//! underscores between digits; a value out of range yields the nearest limit of `bitSize` bits;
//! errors are the text of Go's `*strconv.NumError`.

/// Why a parse failed: the `Err` of Go's `*NumError`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum NumError {
    /// `invalid syntax`
    Syntax,
    /// `value out of range`
    Range,
    /// `invalid base N`
    Base(i64),
    /// `invalid bit size N`
    BitSize(i64),
}

impl NumError {
    /// The text of the `NumError`'s `Err` (`invalid syntax`, …).
    pub fn reason(&self) -> String {
        match self {
            NumError::Syntax => "invalid syntax".to_string(),
            NumError::Range => "value out of range".to_string(),
            NumError::Base(b) => format!("invalid base {b}"),
            NumError::BitSize(b) => format!("invalid bit size {b}"),
        }
    }

    /// Go's `NumError.Error()`: `strconv.FUNC: parsing "NUM": why`.
    pub fn message(&self, func: &str, num: &[u8]) -> String {
        let why = self.reason();
        let quoted = crate::strconv::quote_with(num, '"', false);
        format!("strconv.{func}: parsing {quoted}: {why}")
    }
}

/// `strconv.ParseUint` on a sign-less `s`: the value, or the error with the value Go returns
/// beside it (the largest `bitSize`-bit value for a range error, else 0).
pub fn parse_uint(s: &[u8], base: i64, bit_size: i64) -> Result<u64, (u64, NumError)> {
    if s.is_empty() {
        return Err((0, NumError::Syntax));
    }
    let base0 = base == 0;
    let s0 = s;
    let (base, digits): (u64, &[u8]) = match base {
        2..=36 => (base as u64, s),
        0 if s[0] == b'0' => match s.get(1).map(u8::to_ascii_lowercase) {
            Some(b'b') if s.len() >= 3 => (2, &s[2..]),
            Some(b'o') if s.len() >= 3 => (8, &s[2..]),
            Some(b'x') if s.len() >= 3 => (16, &s[2..]),
            _ => (8, &s[1..]),
        },
        0 => (10, s),
        other => return Err((0, NumError::Base(other))),
    };
    let bits = match bit_size {
        0 => 64,
        1..=64 => bit_size as u32,
        other => return Err((0, NumError::BitSize(other))),
    };
    let max_val: u64 = if bits == 64 {
        u64::MAX
    } else {
        (1 << bits) - 1
    };
    let cutoff = u64::MAX / base + 1;
    let mut n: u64 = 0;
    let mut underscores = false;
    for &c in digits {
        let d = match c {
            b'_' if base0 => {
                underscores = true;
                continue;
            }
            b'0'..=b'9' => u64::from(c - b'0'),
            _ if c.to_ascii_lowercase().is_ascii_lowercase() => {
                u64::from(c.to_ascii_lowercase() - b'a') + 10
            }
            _ => return Err((0, NumError::Syntax)),
        };
        if d >= base {
            return Err((0, NumError::Syntax));
        }
        if n >= cutoff {
            return Err((max_val, NumError::Range));
        }
        n *= base;
        match n.checked_add(d) {
            Some(n1) if n1 <= max_val => n = n1,
            _ => return Err((max_val, NumError::Range)),
        }
    }
    if underscores && !underscore_ok(s0) {
        return Err((0, NumError::Syntax));
    }
    Ok(n)
}

/// Go's `underscoreOK`: underscores only separate digits (or follow a base prefix).
fn underscore_ok(s: &[u8]) -> bool {
    let mut saw = b'^';
    let mut i = 0;
    let s = match s.first() {
        Some(b'-' | b'+') => &s[1..],
        _ => s,
    };
    let mut hex = false;
    if s.len() >= 2 && s[0] == b'0' && matches!(s[1].to_ascii_lowercase(), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = s[1].eq_ignore_ascii_case(&b'x');
    }
    while i < s.len() {
        let c = s[i];
        i += 1;
        if c.is_ascii_digit() || hex && (b'a'..=b'f').contains(&c.to_ascii_lowercase()) {
            saw = b'0';
            continue;
        }
        if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
            continue;
        }
        if saw == b'_' {
            return false;
        }
        saw = b'!';
    }
    saw != b'_'
}

/// `strconv.ParseInt(s, base, bitSize)`: the value, or Go's error with the value it returns
/// beside it.
pub fn parse_int(s: &[u8], base: i64, bit_size: i64) -> Result<i64, (i64, NumError)> {
    let (neg, rest) = match s.first() {
        None => return Err((0, NumError::Syntax)),
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    let un = match parse_uint(rest, base, bit_size) {
        Ok(un) => un,
        Err((max, NumError::Range)) => max,
        Err((_, e)) => return Err((0, e)),
    };
    let bits = if bit_size == 0 { 64 } else { bit_size as u32 };
    let cutoff: u64 = 1 << (bits - 1);
    if !neg && un >= cutoff {
        return Err(((cutoff - 1) as i64, NumError::Range));
    }
    if neg && un > cutoff {
        return Err(((cutoff as i64).wrapping_neg(), NumError::Range));
    }
    let v = if neg {
        (un as i64).wrapping_neg()
    } else {
        un as i64
    };
    Ok(v)
}

/// `strconv.FormatInt(i, base)` with lower-case digits; `None` for a base outside 2..=36 (Go
/// panics `strconv: illegal AppendInt/FormatInt base`).
pub fn format_int(i: i64, base: i64) -> Option<String> {
    let digits = format_uint(i.unsigned_abs(), base)?;
    Some(if i < 0 { format!("-{digits}") } else { digits })
}

/// `strconv.FormatUint(u, base)`: `None` for a base outside 2..=36 (Go panics).
pub fn format_uint(mut u: u64, base: i64) -> Option<String> {
    if !(2..=36).contains(&base) {
        return None;
    }
    let base = base as u64;
    let mut digits = Vec::new();
    loop {
        let d = (u % base) as u8;
        digits.push(if d < 10 { b'0' + d } else { b'a' + d - 10 });
        u /= base;
        if u == 0 {
            break;
        }
    }
    digits.reverse();
    Some(String::from_utf8_lossy(&digits).into_owned())
}

/// `strconv.ParseBool(str)`: `None` is Go's syntax error.
pub fn parse_bool(s: &[u8]) -> Option<bool> {
    match s {
        b"1" | b"t" | b"T" | b"TRUE" | b"true" | b"True" => Some(true),
        b"0" | b"f" | b"F" | b"FALSE" | b"false" | b"False" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_int_like_go() {
        assert_eq!(parse_int(b"-0x1f", 0, 64), Ok(-31));
        assert_eq!(parse_int(b"0b101", 0, 8), Ok(5));
        assert_eq!(parse_int(b"017", 0, 64), Ok(15));
        assert_eq!(parse_int(b"1_000", 0, 64), Ok(1000));
        assert_eq!(parse_int(b"1__0", 0, 64), Err((0, NumError::Syntax)));
        assert_eq!(parse_int(b"1_000", 10, 64), Err((0, NumError::Syntax)));
        assert_eq!(parse_int(b"128", 10, 8), Err((127, NumError::Range)));
        assert_eq!(parse_int(b"-129", 10, 8), Err((-128, NumError::Range)));
        assert_eq!(parse_int(b"-128", 10, 8), Ok(-128));
        assert_eq!(parse_int(b"-9223372036854775808", 10, 64), Ok(i64::MIN));
        assert_eq!(parse_int(b"12", 1, 64), Err((0, NumError::Base(1))));
        assert_eq!(parse_int(b"12", 10, 65), Err((0, NumError::BitSize(65))));
        assert_eq!(parse_int(b"-", 10, 64), Err((0, NumError::Syntax)));
        assert_eq!(
            NumError::Range.message("ParseInt", b"128"),
            r#"strconv.ParseInt: parsing "128": value out of range"#
        );
    }

    #[test]
    fn format_int_like_go() {
        assert_eq!(format_int(-255, 16).as_deref(), Some("-ff"));
        assert_eq!(format_int(i64::MIN, 2).map(|s| s.len()), Some(65));
        assert_eq!(format_int(35, 36).as_deref(), Some("z"));
        assert_eq!(format_int(1, 37), None);
    }
}
