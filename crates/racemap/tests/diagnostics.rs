//! Drivers of the checker's directories (the layout and `UPDATE_EXPECT=1`: `tests/README.md`):
//!
//! - `tests/diagnostics/`: programs that must be rejected; the `-- diagnostics --` section holds
//!   them as `go build` prints them (`prog.go:LINE:COL: message`). A header line
//!   `// racemap: --lang go1.N` before the `package` clause checks the case as that Go version.
//! - `tests/check_ok/`: programs that must parse and type-check without errors; they then run
//!   like `tests/programs/` (first runnable move, no race detector), and those checked with real
//!   Go keep what Go printed as `go1.19` reference sections.

mod support;

use racemap::compile::LangVersion;
use racemap::diag::SourceMap;
use racemap::lang::{check, parser};
use support::{check_dir, diagnostics_section, run_like_go, Case, PROGRAM_FILE};

/// The language version a case asks for on a header line `// racemap: --lang go1.N` before
/// its `package` clause (the default otherwise).
fn case_lang(source: &str) -> LangVersion {
    source
        .lines()
        .take_while(|l| !l.starts_with("package"))
        .find_map(|l| l.strip_prefix("// racemap: --lang "))
        .map(|v| LangVersion::parse(v).expect("a valid --lang in the header"))
        .unwrap_or(LangVersion::DEFAULT)
}

/// The parser's or else the checker's diagnostics (empty when the program is accepted).
fn check_diagnostics(case: &Case) -> Vec<racemap::diag::Diagnostic> {
    let (file, parse_errors) = parser::parse(&case.source);
    if !parse_errors.is_empty() {
        return parse_errors;
    }
    let map = SourceMap::new(PROGRAM_FILE, &case.source);
    check::check_with_source(&file, &map, case_lang(&case.source))
        .err()
        .unwrap_or_default()
}

#[test]
fn rejected_programs_report_go_diagnostics() {
    check_dir("diagnostics", |case, _| {
        let diags = check_diagnostics(case);
        if diags.is_empty() {
            return Err("accepted, but tests/diagnostics holds rejected programs".to_string());
        }
        Ok(vec![diagnostics_section(&diags, &case.source)])
    });
}

#[test]
fn valid_programs_check_cleanly_and_run() {
    check_dir("check_ok", |case, expectation| {
        let diags = check_diagnostics(case);
        if !diags.is_empty() {
            let rendered = diagnostics_section(&diags, &case.source);
            return Err(format!("rejected:\n{}", rendered.body));
        }
        run_like_go(case, expectation)
    });
}
