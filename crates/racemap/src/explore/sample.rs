//! Sampling exploration for programs too big to exhaust: many runs with seeded random or PCT
//! schedulers (seeds `seed, seed + 1, …`), aggregated into outcomes. Never `complete`.
//!
//! A program that can sleep is sampled as the systematic search explores it: every other run
//! lets sleepers wake at any time ([`WakeOrder::AnyTime`]: Go orders nothing by `time.Sleep`),
//! and an outcome such a run finds names the sleeps its schedule cut short ([`EarlyWake`]).

use super::outcome::{ExploreResult, OutcomeKey, OutcomeSet, SearchLimit};
use crate::rt::config::WakeOrder;
use crate::run::{run_with, RunConfig};
use crate::sched::{PctConfig, PctScheduler, RandomScheduler, Schedule, Scheduler};
use crate::target::{EarlyWake, Target};

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
        let mut start = target.clone();
        let any_time = target.may_sleep() && i % 2 == 1;
        if any_time {
            start.set_wake_order(WakeOrder::AnyTime);
        }
        let r = run_with(start.clone(), &mut scheduler, &config);
        expected_steps = expected_steps.max(r.schedule.len() as u64);
        let early_wakes = if any_time {
            early_wakes(start.clone(), &r.schedule)
        } else {
            Vec::new()
        };
        let key = OutcomeKey {
            stdout: r.stdout_bytes.clone(),
            error: r.first_error_line.clone(),
            race: !r.races.is_empty(),
            leaked: r.leaked.clone(),
        };
        set.record(key, r.deadlock, &r.schedule, early_wakes, || {
            super::notes::overtakes(&start, &r.schedule.choices)
        });
    }
    set.finish(Some(SearchLimit::Sampling))
}

/// The sleeps `schedule` cuts short when replayed from `target`, each once, in order.
fn early_wakes<T: Target>(mut target: T, schedule: &Schedule) -> Vec<EarlyWake> {
    let mut wakes: Vec<EarlyWake> = Vec::new();
    for &choice in &schedule.choices {
        if let Some(w) = target.early_wake(choice) {
            if !wakes.contains(&w) {
                wakes.push(w);
            }
        }
        target.step(choice);
    }
    wakes
}
