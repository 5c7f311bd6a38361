//! Channel wait queues in Go's order (`runtime/chan.go`: FIFO `waitq`s; a `select` waits in
//! every case's queue): a rendezvous takes the partner that arrived first, not the
//! lowest-numbered one (`rt::goroutine::Arrival`). Which goroutines wait where, and in what
//! order, is state: the searches must still find every interleaving's outcomes when the
//! order of arrivals varies and both sides of a channel have several goroutines parked.

use super::*;

/// The sender created first blocks second (it waits for `start`): main's receive takes the
/// one that blocked first (Go 1.19 printed "2 1" in 30 runs of 30; the run with the first
/// runnable move: `tests/programs/chan_fifo_senders.go`). The searches also reach "1 2" (a
/// parked sender may still make the rendezvous itself, as if it arrived after main).
#[test]
fn a_receive_takes_the_sender_that_blocked_first() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n\
                  func main() {\n\tch := make(chan int)\n\tstart := make(chan bool)\n\
                  \tgo func() { <-start; ch <- 1 }()\n\tgo func() { ch <- 2 }()\n\
                  \ttime.Sleep(10 * time.Millisecond)\n\tclose(start)\n\
                  \ttime.Sleep(10 * time.Millisecond)\n\tfmt.Println(<-ch, <-ch)\n}\n";
    let r = check_source(source);
    assert!(stdouts(&r).contains("2 1\n"), "{:?}", r.outcomes);
}

/// Two receivers and two senders on one channel, the senders arriving after `start` is
/// closed, in either order: every receiver can take every sender's value first.
#[test]
fn both_queues_in_every_order() {
    let source = "package main\n\nimport \"fmt\"\n\n\
                  func main() {\n\tch := make(chan int)\n\tstart := make(chan bool)\n\
                  \tout := make(chan string, 2)\n\
                  \tgo func() { out <- fmt.Sprint(\"x1 \", <-ch) }()\n\
                  \tgo func() { out <- fmt.Sprint(\"x2 \", <-ch) }()\n\
                  \tgo func() { <-start; ch <- 1 }()\n\tgo func() { <-start; ch <- 2 }()\n\
                  \tclose(start)\n\tfmt.Println(<-out)\n}\n";
    let r = check_source(source);
    assert_eq!(
        stdouts(&r),
        set(&["x1 1\n", "x1 2\n", "x2 1\n", "x2 2\n"]),
        "{:?}",
        r.outcomes
    );
}

/// A `select` parked on two channels, then a plain receiver on one of them: the select is
/// first in that channel's queue; once a case fires it leaves the other queue.
#[test]
fn a_select_waits_in_every_queue_and_leaves_them_all() {
    let source = "package main\n\nimport \"fmt\"\n\n\
                  func main() {\n\ta := make(chan int)\n\tb := make(chan int)\n\
                  \tstart := make(chan bool)\n\tgot := make(chan string, 2)\n\
                  \tgo func() { <-start; got <- fmt.Sprint(\"plain \", <-a) }()\n\
                  \tgo func() {\n\t\tselect {\n\t\tcase v := <-a:\n\t\t\tgot <- fmt.Sprint(\"sel a \", v)\n\
                  \t\tcase v := <-b:\n\t\t\tgot <- fmt.Sprint(\"sel b \", v)\n\t\t}\n\t}()\n\
                  \tclose(start)\n\ta <- 1\n\tfmt.Println(<-got)\n\tselect {\n\tcase a <- 2:\n\
                  \tcase b <- 3:\n\t}\n\tfmt.Println(<-got)\n}\n";
    let r = check_source(source);
    assert!(
        stdouts(&r).contains("sel a 1\nplain 2\n"),
        "{:?}",
        r.outcomes
    );
}
