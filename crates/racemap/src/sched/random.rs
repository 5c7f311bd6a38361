//! Seeded random scheduling with splitmix64 (Steele, Lea, Flood, "Fast splittable pseudorandom
//! number generators", OOPSLA 2014): a 64-bit state advanced by a Weyl constant and mixed by two
//! xor-shift-multiply rounds. It is fixed here, in plain integer arithmetic, so a seed means the
//! same schedule forever, natively and on wasm.
//!
//! A move is picked in two stages: a goroutine uniformly among the runnable ones, then one of its
//! alternatives uniformly (Go picks uniformly among a `select`'s ready cases).

use super::{goroutines_of, Choice, Scheduler};

/// The splitmix64 generator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitMix64 {
    /// The state; advanced by `0x9e3779b97f4a7c15` per draw.
    state: u64,
}

impl SplitMix64 {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`; 0 when `n == 0`), by multiply-shift (Lemire) reduction.
    pub fn below(&mut self, n: u64) -> u64 {
        ((self.next_u64() as u128 * n as u128) >> 64) as u64
    }
}

/// Picks uniformly at random with a seeded [`SplitMix64`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RandomScheduler {
    /// The generator.
    rng: SplitMix64,
}

impl RandomScheduler {
    /// A scheduler for `seed`.
    pub fn new(seed: u64) -> RandomScheduler {
        RandomScheduler {
            rng: SplitMix64::new(seed),
        }
    }
}

/// Pick a goroutine with `pick_gid(count)` then one of its alternatives with `pick_alt(count)`.
pub(crate) fn pick_two_stage(
    choices: &[Choice],
    rng: &mut SplitMix64,
    gid_index: Option<usize>,
) -> Option<Choice> {
    if choices.is_empty() {
        return None;
    }
    if choices.windows(2).all(|w| w[0].gid <= w[1].gid) {
        // In goroutine order (as machines list them): a goroutine's moves are adjacent, so the
        // goroutines are counted and the picked one's moves found without copying thousands.
        let count = 1 + choices.windows(2).filter(|w| w[0].gid != w[1].gid).count();
        let k = match gid_index {
            Some(i) => i.min(count - 1),
            None => rng.below(count as u64) as usize,
        };
        let mut starts = std::iter::once(0)
            .chain((1..choices.len()).filter(|&i| choices[i - 1].gid != choices[i].gid));
        let start = starts.nth(k)?;
        let g = choices[start].gid;
        let len = choices[start..].iter().take_while(|c| c.gid == g).count();
        let i = if len > 1 {
            rng.below(len as u64) as usize
        } else {
            0
        };
        return choices.get(start + i).copied();
    }
    pick_two_stage_any(choices, rng, gid_index)
}

/// [`pick_two_stage`] for choices in any order.
fn pick_two_stage_any(
    choices: &[Choice],
    rng: &mut SplitMix64,
    gid_index: Option<usize>,
) -> Option<Choice> {
    let gids = goroutines_of(choices);
    if gids.is_empty() {
        return None;
    }
    let g = match gid_index {
        Some(i) => gids[i.min(gids.len() - 1)],
        None => gids[rng.below(gids.len() as u64) as usize],
    };
    let alts: Vec<Choice> = choices.iter().copied().filter(|c| c.gid == g).collect();
    let i = if alts.len() > 1 {
        rng.below(alts.len() as u64) as usize
    } else {
        0
    };
    alts.get(i).copied()
}

impl Scheduler for RandomScheduler {
    fn pick(&mut self, choices: &[Choice]) -> Option<Choice> {
        pick_two_stage(choices, &mut self.rng, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::event::Gid;

    #[test]
    fn in_goroutine_order_picks_as_in_any_order() {
        // Choices in goroutine order take the fast path; it picks what the general one does.
        let mut shapes = SplitMix64::new(99);
        for _ in 0..300 {
            let mut choices = Vec::new();
            for g in 0..shapes.below(6) as u32 {
                if shapes.below(3) == 0 {
                    continue;
                }
                for alt in 0..1 + shapes.below(3) as u32 {
                    choices.push(Choice { gid: Gid(g), alt });
                }
            }
            for seed in 0..4 {
                for index in [None, Some(0), Some(1), Some(7)] {
                    let (mut a, mut b) = (SplitMix64::new(seed), SplitMix64::new(seed));
                    let fast = pick_two_stage(&choices, &mut a, index);
                    let general = pick_two_stage_any(&choices, &mut b, index);
                    assert_eq!(fast, general, "{choices:?}");
                    assert_eq!(a, b);
                }
            }
        }
    }

    #[test]
    fn splitmix64_reference_values() {
        // First outputs for seed 0 and 1234567 of the reference implementation (Vigna's
        // splitmix64.c).
        let mut r = SplitMix64::new(0);
        assert_eq!(r.next_u64(), 0xe220_a839_7b1d_cdaf);
        assert_eq!(r.next_u64(), 0x6e78_9e6a_a1b9_65f4);
        let mut r = SplitMix64::new(1234567);
        assert_eq!(r.next_u64(), 6457827717110365317);
        assert_eq!(r.next_u64(), 3203168211198807973);
    }

    #[test]
    fn same_seed_same_picks_and_all_choices_reachable() {
        let choices: Vec<Choice> = (0..3)
            .map(|g| Choice {
                gid: Gid(g),
                alt: 0,
            })
            .chain([
                Choice {
                    gid: Gid(3),
                    alt: 1,
                },
                Choice {
                    gid: Gid(3),
                    alt: 2,
                },
            ])
            .collect();
        let run = |seed| {
            let mut s = RandomScheduler::new(seed);
            (0..50).map(|_| s.pick(&choices)).collect::<Vec<_>>()
        };
        assert_eq!(run(7), run(7));
        assert_ne!(run(7), run(8));
        let seen: std::collections::BTreeSet<Choice> = run(7).into_iter().flatten().collect();
        assert_eq!(seen.len(), choices.len());
    }
}
