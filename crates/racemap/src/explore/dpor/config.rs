//! The bounds and choices of a systematic search: which DPOR variant, which search, and the
//! budgets (counts, never time).

/// Which DPOR variant computes backtrack points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DporAlgorithm {
    /// Flanagan–Godefroid 2005: reverse the last race of each pending operation (persistent
    /// sets). Sound without sleep sets only.
    Persistent,
    /// Optimal DPOR (Abdulla et al., JACM 2017): reverse every race by a sequence in the
    /// wakeup tree of the state before it. Sound with sleep sets; the default.
    SourceSets,
}

/// Which systematic search explores a program.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SearchAlgorithm {
    /// Where the stateful search applies (`explore::stateful`: no sleeps, no preemption bound),
    /// DPOR and the stateful search side by side, in turns of [`DporConfig::turn_steps`]: the
    /// first one over decides, DPOR within its share of the executions budget
    /// ([`DporConfig::stateful_after`]: half by default), a complete DPOR search checked by the
    /// stateful search (`explore::explorer` has the rules). The stateful search's first turn
    /// comes first and is short: a program it completes there gets its result, DPOR makes no
    /// step. Elsewhere, and with an executions budget under
    /// [`crate::explore::explorer::AUTO_STATEFUL_BUDGET`], DPOR alone. The default.
    #[default]
    Auto,
    /// DPOR only ([`DporAlgorithm`]).
    Dpor,
    /// The stateful search wherever it applies, even where `Auto` would pick DPOR (it still
    /// gives way to DPOR where it does not apply or gives up). For tests.
    Stateful,
}

/// Bounds of a systematic search. Budgets are counts, never time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DporConfig {
    /// Stop after this many complete executions.
    pub max_executions: u64,
    /// Stop after this many steps in total over all executions (DPOR: with the steps it
    /// replays to check reversals, `SearchStats::replay_steps`, so the budget bounds the work).
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
    /// Which search: stateful with a visited set, or DPOR ([`SearchAlgorithm`]).
    pub search: SearchAlgorithm,
    /// With [`SearchAlgorithm::Auto`]: DPOR, beside the stateful search, stops after this many
    /// executions (at most `max_executions`), and the stateful search goes on alone; `u64::MAX`,
    /// the default, means half of `max_executions`. The stateful search makes more steps than
    /// DPOR on most corpus programs, and on the article's Cache with 3 writers + 3 readers
    /// (README, Performance) it takes 4 times DPOR's time; it wins where lock orders multiply
    /// DPOR's runs (mutex, rwmutex and channel 3 × 3).
    pub stateful_after: u64,
    /// With [`SearchAlgorithm::Auto`], where the stateful search applies: the steps DPOR and
    /// the stateful search make per turn while they run side by side (`explore::explorer`).
    pub turn_steps: (u64, u64),
}

impl DporConfig {
    /// The executions DPOR may make before [`SearchAlgorithm::Auto`] goes on with the
    /// stateful search ([`DporConfig::stateful_after`]).
    pub fn dpor_share(&self) -> u64 {
        match self.stateful_after {
            u64::MAX => self.max_executions / 2,
            n => n.min(self.max_executions),
        }
    }
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
            search: SearchAlgorithm::Auto,
            stateful_after: u64::MAX,
            turn_steps: (
                crate::explore::explorer::DPOR_TURN_STEPS,
                crate::explore::explorer::STATEFUL_TURN_STEPS,
            ),
        }
    }
}
