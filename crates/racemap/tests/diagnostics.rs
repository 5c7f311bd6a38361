//! Drivers of the checker's directories (the layout and `UPDATE_EXPECT=1`: `tests/README.md`):
//!
//! - `tests/diagnostics/`: programs that must be rejected; the `-- diagnostics --` section holds
//!   them as `go build` prints them (`prog.go:LINE:COL: message`). A header line
//!   `// racemap: --lang go1.N` before the `package` clause checks the case as that Go version.
//!   A `-- go1.19 build --` reference is what `go build` printed (its `# command-line-arguments`
//!   header and `./` prefixes included): racemap's diagnostics must equal it line for line,
//!   once Go 1.19's `cannot use X as type T in C` is read as the `cannot use X as T value in C`
//!   racemap words (go/types' and later Go's wording).
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
    check_dir("diagnostics", |case, expectation| {
        let diags = check_diagnostics(case);
        if diags.is_empty() {
            return Err("accepted, but tests/diagnostics holds rejected programs".to_string());
        }
        let section = diagnostics_section(&diags, &case.source);
        for r in expectation.references() {
            if r.name != GO_BUILD {
                return Err(format!("unknown reference section `{}`", r.name));
            }
            let want = go_build_lines(r.text());
            if want != section.body {
                return Err(format!(
                    "diagnostics differ from go build's:\n--- go1.19\n{want}--- racemap\n{}",
                    section.body
                ));
            }
        }
        Ok(vec![section])
    });
}

/// The reference section of `go build`'s output.
const GO_BUILD: &str = "go1.19 build";

/// `go build`'s lines as racemap prints them: no package header, no `./`, and go/types'
/// `as T value in` for Go 1.19's `as type T in`.
fn go_build_lines(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines().filter(|l| !l.starts_with("# ")) {
        let line = line.strip_prefix("./").unwrap_or(line);
        out.push_str(&as_type_to_value(line));
        out.push('\n');
    }
    out
}

/// `cannot use X as type T in C` → `cannot use X as T value in C`.
fn as_type_to_value(line: &str) -> String {
    let Some(at) = line.find(" as type ") else {
        return line.to_string();
    };
    if !line.contains("cannot use ") {
        return line.to_string();
    }
    let rest = &line[at + " as type ".len()..];
    let Some(end) = rest.rfind(" in ") else {
        return line.to_string();
    };
    format!("{} as {} value{}", &line[..at], &rest[..end], &rest[end..])
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
