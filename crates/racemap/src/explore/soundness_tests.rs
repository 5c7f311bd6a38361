//! The explorer judged by brute force on real Go programs: for each program, the outcomes
//! (stdout, first error line, race) of a complete DPOR search must be exactly those of the
//! enumeration of every interleaving of the goroutine machine. Regression programs for the
//! shapes that once lost outcomes (several senders to one receiver, `select` over ready
//! channels, the channel-owned map) and a property test over random programs mixing channels
//! (unbuffered, buffered, close, select), sync.Map, RWMutex, Mutex, WaitGroup, atomics, maps and
//! shared variables.

use super::{explore, DporConfig, ExploreResult, Target};
use crate::race::{Detector, DetectorConfig};
use crate::rt::{config::Config, machine::Machine};
use crate::run::{run, RunConfig};
use crate::sched::Schedule;
use std::collections::BTreeSet;
use std::rc::Rc;

/// What an execution shows a user: stdout, the first error line, whether a race was reported.
type Key = (String, Option<String>, bool);

fn machine(source: &str) -> Machine {
    let program = crate::compile::compile(source)
        .unwrap_or_else(|e| panic!("test program does not compile: {e:?}\n{source}"));
    Machine::new(Rc::new(program), Config::default())
}

/// Every outcome of every interleaving, and how many interleavings there are; `None` when
/// there are more than `cap` interleavings.
fn brute_force<U: Target>(target: &U, cap: u64) -> Option<(BTreeSet<Key>, u64)> {
    fn go<U: Target>(
        t: &U,
        det: &Detector,
        out: &mut BTreeSet<Key>,
        n: &mut u64,
        cap: u64,
    ) -> bool {
        let choices = if t.ending().is_some() {
            Vec::new()
        } else {
            t.runnable()
        };
        if choices.is_empty() {
            *n += 1;
            out.insert((
                t.stdout().to_string(),
                t.ending().and_then(|e| e.first_line),
                !det.reports().is_empty(),
            ));
            return *n <= cap;
        }
        for c in choices {
            let mut next = t.clone();
            let mut d = det.clone();
            let events = next.step(c);
            d.observe_step(&events);
            if !go(&next, &d, out, n, cap) {
                return false;
            }
        }
        true
    }
    let mut config = DetectorConfig::new(target.source_map());
    config.first_goroutine_id = target.first_goroutine_id();
    let det = Detector::new(config);
    let mut out = BTreeSet::new();
    let mut n = 0;
    go(target, &det, &mut out, &mut n, cap).then_some((out, n))
}

fn keys(r: &ExploreResult) -> BTreeSet<Key> {
    r.outcomes
        .iter()
        .map(|o| (o.stdout.clone(), o.error.clone(), o.race))
        .collect()
}

/// A complete search of `source` finds exactly the brute-force outcomes, and every outcome's
/// schedule replays to it. Returns the search result.
fn check_source(source: &str) -> ExploreResult {
    let m = machine(source);
    let (expected, interleavings) =
        brute_force(&m, 2_000_000).expect("test programs stay small enough to enumerate");
    let r = explore(m.clone(), &DporConfig::default());
    assert!(r.complete, "search incomplete on\n{source}");
    assert_eq!(
        keys(&r),
        expected,
        "DPOR outcomes differ from brute force on\n{source}"
    );
    assert!(r.executions <= interleavings);
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
    }
    r
}

/// A complete search of `source`, its schedules replayed.
fn explore_source(source: &str) -> ExploreResult {
    let r = explore(machine(source), &DporConfig::default());
    assert!(r.complete, "search incomplete on\n{source}");
    r
}

fn stdouts(r: &ExploreResult) -> BTreeSet<String> {
    r.outcomes.iter().map(|o| o.stdout.clone()).collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn two_senders_to_one_receiver_arrive_in_either_order() {
    let r = check_source(
        r#"package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() { ch <- 1 }()
	go func() { ch <- 2 }()
	fmt.Println(<-ch, <-ch)
}
"#,
    );
    assert_eq!(stdouts(&r), set(&["1 2\n", "2 1\n"]));
}

#[test]
fn three_senders_to_one_receiver_arrive_in_every_order() {
    let r = check_source(
        r#"package main

import "fmt"

func main() {
	ch := make(chan int)
	for i := 1; i <= 3; i++ {
		go func(v int) { ch <- v }(i)
	}
	fmt.Println(<-ch, <-ch, <-ch)
}
"#,
    );
    assert_eq!(
        stdouts(&r),
        set(&["1 2 3\n", "1 3 2\n", "2 1 3\n", "2 3 1\n", "3 1 2\n", "3 2 1\n"])
    );
}

#[test]
fn one_sender_to_two_receivers_reaches_either() {
    let r = explore_source(
        r#"package main

import "fmt"

func main() {
	ch := make(chan int)
	done := make(chan bool)
	go func() { fmt.Println("a", <-ch); done <- true }()
	go func() { fmt.Println("b", <-ch); done <- true }()
	ch <- 1
	ch <- 2
	<-done
	<-done
}
"#,
    );
    assert_eq!(
        stdouts(&r),
        set(&["a 1\nb 2\n", "b 1\na 2\n", "a 2\nb 1\n", "b 2\na 1\n"])
    );
}

#[test]
fn select_over_two_ready_channels_takes_either_case() {
    let r = check_source(
        r#"package main

import "fmt"

func main() {
	a := make(chan int)
	b := make(chan int)
	go func() { a <- 1 }()
	go func() { b <- 2 }()
	select {
	case v := <-a:
		fmt.Println("a", v)
	case v := <-b:
		fmt.Println("b", v)
	}
}
"#,
    );
    assert_eq!(stdouts(&r), set(&["a 1\n", "b 2\n"]));
}

#[test]
fn select_send_to_two_waiting_receivers_takes_either_case() {
    let r = check_source(
        r#"package main

import "fmt"

func main() {
	a := make(chan int)
	b := make(chan int)
	done := make(chan bool)
	go func() { fmt.Println("a", <-a); done <- true }()
	go func() { fmt.Println("b", <-b); done <- true }()
	select {
	case a <- 1:
	case b <- 1:
	}
	<-done
}
"#,
    );
    assert_eq!(stdouts(&r), set(&["a 1\n", "b 1\n"]));
}

/// The article's channel-owned map: requests from two clients reach the owner in either order.
/// (Too many interleavings to enumerate in a unit test: the expected outputs are Go's.)
#[test]
fn requests_reach_a_channel_owned_map_in_either_order() {
    let r = explore_source(
        r#"package main

import "fmt"

type request struct {
	key   string
	value int
	done  chan bool
}

func main() {
	requests := make(chan request)
	go func() {
		m := map[string]int{}
		for r := range requests {
			m[r.key] = r.value
			fmt.Println(r.key, r.value)
			r.done <- true
		}
	}()
	finished := make(chan bool)
	for i := 0; i < 2; i++ {
		go func(id int) {
			done := make(chan bool)
			requests <- request{"k", id, done}
			<-done
			finished <- true
		}(i)
	}
	<-finished
	<-finished
}
"#,
    );
    assert_eq!(stdouts(&r), set(&["k 0\nk 1\n", "k 1\nk 0\n"]));
}

/// Random small Go programs: main and two goroutines, each a few statements from a menu of
/// everything the explorer's dependence must know about.
/// `sync.Cond`: a Signal before the Wait is lost (deadlock) or wakes it; the search finds both,
/// as brute force does.
#[test]
fn cond_signal_is_lost_or_wakes_the_waiter() {
    let r = check_source(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar mu sync.Mutex\n\tc := sync.NewCond(&mu)\n\tdone := make(chan bool)\n\tgo func() {\n\t\tmu.Lock()\n\t\tc.Wait()\n\t\tmu.Unlock()\n\t\tdone <- true\n\t}()\n\tmu.Lock()\n\tc.Signal()\n\tmu.Unlock()\n\t<-done\n\tfmt.Println(\"woken\")\n}\n",
    );
    assert!(r.deadlock);
    assert_eq!(stdouts(&r), set(&["", "woken\n"]));
}

/// A waiter on a predicate, woken by a Broadcast through a `sync.Locker`;
/// `runtime.NumGoroutine` observes the waiter's exit, so its step is dependent with it.
#[test]
fn cond_broadcast_and_num_goroutine_outcomes_match_brute_force() {
    let r = check_source(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar mu sync.Mutex\n\tvar l sync.Locker = &mu\n\tc := sync.NewCond(l)\n\tn := 0\n\tgo func() {\n\t\tl.Lock()\n\t\tfor n == 0 {\n\t\t\tc.Wait()\n\t\t}\n\t\tl.Unlock()\n\t}()\n\tl.Lock()\n\tn = 1\n\tl.Unlock()\n\tc.Broadcast()\n\tfmt.Println(runtime.NumGoroutine())\n}\n",
    );
    assert_eq!(stdouts(&r), set(&["1\n", "2\n"]));
}

mod random_programs {
    use super::*;
    use proptest::prelude::*;

    /// A statement for goroutine `id` (1 or 2; main is 0).
    fn statement(kind: u8, id: u32) -> String {
        match kind {
            0 => format!("ch <- {id}"),
            1 => "fmt.Println(\"recv\", <-ch)".to_string(),
            2 => format!("bc <- {id}"),
            3 => "fmt.Println(\"brecv\", <-bc)".to_string(),
            4 => "select {\n\tcase v := <-ch:\n\t\tfmt.Println(\"sel ch\", v)\n\tcase v := <-bc:\n\t\tfmt.Println(\"sel bc\", v)\n\t}".to_string(),
            5 => "select {\n\tcase v := <-ch:\n\t\tfmt.Println(\"try ch\", v)\n\tdefault:\n\t\tfmt.Println(\"none\")\n\t}".to_string(),
            6 => format!("select {{\n\tcase ch <- {id}:\n\tcase bc <- {id}:\n\t}}"),
            7 => "close(bc)".to_string(),
            8 => format!("mu.Lock()\n\tx = {id}\n\tmu.Unlock()"),
            9 => "rw.RLock()\n\tfmt.Println(\"r\", x)\n\trw.RUnlock()".to_string(),
            10 => format!("rw.Lock()\n\tx = {id}\n\trw.Unlock()"),
            11 => format!("sm.Store({}, {id})", id % 2),
            12 => "v, ok := sm.Load(0)\n\tfmt.Println(\"load\", v, ok)".to_string(),
            13 => format!("atomic.AddInt32(&a, {id})"),
            14 => "fmt.Println(\"atomic\", atomic.LoadInt32(&a))".to_string(),
            15 => format!("m[{}] = {id}", id % 2),
            16 => "fmt.Println(\"map\", m[0])".to_string(),
            17 => format!("x = {id}"),
            _ => "fmt.Println(\"x\", x)".to_string(),
        }
    }

    const KINDS: u8 = 19;

    fn program(main_ops: &[u8], g1: &[u8], g2: &[u8], wait: bool) -> String {
        let body = |ops: &[u8], id: u32| -> String {
            ops.iter()
                .map(|k| format!("\t{{\n\t{}\n\t}}\n", statement(*k, id)))
                .collect()
        };
        let done = if wait { "\twg.Done()\n" } else { "" };
        let (add, join) = if wait {
            ("\twg.Add(2)\n", "\twg.Wait()\n")
        } else {
            ("", "")
        };
        let (g1, g2, main_body) = (body(g1, 1), body(g2, 2), body(main_ops, 0));
        let all = format!("{g1}{g2}{main_body}");
        let mut imports = String::new();
        for (package, used) in [("fmt", "fmt."), ("sync/atomic", "atomic.")] {
            if all.contains(used) {
                imports.push_str(&format!("\t\"{package}\"\n"));
            }
        }
        format!(
            "package main\n\nimport (\n{imports}\t\"sync\"\n)\n\n\
             var ch = make(chan int)\nvar bc = make(chan int, 1)\nvar mu sync.Mutex\n\
             var rw sync.RWMutex\nvar wg sync.WaitGroup\nvar sm sync.Map\nvar a int32\n\
             var m = map[int]int{{}}\nvar x int\n\n\
             func g1() {{\n{g1}{done}}}\n\nfunc g2() {{\n{g2}{done}}}\n\n\
             func main() {{\n{add}\tgo g1()\n\tgo g2()\n{main}{join}}}\n",
            main = main_body,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]
        #[test]
        fn dpor_finds_every_outcome_of_go_programs(
            main_ops in proptest::collection::vec(0..KINDS, 0..3),
            g1 in proptest::collection::vec(0..KINDS, 1..3),
            g2 in proptest::collection::vec(0..KINDS, 1..3),
            wait in any::<bool>(),
        ) {
            let source = program(&main_ops, &g1, &g2, wait);
            let m = machine(&source);
            // Programs with too many interleavings to enumerate say nothing: skip them.
            if let Some((expected, _)) = brute_force(&m, 40_000) {
                let r = explore(m, &DporConfig::default());
                prop_assert!(r.complete);
                prop_assert_eq!(keys(&r), expected, "on\n{}", source);
            }
        }
    }
}
