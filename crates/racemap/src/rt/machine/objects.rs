//! Creating what visible operations need: channels, maps, spawned goroutines, zero values, and
//! the per-scalar read/write effects of a stored value.

use super::*;

impl Machine {
    pub(crate) fn new_chan(
        &mut self,
        elem: crate::types::TypeId,
        cap: i64,
    ) -> Result<Value, Fault> {
        if cap < 0 || cap > i64::from(u32::MAX) {
            return Err(RtError::makechan_size().into());
        }
        let zero = self.program.types.is_zero_size(elem);
        let id = self.heap.alloc_chan(
            &self.config,
            ChanObj::new(elem, cap as u32).with_element_size(zero),
        )?;
        Ok(Value::Chan(Some(id)))
    }

    pub(crate) fn new_map(&mut self, ty: crate::types::TypeId) -> Result<MapId, Fault> {
        let (k, v) = match self.program.types.under(ty) {
            crate::types::TypeKind::Map(k, v) => (*k, *v),
            _ => (ty, ty),
        };
        Ok(self.heap.alloc_map(&self.config, MapObj::new(k, v))?)
    }

    /// What `fmt` may read of shared memory when it prints `args` (Go's `printValue`): every
    /// map and slice reached through maps, slices, structs, arrays and interfaces, and the value
    /// behind a pointer operand (fmt prints `&{…}` at the top level only; deeper pointers are
    /// printed as addresses), as reads in `f` — the footprint of a print step, so a search
    /// orders it against writes of what it prints.
    pub(crate) fn fmt_reach(&self, args: &[Value], f: &mut super::Touches) {
        fn walk(
            m: &Machine,
            v: &Value,
            top: bool,
            f: &mut super::Touches,
            seen: &mut std::collections::BTreeSet<(u8, u32)>,
        ) {
            match v {
                Value::Iface(Some(b)) => walk(m, &b.1, top, f, seen),
                Value::Map(Some(id)) if seen.insert((0, id.0)) => {
                    f.maps.push((*id, false));
                    if let Some(map) = m.heap.maps.get(id.0 as usize) {
                        for (k, e) in map.entries_in_order() {
                            walk(m, &k, false, f, seen);
                            walk(m, &e, false, f, seen);
                        }
                    }
                }
                Value::Slice(Some(s)) => {
                    let array = s.array();
                    f.memory.push((array, false));
                    if seen.insert((1, s.obj.0)) {
                        for i in 0..s.len {
                            if let Ok(e) = m.heap.load(&s.elem(i)) {
                                walk(m, &e, false, f, seen);
                            }
                        }
                    }
                }
                Value::Ptr(Some(p)) if top => {
                    f.memory.push((p.clone(), false));
                    if let Ok(target) = m.heap.load(p) {
                        walk(m, &target, false, f, seen);
                    }
                }
                Value::Struct(fields) | Value::Array(fields) => {
                    for x in fields.iter() {
                        walk(m, x, false, f, seen);
                    }
                }
                _ => {}
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for a in args {
            walk(self, a, true, f, &mut seen);
        }
    }

    /// Locations of every scalar inside a value stored at `p` (capped), for read/write effects.
    /// A typed atomic (`atomic.Int64`, `atomic.Bool`, …) is one such scalar: its word is memory
    /// like any other, so copying it (or a struct holding it) by value is a plain read of the
    /// word and overwriting it a plain write, which race with a concurrent `Store`/`Add` (its
    /// `Loc::Heap(p)`, the location of `rt::atomic`'s effects), as in Go's detector. The other
    /// sync objects' states are not memory here.
    pub(crate) fn leaf_locs(&self, p: &Pointer, v: &Value, write: bool, out: &mut Vec<Effect>) {
        fn walk(p: &Pointer, v: &Value, write: bool, out: &mut Vec<Effect>, budget: &mut u32) {
            match v {
                Value::Struct(fs) | Value::Array(fs) if !fs.is_empty() && *budget > 0 => {
                    for (i, f) in fs.iter().enumerate() {
                        walk(&p.child(i as u32), f, write, out, budget);
                    }
                }
                Value::Sync(s)
                    if !matches!(
                        **s,
                        SyncState::AtomicInt(_)
                            | SyncState::AtomicBool(_)
                            | SyncState::AtomicValue(_)
                    ) => {}
                _ => {
                    if *budget > 0 {
                        *budget -= 1;
                        let loc = Loc::Heap(p.clone());
                        out.push(if write {
                            Effect::Write(loc)
                        } else {
                            Effect::Read(loc)
                        });
                    }
                }
            }
        }
        let mut budget = 64;
        walk(p, v, write, out, &mut budget);
    }

    /// A `go` statement's child: created, Go number assigned, pre-run to its first op.
    pub(crate) fn spawn(
        &mut self,
        parent: Gid,
        func: Value,
        args: Vec<Value>,
    ) -> Result<Gid, Fault> {
        if self.goroutines.len() as u64 >= u64::from(self.config.max_goroutines) {
            return Err(LimitHit::Goroutines(self.config.max_goroutines).into());
        }
        let Value::Func(Some(clo)) = func else {
            return Err(RtError::nil_deref().into());
        };
        let gid = Gid(self.goroutines.len() as u32);
        let go_id = self.config.first_goroutine_id + self.go_ids_taken;
        // A test's dumps keep the race numbering: `go test`'s goids (its runner's goroutines
        // among them) are not modelled.
        let dump_id = if self.program.runs_test() {
            go_id
        } else {
            go_id.saturating_sub(1 + u64::from(self.timer_ctx_numbered))
        };
        self.go_ids_taken += 1;
        let created_by = self.stack_of(parent).first().cloned();
        self.goroutines
            .push(Goroutine::new(gid, (go_id, dump_id), clo.func, created_by));
        let mut all = Vec::new();
        if let Some(b) = &clo.bound {
            all.push(b.clone());
        }
        all.extend(args);
        self.push_call(
            gid,
            clo.func,
            all,
            Rc::from(clo.captures.clone()),
            FrameKind::Root,
        )?;
        Ok(gid)
    }

    /// The span of the function's closing brace (for `Exit`).
    pub(crate) fn func_end(&self, f: FuncId) -> Span {
        let s = self.program.func(f).span;
        Span::new(s.hi.saturating_sub(1), s.hi)
    }

    /// The zero value of a type (a closed-channel receive, a missing map key).
    pub(crate) fn zero_of(&self, ty: crate::types::TypeId) -> Result<Value, Fault> {
        Ok(crate::rt::heap::zero_value(
            &self.program.types,
            ty,
            &self.config,
        )?)
    }
}
