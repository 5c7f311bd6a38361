//! The explorer judged by brute force on real Go programs: for each program, the outcomes
//! (stdout, first error line, race) of a complete DPOR search must be exactly those of the
//! enumeration of every interleaving of the goroutine machine. Regression programs for the
//! shapes that once lost outcomes (several senders to one receiver, `select` over ready
//! channels, the channel-owned map) and a property test over random programs mixing channels
//! (unbuffered, buffered, close, select), sync.Map, RWMutex, Mutex, WaitGroup, atomics, maps,
//! shared variables and `time.Sleep`.
//!
//! Both searches are judged: DPOR and the stateful search (`explore::stateful`, which gives way
//! to DPOR on programs that sleep).
//!
//! Sleeps: brute force lets sleepers wake at any time (what Go allows), and the outcomes the
//! explorer marks as needing no sleep cut short must be exactly those of the enumeration in
//! virtual time order (what `racemap run` follows).

use super::{explore, DporConfig, EarlyWake, ExploreResult, Explorer, SearchAlgorithm, Target};
use crate::race::{Detector, DetectorConfig};
use crate::rt::config::{Config, WakeOrder};
use crate::rt::machine::Machine;
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

/// Every outcome of every interleaving (sleepers waking in `order`), and how many
/// interleavings there are; `None` when there are more than `cap` interleavings.
fn brute_force<U: Target>(target: &U, cap: u64, order: WakeOrder) -> Option<(BTreeSet<Key>, u64)> {
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
            next.note_races(d.reports().len());
            if !go(&next, &d, out, n, cap) {
                return false;
            }
        }
        true
    }
    let mut config = DetectorConfig::new(target.source_map());
    config.first_goroutine_id = target.first_goroutine_id();
    let det = Detector::new(config);
    let mut root = target.clone();
    root.set_wake_order(order);
    let mut out = BTreeSet::new();
    let mut n = 0;
    go(&root, &det, &mut out, &mut n, cap).then_some((out, n))
}

/// Brute force's outcomes of one program, enumerated once and shared by every search judged
/// against them (the enumeration is deterministic: recomputing it per search gives the same
/// sets and only costs time).
struct Reference {
    /// Every outcome of every interleaving, sleepers waking at any time.
    any_time: BTreeSet<Key>,
    /// Every outcome of the interleavings in virtual time order.
    virtual_time: BTreeSet<Key>,
}

impl Reference {
    /// Both enumerations of `target`; `None` when waking at any time gives more than `cap`
    /// interleavings.
    fn of<U: Target>(target: &U, cap: u64) -> Option<Reference> {
        let (any_time, _) = brute_force(target, cap, WakeOrder::AnyTime)?;
        let (virtual_time, _) = brute_force(target, cap, WakeOrder::VirtualTime)
            .expect("virtual time order has fewer interleavings");
        Some(Reference {
            any_time,
            virtual_time,
        })
    }

    /// The explorer's outcomes are exactly every interleaving's (sleepers waking at any
    /// time), and those it says need no sleep cut short are exactly the outcomes of virtual
    /// time order.
    fn assert_matches(&self, r: &ExploreResult, source: &str) {
        assert_eq!(
            keys(r),
            self.any_time,
            "DPOR outcomes differ from brute force on\n{source}"
        );
        let timely: BTreeSet<Key> = r
            .outcomes
            .iter()
            .filter(|o| o.early_wakes.is_empty())
            .map(|o| (o.stdout.clone(), o.error.clone(), o.race))
            .collect();
        assert_eq!(
            timely, self.virtual_time,
            "outcomes needing no sleep cut short differ from virtual time order on\n{source}"
        );
    }
}

fn keys(r: &ExploreResult) -> BTreeSet<Key> {
    r.outcomes
        .iter()
        .map(|o| (o.stdout.clone(), o.error.clone(), o.race))
        .collect()
}

/// A complete search of `source` finds exactly the brute-force outcomes, and every outcome's
/// schedule replays to it. Returns the search result.
pub(super) fn check_source(source: &str) -> ExploreResult {
    check_enumerable(source).expect("test programs stay small enough to enumerate")
}

/// [`check_source`], or `None` with nothing checked when brute force would pass its cap of
/// interleavings: a property test's generator may draw a program too large to enumerate,
/// which it then rejects (`prop_assume!`) and draws another.
pub(super) fn check_enumerable(source: &str) -> Option<ExploreResult> {
    check_enumerable_within(source, 2_000_000)
}

/// [`check_enumerable`] with brute force capped at `cap` interleavings (a property test's
/// draws stay quick).
pub(super) fn check_enumerable_within(source: &str, cap: u64) -> Option<ExploreResult> {
    let m = machine(source);
    let reference = Reference::of(&m, cap)?;
    let r = explore(m.clone(), &DporConfig::default());
    assert!(r.complete, "search incomplete on\n{source}");
    reference.assert_matches(&r, source);
    for search in [SearchAlgorithm::Dpor, SearchAlgorithm::Stateful] {
        let other = explore(m.clone(), &searching(search));
        assert!(other.complete, "{search:?} search incomplete on\n{source}");
        reference.assert_matches(&other, source);
    }
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
    Some(r)
}

/// The default config with this search.
fn searching(search: SearchAlgorithm) -> DporConfig {
    DporConfig {
        search,
        ..DporConfig::default()
    }
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
fn locks_taken_in_opposite_orders_can_deadlock() {
    // The unlock between two locks of `b` only enables the second: the locks race, and
    // reversing them is the deadlock (Go 1.19 prints it with `[semacquire]` goroutines). Too
    // many interleavings for brute force: the two outcomes are asserted.
    let r = explore_source(
        r#"package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func transfer(from, to *Account) {
	from.mu.Lock()
	defer from.mu.Unlock()
	to.mu.Lock()
	defer to.mu.Unlock()
	from.balance--
	to.balance++
}

func main() {
	a, b := &Account{balance: 1}, &Account{balance: 1}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		transfer(a, b)
	}()
	go func() {
		defer wg.Done()
		transfer(b, a)
	}()
	wg.Wait()
	fmt.Println("done")
}
"#,
    );
    assert!(r.deadlock, "{r:?}");
    assert_eq!(stdouts(&r), set(&["done\n", ""]));
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

/// A panicking goroutine's deferred `close(done)` wakes main, which can return before the panic
/// ends the program (Go 1.19: 1 run in 20 prints "main exits" and exits 0): the crash is a step
/// of its own once a deferred call made a visible operation.
#[test]
fn main_can_return_between_a_panics_deferred_close_and_the_crash() {
    let r = check_source(
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tdone := make(chan struct{})\n\
         \tgo func() {\n\t\tdefer close(done)\n\t\tvar m map[string]int\n\t\tm[\"a\"] = 1\n\t}()\n\
         \t<-done\n\tfmt.Println(\"main exits\")\n}\n",
    );
    assert!(r
        .outcomes
        .iter()
        .any(|o| o.stdout == "main exits\n" && o.error.is_none()));
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

/// A sleep orders nothing: the goroutine can still be writing when main's sleep ends, so the
/// iteration crashes, and the explorer says that this needs main's sleep cut short.
#[test]
fn a_sleep_does_not_keep_a_writer_off_an_iteration() {
    let r = check_source(
        r#"package main

import (
	"fmt"
	"time"
)

func main() {
	m := map[int]int{0: 0}
	go func() {
		m[1] = 1
	}()
	time.Sleep(10 * time.Millisecond)
	for k := range m {
		fmt.Println(k)
	}
}
"#,
    );
    let crash = r
        .outcomes
        .iter()
        .find(|o| o.error.as_deref() == Some("fatal error: concurrent map iteration and map write"))
        .expect("the iteration crash is an outcome");
    let main_sleep = EarlyWake {
        goroutine: 1,
        file: "prog.go".to_string(),
        line: 13,
        timer: None,
    };
    assert_eq!(crash.early_wakes, vec![main_sleep]);
    assert!(crash
        .sleep_note()
        .is_some_and(|n| n.contains("goroutine 1's time.Sleep at prog.go:13")));
    // What ordinary runs show needs no sleep cut short.
    assert!(r
        .outcomes
        .iter()
        .any(|o| o.error.is_none() && o.early_wakes.is_empty()));
}

/// A `select` between a result and a sleeping timeout goroutine: either can win, and the timeout
/// needs the timeout goroutine's sleep cut short.
#[test]
fn a_select_between_a_result_and_a_timeout_takes_either() {
    let r = check_source(
        r#"package main

import (
	"fmt"
	"time"
)

func main() {
	result := make(chan string, 1)
	timeout := make(chan bool, 1)
	go func() { result <- "done" }()
	go func() {
		time.Sleep(time.Second)
		timeout <- true
	}()
	select {
	case r := <-result:
		fmt.Println(r)
	case <-timeout:
		fmt.Println("timeout")
	}
}
"#,
    );
    assert_eq!(stdouts(&r), set(&["done\n", "timeout\n"]));
    let timeout = r
        .outcomes
        .iter()
        .find(|o| o.stdout == "timeout\n")
        .expect("found");
    assert_eq!(
        timeout.early_wakes,
        vec![EarlyWake {
            goroutine: 8,
            file: "prog.go".to_string(),
            line: 13,
            timer: None,
        }]
    );
    let done = r
        .outcomes
        .iter()
        .find(|o| o.stdout == "done\n")
        .expect("found");
    assert!(done.early_wakes.is_empty());
}

/// Go's `checkdead` waits for pending timers: while a goroutine sleeps, a blocked main is not a
/// deadlock, whenever the sleeper wakes.
#[test]
fn a_pending_sleep_is_no_deadlock() {
    let r = check_source(
        r#"package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		time.Sleep(time.Millisecond)
		ch <- 1
	}()
	fmt.Println(<-ch)
}
"#,
    );
    assert!(!r.deadlock);
    assert_eq!(stdouts(&r), set(&["1\n"]));
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

/// Timers fire at any time after they are armed: a `Stop` racing with the fire returns either
/// answer, and a tick is waiting in the channel exactly when Stop came too late (`rt::timer`).
#[test]
fn timer_stop_fire_and_after_func_outcomes_match_brute_force() {
    let r = check_source(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nvar x int\n\nfunc main() {\n\tt := time.NewTimer(time.Millisecond)\n\tdone := make(chan bool)\n\ttime.AfterFunc(time.Millisecond, func() {\n\t\tx = 1\n\t\tdone <- true\n\t})\n\tstopped := t.Stop()\n\tselect {\n\tcase <-t.C:\n\t\tfmt.Println(\"tick\", stopped)\n\tdefault:\n\t\tfmt.Println(\"none\", stopped)\n\t}\n\t<-done\n\tfmt.Println(x)\n}\n",
    );
    // A Stop that returns false comes after the fire, whose tick is then in the channel.
    assert_eq!(stdouts(&r), set(&["tick false\n1\n", "none true\n1\n"]));
    assert!(!r.race);
}

/// A cancel racing with a context's deadline: either error wins; a child sees its parent's
/// cancel (`rt::context`).
#[test]
fn context_cancel_and_deadline_outcomes_match_brute_force() {
    let r = check_source(
        "package main\n\nimport (\n\t\"context\"\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)\n\tchild, stop := context.WithCancel(ctx)\n\tdefer stop()\n\tgo cancel()\n\t<-child.Done()\n\tfmt.Println(child.Err(), ctx.Err())\n}\n",
    );
    assert_eq!(
        stdouts(&r),
        set(&[
            "context canceled context canceled\n",
            "context deadline exceeded context deadline exceeded\n",
        ])
    );
}

/// A worker that may finish before or after a `time.After` timeout.
#[test]
fn a_time_after_timeout_outcomes_match_brute_force() {
    let r = check_source(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tres := make(chan int, 1)\n\tgo func() {\n\t\tres <- 1\n\t}()\n\tselect {\n\tcase v := <-res:\n\t\tfmt.Println(v)\n\tcase <-time.After(time.Second):\n\t\tfmt.Println(\"timeout\")\n\t}\n}\n",
    );
    assert_eq!(stdouts(&r), set(&["1\n", "timeout\n"]));
}

/// A worker that panics (an index out of range, in local code) runs its deferred `wg.Done()`
/// and then ends the program: that step is dependent with everything, though the `Done` it
/// starts as is not. Go can crash before any other worker printed; DPOR once never tried the
/// crashing worker before the prints it did not depend on (it found only outcomes with at least
/// one line printed, two with four workers): a race's reversing sequence, replayed, gave the
/// crash the footprint of its `Done` alone, so a sleeping goroutine's exit looked like a weak
/// initial of it and the reversal counted as covered. (Two workers here, one printing, where
/// there were three: a print by fmt is two steps on os.Stdout's lock, `rt::interp::file`, and
/// two printing workers have more interleavings than brute force enumerates.)
#[test]
fn a_worker_s_crash_can_come_before_every_other_worker_s_output() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\n\
        func worker(id int, jobs []int, wg *sync.WaitGroup) {\n\tdefer wg.Done()\n\
        \tfmt.Println(\"worker\", id, jobs[id])\n}\n\n\
        func main() {\n\tvar wg sync.WaitGroup\n\tjobs := []int{10}\n\
        \tfor i := 0; i < 2; i++ {\n\t\twg.Add(1)\n\t\tgo worker(i, jobs, &wg)\n\t}\n\
        \twg.Wait()\n}\n";
    let r = check_source(source);
    assert!(
        r.outcomes.iter().any(|o| o.stdout.is_empty()
            && o.error.as_deref()
                == Some("panic: runtime error: index out of range [1] with length 1")),
        "no crash before the first line: {:?}",
        stdouts(&r)
    );
}

/// A `select` over an unbuffered channel main sends on and a buffered one another goroutine
/// sends on: the buffered send can come first and the select take its case, leaving main
/// blocked forever (a deadlock Go reports). DPOR once missed it: when main's send completed the
/// parked select (a rendezvous, main's move), the select's other ready case was never tried
/// there.
#[test]
fn a_buffered_send_can_make_a_select_take_its_case() {
    let source = "package main\n\nimport \"fmt\"\n\n\
        var ch = make(chan int)\nvar bc = make(chan int, 1)\n\n\
        func g1() {\n\tselect {\n\tcase v := <-ch:\n\t\tfmt.Println(\"sel ch\", v)\n\
        \tcase v := <-bc:\n\t\tfmt.Println(\"sel bc\", v)\n\t}\n}\n\n\
        func g2() {\n\tbc <- 2\n}\n\n\
        func main() {\n\tgo g1()\n\tgo g2()\n\tch <- 0\n}\n";
    let r = check_source(source);
    assert!(r.outcomes.iter().any(|o| o.stdout == "sel bc 2\n"
        && o.error.as_deref() == Some("fatal error: all goroutines are asleep - deadlock!")));
}

/// A send on an empty buffered channel hands its value to a receiver blocked there, as Go's
/// `chansend` does: a `select` blocked on `res` and `done` takes `res` when the sender sends on
/// `res` and then closes `done`, so "done first" needs main to be delayed past the sender's
/// sleep (Go 1.19.8: "slow" in 200 runs of 200). A run (`racemap run`: receivers parked at a
/// receive have arrived) prints "slow" for every seed. A search lets main's arrival at its
/// `select` come after the send (`soundness_tests::late_arrival`: fused into the step before
/// it, the arrival once hid an outcome), so every search finds both outcomes; "done first" is
/// then shown without the sleep it needs cut short (the delay is main's arrival, which the
/// early-wake notes cannot name yet).
#[test]
fn a_send_hands_its_value_to_a_select_blocked_on_a_buffered_channel() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n\
        func main() {\n\tdone := make(chan struct{})\n\tres := make(chan string, 1)\n\
        \tgo func() {\n\t\ttime.Sleep(10 * time.Millisecond)\n\t\tres <- \"slow\"\n\
        \t\tclose(done)\n\t}()\n\tselect {\n\tcase r := <-res:\n\t\tfmt.Println(r)\n\
        \tcase <-done:\n\t\tfmt.Println(\"done first\")\n\t}\n}\n";
    let m = machine(source);
    for search in [
        SearchAlgorithm::Auto,
        SearchAlgorithm::Dpor,
        SearchAlgorithm::Stateful,
    ] {
        let r = explore(m.clone(), &searching(search));
        assert!(r.complete, "{search:?}");
        let wakes = |stdout: &str| {
            r.outcomes
                .iter()
                .find(|o| o.stdout == stdout)
                .map(|o| o.early_wakes.len())
        };
        assert_eq!(wakes("slow\n"), Some(0), "{search:?}: {:?}", r.outcomes);
        assert!(
            wakes("done first\n").is_some(),
            "{search:?}: {:?}",
            r.outcomes
        );
    }
    // In a run, every seed prints "slow".
    for seed in 0..20 {
        let out = run(
            m.clone(),
            &RunConfig {
                seed,
                ..RunConfig::default()
            },
        );
        assert_eq!(out.stdout, "slow\n", "seed {seed}");
    }
}

/// Two receivers on a buffered channel, each of which may block there before the sends (a
/// send then hands the value over) or come after it: both orders of delivery, and every search
/// agrees with brute force on the channel model with handoffs.
#[test]
fn two_receivers_of_a_buffered_channel_get_the_values_in_either_order() {
    let r = check_source(
        "package main\n\n\
         func main() {\n\tc := make(chan int, 1)\n\tgot := make(chan string, 2)\n\
         \tgo func() {\n\t\t<-c\n\t\tgot <- \"a\"\n\t}()\n\
         \tgo func() {\n\t\t<-c\n\t\tgot <- \"b\"\n\t}()\n\
         \tc <- 1\n\tc <- 2\n\tif <-got == \"a\" {\n\t\tpanic(\"a first\")\n\t}\n}\n",
    );
    let errors: BTreeSet<Option<&str>> = r.outcomes.iter().map(|o| o.error.as_deref()).collect();
    assert_eq!(errors, BTreeSet::from([None, Some("panic: a first")]));
}

/// A race between two parallel subtests fails the subtest that ends after it was reported,
/// and prints `race detected` under that subtest's `=== CONT` line (and the root's at the end,
/// not the parent's, whose check came before its subtests ran): whether a subtest ends
/// before or after the other's racing write shows (the race detector's count of reports is
/// shared state the searches must order against tests' ends). DPOR and the stateful search each
/// missed one of these once.
#[test]
fn a_race_fails_whichever_parallel_subtest_ends_after_it() {
    let source = "package registry\n\nimport \"testing\"\n\n\
        var seen = map[string]bool{}\n\n\
        func TestRegister(t *testing.T) {\n\
        \tfor _, name := range []string{\"a\", \"b\"} {\n\
        \t\tname := name\n\
        \t\tt.Run(name, func(t *testing.T) {\n\
        \t\t\tt.Parallel()\n\
        \t\t\tseen[name] = true\n\
        \t\t})\n\t}\n}\n";
    let options = crate::compile::CompileOptions {
        test_file: true,
        run_test: Some(0),
        ..Default::default()
    };
    let program = crate::compile::compile_with(source.as_bytes(), "registry_test.go", &options)
        .unwrap_or_else(|e| panic!("test file does not compile: {e:?}"));
    let m = Machine::new(Rc::new(program), Config::default());
    // Too many interleavings for brute force (1.6 million): the searches must agree, and find
    // each way the race can fail a subtest.
    let results: Vec<BTreeSet<Key>> = [
        SearchAlgorithm::Auto,
        SearchAlgorithm::Dpor,
        SearchAlgorithm::Stateful,
    ]
    .into_iter()
    .map(|search| {
        let r = explore(m.clone(), &searching(search));
        assert!(r.complete, "{search:?} search incomplete");
        keys(&r)
    })
    .collect();
    assert_eq!(results[0], results[1], "default and DPOR searches differ");
    assert_eq!(
        results[0], results[2],
        "default and stateful searches differ"
    );
    let expected = &results[0];
    // Each subtest can be the one whose end sees the race, after either resumed first.
    // The parent's race check comes before its parallel subtests run (Go's `tRunner`): the
    // race fails a subtest, the parent (through it) and, at the root's check, the binary.
    let root_line = "=== CONT  \n    testing.go:1319: race detected during execution of test\n";
    let ends_with = |tail: &str| {
        expected
            .iter()
            .any(|(out, err, _)| err.is_none() && out.contains(tail) && out.ends_with(root_line))
    };
    for (first, second) in [("a", "b"), ("b", "a")] {
        for failing in [first, second] {
            let tail = format!(
                "=== CONT  TestRegister/{first}\n=== CONT  TestRegister/{second}\n\
                 {}    testing.go:1319: race detected during execution of test\n\
                 --- FAIL: TestRegister (0.00s)\n",
                if failing == second {
                    String::new()
                } else {
                    format!("=== CONT  TestRegister/{failing}\n")
                }
            );
            assert!(ends_with(&tail), "no outcome with\n{tail}");
        }
    }
}

/// `fmt` reads the map it prints when it prints: a concurrent write shows (or not) in the
/// output, is a data race, and printing in the middle of the write is `fatal error: concurrent
/// map iteration and map write` (every search, against brute force).
#[test]
fn a_printed_map_can_show_a_concurrent_write_or_crash_in_it() {
    let r = check_source(
        "package main\n\nimport \"fmt\"\n\nvar m = map[int]int{}\n\n\
         func main() {\n\tdone := make(chan bool)\n\tgo func() {\n\t\tm[1] = 1\n\t\tdone <- true\n\t}()\n\
         \tfmt.Println(m)\n\t<-done\n}\n",
    );
    assert!(r.outcomes.iter().all(|o| o.race));
    assert_eq!(
        stdouts(&r),
        set(&["map[]\n", "map[1:1]\n", ""]),
        "{:?}",
        r.outcomes
    );
    assert!(
        r.outcomes
            .iter()
            .any(|o| o.error.as_deref()
                == Some("fatal error: concurrent map iteration and map write"))
    );
}

mod chan_len;
mod chan_queues;
mod chan_reach;
mod cond_tickets;
mod counted_goroutines;
mod crashes;
mod deaf_channels;
mod final_reads;
mod hidden_clock;
mod late_arrival;
mod lock_queues;
mod nested_spawns;
mod random_programs;
mod sleepy_futures;
mod symmetric_goroutines;
mod sync_map_range;
mod timers;
