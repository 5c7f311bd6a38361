//! `sync.WaitGroup`: Go 1.19's state machine (sync/waitgroup.go): a counter, a waiter count and
//! a semaphore.
//!
//! Go semantics, step by step as racemap runs them:
//! - `Add(delta)` (`Done` is `Add(-1)`) adds to the counter. A counter below zero panics
//!   `sync: negative WaitGroup counter` (the counter keeps the negative value, as in Go). A first
//!   increment from zero while waiters are registered panics `sync: WaitGroup misuse: Add called
//!   concurrently with Wait`. When the counter reaches zero with waiters registered, the `Add`
//!   takes a second step ([`WaitGroupState::finish_add`]): Go re-reads the state, panics with
//!   the same misuse message if it changed in between, else resets it and releases one semaphore
//!   token per waiter.
//! - `Wait` returns at once when the counter is zero. Otherwise it registers as a waiter
//!   ([`WaitStart::Registered`]) and blocks until it takes a semaphore token
//!   ([`WaitGroupState::semacquire`]); any goroutine blocked there may take any token. After
//!   taking it, a state that is not zero (a new `Add` or `Wait` came first) panics
//!   `sync: WaitGroup is reused before previous Wait has returned`.
//!
//! Happens-before and race annotations (the `race.*` calls of waitgroup.go): `Add(d < 0)`
//! releases `WaitGroup(a)` before it changes the counter, a `Wait` that returns acquires it. The
//! first increment from zero reads the semaphore word (`Read(WaitGroupSema(a))`) and the first
//! waiter to register writes it (`Write(WaitGroupSema(a))`), so an `Add` from zero that is not
//! ordered before a blocking `Wait` is reported as a data race.

use crate::rt::event::{Effect, Loc, SyncVar, WaitReason};
use crate::rt::sync_state::PrimError;
use crate::rt::value::Pointer;

/// `sync: WaitGroup misuse: Add called concurrently with Wait`.
pub const MISUSE_ADD: &str = "sync: WaitGroup misuse: Add called concurrently with Wait";
/// `sync: WaitGroup is reused before previous Wait has returned`.
pub const MISUSE_REUSE: &str = "sync: WaitGroup is reused before previous Wait has returned";

/// State of a `sync.WaitGroup` (Go's `state1` word and `sema`).
#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub struct WaitGroupState {
    /// The counter (negative only after the panicking `Add`).
    pub counter: i64,
    /// Registered waiters (the low 32 bits of Go's state word).
    pub waiters: u32,
    /// Semaphore tokens released and not yet taken by a blocked `Wait`.
    pub sema: u32,
}

/// What an `Add` did.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct AddOutcome {
    /// Its effects, also when it panics (the race annotations come first in Go).
    pub effects: Vec<Effect>,
    /// The panic it ends with, if any.
    pub panic: Option<PrimError>,
    /// The counter reached zero with this many waiters: a second step
    /// ([`WaitGroupState::finish_add`]) checks the state and wakes them.
    pub wake: Option<u32>,
}

/// What the first step of a `Wait` did.
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum WaitStart {
    /// The counter was zero: `Wait` returns with these effects.
    Return(Vec<Effect>),
    /// The goroutine registered as a waiter (these effects) and blocks on the semaphore.
    Registered(Vec<Effect>),
}

fn sema_loc(addr: &Pointer) -> Loc {
    Loc::WaitGroupSema(addr.clone())
}

impl WaitGroupState {
    /// `Add(delta)` (or `Done` with `delta = -1`), Go's first step.
    pub fn add(&mut self, delta: i64, addr: &Pointer) -> AddOutcome {
        let mut effects = Vec::new();
        if delta < 0 {
            effects.push(Effect::Release(SyncVar::WaitGroup(addr.clone())));
        }
        self.counter = self.counter.wrapping_add(delta);
        let first_increment = delta > 0 && self.counter == delta;
        if first_increment {
            effects.push(Effect::Read(sema_loc(addr)));
        }
        let mut outcome = AddOutcome {
            effects,
            panic: None,
            wake: None,
        };
        if self.counter < 0 {
            outcome.panic = Some(PrimError::Panic("sync: negative WaitGroup counter".into()));
        } else if self.waiters != 0 && first_increment {
            outcome.panic = Some(PrimError::Panic(MISUSE_ADD.into()));
        } else if self.counter == 0 && self.waiters > 0 {
            outcome.wake = Some(self.waiters);
        }
        outcome
    }

    /// The second step of an `Add` that brought the counter to zero with `waiters` registered:
    /// the misuse panic if the state changed since, else reset it and release one token per
    /// waiter.
    pub fn finish_add(&mut self, waiters: u32) -> Result<(), PrimError> {
        if self.counter != 0 || self.waiters != waiters {
            return Err(PrimError::Panic(MISUSE_ADD.into()));
        }
        self.waiters = 0;
        self.sema = self.sema.saturating_add(waiters);
        Ok(())
    }

    /// `Wait`'s first step: return at zero, else register as a waiter.
    pub fn wait(&mut self, addr: &Pointer) -> WaitStart {
        if self.counter == 0 {
            return WaitStart::Return(vec![Effect::Acquire(SyncVar::WaitGroup(addr.clone()))]);
        }
        let first = self.waiters == 0;
        self.waiters = self.waiters.wrapping_add(1);
        WaitStart::Registered(if first {
            vec![Effect::Write(sema_loc(addr))]
        } else {
            Vec::new()
        })
    }

    /// A blocked `Wait` can take a semaphore token.
    pub fn can_semacquire(&self) -> bool {
        self.sema > 0
    }

    /// A blocked `Wait` takes a token and returns (`[Acquire(WaitGroup(addr))]`), or panics
    /// because the WaitGroup was reused meanwhile; `Blocked` without a token.
    pub fn semacquire(&mut self, addr: &Pointer) -> Result<Vec<Effect>, PrimError> {
        if !self.can_semacquire() {
            return Err(PrimError::Blocked(WaitReason::WaitGroupWait));
        }
        self.sema -= 1;
        if self.counter != 0 || self.waiters != 0 {
            return Err(PrimError::Panic(MISUSE_REUSE.into()));
        }
        Ok(vec![Effect::Acquire(SyncVar::WaitGroup(addr.clone()))])
    }

    /// Go 1.19's `state1` field (`counter << 32 | waiters`) for the printed struct form
    /// `{{} state1 0}`.
    pub fn go_state1(&self) -> i64 {
        self.counter.wrapping_shl(32) | i64::from(self.waiters)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::value::ObjId;

    fn a() -> Pointer {
        Pointer::root(ObjId(2))
    }

    fn acquire() -> Vec<Effect> {
        vec![Effect::Acquire(SyncVar::WaitGroup(a()))]
    }

    #[test]
    fn wait_returns_at_zero_else_registers_and_takes_a_token_after_done() {
        let mut wg = WaitGroupState::default();
        assert_eq!(wg.wait(&a()), WaitStart::Return(acquire()));
        let add = wg.add(2, &a());
        // The first increment from zero reads the semaphore word.
        assert_eq!(add.effects, vec![Effect::Read(Loc::WaitGroupSema(a()))]);
        assert_eq!((add.panic, add.wake), (None, None));
        // The first waiter writes it; a second one does not.
        let sema_write = vec![Effect::Write(Loc::WaitGroupSema(a()))];
        assert_eq!(wg.wait(&a()), WaitStart::Registered(sema_write));
        assert_eq!(wg.wait(&a()), WaitStart::Registered(Vec::new()));
        assert!(!wg.can_semacquire());
        let done = wg.add(-1, &a());
        assert_eq!(done.effects, vec![Effect::Release(SyncVar::WaitGroup(a()))]);
        assert_eq!(done.wake, None);
        let last = wg.add(-1, &a());
        assert_eq!(last.wake, Some(2));
        assert!(!wg.can_semacquire(), "tokens come with the second step");
        wg.finish_add(2).unwrap();
        assert_eq!((wg.counter, wg.waiters, wg.sema), (0, 0, 2));
        assert_eq!(wg.semacquire(&a()), Ok(acquire()));
        assert_eq!(wg.semacquire(&a()), Ok(acquire()));
        assert_eq!(
            wg.semacquire(&a()),
            Err(PrimError::Blocked(WaitReason::WaitGroupWait))
        );
    }

    #[test]
    fn reuse_before_the_woken_wait_returns_panics_in_that_wait() {
        let mut wg = WaitGroupState::default();
        wg.add(1, &a());
        wg.wait(&a());
        assert_eq!(wg.add(-1, &a()).wake, Some(1));
        wg.finish_add(1).unwrap();
        // The next round's Add comes before the woken Wait runs.
        let next = wg.add(1, &a());
        assert_eq!(next.panic, None);
        let err = wg.semacquire(&a()).unwrap_err();
        assert_eq!(err.message(), format!("panic: {MISUSE_REUSE}"));
    }

    #[test]
    fn add_between_reaching_zero_and_waking_is_misuse() {
        let mut wg = WaitGroupState::default();
        wg.add(1, &a());
        wg.wait(&a());
        assert_eq!(wg.add(-1, &a()).wake, Some(1));
        // An Add from zero while the waiter is still registered panics at once…
        let add = wg.add(1, &a());
        assert_eq!(add.effects, vec![Effect::Read(Loc::WaitGroupSema(a()))]);
        assert_eq!(add.panic, Some(PrimError::Panic(MISUSE_ADD.into())));
        // …and the waking Add finds the state changed.
        assert_eq!(wg.finish_add(1), Err(PrimError::Panic(MISUSE_ADD.into())));
    }

    #[test]
    fn negative_counter_panics() {
        let mut wg = WaitGroupState::default();
        wg.add(1, &a());
        wg.add(-1, &a());
        let add = wg.add(-1, &a());
        let err = add.panic.unwrap();
        assert_eq!(err.message(), "panic: sync: negative WaitGroup counter");
        assert_eq!(wg.counter, -1);
    }

    #[test]
    fn printed_state_matches_go_1_19() {
        let mut wg = WaitGroupState::default();
        wg.add(2, &a());
        // `fmt.Println(wg)` after `wg.Add(2)` prints `{{} 8589934592 0}` in Go 1.19.
        assert_eq!(wg.go_state1(), 8589934592);
    }
}
