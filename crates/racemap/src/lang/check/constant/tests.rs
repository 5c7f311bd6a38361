use super::*;

fn int(i: i64) -> ConstValue {
    ConstValue::int(i)
}

fn float(s: &str) -> ConstValue {
    ConstValue::Float(parse_float(s).unwrap())
}

#[test]
fn representability() {
    assert_eq!(
        represent(&int(300), Basic::Int8),
        Err(NotRepresentable::Overflows)
    );
    assert_eq!(
        represent(&int(-1), Basic::Uint),
        Err(NotRepresentable::Overflows)
    );
    assert_eq!(
        represent(&float("3.5"), Basic::Int),
        Err(NotRepresentable::Truncated(None))
    );
    assert_eq!(
        represent(&float("1e19"), Basic::Int64),
        Err(NotRepresentable::Truncated(Some(ConstValue::int(
            10_000_000_000_000_000_000u64
        ))))
    );
    assert_eq!(represent(&float("3.0"), Basic::Int), Ok(int(3)));
    assert_eq!(
        represent(&float("1e39"), Basic::Float32),
        Err(NotRepresentable::Overflows)
    );
    // A typed float64 constant holds the float64 value.
    assert_eq!(
        represent(&float("0.1"), Basic::Float64)
            .ok()
            .as_ref()
            .and_then(to_f64),
        Some(0.1)
    );
    assert_ne!(represent(&float("0.1"), Basic::Float64), Ok(float("0.1")));
    assert_eq!(
        represent(&ConstValue::int(u64::MAX), Basic::Uint64),
        Ok(ConstValue::int(u64::MAX))
    );
}

#[test]
fn literals() {
    assert_eq!(parse_int("0x1F"), Some(31.into()));
    assert_eq!(parse_int("1_000"), Some(1000.into()));
    assert_eq!(parse_int("017"), Some(15.into()));
    assert_eq!(
        parse_int("340282366920938463463374607431768211456").map(|i| i.bits()),
        Some(129)
    );
    assert_eq!(parse_float("0x1p-2"), parse_float("0.25"));
    assert_eq!(parse_float("1_0.5e1"), parse_float("105"));
}

#[test]
fn shown_as_go_constant_does() {
    assert_eq!(show(&float("1e300")), "1e+300");
    assert_eq!(show(&float("2.5")), "2.5");
    assert_eq!(show(&float("123456789.0")), "1.23457e+08");
    assert_eq!(show(&float("0.0001")), "0.0001");
    assert_eq!(show(&float("0.00001")), "1e-05");
    assert_eq!(show(&float("999999.9")), "1e+06");
    assert_eq!(show(&float("100000")), "100000");
    assert_eq!(show(&float("1e400")), "1e+400");
    let tiny = parse_float("2.5e-400").unwrap().neg();
    assert_eq!(show(&ConstValue::Float(tiny)), "-2.5e-400");
    assert_eq!(
        show(&ConstValue::int(1u128 << 100)),
        "1267650600228229401496703205376"
    );
}

#[test]
fn exact_arithmetic() {
    let sum = binary(BinaryOp::Add, &float("0.1"), &float("0.2"), false).unwrap();
    assert_eq!(sum, float("0.3"));
    assert_eq!(binary(BinaryOp::Div, &int(7), &int(2), true), Ok(int(3)));
    assert_eq!(binary(BinaryOp::Div, &int(-7), &int(2), true), Ok(int(-3)));
    assert_eq!(binary(BinaryOp::Rem, &int(-7), &int(3), true), Ok(int(-1)));
    assert_eq!(
        binary(BinaryOp::Shl, &int(1), &int(10), true),
        Ok(int(1024))
    );
    assert_eq!(binary(BinaryOp::Shr, &int(-5), &int(1), true), Ok(int(-3)));
    assert_eq!(binary(BinaryOp::AndNot, &int(7), &int(5), true), Ok(int(2)));
    let big = binary(BinaryOp::Shl, &int(1), &int(600), true).unwrap();
    assert!(overflows_untyped(&big));
    let back = binary(BinaryOp::Shr, &big, &int(590), true).unwrap();
    assert_eq!(back, int(1024));
    assert_eq!(
        binary(BinaryOp::Div, &int(1), &int(0), true),
        Err(ConstError::DivByZero)
    );
    assert_eq!(
        binary(BinaryOp::Lt, &float("0.1"), &int(1), false),
        Ok(ConstValue::Bool(true))
    );
    let third = binary(BinaryOp::Div, &int(1), &float("3"), false).unwrap();
    assert_eq!(
        binary(BinaryOp::Mul, &third, &int(3), false),
        Ok(ConstValue::Float(Rat::from_int(1.into())))
    );
}
