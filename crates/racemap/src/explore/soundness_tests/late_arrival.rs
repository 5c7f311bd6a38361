//! A goroutine's arrival at a receive it blocks on is not observable, so it may come after any
//! step of another goroutine, even one its own last step enabled. The runtime used to hand a
//! buffered send's value to a receiver parked at its receive as if it had blocked there
//! already; when that receiver had just started the sender (`go worker(res, done)`, then its
//! `select`), its arrival was fused into the `go` step, no search could put the send before
//! it, and the searches said "every interleaving covered" with one outcome where Go has two.
//! In a search the value now goes to the buffer and the receiver takes it in its own step
//! (`WakeOrder::receivers_arrived`).

use super::*;

/// The worker sends on the buffered `res`, then closes `done`, before main reaches its
/// `select` (Go 1.19 printed "done first" in 11 of 20 runs when main computed a while after
/// the `go`, "slow" otherwise): both outcomes, with no sleep and no captured variable whose
/// load would have been a step between the `go` and the `select`.
#[test]
fn a_spawner_can_reach_its_select_after_the_spawned_goroutine_sent() {
    let source = "package main\n\nimport \"fmt\"\n\n\
                  func worker(res chan string, done chan struct{}) {\n\tres <- \"slow\"\n\tclose(done)\n}\n\n\
                  func main() {\n\tdone := make(chan struct{})\n\tres := make(chan string, 1)\n\
                  \tgo worker(res, done)\n\tselect {\n\tcase r := <-res:\n\t\tfmt.Println(r)\n\
                  \tcase <-done:\n\t\tfmt.Println(\"done first\")\n\t}\n}\n";
    let r = check_source(source);
    assert_eq!(stdouts(&r), set(&["slow\n", "done first\n"]));
}

/// Two receivers of a buffered channel, the first parked at its receive right after it
/// started the sender: the second can still take the value first, and the first then blocks
/// for good (Go: "fatal error: all goroutines are asleep - deadlock!" is reachable).
#[test]
fn a_receiver_parked_after_its_go_does_not_keep_the_value_from_another() {
    let source = "package main\n\nimport \"fmt\"\n\n\
                  func send(c chan int) {\n\tc <- 1\n}\n\n\
                  func take(c chan int, who string, out chan string) {\n\t<-c\n\tout <- who\n}\n\n\
                  func main() {\n\tc := make(chan int, 1)\n\tout := make(chan string, 2)\n\
                  \tgo take(c, \"other\", out)\n\tgo send(c)\n\t<-c\n\tfmt.Println(\"main\")\n}\n";
    let r = check_source(source);
    assert!(stdouts(&r).contains("main\n"), "{:?}", r.outcomes);
    assert!(
        r.outcomes.iter().any(|o| o
            .error
            .as_deref()
            .is_some_and(|e| e.contains("all goroutines are asleep - deadlock!"))),
        "the other receiver took the value: main blocks for good: {:?}",
        r.outcomes
    );
}

/// A `select` with a default that sends on an unbuffered channel takes the default when the
/// receiver has not arrived at its receive yet, even when the receiver is stopped there right
/// after the `go` that started the sender (Go 1.19: "got" in 200 runs of 200 as written;
/// "default" in 14 of 50 when main computed a while after the `go`).
#[test]
fn a_non_blocking_send_can_come_before_the_receivers_arrival() {
    let source = "package main\n\nimport \"fmt\"\n\n\
                  func worker(a chan int, out chan string) {\n\tselect {\n\tcase a <- 1:\n\
                  \t\tout <- \"sent\"\n\tdefault:\n\t\tout <- \"default\"\n\t}\n}\n\n\
                  func main() {\n\ta := make(chan int)\n\tout := make(chan string, 1)\n\
                  \tgo worker(a, out)\n\tselect {\n\tcase <-a:\n\t\tfmt.Println(\"got\")\n\
                  \tcase s := <-out:\n\t\tfmt.Println(s)\n\t}\n}\n";
    let r = check_source(source);
    assert_eq!(stdouts(&r), set(&["got\n", "default\n"]));
}

/// Two `select`s with a default on one unbuffered channel, one sending and one receiving,
/// never meet: neither blocks, so neither is waiting when the other looks (Go's `selectnbsend`
/// and `selectnbrecv` complete only with a goroutine blocked in the channel's queue). The
/// searches used to let the one pair with the other parked at its `select` ("got 1" and
/// "sent", outcomes Go cannot produce).
#[test]
fn two_non_blocking_selects_never_meet() {
    let source = "package main\n\nimport \"fmt\"\n\n\
                  func main() {\n\tch := make(chan int)\n\tdone := make(chan bool)\n\
                  \tgo func() {\n\t\tselect {\n\t\tcase ch <- 1:\n\t\t\tfmt.Println(\"sent\")\n\
                  \t\tdefault:\n\t\t\tfmt.Println(\"no receiver\")\n\t\t}\n\t\tdone <- true\n\t}()\n\
                  \tselect {\n\tcase v := <-ch:\n\t\tfmt.Println(\"got\", v)\n\tdefault:\n\
                  \t\tfmt.Println(\"none\")\n\t}\n\t<-done\n}\n";
    let r = check_source(source);
    assert_eq!(
        stdouts(&r),
        set(&["none\nno receiver\n", "no receiver\nnone\n"])
    );
}

/// A `select` with a default still meets a goroutine blocked at a plain receive: the
/// sender's case is taken once the receiver is waiting, the default before.
#[test]
fn a_non_blocking_send_meets_a_blocked_receiver() {
    let source = "package main\n\nimport \"fmt\"\n\n\
                  func main() {\n\tch := make(chan int)\n\tdone := make(chan bool)\n\
                  \tgo func() {\n\t\tfmt.Println(\"got\", <-ch)\n\t\tdone <- true\n\t}()\n\
                  \tselect {\n\tcase ch <- 1:\n\t\t<-done\n\tdefault:\n\
                  \t\tfmt.Println(\"none\")\n\t}\n}\n";
    let r = check_source(source);
    assert_eq!(stdouts(&r), set(&["got 1\n", "none\n"]));
}
