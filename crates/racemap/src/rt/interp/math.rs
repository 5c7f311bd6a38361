//! Package `math`'s basic functions, as Go 1.19 computes them: the exact ones (`Abs`, `Sqrt`,
//! `Floor`, `Ceil`, `Trunc`, `Round`, `Mod`) give the one correct result whatever the
//! algorithm; `Max`/`Min` follow Go's special cases (NaN, ±Inf, ±0); `Pow` is Go's
//! `math/pow.go` (special cases, then repeated squaring of `Frexp`'s fraction, an integral
//! exponent's result built with `Ldexp`), a fractional exponent through `Exp` and `Log` as
//! Go 1.19 runs them on amd64 (its assembly, ported below; `Exp` as on a CPU with FMA). No
//! platform `libm` is called, so native and wasm runs agree bit for bit.

use super::*;

/// Whether `f` is one of package `math`'s functions.
pub(super) fn is_math(f: LibFunc) -> bool {
    f.spec().owner == crate::library::Owner::Package("math")
}

/// The results of `math` function `f` on `args`.
pub(super) fn math_call(f: LibFunc, args: &[Value]) -> R<Vec<Value>> {
    let x = || float(arg(args, 0)?);
    let y = || float(arg(args, 1)?);
    let v = match f {
        LibFunc::MathInf => {
            if int(arg(args, 0)?)? >= 0 {
                f64::INFINITY
            } else {
                f64::NEG_INFINITY
            }
        }
        LibFunc::MathNaN => f64::NAN,
        LibFunc::MathIsNaN => return Ok(vec![Value::Bool(x()?.is_nan())]),
        LibFunc::MathIsInf => {
            let (v, sign) = (x()?, int(arg(args, 1)?)?);
            let inf = (sign >= 0 && v == f64::INFINITY) || (sign <= 0 && v == f64::NEG_INFINITY);
            return Ok(vec![Value::Bool(inf)]);
        }
        LibFunc::MathSignbit => return Ok(vec![Value::Bool(x()?.is_sign_negative())]),
        LibFunc::MathCopysign => x()?.copysign(y()?),
        LibFunc::MathAbs => x()?.abs(),
        LibFunc::MathSqrt => x()?.sqrt(),
        LibFunc::MathFloor => x()?.floor(),
        LibFunc::MathCeil => x()?.ceil(),
        LibFunc::MathTrunc => x()?.trunc(),
        LibFunc::MathRound => x()?.round(),
        LibFunc::MathMax => max(x()?, y()?),
        LibFunc::MathMin => min(x()?, y()?),
        LibFunc::MathMod => modulo(x()?, y()?),
        LibFunc::MathPow => pow(x()?, y()?),
        LibFunc::MathExp => exp(x()?),
        LibFunc::MathLog => log(x()?),
        // log10.go: `Log(x) * (1 / Ln10)`, the constant rounded to float64.
        LibFunc::MathLog10 => log(x()?) * core::f64::consts::LOG10_E,
        LibFunc::MathLog2 => {
            let (frac, exp) = frexp(x()?);
            if frac == 0.5 {
                (exp - 1) as f64
            } else {
                log(frac) * core::f64::consts::LOG2_E + exp as f64
            }
        }
        LibFunc::MathFloat64bits => return Ok(vec![Value::Int(x()?.to_bits() as i64)]),
        LibFunc::MathFloat64frombits => f64::from_bits(int(arg(args, 0)?)? as u64),
        other => {
            let msg = format!("{} is not a math function", other.go_name());
            return Err(InternalError::new(msg).into());
        }
    };
    Ok(vec![Value::Float(v)])
}

/// Go's `math.Max`.
fn max(x: f64, y: f64) -> f64 {
    if x == f64::INFINITY || y == f64::INFINITY {
        return f64::INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 && x == y {
        return if x.is_sign_negative() { y } else { x };
    }
    if x > y {
        x
    } else {
        y
    }
}

/// Go's `math.Min`.
fn min(x: f64, y: f64) -> f64 {
    if x == f64::NEG_INFINITY || y == f64::NEG_INFINITY {
        return f64::NEG_INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 && x == y {
        return if x.is_sign_negative() { x } else { y };
    }
    if x < y {
        x
    } else {
        y
    }
}

/// Go's `math.Frexp`: `f == frac × 2^exp`, `0.5 <= |frac| < 1`.
fn frexp(f: f64) -> (f64, i64) {
    if f == 0.0 || f.is_infinite() || f.is_nan() {
        return (f, 0);
    }
    let (f, mut exp) = if f.abs() < f64::MIN_POSITIVE {
        (f * (1u64 << 52) as f64, -52)
    } else {
        (f, 0)
    };
    let x = f.to_bits();
    exp += ((x >> 52) & 0x7ff) as i64 - 1022;
    let x = (x & !(0x7ff << 52)) | (1022 << 52);
    (f64::from_bits(x), exp)
}

/// Go's `math.Ldexp`: `frac × 2^exp`.
fn ldexp(frac: f64, exp: i64) -> f64 {
    if frac == 0.0 || frac.is_infinite() || frac.is_nan() {
        return frac;
    }
    let (frac, e) = if frac.abs() < f64::MIN_POSITIVE {
        (frac * (1u64 << 52) as f64, -52)
    } else {
        (frac, 0)
    };
    let mut exp = exp.saturating_add(e);
    let x = frac.to_bits();
    exp = exp.saturating_add(((x >> 52) & 0x7ff) as i64 - 1023);
    if exp < -1075 {
        return 0.0f64.copysign(frac);
    }
    if exp > 1023 {
        return if frac < 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    let mut m = 1.0;
    if exp < -1022 {
        exp += 53;
        m = 1.0 / (1u64 << 53) as f64;
    }
    let x = (x & !(0x7ff << 52)) | (((exp + 1023) as u64) << 52);
    m * f64::from_bits(x)
}

/// Go's `math.Mod` (exact: the result is `x - n×y` for the integer `n` truncating `x/y`).
fn modulo(x: f64, y: f64) -> f64 {
    if y == 0.0 || x.is_infinite() || x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    let y = y.abs();
    let (yfr, yexp) = frexp(y);
    let mut r = x.abs();
    while r >= y {
        let (rfr, mut rexp) = frexp(r);
        if rfr < yfr {
            rexp -= 1;
        }
        r -= ldexp(y, rexp - yexp);
    }
    if x < 0.0 {
        -r
    } else {
        r
    }
}

/// Whether `x` is an odd integer (Go's `isOddInt`).
fn is_odd_int(x: f64) -> bool {
    if x.abs() >= (1u64 << 53) as f64 {
        return false;
    }
    let (xi, xf) = (x.trunc(), x - x.trunc());
    xf == 0.0 && (xi as i64) & 1 == 1
}

/// Go's `math.Pow`.
fn pow(x: f64, y: f64) -> f64 {
    if y == 0.0 || x == 1.0 {
        return 1.0;
    }
    if y == 1.0 {
        return x;
    }
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 {
        if y < 0.0 {
            return if is_odd_int(y) {
                f64::INFINITY.copysign(x)
            } else {
                f64::INFINITY
            };
        }
        return if is_odd_int(y) { x } else { 0.0 };
    }
    if y.is_infinite() {
        return if x == -1.0 {
            1.0
        } else if (x.abs() < 1.0) == (y > 0.0) {
            0.0
        } else {
            f64::INFINITY
        };
    }
    if x.is_infinite() {
        if x < 0.0 {
            return pow(1.0 / x, -y);
        }
        return if y < 0.0 { 0.0 } else { f64::INFINITY };
    }
    if y == 0.5 {
        return x.sqrt();
    }
    if y == -0.5 {
        return 1.0 / x.sqrt();
    }
    let ya = y.abs();
    let (mut yi, mut yf) = (ya.trunc(), ya - ya.trunc());
    if yf != 0.0 && x < 0.0 {
        return f64::NAN;
    }
    if yi >= (1u64 << 63) as f64 {
        return if x == -1.0 {
            1.0
        } else if (x.abs() < 1.0) == (y > 0.0) {
            0.0
        } else {
            f64::INFINITY
        };
    }
    let mut a1 = 1.0;
    let mut ae: i64 = 0;
    if yf != 0.0 {
        if yf > 0.5 {
            yf -= 1.0;
            yi += 1.0;
        }
        a1 = exp(yf * log(x));
    }
    let (mut x1, mut xe) = frexp(x);
    let mut i = yi as i64;
    while i != 0 {
        if !(-(1 << 12)..=(1 << 12)).contains(&xe) {
            ae += xe;
            break;
        }
        if i & 1 == 1 {
            a1 *= x1;
            ae += xe;
        }
        x1 *= x1;
        xe <<= 1;
        if x1 < 0.5 {
            x1 += x1;
            xe -= 1;
        }
        i >>= 1;
    }
    if y < 0.0 {
        a1 = 1.0 / a1;
        ae = -ae;
    }
    ldexp(a1, ae)
}

/// Go 1.19's `math.Exp` on amd64 (`exp_amd64.s`) on a CPU with FMA, as Go picks when the CPU
/// has AVX and FMA (a CPU without takes the same steps unfused; racemap follows the first):
/// reduce by `k = round(x·log2(e))` with `ln 2` in two parts, a Taylor series of `x/16`,
/// squared four times, then `× 2^k`. `mul_add` is an exact fused multiply-add on every target.
#[allow(clippy::excessive_precision)] // Go's constants, as written in exp_amd64.s
fn exp(x: f64) -> f64 {
    const LOG2E: f64 = core::f64::consts::LOG2_E;
    const LN2U: f64 = 0.69314718055966295651160180568695068359375;
    const LN2L: f64 = 0.28235290563031577122588448175013436025525412068e-12;
    const OVERFLOW: f64 = 7.09782712893384e+02;
    const TAYLOR: [f64; 8] = [
        2.4801587301587301587e-5,
        1.9841269841269841270e-4,
        1.3888888888888888889e-3,
        8.3333333333333333333e-3,
        4.1666666666666666667e-2,
        1.6666666666666666667e-1,
        0.5,
        1.0,
    ];
    if x.is_nan() || x == f64::INFINITY {
        return x;
    }
    if x == f64::NEG_INFINITY {
        return 0.0;
    }
    if x > OVERFLOW {
        return f64::INFINITY;
    }
    // CVTSD2SL: round to nearest even; out of range is the "integer indefinite" value.
    let r = (LOG2E * x).round_ties_even();
    let mut bx: i64 = if (i32::MIN as f64..=i32::MAX as f64).contains(&r) {
        r as i64
    } else {
        i32::MIN as i64
    };
    let k = bx as f64;
    let mut x0 = (-LN2U).mul_add(k, x);
    x0 = (-LN2L).mul_add(k, x0);
    x0 *= 0.0625;
    let mut x1 = TAYLOR[0];
    for c in &TAYLOR[1..] {
        x1 = x1.mul_add(x0, *c);
    }
    x0 *= x1;
    for _ in 0..3 {
        x1 = x0 + 2.0;
        x0 *= x1;
    }
    x1 = x0 + 2.0;
    x0 = x0.mul_add(x1, 1.0);
    // ldexp
    bx += 0x3ff;
    if bx <= 0 {
        if bx < -52 {
            return 0.0;
        }
        x0 *= f64::from_bits(((bx + 0x3fe) as u64) << 52);
        bx = 1;
    } else if bx >= 0x7ff {
        return f64::INFINITY;
    }
    x0 * f64::from_bits((bx as u64) << 52)
}

/// Go 1.19's `math.Log` on amd64 (`log_amd64.s`): `log.go`'s algorithm, its `Frexp` taking
/// the exponent bits as they are.
#[allow(clippy::excessive_precision)] // Go's constants, as written in log_amd64.s
fn log(x: f64) -> f64 {
    const LN2_HI: f64 = 6.93147180369123816490e-01;
    const LN2_LO: f64 = 1.90821492927058770002e-10;
    const L1: f64 = 6.666666666666735130e-01;
    const L2: f64 = 3.999999999940941908e-01;
    const L3: f64 = 2.857142874366239149e-01;
    const L4: f64 = 2.222219843214978396e-01;
    const L5: f64 = 1.818357216161805012e-01;
    const L6: f64 = 1.531383769920937332e-01;
    const L7: f64 = 1.479819860511658591e-01;
    const HSQRT2: f64 = core::f64::consts::FRAC_1_SQRT_2; // sqrt(2)/2
    let bits = x.to_bits();
    if bits & !(1 << 63) == 0 {
        return f64::NEG_INFINITY;
    }
    if (bits as i64) < 0 {
        return f64::from_bits(0x7FF8000000000001);
    }
    if bits >= 0x7FF0000000000000 {
        return x;
    }
    let mut f1 = f64::from_bits((bits & 0x000FFFFFFFFFFFFF) | 0x3FE0000000000000);
    let mut k = (((bits >> 52) & 0x7ff) as i64 - 0x3fe) as f64;
    if f1 < HSQRT2 {
        k -= 1.0;
        f1 *= 2.0;
    }
    let f = f1 - 1.0;
    let s = f / (2.0 + f);
    let s2 = s * s;
    let s4 = s2 * s2;
    let t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
    let t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
    let r = t1 + t2;
    let hfsq = 0.5 * f * f;
    k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_cases_are_go_s() {
        assert_eq!(pow(2.0, 10.0), 1024.0);
        assert_eq!(pow(-2.0, 3.0), -8.0);
        assert_eq!(pow(0.0, -1.0), f64::INFINITY);
        assert!(pow(-8.0, 1.0 / 3.0).is_nan());
        assert_eq!(pow(10.0, -2.0), 0.01);
        assert_eq!(max(-0.0, 0.0).to_bits(), 0.0f64.to_bits());
        assert_eq!(min(-0.0, 0.0).to_bits(), (-0.0f64).to_bits());
        assert!(max(1.0, f64::NAN).is_nan());
        assert_eq!(max(f64::NAN, f64::INFINITY), f64::INFINITY);
        assert_eq!(modulo(7.5, 2.0), 1.5);
        assert_eq!(modulo(-7.5, 2.0), -1.5);
        assert!(modulo(1.0, 0.0).is_nan());
        assert_eq!(frexp(8.0), (0.5, 4));
        assert_eq!(ldexp(0.5, 4), 8.0);
        assert_eq!(ldexp(1.0, -1074), 5e-324);
        assert_eq!(log(1.0), 0.0);
        assert_eq!(exp(0.0), 1.0);
    }
}
