//! `time.ParseDuration` as Go 1.19's `time/format.go`: a possibly signed sequence of decimal
//! numbers, each with an optional fraction and a unit (`ns`, `us`, `µs`, `μs`, `ms`, `s`, `m`,
//! `h`), accumulated in a `uint64` with Go's overflow checks (a fraction through `float64`, so
//! `1.0000000001h` rounds as Go's does), and Go's error messages with the `time` package's
//! own `quote` (not `strconv.Quote`: every byte of a non-ASCII or control rune as `\xNN`).

/// A unit's length in nanoseconds (Go's `unitMap`).
fn unit(u: &[u8]) -> Option<u64> {
    Some(match u {
        b"ns" => 1,
        // `µs` (U+00B5, the micro sign) and `μs` (U+03BC, the Greek letter mu).
        b"us" | b"\xc2\xb5s" | b"\xce\xbcs" => 1_000,
        b"ms" => 1_000_000,
        b"s" => 1_000_000_000,
        b"m" => 60_000_000_000,
        b"h" => 3_600_000_000_000,
        _ => return None,
    })
}

/// The `time` package's `quote`: `"` + `s` + `"`, with `"` and `\` escaped and each byte of a
/// rune below U+0020 or above U+007F as `\xNN` (an invalid byte alone, an encoded U+FFFD as
/// its three bytes).
pub fn quote(s: &[u8]) -> Vec<u8> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = vec![b'"'];
    let mut i = 0;
    while i < s.len() {
        let (r, width) = crate::gostr::decode_rune(&s[i..]);
        if !(0x20..0x80).contains(&r) {
            for &b in &s[i..i + width] {
                out.extend_from_slice(&[
                    b'\\',
                    b'x',
                    HEX[usize::from(b >> 4)],
                    HEX[usize::from(b & 15)],
                ]);
            }
        } else {
            if r == u32::from(b'"') || r == u32::from(b'\\') {
                out.push(b'\\');
            }
            out.push(s[i]);
        }
        i += width;
    }
    out.push(b'"');
    out
}

/// `time: invalid duration "…"`.
fn invalid(orig: &[u8]) -> Vec<u8> {
    let mut m = b"time: invalid duration ".to_vec();
    m.extend(quote(orig));
    m
}

/// The leading `[0-9]*` of `s` as Go's `leadingInt`: the value and the rest, `None` past
/// 2^63.
fn leading_int(s: &[u8]) -> Option<(u64, &[u8])> {
    let mut x: u64 = 0;
    let mut i = 0;
    while let Some(&c) = s.get(i).filter(|c| c.is_ascii_digit()) {
        if x > (1 << 63) / 10 {
            return None;
        }
        x = x * 10 + u64::from(c - b'0');
        if x > 1 << 63 {
            return None;
        }
        i += 1;
    }
    Some((x, &s[i..]))
}

/// The leading `[0-9]*` of a fraction as Go's `leadingFraction`: its digits as an integer
/// (stopping before it would pass 2^63), the power of ten it is scaled by, and the rest.
fn leading_fraction(s: &[u8]) -> (u64, f64, &[u8]) {
    let (mut x, mut scale, mut overflow) = (0u64, 1f64, false);
    let mut i = 0;
    while let Some(&c) = s.get(i).filter(|c| c.is_ascii_digit()) {
        i += 1;
        if overflow {
            continue;
        }
        if x > ((1u64 << 63) - 1) / 10 {
            overflow = true;
            continue;
        }
        let y = x * 10 + u64::from(c - b'0');
        if y > 1 << 63 {
            overflow = true;
            continue;
        }
        x = y;
        scale *= 10.0;
    }
    (x, scale, &s[i..])
}

/// `time.ParseDuration(s)`: the duration in nanoseconds, or Go's error message.
pub fn parse_duration(orig: &[u8]) -> Result<i64, Vec<u8>> {
    let mut s = orig;
    let mut d: u64 = 0;
    let mut neg = false;
    if let Some(&c @ (b'-' | b'+')) = s.first() {
        neg = c == b'-';
        s = &s[1..];
    }
    if s == b"0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err(invalid(orig));
    }
    while let Some(&c) = s.first() {
        if !(c == b'.' || c.is_ascii_digit()) {
            return Err(invalid(orig));
        }
        let before = s.len();
        let Some((mut v, rest)) = leading_int(s) else {
            return Err(invalid(orig));
        };
        s = rest;
        let pre = before != s.len();
        let (mut f, mut scale, mut post) = (0u64, 1f64, false);
        if s.first() == Some(&b'.') {
            s = &s[1..];
            let before = s.len();
            (f, scale, s) = leading_fraction(s);
            post = before != s.len();
        }
        if !pre && !post {
            return Err(invalid(orig));
        }
        let i = s
            .iter()
            .position(|&c| c == b'.' || c.is_ascii_digit())
            .unwrap_or(s.len());
        if i == 0 {
            let mut m = b"time: missing unit in duration ".to_vec();
            m.extend(quote(orig));
            return Err(m);
        }
        let u = &s[..i];
        s = &s[i..];
        let Some(unit) = unit(u) else {
            let mut m = b"time: unknown unit ".to_vec();
            m.extend(quote(u));
            m.extend_from_slice(b" in duration ");
            m.extend(quote(orig));
            return Err(m);
        };
        if v > (1 << 63) / unit {
            return Err(invalid(orig));
        }
        v *= unit;
        if f > 0 {
            // Go's `uint64(float64(f) * (float64(unit) / scale))`: below 3.6e12, exact in a
            // float64's conversion.
            v += (f as f64 * (unit as f64 / scale)) as u64;
            if v > 1 << 63 {
                return Err(invalid(orig));
            }
        }
        d = d.wrapping_add(v);
        if d > 1 << 63 {
            return Err(invalid(orig));
        }
    }
    if neg {
        return Ok((d as i64).wrapping_neg());
    }
    i64::try_from(d).map_err(|_| invalid(orig))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<i64, String> {
        parse_duration(s.as_bytes()).map_err(|m| String::from_utf8_lossy(&m).into_owned())
    }

    /// Values and messages Go 1.19 gave (`go run`).
    #[test]
    fn parses_as_go() {
        assert_eq!(parse("1h2m3.5s"), Ok(3_723_500_000_000));
        assert_eq!(parse("-1.5h"), Ok(-5_400_000_000_000));
        assert_eq!(parse("+.5ms"), Ok(500_000));
        assert_eq!(parse("1.s"), Ok(1_000_000_000));
        assert_eq!(parse("-0"), Ok(0));
        assert_eq!(parse("0"), Ok(0));
        assert_eq!(parse("1µs2μs3us4ns"), Ok(6_004));
        assert_eq!(parse("9223372036854775807ns"), Ok(i64::MAX));
        assert_eq!(parse("-9223372036854775808ns"), Ok(i64::MIN));
        assert_eq!(parse("1.0000000001h"), Ok(3_600_000_000_360));
        assert_eq!(parse("0.1234567890123456789012s"), Ok(123_456_789));
        assert_eq!(
            parse("9223372036854775808ns"),
            Err(r#"time: invalid duration "9223372036854775808ns""#.into())
        );
        assert_eq!(
            parse("3000000h"),
            Err(r#"time: invalid duration "3000000h""#.into())
        );
        assert_eq!(parse(""), Err(r#"time: invalid duration """#.into()));
        assert_eq!(parse("-"), Err(r#"time: invalid duration "-""#.into()));
        assert_eq!(parse(".s"), Err(r#"time: invalid duration ".s""#.into()));
        assert_eq!(
            parse("1"),
            Err(r#"time: missing unit in duration "1""#.into())
        );
        assert_eq!(
            parse("1x"),
            Err(r#"time: unknown unit "x" in duration "1x""#.into())
        );
        assert_eq!(
            parse("1sec"),
            Err(r#"time: unknown unit "sec" in duration "1sec""#.into())
        );
        assert_eq!(parse("s"), Err(r#"time: invalid duration "s""#.into()));
        assert_eq!(
            parse("1é\t\"\\"),
            Err(r#"time: unknown unit "\xc3\xa9\x09\"\\" in duration "1\xc3\xa9\x09\"\\""#.into())
        );
    }

    #[test]
    fn quotes_invalid_bytes_and_encoded_replacement_char() {
        assert_eq!(
            quote(b"a\xffb\xef\xbf\xbd"),
            br#""a\xffb\xef\xbf\xbd""#.to_vec()
        );
    }
}
