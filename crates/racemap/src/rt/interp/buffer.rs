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
//! `lastRead`. A write is two steps, split where Go's can lose a write: the first runs up to
//! the reslice's store (or through `grow`), the second (`BufferCopy`, parked on) stores the
//! header with the length the first read and copies the bytes. The Buffer is not safe for concurrent use: these are plain accesses, so the race
//! detector reports a Buffer shared without synchronization as Go does (a race on `lastRead`,
//! one on the header). The bytes of the backing array are not separate locations.

use super::builder::{lib_func_at, outer_frame, LibFrame, Part};
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
            | LibFunc::BufferCap
    )
}

const TRY_GROW: &str = "bytes.(*Buffer).tryGrowByReslice";
/// How a write's second step stores the header: `tryGrowByReslice`'s reslice (line 108),
/// `grow`'s first array (128), `grow`'s grown array or slid bytes (`off` at 145, the header
/// at 146).
const STORE_RESLICE: i64 = 0;
const STORE_MADE: i64 = 1;
const STORE_GROWN: i64 = 2;
const STORE_SLID: i64 = 3;
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
    /// A method call on the Buffer `p` points to; `args[0]` is `p`.
    pub(super) fn buffer_call(
        &mut self,
        gid: Gid,
        func: LibFunc,
        p: Pointer,
        args: &[Value],
    ) -> R<Part> {
        let data = match func {
            LibFunc::BufferWriteString => string_arg(args, 1)?.as_bytes().to_vec(),
            LibFunc::BufferWrite => {
                let mut bytes = Vec::new();
                for v in self.elements_of(arg(args, 1)?)? {
                    bytes.push(int(&v)? as u8);
                }
                bytes
            }
            LibFunc::BufferWriteByte => vec![int(arg(args, 1)?)? as u8],
            LibFunc::BufferWriteRune => {
                let r = int(arg(args, 1)?)?;
                let bytes = crate::rt::strings_edit::rune_bytes(r);
                if (0..0x80).contains(&r) {
                    // `b.WriteByte(byte(r))`
                    let write = LibFunc::BufferWriteByte;
                    return self.buffer_write(gid, write, p, bytes, Vec::new(), 4, func);
                }
                bytes
            }
            _ => return Ok(Part::Done(self.buffer_other(gid, func, p)?)),
        };
        self.buffer_write(gid, func, p, data, Vec::new(), 0, func)
    }

    /// `fmt.Fprint`, `Fprintln` or `Fprintf` to the Buffer `args[0]` points to: fmt formats
    /// the operands (reading them), then `w.Write` appends the bytes. Its results are
    /// `(n, nil)`.
    pub(super) fn fprint_buffer(&mut self, gid: Gid, func: LibFunc, args: &[Value]) -> R<Part> {
        let verb = match func {
            LibFunc::FmtFprintlnBuffer => super::format::PrintVerb::Println,
            LibFunc::FmtFprintBuffer => super::format::PrintVerb::Print,
            _ => super::format::PrintVerb::Printf,
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
        let outer = super::builder::fprint_code(func);
        let write = LibFunc::BufferWrite;
        self.buffer_write(gid, write, p, text, reads, outer, write)
    }

    /// The first step of write method `func` appending `data` (called from the frame
    /// `outer`, a code of [`outer_frame`]; `result` is the method called, whose results the
    /// second step pushes): `lastRead`, `tryGrowByReslice`'s read, or all of `grow`. `pre` are
    /// effects before the Buffer's (fmt's reads).
    #[allow(clippy::too_many_arguments)]
    fn buffer_write(
        &mut self,
        gid: Gid,
        func: LibFunc,
        p: Pointer,
        data: Vec<u8>,
        pre: Vec<Effect>,
        outer: i64,
        result: LibFunc,
    ) -> R<Part> {
        let (buf, cap, off, last) = (p.child(0), p.child(1), p.child(2), p.child(3));
        let (method, [last_line, try_line, grow_line, _]) = write_lines(func);
        let at = |inner: &[LibFrame], line: u32| -> Vec<LibFrame> {
            let mut out = inner.to_vec();
            out.push((method, line));
            out.extend(outer_frame(outer));
            out
        };
        let read = |p: &Pointer| Effect::Read(Loc::Heap(p.clone()));
        let write = |p: &Pointer| Effect::Write(Loc::Heap(p.clone()));
        let old = str_of(&self.heap.load(&buf)?)?.clone();
        let capacity = int(&self.heap.load(&cap)?)?;
        let offset = int(&self.heap.load(&off)?)?;
        let len = old.len() as i64;
        // WriteRune makes room for utf8.UTFMax bytes.
        let n = if func == LibFunc::BufferWriteRune {
            4
        } else {
            data.len() as i64
        };
        let mut groups: Groups = Vec::new();
        if !pre.is_empty() {
            groups.push((pre, Vec::new()));
        }
        groups.push((vec![write(&last)], at(&[], last_line)));
        groups.push((vec![read(&buf)], at(&[(TRY_GROW, 107)], try_line)));
        self.heap.store(&last, Value::Int(0))?;
        // Where the bytes go, how the second step stores the header, the new capacity.
        let (at_len, kind, new_cap) = if n <= capacity - len {
            (len, STORE_RESLICE, capacity)
        } else {
            // grow(n): its reads; its stores are the second step's.
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
                (0, STORE_MADE, 64)
            } else {
                groups.push((vec![read(&buf)], g(131)));
                if n > capacity / 2 - m {
                    groups.push((vec![read(&buf), read(&off)], g(142)));
                    let c = round_up_size((m + offset + n).max(2 * (capacity - offset)));
                    (m, STORE_GROWN, c)
                } else {
                    groups.push((vec![read(&buf), read(&off)], g(137)));
                    (m, STORE_SLID, capacity)
                }
            }
        };
        let op = Op::Load {
            ptr: buf,
            value: Value::Str(old.clone()),
        };
        for (effects, frames) in groups {
            self.emit_framed(gid, op.clone(), effects, &frames);
        }
        // The bytes of the array the first step read from `off` on (growSlice's copy).
        let kept = old.as_bytes()[offset.clamp(0, len) as usize..].to_vec();
        let then = vec![
            Value::Ptr(Some(p)),
            Value::Str(GoString::from_bytes(&data)),
            Value::Str(GoString::from_bytes(&kept)),
            Value::Int(at_len),
            Value::Int(kind),
            Value::Int(new_cap),
            Value::Int(func as i64),
            Value::Int(outer),
            Value::Int(result as i64),
        ];
        Ok(Part::Then(LibFunc::BufferCopy, then))
    }

    /// A Buffer write's second step (`BufferCopy(b, bytes, read, at, kind, cap, method, outer,
    /// called)`): the stores of the header (`kind`: the reslice's, the new array's of `grow`,
    /// or `grow`'s of `off` and the header) with the length `at` plus the new bytes', then the
    /// copy's read of the header and its write of the bytes at `at`.
    pub(super) fn buffer_copy(&mut self, gid: Gid, args: &[Value]) -> R<Vec<Value>> {
        let p = match arg(args, 0)? {
            Value::Ptr(Some(p)) => p.clone(),
            _ => return Err(Fault::Rt(RtError::nil_deref())),
        };
        let data = string_arg(args, 1)?;
        let read = string_arg(args, 2)?;
        let at_len = int(arg(args, 3)?)?.max(0) as usize;
        let kind = int(arg(args, 4)?)?;
        let new_cap = int(arg(args, 5)?)?;
        let func = lib_func_at(arg(args, 6)?)?;
        let outer = int(arg(args, 7)?)?;
        let called = lib_func_at(arg(args, 8)?)?;
        let (method, [_, try_line, grow_line, copy_line]) = write_lines(func);
        let at = |inner: &[LibFrame], line: u32| -> Vec<LibFrame> {
            let mut out = inner.to_vec();
            out.push((method, line));
            out.extend(outer_frame(outer));
            out
        };
        let (buf, cap, off) = (p.child(0), p.child(1), p.child(2));
        let loc = |p: &Pointer| Loc::Heap(p.clone());
        let current = str_of(&self.heap.load(&buf)?)?.clone();
        // The array the header points to: a new one holds what grow copied; the current one
        // still holds the bytes the first step read where its header is shorter now.
        let mut bytes = if matches!(kind, STORE_MADE | STORE_GROWN) {
            read.as_bytes()[..at_len.min(read.len())].to_vec()
        } else {
            let mut b = current.as_bytes().to_vec();
            if b.len() < at_len {
                let from = b.len().min(read.len());
                b.extend_from_slice(&read.as_bytes()[from..at_len.min(read.len())]);
            }
            b
        };
        bytes.resize(at_len, 0);
        bytes.extend_from_slice(data.as_bytes());
        self.heap.reserve(&self.config, data.len() as u64 / 64)?;
        let value = Value::Str(GoString::from_bytes(&bytes));
        self.heap.store(&buf, value.clone())?;
        self.heap.store(&cap, Value::Int(new_cap))?;
        let mut groups: Groups = Vec::new();
        let g = |line: u32| at(&[(GROW, line)], grow_line);
        match kind {
            STORE_RESLICE => {
                groups.push((
                    vec![Effect::Write(loc(&buf))],
                    at(&[(TRY_GROW, 108)], try_line),
                ));
            }
            STORE_MADE => groups.push((vec![Effect::Write(loc(&buf))], g(128))),
            _ => {
                self.heap.store(&off, Value::Int(0))?;
                groups.push((vec![Effect::Write(loc(&off))], g(145)));
                groups.push((vec![Effect::Write(loc(&buf))], g(146)));
            }
        }
        groups.push((vec![Effect::Read(loc(&buf))], at(&[], copy_line)));
        if func == LibFunc::BufferWriteRune {
            // b.buf = b.buf[:m+n]
            groups.push((vec![Effect::Write(loc(&buf))], at(&[], copy_line + 1)));
        }
        let op = Op::Store { ptr: buf, value };
        for (effects, frames) in groups {
            self.emit_framed(gid, op.clone(), effects, &frames);
        }
        let (n, nil) = (Value::Int(data.len() as i64), Value::Iface(None));
        Ok(match called {
            LibFunc::BufferWriteByte => vec![nil],
            _ => vec![n, nil],
        })
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
            LibFunc::BufferCap => {
                let cap = int(&self.heap.load(&p.child(1))?)?;
                let op = Op::Load {
                    ptr: buf.clone(),
                    value: Value::Str(old),
                };
                let frame = [("bytes.(*Buffer).Cap", 77)];
                self.emit_framed(gid, op, vec![read(&buf)], &frame);
                return Ok(vec![Value::Int(cap)]);
            }
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
