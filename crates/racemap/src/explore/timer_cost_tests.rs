//! What a timer made per loop costs the search (issue 13): the heartbeat pattern, where main
//! spins on `select` over a heartbeat channel, a result channel and a new `time.After` after
//! the worker closed both channels. Go leaves such a loop soon (a `select` picks a ready case
//! at random); the search explores ever longer runs of it (the loop taking the closed result
//! channel again), so it stops at its executions budget, and each run adds a timer. With a
//! global footprint for arming a timer and for its pending fire, every new step raced with
//! every earlier one: the search replayed tens of thousands of steps for 40 runs (54 151
//! measured), and the time of a run grew with its length. The footprints are precise now
//! (`target::machine`'s `clock_touches`): the runs replay next to nothing.

use super::{DporConfig, Explorer, SearchAlgorithm};
use crate::rt::{config::Config, machine::Machine};
use std::rc::Rc;

/// The heartbeat loop; `on_closed_result` is what main does when the result channel is closed.
fn heartbeat(on_closed_result: &str) -> String {
    format!(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {{\n\
         \thb := make(chan int, 1)\n\tres := make(chan int)\n\tgo func() {{\n\
         \t\tdefer close(hb)\n\t\tdefer close(res)\n\t\tfor i := 0; i < 2; i++ {{\n\
         \t\t\tselect {{\n\t\t\tcase hb <- i:\n\t\t\tdefault:\n\t\t\t}}\n\t\t\tres <- i * 10\n\
         \t\t}}\n\t}}()\n\tfor {{\n\t\tselect {{\n\t\tcase _, ok := <-hb:\n\t\t\tif !ok {{\n\
         \t\t\t\tfmt.Println(\"done\")\n\t\t\t\treturn\n\t\t\t}}\n\
         \t\tcase r, ok := <-res:\n\t\t\tif !ok {{\n\t\t\t\t{on_closed_result}\n\t\t\t}}\n\
         \t\t\tfmt.Println(\"result\", r)\n\
         \t\tcase <-time.After(time.Second):\n\t\t\tfmt.Println(\"timeout\")\n\t\t\treturn\n\
         \t\t}}\n\t}}\n}}\n"
    )
}

fn search(source: &str, search: SearchAlgorithm, max_executions: u64) -> super::SearchStats {
    let program = crate::compile::compile(source).expect("the heartbeat compiles");
    let m = Machine::new(Rc::new(program), Config::default());
    let config = DporConfig {
        max_executions,
        search,
        ..DporConfig::default()
    };
    let mut explorer = Explorer::new(m, &config);
    explorer.advance(u64::MAX);
    explorer.stats()
}

/// The spinning heartbeat: 80 runs replay almost nothing (54 151 steps for 40 runs and
/// 197 791 for 80 with the global footprints).
#[test]
fn a_spin_beside_a_new_time_after_replays_almost_nothing() {
    let source = heartbeat("continue");
    for algorithm in [SearchAlgorithm::Dpor, SearchAlgorithm::Auto] {
        let stats = search(&source, algorithm, 80);
        assert_eq!(stats.executions, 80, "{algorithm:?}");
        assert!(
            stats.replay_steps < 1_000,
            "{algorithm:?} replayed {} steps for 80 runs",
            stats.replay_steps
        );
        assert!(stats.total_steps < 2_000, "{algorithm:?}: {stats:?}");
    }
}

/// The heartbeat that returns when the result channel is closed: the default search covers
/// every interleaving (DPOR alone stopped at its steps budget after 3 952 runs before).
#[test]
fn a_heartbeat_that_returns_is_searched_completely() {
    let source = heartbeat("fmt.Println(\"closed\")\n\t\t\t\treturn");
    let program = crate::compile::compile(&source).expect("the heartbeat compiles");
    let m = Machine::new(Rc::new(program), Config::default());
    let r = super::explore(m, &DporConfig::default());
    assert!(r.complete, "{:?}", r.limit);
    let stdouts: std::collections::BTreeSet<&str> =
        r.outcomes.iter().map(|o| o.stdout.as_str()).collect();
    assert!(
        stdouts.contains("result 0\nresult 10\nclosed\n"),
        "{stdouts:?}"
    );
    assert!(stdouts.contains("timeout\n"), "{stdouts:?}");
}
