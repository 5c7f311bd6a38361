//! `strings.Builder`'s methods, as Go 1.19's `strings/builder.go`: the Builder is
//! `struct { addr *Builder; buf string }` and each method is one visible step. The writes
//! (`WriteString`, `WriteByte`, `WriteRune`) first run Go's `copyCheck` (read `addr`; set it
//! to the Builder's own address on first use; a different address means the Builder was
//! copied by value: `panic: strings: illegal use of non-zero Builder copied by value`), then
//! read and write `buf`; `String` and `Len` read `buf`; `Reset` writes both. Go's Builder is
//! not safe for concurrent use: these are plain accesses, so the race detector reports a
//! Builder shared without synchronization.

use super::*;

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
        self.builder_step(gid, LibFunc::BuilderWriteString, p, &[], reads, Some(text))
    }

    /// One step of a Builder method: `pre` are effects the step has before the Builder's
    /// (fmt's reads); `bytes` replaces `WriteString`'s operand.
    fn builder_step(
        &mut self,
        gid: Gid,
        func: LibFunc,
        p: Pointer,
        args: &[Value],
        pre: Vec<Effect>,
        bytes: Option<Vec<u8>>,
    ) -> R<Vec<Value>> {
        let (addr, cell) = (p.child(0), p.child(1));
        let writes = !matches!(
            func,
            LibFunc::BuilderString | LibFunc::BuilderLen | LibFunc::BuilderReset
        );
        let mut eff = pre;
        if writes {
            // copyCheck
            eff.push(Effect::Read(Loc::Heap(addr.clone())));
            match self.heap.load(&addr)? {
                Value::Ptr(None) => {
                    self.heap.store(&addr, Value::Ptr(Some(p.clone())))?;
                    eff.push(Effect::Write(Loc::Heap(addr.clone())));
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
        match written {
            None => {
                let value = Value::Str(buf);
                eff.push(Effect::Read(loc));
                self.emit(gid, Op::Load { ptr: cell, value }, eff);
            }
            Some(new) => {
                self.heap.reserve(&self.config, new.len() as u64 / 64)?;
                let value = Value::Str(new);
                self.heap.store(&cell, value.clone())?;
                if func == LibFunc::BuilderReset {
                    self.heap.store(&addr, Value::Ptr(None))?;
                    eff.push(Effect::Write(Loc::Heap(addr)));
                } else {
                    eff.push(Effect::Read(loc.clone()));
                }
                eff.push(Effect::Write(loc));
                self.emit(gid, Op::Store { ptr: cell, value }, eff);
            }
        }
        Ok(results)
    }
}
