//! Call stacks, events and failures: the stack of a goroutine, recording an event, ending the
//! run (a panic, a fatal error, a racemap bound or an internal error) and the goroutine dump Go
//! prints, with its frame arguments.

use super::*;

impl Machine {
    /// The call stack of a goroutine, innermost first.
    pub(crate) fn stack_of(&self, gid: Gid) -> Stack {
        self.stack_as(gid, false)
    }

    /// The call stack of a goroutine as Go 1.19's race build records it (the stack of an
    /// event, which race reports show). The detector names each frame by the pc its callee
    /// was called from, and a race build does not open-code defers: a frame running its
    /// deferred calls at a normal return shows as `runtime.deferreturn()` (`panic.go:476`);
    /// a deferred call run by a panic was called from `runtime.gopanic()` (`panic.go:890`),
    /// which stands for the frame that panicked, below it the frames of the stack the panic
    /// started on; one run by `runtime.Goexit` was called from `runtime.deferCallSave()`
    /// (`panic.go:796`), with no frame below it.
    pub(crate) fn race_stack_of(&self, gid: Gid) -> Stack {
        self.stack_as(gid, true)
    }

    fn stack_as(&self, gid: Gid, race: bool) -> Stack {
        let g = &self.goroutines[gid.0 as usize];
        if g.runtime {
            return Rc::from(vec![self.runtime_frame(g)]);
        }
        let mut out = Vec::with_capacity(g.frames.len().max(1));
        let n = g.frames.len();
        // The outermost deferred call the goroutine's panic (or Goexit) runs.
        let unwinding = g.panicking.as_ref().filter(|_| race).and_then(|p| {
            (1..n)
                .find(|&i| g.frames[i].kind == FrameKind::Deferred && g.frames[i - 1].returning)
                .map(|d| (d, p))
        });
        for (i, f) in g.frames.iter().enumerate().rev() {
            if let Some((d, p)) = unwinding.filter(|(d, _)| i + 1 == *d) {
                let name = if p.goexit {
                    crate::rt::lib_frames::DEFER_CALL_SAVE
                } else {
                    crate::rt::lib_frames::GOPANIC
                };
                out.push(StackFrame {
                    func: g.frames[d].func,
                    name: Rc::from(name),
                    span: g.next_span,
                });
                if !p.goexit {
                    // The panic's `sync` frames (a WaitGroup's) are not the race stack's.
                    let lib = p
                        .stack
                        .iter()
                        .take_while(|f| crate::rt::lib_frames::is_sync_panic_frame(&f.name))
                        .count();
                    out.extend(p.stack.iter().skip(lib + 1).cloned());
                }
                break;
            }
            let func = self.program.func(f.func);
            let pc = if i + 1 == n && g.next.is_some() {
                None
            } else {
                Some(f.call_pc)
            };
            let span = match pc {
                None => g.next_span,
                Some(pc) => func.span_at(pc),
            };
            let deferreturn = race
                && f.returning
                && g.frames
                    .get(i + 1)
                    .is_some_and(|callee| callee.kind == FrameKind::Deferred);
            out.push(StackFrame {
                func: f.func,
                name: if deferreturn {
                    Rc::from(crate::rt::lib_frames::DEFERRETURN)
                } else {
                    func.name.clone()
                },
                span,
            });
        }
        if out.is_empty() {
            let func = self.program.func(g.root);
            out.push(StackFrame {
                func: g.root,
                name: func.name.clone(),
                span: Span::new(func.span.hi.saturating_sub(1), func.span.hi),
            });
        }
        Rc::from(out)
    }

    /// Record an event for goroutine `gid` at its parked span.
    pub(crate) fn emit(&mut self, gid: Gid, op: Op, effects: Vec<Effect>) {
        let span = self.goroutines[gid.0 as usize].next_span;
        let stack = self.race_stack_of(gid);
        self.events.push(Event {
            gid,
            span,
            stack,
            op,
            effects,
        });
    }

    /// End the run because of `fault` raised by `gid`.
    pub(crate) fn fault(&mut self, gid: Gid, fault: Fault) {
        match fault {
            Fault::Limit(l) => {
                if self.status == Status::Running {
                    self.status = Status::Limit(l);
                }
            }
            Fault::Internal(e) => self.internal_error(e),
            Fault::Rt(e) => {
                if e.is_fatal() {
                    self.fail(gid, e, Vec::new(), None);
                } else {
                    // A panic raised outside unwinding machinery (e.g. in `new`): start it.
                    self.start_panic(gid, e);
                }
            }
        }
    }

    /// End the run because racemap broke one of its own invariants (first one wins).
    pub(crate) fn internal_error(&mut self, e: InternalError) {
        if self.status == Status::Running {
            self.status = Status::Internal(e);
        }
    }

    /// End the run with a failure; dumps goroutines as Go does.
    pub(crate) fn fail(
        &mut self,
        gid: Gid,
        error: RtError,
        previous: Vec<crate::gostr::GoString>,
        panic_stack: Option<(Vec<StackFrame>, Vec<String>)>,
    ) {
        if self.status != Status::Running {
            return;
        }
        let mut goroutines = Vec::new();
        let deadlock = error == RtError::deadlock();
        if error == RtError::no_goroutines() {
            // Nothing to dump.
        } else if deadlock {
            for g in &self.goroutines {
                if g.is_live() && !g.runtime {
                    goroutines.push(self.dump(g.gid, None, false));
                }
            }
        } else {
            goroutines.push(self.dump(gid, panic_stack, true));
            if error.is_fatal() {
                let sync_frames = self.go119_fatal_frames(gid, &error);
                if let Some(d) = goroutines.first_mut() {
                    d.frames.splice(0..0, sync_frames);
                }
                for g in &self.goroutines {
                    if g.gid != gid && g.is_live() && !g.runtime {
                        goroutines.push(self.dump(g.gid, None, false));
                    }
                }
            }
        }
        for (i, d) in goroutines.iter_mut().enumerate() {
            let failing = i == 0 && !deadlock;
            limit_frames(d, hidden_frames(d, failing.then_some(&error)));
        }
        let message = error.first_line();
        let op = Op::Fatal { message };
        if (gid.0 as usize) < self.goroutines.len() {
            self.emit(gid, op, Vec::new());
        }
        self.status = Status::Failed(RunError {
            error,
            gid,
            previous,
            goroutines,
        });
    }

    pub(super) fn dump(
        &self,
        gid: Gid,
        stack: Option<(Vec<StackFrame>, Vec<String>)>,
        running: bool,
    ) -> GoroutineDump {
        let g = &self.goroutines[gid.0 as usize];
        let (frames, args) = stack.unwrap_or_else(|| self.traceback_stack(gid));
        // Go's tracebacks elide compiler-made go/defer wrappers (race reports keep them).
        let (frames, args): (Vec<StackFrame>, Vec<String>) = frames
            .into_iter()
            .zip(args.into_iter().chain(std::iter::repeat(String::new())))
            .filter(|(f, _)| {
                is_runtime_frame(&f.name)
                    || !self
                        .program
                        .funcs
                        .get(f.func.0 as usize)
                        .is_some_and(|func| func.wrapper)
            })
            .unzip();
        // Blocked in `sync` or asleep: Go 1.19's label and runtime frames (go119_frames.rs).
        let wait = if running {
            None
        } else {
            self.go119_wait(gid, g.next.as_ref())
        };
        let (state, mut dump_frames) = match wait {
            _ if running => ("running".to_string(), Vec::new()),
            Some((label, runtime_frames)) => (label, runtime_frames),
            None => match (&g.status, &g.next) {
                (_, Some(v)) if self.is_blocked(gid) => {
                    (self.wait_reason(v).as_str().to_string(), Vec::new())
                }
                _ => ("runnable".to_string(), Vec::new()),
            },
        };
        for (i, f) in frames.iter().enumerate() {
            let args = args.get(i).cloned().unwrap_or_default();
            if &*f.name == crate::rt::lib_frames::TRUNNER_REPANIC {
                let frames = crate::rt::lib_frames::trunner_repanic_frames();
                for (k, (name, file, line, offset)) in frames.into_iter().enumerate() {
                    dump_frames.push(DumpFrame {
                        name: name.to_string(),
                        args: if k == 0 { args.clone() } else { String::new() },
                        file,
                        line,
                        offset,
                    });
                }
                continue;
            }
            let mut d = self.dump_frame(f);
            d.args = args;
            dump_frames.push(d);
        }
        // Under a `TestMain`, racemap's `testing.(*M).Run` and `main.main` below
        // `testing.runTests` are Go's frames; the file's `TestMain` between them keeps its own.
        let runner = frames.iter().rposition(|f| &*f.name == "testing.runTests");
        let tail = runner.map_or(&frames[..0], |r| &frames[r + 1..]);
        let under_test_main = tail.iter().any(|f| f.name.ends_with(".TestMain"))
            && tail.iter().all(|f| {
                matches!(&*f.name, "testing.(*M).Run" | "main.main")
                    || f.name.ends_with(".TestMain")
            })
            && dump_frames.len() >= tail.len();
        if under_test_main {
            let own = dump_frames.split_off(dump_frames.len() - tail.len());
            // In an example, `m.Run()` runs it from `testing.runExamples`, not `runTests`.
            let example = dump_frames
                .iter()
                .position(|d| d.name == "testing.runExample");
            let line = self.program.testmain_line();
            let outer = match example {
                Some(at) => {
                    dump_frames.truncate(at + 1);
                    crate::rt::lib_frames::example_main_frames(line).split_off(1)
                }
                None => crate::rt::lib_frames::test_main_outer_frames(line),
            };
            let mut outer: Vec<DumpFrame> = outer
                .into_iter()
                .map(|(name, file, line, offset)| DumpFrame {
                    name: name.to_string(),
                    args: String::new(),
                    file,
                    line,
                    offset: offset + 1,
                })
                .collect();
            // `main.main` calls the file's `TestMain`, which calls `m.Run()`.
            let main = outer.pop();
            dump_frames.extend(outer);
            dump_frames.extend(own.into_iter().filter(|d| d.name.ends_with(".TestMain")));
            dump_frames.extend(main);
        }
        // The test binary's main goroutine: Go's frames below `testing.runTests`, or below
        // `testing.runExample` in an example.
        if frames
            .last()
            .is_some_and(|f| &*f.name == "testing.runTests")
        {
            let example = dump_frames
                .iter()
                .position(|d| d.name == "testing.runExample");
            let outer = match example {
                Some(at) => {
                    dump_frames.truncate(at + 1);
                    crate::rt::lib_frames::example_main_frames(self.program.testmain_line())
                        .split_off(1)
                }
                None => crate::rt::lib_frames::test_main_outer_frames(self.program.testmain_line()),
            };
            dump_frames.extend(
                outer
                    .into_iter()
                    .map(|(name, file, line, offset)| DumpFrame {
                        name: name.to_string(),
                        args: String::new(),
                        file,
                        line,
                        offset: offset + 1,
                    }),
            );
        }
        GoroutineDump {
            go_id: g.dump_id,
            state,
            frames: dump_frames,
            created_by: g.created_by.as_ref().map(|f| self.dump_frame(f)),
            elided: false,
        }
    }

    /// The frames (innermost first) and their arguments a traceback shows for `gid` now. In a
    /// deferred call run by a panic (recovered or not), Go's stack still holds the frames the
    /// panic unwinds: the deferred call's frames, `panic({…})`, then the stack the panic
    /// started on (as [`Machine::start_panic`] records it for a panic's own dump).
    pub(crate) fn traceback_stack(&self, gid: Gid) -> (Vec<StackFrame>, Vec<String>) {
        let g = &self.goroutines[gid.0 as usize];
        let mut frames = self.stack_of(gid).to_vec();
        let mut args = self.frame_args(gid);
        let unwinding = g.panicking.as_ref().filter(|p| {
            !p.goexit
                && g.frames
                    .get(p.unwinding_below)
                    .is_some_and(|f| f.kind == FrameKind::Deferred)
        });
        if let Some(p) = unwinding {
            let above = g.frames.len() - p.unwinding_below;
            if frames.len() >= above && args.len() >= above {
                frames.truncate(above);
                args.truncate(above);
                let deferred = &g.frames[p.unwinding_below];
                frames.push(StackFrame {
                    func: deferred.func,
                    name: Rc::from(crate::rt::lib_frames::GOPANIC),
                    span: g.next_span,
                });
                args.push(crate::rt::lib_frames::GOPANIC_ARGS.to_string());
                frames.extend(p.stack.iter().cloned());
                args.extend(p.args.iter().cloned());
            }
        }
        (frames, args)
    }

    pub(super) fn is_blocked(&self, gid: Gid) -> bool {
        let g = &self.goroutines[gid.0 as usize];
        match (&g.status, &g.next) {
            (
                GoStatus::Parked,
                Some(Visible::Select {
                    arms, has_default, ..
                }),
            ) => !*has_default && !arms.iter().any(|a| self.arm_ready(gid, a)),
            (GoStatus::Parked, Some(v)) => !self.enabled(gid, v),
            _ => false,
        }
    }

    pub(super) fn dump_frame(&self, f: &StackFrame) -> DumpFrame {
        if crate::rt::lib_frames::is_sync_panic_frame(&f.name) {
            return DumpFrame {
                name: f.name.to_string(),
                args: String::new(),
                file: crate::rt::lib_frames::sync_panic_file(),
                line: f.span.lo,
                offset: f.span.hi,
            };
        }
        if let Some((file, line, offset)) = crate::rt::lib_frames::library_frame(&f.name) {
            // A traceback prints the return address, one past the race detector's pc.
            let name = match &*f.name {
                crate::rt::lib_frames::GOPANIC => crate::rt::lib_frames::GOPANIC_IN_TRACEBACK,
                name => name,
            };
            return DumpFrame {
                name: name.to_string(),
                args: String::new(),
                file,
                line,
                offset: offset + 1,
            };
        }
        let func = self.program.func(f.func);
        let offset = (f.span.lo.saturating_sub(func.span.lo)).wrapping_mul(3) % 0x1f0 + 0x11;
        DumpFrame {
            name: f.name.to_string(),
            args: String::new(),
            file: self.program.source_map.file_name.clone(),
            line: self.program.source_map.line(f.span.lo),
            offset,
        }
    }
}

/// The frames racemap adds to a panic's stack for Go's runtime and `testing` package (not the
/// program's functions, whose compiler-made wrappers a traceback elides).
fn is_runtime_frame(name: &str) -> bool {
    name == crate::rt::lib_frames::GOPANIC
        || name == crate::rt::lib_frames::TRUNNER_REPANIC
        || crate::rt::lib_frames::is_sync_panic_frame(name)
}

/// Go's `_TracebackMaxFrames`: a traceback walks at most this many frames of a goroutine,
/// counting the runtime frames it does not print.
const TRACEBACK_MAX_FRAMES: usize = 100;

/// The runtime frames Go 1.19's traceback walks but does not print at the top of goroutine
/// `d`'s stack: `runtime.gopanic` of the goroutine that panicked (`failing` with a panic),
/// nothing for a stack overflow (the goroutine's own frames are printed from the overflowing
/// one), the runtime's fatal-error frame for other fatal errors; for a blocked goroutine
/// `runtime.gopark` and the runtime function that parked it (`chanrecv`+`chanrecv1`,
/// `selectgo`, `semacquire1`, …). A goroutine shown running or runnable hides nothing.
fn hidden_frames(d: &GoroutineDump, failing: Option<&RtError>) -> usize {
    if let Some(error) = failing {
        return match error {
            RtError::Panic { .. } => 1,
            e if *e == RtError::stack_overflow() => 0,
            RtError::Fatal { .. } => 1,
            RtError::Exit { .. } => 0,
        };
    }
    let state = d.state.as_str();
    if state.starts_with("chan receive") || state.starts_with("chan send") {
        3
    } else if state.starts_with("select") || state == "semacquire" {
        2
    } else if state == "sleep" || state == "sync.Cond.Wait" {
        1
    } else {
        0
    }
}

/// Cut `d`'s frames where Go's traceback stops (after [`TRACEBACK_MAX_FRAMES`] frames walked,
/// `hidden` of them not printed); Go adds `...additional frames elided...` when every frame it
/// walked was printed (its count of printed frames reached the limit).
fn limit_frames(d: &mut GoroutineDump, hidden: usize) {
    let printed = TRACEBACK_MAX_FRAMES.saturating_sub(hidden);
    if d.frames.len() >= printed {
        d.frames.truncate(printed);
        d.elided = printed == TRACEBACK_MAX_FRAMES;
    }
}
