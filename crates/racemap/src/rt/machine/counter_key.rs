//! The state key's view of counters (`bytecode::counters`) and of what is sent to deaf
//! channels (`deaf`): each counter's value replaced by its class's representative, and
//! the scalars buffered in a deaf channel or parked in a send to one replaced by `Unit`, so
//! states the program cannot tell apart hash alike. Only the key sees the copies; the
//! machine keeps its values.
//!
//! The key's parts are memoized per object (`fingerprint::StateMemo`): a goroutine's or a
//! channel's hash is reused while the object is unchanged, although deafness is a property of
//! the whole state. That is sound: a channel once deaf stays deaf (`deaf`), so a view
//! computed with fewer deaf channels is only finer (it tells more states apart).

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

    /// The channels the counters of live frames are sent on that are deaf (sorted): none
    /// unless some counter is sent.
    pub(super) fn deaf_for_key(&self) -> Vec<ChanId> {
        let counters = self.counters();
        let Some(liveness) = counters.liveness() else {
            return Vec::new();
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
            return candidates;
        }
        candidates.sort_unstable();
        candidates.dedup();
        self.deaf_channels(counters, liveness, &candidates)
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
fn deaf_or_nil(v: Option<&Value>, deaf: &[ChanId]) -> bool {
    match v {
        Some(Value::Chan(None)) => true,
        Some(Value::Chan(Some(c))) => deaf.binary_search(c).is_ok(),
        _ => false,
    }
}

/// `g` with its counters' values replaced by their representatives and the scalars of a
/// send parked on a channel of `deaf` by `Unit`; `None` when nothing changes (the common
/// case: no copy).
pub(super) fn canonical_goroutine(
    machine: &Machine,
    g: &Goroutine,
    deaf: &[ChanId],
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
    let is_deaf = |c: &Option<ChanId>| c.is_some_and(|c| deaf.binary_search(&c).is_ok());
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

/// Channel `id` (`ch`) with its buffered scalars replaced by `Unit` when it is one of `deaf`.
pub(super) fn canonical_chan(id: ChanId, ch: &ChanObj, deaf: &[ChanId]) -> Option<ChanObj> {
    if deaf.binary_search(&id).is_err() || !ch.buf.iter().any(scalar) {
        return None;
    }
    let mut copy = ch.clone();
    for v in copy.buf.iter_mut() {
        if scalar(v) {
            *v = Value::Unit;
        }
    }
    Some(copy)
}
