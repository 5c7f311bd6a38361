//! The worker's searches give the core's results, whatever the slices; its messages survive a
//! self-describing encoding (JSON here, as serde-wasm-bindgen reads the same serde data model).

use super::*;
use racemap::compile::{CompileOptions, LangVersion};
use racemap::explore::{ExploreResult, Outcome};
use racemap::playback::contention;
use racemap::strategies::{Strategy, Workload};
use racemap::target::{EarlyWake, Overtake, QueueRule};

const RACY: &str = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := 0\n\tdone := make(chan bool)\n\tgo func() {\n\t\tx = 1\n\t\tdone <- true\n\t}()\n\tx = 2\n\t<-done\n\tfmt.Println(x)\n}\n";

/// Run `job` to its end in slices of `steps`, counting the slices.
fn finish(mut job: Job, steps: u64) -> (Report, u64) {
    for slices in 1..1_000_000 {
        if let Some(report) = job.advance(steps) {
            return (report, slices);
        }
    }
    panic!("the search never ended");
}

fn explored(source: &str, options: &CompileOptions, budget: u64) -> ExploreResult {
    let mut explorer =
        racemap::explore::ProgramExplorer::for_source(source, options, &config(budget, 20_000))
            .expect("compiles");
    explorer.advance(u64::MAX);
    explorer.into_result()
}

#[test]
fn find_a_bug_in_slices_is_the_core_search() {
    let task = Task::Explore {
        source: RACY.to_string(),
        options: CompileOptions::default(),
        budget: 10_000,
        max_steps: 20_000,
        side: None,
    };
    let (report, slices) = finish(Job::new(task).expect("compiles"), 3);
    assert!(slices > 1, "small slices take several");
    let expected = explored(RACY, &CompileOptions::default(), 10_000);
    assert!(expected.race);
    assert_eq!(report, Report::Explored(expected));
}

#[test]
fn a_comparison_row_measures_contention_then_explores() {
    let workload = Workload::default();
    let source = Strategy::Mutex.source(workload);
    let task = Task::Compare {
        source: source.clone(),
        lang: LangVersion::DEFAULT,
        budget: 2_000,
        contention_runs: 3,
        max_steps: 20_000,
    };
    let job = Job::new(task).expect("a job");
    assert_eq!(job.progress(), None, "measuring contention first");
    let (report, _) = finish(job, 10_000);
    let measured = contention::measure(&source, 3, 20_000).expect("compiles");
    let expected = explored(&source, &CompileOptions::default(), 2_000);
    assert_eq!(report, Report::Compared(Ok((expected, measured))));
}

#[test]
fn a_program_that_does_not_compile_ends_at_once() {
    let explore = Task::Explore {
        source: "package main\nfunc main() { x }".to_string(),
        options: CompileOptions::default(),
        budget: 10,
        max_steps: 100,
        side: None,
    };
    assert!(matches!(Job::new(explore), Err(Report::Failed(_))));
    for side in [Side::Dpor, Side::Stateful] {
        let task = Task::Explore {
            source: "package main\nfunc main() { x }".to_string(),
            options: CompileOptions::default(),
            budget: 10,
            max_steps: 100,
            side: Some(side),
        };
        assert!(matches!(Job::new(task), Err(Report::Failed(_))));
    }
    let compare = Task::Compare {
        source: "package main\nfunc main() { x }".to_string(),
        lang: LangVersion::DEFAULT,
        budget: 10,
        contention_runs: 1,
        max_steps: 100,
    };
    let (report, slices) = finish(Job::new(compare).expect("a job"), 10);
    assert_eq!(slices, 1);
    assert!(matches!(report, Report::Compared(Err(_))));
}

#[test]
fn messages_read_back_as_sent() {
    let outcome = |timer, leaked: Vec<String>| Outcome {
        stdout: "2\n".into(),
        error: None,
        race: true,
        count: 3,
        schedule: "1AB".into(),
        early_wakes: vec![EarlyWake {
            goroutine: 1,
            file: "prog.go".into(),
            line: 7,
            timer,
        }],
        // A passing move when there is a leaked goroutine (both shapes read back).
        overtakes: if leaked.is_empty() {
            Vec::new()
        } else {
            vec![Overtake {
                goroutine: 8,
                op: "send".into(),
                file: "prog.go".into(),
                line: 9,
                rule: QueueRule::Channel,
                ahead_of: vec![6, 7],
                waiting_at: "send".into(),
            }]
        },
        leaked,
    };
    let result = ExploreResult {
        complete: false,
        limit: Some(racemap::explore::SearchLimit::MaxExecutions),
        executions: 12,
        race: true,
        deadlock: false,
        // Left-out fields (no timer, no leaked goroutines) and present ones.
        outcomes: vec![
            outcome(None, Vec::new()),
            outcome(Some("time.After"), vec!["goroutine 8 [chan send]".into()]),
        ],
    };
    let messages = [
        Output {
            ticket: Ticket {
                generation: 4,
                row: None,
            },
            report: Report::Explored(result.clone()),
        },
        Output {
            ticket: Ticket {
                generation: 5,
                row: Some(2),
            },
            report: Report::Compared(Ok((result, contention::Contention::default()))),
        },
    ];
    for message in messages {
        let json = serde_json::to_string(&message).expect("serializes");
        let back: Output = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back, message);
    }
    let input = Input::Start {
        ticket: Ticket {
            generation: 1,
            row: None,
        },
        task: Task::Explore {
            source: RACY.into(),
            options: CompileOptions {
                lang: LangVersion::GO1_21,
                test_file: true,
                run_test: Some(2),
                ..CompileOptions::default()
            },
            budget: 5,
            max_steps: 6,
            side: Some(Side::Stateful),
        },
    };
    let json = serde_json::to_string(&input).expect("serializes");
    assert_eq!(serde_json::from_str::<Input>(&json).expect("reads"), input);
}

#[test]
fn the_warm_up_searches_every_strategy_and_ends_with_warm() {
    let searches = job::warm_up_searches();
    assert_eq!(searches.len(), Strategy::ALL.len() + 1);
    for (source, config) in &searches {
        assert!(
            racemap::compile::compile(source).is_ok(),
            "a warm-up program compiles:\n{source}"
        );
        assert_eq!(config.max_total_steps, job::WARM_UP_STEPS);
    }
    let (report, slices) = finish(Job::warm_up(None), CHUNK_STEPS);
    assert_eq!(report, Report::Warm);
    assert!(
        slices > searches.len() as u64,
        "each search compiles in one slice and searches in at least one more"
    );
}

/// A side's command may reach the worker before the side's first slice (the other worker's
/// first report started the coordinator): the side keeps it and works on it after its first
/// report; without a command it waits.
#[test]
fn a_side_keeps_a_command_that_comes_before_its_first_slice() {
    let source = Strategy::Mutex.source(Workload::default());
    let task = |side| Task::Explore {
        source: source.clone(),
        options: CompileOptions::default(),
        budget: 10_000,
        max_steps: 20_000,
        side: Some(side),
    };
    let mut idle = Job::new(task(Side::Stateful)).expect("compiles");
    assert!(matches!(
        idle.advance(CHUNK_STEPS),
        Some(Report::Sides { parallel: true, .. })
    ));
    assert!(idle.waiting() && !idle.over());
    assert_eq!(idle.advance(CHUNK_STEPS), None);
    let mut early = Job::new(task(Side::Stateful)).expect("compiles");
    early.stateful(racemap::explore::coordinator::ToStateful::Turn);
    assert!(matches!(
        early.advance(CHUNK_STEPS),
        Some(Report::Sides { parallel: true, .. })
    ));
    assert!(!early.waiting(), "the turn is under way");
    let reply = (0..1_000).find_map(|_| early.advance(CHUNK_STEPS));
    assert!(matches!(reply, Some(Report::Stateful(_))), "{reply:?}");
    assert!(early.waiting() && !early.over());
}

/// The warm-up makes passes while they get faster (the browser's optimized code coming in):
/// it ends after two in a row no faster than the fastest, or after
/// [`job::WARM_UP_MAX_PASSES`].
#[test]
fn the_warm_up_makes_passes_while_they_get_faster() {
    let mut passes = WarmUpPasses::default();
    assert!(passes.another(900.0), "a second pass after the first");
    assert!(passes.another(500.0), "much faster");
    assert!(passes.another(700.0), "slower once: a busy moment");
    assert!(passes.another(300.0), "faster again: the count starts over");
    assert!(passes.another(290.0), "no faster than the fastest, once");
    let mut settled = WarmUpPasses::default();
    assert!(settled.another(900.0) && settled.another(500.0));
    assert!(settled.another(480.0), "no faster, once");
    assert!(!settled.another(470.0), "twice in a row: warm");
    let mut busy = WarmUpPasses::default();
    let made = (1..100)
        .take_while(|i| busy.another(1000.0 / f64::from(*i)))
        .count();
    assert_eq!(
        made as u32 + 1,
        job::WARM_UP_MAX_PASSES,
        "at most so many passes"
    );
}
