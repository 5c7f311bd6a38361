//! The one data-driven test layout (described in `tests/README.md`), shared by every driver.
//!
//! A test directory holds cases: every `NAME.go` is one, and `NAME.expect` beside it holds what
//! racemap must produce for it. Any other file in the directory fails the driver, so no case
//! can be skipped by a hand-kept list or a misspelt extension.
//!
//! An expectation file is plain text: note lines starting with `# ` first, then sections, each
//! a `-- NAME --` header line followed by its body. Sections whose name starts with `go1.`
//! are *references*: what real Go printed for the program, kept exactly as Go printed it and
//! compared by the directory's driver with a documented normalization. All other sections are
//! *produced* by racemap. `UPDATE_EXPECT=1` rewrites the produced sections, keeping the notes
//! and the references as written; without it a difference fails the case (expect-test's
//! `expect_file!` prints the diff). A missing expectation file fails the case unless
//! `UPDATE_EXPECT` is set, which creates it.

// Each test binary uses part of this module.
#![allow(dead_code)]

pub mod ast_nodes;
pub mod go_reference;

use racemap::diag::{render_all, Diagnostic, SourceMap};
use racemap::rt::config::Config;
use racemap::rt::machine::Machine;
use racemap::run::{run_with, RunConfig, RunResult};
use racemap::sched::{Choice, Scheduler};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The extension of a case's program.
pub const PROGRAM_EXTENSION: &str = "go";
/// The extension of a case's expectation file.
pub const EXPECT_EXTENSION: &str = "expect";
/// Section names starting with this are references (what real Go printed).
pub const REFERENCE_PREFIX: &str = "go1.";
/// File name racemap uses for the program in diagnostics, tracebacks and race reports.
pub const PROGRAM_FILE: &str = "prog.go";

/// One `NAME.go` of a test directory.
pub struct Case {
    /// `NAME`.
    pub name: String,
    /// The program text.
    pub source: String,
    /// `NAME.expect`.
    pub expect_path: PathBuf,
}

/// One `-- NAME --` block of an expectation file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// The header's text between `-- ` and ` --`.
    pub name: String,
    /// The lines after the header, each ending in `\n`.
    pub body: String,
}

impl Section {
    /// A section; `body` gets a final newline if it lacks one (the header then says so).
    pub fn new(name: impl Into<String>, body: &str) -> Section {
        let mut name = name.into();
        let mut body = body.to_string();
        if !body.is_empty() && !body.ends_with('\n') {
            name.push_str(NO_FINAL_NEWLINE);
            body.push('\n');
        }
        Section { name, body }
    }

    /// The body as the program printed it (without the newline a `(no final newline)`
    /// header says was added).
    pub fn text(&self) -> &str {
        if self.name.ends_with(NO_FINAL_NEWLINE) {
            self.body.strip_suffix('\n').unwrap_or(&self.body)
        } else {
            &self.body
        }
    }

    /// Whether this is a reference (what real Go printed).
    pub fn is_reference(&self) -> bool {
        self.name.starts_with(REFERENCE_PREFIX)
    }
}

/// Added to a section's name when the text did not end in a newline.
const NO_FINAL_NEWLINE: &str = " (no final newline)";

/// The parts of an expectation file.
#[derive(Debug, Default)]
pub struct Expectation {
    /// The `# ` lines at the top, with their newlines.
    pub notes: String,
    /// Every section in file order.
    pub sections: Vec<Section>,
}

impl Expectation {
    /// Parse an expectation file's text.
    pub fn parse(text: &str) -> Expectation {
        let mut e = Expectation::default();
        for line in text.split_inclusive('\n') {
            if let Some(name) = header_name(line) {
                e.sections.push(Section {
                    name: name.to_string(),
                    body: String::new(),
                });
            } else if let Some(section) = e.sections.last_mut() {
                section.body.push_str(line);
            } else {
                e.notes.push_str(line);
            }
        }
        e
    }

    /// The reference sections (what real Go printed), in file order.
    pub fn references(&self) -> Vec<Section> {
        self.sections
            .iter()
            .filter(|s| s.is_reference())
            .cloned()
            .collect()
    }

    /// The reference section named `name`, if any.
    pub fn reference(&self, name: &str) -> Option<&Section> {
        self.sections
            .iter()
            .find(|s| s.is_reference() && s.name == name)
    }

    /// The file text: notes, then `produced`, then the references.
    fn render(&self, produced: &[Section]) -> String {
        let mut out = self.notes.clone();
        for s in produced.iter().chain(self.references().iter()) {
            out.push_str(&format!("-- {} --\n{}", s.name, s.body));
        }
        out
    }
}

/// `NAME` when `line` is a section header `-- NAME --`.
fn header_name(line: &str) -> Option<&str> {
    line.strip_suffix('\n')
        .unwrap_or(line)
        .strip_prefix("-- ")?
        .strip_suffix(" --")
}

/// `tests/DIR` of this crate.
pub fn test_dir(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(dir)
}

/// Every case of `tests/DIR`, sorted by name (see [`cases_in`]).
pub fn cases(dir: &str) -> Vec<Case> {
    cases_in(&test_dir(dir))
}

/// Every case of the directory `root`, sorted by name. Panics on any file that is neither a
/// program nor the expectation of one, so nothing in the directory goes unchecked.
pub fn cases_in(root: &Path) -> Vec<Case> {
    let mut programs = Vec::new();
    let mut expectations = Vec::new();
    for entry in std::fs::read_dir(root).unwrap_or_else(|e| panic!("{}: {e}", root.display())) {
        let path = entry.expect("readable directory entry").path();
        let stem = path.file_stem().map(|s| s.to_string_lossy().to_string());
        match (path.extension().and_then(|e| e.to_str()), stem) {
            (Some(PROGRAM_EXTENSION), Some(stem)) => programs.push((stem, path)),
            (Some(EXPECT_EXTENSION), Some(stem)) => expectations.push(stem),
            _ => panic!(
                "{}: a test directory holds only NAME.{PROGRAM_EXTENSION} cases and their \
                 NAME.{EXPECT_EXTENSION} files (see tests/README.md)",
                path.display()
            ),
        }
    }
    for stem in &expectations {
        assert!(
            programs.iter().any(|(p, _)| p == stem),
            "{}: {stem}.{EXPECT_EXTENSION} has no {stem}.{PROGRAM_EXTENSION}",
            root.display()
        );
    }
    programs.sort();
    assert!(!programs.is_empty(), "{}: no cases", root.display());
    programs
        .into_iter()
        .map(|(name, path)| Case {
            source: std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display())),
            expect_path: path.with_extension(EXPECT_EXTENSION),
            name,
        })
        .collect()
}

/// Whether `UPDATE_EXPECT` is set.
pub fn updating() -> bool {
    std::env::var_os("UPDATE_EXPECT").is_some()
}

/// The expectation file of `case` as it stands (empty when absent).
pub fn expectation(case: &Case) -> Expectation {
    Expectation::parse(&std::fs::read_to_string(&case.expect_path).unwrap_or_default())
}

/// Run the driver of `tests/DIR`: for every case, `produce` returns the produced sections (given
/// the case and its expectation file, whose references it may check) or the directory rule the
/// case breaks. Every case is checked; the test then fails listing every failing case.
/// `UPDATE_EXPECT` set: expectation files are written instead of compared.
pub fn check_dir(
    dir: &str,
    produce: impl Fn(&Case, &Expectation) -> Result<Vec<Section>, String> + Sync,
) {
    let failures = check_cases_in(&test_dir(dir), updating(), produce);
    assert!(
        failures.is_empty(),
        "{} case(s) of tests/{dir} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// [`check_dir`] on the directory `root`, writing expectation files when `update`; one message
/// per failing case, in case order.
///
/// The cases are independent (each reads its own files and writes only its own expectation),
/// so they are checked on [`case_threads`] threads, each taking the next unchecked case; the
/// messages are then put back in case order, so the result does not depend on the threads.
pub fn check_cases_in(
    root: &Path,
    update: bool,
    produce: impl Fn(&Case, &Expectation) -> Result<Vec<Section>, String> + Sync,
) -> Vec<String> {
    let cases = cases_in(root);
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, Result<(), String>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..case_threads().min(cases.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(case) = cases.get(i) else {
                            return done;
                        };
                        done.push((i, check_case(case, update, &produce)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results
        .into_iter()
        .filter_map(|(i, r)| {
            r.err()
                .map(|message| format!("{}.{PROGRAM_EXTENSION}: {message}", cases[i].name))
        })
        .collect()
}

/// How many threads check a directory's cases: `RUST_TEST_THREADS` when set (as for the test
/// harness; `1` checks them one after another), else the machine's parallelism.
fn case_threads() -> usize {
    std::env::var("RUST_TEST_THREADS")
        .ok()
        .and_then(|v| v.parse().ok())
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1)
        .max(1)
}

/// Held while expect-test prints a case's diff, so the diffs of cases checked at the same
/// time do not interleave.
static DIFF_PRINTING: Mutex<()> = Mutex::new(());

/// Check one case; `Err` says why it failed.
fn check_case(
    case: &Case,
    update: bool,
    produce: &impl Fn(&Case, &Expectation) -> Result<Vec<Section>, String>,
) -> Result<(), String> {
    let exists = case.expect_path.exists();
    if !exists && !update {
        return Err(format!(
            "missing expectation {}: run with UPDATE_EXPECT=1 to create it, then review it",
            case.expect_path.display()
        ));
    }
    let expectation = expectation(case);
    let produced = produce(case, &expectation)?;
    for s in &produced {
        assert!(
            !s.is_reference(),
            "{}: produced a reference section",
            s.name
        );
        if let Some(line) = s.body.lines().find(|l| header_name(l).is_some()) {
            return Err(format!(
                "output line {line:?} looks like a section header; the layout cannot hold it"
            ));
        }
    }
    let actual = expectation.render(&produced);
    let on_disk = std::fs::read_to_string(&case.expect_path).unwrap_or_default();
    if actual == on_disk && exists {
        return Ok(());
    }
    if update {
        println!("updating: {}", case.expect_path.display());
        return std::fs::write(&case.expect_path, &actual).map_err(|e| e.to_string());
    }
    if !updating() {
        // expect-test prints the diff (and how to update) as it panics.
        let file = expect_test::expect_file![&case.expect_path];
        let _printing = DIFF_PRINTING.lock().unwrap_or_else(|e| e.into_inner());
        let _ = std::panic::catch_unwind(|| file.assert_eq(&actual));
    }
    Err("output differs from the expectation (diff above)".to_string())
}

/// The diagnostics as `go build` prints them, in one section.
pub fn diagnostics_section(diags: &[Diagnostic], source: &str) -> Section {
    Section::new(
        "diagnostics",
        &render_all(diags, &SourceMap::new(PROGRAM_FILE, source)),
    )
}

/// What `racemap run` shows: stdout, stderr (omitted when empty) and the exit status.
pub fn run_sections(result: &RunResult) -> Vec<Section> {
    let mut out = Vec::new();
    if !result.stdout.is_empty() {
        out.push(Section::new("stdout", &result.stdout));
    }
    if !result.stderr.is_empty() {
        out.push(Section::new("stderr", &result.stderr));
    }
    out.push(match result.exit_code {
        Some(code) => Section::new(format!("exit status {code}"), ""),
        None => Section::new("no exit status: the run paused", ""),
    });
    out
}

/// Takes the first runnable move (the machine's deterministic order), except that a goroutine
/// passed over for [`FirstRunnable::PATIENCE`] steps in a row goes first: every runnable
/// goroutine runs eventually, as under Go's scheduler, so a goroutine spinning until another
/// one acts (an atomic flag, a `select` with `default`) cannot starve it.
#[derive(Default)]
pub struct FirstRunnable {
    /// Per goroutine (by machine index): steps in a row it could move and another moved.
    passed_over: Vec<u32>,
}

impl FirstRunnable {
    /// Steps a runnable goroutine waits behind lower ones before it goes first.
    const PATIENCE: u32 = 1_000;
}

impl Scheduler for FirstRunnable {
    fn pick(&mut self, choices: &[Choice]) -> Option<Choice> {
        let mut pick = *choices.first()?;
        if let Some(starved) = choices.iter().find(|c| {
            self.passed_over
                .get(c.gid.0 as usize)
                .is_some_and(|&n| n >= Self::PATIENCE)
        }) {
            pick = *starved;
        }
        for c in choices {
            let i = c.gid.0 as usize;
            if self.passed_over.len() <= i {
                self.passed_over.resize(i + 1, 0);
            }
            if c.gid == pick.gid {
                self.passed_over[i] = 0;
            } else if !choices[..]
                .iter()
                .take_while(|d| *d != c)
                .any(|d| d.gid == c.gid)
            {
                self.passed_over[i] += 1;
            }
        }
        // A goroutine not offered this step starts counting afresh.
        for (i, n) in self.passed_over.iter_mut().enumerate() {
            if !choices.iter().any(|c| c.gid.0 as usize == i) {
                *n = 0;
            }
        }
        Some(pick)
    }
}

/// Compile `source` as `prog.go`: the machine, or the diagnostics section.
pub fn machine(source: &str) -> Result<Machine, Section> {
    machine_as(source, racemap::compile::LangVersion::DEFAULT)
}

/// [`machine`], compiled as the Go language version `lang`.
pub fn machine_as(source: &str, lang: racemap::compile::LangVersion) -> Result<Machine, Section> {
    let options = racemap::compile::CompileOptions {
        lang,
        ..Default::default()
    };
    compiled_machine(source, &options)
}

/// A machine for `source` compiled with `options`.
fn compiled_machine(
    source: &str,
    options: &racemap::compile::CompileOptions,
) -> Result<Machine, Section> {
    match racemap::compile::compile_with(source.as_bytes(), PROGRAM_FILE, options) {
        Ok(p) => Ok(Machine::new(Rc::new(p), Config::default())),
        Err(d) => Err(diagnostics_section(&d, source)),
    }
}

/// Compile and run with `scheduler` (no race detector, like `go run` without `-race`), on the
/// clock of `racemap run`: virtual time that also passes with the steps.
pub fn run_sequentially(source: &str, scheduler: &mut dyn Scheduler) -> Result<RunResult, Section> {
    let config = RunConfig {
        race_detection: false,
        record_events: false,
        ..RunConfig::default()
    };
    // Compiled as `go run` compiles, without the race detector's instrumentation.
    let options = racemap::compile::CompileOptions {
        race: false,
        ..Default::default()
    };
    let mut machine = compiled_machine(source, &options)?;
    machine.set_wake_order(racemap::rt::config::WakeOrder::RunningClock);
    Ok(run_with(machine, scheduler, &config))
}

/// Compile and run `case` with [`FirstRunnable`] and no race detector; the produced sections
/// (the diagnostics when it does not compile), after checking the run against the case's Go
/// references ([`go_reference`]).
pub fn run_like_go(case: &Case, expectation: &Expectation) -> Result<Vec<Section>, String> {
    match run_sequentially(&case.source, &mut FirstRunnable::default()) {
        Ok(result) => {
            go_reference::compare_with_go(expectation, &result)?;
            Ok(run_sections(&result))
        }
        Err(diagnostics) if expectation.references().is_empty() => Ok(vec![diagnostics]),
        Err(diagnostics) => Err(format!(
            "does not compile, but Go ran it:\n{}",
            diagnostics.body
        )),
    }
}
