//! Timers against brute force: programs with several timers (`time.After`, `time.NewTimer`,
//! `time.AfterFunc`, `Stop`, `Reset`), sleeps and clock reads racing with channel operations.
//! Arming a timer, a sleep's start, a wake-up and a timer's fire have precise footprints (the
//! clock, the scheduler's idleness in virtual time order, the timer's channel:
//! `target::machine`'s `clock_touches`), so the searches must still find every outcome of
//! both wake-up orders. Printing `time.Since(start)` shows which deadlines a run reached and in
//! which order the clock rose.

use super::*;
use proptest::prelude::*;

/// Deadlines: arming after a raise of the clock gives a later deadline, which the printed
/// times show.
#[test]
fn timers_armed_around_a_sleep_show_the_clock_they_read() {
    check_source(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\
         \tstart := time.Now()\n\tdone := make(chan bool)\n\tgo func() {\n\
         \t\ttime.Sleep(2 * time.Millisecond)\n\t\tdone <- true\n\t}()\n\
         \tt := <-time.After(time.Millisecond)\n\tfmt.Println(t.Sub(start))\n\
         \t<-done\n\tfmt.Println(time.Since(start))\n}\n",
    );
}

/// Two sleepers and a reader: the order the sleeps start and end in shows in the time read.
#[test]
fn sleeps_started_after_a_wake_up_end_later() {
    check_source(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\
         \tstart := time.Now()\n\tdone := make(chan bool)\n\tgo func() {\n\
         \t\ttime.Sleep(10 * time.Millisecond)\n\t\tdone <- true\n\t}()\n\
         \ttime.Sleep(time.Millisecond)\n\tfmt.Println(time.Since(start))\n\t<-done\n}\n",
    );
}

/// Three timers whose channels a select and a worker race for; their fires send the time now.
#[test]
fn several_timers_race_with_a_worker() {
    check_source(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\
         \tstart := time.Now()\n\tres := make(chan int)\n\
         \ta := time.After(time.Millisecond)\n\tb := time.NewTimer(2 * time.Millisecond)\n\
         \tgo func() {\n\t\tres <- 1\n\t}()\n\
         \tfor i := 0; i < 2; i++ {\n\t\tselect {\n\t\tcase v := <-res:\n\t\t\tfmt.Println(v)\n\
         \t\tcase t := <-a:\n\t\t\tfmt.Println(\"a\", t.Sub(start))\n\
         \t\tcase t := <-b.C:\n\t\t\tfmt.Println(\"b\", t.Sub(start))\n\t\t}\n\t}\n}\n",
    );
}

/// An `AfterFunc` whose `Reset` races with its fire: the deadline it fires at shows.
#[test]
fn after_func_reset_races_with_its_fire() {
    let r = check_source(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\
         \tstart := time.Now()\n\tdone := make(chan bool, 2)\n\
         \tf := time.AfterFunc(time.Millisecond, func() { done <- true })\n\
         \tr := f.Reset(2 * time.Millisecond)\n\t<-done\n\
         \tfmt.Println(r, time.Since(start))\n}\n",
    );
    assert!(stdouts(&r).contains("true 2ms\n"), "{:?}", stdouts(&r));
}

/// A statement of goroutine `id` for the random timer programs.
fn statement(kind: u8, id: u32) -> String {
    match kind {
        0 => format!("ch <- {id}"),
        1 => "fmt.Println(\"recv\", <-ch)".to_string(),
        2 => format!(
            "select {{\n\tcase v := <-ch:\n\t\tfmt.Println(\"sel\", v)\n\
             \tcase <-time.After({id} * time.Millisecond):\n\t\tfmt.Println(\"timeout\", {id})\n\t}}"
        ),
        3 => format!("time.Sleep({id} * time.Millisecond)"),
        4 => "fmt.Println(\"since\", time.Since(start))".to_string(),
        5 => format!("<-time.After({} * time.Millisecond)", id + 1),
        6 => format!(
            "time.AfterFunc({id} * time.Millisecond, func() {{ bc <- {id} }})"
        ),
        7 => "select {\n\tcase v := <-bc:\n\t\tfmt.Println(\"bc\", v)\n\tdefault:\n\t\tfmt.Println(\"none\")\n\t}"
            .to_string(),
        8 => format!(
            "t := time.NewTimer({id} * time.Millisecond)\n\tfmt.Println(\"stop\", t.Stop())"
        ),
        _ => format!(
            "t := time.NewTimer(time.Millisecond)\n\tt.Reset({id} * time.Millisecond)\n\
             \tfmt.Println(\"fired\", (<-t.C).Sub(start))"
        ),
    }
}

const KINDS: u8 = 10;

/// Main starts g1 and g2 (each doing its statements) and then does its own.
fn program(main_ops: &[u8], g1: &[u8], g2: &[u8]) -> String {
    let body = |ops: &[u8], id: u32| -> String {
        ops.iter()
            .map(|k| format!("\t{{\n\t{}\n\t}}\n", statement(*k, id)))
            .collect()
    };
    format!(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n\
         var ch = make(chan int)\nvar bc = make(chan int, 1)\nvar start = time.Now()\n\
         var _ = fmt.Sprint\n\n\
         func g1() {{\n{}}}\n\nfunc g2() {{\n{}}}\n\n\
         func main() {{\n\tgo g1()\n\tgo g2()\n{}}}\n",
        body(g1, 1),
        body(g2, 2),
        body(main_ops, 0),
    )
}

proptest! {
    // 24 cases by default; `PROPTEST_CASES=200` for a longer run before a change of the
    // footprints of timers, sleeps or wake-ups.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(24),
        ..ProptestConfig::default()
    })]
    /// Random programs of timers, sleeps, clock reads and channel operations: DPOR and the
    /// default search find exactly brute force's outcomes (both wake-up orders).
    #[test]
    fn the_searches_find_every_outcome_of_timer_programs(
        main_ops in proptest::collection::vec(0..KINDS, 0..3),
        g1 in proptest::collection::vec(0..KINDS, 1..3),
        g2 in proptest::collection::vec(0..KINDS, 1..3),
    ) {
        let source = program(&main_ops, &g1, &g2);
        let m = machine(&source);
        if let Some(reference) = Reference::of(&m, 40_000) {
            for search in [SearchAlgorithm::Auto, SearchAlgorithm::Dpor] {
                let r = explore(m.clone(), &searching(search));
                prop_assert!(r.complete, "{:?} incomplete on\n{}", search, source);
                reference.assert_matches(&r, &source);
            }
        }
    }
}
