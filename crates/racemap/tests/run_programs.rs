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
