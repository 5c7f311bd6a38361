//! `sync.Cond` tickets as classes in the state key (`rt::machine::cond_key`): several waiters
//! woken by `Signal`, by `Broadcast`, by both, waiters that wait again, a racy access after the
//! wake-up. Every search finds exactly brute force's outcomes (the shapes and Go's outcomes:
//! `explore::stateful::cond_tests::SHAPES`).

use super::*;
use crate::explore::stateful::cond_tests::SHAPES;

/// Two waiters on a Cond whose `Locker` does nothing (its `Lock` and `Unlock` are no steps,
/// so brute force can enumerate every interleaving), then a racy write of `x` each; main wakes
/// them with `wake` and panics with `x` unless it is 0. `first` is the first waiter's body
/// before its write. (Go 1.19 `-race`, printing `x` instead, two runs each: Signal "0" and a
/// race report; Broadcast "0" twice; Signal, Broadcast "0" and "0" with a race report; the
/// re-waiting shape "0" three times.)
fn nop_locker(first: &str, wake: &str) -> String {
    format!(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\ntype nop struct{{}}\n\n\
         func (nop) Lock()   {{}}\nfunc (nop) Unlock() {{}}\n\nfunc main() {{\n\
         \tc := sync.NewCond(nop{{}})\n\tx := 0\n\tgo func() {{ {first}; x = 1 }}()\n\
         \tgo func() {{ c.Wait(); x = 2 }}()\n\t{wake}\n\tif x != 0 {{\n\t\tpanic(x)\n\t}}\n\t_ = fmt.Sprint()\n}}\n"
    )
}

/// Brute force judges the shapes it can enumerate (three of the four; the other passes its cap of
/// interleavings; every shape of `SHAPES` is judged against the exact state graph in
/// `explore::stateful::cond_tests`, with the larger shapes there).
#[test]
fn cond_shapes_match_brute_force() {
    let mut judged = 0;
    for (first, wake) in [
        ("c.Wait()", "c.Signal()"),
        ("c.Wait()", "c.Broadcast()"),
        ("c.Wait()", "c.Signal(); c.Broadcast()"),
        ("c.Wait(); c.Wait()", "c.Signal(); c.Signal(); c.Signal()"),
    ] {
        let source = nop_locker(first, wake);
        let Some(r) = check_enumerable(&source) else {
            eprintln!("too large for brute force:\n{source}");
            continue;
        };
        judged += 1;
        assert!(r.race, "{source}");
        assert!(r.outcomes.iter().any(|o| o.error.is_none()), "{source}");
        assert!(r.outcomes.iter().any(|o| o.error.is_some()), "{source}");
    }
    assert!(judged >= 2, "{judged} shapes judged");
}

/// What the shapes' searches find, as Go's runs show them (a hang of a race build is a
/// deadlock in `go run`).
#[test]
fn cond_shapes_find_go_s_outcomes() {
    let find = |name: &str| {
        let (_, source) = SHAPES.iter().find(|(n, _)| *n == name).expect("a shape");
        explore_source(source)
    };
    let r = find("signal wakes one of two");
    assert!(r.deadlock && stdouts(&r).contains("1\n") && stdouts(&r).contains("2\n"));
    let r = find("broadcast, then a racy write");
    assert!(r.outcomes.iter().all(|o| o.race), "{:?}", r.outcomes);
    let r = find("signal per item, waiters re-wait");
    assert_eq!(stdouts(&r), set(&["3\n"]));
    assert!(!r.deadlock);
    let r = find("signal and broadcast");
    assert_eq!(stdouts(&r), set(&["1 2\n", "2 1\n"]));
    let r = find("three waiters, one broadcast");
    assert!(
        r.deadlock && stdouts(&r).contains("3\n"),
        "{:?}",
        r.outcomes
    );
}
