//! Go channels as runtime objects: a ring buffer plus `closed` and send/receive counters.
//!
//! Go semantics (runtime/chan.go):
//! - Buffered (`cap > 0`): a send completes when the buffer has room, a receive when it holds a
//!   value. Unbuffered (`cap == 0`): a send and a receive complete together (rendezvous); the VM
//!   enables them when a partner is parked at the matching operation and completes both in one
//!   step with [`ChanObj::rendezvous`].
//! - `close` of a closed channel panics `close of closed channel` (`close of nil channel` and
//!   blocking forever on a nil channel are the VM's: there is no object).
//! - A send on a closed channel panics `send on closed channel`; so a send parked on a channel
//!   that gets closed becomes enabled (and panics when it runs).
//! - A receive from a closed channel first drains the buffer, then yields the zero value with
//!   `ok == false`, without blocking.
//!
//! Happens-before (doc/go_mem.html) and effects, with `C = cap`:
//! - buffered: the k-th send is synchronized before the k-th receive completes, and the k-th
//!   receive before the (k+C)-th send completes. Both use `ChanSlot(ch, k % C)`: send k =
//!   `[Acquire(slot), Release(slot)]` (acquiring what receive k−C released), receive k =
//!   `[Acquire(slot), Release(slot)]` (acquiring what send k released, releasing for send k+C).
//!   This is what Go's race runtime does (`racenotify` → release-acquire on the slot).
//!   A buffered channel of zero-size elements (`chan struct{}`) has one slot for every k:
//!   Go's buffer is then the channel's own race address (`makechan`: `c.buf = c.raceaddr()`
//!   when the buffer takes no memory), so every send and receive synchronizes with all
//!   earlier ones (a `chan struct{}` semaphore of any capacity orders its holders for Go's
//!   detector).
//! - close → a receive that returns because the channel is closed: `close` =
//!   `[Release(ChanClose(ch))]`, such a receive = `[Acquire(ChanClose(ch))]`. On a channel
//!   whose buffer takes no memory (unbuffered, or zero-size elements) the slot is that same
//!   race address, so `close` also releases into `ChanSlot(ch, 0)` and such a receive also
//!   acquires it.
//! - unbuffered: the send → completion of the receive, and the receive → completion of the
//!   send. Both sides' events carry `[Release(ChanSlot(ch, 0)), Acquire(ChanSlot(ch, 0))]`
//!   (event.rs's convention); the race detector must apply both Releases of the rendezvous step
//!   before its Acquires (Go's runtime does release(s), acquire(r), release(r), acquire(s)), so
//!   both goroutines end with the join of both clocks.
//!
//! The channel is also memory for the race detector (Go 1.19 `chansend` does
//! `racereadpc(c.raceaddr())` before anything else, `closechan` does `racewritepc` then
//! `racerelease`): every send, including one that finds the channel closed and panics, starts with
//! `Read(Chan(ch))` and `close` starts with `Write(Chan(ch))`, so a send not ordered before a close
//! is a data race. Receives, `len` and `cap` do not access it.

use crate::rt::event::{Effect, Loc, SyncVar, WaitReason};
use crate::rt::sync_state::PrimError;
use crate::rt::value::{ChanId, Value};
use crate::types::TypeId;
use std::collections::VecDeque;

/// A channel object (`make(chan T, cap)`).
#[derive(Clone, Debug, PartialEq)]
pub struct ChanObj {
    /// The element type (the VM makes the zero value for a receive on a closed channel).
    pub elem_ty: TypeId,
    /// The capacity; 0 for an unbuffered channel.
    pub cap: u32,
    /// The buffered values, oldest first.
    // Invariant: `buf.len() <= cap`.
    pub buf: VecDeque<Value>,
    /// `close` was called.
    pub closed: bool,
    /// Completed sends so far (the next send is send number `sent`).
    pub sent: u64,
    /// Completed receives of sent values so far (receives of a closed, drained channel are not
    /// counted).
    pub received: u64,
    /// The buffer takes no memory (unbuffered, or zero-size elements): every operation
    /// synchronizes on slot 0, which is also where `close` releases (Go's `c.raceaddr()`).
    pub one_slot: bool,
}

/// What a receive got.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Received {
    /// The value; `None` means the channel is closed and drained: the VM yields the zero value
    /// of the element type and `ok == false`.
    pub value: Option<Value>,
    /// The memory-model effects of the receive.
    pub effects: Vec<Effect>,
}

/// The effects of an unbuffered rendezvous, for the two events of the step.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RendezvousEffects {
    /// The sender's event's effects.
    pub sender: Vec<Effect>,
    /// The receiver's event's effects.
    pub receiver: Vec<Effect>,
}

/// The counts of sends and receives enter only through the buffer slot they name (the race
/// detector's `SyncVar::ChanSlot`, their remainder by the capacity): a channel that has
/// carried more values is not a different state for that (a producer's loop, a ticker).
impl std::hash::Hash for ChanObj {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        let ChanObj {
            elem_ty,
            cap,
            buf,
            closed,
            sent,
            received,
            one_slot: _,
        } = self;
        elem_ty.hash(h);
        cap.hash(h);
        buf.hash(h);
        closed.hash(h);
        let slots = u64::from(self.slot_count());
        (sent % slots).hash(h);
        (received % slots).hash(h);
    }
}

impl ChanObj {
    /// A new open, empty channel.
    pub fn new(elem_ty: TypeId, cap: u32) -> ChanObj {
        ChanObj {
            elem_ty,
            cap,
            buf: VecDeque::new(),
            closed: false,
            sent: 0,
            received: 0,
            one_slot: cap == 0,
        }
    }

    /// The channel with its elements' size known: zero-size elements make one slot.
    pub fn with_element_size(mut self, zero_size: bool) -> ChanObj {
        self.one_slot |= zero_size;
        self
    }

    /// How many slots the race detector's `ChanSlot`s name.
    fn slot_count(&self) -> u32 {
        if self.one_slot {
            1
        } else {
            self.cap.max(1)
        }
    }

    /// `cap == 0`.
    pub fn is_unbuffered(&self) -> bool {
        self.cap == 0
    }

    /// `len(ch)`.
    pub fn len(&self) -> usize {
        self.buf.len()
    }

    /// The buffer is empty.
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    fn slot(&self, id: ChanId, k: u64) -> SyncVar {
        let c = u64::from(self.slot_count());
        SyncVar::ChanSlot(id, (k % c) as u32)
    }

    /// A send can take its step without a partner: the channel is closed (the step panics) or,
    /// for a buffered channel, the buffer has room. An unbuffered send on an open channel
    /// additionally needs a parked receiver (the VM's check).
    pub fn can_send_buffered(&self) -> bool {
        self.closed || (self.cap > 0 && self.buf.len() < self.cap as usize)
    }

    /// A receive can take its step without a partner: the buffer holds a value or the channel
    /// is closed. An unbuffered receive on an open channel needs a parked sender (the VM's).
    pub fn can_recv_buffered(&self) -> bool {
        !self.buf.is_empty() || self.closed
    }

    /// The race-detector read every send starts with (also a send that finds the channel closed).
    pub fn send_read(id: ChanId) -> Effect {
        Effect::Read(Loc::Chan(id))
    }

    /// Send `value` into the buffer: `send on closed channel` if closed, `Blocked` if full.
    pub fn send(&mut self, id: ChanId, value: Value) -> Result<Vec<Effect>, PrimError> {
        if self.closed {
            return Err(PrimError::RuntimeError("send on closed channel".into()));
        }
        if !self.can_send_buffered() {
            return Err(PrimError::Blocked(WaitReason::ChanSend));
        }
        let slot = self.slot(id, self.sent);
        self.buf.push_back(value);
        self.sent += 1;
        Ok(vec![
            Self::send_read(id),
            Effect::Acquire(slot.clone()),
            Effect::Release(slot),
        ])
    }

    /// Receive from the buffer, or observe the close once it is drained; `Blocked` when the
    /// buffer is empty and the channel open.
    pub fn recv(&mut self, id: ChanId) -> Result<Received, PrimError> {
        if let Some(v) = self.buf.pop_front() {
            let slot = self.slot(id, self.received);
            self.received += 1;
            return Ok(Received {
                value: Some(v),
                effects: vec![Effect::Acquire(slot.clone()), Effect::Release(slot)],
            });
        }
        if self.closed {
            let mut effects = vec![Effect::Acquire(SyncVar::ChanClose(id))];
            if self.one_slot {
                effects.push(Effect::Acquire(SyncVar::ChanSlot(id, 0)));
            }
            return Ok(Received {
                value: None,
                effects,
            });
        }
        Err(PrimError::Blocked(WaitReason::ChanReceive))
    }

    /// An unbuffered send meets a parked receiver (the VM checked both are parked and the
    /// channel is open). Counts one send and one receive; the value passes directly.
    pub fn rendezvous(&mut self, id: ChanId) -> Result<RendezvousEffects, PrimError> {
        if self.closed {
            return Err(PrimError::RuntimeError("send on closed channel".into()));
        }
        self.sent += 1;
        self.received += 1;
        let slot = SyncVar::ChanSlot(id, 0);
        let both = vec![Effect::Release(slot.clone()), Effect::Acquire(slot)];
        let mut sender = vec![Self::send_read(id)];
        sender.extend(both.iter().cloned());
        Ok(RendezvousEffects {
            sender,
            receiver: both,
        })
    }

    /// `close(ch)`: `[Write(Chan(ch)), Release(ChanClose(ch))]` (and `Release(ChanSlot(ch, 0))`
    /// when the buffer takes no memory), or the `close of closed channel` panic.
    pub fn close(&mut self, id: ChanId) -> Result<Vec<Effect>, PrimError> {
        if self.closed {
            return Err(PrimError::RuntimeError("close of closed channel".into()));
        }
        self.closed = true;
        let mut effects = vec![
            Effect::Write(Loc::Chan(id)),
            Effect::Release(SyncVar::ChanClose(id)),
        ];
        if self.one_slot {
            effects.push(Effect::Release(SyncVar::ChanSlot(id, 0)));
        }
        Ok(effects)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::{Basic, TypeTable};

    const C: ChanId = ChanId(5);

    fn chan(cap: u32) -> ChanObj {
        ChanObj::new(TypeTable::basic(Basic::Int), cap)
    }

    fn slot(i: u32) -> SyncVar {
        SyncVar::ChanSlot(C, i)
    }

    #[test]
    fn buffered_send_blocks_when_full_and_receive_when_empty() {
        let mut ch = chan(2);
        assert!(ch.can_send_buffered() && !ch.can_recv_buffered());
        assert_eq!(ch.recv(C), Err(PrimError::Blocked(WaitReason::ChanReceive)));
        ch.send(C, Value::Int(1)).unwrap();
        ch.send(C, Value::Int(2)).unwrap();
        assert!(!ch.can_send_buffered());
        assert_eq!(
            ch.send(C, Value::Int(3)),
            Err(PrimError::Blocked(WaitReason::ChanSend))
        );
        let r = ch.recv(C).unwrap();
        assert_eq!(r.value, Some(Value::Int(1)));
        assert!(ch.can_send_buffered());
    }

    /// Go 1.19's `chan struct{}` buffer is the channel's race address: every operation uses
    /// one slot, and `close` releases into it (and a receive of the close acquires it).
    #[test]
    fn zero_size_elements_share_one_slot_with_close() {
        let mut ch = chan(3).with_element_size(true);
        let read = Effect::Read(Loc::Chan(C));
        for k in 0..3 {
            let e = ch.send(C, Value::Unit).unwrap();
            assert_eq!(
                e,
                vec![
                    read.clone(),
                    Effect::Acquire(slot(0)),
                    Effect::Release(slot(0))
                ],
                "send {k}"
            );
        }
        for _ in 0..3 {
            let r = ch.recv(C).unwrap();
            assert_eq!(
                r.effects,
                vec![Effect::Acquire(slot(0)), Effect::Release(slot(0))]
            );
        }
        let close = ch.close(C).unwrap();
        assert_eq!(close.last(), Some(&Effect::Release(slot(0))));
        let r = ch.recv(C).unwrap();
        assert_eq!(
            r.effects,
            vec![
                Effect::Acquire(SyncVar::ChanClose(C)),
                Effect::Acquire(slot(0))
            ]
        );
        // Elements that take memory keep a slot per buffer cell and a close of their own.
        let mut ints = chan(2);
        ints.send(C, Value::Int(1)).unwrap();
        let s = ints.send(C, Value::Int(2)).unwrap();
        assert_eq!(s[1], Effect::Acquire(slot(1)));
        assert_eq!(
            ints.close(C).unwrap(),
            vec![
                Effect::Write(Loc::Chan(C)),
                Effect::Release(SyncVar::ChanClose(C))
            ]
        );
    }

    #[test]
    fn slots_link_send_k_to_receive_k_and_receive_k_to_send_k_plus_cap() {
        let mut ch = chan(2);
        let s0 = ch.send(C, Value::Int(0)).unwrap();
        let s1 = ch.send(C, Value::Int(1)).unwrap();
        let read = Effect::Read(Loc::Chan(C));
        assert_eq!(
            s0,
            vec![
                read.clone(),
                Effect::Acquire(slot(0)),
                Effect::Release(slot(0))
            ]
        );
        assert_eq!(
            s1,
            vec![read, Effect::Acquire(slot(1)), Effect::Release(slot(1))]
        );
        let r0 = ch.recv(C).unwrap();
        assert_eq!(
            r0.effects,
            vec![Effect::Acquire(slot(0)), Effect::Release(slot(0))]
        );
        // Send 2 reuses slot 0: it acquires what receive 0 released.
        let s2 = ch.send(C, Value::Int(2)).unwrap();
        assert_eq!(s2[1], Effect::Acquire(slot(0)));
        assert_eq!((ch.sent, ch.received), (3, 1));
    }

    #[test]
    fn closed_channel_drains_then_yields_zero() {
        let mut ch = chan(3);
        ch.send(C, Value::Int(7)).unwrap();
        assert_eq!(
            ch.close(C),
            Ok(vec![
                Effect::Write(Loc::Chan(C)),
                Effect::Release(SyncVar::ChanClose(C))
            ])
        );
        assert!(ch.can_recv_buffered());
        assert_eq!(ch.recv(C).unwrap().value, Some(Value::Int(7)));
        let r = ch.recv(C).unwrap();
        assert_eq!(r.value, None);
        assert_eq!(r.effects, vec![Effect::Acquire(SyncVar::ChanClose(C))]);
        // Still ready forever.
        assert_eq!(ch.recv(C).unwrap().value, None);
    }

    #[test]
    fn close_twice_and_send_on_closed_panic() {
        let mut ch = chan(1);
        ch.close(C).unwrap();
        assert_eq!(
            ch.close(C).unwrap_err().message(),
            "panic: close of closed channel"
        );
        // A parked sender becomes enabled and panics when it runs.
        assert!(ch.can_send_buffered());
        assert_eq!(
            ch.send(C, Value::Int(1)).unwrap_err().message(),
            "panic: send on closed channel"
        );
        let mut unbuf = chan(0);
        unbuf.close(C).unwrap();
        assert!(unbuf.can_send_buffered());
        assert_eq!(
            unbuf.rendezvous(C).unwrap_err().message(),
            "panic: send on closed channel"
        );
    }

    #[test]
    fn unbuffered_needs_a_partner_and_links_both_ways() {
        let mut ch = chan(0);
        assert!(ch.is_unbuffered());
        assert!(!ch.can_send_buffered() && !ch.can_recv_buffered());
        let e = ch.rendezvous(C).unwrap();
        let both = vec![Effect::Release(slot(0)), Effect::Acquire(slot(0))];
        let mut sender = vec![Effect::Read(Loc::Chan(C))];
        sender.extend(both.iter().cloned());
        assert_eq!(e.sender, sender);
        assert_eq!(e.receiver, both);
        assert_eq!((ch.sent, ch.received), (1, 1));
    }
}
