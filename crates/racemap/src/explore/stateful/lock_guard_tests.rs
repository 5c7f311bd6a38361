//! Lock-guarded liveness in the detector's form (`race::canonical`) and `fmt`'s printing of
//! plain operands (`bytecode::future`): fewer states on the lock presets, and every race a
//! lock does not order still found, judged by brute force (`soundness_tests::check_source`)
//! and by DPOR.

use super::super::soundness_tests::check_source;
use super::super::{Explorer, SearchAlgorithm};
use super::tests::{both, config, machine};
use crate::strategies::{Strategy, Workload};

/// At 3 × 3, with a lock's release clock standing for the goroutines that will take it, the
/// mutex preset has 4 102 states (7 726 before), the RWMutex one 7 428 (14 289), the sharded
/// one 9 650 (10 929) and the channel one 22 205 (28 623) (2026-12-06). Outcomes stay DPOR's
/// where DPOR completes (the mutex and sharded presets; all four at 2 × 2 in
/// `presets_give_dpors_outcomes`).
#[test]
fn accesses_a_lock_orders_before_every_future_one_are_forgotten() {
    let w = Workload {
        goroutines: 3,
        ops_per_goroutine: 3,
        write_percent: 50,
        keys: 2,
    };
    for (strategy, most) in [
        (Strategy::Mutex, 4_500),
        (Strategy::RwMutex, 8_000),
        (Strategy::Sharded, 10_000),
        (Strategy::ChannelOwner, 24_000),
    ] {
        let m = machine(&strategy.source(w));
        let mut explorer = Explorer::new(m.clone(), &config(SearchAlgorithm::Stateful));
        explorer.advance(u64::MAX);
        let stats = explorer.stats();
        assert!(
            stats.stateful && stats.states <= most,
            "{strategy:?}: {stats:?}"
        );
        if matches!(strategy, Strategy::Mutex | Strategy::Sharded) {
            both(&m);
        }
    }
}

const HEAD: &str = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\n\
    var (\n\tm   = map[int]int{}\n\tmu  sync.Mutex\n\tmu2 sync.Mutex\n\trw  sync.RWMutex\n)\n\n";

/// A program of `HEAD`: `g` runs in a goroutine (then signals `done`), `main` in main before
/// it waits for it and prints `m`'s length.
fn program(g: &str, main: &str) -> String {
    format!(
        "{HEAD}func main() {{\n\tdone := make(chan bool)\n\tgo func() {{\n{g}\t\tdone <- true\n\t}}()\n{main}\t<-done\n\tfmt.Println(len(m))\n}}\n"
    )
}

/// Accesses that a lock seems to guard but does not order: a lock created later, another
/// lock, an `RLock` for a write, a lock taken through `sync.Locker`, a `TryLock`. Each race
/// is found by both searches, with brute force's outcomes.
#[test]
fn races_no_lock_orders_are_found() {
    let guarded = "\t\tmu.Lock()\n\t\tm[1] = 1\n\t\tmu.Unlock()\n";
    let programs = [
        program(
            guarded,
            "\tmu.Lock()\n\tmu.Unlock()\n\tl := new(sync.Mutex)\n\tl.Lock()\n\tm[2] = 2\n\tl.Unlock()\n",
        ),
        program(
            guarded,
            "\tmu.Lock()\n\tmu.Unlock()\n\tmu2.Lock()\n\tm[2] = 2\n\tmu2.Unlock()\n",
        ),
        program(
            "\t\trw.RLock()\n\t\tm[1] = 1\n\t\trw.RUnlock()\n",
            "\trw.RLock()\n\trw.RUnlock()\n\trw.RLock()\n\tm[2] = 2\n\trw.RUnlock()\n",
        ),
        program(
            "\t\trw.RLock()\n\t\t_ = m[1]\n\t\trw.RUnlock()\n",
            "\trw.RLock()\n\trw.RUnlock()\n\trw.RLock()\n\tm[2] = 2\n\trw.RUnlock()\n",
        ),
        program(
            guarded,
            "\tvar l sync.Locker = &mu2\n\tmu.Lock()\n\tmu.Unlock()\n\tl.Lock()\n\tm[2] = 2\n\tl.Unlock()\n",
        ),
        program(
            guarded,
            "\tmu.Lock()\n\tmu.Unlock()\n\tif mu2.TryLock() {\n\t\tm[2] = 2\n\t\tmu2.Unlock()\n\t}\n",
        ),
    ];
    for source in &programs {
        let r = check_source(source);
        assert!(r.race, "{source}");
        let (stateful, dpor, _) = both(&machine(source));
        assert!(stateful.race && dpor.race, "{source}");
    }
}

/// Accesses a lock does order: the same lock, an RWMutex's read under `RLock` and write
/// under `Lock`, a lock made before the goroutines start. No race, and the outcomes are brute
/// force's.
#[test]
fn accesses_a_lock_orders_do_not_race() {
    let programs = [
        program(
            "\t\tmu.Lock()\n\t\tm[1] = 1\n\t\tmu.Unlock()\n",
            "\tmu.Lock()\n\tm[2] = 2\n\tmu.Unlock()\n",
        ),
        program(
            "\t\trw.RLock()\n\t\t_ = m[1]\n\t\trw.RUnlock()\n",
            "\trw.RLock()\n\trw.RUnlock()\n\trw.Lock()\n\tm[2] = 2\n\trw.Unlock()\n",
        ),
        program(
            "\t\trw.Lock()\n\t\tm[1] = 1\n\t\trw.Unlock()\n",
            "\trw.RLock()\n\t_ = m[1]\n\trw.RUnlock()\n\tmu.Lock()\n\tmu.Unlock()\n",
        ),
    ];
    for source in &programs {
        let r = check_source(source);
        assert!(!r.race, "{source}");
    }
}

/// `fmt` reads what a pointer, slice or map operand holds: a program that makes an interface
/// of one keeps printing's reads of memory and maps in every future, and its race between a
/// print and a write is found.
#[test]
fn printing_a_pointer_reads_its_target() {
    let source = "package main\n\nimport \"fmt\"\n\ntype S struct{ n int }\n\n\
        func main() {\n\tp := &S{}\n\tdone := make(chan bool)\n\tgo func() {\n\t\tp.n = 1\n\t\tdone <- true\n\t}()\n\tfmt.Println(p)\n\t<-done\n}\n";
    let r = check_source(source);
    assert!(r.race, "{source}");
}
