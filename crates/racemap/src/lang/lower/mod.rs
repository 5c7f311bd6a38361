//! Lowering: from the checked syntax tree ([`Checked`]) to a [`Program`] of stack bytecode.
//!
//! The pass is a direct syntax-directed translation, one function at a time
//! (`func.rs`), statements (`stmt/`), expressions (`expr.rs`), calls (`call.rs`) and
//! addressable places (`place.rs`). It follows Go's evaluation order: operands left to right;
//! in assignments the index and pointer operands of the left side and all right sides are
//! evaluated first, then the stores happen left to right.
//!
//! Storage: a variable the checker marks as *escaping* lives in a heap cell whose pointer sits
//! in the variable's local slot (or in the closure's captures); all its reads and writes are
//! `Load`/`Store`, the visible operations the race detector sees. Other variables are plain
//! local slots. Loop variables that escape get a fresh cell per iteration (Go 1.22).
//!
//! `go`/`defer` calls with arguments (or a receiver, or results) run through a compiler-made
//! wrapper closure named as Go 1.19 names it (`main.main.func3`: numbered after the function's
//! literals, in source order; `Func::wrapper`), so race-report stacks show Go's frames.
//!
//! Lowering never panics on a checked program: anything it cannot translate becomes a
//! `racemap does not support X` diagnostic.
//!
//! Coverage: every statement kind but `goto`; `for`/`range` over ints, slices, arrays, array
//! pointers, strings, maps and channels; expression and type switches (with `fallthrough`),
//! `select`, labelled `break`/`continue`; closures, method values, variadic calls, interface
//! method calls (`CallIface`) and method values (`thunk.rs`), `go`/`defer` of functions,
//! methods, interface methods, closures, library calls and `close`/`panic`/`print`/`delete`;
//! composite literals (keyed, elided, `&T{}`), conversions, comma-ok forms, named results.
//! Not lowered (diagnosed): `min`/`max`, `clear` of a slice, spreading a slice into a
//! library `...any` parameter (`fmt.Println(xs...)`), library functions and library methods
//! used as values, `go`/`defer` of other builtins and of conversions.

mod builtin;
mod call;
mod cond;
mod context;
mod env;
mod expr;
mod final_loads;
mod fprint;
mod func;
mod lib_methods;
mod lib_tail;
mod log_output;
mod order;
mod place;
mod rand;
mod runner;
mod sort;
mod sort_ir;
mod sort_pdq;
mod sort_types;
mod stmt;
mod strings_func;
mod thunk;

#[cfg(test)]
mod tests;

use crate::bytecode::{Func, Global, GlobalId, Method, Program, SelectTable, StrId};
use crate::bytecode::{FuncId, LibFunc};
use crate::diag::{Diagnostic, SourceMap, Span};
use crate::gostr::GoString;
use crate::lang::ast;
use crate::lang::check::{Checked, Info, ObjectId, ObjectKind};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};
use litemap::LiteMap;
use std::rc::Rc;

/// Program-wide lowering state.
pub(crate) struct Lowerer<'a> {
    /// The checker's facts.
    pub info: &'a Info,
    /// The type table (the checker's, plus types lowering interns).
    pub types: TypeTable,
    /// Compiled functions; entries are placeholders until their body is lowered.
    pub funcs: Vec<Func>,
    /// Function id of each top-level function and method object.
    pub decl_funcs: LiteMap<ObjectId, FuncId>,
    /// String constant pool.
    pub strings: Vec<GoString>,
    /// Reverse index of `strings` (a B-tree, not a sorted-vector [`litemap::LiteMap`]: it grows with
    /// the program and strings come in no order).
    pub string_ids: std::collections::BTreeMap<GoString, StrId>,
    /// Select tables.
    pub selects: Vec<SelectTable>,
    /// Unsupported constructs found.
    pub diags: Vec<Diagnostic>,
    /// Counter naming synthetic wrapper functions.
    pub wrappers: u32,
    /// The Go language version: whether loops declare their variables per iteration.
    pub lang: crate::lang::version::LangVersion,
    /// Built for the race detector (gc's `Instrumenting`): see `order.rs`.
    pub instrumented: bool,
    /// Interface method-value thunks made so far, by (interface type, method name).
    pub thunks: LiteMap<(crate::types::TypeId, String), FuncId>,
    /// Method-value thunks of the program's methods made so far (`main.(*T).M-fm`), by method.
    pub method_thunks: LiteMap<FuncId, FuncId>,
    /// Library method-value thunks made so far (`sync.(*Mutex).Lock-fm`), by method.
    pub lib_thunks: LiteMap<LibFunc, FuncId>,
    /// Method wrappers of library types made so far (`time.(*Timer).Stop`), by method
    /// (`lib_methods.rs`).
    pub lib_wrappers: LiteMap<LibFunc, FuncId>,
    /// `sync.(*Cond).Wait`, once made.
    pub cond_wait: Option<FuncId>,
    /// `testing.(*T).Run` for subtests, once made.
    pub test_run: Option<FuncId>,
    /// `testing.(*M).Run`, once a `TestMain` calls it (`runner.rs`).
    pub test_m_run: Option<FuncId>,
    /// `testing.tRunner.func1` (a test's cleanups and end), once made.
    pub test_cleanup: Option<FuncId>,
    /// `testing.(*T).Parallel`, once made.
    pub test_parallel: Option<FuncId>,
    /// The compiled `sort` functions (`sort.rs`), by function and first parameter type.
    pub sort_funcs: LiteMap<(LibFunc, TypeId), FuncId>,
    /// The compiled `strings` functions that call a program's function (`strings_func.rs`).
    pub strings_funcs: LiteMap<LibFunc, FuncId>,
    /// The hidden global holding `math/rand`'s global source (when the file imports it).
    pub rand_global: Option<GlobalId>,
    /// The hidden global holding package `log`'s standard logger (when the file imports it).
    pub log_global: Option<GlobalId>,
    /// The hidden global holding the environment (when the program uses it: `env.rs`).
    pub env_global: Option<GlobalId>,
    /// `t.Setenv`'s compiled cleanup, once made (`env.rs`).
    pub env_restore: Option<FuncId>,
    /// `testing.(*T).Setenv` compiled as a function, once made (`env.rs`).
    pub setenv_method: Option<FuncId>,
    /// The compiled `math/rand.Shuffle` (`rand.rs`).
    pub shuffle: Option<FuncId>,
    /// The compiled `math/rand.(*Rand).Shuffle` (`rand.rs`).
    pub rand_shuffle: Option<FuncId>,
    /// The named variables of the functions lowered so far ([`Program::var_names`]).
    pub var_names: Vec<crate::bytecode::VarName>,
    /// [`Program::exclusive_atomics`] of the functions lowered so far.
    pub exclusive_atomics: litemap::LiteMap<(FuncId, u32), ()>,
    /// The reads of heap variables by name so far, for [`Program::final_loads`]
    /// (`final_loads.rs`).
    pub var_loads: final_loads::VarLoads,
}

/// Lower a checked program for the race detector. `source` is the text it was parsed from.
pub fn lower(checked: &Checked, source: &str, file_name: &str) -> Result<Program, Vec<Diagnostic>> {
    lower_mode(
        checked,
        checked.types.clone(),
        source,
        file_name,
        false,
        true,
    )
}

/// Lower a checked program, `instrumented` as `go build -race` builds it (see `order.rs`).
pub fn lower_with(
    mut checked: Checked,
    source: &str,
    file_name: &str,
    instrumented: bool,
) -> Result<Program, Vec<Diagnostic>> {
    let types = std::mem::take(&mut checked.types);
    lower_mode(&checked, types, source, file_name, false, instrumented)
}

/// [`lower_test`], `instrumented` as `go test -race` builds it (see `order.rs`).
pub fn lower_test_with(
    mut checked: Checked,
    source: &str,
    file_name: &str,
    instrumented: bool,
) -> Result<Program, Vec<Diagnostic>> {
    let types = std::mem::take(&mut checked.types);
    lower_mode(&checked, types, source, file_name, true, instrumented)
}

/// Lower a checked `_test.go` file: its tests and their runners ([`Program::tests`]); `main` is
/// the first test's runner (a function that does nothing when there is no test). Functions are
/// named as `go test FILE_test.go` names them (`command-line-arguments.TestX`).
pub fn lower_test(
    checked: &Checked,
    source: &str,
    file_name: &str,
) -> Result<Program, Vec<Diagnostic>> {
    lower_mode(
        checked,
        checked.types.clone(),
        source,
        file_name,
        true,
        true,
    )
}

/// Lower `checked` with `types`, its type table (moved out of it by the callers that own it:
/// lowering interns more types, and a copy of the table costs as much as lowering a small
/// program).
fn lower_mode(
    checked: &Checked,
    types: TypeTable,
    source: &str,
    file_name: &str,
    test: bool,
    instrumented: bool,
) -> Result<Program, Vec<Diagnostic>> {
    let mut lw = Lowerer {
        instrumented,
        info: &checked.info,
        types,
        funcs: Vec::new(),
        decl_funcs: LiteMap::new_vec(),
        strings: Vec::new(),
        string_ids: std::collections::BTreeMap::new(),
        selects: Vec::new(),
        diags: Vec::new(),
        wrappers: 0,
        lang: checked.lang,
        thunks: LiteMap::new_vec(),
        method_thunks: LiteMap::new_vec(),
        lib_thunks: LiteMap::new_vec(),
        lib_wrappers: LiteMap::new_vec(),
        cond_wait: None,
        test_run: None,
        test_m_run: None,
        test_cleanup: None,
        test_parallel: None,
        sort_funcs: LiteMap::new_vec(),
        strings_funcs: LiteMap::new_vec(),
        rand_global: None,
        log_global: None,
        env_global: None,
        setenv_method: None,
        env_restore: None,
        shuffle: None,
        rand_shuffle: None,
        var_names: Vec::new(),
        exclusive_atomics: Default::default(),
        var_loads: Default::default(),
    };
    let file = &checked.file;

    // Globals.
    let mut globals: Vec<Global> = Vec::new();
    for obj in &checked.info.objects {
        if let ObjectKind::Global { ty, index } = obj.kind {
            let i = index as usize;
            if globals.len() <= i {
                globals.resize(
                    i + 1,
                    Global {
                        name: String::new(),
                        ty: TypeTable::basic(Basic::Invalid),
                        span: Span::default(),
                    },
                );
            }
            globals[i] = Global {
                name: obj.name.clone(),
                ty,
                span: obj.span,
            };
        }
    }

    // math/rand's global source: a hidden global (its zero word is the state after Seed(1)).
    if let Some(import) = file.imports.iter().find(|i| i.path == "math/rand") {
        lw.rand_global = Some(GlobalId(globals.len() as u32));
        globals.push(Global {
            name: "math/rand.globalRand".to_string(),
            ty: TypeTable::basic(Basic::Int64),
            span: import.span,
        });
    }

    // log's standard logger: a hidden global `struct { prefix string; flagx int; mu
    // sync.Mutex; out int; w io.Writer }` (rt/interp/log.rs).
    if let Some(import) = file.imports.iter().find(|i| i.path == "log") {
        let writer = (0..lw.types.len() as u32)
            .map(crate::types::TypeId::from_index)
            .find(|&t| {
                matches!(lw.types.kind(t), TypeKind::Named { name, pkg, .. }
                if name == "Writer" && pkg == "io")
            });
        let mutex = (0..lw.types.len() as u32)
            .map(crate::types::TypeId::from_index)
            .find(|&t| {
                matches!(lw.types.kind(t), TypeKind::Named { name, pkg, .. }
                if name == "Mutex" && pkg == "sync")
            });
        let field = |name: &str, ty| crate::types::Field {
            name: name.to_string(),
            ty,
            embedded: false,
        };
        let logger = lw.types.intern(TypeKind::Struct(vec![
            field("prefix", TypeTable::basic(Basic::String)),
            field("flagx", TypeTable::basic(Basic::Int)),
            field("mu", mutex.unwrap_or(TypeTable::basic(Basic::Invalid))),
            field("out", TypeTable::basic(Basic::Int)),
            field("w", writer.unwrap_or(TypeTable::basic(Basic::Invalid))),
        ]));
        lw.log_global = Some(GlobalId(globals.len() as u32));
        globals.push(Global {
            name: "log.std".to_string(),
            ty: logger,
            span: import.span,
        });
    }

    // The environment: a hidden global string of `KEY=VALUE\0` entries (rt/interp/env.rs).
    if env::uses_env(&checked.info, &lw.types) {
        lw.env_global = Some(GlobalId(globals.len() as u32));
        globals.push(Global {
            name: "os.environ".to_string(),
            ty: TypeTable::basic(Basic::String),
            span: Span::default(),
        });
    }

    // Reserve ids for declared functions and methods so calls can refer to them.
    let mut bodies: Vec<(&ast::FuncDecl, FuncId)> = Vec::new();
    for decl in &file.decls {
        if let ast::Decl::Func(fd) = decl {
            if checked.info.generic_decls.contains(&fd.name.id) {
                // Lowered through its instances, copies appended to the file.
                continue;
            }
            let Some(finfo) = checked.info.funcs.get(&fd.name.id) else {
                lw.internal(
                    fd.name.span,
                    format!("no type information for function {}", fd.name.name),
                );
                continue;
            };
            let id = lw.reserve(&finfo.name, fd.span);
            if let Some(obj) = checked.info.object_of(fd.name.id) {
                lw.decl_funcs.insert(obj, id);
            }
            bodies.push((fd, id));
        }
    }
    let init_id = lw.reserve("main.init", Span::default());
    for (fd, id) in &bodies {
        func::lower_func_decl(&mut lw, fd, *id);
    }
    func::lower_init(&mut lw, init_id, file);
    let (tests, test_runner) = if test {
        let (tests, runner) = runner::test_binary(&mut lw);
        (tests, Some(runner))
    } else {
        (Vec::new(), None)
    };

    let main = checked
        .info
        .main_func
        .and_then(|k| checked.info.idents.get(&k).map(|i| i.object))
        .and_then(|o| lw.decl_funcs.get(&o).copied())
        .or_else(|| {
            lw.funcs
                .iter()
                .position(|f| &*f.name == "main.main")
                .map(|i| FuncId(i as u32))
        })
        .or(test_runner);
    let Some(main) = main else {
        lw.diags.push(Diagnostic::error(
            Span::default(),
            "function main is undeclared in the main package",
        ));
        return Err(lw.diags);
    };
    if !lw.diags.is_empty() {
        return Err(lw.diags);
    }
    // Method sets for type assertions to interfaces and interface calls.
    let mut methods = LiteMap::new_vec();
    for (obj, fid) in &lw.decl_funcs {
        let o = checked.info.object(*obj);
        if let ObjectKind::Method {
            recv_named,
            pointer_recv,
            ..
        } = o.kind
        {
            let ptr = lw.types.intern(TypeKind::Pointer(recv_named));
            let entry = |deref_recv| Method {
                func: *fid,
                deref_recv,
            };
            if pointer_recv {
                methods.insert((ptr, o.name.clone()), entry(false));
            } else {
                methods.insert((recv_named, o.name.clone()), entry(false));
                methods.insert((ptr, o.name.clone()), entry(true));
            }
        }
    }
    lw.register_sort_methods(&mut methods);
    lw.register_lib_struct_methods(&mut methods);
    lw.register_setenv_method(&mut methods);
    lw.add_context_cancel_func();
    lw.add_log_output_funcs();
    let errs = lw.types.new_named("errorString", "errors");
    let string = TypeTable::basic(Basic::String);
    lw.types.set_underlying(errs, string);
    let error_type = lw.types.intern(TypeKind::Pointer(errs));
    let empty_struct = lw.types.intern(TypeKind::Struct(Vec::new()));
    // `*strconv.NumError`: the checker's struct type (its fields are the program's to read).
    let num_error = (0..lw.types.len() as u32)
        .map(TypeId::from_index)
        .find(|&t| {
            matches!(lw.types.kind(t), TypeKind::Named { name, pkg, .. }
                if name == "NumError" && pkg == "strconv")
        })
        .map_or_else(
            || TypeTable::basic(Basic::Invalid),
            |t| lw.types.intern(TypeKind::Pointer(t)),
        );
    let mut named = |name: &str, pkg: &str, pointer: bool| {
        let t = lw.types.new_named(name, pkg);
        // `context.deadlineExceededError` is `struct{}`; the others' values are strings.
        let under = if name == "deadlineExceededError" {
            empty_struct
        } else {
            string
        };
        lw.types.set_underlying(t, under);
        if pointer {
            lw.types.intern(TypeKind::Pointer(t))
        } else {
            t
        }
    };
    let error_types = crate::bytecode::ErrorTypes {
        wrap: named("wrapError", "fmt", true),
        plain: named("plainError", "runtime", false),
        bounds: named("boundsError", "runtime", false),
        runtime_string: named("errorString", "runtime", false),
        type_assertion: named("TypeAssertionError", "runtime", true),
        num: num_error,
        deadline: named("deadlineExceededError", "context", false),
    };
    let mut funcs = std::mem::take(&mut lw.funcs);
    let final_loads = lw.final_loads(&mut funcs);
    Ok(Program {
        source_map: SourceMap::new(file_name, source),
        source: source.to_string(),
        funcs,
        types: lw.types,
        globals,
        strings: lw.strings,
        selects: lw.selects,
        methods,
        init: init_id,
        main,
        error_type,
        error_types,
        test_binary: test_runner.map(|runner| crate::bytecode::TestBinary {
            runner,
            selected: (0..tests.len() as u32).collect(),
            chatty: true,
            test_main: checked.info.test_main.is_some(),
            benchmarks: checked.info.benchmarks,
        }),
        tests,
        var_names: lw.var_names,
        final_loads,
        exclusive_atomics: lw.exclusive_atomics,
        copies_wait_groups: checked.info.copies_wait_groups,
        uses_time_values: checked.info.uses_time_values,
    })
    .map(|mut p| {
        if test {
            runner::rename_package(&mut p);
        }
        p
    })
}

impl Lowerer<'_> {
    /// Reserve a function id with an empty body.
    pub fn reserve(&mut self, name: &str, span: Span) -> FuncId {
        let id = FuncId(self.funcs.len() as u32);
        self.funcs.push(Func {
            name: Rc::from(name),
            span,
            params: 0,
            param_types: Vec::new(),
            results: Vec::new(),
            result_slots: Vec::new(),
            locals: 0,
            captures: 0,
            variadic: false,
            code: Vec::new(),
            spans: Vec::new(),
            wrapper: false,
        });
        id
    }

    /// Intern a string constant (its bytes: a name or a Go string value).
    pub fn string(&mut self, s: impl AsRef<[u8]>) -> StrId {
        let s = GoString::from_bytes(s.as_ref());
        if let Some(id) = self.string_ids.get(&s) {
            return *id;
        }
        let id = StrId(self.strings.len() as u32);
        self.strings.push(s.clone());
        self.string_ids.insert(s, id);
        id
    }

    /// Record an unsupported construct.
    pub fn unsupported(&mut self, span: Span, what: impl AsRef<str>) {
        self.diags.push(Diagnostic::unsupported(span, what));
    }

    /// Record a broken invariant of the checker's output (see [`Diagnostic::internal`]).
    pub fn internal(&mut self, span: Span, what: impl AsRef<str>) {
        debug_assert!(false, "racemap internal error: {}", what.as_ref());
        self.diags.push(Diagnostic::internal(span, what));
    }

    /// A global's id from its object.
    pub fn global_of(&self, obj: ObjectId) -> Option<GlobalId> {
        match self.info.objects.get(obj.0 as usize)?.kind {
            ObjectKind::Global { index, .. } => Some(GlobalId(index)),
            _ => None,
        }
    }
}
