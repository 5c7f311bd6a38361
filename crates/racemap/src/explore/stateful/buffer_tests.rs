//! A value received from a buffered channel meets one state by two paths: sent into the buffer
//! before the receiver arrived and received by a move of its own, or handed by the send to the
//! receiver blocked there. The search keys the state after such a receive (`arrive`), so the
//! second path ends there instead of repeating the rest of the run.

use super::super::{Explorer, SearchAlgorithm};
use super::tests::{both, config, machine};

/// Two clients send requests to an owner on a buffered channel, each with its own reply
/// channel (`../shared/bench/go-models/channel_owner_2.go`, its channels passed as arguments).
/// Which request the owner takes first is the only real choice; every other order of a send
/// and the owner's arrival at its receive leads back to a state of the first path.
const OWNER: &str = "package main\n\n\
    type req struct {\n\tk     int\n\treply chan struct{}\n}\n\n\
    func owner(reqs chan req, out chan int) {\n\tdata := make(map[int]int)\n\
    \tfor i := 0; i < 2; i++ {\n\t\tr := <-reqs\n\t\tdata[r.k] = 1\n\t\tr.reply <- struct{}{}\n\t}\n\
    \tout <- len(data)\n}\n\n\
    func client(k int, reqs chan req, done chan struct{}) {\n\tdefer close(done)\n\
    \treply := make(chan struct{}, 1)\n\treqs <- req{k, reply}\n\t<-reply\n}\n\n\
    func main() {\n\treqs := make(chan req, 2)\n\tout := make(chan int, 1)\n\tgo owner(reqs, out)\n\
    \tvar dones [2]chan struct{}\n\tfor k := 0; k < 2; k++ {\n\t\tdone := make(chan struct{})\n\
    \t\tdones[k] = done\n\t\tgo client(k, reqs, done)\n\t}\n\
    \tfor _, d := range dones {\n\t\t<-d\n\t}\n\tprintln(<-out)\n}\n";

#[test]
fn a_buffered_value_received_or_handed_over_is_explored_on_from_one_state() {
    let m = machine(OWNER);
    // The stateful search has DPOR's outcomes (one: both requests served).
    let (stateful, _, _) = both(&m);
    assert_eq!(stateful.outcomes.len(), 1, "{:?}", stateful.outcomes);
    let mut explorer = Explorer::new(m, &config(SearchAlgorithm::Stateful));
    explorer.advance(u64::MAX);
    let stats = explorer.stats();
    // Without a key after each buffered receive: 83 states (each path that left a request in
    // the buffer ran on to the end again, the state where it met the first path unkeyed), 67
    // with it. Since a search no longer hands a sent value to a receiver parked at its receive
    // (its arrival may come later: `soundness_tests::late_arrival`), the owner takes each
    // request in a step of its own: 106.
    assert!(stats.states <= 106, "{stats:?}");
}
