//! `sync.Cond` tickets in the state key (`rt::machine::cond_key`): judged by the plain search
//! of the whole state graph (`counter_tests::every_outcome`) with tickets told apart by their
//! numbers; the classes must keep exactly its outcomes, and the stateful and default searches
//! must find them too. Waiters parked in every order are one state where only `Broadcast`
//! wakes them: the graph of `n` waiters no longer grows with `n!`.

use super::super::{explore, Explorer, SearchAlgorithm};
use super::counter_tests::every_outcome;
use super::tests::config;
use crate::rt::config::WakeOrder;
use crate::rt::machine::{CondTickets, Machine};
use std::cell::OnceCell;
use std::collections::BTreeSet;
use std::rc::Rc;

type Key = (String, Option<String>, bool);

/// `source`'s machine with the plain key (goroutines by their ids: these tests judge the
/// ticket classes alone, `rt::machine::symmetry` is judged in `symmetry_tests`).
fn machine(source: &str) -> Machine {
    let mut m = super::tests::machine(source);
    m.config.symmetric_key = false;
    m
}

/// `m` with tickets in the key as numbers.
fn exact(mut m: Machine) -> Machine {
    m.cond_tickets = Rc::new(OnceCell::from(CondTickets::exact()));
    m
}

/// Shapes of Cond use (outcomes of `go run -race`, Go 1.19, three runs each, noted; a
/// deadlock hangs a race build, golang/go#20588). Each: `(name, source)`.
pub(in crate::explore) const SHAPES: [(&str, &str); 5] = [
    // Go: "1" once, a hang twice (the Signal came before both waits).
    (
        "signal wakes one of two",
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar mu sync.Mutex\n\
         \tc := sync.NewCond(&mu)\n\twoke := make(chan int, 2)\n\tfor i := 1; i <= 2; i++ {\n\
         \t\tgo func(i int) {\n\t\t\tmu.Lock()\n\t\t\tc.Wait()\n\t\t\tmu.Unlock()\n\t\t\twoke <- i\n\
         \t\t}(i)\n\t}\n\tmu.Lock()\n\tc.Signal()\n\tmu.Unlock()\n\tfmt.Println(<-woke)\n}\n",
    ),
    // Go: a race on x (exit 66) in each run.
    (
        "broadcast, then a racy write",
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar mu sync.Mutex\n\
         \tc := sync.NewCond(&mu)\n\tready := false\n\tx := 0\n\tdone := make(chan bool)\n\
         \tfor i := 0; i < 2; i++ {\n\t\tgo func() {\n\t\t\tmu.Lock()\n\t\t\tfor !ready {\n\
         \t\t\t\tc.Wait()\n\t\t\t}\n\t\t\tmu.Unlock()\n\t\t\tx++\n\t\t\tdone <- true\n\t\t}()\n\t}\n\
         \tmu.Lock()\n\tready = true\n\tc.Broadcast()\n\tmu.Unlock()\n\t<-done\n\t<-done\n\
         \tfmt.Println(x)\n}\n",
    ),
    // Go: "3" in each run. Waiters re-wait when another took the item.
    (
        "signal per item, waiters re-wait",
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar mu sync.Mutex\n\
         \tc := sync.NewCond(&mu)\n\titems := 0\n\tgot := make(chan int, 2)\n\
         \tfor i := 1; i <= 2; i++ {\n\t\tgo func(i int) {\n\t\t\tmu.Lock()\n\
         \t\t\tfor items == 0 {\n\t\t\t\tc.Wait()\n\t\t\t}\n\t\t\titems--\n\t\t\tmu.Unlock()\n\
         \t\t\tgot <- i\n\t\t}(i)\n\t}\n\tfor j := 0; j < 2; j++ {\n\t\tmu.Lock()\n\t\titems++\n\
         \t\tc.Signal()\n\t\tmu.Unlock()\n\t}\n\tfmt.Println(<-got + <-got)\n}\n",
    ),
    // Go: "2 1" in each run.
    (
        "signal and broadcast",
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar mu sync.Mutex\n\
         \tc := sync.NewCond(&mu)\n\tstate := 0\n\tout := make(chan int, 3)\n\
         \tfor i := 1; i <= 2; i++ {\n\t\tgo func(i int) {\n\t\t\tmu.Lock()\n\
         \t\t\tfor state == 0 {\n\t\t\t\tc.Wait()\n\t\t\t}\n\t\t\tmu.Unlock()\n\t\t\tout <- i\n\
         \t\t}(i)\n\t}\n\tmu.Lock()\n\tc.Signal()\n\tstate = 1\n\tmu.Unlock()\n\tc.Broadcast()\n\
         \tfmt.Println(<-out, <-out)\n}\n",
    ),
    // Go: a hang in each run (the Broadcast came before the waits).
    (
        "three waiters, one broadcast",
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar mu sync.Mutex\n\
         \tc := sync.NewCond(&mu)\n\tn := 0\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 3; i++ {\n\
         \t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tmu.Lock()\n\t\t\tc.Wait()\n\
         \t\t\tn++\n\t\t\tmu.Unlock()\n\t\t}()\n\t}\n\tmu.Lock()\n\tc.Broadcast()\n\tmu.Unlock()\n\
         \twg.Wait()\n\tfmt.Println(n)\n}\n",
    ),
];

/// The outcomes of a search of `source`.
fn searched(source: &str, search: SearchAlgorithm) -> BTreeSet<Key> {
    let r = explore(machine(source), &config(search));
    assert!(
        r.complete,
        "{search:?} incomplete ({:?}) on\n{source}",
        r.limit
    );
    r.outcomes
        .iter()
        .map(|o| (o.stdout.clone(), o.error.clone(), o.race))
        .collect()
}

#[test]
fn ticket_classes_keep_every_outcome_of_the_exact_state_graph() {
    for (name, source) in SHAPES {
        let m = machine(source);
        let order = WakeOrder::Timeless;
        let (expected, exact_states) =
            every_outcome(&exact(m.clone()), order, 400_000).expect("small state graph");
        let (classed, states) = every_outcome(&m, order, 400_000).expect("smaller still");
        assert_eq!(classed, expected, "{name}");
        assert!(states <= exact_states, "{name}: {states} > {exact_states}");
        for search in [SearchAlgorithm::Stateful, SearchAlgorithm::Auto] {
            assert_eq!(searched(source, search), expected, "{name}, {search:?}");
        }
    }
}

/// `n` goroutines each `Lock`, `Wait` until `ready`, `Unlock`; main sets `ready` and
/// broadcasts (the bench's `cond.Wait, then Broadcast` bomb at `n`), or never does.
fn waiters(n: u32, broadcast: bool) -> String {
    let tail = if broadcast {
        "\tmu.Lock()\n\tready = true\n\tc.Broadcast()\n\tmu.Unlock()\n\tfmt.Println(\"done\")\n"
    } else {
        "\tselect {}\n"
    };
    format!(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {{\n\tvar mu sync.Mutex\n\
         \tc := sync.NewCond(&mu)\n\tready := false\n\tfor i := 0; i < {n}; i++ {{\n\
         \t\tgo func() {{\n\t\t\tmu.Lock()\n\t\t\tfor !ready {{\n\t\t\t\tc.Wait()\n\t\t\t}}\n\
         \t\t\tmu.Unlock()\n\t\t}}()\n\t}}\n{tail}\t_ = fmt.Sprint()\n}}\n"
    )
}

/// The stateful search's states and outcomes on `m`.
fn stateful(m: Machine) -> (usize, BTreeSet<Key>) {
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
    (stats.states as usize, outcomes)
}

/// Waiters parked in every order of their tickets are one state: the stateful search of `n`
/// waiters meets far fewer states than with tickets as numbers, with the same outcomes
/// (measured 2026-12-07, classes / numbers: never woken, 5 waiters 736 / 1 186, 6 waiters
/// 2 011 / 7 111; broadcast, 3 waiters 3 432 / 5 570, 4 waiters 32 394 / 101 695). It still
/// grows exponentially: which waiters got past their `Lock` is state, and the race
/// detector's clocks tell the orders of the lock's holders apart.
#[test]
fn waiters_in_every_ticket_order_are_one_state() {
    for (n, broadcast, most) in MOST_STATES {
        let source = waiters(n, broadcast);
        let (exact_states, expected) = stateful(exact(machine(&source)));
        let (states, found) = stateful(machine(&source));
        assert_eq!(found, expected, "{n} waiters, broadcast {broadcast}");
        assert!(
            states <= most && states < exact_states,
            "{n} waiters, broadcast {broadcast}: {states} states, exact {exact_states}"
        );
    }
}

/// `(waiters, broadcast, most states)`: the bound [`waiters_in_every_ticket_order_are_one_state`]
/// holds the stateful search to.
const MOST_STATES: [(u32, bool, usize); 4] = [
    (5, false, 800),
    (6, false, 2_100),
    (3, true, 3_500),
    (4, true, 33_000),
];
