//! Sampling exploration for programs too big to exhaust: many runs with seeded random or PCT
//! schedulers (seeds `seed, seed + 1, …`), aggregated into outcomes. Never `complete`.

use super::outcome::{ExploreResult, OutcomeSet, SearchLimit};
use crate::run::{run_with, RunConfig};
use crate::sched::{PctConfig, PctScheduler, RandomScheduler, Scheduler};
use crate::target::Target;

/// Which scheduler the sampled runs use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SampleStrategy {
    /// Uniform random moves.
    Random,
    /// PCT with this bug depth.
    Pct {
        /// The depth `d`.
        depth: u32,
    },
}

/// Run `runs` sampled executions of `target` and aggregate their outcomes.
pub fn sample<T: Target>(
    target: &T,
    strategy: &SampleStrategy,
    seed: u64,
    runs: u64,
    run_config: &RunConfig,
) -> ExploreResult {
    let mut set = OutcomeSet::new();
    let config = RunConfig {
        record_events: false,
        schedule: None,
        ..run_config.clone()
    };
    // PCT needs an estimate of the run length: take it from a first random run.
    let mut expected_steps = 0u64;
    for i in 0..runs {
        let s = seed.wrapping_add(i);
        let mut scheduler: Box<dyn Scheduler> = match strategy {
            SampleStrategy::Random => Box::new(RandomScheduler::new(s)),
            SampleStrategy::Pct { depth } if expected_steps > 0 => {
                Box::new(PctScheduler::new(PctConfig {
                    seed: s,
                    depth: *depth,
                    max_steps: expected_steps,
                }))
            }
            SampleStrategy::Pct { .. } => Box::new(RandomScheduler::new(s)),
        };
        let r = run_with(target.clone(), &mut scheduler, &config);
        expected_steps = expected_steps.max(r.schedule.len() as u64);
        set.record(
            &r.stdout_bytes,
            r.first_error_line.clone(),
            !r.races.is_empty(),
            r.deadlock,
            &r.schedule,
            Vec::new(),
        );
    }
    set.finish(Some(SearchLimit::Sampling))
}
