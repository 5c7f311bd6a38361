//! Counts sent to channels whose later values no one receives (`rt/machine/deaf.rs`: no
//! receiver left, or receivers bounded by the values already buffered): a heartbeat sends its
//! count `n` to `beats` while `main` receives from it in straight lines, loops, `select`s and
//! callees, stores it, hands it to another goroutine or closes it. The state key treats `n`
//! and the unheard values as one value only where the rule holds. The judge is the plain
//! search of the whole state graph (every move from every state, the clock frozen as the
//! searches keep it in programs that cannot show it) with exact keys: the same search with
//! the key's classes, and the stateful and default searches, must find exactly its outcomes
//! (checked once against every interleaving, ticks unbounded; the ticks make enumerating
//! interleavings too slow for more).

use super::super::stateful::counter_tests::{every_outcome, exact};
use super::*;
use crate::bytecode::counters::Counters;
use proptest::prelude::*;
use std::cell::OnceCell;

/// A heartbeat sending 0 to `beats` (capacity `cap`), then counting `rounds` rounds, adding 2
/// when its ticker has ticked and 1 otherwise, and sending each count to `beats`, dropped when
/// the buffer is full; then, the ticker stopped, `done <- true` and, when `blocking`, the
/// count once more, waiting for room (a count `main` sees only by receiving after `done`).
/// `main` prints `start`, runs `tail` and prints `end`. The ticks make counts that differ at
/// the same round, which the rule may merge. (A goroutine blocked while its ticker runs would
/// run forever, as in Go: no deadlock while a timer is pending.)
fn heartbeat(cap: u32, rounds: u32, blocking: bool, decls: &str, tail: &str) -> String {
    let last = if blocking { "\tbeats <- n\n" } else { "" };
    format!(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nvar keep chan int\n\n{decls}\n\
         func heartbeat(beats chan<- int, done chan<- bool) {{\n\tn := 0\n\tbeats <- n\n\
         \ttk := time.NewTicker(time.Millisecond)\n\tfor j := 0; j < {rounds}; j++ {{\n\
         \t\tselect {{\n\t\tcase <-tk.C:\n\t\t\tn += 2\n\t\tdefault:\n\t\t\tn++\n\t\t}}\n\
         \t\tselect {{\n\t\tcase beats <- n:\n\t\tdefault:\n\t\t}}\n\
         \t}}\n\ttk.Stop()\n\tdone <- true\n{last}}}\n\n\
         func first(c <-chan int) int {{\n\treturn <-c\n}}\n\n\
         func consume(c <-chan int) {{\n\tdefer fmt.Println(\"bye\")\n\tfmt.Println(\"c\", <-c)\n}}\n\n\
         func main() {{\n\tbeats, done := make(chan int, {cap}), make(chan bool)\n\
         \tgo heartbeat(beats, done)\n\tfmt.Println(\"start\")\n{tail}\tfmt.Println(\"end\")\n}}\n"
    )
}

/// `m` whose key knows only the channels no one can receive from again (no bounded
/// receivers): the rule before this one.
fn without_bounded_receivers(m: &Machine) -> Machine {
    let mut old = m.clone();
    old.counters = Rc::new(OnceCell::from(
        Counters::of(m.program()).without_bounded_receivers(),
    ));
    old
}

/// The sizes of `source`'s state graphs (every move from every state, the clock frozen) with
/// exact keys, the rule before this one and this one, which must all have the same outcomes;
/// `None` past the cap. Also the outcomes.
fn state_graphs(source: &str, cap: usize) -> Option<([usize; 3], BTreeSet<Key>)> {
    let m = machine(source);
    assert!(m.clock_hidden(), "{source}");
    let order = WakeOrder::Timeless;
    let (expected, exact_states) = every_outcome(&exact(m.clone()), order, cap)?;
    let (old, old_states) =
        every_outcome(&without_bounded_receivers(&m), order, cap).expect("no larger than exact");
    let (found, states) = every_outcome(&m, order, cap).expect("no larger than exact");
    assert_eq!(
        old, expected,
        "state graph outcomes (old rule) differ on\n{source}"
    );
    assert_eq!(found, expected, "state graph outcomes differ on\n{source}");
    assert!(
        states <= old_states && old_states <= exact_states,
        "{source}"
    );
    Some(([exact_states, old_states, states], expected))
}

/// The stateful and default searches of `source` are complete with exactly `expected`.
fn searches_find(source: &str, expected: &BTreeSet<Key>) {
    let m = machine(source);
    for search in [SearchAlgorithm::Auto, SearchAlgorithm::Stateful] {
        let r = explore(m.clone(), &searching(search));
        assert!(
            r.complete,
            "{search:?} incomplete ({:?}) on\n{source}",
            r.limit
        );
        assert_eq!(
            &keys(&r),
            expected,
            "{search:?} outcomes differ on\n{source}"
        );
    }
}

/// One receive to come while the buffer holds a value: the later counts are one value. The
/// state graphs have the same outcomes, and this rule's is the smallest in three rounds (the
/// rule is what merges); the searches find them. In two rounds, those outcomes are every
/// interleaving's too.
#[test]
fn a_receive_of_a_value_already_buffered_leaves_later_counts_unheard() {
    let tail = "\tx := <-beats\n\t<-done\n\tfmt.Println(x)\n";
    for cap in [1, 2] {
        let source = heartbeat(cap, 3, false, "", tail);
        let ([_, old, new], expected) = state_graphs(&source, 100_000).expect("small");
        assert!(new < old, "{new} vs {old} on\n{source}");
        searches_find(&source, &expected);
        let printed: BTreeSet<String> = expected.into_iter().map(|k| k.0).collect();
        assert_eq!(printed, set(&["start\n0\nend\n"]), "{source}");
    }
    let source = heartbeat(1, 2, false, "", tail);
    let (_, expected) = state_graphs(&source, 100_000).expect("small");
    let (interleavings, _) =
        brute_force(&machine(&source), 200_000, WakeOrder::AnyTimeUnbounded).expect("small");
    assert_eq!(interleavings, expected, "{source}");
    searches_find(&source, &expected);
}

/// `ticker_leak_test.go`'s shape in a program: a heartbeat counting ticks without end and
/// sending each count to `beats` while its buffer has room, `main` receiving once. Until that
/// receive the count is one value only because one value is already buffered for it: with the
/// rule before this one the search is incomplete, with this one complete.
#[test]
fn a_heartbeat_received_from_once_is_searched_completely() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n\
        func heartbeat(beats chan<- int) {\n\ttk := time.NewTicker(time.Millisecond)\n\
        \tn := 0\n\tfor range tk.C {\n\t\tn++\n\t\tselect {\n\t\tcase beats <- n:\n\
        \t\tdefault:\n\t\t}\n\t}\n}\n\nfunc main() {\n\tbeats := make(chan int, 1)\n\
        \tgo heartbeat(beats)\n\ttime.Sleep(2 * time.Millisecond)\n\tfmt.Println(<-beats)\n}\n";
    let m = machine(source);
    let before = explore(
        without_bounded_receivers(&m),
        &searching(SearchAlgorithm::Auto),
    );
    assert!(
        !before.complete,
        "counts exact before the receive never repeat"
    );
    for search in [SearchAlgorithm::Stateful, SearchAlgorithm::Auto] {
        let r = explore(m.clone(), &searching(search));
        assert!(r.complete, "{search:?}: {:?}", r.limit);
        assert_eq!(stdouts(&r), set(&["1\n"]), "{search:?}");
    }
}

/// Where the rule must not hold, later values stay heard: a second receive with one value
/// buffered, a receive in a loop or in a `select` followed by another, the channel stored in
/// a variable or handed to a goroutine that receives, a callee receiving twice, a close while
/// the heartbeat may still send. `main` waits for `done` first in most: then the last count is
/// seen only by a receive that comes after it, so a rule that wrongly merged the counts while
/// `main` waits would lose outcomes. The state graphs keep the exact one's outcomes and the
/// searches find them.
#[test]
fn receivers_that_may_take_later_values_keep_them_exact() {
    let twice = "func twice(c <-chan int) (int, int) {\n\treturn <-c, <-c\n}\n";
    for (blocking, decls, tail) in [
        (false, "", "\tfmt.Println(<-beats, <-beats)\n"),
        (
            false,
            "",
            "\tfmt.Println(<-beats)\n\tkeep = beats\n\t<-done\n\tfmt.Println(<-keep)\n",
        ),
        (true, "", "\t<-done\n\tfmt.Println(<-beats, <-beats)\n"),
        (
            true,
            "",
            "\t<-done\n\tfor i := 0; i < 2; i++ {\n\t\tfmt.Println(<-beats)\n\t}\n",
        ),
        (
            true,
            "",
            "\tnever := make(chan bool)\n\t<-done\n\tselect {\n\tcase x := <-beats:\n\
             \t\tfmt.Println(x, <-beats)\n\tcase <-never:\n\t}\n",
        ),
        (
            true,
            "",
            "\t<-done\n\tkeep = beats\n\tfmt.Println(<-keep, <-keep)\n",
        ),
        (
            true,
            "",
            "\tfin := make(chan bool)\n\t<-done\n\tgo func(c chan int) {\n\
             \t\tfmt.Println(\"g\", <-c, <-c)\n\t\tfin <- true\n\t}(beats)\n\t<-fin\n",
        ),
        (true, twice, "\t<-done\n\tfmt.Println(twice(beats))\n"),
        (
            true,
            "",
            "\tfmt.Println(<-beats)\n\tclose(beats)\n\tfmt.Println(<-beats)\n",
        ),
    ] {
        let source = heartbeat(1, 3, blocking, decls, tail);
        let (_, expected) = state_graphs(&source, 100_000).expect("small");
        searches_find(&source, &expected);
    }
}

/// A statement of `main` on `beats`.
fn statement(kind: u8) -> &'static str {
    match kind {
        0 => "fmt.Println(\"r\", <-beats)",
        1 => "select {\n\tcase v := <-beats:\n\t\tfmt.Println(\"s\", v)\n\tdefault:\n\t\tfmt.Println(\"none\")\n\t}",
        2 => "for i := 0; i < 2; i++ {\n\t\tselect {\n\t\tcase v := <-beats:\n\t\t\tfmt.Println(\"l\", v)\n\t\tdefault:\n\t\t}\n\t}",
        3 => "keep = beats",
        4 => "if keep != nil {\n\t\tselect {\n\t\tcase v := <-keep:\n\t\t\tfmt.Println(\"k\", v)\n\t\tdefault:\n\t\t}\n\t}",
        5 => "go func(c chan int) {\n\t\tselect {\n\t\tcase v := <-c:\n\t\t\tfmt.Println(\"g\", v)\n\t\tdefault:\n\t\t}\n\t}(beats)",
        6 => "fmt.Println(\"len\", len(beats))",
        7 => "<-done",
        8 => "fmt.Println(\"f\", first(beats))",
        9 => "select {\n\tcase v := <-beats:\n\t\tfmt.Println(\"d\", v)\n\tcase <-done:\n\t\tfmt.Println(\"done\")\n\t}",
        // Its frame returns (no longer reading its slots) while its deferred call prints.
        10 => "consume(beats)",
        _ => "close(beats)",
    }
}

const KINDS: u8 = 12;

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(48),
        ..ProptestConfig::default()
    })]
    #[test]
    fn counts_sent_where_receivers_are_bounded_keep_every_outcome(
        cap in 1u32..3,
        rounds in 2u32..4,
        blocking in any::<bool>(),
        ops in proptest::collection::vec(0..KINDS, 1..4),
    ) {
        let tail: String = ops
            .iter()
            .map(|k| format!("\t{{\n\t{}\n\t}}\n", statement(*k)))
            .collect();
        let source = heartbeat(cap, rounds, blocking, "", &tail);
        // Programs too large to enumerate say nothing: skip them.
        let graphs = state_graphs(&source, 20_000);
        prop_assume!(graphs.is_some());
        searches_find(&source, &graphs.expect("checked").1);
    }
}
