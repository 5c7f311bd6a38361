//! The test binary of a `_test.go` file, as `go test` builds it (Go 1.19's `testing.runTests`):
//! one process runs the selected tests one after the other. Its main, `testing.runTests`,
//! makes the root `testing.T` (no name; `TestingStart`) and calls `testing.tRunner(root,
//! testing.runTests.func1)` on the main goroutine; `runTests.func1` calls `root.Run(name,
//! TestX)` for every test the binary selected (`TestingMatch`, `Program::for_tests`), so a
//! top-level test is a subtest of the root: it runs on its own goroutine (Go's goroutine 7
//! under `-race` for the first), a `t.Parallel()` one pauses until the root's body (every
//! sequential test) is done, and the root's `tRunner` then releases and waits for the
//! parallel ones. Package variables and goroutines a test leaves behind carry over to the
//! next tests, as in Go. After the root's `tRunner`, main waits until every other goroutine
//! is done or blocked (`TestingQuiesce`: the ones still blocked then are leaks) and returns.
//! Functions are renamed `command-line-arguments.…` as `go test FILE_test.go` names them.
//!
//! Every test's `tRunner` defers `testing.tRunner.func1`, which follows Go's order: the
//! cleanups of a test without parallel subtests (Go's `tRunner.func2`), the race check
//! (`testing.go:1319`), the release of and wait for its parallel subtests, their parent's
//! cleanups, then the report (`TestingEnd`).

use super::Lowerer;
use crate::bytecode::{Func, FuncId, Instr, LibFunc, Program, TestFunc};
use crate::diag::Span;
use crate::types::{SyncKind, TypeKind};
use std::rc::Rc;

/// The import path `go test` gives the package of files named on its command line.
pub const TEST_PACKAGE_PATH: &str = "command-line-arguments";

/// The tests in `lw.info.tests` and the test binary's main, `testing.runTests`.
pub fn test_binary(lw: &mut Lowerer<'_>) -> (Vec<TestFunc>, FuncId) {
    let t = lw.types.intern(TypeKind::Sync(SyncKind::TestingT));
    // The named `testing.T` whose underlying type that is (the checker made it).
    let named = (0..lw.types.len() as u32)
        .map(crate::types::TypeId::from_index)
        .find(|&id| {
            matches!(lw.types.kind(id), TypeKind::Named { .. }) && lw.types.underlying(id) == t
        })
        .unwrap_or(t);
    let mut tests = Vec::new();
    for (name, obj) in lw.info.tests.clone() {
        if let Some(&func) = lw.decl_funcs.get(&obj) {
            tests.push(TestFunc {
                name,
                func,
                example: None,
            });
        }
    }
    let tests_end = tests.len();
    for (name, obj, output) in lw.info.examples.clone() {
        if let Some(&func) = lw.decl_funcs.get(&obj) {
            tests.push(TestFunc {
                name,
                func,
                example: Some(output),
            });
        }
    }
    let span = tests
        .first()
        .map_or(Span::default(), |t| lw.funcs[t.func.0 as usize].span);
    // `testing.runTests.func1(t)`: `t.Run(name, TestX)` for each selected test.
    let run = lw.test_run_func(span);
    let mut code = Vec::new();
    for (i, test) in tests.iter().enumerate().take(tests_end) {
        let name = lw.string(&test.name);
        code.push(Instr::PushInt(i as i64));
        code.push(Instr::CallLib {
            func: LibFunc::TestingMatch,
            argc: 1,
        });
        let next = code.len() as u32 + 6;
        code.extend([
            Instr::JumpIfNot(next),
            Instr::LoadLocal(0),
            Instr::PushStr(name),
            Instr::MakeClosure {
                func: test.func,
                ncaptures: 0,
            },
            Instr::Call { func: run, argc: 3 },
            Instr::Pop,
        ]);
    }
    code.push(Instr::Return);
    let body = synthetic(lw, "testing.runTests.func1", span, 1, code, false);
    // `testing.tRunner(root, runTests.func1)` on the main goroutine.
    let cleanup = lw.test_cleanup_func();
    let code = vec![
        Instr::MakeClosure {
            func: cleanup,
            ncaptures: 0,
        },
        Instr::LoadLocal(0),
        Instr::Defer { argc: 1 },
        Instr::LoadLocal(0),
        Instr::Call {
            func: body,
            argc: 1,
        },
        Instr::Return,
    ];
    let t_runner = synthetic(lw, "testing.tRunner", span, 1, code, false);
    let empty = lw.string("");
    let mut code = vec![
        Instr::Alloc(named),
        Instr::StoreLocal(0),
        Instr::LoadLocal(0),
        Instr::PushStr(empty),
        Instr::CallLib {
            func: LibFunc::TestingStart,
            argc: 2,
        },
        Instr::LoadLocal(0),
        Instr::Call {
            func: t_runner,
            argc: 1,
        },
    ];
    // `testing.runExamples`: each selected example on the main goroutine, after the tests.
    if let Some(first) = tests.get(tests_end) {
        let run_example = run_example_func(lw, lw.funcs[first.func.0 as usize].span);
        for (i, example) in tests.iter().enumerate().skip(tests_end) {
            code.extend([
                Instr::PushInt(i as i64),
                Instr::CallLib {
                    func: LibFunc::TestingMatch,
                    argc: 1,
                },
            ]);
            let next = code.len() as u32 + 5;
            code.extend([
                Instr::JumpIfNot(next),
                Instr::LoadLocal(0),
                Instr::PushInt(i as i64),
                Instr::MakeClosure {
                    func: example.func,
                    ncaptures: 0,
                },
                Instr::Call {
                    func: run_example,
                    argc: 3,
                },
            ]);
        }
    }
    let test_main = (lw.info.test_main).and_then(|o| lw.decl_funcs.get(&o).copied());
    let quiesce = Instr::CallLib {
        func: LibFunc::TestingQuiesce,
        argc: 0,
    };
    if test_main.is_none() {
        code.push(quiesce.clone());
    }
    code.push(Instr::Return);
    let run_tests = synthetic(lw, "testing.runTests", span, 0, code, false);
    match test_main {
        Some(test_main) => (tests, test_main_binary(lw, run_tests, test_main, quiesce)),
        None => (tests, run_tests),
    }
}

/// The test binary's main with a `TestMain` (Go's generated `main.main`: `m :=
/// testing.MainStart(…); TestMain(m); os.Exit(m.exitCode)`), and the body of `m.Run()`:
/// `testing.runTests`, then `FAIL`/`PASS` and the exit code ([`LibFunc::TestingRunResult`])
/// stored in `m.exitCode` and returned. The goroutines the tests leave behind are waited for
/// (racemap's leak check) once `TestMain` returns, before the exit.
fn test_main_binary(
    lw: &mut Lowerer<'_>,
    run_tests: FuncId,
    test_main: FuncId,
    quiesce: Instr,
) -> FuncId {
    let span = lw.funcs[test_main.0 as usize].span;
    let m_run = lw.test_m_run_func(span);
    let int = crate::types::TypeTable::basic(crate::types::Basic::Int);
    // Locals: 0 m, 1 the code.
    let code = vec![
        Instr::Call {
            func: run_tests,
            argc: 0,
        },
        Instr::CallLib {
            func: LibFunc::TestingRunResult,
            argc: 0,
        },
        Instr::StoreLocal(1),
        Instr::LoadLocal(0),
        Instr::FieldPtr(0),
        Instr::LoadLocal(1),
        Instr::Store,
        Instr::Return,
    ];
    lw.funcs[m_run.0 as usize] = Func {
        name: Rc::from("testing.(*M).Run"),
        span,
        params: 1,
        param_types: vec![crate::types::TypeTable::basic(crate::types::Basic::Invalid)],
        results: vec![int],
        result_slots: vec![crate::bytecode::ResultSlot::Local(1)],
        locals: 2,
        captures: 0,
        variadic: false,
        spans: vec![span; code.len()],
        code,
        wrapper: false,
    };
    let m = (0..lw.types.len() as u32)
        .map(crate::types::TypeId::from_index)
        .find(|&t| matches!(lw.types.kind(t), TypeKind::Named { name, pkg, .. } if name == "M" && pkg == "testing"))
        .unwrap_or(crate::types::TypeTable::basic(crate::types::Basic::Invalid));
    let code = vec![
        Instr::Alloc(m),
        Instr::StoreLocal(0),
        Instr::LoadLocal(0),
        Instr::Call {
            func: test_main,
            argc: 1,
        },
        quiesce,
        Instr::LoadLocal(0),
        Instr::FieldPtr(0),
        Instr::Load,
        Instr::CallLib {
            func: LibFunc::OsExit,
            argc: 1,
        },
        Instr::Return,
    ];
    synthetic(lw, TEST_MAIN_NAME, span, 0, code, false)
}

/// The name of the test binary's main with a `TestMain` (kept by [`rename_package`]).
const TEST_MAIN_NAME: &str = "main.main";

impl Lowerer<'_> {
    /// `testing.(*M).Run(m) int`, reserved on first use; [`test_binary`] writes its body.
    pub fn test_m_run_func(&mut self, span: Span) -> FuncId {
        if let Some(id) = self.test_m_run {
            return id;
        }
        let id = self.reserve("testing.(*M).Run", span);
        self.test_m_run = Some(id);
        id
    }

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

    /// `testing.tRunner.func1(t)`, deferred by every test's `testing.tRunner`, in Go's order:
    /// the cleanups (last registered first) of a test without parallel subtests, the race
    /// check, the release of its parallel subtests and the wait for them, the cleanups of a
    /// test with parallel subtests, then the end (`TestingEnd`: the report). Made once.
    pub fn test_cleanup_func(&mut self) -> FuncId {
        if let Some(id) = self.test_cleanup {
            return id;
        }
        let mut code = Vec::new();
        let cleanups = |code: &mut Vec<Instr>, early: bool| {
            let top = code.len() as u32;
            code.extend([
                Instr::LoadLocal(0),
                Instr::PushBool(early),
                Instr::CallLib {
                    func: LibFunc::TestingPopCleanup,
                    argc: 2,
                },
                Instr::JumpIfNot(top + 6),
                Instr::CallValue {
                    argc: 0,
                    results: 0,
                },
                Instr::Jump(top),
                Instr::Pop,
            ]);
        };
        cleanups(&mut code, true);
        for func in [LibFunc::TestingReleaseSubs, LibFunc::TestingWaitSubs] {
            code.extend([Instr::LoadLocal(0), Instr::CallLib { func, argc: 1 }]);
        }
        cleanups(&mut code, false);
        code.extend([
            Instr::LoadLocal(0),
            Instr::CallLib {
                func: LibFunc::TestingEnd,
                argc: 1,
            },
            Instr::Return,
        ]);
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

/// `testing.runExample(root, i, f)`: example `i` of `Program::tests` (function `f`) on the
/// calling goroutine, its stdout captured (`TestingExampleStart`, `=== RUN` with -v); the
/// deferred `testing.runExample.func2` compares what it printed with its output comment and
/// reports (`TestingExampleEnd`), also when it panics.
fn run_example_func(lw: &mut Lowerer<'_>, span: Span) -> FuncId {
    let code = vec![
        Instr::LoadLocal(0),
        Instr::LoadLocal(1),
        Instr::CallLib {
            func: LibFunc::TestingExampleEnd,
            argc: 2,
        },
        Instr::Return,
    ];
    let end = synthetic(lw, "testing.runExample.func2", span, 2, code, true);
    let code = vec![
        Instr::LoadLocal(0),
        Instr::LoadLocal(1),
        Instr::CallLib {
            func: LibFunc::TestingExampleStart,
            argc: 2,
        },
        Instr::MakeClosure {
            func: end,
            ncaptures: 0,
        },
        Instr::LoadLocal(0),
        Instr::LoadLocal(1),
        Instr::Defer { argc: 2 },
        Instr::LoadLocal(2),
        Instr::CallValue {
            argc: 0,
            results: 0,
        },
        Instr::Return,
    ];
    synthetic(lw, "testing.runExample", span, 3, code, false)
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
    let runner = p.test_binary.as_ref().map(|b| b.runner);
    for (i, f) in p.funcs.iter_mut().enumerate() {
        if runner == Some(FuncId(i as u32)) && &*f.name == TEST_MAIN_NAME {
            continue;
        }
        if let Some(rest) = f.name.strip_prefix("main.") {
            f.name = Rc::from(format!("{TEST_PACKAGE_PATH}.{rest}").as_str());
        }
    }
}
