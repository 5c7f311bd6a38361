//! Floats as Go prints them: `strconv.FormatFloat`'s shortest and fixed-precision digits for
//! `%e %f %g` and `%v`, and the builtin `print`'s `+1.500000e+000`.

/// Decimal digits of |v| (no trailing zeros; empty for zero) and the decimal point position:
/// the value is `0.d1d2d3… × 10^dp`.
pub(super) struct Digits {
    d: Vec<u8>,
    dp: i64,
}

pub(super) fn parse_sci(s: &str) -> Digits {
    // Rust's `{:e}` form: "d.ddde±x" (no '+').
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut d: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    while d.last() == Some(&b'0') {
        d.pop();
    }
    if d.is_empty() {
        return Digits { d, dp: 0 };
    }
    Digits { d, dp: exp + 1 }
}

pub(super) fn shortest_digits(v: f64, size: u32) -> Digits {
    let digs = if size == 32 {
        parse_sci(&format!("{:e}", (v.abs()) as f32))
    } else {
        parse_sci(&format!("{:e}", v.abs()))
    };
    to_even_on_tie(v.abs(), size, digs)
}

/// Go's shortest digits when two candidates of the same length both read back as `v` and lie
/// exactly as far from it (`1.6751740823477612e+14` for 167517408234776.125): Go's Ryū rounds
/// the last digit to even, Rust's formatter up. Rust's digits are replaced by the even
/// neighbour when that neighbour reads back as `v` and the distances are exactly equal.
fn to_even_on_tie(v: f64, size: u32, digs: Digits) -> Digits {
    use num_bigint::BigInt;
    let Some(&last) = digs.d.last() else {
        return digs;
    };
    if (last - b'0').is_multiple_of(2) {
        return digs;
    }
    let mut even = digs.d.clone();
    if let Some(l) = even.last_mut() {
        *l -= 1;
    }
    let n = digs.d.len() as i64;
    let text = |d: &[u8]| format!("0.{}e{}", String::from_utf8_lossy(d), digs.dp);
    let reads_back = match size {
        32 => text(&even).parse::<f32>().ok().map(f64::from) == Some(v),
        _ => text(&even).parse::<f64>().ok() == Some(v),
    };
    if !reads_back || v == 0.0 || !v.is_finite() {
        return digs;
    }
    // v = m × 2^e exactly; the candidates are N × 10^k and (N-1) × 10^k with k = dp - n: a
    // tie is 2v = (2N - 1) × 10^k.
    let bits = v.to_bits();
    let (exp_bits, frac) = ((bits >> 52) & 0x7ff, bits & ((1u64 << 52) - 1));
    let (m, e) = if exp_bits == 0 {
        (frac, -1074i64)
    } else {
        (frac | (1u64 << 52), exp_bits as i64 - 1075)
    };
    let digits_value = |d: &[u8]| BigInt::parse_bytes(d, 10).unwrap_or_default();
    let sum = digits_value(&digs.d) + digits_value(&even);
    let k = digs.dp - n;
    let mut lhs = BigInt::from(m) * 2;
    let mut rhs = sum;
    let pow10 = |k: i64| num_traits::pow(BigInt::from(10u8), k.unsigned_abs() as usize);
    if e >= 0 {
        lhs <<= e as usize;
    } else {
        rhs <<= (-e) as usize;
    }
    if k >= 0 {
        rhs *= pow10(k);
    } else {
        lhs *= pow10(k);
    }
    if lhs == rhs {
        Digits {
            d: even,
            dp: digs.dp,
        }
    } else {
        digs
    }
}

pub(super) fn rounded_digits(v: f64, n: usize) -> Digits {
    parse_sci(&format!("{:.*e}", n.saturating_sub(1), v.abs()))
}

pub(super) fn fmt_e(out: &mut String, digs: &Digits, prec: i64, fmt: char) {
    let nd = digs.d.len() as i64;
    out.push(digs.d.first().map_or('0', |c| *c as char));
    if prec > 0 {
        out.push('.');
        let mut i = 1;
        let m = nd.min(prec + 1);
        while i < m {
            out.push(digs.d[i as usize] as char);
            i += 1;
        }
        while i <= prec {
            out.push('0');
            i += 1;
        }
    }
    out.push(fmt);
    let mut exp = if nd == 0 { 0 } else { digs.dp - 1 };
    if exp < 0 {
        out.push('-');
        exp = -exp;
    } else {
        out.push('+');
    }
    if exp < 10 {
        out.push('0');
    }
    out.push_str(&exp.to_string());
}

pub(super) fn fmt_f(out: &mut String, digs: &Digits, prec: i64) {
    let nd = digs.d.len() as i64;
    if digs.dp > 0 {
        let m = nd.min(digs.dp);
        for i in 0..m {
            out.push(digs.d[i as usize] as char);
        }
        for _ in m..digs.dp {
            out.push('0');
        }
    } else {
        out.push('0');
    }
    if prec > 0 {
        out.push('.');
        for i in 1..=prec {
            let j = digs.dp + i - 1;
            let c = if 0 <= j && j < nd {
                digs.d[j as usize] as char
            } else {
                '0'
            };
            out.push(c);
        }
    }
}

/// `strconv.FormatFloat(v, verb, prec, size)` for verbs `e E f F g G b x X`; `prec < 0` is
/// the shortest representation that reads back exactly.
pub fn format_float(v: f64, verb: char, prec: i64, size: u32) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let mut out = String::new();
    if v.is_sign_negative() {
        out.push('-');
    }
    let shortest = prec < 0;
    match verb {
        'b' | 'x' | 'X' => {
            let (mant, exp, mantbits) = binary_parts(v, size);
            if verb == 'b' {
                out.push_str(&format!("{mant}p{:+}", exp - mantbits as i64));
            } else {
                fmt_x(&mut out, prec, verb, mant, exp, mantbits);
            }
        }
        'e' | 'E' => {
            let (digs, p) = if shortest {
                let d = shortest_digits(v, size);
                let p = (d.d.len() as i64 - 1).max(0);
                (d, p)
            } else {
                (rounded_digits(v, prec as usize + 1), prec)
            };
            fmt_e(&mut out, &digs, p, verb);
        }
        'f' | 'F' => {
            if shortest {
                let d = shortest_digits(v, size);
                let p = (d.d.len() as i64 - d.dp).max(0);
                fmt_f(&mut out, &d, p);
            } else {
                out.push_str(&format!("{:.*}", prec as usize, v.abs()));
            }
        }
        _ => {
            let upper = verb == 'G';
            let (digs, mut p) = if shortest {
                let d = shortest_digits(v, size);
                let n = d.d.len() as i64;
                (d, n)
            } else {
                let p = prec.max(1);
                (rounded_digits(v, p as usize), p)
            };
            let nd = digs.d.len() as i64;
            let mut eprec = p;
            if eprec > nd && nd >= digs.dp {
                eprec = nd;
            }
            if shortest {
                eprec = 6;
            }
            let exp = digs.dp - 1;
            if exp < -4 || exp >= eprec {
                if p > nd {
                    p = nd;
                }
                fmt_e(&mut out, &digs, p - 1, if upper { 'E' } else { 'e' });
            } else {
                if p > digs.dp {
                    p = nd;
                }
                fmt_f(&mut out, &digs, (p - digs.dp).max(0));
            }
        }
    }
    out
}

/// strconv's mantissa (with its implicit bit) and unbiased exponent of `|v|` at `size` bits
/// (`v = mant * 2^(exp - mantbits)`), and the mantissa's bit count.
fn binary_parts(v: f64, size: u32) -> (u64, i64, u32) {
    let (bits, mantbits, expbits, bias) = if size == 32 {
        (u64::from((v as f32).to_bits()), 23u32, 8u32, -127i64)
    } else {
        (v.to_bits(), 52, 11, -1023)
    };
    let mut exp = ((bits >> mantbits) & ((1 << expbits) - 1)) as i64;
    let mut mant = bits & ((1u64 << mantbits) - 1);
    if exp == 0 {
        exp += 1; // denormalized
    } else {
        mant |= 1u64 << mantbits;
    }
    (mant, exp + bias, mantbits)
}

/// strconv's `fmtX`: `0x1.yyyyp±dd` (`%x`, `%X`), the mantissa normalized to a leading 1,
/// `prec` hex digits (rounded to even) or as many as needed when `prec < 0`.
fn fmt_x(out: &mut String, prec: i64, verb: char, mant: u64, exp: i64, mantbits: u32) {
    let mut exp = if mant == 0 { 0 } else { exp };
    let mut mant = mant << (60 - mantbits);
    while mant != 0 && mant & (1 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if (0..15).contains(&prec) {
        let shift = (prec * 4) as u32;
        let extra = (mant << shift) & ((1 << 60) - 1);
        mant >>= 60 - shift;
        if extra | (mant & 1) > 1 << 59 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1 << 61) != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    let upper = verb == 'X';
    let digit = |n: u64| {
        let c = char::from_digit((n & 15) as u32, 16).unwrap_or('0');
        if upper {
            c.to_ascii_uppercase()
        } else {
            c
        }
    };
    out.push('0');
    out.push(if upper { 'X' } else { 'x' });
    out.push(if (mant >> 60) & 1 == 1 { '1' } else { '0' });
    mant <<= 4;
    if prec < 0 && mant != 0 {
        out.push('.');
        while mant != 0 {
            out.push(digit(mant >> 60));
            mant <<= 4;
        }
    } else if prec > 0 {
        out.push('.');
        for _ in 0..prec {
            out.push(digit(mant >> 60));
            mant <<= 4;
        }
    }
    out.push(if upper { 'P' } else { 'p' });
    out.push(if exp < 0 { '-' } else { '+' });
    out.push_str(&format!("{:02}", exp.abs()));
}

/// A float as the builtin `print` (and `panic`) writes it: `+1.500000e+000`.
pub fn print_float(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let s = format!("{:+.6e}", f);
    match s.split_once('e') {
        Some((m, e)) => {
            let (sign, digits) = match e.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', e),
            };
            format!("{m}e{sign}{digits:0>3}")
        }
        None => s,
    }
}
