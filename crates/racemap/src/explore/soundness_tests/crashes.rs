//! A panic nobody recovers ends the program in a step of its own (`Visible::Exit` of a
//! panicking goroutine, `Footprint::crash`): a goroutine's local code runs at once up to its
//! next visible operation, but the end of the program is seen by every goroutine, so the others
//! may print, race and even return from `main` before the panic ends it. Once a panic in local
//! code ended the run inside the step before it (the panicking goroutine's `go` statement, or
//! its last visible operation): the search said "every interleaving covered" with one outcome
//! where Go prints four.
//!
//! Brute force enumerates racemap's machine, so it could not catch that: these tests also
//! compare with the outcomes of real Go (Go 1.19.8 `go build -race`, the counts in each test).

use super::{check_source, keys, machine, searching, Key};
use crate::explore::{explore, SearchAlgorithm};
use std::collections::BTreeSet;

fn key(stdout: &str, error: Option<&str>, race: bool) -> Key {
    (stdout.to_string(), error.map(str::to_string), race)
}

/// Go 1.19.8, 200 runs of the race build: `hi` then the panic 48, `hi there` and exit 0 71,
/// `hi there` then the panic 8 (main returned while the goroutine was panicking: `runtime.main`
/// waits for a panic in progress), the panic alone 73.
#[test]
fn main_may_print_and_return_before_a_goroutine_that_panics_at_once() {
    let r = check_source(
        r#"package main

import "fmt"

func main() {
	go func() { panic("boom") }()
	fmt.Println("hi")
	fmt.Println("there")
}
"#,
    );
    let expected: BTreeSet<Key> = [
        key("", Some("panic: boom"), false),
        key("hi\n", Some("panic: boom"), false),
        key("hi\nthere\n", Some("panic: boom"), false),
        key("hi\nthere\n", None, false),
    ]
    .into_iter()
    .collect();
    assert_eq!(keys(&r), expected);
}

/// Go 1.19.8, 200 runs: `main` then the panic 160, `main`, `g`, then the panic 24, `g`, `main`,
/// then the panic 16. Main's panic in local code (an index out of range right after its
/// `Println`) once ended the run inside the `Println`'s step, so `g` could never print between.
#[test]
fn a_goroutine_may_print_between_mains_last_print_and_its_panic() {
    let r = check_source(
        r#"package main

import "fmt"

func main() {
	done := make(chan bool)
	go func() {
		fmt.Println("g")
		done <- true
	}()
	var a []int
	i := 3
	fmt.Println("main")
	_ = a[i]
	<-done
}
"#,
    );
    let crash = Some("panic: runtime error: index out of range [3] with length 0");
    let expected: BTreeSet<Key> = [
        key("main\n", crash, false),
        key("main\ng\n", crash, false),
        key("g\nmain\n", crash, false),
    ]
    .into_iter()
    .collect();
    assert_eq!(keys(&r), expected);
}

/// Go 1.19.8, 300 runs (race reported, `end` printed, panicked): every combination but a run
/// with neither `end` nor the panic: (no, no, yes) 2, (no, yes, no) 81, (no, yes, yes) 1,
/// (yes, no, yes) 29, (yes, yes, no) 180, (yes, yes, yes) 7. A race reported before the crash
/// shows in the outcome, so the crash is dependent with the step that reported it.
#[test]
fn a_race_before_the_crash_and_a_crash_before_the_race_are_both_found() {
    let r = check_source(
        r#"package main

import "fmt"

var x int

func main() {
	go func() { x = 1 }()
	go func() { panic("boom") }()
	x = 2
	fmt.Println("end")
}
"#,
    );
    let boom = Some("panic: boom");
    let expected: BTreeSet<Key> = [
        key("", boom, false),
        key("end\n", None, false),
        key("end\n", boom, false),
        key("", boom, true),
        key("end\n", None, true),
        key("end\n", boom, true),
    ]
    .into_iter()
    .collect();
    assert_eq!(keys(&r), expected);
}

/// The crash commutes with goroutine exits, as main's return does: DPOR reverses it only with
/// main's exit (2 executions) when the other goroutines only exit. It does not commute with a
/// step that shows nothing by itself (a `wg.Done`), whose goroutine or the one it wakes may
/// then show something (main returns); the stateful search still needs one run per outcome.
#[test]
fn the_crash_commutes_with_goroutine_exits() {
    let exits = "package main\n\nfunc main() {\n\tgo func() {}()\n\tgo func() {}()\n\tgo func() { panic(\"boom\") }()\n}\n";
    let dpor = explore(machine(exits), &searching(SearchAlgorithm::Dpor));
    assert!(dpor.complete);
    assert_eq!(keys(&dpor).len(), 2);
    assert_eq!(dpor.executions, 2);
    let done = "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t}()\n\tgo func() { panic(\"boom\") }()\n\twg.Wait()\n}\n";
    for source in [exits, done] {
        let r = check_source(source);
        assert_eq!(r.outcomes.len(), 2, "{source}");
        let stateful = explore(machine(source), &searching(SearchAlgorithm::Stateful));
        assert_eq!(stateful.executions, 2, "{source}");
    }
}
