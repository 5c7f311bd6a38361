//! The methods of `testing.T` (`rt::testing`): logs with the caller's `FILE:LINE`, failing,
//! skipping, and `FailNow`/`SkipNow` ending the goroutine with `runtime.Goexit`.

use super::*;
use crate::rt::event::SyncVar;
use crate::rt::testing::{indent, rewrite_name, unique_name, TestState};

/// Where Go 1.19's `runtime.Goexit` calls a deferred function (`runtime/panic.go:540`), the
/// caller a log in a deferred call run after `t.FailNow` names.
const GOEXIT_DEFER_CALLER: (&str, u32) = ("panic.go", 540);

/// `go test`'s default `-timeout` (10m), in nanoseconds: `t.Deadline()` is this long after the
/// test binary's start on the virtual clock.
const DEFAULT_TIMEOUT_NS: i64 = 600_000_000_000;

/// The `seq`th directory `t.TempDir()` gives the test `name`, as Go 1.19 names it
/// (`os.MkdirTemp("", pattern)` of the name without unusual characters, then `/%03d`), on a
/// fixed path: `os.MkdirTemp`'s random number is `1000000001` here, and nothing is created.
fn temp_dir(name: &str, seq: u32) -> String {
    const ALLOWED: &str = "!#$%&()+,-.=@^_{}~ ";
    let pattern: String = name
        .chars()
        .filter(|&c| {
            if c.is_ascii() {
                c.is_ascii_alphanumeric() || ALLOWED.contains(c)
            } else {
                use crate::rt::unicode::{is, Class};
                is(Class::Letter, c as i64) || is(Class::Number, c as i64)
            }
        })
        .collect();
    format!("/tmp/{pattern}1000000001/{seq:03}")
}

/// `testContext.mu.Lock()` then `Unlock()` (`waitParallel`, `release`): acquire, release.
fn test_context_lock() -> [Effect; 2] {
    [
        Effect::Acquire(SyncVar::TestContext),
        Effect::Release(SyncVar::TestContext),
    ]
}

/// Whether `f` is a method of `testing.T` (each runs as a visible step).
pub(super) fn is_testing_method(f: LibFunc) -> bool {
    f.receiver() == Some(crate::types::SyncKind::TestingT)
}

impl Machine {
    /// Run method `func` of the `testing.T` at `p` for `gid`; its results.
    pub(super) fn testing_method(
        &mut self,
        gid: Gid,
        func: LibFunc,
        p: Pointer,
        args: &[Value],
    ) -> R<Vec<Value>> {
        use LibFunc::*;
        // fmt reads what it formats (as `fmt.Print` does: `Machine::print_reading`).
        let verb = match func {
            TestingLog | TestingError | TestingFatal | TestingSkip => {
                Some(super::format::PrintVerb::Println)
            }
            TestingLogf | TestingErrorf | TestingFatalf | TestingSkipf => {
                Some(super::format::PrintVerb::Printf)
            }
            _ => None,
        };
        let (text, reads) = match verb {
            Some(verb) => {
                let (text, reads, check) = self.print_reading(&args[1..], verb)?;
                if let Err(fatal) = check {
                    // A map formatted in the middle of a write: its reads, then the error.
                    let text = String::new();
                    self.emit(
                        gid,
                        Op::Print {
                            text,
                            stderr: false,
                        },
                        reads,
                    );
                    return Err(fatal.into());
                }
                (Some(text), reads)
            }
            None => (None, Vec::new()),
        };
        let caller = self.test_caller(gid, &p)?;
        let races = self.races_reported;
        let mut line = text
            .as_ref()
            .map(|t| TestState::decorate(&caller.1, caller.2, &String::from_utf8_lossy(t)));
        if self.test_state(&p)?.done {
            // A goroutine outliving its test (Go's `logDepth` and `Fail` on a `done` test).
            if let (Some(l), Some(t)) = (line.take(), &text) {
                self.late_log(&p, l, t)?;
            }
            if matches!(
                func,
                TestingError
                    | TestingErrorf
                    | TestingFail
                    | TestingFatal
                    | TestingFatalf
                    | TestingFailNow
            ) {
                // `Fail` fails the parents first: the outermost completed test panics.
                let mut name = String::new();
                let mut cur = Some(p.clone());
                while let Some(c) = cur {
                    let t = self.test_state(&c)?;
                    if t.done {
                        name = t.name.clone();
                    }
                    cur = t.parent.clone();
                }
                let msg = format!("Fail in goroutine after {name} has completed");
                return Err(RtError::library_panic(&msg).into());
            }
        }
        let SyncState::TestingT(t) = self.heap.sync_mut(&p)? else {
            return Err(RtError::nil_deref().into());
        };
        let mut results = Vec::new();
        let mut goexit = false;
        match func {
            TestingError | TestingErrorf | TestingFail => t.failed = true,
            TestingFatal | TestingFatalf | TestingFailNow => {
                t.failed = true;
                goexit = true;
            }
            TestingSkip | TestingSkipf | TestingSkipNow => {
                t.skipped = true;
                goexit = true;
            }
            // Go's `Failed` counts the races reported while the test ran.
            TestingFailed => results.push(Value::Bool(t.failed || races > t.races_at_start)),
            TestingSkipped => results.push(Value::Bool(t.skipped)),
            TestingName => results.push(Value::str(&t.name)),
            TestingTempDir => {
                t.temp_dirs += 1;
                results.push(Value::str(&temp_dir(&t.name, t.temp_dirs)));
            }
            // `go test`'s default `-timeout` of 10 minutes after the binary's start.
            TestingDeadline => {
                results.push(super::timer::time_at(DEFAULT_TIMEOUT_NS));
                results.push(Value::Bool(true));
            }
            TestingCleanup => t.cleanups.push(arg(args, 1)?.clone()),
            TestingRun | TestingParallel => {
                return Err(missing("t.Run and t.Parallel compiled as package testing's").into())
            }
            TestingHelper => {
                if let Some(f) = caller.0 {
                    if !t.helpers.contains(&f) {
                        t.helpers.push(f);
                    }
                }
            }
            _ => {}
        }
        let chatty = t.chatty;
        let name = t.name.clone();
        if let Some(line) = line {
            if chatty {
                self.chatty_switch(&p, &name)?;
                self.print_stdout(gid, line, reads);
            } else {
                t.output.push_str(&line);
                self.emit(
                    gid,
                    Op::Print {
                        text: line,
                        stderr: false,
                    },
                    reads,
                );
            }
        }
        if goexit {
            self.start_goexit(gid);
        }
        Ok(results)
    }

    /// A log of the completed test at `p` (its `line` decorated, `text` as formatted): kept in
    /// the output of its innermost ancestor still running, printed with that test's report
    /// (the root's is never printed); when every ancestor has completed, Go panics.
    fn late_log(&mut self, p: &Pointer, line: String, text: &[u8]) -> R<()> {
        let name = self.test_state(p)?.name.clone();
        let mut cur = self.test_state(p)?.parent.clone();
        while let Some(a) = cur {
            let t = self.test_state(&a)?;
            if !t.done {
                t.output.push_str(&line);
                return Ok(());
            }
            cur = t.parent.clone();
        }
        let msg = format!(
            "Log in goroutine after {name} has completed: {}",
            String::from_utf8_lossy(text)
        );
        Err(RtError::library_panic(&msg).into())
    }

    /// With -v, before test `name` (whose `T` is at `p`) prints: `=== CONT  NAME` when another
    /// test printed last (Go's `chattyPrinter.Printf`; nothing when none printed yet).
    fn chatty_switch(&mut self, p: &Pointer, name: &str) -> R<()> {
        let root = self.test_root(p)?;
        if let SyncState::TestingT(r) = self.heap.sync_mut(&root)? {
            if r.last_name.is_empty() {
                r.last_name = name.to_string();
            } else if r.last_name != name {
                r.last_name = name.to_string();
                self.stdout
                    .extend_from_slice(format!("=== CONT  {name}\n").as_bytes());
            }
        }
        Ok(())
    }

    /// `gid` prints `line` on stdout (`go test -v`'s output).
    pub(super) fn print_stdout(&mut self, gid: Gid, line: String, effects: Vec<Effect>) {
        self.stdout.extend_from_slice(line.as_bytes());
        self.emit(
            gid,
            Op::Print {
                text: line,
                stderr: false,
            },
            effects,
        );
    }

    /// The top-level test of the `T` at `p`.
    fn test_root(&self, p: &Pointer) -> R<Pointer> {
        let mut cur = p.clone();
        while let SyncState::TestingT(t) = self.heap.sync(&cur)? {
            match &t.parent {
                Some(parent) => cur = parent.clone(),
                None => break,
            }
        }
        Ok(cur)
    }

    pub(super) fn test_state(&mut self, p: &Pointer) -> R<&mut TestState> {
        match self.heap.sync_mut(p)? {
            SyncState::TestingT(t) => Ok(t),
            _ => Err(RtError::nil_deref().into()),
        }
    }

    /// The runtime hooks of `testing.(*T).Run` and `testing.tRunner` (`lang::lower::runner`):
    /// a subtest's start, its parent's wait, the cleanups, the end of a test's goroutine.
    pub(super) fn testing_runtime(
        &mut self,
        gid: Gid,
        func: LibFunc,
        args: &[Value],
    ) -> R<Vec<Value>> {
        let p = match args.first() {
            Some(Value::Ptr(Some(p))) => p.clone(),
            _ => return Err(RtError::nil_deref().into()),
        };
        let mut eff = Vec::new();
        let results = match func {
            LibFunc::TestingSubStart => {
                let parent = self.test_state(&p)?;
                let sub = rewrite_name(&str_of(arg(args, 1)?)?.to_lossy());
                // The top-level tests are subtests of the root, which has no name.
                let chatty = parent.chatty;
                let name = if parent.parent.is_none() {
                    sub
                } else {
                    let parent_name = parent.name.clone();
                    let root = self.test_root(&p)?;
                    unique_name(&mut self.test_state(&root)?.sub_names, &parent_name, &sub)
                };
                let child = TestState {
                    name: name.clone(),
                    chatty,
                    races_at_start: self.races_reported,
                    parent: Some(p.clone()),
                    ..TestState::default()
                };
                let cell = Value::Sync(Box::new(SyncState::TestingT(Box::new(child))));
                let obj = self.heap.alloc(&self.config, cell, None)?;
                if chatty {
                    let root = self.test_root(&p)?;
                    self.test_state(&root)?.last_name = name.clone();
                    self.print_stdout(gid, format!("=== RUN   {name}\n"), Vec::new());
                }
                vec![Value::Ptr(Some(Pointer::root(obj)))]
            }
            LibFunc::TestingSubWait => {
                eff.push(Effect::Acquire(SyncVar::Lock(p.clone())));
                let failed = self.test_state(&p)?.failed;
                vec![Value::Bool(!failed)]
            }
            LibFunc::TestingParallelPause | LibFunc::TestingParallelResume => {
                let resume = func == LibFunc::TestingParallelResume;
                let t = self.test_state(&p)?;
                if !resume && t.env_set {
                    return Err(RtError::library_panic(
                        "testing: t.Parallel called after t.Setenv; cannot set environment variables in parallel tests",
                    )
                    .into());
                }
                let (name, chatty, parent) = (t.name.clone(), t.chatty, t.parent.clone());
                let races = self.races_reported;
                let t = self.test_state(&p)?;
                if resume {
                    // Go's `t.raceErrors`: the races reported while paused are not the test's.
                    t.races_at_start += races.saturating_sub(t.races_at_pause);
                } else {
                    t.races_at_pause = races;
                }
                if resume {
                    if let Some(parent) = &parent {
                        eff.push(Effect::Acquire(SyncVar::Lock(parent.clone())));
                    }
                    // `t.context.waitParallel()`: locks and unlocks `testContext.mu`.
                    eff.extend(test_context_lock());
                } else {
                    t.parallel = true;
                    eff.push(Effect::Release(SyncVar::Lock(p.clone())));
                    if let Some(parent) = &parent {
                        self.test_state(parent)?.parallel_subs.push(p.clone());
                    }
                }
                if chatty {
                    let root = self.test_root(&p)?;
                    self.test_state(&root)?.last_name = name.clone();
                    let word = if resume { "CONT " } else { "PAUSE" };
                    // A write of its own in Go (`chattyPrinter.Printf`): a print, which costs
                    // its time in the Go-like scheduler's model (`sched::go_runtime`).
                    self.print_stdout(gid, format!("=== {word} {name}\n"), Vec::new());
                }
                Vec::new()
            }
            LibFunc::TestingReleaseSubs => {
                self.race_check(gid, &p)?;
                let t = self.test_state(&p)?;
                t.released = true;
                // Go's tRunner: a test with parallel subtests calls `t.context.release()`
                // before it closes their barrier.
                if !t.parallel_subs.is_empty() {
                    eff.extend(test_context_lock());
                }
                eff.push(Effect::Release(SyncVar::Lock(p.clone())));
                Vec::new()
            }
            LibFunc::TestingWaitSubs => {
                for sub in self.test_state(&p)?.parallel_subs.clone() {
                    eff.push(Effect::Acquire(SyncVar::Lock(sub)));
                }
                Vec::new()
            }
            LibFunc::TestingPopCleanup => {
                // Before the race check (`early`, Go's `tRunner.func2`) only a test without
                // parallel subtests runs its cleanups; one with them runs them after them.
                let early = matches!(args.get(1), Some(Value::Bool(true)));
                let t = self.test_state(&p)?;
                let next = if early && !t.parallel_subs.is_empty() {
                    None
                } else {
                    t.cleanups.pop()
                };
                match next {
                    Some(f) => vec![f, Value::Bool(true)],
                    None => vec![Value::Func(None), Value::Bool(false)],
                }
            }
            LibFunc::TestingEnd => {
                // Go's tRunner after the cleanups: a sequential test that had parallel
                // subtests takes its slot back (`waitParallel`), a parallel test without
                // subtests gives its slot up (`release`); both lock `testContext.mu`.
                let t = self.test_state(&p)?;
                if t.parallel_subs.is_empty() == t.parallel {
                    eff.extend(test_context_lock());
                }
                eff.push(Effect::Release(SyncVar::Lock(p.clone())));
                // A panic on the test's goroutine: Go's `doPanic` fails the test and flushes
                // its report and its ancestors' up to the root before the panic goes on.
                let panicking = self.goroutines[gid.0 as usize]
                    .panicking
                    .as_ref()
                    .is_some_and(|g| !g.goexit && !g.recovered);
                if panicking {
                    self.test_state(&p)?.failed = true;
                    if self.test_state(&p)?.parent.is_some() {
                        self.repanic(gid, &[crate::rt::lib_frames::TRUNNER_REPANIC]);
                    }
                }
                let mut cur = p.clone();
                loop {
                    let t = self.test_state(&cur)?;
                    // Go's `tRunner` marks a test done and signals its parent only when it
                    // did not panic (`doPanic` panics first): the parent never completes.
                    t.done |= cur == p && !panicking;
                    let Some(parent) = t.parent.clone() else {
                        break;
                    };
                    self.report(gid, &cur, &parent)?;
                    if !panicking {
                        break;
                    }
                    self.test_state(&parent)?.failed = true;
                    cur = parent;
                }
                Vec::new()
            }
            _ => return Err(missing("a testing runtime hook").into()),
        };
        if func != LibFunc::TestingSubStart {
            self.emit(
                gid,
                Op::Runtime {
                    call: func.spec().name,
                    arg: None,
                    result: None,
                },
                eff,
            );
        }
        Ok(results)
    }

    /// Go's `tRunner.func1` recovers a test goroutine's panic and, once the test's report is
    /// out, panics again with the same value (`doPanic` → `tRunner.func1.2`): Go prints
    /// `panic: V [recovered]`, then `\tpanic: V`, and the new panic's stack is the re-panic's
    /// frames, `panic(…)` (the recovered panic running `tRunner.func1`), then the stack the
    /// test's panic started on.
    /// An example's panic is re-panicked alike by `processRunResult` (`frames`: the frames
    /// of the re-panic above `runtime.gopanic`, innermost first).
    pub(super) fn repanic(&mut self, gid: Gid, frames: &[&'static str]) {
        let g = &mut self.goroutines[gid.0 as usize];
        let Some(p) = g.panicking.as_mut().filter(|p| !p.goexit && !p.recovered) else {
            return;
        };
        let RtError::Panic { message, .. } = &p.error else {
            return;
        };
        p.previous.push(message.concat(&" [recovered]".into()));
        let (func, span) = p
            .stack
            .first()
            .map(|f| (f.func, f.span))
            .unwrap_or((g.root, g.next_span));
        let frame = |name: &str| crate::rt::event::StackFrame {
            func,
            name: Rc::from(name),
            span,
        };
        let names = frames.iter().chain([&crate::rt::lib_frames::GOPANIC]);
        p.stack.splice(0..0, names.map(|name| frame(name)));
        let args = crate::rt::lib_frames::GOPANIC_ARGS.to_string();
        p.args
            .splice(0..0, std::iter::repeat_n(args, frames.len() + 1));
    }

    /// Go's `tRunner`: a race reported while the test at `p` ran fails it
    /// (`testing.go:1319: race detected during execution of test`).
    fn race_check(&mut self, gid: Gid, p: &Pointer) -> R<()> {
        let races = self.races_reported;
        let t = self.test_state(p)?;
        if races <= t.races_at_start {
            return Ok(());
        }
        t.failed = true;
        let (chatty, name) = (t.chatty, t.name.clone());
        let line =
            TestState::decorate("testing.go", 1319, "race detected during execution of test");
        if chatty {
            self.chatty_switch(p, &name)?;
            self.print_stdout(gid, line, Vec::new());
        } else {
            self.test_state(p)?.output.push_str(&line);
        }
        Ok(())
    }

    /// Go's `t.report()`/`flushToParent`: the `--- FAIL` line of the test at `p` (or `--- PASS`
    /// / `--- SKIP` with -v) and what it kept, on stdout for a top-level test (whose parent is
    /// the root), else in its parent's output, indented; its `t.Fail()` flag fails the parent.
    fn report(&mut self, gid: Gid, p: &Pointer, parent: &Pointer) -> R<()> {
        let races = self.races_reported;
        let t = self.test_state(p)?;
        // Go's `t.Failed()` also counts the races reported since the race check, without a
        // log line; only the flag (`t.Fail()`) fails the parent.
        let failed = t.failed || races > t.races_at_start;
        let (flag, skipped, chatty) = (t.failed, t.skipped, t.chatty);
        let name = t.name.clone();
        let verdict = if failed {
            "FAIL"
        } else if !chatty {
            return Ok(());
        } else if skipped {
            "SKIP"
        } else {
            "PASS"
        };
        // (The verdict stays: the test is over, and a front end reads its `T`.)
        t.failed = failed;
        let output = std::mem::take(&mut t.output);
        let report = format!("--- {verdict}: {name} (0.00s)\n{output}");
        let pt = self.test_state(parent)?;
        pt.failed |= flag;
        if pt.parent.is_some() {
            pt.output.push_str(&indent(&report));
        } else {
            if chatty {
                pt.last_name = name;
            }
            self.print_stdout(gid, report, Vec::new());
        }
        Ok(())
    }

    /// The function calling the `testing.T` method (for `Helper`) and the `FILE:LINE` a log
    /// names: Go's `testing.frameSkip`, the call site in the innermost frame that is neither a
    /// helper nor a compiler-made `defer` wrapper (Go's tracebacks elide those). A deferred
    /// call run by `runtime.Goexit` (after `t.FailNow`) was called from the runtime
    /// (`panic.go:540`); one run by a panic was too, but `frameSkip` skips `runtime.gopanic`
    /// and goes on in the stack where the panic started.
    fn test_caller(&self, gid: Gid, p: &Pointer) -> R<(Option<FuncId>, String, u32)> {
        let helpers = match self.heap.sync(p)? {
            SyncState::TestingT(t) => t.helpers.clone(),
            _ => Vec::new(),
        };
        let g = &self.goroutines[gid.0 as usize];
        let frames = &g.frames;
        let top = frames.last().map(|f| f.func);
        let skipped = |f: FuncId| {
            helpers.contains(&f)
                || self
                    .program
                    .funcs
                    .get(f.0 as usize)
                    .is_some_and(|func| func.wrapper)
        };
        let file = self.program.source_map.file_name.clone();
        let line_at = |span: crate::diag::Span| self.program.source_map.line_col(span.lo).line;
        for (i, f) in frames.iter().enumerate().rev() {
            if skipped(f.func) {
                continue;
            }
            // Frame `i` is running a deferred call for the panic or Goexit unwinding it.
            let unwinding = g
                .panicking
                .as_ref()
                .filter(|p| f.returning && !p.recovered && i + 1 == p.unwinding_below);
            if let Some(p) = unwinding {
                if p.goexit {
                    return Ok((
                        top,
                        GOEXIT_DEFER_CALLER.0.to_string(),
                        GOEXIT_DEFER_CALLER.1,
                    ));
                }
                if let Some(at) = p.stack.iter().find(|sf| {
                    sf.name.as_ref() != crate::rt::lib_frames::GOPANIC && !skipped(sf.func)
                }) {
                    return Ok((top, file, line_at(at.span)));
                }
            }
            let span = self.program.func(f.func).span_at(f.call_pc);
            return Ok((top, file, line_at(span)));
        }
        let line = frames
            .last()
            .map_or(0, |f| line_at(self.program.func(f.func).span_at(f.call_pc)));
        Ok((top, file, line))
    }
}
