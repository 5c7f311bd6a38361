//! Package `log`'s standard logger, as Go 1.19's `log/log.go`: its state is the hidden cell
//! lowering passes first (`struct { prefix string; flagx int; mu sync.Mutex }`, `flagx` the
//! flags xor `LstdFlags` so that the zero cell is Go's initial logger). A print: fmt formats
//! the operands (reading them), then `(*Logger).Output` locks `mu`, reads the flags and prefix
//! and writes the header and the message (a newline added if missing) to os.Stderr, a write
//! under the file's `fdMutex` as fmt's (`interp::file`: the lock attempt, which writes or
//! registers as a waiter behind a write by fmt, then the unlock), and unlocks `mu` with the
//! file: two goroutines' log calls are ordered for the race detector, as in Go (a call that
//! finds `mu` held waits without a step, as at a `sync.Mutex`). After the unlock `Fatal*` exit
//! with status 1 and `Panic*` panic with the message (one step with the unlock).
//!
//! The header's date and time read racemap's virtual clock, which starts at 2009/11/10
//! 23:00:00 UTC (the Go playground's clock): deterministic, where Go prints the wall clock.

use super::*;
use crate::rt::event::SyncVar;
use crate::rt::goroutine::{LogEnd, LogWrite};

/// How a call of package `log` went on.
pub(super) enum LogOutcome {
    /// It returned these results.
    Results(Vec<Value>),
    /// It wrote under the logger's mutex and parked on os.Stderr's lock (`interp::file`).
    Parked,
    /// It formatted its message and called the compiled `(*Logger).Output` (a writer that is
    /// not an `*os.File`).
    Called,
}

/// Where a logger writes.
enum Out {
    /// The file with this descriptor, natively (`interp::file`).
    File(i64),
    /// Another `io.Writer`: the compiled `log.(*Logger).Output` calls its `Write`.
    Writer,
}

/// `log.LstdFlags` (`Ldate | Ltime`), the standard logger's initial flags.
const LSTD_FLAGS: i64 = 3;
/// The virtual clock's zero as a Unix time: 2009-11-10 23:00:00 UTC.
const EPOCH_UNIX: i64 = 1_257_894_000;

/// Whether `f` is one of package `log`'s functions on a logger's cell (not `log.New`) or a
/// `*log.Logger` method.
pub(super) fn is_log(f: LibFunc) -> bool {
    let owner = f.spec().owner;
    !matches!(f, LibFunc::LogNew | LibFunc::LogDefault)
        && (owner == crate::library::Owner::Package("log")
            || owner == crate::library::Owner::Struct("log", "Logger"))
}

impl Machine {
    /// A call of `log` function `func`; `args[0]` points to the standard logger's cell.
    /// Returns its results, or that it parked on its write (a print).
    pub(super) fn log_call(
        &mut self,
        gid: Gid,
        func: LibFunc,
        args: &[Value],
        push_results: bool,
    ) -> R<LogOutcome> {
        let outer = func;
        let p = match args.first() {
            Some(Value::Ptr(Some(p))) => p.clone(),
            Some(Value::Ptr(None)) => return Err(RtError::nil_deref().into()),
            _ => return Err(InternalError::new("log without its logger cell").into()),
        };
        // A `*Logger` method does what the package function of its name does on its cell.
        let func = match func.spec().owner {
            crate::library::Owner::Struct(..) => {
                LibFunc::package_function("log", func.spec().name).unwrap_or(func)
            }
            _ => func,
        };
        let (prefix, flagx, mu) = (p.child(0), p.child(1), p.child(2));
        let out = self.log_out(&p)?;
        let lock = SyncVar::Lock(mu.clone());
        let flags = int(&self.heap.load(&flagx)?)? ^ LSTD_FLAGS;
        let prefix_value = str_of(&self.heap.load(&prefix)?)?.clone();
        let locked = |inner: Vec<Effect>| {
            let mut eff = vec![Effect::Acquire(lock.clone())];
            eff.extend(inner);
            eff.push(Effect::Release(lock.clone()));
            eff
        };
        match func {
            LibFunc::LogSetFlags | LibFunc::LogSetPrefix => {
                let (cell, value) = if func == LibFunc::LogSetFlags {
                    (flagx, Value::Int(int(arg(args, 1)?)? ^ LSTD_FLAGS))
                } else {
                    (prefix, Value::Str(string_arg(args, 1)?))
                };
                self.heap.store(&cell, value.clone())?;
                let eff = locked(vec![Effect::Write(Loc::Heap(cell.clone()))]);
                self.emit(gid, Op::Store { ptr: cell, value }, eff);
                return Ok(LogOutcome::Results(Vec::new()));
            }
            LibFunc::LogSetOutput => {
                let w = arg(args, 1)?.clone();
                let fd = self.writer_fd(&w)?;
                self.heap.store(&p.child(3), Value::Int(fd))?;
                self.heap.store(&p.child(4), w.clone())?;
                let eff = locked(vec![
                    Effect::Write(Loc::Heap(p.child(3))),
                    Effect::Write(Loc::Heap(p.child(4))),
                ]);
                self.emit(
                    gid,
                    Op::Store {
                        ptr: p.child(4),
                        value: w,
                    },
                    eff,
                );
                return Ok(LogOutcome::Results(Vec::new()));
            }
            LibFunc::LogWriter => {
                let mut w = self.heap.load(&p.child(4))?;
                if w == Value::Iface(None) && int(&self.heap.load(&p.child(3))?)? == 0 {
                    // The standard logger's initial writer, os.Stderr.
                    let file = self.named_type("os", "File");
                    let ty = self
                        .program
                        .types
                        .find(&crate::types::TypeKind::Pointer(file));
                    if let Some(ty) = ty {
                        w = Value::Iface(Some(Box::new((ty, self.lib_var(LibFunc::OsStderr)?))));
                    }
                }
                let eff = locked(vec![Effect::Read(Loc::Heap(p.child(4)))]);
                self.emit(
                    gid,
                    Op::Load {
                        ptr: p.child(4),
                        value: w.clone(),
                    },
                    eff,
                );
                return Ok(LogOutcome::Results(vec![w]));
            }
            LibFunc::LogFlags | LibFunc::LogPrefix => {
                let (cell, value) = if func == LibFunc::LogFlags {
                    (flagx, Value::Int(flags))
                } else {
                    (prefix, Value::Str(prefix_value))
                };
                let eff = locked(vec![Effect::Read(Loc::Heap(cell.clone()))]);
                self.emit(
                    gid,
                    Op::Load {
                        ptr: cell,
                        value: value.clone(),
                    },
                    eff,
                );
                return Ok(LogOutcome::Results(vec![value]));
            }
            _ => {}
        }
        let verb = match func {
            LibFunc::LogPrintf | LibFunc::LogFatalf | LibFunc::LogPanicf => {
                super::format::PrintVerb::Printf
            }
            LibFunc::LogPrintln | LibFunc::LogFatalln | LibFunc::LogPanicln => {
                super::format::PrintVerb::Println
            }
            _ => super::format::PrintVerb::Print,
        };
        let (text, mut reads, check) =
            self.print_reading(args.get(1..).unwrap_or_default(), verb)?;
        if let Err(e) = check {
            self.emit(
                gid,
                Op::Print {
                    text: String::new(),
                    stderr: true,
                },
                reads,
            );
            return Err(e.into());
        }
        let fd = match out {
            Out::File(fd) => fd,
            Out::Writer => {
                // `fmt.Sprint*`'s reads are this step; `Output` locks `mu`, formats the header,
                // calls the writer's `Write` and unlocks, as compiled program code.
                self.emit(
                    gid,
                    Op::Print {
                        text: String::new(),
                        stderr: false,
                    },
                    reads,
                );
                // The compiled `log.Printf` or `log.(*Logger).Printf` (`lang/lower/log_output.rs`;
                // a method value's wrapper of the same name is a wrapper).
                let name = outer.go_name();
                let caller = self
                    .program
                    .funcs
                    .iter()
                    .position(|f| *f.name == *name && !f.wrapper && f.params == 2)
                    .ok_or_else(|| InternalError::new("log's Output is not compiled"))?;
                let text = Value::Str(crate::gostr::GoString::from(text));
                let kind = if push_results {
                    FrameKind::Call
                } else {
                    FrameKind::Deferred
                };
                self.g(gid).next = None;
                self.push_call(
                    gid,
                    FuncId(caller as u32),
                    vec![Value::Ptr(Some(p)), text],
                    Rc::from(Vec::new()),
                    kind,
                )?;
                return Ok(LogOutcome::Called);
            }
        };
        let mut line = self.log_header(gid, flags, prefix_value.as_bytes(), 0);
        line.extend_from_slice(&text);
        if line.last() != Some(&b'\n') || text.is_empty() {
            line.push(b'\n');
        }
        // `(*Logger).Output` holds `mu` from the header to the end of `l.out.Write`, which
        // takes os.Stderr's `fdMutex` as a write by fmt does (`interp::file`).
        reads.extend([
            Effect::Acquire(lock),
            Effect::Read(Loc::Heap(flagx)),
            Effect::Read(Loc::Heap(prefix)),
        ]);
        let end = match func {
            LibFunc::LogFatal | LibFunc::LogFatalf | LibFunc::LogFatalln => LogEnd::Exit,
            LibFunc::LogPanic | LibFunc::LogPanicf | LibFunc::LogPanicln => {
                LogEnd::Panic(String::from_utf8_lossy(&text).into_owned())
            }
            _ => LogEnd::Return,
        };
        self.log_write(gid, fd, line, reads, LogWrite { mu, end });
        Ok(LogOutcome::Parked)
    }

    /// `log.New(out, prefix, flag)` (`args[0]` is the standard logger's cell, unused): a new
    /// logger's cell.
    pub(super) fn log_new(&mut self, args: &[Value]) -> R<Value> {
        let w = arg(args, 1)?.clone();
        let fd = self.writer_fd(&w)?;
        let prefix = Value::Str(string_arg(args, 2)?);
        let flagx = Value::Int(int(arg(args, 3)?)? ^ LSTD_FLAGS);
        let logger = self.named_type("log", "Logger");
        let Value::Struct(mut fields) = self.zero_of(logger)? else {
            return Err(InternalError::new("log.Logger is not a struct").into());
        };
        if fields.len() != 5 {
            return Err(InternalError::new("log.Logger's cell has 5 fields").into());
        }
        fields[0] = prefix;
        fields[1] = flagx;
        fields[3] = Value::Int(fd);
        fields[4] = w;
        let obj = self.heap.alloc(&self.config, Value::Struct(fields), None)?;
        Ok(Value::Ptr(Some(Pointer::root(obj))))
    }

    /// The file descriptor of writer `w` when it is an `*os.File` (-1 for another writer).
    fn writer_fd(&self, w: &Value) -> R<i64> {
        Ok(match w {
            Value::Iface(Some(b)) => match (&b.1, self.program.types.kind(b.0)) {
                (Value::Ptr(Some(f)), crate::types::TypeKind::Pointer(t))
                    if *t == self.named_type("os", "File") =>
                {
                    match self.heap.load(f)? {
                        Value::Struct(fields) => fields.first().map(int).transpose()?.unwrap_or(2),
                        other => return Err(wrong_kind("an *os.File", &other)),
                    }
                }
                _ => -1,
            },
            _ => -1,
        })
    }

    /// Where the logger at `p` writes: its file (the zero cell, the standard logger's initial
    /// state, writes to os.Stderr) or another writer.
    fn log_out(&self, p: &Pointer) -> R<Out> {
        let fd = int(&self.heap.load(&p.child(3))?)?;
        let w = self.heap.load(&p.child(4))?;
        Ok(match (fd, &w) {
            (0, Value::Iface(None)) => Out::File(2),
            // Go's Logger calls `Write` on a nil writer: a nil dereference.
            (_, Value::Iface(None)) => return Err(RtError::nil_deref().into()),
            (fd, _) if fd > 0 => Out::File(fd),
            _ => Out::Writer,
        })
    }

    /// `log.Default()` (`args[0]` is the standard logger's cell).
    pub(super) fn log_default(&self, args: &[Value]) -> R<Value> {
        Ok(arg(args, 0)?.clone())
    }

    /// The compiled `(*Logger).Output`'s line under the logger's lock, `(l, s, depth)`: its
    /// writer and `formatHeader`'s header, then `s` and a newline if missing, as a new
    /// `[]byte` (Go reuses the logger's `buf`; racemap makes a new slice per line).
    pub(super) fn log_output_line(&mut self, gid: Gid, args: &[Value]) -> R<Vec<Value>> {
        let p = match args.first() {
            Some(Value::Ptr(Some(p))) => p.clone(),
            _ => return Err(RtError::nil_deref().into()),
        };
        let text = string_arg(args, 1)?;
        let depth = int(arg(args, 2)?)?.max(0) as usize;
        let flags = int(&self.heap.load(&p.child(1))?)? ^ LSTD_FLAGS;
        let prefix = str_of(&self.heap.load(&p.child(0))?)?.clone();
        let w = self.heap.load(&p.child(4))?;
        let mut line = self.log_header(gid, flags, prefix.as_bytes(), depth);
        line.extend_from_slice(text.as_bytes());
        if line.last() != Some(&b'\n') || text.is_empty() {
            line.push(b'\n');
        }
        let cap = crate::rt::slice_growth::grown_capacity(0, line.len() as u64, Some(1));
        let elems = line.iter().map(|&b| Value::Int(i64::from(b))).collect();
        let byte = crate::types::TypeTable::basic(crate::types::Basic::Uint8);
        let slice = self.new_slice(elems, cap as usize, byte)?;
        Ok(vec![w, Value::Slice(Some(slice))])
    }

    /// `(*Logger).formatHeader`: the prefix, the date and time of the virtual clock, the
    /// caller's `file:line`, as the flags ask.
    /// `depth` frames of the library lie between the caller's frame and the innermost one.
    fn log_header(&self, gid: Gid, flags: i64, prefix: &[u8], depth: usize) -> Vec<u8> {
        const LDATE: i64 = 1;
        const LTIME: i64 = 2;
        const LMICRO: i64 = 4;
        const LLONGFILE: i64 = 8;
        const LSHORTFILE: i64 = 16;
        const LMSGPREFIX: i64 = 64;
        let mut out = Vec::new();
        if flags & LMSGPREFIX == 0 {
            out.extend_from_slice(prefix);
        }
        let nanos = self.clock.max(0);
        let secs = EPOCH_UNIX + nanos / 1_000_000_000;
        if flags & LDATE != 0 {
            let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
            out.extend_from_slice(format!("{y:04}/{m:02}/{d:02} ").as_bytes());
        }
        if flags & (LTIME | LMICRO) != 0 {
            let s = secs.rem_euclid(86_400);
            let clock = format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
            out.extend_from_slice(clock.as_bytes());
            if flags & LMICRO != 0 {
                let micros = nanos % 1_000_000_000 / 1_000;
                out.extend_from_slice(format!(".{micros:06}").as_bytes());
            }
            out.push(b' ');
        }
        if flags & (LSHORTFILE | LLONGFILE) != 0 {
            let frames = &self.goroutines[gid.0 as usize].frames;
            let caller = frames.len().checked_sub(depth + 1);
            let line = caller.and_then(|i| frames.get(i)).map_or(0, |f| {
                let span = self.program.func(f.func).span_at(f.call_pc);
                self.program.source_map.line_col(span.lo).line
            });
            let file = &self.program.source_map.file_name;
            let file = if flags & LSHORTFILE != 0 {
                file.rsplit('/').next().unwrap_or(file)
            } else {
                file.as_str()
            };
            out.extend_from_slice(format!("{file}:{line}: ").as_bytes());
        }
        if flags & LMSGPREFIX != 0 {
            out.extend_from_slice(prefix);
        }
        out
    }
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::civil_from_days;

    #[test]
    fn the_virtual_clock_starts_on_the_playground_s_date() {
        assert_eq!(civil_from_days(super::EPOCH_UNIX / 86_400), (2009, 11, 10));
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }
}
