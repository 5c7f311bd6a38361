//! Stateful exploration: a depth-first search over the program's state graph with a visited
//! set (explicit-state model checking, as SPIN and Murφ do; Holzmann, "The Model Checker SPIN",
//! IEEE TSE 1997). Where optimal DPOR ([`super::dpor`]) explores one run per Mazurkiewicz trace,
//! so every order of critical sections is a run of its own, this search explores each reachable
//! *state* once: two schedules that lead to the same state (the same goroutines at the same
//! places with the same locals, the same heap, stdout and detector knowledge) share everything
//! that follows.
//!
//! The state key ([`fingerprint`]) is the machine's semantic state
//! (`rt::machine::Machine::hash_state`: goroutines, heap, channels, sync objects, maps with
//! their writing flags, virtual clock, seeds, id counters, stdout so far; a local that only
//! counts, `bytecode::counters`, as its value's class: above the largest constant the program
//! compares it with, every value is one, so a loop counting a ticker's fires ends in equal
//! states), the race detector in
//! a canonical form (`race::Detector::hash_canonical`: vector clock values replaced by what
//! future verdicts can observe of them; once a race was reported, only that fact). A goroutine
//! that called `runtime.Gosched` may go on at once (no fair yield, unlike DPOR: a spin loop is
//! a cycle of equal states, `cycles`). An outcome ([`OutcomeKey`]: stdout, first
//! error line, race, leaked goroutines) is a function of the final state, and every state's
//! future is a function of its key, so a state seen before adds no outcome: its successors'
//! outcomes are already recorded, and a plain visited set suffices. An outcome's schedule is
//! the path of the first run that reached it.
//!
//! A final state's key is its outcome alone (and whether it deadlocked): nothing follows it.
//!
//! Counting: a run is *executed to its end* when the search reaches a final state it had not
//! seen; [`Outcome::count`](super::Outcome::count) counts those, so the stateful search adds at
//! most one per outcome (to the runs of an earlier DPOR phase it was started with), and
//! [`SearchStats::executions`] is their sum. [`SearchStats::states`] counts distinct states
//! reached (an unkeyed state each time, see below), [`SearchStats::revisits`] moves that led
//! to a keyed state seen before; both are at least
//! a few times DPOR's executions, and each step costs a machine clone, a detector clone and a
//! fingerprint, so on programs with few Mazurkiewicz traces and many states DPOR is cheaper:
//! the default ([`super::SearchAlgorithm::Auto`]) runs the two side by side in turns, this
//! search's short first turn first (small programs end there), and where DPOR completes, this
//! search checks it within a budget.
//!
//! Sleep sets with state caching (Godefroid, "Partial-Order Methods for the Verification of
//! Concurrent Systems", LNCS 1032, 1996, ch. 5): a move explored from a state goes to sleep
//! in the states its siblings lead to while it commutes with the moves made since (judged by
//! the footprints DPOR uses, [`crate::target::Footprint`]), and a sleeping move is not
//! explored: the path that made it first reaches the same states. Every state is still
//! reached, but a diamond of independent moves is walked once instead of from both sides. With
//! a visited set, a state remembers the moves it left asleep ([`Visit::Done`]); met again
//! with fewer moves asleep, it explores the ones it skipped and keeps the intersection
//! (Godefroid's condition for sleep sets with state caching, which keeps every reachable
//! state and so every outcome).
//!
//! Persistent sets of one move (Godefroid 1996, ch. 4, with sleep sets and state caching as in
//! ch. 5): where a move commutes with everything every other goroutine may still do
//! ([`Target::commutes_with_futures`], from a static analysis of the program: `target::persistent`),
//! it is explored alone (`Frame::reserve` keeps the others), so private work and accesses no
//! one else can still conflict with do not interleave. The theory preserves every final state
//! of an acyclic state graph; an outcome is a function of the final state only through what a
//! move explored alone cannot change unless it ends the run or reports the run's first race,
//! which the search checks once the move is made. A move that fails the check (its step ran
//! on to an operation its footprint before the step did not show, e.g. a receive on a channel
//! another goroutine sends on) is dropped, unexplored, and the next awake move that may be a
//! persistent set alone is tried the same way (`Frame::retry_alone`; one persistent set is as
//! good as another, and the moves that failed in an ancestor are tried last); only when none
//! is left are all moves explored.
//! Without a cycle no move is ignored forever; at the first cycle the search starts again
//! without persistent sets (`cycles`).
//! A discarded atomic add is also explored alone where it commutes with the others' steps
//! only up to the state key ([`Target::atomic_alone`], `target::atomic_commute`: its
//! happens-before edges with the others' adds change only what the key forgets, checked on the
//! detector with `race::Detector::live_inert`): the persistent set is then one of the search's
//! quotient by its key, whose futures are a function of the key, with the same check once the
//! move is made.
//!
//! The detector's part of the key forgets accesses no future access can race with, judged by
//! the same static future per goroutine ([`Target::goroutine_futures`]; see
//! `race::Detector::hash_canonical`), and those every racing access must come after a lock
//! or a `WaitGroup.Wait` that knows them (`race::canonical`). Not done: larger persistent
//! sets (a move of each goroutine that conflicts with the chosen one), and a future per
//! location rather than per kind of access.
//!
//! Symmetry reduction (`rt::machine::symmetry`): where goroutines started by one `go`
//! statement are interchangeable, the key is the state's up to renaming them (normalization
//! by sorting, Ip & Dill 1996), so a state is explored once per orbit; what the visited set
//! remembers in goroutine names is kept in the key's canonical names (`symmetry`). The
//! outcomes name no goroutine, so an orbit's states reach the same outcomes.
//!
//! Only states with more than one move to explore are keyed (`arrive`): a state with one move
//! is explored each time it is reached, as a stateless search would, which costs less than its
//! key where states are rarely reached twice; one state in every [`arrive::MAX_UNKEYED`]` + 1`
//! on a path is keyed all the same, so cycles are still found.
//!
//! Where it applies ([`Stateful::applies`]): the target hashes its state, the program never
//! sleeps (the two searches of DPOR over wake-up orders and the early wake-ups an outcome
//! needs are path properties), and no preemption bound is set (a path property too). A move
//! back to a state on the current path (an infinite run is possible, e.g. a spin loop) starts
//! the search again in cyclic mode (`cycles`: every state keyed, every move explored), which
//! gives up ([`Step::Abandon`]) when some state reaches no final state (a livelock, which
//! DPOR's run limits and fair yields handle). It gives up when some run could reach a step
//! limit (the step count is left out of the key, so the search bounds path lengths itself: the
//! longest path from a state seen before is its height, known once its subtree is done, on the
//! paths without a cycle), and when a
//! state has more than [`MAX_GOROUTINES`] goroutines (a key's cost grows with their square; more
//! under the symmetric key, [`Target::max_keyed_goroutines`]); the caller then runs DPOR
//! instead ([`super::explorer`]).
//!
//! The search pauses only before a step, its whole state kept in an explicit stack, so it gives
//! the same result in chunks of any size.

mod arrive;
#[cfg(test)]
mod atomic_tests;
#[cfg(test)]
mod buffer_tests;
#[cfg(test)]
pub(super) mod cond_tests;
#[cfg(test)]
pub(super) mod counter_tests;
mod cycles;
#[cfg(test)]
mod cycles_tests;
mod detours;
#[cfg(test)]
mod final_read_tests;
pub(super) mod fingerprint;
mod frame;
#[cfg(test)]
mod lock_guard_tests;
#[cfg(test)]
mod lock_holder_tests;
#[cfg(test)]
mod persistent_tests;
mod symmetry;
#[cfg(test)]
mod symmetry_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod wait_group_step_tests;
#[cfg(test)]
mod wait_guard_tests;

use super::dpor::{participants, step_footprint_with, DporConfig, SearchStats};
use super::outcome::{OutcomeKey, OutcomeSet, SearchLimit};
use super::prefix::make_forced_prefix;
use super::wakeup::WakeStep;
use crate::race::{Detector, DetectorConfig};
use crate::rt::config::WakeOrder;
use crate::rt::event::{Op, TimerOp};
use crate::sched::{Choice, Schedule};
use crate::target::{EarlyWake, Footprint, StateMemo, Target};
use fingerprint::{fingerprint, FingerprintMap};
use frame::{moves_from, offered, Footprints, Frame};

/// Why a stateful search gave up (the caller runs DPOR instead).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Abandon {
    /// A move led back to a state on the current path: a run can go on forever. Outside the
    /// cyclic mode the search starts again in it (`cycles`); never returned by
    /// [`Stateful::run`].
    Cycle,
    /// In cyclic mode, a state from which no final state is reachable: a run may go on
    /// forever there, a livelock (see `cycles`).
    Livelock,
    /// Some run could reach a step limit.
    RunLimit,
    /// A state has more than [`MAX_GOROUTINES`] goroutines: its key would cost more than the
    /// search saves (the detector's part grows with the square of the goroutines; a goroutine
    /// bomb would take hours).
    TooLarge,
    /// In the second search (sleepers woken at any time, early ticks unbounded), a path on
    /// which timers fired more than [`MAX_FIRES`] times: a ticker's early fires may go on
    /// without end there (a loop that counts ticks while another goroutine is delayed), which
    /// only a search bounding them ends.
    Fires,
}

/// The most goroutines a state of the stateful search may have (see [`Abandon::TooLarge`]).
pub(super) const MAX_GOROUTINES: usize = 256;

/// The most timer fires on one path of the second search (see [`Abandon::Fires`]). A guard on the work, not a bound of the search: no move is left out
/// because of it, so a search that ends without reaching it is complete.
pub(super) const MAX_FIRES: u32 = 64;

/// What [`Stateful::run`] stopped at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Step {
    /// The search is over (complete, or stopped by a budget).
    Over,
    /// Paused before a step (the chunk's budget).
    Paused,
    /// The search gave up; its result means nothing.
    Abandon(Abandon),
}

/// A state seen by the search.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Visit {
    /// On the current path (its subtree is being explored).
    OnStack,
    /// Its subtree is explored.
    Done {
        /// The longest path from it to a final state found, in moves.
        height: u64,
        /// The moves offered there that were asleep every time it was explored (sorted), in
        /// the key's canonical names (`symmetry`): the only ones not explored from it.
        asleep: Box<[Choice]>,
    },
}

impl Visit {
    /// A state whose subtree is explored with nothing asleep.
    fn done(height: u64) -> Visit {
        Visit::Done {
            height,
            asleep: Box::default(),
        }
    }
}

/// The stateful search, resumable between two steps.
#[derive(Clone, Debug)]
pub(super) struct Stateful<T: Target> {
    /// The bounds.
    config: DporConfig,
    /// The longest run allowed: the config's and the machine's own step limit.
    step_limit: u64,
    /// States on the current path; `stack[i + 1]` was reached by `path[i]`.
    stack: Vec<Frame<T>>,
    /// Moves on the current path.
    path: Vec<Choice>,
    /// The moves every run makes first, made on the root before the search began
    /// ([`make_forced_prefix`]): each run's schedule starts with them.
    prefix: Vec<Choice>,
    /// Every state reached, by key (lookups only: nothing iterates it).
    visited: FingerprintMap<Visit>,
    /// The runs recorded.
    outcomes: OutcomeSet,
    /// Steps made.
    total_steps: u64,
    /// Distinct states reached (an unkeyed state, `arrive`, each time it is reached).
    states: u64,
    /// Moves that led to a state seen before.
    revisits: u64,
    /// The first bound or budget that skipped something.
    limit: Option<SearchLimit>,
    /// The budget a stop at `config.max_total_steps` names: `--max-total-steps`, or
    /// `--max-executions` once the search goes on alone after DPOR used its share of the
    /// executions ([`Stateful::alone_after`]).
    steps_budget: SearchLimit,
    /// A check of a complete DPOR search: a final state whose outcome is known already is not
    /// counted as a run (the outcomes' counts and schedules stay DPOR's); a new one is.
    check_only: bool,
    /// The second search still to run once this one is over, for a program that can sleep:
    /// the root again, with its detector, now letting sleepers wake at any time, a ticker's
    /// early fires unbounded ([`WakeOrder::AnyTimeUnbounded`], or [`WakeOrder::Timeless`] for
    /// a program that cannot show the clock: states then equal whatever time passed; a ticker
    /// whose ticks are consumed without end is caught by [`Abandon::Fires`]),
    /// while the first follows virtual time (its runs are those ordinary runs show). The visited set is shared: states differ by their wake order, but
    /// a final state's key is its outcome, so the second search records only outcomes that
    /// need a sleep cut short. `None` when the program never sleeps, or once it began.
    any_time_root: Option<Box<(T, Option<Detector>)>>,
    /// The roots to start again from in cyclic mode; `None` once in it.
    roots: Option<Box<cycles::Roots<T>>>,
    /// The cyclic mode (see `cycles`): `None` until a move leads back to a state on the path.
    cyclic: Option<cycles::Cycles>,
    /// The second search's root (after the prefix), from which a new outcome's path is
    /// replayed to find the sleeps it cuts short (`Target::early_wake`, as DPOR records
    /// them); `None` in the first search.
    any_time_replay: Option<Box<T>>,
    /// The root of the current search (after the prefix), from which a recorded outcome's
    /// path is replayed to find whom it passes in Go's queues (`super::notes`).
    notes_root: Option<Box<T>>,
    /// The recorded paths of outcomes with notes, for schedules through states reached again.
    detours: detours::Detours,
}

impl<T: Target> Stateful<T> {
    /// The stateful search can explore `target` under `config` (see the module docs).
    pub(super) fn applies(target: &T, config: &DporConfig) -> bool {
        config.preemption_bound.is_none() && target.hashes_state()
    }

    /// A search of `target`'s states, at its root (a final root is recorded at once), the runs
    /// of `outcomes` recorded already (real runs of an earlier phase, counted in the
    /// executions budget).
    pub(super) fn start(mut target: T, config: &DporConfig, outcomes: OutcomeSet) -> Stateful<T> {
        let mut detector = config.race_detection.then(|| {
            let mut c = DetectorConfig::new(target.source_map());
            c.first_goroutine_id = target.first_goroutine_id();
            c.testmain_line = target.testmain_line();
            Detector::new(c)
        });
        target.set_wake_order(WakeOrder::VirtualTime);
        let prefix = make_forced_prefix(&mut target, &mut detector, config);
        // Two searches when the program can sleep, as DPOR's: virtual time first, then any
        // wake-up order (see `any_time_root`).
        let any_time_root = target.may_sleep().then(|| {
            let mut t = target.clone();
            t.set_wake_order(if t.clock_hidden() {
                WakeOrder::Timeless
            } else {
                WakeOrder::AnyTimeUnbounded
            });
            Box::new((t, detector.clone()))
        });
        let step_limit = target
            .step_limit()
            .map_or(config.max_steps_per_execution, |l| {
                l.min(config.max_steps_per_execution)
            });
        let roots = Some(Box::new(cycles::Roots {
            first: (target.clone(), detector.clone()),
            any_time: any_time_root.as_deref().cloned(),
        }));
        let mut search = Stateful {
            config: config.clone(),
            step_limit,
            // Room for a path of 64 states: growing the stack copies its frames (each holds
            // its state), a tenth of a small search's memory copying.
            stack: Vec::with_capacity(64),
            path: Vec::with_capacity(64),
            visited: FingerprintMap::default(),
            outcomes,
            total_steps: 0,
            prefix,
            states: 1,
            revisits: 0,
            limit: None,
            steps_budget: SearchLimit::MaxTotalSteps,
            check_only: false,
            any_time_root,
            any_time_replay: None,
            notes_root: None,
            detours: Default::default(),
            roots,
            cyclic: None,
        };
        search.begin(target, detector);
        search
    }

    /// Start the depth-first search at `target`, the root (recorded at once when final).
    fn begin(&mut self, target: T, detector: Option<Detector>) {
        self.notes_root = Some(Box::new(target.clone()));
        self.clear_detours();
        let mut memo = StateMemo::default();
        let mut footprints = Footprints::default();
        let futures = target.goroutine_futures_with(&mut |g| footprints.get(&target, g).cloned());
        let key = fingerprint(
            &target,
            detector.as_ref(),
            None,
            &mut memo,
            None,
            futures.as_deref(),
            &mut |g| footprints.get(&target, g).cloned(),
        )
        .unwrap_or_default();
        let futures = futures.unwrap_or_default();
        let offered = offered(&target);
        if offered.is_empty() {
            self.record(&target, detector.as_ref(), &[]);
            self.visited.insert(key, Visit::done(0));
        } else {
            if target.withholds_early_ticks() {
                self.limit.get_or_insert(SearchLimit::EarlyTicks);
            }
            let (choices, _, reserve, atomic_alone) = moves_from(
                &target,
                detector.as_ref(),
                offered,
                &[],
                self.cyclic.is_none(),
                &futures,
                &mut footprints,
                &[],
            );
            self.visited.insert(key, Visit::OnStack);
            self.stack.push(Frame {
                target,
                detector,
                choices,
                sleep: Vec::new(),
                done: Vec::new(),
                asleep: Box::default(),
                next: 0,
                key: Some(key),
                since_key: 0,
                height: 0,
                memo,
                futures,
                reserve,
                atomic_alone,
                tried: Vec::new(),
                later: Vec::new(),
                footprints,
                fires: 0,
            });
        }
    }

    /// Make this search, under way beside DPOR, the check of DPOR's complete search whose runs
    /// are `dpor`: DPOR's runs first, then this search's so far; from now on a final state
    /// whose outcome is known is not counted (see `check_only`), and the search stops at
    /// `max_total_steps` of its own steps.
    pub(super) fn into_check(mut self, dpor: OutcomeSet, max_total_steps: u64) -> Self {
        let mut outcomes = dpor;
        outcomes.absorb(&self.outcomes);
        self.outcomes = outcomes;
        self.check_only = true;
        self.config.max_total_steps = max_total_steps;
        self
    }

    /// Make this search, under way beside DPOR, go on alone after DPOR stopped at its share of
    /// the executions budget with the runs `dpor`: the executions budget's other share bounds
    /// it, counted in steps (a stateful search's runs are few, its states many): it stops at
    /// `max_total_steps` of its own steps (its turns beside DPOR included), and a stop there
    /// names `--max-executions`.
    pub(super) fn alone_after(mut self, dpor: &OutcomeSet, max_total_steps: u64) -> Self {
        self.outcomes.absorb(dpor);
        if max_total_steps < self.config.max_total_steps {
            self.config.max_total_steps = max_total_steps;
            self.steps_budget = SearchLimit::MaxExecutions;
        }
        self
    }

    /// Add the runs of another search of the same program ([`OutcomeSet::absorb`]).
    pub(super) fn absorb(&mut self, other: &OutcomeSet) {
        self.outcomes.absorb(other);
    }

    /// Every state is explored (or the root was final).
    pub(super) fn over(&self) -> bool {
        self.stack.is_empty() && self.any_time_root.is_none()
    }

    /// The runs recorded so far.
    pub(super) fn outcomes(&self) -> &OutcomeSet {
        &self.outcomes
    }

    /// Steps made so far.
    pub(super) fn total_steps(&self) -> u64 {
        self.total_steps
    }

    /// What the search skipped so far.
    pub(super) fn limit(&self) -> Option<SearchLimit> {
        self.limit
    }

    /// How much the search did so far.
    pub(super) fn stats(&self) -> SearchStats {
        SearchStats {
            executions: self.outcomes.executions(),
            total_steps: self.total_steps,
            states: self.states,
            revisits: self.revisits,
            stateful: true,
            prefix_steps: self.prefix.len() as u64,
            ..SearchStats::default()
        }
    }

    /// The runs recorded, consuming the search.
    pub(super) fn into_outcomes(self) -> OutcomeSet {
        self.outcomes
    }

    /// Continue until the search is over, gives up, or the next step would take the step count
    /// past `stop_at` (nothing of that step is done then, so a later call continues exactly
    /// here).
    pub(super) fn run(&mut self, stop_at: u64) -> Step {
        loop {
            if self.outcomes.executions() >= self.config.max_executions {
                self.limit.get_or_insert(SearchLimit::MaxExecutions);
                return Step::Over;
            }
            if self.total_steps >= self.config.max_total_steps {
                self.limit.get_or_insert(self.steps_budget);
                return Step::Over;
            }
            if self.stack.is_empty() {
                let Some(root) = self.any_time_root.take() else {
                    if !self.livelock_free() {
                        return Step::Abandon(Abandon::Livelock);
                    }
                    return Step::Over;
                };
                let (target, detector) = *root;
                // Which sleeps a path cuts short is judged with the clock running.
                let mut replay = target.clone();
                replay.set_wake_order(WakeOrder::AnyTimeUnbounded);
                self.any_time_replay = Some(Box::new(replay));
                self.begin(target, detector);
                continue;
            }
            let Some(top) = self.stack.last_mut() else {
                return Step::Over;
            };
            if top.next == top.choices.len() {
                // Every move from here is explored: its height is final.
                let Some(top) = self.stack.pop() else {
                    return Step::Over;
                };
                let height = top.height;
                if let Some(key) = top.key {
                    // In the key's canonical names (`symmetry`).
                    let asleep = symmetry::to_canonical(&top.asleep, top.memo.renaming.as_ref());
                    self.visited.insert(key, Visit::Done { height, asleep });
                }
                if let Some(parent) = self.stack.last_mut() {
                    parent.height = parent.height.max(height + 1);
                    self.path.pop();
                }
                continue;
            }
            if self.total_steps >= stop_at {
                return Step::Paused;
            }
            let choice = top.choices[top.next];
            top.next += 1;
            let pre_fp = top
                .footprints
                .get(&top.target, choice.gid)
                .cloned()
                .unwrap_or_else(Footprint::global);
            let mut target = top.target.clone();
            // The frame's last move, with no move in reserve to explore after it: nothing reads
            // the frame's detector again (only `Frame::retry_alone` would), so the move takes
            // it instead of a copy (no copy of what the step changes in it either).
            let last = top.next == top.choices.len() && top.reserve.is_none();
            let mut detector = if last {
                top.detector.take()
            } else {
                top.detector.clone()
            };
            let events = target.step(choice);
            self.total_steps += 1;
            // The move as it ran, and what sleeps after it: what slept or was explored here
            // and commutes with it (judged by what it touches now too, as DPOR does).
            let (participants, movers) = participants(choice, &events);
            // The footprints of the new state, those the step's footprint asks for computed
            // once for it and its frame.
            let mut child_footprints = Footprints::default();
            let footprint = step_footprint_with(
                &mut |q| top.footprints.get(&top.target, q).cloned(),
                &pre_fp,
                choice,
                &movers,
                &participants,
                &target,
                &mut |q| child_footprints.get(&target, q).cloned(),
            );
            let made = WakeStep {
                choice,
                participants,
                summary: footprint.summary(),
                footprint,
            };
            let child_sleep: Vec<WakeStep> = {
                let Frame {
                    target: here,
                    sleep,
                    done,
                    footprints,
                    ..
                } = &mut *top;
                sleep
                    .iter()
                    .chain(done.iter())
                    .filter(|s| s.independent_now(footprints.get(here, s.choice.gid), &made))
                    .cloned()
                    .collect()
            };
            // A move explored alone must still be a persistent set alone judged by what it did
            // (see `target::persistent`): else the other moves are explored too. A move picked
            // by its footprint before the step (`frame::pick_alone`, not as an atomic add) that
            // touched nothing more passes at once: the check is a function of the state, the
            // goroutine, the footprint and the futures, and none of them changed.
            let not_alone = top.reserve.is_some()
                && (made.footprint.global
                    || !top.atomic_alone
                        && made.footprint != pre_fp
                        && !top.target.commutes_with_futures(
                            choice.gid,
                            &made.footprint,
                            &top.futures,
                        ));
            if target.goroutine_count() > MAX_GOROUTINES.max(target.max_keyed_goroutines()) {
                return Step::Abandon(Abandon::TooLarge);
            }
            let fired = events.iter().any(|e| {
                matches!(
                    e.op,
                    Op::Timer {
                        op: TimerOp::Fire { .. } | TimerOp::Dropped,
                        ..
                    }
                )
            });
            let fires = top.fires + u32::from(fired);
            if fires > MAX_FIRES && self.any_time_replay.is_some() {
                return Step::Abandon(Abandon::Fires);
            }
            let mut first_race = false;
            if let Some(d) = &mut detector {
                let before = d.reports().len();
                d.observe_step(&events);
                first_race = before == 0 && !d.reports().is_empty();
                target.note_races(d.reports().len());
            }
            if not_alone || (first_race && top.reserve.is_some()) {
                if top.retry_alone(choice) {
                    // The move is not explored from here after all: another is, alone.
                    continue;
                }
                if let Some((awake, asleep)) = top.reserve.take() {
                    top.choices.extend(awake);
                    let mut all: Vec<Choice> = top.asleep.iter().copied().chain(asleep).collect();
                    all.sort();
                    top.asleep = all.into_boxed_slice();
                }
            }
            top.done.push(made);
            let received = events.iter().any(
                |e| matches!(e.op, Op::Recv { chan, ok: true, .. } if target.chan_buffered(chan)),
            );
            match self.arrive(
                choice,
                target,
                detector,
                child_sleep,
                child_footprints,
                fires,
                received,
            ) {
                Some(Step::Abandon(Abandon::Cycle)) if self.cyclic.is_none() => self.restart(),
                Some(stop) => return stop,
                None => {}
            }
        }
    }

    /// Record the run that ends at `target`, reached by `path`.
    fn record(&mut self, target: &T, detector: Option<&Detector>, path: &[Choice]) {
        let Some((key, deadlock)) = self.final_key(target, detector) else {
            return;
        };
        let schedule = self.schedule(path);
        let early_wakes = self
            .any_time_replay
            .as_deref()
            .map_or_else(Vec::new, |root| early_wakes(root, path));
        let root = self.notes_root.as_deref();
        self.outcomes
            .record(key.clone(), deadlock, &schedule, early_wakes, || {
                root.map_or_else(Vec::new, |root| super::notes::overtakes(root, path))
            });
        self.note_detours(&key, path);
    }

    /// `path` reached the final state `target` again: its outcome keeps this schedule when the
    /// kept one needs sleeps cut short or goroutines passed in a queue and this one needs
    /// fewer (`detours`; a note-free path to an outcome may come second).
    fn rerecord(&mut self, target: &T, detector: Option<&Detector>, path: &[Choice]) {
        let Some((key, _)) = self.final_key(target, detector) else {
            return;
        };
        self.take_final_detour(&key, path);
    }

    /// The schedule of `path` from the root (after the prefix).
    pub(super) fn schedule(&self, path: &[Choice]) -> Schedule {
        Schedule {
            choices: self.prefix.iter().chain(path).copied().collect(),
            running_clock_from: None,
        }
    }

    /// The outcome of the final state `target` and whether it deadlocked; `None` when it need
    /// not be recorded (a check, or cyclic mode, that knows it already).
    fn final_key(&self, target: &T, detector: Option<&Detector>) -> Option<(OutcomeKey, bool)> {
        let ending = target.ending();
        let race = detector.is_some_and(|d| !d.reports().is_empty());
        let (error, deadlock) = match &ending {
            Some(e) => (e.first_line.clone(), e.deadlock),
            None => (None, false),
        };
        let key = OutcomeKey {
            stdout: target.stdout_bytes().to_vec(),
            error,
            race,
            leaked: target.leaked(),
        };
        if (self.check_only || self.cyclic.is_some()) && self.outcomes.knows(&key) {
            return None;
        }
        Some((key, deadlock))
    }
}

/// The sleeps `path` cuts short from `root`, in the order it wakes them (each once).
fn early_wakes<T: Target>(root: &T, path: &[Choice]) -> Vec<EarlyWake> {
    let mut target = root.clone();
    let mut wakes: Vec<EarlyWake> = Vec::new();
    for &choice in path {
        if let Some(w) = target.early_wake(choice) {
            if !wakes.contains(&w) {
                wakes.push(w);
            }
        }
        target.step(choice);
    }
    wakes
}
