//! End-to-end: small Go programs in `tests/programs/` compiled and run to completion with a
//! fixed schedule (always the first runnable goroutine). Each `NAME.out` holds the stdout real
//! Go prints, then `--- exit N` and, for failures, the first line Go writes to stderr. Outputs
//! were produced with `go run` (Go 1.19; `closures` uses Go 1.22 loop variables).
//! These programs are deterministic in Go, so any schedule must give the same result.

use racemap::rt::machine::{Machine, Status};
use std::rc::Rc;

/// Run a program and render `stdout`, `--- exit N` and the first failure line like the files.
fn run(src: &str) -> String {
    let prog = match racemap::compile::compile(src) {
        Ok(p) => p,
        Err(d) => {
            let map = racemap::diag::SourceMap::new("prog.go", src);
            return format!("compile error:\n{}", racemap::diag::render_all(&d, &map));
        }
    };
    let mut m = Machine::new(Rc::new(prog), Default::default());
    while *m.status() == Status::Running {
        let Some(c) = m.runnable().into_iter().next() else {
            break;
        };
        m.step(c);
    }
    let mut out = m.stdout().to_string();
    match m.status() {
        Status::Exited => out.push_str("--- exit 0\n"),
        Status::Failed(e) => {
            out.push_str(&format!("--- exit {}\n", e.exit_code()));
            let r = e.render();
            out.push_str(r.lines().next().unwrap_or(""));
            out.push('\n');
        }
        other => out.push_str(&format!("--- {other:?}\n")),
    }
    out
}

#[test]
fn programs_match_go() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/programs exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "programs found: {}", names.len());
    let mut failures = Vec::new();
    for path in names {
        let src = std::fs::read_to_string(&path).expect("readable program");
        let want = std::fs::read_to_string(path.with_extension("out")).expect("an .out file");
        let got = run(&src);
        if got != want {
            failures.push(format!(
                "{}:\n--- want\n{want}--- got\n{got}",
                path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
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
