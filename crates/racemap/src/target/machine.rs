//! [`Target`] for the goroutine machine: its runnable moves, its ending in Go's terms, and the
//! dependence footprint of each goroutine's next operation.
//!
//! Footprints follow `Machine::pending`, made conservative where the machine's own footprint
//! is silent: main's exit is global; a map iteration step reads its map; a library call that
//! names no sync object and is neither output, `time.Sleep` nor the arming of a new timer
//! (`time.After`, `NewTimer`, `AfterFunc`, `NewTicker`, `Tick`) is global (`time.Now`,
//! `context.WithTimeout`, …). Wake-ups, timer fires, sleeps, arming and `Reset` touch the clock
//! or the scheduler's idleness (`Machine::clock_touches`), and a timer's runtime goroutine is a
//! participant of the step that armed it (its fire happens after it).
//! `wg.Done()`, a registering `wg.Wait()`, `RLock` and `RUnlock` are commuting updates whose
//! class depends on the object now ([`CommutingClass`]: the WaitGroup's counter and waiters,
//! whether a writer is announced on the RWMutex); a `sync.Map` `Load`'s first (lock-free) step
//! and atomic loads only read.

use super::footprint::{CommutingClass, Footprint, Resource};
use super::{EarlyWake, Ending, Overtake, QueueRule, Target, WakeSteps, EXIT_LIMIT};
use crate::bytecode::LibFunc;
use crate::diag::SourceMap;
use crate::rt::config::{LimitHit, WakeOrder};
use crate::rt::error::{RtError, EXIT_INTERNAL};
use crate::rt::event::{Event, Gid};
use crate::rt::goroutine::{GoStatus, Visible};
use crate::rt::machine::QueueOrder;
use crate::rt::machine::{Choice, Machine, PendingKind, Status};
use crate::rt::rwmutex::WriterPhase;
use crate::rt::sync_state::SyncState;
use crate::rt::value::{ChanId, Value};
use std::rc::Rc;

impl Target for Machine {
    fn runnable(&self) -> Vec<Choice> {
        Machine::runnable(self)
    }

    fn runnable_of(&self, gid: Gid) -> Vec<Choice> {
        Machine::runnable_of(self, gid)
    }

    fn can_run(&self, choice: Choice) -> bool {
        *self.status() == Status::Running && self.choice_runnable(choice)
    }

    fn step(&mut self, choice: Choice) -> Vec<Event> {
        Machine::step(self, choice)
    }

    fn ending(&self) -> Option<Ending> {
        match self.status() {
            Status::Running => None,
            Status::Exited => Some(Ending {
                exit_code: 0,
                first_line: None,
                text: String::new(),
                deadlock: false,
                limit: false,
            }),
            Status::Failed(e) => Some(Ending {
                exit_code: e.exit_code(),
                first_line: Some(e.first_line()),
                text: e.render(),
                deadlock: e.error == RtError::deadlock(),
                limit: false,
            }),
            Status::Internal(e) => Some(Ending {
                exit_code: EXIT_INTERNAL,
                first_line: Some(e.first_line()),
                text: e.render(),
                deadlock: false,
                limit: false,
            }),
            Status::Limit(l) => {
                let line = l.message();
                Some(Ending {
                    exit_code: EXIT_LIMIT,
                    text: format!("{line}\n"),
                    first_line: Some(line),
                    deadlock: false,
                    limit: true,
                })
            }
        }
    }

    fn ending_text_bytes(&self) -> Option<Vec<u8>> {
        match self.status() {
            Status::Failed(e) => Some(e.render_bytes()),
            _ => self.ending().map(|e| e.text.into_bytes()),
        }
    }

    fn stdout_bytes(&self) -> &[u8] {
        Machine::stdout_bytes(self)
    }

    fn stderr_bytes(&self) -> &[u8] {
        Machine::stderr_bytes(self)
    }

    fn goroutine_count(&self) -> usize {
        Machine::goroutine_count(self)
    }

    fn goroutine_futures(&self) -> Option<Vec<crate::bytecode::future::Classes>> {
        Machine::goroutine_futures(self)
    }

    fn goroutine_futures_with(
        &self,
        footprint: &mut dyn FnMut(Gid) -> Option<Footprint>,
    ) -> Option<Vec<crate::bytecode::future::Classes>> {
        Machine::goroutine_futures_with(self, footprint)
    }

    fn lock_set(
        &self,
        futures: &[crate::bytecode::future::Classes],
    ) -> Option<Vec<(crate::rt::value::Pointer, bool)>> {
        Machine::lock_set(self, futures)
    }

    fn future_until_is_whole(&self, gid: Gid, barrier: crate::bytecode::future::Barrier) -> bool {
        Machine::future_until_is_whole(self, gid, barrier)
    }

    fn future_until(
        &self,
        gid: Gid,
        barrier: crate::bytecode::future::Barrier,
        footprint: &mut dyn FnMut(Gid) -> Option<Footprint>,
    ) -> Option<crate::bytecode::future::Classes> {
        Machine::future_until(self, gid, barrier, footprint)
    }

    fn wait_groups(
        &self,
        futures: &[crate::bytecode::future::Classes],
        footprint: &mut dyn FnMut(Gid) -> Option<Footprint>,
    ) -> Option<Vec<crate::race::WaitGroupDones>> {
        Machine::wait_groups(self, futures, footprint)
    }

    fn atomic_alone(
        &self,
        gid: Gid,
        futures: &[crate::bytecode::future::Classes],
        footprint: &mut dyn FnMut(Gid) -> Option<Footprint>,
    ) -> Option<Vec<Gid>> {
        Machine::atomic_alone(self, gid, futures, footprint)
    }

    fn moves_changed(&self) -> Option<Vec<Gid>> {
        Machine::moves_changed(self)
    }

    fn has_operation(&self, gid: Gid) -> bool {
        self.goroutines
            .get(gid.0 as usize)
            .is_some_and(|g| g.next.is_some() && g.is_live())
    }

    fn blocked_near(&self, fp: &Footprint) -> Option<Vec<Gid>> {
        use crate::rt::machine::WaitObject;
        if fp.global {
            return None;
        }
        let mut objects = Vec::with_capacity(fp.resources.len());
        for (r, _) in &fp.resources {
            match r {
                Resource::Memory(p) | Resource::Commuting(p, _) => {
                    objects.push(WaitObject::Cell(p.obj))
                }
                Resource::Chan(c) | Resource::ChanPoll(c) | Resource::ReceiverPoll(c) => {
                    objects.push(WaitObject::Chan(*c))
                }
                // An arrival conflicts only with a poll (`Footprint::dependent`), which is a
                // `select` with a default or a send into a buffer with room: operations that
                // can always move, so never a blocked one. A receive by itself touches
                // nothing. (A goroutine bomb parks thousands of receivers on one channel;
                // naming them at each new arrival made its search quadratic.)
                Resource::ChanArrival(_) | Resource::ReceiverArrival(_) | Resource::Receiver(_) => {
                }
                // No blocked operation touches a map or spawns.
                Resource::Map(_) | Resource::Spawn | Resource::GoId => {}
                _ => return None,
            }
        }
        Machine::blocked_near(self, &objects)
    }

    fn footprint(&self, gid: Gid) -> Option<Footprint> {
        let (kind, touches) = self.pending_touches(gid)?;
        if kind == PendingKind::Exit {
            // A goroutine whose panic is over ends the program.
            let crashes = self
                .goroutines
                .get(gid.0 as usize)
                .is_some_and(|g| g.panicking.as_ref().is_some_and(|p| !p.goexit));
            return Some(if crashes {
                Footprint::crash()
            } else if gid == Gid::MAIN {
                Footprint::main_exit()
            } else {
                Footprint::goroutine_exit()
            });
        }
        let global = match kind {
            // `runtime.Gosched` touches nothing another goroutine sees; arming a new timer
            // touches the clock and the goroutine numbering only (`clock_touches`).
            PendingKind::Lib(f) => {
                !matches!(f, LibFunc::TimeSleep | LibFunc::RuntimeGosched)
                    && !arms_new_timer(f)
                    && touches.sync.is_empty()
                    && !touches.output
                    && touches.file.is_none()
            }
            _ => false,
        };
        if global {
            return Some(Footprint::global());
        }
        let clock = self.clock_touches(gid, kind);
        let f = touches;
        // Whether the step may report a race: it accesses memory or a map, or a channel as
        // memory (a send reads it, a close writes it: Go's `c.raceaddr()`), or calls a library
        // function with race annotations (atomics, `wg.Add`, `wg.Wait`, `sync.Map`, …); never a
        // receive, a `go` statement, or a lock operation (they only order).
        let may_report_race = !f.memory.is_empty()
            || !f.maps.is_empty()
            || match kind {
                PendingKind::Send | PendingKind::Close | PendingKind::Select => true,
                PendingKind::Lib(func) => !f.sync.is_empty() && !only_orders(func),
                _ => false,
            };
        // Room for every resource pushed below (the arrivals and the clock's are a few).
        let mut resources: Vec<(Resource, bool)> =
            Vec::with_capacity(f.memory.len() + f.maps.len() + f.chans.len() + f.sync.len() + 4);
        resources.extend(f.memory.into_iter().map(|(p, w)| (Resource::Memory(p), w)));
        resources.extend(f.maps.into_iter().map(|(m, w)| (Resource::Map(m), w)));
        resources.extend(f.chans.into_iter().map(|c| (Resource::Chan(c), true)));
        // The library call's arguments, and the state of the sync object its first one points
        // to.
        let call = self
            .goroutines
            .get(gid.0 as usize)
            .and_then(|g| match &g.next {
                Some(Visible::Lib { args, .. }) => Some(args),
                _ => None,
            });
        let object = call.and_then(|args| match args.first() {
            Some(Value::Ptr(Some(ptr))) => self.heap.sync(ptr).ok(),
            _ => None,
        });
        let wg = match object {
            Some(SyncState::WaitGroup(s)) => Some((s.counter, s.waiters)),
            _ => None,
        };
        let writer_announced = match object {
            Some(SyncState::RwMutex(s)) => Some(s.writer() != WriterPhase::None),
            _ => None,
        };
        let commuting = match kind {
            // A Done that does not reach zero commutes with other Dones and registrations; one
            // that reaches zero commutes with those that do not, unless it wakes waiters (it
            // then takes a wake-up step: which goroutine does shows).
            PendingKind::Lib(LibFunc::WaitGroupDone) => match wg {
                Some((2, waiters)) if waiters > 0 => Some(CommutingClass::WaitGroupDecBeforeWake),
                Some((counter, _)) if counter >= 2 => Some(CommutingClass::WaitGroupDec),
                Some((1, 0)) => Some(CommutingClass::WaitGroupZero),
                _ => None,
            },
            // An Add that keeps the counter away from zero in either order with a Done that
            // does not reach zero (the counter is at 2 or more): no `Add` from zero (a read for
            // the race detector), no misuse panic.
            PendingKind::Lib(LibFunc::WaitGroupAdd) => {
                let delta = match call.and_then(|args| args.get(1)) {
                    Some(Value::Int(d)) => *d,
                    _ => 0,
                };
                match wg {
                    Some((counter, _)) if counter >= 2 && delta > 0 => {
                        Some(CommutingClass::WaitGroupInc)
                    }
                    _ => None,
                }
            }
            PendingKind::Lib(LibFunc::WaitGroupWait) => match wg {
                Some((counter, _)) if counter >= 1 => Some(CommutingClass::WaitGroupWaiter),
                _ => None,
            },
            PendingKind::Lib(f @ (LibFunc::RwMutexRLock | LibFunc::RwMutexRUnlock)) => {
                match writer_announced {
                    Some(false) => Some(CommutingClass::Reader),
                    _ if f == LibFunc::RwMutexRLock => Some(CommutingClass::RLock),
                    _ => Some(CommutingClass::RUnlock),
                }
            }
            // A new ticket and a wait for a ticket touch different counts of the Cond.
            PendingKind::Lib(LibFunc::NotifyListAdd) => Some(CommutingClass::CondEnqueue),
            PendingKind::Lib(LibFunc::NotifyListWait) => Some(CommutingClass::CondWait),
            _ => None,
        };
        // Atomic loads only read their word: loads commute with each other. A `sync.Map`
        // `Load`'s first step is its lock-free read of `read` (a miss continues under the lock
        // in later steps, which write).
        let writes = !matches!(
            kind,
            PendingKind::Lib(f) if f == LibFunc::SyncMapLoad
                || f.atomic_op() == Some(crate::library::AtomicOpKind::Load)
        );
        resources.extend(f.sync.into_iter().map(|p| match commuting {
            Some(class) => (Resource::Commuting(p, class), true),
            None => (Resource::Memory(p), writes),
        }));
        if f.output {
            resources.push((Resource::Output, true));
        }
        match f.file {
            Some((fd, false)) => resources.push((Resource::File(fd), true)),
            Some((fd, true)) => resources.push((Resource::FileWaiter(fd), true)),
            None => {}
        }
        // Arming a timer starts a runtime goroutine, which takes no Go number; a `go`
        // statement's child, an `AfterFunc`'s and `t.Run`'s do, and so does the run's first
        // timer fire (`rt::interp::timer`). The numbers show in an outcome only in a test
        // (its report of leaked goroutines): elsewhere creations commute.
        let arms = matches!(kind, PendingKind::Lib(func) if arms_new_timer(func));
        if f.spawn {
            resources.push((Resource::Spawn, true));
        }
        let numbers_shown = self.program.runs_test();
        let first_fire = kind == PendingKind::Wake
            && !self.timer_ctx_numbered
            && matches!(
                self.goroutines
                    .get(gid.0 as usize)
                    .and_then(|g| g.next.as_ref()),
                Some(Visible::TimerFire(_))
            );
        if numbers_shown && ((f.spawn && !arms) || first_fire) {
            resources.push((Resource::GoId, true));
        }
        resources.extend(clock);
        let g = self.goroutines.get(gid.0 as usize)?;
        // A send on an empty buffered channel hands its value to a receiver blocked there
        // (`rt::interp::visible`): whether one has arrived decides what the step does, so it
        // polls the arrivals of receivers on that channel (`Resource::ReceiverPoll`), which a
        // receive's arrival touches (`Resource::Receiver`, `Footprint::arrival`).
        let empty_buffered = |c: &ChanId| {
            let ch = self.heap.chan(*c);
            !ch.is_unbuffered() && ch.is_empty() && !ch.closed
        };
        let mut receivers = |r: Resource| {
            if !resources.contains(&(r.clone(), false)) {
                resources.push((r, false));
            }
        };
        match &g.next {
            Some(Visible::Send(Some(c), _)) if empty_buffered(c) => {
                receivers(Resource::ReceiverPoll(*c));
            }
            Some(Visible::Recv { chan: Some(c), .. }) => receivers(Resource::Receiver(*c)),
            Some(Visible::Select { arms, .. }) => {
                for a in arms {
                    match (a.chan, &a.send) {
                        (Some(c), Some(_)) if empty_buffered(&c) => {
                            receivers(Resource::ReceiverPoll(c));
                        }
                        (Some(c), None) => receivers(Resource::Receiver(c)),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        if let Some(Visible::Select {
            arms,
            has_default: true,
            ..
        }) = &g.next
        {
            let polled: Vec<(Resource, bool)> = resources
                .iter()
                .filter_map(|(r, _)| match r {
                    Resource::Chan(c) => Some((Resource::ChanPoll(*c), false)),
                    _ => None,
                })
                .collect();
            debug_assert!(arms.is_empty() || !polled.is_empty() || resources.is_empty());
            resources.extend(polled);
        }
        if kind == PendingKind::MapIterate {
            let g = self.goroutines.get(gid.0 as usize)?;
            if let Some(Visible::MapIterNext { iter }) = &g.next {
                match g.iters.get(*iter) {
                    Some((Some(m), _)) => resources.push((Resource::Map(*m), false)),
                    Some((None, _)) => {}
                    None => return Some(Footprint::global()),
                }
            }
        }
        // A test fails at its end when the race detector reported a race while it ran (Go's
        // `tRunner`): which test a race fails depends on whether the racing step comes before
        // or after the test's start, pause, resume and race check, so those read the count of
        // reports, and every step that may report a race bumps it.
        if self.program.runs_test() {
            if matches!(
                kind,
                PendingKind::Lib(
                    LibFunc::TestingEnd
                        | LibFunc::TestingSubStart
                        | LibFunc::TestingReleaseSubs
                        | LibFunc::TestingParallelPause
                        | LibFunc::TestingParallelResume
                        | LibFunc::TestingFailed
                        | LibFunc::TestingRunResult
                )
            ) {
                resources.push((Resource::RaceCountRead, true));
                // The race check (`tRunner` after the body) prints `testing.go:1319` under a
                // `=== CONT` line when the root's last printer was another test (-v): it
                // writes stdout and the root's `last_name` as every chatty print does.
                if kind == PendingKind::Lib(LibFunc::TestingReleaseSubs)
                    && !resources.contains(&(Resource::Output, true))
                {
                    resources.push((Resource::Output, true));
                }
            } else if may_report_race {
                resources.push((Resource::RaceReport, true));
            }
        }
        Some(Footprint {
            resources: resources.into(),
            ..Footprint::default()
        })
    }

    fn source_map(&self) -> Rc<SourceMap> {
        Rc::new(self.program().source_map.clone())
    }

    fn first_goroutine_id(&self) -> u64 {
        self.config().first_goroutine_id
    }

    fn testmain_line(&self) -> u32 {
        self.program().testmain_line()
    }

    fn may_sleep(&self) -> bool {
        Machine::may_sleep(self)
    }

    fn set_wake_order(&mut self, order: WakeOrder) {
        Machine::set_wake_order(self, order)
    }

    fn clock_hidden(&self) -> bool {
        Machine::clock_hidden(self)
    }

    fn idle(&self) -> bool {
        self.config().wake_order == WakeOrder::VirtualTime
            && *self.status() == Status::Running
            && Machine::only_sleepers_move(self)
    }

    fn cut_by_limit(&self) -> bool {
        matches!(self.status(), Status::Limit(LimitHit::Goroutines(_)))
    }

    fn leaked(&self) -> Vec<String> {
        self.leaked_goroutines()
    }

    fn note_races(&mut self, count: usize) {
        self.races_reported = count;
    }

    fn withholds_early_ticks(&self) -> bool {
        Machine::withholds_early_ticks(self)
    }

    fn chan_buffered(&self, chan: crate::rt::value::ChanId) -> bool {
        self.heap
            .chans
            .get(chan.0 as usize)
            .is_some_and(|c| c.cap > 0)
    }

    fn hashes_state(&self) -> bool {
        true
    }

    fn max_keyed_goroutines(&self) -> usize {
        self.max_futures_goroutines()
    }

    fn hash_state<H: std::hash::Hasher>(
        &self,
        h: &mut H,
        memo: &mut crate::target::StateMemo,
        parent: Option<&crate::target::StateMemo>,
    ) -> bool {
        Machine::hash_state(self, h, memo, parent);
        true
    }

    fn counts_races(&self) -> bool {
        Machine::counts_races(self)
    }

    fn step_limit(&self) -> Option<u64> {
        Some(self.config.max_steps)
    }

    fn crashes(&self, choice: Choice) -> bool {
        // A panic's end, not a fatal error raised in local code: Go's goroutine that overflows
        // its stack takes about a second to fill its 1 GB, while the others go on.
        self.goroutines.get(choice.gid.0 as usize).is_some_and(|g| {
            matches!(g.next, Some(Visible::Exit))
                && g.panicking
                    .as_ref()
                    .is_some_and(|p| !p.goexit && !p.error.is_fatal())
        })
    }

    fn commutes_with_futures(
        &self,
        gid: Gid,
        footprint: &Footprint,
        futures: &[crate::bytecode::future::Classes],
    ) -> bool {
        Machine::commutes_with_futures(self, gid, footprint, futures)
    }

    fn early_wake(&self, choice: Choice) -> Option<EarlyWake> {
        if !self.wakes_early(choice.gid) {
            return None;
        }
        let span = self.pending(choice.gid)?.span;
        let map = &self.program().source_map;
        Some(EarlyWake {
            goroutine: self.go_id(choice.gid),
            file: map.file_name.clone(),
            line: map.line(span.lo),
            timer: self.timer_made_by(choice.gid),
        })
    }

    fn overtake(&self, choice: Choice, wakes: &mut WakeSteps) -> Option<Overtake> {
        let sleeps = self
            .goroutines
            .get(choice.gid.0 as usize)
            .is_some_and(|g| matches!(g.status, GoStatus::Sleeping(_)));
        if sleeps {
            // A sleeper's or a timer's wake-up: time passes in this step.
            wakes.push(self.steps() + 1);
            return None;
        }
        let passing = self.overtaking(choice, &|from, to| wakes.between(from, to))?;
        let g = self.goroutines.get(choice.gid.0 as usize)?;
        let op = queue_op_name(g.next.as_ref()?);
        let waiting_at = match passing.order {
            QueueOrder::RwMutexReaders => "RLock",
            QueueOrder::Channel | QueueOrder::BufferedSenders | QueueOrder::BufferedReceivers => {
                let first = passing.ahead_of.first()?;
                queue_op_name(self.goroutines.get(first.0 as usize)?.next.as_ref()?)
            }
            QueueOrder::Mutex | QueueOrder::RwMutexWriters => "Lock",
        };
        let span = self.pending(choice.gid)?.span;
        let map = &self.program().source_map;
        Some(Overtake {
            goroutine: self.go_id(choice.gid),
            op: op.to_string(),
            file: map.file_name.clone(),
            line: map.line(span.lo),
            rule: match passing.order {
                QueueOrder::Mutex => QueueRule::Mutex,
                QueueOrder::RwMutexWriters => QueueRule::RwmutexWriters,
                QueueOrder::RwMutexReaders => QueueRule::RwmutexReaders,
                QueueOrder::Channel => QueueRule::Channel,
                QueueOrder::BufferedSenders => QueueRule::BufferedSenders,
                QueueOrder::BufferedReceivers => QueueRule::BufferedReceivers,
            },
            ahead_of: passing.ahead_of.iter().map(|g| self.go_id(*g)).collect(),
            waiting_at: waiting_at.to_string(),
        })
    }
}

/// The name of a queued operation in an [`Overtake`]: `Lock`, `RLock`, `send`, `receive`,
/// `select`.
fn queue_op_name(v: &Visible) -> &'static str {
    match v {
        Visible::Lib {
            func: LibFunc::RwMutexRLock,
            ..
        } => "RLock",
        Visible::Lib { .. } => "Lock",
        Visible::Send(..) => "send",
        Visible::Recv { .. } => "receive",
        Visible::Select { .. } => "select",
        _ => "operation",
    }
}

impl Machine {
    /// What goroutine `gid`'s next operation (of `kind`) touches of the virtual clock and of
    /// the scheduler's idleness (see `rt::timer`):
    ///
    /// * Sleepers waking in virtual time order: a wake-up (a sleep's or a timer's fire) is
    ///   enabled only when no other goroutine can move, so it writes [`Resource::Idle`] (two
    ///   wake-ups are dependent) and the explorer adds a read of it to every step after which
    ///   only sleepers can move (`Target::idle`). The clock needs no resource there: a wake-up
    ///   comes only when every other goroutine is blocked, so every later step of another
    ///   goroutine is one the wake-up (or a later one) enabled, which depends on it already;
    ///   and a goroutine still blocked since then has no operation that reads the clock (the
    ///   readers below never block).
    /// * Sleepers waking at any time: a wake-up raises the clock to its deadline
    ///   ([`Resource::ClockRaise`]; raises commute); a timer's fire also reads it (it sends the
    ///   time now), as do a sleep's start, arming a new timer and `Reset` (their deadline is
    ///   `now + d`) ([`Resource::ClockRead`]).
    ///
    /// A program that cannot show the clock's value ([`Machine::observes_clock`]: it only
    /// sleeps) touches no clock: the order of raises and reads shows nowhere; nor does a
    /// frozen clock ([`WakeOrder::Timeless`]), which nothing raises. `time.Now`,
    /// `time.Since`, `time.Until` and the contexts with a deadline keep a global footprint.
    fn clock_touches(&self, gid: Gid, kind: PendingKind) -> Vec<(Resource, bool)> {
        let order = self.config().wake_order;
        let any_time = order.any_time();
        if any_time && (!self.observes_clock() || order.freezes_clock()) {
            return Vec::new();
        }
        let fires = self
            .goroutines
            .get(gid.0 as usize)
            .is_some_and(|g| matches!(g.next, Some(Visible::TimerFire(_))));
        match kind {
            PendingKind::Wake if !any_time => vec![(Resource::Idle, true)],
            PendingKind::Wake if fires => {
                vec![(Resource::ClockRaise, true), (Resource::ClockRead, true)]
            }
            PendingKind::Wake => vec![(Resource::ClockRaise, true)],
            PendingKind::Lib(
                LibFunc::TimeSleep
                | LibFunc::TimerReset
                | LibFunc::TickerReset
                | LibFunc::TimeAfter
                | LibFunc::TimeTick
                | LibFunc::TimeNewTimer
                | LibFunc::TimeNewTicker
                | LibFunc::TimeAfterFunc,
            ) if any_time => vec![(Resource::ClockRead, true)],
            _ => Vec::new(),
        }
    }
}

/// `f` makes a new runtime timer and arms it (`time.After`, `time.Tick`, `time.NewTimer`,
/// `time.NewTicker`, `time.AfterFunc`): it reads the clock and starts the timer's runtime
/// goroutine (a participant of the step, `explore::dpor::participants`), and touches no
/// existing object.
fn arms_new_timer(f: LibFunc) -> bool {
    matches!(
        f,
        LibFunc::TimeAfter
            | LibFunc::TimeTick
            | LibFunc::TimeNewTimer
            | LibFunc::TimeNewTicker
            | LibFunc::TimeAfterFunc
    )
}

/// Library calls the race detector sees only as synchronization (acquires and releases): they
/// never report a race themselves.
fn only_orders(func: LibFunc) -> bool {
    matches!(
        func,
        LibFunc::MutexLock
            | LibFunc::MutexUnlock
            | LibFunc::MutexTryLock
            | LibFunc::RwMutexLock
            | LibFunc::RwMutexUnlock
            | LibFunc::RwMutexRLock
            | LibFunc::RwMutexRUnlock
            | LibFunc::RwMutexTryLock
            | LibFunc::RwMutexTryRLock
            | LibFunc::WaitGroupDone
            | LibFunc::CondSignal
            | LibFunc::CondBroadcast
            | LibFunc::NotifyListAdd
            | LibFunc::NotifyListWait
    ) || matches!(
        func.spec().owner,
        crate::library::Owner::Runtime("testing")
            | crate::library::Owner::Sync(crate::types::SyncKind::TestingT)
    )
}
