//! The race detector, runner and explorer on programs of `tests/race_programs/` beyond what
//! their expectations hold (`race_programs.rs`): the report's layout next to Go's, replaying
//! explored schedules, determinism of seeded runs, sampling.

use racemap::explore::{explore, DporConfig, ExploreResult};
use racemap::rt::config::Config;
use racemap::rt::machine::Machine;
use racemap::run::{run, RunConfig};
use racemap::sched::Schedule;
use std::rc::Rc;

fn machine(name: &str) -> Machine {
    let path = format!(
        "{}/tests/race_programs/{name}.go",
        env!("CARGO_MANIFEST_DIR")
    );
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    match racemap::compile::compile(&src) {
        Ok(p) => Machine::new(Rc::new(p), Config::default()),
        Err(d) => panic!("{name} does not compile: {d:?}"),
    }
}

fn explore_all(name: &str) -> ExploreResult {
    explore(machine(name), &DporConfig::default())
}

/// Go 1.19 printed (paths shortened; racemap's goroutine numbers start at 6, its addresses
/// and pc offsets are its own):
/// ```text
/// Read at 0x0000005da5c0 by main goroutine:
///   main.main()
///       prog.go:15 +0x4c
///
/// Previous write at 0x0000005da5c0 by goroutine 7:
///   main.main.func1()
///       prog.go:12 +0x29
///
/// Goroutine 7 (finished) created at:
///   main.main()
///       prog.go:11 +0x30
/// ```
#[test]
fn report_matches_go_layout() {
    let run = run(machine("exit_racy"), &RunConfig::default());
    let masked: String = run
        .stderr
        .lines()
        .map(|l| {
            let l = match l.find(" +0x") {
                Some(p) => format!("{} +0x?", &l[..p]),
                None => l.to_string(),
            };
            match l.find(" at 0x") {
                Some(p) => format!("{} at 0x?{}", &l[..p], &l[p + 18..]),
                None => l,
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    expect_test::expect![[r#"
        ==================
        WARNING: DATA RACE
        Read at 0x? by main goroutine:
          main.main()
              prog.go:15 +0x?

        Previous write at 0x? by goroutine 7:
          main.main.func1()
              prog.go:12 +0x?

        Goroutine 7 (finished) created at:
          main.main()
              prog.go:11 +0x?
        ==================
        Found 1 data race(s)"#]]
    .assert_eq(&masked);
    assert_eq!(run.stdout, "1\n");
}

#[test]
fn explorer_finds_concurrent_map_writes_and_its_schedule_replays() {
    let r = explore_all("map_writers");
    assert!(r.complete);
    assert!(r.race);
    let fatal = r
        .outcomes
        .iter()
        .find(|o| o.error.as_deref() == Some("fatal error: concurrent map writes"))
        .unwrap_or_else(|| panic!("no map crash among {:?}", r.outcomes));
    assert!(r
        .outcomes
        .iter()
        .any(|o| o.stdout == "2\n" && o.error.is_none()));
    let schedule = Schedule::decode(&fatal.schedule).expect("decodes");
    let replay = run(
        machine("map_writers"),
        &RunConfig {
            schedule: Some(schedule),
            ..RunConfig::default()
        },
    );
    assert_eq!(replay.exit_code, Some(2));
    assert_eq!(
        replay.first_error_line.as_deref(),
        Some("fatal error: concurrent map writes")
    );
    assert_eq!(replay.stdout, fatal.stdout);
    assert!(replay
        .stderr
        .contains("fatal error: concurrent map writes\n"));
}

/// Outcomes are told apart by stdout's bytes: the two orders of `"\xff"` and `"\xfe"` read the
/// same as text (two U+FFFD) but are two outcomes, each replaying to its bytes. 30 runs of the
/// program built with `go build -race` (Go 1.19.8) printed `ff fe` 17 times and `fe ff` 13 times
/// (`od -tx1`).
#[test]
fn outcomes_differing_only_in_invalid_bytes_are_distinct() {
    let r = explore_all("bytes_outcomes");
    assert!(r.complete && !r.race && !r.deadlock);
    let mut printed: Vec<Vec<u8>> = r
        .outcomes
        .iter()
        .map(|o| {
            assert_eq!(o.stdout, "\u{fffd}\u{fffd}");
            let schedule = Schedule::decode(&o.schedule).expect("decodes");
            let config = RunConfig {
                schedule: Some(schedule),
                ..RunConfig::default()
            };
            run(machine("bytes_outcomes"), &config).stdout_bytes
        })
        .collect();
    printed.sort();
    assert_eq!(printed, [b"\xfe\xff".to_vec(), b"\xff\xfe".to_vec()]);
}

#[test]
fn explorer_finds_the_recursive_rlock_deadlock() {
    let r = explore_all("rwmutex_recursive_rlock");
    assert!(r.complete);
    assert!(r.deadlock);
    assert!(!r.race);
    let dead = r
        .outcomes
        .iter()
        .find(|o| o.error.as_deref() == Some("fatal error: all goroutines are asleep - deadlock!"))
        .unwrap_or_else(|| panic!("no deadlock among {:?}", r.outcomes));
    let replay = run(
        machine("rwmutex_recursive_rlock"),
        &RunConfig {
            schedule: Schedule::decode(&dead.schedule).ok(),
            ..RunConfig::default()
        },
    );
    assert!(replay.deadlock);
    assert!(r.outcomes.iter().any(|o| o.stdout == "reader 1\n"));
    assert!(r.outcomes.iter().any(|o| o.stdout == "reader 0\n"));
}

#[test]
fn same_program_and_seed_give_the_same_trace() {
    for seed in [0, 7, 12345] {
        let a = run(
            machine("map_writers"),
            &RunConfig {
                seed,
                ..RunConfig::default()
            },
        );
        let b = run(
            machine("map_writers"),
            &RunConfig {
                seed,
                ..RunConfig::default()
            },
        );
        assert_eq!(a, b);
        assert!(!a.steps.is_empty());
        // and the recorded schedule replays to the same trace
        let c = run(
            machine("map_writers"),
            &RunConfig {
                seed: seed + 1,
                schedule: Some(a.schedule.clone()),
                ..RunConfig::default()
            },
        );
        assert_eq!(c.steps, a.steps);
    }
}

#[test]
fn sampling_finds_outcomes_but_is_never_complete() {
    use racemap::explore::{sample, SampleStrategy};
    for strategy in [SampleStrategy::Random, SampleStrategy::Pct { depth: 2 }] {
        let r = sample(
            &machine("map_writers"),
            &strategy,
            1,
            50,
            &RunConfig::default(),
        );
        assert!(!r.complete);
        assert_eq!(r.executions, 50);
        assert_eq!(r.outcomes.iter().map(|o| o.count).sum::<u64>(), 50);
        assert!(r.race, "{strategy:?}");
        // every sampled outcome replays from its schedule
        for o in &r.outcomes {
            let replay = run(
                machine("map_writers"),
                &RunConfig {
                    schedule: Schedule::decode(&o.schedule).ok(),
                    ..RunConfig::default()
                },
            );
            assert_eq!(replay.stdout, o.stdout);
            assert_eq!(replay.first_error_line, o.error);
        }
    }
}

#[test]
fn corpus_like_programs_are_explored_completely() {
    // every racy/ordered pair above completes without budget; so do the map programs
    for name in [
        "map_writers",
        "rwmutex_recursive_rlock",
        "waitgroup_ordered",
    ] {
        let r = explore_all(name);
        assert!(r.complete, "{name}");
        assert!(r.executions < 200, "{name}: {} executions", r.executions);
    }
}
