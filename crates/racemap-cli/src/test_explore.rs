//! `racemap test FILE_test.go --explore [--json] [--max-executions N] [--run REGEX]`: every
//! interleaving of each test (the explorer's search, `racemap explore`'s), each distinct
//! outcome replayed to tell whether the test failed (`t.Error`, `t.Fatal`, a panic) and which
//! goroutines it left blocked (a leak, what `goleak.VerifyNone` reports; in real `go test`
//! such goroutines hang or leak silently).
//!
//! `--json` prints one object: `{"tests": [{"name", "complete", "limit", "executions", "race",
//! "deadlock", "leak", "failed", "outcomes": [{"error", "race", "failed", "leaked", "output",
//! "count", "schedule"}]}]}` (`limit`: what kept the search from every interleaving, as in
//! `racemap explore --json`, or `null`). Exit status 1 when some test can race, deadlock, leak or fail.

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
    /// The search's budgets.
    pub dpor: DporConfig,
    /// The `--lang` option the file was compiled with, for the replay commands (`" --lang
    /// go1.21"`, empty for the default).
    pub lang_flag: String,
    /// The file's bytes, its name and language version, as compiled: each thread of the
    /// default search on two threads compiles its own copy (`explore_parallel`).
    pub source: Option<(Vec<u8>, String, racemap::compile::LangVersion)>,
}

/// Explore the tests `selected` (indices into `program.tests`) of the file `file`; the exit
/// status.
pub fn explore_tests(
    program: &Program,
    selected: &[usize],
    file: &str,
    options: &ExploreOptions,
) -> u8 {
    let mut reports = Vec::new();
    let mut any_bad = false;
    let mut text = String::new();
    for &i in selected {
        let (Some(test), Some(p)) = (program.tests.get(i), program.for_test(i, true)) else {
            continue;
        };
        let config = Config {
            first_goroutine_id: 7,
            ..Config::default()
        };
        let p = Rc::new(p);
        let root = Machine::new(p.clone(), config.clone());
        let result = match &options.source {
            Some((source, name, lang)) if two_cores() => {
                let compile = racemap::compile::CompileOptions {
                    lang: *lang,
                    test_file: true,
                    run_test: u32::try_from(i).ok(),
                };
                let make = || {
                    let program = racemap::compile::compile_with(source, name, &compile).ok()?;
                    Some(Machine::new(Rc::new(program), config.clone()))
                };
                explore_parallel(root, make, &options.dpor)
            }
            _ => explore(root, &options.dpor),
        };
        let mut outcomes = Vec::new();
        let (mut leak, mut failed) = (false, false);
        text.push_str(&format!(
            "{}: explored {} execution(s), {}\n",
            test.name,
            result.executions,
            match result.limit {
                None => "every interleaving covered".to_string(),
                Some(limit) => crate::explore::limit_text(limit, &options.dpor),
            }
        ));
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
            text.push_str(&format!(
                "  {}. {}{}{}{}, {} run(s)\n",
                k + 1,
                o.error.as_deref().unwrap_or("the test ends"),
                if o.race { ", with a data race" } else { "" },
                if this_failed && o.error.is_none() {
                    ", the test fails"
                } else {
                    ""
                },
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
                "     replay: racemap test{} {file} --run '^{}$' --schedule {}\n",
                options.lang_flag, test.name, o.schedule
            ));
            outcomes.push(json!({
                "error": o.error,
                "race": o.race,
                "failed": this_failed,
                "leaked": run.leaked,
                "output": o.stdout,
                "count": o.count,
                "schedule": o.schedule,
            }));
        }
        any_bad |= result.race || result.deadlock || leak || failed;
        reports.push(json!({
            "name": test.name,
            "complete": result.complete,
            "limit": result.limit,
            "executions": result.executions,
            "race": result.race,
            "deadlock": result.deadlock,
            "leak": leak,
            "failed": failed,
            "outcomes": outcomes,
        }));
    }
    if options.json {
        println!("{}", json!({ "tests": reports }));
    } else {
        print!("{text}");
    }
    u8::from(any_bad)
}
