//! Calls, returns, deferred calls and panics, and the local run loop that drives them:
//! [`Machine::run_local`] runs a goroutine's private computation until it parks at a visible
//! operation; a returning frame runs its defers last-in first-out, then hands results to its
//! caller; a panic unwinds frames until a deferred call recovers it.

use super::*;

impl Machine {
    /// Push a call frame for `func` with `args`.
    pub(crate) fn push_call(
        &mut self,
        gid: Gid,
        func: FuncId,
        args: Vec<Value>,
        captures: Rc<[Pointer]>,
        kind: FrameKind,
    ) -> R<()> {
        let prog = self.program.clone();
        let Some(f) = prog.funcs.get(func.0 as usize) else {
            return Err(RtError::nil_deref().into());
        };
        // Past the depth bound the frame is still pushed, then the call fails: Go's stack
        // overflow is raised in the callee's prologue, which its traceback shows on top.
        let overflow =
            self.goroutines[gid.0 as usize].frames.len() as u32 >= self.config.max_call_depth;
        let mut locals = vec![Value::Unit; f.locals.max(f.params) as usize];
        for (i, a) in args.into_iter().enumerate().take(f.params as usize) {
            locals[i] = a;
        }
        for (i, slot) in f.result_slots.iter().enumerate() {
            if let crate::bytecode::ResultSlot::Local(n) = slot {
                let z = zero_value(&prog.types, f.results[i], &self.config)?;
                if let Some(l) = locals.get_mut(*n as usize) {
                    *l = z;
                }
            }
        }
        self.g(gid).frames.push(Frame {
            func,
            pc: 0,
            locals,
            stack: Vec::new(),
            captures,
            defers: Vec::new(),
            kind,
            returning: false,
            call_pc: 0,
        });
        if overflow {
            return Err(RtError::stack_overflow().into());
        }
        Ok(())
    }

    /// Call a function value.
    pub(super) fn call_value(
        &mut self,
        gid: Gid,
        f: Value,
        args: Vec<Value>,
        kind: FrameKind,
    ) -> R<()> {
        let Value::Func(Some(clo)) = f else {
            return Err(RtError::nil_deref().into());
        };
        let mut all = Vec::with_capacity(args.len() + 1);
        if let Some(b) = &clo.bound {
            all.push(b.clone());
        }
        all.extend(args);
        self.push_call(gid, clo.func, all, Rc::from(clo.captures.clone()), kind)
    }

    /// Start (or continue) a panic on `gid`.
    pub(crate) fn start_panic(&mut self, gid: Gid, mut error: RtError) {
        if error.is_fatal() {
            self.fail(gid, error, Vec::new(), None);
            return;
        }
        let mut stack = self.stack_of(gid).to_vec();
        let mut args = self.frame_args(gid);
        // A `sync.WaitGroup` panic: Go's `sync` frames above the program's.
        let (sync_frames, sync_args) = self.go119_panic_frames(gid, &error);
        let message = error.first_line();
        let g = self.g(gid);
        let unwinding_below = g.frames.len();
        // In a deferred call run by a panic, Go's stack still holds the frames that panic is
        // unwinding (it runs deferred calls on top of them): the deferred call's frames, then
        // the stack where that panic started. Between them Go's traceback shows the frame of
        // `runtime.gopanic` that called the deferred function (`panic({0x…, 0x…})`, its
        // argument the interface value), also after a `recover`: the deferred call is still
        // running on the panic's frame.
        if let Some(p) = g.panicking.as_ref().filter(|p| !p.goexit) {
            let above = unwinding_below.saturating_sub(p.unwinding_below);
            stack.truncate(above);
            args.truncate(above);
            if let Some(deferred) = stack.last() {
                stack.push(crate::rt::event::StackFrame {
                    func: deferred.func,
                    name: Rc::from(crate::rt::lib_frames::GOPANIC),
                    span: deferred.span,
                });
                args.push(crate::rt::lib_frames::GOPANIC_ARGS.to_string());
            }
            stack.extend(p.stack.iter().cloned());
            args.extend(p.args.iter().cloned());
        }
        stack.splice(0..0, sync_frames);
        args.splice(0..0, sync_args);
        let (previous, outer) = match g.panicking.take() {
            // A panic in a deferred call during Goexit replaces it.
            Some(p) if p.goexit => (Vec::new(), None),
            Some(p) => {
                let mut prev = p.previous.clone();
                // Go prints the `[signal SIGSEGV ...]` line while a panic raised by the signal
                // is still in the chain (the goroutine's `sig` stays set until a recovery
                // completes).
                if let (RtError::Panic { signal: true, .. }, RtError::Panic { signal, .. }) =
                    (&p.error, &mut error)
                {
                    *signal = true;
                }
                if let RtError::Panic { message, .. } = &p.error {
                    prev.push(if p.recovered {
                        message.concat(&" [recovered]".into())
                    } else {
                        message.clone()
                    });
                }
                (prev, Some(Box::new(p)))
            }
            None => (Vec::new(), None),
        };
        g.panicking = Some(Panicking {
            error,
            recovered: false,
            previous,
            stack,
            args,
            unwinding_below,
            goexit: false,
            // A panic in a deferred call of a panic seen begun goes on being seen.
            seen: outer.as_ref().is_some_and(|o| o.seen),
            outer,
        });
        g.next = None;
        if let Some(f) = g.frames.last_mut() {
            f.returning = true;
        }
        self.emit(gid, Op::Panic { message }, Vec::new());
    }

    /// A fatal error raised in `gid`'s local code (`fatal error: stack overflow`): no deferred
    /// call runs, but the end of the program is a step of its own (`Visible::Exit` of a
    /// goroutine with a [`Panicking`] that is no Goexit, as a panic's end), so other goroutines
    /// may move first, as in Go (a goroutine filling its 1 GB stack takes a second while main
    /// prints). The goroutine keeps its frames; the dump shows the stack as it is now.
    fn crash_at_next_step(&mut self, gid: Gid, error: RtError) {
        let (mut stack, args) = self.traceback_stack(gid);
        if error == RtError::stack_overflow() {
            // The overflowing call's frame, at the line of its function's declaration (Go
            // raises the overflow in the function's prologue).
            if let Some(top) = stack.first_mut() {
                let lo = self.program.func(top.func).span.lo;
                top.span = crate::diag::Span::new(lo, lo + 1);
            }
        }
        let span = stack.first().map(|f| f.span);
        let g = self.g(gid);
        let unwinding_below = g.frames.len();
        g.panicking = Some(Panicking {
            error,
            recovered: false,
            previous: Vec::new(),
            stack,
            args,
            unwinding_below,
            goexit: false,
            outer: None,
            seen: false,
        });
        self.park(gid, Visible::Exit, span);
    }

    /// `runtime.Goexit()` on `gid`: unwind every frame, running deferred calls, then end the
    /// goroutine normally.
    pub(crate) fn start_goexit(&mut self, gid: Gid) {
        let g = self.g(gid);
        let unwinding_below = g.frames.len();
        g.panicking = Some(Panicking {
            error: RtError::goexit(),
            recovered: false,
            previous: Vec::new(),
            stack: Vec::new(),
            args: Vec::new(),
            unwinding_below,
            goexit: true,
            outer: None,
            seen: false,
        });
        if let Some(f) = g.frames.last_mut() {
            f.returning = true;
        }
    }

    /// Run `gid`'s local code until it parks at a visible operation (or the run ends).
    pub(crate) fn run_local(&mut self, gid: Gid) {
        loop {
            if self.status != Status::Running {
                return;
            }
            let g = &self.goroutines[gid.0 as usize];
            if g.next.is_some() || g.status == GoStatus::Done {
                return;
            }
            if g.frames.is_empty() {
                // Unwound every frame while panicking.
                let p = self.g(gid).panicking.take();
                match p {
                    // (A test's runner ends the test when the test goroutine exits.)
                    Some(p) if p.goexit && gid == Gid::MAIN && self.program.tests.is_empty() => {
                        // Main called runtime.Goexit: the program goes on without it.
                        let g = self.g(gid);
                        g.status = GoStatus::Done;
                        g.next = None;
                        self.check_deadlock();
                    }
                    // The crash is a step of its own (`Visible::Exit` of a panicking
                    // goroutine): other goroutines may move first. The local code that
                    // panicked ran inside the step before (a goroutine's local code runs at
                    // once, up to its next visible operation: it touches nothing another
                    // goroutine sees), but the end of the program is seen by everyone: Go's
                    // `main` may print and even return before a goroutine's panic ends the
                    // program, whether the goroutine panicked in its first instruction or
                    // after a deferred call parked.
                    Some(p) if !p.goexit => {
                        self.g(gid).panicking = Some(p);
                        self.park(gid, Visible::Exit, None);
                    }
                    _ => self.park(gid, Visible::Exit, None),
                }
                return;
            }
            if self.budget == 0 {
                self.status = Status::Limit(LimitHit::InstructionsPerStep(
                    self.config.max_instructions_per_step,
                ));
                return;
            }
            self.budget -= 1;
            let r = if self.goroutines[gid.0 as usize]
                .frames
                .last()
                .is_some_and(|f| f.returning)
            {
                self.continue_return(gid)
            } else {
                self.exec_one(gid)
            };
            if let Err(f) = r {
                match f {
                    Fault::Rt(e) if e.is_fatal() => {
                        self.crash_at_next_step(gid, e);
                        return;
                    }
                    Fault::Rt(e) => self.start_panic(gid, e),
                    Fault::Limit(l) => {
                        self.status = Status::Limit(l);
                        return;
                    }
                    Fault::Internal(e) => {
                        self.internal_error(e);
                        return;
                    }
                }
            }
        }
    }

    pub(super) fn park(&mut self, gid: Gid, v: Visible, span: Option<crate::diag::Span>) {
        let span = span.unwrap_or_else(|| {
            let g = &self.goroutines[gid.0 as usize];
            self.func_end(g.root)
        });
        // Go's channel and lock wait queues are FIFO: the arrival's place in them (`Arrival`).
        let queued = match &v {
            Visible::Send(Some(_), _)
            | Visible::Recv { chan: Some(_), .. }
            | Visible::Select { .. }
            | Visible::Lib {
                func: LibFunc::MutexLock | LibFunc::RwMutexLock | LibFunc::RwMutexRLock,
                ..
            } => true,
            // A sync.Map call about to take its `mu`.
            Visible::SyncMap(f) => f.op.phase == crate::rt::sync_map::Phase::Lock,
            _ => false,
        };
        let arrival = if queued {
            self.next_arrival()
        } else {
            crate::rt::goroutine::Arrival(0)
        };
        let g = self.g(gid);
        g.next = Some(v);
        g.next_span = span;
        g.arrival = arrival;
    }

    /// The next number in the machine's order of arrivals (a goroutine's at a channel or lock
    /// operation, a lock's `Unlock`), made in the current step.
    pub(super) fn next_arrival(&mut self) -> crate::rt::goroutine::Arrival {
        self.arrivals += 1;
        crate::rt::goroutine::Arrival::at(self.steps, self.arrivals)
    }

    /// A returning frame: run the next deferred call, or pop and deliver results.
    pub(super) fn continue_return(&mut self, gid: Gid) -> R<()> {
        let d = self.frame(gid)?.defers.pop();
        if let Some(d) = d {
            let span = {
                let Some(f) = self.goroutines[gid.0 as usize].frames.last() else {
                    return Ok(());
                };
                self.program.func(f.func).span_at(f.pc.saturating_sub(1))
            };
            match d {
                Deferred::Call { func, args } => {
                    self.call_value(gid, func, args, FrameKind::Deferred)?;
                }
                Deferred::Lib { func, args } => {
                    if func.is_visible() {
                        self.park(
                            gid,
                            Visible::Lib {
                                func,
                                args,
                                push_results: false,
                                exclusive: false,
                            },
                            Some(span),
                        );
                    } else {
                        self.lib_local(gid, func, args)?;
                        let n = func.result_count() as usize;
                        self.popn(gid, n)?;
                    }
                }
            }
            return Ok(());
        }
        // No defers left: pop.
        let prog = self.program.clone();
        let g = &mut self.goroutines[gid.0 as usize];
        let Some(frame) = g.frames.pop() else {
            return Ok(());
        };
        // Only a frame that was live when the panic started unwinds; a function called by a
        // deferred call returns its results normally.
        let depth = g.frames.len();
        let unwinding = g
            .panicking
            .as_mut()
            .filter(|p| !p.recovered && depth < p.unwinding_below)
            .map(|p| p.unwinding_below = depth)
            .is_some();
        if unwinding {
            if let Some(parent) = g.frames.last_mut() {
                parent.returning = true;
            }
            // Go's Once.Do marks the Once done even when f panics (`defer o.done.Store(1)`).
            if let FrameKind::OnceBody(p) = &frame.kind {
                if let Ok(SyncState::Once(s)) = self.heap.sync_mut(p) {
                    s.finish(p);
                }
            }
            return Ok(());
        }
        let func = prog.func(frame.func);
        let mut results = Vec::with_capacity(func.result_slots.len());
        for slot in &func.result_slots {
            match slot {
                crate::bytecode::ResultSlot::Local(n) => {
                    results.push(local_slot(&frame.locals, *n)?.clone())
                }
                crate::bytecode::ResultSlot::Cell(n) => {
                    let v = match local_slot(&frame.locals, *n)? {
                        Value::Ptr(Some(p)) => self.heap.load(p)?,
                        other => return Err(wrong_kind("a result cell pointer", other)),
                    };
                    results.push(v)
                }
            }
        }
        let g = &mut self.goroutines[gid.0 as usize];
        match frame.kind {
            FrameKind::Call => {
                if let Some(parent) = g.frames.last_mut() {
                    parent.stack.extend(results);
                }
            }
            FrameKind::Root => {
                let span = self.func_end(frame.func);
                self.park(gid, Visible::Exit, Some(span));
            }
            FrameKind::Deferred => {
                // A recovered panic ends when the recovering deferred call returns; the frame
                // that deferred it keeps returning normally. The panic that was running a
                // deferred call when this one started goes on when that call returns, unless
                // this one unwound past it (Go drops such `aborted` panics at the recovery).
                if g.panicking.as_ref().is_some_and(|p| p.recovered) {
                    let resumes_at = g.frames.len().checked_sub(1);
                    let outer = g.panicking.take().and_then(|p| p.outer);
                    g.panicking = outer
                        .filter(|o| resumes_at.is_some_and(|f| f >= o.unwinding_below))
                        .map(|o| *o);
                }
            }
            FrameKind::Init => {}
            FrameKind::RangeBody(inflight) => {
                // f returned: continue the iteration when it said true.
                let more = matches!(results.first(), Some(Value::Bool(true)));
                let span = g
                    .frames
                    .last()
                    .map(|f| prog.func(f.func).span_at(f.call_pc))
                    .unwrap_or_default();
                if more {
                    self.park(gid, Visible::SyncMap(inflight), Some(span));
                }
            }
            FrameKind::OnceBody(p) => {
                let span = g
                    .frames
                    .last()
                    .map(|f| prog.func(f.func).span_at(f.call_pc))
                    .unwrap_or_default();
                self.park(gid, Visible::OnceDone(p), Some(span));
            }
        }
        Ok(())
    }

    /// Execute one instruction of the top frame (decoding a visible one into a park).
    pub(super) fn exec_one(&mut self, gid: Gid) -> R<()> {
        let prog = self.program.clone();
        let Some((fid, pc)) = self.goroutines[gid.0 as usize]
            .frames
            .last()
            .map(|f| (f.func, f.pc))
        else {
            return Ok(());
        };
        let func = prog.func(fid);
        let Some(ins) = func.code.get(pc as usize) else {
            // Falling off the end: an implicit return.
            self.frame(gid)?.returning = true;
            return Ok(());
        };
        let span = func.span_at(pc);
        {
            let f = self.frame(gid)?;
            f.pc = pc + 1;
            f.call_pc = pc;
        }
        if ins.is_visible() {
            let v = self.decode_visible(gid, ins)?;
            self.park(gid, v, Some(span));
            return Ok(());
        }
        self.exec_local(gid, ins)
    }
}
