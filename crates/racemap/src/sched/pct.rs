//! PCT, probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte, "A
//! Randomized Scheduler with Probabilistic Guarantees of Finding Bugs", ASPLOS 2010).
//!
//! Every goroutine gets a random priority of at least `depth` when first seen; the runnable
//! goroutine with the highest priority moves. Before the run, `depth - 1` change points are drawn
//! uniformly among the first `max_steps` steps; at the `i`-th change point the goroutine about to
//! move drops to priority `i` (below every initial priority). A bug of depth `d` in a program with
//! `n` goroutines and `k` steps is found with probability at least `1 / (n k^(d-1))` per run.
//! Alternatives of a `select` are picked uniformly. All randomness comes from a seeded
//! [`SplitMix64`].

use super::random::{pick_two_stage, SplitMix64};
use super::{Choice, Scheduler};
use crate::dense::IdMap;
use crate::rt::event::Gid;

/// PCT parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PctConfig {
    /// The seed.
    pub seed: u64,
    /// The bug depth `d` to target (≥ 1): `d - 1` priority change points.
    pub depth: u32,
    /// The expected number of steps `k` (change points are drawn in `0..k`).
    pub max_steps: u64,
}

/// The PCT scheduler.
#[derive(Clone, Debug)]
pub struct PctScheduler {
    /// Random source.
    rng: SplitMix64,
    /// The configuration.
    config: PctConfig,
    /// Priority of every goroutine seen so far (higher moves first).
    priorities: IdMap<Gid, u64>,
    /// Sorted step indices at which the mover is demoted; the `i`-th demotes to `i + 1`.
    change_points: Vec<u64>,
    /// Steps picked so far.
    step: u64,
}

impl PctScheduler {
    /// A scheduler for `config`.
    pub fn new(config: PctConfig) -> PctScheduler {
        let mut rng = SplitMix64::new(config.seed);
        let mut change_points: Vec<u64> = (1..config.depth.max(1))
            .map(|_| rng.below(config.max_steps.max(1)))
            .collect();
        crate::stable_sort::sort(&mut change_points);
        PctScheduler {
            rng,
            config,
            priorities: IdMap::new(),
            change_points,
            step: 0,
        }
    }

    /// The configuration.
    pub fn config(&self) -> &PctConfig {
        &self.config
    }
}

impl Scheduler for PctScheduler {
    fn pick(&mut self, choices: &[Choice]) -> Option<Choice> {
        let depth = self.config.depth.max(1) as u64;
        for c in choices {
            if !self.priorities.contains_key(&c.gid) {
                // Initial priorities are distinct with overwhelming probability and ≥ depth.
                let p = depth + (self.rng.next_u64() >> 2);
                self.priorities.insert(c.gid, p);
            }
        }
        let best = |prio: &IdMap<Gid, u64>| {
            choices
                .iter()
                .map(|c| c.gid)
                .max_by_key(|g| (prio.get(g).copied().unwrap_or(0), std::cmp::Reverse(*g)))
        };
        let mut gid = best(&self.priorities)?;
        for (i, cp) in self.change_points.iter().enumerate() {
            if *cp == self.step {
                self.priorities.insert(gid, i as u64 + 1);
                gid = best(&self.priorities)?;
            }
        }
        self.step += 1;
        let gids = super::goroutines_of(choices);
        let index = gids.iter().position(|g| *g == gid);
        pick_two_stage(choices, &mut self.rng, index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(g: u32) -> Choice {
        Choice {
            gid: Gid(g),
            alt: 0,
        }
    }

    #[test]
    fn depth_one_runs_one_goroutine_while_it_can() {
        let mut s = PctScheduler::new(PctConfig {
            seed: 3,
            depth: 1,
            max_steps: 10,
        });
        let first = s.pick(&[c(0), c(1), c(2)]);
        for _ in 0..10 {
            assert_eq!(s.pick(&[c(0), c(1), c(2)]), first);
        }
    }

    #[test]
    fn change_points_switch_goroutines_deterministically() {
        let run = |seed| {
            let mut s = PctScheduler::new(PctConfig {
                seed,
                depth: 3,
                max_steps: 8,
            });
            (0..8)
                .map(|_| s.pick(&[c(0), c(1), c(2)]).map(|c| c.gid.0))
                .collect::<Vec<_>>()
        };
        assert_eq!(run(11), run(11));
        let switches = (0..20u64)
            .map(|seed| {
                let r = run(seed);
                r.windows(2).filter(|w| w[0] != w[1]).count()
            })
            .max()
            .unwrap_or(0);
        assert!(
            (1..=2).contains(&switches),
            "at most d-1 switches, got {switches}"
        );
    }
}
