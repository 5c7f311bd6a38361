//! Explorer tests on a toy machine: DPOR must find exactly the outcomes brute-force enumeration
//! of every interleaving finds, with fewer executions when steps are independent, and its
//! schedules must replay to the same outcome. A search run in chunks ([`Explorer`]) must give
//! exactly the result of the one-shot search, on the toys and on real Go programs.

use super::{explore, DporConfig, ExploreProgress, ExploreResult, Explorer, SearchAlgorithm};
use crate::diag::{SourceMap, Span};
use crate::race::{Detector, DetectorConfig};
use crate::rt::event::{Effect, Event, Gid, Loc, Op, StackFrame, SyncVar};
use crate::rt::value::{FuncId, MapId, ObjId, Pointer};
use crate::run::{run, RunConfig};
use crate::sched::{Choice, Schedule};
use crate::target::{Ending, Footprint, Resource, Target};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

/// A toy goroutine operation.
#[derive(Clone, Debug)]
enum T {
    /// `x_var = value`
    Store(u32, i64),
    /// `fmt.Println(x_var)`
    Print(u32),
    Lock(u32),
    Unlock(u32),
    /// `go` goroutine n
    Go(u32),
    /// `m[k] = v` of map n: begin then end
    MapWrite(u32),
}

/// Toy machine: goroutine `g` runs `progs[g]`, then exits; main's exit ends the program.
#[derive(Clone, Debug)]
struct Toy {
    progs: Rc<Vec<Vec<T>>>,
    /// Next op index; `progs[g].len()` is the exit op. `None`: not started.
    pc: Vec<Option<usize>>,
    /// Inside a map write (between begin and end).
    in_map_write: Vec<bool>,
    done: Vec<bool>,
    vars: BTreeMap<u32, i64>,
    locks: BTreeSet<u32>,
    map_writer: BTreeMap<u32, u32>,
    stdout: String,
    ending: Option<Ending>,
}

fn var(v: u32) -> Pointer {
    Pointer::root(ObjId(v))
}

fn lock_ptr(l: u32) -> Pointer {
    Pointer::root(ObjId(1000 + l))
}

impl Toy {
    fn new(progs: Vec<Vec<T>>) -> Toy {
        let n = progs.len();
        let mut pc = vec![None; n];
        pc[0] = Some(0);
        Toy {
            progs: Rc::new(progs),
            pc,
            in_map_write: vec![false; n],
            done: vec![false; n],
            vars: BTreeMap::new(),
            locks: BTreeSet::new(),
            map_writer: BTreeMap::new(),
            stdout: String::new(),
            ending: None,
        }
    }

    fn op(&self, g: usize) -> Option<Option<&T>> {
        let pc = self.pc[g]?;
        if self.done[g] {
            return None;
        }
        Some(self.progs[g].get(pc))
    }

    fn enabled(&self, g: usize) -> bool {
        match self.op(g) {
            Some(Some(T::Lock(l))) if !self.in_map_write[g] => !self.locks.contains(l),
            Some(_) => true,
            None => false,
        }
    }
}

impl Target for Toy {
    fn runnable(&self) -> Vec<Choice> {
        if self.ending.is_some() {
            return Vec::new();
        }
        (0..self.progs.len())
            .filter(|g| self.enabled(*g))
            .map(|g| Choice {
                gid: Gid(g as u32),
                alt: 0,
            })
            .collect()
    }

    fn step(&mut self, choice: Choice) -> Vec<Event> {
        let g = choice.gid.0 as usize;
        let Some(op) = self.op(g) else {
            return Vec::new();
        };
        let pc = self.pc[g].unwrap_or(0);
        let line = (g as u32 + 1) * 10 + pc as u32 + 1;
        let mut effects = Vec::new();
        let mut event_op = Op::Exit;
        let fatal = |msg: &str| Ending {
            exit_code: 2,
            first_line: Some(msg.to_string()),
            text: format!("{msg}\n"),
            deadlock: false,
            limit: false,
        };
        let mut advance = true;
        match op.cloned() {
            None => {
                self.done[g] = true;
                if g == 0 {
                    self.ending = Some(Ending {
                        exit_code: 0,
                        first_line: None,
                        text: String::new(),
                        deadlock: false,
                        limit: false,
                    });
                }
            }
            Some(T::Store(v, val)) => {
                self.vars.insert(v, val);
                effects.push(Effect::Write(Loc::Heap(var(v))));
            }
            Some(T::Print(v)) => {
                let val = self.vars.get(&v).copied().unwrap_or(0);
                self.stdout.push_str(&format!("{val}\n"));
                effects.push(Effect::Read(Loc::Heap(var(v))));
            }
            Some(T::Lock(l)) => {
                self.locks.insert(l);
                effects.push(Effect::Acquire(SyncVar::Lock(lock_ptr(l))));
            }
            Some(T::Unlock(l)) => {
                self.locks.remove(&l);
                effects.push(Effect::Release(SyncVar::Lock(lock_ptr(l))));
            }
            Some(T::Go(child)) => {
                self.pc[child as usize] = Some(0);
                effects.push(Effect::Spawn(Gid(child)));
                event_op = Op::Go { child: Gid(child) };
            }
            Some(T::MapWrite(m)) => {
                if !self.in_map_write[g] {
                    if self.map_writer.contains_key(&m) {
                        self.ending = Some(fatal("fatal error: concurrent map writes"));
                    }
                    self.map_writer.insert(m, g as u32);
                    self.in_map_write[g] = true;
                    advance = false;
                    effects.push(Effect::Write(Loc::Map(MapId(m))));
                } else {
                    if self.map_writer.get(&m) != Some(&(g as u32)) {
                        self.ending = Some(fatal("fatal error: concurrent map writes"));
                    }
                    self.map_writer.remove(&m);
                    self.in_map_write[g] = false;
                }
            }
        }
        if advance {
            if let Some(pc) = &mut self.pc[g] {
                *pc += 1;
            }
        }
        if self.ending.is_none() && self.runnable().is_empty() {
            self.ending = Some(Ending {
                exit_code: 2,
                first_line: Some("fatal error: all goroutines are asleep - deadlock!".into()),
                text: "fatal error: all goroutines are asleep - deadlock!\n".into(),
                deadlock: true,
                limit: false,
            });
        }
        vec![Event {
            gid: choice.gid,
            span: Span::new(line, line),
            stack: Rc::from(vec![StackFrame {
                func: FuncId(g as u32),
                name: Rc::from(
                    if g == 0 {
                        "main.main".to_string()
                    } else {
                        format!("main.main.func{g}")
                    }
                    .as_str(),
                ),
                span: Span::new(line, line),
            }]),
            op: event_op,
            effects,
        }]
    }

    fn ending(&self) -> Option<Ending> {
        self.ending.clone()
    }

    fn stdout_bytes(&self) -> &[u8] {
        self.stdout.as_bytes()
    }

    fn stderr_bytes(&self) -> &[u8] {
        b""
    }

    fn goroutine_count(&self) -> usize {
        self.pc.iter().filter(|p| p.is_some()).count()
    }

    fn footprint(&self, gid: Gid) -> Option<Footprint> {
        let g = gid.0 as usize;
        let op = self.op(g)?;
        let r = |res, w| Footprint {
            resources: vec![(res, w)].into(),
            ..Footprint::default()
        };
        Some(match op {
            None if g == 0 => Footprint::main_exit(),
            None => Footprint::goroutine_exit(),
            Some(T::Store(v, _)) => r(Resource::Memory(var(*v)), true),
            Some(T::Print(v)) => Footprint {
                resources: vec![(Resource::Memory(var(*v)), false), (Resource::Output, true)]
                    .into(),
                ..Footprint::default()
            },
            Some(T::Lock(l)) | Some(T::Unlock(l)) => r(Resource::Memory(lock_ptr(*l)), true),
            Some(T::Go(_)) => r(Resource::Spawn, true),
            Some(T::MapWrite(m)) => r(Resource::Map(MapId(*m)), true),
        })
    }

    fn source_map(&self) -> Rc<SourceMap> {
        Rc::new(SourceMap::new("prog.go", &"\n".repeat(100)))
    }

    fn first_goroutine_id(&self) -> u64 {
        6
    }
}

type Key = (String, Option<String>, bool);

/// Every outcome of every interleaving, and how many interleavings there are.
fn brute_force(toy: &Toy) -> (BTreeSet<Key>, u64) {
    fn go(toy: &Toy, det: &Detector, out: &mut BTreeSet<Key>, n: &mut u64) {
        let choices = toy.runnable();
        if choices.is_empty() {
            *n += 1;
            let e = toy.ending();
            out.insert((
                toy.stdout.clone(),
                e.and_then(|e| e.first_line),
                !det.reports().is_empty(),
            ));
            return;
        }
        for c in choices {
            let mut t = toy.clone();
            let mut d = det.clone();
            for e in t.step(c) {
                d.observe(&e);
            }
            go(&t, &d, out, n);
        }
    }
    let mut out = BTreeSet::new();
    let mut n = 0;
    let det = Detector::new(DetectorConfig::new(toy.source_map()));
    go(toy, &det, &mut out, &mut n);
    (out, n)
}

fn keys(r: &ExploreResult) -> BTreeSet<Key> {
    r.outcomes
        .iter()
        .map(|o| (o.stdout.clone(), o.error.clone(), o.race))
        .collect()
}

/// The identity of an outcome: what [`OutcomeSet`](super::outcome::OutcomeSet) aggregates by.
fn outcome_key(o: &super::Outcome) -> Key {
    (o.stdout.clone(), o.error.clone(), o.race)
}

/// `now` is `before` or a later point of the same search: counts only grow, each outcome keeps
/// its place (only its count and schedule may change), new outcomes come after.
fn assert_progress_grows(before: &ExploreProgress, now: &ExploreProgress) {
    assert!(now.executions >= before.executions);
    assert!(now.total_steps >= before.total_steps);
    assert!(now.finished || !before.finished);
    assert!(now.race || !before.race);
    assert!(now.deadlock || !before.deadlock);
    assert!(now.outcomes.len() >= before.outcomes.len());
    for (a, b) in before.outcomes.iter().zip(&now.outcomes) {
        assert_eq!(outcome_key(a), outcome_key(b));
        assert!(b.count >= a.count);
    }
}

/// Explore `target` `budget` steps at a time, checking on the way that every call spends its
/// whole budget unless the search ends, that progress only grows, and that a finished search
/// stays put; the result must be the one-shot search's.
pub(super) fn explore_in_chunks<U: Target>(
    target: U,
    config: &DporConfig,
    budget: u64,
) -> ExploreResult {
    let mut explorer = Explorer::new(target, config);
    let mut last = explorer.progress();
    loop {
        let done = explorer.advance(budget);
        let now = explorer.progress();
        assert_eq!(now.finished, done);
        assert_progress_grows(&last, &now);
        assert!(now.total_steps - last.total_steps <= budget);
        if !done {
            assert_eq!(now.total_steps - last.total_steps, budget);
            assert!(!explorer.result().complete);
        }
        last = now;
        if done {
            break;
        }
    }
    assert!(explorer.advance(budget));
    assert!(explorer.advance(0));
    assert_eq!(explorer.progress(), last);
    let result = explorer.result();
    assert_eq!(
        (last.executions, last.race, last.deadlock, &last.outcomes),
        (
            result.executions,
            result.race,
            result.deadlock,
            &result.outcomes
        )
    );
    assert_eq!(explorer.into_result(), result);
    result
}

/// Chunked searches of every size give the one-shot result.
pub(super) fn check_chunked<U: Target>(target: &U, config: &DporConfig) -> ExploreResult {
    let one_shot = explore(target.clone(), config);
    for budget in [1, 7, 1000] {
        let chunked = explore_in_chunks(target.clone(), config, budget);
        assert_eq!(chunked, one_shot, "chunks of {budget} steps");
    }
    one_shot
}

/// DPOR finds exactly the brute-force outcomes, every outcome's schedule replays to it, and
/// the search gives the same result in chunks.
fn check(progs: Vec<Vec<T>>) -> (ExploreResult, u64) {
    let toy = Toy::new(progs);
    let (expected, interleavings) = brute_force(&toy);
    let r = check_chunked(&toy, &DporConfig::default());
    assert!(r.complete);
    assert_eq!(keys(&r), expected);
    assert!(r.executions <= interleavings);
    for o in &r.outcomes {
        let schedule = Schedule::decode(&o.schedule).expect("explorer schedules decode");
        let replay = run(
            toy.clone(),
            &RunConfig {
                schedule: Some(schedule),
                ..RunConfig::default()
            },
        );
        assert_eq!(replay.stdout, o.stdout);
        assert_eq!(replay.first_error_line, o.error);
        assert_eq!(!replay.races.is_empty(), o.race);
    }
    (r, interleavings)
}

use T::*;

#[test]
fn racing_writers_and_reader() {
    let (r, _) = check(vec![
        vec![Go(1), Go(2), Print(0)],
        vec![Store(0, 1)],
        vec![Store(0, 2)],
    ]);
    assert!(r.race);
    let outs: BTreeSet<String> = r.outcomes.iter().map(|o| o.stdout.clone()).collect();
    assert_eq!(
        outs,
        ["0\n", "1\n", "2\n"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    );
}

#[test]
fn locked_accesses_have_no_race() {
    let (r, _) = check(vec![
        vec![
            Go(1),
            Lock(0),
            Store(0, 1),
            Unlock(0),
            Lock(0),
            Print(0),
            Unlock(0),
        ],
        vec![Lock(0), Store(0, 2), Unlock(0)],
    ]);
    assert!(!r.race);
    assert!(r.outcomes.len() >= 2);
}

#[test]
fn concurrent_map_writes_are_found() {
    let (r, _) = check(vec![
        vec![Go(1), MapWrite(0), Lock(9), Unlock(9)],
        vec![MapWrite(0)],
    ]);
    assert!(r
        .outcomes
        .iter()
        .any(|o| o.error.as_deref() == Some("fatal error: concurrent map writes")));
}

#[test]
fn lock_order_inversion_deadlock_is_found() {
    let (r, _) = check(vec![
        vec![
            Go(1),
            Lock(1),
            Lock(0),
            Unlock(0),
            Unlock(1),
            Lock(2),
            Lock(2),
        ],
        vec![Lock(0), Lock(1), Unlock(1), Unlock(0)],
    ]);
    assert!(r.deadlock);
}

#[test]
fn independent_steps_are_explored_once() {
    let (r, interleavings) = check(vec![
        vec![Go(1), Go(2), Store(0, 1), Store(3, 1), Lock(0), Unlock(0)],
        vec![Store(1, 1), Store(4, 1), Store(5, 1)],
        vec![Store(2, 1), Store(6, 1), Store(7, 1)],
    ]);
    assert!(
        r.executions * 20 < interleavings,
        "{} executions for {interleavings} interleavings",
        r.executions
    );
}

#[test]
fn budgets_make_the_result_incomplete() {
    let toy = Toy::new(vec![
        vec![Go(1), Go(2), Print(0)],
        vec![Store(0, 1)],
        vec![Store(0, 2)],
    ]);
    let r = explore(
        toy,
        &DporConfig {
            max_executions: 1,
            ..DporConfig::default()
        },
    );
    assert!(!r.complete);
    assert_eq!(r.executions, 1);
    let json = serde_json::to_value(&r).expect("serializes");
    assert_eq!(json["complete"], serde_json::Value::Bool(false));
    assert_eq!(json["limit"], "max-executions");
    assert!(json["outcomes"][0]["schedule"].is_string());
    assert!(json["outcomes"][0].get("error").is_some());
}

#[test]
fn preemption_bound_zero_runs_goroutines_to_completion() {
    let toy = Toy::new(vec![vec![Go(1), Store(0, 1), Print(0)], vec![Store(0, 2)]]);
    let r = explore(
        toy,
        &DporConfig {
            preemption_bound: Some(0),
            ..DporConfig::default()
        },
    );
    assert!(!r.complete);
    assert_eq!(keys(&r).len(), 1);
}

#[test]
fn same_seed_same_run() {
    let toy = Toy::new(vec![
        vec![Go(1), Go(2), Print(0), Print(0)],
        vec![Store(0, 1), Print(0)],
        vec![Store(0, 2), Print(0)],
    ]);
    let a = run(
        toy.clone(),
        &RunConfig {
            seed: 5,
            ..RunConfig::default()
        },
    );
    let b = run(
        toy,
        &RunConfig {
            seed: 5,
            ..RunConfig::default()
        },
    );
    assert_eq!(a, b);
}

/// The toys under bounds (executions, total steps, preemptions, steps per run) and the other
/// algorithm: chunked searches stop where the one-shot search stops.
#[test]
fn chunked_search_respects_the_bounds() {
    let toy = Toy::new(vec![
        vec![Go(1), Go(2), Lock(0), Store(0, 1), Unlock(0), Print(0)],
        vec![Store(0, 2), MapWrite(0), Print(1)],
        vec![Lock(0), Store(1, 1), Unlock(0), MapWrite(0)],
    ]);
    let configs = [
        DporConfig::default(),
        DporConfig {
            max_executions: 3,
            ..DporConfig::default()
        },
        DporConfig {
            max_total_steps: 40,
            ..DporConfig::default()
        },
        DporConfig {
            max_steps_per_execution: 6,
            ..DporConfig::default()
        },
        DporConfig {
            preemption_bound: Some(1),
            ..DporConfig::default()
        },
        DporConfig {
            algorithm: super::DporAlgorithm::Persistent,
            sleep_sets: false,
            ..DporConfig::default()
        },
        DporConfig {
            race_detection: false,
            ..DporConfig::default()
        },
    ];
    for config in &configs {
        let r = check_chunked(&toy, config);
        assert!(r.executions > 0, "{config:?}");
    }
    let stopped = check_chunked(&toy, &configs[1]);
    assert!(!stopped.complete);
    assert_eq!(stopped.executions, 3);
}

/// `advance(0)` makes no step and records nothing, however often it is called, at the start
/// and in the middle of a search.
#[test]
fn advancing_by_zero_steps_makes_no_progress() {
    let toy = Toy::new(vec![
        vec![Go(1), Go(2), Print(0)],
        vec![Store(0, 1)],
        vec![Store(0, 2)],
    ]);
    let mut explorer = Explorer::new(toy, &DporConfig::default());
    for _ in 0..3 {
        let before = explorer.progress();
        for _ in 0..5 {
            explorer.advance(0);
            let now = explorer.progress();
            assert_eq!(now.executions, before.executions);
            assert_eq!(now.total_steps, before.total_steps);
            assert_eq!(now.outcomes, before.outcomes);
        }
        assert!(!explorer.advance(5));
    }
    assert_eq!(explorer.progress().total_steps, 15);
    assert!(explorer.progress().executions > 0);
    assert!(explorer.advance(u64::MAX));
}

/// A target that has ended before any move: one run, the search over from the start.
#[test]
fn a_finished_target_is_one_execution() {
    let mut toy = Toy::new(vec![vec![]]);
    toy.step(Choice {
        gid: Gid(0),
        alt: 0,
    });
    assert!(toy.ending().is_some());
    let explorer = Explorer::new(toy.clone(), &DporConfig::default());
    assert!(explorer.finished());
    let r = check_chunked(&toy, &DporConfig::default());
    assert!(r.complete);
    assert_eq!(r.executions, 1);
}

/// The real thing: every map strategy's program on small workloads, and Go programs with a
/// deadlock and a channel rendezvous, explored in chunks and in one go.
#[test]
fn chunked_search_of_go_programs_matches_one_shot() {
    use crate::rt::{config::Config, machine::Machine};
    use crate::strategies::{Strategy, Workload};
    let machine = |source: &str| {
        let program = crate::compile::compile(source).expect("test programs compile");
        Machine::new(Rc::new(program), Config::default())
    };
    let small = Workload {
        goroutines: 2,
        ops_per_goroutine: 2,
        write_percent: 50,
        keys: 2,
    };
    for s in Strategy::ALL {
        let r = check_chunked(&machine(&s.source(small)), &DporConfig::default());
        assert!(r.complete, "{s:?}");
        assert_eq!(r.race, s.races(small), "{s:?}");
    }
    let racy = check_chunked(
        &machine(&Strategy::Unsynchronized.source(Workload::default())),
        &DporConfig::default(),
    );
    assert!(racy.race && racy.outcomes.len() > 1);
    let deadlock = check_chunked(
        &machine(
            r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	var a, b sync.Mutex
	done := make(chan bool)
	go func() {
		a.Lock()
		b.Lock()
		b.Unlock()
		a.Unlock()
		done <- true
	}()
	b.Lock()
	a.Lock()
	a.Unlock()
	b.Unlock()
	<-done
	fmt.Println("ok")
}
"#,
        ),
        &DporConfig::default(),
    );
    assert!(deadlock.complete && deadlock.deadlock);
}

mod random_programs {
    use super::*;
    use proptest::prelude::*;

    fn op() -> impl Strategy<Value = T> {
        prop_oneof![
            (0u32..2, 1i64..3).prop_map(|(v, x)| Store(v, x)),
            (0u32..2).prop_map(Print),
            Just(MapWrite(0)),
            (0u32..2).prop_map(Lock),
            (0u32..2).prop_map(Unlock),
        ]
    }

    /// Locks only ever unlocked by their holder, in a well-nested way: drop unmatched unlocks.
    fn fix_locks(ops: Vec<T>) -> Vec<T> {
        let mut held: Vec<u32> = Vec::new();
        let mut out = Vec::new();
        for o in ops {
            match o {
                Lock(l) if !held.contains(&l) => {
                    held.push(l);
                    out.push(Lock(l));
                }
                Unlock(l) if held.last() == Some(&l) => {
                    held.pop();
                    out.push(Unlock(l));
                }
                Lock(_) | Unlock(_) => {}
                o => out.push(o),
            }
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
        #[test]
        fn dpor_finds_every_outcome(
            main in proptest::collection::vec(op(), 0..3),
            g1 in proptest::collection::vec(op(), 1..3),
            g2 in proptest::collection::vec(op(), 0..3),
        ) {
            let mut m = vec![Go(1), Go(2)];
            m.extend(fix_locks(main));
            check(vec![m, fix_locks(g1), fix_locks(g2)]);
        }
    }
}

/// A run cut short by a runtime limit leaves the rest of that interleaving unsearched: the
/// search must not claim to cover every interleaving. (Here main spins on a package-level
/// bool that nobody sets, without yielding, and reaches the step limit: each read of it is a
/// step. A local's would be a fixed load, no step, and the loop would hit the limit of
/// instructions per step instead.)
#[test]
fn a_run_cut_short_by_a_limit_makes_the_search_incomplete() {
    use crate::rt::{config::Config, machine::Machine};
    let source = "package main\n\nvar done bool\n\nfunc main() {\n\tgo func() {\n\t\t_ = done\n\t}()\n\tfor !done {\n\t}\n}\n";
    let program = crate::compile::compile(source).expect("compiles");
    let config = Config {
        max_steps: 500,
        ..Config::default()
    };
    let r = explore(
        Machine::new(Rc::new(program), config),
        &DporConfig::default(),
    );
    assert!(!r.complete, "{r:?}");
    assert_eq!(r.limit, Some(super::SearchLimit::RunLimit));
    assert!(r
        .outcomes
        .iter()
        .any(|o| o.error.as_deref().is_some_and(|e| e.contains("step limit"))));
    let json = serde_json::to_value(&r).expect("serializes");
    assert_eq!(json["limit"], "run-limit");
}

/// A spin loop that yields (`for !done { runtime.Gosched() }`) ends: a goroutine that yielded
/// runs again only after another goroutine moved (fair scheduling), so the writer gets to run.
/// The search finds what Go 1.19 shows (`go run -race`: exit status 66, `hello`, two races:
/// `done` and `msg`). DPOR alone says the fairness rule skipped schedules; the default search
/// covers them (the stateful search's cycles: the spin returns to an equal state).
#[test]
fn a_spin_loop_that_yields_ends_and_finds_the_race() {
    use crate::rt::{config::Config, machine::Machine};
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nfunc main() {\n\tdone := false\n\tmsg := \"\"\n\tgo func() {\n\t\tmsg = \"hello\"\n\t\tdone = true\n\t}()\n\tfor !done {\n\t\truntime.Gosched()\n\t}\n\tfmt.Println(msg)\n}\n";
    let program = Rc::new(crate::compile::compile(source).expect("compiles"));
    let all = explore(
        Machine::new(program.clone(), Config::default()),
        &DporConfig::default(),
    );
    assert!(all.complete && all.limit.is_none(), "{all:?}");
    assert!(all.race);
    assert_eq!(all.outcomes.len(), 1, "{all:?}");
    assert_eq!(all.outcomes[0].stdout, "hello\n");
    let r = explore(
        Machine::new(program.clone(), Config::default()),
        &DporConfig {
            search: SearchAlgorithm::Dpor,
            ..DporConfig::default()
        },
    );
    assert!(!r.complete, "{r:?}");
    assert_eq!(r.limit, Some(super::SearchLimit::Fairness));
    assert!(r.race);
    assert_eq!(r.outcomes.len(), 1, "{r:?}");
    assert_eq!(r.outcomes[0].stdout, "hello\n");
    assert_eq!(r.outcomes[0].error, None);
    assert!(r.executions < 10, "{} executions", r.executions);
    // The outcome's schedule replays to both races.
    let schedule = Schedule::decode(&r.outcomes[0].schedule).expect("decodes");
    let replay = run(
        Machine::new(program, Config::default()),
        &RunConfig {
            schedule: Some(schedule),
            ..RunConfig::default()
        },
    );
    assert_eq!(replay.races.len(), 2, "{:?}", replay.races);
    let json = serde_json::to_value(&r).expect("serializes");
    assert_eq!(json["limit"], "fairness");
}

/// Sampling a program that sleeps lets sleepers wake at any time in every other run, as the
/// systematic search does: the outcome where the sleeper outruns main shows up, naming the sleep
/// it cut short; the runs in virtual time order never show it.
#[test]
fn sampling_finds_outcomes_that_need_a_sleep_cut_short() {
    use crate::rt::{config::Config, machine::Machine};
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tgo func() {\n\t\ttime.Sleep(time.Millisecond)\n\t\tfmt.Println(\"late\")\n\t}()\n\tfmt.Println(\"main\")\n}\n";
    let program = Rc::new(crate::compile::compile(source).expect("compiles"));
    let machine = Machine::new(program, Config::default());
    let r = super::sample(
        &machine,
        &super::SampleStrategy::Random,
        0,
        40,
        &RunConfig::default(),
    );
    assert_eq!(r.limit, Some(super::SearchLimit::Sampling));
    let late: Vec<_> = r
        .outcomes
        .iter()
        .filter(|o| o.stdout.contains("late"))
        .collect();
    assert!(!late.is_empty(), "{r:?}");
    for o in &late {
        assert_eq!(o.early_wakes.len(), 1, "{o:?}");
        assert_eq!(o.early_wakes[0].line, 10, "{o:?}");
    }
    let on_time: Vec<_> = r.outcomes.iter().filter(|o| o.stdout == "main\n").collect();
    assert_eq!(on_time.len(), 1, "{r:?}");
}

/// A test whose interleavings print the same but leak differently has two outcomes: a leak
/// must never hide behind a clean run with the same output (`racemap test --explore` replays
/// one schedule per outcome to report leaks).
#[test]
fn a_test_that_leaks_in_some_interleavings_has_a_leaking_outcome_of_its_own() {
    let source = "package leak\n\nimport \"testing\"\n\nfunc TestLeak(t *testing.T) {\n\tch := make(chan int)\n\tgo func() { ch <- 1 }()\n\tselect {\n\tcase <-ch:\n\tdefault:\n\t}\n}\n";
    let options = crate::compile::CompileOptions {
        test_file: true,
        run_test: Some(0),
        ..Default::default()
    };
    let program = crate::compile::compile_with(source.as_bytes(), "leak_test.go", &options)
        .expect("the test file compiles");
    let machine = crate::rt::machine::Machine::new(Rc::new(program), Default::default());
    let r = explore(machine, &DporConfig::default());
    assert!(r.complete);
    let leaked: Vec<&Vec<String>> = r.outcomes.iter().map(|o| &o.leaked).collect();
    assert_eq!(r.outcomes.len(), 2, "{:?}", r.outcomes);
    assert!(leaked.iter().any(|l| l.is_empty()), "{leaked:?}");
    assert!(
        leaked
            .iter()
            .any(|l| l.len() == 1 && l[0].contains("[chan send]")),
        "{leaked:?}"
    );
}

/// A ticker consumed while another goroutine still works: the search lets the ticker fire
/// ahead of virtual time at most `MAX_EARLY_TICKS` times per run, and says so
/// (`SearchLimit::EarlyTicks`, `"early-ticks"` in JSON) instead of "every interleaving covered";
/// the outcomes with one and two early ticks are found.
#[test]
fn a_bounded_number_of_early_ticks_makes_the_search_incomplete() {
    use crate::rt::{config::Config, machine::Machine};
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tt := time.NewTicker(time.Millisecond)\n\tdone := make(chan bool)\n\twork := make(chan int, 4)\n\tgo func() {\n\t\tfor i := 0; i < 4; i++ {\n\t\t\twork <- i\n\t\t}\n\t\tdone <- true\n\t}()\n\tticks := 0\n\tfor {\n\t\tselect {\n\t\tcase <-t.C:\n\t\t\tticks++\n\t\tcase <-done:\n\t\t\tt.Stop()\n\t\t\tfmt.Println(ticks)\n\t\t\treturn\n\t\t}\n\t}\n}\n";
    let program = Rc::new(crate::compile::compile(source).expect("compiles"));
    let r = explore(
        Machine::new(program, Config::default()),
        &DporConfig::default(),
    );
    assert!(!r.complete, "{r:?}");
    assert_eq!(r.limit, Some(super::SearchLimit::EarlyTicks), "{r:?}");
    let printed: Vec<&str> = r.outcomes.iter().map(|o| o.stdout.as_str()).collect();
    for ticks in ["0\n", "1\n", "2\n"] {
        assert!(printed.contains(&ticks), "{ticks:?} not in {printed:?}");
    }
    let json = serde_json::to_value(&r).expect("serializes");
    assert_eq!(json["limit"], "early-ticks");
}
