//! Persistent sets of one move in the stateful search (`target::persistent`): a step that
//! commutes with everything the other goroutines may still do is explored alone, so private
//! work does not interleave; every outcome stays (judged by brute force), also when the step
//! explored alone ends the run.

use super::super::soundness_tests::check_source;
use super::super::{DporConfig, Explorer, SearchAlgorithm};
use crate::rt::{config::Config, machine::Machine};
use crate::strategies::{Strategy, Workload};
use std::collections::BTreeSet;
use std::rc::Rc;

fn machine(source: &str) -> Machine {
    let program = crate::compile::compile(source).expect("test programs compile");
    Machine::new(Rc::new(program), Config::default())
}

/// States the stateful search reaches on `source` (complete).
fn states(source: &str) -> u64 {
    let config = DporConfig {
        search: SearchAlgorithm::Stateful,
        ..DporConfig::default()
    };
    let mut e = Explorer::new(machine(source), &config);
    e.advance(u64::MAX);
    let stats = e.stats();
    assert!(stats.stateful, "{stats:?}");
    assert!(e.into_result().complete);
    stats.states
}

/// `n` goroutines read `x` `reads` times each; main writes it once they are done if
/// `write_later`.
fn readers(n: u32, reads: u32, write_later: bool) -> String {
    let later = if write_later { "\tx = 2\n" } else { "" };
    format!(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nvar x = 1\n\n\
         func main() {{\n\tvar wg sync.WaitGroup\n\tsum := make([]int, {n})\n\
         \tfor i := 0; i < {n}; i++ {{\n\t\twg.Add(1)\n\t\tgo func(i int) {{\n\
         \t\t\tdefer wg.Done()\n\t\t\ts := 0\n\t\t\tfor j := 0; j < {reads}; j++ {{\n\t\t\t\ts += x\n\t\t\t}}\n\
         \t\t\t_ = s\n\t\t}}(i)\n\t}}\n\twg.Wait()\n{later}\tfmt.Println(x, len(sum))\n}}\n"
    )
}

/// Reads of a variable nobody can still write commute with everything that may follow: each is
/// explored alone, and the 12 reads do not interleave. If main may still write it (after the
/// goroutines are done, but the analysis does not know when), they do.
#[test]
fn reads_that_nothing_can_still_write_do_not_interleave() {
    let quiet = states(&readers(3, 4, false));
    let written = states(&readers(3, 4, true));
    assert!(quiet <= 150, "{quiet} states");
    assert!(written >= 5 * quiet, "{written} states vs {quiet}");
    // The same outcomes as every interleaving, both ways (smaller, to enumerate them).
    check_source(&readers(2, 2, false));
    check_source(&readers(2, 2, true));
}

/// A step explored alone that ends the run (here the local code after main's read panics)
/// does not commute with the others' moves: the search explores them too, so the run where
/// the goroutine printed first is found.
#[test]
fn a_step_explored_alone_that_ends_the_run_lets_the_others_go_first() {
    let r = check_source(
        "package main\n\nimport \"fmt\"\n\nvar x = 1\n\nfunc main() {\n\
         \tgo func() {\n\t\tfmt.Println(\"hello\")\n\t}()\n\ty := x\n\tfmt.Println(10 / (y - 1))\n}\n",
    );
    let printed: Vec<&str> = r.outcomes.iter().map(|o| o.stdout.as_str()).collect();
    assert!(printed.contains(&"hello\n"), "{printed:?}");
    assert!(printed.contains(&""), "{printed:?}");
    assert!(r
        .outcomes
        .iter()
        .all(|o| o.error.as_deref() == Some("panic: runtime error: integer divide by zero")));
}

/// A goroutine's first race is an outcome: a read explored alone that reports it lets the
/// others go first too (a run can end before it), as brute force finds.
#[test]
fn a_step_explored_alone_that_reports_the_first_race_lets_the_others_go_first() {
    check_source(
        "package main\n\nvar x int\n\nfunc main() {\n\tdone := make(chan bool)\n\
         \tgo func() {\n\t\tx = 1\n\t\tdone <- true\n\t}()\n\tgo func() {\n\t\t<-done\n\t\tpanic(\"boom\")\n\t}()\n\
         \tfor i := 0; i < 2; i++ {\n\t}\n\t_ = x\n}\n",
    );
}

/// On the mutex preset, the work outside the critical sections no longer interleaves with the
/// others' steps: at 3 goroutines × 3 operations the search reaches under a third of the
/// 46 665 states it reached before.
#[test]
fn the_mutex_preset_interleaves_only_what_touches_the_cache() {
    let source = Strategy::Mutex.source(Workload {
        goroutines: 3,
        ops_per_goroutine: 3,
        write_percent: 50,
        keys: 2,
    });
    let n = states(&source);
    assert!(n < 46_665 / 3, "{n} states");
}

/// Go lets any goroutine unlock a mutex: a goroutine queued on a mutex that main holds can
/// move before main does when another goroutine unlocks it. The program's unlock is not paired
/// with a lock of its own (`bytecode::mutex_pairing`), so main's read is not explored alone and
/// the run printing 2 is found.
#[test]
fn a_goroutine_queued_on_a_mutex_someone_else_may_unlock_can_go_first() {
    let r = check_source(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nvar mu sync.Mutex\nvar x = 1\n\n\
         func main() {\n\tmu.Lock()\n\tgo func() {\n\t\tmu.Unlock()\n\t}()\n\
         \tgo func() {\n\t\tmu.Lock()\n\t\tx = 2\n\t}()\n\tfmt.Println(x)\n}\n",
    );
    let printed: Vec<&str> = r.outcomes.iter().map(|o| o.stdout.as_str()).collect();
    assert!(printed.contains(&"2\n"), "{printed:?}");
}

/// A library call's callback is part of its goroutine's future: main's next step is
/// `once.Do(f)`, and `f` reads `x`, so the goroutine's write of `x` does not commute with what
/// main may still do and the run printing 0 is found (the future once left out what `f` runs:
/// only the write-first run was explored). Also for `sync.Map.Range`'s callback.
#[test]
fn a_callback_a_library_call_runs_is_in_its_goroutines_future() {
    for call in [
        "once.Do(func() { fmt.Println(x) })",
        "sm.Range(func(k, v any) bool { fmt.Println(x); return true })",
    ] {
        let source = format!(
            "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nvar once sync.Once\nvar sm sync.Map\nvar x int\n\n\
             func main() {{\n\tsm.Store(1, 1)\n\tvar wg sync.WaitGroup\n\twg.Add(1)\n\tgo func() {{\n\t\tdefer wg.Done()\n\t\tx = 1\n\t}}()\n\
             \t{call}\n\twg.Wait()\n}}\n"
        );
        let r = check_source(&source);
        let printed: Vec<&str> = r.outcomes.iter().map(|o| o.stdout.as_str()).collect();
        assert!(printed.contains(&"0\n"), "{call}: {printed:?}");
        assert!(printed.contains(&"1\n"), "{call}: {printed:?}");
    }
}

/// An owner goroutine serves two clients' requests over a buffered channel and answers each
/// on the client's own reply channel (a smaller loom `channel_owner_2`), printing the order it
/// served them (too many interleavings for brute force; a one-client version is checked). Where the move tried alone first turns out not to be a persistent set once
/// made (the owner's read of `reqs` ends at its receive on the shared channel, to which a
/// client's send then hands its value: `target::chan_reach`), the search tries the next
/// candidate alone instead of exploring every move (`Frame::retry_alone`): both orders are
/// still found, and it reaches fewer states than the 324 it
/// reached before.
#[test]
fn a_move_that_turns_out_not_alone_hands_over_to_the_next_candidate() {
    let source = "package main\n\nimport \"fmt\"\n\ntype req struct {\n\tk     int\n\treply chan struct{}\n}\n\n\
         func main() {\n\treqs := make(chan req, 2)\n\towner := make(chan []int, 1)\n\tgo func() {\n\
         \t\tvar got []int\n\t\tfor i := 0; i < 2; i++ {\n\t\t\tr := <-reqs\n\t\t\tgot = append(got, r.k)\n\
         \t\t\tr.reply <- struct{}{}\n\t\t}\n\t\towner <- got\n\t}()\n\
         \tfor k := 0; k < 2; k++ {\n\t\tgo func(k int) {\n\
         \t\t\treply := make(chan struct{}, 1)\n\t\t\treqs <- req{k, reply}\n\t\t\t<-reply\n\
         \t\t}(k)\n\t}\n\tfmt.Println(<-owner)\n}\n";
    let config = DporConfig {
        search: SearchAlgorithm::Stateful,
        ..DporConfig::default()
    };
    let mut e = Explorer::new(machine(source), &config);
    e.advance(u64::MAX);
    let n = e.stats().states;
    let r = e.into_result();
    assert!(r.complete);
    let printed: BTreeSet<&str> = r.outcomes.iter().map(|o| o.stdout.as_str()).collect();
    assert_eq!(printed, BTreeSet::from(["[0 1]\n", "[1 0]\n"]));
    assert!(n < 324, "{n} states");
    // Small enough for brute force: one client, whose send the owner's arrival still
    // conflicts with; the same outcomes as every interleaving.
    check_source(
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\treqs := make(chan int, 1)\n\
         \towner := make(chan int, 1)\n\tgo func() {\n\t\tk := <-reqs\n\t\towner <- k\n\t}()\n\
         \tgo func() {\n\t\treqs <- 7\n\t}()\n\tfmt.Println(<-owner)\n}\n",
    );
}

/// An owner receives a client's reply channel, answers on it and goes on with other channel
/// work; `keep` keeps the reply channel in a live slot (the owner closes it at the end).
fn dead_reply(keep: bool) -> String {
    let close = if keep { "\t\tclose(r)\n" } else { "" };
    format!(
        "package main\n\nimport \"fmt\"\n\nfunc main() {{\n\treqs := make(chan chan int, 1)\n\
         \tdone := make(chan int, 1)\n\tgo func() {{\n\t\tr := <-reqs\n\t\tr <- 1\n\
         \t\tdone <- 2\n{close}\t}}()\n\treply := make(chan int, 1)\n\treqs <- reply\n\
         \tx := <-reply\n\tfmt.Println(x)\n\tfmt.Println(<-done)\n}}\n"
    )
}

/// A channel only a dead slot holds (`bytecode::liveness`: read on no path from the frame's
/// point) is out of the frame's reach (`target::chan_reach`): the owner's slot that held the
/// reply channel is never read after its send, so the client's receive of the reply is
/// explored alone; kept live, the owner's later `close` conflicts with it. Both have the
/// outcomes of every interleaving.
#[test]
fn a_channel_only_a_dead_slot_holds_is_out_of_reach() {
    let dead = states(&dead_reply(false));
    let live = states(&dead_reply(true));
    assert!(dead < live, "{dead} states dead vs {live} live");
    check_source(&dead_reply(false));
    check_source(&dead_reply(true));
}
