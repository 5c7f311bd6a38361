//! The moves enabled at a search node, stored run-length encoded: a goroutine bomb's node
//! offers thousands of moves (one per runnable goroutine, numbered consecutively), and the
//! search keeps a node per step of its path, so a plain list per node made the search's memory
//! quadratic in the number of goroutines. A run is a sequence of moves of consecutive
//! goroutines with the same alternative; the list keeps the moves' order exactly.

use crate::rt::event::Gid;
use crate::sched::Choice;

/// Moves `(gid + k, alt)` for `k` in `0..len`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    /// The first move's goroutine.
    gid: u32,
    /// Every move's alternative.
    alt: u32,
    /// How many moves.
    len: u32,
}

/// A list of moves, in the order given, run-length encoded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Moves {
    /// The runs, in order.
    runs: Vec<Run>,
    /// The number of moves.
    len: usize,
}

impl Moves {
    /// The moves of `list`, in its order.
    pub fn from_list(list: &[Choice]) -> Moves {
        let mut runs: Vec<Run> = Vec::new();
        for c in list {
            match runs.last_mut() {
                Some(r) if r.alt == c.alt && r.gid.checked_add(r.len) == Some(c.gid.0) => {
                    r.len += 1;
                }
                _ => runs.push(Run {
                    gid: c.gid.0,
                    alt: c.alt,
                    len: 1,
                }),
            }
        }
        runs.shrink_to_fit();
        Moves {
            runs,
            len: list.len(),
        }
    }

    /// No move.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many moves.
    pub fn len(&self) -> usize {
        self.len
    }

    /// The moves, in order.
    pub fn iter(&self) -> impl Iterator<Item = Choice> + '_ {
        self.runs.iter().flat_map(|r| {
            (0..r.len).map(move |k| Choice {
                gid: Gid(r.gid + k),
                alt: r.alt,
            })
        })
    }

    /// `c` is one of the moves.
    pub fn contains(&self, c: &Choice) -> bool {
        self.runs
            .iter()
            .any(|r| r.alt == c.alt && c.gid.0 >= r.gid && c.gid.0 - r.gid < r.len)
    }

    /// Goroutine `g` has a move.
    pub fn has_gid(&self, g: Gid) -> bool {
        self.runs
            .iter()
            .any(|r| g.0 >= r.gid && g.0 - r.gid < r.len)
    }

    /// The moves of goroutine `g`, in order.
    pub fn of_gid(&self, g: Gid) -> Vec<Choice> {
        self.runs
            .iter()
            .filter(|r| g.0 >= r.gid && g.0 - r.gid < r.len)
            .map(|r| Choice { gid: g, alt: r.alt })
            .collect()
    }

    /// These moves with those of the goroutines `changed` (ascending ids) replaced by
    /// `moves_of` each (its moves, by alternative), when the list is in goroutine order (as a
    /// machine lists moves when nobody sleeps); `None` otherwise. Costs O(runs + changed),
    /// not O(moves): how a child state's moves follow from its parent's when the machine says
    /// which goroutines a step may have changed (`Target::moves_changed`).
    pub fn with_changed(
        &self,
        changed: &[Gid],
        mut moves_of: impl FnMut(Gid) -> Vec<Choice>,
    ) -> Option<Moves> {
        let sorted = self
            .runs
            .windows(2)
            .all(|w| (w[0].gid + w[0].len - 1, w[0].alt) < (w[1].gid, w[1].alt));
        if !sorted {
            return None;
        }
        // The runs without the changed goroutines (a run's goroutines are consecutive, so
        // what is left of it does not span a changed one).
        let mut kept = Builder::default();
        for r in &self.runs {
            let from = changed.partition_point(|g| g.0 < r.gid);
            let mut start = r.gid;
            for g in changed[from..].iter().take_while(|g| g.0 < r.gid + r.len) {
                kept.push(start, r.alt, g.0 - start);
                start = g.0 + 1;
            }
            kept.push(start, r.alt, r.gid + r.len - start);
        }
        // Merged in order with the changed goroutines' moves now.
        let mut out = Builder::default();
        let mut fresh = changed.iter().flat_map(|g| moves_of(*g)).peekable();
        for r in kept.runs {
            while let Some(c) = fresh.next_if(|c| c.gid.0 < r.gid) {
                out.push(c.gid.0, c.alt, 1);
            }
            out.push(r.gid, r.alt, r.len);
        }
        for c in fresh {
            out.push(c.gid.0, c.alt, 1);
        }
        Some(out.finish())
    }

    /// Keep only the moves `keep` accepts.
    pub fn retain(&mut self, keep: impl Fn(&Choice) -> bool) {
        let kept: Vec<Choice> = self.iter().filter(|c| keep(c)).collect();
        *self = Moves::from_list(&kept);
    }
}

/// Runs built in order, each merged into the one before when it continues it.
#[derive(Default)]
struct Builder {
    /// The runs so far.
    runs: Vec<Run>,
    /// Their moves.
    len: usize,
}

impl Builder {
    /// Append the moves `(gid + k, alt)` for `k` in `0..len`.
    fn push(&mut self, gid: u32, alt: u32, len: u32) {
        if len == 0 {
            return;
        }
        self.len += len as usize;
        match self.runs.last_mut() {
            Some(r) if r.alt == alt && r.gid.checked_add(r.len) == Some(gid) => r.len += len,
            _ => self.runs.push(Run { gid, alt, len }),
        }
    }

    /// The list built.
    fn finish(mut self) -> Moves {
        self.runs.shrink_to_fit();
        Moves {
            runs: self.runs,
            len: self.len,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(g: u32, alt: u32) -> Choice {
        Choice { gid: Gid(g), alt }
    }

    #[test]
    fn moves_keep_their_order_and_answer_as_the_list() {
        let list = vec![
            c(0, 0),
            c(0, 1),
            c(2, 0),
            c(3, 0),
            c(4, 0),
            c(4, 1),
            c(7, 1),
            c(8, 1),
            c(9, 0),
        ];
        let m = Moves::from_list(&list);
        assert_eq!(m.iter().collect::<Vec<_>>(), list);
        assert_eq!(m.len(), list.len());
        for g in 0..11 {
            let want: Vec<Choice> = list.iter().copied().filter(|x| x.gid.0 == g).collect();
            assert_eq!(m.of_gid(Gid(g)), want);
            assert_eq!(m.has_gid(Gid(g)), !want.is_empty());
            for alt in 0..3 {
                assert_eq!(m.contains(&c(g, alt)), list.contains(&c(g, alt)));
            }
        }
        let mut r = m.clone();
        r.retain(|x| x.gid.0 != 4);
        let want: Vec<Choice> = list.iter().copied().filter(|x| x.gid.0 != 4).collect();
        assert_eq!(r.iter().collect::<Vec<_>>(), want);
        assert!(Moves::from_list(&[]).is_empty());
        // The list with some goroutines' moves replaced is the list of the new moves.
        let now = |g: Gid| -> Vec<Choice> {
            match g.0 {
                2 => vec![],
                3 => vec![c(3, 0), c(3, 2)],
                5 => vec![c(5, 0)],
                8 => vec![c(8, 0), c(8, 1)],
                12 => vec![c(12, 0)],
                _ => vec![],
            }
        };
        let changed = [Gid(2), Gid(3), Gid(5), Gid(8), Gid(12)];
        let mut want: Vec<Choice> = list
            .iter()
            .copied()
            .filter(|x| !changed.contains(&x.gid))
            .chain(changed.iter().flat_map(|g| now(*g)))
            .collect();
        want.sort();
        let updated = m.with_changed(&changed, now).expect("in goroutine order");
        assert_eq!(updated, Moves::from_list(&want));
        assert_eq!(m.with_changed(&[], now), Some(m.clone()));
        // Out of goroutine order (a wake-up offered after the others): no update.
        assert_eq!(
            Moves::from_list(&[c(4, 0), c(1, 0)]).with_changed(&[], now),
            None
        );
        // A bomb's node: one run.
        let bomb: Vec<Choice> = (1..5000).map(|g| c(g, 0)).collect();
        assert_eq!(Moves::from_list(&bomb).runs.len(), 1);
    }
}
