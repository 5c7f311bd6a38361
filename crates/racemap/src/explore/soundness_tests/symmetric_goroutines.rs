//! Symmetry reduction of the stateful search's key (`rt::machine::symmetry`) on random
//! programs whose workers are identical goroutines (one `go` statement in a loop): mutexes,
//! a `sync.Cond` (waiters woken in turn by `Broadcast`, by one `Signal` or by a `Signal` per
//! worker, then taking the mutex one after another), channels, a map, a WaitGroup, racy and
//! race-free accesses. The stateful
//! search with the symmetric key finds exactly the outcomes of the plain key, and brute
//! force's where brute force can enumerate the program.

use super::*;
use proptest::prelude::*;

/// A statement of a worker (every worker runs the same ones).
fn worker_statement(kind: u8) -> &'static str {
    match kind {
        0 => "mu.Lock()\n\tn++\n\tmu.Unlock()",
        1 => "mu.Lock()\n\tfor !ready {\n\t\tc.Wait()\n\t}\n\tmu.Unlock()",
        2 => "ch <- 1",
        3 => "fmt.Println(\"recv\", <-ch)",
        4 => "bc <- 1",
        5 => "m[0]++",
        6 => "x++",
        7 => "mu.Lock()\n\tn++\n\tfmt.Println(\"n\", n)\n\tmu.Unlock()",
        8 => "c.Signal()",
        9 => "mu.Lock()\n\tfor !ready {\n\t\tc.Wait()\n\t}\n\tn++\n\tmu.Unlock()",
        _ => "select {\n\tcase v := <-ch:\n\t\tfmt.Println(\"sel\", v)\n\tdefault:\n\t\tfmt.Println(\"none\")\n\t}",
    }
}

/// A statement of main.
fn main_statement(kind: u8) -> &'static str {
    match kind {
        0 => "mu.Lock()\n\tready = true\n\tc.Broadcast()\n\tmu.Unlock()",
        1 => "mu.Lock()\n\tready = true\n\tc.Signal()\n\tmu.Unlock()",
        2 => "fmt.Println(\"main recv\", <-ch)",
        3 => "ch <- 0",
        4 => "fmt.Println(\"len\", len(bc))",
        5 => "mu.Lock()\n\tready = true\n\tfor i := 0; i < 3; i++ {\n\t\tc.Signal()\n\t}\n\tmu.Unlock()",
        _ => "mu.Lock()\n\tfmt.Println(\"n\", n)\n\tmu.Unlock()",
    }
}

/// `workers` goroutines started by one `go` statement, each running `work`, then main's
/// `main_ops`; main waits for them by a WaitGroup when `join`.
fn program(workers: u32, work: &[u8], main_ops: &[u8], join: bool) -> String {
    let block = |s: &str| format!("\t{{\n\t{s}\n\t}}\n");
    let work: String = work.iter().map(|k| block(worker_statement(*k))).collect();
    let main_body: String = main_ops.iter().map(|k| block(main_statement(*k))).collect();
    let (add, done, wait) = if join {
        ("\t\twg.Add(1)\n", "\twg.Done()\n", "\twg.Wait()\n")
    } else {
        ("", "", "")
    };
    format!(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\n\
         var ch = make(chan int)\nvar bc = make(chan int, 1)\nvar mu sync.Mutex\n\
         var c = sync.NewCond(&mu)\nvar ready bool\nvar wg sync.WaitGroup\n\
         var m = map[int]int{{}}\nvar x, n int\n\n\
         func worker() {{\n{work}{done}}}\n\n\
         func main() {{\n\tfor i := 0; i < {workers}; i++ {{\n{add}\t\tgo worker()\n\t}}\n\
         {main_body}{wait}\t_ = fmt.Sprint()\n}}\n"
    )
}

/// `source`'s machine with the symmetric key on or off.
fn keyed(source: &str, symmetric: bool) -> Machine {
    let program = crate::compile::compile(source)
        .unwrap_or_else(|e| panic!("test program does not compile: {e:?}\n{source}"));
    let config = Config {
        symmetric_key: symmetric,
        ..Config::default()
    };
    Machine::new(Rc::new(program), config)
}

/// The stateful search's result on `m` and its states (`None` when it gave way to DPOR).
fn stateful(m: Machine) -> (ExploreResult, Option<u64>) {
    let mut explorer = Explorer::new(m, &searching(SearchAlgorithm::Stateful));
    explorer.advance(u64::MAX);
    let stats = explorer.stats();
    (
        explorer.into_result(),
        stats.stateful.then_some(stats.states),
    )
}

proptest! {
    // 24 cases by default; `PROPTEST_CASES=300` for a longer run before a change of the
    // state key.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(24),
        ..ProptestConfig::default()
    })]
    #[test]
    fn the_symmetric_key_keeps_every_outcome_of_identical_goroutines(
        workers in 2u32..4,
        work in proptest::collection::vec(0u8..11, 1..4),
        main_ops in proptest::collection::vec(0u8..7, 0..3),
        join in any::<bool>(),
    ) {
        let source = program(workers, &work, &main_ops, join);
        let (plain, plain_states) = stateful(keyed(&source, false));
        let (symmetric, states) = stateful(keyed(&source, true));
        prop_assume!(plain.complete && symmetric.complete);
        prop_assert_eq!(keys(&symmetric), keys(&plain), "on\n{}", source);
        if let (Some(plain_states), Some(states)) = (plain_states, states) {
            prop_assert!(states <= plain_states, "{} > {} states on\n{}", states, plain_states, source);
        }
        if let Some(reference) = Reference::of(&keyed(&source, true), 20_000) {
            reference.assert_matches(&symmetric, &source);
        }
    }
}
