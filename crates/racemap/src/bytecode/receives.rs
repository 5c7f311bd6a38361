//! Future receives through local slots: for every point of a function's code and every slot
//! whose channel the code receives from, the most receives some path from the point may still
//! make through that slot before overwriting it, or *escapes* when some path may read the slot
//! for anything else (copy it, pass it, store it, send it, capture it, return it).
//!
//! Algorithm: per *receive slot* (a slot other than a result with at least one load that is a
//! receive's channel operand), the backward analysis of `bytecode::liveness`
//! over the same control-flow graph in the lattice `0 < 1 < … < MANY < ESCAPES` with
//! `count[pc] = own[pc] + max(count[succ])` (saturating at `MANY`), to a fixpoint (monotone on a
//! finite lattice). The transfer of each instruction naming the slot `x`:
//!
//! * `StoreLocal(x)`: 0: the paths after it concern another value;
//! * `LoadLocal(x)` that is the channel operand of a receive (`LoadLocal(x); Recv`, or a
//!   `select` whose operands after `x`'s are plain pushes and for which `x`'s operand is a
//!   receive case's channel): `1 + max(count[succ])`;
//! * `LoadLocal(x)` that is the channel operand of an operation that neither receives nor
//!   keeps the channel (`close`, `len`, `cap`, a send's channel, a `select` send case's
//!   channel): `max(count[succ])`;
//! * any other `LoadLocal(x)`, `StoreLocalPath` or `MapIterNext` of `x`: ESCAPES.
//!
//! `Return` and `Panic` end the frame's paths (0): a returning frame reads only its results
//! (which are never receive slots) and a recovered panic returns. A call runs in another frame,
//! which cannot read `x`. No jump may land inside a matched pattern.
//!
//! Used by `rt/machine/deaf.rs`: a frame whose slot holds channel `c` and whose bound is `k`
//! receives from `c` through it at most `k` more times and passes `c` nowhere.

use super::{Func, Instr, Program, ResultSlot, SelectCase};

/// Saturation: this many receives or more count as unbounded.
const MANY: u8 = 32;

/// Some path may read the slot for something other than a receive or an inert use.
const ESCAPES: u8 = u8::MAX;

/// The future receives of every function's receive slots.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Receives {
    /// Per function (by `FuncId`): its receive slots, ascending, each with its count per point
    /// (`code.len() + 1` of them, the last the end).
    per_func: Vec<Vec<(u32, Box<[u8]>)>>,
}

impl Receives {
    /// The receive slots of every function of `program`.
    pub fn of(program: &Program) -> Receives {
        Receives {
            per_func: program
                .funcs
                .iter()
                .map(|f| func_receives(program, f))
                .collect(),
        }
    }

    /// The most receives a frame of `func` at `pc` may still make through slot `slot`, when
    /// `slot` is a receive slot whose value no path from `pc` reads otherwise and the count
    /// stays below the saturation; `None` otherwise (an unknown function or point included).
    pub fn bound(&self, func: super::FuncId, pc: u32, slot: u32) -> Option<u32> {
        let slots = self.per_func.get(func.0 as usize)?;
        let i = slots.binary_search_by_key(&slot, |(s, _)| *s).ok()?;
        let c = *slots[i].1.get(pc as usize)?;
        (c < MANY).then_some(u32::from(c))
    }
}

/// What one load of a slot is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Load {
    /// The channel operand of a receive.
    Receive,
    /// The channel operand of an operation that neither receives nor keeps it.
    Inert,
    /// Anything else.
    Escapes,
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

/// An instruction that pushes one value, reads no heap and does nothing else.
fn plain_push(ins: &Instr) -> bool {
    matches!(
        ins,
        Instr::PushInt(_)
            | Instr::PushFloat(_)
            | Instr::PushBool(_)
            | Instr::PushStr(_)
            | Instr::Zero(_)
            | Instr::LoadLocal(_)
    )
}

/// What the load at `pc` is used for.
fn classify(program: &Program, f: &Func, landing: &[bool], pc: usize) -> Load {
    let lands = |i: usize| landing.get(i).copied().unwrap_or(true);
    // The instructions after the load up to the one that consumes it, no jump landing there.
    let mut k = 0usize;
    loop {
        let i = pc + 1 + k;
        let Some(ins) = f.code.get(i) else {
            return Load::Escapes;
        };
        if lands(i) {
            return Load::Escapes;
        }
        match ins {
            Instr::Recv { .. } if k == 0 => return Load::Receive,
            Instr::Close | Instr::ChanLen | Instr::ChanCap if k == 0 => return Load::Inert,
            // `ch <- v`: the channel is below the value.
            Instr::Send if k == 1 => return Load::Inert,
            Instr::Select(id) => {
                let Some(table) = program.selects.get(id.0 as usize) else {
                    return Load::Escapes;
                };
                return select_operand(&table.cases, k);
            }
            _ if plain_push(ins) => k += 1,
            _ => return Load::Escapes,
        }
    }
}

/// What the operand `above` places below the top of a select's operands is (module docs).
fn select_operand(cases: &[SelectCase], above: usize) -> Load {
    // Operands in order: per case its channel, and a send's value after it.
    let mut operands = Vec::new();
    for c in cases {
        match c {
            SelectCase::Recv { .. } => operands.push(Load::Receive),
            SelectCase::Send => {
                operands.push(Load::Inert);
                operands.push(Load::Escapes);
            }
        }
    }
    operands
        .len()
        .checked_sub(above + 1)
        .and_then(|i| operands.get(i).copied())
        .unwrap_or(Load::Escapes)
}

/// The successors of the instruction at `pc`.
fn successors(ins: &Instr, pc: usize) -> [Option<usize>; 2] {
    match ins {
        Instr::Jump(t) => [Some(*t as usize), None],
        Instr::JumpIf(t) | Instr::JumpIfNot(t) => [Some(pc + 1), Some(*t as usize)],
        Instr::Return | Instr::Panic => [None, None],
        _ => [Some(pc + 1), None],
    }
}

/// The receive slots of one function with their counts.
fn func_receives(program: &Program, f: &Func) -> Vec<(u32, Box<[u8]>)> {
    let landing = landings(f);
    let results: Vec<u32> = f
        .result_slots
        .iter()
        .map(|r| match r {
            ResultSlot::Local(n) | ResultSlot::Cell(n) => *n,
        })
        .collect();
    // Per slot: the classification of each load (by pc) when some load receives.
    let mut loads: Vec<Vec<(usize, Load)>> = vec![Vec::new(); f.locals.max(f.params) as usize];
    for (pc, ins) in f.code.iter().enumerate() {
        if let Instr::LoadLocal(n) = ins {
            if let Some(l) = loads.get_mut(*n as usize) {
                l.push((pc, classify(program, f, &landing, pc)));
            }
        }
    }
    let mut out = Vec::new();
    for (slot, uses) in loads.iter().enumerate() {
        let slot = slot as u32;
        if results.contains(&slot) || !uses.iter().any(|(_, l)| *l == Load::Receive) {
            continue;
        }
        out.push((slot, slot_counts(f, slot, uses)));
    }
    out
}

/// The counts of slot `slot` at every point; `uses` classifies its loads by pc.
fn slot_counts(f: &Func, slot: u32, uses: &[(usize, Load)]) -> Box<[u8]> {
    let n = f.code.len();
    let mut count = vec![0u8; n + 1];
    let load_at = |pc: usize| {
        uses.binary_search_by_key(&pc, |(p, _)| *p)
            .ok()
            .map(|i| uses[i].1)
    };
    let mut changed = true;
    while changed {
        changed = false;
        for pc in (0..n).rev() {
            let ins = &f.code[pc];
            let after = successors(ins, pc)
                .into_iter()
                .flatten()
                .map(|s| count.get(s).copied().unwrap_or(ESCAPES))
                .max()
                .unwrap_or(0);
            let c = match ins {
                Instr::StoreLocal(s) if *s == slot => 0,
                Instr::StoreLocalPath { slot: s, .. } | Instr::MapIterNext { slot: s }
                    if *s == slot =>
                {
                    ESCAPES
                }
                Instr::LoadLocal(s) if *s == slot => match load_at(pc) {
                    Some(Load::Receive) if after != ESCAPES => after.saturating_add(1).min(MANY),
                    Some(Load::Inert) => after,
                    _ => ESCAPES,
                },
                _ => after,
            };
            if c != count[pc] {
                // Monotone: counts only grow from 0.
                count[pc] = c;
                changed = true;
            }
        }
    }
    count.into_boxed_slice()
}

#[cfg(test)]
#[path = "receives_tests.rs"]
mod tests;
