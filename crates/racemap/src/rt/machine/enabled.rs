//! Enabledness: which parked operations can run now (a free mutex, a ready channel partner, a
//! zero WaitGroup counter, …), the wait reason of a blocked one, deadlock detection, and the
//! footprint (what a pending operation touches) the explorer uses to tell dependent steps apart.

use super::*;
use crate::library::Visibility;

impl Machine {
    /// Whether `choice` is in [`Machine::runnable`], without building the whole list.
    pub(crate) fn choice_runnable(&self, choice: Choice) -> bool {
        let Some(g) = self.goroutines.get(choice.gid.0 as usize) else {
            return false;
        };
        match (&g.status, &g.next) {
            (
                GoStatus::Parked,
                Some(Visible::Select {
                    arms, has_default, ..
                }),
            ) => match arms.get(choice.alt as usize) {
                Some(arm) => self.arm_ready(g.gid, arm),
                None => {
                    *has_default
                        && choice.alt as usize == arms.len()
                        && self.default_ready(g.gid, arms)
                }
            },
            (GoStatus::Parked, Some(v)) => {
                self.enabled(g.gid, v) && choice.alt < self.alternatives(g.gid, v)
            }
            (GoStatus::Sleeping(_), _) => self.runnable().contains(&choice),
            _ => false,
        }
    }

    /// Some goroutine can move (stops at the first one found).
    pub(super) fn any_runnable(&self) -> bool {
        self.candidates().any(|g| match (&g.status, &g.next) {
            (GoStatus::Sleeping(_), _) => true,
            (GoStatus::Parked, Some(v)) => self.enabled(g.gid, v),
            _ => false,
        })
    }

    /// After a step: if nothing can move, the program deadlocked.
    pub(crate) fn check_deadlock(&mut self) {
        if self.status == Status::Running && !self.any_runnable() {
            // After main's runtime.Goexit, Go reports the deadlock differently when no
            // goroutine is left at all.
            let main_gone = self
                .goroutines
                .get(0)
                .is_some_and(|g| g.status == GoStatus::Done);
            let error = if main_gone && !self.goroutines.iter().any(|g| g.is_live()) {
                RtError::no_goroutines()
            } else {
                RtError::deadlock()
            };
            self.fail(Gid::MAIN, error, Vec::new(), None);
        }
    }

    // ----- enabledness -----

    /// The goroutine other than `me` parked at a receive (`want_recv`) or a send on `chan` that
    /// arrived there first (for a `select` without a default, its first such case): Go's
    /// channel wait queues are FIFO (`runtime/chan.go`'s `waitq`; a `select` waits in every
    /// case's queue), so a rendezvous completes with the head of the queue
    /// ([`Arrival`](crate::rt::goroutine::Arrival), ties by goroutine id). Found among those
    /// the wait index lists and those written since it was brought up to date (`wait_index`).
    pub(super) fn parked_partner(
        &self,
        me: Gid,
        chan: ChanId,
        want_recv: bool,
    ) -> Option<(Gid, Option<u32>)> {
        let check = |g: &Goroutine| -> Option<(Gid, Option<u32>)> {
            if g.gid == me || g.status != GoStatus::Parked {
                return None;
            }
            match &g.next {
                Some(Visible::Recv { chan: Some(c), .. }) if want_recv && *c == chan => {
                    Some((g.gid, None))
                }
                Some(Visible::Send(Some(c), _)) if !want_recv && *c == chan => Some((g.gid, None)),
                // A `select` with a default never blocks (Go's `selectnbsend`/`selectnbrecv`
                // never join a channel's wait queue): it is no one's partner.
                Some(Visible::Select {
                    arms,
                    has_default: false,
                    ..
                }) => arms
                    .iter()
                    .position(|a| a.chan == Some(chan) && (a.send.is_none() == want_recv))
                    .map(|i| (g.gid, Some(i as u32))),
                _ => None,
            }
        };
        let order = |(g, _): &(Gid, Option<u32>)| (self.goroutines[g.0 as usize].arrival, *g);
        let scan = || self.goroutines.iter().filter_map(check).min_by_key(order);
        let Some(parked) = self.parked_at(chan, want_recv) else {
            return scan();
        };
        let get = |g: Gid| self.goroutines.get(g.0 as usize);
        // Every goroutine parked there is checked (the set is by id; Go's queue order is the
        // goroutines' arrival numbers).
        let indexed = parked.filter_map(get).filter_map(check).min_by_key(order);
        let written = self
            .goroutines
            .changed_so_far()
            .iter()
            .filter_map(|i| self.goroutines.get(*i))
            .filter_map(check)
            .min_by_key(order);
        let found = match (indexed, written) {
            (Some(a), Some(b)) => Some(if order(&b) < order(&a) { b } else { a }),
            (a, b) => a.or(b),
        };
        if cfg!(debug_assertions) && self.goroutines.len() <= DEBUG_SCAN_MAX {
            debug_assert_eq!(
                found,
                scan(),
                "the wait index's partner differs from a scan's"
            );
        }
        found
    }

    /// The partner a rendezvous by `me` on `chan` would complete with (see
    /// [`Machine::partner_in`]; in a run, only the later arrival of the two queue heads).
    pub(crate) fn partner(
        &self,
        me: Gid,
        chan: ChanId,
        me_sends: bool,
    ) -> Option<(Gid, Option<u32>)> {
        self.partner_in(me, chan, me_sends, self.queues_arrived())
    }

    /// The goroutines that may make the next rendezvous on the unbuffered `c` in a run: of
    /// the heads of its send and receive queues, the later arrival (what
    /// [`Machine::partner_in`] allows with `arrived`, for all goroutines at once).
    /// Both heads when they arrived in one step.
    pub(crate) fn rendezvous_movers(&self, c: ChanId) -> [Option<Gid>; 2] {
        let nobody = Gid(u32::MAX);
        let heads = (
            self.parked_partner(nobody, c, false),
            self.parked_partner(nobody, c, true),
        );
        let (Some((sender, _)), Some((receiver, _))) = heads else {
            return [None, None];
        };
        let arrival = |g: Gid| {
            self.goroutines
                .get(g.0 as usize)
                .map(|g| g.arrival)
                .unwrap_or_default()
        };
        let (s, r) = (arrival(sender), arrival(receiver));
        if s.same_step(r) {
            [Some(sender), Some(receiver)]
        } else if s > r {
            [Some(sender), None]
        } else {
            [Some(receiver), None]
        }
    }

    /// Every goroutine parked at a channel operation has arrived there, in the order of
    /// their arrival numbers: in a run
    /// ([`WakeOrder::receivers_arrived`](crate::rt::config::WakeOrder::receivers_arrived)).
    pub(crate) fn queues_arrived(&self) -> bool {
        self.config.wake_order.receivers_arrived()
    }

    /// The partner a rendezvous by `me` on `chan` would complete with: the head of the
    /// opposite wait queue (the earliest arrival, [`Machine::parked_partner`]).
    ///
    /// With `arrived` (a run, where a parked goroutine has arrived at its operation when its
    /// arrival number says: Go's `chansend`/`chanrecv` ran), only the *later* arrival of the
    /// two makes the rendezvous, as in Go, where the goroutine that arrives finds the head
    /// of the other queue and completes the handoff at once while the one parked there was
    /// just made runnable: the partner must have arrived before `me`, and `me` must be the
    /// head of its own side's queue (an earlier arrival on `me`'s side was the one that
    /// dequeued the partner, or was dequeued by it). A `select` with a default never waits
    /// in a queue: it meets the head of the other queue only when nobody waits on its own
    /// side. (A `select` parked in several queues and dequeued on another channel by an
    /// earlier arrival there is not excluded: the queues are kept per channel.)
    ///
    /// Without `arrived` (a search), an arrival may come after any step of another goroutine
    /// (`WakeOrder::receivers_arrived`): any parked goroutine may be the one arriving now, and
    /// it meets the head of the other queue.
    ///
    /// Two goroutines that arrived in one step arrived in either order
    /// ([`Arrival::same_step`](crate::rt::goroutine::Arrival::same_step)): either may make the
    /// rendezvous (unless `ties` is false: then only a partner from an earlier step counts).
    pub(crate) fn partner_in(
        &self,
        me: Gid,
        chan: ChanId,
        me_sends: bool,
        arrived: bool,
    ) -> Option<(Gid, Option<u32>)> {
        self.partner_with(me, chan, me_sends, arrived, true)
    }

    /// [`Machine::partner_in`], with or without `ties`.
    fn partner_with(
        &self,
        me: Gid,
        chan: ChanId,
        me_sends: bool,
        arrived: bool,
        ties: bool,
    ) -> Option<(Gid, Option<u32>)> {
        let found = self.parked_partner(me, chan, me_sends)?;
        if !arrived {
            return Some(found);
        }
        let arrival = |g: Gid| {
            self.goroutines
                .get(g.0 as usize)
                .map(|g| g.arrival)
                .unwrap_or_default()
        };
        let (theirs, mine) = (arrival(found.0), arrival(me));
        if theirs >= mine && !(ties && theirs.same_step(mine)) {
            return None;
        }
        match self.parked_partner(found.0, chan, !me_sends) {
            Some((head, _)) if head != me => None,
            _ => Some(found),
        }
    }

    /// Whether a `select` with a default (parked at `arms`) may take it: no case is ready; in
    /// a search, no case is ready by the state of its channel alone (a buffered value, room
    /// in a buffer, a closed channel). A case ready only through a rendezvous with a parked
    /// partner needs the partner to have arrived at its operation, which in a search may come
    /// later ([`WakeOrder::receivers_arrived`](crate::rt::config::WakeOrder::receivers_arrived)):
    /// Go takes the default when `select` finds no partner waiting.
    pub(crate) fn default_ready(&self, gid: Gid, arms: &[crate::rt::goroutine::SelectArm]) -> bool {
        if self.config.wake_order.receivers_arrived() {
            // A partner that arrived in the same step may come after the `select` (Go's
            // `selectnbsend`/`selectnbrecv` then find nobody): the default too.
            !arms.iter().any(|a| {
                let Some(c) = a.chan else { return false };
                let sends = a.send.is_some();
                self.arm_ready_alone(a)
                    || (self.heap.chan(c).is_unbuffered()
                        && self.partner_with(gid, c, sends, true, false).is_some())
            })
        } else {
            !arms.iter().any(|a| self.arm_ready_alone(a))
        }
    }

    /// The case can run by the state of its channel alone, without a partner.
    pub(crate) fn arm_ready_alone(&self, arm: &crate::rt::goroutine::SelectArm) -> bool {
        let Some(c) = arm.chan else { return false };
        let ch = self.heap.chan(c);
        if arm.send.is_some() {
            ch.can_send_buffered()
        } else {
            ch.can_recv_buffered()
        }
    }

    pub(crate) fn arm_ready(&self, gid: Gid, arm: &crate::rt::goroutine::SelectArm) -> bool {
        self.arm_ready_in(gid, arm, self.queues_arrived())
    }

    /// [`Machine::arm_ready`] with the partner rule of [`Machine::partner_in`]'s `arrived`.
    fn arm_ready_in(&self, gid: Gid, arm: &crate::rt::goroutine::SelectArm, arrived: bool) -> bool {
        let Some(c) = arm.chan else { return false };
        let ch = self.heap.chan(c);
        let sends = arm.send.is_some();
        let alone = if sends {
            ch.can_send_buffered()
        } else {
            ch.can_recv_buffered()
        };
        alone || (ch.is_unbuffered() && self.partner_in(gid, c, sends, arrived).is_some())
    }

    /// The sync.Map whose store the sync.Map at `p` shares, when it is another one (`p` is a
    /// copy): a step of a copy also touches the original, so the explorer never takes steps of
    /// two copies for independent.
    pub(super) fn sync_map_owner(&self, p: &Pointer) -> Option<Pointer> {
        let Ok(SyncState::Map(s)) = self.heap.sync(p) else {
            return None;
        };
        let store = self.heap.sync_maps.get(s.store? as usize)?;
        store.owner.clone().filter(|o| o != p)
    }

    pub(super) fn sync_at(&self, args: &[Value]) -> Option<&SyncState> {
        match args.first() {
            Some(Value::Ptr(Some(p))) => self.heap.sync(p).ok(),
            _ => None,
        }
    }

    pub(crate) fn enabled(&self, gid: Gid, v: &Visible) -> bool {
        self.enabled_in(gid, v, self.queues_arrived())
    }

    /// [`Machine::enabled`] with the partner rule of [`Machine::partner_in`]'s `arrived`
    /// (the wait index keeps the rule of a search, shared by all the plain sends or receives
    /// on a channel, and a run filters its candidates with the rule of a run).
    pub(crate) fn enabled_in(&self, gid: Gid, v: &Visible, arrived: bool) -> bool {
        match v {
            Visible::Send(None, _) | Visible::Recv { chan: None, .. } => false,
            Visible::Send(Some(c), _) => {
                let ch = self.heap.chan(*c);
                ch.can_send_buffered()
                    || (ch.is_unbuffered() && self.partner_in(gid, *c, true, arrived).is_some())
            }
            Visible::Recv { chan: Some(c), .. } => {
                let ch = self.heap.chan(*c);
                ch.can_recv_buffered()
                    || (ch.is_unbuffered() && self.partner_in(gid, *c, false, arrived).is_some())
            }
            Visible::Select {
                arms, has_default, ..
            } => *has_default || arms.iter().any(|a| self.arm_ready_in(gid, a, arrived)),
            Visible::RwLockFinish(p) => match self.heap.sync(p) {
                Ok(SyncState::RwMutex(s)) => s.can_finish_lock(),
                _ => true,
            },
            Visible::Wake => false,
            Visible::Exit if self.config.plain_build && gid == Gid::MAIN => self.main_may_exit(),
            Visible::FileLock { fd, .. } => !self.file_locked(*fd),
            // Every call of package `log` here locks the logger's mutex: it waits while a print
            // holds it (`rt::interp::log`).
            Visible::Lib { func, args, .. }
                if func.spec().owner == crate::library::Owner::Package("log") =>
            {
                match args.first() {
                    Some(Value::Ptr(Some(p))) => !self.log_locked(&p.child(2)),
                    _ => true,
                }
            }
            Visible::WaitGroupSemacquire(p) => match self.heap.sync(p) {
                Ok(SyncState::WaitGroup(s)) => s.can_semacquire(),
                _ => true,
            },
            // In a run, taking `mu` also waits for its turn in `mu`'s queue (`lock_queue`).
            Visible::SyncMap(inflight) => match self.heap.sync(&inflight.ptr) {
                Ok(SyncState::Map(s)) => {
                    s.can_step(&inflight.op)
                        && (!arrived || self.lock_turn(gid, v, &mut Default::default()))
                }
                _ => true,
            },
            Visible::Lib { func, args, .. } => match (func, self.sync_at(args)) {
                // In a run, also its turn in the lock's queue (`lock_queue`).
                (LibFunc::MutexLock, Some(SyncState::Mutex(s))) => {
                    s.can_lock() && (!arrived || self.lock_turn(gid, v, &mut Default::default()))
                }
                (LibFunc::RwMutexLock, Some(SyncState::RwMutex(s))) => {
                    s.can_start_lock()
                        && (!arrived || self.lock_turn(gid, v, &mut Default::default()))
                }
                (LibFunc::RwMutexRLock, Some(SyncState::RwMutex(s))) => s.can_rlock(),
                (LibFunc::OnceDo, Some(SyncState::Once(s))) => s.can_start(),
                (LibFunc::TestingSubWait, Some(SyncState::TestingT(t))) => t.done || t.parallel,
                (LibFunc::TestingParallelResume, Some(SyncState::TestingT(t))) => match &t.parent {
                    Some(parent) => matches!(
                        self.heap.sync(parent),
                        Ok(SyncState::TestingT(pt)) if pt.released
                    ),
                    None => true,
                },
                (LibFunc::TestingWaitSubs, Some(SyncState::TestingT(t))) => t
                    .parallel_subs
                    .iter()
                    .all(|s| matches!(self.heap.sync(s), Ok(SyncState::TestingT(st)) if st.done)),
                (LibFunc::TestingQuiesce, _) => self.goroutines.iter().all(|g| {
                    g.gid == gid
                        || match (&g.status, &g.next) {
                            (GoStatus::Done, _) => true,
                            // A goroutine whose panic is over: Go's test binary exits without
                            // waiting for it (`PASS` when the exit comes first).
                            (_, Some(Visible::Exit))
                                if g.panicking.as_ref().is_some_and(|p| !p.goexit) =>
                            {
                                true
                            }
                            // A ticker fires forever: the test does not wait for it.
                            (GoStatus::Sleeping(_), Some(Visible::TimerFire(p))) => {
                                matches!(self.heap.sync(p), Ok(SyncState::Timer(t)) if t.period > 0)
                            }
                            (GoStatus::Parked, Some(v)) => {
                                !matches!(
                                    v,
                                    Visible::Lib {
                                        func: LibFunc::TestingQuiesce,
                                        ..
                                    }
                                ) && !self.enabled(g.gid, v)
                            }
                            _ => false,
                        }
                }),
                (LibFunc::NotifyListWait, Some(SyncState::CondNotify(s))) => {
                    match args.get(1).and_then(Value::as_int) {
                        Some(t) => s.can_wait(t as u64),
                        None => true,
                    }
                }
                // A sync.Map call's first step is its lock-free fast path: always enabled
                // (only its later `mu.Lock()` step waits, see `Visible::SyncMap` above).
                _ => true,
            },
            _ => true,
        }
    }

    /// How many alternatives an enabled operation other than `select` offers: the first step
    /// of a map `range` loop and the `sync.Map.Range` step that snapshots `read` draw their
    /// start (one alternative per distinct iteration order, as Go's random start), a
    /// `sync.Pool.Get` its item (one per pooled item, then `New`); others 1.
    #[inline]
    pub(crate) fn alternatives(&self, gid: Gid, v: &Visible) -> u32 {
        if !super::wait_index::varied_alternatives(v) {
            return 1;
        }
        match v {
            Visible::MapIterNext { iter } => {
                let Some(g) = self.goroutines.get(gid.0 as usize) else {
                    return 1;
                };
                match g.iters.get(*iter) {
                    Some((Some(m), cursor)) if !cursor.started => {
                        let map = self.heap.map(*m);
                        if map.writing.is_some() {
                            1
                        } else {
                            map.iteration_starts().len() as u32
                        }
                    }
                    _ => 1,
                }
            }
            Visible::Lib {
                func: LibFunc::SyncMapRange,
                args,
                ..
            } => match self.sync_at(args) {
                Some(SyncState::Map(s)) => self
                    .heap
                    .filled_sync_map(s)
                    .range_alternatives(&crate::rt::sync_map::Phase::Fast),
                _ => 1,
            },
            // `sync.Pool.Get`: each pooled item, or `New` (`rt::interp::pool`).
            Visible::Lib {
                func: LibFunc::PoolGet,
                args,
                ..
            } => match args.first() {
                Some(Value::Ptr(Some(p))) => match self.heap.load(&p.child(1)) {
                    Ok(Value::Slice(Some(s))) => s.len + 1,
                    _ => 1,
                },
                _ => 1,
            },
            Visible::SyncMap(inflight) => match self.heap.sync(&inflight.ptr) {
                Ok(SyncState::Map(s)) if inflight.op.key.is_none() => self
                    .heap
                    .filled_sync_map(s)
                    .range_alternatives(&inflight.op.phase),
                _ => 1,
            },
            _ => 1,
        }
    }

    pub(crate) fn wait_reason(&self, v: &Visible) -> WaitReason {
        match v {
            Visible::Send(None, _) => WaitReason::ChanSendNil,
            Visible::Recv { chan: None, .. } => WaitReason::ChanReceiveNil,
            Visible::Send(..) => WaitReason::ChanSend,
            Visible::Recv { .. } => WaitReason::ChanReceive,
            Visible::Select { arms, .. } if arms.is_empty() => WaitReason::SelectNoCases,
            Visible::Select { .. } => WaitReason::Select,
            Visible::RwLockFinish(_) => WaitReason::RwMutexLock,
            Visible::WaitGroupSemacquire(_) => WaitReason::WaitGroupWait,
            Visible::FileLock { .. } => WaitReason::Semacquire,
            Visible::SyncMap(_) => WaitReason::MutexLock,
            Visible::Wake => WaitReason::Sleep,
            Visible::Lib { func, .. } => match func {
                LibFunc::MutexLock => WaitReason::MutexLock,
                LibFunc::RwMutexLock => WaitReason::RwMutexLock,
                LibFunc::RwMutexRLock => WaitReason::RwMutexRLock,
                LibFunc::WaitGroupWait => WaitReason::WaitGroupWait,
                LibFunc::OnceDo => WaitReason::OnceDo,
                LibFunc::NotifyListWait => WaitReason::CondWait,
                LibFunc::TestingSubWait
                | LibFunc::TestingParallelResume
                | LibFunc::TestingWaitSubs => WaitReason::ChanReceive,
                _ => WaitReason::MutexLock,
            },
            _ => WaitReason::Select,
        }
    }

    pub(super) fn touches(&self, v: &Visible) -> (PendingKind, Touches) {
        let mut f = Touches::default();
        let kind = match v {
            Visible::Load(p) => {
                if let Some(p) = p {
                    f.memory.push((p.clone(), false));
                }
                PendingKind::Load
            }
            Visible::Store(p, _) => {
                if let Some(p) = p {
                    f.memory.push((p.clone(), true));
                }
                PendingKind::Store
            }
            Visible::MapGet { map, .. } | Visible::MapLen(map) => {
                if let Some(m) = map {
                    f.maps.push((*m, false));
                }
                PendingKind::MapRead
            }
            Visible::MapWriteBegin { map, .. } => {
                if let Some(m) = map {
                    f.maps.push((*m, true));
                }
                PendingKind::MapWriteBegin
            }
            Visible::MapWriteEnd { map, .. } => {
                f.maps.push((*map, true));
                PendingKind::MapWriteEnd
            }
            Visible::MapIterNext { .. } => PendingKind::MapIterate,
            Visible::Append { slice, .. } => {
                if let Value::Slice(Some(s)) = slice {
                    f.memory.push((s.array(), true));
                }
                PendingKind::SliceWrite
            }
            Visible::Copy { dst, src } => {
                if let Value::Slice(Some(s)) = dst {
                    f.memory.push((s.array(), true));
                }
                if let Value::Slice(Some(s)) = src {
                    f.memory.push((s.array(), false));
                }
                PendingKind::SliceWrite
            }
            Visible::Go { .. } => {
                f.spawn = true;
                PendingKind::Go
            }
            Visible::Send(c, _) => {
                f.chans.extend(c.iter().copied());
                PendingKind::Send
            }
            Visible::Recv { chan, .. } => {
                f.chans.extend(chan.iter().copied());
                PendingKind::Recv
            }
            Visible::Close(c) => {
                f.chans.extend(c.iter().copied());
                PendingKind::Close
            }
            Visible::ChanLen(c) => {
                f.chans.extend(c.iter().copied());
                PendingKind::ChanLen
            }
            Visible::Select { arms, .. } => {
                f.chans.extend(arms.iter().filter_map(|a| a.chan));
                PendingKind::Select
            }
            Visible::Lib { func, args, .. } => {
                match func.spec().visibility {
                    Visibility::Output => {
                        f.output = true;
                        // What fmt reads while it prints (see `Machine::print_reading`).
                        self.fmt_reach(args, &mut f);
                        // The file's lock: taken with the write, or a waiter's registration
                        // (no output yet), `rt::interp::file`.
                        if let Some(fd) = self.print_file(*func, args) {
                            let waiter = self.file_locked(fd);
                            f.output = !waiter;
                            f.file = Some((fd, waiter));
                        }
                    }
                    Visibility::Clock => {}
                    Visibility::Timer => f.spawn = true,
                    Visibility::Log => {
                        // A print writes to os.Stderr or registers as a waiter on its lock.
                        let waiter = self.file_locked(2);
                        f.output = !waiter;
                        f.file = Some((2, waiter));
                        if let Some(Value::Ptr(Some(p))) = args.first() {
                            f.sync.push(p.clone());
                        }
                        self.fmt_reach(args.get(1..).unwrap_or_default(), &mut f);
                    }
                    Visibility::Object | Visibility::Local | Visibility::Scheduler => {
                        if let Some(Value::Ptr(Some(p))) = args.first() {
                            f.sync.push(p.clone());
                            f.sync.extend(self.sync_map_owner(p));
                        }
                    }
                }
                if matches!(
                    func,
                    LibFunc::TestingExampleStart | LibFunc::TestingExampleEnd
                ) {
                    // Whether a print to os.Stdout is an example's captured output.
                    f.output = true;
                }
                if matches!(
                    func,
                    LibFunc::ContextCancel | LibFunc::ContextDone | LibFunc::ContextErr
                ) {
                    // A cancel reaches the context's descendants and their channels, and
                    // leaves its parent; Done and Err lock the nearest cancelable ancestor.
                    if let Some(Value::Ptr(Some(p))) = args.first() {
                        let (ptrs, chans) = self.context_touches(p);
                        f.sync.extend(ptrs);
                        f.chans.extend(chans);
                    }
                }
                PendingKind::Lib(*func)
            }
            Visible::RwLockFinish(p) => {
                f.sync.push(p.clone());
                PendingKind::RwLockFinish
            }
            Visible::OnceDone(p) => {
                f.sync.push(p.clone());
                PendingKind::OnceDone
            }
            Visible::WaitGroupWake { wg, .. } => {
                f.sync.push(wg.clone());
                PendingKind::WaitGroupWake
            }
            Visible::WaitGroupSemacquire(p) => {
                f.sync.push(p.clone());
                PendingKind::WaitGroupSemacquire
            }
            Visible::SyncMap(inflight) => {
                f.sync.push(inflight.ptr.clone());
                f.sync.extend(self.sync_map_owner(&inflight.ptr));
                PendingKind::SyncMapStep
            }
            Visible::Print { .. } => {
                f.output = true;
                PendingKind::Print
            }
            Visible::FileLock {
                fd, log, source, ..
            } => {
                f.output = true;
                // `(*os.File).Write`'s reads of its `[]byte`.
                if let Some(Value::Slice(Some(s))) = source {
                    f.memory.push((s.array(), false));
                }
                f.file = Some((*fd, false));
                f.sync.extend(log.iter().map(|l| l.mu.clone()));
                PendingKind::FileStep
            }
            Visible::FileUnlock { fd, log, .. } => {
                f.file = Some((*fd, false));
                f.sync.extend(log.iter().map(|l| l.mu.clone()));
                PendingKind::FileStep
            }
            Visible::Wake => PendingKind::Wake,
            Visible::TimerFire(p) => {
                // The fire updates the timer and sends on its channel or starts a goroutine.
                f.sync.push(p.clone());
                if let Ok(SyncState::Timer(t)) = self.heap.sync(p) {
                    f.chans.extend(t.chan());
                    f.spawn = matches!(t.action, crate::rt::timer::TimerAction::Func(_));
                    if let crate::rt::timer::TimerAction::CancelContext(ctx) = &t.action {
                        let (ptrs, chans) = self.context_touches(ctx);
                        f.sync.extend(ptrs);
                        f.chans.extend(chans);
                    }
                }
                PendingKind::Wake
            }
            Visible::Exit => PendingKind::Exit,
        };
        (kind, f)
    }
}
