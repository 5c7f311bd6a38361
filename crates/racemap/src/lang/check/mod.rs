//! The type checker: Go's name resolution and typing rules for racemap's subset, producing
//! [`Info`] (see `info.rs`, the contract lowering compiles from) or diagnostics in Go's wording.
//!
//! Algorithm (after go/types, much simplified):
//! 1. `decl/` collects package-level names into the package scope (any order is allowed),
//!    creates named types first, then resolves types, constants, function signatures and global
//!    variables lazily on first use with cycle detection.
//! 2. Function bodies are checked in source order (`stmt/`, `expr/`, `call/`), with a
//!    stack of lexical scopes (`scope.rs`). Untyped constants (`constant.rs`) stay untyped until
//!    the context fixes their type; the recorded type is then updated.
//! 3. Escapes are found on the way (`escape.rs`): captures by closures, `&x`, implicit `&` for
//!    pointer-receiver calls. Terminating-statement analysis (`returns.rs`) gives `missing return`.
//!
//! An operand of `Invalid` type never produces further errors, so one mistake gives one message.
//!
//! Supported: package `main` in one file; imports `errors`, `fmt`, `runtime`, `sync`,
//! `sync/atomic`, `time`, `strconv`, `strings` (the members listed in `packages.rs`); all basic
//! types except complex; named types, structs (embedding by value and by pointer, promotion),
//! pointers, arrays, slices, maps, channels with directions, function types and closures;
//! interfaces with methods (`iface.rs`: embedding, method sets, implicit satisfaction with
//! go/types' reasons), `any`, `error`, `fmt.Stringer` and `sync.Locker`; methods with value and
//! pointer receivers (auto `&`/`*`), method values (also of interfaces); constants with `iota`,
//! untyped constant arithmetic (`i128`/`f64`); every statement except `goto`; Go 1.22
//! range-over-int and per-iteration loop variables; the builtins of `universe.rs`; Go's package
//! initialization order.
//!
//! Generics by monomorphization (`generics/`): each instance of a generic function or type is
//! a copy of its declaration checked with the type parameters bound to the type arguments.
//!
//! Rejected with `racemap does not support ...`: other imports, dot imports, generic types
//! declared inside a function, method expressions `(*T).M` of value methods and of
//! promoted methods, complex numbers, range over functions, library members not in `packages.rs` (e.g. `time.After`, `strings.ToTitle`). A
//! rejected type declaration leaves its type's underlying type invalid, and uses of such a type
//! report nothing more.

/// Constant arithmetic and representability.
pub mod constant;
pub mod exact;
/// The output contract (`Info`).
pub mod info;
pub mod math_constants;
/// The library functions the VM implements, with their facts as data.
/// The supported library packages and their members.
pub mod packages;
/// Predeclared names.
pub mod universe;
/// How messages word operands and types.
pub mod wording;

mod atomic_only;
mod call;
mod decl;
mod escape;
mod examples;
mod expr;
mod generics;
mod iface;
mod lib_generic;
mod lib_struct_methods;
mod lookup;
mod returns;
mod scope;
mod stmt;
pub mod test_signatures;
mod time_values;
mod typexpr;
mod wait_group_copies;

pub use info::*;

use crate::diag::{Diagnostic, Span};
use crate::lang::ast;
use crate::lang::ast::print::AstPrinter;
use crate::lang::version::LangVersion;
use crate::types::{Basic, TypeId, TypeKind, TypeTable};
use litemap::LiteMap;
use scope::{FuncCtx, ObjState, Scope};

/// A checked program: the tree, its types, and the facts lowering needs.
#[derive(Clone, Debug)]
pub struct Checked {
    /// The syntax tree (unchanged).
    pub file: ast::File,
    /// All types the program uses.
    pub types: TypeTable,
    /// Facts keyed by node id.
    pub info: Info,
    /// The Go language version it was checked as (lowering follows its loop semantics).
    pub lang: LangVersion,
}

/// Type-check a parsed file. Errors are not sorted: render them with `diag::render_all`, which
/// sorts and truncates at `MAX_ERRORS`. Messages that refer to a second position (`other
/// declaration of x`) need [`check_with_source`].
pub fn check(file: &ast::File) -> Result<Checked, Vec<Diagnostic>> {
    check_inner(file, None, LangVersion::DEFAULT)
}

/// Like [`check`], with the source map so that messages can name secondary positions as Go
/// does (`x redeclared in this block` + `\tprog.go:4:6: other declaration of x`).
/// The language version `lang` decides which builtins exist and whether `range` takes integers.
pub fn check_with_source(
    file: &ast::File,
    map: &crate::diag::SourceMap,
    lang: LangVersion,
) -> Result<Checked, Vec<Diagnostic>> {
    check_inner(file, Some(map), lang)
}

/// Check a `_test.go` file: any package name, no `main` needed; its `TestXxx(t *testing.T)`
/// functions are listed in [`Info::tests`].
pub fn check_test_with_source(
    file: &ast::File,
    map: &crate::diag::SourceMap,
    lang: LangVersion,
) -> Result<Checked, Vec<Diagnostic>> {
    check_inner_mode(file, Some(map), lang, true)
}

fn check_inner(
    file: &ast::File,
    map: Option<&crate::diag::SourceMap>,
    lang: LangVersion,
) -> Result<Checked, Vec<Diagnostic>> {
    check_inner_mode(file, map, lang, false)
}

fn check_inner_mode(
    file: &ast::File,
    map: Option<&crate::diag::SourceMap>,
    lang: LangVersion,
    test_mode: bool,
) -> Result<Checked, Vec<Diagnostic>> {
    check_owned(file.clone(), map, lang, test_mode)
}

/// Check a parsed file the caller hands over (`compile` has no use for it after: the tree is
/// moved into [`Checked`], not copied); `test_mode` for a `_test.go` file
/// ([`check_test_with_source`]).
pub fn check_owned(
    file: ast::File,
    map: Option<&crate::diag::SourceMap>,
    lang: LangVersion,
    test_mode: bool,
) -> Result<Checked, Vec<Diagnostic>> {
    let (types, info, clones, node_count, lang) = {
        let mut c = Checker::new(&file, lang);
        c.test_mode = test_mode;
        c.source_map = map.cloned();
        c.check_file();
        if !c.diags.is_empty() {
            return Err(c.diags);
        }
        c.finish();
        let clones = std::mem::take(&mut c.generics.clones);
        (c.types, c.info, clones, c.generics.next_id, c.lang)
    };
    let mut file = file;
    let mut info = info;
    // The concrete instances of generic functions and methods, lowered as ordinary ones.
    for fd in &clones {
        file.decls.push(ast::Decl::Func((**fd).clone()));
    }
    file.node_count = node_count;
    if info.exprs.len() < file.node_count as usize {
        info.exprs.resize(file.node_count as usize, None);
    }
    Ok(Checked {
        file,
        types,
        info,
        lang,
    })
}

/// An evaluated expression: what go/types calls an operand.
#[derive(Clone, Debug)]
pub(crate) struct Operand {
    /// What it denotes.
    pub mode: Mode,
    /// Its type (possibly untyped; `Invalid` after an error).
    pub ty: TypeId,
    /// Its value, for constants.
    pub val: Option<ConstValue>,
}

impl Operand {
    /// The operand of an expression that had an error.
    pub fn invalid() -> Operand {
        Operand {
            mode: Mode::Value,
            ty: TypeTable::basic(Basic::Invalid),
            val: None,
        }
    }
    /// A computed value of type `ty`.
    pub fn value(ty: TypeId) -> Operand {
        Operand {
            mode: Mode::Value,
            ty,
            val: None,
        }
    }
    /// A constant.
    pub fn constant(ty: TypeId, val: ConstValue) -> Operand {
        Operand {
            mode: Mode::Constant,
            ty,
            val: Some(val),
        }
    }
    /// An error was already reported for it.
    pub fn is_invalid(&self) -> bool {
        self.ty == TypeTable::basic(Basic::Invalid)
    }
}

/// The checker's working state.
pub(crate) struct Checker<'a> {
    /// The file being checked.
    pub file: &'a ast::File,
    /// The Go language version the file is checked as.
    pub lang: LangVersion,
    /// All types.
    pub types: TypeTable,
    /// The output being built.
    pub info: Info,
    /// Errors so far.
    pub diags: Vec<Diagnostic>,
    /// Lexical scopes: `[0]` universe, `[1]` package, then blocks of the current function.
    pub scopes: Vec<Scope>,
    /// Per object: use tracking and lazy resolution state (parallel to `info.objects`).
    pub states: Vec<ObjState>,
    /// Enclosing functions, innermost last.
    pub funcs: Vec<FuncCtx>,
    /// Methods declared in this package, per named receiver type.
    pub methods: LiteMap<TypeId, LiteMap<String, ObjectId>>,
    /// Library members already materialized, by (path, name).
    pub lib_objects: LiteMap<(String, String), ObjectId>,
    /// Library types: `sync.Mutex` etc. and `time.Duration`, by (path, name).
    pub lib_types: LiteMap<(String, String), TypeId>,
    /// The instances of `atomic.Pointer[T]`, by type argument (`lib_generic.rs`): one named
    /// type per `T`, so two spellings of an instance are one type.
    pub atomic_pointers: LiteMap<TypeId, TypeId>,
    /// The type argument of the generic library receiver whose method signature is being
    /// made (`LibType::TypeArg`), `None` outside such a lookup.
    pub lib_type_arg: Option<TypeId>,
    /// The predeclared `error` type.
    pub error_type: TypeId,
    /// The empty interface (`any`).
    pub any_type: TypeId,
    /// `iota` inside a constant declaration.
    pub iota: Option<i128>,
    /// Imported packages: local name → (object, import span, used).
    pub imports: LiteMap<String, (ObjectId, Span, bool)>,
    /// Statements targeted by a `break` (for terminating-statement analysis).
    pub broken: NodeSet,
    /// Index of globals allocated so far.
    pub global_count: u32,
    /// Counter for `init` functions.
    pub init_count: u32,
    /// A declaration cycle among types was reported (its other members stay silent).
    pub cycle_reported: bool,
    /// The package-level declaration whose initializer or body is being checked (a global
    /// variable's object, a function or a method), for initialization order.
    pub current_decl: Option<ObjectId>,
    /// Package-level objects (globals, functions, methods) each declaration refers to.
    pub refs: LiteMap<ObjectId, litemap::LiteMap<ObjectId, ()>>,
    /// The object each `info.global_inits` entry was resolved for (parallel vector).
    pub global_init_keys: Vec<ObjectId>,
    /// Line/column information for messages with a secondary position, if given.
    pub source_map: Option<crate::diag::SourceMap>,
    /// A dot import was reported as unsupported: unresolved names are not reported again.
    pub dot_import: bool,
    /// Checking a `_test.go` file (`check_test_with_source`).
    pub test_mode: bool,
    /// Generic declarations, their instances and constraints (`generics/`).
    pub generics: generics::Generics,
}

impl<'a> Checker<'a> {
    fn new(file: &'a ast::File, lang: LangVersion) -> Checker<'a> {
        let mut c = Checker::bare(file, lang);
        c.install_universe();
        c
    }

    /// A checker of `file` with an empty universe.
    fn bare(file: &'a ast::File, lang: LangVersion) -> Checker<'a> {
        let types = TypeTable::new();
        let mut c = Checker {
            file,
            lang,
            types,
            info: Info::default(),
            diags: Vec::new(),
            scopes: vec![Scope::default(), Scope::default()],
            states: Vec::new(),
            funcs: Vec::new(),
            methods: LiteMap::new_vec(),
            lib_objects: LiteMap::new_vec(),
            lib_types: LiteMap::new_vec(),
            atomic_pointers: LiteMap::new_vec(),
            lib_type_arg: None,
            error_type: TypeTable::basic(Basic::Invalid),
            any_type: TypeTable::basic(Basic::Invalid),
            iota: None,
            imports: LiteMap::new_vec(),
            broken: Default::default(),
            global_count: 0,
            init_count: 0,
            dot_import: false,
            test_mode: false,
            source_map: None,
            current_decl: None,
            refs: LiteMap::new_vec(),
            global_init_keys: Vec::new(),
            cycle_reported: false,
            generics: Default::default(),
        };
        c.generics.next_id = file.node_count;
        c.info.exprs = vec![None; file.node_count as usize];
        c
    }

    /// Report an error.
    pub fn err(&mut self, span: Span, msg: impl Into<String>) {
        self.diags.push(Diagnostic::error(span, msg));
    }

    /// Report a broken invariant of the checker itself (see [`Diagnostic::internal`]); debug
    /// builds stop here.
    pub fn internal(&mut self, span: Span, what: impl AsRef<str>) {
        debug_assert!(false, "racemap internal error: {}", what.as_ref());
        self.diags.push(Diagnostic::internal(span, what));
    }

    /// Report `racemap does not support WHAT`.
    pub fn unsupported(&mut self, span: Span, what: impl AsRef<str>) {
        self.diags.push(Diagnostic::unsupported(span, what));
    }

    /// Too many errors already: stop doing work whose only purpose is more messages.
    pub fn saturated(&self) -> bool {
        self.diags.len() > 4 * crate::diag::MAX_ERRORS
    }

    /// Record facts about an expression.
    pub fn record(&mut self, e: &ast::Expr, x: &Operand) {
        let i = e.id.0 as usize;
        if i >= self.info.exprs.len() {
            self.info.exprs.resize(i + 1, None);
        }
        let implicit = self.info.exprs[i].as_ref().and_then(|p| p.implicit);
        self.info.exprs[i] = Some(ExprInfo {
            ty: x.ty,
            mode: x.mode,
            value: x.val.clone(),
            implicit,
        });
    }

    /// Change the recorded type of an expression (after untyped conversion), following
    /// parentheses and untyped boolean/arith operators down to their operands.
    pub fn update_type(&mut self, e: &ast::Expr, ty: TypeId) {
        let i = e.id.0 as usize;
        let was_untyped = match self.info.exprs.get(i).and_then(|x| x.as_ref()) {
            Some(info) => {
                let u = self.is_untyped(info.ty);
                if !u {
                    return;
                }
                true
            }
            None => false,
        };
        if let Some(Some(info)) = self.info.exprs.get_mut(i) {
            info.ty = ty;
            if let Some(v) = info.value.clone() {
                if let TypeKind::Basic(b) = self.types.under(ty).clone() {
                    if let Ok(v2) = constant::represent(&v, b) {
                        if let Some(Some(info)) = self.info.exprs.get_mut(i) {
                            info.value = Some(v2);
                        }
                    }
                }
            }
        }
        if !was_untyped {
            return;
        }
        match &e.kind {
            ast::ExprKind::Paren(x) => self.update_type(x, ty),
            ast::ExprKind::Unary { x, .. } => self.update_type(x, ty),
            ast::ExprKind::Binary { op, x, y, .. } => {
                use ast::BinaryOp::*;
                match op {
                    Eq | Ne | Lt | Le | Gt | Ge => {}
                    Shl | Shr => self.update_type(x, ty),
                    _ => {
                        self.update_type(x, ty);
                        self.update_type(y, ty);
                    }
                }
            }
            _ => {}
        }
    }

    /// Record that the value of `e` is implicitly converted to interface type `iface`.
    pub fn record_implicit(&mut self, e: &ast::Expr, iface: TypeId) {
        if let Some(Some(info)) = self.info.exprs.get_mut(e.id.0 as usize) {
            if info.ty != iface && info.mode != Mode::Nil {
                info.implicit = Some(iface);
            }
        }
    }

    /// Create an object.
    pub fn new_object(&mut self, name: &str, span: Span, kind: ObjectKind) -> ObjectId {
        let id = ObjectId(self.info.objects.len() as u32);
        self.info.objects.push(Object {
            name: name.to_string(),
            span,
            kind,
        });
        self.states.push(ObjState::default());
        id
    }

    /// Record an identifier occurrence.
    pub fn record_ident(&mut self, ident: &ast::Ident, object: ObjectId, def: bool) {
        self.info.idents.insert(ident.id, IdentInfo { object, def });
    }

    // ---- type predicates ----

    /// The `Invalid` type.
    pub fn invalid(&self) -> TypeId {
        TypeTable::basic(Basic::Invalid)
    }
    /// The basic kind of the underlying type.
    pub fn basic(&self, ty: TypeId) -> Option<Basic> {
        match self.types.under(ty) {
            TypeKind::Basic(b) => Some(*b),
            _ => None,
        }
    }
    /// An untyped constant kind (or untyped nil).
    pub fn is_untyped(&self, ty: TypeId) -> bool {
        matches!(self.types.kind(ty), TypeKind::Basic(b) if b.is_untyped())
    }
    /// An integer type (typed or untyped).
    pub fn is_integer(&self, ty: TypeId) -> bool {
        self.basic(ty).and_then(|b| b.int_info()).is_some()
    }
    /// A floating-point type (typed or untyped).
    pub fn is_float(&self, ty: TypeId) -> bool {
        matches!(
            self.basic(ty),
            Some(Basic::Float32 | Basic::Float64 | Basic::UntypedFloat)
        )
    }
    /// Integer or floating-point.
    pub fn is_numeric(&self, ty: TypeId) -> bool {
        self.is_integer(ty) || self.is_float(ty)
    }
    /// A string type (typed or untyped).
    pub fn is_string(&self, ty: TypeId) -> bool {
        matches!(self.basic(ty), Some(Basic::String | Basic::UntypedString))
    }
    /// A boolean type (typed or untyped).
    pub fn is_bool(&self, ty: TypeId) -> bool {
        matches!(self.basic(ty), Some(Basic::Bool | Basic::UntypedBool))
    }
    /// An interface type (`any` or `error`).
    pub fn is_interface(&self, ty: TypeId) -> bool {
        matches!(self.types.under(ty), TypeKind::Interface(_))
    }
    /// A named (declared or predeclared) type, as opposed to a type literal.
    pub fn is_named(&self, ty: TypeId) -> bool {
        matches!(
            self.types.kind(ty),
            TypeKind::Named { .. } | TypeKind::Basic(_)
        )
    }
    /// The type's display in messages.
    pub fn show(&self, ty: TypeId) -> String {
        wording::type_string(&self.types, ty)
    }
    /// Default type of an untyped type (itself otherwise).
    pub fn default_type(&self, ty: TypeId) -> TypeId {
        match self.types.kind(ty) {
            TypeKind::Basic(b) => match b {
                Basic::UntypedBool => TypeTable::basic(Basic::Bool),
                Basic::UntypedInt => TypeTable::basic(Basic::Int),
                // go/types' `universeRune`: an untyped rune's default type prints `rune`.
                Basic::UntypedRune => TypeTable::rune(),
                Basic::UntypedFloat => TypeTable::basic(Basic::Float64),
                Basic::UntypedString => TypeTable::basic(Basic::String),
                _ => ty,
            },
            _ => ty,
        }
    }

    /// Describe an operand for a message (`x (variable of type T constrained by any)` for a
    /// type parameter's).
    pub fn describe(&self, e: &ast::Expr, x: &Operand) -> String {
        let text = self.expr_string(e);
        let d = wording::operand(&self.types, &text, x.mode, x.ty, x.val.as_ref());
        match self.constrained_by(x.ty) {
            Some(c) if d.ends_with(')') && x.mode != Mode::Type => {
                let plain = self.show(x.ty);
                match d.rfind(&format!("of type {plain})")) {
                    Some(i) => format!("{}of type {c})", &d[..i]),
                    None => d,
                }
            }
            _ => d,
        }
    }

    /// An expression as Go's messages print it (literals as written in the source).
    pub fn expr_string(&self, e: &ast::Expr) -> String {
        AstPrinter::new(&self.file.source).expr(e)
    }

    /// `prog.go:LINE:COL` of a span, when the source map is known.
    pub fn position(&self, span: Span) -> Option<String> {
        let map = self.source_map.as_ref()?;
        let lc = map.line_col(span.lo);
        Some(format!("{}:{}:{}", map.file_name, lc.line, lc.col))
    }

    /// The current function's key.
    pub fn current_func(&self) -> Option<ast::NodeId> {
        self.funcs.last().map(|f| f.key)
    }

    fn finish(&mut self) {
        self.find_atomic_only();
        self.find_wait_group_copies();
        self.find_time_values();
        // Default any remaining untyped types (e.g. constant sub-expressions); builtins and
        // package names have no type.
        for i in 0..self.info.exprs.len() {
            let ty = match &mut self.info.exprs[i] {
                Some(e) if matches!(e.mode, Mode::Builtin | Mode::Package) => {
                    e.ty = TypeTable::basic(Basic::Invalid);
                    continue;
                }
                Some(e) if e.mode != Mode::Nil => e.ty,
                _ => continue,
            };
            if self.is_untyped(ty) {
                let d = self.default_type(ty);
                if let Some(e) = &mut self.info.exprs[i] {
                    e.ty = d;
                }
            }
        }
    }
}
