//! Go's `fmt` printing: `Print`, `Println`, `Printf`, `Sprint`, `Sprintln`, `Sprintf` (and
//! `Errorf`'s text), following Go 1.19's `fmt/print.go` and `fmt/format.go`.
//!
//! Operands arrive as Go passes them to `...any`: interface values ([`Value::Iface`]) carrying
//! their dynamic type. Formatting composite values needs the type table and the heap, reached
//! through the small [`FmtHeap`] trait the VM implements.
//!
//! What is covered, as in Go:
//! - `Print` puts a space between operands when neither is a string; `Println` always puts
//!   spaces and ends with a newline.
//! - Verbs `%v %+v %#v %T %p %%`, `%d %b %o %O %x %X %c %q %U`, `%s %q %x %X` (strings and byte
//!   slices), `%t`, `%e %E %f %F %g %G`; flags `+ - # 0 space`, width, precision, `*`, and
//!   argument indexes `%[2]d`.
//! - `%v` of floats is strconv's shortest `'g'`: the exponent form is used when
//!   exp < -4 || exp >= 6 (checked against Go 1.19: `1e+06`, `100000`, `1e-05`, `0.0001`,
//!   `1.23456789e+08`), plus `+Inf`, `-Inf`, `NaN`, `-0`; float32 uses its own shortest
//!   digits (`0.1`, `0.33333334`).
//! - Composite values: structs `{1 2}` / `%+v` `{X:1 Y:2}` / `%#v` `main.T{X:1, Y:2}`, maps
//!   `map[a:1 b:2]` with keys sorted like `internal/fmtsort` (the [`MapKey`] order), slices and
//!   arrays `[1 2 3]`, nil slices `[]`, nil maps `map[]`, nil pointers/interfaces `<nil>`;
//!   a pointer to a struct, array, slice or map prints `&{…}` at the top level only, deeper
//!   it prints its (fake, deterministic) address `0xc000010000`; channels and funcs print
//!   addresses.
//! - sync and atomic values print Go 1.19's struct forms (`sync.Mutex` → `{0 0}`,
//!   `sync.WaitGroup` after `Add(2)` → `{{} 8589934592 0}`, `atomic.Int64` → `{{} {} 5}`).
//! - Error forms: `%!d(string=hi)`, `%!d(MISSING)`, `%!(EXTRA int=1)`, `%!(NOVERB)`,
//!   `%!d(BADINDEX)`, `%!(BADWIDTH)`, `%!(BADPREC)`.
//! - `Error()` / `String()` methods: the VM answers [`FmtHeap::method_string`]; it is consulted
//!   where Go's `handleMethods` is (verbs `v s x X q`, operands and exported nested values).
//!
//! Not covered: `%x` of floats (hex floats), `%#g`-style `#` on floats, `GoStringer`,
//! `Formatter`, `%!v(PANIC=…)`, complex numbers.

use crate::lang::types::{Basic, TypeId, TypeKind, TypeTable};
use crate::rt::sync_state::SyncState;
use crate::rt::value::{ChanId, Closure, MapId, MapKey, Pointer, SliceRef, Value};

/// What an address is asked for.
#[derive(Clone, Copy, Debug)]
pub enum AddrOf<'a> {
    /// A pointer's target.
    Ptr(&'a Pointer),
    /// A map object.
    Map(MapId),
    /// A channel object.
    Chan(ChanId),
    /// A slice's first element.
    Slice(&'a SliceRef),
    /// A function value's code.
    Func(&'a Closure),
}

/// A deterministic fake address in Go's heap range (`0xc000010000` …), so that runs and
/// printed output are reproducible; the VM may override [`FmtHeap::address`] to agree with
/// the addresses it shows elsewhere (race reports).
pub fn default_address(of: AddrOf<'_>) -> u64 {
    const HEAP: u64 = 0xc000010000;
    match of {
        AddrOf::Ptr(p) => {
            HEAP + u64::from(p.obj.0) * 0x100
                + p.path.iter().map(|i| u64::from(*i) * 8).sum::<u64>()
        }
        AddrOf::Slice(s) => HEAP + u64::from(s.obj.0) * 0x100 + u64::from(s.off) * 8,
        AddrOf::Map(m) => 0xc000070000 + u64::from(m.0) * 0x30,
        AddrOf::Chan(c) => 0xc000080000 + u64::from(c.0) * 0x60,
        AddrOf::Func(f) => 0x47b000 + u64::from(f.func.0) * 0x20,
    }
}

/// What formatting needs from the machine.
pub trait FmtHeap {
    /// The program's types.
    fn types(&self) -> &TypeTable;
    /// The value stored at a pointer (`None` if dangling: printed as an address).
    fn load(&self, ptr: &Pointer) -> Option<Value>;
    /// A map's entries as (key, element), in [`MapKey`] order (`MapObj::entries_in_order`).
    fn map_entries(&self, map: MapId) -> Vec<(Value, Value)>;
    /// A slice's elements.
    fn slice_elems(&self, slice: &SliceRef) -> Vec<Value>;
    /// The address printed for a pointer, map, channel, slice or func.
    fn address(&self, of: AddrOf<'_>) -> u64 {
        default_address(of)
    }
    /// The result of the value's `Error()` method (checked first) or `String()` method, if its
    /// dynamic type `ty` has one. The default has none.
    fn method_string(&self, ty: TypeId, value: &Value) -> Option<String> {
        let _ = (ty, value);
        None
    }
}

/// `fmt.Sprint(args...)`: operands are `any` values ([`Value::Iface`]).
pub fn sprint(heap: &dyn FmtHeap, args: &[Value]) -> String {
    let mut p = Printer::new(heap);
    let mut prev_string = false;
    for (i, arg) in args.iter().enumerate() {
        let op = operand(arg);
        let is_string = op
            .map(|(t, _)| matches!(heap.types().under(t), TypeKind::Basic(Basic::String)))
            .unwrap_or(false);
        if i > 0 && !is_string && !prev_string {
            p.buf.push(' ');
        }
        p.print_arg(op, 'v');
        prev_string = is_string;
    }
    p.buf
}

/// `fmt.Sprintln(args...)`: spaces between all operands, then a newline.
pub fn sprintln(heap: &dyn FmtHeap, args: &[Value]) -> String {
    let mut p = Printer::new(heap);
    for (i, arg) in args.iter().enumerate() {
        if i > 0 {
            p.buf.push(' ');
        }
        p.print_arg(operand(arg), 'v');
    }
    p.buf.push('\n');
    p.buf
}

/// `fmt.Sprintf(format, args...)`.
pub fn sprintf(heap: &dyn FmtHeap, format: &str, args: &[Value]) -> String {
    let mut p = Printer::new(heap);
    p.do_printf(format, args);
    p.buf
}

/// The message of `fmt.Errorf(format, args...)`: like [`sprintf`] but `%w` formats its
/// operand like `%v`.
pub fn errorf_text(heap: &dyn FmtHeap, format: &str, args: &[Value]) -> String {
    let mut p = Printer::new(heap);
    p.wrap_errs = true;
    p.do_printf(format, args);
    p.buf
}

/// The dynamic type and value of an `any` operand; `None` for a nil interface (or a value that
/// is not an interface value, which the VM never passes).
fn operand(v: &Value) -> Option<(TypeId, &Value)> {
    match v {
        Value::Iface(Some(b)) => Some((b.0, &b.1)),
        _ => None,
    }
}

/// The formatting flags of one verb (Go's `fmtFlags` plus width and precision).
#[derive(Clone, Copy, Debug, Default)]
struct Flags {
    plus: bool,
    minus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    plus_v: bool,
    sharp_v: bool,
    wid: Option<usize>,
    prec: Option<usize>,
}

/// The struct form of a sync or atomic value (Go 1.19 field layout).
enum Shape {
    /// An integer field of the given basic type.
    Int(i64, Basic),
    /// A struct with its Go type name and fields.
    Struct(&'static str, Vec<(&'static str, Shape)>),
    /// Pre-rendered text (sync.Map internals).
    Raw(String),
}

struct Printer<'h> {
    heap: &'h dyn FmtHeap,
    buf: String,
    f: Flags,
    erroring: bool,
    wrap_errs: bool,
}

const LDIGITS: &[u8; 17] = b"0123456789abcdefx";
const UDIGITS: &[u8; 17] = b"0123456789ABCDEFX";

fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_uppercase())
}

fn basic_of(types: &TypeTable, ty: TypeId) -> Option<Basic> {
    match types.under(ty) {
        TypeKind::Basic(b) => Some(*b),
        _ => None,
    }
}

/// Go's `tooLarge`: widths and precisions above 1e6 are rejected.
const MAX_NUM: usize = 1_000_000;

fn parsenum(s: &[u8], start: usize, end: usize) -> (Option<usize>, usize) {
    let mut num: usize = 0;
    let mut isnum = false;
    let mut i = start;
    while i < end && s[i].is_ascii_digit() {
        if num > MAX_NUM {
            return (None, end);
        }
        num = num * 10 + usize::from(s[i] - b'0');
        isnum = true;
        i += 1;
    }
    (isnum.then_some(num), i)
}

impl<'h> Printer<'h> {
    fn new(heap: &'h dyn FmtHeap) -> Self {
        Printer {
            heap,
            buf: String::new(),
            f: Flags::default(),
            erroring: false,
            wrap_errs: false,
        }
    }

    fn types(&self) -> &'h TypeTable {
        self.heap.types()
    }

    /// The id of the unnamed `[]byte` type, if the program has it (`TypeId(u32::MAX)` if not).
    fn types_byte_slice(&self) -> TypeId {
        let types = self.types();
        (0..types.len() as u32)
            .map(TypeId)
            .find(|t| *types.kind(*t) == TypeKind::Slice(TypeTable::basic(Basic::Uint8)))
            .unwrap_or(TypeId(u32::MAX))
    }

    fn type_string(&self, ty: TypeId) -> String {
        reflect_type_string(self.types(), ty)
    }

    // ---- padding (format.go) ----

    fn write_padding(&mut self, n: usize) {
        let c = if self.f.zero { '0' } else { ' ' };
        self.buf.extend(std::iter::repeat_n(c, n));
    }

    fn pad(&mut self, s: &str) {
        let Some(wid) = self.f.wid else {
            self.buf.push_str(s);
            return;
        };
        let n = s.chars().count();
        if wid <= n {
            self.buf.push_str(s);
            return;
        }
        if !self.f.minus {
            self.write_padding(wid - n);
            self.buf.push_str(s);
        } else {
            self.buf.push_str(s);
            self.write_padding(wid - n);
        }
    }

    fn truncate<'s>(&self, s: &'s str) -> &'s str {
        if let Some(p) = self.f.prec {
            if let Some((i, _)) = s.char_indices().nth(p) {
                return &s[..i];
            }
        }
        s
    }

    fn fmt_s(&mut self, s: &str) {
        let s = self.truncate(s).to_string();
        self.pad(&s);
    }

    fn fmt_bool(&mut self, b: bool, verb: char, cur: (TypeId, &Value)) {
        match verb {
            't' | 'v' => self.pad(if b { "true" } else { "false" }),
            _ => self.bad_verb(verb, Some(cur)),
        }
    }

    /// format.go `fmtInteger`.
    fn fmt_integer_base(&mut self, u: u64, base: u64, signed: bool, verb: char, digits: &[u8; 17]) {
        let negative = signed && (u as i64) < 0;
        let mut u = if negative {
            (u as i64).unsigned_abs()
        } else {
            u
        };
        let mut prec = 0usize;
        if let Some(p) = self.f.prec {
            prec = p;
            if p == 0 && u == 0 {
                let old = self.f.zero;
                self.f.zero = false;
                let w = self.f.wid.unwrap_or(0);
                self.write_padding(w);
                self.f.zero = old;
                return;
            }
        } else if self.f.zero && self.f.wid.is_some() {
            prec = self.f.wid.unwrap_or(0);
            if negative || self.f.plus || self.f.space {
                prec = prec.saturating_sub(1);
            }
        }
        let mut out: Vec<u8> = Vec::new(); // reversed
        loop {
            out.push(digits[(u % base) as usize]);
            u /= base;
            if u == 0 {
                break;
            }
        }
        while out.len() < prec {
            out.push(b'0');
        }
        if self.f.sharp {
            match base {
                2 => out.extend_from_slice(b"b0"),
                8 if out.last() != Some(&b'0') => out.push(b'0'),
                16 => {
                    out.push(digits[16]);
                    out.push(b'0');
                }
                _ => {}
            }
        }
        if verb == 'O' {
            out.extend_from_slice(b"o0");
        }
        if negative {
            out.push(b'-');
        } else if self.f.plus {
            out.push(b'+');
        } else if self.f.space {
            out.push(b' ');
        }
        out.reverse();
        let s = String::from_utf8(out).unwrap_or_default();
        let old = self.f.zero;
        self.f.zero = false;
        self.pad(&s);
        self.f.zero = old;
    }

    fn fmt0x64(&mut self, v: u64, leading0x: bool) {
        let sharp = self.f.sharp;
        self.f.sharp = leading0x;
        self.fmt_integer_base(v, 16, false, 'v', LDIGITS);
        self.f.sharp = sharp;
    }

    fn fmt_c(&mut self, u: u64) {
        let c = u32::try_from(u)
            .ok()
            .and_then(char::from_u32)
            .unwrap_or('\u{FFFD}');
        self.pad(&c.to_string());
    }

    fn fmt_qc(&mut self, u: u64) {
        let c = u32::try_from(u)
            .ok()
            .and_then(char::from_u32)
            .unwrap_or('\u{FFFD}');
        let s = quote_with(&c.to_string(), '\'', self.f.plus);
        self.pad(&s);
    }

    fn fmt_unicode(&mut self, u: u64) {
        let mut s = format!("U+{u:04X}");
        if let Some(p) = self.f.prec {
            if p > 4 {
                s = format!("U+{u:0p$X}");
            }
        }
        if self.f.sharp {
            if let Some(c) = u32::try_from(u).ok().and_then(char::from_u32) {
                if is_print(c) {
                    s.push_str(&format!(" '{c}'"));
                }
            }
        }
        let old = self.f.zero;
        self.f.zero = false;
        self.pad(&s);
        self.f.zero = old;
    }

    /// print.go `fmtInteger`.
    fn fmt_integer(&mut self, u: u64, signed: bool, verb: char, cur: (TypeId, &Value)) {
        match verb {
            'v' => {
                if self.f.sharp_v && !signed {
                    self.fmt0x64(u, true)
                } else {
                    self.fmt_integer_base(u, 10, signed, verb, LDIGITS)
                }
            }
            'd' => self.fmt_integer_base(u, 10, signed, verb, LDIGITS),
            'b' => self.fmt_integer_base(u, 2, signed, verb, LDIGITS),
            'o' | 'O' => self.fmt_integer_base(u, 8, signed, verb, LDIGITS),
            'x' => self.fmt_integer_base(u, 16, signed, verb, LDIGITS),
            'X' => self.fmt_integer_base(u, 16, signed, verb, UDIGITS),
            'c' => self.fmt_c(u),
            'q' => self.fmt_qc(u),
            'U' => self.fmt_unicode(u),
            _ => self.bad_verb(verb, Some(cur)),
        }
    }

    /// print.go `fmtFloat`.
    fn fmt_float(&mut self, v: f64, size: u32, verb: char, cur: (TypeId, &Value)) {
        match verb {
            'v' => self.fmt_float_prec(v, size, 'g', -1),
            'b' | 'g' | 'G' => self.fmt_float_prec(v, size, verb, -1),
            'f' | 'e' | 'E' | 'F' => self.fmt_float_prec(v, size, verb, 6),
            _ => self.bad_verb(verb, Some(cur)),
        }
    }

    /// format.go `fmtFloat`.
    fn fmt_float_prec(&mut self, v: f64, size: u32, verb: char, prec: i64) {
        let prec = self.f.prec.map(|p| p as i64).unwrap_or(prec);
        let mut num = format_float(v, verb, prec, size);
        if !(num.starts_with('-') || num.starts_with('+')) {
            num.insert(0, '+');
        }
        if self.f.space && num.starts_with('+') && !self.f.plus {
            num.replace_range(0..1, " ");
        }
        let second = num.as_bytes().get(1).copied();
        if second == Some(b'I') || second == Some(b'N') {
            let old = self.f.zero;
            self.f.zero = false;
            if second == Some(b'N') && !self.f.space && !self.f.plus {
                num.remove(0);
            }
            self.pad(&num);
            self.f.zero = old;
            return;
        }
        if self.f.plus || !num.starts_with('+') {
            if let Some(w) = self.f.wid {
                if self.f.zero && w > num.len() {
                    let (sign, rest) = num.split_at(1);
                    self.buf.push_str(sign);
                    self.write_padding(w - num.len());
                    self.buf.push_str(rest);
                    return;
                }
            }
            self.pad(&num);
            return;
        }
        self.pad(&num[1..]);
    }

    fn fmt_sbx(&mut self, b: &[u8], digits: &[u8; 17]) {
        let mut length = b.len();
        if let Some(p) = self.f.prec {
            length = length.min(p);
        }
        let mut width = 2 * length;
        if width > 0 {
            if self.f.space {
                if self.f.sharp {
                    width *= 2;
                }
                width += length - 1;
            } else if self.f.sharp {
                width += 2;
            }
        } else {
            if let Some(w) = self.f.wid {
                self.write_padding(w);
            }
            return;
        }
        let wid = self.f.wid.unwrap_or(0);
        if wid > width && !self.f.minus {
            self.write_padding(wid - width);
        }
        let mut out = String::new();
        if self.f.sharp {
            out.push('0');
            out.push(digits[16] as char);
        }
        for (i, c) in b.iter().take(length).enumerate() {
            if self.f.space && i > 0 {
                out.push(' ');
                if self.f.sharp {
                    out.push('0');
                    out.push(digits[16] as char);
                }
            }
            out.push(digits[usize::from(c >> 4)] as char);
            out.push(digits[usize::from(c & 0xF)] as char);
        }
        self.buf.push_str(&out);
        if wid > width && self.f.minus {
            self.write_padding(wid - width);
        }
    }

    fn fmt_q(&mut self, s: &str) {
        let s = self.truncate(s).to_string();
        if self.f.sharp && can_backquote(&s) {
            self.pad(&format!("`{s}`"));
            return;
        }
        let q = quote_with(&s, '"', self.f.plus);
        self.pad(&q);
    }

    /// print.go `fmtString`.
    fn fmt_string(&mut self, s: &str, verb: char, cur: Option<(TypeId, &Value)>) {
        match verb {
            'v' => {
                if self.f.sharp_v {
                    self.fmt_q(s)
                } else {
                    self.fmt_s(s)
                }
            }
            's' => self.fmt_s(s),
            'x' => self.fmt_sbx(s.as_bytes(), LDIGITS),
            'X' => self.fmt_sbx(s.as_bytes(), UDIGITS),
            'q' => self.fmt_q(s),
            _ => self.bad_verb(verb, cur),
        }
    }

    /// print.go `fmtBytes`; `None` when the verb is not a bytes verb (caller prints elements).
    fn fmt_bytes(&mut self, bytes: &[u8], verb: char, type_string: &str, nil: bool) -> bool {
        match verb {
            'v' | 'd' => {
                if self.f.sharp_v {
                    self.buf.push_str(type_string);
                    if nil {
                        self.buf.push_str("(nil)");
                        return true;
                    }
                    self.buf.push('{');
                    for (i, c) in bytes.iter().enumerate() {
                        if i > 0 {
                            self.buf.push_str(", ");
                        }
                        self.fmt0x64(u64::from(*c), true);
                    }
                    self.buf.push('}');
                } else {
                    self.buf.push('[');
                    for (i, c) in bytes.iter().enumerate() {
                        if i > 0 {
                            self.buf.push(' ');
                        }
                        self.fmt_integer_base(u64::from(*c), 10, false, verb, LDIGITS);
                    }
                    self.buf.push(']');
                }
                true
            }
            's' => {
                let s = String::from_utf8_lossy(bytes).into_owned();
                self.fmt_s(&s);
                true
            }
            'x' => {
                self.fmt_sbx(bytes, LDIGITS);
                true
            }
            'X' => {
                self.fmt_sbx(bytes, UDIGITS);
                true
            }
            'q' => {
                let s = String::from_utf8_lossy(bytes).into_owned();
                self.fmt_q(&s);
                true
            }
            _ => false,
        }
    }

    fn bad_verb(&mut self, verb: char, cur: Option<(TypeId, &Value)>) {
        self.erroring = true;
        self.buf.push_str("%!");
        self.buf.push(verb);
        self.buf.push('(');
        match cur {
            Some((ty, v)) => {
                let ts = self.type_string(ty);
                self.buf.push_str(&ts);
                self.buf.push('=');
                self.print_value(ty, v, 'v', 0, true);
            }
            None => self.buf.push_str("<nil>"),
        }
        self.buf.push(')');
        self.erroring = false;
    }

    fn pointer_addr(&self, v: &Value) -> Option<u64> {
        Some(match v {
            Value::Ptr(p) => p.as_ref().map_or(0, |p| self.heap.address(AddrOf::Ptr(p))),
            Value::Map(m) => m.map_or(0, |m| self.heap.address(AddrOf::Map(m))),
            Value::Chan(c) => c.map_or(0, |c| self.heap.address(AddrOf::Chan(c))),
            Value::Slice(s) => s
                .as_ref()
                .map_or(0, |s| self.heap.address(AddrOf::Slice(s))),
            Value::Func(f) => f.as_ref().map_or(0, |f| self.heap.address(AddrOf::Func(f))),
            _ => return None,
        })
    }

    /// print.go `fmtPointer`.
    fn fmt_pointer(&mut self, ty: TypeId, v: &Value, verb: char) {
        let Some(u) = self.pointer_addr(v) else {
            self.bad_verb(verb, Some((ty, v)));
            return;
        };
        match verb {
            'v' => {
                if self.f.sharp_v {
                    self.buf.push('(');
                    let ts = self.type_string(ty);
                    self.buf.push_str(&ts);
                    self.buf.push_str(")(");
                    if u == 0 {
                        self.buf.push_str("nil");
                    } else {
                        self.fmt0x64(u, true);
                    }
                    self.buf.push(')');
                } else if u == 0 {
                    self.pad("<nil>");
                } else {
                    let sharp = !self.f.sharp;
                    self.fmt0x64(u, sharp);
                }
            }
            'p' => {
                let sharp = !self.f.sharp;
                self.fmt0x64(u, sharp);
            }
            'b' | 'o' | 'd' | 'x' | 'X' => self.fmt_integer(u, false, verb, (ty, v)),
            _ => self.bad_verb(verb, Some((ty, v))),
        }
    }

    fn handle_methods(&mut self, ty: TypeId, v: &Value, verb: char) -> bool {
        if self.erroring || self.f.sharp_v {
            return false;
        }
        if matches!(verb, 'v' | 's' | 'x' | 'X' | 'q') {
            if let Some(s) = self.heap.method_string(ty, v) {
                self.fmt_string(&s, verb, None);
                return true;
            }
        }
        false
    }

    /// print.go `printArg`.
    fn print_arg(&mut self, arg: Option<(TypeId, &Value)>, verb: char) {
        let Some((ty, v)) = arg else {
            match verb {
                'T' | 'v' => self.pad("<nil>"),
                _ => self.bad_verb(verb, None),
            }
            return;
        };
        match verb {
            'T' => {
                let ts = self.type_string(ty);
                self.fmt_s(&ts);
                return;
            }
            'p' => {
                self.fmt_pointer(ty, v, 'p');
                return;
            }
            _ => {}
        }
        // Unnamed basic types and []byte have no methods: format directly.
        if let TypeKind::Basic(_) = self.types().kind(ty) {
            self.print_value(ty, v, verb, 0, true);
            return;
        }
        if !self.handle_methods(ty, v, verb) {
            self.print_value(ty, v, verb, 0, true);
        }
    }

    /// print.go `printValue`: `can_iface` is false below an unexported struct field (Go does
    /// not call methods there).
    fn print_value(&mut self, ty: TypeId, v: &Value, verb: char, depth: u32, can_iface: bool) {
        if depth > 0
            && can_iface
            && !matches!(v, Value::Iface(_))
            && self.handle_methods(ty, v, verb)
        {
            return;
        }
        if depth > 100 {
            self.buf.push_str("...");
            return;
        }
        let types = self.types();
        match (types.under(ty), v) {
            (TypeKind::Basic(b), _) => self.print_basic(*b, ty, v, verb),
            (TypeKind::Map(kt, et), Value::Map(m)) => {
                let (kt, et) = (*kt, *et);
                if self.f.sharp_v {
                    let ts = self.type_string(ty);
                    self.buf.push_str(&ts);
                    if m.is_none() {
                        self.buf.push_str("(nil)");
                        return;
                    }
                    self.buf.push('{');
                } else {
                    self.buf.push_str("map[");
                }
                let entries = m.map(|m| self.heap.map_entries(m)).unwrap_or_default();
                for (i, (k, e)) in entries.iter().enumerate() {
                    if i > 0 {
                        if self.f.sharp_v {
                            self.buf.push_str(", ");
                        } else {
                            self.buf.push(' ');
                        }
                    }
                    self.print_value(kt, k, verb, depth + 1, can_iface);
                    self.buf.push(':');
                    self.print_value(et, e, verb, depth + 1, can_iface);
                }
                self.buf.push(if self.f.sharp_v { '}' } else { ']' });
            }
            (TypeKind::Struct(fields), Value::Struct(vals)) => {
                let fields = fields.clone();
                if self.f.sharp_v {
                    let ts = self.type_string(ty);
                    self.buf.push_str(&ts);
                }
                self.buf.push('{');
                for (i, (f, fv)) in fields.iter().zip(vals.iter()).enumerate() {
                    if i > 0 {
                        if self.f.sharp_v {
                            self.buf.push_str(", ");
                        } else {
                            self.buf.push(' ');
                        }
                    }
                    if self.f.plus_v || self.f.sharp_v {
                        self.buf.push_str(&f.name);
                        self.buf.push(':');
                    }
                    let ci = can_iface && is_exported(&f.name);
                    self.print_value(f.ty, fv, verb, depth + 1, ci);
                }
                self.buf.push('}');
            }
            (TypeKind::Interface(_), Value::Iface(inner)) => match inner {
                None => {
                    if self.f.sharp_v {
                        let ts = self.type_string(ty);
                        self.buf.push_str(&ts);
                        self.buf.push_str("(nil)");
                    } else {
                        self.buf.push_str("<nil>");
                    }
                }
                Some(b) => {
                    let (dt, dv) = (b.0, &b.1);
                    if can_iface && self.handle_methods(dt, dv, verb) {
                        return;
                    }
                    self.print_value(dt, dv, verb, depth + 1, can_iface)
                }
            },
            (TypeKind::Array(_, et), Value::Array(vals)) => {
                let et = *et;
                let vals = vals.to_vec();
                self.print_list(ty, et, &vals, false, verb, depth, can_iface);
            }
            (TypeKind::Slice(et), Value::Slice(s)) => {
                let et = *et;
                let vals = s
                    .as_ref()
                    .map(|s| self.heap.slice_elems(s))
                    .unwrap_or_default();
                self.print_list(ty, et, &vals, s.is_none(), verb, depth, can_iface);
            }
            (TypeKind::Pointer(et), Value::Ptr(Some(p))) if depth == 0 => {
                let et = *et;
                let target = matches!(
                    types.under(et),
                    TypeKind::Array(..)
                        | TypeKind::Slice(_)
                        | TypeKind::Struct(_)
                        | TypeKind::Map(..)
                        // sync and atomic types are structs in Go.
                        | TypeKind::Sync(_)
                );
                match self.heap.load(p) {
                    Some(pv) if target => {
                        self.buf.push('&');
                        self.print_value(et, &pv, verb, depth + 1, can_iface);
                    }
                    _ => self.fmt_pointer(ty, v, verb),
                }
            }
            (TypeKind::Pointer(_) | TypeKind::Chan(..) | TypeKind::Func(_), _) => {
                self.fmt_pointer(ty, v, verb)
            }
            (TypeKind::Sync(kind), Value::Sync(state)) => {
                let shape = self.sync_shape(*kind, state);
                self.print_shape(&shape, verb);
            }
            // A value that does not match its type (a VM bug): show it rather than crash.
            _ => {
                self.buf.push_str("%!v(BADVALUE)");
            }
        }
    }

    fn print_basic(&mut self, b: Basic, ty: TypeId, v: &Value, verb: char) {
        use Basic::*;
        match (b, v) {
            (Bool | UntypedBool, Value::Bool(x)) => self.fmt_bool(*x, verb, (ty, v)),
            (Float32, Value::Float(x)) => self.fmt_float(*x, 32, verb, (ty, v)),
            (Float64 | UntypedFloat, Value::Float(x)) => self.fmt_float(*x, 64, verb, (ty, v)),
            (String | UntypedString, Value::Str(s)) => {
                let s = s.clone();
                self.fmt_string(&s, verb, Some((ty, v)))
            }
            (_, Value::Int(i)) => {
                let signed = b.int_info().is_none_or(|(_, s)| s);
                self.fmt_integer(*i as u64, signed, verb, (ty, v))
            }
            _ => self.buf.push_str("%!v(BADVALUE)"),
        }
    }

    fn print_list(
        &mut self,
        ty: TypeId,
        et: TypeId,
        vals: &[Value],
        nil: bool,
        verb: char,
        depth: u32,
        can_iface: bool,
    ) {
        let bytes_verb = matches!(verb, 's' | 'q' | 'x' | 'X')
            || (self.f.sharp_v && ty == self.types_byte_slice());
        if bytes_verb && basic_of(self.types(), et) == Some(Basic::Uint8) {
            let bytes: Vec<u8> = vals.iter().map(|v| v.as_int().unwrap_or(0) as u8).collect();
            // The unnamed `[]byte` takes printArg's fast path, which spells it `[]byte`.
            let ts = if ty == self.types_byte_slice() {
                "[]byte".to_string()
            } else {
                self.type_string(ty)
            };
            if self.fmt_bytes(&bytes, verb, &ts, nil) {
                return;
            }
        }
        if self.f.sharp_v {
            let ts = self.type_string(ty);
            self.buf.push_str(&ts);
            if nil {
                self.buf.push_str("(nil)");
                return;
            }
            self.buf.push('{');
            for (i, e) in vals.iter().enumerate() {
                if i > 0 {
                    self.buf.push_str(", ");
                }
                self.print_value(et, e, verb, depth + 1, can_iface);
            }
            self.buf.push('}');
        } else {
            self.buf.push('[');
            for (i, e) in vals.iter().enumerate() {
                if i > 0 {
                    self.buf.push(' ');
                }
                self.print_value(et, e, verb, depth + 1, can_iface);
            }
            self.buf.push(']');
        }
    }

    fn sync_shape(&self, kind: crate::lang::types::SyncKind, state: &SyncState) -> Shape {
        use Basic::*;
        fn mutex(state: i64) -> Shape {
            Shape::Struct(
                "sync.Mutex",
                vec![
                    ("state", Shape::Int(state, Int32)),
                    ("sema", Shape::Int(0, Uint32)),
                ],
            )
        }
        fn no_copy(name: &'static str) -> Shape {
            Shape::Struct(name, vec![])
        }
        match state {
            SyncState::Mutex(m) => mutex(m.go_state()),
            SyncState::RwMutex(rw) => {
                let (w, rc, rwait) = rw.go_fields();
                Shape::Struct(
                    "sync.RWMutex",
                    vec![
                        ("w", mutex(w)),
                        ("writerSem", Shape::Int(0, Uint32)),
                        ("readerSem", Shape::Int(0, Uint32)),
                        ("readerCount", Shape::Int(rc, Int32)),
                        ("readerWait", Shape::Int(rwait, Int32)),
                    ],
                )
            }
            SyncState::WaitGroup(wg) => Shape::Struct(
                "sync.WaitGroup",
                vec![
                    ("noCopy", no_copy("sync.noCopy")),
                    ("state1", Shape::Int(wg.go_state1(), Uint64)),
                    ("state2", Shape::Int(0, Uint32)),
                ],
            ),
            SyncState::Once(o) => {
                let (done, m) = o.go_fields();
                Shape::Struct(
                    "sync.Once",
                    vec![("done", Shape::Int(done, Uint32)), ("m", mutex(m))],
                )
            }
            SyncState::AtomicInt(v) if kind == crate::lang::types::SyncKind::AtomicInt32 => {
                Shape::Struct(
                    "atomic.Int32",
                    vec![
                        ("_", no_copy("atomic.noCopy")),
                        ("v", Shape::Int(*v, Int32)),
                    ],
                )
            }
            SyncState::AtomicInt(v) => Shape::Struct(
                "atomic.Int64",
                vec![
                    ("_", no_copy("atomic.noCopy")),
                    ("_", no_copy("atomic.align64")),
                    ("v", Shape::Int(*v, Int64)),
                ],
            ),
            SyncState::AtomicBool(b) => Shape::Struct(
                "atomic.Bool",
                vec![
                    ("_", no_copy("atomic.noCopy")),
                    ("v", Shape::Int(i64::from(*b), Uint32)),
                ],
            ),
            SyncState::Map(m) => {
                let read = if m.read.m.is_empty() && !m.read.amended && m.entries.is_empty() {
                    "{<nil>}".to_string()
                } else {
                    format!(
                        "{{{{{} {}}}}}",
                        self.entry_map_text(&m.read.m, m),
                        m.read.amended
                    )
                };
                let dirty = match &m.dirty {
                    None => "map[]".to_string(),
                    Some(d) => self.entry_map_text(d, m),
                };
                Shape::Struct(
                    "sync.Map",
                    vec![
                        ("mu", mutex(m.mu.go_state())),
                        ("read", Shape::Raw(read)),
                        ("dirty", Shape::Raw(dirty)),
                        ("misses", Shape::Int(i64::from(m.misses), Int)),
                    ],
                )
            }
        }
    }

    /// `map[k:0xc000…]` for a sync.Map's key → *entry map (keys in order, fake entry addresses).
    fn entry_map_text(
        &self,
        m: &std::collections::BTreeMap<MapKey, crate::rt::sync_map::EntryId>,
        state: &crate::rt::sync_map::SyncMapState,
    ) -> String {
        let mut s = String::from("map[");
        for (i, (_, id)) in m.iter().enumerate() {
            if i > 0 {
                s.push(' ');
            }
            if let Some(e) = state.entries.get(id.0 as usize) {
                let mut p = Printer::new(self.heap);
                p.print_arg(operand(&e.key), 'v');
                s.push_str(&p.buf);
            }
            s.push_str(&format!(
                ":0x{:x}",
                0xc000090000u64 + u64::from(id.0) * 0x10
            ));
        }
        s.push(']');
        s
    }

    fn print_shape(&mut self, shape: &Shape, verb: char) {
        match shape {
            Shape::Int(i, b) => {
                let ty = TypeTable::basic(*b);
                self.print_value(ty, &Value::Int(*i), verb, 1, false);
            }
            Shape::Raw(s) => self.buf.push_str(s),
            Shape::Struct(name, fields) => {
                if self.f.sharp_v {
                    self.buf.push_str(name);
                }
                self.buf.push('{');
                for (i, (fname, f)) in fields.iter().enumerate() {
                    if i > 0 {
                        if self.f.sharp_v {
                            self.buf.push_str(", ");
                        } else {
                            self.buf.push(' ');
                        }
                    }
                    if self.f.plus_v || self.f.sharp_v {
                        self.buf.push_str(fname);
                        self.buf.push(':');
                    }
                    self.print_shape(f, verb);
                }
                self.buf.push('}');
            }
        }
    }

    fn arg_number(
        &mut self,
        arg_num: usize,
        format: &[u8],
        i: usize,
        num_args: usize,
        reordered: &mut bool,
        good_arg_num: &mut bool,
    ) -> (usize, usize, bool) {
        if format.len() <= i || format[i] != b'[' {
            return (arg_num, i, false);
        }
        *reordered = true;
        let (index, wid, ok) = parse_arg_number(&format[i..]);
        if ok {
            if let Some(index) = index.filter(|x| *x < num_args) {
                return (index, i + wid, true);
            }
        }
        *good_arg_num = false;
        (arg_num, i + wid, ok)
    }

    fn int_from_arg(&self, args: &[Value], arg_num: usize) -> (Option<i64>, usize) {
        if arg_num >= args.len() {
            return (None, arg_num);
        }
        let n = match operand(&args[arg_num]) {
            Some((ty, Value::Int(i)))
                if basic_of(self.types(), ty)
                    .and_then(|b| b.int_info())
                    .is_some() =>
            {
                Some(*i)
            }
            _ => None,
        };
        let n = n.filter(|n| n.unsigned_abs() <= MAX_NUM as u64);
        (n, arg_num + 1)
    }

    /// print.go `doPrintf`.
    fn do_printf(&mut self, format: &str, args: &[Value]) {
        let fb = format.as_bytes();
        let end = fb.len();
        let mut arg_num = 0usize;
        let mut after_index;
        let mut reordered = false;
        let mut i = 0usize;
        'format_loop: while i < end {
            let mut good_arg_num = true;
            let lasti = i;
            while i < end && fb[i] != b'%' {
                i += 1;
            }
            if i > lasti {
                self.buf.push_str(&format[lasti..i]);
            }
            if i >= end {
                break;
            }
            i += 1;
            self.f = Flags::default();
            // Flags, with the fast path for simple verbs.
            while i < end {
                let c = fb[i];
                match c {
                    b'#' => self.f.sharp = true,
                    b'0' => self.f.zero = !self.f.minus,
                    b'+' => self.f.plus = true,
                    b'-' => {
                        self.f.minus = true;
                        self.f.zero = false;
                    }
                    b' ' => self.f.space = true,
                    _ => {
                        if c.is_ascii_lowercase() && arg_num < args.len() {
                            if c == b'v' {
                                self.f.sharp_v = self.f.sharp;
                                self.f.sharp = false;
                                self.f.plus_v = self.f.plus;
                                self.f.plus = false;
                            }
                            if c == b'w' && !self.wrap_errs {
                                self.bad_verb('w', operand(&args[arg_num]));
                            } else {
                                let verb = if c == b'w' { 'v' } else { c as char };
                                self.print_arg(operand(&args[arg_num]), verb);
                            }
                            arg_num += 1;
                            i += 1;
                            continue 'format_loop;
                        }
                        break;
                    }
                }
                i += 1;
            }
            // Argument index?
            (arg_num, i, after_index) = self.arg_number(
                arg_num,
                fb,
                i,
                args.len(),
                &mut reordered,
                &mut good_arg_num,
            );
            // Width.
            if i < end && fb[i] == b'*' {
                i += 1;
                let (n, next) = self.int_from_arg(args, arg_num);
                arg_num = next;
                match n {
                    Some(n) => {
                        if n < 0 {
                            self.f.minus = true;
                            self.f.zero = false;
                        }
                        self.f.wid = Some(n.unsigned_abs() as usize);
                    }
                    None => self.buf.push_str("%!(BADWIDTH)"),
                }
                after_index = false;
            } else {
                let (w, ni) = parsenum(fb, i, end);
                self.f.wid = w;
                i = ni;
                if after_index && self.f.wid.is_some() {
                    good_arg_num = false;
                }
            }
            // Precision.
            if i + 1 < end && fb[i] == b'.' {
                i += 1;
                if after_index {
                    good_arg_num = false;
                }
                (arg_num, i, after_index) = self.arg_number(
                    arg_num,
                    fb,
                    i,
                    args.len(),
                    &mut reordered,
                    &mut good_arg_num,
                );
                if i < end && fb[i] == b'*' {
                    i += 1;
                    let (n, next) = self.int_from_arg(args, arg_num);
                    arg_num = next;
                    match n {
                        Some(n) if n >= 0 => self.f.prec = Some(n as usize),
                        Some(_) => self.f.prec = None,
                        None => {
                            self.f.prec = None;
                            self.buf.push_str("%!(BADPREC)");
                        }
                    }
                    after_index = false;
                } else {
                    let (p, ni) = parsenum(fb, i, end);
                    i = ni;
                    self.f.prec = Some(p.unwrap_or(0));
                }
            }
            if !after_index {
                (arg_num, i, after_index) = self.arg_number(
                    arg_num,
                    fb,
                    i,
                    args.len(),
                    &mut reordered,
                    &mut good_arg_num,
                );
            }
            let _ = after_index;
            if i >= end {
                self.buf.push_str("%!(NOVERB)");
                break;
            }
            let verb = format[i..].chars().next().unwrap_or('?');
            i += verb.len_utf8();
            if verb == '%' {
                self.buf.push('%');
            } else if !good_arg_num {
                self.buf.push_str(&format!("%!{verb}(BADINDEX)"));
            } else if arg_num >= args.len() {
                self.buf.push_str(&format!("%!{verb}(MISSING)"));
            } else if verb == 'w' && !self.wrap_errs {
                self.bad_verb('w', operand(&args[arg_num]));
                arg_num += 1;
            } else {
                let mut verb = verb;
                if verb == 'w' {
                    verb = 'v';
                }
                if verb == 'v' {
                    self.f.sharp_v = self.f.sharp;
                    self.f.sharp = false;
                    self.f.plus_v = self.f.plus;
                    self.f.plus = false;
                }
                self.print_arg(operand(&args[arg_num]), verb);
                arg_num += 1;
            }
        }
        if !reordered && arg_num < args.len() {
            self.f = Flags::default();
            self.buf.push_str("%!(EXTRA ");
            for (i, arg) in args[arg_num..].iter().enumerate() {
                if i > 0 {
                    self.buf.push_str(", ");
                }
                match operand(arg) {
                    None => self.buf.push_str("<nil>"),
                    Some((ty, v)) => {
                        let ts = self.type_string(ty);
                        self.buf.push_str(&ts);
                        self.buf.push('=');
                        self.print_arg(Some((ty, v)), 'v');
                    }
                }
            }
            self.buf.push(')');
        }
    }
}

/// print.go `parseArgNumber`: `(index, consumed, ok)` for `[n]` (index is n-1).
fn parse_arg_number(format: &[u8]) -> (Option<usize>, usize, bool) {
    if format.len() < 3 {
        return (None, 1, false);
    }
    for i in 1..format.len() {
        if format[i] == b']' {
            let (w, newi) = parsenum(format, 1, i);
            return match w {
                Some(w) if newi == i => (w.checked_sub(1), i + 1, true),
                _ => (None, i + 1, false),
            };
        }
    }
    (None, 1, false)
}

/// `unicode.IsPrint`, approximated for non-ASCII.
fn is_print(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    !c.is_control()
        && !c.is_whitespace()
        && !matches!(c, '\u{FEFF}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2064}')
}

/// `strconv.CanBackquote`.
fn can_backquote(s: &str) -> bool {
    s.chars()
        .all(|c| c != '`' && c != '\u{FEFF}' && (c == '\t' || !(c < ' ' || c == '\u{7f}')))
}

/// `strconv.Quote` / `QuoteToASCII` (ascii) / `QuoteRune` (quote `'`).
fn quote_with(s: &str, quote: char, ascii: bool) -> String {
    let mut out = String::new();
    out.push(quote);
    for c in s.chars() {
        if c == quote || c == '\\' {
            out.push('\\');
            out.push(c);
            continue;
        }
        if (ascii && c.is_ascii() && is_print(c)) || (!ascii && is_print(c)) {
            out.push(c);
            continue;
        }
        match c {
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if c < ' ' || c == '\u{7f}' => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// Decimal digits of |v| (no trailing zeros; empty for zero) and the decimal point position:
/// the value is `0.d1d2d3… × 10^dp`.
struct Digits {
    d: Vec<u8>,
    dp: i64,
}

fn parse_sci(s: &str) -> Digits {
    // Rust's `{:e}` form: "d.ddde±x" (no '+').
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut d: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    while d.last() == Some(&b'0') {
        d.pop();
    }
    if d.is_empty() {
        return Digits { d, dp: 0 };
    }
    Digits { d, dp: exp + 1 }
}

fn shortest_digits(v: f64, size: u32) -> Digits {
    if size == 32 {
        parse_sci(&format!("{:e}", (v.abs()) as f32))
    } else {
        parse_sci(&format!("{:e}", v.abs()))
    }
}

fn rounded_digits(v: f64, n: usize) -> Digits {
    parse_sci(&format!("{:.*e}", n.saturating_sub(1), v.abs()))
}

fn fmt_e(out: &mut String, digs: &Digits, prec: i64, fmt: char) {
    let nd = digs.d.len() as i64;
    out.push(digs.d.first().map_or('0', |c| *c as char));
    if prec > 0 {
        out.push('.');
        let mut i = 1;
        let m = nd.min(prec + 1);
        while i < m {
            out.push(digs.d[i as usize] as char);
            i += 1;
        }
        while i <= prec {
            out.push('0');
            i += 1;
        }
    }
    out.push(fmt);
    let mut exp = if nd == 0 { 0 } else { digs.dp - 1 };
    if exp < 0 {
        out.push('-');
        exp = -exp;
    } else {
        out.push('+');
    }
    if exp < 10 {
        out.push('0');
    }
    out.push_str(&exp.to_string());
}

fn fmt_f(out: &mut String, digs: &Digits, prec: i64) {
    let nd = digs.d.len() as i64;
    if digs.dp > 0 {
        let m = nd.min(digs.dp);
        for i in 0..m {
            out.push(digs.d[i as usize] as char);
        }
        for _ in m..digs.dp {
            out.push('0');
        }
    } else {
        out.push('0');
    }
    if prec > 0 {
        out.push('.');
        for i in 1..=prec {
            let j = digs.dp + i - 1;
            let c = if 0 <= j && j < nd {
                digs.d[j as usize] as char
            } else {
                '0'
            };
            out.push(c);
        }
    }
}

/// `strconv.FormatFloat(v, verb, prec, size)` for verbs `e E f F g G` (`b` and `x` fall back
/// to `g`); `prec < 0` is the shortest representation that reads back exactly.
pub fn format_float(v: f64, verb: char, prec: i64, size: u32) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let mut out = String::new();
    if v.is_sign_negative() {
        out.push('-');
    }
    let shortest = prec < 0;
    match verb {
        'e' | 'E' => {
            let (digs, p) = if shortest {
                let d = shortest_digits(v, size);
                let p = (d.d.len() as i64 - 1).max(0);
                (d, p)
            } else {
                (rounded_digits(v, prec as usize + 1), prec)
            };
            fmt_e(&mut out, &digs, p, verb);
        }
        'f' | 'F' => {
            if shortest {
                let d = shortest_digits(v, size);
                let p = (d.d.len() as i64 - d.dp).max(0);
                fmt_f(&mut out, &d, p);
            } else {
                out.push_str(&format!("{:.*}", prec as usize, v.abs()));
            }
        }
        _ => {
            let upper = verb == 'G';
            let (digs, mut p) = if shortest {
                let d = shortest_digits(v, size);
                let n = d.d.len() as i64;
                (d, n)
            } else {
                let p = prec.max(1);
                (rounded_digits(v, p as usize), p)
            };
            let nd = digs.d.len() as i64;
            let mut eprec = p;
            if eprec > nd && nd >= digs.dp {
                eprec = nd;
            }
            if shortest {
                eprec = 6;
            }
            let exp = digs.dp - 1;
            if exp < -4 || exp >= eprec {
                if p > nd {
                    p = nd;
                }
                fmt_e(&mut out, &digs, p - 1, if upper { 'E' } else { 'e' });
            } else {
                if p > digs.dp {
                    p = nd;
                }
                fmt_f(&mut out, &digs, (p - digs.dp).max(0));
            }
        }
    }
    out
}

/// A float as the builtin `print` (and `panic`) writes it: `+1.500000e+000`.
pub fn print_float(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let s = format!("{:+.6e}", f);
    match s.split_once('e') {
        Some((m, e)) => {
            let (sign, digits) = match e.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', e),
            };
            format!("{m}e{sign}{digits:0>3}")
        }
        None => s,
    }
}

/// Go's `reflect.Type.String()` spelling of a type, as `%T` and `%!d(string=hi)` print it:
/// always package-qualified (`main.T`), `struct { X int }`, `interface {}`.
pub fn reflect_type_string(types: &TypeTable, ty: TypeId) -> String {
    types.display_as(ty, crate::lang::types::TypeStyle::Reflect)
}

/// The integer fields of a sync object's Go 1.19 struct, flattened in declaration order (used
/// to compare sync values as map keys).
pub fn sync_fields(state: &SyncState) -> Vec<i64> {
    match state {
        SyncState::Mutex(m) => vec![m.go_state(), 0],
        SyncState::RwMutex(rw) => {
            let (w, rc, rwait) = rw.go_fields();
            vec![w, 0, 0, 0, rc, rwait]
        }
        SyncState::WaitGroup(wg) => vec![wg.go_state1(), 0],
        SyncState::Once(o) => {
            let (done, m) = o.go_fields();
            vec![done, m, 0]
        }
        SyncState::Map(m) => vec![m.mu.go_state(), 0, i64::from(m.misses)],
        SyncState::AtomicInt(v) => vec![*v],
        SyncState::AtomicBool(b) => vec![i64::from(*b)],
    }
}

#[cfg(test)]
#[allow(clippy::approx_constant)] // 3.14159 is test data checked against Go, not π.
mod tests {
    use super::*;
    use crate::lang::types::Field;
    use crate::rt::value::ObjId;
    use std::rc::Rc;

    /// A tiny heap: objects by index, maps as sorted entry lists.
    struct H {
        types: TypeTable,
        objs: Vec<Value>,
        maps: Vec<Vec<(Value, Value)>>,
    }

    impl FmtHeap for H {
        fn types(&self) -> &TypeTable {
            &self.types
        }
        fn load(&self, ptr: &Pointer) -> Option<Value> {
            self.objs.get(ptr.obj.0 as usize).cloned()
        }
        fn map_entries(&self, map: MapId) -> Vec<(Value, Value)> {
            self.maps[map.0 as usize].clone()
        }
        fn slice_elems(&self, s: &SliceRef) -> Vec<Value> {
            match &self.objs[s.obj.0 as usize] {
                Value::Array(a) => a[s.off as usize..(s.off + s.len) as usize].to_vec(),
                _ => vec![],
            }
        }
    }

    fn ty(b: Basic) -> TypeId {
        TypeTable::basic(b)
    }

    fn any(t: TypeId, v: Value) -> Value {
        Value::Iface(Some(Box::new((t, v))))
    }

    fn i(x: i64) -> Value {
        any(ty(Basic::Int), Value::Int(x))
    }

    fn s(x: &str) -> Value {
        any(ty(Basic::String), Value::str(x))
    }

    fn f(x: f64) -> Value {
        any(ty(Basic::Float64), Value::Float(x))
    }

    fn b(x: bool) -> Value {
        any(ty(Basic::Bool), Value::Bool(x))
    }

    fn r(c: char) -> Value {
        any(ty(Basic::Int32), Value::Int(c as i64))
    }

    fn nil() -> Value {
        Value::Iface(None)
    }

    struct Env {
        h: H,
        t: TypeId,
    }

    impl Env {
        fn new() -> Env {
            let mut types = TypeTable::new();
            let t = types.new_named("T", "main");
            let st = types.intern(TypeKind::Struct(vec![
                Field {
                    name: "X".into(),
                    ty: ty(Basic::Int),
                    embedded: false,
                },
                Field {
                    name: "Y".into(),
                    ty: ty(Basic::String),
                    embedded: false,
                },
            ]));
            types.set_underlying(t, st);
            Env {
                h: H {
                    types,
                    objs: vec![],
                    maps: vec![],
                },
                t,
            }
        }

        fn intern(&mut self, k: TypeKind) -> TypeId {
            self.h.types.intern(k)
        }

        fn tv(&self, x: i64, y: &str) -> Value {
            any(
                self.t,
                Value::Struct(Box::new([Value::Int(x), Value::str(y)])),
            )
        }

        fn tval(&self, x: i64, y: &str) -> Value {
            Value::Struct(Box::new([Value::Int(x), Value::str(y)]))
        }

        fn alloc(&mut self, v: Value) -> ObjId {
            self.h.objs.push(v);
            ObjId(self.h.objs.len() as u32 - 1)
        }

        /// A slice of `elem` values.
        fn slice(&mut self, elem: TypeId, vals: Vec<Value>) -> Value {
            let st = self.intern(TypeKind::Slice(elem));
            let len = vals.len() as u32;
            let obj = self.alloc(Value::Array(vals.into()));
            any(
                st,
                Value::Slice(Some(SliceRef {
                    obj,
                    off: 0,
                    len,
                    cap: len,
                })),
            )
        }

        /// A map with entries given in any order (sorted here by MapKey like MapObj does).
        fn map(&mut self, k: TypeId, v: TypeId, mut entries: Vec<(Value, Value)>) -> Value {
            let mt = self.intern(TypeKind::Map(k, v));
            let types = self.h.types.clone();
            entries.sort_by(|a, b| {
                MapKey::from_value(&a.0, &types)
                    .unwrap()
                    .cmp(&MapKey::from_value(&b.0, &types).unwrap())
            });
            self.h.maps.push(entries);
            any(mt, Value::Map(Some(MapId(self.h.maps.len() as u32 - 1))))
        }

        fn ptr(&mut self, elem: TypeId, v: Value) -> Value {
            let pt = self.intern(TypeKind::Pointer(elem));
            let obj = self.alloc(v);
            any(pt, Value::Ptr(Some(Pointer::root(obj))))
        }
    }

    fn check(env: &Env, cases: &[(&str, Vec<Value>, &str)]) {
        let mut failures = Vec::new();
        for (format, args, want) in cases {
            let got = sprintf(&env.h, format, args);
            if got != *want {
                failures.push(format!("{format:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    // Every expected string below is the output of Go 1.19 for the same call.

    #[test]
    fn print_and_println_spacing() {
        let env = Env::new();
        let h = &env.h;
        assert_eq!(
            sprintln(h, &[i(1), s("a"), b(true), f(2.5), nil()]),
            "1 a true 2.5 <nil>\n"
        );
        assert_eq!(
            sprint(h, &[i(1), i(2), s("a"), s("b"), i(3), f(4.0)]),
            "1 2ab3 4"
        );
        assert_eq!(sprint(h, &[s("a"), i(1), i(2), s("b")]), "a1 2b");
        assert_eq!(sprintln(h, &[]), "\n");
    }

    #[test]
    fn integers_and_flags() {
        let env = Env::new();
        let u64t = ty(Basic::Uint64);
        check(
            &env,
            &[
                (
                    "%d|%5d|%-5d|%05d|%x|%X|%o|%b|%+d|% d|",
                    vec![
                        i(42),
                        i(42),
                        i(42),
                        i(-42),
                        i(255),
                        i(255),
                        i(8),
                        i(5),
                        i(3),
                        i(3),
                    ],
                    "42|   42|42   |-0042|ff|FF|10|101|+3| 3|",
                ),
                (
                    "%x|%X|%#x|%#o|%08b|%x|",
                    vec![
                        i(-255),
                        i(255),
                        i(255),
                        i(8),
                        i(5),
                        any(u64t, Value::Int(-1)),
                    ],
                    "-ff|FF|0xff|010|00000101|ffffffffffffffff|",
                ),
                (
                    "%03d|%+05d|%-05d|% 05d|%.3d|%8.3d|%.0d|",
                    vec![i(7), i(7), i(7), i(7), i(7), i(-7), i(0)],
                    "007|+0007|7    | 0007|007|    -007||",
                ),
                (
                    "%v|%v|%d|",
                    vec![
                        any(ty(Basic::Int8), Value::Int(-5)),
                        any(ty(Basic::Uint8), Value::Int(200)),
                        any(ty(Basic::Int64), Value::Int(i64::MIN)),
                    ],
                    "-5|200|-9223372036854775808|",
                ),
                (
                    "%c|%q|%U|%#U|%d|%v|",
                    vec![r('A'), r('x'), r('A'), r('é'), r('A'), r('A')],
                    "A|'x'|U+0041|U+00E9 'é'|65|65|",
                ),
            ],
        );
    }

    #[test]
    fn strings_and_bools() {
        let mut env = Env::new();
        let byte = ty(Basic::Uint8);
        let hi = |env: &mut Env| env.slice(byte, vec![Value::Int(104), Value::Int(105)]);
        let b1 = hi(&mut env);
        let b2 = hi(&mut env);
        let b3 = hi(&mut env);
        let b4 = hi(&mut env);
        check(
            &env,
            &[
                (
                    "%s|%q|%v|%10s|%-10s|%.2s|%x|% X|%#q|",
                    vec![
                        s("hi"),
                        s("hi\n"),
                        s("hi"),
                        s("hi"),
                        s("hi"),
                        s("hello"),
                        s("hi"),
                        s("hi"),
                        s("hi"),
                    ],
                    "hi|\"hi\\n\"|hi|        hi|hi        |he|6869|68 69|`hi`|",
                ),
                (
                    "%t|%v|%5t|",
                    vec![b(true), b(false), b(true)],
                    "true|false| true|",
                ),
                (
                    "%v|%s|%x|%q|",
                    vec![b1, b2, b3, b4],
                    "[104 105]|hi|6869|\"hi\"|",
                ),
                (
                    "%5s|%-5d|%05s|%.1q|%8.3v|",
                    vec![s("é"), i(-3), s("ab"), s("abc"), f(3.14159)],
                    "    é|-3   |000ab|\"a\"|    3.14|",
                ),
            ],
        );
    }

    #[test]
    fn floats() {
        let env = Env::new();
        let f32t = ty(Basic::Float32);
        check(
            &env,
            &[
                (
                    "%f|%.2f|%e|%g|%v|%8.3f|%-8.2f|%08.3f|%+.1f|%.0f|%.3g|%g|%G|",
                    vec![
                        f(3.14159),
                        f(3.14159),
                        f(1234.5678),
                        f(0.000012345),
                        f(1e21),
                        f(3.14159),
                        f(2.5),
                        f(-3.14159),
                        f(2.0),
                        f(2.5),
                        f(1234.5678),
                        f(100000.0),
                        f(1e-7),
                    ],
                    "3.141590|3.14|1.234568e+03|1.2345e-05|1e+21|   3.142|2.50    |-003.142|+2.0|2|1.23e+03|100000|1E-07|",
                ),
                (
                    "%v %v %v %v %v %v %v %v %v %v",
                    vec![
                        any(f32t, Value::Float(f64::from(0.1f32))),
                        f(1e6),
                        f(1e-5),
                        f(123456789.0),
                        f(-0.0),
                        f(f64::INFINITY),
                        f(f64::NEG_INFINITY),
                        f(f64::NAN),
                        f(1e20),
                        any(f32t, Value::Float(f64::from(1.0f32 / 3.0))),
                    ],
                    "0.1 1e+06 1e-05 1.23456789e+08 -0 +Inf -Inf NaN 1e+20 0.33333334",
                ),
                (
                    "%5.1f|%-10.3e|%g|%g|%.3e|",
                    vec![f(3.14159), f(1234.5), f(1e100), f(1e-100), f(0.0)],
                    "  3.1|1.234e+03 |1e+100|1e-100|0.000e+00|",
                ),
                (
                    "%.2f|%.1f|%.0f|%.0f|%.2f|",
                    vec![f(2.675), f(0.25), f(0.5), f(1.5), f(1.005)],
                    "2.67|0.2|0|2|1.00|",
                ),
                (
                    "%e|%E|%.0e|%g|%g|%g|",
                    vec![f(0.0), f(123456.0), f(15.0), f(1e-4), f(1e-5), f(123456.0)],
                    "0.000000e+00|1.234560E+05|2e+01|0.0001|1e-05|123456|",
                ),
                ("%6.2f%%|", vec![f(99.5)], " 99.50%|"),
                ("%v", vec![f(0.1 + 0.2)], "0.30000000000000004"),
            ],
        );
    }

    #[test]
    fn composites() {
        let mut env = Env::new();
        let int = ty(Basic::Int);
        let string = ty(Basic::String);
        let t = env.t;
        let s123 = env.slice(int, vec![Value::Int(1), Value::Int(2), Value::Int(3)]);
        let arr_t = env.intern(TypeKind::Array(2, string));
        let arr = any(
            arr_t,
            Value::Array(Box::new([Value::str("a"), Value::str("b")])),
        );
        let m = env.map(
            string,
            int,
            vec![
                (Value::str("b"), Value::Int(2)),
                (Value::str("a"), Value::Int(1)),
            ],
        );
        let int_slice_t = env.intern(TypeKind::Slice(int));
        let map_t = env.intern(TypeKind::Map(string, int));
        let ptr_t = env.intern(TypeKind::Pointer(t));
        let s12 = env.slice(int, vec![Value::Int(1), Value::Int(2)]);
        let tv1 = env.tval(1, "a");
        let tv2 = env.tval(2, "b");
        let p1 = env.ptr(t, tv1);
        let p2 = env.ptr(t, tv2);
        let s12b = env.slice(int, vec![Value::Int(1), Value::Int(2)]);
        let iface_t = env.intern(TypeKind::Interface(vec![]));
        let mixed = env.slice(iface_t, vec![i(1), s("a"), nil(), f(2.5)]);
        let tkeys = env.map(
            t,
            int,
            vec![
                (env.tval(1, "a"), Value::Int(1)),
                (env.tval(0, "b"), Value::Int(2)),
                (env.tval(1, "0"), Value::Int(3)),
            ],
        );
        let strs = env.slice(string, vec![Value::str("a"), Value::str("b")]);
        let inner_a = env.slice(int, vec![Value::Int(1), Value::Int(2)]);
        let inner_b = env.slice(int, vec![Value::Int(3)]);
        let (Value::Iface(Some(ia)), Value::Iface(Some(ib))) = (inner_a, inner_b) else {
            unreachable!()
        };
        let nested = env.slice(int_slice_t, vec![ia.1, ib.1]);
        let int_keys = env.map(
            int,
            string,
            vec![
                (Value::Int(3), Value::str("c")),
                (Value::Int(-1), Value::str("a")),
                (Value::Int(10), Value::str("b")),
            ],
        );
        let bool_keys = env.map(
            ty(Basic::Bool),
            int,
            vec![
                (Value::Bool(true), Value::Int(1)),
                (Value::Bool(false), Value::Int(0)),
            ],
        );
        let hash_t = env.intern(TypeKind::Map(int, ty(Basic::Bool)));
        let anon_t = env.intern(TypeKind::Struct(vec![
            Field {
                name: "A".into(),
                ty: int_slice_t,
                embedded: false,
            },
            Field {
                name: "M".into(),
                ty: hash_t,
                embedded: false,
            },
        ]));
        let one = env.slice(int, vec![Value::Int(1)]);
        let Value::Iface(Some(one)) = one else {
            unreachable!()
        };
        let hm = env.map(
            int,
            ty(Basic::Bool),
            vec![
                (Value::Int(2), Value::Bool(true)),
                (Value::Int(1), Value::Bool(false)),
            ],
        );
        let Value::Iface(Some(hm)) = hm else {
            unreachable!()
        };
        let anon = any(anon_t, Value::Struct(Box::new([one.1.clone(), hm.1])));
        let floats = env.slice(
            ty(Basic::Float64),
            vec![Value::Float(1.0), Value::Float(2.5)],
        );
        let empty_t = env.intern(TypeKind::Struct(vec![]));
        let arr0_t = env.intern(TypeKind::Array(0, int));
        let s1 = env.slice(int, vec![Value::Int(1)]);
        let nil_slice = any(int_slice_t, Value::Slice(None));
        let s12c = env.slice(int, vec![Value::Int(1), Value::Int(2)]);
        check(
            &env,
            &[
                (
                    "%v|%+v|%#v|",
                    vec![env.tv(1, "a"), env.tv(1, "a"), env.tv(1, "a")],
                    "{1 a}|{X:1 Y:a}|main.T{X:1, Y:\"a\"}|",
                ),
                (
                    "%v|%v|%v|",
                    vec![s123, arr, m.clone()],
                    "[1 2 3]|[a b]|map[a:1 b:2]|",
                ),
                (
                    "%v|%v|%v|%v|%d|",
                    vec![
                        nil_slice.clone(),
                        any(map_t, Value::Map(None)),
                        any(ptr_t, Value::Ptr(None)),
                        nil(),
                        s12,
                    ],
                    "[]|map[]|<nil>|<nil>|[1 2]|",
                ),
                ("%v|%+v|", vec![p1, p2], "&{1 a}|&{X:2 Y:b}|"),
                (
                    "%5v|%-5v|",
                    vec![s12b, env.tv(1, "a")],
                    "[    1     2]|{1     a    }|",
                ),
                ("%v|", vec![anon], "{[1] map[1:false 2:true]}|"),
                ("%v|", vec![mixed], "[1 a <nil> 2.5]|"),
                ("%v|", vec![tkeys], "map[{0 b}:2 {1 0}:3 {1 a}:1]|"),
                ("%q|%v|", vec![strs, nested], "[\"a\" \"b\"]|[[1 2] [3]]|"),
                (
                    "%v %v|",
                    vec![int_keys, bool_keys],
                    "map[-1:a 3:c 10:b] map[false:0 true:1]|",
                ),
                (
                    "%v|%v|%v|",
                    vec![
                        floats,
                        any(empty_t, Value::Struct(Box::new([]))),
                        any(arr0_t, Value::Array(Box::new([]))),
                    ],
                    "[1 2.5]|{}|[]|",
                ),
                (
                    "%#v|%#v|%#v|%#v|%#v|%#v|",
                    vec![
                        s12c,
                        m,
                        s("hi"),
                        i(42),
                        nil_slice,
                        any(ty(Basic::Uint), Value::Int(7)),
                    ],
                    "[]int{1, 2}|map[string]int{\"a\":1, \"b\":2}|\"hi\"|42|[]int(nil)|0x7|",
                ),
                ("%s|", vec![s1], "[%!s(int=1)]|"),
            ],
        );
    }

    #[test]
    fn byte_slices_in_go_syntax() {
        let mut env = Env::new();
        let byte = ty(Basic::Uint8);
        let hi = env.slice(byte, vec![Value::Int(104), Value::Int(105)]);
        check(
            &env,
            &[(
                "%#v|%d|",
                vec![hi.clone(), hi],
                "[]byte{0x68, 0x69}|[104 105]|",
            )],
        );
    }

    proptest::proptest! {
        /// The shortest `%v` of any finite float64 reads back as the same number.
        #[test]
        fn shortest_float_round_trips(bits in proptest::num::u64::ANY) {
            let v = f64::from_bits(bits);
            proptest::prop_assume!(v.is_finite());
            let s = format_float(v, 'g', -1, 64);
            let back: f64 = s.parse().unwrap();
            proptest::prop_assert_eq!(back.to_bits(), v.to_bits(), "{}", s);
        }
    }

    #[test]
    fn second_batch_checked_against_go() {
        let mut env = Env::new();
        let int = ty(Basic::Int);
        let string = ty(Basic::String);
        let byte = ty(Basic::Uint8);
        let strs_t = env.intern(TypeKind::Slice(string));
        let pint = env.intern(TypeKind::Pointer(int));
        let iface = env.intern(TypeKind::Interface(vec![]));
        let msi = env.intern(TypeKind::Map(string, int));
        let st = env.intern(TypeKind::Struct(vec![
            Field {
                name: "a".into(),
                ty: int,
                embedded: false,
            },
            Field {
                name: "B".into(),
                ty: strs_t,
                embedded: false,
            },
            Field {
                name: "C".into(),
                ty: pint,
                embedded: false,
            },
            Field {
                name: "D".into(),
                ty: iface,
                embedded: false,
            },
            Field {
                name: "E".into(),
                ty: msi,
                embedded: false,
            },
        ]));
        let s_named = env.h.types.new_named("S", "main");
        env.h.types.set_underlying(s_named, st);
        let x = env.slice(string, vec![Value::str("x")]);
        let Value::Iface(Some(x)) = x else {
            unreachable!()
        };
        let k1 = env.map(string, int, vec![(Value::str("k"), Value::Int(1))]);
        let Value::Iface(Some(k1)) = k1 else {
            unreachable!()
        };
        let s1 = Value::Struct(Box::new([
            Value::Int(1),
            x.1.clone(),
            Value::Ptr(None),
            Value::Iface(None),
            Value::Map(None),
        ]));
        let s2 = Value::Struct(Box::new([
            Value::Int(2),
            Value::Slice(None),
            Value::Ptr(None),
            i(3),
            k1.1.clone(),
        ]));
        let bytes = env.slice(byte, vec![Value::Int(1), Value::Int(171)]);
        let ab_c = env.slice(string, vec![Value::str("ab"), Value::str("c")]);
        let a_b = env.slice(string, vec![Value::str("a"), Value::str("b")]);
        let a_b2 = env.slice(string, vec![Value::str("a"), Value::str("b")]);
        let bools = env.slice(ty(Basic::Bool), vec![Value::Bool(true), Value::Bool(false)]);
        let arr_t = env.intern(TypeKind::Array(3, int));
        let arr = any(
            arr_t,
            Value::Array(Box::new([Value::Int(1), Value::Int(2), Value::Int(3)])),
        );
        let mixed1 = env.slice(iface, vec![i(1), s("a")]);
        let mixed2 = env.slice(iface, vec![i(1), s("a")]);
        let f32t = ty(Basic::Float32);
        check(
            &env,
            &[
                (
                    "%+q|%q|%-08d|%+.2e|%.2v|%x|%#X|% x|%#v|",
                    vec![s("héllo\x01"), s("tab\there"), i(42), f(12345.678), s("hello"), i(-1), i(3054), bytes, r('x')],
                    "\"h\\u00e9llo\\x01\"|\"tab\\there\"|42      |+1.23e+04|he|-1|0XBEE|01 ab|120|",
                ),
                (
                    "%v|%+v|",
                    vec![any(s_named, s1.clone()), any(s_named, s2)],
                    "{1 [x] <nil> <nil> map[]}|{a:2 B:[] C:<nil> D:3 E:map[k:1]}|",
                ),
                (
                    "%#v|",
                    vec![any(s_named, s1)],
                    "main.S{a:1, B:[]string{\"x\"}, C:(*int)(nil), D:interface {}(nil), E:map[string]int(nil)}|",
                ),
                (
                    "%08.3f|%-8.3f|%+08d|%x|%X|%o|%#b|",
                    vec![f(-1.5), f(1.5), i(42), s("Hello"), ab_c, i(64), i(5)],
                    "-001.500|1.500   |+0000042|48656c6c6f|[6162 63]|100|0b101|",
                ),
                (
                    "%6.2v|%.3s|%.10s|%c%c|%3c|%-3c|",
                    vec![f(3.14159), s("日本語日本語"), s("short"), i(0x65e5), r('x'), r('y'), r('z')],
                    "   3.1|日本語|short|日x|  y|z  |",
                ),
                (
                    "%v %v %v %v|",
                    vec![
                        any(ty(Basic::Int32), Value::Int(-7)),
                        any(ty(Basic::Uint16), Value::Int(65535)),
                        any(f32t, Value::Float(2.5)),
                        any(f32t, Value::Float(16777216.0)),
                    ],
                    "-7 65535 2.5 1.6777216e+07|",
                ),
                (
                    "%g|%g|%g|%.2g|%.10g|%G|",
                    vec![f(1e-4), f(1234567.0), f(0.000001234), f(123.0), f(1.0 / 3.0), f(1e-10)],
                    "0.0001|1.234567e+06|1.234e-06|1.2e+02|0.3333333333|1E-10|",
                ),
                ("%5.2f%%|%3d%%|", vec![f(12.345), i(7)], "12.35%|  7%|"),
                ("%t %v|", vec![b(false), bools], "false [true false]|"),
                ("%q|", vec![r('é')], "'é'|"),
                ("%v|%d|%s|", vec![arr, mixed1, mixed2], "[1 2 3]|[1 %!d(string=a)]|[%!s(int=1) a]|"),
                ("%-5s|%5s|", vec![a_b, a_b2], "[a     b    ]|[    a     b]|"),
                ("%*s|%-*s|", vec![i(4), s("a"), i(4), s("b")], "   a|b   |"),
                ("%.3f|%.3e|%.3g|", vec![f(0.0005), f(0.0005), f(0.0005)], "0.001|5.000e-04|0.0005|"),
            ],
        );
        assert_eq!(
            sprintln(
                &env.h,
                &[
                    f(100000000.0),
                    f(12345678.0),
                    f(0.000123),
                    f(1.5e-7),
                    f(2.0 / 3.0)
                ]
            ),
            "1e+08 1.2345678e+07 0.000123 1.5e-07 0.6666666666666666\n"
        );
    }

    #[test]
    fn types_and_named() {
        let mut env = Env::new();
        let t = env.t;
        let myint = env.h.types.new_named("MyInt", "main");
        env.h.types.set_underlying(myint, ty(Basic::Int));
        let pt = env.intern(TypeKind::Pointer(t));
        let sl = env.intern(TypeKind::Slice(ty(Basic::Int)));
        let mt = env.intern(TypeKind::Map(ty(Basic::String), sl));
        check(
            &env,
            &[
                (
                    "%T|%T|%T|%T|%T|%T|%T|",
                    vec![
                        i(1),
                        s("a"),
                        f(2.0),
                        env.tv(0, ""),
                        any(pt, Value::Ptr(None)),
                        any(mt, Value::Map(None)),
                        nil(),
                    ],
                    "int|string|float64|main.T|*main.T|map[string][]int|<nil>|",
                ),
                (
                    "%v|%d|%x|",
                    vec![
                        any(myint, Value::Int(5)),
                        any(myint, Value::Int(5)),
                        any(myint, Value::Int(255)),
                    ],
                    "5|5|ff|",
                ),
            ],
        );
    }

    #[test]
    fn errors_in_format() {
        let env = Env::new();
        check(
            &env,
            &[
                ("%d|%s|", vec![s("hi"), i(5)], "%!d(string=hi)|%!s(int=5)|"),
                ("%d %d|", vec![i(1)], "1 %!d(MISSING)|"),
                (
                    "%d|",
                    vec![i(1), i(2), s("x")],
                    "1|%!(EXTRA int=2, string=x)",
                ),
                ("%z|%!|", vec![i(1), i(2)], "%!z(int=1)|%!!(int=2)|"),
                ("%", vec![], "%!(NOVERB)"),
                ("%v|%s|", vec![s("x"), nil()], "x|%!s(<nil>)|"),
                (
                    "%s|%d|",
                    vec![env.tv(1, "a"), b(true)],
                    "{%!s(int=1) a}|%!d(bool=true)|",
                ),
                ("%t|", vec![i(1)], "%!t(int=1)|"),
                (
                    "%[2]d %[1]d|%*d|%-*d|%.*f|",
                    vec![i(1), i(2), i(5), i(1), i(5), i(1), i(2), f(3.14159)],
                    "2 1| 5|5|%!f(int=2)|",
                ),
                ("%[3]d|", vec![i(1)], "%!d(BADINDEX)|"),
            ],
        );
    }

    #[test]
    fn sync_values_print_go_1_19_struct_forms() {
        use crate::lang::types::SyncKind;
        use crate::rt::{mutex::MutexState, waitgroup::WaitGroupState};
        let mut env = Env::new();
        let mut sync_val = |k: SyncKind, st: SyncState| {
            let t = env.h.types.intern(TypeKind::Sync(k));
            any(t, Value::Sync(Box::new(st)))
        };
        let mu = sync_val(SyncKind::Mutex, SyncState::Mutex(MutexState::default()));
        let locked = sync_val(
            SyncKind::Mutex,
            SyncState::Mutex(MutexState {
                locked: true,
                holder: None,
            }),
        );
        let wg = sync_val(
            SyncKind::WaitGroup,
            SyncState::WaitGroup(WaitGroupState { counter: 2 }),
        );
        let rw = sync_val(SyncKind::RwMutex, SyncState::zero(SyncKind::RwMutex));
        let once = sync_val(
            SyncKind::Once,
            SyncState::Once(crate::rt::once::OnceState::Done),
        );
        let a64 = sync_val(SyncKind::AtomicInt64, SyncState::AtomicInt(5));
        let ab = sync_val(SyncKind::AtomicBool, SyncState::AtomicBool(true));
        let sm = sync_val(SyncKind::Map, SyncState::zero(SyncKind::Map));
        let a32 = sync_val(SyncKind::AtomicInt32, SyncState::AtomicInt(5));
        check(
            &env,
            &[
                ("%v|%+v|", vec![mu, locked.clone()], "{0 0}|{state:1 sema:0}|"),
                ("%v|", vec![wg], "{{} 8589934592 0}|"),
                ("%v|%+v|", vec![rw.clone(), rw], "{{0 0} 0 0 0 0}|{w:{state:0 sema:0} writerSem:0 readerSem:0 readerCount:0 readerWait:0}|"),
                ("%v|", vec![once], "{1 {0 0}}|"),
                ("%v|%+v|%v|", vec![a64.clone(), a64, ab], "{{} {} 5}|{_:{} _:{} v:5}|{{} 1}|"),
                ("%v|%+v|", vec![sm.clone(), sm], "{{0 0} {<nil>} map[] 0}|{mu:{state:0 sema:0} read:{<nil>} dirty:map[] misses:0}|"),
                ("%T|", vec![locked.clone()], "sync.Mutex|"),
                ("%v|%+v|", vec![a32.clone(), a32], "{{} 5}|{_:{} v:5}|"),
            ],
        );
    }

    #[test]
    fn pointers_to_sync_values_print_like_pointers_to_structs() {
        use crate::lang::types::SyncKind;
        let mut env = Env::new();
        let mt = env.intern(TypeKind::Sync(SyncKind::Mutex));
        let wt = env.intern(TypeKind::Sync(SyncKind::WaitGroup));
        let mu = env.ptr(mt, Value::Sync(Box::new(SyncState::zero(SyncKind::Mutex))));
        let wg = env.ptr(
            wt,
            Value::Sync(Box::new(SyncState::zero(SyncKind::WaitGroup))),
        );
        assert_eq!(sprintln(&env.h, &[mu.clone(), wg]), "&{0 0} &{{} 0 0}\n");
        assert_eq!(sprintf(&env.h, "%+v", &[mu]), "&{state:0 sema:0}");
    }

    #[test]
    fn method_strings_are_used_for_v_and_s() {
        struct M(Env);
        impl FmtHeap for M {
            fn types(&self) -> &TypeTable {
                &self.0.h.types
            }
            fn load(&self, p: &Pointer) -> Option<Value> {
                self.0.h.load(p)
            }
            fn map_entries(&self, m: MapId) -> Vec<(Value, Value)> {
                self.0.h.map_entries(m)
            }
            fn slice_elems(&self, s: &SliceRef) -> Vec<Value> {
                self.0.h.slice_elems(s)
            }
            fn method_string(&self, ty: TypeId, _: &Value) -> Option<String> {
                (ty == self.0.t).then(|| "T!".to_string())
            }
        }
        let env = Env::new();
        let v = env.tv(1, "a");
        let m = M(env);
        assert_eq!(
            sprintf(&m, "%v|%s|%d|%5v", &[v.clone(), v.clone(), v.clone(), v]),
            "T!|T!|{1 %!d(string=a)}|   T!"
        );
    }

    #[test]
    fn pointers_print_fake_addresses() {
        let mut env = Env::new();
        let int = ty(Basic::Int);
        let p = env.ptr(int, Value::Int(1));
        let out = sprintf(&env.h, "%v|%p", &[p.clone(), p]);
        assert_eq!(out, "0xc000010000|0xc000010000");
        let chan_t = env.intern(TypeKind::Chan(crate::lang::ast::ChanDir::Both, int));
        assert_eq!(
            sprint(&env.h, &[any(chan_t, Value::Chan(Some(ChanId(1))))]),
            "0xc000080060"
        );
        let _ = Rc::new(0);
    }

    #[test]
    fn reflect_type_strings() {
        let mut env = Env::new();
        let st = env.intern(TypeKind::Struct(vec![
            Field {
                name: "X".into(),
                ty: ty(Basic::Int),
                embedded: false,
            },
            Field {
                name: "Y".into(),
                ty: ty(Basic::String),
                embedded: false,
            },
        ]));
        let e = env.intern(TypeKind::Struct(vec![]));
        let i = env.intern(TypeKind::Interface(vec![]));
        let si = env.intern(TypeKind::Slice(i));
        let t = &env.h.types;
        assert_eq!(reflect_type_string(t, st), "struct { X int; Y string }");
        assert_eq!(reflect_type_string(t, e), "struct {}");
        assert_eq!(reflect_type_string(t, si), "[]interface {}");
    }
}
