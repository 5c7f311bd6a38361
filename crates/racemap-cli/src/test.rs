//! `racemap test FILE_test.go [--run REGEX] [--seed N] [-v]`: run each `TestXxx(t *testing.T)`
//! of a test file in its own machine (the seeded Go-like scheduler, `sched::go_runtime`, race
//! detector on) and print what
//! `go test -race [-v] FILE_test.go` prints: `=== RUN`, the test's log lines and output, race
//! reports with `testing.go:1319: race detected during execution of test`, panics,
//! `--- PASS/FAIL/SKIP: TestX (0.00s)`, then `PASS`/`FAIL` and the `ok`/`FAIL` line for
//! `command-line-arguments`. Times are printed as zero (racemap's clock is virtual).
//!
//! Examples (`func ExampleXxx()` whose body ends with an `// Output:` or `// Unordered output:`
//! comment) run after the tests, on the main goroutine, in source order, selected by `--run`
//! too: their stdout is captured and compared with the comment (`--- FAIL: ExampleX` with
//! `got:`/`want:` fails the binary); a race during an example fails the binary at its end, as
//! Go's `race.Errors()` check does. Benchmarks (`func BenchmarkX(b *testing.B)`) compile but
//! never run, as under `go test` without `-bench`.
//!
//! A test runs on its own goroutine (Go's goroutine 7 under `-race`, under `testing.tRunner`,
//! created by `testing.(*T).Run` on the main goroutine), as in Go; a top-level test that calls
//! `t.Parallel()` prints the rest of its output after the sequential tests (the last paused
//! first; Go's order of several paused tests varies from run to run). Differences from Go kept on
//! purpose (racemap's model): a test ends
//! when its function returns and every goroutine it started is done or blocked (goroutines
//! still blocked then are its leaks, which `--explore` reports). A panicking test ends the run
//! as in Go (the remaining tests do not run); so does a fatal error, printed without a
//! `--- FAIL` line as Go does. A test that blocks forever ends with Go's runtime report
//! `fatal error: all goroutines are asleep - deadlock!` where real `go test` hangs until its
//! `-timeout` (`panic: test timed out after 10m0s`).

use crate::args::{lang, number, read_program, schedule_value, usage, UsageError};
use racemap::bytecode::Program;
use racemap::rt::config::{Config, WakeOrder};
use racemap::rt::machine::Machine;
use racemap::rt::sync_state::SyncState;
use racemap::run::{RunEnd, Session};
use racemap::sched::{GoScheduler, ReplayScheduler, Schedule, Scheduler};
use racemap::target::Target;
use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;

/// The import path `go test` reports for files named on its command line.
const PACKAGE: &str = "command-line-arguments";

/// `go test`'s exit status when the test file does not compile.
const EXIT_BUILD_FAILED: u8 = 2;

/// `go test`'s exit status when its setup fails (the file does not parse, a test function's
/// signature is wrong).
const EXIT_SETUP_FAILED: u8 = 1;

/// Run the command.
pub fn main(mut parser: lexopt::Parser) -> Result<u8, UsageError> {
    let mut file: Option<PathBuf> = None;
    let mut filter: Option<regex::Regex> = None;
    let mut seed = 0u64;
    let mut chatty = false;
    let mut max_steps = racemap::run::RunConfig::default().max_steps;
    let mut schedule: Option<Schedule> = None;
    let mut explore: Option<crate::test_explore::ExploreOptions> = None;
    let mut json = false;
    let mut stats = false;
    let mut max_executions: Option<u64> = None;
    let mut max_total_steps: Option<u64> = None;
    let mut search: Option<racemap::explore::SearchAlgorithm> = None;
    let mut lang_version = racemap::compile::LangVersion::DEFAULT;
    while let Some(arg) = parser.next().map_err(usage)? {
        match arg {
            lexopt::Arg::Long("lang") => lang_version = lang(&mut parser)?,
            lexopt::Arg::Long("schedule") => schedule = Some(schedule_value(&mut parser)?),
            lexopt::Arg::Long("explore") => {
                explore = Some(crate::test_explore::ExploreOptions::default())
            }
            lexopt::Arg::Long("json") => json = true,
            lexopt::Arg::Long("stats") => stats = true,
            lexopt::Arg::Long("max-executions") => {
                max_executions = Some(number(&mut parser, "--max-executions")?)
            }
            lexopt::Arg::Long("max-total-steps") => {
                max_total_steps = Some(number(&mut parser, "--max-total-steps")?)
            }
            lexopt::Arg::Long("search") => {
                search = Some(crate::explore::search_value(&mut parser)?)
            }
            lexopt::Arg::Long("run") => {
                let text = parser
                    .value()
                    .map_err(usage)?
                    .to_string_lossy()
                    .into_owned();
                let re = regex::Regex::new(&text).map_err(|e| format!("--run {text:?}: {e}"))?;
                filter = Some(re);
            }
            lexopt::Arg::Long("seed") => seed = number(&mut parser, "--seed")?,
            lexopt::Arg::Long("max-steps") => max_steps = number(&mut parser, "--max-steps")?,
            lexopt::Arg::Short('v') | lexopt::Arg::Long("v") => chatty = true,
            lexopt::Arg::Value(v) if file.is_none() => file = Some(v.into()),
            other => return Err(other.unexpected().to_string()),
        }
    }
    let file = file.ok_or("test needs a FILE_test.go")?;
    let (name, source) = read_program(&file)?;
    let options = racemap::compile::CompileOptions {
        lang: lang_version,
        test_file: true,
        ..Default::default()
    };
    if let Some(diagnostic) = racemap::compile::test_setup_error(&source) {
        // `go test` parses the file and checks its test functions' signatures before it
        // builds anything.
        let map = racemap::diag::SourceMap::from_bytes(&name, &source);
        eprintln!("# {PACKAGE}");
        eprint!("{}", racemap::diag::render_all(&[diagnostic], &map));
        println!("FAIL\t{PACKAGE} [setup failed]\nFAIL");
        return Ok(EXIT_SETUP_FAILED);
    }
    let program = match racemap::compile::compile_with(&source, &name, &options) {
        Ok(p) => p,
        Err(diagnostics) => {
            let map = racemap::diag::SourceMap::from_bytes(&name, &source);
            eprintln!("# {PACKAGE} [{PACKAGE}.test]");
            eprint!("{}", racemap::diag::render_all(&diagnostics, &map));
            println!("FAIL\t{PACKAGE} [build failed]\nFAIL");
            return Ok(EXIT_BUILD_FAILED);
        }
    };
    let selected: Vec<usize> = (0..program.tests.len())
        .filter(|&i| {
            filter
                .as_ref()
                .is_none_or(|re| re.is_match(&program.tests[i].name))
        })
        .collect();
    if let Some(mut options) = explore {
        options.json = json;
        options.stats = stats;
        if lang_version != racemap::compile::LangVersion::DEFAULT {
            options.lang_flag = format!(" --lang {lang_version}");
        }
        if let Some(re) = &filter {
            options.run_flag = format!(" --run '{}'", re.as_str().replace('\'', "'\\''"));
        }
        if let Some(n) = max_executions {
            options.dpor.max_executions = n;
        }
        if let Some(n) = max_total_steps {
            options.dpor.max_total_steps = n;
        }
        if let Some(search) = search {
            options.dpor.search = search;
        }
        options.dpor.max_steps_per_execution = max_steps;
        options.source = Some((source.clone(), name.clone(), lang_version));
        return Ok(crate::test_explore::explore_tests(
            &program, &selected, &name, &options,
        ));
    }
    let Some(binary) = program.for_tests(&selected, chatty) else {
        return Err("the file is not a test file".to_string());
    };
    let mut scheduler: Box<dyn Scheduler> = match &schedule {
        Some(s) => Box::new(ReplayScheduler::new(
            s.clone(),
            Some(Box::new(GoScheduler::new(seed))),
        )),
        None => Box::new(GoScheduler::new(seed)),
    };
    let replayed = schedule.as_ref().map_or(0, |s| s.len());
    // With a `TestMain`, `m.Run()` printed `PASS`/`FAIL` and the exit status is the binary's
    // (`os.Exit`; a nonzero one ended the run as a crash with no text).
    let test_main = binary.test_binary.as_ref().is_some_and(|b| b.test_main);
    let r = run_test(binary, scheduler.as_mut(), max_steps, replayed);
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(r.output.as_bytes());
    if let Some(crash) = r.crash {
        // The test binary dies: no summary of the remaining tests.
        let _ = out.write_all(crash.as_bytes());
        let _ = writeln!(out, "FAIL\t{PACKAGE}\t0.000s\nFAIL");
        return Ok(1);
    }
    // Go prints the warning with -v only, and marks the summary line.
    if selected.is_empty() && chatty {
        let _ = writeln!(out, "testing: warning: no tests to run");
    }
    let none = if selected.is_empty() {
        " [no tests to run]"
    } else {
        ""
    };
    if test_main && !r.limit {
        let _ = writeln!(out, "ok  \t{PACKAGE}\t0.000s{none}");
        Ok(0)
    } else if r.failed {
        let _ = writeln!(out, "FAIL\nFAIL\t{PACKAGE}\t0.000s\nFAIL");
        Ok(1)
    } else {
        if chatty {
            let _ = writeln!(out, "PASS");
        }
        let _ = writeln!(out, "ok  \t{PACKAGE}\t0.000s{none}");
        Ok(0)
    }
}

/// What one run of the test binary showed.
pub struct TestRun {
    /// Its stdout (`=== RUN`, logs, `--- PASS/FAIL` lines, print output) and race reports,
    /// in the order they happened.
    pub output: String,
    /// The binary fails: a test failed, the race detector reported a race (Go's `m.Run`
    /// checks `race.Errors()`), or a racemap limit stopped it.
    pub failed: bool,
    /// The top-level tests that failed, in the order they started, then the examples that
    /// failed.
    pub failed_tests: Vec<String>,
    /// A panic or fatal error ended the test binary: Go's text for it.
    pub crash: Option<String>,
    /// A racemap limit stopped the binary.
    pub limit: bool,
    /// Goroutines still blocked when the binary ended
    /// (`goroutine 8 [chan send]: command-line-arguments.TestX.func1 at x_test.go:12`).
    pub leaked: Vec<String>,
}

/// Run one test program to its end with `scheduler`. During the first `replayed` steps (a
/// schedule's moves) sleepers and timers may wake at any time, as in the explorer that found
/// the schedule (`WakeOrder::AnyTime`); after them, in virtual time that also passes while
/// goroutines run (`WakeOrder::RunningClock`).
pub fn run_test(
    program: Program,
    scheduler: &mut dyn Scheduler,
    max_steps: u64,
    replayed: usize,
) -> TestRun {
    let config = Config {
        max_steps,
        // Go's test goroutine is 7 under -race; the goroutines a test starts are 8, 9, …
        first_goroutine_id: 7,
        ..Config::default()
    };
    let machine = Machine::new(Rc::new(program), config);
    let mut session = Session::new(machine, true, false);
    let mut output = String::new();
    let (mut seen_out, mut seen_err) = (0, 0);
    let mut steps = 0u64;
    let mut limit = false;
    while session.target.ending().is_none() {
        session
            .target
            .set_wake_order(if (steps as usize) < replayed {
                WakeOrder::AnyTimeUnbounded
            } else {
                WakeOrder::RunningClock
            });
        let choices = session.target.runnable();
        if choices.is_empty() || steps >= max_steps {
            limit = steps >= max_steps;
            break;
        }
        let Some(choice) = scheduler.pick(&choices) else {
            break;
        };
        let events = session.step(choice);
        scheduler.observe(choice, &events);
        steps += 1;
        let so = session.target.stdout_bytes();
        output.push_str(&String::from_utf8_lossy(&so[seen_out..]));
        seen_out = so.len();
        output.push_str(&session.stderr[seen_err..]);
        seen_err = session.stderr.len();
    }
    let (root_failed, failed_tests) = test_states(&session.target);
    let leaked = session.target.leaked_goroutines();
    let race = !session.races().is_empty();
    let result = session.finish(None);
    let mut crash = None;
    match result.end {
        RunEnd::Failed => {
            let text = &result.stderr[seen_err.min(result.stderr.len())..];
            crash = Some(text.to_string());
        }
        RunEnd::Limit | RunEnd::Internal => {
            output.push_str(&result.stderr[seen_err.min(result.stderr.len())..]);
            limit = true;
        }
        _ => {}
    }
    TestRun {
        output,
        failed: root_failed || race || limit,
        failed_tests,
        crash,
        limit,
        leaked,
    }
}

/// Whether the root `testing.T` failed, and the top-level tests that failed (by the order
/// their `T`s were made).
fn test_states(m: &Machine) -> (bool, Vec<String>) {
    let ts: Vec<_> = m
        .sync_objects()
        .into_iter()
        .filter_map(|(p, s)| match s {
            SyncState::TestingT(t) => Some((p, t)),
            _ => None,
        })
        .collect();
    let root = ts.iter().find(|(_, t)| t.parent.is_none());
    let root_failed = root.is_some_and(|(_, t)| t.failed);
    let mut failed: Vec<String> = ts
        .iter()
        .filter(|(_, t)| t.failed && root.is_some_and(|(r, _)| t.parent.as_ref() == Some(r)))
        .map(|(_, t)| t.name.clone())
        .collect();
    // The examples run after the tests.
    failed.extend(
        root.iter()
            .flat_map(|(_, t)| t.failed_examples.iter().cloned()),
    );
    (root_failed, failed)
}
