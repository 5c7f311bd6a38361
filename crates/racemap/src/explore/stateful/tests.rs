//! The stateful search against DPOR and brute force: same outcomes on the presets, a cycle
//! gives way to DPOR, a race reached by two histories, chunked = one shot. (The property test
//! over random programs runs both searches: `explore::soundness_tests`.)

use super::super::explorer::DPOR_TURN_STEPS;
use super::super::tests::{check_chunked, explore_in_chunks};
use super::super::{explore, DporConfig, ExploreResult, Explorer, SearchAlgorithm, SearchLimit};
use crate::rt::{config::Config, machine::Machine};
use crate::run::{run, RunConfig};
use crate::sched::Schedule;
use crate::strategies::{Strategy, Workload};
use std::collections::BTreeSet;
use std::rc::Rc;

pub(super) fn machine(source: &str) -> Machine {
    let program = crate::compile::compile(source).expect("test programs compile");
    Machine::new(Rc::new(program), Config::default())
}

pub(super) fn config(search: SearchAlgorithm) -> DporConfig {
    DporConfig {
        search,
        ..DporConfig::default()
    }
}

type Key = (String, Option<String>, bool);

fn keys(r: &ExploreResult) -> BTreeSet<Key> {
    r.outcomes
        .iter()
        .map(|o| (o.stdout.clone(), o.error.clone(), o.race))
        .collect()
}

/// Every outcome's schedule replays to it.
fn assert_schedules_replay(m: &Machine, r: &ExploreResult) {
    for o in &r.outcomes {
        let schedule = Schedule::decode(&o.schedule).expect("explorer schedules decode");
        let replay = run(
            m.clone(),
            &RunConfig {
                schedule: Some(schedule),
                ..RunConfig::default()
            },
        );
        assert_eq!(replay.stdout, o.stdout, "replay of {}", o.schedule);
        assert_eq!(replay.first_error_line, o.error, "replay of {}", o.schedule);
        assert_eq!(!replay.races.is_empty(), o.race, "replay of {}", o.schedule);
    }
}

/// Search `m` both ways: the stateful search must be the one that ran (no fallback), complete,
/// with DPOR's outcomes; returns (stateful, DPOR) results and the stateful search's steps.
pub(super) fn both(m: &Machine) -> (ExploreResult, ExploreResult, u64) {
    let mut explorer = Explorer::new(m.clone(), &config(SearchAlgorithm::Stateful));
    explorer.advance(u64::MAX);
    let stats = explorer.stats();
    assert!(stats.stateful && stats.earlier_steps == 0, "{stats:?}");
    let stateful = explorer.into_result();
    let dpor = explore(m.clone(), &config(SearchAlgorithm::Dpor));
    assert!(stateful.complete, "{stateful:?}");
    assert!(dpor.complete, "{dpor:?}");
    assert_eq!(keys(&stateful), keys(&dpor));
    assert_eq!(stateful.race, dpor.race);
    assert_eq!(stateful.deadlock, dpor.deadlock);
    assert_schedules_replay(m, &stateful);
    (stateful, dpor, stats.total_steps)
}

#[test]
fn presets_give_dpors_outcomes() {
    let small = Workload {
        goroutines: 2,
        ops_per_goroutine: 2,
        write_percent: 50,
        keys: 2,
    };
    for s in Strategy::ALL {
        let (stateful, _, _) = both(&machine(&s.source(small)));
        assert_eq!(stateful.race, s.races(small), "{s:?}");
    }
}

/// Mutex 3×2: every lock order is a run of DPOR's, while the stateful search reaches each final
/// state once (outcomes are final states: one here).
#[test]
fn a_mutex_preset_merges_lock_orders() {
    let w = Workload {
        goroutines: 3,
        ops_per_goroutine: 2,
        write_percent: 50,
        keys: 2,
    };
    let m = machine(&Strategy::Mutex.source(w));
    let (stateful, dpor, _) = both(&m);
    assert_eq!(stateful.executions, 1);
    assert!(dpor.executions > 100, "{}", dpor.executions);
    assert!(!stateful.race);
}

/// The detector's canonical form forgets accesses no goroutine's future can race with (a
/// read of a variable nobody writes any more, a map access after every other goroutine's last
/// map access): at 3 × 3 the mutex preset has 7 725 states and the sharded one 10 930, where
/// the exact form of every recorded access kept 14 286 and 25 135 apart (2026-12-05; at 4 × 3:
/// 95 000 instead of 325 000 for the mutex). Outcomes stay DPOR's.
#[test]
fn accesses_no_future_can_race_with_are_forgotten() {
    let w = Workload {
        goroutines: 3,
        ops_per_goroutine: 3,
        write_percent: 50,
        keys: 2,
    };
    for (strategy, most) in [(Strategy::Mutex, 9_000), (Strategy::Sharded, 13_000)] {
        let m = machine(&strategy.source(w));
        let mut explorer = Explorer::new(m.clone(), &config(SearchAlgorithm::Stateful));
        explorer.advance(u64::MAX);
        let stats = explorer.stats();
        assert!(
            stats.stateful && stats.states <= most,
            "{strategy:?}: {stats:?}"
        );
        both(&m);
    }
}

/// An access stays in the form while some goroutine may still make one that races with it,
/// however late: a map read before a later map write, a plain copy of an `atomic.Int32`
/// before a later `Store`, a read before a write in a deferred closure. Each program's states
/// give DPOR's outcomes (races included). The last program reaches one state (both critical
/// sections done, `A` printed, `g2` about to print `B` and write `x`) with and without `g2`
/// knowing `g1`'s read: with that read forgotten in both, the search loses "AB" with a race.
#[test]
fn accesses_a_future_one_can_race_with_are_kept() {
    let programs = [
        "package main\n\nfunc main() {\n\tm := map[int]int{}\n\tch := make(chan int)\n\tgo func() {\n\t\t_ = m[1]\n\t\tch <- 1\n\t}()\n\tgo func() {\n\t\tch <- 2\n\t}()\n\t<-ch\n\tm[1] = 5\n\t<-ch\n}\n",
        "package main\n\nimport \"sync/atomic\"\n\nfunc main() {\n\tvar n atomic.Int32\n\tch := make(chan int)\n\tgo func() {\n\t\tc := n\n\t\t_ = c\n\t\tch <- 1\n\t}()\n\tgo func() {\n\t\tch <- 2\n\t}()\n\t<-ch\n\tn.Store(3)\n\t<-ch\n}\n",
        "package main\n\nfunc main() {\n\tx := 0\n\tch := make(chan int)\n\tgo func() {\n\t\t_ = x\n\t\tch <- 1\n\t}()\n\tgo func() {\n\t\tdefer func() { x = 2 }()\n\t\tch <- 2\n\t}()\n\t<-ch\n\t<-ch\n}\n",
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nvar (\n\tx  int\n\tmu sync.Mutex\n\twg sync.WaitGroup\n)\n\n\
         func g1() {\n\tdefer wg.Done()\n\t_ = x\n\tmu.Lock()\n\tmu.Unlock()\n\tfmt.Print(\"A\")\n}\n\n\
         func g2() {\n\tdefer wg.Done()\n\tmu.Lock()\n\tmu.Unlock()\n\tfmt.Print(\"B\")\n\tx = 1\n}\n\n\
         func main() {\n\twg.Add(2)\n\tgo g1()\n\tgo g2()\n\twg.Wait()\n}\n",
    ];
    for source in programs {
        let m = machine(source);
        let (stateful, dpor, _) = both(&m);
        assert!(dpor.race, "{source}");
        assert!(stateful.outcomes.iter().any(|o| !o.race), "{source}");
    }
}

/// A send is a read of its channel for the race detector, and only a close races with it:
/// once no goroutine may still close a channel, sends drop out of the detector's form. The
/// channel preset (3 goroutines × 2 operations) without its final `close(cmds)` had 5 214
/// states; with it (or before `Classes::CHAN_CLOSE`, when every channel operation kept every
/// send live) 6 998 (2026-12-06). Since wait-guarded liveness (main closes after `wg.Wait()`,
/// which every worker's deferred `Done` comes before) the two are 3 356 and 3 336. A send and
/// a close that no sync orders race in both searches; ordered by a receive, they do not.
#[test]
fn sends_stay_live_only_while_a_close_may_come() {
    let w = Workload {
        goroutines: 3,
        ops_per_goroutine: 2,
        write_percent: 50,
        keys: 2,
    };
    let with_close = Strategy::ChannelOwner.source(w);
    assert!(with_close.contains("\tclose(cmds)\n"));
    let without_close = with_close.replace("\tclose(cmds)\n", "");
    let states = |source: &str| {
        let m = machine(source);
        both(&m);
        let mut explorer = Explorer::new(m, &config(SearchAlgorithm::Stateful));
        explorer.advance(u64::MAX);
        explorer.stats().states
    };
    let (closing, not_closing) = (states(&with_close), states(&without_close));
    assert!(not_closing <= 3_600, "{not_closing}");
    assert!(closing <= not_closing + 100, "{closing} {not_closing}");

    let racy = "package main\n\nfunc main() {\n\tch := make(chan int, 1)\n\tdone := make(chan bool)\n\tgo func() {\n\t\tch <- 1\n\t\tdone <- true\n\t}()\n\tgo func() {\n\t\tclose(ch)\n\t}()\n\t<-done\n}\n";
    let ordered = "package main\n\nfunc main() {\n\tch := make(chan int, 1)\n\tdone := make(chan bool)\n\tgo func() {\n\t\tch <- 1\n\t\tdone <- true\n\t}()\n\t<-done\n\tclose(ch)\n\t<-ch\n}\n";
    let (stateful, dpor, _) = both(&machine(racy));
    assert!(dpor.race && stateful.race);
    let (stateful, dpor, _) = both(&machine(ordered));
    assert!(!dpor.race && !stateful.race);
}

/// An atomic access of a variable that only atomic operations use (`lang::check::atomic_only`)
/// is checked but not recorded, so states that differ only in which goroutine knows of which
/// such access are one: with `n` read atomically after `wg.Wait`, 3 goroutines that each add
/// to `n` and to an `atomic.Int32` and then update a mutex-guarded total have 1 312 states;
/// read plainly (so its atomic accesses must be kept until each worker's deferred `Done` is
/// made: wait-guarded liveness), 2 851 (6 876 before that, 2026-12-06). Read plainly before
/// `wg.Wait`, the read races with the adds, and both searches report it.
#[test]
fn atomic_only_variables_merge_states() {
    let source = |read: &str, early: &str| {
        format!(
            "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"sync/atomic\"\n)\n\n\
             func main() {{\n\tvar n int64\n\tvar c atomic.Int32\n\tvar mu sync.Mutex\n\ttotal := 0\n\
             \tvar wg sync.WaitGroup\n\tfor i := 0; i < 3; i++ {{\n\t\twg.Add(1)\n\t\tgo func(k int) {{\n\
             \t\t\tdefer wg.Done()\n\t\t\tatomic.AddInt64(&n, int64(k))\n\t\t\tc.Add(1)\n\t\t\tmu.Lock()\n\
             \t\t\ttotal += k\n\t\t\tmu.Unlock()\n\t\t}}(i)\n\t}}\n{early}\twg.Wait()\n\
             \tfmt.Println({read}, c.Load(), total)\n}}\n"
        )
    };
    let states = |source: &str| {
        let m = machine(source);
        let mut explorer = Explorer::new(m.clone(), &config(SearchAlgorithm::Stateful));
        explorer.advance(u64::MAX);
        let (stateful, _, _) = both(&m);
        assert_eq!(stateful.outcomes.len(), 1, "{source}");
        assert!(!stateful.race, "{source}");
        explorer.stats().states
    };
    let atomic_only = states(&source("atomic.LoadInt64(&n)", ""));
    let read_plainly = states(&source("n", ""));
    assert!(
        atomic_only * 2 < read_plainly,
        "{atomic_only} states, {read_plainly} with a plain read"
    );
    let m = machine(&source("atomic.LoadInt64(&n)", "\tfmt.Println(n)\n"));
    let (stateful, dpor, _) = both(&m);
    assert!(stateful.race && dpor.race);
}

/// In a test binary, a goroutine of one test still about to exit when the next test starts
/// exits before anything else moves: its exit commutes with every step and no outcome reads
/// when it happened (a goroutine about to exit is runnable, not leaked). Without that, each
/// test was searched once per set of the previous test's goroutines still exiting: three tests
/// of two goroutines each (the middle one racy) had 1 182 334 states, 1 086 with it
/// (2026-12-05). Outcomes stay DPOR's (the race, `TestB` failing, the sums it can print).
#[test]
fn exits_are_explored_alone_in_a_test_binary() {
    let source = "package p\n\nimport (\n\t\"sync\"\n\t\"testing\"\n)\n\n\
                  func work(t *testing.T, n int, locked bool) {\n\tvar mu sync.Mutex\n\
                  \tvar wg sync.WaitGroup\n\tsum := 0\n\tfor i := 0; i < 2; i++ {\n\
                  \t\twg.Add(1)\n\t\tgo func(i int) {\n\t\t\tdefer wg.Done()\n\
                  \t\t\tif locked {\n\t\t\t\tmu.Lock()\n\t\t\t\tdefer mu.Unlock()\n\t\t\t}\n\
                  \t\t\tsum += i + n\n\t\t}(i)\n\t}\n\twg.Wait()\n\
                  \tif sum != 2*n+1 {\n\t\tt.Errorf(\"sum = %d\", sum)\n\t}\n}\n\n\
                  func TestA(t *testing.T) { work(t, 1, true) }\n\
                  func TestB(t *testing.T) { work(t, 2, false) }\n\
                  func TestC(t *testing.T) { work(t, 3, true) }\n";
    let program = crate::compile::compile_test_bytes(source.as_bytes(), "exits_test.go")
        .expect("the test file compiles");
    let m = Machine::new(Rc::new(program), Config::default());
    let mut explorer = Explorer::new(
        m.clone(),
        &DporConfig {
            max_total_steps: 100_000,
            ..config(SearchAlgorithm::Stateful)
        },
    );
    explorer.advance(u64::MAX);
    let stats = explorer.stats();
    assert!(stats.stateful && stats.states <= 2_000, "{stats:?}");
    assert!(explorer.into_result().complete);
    let (stateful, _, _) = both(&m);
    assert!(stateful.race);
    assert_eq!(stateful.outcomes.len(), 3, "{stateful:?}");
    for o in &stateful.outcomes {
        assert!(o.stdout.contains("--- FAIL: TestB"), "{o:?}");
        assert!(o.stdout.contains("--- PASS: TestC"), "{o:?}");
    }
    for lost in ["sum = 2", "sum = 3"] {
        assert!(
            stateful.outcomes.iter().any(|o| o.stdout.contains(lost)),
            "{lost}: {stateful:?}"
        );
    }
}

/// A spin loop that can never end (nobody sets the flag) is a cycle with no way out in the
/// state graph: the stateful search gives way to DPOR (a livelock), whose run limit reports
/// it; the result is DPOR's outcomes. (A spin loop that can end is searched completely by
/// the stateful search: `cycles_tests`.)
#[test]
fn a_cycle_with_no_way_out_falls_back_to_dpor() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync/atomic\"\n)\n\n\
                  func main() {\n\tvar flag int32\n\tgo func() {\n\t\tatomic.LoadInt32(&flag)\n\t}()\n\
                  \tfor atomic.LoadInt32(&flag) == 0 {\n\t}\n\tfmt.Println(\"done\")\n}\n";
    let program = Rc::new(crate::compile::compile(source).expect("compiles"));
    let m = Machine::new(
        program,
        Config {
            max_steps: 200,
            ..Config::default()
        },
    );
    let mut explorer = Explorer::new(m.clone(), &config(SearchAlgorithm::Stateful));
    explorer.advance(u64::MAX);
    let stats = explorer.stats();
    assert!(!stats.stateful && stats.earlier_steps > 0, "{stats:?}");
    let r = explorer.into_result();
    let dpor = explore(m.clone(), &config(SearchAlgorithm::Dpor));
    assert_eq!(keys(&r), keys(&dpor));
    assert_eq!(r.limit, dpor.limit);
    assert!(!r.complete);
    assert!(r.outcomes.iter().all(|o| o.stdout.is_empty()), "{r:?}");
    // In chunks too: the fallback keeps progress growing and gives the same result.
    for budget in [1, 5, 64] {
        assert_eq!(
            explore_in_chunks(m.clone(), &config(SearchAlgorithm::Stateful), budget),
            r,
            "chunks of {budget}"
        );
    }
}

/// A goroutine bomb: the stateful search gives way to DPOR once a state has more goroutines
/// than its keys can afford (each key hashes every goroutine and the detector's clocks, so the
/// search would take hours); DPOR then reaches the goroutine limit, as a run does.
#[test]
fn a_goroutine_bomb_falls_back_to_dpor() {
    let source = "package main\n\nfunc main() {\n\tfor {\n\t\tgo func() {\n\t\t\tselect {}\n\t\t}()\n\t}\n}\n";
    let program = Rc::new(crate::compile::compile(source).expect("compiles"));
    let m = Machine::new(
        program,
        Config {
            max_goroutines: 2 * super::MAX_GOROUTINES as u32,
            // The plain key's limit (the symmetric key's is higher: `symmetry_tests`).
            symmetric_key: false,
            ..Config::default()
        },
    );
    let mut explorer = Explorer::new(m.clone(), &config(SearchAlgorithm::Stateful));
    explorer.advance(u64::MAX);
    let stats = explorer.stats();
    assert!(!stats.stateful, "{stats:?}");
    assert!(
        // (The first `go` statement is the forced prefix, made before the search.)
        stats.earlier_steps + stats.prefix_steps >= super::MAX_GOROUTINES as u64,
        "{stats:?}"
    );
    let r = explorer.into_result();
    assert_eq!(keys(&r), keys(&explore(m, &config(SearchAlgorithm::Dpor))));
    let [o] = &r.outcomes[..] else {
        panic!("one outcome: {r:?}")
    };
    assert!(
        o.error
            .as_deref()
            .is_some_and(|e| e.contains("goroutine limit")),
        "{o:?}"
    );
}

/// The unsynchronized write is reached after either order of two locked increments (two
/// histories, one state but for the detector): the race is found, and the outcomes are the
/// brute-force ones (DPOR's).
#[test]
fn a_race_reached_by_two_histories_is_found() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\n\
                  var mu sync.Mutex\nvar n, x int\n\n\
                  func main() {\n\tvar wg sync.WaitGroup\n\twg.Add(2)\n\
                  \tgo func() {\n\t\tmu.Lock()\n\t\tn++\n\t\tmu.Unlock()\n\t\tx = 1\n\t\twg.Done()\n\t}()\n\
                  \tgo func() {\n\t\tmu.Lock()\n\t\tn++\n\t\tmu.Unlock()\n\t\tfmt.Println(x)\n\t\twg.Done()\n\t}()\n\
                  \twg.Wait()\n\tfmt.Println(n)\n}\n";
    let m = machine(source);
    let (stateful, _, _) = both(&m);
    assert!(stateful.race);
    let outs: BTreeSet<String> = stateful.outcomes.iter().map(|o| o.stdout.clone()).collect();
    assert_eq!(
        outs,
        ["0\n2\n", "1\n2\n"]
            .iter()
            .map(|s| s.to_string())
            .collect::<BTreeSet<_>>()
    );
}

/// Chunks of any size give the one-shot result, and progress only grows.
#[test]
fn chunked_stateful_search_matches_one_shot() {
    let w = Workload {
        goroutines: 2,
        ops_per_goroutine: 2,
        write_percent: 50,
        keys: 2,
    };
    for s in [
        Strategy::Unsynchronized,
        Strategy::Mutex,
        Strategy::ChannelOwner,
    ] {
        let r = check_chunked(&machine(&s.source(w)), &config(SearchAlgorithm::Stateful));
        assert!(r.complete, "{s:?}");
    }
}

/// Past DPOR's first runs, Auto goes on with the stateful search, for a program that sleeps
/// too (virtual time, then any wake-up order), with DPOR's outcomes.
#[test]
fn auto_picks_stateful_with_and_without_sleeps() {
    let auto = DporConfig {
        stateful_after: 1,
        ..DporConfig::default()
    };
    let plain = machine(&Strategy::Mutex.source(Workload {
        goroutines: 2,
        ops_per_goroutine: 1,
        write_percent: 50,
        keys: 1,
    }));
    let mut e = Explorer::new(plain, &auto);
    e.advance(u64::MAX);
    assert!(e.stats().stateful);
    let sleeps = machine(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n\
         func main() {\n\tgo fmt.Println(\"a\")\n\tgo fmt.Println(\"b\")\n\ttime.Sleep(time.Millisecond)\n}\n",
    );
    let mut e = Explorer::new(sleeps.clone(), &auto);
    e.advance(u64::MAX);
    assert!(e.stats().stateful);
    let r = e.into_result();
    assert!(r.complete);
    assert_eq!(
        keys(&r),
        keys(&explore(sleeps, &config(SearchAlgorithm::Dpor)))
    );
}

/// Auto runs a short stateful turn, then DPOR; a search DPOR does not finish within
/// `stateful_after` executions goes on as a stateful search that keeps DPOR's runs, with
/// DPOR's outcomes in the end, in chunks of any size too.
#[test]
fn auto_switches_to_states_after_dpors_first_runs() {
    let m = machine(&Strategy::Mutex.source(Workload {
        goroutines: 3,
        ops_per_goroutine: 1,
        write_percent: 50,
        keys: 2,
    }));
    // A stateful first turn of 10 steps: DPOR's turn comes before the stateful search is over.
    let auto = DporConfig {
        stateful_after: 4,
        turn_steps: (DPOR_TURN_STEPS, 10),
        ..DporConfig::default()
    };
    let mut e = Explorer::new(m.clone(), &auto);
    e.advance(u64::MAX);
    let stats = e.stats();
    assert!(stats.stateful && stats.earlier_steps > 0, "{stats:?}");
    let r = e.into_result();
    assert!(r.complete);
    assert!(r.executions > 4, "DPOR's runs are kept: {}", r.executions);
    let dpor = explore(m.clone(), &config(SearchAlgorithm::Dpor));
    assert_eq!(keys(&r), keys(&dpor));
    assert_schedules_replay(&m, &r);
    check_chunked(&m, &auto);
    // Finished by DPOR, then checked by the stateful search, which finds nothing new here:
    // DPOR's result, counts and schedules included.
    let short_first = DporConfig {
        turn_steps: (DPOR_TURN_STEPS, 10),
        ..DporConfig::default()
    };
    let mut e = Explorer::new(m.clone(), &short_first);
    e.advance(u64::MAX);
    assert!(e.stats().stateful, "the check ran");
    assert_eq!(e.into_result(), dpor);
    // By default the stateful search's first turn is enough: its result, DPOR makes no step.
    let mut e = Explorer::new(m.clone(), &DporConfig::default());
    e.advance(u64::MAX);
    let stats = e.stats();
    assert!(stats.stateful && stats.earlier_steps == 0, "{stats:?}");
    let r = e.into_result();
    assert!(r.complete);
    assert_eq!(keys(&r), keys(&dpor));
    assert_eq!(r.executions, r.outcomes.len() as u64, "one run per outcome");
    assert_schedules_replay(&m, &r);
}

/// A small executions budget is a request for that many runs: Auto stays DPOR and stops at
/// the budget, saying so, instead of spending the steps budget on states.
#[test]
fn auto_with_a_small_budget_stays_dpor() {
    let m = machine(&Strategy::Mutex.source(Workload {
        goroutines: 3,
        ops_per_goroutine: 2,
        write_percent: 50,
        keys: 2,
    }));
    let small = DporConfig {
        max_executions: 20,
        max_total_steps: 20 * 200,
        ..DporConfig::default()
    };
    let mut e = Explorer::new(m, &small);
    e.advance(u64::MAX);
    assert!(!e.stats().stateful);
    let r = e.into_result();
    assert_eq!(r.executions, 20);
    assert_eq!(r.limit, Some(SearchLimit::MaxExecutions));
}

/// The stateful check of a complete DPOR search stops at its own steps budget (a few times
/// DPOR's steps, at most the config's): DPOR's verdict stands, complete, with DPOR's outcomes.
#[test]
fn a_check_stopped_by_its_budget_keeps_dpors_verdict() {
    // Three goroutines adding atomically (seven times) to a variable each: DPOR's runs differ only where
    // they meet at the channel, while the stateful search reaches every combination of the
    // adders' positions (atomics are not persistent sets of one move): about twice DPOR's steps.
    let m = machine(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync/atomic\"\n)\n\nfunc main() {\n\tvar a, b, c int32\n\tdone := make(chan bool, 3)\n\tfor _, p := range []*int32{&a, &b, &c} {\n\t\tgo func(p *int32) {\n\t\t\tatomic.AddInt32(p, 1)\n\t\t\tatomic.AddInt32(p, 1)\n\t\t\tatomic.AddInt32(p, 1)\n\t\t\tatomic.AddInt32(p, 1)\n\t\t\tatomic.AddInt32(p, 1)\n\t\t\tatomic.AddInt32(p, 1)\n\t\t\tatomic.AddInt32(p, 1)\n\t\t\tdone <- true\n\t\t}(p)\n\t}\n\t<-done\n\t<-done\n\t<-done\n\tfmt.Println(atomic.LoadInt32(&a) + atomic.LoadInt32(&b) + atomic.LoadInt32(&c))\n}\n",
    );
    let mut e = Explorer::new(m.clone(), &config(SearchAlgorithm::Dpor));
    e.advance(u64::MAX);
    // DPOR's budget counts the steps it replays too: room for exactly DPOR, and 10 steps.
    let budget = e.stats().total_steps + e.stats().replay_steps + 10;
    let dpor = e.into_result();
    assert!(dpor.complete);
    // A stateful first turn of one step: DPOR completes in its turn, then the check runs.
    let tight = DporConfig {
        max_total_steps: budget,
        turn_steps: (DPOR_TURN_STEPS, 1),
        ..DporConfig::default()
    };
    let mut e = Explorer::new(m, &tight);
    e.advance(u64::MAX);
    let stats = e.stats();
    assert!(stats.stateful, "the check ran: {stats:?}");
    assert_eq!(
        stats.total_steps - stats.earlier_steps,
        budget,
        "the check stopped at its budget: {stats:?}"
    );
    assert_eq!(e.into_result(), dpor);
}

/// By default DPOR and the stateful search run side by side in turns: whichever is over first
/// decides, with the other's runs added; the result has DPOR's outcomes, replays, and is the
/// same in chunks of any size. Small turns make both searches take several.
#[test]
fn auto_runs_dpor_and_the_stateful_search_side_by_side() {
    let m = machine(&Strategy::Mutex.source(Workload {
        goroutines: 3,
        ops_per_goroutine: 1,
        write_percent: 50,
        keys: 2,
    }));
    let mut alone = Explorer::new(m.clone(), &config(SearchAlgorithm::Dpor));
    alone.advance(u64::MAX);
    let dpor_steps = alone.stats().total_steps;
    let dpor = alone.into_result();
    let stateful_alone = explore(m.clone(), &config(SearchAlgorithm::Stateful));
    // Stateful first: DPOR gets 10 steps per turn, the stateful search 16 (it needs 96 steps
    // since WaitGroup steps go alone, 2026-12-06: six turns, so DPOR makes a few runs); DPOR
    // first: the stateful search gets 1.
    for (turns, stateful_decides) in [((10, 16), true), ((40, 1), false)] {
        let auto = DporConfig {
            turn_steps: turns,
            ..DporConfig::default()
        };
        let mut e = Explorer::new(m.clone(), &auto);
        e.advance(u64::MAX);
        let stats = e.stats();
        assert!(
            stats.stateful && stats.earlier_steps > 0,
            "{turns:?}: {stats:?}"
        );
        let r = e.into_result();
        assert!(r.complete, "{turns:?}");
        assert_eq!(keys(&r), keys(&dpor), "{turns:?}");
        if stateful_decides {
            // DPOR stopped before its end; its runs so far are added to the stateful search's.
            assert!(stats.earlier_steps < dpor_steps, "{turns:?}: {stats:?}");
            assert!(r.executions > stateful_alone.executions, "{turns:?}");
        } else {
            // DPOR went to its end, then the stateful search checked it: DPOR's runs.
            assert_eq!(stats.earlier_steps, dpor_steps, "{turns:?}: {stats:?}");
            assert_eq!(r, dpor, "{turns:?}");
        }
        assert_schedules_replay(&m, &r);
        check_chunked(&m, &auto);
    }
}

/// DPOR's steps budget counts the steps it replays to check reversals: a fan-in of endless
/// generators, whose reversals cost hundreds of replayed steps per run, stops at the budget
/// (it ran for minutes when only executed steps counted).
#[test]
fn the_steps_budget_bounds_dpors_replays_too() {
    let source = "package main\n\nimport (\n\t\"context\"\n\t\"fmt\"\n\t\"sync\"\n)\n\n\
        func gen(ctx context.Context, start int) <-chan int {\n\tout := make(chan int)\n\
        \tgo func() {\n\t\tdefer close(out)\n\t\tfor i := start; ; i++ {\n\t\t\tselect {\n\
        \t\t\tcase out <- i:\n\t\t\tcase <-ctx.Done():\n\t\t\t\treturn\n\t\t\t}\n\t\t}\n\t}()\n\
        \treturn out\n}\n\n\
        func merge(ctx context.Context, cs ...<-chan int) <-chan int {\n\tvar wg sync.WaitGroup\n\
        \tout := make(chan int)\n\twg.Add(len(cs))\n\tfor _, c := range cs {\n\
        \t\tgo func(c <-chan int) {\n\t\t\tdefer wg.Done()\n\t\t\tfor v := range c {\n\
        \t\t\t\tselect {\n\t\t\t\tcase out <- v:\n\t\t\t\tcase <-ctx.Done():\n\t\t\t\t\treturn\n\
        \t\t\t\t}\n\t\t\t}\n\t\t}(c)\n\t}\n\tgo func() { wg.Wait(); close(out) }()\n\treturn out\n}\n\n\
        func main() {\n\tctx, cancel := context.WithCancel(context.Background())\n\
        \tm := merge(ctx, gen(ctx, 0), gen(ctx, 100))\n\tsum := 0\n\tfor i := 0; i < 6; i++ {\n\
        \t\tsum += <-m\n\t}\n\tcancel()\n\tfor range m {\n\t}\n\tfmt.Println(sum >= 0, ctx.Err())\n}\n";
    let budget = 20_000;
    let mut e = Explorer::new(
        machine(source),
        &DporConfig {
            max_total_steps: budget,
            ..config(SearchAlgorithm::Dpor)
        },
    );
    e.advance(u64::MAX);
    let stats = e.stats();
    assert!(
        stats.replay_steps > stats.total_steps,
        "replays dominate: {stats:?}"
    );
    // The check is made before each step: one step's analysis may go past it.
    assert!(
        (budget..budget + 2_000).contains(&(stats.total_steps + stats.replay_steps)),
        "{stats:?}"
    );
    assert_eq!(e.into_result().limit, Some(SearchLimit::MaxTotalSteps));
}

/// A program's `os.Exit(3)` has the exit status of racemap's own limits, yet it is the
/// program's ending: both searches are complete and agree.
#[test]
fn a_program_exiting_with_status_3_is_not_a_limit() {
    let m = machine(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tdone := make(chan bool)\n\
         \tgo func() {\n\t\tfmt.Println(\"hi\")\n\t\tdone <- true\n\t}()\n\t<-done\n\tos.Exit(3)\n}\n",
    );
    let (stateful, dpor, _) = both(&m);
    assert!(stateful.complete && dpor.complete);
    assert_eq!(stateful.outcomes.len(), 1);
    assert_eq!(stateful.outcomes[0].error.as_deref(), Some("exit status 3"));
}

/// A long sequential start (`explore::prefix`): 15 000 iterations that each read and write a
/// package variable, more steps than a run of the search may take (10 000), then two
/// goroutines racing on it. Both searches make the start once, before searching, so the
/// search is complete, finds the three results of the racing updates, and every schedule,
/// which starts with the prefix's moves, replays from the program's start.
#[test]
fn a_long_sequential_start_is_made_once_and_replays() {
    let m = machine(
        "package main\n\nimport \"fmt\"\n\nvar total int\n\nfunc main() {\n\
         \tfor i := 0; i < 15000; i++ {\n\t\ttotal += i\n\t}\n\tdone := make(chan bool)\n\
         \tgo func() {\n\t\ttotal++\n\t\tdone <- true\n\t}()\n\ttotal--\n\t<-done\n\
         \tfmt.Println(total)\n}\n",
    );
    let expected: BTreeSet<Key> = ["112492499\n", "112492500\n", "112492501\n"]
        .into_iter()
        .map(|out| (out.to_owned(), None, true))
        .collect();
    for search in [
        SearchAlgorithm::Dpor,
        SearchAlgorithm::Stateful,
        SearchAlgorithm::Auto,
    ] {
        let mut explorer = Explorer::new(m.clone(), &config(search));
        explorer.advance(u64::MAX);
        let stats = explorer.stats();
        assert!(stats.prefix_steps >= 15_000, "{search:?}: {stats:?}");
        let r = explorer.into_result();
        assert!(r.complete, "{search:?}: {r:?}");
        assert_eq!(keys(&r), expected, "{search:?}");
        assert_schedules_replay(&m, &r);
    }
}
