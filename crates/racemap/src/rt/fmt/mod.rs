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
//! - `GoString()` methods (`fmt.GoStringer`): printed by `%#v` ([`FmtHeap::go_string`]), where
//!   `handleMethods` prints them.
//! - A method that panics prints `%!v(PANIC=String method: boom)` (print.go `catchPanic`).
//!
//! Not covered: `%x` of floats (hex floats), `%#g`-style `#` on floats, `Formatter`, complex
//! numbers.
//!
//! Files: `verbs` (one operand under one verb), `value` (values by kind), `printf` (format
//! strings), `quote`, `float`, `iface_keys` (the order of interface-typed map keys).

use crate::gostr::GoString;
use crate::rt::sync_state::SyncState;
use crate::rt::value::{ChanId, Closure, MapId, MapKey, Pointer, SliceRef, Value};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};

/// What a value's `Error()` or `String()` method gave ([`FmtHeap::method_text`]).
#[derive(Clone, Debug, PartialEq)]
pub enum MethodText {
    /// It returned this text.
    Text(GoString),
    /// It panicked: Go prints `%!v(PANIC=String method: boom)`, the panic value as `%v`.
    Panicked {
        /// `Error`, `String` or `GoString`.
        method: &'static str,
        /// The panic value's `%v` text.
        value: GoString,
    },
}

/// What an address is asked for.
#[derive(Clone, Copy, Debug, Hash)]
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
    fn method_string(&self, ty: TypeId, value: &Value) -> Option<GoString> {
        let _ = (ty, value);
        None
    }
    /// What the value's `Error()` (checked first) or `String()` method gave, if its dynamic
    /// type `ty` has one: its text, or the panic it raised (Go's `catchPanic`). The default
    /// has only [`FmtHeap::method_string`]'s texts.
    fn method_text(&self, ty: TypeId, value: &Value) -> Option<MethodText> {
        self.method_string(ty, value).map(MethodText::Text)
    }
    /// What the value's `GoString()` method gave (a `fmt.GoStringer`, printed by `%#v`), if its
    /// dynamic type `ty` has one. The default has none.
    fn go_string(&self, ty: TypeId, value: &Value) -> Option<MethodText> {
        let _ = (ty, value);
        None
    }
    /// Whether a value of dynamic type `ty` is an `error` (has an `Error` method). The default
    /// knows none.
    fn is_error(&self, ty: TypeId) -> bool {
        let _ = ty;
        false
    }
    /// The struct a library pointer of type `ty` (`*errors.errorString`, `*fmt.wrapError`)
    /// points to, with Go 1.19's fields, for printing it without its methods (`%#v`, a bad
    /// verb). The default knows none.
    fn lib_struct(&self, ty: TypeId, value: &Value) -> Option<LibStruct> {
        let _ = (ty, value);
        None
    }
}

/// A library struct as `fmt` prints it behind a pointer (see [`FmtHeap::lib_struct`]).
pub struct LibStruct {
    /// Go's name of its type (`errors.errorString`).
    pub name: &'static str,
    /// Its fields in order: the name and the value with its dynamic type (`None`: a nil
    /// interface, which prints as `<nil>`, or `error(nil)` under `%#v`).
    pub fields: Vec<(&'static str, Option<(TypeId, Value)>)>,
}

/// `fmt.Sprint(args...)`: operands are `any` values ([`Value::Iface`]).
pub fn sprint(heap: &dyn FmtHeap, args: &[Value]) -> Vec<u8> {
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
    p.buf.0
}

/// `fmt.Sprintln(args...)`: spaces between all operands, then a newline.
pub fn sprintln(heap: &dyn FmtHeap, args: &[Value]) -> Vec<u8> {
    let mut p = Printer::new(heap);
    for (i, arg) in args.iter().enumerate() {
        if i > 0 {
            p.buf.push(' ');
        }
        p.print_arg(operand(arg), 'v');
    }
    p.buf.push('\n');
    p.buf.0
}

/// `fmt.Sprintf(format, args...)`.
pub fn sprintf(heap: &dyn FmtHeap, format: &[u8], args: &[Value]) -> Vec<u8> {
    let mut p = Printer::new(heap);
    p.do_printf(format, args);
    p.buf.0
}

/// `fmt.Errorf(format, args...)`: its message (like [`sprintf`], but `%w` formats an error
/// operand like `%v`) and the index in `args` of the error it wraps, if any (Go 1.19: the
/// operand of the only `%w`, when that operand is an error).
pub fn errorf_text(heap: &dyn FmtHeap, format: &[u8], args: &[Value]) -> (Vec<u8>, Option<usize>) {
    let mut p = Printer::new(heap);
    p.wrap_errs = true;
    p.do_printf(format, args);
    (p.buf.0, p.wrapped)
}

/// The dynamic type and value of an `any` operand; `None` for a nil interface (or a value that
/// is not an interface value, which the VM never passes).
fn operand(v: &Value) -> Option<(TypeId, &Value)> {
    match v {
        Value::Iface(Some(b)) => Some((b.0, &b.1)),
        _ => None,
    }
}

mod float;
mod iface_keys;
mod printf;
#[cfg(test)]
mod tests;
mod value;
mod verbs;

use crate::strconv::{can_backquote, is_print, quote_with};
pub use float::{format_float, print_float};

/// The formatting flags of one verb (Go's `fmtFlags` plus width and precision).
#[derive(Clone, Copy, Debug, Default, Hash)]
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
    /// A field of a basic type, printed as an unexported field.
    Value(TypeId, Value),
    /// A field of an `error` interface type: its dynamic type and value, printed as an
    /// unexported field (no methods), or nil.
    Error(Option<(TypeId, Value)>),
    /// An `any` field (`atomic.Value`'s `v`): the interface value.
    Any(Value),
}

/// The bytes being printed (Go's `fmt.buffer`): text pushed as UTF-8, a string operand as its
/// raw bytes (Go writes a string's bytes unchanged, valid UTF-8 or not).
#[derive(Default)]
struct Buf(
    /// The output so far.
    Vec<u8>,
);

impl Buf {
    /// A char as UTF-8.
    fn push(&mut self, c: char) {
        self.0
            .extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    }

    /// Text.
    fn push_str(&mut self, s: &str) {
        self.0.extend_from_slice(s.as_bytes());
    }

    /// Bytes, unchanged (a Go string's).
    fn push_bytes(&mut self, b: &[u8]) {
        self.0.extend_from_slice(b);
    }
}

struct Printer<'h> {
    heap: &'h dyn FmtHeap,
    buf: Buf,
    f: Flags,
    erroring: bool,
    /// `Errorf`'s printer: `%w` may wrap an error (Go's `wrapErrs`).
    wrap_errs: bool,
    /// The index of the operand `%w` wrapped (Go's `wrappedErr`).
    wrapped: Option<usize>,
    /// The index of the operand being printed.
    arg_index: usize,
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
            buf: Buf::default(),
            f: Flags::default(),
            erroring: false,
            wrap_errs: false,
            wrapped: None,
            arg_index: 0,
        }
    }

    fn types(&self) -> &'h TypeTable {
        self.heap.types()
    }

    /// The id of the unnamed `[]byte` type, if the program has it (`TypeId(u32::MAX)` if not).
    fn types_byte_slice(&self) -> TypeId {
        let types = self.types();
        (0..types.len() as u32)
            .map(TypeId::from_index)
            .find(|t| *types.kind(*t) == TypeKind::Slice(TypeTable::basic(Basic::Uint8)))
            .unwrap_or(TypeId::from_index(u32::MAX))
    }

    fn type_string(&self, ty: TypeId) -> String {
        reflect_type_string(self.types(), ty)
    }
}

/// Go's `reflect.Type.String()` spelling of a type, as `%T` and `%!d(string=hi)` print it:
/// always package-qualified (`main.T`), `struct { X int }`, `interface {}`.
pub fn reflect_type_string(types: &TypeTable, ty: TypeId) -> String {
    types.display_as(ty, crate::types::TypeStyle::Reflect)
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
        // Compared by its `any` (rt::map keys it by that value).
        SyncState::AtomicValue(_) => Vec::new(),
        SyncState::CondNotify(c) => vec![c.wait as i64, c.notify as i64, 0],
        SyncState::TestingT(t) => vec![i64::from(t.failed), i64::from(t.skipped)],
        SyncState::Timer(t) => vec![t.when, t.period],
        SyncState::Context(c) => vec![i64::from(c.err.is_some())],
    }
}
