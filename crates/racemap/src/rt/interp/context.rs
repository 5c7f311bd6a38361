//! Package `context`'s functions and its contexts' methods (see `rt::context` for the model).

use super::*;
use crate::gostr::GoString;
use crate::rt::context::{ContextKind, ContextState};
use crate::rt::event::SyncVar;
use crate::rt::timer::TimerAction;
use crate::rt::value::{ChanId, Pointer};
use crate::types::TypeKind;
use std::rc::Rc;

/// The `call` of an [`Op::Context`] step of a `CancelFunc` that found its context already
/// canceled.
pub const CANCEL_AGAIN: &str = "WithCancel.func1 (already canceled)";

impl Machine {
    /// A local call of package `context` (or of a context's `Value`/`Deadline`).
    pub(super) fn context_local(&mut self, func: LibFunc, args: &[Value]) -> R<Vec<Value>> {
        Ok(match func {
            LibFunc::ContextBackground
            | LibFunc::ContextTodo
            | LibFunc::ContextCanceled
            | LibFunc::ContextDeadlineExceeded => vec![self.lib_var(func)?],
            LibFunc::ContextWithValue => {
                let parent = self.parent_context(arg(args, 0)?)?;
                let (key, val) = (arg(args, 1)?.clone(), arg(args, 2)?.clone());
                if matches!(key, Value::Iface(None)) {
                    return Err(RtError::library_panic("nil key").into());
                }
                let p = self.new_context(ContextState::new(
                    ContextKind::Value { key, val },
                    Some(parent),
                ))?;
                vec![self.context_value(p)]
            }
            LibFunc::ContextValue => {
                let mut p = context_ptr(args)?;
                let key = arg(args, 1)?;
                loop {
                    let st = self.context_state(&p)?;
                    if let ContextKind::Value { key: k, val } = &st.kind {
                        let (k, val) = (k.clone(), val.clone());
                        if self.equal(&k, key)? {
                            break vec![val];
                        }
                    }
                    match self.context_state(&p)?.parent.clone() {
                        Some(parent) => p = parent,
                        None => break vec![Value::Iface(None)],
                    }
                }
            }
            LibFunc::ContextDeadline => {
                let mut p = context_ptr(args)?;
                loop {
                    let st = self.context_state(&p)?;
                    if let Some(d) = st.own_deadline() {
                        break vec![super::timer::time_at(d), Value::Bool(true)];
                    }
                    match st.parent.clone() {
                        Some(parent) => p = parent,
                        None => break vec![time_zero(), Value::Bool(false)],
                    }
                }
            }
            _ => return Err(missing("a context function").into()),
        })
    }

    /// A visible call of package `context`: `WithCancel`, `WithDeadline`, `WithTimeout`, a
    /// context's `Done` and `Err`, and a `CancelFunc`.
    pub(super) fn context_call(
        &mut self,
        gid: Gid,
        func: LibFunc,
        args: &[Value],
    ) -> R<Vec<Value>> {
        let mut eff = Vec::new();
        // A CancelFunc called on a context already canceled does nothing.
        let mut again = false;
        let results = match func {
            LibFunc::ContextWithCancel
            | LibFunc::ContextWithTimeout
            | LibFunc::ContextWithDeadline => {
                let parent = self.parent_context(arg(args, 0)?)?;
                let deadline = match func {
                    LibFunc::ContextWithTimeout => {
                        Some(self.clock.saturating_add(int(arg(args, 1)?)?))
                    }
                    // The zero Time is before every time of the run.
                    LibFunc::ContextWithDeadline => {
                        Some(super::timer::time_wall(arg(args, 1)?)?.unwrap_or(-1))
                    }
                    _ => None,
                };
                // A parent's earlier deadline makes it a plain WithCancel.
                let kind = match deadline {
                    Some(d) if self.context_deadline(&parent)?.is_none_or(|pd| d < pd) => {
                        ContextKind::Deadline(d)
                    }
                    _ => ContextKind::Cancel,
                };
                let done = self.heap.alloc_chan(
                    &self.config,
                    crate::rt::chan::ChanObj::new(self.empty_struct_type(), 0),
                )?;
                let mut st = ContextState::new(kind.clone(), Some(parent));
                st.done = Some(done);
                st.made_by = match func {
                    LibFunc::ContextWithTimeout => "context.WithTimeout",
                    LibFunc::ContextWithDeadline => "context.WithDeadline",
                    _ => "context.WithCancel",
                };
                st.made_at = Some(self.goroutines[gid.0 as usize].next_span);
                let p = self.new_context(st)?;
                self.propagate_cancel(&p, &mut eff)?;
                if let ContextKind::Deadline(d) = kind {
                    if d <= self.clock {
                        let err = self.lib_var(LibFunc::ContextDeadlineExceeded)?;
                        self.cancel_context(&p, err, true, &mut eff)?;
                    } else if self.context_state(&p)?.err.is_none() {
                        let made_by = self.context_state(&p)?.made_by;
                        let t = self.arm_context_timer(gid, &p, d - self.clock, made_by)?;
                        if let SyncState::Context(st) = self.heap.sync_mut(&p)? {
                            st.timer = Some(t);
                        }
                    }
                }
                vec![self.context_value(p.clone()), self.cancel_func(p)?]
            }
            LibFunc::ContextDone | LibFunc::ContextErr => {
                let p = context_ptr(args)?;
                match self.cancelable_ancestor(&p, true)? {
                    None if func == LibFunc::ContextDone => vec![Value::Chan(None)],
                    None => vec![Value::Iface(None)],
                    Some(c) => {
                        lock_step(&c, &mut eff);
                        let st = self.context_state(&c)?;
                        if func == LibFunc::ContextDone {
                            vec![Value::Chan(st.done)]
                        } else {
                            vec![st.err.clone().unwrap_or(Value::Iface(None))]
                        }
                    }
                }
            }
            LibFunc::ContextCancel => {
                let p = context_ptr(args)?;
                again = self.context_state(&p)?.err.is_some();
                let err = self.lib_var(LibFunc::ContextCanceled)?;
                self.cancel_context(&p, err, true, &mut eff)?;
                Vec::new()
            }
            _ => return Err(missing("a context function").into()),
        };
        let ctx = match results.first() {
            Some(Value::Iface(Some(b))) if func != LibFunc::ContextErr => match &b.1 {
                Value::Ptr(Some(p)) => Some(p.clone()),
                _ => None,
            },
            _ => context_ptr(args).ok(),
        };
        let call = if again {
            CANCEL_AGAIN
        } else {
            func.spec().name
        };
        self.emit(gid, Op::Context { ctx, call }, eff);
        Ok(results)
    }

    /// Go's `cancelCtx.cancel`: see `rt::context`. Appends the memory-model effects.
    pub(super) fn cancel_context(
        &mut self,
        p: &Pointer,
        err: Value,
        remove_from_parent: bool,
        eff: &mut Vec<Effect>,
    ) -> R<()> {
        lock_step(p, eff);
        let deadline = self.lib_vars.get(&LibFunc::ContextDeadlineExceeded) == Some(&err);
        let (done, children, timer) = match self.heap.sync_mut(p)? {
            SyncState::Context(st) => {
                if st.err.is_some() {
                    return Ok(());
                }
                st.reason = Some(if deadline {
                    "context deadline exceeded"
                } else {
                    "context canceled"
                });
                st.err = Some(err.clone());
                (st.done, std::mem::take(&mut st.children), st.timer.take())
            }
            _ => return Err(missing("a context").into()),
        };
        if let Some(c) = done {
            eff.extend(self.heap.chan_mut(c).close(c)?);
        }
        for child in children {
            self.cancel_context(&child, err.clone(), false, eff)?;
        }
        if let Some(t) = timer {
            self.disarm_timer(&t)?;
        }
        if remove_from_parent {
            let parent = self.context_state(p)?.parent.clone();
            if let Some(a) = parent.and_then(|q| self.cancelable_ancestor(&q, true).transpose()) {
                let a = a?;
                lock_step(&a, eff);
                if let SyncState::Context(st) = self.heap.sync_mut(&a)? {
                    st.children.retain(|c| c != p);
                }
            }
        }
        Ok(())
    }

    /// Go's `propagateCancel`: the new cancelable context `p` joins its nearest cancelable
    /// ancestor's children, or is canceled now if that ancestor already is.
    fn propagate_cancel(&mut self, p: &Pointer, eff: &mut Vec<Effect>) -> R<()> {
        let Some(parent) = self.context_state(p)?.parent.clone() else {
            return Ok(());
        };
        let Some(a) = self.cancelable_ancestor(&parent, true)? else {
            return Ok(());
        };
        lock_step(&a, eff);
        let err = self.context_state(&a)?.err.clone();
        match err {
            Some(err) => self.cancel_context(p, err, false, eff),
            None => {
                if let SyncState::Context(st) = self.heap.sync_mut(&a)? {
                    st.children.push(p.clone());
                }
                Ok(())
            }
        }
    }

    /// The nearest cancelable context from `p` up (`p` itself when `include_self`), if any.
    fn cancelable_ancestor(&self, p: &Pointer, include_self: bool) -> R<Option<Pointer>> {
        let mut cur = if include_self {
            Some(p.clone())
        } else {
            self.context_state(p)?.parent.clone()
        };
        while let Some(c) = cur {
            let st = self.context_state(&c)?;
            if st.cancelable() {
                return Ok(Some(c));
            }
            cur = st.parent.clone();
        }
        Ok(None)
    }

    /// The deadline of the context at `p` (its own or an ancestor's).
    fn context_deadline(&self, p: &Pointer) -> R<Option<i64>> {
        let mut cur = Some(p.clone());
        while let Some(c) = cur {
            let st = self.context_state(&c)?;
            if let Some(d) = st.own_deadline() {
                return Ok(Some(d));
            }
            cur = st.parent.clone();
        }
        Ok(None)
    }

    /// The contexts and channels a step on the context at `p` may touch: its ancestors, its
    /// descendants and their `done` channels (for the explorer's dependence).
    pub(crate) fn context_touches(&self, p: &Pointer) -> (Vec<Pointer>, Vec<ChanId>) {
        let (mut ptrs, mut chans) = (Vec::new(), Vec::new());
        let mut cur = self.context_state(p).ok().and_then(|s| s.parent.clone());
        while let Some(c) = cur {
            ptrs.push(c.clone());
            cur = self.context_state(&c).ok().and_then(|s| s.parent.clone());
        }
        let mut stack = vec![p.clone()];
        while let Some(c) = stack.pop() {
            if let Ok(st) = self.context_state(&c) {
                chans.extend(st.done);
                stack.extend(st.children.iter().cloned());
            }
            ptrs.push(c);
        }
        (ptrs, chans)
    }

    /// A context's `String()` as Go 1.19 prints it: `context.Background.WithCancel`,
    /// `….WithValue(type main.key, val v)` (a value that is neither a string nor a Stringer is
    /// `<not Stringer>`), `….WithDeadline(…)` (without Go's wall-clock times).
    pub(super) fn context_string(&self, p: &Pointer) -> R<String> {
        let st = self.context_state(p)?;
        let parent = match &st.parent {
            Some(parent) => self.context_string(parent)?,
            None => String::new(),
        };
        Ok(match &st.kind {
            ContextKind::Value { key, val } => {
                let key_type = match key {
                    Value::Iface(Some(b)) => {
                        crate::rt::fmt::reflect_type_string(&self.program.types, b.0)
                    }
                    _ => "<nil>".to_string(),
                };
                let val = match val {
                    Value::Iface(Some(b)) => match &b.1 {
                        Value::Str(s) => s.to_lossy().into_owned(),
                        v => self
                            .method_string(b.0, v)
                            .filter(|_| self.has_method(b.0, "String"))
                            .map_or_else(
                                || "<not Stringer>".to_string(),
                                |s| s.to_lossy().into_owned(),
                            ),
                    },
                    _ => "<nil>".to_string(),
                };
                format!("{parent}.WithValue(type {key_type}, val {val})")
            }
            _ => format!("{parent}{}", st.go_name()),
        })
    }

    fn context_state(&self, p: &Pointer) -> R<&ContextState> {
        match self.heap.sync(p)? {
            SyncState::Context(st) => Ok(st),
            _ => Err(missing("a context").into()),
        }
    }

    /// A new context object.
    fn new_context(&mut self, st: ContextState) -> R<Pointer> {
        let cell = Value::Sync(Box::new(SyncState::Context(Box::new(st))));
        let obj = self.heap.alloc(&self.config, cell, None)?;
        Ok(Pointer::root(obj))
    }

    /// The `context.Context` value of the context at `p` (dynamic type `*context.cancelCtx`).
    fn context_value(&self, p: Pointer) -> Value {
        let named = self.named_type("context", "cancelCtx");
        let ty = self
            .program
            .types
            .find(&TypeKind::Pointer(named))
            .unwrap_or(named);
        Value::Iface(Some(Box::new((ty, Value::Ptr(Some(p))))))
    }

    /// The context a `parent` argument holds; Go panics on a nil parent.
    fn parent_context(&self, v: &Value) -> R<Pointer> {
        match v {
            Value::Iface(None) => {
                Err(RtError::library_panic("cannot create context from nil parent").into())
            }
            Value::Iface(Some(b)) => match &b.1 {
                Value::Ptr(Some(p)) if matches!(self.heap.sync(p), Ok(SyncState::Context(_))) => {
                    Ok(p.clone())
                }
                _ => Err(RtError::library_panic(
                    "racemap does not support a parent context of another type than package context's",
                )
                .into()),
            },
            _ => Err(missing("a context.Context").into()),
        }
    }

    /// `context.Background()`, `context.TODO()`, `context.Canceled`,
    /// `context.DeadlineExceeded`, `strconv.ErrSyntax`, `strconv.ErrRange`: one value per run,
    /// made on first use.
    pub(super) fn lib_var(&mut self, func: LibFunc) -> R<Value> {
        if let Some(v) = self.lib_vars.get(&func) {
            return Ok(v.clone());
        }
        let v = match func {
            LibFunc::ContextBackground | LibFunc::ContextTodo => {
                let kind = if func == LibFunc::ContextTodo {
                    ContextKind::Todo
                } else {
                    ContextKind::Background
                };
                let p = self.new_context(ContextState::new(kind, None))?;
                self.context_value(p)
            }
            LibFunc::ContextCanceled => {
                self.new_error(&GoString::from("context canceled"), Value::Iface(None))?
            }
            LibFunc::StrconvErrSyntax => {
                self.new_error(&GoString::from("invalid syntax"), Value::Iface(None))?
            }
            LibFunc::IoEof => self.new_error(&GoString::from("EOF"), Value::Iface(None))?,
            LibFunc::OsErrNotExist => {
                self.new_error(&GoString::from("file does not exist"), Value::Iface(None))?
            }
            LibFunc::StrconvErrRange => {
                self.new_error(&GoString::from("value out of range"), Value::Iface(None))?
            }
            // `os.Stdout`, `os.Stderr`: an `*os.File` (`struct { fd int }`), one per variable.
            LibFunc::OsStdout | LibFunc::OsStderr => {
                let fd = if func == LibFunc::OsStdout { 1 } else { 2 };
                let cell = Value::Struct(Box::new([Value::Int(fd)]));
                let obj = self.heap.alloc(&self.config, cell, None)?;
                Value::Ptr(Some(Pointer::root(obj)))
            }
            LibFunc::OsArgs => {
                let file = self.program.source_map.file_name.as_str();
                let file = file.rsplit('/').next().unwrap_or(file);
                let name = GoString::from(file.strip_suffix(".go").unwrap_or(file));
                self.string_slice(vec![Value::Str(name)])?
            }
            _ => self.new_error_of(
                self.program.error_types.deadline,
                &GoString::from("context deadline exceeded"),
                Value::Iface(None),
            )?,
        };
        self.lib_vars.insert(func, v.clone());
        Ok(v)
    }

    /// The `CancelFunc` of the context at `p`: `context.WithCancel.func1` bound to it.
    fn cancel_func(&self, p: Pointer) -> R<Value> {
        let name = LibFunc::ContextCancel.go_name();
        let func = self
            .program
            .funcs
            .iter()
            .position(|f| *f.name == *name)
            .ok_or_else(|| missing("context.WithCancel.func1"))?;
        Ok(Value::Func(Some(Rc::new(Closure {
            func: FuncId(func as u32),
            captures: Vec::new(),
            bound: Some(Value::Ptr(Some(p))),
        }))))
    }

    /// Arm the runtime timer that cancels the deadline context at `p` in `d` ns.
    fn arm_context_timer(
        &mut self,
        gid: Gid,
        p: &Pointer,
        d: i64,
        made_by: &'static str,
    ) -> R<Pointer> {
        let (_, t) =
            self.new_timer(gid, made_by, TimerAction::CancelContext(p.clone()), 0, None)?;
        self.arm_timer(gid, &t, d, super::timer::arm_op(d, made_by))?;
        Ok(t)
    }

    /// The type `struct{}`.
    fn empty_struct_type(&self) -> crate::types::TypeId {
        self.program
            .types
            .find(&TypeKind::Struct(Vec::new()))
            .unwrap_or(crate::types::TypeTable::basic(crate::types::Basic::Invalid))
    }
}

/// Go's `c.mu.Lock(); …; c.mu.Unlock()` around a step on the context at `p`.
fn lock_step(p: &Pointer, eff: &mut Vec<Effect>) {
    eff.push(Effect::Acquire(SyncVar::Lock(p.clone())));
    eff.push(Effect::Release(SyncVar::Lock(p.clone())));
}

/// The context a method call's receiver operand points to.
fn context_ptr(args: &[Value]) -> R<Pointer> {
    match args.first() {
        Some(Value::Ptr(Some(p))) => Ok(p.clone()),
        _ => Err(RtError::nil_deref().into()),
    }
}

/// The zero `time.Time`.
fn time_zero() -> Value {
    Value::Struct(Box::new([Value::Int(0)]))
}
