//! Lock wait queues in Go's order in a run (`rt::machine::lock_queue`): the goroutines blocked
//! on a held `sync.Mutex` take it first blocked first, an RWMutex's readers blocked during a
//! write hold take the read lock before the next writer. A search keeps the general rule (any
//! goroutine parked at a free lock may take it: its arrival may come later), so every order Go
//! shows under delays stays reachable, and every run's outcome is a searched one.

use super::chan_queues::runs_within_the_search;
use super::*;
use proptest::prelude::*;

/// Two goroutines block, one after the other, on a mutex main holds: in a run they take it in
/// that order (Go 1.19: "got 0, got 1" in every run, `tests/programs/mutex_fifo_waiters.go`);
/// the search also lists the other order (the first one may reach its `Lock` late).
#[test]
fn in_a_run_mutex_waiters_take_it_in_the_order_they_blocked() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\n\n\
                  func main() {\n\tvar mu sync.Mutex\n\tmu.Lock()\n\
                  \tfor i := 0; i < 2; i++ {\n\t\ti := i\n\
                  \t\tgo func() {\n\t\t\tmu.Lock()\n\t\t\tfmt.Println(\"got\", i)\n\t\t\tmu.Unlock()\n\t\t}()\n\
                  \t\ttime.Sleep(10 * time.Millisecond)\n\t}\n\tmu.Unlock()\n\
                  \ttime.Sleep(100 * time.Millisecond)\n}\n";
    assert_eq!(runs_within_the_search(source), set(&["got 0\ngot 1\n"]));
    assert!(
        stdouts(&check_source(source)).contains("got 1\ngot 0\n"),
        "the search lets the first one come late"
    );
}

/// A goroutine that did not block (main unlocks and locks again at once) may take the mutex
/// before the waiter the `Unlock` woke, or not: Go 1.19 printed "main" first in 25 runs of 30
/// and "waiter" first in 5 (`go run -race`): a run shows both.
#[test]
fn in_a_run_a_goroutine_that_did_not_block_may_barge_in() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\n\n\
                  func main() {\n\tvar mu sync.Mutex\n\tmu.Lock()\n\
                  \tgo func() {\n\t\tmu.Lock()\n\t\tfmt.Println(\"waiter\")\n\t\tmu.Unlock()\n\t}()\n\
                  \ttime.Sleep(10 * time.Millisecond)\n\tmu.Unlock()\n\tmu.Lock()\n\
                  \tfmt.Println(\"main\")\n\tmu.Unlock()\n\ttime.Sleep(10 * time.Millisecond)\n}\n";
    assert_eq!(
        runs_within_the_search(source),
        set(&["main\nwaiter\n", "waiter\nmain\n"])
    );
}

/// A reader blocks on a write-locked RWMutex, then a second writer: the first writer's
/// `Unlock` lets the reader in before the second writer in every run (Go 1.19: "reader sees 1"
/// first in every run, `tests/programs/rwmutex_blocked_readers_first.go`); the search also
/// lists the second writer first (the reader's `RLock` may come late).
#[test]
fn in_a_run_blocked_readers_take_the_rwmutex_before_the_next_writer() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\n\n\
                  func main() {\n\tvar rw sync.RWMutex\n\tx := 0\n\trw.Lock()\n\
                  \tgo func() {\n\t\trw.RLock()\n\t\tfmt.Println(\"reader sees\", x)\n\t\trw.RUnlock()\n\t}()\n\
                  \ttime.Sleep(10 * time.Millisecond)\n\
                  \tgo func() {\n\t\trw.Lock()\n\t\tx = 2\n\t\tfmt.Println(\"writer 2\")\n\t\trw.Unlock()\n\t}()\n\
                  \ttime.Sleep(10 * time.Millisecond)\n\tx = 1\n\trw.Unlock()\n\
                  \ttime.Sleep(100 * time.Millisecond)\n}\n";
    assert_eq!(
        runs_within_the_search(source),
        set(&["reader sees 1\nwriter 2\n"])
    );
    assert!(
        stdouts(&check_source(source)).contains("writer 2\nreader sees 2\n"),
        "the search lets the reader come late"
    );
}

/// Writers blocked on a write-locked RWMutex take it in the order they blocked (its writers'
/// mutex `w` queues them; `tests/programs/rwmutex_writers_fifo.go`).
#[test]
fn in_a_run_rwmutex_writers_take_it_in_the_order_they_blocked() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\n\n\
                  func main() {\n\tvar rw sync.RWMutex\n\trw.Lock()\n\
                  \tfor i := 0; i < 2; i++ {\n\t\ti := i\n\
                  \t\tgo func() {\n\t\t\trw.Lock()\n\t\t\tfmt.Println(\"writer\", i)\n\t\t\trw.Unlock()\n\t\t}()\n\
                  \t\ttime.Sleep(10 * time.Millisecond)\n\t}\n\trw.Unlock()\n\
                  \ttime.Sleep(100 * time.Millisecond)\n}\n";
    assert_eq!(
        runs_within_the_search(source),
        set(&["writer 0\nwriter 1\n"])
    );
}

/// A `Lock` blocked before a `sync.Cond` waiter was signalled is ahead of it in `L`'s queue
/// (`tests/programs/mutex_cond_lock_queue.go`: Go 1.19 "locker" first in 29 runs of 30, and
/// in 30 of 30 with `-race`); the search also lists the waiter first.
#[test]
fn in_a_run_a_signalled_waiter_queues_behind_a_blocked_lock() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\n\n\
                  func main() {\n\tvar mu sync.Mutex\n\tc := sync.NewCond(&mu)\n\tready := false\n\
                  \tgo func() {\n\t\tmu.Lock()\n\t\tfor !ready {\n\t\t\tc.Wait()\n\t\t}\n\
                  \t\tfmt.Println(\"waiter\")\n\t\tmu.Unlock()\n\t}()\n\
                  \ttime.Sleep(10 * time.Millisecond)\n\tmu.Lock()\n\
                  \tgo func() {\n\t\tmu.Lock()\n\t\tfmt.Println(\"locker\")\n\t\tmu.Unlock()\n\t}()\n\
                  \ttime.Sleep(10 * time.Millisecond)\n\tready = true\n\tc.Signal()\n\
                  \ttime.Sleep(10 * time.Millisecond)\n\tmu.Unlock()\n\
                  \ttime.Sleep(50 * time.Millisecond)\n}\n";
    // Too many interleavings to judge the search by brute force: the runs' outcomes are
    // judged against the search's.
    let (runs, _) = brute_force(&machine(source), 200_000, WakeOrder::RunningClock)
        .expect("the runs stay few enough to enumerate");
    let searched = explore_source(source);
    assert!(runs.is_subset(&keys(&searched)), "{runs:?}");
    let runs: BTreeSet<String> = runs.into_iter().map(|(stdout, _, _)| stdout).collect();
    assert_eq!(runs, set(&["locker\nwaiter\n"]));
    assert!(
        stdouts(&searched).contains("waiter\nlocker\n"),
        "the search lets the locker come late"
    );
}

/// A statement of goroutine `id` on the program's locks.
fn statement(kind: u8, id: u32) -> String {
    match kind % 6 {
        0 => format!("mu.Lock()\n\tfmt.Println(\"mu\", {id}, x)\n\tx = {id}\n\tmu.Unlock()"),
        1 => format!("rw.Lock()\n\tfmt.Println(\"w\", {id}, x)\n\tx = {id}\n\trw.Unlock()"),
        2 => format!("rw.RLock()\n\tfmt.Println(\"r\", {id}, x)\n\trw.RUnlock()"),
        3 => "time.Sleep(time.Millisecond)".to_string(),
        4 => format!("if mu.TryLock() {{\n\tfmt.Println(\"try\", {id})\n\tmu.Unlock()\n\t}}"),
        _ => format!("mu.Lock()\n\tfor !ready {{\n\tc.Wait()\n\t}}\n\tfmt.Println(\"woke\", {id})\n\tmu.Unlock()"),
    }
}

/// Main and two goroutines doing `main_ops`, `g1`, `g2` on a mutex, an RWMutex and a
/// `sync.Cond` on the mutex (main broadcasts at the end), joined by a WaitGroup.
fn program(main_ops: &[u8], g1: &[u8], g2: &[u8]) -> String {
    let body = |ops: &[u8], id: u32| -> String {
        ops.iter()
            .map(|k| format!("\t{{\n\t{}\n\t}}\n", statement(*k, id)))
            .collect()
    };
    format!(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\n\n\
         func main() {{\n\tvar mu sync.Mutex\n\tvar rw sync.RWMutex\n\tc := sync.NewCond(&mu)\n\
         \tready := false\n\tx := 0\n\tvar wg sync.WaitGroup\n\twg.Add(2)\n\
         \tgo func() {{\n{}\twg.Done()\n\t}}()\n\tgo func() {{\n{}\twg.Done()\n\t}}()\n\
         {}\tmu.Lock()\n\tready = true\n\tc.Broadcast()\n\tmu.Unlock()\n\twg.Wait()\n\
         \t_, _, _, _ = x, &rw, ready, time.Second\n\tfmt.Println(\"end\")\n}}\n",
        body(g1, 1),
        body(g2, 2),
        body(main_ops, 0),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// Every run (brute force over the moves of the running clock, where the lock queues
    /// keep Go's order) ends with an outcome the searches list, on random programs of
    /// mutexes, RWMutexes, a `sync.Cond`, `TryLock` and sleeps.
    #[test]
    fn every_run_of_lock_programs_is_a_searched_outcome(
        main_ops in proptest::collection::vec(0u8..6, 0..2),
        g1 in proptest::collection::vec(0u8..6, 1..2),
        g2 in proptest::collection::vec(0u8..6, 1..3),
    ) {
        let source = program(&main_ops, &g1, &g2);
        let searched = check_enumerable_within(&source, 50_000);
        prop_assume!(searched.is_some());
        let searched = keys(&searched.unwrap());
        let Some((runs, _)) = brute_force(&machine(&source), 20_000, WakeOrder::RunningClock) else {
            return Ok(());
        };
        prop_assert!(
            runs.is_subset(&searched),
            "runs {:?} outside the search's {:?} on\n{}", runs, searched, source
        );
    }
}
