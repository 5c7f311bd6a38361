//! `sync.Mutex`: a non-reentrant lock that no goroutine owns.
//!
//! Go semantics: `Lock` blocks while the mutex is locked; `Unlock` of an unlocked mutex is
//! `fatal error: sync: unlock of unlocked mutex` (a throw, not a recoverable panic); any
//! goroutine may unlock a mutex another goroutine locked (the [`MutexState::holder`] is kept for
//! display only); locking twice from one goroutine deadlocks. `TryLock` (Go 1.18) takes the
//! mutex if it is free and otherwise returns false without blocking.
//!
//! Happens-before (doc/go_mem.html): the n-th `Unlock` is synchronized before the return of the
//! m-th `Lock` for n < m. Effects: `Lock` = `[Acquire(Lock(addr))]`, `Unlock` =
//! `[Release(Lock(addr))]`; a failed `TryLock` has none.
//!
//! In the park model the wait queue is the goroutines parked before `Lock`: one is blocked
//! when [`MutexState::can_lock`] is false; in a run, of those that arrived before the last
//! `Unlock` ([`MutexState::freed`]), only the first arrival may take the free mutex, as Go's
//! FIFO semaphore queue (`rt::machine::lock_queue`).

use crate::rt::event::{Effect, Gid, SyncVar, WaitReason};
use crate::rt::goroutine::Arrival;
use crate::rt::sync_state::PrimError;
use crate::rt::value::Pointer;

/// State of a `sync.Mutex`.
#[derive(Clone, Debug, Default)]
pub struct MutexState {
    /// The goroutine whose `Lock` took it, `None` while unlocked (the goroutine is for display:
    /// Go mutexes are not owned, any goroutine may unlock).
    holder: Option<Gid>,
    /// When its last `Unlock` came, in the machine's order of arrivals (0 before any): the
    /// goroutines parked at its `Lock` that arrived earlier are its queued waiters
    /// (`rt::machine::lock_queue`). Bookkeeping of the order of arrivals, like
    /// [`Goroutine::arrival`](crate::rt::goroutine::Goroutine::arrival): neither hashed
    /// (`Arrival`'s hash is empty) nor compared.
    freed: Arrival,
}

impl PartialEq for MutexState {
    /// The state Go keeps (`freed` is bookkeeping of the order of arrivals).
    fn eq(&self, other: &MutexState) -> bool {
        self.holder == other.holder
    }
}

impl std::hash::Hash for MutexState {
    /// The state Go keeps, as [`PartialEq`].
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.holder.hash(h);
    }
}

impl MutexState {
    /// The mutex is locked.
    pub fn is_locked(&self) -> bool {
        self.holder.is_some()
    }

    /// The goroutine whose `Lock` took it, while locked.
    pub fn holder(&self) -> Option<Gid> {
        self.holder
    }

    /// `Lock` can complete now (the mutex is free).
    pub fn can_lock(&self) -> bool {
        !self.is_locked()
    }

    /// `Lock` by `gid` on the mutex at `addr`: `[Acquire(Lock(addr))]`, or `Blocked` when locked.
    pub fn lock(&mut self, gid: Gid, addr: &Pointer) -> Result<Vec<Effect>, PrimError> {
        if self.is_locked() {
            return Err(PrimError::Blocked(WaitReason::MutexLock));
        }
        self.holder = Some(gid);
        Ok(vec![Effect::Acquire(SyncVar::Lock(addr.clone()))])
    }

    /// `TryLock`: `Some(effects)` when it took the mutex, `None` (no effects) when it was held.
    pub fn try_lock(&mut self, gid: Gid, addr: &Pointer) -> Option<Vec<Effect>> {
        self.lock(gid, addr).ok()
    }

    /// When its last `Unlock` came ([`Arrival`] order; 0 before any).
    pub fn freed(&self) -> Arrival {
        self.freed
    }

    /// `Unlock` (by any goroutine) as the arrival `at`: `[Release(Lock(addr))]`, or
    /// `fatal error: sync: unlock of unlocked mutex`.
    pub fn unlock(&mut self, addr: &Pointer, at: Arrival) -> Result<Vec<Effect>, PrimError> {
        if !self.is_locked() {
            return Err(PrimError::Fatal("sync: unlock of unlocked mutex".into()));
        }
        self.holder = None;
        self.freed = at;
        Ok(vec![Effect::Release(SyncVar::Lock(addr.clone()))])
    }

    /// Go 1.19's `state` field (`mutexLocked` = 1; waiter counts are not modelled), used by `fmt`
    /// to print the struct form `{state sema}`.
    pub fn go_state(&self) -> i64 {
        i64::from(self.is_locked())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::value::ObjId;

    fn addr() -> Pointer {
        Pointer::root(ObjId(1))
    }

    #[test]
    fn lock_blocks_while_held_and_unlock_releases() {
        let mut m = MutexState::default();
        assert!(m.can_lock());
        assert_eq!(
            m.lock(Gid(1), &addr()),
            Ok(vec![Effect::Acquire(SyncVar::Lock(addr()))])
        );
        assert!(!m.can_lock());
        assert_eq!(m.holder(), Some(Gid(1)));
        assert_eq!(
            m.lock(Gid(2), &addr()),
            Err(PrimError::Blocked(WaitReason::MutexLock))
        );
        // Not owned: another goroutine may unlock.
        assert_eq!(
            m.unlock(&addr(), Arrival(1)),
            Ok(vec![Effect::Release(SyncVar::Lock(addr()))])
        );
        assert!(m.can_lock());
        assert_eq!(m.holder(), None);
    }

    #[test]
    fn unlock_of_unlocked_is_fatal() {
        let mut m = MutexState::default();
        let err = m.unlock(&addr(), Arrival(1)).unwrap_err();
        assert_eq!(err.message(), "fatal error: sync: unlock of unlocked mutex");
    }

    #[test]
    fn try_lock_fails_without_effects_when_held() {
        let mut m = MutexState::default();
        assert!(m.try_lock(Gid(0), &addr()).is_some());
        assert_eq!(m.try_lock(Gid(1), &addr()), None);
        assert_eq!(m.holder(), Some(Gid(0)));
        assert_eq!(m.go_state(), 1);
    }
}
