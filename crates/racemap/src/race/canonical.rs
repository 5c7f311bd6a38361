//! The race detector's canonical form ([`Detector::hash_canonical`]), the stateful search's
//! key for the detector (`explore::stateful`): clock values replaced by what future verdicts
//! can observe of them, accesses no future access can race with left out.
//!
//! An access is dead (left out) when every other goroutine that may still run knows it (its
//! clock is past the access's epoch), may make no access that races with it (the static future
//! of `bytecode::future`), or, with [`LockGuards`], makes every such access only after taking a
//! lock that knows it already: lock-guarded liveness, a happens-before argument. The acquire of
//! a `Lock` or `RLock` joins the lock's release clock `L_s`, and release clocks only grow; so
//! when the goroutine's future up to its next lock ([`Barrier`](crate::bytecode::future::Barrier))
//! has no racing access and the release clock of *every* lock it could take already knows the
//! access, every racing access it makes comes after it. Every lock means every `Mutex` and
//! `RWMutex` in the heap, and none created later ([`Classes::LOCK_NEW`] in no future; a lock
//! created later would know nothing). `RLock` acquires the writers' side (`SyncVar::Lock`) only;
//! `Lock` of an `RWMutex` both sides: a read's racing accesses (writes) guarded by exclusive
//! locks are after it once each lock's writers' side or readers' side knows it (a read under
//! `RLock` is released into the readers' side by its `RUnlock`).
//!
//! Wait-guarded liveness ([`LockGuards::wait_groups`], `target::wait_guards`) is the same
//! argument through a `sync.WaitGroup`: a `Wait` that returns acquires the WaitGroup's release
//! clock, which each `Done` joins. When the goroutine's future up to its next `Wait`
//! (`Barrier::Wait`) has no racing access, and for *every* WaitGroup in the heap (none created
//! later: [`Classes::WAIT_NEW`]) either its release clock knows the access already, or some
//! goroutine that knows it has a `Done` on it on its way that every `Wait` returning from now on
//! must come after (the counter argument of `target::wait_guards`), every racing access it
//! makes comes after the access. This is how the channel preset's sends, which main's `close`
//! after `wg.Wait()` could otherwise race with, are forgotten.

use super::detector::{stack_key, Access, Detector, Reads, VarState};
use crate::bytecode::future::{Barrier, Classes};
use crate::race::vclock::{Epoch, VClock};
use crate::rt::event::{Gid, Loc, SyncVar};
use crate::rt::machine::Renaming;
use crate::rt::value::Pointer;
use std::cell::{OnceCell, RefCell};

/// What lock-guarded liveness needs of a state (see the module docs), asked for only when
/// an access is judged by it, and each goroutine's part only for that goroutine.
pub trait LockGuards {
    /// Every `sync.Mutex` and `sync.RWMutex` in the heap (true for an RWMutex); `None` where
    /// lock-guarded liveness does not apply. Invariant on `Some`: no goroutine may create
    /// another.
    fn locks(&mut self) -> Option<Vec<(Pointer, bool)>>;
    /// What goroutine `u` may do before it next takes a lock of `barrier`'s kind
    /// (`Barrier::AnyLock`: any lock; `Barrier::ExclusiveLock`: an exclusive one); `None`
    /// when there is no such goroutine.
    fn until(&mut self, u: usize, barrier: Barrier) -> Option<Classes>;
    /// Every `sync.WaitGroup` in the heap, with the goroutines whose `Done` on it every `Wait`
    /// on it that returns from now on comes after (empty when none is known to); `None` where
    /// wait-guarded liveness does not apply. Invariant on `Some`: no goroutine may create
    /// another WaitGroup. ([`LockGuards::until`] with `Barrier::Wait` is what a goroutine may
    /// do before its next `Wait`.)
    fn wait_groups(&mut self) -> Option<Vec<WaitGroupDones>>;
}

/// A `sync.WaitGroup` and the goroutines whose `Done` on it every `Wait` on it that returns
/// from now on comes after ([`LockGuards::wait_groups`]).
pub type WaitGroupDones = (Pointer, Vec<Gid>);

/// [`LockGuards`] asked once each: the locks, and each goroutine's future per barrier.
struct Guards<'g> {
    /// Where the facts come from.
    source: RefCell<&'g mut dyn LockGuards>,
    /// The locks, once asked.
    locks: OnceCell<Option<Vec<(Pointer, bool)>>>,
    /// The WaitGroups, once asked.
    waits: OnceCell<Option<Vec<WaitGroupDones>>>,
    /// Per goroutine, its futures up to any lock, up to an exclusive lock and up to a `Wait`,
    /// once asked.
    until: RefCell<Vec<[Option<Option<Classes>>; 3]>>,
}

impl<'g> Guards<'g> {
    /// Facts from `source`, each asked for when first needed.
    fn new(source: &'g mut dyn LockGuards) -> Guards<'g> {
        Guards {
            source: RefCell::new(source),
            locks: OnceCell::new(),
            waits: OnceCell::new(),
            until: RefCell::new(Vec::new()),
        }
    }

    /// [`LockGuards::locks`], asked once.
    fn locks(&self) -> Option<&[(Pointer, bool)]> {
        self.locks
            .get_or_init(|| self.source.borrow_mut().locks())
            .as_deref()
    }

    /// [`LockGuards::wait_groups`], asked once.
    fn waits(&self) -> Option<&[WaitGroupDones]> {
        self.waits
            .get_or_init(|| self.source.borrow_mut().wait_groups())
            .as_deref()
    }

    /// [`LockGuards::until`], asked once per goroutine and barrier.
    fn until(&self, u: usize, barrier: Barrier) -> Option<Classes> {
        let b = match barrier {
            Barrier::ExclusiveLock => 1,
            Barrier::Wait => 2,
            Barrier::None | Barrier::AnyLock => 0,
        };
        if let Some(known) = self.until.borrow().get(u).and_then(|e| e[b]) {
            return known;
        }
        let answer = self.source.borrow_mut().until(u, barrier);
        let mut memo = self.until.borrow_mut();
        if memo.len() <= u {
            memo.resize(u + 1, [None, None, None]);
        }
        memo[u][b] = Some(answer);
        answer
    }
}

/// The level of one clock value `v` of component `t` in the canonical form
/// ([`Detector::hash_canonical`]): how many of `t`'s recorded access epochs (`live`, sorted,
/// distinct) are at most `v`. `top` is `C_t[t]` (`None` when `t` has no clock yet: then every
/// value of the component is 0). A value at or above `top` outside `C_t` breaks the invariant the
/// form relies on; it is then kept apart from every level (`u32::MAX - 1` and its distance).
fn level(live: &[Epoch], top: Option<u32>, v: u32) -> u64 {
    match top {
        Some(top) if v >= top => (1 << 32) + u64::from(v - top),
        _ => live.partition_point(|a| a.clock <= v) as u64,
    }
}

impl Detector {
    /// [`Detector::hash_canonical_guarded`] without lock-guarded liveness.
    pub fn hash_canonical<H: std::hash::Hasher>(
        &self,
        h: &mut H,
        keep_reports: bool,
        futures: Option<&[Classes]>,
    ) {
        self.hash_canonical_guarded(h, keep_reports, futures, None, None);
    }

    /// Feed `h` what decides this detector's future verdicts, in a canonical form: two
    /// detectors fed the same one report a race on exactly the same future accesses (the
    /// explorer's state caching, `explore::stateful`). Once a race was reported, only that fact
    /// is fed unless `keep_reports` (a test counts the races reported during it: then the
    /// suppression sets and the stacks they compare are fed too).
    ///
    /// Why the form is exact. Between two steps, for every goroutine `t`, `C_t[t]` ("top") is
    /// larger than component `t` of every other clock (`L_s` and `C_u`): `t` exports its clock
    /// only by a release or a spawn, and advances its own entry right after; and every recorded
    /// access epoch of `t` is at most top (it is `C_t[t]` when made). Verdicts read clock values
    /// of component `t` only through `a ≤ v` with `a` an access epoch of `t` and `v` in another
    /// goroutine's clock (`unordered`, the read-shared rule: both skip `t`'s own clock), and
    /// through `a == (t, top)` (`same_epoch`). Joins take maxima, a release or spawn advances
    /// top past everything, a new access epoch is top, accesses are dropped when overwritten.
    /// So a value `v < top` of component `t` matters only through how many of `t`'s recorded
    /// access epochs are at most `v` (its level; joins give the maximum level), top only as
    /// "top", and an access epoch through its rank among `t`'s (or "top" when it equals top).
    /// Mapping every value to that is a bisimulation: the successor's form is a function of
    /// the predecessor's form and the step, and the verdicts of the step are too. Left out:
    /// what only a report's text uses (stacks, runtime frames, creation sites, Go numbers,
    /// `iterating`), the clocks of exited goroutines (no event of theirs follows), and, before
    /// any report, the (then empty) suppression sets.
    ///
    /// Dead accesses are left out, as if never recorded: those no future access can race
    /// with. An access of goroutine `g` at epoch `e` is dead when every goroutine `u ≠ g`
    /// that has not exited either knows it (`C_u[g] ≥ e`: clocks only grow) or, by `futures`
    /// (what each goroutine may still do, its future goroutines included: `bytecode::future`),
    /// can make no access of the kind that races with it (a read of a map nobody may write
    /// any more), or takes a lock that knows it before any such access (`guards`, asked for
    /// only when needed: see the module docs). A goroutine created later starts from its
    /// creator's clock and is in its creator's future. Two states with the same machine state and forms that differ only in
    /// dead accesses give the same verdicts on every continuation.
    ///
    /// With a `renaming` of goroutines (the explorer's symmetry reduction,
    /// `rt::machine::Renaming`), the form is the one of the detector whose goroutines are
    /// renamed: clocks in the new order, each clock's components and each access epoch's
    /// goroutine renamed.
    pub fn hash_canonical_guarded<H: std::hash::Hasher>(
        &self,
        h: &mut H,
        keep_reports: bool,
        futures: Option<&[Classes]>,
        guards: Option<&mut dyn LockGuards>,
        renaming: Option<&Renaming>,
    ) {
        let new_of = |t: usize| renaming.map_or(t, |r| r.new_of(t as u32) as usize);
        use std::hash::Hash;
        let reported = !self.reports.is_empty();
        reported.hash(h);
        if reported && !keep_reports {
            return;
        }
        let n = self.clocks.len();
        let tops: Vec<u32> = self
            .clocks
            .iter()
            .enumerate()
            .map(|(t, c)| c.get(Gid(t as u32)))
            .collect();
        let top = |t: usize| tops.get(t).copied();
        let unfinished = self.unfinished();
        let guards = guards.map(Guards::new);
        let dead = |loc: &Loc, a: &Access| self.dead(loc, a, &unfinished, futures, guards.as_ref());
        // Which recorded accesses are live, in the order `var_accesses` gives them (each judged
        // once), and their epochs, sorted: `live[starts[t]..starts[t + 1]]` are `t`'s.
        let mut alive: Vec<bool> = Vec::new();
        let mut live: Vec<Epoch> = Vec::new();
        for (loc, var) in self.vars.iter() {
            for a in var_accesses(var) {
                let l = !dead(loc, a);
                alive.push(l);
                if l {
                    live.push(a.epoch);
                }
            }
        }
        live.sort_unstable();
        live.dedup();
        let starts: Vec<usize> = (0..=n)
            .map(|t| live.partition_point(|e| (e.gid.0 as usize) < t))
            .collect();
        let live_of = |t: usize| match (starts.get(t), starts.get(t + 1)) {
            (Some(&a), Some(&b)) => &live[a..b],
            _ => &[],
        };
        // A clock: its entries of nonzero level (by goroutine, renamed), the owner's own entry
        // as "top" (a missing entry is 0, whose level is 0). Only goroutines with a live
        // access have entries of nonzero level: a value below every live access epoch of its
        // goroutine is as good as 0, and a value of component `t` in a clock not `t`'s is
        // below `t`'s top (the invariant above), so the entries of the others are not read
        // (a clock of a goroutine bomb has thousands of them).
        let hot: Vec<usize> = (0..n).filter(|&t| !live_of(t).is_empty()).collect();
        let mut levels: Vec<(usize, u64)> = Vec::new();
        let mut clock = |h: &mut H, c: &VClock, owner: Option<usize>| {
            levels.clear();
            for &t in &hot {
                if Some(t) != owner {
                    let l = level(live_of(t), top(t), c.get(Gid(t as u32)));
                    if l != 0 {
                        levels.push((new_of(t), l));
                    }
                }
            }
            debug_assert!((0..c.len_trimmed()).all(|t| Some(t) == owner
                || !live_of(t).is_empty()
                || level(live_of(t), top(t), c.get(Gid(t as u32))) == 0));
            if let Some(o) = owner {
                levels.push((new_of(o), u64::MAX));
            }
            levels.sort_unstable();
            levels.hash(h);
        };
        let access = |h: &mut H, a: &Access| {
            let t = a.epoch.gid.0 as usize;
            (new_of(t) as u32).hash(h);
            if top(t) == Some(a.epoch.clock) {
                u64::MAX.hash(h);
            } else {
                level(live_of(t), top(t), a.epoch.clock).hash(h);
            }
            a.write.hash(h);
            a.atomic.hash(h);
            if keep_reports {
                stack_key(a).hash(h);
            }
        };
        n.hash(h);
        // In the renamed order (every clock once: the renaming permutes `0..n` when it
        // covers the machine's goroutines; a clock past it keeps its place).
        let ids = renaming.map_or(0, |r| r.order.len()).max(n);
        for new in 0..ids {
            let t = renaming.map_or(new, |r| r.old_of(new as u32) as usize);
            let Some(c) = self.clocks.get(t) else {
                u8::MAX.hash(h);
                continue;
            };
            // An exited goroutine makes no more accesses and releases nothing: its clock is
            // dead (its top still tells its access epochs apart, above).
            let finished = self.goroutines[t].finished;
            finished.hash(h);
            if !finished {
                clock(h, c, Some(t));
            }
        }
        self.syncs.len().hash(h);
        for (var, c) in self.syncs.iter() {
            var.hash(h);
            clock(h, c, None);
        }
        // Locations with a live access. A dead read in epoch form is like no read (the next
        // read replaces either); a read-shared set keeps its form, with its live reads.
        let mut k = 0;
        for (loc, var) in self.vars.iter() {
            let nw = usize::from(var.write.is_some());
            let nr = reads_of(var).count();
            let flags = &alive[k..k + nw + nr + var.atomics.len()];
            k += flags.len();
            let write = var.write.as_ref().filter(|_| flags[0]);
            let (read_flags, atomic_flags) = flags[nw..].split_at(nr);
            let live_reads = read_flags.iter().filter(|l| **l).count();
            let live_atomics = atomic_flags.iter().filter(|l| **l).count();
            // Without reports kept, whether a race is reported does not depend on the shape of
            // the reads: a read-shared set of dead reads is like none.
            let shared = matches!(var.reads, Reads::Shared(_)) && (keep_reports || live_reads > 0);
            if write.is_none() && live_reads == 0 && live_atomics == 0 && !shared {
                continue;
            }
            loc.hash(h);
            write.is_some().hash(h);
            if let Some(w) = write {
                access(h, w);
            }
            shared.hash(h);
            live_reads.hash(h);
            let reads = reads_of(var).zip(read_flags).filter(|(_, l)| **l);
            let atomics = var.atomics.values().zip(atomic_flags).filter(|(_, l)| **l);
            match renaming {
                // Under a renaming, a set of accesses (one per goroutine, kept by goroutine
                // id) in the order of the new names.
                Some(_) => {
                    let mut set: Vec<&Access> = reads.map(|(r, _)| r).collect();
                    set.sort_by_key(|a| new_of(a.epoch.gid.0 as usize));
                    for r in set {
                        access(h, r);
                    }
                    live_atomics.hash(h);
                    let mut set: Vec<&Access> = atomics.map(|(a, _)| a).collect();
                    set.sort_by_key(|a| new_of(a.epoch.gid.0 as usize));
                    for a in set {
                        access(h, a);
                    }
                }
                None => {
                    for (r, _) in reads {
                        access(h, r);
                    }
                    live_atomics.hash(h);
                    for (a, _) in atomics {
                        access(h, a);
                    }
                }
            }
        }
        u8::MAX.hash(h);
        if keep_reports {
            self.reports.len().hash(h);
            self.reported_locs.hash(h);
            self.reported_stacks.hash(h);
            for g in &self.goroutines {
                g.iterating.hash(h);
            }
        }
    }
}

impl Detector {
    /// The goroutines that have not exited.
    fn unfinished(&self) -> Vec<usize> {
        self.goroutines
            .iter()
            .enumerate()
            .filter(|(_, g)| !g.finished)
            .map(|(t, _)| t)
            .collect()
    }

    /// Access `a` of `loc` is dead: every goroutine of `unfinished` but its own knows it, may
    /// make no access racing with it (`futures`), or makes every such access only after a lock
    /// or a `Wait` that knows it (`guards`): see [`Detector::hash_canonical_guarded`].
    fn dead(
        &self,
        loc: &Loc,
        a: &Access,
        unfinished: &[usize],
        futures: Option<&[Classes]>,
        guards: Option<&Guards<'_>>,
    ) -> bool {
        let g = a.epoch.gid;
        let races = racing_classes(loc, a);
        unfinished.iter().all(|&u| {
            u == g.0 as usize
                || self.clocks[u].get(g) >= a.epoch.clock
                || futures.is_some_and(|f| f.get(u).is_some_and(|c| !c.any(races)))
                || futures.is_some()
                    && guards.is_some_and(|guards| {
                        self.guarded(guards, u, a, races) || self.wait_guarded(guards, u, a, races)
                    })
        })
    }

    /// Every access the canonical form keeps live here ([`Detector::hash_canonical_guarded`]
    /// with these `futures` and `guards`) is inert: made by a goroutine of `stopped`, and
    /// known to no other goroutine that has not exited and to no sync variable (the explorer's
    /// commuting atomic adds, `target::atomic_commute`). True once a race was reported (the
    /// form is then that fact alone).
    pub fn live_inert(
        &self,
        futures: &[Classes],
        guards: Option<&mut dyn LockGuards>,
        stopped: &[Gid],
    ) -> bool {
        if !self.reports.is_empty() {
            return true;
        }
        let unfinished = self.unfinished();
        let guards = guards.map(Guards::new);
        let inert = |a: &Access| {
            let x = a.epoch.gid;
            let known = |c: &VClock| c.get(x) >= a.epoch.clock;
            stopped.contains(&x)
                && unfinished
                    .iter()
                    .all(|&u| u == x.0 as usize || !known(&self.clocks[u]))
                && !self.syncs.values().any(known)
        };
        self.vars.iter().all(|(loc, var)| {
            var_accesses(var)
                .all(|a| inert(a) || self.dead(loc, a, &unfinished, Some(futures), guards.as_ref()))
        })
    }

    /// Goroutine `u` makes every access racing with `a` (one of `races`) only after taking a
    /// lock whose release clock knows `a` (see the module docs).
    fn guarded(&self, guards: &Guards<'_>, u: usize, a: &Access, races: Classes) -> bool {
        let Some(locks) = guards.locks() else {
            return false;
        };
        let knows = |var: SyncVar| {
            self.syncs
                .get(&var)
                .is_some_and(|c: &VClock| c.get(a.epoch.gid) >= a.epoch.clock)
        };
        // The locks' clocks first: a goroutine's future is asked for only when they know `a`.
        let before = |barrier: Barrier| guards.until(u, barrier).is_some_and(|c| !c.any(races));
        (locks.iter().all(|(p, _)| knows(SyncVar::Lock(p.clone()))) && before(Barrier::AnyLock))
            || (locks.iter().all(|(p, rw)| {
                knows(SyncVar::Lock(p.clone())) || *rw && knows(SyncVar::ReadLock(p.clone()))
            }) && before(Barrier::ExclusiveLock))
    }
}

impl Detector {
    /// Goroutine `u` makes every access racing with `a` (one of `races`) only after a `Wait`
    /// that returns after `a` is released into its WaitGroup (see the module docs).
    fn wait_guarded(&self, guards: &Guards<'_>, u: usize, a: &Access, races: Classes) -> bool {
        let Some(groups) = guards.waits() else {
            return false;
        };
        let g = a.epoch.gid;
        let knows = |p: &Pointer| {
            self.syncs
                .get(&SyncVar::WaitGroup(p.clone()))
                .is_some_and(|c: &VClock| c.get(g) >= a.epoch.clock)
        };
        // A goroutine whose `Done` is on its way and that knows `a` releases it with that
        // `Done` (its own accesses it knows).
        let will_release = |h: &Gid| {
            *h == g
                || self
                    .clocks
                    .get(h.0 as usize)
                    .is_some_and(|c| c.get(g) >= a.epoch.clock)
        };
        // The WaitGroups first: a goroutine's future is asked for only when they order `a`.
        groups
            .iter()
            .all(|(p, after)| knows(p) || after.iter().any(will_release))
            && guards
                .until(u, Barrier::Wait)
                .is_some_and(|c| !c.any(races))
    }
}

/// The kinds of operation (`bytecode::future`) whose accesses may race with `a`, an access of
/// `loc`: a write with any plain access of its location, a read with writes, an atomic access
/// with plain ones ([`Classes::PLAIN_MEM`]: not another atomic one); [`Classes::TOP`] is
/// anything.
fn racing_classes(loc: &Loc, a: &Access) -> Classes {
    let kinds = match loc {
        Loc::Heap(_) if a.atomic => Classes::PLAIN_MEM,
        Loc::Heap(_) if a.write => Classes::MEM_READ
            .union(Classes::MEM_WRITE)
            .union(Classes::ATOMIC_MEM),
        Loc::Heap(_) => Classes::MEM_WRITE.union(Classes::ATOMIC_MEM),
        Loc::Map(_) | Loc::MapSlot(..) if a.write => Classes::MAP_READ.union(Classes::MAP_WRITE),
        Loc::Map(_) | Loc::MapSlot(..) => Classes::MAP_WRITE,
        // A close (a write) races with every send and close; a send (a read) with closes.
        Loc::Chan(_) if a.write => Classes::CHAN,
        Loc::Chan(_) => Classes::CHAN_CLOSE,
        Loc::WaitGroupSema(_) => Classes::SYNC,
    };
    kinds.union(Classes::TOP)
}

/// The plain reads recorded for one location.
fn reads_of(var: &VarState) -> impl Iterator<Item = &Access> {
    let (epoch, shared) = match &var.reads {
        Reads::None => (None, None),
        Reads::Epoch(r) => (Some(r), None),
        Reads::Shared(rs) => (None, Some(rs.values())),
    };
    epoch.into_iter().chain(shared.into_iter().flatten())
}

/// Every access recorded for one location: its write, its reads, its atomics.
fn var_accesses(var: &VarState) -> impl Iterator<Item = &Access> {
    var.write
        .iter()
        .chain(reads_of(var))
        .chain(var.atomics.values())
}
