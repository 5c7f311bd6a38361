//! The checker's output contract: facts about the syntax tree, keyed by [`NodeId`], that the
//! lowering pass compiles from. Nothing here refers back into the checker's state.
//!
//! Reading guide for lowering:
//! - every value expression has an [`ExprInfo`] (`Info::exprs`): its type *after* untyped
//!   constant conversion (the type the value has at runtime: in `x + 1` with `x int64` the
//!   literal `1` has type `int64`; an untyped constant passed to `any` has its default type),
//!   its constant value if it is a constant, and the interface type it is implicitly converted to
//!   where it is used (`ExprInfo::implicit`: box the value with its dynamic type `ty`);
//! - every identifier occurrence maps to an [`ObjectId`] (`Info::idents`), and `Info::objects`
//!   describes each object (locals with `escapes` and `loop_var`, globals, funcs, methods,
//!   constants, types, builtins, packages, library members as [`LibFunc`]);
//! - every selector has a [`Selection`], every call a [`CallInfo`], every function (declared or
//!   literal) a [`FuncInfo`] (runtime name, parameter objects, captures), every `range` a
//!   [`RangeInfo`], every type-switch clause its implicit object, every `break`/`continue` its
//!   target statement.
//!
//! Details lowering must know:
//! - a composite literal without written type whose recorded type is a pointer `*T` is an
//!   elided `&T{...}` (as in `[]*Point{{1, 2}}`): allocate `T{...}` and take its address;
//! - in a keyed struct literal, each key identifier has `selections[key.id] =
//!   Selection::Field { path: [index] }`;
//! - `x op= y` has no `ExprInfo` for the (synthesized) binary operation: the operation's type is
//!   the type of `x`, and `y` is recorded already converted to it (shift counts: `uint` when
//!   untyped);
//! - a type-switch `case nil` expression has `Mode::Nil`; other case expressions `Mode::Type`;
//! - interface types are `TypeKind::Interface` with their full method set (embedded interfaces
//!   flattened, sorted by name); `error` is a named type with empty package, `fmt.Stringer` and
//!   `sync.Locker` named types of their packages. A call `x.M()` on an interface value has
//!   `Selection::IfaceMethod` / `CallKind::IfaceMethod` (dynamic dispatch by name, also for
//!   `err.Error()`); a type assertion or type-switch case to an interface type tests the dynamic
//!   type's method set;
//! - library types are named types: `sync.Mutex` etc. (package `sync`, `atomic`) with
//!   underlying `TypeKind::Sync`, and `time.Duration` (package `time`, underlying `int64`;
//!   `fmt` prints it like Go's `Duration.String`, e.g. `5ms`);
//! - the blank identifier `_` (on the left of `=`/`:=`, in `range`) has no `ExprInfo` and no
//!   object; builtin and package names have `ExprInfo::ty == Invalid` (`Mode::Builtin`,
//!   `Mode::Package`);
//! - generic functions and methods of generic types (`Info::generic_decls`) are not compiled
//!   themselves: each concrete instance is a copy of the declaration with fresh node ids,
//!   appended to `Checked::file`, and an ordinary function or method object
//!   (`main.Sum[...]`, `main.(*SafeMap[...]).Get`); a call of one is `CallKind::Func` of the
//!   instance, an instance used as a value (`Sum[int]`) is in `Info::instances`; instances of
//!   generic types are named types printed with their arguments (`TypeTable::type_args`);
//! - constants of every kind are folded: any expression with `ExprInfo::value` can be emitted as
//!   that value of type `ty` without evaluating its operands.
//!
//! Invariant: `Info` is only produced for a program without errors, so every `ExprInfo::ty` of a
//! value expression is a valid (non-`Invalid`, non-untyped except in dead constant
//! sub-expressions that lowering never evaluates) type.

/// A table per syntax node id.
pub type NodeMap<V> = crate::dense::IdMap<NodeId, V>;
/// A set of syntax node ids.
pub type NodeSet = crate::dense::IdSet<NodeId>;
use crate::diag::Span;
use crate::gostr::GoString;
use crate::lang::ast::NodeId;
pub use crate::library::LibFunc;
use crate::types::TypeId;

/// Index of an object in [`Info::objects`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjectId(pub u32);

/// The value of a constant expression, exact as Go's `go/constant`: integers of any size,
/// floats as exact fractions (a typed `float64`/`float32` constant holds its rounded value).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConstValue {
    /// `true` / `false`.
    Bool(bool),
    /// An integer (also runes; typed integer constants are range-checked against their type).
    Int(num_bigint::BigInt),
    /// A floating-point number, exactly.
    Float(crate::lang::check::exact::Rat),
    /// A string (bytes: `"\xff"` is a valid Go string constant).
    String(GoString),
}

/// What kind of thing an expression denotes (go/types' "operand mode").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A computed value (not addressable).
    Value,
    /// An addressable variable (local, global, field of addressable struct, `*p`, slice
    /// element, array element of an addressable array).
    Variable,
    /// A map index expression `m[k]` (assignable but not addressable).
    MapIndex,
    /// A constant; `ExprInfo::value` is set.
    Constant,
    /// A type expression (`int`, `[]T`, `*Cache`); `ExprInfo::ty` is the denoted type.
    Type,
    /// A call of a function without results.
    NoValue,
    /// A builtin function name (only as a callee).
    Builtin,
    /// A package name (only as the operand of a selector).
    Package,
    /// The operand of a multi-value call; `ExprInfo::ty` is a `TypeKind::Tuple`.
    Tuple,
    /// The predeclared `nil`; `ExprInfo::ty` is the type it was converted to (pointer, map,
    /// slice, chan, func or interface): lower it as that type's zero value.
    Nil,
}

/// Facts about one expression.
#[derive(Clone, Debug, PartialEq)]
pub struct ExprInfo {
    /// The type after untyped-constant conversion (for `Mode::Type`, the denoted type).
    pub ty: TypeId,
    /// What the expression denotes.
    pub mode: Mode,
    /// The value, for constant expressions.
    pub value: Option<ConstValue>,
    /// Set when the value is implicitly converted to an interface type where it is used
    /// (assignment, argument, return, send, composite literal element, map key/value, comparison
    /// with an interface): the interface type. Lowering boxes the value with dynamic type `ty`.
    pub implicit: Option<TypeId>,
}

/// The predeclared functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Builtin {
    /// `append(s, xs...)`
    Append,
    /// `cap(x)`
    Cap,
    /// `clear(m)` (Go 1.21)
    Clear,
    /// `close(ch)`
    Close,
    /// `copy(dst, src)`
    Copy,
    /// `delete(m, k)`
    Delete,
    /// `len(x)`
    Len,
    /// `make(T, ...)`
    Make,
    /// `max(x, ...)` (Go 1.21)
    Max,
    /// `min(x, ...)` (Go 1.21)
    Min,
    /// `new(T)`
    New,
    /// `panic(v)`
    Panic,
    /// `print(...)` (to stderr)
    Print,
    /// `println(...)` (to stderr)
    Println,
    /// `recover()`
    Recover,
}

impl Builtin {
    /// The name as written in Go.
    pub fn name(self) -> &'static str {
        use Builtin::*;
        match self {
            Append => "append",
            Cap => "cap",
            Clear => "clear",
            Close => "close",
            Copy => "copy",
            Delete => "delete",
            Len => "len",
            Make => "make",
            Max => "max",
            Min => "min",
            New => "new",
            Panic => "panic",
            Print => "print",
            Println => "println",
            Recover => "recover",
        }
    }
}

/// How a local variable was introduced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarKind {
    /// `var x` / `x :=` / range or type-switch variable in a function body.
    Local,
    /// A function parameter (unnamed and `_` parameters get an object too, named `_`).
    Param,
    /// A method receiver.
    Receiver,
    /// A result parameter (unnamed results get an object too, named `_`).
    Result,
}

/// A local variable, parameter, receiver or result.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalVar {
    /// Its type.
    pub ty: TypeId,
    /// How it was introduced.
    pub kind: VarKind,
    /// Lives in a heap cell: captured by a closure, its address taken (explicitly `&x`, `&x.f`,
    /// `&x[i]` on an array, or implicitly by a pointer-receiver method call such as `mu.Lock()`
    /// or `c.Set()` with `c` addressable). Accesses to escaping variables are visible operations.
    pub escapes: bool,
    /// Declared by a `for` clause's init statement or a `range ... :=`: Go 1.22 gives each
    /// iteration a fresh copy (lowering copies it at the start of each iteration when it
    /// escapes).
    pub loop_var: bool,
    /// The function (key of [`Info::funcs`]) whose frame holds it.
    pub owner: NodeId,
}

/// What an object is.
#[derive(Clone, Debug, PartialEq)]
pub enum ObjectKind {
    /// A local variable, parameter, receiver or result.
    Var(LocalVar),
    /// A package-level variable (always on the heap; accesses are visible operations).
    Global {
        /// Its type.
        ty: TypeId,
        /// Dense index among globals, in declaration order.
        index: u32,
    },
    /// A constant (declared, predeclared `true`/`false`/`iota` excluded, or library constant
    /// such as `time.Millisecond`).
    Const {
        /// Its type (may be untyped for untyped constants).
        ty: TypeId,
        /// Its value.
        value: ConstValue,
    },
    /// A type name (declared, predeclared, or library such as `sync.Mutex`).
    TypeName {
        /// The denoted type.
        ty: TypeId,
    },
    /// A top-level function.
    Func {
        /// Its `TypeKind::Func` type.
        ty: TypeId,
        /// Runtime name, e.g. `main.worker`, `main.init.0`.
        runtime_name: String,
    },
    /// A method declared in this package.
    Method {
        /// The receiver's named type (`Cache` for both `(c Cache)` and `(c *Cache)`).
        recv_named: TypeId,
        /// The receiver is a pointer (`func (c *Cache) Get`).
        pointer_recv: bool,
        /// Signature without the receiver, a `TypeKind::Func` type.
        ty: TypeId,
        /// Runtime name: `main.(*Cache).Get`, `main.Point.String`.
        runtime_name: String,
    },
    /// A predeclared function.
    Builtin(Builtin),
    /// An imported package.
    PkgName {
        /// Import path, e.g. `sync/atomic`.
        path: String,
    },
    /// A library function (package member such as `fmt.Println`, or a method such as
    /// `(*sync.Mutex).Lock`).
    Lib {
        /// Which one.
        func: LibFunc,
        /// Its signature (`TypeKind::Func`), without receiver for methods.
        ty: TypeId,
    },
    /// A library package variable (`context.Canceled`): a read of it is a call of `func`.
    LibVar {
        /// Which one.
        func: LibFunc,
        /// Its type.
        ty: TypeId,
    },
    /// The predeclared `nil`.
    Nil,
}

/// A named entity: what an identifier denotes.
#[derive(Clone, Debug, PartialEq)]
pub struct Object {
    /// The name (`_` for anonymous parameters/results).
    pub name: String,
    /// Where it is declared (empty span for predeclared and library objects).
    pub span: Span,
    /// What it is.
    pub kind: ObjectKind,
}

/// One identifier occurrence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IdentInfo {
    /// The object it declares or refers to.
    pub object: ObjectId,
    /// `true` where the identifier declares the object (declaration, `:=` of a new variable,
    /// parameter); `false` for uses (including the re-assigned variables of `:=`).
    pub def: bool,
}

/// One step of a field path: select field `index` of a struct; when `deref` is set the current
/// value is a pointer to that struct and must be dereferenced first (implicit `(*p).f`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldStep {
    /// Index of the field in its struct type.
    pub index: u32,
    /// Dereference a pointer before selecting.
    pub deref: bool,
}

/// How the receiver operand must be adjusted before a method call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecvAdjust {
    /// Pass as is (value receiver on value, pointer receiver on pointer).
    None,
    /// Take the address (pointer-receiver method on an addressable value: `c.Set()` is
    /// `(&c).Set()`; the receiver variable escapes).
    AddrOf,
    /// Dereference (value-receiver method through a pointer: `p.String()` is `(*p).String()`).
    Deref,
}

/// What a selector expression `x.sel` denotes.
#[derive(Clone, Debug, PartialEq)]
pub enum Selection {
    /// A struct field, possibly promoted through embedded fields: apply `path` to `x`.
    Field {
        /// Steps from `x` to the field (the last step is the field itself).
        path: Vec<FieldStep>,
    },
    /// A method declared in this package. The receiver is `x` followed by `path` (through
    /// embedded fields, empty when the method is on `x`'s own type), then adjusted by `adjust`.
    Method {
        /// The [`ObjectKind::Method`] object.
        method: ObjectId,
        /// Steps to the embedded receiver.
        path: Vec<FieldStep>,
        /// `&` / `*` to apply to the receiver.
        adjust: RecvAdjust,
        /// `true` when the selector is the callee of a call; `false` for a method value
        /// (`f := c.Get`: bind the receiver now).
        called: bool,
    },
    /// A method of a library type (`mu.Lock()`, `wg.Add(1)`, `m.Load(k)`, `n.Add(1)`,
    /// `err.Error()`); the receiver (after `path` and `adjust`) is passed first. For the sync and
    /// atomic types `adjust` yields a pointer; for `ErrorError` it is the error value.
    LibMethod {
        /// Which method.
        func: LibFunc,
        /// Steps to the embedded receiver (e.g. the embedded `sync.Mutex` of a struct).
        path: Vec<FieldStep>,
        /// `&` / `*` to apply to the receiver.
        adjust: RecvAdjust,
        /// `false` for a method value (`f := wg.Done`).
        called: bool,
    },
    /// A method of an interface value (`s.Area()`, `err.Error()`), called by dynamic dispatch
    /// on the interface value reached by `x` followed by `path` (through embedded interface
    /// fields of structs; empty when `x` is the interface value).
    IfaceMethod {
        /// The method name.
        name: String,
        /// The interface type declaring it (the static type of the receiver after `path`).
        iface: TypeId,
        /// The method's signature (without receiver).
        sig: TypeId,
        /// Steps to the embedded interface field.
        path: Vec<FieldStep>,
        /// `false` for a method value (`f := s.Area`: the dynamic method is looked up now).
        called: bool,
    },
    /// A method expression `T.M` or `(*T).M` of a method declared in this package with
    /// receiver type `T` or `*T` as written: the method's function itself, whose first
    /// parameter is the receiver.
    MethodExpr {
        /// The [`ObjectKind::Method`] object.
        method: ObjectId,
    },
    /// A method expression `T.M` or `(*T).M` of a library type's method (`(*time.Timer).Stop`,
    /// `time.Duration.String`, `(*sync.Mutex).Lock`): Go's method wrapper, whose first
    /// parameter is the receiver as written (`lang::lower::lib_methods`).
    LibMethodExpr {
        /// The library function a direct call makes.
        func: LibFunc,
    },
    /// A method expression `I.M` of an interface type: a function of the interface value and
    /// the method's parameters that calls the dynamic method (the interface's method thunk).
    IfaceMethodExpr {
        /// The method name.
        name: String,
        /// The interface type.
        iface: TypeId,
        /// The method's signature (without receiver).
        sig: TypeId,
    },
    /// A package member `pkg.Name`: see `Info::idents[sel.id]` for the object (a
    /// [`ObjectKind::Lib`], [`ObjectKind::Const`] or [`ObjectKind::TypeName`]).
    Qualified {
        /// The member.
        object: ObjectId,
    },
}

/// What a call expression does.
#[derive(Clone, Debug, PartialEq)]
pub enum CallKind {
    /// `T(x)`: a conversion to `to`.
    Conversion {
        /// Target type.
        to: TypeId,
    },
    /// A predeclared function.
    Builtin(Builtin),
    /// A library package function (`fmt.Println`, `atomic.AddInt64`, `time.Sleep`).
    Lib(LibFunc),
    /// A library method; the selector's [`Selection::LibMethod`] says how to get the receiver.
    LibMethod(LibFunc),
    /// A method declared in this package, called statically; see the selector's
    /// [`Selection::Method`].
    Method {
        /// The method object.
        method: ObjectId,
    },
    /// A method of an interface, dispatched on the dynamic type; see the selector's
    /// [`Selection::IfaceMethod`].
    IfaceMethod {
        /// The method name.
        name: String,
    },
    /// A top-level function called by name.
    Func {
        /// The function object.
        func: ObjectId,
    },
    /// A call of a function value (a variable, field, parameter, call result, method value or
    /// function literal).
    Closure,
}

/// Facts about one call.
#[derive(Clone, Debug, PartialEq)]
pub struct CallInfo {
    /// What is called.
    pub kind: CallKind,
    /// For calls other than conversions and builtins: the callee's `TypeKind::Func` type.
    pub sig: Option<TypeId>,
    /// The callee is variadic and its last parameter is packed from the arguments at this
    /// index onward into a new slice of this type (`None` when not variadic or when the call
    /// spreads an existing slice with `xs...`).
    pub pack_variadic: Option<(usize, TypeId)>,
    /// `f(xs...)`: the last argument is passed as the variadic slice itself.
    pub spread: bool,
    /// `f(g())` where `g` returns several values: the single argument expands to all
    /// parameters (element conversions to interfaces are in `Info::tuple_implicit`).
    pub tuple_arg: bool,
}

/// What a `range` statement iterates over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeKind {
    /// `range n` over an integer (Go 1.22): keys `0..n`.
    Int,
    /// A slice.
    Slice,
    /// An array (ranged over a copy).
    Array,
    /// A pointer to an array.
    ArrayPtr,
    /// A string: byte offsets and runes.
    String,
    /// A map (iteration steps are visible operations).
    Map,
    /// A channel: received values until closed.
    Chan,
}

/// Facts about one `range` statement.
#[derive(Clone, Debug, PartialEq)]
pub struct RangeInfo {
    /// What is ranged over.
    pub kind: RangeKind,
    /// Type of the key/index (the element type for channels).
    pub key_ty: TypeId,
    /// Type of the value, for kinds with a second value.
    pub value_ty: Option<TypeId>,
}

/// Facts about one function body (declared function, method, or function literal).
#[derive(Clone, Debug, PartialEq)]
pub struct FuncInfo {
    /// Go runtime name: `main.worker`, `main.(*Cache).Get`, `main.main.func1`,
    /// `main.main.func1.1`, `main.(*Cache).Get.func1`.
    pub name: String,
    /// Its `TypeKind::Func` type (without receiver).
    pub sig: TypeId,
    /// The receiver object, for methods.
    pub recv: Option<ObjectId>,
    /// One object per parameter, in order (anonymous ones named `_`).
    pub params: Vec<ObjectId>,
    /// One object per result, in order (anonymous ones named `_`).
    pub results: Vec<ObjectId>,
    /// For function literals: the variables of enclosing functions it refers to (directly or
    /// through nested literals), in order of first reference. All of them escape.
    pub captures: Vec<ObjectId>,
    /// The enclosing function's key, for function literals.
    pub parent: Option<NodeId>,
}

/// Package-level variable initialization, in the order Go runs it (dependency order, then
/// declaration order).
#[derive(Clone, Debug, PartialEq)]
pub struct GlobalInit {
    /// The variables assigned (one, or several for `var a, b = f()`); `None` for `_`.
    pub lhs: Vec<Option<ObjectId>>,
    /// The initializer expressions (one per variable, or a single multi-value call); empty for
    /// zero-initialized variables.
    pub rhs: Vec<NodeId>,
}

/// Everything the checker learned, for lowering. See the module documentation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Info {
    /// Per expression id (dense, `None` for ids of statements/idents that are not
    /// expressions, and for expressions lowering never evaluates).
    pub exprs: Vec<Option<ExprInfo>>,
    /// Per identifier id: the object it declares or uses.
    pub idents: NodeMap<IdentInfo>,
    /// All objects, indexed by [`ObjectId`].
    pub objects: Vec<Object>,
    /// Per selector expression id.
    pub selections: NodeMap<Selection>,
    /// Per call expression id.
    pub calls: NodeMap<CallInfo>,
    /// Per function: keyed by the name ident id of a `FuncDecl`, or the expression id of a
    /// `FuncLit`.
    pub funcs: NodeMap<FuncInfo>,
    /// Per `range` statement id.
    pub ranges: NodeMap<RangeInfo>,
    /// Per type-switch clause id (`TypeCaseClause::id`): the implicit variable of `v :=
    /// x.(type)` in that clause (its type is the case type for single-type cases, else the
    /// operand's type).
    pub type_switch_vars: NodeMap<ObjectId>,
    /// Per `break`/`continue` statement id: the `for`/`range`/`switch`/`select` statement
    /// it leaves or continues (the labelled statement itself, not the `Labeled` wrapper).
    pub branch_targets: NodeMap<NodeId>,
    /// Expressions used in a two-value "comma ok" form: map index, channel receive, type
    /// assertion.
    pub comma_ok: NodeSet,
    /// For a multi-value call whose results are assigned, passed or returned where some
    /// targets are interfaces: per result, the interface type to box it to.
    pub tuple_implicit: NodeMap<Vec<Option<TypeId>>>,
    /// Package-level variable initialization order.
    pub global_inits: Vec<GlobalInit>,
    /// `func init()` functions in source order (keys of `funcs`).
    pub init_funcs: Vec<NodeId>,
    /// The key of `func main` in `funcs`.
    pub main_func: Option<NodeId>,
    /// The test functions of a `_test.go` file (name, function object), in source order.
    pub tests: Vec<(String, ObjectId)>,
    /// A test file's `func TestMain(m *testing.M)`: the test binary's main calls it.
    pub test_main: Option<ObjectId>,
    /// The number of a test file's benchmarks and fuzz targets (`BenchmarkXxx`, `FuzzXxx`):
    /// never run, but listed in `go test`'s generated `_testmain.go`.
    pub benchmarks: u32,
    /// The examples of a `_test.go` file that `go test` runs (those with an output comment),
    /// in source order: name, function object, expected output.
    pub examples: Vec<(String, ObjectId, crate::bytecode::ExampleOutput)>,
    /// Generic functions and methods of generic types (their name ident ids): not lowered
    /// themselves; their instances are copies appended to the checked file.
    pub generic_decls: NodeSet,
    /// Instantiated generic functions used as values or callees (`Sum[int]`): the instance
    /// function object, per index expression id.
    pub instances: NodeMap<ObjectId>,
    /// Identifiers in an atomic operand position, `x` of `atomic.AddInt64(&x, 1)` and of
    /// `x.Add(1)` on a typed atomic (`check::atomic_only`), with their call expression's id.
    pub atomic_operands: NodeMap<NodeId>,
    /// The calls whose atomic operand is one of [`Info::atomic_only`].
    pub atomic_only_calls: NodeSet,
    /// Variables that only atomic operations use after their declaration
    /// (`check::atomic_only`): an atomic access of one can race with nothing later.
    pub atomic_only: litemap::LiteMap<ObjectId, ()>,
    /// Expressions in a position that neither copies nor overwrites their value: the operand
    /// of `&`, the base of a field selection or of a pointer-receiver method
    /// (`check::wait_group_copies`).
    pub wait_group_places: NodeSet,
    /// The program may copy, overwrite or print a `sync.WaitGroup` other than through its
    /// methods (`check::wait_group_copies`).
    pub copies_wait_groups: bool,
    /// Receives whose value is dropped: receive statements and `select` cases without
    /// assignment (`check::time_values`).
    pub dropped_receives: NodeSet,
    /// The program may use a value of the virtual clock that a timer's fire sends: a
    /// `time.Time` or a timer's state other than dropped by a receive (`check::time_values`).
    pub uses_time_values: bool,
    /// The methods of the library's named types that have native methods (`time.Timer`,
    /// `time.Duration`, `strings.Builder`, …), with their signatures and how a direct call
    /// passes the receiver: lowering makes Go's method wrappers of them for dynamic dispatch
    /// (`check::lib_struct_methods`).
    pub lib_struct_methods: Vec<LibStructMethod>,
}

/// A method of a library named type ([`Info::lib_struct_methods`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LibStructMethod {
    /// The named type (`time.Timer`, not `*time.Timer`).
    pub ty: TypeId,
    /// The library function a direct call makes.
    pub func: LibFunc,
    /// Its signature without the receiver.
    pub sig: TypeId,
    /// Its receiver is a pointer (`*Timer`); else the value (`Duration`).
    pub pointer_recv: bool,
    /// The library function takes the address of the struct's hidden field 1 rather than the
    /// struct's (`&t.r` of a Timer or Ticker, `&c.notify` of a Cond for `Signal`/`Broadcast`),
    /// as [`Selection::LibMethod`]'s path says for a direct call.
    pub inner: bool,
}

impl Info {
    /// The facts about an expression, if recorded.
    pub fn expr(&self, id: NodeId) -> Option<&ExprInfo> {
        self.exprs.get(id.0 as usize).and_then(|e| e.as_ref())
    }

    /// The (converted) type of an expression, if recorded.
    pub fn type_of(&self, id: NodeId) -> Option<TypeId> {
        self.expr(id).map(|e| e.ty)
    }

    /// The constant value of an expression, if it is a constant.
    pub fn const_value(&self, id: NodeId) -> Option<&ConstValue> {
        self.expr(id).and_then(|e| e.value.as_ref())
    }

    /// The object an identifier declares or uses.
    pub fn object_of(&self, ident: NodeId) -> Option<ObjectId> {
        self.idents.get(&ident).map(|i| i.object)
    }

    /// The object with this id.
    pub fn object(&self, id: ObjectId) -> &Object {
        &self.objects[id.0 as usize]
    }

    /// The local variable facts of an object, if it is one.
    pub fn local(&self, id: ObjectId) -> Option<&LocalVar> {
        match &self.objects.get(id.0 as usize)?.kind {
            ObjectKind::Var(v) => Some(v),
            _ => None,
        }
    }
}
