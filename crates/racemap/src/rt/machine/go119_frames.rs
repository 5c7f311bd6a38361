//! The runtime and `sync` frames Go 1.19's goroutine dumps show above the user's frames of a
//! goroutine blocked in the `sync` package or asleep, as a race build (`go run -race`) prints
//! them (checked with Go 1.19.8: the functions, lines and offsets; addresses are racemap's
//! fake ones, and Go's file paths are an official install's, `/usr/local/go/src/...`). Go 1.19
//! labels every such `sync` wait `[semacquire]` (Go 1.20 and later print
//! `[sync.Mutex.Lock]` and the like); `time.Sleep` is `[sleep]`.

use super::*;

/// Where Go's own sources live in the dumps racemap prints.
const GOROOT_SRC: &str = "/usr/local/go/src";

fn frame(name: &str, args: String, file: &str, line: u32, offset: u32) -> DumpFrame {
    DumpFrame {
        name: name.to_string(),
        args,
        file: format!("{GOROOT_SRC}/{file}"),
        line,
        offset,
    }
}

/// The fake address of a sync object, as frame arguments print it.
fn addr(p: &Pointer) -> u64 {
    0xc000010000 + u64::from(p.obj.0) * 0x100 + u64::from(p.path.last().copied().unwrap_or(0)) * 8
}

/// `sync.runtime_SemacquireMutex(args)`, where every mutex-like wait parks.
fn semacquire_mutex(args: &str) -> DumpFrame {
    frame(
        "sync.runtime_SemacquireMutex",
        args.to_string(),
        "runtime/sema.go",
        77,
        0x25,
    )
}

/// `sync.runtime_SemacquireMutex` → `sync.(*Mutex).lockSlow` → `sync.(*Mutex).Lock` on the
/// mutex at `m`.
fn mutex_lock_frames(m: u64) -> Vec<DumpFrame> {
    vec![
        semacquire_mutex("0x0?, 0x0?, 0x0?"),
        frame(
            "sync.(*Mutex).lockSlow",
            format!("{m:#x}"),
            "sync/mutex.go",
            171,
            0x225,
        ),
        frame(
            "sync.(*Mutex).Lock",
            format!("{m:#x}"),
            "sync/mutex.go",
            90,
            0x65,
        ),
    ]
}

/// `sync.runtime_notifyListWait` → `sync.(*Cond).Wait` of a goroutine parked in `Wait` on the
/// notify list `args[0]` (the Cond's field 1) with ticket `args[1]`.
fn cond_wait_frames(args: &[Value]) -> Option<Vec<DumpFrame>> {
    let Some(Value::Ptr(Some(notify))) = args.first() else {
        return None;
    };
    let ticket = args.get(1).and_then(Value::as_int).unwrap_or(0);
    let cond = Pointer {
        obj: notify.obj,
        path: notify.path[..notify.path.len().saturating_sub(1)].into(),
    };
    Some(vec![
        frame(
            "sync.runtime_notifyListWait",
            format!("{:#x}, {ticket:#x}", addr(notify)),
            "runtime/sema.go",
            517,
            0x14c,
        ),
        frame(
            "sync.(*Cond).Wait",
            format!("{:#x}?", addr(&cond)),
            "sync/cond.go",
            70,
            0x8c,
        ),
    ])
}

impl Machine {
    /// The state label and the runtime/`sync` frames (innermost first) of goroutine `gid`'s
    /// dump when it is blocked at `v` (or asleep), as Go 1.19 prints them; `None` when the
    /// goroutine is in neither situation.
    pub(super) fn go119_wait(
        &self,
        gid: Gid,
        v: Option<&Visible>,
    ) -> Option<(String, Vec<DumpFrame>)> {
        let g = &self.goroutines[gid.0 as usize];
        if let GoStatus::Sleeping(until) = g.status {
            let ns = (until - self.clock).max(0) as u64;
            let f = frame(
                "time.Sleep",
                format!("{ns:#x}"),
                "runtime/time.go",
                195,
                0x135,
            );
            return Some(("sleep".into(), vec![f]));
        }
        let v = v?;
        if !self.is_blocked(gid) {
            return None;
        }
        if let Visible::Lib {
            func: LibFunc::NotifyListWait,
            args,
            ..
        } = v
        {
            return Some(("sync.Cond.Wait".into(), cond_wait_frames(args)?));
        }
        let first_ptr = |args: &[Value]| match args.first() {
            Some(Value::Ptr(Some(p))) => Some(addr(p)),
            _ => None,
        };
        let frames = match v {
            Visible::Lib { func, args, .. } => {
                let a = first_ptr(args)?;
                match func {
                    LibFunc::MutexLock => mutex_lock_frames(a),
                    LibFunc::RwMutexLock => {
                        let mut f = mutex_lock_frames(a);
                        f.push(frame(
                            "sync.(*RWMutex).Lock",
                            format!("{a:#x}"),
                            "sync/rwmutex.go",
                            147,
                            0x3e,
                        ));
                        f
                    }
                    LibFunc::RwMutexRLock => vec![
                        semacquire_mutex("0x0?, 0x0?, 0x0?"),
                        frame(
                            "sync.(*RWMutex).RLock",
                            format!("{a:#x}"),
                            "sync/rwmutex.go",
                            71,
                            0x65,
                        ),
                    ],
                    LibFunc::OnceDo => {
                        let mut f = mutex_lock_frames(a + 4);
                        f.push(frame(
                            "sync.(*Once).doSlow",
                            format!("{a:#x}, 0x4aa820"),
                            "sync/once.go",
                            70,
                            0x65,
                        ));
                        f.push(frame(
                            "sync.(*Once).Do",
                            format!("{a:#x}, 0x4aa820?"),
                            "sync/once.go",
                            65,
                            0x47,
                        ));
                        f
                    }
                    _ => return None,
                }
            }
            Visible::RwLockFinish(p) => {
                let a = addr(p);
                vec![
                    semacquire_mutex(&format!("{:#x}?, 0x0?, 0x0?", a + 0x18)),
                    frame(
                        "sync.(*RWMutex).Lock",
                        format!("{a:#x}"),
                        "sync/rwmutex.go",
                        152,
                        0x8b,
                    ),
                ]
            }
            Visible::WaitGroupSemacquire(p) => {
                let a = addr(p);
                vec![
                    frame(
                        "sync.runtime_Semacquire",
                        format!("{:#x}?", a + 8),
                        "runtime/sema.go",
                        62,
                        0x25,
                    ),
                    frame(
                        "sync.(*WaitGroup).Wait",
                        format!("{a:#x}"),
                        "sync/waitgroup.go",
                        139,
                        0xa6,
                    ),
                ]
            }
            // A sync.Map call waiting for its `mu` (its own sync.Map frames are not shown).
            Visible::SyncMap(inflight) => mutex_lock_frames(addr(&inflight.ptr)),
            _ => return None,
        };
        Some(("semacquire".into(), frames))
    }

    /// The `sync` frames above the user's of a goroutine that died of a `sync` fatal error
    /// (`sync: unlock of unlocked mutex` and the RWMutex ones) at the unlock it is parked at:
    /// `sync.fatal`, then the unlock's own frames.
    pub(super) fn go119_fatal_frames(&self, gid: Gid, error: &RtError) -> Vec<DumpFrame> {
        let g = &self.goroutines[gid.0 as usize];
        let Some(Visible::Lib { func, args, .. }) = &g.next else {
            return Vec::new();
        };
        let Some(Value::Ptr(Some(p))) = args.first() else {
            return Vec::new();
        };
        let a = addr(p);
        let fatal = |s: &str| frame("sync.fatal", s.to_string(), "runtime/panic.go", 1031, 0x1e);
        match (func, error) {
            (LibFunc::MutexUnlock, e) if *e == RtError::unlock_of_unlocked_mutex() => vec![
                fatal("{0x4a0c3d?, 0xffffffff?}"),
                frame(
                    "sync.(*Mutex).unlockSlow",
                    format!("{a:#x}, 0xffffffff"),
                    "sync/mutex.go",
                    229,
                    0x49,
                ),
                frame(
                    "sync.(*Mutex).Unlock",
                    format!("{a:#x}"),
                    "sync/mutex.go",
                    223,
                    0x55,
                ),
            ],
            (LibFunc::RwMutexUnlock, e) if *e == RtError::unlock_of_unlocked_rwmutex() => vec![
                fatal("{0x4a1387?, 0xc000048f48?}"),
                frame(
                    "sync.(*RWMutex).Unlock",
                    format!("{a:#x}"),
                    "sync/rwmutex.go",
                    209,
                    0x7e,
                ),
            ],
            (LibFunc::RwMutexRUnlock, e) if *e == RtError::runlock_of_unlocked_rwmutex() => vec![
                fatal("{0x4a1660?, 0xffffffff?}"),
                frame(
                    "sync.(*RWMutex).rUnlockSlow",
                    format!("{a:#x}, 0xffffffff"),
                    "sync/rwmutex.go",
                    129,
                    0x56,
                ),
                frame(
                    "sync.(*RWMutex).RUnlock",
                    format!("{a:#x}"),
                    "sync/rwmutex.go",
                    119,
                    0x65,
                ),
            ],
            _ => Vec::new(),
        }
    }
}

impl Machine {
    /// The `sync` frames (innermost first) and their arguments above the program's of a
    /// goroutine whose `sync.WaitGroup` call panics with `error` at its parked operation, as a
    /// Go 1.19 race build's traceback prints them (measured: `sync/waitgroup.go`'s lines and
    /// offsets): `sync.(*WaitGroup).Add` at the panic's line, then `sync.(*WaitGroup).Done`
    /// when the program called `Done` (inlined, `Done(...)` without offset, unless it was a
    /// deferred call); a `Wait` that finds the group reused panics in `Wait` itself. Empty for
    /// any other panic.
    pub(crate) fn go119_panic_frames(
        &self,
        gid: Gid,
        error: &RtError,
    ) -> (Vec<StackFrame>, Vec<String>) {
        use crate::rt::lib_frames::{sync_panic_frame, WAITGROUP_ADD, WAITGROUP_DONE};
        let g = &self.goroutines[gid.0 as usize];
        let Some(top) = g.frames.last() else {
            return (Vec::new(), Vec::new());
        };
        // The call the program made: the library function and whether it was deferred.
        let (wg, called, deferred) = match &g.next {
            Some(Visible::Lib {
                func,
                args,
                push_results,
                ..
            }) => match args.first() {
                Some(Value::Ptr(Some(p))) => (p.clone(), Some(*func), !*push_results),
                _ => return (Vec::new(), Vec::new()),
            },
            // The second step of an `Add` that brought the counter to zero (line 97), or a
            // `Wait` woken on a reused group.
            Some(Visible::WaitGroupWake { wg, .. }) => {
                let func = self.program.func(top.func);
                let called = match func.code.get(top.pc.saturating_sub(1) as usize) {
                    Some(Instr::CallLib { func, .. }) => Some(*func),
                    _ => None,
                };
                // Not a call instruction: the deferred call of a returning frame.
                let deferred = called.is_none() && top.returning;
                (
                    wg.clone(),
                    called.or(deferred.then_some(LibFunc::WaitGroupDone)),
                    deferred,
                )
            }
            Some(Visible::WaitGroupSemacquire(wg)) => (wg.clone(), None, false),
            _ => return (Vec::new(), Vec::new()),
        };
        let a = addr(&wg);
        let mut frames = Vec::new();
        let mut args = Vec::new();
        if matches!(g.next, Some(Visible::WaitGroupSemacquire(_))) {
            if *error == RtError::waitgroup_reused() {
                frames.push(sync_panic_frame(
                    top.func,
                    crate::rt::lib_frames::WAITGROUP_WAIT,
                    141,
                    0x107,
                ));
                args.push(format!("{a:#x}"));
            }
            return (frames, args);
        }
        let (line, offset) = if *error == RtError::negative_waitgroup() {
            (83, 0x1f8)
        } else if *error == RtError::waitgroup_misuse_add() {
            match g.next {
                Some(Visible::WaitGroupWake { .. }) => (97, 0x1d1),
                _ => (86, 0x1e5),
            }
        } else {
            return (frames, args);
        };
        let delta = match (called, &g.next) {
            (Some(LibFunc::WaitGroupAdd), Some(Visible::Lib { args, .. })) => {
                args.get(1).and_then(Value::as_int).unwrap_or(0)
            }
            (Some(LibFunc::WaitGroupAdd), _) => 0,
            _ => -1,
        };
        frames.push(sync_panic_frame(top.func, WAITGROUP_ADD, line, offset));
        args.push(format!("{a:#x}, {:#x}", delta as u64));
        if called == Some(LibFunc::WaitGroupDone) {
            let (offset, done_args) = if deferred { (0x36, "0x0?") } else { (0, "...") };
            frames.push(sync_panic_frame(top.func, WAITGROUP_DONE, 108, offset));
            args.push(done_args.to_string());
        }
        (frames, args)
    }
}
