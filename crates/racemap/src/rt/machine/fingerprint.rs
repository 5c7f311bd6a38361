//! The machine's semantic state fed to a hasher: what the explorer's state caching
//! (`explore::stateful`) tells states apart by.

use super::Machine;
use std::hash::{Hash, Hasher};

impl Machine {
    /// Feed `h` everything that decides this machine's future and the outcome of its runs:
    /// goroutines (frames with pcs, locals, operand stacks, defers, panics, parked operations,
    /// iteration cursors), the heap (cells, maps with their writing flags, channels, sync
    /// objects, sync.Map stores), run status, virtual clock, timers, seeds and id counters (in
    /// the heap and goroutines), library values, the config (its wake order) and stdout so far.
    /// Left out: the program (the same for every state of one search), the step count (the
    /// explorer bounds path lengths itself), stderr (builtin `print`: no outcome and no future
    /// reads it), the step's instruction budget and events (reset by every step), and, outside
    /// a test, the races reported so far (only `testing` reads them; the explorer keys on
    /// whether a race was reported).
    pub fn hash_state<H: Hasher>(&self, h: &mut H) {
        self.config.hash(h);
        self.heap.hash(h);
        self.goroutines.hash(h);
        self.status.hash(h);
        self.clock.hash(h);
        self.stdout.hash(h);
        self.go_ids_taken.hash(h);
        self.timer_ctx_numbered.hash(h);
        self.lib_vars.hash(h);
        if self.counts_races() {
            self.races_reported.hash(h);
        }
    }

    /// The program is a test: its `testing.T`s read how many races were reported during them.
    pub fn counts_races(&self) -> bool {
        !self.program.tests.is_empty()
    }
}
