//! Library calls: the local ones (`fmt.Sprintf`, `strconv`, `strings`, `error.Error`) and the
//! visible ones (`fmt.Print*`, `sync`, `sync/atomic`, `time.Sleep`, `sync.Map`'s step
//! machine).

use super::*;
use crate::rt::strings;

/// What `runtime.errorString`'s `Error()` puts before its string (runtime/error.go).
const RUNTIME_ERROR_PREFIX: &[u8] = b"runtime error: ";

/// The CPUs of the machine racemap simulates: `runtime.NumCPU()` and `GOMAXPROCS`'s first
/// setting (Go's runs that checked racemap's corpus used `GOMAXPROCS=2`).
const SIMULATED_CPUS: i64 = 2;

impl Machine {
    /// A non-visible library call: pushes its results.
    pub(super) fn lib_local(&mut self, gid: Gid, func: LibFunc, args: Vec<Value>) -> R<()> {
        let args = self.spread_args(func, args)?;
        let sarg = |i: usize| string_arg(&args, i);
        let results: Vec<Value> = match func {
            LibFunc::FmtSprint => vec![Value::Str(self.sprint(&args, false).into())],
            LibFunc::FmtSprintln => vec![Value::Str(self.sprint(&args, true).into())],
            LibFunc::FmtSprintf => vec![Value::Str(self.sprintf(&args)?.into())],
            LibFunc::FmtErrorf => {
                let (msg, wrapped) = self.errorf(&args)?;
                let msg = GoString::from(msg);
                let wrapped = wrapped
                    .and_then(|i| args.get(i + 1))
                    .cloned()
                    .unwrap_or(Value::Iface(None));
                let ty = match wrapped {
                    Value::Iface(Some(_)) => self.program.error_types.wrap,
                    _ => self.program.error_type,
                };
                vec![self.new_error_of(ty, &msg, wrapped)?]
            }
            LibFunc::ErrorsNew => vec![self.new_error(&sarg(0)?, Value::Iface(None))?],
            LibFunc::RuntimeNumCPU => vec![Value::Int(SIMULATED_CPUS)],
            // `io.Discard`'s writes: every byte accepted, nothing done.
            LibFunc::DiscardWrite => {
                let n = match arg(&args, 1)? {
                    Value::Slice(s) => s.as_ref().map_or(0, |s| s.len),
                    _ => 0,
                };
                vec![Value::Int(i64::from(n)), Value::Iface(None)]
            }
            LibFunc::DiscardWriteString => {
                vec![Value::Int(sarg(1)?.len() as i64), Value::Iface(None)]
            }
            f if super::math::is_math(f) => super::math::math_call(f, &args)?,
            LibFunc::TimeSub
            | LibFunc::TimeIsZero
            | LibFunc::TimeBefore
            | LibFunc::TimeAfterMethod
            | LibFunc::TimeEqual
            | LibFunc::TimeAdd => vec![super::timer::time_method(func, &args)?],
            LibFunc::DurationString
            | LibFunc::DurationSeconds
            | LibFunc::DurationMinutes
            | LibFunc::DurationHours
            | LibFunc::DurationMilliseconds
            | LibFunc::DurationMicroseconds
            | LibFunc::DurationNanoseconds => {
                vec![super::timer::duration_method(func, int(arg(&args, 0)?)?)]
            }
            LibFunc::TimeParseDuration => {
                match crate::rt::parse_duration::parse_duration(sarg(0)?.as_bytes()) {
                    Ok(d) => vec![Value::Int(d), Value::Iface(None)],
                    Err(msg) => {
                        let err =
                            self.new_error(&GoString::from_bytes(&msg), Value::Iface(None))?;
                        vec![Value::Int(0), err]
                    }
                }
            }
            LibFunc::DurationRound | LibFunc::DurationTruncate | LibFunc::DurationAbs => {
                let m = args.get(1).map(int).transpose()?.unwrap_or(0);
                vec![Value::Int(super::timer::duration_rounded(
                    func,
                    int(arg(&args, 0)?)?,
                    m,
                ))]
            }
            LibFunc::ContextBackground
            | LibFunc::ContextTodo
            | LibFunc::ContextCanceled
            | LibFunc::ContextDeadlineExceeded
            | LibFunc::ContextWithValue
            | LibFunc::ContextValue
            | LibFunc::ContextDeadline => self.context_local(func, &args)?,
            LibFunc::NumErrorError | LibFunc::NumErrorUnwrap => {
                let fields = match arg(&args, 0)? {
                    Value::Ptr(Some(p)) => match self.heap.load(p)? {
                        Value::Struct(fields) => fields,
                        other => return Err(wrong_kind("a strconv.NumError", &other)),
                    },
                    _ => return Err(RtError::nil_deref().into()),
                };
                if func == LibFunc::NumErrorError {
                    vec![self.num_error_message(&fields)?]
                } else {
                    vec![fields.get(2).cloned().unwrap_or(Value::Iface(None))]
                }
            }
            f if super::range_table::is_range_table(f) => vec![self.range_table_var(f)?],
            LibFunc::StrconvErrSyntax
            | LibFunc::IoEof
            | LibFunc::OsErrNotExist
            | LibFunc::StrconvErrRange
            | LibFunc::OsStdout
            | LibFunc::OsStderr
            | LibFunc::OsArgs => vec![self.lib_var(func)?],
            LibFunc::ErrorsUnwrap => vec![self.unwrap_error(arg(&args, 0)?)?],
            LibFunc::ErrorsIs => {
                let target = arg(&args, 1)?.clone();
                let mut err = arg(&args, 0)?.clone();
                // Go: `err == target`, then each wrapped error in turn, until nil; a nil target
                // is only ever `err` itself.
                let nil = Value::Iface(None);
                let found = loop {
                    if target == nil {
                        break err == nil;
                    }
                    if err == target {
                        break true;
                    }
                    if err == nil {
                        break false;
                    }
                    err = self.unwrap_error(&err)?;
                };
                vec![Value::Bool(found)]
            }
            LibFunc::StrconvItoa => vec![Value::str(&int(arg(&args, 0)?)?.to_string())],
            // `racemap test` runs tests as `go test` without `-short`; a program that is not a
            // test never parsed testing's flags.
            LibFunc::TestingShort => {
                if !self.program.runs_test() {
                    return Err(RtError::library_panic("testing: Short called before Init").into());
                }
                vec![Value::Bool(false)]
            }
            LibFunc::TestingVerbose => {
                let Some(binary) = &self.program.test_binary else {
                    return Err(
                        RtError::library_panic("testing: Verbose called before Init").into(),
                    );
                };
                vec![Value::Bool(binary.chatty)]
            }
            LibFunc::StrconvAtoi => {
                let s = sarg(0)?;
                use crate::rt::parse_int::NumError;
                let (i, why) = match strings::atoi(s.as_bytes()) {
                    Ok(i) => (i, None),
                    Err(strings::AtoiError::Syntax) => (0, Some(NumError::Syntax)),
                    Err(strings::AtoiError::Range(i)) => (i, Some(NumError::Range)),
                };
                let err = match why {
                    None => Value::Iface(None),
                    Some(why) => self.num_error(&why, "Atoi", &s)?,
                };
                vec![Value::Int(i), err]
            }
            LibFunc::StringsContains => {
                let found = strings::index(sarg(0)?.as_bytes(), sarg(1)?.as_bytes()).is_some();
                vec![Value::Bool(found)]
            }
            LibFunc::StringsHasPrefix => {
                vec![Value::Bool(
                    sarg(0)?.as_bytes().starts_with(sarg(1)?.as_bytes()),
                )]
            }
            LibFunc::StringsHasSuffix => {
                vec![Value::Bool(
                    sarg(0)?.as_bytes().ends_with(sarg(1)?.as_bytes()),
                )]
            }
            LibFunc::LogNew => vec![self.log_new(&args)?],
            LibFunc::LogDefault => vec![self.log_default(&args)?],
            LibFunc::LogOutputLine => self.log_output_line(gid, &args)?,
            LibFunc::StringsNewReplacer => {
                if args.len() % 2 == 1 {
                    let msg = "strings.NewReplacer: odd argument count";
                    return Err(RtError::library_panic(msg).into());
                }
                let oldnew = self.string_slice(args.clone())?;
                let cell = Value::Struct(Box::new([oldnew]));
                let obj = self.heap.alloc(&self.config, cell, None)?;
                vec![Value::Ptr(Some(Pointer::root(obj)))]
            }
            LibFunc::ReplacerReplace => {
                let pairs = match arg(&args, 0)? {
                    Value::Ptr(Some(p)) => self.heap.load(&p.child(0))?,
                    _ => return Err(RtError::nil_deref().into()),
                };
                let mut oldnew = Vec::new();
                for v in self.elements_of(&pairs)? {
                    oldnew.push(str_of(&v)?.as_bytes().to_vec());
                }
                let s = string_arg(&args, 1)?;
                let out = crate::rt::strings_replace::replace(&oldnew, s.as_bytes());
                vec![Value::Str(GoString::from_bytes(&out))]
            }
            LibFunc::StringsRepeat => {
                let n = int(arg(&args, 1)?)?;
                let s = sarg(0)?;
                if n < 0 {
                    return Err(RtError::Panic {
                        message: "strings: negative Repeat count".into(),
                        value: Value::str("strings: negative Repeat count"),
                        signal: false,
                        runtime_error: false,
                    }
                    .into());
                }
                self.heap
                    .reserve(&self.config, (s.len() as u64).saturating_mul(n as u64) / 64)?;
                vec![Value::Str(s.as_bytes().repeat(n as usize).into())]
            }
            LibFunc::StringsToUpper => {
                vec![Value::Str(
                    strings::map_case(sarg(0)?.as_bytes(), true).into(),
                )]
            }
            LibFunc::StringsToLower => {
                vec![Value::Str(
                    strings::map_case(sarg(0)?.as_bytes(), false).into(),
                )]
            }
            LibFunc::StringsJoin => {
                let elems = self.elements_of(arg(&args, 0)?)?;
                let parts: Vec<&[u8]> = elems
                    .iter()
                    .map(|v| Ok(str_of(v)?.as_bytes()))
                    .collect::<R<_>>()?;
                vec![Value::Str(
                    strings::join(&parts, sarg(1)?.as_bytes()).into(),
                )]
            }
            LibFunc::StringsSplit => {
                let (s, sep) = (sarg(0)?, sarg(1)?);
                let parts: Vec<Value> = strings::split(s.as_bytes(), sep.as_bytes())
                    .into_iter()
                    .map(|p| Value::Str(p.into()))
                    .collect();
                let n = parts.len();
                let sl = self.new_slice(parts, n, crate::types::TypeTable::basic(Basic::String))?;
                vec![Value::Slice(Some(sl))]
            }
            LibFunc::RuntimeGoexit => {
                self.start_goexit(gid);
                Vec::new()
            }
            LibFunc::TestingStart => {
                let p = match arg(&args, 0)? {
                    Value::Ptr(Some(p)) => p.clone(),
                    other => return Err(wrong_kind("a *testing.T", other)),
                };
                let name = sarg(1)?;
                let chatty = self.program.test_binary.as_ref().is_none_or(|b| b.chatty);
                let SyncState::TestingT(t) = self.heap.sync_mut(&p)? else {
                    return Err(wrong_kind("a testing.T", &args[0]));
                };
                t.name = name.to_lossy().into_owned();
                t.chatty = chatty;
                Vec::new()
            }
            LibFunc::TestingMatch => {
                let i = int(arg(&args, 0)?)?;
                let selected = self.program.test_binary.as_ref().is_some_and(|b| {
                    u32::try_from(i).is_ok_and(|i| b.selected.binary_search(&i).is_ok())
                });
                vec![Value::Bool(selected)]
            }
            LibFunc::SyncNewCond => {
                // `&Cond{L: l}`: the Locker and a fresh notify list.
                let l = arg(&args, 0)?.clone();
                let notify = Value::Sync(Box::new(SyncState::zero(
                    crate::types::SyncKind::CondNotify,
                )));
                let cell = Value::Struct(Box::new([l, notify]));
                let obj = self.heap.alloc(&self.config, cell, None)?;
                vec![Value::Ptr(Some(Pointer::root(obj)))]
            }
            LibFunc::ErrorError => match args.first() {
                Some(Value::Iface(Some(b))) if self.program.is_lib_error(b.0) => {
                    vec![self.error_parts(&args[0])?.0]
                }
                Some(Value::Iface(Some(b))) => {
                    vec![Value::Str(self.format_bytes(b.0, &b.1).into())]
                }
                _ => return Err(RtError::nil_deref().into()),
            },
            other => match self.lib_text(other, &args)? {
                Some(results) => results,
                None if other == LibFunc::RandNew || other == LibFunc::RandNewSource => {
                    self.lib_rand_local(other, &args)?.unwrap_or_default()
                }
                None => {
                    let msg = format!("no local semantics for {}", other.go_name());
                    return Err(InternalError::new(msg).into());
                }
            },
        };
        if let Some(f) = self.g(gid).frames.last_mut() {
            f.stack.extend(results);
        }
        Ok(())
    }

    /// A new library error value (`*errors.errorString`) with message `msg`, wrapping
    /// `wrapped` (nil for none).
    pub(super) fn new_error(&mut self, msg: &GoString, wrapped: Value) -> R<Value> {
        self.new_error_of(self.program.error_type, msg, wrapped)
    }

    /// A new library error value of dynamic type `ty` (one of [`Program::is_lib_error`]'s),
    /// in its type's representation ([`crate::bytecode::ErrorTypes`]): a value for the
    /// runtime's value types and `context.deadlineExceededError`, else a new cell.
    pub(super) fn new_error_of(&mut self, ty: TypeId, msg: &GoString, wrapped: Value) -> R<Value> {
        let types = &self.program.error_types;
        let value = if ty == self.program.error_type {
            None
        } else if ty == types.plain || ty == types.bounds {
            Some(Value::Str(msg.clone()))
        } else if ty == types.runtime_string {
            let m = msg.as_bytes();
            let m = m.strip_prefix(RUNTIME_ERROR_PREFIX).unwrap_or(m);
            Some(Value::Str(GoString::from_bytes(m)))
        } else if ty == types.deadline {
            Some(Value::Struct(Box::new([])))
        } else {
            None
        };
        if let Some(v) = value {
            return Ok(Value::Iface(Some(Box::new((ty, v)))));
        }
        let cell = Value::Struct(Box::new([Value::Str(msg.clone()), wrapped]));
        let obj = self.heap.alloc(&self.config, cell, None)?;
        let ptr = Value::Ptr(Some(Pointer::root(obj)));
        Ok(Value::Iface(Some(Box::new((ty, ptr)))))
    }

    /// `errors.Unwrap(err)`: the wrapped error of a library error, the result of a user
    /// type's `Unwrap() error` method (run on a scratch copy of the machine, as fmt runs
    /// `String()`), else nil.
    pub(super) fn unwrap_error(&self, err: &Value) -> R<Value> {
        let nil = Value::Iface(None);
        let Value::Iface(Some(b)) = err else {
            return Ok(nil);
        };
        if self.program.is_lib_error(b.0) {
            return Ok(self.error_parts(err)?.1);
        }
        if !self.has_method(b.0, "Unwrap") {
            return Ok(nil);
        }
        let super::dispatch::Dispatch::Func(func, recv) =
            self.dispatch(b.0, b.1.clone(), "Unwrap")?
        else {
            return Ok(nil);
        };
        let mut scratch = self.clone();
        Ok(match scratch.call_sync(func, vec![recv]) {
            Some(mut out) if matches!(out.first(), Some(Value::Iface(_))) => out.swap_remove(0),
            _ => nil,
        })
    }

    /// `errors.As(err, target)`: walks `err`'s chain (`unwrap_error`) for the first error whose
    /// dynamic type is `*target`'s type (or implements it, for an interface), and stores it
    /// into `*target` (a write event). Panics as Go's `errors.As` for a nil or non-pointer
    /// target and for a `*target` that is neither an interface nor an error type.
    fn errors_as(&mut self, gid: Gid, err: Value, target: &Value) -> R<bool> {
        let not_pointer = || RtError::library_panic("errors: target must be a non-nil pointer");
        let Value::Iface(Some(b)) = target else {
            return Err(not_pointer().into());
        };
        let types = &self.program.types;
        let (TypeKind::Pointer(elem), Value::Ptr(Some(p))) = (types.kind(b.0), &b.1) else {
            return Err(not_pointer().into());
        };
        let (elem, p) = (*elem, p.clone());
        let to_iface = matches!(types.under(elem), TypeKind::Interface(_));
        if !to_iface && !self.has_method(elem, "Error") {
            return Err(RtError::library_panic(
                "errors: *target must be interface or implement error",
            )
            .into());
        }
        let mut e = err;
        loop {
            let Value::Iface(Some(b)) = &e else {
                return Ok(false);
            };
            let value = if to_iface && self.type_matches(b.0, elem) {
                Some(e.clone())
            } else if b.0 == elem {
                Some(b.1.clone())
            } else {
                None
            };
            if let Some(value) = value {
                let mut eff = Vec::new();
                self.leaf_locs(&p, &value, true, &mut eff);
                self.heap.store(&p, value.clone())?;
                self.emit(gid, Op::Store { ptr: p, value }, eff);
                return Ok(true);
            }
            e = self.unwrap_error(&e)?;
        }
    }

    /// The message (a `Value::Str`) and the wrapped error (nil for none) of a library error;
    /// a nil error is Go's nil pointer dereference.
    pub(super) fn error_parts(&self, err: &Value) -> R<(Value, Value)> {
        let Value::Iface(Some(b)) = err else {
            return Err(RtError::nil_deref().into());
        };
        let nil = || Value::Iface(None);
        let types = &self.program.error_types;
        // Hand-assembled programs may give every error type one id: `error_type`'s is a cell.
        let value_type = b.0 != self.program.error_type;
        match &b.1 {
            Value::Str(m) if value_type && b.0 == types.runtime_string => {
                let mut full = RUNTIME_ERROR_PREFIX.to_vec();
                full.extend_from_slice(m.as_bytes());
                Ok((Value::Str(GoString::from_bytes(&full)), nil()))
            }
            Value::Str(m) if value_type => Ok((Value::Str(m.clone()), nil())),
            Value::Struct(fields) if value_type && fields.is_empty() => {
                Ok((Value::str("context deadline exceeded"), nil()))
            }
            Value::Ptr(Some(p)) => match self.heap.load(p)? {
                Value::Struct(fields) if b.0 == types.num && fields.len() == 3 => {
                    Ok((self.num_error_message(&fields)?, fields[2].clone()))
                }
                Value::Struct(fields) if fields.len() == 2 => {
                    Ok((fields[0].clone(), fields[1].clone()))
                }
                other => Err(wrong_kind("an error cell", &other)),
            },
            other => Err(wrong_kind("an error value", other)),
        }
    }

    /// `sync/atomic` operations on plain integer variables and on the typed atomics
    /// (`atomic.Int32`, `Int64`, `Uint32`, `Uint64`, `Bool`); arithmetic wraps at the operand's
    /// width (a `uint64` is its `i64` bit pattern).
    pub(super) fn atomic(
        &mut self,
        gid: Gid,
        func: LibFunc,
        p: Pointer,
        args: &[Value],
        exclusive: bool,
    ) -> R<Vec<Value>> {
        use crate::library::AtomicOpKind;
        let a1 = || arg(args, 1);
        let a2 = || arg(args, 2);
        let (Some(op), Some(basic)) = (func.atomic_op(), func.atomic_basic()) else {
            return Err(wrong_kind("an atomic operation", &Value::Unit));
        };
        let slot = self.heap.get_mut(&p)?;
        let old = match slot {
            Value::Int(i) => Value::Int(*i),
            Value::Sync(s) => match &**s {
                SyncState::AtomicInt(i) => Value::Int(*i),
                SyncState::AtomicBool(b) => Value::Bool(*b),
                // `atomic.Pointer[T]`'s word.
                SyncState::AtomicValue(v @ Value::Ptr(_)) => v.clone(),
                _ => return Err(wrong_kind("an atomic value", slot)),
            },
            _ => return Err(wrong_kind("an atomic value", slot)),
        };
        let (new, result): (Option<Value>, Option<Value>) = match op {
            AtomicOpKind::Add => {
                let n = Value::Int(wrap(int(&old)?.wrapping_add(int(a1()?)?), basic));
                (Some(n.clone()), Some(n))
            }
            AtomicOpKind::Load => (None, Some(old.clone())),
            AtomicOpKind::Store => (Some(a1()?.clone()), None),
            AtomicOpKind::Swap => (Some(a1()?.clone()), Some(old.clone())),
            AtomicOpKind::CompareAndSwap => {
                if old == *a1()? {
                    (Some(a2()?.clone()), Some(Value::Bool(true)))
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
                    SyncState::AtomicValue(v) => *v = n.clone(),
                    _ => {} // other kinds returned an internal error above
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
                exclusive,
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

    /// A visible library call. Returns whether the op completed (false: parked on a next part).
    pub(super) fn lib_visible(
        &mut self,
        gid: Gid,
        func: LibFunc,
        args: Vec<Value>,
        push_results: bool,
        exclusive: bool,
        alt: u32,
    ) -> R<bool> {
        let args = self.spread_args(func, args)?;
        let ptr = || match args.first() {
            Some(Value::Ptr(Some(p))) => Ok(p.clone()),
            _ => Err(Fault::Rt(RtError::nil_deref())),
        };
        let mut results: Vec<Value> = Vec::new();
        match func {
            LibFunc::OsExit => {
                // Go's `os.Exit`: `exit(code)` at once; with code 0 the race detector still
                // fails a racy program (run.rs: exit status 66), as `runtime_beforeExit` does.
                let code = int(arg(&args, 0)?)? as i32;
                self.emit(
                    gid,
                    Op::Runtime {
                        call: "os.Exit",
                        arg: None,
                        result: Some(i64::from(code)),
                    },
                    Vec::new(),
                );
                self.g(gid).next = None;
                self.status = if code == 0 {
                    Status::Exited
                } else {
                    Status::Failed(crate::rt::error::RunError {
                        error: RtError::Exit { code },
                        gid,
                        previous: Vec::new(),
                        goroutines: Vec::new(),
                    })
                };
                return Ok(true);
            }
            LibFunc::FmtFprintlnFile
            | LibFunc::FmtFprintFile
            | LibFunc::FmtFprintfFile
            | LibFunc::FmtPrintln
            | LibFunc::FmtPrint
            | LibFunc::FmtPrintf
            | LibFunc::FileWrite
            | LibFunc::FileWriteString => return self.fmt_print(gid, func, &args, push_results),
            LibFunc::MutexLock | LibFunc::MutexUnlock | LibFunc::MutexTryLock => {
                let p = ptr()?;
                let at = self.next_arrival();
                let (eff, kind, ok) = match self.heap.sync_mut(&p)? {
                    SyncState::Mutex(s) => match func {
                        LibFunc::MutexLock => (s.lock(gid, &p)?, LockOp::Lock, true),
                        LibFunc::MutexUnlock => (s.unlock(&p, at)?, LockOp::Unlock, true),
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
                let at = self.next_arrival();
                let (eff, kind, ok) = match self.heap.sync_mut(&p)? {
                    SyncState::RwMutex(s) => match func {
                        LibFunc::RwMutexUnlock => (s.unlock(&p, at)?, LockOp::Unlock, true),
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
                let (outcome, counter) = match self.heap.sync_mut(&p)? {
                    SyncState::WaitGroup(s) => (s.add(delta, &p), s.counter),
                    _ => return Err(RtError::nil_deref().into()),
                };
                let negative = outcome.panic.is_some() && counter < 0;
                if !negative {
                    let op = Op::WaitGroupAdd {
                        wg: p.clone(),
                        delta,
                        counter,
                    };
                    self.emit(gid, op, outcome.effects);
                }
                if let Some(panic) = outcome.panic {
                    return Err(panic.into());
                }
                if let Some(waiters) = outcome.wake {
                    let span = self.goroutines[gid.0 as usize].next_span;
                    self.park(gid, Visible::WaitGroupWake { wg: p, waiters }, Some(span));
                    return Ok(false);
                }
            }
            LibFunc::WaitGroupWait => {
                let p = ptr()?;
                let start = match self.heap.sync_mut(&p)? {
                    SyncState::WaitGroup(s) => s.wait(&p),
                    _ => return Err(RtError::nil_deref().into()),
                };
                match start {
                    crate::rt::waitgroup::WaitStart::Return(eff) => {
                        self.emit(gid, Op::WaitGroupWait { wg: p }, eff);
                    }
                    crate::rt::waitgroup::WaitStart::Registered(eff) => {
                        self.emit(gid, Op::WaitGroupBlock { wg: p.clone() }, eff);
                        let span = self.goroutines[gid.0 as usize].next_span;
                        self.park(gid, Visible::WaitGroupSemacquire(p), Some(span));
                        return Ok(false);
                    }
                }
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
                let now = self.clock;
                let g = self.g(gid);
                g.status = GoStatus::Sleeping(until);
                g.slept_at = now;
                g.next = Some(Visible::Wake);
                return Ok(false);
            }
            LibFunc::AtomicValueLoad
            | LibFunc::AtomicValueStore
            | LibFunc::AtomicValueSwap
            | LibFunc::AtomicValueCompareAndSwap => {
                let p = ptr()?;
                results = self.atomic_value(gid, func, p, &args)?;
            }
            f if f.atomic_op().is_some() => {
                let p = ptr()?;
                results = self.atomic(gid, func, p, &args, exclusive)?;
            }
            LibFunc::ErrorsAs => {
                let found = self.errors_as(gid, arg(&args, 0)?.clone(), arg(&args, 1)?)?;
                results.push(Value::Bool(found));
            }
            LibFunc::NotifyListAdd
            | LibFunc::NotifyListWait
            | LibFunc::CondSignal
            | LibFunc::CondBroadcast => {
                let p = ptr()?;
                let SyncState::CondNotify(s) = self.heap.sync_mut(&p)? else {
                    return Err(RtError::nil_deref().into());
                };
                let kind = match func {
                    LibFunc::NotifyListAdd => {
                        let ticket = s.add();
                        results.push(Value::Int(ticket as i64));
                        CondOp::Enqueue { ticket }
                    }
                    LibFunc::NotifyListWait => {
                        let ticket = int(arg(&args, 1)?)? as u64;
                        s.wait(ticket)?;
                        CondOp::Woken { ticket }
                    }
                    LibFunc::CondSignal => CondOp::Signal { woke: s.signal() },
                    _ => CondOp::Broadcast {
                        woke: s.broadcast(),
                    },
                };
                self.emit(gid, Op::Cond { cond: p, kind }, Vec::new());
            }
            f if super::env::is_env_call(f) => {
                results = self.env_call(gid, func, &args)?;
            }
            f if super::testing::is_testing_method(f) => {
                let p = ptr()?;
                results = self.testing_method(gid, func, p, &args)?;
            }
            LibFunc::TestingQuiesce => {}
            LibFunc::TestingRunResult => {
                // `m.Run()`'s end: `FAIL` when the root test failed or the race detector
                // reported a race (Go's `race.Errors() > 0`), else `PASS` (-v).
                let root = self.sync_objects().into_iter().find_map(|(_, s)| match s {
                    SyncState::TestingT(t) if t.parent.is_none() => Some((t.failed, t.chatty)),
                    _ => None,
                });
                let (failed, chatty) = root.unwrap_or((false, false));
                let failed = failed || self.races_reported > 0;
                let text = match (failed, chatty) {
                    (true, _) => "FAIL\n",
                    (false, true) => "PASS\n",
                    (false, false) => "",
                };
                self.print_stdout(gid, text.to_string(), Vec::new());
                results.push(Value::Int(i64::from(failed)));
            }
            LibFunc::TestingExampleStart | LibFunc::TestingExampleEnd => {
                results = self.testing_example(gid, func, &args)?;
            }
            LibFunc::TestingSubStart
            | LibFunc::TestingParallelPause
            | LibFunc::TestingParallelResume
            | LibFunc::TestingReleaseSubs
            | LibFunc::TestingWaitSubs
            | LibFunc::TestingSubWait
            | LibFunc::TestingPopCleanup
            | LibFunc::TestingEnd => {
                results = self.testing_runtime(gid, func, &args)?;
            }
            LibFunc::TimeNow
            | LibFunc::TimeSince
            | LibFunc::TimeUntil
            | LibFunc::TimeAfter
            | LibFunc::TimeTick
            | LibFunc::TimeNewTimer
            | LibFunc::TimeNewTicker
            | LibFunc::TimeAfterFunc
            | LibFunc::TimerStop
            | LibFunc::TimerReset
            | LibFunc::TickerStop
            | LibFunc::TickerReset => {
                results = self.time_call(gid, func, &args)?;
            }
            LibFunc::ContextWithCancel
            | LibFunc::ContextWithTimeout
            | LibFunc::ContextWithDeadline
            | LibFunc::ContextDone
            | LibFunc::ContextErr
            | LibFunc::ContextCancel => {
                results = self.context_call(gid, func, &args)?;
            }
            LibFunc::RuntimeGosched => {
                self.emit(
                    gid,
                    Op::Runtime {
                        call: "Gosched",
                        arg: None,
                        result: None,
                    },
                    Vec::new(),
                );
            }
            LibFunc::RuntimeNumGoroutine => {
                let n = self
                    .goroutines
                    .iter()
                    .filter(|g| g.status != GoStatus::Done && !g.runtime)
                    .count() as i64;
                results.push(Value::Int(n));
                self.emit(
                    gid,
                    Op::Runtime {
                        call: "NumGoroutine",
                        arg: None,
                        result: Some(n),
                    },
                    Vec::new(),
                );
            }
            LibFunc::RuntimeGomaxprocs => {
                // The setting lives beside the library's other package values (part of the
                // state the explorer keys), absent until a call sets it.
                let n = int(arg(&args, 0)?)?;
                let was = match self.lib_vars.get(&func) {
                    Some(Value::Int(v)) => *v,
                    _ => SIMULATED_CPUS,
                };
                if n >= 1 {
                    self.lib_vars.insert(func, Value::Int(n));
                }
                results.push(Value::Int(was));
                self.emit(
                    gid,
                    Op::Runtime {
                        call: "GOMAXPROCS",
                        arg: Some(n),
                        result: Some(was),
                    },
                    Vec::new(),
                );
            }
            f if super::log::is_log(f) => match self.log_call(gid, func, &args, push_results)? {
                super::log::LogOutcome::Results(r) => results = r,
                // A print: the write goes on under os.Stderr's lock (`Fatal*` exits and
                // `Panic*` panics after its unlock), or in the compiled `Output`.
                super::log::LogOutcome::Parked | super::log::LogOutcome::Called => {
                    return Ok(false)
                }
            },
            LibFunc::FmtFprintBuilder
            | LibFunc::FmtFprintlnBuilder
            | LibFunc::FmtFprintfBuilder
            | LibFunc::FmtFprintBuffer
            | LibFunc::FmtFprintlnBuffer
            | LibFunc::FmtFprintfBuffer => {
                let part = if builder::is_fprint_builder(func) {
                    self.fprint_builder(gid, func, &args)?
                } else {
                    self.fprint_buffer(gid, func, &args)?
                };
                match self.builder_part(gid, part, push_results) {
                    Some(r) => results = r,
                    None => return Ok(false),
                }
            }
            f if buffer::is_buffer(f) || builder::is_builder(f) => {
                let p = ptr()?;
                let part = if builder::is_builder(f) {
                    self.builder_call(gid, func, p, &args)?
                } else {
                    self.buffer_call(gid, func, p, &args)?
                };
                match self.builder_part(gid, part, push_results) {
                    Some(r) => results = r,
                    None => return Ok(false),
                }
            }
            LibFunc::BuilderAppend => results = self.builder_append(gid, &args)?,
            LibFunc::BufferCopy => results = self.buffer_copy(gid, &args)?,
            f if rand::is_rand(f) => {
                let p = ptr()?;
                results = self.rand_call(gid, func, p, &args)?;
            }
            f if crate::rt::sync_map::is_sync_map_method(f) => {
                return self.sync_map_call(gid, func, &args, push_results, alt);
            }
            LibFunc::PoolGet | LibFunc::PoolPut => {
                return self.pool_call(gid, func, &args, push_results, alt);
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
    /// first step (`Swap` and `CompareAndSwap` decide atomically inside their steps, as Go's).
    pub(super) fn sync_map_call(
        &mut self,
        gid: Gid,
        func: LibFunc,
        args: &[Value],
        push_results: bool,
        alt: u32,
    ) -> R<bool> {
        use crate::rt::sync_map::{SyncMapCall, SyncMapOp};
        let p = match args.first() {
            Some(Value::Ptr(Some(p))) => p.clone(),
            _ => return Err(RtError::nil_deref().into()),
        };
        let key = arg(args, 1)?.clone();
        let val = || arg(args, 2).cloned();
        let mut range_f = None;
        let call = match func {
            LibFunc::SyncMapLoad => SyncMapCall::Load { key },
            LibFunc::SyncMapStore => SyncMapCall::Store { key, value: val()? },
            LibFunc::SyncMapLoadOrStore => SyncMapCall::LoadOrStore { key, value: val()? },
            LibFunc::SyncMapLoadAndDelete => SyncMapCall::LoadAndDelete { key },
            LibFunc::SyncMapDelete => SyncMapCall::Delete { key },
            LibFunc::SyncMapSwap => SyncMapCall::Swap { key, value: val()? },
            LibFunc::SyncMapCompareAndSwap => SyncMapCall::CompareAndSwap {
                key,
                old: val()?,
                new: arg(args, 3)?.clone(),
            },
            _ => {
                range_f = Some(key);
                SyncMapCall::Range
            }
        };
        let mut op = SyncMapOp::new(call, &self.program.types)?;
        op.range_start = alt;
        let inflight = SyncMapInFlight {
            ptr: p,
            op,
            push_results,
            range_f,
        };
        self.sync_map_step(gid, inflight)
    }

    /// One step of an in-flight `sync.Map` call. Returns whether the call completed.
    pub(crate) fn sync_map_step(&mut self, gid: Gid, mut inflight: SyncMapInFlight) -> R<bool> {
        use crate::rt::sync_map::SyncMapOutcome;
        let p = inflight.ptr.clone();
        // The copy's state, with what it shares with other copies filled in from its store
        // (made by the map's first step), then written back (`rt::sync_map::store`).
        let mut state = match self.heap.sync_mut(&p)? {
            SyncState::Map(s) => std::mem::take(s),
            _ => return Err(RtError::nil_deref().into()),
        };
        let store = match state.store {
            Some(i) => i as usize,
            None => {
                self.heap
                    .sync_maps
                    .push(Rc::new(crate::rt::sync_map::SyncMapStore {
                        owner: Some(p.clone()),
                        ..Default::default()
                    }));
                state.store = Some(self.heap.sync_maps.len() as u32 - 1);
                self.heap.sync_maps.len() - 1
            }
        };
        // The locked part ends with `mu`'s unlock: an arrival, as a `sync.Mutex`'s `Unlock`.
        let at = if inflight.op.phase == crate::rt::sync_map::Phase::Slow {
            self.next_arrival()
        } else {
            crate::rt::goroutine::Arrival::default()
        };
        let Some(shared) = self.heap.sync_maps.get_mut(store) else {
            return Err(missing("the store of a sync.Map").into());
        };
        shared.fill(&mut state);
        state.entry_owner = shared.owner.clone();
        let step = state.step_at(gid, &p, &mut inflight.op, at);
        state.entry_owner = None;
        Rc::make_mut(shared).write_back(&mut state);
        if let SyncState::Map(s) = self.heap.sync_mut(&p)? {
            *s = state;
        }
        let step = step?;
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
}
