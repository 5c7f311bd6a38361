//! `sync.RWMutex`: many readers or one writer, with Go's writer preference.
//!
//! Go 1.19 semantics (src/sync/rwmutex.go), step by step:
//! - `Lock` first takes the internal writer mutex `w` (so only one writer proceeds at a time),
//!   then *announces* itself (makes `readerCount` negative). If no reader is active, `Lock`
//!   returns in the same step. Otherwise the writer is **pending**: it waits for the readers
//!   that were active to `RUnlock` (a second visible step, [`RwMutexState::finish_lock`]).
//! - While a writer is announced (pending or holding the lock), new `RLock` calls block. So a
//!   goroutine that holds a read lock and calls `RLock` again deadlocks if a writer announced
//!   itself in between (the classic recursive-read-lock deadlock).
//! - `RUnlock` with no reader active: `fatal error: sync: RUnlock of unlocked RWMutex`;
//!   `Unlock` with no writer announced: `fatal error: sync: Unlock of unlocked RWMutex`.
//! - `TryLock` succeeds iff neither a writer nor a reader is active; `TryRLock` iff no writer
//!   is announced.
//!
//! In Go a blocked `RLock` has already registered itself as a reader; here a goroutine is parked
//! *before* its `RLock`, so after `Unlock` another writer may announce first. That interleaving is
//! also possible in Go (the reader just called `RLock` a moment later), so the set of outcomes is
//! the same; a search offers it. A run follows Go's order (`rt::machine::lock_queue`): the
//! readers parked at `RLock` before the last `Unlock` ([`RwMutexState::freed`]) take their read
//! locks before any writer's `Lock` starts, and the writers parked at `Lock` before it take `w`
//! first arrival first.
//!
//! Happens-before (doc/go_mem.html, and the race annotations of rwmutex.go): the `Unlock` before
//! an `RLock` → that `RLock`; `Unlock` → the next `Lock`; every `RUnlock` → the next `Lock`.
//! Effects: `RLock` = `[Acquire(Lock(a))]`; `RUnlock` = `[Release(ReadLock(a))]`; the step in
//! which `Lock` takes `w` = `[Acquire(Lock(a))]`; the step in which `Lock` returns additionally
//! `[Acquire(ReadLock(a))]`; `Unlock` = `[Release(Lock(a))]`.

use crate::rt::event::{Effect, Gid, SyncVar, WaitReason};
use crate::rt::goroutine::Arrival;
use crate::rt::sync_state::PrimError;
use crate::rt::value::Pointer;

/// Go 1.19's `rwmutexMaxReaders`, used for the printed struct form.
pub const MAX_READERS: i64 = 1 << 30;

/// The state of the writer side.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum WriterPhase {
    /// No writer holds `w`.
    #[default]
    None,
    /// A writer took `w`, announced itself and waits for the active readers to leave.
    Pending,
    /// A writer holds the lock.
    Active,
}

/// State of a `sync.RWMutex`.
#[derive(Clone, Debug, Default)]
pub struct RwMutexState {
    /// The read locks held, one entry per `RLock` not yet undone, in `RLock` order (the
    /// goroutine is for display: read locks are not owned). Its length is Go's reader count.
    reader_holders: Vec<Gid>,
    /// The writer side.
    // Invariant: `writer == WriterPhase::Active` implies no reader holds the lock.
    writer: WriterPhase,
    /// The goroutine whose `Lock` took `w` (display only; not an owner).
    // Invariant: `writer_gid.is_some()` iff `writer != WriterPhase::None`.
    writer_gid: Option<Gid>,
    /// When its last `Unlock` came, in the machine's order of arrivals (0 before any): the
    /// goroutines parked at its `Lock` or `RLock` that arrived earlier were blocked by a
    /// writer (`rt::machine::lock_queue`). Bookkeeping of the order of arrivals: neither
    /// hashed (`Arrival`'s hash is empty) nor compared.
    freed: Arrival,
}

impl PartialEq for RwMutexState {
    /// The state Go keeps (`freed` is bookkeeping of the order of arrivals).
    fn eq(&self, other: &RwMutexState) -> bool {
        (&self.reader_holders, self.writer, self.writer_gid)
            == (&other.reader_holders, other.writer, other.writer_gid)
    }
}

impl std::hash::Hash for RwMutexState {
    /// The state Go keeps, as [`PartialEq`].
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        (&self.reader_holders, self.writer, self.writer_gid).hash(h);
    }
}

/// What the first step of `Lock` did.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum LockStart {
    /// `Lock` returned (no reader was active).
    Acquired(Vec<Effect>),
    /// The writer announced itself and waits for readers: call
    /// [`RwMutexState::finish_lock`] when [`RwMutexState::can_finish_lock`] holds.
    Pending(Vec<Effect>),
}

impl RwMutexState {
    /// Number of read locks held (Go's active reader count).
    pub fn readers(&self) -> u32 {
        self.reader_holders.len() as u32
    }

    /// The goroutines holding read locks, in `RLock` order (one entry per `RLock`).
    pub fn reader_holders(&self) -> &[Gid] {
        &self.reader_holders
    }

    /// The writer side's phase.
    pub fn writer(&self) -> WriterPhase {
        self.writer
    }

    /// The goroutine whose `Lock` took `w` while a writer is pending or active.
    pub fn writer_gid(&self) -> Option<Gid> {
        self.writer_gid
    }

    /// Checks the invariants in debug builds (property tests and fuzzers run those).
    fn debug_check(&self) {
        debug_assert!(
            self.writer != WriterPhase::Active || self.reader_holders.is_empty(),
            "RWMutex held by a writer and {} reader(s)",
            self.reader_holders.len()
        );
        debug_assert_eq!(
            self.writer_gid.is_some(),
            self.writer != WriterPhase::None,
            "RWMutex writer goroutine out of step with its phase"
        );
    }

    /// `RLock` can complete now (no writer announced).
    pub fn can_rlock(&self) -> bool {
        self.writer == WriterPhase::None
    }

    /// `RLock`: `[Acquire(Lock(addr))]`, or `Blocked` while a writer is announced.
    pub fn rlock(&mut self, gid: Gid, addr: &Pointer) -> Result<Vec<Effect>, PrimError> {
        if !self.can_rlock() {
            return Err(PrimError::Blocked(WaitReason::RwMutexRLock));
        }
        self.reader_holders.push(gid);
        self.debug_check();
        Ok(vec![Effect::Acquire(SyncVar::Lock(addr.clone()))])
    }

    /// `TryRLock`: takes a read lock when [`can_rlock`](Self::can_rlock), else `None`.
    pub fn try_rlock(&mut self, gid: Gid, addr: &Pointer) -> Option<Vec<Effect>> {
        self.rlock(gid, addr).ok()
    }

    /// `RUnlock` by `gid`: `[Release(ReadLock(addr))]`, or
    /// `fatal error: sync: RUnlock of unlocked RWMutex`.
    pub fn runlock(&mut self, gid: Gid, addr: &Pointer) -> Result<Vec<Effect>, PrimError> {
        if self.reader_holders.is_empty() {
            return Err(PrimError::Fatal("sync: RUnlock of unlocked RWMutex".into()));
        }
        // Not owned: remove gid's entry if it has one, else the oldest.
        let i = self
            .reader_holders
            .iter()
            .position(|g| *g == gid)
            .unwrap_or(0);
        self.reader_holders.remove(i);
        self.debug_check();
        Ok(vec![Effect::Release(SyncVar::ReadLock(addr.clone()))])
    }

    /// The first step of `Lock` can happen now (`w` is free).
    pub fn can_start_lock(&self) -> bool {
        self.writer == WriterPhase::None
    }

    /// The first step of `Lock`: take `w` and announce; returns in the same step when no reader
    /// is active. `Blocked` while another writer holds `w`.
    pub fn start_lock(&mut self, gid: Gid, addr: &Pointer) -> Result<LockStart, PrimError> {
        if !self.can_start_lock() {
            return Err(PrimError::Blocked(WaitReason::RwMutexLock));
        }
        self.writer_gid = Some(gid);
        let mut effects = vec![Effect::Acquire(SyncVar::Lock(addr.clone()))];
        if self.reader_holders.is_empty() {
            self.writer = WriterPhase::Active;
            effects.push(Effect::Acquire(SyncVar::ReadLock(addr.clone())));
            Ok(LockStart::Acquired(effects))
        } else {
            self.writer = WriterPhase::Pending;
            Ok(LockStart::Pending(effects))
        }
    }

    /// The pending writer's second step can happen now (all readers left).
    pub fn can_finish_lock(&self) -> bool {
        self.reader_holders.is_empty()
    }

    /// The pending writer's second step: `Lock` returns, `[Acquire(ReadLock(addr))]`.
    /// `Blocked` while readers remain.
    pub fn finish_lock(&mut self, gid: Gid, addr: &Pointer) -> Result<Vec<Effect>, PrimError> {
        if !self.can_finish_lock() {
            return Err(PrimError::Blocked(WaitReason::RwMutexLock));
        }
        self.writer = WriterPhase::Active;
        self.writer_gid = Some(gid);
        self.debug_check();
        Ok(vec![Effect::Acquire(SyncVar::ReadLock(addr.clone()))])
    }

    /// `TryLock`: takes the write lock in one step iff no writer is announced and no reader is
    /// active, else `None`.
    pub fn try_lock(&mut self, gid: Gid, addr: &Pointer) -> Option<Vec<Effect>> {
        if self.writer != WriterPhase::None || !self.reader_holders.is_empty() {
            return None;
        }
        match self.start_lock(gid, addr) {
            Ok(LockStart::Acquired(e)) => Some(e),
            _ => None,
        }
    }

    /// When its last `Unlock` came ([`Arrival`] order; 0 before any).
    pub fn freed(&self) -> Arrival {
        self.freed
    }

    /// `Unlock` as the arrival `at`: `[Release(Lock(addr))]`, or `fatal error: sync: Unlock
    /// of unlocked RWMutex` when no writer is announced. (Like Go, an `Unlock` while a writer
    /// is still pending does not fail; it releases `w`.)
    pub fn unlock(&mut self, addr: &Pointer, at: Arrival) -> Result<Vec<Effect>, PrimError> {
        if self.writer == WriterPhase::None {
            return Err(PrimError::Fatal("sync: Unlock of unlocked RWMutex".into()));
        }
        self.writer = WriterPhase::None;
        self.writer_gid = None;
        self.freed = at;
        Ok(vec![Effect::Release(SyncVar::Lock(addr.clone()))])
    }

    /// Go 1.19's fields `(w.state, readerCount, readerWait)` for the printed struct form
    /// `{{w.state 0} writerSem readerSem readerCount readerWait}`.
    pub fn go_fields(&self) -> (i64, i64, i64) {
        let r = i64::from(self.readers());
        match self.writer {
            WriterPhase::None => (0, r, 0),
            WriterPhase::Pending | WriterPhase::Active => (1, r - MAX_READERS, r),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::value::ObjId;

    fn a() -> Pointer {
        Pointer::root(ObjId(7))
    }

    #[test]
    fn readers_share_and_writer_waits_for_them() {
        let mut rw = RwMutexState::default();
        rw.rlock(Gid(1), &a()).unwrap();
        rw.rlock(Gid(2), &a()).unwrap();
        assert_eq!(rw.readers(), 2);
        // The writer takes w and announces, but readers are active: pending.
        let start = rw.start_lock(Gid(3), &a()).unwrap();
        assert_eq!(
            start,
            LockStart::Pending(vec![Effect::Acquire(SyncVar::Lock(a()))])
        );
        assert!(!rw.can_finish_lock());
        // Writer preference: a new reader now blocks, even though only readers hold the lock.
        assert!(!rw.can_rlock());
        assert_eq!(
            rw.rlock(Gid(4), &a()),
            Err(PrimError::Blocked(WaitReason::RwMutexRLock))
        );
        // A second writer blocks on w.
        assert!(!rw.can_start_lock());
        rw.runlock(Gid(1), &a()).unwrap();
        assert!(!rw.can_finish_lock());
        assert_eq!(
            rw.runlock(Gid(2), &a()),
            Ok(vec![Effect::Release(SyncVar::ReadLock(a()))])
        );
        assert!(rw.can_finish_lock());
        assert_eq!(
            rw.finish_lock(Gid(3), &a()),
            Ok(vec![Effect::Acquire(SyncVar::ReadLock(a()))])
        );
        assert_eq!(rw.writer, WriterPhase::Active);
        assert!(!rw.can_rlock());
        rw.unlock(&a(), Arrival(1)).unwrap();
        assert!(rw.can_rlock() && rw.can_start_lock());
    }

    #[test]
    fn lock_without_readers_completes_in_one_step() {
        let mut rw = RwMutexState::default();
        let start = rw.start_lock(Gid(0), &a()).unwrap();
        assert_eq!(
            start,
            LockStart::Acquired(vec![
                Effect::Acquire(SyncVar::Lock(a())),
                Effect::Acquire(SyncVar::ReadLock(a()))
            ])
        );
        assert_eq!(rw.go_fields(), (1, -MAX_READERS, 0));
    }

    #[test]
    fn recursive_rlock_blocks_once_a_writer_is_pending() {
        let mut rw = RwMutexState::default();
        rw.rlock(Gid(1), &a()).unwrap();
        assert!(matches!(
            rw.start_lock(Gid(2), &a()),
            Ok(LockStart::Pending(_))
        ));
        // Goroutine 1 re-enters RLock: blocked, and the writer waits for goroutine 1: deadlock.
        assert!(!rw.can_rlock());
        assert!(!rw.can_finish_lock());
    }

    #[test]
    fn misuse_is_fatal() {
        let mut rw = RwMutexState::default();
        assert_eq!(
            rw.runlock(Gid(0), &a()).unwrap_err().message(),
            "fatal error: sync: RUnlock of unlocked RWMutex"
        );
        assert_eq!(
            rw.unlock(&a(), Arrival(1)).unwrap_err().message(),
            "fatal error: sync: Unlock of unlocked RWMutex"
        );
        // RUnlock while only a writer holds it is also fatal.
        rw.start_lock(Gid(0), &a()).unwrap();
        assert!(matches!(rw.runlock(Gid(0), &a()), Err(PrimError::Fatal(_))));
    }

    #[test]
    fn try_variants() {
        let mut rw = RwMutexState::default();
        assert!(rw.try_rlock(Gid(0), &a()).is_some());
        assert!(rw.try_lock(Gid(1), &a()).is_none());
        rw.runlock(Gid(0), &a()).unwrap();
        assert!(rw.try_lock(Gid(1), &a()).is_some());
        assert!(rw.try_rlock(Gid(0), &a()).is_none());
        assert_eq!(rw.go_fields(), (1, -MAX_READERS, 0));
    }
}
