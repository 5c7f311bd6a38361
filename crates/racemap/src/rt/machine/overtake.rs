//! Which of Go's queue orders a move passes: the oracle that tells an outcome needing a
//! goroutine delayed on its way to a lock or a channel from one Go's runtime shows as is.
//!
//! A run follows Go's queue orders (`WakeOrder::receivers_arrived`): a mutex's waiters take it
//! in arrival order and an RWMutex lets the readers blocked by a writer in before the next
//! writer (`lock_queue`); an unbuffered channel pairs the heads of its two FIFO queues
//! (`Machine::partner_in`). A search keeps the general rule, any parked goroutine may be the
//! one arriving now: every order Go shows when a goroutine is delayed before its operation
//! stays reachable. [`Machine::overtaking`] replays the rule of a run on one move of a search
//! (the same functions a run's moves are listed with, asked with the run's rule): a move the
//! run's rule forbids passes the goroutines it names, each of which Go would have served
//! first had it not been delayed before arriving. An unbuffered rendezvous counts as allowed
//! when the run's rule lets either side make it.
//!
//! A buffered channel queues its blocked senders (at a full buffer) and receivers (at an
//! empty one) FIFO too (`runtime/chan.go`'s `sendq` and `recvq`): a run's receive from a full
//! buffer moves the first blocked sender's value in, a run's send to an empty one hands its
//! value to the first blocked receiver (`rt::interp::chan_handoff`), while a search lets any
//! goroutine parked there take the slot or the value in a step of its own. A search's send
//! (receive) on a buffered channel passes the goroutines parked at a send (receive) on it that
//! arrived before it with time passed in between: when the sleep or timer ended, virtual time
//! let it end only with them blocked (else the wake is early, a note of its own), so Go had
//! them queued before the mover arrived (`buffered_passes`).
//!
//! A goroutine counts as passed only when time passed between its arrival and the moment its
//! place came first (the passing goroutine's arrival; for the readers an RWMutex lets in
//! first, its `Unlock`): a sleep or a timer ended in between (`time_passed`). Arrivals with no
//! sleep between them come in any order in Go (which goroutine the scheduler runs first:
//! Go 1.19 runs the last one created first), so such an order needs no delay.

use super::*;
use crate::rt::goroutine::Arrival;

/// The queue order a move passes ([`Machine::overtaking`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueueOrder {
    /// A `sync.Mutex`'s FIFO queue of waiters at `Lock`.
    Mutex,
    /// An `RWMutex`'s FIFO queue of writers at `Lock`.
    RwMutexWriters,
    /// An `RWMutex`'s readers blocked during the last write hold: its `Unlock` lets them in
    /// before any next writer.
    RwMutexReaders,
    /// An unbuffered channel's FIFO queue of senders or receivers.
    Channel,
    /// A buffered channel's FIFO queue of senders blocked at its full buffer.
    BufferedSenders,
    /// A buffered channel's FIFO queue of receivers blocked at its empty buffer.
    BufferedReceivers,
}

/// A move that passes goroutines Go's queue order would have served first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overtaking {
    /// The order it passes.
    pub order: QueueOrder,
    /// The goroutines it passes, by arrival.
    pub ahead_of: Vec<Gid>,
}

impl Machine {
    /// Whether `choice` (a move listed now) passes goroutines that Go's queue order would
    /// serve first (see the module docs); `None` in a run (whose moves follow the order) and
    /// for a move no queue orders. `time_passed(a, b)`: a sleep or timer ended after machine
    /// step `a` and no later than step `b` ([`Arrival::step`]).
    pub fn overtaking(
        &self,
        choice: Choice,
        time_passed: &dyn Fn(u64, u64) -> bool,
    ) -> Option<Overtaking> {
        if self.queues_arrived() {
            return None;
        }
        let gid = choice.gid;
        let g = self.goroutines.get(gid.0 as usize)?;
        if g.status != GoStatus::Parked {
            return None;
        }
        let v = g.next.as_ref()?;
        match v {
            Visible::Lib {
                func: LibFunc::MutexLock | LibFunc::RwMutexLock,
                ..
            }
            | Visible::SyncMap(_) => {
                if !self.enabled_in(gid, v, false) {
                    return None;
                }
                let (readers, at, ahead) = self.lock_passes(gid, v)?;
                let ahead_of = passed(ahead, at, time_passed);
                let order = match (v, readers) {
                    (_, true) => QueueOrder::RwMutexReaders,
                    (
                        Visible::Lib {
                            func: LibFunc::RwMutexLock,
                            ..
                        },
                        false,
                    ) => QueueOrder::RwMutexWriters,
                    _ => QueueOrder::Mutex,
                };
                (!ahead_of.is_empty()).then_some(Overtaking { order, ahead_of })
            }
            Visible::Send(Some(c), _) => self.rendezvous_passes(gid, *c, true, time_passed),
            Visible::Recv { chan: Some(c), .. } => {
                self.rendezvous_passes(gid, *c, false, time_passed)
            }
            Visible::Select { arms, .. } => {
                let arm = arms.get(choice.alt as usize)?;
                self.rendezvous_passes(gid, arm.chan?, arm.send.is_some(), time_passed)
            }
            _ => None,
        }
    }

    /// The goroutines on `gid`'s side of the unbuffered `c` that a rendezvous by `gid` (a send
    /// when `sends`) passes, when the rule of a run lets neither side make it now (those
    /// that arrived before a `time_passed` ended).
    fn rendezvous_passes(
        &self,
        gid: Gid,
        c: ChanId,
        sends: bool,
        time_passed: &dyn Fn(u64, u64) -> bool,
    ) -> Option<Overtaking> {
        let ch = self.heap.chan(c);
        if !ch.is_unbuffered() {
            return self.buffered_passes(gid, c, sends, time_passed);
        }
        let alone = if sends {
            ch.can_send_buffered()
        } else {
            ch.can_recv_buffered()
        };
        if alone {
            return None;
        }
        let (partner, _) = self.partner_in(gid, c, sends, false)?;
        if self.partner_in(gid, c, sends, true).is_some()
            || self
                .partner_in(partner, c, !sends, true)
                .is_some_and(|(g, _)| g == gid)
        {
            return None;
        }
        let arrival = |g: &Goroutine| g.arrival;
        let mine = arrival(self.goroutines.get(gid.0 as usize)?);
        let ahead: Vec<(Arrival, Gid)> = self
            .goroutines
            .iter()
            .filter(|g| g.gid != gid && g.gid != partner && g.status == GoStatus::Parked)
            .filter(|g| waits_on(g, c, sends))
            .filter(|g| g.arrival < mine && !g.arrival.same_step(mine))
            .map(|g| (g.arrival, g.gid))
            .collect();
        let ahead_of = passed(ahead, mine, time_passed);
        (!ahead_of.is_empty()).then_some(Overtaking {
            order: QueueOrder::Channel,
            ahead_of,
        })
    }
}

impl Machine {
    /// The goroutines a send (`sends`) or a receive by `gid` on the buffered `c`, taking a
    /// free slot or a buffered value now, passes in Go's queue of blocked senders (receivers):
    /// those parked at the same operation on `c` (a `select` only when no case on another
    /// channel is ready: Go would have taken that one) that arrived before
    /// `gid` with a sleep or timer ended in between. A closed channel queues nobody (its
    /// close releases every receiver; a send panics).
    fn buffered_passes(
        &self,
        gid: Gid,
        c: ChanId,
        sends: bool,
        time_passed: &dyn Fn(u64, u64) -> bool,
    ) -> Option<Overtaking> {
        let ch = self.heap.chan(c);
        let takes = if sends {
            ch.can_send_buffered()
        } else {
            ch.can_recv_buffered()
        };
        if ch.closed || !takes {
            return None;
        }
        let mine = self.goroutines.get(gid.0 as usize)?.arrival;
        let ahead: Vec<(Arrival, Gid)> = self
            .goroutines
            .iter()
            .filter(|g| g.gid != gid && g.status == GoStatus::Parked)
            .filter(|g| waits_on(g, c, sends) && !self.ready_elsewhere(g, c))
            .filter(|g| g.arrival < mine && !g.arrival.same_step(mine))
            .map(|g| (g.arrival, g.gid))
            .collect();
        let ahead_of = passed(ahead, mine, time_passed);
        (!ahead_of.is_empty()).then_some(Overtaking {
            order: if sends {
                QueueOrder::BufferedSenders
            } else {
                QueueOrder::BufferedReceivers
            },
            ahead_of,
        })
    }

    /// `g` is parked at a `select` with a case on a channel other than `c` that is ready (by
    /// the state of that channel or with a partner parked there): Go would have completed it
    /// there, taking it out of `c`'s queue.
    fn ready_elsewhere(&self, g: &Goroutine, c: ChanId) -> bool {
        match &g.next {
            Some(Visible::Select { arms, .. }) => arms
                .iter()
                .any(|a| a.chan.is_some_and(|ch| ch != c) && self.arm_ready(g.gid, a)),
            _ => false,
        }
    }
}

/// Of the goroutines `ahead` (with their arrivals), those a sleep or timer separates from
/// `at` (`time_passed`), by arrival.
fn passed(
    mut ahead: Vec<(Arrival, Gid)>,
    at: Arrival,
    time_passed: &dyn Fn(u64, u64) -> bool,
) -> Vec<Gid> {
    ahead.sort_unstable();
    ahead
        .into_iter()
        .filter(|(a, _)| time_passed(a.step(), at.step()))
        .map(|(_, g)| g)
        .collect()
}

/// `g` waits in `c`'s queue of senders (`sends`) or receivers: at a plain send or receive on
/// it, or at a `select` without a default with such a case (the queues
/// `Machine::parked_partner` takes the head of).
fn waits_on(g: &Goroutine, c: ChanId, sends: bool) -> bool {
    match &g.next {
        Some(Visible::Send(Some(ch), _)) => sends && *ch == c,
        Some(Visible::Recv { chan: Some(ch), .. }) => !sends && *ch == c,
        Some(Visible::Select {
            arms,
            has_default: false,
            ..
        }) => arms
            .iter()
            .any(|a| a.chan == Some(c) && a.send.is_some() == sends),
        _ => false,
    }
}
