//! Counters in the state key (`bytecode::counters`, `rt::machine::Machine::hash_state`):
//! judged by a plain search of the whole state graph (every move from every state, a visited
//! set of exact state keys, no reduction) on programs whose counts are bounded so that it
//! ends; the same search with saturated counters, and the stateful search, must find exactly
//! its outcomes. And a ticker counted without bound, which only saturation makes finite.

use super::super::{explore, SearchAlgorithm};
use super::fingerprint::{final_fingerprint, fingerprint};
use super::tests::{config, machine};
use crate::bytecode::counters::Counters;
use crate::race::{Detector, DetectorConfig};
use crate::rt::config::WakeOrder;
use crate::rt::machine::Machine;
use crate::target::{StateMemo, Target};
use std::cell::OnceCell;
use std::collections::{BTreeSet, HashSet};
use std::rc::Rc;

type Key = (String, Option<String>, bool);

/// `m` with no counters: its state key tells every value apart.
pub(in crate::explore) fn exact(mut m: Machine) -> Machine {
    m.counters = Rc::new(OnceCell::from(Counters::default()));
    m
}

/// Every outcome of `m`'s state graph under `order` (every move, keys of `m`'s own kind) and
/// the number of states; `None` past `cap` states.
pub(in crate::explore) fn every_outcome(
    m: &Machine,
    order: WakeOrder,
    cap: usize,
) -> Option<(BTreeSet<Key>, usize)> {
    let mut c = DetectorConfig::new(m.source_map());
    c.first_goroutine_id = m.first_goroutine_id();
    let mut root = m.clone();
    root.set_wake_order(order);
    let mut todo = vec![(root, Detector::new(c))];
    let mut seen: HashSet<u128> = HashSet::new();
    let mut out = BTreeSet::new();
    while let Some((t, d)) = todo.pop() {
        let choices = if t.ending().is_some() {
            Vec::new()
        } else {
            t.runnable()
        };
        let key = if choices.is_empty() {
            final_fingerprint(&t, Some(&d))
        } else {
            fingerprint(
                &t,
                Some(&d),
                None,
                &mut StateMemo::default(),
                None,
                None,
                &mut |_| None,
            )
            .expect("machines hash their state")
        };
        if !seen.insert(key) {
            continue;
        }
        if seen.len() > cap {
            return None;
        }
        if choices.is_empty() {
            out.insert((
                t.stdout().to_string(),
                t.ending().and_then(|e| e.first_line),
                !d.reports().is_empty(),
            ));
        }
        for choice in choices {
            let mut next = t.clone();
            let mut nd = d.clone();
            let events = next.step(choice);
            nd.observe_step(&events);
            next.note_races(nd.reports().len());
            todo.push((next, nd));
        }
    }
    Some((out, seen.len()))
}

/// A loop of four rounds, each a tick (`n += step`) or none (`n++`), then a race on `x` when
/// `n >= c`, and `n` shown through comparisons with `a`, `b` and `c`.
fn bounded(step: u32, a: u32, b: u32, c: u32) -> String {
    format!(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {{\n\
         \tx := 0\n\tgo func() {{\n\t\tx = 1\n\t}}()\n\
         \ttk := time.NewTicker(time.Millisecond)\n\tn := 0\n\
         \tfor j := 0; j < 4; j++ {{\n\t\tselect {{\n\t\tcase <-tk.C:\n\t\t\tn += {step}\n\
         \t\tdefault:\n\t\t\tn++\n\t\t}}\n\t}}\n\ttk.Stop()\n\
         \tif n >= {c} {{\n\t\tx = 2\n\t}}\n\
         \t_ = x\n\tfmt.Println(n > {a}, n == {b}, {c} <= n)\n}}\n"
    )
}

/// Saturated keys merge states of the bounded loops and keep every outcome of the exact
/// state graph; the stateful and default searches are complete with exactly those outcomes.
#[test]
fn saturated_counters_keep_every_outcome_of_bounded_counts() {
    let mut merged = false;
    for (step, a, b, c) in [(2, 1, 3, 2), (3, 4, 2, 5), (1, 0, 2, 3), (2, 5, 6, 7)] {
        let source = bounded(step, a, b, c);
        let m = machine(&source);
        assert!(m.clock_hidden() && !m.counters().is_empty(), "{source}");
        let order = WakeOrder::Timeless;
        let (expected, exact_states) =
            every_outcome(&exact(m.clone()), order, 200_000).expect("small state graph");
        let (saturated, states) = every_outcome(&m, order, 200_000).expect("smaller still");
        assert_eq!(saturated, expected, "saturated keys on\n{source}");
        assert!(states <= exact_states);
        merged |= states < exact_states;
        for search in [SearchAlgorithm::Stateful, SearchAlgorithm::Auto] {
            let r = explore(machine(&source), &config(search));
            assert!(
                r.complete,
                "{search:?} incomplete ({:?}) on\n{source}",
                r.limit
            );
            let found: BTreeSet<Key> = r
                .outcomes
                .iter()
                .map(|o| (o.stdout.clone(), o.error.clone(), o.race))
                .collect();
            assert_eq!(found, expected, "{search:?} on\n{source}");
        }
    }
    assert!(
        merged,
        "some state graph is smaller with saturated counters"
    );
}

/// A loop counting a ticker's fires until a timeout (`timer_after_stop.go`'s shape): no state
/// repeats with exact keys, so the search was incomplete; with `n` saturated above 1 it is
/// complete, with every outcome DPOR's bounded early ticks find and both answers of `n >= 1`.
#[test]
fn an_unbounded_tick_count_is_searched_completely() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\
        \ttimeout := time.After(30 * time.Millisecond)\n\
        \ttick := time.NewTicker(10 * time.Millisecond)\n\tn := 0\n\tfor {\n\t\tselect {\n\
        \t\tcase <-tick.C:\n\t\t\tn++\n\t\tcase <-timeout:\n\t\t\ttick.Stop()\n\
        \t\t\tfmt.Println(\"timeout\", n >= 1)\n\t\t\treturn\n\t\t}\n\t}\n}\n";
    let keys = |r: &crate::explore::ExploreResult| -> BTreeSet<Key> {
        r.outcomes
            .iter()
            .map(|o| (o.stdout.clone(), o.error.clone(), o.race))
            .collect()
    };
    let dpor = explore(machine(source), &config(SearchAlgorithm::Dpor));
    assert!(!dpor.complete);
    let before = explore(exact(machine(source)), &config(SearchAlgorithm::Auto));
    assert!(!before.complete, "exact keys never repeat: {before:?}");
    for search in [SearchAlgorithm::Stateful, SearchAlgorithm::Auto] {
        let r = explore(machine(source), &config(search));
        assert!(r.complete, "{search:?}: {:?}", r.limit);
        assert!(keys(&r).is_superset(&keys(&dpor)), "{search:?}");
        let stdouts: BTreeSet<String> = keys(&r).into_iter().map(|k| k.0).collect();
        assert_eq!(
            stdouts,
            BTreeSet::from(["timeout false\n".to_string(), "timeout true\n".to_string()])
        );
    }
}

/// A heartbeat sending its count (`beats <- n`, dropped when the buffer is full) to `main`.
fn heartbeat(main_tail: &str) -> String {
    format!(
        "package main\n\nimport \"fmt\"\n\nfunc heartbeat(beats chan<- int, done chan<- bool) {{\n\
         \tn := 0\n\tfor j := 0; j < 3; j++ {{\n\t\tn++\n\t\tselect {{\n\t\tcase beats <- n:\n\
         \t\tdefault:\n\t\t}}\n\t}}\n\tdone <- true\n}}\n\nfunc main() {{\n\
         \tbeats, done := make(chan int, 1), make(chan bool)\n\tgo heartbeat(beats, done)\n\
         \tx := <-beats\n{main_tail}}}\n"
    )
}

/// A count sent on a channel: once `main` can no longer receive from it (its last receive
/// made), the channel is deaf and the values buffered or sent there are one value; while it
/// can, they stay exact. Both keep the exact state graph's outcomes. (The race detector's
/// clocks, which the sends and receives order differently, keep these states apart.)
#[test]
fn sends_to_a_deaf_channel_keep_every_outcome() {
    let deaf_after_one = heartbeat("\t<-done\n\tfmt.Println(x)\n");
    let received_again = heartbeat(
        "\t<-done\n\tselect {\n\tcase y := <-beats:\n\t\tfmt.Println(x, y)\n\
         \tdefault:\n\t\tfmt.Println(x, \"none\")\n\t}\n",
    );
    for source in [&deaf_after_one, &received_again] {
        let m = machine(source);
        let order = WakeOrder::VirtualTime;
        let (expected, exact_states) =
            every_outcome(&exact(m.clone()), order, 200_000).expect("small state graph");
        let (found, states) = every_outcome(&m, order, 200_000).expect("smaller still");
        assert_eq!(found, expected, "{source}");
        assert!(
            states <= exact_states,
            "{states} vs {exact_states}: {source}"
        );
        for search in [SearchAlgorithm::Stateful, SearchAlgorithm::Auto] {
            let r = explore(machine(source), &config(search));
            assert!(r.complete, "{search:?} incomplete on\n{source}");
            let keys: BTreeSet<Key> = r
                .outcomes
                .iter()
                .map(|o| (o.stdout.clone(), o.error.clone(), o.race))
                .collect();
            assert_eq!(keys, expected, "{search:?} on\n{source}");
        }
    }
}

/// A ticker's count sent where no one listens (`main` only sleeps): the channel is deaf from
/// the start, so the count is one value and the search is complete.
#[test]
fn an_unbounded_count_sent_to_no_one_is_searched_completely() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n\
        func heartbeat(beats chan<- int) {\n\ttk := time.NewTicker(time.Millisecond)\n\
        \tn := 0\n\tfor range tk.C {\n\t\tn++\n\t\tselect {\n\t\tcase beats <- n:\n\
        \t\tdefault:\n\t\t}\n\t}\n}\n\nfunc main() {\n\tbeats := make(chan int, 1)\n\
        \tgo heartbeat(beats)\n\ttime.Sleep(2 * time.Millisecond)\n\tfmt.Println(\"done\")\n}\n";
    let before = explore(exact(machine(source)), &config(SearchAlgorithm::Auto));
    assert!(!before.complete, "exact keys never repeat");
    for search in [SearchAlgorithm::Stateful, SearchAlgorithm::Auto] {
        let r = explore(machine(source), &config(search));
        assert!(r.complete, "{search:?}: {:?}", r.limit);
        let stdouts: Vec<&str> = r.outcomes.iter().map(|o| o.stdout.as_str()).collect();
        assert_eq!(stdouts, ["done\n"], "{search:?}");
    }
}
