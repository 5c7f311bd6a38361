//! `strconv.ParseFloat` as Go 1.19's `strconv/atof.go`: `special` (`inf`, `infinity`, `nan`,
//! any case, a sign before the infinities), `readFloat`'s grammar (decimal and hexadecimal
//! mantissas, `_` separators checked by `underscoreOK`, an exponent that a hexadecimal mantissa
//! must have), then the value correctly rounded to the bit size: a decimal mantissa by Rust's
//! correctly rounding parser (Go's Eisel-Lemire and big-decimal paths give the same nearest
//! value), a hexadecimal one by a port of `atofHex`. A number too large for the size is ±Inf
//! with `ErrRange`; anything else malformed is 0 with `ErrSyntax`.

use crate::rt::parse_int::NumError;

fn lower(c: u8) -> u8 {
    c | 0x20
}

/// Go's `special`: an infinity or NaN at the start of `s`, and its length.
fn special(s: &[u8]) -> Option<(f64, usize)> {
    let (sign, nsign, rest) = match s.first()? {
        b'+' => (1.0, 1, &s[1..]),
        b'-' => (-1.0, 1, &s[1..]),
        b'i' | b'I' => (1.0, 0, s),
        b'n' | b'N' => {
            return (common_prefix_ignore_case(s, b"nan") == 3).then_some((f64::NAN, 3));
        }
        _ => return None,
    };
    let mut n = common_prefix_ignore_case(rest, b"infinity");
    if 3 < n && n < 8 {
        n = 3;
    }
    (n == 3 || n == 8).then_some((sign * f64::INFINITY, nsign + n))
}

fn common_prefix_ignore_case(s: &[u8], prefix: &[u8]) -> usize {
    s.iter()
        .zip(prefix)
        .take_while(|(c, p)| lower(**c) == **p)
        .count()
}

/// What Go's `readFloat` reads at the start of `s`.
struct Read {
    mantissa: u64,
    exp: i64,
    neg: bool,
    trunc: bool,
    hex: bool,
    /// Bytes read.
    n: usize,
}

/// Go's `readFloat`: `None` where it returns `ok == false`.
fn read_float(s: &[u8]) -> Option<Read> {
    let mut i = 0;
    let mut underscores = false;
    let mut neg = false;
    match s.first()? {
        b'+' => i += 1,
        b'-' => {
            neg = true;
            i += 1;
        }
        _ => {}
    }
    let (mut base, mut max_mant_digits, mut exp_char, mut hex) = (10u64, 19, b'e', false);
    if i + 2 < s.len() && s[i] == b'0' && lower(s[i + 1]) == b'x' {
        (base, max_mant_digits, exp_char, hex) = (16, 16, b'p', true);
        i += 2;
    }
    let (mut sawdot, mut sawdigits) = (false, false);
    let (mut nd, mut nd_mant, mut dp) = (0i64, 0i64, 0i64);
    let (mut mantissa, mut trunc) = (0u64, false);
    while i < s.len() {
        let c = s[i];
        if c == b'_' {
            underscores = true;
        } else if c == b'.' {
            if sawdot {
                break;
            }
            sawdot = true;
            dp = nd;
        } else if c.is_ascii_digit() {
            sawdigits = true;
            if c == b'0' && nd == 0 {
                dp -= 1;
            } else {
                nd += 1;
                if nd_mant < max_mant_digits {
                    mantissa = mantissa * base + u64::from(c - b'0');
                    nd_mant += 1;
                } else if c != b'0' {
                    trunc = true;
                }
            }
        } else if base == 16 && (b'a'..=b'f').contains(&lower(c)) {
            sawdigits = true;
            nd += 1;
            if nd_mant < max_mant_digits {
                mantissa = mantissa * 16 + u64::from(lower(c) - b'a' + 10);
                nd_mant += 1;
            } else {
                trunc = true;
            }
        } else {
            break;
        }
        i += 1;
    }
    if !sawdigits {
        return None;
    }
    if !sawdot {
        dp = nd;
    }
    if base == 16 {
        dp *= 4;
        nd_mant *= 4;
    }
    if i < s.len() && lower(s[i]) == exp_char {
        i += 1;
        let mut esign = 1;
        match s.get(i)? {
            b'+' => i += 1,
            b'-' => {
                i += 1;
                esign = -1;
            }
            _ => {}
        }
        if !s.get(i)?.is_ascii_digit() {
            return None;
        }
        let mut e = 0i64;
        while i < s.len() && (s[i].is_ascii_digit() || s[i] == b'_') {
            if s[i] == b'_' {
                underscores = true;
            } else if e < 10000 {
                e = e * 10 + i64::from(s[i] - b'0');
            }
            i += 1;
        }
        dp += e * esign;
    } else if base == 16 {
        return None;
    }
    let exp = if mantissa != 0 { dp - nd_mant } else { 0 };
    if underscores && !underscore_ok(&s[..i]) {
        return None;
    }
    Some(Read {
        mantissa,
        exp,
        neg,
        trunc,
        hex,
        n: i,
    })
}

/// Go's `underscoreOK`: every `_` sits between digits (a base prefix counts as one).
fn underscore_ok(s: &[u8]) -> bool {
    let mut saw = b'^';
    let s = match s.first() {
        Some(b'-' | b'+') => &s[1..],
        _ => s,
    };
    let mut i = 0;
    let mut hex = false;
    if s.len() >= 2 && s[0] == b'0' && matches!(lower(s[1]), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = lower(s[1]) == b'x';
    }
    while i < s.len() {
        let c = s[i];
        i += 1;
        if c.is_ascii_digit() || hex && (b'a'..=b'f').contains(&lower(c)) {
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

/// Go's `atofHex`: the hexadecimal mantissa `m * 2^exp` rounded to the float of `mantbits`
/// and `expbits` (bias `bias`); whether it overflowed.
fn atof_hex(r: &Read, mantbits: u32, expbits: u32, bias: i64) -> (f64, bool) {
    let max_exp = (1i64 << expbits) + bias - 2;
    let min_exp = bias + 1;
    let (mut mantissa, mut exp) = (r.mantissa, r.exp + i64::from(mantbits));
    while mantissa != 0 && mantissa >> (mantbits + 2) == 0 {
        mantissa <<= 1;
        exp -= 1;
    }
    if r.trunc {
        mantissa |= 1;
    }
    while mantissa >> (1 + mantbits + 2) != 0 {
        mantissa = mantissa >> 1 | mantissa & 1;
        exp += 1;
    }
    while mantissa > 1 && exp < min_exp - 2 {
        mantissa = mantissa >> 1 | mantissa & 1;
        exp += 1;
    }
    let mut round = mantissa & 3;
    mantissa >>= 2;
    round |= mantissa & 1;
    exp += 2;
    if round == 3 {
        mantissa += 1;
        if mantissa == 1 << (1 + mantbits) {
            mantissa >>= 1;
            exp += 1;
        }
    }
    if mantissa >> mantbits == 0 {
        exp = bias;
    }
    let overflow = exp > max_exp;
    if overflow {
        mantissa = 1 << mantbits;
        exp = max_exp + 1;
    }
    let mut bits = mantissa & ((1 << mantbits) - 1);
    bits |= (((exp - bias) as u64) & ((1 << expbits) - 1)) << mantbits;
    if r.neg {
        bits |= 1 << mantbits << expbits;
    }
    let v = if mantbits == 23 {
        f64::from(f32::from_bits(bits as u32))
    } else {
        f64::from_bits(bits)
    };
    (v, overflow)
}

/// `strconv.ParseFloat(s, bitSize)`: the value, or the value Go returns with the error's kind
/// (0 and `Syntax`; ±Inf and `Range`). A bit size other than 32 is 64, as in Go.
pub fn parse_float(s: &[u8], bit_size: i64) -> Result<f64, (f64, NumError)> {
    let single = bit_size == 32;
    let (value, n, overflow) = if let Some((v, n)) = special(s) {
        (v, n, false)
    } else {
        let r = read_float(s).ok_or((0.0, NumError::Syntax))?;
        if r.hex {
            let (v, overflow) = if single {
                atof_hex(&r, 23, 8, -127)
            } else {
                atof_hex(&r, 52, 11, -1023)
            };
            (v, r.n, overflow)
        } else {
            let digits: String = s[..r.n]
                .iter()
                .filter(|&&c| c != b'_')
                .map(|&c| char::from(c))
                .collect();
            let v = if single {
                digits.parse::<f32>().map(f64::from)
            } else {
                digits.parse::<f64>()
            }
            .map_err(|_| (0.0, NumError::Syntax))?;
            (v, r.n, v.is_infinite())
        }
    };
    if n != s.len() {
        return Err((0.0, NumError::Syntax));
    }
    if overflow {
        return Err((value, NumError::Range));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str, size: i64) -> f64 {
        parse_float(s.as_bytes(), size).unwrap_or_else(|e| panic!("{s}: {e:?}"))
    }

    #[test]
    fn parses_as_go() {
        assert_eq!(ok("1.5", 64), 1.5);
        assert_eq!(ok("-0", 64).to_bits(), (-0.0f64).to_bits());
        assert_eq!(ok("1_000.5", 64), 1000.5);
        assert_eq!(ok("0x1.8p1", 64), 3.0);
        assert_eq!(ok("0x_1p-2", 64), 0.25);
        assert_eq!(ok("+Inf", 64), f64::INFINITY);
        assert_eq!(ok("-infinity", 64), f64::NEG_INFINITY);
        assert!(ok("NaN", 64).is_nan());
        assert_eq!(ok("0.1", 32), f64::from(0.1f32));
        assert_eq!(ok(".5e1", 64), 5.0);
        assert_eq!(ok("1e-400", 64), 0.0);
    }

    #[test]
    fn rejects_as_go() {
        for s in [
            "", "+", "1e", "0x1", "1__0", "_1", "1_", "+nan", "infx", "1.5.", "0x1.p", "abc",
        ] {
            assert!(
                matches!(parse_float(s.as_bytes(), 64), Err((v, NumError::Syntax)) if v == 0.0),
                "{s:?}"
            );
        }
        assert!(matches!(
            parse_float(b"1e400", 64),
            Err((v, NumError::Range)) if v == f64::INFINITY
        ));
        assert!(matches!(
            parse_float(b"-1e39", 32),
            Err((v, NumError::Range)) if v == f64::NEG_INFINITY
        ));
        assert!(matches!(
            parse_float(b"0x1p1024", 64),
            Err((v, NumError::Range)) if v == f64::INFINITY
        ));
    }
}
