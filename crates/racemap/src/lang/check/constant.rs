//! Untyped and typed constant arithmetic, exact as Go's `go/constant`: integers are big
//! integers, floating-point constants exact fractions ([`super::exact`]). An untyped integer
//! result beyond 512 bits is an overflow (go/types' `overflow`); a typed float constant is
//! rounded to its type after each operation (`roundFloat64`/`roundFloat32`). Representability
//! follows the spec's "Representability" section and go/types' `representableConst`.

use crate::lang::ast::BinaryOp;
use crate::lang::check::exact::{Rat, F32, F64};
use crate::lang::check::info::ConstValue;
use crate::types::Basic;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

/// The precision (bits) beyond which an untyped integer constant overflows (go/types' `prec`).
pub const MAX_INT_BITS: u64 = 512;

impl ConstValue {
    /// An integer constant.
    pub fn int(i: impl Into<BigInt>) -> ConstValue {
        ConstValue::Int(i.into())
    }
}

/// Go's spelling of a constant value in messages (`300`, `3.5`, `"a"`, `true`).
pub fn show(v: &ConstValue) -> String {
    match v {
        ConstValue::Bool(b) => b.to_string(),
        ConstValue::Int(i) => i.to_string(),
        ConstValue::Float(f) => show_float(f),
        ConstValue::String(s) => show_string(s.as_bytes()),
    }
}

/// go/constant's short form of a string: quoted as `strconv.Quote` does, and cut to 72 runes
/// (with `...`) when longer.
fn show_string(s: &[u8]) -> String {
    const MAX_RUNES: usize = 72;
    let quoted = crate::strconv::quote_with(s, '"', false);
    if quoted.chars().count() <= MAX_RUNES {
        return quoted;
    }
    let kept: String = quoted.chars().take(MAX_RUNES - 3).collect();
    format!("{kept}...")
}

/// Go 1.19's go/constant `floatVal.String`: `%.6g` of the nearest `float64`, and a decimal
/// approximation `%.6ge%+d` beyond `float64`'s range.
fn show_float(r: &Rat) -> String {
    if let Some(x) = r.to_float(F64) {
        if r.is_zero() == (x == 0.0) {
            return format_g6(x);
        }
    }
    let (m, exp) = r.mant_exp();
    let d = exp as f64 * (core::f64::consts::LN_2 / core::f64::consts::LN_10);
    let mut e = d as i64;
    let mut m = m * 10f64.powf(d - e as f64);
    let am = m.abs();
    if am < 1.0 - 0.5e-6 {
        m *= 10.0;
        e -= 1;
    } else if am >= 10.0 {
        m /= 10.0;
        e += 1;
    }
    format!("{}e{e:+}", format_g6(m))
}

/// The six significant digits of `x` (trailing zeros removed) and its decimal exponent.
fn digits6(x: f64) -> (bool, String, i32) {
    let s = format!("{:.5e}", x.abs());
    let (mant, e) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0').to_string();
    let digits = if digits.is_empty() {
        "0".to_string()
    } else {
        digits
    };
    (x.is_sign_negative(), digits, e.parse().unwrap_or(0))
}

/// Go's `%.6g`.
fn format_g6(x: f64) -> String {
    if x == 0.0 {
        return "0".to_string();
    }
    let (neg, d, exp) = digits6(x);
    let sign = if neg { "-" } else { "" };
    if !(-4..6).contains(&exp) {
        let (first, rest) = d.split_at(1);
        let dot = if rest.is_empty() { "" } else { "." };
        let es = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{first}{dot}{rest}e{es}{:02}", exp.abs());
    }
    let dp = exp + 1;
    let text = if dp <= 0 {
        format!("0.{}{d}", "0".repeat((-dp) as usize))
    } else if d.len() as i32 <= dp {
        format!("{d}{}", "0".repeat((dp - d.len() as i32) as usize))
    } else {
        let (a, b) = d.split_at(dp as usize);
        format!("{a}.{b}")
    };
    format!("{sign}{text}")
}

/// The value as the nearest float, for numeric values (infinite beyond `float64`).
pub fn to_f64(v: &ConstValue) -> Option<f64> {
    match v {
        ConstValue::Int(i) => Some(Rat::from_int(i.clone()).to_f64_lossy()),
        ConstValue::Float(f) => Some(f.to_f64_lossy()),
        _ => None,
    }
}

/// Whether a numeric value is zero.
pub fn is_zero(v: &ConstValue) -> bool {
    match v {
        ConstValue::Int(i) => i.is_zero(),
        ConstValue::Float(f) => f.is_zero(),
        _ => false,
    }
}

/// The value as an exact integer (integers and integral floats), any size.
pub fn to_big(v: &ConstValue) -> Option<BigInt> {
    match v {
        ConstValue::Int(i) => Some(i.clone()),
        ConstValue::Float(f) if f.is_int() => Some(f.numer().clone()),
        _ => None,
    }
}

/// The value as an exact integer within `i128` (lengths, indices, shift counts).
pub fn to_int(v: &ConstValue) -> Option<i128> {
    to_big(v).and_then(|i| i.to_i128())
}

/// The value as an exact fraction, for numeric values.
fn to_rat(v: &ConstValue) -> Option<Rat> {
    match v {
        ConstValue::Int(i) => Some(Rat::from_int(i.clone())),
        ConstValue::Float(f) => Some(f.clone()),
        _ => None,
    }
}

/// Why a value is not representable in a type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotRepresentable {
    /// An integer out of range, or a float beyond the float type (`overflows`).
    Overflows,
    /// A float converted to an integer type: not integral, or out of range (`truncated`);
    /// carries the integral value when there is one (Go shows it: `1e19` is
    /// `untyped float constant 10000000000000000000`).
    Truncated(Option<ConstValue>),
    /// Wrong kind entirely (string to int).
    Mismatch,
}

/// Convert `v` to a value of basic type `b`, or say why it cannot be represented (go/types'
/// `representableConst`, with its rounding of floats to `float32`/`float64`).
pub fn represent(v: &ConstValue, b: Basic) -> Result<ConstValue, NotRepresentable> {
    use Basic::*;
    match b {
        Bool | UntypedBool => match v {
            ConstValue::Bool(_) => Ok(v.clone()),
            _ => Err(NotRepresentable::Mismatch),
        },
        String | UntypedString => match v {
            ConstValue::String(_) => Ok(v.clone()),
            _ => Err(NotRepresentable::Mismatch),
        },
        Float32 | Float64 | UntypedFloat => {
            let Some(r) = to_rat(v) else {
                return Err(NotRepresentable::Mismatch);
            };
            if b == UntypedFloat {
                return Ok(ConstValue::Float(r));
            }
            let f = r.to_float(if b == Float32 { F32 } else { F64 });
            match f.and_then(Rat::from_f64) {
                Some(rounded) => Ok(ConstValue::Float(rounded)),
                None => Err(NotRepresentable::Overflows),
            }
        }
        _ => {
            let Some((bits, signed)) = b.int_info() else {
                return Err(NotRepresentable::Mismatch);
            };
            let from_float = matches!(v, ConstValue::Float(_));
            let i = match v {
                ConstValue::Int(i) => i.clone(),
                ConstValue::Float(f) if f.is_int() => f.numer().clone(),
                ConstValue::Float(_) => return Err(NotRepresentable::Truncated(None)),
                _ => return Err(NotRepresentable::Mismatch),
            };
            if b == UntypedInt || b == UntypedRune {
                return Ok(ConstValue::Int(i));
            }
            let fits = if signed {
                let lim = BigInt::from(1u8) << (bits - 1) as usize;
                i >= -lim.clone() && i < lim
            } else {
                !i.is_negative() && i.bits() <= bits as u64
            };
            if fits {
                Ok(ConstValue::Int(i))
            } else if from_float {
                Err(NotRepresentable::Truncated(Some(ConstValue::Int(i))))
            } else {
                Err(NotRepresentable::Overflows)
            }
        }
    }
}

/// Error of a constant operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConstError {
    /// `x / 0`.
    DivByZero,
    /// The operator does not apply.
    BadOp,
}

/// Whether an untyped integer result is beyond go/types' 512 bits (`constant … overflow`).
pub fn overflows_untyped(v: &ConstValue) -> bool {
    matches!(v, ConstValue::Int(i) if i.bits() > MAX_INT_BITS)
}

/// The largest constant shift count (go/types' `shiftBound`: enough for the smallest float64).
pub const SHIFT_BOUND: u64 = 1023 - 1 + 52;

/// Evaluate `x op y` on constants. `integer` tells whether the operation is an integer one
/// (division truncates); comparison operators yield `Bool`. Results are exact; the checker
/// judges their size ([`overflows_untyped`], [`represent`]).
pub fn binary(
    op: BinaryOp,
    x: &ConstValue,
    y: &ConstValue,
    integer: bool,
) -> Result<ConstValue, ConstError> {
    use core::cmp::Ordering;
    use BinaryOp::*;
    use ConstValue as C;
    let compare = |o: Ordering| -> Option<bool> {
        Some(match op {
            Eq => o == Ordering::Equal,
            Ne => o != Ordering::Equal,
            Lt => o == Ordering::Less,
            Le => o != Ordering::Greater,
            Gt => o == Ordering::Greater,
            Ge => o != Ordering::Less,
            _ => return None,
        })
    };
    match (x, y) {
        (C::Bool(a), C::Bool(b)) => Ok(C::Bool(match op {
            LogAnd => *a && *b,
            LogOr => *a || *b,
            Eq => a == b,
            Ne => a != b,
            _ => return Err(ConstError::BadOp),
        })),
        (C::String(a), C::String(b)) => match op {
            Add => Ok(C::String(a.concat(b))),
            _ => compare(a.cmp(b)).map(C::Bool).ok_or(ConstError::BadOp),
        },
        (C::Int(a), C::Int(b)) if integer || !matches!(op, Div) => {
            if let Some(c) = compare(a.cmp(b)) {
                return Ok(C::Bool(c));
            }
            let r = match op {
                Add => a + b,
                Sub => a - b,
                Mul => a * b,
                Div | Rem if b.is_zero() => return Err(ConstError::DivByZero),
                // Go's integer division truncates toward zero, as BigInt's does.
                Div => a / b,
                Rem => a % b,
                And => a & b,
                Or => a | b,
                Xor => a ^ b,
                AndNot => a & !b,
                Shl | Shr => {
                    // The checker bounds constant shift counts (1074, go/types' shiftBound).
                    let Some(n) = b.to_u64().filter(|&n| n <= SHIFT_BOUND) else {
                        return Err(ConstError::BadOp);
                    };
                    if op == Shl {
                        a << n as usize
                    } else {
                        a >> n as usize
                    }
                }
                _ => return Err(ConstError::BadOp),
            };
            Ok(C::Int(r))
        }
        _ => {
            let (Some(a), Some(b)) = (to_rat(x), to_rat(y)) else {
                return Err(ConstError::BadOp);
            };
            if let Some(c) = compare(a.cmp(&b)) {
                return Ok(C::Bool(c));
            }
            Ok(C::Float(match op {
                Add => a.add(&b),
                Sub => a.sub(&b),
                Mul => a.mul(&b),
                Div => a.div(&b).ok_or(ConstError::DivByZero)?,
                _ => return Err(ConstError::BadOp),
            }))
        }
    }
}

/// Evaluate a unary operator on a constant. `unsigned_bits` gives the width for `^x` on typed
/// unsigned integers (`None`: signed or untyped, `^x == -x-1`).
pub fn unary(
    op: crate::lang::ast::UnaryOp,
    x: &ConstValue,
    unsigned_bits: Option<u32>,
) -> Option<ConstValue> {
    use crate::lang::ast::UnaryOp::*;
    match (op, x) {
        (Plus, v @ (ConstValue::Int(_) | ConstValue::Float(_))) => Some(v.clone()),
        (Neg, ConstValue::Int(i)) => Some(ConstValue::Int(-i)),
        (Neg, ConstValue::Float(f)) => Some(ConstValue::Float(f.neg())),
        (Not, ConstValue::Bool(b)) => Some(ConstValue::Bool(!b)),
        (BitNot, ConstValue::Int(i)) => Some(ConstValue::Int(match unsigned_bits {
            Some(bits) => {
                let mask = (BigInt::from(1u8) << bits as usize) - 1;
                !i & mask
            }
            None => !i,
        })),
        _ => None,
    }
}

/// Parse an integer literal as written (`0x1F`, `0o17`, `017`, `0b1`, `1_000`), any size.
pub fn parse_int(lit: &str) -> Option<BigInt> {
    let s: String = lit.chars().filter(|&c| c != '_').collect();
    let lower = s.to_ascii_lowercase();
    let (digits, radix) = if let Some(h) = lower.strip_prefix("0x") {
        (h, 16)
    } else if let Some(b) = lower.strip_prefix("0b") {
        (b, 2)
    } else if let Some(o) = lower.strip_prefix("0o") {
        (o, 8)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (&lower[1..], 8)
    } else {
        (lower.as_str(), 10)
    };
    if digits.is_empty() {
        return None;
    }
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

/// Parse a float literal as written (decimal or hexadecimal, `_` separators), exactly.
pub fn parse_float(lit: &str) -> Option<Rat> {
    let s: String = lit.chars().filter(|&c| c != '_').collect();
    if s.starts_with("0x") || s.starts_with("0X") {
        Rat::parse_hex(&s)
    } else {
        Rat::parse_decimal(&s)
    }
}

#[cfg(test)]
mod tests;
