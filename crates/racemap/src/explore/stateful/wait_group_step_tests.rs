//! A WaitGroup's steps explored alone (`target::wait_group_steps`): main's `Add`s and `Wait`
//! and the workers' `Done`s stop multiplying the states, a program that copies or prints its
//! WaitGroup keeps them interleaved, and every outcome and race of programs where the order of
//! a WaitGroup step matters stays (judged by brute force: `soundness_tests::check_source`).

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

/// `n` workers that each lock `mu` to add to `total` and then `Done`; main waits and prints,
/// then runs `after`.
fn workers(n: u32, after: &str) -> String {
    format!(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\n\
         func main() {{\n\tvar wg sync.WaitGroup\n\tvar mu sync.Mutex\n\ttotal := 0\n\
         \tfor i := 0; i < {n}; i++ {{\n\t\twg.Add(1)\n\t\tgo func(i int) {{\n\
         \t\t\tdefer wg.Done()\n\t\t\tmu.Lock()\n\t\t\ttotal += i\n\t\t\tmu.Unlock()\n\t\t}}(i)\n\t}}\n\
         \twg.Wait()\n\tfmt.Println(total)\n{after}}}\n"
    )
}

/// [`workers`] with each worker's `wg.Done()` its last statement instead of deferred.
fn plain_done_workers(n: u32, after: &str) -> String {
    workers(n, after)
        .replace("\t\t\tdefer wg.Done()\n", "")
        .replace(
            "\t\t\tmu.Unlock()\n",
            "\t\t\tmu.Unlock()\n\t\t\twg.Done()\n",
        )
}

/// A `wg.Done()` that is a worker's last statement, not deferred, is a `Done` on its way too
/// (`bytecode::future`'s `dones`: at most one on every path): at 8 workers the search is
/// complete in about as many states as with `defer wg.Done()` (measured 2026-12-06: 19 737
/// states against 5 583; before, over 2 million steps without an end). Judged by brute force
/// at 2 workers and at 1 beside a goroutine that lowers the counter twice, against DPOR at 3.
#[test]
fn a_done_that_is_a_worker_s_last_statement_goes_alone() {
    let source = plain_done_workers(8, "");
    assert!(source.contains("mu.Unlock()\n\t\t\twg.Done()\n") && !source.contains("defer"));
    let plain = states(&source);
    let deferred = states(&workers(8, ""));
    assert!(plain <= deferred * 8, "{plain} states vs {deferred}");
    both(&machine(&plain_done_workers(3, "")));
    check_source(&plain_done_workers(2, ""));
    // A goroutine that may lower the counter twice keeps the steps interleaved.
    let twice = plain_done_workers(1, "").replace(
        "\twg.Wait()\n",
        "\twg.Add(2)\n\tgo func() {\n\t\twg.Done()\n\t\twg.Done()\n\t}()\n\twg.Wait()\n",
    );
    assert!(twice.contains("wg.Add(2)"));
    check_source(&twice);
}

/// Main's `Add`s and `Wait` and each `Done` go alone. A program that prints `&wg` (`fmt` reads
/// its state as memory, which the static futures cannot tell from other memory) keeps them
/// interleaved: measured 2026-12-06 at 4 workers, 192 states against 3 131 (3 129 before).
#[test]
fn dones_go_alone_unless_the_wait_group_is_read_as_memory() {
    let alone = states(&workers(4, ""));
    let printed = states(&workers(4, "\tfmt.Println(&wg)\n"));
    assert!(alone * 8 <= printed, "{alone} states vs {printed}");
    both(&machine(&workers(3, "")));
    check_source(&workers(2, ""));
    check_source(&workers(2, "\tfmt.Println(&wg)\n"));
}

/// The channel preset at 3 × 3 (10 588 states before, 3 377 after, 2026-12-06) and DPOR's
/// outcomes at 2 × 2.
#[test]
fn the_channel_preset_reaches_fewer_states() {
    let w = |goroutines, ops_per_goroutine| Workload {
        goroutines,
        ops_per_goroutine,
        write_percent: 50,
        keys: 2,
    };
    let n = states(&Strategy::ChannelOwner.source(w(3, 3)));
    assert!(n < 5_000, "{n} states");
    both(&machine(&Strategy::ChannelOwner.source(w(2, 2))));
}

/// A program with a WaitGroup `wg`, an int `x` and a `ch` of capacity 4: `body` runs in main,
/// then main prints how many values `ch` holds.
fn program(body: &str) -> String {
    format!(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\n\
         func main() {{\n\tvar wg sync.WaitGroup\n\tch := make(chan int, 4)\n\tx := 0\n\t_ = x\n\
         {body}\tfmt.Println(len(ch))\n}}\n"
    )
}

/// Programs where when a `Done` happens shows, each against every interleaving:
/// - a worker's write after its `Done` races with main's read after the `Wait`;
/// - a second waiter that is not yet registered (it returns at once or is woken);
/// - the goroutine with the `Done` adds again later (an `Add` from zero that may race with a
///   waiter's registration, or panic with Go's misuse message);
/// - a counter the `Done`s do not reach zero (a deadlock) or pass (a negative counter);
/// - a copy of the WaitGroup made while `Done`s run;
/// - two WaitGroups, the second waited on by a worker of the first;
/// - main's `Add` after a worker's `Done` (a negative counter or not), main adding again while
///   a second goroutine waits (Go's misuse panics), and a WaitGroup reused for a second round.
#[test]
fn outcomes_that_depend_on_when_a_wait_group_step_happens_stay() {
    let cases = [
        // The write after Done races with main's read.
        "\twg.Add(2)\n\tgo func() {\n\t\twg.Done()\n\t\tx = 1\n\t}()\n\
         \tgo func() {\n\t\tdefer wg.Done()\n\t\tch <- 2\n\t}()\n\twg.Wait()\n\tfmt.Println(x)\n",
        // Main and a second goroutine both wait; the second reports through ch.
        "\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tch <- 1\n\t}()\n\
         \tdone := make(chan bool)\n\tgo func() {\n\t\twg.Wait()\n\
         \t\tch <- 9\n\t\tdone <- true\n\t}()\n\twg.Wait()\n\t<-done\n",
        // The goroutine with the Done adds again: misuse panics and races are possible.
        "\twg.Add(1)\n\tgo func() {\n\t\twg.Done()\n\t\twg.Add(1)\n\t\tch <- 1\n\t\twg.Done()\n\t}()\n\
         \twg.Wait()\n",
        // A counter the Dones never bring to zero: main deadlocks.
        "\twg.Add(3)\n\tfor i := 0; i < 2; i++ {\n\t\tgo func(i int) {\n\t\t\tdefer wg.Done()\n\
         \t\t\tch <- i\n\t\t}(i)\n\t}\n\twg.Wait()\n",
        // One Done too many: the counter goes negative in one goroutine or the other.
        "\twg.Add(1)\n\tfor i := 0; i < 2; i++ {\n\t\tgo func(i int) {\n\t\t\tch <- i\n\
         \t\t\twg.Done()\n\t\t}(i)\n\t}\n\twg.Wait()\n",
        // A copy of the WaitGroup taken while a Done may run.
        "\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tch <- 1\n\t}()\n\
         \tgo func() {\n\t\tc := wg\n\t\tc.Add(1)\n\t\tch <- 2\n\t}()\n\twg.Wait()\n",
        // Two WaitGroups: a worker of wg waits on other.
        "\tvar other sync.WaitGroup\n\tother.Add(1)\n\twg.Add(2)\n\tgo func() {\n\t\tdefer wg.Done()\n\
         \t\tother.Wait()\n\t\tch <- 1\n\t}()\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tch <- 2\n\
         \t\tother.Done()\n\t}()\n\twg.Wait()\n",
        // A Done before main's Add: the counter may go negative.
        "\tgo func() {\n\t\tch <- 1\n\t\twg.Done()\n\t}()\n\twg.Add(1)\n\twg.Wait()\n",
        // Main adds again while a second goroutine waits: misuse panics are possible.
        "\twg.Add(1)\n\tgo func() {\n\t\twg.Done()\n\t}()\n\tgo func() {\n\t\twg.Wait()\n\
         \t\tch <- 1\n\t}()\n\twg.Add(1)\n\twg.Done()\n\twg.Wait()\n",
        // Two rounds on one WaitGroup.
        "\tfor r := 0; r < 2; r++ {\n\t\twg.Add(1)\n\t\tgo func(r int) {\n\t\t\tdefer wg.Done()\n\
         \t\t\tx = r\n\t\t}(r)\n\t\twg.Wait()\n\t}\n\tfmt.Println(x)\n",
    ];
    for body in cases {
        check_source(&program(body));
    }
}
