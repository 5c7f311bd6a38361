//! Values by kind, as Go's `fmt/print.go` walks them (`printArg`, `printValue`): basics,
//! composites (structs, maps in key order, slices, arrays, pointers), `Error()`/`String()`
//! methods, and the Go 1.19 struct forms of sync and atomic values.

use super::*;

impl Printer<'_> {
    /// print.go `printArg`.
    pub(super) fn print_arg(&mut self, arg: Option<(TypeId, &Value)>, verb: char) {
        let Some((ty, v)) = arg else {
            match verb {
                'T' | 'v' => self.pad("<nil>"),
                _ => self.bad_verb(verb, None),
            }
            return;
        };
        match verb {
            'T' => {
                let ts = self.type_string(ty);
                self.fmt_s(ts.as_bytes());
                return;
            }
            'p' => {
                self.fmt_pointer(ty, v, 'p');
                return;
            }
            _ => {}
        }
        // Unnamed basic types and []byte have no methods: format directly.
        if let TypeKind::Basic(_) = self.types().kind(ty) {
            self.print_value(ty, v, verb, 0, true);
            return;
        }
        if !self.handle_methods(ty, v, verb) {
            self.print_value(ty, v, verb, 0, true);
        }
    }

    /// print.go `printValue`: `can_iface` is false below an unexported struct field (Go does
    /// not call methods there).
    pub(super) fn print_value(
        &mut self,
        ty: TypeId,
        v: &Value,
        verb: char,
        depth: u32,
        can_iface: bool,
    ) {
        if depth > 0
            && can_iface
            && !matches!(v, Value::Iface(_))
            && self.handle_methods(ty, v, verb)
        {
            return;
        }
        if depth > 100 {
            self.buf.push_str("...");
            return;
        }
        let types = self.types();
        match (types.under(ty), v) {
            (TypeKind::Basic(b), _) => self.print_basic(*b, ty, v, verb),
            (TypeKind::Map(kt, et), Value::Map(m)) => {
                let (kt, et) = (*kt, *et);
                if self.f.sharp_v {
                    let ts = self.type_string(ty);
                    self.buf.push_str(&ts);
                    if m.is_none() {
                        self.buf.push_str("(nil)");
                        return;
                    }
                    self.buf.push('{');
                } else {
                    self.buf.push_str("map[");
                }
                let mut entries = m.map(|m| self.heap.map_entries(m)).unwrap_or_default();
                if matches!(types.under(kt), TypeKind::Interface(_)) {
                    super::iface_keys::sort_iface_keys(types, &mut entries);
                }
                for (i, (k, e)) in entries.iter().enumerate() {
                    if i > 0 {
                        if self.f.sharp_v {
                            self.buf.push_str(", ");
                        } else {
                            self.buf.push(' ');
                        }
                    }
                    self.print_value(kt, k, verb, depth + 1, can_iface);
                    self.buf.push(':');
                    self.print_value(et, e, verb, depth + 1, can_iface);
                }
                self.buf.push(if self.f.sharp_v { '}' } else { ']' });
            }
            (TypeKind::Struct(fields), Value::Struct(vals)) => {
                let fields = fields.clone();
                if self.f.sharp_v {
                    let ts = self.type_string(ty);
                    self.buf.push_str(&ts);
                }
                self.buf.push('{');
                for (i, (f, fv)) in fields.iter().zip(vals.iter()).enumerate() {
                    if i > 0 {
                        if self.f.sharp_v {
                            self.buf.push_str(", ");
                        } else {
                            self.buf.push(' ');
                        }
                    }
                    if self.f.plus_v || self.f.sharp_v {
                        self.buf.push_str(&f.name);
                        self.buf.push(':');
                    }
                    let ci = can_iface && is_exported(&f.name);
                    self.print_value(f.ty, fv, verb, depth + 1, ci);
                }
                self.buf.push('}');
            }
            (TypeKind::Interface(_), Value::Iface(inner)) => match inner {
                None => {
                    if self.f.sharp_v {
                        let ts = self.type_string(ty);
                        self.buf.push_str(&ts);
                        self.buf.push_str("(nil)");
                    } else {
                        self.buf.push_str("<nil>");
                    }
                }
                Some(b) => {
                    let (dt, dv) = (b.0, &b.1);
                    if can_iface && self.handle_methods(dt, dv, verb) {
                        return;
                    }
                    self.print_value(dt, dv, verb, depth + 1, can_iface)
                }
            },
            (TypeKind::Array(_, et), Value::Array(vals)) => {
                let et = *et;
                let vals = vals.to_vec();
                self.print_list(ty, et, &vals, false, verb, depth, can_iface);
            }
            (TypeKind::Slice(et), Value::Slice(s)) => {
                let et = *et;
                let vals = s
                    .as_ref()
                    .map(|s| self.heap.slice_elems(s))
                    .unwrap_or_default();
                self.print_list(ty, et, &vals, s.is_none(), verb, depth, can_iface);
            }
            (TypeKind::Pointer(et), Value::Ptr(Some(p))) if depth == 0 => {
                let et = *et;
                let target = matches!(
                    types.under(et),
                    TypeKind::Array(..)
                        | TypeKind::Slice(_)
                        | TypeKind::Struct(_)
                        | TypeKind::Map(..)
                        // sync and atomic types are structs in Go.
                        | TypeKind::Sync(_)
                );
                match self.heap.load(p) {
                    Some(pv) if target => {
                        self.buf.push('&');
                        self.print_value(et, &pv, verb, depth + 1, can_iface);
                    }
                    _ => match self.heap.lib_struct(ty, v) {
                        Some(lib) => {
                            self.buf.push('&');
                            let fields = lib
                                .fields
                                .into_iter()
                                .map(|(name, f)| {
                                    let shape = match f {
                                        Some((ft, fv)) if ft == TypeTable::basic(Basic::String) => {
                                            Shape::Value(ft, fv)
                                        }
                                        f => Shape::Error(f),
                                    };
                                    (name, shape)
                                })
                                .collect();
                            self.print_shape(&Shape::Struct(lib.name, fields), verb);
                        }
                        None => self.fmt_pointer(ty, v, verb),
                    },
                }
            }
            (TypeKind::Pointer(_) | TypeKind::Chan(..) | TypeKind::Func(_), _) => {
                self.fmt_pointer(ty, v, verb)
            }
            (TypeKind::Sync(kind), Value::Sync(state)) => {
                let shape = self.sync_shape(*kind, state);
                self.print_shape(&shape, verb);
            }
            // A value that does not match its type (a VM bug): show it rather than crash.
            _ => {
                self.buf.push_str("%!v(BADVALUE)");
            }
        }
    }

    pub(super) fn print_basic(&mut self, b: Basic, ty: TypeId, v: &Value, verb: char) {
        use Basic::*;
        match (b, v) {
            (Bool | UntypedBool, Value::Bool(x)) => self.fmt_bool(*x, verb, (ty, v)),
            (Float32, Value::Float(x)) => self.fmt_float(*x, 32, verb, (ty, v)),
            (Float64 | UntypedFloat, Value::Float(x)) => self.fmt_float(*x, 64, verb, (ty, v)),
            (String | UntypedString, Value::Str(s)) => {
                let s = s.clone();
                self.fmt_string(s.as_bytes(), verb, Some((ty, v)))
            }
            (_, Value::Int(i)) => {
                let signed = b.int_info().is_none_or(|(_, s)| s);
                self.fmt_integer(*i as u64, signed, verb, (ty, v))
            }
            _ => self.buf.push_str("%!v(BADVALUE)"),
        }
    }

    pub(super) fn print_list(
        &mut self,
        ty: TypeId,
        et: TypeId,
        vals: &[Value],
        nil: bool,
        verb: char,
        depth: u32,
        can_iface: bool,
    ) {
        let bytes_verb = matches!(verb, 's' | 'q' | 'x' | 'X')
            || (self.f.sharp_v && ty == self.types_byte_slice());
        if bytes_verb && basic_of(self.types(), et) == Some(Basic::Uint8) {
            let bytes: Vec<u8> = vals.iter().map(|v| v.as_int().unwrap_or(0) as u8).collect();
            // The unnamed `[]byte` takes printArg's fast path, which spells it `[]byte`.
            let ts = if ty == self.types_byte_slice() {
                "[]byte".to_string()
            } else {
                self.type_string(ty)
            };
            if self.fmt_bytes(&bytes, verb, &ts, nil) {
                return;
            }
        }
        if self.f.sharp_v {
            let ts = self.type_string(ty);
            self.buf.push_str(&ts);
            if nil {
                self.buf.push_str("(nil)");
                return;
            }
            self.buf.push('{');
            for (i, e) in vals.iter().enumerate() {
                if i > 0 {
                    self.buf.push_str(", ");
                }
                self.print_value(et, e, verb, depth + 1, can_iface);
            }
            self.buf.push('}');
        } else {
            self.buf.push('[');
            for (i, e) in vals.iter().enumerate() {
                if i > 0 {
                    self.buf.push(' ');
                }
                self.print_value(et, e, verb, depth + 1, can_iface);
            }
            self.buf.push(']');
        }
    }

    pub(super) fn sync_shape(&self, kind: crate::types::SyncKind, state: &SyncState) -> Shape {
        use Basic::*;
        fn mutex(state: i64) -> Shape {
            Shape::Struct(
                "sync.Mutex",
                vec![
                    ("state", Shape::Int(state, Int32)),
                    ("sema", Shape::Int(0, Uint32)),
                ],
            )
        }
        fn no_copy(name: &'static str) -> Shape {
            Shape::Struct(name, vec![])
        }
        match state {
            SyncState::Mutex(m) => mutex(m.go_state()),
            SyncState::RwMutex(rw) => {
                let (w, rc, rwait) = rw.go_fields();
                Shape::Struct(
                    "sync.RWMutex",
                    vec![
                        ("w", mutex(w)),
                        ("writerSem", Shape::Int(0, Uint32)),
                        ("readerSem", Shape::Int(0, Uint32)),
                        ("readerCount", Shape::Int(rc, Int32)),
                        ("readerWait", Shape::Int(rwait, Int32)),
                    ],
                )
            }
            SyncState::WaitGroup(wg) => Shape::Struct(
                "sync.WaitGroup",
                vec![
                    ("noCopy", no_copy("sync.noCopy")),
                    ("state1", Shape::Int(wg.go_state1(), Uint64)),
                    ("state2", Shape::Int(0, Uint32)),
                ],
            ),
            SyncState::Once(o) => {
                let (done, m) = o.go_fields();
                Shape::Struct(
                    "sync.Once",
                    vec![("done", Shape::Int(done, Uint32)), ("m", mutex(m))],
                )
            }
            SyncState::AtomicInt(v) if kind == crate::types::SyncKind::AtomicInt32 => {
                Shape::Struct(
                    "atomic.Int32",
                    vec![
                        ("_", no_copy("atomic.noCopy")),
                        ("v", Shape::Int(*v, Int32)),
                    ],
                )
            }
            SyncState::AtomicInt(v) if kind == crate::types::SyncKind::AtomicUint32 => {
                Shape::Struct(
                    "atomic.Uint32",
                    vec![
                        ("_", no_copy("atomic.noCopy")),
                        ("v", Shape::Int(*v, Uint32)),
                    ],
                )
            }
            SyncState::AtomicInt(v) => {
                let (name, basic) = if kind == crate::types::SyncKind::AtomicUint64 {
                    ("atomic.Uint64", Uint64)
                } else {
                    ("atomic.Int64", Int64)
                };
                Shape::Struct(
                    name,
                    vec![
                        ("_", no_copy("atomic.noCopy")),
                        ("_", no_copy("atomic.align64")),
                        ("v", Shape::Int(*v, basic)),
                    ],
                )
            }
            SyncState::AtomicBool(b) => Shape::Struct(
                "atomic.Bool",
                vec![
                    ("_", no_copy("atomic.noCopy")),
                    ("v", Shape::Int(i64::from(*b), Uint32)),
                ],
            ),
            SyncState::AtomicValue(v) => {
                Shape::Struct("atomic.Value", vec![("v", Shape::Any(v.clone()))])
            }
            SyncState::TestingT(_) => Shape::Struct("testing.T", vec![]),
            SyncState::Context(_) => Shape::Struct("context.cancelCtx", vec![]),
            SyncState::Timer(t) => Shape::Struct(
                "time.runtimeTimer",
                vec![
                    ("when", Shape::Int(t.when, Int64)),
                    ("period", Shape::Int(t.period, Int64)),
                ],
            ),
            SyncState::CondNotify(c) => Shape::Struct(
                "sync.notifyList",
                vec![
                    ("wait", Shape::Int(c.wait as i64, Uint32)),
                    ("notify", Shape::Int(c.notify as i64, Uint32)),
                    ("lock", Shape::Int(0, Uint64)),
                ],
            ),
            SyncState::Map(m) => {
                let read = if m.read.m.is_empty() && !m.read.amended && m.entries.is_empty() {
                    "{<nil>}".to_string()
                } else {
                    format!(
                        "{{{{{} {}}}}}",
                        self.entry_map_text(&m.read.m, m),
                        m.read.amended
                    )
                };
                let dirty = match &m.dirty {
                    None => "map[]".to_string(),
                    Some(d) => self.entry_map_text(d, m),
                };
                Shape::Struct(
                    "sync.Map",
                    vec![
                        ("mu", mutex(m.mu.go_state())),
                        ("read", Shape::Raw(read)),
                        ("dirty", Shape::Raw(dirty)),
                        ("misses", Shape::Int(i64::from(m.misses), Int)),
                    ],
                )
            }
        }
    }

    /// `map[k:0xc000…]` for a sync.Map's key → *entry map (keys in order, fake entry addresses).
    pub(super) fn entry_map_text(
        &self,
        m: &std::collections::BTreeMap<MapKey, crate::rt::sync_map::EntryId>,
        state: &crate::rt::sync_map::SyncMapState,
    ) -> String {
        let mut s = String::from("map[");
        for (i, (_, id)) in m.iter().enumerate() {
            if i > 0 {
                s.push(' ');
            }
            if let Some(e) = state.entries.get(id.0 as usize) {
                let mut p = Printer::new(self.heap);
                p.print_arg(operand(&e.key), 'v');
                s.push_str(&String::from_utf8_lossy(&p.buf.0));
            }
            s.push_str(&format!(
                ":0x{:x}",
                0xc000090000u64 + u64::from(id.0) * 0x10
            ));
        }
        s.push(']');
        s
    }

    pub(super) fn print_shape(&mut self, shape: &Shape, verb: char) {
        match shape {
            Shape::Int(i, b) => {
                let ty = TypeTable::basic(*b);
                self.print_value(ty, &Value::Int(*i), verb, 1, false);
            }
            Shape::Raw(s) => self.buf.push_str(s),
            Shape::Value(ty, v) => self.print_value(*ty, v, verb, 1, false),
            Shape::Error(None) if self.f.sharp_v => self.buf.push_str("error(nil)"),
            Shape::Error(None) => self.buf.push_str("<nil>"),
            Shape::Error(Some((ty, v))) => self.print_value(*ty, v, verb, 2, false),
            Shape::Any(Value::Iface(Some(b))) => self.print_value(b.0, &b.1, verb, 1, false),
            Shape::Any(_) if self.f.sharp_v => self.buf.push_str("interface {}(nil)"),
            Shape::Any(_) => self.buf.push_str("<nil>"),
            Shape::Struct(name, fields) => {
                if self.f.sharp_v {
                    self.buf.push_str(name);
                }
                self.buf.push('{');
                for (i, (fname, f)) in fields.iter().enumerate() {
                    if i > 0 {
                        if self.f.sharp_v {
                            self.buf.push_str(", ");
                        } else {
                            self.buf.push(' ');
                        }
                    }
                    if self.f.plus_v || self.f.sharp_v {
                        self.buf.push_str(fname);
                        self.buf.push(':');
                    }
                    self.print_shape(f, verb);
                }
                self.buf.push('}');
            }
        }
    }
}
