//! Go's lock wait queues in a run: which goroutine parked at a `sync.Mutex`'s `Lock`, or at
//! an `RWMutex`'s `Lock` or `RLock`, may take the lock next.
//!
//! Go 1.19 (`sync/mutex.go`, `runtime/sema.go`): a goroutine that finds a mutex locked queues
//! FIFO on its semaphore; `Unlock` wakes the head of the queue, which competes only with the
//! goroutines arriving at `Lock` right then (barging: one that finds the mutex free takes it
//! at once, while the woken waiter is not running yet); a woken waiter that loses goes back to
//! the front of the queue (after 1 ms, starvation mode hands the mutex to it directly). An
//! `RWMutex`'s writers queue on its mutex `w` alike, and its `Unlock` first releases every
//! reader that blocked during the write hold (`readerCount += rwmutexMaxReaders`: they hold
//! the read lock before `w` is free), so no writer's `Lock` passes them (`sync/rwmutex.go`).
//!
//! The rule of a run (`WakeOrder::receivers_arrived`, as for the channels' FIFO queues,
//! `Machine::partner_in`): every goroutine parked at a lock operation has its arrival number
//! ([`Arrival`], `Goroutine::arrival`), every lock the arrival number of its last `Unlock`
//! (`MutexState::freed`, `RwMutexState::freed`). Of the goroutines parked at the `Lock` of a
//! free lock that arrived before that `Unlock` (its queued waiters: they were parked while it
//! was held), only the earliest arrival may take it (of those that arrived in one step, any:
//! they arrived in either order, [`Arrival::same_step`]); each one that arrived after the
//! `Unlock` may too (it barges in: nothing in a run says the woken waiter runs first; Go shows
//! both orders, `tests/programs/mutex_unlock_relock.go`). An RWMutex's writer may start its
//! `Lock` only once no goroutine parked at its `RLock` arrived before its last `Unlock`. The
//! head of a queue waits in it as long as it is parked, so a waiter that loses to a barging
//! goroutine stays the head (Go's LIFO requeue). Starvation mode is not modelled (a run may
//! let barging goroutines pass a waiter for longer than 1 ms).
//!
//! A `sync.Map` call's internal `mu` queues alike: a call parked before taking `mu`
//! (`Phase::Lock`) has its arrival, and the locked step that unlocks `mu` its `Unlock`'s.
//!
//! A search keeps the general rule (any goroutine parked at a free lock may take it): there an
//! arrival may come after any step of another goroutine, so every order Go shows under delays
//! stays reachable, and a run's outcome is one of the searched ones.
//!
//! The earliest arrival of a queue comes from [`LockQueues`] (ordered sets per lock and
//! operation), kept beside the wait index in a run (a goroutine bomb queues thousands on one
//! mutex: the head costs O(log n), not a scan); elsewhere from a scan of the goroutines.

use super::gid_set::GidSet;
use super::*;
use crate::rt::goroutine::Arrival;
use std::collections::{BTreeMap, BTreeSet};

/// The lock operation a goroutine is parked at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum LockWait {
    /// `sync.Mutex.Lock`.
    Lock,
    /// `sync.RWMutex.Lock` (its first step: taking `w`).
    WriteLock,
    /// `sync.RWMutex.RLock`.
    ReadLock,
    /// A `sync.Map` call's `mu.Lock()` (the lock's pointer is the map's).
    MapLock,
}

/// The lock operation `v` is, with its lock's pointer: a `Lock`, `RLock` or a `sync.Map`
/// call about to take its `mu`.
fn lock_op(v: &Visible) -> Option<(Pointer, LockWait)> {
    match v {
        Visible::Lib { func, args, .. } => {
            let wait = match func {
                LibFunc::MutexLock => LockWait::Lock,
                LibFunc::RwMutexLock => LockWait::WriteLock,
                LibFunc::RwMutexRLock => LockWait::ReadLock,
                _ => return None,
            };
            match args.first() {
                Some(Value::Ptr(Some(p))) => Some((p.clone(), wait)),
                _ => None,
            }
        }
        Visible::SyncMap(f) if f.op.phase == crate::rt::sync_map::Phase::Lock => {
            Some((f.ptr.clone(), LockWait::MapLock))
        }
        _ => None,
    }
}

/// A queue: a lock (its address) and the operation parked at it.
pub(crate) type QueueKey = (Pointer, LockWait);

/// The goroutines parked at lock operations, per lock and operation, by arrival (see the
/// module docs).
#[derive(Clone, Debug, Default)]
pub(crate) struct LockQueues {
    /// Per queue, its goroutines by arrival.
    // Invariant: no empty set; `(a, g)` is in `queues[k]` iff `filed[g] == (k, a)`.
    queues: BTreeMap<QueueKey, BTreeSet<(Arrival, Gid)>>,
    /// Per goroutine parked at a lock operation, its queue and arrival.
    filed: BTreeMap<Gid, (QueueKey, Arrival)>,
    /// The goroutines filed at a `Lock` (a mutex's or an RWMutex's): a run's candidates leave
    /// them out of the wait index's movable set and add those whose turn it is
    /// ([`RunCandidates`]).
    // Invariant: `g` is in `queued` iff `filed[g]`'s operation is not `LockWait::ReadLock`.
    queued: GidSet,
}

impl LockQueues {
    /// File `g` where it is now parked (`None`: at no lock operation).
    fn refile(&mut self, g: Gid, now: Option<(QueueKey, Arrival)>) {
        if self.filed.get(&g) == now.as_ref() {
            return;
        }
        if let Some((k, a)) = self.filed.remove(&g) {
            self.queued.remove(g);
            if let Some(q) = self.queues.get_mut(&k) {
                q.remove(&(a, g));
                if q.is_empty() {
                    self.queues.remove(&k);
                }
            }
        }
        if let Some((k, a)) = now {
            if k.1 != LockWait::ReadLock {
                self.queued.insert(g);
            }
            self.queues.entry(k.clone()).or_default().insert((a, g));
            self.filed.insert(g, (k, a));
        }
    }

    /// The earliest arrival in queue `k`.
    fn head(&self, k: &QueueKey) -> Option<Arrival> {
        self.queues.get(k)?.first().map(|(a, _)| *a)
    }
}

/// What [`Machine::lock_passes`] finds: whether the goroutines passed are an RWMutex's
/// readers let in first, the arrival they came before, and them with their arrivals.
pub(super) type LockPasses = (bool, Arrival, Vec<(Arrival, Gid)>);

/// A lock's queue heads and last `Unlock`, looked up once while a run's moves are listed
/// ([`Machine::lock_turn`]).
#[derive(Default)]
pub(super) struct LockTurns(Vec<(Pointer, LockState)>);

/// What decides whose turn it is at one lock.
#[derive(Clone, Copy)]
struct LockState {
    /// Its last `Unlock`.
    freed: Arrival,
    /// The earliest arrival parked at its `Lock` (an RWMutex's: its writers').
    head: Option<Arrival>,
    /// An RWMutex: a goroutine parked at its `RLock` arrived before its last `Unlock`.
    readers_first: bool,
}

/// A run's candidates while the lock queues are kept (`wait_index::Candidates`): the wait
/// index's movable goroutines but those parked at a `Lock`, merged in id order with the ones
/// whose turn it is at a free lock ([`Machine::lock_turns`]): listing a run's moves costs a
/// word per 64 goroutines and the goroutines that may move, not the thousands queued on a
/// free mutex.
#[derive(Clone)]
pub(super) struct RunCandidates<'a> {
    /// The machine.
    m: &'a Machine,
    /// The candidates' ids.
    ids: RunCandidateIds<'a>,
}

/// The ids of [`RunCandidates`], each with whether it is parked at a `Lock` (its turn may
/// have come): the others are the movable goroutines not parked at a `Lock`.
#[derive(Clone)]
pub(super) struct RunCandidateIds<'a> {
    /// The movable goroutines not parked at a `Lock`.
    rest: std::iter::Peekable<super::gid_set::Iter<'a>>,
    /// The goroutines parked at a `Lock` whose turn it is, ascending.
    turns: std::iter::Peekable<std::vec::IntoIter<Gid>>,
}

impl<'a> RunCandidateIds<'a> {
    /// The candidates of `m`, whose wait index's movable set is `movable` and lock queues
    /// `queues`.
    pub(super) fn new(
        m: &Machine,
        movable: &'a GidSet,
        queues: &'a LockQueues,
    ) -> RunCandidateIds<'a> {
        RunCandidateIds {
            rest: movable.iter_minus(&queues.queued).peekable(),
            turns: m.lock_turns(queues).into_iter().peekable(),
        }
    }
}

impl Iterator for RunCandidateIds<'_> {
    type Item = (Gid, bool);

    fn next(&mut self) -> Option<(Gid, bool)> {
        match (self.rest.peek(), self.turns.peek()) {
            (Some(a), Some(b)) if b < a => self.turns.next().map(|g| (g, true)),
            (Some(_), _) => self.rest.next().map(|g| (g, false)),
            (None, _) => self.turns.next().map(|g| (g, true)),
        }
    }
}

impl<'a> RunCandidates<'a> {
    /// The candidates of `m`, whose wait index is `w` and lock queues `queues`.
    pub(super) fn new(
        m: &'a Machine,
        movable: &'a GidSet,
        queues: &'a LockQueues,
    ) -> RunCandidates<'a> {
        RunCandidates {
            m,
            ids: RunCandidateIds::new(m, movable, queues),
        }
    }
}

impl<'a> Iterator for RunCandidates<'a> {
    type Item = &'a Goroutine;

    fn next(&mut self) -> Option<&'a Goroutine> {
        loop {
            let (g, _) = self.ids.next()?;
            if let Some(g) = self.m.goroutines.get(g.0 as usize) {
                return Some(g);
            }
        }
    }
}

impl Machine {
    /// The goroutines parked at a `Lock` whose turn it is at a free lock (in a run, with the
    /// queues kept and the wait index fresh), ascending: per queue whose lock the index finds
    /// free, the first arrivals and those after its last `Unlock`.
    fn lock_turns(&self, queues: &LockQueues) -> Vec<Gid> {
        let mut out = Vec::new();
        for ((p, wait), set) in &queues.queues {
            if *wait == LockWait::ReadLock {
                continue;
            }
            let Some(&(head, first)) = set.first() else {
                continue;
            };
            // Every goroutine of a queue is in one class of the index: free for all or none.
            if self.fresh_index().and_then(|w| w.enabled_of(first)) != Some(true) {
                continue;
            }
            let Some(state) = self.lock_state(p) else {
                continue;
            };
            if *wait == LockWait::WriteLock && state.readers_first {
                continue;
            }
            let firsts = set.iter().take_while(|(a, _)| a.same_step(head));
            let after = set.range((
                std::ops::Bound::Excluded((state.freed, Gid(u32::MAX))),
                std::ops::Bound::Unbounded,
            ));
            out.extend(firsts.chain(after).map(|(_, g)| *g));
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Where `g` waits in a lock queue: parked at a lock operation, with its arrival.
    fn lock_wait(g: &Goroutine) -> Option<(QueueKey, Arrival)> {
        if g.status != GoStatus::Parked {
            return None;
        }
        let (p, wait) = lock_op(g.next.as_ref()?)?;
        Some(((p, wait), g.arrival))
    }

    /// File the goroutines `touched` (ids) anew in the lock queues, when they are kept (the
    /// wait index's update, `wait_index::file_goroutines`).
    pub(super) fn refile_lock_waits(&mut self, touched: &[usize]) {
        let Some(mut queues) = self.lock_queues.take() else {
            return;
        };
        for &i in touched {
            let now = self.goroutines.get(i).and_then(Machine::lock_wait);
            queues.refile(Gid(i as u32), now);
        }
        self.lock_queues = Some(queues);
    }

    /// Keep the lock queues exactly when the wait index is kept and the machine makes a
    /// run's moves (built from the goroutines when they start to be kept): after the index is
    /// built and whenever the wake order changes.
    pub(super) fn keep_lock_queues(&mut self) {
        let keep = self.index_kept() && self.queues_arrived();
        if !keep {
            self.lock_queues = None;
        } else if self.lock_queues.is_none() {
            let mut queues = LockQueues::default();
            for g in self.goroutines.iter() {
                if let Some(at) = Machine::lock_wait(g) {
                    queues.refile(g.gid, Some(at));
                }
            }
            self.lock_queues = Some(Box::new(queues));
        }
    }

    /// The earliest arrival among the goroutines parked at operation `wait` of the lock at
    /// `p`: from the kept queues when they match the machine, else a scan.
    fn queue_head(&self, p: &Pointer, wait: LockWait) -> Option<Arrival> {
        let scan = || {
            self.goroutines
                .iter()
                .filter_map(Machine::lock_wait)
                .filter(|((q, w), _)| *w == wait && q == p)
                .map(|(_, a)| a)
                .min()
        };
        match &self.lock_queues {
            Some(queues) if self.index_fresh() => {
                let head = queues.head(&(p.clone(), wait));
                if cfg!(debug_assertions) && self.goroutines.len() <= DEBUG_SCAN_MAX {
                    debug_assert_eq!(head, scan(), "the lock queue's head differs from a scan's");
                }
                head
            }
            _ => scan(),
        }
    }

    /// What decides whose turn it is at the lock at `p` (`None`: not a mutex).
    fn lock_state(&self, p: &Pointer) -> Option<LockState> {
        match self.heap.sync(p).ok()? {
            SyncState::Mutex(s) => Some(LockState {
                freed: s.freed(),
                head: self.queue_head(p, LockWait::Lock),
                readers_first: false,
            }),
            SyncState::RwMutex(s) => Some(LockState {
                freed: s.freed(),
                head: self.queue_head(p, LockWait::WriteLock),
                readers_first: self
                    .queue_head(p, LockWait::ReadLock)
                    .is_some_and(|r| r < s.freed()),
            }),
            SyncState::Map(s) => Some(LockState {
                freed: s.mu.freed(),
                head: self.queue_head(p, LockWait::MapLock),
                readers_first: false,
            }),
            _ => None,
        }
    }

    /// The goroutines `gid`'s `Lock` (`v`, its lock free) passes when Go's queue order (the
    /// module docs) would not let it take the lock now: `None` when the order lets it (or
    /// `v` is no `Lock`). `Some((true, at, …))`: an RWMutex's readers blocked during its last
    /// write hold, which Go lets in first (`at`: that `Unlock`); `Some((false, at, …))`: the
    /// waiters queued before it (`at`: its own arrival) and before the lock's last `Unlock`.
    /// Each with its arrival, by arrival. The rule is [`Machine::lock_turn`]'s; a search
    /// (which does not follow it) asks this of each move of an outcome's path
    /// (`Machine::overtaking`).
    pub(super) fn lock_passes(&self, gid: Gid, v: &Visible) -> Option<LockPasses> {
        let (p, op) = lock_op(v)?;
        let p = &p;
        if self.lock_turn(gid, v, &mut LockTurns::default()) {
            return None;
        }
        let state = self.lock_state(p)?;
        let mine = self.goroutines.get(gid.0 as usize)?.arrival;
        let readers_first = op == LockWait::WriteLock && state.readers_first;
        let (wait, before) = match (op, readers_first) {
            (LockWait::WriteLock, true) => (LockWait::ReadLock, state.freed),
            (op, _) => (op, mine),
        };
        let mut ahead: Vec<(Arrival, Gid)> = self
            .goroutines
            .iter()
            .filter_map(|g| Some((g.gid, Machine::lock_wait(g)?)))
            .filter(|(_, ((q, w), a))| {
                *w == wait && q == p && *a < before && (readers_first || !a.same_step(before))
            })
            .map(|(g, (_, a))| (a, g))
            .collect();
        ahead.sort_unstable();
        Some((readers_first, before, ahead))
    }

    /// In a run, whether `gid`, parked at `v`, may take its lock by Go's queue order (the
    /// module docs), when the lock lets it (the rule of a search, [`Machine::enabled_in`]);
    /// `true` for any other operation. `turns` caches each lock's state while the moves of
    /// one state are listed.
    pub(super) fn lock_turn(&self, gid: Gid, v: &Visible, turns: &mut LockTurns) -> bool {
        let Some((p, op)) = lock_op(v) else {
            return true;
        };
        if op == LockWait::ReadLock {
            return true;
        }
        let p = &p;
        let state = match turns.0.iter().find(|(q, _)| q == p) {
            Some((_, s)) => *s,
            None => {
                let Some(s) = self.lock_state(p) else {
                    return true;
                };
                turns.0.push((p.clone(), s));
                s
            }
        };
        if op == LockWait::WriteLock && state.readers_first {
            return false;
        }
        let Some(mine) = self.goroutines.get(gid.0 as usize).map(|g| g.arrival) else {
            return true;
        };
        mine > state.freed || state.head.is_none_or(|head| mine.same_step(head))
    }
}
