//! Timers in programs that cannot show the clock, against brute force. Such a program (it
//! never reads the clock and drops what it receives from a timer's channel:
//! `Machine::clock_hidden`) is searched with the clock frozen (`WakeOrder::Timeless`): states
//! that differ only in how much time passed are one, and a ticker fires ahead of virtual time
//! as often as Go allows, without the bound of the stateless searches. The outcomes must be
//! exactly those of every interleaving with sleepers waking at any time and no bound on early
//! ticks (`WakeOrder::AnyTimeUnbounded`), the search complete, and every outcome's schedule
//! must replay to it.

use super::*;
use proptest::prelude::*;

/// Every outcome of every interleaving, early ticks unbounded; `None` past `cap` runs.
fn every_outcome(m: &Machine, cap: u64) -> Option<BTreeSet<Key>> {
    brute_force(m, cap, WakeOrder::AnyTimeUnbounded).map(|(outcomes, _)| outcomes)
}

/// `search` of `source` is complete and finds exactly `expected`; its schedules replay.
fn assert_search_matches(source: &str, search: SearchAlgorithm, expected: &BTreeSet<Key>) {
    let m = machine(source);
    assert!(m.clock_hidden(), "the clock shows in\n{source}");
    let r = explore(m.clone(), &searching(search));
    assert!(
        r.complete,
        "{search:?} incomplete ({:?}) on\n{source}",
        r.limit
    );
    assert_eq!(
        &keys(&r),
        expected,
        "{search:?} outcomes differ on\n{source}"
    );
    for o in &r.outcomes {
        let schedule = Schedule::decode(&o.schedule).expect("explorer schedules decode");
        let replay = run(
            m.clone(),
            &RunConfig {
                schedule: Some(schedule),
                ..RunConfig::default()
            },
        );
        assert_eq!(
            replay.stdout, o.stdout,
            "replay of {} on\n{source}",
            o.schedule
        );
        assert_eq!(replay.first_error_line, o.error, "replay of {}", o.schedule);
    }
}

/// A ticker checked four times between sleeps: the bounded search stops at two early ticks;
/// the frozen clock finds every one of the 2⁴ patterns of ticks (main may be delayed past any
/// number of periods), completely.
#[test]
fn a_ticker_checked_between_sleeps_is_searched_completely() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\
         \ttk := time.NewTicker(100 * time.Millisecond)\n\tdefer tk.Stop()\n\
         \tfor i := 0; i < 4; i++ {\n\t\ttime.Sleep(50 * time.Millisecond)\n\t\tselect {\n\
         \t\tcase <-tk.C:\n\t\t\tfmt.Println(i, \"tick\")\n\t\tdefault:\n\
         \t\t\tfmt.Println(i, \"no tick\")\n\t\t}\n\t}\n}\n";
    let m = machine(source);
    let expected = every_outcome(&m, 2_000_000).expect("small enough to enumerate");
    assert_eq!(expected.len(), 16, "{expected:?}");
    for search in [SearchAlgorithm::Auto, SearchAlgorithm::Stateful] {
        assert_search_matches(source, search, &expected);
    }
    // DPOR alone keeps its bound, and says so.
    let dpor = explore(m, &searching(SearchAlgorithm::Dpor));
    assert_eq!(dpor.limit, Some(crate::explore::SearchLimit::EarlyTicks));
}

/// A ticker whose ticks a loop counts while another goroutine works: the ticks may go on
/// without end, so the frozen-clock search gives up at its guard (`Abandon::Fires`) and the
/// bounded search answers, incomplete, in a moment.
#[test]
fn counting_ticks_without_end_falls_back_to_the_bounded_search() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\
         \tt := time.NewTicker(time.Millisecond)\n\tdone := make(chan bool)\n\
         \tgo func() {\n\t\tdone <- true\n\t}()\n\tticks := 0\n\tfor {\n\t\tselect {\n\
         \t\tcase <-t.C:\n\t\t\tticks++\n\t\tcase <-done:\n\t\t\tt.Stop()\n\
         \t\t\tfmt.Println(ticks)\n\t\t\treturn\n\t\t}\n\t}\n}\n";
    let m = machine(source);
    assert!(m.clock_hidden());
    let r = explore(m, &DporConfig::default());
    assert!(!r.complete);
    assert_eq!(r.limit, Some(crate::explore::SearchLimit::EarlyTicks));
    let printed: BTreeSet<&str> = r.outcomes.iter().map(|o| o.stdout.as_str()).collect();
    for ticks in ["0\n", "1\n", "2\n", "3\n"] {
        assert!(printed.contains(ticks), "{ticks:?} not in {printed:?}");
    }
}

/// Programs that show the clock keep it running in the search.
#[test]
fn reading_or_keeping_a_time_shows_the_clock() {
    let hidden = |body: &str| {
        machine(&format!(
            "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {{\n\
             \ttk := time.NewTicker(time.Millisecond)\n\tdefer tk.Stop()\n\t_ = fmt.Sprint\n{body}}}\n"
        ))
        .clock_hidden()
    };
    assert!(hidden("\t<-tk.C\n\tfmt.Println(\"tick\")\n"));
    assert!(!hidden("\tfmt.Println(<-tk.C)\n"));
    assert!(!hidden("\tt := <-tk.C\n\tfmt.Println(t.IsZero())\n"));
    assert!(!hidden("\tstart := time.Now()\n\t<-tk.C\n\t_ = start\n"));
    assert!(!hidden(
        "\t<-tk.C\n\tfmt.Println(time.Since(time.Time{}) > 0)\n"
    ));
}

/// A statement of goroutine `id` for the random programs: timers, tickers, sleeps and channel
/// operations, every value received from a timer dropped.
fn statement(kind: u8, id: u32) -> String {
    match kind {
        0 => format!("ch <- {id}"),
        1 => "fmt.Println(\"recv\", <-ch)".to_string(),
        2 => format!(
            "select {{\n\tcase v := <-ch:\n\t\tfmt.Println(\"sel\", v)\n\
             \tcase <-time.After({id} * time.Millisecond):\n\t\tfmt.Println(\"timeout\", {id})\n\t}}"
        ),
        3 => format!("time.Sleep({id} * time.Millisecond)"),
        4 => format!(
            "tk := time.NewTicker(time.Millisecond)\n\tfor i := 0; i < 2; i++ {{\n\
             \t\tselect {{\n\t\tcase <-tk.C:\n\t\t\tfmt.Println(\"tick\", {id}, i)\n\
             \t\tdefault:\n\t\t\tfmt.Println(\"none\", {id}, i)\n\t\t}}\n\t}}\n\ttk.Stop()"
        ),
        5 => format!("<-time.After({} * time.Millisecond)", id + 1),
        6 => format!("time.AfterFunc({id} * time.Millisecond, func() {{ bc <- {id} }})"),
        7 => "select {\n\tcase v := <-bc:\n\t\tfmt.Println(\"bc\", v)\n\tdefault:\n\t\tfmt.Println(\"none\")\n\t}"
            .to_string(),
        8 => format!(
            "t := time.NewTimer({id} * time.Millisecond)\n\tfmt.Println(\"stop\", t.Stop())"
        ),
        9 => format!(
            "tk := time.NewTicker(2 * time.Millisecond)\n\t<-tk.C\n\tselect {{\n\
             \tcase <-tk.C:\n\t\tfmt.Println(\"again\", {id})\n\tdefault:\n\t}}\n\ttk.Stop()"
        ),
        _ => format!(
            "t := time.NewTimer(time.Millisecond)\n\tfmt.Println(\"reset\", t.Reset({id} * time.Millisecond))\n\t<-t.C"
        ),
    }
}

const KINDS: u8 = 11;

/// Main starts g1 and g2 (each doing its statements) and then does its own.
fn program(main_ops: &[u8], g1: &[u8], g2: &[u8]) -> String {
    let body = |ops: &[u8], id: u32| -> String {
        ops.iter()
            .map(|k| format!("\t{{\n\t{}\n\t}}\n", statement(*k, id)))
            .collect()
    };
    format!(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n\
         var ch = make(chan int)\nvar bc = make(chan int, 1)\n\
         var _ = fmt.Sprint\nvar _ = time.Millisecond\n\n\
         func g1() {{\n{}}}\n\nfunc g2() {{\n{}}}\n\n\
         func main() {{\n\tgo g1()\n\tgo g2()\n{}}}\n",
        body(g1, 1),
        body(g2, 2),
        body(main_ops, 0),
    )
}

proptest! {
    // 24 cases by default; `PROPTEST_CASES=200` for a longer run before a change of the
    // frozen clock, the timers' state or the hidden-clock check.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(24),
        ..ProptestConfig::default()
    })]
    /// Random programs of tickers, timers, sleeps and channel operations that cannot show the
    /// clock: the default and the stateful search find exactly brute force's outcomes with
    /// early ticks unbounded, completely.
    #[test]
    fn the_frozen_clock_keeps_every_outcome(
        main_ops in proptest::collection::vec(0..KINDS, 0..2),
        g1 in proptest::collection::vec(0..KINDS, 1..3),
        g2 in proptest::collection::vec(0..KINDS, 1..3),
    ) {
        let source = program(&main_ops, &g1, &g2);
        let m = machine(&source);
        if let Some(expected) = every_outcome(&m, 40_000) {
            for search in [SearchAlgorithm::Auto, SearchAlgorithm::Stateful] {
                assert_search_matches(&source, search, &expected);
            }
        }
    }
}
