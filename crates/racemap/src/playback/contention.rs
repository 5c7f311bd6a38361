//! Contention: how long goroutines wait for each other in a run, counted in steps.
//!
//! After every step of a run, each goroutine parked at an operation that cannot proceed is
//! counted once: under a lock (`sync.Mutex.Lock`, `sync.RWMutex.Lock`/`RLock`) or at a channel
//! (send, receive, `select`). Waiting in `sync.WaitGroup.Wait`, `time.Sleep` or `sync.Once` is
//! not contention on the shared map and is not counted. The runs are seeded random schedules
//! (the CLI's `racemap run --seed N`), so the figure is reproducible; [`measure`] averages it
//! over several seeds because one schedule may happen to avoid every conflict.

use super::{Playback, PlaybackConfig, SchedulerMode};
use crate::diag::Diagnostic;
use crate::rt::event::{Gid, WaitReason};
use crate::rt::machine::Machine;

/// Blocked goroutine-steps of runs of one program, summed over `runs` seeded runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Contention {
    /// Runs measured (seeds `1..=runs`).
    pub runs: u64,
    /// Steps made, over all runs.
    pub steps: u64,
    /// Goroutine-steps spent waiting for a lock, over all runs.
    pub lock_waits: u64,
    /// Goroutine-steps spent waiting at a channel operation, over all runs.
    pub chan_waits: u64,
}

impl Contention {
    /// Goroutine-steps blocked on locks or channels per run.
    pub fn waits_per_run(&self) -> f64 {
        (self.lock_waits + self.chan_waits) as f64 / self.runs.max(1) as f64
    }
}

/// Measure `source` over `runs` seeded runs (seeds 1 to `runs`) of at most `max_steps` steps.
pub fn measure(source: &str, runs: u64, max_steps: u64) -> Result<Contention, Vec<Diagnostic>> {
    let mut total = Contention::default();
    for seed in 1..=runs {
        total.add(&measure_run(source, seed, max_steps)?);
    }
    Ok(total)
}

/// Measure one run of `source` under the seeded scheduler of `seed` (a caller that
/// must not block long, like the page, measures one run at a time and [`Contention::add`]s).
pub fn measure_run(source: &str, seed: u64, max_steps: u64) -> Result<Contention, Vec<Diagnostic>> {
    let config = PlaybackConfig {
        scheduler: SchedulerMode::Seeded { seed },
        race_detection: false,
        max_steps,
        ..PlaybackConfig::default()
    };
    let mut playback = Playback::new(source, config)?;
    let mut run = Contention {
        runs: 1,
        ..Contention::default()
    };
    while playback.step_auto().is_ok() {
        run.steps += 1;
        count_waits(playback.machine(), &mut run);
    }
    Ok(run)
}

impl Contention {
    /// Add the counts of `other` (more runs) to these.
    pub fn add(&mut self, other: &Contention) {
        self.runs += other.runs;
        self.steps += other.steps;
        self.lock_waits += other.lock_waits;
        self.chan_waits += other.chan_waits;
    }
}

fn count_waits(m: &Machine, total: &mut Contention) {
    for g in (0..m.goroutine_count() as u32).map(Gid) {
        let Some(pending) = m.pending(g) else {
            continue;
        };
        if pending.enabled {
            continue;
        }
        match pending.wait {
            Some(WaitReason::MutexLock | WaitReason::RwMutexLock | WaitReason::RwMutexRLock) => {
                total.lock_waits += 1
            }
            Some(
                WaitReason::ChanSend
                | WaitReason::ChanReceive
                | WaitReason::ChanSendNil
                | WaitReason::ChanReceiveNil
                | WaitReason::Select
                | WaitReason::SelectNoCases,
            ) => total.chan_waits += 1,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strategies::{Strategy, Workload};

    fn of(s: Strategy) -> Contention {
        let w = Workload {
            goroutines: 3,
            ops_per_goroutine: 3,
            write_percent: 50,
            keys: 2,
        };
        measure(&s.source(w), 10, 10_000).expect("compiles")
    }

    #[test]
    fn locks_make_goroutines_wait_and_the_unsynchronized_map_never_does() {
        let unsync = of(Strategy::Unsynchronized);
        assert_eq!(unsync.lock_waits + unsync.chan_waits, 0, "{unsync:?}");
        let mutex = of(Strategy::Mutex);
        assert!(mutex.lock_waits > 0, "{mutex:?}");
        assert_eq!(mutex.chan_waits, 0, "{mutex:?}");
        let channel = of(Strategy::ChannelOwner);
        assert!(channel.chan_waits > 0, "{channel:?}");
        assert_eq!(channel.lock_waits, 0, "{channel:?}");
        assert_eq!(mutex.runs, 10);
        assert!(mutex.steps > 10 * 9, "{mutex:?}");
    }

    #[test]
    fn the_same_seeds_give_the_same_figure_run_by_run_or_at_once() {
        assert_eq!(of(Strategy::RwMutex), of(Strategy::RwMutex));
        let source = Strategy::Sharded.source(Workload::default());
        let mut by_run = Contention::default();
        for seed in 1..=4 {
            by_run.add(&measure_run(&source, seed, 10_000).expect("compiles"));
        }
        assert_eq!(by_run, measure(&source, 4, 10_000).expect("compiles"));
    }
}
