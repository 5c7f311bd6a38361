//! `sync.Cond`: Go 1.19's `sync/cond.go` over the runtime's ticket-based notify list
//! (`runtime/sema.go`: `notifyListAdd`, `notifyListWait`, `notifyListNotifyOne`,
//! `notifyListNotifyAll`).
//!
//! `c.Wait()` is `t := notifyListAdd(&c.notify); c.L.Unlock(); notifyListWait(&c.notify, t);
//! c.L.Lock()` (lowering compiles it as that function, `sync.(*Cond).Wait`, so the unlock and
//! the re-lock are the Locker's own steps). A ticket is taken in order (`wait++`); `Signal`
//! notifies the oldest ticket not yet notified (`notify++`, nothing when every ticket is
//! notified); `Broadcast` notifies every ticket taken so far (`notify = wait`). A waiter blocks
//! until its ticket is notified, which it may already be when it arrives (a Signal between the
//! Unlock and the wait). So the state is just the two counters: no waiter queue is needed in
//! the park model, a parked `notifyListWait(t)` is enabled exactly when `t < notify`.
//!
//! The stateful search's key takes a Cond's state as `wait - notify` (its `Hash`) and each
//! ticket a waiter holds as its class, notified or its place in the queue
//! (`rt::machine::cond_key`): the numbers themselves decide nothing.
//!
//! Happens-before: none. The notify list is runtime state the race detector does not see;
//! the edges a Cond user gets come from `c.L` (the Unlock before a Signal, the re-Lock after
//! the wake-up), as in Go. Known gaps: `sync.Cond is copied` (the copy checker) is not
//! modelled.

use crate::rt::event::WaitReason;
use crate::rt::sync_state::PrimError;

/// State of a `sync.Cond`'s notify list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CondState {
    /// The next ticket to hand out (Go's `notifyList.wait`).
    pub wait: u64,
    /// The next ticket to notify (Go's `notifyList.notify`); tickets below it are notified.
    // Invariant: notify <= wait.
    pub notify: u64,
}

impl CondState {
    /// `notifyListAdd`: a new ticket.
    pub fn add(&mut self) -> u64 {
        let t = self.wait;
        self.wait += 1;
        t
    }

    /// Whether `notifyListWait(t)` can return now (ticket `t` was notified).
    pub fn can_wait(&self, ticket: u64) -> bool {
        ticket < self.notify
    }

    /// `notifyListWait(t)`, or `Blocked` while the ticket is not notified.
    pub fn wait(&self, ticket: u64) -> Result<(), PrimError> {
        if self.can_wait(ticket) {
            Ok(())
        } else {
            Err(PrimError::Blocked(WaitReason::CondWait))
        }
    }

    /// `notifyListNotifyOne` (`Signal`): notify the oldest waiting ticket; `false` when there
    /// is none (every ticket taken is notified already).
    pub fn signal(&mut self) -> bool {
        if self.notify == self.wait {
            return false;
        }
        self.notify += 1;
        true
    }

    /// `notifyListNotifyAll` (`Broadcast`): notify every ticket taken; how many were waiting.
    pub fn broadcast(&mut self) -> u64 {
        let woken = self.wait - self.notify;
        self.notify = self.wait;
        woken
    }

    /// Tickets taken and not yet notified (goroutines in, or on their way into, `Wait`).
    pub fn waiting(&self) -> u64 {
        self.wait - self.notify
    }

    /// Ticket `t`'s place in the queue of tickets not yet notified (0: the next `Signal`
    /// notifies it); `None` when it is notified.
    pub fn queue_place(&self, t: u64) -> Option<u64> {
        t.checked_sub(self.notify)
    }
}

impl std::hash::Hash for CondState {
    /// Only the tickets taken and not yet notified, `wait - notify`: the state key
    /// (`rt::machine::cond_key`) takes the tickets the waiters hold relative to `notify`, so
    /// states equal but for how many tickets were handed out before hash alike.
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.waiting().hash(h);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signal_wakes_tickets_in_order_and_is_lost_without_waiters() {
        let mut c = CondState::default();
        assert!(!c.signal(), "a Signal with no waiter does nothing");
        let (a, b) = (c.add(), c.add());
        assert!(!c.can_wait(a) && !c.can_wait(b));
        assert_eq!(c.wait(a), Err(PrimError::Blocked(WaitReason::CondWait)));
        assert!(c.signal());
        assert!(c.can_wait(a) && !c.can_wait(b));
        assert!(c.signal());
        assert!(c.can_wait(b));
        assert!(!c.signal());
        // A later waiter is not woken by the earlier (lost) signal.
        let d = c.add();
        assert!(!c.can_wait(d));
        assert_eq!(c.waiting(), 1);
    }

    #[test]
    fn broadcast_wakes_every_ticket_taken_so_far() {
        let mut c = CondState::default();
        let (a, b) = (c.add(), c.add());
        assert_eq!(c.broadcast(), 2);
        assert!(c.can_wait(a) && c.can_wait(b));
        let d = c.add();
        assert!(!c.can_wait(d));
        assert_eq!(c.broadcast(), 1);
        assert_eq!(c.broadcast(), 0);
    }

    #[test]
    fn a_ticket_notified_before_its_wait_does_not_block() {
        let mut c = CondState::default();
        let t = c.add();
        // Signal lands between the waiter's Unlock and its notifyListWait.
        assert!(c.signal());
        assert_eq!(c.wait(t), Ok(()));
    }
}
