//! Value operations shared by local and visible instructions: binary operators with Go's
//! integer wrapping, comparison, conversion, slicing, method lookup and panic values.

use super::*;
use crate::rt::fmt::MethodText;

impl Machine {
    pub(super) fn type_matches(&self, dynamic: TypeId, target: TypeId) -> bool {
        if dynamic == target {
            return true;
        }
        match self.program.types.under(target) {
            TypeKind::Interface(methods) => methods
                .iter()
                .all(|(name, _)| self.has_method(dynamic, name)),
            _ => false,
        }
    }

    pub(super) fn equal(&self, x: &Value, y: &Value) -> R<bool> {
        Ok(match (x, y) {
            (Value::Iface(Some(a)), Value::Iface(Some(b))) => {
                if a.0 != b.0 {
                    false
                } else {
                    if matches!(a.1, Value::Slice(_) | Value::Map(_) | Value::Func(_)) {
                        let t = crate::rt::fmt::reflect_type_string(&self.program.types, a.0);
                        return Err(RtError::uncomparable(&t).into());
                    }
                    self.equal(&a.1, &b.1)?
                }
            }
            (Value::Struct(a), Value::Struct(b)) | (Value::Array(a), Value::Array(b)) => {
                for (p, q) in a.iter().zip(b.iter()) {
                    if !self.equal(p, q)? {
                        return Ok(false);
                    }
                }
                a.len() == b.len()
            }
            (Value::Func(a), Value::Func(b)) => a.is_none() && b.is_none(),
            (Value::Iface(None), Value::Iface(None)) => true,
            (Value::Iface(_), _) | (_, Value::Iface(_)) => false,
            _ => x == y,
        })
    }

    pub(super) fn convert(&mut self, x: Value, from: TypeId, to: TypeId) -> R<Value> {
        let types = &self.program.types;
        let fk = types.under(from).clone();
        let tk = types.under(to).clone();
        Ok(match (&fk, &tk) {
            (TypeKind::Basic(fb), TypeKind::Basic(tb)) => {
                if *tb == Basic::String || *tb == Basic::UntypedString {
                    if fb.int_info().is_some() {
                        // `string(r)`: U+FFFD for an invalid code point. An unsigned value
                        // above MaxInt64 is invalid too.
                        let r = if is_unsigned(*fb) && int(&x)? < 0 {
                            -1
                        } else {
                            int(&x)?
                        };
                        let mut b = Vec::with_capacity(4);
                        crate::gostr::push_rune(&mut b, r);
                        Value::Str(b.into())
                    } else {
                        x
                    }
                } else if is_float(*tb) {
                    let f = if is_float(*fb) {
                        float(&x)?
                    } else if is_unsigned(*fb) {
                        int(&x)? as u64 as f64
                    } else {
                        int(&x)? as f64
                    };
                    Value::Float(round(f, *tb))
                } else if tb.int_info().is_some() {
                    let i = if is_float(*fb) {
                        float_to_int(float(&x)?, *tb)
                    } else {
                        int(&x)?
                    };
                    Value::Int(wrap(i, *tb))
                } else {
                    x
                }
            }
            (TypeKind::Basic(_), TypeKind::Slice(e)) => {
                let s = str_of(&x)?;
                let runes = matches!(types.under(*e), TypeKind::Basic(Basic::Int32));
                let elems: Vec<Value> = if runes {
                    s.runes().map(|(_, r)| Value::Int(i64::from(r))).collect()
                } else {
                    s.as_bytes()
                        .iter()
                        .map(|b| Value::Int(i64::from(*b)))
                        .collect()
                };
                let n = elems.len();
                let e = *e;
                Value::Slice(Some(self.new_slice(elems, n, e)?))
            }
            (TypeKind::Slice(e), TypeKind::Basic(_)) => {
                let runes = matches!(types.under(*e), TypeKind::Basic(Basic::Int32));
                let elems = self.elements_of(&x)?;
                let mut bytes = Vec::with_capacity(elems.len());
                for v in &elems {
                    if runes {
                        crate::gostr::push_rune(&mut bytes, int(v)?);
                    } else {
                        bytes.push(int(v)? as u8);
                    }
                }
                Value::Str(bytes.into())
            }
            _ => x,
        })
    }

    pub(super) fn slice_expr(
        &mut self,
        x: Value,
        lo: i64,
        hi: Option<i64>,
        max: Option<i64>,
    ) -> R<Value> {
        match x {
            Value::Str(s) => {
                let len = s.len() as i64;
                let h = hi.unwrap_or(len);
                if h < 0 || h > len {
                    return Err(RtError::bounds(Bounds::SliceAlen, h, len).into());
                }
                if lo < 0 || lo > h {
                    return Err(RtError::bounds(Bounds::SliceB, lo, h).into());
                }
                let bytes = &s.as_bytes()[lo as usize..h as usize];
                Ok(Value::Str(GoString::from_bytes(bytes)))
            }
            Value::Ptr(p) => {
                let p = p.ok_or_else(RtError::nil_deref)?;
                let len = match self.heap.get(&p)? {
                    Value::Array(es) => es.len() as u32,
                    _ => 0,
                };
                self.slice_ref(
                    SliceRef {
                        obj: p.obj,
                        base: p.path.clone(),
                        off: 0,
                        len,
                        cap: len,
                    },
                    lo,
                    hi,
                    max,
                    true,
                )
            }
            Value::Slice(s) => {
                let s = s.unwrap_or(SliceRef {
                    obj: crate::rt::value::ObjId(u32::MAX),
                    base: Rc::from(Vec::new()),
                    off: 0,
                    len: 0,
                    cap: 0,
                });
                self.slice_ref(s, lo, hi, max, false)
            }
            _ => Ok(Value::Slice(None)),
        }
    }

    pub(super) fn slice_ref(
        &self,
        s: SliceRef,
        lo: i64,
        hi: Option<i64>,
        max: Option<i64>,
        array: bool,
    ) -> R<Value> {
        let cap = i64::from(s.cap);
        let m = max.unwrap_or(cap);
        let h = hi.unwrap_or(i64::from(s.len));
        let (a2, a3) = if array {
            (Bounds::SliceAlen, Bounds::Slice3Alen)
        } else {
            (Bounds::SliceAcap, Bounds::Slice3Acap)
        };
        if let Some(m) = max {
            if m < 0 || m > cap {
                return Err(RtError::bounds(a3, m, cap).into());
            }
            if h < 0 || h > m {
                return Err(RtError::bounds(Bounds::Slice3B, h, m).into());
            }
            if lo < 0 || lo > h {
                return Err(RtError::bounds(Bounds::Slice3C, lo, h).into());
            }
        } else {
            if h < 0 || h > cap {
                return Err(RtError::bounds(a2, h, cap).into());
            }
            if lo < 0 || lo > h {
                return Err(RtError::bounds(Bounds::SliceB, lo, h).into());
            }
        }
        if s.obj.0 == u32::MAX {
            return Ok(Value::Slice(None));
        }
        Ok(Value::Slice(Some(SliceRef {
            obj: s.obj,
            base: s.base.clone(),
            off: s.off + lo as u32,
            len: (h - lo) as u32,
            cap: (m - lo) as u32,
        })))
    }

    /// The result of the `Error()` (first) or `String()` method of a value of dynamic type `ty`,
    /// run to completion on a scratch copy of the machine (so it never affects the run; a
    /// method that blocks, fails or panics gives `None`).
    pub(crate) fn method_string(&self, ty: TypeId, value: &Value) -> Option<GoString> {
        match self.method_text(ty, value)? {
            MethodText::Text(s) => Some(s),
            MethodText::Panicked { .. } => None,
        }
    }

    /// [`Machine::method_string`], or the panic the method raised, with the panic value's `%v`
    /// text (a runtime error's message) as `fmt`'s `catchPanic` prints it; a nil pointer's
    /// panicking method gives `<nil>`. Methods run nested (a `String` method that formats a
    /// value with a `String` method) at most [`METHOD_NESTING`] deep: deeper, `None` (Go's
    /// goroutine would overflow its stack; racemap formats the value without its method).
    pub(crate) fn method_text(&self, ty: TypeId, value: &Value) -> Option<MethodText> {
        if self.program.is_lib_error(ty) {
            let err = Value::Iface(Some(Box::new((ty, value.clone()))));
            let (msg, _) = self.error_parts(&err).ok()?;
            return Some(MethodText::Text(str_of(&msg).ok()?.clone()));
        }
        if let (TypeKind::Named { name, pkg, .. }, Value::Int(d)) =
            (self.program.types.kind(ty), value)
        {
            if name == "Duration" && pkg == "time" {
                let text = crate::rt::timer::duration_string(*d).into();
                return Some(MethodText::Text(text));
            }
        }
        if let Value::Ptr(Some(p)) = value {
            if let Ok(SyncState::Context(_)) = self.heap.sync(p) {
                return self
                    .context_string(p)
                    .ok()
                    .map(|s| MethodText::Text(GoString::from(s)));
            }
        }
        let name = ["Error", "String"]
            .into_iter()
            .find(|n| self.has_method(ty, n))?;
        self.run_print_method(ty, value, name)
    }

    /// What the value's `GoString()` method gave (`fmt`'s `GoStringer`, which `%#v` prints), if
    /// its dynamic type `ty` has one: its text or its panic, as [`Machine::method_text`].
    pub(crate) fn go_string_text(&self, ty: TypeId, value: &Value) -> Option<MethodText> {
        if !self.has_method(ty, "GoString") {
            return None;
        }
        self.run_print_method(ty, value, "GoString")
    }

    /// Run the printing method `name` (`Error`, `String`, `GoString`) of a value of dynamic
    /// type `ty` on a scratch copy of the machine: its text, or the panic it raised.
    fn run_print_method(
        &self,
        ty: TypeId,
        value: &Value,
        name: &'static str,
    ) -> Option<MethodText> {
        let nesting = self
            .goroutines
            .iter()
            .filter(|g| g.go_id == 0 && !g.runtime && g.gid != Gid::MAIN)
            .count();
        if nesting >= METHOD_NESTING {
            return None;
        }
        let (func, recv) = match self.dispatch(ty, value.clone(), name).ok()? {
            super::dispatch::Dispatch::Func(func, recv) => (func, recv),
            _ => return None,
        };
        let mut scratch = self.clone();
        match scratch.call_sync_outcome(func, vec![recv]) {
            SyncOutcome::Returned(out) => match out.first() {
                Some(Value::Str(s)) => Some(MethodText::Text(s.clone())),
                _ => None,
            },
            SyncOutcome::Panicked(_) if matches!(value, Value::Ptr(None)) => {
                Some(MethodText::Text("<nil>".into()))
            }
            SyncOutcome::Panicked(RtError::Panic {
                message,
                value,
                runtime_error,
                ..
            }) => {
                let value = if runtime_error {
                    message
                } else {
                    let boxed = match value {
                        Value::Iface(_) => value,
                        v => Value::Iface(Some(Box::new((
                            crate::types::TypeTable::basic(Basic::String),
                            v,
                        )))),
                    };
                    GoString::from(scratch.sprint(&[boxed], false))
                };
                Some(MethodText::Panicked {
                    method: name,
                    value,
                })
            }
            SyncOutcome::Panicked(_) | SyncOutcome::Failed => None,
        }
    }

    /// Run `func(args)` to completion on a new scratch goroutine of this (cloned) machine,
    /// executing its visible operations inline; `None` if it blocks, fails, panics or runs too
    /// long.
    pub(super) fn call_sync(&mut self, func: FuncId, args: Vec<Value>) -> Option<Vec<Value>> {
        match self.call_sync_outcome(func, args) {
            SyncOutcome::Returned(out) => Some(out),
            _ => None,
        }
    }

    /// [`Machine::call_sync`], telling a panic (its error) from other failures.
    fn call_sync_outcome(&mut self, func: FuncId, args: Vec<Value>) -> SyncOutcome {
        let out = self.call_sync_inner(func, args);
        // A panic that unwound every frame of the method (none recovered it).
        let unrecovered = self
            .goroutines
            .last()
            .and_then(|g| g.panicking.as_ref())
            .filter(|p| !p.recovered && !p.goexit);
        if let Some(p) = unrecovered {
            return SyncOutcome::Panicked(p.error.clone());
        }
        match out {
            Some(out) => SyncOutcome::Returned(out),
            None => match &self.status {
                Status::Failed(e) if matches!(e.error, RtError::Panic { .. }) => {
                    SyncOutcome::Panicked(e.error.clone())
                }
                _ => SyncOutcome::Failed,
            },
        }
    }

    fn call_sync_inner(&mut self, func: FuncId, args: Vec<Value>) -> Option<Vec<Value>> {
        let gid = Gid(self.goroutines.len() as u32);
        let main = self.program.main;
        self.goroutines.push(crate::rt::goroutine::Goroutine {
            gid,
            go_id: 0,
            dump_id: 0,
            frames: vec![Frame {
                func: main,
                pc: 0,
                locals: Vec::new(),
                stack: Vec::new(),
                captures: Rc::from(Vec::new()),
                defers: Vec::new(),
                kind: FrameKind::Root,
                returning: false,
                call_pc: 0,
            }],
            status: GoStatus::Parked,
            next: None,
            runtime: false,
            slept_at: 0,
            arrival: crate::rt::goroutine::Arrival(0),
            next_span: crate::diag::Span::default(),
            panicking: None,
            iters: Vec::new(),
            created_by: None,
            root: main,
        });
        self.push_call(gid, func, args, Rc::from(Vec::new()), FrameKind::Call)
            .ok()?;
        let mut budget: u32 = 100_000;
        while self.goroutines[gid.0 as usize].frames.len() > 1 {
            budget = budget.checked_sub(1)?;
            if self.status != Status::Running {
                return None;
            }
            if let Some(v) = self.goroutines[gid.0 as usize].next.clone() {
                if !self.enabled(gid, &v) || matches!(v, Visible::Exit) {
                    return None;
                }
                if let Err(f) = self.exec_visible(gid, 0) {
                    self.fault(gid, f);
                }
                continue;
            }
            let top_returning = self.goroutines[gid.0 as usize]
                .frames
                .last()
                .is_some_and(|f| f.returning);
            let r = if top_returning {
                self.continue_return(gid)
            } else {
                self.exec_one(gid)
            };
            // A panic unwinds the method's frames (a deferred `recover` may stop it); one that
            // reaches the scratch goroutine's root fails the scratch run.
            if let Err(f) = r {
                self.fault(gid, f);
            }
        }
        Some(std::mem::take(
            &mut self.goroutines[gid.0 as usize].frames[0].stack,
        ))
    }

    /// How Go prints a panic value after `panic: `: bytes, as a string's are printed
    /// unchanged (`printpanicval`).
    pub(super) fn panic_text(&self, v: &Value) -> GoString {
        let types = &self.program.types;
        if let Value::Iface(Some(b)) = v {
            if let Some(s) = self.method_string(b.0, &b.1) {
                return s;
            }
        }
        match v {
            Value::Iface(Some(b)) => {
                let (ty, inner) = (&b.0, &b.1);
                let named = matches!(types.kind(*ty), TypeKind::Named { .. });
                let tn = crate::rt::fmt::reflect_type_string(types, *ty);
                let plain = match inner {
                    // `printanycustomtype`: the bytes between quotes, unescaped.
                    Value::Str(s) if named => {
                        return GoString::from(format!("{tn}(\""))
                            .concat(s)
                            .concat(&"\")".into())
                    }
                    Value::Str(s) => return s.clone(),
                    Value::Int(i) => Some(match types.under(*ty) {
                        TypeKind::Basic(b) if is_unsigned(*b) => (*i as u64).to_string(),
                        _ => i.to_string(),
                    }),
                    Value::Bool(b) => Some(b.to_string()),
                    Value::Float(f) => Some(crate::rt::fmt::print_float(*f)),
                    _ => None,
                };
                match plain {
                    Some(p) if !named => p,
                    Some(p) => format!("{tn}({p})"),
                    None => format!("({tn}) 0xc000012000"),
                }
                .into()
            }
            Value::Iface(None) => "nil".into(),
            Value::Str(s) => s.clone(),
            other => self.print_builtin(other).into(),
        }
    }

    // ----- visible operations -----
}

/// Wrap an integer to the width and signedness of `b`.
pub fn wrap(v: i64, b: Basic) -> i64 {
    match b.int_info() {
        Some((64, _)) | None => v,
        Some((bits, true)) => {
            let s = 64 - bits;
            (v << s) >> s
        }
        Some((bits, false)) => v & ((1i64 << bits) - 1),
    }
}

pub(super) fn is_unsigned(b: Basic) -> bool {
    matches!(b.int_info(), Some((_, false)))
}

pub(super) fn is_float(b: Basic) -> bool {
    matches!(b, Basic::Float32 | Basic::Float64 | Basic::UntypedFloat)
}

pub(super) fn round(f: f64, b: Basic) -> f64 {
    if b == Basic::Float32 {
        f as f32 as f64
    } else {
        f
    }
}

pub(super) fn binary(op: BinOp, b: Basic, x: &Value, y: &Value) -> R<Value> {
    if let (Value::Str(a), Value::Str(c)) = (x, y) {
        let (a, c) = (a.as_bytes(), c.as_bytes());
        return Ok(Value::Bool(match op {
            BinOp::Lt => a < c,
            BinOp::Le => a <= c,
            BinOp::Gt => a > c,
            BinOp::Ge => a >= c,
            _ => false,
        }));
    }
    if is_float(b) {
        let (a, c) = (float(x)?, float(y)?);
        return Ok(match op {
            BinOp::Add => Value::Float(round(a + c, b)),
            BinOp::Sub => Value::Float(round(a - c, b)),
            BinOp::Mul => Value::Float(round(a * c, b)),
            BinOp::Div => Value::Float(round(a / c, b)),
            BinOp::Lt => Value::Bool(a < c),
            BinOp::Le => Value::Bool(a <= c),
            BinOp::Gt => Value::Bool(a > c),
            BinOp::Ge => Value::Bool(a >= c),
            _ => Value::Float(0.0),
        });
    }
    let (a, c) = (int(x)?, int(y)?);
    let unsigned = is_unsigned(b);
    let bits = b.int_info().map(|(n, _)| n).unwrap_or(64);
    Ok(match op {
        BinOp::Add => Value::Int(wrap(a.wrapping_add(c), b)),
        BinOp::Sub => Value::Int(wrap(a.wrapping_sub(c), b)),
        BinOp::Mul => Value::Int(wrap(a.wrapping_mul(c), b)),
        BinOp::Div | BinOp::Rem => {
            if c == 0 {
                return Err(RtError::divide_by_zero().into());
            }
            let r = if unsigned {
                let (ua, uc) = (a as u64, c as u64);
                (if op == BinOp::Div { ua / uc } else { ua % uc }) as i64
            } else if op == BinOp::Div {
                a.wrapping_div(c)
            } else {
                a.wrapping_rem(c)
            };
            Value::Int(wrap(r, b))
        }
        BinOp::And => Value::Int(a & c),
        BinOp::Or => Value::Int(a | c),
        BinOp::Xor => Value::Int(wrap(a ^ c, b)),
        BinOp::AndNot => Value::Int(a & !c),
        BinOp::Shl | BinOp::Shr => {
            if c < 0 {
                return Err(RtError::Panic {
                    message: "runtime error: negative shift amount".into(),
                    value: Value::str("runtime error: negative shift amount"),
                    signal: false,
                    runtime_error: true,
                }
                .into());
            }
            let r = if op == BinOp::Shl {
                if c >= i64::from(bits) {
                    0
                } else {
                    a.wrapping_shl(c as u32)
                }
            } else if unsigned {
                if c >= 64 {
                    0
                } else {
                    ((a as u64) >> c) as i64
                }
            } else if c >= 64 {
                if a < 0 {
                    -1
                } else {
                    0
                }
            } else {
                a >> c
            };
            Value::Int(wrap(r, b))
        }
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
            let ord = if unsigned {
                (a as u64).cmp(&(c as u64))
            } else {
                a.cmp(&c)
            };
            use std::cmp::Ordering::*;
            Value::Bool(match op {
                BinOp::Lt => ord == Less,
                BinOp::Le => ord != Greater,
                BinOp::Gt => ord == Greater,
                _ => ord != Less,
            })
        }
    })
}

/// How deep `Error`/`String` methods run nested while formatting ([`Machine::method_text`]).
const METHOD_NESTING: usize = 8;

/// How a [`Machine::call_sync`] call ended.
enum SyncOutcome {
    /// It returned these results.
    Returned(Vec<Value>),
    /// It panicked with this error (unrecovered).
    Panicked(RtError),
    /// It blocked, ran too long or failed otherwise.
    Failed,
}

/// A float converted to integer type `to` as Go on amd64 does it (the spec leaves an
/// out-of-range value's result to the implementation): SSE's truncating conversions give the
/// "integer indefinite" value, the type's minimum, for NaN and values out of range. Go
/// converts to the 8- and 16-bit types and to `int32` through a 32-bit conversion
/// (`CVTTSD2SL`), to `uint32`, `int64` and `int` through a 64-bit one (`CVTTSD2SQ`), and to
/// the 64-bit unsigned types with the branch `x < 2^63 ? int64(x) : int64(x - 2^63) | 1<<63`
/// (cmd/compile's `float64ToUint64`). Returns the bits, to be wrapped to `to`'s width.
fn float_to_int(f: f64, to: Basic) -> i64 {
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    let cvt64 = |f: f64| {
        if f.is_nan() || !(-TWO_63..TWO_63).contains(&f) {
            i64::MIN
        } else {
            f as i64
        }
    };
    let cvt32 = |f: f64| {
        if f.is_nan() || f <= -2_147_483_649.0 || f >= 2_147_483_648.0 {
            i64::from(i32::MIN)
        } else {
            i64::from(f as i32)
        }
    };
    match to {
        Basic::Int8 | Basic::Int16 | Basic::Int32 | Basic::Uint8 | Basic::Uint16 => cvt32(f),
        Basic::Uint64 | Basic::Uint | Basic::Uintptr => {
            if f < TWO_63 {
                cvt64(f)
            } else {
                cvt64(f - TWO_63) | i64::MIN
            }
        }
        _ => cvt64(f),
    }
}
