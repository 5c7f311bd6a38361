//! Goroutine bombs (issue 13): programs that start goroutines until racemap's goroutine limit
//! end, in a run and in a search, with racemap's limit message, and programs that start a
//! bounded number of goroutines blocked on one object end with the outcome real Go 1.19.8
//! gives them (Go has no goroutine limit). Outcomes, not times: `cargo xtask bench` times the
//! bombs at the default limit of 10 000 with the release CLI. Here the limit is lowered so that
//! debug builds stay quick; at [`CROSS_CHECKED`] goroutines the machine also checks its wait
//! index against a scan of every goroutine at every step (`rt::machine::wait_index`), and the
//! explorer its narrowed analysis of blocked goroutines against every goroutine's.

use super::{DporConfig, Explorer};
use crate::rt::{config::Config, machine::Machine};
use crate::run::{run, RunConfig, RunEnd};
use std::rc::Rc;

/// A goroutine limit under which debug builds cross-check the wait index at every step.
const CROSS_CHECKED: u32 = 120;

/// Bombs: each starts goroutines forever, each goroutine blocking (or not) in its own way.
const BOMBS: [(&str, &str); 7] = [
    ("select {}", "go func() { select {} }()"),
    ("exit at once", "go func() {}()"),
    ("channel receive", "go func() { <-ch }()"),
    ("mutex", "go func() { mu.Lock() }()"),
    ("wg.Wait", "go func() { wg.Wait() }()"),
    ("time.Sleep", "go func() { time.Sleep(time.Hour) }()"),
    (
        "cond.Wait",
        "go func() { mu2.Lock(); for !ready { c.Wait() }; mu2.Unlock() }()",
    ),
];

/// The bomb program whose loop body is `statement`.
fn bomb(statement: &str) -> String {
    format!(
        "package main\n\nimport (\n\t\"sync\"\n\t\"time\"\n)\n\n\
         var ch = make(chan int)\nvar mu, mu2 sync.Mutex\nvar wg sync.WaitGroup\n\
         var c = sync.NewCond(&mu2)\nvar ready bool\n\n\
         func main() {{\n\tmu.Lock()\n\twg.Add(1)\n\t_ = time.Second\n\
         \tfor {{\n\t\t{statement}\n\t}}\n}}\n"
    )
}

/// A machine for `source` with at most `goroutines` goroutines.
fn machine(source: &str, goroutines: u32) -> Machine {
    let program = crate::compile::compile(source)
        .unwrap_or_else(|e| panic!("test program does not compile: {e:?}\n{source}"));
    Machine::new(
        Rc::new(program),
        Config {
            max_goroutines: goroutines,
            ..Config::default()
        },
    )
}

/// The message of the goroutine limit `n`.
fn limit_message(n: u32) -> String {
    crate::rt::config::LimitHit::Goroutines(n).message()
}

#[test]
fn every_bomb_runs_into_the_goroutine_limit() {
    for n in [CROSS_CHECKED, 1_000] {
        for (name, statement) in BOMBS {
            let r = run(machine(&bomb(statement), n), &RunConfig::default());
            assert_eq!(r.end, RunEnd::Limit, "{name} bomb at {n}: {}", r.stderr);
            assert_eq!(
                r.first_error_line.as_deref(),
                Some(limit_message(n).as_str()),
                "{name} bomb at {n}"
            );
        }
    }
}

#[test]
fn every_bomb_s_search_runs_into_the_goroutine_limit() {
    for (name, statement) in BOMBS {
        let mut explorer = Explorer::new(
            machine(&bomb(statement), CROSS_CHECKED),
            // Enough runs to backtrack into the bomb's long trace (a debug build's search
            // of every order of the exits is slow: `cargo xtask bench` has it).
            &DporConfig {
                max_executions: 20,
                ..DporConfig::default()
            },
        );
        explorer.advance(u64::MAX);
        let r = explorer.into_result();
        assert!(!r.outcomes.is_empty(), "{name} bomb");
        for o in &r.outcomes {
            assert_eq!(
                o.error.as_deref(),
                Some(limit_message(CROSS_CHECKED).as_str()),
                "{name} bomb: {o:?}"
            );
            assert!(!o.race, "{name} bomb: {o:?}");
        }
    }
}

/// A tree of goroutines, each starting two more and exiting: thousands can move at every
/// step. `go` statements of different goroutines commute (`Resource::Spawn`: only the
/// children's numbers differ), so the search is one run, cut at the goroutine limit or at
/// the explorer's step limit, whichever comes first, and says it is incomplete.
#[test]
fn a_spawn_tree_is_one_run_cut_at_a_limit() {
    let source = "package main\n\nfunc spawn() {\n\tgo spawn()\n\tgo spawn()\n}\n\nfunc main() {\n\tspawn()\n\tselect {}\n}\n";
    let r = run(machine(source, 1_000), &RunConfig::default());
    assert_eq!(r.end, RunEnd::Limit, "{}", r.stderr);
    let steps_limit = crate::run::step_limit_ending(200).first_line;
    for (goroutines, max_steps, expected) in [
        (CROSS_CHECKED, 10_000, Some(limit_message(CROSS_CHECKED))),
        (1_000, 200, steps_limit),
    ] {
        let mut explorer = Explorer::new(
            machine(source, goroutines),
            &DporConfig {
                max_executions: 20,
                max_steps_per_execution: max_steps,
                ..DporConfig::default()
            },
        );
        explorer.advance(u64::MAX);
        let r = explorer.into_result();
        assert_eq!(r.executions, 1, "{r:?}");
        assert!(!r.complete, "{r:?}");
        assert_eq!(r.limit, Some(super::SearchLimit::RunLimit), "{r:?}");
        assert_eq!(r.outcomes.len(), 1, "{r:?}");
        assert_eq!(r.outcomes[0].error, expected, "{r:?}");
        assert!(!r.outcomes[0].race && r.outcomes[0].stdout.is_empty());
    }
}

/// A run that hits the goroutine limit is cut there (`Target::cut_by_limit`): the step that
/// hit it depends only on the goroutines created, so the other goroutines' pending steps are
/// not each tried before it (the exit bomb's search is its one run, where every step before
/// the cut was main's), yet they still race with the earlier steps they conflict with: a spin
/// loop that starts a goroutine per turn until the limit also ends when the store it waits
/// for comes first.
#[test]
fn the_goroutine_limit_cuts_a_run_and_pending_steps_still_race() {
    let config = DporConfig {
        max_executions: 20,
        ..DporConfig::default()
    };
    let mut explorer = Explorer::new(machine(&bomb("go func() {}()"), CROSS_CHECKED), &config);
    explorer.advance(u64::MAX);
    let r = explorer.into_result();
    assert_eq!(r.executions, 1, "{r:?}");
    assert_eq!(
        r.outcomes[0].error.as_deref(),
        Some(limit_message(CROSS_CHECKED).as_str())
    );
    let spin = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync/atomic\"\n)\n\n\
                func main() {\n\tvar flag int32\n\tgo func() { atomic.StoreInt32(&flag, 1) }()\n\
                \tfor atomic.LoadInt32(&flag) == 0 {\n\t\tgo func() {}()\n\t}\n\tfmt.Println(\"done\")\n}\n";
    let mut explorer = Explorer::new(machine(spin, 40), &config);
    explorer.advance(u64::MAX);
    let r = explorer.into_result();
    assert!(
        r.outcomes
            .iter()
            .any(|o| o.stdout == "done\n" && o.error.is_none()),
        "{r:?}"
    );
    assert!(
        r.outcomes
            .iter()
            .any(|o| o.error.as_deref() == Some(limit_message(40).as_str())),
        "{r:?}"
    );
}

/// Bounded counts: `n` goroutines blocked on one object, then released (Go 1.19.8 `-race`
/// prints the count, or `done`, checked at 5 000 goroutines), or left blocked (`go run`: a
/// deadlock; a `-race` build hangs, golang/go#20588, the README's deliberate difference).
fn bounded(kind: &str, n: u32) -> (String, &'static str) {
    let body = match kind {
        "channel" => format!(
            "ch := make(chan int)\n\tfor i := 0; i < {n}; i++ {{\n\t\twg.Add(1)\n\t\tgo func() {{ defer wg.Done(); v := <-ch; mu.Lock(); sum += v; mu.Unlock() }}()\n\t}}\n\
             \tfor i := 0; i < {n}; i++ {{\n\t\tch <- 1\n\t}}\n\twg.Wait()\n\tfmt.Println(sum)"
        ),
        "mutex" => format!(
            "mu.Lock()\n\tfor i := 0; i < {n}; i++ {{\n\t\twg.Add(1)\n\t\tgo func() {{ defer wg.Done(); mu.Lock(); sum++; mu.Unlock() }}()\n\t}}\n\
             \tmu.Unlock()\n\twg.Wait()\n\tfmt.Println(sum)"
        ),
        "wg.Wait" => format!(
            "var gate sync.WaitGroup\n\tgate.Add(1)\n\tfor i := 0; i < {n}; i++ {{\n\t\twg.Add(1)\n\t\tgo func() {{ defer wg.Done(); gate.Wait(); mu.Lock(); sum++; mu.Unlock() }}()\n\t}}\n\
             \tgate.Done()\n\twg.Wait()\n\tfmt.Println(sum)"
        ),
        "time.Sleep" => format!(
            "for i := 0; i < {n}; i++ {{\n\t\twg.Add(1)\n\t\tgo func() {{ defer wg.Done(); time.Sleep(time.Millisecond); mu.Lock(); sum++; mu.Unlock() }}()\n\t}}\n\
             \twg.Wait()\n\tfmt.Println(sum)"
        ),
        "cond.Broadcast" => format!(
            "c := sync.NewCond(&mu)\n\tready := false\n\tfor i := 0; i < {n}; i++ {{\n\t\twg.Add(1)\n\t\tgo func() {{ defer wg.Done(); mu.Lock(); for !ready {{ c.Wait() }}; mu.Unlock() }}()\n\t}}\n\
             \tmu.Lock()\n\tready = true\n\tc.Broadcast()\n\tmu.Unlock()\n\twg.Wait()\n\tfmt.Println(\"done\")"
        ),
        _ => format!(
            "c := sync.NewCond(&mu)\n\tfor i := 0; i < {n}; i++ {{\n\t\tgo func() {{ mu.Lock(); c.Wait(); mu.Unlock() }}()\n\t}}\n\tselect {{}}"
        ),
    };
    let source = format!(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\n\n\
         func main() {{\n\tvar wg sync.WaitGroup\n\tvar mu sync.Mutex\n\tsum := 0\n\t_, _, _ = sum, &wg, &mu\n\
         \t_, _ = time.Second, fmt.Sprint()\n\t{body}\n}}\n"
    );
    let expected = match kind {
        "cond.Broadcast" => "done\n",
        "cond.Wait" => "",
        _ => "count",
    };
    (source, expected)
}

#[test]
fn bounded_bombs_end_as_in_go() {
    let n = 300;
    for kind in [
        "channel",
        "mutex",
        "wg.Wait",
        "time.Sleep",
        "cond.Broadcast",
        "cond.Wait",
    ] {
        let (source, expected) = bounded(kind, n);
        let r = run(machine(&source, 10_000), &RunConfig::default());
        let expected = if expected == "count" {
            format!("{n}\n")
        } else {
            expected.to_string()
        };
        assert_eq!(r.stdout, expected, "{kind}: {}\n{source}", r.stderr);
        if kind == "cond.Wait" {
            assert!(r.deadlock, "{kind}: {}", r.stderr);
            assert_eq!(
                r.first_error_line.as_deref(),
                Some("fatal error: all goroutines are asleep - deadlock!")
            );
        } else {
            assert_eq!(r.end, RunEnd::Exited, "{kind}: {}", r.stderr);
            assert!(r.races.is_empty(), "{kind}: {}", r.stderr);
        }
    }
}

/// A budget of executions bounds the default search of a program whose runs DPOR cannot
/// finish and whose states the stateful search cannot cover soon (goroutines parked in
/// `sync.Cond.Wait` in every order): once DPOR, beside the stateful search, used its share of
/// the executions, the stateful search goes on alone within the other share
/// (`explorer::alone_budget`), and the result names `--max-executions`. (Before, the stateful
/// search went on alone to its own steps budget, 2 000 000 steps: about 30 s at 50
/// goroutines.) The two-worker search decides alike. Each waiter keeps its own index, so
/// the waiters are not interchangeable (identical ones are one state per count of parked
/// waiters under the symmetric key, `rt::machine::symmetry`, and their search completes).
#[test]
fn an_executions_budget_bounds_the_default_search_of_a_cond_bomb() {
    let source = "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar mu sync.Mutex\n\
                  \tc := sync.NewCond(&mu)\n\tready := false\n\tfor i := 0; i < 12; i++ {\n\
                  \t\tgo func(i int) {\n\t\t\tmu.Lock()\n\t\t\tfor !ready {\n\t\t\t\tc.Wait()\n\
                  \t\t\t}\n\t\t\tmu.Unlock()\n\t\t\tif i < 0 {\n\t\t\t\tprintln(i)\n\t\t\t}\n\
                  \t\t}(i)\n\t}\n\tselect {}\n}\n";
    let config = DporConfig {
        max_executions: super::explorer::AUTO_STATEFUL_BUDGET,
        ..DporConfig::default()
    };
    let root = machine(source, 100);
    assert!(super::sides::side_by_side(&root, &config));
    let mut explorer = Explorer::new(root.clone(), &config);
    explorer.advance(u64::MAX);
    let stats = explorer.stats();
    let r = explorer.into_result();
    assert!(!r.complete, "{r:?}");
    assert_eq!(r.limit, Some(super::SearchLimit::MaxExecutions), "{r:?}");
    assert!(r.deadlock, "{r:?}");
    // DPOR's share and the stateful search's steps, within four times DPOR's (at least
    // `CHECK_MIN_STEPS`), far below the steps budget.
    assert!(
        stats.total_steps < config.max_total_steps / 4,
        "{} steps",
        stats.total_steps
    );
    let parallel = super::parallel::explore_parallel(root, || Some(machine(source, 100)), &config);
    assert_eq!(parallel.limit, r.limit);
    assert_eq!(parallel.executions, r.executions);
}
