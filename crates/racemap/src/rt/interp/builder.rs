//! `strings.Builder`'s methods, as Go 1.19's `strings/builder.go`: the Builder is
//! `struct { addr *Builder; buf string }` and each method is one visible step. The writes
//! (`WriteString`, `WriteByte`, `WriteRune`) first run Go's `copyCheck` (read `addr`; set it
//! to the Builder's own address on first use; a different address means the Builder was
//! copied by value: `panic: strings: illegal use of non-zero Builder copied by value`), then
//! read and write `buf`; `String` and `Len` read `buf`; `Reset` writes both. Go's Builder is
//! not safe for concurrent use: these are plain accesses, so the race detector reports a
//! Builder shared without synchronization. Each group of accesses is an event whose race stack
//! starts with Go's library frames (`strings.(*Builder).copyCheck` at `builder.go:34` for the
//! read of `addr` and `:40` for its write, then the method at its line; `fmt.Fprintf`'s
//! `w.Write` for fmt's writes), so a race on a Builder is reported as Go reports it: a race on
//! `addr` and one on `buf`, with the library frames above the program's.

use super::*;
use crate::rt::event::{Event, StackFrame};

/// A library frame: Go's function name and the line of the access or call.
pub(super) type LibFrame = (&'static str, u32);

/// The method's name, the line of its `copyCheck` call and the line of its access to `buf`.
fn method_lines(func: LibFunc, ascii: bool) -> (&'static str, u32, u32) {
    match func {
        LibFunc::BuilderWriteString => ("strings.(*Builder).WriteString", 123, 124),
        LibFunc::BuilderWriteByte => ("strings.(*Builder).WriteByte", 97, 98),
        LibFunc::BuilderWriteRune => (
            "strings.(*Builder).WriteRune",
            105,
            if ascii { 108 } else { 116 },
        ),
        LibFunc::BuilderString => ("strings.(*Builder).String", 0, 48),
        LibFunc::BuilderLen => ("strings.(*Builder).Len", 0, 52),
        _ => ("strings.(*Builder).Reset", 61, 62),
    }
}

/// Whether `f` is a `strings.Builder` method.
pub(super) fn is_builder(f: LibFunc) -> bool {
    matches!(
        f,
        LibFunc::BuilderWriteString
            | LibFunc::BuilderWriteByte
            | LibFunc::BuilderWriteRune
            | LibFunc::BuilderString
            | LibFunc::BuilderLen
            | LibFunc::BuilderReset
    )
}

impl Machine {
    /// A method call on the Builder `p` points to; `args[0]` is `p`. Returns its results.
    pub(super) fn builder_call(
        &mut self,
        gid: Gid,
        func: LibFunc,
        p: Pointer,
        args: &[Value],
    ) -> R<Vec<Value>> {
        self.builder_step(gid, func, p, args, Vec::new(), None)
    }

    /// Emits one event of a Builder step: `frames` (innermost first) above the goroutine's
    /// race stack.
    pub(super) fn emit_framed(
        &mut self,
        gid: Gid,
        op: Op,
        effects: Vec<Effect>,
        frames: &[LibFrame],
    ) {
        let span = self.goroutines[gid.0 as usize].next_span;
        let user = self.race_stack_of(gid);
        let func = user.first().map_or(FuncId(0), |f| f.func);
        let mut stack: Vec<StackFrame> = frames
            .iter()
            .map(|&(name, line)| crate::rt::lib_frames::line_frame(func, name, line))
            .collect();
        stack.extend(user.iter().cloned());
        self.events.push(Event {
            gid,
            span,
            stack: Rc::from(stack),
            op,
            effects,
        });
    }

    /// `fmt.Fprint`, `Fprintln` or `Fprintf` to the Builder `args[0]` points to: fmt formats
    /// the operands (reading them, as `print_reading` records), then `w.Write` appends the
    /// bytes as `WriteString` does; one step. Returns `(n, nil)`.
    pub(super) fn fprint_builder(
        &mut self,
        gid: Gid,
        func: LibFunc,
        args: &[Value],
    ) -> R<Vec<Value>> {
        let verb = match func {
            LibFunc::FmtFprintlnBuilder => super::format::PrintVerb::Println,
            LibFunc::FmtFprintBuilder => super::format::PrintVerb::Print,
            _ => super::format::PrintVerb::Printf,
        };
        let (text, reads, check) = self.print_reading(args.get(1..).unwrap_or_default(), verb)?;
        if let Err(e) = check {
            // The print failed while reading (a map written during the print): Go's fatal
            // error, after the reads.
            self.emit(
                gid,
                Op::Print {
                    text: String::new(),
                    stderr: false,
                },
                reads,
            );
            return Err(e.into());
        }
        let p = match args.first() {
            Some(Value::Ptr(Some(p))) => p.clone(),
            _ => return Err(Fault::Rt(RtError::nil_deref())),
        };
        let outer = match func {
            LibFunc::FmtFprintlnBuilder => ("fmt.Fprintln", 285),
            LibFunc::FmtFprintBuilder => ("fmt.Fprint", 243),
            _ => ("fmt.Fprintf", 205),
        };
        self.builder_step(
            gid,
            LibFunc::BuilderWriteString,
            p,
            &[],
            reads,
            Some((text, outer)),
        )
    }

    /// One step of a Builder method: `pre` are effects the step has before the Builder's
    /// (fmt's reads); `fprint` replaces `WriteString`'s operand with fmt's bytes, written by
    /// `(*Builder).Write` called from the given `fmt` frame.
    fn builder_step(
        &mut self,
        gid: Gid,
        func: LibFunc,
        p: Pointer,
        args: &[Value],
        pre: Vec<Effect>,
        fprint: Option<(Vec<u8>, LibFrame)>,
    ) -> R<Vec<Value>> {
        let (addr, cell) = (p.child(0), p.child(1));
        let writes = !matches!(
            func,
            LibFunc::BuilderString | LibFunc::BuilderLen | LibFunc::BuilderReset
        );
        let ascii = func != LibFunc::BuilderWriteRune || matches!(int(arg(args, 1)?), Ok(0..=0x7f));
        let (method, check_line, buf_line) = match fprint {
            Some(_) => ("strings.(*Builder).Write", 89, 90),
            None => method_lines(func, ascii),
        };
        let outer: Vec<LibFrame> = fprint.iter().map(|(_, o)| *o).collect();
        let frames =
            |inner: &[LibFrame]| -> Vec<LibFrame> { inner.iter().chain(&outer).copied().collect() };
        let check = [("strings.(*Builder).copyCheck", 34), (method, check_line)];
        let written_check = [("strings.(*Builder).copyCheck", 40), (method, check_line)];
        // (effects, frames) of each event, in order.
        let mut groups: Vec<(Vec<Effect>, Vec<LibFrame>)> = Vec::new();
        if !pre.is_empty() {
            groups.push((pre, Vec::new()));
        }
        let bytes = fprint.as_ref().map(|(b, _)| b.clone());
        if writes {
            // copyCheck
            groups.push((vec![Effect::Read(Loc::Heap(addr.clone()))], frames(&check)));
            match self.heap.load(&addr)? {
                Value::Ptr(None) => {
                    self.heap.store(&addr, Value::Ptr(Some(p.clone())))?;
                    groups.push((
                        vec![Effect::Write(Loc::Heap(addr.clone()))],
                        frames(&written_check),
                    ));
                }
                Value::Ptr(Some(q)) if q == p => {}
                _ => {
                    let msg = "strings: illegal use of non-zero Builder copied by value";
                    return Err(RtError::library_panic(msg).into());
                }
            }
        }
        let buf = str_of(&self.heap.load(&cell)?)?.clone();
        let appended = |bytes: &[u8]| {
            let mut out = buf.as_bytes().to_vec();
            out.extend_from_slice(bytes);
            GoString::from_bytes(&out)
        };
        let nil = Value::Iface(None);
        let (written, results): (Option<GoString>, Vec<Value>) = match func {
            LibFunc::BuilderWriteString => {
                let s = match &bytes {
                    Some(b) => GoString::from_bytes(b),
                    None => string_arg(args, 1)?.clone(),
                };
                (
                    Some(appended(s.as_bytes())),
                    vec![Value::Int(s.len() as i64), nil],
                )
            }
            LibFunc::BuilderWriteByte => {
                let c = int(arg(args, 1)?)? as u8;
                (Some(appended(&[c])), vec![nil])
            }
            LibFunc::BuilderWriteRune => {
                let r = crate::rt::strings_edit::rune_bytes(int(arg(args, 1)?)?);
                let n = r.len() as i64;
                (Some(appended(&r)), vec![Value::Int(n), nil])
            }
            LibFunc::BuilderString => (None, vec![Value::Str(buf.clone())]),
            LibFunc::BuilderLen => (None, vec![Value::Int(buf.len() as i64)]),
            LibFunc::BuilderReset => (Some(GoString::from_bytes(b"")), Vec::new()),
            other => {
                let msg = format!("{} is not a strings.Builder method", other.go_name());
                return Err(InternalError::new(msg).into());
            }
        };
        let loc = Loc::Heap(cell.clone());
        let mut eff = Vec::new();
        let op = match written {
            None => {
                let value = Value::Str(buf);
                eff.push(Effect::Read(loc));
                Op::Load { ptr: cell, value }
            }
            Some(new) => {
                self.heap.reserve(&self.config, new.len() as u64 / 64)?;
                let value = Value::Str(new);
                self.heap.store(&cell, value.clone())?;
                if func == LibFunc::BuilderReset {
                    self.heap.store(&addr, Value::Ptr(None))?;
                    groups.push((
                        vec![Effect::Write(Loc::Heap(addr))],
                        frames(&[(method, check_line)]),
                    ));
                } else {
                    eff.push(Effect::Read(loc.clone()));
                }
                eff.push(Effect::Write(loc));
                Op::Store { ptr: cell, value }
            }
        };
        groups.push((eff, frames(&[(method, buf_line)])));
        for (effects, frames) in groups {
            self.emit_framed(gid, op.clone(), effects, &frames);
        }
        Ok(results)
    }
}
