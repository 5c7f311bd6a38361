//! The schedule of the futures' fixpoints over the call graph ([`super::Table::of`],
//! [`super::dones::Dones::of`]): chaotic iteration with a worklist of functions (Kildall,
//! "A Unified Approach to Global Program Optimization", POPL 1973). A function is evaluated
//! again only when something its equations read changed since its last evaluation: the entry
//! (`at[g][0]`) of a function `g` it calls directly, or the summaries of calls through values
//! ([`super::Callees`]) for a function with an instruction that reads them. Functions are taken
//! callees first (a post-order of the call graph), so outside recursion each is evaluated about
//! once. A function without a backward jump is stable after one backward pass over its code
//! (every successor of an instruction comes after it); one with a loop is passed over until
//! stable.
//!
//! The equations are monotone over a finite lattice and every evaluation starts from the
//! values so far, so this reaches the least fixpoint, the one a round-robin iteration over
//! every function until nothing changes reaches.

use super::jump_target;
use crate::bytecode::{Instr, Program};

/// The call graph facts the schedule needs (see the module docs).
pub(super) struct Worklist {
    /// Per function: the functions that call it directly (each once).
    callers: Vec<Vec<usize>>,
    /// Per function: an instruction reads the summaries of calls through values.
    reads_callees: Vec<bool>,
    /// Per function: its code has a backward jump (a loop).
    looped: Vec<bool>,
    /// The functions, callees before callers (outside recursion).
    order: Vec<usize>,
}

impl Worklist {
    /// The schedule of `program`'s fixpoints.
    pub(super) fn of(program: &Program) -> Worklist {
        let n = program.funcs.len();
        let mut callees: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut callers: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut reads_callees = vec![false; n];
        let mut looped = vec![false; n];
        for (f, func) in program.funcs.iter().enumerate() {
            for (pc, instr) in func.code.iter().enumerate() {
                match instr {
                    Instr::Call { func: g, .. } => {
                        let g = g.0 as usize;
                        if g < n && !callees[f].contains(&g) {
                            callees[f].push(g);
                            callers[g].push(f);
                        }
                    }
                    Instr::Go { .. }
                    | Instr::CallLib { .. }
                    | Instr::DeferLib { .. }
                    | Instr::CallValue { .. }
                    | Instr::CallIface { .. }
                    | Instr::Defer { .. } => reads_callees[f] = true,
                    _ => {}
                }
                if jump_target(instr).is_some_and(|t| t as usize <= pc) {
                    looped[f] = true;
                }
            }
        }
        // Post-order of a depth-first walk over the calls (iterative: no recursion depth).
        let mut order = Vec::with_capacity(n);
        let mut visited = vec![false; n];
        for root in 0..n {
            if visited[root] {
                continue;
            }
            visited[root] = true;
            let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
            while let Some((f, i)) = stack.last_mut() {
                let f = *f;
                match callees[f].get(*i) {
                    Some(&g) => {
                        *i += 1;
                        if !visited[g] {
                            visited[g] = true;
                            stack.push((g, 0));
                        }
                    }
                    None => {
                        order.push(f);
                        stack.pop();
                    }
                }
            }
        }
        Worklist {
            callers,
            reads_callees,
            looped,
            order,
        }
    }

    /// The round-robin schedule (a reference for tests): every function in order, each passed
    /// over until stable, all of them again after any entry or the summaries changed.
    #[cfg(test)]
    pub(super) fn round_robin(program: &Program) -> Worklist {
        let n = program.funcs.len();
        Worklist {
            callers: vec![(0..n).collect(); n],
            reads_callees: vec![true; n],
            looped: vec![true; n],
            order: (0..n).collect(),
        }
    }

    /// Run the fixpoint: `eval(f, looped)` evaluates function `f` from the values so far
    /// (passing over its code until stable when `looped`, else once) and says whether its
    /// entry changed; `callees_changed()`, after each round over the functions due, updates
    /// the summaries of calls through values and says whether they changed.
    pub(super) fn solve(
        &self,
        mut eval: impl FnMut(usize, bool) -> bool,
        mut callees_changed: impl FnMut() -> bool,
    ) {
        let mut due = vec![true; self.order.len()];
        loop {
            let mut any = false;
            for &f in &self.order {
                if !due[f] {
                    continue;
                }
                due[f] = false;
                any = true;
                if eval(f, self.looped[f]) {
                    for &c in &self.callers[f] {
                        due[c] = true;
                    }
                }
            }
            if callees_changed() {
                for (f, reads) in self.reads_callees.iter().enumerate() {
                    if *reads {
                        due[f] = true;
                        any = true;
                    }
                }
            }
            if !any {
                return;
            }
        }
    }
}
