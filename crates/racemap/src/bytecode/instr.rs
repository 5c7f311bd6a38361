//! The instruction set: one variant per operation, with its stack effect, whether it is a
//! visible operation, and the runtime errors it raises.

use super::*;

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
    /// The stores that initialize the fresh object on top of the stack (a composite literal's
    /// `&T{…}` cell, `[]T{…}` backing array or `map[K]V{…}` entries; an escaping variable's
    /// or parameter's new heap cell, zeroed or holding its initial value): writes for the race
    /// detector, as gc instruments a literal's element stores and `mapassign` calls, so a
    /// racy publication of the object also races with them. Not visible (nobody else can
    /// reach the object yet); the writes join the current step's events. `[x] → [x]`.
    InitWrites,
    /// Allocate a new cell holding a copy of the pointee of the popped pointer (the per-
    /// iteration copy of a Go 1.22 loop variable at the end of each iteration). Not visible;
    /// the read of the old cell is not reported to the race detector. `[ptr] → [ptr']`.
    Rebox,
    /// Read through a pointer. **Visible**: a read of the pointee (every scalar location
    /// inside it, for an aggregate). `[ptr] → [v]`.
    /// Panics: `invalid memory address or nil pointer dereference` on nil.
    Load,
    /// Read through a pointer to a local variable's cell that nothing writes after the cell
    /// was made with its value (`lang::lower::final_loads`: a closure's captured channel,
    /// context or store, which Go captures by value). Not visible and no access for the race
    /// detector: every read in every run sees the value the cell was made with, and no access
    /// can race with it. `[ptr] → [v]`. Panics: nil pointer dereference on nil.
    LoadFixed,
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
    MapIterInit {
        /// The loop reads each element (`for k, v := range m` with `v` not blank): each step
        /// then also reads the element's slot, as Go's compiled loop loads `*it.elem`.
        elem: bool,
    },
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
    /// A method value `i.M` of an interface value (also how `go`/`defer i.M()` evaluate
    /// their function): `thunk` (Go's `main.I.M-fm`, whose parameter 0 is the interface and
    /// whose body is a [`Instr::CallIface`]) with the interface value bound, so the dynamic
    /// method runs, and a value receiver is copied, when the func value is called, as in Go.
    /// Not visible. `[iface] → [func]`. Panics: nil pointer dereference on a nil interface.
    IfaceMethodValue {
        /// The thunk.
        thunk: FuncId,
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
    /// `len(ch)`: buffered element count. **Visible**: it reads the channel's state, which
    /// other goroutines' sends and receives change. `[ch] → [int]`.
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
    /// Visible when [`LibFunc::is_visible`]. `[a0, …, a_{argc-1}] → [r…]`.
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
            | Instr::ChanLen
            | Instr::Select(_)
            | Instr::PrintBuiltin { .. } => true,
            Instr::CallLib { func, .. } => func.is_visible(),
            _ => false,
        }
    }
}
