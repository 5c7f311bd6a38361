//! `runtime.NumGoroutine` counts the goroutines that exist, so it sees when another goroutine
//! exits: the exit, which commutes with every other step, does not commute with it. The
//! stateful search once took a goroutine's exit alone as a persistent set whatever the others
//! could still do (`target::persistent`), and said "every interleaving covered" with one count
//! where Go prints two.

use super::{check_source, keys, Key};
use std::collections::BTreeSet;

fn key(stdout: &str) -> Key {
    (stdout.to_string(), None, false)
}

/// Go 1.19.8 `go build -race`, 100 runs: `work` then `1` 93, `work` then `2` 7 (main's
/// `wg.Wait` returned before the goroutine's deferred `Done` let it exit).
#[test]
fn counting_goroutines_may_see_a_goroutine_before_its_exit() {
    let r = check_source(
        r#"package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println("work")
	}()
	wg.Wait()
	fmt.Println(runtime.NumGoroutine())
}
"#,
    );
    let expected: BTreeSet<Key> = [key("work\n1\n"), key("work\n2\n")].into_iter().collect();
    assert_eq!(keys(&r), expected);
}

/// The count after a channel hand-off: the sender may still exist or be gone.
#[test]
fn counting_goroutines_after_a_handoff_sees_the_sender_or_not() {
    let r = check_source(
        r#"package main

import (
	"fmt"
	"runtime"
)

func main() {
	ch := make(chan int)
	go func() { ch <- 1 }()
	<-ch
	fmt.Println(runtime.NumGoroutine())
}
"#,
    );
    let expected: BTreeSet<Key> = [key("1\n"), key("2\n")].into_iter().collect();
    assert_eq!(keys(&r), expected);
}
