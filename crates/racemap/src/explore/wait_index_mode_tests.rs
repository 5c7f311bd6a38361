//! The machine's two modes agree (`rt::machine::wait_index`): a machine that keeps its wait
//! index from the start (`Config::wait_index_from` 0, the debug default), one that switches it
//! on in the middle of a run (a few goroutines), and one that never keeps it (every step scans
//! every goroutine) offer the same moves with the same enabledness at every step of the same
//! schedule, and their searches find the same outcomes at the same cost. The programs cover
//! each kind of wait the index files: mutexes, RWMutexes, WaitGroups, `sync.Cond`, `sync.Map`,
//! unbuffered and buffered channels, `select` (with and without default, nil channels),
//! closes, sleeps and a bounded goroutine bomb.

use super::{DporConfig, Explorer};
use crate::rt::config::Config;
use crate::rt::event::Gid;
use crate::rt::machine::{Machine, Status};
use crate::strategies::{Strategy, Workload};
use std::rc::Rc;

/// The thresholds compared: index from the start, switched on after a few `go` statements,
/// never.
const MODES: [usize; 4] = [0, 3, 5, usize::MAX];

/// Programs beside the presets: each blocks goroutines in other ways.
const PROGRAMS: [&str; 5] = [
    // select over channels (one nil), a close, a buffered channel, a default case.
    "package main\n\nimport \"fmt\"\n\nfunc main() {\n\ta := make(chan int)\n\tb := make(chan int, 1)\n\tvar nilc chan int\n\tdone := make(chan bool)\n\
     \tfor i := 0; i < 3; i++ {\n\t\tgo func(i int) {\n\t\t\tselect {\n\t\t\tcase a <- i:\n\t\t\tcase b <- i:\n\t\t\tcase <-nilc:\n\t\t\t}\n\t\t\tdone <- true\n\t\t}(i)\n\t}\n\
     \tgo func() {\n\t\tselect {\n\t\tcase v := <-a:\n\t\t\tfmt.Println(\"a\", v)\n\t\tdefault:\n\t\t\tfmt.Println(\"none\")\n\t\t}\n\t\tclose(a)\n\t}()\n\
     \tfor i := 0; i < 3; i++ {\n\t\tselect {\n\t\tcase v := <-b:\n\t\t\tfmt.Println(\"b\", v)\n\t\tcase <-done:\n\t\t}\n\t}\n}\n",
    // WaitGroup waiters, a mutex, a goroutine that sleeps.
    "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\n\nfunc main() {\n\tvar wg, gate sync.WaitGroup\n\tvar mu sync.Mutex\n\tn := 0\n\tgate.Add(1)\n\
     \tfor i := 0; i < 4; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tgate.Wait()\n\t\t\tmu.Lock()\n\t\t\tn++\n\t\t\tmu.Unlock()\n\t\t}()\n\t}\n\
     \tgo func() { time.Sleep(time.Millisecond); gate.Done() }()\n\twg.Wait()\n\tfmt.Println(n)\n}\n",
    // sync.Cond: waiters, a signal, then a broadcast.
    "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar mu sync.Mutex\n\tc := sync.NewCond(&mu)\n\tvar wg sync.WaitGroup\n\tstage := 0\n\
     \tfor i := 0; i < 4; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tmu.Lock()\n\t\t\tfor stage == 0 {\n\t\t\t\tc.Wait()\n\t\t\t}\n\t\t\tmu.Unlock()\n\t\t}()\n\t}\n\
     \tmu.Lock()\n\tstage = 1\n\tc.Signal()\n\tc.Broadcast()\n\tmu.Unlock()\n\twg.Wait()\n\tfmt.Println(\"done\")\n}\n",
    // A bounded bomb on an unbuffered channel, then a deadlock.
    "package main\n\nfunc main() {\n\tch := make(chan int)\n\tfor i := 0; i < 7; i++ {\n\t\tgo func() { <-ch }()\n\t}\n\tch <- 1\n\tch <- 2\n\tselect {}\n}\n",
    // An unsynchronized counter (a race) beside an RWMutex.
    "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar rw sync.RWMutex\n\tvar wg sync.WaitGroup\n\tx, y := 0, 0\n\
     \tfor i := 0; i < 4; i++ {\n\t\twg.Add(1)\n\t\tgo func(i int) {\n\t\t\tdefer wg.Done()\n\t\t\tif i%2 == 0 {\n\t\t\t\trw.Lock()\n\t\t\t\tx++\n\t\t\t\trw.Unlock()\n\t\t\t} else {\n\t\t\t\trw.RLock()\n\t\t\t\t_ = x\n\t\t\t\trw.RUnlock()\n\t\t\t}\n\t\t\ty++\n\t\t}(i)\n\t}\n\
     \twg.Wait()\n\tfmt.Println(x)\n}\n",
];

/// Every program: the presets (4 workers) and [`PROGRAMS`].
fn programs() -> Vec<String> {
    let workload = Workload {
        goroutines: 4,
        ops_per_goroutine: 2,
        ..Workload::default()
    };
    Strategy::ALL
        .iter()
        .map(|s| s.source(workload))
        .chain(PROGRAMS.iter().map(|p| p.to_string()))
        .collect()
}

/// A machine for `source` that keeps its wait index from `from` goroutines on.
fn machine(source: &str, from: usize) -> Machine {
    let program = crate::compile::compile(source)
        .unwrap_or_else(|e| panic!("test program does not compile: {e:?}\n{source}"));
    Machine::new(
        Rc::new(program),
        Config {
            wait_index_from: from,
            ..Config::default()
        },
    )
}

/// What a machine offers now: its moves, and each goroutine's next operation with whether it
/// can run (`Machine::pending`).
fn offered(m: &Machine) -> String {
    let pending: Vec<_> = (0..m.goroutine_count() as u32)
        .map(|g| m.pending(Gid(g)).map(|p| (p.kind, p.enabled, p.wait)))
        .collect();
    format!("{:?} {:?}", m.runnable(), pending)
}

#[test]
fn modes_offer_the_same_moves_along_a_schedule() {
    for source in programs() {
        for seed in 0..4u64 {
            let mut machines: Vec<Machine> = MODES.iter().map(|&f| machine(&source, f)).collect();
            let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
            for step in 0..2_000 {
                let views: Vec<String> = machines.iter().map(offered).collect();
                for (mode, view) in MODES.iter().zip(&views) {
                    assert_eq!(
                        view, &views[0],
                        "wait_index_from {mode} differs from 0 at step {step} (seed {seed})\n{source}"
                    );
                }
                let moves = machines[0].runnable();
                if moves.is_empty() || *machines[0].status() != Status::Running {
                    break;
                }
                // xorshift64: a fixed pseudo-random schedule per seed.
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let choice = moves[(state % moves.len() as u64) as usize];
                for m in &mut machines {
                    m.step(choice);
                }
            }
            let ends: Vec<_> = machines
                .iter()
                .map(|m| (m.status().clone(), m.stdout_bytes().to_vec(), m.steps()))
                .collect();
            assert!(ends.iter().all(|e| *e == ends[0]), "{ends:?}\n{source}");
        }
    }
}

#[test]
fn modes_search_alike() {
    for source in programs() {
        let searches: Vec<_> = MODES
            .iter()
            .map(|&from| {
                let mut explorer = Explorer::new(
                    machine(&source, from),
                    &DporConfig {
                        max_executions: 300,
                        ..DporConfig::default()
                    },
                );
                explorer.advance(u64::MAX);
                let stats = explorer.stats();
                (explorer.into_result(), stats)
            })
            .collect();
        for (mode, search) in MODES.iter().zip(&searches) {
            assert_eq!(
                search, &searches[0],
                "wait_index_from {mode} searches unlike 0\n{source}"
            );
        }
    }
}

#[test]
fn bombs_run_alike_across_the_release_threshold() {
    use crate::run::{run, RunConfig};
    // 120 goroutines: past the release threshold, within the debug builds' cross-check.
    let bombs = [
        "ch := make(chan int)\n\tfor i := 0; i < 119; i++ {\n\t\tgo func() { <-ch }()\n\t}\n\tfor i := 0; i < 119; i++ {\n\t\tch <- i\n\t}",
        "var mu sync.Mutex\n\tmu.Lock()\n\tfor i := 0; i < 119; i++ {\n\t\tgo func() { mu.Lock(); mu.Unlock() }()\n\t}\n\tmu.Unlock()\n\tselect {}",
        "var mu sync.Mutex\n\tc := sync.NewCond(&mu)\n\tfor i := 0; i < 119; i++ {\n\t\tgo func() { mu.Lock(); c.Wait(); mu.Unlock() }()\n\t}\n\tmu.Lock()\n\tc.Broadcast()\n\tmu.Unlock()\n\tfmt.Println(\"done\")",
    ];
    for body in bombs {
        let source = format!(
            "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {{\n\t_ = fmt.Sprint()\n\tvar _ sync.Mutex\n\t{body}\n}}\n"
        );
        let runs: Vec<_> = [0, Config::WAIT_INDEX_FROM, usize::MAX]
            .iter()
            .map(|&from| {
                let r = run(machine(&source, from), &RunConfig::default());
                (r.stdout, r.end, r.first_error_line, r.deadlock)
            })
            .collect();
        assert!(runs.iter().all(|r| *r == runs[0]), "{runs:?}\n{source}");
    }
}
