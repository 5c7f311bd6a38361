//! Handoffs with goroutines blocked on a buffered channel, in a run (where a goroutine parked
//! at a channel operation has arrived there, `WakeOrder::receivers_arrived`), after Go 1.19's
//! `runtime/chan.go`: a send to an empty buffer with a receiver waiting in `recvq` hands it the
//! value in the sending step (`send`), and a receive from a full buffer with a sender waiting
//! in `sendq` takes the buffer's head and moves that sender's value to the tail in the
//! receiving step (`recv`). Either way the waiter is the head of its FIFO queue (the earliest
//! arrival) and its operation completes in the other goroutine's step, so no later arrival
//! can take the value or the freed slot first.

use super::*;

impl Machine {
    /// A goroutine other than `me` blocked at a receive from the buffered channel `c` (empty):
    /// parked at `<-c`, or at a `select` without default that has a receive case on `c` and no
    /// case ready by the state of its channels (a value buffered, room in a buffer, a closed
    /// channel); with that case. The first to arrive (Go's FIFO `recvq`), as
    /// [`Machine::partner`] pairs an unbuffered rendezvous.
    pub(super) fn blocked_receiver(
        &self,
        me: Gid,
        c: crate::rt::value::ChanId,
    ) -> Option<(Gid, Option<u32>)> {
        let order = |(g, _): &(Gid, Option<u32>)| (self.goroutines[g.0 as usize].arrival, *g);
        self.goroutines
            .iter()
            .filter_map(|g| {
                if g.gid == me || g.status != GoStatus::Parked {
                    return None;
                }
                match &g.next {
                    Some(Visible::Recv { chan: Some(ch), .. }) if *ch == c => Some((g.gid, None)),
                    Some(Visible::Select {
                        arms,
                        has_default: false,
                        ..
                    }) => {
                        let ready = arms.iter().any(|a| {
                            a.chan.is_some_and(|ch| {
                                let ch = self.heap.chan(ch);
                                if a.send.is_some() {
                                    ch.can_send_buffered()
                                } else {
                                    ch.can_recv_buffered()
                                }
                            })
                        });
                        if ready {
                            return None;
                        }
                        arms.iter()
                            .position(|a| a.chan == Some(c) && a.send.is_none())
                            .map(|i| (g.gid, Some(i as u32)))
                    }
                    _ => None,
                }
            })
            .min_by_key(order)
    }

    /// A goroutine other than `me` blocked at a send on the buffered channel `c` (full):
    /// parked at `c <- v`, or at a `select` without default that has a send case on `c` and
    /// no case ready by the state of its channels; with that case. The first to arrive (Go's
    /// FIFO `sendq`), as [`Machine::blocked_receiver`] finds a receiver.
    pub(super) fn blocked_sender(
        &self,
        me: Gid,
        c: crate::rt::value::ChanId,
    ) -> Option<(Gid, Option<u32>)> {
        let order = |(g, _): &(Gid, Option<u32>)| (self.goroutines[g.0 as usize].arrival, *g);
        self.goroutines
            .iter()
            .filter_map(|g| {
                if g.gid == me || g.status != GoStatus::Parked {
                    return None;
                }
                match &g.next {
                    Some(Visible::Send(Some(ch), _)) if *ch == c => Some((g.gid, None)),
                    Some(Visible::Select {
                        arms,
                        has_default: false,
                        ..
                    }) => {
                        if arms.iter().any(|a| self.arm_ready_alone(a)) {
                            return None;
                        }
                        arms.iter()
                            .position(|a| a.chan == Some(c) && a.send.is_some())
                            .map(|i| (g.gid, Some(i as u32)))
                    }
                    _ => None,
                }
            })
            .min_by_key(order)
    }

    /// The send of `partner` (blocked on the full buffered channel `c`, at its `select` case
    /// `pcase` if any) puts its value in the slot a receive just freed, in the receiving
    /// step: Go's `recv` from a full buffer with a waiting sender. For the race detector it
    /// is a buffered send (its slot is the one the receive released, as Go's `racenotify` on
    /// `c.recvx` for the sender).
    pub(super) fn complete_blocked_send(
        &mut self,
        partner: Gid,
        pcase: Option<u32>,
        c: crate::rt::value::ChanId,
    ) -> R<()> {
        let pnext = self.goroutines[partner.0 as usize].next.clone();
        let value = match (&pnext, pcase) {
            (Some(Visible::Send(_, v)), _) => v.clone(),
            (Some(Visible::Select { arms, .. }), Some(i)) => arms
                .get(i as usize)
                .and_then(|a| a.send.clone())
                .ok_or_else(|| missing("blocked sender's select send value"))?,
            _ => return Err(missing("blocked sender parked at a send").into()),
        };
        let eff = self.heap.chan_mut(c).send(c, value.clone())?;
        if let Some(i) = pcase {
            self.emit(partner, Op::Select { case: Some(i) }, Vec::new());
        }
        self.emit(
            partner,
            Op::Send {
                chan: c,
                value,
                to: None,
            },
            eff,
        );
        let out = match pcase {
            Some(i) => vec![Value::Unit, Value::Bool(false), Value::Int(i64::from(i))],
            None => Vec::new(),
        };
        self.resume_push(partner, out);
        self.run_local(partner);
        Ok(())
    }

    /// The receive of `partner` (blocked on `c`, at its `select` case `pcase` if any) takes the
    /// value `sender` just sent, in the sending step: Go's `send` to a waiting receiver on a buffered
    /// channel, which passes through the buffer slot for the race detector as a buffered
    /// send and receive do.
    pub(super) fn complete_blocked_receive(
        &mut self,
        sender: Gid,
        partner: Gid,
        pcase: Option<u32>,
        c: crate::rt::value::ChanId,
    ) -> R<()> {
        let r = self.heap.chan_mut(c).recv(c)?;
        let value = r.value.ok_or_else(|| missing("the value just sent"))?;
        let pnext = self.goroutines[partner.0 as usize].next.clone();
        if let Some(i) = pcase {
            self.emit(partner, Op::Select { case: Some(i) }, Vec::new());
        }
        self.emit(
            partner,
            Op::Recv {
                chan: c,
                value: value.clone(),
                ok: true,
                from: Some(sender),
            },
            r.effects,
        );
        let out = match (pnext, pcase) {
            (Some(Visible::Select { .. }), Some(i)) => {
                vec![value, Value::Bool(true), Value::Int(i64::from(i))]
            }
            (Some(Visible::Recv { comma_ok: true, .. }), _) => vec![value, Value::Bool(true)],
            _ => vec![value],
        };
        self.resume_push(partner, out);
        self.run_local(partner);
        Ok(())
    }
}
