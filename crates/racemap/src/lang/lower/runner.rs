//! Test runners for a `_test.go` file: per `TestXxx(t *testing.T)`, a function
//! `testing.(*T).Run` (the program's main when that test runs) that makes a fresh
//! `testing.T`, names it (`TestingStart`), starts the test on its own goroutine as Go does
//! (`testing.(*T).Run.func1` → `testing.tRunner` → the test; Go's goroutine 7 under `-race`),
//! waits for that goroutine to end (`TestingRunWait`, Go's `<-t.signal`), then until every
//! other goroutine is done or blocked (`TestingQuiesce`) and returns. Functions are
//! renamed `command-line-arguments.…` as `go test FILE_test.go` names them.

use super::Lowerer;
use crate::bytecode::{Func, FuncId, Instr, LibFunc, Program, TestFunc};
use crate::diag::Span;
use crate::types::{SyncKind, TypeKind};
use std::rc::Rc;

/// The import path `go test` gives the package of files named on its command line.
pub const TEST_PACKAGE_PATH: &str = "command-line-arguments";

/// The runners of every test in `lw.info.tests`.
pub fn test_runners(lw: &mut Lowerer<'_>) -> Vec<TestFunc> {
    let t = lw.types.intern(TypeKind::Sync(SyncKind::TestingT));
    // The named `testing.T` whose underlying type that is (the checker made it).
    let named = (0..lw.types.len() as u32)
        .map(crate::types::TypeId)
        .find(|&id| {
            matches!(lw.types.kind(id), TypeKind::Named { .. }) && lw.types.underlying(id) == t
        })
        .unwrap_or(t);
    let mut out = Vec::new();
    for (name, obj) in lw.info.tests.clone() {
        let Some(&test) = lw.decl_funcs.get(&obj) else {
            continue;
        };
        let span = lw.funcs[test.0 as usize].span;
        let runner_chatty = runner(lw, &name, test, named, true, span);
        let runner_quiet = runner(lw, &name, test, named, false, span);
        out.push(TestFunc {
            name,
            runner_chatty,
            runner_quiet,
        });
    }
    out
}

/// A runner for a file without tests (it returns at once).
pub fn first_runner(lw: &mut Lowerer<'_>, tests: &[TestFunc]) -> FuncId {
    if let Some(t) = tests.first() {
        return t.runner_chatty;
    }
    let id = lw.reserve("testing.tRunner", Span::default());
    lw.funcs[id.0 as usize].code = vec![Instr::Return];
    lw.funcs[id.0 as usize].spans = vec![Span::default()];
    id
}

fn runner(
    lw: &mut Lowerer<'_>,
    name: &str,
    test: FuncId,
    t: crate::types::TypeId,
    chatty: bool,
    span: Span,
) -> FuncId {
    // The test's goroutine: `testing.(*T).Run.func1(t)` calls `testing.tRunner(t)`, which
    // calls the test.
    let go_wrapper = test_goroutine(
        lw,
        span,
        1,
        vec![
            Instr::LoadLocal(0),
            Instr::Call {
                func: test,
                argc: 1,
            },
        ],
    );
    // The main goroutine: `testing.(*T).Run` starts it and waits for it, then for the
    // goroutines the test left behind.
    let name = lw.string(name);
    let code = vec![
        Instr::Alloc(t),
        Instr::StoreLocal(0),
        Instr::LoadLocal(0),
        Instr::PushStr(name),
        Instr::PushBool(chatty),
        Instr::CallLib {
            func: LibFunc::TestingStart,
            argc: 3,
        },
        Instr::MakeClosure {
            func: go_wrapper,
            ncaptures: 0,
        },
        Instr::LoadLocal(0),
        Instr::Go { argc: 1 },
        Instr::CallLib {
            func: LibFunc::TestingRunWait,
            argc: 0,
        },
        Instr::CallLib {
            func: LibFunc::TestingQuiesce,
            argc: 0,
        },
        Instr::Return,
    ];
    synthetic(lw, "testing.(*T).Run", span, 0, code, false)
}

impl Lowerer<'_> {
    /// `testing.(*T).Parallel(t)`: `=== PAUSE` (the parent's `Run` returns), wait until the
    /// parent's body is done, `=== CONT`. Made once.
    pub fn test_parallel_func(&mut self, span: Span) -> FuncId {
        if let Some(id) = self.test_parallel {
            return id;
        }
        let code = vec![
            Instr::LoadLocal(0),
            Instr::CallLib {
                func: LibFunc::TestingParallelPause,
                argc: 1,
            },
            Instr::LoadLocal(0),
            Instr::CallLib {
                func: LibFunc::TestingParallelResume,
                argc: 1,
            },
            Instr::Return,
        ];
        let id = synthetic(self, "testing.(*T).Parallel", span, 1, code, false);
        self.test_parallel = Some(id);
        id
    }

    /// `testing.tRunner.func1(t)`, deferred by every test's `testing.tRunner`: releases the
    /// test's parallel subtests and waits for them, runs the test's cleanups (last registered
    /// first), then ends the test (`TestingEnd`: a subtest
    /// reports to its parent). Made once.
    pub fn test_cleanup_func(&mut self) -> FuncId {
        if let Some(id) = self.test_cleanup {
            return id;
        }
        let code = vec![
            Instr::LoadLocal(0),
            Instr::CallLib {
                func: LibFunc::TestingReleaseSubs,
                argc: 1,
            },
            Instr::LoadLocal(0),
            Instr::CallLib {
                func: LibFunc::TestingWaitSubs,
                argc: 1,
            },
            Instr::LoadLocal(0),
            Instr::CallLib {
                func: LibFunc::TestingPopCleanup,
                argc: 1,
            },
            Instr::JumpIfNot(9),
            Instr::CallValue {
                argc: 0,
                results: 0,
            },
            Instr::Jump(4),
            Instr::Pop,
            Instr::LoadLocal(0),
            Instr::CallLib {
                func: LibFunc::TestingEnd,
                argc: 1,
            },
            Instr::Return,
        ];
        let id = synthetic(
            self,
            "testing.tRunner.func1",
            Span::default(),
            1,
            code,
            true,
        );
        self.test_cleanup = Some(id);
        id
    }

    /// `testing.(*T).Run(t, name, f) bool` for subtests: a new `T` (`TestingSubStart`), `f`
    /// on a new goroutine (`testing.(*T).Run.func1` → `testing.tRunner`, which defers the
    /// cleanups and the end), then wait for it (`TestingSubWait`). Made once.
    pub fn test_run_func(&mut self, span: Span) -> FuncId {
        if let Some(id) = self.test_run {
            return id;
        }
        let go_wrapper = test_goroutine(
            self,
            span,
            2,
            vec![
                Instr::LoadLocal(1),
                Instr::LoadLocal(0),
                Instr::CallValue {
                    argc: 1,
                    results: 0,
                },
            ],
        );
        // Locals: t, name, f, the subtest's T, the result.
        let code = vec![
            Instr::LoadLocal(0),
            Instr::LoadLocal(1),
            Instr::CallLib {
                func: LibFunc::TestingSubStart,
                argc: 2,
            },
            Instr::StoreLocal(3),
            Instr::MakeClosure {
                func: go_wrapper,
                ncaptures: 0,
            },
            Instr::LoadLocal(3),
            Instr::LoadLocal(2),
            Instr::Go { argc: 2 },
            Instr::LoadLocal(3),
            Instr::CallLib {
                func: LibFunc::TestingSubWait,
                argc: 1,
            },
            Instr::StoreLocal(4),
            Instr::Return,
        ];
        let id = synthetic(self, "testing.(*T).Run", span, 3, code, false);
        let f = &mut self.funcs[id.0 as usize];
        f.locals = 5;
        f.results = vec![crate::types::TypeTable::basic(crate::types::Basic::Bool)];
        f.result_slots = vec![crate::bytecode::ResultSlot::Local(4)];
        self.test_run = Some(id);
        id
    }
}

/// The root of a test's goroutine, `testing.(*T).Run.func1(t, …)` (`params` parameters, the
/// `T` first), which calls `testing.tRunner(t, …)`: it defers the test's cleanups and end
/// (`testing.tRunner.func1`), then runs `call_test` (the test's call, from its parameters).
fn test_goroutine(lw: &mut Lowerer<'_>, span: Span, params: u32, call_test: Vec<Instr>) -> FuncId {
    let cleanup = lw.test_cleanup_func();
    let mut code = vec![
        Instr::MakeClosure {
            func: cleanup,
            ncaptures: 0,
        },
        Instr::LoadLocal(0),
        Instr::Defer { argc: 1 },
    ];
    code.extend(call_test);
    code.push(Instr::Return);
    let t_runner = synthetic(lw, "testing.tRunner", span, params, code, false);
    let mut code: Vec<Instr> = (0..params).map(Instr::LoadLocal).collect();
    code.push(Instr::Call {
        func: t_runner,
        argc: params,
    });
    code.push(Instr::Return);
    synthetic(lw, "testing.(*T).Run.func1", span, params, code, true)
}

/// A function of package `testing` made by lowering, with `params` parameters (one local
/// slot each; at least one local, for the runner's `T`).
fn synthetic(
    lw: &mut Lowerer<'_>,
    name: &str,
    span: Span,
    params: u32,
    code: Vec<Instr>,
    wrapper: bool,
) -> FuncId {
    let id = lw.reserve(name, span);
    lw.funcs[id.0 as usize] = Func {
        name: Rc::from(name),
        span,
        params,
        param_types: vec![
            crate::types::TypeTable::basic(crate::types::Basic::Invalid);
            params as usize
        ],
        results: Vec::new(),
        result_slots: Vec::new(),
        locals: params.max(1),
        captures: 0,
        variadic: false,
        spans: vec![span; code.len()],
        code,
        wrapper,
    };
    id
}

/// Name the file's functions as `go test FILE_test.go` does: `main.TestX` becomes
/// `command-line-arguments.TestX`.
pub fn rename_package(p: &mut Program) {
    for f in &mut p.funcs {
        if let Some(rest) = f.name.strip_prefix("main.") {
            f.name = Rc::from(format!("{TEST_PACKAGE_PATH}.{rest}").as_str());
        }
    }
}
