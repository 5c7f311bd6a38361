//! The syntax tree of one Go source file, as the parser builds it.
//!
//! Modelled on `go/ast`: types are expressions (`[]int`, `*T`, `map[K]V` are [`ExprKind`]s), since
//! Go's grammar only tells them apart after name resolution (`T(x)` is a conversion or a call).
//! Every expression and statement has a [`NodeId`], dense from 0 in parse order, so later passes
//! keep their facts in tables indexed by id (see `lang::check::Info`) instead of mutating the tree.
//!
//! Invariant: ids are unique within one [`File`] and `< File::node_count`.
//!
//! Tests that need every id and span independently of [`visit`] read them from the tree's
//! `Debug` text (`tests/support/ast_nodes.rs`).

pub mod print;
pub mod visit;

use crate::diag::Span;
pub use crate::gostr::GoString;

/// Identity of an expression, statement or identifier within one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(pub u32);

impl crate::dense::DenseId for NodeId {
    fn index(self) -> usize {
        self.0 as usize
    }
}

/// A name at a position. Identifiers have their own id so that resolution can record which
/// object each use and each definition refers to.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    /// Identity of this occurrence.
    pub id: NodeId,
    /// The name as written (`_` for the blank identifier).
    pub name: String,
    /// Where it is written.
    pub span: Span,
}

/// A whole source file: `package main`, imports, top-level declarations.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    /// The package clause's name (must be `main`).
    pub package: Ident,
    /// Import specs in source order.
    pub imports: Vec<Import>,
    /// Top-level declarations in source order.
    pub decls: Vec<Decl>,
    /// One more than the largest [`NodeId`] used.
    pub node_count: u32,
    /// The source text the tree was parsed from (messages print literals as written).
    pub source: String,
    /// The comment groups (`go/ast`'s `File.Comments`), in source order: each span from its
    /// first comment's `//` or `/*` to its last comment's end (only comments and white space
    /// in between).
    pub comments: Vec<Span>,
}

/// `import "fmt"` or `import name "path"`.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    /// Explicit local name (`name "path"`, `_`, `.`), if any.
    pub name: Option<Ident>,
    /// The import path without quotes, e.g. `sync/atomic`.
    pub path: String,
    /// Span of the path literal.
    pub span: Span,
}

/// A declaration, at top level or inside a function (`var`, `const`, `type`).
#[derive(Clone, Debug, PartialEq)]
pub enum Decl {
    /// `var ( ... )`: one spec per line.
    Var(Vec<VarSpec>),
    /// `const ( ... )`: one spec per line; `iota` is the index of the spec in its group.
    Const(Vec<ConstSpec>),
    /// `type ( ... )`.
    Type(Vec<TypeSpec>),
    /// `func ...`; only at top level.
    Func(FuncDecl),
}

/// `a, b T = x, y`.
#[derive(Clone, Debug, PartialEq)]
pub struct VarSpec {
    /// Declared names.
    pub names: Vec<Ident>,
    /// Declared type, if written.
    pub ty: Option<Expr>,
    /// Initial values (empty: zero values).
    pub values: Vec<Expr>,
    /// The whole spec.
    pub span: Span,
}

/// `A, B T = x, y` inside a const group.
#[derive(Clone, Debug, PartialEq)]
pub struct ConstSpec {
    /// Declared names.
    pub names: Vec<Ident>,
    /// Declared type, if written.
    pub ty: Option<Expr>,
    /// Values as written. Empty means "repeat the previous spec's type and values" (Go's implicit
    /// repetition); the checker re-evaluates those with this spec's `iota`.
    pub values: Vec<Expr>,
    /// Index of this spec within its group, the value of `iota`.
    pub iota: u32,
    /// The whole spec.
    pub span: Span,
}

/// `type Name T` or `type Name = T`.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeSpec {
    /// The new name.
    pub name: Ident,
    /// Span of type parameters `[T any]` if written.
    pub type_params: Option<Span>,
    /// The type parameters, one entry per name, the constraint as `ty` (empty if none).
    pub tparams: Vec<Param>,
    /// `true` for an alias declaration `type A = B`.
    pub alias: bool,
    /// The type expression.
    pub ty: Expr,
    /// The whole spec.
    pub span: Span,
}

/// A function or method declaration.
#[derive(Clone, Debug, PartialEq)]
pub struct FuncDecl {
    /// The receiver for methods: `(c *Cache)`.
    pub recv: Option<Param>,
    /// Function name.
    pub name: Ident,
    /// Span of type parameters `[T any]` if written.
    pub type_params: Option<Span>,
    /// The type parameters, one entry per name, the constraint as `ty` (empty if none).
    pub tparams: Vec<Param>,
    /// Parameters and results.
    pub sig: FuncType,
    /// The body; `None` for a declaration without body (unsupported outside assembly).
    pub body: Option<Block>,
    /// From `func` to the closing brace.
    pub span: Span,
}

/// A function signature.
#[derive(Clone, Debug, PartialEq)]
pub struct FuncType {
    /// Parameters, one entry per name (`a, b int` becomes two params sharing a type expression).
    pub params: Vec<Param>,
    /// Results, likewise; unnamed results have `name == None`.
    pub results: Vec<Param>,
    /// From `func` (or the opening parenthesis) to the end of the results.
    pub span: Span,
}

/// One parameter or result.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// The name, if written.
    pub name: Option<Ident>,
    /// The type expression. Parameters that share a written type share a clone of it.
    pub ty: Expr,
    /// `...T` (only the last parameter).
    pub variadic: bool,
    /// Name and type.
    pub span: Span,
}

/// An expression (including type expressions).
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// Identity for the checker's tables.
    pub id: NodeId,
    /// The source covered.
    pub span: Span,
    /// What it is.
    pub kind: ExprKind,
}

impl Expr {
    /// The expression inside any parentheses: `x` for `((x))`.
    pub fn unparen(&self) -> &Expr {
        let mut e = self;
        while let ExprKind::Paren(inner) = &e.kind {
            e = inner;
        }
        e
    }
}

/// Unary operators. `Deref` is written `*x` (also a pointer type).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    /// `+x`
    Plus,
    /// `-x`
    Neg,
    /// `!x`
    Not,
    /// `^x`
    BitNot,
    /// `&x`
    Addr,
    /// `<-x`
    Recv,
    /// `~T`, a type-set term of a constraint (only in interfaces and type parameter lists).
    Tilde,
}

/// Binary operators, Go's five precedence levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum BinaryOp {
    /// `||` (precedence 1)
    LogOr,
    /// `&&` (2)
    LogAnd,
    /// `==` (3)
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `+` (4)
    Add,
    /// `-`
    Sub,
    /// `|`
    Or,
    /// `^`
    Xor,
    /// `*` (5)
    Mul,
    /// `/`
    Div,
    /// `%`
    Rem,
    /// `<<`
    Shl,
    /// `>>`
    Shr,
    /// `&`
    And,
    /// `&^`
    AndNot,
}

impl BinaryOp {
    /// Go's precedence, 1 (lowest, `||`) to 5.
    pub fn precedence(self) -> u8 {
        use BinaryOp::*;
        match self {
            LogOr => 1,
            LogAnd => 2,
            Eq | Ne | Lt | Le | Gt | Ge => 3,
            Add | Sub | Or | Xor => 4,
            Mul | Div | Rem | Shl | Shr | And | AndNot => 5,
        }
    }

    /// The operator as written.
    pub fn as_str(self) -> &'static str {
        use BinaryOp::*;
        match self {
            LogOr => "||",
            LogAnd => "&&",
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
            Add => "+",
            Sub => "-",
            Or => "|",
            Xor => "^",
            Mul => "*",
            Div => "/",
            Rem => "%",
            Shl => "<<",
            Shr => ">>",
            And => "&",
            AndNot => "&^",
        }
    }
}

pub use crate::types::ChanDir;

/// The kinds of expression.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A name: variable, constant, type, function, package, builtin, `nil`, `true`, `iota`.
    Ident(Ident),
    /// Integer literal as written (`0x1F`, `1_000`).
    IntLit(String),
    /// Floating-point literal as written.
    FloatLit(String),
    /// Imaginary literal (unsupported; kept so the checker can name it).
    ImagLit(String),
    /// Rune literal, already decoded.
    RuneLit(char),
    /// String literal, already unquoted; `raw` for back-quoted.
    StringLit {
        /// The decoded bytes (Go strings may hold any bytes: `"\xff"`).
        value: GoString,
        /// Written with back quotes.
        raw: bool,
    },
    /// `T{...}`; `ty` is `None` for an elided inner literal (`[]Point{{1, 2}}`).
    CompositeLit {
        /// The literal's type, if written.
        ty: Option<Box<Expr>>,
        /// Elements in order.
        elts: Vec<KeyedElement>,
        /// Span of the closing brace (Go reports some errors there).
        rbrace: Span,
    },
    /// `func(...) ... { ... }`.
    FuncLit {
        /// Signature.
        sig: FuncType,
        /// Body.
        body: Block,
    },
    /// `(x)`.
    Paren(Box<Expr>),
    /// `x.sel`: field, method, or package member.
    Selector {
        /// The operand.
        x: Box<Expr>,
        /// The selected name.
        sel: Ident,
    },
    /// `x[i]`; several indices (`x[A, B]`) are a generic instantiation.
    Index {
        /// The operand.
        x: Box<Expr>,
        /// The indices as written (normally one).
        indices: Vec<Expr>,
    },
    /// `x[lo:hi]` or `x[lo:hi:max]`.
    Slice {
        /// The operand.
        x: Box<Expr>,
        /// Low bound.
        lo: Option<Box<Expr>>,
        /// High bound.
        hi: Option<Box<Expr>>,
        /// Capacity bound (three-index form).
        max: Option<Box<Expr>>,
    },
    /// `x.(T)`; `ty == None` for `x.(type)` in a type switch guard.
    TypeAssert {
        /// The operand.
        x: Box<Expr>,
        /// The asserted type.
        ty: Option<Box<Expr>>,
    },
    /// `f(args)`, `f(args...)`, conversions `T(x)`, and builtins.
    Call {
        /// The callee.
        func: Box<Expr>,
        /// Arguments.
        args: Vec<Expr>,
        /// Position of `...` after the last argument, if written.
        ellipsis: Option<Span>,
    },
    /// `*x`: dereference, or pointer type.
    Star(Box<Expr>),
    /// A unary operation other than `*`.
    Unary {
        /// The operator.
        op: UnaryOp,
        /// The operand.
        x: Box<Expr>,
    },
    /// `x op y`.
    Binary {
        /// The operator.
        op: BinaryOp,
        /// Span of the operator token.
        op_span: Span,
        /// Left operand.
        x: Box<Expr>,
        /// Right operand.
        y: Box<Expr>,
    },
    /// `[N]T`, `[...]T` (`len` is [`ExprKind::Ellipsis`]), or `[]T` (`len == None`).
    ArrayType {
        /// Length expression; `None` for a slice type.
        len: Option<Box<Expr>>,
        /// Element type.
        elem: Box<Expr>,
    },
    /// `map[K]V`.
    MapType {
        /// Key type.
        key: Box<Expr>,
        /// Value type.
        value: Box<Expr>,
    },
    /// `chan T`, `chan<- T`, `<-chan T`.
    ChanType {
        /// Direction.
        dir: ChanDir,
        /// Element type.
        elem: Box<Expr>,
    },
    /// `func(...) ...` as a type.
    FuncType(FuncType),
    /// `struct { ... }`.
    StructType(Vec<FieldDecl>),
    /// `interface { ... }`.
    InterfaceType(Vec<InterfaceElem>),
    /// `...` as an array length.
    Ellipsis,
    /// Something that did not parse; an error was already reported.
    Bad,
}

/// One element of a composite literal: `value` or `key: value`.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyedElement {
    /// Field name, map key or array index, if written.
    pub key: Option<Expr>,
    /// The element.
    pub value: Expr,
}

/// A struct field line: `X, Y int`, or an embedded `sync.Mutex`.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldDecl {
    /// Field names; empty for an embedded field.
    pub names: Vec<Ident>,
    /// Field type.
    pub ty: Expr,
    /// Tag string, if written (ignored).
    pub tag: Option<String>,
    /// The whole line.
    pub span: Span,
}

/// An interface element.
#[derive(Clone, Debug, PartialEq)]
pub enum InterfaceElem {
    /// `Name(params) results`.
    Method {
        /// Method name.
        name: Ident,
        /// Signature.
        sig: FuncType,
    },
    /// An embedded interface or a type constraint term.
    Embedded(Expr),
}

/// `{ stmts }`.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// Statements in order.
    pub stmts: Vec<Stmt>,
    /// From `{` to `}` inclusive.
    pub span: Span,
}

/// A statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// Identity for the checker's tables.
    pub id: NodeId,
    /// The source covered.
    pub span: Span,
    /// What it is.
    pub kind: StmtKind,
}

/// Assignment forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignOp {
    /// `=`
    Assign,
    /// `:=`
    Define,
    /// `op=`, e.g. `+=`.
    Op(BinaryOp),
}

/// The kinds of statement.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// A declaration inside a function.
    Decl(Decl),
    /// An expression statement (a call or a receive).
    Expr(Expr),
    /// `ch <- v`.
    Send {
        /// The channel.
        ch: Expr,
        /// The value sent.
        value: Expr,
    },
    /// `x++` / `x--`.
    IncDec {
        /// The operand.
        x: Expr,
        /// `true` for `++`.
        inc: bool,
    },
    /// `=`, `:=`, `op=`.
    Assign {
        /// Left-hand sides.
        lhs: Vec<Expr>,
        /// The operator.
        op: AssignOp,
        /// Span of the operator token.
        op_span: Span,
        /// Right-hand sides.
        rhs: Vec<Expr>,
    },
    /// `go f(x)`.
    Go(Expr),
    /// `defer f(x)`.
    Defer(Expr),
    /// `return a, b`.
    Return(Vec<Expr>),
    /// `break [label]`.
    Break(Option<Ident>),
    /// `continue [label]`.
    Continue(Option<Ident>),
    /// `goto label`.
    Goto(Ident),
    /// `fallthrough`.
    Fallthrough,
    /// A nested block.
    Block(Block),
    /// `if init; cond { } else ...`.
    If {
        /// Simple statement before the condition.
        init: Option<Box<Stmt>>,
        /// Condition.
        cond: Expr,
        /// Then branch.
        then: Block,
        /// `else` branch: a [`StmtKind::Block`] or another [`StmtKind::If`].
        els: Option<Box<Stmt>>,
    },
    /// `switch init; tag { cases }`.
    Switch {
        /// Simple statement before the tag.
        init: Option<Box<Stmt>>,
        /// The tag; `None` means `true`.
        tag: Option<Expr>,
        /// Clauses in order.
        cases: Vec<CaseClause>,
    },
    /// `switch init; v := x.(type) { cases }`.
    TypeSwitch {
        /// Simple statement before the guard.
        init: Option<Box<Stmt>>,
        /// The bound name in `v := x.(type)`.
        bind: Option<Ident>,
        /// The operand `x`.
        x: Expr,
        /// Clauses in order.
        cases: Vec<TypeCaseClause>,
    },
    /// `select { cases }`.
    Select(Vec<CommClause>),
    /// `for init; cond; post { }`, `for cond { }`, `for { }`.
    For {
        /// Init statement.
        init: Option<Box<Stmt>>,
        /// Condition.
        cond: Option<Expr>,
        /// Post statement.
        post: Option<Box<Stmt>>,
        /// Body.
        body: Block,
    },
    /// `for k, v := range x { }` (also `=` and no variables).
    Range {
        /// First iteration variable.
        key: Option<Expr>,
        /// Second iteration variable.
        value: Option<Expr>,
        /// `:=` (new variables per iteration, Go 1.22) rather than `=`.
        define: bool,
        /// The ranged-over expression.
        x: Expr,
        /// Body.
        body: Block,
    },
    /// `label: stmt`.
    Labeled {
        /// The label.
        label: Ident,
        /// The labelled statement.
        stmt: Box<Stmt>,
    },
    /// `;` or nothing.
    Empty,
}

/// `case a, b:` / `default:` of an expression switch.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseClause {
    /// Case expressions; empty for `default`.
    pub exprs: Vec<Expr>,
    /// `true` for `default:`.
    pub default: bool,
    /// The clause body.
    pub body: Vec<Stmt>,
    /// From `case` to the colon.
    pub span: Span,
}

/// `case T1, T2:` / `default:` of a type switch (`nil` is written as the identifier `nil`).
#[derive(Clone, Debug, PartialEq)]
pub struct TypeCaseClause {
    /// Case types; empty for `default`.
    pub types: Vec<Expr>,
    /// `true` for `default:`.
    pub default: bool,
    /// The clause body.
    pub body: Vec<Stmt>,
    /// From `case` to the colon. The checker gives each clause its own object for the bound
    /// variable, keyed by the clause's first statement span or this span.
    pub span: Span,
    /// Identity of the clause (the implicit variable of a type switch is defined per clause).
    pub id: NodeId,
}

/// `case ch <- v:`, `case x := <-ch:`, `case x, ok = <-ch:`, `case <-ch:`, `default:`.
#[derive(Clone, Debug, PartialEq)]
pub struct CommClause {
    /// The communication: a [`StmtKind::Send`], an [`StmtKind::Expr`] holding a receive, or an
    /// [`StmtKind::Assign`] whose single right side is a receive. `None` for `default`.
    pub comm: Option<Box<Stmt>>,
    /// The clause body.
    pub body: Vec<Stmt>,
    /// From `case` to the colon.
    pub span: Span,
}
