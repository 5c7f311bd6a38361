//! `racemap test FILE_test.go --explore [--json] [--stats] [--max-executions N] [--run REGEX]`: every
//! interleaving of the test binary's run (the selected tests one after the other in one
//! process, then the selected examples, as `go test` runs them; the explorer's search, `racemap explore`'s), each distinct
//! outcome replayed to tell which tests failed (`t.Error`, `t.Fatal`, a race during the test;
//! an example whose output differs from its comment)
//! and which goroutines were left blocked (a leak, what `goleak.VerifyNone` reports; in real
//! `go test` such goroutines hang or leak silently).
//!
//! `--json` prints one object: `{"tests": [names], "complete", "limit", "executions", "race",
//! "deadlock", "leak", "failed", "outcomes": [{"error", "race", "failed", "failed_tests",
//! "leaked", "output", "count", "schedule", "early_wakes", "overtakes"}]}` (`limit`: what kept
//! the search from every interleaving, as in `racemap explore --json`, or `null`;
//! `early_wakes` and `overtakes` (present only when not empty) as there: the sleeps the
//! outcome's schedule cuts short and the goroutines it passes in Go's queues, also printed
//! under its replay command). Exit status 1 when the binary can
//! race, deadlock, leak or fail.

use crate::explore::two_cores;
use crate::test::run_test;
use racemap::bytecode::Program;
use racemap::explore::parallel::explore_parallel;
use racemap::explore::{explore, DporConfig};
use racemap::rt::config::Config;
use racemap::rt::machine::Machine;
use racemap::sched::{ReplayScheduler, Schedule};
use serde_json::json;
use std::rc::Rc;

/// How to explore.
#[derive(Default)]
pub struct ExploreOptions {
    /// Print JSON.
    pub json: bool,
    /// Print the search's cost as JSON on stderr (one thread, as `racemap explore --stats`).
    pub stats: bool,
    /// The search's budgets.
    pub dpor: DporConfig,
    /// The `--lang` option the file was compiled with, for the replay commands (`" --lang
    /// go1.21"`, empty for the default).
    pub lang_flag: String,
    /// The `--run` option that selected the tests, for the replay commands (`" --run
    /// '^TestX$'"`, empty when every test runs).
    pub run_flag: String,
    /// The file's bytes, its name and language version, as compiled: each thread of the
    /// default search on two threads compiles its own copy (`explore_parallel`).
    pub source: Option<(Vec<u8>, String, racemap::compile::LangVersion)>,
}

/// Explore the test binary that runs the tests `selected` (indices into `program.tests`) of
/// the file `file`; the exit status.
pub fn explore_tests(
    program: &Program,
    selected: &[usize],
    file: &str,
    options: &ExploreOptions,
) -> u8 {
    let Some(p) = program.for_tests(selected, true) else {
        return 1;
    };
    let names: Vec<&str> = selected
        .iter()
        .filter_map(|&i| program.tests.get(i).map(|t| t.name.as_str()))
        .collect();
    let config = Config {
        first_goroutine_id: 7,
        ..Config::default()
    };
    let p = Rc::new(p);
    let root = Machine::new(p.clone(), config.clone());
    let result = match &options.source {
        _ if options.stats => {
            let mut explorer = racemap::explore::Explorer::new(root, &options.dpor);
            explorer.advance(u64::MAX);
            match serde_json::to_string(&explorer.stats()) {
                Ok(text) => eprintln!("{text}"),
                Err(e) => eprintln!("racemap: {e}"),
            }
            explorer.into_result()
        }
        Some((source, name, lang)) if two_cores() => {
            let compile = racemap::compile::CompileOptions {
                lang: *lang,
                test_file: true,
                ..Default::default()
            };
            let make = || {
                let program = racemap::compile::compile_with(source, name, &compile).ok()?;
                let program = program.for_tests(selected, true)?;
                Some(Machine::new(Rc::new(program), config.clone()))
            };
            explore_parallel(root, make, &options.dpor)
        }
        _ => explore(root, &options.dpor),
    };
    let mut text = format!(
        "{}: explored {} execution(s), {}\n",
        if names.is_empty() {
            "no tests".to_string()
        } else {
            names.join(", ")
        },
        result.executions,
        match result.limit {
            None => "every interleaving covered".to_string(),
            Some(limit) => crate::explore::limit_text(limit, &options.dpor),
        }
    );
    let mut outcomes = Vec::new();
    let (mut leak, mut failed) = (false, false);
    for (k, o) in result.outcomes.iter().enumerate() {
        let schedule = Schedule::decode(&o.schedule).unwrap_or_else(|_| Schedule::new());
        let replayed = schedule.len();
        let mut replay = ReplayScheduler::new(schedule, None);
        let run = run_test(
            (*p).clone(),
            &mut replay,
            options.dpor.max_steps_per_execution,
            replayed,
        );
        let this_failed = run.failed || o.error.is_some();
        leak |= !run.leaked.is_empty();
        failed |= this_failed;
        let fails = match run.failed_tests.as_slice() {
            [] if this_failed && o.error.is_none() => ", the binary fails".to_string(),
            [] => String::new(),
            tests => format!(", {} fail(s)", tests.join(", ")),
        };
        text.push_str(&format!(
            "  {}. {}{}{fails}{}, {} run(s)\n",
            k + 1,
            o.error
                .as_deref()
                .map_or("the tests end".into(), crate::explore::one_line),
            if o.race { ", with a data race" } else { "" },
            if run.leaked.is_empty() {
                String::new()
            } else {
                format!(", {} goroutine(s) leaked", run.leaked.len())
            },
            o.count
        ));
        for l in &run.leaked {
            text.push_str(&format!("     leaked: {l}\n"));
        }
        text.push_str(&format!(
            "     replay: racemap test{}{} {file} --schedule {}\n",
            options.lang_flag, options.run_flag, o.schedule
        ));
        // Why the outcome may rarely show in ordinary runs, as `racemap explore` says.
        for note in [o.sleep_note(), o.queue_note()].into_iter().flatten() {
            text.push_str(&format!("     {note}\n"));
        }
        let mut outcome = json!({
            "error": o.error,
            "race": o.race,
            "failed": this_failed,
            "failed_tests": run.failed_tests,
            "leaked": run.leaked,
            "output": o.stdout,
            "count": o.count,
            "schedule": o.schedule,
            "early_wakes": o.early_wakes,
        });
        // As in `racemap explore --json`: present only when the schedule has such moves.
        if !o.overtakes.is_empty() {
            outcome["overtakes"] = json!(o.overtakes);
        }
        outcomes.push(outcome);
    }
    if options.json {
        println!(
            "{}",
            json!({
                "tests": names,
                "complete": result.complete,
                "limit": result.limit,
                "executions": result.executions,
                "race": result.race,
                "deadlock": result.deadlock,
                "leak": leak,
                "failed": failed,
                "outcomes": outcomes,
            })
        );
    } else {
        print!("{text}");
    }
    u8::from(result.race || result.deadlock || leak || failed)
}
