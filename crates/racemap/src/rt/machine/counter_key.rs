//! The state key's view of counters (`bytecode::counters`) and of what is sent to deaf
//! channels (`deaf`): each counter's value replaced by its class's representative, and
//! the scalars a deaf channel buffers past the values that may still be received, or parked
//! in a send to one, replaced by `Unit`, so states the program cannot tell apart hash alike.
//! Only the key sees the copies; the machine keeps its values.
//!
//! # Soundness
//! Each replaced value is one no future of the state observes. Two states whose views are
//! equal differ only in such values; run side by side, move for move, they take the same
//! branches and make the same receives (a value differing between them is one no run of the
//! first state receives, and the runs agree), so they have the same outcomes.
//!
//! The key's parts are memoized per object (`fingerprint::StateMemo`): a goroutine's or a
//! channel's hash is reused while the object is unchanged, although deafness is a property of
//! the whole state, so a part's view may come from an ancestor's verdict. That is sound too:
//! what no future of the ancestor observes, no future of its descendant does (`deaf`).

use super::deaf::Deaf;
use super::Machine;
use crate::bytecode::counters::Counters;
use crate::rt::chan::ChanObj;
use crate::rt::goroutine::{Goroutine, Visible};
use crate::rt::value::{ChanId, Value};

impl Machine {
    /// The program's counters, computed on first use.
    pub(crate) fn counters(&self) -> &Counters {
        self.counters.get_or_init(|| Counters::of(&self.program))
    }

    /// The most instructions one run of this machine executes: its steps times the per-step
    /// budget (what bounds a counter's growth).
    fn run_instructions(&self) -> u64 {
        self.config
            .max_steps
            .saturating_mul(self.config.max_instructions_per_step.saturating_add(1))
    }

    /// The channels the counters of live frames are sent on that are deaf: none unless some
    /// counter is sent.
    pub(super) fn deaf_for_key(&self) -> Deaf {
        let counters = self.counters();
        let (Some(liveness), Some(receives)) = (counters.liveness(), counters.receives()) else {
            return Deaf::default();
        };
        let mut candidates = Vec::new();
        for g in self.goroutines.iter().filter(|g| g.is_live()) {
            for frame in &g.frames {
                for c in counters.of_func(frame.func) {
                    for y in &c.sends {
                        if let Some(Value::Chan(Some(ch))) = frame.locals.get(*y as usize) {
                            candidates.push(*ch);
                        }
                    }
                }
            }
        }
        if candidates.is_empty() {
            return Deaf::default();
        }
        candidates.sort_unstable();
        candidates.dedup();
        self.deaf_channels(counters, liveness, receives, &candidates)
    }
}

/// A value with no reference in it: what a deaf channel's buffer may forget.
fn scalar(v: &Value) -> bool {
    matches!(
        v,
        Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Str(_)
    )
}

/// Channel value `v` is nil or one of `deaf`.
fn deaf_or_nil(v: Option<&Value>, deaf: &Deaf) -> bool {
    match v {
        Some(Value::Chan(None)) => true,
        Some(Value::Chan(Some(c))) => deaf.contains(*c),
        _ => false,
    }
}

/// `g` with its counters' values replaced by their representatives and the scalars of a
/// send parked on a channel of `deaf` by `Unit`; `None` when nothing changes (the common
/// case: no copy).
pub(super) fn canonical_goroutine(
    machine: &Machine,
    g: &Goroutine,
    deaf: &Deaf,
) -> Option<Goroutine> {
    let counters = machine.counters();
    if counters.is_empty() {
        return None;
    }
    let instructions = machine.run_instructions();
    let mut copy: Option<Goroutine> = None;
    for (i, frame) in g.frames.iter().enumerate() {
        for c in counters.of_func(frame.func) {
            let Some(Value::Int(v)) = frame.locals.get(c.slot as usize) else {
                continue;
            };
            // A counter that is sent is one class only while its channels are deaf.
            if !c
                .sends
                .iter()
                .all(|y| deaf_or_nil(frame.locals.get(*y as usize), deaf))
            {
                continue;
            }
            if let Some(rep) = c.canonical(*v, instructions) {
                let copy = copy.get_or_insert_with(|| g.clone());
                copy.frames[i].locals[c.slot as usize] = Value::Int(rep);
            }
        }
    }
    if deaf.is_empty() {
        return copy;
    }
    let is_deaf = |c: &Option<ChanId>| c.is_some_and(|c| deaf.contains(c));
    match &g.next {
        Some(Visible::Send(c, v)) if is_deaf(c) && scalar(v) => {
            let copy = copy.get_or_insert_with(|| g.clone());
            copy.next = Some(Visible::Send(*c, Value::Unit));
        }
        Some(Visible::Select { arms, .. })
            if arms
                .iter()
                .any(|a| is_deaf(&a.chan) && a.send.as_ref().is_some_and(scalar)) =>
        {
            let copy = copy.get_or_insert_with(|| g.clone());
            if let Some(Visible::Select { arms, .. }) = &mut copy.next {
                for a in arms.iter_mut() {
                    if is_deaf(&a.chan) && a.send.as_ref().is_some_and(scalar) {
                        a.send = Some(Value::Unit);
                    }
                }
            }
        }
        _ => {}
    }
    copy
}

/// Channel `id` (`ch`) with the buffered scalars no one will receive replaced by `Unit` when it
/// is one of `deaf` (those past the values that may still be received).
pub(super) fn canonical_chan(id: ChanId, ch: &ChanObj, deaf: &Deaf) -> Option<ChanObj> {
    let heard = deaf.heard(id)? as usize;
    if !ch.buf.iter().skip(heard).any(scalar) {
        return None;
    }
    let mut copy = ch.clone();
    for v in copy.buf.iter_mut().skip(heard) {
        if scalar(v) {
            *v = Value::Unit;
        }
    }
    Some(copy)
}
