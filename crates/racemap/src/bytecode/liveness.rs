//! Live local slots: for every point of a function's code, the slots some path from it may
//! still read before writing them (the classic backward may-analysis to a fixpoint over the
//! control-flow graph: `live_in(pc) = uses(pc) ∪ (⋃ live_in(succ) − defs(pc))`).
//!
//! The control flow of a function's code: `Jump` goes to its target, `JumpIf`/`JumpIfNot` to
//! theirs or on, `Return` and `Panic` leave, every other instruction goes on (a call returns
//! to the next instruction; a panic elsewhere unwinds the frame, whose only later reads are
//! its results, through `Return` or a recovered panic: results are live everywhere). A read
//! is `LoadLocal`, `StoreLocalPath` (it changes part of the slot) or `MapIterNext` (its
//! cursor); `StoreLocal` is the only write.
//!
//! Used where a dead slot's value cannot matter: `rt/machine/deaf.rs` leaves a dead slot out of
//! the goroutine's roots (a channel only a dead slot holds can no longer be received from), and
//! so does `target/chan_reach.rs` (nor operated on at all). Computed with the explorer's static
//! future (`future::Futures::liveness`).

use super::{Func, Instr, Program, ResultSlot};

/// Live slots per function, per instruction.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Liveness {
    /// Per function (by `FuncId`): the number of 64-bit words per point, and per point
    /// (`code.len() + 1` of them, the last the end) its live slots as a bitset.
    per_func: Vec<(usize, Vec<u64>)>,
}

impl Liveness {
    /// The live slots of every function of `program`.
    pub fn of(program: &Program) -> Liveness {
        Liveness {
            per_func: program.funcs.iter().map(func_liveness).collect(),
        }
    }

    /// Slot `slot` of function `func` may be read on some path from instruction `pc` on
    /// (`true` for anything unknown).
    pub fn live(&self, func: super::FuncId, pc: u32, slot: u32) -> bool {
        let Some((words, bits)) = self.per_func.get(func.0 as usize) else {
            return true;
        };
        let word = pc as usize * words + slot as usize / 64;
        if slot as usize / 64 >= *words {
            return true;
        }
        bits.get(word)
            .is_none_or(|w| w & (1u64 << (slot % 64)) != 0)
    }
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

/// The live slots before `ins` (of a function of at most 64 slots) from those after it.
fn transfer(ins: &Instr, out: u64) -> u64 {
    match ins {
        Instr::StoreLocal(n) if *n < 64 => out & !(1 << n),
        Instr::LoadLocal(n)
        | Instr::StoreLocalPath { slot: n, .. }
        | Instr::MapIterNext { slot: n }
            if *n < 64 =>
        {
            out | (1 << n)
        }
        _ => out,
    }
}

/// The liveness of one function: (words per point, bitsets).
fn func_liveness(f: &Func) -> (usize, Vec<u64>) {
    let words = (f.locals.max(f.params) as usize).div_ceil(64).max(1);
    let points = f.code.len() + 1;
    let mut bits = vec![0u64; points * words];
    // Results are live everywhere (module docs).
    let mut always = vec![0u64; words];
    for r in &f.result_slots {
        let (ResultSlot::Local(n) | ResultSlot::Cell(n)) = r;
        if let Some(w) = always.get_mut(*n as usize / 64) {
            *w |= 1 << (n % 64);
        }
    }
    for p in 0..points {
        bits[p * words..(p + 1) * words].copy_from_slice(&always);
    }
    if words == 1 {
        // One word per point (up to 64 slots, nearly every function): the same fixpoint on
        // plain words.
        let always = always[0];
        let mut changed = true;
        while changed {
            changed = false;
            for pc in (0..f.code.len()).rev() {
                let ins = &f.code[pc];
                let mut out = 0;
                for s in successors(ins, pc).into_iter().flatten() {
                    out |= bits[s.min(f.code.len())];
                }
                out = transfer(ins, out) | always;
                if bits[pc] != out {
                    bits[pc] = out;
                    changed = true;
                }
            }
        }
        return (words, bits);
    }
    let mut changed = true;
    let mut out = vec![0u64; words];
    while changed {
        changed = false;
        for pc in (0..f.code.len()).rev() {
            let ins = &f.code[pc];
            out.iter_mut().for_each(|w| *w = 0);
            for s in successors(ins, pc).into_iter().flatten() {
                let s = s.min(f.code.len());
                for (o, w) in out.iter_mut().zip(&bits[s * words..(s + 1) * words]) {
                    *o |= w;
                }
            }
            match ins {
                Instr::StoreLocal(n) => {
                    if let Some(w) = out.get_mut(*n as usize / 64) {
                        *w &= !(1 << (n % 64));
                    }
                }
                Instr::LoadLocal(n)
                | Instr::StoreLocalPath { slot: n, .. }
                | Instr::MapIterNext { slot: n } => {
                    if let Some(w) = out.get_mut(*n as usize / 64) {
                        *w |= 1 << (n % 64);
                    }
                }
                _ => {}
            }
            for (o, a) in out.iter_mut().zip(&always) {
                *o |= a;
            }
            let here = &mut bits[pc * words..(pc + 1) * words];
            if here != out.as_slice() {
                // Monotone: the sets only grow from the results.
                here.copy_from_slice(&out);
                changed = true;
            }
        }
    }
    (words, bits)
}

#[cfg(test)]
mod tests {
    use super::Liveness;
    use crate::bytecode::{FuncId, VarPlace};

    /// A channel received from once is dead after the receive; one in a loop stays live.
    #[test]
    fn a_local_is_dead_after_its_last_read_and_live_in_a_loop() {
        let source = "package main\n\nfunc main() {\n\tc := make(chan int, 1)\n\
            \td := make(chan int, 1)\n\tc <- 1\n\tprintln(<-c)\n\tfor {\n\t\td <- 2\n\
            \t\tprintln(<-d)\n\t}\n}\n";
        let p = crate::compile::compile(source).expect("compiles");
        let slot = |name: &str| {
            p.var_names
                .iter()
                .find_map(|v| match v.place {
                    VarPlace::Local(s) if v.name == name => Some((v.func, s)),
                    _ => None,
                })
                .expect("a local")
        };
        let (f, c) = slot("c");
        let (_, d) = slot("d");
        let live = Liveness::of(&p);
        let code = &p.funcs[f.0 as usize].code;
        let print = |n: usize| {
            code.iter()
                .enumerate()
                .filter(|(_, i)| matches!(i, crate::bytecode::Instr::PrintBuiltin { .. }))
                .nth(n)
                .map(|(pc, _)| pc as u32)
                .expect("a println")
        };
        assert!(!live.live(f, print(0), c), "c is read no more");
        assert!(live.live(f, print(0), d));
        assert!(live.live(f, print(1), d), "d is read again in the loop");
        assert!(live.live(FuncId(u32::MAX), 0, 0), "unknown: live");
    }
}
