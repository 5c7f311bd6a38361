//! Persistent sets of one move for the goroutine that holds every lock (`target::persistent`,
//! Godefroid 1996, ch. 4).
//!
//! When every unlock is paired (`bytecode::mutex_pairing`: a lock is released only by the
//! goroutine whose call took it), no goroutine may create a lock ([`Machine::lock_set`]: every
//! lock that may ever be taken exists), and goroutine `g` holds every `sync.Mutex` and the
//! write side of every `sync.RWMutex`, then until `g` moves again no other goroutine gets past
//! its next `Lock` or `RLock`: each lock it could take is `g`'s, and only `g` can release it.
//! Every step the others can make before `g`'s next one is therefore in their futures up to
//! their next lock ([`Barrier::AnyLock`]: what they and the goroutines they spawn before it
//! may do), and a step of plain memory or map accesses (a critical section's body) is a
//! persistent set alone when its classes conflict with none of them: the others touch that data
//! only under a lock. (Not done: `g`'s unlock alone where no other goroutine touches a sync
//! object before its next lock; the futures up to a lock count the lock call's own class, and
//! no measured program gained from it.)

use super::Target;
use crate::bytecode::future::{Barrier, Classes, Futures};
use crate::rt::event::Gid;
use crate::rt::goroutine::Goroutine;
use crate::rt::machine::Machine;
use crate::rt::rwmutex::WriterPhase;
use crate::rt::sync_state::SyncState;

impl Machine {
    /// `gid` holds every lock there is and will be, exclusively, and only it can release them
    /// (see the module docs). `all` is [`Machine::goroutine_futures`] of this state.
    pub(super) fn holds_every_lock(&self, gid: Gid, all: &[Classes]) -> bool {
        if !self.futures().is_some_and(Futures::unlocks_paired) {
            return false;
        }
        let Some(locks) = self.lock_set(all) else {
            return false;
        };
        !locks.is_empty()
            && locks.iter().all(|(p, _)| match self.heap.sync(p) {
                Ok(SyncState::Mutex(m)) => m.holder() == Some(gid),
                Ok(SyncState::RwMutex(rw)) => {
                    rw.writer() == WriterPhase::Active && rw.writer_gid() == Some(gid)
                }
                _ => false,
            })
    }

    /// What goroutine `g` (`gid`) may do up to its next lock ([`Barrier::AnyLock`]).
    pub(super) fn future_before_lock(&self, gid: Gid, g: &Goroutine, futures: &Futures) -> Classes {
        self.goroutine_future(gid, g, futures, Barrier::AnyLock, &mut |h| {
            Target::footprint(self, h)
        })
    }
}
