//! Cycles (`cycles`): spin loops on `runtime.Gosched` searched completely, judged by a plain
//! search of the whole state graph (every move from every state, a visited set of exact state
//! keys, no reduction), which brute-force enumeration cannot do where runs may be infinite;
//! a livelock gives an honest, bounded result. Also the early ticks the second search no
//! longer bounds, and a WaitGroup whose `Done` is not deferred.

use super::super::{explore, Explorer, SearchAlgorithm};
use super::fingerprint::{final_fingerprint, fingerprint};
use super::tests::{config, machine};
use crate::race::{Detector, DetectorConfig};
use crate::rt::config::WakeOrder;
use crate::rt::machine::Machine;
use crate::target::{StateMemo, Target};
use std::collections::{BTreeSet, HashSet};

type Key = (String, Option<String>, bool);

/// Every outcome of the program's state graph (sleepers woken in `order`): a depth-first
/// search over every move, states keyed by the machine and the detector without any static
/// analysis. `None` past `cap` states.
fn every_outcome(m: &Machine, order: WakeOrder, cap: usize) -> Option<BTreeSet<Key>> {
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
    Some(out)
}

/// The search `search` of `source` is complete and finds exactly the state graph's outcomes.
fn assert_complete(source: &str, search: SearchAlgorithm, order: WakeOrder) -> BTreeSet<Key> {
    let m = machine(source);
    let expected = every_outcome(&m, order, 200_000).expect("small state graph");
    let r = explore(m, &config(search));
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
    found
}

const SPIN_LOCK: &str = "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"sync\"\n\
    \t\"sync/atomic\"\n)\n\ntype spin struct{ v int32 }\n\n\
    func (s *spin) Lock() {\n\tfor !atomic.CompareAndSwapInt32(&s.v, 0, 1) {\n\
    \t\truntime.Gosched()\n\t}\n}\n\nfunc (s *spin) Unlock() { atomic.StoreInt32(&s.v, 0) }\n\n\
    func main() {\n\tvar s spin\n\tvar wg sync.WaitGroup\n\ttotal := 0\n\
    \tfor i := 1; i <= 2; i++ {\n\t\twg.Add(1)\n\t\tgo func(i int) {\n\t\t\tdefer wg.Done()\n\
    \t\t\ts.Lock()\n\t\t\ttotal += i\n\t\t\tfmt.Println(\"in\", i)\n\t\t\ts.Unlock()\n\
    \t\t}(i)\n\t}\n\twg.Wait()\n\tfmt.Println(total)\n}\n";

/// Two goroutines take a spin lock (`for !CAS { runtime.Gosched() }`): a goroutine that
/// yields may go on at once and spin again, a cycle of equal states. Complete, both orders,
/// no race (real Go 1.19 `-race` prints both orders).
#[test]
fn a_gosched_spin_lock_is_searched_completely() {
    for search in [SearchAlgorithm::Auto, SearchAlgorithm::Stateful] {
        let found = assert_complete(SPIN_LOCK, search, WakeOrder::VirtualTime);
        let stdouts: BTreeSet<&str> = found.iter().map(|k| k.0.as_str()).collect();
        assert_eq!(
            stdouts,
            BTreeSet::from(["in 1\nin 2\n3\n", "in 2\nin 1\n3\n"]),
            "{found:?}"
        );
        assert!(found.iter().all(|k| !k.2 && k.1.is_none()), "{found:?}");
    }
    // DPOR alone keeps its fair yields, and says so.
    let dpor = explore(machine(SPIN_LOCK), &config(SearchAlgorithm::Dpor));
    assert_eq!(dpor.limit, Some(crate::explore::SearchLimit::Fairness));
}

/// A plain `bool` spin lock (`for s.held { runtime.Gosched() }`, as `sync_locker.go`'s) and a
/// polled flag: the data race is found, completely.
#[test]
fn a_racy_spin_on_a_flag_is_searched_completely() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\n\
        func main() {\n\theld := true\n\tx := 0\n\tgo func() {\n\t\tx = 1\n\t\theld = false\n\t}()\n\
        \tfor held {\n\t\truntime.Gosched()\n\t}\n\tfmt.Println(x)\n}\n";
    for search in [SearchAlgorithm::Auto, SearchAlgorithm::Stateful] {
        let found = assert_complete(source, search, WakeOrder::VirtualTime);
        assert!(found.iter().any(|k| k.2), "{found:?}");
    }
}

/// A spin that can never end (nobody sets the flag): the stateful search finds a state from
/// which no run ends (`Abandon::Livelock`) and gives way to DPOR, whose runs stop at the step
/// limit: incomplete, and in a moment.
#[test]
fn a_spin_that_never_ends_is_no_complete_search() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"sync/atomic\"\n)\n\n\
        func main() {\n\tvar done int32\n\tgo func() {\n\t\tfmt.Println(\"worker\")\n\t}()\n\
        \tfor atomic.LoadInt32(&done) == 0 {\n\t\truntime.Gosched()\n\t}\n\
        \tfmt.Println(\"never\")\n}\n";
    for search in [SearchAlgorithm::Auto, SearchAlgorithm::Stateful] {
        let mut explorer = Explorer::new(machine(source), &config(search));
        explorer.advance(u64::MAX);
        let r = explorer.into_result();
        assert!(!r.complete, "{search:?}: {r:?}");
        assert!(
            r.outcomes.iter().all(|o| !o.stdout.contains("never")),
            "{r:?}"
        );
    }
}

/// A ticker whose ticks a loop consumes three times while the clock shows (`time.Since`):
/// the second search lets it fire early without the bound of two (the consumer bounds it),
/// complete, the outcomes of the state graph with early ticks unbounded.
#[test]
fn early_ticks_a_consumer_bounds_are_searched_completely() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n\
        func main() {\n\tstart := time.Now()\n\ttk := time.NewTicker(10 * time.Millisecond)\n\
        \tn := 0\n\tfor range tk.C {\n\t\tn++\n\t\tif n == 3 {\n\t\t\ttk.Stop()\n\t\t\tbreak\n\
        \t\t}\n\t}\n\tfmt.Println(n, time.Since(start) >= 30*time.Millisecond)\n}\n";
    assert!(!machine(source).clock_hidden());
    for search in [SearchAlgorithm::Auto, SearchAlgorithm::Stateful] {
        assert_complete(source, search, WakeOrder::AnyTimeUnbounded);
    }
}
