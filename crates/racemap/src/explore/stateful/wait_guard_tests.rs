//! Wait-guarded liveness in the detector's form (`race::canonical`, `target::wait_guards`):
//! an access stays live for a goroutine that will see it only through a `WaitGroup.Wait` no
//! longer than it must (the channel preset's sends before main's `close`), and every race a
//! `Wait` does not order is still found, judged by brute force
//! (`soundness_tests::check_source`: DPOR and the stateful search against every interleaving).

use super::super::soundness_tests::check_source;
use super::super::{Explorer, SearchAlgorithm};
use super::tests::{both, config, machine};
use crate::strategies::{Strategy, Workload};

/// States of the stateful search on `source` (complete).
fn states(source: &str) -> u64 {
    let mut explorer = Explorer::new(machine(source), &config(SearchAlgorithm::Stateful));
    explorer.advance(u64::MAX);
    let stats = explorer.stats();
    assert!(stats.stateful, "{stats:?}");
    assert!(explorer.into_result().complete);
    stats.states
}

/// The channel preset closes its request channel after `wg.Wait()`: every worker's send to
/// it happens before its deferred `Done`, so before main's `close`, and the detector's form
/// forgets the sends as if no close were coming. At 3 × 3 the search reaches about as many
/// states as without the `close` (10 588 and 10 576; 22 205 with the `close` before,
/// 2026-12-06; 2 152 and 1 942 since a channel's wait queue order is state, the clients
/// queued on `cmds` in the order they arrived); at 2 × 2 DPOR's outcomes.
#[test]
fn sends_a_wait_orders_before_the_close_are_forgotten() {
    let w = |goroutines, ops_per_goroutine| Workload {
        goroutines,
        ops_per_goroutine,
        write_percent: 50,
        keys: 2,
    };
    let source = Strategy::ChannelOwner.source(w(3, 3));
    let without_close = source.replace("\tclose(cmds)\n", "");
    assert_ne!(source, without_close, "the preset closes cmds");
    let closing = states(&source);
    let open = states(&without_close);
    assert!(closing * 20 <= open * 23, "{closing} states vs {open}");
    both(&machine(&Strategy::ChannelOwner.source(w(2, 2))));
}

/// A program where a goroutine sends on the buffered `ch` with `body` around it, and main
/// runs `main` (a `Wait`) before it closes `ch`.
fn program(globals: &str, body: &str, main: &str) -> String {
    format!(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nvar (\n\tch = make(chan int, 2)\n\twg sync.WaitGroup\n{globals})\n\n\
         func main() {{\n{body}{main}\tclose(ch)\n\tfmt.Println(len(ch))\n}}\n"
    )
}

/// Sends that a `Wait` seems to order before a `close` but does not: a counter lower than the
/// `Done`s on their way (one of them is not needed), a `Done` made before the send, a `Done`
/// in a deferred closure, a WaitGroup created later, a goroutine that signals the one with the
/// `Done` before it sends. Each race is found by both searches, with brute force's outcomes;
/// and where the order holds (the signalled goroutine's `Done` comes after the send) there is
/// none.
#[test]
fn races_no_wait_orders_are_found() {
    let send_then_done = "\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tch <- 1\n\t}()\n";
    let cases = [
        // One Done too many: the counter reaches zero without the sender's.
        (
            "",
            format!("{send_then_done}\tgo func() {{\n\t\tdefer wg.Done()\n\t}}()\n"),
            "\twg.Wait()\n",
            true,
        ),
        (
            "",
            "\twg.Add(1)\n\tgo func() {\n\t\twg.Done()\n\t\tch <- 1\n\t}()\n".to_string(),
            "\twg.Wait()\n",
            true,
        ),
        (
            "",
            "\twg.Add(1)\n\tgo func() {\n\t\tdefer func() { wg.Done() }()\n\t\tch <- 1\n\t}()\n"
                .to_string(),
            "\twg.Wait()\n",
            false,
        ),
        (
            "",
            send_then_done.to_string(),
            "\tother := new(sync.WaitGroup)\n\tother.Wait()\n",
            true,
        ),
        // The sender signals the goroutine that will call Done, then sends: no order.
        (
            "\tready = make(chan bool)\n",
            "\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t\t<-ready\n\t}()\n\
             \tgo func() {\n\t\tready <- true\n\t\tch <- 1\n\t}()\n"
                .to_string(),
            "\twg.Wait()\n",
            true,
        ),
        // The sender sends, then signals it: the Done carries the send to main.
        (
            "\tready = make(chan bool)\n",
            "\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t\t<-ready\n\t}()\n\
             \tgo func() {\n\t\tch <- 1\n\t\tready <- true\n\t}()\n"
                .to_string(),
            "\twg.Wait()\n",
            false,
        ),
    ];
    for (globals, body, main, race) in cases {
        let source = program(globals, &body, main);
        let r = check_source(&source);
        assert_eq!(r.race, race, "{source}");
    }
}
