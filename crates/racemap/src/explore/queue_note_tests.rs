//! Which outcomes say they pass goroutines in Go's lock and channel queues
//! ([`super::Outcome::overtakes`]): the order Go 1.19 prints (`go run -race`, 40 runs each:
//! `got 0 got 1 got 2` 40/40 for the mutex and the channel; both reader orders before the
//! writer, 19 and 21 of 40, for the RWMutex) carries no note, every other one names whom it
//! passes; arrivals with no sleep between them carry none (Go prints five of the six orders in
//! 40 runs of the mutex program without sleeps). A buffered channel's blocked senders and
//! receivers queue FIFO too (Go 1.19, `go run -race`, 40 runs each: `got -1 got 0 got 1 got 2`
//! 40/40 for the senders at a full buffer, `[1 2 3]` 40/40 for the receivers at an empty one,
//! and all six assignments, in 100 runs, when the receivers arrive with no sleep between).

use super::{explore, DporConfig, ExploreResult, QueueRule, SearchAlgorithm};
use crate::rt::{config::Config, machine::Machine};
use std::rc::Rc;

/// Three goroutines queue on a held mutex, a sleep apart, before main unlocks it.
const MUTEX_FIFO: &str = "package main

import (
\t\"fmt\"
\t\"sync\"
\t\"time\"
)

func main() {
\tvar mu sync.Mutex
\tvar wg sync.WaitGroup
\tmu.Lock()
\tfor i := 0; i < 3; i++ {
\t\twg.Add(1)
\t\tgo func(n int) { defer wg.Done(); mu.Lock(); fmt.Println(\"got\", n); mu.Unlock() }(i)
\t\ttime.Sleep(10 * time.Millisecond)
\t}
\tmu.Unlock()
\twg.Wait()
}
";

/// A reader, a writer and a reader queue on a write-locked RWMutex, a sleep apart.
const RWMUTEX: &str = "package main

import (
\t\"fmt\"
\t\"sync\"
\t\"time\"
)

func main() {
\tvar mu sync.RWMutex
\tvar wg sync.WaitGroup
\tmu.Lock()
\twg.Add(3)
\tgo func() { defer wg.Done(); mu.RLock(); fmt.Println(\"reader 1\"); mu.RUnlock() }()
\ttime.Sleep(10 * time.Millisecond)
\tgo func() { defer wg.Done(); mu.Lock(); fmt.Println(\"writer\"); mu.Unlock() }()
\ttime.Sleep(10 * time.Millisecond)
\tgo func() { defer wg.Done(); mu.RLock(); fmt.Println(\"reader 2\"); mu.RUnlock() }()
\ttime.Sleep(10 * time.Millisecond)
\tmu.Unlock()
\twg.Wait()
}
";

/// Three senders block on an unbuffered channel, a sleep apart; main receives in a loop.
const SENDERS: &str = "package main

import (
\t\"fmt\"
\t\"time\"
)

func main() {
\tch := make(chan int)
\tfor i := 0; i < 3; i++ {
\t\tgo func(n int) { ch <- n }(i)
\t\ttime.Sleep(10 * time.Millisecond)
\t}
\tfor i := 0; i < 3; i++ {
\t\tfmt.Println(\"got\", <-ch)
\t}
}
";

/// Three senders block on a full buffered channel, a sleep apart; main receives in a loop.
const BUFFERED_SENDERS: &str = "package main

import (
\t\"fmt\"
\t\"time\"
)

func main() {
\tch := make(chan int, 1)
\tch <- -1
\tfor i := 0; i < 3; i++ {
\t\tgo func(n int) { ch <- n }(i)
\t\ttime.Sleep(10 * time.Millisecond)
\t}
\tfor i := 0; i < 4; i++ {
\t\tfmt.Println(\"got\", <-ch)
\t}
}
";

/// Three receivers block on an empty buffered channel, a sleep apart; main sends 1, 2, 3.
const BUFFERED_RECEIVERS: &str = "package main

import (
\t\"fmt\"
\t\"sync\"
\t\"time\"
)

func main() {
\tch := make(chan int, 1)
\tvar wg sync.WaitGroup
\tgot := make([]int, 3)
\tfor i := 0; i < 3; i++ {
\t\twg.Add(1)
\t\tgo func(n int) { defer wg.Done(); got[n] = <-ch }(i)
\t\ttime.Sleep(10 * time.Millisecond)
\t}
\tfor i := 1; i <= 3; i++ {
\t\tch <- i
\t}
\twg.Wait()
\tfmt.Println(got)
}
";

fn explore_with(source: &str, search: SearchAlgorithm) -> ExploreResult {
    let program = crate::compile::compile(source).expect("test programs compile");
    let machine = Machine::new(Rc::new(program), Config::default());
    explore(
        machine,
        &DporConfig {
            search,
            ..DporConfig::default()
        },
    )
}

const SEARCHES: [SearchAlgorithm; 3] = [
    SearchAlgorithm::Auto,
    SearchAlgorithm::Dpor,
    SearchAlgorithm::Stateful,
];

/// The outputs of the outcomes without a note, sorted.
fn unnoted(r: &ExploreResult) -> Vec<String> {
    let mut out: Vec<String> = r
        .outcomes
        .iter()
        .filter(|o| o.notes() == 0)
        .map(|o| o.stdout.replace('\n', " "))
        .collect();
    out.sort();
    out
}

#[test]
fn the_mutex_fifo_order_carries_no_note_every_other_names_whom_it_passes() {
    for search in SEARCHES {
        let r = explore_with(MUTEX_FIFO, search);
        assert!(r.complete, "{search:?}");
        assert_eq!(r.outcomes.len(), 6, "{search:?}: {r:?}");
        assert_eq!(unnoted(&r), ["got 0 got 1 got 2 "], "{search:?}: {r:?}");
        for o in &r.outcomes {
            assert!(o.early_wakes.is_empty(), "{search:?}: {o:?}");
            assert!(o
                .overtakes
                .iter()
                .all(|t| t.rule == QueueRule::Mutex && t.line == 15));
        }
        // Goroutine 9 (the third) first: it passes 7 and 8, queued a sleep before it.
        let last_first = r
            .outcomes
            .iter()
            .find(|o| o.stdout == "got 2\ngot 0\ngot 1\n")
            .expect("found");
        assert_eq!(last_first.overtakes.len(), 1, "{last_first:?}");
        let t = &last_first.overtakes[0];
        assert_eq!((t.goroutine, t.ahead_of.clone()), (9, vec![7, 8]), "{t:?}");
        let note = last_first.queue_note().expect("a note");
        assert!(
            note.contains("needs goroutines 7 and 8 delayed before their Lock"),
            "{note}"
        );
    }
}

#[test]
fn an_rwmutex_lets_the_readers_blocked_by_a_writer_in_first() {
    for search in SEARCHES {
        let r = explore_with(RWMUTEX, search);
        assert_eq!(r.outcomes.len(), 6, "{search:?}: {r:?}");
        assert_eq!(
            unnoted(&r),
            ["reader 1 reader 2 writer ", "reader 2 reader 1 writer "],
            "{search:?}: {r:?}"
        );
        let writer_first = r
            .outcomes
            .iter()
            .find(|o| o.stdout == "writer\nreader 1\nreader 2\n")
            .expect("found");
        let t = &writer_first.overtakes[0];
        assert_eq!(t.rule, QueueRule::RwmutexReaders, "{t:?}");
        assert_eq!((t.goroutine, t.ahead_of.clone()), (8, vec![7, 9]), "{t:?}");
        assert_eq!(t.waiting_at, "RLock");
    }
}

#[test]
fn blocked_senders_meet_the_receiver_in_arrival_order() {
    for search in SEARCHES {
        let r = explore_with(SENDERS, search);
        assert_eq!(r.outcomes.len(), 6, "{search:?}: {r:?}");
        assert_eq!(unnoted(&r), ["got 0 got 1 got 2 "], "{search:?}: {r:?}");
        let reversed = r
            .outcomes
            .iter()
            .find(|o| o.stdout == "got 2\ngot 1\ngot 0\n")
            .expect("found");
        let passes: Vec<(u64, Vec<u64>)> = reversed
            .overtakes
            .iter()
            .map(|t| (t.goroutine, t.ahead_of.clone()))
            .collect();
        assert_eq!(passes, [(9, vec![7, 8]), (8, vec![7])], "{reversed:?}");
        assert!(reversed
            .overtakes
            .iter()
            .all(|t| t.rule == QueueRule::Channel && t.op == "send" && t.waiting_at == "send"));
    }
}

#[test]
fn senders_blocked_at_a_full_buffer_put_their_values_in_in_arrival_order() {
    for search in SEARCHES {
        let r = explore_with(BUFFERED_SENDERS, search);
        assert!(r.complete, "{search:?}");
        assert_eq!(r.outcomes.len(), 6, "{search:?}: {r:?}");
        assert_eq!(
            unnoted(&r),
            ["got -1 got 0 got 1 got 2 "],
            "{search:?}: {r:?}"
        );
        let last_first = r
            .outcomes
            .iter()
            .find(|o| o.stdout == "got -1\ngot 2\ngot 0\ngot 1\n")
            .expect("found");
        let passes: Vec<(u64, Vec<u64>)> = last_first
            .overtakes
            .iter()
            .map(|t| (t.goroutine, t.ahead_of.clone()))
            .collect();
        assert_eq!(passes, [(9, vec![7, 8])], "{last_first:?}");
        let t = &last_first.overtakes[0];
        assert_eq!(
            (t.rule, t.op.as_str(), t.waiting_at.as_str(), t.line),
            (QueueRule::BufferedSenders, "send", "send", 12),
            "{t:?}"
        );
        let note = last_first.queue_note().expect("a note");
        assert!(
            note.contains("takes a slot of the buffered channel ahead of goroutines 7 and 8"),
            "{note}"
        );
    }
}

#[test]
fn receivers_blocked_at_an_empty_buffer_take_the_values_in_arrival_order() {
    for search in SEARCHES {
        let r = explore_with(BUFFERED_RECEIVERS, search);
        assert!(r.complete, "{search:?}");
        assert_eq!(r.outcomes.len(), 6, "{search:?}: {r:?}");
        assert_eq!(unnoted(&r), ["[1 2 3] "], "{search:?}: {r:?}");
        let second_first = r
            .outcomes
            .iter()
            .find(|o| o.stdout == "[2 1 3]\n")
            .expect("found");
        let t = &second_first.overtakes[0];
        assert_eq!(
            (t.goroutine, t.ahead_of.clone(), t.rule, t.op.as_str()),
            (8, vec![7], QueueRule::BufferedReceivers, "receive"),
            "{t:?}"
        );
        let note = second_first.queue_note().expect("a note");
        assert!(
            note.contains("takes a value from the buffered channel ahead of goroutine 7"),
            "{note}"
        );
    }
}

#[test]
fn arrivals_with_no_sleep_between_them_come_in_any_order() {
    for source in [
        MUTEX_FIFO.replace("\t\ttime.Sleep(10 * time.Millisecond)\n", ""),
        SENDERS.replace("\t\ttime.Sleep(10 * time.Millisecond)\n", ""),
        // The receivers still sleep before main sends: they block with no sleep between.
        BUFFERED_RECEIVERS.replace(
            "\t\ttime.Sleep(10 * time.Millisecond)\n\t}",
            "\t}\n\ttime.Sleep(10 * time.Millisecond)",
        ),
    ] {
        let source = if source.contains("time.Sleep") {
            source
        } else {
            source.replace("\t\"time\"\n", "")
        };
        for search in SEARCHES {
            let r = explore_with(&source, search);
            assert_eq!(r.outcomes.len(), 6, "{search:?}: {r:?}");
            assert!(
                r.outcomes.iter().all(|o| o.notes() == 0),
                "{search:?}: {r:?}"
            );
        }
    }
}

/// The goroutines print the same line, so every order is one outcome: the schedule kept for
/// it is one that passes nobody, whichever the search finds first (here the last goroutine
/// created queues first, so a search's first run, taking the lowest goroutine first, passes
/// it).
#[test]
fn an_outcome_found_with_and_without_passing_keeps_the_schedule_without() {
    let source = MUTEX_FIFO
        .replace(
            "mu.Lock(); fmt.Println(\"got\", n)",
            "time.Sleep(time.Duration(3-n) * 10 * time.Millisecond); mu.Lock(); \
             fmt.Println(\"got\", n >= 0)",
        )
        .replace(
            "\t\ttime.Sleep(10 * time.Millisecond)\n\t}\n",
            "\t}\n\ttime.Sleep(50 * time.Millisecond)\n",
        );
    assert!(
        source.contains("3-n") && source.contains("50 *"),
        "{source}"
    );
    for search in [
        SearchAlgorithm::Dpor,
        SearchAlgorithm::Stateful,
        SearchAlgorithm::Auto,
    ] {
        let r = explore_with(&source, search);
        assert_eq!(r.outcomes.len(), 1, "{search:?}: {r:?}");
        assert_eq!(r.outcomes[0].notes(), 0, "{search:?}: {r:?}");
    }
}
