//! Counters: local slots whose values the program can tell apart only up to a threshold, for
//! the stateful search's state key (`rt::machine::Machine::hash_state`, `explore::stateful`).
//!
//! A loop that counts a ticker's fires (`n++` on every tick) makes a new state at every fire
//! while the search lets the ticker fire any number of times: no state repeats and the search
//! cannot end. Yet the program reads `n` only as `n >= 1`: every value above 1 has the same
//! future. This analysis finds such slots, and the key hashes a counter's value above its
//! threshold as one value (saturation, a quotient of the state graph by a bisimulation).
//!
//! # The analysis
//! Per function, per local slot `x` that is neither a parameter nor a result (a goroutine dump
//! prints parameters; a result is read by the caller), every instruction that names `x`
//! ([`Instr::LoadLocal`], [`Instr::StoreLocal`], [`Instr::StoreLocalPath`],
//! [`Instr::MapIterNext`]) must be part of one of these straight-line patterns, no jump
//! landing inside one (a pattern starts at the instruction naming `x`, or just before it):
//!
//! * a constant store: `PushInt(c); StoreLocal(x)` or `Zero(int type); StoreLocal(x)`;
//! * an increment by a constant `c ≥ 0` in a 64-bit integer type:
//!   `LoadLocal(x); PushInt(c); Binary(Add, 64-bit); StoreLocal(x)` (`x++`, `x += c`);
//! * a comparison with a constant: `LoadLocal(x); PushInt(c); op` or
//!   `PushInt(c); LoadLocal(x); op`, `op` one of `==`, `!=` or an ordering in a signed 64-bit
//!   type (`Binary(Lt|Le|Gt|Ge, int/int64)`).
//!
//! * a send on a *send-only parameter* `y` ([`Counters::send_only`]): `LoadLocal(y);
//!   LoadLocal(x); Send` (or a `select` whose last case is that send).
//!
//! Anything else (the value printed, sent otherwise, passed, stored elsewhere, compared with a variable,
//! decremented, its address taken: an escaping variable's slot holds a pointer, read through
//! `Load`) makes `x` no counter. The value of `x` then flows only into comparisons whose
//! results are booleans, and back into `x`.
//!
//! # Soundness
//! Let `T` be the largest constant `x` is compared with. Two states equal but for counters
//! whose values are equal or both above `T` step to states related the same way: a comparison
//! with a constant `c ≤ T` gives one answer for every value above `T`, an increment by `c ≥ 0`
//! keeps a value above `T` (while it does not overflow, below), a constant store makes them
//! equal. Nothing else reads `x`, so the two states have the same runs, outputs, crashes and
//! footprints, and the race detector never sees a local slot. The key replaces a value above
//! `T` by `T + 1` ([`Counters::canonical`]); a counter never compared has one class: every
//! integer. Overflow: a run of the machine executes at most `instructions` instructions (steps
//! times the per-step budget), so a counter holds at most `|c| + instructions × step`; the
//! classes are closed under increments only when that stays below `2⁶¹` and every constant
//! below `2⁶⁰` (then a value and the one a shorter or longer prefix gave it stay far from
//! `2⁶³`); otherwise the slot is hashed exactly.
//!
//! # Sends to a deaf channel
//! A counter that is sent (`beats <- n` in a heartbeat loop) is observable by whoever receives
//! it. But a channel no goroutine can ever receive from again (*deaf*: `rt/machine/deaf.rs`
//! decides it on the state) shows nothing of the values sent on it: a send's completion
//! depends on the buffer's room, not on the value. So a counter whose every send goes through
//! send-only parameters that hold deaf (or nil) channels is one class per value class as
//! above, and the deaf channel's buffered scalars and the scalar operands of sends parked on
//! it are one value each. A send-only parameter is set once, at the call, and its frame can
//! only send on its channel, never copy it: a goroutine that reaches a channel only through
//! such parameters cannot come to receive from it, so deafness, once true, stays true.

use super::{BinOp, Func, Instr, Program, ResultSlot};
use crate::types::{Basic, TypeKind, TypeTable};

/// The largest constant (in absolute value) a counter's class rule accepts.
const MAX_CONSTANT: i64 = 1 << 60;

/// The largest value increments may add in one run for the classes to be closed.
const MAX_GROWTH: u128 = 1 << 61;

/// One counter slot of a function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counter {
    /// The local slot.
    pub slot: u32,
    /// The largest constant the slot is compared with; `None`: never compared.
    pub threshold: Option<i64>,
    /// The largest constant added to it (0 without increments).
    pub max_step: i64,
    /// The send-only parameters ([`Counters::send_only`]) whose channels it is sent on,
    /// ascending: the value is one class only while each holds a deaf channel (module docs).
    pub sends: Vec<u32>,
}

/// The counters of every function of a program.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counters {
    /// Per function (by `FuncId`), its counters by ascending slot.
    per_func: Vec<Vec<Counter>>,
    /// Per function (by `FuncId`), its send-only parameters, ascending.
    send_only: Vec<Vec<u32>>,
    /// The program's live slots, when some counter is sent (deafness needs them).
    liveness: Option<super::liveness::Liveness>,
    /// The program's future receives through slots, when some counter is sent (deafness
    /// needs them).
    receives: Option<super::receives::Receives>,
}

impl Counters {
    /// The counters of `program`'s functions.
    pub fn of(program: &Program) -> Counters {
        let mut per_func = Vec::new();
        let mut send_only = Vec::new();
        for f in &program.funcs {
            let landing = landings(f);
            let senders = send_only_params(program, f, &landing);
            per_func.push(func_counters(program, f, &landing, &senders));
            send_only.push(senders);
        }
        let sent = per_func
            .iter()
            .flatten()
            .any(|c: &Counter| !c.sends.is_empty());
        Counters {
            per_func,
            send_only,
            liveness: sent.then(|| super::liveness::Liveness::of(program)),
            receives: sent.then(|| super::receives::Receives::of(program)),
        }
    }

    /// The program's live slots, computed when some counter is sent on a channel.
    pub fn liveness(&self) -> Option<&super::liveness::Liveness> {
        self.liveness.as_ref()
    }

    /// These counters with no receive bounded (`rt/machine/deaf.rs` then finds deaf only the
    /// channels no one can receive from again): what tests compare the bounds with.
    #[cfg(test)]
    pub(crate) fn without_bounded_receivers(mut self) -> Counters {
        if self.receives.is_some() {
            self.receives = Some(super::receives::Receives::default());
        }
        self
    }

    /// The program's future receives through local slots, computed when some counter is sent
    /// on a channel.
    pub fn receives(&self) -> Option<&super::receives::Receives> {
        self.receives.as_ref()
    }

    /// No function has a counter.
    pub fn is_empty(&self) -> bool {
        self.per_func.iter().all(Vec::is_empty)
    }

    /// No function has a send-only parameter.
    pub fn no_send_only(&self) -> bool {
        self.send_only.iter().all(Vec::is_empty)
    }

    /// The send-only parameters of function `func`, ascending: parameters never stored to
    /// whose every load is the channel operand of a send (`ch <- v`, or a `select`'s last case
    /// `case ch <- v`), with one constant or local pushed between. A frame can only send on
    /// the channel such a slot holds, never receive from it, pass it or store it.
    pub fn send_only(&self, func: super::FuncId) -> &[u32] {
        self.send_only
            .get(func.0 as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// The counters of function `func` (none for an unknown id).
    pub fn of_func(&self, func: super::FuncId) -> &[Counter] {
        self.per_func
            .get(func.0 as usize)
            .map_or(&[], Vec::as_slice)
    }
}

impl Counter {
    /// The representative of `v`'s class when a run executes at most `instructions`
    /// instructions: `v` itself, or `None` when `v` is its own representative. A counter
    /// never compared has one class (0); one compared with constants up to `T` maps every
    /// value above `T` to `T + 1`, when no increment can overflow (module docs).
    pub fn canonical(&self, v: i64, instructions: u64) -> Option<i64> {
        let Some(t) = self.threshold else {
            return (v != 0).then_some(0);
        };
        let growth = u128::from(instructions).saturating_mul(self.max_step as u128);
        (growth <= MAX_GROWTH && v > t && v != t + 1).then_some(t + 1)
    }
}

/// What one occurrence of a slot was matched as.
enum Use {
    /// A constant stored.
    Store(i64),
    /// An increment by a constant.
    Add(i64),
    /// A comparison with a constant.
    Compare(i64),
    /// Sent on the channel of a send-only parameter.
    Send(u32),
}

/// Which instructions a jump lands on (one more entry: the end).
fn landings(f: &Func) -> Vec<bool> {
    let mut landing = vec![false; f.code.len() + 1];
    for ins in &f.code {
        if let Instr::Jump(t) | Instr::JumpIf(t) | Instr::JumpIfNot(t) = ins {
            if let Some(l) = landing.get_mut(*t as usize) {
                *l = true;
            }
        }
    }
    landing
}

/// An instruction that pushes one value and does nothing else.
fn plain_push(ins: &Instr) -> bool {
    matches!(
        ins,
        Instr::PushInt(_)
            | Instr::PushFloat(_)
            | Instr::PushBool(_)
            | Instr::PushStr(_)
            | Instr::LoadLocal(_)
    )
}

/// A send whose channel and value are the two operands on top: `Send`, or a `select` whose
/// last case is a send.
fn sends_top(program: &Program, ins: &Instr) -> bool {
    match ins {
        Instr::Send => true,
        Instr::Select(id) => program
            .selects
            .get(id.0 as usize)
            .and_then(|t| t.cases.last())
            .is_some_and(|c| matches!(c, super::SelectCase::Send)),
        _ => false,
    }
}

/// The send-only parameters of `f` ([`Counters::send_only`]).
fn send_only_params(program: &Program, f: &Func, landing: &[bool]) -> Vec<u32> {
    let mut ok = vec![true; f.params as usize];
    for (pc, ins) in f.code.iter().enumerate() {
        let Some(slot) = named_slot(ins) else {
            continue;
        };
        let Some(entry) = ok.get_mut(slot as usize) else {
            continue;
        };
        *entry &= matches!(ins, Instr::LoadLocal(_))
            && matches!(window(f, landing, pc, 3), Some([_, push, send])
                if plain_push(push) && sends_top(program, send));
    }
    (0..f.params).filter(|s| ok[*s as usize]).collect()
}

/// The counters of one function.
fn func_counters(program: &Program, f: &Func, landing: &[bool], senders: &[u32]) -> Vec<Counter> {
    let types = &program.types;
    let results: Vec<u32> = f
        .result_slots
        .iter()
        .map(|r| match r {
            ResultSlot::Local(n) | ResultSlot::Cell(n) => *n,
        })
        .collect();
    // Per slot: `None` once rejected, else the uses matched so far.
    let mut slots: Vec<Option<Vec<Use>>> = (0..f.locals)
        .map(|s| (s >= f.params && !results.contains(&s)).then(Vec::new))
        .collect();
    for pc in 0..f.code.len() {
        let Some(slot) = named_slot(&f.code[pc]) else {
            continue;
        };
        let Some(entry) = slots.get_mut(slot as usize) else {
            continue;
        };
        if let Some(uses) = entry {
            match match_use(program, f, types, landing, senders, pc, slot) {
                Some(u) => uses.push(u),
                None => *entry = None,
            }
        }
    }
    let mut out = Vec::new();
    for (slot, uses) in slots.into_iter().enumerate() {
        let Some(uses) = uses else { continue };
        if uses.is_empty() {
            continue;
        }
        let mut counter = Counter {
            slot: slot as u32,
            threshold: None,
            max_step: 0,
            sends: Vec::new(),
        };
        let mut fits = true;
        for u in &uses {
            match *u {
                Use::Store(c) => fits &= c.unsigned_abs() <= MAX_CONSTANT as u64,
                Use::Add(c) => counter.max_step = counter.max_step.max(c),
                Use::Compare(c) => {
                    fits &= c.unsigned_abs() <= MAX_CONSTANT as u64;
                    counter.threshold = Some(counter.threshold.map_or(c, |t| t.max(c)));
                }
                Use::Send(y) => {
                    if let Err(i) = counter.sends.binary_search(&y) {
                        counter.sends.insert(i, y);
                    }
                }
            }
        }
        // A counter never compared needs no bound on its constants.
        if fits || counter.threshold.is_none() {
            out.push(counter);
        }
    }
    out
}

/// The local slot an instruction names, if any.
fn named_slot(ins: &Instr) -> Option<u32> {
    match ins {
        Instr::LoadLocal(n) | Instr::StoreLocal(n) => Some(*n),
        Instr::StoreLocalPath { slot, .. } | Instr::MapIterNext { slot } => Some(*slot),
        _ => None,
    }
}

/// The code at `pc..pc + pattern.len()`, when no jump lands after its first instruction.
fn window<'a>(f: &'a Func, landing: &[bool], pc: usize, len: usize) -> Option<&'a [Instr]> {
    let w = f.code.get(pc..pc + len)?;
    (1..len)
        .all(|i| !landing.get(pc + i).copied().unwrap_or(true))
        .then_some(w)
}

/// A 64-bit integer kind (increments wrap at 2⁶⁴ whatever the signedness).
fn wide(b: Basic) -> bool {
    matches!(b.int_info(), Some((64, _)))
}

/// A comparison `x op c` whose answer is the same for every `x` above `c`: equality, or an
/// ordering of signed 64-bit integers.
fn constant_comparison(ins: &Instr) -> bool {
    match ins {
        Instr::Eq | Instr::Ne => true,
        Instr::Binary(BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge, b) => {
            b.int_info() == Some((64, true))
        }
        _ => false,
    }
}

/// The pattern the occurrence of `slot` at `pc` belongs to (module docs), if any.
fn match_use(
    program: &Program,
    f: &Func,
    types: &TypeTable,
    landing: &[bool],
    senders: &[u32],
    pc: usize,
    slot: u32,
) -> Option<Use> {
    match f.code.get(pc)? {
        Instr::LoadLocal(_) => {
            // `y <- x` on a send-only parameter `y` (no jump lands on `x`'s load or the send).
            if let Some(before) = pc.checked_sub(1) {
                if let Some([Instr::LoadLocal(y), _, send]) = window(f, landing, before, 3) {
                    if senders.binary_search(y).is_ok() && sends_top(program, send) {
                        return Some(Use::Send(*y));
                    }
                }
            }
            if let Some(
                [_, Instr::PushInt(c), Instr::Binary(BinOp::Add, b), Instr::StoreLocal(s)],
            ) = window(f, landing, pc, 4)
            {
                if *s == slot && *c >= 0 && wide(*b) {
                    return Some(Use::Add(*c));
                }
            }
            if let Some([_, Instr::PushInt(c), op]) = window(f, landing, pc, 3) {
                if constant_comparison(op) {
                    return Some(Use::Compare(*c));
                }
            }
            // `c op x`: the constant is pushed just before, and no jump lands on `x`'s load.
            let before = pc.checked_sub(1)?;
            if let Some([Instr::PushInt(c), _, op]) = window(f, landing, before, 3) {
                if constant_comparison(op) {
                    return Some(Use::Compare(*c));
                }
            }
            None
        }
        Instr::StoreLocal(_) => {
            let before = pc.checked_sub(1)?;
            match window(f, landing, before, 2)? {
                [Instr::PushInt(c), _] => Some(Use::Store(*c)),
                [Instr::Zero(ty), _] => match types.under(*ty) {
                    TypeKind::Basic(b) if b.int_info().is_some() => Some(Use::Store(0)),
                    _ => None,
                },
                // The store of an increment (its load was matched).
                [Instr::Binary(BinOp::Add, b), _] if wide(*b) => {
                    let start = pc.checked_sub(3)?;
                    match window(f, landing, start, 4)? {
                        [Instr::LoadLocal(s), Instr::PushInt(c), _, _] if *s == slot && *c >= 0 => {
                            Some(Use::Add(*c))
                        }
                        _ => None,
                    }
                }
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
#[path = "counters_tests.rs"]
mod tests;
