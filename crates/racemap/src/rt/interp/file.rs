//! Writes to an open file: `fmt.Print*` (to `os.Stdout`) and `fmt.Fprint*` to `os.Stdout` or
//! `os.Stderr`, as Go 1.19 does them under `-race`.
//!
//! fmt formats the operands (reading what they point to), then `(*os.File).Write` reaches
//! `internal/poll.(*FD).Write`, which holds the file's `fdMutex` around the `write` system
//! call: `writeLock` (`rwlock(false)`) and `writeUnlock` (`rwunlock(false)`) are loops of
//! `atomic.LoadUint64` and `atomic.CompareAndSwapUint64` on the mutex's state word. Go's race
//! runtime treats a successful compare-and-swap as an acquire and a release of the word, so
//! every such operation is ordered after every earlier one on the same file, *including the
//! compare-and-swap by which a write that finds the lock held registers as a waiter* before it
//! sleeps on the semaphore. A write is therefore two or three steps here, each with effects
//! `[Acquire(File(fd)), Release(File(fd))]` ([`SyncVar::File`]):
//!
//! 1. the call: fmt's reads, then the lock attempt. If no write holds the file, it takes the
//!    lock and writes its bytes; else it registers as a waiter and parks at
//!    [`Visible::FileLock`] ([`Op::FileWait`]);
//! 2. a waiter, once no write holds the file: it takes the lock and writes (any waiter may be
//!    first: Go wakes waiters from the semaphore in the order they reached it, which may differ
//!    from the order they registered, and a newcomer may take the lock before a woken waiter);
//! 3. the unlock ([`Visible::FileUnlock`]), then the call returns.
//!
//! Steps that Go makes in between and that this leaves out add no order: a woken waiter that
//! finds the lock taken again registers anew (it acquires what it will acquire anyway when it
//! takes the lock, and releases only what it released when it first registered), loads only
//! acquire, and the write itself is not a separate step (the output's order is the order the
//! lock is taken in, and nothing another goroutine sees happens between the two). The file's
//! lock holder is the goroutine parked at `FileUnlock`: the state is part of the goroutines.
//! Package `log`'s prints write to os.Stderr through the same steps, holding the logger's
//! mutex from the first step to the unlock ([`LogWrite`], `interp::log`).
//!
//! `(*os.File).Write(b)` reads `b` in the step that takes the lock (after its acquire): Go's
//! `syscall.Write` calls `race.ReadRange(&b[0], n)` after the system call, under the lock, so
//! a goroutine writing `b` meanwhile races with it; the reads carry Go's frames
//! (`runtime.racereadrange` … `os.(*File).Write`).
//!
//! Left out on purpose: `syscall.Write`'s `race.ReleaseMerge(&ioSync)` (only `syscall.Read`
//! acquires it, and no program here reads a file); fmt's `ppFree` `sync.Pool` (under `-race` a
//! `Put` drops the printer one time in four at random and releases into it otherwise, a `Get`
//! acquires from the printer it returns, which depends on which P the goroutine runs on: Go may
//! always add no order there, so racemap never does, and misses the runs where a printer
//! passed between goroutines orders them). The builtin `print`/`println` write through the
//! runtime's own lock, which has no race annotation: no order either.

use super::*;
use crate::rt::event::SyncVar;
use crate::rt::goroutine::{LogEnd, LogWrite};

impl Machine {
    /// Whether a write holds the `fdMutex` of file `fd`.
    pub(crate) fn file_locked(&self, fd: i64) -> bool {
        self.goroutines
            .iter()
            .any(|g| matches!(&g.next, Some(Visible::FileUnlock { fd: f, .. }) if *f == fd))
    }

    /// The file a call of `fmt.Print*` or `fmt.Fprint*` writes to, if it is one and the file is
    /// not nil.
    pub(crate) fn print_file(&self, func: LibFunc, args: &[Value]) -> Option<i64> {
        match func {
            LibFunc::FmtPrintln | LibFunc::FmtPrint | LibFunc::FmtPrintf => Some(1),
            LibFunc::FmtFprintlnFile
            | LibFunc::FmtFprintFile
            | LibFunc::FmtFprintfFile
            | LibFunc::FileWrite
            | LibFunc::FileWriteString => match args.first() {
                Some(Value::Ptr(Some(p))) => match self.heap.load(p) {
                    Ok(Value::Struct(fields)) => match fields.first() {
                        Some(Value::Int(fd)) => Some(*fd),
                        _ => None,
                    },
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        }
    }

    /// A call of `fmt.Print*` or `fmt.Fprint*`: formats, then takes the file's lock and writes
    /// or registers as a waiter (see the module docs). Returns whether the call is done.
    pub(super) fn fmt_print(
        &mut self,
        gid: Gid,
        func: LibFunc,
        args: &[Value],
        push_results: bool,
    ) -> R<bool> {
        // `(*os.File).Write(b)` and `WriteString(s)` write their operand's bytes.
        let direct = matches!(func, LibFunc::FileWrite | LibFunc::FileWriteString);
        let fprint = direct
            || matches!(
                func,
                LibFunc::FmtFprintlnFile | LibFunc::FmtFprintFile | LibFunc::FmtFprintfFile
            );
        // `w` is an `*os.File` (the checker refuses other writers); a nil one writes nothing
        // and returns `os.ErrInvalid`, as `(*File).Write` does.
        let (fd, operands) = if fprint {
            let fd = match args.first() {
                Some(Value::Ptr(Some(p))) => match self.heap.load(p)? {
                    Value::Struct(fields) => Some(int(fields.first().unwrap_or(&Value::Unit))?),
                    other => return Err(wrong_kind("an os.File", &other)),
                },
                _ => None,
            };
            (fd, args.get(1..).unwrap_or_default())
        } else {
            (Some(1), args)
        };
        let verb = match func {
            LibFunc::FmtFprintlnFile | LibFunc::FmtPrintln => super::format::PrintVerb::Println,
            LibFunc::FmtFprintFile | LibFunc::FmtPrint => super::format::PrintVerb::Print,
            _ => super::format::PrintVerb::Printf,
        };
        let (text, mut reads, check) = match fd {
            Some(_) if direct => {
                let bytes = match operands.first() {
                    Some(Value::Str(s)) => s.as_bytes().to_vec(),
                    Some(v) => (self.elements_of(v)?.iter())
                        .map(|b| int(b).map(|b| b as u8))
                        .collect::<R<Vec<u8>>>()?,
                    None => Vec::new(),
                };
                (bytes, Vec::new(), Ok(()))
            }
            Some(_) => self.print_reading(operands, verb)?,
            None => (Vec::new(), Vec::new(), Ok(())),
        };
        let results = |m: &mut Machine, n: usize| -> R<Option<Vec<Value>>> {
            if !push_results {
                return Ok(None);
            }
            let err = match fd {
                Some(_) => Value::Iface(None),
                None => m.new_error(&GoString::from("invalid argument"), Value::Iface(None))?,
            };
            Ok(Some(vec![Value::Int(n as i64), err]))
        };
        let (Some(fd), Ok(())) = (fd, &check) else {
            // A nil file, or a map printed in the middle of a write (its reads, then the fatal
            // error): no write.
            let results = results(self, 0)?;
            self.emit(
                gid,
                Op::Print {
                    text: String::new(),
                    stderr: fd == Some(2),
                },
                reads,
            );
            check?;
            self.finish_call(gid, results);
            return Ok(true);
        };
        let results = results(self, text.len())?;
        reads.extend(file_word(fd));
        // `(*os.File).Write(b)` reads `b` once it holds the lock.
        let source = match operands.first() {
            Some(v @ Value::Slice(Some(_))) if func == LibFunc::FileWrite => Some(v.clone()),
            _ => None,
        };
        if self.file_locked(fd) {
            self.emit(gid, Op::FileWait { fd }, reads);
            let span = self.goroutines[gid.0 as usize].next_span;
            let log = None;
            self.park(
                gid,
                Visible::FileLock {
                    fd,
                    text,
                    source,
                    results,
                    log,
                },
                Some(span),
            );
        } else {
            self.write_file(gid, fd, &text, reads, source.as_ref());
            let span = self.goroutines[gid.0 as usize].next_span;
            self.park(
                gid,
                Visible::FileUnlock {
                    fd,
                    results,
                    log: None,
                },
                Some(span),
            );
        }
        Ok(false)
    }

    /// A write of `text` to file `fd` by package `log` holding the logger's mutex (`effects`
    /// so far: fmt's reads, the mutex's acquire, the reads of the logger's flags and prefix):
    /// the lock attempt, which writes or registers as a waiter (step 1 of the module docs).
    pub(super) fn log_write(
        &mut self,
        gid: Gid,
        fd: i64,
        text: Vec<u8>,
        mut effects: Vec<Effect>,
        log: LogWrite,
    ) {
        effects.extend(file_word(fd));
        let log = Some(Box::new(log));
        let span = self.goroutines[gid.0 as usize].next_span;
        if self.file_locked(fd) {
            self.emit(gid, Op::FileWait { fd }, effects);
            let results = None;
            self.park(
                gid,
                Visible::FileLock {
                    fd,
                    text,
                    source: None,
                    results,
                    log,
                },
                Some(span),
            );
        } else {
            // (A log's text is its own bytes: no reads.)
            self.write_file(gid, fd, &text, effects, None);
            self.park(
                gid,
                Visible::FileUnlock {
                    fd,
                    results: None,
                    log,
                },
                Some(span),
            );
        }
    }

    /// Whether a call of package `log` holds the logger's mutex at `mu` (it is writing).
    pub(crate) fn log_locked(&self, mu: &Pointer) -> bool {
        self.goroutines.iter().any(|g| match &g.next {
            Some(
                Visible::FileLock { log: Some(l), .. } | Visible::FileUnlock { log: Some(l), .. },
            ) => l.mu == *mu,
            _ => false,
        })
    }

    /// A waiter takes the lock of file `fd` and writes `text` (step 2 of the module docs).
    pub(super) fn file_lock(
        &mut self,
        gid: Gid,
        fd: i64,
        text: &[u8],
        source: Option<Value>,
        results: Option<Vec<Value>>,
        log: Option<Box<LogWrite>>,
    ) {
        self.write_file(gid, fd, text, file_word(fd).to_vec(), source.as_ref());
        let span = self.goroutines[gid.0 as usize].next_span;
        self.park(gid, Visible::FileUnlock { fd, results, log }, Some(span));
    }

    /// A write unlocks file `fd` and its call returns (step 3 of the module docs); a write by
    /// package `log` then unlocks the logger's mutex and returns, exits or panics.
    pub(super) fn file_unlock(
        &mut self,
        gid: Gid,
        fd: i64,
        results: Option<Vec<Value>>,
        log: Option<Box<LogWrite>>,
    ) -> R<()> {
        let mut effects = file_word(fd).to_vec();
        if let Some(l) = &log {
            effects.push(Effect::Release(SyncVar::Lock(l.mu.clone())));
        }
        self.emit(gid, Op::FileUnlock { fd }, effects);
        match log.map(|l| l.end) {
            None | Some(LogEnd::Return) => self.finish_call(gid, results),
            Some(LogEnd::Exit) => {
                // `log.Fatal` calls `os.Exit(1)` after `Output` unlocked the logger: a step of
                // its own, so another goroutine may log or print between, as in Go.
                let span = self.goroutines[gid.0 as usize].next_span;
                let exit = Visible::Lib {
                    func: crate::library::LibFunc::OsExit,
                    args: vec![Value::Int(1)],
                    push_results: false,
                    exclusive: false,
                };
                self.park(gid, exit, Some(span));
            }
            Some(LogEnd::Panic(message)) => return Err(RtError::library_panic(&message).into()),
        }
        Ok(())
    }

    /// Appends `text` to file `fd` and records the step's print with `effects`; then, for
    /// `(*os.File).Write(b)`, its reads of `source`, `b` (`syscall.Write`'s
    /// `race.ReadRange(&p[0], n)` after the system call, under the file's lock: Go's frames
    /// from `runtime.racereadrange` down to `os.(*File).Write`).
    fn write_file(
        &mut self,
        gid: Gid,
        fd: i64,
        text: &[u8],
        mut effects: Vec<Effect>,
        source: Option<&Value>,
    ) {
        let framed = match source {
            Some(Value::Slice(Some(s))) if s.len > 0 => {
                effects.extend((0..s.len).map(|i| Effect::Read(Loc::Heap(s.elem(i)))));
                true
            }
            _ => false,
        };
        if fd == 2 {
            self.stderr.extend_from_slice(text);
        } else if let Some(captured) = &mut self.capture {
            // An example runs: os.Stdout is its pipe (`rt::interp::example`).
            captured.extend_from_slice(text);
        } else {
            self.stdout.extend_from_slice(text);
        }
        let op = Op::Print {
            text: String::from_utf8_lossy(text).into_owned(),
            stderr: fd == 2,
        };
        if framed {
            self.emit_framed(gid, op, effects, &WRITE_FRAMES);
        } else {
            self.emit(gid, op, effects);
        }
    }

    /// The call is over: push its results, if any.
    fn finish_call(&mut self, gid: Gid, results: Option<Vec<Value>>) {
        let g = self.g(gid);
        g.next = None;
        if let (Some(results), Some(f)) = (results, g.frames.last_mut()) {
            f.stack.extend(results);
        }
    }
}

/// Go 1.19's frames above the program's at `(*os.File).Write`'s read of its `[]byte`,
/// innermost first (`syscall.Write` inlined into `ignoringEINTRIO`).
const WRITE_FRAMES: [super::builder::LibFrame; 5] = [
    ("runtime.racereadrange", 1),
    ("internal/poll.ignoringEINTRIO", 794),
    ("internal/poll.(*FD).Write", 383),
    ("os.(*File).write", 48),
    ("os.(*File).Write", 176),
];

/// One compare-and-swap on the lock word of file `fd`'s `fdMutex`.
pub(super) fn file_word(fd: i64) -> [Effect; 2] {
    [
        Effect::Acquire(SyncVar::File(fd)),
        Effect::Release(SyncVar::File(fd)),
    ]
}
