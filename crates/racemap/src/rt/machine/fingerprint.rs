//! The machine's semantic state fed to a hasher: what the explorer's state caching
//! (`explore::stateful`) tells states apart by.

use super::Machine;
use crate::rt::heap::Heap;
use crate::rt::value::ChanId;
use siphasher::sip128::{Hasher128, SipHasher13};
use std::hash::{Hash, Hasher};
use std::rc::Rc;

/// Hashes of the parts of a state that clones share copy-on-write (`Rc`s), by table (the
/// machine's goroutines, heap cells, maps, channels): per part its address and its 128-bit hash. A part
/// at the same index and address in the state a clone was made from is the same part,
/// unchanged (copy on write), as long as that state is alive: its hash is reused.
#[derive(Clone, Debug, Default)]
pub struct StateMemo {
    /// Per table, per part: (address, hash).
    pub tables: Vec<Vec<(usize, u128)>>,
    /// The renaming of goroutines the key was taken under (`symmetry`; `None`: their ids):
    /// the hashes of the tables but the goroutines' name goroutines by it.
    pub renaming: Option<super::symmetry::Renaming>,
    /// An input of [`Machine::hash_state`]: when set, the key is taken under this renaming
    /// instead of the canonical one (the explorer's check that a permutation of goroutines
    /// maps the state to itself, `explore::stateful::symmetry`); taken by the call.
    pub force: Option<super::symmetry::Renaming>,
}

impl StateMemo {
    /// Room for `sizes[t]` more parts in table `t` (one allocation per table).
    pub fn reserve(&mut self, sizes: &[usize]) {
        if self.tables.len() < sizes.len() {
            self.tables.resize(sizes.len(), Vec::new());
        }
        for (table, &n) in self.tables.iter_mut().zip(sizes) {
            table.reserve(n);
        }
    }

    /// The hash of part `index` of `table` at `address`: `parent`'s when it holds that part
    /// at that address, else `compute()`; recorded in `self`.
    pub fn part(
        &mut self,
        parent: Option<&StateMemo>,
        table: usize,
        index: usize,
        address: usize,
        compute: impl FnOnce() -> u128,
    ) -> u128 {
        let known = parent
            .and_then(|p| p.tables.get(table))
            .and_then(|t| t.get(index))
            .filter(|(a, _)| *a == address)
            .map(|(_, h)| *h);
        let h = known.unwrap_or_else(compute);
        if self.tables.len() <= table {
            self.tables.resize(table + 1, Vec::new());
        }
        self.tables[table].push((address, h));
        h
    }
}

/// Feed a part's 128-bit hash to `h` as two words (a hasher's `write_u128` goes through its
/// byte-slice path, several times slower in SipHash's implementation).
fn write_u128<H: Hasher>(h: &mut H, v: u128) {
    h.write_u64(v as u64);
    h.write_u64((v >> 64) as u64);
}

/// One part's 128-bit hash (fixed keys).
fn part_hash<T: Hash>(part: &T) -> u128 {
    let mut h = SipHasher13::new_with_keys(0x7061_7274, 0x6861_7368);
    part.hash(&mut h);
    h.finish128().as_u128()
}

impl Machine {
    /// Feed `h` everything that decides this machine's future and the outcome of its runs:
    /// goroutines (frames with pcs, locals (a counter's value as its class,
    /// `bytecode::counters`; the scalars sent to a deaf channel left out; a `sync.Cond`
    /// ticket as its class, `cond_key`), operand stacks, defers, panics, parked operations,
    /// iteration cursors), the heap (cells, maps with their writing flags, channels, sync
    /// objects, sync.Map stores), run status, virtual clock, timers, seeds and id counters (in
    /// the heap and goroutines), library values, the config (its wake order), stdout so far and an example's captured stdout.
    /// Left out: the program (the same for every state of one search), the step count (the
    /// explorer bounds path lengths itself), stderr (builtin `print`: no outcome and no future
    /// reads it), the step's instruction budget and events (reset by every step), and, outside
    /// a test, the races reported so far (only `testing` reads them; the explorer keys on
    /// whether a race was reported).
    ///
    /// Goroutines, heap cells, maps and channels are hashed each on its own (SipHash-1-3, 128 bits) and
    /// fed as that hash, reused from `parent` for those this machine shares with it (copy on
    /// write: a step changes one or two goroutines and few objects).
    pub fn hash_state<H: Hasher>(
        &self,
        h: &mut H,
        memo: &mut StateMemo,
        parent: Option<&StateMemo>,
    ) {
        // Every field named, so a new one must be placed here or left out on purpose.
        let Machine {
            program: _,
            config,
            heap,
            goroutines,
            status,
            clock,
            steps: _,
            stdout,
            stderr: _,
            capture,
            budget: _,
            events: _,
            go_ids_taken,
            timer_ctx_numbered,
            races_reported,
            lib_vars,
            futures: _,
            clock_observed: _,
            sleeps: _,
            goroutines_counted: _,
            counters: _,
            cond_tickets: _,
            waits: _,
            lock_queues: _,
            arrivals: _,
        } = self;
        let Heap {
            cells,
            maps,
            chans,
            globals,
            sync_maps,
            slots,
        } = heap;
        memo.reserve(&[goroutines.len(), cells.len(), maps.len(), chans.len()]);
        // Channels no one can receive from again, where counters are sent (`counter_key`).
        let deaf = self.deaf_for_key();
        // `sync.Cond` tickets enter apart, as classes (`cond_key`).
        let cond_wait = self.cond_tickets().wait_func();
        config.hash(h);
        goroutines.len().hash(h);
        // Each goroutine as its signature, its identity left out (`symmetry`): its place in
        // the key's order names it.
        let symmetric = self.symmetry_applies();
        let mut signatures: Vec<u128> = Vec::with_capacity(goroutines.len());
        for (i, g) in goroutines.iter().enumerate() {
            // Counters (`bytecode::counters`) enter as their classes, sends to deaf channels
            // without their values (`counter_key`).
            let part = memo.part(parent, 0, i, std::ptr::from_ref(g) as usize, || {
                let canonical = super::counter_key::canonical_goroutine(self, g, &deaf);
                let blank = cond_wait.and_then(|w| {
                    super::cond_key::blank_tickets(canonical.as_ref().unwrap_or(g), w)
                });
                super::symmetry::signature(
                    blank.as_ref().or(canonical.as_ref()).unwrap_or(g),
                    !symmetric,
                )
            });
            signatures.push(part);
        }
        let renaming = match memo.force.take() {
            Some(forced) => Some(forced),
            None if symmetric => self.canonical_renaming(&signatures),
            None => None,
        };
        match &renaming {
            Some(r) => {
                for &old in r.order.iter() {
                    write_u128(h, signatures[old as usize]);
                }
            }
            None => {
                for &s in &signatures {
                    write_u128(h, s);
                }
            }
        }
        // The shared parts' hashes name goroutines as the renaming does: the parent's are
        // reused only under the same renaming.
        let shared_parent = parent.filter(|p| p.renaming == renaming);
        let mut rest = |h: &mut H| {
            self.hash_chan_queues(h);
            self.hash_cond_tickets(h, renaming.as_ref());
            cells.len().hash(h);
            for (i, c) in cells.iter().enumerate() {
                let part = memo.part(shared_parent, 1, i, std::ptr::from_ref(c) as usize, || {
                    part_hash(c)
                });
                write_u128(h, part);
            }
            maps.len().hash(h);
            for (i, m) in maps.iter().enumerate() {
                let part = memo.part(shared_parent, 2, i, Rc::as_ptr(m) as usize, || part_hash(m));
                write_u128(h, part);
            }
            chans.len().hash(h);
            for (i, c) in chans.iter().enumerate() {
                let part = memo.part(shared_parent, 3, i, std::ptr::from_ref(c) as usize, || {
                    match super::counter_key::canonical_chan(ChanId(i as u32), c, &deaf) {
                        Some(canonical) => part_hash(&canonical),
                        None => part_hash(c),
                    }
                });
                write_u128(h, part);
            }
            globals.hash(h);
            sync_maps.hash(h);
            slots.hash(h);
            status.hash(h);
            clock.hash(h);
            stdout.hash(h);
            capture.hash(h);
            go_ids_taken.hash(h);
            timer_ctx_numbered.hash(h);
            lib_vars.hash(h);
            if self.counts_races() {
                races_reported.hash(h);
            }
        };
        match &renaming {
            Some(r) => crate::rt::gid_rename::renaming(&r.to, || rest(h)),
            None => rest(h),
        }
        memo.renaming = renaming;
    }

    /// Feed `h` the order of each channel's wait queues ([`Arrival`]): per channel and
    /// direction with two goroutines or more parked there, their ids by arrival (who is there
    /// is in the goroutines' own hashes; their arrival numbers are not, so that states equal
    /// but for how many arrivals came before are equal).
    ///
    /// [`Arrival`]: crate::rt::goroutine::Arrival
    fn hash_chan_queues<H: Hasher>(&self, h: &mut H) {
        use crate::rt::goroutine::{GoStatus, Visible};
        // (channel, sends, arrival, goroutine)
        let mut waiting: Vec<(u32, bool, u64, u32)> = Vec::new();
        for g in self.goroutines.iter() {
            if g.status != GoStatus::Parked {
                continue;
            }
            let a = g.arrival.0;
            match &g.next {
                Some(Visible::Send(Some(c), _)) => waiting.push((c.0, true, a, g.gid.0)),
                Some(Visible::Recv { chan: Some(c), .. }) => {
                    waiting.push((c.0, false, a, g.gid.0));
                }
                Some(Visible::Select { arms, .. }) => {
                    for arm in arms {
                        if let Some(c) = arm.chan {
                            waiting.push((c.0, arm.send.is_some(), a, g.gid.0));
                        }
                    }
                }
                _ => {}
            }
        }
        if waiting.len() < 2 {
            return;
        }
        waiting.sort_unstable();
        waiting.dedup();
        for queue in waiting.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
            if queue.len() >= 2 {
                (queue[0].0, queue[0].1, queue.len()).hash(h);
                for w in queue {
                    crate::rt::event::Gid(w.3).hash(h);
                }
            }
        }
    }

    /// The program is a test: its `testing.T`s read how many races were reported during them.
    pub fn counts_races(&self) -> bool {
        !self.program.tests.is_empty()
    }
}
