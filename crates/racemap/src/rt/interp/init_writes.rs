//! The initializing stores of a composite literal, for the race detector
//! ([`Instr::InitWrites`]).
//!
//! gc instruments the stores that fill a fresh `&T{…}` cell or `[]T{…}` backing array like
//! any other store, and fills a `map[K]V{…}` with `mapassign` calls (which write the map) and
//! stores through the slots they return. Nobody else can reach the object while it is filled,
//! so this is local code (no step); but when a goroutine publishes the object without
//! synchronization (`p = &T{…}` read by another goroutine, the lazy-initialization race), Go
//! reports the reader's accesses racing with these writes too, at the literal's line. The
//! same holds for the cell of an escaping variable (`x := 0; q = &x`, `var t T; p = &t`: gc
//! stores the initial value, or zeroes the object, with instrumented stores) and of an
//! escaping parameter (copied to the heap at the function's line). They
//! join the current step's events as one event at the literal's line, with the writes'
//! effects: every leaf of the cell (`Machine::leaf_locs`), every element of the array, the
//! map and each entry's slot.

use super::*;
use crate::rt::event::{Event, StackFrame};
use crate::rt::value::MapKey;

impl Machine {
    /// Record the writes that initialized the fresh object `x` (a pointer to a new cell, a
    /// slice of a new array or a new map) as an event of `gid` at its current instruction.
    pub(super) fn init_writes(&mut self, gid: Gid, x: &Value) -> R<()> {
        let (op, effects) = match x {
            Value::Ptr(Some(p)) => {
                let v = self.heap.load(p)?;
                let mut eff = Vec::new();
                self.leaf_locs(p, &v, true, &mut eff);
                (Op::Init { key: None }, eff)
            }
            Value::Slice(Some(s)) => {
                let eff = (0..s.len.min(64))
                    .map(|i| Effect::Write(Loc::Heap(s.elem(i))))
                    .collect();
                (Op::Init { key: None }, eff)
            }
            Value::Map(Some(m)) => {
                let entries = self.heap.map(*m).entries_in_order();
                let mut eff = vec![Effect::Write(Loc::Map(*m))];
                for (k, _) in entries.iter().take(64) {
                    let key = MapKey::from_value(k, &self.program.types)?;
                    if let Some(s) = self.heap.map(*m).slot_of(&key) {
                        eff.push(Effect::Write(Loc::MapSlot(*m, s)));
                    }
                }
                // The map's frame (`runtime.mapassign_faststr`) follows from the key's kind.
                let key = entries.first().map(|(k, _)| k.clone());
                (Op::Init { key }, eff)
            }
            _ => return Ok(()),
        };
        let span = self.current_span(gid);
        let mut stack: Vec<StackFrame> = self.race_stack_of(gid).iter().cloned().collect();
        if let Some(top) = stack.first_mut() {
            top.span = span;
        }
        self.events.push(Event {
            gid,
            span,
            stack: Rc::from(stack),
            op,
            effects,
        });
        Ok(())
    }

    /// The span of the instruction `gid`'s top frame runs.
    fn current_span(&self, gid: Gid) -> crate::diag::Span {
        self.goroutines[gid.0 as usize]
            .frames
            .last()
            .map(|f| self.program.func(f.func).span_at(f.call_pc))
            .unwrap_or_default()
    }
}
