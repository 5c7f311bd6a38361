//! The race analysis of the search: happens-before over the trace (DPOR clocks), the races of
//! a new step or a pending operation, and how each is reversed: a sequence replayed where it
//! would run and inserted into a wakeup tree (optimal DPOR), or a goroutine added to a
//! backtrack set (persistent sets).

use super::{Node, Search};
use crate::explore::wakeup::{rename_created, InitialFilter, WakeStep};
use crate::race::vclock::VClock;
use crate::rt::event::{Effect, Event, Gid, Op};
use crate::sched::Choice;
use crate::target::{Footprint, Resource, Target};
use std::rc::Rc;

/// How far a wakeup sequence replays from the state where it would be inserted.
pub(super) enum Replay {
    /// Every move, the racing event included: the sequence as it runs there.
    Whole(Vec<WakeStep>),
    /// Every move but the racing event, which is not enabled there.
    NotTheEvent,
    /// A move before the event is not enabled.
    Stuck,
}

impl<T: Target> Search<T> {
    /// The clock of the last trace step `p` took part in (`None`: none yet).
    pub(super) fn last_clock_of(&self, p: Gid) -> Option<&VClock> {
        let found = self.index.last_of(p).map(|i| &*self.trace[i].clock);
        if cfg!(debug_assertions) && self.trace.len() <= 300 {
            let scanned = self
                .trace
                .iter()
                .rev()
                .find(|s| s.participants.contains(&p))
                .map(|s| &*s.clock);
            debug_assert!(
                scanned.map(|c| c as *const VClock) == found.map(|c| c as *const VClock),
                "the trace index's last step of a goroutine is not the scan's"
            );
        }
        found
    }

    /// Add backtrack points for goroutine `p` whose next step has footprint `fp`, against the
    /// trace steps before `upto`.
    pub(super) fn add_backtrack(&mut self, p: Gid, fp: &Footprint, upto: usize) {
        let cp = self.process_clock_before(p, upto);
        for i in (0..upto).rev() {
            let s = &self.trace[i];
            // Steps of p itself are in `cp` too: they happen before p's next step.
            let happens_before = s.participants.iter().any(|q| cp.get(*q) > i as u32);
            if happens_before || !s.footprint.dependent(fp) {
                continue;
            }
            Search::schedule_goroutine(&mut self.stack[i], p);
            return;
        }
    }

    /// Add a backtrack point for `p` before every trace step (before `upto`) that does not
    /// happen before `p`'s next step: the conservative treatment of a step that ended the run.
    pub(super) fn add_backtrack_everywhere(&mut self, p: Gid, upto: usize) {
        let cp = self.process_clock_before(p, upto);
        for i in 0..upto {
            let s = &self.trace[i];
            let happens_before = s.participants.iter().any(|q| cp.get(*q) > i as u32);
            if happens_before {
                continue;
            }
            Search::schedule_goroutine(&mut self.stack[i], p);
        }
    }

    /// Make `node` explore every move of goroutine `p`, or every move when `p` has none there
    /// (the source-set fallback), each as a one-move branch of its wakeup tree.
    pub(super) fn schedule_goroutine(node: &mut Node<T>, p: Gid) {
        let moves: Vec<Choice> = if node.choices.has_gid(p) {
            node.choices.of_gid(p)
        } else {
            node.choices.iter().collect()
        };
        for c in moves {
            if !node.done.iter().any(|d| d.choice == c) {
                let fp = node
                    .target
                    .footprint(c.gid)
                    .unwrap_or_else(Footprint::global);
                node.wakeup.push_leaf(WakeStep::solo(c, fp));
            }
        }
    }

    /// The DPOR clock of goroutine `p` after the trace steps before `upto`.
    pub(super) fn process_clock_before(&self, p: Gid, upto: usize) -> VClock {
        self.index
            .last_of_before(p, upto)
            .map(|i| VClock::clone(&self.trace[i].clock))
            .unwrap_or_default()
    }

    /// `trace[i]` happens before an event whose DPOR clock is `clock`.
    pub(super) fn hb_clock(&self, i: usize, clock: &VClock) -> bool {
        self.trace[i]
            .participants
            .iter()
            .any(|q| clock.get(*q) > i as u32)
    }

    /// What an event by `participants` with footprint `fp` after the current trace depends on:
    /// the joined clocks of its goroutines so far, and the indices of the dependent trace steps
    /// not already in that past ([`Search::dependent_after`]).
    pub(super) fn event_deps(
        &self,
        participants: &[Gid],
        fp: &Footprint,
    ) -> (Rc<VClock>, Vec<usize>) {
        let before = self.joined_clock(participants);
        let deps = self.dependent_after(fp, &before);
        (before, deps)
    }

    /// The joined clocks of `participants` after the current trace: the clock of one
    /// participant's last step itself, shared, when only one has a past (a goroutine bomb's
    /// final state asks this for thousands of pending operations, each clock thousands of
    /// entries long).
    pub(super) fn joined_clock(&self, participants: &[Gid]) -> Rc<VClock> {
        let mut pasts = participants
            .iter()
            .filter_map(|q| self.index.last_of(*q).map(|i| (*q, i)));
        let Some((first, i)) = pasts.next() else {
            return Rc::new(VClock::new());
        };
        if pasts.next().is_none() {
            // Through `last_clock_of`, which checks the index against a scan.
            let shared = match self.last_clock_of(first) {
                Some(_) => Rc::clone(&self.trace[i].clock),
                None => Rc::new(VClock::new()),
            };
            if cfg!(debug_assertions) && self.trace.len() <= 300 {
                let mut joined = VClock::new();
                for q in participants {
                    if let Some(clock) = self.last_clock_of(*q) {
                        joined.join(clock);
                    }
                }
                debug_assert!(*shared == joined, "a shared clock is not the joined one");
            }
            return shared;
        }
        let mut before = VClock::new();
        for q in participants {
            if let Some(clock) = self.last_clock_of(*q) {
                before.join(clock);
            }
        }
        Rc::new(before)
    }

    /// The indices of the trace steps dependent with `fp` that do not happen before an event
    /// whose goroutines' joined clock is `before` (those are in its past already: they add
    /// nothing to its clock, and none of them is a race of it), from the trace index
    /// ([`super::index`]). Steps of the event's own goroutines are in that past.
    pub(super) fn dependent_after(&self, fp: &Footprint, before: &VClock) -> Vec<usize> {
        let summary = fp.summary();
        let in_past = |i: usize| self.hb_clock(i, before);
        let dependent = |i: usize| {
            let s = &self.trace[i];
            s.footprint.dependent_summarized(s.summary, fp, summary)
        };
        let found: Vec<usize> = self
            .index
            .candidates(self.trace.len(), fp, |i| &self.trace[i].footprint, in_past)
            .into_iter()
            .filter(|&i| dependent(i))
            .collect();
        if cfg!(debug_assertions) && self.trace.len() <= 300 {
            let scanned: Vec<usize> = (0..self.trace.len())
                .filter(|&i| dependent(i) && !in_past(i))
                .collect();
            debug_assert_eq!(found, scanned, "the trace index missed a dependent step");
        }
        found
    }

    /// The DPOR clock of that event.
    pub(super) fn event_clock(
        &self,
        participants: &[Gid],
        before: &VClock,
        deps: &[usize],
    ) -> VClock {
        let mut clock = VClock::clone(before);
        // Latest first: a step already in the clock's past (one of its participants' entries
        // is past it) brings nothing new, since a step's clock holds its whole past. (Steps
        // in the past of `before` are not in `deps` at all: [`Search::dependent_after`].)
        for &i in deps.iter().rev() {
            let step = &self.trace[i];
            if !step.participants.iter().any(|q| clock.get(*q) > i as u32) {
                clock.join(&step.clock);
            }
        }
        if cfg!(debug_assertions) && self.trace.len() <= 300 {
            let mut every = VClock::clone(before);
            for &i in deps {
                every.join(&self.trace[i].clock);
            }
            debug_assert!(every == clock, "a skipped step's clock was not in the past");
        }
        let n = self.trace.len() as u32 + 1;
        for q in participants {
            clock.set(*q, n);
        }
        clock
    }

    /// Optimal DPOR (Abdulla et al., JACM 2017, Algorithm 2): for every race between a trace
    /// step `i` and `event` following the current trace (a step about to be pushed, or a
    /// goroutine's pending operation), the state before `i` must explore `v = notdep(i) · event`
    /// (the steps after `i` that do not depend on it, then the event), unless a move asleep or
    /// already explored there is a weak initial of `v` (that path covers it); the sequence goes
    /// into that state's wakeup tree, which skips it when a branch covers it. `before`, `deps`
    /// and `clock` are from [`Search::event_deps`] and [`Search::event_clock`].
    pub(super) fn source_races(&mut self, event: &WakeStep, before: &VClock, deps: &[usize]) {
        let n = self.trace.len();
        // The later dependent steps the event could not come before (they enabled it), by
        // position in `deps` (a step that ends the run races with every step before it not in
        // its past, and most of those enabled it: a lookup per step, not a scan of a list).
        let mut enablers: Vec<bool> = vec![false; deps.len()];
        for (k, &i) in deps.iter().enumerate().rev() {
            // Not a race when `i` reaches the event through the goroutine's own past or through
            // a later dependent step, unless that step only enabled the event (the unlock
            // between two locks: the locks race).
            let via_process = self.trace[i]
                .participants
                .iter()
                .any(|q| before.get(*q) > i as u32);
            if via_process {
                continue;
            }
            let via_other = deps[k + 1..]
                .iter()
                .zip(&enablers[k + 1..])
                .any(|(j, enabler)| !enabler && self.hb_clock(i, &self.trace[*j].clock));
            if via_other {
                continue;
            }
            // v = the steps after i that do not depend on i, then the event.
            let mut v: Vec<WakeStep> = (i + 1..n)
                .filter(|&j| !self.hb_clock(i, &self.trace[j].clock))
                .map(|j| self.trace[j].wake_step())
                .collect();
            v.push(event.clone());
            // Named as the goroutines it creates are numbered when it runs from before `i`
            // (a creation the trace made first, `i` or after it, is not in `v`).
            let count = self.stack[i].target.goroutine_count() as u32;
            rename_created(&mut v, count, Vec::new(), count);
            let reversed = self.trace[i].wake_step();
            // Moves whose footprints do not depend on the order they run in are checked as the
            // trace saw them: when a covering path is explored already, only whether the event
            // can come before `i` at all matters, which the moves it depends on decide.
            if v.iter().all(WakeStep::order_insensitive) && self.covered(i, &v, &reversed) {
                let past = causal_past(&v);
                self.replay_steps += past.len() as u64 - 1;
                if let Replay::NotTheEvent = self.replays(i, &past) {
                    enablers[k] = true;
                }
                continue;
            }
            self.replay_steps += v.len() as u64 - 1;
            let v = match self.replays(i, &v) {
                Replay::Whole(v) => v,
                // The event cannot come before `i` (`i` enabled it: an unlock, a close, a
                // `Done` it waited for): the race cannot be reversed.
                Replay::NotTheEvent => {
                    enablers[k] = true;
                    continue;
                }
                // The steps before it do not replay (a dependence the footprints do not
                // show): explore the first one's goroutine there, as source sets would.
                Replay::Stuck => {
                    let g = v[0].choice.gid;
                    Search::schedule_goroutine(&mut self.stack[i], g);
                    continue;
                }
            };
            if !self.covered(i, &v, &reversed) {
                self.stack[i].wakeup.insert(v, &reversed, count);
            }
        }
    }

    /// A path explored, being explored or scheduled from the state before trace step `i`
    /// covers `v` (which reverses the race with `reversed`, that step): a move asleep or done
    /// there, or a branch of its wakeup tree, is a weak initial of `v`. `v` names the
    /// goroutines it creates as they are created from that state
    /// ([`crate::explore::wakeup::rename_created`]); a move asleep or done there is the next
    /// move of a goroutine that exists there, whatever it names its child.
    pub(super) fn covered(&self, i: usize, v: &[WakeStep], reversed: &WakeStep) -> bool {
        let node = &self.stack[i];
        let filter = InitialFilter::new(v, reversed);
        // Cheapest first: the wakeup tree's branches are indexed by goroutine (the pending
        // operations of a goroutine bomb find their own branch there, inserted by an earlier
        // run, at once), the moves done are read as recorded, and a sleeping move's footprint
        // is taken anew from the machine.
        node.wakeup
            .covers(v, reversed, node.target.goroutine_count() as u32)
            || node
                .done
                .iter()
                .filter(|d| d.choice != reversed.choice)
                .any(|d| filter.weak_initial(d, v, reversed).is_some())
            || node.sleep.iter().filter(|s| !filter.excludes(s)).any(|s| {
                s.refreshed(node.target.footprint(s.choice.gid))
                    .weak_initial_in(v, reversed)
                    .is_some()
            })
    }

    /// Whether the wakeup sequence `v` can be followed from the state before trace step `i`:
    /// each move enabled in turn, the last (the racing event) by its goroutine in any of its
    /// alternatives. When it can, the sequence as it runs there: a footprint's class can depend
    /// on where other goroutines stand (the `wg.Done()` that reaches zero), and the moves of
    /// `v` run in another order than in the trace.
    pub(super) fn replays(&self, i: usize, v: &[WakeStep]) -> Replay {
        let root = &self.stack[i].target;
        // The state as the moves before the event leave it: cloned at the first of them (a
        // sequence of the event alone, a pending operation's race at a goroutine bomb's final
        // state, reads the state in place: thousands of those per run).
        let mut moved: Option<T> = None;
        // The goroutines `v` creates, numbered as they are created from here (`v` may leave
        // out a creation that came first in the trace).
        let count = root.goroutine_count() as u32;
        let mut v = v.to_vec();
        rename_created(&mut v, count, Vec::new(), count);
        let Some((event, before)) = v.split_last() else {
            return Replay::Whole(Vec::new());
        };
        let mut replayed = Vec::with_capacity(v.len());
        for s in before {
            let target = moved.get_or_insert_with(|| root.clone());
            if target.ending().is_some() || !target.can_run(s.choice) {
                return Replay::Stuck;
            }
            let existed = target.goroutine_count() as u32;
            let pre_fp = target
                .footprint(s.choice.gid)
                .unwrap_or_else(Footprint::global);
            // Only a channel operation can have a rendezvous partner, whose operation is read
            // in the state before the step: other moves step in place.
            let rendezvous = pre_fp
                .resources
                .iter()
                .any(|(r, _)| matches!(r, Resource::Chan(_)));
            let (participants, footprint) = if rendezvous {
                let mut after = target.clone();
                let events = after.step(s.choice);
                let (participants, movers) = participants(s.choice, &events);
                let footprint =
                    step_footprint(target, &pre_fp, s.choice, &movers, &participants, &after);
                *target = after;
                (participants, footprint)
            } else {
                let events = target.step(s.choice);
                let (participants, movers) = participants(s.choice, &events);
                let footprint = if movers.len() > 1 {
                    Footprint::global()
                } else {
                    step_footprint(target, &pre_fp, s.choice, &movers, &participants, target)
                };
                (participants, footprint)
            };
            // The goroutines it created are those `v` names (it was renamed for this).
            let created = |ps: &[Gid]| -> Vec<Gid> {
                ps.iter().copied().filter(|g| g.0 >= existed).collect()
            };
            if created(&participants) != created(&s.participants) {
                return Replay::Stuck;
            }
            replayed.push(WakeStep {
                choice: s.choice,
                participants,
                summary: footprint.summary(),
                footprint,
            });
        }
        let target = moved.as_ref().unwrap_or(root);
        if target.ending().is_some() {
            return Replay::NotTheEvent;
        }
        let gid = event.choice.gid;
        // Whether the event's goroutine can move there: at the node's own state, from its list
        // of moves when that list is the machine's whole (a goroutine bomb's final state asks
        // this for thousands of pending operations); elsewhere from the machine.
        let node = &self.stack[i];
        let enabled = if moved.is_none() && node.exact {
            let listed = node.choices.has_gid(gid);
            if cfg!(debug_assertions) && target.goroutine_count() <= 300 {
                debug_assert_eq!(
                    listed,
                    !target.runnable_of(gid).is_empty(),
                    "the node's moves disagree with the machine's on a goroutine"
                );
            }
            listed
        } else {
            !target.runnable_of(gid).is_empty()
        };
        if !enabled {
            return Replay::NotTheEvent;
        }
        // The event as it would run there: its own operation now (a rendezvous also keeps what
        // the trace saw its partner touch).
        let now = target.footprint(gid);
        let mut last = match now {
            Some(f) if event.participants.len() == 1 && !event.footprint.global => {
                WakeStep::solo(event.choice, f)
            }
            now => event.refreshed(now),
        };
        if !target.can_run(last.choice) {
            // Another of its alternatives: the first it has there.
            if let Some(c) = target.runnable_of(gid).first() {
                last.choice = *c;
            }
        }
        replayed.push(last);
        Replay::Whole(replayed)
    }

    /// Source-set analysis of pending operations, which race like events appended to the
    /// trace: at a final state every goroutine's (blocked forever, or cut off by the end of the
    /// program); at other states a blocked goroutine's, when the step just made could have
    /// changed its races (it is dependent with the operation, e.g. took the lock it waits for,
    /// or moved that goroutine). Earlier races of an operation blocked all along were analysed
    /// at the state where they appeared; a goroutine that runs later is analysed then.
    pub(super) fn source_pending(&mut self) {
        let Some(top) = self.stack.last() else {
            return;
        };
        // (At a run cut by the goroutine limit too: its last step's footprint is not global,
        // `Target::cut_by_limit`, so only the operations that conflict with it or with an
        // earlier step race.)
        let terminal = top.choices.is_empty();
        let last = self.trace.last();
        let n = top.target.goroutine_count();
        // Only the goroutines the step moved and those whose operations may depend on it (the
        // target narrows them down from what it knows blocks on what; a goroutine bomb parks
        // thousands), unless the run is over.
        let near = match last {
            Some(t) if !terminal => top.target.blocked_near(&t.footprint).map(|mut v| {
                v.extend(t.participants.iter().copied());
                v.sort_unstable();
                v.dedup();
                v
            }),
            _ => None,
        };
        let narrowed = near.is_some();
        // Goroutines with a move here, by id, when every goroutine is looked at (a goroutine
        // bomb offers thousands of moves: a few goroutines near the step ask the list).
        let movable: Option<Vec<bool>> =
            (!narrowed || (cfg!(debug_assertions) && n <= 300)).then(|| {
                let mut movable = vec![false; n];
                for c in top.choices.iter() {
                    if let Some(m) = movable.get_mut(c.gid.0 as usize) {
                        *m = true;
                    }
                }
                movable
            });
        let has_move = |g: Gid| match &movable {
            Some(m) => m.get(g.0 as usize).copied().unwrap_or(false),
            None => top.choices.has_gid(g),
        };
        let all: Box<dyn Iterator<Item = Gid>> = match near {
            Some(v) => Box::new(v.into_iter()),
            None => Box::new((0..n as u32).map(Gid)),
        };
        let pending_among = |gs: Box<dyn Iterator<Item = Gid> + '_>| -> Vec<(Gid, Footprint)> {
            gs.filter(|g| terminal || !has_move(*g))
                .filter_map(|g| top.target.footprint(g).map(|f| (g, f)))
                .filter(|(g, f)| {
                    terminal
                        || last
                            .is_none_or(|t| t.participants.contains(g) || t.footprint.dependent(f))
                })
                .collect()
        };
        let pending = pending_among(all);
        if cfg!(debug_assertions) && narrowed && n <= 300 {
            let every: Vec<Gid> = pending_among(Box::new((0..n as u32).map(Gid)))
                .into_iter()
                .map(|(g, _)| g)
                .collect();
            debug_assert_eq!(
                pending.iter().map(|(g, _)| *g).collect::<Vec<_>>(),
                every,
                "the target's blocked_near missed a dependent pending operation"
            );
        }
        for (p, fp) in pending {
            self.replay_steps += self.trace.len() as u64 / super::TRACE_SCAN_PER_STEP;
            let (before, deps) = self.event_deps(&[p], &fp);
            let event = WakeStep::solo(Choice { gid: p, alt: 0 }, fp);
            self.source_races(&event, &before, &deps);
        }
    }

    /// Races of the step just made (not yet on the trace; `after` is the state it led to) with
    /// operations it *cancelled*: a goroutine whose move was enabled before the step and that
    /// has no operation left after it without having taken part (a timer's runtime goroutine
    /// when `Stop` disarms it, a deadline's when `cancel` runs first). Such an operation never
    /// becomes an event of the trace, so no later race analysis sees it; it is reversed here
    /// by exploring its move at the state before the step (it is enabled there, and nothing
    /// lies between the two: the sequence is the move alone). Its races with earlier steps
    /// are analysed when that branch runs it.
    /// `changed` is [`Target::moves_changed`] of `after` (only a goroutine it names can have
    /// lost its operation), when known.
    pub(super) fn reverse_cancelled(
        &mut self,
        participants: &[Gid],
        fp: &Footprint,
        after: &T,
        changed: Option<&[Gid]>,
    ) {
        let Some(node) = self.stack.last_mut() else {
            return;
        };
        let movers: Vec<Gid> = match changed {
            Some(changed) => changed
                .iter()
                .copied()
                .filter(|g| node.choices.has_gid(*g))
                .collect(),
            None => node.choices.iter().map(|c| c.gid).collect(),
        };
        let cancelled: Vec<Gid> = movers
            .into_iter()
            .filter(|g| !participants.contains(g) && !after.has_operation(*g))
            .filter(|g| {
                node.target
                    .footprint(*g)
                    .is_some_and(|before| before.dependent(fp))
            })
            .filter(|g| !node.sleep.iter().any(|s| s.choice.gid == *g))
            .collect();
        for g in cancelled {
            Search::schedule_goroutine(node, g);
        }
    }

    /// The FG-DPOR update at the state on top of the stack.
    pub(super) fn analyse_top(&mut self) {
        let Some(top) = self.stack.last() else {
            return;
        };
        let n = top.target.goroutine_count();
        let pending: Vec<(Gid, Footprint)> = (0..n as u32)
            .filter_map(|g| top.target.footprint(Gid(g)).map(|f| (Gid(g), f)))
            .collect();
        let upto = self.trace.len();
        for (p, fp) in pending {
            self.add_backtrack(p, &fp, upto);
        }
    }
}

/// The moves of `v` its last move (the racing event) depends on, directly or through others,
/// and that move: what decides whether it can run after them.
pub(super) fn causal_past(v: &[WakeStep]) -> Vec<WakeStep> {
    let Some((event, before)) = v.split_last() else {
        return Vec::new();
    };
    let mut needed: Vec<&WakeStep> = vec![event];
    for s in before.iter().rev() {
        if needed.iter().any(|n| !n.independent(s)) {
            needed.push(s);
        }
    }
    needed.into_iter().rev().cloned().collect()
}

/// What a step touched: the chooser's operation (`pre_fp`, seen in `before`), and each
/// rendezvous partner's (a select the partner was parked in ends with it too), and each
/// participant's arrival at its next operation (seen in `after`). A step that ended the run is
/// dependent with everything, except main's return, which keeps its own footprint (goroutine
/// exits commute with it), and a step that hit a limit cutting the run
/// ([`Target::cut_by_limit`]), which touches what its own operation touches.
pub(in crate::explore) fn step_footprint<T: Target>(
    before: &T,
    pre_fp: &Footprint,
    choice: Choice,
    movers: &[Gid],
    participants: &[Gid],
    after: &T,
) -> Footprint {
    step_footprint_with(
        &mut |q| before.footprint(q),
        pre_fp,
        choice,
        movers,
        participants,
        after,
        &mut |q| after.footprint(q),
    )
}

/// [`step_footprint`], with `before_fp` and `after_fp` giving [`Target::footprint`] of the
/// states before and after the step (a caller that keeps a state's footprints computes each
/// once).
pub(in crate::explore) fn step_footprint_with<T: Target>(
    before_fp: &mut dyn FnMut(Gid) -> Option<Footprint>,
    pre_fp: &Footprint,
    choice: Choice,
    movers: &[Gid],
    participants: &[Gid],
    after: &T,
    after_fp: &mut dyn FnMut(Gid) -> Option<Footprint>,
) -> Footprint {
    let cut = after.ending().is_some() && after.cut_by_limit();
    if after.ending().is_some() && !pre_fp.main_exit && !cut {
        return Footprint::global();
    }
    let mut fp = pre_fp.clone();
    for q in movers.iter().filter(|q| **q != choice.gid) {
        match before_fp(*q) {
            Some(partner_fp) => fp.union_with(&partner_fp),
            None => fp = Footprint::global(),
        }
    }
    // Arriving at a channel operation is visible too: a goroutine parked at a send or receive
    // is a rendezvous partner, which decides whether another goroutine's `select` takes a case
    // or its default, and whom a receive pairs with.
    for q in participants {
        if let Some(next_fp) = after_fp(*q) {
            fp.union_with_arrival(&next_fp);
        }
    }
    // In virtual time order, a step after which only sleepers can move enables the wake-up
    // that comes next (`Resource::Idle`).
    if after.idle() {
        fp.union_with(&Footprint {
            resources: vec![(Resource::Idle, false)].into(),
            ..Footprint::default()
        });
    }
    fp
}

/// The goroutines a move involved, and those of them whose operation it was. Movers: the
/// chooser and every goroutine with an event in the step (a rendezvous partner); participants:
/// the movers and every goroutine the step created (a `go` statement's child, and the runtime
/// goroutine of a timer the step armed: its fire happens after the arming).
pub(in crate::explore) fn participants(choice: Choice, events: &[Event]) -> (Vec<Gid>, Vec<Gid>) {
    let mut created: Vec<Gid> = Vec::new();
    for e in events {
        let spawned = e.effects.iter().filter_map(|f| match f {
            Effect::Spawn(child) => Some(child),
            _ => None,
        });
        let go = match &e.op {
            Op::Go { child } => Some(child),
            _ => None,
        };
        for child in go.into_iter().chain(spawned) {
            if !created.contains(child) {
                created.push(*child);
            }
        }
    }
    // A goroutine the step created is no mover even when its local run up to its first
    // visible operation made events (a panic starting there): it had no operation before the
    // step, and its local code touches nothing another goroutine sees.
    let mut movers = vec![choice.gid];
    for e in events {
        if !movers.contains(&e.gid) && !created.contains(&e.gid) {
            movers.push(e.gid);
        }
    }
    let mut all = movers.clone();
    for child in created {
        if !all.contains(&child) {
            all.push(child);
        }
    }
    (all, movers)
}
