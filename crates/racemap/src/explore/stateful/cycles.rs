//! Cycles in the state graph: a run that can go on forever (a spin loop on `runtime.Gosched`,
//! a goroutine polling a flag) is a path back to a state on the current path.
//!
//! The search starts acyclic: persistent sets of one move and unkeyed states assume no cycle
//! (a persistent set explored around a cycle may ignore a goroutine forever: the *ignoring
//! problem*, Valmari 1991). At the first move back to a state on the path it starts again from
//! its root in *cyclic mode* ([`Cycles`]), where
//! - every state is keyed and every move offered is explored (no persistent set of one move,
//!   no sleep set): a plain depth-first search with a visited set, whose explored graph is the
//!   reachable state graph (of the state keys) itself;
//! - a move back to a state on the path is a revisit ([`Stateful::back_to_path`]), and every
//!   move explored is an edge of the graph ([`Stateful::note_edge`]);
//! - once the search is over, every state with a move explored must reach a final state
//!   along the edges ([`Stateful::livelock_free`]). A state that cannot leads only to cycles
//!   no run leaves: a run may spin there
//!   forever while every goroutine still moves (a livelock, which Go never reports), and the
//!   search gives up ([`Abandon::Livelock`]; DPOR then bounds the run, fair to a yield).
//!   Else the infinite runs are unfair ones (a goroutine spinning while the one it waits for
//!   never moves, which Go's scheduler does not do forever) and every final state, so every
//!   outcome, is found: the search is complete.
//!
//! The longest path of a cyclic graph is not defined: the heights of states (for the step
//! limit, see the search's module docs) count the moves of the paths explored without going
//! around a cycle.

use super::{Abandon, Stateful, Step};
use crate::race::Detector;
use crate::target::Target;
use std::collections::{BTreeMap, BTreeSet};

/// What the cyclic mode keeps (see the module docs).
#[derive(Clone, Debug, Default)]
pub(super) struct Cycles {
    /// Every move explored: (the key of the state it left, the key of the state it led to).
    pub(super) edges: Vec<(u128, u128)>,
    /// The keys of the final states reached.
    pub(super) finals: Vec<u128>,
}

/// The roots the search starts again from in cyclic mode.
#[derive(Clone, Debug)]
pub(super) struct Roots<T> {
    /// The root after the prefix, in virtual time order, with its detector.
    pub(super) first: (T, Option<Detector>),
    /// The second search's root, for a program that can sleep.
    pub(super) any_time: Option<(T, Option<Detector>)>,
}

impl<T: Target> Stateful<T> {
    /// Start again from the root in cyclic mode (see the module docs): a move led back to a
    /// state on the current path. The outcomes found so far stay; a final state whose outcome
    /// is known is not counted again.
    pub(super) fn restart(&mut self) {
        let Some(roots) = self.roots.take() else {
            return;
        };
        let Roots { first, any_time } = *roots;
        self.stack.clear();
        self.path.clear();
        self.visited = Default::default();
        self.any_time_root = any_time.map(Box::new);
        self.any_time_replay = None;
        self.cyclic = Some(Cycles::default());
        self.begin(first.0, first.1);
    }

    /// In cyclic mode, the move being made from the top frame led to the state keyed `to`.
    pub(super) fn note_edge(&mut self, to: u128) {
        if let (Some(cycles), Some(from)) =
            (&mut self.cyclic, self.stack.last().and_then(|f| f.key))
        {
            cycles.edges.push((from, to));
        }
    }

    /// The move being made led back to a state on the current path: outside cyclic mode the
    /// search starts again in it ([`Abandon::Cycle`]); in it, a revisit.
    pub(super) fn back_to_path(&mut self) -> Option<Step> {
        if self.cyclic.is_none() {
            return Some(Step::Abandon(Abandon::Cycle));
        }
        self.revisits += 1;
        None
    }

    /// Every state the cyclic mode explored a move from reaches a final state along the
    /// moves explored (true outside cyclic mode).
    pub(super) fn livelock_free(&self) -> bool {
        let Some(cycles) = &self.cyclic else {
            return true;
        };
        let mut into: BTreeMap<u128, Vec<u128>> = BTreeMap::new();
        for &(from, to) in &cycles.edges {
            into.entry(to).or_default().push(from);
        }
        let mut reaching: BTreeSet<u128> = cycles.finals.iter().copied().collect();
        let mut todo: Vec<u128> = cycles.finals.clone();
        while let Some(k) = todo.pop() {
            for &from in into.get(&k).map(Vec::as_slice).unwrap_or_default() {
                if reaching.insert(from) {
                    todo.push(from);
                }
            }
        }
        cycles.edges.iter().all(|(from, _)| reaching.contains(from))
    }
}
