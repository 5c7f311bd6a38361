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
//!
//! Files: this one (programs, functions, operators, library calls), `instr` (the instruction
//! set), `disasm` (listings), `future` (what each point of the code may still do, for the
//! explorer's persistent sets), `mutex_pairing` (whether every mutex unlock follows its own lock).

use crate::diag::{SourceMap, Span};
use crate::gostr::GoString;
use crate::types::{Basic, SyncKind, TypeId, TypeKind, TypeTable};
use litemap::LiteMap;
use std::rc::Rc;

pub mod counters;
mod disasm;
pub mod future;
mod instr;
pub mod liveness;
pub mod mutex_pairing;
pub mod receives;

pub use instr::Instr;

/// Index of a compiled function in the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FuncId(pub u32);

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
    pub strings: Vec<GoString>,
    /// Select statements referenced by [`Instr::Select`].
    pub selects: Vec<SelectTable>,
    /// Methods by (receiver type, name), for [`Instr::CallIface`] and [`Instr::TypeAssert`] to an
    /// interface type. The receiver type is the method's declared receiver (`T` or `*T`); a
    /// value-receiver method of `T` is also listed under `*T` with [`Method::deref_recv`].
    pub methods: LiteMap<(TypeId, String), Method>,
    /// Runs the package-level variable initializers in dependency order, then calls each
    /// `func init()` in source order, then returns. Named `main.init`. The machine runs it on the main goroutine before [`Program::main`] (e.g. by
    /// pushing the `main` frame, then the `init` frame on top of it).
    pub init: FuncId,
    /// `main.main`.
    pub main: FuncId,
    /// The dynamic type of error values made by library functions (`*errors.errorString`): an
    /// error is `Iface((error_type, Ptr(cell)))`, the cell `Struct([Str(msg), wrapped])`.
    pub error_type: TypeId,
    /// The other dynamic types of library and runtime errors (`*fmt.wrapError`,
    /// `runtime.boundsError`, …): the same representation under Go's type names.
    pub error_types: ErrorTypes,
    /// The tests of a `_test.go` file (empty for a program), in source order.
    pub tests: Vec<TestFunc>,
    /// Of a `_test.go` file: the test binary's runner and which tests it runs
    /// ([`Program::for_tests`]); `None` for a program.
    pub test_binary: Option<TestBinary>,
    /// Debug info: the source name of each named variable of each function, for the UI to
    /// name the maps, channels and sync objects the variables hold before any operation on
    /// them mentions them.
    pub var_names: Vec<VarName>,
    /// The [`Instr::CallLib`]s (function, pc) of atomic operations on a variable that only
    /// atomic operations use (`lang::check::atomic_only`): their accesses can race with no
    /// later access, so the race detector does not record them.
    pub exclusive_atomics: LiteMap<(FuncId, u32), ()>,
    /// The [`Instr::Load`]s (function, pc) that read a package-level variable nothing writes
    /// after its initializer (`lang::lower::final_loads`; a local's such reads are
    /// [`Instr::LoadFixed`]): no later access can race with such a read, so the race detector
    /// checks it but does not record it (`rt::event::Effect::FinalRead`).
    pub final_loads: LiteMap<(FuncId, u32), ()>,
    /// The program may copy, overwrite or print a `sync.WaitGroup` other than through its
    /// methods (`lang::check::wait_group_copies`): a plain memory access may then read or write
    /// a WaitGroup's state.
    pub copies_wait_groups: bool,
    /// The program may use a value of the virtual clock that a timer's fire sends
    /// (`lang::check::time_values`); with its direct clock reads, whether it can show the
    /// clock at all (`rt::machine`'s `clock_hidden`).
    pub uses_time_values: bool,
}

/// The dynamic types Go gives the errors its runtime and library make, besides
/// `*errors.errorString` ([`Program::error_type`]): what `%T` prints and type switches see. The
/// pointer types (`*fmt.wrapError`, `*runtime.TypeAssertionError`, `*strconv.NumError`) hold
/// `error_type`'s representation (a pointer to a cell `Struct([Str(message), wrapped])`, so two
/// errors are equal only if they are the same error); the others are values as in Go, equal
/// when their contents are (two recovered `s[5]` bounds errors are `==`): `runtime.plainError`
/// holds its message `Str`, `runtime.errorString` its message after `runtime error: `,
/// `runtime.boundsError` its message (Go's struct of index, length, signedness and code, which
/// its message determines), `context.deadlineExceededError` is `Struct([])`
/// (`rt/interp/library.rs`, `new_error_of` and `error_parts`). Methods: `Error`, and `Unwrap` of
/// `*fmt.wrapError`, `RuntimeError` of the runtime's types, `Timeout` and `Temporary` of
/// `context.deadlineExceededError` (`rt/interp/dispatch.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ErrorTypes {
    /// `*fmt.wrapError`: `fmt.Errorf` with a `%w` operand that is an error.
    pub wrap: TypeId,
    /// `runtime.plainError`: a runtime error without the `runtime error: ` prefix
    /// (`assignment to entry in nil map`, `close of closed channel`).
    pub plain: TypeId,
    /// `runtime.boundsError`: an index or slice bounds check.
    pub bounds: TypeId,
    /// `runtime.errorString`: the other `runtime error: ` panics (nil dereference, division).
    pub runtime_string: TypeId,
    /// `*runtime.TypeAssertionError`: a failed type assertion (`interface conversion: `).
    pub type_assertion: TypeId,
    /// `*strconv.NumError`: a failed `strconv` parse.
    pub num: TypeId,
    /// `context.deadlineExceededError`: `context.DeadlineExceeded`.
    pub deadline: TypeId,
}

impl ErrorTypes {
    /// Every one `ty` (for hand-assembled programs, which make no errors).
    pub fn all_of(ty: TypeId) -> ErrorTypes {
        ErrorTypes {
            wrap: ty,
            plain: ty,
            bounds: ty,
            runtime_string: ty,
            type_assertion: ty,
            num: ty,
            deadline: ty,
        }
    }

    fn all(&self) -> [TypeId; 7] {
        [
            self.wrap,
            self.plain,
            self.bounds,
            self.runtime_string,
            self.type_assertion,
            self.num,
            self.deadline,
        ]
    }
}

impl Program {
    /// The line of `go test`'s generated `_testmain.go` at which `main.main` calls `m.Run()`
    /// (or the file's `TestMain(m)`), as race reports and goroutine dumps show it: Go 1.19's
    /// template (`cmd/go/internal/load/test.go`'s `testmainTmpl`) lists each test, benchmark,
    /// fuzz target and example with an output comment (an empty one too) on a line of its own
    /// after a blank one (45 + 2 per entry, whatever `-run` selects), and a `TestMain`
    /// imports `reflect` (two lines more).
    pub fn testmain_line(&self) -> u32 {
        let binary = self.test_binary.as_ref();
        let entries = self.tests.len() as u32 + binary.map_or(0, |b| b.benchmarks);
        let test_main = binary.is_some_and(|b| b.test_main);
        45 + 2 * entries + if test_main { 2 } else { 0 }
    }

    /// This program with every read of a variable a recorded step: its fixed loads visible
    /// [`Instr::Load`]s again and no final reads (tests compare the two).
    #[cfg(test)]
    pub fn with_every_read_recorded(&self) -> Program {
        let mut p = self.clone();
        p.final_loads = LiteMap::new();
        for f in &mut p.funcs {
            for i in &mut f.code {
                if matches!(i, Instr::LoadFixed) {
                    *i = Instr::Load;
                }
            }
        }
        p
    }

    /// Whether `ty` is the dynamic type of an error value the library or runtime made (one
    /// representation: [`Program::error_type`]'s).
    pub fn is_lib_error(&self, ty: TypeId) -> bool {
        ty == self.error_type || self.error_types.all().contains(&ty)
    }
}

/// Where a named source variable lives in its function's frame (debug info, no effect on runs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VarName {
    /// The function.
    pub func: FuncId,
    /// The name as written (`m`, `mu`, `c`).
    pub name: String,
    /// Where its value is.
    pub place: VarPlace,
}

/// The storage of a [`VarName`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarPlace {
    /// Local slot `n` holds the value.
    Local(u32),
    /// Local slot `n` holds the pointer to the variable's heap cell (an escaping variable).
    Cell(u32),
    /// The closure's capture `n` is the pointer to the variable's heap cell.
    Capture(u32),
}

/// One `TestXxx(t *testing.T)` of a `_test.go` file, or one `ExampleXxx()` with an output
/// comment (the examples come after the tests, as `go test` runs them).
#[derive(Clone, Debug, PartialEq)]
pub struct TestFunc {
    /// `TestXxx` or `ExampleXxx`.
    pub name: String,
    /// The test function.
    pub func: FuncId,
    /// For an example, the output it must print.
    pub example: Option<ExampleOutput>,
}

/// What an example must print (its `// Output:` comment, `lang::check::examples`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ExampleOutput {
    /// The comment's text after `Output:` (Go's `InternalExample.Output`).
    pub want: String,
    /// `Unordered output:`: the lines may come in any order.
    pub unordered: bool,
}

/// The test binary of a `_test.go` file, as `go test` builds it: one process that runs the
/// selected tests one after the other (`testing.runTests`, `lang::lower::runner`).
#[derive(Clone, Debug, PartialEq)]
pub struct TestBinary {
    /// The binary's main (`testing.runTests`).
    pub runner: FuncId,
    /// The indices (into [`Program::tests`]) of the tests it runs (`-run`), ascending.
    pub selected: Vec<u32>,
    /// `-v`: tests print their logs at once, and `=== RUN`/`--- PASS` lines.
    pub chatty: bool,
    /// The file has a `TestMain`: the binary's main calls it, its `m.Run()` prints `PASS` or
    /// `FAIL`, and the binary exits with `m.Run()`'s code (or `os.Exit`'s).
    pub test_main: bool,
    /// The file's benchmarks and fuzz targets: never run, but `_testmain.go` lists them.
    pub benchmarks: u32,
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
/// slice. The call pushes the function's results in order ([`LibFunc::result_count`]).
///
/// Error values (`errors.New`, `fmt.Errorf`, `strconv.Atoi`) are interface values whose dynamic
/// type is [`Program::error_type`] (`*errors.errorString`) holding a pointer to a heap cell
/// `Struct([Str(message), wrapped error])` (the wrapped error is `fmt.Errorf`'s `%w` operand, or
/// nil): each call makes a new error, equal only to itself as Go's pointers are. A nil error is
/// the nil interface.
///
/// Visibility ([`LibFunc::is_visible`], from the table in `library.rs`): output (`fmt.Print*`), every `sync`/`atomic` operation and
/// `time.Sleep` are visible operations (blocking ones are enabled only when they can complete:
/// `Lock` while unlocked, `Wait` at counter 0, …); `fmt.Sprint*`, `fmt.Errorf`, `strconv`,
/// `strings` and `ErrorError` are local computation.
///
/// Runtime errors: `fatal error: sync: unlock of unlocked mutex`, `fatal error: sync: Unlock of
/// unlocked RWMutex`, `fatal error: sync: RUnlock of unlocked RWMutex`, `panic: sync: negative
/// WaitGroup counter`, nil pointer dereference for a nil receiver pointer.
/// `OnceDo` and `SyncMapRange` call their function operand (a closure value) from the machine.
pub use crate::library::LibFunc;

impl Program {
    /// The test binary that runs only test `index` (`chatty`: `-v`), as `go test -run
    /// '^TestX$'` does; `None` when there is no such test.
    pub fn for_test(&self, index: usize, chatty: bool) -> Option<Program> {
        self.tests.get(index)?;
        self.for_tests(&[index], chatty)
    }

    /// The test binary that runs the tests `selected` (indices into [`Program::tests`]; out
    /// of range ones are left out) in source order, in one process as `go test` does
    /// (`chatty`: `-v`); `None` for a program that is not a `_test.go` file.
    pub fn for_tests(&self, selected: &[usize], chatty: bool) -> Option<Program> {
        let runner = self.test_binary.as_ref()?.runner;
        let test_main = self.test_binary.as_ref()?.test_main;
        let benchmarks = self.test_binary.as_ref()?.benchmarks;
        let mut p = self.clone();
        let mut selected: Vec<u32> = selected
            .iter()
            .filter(|&&i| i < self.tests.len())
            .filter_map(|&i| u32::try_from(i).ok())
            .collect();
        selected.sort_unstable();
        selected.dedup();
        p.main = runner;
        p.test_binary = Some(TestBinary {
            runner,
            selected,
            chatty,
            test_main,
            benchmarks,
        });
        Some(p)
    }

    /// Whether the program is the test binary of a `_test.go` file ([`Program::for_tests`]).
    pub fn runs_test(&self) -> bool {
        self.test_binary
            .as_ref()
            .is_some_and(|b| b.runner == self.main)
    }

    /// The function with this id.
    pub fn func(&self, id: FuncId) -> &Func {
        &self.funcs[id.0 as usize]
    }

    /// The string constant with this id.
    pub fn string(&self, id: StrId) -> &GoString {
        &self.strings[id.0 as usize]
    }

    /// Whether values of type `ty` are sync objects (whose zero value is a fresh `Value::Sync`).
    pub fn sync_kind(&self, ty: TypeId) -> Option<SyncKind> {
        match self.types.under(ty) {
            TypeKind::Sync(k) => Some(*k),
            _ => None,
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
