//! Data-driven checker tests.
//!
//! - `tests/diagnostics/NAME.go`: a program that must be rejected; `NAME.expected` holds the
//!   exact rendered diagnostics (`prog.go:LINE:COL: message`, as `go build` prints them).
//! - `tests/check_ok/NAME.go`: a program that must parse and type-check without errors.
//!
//! Set `UPDATE_EXPECT=1` to (re)write the `.expected` files from the current output; review
//! the diff before committing.

use racemap::diag::{render_all, SourceMap};
use racemap::lang::{check, parser};
use std::path::{Path, PathBuf};

fn programs(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("test directory exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().map(|x| x == "go").unwrap_or(false))
        .collect();
    files.sort();
    files
}

/// Parse and check; the rendered diagnostics (empty when the program is accepted).
fn diagnostics(source: &str) -> String {
    let map = SourceMap::new("prog.go", source);
    let (file, parse_errors) = parser::parse(source);
    if !parse_errors.is_empty() {
        return render_all(&parse_errors, &map);
    }
    match check::check_with_source(&file, &map) {
        Ok(_) => String::new(),
        Err(diags) => render_all(&diags, &map),
    }
}

#[test]
fn rejected_programs_report_go_diagnostics() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    let files = programs("diagnostics");
    assert!(files.len() >= 40, "expected at least 40 diagnostic cases");
    for path in files {
        let source = std::fs::read_to_string(&path).expect("readable");
        let got = diagnostics(&source);
        let expected_path = path.with_extension("expected");
        if update {
            std::fs::write(&expected_path, &got).expect("writable");
            continue;
        }
        let want = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got.is_empty() {
            failures.push(format!("{}: accepted, want:\n{want}", path.display()));
        } else if got != want {
            failures.push(format!(
                "{}:\n--- want\n{want}--- got\n{got}",
                path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn valid_programs_check_cleanly() {
    let mut failures = Vec::new();
    for path in programs("check_ok") {
        let source = std::fs::read_to_string(&path).expect("readable");
        let got = diagnostics(&source);
        if !got.is_empty() {
            failures.push(format!("{}:\n{got}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
