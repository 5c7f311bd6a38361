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

    /// Keep only the moves `keep` accepts.
    pub fn retain(&mut self, keep: impl Fn(&Choice) -> bool) {
        let kept: Vec<Choice> = self.iter().filter(|c| keep(c)).collect();
        *self = Moves::from_list(&kept);
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
        // A bomb's node: one run.
        let bomb: Vec<Choice> = (1..5000).map(|g| c(g, 0)).collect();
        assert_eq!(Moves::from_list(&bomb).runs.len(), 1);
    }
}
