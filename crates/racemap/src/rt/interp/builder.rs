//! `strings.Builder`'s methods, as Go 1.19's `strings/builder.go`: the Builder is
//! `struct { addr *Builder; buf string }` and each method is one visible step. The writes
//! (`WriteString`, `WriteByte`, `WriteRune`) first run Go's `copyCheck` (read `addr`; set it
//! to the Builder's own address on first use; a different address means the Builder was
//! copied by value: `panic: strings: illegal use of non-zero Builder copied by value`), then
//! read and write `buf`; `String` and `Len` read `buf`; `Reset` writes both. Go's Builder is
//! not safe for concurrent use: these are plain accesses, so the race detector reports a
//! Builder shared without synchronization. A write is two steps, as Go's `append` reads the
//! slice header, then stores it: the first runs `copyCheck` and reads `buf`, the second
//! (`BuilderAppend`, parked on) stores `buf` as the first's bytes plus the new ones, so two
//! goroutines writing at once can lose one write, as in Go. Each group of accesses is an event whose race stack
//! starts with Go's library frames (`strings.(*Builder).copyCheck` at `builder.go:34` for the
//! read of `addr` and `:40` for its write, then the method at its line; `fmt.Fprintf`'s
//! `w.Write` for fmt's writes), so a race on a Builder is reported as Go reports it: a race on
//! `addr` and one on `buf`, with the library frames above the program's.

use super::*;
use crate::rt::event::{Event, StackFrame};

/// A library frame: Go's function name and the line of the access or call.
pub(super) type LibFrame = (&'static str, u32);

/// `strings.(*Builder).copyCheck`'s frame name.
const COPY_CHECK: &str = "strings.(*Builder).copyCheck";

/// What a Builder or Buffer call did: its results, or its first step, with the hidden
/// library call of its second step to park on (a `BuilderAppend` or `BufferCopy` and its
/// operands).
pub(super) enum Part {
    /// The call is done: its results.
    Done(Vec<Value>),
    /// The call goes on with this call.
    Then(LibFunc, Vec<Value>),
}

/// The frame calling a library write, by the code the second step carries (0: none): fmt's
/// `Fprintf`, `Fprint`, `Fprintln` calling `w.Write`, or `(*Buffer).WriteRune` calling
/// `WriteByte`.
pub(super) fn outer_frame(code: i64) -> Option<LibFrame> {
    match code {
        1 => Some(("fmt.Fprintf", 205)),
        2 => Some(("fmt.Fprint", 243)),
        3 => Some(("fmt.Fprintln", 285)),
        4 => Some(("bytes.(*Buffer).WriteRune", 293)),
        _ => None,
    }
}

/// The code of `fmt.Fprint*`'s frame for [`outer_frame`].
pub(super) fn fprint_code(func: LibFunc) -> i64 {
    match func {
        LibFunc::FmtFprintlnBuilder | LibFunc::FmtFprintlnBuffer => 3,
        LibFunc::FmtFprintBuilder | LibFunc::FmtFprintBuffer => 2,
        _ => 1,
    }
}

/// The library function with this index in [`LibFunc::ALL`] (a second step's operand).
pub(super) fn lib_func_at(v: &Value) -> R<LibFunc> {
    let i = int(v)?;
    LibFunc::ALL
        .get(i as usize)
        .copied()
        .ok_or_else(|| InternalError::new(format!("no library function {i}")).into())
}

/// The method's name, the line of its `copyCheck` call and the line of its access to `buf`.
fn method_lines(func: LibFunc, ascii: bool) -> (&'static str, u32, u32) {
    match func {
        LibFunc::BuilderWriteString => ("strings.(*Builder).WriteString", 123, 124),
        LibFunc::BuilderWrite => ("strings.(*Builder).Write", 89, 90),
        LibFunc::BuilderWriteByte => ("strings.(*Builder).WriteByte", 97, 98),
        LibFunc::BuilderWriteRune => (
            "strings.(*Builder).WriteRune",
            105,
            if ascii { 108 } else { 116 },
        ),
        LibFunc::BuilderString => ("strings.(*Builder).String", 0, 48),
        LibFunc::BuilderLen => ("strings.(*Builder).Len", 0, 52),
        LibFunc::BuilderCap => ("strings.(*Builder).Cap", 0, 57),
        _ => ("strings.(*Builder).Reset", 61, 62),
    }
}

/// Whether `f` is `fmt.Fprint*` to a `strings.Builder`.
pub(super) fn is_fprint_builder(f: LibFunc) -> bool {
    matches!(
        f,
        LibFunc::FmtFprintBuilder | LibFunc::FmtFprintlnBuilder | LibFunc::FmtFprintfBuilder
    )
}

/// Whether `f` is a `strings.Builder` method.
pub(super) fn is_builder(f: LibFunc) -> bool {
    matches!(
        f,
        LibFunc::BuilderWriteString
            | LibFunc::BuilderWrite
            | LibFunc::BuilderWriteByte
            | LibFunc::BuilderWriteRune
            | LibFunc::BuilderString
            | LibFunc::BuilderLen
            | LibFunc::BuilderReset
            | LibFunc::BuilderGrow
            | LibFunc::BuilderCap
    )
}

impl Machine {
    /// A method call on the Builder `p` points to; `args[0]` is `p`.
    pub(super) fn builder_call(
        &mut self,
        gid: Gid,
        func: LibFunc,
        p: Pointer,
        args: &[Value],
    ) -> R<Part> {
        self.builder_step(gid, func, p, args, Vec::new(), None)
    }

    /// Emits one event of a Builder or Buffer step: `frames` (innermost first) above the
    /// goroutine's race stack.
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
    /// bytes as `WriteString` does. Its results are `(n, nil)`.
    pub(super) fn fprint_builder(&mut self, gid: Gid, func: LibFunc, args: &[Value]) -> R<Part> {
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
        let fprint = Some((text, fprint_code(func)));
        self.builder_step(gid, LibFunc::BuilderWriteString, p, &[], reads, fprint)
    }

    /// The method (and line of its `copyCheck` call and of its access to `buf`) of a write,
    /// `(*Builder).Write` under fmt's frame `outer` (a code of [`outer_frame`], 0: none).
    fn builder_method(func: LibFunc, ascii: bool, outer: i64) -> (&'static str, u32, u32) {
        match outer_frame(outer) {
            Some(_) => ("strings.(*Builder).Write", 89, 90),
            None => method_lines(func, ascii),
        }
    }

    /// A Builder method: `pre` are effects the step has before the Builder's (fmt's reads);
    /// `fprint` replaces `WriteString`'s operand with fmt's bytes, written by
    /// `(*Builder).Write` called from fmt's frame (its code).
    fn builder_step(
        &mut self,
        gid: Gid,
        func: LibFunc,
        p: Pointer,
        args: &[Value],
        pre: Vec<Effect>,
        fprint: Option<(Vec<u8>, i64)>,
    ) -> R<Part> {
        let (addr, cell) = (p.child(0), p.child(1));
        let buf = str_of(&self.heap.load(&cell)?)?.clone();
        let loc = Loc::Heap(cell.clone());
        let data: Vec<u8> = match (func, &fprint) {
            (_, Some((text, _))) => text.clone(),
            (LibFunc::BuilderWriteString, None) => string_arg(args, 1)?.as_bytes().to_vec(),
            (LibFunc::BuilderWrite, None) => (self.elements_of(arg(args, 1)?)?.iter())
                .map(|b| int(b).map(|b| b as u8))
                .collect::<R<Vec<u8>>>()?,
            (LibFunc::BuilderWriteByte, None) => vec![int(arg(args, 1)?)? as u8],
            (LibFunc::BuilderWriteRune, None) => {
                crate::rt::strings_edit::rune_bytes(int(arg(args, 1)?)?)
            }
            (LibFunc::BuilderGrow, None) => return self.builder_grow(gid, p, args),
            (LibFunc::BuilderString | LibFunc::BuilderLen | LibFunc::BuilderCap, None) => {
                let (name, line) = match func {
                    LibFunc::BuilderString => ("strings.(*Builder).String", 48),
                    LibFunc::BuilderCap => ("strings.(*Builder).Cap", 57),
                    _ => ("strings.(*Builder).Len", 52),
                };
                let results = match func {
                    LibFunc::BuilderString => vec![Value::Str(buf.clone())],
                    LibFunc::BuilderCap => vec![self.heap.load(&p.child(2))?],
                    _ => vec![Value::Int(buf.len() as i64)],
                };
                let op = Op::Load {
                    ptr: cell,
                    value: Value::Str(buf),
                };
                self.emit_framed(gid, op, vec![Effect::Read(loc)], &[(name, line)]);
                return Ok(Part::Done(results));
            }
            (LibFunc::BuilderReset, None) => {
                let name = "strings.(*Builder).Reset";
                let value = Value::Str(GoString::from_bytes(b""));
                self.heap.store(&cell, value.clone())?;
                self.heap.store(&addr, Value::Ptr(None))?;
                self.heap.store(&p.child(2), Value::Int(0))?;
                let op = Op::Store { ptr: cell, value };
                let addr_write = vec![Effect::Write(Loc::Heap(addr))];
                self.emit_framed(gid, op.clone(), addr_write, &[(name, 61)]);
                self.emit_framed(gid, op, vec![Effect::Write(loc)], &[(name, 62)]);
                return Ok(Part::Done(Vec::new()));
            }
            (other, None) => {
                let msg = format!("{} is not a strings.Builder method", other.go_name());
                return Err(InternalError::new(msg).into());
            }
        };
        let outer = fprint.as_ref().map_or(0, |(_, code)| *code);
        let ascii = data.len() == 1;
        let (method, check_line, buf_line) = Self::builder_method(func, ascii, outer);
        let frames = |inner: &[LibFrame]| -> Vec<LibFrame> {
            inner.iter().copied().chain(outer_frame(outer)).collect()
        };
        let check = [("strings.(*Builder).copyCheck", 34), (method, check_line)];
        let written_check = [("strings.(*Builder).copyCheck", 40), (method, check_line)];
        // (effects, frames) of each event, in order.
        let mut groups: Vec<(Vec<Effect>, Vec<LibFrame>)> = Vec::new();
        if !pre.is_empty() {
            groups.push((pre, Vec::new()));
        }
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
        // `append` reads the slice header.
        groups.push((vec![Effect::Read(loc)], frames(&[(method, buf_line)])));
        let op = Op::Load {
            ptr: cell,
            value: Value::Str(buf.clone()),
        };
        for (effects, frames) in groups {
            self.emit_framed(gid, op.clone(), effects, &frames);
        }
        let cap = self.heap.load(&p.child(2))?;
        let then = vec![
            Value::Ptr(Some(p)),
            Value::Str(GoString::from_bytes(&data)),
            Value::Str(buf),
            Value::Int(func as i64),
            Value::Int(outer),
            cap,
        ];
        Ok(Part::Then(LibFunc::BuilderAppend, then))
    }

    /// A Builder write's second step (`BuilderAppend(b, bytes, read, method, outer)`): `append`
    /// stores the slice header: the bytes the first step read, then the new ones.
    pub(super) fn builder_append(&mut self, gid: Gid, args: &[Value]) -> R<Vec<Value>> {
        let p = match arg(args, 0)? {
            Value::Ptr(Some(p)) => p.clone(),
            _ => return Err(Fault::Rt(RtError::nil_deref())),
        };
        let data = string_arg(args, 1)?;
        let read = string_arg(args, 2)?;
        let func = lib_func_at(arg(args, 3)?)?;
        let outer = int(arg(args, 4)?)?;
        let old_cap = int(arg(args, 5)?)?.max(0) as u64;
        let cell = p.child(1);
        let mut bytes = read.as_bytes().to_vec();
        bytes.extend_from_slice(data.as_bytes());
        self.heap.reserve(&self.config, bytes.len() as u64 / 64)?;
        let value = Value::Str(GoString::from_bytes(&bytes));
        self.heap.store(&cell, value.clone())?;
        // `append`'s capacity: the old one while it holds the bytes, else `growslice`'s.
        let needed = bytes.len() as u64;
        let cap = match needed > old_cap {
            true => crate::rt::slice_growth::grown_capacity(old_cap, needed, Some(1)),
            false => old_cap,
        };
        self.heap.store(&p.child(2), Value::Int(cap as i64))?;
        let (method, _, buf_line) = Self::builder_method(func, data.len() == 1, outer);
        let frames: Vec<LibFrame> = std::iter::once((method, buf_line))
            .chain(outer_frame(outer))
            .collect();
        let write = vec![Effect::Write(Loc::Heap(cell.clone()))];
        self.emit_framed(gid, Op::Store { ptr: cell, value }, write, &frames);
        let (n, nil) = (Value::Int(data.len() as i64), Value::Iface(None));
        Ok(match func {
            LibFunc::BuilderWriteByte if outer == 0 => vec![nil],
            _ => vec![n, nil],
        })
    }

    /// `b.Grow(n)` (Go 1.19's `builder.go:76`), one step: `copyCheck`, then the read of the
    /// slice header and, when fewer than `n` bytes are free, `grow`'s store of a header of
    /// capacity `2*cap+n` (`make` keeps the capacity it is asked for).
    fn builder_grow(&mut self, gid: Gid, p: Pointer, args: &[Value]) -> R<Part> {
        const GROW: &str = "strings.(*Builder).Grow";
        let (addr, cell, cap_cell) = (p.child(0), p.child(1), p.child(2));
        let n = int(arg(args, 1)?)?;
        let buf = str_of(&self.heap.load(&cell)?)?.clone();
        let cap = int(&self.heap.load(&cap_cell)?)?;
        let op = Op::Load {
            ptr: cell.clone(),
            value: Value::Str(buf.clone()),
        };
        let read_addr = vec![Effect::Read(Loc::Heap(addr.clone()))];
        self.emit_framed(gid, op.clone(), read_addr, &[(COPY_CHECK, 34), (GROW, 77)]);
        match self.heap.load(&addr)? {
            Value::Ptr(None) => {
                self.heap.store(&addr, Value::Ptr(Some(p.clone())))?;
                let write = vec![Effect::Write(Loc::Heap(addr))];
                self.emit_framed(gid, op.clone(), write, &[(COPY_CHECK, 40), (GROW, 77)]);
            }
            Value::Ptr(Some(q)) if q == p => {}
            _ => {
                let msg = "strings: illegal use of non-zero Builder copied by value";
                return Err(RtError::library_panic(msg).into());
            }
        }
        if n < 0 {
            return Err(RtError::library_panic("strings.Builder.Grow: negative count").into());
        }
        let read = vec![Effect::Read(Loc::Heap(cell.clone()))];
        self.emit_framed(gid, op, read, &[(GROW, 81)]);
        if cap - (buf.len() as i64) < n {
            let new_cap = cap.saturating_mul(2).saturating_add(n);
            self.heap.reserve(&self.config, new_cap as u64 / 64)?;
            self.heap.store(&cap_cell, Value::Int(new_cap))?;
            let value = Value::Str(buf);
            let write = vec![Effect::Write(Loc::Heap(cell.clone()))];
            let op = Op::Store { ptr: cell, value };
            self.emit_framed(
                gid,
                op,
                write,
                &[("strings.(*Builder).grow", 70), (GROW, 82)],
            );
        }
        Ok(Part::Done(Vec::new()))
    }

    /// The results of a Builder or Buffer call, or `None` when it parked on its second step.
    pub(super) fn builder_part(
        &mut self,
        gid: Gid,
        part: Part,
        push_results: bool,
    ) -> Option<Vec<Value>> {
        match part {
            Part::Done(results) => Some(results),
            Part::Then(func, args) => {
                let span = self.goroutines[gid.0 as usize].next_span;
                let next = Visible::Lib {
                    func,
                    args,
                    push_results,
                    exclusive: false,
                };
                self.park(gid, next, Some(span));
                None
            }
        }
    }
}
