//! Systematic exploration: dynamic partial-order reduction over clones of the machine.
//! Default: optimal DPOR with wakeup trees and sleep sets (Abdulla, Aronis, Jonsson, Sagonas,
//! "Source Sets: A Foundation for Optimal Dynamic Partial Order Reduction", JACM 2017,
//! Algorithm 2; the trees are in [`super::wakeup`]); alternative: the original persistent-set
//! DPOR (Flanagan and Godefroid, "Dynamic Partial-Order Reduction for Model Checking
//! Software", POPL 2005), see [`DporAlgorithm`].
//!
//! Depth-first search over the moves of the program. Every node keeps a clone of the machine
//! (and of the race detector) so backtracking is a pop, not a re-execution. Each explored step
//! records the goroutines it moved (two for a rendezvous, plus the child of a `go`), its
//! [`Footprint`] and a DPOR clock vector: step `i` happens before step `j` in the trace when
//! they are dependent or linked by a chain of dependent steps or steps of the same goroutine.
//! Exploring a goroutine at a state means exploring each of its runnable alternatives (`select`
//! cases).
//!
//! Races: when a step `e'` is made, every earlier step `e` in a *race* with it (dependent,
//! other goroutine, `e` happens before `e'` with no step in between on the happens-before
//! chain) is reversed: with `v` the steps after `e` that do not depend on `e`, followed by
//! `e'`, the state before `e` gets `v` in its wakeup tree, unless a move asleep or explored
//! there, or a branch of the tree, is a weak initial of `v` (it covers `v`). `v` is replayed on
//! a clone first, as it would run there: footprint classes that depend on the object's state
//! (the `wg.Done()` that reaches zero) are taken from the replay, and when `e'` cannot run
//! after `v` (`e` enabled it: an unlock, a close) the race cannot be reversed and the step
//! before `e` that `e'` reaches through it is a race instead (two `Lock`s around an `Unlock`).
//! Operations that never run (blocked for good, or cut off when main returns) race like steps
//! appended at the end of the trace; a blocked operation is analysed whenever the last step
//! could change its races. Sleep sets prune a move that is independent of everything done
//! since it was explored from an ancestor, judged by what it touches now too. No path then ends
//! with every move asleep ([`SearchStats::sleep_blocked`]).
//!
//! Yields: a goroutine that called `runtime.Gosched` runs again only after another goroutine
//! moved (when one can), so a spin loop waiting for another goroutine ends; the search then
//! says [`SearchLimit::Fairness`].
//!
//! Rendezvous: a handoff is one step of two goroutines (the chooser and its partner), and its
//! footprint is both operations' (a partner parked in a `select` gives up its other cases).
//! Races are analysed per goroutine whose operation the step is, against that goroutine's own
//! past only: two handoffs to the same receiver are ordered by the receiver's program order,
//! yet the second sender could have taken the first handoff (the receiver's clock would hide
//! that race). Arriving at a channel operation (parking there after a step) is an
//! [`Resource::ChanArrival`](crate::target::Resource::ChanArrival), which conflicts with a
//! `select` that has a default case on that channel: whether it takes a case depends on who
//! has arrived.
//!
//! Persistent sets (FG): at every state, for each live goroutine `p` with next operation `op`,
//! the last trace step dependent with `op` that does not happen before `p` gets `p` (or every
//! runnable goroutine) in its backtrack set. Only sound without sleep sets here: the explorer's
//! property test found a program where FG + sleep sets misses an outcome.
//!
//! Sleeps: Go orders nothing by `time.Sleep` (any goroutine can be delayed past any sleep), so
//! the search lets a sleeper wake at any point after its sleep began ([`WakeOrder::AnyTime`]; a
//! wake-up then touches only the clock, which it raises, and a timer's fire what it sends on or
//! starts). When the program can sleep, the search runs twice from the root: first in virtual
//! time order (sleepers wake only when nobody else can move: what ordinary runs show; a wake-up
//! is dependent there with every other wake-up and with the step after which only sleepers
//! could move, `Resource::Idle`), then at any time. An outcome only the second search finds
//! needs a sleep cut short; its schedule's early wake-ups ([`EarlyWake`]) say which. Budgets
//! count both searches.
//!
//! Soundness notes (both): dependence is conservative ([`Footprint`]): main's exit and any step
//! that turned out to end the run (a panic in local code, a fatal error, a deadlock, a limit)
//! are dependent with everything, but the step that hit the goroutine limit, which touches
//! what its own operation touches ([`Target::cut_by_limit`]: the run is cut there, the result
//! incomplete). `go` statements of different goroutines commute: a wakeup sequence names the
//! goroutines it creates by the order it creates them in ([`super::wakeup::rename_created`]).
//! Whether a step fails can depend on where other goroutines stand (a map write begun by
//! another goroutine makes this one's write fatal); the property test (random toy programs, outcomes compared with brute-force
//! enumeration of all interleavings) checks that the search still finds every outcome. A
//! preemption bound or a budget makes the search incomplete, and the result says so.

mod config;
mod index;
mod moves;
mod races;

use super::outcome::{OutcomeKey, OutcomeSet, SearchLimit};
use super::prefix::make_forced_prefix;
use super::wakeup::{WakeStep, WakeupTree};
use crate::race::vclock::VClock;
use crate::race::{Detector, DetectorConfig};
use crate::rt::config::WakeOrder;
use crate::rt::event::{Gid, Op};
use crate::sched::{Choice, Schedule};
use crate::target::{EarlyWake, Footprint, Target};
pub use config::{DporAlgorithm, DporConfig, SearchAlgorithm};
pub(super) use races::{participants, step_footprint, step_footprint_with};
use serde::Serialize;
use std::rc::Rc;

/// Trace steps a scan for dependent steps reads per step of work counted against
/// [`DporConfig::max_total_steps`] (a scan reads each trace step's footprint summary, about
/// 2 ns; a step of the machine costs a few µs). Runs shorter than this scan for free.
pub const TRACE_SCAN_PER_STEP: u64 = 2_500;

/// What a search did: its cost, beside the outcomes it found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SearchStats {
    /// Runs executed to their end.
    pub executions: u64,
    /// Paths abandoned because every enabled move slept there: explored steps that led to no
    /// new run. Optimal DPOR (wakeup trees) keeps this at 0 when dependence is exact.
    pub sleep_blocked: u64,
    /// Steps made over all runs and abandoned paths.
    pub total_steps: u64,
    /// Moves of a wakeup sequence that were not enabled when the search got there (it then
    /// explored that goroutine's moves, or every move, instead: sound, maybe not optimal).
    pub wakeup_fallbacks: u64,
    /// Work beside `total_steps`, in steps: steps replayed (at most) on clones to check a race's
    /// reversing sequence where it would run, and the scans of long runs' traces for the steps
    /// a new step depends on (one step per [`TRACE_SCAN_PER_STEP`] trace steps scanned; a run
    /// of a million steps would otherwise cost hours of analysis under any steps budget).
    pub replay_steps: u64,
    /// The result comes from the stateful search (`explore::stateful`); then `executions`
    /// counts distinct final states reached and `states`/`revisits` are set.
    pub stateful: bool,
    /// Stateful search: distinct states reached, a state it does not key once per visit (0 for
    /// DPOR).
    pub states: u64,
    /// Stateful search: moves that led to a state seen before (0 for DPOR).
    pub revisits: u64,
    /// Steps of earlier phases, included in `total_steps`: DPOR's first runs before
    /// [`SearchAlgorithm::Auto`] switched to the stateful search, a stateful search that gave
    /// up (DPOR then searched from the root).
    pub earlier_steps: u64,
    /// Steps of the forced prefix ([`super::prefix`]): made once on the root before the
    /// search began, bounded by the machine's own step limit; not in `total_steps`.
    pub prefix_steps: u64,
}

/// One move taken on the current path.
#[derive(Clone, Debug)]
struct TraceStep {
    /// The move.
    choice: Choice,
    /// Goroutines it moved or created.
    participants: Vec<Gid>,
    /// What it touched (after the fact: global if it ended the run).
    footprint: Footprint,
    /// `footprint.summary()`, the cheap filter of dependence checks against this step.
    summary: u64,
    /// DPOR clock: entry `g` is 1 + the index of the last step of goroutine `g` that happens
    /// before (or is) this step; 0 when none. Shared: the clock of a pending operation whose
    /// goroutine has one past step is that step's.
    clock: Rc<VClock>,
    /// The sleep this move cut short, when it woke a sleeper before virtual time would have.
    early_wake: Option<EarlyWake>,
}

impl TraceStep {
    /// This step as a move of a wakeup sequence.
    fn wake_step(&self) -> WakeStep {
        WakeStep {
            choice: self.choice,
            participants: self.participants.clone(),
            footprint: self.footprint.clone(),
            summary: self.summary,
        }
    }
}

/// A state on the current path, with its search bookkeeping.
#[derive(Clone, Debug)]
struct Node<T> {
    /// The machine at this state.
    target: T,
    /// The detector at this state.
    detector: Option<Detector>,
    /// Runnable moves here (run-length encoded: a bomb's node offers thousands).
    choices: moves::Moves,
    /// `choices` are all of [`Target::runnable`] (no fair yield left one out), so a child's
    /// can follow from them ([`Target::moves_changed`]).
    exact: bool,
    /// What to explore from here: the wakeup tree of optimal DPOR (moves to explore, each with
    /// the sequence to follow after it). A move being explored is no longer in it.
    wakeup: WakeupTree,
    /// Moves already explored from here (or being explored), with what they touched.
    done: Vec<WakeStep>,
    /// Moves not to explore from here (explored from an ancestor, independent since).
    sleep: Vec<WakeStep>,
    /// Preemptions on the path to here.
    preemptions: u32,
    /// The goroutine that made the last move on the path.
    last_gid: Option<Gid>,
}

/// The systematic explorer's state: everything the depth-first search needs to continue, so a
/// search can stop between two steps and resume later (`explore::Explorer`).
#[derive(Clone, Debug)]
pub(super) struct Search<T: Target> {
    /// The bounds of the search.
    config: DporConfig,
    /// States on the current path; `stack[i]` is the state before `trace[i]`.
    stack: Vec<Node<T>>,
    /// Moves on the current path.
    trace: Vec<TraceStep>,
    /// The index of `trace` by object and goroutine ([`index::TraceIndex`]).
    // Invariant: it indexes exactly `trace` (every push and pop goes through `push_step` and
    // `pop_step`).
    index: index::TraceIndex,
    /// The runs recorded so far.
    outcomes: OutcomeSet,
    /// Steps made so far over all executions.
    total_steps: u64,
    /// The first bound or budget that skipped something (the result is then not complete).
    limit: Option<SearchLimit>,
    /// Paths abandoned because every enabled move slept there (explored, then dropped as
    /// equivalent to a run already explored): what optimal DPOR avoids.
    sleep_blocked: u64,
    /// Wakeup-tree moves that were not enabled when the search reached them (the goroutine's
    /// moves, or all moves, were explored instead).
    wakeup_fallbacks: u64,
    /// Steps replayed (at most) to check reversing sequences where they would run.
    replay_steps: u64,
    /// The search still to run once this one is over: the root again, with its detector, now
    /// letting sleepers wake at any time ([`WakeOrder::AnyTime`]), while the current search
    /// follows virtual time. `None` when the program never sleeps, or once that search began.
    any_time_root: Option<(T, Option<Detector>)>,
    /// The moves every run makes first, made on the root before the search began
    /// ([`make_forced_prefix`]): each run's schedule starts with them.
    prefix: Vec<Choice>,
}

impl<T: Target> Search<T> {
    /// A search of `target`'s schedules, at its root. The second value is `true` when the
    /// search is already over: the root is a final state (its one run is recorded).
    pub(super) fn start(target: T, config: &DporConfig) -> (Search<T>, bool) {
        Search::start_with(target, config, OutcomeSet::new())
    }

    /// [`Search::start`], the runs of `outcomes` recorded already (the runs of a stateful
    /// search that gave up, `explore::stateful`: real runs, listed first, counted in the
    /// executions budget).
    pub(super) fn start_with(
        mut target: T,
        config: &DporConfig,
        outcomes: OutcomeSet,
    ) -> (Search<T>, bool) {
        let mut detector = config.race_detection.then(|| {
            let mut c = DetectorConfig::new(target.source_map());
            c.first_goroutine_id = target.first_goroutine_id();
            c.testmain_line = target.testmain_line();
            Detector::new(c)
        });
        target.set_wake_order(WakeOrder::VirtualTime);
        let prefix = make_forced_prefix(&mut target, &mut detector, config);
        // Two searches when the program can sleep: virtual time first (its outcomes are those
        // ordinary runs show), then any wake-up order (what Go allows): an outcome only the
        // second finds needs a sleep cut short, which its schedule shows.
        let any_time_root = target.may_sleep().then(|| {
            let mut t = target.clone();
            t.set_wake_order(WakeOrder::AnyTime);
            (t, detector.clone())
        });
        target.set_wake_order(WakeOrder::VirtualTime);
        let mut search = Search {
            config: config.clone(),
            stack: Vec::new(),
            trace: Vec::new(),
            index: index::TraceIndex::default(),
            outcomes,
            limit: None,
            sleep_blocked: 0,
            wakeup_fallbacks: 0,
            replay_steps: 0,
            any_time_root,
            total_steps: 0,
            prefix,
        };
        if search.begin(target, detector) {
            // The root is final: no goroutine sleeps there, so no wake-up order matters.
            search.any_time_root = None;
            (search, true)
        } else {
            (search, false)
        }
    }

    /// Start a depth-first search at `target`, the root; `true` when the root is a final state
    /// (its one run is recorded).
    fn begin(&mut self, target: T, detector: Option<Detector>) -> bool {
        let root = self.new_node(target, detector, None);
        self.stack.push(root);
        let top = self.stack.last_mut().expect("just pushed");
        if top.choices.is_empty() {
            self.record(None);
            true
        } else {
            Search::seed_backtrack(top);
            false
        }
    }

    /// The runs recorded so far.
    pub(super) fn outcomes(&self) -> &OutcomeSet {
        &self.outcomes
    }

    /// Steps made so far over all executions.
    pub(super) fn total_steps(&self) -> u64 {
        self.total_steps
    }

    /// How much the search did so far.
    pub(super) fn stats(&self) -> SearchStats {
        SearchStats {
            executions: self.outcomes.executions(),
            sleep_blocked: self.sleep_blocked,
            wakeup_fallbacks: self.wakeup_fallbacks,
            replay_steps: self.replay_steps,
            total_steps: self.total_steps,
            prefix_steps: self.prefix.len() as u64,
            ..SearchStats::default()
        }
    }

    /// Nothing was skipped so far (no bound or budget cut the search).
    pub(super) fn limit(&self) -> Option<SearchLimit> {
        self.limit
    }

    /// The runs recorded, consuming the search.
    pub(super) fn into_outcomes(self) -> OutcomeSet {
        self.outcomes
    }

    /// Let the search make up to `n` executions in all (a search that ran beside the stateful
    /// search within its share goes on alone with the whole budget).
    pub(super) fn set_max_executions(&mut self, n: u64) {
        self.config.max_executions = n;
    }

    /// Add the runs of another search of the same program ([`OutcomeSet::absorb`]).
    pub(super) fn absorb(&mut self, other: &OutcomeSet) {
        self.outcomes.absorb(other);
    }

    /// Pick the first move to explore at a fresh node whose wakeup tree is empty (the last
    /// goroutine's, else the first awake one); `false` when every enabled move sleeps.
    fn seed_backtrack(node: &mut Node<T>) -> bool {
        if !node.wakeup.is_empty() {
            return true;
        }
        let awake = |c: &Choice| !node.sleep.iter().any(|s| s.choice == *c);
        let first = node
            .last_gid
            .and_then(|g| node.choices.of_gid(g).into_iter().find(|c| awake(c)))
            .or_else(|| node.choices.iter().find(|c| awake(c)));
        match first {
            Some(c) => {
                let fp = node
                    .target
                    .footprint(c.gid)
                    .unwrap_or_else(Footprint::global);
                node.wakeup.push_leaf(WakeStep::solo(c, fp));
                true
            }
            None => false,
        }
    }

    /// A node for `target`, its moves `derived` from its parent's when known, else listed.
    fn new_node(
        &mut self,
        target: T,
        detector: Option<Detector>,
        derived: Option<moves::Moves>,
    ) -> Node<T> {
        let choices = if target.ending().is_some() {
            moves::Moves::default()
        } else if let Some(m) = derived {
            if cfg!(debug_assertions) && target.goroutine_count() <= 300 {
                debug_assert_eq!(
                    m,
                    moves::Moves::from_list(&target.runnable()),
                    "moves updated from the parent's differ from the list"
                );
            }
            m
        } else {
            moves::Moves::from_list(&target.runnable())
        };
        if !choices.is_empty() && target.withholds_early_ticks() {
            self.limit.get_or_insert(SearchLimit::EarlyTicks);
        }
        Node {
            target,
            detector,
            choices,
            exact: true,
            wakeup: WakeupTree::default(),
            done: Vec::new(),
            sleep: Vec::new(),
            preemptions: 0,
            last_gid: None,
        }
    }

    /// The next move to explore at the top node, with the preemptions it adds and the wakeup
    /// tree to follow after it (taken out of the node's: [`WakeupTree::put_back`] undoes it).
    fn next_move(&mut self) -> Option<(WakeStep, u32, WakeupTree)> {
        let bound = self.config.preemption_bound;
        let top = self.stack.last_mut()?;
        // A goroutine that just went to sleep has yielded: waking it early is no continuation.
        let last_enabled = top.last_gid.is_some_and(|g| {
            top.choices
                .of_gid(g)
                .iter()
                .any(|c| bound.is_none() || top.target.early_wake(*c).is_none())
        });
        let mut pruned = false;
        let mut found = None;
        while let Some((step, subtree)) = top.wakeup.take_first() {
            let first = step.choice;
            if top.done.iter().any(|d| d.choice == first)
                || top.sleep.iter().any(|s| s.choice == first)
            {
                continue;
            }
            if !top.choices.contains(&first) {
                // The sequence does not replay here (the move is not enabled): explore the
                // goroutine's moves, or every move, instead.
                self.wakeup_fallbacks += 1;
                Search::schedule_goroutine(top, first.gid);
                continue;
            }
            let preempt = u32::from(last_enabled && top.last_gid != Some(first.gid));
            if let Some(b) = bound {
                if top.preemptions + preempt > b {
                    pruned = true;
                    continue;
                }
            }
            // The goroutine's other alternatives here (`select` cases, iteration orders) are
            // explored too.
            let others: Vec<Choice> = top
                .choices
                .of_gid(first.gid)
                .into_iter()
                .filter(|c| *c != first)
                .collect();
            for c in others {
                if !top.done.iter().any(|d| d.choice == c)
                    && !top.sleep.iter().any(|s| s.choice == c)
                {
                    let fp = top
                        .target
                        .footprint(c.gid)
                        .unwrap_or_else(Footprint::global);
                    top.wakeup.push_leaf(WakeStep::solo(c, fp));
                }
            }
            found = Some((step, preempt, subtree));
            break;
        }
        if pruned {
            self.limit.get_or_insert(SearchLimit::PreemptionBound);
        }
        found
    }

    /// Continue the search until it is over (`true`) or until the next step would take the
    /// step count past `stop_at` (`false`; nothing of that step is done, so a later call
    /// continues exactly where this one stopped). Backtracking costs no step: a call with
    /// `stop_at == total_steps` makes no step but may find that the search is over.
    pub(super) fn run(&mut self, stop_at: u64) -> bool {
        loop {
            if self.outcomes.executions() >= self.config.max_executions {
                self.limit.get_or_insert(SearchLimit::MaxExecutions);
                return true;
            }
            // Replays are work too: without them in the budget, a search whose reversals are
            // expensive to check runs unbounded (a fan-in of endless generators: 1 000 runs
            // replayed 1.7 M steps).
            if self.total_steps.saturating_add(self.replay_steps) >= self.config.max_total_steps {
                self.limit.get_or_insert(SearchLimit::MaxTotalSteps);
                return true;
            }
            let Some((wake_step, preempt, subtree)) = self.next_move() else {
                if self
                    .stack
                    .last()
                    .is_some_and(|top| top.done.is_empty() && !top.choices.is_empty())
                {
                    // Its wakeup tree named only moves that sleep here.
                    self.sleep_blocked += 1;
                }
                // Every move from here is explored: backtrack.
                self.stack.pop();
                if self.stack.is_empty() {
                    match self.any_time_root.take() {
                        Some((target, detector)) => {
                            self.trace.clear();
                            self.index.clear();
                            self.begin(target, detector);
                            continue;
                        }
                        None => return true,
                    }
                }
                self.pop_step();
                continue;
            };
            // Pause before the step: the loop's state is the stack and the trace; the move goes
            // back into the wakeup tree, so `next_move` picks it again on resuming (what else it
            // changed, it would change again the same way).
            if self.total_steps >= stop_at {
                if let Some(top) = self.stack.last_mut() {
                    top.wakeup.put_back(wake_step, subtree);
                }
                return false;
            }
            let choice = wake_step.choice;
            let Some(top) = self.stack.last_mut() else {
                return true;
            };
            let pre_fp = top
                .target
                .footprint(choice.gid)
                .unwrap_or_else(Footprint::global);
            let early_wake = top.target.early_wake(choice);
            let mut target = top.target.clone();
            let mut detector = top.detector.clone();
            let events = target.step(choice);
            self.total_steps += 1;
            // Without a detector, any step that may report a race is taken to (`RaceReport`).
            let mut reported = true;
            if let Some(d) = &mut detector {
                let before = d.reports().len();
                d.observe_step(&events);
                reported = d.reports().len() > before;
                target.note_races(d.reports().len());
            }
            let ended = target.ending().is_some();
            let changed = target.moves_changed();
            let (participants, movers) = participants(choice, &events);
            let mut footprint = step_footprint(
                &top.target,
                &pre_fp,
                choice,
                &movers,
                &participants,
                &target,
            );
            if !reported {
                // The step reported no race: it left the count of reports that a test's start
                // and end read as it was, and so would it beside any step it commutes with
                // otherwise (a swap with an independent step changes no happens-before edge
                // between the accesses the detector compares). Without this, every access of
                // a goroutine a test leaves running conflicted with every start, pause,
                // resume and end of a test, and the search reversed each pair.
                footprint
                    .resources
                    .retain(|(r, _)| *r != crate::target::Resource::RaceReport);
            }

            // Sleep set of the child: what slept or was done here, independent of this move.
            let top = self.stack.last_mut().expect("stack is non-empty");
            let made = WakeStep {
                choice,
                participants: participants.clone(),
                summary: footprint.summary(),
                footprint: footprint.clone(),
            };
            // A move stays asleep while it commutes with this one here, judged by what it
            // touches now too (a footprint's class can depend on the object's state).
            let child_sleep: Vec<WakeStep> = if self.config.sleep_sets {
                top.sleep
                    .iter()
                    .chain(top.done.iter())
                    .filter(|s| {
                        s.independent_now(top.target.footprint(s.choice.gid).as_ref(), &made)
                    })
                    .cloned()
                    .collect()
            } else {
                Vec::new()
            };
            top.done.push(made);
            // A rendezvous partner's operation ended with this move (a `select` parked on the
            // channel took this case): when it has several alternatives here (another case is
            // ready), they are explored too, as when its own move is explored. (A partner with
            // one move would only make the same rendezvous from its side.)
            for q in movers.iter().filter(|q| **q != choice.gid) {
                let others: Vec<Choice> = top.choices.of_gid(*q);
                if others.len() < 2 {
                    continue;
                }
                for c in others {
                    if !top.done.iter().any(|d| d.choice == c)
                        && !top.sleep.iter().any(|s| s.choice == c)
                    {
                        let fp = top
                            .target
                            .footprint(c.gid)
                            .unwrap_or_else(Footprint::global);
                        top.wakeup.push_leaf(WakeStep::solo(c, fp));
                    }
                }
            }
            let preemptions = top.preemptions + preempt;

            // A move that turned out to end the run (a fatal error that depends on where other
            // goroutines stand, a panic in local code) is dependent with everything before it
            // that does not happen before it: try it before each of those.
            let upto = self.trace.len();
            if ended && !pre_fp.global && self.config.algorithm == DporAlgorithm::Persistent {
                self.add_backtrack_everywhere(choice.gid, upto);
            }

            // DPOR clock of the new step.
            self.replay_steps += self.trace.len() as u64 / TRACE_SCAN_PER_STEP;
            let (before, deps) = self.event_deps(&participants, &footprint);
            let clock = self.event_clock(&participants, &before, &deps);
            if self.config.algorithm == DporAlgorithm::SourceSets {
                // Races are analysed for each goroutine whose operation the step is, against
                // that goroutine's own past only: two handoffs to the same receiver (or from
                // the same sender) are ordered by the receiver's program order, yet the other
                // sender could have taken the first handoff; that is a race of the senders'
                // operations, which the receiver's clock would hide.
                // With one mover whose fellow participants have no past of their own (the
                // goroutines the step created), the mover's past is the step's.
                let alone = movers.len() == 1
                    && participants
                        .iter()
                        .all(|g| movers.contains(g) || self.index.last_of(*g).is_none());
                for &q in &movers {
                    let (before_q, deps_q) = if alone {
                        (before.clone(), deps.clone())
                    } else {
                        self.event_deps(&[q], &footprint)
                    };
                    let event = WakeStep {
                        // A partner's own move: it chooses the same rendezvous.
                        choice: if q == choice.gid {
                            choice
                        } else {
                            Choice { gid: q, alt: 0 }
                        },
                        participants: participants.clone(),
                        summary: footprint.summary(),
                        footprint: footprint.clone(),
                    };
                    self.source_races(&event, &before_q, &deps_q);
                }
                self.reverse_cancelled(&participants, &footprint, &target, changed.as_deref());
            }
            self.push_step(TraceStep {
                choice,
                participants,
                summary: footprint.summary(),
                footprint,
                clock: Rc::new(clock),
                early_wake,
            });

            // The child's moves: its parent's, with those of the goroutines the step may have
            // changed listed anew (a bomb's node offers thousands of moves), when the target
            // says which; else every goroutine's.
            let derived = changed.as_deref().and_then(|changed| {
                let parent = self.stack.last().filter(|top| top.exact)?;
                parent
                    .choices
                    .with_changed(changed, |g| target.runnable_of(g))
            });
            let mut node = self.new_node(target, detector, derived);
            // Fair scheduling of a yield: a goroutine that called `runtime.Gosched` runs again
            // only after another goroutine moved (when one can), so a spin loop waiting for
            // another goroutine ends. The schedules it removes were not searched.
            let yielded = events.iter().any(|e| {
                e.gid == choice.gid
                    && matches!(
                        e.op,
                        Op::Runtime {
                            call: "Gosched",
                            ..
                        }
                    )
            });
            if yielded && node.choices.iter().any(|c| c.gid != choice.gid) {
                let before = node.choices.len();
                node.choices.retain(|c| c.gid != choice.gid);
                if node.choices.len() < before {
                    node.exact = false;
                    self.limit.get_or_insert(SearchLimit::Fairness);
                }
            }
            node.sleep = child_sleep;
            node.wakeup = subtree;
            node.preemptions = preemptions;
            node.last_gid = Some(choice.gid);
            let too_long = self.trace.len() as u64 >= self.config.max_steps_per_execution;
            self.stack.push(node);
            match self.config.algorithm {
                DporAlgorithm::Persistent => self.analyse_top(),
                DporAlgorithm::SourceSets => self.source_pending(),
            }

            let top = self.stack.last_mut().expect("just pushed");
            let terminal = top.choices.is_empty() || too_long;
            if terminal {
                if too_long && !top.choices.is_empty() {
                    let limit = crate::run::step_limit_ending(self.config.max_steps_per_execution);
                    self.record(Some(limit.first_line.unwrap_or_default()));
                } else {
                    self.record(None);
                }
                self.stack.pop();
                self.pop_step();
            } else if !Self::seed_backtrack(top) {
                // Every enabled move sleeps: this path is equivalent to one already explored.
                self.sleep_blocked += 1;
                self.stack.pop();
                self.pop_step();
            }
        }
    }

    /// Append `step` to the trace and its index.
    fn push_step(&mut self, step: TraceStep) {
        self.index
            .push(self.trace.len(), &step.participants, &step.footprint);
        self.trace.push(step);
    }

    /// Remove the trace's last step, from the trace and its index.
    fn pop_step(&mut self) {
        if let Some(step) = self.trace.pop() {
            self.index
                .pop(self.trace.len(), &step.participants, &step.footprint);
        }
    }

    /// Record the run that ends at the top of the stack.
    fn record(&mut self, limit_line: Option<String>) {
        let Some(top) = self.stack.last() else {
            return;
        };
        let ending = top.target.ending();
        // A run cut short by a limit leaves what follows unsearched.
        if limit_line.is_some() || ending.as_ref().is_some_and(|e| e.limit) {
            self.limit.get_or_insert(SearchLimit::RunLimit);
        }
        let race = top
            .detector
            .as_ref()
            .is_some_and(|d| !d.reports().is_empty());
        let (error, deadlock) = match (&limit_line, &ending) {
            (Some(l), _) => (Some(l.clone()), false),
            (None, Some(e)) => (e.first_line.clone(), e.deadlock),
            (None, None) => (None, false),
        };
        let schedule = Schedule {
            choices: self
                .prefix
                .iter()
                .copied()
                .chain(self.trace.iter().map(|s| s.choice))
                .collect(),
            running_clock_from: None,
        };
        let mut early_wakes: Vec<EarlyWake> = Vec::new();
        for w in self.trace.iter().filter_map(|s| s.early_wake.as_ref()) {
            if !early_wakes.contains(w) {
                early_wakes.push(w.clone());
            }
        }
        let key = OutcomeKey {
            stdout: top.target.stdout_bytes().to_vec(),
            error,
            race,
            leaked: top.target.leaked(),
        };
        let (root, trace) = (self.stack.first(), &self.trace);
        self.outcomes
            .record(key, deadlock, &schedule, early_wakes, || match root {
                Some(root) => {
                    let path: Vec<Choice> = trace.iter().map(|s| s.choice).collect();
                    super::notes::overtakes(&root.target, &path)
                }
                None => Vec::new(),
            });
    }
}
