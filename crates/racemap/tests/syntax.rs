//! Driver of `tests/syntax/`: programs with syntax errors. Each case is parsed and must be
//! rejected; its `-- diagnostics --` section holds them as `go build` prints them
//! (`prog.go:LINE:COL: message`). The layout and `UPDATE_EXPECT=1`: `tests/README.md`.

mod support;

use racemap::lang::parser::parse;
use support::{check_dir, diagnostics_section};

#[test]
fn every_syntax_case_reports_go_s_diagnostics() {
    check_dir("syntax", |case, _| {
        let (_, diags) = parse(&case.source);
        if diags.is_empty() {
            return Err("parses cleanly, but tests/syntax holds syntax errors".to_string());
        }
        Ok(vec![diagnostics_section(&diags, &case.source)])
    });
}
