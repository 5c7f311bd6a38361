//! Arriving at a state by a move: its moves, whether it is keyed, the visited set's verdict,
//! and the frame pushed for it ([`Stateful::arrive`]).
//!
//! **Keyed states only where a key can pay.** A state's key costs most of a state's work (the
//! machine's hash and the race detector's canonical form, which judges every recorded
//! access), and it pays only where the search would otherwise explore something twice. A state
//! with one move to explore (one move offered, or one awake move that is a persistent set
//! alone) is not keyed: it is explored every time it is reached, as a stateless search with
//! sleep sets and persistent sets would (Godefroid 1996, ch. 4–5: the visited set only prunes,
//! and a state left out of it is explored in full, so no outcome is lost). The cost is work
//! repeated below a state reached twice, up to the next keyed state: at most
//! [`MAX_UNKEYED`] states. That bound also keeps cycles detected: on any path, one state in
//! every `MAX_UNKEYED + 1` is keyed, so a path around a cycle meets a keyed state on the
//! current path again. Where states are often reached again (more than one move in
//! [`REVISITS_TO_KEY_ALL`] so far led to a state seen before: the channel preset, whose
//! handoffs reach equal states in many orders), the work repeated below them costs more than
//! keys, and every state is keyed. A state reached by a move that received a value from a
//! buffered channel is keyed too: such a receive is where paths that differ only in when the
//! value was sent meet again (sent into the buffer before the receiver arrived, then received
//! by a move of its own, or handed to the receiver blocked there by the send itself: two
//! paths to one state, the second one step shorter), and a key there ends the second path at
//! once instead of repeating the rest of the run below it. A keyed state's successors reuse the hashes of the nearest keyed
//! ancestor's shared parts (`StateMemo`: that ancestor is alive on the stack, so a part at the
//! same address is the same part).

use super::super::outcome::SearchLimit;
use super::super::wakeup::WakeStep;
use super::fingerprint::{final_fingerprint, fingerprint};
use super::frame::{moves_from, offered, Footprints, Frame};
use super::{Abandon, Stateful, Step, Visit};
use crate::race::Detector;
use crate::rt::event::Gid;
use crate::sched::Choice;
use crate::target::{StateMemo, Target};

/// The most states in a row on a path that the search leaves unkeyed (see the module docs).
pub(super) const MAX_UNKEYED: u32 = 8;

/// Every state is keyed while more than one in this many states reached so far was a revisit
/// (see the module docs).
const REVISITS_TO_KEY_ALL: u64 = 4;

impl<T: Target> Stateful<T> {
    /// The move `choice` from the top frame led to `target` (with `detector`), with
    /// `child_sleep` asleep there, `footprints` of it computed so far, and `fires` timer fires
    /// on the path (`received`: the move
    /// received a value from a buffered channel, see the module docs): record it if final, else push its
    /// frame unless the visited set knows it explored. `Some` when the search stops.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn arrive(
        &mut self,
        choice: Choice,
        target: T,
        detector: Option<Detector>,
        mut child_sleep: Vec<WakeStep>,
        mut footprints: Footprints,
        fires: u32,
        received: bool,
    ) -> Option<Step> {
        let choices = offered(&target);
        if self.cyclic.is_some() {
            // Every move is explored in cyclic mode (`cycles`).
            child_sleep.clear();
        }
        let depth = self.stack.len() as u64;
        if choices.is_empty() {
            return self.arrive_final(choice, target, detector, depth);
        }
        let asleep = |c: &Choice| child_sleep.iter().any(|s| s.choice == *c);
        let mut futures = None;
        // The goroutines whose moves turned out not to be persistent sets alone in an
        // ancestor and have not moved since: tried last here.
        let mut later: Vec<Gid> = self.stack.last().map_or_else(Vec::new, |f| {
            f.later
                .iter()
                .copied()
                .chain(f.tried.iter().map(|c| c.gid))
                .filter(|g| *g != choice.gid)
                .collect()
        });
        later.sort_unstable();
        later.dedup();
        // The moves to explore: one offered move is a persistent set alone (nothing in
        // reserve); else as `moves_from` picks them.
        let (explore, left, reserve, atomic_alone) = if choices.len() == 1 {
            if asleep(&choices[0]) {
                (Vec::new(), choices, None, false)
            } else {
                (choices, Vec::new(), None, false)
            }
        } else {
            let all = target.goroutine_futures_with(&mut |g| footprints.get(&target, g).cloned());
            let moves = moves_from(
                &target,
                detector.as_ref(),
                choices,
                &child_sleep,
                self.cyclic.is_none(),
                all.as_deref().unwrap_or_default(),
                &mut footprints,
                &later,
            );
            futures = Some(all);
            moves
        };
        let since_key = self.stack.last().map_or(0, |f| f.since_key) + 1;
        let keyed = explore.len() > 1
            || received
            || self.cyclic.is_some()
            || since_key > MAX_UNKEYED
            || self.revisits.saturating_mul(REVISITS_TO_KEY_ALL) > self.states;
        let key = if keyed {
            let all = futures.get_or_insert_with(|| {
                target.goroutine_futures_with(&mut |g| footprints.get(&target, g).cloned())
            });
            let mut memo = StateMemo::default();
            let parent = self
                .stack
                .iter()
                .rev()
                .find(|f| f.key.is_some())
                .map(|f| &f.memo);
            let key = fingerprint(
                &target,
                detector.as_ref(),
                None,
                &mut memo,
                parent,
                all.as_deref(),
                &mut |g| footprints.get(&target, g).cloned(),
            )
            .unwrap_or_default();
            Some((key, memo))
        } else {
            None
        };
        let futures = futures.flatten().unwrap_or_default();
        if let Some((k, _)) = &key {
            self.note_edge(*k);
        }
        if let Some((k, _)) = &key {
            // A state explored before: outcomes with notes through it may take this path there.
            let done = |v: &Visit| matches!(v, Visit::Done { height, .. } if depth + height < self.step_limit);
            if self.visited.get(k).is_some_and(done) {
                let renaming = key.as_ref().and_then(|(_, m)| m.renaming.clone());
                self.take_detours(*k, choice, renaming.as_ref());
            }
        }
        let parent = self.stack.last_mut()?;
        if let Some((k, _)) = &key {
            match self.visited.get(k) {
                Some(Visit::OnStack) => return self.back_to_path(),
                Some(Visit::Done {
                    height,
                    asleep: was_left,
                }) => {
                    let height = *height;
                    self.revisits += 1;
                    parent.height = parent.height.max(height + 1);
                    if depth + height >= self.step_limit {
                        return Some(Step::Abandon(Abandon::RunLimit));
                    }
                    // Moves it left asleep that are awake now: explore them from it again,
                    // and from now on only what slept both times counts as left (in this
                    // state's names: the key may stand for a renaming of it, `symmetry`).
                    let was_left = super::symmetry::from_canonical(
                        was_left,
                        key.as_ref().and_then(|(_, m)| m.renaming.as_ref()),
                    );
                    let wake: Vec<Choice> =
                        was_left.iter().filter(|c| !asleep(c)).copied().collect();
                    if !wake.is_empty() {
                        let still: Box<[Choice]> =
                            was_left.iter().filter(|c| asleep(c)).copied().collect();
                        let (key, memo) = key?;
                        self.visited.insert(key, Visit::OnStack);
                        self.path.push(choice);
                        self.stack.push(Frame {
                            target,
                            detector,
                            choices: wake,
                            sleep: child_sleep,
                            done: Vec::new(),
                            asleep: still,
                            next: 0,
                            key: Some(key),
                            since_key: 0,
                            height,
                            memo,
                            futures,
                            reserve: None,
                            atomic_alone: false,
                            tried: Vec::new(),
                            later: Vec::new(),
                            footprints,
                            fires,
                        });
                    }
                    return None;
                }
                None => {}
            }
        }
        self.states += 1;
        if depth >= self.step_limit {
            return Some(Step::Abandon(Abandon::RunLimit));
        }
        if target.withholds_early_ticks() {
            self.limit.get_or_insert(SearchLimit::EarlyTicks);
        }
        let mut explore = explore;
        if let Some((k, memo)) = &key {
            if self.cyclic.is_none() && explore.len() > 1 {
                // Moves of interchangeable goroutines: one stands for all (`symmetry`).
                super::symmetry::prune_interchangeable(
                    &target,
                    detector.as_ref(),
                    (!futures.is_empty()).then_some(&futures[..]),
                    &mut footprints,
                    memo,
                    *k,
                    &mut explore,
                );
            }
        }
        let (key, memo, since_key) = match key {
            Some((key, memo)) => {
                self.visited.insert(key, Visit::OnStack);
                (Some(key), memo, 0)
            }
            None => (None, StateMemo::default(), since_key),
        };
        self.path.push(choice);
        self.stack.push(Frame {
            target,
            detector,
            choices: explore,
            sleep: child_sleep,
            done: Vec::new(),
            asleep: left.into_boxed_slice(),
            next: 0,
            key,
            since_key,
            height: 0,
            memo,
            futures,
            reserve,
            atomic_alone,
            tried: Vec::new(),
            later,
            footprints,
            fires,
        });
        None
    }

    /// [`Stateful::arrive`] at a final state (`depth`: the frames on the stack): keyed by its
    /// outcome alone, recorded when new.
    fn arrive_final(
        &mut self,
        choice: Choice,
        target: T,
        detector: Option<Detector>,
        depth: u64,
    ) -> Option<Step> {
        let key = final_fingerprint(&target, detector.as_ref());
        self.note_edge(key);
        let parent = self.stack.last_mut()?;
        match self.visited.get(&key) {
            Some(Visit::OnStack) => Some(Step::Abandon(Abandon::Cycle)),
            Some(Visit::Done { height, .. }) => {
                let height = *height;
                self.revisits += 1;
                parent.height = parent.height.max(height + 1);
                if depth + height >= self.step_limit {
                    return Some(Step::Abandon(Abandon::RunLimit));
                }
                let mut path = self.path.clone();
                path.push(choice);
                self.rerecord(&target, detector.as_ref(), &path);
                None
            }
            None => {
                self.states += 1;
                if target.ending().is_some_and(|e| e.limit) {
                    return Some(Step::Abandon(Abandon::RunLimit));
                }
                parent.height = parent.height.max(1);
                self.visited.insert(key, Visit::done(0));
                if let Some(cycles) = &mut self.cyclic {
                    cycles.finals.push(key);
                }
                let mut path = self.path.clone();
                path.push(choice);
                self.record(&target, detector.as_ref(), &path);
                None
            }
        }
    }
}
