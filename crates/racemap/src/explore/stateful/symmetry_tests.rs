//! Symmetry reduction of the state key (`rt::machine::symmetry`): goroutines started by one
//! `go` statement in a loop reach each state up to renaming once, so the search of `n`
//! identical Cond waiters (`/tmp/lead/cond500.go`'s shape) grows with `n`, not with the
//! subsets of waiters parked.

use super::super::{Explorer, SearchAlgorithm};
use super::tests::config;
use crate::rt::config::Config;
use crate::rt::machine::Machine;
use std::collections::BTreeSet;
use std::rc::Rc;

type Key = (String, Option<String>, bool);

/// `n` goroutines each `Lock`, `Wait` until `ready` (never set), `Unlock`; main blocks
/// forever (a deadlock once every waiter is parked).
fn waiters(n: u32) -> String {
    format!(
        "package main\n\nimport \"sync\"\n\nfunc main() {{\n\tvar mu sync.Mutex\n\
         \tc := sync.NewCond(&mu)\n\tready := false\n\tfor i := 0; i < {n}; i++ {{\n\
         \t\tgo func() {{\n\t\t\tmu.Lock()\n\t\t\tfor !ready {{\n\t\t\t\tc.Wait()\n\t\t\t}}\n\
         \t\t\tmu.Unlock()\n\t\t}}()\n\t}}\n\tselect {{}}\n}}\n"
    )
}

/// The stateful search's states and outcomes on `source`, its key symmetric or not.
fn stateful(source: &str, symmetric: bool) -> (u64, BTreeSet<Key>) {
    let program = crate::compile::compile(source).expect("test programs compile");
    let config_m = Config {
        symmetric_key: symmetric,
        ..Config::default()
    };
    let m = Machine::new(Rc::new(program), config_m);
    let mut explorer = Explorer::new(m, &config(SearchAlgorithm::Stateful));
    explorer.advance(u64::MAX);
    let stats = explorer.stats();
    let r = explorer.into_result();
    assert!(stats.stateful && r.complete, "{stats:?} {:?}", r.limit);
    let outcomes = r
        .outcomes
        .iter()
        .map(|o| (o.stdout.clone(), o.error.clone(), o.race))
        .collect();
    (stats.states, outcomes)
}

/// Measured 2026-12-07: 5 waiters 736 states with the plain key, 6 with the symmetric one
/// (and 50 waiters 1 100, 200 waiters 4 484: linear in `n`).
#[test]
fn identical_waiters_are_one_state_per_count() {
    let (plain, expected) = stateful(&waiters(5), false);
    let (states, found) = stateful(&waiters(5), true);
    assert_eq!(found, expected);
    assert!(states * 10 < plain, "{states} states, plain key {plain}");
    let (states, found) = stateful(&waiters(50), true);
    assert_eq!(found, expected);
    assert!(states < 2_000, "{states} states for 50 waiters");
}

/// A test binary, and a program that sleeps, keep the plain key (their ids decide things the
/// key cannot rename): the symmetric key changes nothing there.
#[test]
fn sleeping_programs_keep_the_plain_key() {
    let source = waiters(4).replace(
        "\tselect {}\n",
        "\ttime.Sleep(time.Millisecond)\n\tselect {}\n",
    );
    let source = source.replace("import \"sync\"", "import (\n\t\"sync\"\n\t\"time\"\n)");
    assert_eq!(stateful(&source, true).0, stateful(&source, false).0);
}

/// Past 256 goroutines (the plain key's limit) the symmetric key still applies, and one move
/// stands for the moves of interchangeable goroutines (`symmetry::prune_interchangeable`):
/// 300 waiters explore completely in one execution, a few states per waiter, where the
/// search would otherwise revisit `n² / 2` states and leave the rest to DPOR's turns (784
/// executions for 300 waiters, 2026-12-07). Go 1.19 ends this program with "fatal error: all
/// goroutines are asleep - deadlock!" (`go run` of `/tmp/lead/cond300.go`'s shape).
#[test]
fn three_hundred_waiters_explore_completely_in_one_execution() {
    let program = crate::compile::compile(&waiters(300)).expect("test programs compile");
    let m = Machine::new(Rc::new(program), Config::default());
    let mut explorer = Explorer::new(m, &config(SearchAlgorithm::Auto));
    explorer.advance(u64::MAX);
    let stats = explorer.stats();
    let r = explorer.into_result();
    assert!(stats.stateful && r.complete, "{stats:?} {:?}", r.limit);
    assert_eq!(r.outcomes.len(), 1);
    assert_eq!(
        r.outcomes[0].error.as_deref(),
        Some("fatal error: all goroutines are asleep - deadlock!")
    );
    assert_eq!(stats.executions, 1, "{stats:?}");
    assert!(stats.states < 10 * 300, "{stats:?}");
    assert!(stats.revisits < 300, "{stats:?}");
}

/// `n` goroutines each `Lock`, `Wait` until `ready`, `Unlock`, `wg.Done()`; main sets `ready`
/// under the lock and wakes them with `Broadcast` (or, when `signal_each`, a `Signal` per
/// waiter), then `wg.Wait()` and prints "done". Go 1.19 (`go build -race`, 20 runs each of
/// 200 waiters, 2026-12-08) prints "done" every run, with no race.
fn woken_waiters(n: u32, signal_each: bool) -> String {
    let wake = if signal_each {
        format!("for i := 0; i < {n}; i++ {{\n\t\tc.Signal()\n\t}}")
    } else {
        "c.Broadcast()".to_string()
    };
    format!(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {{\n\
         \tvar mu sync.Mutex\n\tc := sync.NewCond(&mu)\n\tready := false\n\
         \tvar wg sync.WaitGroup\n\tfor i := 0; i < {n}; i++ {{\n\t\twg.Add(1)\n\
         \t\tgo func() {{\n\t\t\tmu.Lock()\n\t\t\tfor !ready {{\n\t\t\t\tc.Wait()\n\t\t\t}}\n\
         \t\t\tmu.Unlock()\n\t\t\twg.Done()\n\t\t}}()\n\t}}\n\tmu.Lock()\n\tready = true\n\
         \t{wake}\n\tmu.Unlock()\n\twg.Wait()\n\tfmt.Println(\"done\")\n}}\n"
    )
}

/// Waiters woken by `Broadcast` or by a `Signal` each: the only outcome is Go's "done", with
/// the symmetric key as with the plain one.
#[test]
fn woken_waiters_print_done_in_every_interleaving() {
    let expected: BTreeSet<Key> = [("done\n".to_string(), None, false)].into();
    for signal_each in [false, true] {
        let (plain, found) = stateful(&woken_waiters(3, signal_each), false);
        assert_eq!(found, expected, "plain key, signal_each {signal_each}");
        let (states, found) = stateful(&woken_waiters(3, signal_each), true);
        assert_eq!(found, expected, "signal_each {signal_each}");
        assert!(states <= plain, "{states} states, plain key {plain}");
        let (states, found) = stateful(&woken_waiters(4, signal_each), true);
        assert_eq!(found, expected, "4 waiters, signal_each {signal_each}");
        assert!(states < 10_000, "{states} states for 4 woken waiters");
    }
}

/// Twelve woken waiters explore completely in one execution, with a state count that grows
/// with a small power of `n`. Before 2026-12-08 (release CLI, Broadcast) 8 waiters took 21 220
/// states and 12 took 146 767 and stopped the stateful search's first turn (573 executions):
/// the waiters' reads of `ready` and `c.L` stayed live in the race detector's canonical form,
/// and which of them each clock knew was the order they took the mutex in. Two causes: the
/// notify list's runtime hooks were classed as heap writes (`bytecode::future`: they touch only
/// the Cond's sync object), and a waiter parked inside `Cond.Wait` had its caller's loop (a
/// read of `ready`, `wg.Done()`) in its future up to the next lock, though `Wait` re-locks on
/// every way out (`Futures::returns_before`). Measured after: 3 945 states (Broadcast) and
/// 6 271 (Signal) at 12 waiters, and the key then tells apart no two states of one machine
/// state. The only outcome is Go's "done" (see [`woken_waiters`]).
#[test]
fn twelve_woken_waiters_explore_completely_in_one_execution() {
    let expected: BTreeSet<Key> = [("done\n".to_string(), None, false)].into();
    for signal_each in [false, true] {
        let (states, found) = stateful(&woken_waiters(12, signal_each), true);
        assert_eq!(found, expected, "signal_each {signal_each}");
        assert!(
            states < 10_000,
            "{states} states for 12 woken waiters, signal_each {signal_each}"
        );
    }
}
