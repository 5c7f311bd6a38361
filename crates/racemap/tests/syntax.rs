//! Syntax errors, data-driven: every `tests/syntax/NAME.go` is parsed and its diagnostics,
//! rendered as `go build` prints them (`prog.go:LINE:COL: message`), must equal
//! `tests/syntax/NAME.out`. Each expected file was checked against the Go compiler (positions
//! and text; modern Go's wording `unexpected name x, expected ...`). Set `UPDATE_EXPECT=1` to
//! rewrite the `.out` files after an intended change, then review the diff.

use racemap::diag::{render_all, SourceMap};
use racemap::lang::parser::parse;
use std::path::Path;

#[test]
fn every_syntax_case_reports_go_s_diagnostics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/syntax");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/syntax exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    paths.sort();
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    for path in &paths {
        let source = std::fs::read_to_string(path).expect("readable case");
        let (_, diags) = parse(&source);
        let actual = render_all(&diags, &SourceMap::new("prog.go", &source));
        let out = path.with_extension("out");
        let expected = std::fs::read_to_string(&out).unwrap_or_default();
        if actual != expected {
            if update {
                std::fs::write(&out, &actual).expect("writable expectation");
            } else {
                failures.push(format!(
                    "{}:\n--- expected\n{expected}--- actual\n{actual}",
                    path.display()
                ));
            }
        }
    }
    assert!(paths.len() >= 25, "only {} syntax cases", paths.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_syntax_case_has_at_least_one_error() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/syntax");
    for entry in std::fs::read_dir(&dir).expect("tests/syntax exists") {
        let path = entry.expect("readable entry").path();
        if path.extension().is_some_and(|e| e == "go") {
            let source = std::fs::read_to_string(&path).expect("readable case");
            assert!(
                !parse(&source).1.is_empty(),
                "{} parses cleanly",
                path.display()
            );
        }
    }
}
