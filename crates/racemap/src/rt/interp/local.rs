//! Local instructions: stack, locals, arithmetic, composite values, control flow and calls
//! that no other goroutine can observe (they run inside a step without an event).

use super::*;

impl Machine {
    /// The elements of a slice or string (bytes), read without events.
    pub(super) fn elements_of(&self, v: &Value) -> R<Vec<Value>> {
        Ok(match v {
            Value::Slice(Some(s)) => {
                let mut out = Vec::with_capacity(s.len as usize);
                for i in 0..s.len {
                    out.push(self.heap.load(&s.elem(i))?);
                }
                out
            }
            Value::Str(s) => s
                .as_bytes()
                .iter()
                .map(|b| Value::Int(i64::from(*b)))
                .collect(),
            Value::Slice(None) => Vec::new(),
            other => return Err(wrong_kind("a slice or string", other)),
        })
    }

    /// The arguments of a call of a `...any` function whose last operand is a spread slice
    /// (`fmt.Printf(format, args...)`: lowering passes the `[]any` unboxed, where every other
    /// variadic operand is an interface) with the slice's elements in its place.
    pub(super) fn spread_args(&self, func: LibFunc, mut args: Vec<Value>) -> R<Vec<Value>> {
        if let Some(k) = func.boxed_args_from() {
            // (`log`'s functions get the hidden logger first: the slice is last.)
            if args.len() > k && matches!(args.last(), Some(Value::Slice(_))) {
                if let Some(slice) = args.pop() {
                    args.extend(self.elements_of(&slice)?);
                }
            }
        }
        Ok(args)
    }

    pub(super) fn new_slice(&mut self, elems: Vec<Value>, cap: usize, elem: TypeId) -> R<SliceRef> {
        let len = elems.len();
        self.heap.reserve(&self.config, cap as u64)?;
        let mut all = elems;
        if cap > len {
            let z = zero_value(&self.program.types, elem, &self.config)?;
            all.resize(cap, z);
        }
        let obj = self
            .heap
            .alloc(&self.config, Value::Array(all.into_boxed_slice()), None)?;
        Ok(SliceRef {
            obj,
            base: Rc::from(Vec::new()),
            off: 0,
            len: len as u32,
            cap: cap as u32,
        })
    }

    pub(super) fn exec_local(&mut self, gid: Gid, ins: &Instr) -> R<()> {
        let prog = self.program.clone();
        match ins {
            Instr::PushInt(i) => self.push(gid, Value::Int(*i))?,
            Instr::PushFloat(f) => self.push(gid, Value::Float(*f))?,
            Instr::PushBool(b) => self.push(gid, Value::Bool(*b))?,
            Instr::PushStr(s) => {
                let s = prog.strings.get(s.0 as usize).cloned().ok_or_else(|| {
                    InternalError::new(format!("string constant {} does not exist", s.0))
                })?;
                self.push(gid, Value::Str(s))?
            }
            Instr::Zero(t) => {
                let z = zero_value(&prog.types, *t, &self.config)?;
                self.push(gid, z)?
            }
            Instr::Dup => {
                let v = self.pop(gid)?;
                self.push(gid, v.clone())?;
                self.push(gid, v)?
            }
            Instr::Pop => {
                self.pop(gid)?;
            }
            Instr::Swap => {
                let b = self.pop(gid)?;
                let a = self.pop(gid)?;
                self.push(gid, b)?;
                self.push(gid, a)?;
            }
            Instr::LoadLocal(n) => {
                let v = local_slot(&self.frame(gid)?.locals, *n)?.clone();
                self.push(gid, v)?
            }
            Instr::StoreLocal(n) => {
                let v = self.pop(gid)?;
                let f = self.frame(gid)?;
                if f.locals.len() <= *n as usize {
                    f.locals.resize(*n as usize + 1, Value::Unit);
                }
                f.locals[*n as usize] = v;
            }
            Instr::StoreLocalPath { slot, depth } => {
                let v = self.pop(gid)?;
                let path: Vec<i64> = self
                    .popn(gid, *depth as usize)?
                    .iter()
                    .map(int)
                    .collect::<R<_>>()?;
                let f = self.frame(gid)?;
                let mut cur = f
                    .locals
                    .get_mut(*slot as usize)
                    .ok_or_else(RtError::nil_deref)?;
                for i in path {
                    cur = match cur {
                        Value::Struct(fs) => fs
                            .get_mut(i as usize)
                            .ok_or_else(|| missing(&format!("struct field {i}")))?,
                        Value::Array(es) => {
                            let len = es.len() as i64;
                            if i < 0 || i >= len {
                                return Err(RtError::index_out_of_range(i, len).into());
                            }
                            &mut es[i as usize]
                        }
                        _ => return Err(RtError::nil_deref().into()),
                    };
                }
                *cur = v;
            }
            Instr::Alloc(t) => {
                let z = zero_value(&prog.types, *t, &self.config)?;
                let obj = self.heap.alloc(&self.config, z, Some(*t))?;
                self.push(gid, Value::Ptr(Some(Pointer::root(obj))))?
            }
            Instr::Box(t) => {
                let v = self.pop(gid)?;
                let obj = self.heap.alloc(&self.config, v, Some(*t))?;
                self.push(gid, Value::Ptr(Some(Pointer::root(obj))))?
            }
            Instr::InitWrites => {
                let x = self.pop(gid)?;
                self.init_writes(gid, &x)?;
                self.push(gid, x)?
            }
            Instr::LoadFixed => {
                let p = ptr_of(self.pop(gid)?).ok_or_else(RtError::nil_deref)?;
                let v = self.heap.load(&p)?;
                self.push(gid, v)?
            }
            Instr::Rebox => {
                let p = ptr_of(self.pop(gid)?).ok_or_else(RtError::nil_deref)?;
                let v = self.heap.load(&p)?;
                let ty = self.heap.cells.get(p.obj.0 as usize).and_then(|c| c.ty);
                let obj =
                    self.heap
                        .alloc(&self.config, v, if p.path.is_empty() { ty } else { None })?;
                self.push(gid, Value::Ptr(Some(Pointer::root(obj))))?
            }
            Instr::FieldPtr(i) => {
                let p = ptr_of(self.pop(gid)?).ok_or_else(RtError::nil_deref)?;
                self.push(gid, Value::Ptr(Some(p.child(*i))))?
            }
            Instr::IndexPtr { len } => {
                let idx = int(&self.pop(gid)?)?;
                let p = ptr_of(self.pop(gid)?).ok_or_else(RtError::nil_deref)?;
                if idx < 0 || idx as u64 >= *len {
                    return Err(RtError::index_out_of_range(idx, *len as i64).into());
                }
                self.push(gid, Value::Ptr(Some(p.child(idx as u32))))?
            }
            Instr::SliceElemPtr => {
                let idx = int(&self.pop(gid)?)?;
                let s = self.pop(gid)?;
                let (sl, len) = match &s {
                    Value::Slice(Some(sl)) => (Some(sl.clone()), i64::from(sl.len)),
                    _ => (None, 0),
                };
                if idx < 0 || idx >= len {
                    return Err(RtError::index_out_of_range(idx, len).into());
                }
                let sl = sl.ok_or_else(RtError::nil_deref)?;
                self.push(gid, Value::Ptr(Some(sl.elem(idx as u32))))?
            }
            Instr::GlobalPtr(g) => {
                let obj = *self
                    .heap
                    .globals
                    .get(g.0 as usize)
                    .ok_or_else(RtError::nil_deref)?;
                self.push(gid, Value::Ptr(Some(Pointer::root(obj))))?
            }
            Instr::Field(i) => {
                let v = self.pop(gid)?;
                let f = match &v {
                    Value::Struct(fs) => fs.get(*i as usize).cloned(),
                    _ => None,
                };
                let f = f.ok_or_else(|| wrong_kind(&format!("a struct with field {i}"), &v))?;
                self.push(gid, f)?
            }
            Instr::SetField(i) => {
                let v = self.pop(gid)?;
                let mut s = self.pop(gid)?;
                if let Value::Struct(fs) = &mut s {
                    if let Some(f) = fs.get_mut(*i as usize) {
                        *f = v;
                    }
                }
                self.push(gid, s)?
            }
            Instr::Index => {
                let idx = int(&self.pop(gid)?)?;
                let a = self.pop(gid)?;
                let Value::Array(es) = a else {
                    return Err(RtError::nil_deref().into());
                };
                if idx < 0 || idx as usize >= es.len() {
                    return Err(RtError::index_out_of_range(idx, es.len() as i64).into());
                }
                self.push(gid, es[idx as usize].clone())?
            }
            Instr::SetIndex => {
                let v = self.pop(gid)?;
                let idx = int(&self.pop(gid)?)?;
                let mut a = self.pop(gid)?;
                if let Value::Array(es) = &mut a {
                    if idx < 0 || idx as usize >= es.len() {
                        return Err(RtError::index_out_of_range(idx, es.len() as i64).into());
                    }
                    es[idx as usize] = v;
                }
                self.push(gid, a)?
            }
            Instr::MakeStruct(n) => {
                let fs = self.popn(gid, *n as usize)?;
                self.push(gid, Value::Struct(fs.into_boxed_slice()))?
            }
            Instr::MakeArray(n) => {
                let es = self.popn(gid, *n as usize)?;
                self.push(gid, Value::Array(es.into_boxed_slice()))?
            }
            Instr::MakeMap(t) => {
                let id = self.new_map(*t)?;
                self.push(gid, Value::Map(Some(id)))?
            }
            Instr::MapLit { ty, n } => {
                let kvs = self.popn(gid, 2 * *n as usize)?;
                let id = self.new_map(*ty)?;
                for kv in kvs.chunks(2) {
                    let key = MapKey::from_value(&kv[0], &prog.types)?;
                    self.heap
                        .map_mut(id)
                        .insert(key, kv[0].clone(), kv[1].clone());
                }
                self.push(gid, Value::Map(Some(id)))?
            }
            Instr::MapIterInit { elem } => {
                let m = map_of(&self.pop(gid)?);
                let g = self.g(gid);
                let cursor = MapCursor {
                    reads_elem: *elem,
                    ..MapCursor::default()
                };
                g.iters.push((m, cursor));
                let i = g.iters.len() as i64 - 1;
                self.push(gid, Value::Int(i))?
            }
            Instr::MakeSlice { elem } => {
                let cap = int(&self.pop(gid)?)?;
                let len = int(&self.pop(gid)?)?;
                if len < 0 {
                    return Err(RtError::makeslice_len().into());
                }
                if cap < len {
                    return Err(RtError::makeslice_cap().into());
                }
                self.heap.reserve(&self.config, cap as u64)?;
                let z = zero_value(&prog.types, *elem, &self.config)?;
                let sl = self.new_slice(vec![z; len as usize], cap as usize, *elem)?;
                self.push(gid, Value::Slice(Some(sl)))?
            }
            Instr::SliceLit { elem, n } => {
                let es = self.popn(gid, *n as usize)?;
                let sl = self.new_slice(es, *n as usize, *elem)?;
                self.push(gid, Value::Slice(Some(sl)))?
            }
            Instr::SliceExpr { lo, hi, max } => {
                let maxv = if *max {
                    Some(int(&self.pop(gid)?)?)
                } else {
                    None
                };
                let hiv = if *hi {
                    Some(int(&self.pop(gid)?)?)
                } else {
                    None
                };
                let lov = if *lo { int(&self.pop(gid)?)? } else { 0 };
                let x = self.pop(gid)?;
                let r = self.slice_expr(x, lov, hiv, maxv)?;
                self.push(gid, r)?
            }
            Instr::Len => {
                let v = self.pop(gid)?;
                let n = match v {
                    Value::Str(s) => s.len() as i64,
                    Value::Slice(Some(s)) => i64::from(s.len),
                    Value::Array(es) => es.len() as i64,
                    _ => 0,
                };
                self.push(gid, Value::Int(n))?
            }
            Instr::Cap => {
                let v = self.pop(gid)?;
                let n = match v {
                    Value::Slice(Some(s)) => i64::from(s.cap),
                    Value::Array(es) => es.len() as i64,
                    _ => 0,
                };
                self.push(gid, Value::Int(n))?
            }
            Instr::Concat => {
                let b = self.pop(gid)?;
                let a = self.pop(gid)?;
                let s = str_of(&a)?.concat(str_of(&b)?);
                self.push(gid, Value::Str(s))?
            }
            Instr::StrIndex => {
                let i = int(&self.pop(gid)?)?;
                let s = self.pop(gid)?;
                let bytes = str_of(&s)?.as_bytes();
                if i < 0 || i as usize >= bytes.len() {
                    return Err(RtError::index_out_of_range(i, bytes.len() as i64).into());
                }
                self.push(gid, Value::Int(i64::from(bytes[i as usize])))?
            }
            Instr::StrDecodeRune => {
                let i = int(&self.pop(gid)?)?.max(0) as usize;
                let s = self.pop(gid)?;
                let bytes = str_of(&s)?.as_bytes();
                let (r, w) = decode_rune(bytes.get(i..).unwrap_or(&[]));
                self.push(gid, Value::Int(i64::from(r)))?;
                self.push(gid, Value::Int(w as i64))?
            }
            Instr::Binary(op, b) => {
                let y = self.pop(gid)?;
                let x = self.pop(gid)?;
                let r = binary(*op, *b, &x, &y)?;
                self.push(gid, r)?
            }
            Instr::Neg(b) => {
                let x = self.pop(gid)?;
                let r = if is_float(*b) {
                    Value::Float(-float(&x)?)
                } else {
                    Value::Int(wrap(int(&x)?.wrapping_neg(), *b))
                };
                self.push(gid, r)?
            }
            Instr::BitNot(b) => {
                let x = self.pop(gid)?;
                self.push(gid, Value::Int(wrap(!int(&x)?, *b)))?
            }
            Instr::Not => {
                let x = self.pop(gid)?;
                self.push(gid, Value::Bool(!boolean(&x)?))?
            }
            Instr::Eq | Instr::Ne => {
                let y = self.pop(gid)?;
                let x = self.pop(gid)?;
                let eq = self.equal(&x, &y)?;
                self.push(
                    gid,
                    Value::Bool(if matches!(ins, Instr::Eq) { eq } else { !eq }),
                )?
            }
            Instr::Convert { from, to } => {
                let x = self.pop(gid)?;
                let r = self.convert(x, *from, *to)?;
                self.push(gid, r)?
            }
            Instr::ToIface(t) => {
                let v = self.pop(gid)?;
                let r = match v {
                    Value::Iface(_) => v,
                    v => Value::Iface(Some(Box::new((*t, v)))),
                };
                self.push(gid, r)?
            }
            Instr::TypeAssert { ty, from, comma_ok } => {
                let v = self.pop(gid)?;
                let target_iface = matches!(prog.types.under(*ty), TypeKind::Interface(_));
                let ok = match &v {
                    Value::Iface(Some(b)) => self.type_matches(b.0, *ty),
                    _ => false,
                };
                let out = if ok {
                    if target_iface {
                        v.clone()
                    } else if let Value::Iface(Some(b)) = &v {
                        b.1.clone()
                    } else {
                        Value::Unit
                    }
                } else if *comma_ok {
                    zero_value(&prog.types, *ty, &self.config)?
                } else {
                    let tn = |t: TypeId| crate::rt::fmt::reflect_type_string(&prog.types, t);
                    let from_s = if matches!(prog.types.under(*from), TypeKind::Interface(m) if m.is_empty())
                    {
                        "interface {}".to_string()
                    } else {
                        tn(*from)
                    };
                    let msg = match &v {
                        Value::Iface(Some(b)) => {
                            if target_iface {
                                let missing = match prog.types.under(*ty) {
                                    TypeKind::Interface(ms) => ms
                                        .iter()
                                        .map(|(n, _)| n.clone())
                                        .find(|n| !self.has_method(b.0, n))
                                        .unwrap_or_default(),
                                    _ => String::new(),
                                };
                                format!("{} is not {}: missing method {missing}", tn(b.0), tn(*ty))
                            } else {
                                format!("{from_s} is {}, not {}", tn(b.0), tn(*ty))
                            }
                        }
                        // Go's `assertE2I` does not say the static type.
                        _ if target_iface => format!("interface is nil, not {}", tn(*ty)),
                        _ => format!("{from_s} is nil, not {}", tn(*ty)),
                    };
                    return Err(RtError::interface_conversion(&msg).into());
                };
                self.push(gid, out)?;
                if *comma_ok {
                    self.push(gid, Value::Bool(ok))?;
                }
            }
            Instr::TypeIs(t) => {
                let v = self.pop(gid)?;
                let ok = match &v {
                    Value::Iface(Some(b)) => self.type_matches(b.0, *t),
                    _ => false,
                };
                self.push(gid, Value::Bool(ok))?
            }
            Instr::Jump(t) => self.frame(gid)?.pc = *t,
            Instr::JumpIf(t) | Instr::JumpIfNot(t) => {
                let want = matches!(ins, Instr::JumpIf(_));
                let cond = boolean(&self.pop(gid)?)?;
                let f = self.frame(gid)?;
                f.pc = if cond == want { *t } else { f.pc };
            }
            Instr::Call { func, argc } => {
                let args = self.popn(gid, *argc as usize)?;
                self.push_call(gid, *func, args, Rc::from(Vec::new()), FrameKind::Call)?;
            }
            Instr::MakeClosure { func, ncaptures } => {
                let caps: Vec<Pointer> = self
                    .popn(gid, *ncaptures as usize)?
                    .into_iter()
                    .map(|v| match v {
                        Value::Ptr(Some(p)) => Ok(p),
                        other => Err(wrong_kind("a captured variable's cell", &other)),
                    })
                    .collect::<R<_>>()?;
                self.push(
                    gid,
                    Value::Func(Some(Rc::new(Closure {
                        func: *func,
                        captures: caps,
                        bound: None,
                    }))),
                )?
            }
            Instr::MethodValue(f) => {
                let recv = self.pop(gid)?;
                self.push(
                    gid,
                    Value::Func(Some(Rc::new(Closure {
                        func: *f,
                        captures: Vec::new(),
                        bound: Some(recv),
                    }))),
                )?
            }
            Instr::CallValue { argc, .. } => {
                let args = self.popn(gid, *argc as usize)?;
                let f = self.pop(gid)?;
                self.call_value(gid, f, args, FrameKind::Call)?;
            }
            Instr::CallIface { name, argc, .. } => {
                let args = self.popn(gid, *argc as usize)?;
                let recv = self.pop(gid)?;
                let Value::Iface(Some(b)) = recv else {
                    return Err(RtError::nil_deref().into());
                };
                let (ty, v) = *b;
                match self.dispatch(ty, v, &prog.string(*name).to_lossy())? {
                    dispatch::Dispatch::Func(func, recv) => {
                        let mut all = vec![recv];
                        all.extend(args);
                        self.push_call(gid, func, all, Rc::from(Vec::new()), FrameKind::Call)?;
                    }
                    dispatch::Dispatch::LibError(method, err) => {
                        let (msg, wrapped) = self.error_parts(&err)?;
                        match method {
                            dispatch::LibErrorMethod::Error => self.push(gid, msg)?,
                            dispatch::LibErrorMethod::Unwrap => self.push(gid, wrapped)?,
                            dispatch::LibErrorMethod::RuntimeError => {}
                            dispatch::LibErrorMethod::True => self.push(gid, Value::Bool(true))?,
                        }
                    }
                    dispatch::Dispatch::Lib(func, recv) => {
                        let mut all = vec![recv];
                        all.extend(args);
                        if func.is_visible() {
                            // A `sync.Locker`'s Lock: park on it like a direct `mu.Lock()`.
                            let span = self
                                .goroutines
                                .get(gid.0 as usize)
                                .and_then(|g| g.frames.last())
                                .map(|f| prog.func(f.func).span_at(f.pc.saturating_sub(1)));
                            let v = Visible::Lib {
                                func,
                                args: all,
                                push_results: true,
                                exclusive: false,
                            };
                            self.park(gid, v, span);
                        } else {
                            self.lib_local(gid, func, all)?;
                        }
                    }
                }
            }
            Instr::IfaceMethodValue { thunk } => {
                let iface = self.pop(gid)?;
                if matches!(iface, Value::Iface(None)) {
                    return Err(RtError::nil_deref().into());
                }
                self.push(
                    gid,
                    Value::Func(Some(Rc::new(Closure {
                        func: *thunk,
                        captures: Vec::new(),
                        bound: Some(iface),
                    }))),
                )?
            }
            Instr::Capture(i) => {
                let p = self.frame(gid)?.captures.get(*i as usize).cloned();
                self.push(gid, Value::Ptr(p))?
            }
            Instr::Defer { argc } => {
                let args = self.popn(gid, *argc as usize)?;
                let func = self.pop(gid)?;
                self.frame(gid)?.defers.push(Deferred::Call { func, args });
            }
            Instr::DeferLib { func, argc } => {
                let args = self.popn(gid, *argc as usize)?;
                self.frame(gid)?
                    .defers
                    .push(Deferred::Lib { func: *func, args });
            }
            Instr::Return => self.frame(gid)?.returning = true,
            Instr::Panic => {
                let v = self.pop(gid)?;
                let printed = self.panic_text(&v);
                return Err(RtError::user_panic(v, printed).into());
            }
            Instr::Recover => {
                let g = &mut self.goroutines[gid.0 as usize];
                let in_deferred = g
                    .frames
                    .last()
                    .is_some_and(|f| f.kind == FrameKind::Deferred);
                let mut out = Value::Iface(None);
                let mut runtime_error = None;
                if in_deferred {
                    if let Some(p) = g.panicking.as_mut().filter(|p| !p.recovered && !p.goexit) {
                        p.recovered = true;
                        out = match &p.error {
                            RtError::Panic {
                                message,
                                runtime_error: true,
                                ..
                            } => {
                                runtime_error = Some(message.clone());
                                Value::Iface(None)
                            }
                            RtError::Panic { value, .. } => match value {
                                Value::Iface(_) => value.clone(),
                                v => Value::Iface(Some(Box::new((
                                    crate::types::TypeTable::basic(Basic::String),
                                    v.clone(),
                                )))),
                            },
                            RtError::Fatal { .. } | RtError::Exit { .. } => Value::Iface(None),
                        };
                    }
                }
                if let Some(message) = runtime_error {
                    // A `runtime.Error`: an error value saying the message, of Go's type.
                    let types = &self.program.error_types;
                    let ty = match crate::rt::error::RuntimeErrorType::of(message.as_bytes()) {
                        crate::rt::error::RuntimeErrorType::Plain => types.plain,
                        crate::rt::error::RuntimeErrorType::Bounds => types.bounds,
                        crate::rt::error::RuntimeErrorType::String => types.runtime_string,
                        crate::rt::error::RuntimeErrorType::TypeAssertion => types.type_assertion,
                    };
                    out = self.new_error_of(ty, &message, Value::Iface(None))?;
                }
                self.push(gid, out)?
            }
            Instr::MakeChan { elem } => {
                let cap = int(&self.pop(gid)?)?;
                let c = self.new_chan(*elem, cap)?;
                self.push(gid, c)?
            }
            Instr::ChanCap => {
                let c = chan_of(&self.pop(gid)?);
                let n = c.map(|c| i64::from(self.heap.chan(c).cap)).unwrap_or(0);
                self.push(gid, Value::Int(n))?
            }
            Instr::CallLib { func, argc } => {
                let args = self.popn(gid, *argc as usize)?;
                self.lib_local(gid, *func, args)?;
            }
            // Visible instructions never reach here (decoded by `exec_one`); an instruction this
            // VM does not know is reported, not skipped.
            _ => {
                return Err(
                    InternalError::new("cannot execute a visible instruction locally").into(),
                )
            }
        }
        Ok(())
    }
}
