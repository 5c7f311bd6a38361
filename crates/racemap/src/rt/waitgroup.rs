//! `sync.WaitGroup`: a counter that `Wait` waits to reach zero.
//!
//! Go semantics: `Add(delta)` changes the counter (`Done` is `Add(-1)`); a counter that goes
//! negative panics with `sync: negative WaitGroup counter` (a recoverable panic with a string
//! value; the counter keeps the negative value, as in Go). `Wait` returns when the counter is
//! zero; with the park model it is enabled exactly when `counter == 0`.
//!
//! Happens-before: a `Done` (any `Add` with a negative delta) → the return of a `Wait` that
//! observes the counter reach zero. Effects: `Add(d < 0)` = `[Release(WaitGroup(a))]`,
//! `Add(d >= 0)` = `[]`, `Wait` = `[Acquire(WaitGroup(a))]`.

use crate::rt::event::{Effect, SyncVar, WaitReason};
use crate::rt::sync_state::PrimError;
use crate::rt::value::Pointer;

/// State of a `sync.WaitGroup`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WaitGroupState {
    /// The counter (negative only after the panicking `Add`).
    pub counter: i64,
}

impl WaitGroupState {
    /// `Add(delta)` (or `Done` with `delta = -1`): the effects, or the
    /// `sync: negative WaitGroup counter` panic.
    pub fn add(&mut self, delta: i64, addr: &Pointer) -> Result<Vec<Effect>, PrimError> {
        self.counter = self.counter.wrapping_add(delta);
        if self.counter < 0 {
            return Err(PrimError::Panic("sync: negative WaitGroup counter".into()));
        }
        Ok(if delta < 0 {
            vec![Effect::Release(SyncVar::WaitGroup(addr.clone()))]
        } else {
            Vec::new()
        })
    }

    /// `Wait` can return now.
    pub fn can_wait(&self) -> bool {
        self.counter == 0
    }

    /// `Wait`: `[Acquire(WaitGroup(addr))]`, or `Blocked` while the counter is not zero.
    pub fn wait(&self, addr: &Pointer) -> Result<Vec<Effect>, PrimError> {
        if !self.can_wait() {
            return Err(PrimError::Blocked(WaitReason::WaitGroupWait));
        }
        Ok(vec![Effect::Acquire(SyncVar::WaitGroup(addr.clone()))])
    }

    /// Go 1.19's `state1` field (`counter << 32`; waiter counts are not modelled) for the printed
    /// struct form `{{} state1 0}`.
    pub fn go_state1(&self) -> i64 {
        self.counter.wrapping_shl(32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::value::ObjId;

    fn a() -> Pointer {
        Pointer::root(ObjId(2))
    }

    #[test]
    fn wait_is_enabled_only_at_zero_and_done_releases() {
        let mut wg = WaitGroupState::default();
        assert!(wg.can_wait());
        assert_eq!(wg.add(2, &a()), Ok(vec![]));
        assert!(!wg.can_wait());
        assert_eq!(
            wg.wait(&a()),
            Err(PrimError::Blocked(WaitReason::WaitGroupWait))
        );
        assert_eq!(
            wg.add(-1, &a()),
            Ok(vec![Effect::Release(SyncVar::WaitGroup(a()))])
        );
        assert!(!wg.can_wait());
        wg.add(-1, &a()).unwrap();
        assert!(wg.can_wait());
        assert_eq!(
            wg.wait(&a()),
            Ok(vec![Effect::Acquire(SyncVar::WaitGroup(a()))])
        );
    }

    #[test]
    fn negative_counter_panics() {
        let mut wg = WaitGroupState::default();
        wg.add(1, &a()).unwrap();
        wg.add(-1, &a()).unwrap();
        let err = wg.add(-1, &a()).unwrap_err();
        assert_eq!(err.message(), "panic: sync: negative WaitGroup counter");
        assert_eq!(wg.counter, -1);
    }

    #[test]
    fn printed_state_matches_go_1_19() {
        let mut wg = WaitGroupState::default();
        wg.add(2, &a()).unwrap();
        // `fmt.Println(wg)` after `wg.Add(2)` prints `{{} 8589934592 0}` in Go 1.19.
        assert_eq!(wg.go_state1(), 8589934592);
    }
}
