//! Untyped and typed constant arithmetic. Integers are exact within `i128` (racemap does not
//! need Go's arbitrary precision: results beyond `i128` are reported as overflow), floats are
//! `f64`. Representability follows the spec's "Representability" section.

use crate::lang::ast::BinaryOp;
use crate::lang::check::info::ConstValue;
use crate::types::Basic;

/// Go's spelling of a constant value in messages (`300`, `3.5`, `"a"`, `true`).
pub fn show(v: &ConstValue) -> String {
    match v {
        ConstValue::Bool(b) => b.to_string(),
        ConstValue::Int(i) => i.to_string(),
        ConstValue::Float(f) => show_float(*f),
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

fn show_float(f: f64) -> String {
    // go/constant prints floats like `%.6g`.
    if f == 0.0 || !f.is_finite() {
        return format!("{f}");
    }
    let exp = f.abs().log10().floor() as i32;
    if !(-4..6).contains(&exp) {
        let s = format!("{f:.5e}");
        let (mant, e) = s.split_once('e').unwrap_or((&s, "0"));
        let mant = trim_zeros(mant);
        let e: i32 = e.parse().unwrap_or(0);
        let sign = if e < 0 { '-' } else { '+' };
        format!("{mant}e{sign}{:02}", e.abs())
    } else {
        let decimals = (5 - exp).max(0) as usize;
        trim_zeros(&format!("{f:.decimals$}")).to_string()
    }
}

fn trim_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// The value as a float, for numeric values.
pub fn to_f64(v: &ConstValue) -> Option<f64> {
    match v {
        ConstValue::Int(i) => Some(*i as f64),
        ConstValue::Float(f) => Some(*f),
        _ => None,
    }
}

/// The value as an exact integer, for integers and integral floats.
pub fn to_int(v: &ConstValue) -> Option<i128> {
    match v {
        ConstValue::Int(i) => Some(*i),
        ConstValue::Float(f) if f.fract() == 0.0 && f.abs() < 1.0e38 => Some(*f as i128),
        _ => None,
    }
}

/// Why a value is not representable in a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotRepresentable {
    /// An integer out of range (`overflows`).
    Overflows,
    /// A non-integral float converted to an integer (`truncated`).
    Truncated,
    /// Wrong kind entirely (string to int).
    Mismatch,
}

/// Convert `v` to a value of basic type `b`, or say why it cannot be represented.
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
        Float32 | Float64 | UntypedFloat => match to_f64(v) {
            Some(f) => {
                if b == Float32 && f.is_finite() && f.abs() > f32::MAX as f64 {
                    return Err(NotRepresentable::Overflows);
                }
                Ok(ConstValue::Float(if b == Float32 {
                    f as f32 as f64
                } else {
                    f
                }))
            }
            None => Err(NotRepresentable::Mismatch),
        },
        _ => {
            let Some((bits, signed)) = b.int_info() else {
                return Err(NotRepresentable::Mismatch);
            };
            let i = match v {
                ConstValue::Int(i) => *i,
                ConstValue::Float(f) => {
                    if f.fract() != 0.0 {
                        return Err(NotRepresentable::Truncated);
                    }
                    if f.abs() >= 1.0e38 {
                        return Err(NotRepresentable::Overflows);
                    }
                    *f as i128
                }
                _ => return Err(NotRepresentable::Mismatch),
            };
            if b == UntypedInt || b == UntypedRune {
                return Ok(ConstValue::Int(i));
            }
            let (lo, hi): (i128, i128) = if signed {
                (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
            } else {
                (0, (1i128 << bits) - 1)
            };
            if i < lo || i > hi {
                Err(NotRepresentable::Overflows)
            } else {
                Ok(ConstValue::Int(i))
            }
        }
    }
}

/// Error of a constant operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConstError {
    /// `x / 0`.
    DivByZero,
    /// Result outside `i128`.
    Overflow,
    /// The operator does not apply.
    BadOp,
}

/// Evaluate `x op y` on constants. `integer` tells whether the operation is an integer one
/// (division truncates); comparison operators yield `Bool`.
pub fn binary(
    op: BinaryOp,
    x: &ConstValue,
    y: &ConstValue,
    integer: bool,
) -> Result<ConstValue, ConstError> {
    use BinaryOp::*;
    use ConstValue as C;
    match (x, y) {
        (C::Bool(a), C::Bool(b)) => Ok(C::Bool(match op {
            LogAnd => *a && *b,
            LogOr => *a || *b,
            Eq => a == b,
            Ne => a != b,
            _ => return Err(ConstError::BadOp),
        })),
        (C::String(a), C::String(b)) => Ok(match op {
            Add => C::String(a.concat(b)),
            Eq => C::Bool(a == b),
            Ne => C::Bool(a != b),
            Lt => C::Bool(a < b),
            Le => C::Bool(a <= b),
            Gt => C::Bool(a > b),
            Ge => C::Bool(a >= b),
            _ => return Err(ConstError::BadOp),
        }),
        (C::Int(a), C::Int(b)) if integer || !matches!(op, Div) => {
            let (a, b) = (*a, *b);
            let r = match op {
                Add => a.checked_add(b),
                Sub => a.checked_sub(b),
                Mul => a.checked_mul(b),
                Div => {
                    if b == 0 {
                        return Err(ConstError::DivByZero);
                    }
                    a.checked_div(b)
                }
                Rem => {
                    if b == 0 {
                        return Err(ConstError::DivByZero);
                    }
                    a.checked_rem(b)
                }
                And => Some(a & b),
                Or => Some(a | b),
                Xor => Some(a ^ b),
                AndNot => Some(a & !b),
                Shl => {
                    if !(0..127).contains(&b) {
                        return Err(ConstError::Overflow);
                    }
                    let r = a.checked_shl(b as u32);
                    match r {
                        Some(v) if v >> b == a => Some(v),
                        _ => None,
                    }
                }
                Shr => {
                    if b < 0 {
                        return Err(ConstError::BadOp);
                    }
                    Some(if b >= 127 {
                        if a < 0 {
                            -1
                        } else {
                            0
                        }
                    } else {
                        a >> b
                    })
                }
                Eq => return Ok(C::Bool(a == b)),
                Ne => return Ok(C::Bool(a != b)),
                Lt => return Ok(C::Bool(a < b)),
                Le => return Ok(C::Bool(a <= b)),
                Gt => return Ok(C::Bool(a > b)),
                Ge => return Ok(C::Bool(a >= b)),
                _ => return Err(ConstError::BadOp),
            };
            r.map(C::Int).ok_or(ConstError::Overflow)
        }
        _ => {
            let (Some(a), Some(b)) = (to_f64(x), to_f64(y)) else {
                return Err(ConstError::BadOp);
            };
            Ok(match op {
                Add => C::Float(a + b),
                Sub => C::Float(a - b),
                Mul => C::Float(a * b),
                Div => {
                    if b == 0.0 {
                        return Err(ConstError::DivByZero);
                    }
                    C::Float(a / b)
                }
                Eq => C::Bool(a == b),
                Ne => C::Bool(a != b),
                Lt => C::Bool(a < b),
                Le => C::Bool(a <= b),
                Gt => C::Bool(a > b),
                Ge => C::Bool(a >= b),
                _ => return Err(ConstError::BadOp),
            })
        }
    }
}

/// Evaluate a unary operator on a constant. `bits` gives the width for `^x` on typed unsigned
/// integers (`None`: signed or untyped, `^x == -x-1`).
pub fn unary(
    op: crate::lang::ast::UnaryOp,
    x: &ConstValue,
    unsigned_bits: Option<u32>,
) -> Option<ConstValue> {
    use crate::lang::ast::UnaryOp::*;
    match (op, x) {
        (Plus, v @ (ConstValue::Int(_) | ConstValue::Float(_))) => Some(v.clone()),
        (Neg, ConstValue::Int(i)) => i.checked_neg().map(ConstValue::Int),
        (Neg, ConstValue::Float(f)) => Some(ConstValue::Float(-f)),
        (Not, ConstValue::Bool(b)) => Some(ConstValue::Bool(!b)),
        (BitNot, ConstValue::Int(i)) => Some(ConstValue::Int(match unsigned_bits {
            Some(bits) => {
                let mask = if bits >= 128 { -1 } else { (1i128 << bits) - 1 };
                !i & mask
            }
            None => !i,
        })),
        _ => None,
    }
}

/// Parse an integer literal as written (`0x1F`, `0o17`, `017`, `0b1`, `1_000`).
pub fn parse_int(lit: &str) -> Option<i128> {
    let s: String = lit.chars().filter(|&c| c != '_').collect();
    let lower = s.to_ascii_lowercase();
    if let Some(h) = lower.strip_prefix("0x") {
        i128::from_str_radix(h, 16).ok()
    } else if let Some(b) = lower.strip_prefix("0b") {
        i128::from_str_radix(b, 2).ok()
    } else if let Some(o) = lower.strip_prefix("0o") {
        i128::from_str_radix(o, 8).ok()
    } else if lower.len() > 1 && lower.starts_with('0') {
        i128::from_str_radix(&lower[1..], 8).ok()
    } else {
        lower.parse().ok()
    }
}

/// Parse a float literal as written (decimal only; hex floats are rare and rejected).
pub fn parse_float(lit: &str) -> Option<f64> {
    let s: String = lit.chars().filter(|&c| c != '_').collect();
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn representability() {
        assert_eq!(
            represent(&ConstValue::Int(300), Basic::Int8),
            Err(NotRepresentable::Overflows)
        );
        assert_eq!(
            represent(&ConstValue::Int(-1), Basic::Uint),
            Err(NotRepresentable::Overflows)
        );
        assert_eq!(
            represent(&ConstValue::Float(3.5), Basic::Int),
            Err(NotRepresentable::Truncated)
        );
        assert_eq!(
            represent(&ConstValue::Float(3.0), Basic::Int),
            Ok(ConstValue::Int(3))
        );
        assert_eq!(parse_int("0x1F"), Some(31));
        assert_eq!(show(&ConstValue::Float(1e300)), "1e+300");
        assert_eq!(show(&ConstValue::Float(2.5)), "2.5");
        assert_eq!(show(&ConstValue::Float(123456789.0)), "1.23457e+08");
        assert_eq!(show(&ConstValue::Float(0.0001)), "0.0001");
        assert_eq!(parse_int("1_000"), Some(1000));
        assert_eq!(
            binary(
                BinaryOp::Div,
                &ConstValue::Int(7),
                &ConstValue::Int(2),
                true
            ),
            Ok(ConstValue::Int(3))
        );
        assert_eq!(
            binary(
                BinaryOp::Shl,
                &ConstValue::Int(1),
                &ConstValue::Int(10),
                true
            ),
            Ok(ConstValue::Int(1024))
        );
    }
}
