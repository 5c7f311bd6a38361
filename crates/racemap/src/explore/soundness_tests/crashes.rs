//! A panic nobody recovers ends the program in a step of its own (`Visible::Exit` of a
//! panicking goroutine, `Footprint::crash`): a goroutine's local code runs at once up to its
//! next visible operation, but the end of the program is seen by every goroutine, so the others
//! may print, race and even return from `main` before the panic ends it. Once a panic in local
//! code ended the run inside the step before it (the panicking goroutine's `go` statement, or
//! its last visible operation): the search said "every interleaving covered" with one outcome
//! where Go prints four. A fatal error raised in local code (`fatal error: stack overflow`)
//! ends the program in a step of its own too. Main's return and `os.Exit` do not wait for a
//! panic in progress in a race build (`racefini` exits first), so they race with the crash.
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
/// `hi there` then the panic 8 (the panic's print beat the exit of main's return: a race
/// build's `racefini` exits without waiting for it), the panic alone 73.
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

/// Go 1.19.8 (`go build -race`), 100 runs: `g` then `fatal error: stack overflow` 100 (main's
/// recursion fills its 1 GB stack in about a second). A fatal error raised in local code once
/// ended the run inside the step before it (main's `go` statement): `g` could never print.
#[test]
fn a_goroutine_may_print_before_mains_stack_overflow() {
    let r = check_source(
        r#"package main

import "fmt"

func f(n int) int { return f(n+1) + 1 }

func main() {
	go func() { fmt.Println("g") }()
	fmt.Println(f(0))
}
"#,
    );
    let overflow = Some("fatal error: stack overflow");
    let expected: BTreeSet<Key> = [key("", overflow, false), key("g\n", overflow, false)]
        .into_iter()
        .collect();
    assert_eq!(keys(&r), expected);
}

/// Go 1.19.8, 100 runs: `hi there` then `fatal error: stack overflow` 100. The goroutine's
/// overflow is a step of its own, so main may print before it (racemap also keeps the runs
/// where the overflow comes first: local code may run at any time before the next visible
/// operation).
#[test]
fn main_may_print_while_a_goroutine_overflows_its_stack() {
    let r = check_source(
        r#"package main

import "fmt"

func f(n int) int { return f(n+1) + 1 }

func main() {
	block := make(chan bool)
	go func() { fmt.Println(f(0)) }()
	fmt.Println("hi")
	fmt.Println("there")
	<-block
}
"#,
    );
    let overflow = Some("fatal error: stack overflow");
    let expected: BTreeSet<Key> = [
        key("", overflow, false),
        key("hi\n", overflow, false),
        key("hi\nthere\n", overflow, false),
    ]
    .into_iter()
    .collect();
    assert_eq!(keys(&r), expected);
}

/// Main may even return before a goroutine's stack overflow: the program exits normally, as
/// in each of 200 runs of Go 1.19.8 (`-race`: the overflow takes about a second). The
/// explorer keeps the overflow at any point among main's steps.
#[test]
fn main_may_return_before_a_goroutine_overflows_its_stack() {
    let r = check_source(
        r#"package main

import "fmt"

func f(n int) int { return f(n+1) + 1 }

func main() {
	go func() { fmt.Println(f(0)) }()
	fmt.Println("hi")
	fmt.Println("there")
}
"#,
    );
    let overflow = Some("fatal error: stack overflow");
    let expected: BTreeSet<Key> = [
        key("", overflow, false),
        key("hi\n", overflow, false),
        key("hi\nthere\n", overflow, false),
        key("hi\nthere\n", None, false),
    ]
    .into_iter()
    .collect();
    assert_eq!(keys(&r), expected);
}

/// Main's return does not wait for a panic in progress in a race build, racemap's: Go 1.19's
/// `runtime.main` calls `racefini` first, whose `__tsan_fini` exits the process, before the
/// code that waits for `runningPanicDefers` and parks while `panicking` (plain `go run` does
/// wait). Here main returns after the panicking goroutine's deferred call woke it. Go 1.19.8,
/// 200 runs: `go build -race` `end` and exit 0 24, `end` then the panic 54, the panic alone
/// 122; a plain build 0, 48 and 152.
#[test]
fn mains_return_does_not_wait_for_a_panic_in_a_race_build() {
    let r = check_source(
        r#"package main

import "fmt"

func main() {
	started := make(chan bool)
	go func() {
		defer func() { started <- true }()
		panic("boom")
	}()
	<-started
	fmt.Println("end")
}
"#,
    );
    let boom = Some("panic: boom");
    let expected: BTreeSet<Key> = [
        key("", boom, false),
        key("end\n", boom, false),
        key("end\n", None, false),
    ]
    .into_iter()
    .collect();
    assert_eq!(keys(&r), expected);
}

/// `os.Exit` never waits for a panic in progress either. Go 1.19.8 (`-race`), 200 runs: `end`
/// and exit 0 21, `end` then the panic 45, the panic alone 134.
#[test]
fn os_exit_does_not_wait_for_a_panic() {
    let r = check_source(
        r#"package main

import (
	"fmt"
	"os"
)

func main() {
	started := make(chan bool)
	go func() {
		defer func() { started <- true }()
		panic("boom")
	}()
	<-started
	fmt.Println("end")
	os.Exit(0)
}
"#,
    );
    let boom = Some("panic: boom");
    let expected: BTreeSet<Key> = [
        key("", boom, false),
        key("end\n", boom, false),
        key("end\n", None, false),
    ]
    .into_iter()
    .collect();
    assert_eq!(keys(&r), expected);
}

/// A panic whose deferred call blocks forever never ends the program: main returns, exit 0
/// (Go 1.19.8 `-race`, 200 runs of 200; a plain build too, after `runtime.main` yields 1000
/// times to the goroutine still running deferred calls).
#[test]
fn a_panic_blocked_in_a_deferred_call_lets_main_exit() {
    let r = check_source(
        r#"package main

import "fmt"

func main() {
	started := make(chan bool)
	block := make(chan bool)
	go func() {
		defer func() {
			started <- true
			<-block
		}()
		panic("boom")
	}()
	<-started
	fmt.Println("end")
}
"#,
    );
    let expected: BTreeSet<Key> = [key("end\n", None, false)].into_iter().collect();
    assert_eq!(keys(&r), expected);
}

/// Main's `runtime.Goexit` leaves the program to the other goroutines; a goroutine's panic
/// then ends it, before or after main's deferred call printed. Go 1.19.8 (`-race`), 200 runs:
/// `main deferred` `g` 165, `g` `main deferred` 8, `g` 27, each then the panic.
#[test]
fn after_mains_goexit_a_goroutines_panic_ends_the_program() {
    let r = check_source(
        r#"package main

import (
	"fmt"
	"runtime"
)

func main() {
	go func() {
		fmt.Println("g")
		panic("boom")
	}()
	defer fmt.Println("main deferred")
	runtime.Goexit()
}
"#,
    );
    let boom = Some("panic: boom");
    let expected: BTreeSet<Key> = [
        key("g\n", boom, false),
        key("g\nmain deferred\n", boom, false),
        key("main deferred\ng\n", boom, false),
    ]
    .into_iter()
    .collect();
    assert_eq!(keys(&r), expected);
}
