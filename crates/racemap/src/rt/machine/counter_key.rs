//! The state key's view of a goroutine with counters (`bytecode::counters`): each counter's
//! value replaced by its class's representative, so goroutines whose counters the program
//! cannot tell apart hash alike. Only the key sees the copy; the machine keeps its values.

use super::Machine;
use crate::bytecode::counters::Counters;
use crate::rt::goroutine::Goroutine;
use crate::rt::value::Value;

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
}

/// `g` with its counters' values replaced by their representatives, `None` when every value
/// is its own (the common case: no copy).
pub(super) fn canonical_goroutine(machine: &Machine, g: &Goroutine) -> Option<Goroutine> {
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
            if let Some(rep) = c.canonical(*v, instructions) {
                let copy = copy.get_or_insert_with(|| g.clone());
                copy.frames[i].locals[c.slot as usize] = Value::Int(rep);
            }
        }
    }
    copy
}
