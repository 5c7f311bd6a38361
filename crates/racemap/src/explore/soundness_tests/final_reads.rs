//! Final loads (`lang::lower::final_loads`): the reads of a local variable nothing writes
//! after its declaration are no steps and no accesses (`Instr::LoadFixed`). Judged on random
//! programs whose goroutines read, assign and write through pointers three captured
//! variables: every interleaving's
//! outcome (race verdict included) is the same with the reads recorded, and the searches find
//! them all.

use super::*;
use crate::bytecode::Instr;
use proptest::prelude::*;

/// A statement of a goroutine (`id`: 0 for main) on the captured variables `a` (only read
/// unless `assign_a`), `b` (also assigned) and `c` (also written through a pointer).
fn statement(kind: u8, id: u32) -> String {
    match kind {
        0 => "fmt.Println(\"a\", a)".to_string(),
        1 => "fmt.Println(\"b\", b)".to_string(),
        2 => "fmt.Println(\"c\", c)".to_string(),
        3 => format!("b = {id}"),
        4 => format!("*pc = {id}"),
        5 => "mu.Lock()\n\tfmt.Println(\"locked a\", a)\n\tmu.Unlock()".to_string(),
        6 => format!("mu.Lock()\n\tb = {id}\n\tmu.Unlock()"),
        7 => "ch <- a".to_string(),
        8 => "fmt.Println(\"recv\", <-ch)".to_string(),
        _ => "fmt.Println(\"a+c\", a+c)".to_string(),
    }
}

/// Main starts two goroutines running `g1` and `g2` after its own `before`, then runs
/// `after` and waits for them; `assign_a` makes main assign `a` at the end too (so `a` no
/// longer qualifies).
fn program(before: &[u8], after: &[u8], g1: &[u8], g2: &[u8], assign_a: bool) -> String {
    let body = |ops: &[u8], id: u32| -> String {
        ops.iter()
            .map(|k| format!("\t{}\n", statement(*k, id)))
            .collect()
    };
    let goroutine = |ops: &[u8], id: u32| -> String {
        format!(
            "\twg.Add(1)\n\tgo func() {{\n\t\tdefer wg.Done()\n{}\t}}()\n",
            body(ops, id)
        )
    };
    let assign = if assign_a { "\ta = 9\n" } else { "" };
    format!(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\n\
         func main() {{\n\ta, b, c := 1, 2, 3\n\tpc := &c\n\tvar mu sync.Mutex\n\t_ = &mu\n\tvar wg sync.WaitGroup\n\
         \tch := make(chan int, 4)\n{}{}{}{}{assign}\twg.Wait()\n\t_, _ = pc, ch\n\tfmt.Println(a, b, c)\n}}\n",
        body(before, 0),
        goroutine(g1, 1),
        goroutine(g2, 2),
        body(after, 0),
    )
}

/// Every interleaving's outcome of `source`, as compiled and with no read final; `None`
/// beyond the cap.
fn both_ways(source: &str) -> Option<(BTreeSet<Key>, BTreeSet<Key>, usize)> {
    let program = crate::compile::compile(source)
        .unwrap_or_else(|e| panic!("test program does not compile: {e:?}\n{source}"));
    let recorded = program.with_every_read_recorded();
    let finals = program.final_loads.len()
        + program
            .funcs
            .iter()
            .map(|f| {
                f.code
                    .iter()
                    .filter(|i| matches!(i, Instr::LoadFixed))
                    .count()
            })
            .sum::<usize>();
    let cap = 300_000;
    let with = brute_force(
        &Machine::new(Rc::new(program), Config::default()),
        cap,
        WakeOrder::VirtualTime,
    )?;
    let without = brute_force(
        &Machine::new(Rc::new(recorded), Config::default()),
        cap,
        WakeOrder::VirtualTime,
    )?;
    Some((with.0, without.0, finals))
}

#[test]
fn a_read_before_an_assignment_races_and_a_read_only_variable_does_not() {
    // `b` is read by goroutine 1 and assigned by goroutine 2: a race in some order.
    let racy = program(&[], &[], &[1], &[3], false);
    let (with, without, _) = both_ways(&racy).expect("small");
    assert_eq!(with, without, "{racy}");
    assert!(with.iter().any(|k| k.2), "the race on b is found\n{racy}");
    // `c` is written through a pointer only.
    let through = program(&[], &[], &[2], &[4], false);
    let (with, without, _) = both_ways(&through).expect("small");
    assert_eq!(with, without, "{through}");
    assert!(
        with.iter().any(|k| k.2),
        "the race on c is found\n{through}"
    );
    // `a` is only read: its reads are final, and nothing races.
    let clean = program(&[], &[], &[0], &[0], false);
    let (with, without, finals) = both_ways(&clean).expect("small");
    assert!(finals > 0, "a's reads are final\n{clean}");
    assert_eq!(with, without, "{clean}");
    assert!(with.iter().all(|k| !k.2), "no race\n{clean}");
    // Main's late assignment of `a` races with the goroutines' reads, which are then recorded.
    let late = program(&[], &[], &[0], &[], true);
    let (with, without, _) = both_ways(&late).expect("small");
    assert_eq!(with, without, "{late}");
    assert!(with.iter().any(|k| k.2), "the race on a is found\n{late}");
    check_source(&clean);
    check_source(&late);
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        failure_persistence: None,
        .. ProptestConfig::default()
    })]

    /// Recording the final reads or not gives every interleaving the same outcome, and the
    /// searches (which key states on the detector's form) find exactly those outcomes.
    #[test]
    fn final_reads_change_no_outcome(
        before in proptest::collection::vec(0u8..10, 0..2),
        after in proptest::collection::vec(0u8..10, 0..2),
        g1 in proptest::collection::vec(0u8..10, 1..3),
        g2 in proptest::collection::vec(0u8..10, 1..2),
        assign_a in any::<bool>(),
    ) {
        let source = program(&before, &after, &g1, &g2, assign_a);
        let both = both_ways(&source);
        prop_assume!(both.is_some());
        let (with, without, _) = both.expect("assumed");
        prop_assert_eq!(&with, &without, "{}", source);
        prop_assume!(check_enumerable(&source).is_some());
    }
}
