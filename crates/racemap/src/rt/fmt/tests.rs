//! `rt::fmt` checked against Go 1.19's output.

#![allow(clippy::approx_constant)] // 3.14159 is test data checked against Go, not π.

use super::*;
use crate::rt::value::ObjId;
use crate::types::Field;
use std::rc::Rc;

/// [`super::sprint`] as text (these cases print valid UTF-8).
fn sprint(h: &dyn FmtHeap, args: &[Value]) -> String {
    String::from_utf8(super::sprint(h, args)).expect("UTF-8 output")
}

/// [`super::sprintln`] as text.
fn sprintln(h: &dyn FmtHeap, args: &[Value]) -> String {
    String::from_utf8(super::sprintln(h, args)).expect("UTF-8 output")
}

/// [`super::sprintf`] with a text format, as text.
fn sprintf(h: &dyn FmtHeap, format: &str, args: &[Value]) -> String {
    String::from_utf8(super::sprintf(h, format.as_bytes(), args)).expect("UTF-8 output")
}

/// A tiny heap: objects by index, maps as sorted entry lists.
struct H {
    types: TypeTable,
    objs: Vec<Value>,
    maps: Vec<Vec<(Value, Value)>>,
}

impl FmtHeap for H {
    fn types(&self) -> &TypeTable {
        &self.types
    }
    fn load(&self, ptr: &Pointer) -> Option<Value> {
        self.objs.get(ptr.obj.0 as usize).cloned()
    }
    fn map_entries(&self, map: MapId) -> Vec<(Value, Value)> {
        self.maps[map.0 as usize].clone()
    }
    fn slice_elems(&self, s: &SliceRef) -> Vec<Value> {
        match &self.objs[s.obj.0 as usize] {
            Value::Array(a) => a[s.off as usize..(s.off + s.len) as usize].to_vec(),
            _ => vec![],
        }
    }
}

fn ty(b: Basic) -> TypeId {
    TypeTable::basic(b)
}

fn any(t: TypeId, v: Value) -> Value {
    Value::Iface(Some(Box::new((t, v))))
}

fn i(x: i64) -> Value {
    any(ty(Basic::Int), Value::Int(x))
}

fn s(x: &str) -> Value {
    any(ty(Basic::String), Value::str(x))
}

fn f(x: f64) -> Value {
    any(ty(Basic::Float64), Value::Float(x))
}

fn b(x: bool) -> Value {
    any(ty(Basic::Bool), Value::Bool(x))
}

fn r(c: char) -> Value {
    any(ty(Basic::Int32), Value::Int(c as i64))
}

fn nil() -> Value {
    Value::Iface(None)
}

struct Env {
    h: H,
    t: TypeId,
}

impl Env {
    fn new() -> Env {
        let mut types = TypeTable::new();
        let t = types.new_named("T", "main");
        let st = types.intern(TypeKind::Struct(vec![
            Field {
                name: "X".into(),
                ty: ty(Basic::Int),
                embedded: false,
            },
            Field {
                name: "Y".into(),
                ty: ty(Basic::String),
                embedded: false,
            },
        ]));
        types.set_underlying(t, st);
        Env {
            h: H {
                types,
                objs: vec![],
                maps: vec![],
            },
            t,
        }
    }

    fn intern(&mut self, k: TypeKind) -> TypeId {
        self.h.types.intern(k)
    }

    fn tv(&self, x: i64, y: &str) -> Value {
        any(
            self.t,
            Value::Struct(Box::new([Value::Int(x), Value::str(y)])),
        )
    }

    fn tval(&self, x: i64, y: &str) -> Value {
        Value::Struct(Box::new([Value::Int(x), Value::str(y)]))
    }

    fn alloc(&mut self, v: Value) -> ObjId {
        self.h.objs.push(v);
        ObjId(self.h.objs.len() as u32 - 1)
    }

    /// A slice of `elem` values.
    fn slice(&mut self, elem: TypeId, vals: Vec<Value>) -> Value {
        let st = self.intern(TypeKind::Slice(elem));
        let len = vals.len() as u32;
        let obj = self.alloc(Value::Array(vals.into()));
        any(
            st,
            Value::Slice(Some(SliceRef {
                obj,
                base: std::rc::Rc::from(Vec::new()),
                off: 0,
                len,
                cap: len,
            })),
        )
    }

    /// A map with entries given in any order (sorted here by MapKey like MapObj does).
    fn map(&mut self, k: TypeId, v: TypeId, mut entries: Vec<(Value, Value)>) -> Value {
        let mt = self.intern(TypeKind::Map(k, v));
        let types = self.h.types.clone();
        entries.sort_by(|a, b| {
            MapKey::from_value(&a.0, &types)
                .unwrap()
                .cmp(&MapKey::from_value(&b.0, &types).unwrap())
        });
        self.h.maps.push(entries);
        any(mt, Value::Map(Some(MapId(self.h.maps.len() as u32 - 1))))
    }

    fn ptr(&mut self, elem: TypeId, v: Value) -> Value {
        let pt = self.intern(TypeKind::Pointer(elem));
        let obj = self.alloc(v);
        any(pt, Value::Ptr(Some(Pointer::root(obj))))
    }
}

fn check(env: &Env, cases: &[(&str, Vec<Value>, &str)]) {
    let mut failures = Vec::new();
    for (format, args, want) in cases {
        let got = sprintf(&env.h, format, args);
        if got != *want {
            failures.push(format!("{format:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

// Every expected string below is the output of Go 1.19 for the same call.

#[test]
fn print_and_println_spacing() {
    let env = Env::new();
    let h = &env.h;
    assert_eq!(
        sprintln(h, &[i(1), s("a"), b(true), f(2.5), nil()]),
        "1 a true 2.5 <nil>\n"
    );
    assert_eq!(
        sprint(h, &[i(1), i(2), s("a"), s("b"), i(3), f(4.0)]),
        "1 2ab3 4"
    );
    assert_eq!(sprint(h, &[s("a"), i(1), i(2), s("b")]), "a1 2b");
    assert_eq!(sprintln(h, &[]), "\n");
}

#[test]
fn integers_and_flags() {
    let env = Env::new();
    let u64t = ty(Basic::Uint64);
    check(
        &env,
        &[
            (
                "%d|%5d|%-5d|%05d|%x|%X|%o|%b|%+d|% d|",
                vec![
                    i(42),
                    i(42),
                    i(42),
                    i(-42),
                    i(255),
                    i(255),
                    i(8),
                    i(5),
                    i(3),
                    i(3),
                ],
                "42|   42|42   |-0042|ff|FF|10|101|+3| 3|",
            ),
            (
                "%x|%X|%#x|%#o|%08b|%x|",
                vec![
                    i(-255),
                    i(255),
                    i(255),
                    i(8),
                    i(5),
                    any(u64t, Value::Int(-1)),
                ],
                "-ff|FF|0xff|010|00000101|ffffffffffffffff|",
            ),
            (
                "%03d|%+05d|%-05d|% 05d|%.3d|%8.3d|%.0d|",
                vec![i(7), i(7), i(7), i(7), i(7), i(-7), i(0)],
                "007|+0007|7    | 0007|007|    -007||",
            ),
            (
                "%v|%v|%d|",
                vec![
                    any(ty(Basic::Int8), Value::Int(-5)),
                    any(ty(Basic::Uint8), Value::Int(200)),
                    any(ty(Basic::Int64), Value::Int(i64::MIN)),
                ],
                "-5|200|-9223372036854775808|",
            ),
            (
                "%c|%q|%U|%#U|%d|%v|",
                vec![r('A'), r('x'), r('A'), r('é'), r('A'), r('A')],
                "A|'x'|U+0041|U+00E9 'é'|65|65|",
            ),
        ],
    );
}

#[test]
fn strings_and_bools() {
    let mut env = Env::new();
    let byte = ty(Basic::Uint8);
    let hi = |env: &mut Env| env.slice(byte, vec![Value::Int(104), Value::Int(105)]);
    let b1 = hi(&mut env);
    let b2 = hi(&mut env);
    let b3 = hi(&mut env);
    let b4 = hi(&mut env);
    check(
        &env,
        &[
            (
                "%s|%q|%v|%10s|%-10s|%.2s|%x|% X|%#q|",
                vec![
                    s("hi"),
                    s("hi\n"),
                    s("hi"),
                    s("hi"),
                    s("hi"),
                    s("hello"),
                    s("hi"),
                    s("hi"),
                    s("hi"),
                ],
                "hi|\"hi\\n\"|hi|        hi|hi        |he|6869|68 69|`hi`|",
            ),
            (
                "%t|%v|%5t|",
                vec![b(true), b(false), b(true)],
                "true|false| true|",
            ),
            (
                "%v|%s|%x|%q|",
                vec![b1, b2, b3, b4],
                "[104 105]|hi|6869|\"hi\"|",
            ),
            (
                "%5s|%-5d|%05s|%.1q|%8.3v|",
                vec![s("é"), i(-3), s("ab"), s("abc"), f(3.14159)],
                "    é|-3   |000ab|\"a\"|    3.14|",
            ),
        ],
    );
}

#[test]
fn floats() {
    let env = Env::new();
    let f32t = ty(Basic::Float32);
    check(
        &env,
        &[
            (
                "%f|%.2f|%e|%g|%v|%8.3f|%-8.2f|%08.3f|%+.1f|%.0f|%.3g|%g|%G|",
                vec![
                    f(3.14159),
                    f(3.14159),
                    f(1234.5678),
                    f(0.000012345),
                    f(1e21),
                    f(3.14159),
                    f(2.5),
                    f(-3.14159),
                    f(2.0),
                    f(2.5),
                    f(1234.5678),
                    f(100000.0),
                    f(1e-7),
                ],
                "3.141590|3.14|1.234568e+03|1.2345e-05|1e+21|   3.142|2.50    |-003.142|+2.0|2|1.23e+03|100000|1E-07|",
            ),
            (
                "%v %v %v %v %v %v %v %v %v %v",
                vec![
                    any(f32t, Value::Float(f64::from(0.1f32))),
                    f(1e6),
                    f(1e-5),
                    f(123456789.0),
                    f(-0.0),
                    f(f64::INFINITY),
                    f(f64::NEG_INFINITY),
                    f(f64::NAN),
                    f(1e20),
                    any(f32t, Value::Float(f64::from(1.0f32 / 3.0))),
                ],
                "0.1 1e+06 1e-05 1.23456789e+08 -0 +Inf -Inf NaN 1e+20 0.33333334",
            ),
            (
                "%5.1f|%-10.3e|%g|%g|%.3e|",
                vec![f(3.14159), f(1234.5), f(1e100), f(1e-100), f(0.0)],
                "  3.1|1.234e+03 |1e+100|1e-100|0.000e+00|",
            ),
            (
                "%.2f|%.1f|%.0f|%.0f|%.2f|",
                vec![f(2.675), f(0.25), f(0.5), f(1.5), f(1.005)],
                "2.67|0.2|0|2|1.00|",
            ),
            (
                "%e|%E|%.0e|%g|%g|%g|",
                vec![f(0.0), f(123456.0), f(15.0), f(1e-4), f(1e-5), f(123456.0)],
                "0.000000e+00|1.234560E+05|2e+01|0.0001|1e-05|123456|",
            ),
            ("%6.2f%%|", vec![f(99.5)], " 99.50%|"),
            ("%v", vec![f(0.1 + 0.2)], "0.30000000000000004"),
        ],
    );
}

#[test]
fn composites() {
    let mut env = Env::new();
    let int = ty(Basic::Int);
    let string = ty(Basic::String);
    let t = env.t;
    let s123 = env.slice(int, vec![Value::Int(1), Value::Int(2), Value::Int(3)]);
    let arr_t = env.intern(TypeKind::Array(2, string));
    let arr = any(
        arr_t,
        Value::Array(Box::new([Value::str("a"), Value::str("b")])),
    );
    let m = env.map(
        string,
        int,
        vec![
            (Value::str("b"), Value::Int(2)),
            (Value::str("a"), Value::Int(1)),
        ],
    );
    let int_slice_t = env.intern(TypeKind::Slice(int));
    let map_t = env.intern(TypeKind::Map(string, int));
    let ptr_t = env.intern(TypeKind::Pointer(t));
    let s12 = env.slice(int, vec![Value::Int(1), Value::Int(2)]);
    let tv1 = env.tval(1, "a");
    let tv2 = env.tval(2, "b");
    let p1 = env.ptr(t, tv1);
    let p2 = env.ptr(t, tv2);
    let s12b = env.slice(int, vec![Value::Int(1), Value::Int(2)]);
    let iface_t = env.intern(TypeKind::Interface(vec![]));
    let mixed = env.slice(iface_t, vec![i(1), s("a"), nil(), f(2.5)]);
    let tkeys = env.map(
        t,
        int,
        vec![
            (env.tval(1, "a"), Value::Int(1)),
            (env.tval(0, "b"), Value::Int(2)),
            (env.tval(1, "0"), Value::Int(3)),
        ],
    );
    let strs = env.slice(string, vec![Value::str("a"), Value::str("b")]);
    let inner_a = env.slice(int, vec![Value::Int(1), Value::Int(2)]);
    let inner_b = env.slice(int, vec![Value::Int(3)]);
    let (Value::Iface(Some(ia)), Value::Iface(Some(ib))) = (inner_a, inner_b) else {
        unreachable!()
    };
    let nested = env.slice(int_slice_t, vec![ia.1, ib.1]);
    let int_keys = env.map(
        int,
        string,
        vec![
            (Value::Int(3), Value::str("c")),
            (Value::Int(-1), Value::str("a")),
            (Value::Int(10), Value::str("b")),
        ],
    );
    let bool_keys = env.map(
        ty(Basic::Bool),
        int,
        vec![
            (Value::Bool(true), Value::Int(1)),
            (Value::Bool(false), Value::Int(0)),
        ],
    );
    let hash_t = env.intern(TypeKind::Map(int, ty(Basic::Bool)));
    let anon_t = env.intern(TypeKind::Struct(vec![
        Field {
            name: "A".into(),
            ty: int_slice_t,
            embedded: false,
        },
        Field {
            name: "M".into(),
            ty: hash_t,
            embedded: false,
        },
    ]));
    let one = env.slice(int, vec![Value::Int(1)]);
    let Value::Iface(Some(one)) = one else {
        unreachable!()
    };
    let hm = env.map(
        int,
        ty(Basic::Bool),
        vec![
            (Value::Int(2), Value::Bool(true)),
            (Value::Int(1), Value::Bool(false)),
        ],
    );
    let Value::Iface(Some(hm)) = hm else {
        unreachable!()
    };
    let anon = any(anon_t, Value::Struct(Box::new([one.1.clone(), hm.1])));
    let floats = env.slice(
        ty(Basic::Float64),
        vec![Value::Float(1.0), Value::Float(2.5)],
    );
    let empty_t = env.intern(TypeKind::Struct(vec![]));
    let arr0_t = env.intern(TypeKind::Array(0, int));
    let s1 = env.slice(int, vec![Value::Int(1)]);
    let nil_slice = any(int_slice_t, Value::Slice(None));
    let s12c = env.slice(int, vec![Value::Int(1), Value::Int(2)]);
    check(
        &env,
        &[
            (
                "%v|%+v|%#v|",
                vec![env.tv(1, "a"), env.tv(1, "a"), env.tv(1, "a")],
                "{1 a}|{X:1 Y:a}|main.T{X:1, Y:\"a\"}|",
            ),
            (
                "%v|%v|%v|",
                vec![s123, arr, m.clone()],
                "[1 2 3]|[a b]|map[a:1 b:2]|",
            ),
            (
                "%v|%v|%v|%v|%d|",
                vec![
                    nil_slice.clone(),
                    any(map_t, Value::Map(None)),
                    any(ptr_t, Value::Ptr(None)),
                    nil(),
                    s12,
                ],
                "[]|map[]|<nil>|<nil>|[1 2]|",
            ),
            ("%v|%+v|", vec![p1, p2], "&{1 a}|&{X:2 Y:b}|"),
            (
                "%5v|%-5v|",
                vec![s12b, env.tv(1, "a")],
                "[    1     2]|{1     a    }|",
            ),
            ("%v|", vec![anon], "{[1] map[1:false 2:true]}|"),
            ("%v|", vec![mixed], "[1 a <nil> 2.5]|"),
            ("%v|", vec![tkeys], "map[{0 b}:2 {1 0}:3 {1 a}:1]|"),
            ("%q|%v|", vec![strs, nested], "[\"a\" \"b\"]|[[1 2] [3]]|"),
            (
                "%v %v|",
                vec![int_keys, bool_keys],
                "map[-1:a 3:c 10:b] map[false:0 true:1]|",
            ),
            (
                "%v|%v|%v|",
                vec![
                    floats,
                    any(empty_t, Value::Struct(Box::new([]))),
                    any(arr0_t, Value::Array(Box::new([]))),
                ],
                "[1 2.5]|{}|[]|",
            ),
            (
                "%#v|%#v|%#v|%#v|%#v|%#v|",
                vec![
                    s12c,
                    m,
                    s("hi"),
                    i(42),
                    nil_slice,
                    any(ty(Basic::Uint), Value::Int(7)),
                ],
                "[]int{1, 2}|map[string]int{\"a\":1, \"b\":2}|\"hi\"|42|[]int(nil)|0x7|",
            ),
            ("%s|", vec![s1], "[%!s(int=1)]|"),
        ],
    );
}

#[test]
fn byte_slices_in_go_syntax() {
    let mut env = Env::new();
    let byte = ty(Basic::Uint8);
    let hi = env.slice(byte, vec![Value::Int(104), Value::Int(105)]);
    check(
        &env,
        &[(
            "%#v|%d|",
            vec![hi.clone(), hi],
            "[]byte{0x68, 0x69}|[104 105]|",
        )],
    );
}

proptest::proptest! {
    /// The shortest `%v` of any finite float64 reads back as the same number.
    #[test]
    fn shortest_float_round_trips(bits in proptest::num::u64::ANY) {
        let v = f64::from_bits(bits);
        proptest::prop_assume!(v.is_finite());
        let s = format_float(v, 'g', -1, 64);
        let back: f64 = s.parse().unwrap();
        proptest::prop_assert_eq!(back.to_bits(), v.to_bits(), "{}", s);
    }
}

#[test]
fn second_batch_checked_against_go() {
    let mut env = Env::new();
    let int = ty(Basic::Int);
    let string = ty(Basic::String);
    let byte = ty(Basic::Uint8);
    let strs_t = env.intern(TypeKind::Slice(string));
    let pint = env.intern(TypeKind::Pointer(int));
    let iface = env.intern(TypeKind::Interface(vec![]));
    let msi = env.intern(TypeKind::Map(string, int));
    let st = env.intern(TypeKind::Struct(vec![
        Field {
            name: "a".into(),
            ty: int,
            embedded: false,
        },
        Field {
            name: "B".into(),
            ty: strs_t,
            embedded: false,
        },
        Field {
            name: "C".into(),
            ty: pint,
            embedded: false,
        },
        Field {
            name: "D".into(),
            ty: iface,
            embedded: false,
        },
        Field {
            name: "E".into(),
            ty: msi,
            embedded: false,
        },
    ]));
    let s_named = env.h.types.new_named("S", "main");
    env.h.types.set_underlying(s_named, st);
    let x = env.slice(string, vec![Value::str("x")]);
    let Value::Iface(Some(x)) = x else {
        unreachable!()
    };
    let k1 = env.map(string, int, vec![(Value::str("k"), Value::Int(1))]);
    let Value::Iface(Some(k1)) = k1 else {
        unreachable!()
    };
    let s1 = Value::Struct(Box::new([
        Value::Int(1),
        x.1.clone(),
        Value::Ptr(None),
        Value::Iface(None),
        Value::Map(None),
    ]));
    let s2 = Value::Struct(Box::new([
        Value::Int(2),
        Value::Slice(None),
        Value::Ptr(None),
        i(3),
        k1.1.clone(),
    ]));
    let bytes = env.slice(byte, vec![Value::Int(1), Value::Int(171)]);
    let ab_c = env.slice(string, vec![Value::str("ab"), Value::str("c")]);
    let a_b = env.slice(string, vec![Value::str("a"), Value::str("b")]);
    let a_b2 = env.slice(string, vec![Value::str("a"), Value::str("b")]);
    let bools = env.slice(ty(Basic::Bool), vec![Value::Bool(true), Value::Bool(false)]);
    let arr_t = env.intern(TypeKind::Array(3, int));
    let arr = any(
        arr_t,
        Value::Array(Box::new([Value::Int(1), Value::Int(2), Value::Int(3)])),
    );
    let mixed1 = env.slice(iface, vec![i(1), s("a")]);
    let mixed2 = env.slice(iface, vec![i(1), s("a")]);
    let f32t = ty(Basic::Float32);
    check(
        &env,
        &[
            (
                "%+q|%q|%-08d|%+.2e|%.2v|%x|%#X|% x|%#v|",
                vec![s("héllo\x01"), s("tab\there"), i(42), f(12345.678), s("hello"), i(-1), i(3054), bytes, r('x')],
                "\"h\\u00e9llo\\x01\"|\"tab\\there\"|42      |+1.23e+04|he|-1|0XBEE|01 ab|120|",
            ),
            (
                "%v|%+v|",
                vec![any(s_named, s1.clone()), any(s_named, s2)],
                "{1 [x] <nil> <nil> map[]}|{a:2 B:[] C:<nil> D:3 E:map[k:1]}|",
            ),
            (
                "%#v|",
                vec![any(s_named, s1)],
                "main.S{a:1, B:[]string{\"x\"}, C:(*int)(nil), D:interface {}(nil), E:map[string]int(nil)}|",
            ),
            (
                "%08.3f|%-8.3f|%+08d|%x|%X|%o|%#b|",
                vec![f(-1.5), f(1.5), i(42), s("Hello"), ab_c, i(64), i(5)],
                "-001.500|1.500   |+0000042|48656c6c6f|[6162 63]|100|0b101|",
            ),
            (
                "%6.2v|%.3s|%.10s|%c%c|%3c|%-3c|",
                vec![f(3.14159), s("日本語日本語"), s("short"), i(0x65e5), r('x'), r('y'), r('z')],
                "   3.1|日本語|short|日x|  y|z  |",
            ),
            (
                "%v %v %v %v|",
                vec![
                    any(ty(Basic::Int32), Value::Int(-7)),
                    any(ty(Basic::Uint16), Value::Int(65535)),
                    any(f32t, Value::Float(2.5)),
                    any(f32t, Value::Float(16777216.0)),
                ],
                "-7 65535 2.5 1.6777216e+07|",
            ),
            (
                "%g|%g|%g|%.2g|%.10g|%G|",
                vec![f(1e-4), f(1234567.0), f(0.000001234), f(123.0), f(1.0 / 3.0), f(1e-10)],
                "0.0001|1.234567e+06|1.234e-06|1.2e+02|0.3333333333|1E-10|",
            ),
            ("%5.2f%%|%3d%%|", vec![f(12.345), i(7)], "12.35%|  7%|"),
            ("%t %v|", vec![b(false), bools], "false [true false]|"),
            ("%q|", vec![r('é')], "'é'|"),
            ("%v|%d|%s|", vec![arr, mixed1, mixed2], "[1 2 3]|[1 %!d(string=a)]|[%!s(int=1) a]|"),
            ("%-5s|%5s|", vec![a_b, a_b2], "[a     b    ]|[    a     b]|"),
            ("%*s|%-*s|", vec![i(4), s("a"), i(4), s("b")], "   a|b   |"),
            ("%.3f|%.3e|%.3g|", vec![f(0.0005), f(0.0005), f(0.0005)], "0.001|5.000e-04|0.0005|"),
        ],
    );
    assert_eq!(
        sprintln(
            &env.h,
            &[
                f(100000000.0),
                f(12345678.0),
                f(0.000123),
                f(1.5e-7),
                f(2.0 / 3.0)
            ]
        ),
        "1e+08 1.2345678e+07 0.000123 1.5e-07 0.6666666666666666\n"
    );
}

#[test]
fn types_and_named() {
    let mut env = Env::new();
    let t = env.t;
    let myint = env.h.types.new_named("MyInt", "main");
    env.h.types.set_underlying(myint, ty(Basic::Int));
    let pt = env.intern(TypeKind::Pointer(t));
    let sl = env.intern(TypeKind::Slice(ty(Basic::Int)));
    let mt = env.intern(TypeKind::Map(ty(Basic::String), sl));
    check(
        &env,
        &[
            (
                "%T|%T|%T|%T|%T|%T|%T|",
                vec![
                    i(1),
                    s("a"),
                    f(2.0),
                    env.tv(0, ""),
                    any(pt, Value::Ptr(None)),
                    any(mt, Value::Map(None)),
                    nil(),
                ],
                "int|string|float64|main.T|*main.T|map[string][]int|<nil>|",
            ),
            (
                "%v|%d|%x|",
                vec![
                    any(myint, Value::Int(5)),
                    any(myint, Value::Int(5)),
                    any(myint, Value::Int(255)),
                ],
                "5|5|ff|",
            ),
        ],
    );
}

#[test]
fn errors_in_format() {
    let env = Env::new();
    check(
        &env,
        &[
            ("%d|%s|", vec![s("hi"), i(5)], "%!d(string=hi)|%!s(int=5)|"),
            ("%d %d|", vec![i(1)], "1 %!d(MISSING)|"),
            (
                "%d|",
                vec![i(1), i(2), s("x")],
                "1|%!(EXTRA int=2, string=x)",
            ),
            ("%z|%!|", vec![i(1), i(2)], "%!z(int=1)|%!!(int=2)|"),
            ("%", vec![], "%!(NOVERB)"),
            ("%v|%s|", vec![s("x"), nil()], "x|%!s(<nil>)|"),
            (
                "%s|%d|",
                vec![env.tv(1, "a"), b(true)],
                "{%!s(int=1) a}|%!d(bool=true)|",
            ),
            ("%t|", vec![i(1)], "%!t(int=1)|"),
            (
                "%[2]d %[1]d|%*d|%-*d|%.*f|",
                vec![i(1), i(2), i(5), i(1), i(5), i(1), i(2), f(3.14159)],
                "2 1| 5|5|%!f(int=2)|",
            ),
            ("%[3]d|", vec![i(1)], "%!d(BADINDEX)|"),
        ],
    );
}

#[test]
fn sync_values_print_go_1_19_struct_forms() {
    use crate::rt::{mutex::MutexState, waitgroup::WaitGroupState};
    use crate::types::SyncKind;
    let mut env = Env::new();
    let mut sync_val = |k: SyncKind, st: SyncState| {
        let t = env.h.types.intern(TypeKind::Sync(k));
        any(t, Value::Sync(Box::new(st)))
    };
    let mu = sync_val(SyncKind::Mutex, SyncState::Mutex(MutexState::default()));
    let locked = sync_val(
        SyncKind::Mutex,
        SyncState::Mutex({
            let mut m = MutexState::default();
            m.lock(crate::rt::event::Gid(0), &Pointer::root(ObjId(0)))
                .expect("free");
            m
        }),
    );
    let wg = sync_val(
        SyncKind::WaitGroup,
        SyncState::WaitGroup(WaitGroupState {
            counter: 2,
            ..Default::default()
        }),
    );
    let rw = sync_val(SyncKind::RwMutex, SyncState::zero(SyncKind::RwMutex));
    let once = sync_val(
        SyncKind::Once,
        SyncState::Once(crate::rt::once::OnceState::Done),
    );
    let a64 = sync_val(SyncKind::AtomicInt64, SyncState::AtomicInt(5));
    let ab = sync_val(SyncKind::AtomicBool, SyncState::AtomicBool(true));
    let sm = sync_val(SyncKind::Map, SyncState::zero(SyncKind::Map));
    let a32 = sync_val(SyncKind::AtomicInt32, SyncState::AtomicInt(5));
    check(
        &env,
        &[
            ("%v|%+v|", vec![mu, locked.clone()], "{0 0}|{state:1 sema:0}|"),
            ("%v|", vec![wg], "{{} 8589934592 0}|"),
            ("%v|%+v|", vec![rw.clone(), rw], "{{0 0} 0 0 0 0}|{w:{state:0 sema:0} writerSem:0 readerSem:0 readerCount:0 readerWait:0}|"),
            ("%v|", vec![once], "{1 {0 0}}|"),
            ("%v|%+v|%v|", vec![a64.clone(), a64, ab], "{{} {} 5}|{_:{} _:{} v:5}|{{} 1}|"),
            ("%v|%+v|", vec![sm.clone(), sm], "{{0 0} {<nil>} map[] 0}|{mu:{state:0 sema:0} read:{<nil>} dirty:map[] misses:0}|"),
            ("%T|", vec![locked.clone()], "sync.Mutex|"),
            ("%v|%+v|", vec![a32.clone(), a32], "{{} 5}|{_:{} v:5}|"),
        ],
    );
}

#[test]
fn pointers_to_sync_values_print_like_pointers_to_structs() {
    use crate::types::SyncKind;
    let mut env = Env::new();
    let mt = env.intern(TypeKind::Sync(SyncKind::Mutex));
    let wt = env.intern(TypeKind::Sync(SyncKind::WaitGroup));
    let mu = env.ptr(mt, Value::Sync(Box::new(SyncState::zero(SyncKind::Mutex))));
    let wg = env.ptr(
        wt,
        Value::Sync(Box::new(SyncState::zero(SyncKind::WaitGroup))),
    );
    assert_eq!(sprintln(&env.h, &[mu.clone(), wg]), "&{0 0} &{{} 0 0}\n");
    assert_eq!(sprintf(&env.h, "%+v", &[mu]), "&{state:0 sema:0}");
}

#[test]
fn method_strings_are_used_for_v_and_s() {
    struct M(Env);
    impl FmtHeap for M {
        fn types(&self) -> &TypeTable {
            &self.0.h.types
        }
        fn load(&self, p: &Pointer) -> Option<Value> {
            self.0.h.load(p)
        }
        fn map_entries(&self, m: MapId) -> Vec<(Value, Value)> {
            self.0.h.map_entries(m)
        }
        fn slice_elems(&self, s: &SliceRef) -> Vec<Value> {
            self.0.h.slice_elems(s)
        }
        fn method_string(&self, ty: TypeId, _: &Value) -> Option<GoString> {
            (ty == self.0.t).then(|| "T!".into())
        }
    }
    let env = Env::new();
    let v = env.tv(1, "a");
    let m = M(env);
    assert_eq!(
        sprintf(&m, "%v|%s|%d|%5v", &[v.clone(), v.clone(), v.clone(), v]),
        "T!|T!|{1 %!d(string=a)}|   T!"
    );
}

#[test]
fn pointers_print_fake_addresses() {
    let mut env = Env::new();
    let int = ty(Basic::Int);
    let p = env.ptr(int, Value::Int(1));
    let out = sprintf(&env.h, "%v|%p", &[p.clone(), p]);
    assert_eq!(out, "0xc000010000|0xc000010000");
    let chan_t = env.intern(TypeKind::Chan(crate::types::ChanDir::Both, int));
    assert_eq!(
        sprint(&env.h, &[any(chan_t, Value::Chan(Some(ChanId(1))))]),
        "0xc000080060"
    );
    let _ = Rc::new(0);
}

#[test]
fn reflect_type_strings() {
    let mut env = Env::new();
    let st = env.intern(TypeKind::Struct(vec![
        Field {
            name: "X".into(),
            ty: ty(Basic::Int),
            embedded: false,
        },
        Field {
            name: "Y".into(),
            ty: ty(Basic::String),
            embedded: false,
        },
    ]));
    let e = env.intern(TypeKind::Struct(vec![]));
    let i = env.intern(TypeKind::Interface(vec![]));
    let si = env.intern(TypeKind::Slice(i));
    let t = &env.h.types;
    assert_eq!(reflect_type_string(t, st), "struct { X int; Y string }");
    assert_eq!(reflect_type_string(t, e), "struct {}");
    assert_eq!(reflect_type_string(t, si), "[]interface {}");
}
