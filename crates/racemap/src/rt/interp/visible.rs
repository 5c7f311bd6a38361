//! Visible operations: running a parked operation in its step (heap and map accesses, map
//! write windows, channel send/receive/close, select, append/copy, spawn, print, exit) and
//! recording its event.

use super::*;

impl Machine {
    /// Run the visible operation `gid` is parked at (`alt`: the select case).
    pub(crate) fn exec_visible(&mut self, gid: Gid, alt: u32) -> R<()> {
        let status = self.goroutines[gid.0 as usize].status.clone();
        if let (GoStatus::Sleeping(until), Some(Visible::TimerFire(p))) =
            (&status, &self.goroutines[gid.0 as usize].next)
        {
            let p = p.clone();
            // Early fires are counted only where they are bounded (otherwise the count would
            // tell states apart that nothing else does).
            if self.config.wake_order.bounds_early_ticks() && self.wakes_early(gid) {
                if let crate::rt::sync_state::SyncState::Timer(t) = self.heap.sync_mut(&p)? {
                    t.early_fires += 1;
                }
            }
            return self.fire_timer(gid, p, *until);
        }
        if let GoStatus::Sleeping(until) = status {
            self.raise_clock(until);
            self.g(gid).status = GoStatus::Parked;
            self.emit(gid, Op::Wake, Vec::new());
            self.g(gid).next = None;
            return Ok(());
        }
        let Some(v) = self.g(gid).next.clone() else {
            return Ok(());
        };
        // By default the op completes and the goroutine resumes local code.
        let mut done = true;
        let prog = self.program.clone();
        match v {
            Visible::Load(p) => {
                let p = p.ok_or_else(RtError::nil_deref)?;
                let value = self.heap.load(&p)?;
                let mut eff = Vec::new();
                self.leaf_locs(&p, &value, false, &mut eff);
                let site = self.goroutines[gid.0 as usize]
                    .frames
                    .last()
                    .map(|f| (f.func, f.call_pc));
                if site.is_some_and(|s| prog.final_loads.contains_key(&s)) {
                    for e in &mut eff {
                        if let Effect::Read(loc) = e {
                            *e = Effect::FinalRead(loc.clone());
                        }
                    }
                }
                self.emit(
                    gid,
                    Op::Load {
                        ptr: p,
                        value: value.clone(),
                    },
                    eff,
                );
                self.resume_push(gid, vec![value]);
            }
            Visible::Store(p, value) => {
                let p = p.ok_or_else(RtError::nil_deref)?;
                let mut eff = Vec::new();
                self.leaf_locs(&p, &value, true, &mut eff);
                self.heap.store(&p, value.clone())?;
                self.emit(gid, Op::Store { ptr: p, value }, eff);
            }
            Visible::MapGet {
                map,
                key,
                elem,
                comma_ok,
            } => {
                let k = MapKey::from_value(&key, &prog.types)?;
                let got = match map {
                    Some(m) => {
                        // The access comes first (Go's mapaccess calls the race detector on
                        // entry), then the flag check; the element's slot is read only when
                        // the check passed and the key is present.
                        let mo = self.heap.map(m);
                        let check = mo.read_check();
                        let slot = check.as_ref().ok().and_then(|_| mo.slot_of(&k));
                        let got = mo.get(&k).cloned();
                        self.emit(
                            gid,
                            Op::MapRead {
                                map: m,
                                key: Some(key),
                            },
                            crate::rt::map::read_effects(m, slot),
                        );
                        check?;
                        got
                    }
                    None => None,
                };
                // A nil map read is no map access: one step without an event.
                let ok = got.is_some();
                let v = match got {
                    Some(v) => v,
                    None => self.zero_of(elem)?,
                };
                let mut out = vec![v];
                if comma_ok {
                    out.push(Value::Bool(ok));
                }
                self.resume_push(gid, out);
            }
            Visible::ChanLen(chan) => {
                let len = chan.map_or(0, |c| self.heap.chan(c).len() as i64);
                if let Some(chan) = chan {
                    self.emit(gid, Op::ChanLen { chan, len }, Vec::new());
                }
                self.resume_push(gid, vec![Value::Int(len)]);
            }
            Visible::MapLen(map) => {
                let n = match map {
                    Some(m) => {
                        self.emit(
                            gid,
                            Op::MapRead { map: m, key: None },
                            crate::rt::map::read_effects(m, None),
                        );
                        self.heap.map(m).len() as i64
                    }
                    None => 0,
                };
                self.resume_push(gid, vec![Value::Int(n)]);
            }
            Visible::MapWriteBegin {
                map,
                key,
                value,
                clear,
            } => {
                let hashed = match &key {
                    Some(k) => Some(MapKey::from_value(k, &prog.types)?),
                    None => None,
                };
                let delete = value.is_none() && !clear;
                let Some(m) = map else {
                    if delete || clear {
                        // delete/clear on a nil map: a no-op (one step, no map access).
                        self.g(gid).next = None;
                        return Ok(());
                    }
                    return Err(RtError::nil_map_write().into());
                };
                let mutation = if clear {
                    MapMutation::Clear
                } else if let Some(v) = value {
                    MapMutation::Set {
                        key: key.clone().ok_or_else(|| missing("map write key"))?,
                        elem: v,
                    }
                } else {
                    MapMutation::Delete {
                        key: key.clone().ok_or_else(|| missing("map delete key"))?,
                    }
                };
                // The access comes first (Go's mapassign/mapdelete call the race detector on
                // entry), then the flag check.
                self.emit(
                    gid,
                    Op::MapWriteBegin {
                        map: m,
                        key: key.clone(),
                        delete,
                    },
                    crate::rt::map::write_effects(m, None),
                );
                self.heap.map_mut(m).write_begin(gid, hashed, mutation)?;
                let span = self.goroutines[gid.0 as usize].next_span;
                self.park(
                    gid,
                    Visible::MapWriteEnd {
                        map: m,
                        key,
                        delete,
                    },
                    Some(span),
                );
                done = false;
            }
            Visible::MapWriteEnd { map, key, delete } => {
                let mutation = self.heap.map_mut(map).write_end(gid)?;
                // `m[k] = v` stores v through the slot pointer mapassign returned.
                let slot = match mutation {
                    MapMutation::Set { .. } => match &key {
                        Some(k) => {
                            let k = MapKey::from_value(k, &prog.types)?;
                            self.heap.map(map).slot_of(&k)
                        }
                        None => None,
                    },
                    MapMutation::Delete { .. } | MapMutation::Clear => None,
                };
                self.emit(
                    gid,
                    Op::MapWriteEnd { map, key, delete },
                    crate::rt::map::write_effects(map, slot),
                );
            }
            Visible::MapIterNext { iter } => {
                let (m, mut cursor) = self.goroutines[gid.0 as usize]
                    .iters
                    .get(iter)
                    .cloned()
                    .ok_or_else(|| missing("map iterator"))?;
                let next = match m {
                    Some(m) => {
                        let mo = self.heap.map(m);
                        let r = mo.iter_next(&mut cursor, alt);
                        let key = match &r {
                            Ok(r) => r.as_ref().map(|(k, _)| k.clone()),
                            Err(_) => None,
                        };
                        // A loop that reads values loads the element through `it.elem`.
                        let slot = match (&key, cursor.reads_elem) {
                            (Some(k), true) => mo.slot_of(&MapKey::from_value(k, &prog.types)?),
                            _ => None,
                        };
                        self.emit(
                            gid,
                            Op::MapIterate { map: m, key },
                            crate::rt::map::read_effects(m, slot),
                        );
                        r?
                    }
                    None => None,
                };
                if let Some(slot) = self.g(gid).iters.get_mut(iter) {
                    slot.1 = cursor;
                }
                let out = match next {
                    Some((k, v)) => vec![k, v, Value::Bool(true)],
                    None => vec![Value::Unit, Value::Unit, Value::Bool(false)],
                };
                self.resume_push(gid, out);
            }
            Visible::Append {
                slice,
                elems,
                elem,
                source,
            } => {
                let r = self.append(gid, slice, elems, elem, source)?;
                self.resume_push(gid, vec![r]);
            }
            Visible::Copy { dst, src } => {
                let n = self.copy(gid, dst, src)?;
                self.resume_push(gid, vec![Value::Int(n)]);
            }
            Visible::Go { func, args } => {
                self.go_statement(gid, func, args)?;
            }
            Visible::Send(c, value) => {
                let c = c.ok_or_else(|| Fault::Rt(RtError::nil_deref()))?;
                self.send(gid, c, value, None)?;
            }
            Visible::Recv {
                chan,
                elem,
                comma_ok,
            } => {
                let c = chan.ok_or_else(|| Fault::Rt(RtError::nil_deref()))?;
                let (v, ok) = self.recv(gid, c, elem, None)?;
                let mut out = vec![v];
                if comma_ok {
                    out.push(Value::Bool(ok));
                }
                self.resume_push(gid, out);
            }
            Visible::Close(c) => {
                let c = c.ok_or_else(|| Fault::Rt(RtError::close_of_nil()))?;
                let eff = self.heap.chan_mut(c).close(c)?;
                self.emit(gid, Op::Close { chan: c }, eff);
            }
            Visible::Select {
                arms, has_default, ..
            } => {
                let out = if (alt as usize) < arms.len() {
                    let arm = arms[alt as usize].clone();
                    let c = arm.chan.ok_or_else(|| Fault::Rt(RtError::nil_deref()))?;
                    if let Some(v) = arm.send {
                        self.send(gid, c, v, Some(alt))?;
                        vec![Value::Unit, Value::Bool(false), Value::Int(i64::from(alt))]
                    } else {
                        let elem = arm.elem.ok_or_else(|| missing("receive arm type"))?;
                        let (v, ok) = self.recv(gid, c, elem, Some(alt))?;
                        vec![v, Value::Bool(ok), Value::Int(i64::from(alt))]
                    }
                } else {
                    let _ = has_default;
                    self.emit(gid, Op::Select { case: None }, Vec::new());
                    vec![
                        Value::Unit,
                        Value::Bool(false),
                        Value::Int(arms.len() as i64),
                    ]
                };
                self.resume_push(gid, out);
            }
            Visible::Lib {
                func,
                args,
                push_results,
                exclusive,
            } => {
                done = self.lib_visible(gid, func, args, push_results, exclusive, alt)?;
            }
            Visible::Print { newline, args } => {
                let mut text = Vec::new();
                for (i, a) in args.iter().enumerate() {
                    if i > 0 && newline {
                        text.push(b' ');
                    }
                    match a {
                        // `printstring` writes a string's bytes.
                        Value::Iface(Some(b)) if matches!(b.1, Value::Str(_)) => {
                            text.extend_from_slice(str_of(&b.1)?.as_bytes())
                        }
                        _ => text.extend_from_slice(self.print_builtin(a).as_bytes()),
                    }
                }
                if newline {
                    text.push(b'\n');
                }
                self.stderr.extend_from_slice(&text);
                let text = String::from_utf8_lossy(&text).into_owned();
                self.emit(gid, Op::Print { text, stderr: true }, Vec::new());
            }
            Visible::FileLock {
                fd,
                text,
                source,
                results,
                log,
            } => {
                self.file_lock(gid, fd, &text, source, results, log);
                done = false;
            }
            Visible::FileUnlock { fd, results, log } => {
                return self.file_unlock(gid, fd, results, log);
            }
            Visible::RwLockFinish(p) => {
                let eff = match self.heap.sync_mut(&p)? {
                    SyncState::RwMutex(s) => s.finish_lock(gid, &p)?,
                    _ => return Err(missing("RWMutex to finish locking").into()),
                };
                self.emit(
                    gid,
                    Op::Lock {
                        mutex: p,
                        kind: LockOp::Lock,
                    },
                    eff,
                );
            }
            Visible::WaitGroupWake { wg, waiters } => {
                match self.heap.sync_mut(&wg)? {
                    SyncState::WaitGroup(s) => s.finish_add(waiters)?,
                    _ => return Err(missing("WaitGroup to wake").into()),
                }
                self.emit(gid, Op::WaitGroupWake { wg, waiters }, Vec::new());
            }
            Visible::WaitGroupSemacquire(wg) => {
                let eff = match self.heap.sync_mut(&wg)? {
                    SyncState::WaitGroup(s) => s.semacquire(&wg)?,
                    _ => return Err(missing("WaitGroup to wait on").into()),
                };
                self.emit(gid, Op::WaitGroupWait { wg }, eff);
            }
            Visible::SyncMap(mut inflight) => {
                inflight.op.range_start = alt;
                done = self.sync_map_step(gid, *inflight)?;
                if done {
                    return Ok(());
                }
            }
            Visible::OnceDone(p) => {
                let eff = match self.heap.sync_mut(&p)? {
                    SyncState::Once(s) => s.finish(&p),
                    _ => return Err(missing("Once to finish").into()),
                };
                self.emit(gid, Op::OnceDone { once: p }, eff);
            }
            Visible::Wake | Visible::TimerFire(_) => {}
            Visible::Exit => {
                // A panic nobody recovered, or a fatal error raised in local code, ends the
                // program now, in a step of its own (see `run_local`).
                if let Some(p) = self.g(gid).panicking.take_if(|p| !p.goexit) {
                    self.g(gid).next = None;
                    self.fail(gid, p.error, p.previous, Some((p.stack, p.args)));
                    return Ok(());
                }
                self.emit(gid, Op::Exit, Vec::new());
                let g = self.g(gid);
                g.status = GoStatus::Done;
                g.next = None;
                if gid == Gid::MAIN {
                    self.status = Status::Exited;
                }
                return Ok(());
            }
        }
        if done {
            self.g(gid).next = None;
        }
        Ok(())
    }

    /// The op completed: clear the park and push its results.
    pub(super) fn resume_push(&mut self, gid: Gid, vals: Vec<Value>) {
        self.note_panic_seen(gid);
        let g = self.g(gid);
        g.next = None;
        if let Some(f) = g.frames.last_mut() {
            f.stack.extend(vals);
        }
    }

    /// The goroutine an unbuffered send (`me_sends`) or receive on `c` completes with. The
    /// scheduler only steps an enabled rendezvous, so a missing partner is a VM bug.
    fn rendezvous_partner(
        &self,
        gid: Gid,
        c: crate::rt::value::ChanId,
        me_sends: bool,
    ) -> R<(Gid, Option<u32>)> {
        let reason = if me_sends {
            crate::rt::event::WaitReason::ChanSend
        } else {
            crate::rt::event::WaitReason::ChanReceive
        };
        self.partner(gid, c, me_sends)
            .ok_or_else(|| Fault::from(crate::rt::sync_state::PrimError::Blocked(reason)))
    }

    /// The `select` event of a channel operation that is a `select` case.
    /// `go func(args)` by `gid`: the new goroutine's event, then the child runs to its first
    /// visible operation (its own events are not emitted).
    pub(super) fn go_statement(&mut self, gid: Gid, func: Value, args: Vec<Value>) -> R<()> {
        let child = self.spawn(gid, func, args)?;
        self.emit(gid, Op::Go { child }, vec![Effect::Spawn(child)]);
        let saved = std::mem::take(&mut self.events);
        let budget = self.budget;
        self.budget = self.config.max_instructions_per_step;
        self.run_local(child);
        self.budget = budget;
        let mut child_events = std::mem::replace(&mut self.events, saved);
        self.events.append(&mut child_events);
        Ok(())
    }

    fn emit_select_case(&mut self, gid: Gid, case: Option<u32>) {
        if let Some(case) = case {
            self.emit(gid, Op::Select { case: Some(case) }, Vec::new());
        }
    }

    pub(super) fn send(
        &mut self,
        gid: Gid,
        c: crate::rt::value::ChanId,
        value: Value,
        case: Option<u32>,
    ) -> R<()> {
        let ch = self.heap.chan(c);
        if ch.closed {
            // Go reads the channel before it checks `closed`: the read races like any send's.
            self.emit_select_case(gid, case);
            self.emit(
                gid,
                Op::SendOnClosed { chan: c },
                vec![crate::rt::chan::ChanObj::send_read(c)],
            );
            return Err(RtError::send_on_closed().into());
        }
        if !ch.is_unbuffered() {
            // Go's `chansend` hands the value straight to a receiver blocked on the channel
            // (its buffer is then empty), completing that receive or `select` in the same step:
            // no later receiver can take the value first, and the `select` cannot take another
            // case any more. Only in a run, where a receiver parked here has arrived (blocked)
            // long since: in a search its arrival may come after any step of another goroutine
            // (`WakeOrder::receivers_arrived`), so the value goes to the buffer and the receiver
            // takes it, or another ready case, in a step of its own.
            let blocked = if ch.is_empty() && self.config.wake_order.receivers_arrived() {
                self.blocked_receiver(gid, c)
            } else {
                None
            };
            let eff = self.heap.chan_mut(c).send(c, value.clone())?;
            self.emit_select_case(gid, case);
            self.emit(
                gid,
                Op::Send {
                    chan: c,
                    value,
                    to: blocked.map(|(partner, _)| partner),
                },
                eff,
            );
            if let Some((partner, pcase)) = blocked {
                self.complete_blocked_receive(gid, partner, pcase, c)?;
            }
            return Ok(());
        }
        let (partner, pcase) = self.rendezvous_partner(gid, c, true)?;
        let eff = self.heap.chan_mut(c).rendezvous(c)?;
        self.emit_select_case(gid, case);
        self.emit(
            gid,
            Op::Send {
                chan: c,
                value: value.clone(),
                to: Some(partner),
            },
            eff.sender,
        );
        // The partner's side completes in the same step.
        let pnext = self.goroutines[partner.0 as usize].next.clone();
        let out = match (pnext, pcase) {
            (Some(Visible::Select { .. }), Some(i)) => {
                self.emit(partner, Op::Select { case: Some(i) }, Vec::new());
                vec![value.clone(), Value::Bool(true), Value::Int(i64::from(i))]
            }
            (Some(Visible::Recv { comma_ok, .. }), _) => {
                if comma_ok {
                    vec![value.clone(), Value::Bool(true)]
                } else {
                    vec![value.clone()]
                }
            }
            _ => vec![value.clone()],
        };
        self.emit(
            partner,
            Op::Recv {
                chan: c,
                value,
                ok: true,
                from: Some(gid),
            },
            eff.receiver,
        );
        self.resume_push(partner, out);
        self.run_local(partner);
        Ok(())
    }

    pub(super) fn recv(
        &mut self,
        gid: Gid,
        c: crate::rt::value::ChanId,
        elem: TypeId,
        case: Option<u32>,
    ) -> R<(Value, bool)> {
        let ch = self.heap.chan(c);
        if ch.can_recv_buffered() {
            // Go's `chanrecv` from a full buffer with a sender blocked on it takes the head of
            // the buffer and moves the first blocked sender's value to its tail, completing
            // that send in the same step: no later sender can take the freed slot first. Only
            // in a run, where a sender parked here has arrived (blocked) long since: in a search
            // its arrival may come later (`WakeOrder::receivers_arrived`), and it sends in a
            // step of its own.
            let full = !ch.closed && ch.cap > 0 && ch.len() == ch.cap as usize;
            let blocked = if full && self.queues_arrived() {
                self.blocked_sender(gid, c)
            } else {
                None
            };
            let r = self.heap.chan_mut(c).recv(c)?;
            let ok = r.value.is_some();
            let v = match r.value {
                Some(v) => v,
                None => self.zero_of(elem)?,
            };
            self.emit_select_case(gid, case);
            self.emit(
                gid,
                Op::Recv {
                    chan: c,
                    value: v.clone(),
                    ok,
                    from: None,
                },
                r.effects,
            );
            if let Some((partner, pcase)) = blocked {
                self.complete_blocked_send(partner, pcase, c)?;
            }
            return Ok((v, ok));
        }
        let (partner, pcase) = self.rendezvous_partner(gid, c, false)?;
        let value = match &self.goroutines[partner.0 as usize].next {
            Some(Visible::Send(_, v)) => v.clone(),
            Some(Visible::Select { arms, .. }) => pcase
                .and_then(|i| arms.get(i as usize))
                .and_then(|a| a.send.clone())
                .ok_or_else(|| missing("partner's select send value"))?,
            _ => return Err(missing("partner parked at a send").into()),
        };
        let eff = self.heap.chan_mut(c).rendezvous(c)?;
        self.emit_select_case(gid, case);
        self.emit(
            gid,
            Op::Recv {
                chan: c,
                value: value.clone(),
                ok: true,
                from: Some(partner),
            },
            eff.receiver,
        );
        if let Some(i) = pcase {
            self.emit(partner, Op::Select { case: Some(i) }, Vec::new());
        }
        self.emit(
            partner,
            Op::Send {
                chan: c,
                value: value.clone(),
                to: Some(gid),
            },
            eff.sender,
        );
        let out = match pcase {
            Some(i) => vec![Value::Unit, Value::Bool(false), Value::Int(i64::from(i))],
            None => Vec::new(),
        };
        self.resume_push(partner, out);
        self.run_local(partner);
        Ok((value, true))
    }

    pub(super) fn append(
        &mut self,
        gid: Gid,
        slice: Value,
        elems: Vec<Value>,
        elem: TypeId,
        source: Option<Value>,
    ) -> R<Value> {
        let mut eff = Vec::new();
        if let Some(Value::Slice(Some(t))) = &source {
            for i in 0..t.len.min(64) {
                eff.push(Effect::Read(Loc::Heap(t.elem(i))));
            }
        }
        let s = match &slice {
            Value::Slice(Some(s)) => Some(s.clone()),
            _ => None,
        };
        let (len, cap) = s.as_ref().map(|s| (s.len, s.cap)).unwrap_or((0, 0));
        let n = elems.len() as u32;
        let newlen = u64::from(len) + u64::from(n);
        let result = if n == 0 {
            slice.clone()
        } else if let Some(s) = s.clone().filter(|_| newlen <= u64::from(cap)) {
            for (i, e) in elems.into_iter().enumerate() {
                let p = s.elem(len + i as u32);
                eff.push(Effect::Write(Loc::Heap(p.clone())));
                self.heap.store(&p, e)?;
            }
            Value::Slice(Some(SliceRef { len: len + n, ..s }))
        } else {
            // growslice: double small slices, 1.25x large ones, to the allocator's size class.
            let elem_size = self.program.types.go_layout(elem).map(|l| l.size);
            let newcap = crate::rt::slice_growth::grown_capacity(u64::from(cap), newlen, elem_size);
            let mut all = Vec::with_capacity(newlen as usize);
            if let Some(s) = &s {
                for i in 0..len {
                    let p = s.elem(i);
                    if i < 64 {
                        eff.push(Effect::Read(Loc::Heap(p.clone())));
                    }
                    all.push(self.heap.load(&p)?);
                }
            }
            all.extend(elems);
            let sl = self.new_slice(all, newcap as usize, elem)?;
            for i in len..len + n {
                eff.push(Effect::Write(Loc::Heap(sl.elem(i))));
            }
            Value::Slice(Some(sl))
        };
        let ptr = match &result {
            Value::Slice(Some(s)) => s.array(),
            _ => Pointer::root(crate::rt::value::ObjId(0)),
        };
        self.emit(
            gid,
            Op::Store {
                ptr,
                value: result.clone(),
            },
            eff,
        );
        Ok(result)
    }

    pub(super) fn copy(&mut self, gid: Gid, dst: Value, src: Value) -> R<i64> {
        let Value::Slice(Some(d)) = dst else {
            return Ok(0);
        };
        let elems = self.elements_of(&src)?;
        let n = (d.len as usize).min(elems.len());
        let mut eff = Vec::new();
        if let Value::Slice(Some(s)) = &src {
            for i in 0..(n as u32).min(64) {
                eff.push(Effect::Read(Loc::Heap(s.elem(i))));
            }
        }
        for (i, e) in elems.into_iter().take(n).enumerate() {
            let p = d.elem(i as u32);
            if i < 64 {
                eff.push(Effect::Write(Loc::Heap(p.clone())));
            }
            self.heap.store(&p, e)?;
        }
        self.emit(
            gid,
            Op::Store {
                ptr: d.array(),
                value: Value::Int(n as i64),
            },
            eff,
        );
        Ok(n as i64)
    }
}
