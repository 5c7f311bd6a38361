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
    if size == 32 {
        parse_sci(&format!("{:e}", (v.abs()) as f32))
    } else {
        parse_sci(&format!("{:e}", v.abs()))
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

/// `strconv.FormatFloat(v, verb, prec, size)` for verbs `e E f F g G` (`b` and `x` fall back
/// to `g`); `prec < 0` is the shortest representation that reads back exactly.
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
