//! "Find a bug" on two workers, natively: the page's relay, the two workers' jobs and the
//! core's coordinator, every message through a self-describing encoding (JSON, the serde data
//! model serde-wasm-bindgen reads too), in slices of several sizes and with the two workers'
//! messages reaching the page in either order: the result is the one-worker search's.

use super::*;
use racemap::compile::CompileOptions;
use racemap::explore::ExploreResult;
use racemap::strategies::{Strategy, Workload};
use racemap_web::worker::{config, Job, Side};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// `message` as the other thread reads it.
fn travel<T: Serialize + DeserializeOwned>(message: &T) -> T {
    serde_json::from_str(&serde_json::to_string(message).expect("serializes")).expect("reads")
}

fn one_worker(source: &str, budget: u64) -> ExploreResult {
    let mut explorer = racemap::explore::ProgramExplorer::for_source(
        source,
        &CompileOptions::default(),
        &config(budget, 20_000),
    )
    .expect("compiles");
    explorer.advance(u64::MAX);
    explorer.into_result()
}

/// Run "Find a bug" of `source` on two workers in slices of `steps`, as the workers do (a first
/// slice at once, then slices while a side has a command to work on). With `stateful_first`,
/// the stateful worker's slice comes first and the page reads each worker's message right
/// after its slice (so a command can reach the DPOR worker before its first slice); else both
/// workers make a slice before the page reads their messages, DPOR's first.
fn two_workers(source: &str, budget: u64, steps: u64, stateful_first: bool) -> ExploreResult {
    // Generation 0, the warm-up's, as the page's first search.
    let ticket = Ticket {
        generation: 0,
        row: None,
    };
    let task = |side| Task::Explore {
        source: source.to_string(),
        options: CompileOptions::default(),
        budget,
        max_steps: 20_000,
        side,
    };
    let mut relay = Relay::default();
    relay.start(ticket, task(None), &[]);
    // A worker's warm-up that ended as the search started: it passes on, the search goes on.
    let (warm, sends) = relay.receive(
        1,
        Output {
            ticket,
            report: Report::Warm,
        },
    );
    assert!(matches!(warm.as_slice(), [Action::ExplorerWarm]) && sends.is_empty());
    let mut jobs: Vec<Option<Job>> = [Side::Dpor, Side::Stateful]
        .into_iter()
        .map(|side| Some(Job::new(travel(&task(Some(side)))).expect("compiles")))
        .collect();
    // A slice is scheduled (the first one is, at the start).
    let mut scheduled = [true, true];
    let order: [usize; 2] = if stateful_first { [1, 0] } else { [0, 1] };
    for _ in 0..10_000_000 {
        let mut outputs = Vec::new();
        for lane in order {
            if let Some(job) = jobs[lane].as_mut().filter(|_| scheduled[lane]) {
                let report = job.advance(steps).or_else(|| {
                    job.progress().map(|progress| Report::Progress {
                        progress,
                        elapsed_ms: 1,
                    })
                });
                scheduled[lane] = !job.waiting() && !job.over();
                if job.over() {
                    jobs[lane] = None;
                }
                if let Some(report) = report {
                    outputs.push((lane, travel(&Output { ticket, report })));
                }
            }
            if !stateful_first && lane == order[0] {
                continue;
            }
            for (lane, output) in std::mem::take(&mut outputs) {
                let (actions, sends) = relay.receive(lane, output);
                for action in actions {
                    match action {
                        Action::ExploreFinished { generation, result } => {
                            assert_eq!(generation, 0);
                            // Side by side where the budget allows the stateful search.
                            assert_eq!(relay.coordinator.is_some(), budget >= 1_000);
                            return result;
                        }
                        Action::ExploreProgress { generation, .. } => assert_eq!(generation, 0),
                        other => panic!("{other:?}"),
                    }
                }
                for (to, input) in sends {
                    let Some(job) = jobs[to].as_mut() else {
                        panic!("a message to a worker that is done: {input:?}");
                    };
                    match travel(&input) {
                        Input::Dpor { command, .. } => job.dpor(command),
                        Input::Stateful { command, .. } => job.stateful(command),
                        Input::Cancel { .. } => job.cancel(),
                        other => panic!("{other:?}"),
                    }
                    scheduled[to] |= !job.waiting();
                }
            }
        }
    }
    panic!("the search never ended");
}

#[test]
fn find_a_bug_on_two_workers_is_the_one_worker_search() {
    let mutex = Strategy::Mutex.source(Workload {
        goroutines: 3,
        ops_per_goroutine: 2,
        write_percent: 50,
        keys: 2,
    });
    let unsynchronized = Strategy::Unsynchronized.source(Workload::default());
    for (source, budget) in [(&mutex, 10_000), (&unsynchronized, 10_000), (&mutex, 1_000)] {
        let one = one_worker(source, budget);
        for (steps, stateful_first) in [(4_000, false), (997, true), (50_000, true)] {
            let two = two_workers(source, budget, steps, stateful_first);
            assert_eq!(two, one, "slices of {steps}, budget {budget}:\n{source}");
        }
    }
}

#[test]
fn a_search_that_does_not_run_side_by_side_is_the_dpor_workers_alone() {
    // A budget under the stateful search's minimum: DPOR alone, on worker 0.
    let source = Strategy::Unsynchronized.source(Workload::default());
    let one = one_worker(&source, 20);
    assert_eq!(two_workers(&source, 20, 500, true), one);
    assert_eq!(two_workers(&source, 20, 500, false), one);
}

#[test]
fn progress_sums_both_workers_runs() {
    let ticket = Ticket {
        generation: 2,
        row: None,
    };
    let mut relay = Relay::default();
    let task = Task::Explore {
        source: String::new(),
        options: CompileOptions::default(),
        budget: 10,
        max_steps: 10,
        side: None,
    };
    relay.start(ticket, task, &[]);
    let outcome = |stdout: &str, count| racemap::explore::Outcome {
        stdout: stdout.into(),
        error: None,
        race: false,
        count,
        schedule: String::new(),
        early_wakes: Vec::new(),
        overtakes: Vec::new(),
        leaked: Vec::new(),
    };
    let progress = |executions, outcomes| Report::Progress {
        progress: ExploreProgress {
            executions,
            total_steps: executions * 10,
            finished: false,
            race: false,
            deadlock: false,
            outcomes,
        },
        elapsed_ms: executions,
    };
    let (actions, _) = relay.receive(
        0,
        Output {
            ticket,
            report: progress(0, Vec::new()),
        },
    );
    assert!(actions.is_empty(), "no progress before the first run");
    let (actions, _) = relay.receive(
        0,
        Output {
            ticket,
            report: progress(30, vec![outcome("a", 30)]),
        },
    );
    assert_eq!(actions.len(), 1);
    let (actions, _) = relay.receive(
        1,
        Output {
            ticket,
            report: progress(50, vec![outcome("b", 20), outcome("a", 30)]),
        },
    );
    let [Action::ExploreProgress {
        progress,
        elapsed_ms,
        ..
    }] = actions.as_slice()
    else {
        panic!("{actions:?}");
    };
    assert_eq!(
        (progress.executions, progress.total_steps, *elapsed_ms),
        (80, 800, 50)
    );
    let counts: Vec<(&str, u64)> = progress
        .outcomes
        .iter()
        .map(|o| (o.stdout.as_str(), o.count))
        .collect();
    assert_eq!(counts, [("a", 60), ("b", 20)]);
}
