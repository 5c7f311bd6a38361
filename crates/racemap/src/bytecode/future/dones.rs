//! How many times a goroutine may still lower a WaitGroup's counter: for every point of the
//! code, the most `wg.Done()` calls on any path from it to its function's end (callees
//! included), saturated at [`Dones::MANY`], which also stands for any other way to lower a
//! counter (`wg.Add`, a call through a value that may do it). A goroutine whose future holds
//! at most one `Done` (the worker `go func() { …; wg.Done() }()`) lowers at most one
//! counter by one: `target::wait_group_steps` counts it as a `Done` on its way to any
//! WaitGroup, as it does a deferred one.
//!
//! Algorithm: the backward analysis of [`super::Futures`] over the same control-flow graph in
//! the lattice {0, 1, MANY} with `count[pc] = own[pc] + max(count[succ])` (saturating), where a
//! call's own count is its callee's `count[0]`, to a fixpoint over the call graph (monotone on
//! a finite lattice). An instruction whose own classes ([`super::own_classes`]) hold
//! [`Classes::WG_DEC`] counts one when it calls or defers `wg.Done()`, its callee's count
//! when it calls a function, and MANY otherwise.

use super::worklist::Worklist;
use super::{falls_through, jump_target, own_classes, Classes, Table};
use crate::bytecode::{FuncId, Instr, Program};
use crate::library::LibFunc;

/// The Done counts of every point of a program's code.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Dones {
    /// `at[f][pc]`: the most counter decrements from instruction `pc` of function `f` on
    /// (`pc == code.len()` is past the end: none).
    at: Vec<Box<[u8]>>,
}

impl Dones {
    /// More than one decrement, or one of a kind other than `wg.Done()`.
    pub(super) const MANY: u8 = 2;

    /// The analysis of `program`; `full` is its futures to the end ([`super::Barrier::None`]).
    pub(super) fn of(program: &Program, full: &Table, worklist: &Worklist) -> Dones {
        let mut at: Vec<Box<[u8]>> = program
            .funcs
            .iter()
            .map(|f| vec![0u8; f.code.len() + 1].into_boxed_slice())
            .collect();
        worklist.solve(
            |f, looped| {
                let func = &program.funcs[f];
                let entry = at[f][0];
                loop {
                    let mut inner = false;
                    for pc in (0..func.code.len()).rev() {
                        let instr = &func.code[pc];
                        let next = func.code.get(pc + 1);
                        let own_classes =
                            own_classes(program, instr, next, &full.at, &full.callees);
                        let own = if !own_classes.any(Classes::WG_DEC.union(Classes::TOP)) {
                            0
                        } else {
                            match instr {
                                Instr::CallLib {
                                    func: LibFunc::WaitGroupDone,
                                    ..
                                }
                                | Instr::DeferLib {
                                    func: LibFunc::WaitGroupDone,
                                    ..
                                } => 1,
                                Instr::Call { func: callee, .. } => at
                                    .get(callee.0 as usize)
                                    .and_then(|c| c.first())
                                    .copied()
                                    .unwrap_or(Dones::MANY),
                                _ => Dones::MANY,
                            }
                        };
                        let mut after = 0u8;
                        if falls_through(instr) {
                            after = after.max(at[f][pc + 1]);
                        }
                        if let Some(t) = jump_target(instr) {
                            after =
                                after.max(at[f].get(t as usize).copied().unwrap_or(Dones::MANY));
                        }
                        let c = own.saturating_add(after).min(Dones::MANY);
                        if c != at[f][pc] {
                            at[f][pc] = c;
                            inner = true;
                        }
                    }
                    if !inner || !looped {
                        break;
                    }
                }
                at[f][0] != entry
            },
            || false,
        );
        Dones { at }
    }

    /// The most decrements from instruction `pc` of `func` on ([`Dones::MANY`] for a point
    /// outside the code).
    pub(super) fn at(&self, func: FuncId, pc: u32) -> u8 {
        self.at
            .get(func.0 as usize)
            .and_then(|f| f.get(pc as usize))
            .copied()
            .unwrap_or(Dones::MANY)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Futures;
    use crate::bytecode::{FuncId, Program};
    use crate::compile::compile;

    /// Whether each of `names` lowers a counter at most once, by a `Done`, from its start.
    fn at_most_one(src: &str, names: &[&str]) -> Vec<bool> {
        let program: Program = compile(src).expect("compiles");
        let futures = Futures::of(&program);
        names
            .iter()
            .map(|name| {
                let f = program
                    .funcs
                    .iter()
                    .position(|f| &*f.name == *name)
                    .expect("function");
                futures.at_most_one_done(FuncId(f as u32), 0)
            })
            .collect()
    }

    #[test]
    fn one_done_on_every_path_is_counted_and_more_is_many() {
        let src = "package main\n\nimport \"sync\"\n\nvar wg sync.WaitGroup\n\n\
            func one() { wg.Done() }\n\
            func branch(b bool) {\n\tif b {\n\t\twg.Done()\n\t} else {\n\t\twg.Done()\n\t}\n}\n\
            func calls() { one() }\n\
            func deferred() { defer wg.Done() }\n\
            func none() {}\n\
            func two() { wg.Done(); one() }\n\
            func looped(n int) {\n\tfor i := 0; i < n; i++ {\n\t\twg.Done()\n\t}\n}\n\
            func adds() { wg.Add(-1) }\n\
            func value(f func()) { f() }\n\
            func main() { one(); branch(true); calls(); deferred(); none(); two(); looped(1); adds(); value(one) }\n";
        assert_eq!(
            at_most_one(
                src,
                &[
                    "main.one",
                    "main.branch",
                    "main.calls",
                    "main.deferred",
                    "main.none"
                ]
            ),
            vec![true; 5]
        );
        assert_eq!(
            at_most_one(src, &["main.two", "main.looped", "main.adds", "main.value"]),
            vec![false; 4]
        );
    }
}
