//! Exact numbers for untyped constants, as Go's `go/constant` keeps them: integers are big
//! integers ([`BigInt`]), floating-point constants are fractions of big integers ([`Rat`],
//! always reduced, denominator positive). `go/constant` switches from fractions to 512-bit
//! binary floats once a numerator or denominator reaches 4096 bits; [`Rat::limit`] does the
//! same rounding (to a 512-bit mantissa), so a fraction never grows without bound.
//!
//! [`Rat::to_float`] rounds a fraction to the nearest float of a given precision (ties to
//! even, gradual underflow), as `big.Rat.Float64`/`Float32` do: the quotient is computed to
//! at least two bits beyond the precision, and the remainder is the sticky bit.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

/// Bits beyond which `go/constant` stops using fractions (`maxExp`).
const MAX_EXP: u64 = 4 << 10;
/// The mantissa precision of `go/constant`'s floats (`prec`).
const PREC: u64 = 512;

/// An exact fraction `num / den`, reduced, `den > 0`; debug-printed as `5/2`.
#[derive(Clone, PartialEq, Eq)]
pub struct Rat {
    /// The numerator (carries the sign).
    num: BigInt,
    /// The denominator, positive.
    den: BigInt,
}

impl core::fmt::Debug for Rat {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.den.is_one() {
            write!(f, "{}", self.num)
        } else {
            write!(f, "{}/{}", self.num, self.den)
        }
    }
}

impl Ord for Rat {
    fn cmp(&self, o: &Rat) -> core::cmp::Ordering {
        (&self.num * &o.den).cmp(&(&o.num * &self.den))
    }
}

impl PartialOrd for Rat {
    fn partial_cmp(&self, o: &Rat) -> Option<core::cmp::Ordering> {
        Some(self.cmp(o))
    }
}

/// The format of a binary float: mantissa bits (with the implicit one) and exponent range of a
/// normal number `1.m × 2^e`.
#[derive(Clone, Copy, Debug)]
pub struct FloatFormat {
    /// Mantissa precision in bits (53 for `float64`).
    pub mant: u64,
    /// The smallest exponent of a normal number (-1022).
    pub min_exp: i64,
    /// The largest exponent (1023).
    pub max_exp: i64,
}

/// IEEE 754 binary64.
pub const F64: FloatFormat = FloatFormat {
    mant: 53,
    min_exp: -1022,
    max_exp: 1023,
};
/// IEEE 754 binary32.
pub const F32: FloatFormat = FloatFormat {
    mant: 24,
    min_exp: -126,
    max_exp: 127,
};

impl Rat {
    /// `num / den`, reduced; `None` when `den` is zero.
    pub fn new(num: BigInt, den: BigInt) -> Option<Rat> {
        if den.is_zero() {
            return None;
        }
        let g = num.gcd(&den);
        let (mut num, mut den) = if g.is_one() || g.is_zero() {
            (num, den)
        } else {
            (num / &g, den / &g)
        };
        if den.is_negative() {
            num = -num;
            den = -den;
        }
        Some(Rat { num, den })
    }

    /// An integer as a fraction.
    pub fn from_int(i: BigInt) -> Rat {
        Rat {
            num: i,
            den: BigInt::one(),
        }
    }

    /// The exact value of a finite float (`None` for infinities and NaN).
    pub fn from_f64(f: f64) -> Option<Rat> {
        if !f.is_finite() {
            return None;
        }
        if f == 0.0 {
            return Some(Rat::from_int(BigInt::zero()));
        }
        let bits = f.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let frac = bits & ((1u64 << 52) - 1);
        let (mant, e) = if exp == 0 {
            (frac, -1074)
        } else {
            (frac | (1u64 << 52), exp - 1075)
        };
        let mut num = BigInt::from(mant);
        if f < 0.0 {
            num = -num;
        }
        Some(Rat::scaled(num, e))
    }

    /// `m × 2^e`.
    fn scaled(m: BigInt, e: i64) -> Rat {
        if e >= 0 {
            Rat::from_int(m << (e as usize))
        } else {
            Rat::new(m, BigInt::one() << ((-e) as usize)).unwrap_or_else(Rat::zero)
        }
    }

    /// Zero.
    pub fn zero() -> Rat {
        Rat::from_int(BigInt::zero())
    }

    /// The numerator.
    pub fn numer(&self) -> &BigInt {
        &self.num
    }

    /// Whether the value is an integer.
    pub fn is_int(&self) -> bool {
        self.den.is_one()
    }

    /// Whether the value is zero.
    pub fn is_zero(&self) -> bool {
        self.num.is_zero()
    }

    /// The sign: -1, 0 or 1.
    pub fn signum(&self) -> i32 {
        match self.num.sign() {
            Sign::Minus => -1,
            Sign::NoSign => 0,
            Sign::Plus => 1,
        }
    }

    /// `self + o`.
    pub fn add(&self, o: &Rat) -> Rat {
        Rat::new(&self.num * &o.den + &o.num * &self.den, &self.den * &o.den)
            .unwrap_or_else(Rat::zero)
            .limit()
    }

    /// `self - o`.
    pub fn sub(&self, o: &Rat) -> Rat {
        self.add(&o.neg())
    }

    /// `self * o`.
    pub fn mul(&self, o: &Rat) -> Rat {
        Rat::new(&self.num * &o.num, &self.den * &o.den)
            .unwrap_or_else(Rat::zero)
            .limit()
    }

    /// `self / o`; `None` when `o` is zero.
    pub fn div(&self, o: &Rat) -> Option<Rat> {
        Rat::new(&self.num * &o.den, &self.den * &o.num).map(Rat::limit)
    }

    /// `-self`.
    pub fn neg(&self) -> Rat {
        Rat {
            num: -&self.num,
            den: self.den.clone(),
        }
    }

    /// `go/constant`'s switch to 512-bit floats: a fraction whose numerator or denominator
    /// has `MAX_EXP` bits or more is rounded to a 512-bit mantissa (nearest, ties to even).
    fn limit(self) -> Rat {
        if self.num.bits() < MAX_EXP && self.den.bits() < MAX_EXP {
            return self;
        }
        let (neg, m, e) = self.round_bits(PREC, i64::MIN / 4);
        let m = if neg { -m } else { m };
        Rat::scaled(m, e)
    }

    /// The value rounded to `prec` significant bits with exponents not below `min_exp` (of
    /// the leading bit): `(negative, m, e)` with `|self| ≈ m × 2^e`, `m < 2^prec` or exactly
    /// `2^prec` after rounding up.
    fn round_bits(&self, prec: u64, min_exp: i64) -> (bool, BigInt, i64) {
        let neg = self.num.is_negative();
        let n = self.num.abs();
        if n.is_zero() {
            return (false, BigInt::zero(), 0);
        }
        // Scale so the quotient has at least prec + 2 bits.
        let want = (prec + 2) as i64;
        let shift = want - (n.bits() as i64 - self.den.bits() as i64) + 1;
        let (q, r) = if shift >= 0 {
            (n << (shift as usize)).div_rem(&self.den)
        } else {
            n.div_rem(&(&self.den << ((-shift) as usize)))
        };
        let e = -shift;
        let qbits = q.bits() as i64;
        // The leading bit's exponent; below min_exp the precision shrinks (subnormals).
        let lead = qbits - 1 + e;
        let p = if lead >= min_exp {
            prec as i64
        } else {
            prec as i64 - (min_exp - lead)
        };
        let drop = (qbits - p).max(0);
        let drop = drop.min(qbits + 1);
        let sticky = !r.is_zero();
        let (mut m, rest, half) = if drop == 0 {
            (q.clone(), BigInt::zero(), BigInt::zero())
        } else {
            let m = &q >> (drop as usize);
            let rest = &q - (&m << (drop as usize));
            (m, rest, BigInt::one() << ((drop - 1) as usize))
        };
        if drop > 0 {
            let odd = m.is_odd();
            if rest > half || (rest == half && (sticky || odd)) {
                m += 1;
            }
        }
        (neg, m, e + drop)
    }

    /// The nearest float of format `fmt` (as an `f64`, which holds every `float32` exactly);
    /// `None` when it rounds beyond the largest finite float (overflow).
    pub fn to_float(&self, fmt: FloatFormat) -> Option<f64> {
        if self.num.is_zero() {
            return Some(0.0);
        }
        let (neg, m, e) = self.round_bits(fmt.mant, fmt.min_exp);
        if m.is_zero() {
            return Some(if neg { -0.0 } else { 0.0 });
        }
        let mbits = m.bits() as i64;
        if mbits - 1 + e > fmt.max_exp {
            return None;
        }
        // m has at most mant + 1 bits: exact as an f64; scale by 2^e exactly.
        let mf = u64::try_from(&m).map(|v| v as f64).unwrap_or(f64::INFINITY);
        let v = ldexp(mf, e);
        Some(if neg { -v } else { v })
    }

    /// The value as an `f64`, saturating to an infinity on overflow.
    pub fn to_f64_lossy(&self) -> f64 {
        self.to_float(F64).unwrap_or(if self.signum() < 0 {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        })
    }

    /// The integer part (truncated toward zero).
    pub fn trunc(&self) -> BigInt {
        &self.num / &self.den
    }

    /// `(m, exp)` with `self = m × 2^exp` and `0.5 <= |m| < 1` (`big.Float.MantExp`), `m` as
    /// the nearest `f64`; `(0, 0)` for zero.
    pub fn mant_exp(&self) -> (f64, i64) {
        if self.num.is_zero() {
            return (0.0, 0);
        }
        let (neg, m, e) = self.round_bits(F64.mant, i64::MIN / 4);
        // m < 2^53 or == 2^53 after rounding.
        let mbits = m.bits() as i64;
        let mf = u64::try_from(&m).map(|v| v as f64).unwrap_or(0.0);
        let frac = ldexp(mf, -mbits);
        let v = if neg { -frac } else { frac };
        (v, e + mbits)
    }

    /// Parse a decimal float literal without `_` (`1.5`, `.5e-3`, `1E6`, `12.`).
    pub fn parse_decimal(lit: &str) -> Option<Rat> {
        let (mant, exp) = match lit.find(['e', 'E']) {
            Some(i) => (&lit[..i], lit[i + 1..].parse::<i64>().ok()?),
            None => (lit, 0),
        };
        let (int, frac) = match mant.split_once('.') {
            Some((a, b)) => (a, b),
            None => (mant, ""),
        };
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        let digits = format!("{int}{frac}");
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let m = if digits.is_empty() {
            BigInt::zero()
        } else {
            BigInt::parse_bytes(digits.as_bytes(), 10)?
        };
        let e10 = exp.checked_sub(frac.len() as i64)?;
        if m.is_zero() {
            return Some(Rat::zero());
        }
        // Go's literals beyond go/constant's range (1e100000) are not worth exact powers.
        if e10.unsigned_abs() > 20_000 {
            return None;
        }
        let p = num_traits::pow(BigInt::from(10u32), e10.unsigned_abs() as usize);
        let r = if e10 >= 0 {
            Rat::from_int(m * p)
        } else {
            Rat::new(m, p)?
        };
        Some(r.limit())
    }

    /// Parse a hexadecimal float literal without `_` (`0x1p-2`, `0X1.8P3`, `0x.8p0`).
    pub fn parse_hex(lit: &str) -> Option<Rat> {
        let body = lit.strip_prefix("0x").or_else(|| lit.strip_prefix("0X"))?;
        let (mant, exp) = match body.find(['p', 'P']) {
            Some(i) => (&body[..i], body[i + 1..].parse::<i64>().ok()?),
            None => return None,
        };
        let (int, frac) = match mant.split_once('.') {
            Some((a, b)) => (a, b),
            None => (mant, ""),
        };
        let digits = format!("{int}{frac}");
        if digits.is_empty() || exp.unsigned_abs() > 20_000 {
            return None;
        }
        let m = BigInt::parse_bytes(digits.as_bytes(), 16)?;
        let e = exp.checked_sub(4 * frac.len() as i64)?;
        Some(Rat::scaled(m, e).limit())
    }
}

/// `m × 2^e` for an exactly representable result (built from exact powers of two).
fn ldexp(mut m: f64, mut e: i64) -> f64 {
    while e > 1000 {
        m *= pow2(1000);
        e -= 1000;
    }
    while e < -1000 {
        m *= pow2(-1000);
        e += 1000;
    }
    m * pow2(e)
}

/// `2^e` for `-1022 <= e <= 1023`.
fn pow2(e: i64) -> f64 {
    f64::from_bits(((e + 1023) as u64) << 52)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Rat {
        Rat::parse_decimal(s).unwrap()
    }

    #[test]
    fn rounding_matches_rust_parsing() {
        for s in [
            "0.1",
            "0.2",
            "0.3",
            "1e308",
            "1.7976931348623157e308",
            "4.9e-324",
            "2.2250738585072014e-308",
            "2.2250738585072011e-308",
            "123456789012345678901234567890",
            "9007199254740993",
            "0.000001",
            "3.141592653589793238462643383279502884197",
        ] {
            assert_eq!(dec(s).to_float(F64), Some(s.parse::<f64>().unwrap()), "{s}");
            let f32 = s.parse::<f32>().unwrap();
            let want = Some(f32 as f64).filter(|_| f32.is_finite());
            assert_eq!(dec(s).to_float(F32), want, "{s} as f32");
        }
        assert_eq!(dec("1.8e308").to_float(F64), None);
        assert_eq!(dec("1e-400").to_float(F64), Some(0.0));
        assert_eq!(dec("3.5e38").to_float(F32), None);
    }

    #[test]
    fn sums_are_exact() {
        let s = dec("0.1").add(&dec("0.2"));
        assert_eq!(s, dec("0.3"));
        assert_eq!(s.to_float(F64), Some(0.3));
        let third = Rat::from_int(1.into())
            .div(&Rat::from_int(3.into()))
            .unwrap();
        assert!(third.mul(&Rat::from_int(3.into())).is_int());
    }

    #[test]
    fn floats_round_trip() {
        for f in [0.1, -2.5, 1e-310, f64::MAX, f64::MIN_POSITIVE, 5e-324] {
            assert_eq!(Rat::from_f64(f).unwrap().to_float(F64), Some(f));
        }
        assert_eq!(Rat::parse_hex("0x1p-2"), Some(dec("0.25")));
        assert_eq!(Rat::parse_hex("0x1.8p1"), Some(dec("3")));
        assert_eq!(dec("12.5").mant_exp(), (0.78125, 4));
    }

    #[test]
    fn huge_fractions_are_rounded_to_512_bits() {
        let big = Rat::from_int(BigInt::one() << 5000usize);
        let r = Rat::from_int(BigInt::one()).div(&big.add(&Rat::from_int(BigInt::one())));
        let r = r.unwrap();
        assert!(r.den.bits() <= 5001 && r.num.bits() <= 513);
    }
}
