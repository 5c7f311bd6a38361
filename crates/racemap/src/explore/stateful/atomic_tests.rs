//! Commuting atomic adds in the stateful search (`target::atomic_commute`): an atomic add whose
//! result is discarded is explored alone when the happens-before edges it makes cannot change
//! a verdict, so the classic "N goroutines × atomic counter" program is a few states per step;
//! where the edges do matter (message passing through an atomic, a plain access after a
//! `Done`, a used result, a plain read without a `Wait`) every outcome stays, judged by brute
//! force.

use super::super::soundness_tests::{check_enumerable, check_source};
use super::super::{DporConfig, Explorer, SearchAlgorithm};
use crate::rt::{config::Config, machine::Machine};
use std::rc::Rc;

fn machine(source: &str) -> Machine {
    let program = crate::compile::compile(source).expect("test programs compile");
    Machine::new(Rc::new(program), Config::default())
}

/// States the stateful search reaches on `source` (complete).
fn states(source: &str) -> u64 {
    let config = DporConfig {
        search: SearchAlgorithm::Stateful,
        ..DporConfig::default()
    };
    let mut e = Explorer::new(machine(source), &config);
    e.advance(u64::MAX);
    let stats = e.stats();
    assert!(stats.stateful, "{stats:?}");
    assert!(e.into_result().complete);
    stats.states
}

/// `n` goroutines each make `adds` discarded atomic adds to two counters (`defer wg.Done()`),
/// main waits and reads the counters plainly, as `tests/programs/atomic_unsigned.go` does;
/// `body` is put after each goroutine's adds.
fn counters(n: u32, adds: u32, body: &str) -> String {
    format!(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"sync/atomic\"\n)\n\n\
         func main() {{\n\tvar ops uint64\n\tvar n32 uint32\n\tvar wg sync.WaitGroup\n\
         \twg.Add({n})\n\tfor i := 0; i < {n}; i++ {{\n\t\tgo func() {{\n\t\t\tdefer wg.Done()\n\
         \t\t\tfor c := 0; c < {adds}; c++ {{\n\t\t\t\tatomic.AddUint64(&ops, 1)\n\
         \t\t\t\tatomic.AddUint32(&n32, 2)\n\t\t\t}}\n{body}\t\t}}()\n\t}}\n\twg.Wait()\n\
         \tfmt.Println(atomic.LoadUint64(&ops), ops, n32)\n}}\n"
    )
}

/// Two goroutines running `body` (which defers `wg.Done()`), then main waits and prints `n`:
/// small enough to enumerate every interleaving.
fn pair(body: &str) -> String {
    format!(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"sync/atomic\"\n)\n\n\
         func main() {{\n\tvar n int64\n\tvar wg sync.WaitGroup\n\twg.Add(2)\n\
         \tfor i := 0; i < 2; i++ {{\n\t\tgo func() {{\n{body}\t\t}}()\n\t}}\n\
         \twg.Wait()\n\tfmt.Println(n)\n}}\n"
    )
}

/// Discarded adds whose edges nothing can observe (main reads the counters only after
/// `wg.Wait()`) are explored alone once the goroutines run: a few states per step, not one per
/// interleaving.
#[test]
fn discarded_adds_before_a_wait_do_not_interleave() {
    // 4 goroutines of 2 × 10 adds: 194 481 interleavings of the adds alone; 159 states.
    let few = states(&counters(4, 10, ""));
    assert!(few <= 200, "{few} states");
    // Linear in the number of adds.
    let more = states(&counters(4, 20, ""));
    assert!(more <= few + 100, "{more} states vs {few}");
    check_source(&pair(
        "\t\t\tdefer wg.Done()\n\t\t\tatomic.AddInt64(&n, 1)\n\t\t\tatomic.AddInt64(&n, 1)\n",
    ));
}

/// The same adds beside a plain write each goroutine makes after them (a race main's read
/// after `Wait` does not see, but the other goroutine's write does): not explored alone, and
/// every outcome stays.
#[test]
fn adds_beside_plain_writes_keep_every_outcome() {
    let r = check_source(&pair(
        "\t\t\tdefer wg.Done()\n\t\t\tatomic.AddInt64(&n, 1)\n\t\t\tn = 7\n",
    ));
    assert!(r.outcomes.iter().any(|o| o.race));
}

/// Message passing through an atomic: the writer's plain write is published by its add, the
/// reader reads it only when its own add saw the writer's (a used result): race and no race
/// both stay.
#[test]
fn message_passing_through_an_add_keeps_race_and_no_race() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"sync/atomic\"\n)\n\n\
               func main() {\n\tvar n int64\n\tx := 0\n\tvar wg sync.WaitGroup\n\twg.Add(2)\n\
               \tgo func() {\n\t\tdefer wg.Done()\n\t\tx = 1\n\t\tatomic.AddInt64(&n, 1)\n\t}()\n\
               \tgo func() {\n\t\tdefer wg.Done()\n\t\tatomic.AddInt64(&n, 1)\n\t\t_ = x\n\t}()\n\
               \twg.Wait()\n\tfmt.Println(n)\n}\n";
    let r = check_source(src);
    assert!(r.outcomes.iter().any(|o| o.race));
    assert!(r.outcomes.iter().any(|o| !o.race));
}

/// Two goroutines each write their own variable, add, then read the other's: which read
/// races depends on the order of the adds (`y_i = …; atomic.Add(&n, 1)`; the other reads
/// `y_i` after its own add), and the printed values with it.
#[test]
fn each_reading_the_other_s_write_after_its_add_keeps_every_verdict() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"sync/atomic\"\n)\n\n\
               func main() {\n\tvar n int64\n\ty1, y2 := 0, 0\n\tvar wg sync.WaitGroup\n\twg.Add(2)\n\
               \tgo func() {\n\t\tdefer wg.Done()\n\t\ty1 = 1\n\t\tatomic.AddInt64(&n, 1)\n\t\t_ = y2\n\t}()\n\
               \tgo func() {\n\t\tdefer wg.Done()\n\t\ty2 = 2\n\t\tatomic.AddInt64(&n, 1)\n\t\t_ = y1\n\t}()\n\
               \twg.Wait()\n\tfmt.Println(n)\n}\n";
    let r = check_source(src);
    // Whichever add comes first, the other goroutine's read of its write is ordered and its
    // own read of the other's is not: every run races.
    assert!(r.outcomes.iter().all(|o| o.race));
}

/// A flag set by an atomic store after a plain write, read by an atomic load: the reader
/// prints the plain variable only when it saw the flag (no race then); adds beside it.
#[test]
fn a_flag_published_by_a_store_keeps_every_outcome() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"sync/atomic\"\n)\n\n\
               func main() {\n\tvar f int32\n\tvar n int64\n\tx := 0\n\tvar wg sync.WaitGroup\n\twg.Add(2)\n\
               \tgo func() {\n\t\tdefer wg.Done()\n\t\tatomic.AddInt64(&n, 1)\n\t\tx = 1\n\t\tatomic.StoreInt32(&f, 1)\n\t}()\n\
               \tgo func() {\n\t\tdefer wg.Done()\n\t\tatomic.AddInt64(&n, 1)\n\
               \t\tif atomic.LoadInt32(&f) == 1 {\n\t\t\tfmt.Println(x)\n\t\t}\n\t}()\n\
               \twg.Wait()\n\tfmt.Println(n)\n}\n";
    let r = check_source(src);
    assert!(r.outcomes.iter().any(|o| o.stdout.starts_with("1\n")));
}

/// Main reads the counter plainly without waiting: a race in some runs, none in others.
#[test]
fn a_plain_read_without_a_wait_races_with_the_adds() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"sync/atomic\"\n)\n\n\
               func main() {\n\tvar n int64\n\tvar wg sync.WaitGroup\n\twg.Add(2)\n\
               \tfor i := 0; i < 2; i++ {\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\
               \t\t\tatomic.AddInt64(&n, 1)\n\t\t\tatomic.AddInt64(&n, 1)\n\t\t}()\n\t}\n\
               \tfmt.Println(n > 0)\n\twg.Wait()\n}\n";
    let r = check_source(src);
    assert!(r.outcomes.iter().any(|o| o.race));
}

/// An add after the goroutine's `Done` (a plain `Done`, or a deferred add that runs after the
/// deferred `Done`) is not ordered before main's read after `Wait`: the race stays.
#[test]
fn an_add_after_done_races_with_the_read_after_wait() {
    for tail in [
        "\t\t\tdefer func() { atomic.AddInt64(&n, 1) }()\n",
        "\t\t\tdefer atomic.AddInt64(&n, 1)\n",
    ] {
        let src = pair(&format!(
            "{tail}\t\t\tdefer wg.Done()\n\t\t\tatomic.AddInt64(&n, 1)\n"
        ));
        let r = check_source(&src);
        assert!(r.outcomes.iter().any(|o| o.race), "{src}");
    }
}

/// An add whose result is used (here printed) does not commute with another add: every order
/// of the printed values stays.
#[test]
fn used_results_keep_every_order() {
    let r = check_source(&pair(
        "\t\t\tdefer wg.Done()\n\t\t\tv := atomic.AddInt64(&n, 1)\n\t\t\tfmt.Println(v)\n",
    ));
    assert_eq!(r.outcomes.len(), 2);
}

/// A statement of goroutine `id` (1 or 2; main is 0) around the counters `a` and `b`: discarded
/// adds (what the reduction moves alone) beside what makes their edges matter.
fn statement(kind: u8, id: u32) -> String {
    match kind {
        0 => "atomic.AddInt64(&a, 1)".to_string(),
        1 => "atomic.AddInt64(&b, 1)".to_string(),
        2 => format!("x = {id}"),
        3 => "_ = x".to_string(),
        4 => "fmt.Println(atomic.AddInt64(&a, 1))".to_string(),
        5 => format!("atomic.StoreInt64(&b, {id})"),
        6 => "if atomic.LoadInt64(&a) > 1 {\n\t\t_ = x\n\t}".to_string(),
        7 => format!("a = {id}"),
        _ => "defer atomic.AddInt64(&b, 1)".to_string(),
    }
}

proptest::proptest! {
    // 8 cases by default (about 3 min in a debug build); `PROPTEST_CASES=200` for a longer run.
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(8),
        failure_persistence: None,
        ..proptest::prelude::ProptestConfig::default()
    })]
    /// Random programs of two goroutines joined by a WaitGroup (`defer wg.Done()`) mixing
    /// discarded adds with plain accesses, loads, stores and used results, main doing some of
    /// it before its `Wait` and reading the counters plainly or atomically after: every
    /// search finds exactly the outcomes of every interleaving. (Main's add of 0 before it
    /// starts them keeps `sync/atomic` used when no statement uses it.)
    #[test]
    fn adds_beside_anything_keep_every_outcome(
        before in proptest::collection::vec(0u8..9, 0..2),
        g1 in proptest::collection::vec(0u8..9, 1..3),
        g2 in proptest::collection::vec(0u8..9, 1..3),
        plain_after in proptest::prelude::any::<bool>(),
    ) {
        let body = |ops: &[u8], id: u32| -> String {
            ops.iter().map(|k| format!("\t\t{}\n", statement(*k, id))).collect()
        };
        let after = if plain_after {
            "\tfmt.Println(a, b, x)\n"
        } else {
            "\tfmt.Println(atomic.LoadInt64(&a), atomic.LoadInt64(&b))\n"
        };
        let src = format!(
            "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"sync/atomic\"\n)\n\n\
             func main() {{\n\tvar a, b int64\n\tatomic.AddInt64(&b, 0)\n\tx := 0\n\t_ = x\n\tvar wg sync.WaitGroup\n\twg.Add(2)\n\
             \tgo func() {{\n\t\tdefer wg.Done()\n{}\t}}()\n\
             \tgo func() {{\n\t\tdefer wg.Done()\n{}\t}}()\n{}\twg.Wait()\n{after}}}\n",
            body(&g1, 1),
            body(&g2, 2),
            body(&before, 0).replace("\t\t", "\t"),
        );
        // A draw too large to enumerate (three `Println`s of adds) is rejected, not judged.
        proptest::prop_assume!(check_enumerable(&src).is_some());
    }
}
