//! "Compare strategies": the current workload run through every strategy of the core's
//! `strategies` module, each explored by an explorer worker like "Find a bug" (with a smaller
//! budget) and measured for contention over a few seeded runs.
//!
//! The comparison is a value: it starts with every row waiting; the explorer service gives the
//! first unfinished rows ([`Comparison::running`], as many as it has workers) to its idle
//! workers, in row order. Each row's search is independent of the others, so a row's result is
//! the same whichever worker made it and whenever it finished: the table shows rows, never
//! workers. A result for another comparison (an older generation) or for a finished row is
//! ignored, so a late chunk of a stopped comparison never lands in a new one.

use racemap::compile::LangVersion;
use racemap::explore::{ExploreProgress, ExploreResult};
use racemap::playback::contention::Contention;
use racemap::strategies::{Strategy, Workload};

use super::Shared;

/// Runs each strategy's search may make: the table compares strategies, so a budget that
/// covers the small workloads of the form completely and keeps six searches short.
pub const COMPARE_BUDGET: u64 = 2_000;

/// Seeded runs each contention figure averages over.
pub const CONTENTION_RUNS: u64 = 10;

/// One strategy's row.
#[derive(Clone, Debug, PartialEq)]
pub enum RowStatus {
    /// Not started yet.
    Waiting,
    /// Being explored, with what the search found so far and the milliseconds it took (the
    /// worker's clock).
    Exploring(Option<(Shared<ExploreProgress>, u64)>),
    /// Explored.
    Done {
        /// The search's result.
        result: Shared<ExploreResult>,
        /// Blocked goroutine-steps over [`CONTENTION_RUNS`] seeded runs.
        contention: Contention,
    },
    /// The program did not compile or run (a bug in a preset; shown, not hidden).
    Failed(String),
}

impl RowStatus {
    /// Waiting or exploring.
    fn unfinished(&self) -> bool {
        matches!(self, RowStatus::Waiting | RowStatus::Exploring(_))
    }
}

/// The comparison of every strategy on one workload.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The workload every strategy runs.
    pub workload: Workload,
    /// The Go version the programs are compiled as.
    pub lang: LangVersion,
    /// Tells the explorer service which comparison a result belongs to.
    pub generation: u64,
    /// One row per strategy, in [`Strategy::ALL`] order.
    // Invariant: `rows.len() == Strategy::ALL.len()`. Rows finish in any order (`Waiting` also
    // covers a row whose worker has not reported yet).
    rows: Vec<RowStatus>,
    /// The user stopped it.
    pub stopped: bool,
}

impl Comparison {
    /// A comparison with every row waiting.
    pub fn new(workload: Workload, lang: LangVersion, generation: u64) -> Comparison {
        Comparison {
            workload,
            lang,
            generation,
            rows: vec![RowStatus::Waiting; Strategy::ALL.len()],
            stopped: false,
        }
    }

    /// Each strategy with its row.
    pub fn rows(&self) -> impl Iterator<Item = (Strategy, &RowStatus)> {
        Strategy::ALL.into_iter().zip(self.rows.iter())
    }

    /// The rows to explore now, with `lanes` workers: the first `lanes` unfinished ones (none
    /// once stopped or all done). A row stays among them until it finishes, since only
    /// finishing rows leave the unfinished ones.
    pub fn running(&self, lanes: usize) -> Vec<usize> {
        if self.stopped {
            return Vec::new();
        }
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.unfinished())
            .map(|(index, _)| index)
            .take(lanes)
            .collect()
    }

    /// Still exploring.
    pub fn is_running(&self) -> bool {
        !self.running(1).is_empty()
    }

    /// The comparison with row `index` of comparison `generation` updated, or `None` when the
    /// update is for another comparison, a finished row, or a stopped comparison.
    fn with_row(&self, generation: u64, index: usize, row: RowStatus) -> Option<Comparison> {
        let open = self.rows.get(index).is_some_and(RowStatus::unfinished);
        if generation != self.generation || self.stopped || !open {
            return None;
        }
        let mut next = self.clone();
        next.rows[index] = row;
        Some(next)
    }

    /// The search of row `index` made progress in `elapsed_ms`.
    pub fn progress(
        &self,
        generation: u64,
        index: usize,
        progress: ExploreProgress,
        elapsed_ms: u64,
    ) -> Option<Comparison> {
        self.with_row(
            generation,
            index,
            RowStatus::Exploring(Some((Shared::new(progress), elapsed_ms))),
        )
    }

    /// Row `index` is finished (the next waiting row becomes one to explore).
    pub fn finished(
        &self,
        generation: u64,
        index: usize,
        outcome: Result<(ExploreResult, Contention), String>,
    ) -> Option<Comparison> {
        let row = match outcome {
            Ok((result, contention)) => RowStatus::Done {
                result: Shared::new(result),
                contention,
            },
            Err(message) => RowStatus::Failed(message),
        };
        self.with_row(generation, index, row)
    }

    /// The comparison stopped by the user (rows not finished stay as they are).
    pub fn stop(&self) -> Comparison {
        Comparison {
            stopped: true,
            ..self.clone()
        }
    }
}

/// Some explored run crashed the program (a fatal error or a panic, not a deadlock).
pub fn crash_possible(result: &ExploreResult) -> bool {
    result
        .outcomes
        .iter()
        .any(|o| o.error.as_deref().is_some_and(|e| !e.contains("deadlock")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use racemap::explore::Outcome;

    fn result(errors: &[Option<&str>], race: bool) -> ExploreResult {
        ExploreResult {
            complete: true,
            limit: None,
            executions: errors.len() as u64,
            race,
            deadlock: errors.iter().flatten().any(|e| e.contains("deadlock")),
            outcomes: errors
                .iter()
                .map(|e| Outcome {
                    stdout: String::new(),
                    error: e.map(str::to_string),
                    race,
                    count: 1,
                    schedule: String::new(),
                    early_wakes: Vec::new(),
                    overtakes: Vec::new(),
                    leaked: Vec::new(),
                })
                .collect(),
        }
    }

    fn progress(executions: u64) -> ExploreProgress {
        ExploreProgress {
            executions,
            total_steps: 40,
            finished: false,
            race: false,
            deadlock: false,
            outcomes: Vec::new(),
        }
    }

    #[test]
    fn rows_are_given_out_in_order_and_stale_results_are_ignored() {
        let c = Comparison::new(Workload::default(), LangVersion::DEFAULT, 7);
        assert_eq!(c.running(1), vec![0]);
        assert_eq!(c.running(2), vec![0, 1]);
        // Another comparison's result changes nothing.
        assert!(c.finished(6, 0, Err("x".into())).is_none());
        let c = c
            .finished(7, 0, Ok((result(&[None], false), Contention::default())))
            .expect("an unfinished row");
        assert_eq!(c.running(1), vec![1]);
        assert_eq!(c.running(2), vec![1, 2]);
        // A finished row takes no more results.
        assert!(c.finished(7, 0, Err("late".into())).is_none());
        assert!(c.progress(7, 0, progress(1), 5).is_none());
        let c = c
            .progress(7, 1, progress(3), 20)
            .expect("an unfinished row");
        assert!(matches!(
            c.rows().nth(1),
            Some((Strategy::Mutex, RowStatus::Exploring(Some(_))))
        ));
        let mut c = c;
        for i in 1..Strategy::ALL.len() {
            c = c
                .finished(7, i, Err("no".into()))
                .expect("an unfinished row");
        }
        assert_eq!(c.running(2), Vec::<usize>::new());
        assert!(!c.is_running());
    }

    /// Two workers: the second row may finish before the first; the next waiting row is given
    /// out then, and the table is the same as when the rows finish in order.
    #[test]
    fn rows_finishing_out_of_order_give_the_same_table() {
        let done = |i: usize| Ok((result(&[None], i == 0), Contention::default()));
        let start = Comparison::new(Workload::default(), LangVersion::DEFAULT, 3);
        let mut in_order = start.clone();
        for i in 0..Strategy::ALL.len() {
            assert_eq!(in_order.running(1), vec![i]);
            in_order = in_order.finished(3, i, done(i)).expect("open");
        }
        let mut two = start;
        // Row 1 first, then row 0; row 2 is given out as soon as row 1 finishes.
        two = two.progress(3, 0, progress(2), 10).expect("open");
        two = two.finished(3, 1, done(1)).expect("open");
        assert_eq!(two.running(2), vec![0, 2]);
        two = two.finished(3, 0, done(0)).expect("open");
        assert_eq!(two.running(2), vec![2, 3]);
        for i in (2..Strategy::ALL.len()).rev() {
            two = two.finished(3, i, done(i)).expect("open");
        }
        assert!(!two.is_running());
        // `Shared` compares by identity: compare what the rows hold.
        assert_eq!(format!("{two:?}"), format!("{in_order:?}"));
    }

    #[test]
    fn a_stopped_comparison_takes_no_more_results() {
        let c = Comparison::new(Workload::default(), LangVersion::DEFAULT, 1).stop();
        assert!(!c.is_running());
        assert!(c.finished(1, 0, Err("late".into())).is_none());
    }

    #[test]
    fn a_crash_is_an_error_other_than_a_deadlock() {
        assert!(crash_possible(&result(
            &[None, Some("fatal error: concurrent map writes")],
            true
        )));
        assert!(!crash_possible(&result(
            &[Some("fatal error: all goroutines are asleep - deadlock!")],
            false
        )));
        assert!(!crash_possible(&result(&[None], false)));
    }

    /// The reducer as the page drives it: Compare strategies takes the current workload, and
    /// results come back per row, each strategy explored by the core's real explorer.
    mod reducer {
        use super::super::super::{Action, HashParams, State};
        use super::*;
        use racemap::compile::CompileOptions;
        use racemap::explore::{DporConfig, Explorer};
        use racemap::playback::contention;
        use std::rc::Rc;
        use yew::Reducible;

        fn explored(strategy: Strategy, workload: Workload) -> ExploreResult {
            let mut explorer = Explorer::for_source(
                &strategy.source(workload),
                &CompileOptions::default(),
                &DporConfig::default(),
            )
            .expect("compiles");
            explorer.advance(u64::MAX);
            explorer.into_result()
        }

        #[test]
        fn comparing_runs_every_strategy_of_the_current_workload() {
            let s = Rc::new(State::from_hash(&HashParams::parse(
                "example=mutex&goroutines=2&ops=2&writes=50&keys=2",
            )));
            let s = s.reduce(Action::StartComparing);
            let c = s.comparison.clone().expect("a comparison");
            assert_eq!(c.workload, s.workload);
            assert_eq!(c.running(1), vec![0]);
            let mut s = s;
            for (index, strategy) in Strategy::ALL.into_iter().enumerate() {
                let source = strategy.source(c.workload);
                let measured =
                    contention::measure(&source, CONTENTION_RUNS, 10_000).expect("compiles");
                s = s.reduce(Action::CompareFinished {
                    generation: c.generation,
                    index,
                    outcome: Ok((explored(strategy, c.workload), measured)),
                });
            }
            let c = s.comparison.clone().expect("a comparison");
            assert!(!c.is_running());
            let verdicts: Vec<(Strategy, bool, bool, bool)> = c
                .rows()
                .map(|(strategy, row)| match row {
                    RowStatus::Done { result, .. } => {
                        assert!(result.complete, "{strategy:?}");
                        (
                            strategy,
                            result.race,
                            crash_possible(result),
                            result.deadlock,
                        )
                    }
                    other => panic!("{strategy:?}: {other:?}"),
                })
                .collect();
            // Only the unsynchronized map races and crashes; no strategy deadlocks.
            for (strategy, race, crash, deadlock) in verdicts {
                let unsafe_map = strategy == Strategy::Unsynchronized;
                assert_eq!(
                    (race, crash, deadlock),
                    (unsafe_map, unsafe_map, false),
                    "{strategy:?}"
                );
            }
        }

        #[test]
        fn a_new_comparison_ignores_the_old_ones_results_and_stop_keeps_finished_rows() {
            let s = Rc::new(State::from_hash(&HashParams::parse("example=mutex")));
            let s = s.reduce(Action::StartComparing);
            let first = s.comparison.clone().expect("a comparison").generation;
            let s = s.reduce(Action::CompareFinished {
                generation: first,
                index: 0,
                outcome: Err("x".into()),
            });
            let s = s.reduce(Action::StartComparing);
            let second = s.comparison.clone().expect("a comparison");
            assert_ne!(second.generation, first);
            let same = s.clone().reduce(Action::CompareFinished {
                generation: first,
                index: 0,
                outcome: Err("late".into()),
            });
            assert!(
                Rc::ptr_eq(&same, &s),
                "a late result of the first comparison"
            );
            let s = s.reduce(Action::CompareFinished {
                generation: second.generation,
                index: 0,
                outcome: Err("compile error".into()),
            });
            let s = s.reduce(Action::StopComparing);
            let c = s.comparison.clone().expect("a comparison");
            assert!(c.stopped && !c.is_running());
            assert!(
                matches!(c.rows().next(), Some((_, RowStatus::Failed(m))) if m == "compile error")
            );
            assert!(matches!(c.rows().nth(1), Some((_, RowStatus::Waiting))));
        }
    }
}
