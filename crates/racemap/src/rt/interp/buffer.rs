//! `bytes.Buffer`'s methods, as Go 1.19's `bytes/buffer.go`. The Buffer is
//! `struct { buf string; cap int; off int; lastRead int }`: the bytes of Go's `buf []byte`,
//! its capacity, `off` (0: racemap's Buffer is never read from) and `lastRead`. Each method
//! is one visible step whose memory accesses are Go's, in Go's order, each group an event
//! whose race stack starts with Go's library frames (`buffer.go` lines): a write sets
//! `lastRead` (line 179 for `WriteString`), `tryGrowByReslice` reads the slice header (107)
//! and reslices it when the capacity suffices (108); otherwise `grow` reads the length and
//! `off` (`Len`, inlined, 118), tries the reslice again (124), tests `b.buf == nil` (127) and
//! makes the first 64-byte array (128), or reads the capacity (131) and grows the slice with
//! `growSlice` (142: the capacity doubles, rounded up to the allocator's size class) before
//! writing `off` (145) and the header (146); the copy reads the header again. `String` and
//! `Len` read the header and `off`; `Reset` reads and writes the header, writes `off` and
//! `lastRead`. The Buffer is not safe for concurrent use: these are plain accesses, so the race
//! detector reports a Buffer shared without synchronization as Go does (a race on `lastRead`,
//! one on the header). The bytes of the backing array are not separate locations.

use super::builder::LibFrame;
use super::*;

/// Go 1.19's allocation size classes up to 32 KiB (`runtime/sizeclasses.go`).
const SIZE_CLASSES: [i64; 67] = [
    8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352,
    384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048,
    2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728,
    10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672,
    32768,
];

/// The capacity `append` gives a `[]byte` of `n` bytes made from nothing (`roundupsize`).
fn round_up_size(n: i64) -> i64 {
    match SIZE_CLASSES.iter().find(|&&c| c >= n) {
        Some(&c) => c,
        None => (n + 8191) / 8192 * 8192,
    }
}

/// Whether `f` is a `bytes.Buffer` method.
pub(super) fn is_buffer(f: LibFunc) -> bool {
    matches!(
        f,
        LibFunc::BufferWriteString
            | LibFunc::BufferWrite
            | LibFunc::BufferWriteByte
            | LibFunc::BufferWriteRune
            | LibFunc::BufferString
            | LibFunc::BufferLen
            | LibFunc::BufferReset
    )
}

const TRY_GROW: &str = "bytes.(*Buffer).tryGrowByReslice";
const GROW: &str = "bytes.(*Buffer).grow";

/// A write method's frame name and lines: `lastRead = opInvalid`, the `tryGrowByReslice`
/// call, the `grow` call, the copy.
fn write_lines(func: LibFunc) -> (&'static str, [u32; 4]) {
    match func {
        LibFunc::BufferWriteString => ("bytes.(*Buffer).WriteString", [179, 180, 182, 184]),
        LibFunc::BufferWriteByte => ("bytes.(*Buffer).WriteByte", [277, 278, 280, 282]),
        LibFunc::BufferWriteRune => ("bytes.(*Buffer).WriteRune", [296, 297, 299, 301]),
        _ => ("bytes.(*Buffer).Write", [167, 168, 170, 172]),
    }
}

/// The events of one Buffer step: (effects, library frames innermost first).
type Groups = Vec<(Vec<Effect>, Vec<LibFrame>)>;

impl Machine {
    /// A method call on the Buffer `p` points to; `args[0]` is `p`. Returns its results.
    pub(super) fn buffer_call(
        &mut self,
        gid: Gid,
        func: LibFunc,
        p: Pointer,
        args: &[Value],
    ) -> R<Vec<Value>> {
        let nil = Value::Iface(None);
        match func {
            LibFunc::BufferWriteString => {
                let s = string_arg(args, 1)?;
                let n = s.len() as i64;
                self.buffer_write(gid, func, p, s.as_bytes(), Vec::new(), &[])?;
                Ok(vec![Value::Int(n), nil])
            }
            LibFunc::BufferWrite => {
                let mut bytes = Vec::new();
                for v in self.elements_of(arg(args, 1)?)? {
                    bytes.push(int(&v)? as u8);
                }
                let n = bytes.len() as i64;
                self.buffer_write(gid, func, p, &bytes, Vec::new(), &[])?;
                Ok(vec![Value::Int(n), nil])
            }
            LibFunc::BufferWriteByte => {
                let c = int(arg(args, 1)?)? as u8;
                self.buffer_write(gid, func, p, &[c], Vec::new(), &[])?;
                Ok(vec![nil])
            }
            LibFunc::BufferWriteRune => {
                let r = int(arg(args, 1)?)?;
                let bytes = crate::rt::strings_edit::rune_bytes(r);
                let n = bytes.len() as i64;
                if (0..0x80).contains(&r) {
                    // `b.WriteByte(byte(r))`
                    let outer = [("bytes.(*Buffer).WriteRune", 293)];
                    self.buffer_write(gid, LibFunc::BufferWriteByte, p, &bytes, vec![], &outer)?;
                } else {
                    self.buffer_write(gid, func, p, &bytes, Vec::new(), &[])?;
                }
                Ok(vec![Value::Int(n), nil])
            }
            _ => self.buffer_other(gid, func, p),
        }
    }

    /// `fmt.Fprint`, `Fprintln` or `Fprintf` to the Buffer `args[0]` points to: fmt formats
    /// the operands (reading them), then `w.Write` appends the bytes; one step. `(n, nil)`.
    pub(super) fn fprint_buffer(
        &mut self,
        gid: Gid,
        func: LibFunc,
        args: &[Value],
    ) -> R<Vec<Value>> {
        let (verb, outer) = match func {
            LibFunc::FmtFprintlnBuffer => {
                (super::format::PrintVerb::Println, ("fmt.Fprintln", 285))
            }
            LibFunc::FmtFprintBuffer => (super::format::PrintVerb::Print, ("fmt.Fprint", 243)),
            _ => (super::format::PrintVerb::Printf, ("fmt.Fprintf", 205)),
        };
        let (text, reads, check) = self.print_reading(args.get(1..).unwrap_or_default(), verb)?;
        if let Err(e) = check {
            let op = Op::Print {
                text: String::new(),
                stderr: false,
            };
            self.emit(gid, op, reads);
            return Err(e.into());
        }
        let p = match args.first() {
            Some(Value::Ptr(Some(p))) => p.clone(),
            _ => return Err(Fault::Rt(RtError::nil_deref())),
        };
        let n = text.len() as i64;
        self.buffer_write(gid, LibFunc::BufferWrite, p, &text, reads, &[outer])?;
        Ok(vec![Value::Int(n), Value::Iface(None)])
    }

    /// Appends `data` to the Buffer as write method `func` does (called from the `outer`
    /// frames); `pre` are effects before the Buffer's (fmt's reads).
    fn buffer_write(
        &mut self,
        gid: Gid,
        func: LibFunc,
        p: Pointer,
        data: &[u8],
        pre: Vec<Effect>,
        outer: &[LibFrame],
    ) -> R<()> {
        let (buf, cap, off, last) = (p.child(0), p.child(1), p.child(2), p.child(3));
        let (method, [last_line, try_line, grow_line, copy_line]) = write_lines(func);
        let at = |inner: &[LibFrame], line: u32| -> Vec<LibFrame> {
            let mut out = inner.to_vec();
            out.push((method, line));
            out.extend_from_slice(outer);
            out
        };
        let read = |p: &Pointer| Effect::Read(Loc::Heap(p.clone()));
        let write = |p: &Pointer| Effect::Write(Loc::Heap(p.clone()));
        let old = str_of(&self.heap.load(&buf)?)?.clone();
        let capacity = int(&self.heap.load(&cap)?)?;
        let offset = int(&self.heap.load(&off)?)?;
        let (len, n) = (old.len() as i64, data.len() as i64);
        let mut groups: Groups = Vec::new();
        if !pre.is_empty() {
            groups.push((pre, Vec::new()));
        }
        groups.push((vec![write(&last)], at(&[], last_line)));
        groups.push((vec![read(&buf)], at(&[(TRY_GROW, 107)], try_line)));
        let mut new_cap = capacity;
        if n <= capacity - len {
            groups.push((vec![write(&buf)], at(&[(TRY_GROW, 108)], try_line)));
        } else {
            // grow(n)
            let m = len - offset;
            let g = |line: u32| at(&[(GROW, line)], grow_line);
            let len_frames = at(&[("bytes.(*Buffer).Len", 73), (GROW, 118)], grow_line);
            groups.push((vec![read(&buf), read(&off)], len_frames));
            if m == 0 {
                groups.push((vec![read(&off)], g(120)));
            }
            groups.push((
                vec![read(&buf)],
                at(&[(TRY_GROW, 107), (GROW, 124)], grow_line),
            ));
            groups.push((vec![read(&buf)], g(127)));
            if capacity == 0 && n <= 64 {
                groups.push((vec![write(&buf)], g(128)));
                new_cap = 64;
            } else {
                groups.push((vec![read(&buf)], g(131)));
                if n > capacity / 2 - m {
                    groups.push((vec![read(&buf), read(&off)], g(142)));
                    new_cap = round_up_size((m + offset + n).max(2 * (capacity - offset)));
                } else {
                    groups.push((vec![read(&buf), read(&off)], g(137)));
                }
                groups.push((vec![write(&off)], g(145)));
                groups.push((vec![write(&buf)], g(146)));
            }
        }
        groups.push((vec![read(&buf)], at(&[], copy_line)));
        if func == LibFunc::BufferWriteRune {
            // b.buf = b.buf[:m+n]
            groups.push((vec![write(&buf)], at(&[], copy_line + 1)));
        }
        let mut bytes = old.as_bytes().to_vec();
        bytes.extend_from_slice(data);
        self.heap.reserve(&self.config, n as u64 / 64)?;
        let value = Value::Str(GoString::from_bytes(&bytes));
        self.heap.store(&buf, value.clone())?;
        self.heap.store(&cap, Value::Int(new_cap))?;
        self.heap.store(&off, Value::Int(0))?;
        self.heap.store(&last, Value::Int(0))?;
        let op = Op::Store { ptr: buf, value };
        for (effects, frames) in groups {
            self.emit_framed(gid, op.clone(), effects, &frames);
        }
        Ok(())
    }

    /// `String`, `Len` and `Reset`.
    fn buffer_other(&mut self, gid: Gid, func: LibFunc, p: Pointer) -> R<Vec<Value>> {
        let (buf, off, last) = (p.child(0), p.child(2), p.child(3));
        let old = str_of(&self.heap.load(&buf)?)?.clone();
        let offset = int(&self.heap.load(&off)?)?;
        let read = |p: &Pointer| Effect::Read(Loc::Heap(p.clone()));
        let write = |p: &Pointer| Effect::Write(Loc::Heap(p.clone()));
        let (name, line, results) = match func {
            LibFunc::BufferString => {
                let rest = old.as_bytes().get(offset.max(0) as usize..).unwrap_or(&[]);
                (
                    "bytes.(*Buffer).String",
                    65,
                    vec![Value::Str(GoString::from_bytes(rest))],
                )
            }
            LibFunc::BufferLen => (
                "bytes.(*Buffer).Len",
                73,
                vec![Value::Int(old.len() as i64 - offset)],
            ),
            LibFunc::BufferReset => {
                let name = "bytes.(*Buffer).Reset";
                let value = Value::Str(GoString::from_bytes(b""));
                self.heap.store(&buf, value.clone())?;
                self.heap.store(&off, Value::Int(0))?;
                self.heap.store(&last, Value::Int(0))?;
                let op = Op::Store {
                    ptr: buf.clone(),
                    value,
                };
                let groups = [
                    (vec![read(&buf), write(&buf)], 98),
                    (vec![write(&off)], 99),
                    (vec![write(&last)], 100),
                ];
                for (effects, line) in groups {
                    self.emit_framed(gid, op.clone(), effects, &[(name, line)]);
                }
                return Ok(Vec::new());
            }
            other => {
                let msg = format!("{} is not a bytes.Buffer method", other.go_name());
                return Err(InternalError::new(msg).into());
            }
        };
        let op = Op::Load {
            ptr: buf.clone(),
            value: Value::Str(old),
        };
        self.emit_framed(gid, op, vec![read(&buf), read(&off)], &[(name, line)]);
        Ok(results)
    }
}
