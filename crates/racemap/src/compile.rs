//! The compile entry point: Go source → parse → check → lower → [`Program`].
//!
//! Diagnostics of every phase are values in Go's wording (`prog.go:LINE:COL: message`, see
//! [`crate::diag`]); the first phase that reports errors stops the pipeline.

use crate::bytecode::Program;
use crate::diag::{Diagnostic, SourceMap};
use crate::lang::lexer::decode_source;
pub use crate::lang::version::LangVersion;
use crate::lang::{check, lower, parser};

/// The file name used in messages when none is given.
pub const DEFAULT_FILE_NAME: &str = "prog.go";

/// Compile a Go program named `prog.go`.
pub fn compile(source: &str) -> Result<Program, Vec<Diagnostic>> {
    compile_named(source, DEFAULT_FILE_NAME)
}

/// Compile a Go program; `file_name` appears in diagnostics, stack traces and race reports.
pub fn compile_named(source: &str, file_name: &str) -> Result<Program, Vec<Diagnostic>> {
    compile_bytes(source.as_bytes(), file_name)
}

/// Compile a Go file as read from disk. Bytes that are not UTF-8, NUL bytes and misplaced byte
/// order marks are reported where Go reports them (`invalid UTF-8 encoding`, at byte columns);
/// like Go's compiler, these errors do not stop type checking, a syntax error does.
pub fn compile_bytes(source: &[u8], file_name: &str) -> Result<Program, Vec<Diagnostic>> {
    compile_with(source, file_name, &CompileOptions::default())
}

/// How to compile: the Go language version (`go.mod`'s `go` line), whether the file is a
/// program or a `_test.go` file, and whether it is built for the race detector.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CompileOptions {
    /// The language version; the default is the modern semantics ([`LangVersion::DEFAULT`]).
    pub lang: LangVersion,
    /// A `_test.go` file (any package name, no `main`): the program's [`Program::tests`] lists
    /// its `TestXxx(t *testing.T)` functions, each run by [`Program::for_test`].
    pub test_file: bool,
    /// With `test_file`: compile the program that runs this test of [`Program::tests`] (by
    /// index) as its `main`, as `go test -run '^TestX$' -v` runs it ([`Program::for_test`]).
    pub run_test: Option<u32>,
    /// Built as `go build -race` builds (gc's `Instrumenting`): a few operands are then read
    /// at their place among the calls of their expression rather than after them (a map
    /// index, a type assertion to a pointer-shaped type: `lang::lower::order`). On by default,
    /// as racemap's runs watch for races; `racemap run --no-race` compiles as `go run` does.
    #[serde(default = "race_by_default")]
    pub race: bool,
}

fn race_by_default() -> bool {
    true
}

impl Default for CompileOptions {
    fn default() -> CompileOptions {
        CompileOptions {
            lang: LangVersion::default(),
            test_file: false,
            run_test: None,
            race: race_by_default(),
        }
    }
}

/// The names of the `TestXxx(t *testing.T)` functions of `source` when it compiles as a
/// `_test.go` file with at least one test (any package name); `None` otherwise. A front end uses
/// it to offer a test picker for a pasted test file.
pub fn test_names(source: &str, lang: LangVersion) -> Option<Vec<String>> {
    if !source.contains("func Test") {
        return None;
    }
    let options = CompileOptions {
        lang,
        test_file: true,
        ..CompileOptions::default()
    };
    let program = compile_with(source.as_bytes(), DEFAULT_FILE_NAME, &options).ok()?;
    // Not the examples (after the tests in `Program::tests`): the page runs tests.
    let names: Vec<String> = program
        .tests
        .iter()
        .filter(|t| t.example.is_none())
        .map(|t| t.name.clone())
        .collect();
    (!names.is_empty()).then_some(names)
}

/// Compile a `_test.go` file (see [`CompileOptions::test_file`]).
pub fn compile_test_bytes(source: &[u8], file_name: &str) -> Result<Program, Vec<Diagnostic>> {
    let options = CompileOptions {
        test_file: true,
        ..CompileOptions::default()
    };
    compile_with(source, file_name, &options)
}

/// `go test`'s setup of a `_test.go` file, before it is compiled (Go 1.19's
/// `cmd/go/internal/load`: the file is parsed by `go/parser`, then its test functions' signatures
/// are checked, [`check::test_signatures`]): the first error, or `None`. A file that does not
/// parse fails here with its first error by position; the source reader's errors are worded as
/// `go/scanner` words them (`illegal UTF-8 encoding`), syntax errors keep the compiler's wording
/// (`go/parser` says `expected operand, found '}'` where gc says `syntax error: unexpected }, …`).
pub fn test_setup_error(source: &[u8]) -> Option<Diagnostic> {
    let (text, invalid_utf8) = decode_source(source);
    let (file, diags) = parser::parse_decoded(&text, &invalid_utf8);
    if let Some(first) = diags.into_iter().min_by_key(|d| d.span.lo) {
        let message = match first.message.as_str() {
            "invalid NUL character" => "illegal character NUL".to_string(),
            "invalid UTF-8 encoding" => "illegal UTF-8 encoding".to_string(),
            "invalid BOM in the middle of the file" => "illegal byte order mark".to_string(),
            _ => first.message,
        };
        return Some(Diagnostic::error(first.span, message));
    }
    check::test_signatures::wrong_signature(&file)
}

/// Compile a Go file as read from disk (see [`compile_bytes`]) with `options`.
pub fn compile_with(
    source: &[u8],
    file_name: &str,
    options: &CompileOptions,
) -> Result<Program, Vec<Diagnostic>> {
    let (text, invalid_utf8) = decode_source(source);
    let (file, mut diags) = parser::parse_decoded(&text, &invalid_utf8);
    if !diags.iter().all(|d| is_source_reader_error(&d.message)) {
        return Err(diags);
    }
    // With the source map, messages name their second position as Go does
    // (`x redeclared in this block` + `\tprog.go:4:6: other declaration of x`).
    let map = SourceMap::new(file_name, &text);
    let checked = check::check_owned(file, Some(&map), options.lang, options.test_file);
    match checked {
        Ok(checked) if diags.is_empty() && options.test_file => {
            let program = lower::lower_test_with(checked, &text, file_name, options.race)?;
            match options.run_test {
                None => Ok(program),
                Some(i) => program.for_test(i as usize, true).ok_or_else(|| {
                    vec![Diagnostic::error(
                        crate::diag::Span::default(),
                        format!("no test number {i}: the file has {}", program.tests.len()),
                    )]
                }),
            }
        }
        Ok(checked) if diags.is_empty() => {
            lower::lower_with(checked, &text, file_name, options.race)
        }
        Ok(_) => Err(diags),
        Err(more) => {
            diags.extend(more);
            Err(diags)
        }
    }
}

/// An error of Go's source reader: the character is skipped (or read as U+FFFD), the tokens
/// are whole, and Go goes on to type-check the file. (Go also type-checks after its other
/// non-`syntax error` messages; racemap stops there, its tree may hold recovery nodes.)
fn is_source_reader_error(message: &str) -> bool {
    matches!(
        message,
        "invalid NUL character"
            | "invalid UTF-8 encoding"
            | "invalid BOM in the middle of the file"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{render_all, SourceMap};

    // Go 1.19 prints the same two lines (with `./` before the file name).
    #[test]
    fn messages_name_their_second_position_as_go_does() {
        let src = "package main\n\nfunc main() {\n\tvar x int\n\tvar x string\n\t_ = x\n}\n";
        let diags = compile_named(src, "dup.go").expect_err("redeclared");
        let text = render_all(&diags, &SourceMap::new("dup.go", src));
        assert_eq!(
            text,
            "dup.go:5:6: x redeclared in this block\n\tdup.go:4:6: other declaration of x\n"
        );
    }

    fn diagnostics_as(src: &str, lang: LangVersion) -> String {
        let options = CompileOptions {
            lang,
            ..CompileOptions::default()
        };
        match compile_with(src.as_bytes(), "m.go", &options) {
            Ok(_) => String::new(),
            Err(diags) => render_all(&diags, &SourceMap::new("m.go", src)),
        }
    }

    // Go 1.19 printed these two lines (`./m.go:…`); Go 1.21 has `min` and `clear`.
    #[test]
    fn min_max_clear_are_undefined_before_go_1_21() {
        let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(min(1, 2))\n\tm := map[int]int{1: 1}\n\tclear(m)\n}\n";
        assert_eq!(
            diagnostics_as(src, LangVersion::GO1_19),
            "m.go:6:14: undefined: min\nm.go:8:2: undefined: clear\n"
        );
        assert_eq!(diagnostics_as(src, LangVersion::GO1_21), "");
    }

    // Go 1.19 printed these two lines (`./m.go:…`): Swap and CompareAndSwap are Go 1.20's.
    #[test]
    fn sync_map_swap_is_undefined_before_go_1_20() {
        let src = "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar m sync.Map\n\tm.Swap(\"a\", 1)\n\t_ = m.CompareAndSwap(\"a\", 1, 2)\n}\n";
        assert_eq!(
            diagnostics_as(src, LangVersion::GO1_19),
            "m.go:7:4: m.Swap undefined (type sync.Map has no field or method Swap)\n\
             m.go:8:8: m.CompareAndSwap undefined (type sync.Map has no field or method CompareAndSwap)\n"
        );
        assert_eq!(diagnostics_as(src, LangVersion::GO1_21), "");
    }

    // Go 1.19 printed `./m.go:5:17: cannot range over 3 (untyped int constant)`.
    #[test]
    fn range_over_an_integer_needs_go_1_22() {
        let src = "package main\n\nfunc main() {\n\tn := 0\n\tfor i := range 3 {\n\t\tn += i\n\t}\n\t_ = n\n}\n";
        assert_eq!(
            diagnostics_as(src, LangVersion::GO1_21),
            "m.go:5:17: cannot range over 3 (untyped int constant)\n"
        );
        assert_eq!(diagnostics_as(src, LangVersion::GO1_22), "");
    }

    #[test]
    fn loop_variables_are_shared_before_go_1_22_and_per_iteration_after() {
        let src = include_str!("../tests/race_programs_go1_21/loop_closure_race.go");
        let race_as = |lang| {
            let options = CompileOptions {
                lang,
                ..CompileOptions::default()
            };
            let program = compile_with(src.as_bytes(), "prog.go", &options).expect("compiles");
            let machine = crate::rt::machine::Machine::new(
                std::rc::Rc::new(program),
                crate::rt::config::Config::default(),
            );
            let result = crate::explore::explore(machine, &crate::explore::DporConfig::default());
            assert!(result.complete);
            result.race
        };
        assert!(race_as(LangVersion::GO1_21));
        assert!(!race_as(LangVersion::GO1_22));
    }
}

#[cfg(test)]
mod supported_tests {
    //! The page's list of what racemap understands is true: each supported example compiles,
    //! each unsupported one is refused with `racemap does not support`.

    use super::*;
    use crate::lang::supported::{SUPPORTED, UNSUPPORTED};

    #[test]
    fn every_supported_construct_compiles() {
        for c in SUPPORTED {
            if let Err(diags) = compile(&c.program()) {
                let text =
                    crate::diag::render_all(&diags, &SourceMap::new("prog.go", &c.program()));
                panic!("{}: does not compile:\n{}\n{text}", c.name, c.program());
            }
        }
    }

    #[test]
    fn every_unsupported_construct_is_refused_as_unsupported() {
        for c in UNSUPPORTED {
            match compile(&c.program()) {
                Ok(_) => panic!(
                    "{}: compiles, so it is supported now:\n{}",
                    c.name,
                    c.program()
                ),
                Err(diags) => assert!(
                    diags
                        .iter()
                        .any(|d| d.message.starts_with("racemap does not support")),
                    "{}: {:?}",
                    c.name,
                    diags.iter().map(|d| &d.message).collect::<Vec<_>>()
                ),
            }
        }
    }
}

#[cfg(test)]
mod test_file_tests {
    //! A `_test.go` file in a front end: its tests listed, one run as the program.

    use super::*;

    const TEST_FILE: &str = "package cache\n\nimport \"testing\"\n\nfunc TestQuiet(t *testing.T) {\n\tt.Log(\"quiet\")\n}\n\nfunc TestRacy(t *testing.T) {\n\tn := 0\n\tdone := make(chan bool)\n\tgo func() {\n\t\tn++\n\t\tdone <- true\n\t}()\n\tn++\n\t<-done\n\tt.Log(\"racy\", n)\n}\n";

    #[test]
    fn a_test_file_lists_its_tests_and_runs_the_chosen_one_as_the_program() {
        let lang = LangVersion::DEFAULT;
        assert_eq!(
            test_names(TEST_FILE, lang),
            Some(vec!["TestQuiet".to_string(), "TestRacy".to_string()])
        );
        // A program is not a test file.
        assert_eq!(test_names("package main\n\nfunc main() {}\n", lang), None);
        let options = CompileOptions {
            lang,
            test_file: true,
            run_test: Some(1),
            ..CompileOptions::default()
        };
        let program =
            compile_with(TEST_FILE.as_bytes(), DEFAULT_FILE_NAME, &options).expect("compiles");
        let machine = crate::rt::machine::Machine::new(
            std::rc::Rc::new(program),
            crate::rt::config::Config::default(),
        );
        let config = crate::run::RunConfig {
            seed: 1,
            ..crate::run::RunConfig::default()
        };
        let r = crate::run::run(machine, &config);
        // TestRacy ran (its log, not TestQuiet's), and its goroutine is numbered as under
        // `go test -race`: 8, the test itself being 7.
        // (n is 2, or 1 when the interleaving loses an update.)
        assert!(r.stdout.contains("racy "), "{}", r.stdout);
        assert!(!r.stdout.contains("quiet"), "{}", r.stdout);
        assert!(r.stderr.contains("WARNING: DATA RACE"), "{}", r.stderr);
        assert!(r.stderr.contains("by goroutine 8:"), "{}", r.stderr);
        let out_of_range = CompileOptions {
            run_test: Some(2),
            ..options
        };
        assert!(compile_with(TEST_FILE.as_bytes(), DEFAULT_FILE_NAME, &out_of_range).is_err());
    }

    /// The test binary runs every test in one machine, as `go test` runs them in one process:
    /// a test sees what an earlier one stored, and two top-level tests that call `t.Parallel()`
    /// run at the same time after the sequential ones, so the search finds their race (and the
    /// runs where one ends before the other starts, ordered by `testing`'s mutex).
    #[test]
    fn the_test_binary_runs_every_test_in_one_machine() {
        let source = "package hits\n\nimport \"testing\"\n\nvar hits int\n\n\
            func TestSet(t *testing.T) {\n\thits = 40\n}\n\n\
            func TestOne(t *testing.T) {\n\tt.Parallel()\n\thits++\n}\n\n\
            func TestTwo(t *testing.T) {\n\tt.Parallel()\n\thits++\n}\n\n\
            func TestSeen(t *testing.T) {\n\tt.Log(hits)\n}\n";
        let program = compile_test_bytes(source.as_bytes(), "hits_test.go").expect("compiles");
        let explore = |selected: &[usize]| {
            let p = program.for_tests(selected, true).expect("a test file");
            let m = crate::rt::machine::Machine::new(
                std::rc::Rc::new(p),
                crate::rt::config::Config::default(),
            );
            crate::explore::explore(m, &crate::explore::DporConfig::default())
        };
        // TestSeen logs 40: TestSet's store carried over (the parallel tests wait for it).
        let r = explore(&[0, 3]);
        assert!(r.complete && !r.race);
        assert!(r
            .outcomes
            .iter()
            .all(|o| o.stdout.contains("hits_test.go:22: 40\n")));
        let r = explore(&[1, 2]);
        assert!(r.complete && r.race, "the parallel tests race");
        assert!(r.outcomes.iter().any(|o| !o.race), "or one ends first");
        let paused = "=== RUN   TestOne\n=== PAUSE TestOne\n=== RUN   TestTwo\n=== PAUSE TestTwo\n";
        assert!(r.outcomes.iter().all(|o| o.stdout.starts_with(paused)));
        // One test alone has no race.
        assert!(!explore(&[1]).race);
    }
}
