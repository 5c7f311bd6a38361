//! A pasted `_test.go` file: its `TestXxx(t *testing.T)` functions, and the one the page runs
//! as the program (as `go test -race -run '^TestX$' -v` runs it).
//!
//! The core lists the tests ([`racemap::compile::test_names`], through `services::core`) and
//! compiles the chosen one's runner as the program's `main` ([`CompileOptions::run_test`]); the
//! page only keeps which test is chosen.

use std::rc::Rc;

use racemap::compile::{CompileOptions, LangVersion};

/// The tests of the source being played, and the chosen one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestPick {
    /// The test functions, in source order.
    pub names: Rc<[String]>,
    /// Index of the chosen test in `names`.
    // Invariant: `chosen < names.len()` (never empty: a source without tests has no pick).
    chosen: usize,
}

impl TestPick {
    /// The tests of `source` with `wanted` chosen when it is one of them, else the first;
    /// `None` when `source` is not a test file with tests (a program), or while the core loads.
    pub fn of(source: &str, lang: LangVersion, wanted: Option<&str>) -> Option<TestPick> {
        let names = crate::services::core::test_names(source, lang).flatten()?;
        let chosen = wanted
            .and_then(|w| names.iter().position(|n| n == w))
            .unwrap_or(0);
        Some(TestPick {
            names: Rc::from(names),
            chosen,
        })
    }

    /// The same tests with `name` chosen; `None` when there is no such test.
    pub fn choose(&self, name: &str) -> Option<TestPick> {
        let chosen = self.names.iter().position(|n| n == name)?;
        Some(TestPick {
            names: self.names.clone(),
            chosen,
        })
    }

    /// The chosen test's name.
    pub fn name(&self) -> &str {
        &self.names[self.chosen]
    }
}

/// How the page compiles `source`: as Go `lang`, and as the chosen test's program when the
/// source is a test file. A source that imports `testing` and has no `func main` but no test
/// that compiles either is still compiled as a test file, so that its errors are the test
/// file's (not "package x is not main").
pub fn compile_options(lang: LangVersion, test: Option<&TestPick>, source: &str) -> CompileOptions {
    let test_file =
        test.is_some() || (source.contains("\"testing\"") && !source.contains("func main("));
    CompileOptions {
        lang,
        test_file,
        run_test: test.map(|t| t.chosen as u32),
        ..CompileOptions::default()
    }
}
