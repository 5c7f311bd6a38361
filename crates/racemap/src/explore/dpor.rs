//! Systematic exploration: dynamic partial-order reduction over clones of the machine.
//! Default: source-set DPOR with sleep sets (Abdulla, Aronis, Jonsson, Sagonas, "Optimal
//! Dynamic Partial Order Reduction", POPL 2014, Algorithm 1); alternative: the original
//! persistent-set DPOR (Flanagan and Godefroid, "Dynamic Partial-Order Reduction for Model
//! Checking Software", POPL 2005), see [`DporAlgorithm`].
//!
//! Depth-first search over the moves of the program. Every node keeps a clone of the machine
//! (and of the race detector) so backtracking is a pop, not a re-execution. Each explored step
//! records the goroutines it moved (two for a rendezvous, plus the child of a `go`), its
//! [`Footprint`] and a DPOR clock vector: step `i` happens before step `j` in the trace when
//! they are dependent or linked by a chain of dependent steps or steps of the same goroutine.
//! Exploring a goroutine at a state means exploring each of its runnable alternatives (`select`
//! cases).
//!
//! Source sets: when a step `e'` is made, every earlier step `e` in a *race* with it (dependent,
//! other goroutine, `e` happens before `e'` with no step in between on the happens-before
//! chain) is reversed: with `v` the steps after `e` that do not depend on `e`, followed by `e'`,
//! the state before `e` must explore some *initial* of `v` (a goroutine whose first step in `v`
//! depends on nothing earlier in `v`); if none is runnable there, every runnable goroutine is
//! explored. Operations that never run (blocked for good, or cut off when main returns) race
//! like steps appended at the end of the trace; a blocked operation is analysed whenever the
//! last step could change its races. Sleep sets prune a move that is independent of everything
//! done since it was explored from an ancestor.
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
//! wake-up then touches nothing another goroutine sees). When the program can sleep, the search
//! runs twice from the root: first in virtual time order (sleepers wake only when nobody else
//! can move: what ordinary runs show; a wake-up is global there), then at any time. An outcome
//! only the second search finds needs a sleep cut short; its schedule's early wake-ups
//! ([`EarlyWake`]) say which. Budgets count both searches.
//!
//! Soundness notes (both): dependence is conservative ([`Footprint`]): main's exit, sleep
//! wake-ups and any step that turned out to end the run (a panic in local code, a fatal error, a
//! deadlock, a limit) are dependent with everything. Whether a step fails can depend on where
//! other goroutines stand (a map write begun by another goroutine makes this one's write
//! fatal); the property test (random toy programs, outcomes compared with brute-force
//! enumeration of all interleavings) checks that the search still finds every outcome. A
//! preemption bound or a budget makes the search incomplete, and the result says so.

use super::outcome::{OutcomeSet, SearchLimit};
use crate::race::vclock::VClock;
use crate::race::{Detector, DetectorConfig};
use crate::rt::config::WakeOrder;
use crate::rt::event::{Event, Gid, Op};
use crate::sched::{Choice, Schedule};
use crate::target::{EarlyWake, Footprint, Target, EXIT_LIMIT};
use std::collections::BTreeSet;

/// Which DPOR variant computes backtrack points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DporAlgorithm {
    /// Flanagan–Godefroid 2005: reverse the last race of each pending operation (persistent
    /// sets). Sound without sleep sets only.
    Persistent,
    /// Source-set DPOR (Abdulla et al. 2014): reverse every race via an initial of the
    /// reversed suffix. Sound with sleep sets; the default.
    SourceSets,
}

/// Bounds of a systematic search. Budgets are counts, never time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DporConfig {
    /// Stop after this many complete executions.
    pub max_executions: u64,
    /// Stop after this many steps in total over all executions.
    pub max_total_steps: u64,
    /// An execution longer than this is cut (counted as a racemap step-limit outcome).
    pub max_steps_per_execution: u64,
    /// Explore only schedules with at most this many preemptions (switching away from a
    /// goroutine that could have continued); `None` for no bound.
    pub preemption_bound: Option<u32>,
    /// Run the race detector along.
    pub race_detection: bool,
    /// How backtrack points are computed.
    pub algorithm: DporAlgorithm,
    /// Also prune with sleep sets (Godefroid 1996). Off by default: combined with this
    /// backtracking rule (which reverses only the last race of each step) they can miss outcomes
    /// when main's exit disables goroutines that sleep; the explorer's property test found such a
    /// program. Without them the search is FG-DPOR proper (sound, more executions).
    pub sleep_sets: bool,
}

impl Default for DporConfig {
    fn default() -> DporConfig {
        DporConfig {
            max_executions: 10_000,
            max_total_steps: 2_000_000,
            max_steps_per_execution: 10_000,
            preemption_bound: None,
            race_detection: true,
            algorithm: DporAlgorithm::SourceSets,
            sleep_sets: true,
        }
    }
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
    /// before (or is) this step; 0 when none.
    clock: VClock,
    /// The sleep this move cut short, when it woke a sleeper before virtual time would have.
    early_wake: Option<EarlyWake>,
}

/// A state on the current path, with its search bookkeeping.
#[derive(Clone, Debug)]
struct Node<T> {
    /// The machine at this state.
    target: T,
    /// The detector at this state.
    detector: Option<Detector>,
    /// Runnable moves here.
    choices: Vec<Choice>,
    /// Goroutines to explore from here.
    backtrack: BTreeSet<Gid>,
    /// Moves already explored from here, with their footprints.
    done: Vec<(Choice, Footprint)>,
    /// Moves not to explore from here (explored from an ancestor, independent since).
    sleep: Vec<(Choice, Footprint)>,
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
    /// The runs recorded so far.
    outcomes: OutcomeSet,
    /// Steps made so far over all executions.
    total_steps: u64,
    /// The first bound or budget that skipped something (the result is then not complete).
    limit: Option<SearchLimit>,
    /// The search still to run once this one is over: the root again, with its detector, now
    /// letting sleepers wake at any time ([`WakeOrder::AnyTime`]), while the current search
    /// follows virtual time. `None` when the program never sleeps, or once that search began.
    any_time_root: Option<(T, Option<Detector>)>,
}

impl<T: Target> Search<T> {
    /// A search of `target`'s schedules, at its root. The second value is `true` when the
    /// search is already over: the root is a final state (its one run is recorded).
    pub(super) fn start(mut target: T, config: &DporConfig) -> (Search<T>, bool) {
        let detector = config.race_detection.then(|| {
            let mut c = DetectorConfig::new(target.source_map());
            c.first_goroutine_id = target.first_goroutine_id();
            Detector::new(c)
        });
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
            outcomes: OutcomeSet::new(),
            total_steps: 0,
            limit: None,
            any_time_root,
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
        let root = self.new_node(target, detector);
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

    /// Nothing was skipped so far (no bound or budget cut the search).
    pub(super) fn limit(&self) -> Option<SearchLimit> {
        self.limit
    }

    /// The runs recorded, consuming the search.
    pub(super) fn into_outcomes(self) -> OutcomeSet {
        self.outcomes
    }

    /// The DPOR clock of goroutine `p` after the current trace.
    fn process_clock(&self, p: Gid) -> VClock {
        self.last_clock_of(p).cloned().unwrap_or_default()
    }

    /// The clock of the last trace step `p` took part in (`None`: none yet).
    fn last_clock_of(&self, p: Gid) -> Option<&VClock> {
        self.trace
            .iter()
            .rev()
            .find(|s| s.participants.contains(&p))
            .map(|s| &s.clock)
    }

    /// Add backtrack points for goroutine `p` whose next step has footprint `fp`, against the
    /// trace steps before `upto`.
    fn add_backtrack(&mut self, p: Gid, fp: &Footprint, upto: usize) {
        let cp = self.process_clock_before(p, upto);
        for i in (0..upto).rev() {
            let s = &self.trace[i];
            // Steps of p itself are in `cp` too: they happen before p's next step.
            let happens_before = s.participants.iter().any(|q| cp.get(*q) > i as u32);
            if happens_before || !s.footprint.dependent(fp) {
                continue;
            }
            let node = &mut self.stack[i];
            if node.choices.iter().any(|c| c.gid == p) {
                node.backtrack.insert(p);
            } else {
                let all: Vec<Gid> = node.choices.iter().map(|c| c.gid).collect();
                node.backtrack.extend(all);
            }
            return;
        }
    }

    /// Add a backtrack point for `p` before every trace step (before `upto`) that does not
    /// happen before `p`'s next step: the conservative treatment of a step that ended the run.
    fn add_backtrack_everywhere(&mut self, p: Gid, upto: usize) {
        let cp = self.process_clock_before(p, upto);
        for i in 0..upto {
            let s = &self.trace[i];
            let happens_before = s.participants.iter().any(|q| cp.get(*q) > i as u32);
            if happens_before {
                continue;
            }
            let node = &mut self.stack[i];
            if node.choices.iter().any(|c| c.gid == p) {
                node.backtrack.insert(p);
            } else {
                let all: Vec<Gid> = node.choices.iter().map(|c| c.gid).collect();
                node.backtrack.extend(all);
            }
        }
    }

    fn process_clock_before(&self, p: Gid, upto: usize) -> VClock {
        if upto == self.trace.len() {
            return self.process_clock(p);
        }
        self.trace[..upto]
            .iter()
            .rev()
            .find(|s| s.participants.contains(&p))
            .map(|s| s.clock.clone())
            .unwrap_or_default()
    }

    /// `trace[i]` happens before an event whose DPOR clock is `clock`.
    fn hb_clock(&self, i: usize, clock: &VClock) -> bool {
        self.trace[i]
            .participants
            .iter()
            .any(|q| clock.get(*q) > i as u32)
    }

    /// What an event by `participants` with footprint `fp` after the current trace depends on:
    /// the joined clocks of its goroutines so far, and the indices of the dependent trace steps
    /// of other goroutines.
    fn event_deps(&self, participants: &[Gid], fp: &Footprint) -> (VClock, Vec<usize>) {
        self.event_deps_among(participants, &self.dependent_steps(fp))
    }

    /// The indices of the trace steps (of any goroutine) dependent with `fp`.
    fn dependent_steps(&self, fp: &Footprint) -> Vec<usize> {
        let summary = fp.summary();
        (0..self.trace.len())
            .filter(|&i| {
                let s = &self.trace[i];
                s.footprint.dependent_summarized(s.summary, fp, summary)
            })
            .collect()
    }

    /// [`Search::event_deps`] from the event's [`Search::dependent_steps`].
    fn event_deps_among(&self, participants: &[Gid], dependent: &[usize]) -> (VClock, Vec<usize>) {
        let mut before = VClock::new();
        for q in participants {
            if let Some(clock) = self.last_clock_of(*q) {
                before.join(clock);
            }
        }
        let deps: Vec<usize> = dependent
            .iter()
            .copied()
            .filter(|&i| {
                !self.trace[i]
                    .participants
                    .iter()
                    .any(|q| participants.contains(q))
            })
            .collect();
        (before, deps)
    }

    /// The DPOR clock of that event.
    fn event_clock(&self, participants: &[Gid], before: &VClock, deps: &[usize]) -> VClock {
        let mut clock = before.clone();
        for &i in deps {
            clock.join(&self.trace[i].clock);
        }
        let n = self.trace.len() as u32 + 1;
        for q in participants {
            clock.set(*q, n);
        }
        clock
    }

    /// Source-set DPOR (Abdulla, Aronis, Jonsson, Sagonas, POPL 2014): for every race between
    /// a trace step `i` and an event `e` following the current trace (a step about to be
    /// pushed, or a goroutine's pending operation), make sure the state before `i` explores
    /// some *initial* of `v = notdep(i) · e`: a goroutine whose first step in `v` does not
    /// depend on an earlier step of `v`. `before`, `deps` and `clock` are from
    /// [`Search::event_deps`] and [`Search::event_clock`].
    fn source_races(&mut self, chooser: Gid, before: &VClock, deps: &[usize], clock: &VClock) {
        let n = self.trace.len();
        for (k, &i) in deps.iter().enumerate() {
            // Not a race when `i` reaches the event through the goroutine's own past or through
            // a later dependent step.
            let via_process = self.trace[i]
                .participants
                .iter()
                .any(|q| before.get(*q) > i as u32);
            if via_process {
                continue;
            }
            let via_other = deps[k + 1..]
                .iter()
                .any(|&j| self.hb_clock(i, &self.trace[j].clock));
            if via_other {
                continue;
            }
            // v = the steps after i that do not depend on i, then the event.
            let v: Vec<usize> = (i + 1..n)
                .filter(|&j| !self.hb_clock(i, &self.trace[j].clock))
                .collect();
            let mut initials: Vec<Gid> = Vec::new();
            for (a, &j) in v.iter().enumerate() {
                let dependent_on_earlier = v[..a]
                    .iter()
                    .any(|&h| self.hb_clock(h, &self.trace[j].clock));
                if !dependent_on_earlier && !initials.contains(&self.trace[j].choice.gid) {
                    initials.push(self.trace[j].choice.gid);
                }
            }
            if !v.iter().any(|&h| self.hb_clock(h, clock)) && !initials.contains(&chooser) {
                initials.push(chooser);
            }
            let node = &mut self.stack[i];
            if initials.iter().any(|g| node.backtrack.contains(g)) {
                continue;
            }
            match initials
                .iter()
                .find(|g| node.choices.iter().any(|c| c.gid == **g))
            {
                Some(g) => {
                    node.backtrack.insert(*g);
                }
                None => {
                    let all: Vec<Gid> = node.choices.iter().map(|c| c.gid).collect();
                    node.backtrack.extend(all);
                }
            }
        }
    }

    /// Source-set analysis of pending operations, which race like events appended to the
    /// trace: at a final state every goroutine's (blocked forever, or cut off by the end of the
    /// program); at other states a blocked goroutine's, when the step just made could have
    /// changed its races (it is dependent with the operation, e.g. took the lock it waits for,
    /// or moved that goroutine). Earlier races of an operation blocked all along were analysed
    /// at the state where they appeared; a goroutine that runs later is analysed then.
    fn source_pending(&mut self) {
        let Some(top) = self.stack.last() else {
            return;
        };
        let terminal = top.choices.is_empty();
        let last = self.trace.last();
        let n = top.target.goroutine_count();
        let pending: Vec<(Gid, Footprint)> = (0..n as u32)
            .map(Gid)
            .filter(|g| terminal || !top.choices.iter().any(|c| c.gid == *g))
            .filter_map(|g| top.target.footprint(g).map(|f| (g, f)))
            .filter(|(g, f)| {
                terminal
                    || last.is_none_or(|t| t.participants.contains(g) || t.footprint.dependent(f))
            })
            .collect();
        for (p, fp) in pending {
            let (before, deps) = self.event_deps(&[p], &fp);
            let clock = self.event_clock(&[p], &before, &deps);
            self.source_races(p, &before, &deps, &clock);
        }
    }

    /// The FG-DPOR update at the state on top of the stack.
    fn analyse_top(&mut self) {
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

    /// Pick the first move to explore at a fresh node; `false` when every enabled move sleeps.
    fn seed_backtrack(node: &mut Node<T>) -> bool {
        let awake = |c: &Choice| !node.sleep.iter().any(|(s, _)| s == c);
        let first = node
            .last_gid
            .and_then(|g| node.choices.iter().find(|c| c.gid == g && awake(c)))
            .or_else(|| node.choices.iter().find(|c| awake(c)))
            .copied();
        match first {
            Some(c) => {
                node.backtrack.insert(c.gid);
                true
            }
            None => false,
        }
    }

    fn new_node(&self, target: T, detector: Option<Detector>) -> Node<T> {
        let choices = if target.ending().is_some() {
            Vec::new()
        } else {
            target.runnable()
        };
        Node {
            target,
            detector,
            choices,
            backtrack: BTreeSet::new(),
            done: Vec::new(),
            sleep: Vec::new(),
            preemptions: 0,
            last_gid: None,
        }
    }

    /// The next move to explore at the top node, with the preemptions it adds.
    fn next_move(&mut self) -> Option<(Choice, u32)> {
        let bound = self.config.preemption_bound;
        let top = self.stack.last()?;
        // A goroutine that just went to sleep has yielded: waking it early is no continuation.
        let last_enabled = top.last_gid.is_some_and(|g| {
            top.choices
                .iter()
                .any(|c| c.gid == g && (bound.is_none() || top.target.early_wake(*c).is_none()))
        });
        let mut pruned = false;
        let mut found = None;
        for c in &top.choices {
            if !top.backtrack.contains(&c.gid)
                || top.done.iter().any(|(d, _)| d == c)
                || top.sleep.iter().any(|(s, _)| s == c)
            {
                continue;
            }
            let preempt = u32::from(last_enabled && top.last_gid != Some(c.gid));
            if let Some(b) = bound {
                if top.preemptions + preempt > b {
                    pruned = true;
                    continue;
                }
            }
            found = Some((*c, preempt));
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
            if self.total_steps >= self.config.max_total_steps {
                self.limit.get_or_insert(SearchLimit::MaxTotalSteps);
                return true;
            }
            let Some((choice, preempt)) = self.next_move() else {
                // Every move from here is explored: backtrack.
                self.stack.pop();
                if self.stack.is_empty() {
                    match self.any_time_root.take() {
                        Some((target, detector)) => {
                            self.trace.clear();
                            self.begin(target, detector);
                            continue;
                        }
                        None => return true,
                    }
                }
                self.trace.pop();
                continue;
            };
            // Pause before the step: the loop's state is the stack and the trace, and
            // `next_move` picks the same move again on resuming (it changes nothing but the
            // `limit`, which it would set again).
            if self.total_steps >= stop_at {
                return false;
            }
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
            if let Some(d) = &mut detector {
                d.observe_step(&events);
                target.note_races(d.reports().len());
            }
            let ended = target.ending().is_some();
            let (participants, movers) = participants(choice, &events);
            // The step is also the operation of each rendezvous partner (a select the partner
            // was parked in ends with it too): it touches what their pending operations touch.
            // A step that ended the run is dependent with everything, except main's return,
            // which keeps its own footprint (goroutine exits commute with it).
            let footprint = if ended && !pre_fp.main_exit {
                Footprint::global()
            } else {
                let mut fp = pre_fp.clone();
                for q in movers.iter().filter(|q| **q != choice.gid) {
                    match top.target.footprint(*q) {
                        Some(partner_fp) => fp.union_with(&partner_fp),
                        None => fp = Footprint::global(),
                    }
                }
                // Arriving at a channel operation is visible too: a goroutine parked at a send
                // or receive is a rendezvous partner, which decides whether another goroutine's
                // `select` takes a case or its default, and whom a receive pairs with.
                for q in &participants {
                    if let Some(next_fp) = target.footprint(*q) {
                        fp.union_with(&next_fp.arrival());
                    }
                }
                fp
            };

            // Sleep set of the child: what slept or was done here, independent of this move.
            let top = self.stack.last_mut().expect("stack is non-empty");
            let child_sleep: Vec<(Choice, Footprint)> = if self.config.sleep_sets {
                top.sleep
                    .iter()
                    .chain(top.done.iter())
                    .filter(|(c, f)| !participants.contains(&c.gid) && !f.dependent(&footprint))
                    .cloned()
                    .collect()
            } else {
                Vec::new()
            };
            top.done.push((choice, footprint.clone()));
            let preemptions = top.preemptions + preempt;

            // A move that turned out to end the run (a fatal error that depends on where other
            // goroutines stand, a panic in local code) is dependent with everything before it
            // that does not happen before it: try it before each of those.
            let upto = self.trace.len();
            if ended && !pre_fp.global && self.config.algorithm == DporAlgorithm::Persistent {
                self.add_backtrack_everywhere(choice.gid, upto);
            }

            // DPOR clock of the new step.
            let dependent = self.dependent_steps(&footprint);
            let (before, deps) = self.event_deps_among(&participants, &dependent);
            let clock = self.event_clock(&participants, &before, &deps);
            if self.config.algorithm == DporAlgorithm::SourceSets {
                // Races are analysed for each goroutine whose operation the step is, against
                // that goroutine's own past only: two handoffs to the same receiver (or from
                // the same sender) are ordered by the receiver's program order, yet the other
                // sender could have taken the first handoff; that is a race of the senders'
                // operations, which the receiver's clock would hide.
                for &q in &movers {
                    let (before_q, deps_q) = self.event_deps_among(&[q], &dependent);
                    let clock_q = self.event_clock(&[q], &before_q, &deps_q);
                    self.source_races(q, &before_q, &deps_q, &clock_q);
                }
            }
            self.trace.push(TraceStep {
                choice,
                participants,
                summary: footprint.summary(),
                footprint,
                clock,
                early_wake,
            });

            let mut node = self.new_node(target, detector);
            node.sleep = child_sleep;
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
                self.trace.pop();
            } else if !Self::seed_backtrack(top) {
                // Every enabled move sleeps: this path is equivalent to one already explored.
                self.stack.pop();
                self.trace.pop();
            }
        }
    }

    /// Record the run that ends at the top of the stack.
    fn record(&mut self, limit_line: Option<String>) {
        let Some(top) = self.stack.last() else {
            return;
        };
        let ending = top.target.ending();
        // A run cut short by a limit leaves what follows unsearched.
        if limit_line.is_some() || ending.as_ref().is_some_and(|e| e.exit_code == EXIT_LIMIT) {
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
            choices: self.trace.iter().map(|s| s.choice).collect(),
        };
        let mut early_wakes: Vec<EarlyWake> = Vec::new();
        for w in self.trace.iter().filter_map(|s| s.early_wake.as_ref()) {
            if !early_wakes.contains(w) {
                early_wakes.push(w.clone());
            }
        }
        let stdout = top.target.stdout().to_string();
        self.outcomes
            .record(&stdout, error, race, deadlock, &schedule, early_wakes);
    }
}

/// The goroutines a move involved, and those of them whose operation it was. Movers: the
/// chooser and every goroutine with an event in the step (a rendezvous partner); participants:
/// the movers and every goroutine the step created.
fn participants(choice: Choice, events: &[Event]) -> (Vec<Gid>, Vec<Gid>) {
    let mut movers = vec![choice.gid];
    for e in events {
        if !movers.contains(&e.gid) {
            movers.push(e.gid);
        }
    }
    let mut all = movers.clone();
    for e in events {
        if let Op::Go { child } = &e.op {
            if !all.contains(child) {
                all.push(*child);
            }
        }
    }
    (all, movers)
}
