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

/// Every run of `source` on the running clock (brute force over the runs' moves: `racemap
/// run`'s scheduler and the page's stepping, where a goroutine parked at a channel operation
/// has arrived there) shows an outcome the searches list; returns the runs' outcomes' stdouts.
pub(super) fn runs_within_the_search(source: &str) -> BTreeSet<String> {
    let m = machine(source);
    let (runs, _) = brute_force(&m, 200_000, WakeOrder::RunningClock)
        .expect("the runs stay few enough to enumerate");
    let searched = keys(&check_source(source));
    assert!(
        runs.is_subset(&searched),
        "runs {runs:?} outside the search's {searched:?} on\n{source}"
    );
    runs.into_iter().map(|(stdout, _, _)| stdout).collect()
}

/// In a run the later arrival completes a rendezvous with the head of the other queue, as
/// in Go (`runtime/chan.go`: the arriving `chansend`/`chanrecv` dequeues the waiter at once):
/// senders that blocked one after the other are received in that order, in every run
/// (Go 1.19: "1 2" in 30 runs of 30, `tests/programs/chan_later_arrival_receiver.go`), and
/// so are two receivers that blocked in turn (`chan_later_arrival_sender.go`: "a1 b2").
/// The searches still list the other order: there an arrival may come later than its
/// goroutine's step (`WakeOrder::receivers_arrived`).
#[test]
fn in_a_run_the_later_arrival_meets_the_head_of_the_queue() {
    let senders = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n\
                   func main() {\n\tc := make(chan int)\n\tgo func() { c <- 1 }()\n\
                   \ttime.Sleep(10 * time.Millisecond)\n\tgo func() { c <- 2 }()\n\
                   \ttime.Sleep(10 * time.Millisecond)\n\tfmt.Println(<-c, <-c)\n}\n";
    assert_eq!(runs_within_the_search(senders), set(&["1 2\n"]));
    let receivers = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n\
                     func main() {\n\tc := make(chan int)\n\tout := make(chan string, 2)\n\
                     \tgo func() { out <- fmt.Sprint(\"a\", <-c) }()\n\
                     \ttime.Sleep(10 * time.Millisecond)\n\
                     \tgo func() { out <- fmt.Sprint(\"b\", <-c) }()\n\
                     \ttime.Sleep(10 * time.Millisecond)\n\tc <- 1\n\tc <- 2\n\
                     \tfmt.Println(<-out, <-out)\n}\n";
    let outs = runs_within_the_search(receivers);
    assert!(
        outs.iter().all(|o| o.contains("a1") && o.contains("b2")),
        "{outs:?}"
    );
}

/// A `select` blocked sending waits in the queue like a plain sender: a later receive
/// dequeues the one that blocked first (`chan_later_arrival_select.go`).
#[test]
fn in_a_run_a_blocked_select_keeps_its_place_in_the_queue() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n\
                  func main() {\n\tc := make(chan string)\n\tnever := make(chan bool)\n\
                  \tsend := func(s string) {\n\t\tselect {\n\t\tcase c <- s:\n\
                  \t\tcase <-never:\n\t\t}\n\t}\n\tgo send(\"first\")\n\
                  \ttime.Sleep(10 * time.Millisecond)\n\tgo send(\"second\")\n\
                  \ttime.Sleep(10 * time.Millisecond)\n\ta := <-c\n\tb := <-c\n\
                  \tfmt.Println(a, b)\n}\n";
    assert_eq!(runs_within_the_search(source), set(&["first second\n"]));
}

/// A receive from a full buffer with senders blocked moves the first one's value in, in the
/// same step (Go's `recv`): in a run the sender that blocked second never takes the freed
/// slot first (`chan_full_buffer_refill.go`, `chan_full_buffer_select_refill.go`).
#[test]
fn in_a_run_a_receive_from_a_full_buffer_moves_the_first_blocked_send_in() {
    let plain = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n\
                 func main() {\n\tc := make(chan int, 1)\n\tc <- 0\n\tgo func() { c <- 1 }()\n\
                 \ttime.Sleep(10 * time.Millisecond)\n\tgo func() { c <- 2 }()\n\
                 \ttime.Sleep(10 * time.Millisecond)\n\tfmt.Println(<-c, <-c, <-c)\n}\n";
    assert_eq!(runs_within_the_search(plain), set(&["0 1 2\n"]));
    let select = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n\
                  func main() {\n\tc := make(chan int, 1)\n\tc <- 0\n\tnever := make(chan bool)\n\
                  \tgo func() {\n\t\tselect {\n\t\tcase c <- 1:\n\t\tcase <-never:\n\t\t}\n\t}()\n\
                  \ttime.Sleep(10 * time.Millisecond)\n\tgo func() { c <- 2 }()\n\
                  \ttime.Sleep(10 * time.Millisecond)\n\tfmt.Println(<-c, <-c, <-c)\n}\n";
    assert_eq!(runs_within_the_search(select), set(&["0 1 2\n"]));
}

/// A run fixes the order of arrivals where it parks the goroutines, but a search must not:
/// a goroutine that computes between its `Unlock` and its send arrives after a sender made
/// later (Go 1.19 with a loop there: "R got 2" in 20 runs of 20; racemap's runs, which count
/// no local computation, "R got 1"). Both stay among the searched outcomes.
#[test]
fn a_search_still_lets_an_arrival_come_late() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\n\
                  func main() {\n\tvar mu sync.Mutex\n\tc := make(chan int)\n\
                  \tdone := make(chan bool)\n\tmu.Lock()\n\
                  \tgo func() { v := <-c; fmt.Println(\"R got\", v); done <- true }()\n\
                  \tgo func() { mu.Unlock(); c <- 1 }()\n\tmu.Lock()\n\
                  \tgo func() { c <- 2 }()\n\t<-done\n}\n";
    assert_eq!(runs_within_the_search(source), set(&["R got 1\n"]));
    assert_eq!(
        stdouts(&check_source(source)),
        set(&["R got 1\n", "R got 2\n"])
    );
}
