//! Runtime errors as values, rendered exactly as Go 1.19 prints them.
//!
//! Two families, as in Go's runtime:
//! - a **panic** ([`RtError::Panic`]) unwinds the goroutine through its deferred calls and can be
//!   recovered; unrecovered, it prints `panic: MSG` (plus `[signal SIGSEGV ...]` for a nil
//!   dereference), a blank line and the panicking goroutine's stack only;
//! - a **fatal error** ([`RtError::Fatal`], Go's `throw`/`fatal`) is never recoverable and prints
//!   `fatal error: MSG`, a blank line and every goroutine's stack (the failing one first).
//!
//! Either way the process exits with status 2. `go run` then adds `exit status 2` on its own
//! line; [`RunError::render`] leaves that to the caller ([`RunError::render_go_run`] adds it).
//!
//! Primitives (`rt::mutex`, `rt::chan`, `rt::map`, …) return [`RtError`] values from their
//! transitions; the machine turns them into a [`RunError`] with a goroutine dump.
//!
//! A third kind is racemap's own: an [`InternalError`] says a VM invariant broke (an operand
//! stack underflow, a value of the wrong kind where the checker guaranteed one, a missing
//! frame). It is never a Go behaviour: it ends the run at once with
//! `racemap internal error: …` and exit status [`EXIT_INTERNAL`], so a racemap bug is never
//! mistaken for a program's output.

use crate::gostr::GoString;
use crate::rt::event::Gid;
use crate::rt::value::Value;
use std::fmt;

/// Which bounds check failed (Go's `boundsErrorCode`): an index, or which bound of a
/// slice expression `s[a:b]` / `s[a:b:c]` (`Alen` for an array or string operand, `Acap`
/// for a slice).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bounds {
    /// `s[x]` with `0 <= x < len`.
    Index,
    /// `s[:x]` with `x <= len` (array, string).
    SliceAlen,
    /// `s[:x]` with `x <= cap` (slice).
    SliceAcap,
    /// `s[x:y]` with `x <= y`.
    SliceB,
    /// `s[::x]` with `x <= len` (array).
    Slice3Alen,
    /// `s[::x]` with `x <= cap` (slice).
    Slice3Acap,
    /// `s[:x:y]` with `x <= y`.
    Slice3B,
    /// `s[x:y:]` with `x <= y`.
    Slice3C,
}

/// A runtime error raised by one operation of one goroutine.
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum RtError {
    /// A Go panic: unwinds through deferred calls, recoverable.
    Panic {
        /// The text Go prints after `panic: `, e.g.
        /// `runtime error: index out of range [5] with length 3` or `boom`: bytes, as a panic
        /// value's string may hold invalid UTF-8, which Go prints unchanged.
        message: GoString,
        /// The value `recover()` returns (a string for runtime errors, as their `Error()`).
        value: Value,
        /// A nil dereference: Go prints a `[signal SIGSEGV ...]` line after the message.
        signal: bool,
        /// Raised by Go's runtime as a `runtime.Error` (an index out of range, a nil map write,
        /// a failed type assertion, …): `recover()` returns an error whose `Error()` is
        /// `message`, not a string.
        runtime_error: bool,
    },
    /// A fatal error (`throw`): not recoverable, dumps every goroutine.
    Fatal {
        /// The text after `fatal error: `, e.g. `concurrent map writes`.
        message: String,
    },
    /// `os.Exit(code)` with a nonzero code: the program ends at once with that status, printing
    /// nothing (no deferred call runs). Never raised as a fault: the machine's status is set
    /// directly (`os.Exit(0)` is a normal exit).
    Exit {
        /// The exit status.
        code: i32,
    },
}

/// The dynamic type of the error `recover()` returns for a runtime error, which Go's message
/// says: each type words its `Error()` in its own way (`runtime/error.go`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuntimeErrorType {
    /// `runtime.plainError`: no `runtime error: ` prefix (`close of closed channel`).
    Plain,
    /// `runtime.boundsError`: `runtime error: index out of range …`, `… slice bounds out of range …`.
    Bounds,
    /// `runtime.errorString`: the other `runtime error: …` messages.
    String,
    /// `*runtime.TypeAssertionError`: `interface conversion: …`.
    TypeAssertion,
}

impl RuntimeErrorType {
    /// The type of the runtime error whose `Error()` is `message`.
    pub fn of(message: &[u8]) -> RuntimeErrorType {
        if message.starts_with(b"interface conversion: ") {
            RuntimeErrorType::TypeAssertion
        } else if message.starts_with(b"runtime error: index out of range")
            || message.starts_with(b"runtime error: slice bounds out of range")
        {
            RuntimeErrorType::Bounds
        } else if message.starts_with(b"runtime error: ") {
            RuntimeErrorType::String
        } else {
            RuntimeErrorType::Plain
        }
    }
}

impl RtError {
    fn runtime(message: String) -> RtError {
        let message = format!("runtime error: {message}");
        RtError::Panic {
            value: Value::str(&message),
            message: message.into(),
            signal: false,
            runtime_error: true,
        }
    }

    /// A `panic("...")` of a string (by package `sync`, `strings`, `errors`).
    fn plain(message: &str) -> RtError {
        RtError::Panic {
            message: message.into(),
            value: Value::str(message),
            signal: false,
            runtime_error: false,
        }
    }

    /// A runtime error without the `runtime error: ` prefix (Go's `plainError`, a
    /// `runtime.Error`).
    fn plain_error(message: &str) -> RtError {
        RtError::Panic {
            message: message.into(),
            value: Value::str(message),
            signal: false,
            runtime_error: true,
        }
    }

    fn fatal(message: &str) -> RtError {
        RtError::Fatal {
            message: message.to_string(),
        }
    }

    /// `panic: runtime error: index out of range [5] with length 3` (`[-1]` alone for a
    /// negative index).
    pub fn index_out_of_range(index: i64, len: i64) -> RtError {
        RtError::bounds(Bounds::Index, index, len)
    }

    /// A failed bounds check as Go's `boundsError` words it: `x` is the offending index, `y`
    /// the length, capacity or other index it was checked against. A negative `x` is reported
    /// alone (`slice bounds out of range [:-1]`), as Go's `boundsNegErrorFmt`.
    pub fn bounds(kind: Bounds, x: i64, y: i64) -> RtError {
        let what = match (kind, x < 0) {
            (Bounds::Index, false) => format!("index out of range [{x}] with length {y}"),
            (Bounds::Index, true) => format!("index out of range [{x}]"),
            (Bounds::SliceAlen, false) => {
                format!("slice bounds out of range [:{x}] with length {y}")
            }
            (Bounds::SliceAcap, false) => {
                format!("slice bounds out of range [:{x}] with capacity {y}")
            }
            (Bounds::SliceAlen | Bounds::SliceAcap, true) => {
                format!("slice bounds out of range [:{x}]")
            }
            (Bounds::SliceB, false) => format!("slice bounds out of range [{x}:{y}]"),
            (Bounds::SliceB, true) => format!("slice bounds out of range [{x}:]"),
            (Bounds::Slice3Alen, false) => {
                format!("slice bounds out of range [::{x}] with length {y}")
            }
            (Bounds::Slice3Acap, false) => {
                format!("slice bounds out of range [::{x}] with capacity {y}")
            }
            (Bounds::Slice3Alen | Bounds::Slice3Acap, true) => {
                format!("slice bounds out of range [::{x}]")
            }
            (Bounds::Slice3B, false) => format!("slice bounds out of range [:{x}:{y}]"),
            (Bounds::Slice3B, true) => format!("slice bounds out of range [:{x}:]"),
            (Bounds::Slice3C, false) => format!("slice bounds out of range [{x}:{y}:]"),
            (Bounds::Slice3C, true) => format!("slice bounds out of range [{x}::]"),
        };
        RtError::runtime(what)
    }

    /// `panic: runtime error: invalid memory address or nil pointer dereference` followed by the
    /// `[signal SIGSEGV ...]` line.
    pub fn nil_deref() -> RtError {
        let message = "runtime error: invalid memory address or nil pointer dereference";
        RtError::Panic {
            value: Value::str(message),
            message: message.into(),
            signal: true,
            runtime_error: true,
        }
    }

    /// `panic: runtime error: integer divide by zero`.
    pub fn divide_by_zero() -> RtError {
        RtError::runtime("integer divide by zero".to_string())
    }

    /// `panic: runtime error: makeslice: len out of range`.
    pub fn makeslice_len() -> RtError {
        RtError::runtime("makeslice: len out of range".to_string())
    }

    /// `panic: runtime error: makeslice: cap out of range`.
    pub fn makeslice_cap() -> RtError {
        RtError::runtime("makeslice: cap out of range".to_string())
    }

    /// `panic: makechan: size out of range`.
    pub fn makechan_size() -> RtError {
        RtError::plain_error("makechan: size out of range")
    }

    /// `panic: assignment to entry in nil map`.
    pub fn nil_map_write() -> RtError {
        RtError::plain_error("assignment to entry in nil map")
    }

    /// `panic: send on closed channel`.
    pub fn send_on_closed() -> RtError {
        RtError::plain_error("send on closed channel")
    }

    /// `panic: close of closed channel`.
    pub fn close_of_closed() -> RtError {
        RtError::plain_error("close of closed channel")
    }

    /// `panic: close of nil channel`.
    pub fn close_of_nil() -> RtError {
        RtError::plain_error("close of nil channel")
    }

    /// `panic: sync: negative WaitGroup counter`.
    pub fn negative_waitgroup() -> RtError {
        RtError::plain("sync: negative WaitGroup counter")
    }

    /// `panic: sync: WaitGroup misuse: Add called concurrently with Wait`.
    pub fn waitgroup_misuse_add() -> RtError {
        RtError::plain(crate::rt::waitgroup::MISUSE_ADD)
    }

    /// `panic: sync: WaitGroup is reused before previous Wait has returned`.
    pub fn waitgroup_reused() -> RtError {
        RtError::plain("sync: WaitGroup is reused before previous Wait has returned")
    }

    /// `panic: runtime error: hash of unhashable type T` (`ty` as `%T` prints it).
    pub fn unhashable(ty: &str) -> RtError {
        RtError::runtime(format!("hash of unhashable type {ty}"))
    }

    /// `panic: runtime error: comparing uncomparable type T`.
    pub fn uncomparable(ty: &str) -> RtError {
        RtError::runtime(format!("comparing uncomparable type {ty}"))
    }

    /// A library function's `panic(string)`: `panic: errors: target must be a non-nil pointer`.
    pub fn library_panic(message: &str) -> RtError {
        RtError::plain(message)
    }

    /// `panic: value method main.T.M called using nil *T pointer` (runtime.panicwrap): a
    /// value-receiver method reached through a nil pointer in an interface. `ty` is `main.T`.
    pub fn nil_value_method(ty: &str, name: &str) -> RtError {
        let base = ty.rsplit('.').next().unwrap_or(ty);
        RtError::plain_error(&format!(
            "value method {ty}.{name} called using nil *{base} pointer"
        ))
    }

    /// `panic: interface conversion: ...` (`what` is the rest of Go's message).
    pub fn interface_conversion(what: &str) -> RtError {
        RtError::plain_error(&format!("interface conversion: {what}"))
    }

    /// A user `panic(v)`: `printed` is how Go prints `v` after `panic: ` (a string's bytes
    /// as-is, an error's `Error()`, an int in decimal, other values as `(main.T) 0xc000012345`).
    pub fn user_panic(value: Value, printed: GoString) -> RtError {
        RtError::Panic {
            message: printed,
            value,
            signal: false,
            runtime_error: false,
        }
    }

    /// `fatal error: concurrent map writes`.
    pub fn concurrent_map_writes() -> RtError {
        RtError::fatal("concurrent map writes")
    }

    /// `fatal error: concurrent map read and map write`.
    pub fn concurrent_map_read_write() -> RtError {
        RtError::fatal("concurrent map read and map write")
    }

    /// `fatal error: concurrent map iteration and map write`.
    pub fn concurrent_map_iteration_write() -> RtError {
        RtError::fatal("concurrent map iteration and map write")
    }

    /// `fatal error: sync: unlock of unlocked mutex`.
    pub fn unlock_of_unlocked_mutex() -> RtError {
        RtError::fatal("sync: unlock of unlocked mutex")
    }

    /// `fatal error: sync: RUnlock of unlocked RWMutex`.
    pub fn runlock_of_unlocked_rwmutex() -> RtError {
        RtError::fatal("sync: RUnlock of unlocked RWMutex")
    }

    /// `fatal error: sync: Unlock of unlocked RWMutex`.
    pub fn unlock_of_unlocked_rwmutex() -> RtError {
        RtError::fatal("sync: Unlock of unlocked RWMutex")
    }

    /// `fatal error: all goroutines are asleep - deadlock!`.
    pub fn deadlock() -> RtError {
        RtError::fatal("all goroutines are asleep - deadlock!")
    }

    /// `fatal error: no goroutines (main called runtime.Goexit) - deadlock!`: every goroutine
    /// ended after main called `runtime.Goexit` (Go prints no goroutine then).
    pub fn no_goroutines() -> RtError {
        RtError::fatal("no goroutines (main called runtime.Goexit) - deadlock!")
    }

    /// The placeholder error of a `runtime.Goexit` unwinding (never printed: see
    /// `Panicking::goexit`).
    pub fn goexit() -> RtError {
        RtError::plain("runtime.Goexit")
    }

    /// `fatal error: stack overflow` (racemap's bound on call depth).
    pub fn stack_overflow() -> RtError {
        RtError::fatal("stack overflow")
    }

    /// A fatal error.
    pub fn is_fatal(&self) -> bool {
        matches!(self, RtError::Fatal { .. })
    }

    /// The first line Go prints: `panic: MSG` or `fatal error: MSG` (an invalid byte of a
    /// panic value's string shows as U+FFFD).
    pub fn first_line(&self) -> String {
        match self {
            RtError::Panic { message, .. } => format!("panic: {}", message.to_lossy()),
            RtError::Fatal { message } => format!("fatal error: {message}"),
            RtError::Exit { code } => format!("exit status {code}"),
        }
    }
}

impl fmt::Display for RtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.first_line())
    }
}

/// Exit status of a run that racemap itself broke ([`InternalError`]): BSD's `EX_SOFTWARE`,
/// distinct from Go's 0/2, the race detector's 66 and racemap's limit status 3.
pub const EXIT_INTERNAL: i32 = 70;

/// How the first line of an internal error starts.
pub const INTERNAL_ERROR_PREFIX: &str = "racemap internal error: ";

/// A broken VM invariant: a bug in racemap, not in the Go program.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct InternalError {
    /// What broke, e.g. `operand stack underflow in main.main at pc 3`.
    pub message: String,
}

impl InternalError {
    /// An internal error saying `message`.
    pub fn new(message: impl Into<String>) -> InternalError {
        InternalError {
            message: message.into(),
        }
    }

    /// `racemap internal error: MESSAGE`.
    pub fn first_line(&self) -> String {
        format!("{INTERNAL_ERROR_PREFIX}{}", self.message)
    }

    /// What racemap prints on stderr: the first line and a hint that this is racemap's bug.
    pub fn render(&self) -> String {
        format!(
            "{}\n(this is a bug in racemap, not in the Go program; the run was stopped)\n",
            self.first_line()
        )
    }
}

impl fmt::Display for InternalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.first_line())
    }
}

/// Whether a first error line reports an [`InternalError`].
pub fn is_internal_error_line(line: &str) -> bool {
    line.starts_with(INTERNAL_ERROR_PREFIX)
}

/// One line pair of a goroutine dump: `main.f(...)` then `\tprog.go:LINE +0xOFF`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DumpFrame {
    /// Go's runtime name of the function (`main.main.func1`).
    pub name: String,
    /// The argument list as printed inside the parentheses (`0x3` or empty).
    pub args: String,
    /// The file name (`prog.go`).
    pub file: String,
    /// The 1-based line.
    pub line: u32,
    /// The `+0x..` offset, derived deterministically from the pc; 0 for an inlined call
    /// (printed without offset).
    pub offset: u32,
}

impl DumpFrame {
    fn render(&self, out: &mut String) {
        if self.offset == 0 {
            // An inlined call (`sync.(*WaitGroup).Done(...)`): Go prints no pc offset.
            out.push_str(&format!(
                "{}({})\n\t{}:{}\n",
                self.name, self.args, self.file, self.line
            ));
            return;
        }
        out.push_str(&format!(
            "{}({})\n\t{}:{} +{:#x}\n",
            self.name, self.args, self.file, self.line, self.offset
        ));
    }
}

/// One goroutine in a dump: `goroutine 6 [chan send]:` then its frames.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GoroutineDump {
    /// Go's goroutine number (main is 1).
    pub go_id: u64,
    /// The state in brackets: `running`, `runnable`, `chan send`, `sync.Mutex.Lock`, …
    pub state: String,
    /// Frames, innermost first.
    pub frames: Vec<DumpFrame>,
    /// The `go` statement that created it (`created by main.main`), absent for main.
    pub created_by: Option<DumpFrame>,
    /// Go's traceback stopped at its frame limit (`_TracebackMaxFrames`, 100) with every frame
    /// it walked printed: `...additional frames elided...` follows the frames.
    pub elided: bool,
}

impl GoroutineDump {
    /// Render as Go does (no trailing blank line).
    pub fn render(&self) -> String {
        self.render_as(false)
    }

    /// Render as Go does; with `addresses`, each frame's line ends in its frame and stack
    /// pointers and pc, as a traceback of the runtime's own fatal errors (`throw`) prints them
    /// (racemap's addresses are made up, deterministic: Go's vary by run).
    fn render_as(&self, addresses: bool) -> String {
        let mut out = format!("goroutine {} [{}]:\n", self.go_id, self.state);
        // Each frame's stack pointer is the frame pointer of the one it called.
        let mut sp = STACK_OVERFLOW_SP + 8;
        for (i, f) in self.frames.iter().enumerate() {
            f.render(&mut out);
            if addresses {
                out.pop();
                let fp = sp + if i == 0 { 8 } else { 0x20 };
                let pc = 0x4d_1f00 + f.offset as u64;
                out.push_str(&format!(" fp={fp:#x} sp={sp:#x} pc={pc:#x}\n"));
                sp = fp;
            }
        }
        if self.elided {
            out.push_str("...additional frames elided...\n");
        }
        if let Some(c) = &self.created_by {
            out.push_str(&format!(
                "created by {}\n\t{}:{} +{:#x}\n",
                c.name, c.file, c.line, c.offset
            ));
        }
        out
    }
}

/// Why a run failed, with everything needed to print it: the error, who raised it and the
/// goroutine dump captured at that moment.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct RunError {
    /// The error.
    pub error: RtError,
    /// The goroutine that raised it (for a deadlock: main).
    pub gid: Gid,
    /// Earlier panics still being handled when this one started (a deferred call panicked),
    /// oldest first, each as Go prints it after `panic: ` (with ` [recovered]` when it was
    /// recovered): Go prints `panic: A [recovered]` then `\tpanic: B`.
    pub previous: Vec<GoString>,
    /// The goroutines Go prints: only the panicking one for a panic, all for a fatal error
    /// (the failing one first, then the others by goroutine number).
    pub goroutines: Vec<GoroutineDump>,
}

impl RunError {
    /// The first line: `panic: ...` or `fatal error: ...`.
    pub fn first_line(&self) -> String {
        match (&self.error, self.previous.first()) {
            (RtError::Panic { .. }, Some(first)) => format!("panic: {}", first.to_lossy()),
            _ => self.error.first_line(),
        }
    }

    /// The process exit status: 2, as Go, or `os.Exit`'s.
    pub fn exit_code(&self) -> i32 {
        match self.error {
            RtError::Exit { code } => code,
            _ => 2,
        }
    }

    /// What the Go program writes to stderr when it dies, e.g.
    /// ```text
    /// panic: boom
    ///
    /// goroutine 1 [running]:
    /// main.main()
    ///     prog.go:4 +0x27
    /// ```
    /// as text: an invalid byte of a panic value's string shows as U+FFFD
    /// ([`RunError::render_bytes`] keeps it).
    pub fn render(&self) -> String {
        String::from_utf8_lossy(&self.render_bytes()).into_owned()
    }

    /// The bytes the Go program writes to stderr when it dies: a panic value's string is
    /// written unchanged, invalid UTF-8 included, as Go's `printpanicval` does.
    pub fn render_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        match &self.error {
            RtError::Panic {
                message, signal, ..
            } => {
                let mut line = |tab: &str, text: &GoString| {
                    out.extend_from_slice(tab.as_bytes());
                    out.extend_from_slice(b"panic: ");
                    out.extend_from_slice(text.as_bytes());
                    out.push(b'\n');
                };
                for (i, p) in self.previous.iter().enumerate() {
                    line(if i == 0 { "" } else { "\t" }, p);
                }
                line(if self.previous.is_empty() { "" } else { "\t" }, message);
                if *signal {
                    let pc = self
                        .goroutines
                        .first()
                        .and_then(|g| g.frames.first())
                        .map(|f| 0x45_0000 + f.offset as u64)
                        .unwrap_or(0x45_0000);
                    out.extend_from_slice(
                        format!(
                            "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc={pc:#x}]\n"
                        )
                        .as_bytes(),
                    );
                }
            }
            RtError::Fatal { message } if self.error == RtError::stack_overflow() => {
                out.extend_from_slice(stack_overflow_text(message).as_bytes())
            }
            RtError::Fatal { message } => {
                out.extend_from_slice(format!("fatal error: {message}\n").as_bytes())
            }
            RtError::Exit { .. } => {}
        }
        let addresses = self.error == RtError::stack_overflow();
        for g in &self.goroutines {
            out.push(b'\n');
            out.extend_from_slice(g.render_as(addresses).as_bytes());
        }
        out
    }

    /// [`RunError::render`] followed by `exit status 2`, as `go run` prints it.
    pub fn render_go_run(&self) -> String {
        format!("{}exit status {}\n", self.render(), self.exit_code())
    }
}

/// The stack pointer racemap prints for a goroutine that overflowed its stack (Go's varies by run).
const STACK_OVERFLOW_SP: u64 = 0x00c0_200e_0388;

/// What Go 1.19 prints up to the goroutines when a goroutine's stack exceeds its limit
/// (`runtime.newstack`'s two lines, the `throw`, and the system stack it was raised on).
fn stack_overflow_text(message: &str) -> String {
    let src = "/usr/local/go/src/runtime";
    format!(
        "runtime: goroutine stack exceeds 1000000000-byte limit\n\
         runtime: sp={STACK_OVERFLOW_SP:#x} stack=[0xc0200e0000, 0xc0400e0000]\n\
         fatal error: {message}\n\
         \n\
         runtime stack:\n\
         runtime.throw({{0x4f038d?, 0x592d80?}})\n\
         \t{src}/panic.go:1047 +0x5d fp=0x7fffb659aaa0 sp=0x7fffb659aa70 pc=0x46829d\n\
         runtime.newstack()\n\
         \t{src}/stack.go:1103 +0x5cc fp=0x7fffb659ac58 sp=0x7fffb659aaa0 pc=0x48106c\n\
         runtime.morestack()\n\
         \t{src}/asm_amd64.s:570 +0x8b fp=0x7fffb659ac60 sp=0x7fffb659ac58 pc=0x49350b\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(name: &str, line: u32, offset: u32) -> DumpFrame {
        DumpFrame {
            name: name.to_string(),
            args: String::new(),
            file: "prog.go".to_string(),
            line,
            offset,
        }
    }

    #[test]
    fn panic_renders_like_go() {
        let e = RunError {
            error: RtError::index_out_of_range(5, 3),
            gid: Gid::MAIN,
            previous: vec![],
            goroutines: vec![GoroutineDump {
                go_id: 1,
                state: "running".into(),
                frames: vec![frame("main.main", 9, 0x1d)],
                created_by: None,
                elided: false,
            }],
        };
        expect_test::expect![[r#"
            panic: runtime error: index out of range [5] with length 3

            goroutine 1 [running]:
            main.main()
            	prog.go:9 +0x1d
            exit status 2
        "#]]
        .assert_eq(&e.render_go_run());
    }

    #[test]
    fn fatal_renders_every_goroutine() {
        let e = RunError {
            error: RtError::deadlock(),
            gid: Gid::MAIN,
            previous: vec![],
            goroutines: vec![
                GoroutineDump {
                    go_id: 1,
                    state: "select (no cases)".into(),
                    frames: vec![frame("main.main", 10, 0xcc)],
                    created_by: None,
                    elided: false,
                },
                GoroutineDump {
                    go_id: 6,
                    state: "chan send".into(),
                    frames: vec![frame("main.main.func1", 7, 0x25)],
                    created_by: Some(frame("main.main", 7, 0x5c)),
                    elided: false,
                },
            ],
        };
        expect_test::expect![[r#"
            fatal error: all goroutines are asleep - deadlock!

            goroutine 1 [select (no cases)]:
            main.main()
            	prog.go:10 +0xcc

            goroutine 6 [chan send]:
            main.main.func1()
            	prog.go:7 +0x25
            created by main.main
            	prog.go:7 +0x5c
        "#]]
        .assert_eq(&e.render());
    }

    #[test]
    fn stack_overflow_renders_the_runtime_stack_and_addresses() {
        let e = RunError {
            error: RtError::stack_overflow(),
            gid: Gid::MAIN,
            previous: vec![],
            goroutines: vec![GoroutineDump {
                go_id: 1,
                state: "running".into(),
                frames: vec![frame("main.f", 5, 0x11), frame("main.f", 6, 0x65)],
                created_by: None,
                elided: true,
            }],
        };
        expect_test::expect![[r#"
            runtime: goroutine stack exceeds 1000000000-byte limit
            runtime: sp=0xc0200e0388 stack=[0xc0200e0000, 0xc0400e0000]
            fatal error: stack overflow

            runtime stack:
            runtime.throw({0x4f038d?, 0x592d80?})
            	/usr/local/go/src/runtime/panic.go:1047 +0x5d fp=0x7fffb659aaa0 sp=0x7fffb659aa70 pc=0x46829d
            runtime.newstack()
            	/usr/local/go/src/runtime/stack.go:1103 +0x5cc fp=0x7fffb659ac58 sp=0x7fffb659aaa0 pc=0x48106c
            runtime.morestack()
            	/usr/local/go/src/runtime/asm_amd64.s:570 +0x8b fp=0x7fffb659ac60 sp=0x7fffb659ac58 pc=0x49350b

            goroutine 1 [running]:
            main.f()
            	prog.go:5 +0x11 fp=0xc0200e0398 sp=0xc0200e0390 pc=0x4d1f11
            main.f()
            	prog.go:6 +0x65 fp=0xc0200e03b8 sp=0xc0200e0398 pc=0x4d1f65
            ...additional frames elided...
        "#]]
        .assert_eq(&e.render());
        assert_eq!(e.first_line(), "fatal error: stack overflow");
    }

    #[test]
    fn nil_deref_has_signal_line() {
        let e = RunError {
            error: RtError::nil_deref(),
            gid: Gid::MAIN,
            previous: vec![],
            goroutines: vec![GoroutineDump {
                go_id: 1,
                state: "running".into(),
                frames: vec![frame("main.main", 7, 0x16)],
                created_by: None,
                elided: false,
            }],
        };
        let text = e.render();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "panic: runtime error: invalid memory address or nil pointer dereference"
        );
        assert!(
            lines[1].starts_with("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x")
        );
        assert_eq!(e.first_line(), lines[0]);
    }

    #[test]
    fn recovered_chain() {
        let e = RunError {
            error: RtError::index_out_of_range(3, 0),
            gid: Gid::MAIN,
            previous: vec!["assignment to entry in nil map [recovered]".into()],
            goroutines: vec![],
        };
        assert_eq!(
            e.render(),
            "panic: assignment to entry in nil map [recovered]\n\tpanic: runtime error: index out of range [3] with length 0\n"
        );
    }
}
