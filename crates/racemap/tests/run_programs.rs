//! Driver of `tests/programs/`: Go programs compiled and run to the end with a fixed schedule
//! (always the first runnable move, no race detector, like `go run`). Each `NAME.expect` holds
//! racemap's stdout, stderr and exit status; cases checked with real Go keep what Go printed as
//! `go1.19` reference sections, which racemap's run must agree with (`support/go_reference.rs`).
//! The layout and `UPDATE_EXPECT=1`: `tests/README.md`.

mod support;

use racemap::rt::machine::{Machine, Status};
use std::rc::Rc;
use support::{check_dir, run_like_go};

#[test]
fn programs_match_their_expectations_and_go() {
    check_dir("programs", run_like_go);
}

/// Lowering never panics: every Go file in the repository's test data (valid programs, and
/// programs with syntax or type errors) either compiles or yields diagnostics.
#[test]
fn every_test_program_compiles_or_reports() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut stack = vec![root];
    let mut seen = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable dir").flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "go") {
                let src = std::fs::read_to_string(&p).expect("readable file");
                let result = std::panic::catch_unwind(|| racemap::compile::compile(&src).is_ok());
                assert!(result.is_ok(), "compile panicked on {}", p.display());
                seen += 1;
            }
        }
    }
    assert!(seen >= 10, "go files found: {seen}");
}
/// Run with a scheduler that picks runnable move `(step * stride) % len`: a cheap family of
/// distinct deterministic schedules.
fn run_strided(src: &str, stride: usize) -> (String, Option<i32>) {
    let prog = racemap::compile::compile(src).expect("preset compiles");
    let mut m = Machine::new(Rc::new(prog), Default::default());
    let mut step = 0;
    while *m.status() == Status::Running {
        let r = m.runnable();
        if r.is_empty() {
            break;
        }
        let c = r[(step * stride) % r.len()];
        m.step(c);
        step += 1;
    }
    (m.stdout().to_string(), m.exit_code())
}

/// The strategy presets compile and, when synchronized, print what real Go prints under every
/// schedule tried (`keys: N`, checked with `go run`); the unsynchronized one either prints it
/// or crashes with Go's map fatal error.
#[test]
fn strategy_presets_run() {
    use racemap::strategies::{Strategy, Workload};
    let w2 = Workload {
        goroutines: 3,
        ops_per_goroutine: 4,
        write_percent: 25,
        keys: 4,
    };
    for (w, want) in [(Workload::default(), "keys: 2\n"), (w2, "keys: 3\n")] {
        for s in Strategy::ALL {
            let src = s.source(w);
            for stride in [0, 1, 3, 7] {
                let (out, code) = run_strided(&src, stride);
                if s == Strategy::Unsynchronized && code == Some(2) {
                    continue;
                }
                assert_eq!(
                    (out.as_str(), code),
                    (want, Some(0)),
                    "{s:?} {w:?} stride {stride}"
                );
            }
        }
    }
}
