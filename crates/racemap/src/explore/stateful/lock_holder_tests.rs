//! The holder of every lock (`target::lock_holder`): its critical section's map and memory
//! accesses are explored alone while the others can only reach their next lock, and every
//! outcome stays (judged by brute force), also where a goroutine can get past a lock call or
//! reach the data without one.

use super::super::soundness_tests::check_source;
use super::super::{DporConfig, Explorer, SearchAlgorithm};
use crate::rt::{config::Config, machine::Machine};
use std::rc::Rc;

/// States the stateful search reaches on `source` (complete).
fn states(source: &str) -> u64 {
    let program = crate::compile::compile(source).expect("test programs compile");
    let config = DporConfig {
        search: SearchAlgorithm::Stateful,
        ..DporConfig::default()
    };
    let mut e = Explorer::new(Machine::new(Rc::new(program), Config::default()), &config);
    e.advance(u64::MAX);
    let stats = e.stats();
    assert!(e.into_result().complete);
    stats.states
}

/// `n` goroutines insert into a map under one mutex, each closing its done channel; main
/// joins them and reads under the lock (the loom bench's `mutex_map_3` for `n = 3`). `before`
/// is code each goroutine runs before its `Lock`.
fn mutex_map(n: u32, before: &str) -> String {
    format!(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {{\n\
         \tvar mu sync.Mutex\n\tm := make(map[int]int)\n\tvar dones [{n}]chan struct{{}}\n\
         \tfor i := 0; i < {n}; i++ {{\n\t\tdone := make(chan struct{{}})\n\t\tdones[i] = done\n\
         \t\tgo func(i int) {{\n\t\t\tdefer close(done)\n{before}\t\t\tmu.Lock()\n\t\t\tm[i] = i + 1\n\
         \t\t\tmu.Unlock()\n\t\t}}(i)\n\t}}\n\tfor _, d := range dones {{\n\t\t<-d\n\t}}\n\
         \tmu.Lock()\n\tfmt.Println(len(m))\n\tmu.Unlock()\n}}\n"
    )
}

/// The map writes under the only lock are explored alone: main touches the map only under
/// it, and the other goroutines have not reached it. (551 states before, 2026-12-06.)
#[test]
fn a_critical_section_under_the_only_lock_is_explored_alone() {
    let n = states(&mutex_map(3, ""));
    assert!(n <= 500, "{n} states");
    check_source(&mutex_map(2, ""));
}

/// A goroutine that writes before its lock keeps the holder's write company: its future up
/// to the lock conflicts, and the race and both last writers are found.
#[test]
fn a_write_before_the_lock_still_interleaves() {
    let r = check_source(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nvar mu sync.Mutex\nvar x int\n\n\
         func main() {\n\tdone := make(chan bool)\n\tgo func() {\n\t\tx = 2\n\t\tmu.Lock()\n\
         \t\tmu.Unlock()\n\t\tdone <- true\n\t}()\n\tmu.Lock()\n\tx = 1\n\tmu.Unlock()\n\t<-done\n\
         \tfmt.Println(x)\n}\n",
    );
    let printed: Vec<&str> = r.outcomes.iter().map(|o| o.stdout.as_str()).collect();
    assert!(printed.contains(&"1\n"), "{printed:?}");
    assert!(printed.contains(&"2\n"), "{printed:?}");
    assert!(r.outcomes.iter().any(|o| o.race), "{:?}", r.outcomes);
}

/// A second lock that the holder does not hold lets another goroutine past its lock call: the
/// holder's write is not alone, and the unguarded read under the other lock races.
#[test]
fn a_lock_someone_else_can_take_lets_them_past() {
    let r = check_source(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nvar mu, mu2 sync.Mutex\nvar x int\n\n\
         func main() {\n\tdone := make(chan bool)\n\tgo func() {\n\t\tmu2.Lock()\n\t\tfmt.Println(x)\n\
         \t\tmu2.Unlock()\n\t\tdone <- true\n\t}()\n\tmu.Lock()\n\tx = 1\n\tmu.Unlock()\n\t<-done\n}\n",
    );
    let printed: Vec<&str> = r.outcomes.iter().map(|o| o.stdout.as_str()).collect();
    assert!(printed.contains(&"0\n"), "{printed:?}");
    assert!(printed.contains(&"1\n"), "{printed:?}");
    assert!(r.outcomes.iter().any(|o| o.race), "{:?}", r.outcomes);
}

/// `TryLock` is no barrier: a goroutine whose `TryLock` fails goes on to read unguarded.
#[test]
fn a_failed_try_lock_goes_on() {
    let r = check_source(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nvar mu sync.Mutex\nvar x int\n\n\
         func main() {\n\tdone := make(chan bool)\n\tgo func() {\n\t\tif mu.TryLock() {\n\
         \t\t\tmu.Unlock()\n\t\t}\n\t\tfmt.Println(x)\n\t\tdone <- true\n\t}()\n\
         \tmu.Lock()\n\tx = 1\n\tmu.Unlock()\n\t<-done\n}\n",
    );
    let printed: Vec<&str> = r.outcomes.iter().map(|o| o.stdout.as_str()).collect();
    assert!(printed.contains(&"0\n"), "{printed:?}");
    assert!(printed.contains(&"1\n"), "{printed:?}");
}

/// A lock made later is one the holder does not hold: a goroutine may lock it and read.
#[test]
fn a_lock_made_later_is_not_held() {
    let r = check_source(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nvar mu sync.Mutex\nvar x int\n\n\
         func main() {\n\tdone := make(chan bool)\n\tgo func() {\n\t\tvar own sync.Mutex\n\
         \t\town.Lock()\n\t\tfmt.Println(x)\n\t\town.Unlock()\n\t\tdone <- true\n\t}()\n\
         \tmu.Lock()\n\tx = 1\n\tmu.Unlock()\n\t<-done\n}\n",
    );
    let printed: Vec<&str> = r.outcomes.iter().map(|o| o.stdout.as_str()).collect();
    assert!(printed.contains(&"0\n"), "{printed:?}");
    assert!(printed.contains(&"1\n"), "{printed:?}");
}

/// A goroutine spawned before its creator's lock is in the creator's future up to it.
#[test]
fn a_goroutine_spawned_before_the_lock_is_in_the_future() {
    let r = check_source(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nvar mu sync.Mutex\nvar x int\n\n\
         func main() {\n\tdone := make(chan bool)\n\tgo func() {\n\t\tgo func() {\n\
         \t\t\tfmt.Println(x)\n\t\t\tdone <- true\n\t\t}()\n\t\tmu.Lock()\n\t\tmu.Unlock()\n\
         \t\tdone <- true\n\t}()\n\tmu.Lock()\n\tx = 1\n\tmu.Unlock()\n\t<-done\n\t<-done\n}\n",
    );
    let printed: Vec<&str> = r.outcomes.iter().map(|o| o.stdout.as_str()).collect();
    assert!(printed.contains(&"0\n"), "{printed:?}");
    assert!(printed.contains(&"1\n"), "{printed:?}");
}
