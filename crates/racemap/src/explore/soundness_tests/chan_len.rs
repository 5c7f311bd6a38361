//! `len(ch)` reads the channel's state when it runs: it is a step of its own (`Visible::ChanLen`),
//! which commutes with nothing that sends on or receives from that channel. When it was local
//! computation done in the step before it, the stateful search's persistent sets let a send
//! and the print of `len(ch)` go in one order only: it found "0" where Go also prints "1".

use super::*;

/// A goroutine sends while main prints how many values the buffer holds: both counts.
#[test]
fn len_of_a_channel_reads_it_when_it_runs() {
    let source = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tch := make(chan int, 2)\n\
                  \tgo func() {\n\t\tch <- 1\n\t}()\n\tfmt.Println(len(ch))\n}\n";
    let r = check_source(source);
    assert_eq!(stdouts(&r), set(&["0\n", "1\n"]));
}

/// The program that showed it (real Go 1.19 printed "1" in 89 of 200 runs with `-race`): a
/// second goroutine sends once `wg.Wait()` returns, and main prints `len(ch)` after its own
/// `Wait`; every search finds both counts and Go's two misuse panics.
#[test]
fn a_send_after_a_wait_can_come_before_mains_len() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\n\
                  func main() {\n\tvar wg sync.WaitGroup\n\tch := make(chan int, 4)\n\twg.Add(1)\n\
                  \tgo func() {\n\t\twg.Done()\n\t}()\n\tgo func() {\n\t\twg.Wait()\n\t\tch <- 1\n\t}()\n\
                  \twg.Add(1)\n\twg.Done()\n\twg.Wait()\n\tfmt.Println(len(ch))\n}\n";
    let r = check_source(source);
    assert!(stdouts(&r).contains("1\n"), "{:?}", stdouts(&r));
    let errors: BTreeSet<String> = r.outcomes.iter().filter_map(|o| o.error.clone()).collect();
    assert_eq!(
        errors,
        set(&[
            "panic: sync: WaitGroup is reused before previous Wait has returned",
            "panic: sync: WaitGroup misuse: Add called concurrently with Wait",
        ])
    );
}
