//! `sync.Map.Range` takes a snapshot of `read` (promoting `dirty` first when `read` is
//! amended), then loads each entry's value with an atomic load of its own: another goroutine
//! can store or delete between the snapshot and a load, or between two loads. Go does not
//! promise a consistent snapshot, and a Range can see none of the keys even though one was
//! present at every moment of the call. racemap once loaded the first entry in the snapshot's
//! step (and every deleted entry with the next live one), so that outcome was missing from
//! every search, brute force included (the model's steps were too coarse): the
//! `explore_sweep` suite's `syncmaprange.go` found it against real Go.

use super::{check_source, keys, Key};
use std::collections::BTreeSet;

fn key(stdout: &str) -> Key {
    (stdout.to_string(), None, false)
}

/// Go 1.19.8 `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1: `1` 396, `0` 4.
/// `0`: Range promotes `dirty` ({1}) and takes its snapshot; the goroutine's `Store(2)` copies
/// `read` into a new `dirty`, its `Delete(1)` finds key 1 in `read` and clears the entry;
/// Range loads the cleared entry and skips it. `2`: `Store(2)` before the promotion, the
/// delete after Range loaded key 1.
#[test]
fn range_can_miss_a_key_deleted_after_its_snapshot() {
    let r = check_source(
        r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	m.Store(1, "a")
	done := make(chan bool)
	go func() {
		m.Store(2, "b")
		m.Delete(1)
		done <- true
	}()
	n := 0
	m.Range(func(k, v any) bool { n++; return true })
	<-done
	fmt.Println(n)
}
"#,
    );
    let expected: BTreeSet<Key> = [key("0\n"), key("1\n"), key("2\n")].into_iter().collect();
    assert_eq!(keys(&r), expected);
}

/// Between two loads of one Range: the first key is deleted when loaded, then stored again
/// while the second is deleted, so Range sees neither although one of them was always
/// present (Go's `e.tryStore` revives a deleted entry of `read` without the lock).
#[test]
fn range_can_miss_keys_changed_between_two_loads() {
    let r = check_source(
        r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	m.Store(1, 1)
	m.Store(2, 2)
	m.Range(func(k, v any) bool { return true })
	m.Delete(1)
	done := make(chan bool)
	go func() {
		m.Store(1, 1)
		m.Delete(2)
		done <- true
	}()
	seen := ""
	m.Range(func(k, v any) bool { seen += fmt.Sprint(k); return true })
	<-done
	fmt.Println(len(seen))
}
"#,
    );
    let stdouts: BTreeSet<String> = keys(&r).into_iter().map(|k| k.0).collect();
    assert!(stdouts.contains("0\n"), "{stdouts:?}");
}
