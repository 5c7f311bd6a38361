//! The wait index: which goroutines may move, and what each blocked goroutine waits on, kept
//! up to date step by step so that listing the moves costs O(goroutines that may move) and a
//! step O(what it changed), not O(goroutines) (a goroutine bomb parks 10 000 goroutines on
//! one channel, mutex or `select {}`).
//!
//! Algorithm (change propagation over a dependence index): a parked operation's enabledness is
//! a function of a few *keys* ([`WaitKey`]): the heap cells it reads (a mutex's state), a
//! channel's state (buffer, closed) and which goroutines are parked at a send or a receive on
//! it (rendezvous partners), and which goroutines hold or wait for a file's lock. The machine
//! logs every goroutine, cell and channel a step writes, whatever code path writes it
//! (`CowVec`'s change log). After each step [`Machine::reindex`] turns the log into dirty
//! keys: the written cells and channels, and the keys a written goroutine's position affects
//! (its parking at a channel operation, before and after the step). Every goroutine blocked on
//! a dirty key, and every written goroutine, goes back to the *movable* set; then each
//! movable goroutine is checked once: a parked one whose operation cannot run now is blocked
//! again on the keys of that operation. Invariant between steps: a goroutine outside the
//! movable set is parked at an operation that cannot run, and stays so until one of its keys
//! is written. A blocked operation whose enabledness the keys do not capture (the `testing`
//! package's waits on other goroutines) is never blocked here: it stays movable and is
//! checked at every step, as before the index.
//!
//! The index also finds a rendezvous partner (the goroutine parked at the matching operation
//! that arrived first, Go's FIFO wait queues) from the goroutines parked on the channel, not
//! from all goroutines.
//! Debug builds check both answers against a scan of every goroutine (small machines only).
//! The index is bookkeeping: it changes no choice, and a state's fingerprint ignores it.
//!
//! Two modes: the index (and the change log) is kept only from `Config::wait_index_from`
//! goroutines on (64 in release builds, 0 in debug builds so that every debug test checks
//! it); the step that reaches that many starts the log and builds the index from scratch,
//! filing every goroutine as written. Below, `candidates` is every goroutine and the partner
//! search scans them, as before the index: measured on the explorer's presets (4 workers),
//! the upkeep cost 15 to 25 % of the search's time, and a scan of a few goroutines is cheap.
//! A machine's goroutines never decrease, so a machine (and its copies) never leaves the
//! kept mode. `explore::wait_index_mode_tests` checks that both modes, and a switch in the
//! middle of a run, offer the same moves and search alike.

use super::gid_set::GidSet;
use super::*;
use std::collections::BTreeMap;

/// An operation that can never run: on a nil channel, a `select` without a case on a
/// non-nil channel nor a default, a parked wake-up.
fn never_runs(v: &Visible) -> bool {
    match v {
        Visible::Send(None, _) | Visible::Recv { chan: None, .. } | Visible::Wake => true,
        Visible::Select {
            arms, has_default, ..
        } => !has_default && arms.iter().all(|a| a.chan.is_none()),
        _ => false,
    }
}

/// An operation whose number of alternatives ([`Machine::alternatives`]) depends on shared
/// state, not only on its goroutine.
pub(super) fn varied_alternatives(v: &Visible) -> bool {
    matches!(
        v,
        Visible::MapIterNext { .. }
            | Visible::SyncMap(_)
            | Visible::Lib {
                func: LibFunc::SyncMapRange | LibFunc::PoolGet,
                ..
            }
    )
}

/// An operation whose moves, whenever the index lets its goroutine move and is sure of it,
/// are exactly alternative 0 under the rule of a run as under a search's: not a `select`
/// (one move per ready case), not a plain channel operation (a run lets only the later of
/// two queue heads make a rendezvous, `Machine::partner_in`), and with one alternative.
///
/// A new rule of a run for an operation (a filter in `Machine::push_parked_moves`) must
/// exclude that operation here.
fn one_move(v: &Visible) -> bool {
    !varied_alternatives(v)
        && !matches!(
            v,
            Visible::Select { .. } | Visible::Send(..) | Visible::Recv { .. }
        )
}

/// Library calls [`Machine::enabled`] can find blocked on something other than their first
/// operand's sync state (the `testing` package's waits on other goroutines and tests).
fn blocks(func: LibFunc) -> bool {
    matches!(
        func,
        LibFunc::TestingParallelResume | LibFunc::TestingWaitSubs | LibFunc::TestingQuiesce
    )
}

/// An object a blocked goroutine can wait on, as the explorer names what a step touches
/// ([`Machine::blocked_near`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WaitObject {
    /// A heap cell: a sync object's state (a mutex, a WaitGroup, a `sync.Cond`'s ticket).
    Cell(crate::rt::value::ObjId),
    /// A channel.
    Chan(ChanId),
}

/// What a blocked operation's enabledness depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum WaitKey {
    /// A heap cell (the sync state of a mutex, WaitGroup, Once, … lives in one).
    Obj(u32),
    /// A channel's own state (buffer, closed).
    Chan(u32),
    /// Which goroutines are parked at a send on the channel (a `select`'s send case included).
    Sends(u32),
    /// Which goroutines are parked at a receive on the channel.
    Recvs(u32),
    /// Which goroutines are parked at a file's lock or unlock (`rt::interp::file`).
    Files,
}

/// A class of parked operations whose enabledness is one function of one key's state: the
/// same operation (`kind`) on the same sync object (`path` in cell `key`) with the same
/// parameter (a `sync.Cond` ticket). A channel operation, a `select` or a file step has a class
/// of its own per key (`kind` [`OWN`], `param` its goroutine id): a rendezvous partner is any
/// goroutine but itself.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Class {
    /// What it waits on.
    key: WaitKey,
    /// The operation ([`OWN`] for a class of one goroutine).
    kind: u8,
    /// The sync object's path in its cell (empty for other keys).
    path: Rc<[u32]>,
    /// The operation's parameter (the ticket of `notifyListWait`; the goroutine for [`OWN`]).
    param: u64,
}

/// The kind of a class of one goroutine.
const OWN: u8 = u8::MAX;
/// The kind of a plain send on a channel (not a `select`'s).
const SEND: u8 = 8;
/// The kind of a plain receive on a channel.
const RECV: u8 = 9;

/// The two classes of the plain sends (`sends`) or receives on channel `c`: its state, and its
/// partners' arrivals.
fn plain_chan_op(c: ChanId, sends: bool) -> [Class; 2] {
    let class = |key: WaitKey| Class {
        key,
        kind: if sends { SEND } else { RECV },
        path: Rc::from(Vec::new()),
        param: 0,
    };
    [
        class(WaitKey::Chan(c.0)),
        class(if sends {
            WaitKey::Recvs(c.0)
        } else {
            WaitKey::Sends(c.0)
        }),
    ]
}

/// The other class of a plain channel operation's pair ([`plain_chan_op`]).
fn sibling(c: &Class) -> Option<Class> {
    let key = match (c.kind, c.key) {
        (SEND, WaitKey::Chan(ch)) => WaitKey::Recvs(ch),
        (SEND, WaitKey::Recvs(ch)) | (RECV, WaitKey::Sends(ch)) => WaitKey::Chan(ch),
        (RECV, WaitKey::Chan(ch)) => WaitKey::Sends(ch),
        _ => return None,
    };
    Some(Class { key, ..c.clone() })
}
/// The kind of `notifyListWait(ticket)`: enabled exactly for the tickets below a threshold
/// of the cell's state (`CondState::can_wait`).
const NOTIFY_WAIT: u8 = 4;

/// The goroutines of one class, and whether their operation can run (as of the last
/// [`Machine::reindex`]; every member is in the movable set exactly when it can).
#[derive(Clone, Debug, Default)]
struct Group {
    /// The goroutines parked at an operation of the class.
    members: GidSet,
    /// The operation can run.
    enabled: bool,
}

/// The index's classes (see [`WaitIndex::groups`]).
type Groups = rpds::RedBlackTreeMap<Class, Group>;

/// One goroutine's entries in the index.
#[derive(Clone, Debug, Default, PartialEq)]
struct Reg {
    /// The keys its position affects (parked at a channel operation or a file step).
    presence: Vec<WaitKey>,
    /// The classes it is a member of.
    classes: Vec<Class>,
}

/// The index (see the module docs).
#[derive(Clone, Debug, Default)]
pub(crate) struct WaitIndex {
    /// Goroutines that may move (or whose operation the keys cannot capture), by id.
    movable: GidSet,
    /// The goroutines of `movable` that may have no move all the same: sleeping, or parked at
    /// an operation whose enabledness the keys cannot capture. (The others in `movable` can
    /// move: a captured operation's flag is exact, and one that never blocks always can.)
    pub(super) unsure: GidSet,
    /// Goroutines parked at an operation whose alternatives depend on shared state (a map
    /// iteration's first step, a `sync.Map` `Range`): their moves can change without a key.
    pub(super) varied: GidSet,
    /// Goroutines whose moves, while they are in `movable`, are exactly alternative 0, in a
    /// run as in a search ([`one_move`]): listing the moves adds them without looking at them
    /// (the thousands of blocked lockers a freed mutex lets move).
    pub(super) simple: GidSet,
    /// The goroutines filed anew or whose class changed enabledness since the current step
    /// began (`None`: not recorded, e.g. the index was built during the step); with
    /// `unsure` and `varied`, a superset of the goroutines whose moves the step may have
    /// changed ([`Machine::moves_changed`]).
    pub(super) delta: Option<Vec<Gid>>,
    /// Parked goroutines by the classes of their operations (one per key it reads): a
    /// persistent map (a red-black tree of shared nodes), so that a copy of the machine costs
    /// O(1) however many classes there are (a `sync.Cond` with thousands of waiting tickets
    /// has a class per ticket) and a step copies the O(log n) nodes it changes.
    groups: Groups,
    /// Per `sync.Cond` (its cell and path) that has had waiting tickets, the threshold its
    /// ticket classes' flags follow: a ticket below it is notified (`CondState::notify` as of
    /// the last [`Machine::reindex`]), so a change of the Cond rechecks only the tickets
    /// between the old threshold and the new one, not every waiting ticket.
    // Invariant: every `NOTIFY_WAIT` class of a recorded Cond has the flag `param < threshold`,
    // except classes filed during the current update (whose flags are exact for now).
    notified: BTreeMap<(u32, Rc<[u32]>), u64>,
    /// Goroutines parked at a channel operation, by [`WaitKey::Sends`]/[`WaitKey::Recvs`] (a
    /// set by id, cheap to copy with the machine at every node: the order of arrival is each
    /// goroutine's own `arrival`, compared when a partner is looked up).
    present: BTreeMap<WaitKey, GidSet>,
    /// Per goroutine id, its entries.
    regs: crate::cow_vec::CowVec<Reg>,
}

impl WaitIndex {
    /// Whether `g`'s parked operation can run, when the index knows it (the index being fresh,
    /// [`Machine::fresh_index`]): its enabledness is captured by keys (then `g` is movable
    /// exactly when it can).
    pub(super) fn enabled_of(&self, g: Gid) -> Option<bool> {
        let reg = self.regs.get(g.0 as usize)?;
        (!reg.classes.is_empty()).then(|| self.movable.contains(g))
    }

    /// The goroutines that may move ([`Machine::candidates`] when the index is fresh).
    pub(super) fn movable_ids(&self) -> super::gid_set::Iter<'_> {
        self.movable.iter()
    }

    /// The set of the goroutines that may move.
    pub(super) fn movable_set(&self) -> &GidSet {
        &self.movable
    }

    /// How many goroutines may move (an upper bound of the moves' goroutines).
    pub(super) fn movable_len(&self) -> usize {
        self.movable.len()
    }

    /// Record that the operation of class `c` can run (`enabled`) or not: every member joins
    /// or leaves the movable set.
    fn apply(&mut self, c: &Class, enabled: bool) {
        // The plain sends (receives) on a channel form a class under each of its two keys,
        // with the same members: both flags follow.
        if let Some(sibling) = sibling(c) {
            // (`get_mut` copies the path to the key when the tree is shared, found or not.)
            if self.groups.contains_key(&sibling) {
                if let Some(group) = self.groups.get_mut(&sibling) {
                    group.enabled = enabled;
                }
            }
        }
        if !self.groups.contains_key(c) {
            return;
        }
        let Some(group) = self.groups.get_mut(c) else {
            return;
        };
        group.enabled = enabled;
        if let Some(d) = &mut self.delta {
            d.extend(group.members.iter());
        }
        // Word by word: a mutex's thousands of blocked lockers join the movable set at each
        // unlock and leave it at each lock.
        if enabled {
            self.movable.insert_all(&group.members);
        } else {
            self.movable.remove_all(&group.members);
        }
    }
}

/// The iterator of [`Machine::candidates`] (an enum, not a boxed iterator: the machine asks
/// for it several times a step).
#[derive(Clone)]
pub(super) enum Candidates<'a> {
    /// The index's movable set.
    Movable(&'a Machine, super::gid_set::Iter<'a>),
    /// A run's: the movable set with the lock queues' turns (`lock_queue`).
    Run(super::lock_queue::RunCandidates<'a>),
    /// Every goroutine.
    All(crate::cow_vec::Iter<'a, Goroutine>),
}

impl<'a> Iterator for Candidates<'a> {
    type Item = &'a Goroutine;

    fn next(&mut self) -> Option<&'a Goroutine> {
        match self {
            Candidates::Movable(m, ids) => ids.find_map(|g| m.goroutines.get(g.0 as usize)),
            Candidates::Run(c) => c.next(),
            Candidates::All(gs) => gs.next(),
        }
    }
}

impl Machine {
    /// The index is kept (the machine reached [`Config::wait_index_from`] goroutines) and
    /// matches the machine: nothing was written since [`Machine::reindex`].
    ///
    /// [`Config::wait_index_from`]: crate::rt::config::Config::wait_index_from
    pub(super) fn index_fresh(&self) -> bool {
        self.index_kept()
            && self.goroutines.unchanged()
            && self.heap.cells.unchanged()
            && self.heap.chans.unchanged()
    }

    /// The index is kept: writes are logged (from the step that reached
    /// [`Config::wait_index_from`](crate::rt::config::Config::wait_index_from) goroutines on;
    /// a machine's goroutines never decrease, so once kept it stays kept).
    pub(super) fn index_kept(&self) -> bool {
        self.goroutines.tracking()
    }

    /// The goroutines that may move, in id order: the index's movable set when it is fresh,
    /// else every goroutine. Callers still check each one's enabledness.
    pub(super) fn candidates(&self) -> Candidates<'_> {
        match (self.fresh_index(), &self.lock_queues) {
            (Some(w), Some(q)) => {
                Candidates::Run(super::lock_queue::RunCandidates::new(self, &w.movable, q))
            }
            (Some(w), None) => Candidates::Movable(self, w.movable.iter()),
            (None, _) => Candidates::All(self.goroutines.iter()),
        }
    }

    /// Bring the index up to date with what was written since the last call (module docs);
    /// nothing while the machine has fewer than
    /// [`Config::wait_index_from`](crate::rt::config::Config::wait_index_from) goroutines, and
    /// when it reaches that many, start logging writes and build the index from scratch.
    #[inline(always)]
    pub(super) fn reindex(&mut self) {
        if self.index_kept() {
            self.update_index();
        } else if self.goroutines.len() >= self.config.wait_index_from {
            self.build_index();
        }
    }

    /// Start logging writes and build the index from scratch: every goroutine is filed as if
    /// just written (no class exists yet, so no key is dirty).
    #[inline(never)]
    fn build_index(&mut self) {
        self.goroutines.track_changes();
        self.heap.cells.track_changes();
        self.heap.chans.track_changes();
        self.waits = Some(Box::default());
        let touched: Vec<usize> = (0..self.goroutines.len()).collect();
        self.file_goroutines(&touched, Vec::new());
        self.keep_lock_queues();
    }

    /// The index, for changing it (made when missing).
    fn w(&mut self) -> &mut WaitIndex {
        self.waits.get_or_insert_with(Box::default)
    }

    /// The index, when it is kept and matches the machine ([`Machine::index_fresh`]).
    pub(super) fn fresh_index(&self) -> Option<&WaitIndex> {
        if self.index_fresh() {
            self.waits.as_deref()
        } else {
            None
        }
    }

    /// Bring the kept index up to date with the change log.
    #[inline(never)]
    fn update_index(&mut self) {
        let touched = self.goroutines.take_changed();
        let mut dirty: Vec<WaitKey> = Vec::new();
        dirty.extend(
            self.heap
                .cells
                .take_changed()
                .into_iter()
                .map(|i| WaitKey::Obj(i as u32)),
        );
        dirty.extend(
            self.heap
                .chans
                .take_changed()
                .into_iter()
                .map(|i| WaitKey::Chan(i as u32)),
        );
        self.file_goroutines(&touched, dirty);
    }

    /// File the goroutines `touched` (ids, ascending) anew, then recheck the classes of the
    /// keys `dirty` and of the keys the touched goroutines' positions affect.
    fn file_goroutines(&mut self, touched: &[usize], mut dirty: Vec<WaitKey>) {
        self.refile_lock_waits(touched);
        // First where the written goroutines are parked (the partners `settle` looks up),
        // then whether each can move.
        for &i in touched {
            let g = Gid(i as u32);
            while self.w().regs.len() <= i {
                self.w().regs.push(Reg::default());
            }
            let old = std::mem::take(&mut self.w().regs[i]);
            for c in &old.classes {
                let groups = &mut self.w().groups;
                if let Some(group) = groups.get(c).filter(|group| group.members.contains(g)) {
                    let mut group = group.clone();
                    group.members.remove(g);
                    if group.members.is_empty() {
                        groups.remove_mut(c);
                    } else {
                        groups.insert_mut(c.clone(), group);
                    }
                }
            }
            for k in &old.presence {
                if let Some(set) = self.w().present.get_mut(k) {
                    set.remove(g);
                    if set.is_empty() {
                        self.w().present.remove(k);
                    }
                }
            }
            dirty.extend(old.presence);
            let presence = self.presence_keys(g);
            for k in &presence {
                if matches!(k, WaitKey::Sends(_) | WaitKey::Recvs(_)) {
                    self.w().present.entry(*k).or_default().insert(g);
                }
            }
            dirty.extend(presence.iter().copied());
            self.w().regs[i].presence = presence;
        }
        for &i in touched {
            let g = Gid(i as u32);
            let (movable, classes, sure) = self.settle(g);
            if sure {
                self.w().unsure.remove(g);
            } else {
                self.w().unsure.insert(g);
            }
            let next = self.goroutines.get(i).and_then(|gr| gr.next.as_ref());
            let varied = next.is_some_and(varied_alternatives);
            let simple = sure && next.is_some_and(one_move);
            if varied {
                self.w().varied.insert(g);
            } else {
                self.w().varied.remove(g);
            }
            if simple {
                self.w().simple.insert(g);
            } else {
                self.w().simple.remove(g);
            }
            if let Some(d) = &mut self.w().delta {
                d.push(g);
            }
            for c in &classes {
                if self
                    .w()
                    .groups
                    .get(c)
                    .is_some_and(|group| group.enabled != movable)
                {
                    // The class's operation changed enabledness with this step: so did the
                    // other members'.
                    self.w().apply(c, movable);
                }
                let groups = &mut self.w().groups;
                let mut group = groups.get(c).cloned().unwrap_or_default();
                group.enabled = movable;
                group.members.insert(g);
                groups.insert_mut(c.clone(), group);
            }
            if movable {
                self.w().movable.insert(g);
            } else {
                self.w().movable.remove(g);
            }
            self.w().regs[i].classes = classes;
        }
        dirty.sort_unstable();
        dirty.dedup();
        for k in dirty {
            // The classes of key `k` in order, one at a time (a `sync.Cond` with thousands of
            // waiting tickets has a class per ticket: most are skipped at once).
            let mut after = std::ops::Bound::Included(Class {
                key: k,
                kind: 0,
                path: Rc::from(Vec::new()),
                param: 0,
            });
            loop {
                let next = self
                    .w()
                    .groups
                    .range((after, std::ops::Bound::Unbounded))
                    .next()
                    .filter(|(c, _)| c.key == k)
                    .map(|(c, group)| (c.clone(), group.members.iter().next(), group.enabled));
                let Some((c, rep, was)) = next else {
                    break;
                };
                after = std::ops::Bound::Excluded(c.clone());
                if c.kind == NOTIFY_WAIT {
                    // The first class of a `sync.Cond`'s tickets: all of them at once.
                    self.recheck_cond(c.key, &c.path);
                    after = std::ops::Bound::Excluded(Class {
                        param: u64::MAX,
                        ..c
                    });
                    continue;
                }
                let Some(rep) = rep else {
                    continue;
                };
                let now = self.settle(rep).0;
                if now != was || c.kind == OWN {
                    self.w().apply(&c, now);
                }
            }
            if let WaitKey::Obj(obj) = k {
                // The Conds of the cell without waiting tickets follow it too.
                let recorded: Vec<Rc<[u32]>> = self
                    .w()
                    .notified
                    .range((obj, Rc::from(Vec::new()))..)
                    .take_while(|((o, _), _)| *o == obj)
                    .map(|((_, path), _)| path.clone())
                    .collect();
                for path in recorded {
                    let threshold = self.cond_threshold(obj, &path);
                    match threshold {
                        Some(n) => self.w().notified.insert((obj, path), n),
                        None => self.w().notified.remove(&(obj, path)),
                    };
                }
            }
        }
    }

    /// `CondState::notify` of the `sync.Cond` at `path` in cell `obj` (`None`: no Cond there).
    fn cond_threshold(&self, obj: u32, path: &Rc<[u32]>) -> Option<u64> {
        let p = Pointer {
            obj: crate::rt::value::ObjId(obj),
            path: path.clone(),
        };
        match self.heap.sync(&p) {
            Ok(SyncState::CondNotify(s)) => Some(s.notify),
            _ => None,
        }
    }

    /// Recheck the ticket classes of the `sync.Cond` at `path` in cell `key` after a write of
    /// the cell. `CondState::can_wait`: the notified tickets are those below a threshold, and
    /// every class's flag was exact for one state: when the threshold that state had is
    /// recorded, only the tickets between it and the new one can have changed; else each
    /// ticket in order, up to the first that was and is not notified (those above it are
    /// neither). Then the new threshold is recorded.
    fn recheck_cond(&mut self, key: WaitKey, path: &Rc<[u32]>) {
        let WaitKey::Obj(obj) = key else { return };
        let threshold = self.cond_threshold(obj, path);
        let recorded = self.w().notified.get(&(obj, path.clone())).copied();
        let (lo, hi, all) = match (recorded, threshold) {
            (Some(o), Some(n)) => (o.min(n), o.max(n), false),
            _ => (0, u64::MAX, true),
        };
        let mut after = std::ops::Bound::Included(Class {
            key,
            kind: NOTIFY_WAIT,
            path: path.clone(),
            param: lo,
        });
        loop {
            let next = self
                .w()
                .groups
                .range((after, std::ops::Bound::Unbounded))
                .next()
                .filter(|(c, _)| {
                    c.key == key && c.kind == NOTIFY_WAIT && c.path == *path && c.param < hi
                })
                .map(|(c, group)| (c.clone(), group.members.iter().next(), group.enabled));
            let Some((c, rep, was)) = next else {
                break;
            };
            after = std::ops::Bound::Excluded(c.clone());
            let Some(rep) = rep else {
                continue;
            };
            let now = self.settle(rep).0;
            if now != was {
                self.w().apply(&c, now);
            }
            if all && !now && !was {
                break;
            }
        }
        match threshold {
            Some(n) => self.w().notified.insert((obj, path.clone()), n),
            None => self.w().notified.remove(&(obj, path.clone())),
        };
    }

    /// The keys whose waiters `g`'s position concerns: a parked rendezvous partner, a holder
    /// or waiter of a file's lock.
    fn presence_keys(&self, g: Gid) -> Vec<WaitKey> {
        let mut out = Vec::new();
        let Some(gr) = self.goroutines.get(g.0 as usize) else {
            return out;
        };
        if gr.status != GoStatus::Parked {
            return out;
        }
        match &gr.next {
            Some(Visible::Send(Some(c), _)) => out.push(WaitKey::Sends(c.0)),
            Some(Visible::Recv { chan: Some(c), .. }) => out.push(WaitKey::Recvs(c.0)),
            Some(Visible::Select { arms, .. }) => {
                for a in arms {
                    if let Some(c) = a.chan {
                        out.push(if a.send.is_some() {
                            WaitKey::Sends(c.0)
                        } else {
                            WaitKey::Recvs(c.0)
                        });
                    }
                }
                out.sort_unstable();
                out.dedup();
            }
            Some(Visible::FileLock { .. } | Visible::FileUnlock { .. }) => out.push(WaitKey::Files),
            _ => {}
        }
        out
    }

    /// Whether `g` may move now (or is checked at every step), the classes of its operation
    /// when its enabledness is captured by keys, and whether the first answer is exact
    /// (`false`: it sleeps, or its operation is not captured, so it may have no move).
    fn settle(&self, g: Gid) -> (bool, Vec<Class>, bool) {
        let Some(gr) = self.goroutines.get(g.0 as usize) else {
            return (false, Vec::new(), true);
        };
        match (&gr.status, &gr.next) {
            (GoStatus::Sleeping(_), _) => (true, Vec::new(), false),
            (GoStatus::Parked, Some(v)) => {
                // The rule of a search: one flag for every plain send (receive) on a channel;
                // a run filters the index's candidates with its own rule
                // (`Machine::partner_in`).
                let enabled = self.enabled_in(g, v, false);
                match self.classes(g, v) {
                    // Blocked on no key: only an operation that never runs may be.
                    Some(classes) if enabled || !classes.is_empty() || never_runs(v) => {
                        (enabled, classes, true)
                    }
                    // Not captured: checked at every step.
                    _ => (true, Vec::new(), false),
                }
            }
            _ => (false, Vec::new(), true),
        }
    }

    /// The classes of `g`'s parked operation `v`: the keys [`Machine::enabled`] reads for it
    /// (none for an operation that can always run, or never); `None` when they are not
    /// captured by keys.
    fn classes(&self, g: Gid, v: &Visible) -> Option<Vec<Class>> {
        let own = |key: WaitKey| Class {
            key,
            kind: OWN,
            path: Rc::from(Vec::new()),
            param: u64::from(g.0),
        };
        let object = |kind: u8, p: &Pointer, param: u64| {
            Some(vec![Class {
                key: WaitKey::Obj(p.obj.0),
                kind,
                path: p.path.clone(),
                param,
            }])
        };
        let chan = |c: ChanId, sends: bool| {
            [
                own(WaitKey::Chan(c.0)),
                own(if sends {
                    WaitKey::Recvs(c.0)
                } else {
                    WaitKey::Sends(c.0)
                }),
            ]
        };
        match v {
            // A plain send (receive) is never its own partner: every one on the channel can
            // run exactly when the others can, one class per key for them all.
            Visible::Send(Some(c), _) => Some(plain_chan_op(*c, true).to_vec()),
            Visible::Recv { chan: Some(c), .. } => Some(plain_chan_op(*c, false).to_vec()),
            Visible::Select { arms, .. } => {
                let mut keys: Vec<Class> = arms
                    .iter()
                    .filter_map(|a| a.chan.map(|c| chan(c, a.send.is_some())))
                    .flatten()
                    .collect();
                keys.sort();
                keys.dedup();
                Some(keys)
            }
            Visible::RwLockFinish(p) => object(6, p, 0),
            Visible::WaitGroupSemacquire(p) => object(7, p, 0),
            // A step of a copy touches the original too (its footprint names both).
            Visible::SyncMap(inflight) => Some(
                std::iter::once(&inflight.ptr)
                    .chain(self.sync_map_owner(&inflight.ptr).as_ref())
                    .map(|p| own(WaitKey::Obj(p.obj.0)))
                    .collect(),
            ),
            Visible::FileLock { .. } => Some(vec![own(WaitKey::Files)]),
            Visible::Lib { func, .. }
                if func.spec().owner == crate::library::Owner::Package("log") =>
            {
                Some(vec![own(WaitKey::Files)])
            }
            Visible::Lib { func, args, .. } => {
                let Some(Value::Ptr(Some(p))) = args.first() else {
                    return Some(Vec::new()).filter(|_| !blocks(*func));
                };
                match func {
                    LibFunc::MutexLock => object(0, p, 0),
                    LibFunc::RwMutexLock => object(1, p, 0),
                    LibFunc::RwMutexRLock => object(2, p, 0),
                    LibFunc::OnceDo => object(3, p, 0),
                    LibFunc::NotifyListWait => match args.get(1).and_then(Value::as_int) {
                        Some(t) => object(NOTIFY_WAIT, p, t as u64),
                        None => Some(Vec::new()),
                    },
                    LibFunc::TestingSubWait => object(5, p, 0),
                    f if blocks(*f) => None,
                    _ => Some(Vec::new()),
                }
            }
            // Never blocks (a load, a store, `go`, an exit, …), or never runs (a nil channel,
            // `select {}`, a parked wake-up).
            _ => Some(Vec::new()),
        }
    }

    /// The goroutines parked at a receive (`want_recv`) or a send on `chan` according to the
    /// index, in id order (callers check each one, order them by arrival, and add the
    /// goroutines written since the index was brought up to date, [`CowVec::changed_so_far`](crate::cow_vec::CowVec)); `None`
    /// when writes are not logged (then every goroutine is a candidate).
    pub(super) fn parked_at(
        &self,
        chan: ChanId,
        want_recv: bool,
    ) -> Option<Box<dyn Iterator<Item = Gid> + '_>> {
        if !self.index_kept() {
            return None;
        }
        let w = self.waits.as_deref()?;
        let key = if want_recv {
            WaitKey::Recvs(chan.0)
        } else {
            WaitKey::Sends(chan.0)
        };
        Some(match w.present.get(&key) {
            Some(s) => Box::new(s.iter()),
            None => Box::new(std::iter::empty()),
        })
    }

    /// A superset of the goroutines, among those that cannot move now, whose next operation
    /// may touch one of `objects` (a blocked operation's footprint names only the objects it
    /// waits on: its sync object's cell, its channels), in id order; `None` when the index
    /// cannot narrow it (a program that runs a test, a file's lock with waiters). The caller
    /// (`target::machine`, from a step's footprint) passes `None` for a resource no
    /// [`WaitObject`] names.
    pub(crate) fn blocked_near(&self, objects: &[WaitObject]) -> Option<Vec<Gid>> {
        if self.program.runs_test() {
            return None;
        }
        let w = self.fresh_index()?;
        let files = Class {
            key: WaitKey::Files,
            kind: 0,
            path: Rc::from(Vec::new()),
            param: 0,
        };
        if w.groups
            .range(files..)
            .next()
            .is_some_and(|(c, _)| c.key == WaitKey::Files)
        {
            return None;
        }
        let mut keys: Vec<WaitKey> = Vec::new();
        for o in objects {
            match o {
                WaitObject::Cell(obj) => keys.push(WaitKey::Obj(obj.0)),
                WaitObject::Chan(c) => {
                    keys.extend([WaitKey::Chan(c.0), WaitKey::Sends(c.0), WaitKey::Recvs(c.0)]);
                }
            }
        }
        keys.sort_unstable();
        keys.dedup();
        // The goroutines that can move are left out (the caller skips them); those that may
        // not ([`WaitIndex::unsure`]) are in.
        let mut out: Vec<Gid> = w.unsure.iter().collect();
        for k in keys {
            let from = Class {
                key: k,
                kind: 0,
                path: Rc::from(Vec::new()),
                param: 0,
            };
            for (_, group) in w.groups.range(from..).take_while(|(c, _)| c.key == k) {
                out.extend(group.members.iter());
            }
        }
        out.sort_unstable();
        out.dedup();
        Some(out)
    }
}
