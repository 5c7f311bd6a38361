//! Executing bytecode: local instructions, calls, returns, defers and panics, and the visible
//! operations a step runs.
//!
//! [`Machine::run_local`] runs a goroutine's private computation until it reaches a visible
//! instruction, which it *decodes* (pops its operands) into a [`Visible`] and parks on. The
//! step budget ([`Config::max_instructions_per_step`](crate::rt::config::Config)) bounds the
//! local run. [`Machine::exec_visible`] runs a parked operation and records its event.
//!
//! Returns and panics: `Return` marks the frame *returning*; a returning frame first runs its
//! deferred calls (last in, first out; a deferred visible library call parks like any other
//! visible operation), then pops and hands its results to the caller. A panic marks the top
//! frame returning with the goroutine *panicking*: frames pop without results until a deferred
//! call recovers (then the frame that deferred it returns normally) or no frame is left (the
//! run fails with `panic: ...`).

use crate::bytecode::{BinOp, Instr, LibFunc, SelectCase};
use crate::lang::types::{Basic, TypeId, TypeKind};
use crate::rt::config::LimitHit;
use crate::rt::error::{InternalError, RtError};
use crate::rt::event::{Effect, Gid, Loc, LockOp, Op};
use crate::rt::goroutine::{
    Deferred, Frame, FrameKind, GoStatus, Panicking, SelectArm, SyncMapInFlight, Visible,
};
use crate::rt::heap::{prim_error, zero_value, Fault};
use crate::rt::machine::{Machine, Status};
use crate::rt::map::{MapCursor, MapMutation};
use crate::rt::sync_state::SyncState;
use crate::rt::value::{Closure, FuncId, MapKey, Pointer, SliceRef, Value};
use std::rc::Rc;

type R<T> = Result<T, Fault>;

/// A value of the wrong kind where the checker guaranteed `what`: a racemap bug.
fn wrong_kind(what: &str, v: &Value) -> Fault {
    InternalError::new(format!("expected {what} operand, found {v:?}")).into()
}

/// Argument `i` of a library call (the checker fixed the arity: a missing one is a VM bug).
fn arg(args: &[Value], i: usize) -> R<&Value> {
    args.get(i)
        .ok_or_else(|| InternalError::new(format!("library call without argument {i}")).into())
}

/// Local slot `n` of a frame (lowering sized the frame: a missing slot is a VM bug).
fn local_slot(locals: &[Value], n: u32) -> R<&Value> {
    locals
        .get(n as usize)
        .ok_or_else(|| InternalError::new(format!("local slot {n} does not exist")).into())
}

/// Something the VM's own bookkeeping should hold is missing: a racemap bug.
fn missing(what: &str) -> InternalError {
    InternalError::new(format!("missing {what}"))
}

/// An integer operand (bools and floats convert as the lowering relies on).
fn int(v: &Value) -> R<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::Float(f) => Ok(*f as i64),
        _ => Err(wrong_kind("an integer", v)),
    }
}

/// A floating-point operand (integers convert).
fn float(v: &Value) -> R<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        _ => Err(wrong_kind("a float", v)),
    }
}

/// A boolean operand.
fn boolean(v: &Value) -> R<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        _ => Err(wrong_kind("a bool", v)),
    }
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

fn is_unsigned(b: Basic) -> bool {
    matches!(b.int_info(), Some((_, false)))
}

fn is_float(b: Basic) -> bool {
    matches!(b, Basic::Float32 | Basic::Float64 | Basic::UntypedFloat)
}

fn round(f: f64, b: Basic) -> f64 {
    if b == Basic::Float32 {
        f as f32 as f64
    } else {
        f
    }
}

impl Machine {
    fn g(&mut self, gid: Gid) -> &mut crate::rt::goroutine::Goroutine {
        &mut self.goroutines[gid.0 as usize]
    }

    // Invariant: only called while `gid` executes code, i.e. has at least one frame
    // (`run_local` checks before every instruction).
    fn frame(&mut self, gid: Gid) -> &mut Frame {
        self.goroutines[gid.0 as usize]
            .frames
            .last_mut()
            .expect("frame exists while running")
    }

    fn push(&mut self, gid: Gid, v: Value) {
        self.frame(gid).stack.push(v);
    }

    /// Pop the top operand; an empty operand stack is a VM bug.
    fn pop(&mut self, gid: Gid) -> R<Value> {
        match self.frame(gid).stack.pop() {
            Some(v) => Ok(v),
            None => Err(self.underflow(gid, 1)),
        }
    }

    /// Pop the top `n` operands (in push order); fewer than `n` is a VM bug.
    fn popn(&mut self, gid: Gid, n: usize) -> R<Vec<Value>> {
        let st = &mut self.frame(gid).stack;
        if st.len() < n {
            return Err(self.underflow(gid, n));
        }
        let at = st.len() - n;
        Ok(st.split_off(at))
    }

    /// The internal error for popping `wanted` operands from a shorter operand stack.
    fn underflow(&self, gid: Gid, wanted: usize) -> Fault {
        let (name, pc, have) = match self.goroutines[gid.0 as usize].frames.last() {
            Some(f) => (
                self.program.func(f.func).name.to_string(),
                f.pc.saturating_sub(1),
                f.stack.len(),
            ),
            None => ("?".to_string(), 0, 0),
        };
        InternalError::new(format!(
            "operand stack underflow in {name} at pc {pc}: wanted {wanted} value(s), have {have}"
        ))
        .into()
    }

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
        if self.goroutines[gid.0 as usize].frames.len() as u32 >= self.config.max_call_depth {
            return Err(RtError::stack_overflow().into());
        }
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
        self.goroutines[gid.0 as usize].frames.push(Frame {
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
        Ok(())
    }

    /// Call a function value.
    fn call_value(&mut self, gid: Gid, f: Value, args: Vec<Value>, kind: FrameKind) -> R<()> {
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
    pub(crate) fn start_panic(&mut self, gid: Gid, error: RtError) {
        if error.is_fatal() {
            self.fail(gid, error, Vec::new(), None);
            return;
        }
        let stack = self.stack_of(gid).to_vec();
        let args = self.frame_args(gid);
        let message = error.first_line();
        let g = self.g(gid);
        let previous = match g.panicking.take() {
            Some(p) => {
                let mut prev = p.previous;
                if let RtError::Panic { message, .. } = p.error {
                    prev.push(if p.recovered {
                        format!("{message} [recovered]")
                    } else {
                        message
                    });
                }
                prev
            }
            None => Vec::new(),
        };
        g.panicking = Some(Panicking {
            error,
            recovered: false,
            previous,
            stack,
            args,
        });
        g.next = None;
        if let Some(f) = g.frames.last_mut() {
            f.returning = true;
        }
        self.emit(gid, Op::Panic { message }, Vec::new());
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
                if let Some(p) = p {
                    self.fail(gid, p.error, p.previous, Some((p.stack, p.args)));
                } else {
                    self.park(gid, Visible::Exit, None);
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

    fn park(&mut self, gid: Gid, v: Visible, span: Option<crate::diag::Span>) {
        let span = span.unwrap_or_else(|| {
            let g = &self.goroutines[gid.0 as usize];
            self.func_end(g.root)
        });
        let g = self.g(gid);
        g.next = Some(v);
        g.next_span = span;
    }

    /// A returning frame: run the next deferred call, or pop and deliver results.
    fn continue_return(&mut self, gid: Gid) -> R<()> {
        let d = self.frame(gid).defers.pop();
        if let Some(d) = d {
            let span = {
                let Some(f) = self.goroutines[gid.0 as usize].frames.last() else {
                    return Ok(());
                };
                let func = self.program.func(f.func);
                func.spans
                    .get(f.pc.saturating_sub(1) as usize)
                    .copied()
                    .unwrap_or(func.span)
            };
            match d {
                Deferred::Call { func, args } => {
                    self.call_value(gid, func, args, FrameKind::Deferred)?;
                }
                Deferred::Lib { func, args } => {
                    if crate::bytecode::lib_is_visible(func) {
                        self.park(
                            gid,
                            Visible::Lib {
                                func,
                                args,
                                push_results: false,
                            },
                            Some(span),
                        );
                    } else {
                        self.lib_local(gid, func, args)?;
                        let n = crate::bytecode::lib_result_count(func) as usize;
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
        let unwinding = g.panicking.as_ref().is_some_and(|p| !p.recovered);
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
                // that deferred it keeps returning normally.
                if g.panicking.as_ref().is_some_and(|p| p.recovered) {
                    g.panicking = None;
                }
            }
            FrameKind::Init => {}
            FrameKind::RangeBody(inflight) => {
                // f returned: continue the iteration when it said true.
                let more = matches!(results.first(), Some(Value::Bool(true)));
                let span = g
                    .frames
                    .last()
                    .map(|f| {
                        let func = prog.func(f.func);
                        func.spans
                            .get(f.call_pc as usize)
                            .copied()
                            .unwrap_or(func.span)
                    })
                    .unwrap_or_default();
                if more {
                    self.park(gid, Visible::SyncMap(inflight), Some(span));
                }
            }
            FrameKind::OnceBody(p) => {
                let span = g
                    .frames
                    .last()
                    .map(|f| {
                        let func = prog.func(f.func);
                        func.spans
                            .get(f.call_pc as usize)
                            .copied()
                            .unwrap_or(func.span)
                    })
                    .unwrap_or_default();
                self.park(gid, Visible::OnceDone(p), Some(span));
            }
        }
        Ok(())
    }

    /// Execute one instruction of the top frame (decoding a visible one into a park).
    fn exec_one(&mut self, gid: Gid) -> R<()> {
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
            self.frame(gid).returning = true;
            return Ok(());
        };
        let span = func.spans.get(pc as usize).copied().unwrap_or(func.span);
        {
            let f = self.frame(gid);
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

    fn decode_visible(&mut self, gid: Gid, ins: &Instr) -> R<Visible> {
        let prog = self.program.clone();
        Ok(match ins {
            Instr::Load => Visible::Load(ptr_of(self.pop(gid)?)),
            Instr::Store => {
                let v = self.pop(gid)?;
                Visible::Store(ptr_of(self.pop(gid)?), v)
            }
            Instr::MapGet { elem, comma_ok } => {
                let key = self.pop(gid)?;
                Visible::MapGet {
                    map: map_of(&self.pop(gid)?),
                    key,
                    elem: *elem,
                    comma_ok: *comma_ok,
                }
            }
            Instr::MapSet => {
                let v = self.pop(gid)?;
                let k = self.pop(gid)?;
                Visible::MapWriteBegin {
                    map: map_of(&self.pop(gid)?),
                    key: Some(k),
                    value: Some(v),
                    clear: false,
                    update: None,
                }
            }
            Instr::MapDelete => {
                let k = self.pop(gid)?;
                Visible::MapWriteBegin {
                    map: map_of(&self.pop(gid)?),
                    key: Some(k),
                    value: None,
                    clear: false,
                    update: None,
                }
            }
            Instr::MapClear => Visible::MapWriteBegin {
                map: map_of(&self.pop(gid)?),
                key: None,
                value: None,
                clear: true,
                update: None,
            },
            Instr::MapUpdate { op, ty, elem } => self.decode_map_update(gid, *op, *ty, *elem)?,
            Instr::MapLen => Visible::MapLen(map_of(&self.pop(gid)?)),
            Instr::MapIterNext { slot } => {
                let i = int(local_slot(&self.frame(gid).locals, *slot)?)?;
                Visible::MapIterNext { iter: i as usize }
            }
            Instr::Append { elem, n } => {
                let elems = self.popn(gid, *n as usize)?;
                Visible::Append {
                    slice: self.pop(gid)?,
                    elems,
                    elem: *elem,
                    source: None,
                }
            }
            Instr::AppendSlice { elem } => {
                let t = self.pop(gid)?;
                let elems = self.elements_of(&t)?;
                Visible::Append {
                    slice: self.pop(gid)?,
                    elems,
                    elem: *elem,
                    source: Some(t),
                }
            }
            Instr::Copy => {
                let src = self.pop(gid)?;
                Visible::Copy {
                    dst: self.pop(gid)?,
                    src,
                }
            }
            Instr::Go { argc } => {
                let args = self.popn(gid, *argc as usize)?;
                Visible::Go {
                    func: self.pop(gid)?,
                    args,
                }
            }
            Instr::Send => {
                let v = self.pop(gid)?;
                Visible::Send(chan_of(&self.pop(gid)?), v)
            }
            Instr::Recv { elem, comma_ok } => Visible::Recv {
                chan: chan_of(&self.pop(gid)?),
                elem: *elem,
                comma_ok: *comma_ok,
            },
            Instr::Close => Visible::Close(chan_of(&self.pop(gid)?)),
            Instr::Select(id) => {
                let table = prog.selects.get(id.0 as usize).cloned().ok_or_else(|| {
                    InternalError::new(format!("select table {} does not exist", id.0))
                })?;
                let mut arms = Vec::with_capacity(table.cases.len());
                for c in table.cases.iter().rev() {
                    match c {
                        SelectCase::Send => {
                            let v = self.pop(gid)?;
                            let ch = chan_of(&self.pop(gid)?);
                            arms.push(SelectArm {
                                chan: ch,
                                send: Some(v),
                                elem: None,
                            });
                        }
                        SelectCase::Recv { elem } => {
                            let ch = chan_of(&self.pop(gid)?);
                            arms.push(SelectArm {
                                chan: ch,
                                send: None,
                                elem: Some(*elem),
                            });
                        }
                    }
                }
                arms.reverse();
                Visible::Select {
                    id: *id,
                    arms,
                    has_default: table.has_default,
                }
            }
            Instr::PrintBuiltin { newline, argc } => Visible::Print {
                newline: *newline,
                args: self.popn(gid, *argc as usize)?,
            },
            Instr::CallLib { func, argc } => Visible::Lib {
                func: *func,
                args: self.popn(gid, *argc as usize)?,
                push_results: true,
            },
            other => {
                return Err(
                    InternalError::new(format!("no visible semantics for {other:?}")).into(),
                )
            }
        })
    }

    /// Decode `m[k] op= rhs` with operands `[map, key, rhs]` on the stack into one map write
    /// (begin + end) whose element is computed from the old one at the end step. For the
    /// `MapUpdate`-style instruction lowering may add (see `goroutine::MapUpdate`).
    #[allow(dead_code)]
    pub(crate) fn decode_map_update(
        &mut self,
        gid: Gid,
        op: BinOp,
        ty: Basic,
        elem: TypeId,
    ) -> R<Visible> {
        let rhs = self.pop(gid)?;
        let key = self.pop(gid)?;
        let map = map_of(&self.pop(gid)?);
        Ok(Visible::MapWriteBegin {
            map,
            key: Some(key),
            value: Some(rhs.clone()),
            clear: false,
            update: Some(crate::rt::goroutine::MapUpdate { op, ty, rhs, elem }),
        })
    }

    /// The elements of a slice or string (bytes), read without events.
    fn elements_of(&self, v: &Value) -> R<Vec<Value>> {
        Ok(match v {
            Value::Slice(Some(s)) => {
                let mut out = Vec::with_capacity(s.len as usize);
                for i in 0..s.len {
                    out.push(self.heap.load(&Pointer::root(s.obj).child(s.off + i))?);
                }
                out
            }
            Value::Str(s) => s.bytes().map(|b| Value::Int(i64::from(b))).collect(),
            Value::Slice(None) => Vec::new(),
            other => return Err(wrong_kind("a slice or string", other)),
        })
    }

    fn new_slice(&mut self, elems: Vec<Value>, cap: usize, elem: TypeId) -> R<SliceRef> {
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
            off: 0,
            len: len as u32,
            cap: cap as u32,
        })
    }

    fn exec_local(&mut self, gid: Gid, ins: &Instr) -> R<()> {
        let prog = self.program.clone();
        match ins {
            Instr::PushInt(i) => self.push(gid, Value::Int(*i)),
            Instr::PushFloat(f) => self.push(gid, Value::Float(*f)),
            Instr::PushBool(b) => self.push(gid, Value::Bool(*b)),
            Instr::PushStr(s) => {
                let s = prog.strings.get(s.0 as usize).cloned().ok_or_else(|| {
                    InternalError::new(format!("string constant {} does not exist", s.0))
                })?;
                self.push(gid, Value::Str(s))
            }
            Instr::Zero(t) => {
                let z = zero_value(&prog.types, *t, &self.config)?;
                self.push(gid, z)
            }
            Instr::Dup => {
                let v = self.pop(gid)?;
                self.push(gid, v.clone());
                self.push(gid, v)
            }
            Instr::Pop => {
                self.pop(gid)?;
            }
            Instr::Swap => {
                let b = self.pop(gid)?;
                let a = self.pop(gid)?;
                self.push(gid, b);
                self.push(gid, a);
            }
            Instr::LoadLocal(n) => {
                let v = local_slot(&self.frame(gid).locals, *n)?.clone();
                self.push(gid, v)
            }
            Instr::StoreLocal(n) => {
                let v = self.pop(gid)?;
                let f = self.frame(gid);
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
                let f = self.frame(gid);
                let mut cur = f
                    .locals
                    .get_mut(*slot as usize)
                    .ok_or_else(RtError::nil_deref)?;
                for i in path {
                    cur = match cur {
                        Value::Struct(fs) => {
                            fs.get_mut(i as usize).ok_or_else(RtError::nil_deref)?
                        }
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
                self.push(gid, Value::Ptr(Some(Pointer::root(obj))))
            }
            Instr::Box(t) => {
                let v = self.pop(gid)?;
                let obj = self.heap.alloc(&self.config, v, Some(*t))?;
                self.push(gid, Value::Ptr(Some(Pointer::root(obj))))
            }
            Instr::Rebox => {
                let p = ptr_of(self.pop(gid)?).ok_or_else(RtError::nil_deref)?;
                let v = self.heap.load(&p)?;
                let ty = self.heap.cells.get(p.obj.0 as usize).and_then(|c| c.ty);
                let obj =
                    self.heap
                        .alloc(&self.config, v, if p.path.is_empty() { ty } else { None })?;
                self.push(gid, Value::Ptr(Some(Pointer::root(obj))))
            }
            Instr::FieldPtr(i) => {
                let p = ptr_of(self.pop(gid)?).ok_or_else(RtError::nil_deref)?;
                self.push(gid, Value::Ptr(Some(p.child(*i))))
            }
            Instr::IndexPtr { len } => {
                let idx = int(&self.pop(gid)?)?;
                let p = ptr_of(self.pop(gid)?).ok_or_else(RtError::nil_deref)?;
                if idx < 0 || idx as u64 >= *len {
                    return Err(RtError::index_out_of_range(idx, *len as i64).into());
                }
                self.push(gid, Value::Ptr(Some(p.child(idx as u32))))
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
                self.push(
                    gid,
                    Value::Ptr(Some(Pointer::root(sl.obj).child(sl.off + idx as u32))),
                )
            }
            Instr::GlobalPtr(g) => {
                let obj = *self
                    .heap
                    .globals
                    .get(g.0 as usize)
                    .ok_or_else(RtError::nil_deref)?;
                self.push(gid, Value::Ptr(Some(Pointer::root(obj))))
            }
            Instr::Field(i) => {
                let v = self.pop(gid)?;
                let f = match &v {
                    Value::Struct(fs) => fs.get(*i as usize).cloned(),
                    _ => None,
                };
                let f = f.ok_or_else(|| wrong_kind(&format!("a struct with field {i}"), &v))?;
                self.push(gid, f)
            }
            Instr::SetField(i) => {
                let v = self.pop(gid)?;
                let mut s = self.pop(gid)?;
                if let Value::Struct(fs) = &mut s {
                    if let Some(f) = fs.get_mut(*i as usize) {
                        *f = v;
                    }
                }
                self.push(gid, s)
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
                self.push(gid, es[idx as usize].clone())
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
                self.push(gid, a)
            }
            Instr::MakeStruct(n) => {
                let fs = self.popn(gid, *n as usize)?;
                self.push(gid, Value::Struct(fs.into_boxed_slice()))
            }
            Instr::MakeArray(n) => {
                let es = self.popn(gid, *n as usize)?;
                self.push(gid, Value::Array(es.into_boxed_slice()))
            }
            Instr::MakeMap(t) => {
                let id = self.new_map(*t)?;
                self.push(gid, Value::Map(Some(id)))
            }
            Instr::MapLit { ty, n } => {
                let kvs = self.popn(gid, 2 * *n as usize)?;
                let id = self.new_map(*ty)?;
                for kv in kvs.chunks(2) {
                    let key = MapKey::from_value(&kv[0], &prog.types)?;
                    self.heap
                        .map_mut(id)
                        .entries
                        .insert(key, (kv[0].clone(), kv[1].clone()));
                }
                self.push(gid, Value::Map(Some(id)))
            }
            Instr::MapIterInit => {
                let m = map_of(&self.pop(gid)?);
                let g = self.g(gid);
                g.iters.push((m, MapCursor::default()));
                let i = g.iters.len() as i64 - 1;
                self.push(gid, Value::Int(i))
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
                self.push(gid, Value::Slice(Some(sl)))
            }
            Instr::SliceLit { elem, n } => {
                let es = self.popn(gid, *n as usize)?;
                let sl = self.new_slice(es, *n as usize, *elem)?;
                self.push(gid, Value::Slice(Some(sl)))
            }
            Instr::SliceExpr { lo, hi, max } => {
                let maxv = if *max {
                    Some(int(&self.pop(gid)?)?)
                } else {
                    None
                };
                let hiv = if *hi { Some(int(&self.pop(gid)?)?) } else { None };
                let lov = if *lo { int(&self.pop(gid)?)? } else { 0 };
                let x = self.pop(gid)?;
                let r = self.slice_expr(x, lov, hiv, maxv)?;
                self.push(gid, r)
            }
            Instr::Len => {
                let v = self.pop(gid)?;
                let n = match v {
                    Value::Str(s) => s.len() as i64,
                    Value::Slice(Some(s)) => i64::from(s.len),
                    Value::Array(es) => es.len() as i64,
                    _ => 0,
                };
                self.push(gid, Value::Int(n))
            }
            Instr::Cap => {
                let v = self.pop(gid)?;
                let n = match v {
                    Value::Slice(Some(s)) => i64::from(s.cap),
                    Value::Array(es) => es.len() as i64,
                    _ => 0,
                };
                self.push(gid, Value::Int(n))
            }
            Instr::Concat => {
                let b = self.pop(gid)?;
                let a = self.pop(gid)?;
                let s = format!("{}{}", str_of(&a), str_of(&b));
                self.push(gid, Value::str(&s))
            }
            Instr::StrIndex => {
                let i = int(&self.pop(gid)?)?;
                let s = self.pop(gid)?;
                let bytes = str_of(&s).as_bytes().to_vec();
                if i < 0 || i as usize >= bytes.len() {
                    return Err(RtError::index_out_of_range(i, bytes.len() as i64).into());
                }
                self.push(gid, Value::Int(i64::from(bytes[i as usize])))
            }
            Instr::StrDecodeRune => {
                let i = int(&self.pop(gid)?)?.max(0) as usize;
                let s = self.pop(gid)?;
                let bytes = str_of(&s).as_bytes();
                let (r, w) = decode_rune(bytes.get(i..).unwrap_or(&[]));
                self.push(gid, Value::Int(i64::from(r)));
                self.push(gid, Value::Int(w as i64))
            }
            Instr::Binary(op, b) => {
                let y = self.pop(gid)?;
                let x = self.pop(gid)?;
                let r = binary(*op, *b, &x, &y)?;
                self.push(gid, r)
            }
            Instr::Neg(b) => {
                let x = self.pop(gid)?;
                let r = if is_float(*b) {
                    Value::Float(-float(&x)?)
                } else {
                    Value::Int(wrap(int(&x)?.wrapping_neg(), *b))
                };
                self.push(gid, r)
            }
            Instr::BitNot(b) => {
                let x = self.pop(gid)?;
                self.push(gid, Value::Int(wrap(!int(&x)?, *b)))
            }
            Instr::Not => {
                let x = self.pop(gid)?;
                self.push(gid, Value::Bool(!boolean(&x)?))
            }
            Instr::Eq | Instr::Ne => {
                let y = self.pop(gid)?;
                let x = self.pop(gid)?;
                let eq = self.equal(&x, &y)?;
                self.push(
                    gid,
                    Value::Bool(if matches!(ins, Instr::Eq) { eq } else { !eq }),
                )
            }
            Instr::Convert { from, to } => {
                let x = self.pop(gid)?;
                let r = self.convert(x, *from, *to)?;
                self.push(gid, r)
            }
            Instr::ToIface(t) => {
                let v = self.pop(gid)?;
                let r = match v {
                    Value::Iface(_) => v,
                    v => Value::Iface(Some(Box::new((*t, v)))),
                };
                self.push(gid, r)
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
                                        .find(|n| self.find_method(b.0, n).is_none())
                                        .unwrap_or_default(),
                                    _ => String::new(),
                                };
                                format!("{} is not {}: missing method {missing}", tn(b.0), tn(*ty))
                            } else {
                                format!("{from_s} is {}, not {}", tn(b.0), tn(*ty))
                            }
                        }
                        _ => format!("{from_s} is nil, not {}", tn(*ty)),
                    };
                    return Err(RtError::interface_conversion(&msg).into());
                };
                self.push(gid, out);
                if *comma_ok {
                    self.push(gid, Value::Bool(ok));
                }
            }
            Instr::TypeIs(t) => {
                let v = self.pop(gid)?;
                let ok = match &v {
                    Value::Iface(Some(b)) => self.type_matches(b.0, *t),
                    _ => false,
                };
                self.push(gid, Value::Bool(ok))
            }
            Instr::Jump(t) => self.frame(gid).pc = *t,
            Instr::JumpIf(t) | Instr::JumpIfNot(t) => {
                let want = matches!(ins, Instr::JumpIf(_));
                let cond = boolean(&self.pop(gid)?)?;
                let f = self.frame(gid);
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
                )
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
                )
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
                let name = prog.string(*name).to_string();
                let Some(m) = self.find_method(ty, &name) else {
                    return Err(RtError::nil_deref().into());
                };
                let recv = if m.deref_recv {
                    let p = ptr_of(v).ok_or_else(RtError::nil_deref)?;
                    self.heap.load(&p)?
                } else {
                    v
                };
                let mut all = vec![recv];
                all.extend(args);
                self.push_call(gid, m.func, all, Rc::from(Vec::new()), FrameKind::Call)?;
            }
            Instr::Capture(i) => {
                let p = self.frame(gid).captures.get(*i as usize).cloned();
                self.push(gid, Value::Ptr(p))
            }
            Instr::Defer { argc } => {
                let args = self.popn(gid, *argc as usize)?;
                let func = self.pop(gid)?;
                self.frame(gid).defers.push(Deferred::Call { func, args });
            }
            Instr::DeferLib { func, argc } => {
                let args = self.popn(gid, *argc as usize)?;
                self.frame(gid)
                    .defers
                    .push(Deferred::Lib { func: *func, args });
            }
            Instr::Return => self.frame(gid).returning = true,
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
                if in_deferred {
                    if let Some(p) = g.panicking.as_mut().filter(|p| !p.recovered) {
                        p.recovered = true;
                        out = match &p.error {
                            RtError::Panic { value, .. } => match value {
                                Value::Iface(_) => value.clone(),
                                v => Value::Iface(Some(Box::new((
                                    crate::lang::types::TypeTable::basic(Basic::String),
                                    v.clone(),
                                )))),
                            },
                            RtError::Fatal { .. } => Value::Iface(None),
                        };
                    }
                }
                self.push(gid, out)
            }
            Instr::MakeChan { elem } => {
                let cap = int(&self.pop(gid)?)?;
                let c = self.new_chan(*elem, cap)?;
                self.push(gid, c)
            }
            Instr::ChanLen => {
                let c = chan_of(&self.pop(gid)?);
                let n = c.map(|c| self.heap.chan(c).len() as i64).unwrap_or(0);
                self.push(gid, Value::Int(n))
            }
            Instr::ChanCap => {
                let c = chan_of(&self.pop(gid)?);
                let n = c.map(|c| i64::from(self.heap.chan(c).cap)).unwrap_or(0);
                self.push(gid, Value::Int(n))
            }
            Instr::CallLib { func, argc } => {
                let args = self.popn(gid, *argc as usize)?;
                self.lib_local(gid, *func, args)?;
            }
            // Visible instructions never reach here (decoded by `exec_one`); an instruction this
            // VM does not know is reported, not skipped.
            other => {
                return Err(RtError::Fatal {
                    message: format!("racemap: internal error: cannot execute {other:?}"),
                }
                .into())
            }
        }
        Ok(())
    }

    /// A non-visible library call: pushes its results.
    fn lib_local(&mut self, gid: Gid, func: LibFunc, args: Vec<Value>) -> R<()> {
        let sarg = |i: usize| -> String {
            match args.get(i) {
                Some(Value::Str(s)) => s.to_string(),
                Some(Value::Iface(Some(b))) => str_of(&b.1).to_string(),
                _ => String::new(),
            }
        };
        let err_type = self.program.error_type;
        let results: Vec<Value> = match func {
            LibFunc::FmtSprint => vec![Value::str(&self.sprint(&args, false))],
            LibFunc::FmtSprintln => vec![Value::str(&self.sprint(&args, true))],
            LibFunc::FmtSprintf => vec![Value::str(&self.sprintf(&args))],
            LibFunc::FmtErrorf => {
                let msg = self.errorf(&args);
                vec![Value::Iface(Some(Box::new((err_type, Value::str(&msg)))))]
            }
            LibFunc::StrconvItoa => vec![Value::str(
                &int(arg(&args, 0)?)?.to_string(),
            )],
            LibFunc::StrconvAtoi => {
                let s = sarg(0);
                match s.parse::<i64>() {
                    Ok(i) if !s.starts_with('+') || s.len() > 1 => {
                        vec![Value::Int(i), Value::Iface(None)]
                    }
                    _ => {
                        let msg = format!("strconv.Atoi: parsing {s:?}: invalid syntax");
                        vec![
                            Value::Int(0),
                            Value::Iface(Some(Box::new((err_type, Value::str(&msg))))),
                        ]
                    }
                }
            }
            LibFunc::StringsContains => vec![Value::Bool(sarg(0).contains(&sarg(1)))],
            LibFunc::StringsHasPrefix => vec![Value::Bool(sarg(0).starts_with(&sarg(1)))],
            LibFunc::StringsHasSuffix => vec![Value::Bool(sarg(0).ends_with(&sarg(1)))],
            LibFunc::StringsRepeat => {
                let n = int(arg(&args, 1)?)?;
                let s = sarg(0);
                if n < 0 {
                    return Err(RtError::Panic {
                        message: "strings: negative Repeat count".into(),
                        value: Value::str("strings: negative Repeat count"),
                        signal: false,
                    }
                    .into());
                }
                self.heap
                    .reserve(&self.config, (s.len() as u64).saturating_mul(n as u64) / 64)?;
                vec![Value::str(&s.repeat(n as usize))]
            }
            LibFunc::StringsToUpper => vec![Value::str(&sarg(0).to_uppercase())],
            LibFunc::StringsToLower => vec![Value::str(&sarg(0).to_lowercase())],
            LibFunc::StringsJoin => {
                let parts: Vec<String> = self
                    .elements_of(arg(&args, 0)?)?
                    .iter()
                    .map(|v| str_of(v).to_string())
                    .collect();
                vec![Value::str(&parts.join(&sarg(1)))]
            }
            LibFunc::StringsSplit => {
                let (s, sep) = (sarg(0), sarg(1));
                let parts: Vec<Value> = if sep.is_empty() {
                    s.chars().map(|c| Value::str(&c.to_string())).collect()
                } else {
                    s.split(sep.as_str()).map(Value::str).collect()
                };
                let n = parts.len();
                let sl = self.new_slice(
                    parts,
                    n,
                    crate::lang::types::TypeTable::basic(Basic::String),
                )?;
                vec![Value::Slice(Some(sl))]
            }
            LibFunc::ErrorError => match args.first() {
                Some(Value::Iface(Some(b))) => vec![Value::Str(match &b.1 {
                    Value::Str(s) => s.clone(),
                    other => Rc::from(self.format_v(other).as_str()),
                })],
                _ => return Err(RtError::nil_deref().into()),
            },
            other => {
                return Err(
                    InternalError::new(format!("no local semantics for {other:?}")).into(),
                )
            }
        };
        if let Some(f) = self.goroutines[gid.0 as usize].frames.last_mut() {
            f.stack.extend(results);
        }
        Ok(())
    }

    /// `sync/atomic` operations on plain integer variables and on `atomic.Int32/Int64/Bool`.
    fn atomic(&mut self, gid: Gid, func: LibFunc, p: Pointer, args: &[Value]) -> R<Vec<Value>> {
        use LibFunc::*;
        let a1 = args.get(1).cloned().unwrap_or(Value::Int(0));
        let a2 = args.get(2).cloned().unwrap_or(Value::Int(0));
        let b32 = matches!(
            func,
            AtomicAddInt32
                | AtomicLoadInt32
                | AtomicStoreInt32
                | AtomicCompareAndSwapInt32
                | AtomicInt32Add
                | AtomicInt32Load
                | AtomicInt32Store
                | AtomicInt32Swap
                | AtomicInt32CompareAndSwap
        );
        let w = |i: i64| if b32 { wrap(i, Basic::Int32) } else { i };
        let slot = self.heap.get_mut(&p)?;
        let old = match slot {
            Value::Int(i) => Value::Int(*i),
            Value::Sync(s) => match &**s {
                SyncState::AtomicInt(i) => Value::Int(*i),
                SyncState::AtomicBool(b) => Value::Bool(*b),
                _ => return Err(RtError::nil_deref().into()),
            },
            _ => return Err(RtError::nil_deref().into()),
        };
        let (new, result): (Option<Value>, Option<Value>) = match func {
            AtomicAddInt32 | AtomicAddInt64 | AtomicInt32Add | AtomicInt64Add => {
                let n = Value::Int(w(int(&old)?.wrapping_add(int(&a1)?)));
                (Some(n.clone()), Some(n))
            }
            AtomicLoadInt32 | AtomicLoadInt64 | AtomicInt32Load | AtomicInt64Load
            | AtomicBoolLoad => (None, Some(old.clone())),
            AtomicStoreInt32 | AtomicStoreInt64 | AtomicInt32Store | AtomicInt64Store
            | AtomicBoolStore => (Some(a1.clone()), None),
            AtomicInt32Swap | AtomicInt64Swap => (Some(a1.clone()), Some(old.clone())),
            _ => {
                if old == a1 {
                    (Some(a2.clone()), Some(Value::Bool(true)))
                } else {
                    (None, Some(Value::Bool(false)))
                }
            }
        };
        if let Some(n) = &new {
            match slot {
                Value::Int(i) => *i = int(n)?,
                Value::Sync(s) => match &mut **s {
                    SyncState::AtomicInt(i) => *i = int(n)?,
                    SyncState::AtomicBool(b) => *b = boolean(n)?,
                    _ => {}
                },
                _ => {}
            }
        }
        let write = new.is_some();
        let name = func
            .go_name()
            .trim_start_matches("sync/atomic.")
            .to_string();
        let var = crate::rt::event::SyncVar::Atomic(p.clone());
        let mut eff = vec![
            Effect::Atomic {
                loc: Loc::Heap(p.clone()),
                write,
            },
            Effect::Acquire(var.clone()),
        ];
        if write {
            eff.push(Effect::Release(var));
        }
        let shown = new.clone().or(result.clone()).unwrap_or(old);
        self.emit(
            gid,
            Op::Atomic {
                ptr: p,
                name,
                value: shown,
            },
            eff,
        );
        Ok(result.into_iter().collect())
    }

    fn type_matches(&self, dynamic: TypeId, target: TypeId) -> bool {
        if dynamic == target {
            return true;
        }
        match self.program.types.under(target) {
            TypeKind::Interface(methods) => methods
                .iter()
                .all(|(name, _)| self.find_method(dynamic, name).is_some()),
            _ => false,
        }
    }

    fn equal(&self, x: &Value, y: &Value) -> R<bool> {
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

    fn convert(&mut self, x: Value, from: TypeId, to: TypeId) -> R<Value> {
        let types = &self.program.types;
        let fk = types.under(from).clone();
        let tk = types.under(to).clone();
        Ok(match (&fk, &tk) {
            (TypeKind::Basic(fb), TypeKind::Basic(tb)) => {
                if *tb == Basic::String || *tb == Basic::UntypedString {
                    if fb.int_info().is_some() {
                        let c = u32::try_from(int(&x)?)
                            .ok()
                            .and_then(char::from_u32)
                            .unwrap_or('\u{FFFD}');
                        Value::str(&c.to_string())
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
                        let f = float(&x)?;
                        if is_unsigned(*tb) && f >= 9.223_372_036_854_776e18 {
                            f as u64 as i64
                        } else {
                            f as i64
                        }
                    } else {
                        int(&x)?
                    };
                    Value::Int(wrap(i, *tb))
                } else {
                    x
                }
            }
            (TypeKind::Basic(_), TypeKind::Slice(e)) => {
                let s = str_of(&x).to_string();
                let runes = matches!(types.under(*e), TypeKind::Basic(Basic::Int32));
                let elems: Vec<Value> = if runes {
                    s.chars().map(|c| Value::Int(c as i64)).collect()
                } else {
                    s.bytes().map(|b| Value::Int(i64::from(b))).collect()
                };
                let n = elems.len();
                let e = *e;
                Value::Slice(Some(self.new_slice(elems, n, e)?))
            }
            (TypeKind::Slice(e), TypeKind::Basic(_)) => {
                let runes = matches!(types.under(*e), TypeKind::Basic(Basic::Int32));
                let elems = self.elements_of(&x)?;
                let s: String = if runes {
                    elems
                        .iter()
                        .map(|v| {
                            Ok(u32::try_from(int(v)?)
                                .ok()
                                .and_then(char::from_u32)
                                .unwrap_or('\u{FFFD}'))
                        })
                        .collect::<R<String>>()?
                } else {
                    let bytes: Vec<u8> = elems
                        .iter()
                        .map(|v| Ok(int(v)? as u8))
                        .collect::<R<_>>()?;
                    String::from_utf8_lossy(&bytes).into_owned()
                };
                Value::str(&s)
            }
            _ => x,
        })
    }

    fn slice_expr(&mut self, x: Value, lo: i64, hi: Option<i64>, max: Option<i64>) -> R<Value> {
        match x {
            Value::Str(s) => {
                let len = s.len() as i64;
                let h = hi.unwrap_or(len);
                if h < 0 || h > len {
                    return Err(RtError::slice_bounds(&format!("[:{h}] with length {len}")).into());
                }
                if lo < 0 || lo > h {
                    return Err(RtError::slice_bounds(&format!("[{lo}:{h}]")).into());
                }
                let bytes = &s.as_bytes()[lo as usize..h as usize];
                Ok(Value::str(&String::from_utf8_lossy(bytes)))
            }
            Value::Ptr(p) => {
                let p = p.ok_or_else(RtError::nil_deref)?;
                let len = match self.heap.get(&p)? {
                    Value::Array(es) => es.len() as u32,
                    _ => 0,
                };
                if !p.path.is_empty() {
                    // Slicing an array nested inside another object: copy is not Go
                    // semantics; report as unsupported through a nil dereference.
                    return Err(RtError::nil_deref().into());
                }
                self.slice_ref(
                    SliceRef {
                        obj: p.obj,
                        off: 0,
                        len,
                        cap: len,
                    },
                    lo,
                    hi,
                    max,
                )
            }
            Value::Slice(s) => {
                let s = s.unwrap_or(SliceRef {
                    obj: crate::rt::value::ObjId(u32::MAX),
                    off: 0,
                    len: 0,
                    cap: 0,
                });
                self.slice_ref(s, lo, hi, max)
            }
            _ => Ok(Value::Slice(None)),
        }
    }

    fn slice_ref(&self, s: SliceRef, lo: i64, hi: Option<i64>, max: Option<i64>) -> R<Value> {
        let cap = i64::from(s.cap);
        let m = max.unwrap_or(cap);
        let h = hi.unwrap_or(i64::from(s.len));
        if let Some(m) = max {
            if m < 0 || m > cap {
                return Err(RtError::slice_bounds(&format!("[::{m}] with capacity {cap}")).into());
            }
            if h < 0 || h > m {
                return Err(RtError::slice_bounds(&format!("[:{h}:{m}]")).into());
            }
            if lo < 0 || lo > h {
                return Err(RtError::slice_bounds(&format!("[{lo}:{h}:]")).into());
            }
        } else {
            if h < 0 || h > cap {
                return Err(RtError::slice_bounds(&format!("[:{h}] with capacity {cap}")).into());
            }
            if lo < 0 || lo > h {
                return Err(RtError::slice_bounds(&format!("[{lo}:{h}]")).into());
            }
        }
        if s.obj.0 == u32::MAX {
            return Ok(Value::Slice(None));
        }
        Ok(Value::Slice(Some(SliceRef {
            obj: s.obj,
            off: s.off + lo as u32,
            len: (h - lo) as u32,
            cap: (m - lo) as u32,
        })))
    }

    /// The result of the `Error()` (first) or `String()` method of a value of dynamic type `ty`,
    /// run to completion on a scratch copy of the machine (so it never affects the run; a
    /// method that blocks or fails gives `None`).
    pub(crate) fn method_string(&self, ty: TypeId, value: &Value) -> Option<String> {
        if ty == self.program.error_type {
            return Some(str_of(value).to_string());
        }
        let m = ["Error", "String"]
            .iter()
            .find_map(|n| self.find_method(ty, n))?;
        let recv = if m.deref_recv {
            self.heap.load(&ptr_of(value.clone())?).ok()?
        } else {
            value.clone()
        };
        let mut scratch = self.clone();
        let out = scratch.call_sync(m.func, vec![recv])?;
        match out.first() {
            Some(Value::Str(s)) => Some(s.to_string()),
            _ => None,
        }
    }

    /// The method `name` of dynamic type `ty`: from [`Program::methods`], else by Go's runtime
    /// name of the method (`main.T.M`, or `main.(*T).M` for a pointer receiver).
    ///
    /// [`Program::methods`]: crate::bytecode::Program::methods
    pub(crate) fn find_method(&self, ty: TypeId, name: &str) -> Option<crate::bytecode::Method> {
        if let Some(m) = self.program.methods.get(&(ty, name.to_string())) {
            return Some(m.clone());
        }
        let types = &self.program.types;
        let named = |t: TypeId| match types.kind(t) {
            TypeKind::Named { name, pkg, .. } => Some(format!("{pkg}.{name}")),
            _ => None,
        };
        let by_name = |full: String| {
            self.program
                .funcs
                .iter()
                .position(|f| *f.name == *full)
                .map(|i| FuncId(i as u32))
        };
        if let Some(n) = named(ty) {
            return by_name(format!("{n}.{name}")).map(|func| crate::bytecode::Method {
                func,
                deref_recv: false,
            });
        }
        if let TypeKind::Pointer(elem) = types.kind(ty) {
            let n = named(*elem)?;
            let (pkg, base) = n.split_once('.')?;
            if let Some(func) = by_name(format!("{pkg}.(*{base}).{name}")) {
                return Some(crate::bytecode::Method {
                    func,
                    deref_recv: false,
                });
            }
            return by_name(format!("{n}.{name}")).map(|func| crate::bytecode::Method {
                func,
                deref_recv: true,
            });
        }
        None
    }

    /// Run `func(args)` to completion on a new scratch goroutine of this (cloned) machine,
    /// executing its visible operations inline; `None` if it blocks, fails or runs too long.
    fn call_sync(&mut self, func: FuncId, args: Vec<Value>) -> Option<Vec<Value>> {
        let gid = Gid(self.goroutines.len() as u32);
        let main = self.program.main;
        self.goroutines.push(crate::rt::goroutine::Goroutine {
            gid,
            go_id: 0,
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
            if self.status != Status::Running || self.goroutines[gid.0 as usize].panicking.is_some()
            {
                return None;
            }
            if let Some(v) = self.goroutines[gid.0 as usize].next.clone() {
                if !self.enabled(gid, &v) || matches!(v, Visible::Exit) {
                    return None;
                }
                self.exec_visible(gid, 0).ok()?;
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
            r.ok()?;
        }
        Some(std::mem::take(
            &mut self.goroutines[gid.0 as usize].frames[0].stack,
        ))
    }

    /// How Go prints a panic value after `panic: `.
    fn panic_text(&self, v: &Value) -> String {
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
                let plain = match inner {
                    Value::Str(s) => Some(s.to_string()),
                    Value::Int(i) => Some(match types.under(*ty) {
                        TypeKind::Basic(b) if is_unsigned(*b) => (*i as u64).to_string(),
                        _ => i.to_string(),
                    }),
                    Value::Bool(b) => Some(b.to_string()),
                    Value::Float(f) => Some(go_print_float(*f)),
                    _ => None,
                };
                let tn = crate::rt::fmt::reflect_type_string(types, *ty);
                match plain {
                    Some(p) if !named => p,
                    Some(p) if matches!(inner, Value::Str(_)) => format!("{tn}({p:?})"),
                    Some(p) => format!("{tn}({p})"),
                    None => format!("({tn}) 0xc000012000"),
                }
            }
            Value::Iface(None) => "nil".to_string(),
            other => self.format_v(other),
        }
    }

    // ----- visible operations -----

    /// Run the visible operation `gid` is parked at (`alt`: the select case).
    pub(crate) fn exec_visible(&mut self, gid: Gid, alt: u32) -> R<()> {
        let status = self.goroutines[gid.0 as usize].status.clone();
        if let GoStatus::Sleeping(until) = status {
            self.clock = self.clock.max(until);
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
                        let mo = self.heap.map(m);
                        mo.read_check()?;
                        let got = mo.get(&k).cloned();
                        self.emit(
                            gid,
                            Op::MapRead {
                                map: m,
                                key: Some(key),
                            },
                            crate::rt::map::read_effects(m),
                        );
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
            Visible::MapLen(map) => {
                let n = match map {
                    Some(m) => {
                        self.emit(
                            gid,
                            Op::MapRead { map: m, key: None },
                            crate::rt::map::read_effects(m),
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
                update,
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
                self.heap.map_mut(m).write_begin(gid, hashed, mutation)?;
                self.emit(
                    gid,
                    Op::MapWriteBegin {
                        map: m,
                        key: key.clone(),
                        delete,
                    },
                    crate::rt::map::write_effects(m),
                );
                let span = self.goroutines[gid.0 as usize].next_span;
                self.park(
                    gid,
                    Visible::MapWriteEnd {
                        map: m,
                        key,
                        delete,
                        update,
                    },
                    Some(span),
                );
                done = false;
            }
            Visible::MapWriteEnd {
                map,
                key,
                delete,
                update,
            } => {
                match update {
                    None => {
                        self.heap.map_mut(map).write_end(gid)?;
                    }
                    Some(u) => {
                        let hashed = match &key {
                            Some(k) => Some(MapKey::from_value(k, &prog.types)?),
                            None => None,
                        };
                        let old = match hashed.as_ref().and_then(|k| self.heap.map(map).get(k)) {
                            Some(v) => v.clone(),
                            None => self.zero_of(u.elem)?,
                        };
                        let new = match (&old, &u.rhs) {
                            (Value::Str(a), Value::Str(b)) if u.op == BinOp::Add => {
                                Ok(Value::str(&format!("{a}{b}")))
                            }
                            _ => binary(u.op, u.ty, &old, &u.rhs),
                        };
                        match new {
                            Ok(new) => {
                                self.heap.map_mut(map).write_end_with(gid, new)?;
                            }
                            Err(e) => {
                                // The operator panicked (`m[k] /= 0`): leave the map consistent.
                                self.heap.map_mut(map).writing = None;
                                return Err(e);
                            }
                        }
                    }
                }
                self.emit(
                    gid,
                    Op::MapWriteEnd { map, key, delete },
                    crate::rt::map::write_effects(map),
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
                        let r = self.heap.map(m).iter_next(&mut cursor)?;
                        let key = r.as_ref().map(|(k, _)| k.clone());
                        self.emit(
                            gid,
                            Op::MapIterate { map: m, key },
                            crate::rt::map::read_effects(m),
                        );
                        r
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
                let child = self.spawn(gid, func, args)?;
                self.emit(gid, Op::Go { child }, vec![Effect::Spawn(child)]);
                // The child runs to its first visible op (its own events are not emitted).
                let saved = std::mem::take(&mut self.events);
                let budget = self.budget;
                self.budget = self.config.max_instructions_per_step;
                self.run_local(child);
                self.budget = budget;
                let mut child_events = std::mem::replace(&mut self.events, saved);
                self.events.append(&mut child_events);
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
            } => {
                done = self.lib_visible(gid, func, args, push_results)?;
            }
            Visible::Print { newline, args } => {
                let mut text = String::new();
                for (i, a) in args.iter().enumerate() {
                    if i > 0 && newline {
                        text.push(' ');
                    }
                    text.push_str(&self.print_builtin(a));
                }
                if newline {
                    text.push('\n');
                }
                self.stderr.push_str(&text);
                self.emit(gid, Op::Print { text, stderr: true }, Vec::new());
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
            Visible::SyncMap(inflight) => {
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
            Visible::Wake => {}
            Visible::Exit => {
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
    fn resume_push(&mut self, gid: Gid, vals: Vec<Value>) {
        let g = self.g(gid);
        g.next = None;
        if let Some(f) = g.frames.last_mut() {
            f.stack.extend(vals);
        }
    }

    fn send(
        &mut self,
        gid: Gid,
        c: crate::rt::value::ChanId,
        value: Value,
        case: Option<u32>,
    ) -> R<()> {
        let ch = self.heap.chan(c);
        if ch.closed || !ch.is_unbuffered() {
            let eff = self.heap.chan_mut(c).send(c, value.clone())?;
            if let Some(case) = case {
                self.emit(gid, Op::Select { case: Some(case) }, Vec::new());
            }
            self.emit(
                gid,
                Op::Send {
                    chan: c,
                    value,
                    to: None,
                },
                eff,
            );
            return Ok(());
        }
        let (partner, pcase) = self.partner(gid, c, true).ok_or_else(|| {
            Fault::Rt(prim_error(crate::rt::sync_state::PrimError::Blocked(
                crate::rt::event::WaitReason::ChanSend,
            )))
        })?;
        let eff = self.heap.chan_mut(c).rendezvous(c)?;
        if let Some(case) = case {
            self.emit(gid, Op::Select { case: Some(case) }, Vec::new());
        }
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

    fn recv(
        &mut self,
        gid: Gid,
        c: crate::rt::value::ChanId,
        elem: TypeId,
        case: Option<u32>,
    ) -> R<(Value, bool)> {
        let ch = self.heap.chan(c);
        if ch.can_recv_buffered() {
            let r = self.heap.chan_mut(c).recv(c)?;
            let ok = r.value.is_some();
            let v = match r.value {
                Some(v) => v,
                None => self.zero_of(elem)?,
            };
            if let Some(case) = case {
                self.emit(gid, Op::Select { case: Some(case) }, Vec::new());
            }
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
            return Ok((v, ok));
        }
        let (partner, pcase) = self.partner(gid, c, false).ok_or_else(|| {
            Fault::Rt(prim_error(crate::rt::sync_state::PrimError::Blocked(
                crate::rt::event::WaitReason::ChanReceive,
            )))
        })?;
        let value = match &self.goroutines[partner.0 as usize].next {
            Some(Visible::Send(_, v)) => v.clone(),
            Some(Visible::Select { arms, .. }) => pcase
                .and_then(|i| arms.get(i as usize))
                .and_then(|a| a.send.clone())
                .ok_or_else(|| missing("partner's select send value"))?,
            _ => return Err(missing("partner parked at a send").into()),
        };
        let eff = self.heap.chan_mut(c).rendezvous(c)?;
        if let Some(case) = case {
            self.emit(gid, Op::Select { case: Some(case) }, Vec::new());
        }
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

    fn append(
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
                eff.push(Effect::Read(Loc::Heap(
                    Pointer::root(t.obj).child(t.off + i),
                )));
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
                let p = Pointer::root(s.obj).child(s.off + len + i as u32);
                eff.push(Effect::Write(Loc::Heap(p.clone())));
                self.heap.store(&p, e)?;
            }
            Value::Slice(Some(SliceRef { len: len + n, ..s }))
        } else {
            // growslice: double small slices, 1.25x large ones.
            let mut newcap = if cap < 256 {
                u64::from(cap) * 2
            } else {
                u64::from(cap) + u64::from(cap) / 4 + 192
            };
            if newcap < newlen {
                newcap = newlen;
            }
            let mut all = Vec::with_capacity(newlen as usize);
            if let Some(s) = &s {
                for i in 0..len {
                    let p = Pointer::root(s.obj).child(s.off + i);
                    if i < 64 {
                        eff.push(Effect::Read(Loc::Heap(p.clone())));
                    }
                    all.push(self.heap.load(&p)?);
                }
            }
            all.extend(elems);
            let sl = self.new_slice(all, newcap as usize, elem)?;
            for i in len..len + n {
                eff.push(Effect::Write(Loc::Heap(Pointer::root(sl.obj).child(i))));
            }
            Value::Slice(Some(sl))
        };
        let ptr = match &result {
            Value::Slice(Some(s)) => Pointer::root(s.obj),
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

    fn copy(&mut self, gid: Gid, dst: Value, src: Value) -> R<i64> {
        let Value::Slice(Some(d)) = dst else {
            return Ok(0);
        };
        let elems = self.elements_of(&src)?;
        let n = (d.len as usize).min(elems.len());
        let mut eff = Vec::new();
        if let Value::Slice(Some(s)) = &src {
            for i in 0..(n as u32).min(64) {
                eff.push(Effect::Read(Loc::Heap(
                    Pointer::root(s.obj).child(s.off + i),
                )));
            }
        }
        for (i, e) in elems.into_iter().take(n).enumerate() {
            let p = Pointer::root(d.obj).child(d.off + i as u32);
            if i < 64 {
                eff.push(Effect::Write(Loc::Heap(p.clone())));
            }
            self.heap.store(&p, e)?;
        }
        self.emit(
            gid,
            Op::Store {
                ptr: Pointer::root(d.obj),
                value: Value::Int(n as i64),
            },
            eff,
        );
        Ok(n as i64)
    }

    /// A visible library call. Returns whether the op completed (false: parked on a next part).
    fn lib_visible(
        &mut self,
        gid: Gid,
        func: LibFunc,
        args: Vec<Value>,
        push_results: bool,
    ) -> R<bool> {
        let ptr = || match args.first() {
            Some(Value::Ptr(Some(p))) => Ok(p.clone()),
            _ => Err(Fault::Rt(RtError::nil_deref())),
        };
        let mut results: Vec<Value> = Vec::new();
        match func {
            LibFunc::FmtPrintln | LibFunc::FmtPrint | LibFunc::FmtPrintf => {
                let text = match func {
                    LibFunc::FmtPrintln => self.sprint(&args, true),
                    LibFunc::FmtPrint => self.sprint(&args, false),
                    _ => self.sprintf(&args),
                };
                self.stdout.push_str(&text);
                self.emit(
                    gid,
                    Op::Print {
                        text,
                        stderr: false,
                    },
                    Vec::new(),
                );
            }
            LibFunc::MutexLock | LibFunc::MutexUnlock | LibFunc::MutexTryLock => {
                let p = ptr()?;
                let (eff, kind, ok) = match self.heap.sync_mut(&p)? {
                    SyncState::Mutex(s) => match func {
                        LibFunc::MutexLock => (s.lock(gid, &p)?, LockOp::Lock, true),
                        LibFunc::MutexUnlock => (s.unlock(&p)?, LockOp::Unlock, true),
                        _ => match s.try_lock(gid, &p) {
                            Some(e) => (e, LockOp::Lock, true),
                            None => (Vec::new(), LockOp::TryFailed, false),
                        },
                    },
                    _ => return Err(RtError::nil_deref().into()),
                };
                if func == LibFunc::MutexTryLock {
                    results.push(Value::Bool(ok));
                }
                self.emit(gid, Op::Lock { mutex: p, kind }, eff);
            }
            LibFunc::RwMutexLock => {
                let p = ptr()?;
                let start = match self.heap.sync_mut(&p)? {
                    SyncState::RwMutex(s) => s.start_lock(gid, &p)?,
                    _ => return Err(RtError::nil_deref().into()),
                };
                match start {
                    crate::rt::rwmutex::LockStart::Acquired(eff) => {
                        self.emit(
                            gid,
                            Op::Lock {
                                mutex: p,
                                kind: LockOp::Lock,
                            },
                            eff,
                        );
                    }
                    crate::rt::rwmutex::LockStart::Pending(eff) => {
                        self.emit(
                            gid,
                            Op::Lock {
                                mutex: p.clone(),
                                kind: LockOp::LockPending,
                            },
                            eff,
                        );
                        let span = self.goroutines[gid.0 as usize].next_span;
                        self.park(gid, Visible::RwLockFinish(p), Some(span));
                        return Ok(false);
                    }
                }
            }
            LibFunc::RwMutexUnlock
            | LibFunc::RwMutexRLock
            | LibFunc::RwMutexRUnlock
            | LibFunc::RwMutexTryLock
            | LibFunc::RwMutexTryRLock => {
                let p = ptr()?;
                let (eff, kind, ok) = match self.heap.sync_mut(&p)? {
                    SyncState::RwMutex(s) => match func {
                        LibFunc::RwMutexUnlock => (s.unlock(&p)?, LockOp::Unlock, true),
                        LibFunc::RwMutexRLock => (s.rlock(gid, &p)?, LockOp::RLock, true),
                        LibFunc::RwMutexRUnlock => (s.runlock(gid, &p)?, LockOp::RUnlock, true),
                        LibFunc::RwMutexTryLock => match s.try_lock(gid, &p) {
                            Some(e) => (e, LockOp::Lock, true),
                            None => (Vec::new(), LockOp::TryFailed, false),
                        },
                        _ => match s.try_rlock(gid, &p) {
                            Some(e) => (e, LockOp::RLock, true),
                            None => (Vec::new(), LockOp::TryFailed, false),
                        },
                    },
                    _ => return Err(RtError::nil_deref().into()),
                };
                if matches!(func, LibFunc::RwMutexTryLock | LibFunc::RwMutexTryRLock) {
                    results.push(Value::Bool(ok));
                }
                self.emit(gid, Op::Lock { mutex: p, kind }, eff);
            }
            LibFunc::WaitGroupAdd | LibFunc::WaitGroupDone => {
                let p = ptr()?;
                let delta = if func == LibFunc::WaitGroupDone {
                    -1
                } else {
                    int(arg(&args, 1)?)?
                };
                let (eff, counter) = match self.heap.sync_mut(&p)? {
                    SyncState::WaitGroup(s) => (s.add(delta, &p)?, s.counter),
                    _ => return Err(RtError::nil_deref().into()),
                };
                self.emit(
                    gid,
                    Op::WaitGroupAdd {
                        wg: p,
                        delta,
                        counter,
                    },
                    eff,
                );
            }
            LibFunc::WaitGroupWait => {
                let p = ptr()?;
                let eff = match self.heap.sync_mut(&p)? {
                    SyncState::WaitGroup(s) => s.wait(&p)?,
                    _ => return Err(RtError::nil_deref().into()),
                };
                self.emit(gid, Op::WaitGroupWait { wg: p }, eff);
            }
            LibFunc::OnceDo => {
                let p = ptr()?;
                let start = match self.heap.sync_mut(&p)? {
                    SyncState::Once(s) => s.start(gid, &p)?,
                    _ => return Err(RtError::nil_deref().into()),
                };
                match start {
                    crate::rt::once::DoStart::Return(eff) => {
                        self.emit(
                            gid,
                            Op::OnceDo {
                                once: p,
                                ran: false,
                            },
                            eff,
                        );
                    }
                    crate::rt::once::DoStart::RunF => {
                        self.emit(
                            gid,
                            Op::OnceDo {
                                once: p.clone(),
                                ran: true,
                            },
                            Vec::new(),
                        );
                        self.g(gid).next = None;
                        let f = arg(&args, 1)?.clone();
                        self.call_value(gid, f, Vec::new(), FrameKind::OnceBody(p))?;
                        return Ok(false);
                    }
                }
            }
            LibFunc::TimeSleep => {
                let d = int(arg(&args, 0)?)?.max(0);
                let until = self.clock.saturating_add(d);
                self.emit(gid, Op::Sleep { until }, Vec::new());
                if d == 0 {
                    // `time.Sleep(0)` (or negative) returns at once: just this step.
                    self.g(gid).next = None;
                    return Ok(true);
                }
                let g = self.g(gid);
                g.status = GoStatus::Sleeping(until);
                g.next = Some(Visible::Wake);
                return Ok(false);
            }
            LibFunc::AtomicAddInt32
            | LibFunc::AtomicAddInt64
            | LibFunc::AtomicLoadInt32
            | LibFunc::AtomicLoadInt64
            | LibFunc::AtomicStoreInt32
            | LibFunc::AtomicStoreInt64
            | LibFunc::AtomicCompareAndSwapInt32
            | LibFunc::AtomicCompareAndSwapInt64
            | LibFunc::AtomicInt32Add
            | LibFunc::AtomicInt32Load
            | LibFunc::AtomicInt32Store
            | LibFunc::AtomicInt32Swap
            | LibFunc::AtomicInt32CompareAndSwap
            | LibFunc::AtomicInt64Add
            | LibFunc::AtomicInt64Load
            | LibFunc::AtomicInt64Store
            | LibFunc::AtomicInt64Swap
            | LibFunc::AtomicInt64CompareAndSwap
            | LibFunc::AtomicBoolLoad
            | LibFunc::AtomicBoolStore => {
                let p = ptr()?;
                results = self.atomic(gid, func, p, &args)?;
            }
            LibFunc::SyncMapLoad
            | LibFunc::SyncMapStore
            | LibFunc::SyncMapLoadOrStore
            | LibFunc::SyncMapLoadAndDelete
            | LibFunc::SyncMapDelete
            | LibFunc::SyncMapSwap
            | LibFunc::SyncMapCompareAndSwap
            | LibFunc::SyncMapRange => {
                return self.sync_map_call(gid, func, &args, push_results);
            }
            _ => {
                self.lib_local(gid, func, args)?;
                self.g(gid).next = None;
                return Ok(true);
            }
        }
        let g = self.g(gid);
        g.next = None;
        if push_results {
            if let Some(f) = g.frames.last_mut() {
                f.stack.extend(results);
            }
        }
        Ok(true)
    }

    /// A `sync.Map` method call: builds the call's step machine (`rt::sync_map`) and runs its
    /// first step. `Swap` and `CompareAndSwap` (absent from the step machine) run as a `Load`
    /// result plus a `Store` step machine.
    fn sync_map_call(
        &mut self,
        gid: Gid,
        func: LibFunc,
        args: &[Value],
        push_results: bool,
    ) -> R<bool> {
        use crate::rt::sync_map::{SyncMapCall, SyncMapOp};
        let p = match args.first() {
            Some(Value::Ptr(Some(p))) => p.clone(),
            _ => return Err(RtError::nil_deref().into()),
        };
        let key = arg(args, 1)?.clone();
        let val = || arg(args, 2).cloned();
        let mut range_f = None;
        let mut preset: Option<Vec<Value>> = None;
        let call = match func {
            LibFunc::SyncMapLoad => SyncMapCall::Load { key },
            LibFunc::SyncMapStore => SyncMapCall::Store { key, value: val()? },
            LibFunc::SyncMapLoadOrStore => SyncMapCall::LoadOrStore { key, value: val()? },
            LibFunc::SyncMapLoadAndDelete => SyncMapCall::LoadAndDelete { key },
            LibFunc::SyncMapDelete => SyncMapCall::Delete { key },
            LibFunc::SyncMapSwap | LibFunc::SyncMapCompareAndSwap => {
                let k = MapKey::from_value(&key, &self.program.types)?;
                let current = match self.heap.sync(&p)? {
                    SyncState::Map(s) => s
                        .contents()
                        .into_iter()
                        .find(|(kv, _)| {
                            MapKey::from_value(kv, &self.program.types).ok() == Some(k.clone())
                        })
                        .map(|(_, v)| v),
                    _ => return Err(RtError::nil_deref().into()),
                };
                if func == LibFunc::SyncMapSwap {
                    preset = Some(vec![
                        current.clone().unwrap_or(Value::Iface(None)),
                        Value::Bool(current.is_some()),
                    ]);
                    SyncMapCall::Store {
                        key,
                        value: val()?,
                    }
                } else {
                    let old = val()?;
                    let new = arg(args, 3)?.clone();
                    let same = match &current {
                        Some(c) => self.equal(c, &old)?,
                        None => false,
                    };
                    preset = Some(vec![Value::Bool(same)]);
                    if same {
                        SyncMapCall::Store { key, value: new }
                    } else {
                        SyncMapCall::Load { key }
                    }
                }
            }
            _ => {
                range_f = Some(key);
                SyncMapCall::Range
            }
        };
        let op = SyncMapOp::new(call, &self.program.types)?;
        let inflight = SyncMapInFlight {
            ptr: p,
            op,
            push_results,
            range_f,
            preset,
        };
        self.sync_map_step(gid, inflight)
    }

    /// One step of an in-flight `sync.Map` call. Returns whether the call completed.
    pub(crate) fn sync_map_step(&mut self, gid: Gid, mut inflight: SyncMapInFlight) -> R<bool> {
        use crate::rt::sync_map::SyncMapOutcome;
        let p = inflight.ptr.clone();
        let step = match self.heap.sync_mut(&p)? {
            SyncState::Map(s) => s.step(gid, &p, &mut inflight.op)?,
            _ => return Err(RtError::nil_deref().into()),
        };
        self.emit(
            gid,
            Op::SyncMap {
                map: p.clone(),
                step: step.text,
            },
            step.effects,
        );
        let span = self.goroutines[gid.0 as usize].next_span;
        match step.outcome {
            SyncMapOutcome::Continue => {
                self.park(gid, Visible::SyncMap(Box::new(inflight)), Some(span));
                Ok(false)
            }
            SyncMapOutcome::Yield { key, value } => {
                self.g(gid).next = None;
                let f = inflight
                    .range_f
                    .clone()
                    .ok_or_else(|| missing("Range callback"))?;
                self.call_value(
                    gid,
                    f,
                    vec![key, value],
                    FrameKind::RangeBody(Box::new(inflight)),
                )?;
                Ok(false)
            }
            SyncMapOutcome::Return(results) => {
                let results = inflight.preset.take().unwrap_or(results);
                let g = self.g(gid);
                g.next = None;
                if inflight.push_results {
                    if let Some(f) = g.frames.last_mut() {
                        f.stack.extend(results);
                    }
                }
                Ok(true)
            }
        }
    }

    // ----- formatting (minimal `%v`; `rt::fmt` owns the full rules) -----

    /// `%v` of a value of static type `ty`, with Go's `fmt` rules.
    pub(crate) fn format_typed(&self, ty: TypeId, v: &Value) -> String {
        let boxed = match v {
            Value::Iface(_) => v.clone(),
            other => Value::Iface(Some(Box::new((ty, other.clone())))),
        };
        crate::rt::fmt::sprint(&MachineFmt(self), &[boxed])
    }

    /// `%v` of a value.
    pub(crate) fn format_v(&self, v: &Value) -> String {
        self.format_depth(v, 0)
    }

    fn format_depth(&self, v: &Value, depth: u32) -> String {
        if depth > 8 {
            return "...".into();
        }
        let d = depth + 1;
        match v {
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => format_float(*f),
            Value::Str(s) => s.to_string(),
            Value::Ptr(None) | Value::Map(None) | Value::Chan(None) | Value::Func(None) => {
                "<nil>".into()
            }
            Value::Slice(None) => "[]".into(),
            Value::Iface(None) => "<nil>".into(),
            Value::Ptr(Some(p)) => match self.heap.get(p) {
                Ok(inner @ Value::Struct(_)) if p.path.is_empty() && depth == 0 => {
                    format!("&{}", self.format_depth(inner, d))
                }
                _ => format!(
                    "0xc{:09x}",
                    0x10000
                        + p.obj.0 as u64 * 0x10
                        + p.path.iter().map(|x| *x as u64 * 8).sum::<u64>()
                ),
            },
            Value::Chan(Some(c)) => format!("0xc{:09x}", 0x20000 + c.0 as u64 * 0x60),
            Value::Func(Some(_)) => "0x47b8c0".into(),
            Value::Map(Some(m)) => {
                let parts: Vec<String> = self
                    .heap
                    .map(*m)
                    .entries_in_order()
                    .iter()
                    .map(|(k, v)| {
                        format!("{}:{}", self.format_depth(k, d), self.format_depth(v, d))
                    })
                    .collect();
                format!("map[{}]", parts.join(" "))
            }
            Value::Slice(Some(_)) => {
                let es = self.elements_of(v).unwrap_or_default();
                let parts: Vec<String> = es.iter().map(|e| self.format_depth(e, d)).collect();
                format!("[{}]", parts.join(" "))
            }
            Value::Array(es) => {
                let parts: Vec<String> = es.iter().map(|e| self.format_depth(e, d)).collect();
                format!("[{}]", parts.join(" "))
            }
            Value::Struct(fs) => {
                let parts: Vec<String> = fs.iter().map(|e| self.format_depth(e, d)).collect();
                format!("{{{}}}", parts.join(" "))
            }
            Value::Iface(Some(b)) => match (&b.1, self.program.types.under(b.0)) {
                (Value::Int(i), TypeKind::Basic(bt)) if is_unsigned(*bt) => (*i as u64).to_string(),
                (inner, _) => self.format_depth(inner, depth),
            },
            Value::Sync(s) => {
                let fields = crate::rt::fmt::sync_fields(s);
                let parts: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
                format!("{{{}}}", parts.join(" "))
            }
            Value::Unit => String::new(),
        }
    }

    fn sprint(&self, args: &[Value], ln: bool) -> String {
        let h = MachineFmt(self);
        if ln {
            crate::rt::fmt::sprintln(&h, args)
        } else {
            crate::rt::fmt::sprint(&h, args)
        }
    }

    fn format_arg(args: &[Value]) -> String {
        match args.first() {
            Some(Value::Str(s)) => s.to_string(),
            Some(Value::Iface(Some(b))) => str_of(&b.1).to_string(),
            _ => String::new(),
        }
    }

    fn sprintf(&self, args: &[Value]) -> String {
        let format = Self::format_arg(args);
        crate::rt::fmt::sprintf(&MachineFmt(self), &format, args.get(1..).unwrap_or(&[]))
    }

    fn errorf(&self, args: &[Value]) -> String {
        let format = Self::format_arg(args);
        crate::rt::fmt::errorf_text(&MachineFmt(self), &format, args.get(1..).unwrap_or(&[]))
    }

    /// The builtin `print`'s formatting.
    fn print_builtin(&self, v: &Value) -> String {
        let inner = match v {
            Value::Iface(Some(b)) => &b.1,
            v => v,
        };
        match inner {
            Value::Float(f) => go_print_float(*f),
            Value::Iface(None) => "(0x0,0x0)".into(),
            other => self.format_v(other),
        }
    }
}

/// A float as the builtin `print` (and `panic`) writes it: `+1.500000e+000`.
fn go_print_float(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let s = format!("{:+.6e}", f);
    match s.split_once('e') {
        Some((m, e)) => {
            let (sign, digits) = match e.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', e),
            };
            format!("{m}e{sign}{digits:0>3}")
        }
        None => s,
    }
}

fn format_float(f: f64) -> String {
    if f.is_infinite() {
        return if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    if f.is_nan() {
        return "NaN".into();
    }
    let abs = f.abs();
    if abs != 0.0 && !(1e-4..1e21).contains(&abs) {
        let s = format!("{f:e}");
        // Go: 1e+21, 1.5e-05
        if let Some((m, e)) = s.split_once('e') {
            let (sign, digits) = if let Some(d) = e.strip_prefix('-') {
                ('-', d)
            } else {
                ('+', e)
            };
            return format!("{m}e{sign}{digits:0>2}");
        }
        s
    } else {
        format!("{f}")
    }
}

fn ptr_of(v: Value) -> Option<Pointer> {
    match v {
        Value::Ptr(p) => p,
        _ => None,
    }
}

fn map_of(v: &Value) -> Option<crate::rt::value::MapId> {
    match v {
        Value::Map(m) => *m,
        _ => None,
    }
}

fn chan_of(v: &Value) -> Option<crate::rt::value::ChanId> {
    match v {
        Value::Chan(c) => *c,
        _ => None,
    }
}

fn str_of(v: &Value) -> &str {
    match v {
        Value::Str(s) => s,
        _ => "",
    }
}

fn decode_rune(b: &[u8]) -> (u32, usize) {
    if b.is_empty() {
        return (0xFFFD, 0);
    }
    let n = match b[0] {
        0x00..=0x7F => return (u32::from(b[0]), 1),
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return (0xFFFD, 1),
    };
    match b.get(..n).and_then(|s| std::str::from_utf8(s).ok()) {
        Some(s) => (s.chars().next().map(|c| c as u32).unwrap_or(0xFFFD), n),
        None => (0xFFFD, 1),
    }
}

fn binary(op: BinOp, b: Basic, x: &Value, y: &Value) -> R<Value> {
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
                    value: Value::str("negative shift amount"),
                    signal: false,
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

/// The machine as `rt::fmt` sees it: types, heap loads, map entries, slice elements, and the
/// `Error()` text of library error values.
struct MachineFmt<'a>(&'a Machine);

impl crate::rt::fmt::FmtHeap for MachineFmt<'_> {
    fn types(&self) -> &crate::lang::types::TypeTable {
        &self.0.program.types
    }

    fn load(&self, ptr: &Pointer) -> Option<Value> {
        self.0.heap.load(ptr).ok()
    }

    fn map_entries(&self, map: crate::rt::value::MapId) -> Vec<(Value, Value)> {
        self.0
            .heap
            .maps
            .get(map.0 as usize)
            .map(|m| m.entries_in_order())
            .unwrap_or_default()
    }

    fn slice_elems(&self, slice: &SliceRef) -> Vec<Value> {
        self.0
            .elements_of(&Value::Slice(Some(slice.clone())))
            .unwrap_or_default()
    }

    fn method_string(&self, ty: TypeId, value: &Value) -> Option<String> {
        self.0.method_string(ty, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::{Func, Program};
    use crate::diag::{SourceMap, Span};
    use crate::lang::types::{TypeKind, TypeTable};
    use crate::rt::config::Config;
    use crate::rt::machine::Choice;
    use std::collections::BTreeMap;

    fn func(name: &str, locals: u32, code: Vec<Instr>) -> Func {
        Func {
            name: Rc::from(name),
            span: Span::new(0, 10),
            params: 0,
            param_types: Vec::new(),
            results: Vec::new(),
            result_slots: Vec::new(),
            locals,
            captures: 0,
            variadic: false,
            wrapper: false,
            spans: vec![Span::new(0, 1); code.len()],
            code,
        }
    }

    /// A program with `main.main` running `code` and an empty `main.init`.
    fn program(code: Vec<Instr>, locals: u32) -> Program {
        Program {
            source_map: SourceMap::new("prog.go", "//\n"),
            source: "//\n".into(),
            funcs: vec![
                func("main.main", locals, code),
                func("main.init", 0, vec![Instr::Return]),
            ],
            types: TypeTable::new(),
            globals: Vec::new(),
            strings: Vec::new(),
            selects: Vec::new(),
            methods: BTreeMap::new(),
            init: FuncId(1),
            main: FuncId(0),
            error_type: TypeTable::basic(Basic::Int),
        }
    }

    fn internal_message(m: &Machine) -> String {
        match m.status() {
            Status::Internal(e) => e.first_line(),
            other => panic!("expected an internal error, got {other:?}"),
        }
    }

    /// Hand-made bad bytecode: `Pop` on an empty operand stack used to pop `Unit` silently.
    #[test]
    fn operand_stack_underflow_ends_the_run_with_an_internal_error() {
        let m = Machine::new(
            Rc::new(program(vec![Instr::Pop, Instr::Return], 0)),
            Config::default(),
        );
        assert_eq!(
            internal_message(&m),
            "racemap internal error: operand stack underflow in main.main at pc 0: wanted 1 value(s), have 0"
        );
        assert!(m.runnable().is_empty());
        assert_eq!(m.exit_code(), None);
        // The runner and the CLI see a distinct ending: exit status 70, racemap's own message.
        let r = crate::run::run(m, &crate::run::RunConfig::default());
        assert_eq!(r.end, crate::run::RunEnd::Internal);
        assert_eq!(r.exit_code, Some(crate::rt::error::EXIT_INTERNAL));
        assert!(r.stderr.starts_with("racemap internal error: operand stack underflow"));
        assert!(crate::rt::error::is_internal_error_line(
            r.first_error_line.as_deref().unwrap_or("")
        ));
    }

    /// A condition that is not a bool (the checker guarantees one) used to read as `false`.
    #[test]
    fn wrong_kind_operand_is_an_internal_error_not_a_wrong_branch() {
        let code = vec![
            Instr::PushInt(7),
            Instr::JumpIf(3),
            Instr::Return,
            Instr::Return,
        ];
        let m = Machine::new(Rc::new(program(code, 0)), Config::default());
        assert_eq!(
            internal_message(&m),
            "racemap internal error: expected a bool operand, found Int(7)"
        );
    }

    /// Corrupted machine state: a goroutine parked at a map iteration step whose iterator does
    /// not exist used to behave as a finished iteration.
    #[test]
    fn corrupted_parked_operation_is_an_internal_error_at_its_step() {
        let mut types = TypeTable::new();
        let int = TypeTable::basic(Basic::Int);
        let mt = types.intern(TypeKind::Map(int, int));
        let mut p = program(
            vec![
                Instr::MakeMap(mt),
                Instr::PushInt(1),
                Instr::PushInt(2),
                Instr::MapSet,
                Instr::Return,
            ],
            0,
        );
        p.types = types;
        let mut m = Machine::new(Rc::new(p), Config::default());
        assert_eq!(m.status(), &Status::Running);
        m.goroutines[0].next = Some(Visible::MapIterNext { iter: 5 });
        let events = m.step(Choice {
            gid: Gid::MAIN,
            alt: 0,
        });
        assert!(events.is_empty());
        assert_eq!(
            internal_message(&m),
            "racemap internal error: missing map iterator"
        );
        let ending = crate::explore::Target::ending(&m).expect("ended");
        assert_eq!(ending.exit_code, crate::rt::error::EXIT_INTERNAL);
        assert_eq!(
            ending.text,
            "racemap internal error: missing map iterator\n(this is a bug in racemap, not in the Go program; the run was stopped)\n"
        );
    }

    /// `m := map[int]int{}; m[1] += 2` (the update injected as lowering would decode it), then
    /// `m[1] += 2` again: one write window per update, the element computed at the end step.
    #[test]
    fn map_update_is_one_write_computed_at_the_end() {
        let mut types = TypeTable::new();
        let int = TypeTable::basic(Basic::Int);
        let mt = types.intern(TypeKind::Map(int, int));
        let main = func(
            "main.main",
            1,
            vec![
                Instr::MakeMap(mt),
                Instr::StoreLocal(0),
                Instr::LoadLocal(0),
                Instr::PushInt(1),
                Instr::PushInt(2),
                Instr::MapSet,
                Instr::LoadLocal(0),
                Instr::PushInt(1),
                Instr::PushInt(2),
                Instr::MapSet,
                Instr::Return,
            ],
        );
        let init = func("main.init", 0, vec![Instr::Return]);
        let program = Program {
            source_map: SourceMap::new("prog.go", "//\n"),
            source: "//\n".into(),
            funcs: vec![main, init],
            types,
            globals: Vec::new(),
            strings: Vec::new(),
            selects: Vec::new(),
            methods: BTreeMap::new(),
            init: FuncId(1),
            main: FuncId(0),
            error_type: int,
        };
        let mut m = Machine::new(Rc::new(program), Config::default());
        let go = Choice {
            gid: Gid::MAIN,
            alt: 0,
        };
        for _ in 0..2 {
            // Re-decode the parked `MapSet` as an update `m[1] += 2`.
            let g = &mut m.goroutines[0];
            let Some(Visible::MapWriteBegin { map, key, .. }) = g.next.clone() else {
                panic!("parked at {:?}", g.next);
            };
            g.next = Some(Visible::MapWriteBegin {
                map,
                key,
                value: Some(Value::Int(2)),
                clear: false,
                update: Some(crate::rt::goroutine::MapUpdate {
                    op: BinOp::Add,
                    ty: Basic::Int,
                    rhs: Value::Int(2),
                    elem: int,
                }),
            });
            let begin = m.step(go);
            assert!(matches!(begin[0].op, Op::MapWriteBegin { .. }));
            assert!(m.heap.map(crate::rt::value::MapId(0)).writing.is_some());
            let end = m.step(go);
            assert!(matches!(end[0].op, Op::MapWriteEnd { .. }));
        }
        assert_eq!(
            m.heap.map(crate::rt::value::MapId(0)).get(&MapKey::Int(1)),
            Some(&Value::Int(4))
        );
    }
}
