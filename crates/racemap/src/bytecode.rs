//! The compiled form of a Go program: a stack-machine bytecode with one source span per
//! instruction.
//!
//! # Machine model
//! Each call has a *frame* with numbered local slots (parameters first, then results, then
//! locals and temporaries) and an *operand stack*. Instructions pop their operands from the
//! operand stack and push their results; "stack: `[a, b] → [c]`" below means `b` is on top
//! before the instruction (so `a` was pushed first) and `c` is pushed in their place.
//!
//! Variables that *escape* (captured by a closure, address taken, package-level) live in heap
//! cells: their local slot holds a [`Value::Ptr`](crate::rt::value::Value::Ptr) to the cell and
//! every read or write goes through [`Instr::Load`] / [`Instr::Store`], which are *visible
//! operations*. Everything else (locals, temporaries, the operand stack) is private to the
//! goroutine and never visible.
//!
//! # Visible operations
//! An instruction marked **visible** is a scheduling point: the goroutine parks *before* it,
//! the scheduler picks it, and executing it produces one [`Event`](crate::rt::event::Event)
//! (map writes produce two: begin and end, each its own step). Non-visible instructions run
//! freely between visible ones.
//!
//! # Runtime errors
//! Panics are Go panics (`panic: runtime error: ...`, exit status 2, recoverable by
//! [`Instr::Recover`]); fatal errors (`fatal error: concurrent map writes`) are not recoverable.
//! The exact texts are given per instruction.
//!
//! Invariant: `Func::code.len() == Func::spans.len()`; every jump target is `< code.len()`;
//! the operand stack is empty at every statement boundary (lowering guarantees it).

use crate::diag::{SourceMap, Span};
use crate::lang::types::{Basic, SyncKind, TypeId, TypeKind, TypeTable};
pub use crate::rt::value::FuncId;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::rc::Rc;

/// Index of a package-level variable in [`Program::globals`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GlobalId(pub u32);

/// Index of a string constant in [`Program::strings`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StrId(pub u32);

/// Index of a select description in [`Program::selects`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SelectId(pub u32);

/// A whole compiled program.
#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    /// Maps spans to `prog.go:LINE:COL`.
    pub source_map: SourceMap,
    /// The Go source text the program was compiled from (for the UI and `--trace`).
    pub source: String,
    /// All functions: declared functions, methods, function literals, `init`.
    pub funcs: Vec<Func>,
    /// Every type the program mentions (the checker's table plus types lowering interned).
    pub types: TypeTable,
    /// Package-level variables. The machine allocates one heap cell per global, holding the
    /// zero value of its type, before running [`Program::init`].
    pub globals: Vec<Global>,
    /// String constants referenced by [`Instr::PushStr`].
    pub strings: Vec<Rc<str>>,
    /// Select statements referenced by [`Instr::Select`].
    pub selects: Vec<SelectTable>,
    /// Methods by (receiver type, name), for [`Instr::CallIface`] and [`Instr::TypeAssert`] to an
    /// interface type. The receiver type is the method's declared receiver (`T` or `*T`); a
    /// value-receiver method of `T` is also listed under `*T` with [`Method::deref_recv`].
    pub methods: BTreeMap<(TypeId, String), Method>,
    /// Runs the package-level variable initializers in dependency order, then calls each
    /// `func init()` in source order, then returns. Named `main.init`. The machine runs it on the main goroutine before [`Program::main`] (e.g. by
    /// pushing the `main` frame, then the `init` frame on top of it).
    pub init: FuncId,
    /// `main.main`.
    pub main: FuncId,
    /// The dynamic type of error values made by library functions (`*errors.errorString`,
    /// a pointer to a named string type): an error is `Iface((error_type, Value::Str(msg)))`.
    pub error_type: TypeId,
}

/// A method table entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Method {
    /// The method's code; its parameter 0 is the receiver.
    pub func: FuncId,
    /// The method has a value receiver `T` but is reached through a `*T`: the machine
    /// dereferences the pointer (a plain read of the pointee, no event) before the call.
    pub deref_recv: bool,
}

/// A package-level variable.
#[derive(Clone, Debug, PartialEq)]
pub struct Global {
    /// The name as written (`counter`).
    pub name: String,
    /// Its type; the cell starts as this type's zero value.
    pub ty: TypeId,
    /// Where it is declared.
    pub span: Span,
}

/// Where a function result lives while the function runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultSlot {
    /// In local slot `n`.
    Local(u32),
    /// In a heap cell whose pointer is in local slot `n` (a named result captured by a
    /// deferred closure). [`Instr::Return`] reads the cell (no event) after deferred calls ran.
    Cell(u32),
}

/// One compiled function.
#[derive(Clone, Debug, PartialEq)]
pub struct Func {
    /// Go's runtime name: `main.main`, `main.(*Cache).Get`, `main.Point.String`,
    /// `main.main.func1`, `main.init`.
    pub name: Rc<str>,
    /// Where it is declared (the `func` keyword through the closing brace).
    pub span: Span,
    /// Number of parameters, the receiver included (first). They arrive in slots
    /// `0..params` in order.
    pub params: u32,
    /// Parameter types (receiver first), `params` entries (`Invalid` for the parameters of
    /// synthetic `go`/`defer` wrapper functions).
    pub param_types: Vec<TypeId>,
    /// Result types.
    pub results: Vec<TypeId>,
    /// Where each result lives; `results.len()` entries. On entry, a `Local` result slot
    /// holds the zero value of its type (the machine initializes it); a `Cell` result's slot
    /// is initialized by the function's own code (`Alloc`).
    pub result_slots: Vec<ResultSlot>,
    /// Total local slots (parameters, results, locals, temporaries). Slots other than
    /// parameters and `Local` results start as [`Value::Unit`](crate::rt::value::Value::Unit).
    pub locals: u32,
    /// Number of captured variables (closures only); [`Instr::Capture`] indexes them.
    pub captures: u32,
    /// The last parameter is `...T` (received as a `[]T`).
    pub variadic: bool,
    /// The instructions.
    pub code: Vec<Instr>,
    /// The source span of each instruction (same length as `code`): the statement or
    /// expression a user would want highlighted, and the position race reports cite.
    pub spans: Vec<Span>,
    /// A compiler-made wrapper of a `go`/`defer` call (`main.main.func3` in Go 1.19). Go's race
    /// reports show its frame; panic tracebacks and goroutine dumps hide it (as the Go runtime
    /// elides wrapper functions), and `created by` names the function with the `go` statement.
    pub wrapper: bool,
}

impl Func {
    /// The source span of the instruction at `pc` (the function's own span past the end, e.g.
    /// for an implicit return).
    pub fn span_at(&self, pc: u32) -> Span {
        self.spans.get(pc as usize).copied().unwrap_or(self.span)
    }
}

/// Binary arithmetic and comparison operators of [`Instr::Binary`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BinOp {
    /// `+` (numbers; strings use [`Instr::Concat`]).
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/` (integer division truncates toward zero).
    Div,
    /// `%` (sign of the dividend).
    Rem,
    /// `&`
    And,
    /// `|`
    Or,
    /// `^`
    Xor,
    /// `&^`
    AndNot,
    /// `<<` (right operand: any integer, unsigned interpretation per its own type not needed:
    /// a negative count panics).
    Shl,
    /// `>>` (arithmetic for signed, logical for unsigned).
    Shr,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl BinOp {
    /// The operator as written.
    pub fn as_str(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Rem => "%",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
            BinOp::AndNot => "&^",
            BinOp::Shl => "<<",
            BinOp::Shr => ">>",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
        }
    }

    /// A comparison (pushes a bool).
    pub fn is_comparison(self) -> bool {
        matches!(self, BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge)
    }
}

/// One case of a `select` statement, in source order.
#[derive(Clone, Debug, PartialEq)]
pub enum SelectCase {
    /// `case ch <- v:`: pops channel and value (value on top).
    Send,
    /// `case v := <-ch:` / `case v, ok := <-ch:` / `case <-ch:`: pops the channel.
    Recv {
        /// Element type (the zero value received from a closed channel).
        elem: TypeId,
    },
}

/// The shape of one `select` statement.
#[derive(Clone, Debug, PartialEq)]
pub struct SelectTable {
    /// Cases in source order (without the default).
    pub cases: Vec<SelectCase>,
    /// A `default:` clause exists.
    pub has_default: bool,
}

/// How library calls ([`Instr::CallLib`], [`Instr::DeferLib`]) pass operands and results.
///
/// The enum is the checker's [`LibFunc`] (one per package function or library method). Operands
/// are pushed in Go's parameter order; for a method of a `sync`/`atomic` type the first operand
/// is a *pointer* to the receiver object (`c.mu.Lock()` passes `&c.mu`; the cell holds a
/// `Value::Sync`); for `ErrorError` it is the error value. Arguments of `...any` parameters
/// (`fmt.Println(a, b)`) are pushed one by one, each boxed to `any` with its dynamic type
/// ([`Instr::ToIface`]), and `argc` counts them (`fmt.Printf`: the format string, unboxed, then
/// the boxed values). Other variadic library parameters (none today) would be packed in a
/// slice. The call pushes the function's results in order ([`lib_result_count`]).
///
/// Error values (`fmt.Errorf`, `strconv.Atoi`) are interface values whose dynamic type is
/// [`Program::error_type`] (`*errors.errorString`) holding the message as a `Value::Str`; a nil
/// error is the nil interface.
///
/// Visibility ([`lib_is_visible`]): output (`fmt.Print*`), every `sync`/`atomic` operation and
/// `time.Sleep` are visible operations (blocking ones are enabled only when they can complete:
/// `Lock` while unlocked, `Wait` at counter 0, …); `fmt.Sprint*`, `fmt.Errorf`, `strconv`,
/// `strings` and `ErrorError` are local computation.
///
/// Runtime errors: `fatal error: sync: unlock of unlocked mutex`, `fatal error: sync: Unlock of
/// unlocked RWMutex`, `fatal error: sync: RUnlock of unlocked RWMutex`, `panic: sync: negative
/// WaitGroup counter`, nil pointer dereference for a nil receiver pointer.
/// `OnceDo` and `SyncMapRange` call their function operand (a closure value) from the machine.
pub use crate::lang::check::info::LibFunc;

/// Whether a library call is a visible operation (see [`LibFunc`] conventions above).
pub fn lib_is_visible(f: LibFunc) -> bool {
    use LibFunc::*;
    !matches!(
        f,
        FmtSprint
            | FmtSprintln
            | FmtSprintf
            | FmtErrorf
            | StrconvItoa
            | StrconvAtoi
            | StringsContains
            | StringsHasPrefix
            | StringsHasSuffix
            | StringsRepeat
            | StringsToUpper
            | StringsToLower
            | StringsJoin
            | StringsSplit
            | ErrorError
    )
}

/// Number of values a library call pushes.
pub fn lib_result_count(f: LibFunc) -> u32 {
    use LibFunc::*;
    match f {
        FmtPrint | FmtPrintln | FmtPrintf | TimeSleep | AtomicStoreInt32 | AtomicStoreInt64
        | MutexLock | MutexUnlock | RwMutexLock | RwMutexUnlock | RwMutexRLock | RwMutexRUnlock
        | WaitGroupAdd | WaitGroupDone | WaitGroupWait | OnceDo | SyncMapStore | SyncMapDelete
        | SyncMapRange | AtomicInt32Store | AtomicInt64Store | AtomicBoolStore => 0,
        StrconvAtoi | SyncMapLoad | SyncMapLoadOrStore | SyncMapLoadAndDelete | SyncMapSwap => 2,
        _ => 1,
    }
}

/// One instruction.
///
/// Notation: "stack: `[a, b] → [c]`" (top of stack on the right). "Visible" instructions are
/// scheduling points producing an event; all others are local computation. "Panics" lists Go
/// runtime panics (`panic: runtime error: ...` unless written otherwise).
#[derive(Clone, Debug, PartialEq)]
pub enum Instr {
    // ----- constants and stack shuffling -----
    /// Push an integer constant (any integer type; already wrapped to its width; unsigned
    /// 64-bit values are stored as their bit pattern). Stack: `[] → [int]`.
    PushInt(i64),
    /// Push a floating-point constant (`float32` constants already rounded). `[] → [float]`.
    PushFloat(f64),
    /// Push a boolean constant. `[] → [bool]`.
    PushBool(bool),
    /// Push string constant `Program::strings[id]`. `[] → [string]`.
    PushStr(StrId),
    /// Push the zero value of a type (`nil` of pointer/slice/map/chan/func/interface types,
    /// `0`, `""`, `false`, a struct/array of zero values, fresh unlocked sync objects).
    /// `[] → [zero]`.
    Zero(TypeId),
    /// Push a copy of the top value. `[a] → [a, a]`.
    Dup,
    /// Discard the top value. `[a] → []`.
    Pop,
    /// Exchange the two top values. `[a, b] → [b, a]`.
    Swap,

    // ----- local slots -----
    /// Push a copy of local slot `n`. `[] → [v]`.
    LoadLocal(u32),
    /// Pop into local slot `n`. `[v] → []`.
    StoreLocal(u32),
    /// Replace a part of the aggregate value in local slot `slot`: the path has `depth`
    /// indices (struct field numbers and array element indices, outermost first), pushed as
    /// ints before the value. Stack: `[i1, …, i_depth, v] → []`.
    /// Panics: `index out of range [I] with length N` for an array index.
    StoreLocalPath {
        /// The local slot holding the aggregate.
        slot: u32,
        /// Number of path indices on the stack.
        depth: u32,
    },

    // ----- heap cells and pointers -----
    /// Allocate a heap cell holding the zero value of the type; push a pointer to it (`new(T)`,
    /// an escaping variable's declaration). Not visible (a fresh cell is unshared).
    /// `[] → [ptr]`.
    Alloc(TypeId),
    /// Allocate a heap cell initialized with the popped value (`&T{...}`, an escaping
    /// parameter moved to the heap). Not visible. `[v] → [ptr]`.
    Box(TypeId),
    /// Allocate a new cell holding a copy of the pointee of the popped pointer (the per-
    /// iteration copy of a Go 1.22 loop variable at the end of each iteration). Not visible;
    /// the read of the old cell is not reported to the race detector. `[ptr] → [ptr']`.
    Rebox,
    /// Read through a pointer. **Visible**: a read of the pointee (every scalar location
    /// inside it, for an aggregate). `[ptr] → [v]`.
    /// Panics: `invalid memory address or nil pointer dereference` on nil.
    Load,
    /// Write through a pointer. **Visible**: a write of the pointee. `[ptr, v] → []`.
    /// Panics: nil pointer dereference.
    Store,
    /// Pointer to field `i` of the struct the popped pointer points to (`&p.f`). Not visible
    /// (no memory access). `[ptr] → [ptr.child(i)]`. Panics: nil pointer dereference.
    FieldPtr(u32),
    /// Pointer to element `idx` of the array the popped pointer points to; the array's length
    /// is `len`. Not visible. `[ptr, idx] → [elem_ptr]`.
    /// Panics: nil pointer dereference; `index out of range [IDX] with length LEN`.
    IndexPtr {
        /// Static length of the array type.
        len: u64,
    },
    /// Pointer to element `idx` of a slice (`&s[i]`, and the address read/written by `s[i]`):
    /// `Pointer { obj: backing, path: [off + idx] }`. Not visible.
    /// `[slice, idx] → [elem_ptr]`. Panics: `index out of range [IDX] with length LEN`.
    SliceElemPtr,
    /// Pointer to the cell of a package-level variable. Not visible. `[] → [ptr]`.
    GlobalPtr(GlobalId),

    // ----- aggregate values (local copies) -----
    /// Field `i` of a struct value. `[struct] → [field]`.
    Field(u32),
    /// Replace field `i` of a struct value. `[struct, v] → [struct']`.
    SetField(u32),
    /// Element of an array value. `[array, idx] → [elem]`.
    /// Panics: `index out of range [IDX] with length N`.
    Index,
    /// Replace an element of an array value. `[array, idx, v] → [array']`.
    /// Panics: `index out of range [IDX] with length N`.
    SetIndex,
    /// Build a struct value from `n` field values (declaration order). `[f0, …, f_{n-1}] →
    /// [struct]`.
    MakeStruct(u32),
    /// Build an array value from `n` elements. `[e0, …, e_{n-1}] → [array]`.
    MakeArray(u32),

    // ----- maps -----
    /// `make(map[K]V)` (the size hint, if any, was evaluated and discarded). Not visible.
    /// `[] → [map]`.
    MakeMap(TypeId),
    /// Build a map from `n` key/value pairs (a map composite literal; later duplicates win).
    /// Not visible (the map is fresh). `[k0, v0, …, k_{n-1}, v_{n-1}] → [map]`.
    MapLit {
        /// The map type.
        ty: TypeId,
        /// Number of pairs.
        n: u32,
    },
    /// `m[k]`, `v, ok := m[k]`. **Visible** map read: fatal
    /// `concurrent map read and map write` when the map's writing flag is set (skipped for a
    /// nil or empty map). A missing key yields the zero value of `elem`.
    /// `[map, key] → [v]` or, with `comma_ok`, `[map, key] → [v, ok]`.
    /// Panics: `hash of unhashable type T` for interface keys holding slices/maps/funcs.
    MapGet {
        /// Element type (for the zero value).
        elem: TypeId,
        /// Also push whether the key was present.
        comma_ok: bool,
    },
    /// `m[k] = v`. **Visible, two steps**: begin (fatal `concurrent map writes` if the flag is
    /// set, then set it) and end (store the entry; fatal `concurrent map writes` if the flag
    /// was cleared meanwhile; clear it). `[map, key, v] → []`.
    /// Panics: `panic: assignment to entry in nil map`.
    MapSet,
    /// `m[k] op= v`, `m[k]++` (`Add`, v = 1), `m[k]--` (`Sub`, v = 1): Go compiles these to a
    /// single `mapassign`, so this is **one map write, two steps** like [`Instr::MapSet`] (begin:
    /// flag check + set; end: the old element, or the zero value of `elem` when absent, is
    /// combined as `old op v` in basic type `ty` (`String` + `Add` concatenates), stored, flag
    /// check + clear). There is no separate map read, so a concurrent writer can only cause
    /// `concurrent map writes`. `v` is evaluated before the instruction. `[map, key, v] → []`.
    /// Panics: `assignment to entry in nil map`; `integer divide by zero`.
    MapUpdate {
        /// The operator.
        op: BinOp,
        /// Basic type of the element (the arithmetic's width and signedness).
        ty: Basic,
        /// Element type, for the zero value of a missing key.
        elem: TypeId,
    },
    /// `delete(m, k)`. **Visible, two steps** like [`Instr::MapSet`]. A nil map is a no-op
    /// (still one visible step). `[map, key] → []`.
    MapDelete,
    /// `clear(m)`. **Visible, two steps** like [`Instr::MapSet`]. `[map] → []`.
    MapClear,
    /// `len(m)`. **Visible** map read (no flag check, as Go). `[map] → [int]`.
    MapLen,
    /// Start `for k, v := range m`: push an iteration state (a machine-defined value, e.g. a
    /// snapshot of the keys in the order this run iterates them). Not visible.
    /// `[map] → [iter]`.
    MapIterInit,
    /// Advance the iteration whose state is in local slot `slot`. **Visible** map iteration
    /// step: fatal `concurrent map iteration and map write` when the writing flag is set.
    /// Keys deleted since the start are skipped (Go's semantics). Pushes the next entry and
    /// `true`, or `Unit, Unit, false` when done. `[] → [k, v, ok]`.
    MapIterNext {
        /// The local slot holding the iteration state.
        slot: u32,
    },

    // ----- slices -----
    /// `make([]T, len, cap)` (lowering pushes `cap = len` when omitted) with zero elements
    /// of type `elem`. Not visible. `[len, cap] → [slice]`.
    /// Panics: `makeslice: len out of range`, `makeslice: cap out of range`.
    MakeSlice {
        /// Element type.
        elem: TypeId,
    },
    /// A slice literal: a fresh backing array with `n` elements. Not visible.
    /// `[e0, …, e_{n-1}] → [slice]`.
    SliceLit {
        /// Element type.
        elem: TypeId,
        /// Number of elements.
        n: u32,
    },
    /// `append(s, e0, …, e_{n-1})`. **Visible**: writes the appended elements (into the
    /// existing backing array when capacity suffices, else into a fresh one after reading the
    /// old elements, growing capacity like Go's `growslice`). `[s, e0, …] → [s']`.
    Append {
        /// Element type (a nil slice grows a fresh array of it).
        elem: TypeId,
        /// Number of appended elements.
        n: u32,
    },
    /// `append(s, t...)` (`t` a slice, or a string when `s` is `[]byte`). **Visible** as
    /// [`Instr::Append`], also reading `t`'s elements. `[s, t] → [s']`.
    AppendSlice {
        /// Element type.
        elem: TypeId,
    },
    /// `copy(dst, src)` (`src` a slice or a string). **Visible**: reads `src`'s copied
    /// elements, writes `dst`'s. `[dst, src] → [n]`.
    Copy,
    /// `x[lo:hi:max]` on a slice, a string (no `max`) or a pointer to an array (root of its
    /// heap object). Missing bounds are not pushed. Not visible.
    /// `[x, lo?, hi?, max?] → [slice or string]`.
    /// Panics: `slice bounds out of range [:HI] with capacity CAP` (and Go's other forms).
    SliceExpr {
        /// `lo` is on the stack.
        lo: bool,
        /// `hi` is on the stack.
        hi: bool,
        /// `max` is on the stack.
        max: bool,
    },
    /// `len(x)` of a string or slice (arrays: lowering pushes a constant). `[x] → [int]`.
    Len,
    /// `cap(x)` of a slice. `[x] → [int]`.
    Cap,

    // ----- strings -----
    /// String concatenation. `[a, b] → [a+b]`.
    Concat,
    /// Byte `i` of a string. `[s, i] → [byte]`.
    /// Panics: `index out of range [I] with length N`.
    StrIndex,
    /// Decode the UTF-8 rune starting at byte `i` (U+FFFD and width 1 for invalid bytes), for
    /// `range` over a string. `[s, i] → [rune, width]`.
    StrDecodeRune,

    // ----- arithmetic, comparison, conversion -----
    /// Arithmetic or ordering on operands of basic type `ty` (the underlying basic type of the
    /// left operand; for shifts the right operand is any integer). Integer results wrap to
    /// the width and signedness of `ty`; float32 results are rounded; string ordering is
    /// bytewise. `[a, b] → [a op b]`.
    /// Panics: `integer divide by zero` (`/`, `%` on integers); `negative shift amount`.
    Binary(BinOp, Basic),
    /// Negation in type `ty` (wrapping). `[a] → [-a]`.
    Neg(Basic),
    /// Bitwise complement in type `ty`. `[a] → [^a]`.
    BitNot(Basic),
    /// Boolean not. `[a] → [!a]`.
    Not,
    /// Go `==` on any comparable values (deep for structs, arrays and interfaces; pointers,
    /// maps, chans by identity). `[a, b] → [bool]`.
    /// Panics: `comparing uncomparable type T` (interfaces holding slices, maps, funcs).
    Eq,
    /// Go `!=`. `[a, b] → [bool]`. Panics as [`Instr::Eq`].
    Ne,
    /// A conversion between non-interface types with different representations: integer ↔
    /// integer (wrap to the target width), integer ↔ float (truncate toward zero), integer →
    /// string (a rune, U+FFFD when invalid), string ↔ `[]byte` / `[]rune` (fresh backing
    /// array). `from`/`to` are the types (the machine looks at their underlying types).
    /// Conversions that do not change the representation are not emitted. `[x] → [T(x)]`.
    Convert {
        /// Source type.
        from: TypeId,
        /// Target type.
        to: TypeId,
    },

    // ----- interfaces -----
    /// Box a non-interface value of type `ty` into an interface value (dynamic type `ty`).
    /// `[v] → [iface]`.
    ToIface(TypeId),
    /// `x.(T)`: when `ty` is a non-interface type, succeeds if the dynamic type is identical
    /// to `ty` and pushes the unboxed value; when `ty` is an interface type, succeeds if the
    /// dynamic type has its methods ([`Program::methods`]) and pushes the interface value
    /// unchanged. With `comma_ok`, failure pushes the zero value of `ty` and `false`.
    /// `[iface] → [v]` or `[iface] → [v, ok]`.
    /// Panics (without `comma_ok`): `interface conversion: interface {} is string, not int`
    /// (`from` names the static type), `interface conversion: interface is nil, not int`.
    TypeAssert {
        /// The asserted type.
        ty: TypeId,
        /// The operand's static (interface) type, for the panic message.
        from: TypeId,
        /// Push `ok` instead of panicking.
        comma_ok: bool,
    },
    /// Type-switch test: whether the interface's dynamic type is `ty` (or implements it, for
    /// an interface `ty`). A nil interface matches nothing (lowering tests `nil` cases with
    /// [`Instr::Eq`] against `Zero`). `[iface] → [bool]`.
    TypeIs(TypeId),

    // ----- control flow -----
    /// Jump to instruction index `target`. `[] → []`.
    Jump(u32),
    /// Jump when the popped bool is true. `[bool] → []`.
    JumpIf(u32),
    /// Jump when the popped bool is false. `[bool] → []`.
    JumpIfNot(u32),

    // ----- functions -----
    /// Call a known function with `argc` arguments (receiver first for methods; a variadic
    /// function gets its `...` arguments already packed in a slice). Not visible. Pushes the
    /// callee's results in order. `[a0, …, a_{argc-1}] → [r0, …]`.
    Call {
        /// The callee.
        func: FuncId,
        /// Number of arguments.
        argc: u32,
    },
    /// Build a closure of `func` capturing `ncaptures` cell pointers (in the callee's
    /// [`Instr::Capture`] order); `ncaptures == 0` makes a plain function value. Not visible.
    /// `[p0, …, p_{n-1}] → [func]`.
    MakeClosure {
        /// The function literal's (or function's) code.
        func: FuncId,
        /// Number of captured pointers popped.
        ncaptures: u32,
    },
    /// A method value `x.M` with receiver `x` bound (passed as argument 0 when called). Not
    /// visible. `[recv] → [func]`.
    MethodValue(FuncId),
    /// Call a function value. Not visible. `[f, a0, …, a_{argc-1}] → [r0, …]` (results of
    /// the function type; a bound receiver is inserted as the first argument).
    /// Panics: `invalid memory address or nil pointer dereference` for a nil func.
    CallValue {
        /// Number of arguments.
        argc: u32,
        /// Number of results the function type has.
        results: u32,
    },
    /// Call method `Program::strings[name]` on the dynamic value of an interface
    /// (`err.Error()`, `s.String()`), looked up in [`Program::methods`]. Not visible.
    /// `[iface, a0, …] → [r0, …]`. Panics: nil pointer dereference on a nil interface.
    CallIface {
        /// The method name.
        name: StrId,
        /// Number of arguments besides the receiver.
        argc: u32,
        /// Number of results.
        results: u32,
    },
    /// Push captured pointer `i` of the running closure. Not visible. `[] → [ptr]`.
    Capture(u32),
    /// `go f(args)`: start a goroutine running the function value with the (already
    /// evaluated) arguments. **Visible** (spawn: the child happens after everything before).
    /// `[f, a0, …, a_{argc-1}] → []`. Lowering passes a declared function as
    /// `MakeClosure { func, ncaptures: 0 }`, a method as its function with the receiver as
    /// argument 0, and a library call or builtin (`go fmt.Println(x)`) as a synthetic wrapper
    /// function (`main.main.gowrap1`) taking the evaluated arguments.
    Go {
        /// Number of arguments.
        argc: u32,
    },
    /// `defer f(args)`: record the call (function and evaluated arguments) on the frame's
    /// defer list; it runs at [`Instr::Return`] or during panicking, last in first out. Not
    /// visible. `[f, a0, …] → []`. Panics when run: nil func. Function operands are built as
    /// for [`Instr::Go`] (builtins such as `defer close(ch)` use a wrapper function).
    Defer {
        /// Number of arguments.
        argc: u32,
    },
    /// `defer lib(args)` (`defer mu.Unlock()`, `defer wg.Done()`): record a library call with
    /// its evaluated arguments; it runs as [`Instr::CallLib`] would (visible if the function
    /// is; its results are discarded). `[a0, …] → []`.
    DeferLib {
        /// The library function.
        func: LibFunc,
        /// Number of arguments.
        argc: u32,
    },
    /// Return from the function: run deferred calls (LIFO), then deliver the result slots'
    /// values ([`Func::result_slots`]) to the caller's operand stack. The results were stored
    /// into the result slots before this instruction. When a goroutine's root function
    /// returns, the goroutine exits (**visible**: `Exit`); when `main.main` returns the program
    /// ends. `[] → []`.
    Return,
    /// `panic(v)` (the value already boxed as `any`). Starts panicking: deferred calls run;
    /// unrecovered, the program ends with `panic: V` (Go's formatting of the value, e.g.
    /// `panic: boom` for a string; errors print their `Error()`), exit status 2.
    /// `[iface] → never`.
    Panic,
    /// `recover()`: inside a deferred call run by a panicking goroutine, stops the panic and
    /// pushes its value; otherwise pushes a nil `any`. `[] → [any]`.
    Recover,

    // ----- channels -----
    /// `make(chan T, cap)` (lowering pushes 0 for an unbuffered channel). Not visible.
    /// `[cap] → [chan]`. Panics: `makechan: size out of range`.
    MakeChan {
        /// Element type.
        elem: TypeId,
    },
    /// `ch <- v`. **Visible**, blocking (nil channel blocks forever).
    /// `[ch, v] → []`. Panics: `send on closed channel` (plain `panic:`).
    Send,
    /// `<-ch`, `v, ok := <-ch`. **Visible**, blocking; a closed, drained channel yields the
    /// zero value of `elem` and `false`. `[ch] → [v]` or `[ch] → [v, ok]`.
    Recv {
        /// Element type (the zero value).
        elem: TypeId,
        /// Also push `ok`.
        comma_ok: bool,
    },
    /// `close(ch)`. **Visible**. `[ch] → []`. Panics: `close of closed channel`,
    /// `close of nil channel` (plain `panic:`).
    Close,
    /// `len(ch)`: buffered element count (not visible). `[ch] → [int]`.
    ChanLen,
    /// `cap(ch)` (not visible). `[ch] → [int]`.
    ChanCap,
    /// `select`, described by `Program::selects[id]`. **Visible**, blocking unless it has a
    /// default; when several cases are ready the scheduler chooses (`Choice::alt`). Operands:
    /// for each case in order, its channel, and for a send its value after it.
    /// Pushes the received value (or `Unit` for a send case or default), `ok` (false for
    /// send/default), and the chosen case index (`cases.len()` for default) on top.
    /// `[ch0, (v0), ch1, (v1), …] → [v, ok, index]`. Panics: `send on closed channel`.
    Select(SelectId),

    // ----- library -----
    /// Builtin `print(args…)` / `println(args…)` (`newline`): write the `argc` boxed operands to
    /// stderr in the builtin's format (`println` separates with spaces). **Visible** (print).
    /// `[a0, …, a_{argc-1}] → []`.
    PrintBuiltin {
        /// `println` rather than `print`.
        newline: bool,
        /// Number of operands.
        argc: u32,
    },
    /// Call a library function; operands and results per [`LibFunc`]'s conventions.
    /// Visible when [`lib_is_visible`]. `[a0, …, a_{argc-1}] → [r…]`.
    CallLib {
        /// Which function.
        func: LibFunc,
        /// Number of operands popped.
        argc: u32,
    },
}

impl Instr {
    /// Whether this instruction is a visible operation (scheduling point). `Return` is visible
    /// only when it ends a goroutine; this returns `false` for it.
    pub fn is_visible(&self) -> bool {
        match self {
            Instr::Load
            | Instr::Store
            | Instr::MapGet { .. }
            | Instr::MapSet
            | Instr::MapUpdate { .. }
            | Instr::MapDelete
            | Instr::MapClear
            | Instr::MapLen
            | Instr::MapIterNext { .. }
            | Instr::Append { .. }
            | Instr::AppendSlice { .. }
            | Instr::Copy
            | Instr::Go { .. }
            | Instr::Send
            | Instr::Recv { .. }
            | Instr::Close
            | Instr::Select(_)
            | Instr::PrintBuiltin { .. } => true,
            Instr::CallLib { func, .. } => lib_is_visible(*func),
            _ => false,
        }
    }
}

impl Program {
    /// The function with this id.
    pub fn func(&self, id: FuncId) -> &Func {
        &self.funcs[id.0 as usize]
    }

    /// The string constant with this id.
    pub fn string(&self, id: StrId) -> &Rc<str> {
        &self.strings[id.0 as usize]
    }

    /// Whether values of type `ty` are sync objects (whose zero value is a fresh `Value::Sync`).
    pub fn sync_kind(&self, ty: TypeId) -> Option<SyncKind> {
        match self.types.under(ty) {
            TypeKind::Sync(k) => Some(*k),
            _ => None,
        }
    }

    /// A readable listing of the whole program: one function after another, one instruction a
    /// line with its index and source line, for tests, debugging and `--trace`.
    pub fn disassemble(&self) -> String {
        let mut out = String::new();
        for (i, g) in self.globals.iter().enumerate() {
            let _ = writeln!(
                out,
                "global {i} {} {}",
                g.name,
                self.types.display(g.ty, false)
            );
        }
        for i in 0..self.funcs.len() {
            if i > 0 || !self.globals.is_empty() {
                out.push('\n');
            }
            out.push_str(&self.disassemble_func(FuncId(i as u32)));
        }
        out
    }

    /// The listing of one function (see [`Program::disassemble`]).
    pub fn disassemble_func(&self, id: FuncId) -> String {
        let f = self.func(id);
        let mut out = String::new();
        let params: Vec<String> = f
            .param_types
            .iter()
            .map(|t| self.types.display(*t, false))
            .collect();
        let results: Vec<String> = f
            .results
            .iter()
            .map(|t| self.types.display(*t, false))
            .collect();
        let _ = writeln!(
            out,
            "func {} ({}) ({}) locals={} captures={}{}",
            f.name,
            params.join(", "),
            results.join(", "),
            f.locals,
            f.captures,
            if f.wrapper { " wrapper" } else { "" }
        );
        for (pc, ins) in f.code.iter().enumerate() {
            let line = f
                .spans
                .get(pc)
                .map(|s| self.source_map.line(s.lo))
                .unwrap_or(0);
            let _ = writeln!(out, "  {pc:>3} L{line:<3} {}", self.instr_text(ins));
        }
        out
    }

    /// One instruction as text, with type names and string constants resolved.
    pub fn instr_text(&self, ins: &Instr) -> String {
        let ty = |t: &TypeId| self.types.display(*t, false);
        match ins {
            Instr::PushInt(v) => format!("PushInt {v}"),
            Instr::PushFloat(v) => format!("PushFloat {v}"),
            Instr::PushBool(v) => format!("PushBool {v}"),
            Instr::PushStr(s) => format!(
                "PushStr {:?}",
                self.strings.get(s.0 as usize).map(|s| &**s).unwrap_or("?")
            ),
            Instr::Zero(t) => format!("Zero {}", ty(t)),
            Instr::Alloc(t) => format!("Alloc {}", ty(t)),
            Instr::Box(t) => format!("Box {}", ty(t)),
            Instr::MakeMap(t) => format!("MakeMap {}", ty(t)),
            Instr::MapLit { ty: t, n } => format!("MapLit {} {n}", ty(t)),
            Instr::MapGet { elem, comma_ok } => {
                format!("MapGet {}{}", ty(elem), if *comma_ok { " ok" } else { "" })
            }
            Instr::MapUpdate { op, ty: b, elem } => {
                format!("MapUpdate {} {} {}", op.as_str(), b.name(), ty(elem))
            }
            Instr::MakeSlice { elem } => format!("MakeSlice {}", ty(elem)),
            Instr::SliceLit { elem, n } => format!("SliceLit {} {n}", ty(elem)),
            Instr::Append { elem, n } => format!("Append {} {n}", ty(elem)),
            Instr::AppendSlice { elem } => format!("AppendSlice {}", ty(elem)),
            Instr::Convert { from, to } => format!("Convert {} -> {}", ty(from), ty(to)),
            Instr::ToIface(t) => format!("ToIface {}", ty(t)),
            Instr::TypeAssert {
                ty: t, comma_ok, ..
            } => {
                format!("TypeAssert {}{}", ty(t), if *comma_ok { " ok" } else { "" })
            }
            Instr::TypeIs(t) => format!("TypeIs {}", ty(t)),
            Instr::Binary(op, b) => format!("Binary {} {}", op.as_str(), b.name()),
            Instr::Neg(b) => format!("Neg {}", b.name()),
            Instr::BitNot(b) => format!("BitNot {}", b.name()),
            Instr::Call { func, argc } => format!(
                "Call {} {argc}",
                self.funcs
                    .get(func.0 as usize)
                    .map(|f| &*f.name)
                    .unwrap_or("?")
            ),
            Instr::MakeClosure { func, ncaptures } => format!(
                "MakeClosure {} {ncaptures}",
                self.funcs
                    .get(func.0 as usize)
                    .map(|f| &*f.name)
                    .unwrap_or("?")
            ),
            Instr::MethodValue(func) => format!(
                "MethodValue {}",
                self.funcs
                    .get(func.0 as usize)
                    .map(|f| &*f.name)
                    .unwrap_or("?")
            ),
            Instr::CallIface {
                name,
                argc,
                results,
            } => format!(
                "CallIface {} {argc} {results}",
                self.strings
                    .get(name.0 as usize)
                    .map(|s| &**s)
                    .unwrap_or("?")
            ),
            Instr::MakeChan { elem } => format!("MakeChan {}", ty(elem)),
            Instr::Recv { elem, comma_ok } => {
                format!("Recv {}{}", ty(elem), if *comma_ok { " ok" } else { "" })
            }
            Instr::Select(id) => {
                let mut s = format!("Select {}", id.0);
                if let Some(t) = self.selects.get(id.0 as usize) {
                    s.push_str(" [");
                    for (i, c) in t.cases.iter().enumerate() {
                        if i > 0 {
                            s.push_str(", ");
                        }
                        match c {
                            SelectCase::Send => s.push_str("send"),
                            SelectCase::Recv { .. } => s.push_str("recv"),
                        }
                    }
                    if t.has_default {
                        s.push_str(if t.cases.is_empty() {
                            "default"
                        } else {
                            ", default"
                        });
                    }
                    s.push(']');
                }
                s
            }
            Instr::CallLib { func, argc } => format!("CallLib {} {argc}", func.go_name()),
            Instr::DeferLib { func, argc } => format!("DeferLib {} {argc}", func.go_name()),
            Instr::GlobalPtr(g) => format!(
                "GlobalPtr {}",
                self.globals
                    .get(g.0 as usize)
                    .map(|g| g.name.as_str())
                    .unwrap_or("?")
            ),
            other => {
                // Remaining instructions print as their Debug form without braces noise.
                let s = format!("{other:?}").replace(": ", "=");
                s.replace(['(', ')', '{', '}', ','], " ")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        }
    }
}

/// Kinds of basic type used by [`Instr::Binary`]: the underlying basic type of `ty`, or
/// `None` when it is not basic.
pub fn basic_of(types: &TypeTable, ty: TypeId) -> Option<Basic> {
    match types.under(ty) {
        TypeKind::Basic(b) => Some(*b),
        _ => None,
    }
}
