//! The state key's view of `sync.Cond` tickets (`rt::cond`): a ticket enters the key as its
//! class, not its number, so states that differ only in which parked waiter holds which
//! ticket, or in how many tickets were handed out before, hash alike.
//!
//! A goroutine in `sync.(*Cond).Wait` (`lang::lower::cond`) holds its ticket in the frame's
//! local 1 and, parked at `notifyListWait`, in the operation's second argument; nothing else
//! reads it. A goroutine's own hash leaves the ticket out (`blank_tickets`), and the key takes
//! per holder (goroutine, frame) the ticket's class against its Cond's notify list
//! (`hash_cond_tickets`):
//!
//! * notified (`t < notify`): one class, whatever the number (`notify` only grows);
//! * not notified, when the program may call `Signal` somewhere: its place in the queue,
//!   `t - notify` (`Signal` wakes the oldest: the order of the waiters is real state);
//! * not notified, when the program calls `Signal` nowhere: one class (only `Broadcast`
//!   notifies, and it notifies every ticket taken, so which waiter holds which ticket cannot
//!   matter).
//!
//! A Cond's own state enters as `wait - notify` (`CondState`'s `Hash`), the tickets taken and
//! not notified.
//!
//! # Soundness
//! The map from a state to its view is a bisimulation: two states with equal views, run side
//! by side move for move (same goroutine, same alternative), stay with equal views and enable
//! the same moves. `notifyListAdd` hands out `wait`, whose class is `wait - notify` (or the
//! one class) in both; `Signal` raises `notify` by one in both (the queue places shift alike,
//! place 0 becomes notified; with no ticket waiting it does nothing in both, since
//! `wait - notify` is equal); `Broadcast` makes every class notified; `notifyListWait` is
//! enabled exactly for a notified ticket. Every other step neither reads nor writes a ticket.
//! The race detector sees no happens-before edge of the notify list (`rt::cond`: Go's edges
//! come from `c.L`), so its state is the same function of the moves in both runs; outputs and
//! crashes likewise. Only the tickets printed (the trace's words, a goroutine dump's
//! `runtime_notifyListWait` arguments) differ, and a found outcome is replayed from its own
//! schedule, which prints its own. Without `Signal` in the program, a not-notified ticket
//! holder's class cannot be told from another's by any move: only `Broadcast` changes classes,
//! and it changes all of them.
//!
//! The view is a function of the state alone (the program's `Signal`s are fixed), and each
//! goroutine's part of it depends on the goroutine only, so the per-part memo of the key
//! (`fingerprint::StateMemo`) stays valid; the classes, which depend on the Cond's `notify`,
//! are hashed apart, each time.

use super::Machine;
use crate::bytecode::{FuncId, Instr, LibFunc, Program};
use crate::rt::goroutine::{Frame, Goroutine, Visible};
use crate::rt::sync_state::SyncState;
use crate::rt::value::Value;
use std::hash::{Hash, Hasher};

/// Local slot of `sync.(*Cond).Wait`'s receiver (`lang::lower::cond`).
const COND_SLOT: usize = 0;
/// Local slot of `sync.(*Cond).Wait`'s ticket.
const TICKET_SLOT: usize = 1;
/// Field of `sync.Cond` holding the notify list (`L` is field 0).
const NOTIFY_FIELD: u32 = 1;

/// What the key needs to know of a program's `sync.Cond` use, computed once.
#[derive(Clone, Debug, Default)]
pub(crate) struct CondTickets {
    /// `sync.(*Cond).Wait` as compiled for the program, with the first pc at which its
    /// ticket is stored (past the `StoreLocal` of the ticket); `None` when the program never
    /// waits on a Cond.
    wait: Option<(FuncId, u32)>,
    /// Some instruction of the program calls `(*sync.Cond).Signal` (directly, deferred, or in
    /// a method value's or wrapper's code: every call of it is a `CallLib` or `DeferLib`).
    signals: bool,
}

impl CondTickets {
    /// The analysis of `program`.
    pub(crate) fn of(program: &Program) -> CondTickets {
        let name = LibFunc::CondWait.go_name();
        let wait = program.funcs.iter().enumerate().find_map(|(i, f)| {
            if !f.wrapper || *f.name != *name {
                return None;
            }
            let store = f
                .code
                .iter()
                .position(|i| matches!(i, Instr::StoreLocal(s) if *s as usize == TICKET_SLOT))?;
            Some((FuncId(i as u32), store as u32 + 1))
        });
        let signals = program.funcs.iter().any(|f| {
            f.code.iter().any(|i| {
                matches!(
                    i,
                    Instr::CallLib {
                        func: LibFunc::CondSignal,
                        ..
                    } | Instr::DeferLib {
                        func: LibFunc::CondSignal,
                        ..
                    }
                )
            })
        });
        CondTickets { wait, signals }
    }

    /// The key tells tickets apart by their numbers (as before classes): for tests that
    /// judge the classes against the exact state graph.
    #[cfg(test)]
    pub(crate) fn exact() -> CondTickets {
        CondTickets::default()
    }

    /// `sync.(*Cond).Wait`'s id; `None` when the program never waits on a Cond.
    pub(crate) fn wait_func(&self) -> Option<FuncId> {
        self.wait.map(|(f, _)| f)
    }
}

impl Machine {
    /// The program's [`CondTickets`], computed on first use.
    pub(super) fn cond_tickets(&self) -> &CondTickets {
        self.cond_tickets
            .get_or_init(|| CondTickets::of(&self.program))
    }

    /// Feed `h` the class of every ticket held by a goroutine in `sync.(*Cond).Wait` (see the
    /// module docs): per holder its goroutine, frame and class, in goroutine order. Nothing
    /// when the program never waits on a Cond.
    pub(super) fn hash_cond_tickets<H: Hasher>(
        &self,
        h: &mut H,
        renaming: Option<&super::symmetry::Renaming>,
    ) {
        let tickets = self.cond_tickets();
        let Some((wait, stored)) = tickets.wait else {
            return;
        };
        let mut held = 0u64;
        // In the key's order of goroutines (`symmetry`), their ids renamed by the caller.
        let n = self.goroutines.len() as u32;
        for new in 0..n {
            let old = renaming.map_or(new, |r| r.old_of(new));
            let Some(g) = self.goroutines.get(old as usize) else {
                continue;
            };
            if !g.is_live() {
                continue;
            }
            for (i, frame) in g.frames.iter().enumerate() {
                if frame.func != wait || frame.pc < stored {
                    continue;
                }
                let class = self.ticket_class(frame, tickets.signals);
                (g.gid, i as u32, class).hash(h);
                held += 1;
            }
        }
        held.hash(h);
    }

    /// The class of the ticket `frame` (of `sync.(*Cond).Wait`, past taking it) holds: 0
    /// notified, 1 + its place in the queue when `signals`, else 1 (`u64::MAX` for a frame
    /// whose Cond or ticket cannot be read: a value the key then keeps apart).
    fn ticket_class(&self, frame: &Frame, signals: bool) -> u64 {
        let (Some(Value::Ptr(Some(c))), Some(Value::Int(t))) =
            (frame.locals.get(COND_SLOT), frame.locals.get(TICKET_SLOT))
        else {
            return u64::MAX;
        };
        let Ok(SyncState::CondNotify(s)) = self.heap.sync(&c.child(NOTIFY_FIELD)) else {
            return u64::MAX;
        };
        let t = *t as u64;
        match s.queue_place(t) {
            None => 0,
            Some(place) if signals => 1 + place,
            Some(_) => 1,
        }
    }
}

/// `g` with the tickets its `sync.(*Cond).Wait` frames hold blanked (local 1, and the ticket
/// of a parked `notifyListWait`); `None` when it holds none. `wait` is the function's id.
pub(super) fn blank_tickets(g: &Goroutine, wait: FuncId) -> Option<Goroutine> {
    let holds =
        |f: &Frame| f.func == wait && matches!(f.locals.get(TICKET_SLOT), Some(Value::Int(_)));
    let parked = matches!(&g.next, Some(Visible::Lib { func: LibFunc::NotifyListWait, args, .. }) if args.len() > 1);
    if !parked && !g.frames.iter().any(holds) {
        return None;
    }
    let mut copy = g.clone();
    for f in copy.frames.iter_mut().filter(|f| holds(f)) {
        f.locals[TICKET_SLOT] = Value::Unit;
    }
    if let Some(Visible::Lib {
        func: LibFunc::NotifyListWait,
        args,
        ..
    }) = &mut copy.next
    {
        if let Some(t) = args.get_mut(1) {
            *t = Value::Unit;
        }
    }
    Some(copy)
}

#[cfg(test)]
#[path = "cond_key_tests.rs"]
mod tests;
