//! Dependence between steps for partial-order reduction.
//!
//! Two steps of different goroutines are *dependent* when they touch a common resource and at
//! least one of them writes it (sync operations count as writes on their object, output as a
//! write on stdout), or when either is *global*:
//! main's exit (ends the program), or any step that actually ended the run (a panic in local
//! code, a fatal error, a deadlock, a limit). When in doubt a step is global: that keeps the
//! search sound.
//!
//! Time: a sleeper's wake-up and a timer's fire touch the virtual clock when sleepers may wake
//! at any time (raises of the clock commute with each other, not with steps that read it:
//! arming a timer or a sleep, a fire sending the time, [`Resource::ClockRaise`],
//! [`Resource::ClockRead`]); in virtual time order a wake-up may come only when nobody else can
//! move, so wake-ups conflict with each other and with a step after which only sleepers can
//! move ([`Resource::Idle`]). `target::machine` says which step touches what.
//!
//! Exceptions that know the semantics: a goroutine's own exit touches nothing another goroutine
//! can observe, so it commutes with everything, main's return included (a construct that could
//! observe it, such as `runtime.NumGoroutine`, must give its step a footprint that conflicts
//! with exits); atomic loads and a `sync.Map` `Load`'s lock-free step only read; `wg.Add`,
//! `wg.Done`, a registering `wg.Wait`, `RLock` and `RUnlock` commute by classes that depend on
//! the object's state, a `sync.Cond`'s new ticket and its waits by classes that do not
//! ([`Resource::Commuting`], [`CommutingClass`]); arriving at a channel
//! operation conflicts only with a `select` that has a default ([`Resource::ChanArrival`],
//! [`Resource::ChanPoll`]); writes to a file registering as waiters on its lock commute
//! ([`Resource::FileWaiter`]). In a program that runs a test, the race detector's count of reports
//! is shared state too: a test fails at its end when it grew during the test
//! ([`Resource::RaceReport`], [`Resource::RaceCountRead`]).
//!
//! Goroutine creation: `go` statements of different goroutines commute ([`Resource::Spawn`]);
//! Go's goroutine numbers conflict only in a test, whose report of leaked goroutines shows
//! them ([`Resource::GoId`]). Swapping two creations
//! renumbers the two children (the machine numbers goroutines in creation order), so the
//! explorer names the goroutines a sequence of moves creates by the order it creates them in
//! (`explore::wakeup`).

use crate::rt::value::{ChanId, MapId, Pointer};
use std::borrow::Cow;

/// A shared resource a step touches.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Resource {
    /// A heap variable or a sync object inside one (same address space: copying a struct that
    /// holds a mutex touches the mutex).
    Memory(Pointer),
    /// A whole map.
    Map(MapId),
    /// A channel.
    Chan(ChanId),
    /// A goroutine arriving at a send, receive or `select` on this channel: it becomes a
    /// rendezvous partner, which decides whether a `select` with a default takes a case.
    /// Arrivals commute with each other and with channel operations (a handoff with the new
    /// partner is the partner's own move); they conflict with [`Resource::ChanPoll`].
    ChanArrival(ChanId),
    /// A `select` with a default case looking at this channel: whether it takes a case depends
    /// on which partners have arrived.
    ChanPoll(ChanId),
    /// A receive from this channel (a `<-c` or a `select`'s receive case): touches nothing by
    /// itself; arriving at it is a [`Resource::ReceiverArrival`].
    Receiver(ChanId),
    /// A goroutine arriving at a receive from this channel: once it blocks there, a send on
    /// the empty buffered channel hands it the value. Conflicts only with
    /// [`Resource::ReceiverPoll`].
    ReceiverArrival(ChanId),
    /// A send on this buffered channel while its buffer is empty: it hands its value to a
    /// receiver blocked there, so it depends on which receivers have arrived (not on senders').
    ReceiverPoll(ChanId),
    /// Program output (stdout and stderr).
    Output,
    /// The `fdMutex` of the open file with this descriptor (`rt::interp::file`): taking it
    /// (with the write) and unlocking it.
    File(i64),
    /// A write registering as a waiter on the `fdMutex` of this file (it is held): two
    /// registrations commute (each acquires and releases the lock word, but neither moves
    /// before the holder's unlock, which acquires both, and each then takes the lock after it,
    /// acquiring both again); they conflict with [`Resource::File`].
    FileWaiter(i64),
    /// Goroutine creation (arming a timer starts its runtime goroutine, created alike): it
    /// overlaps nothing. Two `go` statements of different goroutines in either order give the
    /// same state but for the numbers of the two children (the machine numbers goroutines in
    /// creation order), and nothing a search reports depends on those numbers (the explorer
    /// names the goroutines a wakeup sequence creates by the order it creates them in,
    /// `explore::wakeup::rename_created`). The step that hits racemap's goroutine limit, which
    /// counts creations, ends a run the search reports as cut short
    /// (`Target::cut_by_limit`). Marks a step that creates a goroutine.
    Spawn,
    /// Taking Go's next goroutine number (`goid`): a `go` statement, and a run's first timer
    /// fire (its timer context, `rt::interp::timer`); runtime goroutines take none. Only
    /// where an outcome shows the numbers (a test's report of leaked goroutines,
    /// `Target::leaked`): two takings conflict.
    GoId,
    /// A wake-up raising the virtual clock to its deadline (`clock = max(clock, when)`), when
    /// sleepers may wake at any time (`WakeOrder::AnyTime`). Raises commute with each other
    /// (`max` is commutative); they conflict with [`Resource::ClockRead`].
    ClockRaise,
    /// A step whose effect depends on the virtual clock's value (when sleepers may wake at any
    /// time): arming a timer or a sleep (the deadline is `now + d`), a timer's fire (it sends
    /// the time now). Conflicts only with [`Resource::ClockRaise`].
    ClockRead,
    /// When sleepers wake in virtual time order (`WakeOrder::VirtualTime`) a wake-up may
    /// happen only when no other goroutine can move: a wake-up writes this (so two wake-ups
    /// are dependent: the first's goroutine may then move, which disables the second), and a
    /// step after which only sleepers can move reads it (it enables the wake-up).
    Idle,
    /// The race detector's count of reports, bumped by a step that reports a race: in a program
    /// that runs a test, every step that touches shared state may (a step's own race is seen
    /// only once it is made). Bumps commute with each other (the order of two reports shows in
    /// their conflicting accesses); they conflict with [`Resource::RaceCountRead`].
    RaceReport,
    /// A step that reads the race detector's count of reports: a test's start and end (Go's
    /// `tRunner` fails a test when the count grew while it ran).
    RaceCountRead,
    /// An update of the object at this address that commutes with every other update of the
    /// same class, or of a class it commutes with (and conflicts with other classes and with
    /// plain accesses of the object): see [`CommutingClass`].
    Commuting(Pointer, CommutingClass),
}

/// Classes of [`Resource::Commuting`] updates.
///
/// A class depends on the object's state when the step is made, so each must be *stable under
/// the swaps it allows*: when two adjacent steps commute by their classes, swapping them gives
/// each the same class again (else the search meets a move it put to sleep under one class as
/// another, and explores paths that end with every move asleep).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CommutingClass {
    /// `wg.Done()` with the counter at 3 or more, or at 2 with no waiter: neither it nor another
    /// `Done` beside it wakes anyone.
    WaitGroupDec,
    /// `wg.Done()` with the counter at 2 and waiters registered: of two such, the second reaches
    /// zero and takes the wake-up step, so they do not commute.
    WaitGroupDecBeforeWake,
    /// `wg.Done()` bringing the counter from 1 to zero with no waiter registered: nothing to
    /// wake.
    WaitGroupZero,
    /// `wg.Add(n)` with `n > 0` and the counter at 2 or more: beside a `Done` that does not
    /// reach zero, neither order makes an `Add` from zero (a read for the race detector).
    WaitGroupInc,
    /// `rw.RLock()` while a writer is announced (it blocks until the writer unlocks).
    RLock,
    /// `rw.RUnlock()` while a writer is announced (the last one lets the writer finish, which
    /// is the writer's own step).
    RUnlock,
    /// `rw.RLock()` or `rw.RUnlock()` while no writer is announced: readers come and go in any
    /// order (they only count; their race annotations touch different words).
    Reader,
    /// `wg.Wait()` registering as a waiter (the counter is at least 1): it commutes with
    /// `wg.Done()`s that do not reach zero, not with another registration (the first one writes
    /// the semaphore word for the race detector) nor with a `Done` that reaches zero.
    WaitGroupWaiter,
    /// `runtime_notifyListAdd` of a `sync.Cond` (`Wait`'s first step): it takes the next ticket,
    /// writing only the Cond's count of tickets handed out (`CondState::wait`). Two of them do
    /// not commute (they swap tickets); with a [`CommutingClass::CondWait`] it does.
    CondEnqueue,
    /// `runtime_notifyListWait(t)` of a `sync.Cond`: it reads only the Cond's count of notified
    /// tickets (`CondState::notify`: enabled once `t` is below it) and writes nothing, so it
    /// commutes with another goroutine's wait and with a new ticket (neither changes that
    /// count), not with `Signal` or `Broadcast` (they do). The race detector sees no
    /// `notifyList` call (only `L`'s operations order), and both classes hold in every state.
    CondWait,
}

impl CommutingClass {
    /// Two updates of these classes on the same object commute.
    fn commutes_with(self, other: CommutingClass) -> bool {
        use CommutingClass::{
            CondEnqueue, CondWait, RLock, RUnlock, Reader, WaitGroupDec,
            WaitGroupDecBeforeWake as DecW, WaitGroupInc, WaitGroupWaiter, WaitGroupZero,
        };
        matches!(
            (self, other),
            (
                WaitGroupDec,
                WaitGroupDec | DecW | WaitGroupZero | WaitGroupWaiter
            ) | (DecW | WaitGroupZero | WaitGroupWaiter, WaitGroupDec)
                | (DecW, WaitGroupWaiter)
                | (WaitGroupWaiter, DecW)
                | (
                    WaitGroupInc,
                    WaitGroupInc | WaitGroupDec | DecW | WaitGroupWaiter
                )
                | (WaitGroupDec | DecW | WaitGroupWaiter, WaitGroupInc)
                | (RLock, RLock)
                | (RUnlock, RUnlock)
                | (Reader, Reader)
                | (CondEnqueue, CondWait)
                | (CondWait, CondEnqueue | CondWait)
        )
    }
}

fn pointers_overlap(a: &Pointer, b: &Pointer) -> bool {
    a.obj == b.obj && {
        let n = a.path.len().min(b.path.len());
        a.path[..n] == b.path[..n]
    }
}

impl Resource {
    fn overlaps(&self, other: &Resource) -> bool {
        match (self, other) {
            (Resource::Memory(a), Resource::Memory(b)) => pointers_overlap(a, b),
            (Resource::Commuting(a, ca), Resource::Commuting(b, cb)) => {
                !ca.commutes_with(*cb) && pointers_overlap(a, b)
            }
            (Resource::Commuting(a, _), Resource::Memory(b))
            | (Resource::Memory(a), Resource::Commuting(b, _)) => pointers_overlap(a, b),
            (Resource::ChanArrival(a), Resource::ChanPoll(b))
            | (Resource::ChanPoll(a), Resource::ChanArrival(b)) => a == b,
            (Resource::ChanArrival(_), _) | (_, Resource::ChanArrival(_)) => false,
            (Resource::ReceiverArrival(a), Resource::ReceiverPoll(b))
            | (Resource::ReceiverPoll(a), Resource::ReceiverArrival(b)) => a == b,
            (
                Resource::Receiver(_) | Resource::ReceiverArrival(_) | Resource::ReceiverPoll(_),
                _,
            )
            | (
                _,
                Resource::Receiver(_) | Resource::ReceiverArrival(_) | Resource::ReceiverPoll(_),
            ) => false,
            (Resource::File(a), Resource::File(b) | Resource::FileWaiter(b))
            | (Resource::FileWaiter(a), Resource::File(b)) => a == b,
            (Resource::FileWaiter(_), Resource::FileWaiter(_)) => false,
            (Resource::RaceReport, Resource::RaceCountRead)
            | (Resource::RaceCountRead, Resource::RaceReport) => true,
            (Resource::RaceReport | Resource::RaceCountRead, _)
            | (_, Resource::RaceReport | Resource::RaceCountRead) => false,
            (Resource::ClockRaise, Resource::ClockRead)
            | (Resource::ClockRead, Resource::ClockRaise) => true,
            (Resource::ClockRaise | Resource::ClockRead, _)
            | (_, Resource::ClockRaise | Resource::ClockRead) => false,
            (Resource::Spawn, _) | (_, Resource::Spawn) => false,
            _ => self == other,
        }
    }
}

/// What one step touches.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Footprint {
    /// Dependent with every other step (but see `main_exit`).
    pub global: bool,
    /// The program ends, main returning or a goroutine's panic ending it (global), yet a
    /// goroutine's own exit commutes with it (whether it exited before the end shows nowhere).
    pub main_exit: bool,
    /// A goroutine other than main exits: it touches nothing another goroutine can see.
    pub goroutine_exit: bool,
    /// Resources with `true` for a write.
    pub resources: Resources,
}

/// A footprint's resources, each with `true` for a write: shared by the footprint's copies
/// behind an `Rc` (the explorers copy a footprint into sleep sets and out of a state's
/// footprints far more often than they make one); no allocation when empty. Read as a slice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resources(Option<std::rc::Rc<[(Resource, bool)]>>);

impl Resources {
    /// The resources.
    pub fn as_slice(&self) -> &[(Resource, bool)] {
        self.0.as_deref().unwrap_or_default()
    }

    /// Keep only the resources `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(&(Resource, bool)) -> bool) {
        let kept: Vec<(Resource, bool)> = self.iter().filter(|r| keep(r)).cloned().collect();
        if kept.len() != self.len() {
            *self = kept.into();
        }
    }
}

impl std::ops::Deref for Resources {
    type Target = [(Resource, bool)];

    fn deref(&self) -> &[(Resource, bool)] {
        self.as_slice()
    }
}

impl From<Vec<(Resource, bool)>> for Resources {
    fn from(v: Vec<(Resource, bool)>) -> Resources {
        // Invariant: never `Some` of an empty slice, so equality is the slices'.
        Resources((!v.is_empty()).then(|| v.into()))
    }
}

impl FromIterator<(Resource, bool)> for Resources {
    fn from_iter<I: IntoIterator<Item = (Resource, bool)>>(iter: I) -> Resources {
        iter.into_iter().collect::<Vec<_>>().into()
    }
}

impl<'a> IntoIterator for &'a Resources {
    type Item = &'a (Resource, bool);
    type IntoIter = std::slice::Iter<'a, (Resource, bool)>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

/// The arrival resource of a channel resource of an operation ([`Footprint::arrival`]).
fn arrival_of(r: &Resource) -> Option<(Resource, bool)> {
    match r {
        Resource::Chan(c) => Some((Resource::ChanArrival(*c), true)),
        Resource::Receiver(c) => Some((Resource::ReceiverArrival(*c), true)),
        _ => None,
    }
}

impl Footprint {
    /// A footprint dependent with everything.
    pub fn global() -> Footprint {
        Footprint {
            global: true,
            ..Footprint::default()
        }
    }

    /// Main's return: global, except with goroutine exits.
    pub fn main_exit() -> Footprint {
        Footprint {
            global: true,
            main_exit: true,
            ..Footprint::default()
        }
    }

    /// A goroutine's exit (not main's).
    pub fn goroutine_exit() -> Footprint {
        Footprint {
            goroutine_exit: true,
            ..Footprint::default()
        }
    }

    /// The end of a goroutine's panic, which ends the program: as main's return, dependent
    /// with every step but a goroutine's exit. Not less: the crash cuts off every other
    /// goroutine, so even a step that shows nothing itself (a receive) is dependent with it
    /// when what its goroutine does next shows (main woken by a deferred `close` prints and
    /// returns before the crash); the search then tries each such step before the crash.
    pub fn crash() -> Footprint {
        Footprint::main_exit()
    }

    /// Add what `other` touches: the footprint of a step that is several operations at once
    /// (a rendezvous completes the partner's send, receive or select too).
    pub fn union_with(&mut self, other: &Footprint) {
        self.global |= other.global;
        self.main_exit &= other.main_exit;
        self.goroutine_exit &= other.goroutine_exit;
        self.add_resources(other.resources.iter().map(Cow::Borrowed));
    }

    /// [`Footprint::union_with`] of `next.arrival()`, without making that footprint first
    /// (the explorers add every participant's arrival to each step's footprint).
    pub fn union_with_arrival(&mut self, next: &Footprint) {
        // An arrival is neither global nor an exit.
        self.main_exit = false;
        self.goroutine_exit = false;
        self.add_resources(
            next.resources
                .iter()
                .filter_map(|(r, _)| arrival_of(r).map(Cow::Owned)),
        );
    }

    /// Add each of `resources` not here yet (in order, each once), with one allocation when
    /// any is new.
    fn add_resources<'r>(&mut self, resources: impl Iterator<Item = Cow<'r, (Resource, bool)>>) {
        let mut all: Option<Vec<(Resource, bool)>> = None;
        for r in resources {
            let known = match &all {
                Some(all) => all.contains(&r),
                None => self.resources.contains(&r),
            };
            if !known {
                all.get_or_insert_with(|| {
                    let mut v = Vec::with_capacity(self.resources.len() + 4);
                    v.extend_from_slice(&self.resources);
                    v
                })
                .push(r.into_owned());
            }
        }
        if let Some(all) = all {
            self.resources = all.into();
        }
    }

    /// What arriving at the operation with this footprint touches: an arrival on each of its
    /// channels.
    pub fn arrival(&self) -> Footprint {
        Footprint {
            resources: self
                .resources
                .iter()
                .filter_map(|(r, _)| arrival_of(r))
                .collect(),
            ..Footprint::default()
        }
    }

    /// A 64-bit summary of the objects this footprint touches (one bit per object, hashed):
    /// footprints whose summaries share no bit touch no common object, so neither global they
    /// are independent. A cheap filter before [`Footprint::dependent`].
    pub fn summary(&self) -> u64 {
        fn bit(kind: u64, id: u32) -> u64 {
            let h = (u64::from(id) ^ (kind << 32)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            1 << (h >> 58)
        }
        self.resources.iter().fold(0, |acc, (r, _)| {
            acc | match r {
                Resource::Memory(p) | Resource::Commuting(p, _) => bit(1, p.obj.0),
                Resource::Map(m) => bit(2, m.0),
                Resource::Chan(c)
                | Resource::ChanArrival(c)
                | Resource::ChanPoll(c)
                | Resource::Receiver(c)
                | Resource::ReceiverArrival(c)
                | Resource::ReceiverPoll(c) => bit(3, c.0),
                Resource::Output => bit(4, 0),
                Resource::File(fd) | Resource::FileWaiter(fd) => bit(7, *fd as u32),
                Resource::Spawn => bit(5, 0),
                Resource::GoId => bit(10, 0),
                Resource::RaceReport | Resource::RaceCountRead => bit(6, 0),
                Resource::ClockRaise | Resource::ClockRead => bit(8, 0),
                Resource::Idle => bit(9, 0),
            }
        })
    }

    /// [`Footprint::dependent`], with both footprints' [`Footprint::summary`] at hand.
    pub fn dependent_summarized(
        &self,
        summary: u64,
        other: &Footprint,
        other_summary: u64,
    ) -> bool {
        if !self.global && !other.global && summary & other_summary == 0 {
            return false;
        }
        self.dependent(other)
    }

    /// Whether a step with this footprint and one with `other` (of another goroutine) are
    /// dependent.
    pub fn dependent(&self, other: &Footprint) -> bool {
        if (self.main_exit && other.goroutine_exit) || (other.main_exit && self.goroutine_exit) {
            return false;
        }
        if self.global || other.global {
            return true;
        }
        self.resources.iter().any(|(a, wa)| {
            other
                .resources
                .iter()
                .any(|(b, wb)| (*wa || *wb) && a.overlaps(b))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::value::ObjId;

    fn mem(obj: u32, path: &[u32], write: bool) -> Footprint {
        Footprint {
            resources: vec![(
                Resource::Memory(Pointer {
                    obj: ObjId(obj),
                    path: path.into(),
                }),
                write,
            )]
            .into(),
            ..Footprint::default()
        }
    }

    #[test]
    fn reads_commute_writes_do_not() {
        assert!(!mem(1, &[], false).dependent(&mem(1, &[], false)));
        assert!(mem(1, &[], true).dependent(&mem(1, &[], false)));
        assert!(!mem(1, &[], true).dependent(&mem(2, &[], true)));
    }

    #[test]
    fn fields_overlap_with_their_struct_only() {
        assert!(mem(1, &[0], true).dependent(&mem(1, &[], false)));
        assert!(!mem(1, &[0], true).dependent(&mem(1, &[1], true)));
        assert!(mem(1, &[0, 2], true).dependent(&mem(1, &[0], false)));
    }

    #[test]
    fn commuting_updates_commute_only_within_their_class() {
        let c = |class| Footprint {
            resources: vec![(Resource::Commuting(Pointer::root(ObjId(1)), class), true)].into(),
            ..Footprint::default()
        };
        use CommutingClass::{
            CondEnqueue, CondWait, RLock, RUnlock, Reader, WaitGroupDec, WaitGroupWaiter,
            WaitGroupZero,
        };
        assert!(!c(RLock).dependent(&c(RLock)));
        assert!(c(RLock).dependent(&c(RUnlock)));
        // Without a writer announced, readers come and go in any order.
        assert!(!c(Reader).dependent(&c(Reader)));
        assert!(c(Reader).dependent(&c(RUnlock)));
        assert!(c(WaitGroupDec).dependent(&mem(1, &[], false)));
        assert!(!c(WaitGroupDec).dependent(&mem(2, &[], true)));
        // A Wait registering commutes with Dones that do not reach zero, not with another
        // registration nor with the Done that reaches zero.
        let (dec, zero, waiter) = (WaitGroupDec, WaitGroupZero, WaitGroupWaiter);
        assert!(!c(dec).dependent(&c(waiter)) && !c(waiter).dependent(&c(dec)));
        assert!(!c(dec).dependent(&c(zero)) && !c(dec).dependent(&c(dec)));
        assert!(c(zero).dependent(&c(waiter)) && c(zero).dependent(&c(zero)));
        // An Add at 2 or more commutes with Dones that do not reach zero and with Adds, not
        // with the Done that reaches zero.
        let inc = CommutingClass::WaitGroupInc;
        assert!(!c(inc).dependent(&c(dec)) && !c(inc).dependent(&c(inc)));
        assert!(c(inc).dependent(&c(zero)));
        // Two Dones at 2 with a waiter: the second one wakes it.
        let dec_w = CommutingClass::WaitGroupDecBeforeWake;
        assert!(c(dec_w).dependent(&c(dec_w)) && !c(dec_w).dependent(&c(waiter)));
        assert!(c(waiter).dependent(&c(waiter)));
        assert!(c(waiter).dependent(&mem(1, &[], true)));
        // A Cond's new ticket commutes with waits, not with another new ticket (they swap
        // tickets) nor with Signal or Broadcast (plain writes of the Cond); waits commute.
        let (add, wait) = (CondEnqueue, CondWait);
        assert!(!c(add).dependent(&c(wait)) && !c(wait).dependent(&c(add)));
        assert!(!c(wait).dependent(&c(wait)) && c(add).dependent(&c(add)));
        assert!(c(wait).dependent(&mem(1, &[], true)) && c(add).dependent(&mem(1, &[], true)));
        assert!(c(add).dependent(&c(WaitGroupDec)) && c(wait).dependent(&c(Reader)));
    }

    #[test]
    fn arrivals_conflict_only_with_polls_of_their_channel() {
        use crate::rt::value::ChanId;
        let on = |r: Resource| Footprint {
            resources: vec![(r, true)].into(),
            ..Footprint::default()
        };
        let arrive = on(Resource::Chan(ChanId(1))).arrival();
        assert!(!arrive.dependent(&arrive));
        assert!(!arrive.dependent(&on(Resource::Chan(ChanId(1)))));
        assert!(arrive.dependent(&on(Resource::ChanPoll(ChanId(1)))));
        assert!(!arrive.dependent(&on(Resource::ChanPoll(ChanId(2)))));
    }

    /// `union_with_arrival` adds what `union_with` of the arrival footprint adds, in the same
    /// order, each resource once, and clears the exits as that union does.
    #[test]
    fn union_with_arrival_is_the_union_with_the_arrival() {
        use crate::rt::value::{ChanId, MapId};
        let pieces: Vec<(Resource, bool)> = vec![
            (Resource::Chan(ChanId(1)), true),
            (Resource::Receiver(ChanId(2)), true),
            (Resource::ChanArrival(ChanId(1)), true),
            (Resource::Map(MapId(0)), false),
            (Resource::ReceiverArrival(ChanId(2)), true),
            (Resource::Chan(ChanId(3)), true),
        ];
        let footprints: Vec<Footprint> = (0..1u32 << pieces.len())
            .step_by(3)
            .flat_map(|mask| {
                let resources: Vec<(Resource, bool)> = pieces
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, r)| r.clone())
                    .collect();
                [
                    Footprint {
                        resources: resources.clone().into(),
                        ..Footprint::default()
                    },
                    Footprint {
                        goroutine_exit: true,
                        resources: resources.into(),
                        ..Footprint::default()
                    },
                ]
            })
            .chain([Footprint::main_exit(), Footprint::goroutine_exit()])
            .collect();
        for base in &footprints {
            for next in &footprints {
                let mut old = base.clone();
                old.union_with(&next.arrival());
                let mut new = base.clone();
                new.union_with_arrival(next);
                assert_eq!(new, old, "{base:?} with the arrival of {next:?}");
                let mut both = base.clone();
                both.union_with(next);
                assert!(both
                    .resources
                    .iter()
                    .all(|r| base.resources.contains(r) || next.resources.contains(r)));
                for r in base.resources.iter().chain(next.resources.iter()) {
                    assert_eq!(both.resources.iter().filter(|x| *x == r).count(), 1);
                }
            }
        }
    }

    #[test]
    fn race_reports_conflict_only_with_reads_of_their_count() {
        let on = |r: Resource| Footprint {
            resources: vec![(r, true)].into(),
            ..Footprint::default()
        };
        let (report, read) = (on(Resource::RaceReport), on(Resource::RaceCountRead));
        assert!(!report.dependent(&report));
        assert!(!read.dependent(&read));
        assert!(report.dependent(&read));
        assert!(read.dependent(&report));
        assert!(!report.dependent(&on(Resource::Output)));
        assert!(report.dependent_summarized(report.summary(), &read, read.summary()));
    }

    #[test]
    fn goroutine_creations_commute_go_ids_do_not() {
        let on = |r: Resource, write: bool| Footprint {
            resources: vec![(r, write)].into(),
            ..Footprint::default()
        };
        let spawn = on(Resource::Spawn, true);
        assert!(!spawn.dependent(&spawn));
        assert!(!spawn.dependent(&on(Resource::Output, true)));
        let goid = on(Resource::GoId, true);
        assert!(goid.dependent(&goid));
        assert!(goid.dependent_summarized(goid.summary(), &goid, goid.summary()));
    }

    #[test]
    fn goroutine_exits_commute_with_main_exit_only() {
        assert!(!Footprint::main_exit().dependent(&Footprint::goroutine_exit()));
        assert!(!Footprint::goroutine_exit().dependent(&Footprint::goroutine_exit()));
        assert!(Footprint::main_exit().dependent(&mem(1, &[], false)));
        assert!(Footprint::global().dependent(&Footprint::goroutine_exit()));
    }

    #[test]
    fn summaries_never_hide_a_dependence() {
        use crate::rt::value::{ChanId, MapId};
        let on = |r: Resource, write: bool| Footprint {
            resources: vec![(r, write)].into(),
            ..Footprint::default()
        };
        let all: Vec<Footprint> = (0..40u32)
            .flat_map(|i| {
                let p = Pointer {
                    obj: ObjId(i % 7),
                    path: vec![i % 2].into(),
                };
                [
                    on(Resource::Memory(p.clone()), i % 3 == 0),
                    on(Resource::Commuting(p, CommutingClass::RLock), true),
                    on(Resource::Map(MapId(i % 5)), i % 2 == 0),
                    on(Resource::Chan(ChanId(i % 3)), true),
                    on(Resource::ChanPoll(ChanId(i % 3)), false),
                    on(Resource::Chan(ChanId(i % 3)), true).arrival(),
                    on(Resource::Output, true),
                    on(Resource::RaceReport, true),
                    on(Resource::RaceCountRead, true),
                    on(Resource::Spawn, true),
                    on(Resource::GoId, true),
                    Footprint::main_exit(),
                    Footprint::goroutine_exit(),
                ]
            })
            .collect();
        for a in &all {
            for b in &all {
                assert_eq!(
                    a.dependent_summarized(a.summary(), b, b.summary()),
                    a.dependent(b),
                    "{a:?} vs {b:?}"
                );
            }
        }
    }

    #[test]
    fn global_depends_on_everything() {
        assert!(Footprint::global().dependent(&Footprint::default()));
        assert!(!Footprint::default().dependent(&Footprint::default()));
    }
}
