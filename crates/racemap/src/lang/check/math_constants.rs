//! Package `math`'s constants (Go 1.19's `math/const.go`), exact: the integer limits are
//! untyped integer constants, the others untyped float constants, computed from the same
//! expressions (`MaxFloat64 = 0x1p1023 * (1 + (1 - 0x1p-52))`, `Log2E = 1 / Ln2`, the
//! 63-digit decimals of `Pi`, `E`, …).

use crate::lang::check::exact::Rat;
use crate::lang::check::info::ConstValue;
use crate::types::Basic;
use num_bigint::BigInt;

/// The value of `math.NAME`, with its untyped kind, or `None`.
pub fn math_constant(path: &str, name: &str) -> Option<(Basic, ConstValue)> {
    if path != "math" {
        return None;
    }
    let one = || BigInt::from(1u8);
    let int = |i: BigInt| Some((Basic::UntypedInt, ConstValue::Int(i)));
    let signed = |bits: usize| (one() << (bits - 1)) - 1;
    let min = |bits: usize| -(one() << (bits - 1));
    let unsigned = |bits: usize| (one() << bits) - 1;
    match name {
        "MaxInt" | "MaxInt64" => return int(signed(64)),
        "MinInt" | "MinInt64" => return int(min(64)),
        "MaxInt8" => return int(signed(8)),
        "MinInt8" => return int(min(8)),
        "MaxInt16" => return int(signed(16)),
        "MinInt16" => return int(min(16)),
        "MaxInt32" => return int(signed(32)),
        "MinInt32" => return int(min(32)),
        "MaxUint" | "MaxUint64" => return int(unsigned(64)),
        "MaxUint8" => return int(unsigned(8)),
        "MaxUint16" => return int(unsigned(16)),
        "MaxUint32" => return int(unsigned(32)),
        _ => {}
    }
    let dec = |s: &str| Rat::parse_decimal(s);
    let hex = |s: &str| Rat::parse_hex(s);
    let ln2 = "0.693147180559945309417232121458176568075500134360255254120680009";
    let ln10 = "2.30258509299404568401799145468436420760110148862877297603332790";
    let value = match name {
        "E" => dec("2.71828182845904523536028747135266249775724709369995957496696763")?,
        "Pi" => dec("3.14159265358979323846264338327950288419716939937510582097494459")?,
        "Phi" => dec("1.61803398874989484820458683436563811772030917980576286213544862")?,
        "Sqrt2" => dec("1.41421356237309504880168872420969807856967187537694807317667974")?,
        "SqrtE" => dec("1.64872127070012814684865078781416357165377610071014801157507931")?,
        "SqrtPi" => dec("1.77245385090551602729816748334114518279754945612238712821380779")?,
        "SqrtPhi" => dec("1.27201964951406896425242246173749149171560804184009624861664038")?,
        "Ln2" => dec(ln2)?,
        "Log2E" => Rat::from_int(one()).div(&dec(ln2)?)?,
        "Ln10" => dec(ln10)?,
        "Log10E" => Rat::from_int(one()).div(&dec(ln10)?)?,
        // 0x1p127 * (1 + (1 - 0x1p-23)), and float64's.
        "MaxFloat32" => hex("0x1p127")?.mul(&hex("0x1p1")?.sub(&hex("0x1p-23")?)),
        "SmallestNonzeroFloat32" => hex("0x1p-149")?,
        "MaxFloat64" => hex("0x1p1023")?.mul(&hex("0x1p1")?.sub(&hex("0x1p-52")?)),
        "SmallestNonzeroFloat64" => hex("0x1p-1074")?,
        _ => return None,
    };
    Some((Basic::UntypedFloat, ConstValue::Float(value)))
}
