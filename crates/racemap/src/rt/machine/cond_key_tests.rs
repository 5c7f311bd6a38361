//! The key's view of `sync.Cond` tickets on states reached by different orders of the same
//! waiters: equal where only `Broadcast` can wake them, different where `Signal` can (it
//! wakes the oldest ticket), and equal again for states that differ only in how many tickets
//! were handed out before.

use super::super::{Machine, StateMemo};
use crate::rt::config::Config;
use crate::rt::event::Gid;
use siphasher::sip128::{Hasher128, SipHasher13};
use std::rc::Rc;

/// Two waiters (goroutines 1 and 2) each `Lock`, then `Wait` forever; main then wakes them
/// with `wake` (`Broadcast` or `Signal`) under the lock, forever.
fn program(wake: &str) -> String {
    format!(
        "package main\n\nimport \"sync\"\n\nfunc main() {{\n\tvar mu sync.Mutex\n\
         \tc := sync.NewCond(&mu)\n\tfor i := 0; i < 2; i++ {{\n\t\tgo func() {{\n\
         \t\t\tmu.Lock()\n\t\t\tfor {{\n\t\t\t\tc.Wait()\n\t\t\t}}\n\
         \t\t}}()\n\t}}\n\tfor {{\n\t\tmu.Lock()\n\t\tc.{wake}()\n\
         \t\tmu.Unlock()\n\t}}\n}}\n"
    )
}

/// The machine's state key.
fn key(m: &Machine) -> u128 {
    let mut h = SipHasher13::new_with_keys(1, 2);
    m.hash_state(&mut h, &mut StateMemo::default(), None);
    h.finish128().as_u128()
}

/// Move goroutine `g` until it cannot (at most `max` steps).
fn run_until_blocked(m: &mut Machine, g: u32, max: usize) {
    for _ in 0..max {
        let Some(&c) = m.runnable_of(Gid(g)).first() else {
            return;
        };
        m.step(c);
    }
}

/// Main spawns both waiters, then each waiter of `order` runs until it blocks; then main
/// moves `main_steps` more steps (its `Lock`, its wake-up call, …) and the waiters of `order`
/// run again until they block.
fn state(source: &str, order: [u32; 2], main_steps: usize) -> Machine {
    let program = crate::compile::compile(source).unwrap_or_else(|e| panic!("{e:?}\n{source}"));
    let mut m = Machine::new(Rc::new(program), Config::default());
    while m.goroutine_count() < 3 {
        let c = m.runnable_of(Gid(0))[0];
        m.step(c);
    }
    for g in order {
        run_until_blocked(&mut m, g, 20);
    }
    for _ in 0..main_steps {
        let c = m.runnable_of(Gid(0))[0];
        m.step(c);
    }
    for g in order {
        run_until_blocked(&mut m, g, 20);
    }
    m
}

#[test]
fn waiters_parked_in_either_order_are_one_state_without_signal() {
    let source = program("Broadcast");
    let (a, b) = (state(&source, [1, 2], 0), state(&source, [2, 1], 0));
    assert!(a.runnable_of(Gid(1)).is_empty() && a.runnable_of(Gid(2)).is_empty());
    assert_eq!(key(&a), key(&b));
}

#[test]
fn waiters_parked_in_either_order_are_two_states_with_signal() {
    let source = program("Signal");
    let (a, b) = (state(&source, [1, 2], 0), state(&source, [2, 1], 0));
    assert_ne!(
        key(&a),
        key(&b),
        "Signal wakes goroutine 1 in one, 2 in the other"
    );
}

#[test]
fn tickets_enter_relative_to_the_notified_ones() {
    // Main's Lock, Signal, Unlock wakes the oldest ticket, goroutine 1's (0), which waits
    // again with ticket 2 behind goroutine 2's 1. Parked in the order [2, 1] with nothing
    // signalled, goroutine 2 holds 0 and goroutine 1 holds 1: other tickets, the same queue.
    let source = program("Signal");
    let signalled = state(&source, [1, 2], 3);
    assert!(signalled.runnable_of(Gid(1)).is_empty() && signalled.runnable_of(Gid(2)).is_empty());
    let fresh = state(&source, [2, 1], 0);
    assert_eq!(
        key(&signalled),
        key(&fresh),
        "goroutine 2 first in the queue, goroutine 1 behind it, in both"
    );
}
