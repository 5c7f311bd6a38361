//! The default search on two threads (native only): DPOR and the stateful search, which
//! [`super::explorer`] runs side by side in turns on one thread, each on a thread of its own,
//! with **exactly the same result** — outcomes, their order, counts and schedules.
//!
//! The turns stay the unit of the protocol, so the answer never depends on timing: on one
//! thread the turns go stateful 0 (short), DPOR 1, stateful 1, DPOR 2, stateful 2, …; here
//! DPOR's turn `j + 1` runs *speculatively* while the stateful search makes its turn `j`
//! (from `j = 0`: DPOR's turn 0 is empty; one turn of lookahead,
//! so about half the wall time when the turns balance). Before each speculative turn the DPOR
//! thread keeps a copy of its search (the state at the end of turn `j`); the stateful search
//! never runs ahead of a confirmed turn. After each pair of turns the coordinator decides as the
//! sequential search would:
//! - the stateful search over in its turn `j`: DPOR's turn `j + 1` never happened; DPOR's copy
//!   is used (its runs added to a complete stateful search; or, when the stateful search gave
//!   up or reached a budget, DPOR goes on alone from the copy);
//! - else DPOR over in turn `j + 1`: the stateful search has made exactly its `j` turns, as on
//!   one thread, and goes on as DPOR's check (or alone) there.
//!
//! A speculative DPOR turn is cancelled (its work is thrown away) as soon as the stateful search
//! is over in its turn, so the speculation costs no wall time. Each thread builds its own target
//! from the factory (a machine is not shared between threads); only outcomes and counts cross
//! threads.

use super::dpor::{DporConfig, Search, SearchAlgorithm};
use super::explorer::{check_budget, explore, first_stateful_turn, AUTO_STATEFUL_BUDGET};
use super::outcome::{ExploreResult, OutcomeSet, SearchLimit};
use super::stateful::{Stateful, Step};
use crate::target::Target;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};

/// Steps a DPOR turn makes between two looks at the cancel flag.
const CANCEL_CHECK_STEPS: u64 = 500;

/// What the coordinator asks the DPOR thread.
enum DporCmd {
    /// Keep a copy of the search as it is now (the end of a turn), then make the next turn.
    Turn,
    /// The stateful search is over and complete: the runs DPOR had at its copy, then stop.
    RunsAtCopy,
    /// The stateful search gave up or reached a budget: go back to the copy, add these runs
    /// (the stateful search's), and go on alone with the whole executions budget.
    AloneFromCopy(OutcomeSet),
    /// DPOR is over: add these runs (the stateful search's, when DPOR's verdict is final) and
    /// send the result.
    Finish(Option<OutcomeSet>),
}

/// What the DPOR thread answers.
enum DporReply {
    /// A turn ended: DPOR is over (with this limit), and its steps so far.
    Turn {
        over: bool,
        limit: Option<SearchLimit>,
        steps: u64,
    },
    /// Its runs, and what stopped it.
    Runs(OutcomeSet, Option<SearchLimit>),
}

/// What the coordinator asks the stateful thread.
enum StatefulCmd {
    /// Make the next turn.
    Turn,
    /// DPOR is over and complete with these runs after `dpor_steps` steps: check it.
    Check(OutcomeSet, u64),
    /// DPOR stopped at its share of the executions budget or at its steps budget with these
    /// runs: go on alone.
    Alone(OutcomeSet),
    /// Add these runs (DPOR's), then send the result (the stateful search is complete).
    Finish(OutcomeSet),
    /// Send the runs so far and stop (DPOR goes on with them).
    Give,
}

/// What the stateful thread answers.
enum StatefulReply {
    /// A turn ended with this step, and what the search skipped so far.
    Turn(Step, Option<SearchLimit>),
    /// Its runs, and what stopped it.
    Runs(OutcomeSet, Option<SearchLimit>),
}

/// Whether [`explore_parallel`] runs two threads for `target` under `config` (else it is
/// [`explore`]): the default search where the stateful search applies.
fn side_by_side<T: Target>(target: &T, config: &DporConfig) -> bool {
    config.search == SearchAlgorithm::Auto
        && config.max_executions >= AUTO_STATEFUL_BUDGET
        && Stateful::applies(target, config)
}

/// [`explore`] of `root`, with the default search's two searches on two threads where they run
/// side by side, each on a target `make` builds (equal to `root`; `None` if it cannot, and the
/// search runs on this thread); the same result as [`explore`].
pub fn explore_parallel<T: Target, F: Fn() -> Option<T> + Sync>(
    root: T,
    make: F,
    config: &DporConfig,
) -> ExploreResult {
    let first = DporConfig {
        max_executions: config.dpor_share(),
        ..config.clone()
    };
    // A final root (its one run), or a search that does not run side by side: one thread.
    if !side_by_side(&root, config) || Search::start(root.clone(), &first).1 {
        return explore(root, config);
    }
    let (to_dpor, dpor_in) = channel::<DporCmd>();
    let (dpor_out, from_dpor) = channel::<DporReply>();
    let (to_stateful, stateful_in) = channel::<StatefulCmd>();
    let (stateful_out, from_stateful) = channel::<StatefulReply>();
    let cancel = AtomicBool::new(false);
    let result = std::thread::scope(|scope| {
        let (make, cancel) = (&make, &cancel);
        scope.spawn(move || dpor_thread(make, config, cancel, dpor_in, dpor_out));
        scope.spawn(move || stateful_thread(make, config, stateful_in, stateful_out));
        let channels = (&to_dpor, &from_dpor, &to_stateful, &from_stateful);
        let result = coordinate(cancel, channels);
        // Threads still waiting for a command end when their channel closes.
        drop((to_dpor, to_stateful));
        result
    });
    result.unwrap_or_else(|| explore(root, config))
}

/// The two threads' channels: to and from DPOR's, to and from the stateful search's.
type Channels<'a> = (
    &'a Sender<DporCmd>,
    &'a Receiver<DporReply>,
    &'a Sender<StatefulCmd>,
    &'a Receiver<StatefulReply>,
);

/// The decisions of the sequential side-by-side search, over the two threads' turns; `None`
/// when a thread is gone (it panicked: the caller searches again on one thread).
fn coordinate(
    cancel: &AtomicBool,
    (to_dpor, from_dpor, to_stateful, from_stateful): Channels<'_>,
) -> Option<ExploreResult> {
    let dpor_runs = |cmd: DporCmd| -> Option<(OutcomeSet, Option<SearchLimit>)> {
        to_dpor.send(cmd).ok()?;
        match from_dpor.recv().ok()? {
            DporReply::Runs(runs, limit) => Some((runs, limit)),
            DporReply::Turn { .. } => None,
        }
    };
    let stateful_runs = |cmd: StatefulCmd| -> Option<(OutcomeSet, Option<SearchLimit>)> {
        to_stateful.send(cmd).ok()?;
        match from_stateful.recv().ok()? {
            StatefulReply::Runs(runs, limit) => Some((runs, limit)),
            StatefulReply::Turn(..) => None,
        }
    };
    // DPOR's turn 0 is empty: the stateful search's short first turn comes first.
    let mut dpor = (false, None, 0);
    loop {
        let (over, limit, steps) = dpor;
        if over {
            // DPOR over in its turn; the stateful search made every turn before it.
            return Some(match limit {
                None => {
                    let (runs, _) = dpor_runs(DporCmd::Finish(None))?;
                    let (all, _) = stateful_runs(StatefulCmd::Check(runs, steps))?;
                    all.finish(None)
                }
                // DPOR at a budget, or at a bound the stateful search does not need (it lets
                // tickers fire early without bound and a goroutine go on at once after
                // `runtime.Gosched`): the stateful search goes on alone.
                Some(
                    SearchLimit::MaxExecutions
                    | SearchLimit::MaxTotalSteps
                    | SearchLimit::EarlyTicks
                    | SearchLimit::Fairness,
                ) => {
                    let (runs, _) = dpor_runs(DporCmd::Finish(None))?;
                    let (all, limit) = stateful_runs(StatefulCmd::Alone(runs))?;
                    all.finish(limit)
                }
                Some(_) => {
                    let (theirs, _) = stateful_runs(StatefulCmd::Give)?;
                    let (all, limit) = dpor_runs(DporCmd::Finish(Some(theirs)))?;
                    all.finish(limit)
                }
            });
        }
        // The stateful search's turn j, and DPOR's turn j + 1 ahead of it.
        to_stateful.send(StatefulCmd::Turn).ok()?;
        to_dpor.send(DporCmd::Turn).ok()?;
        let (step, stateful_limit) = match from_stateful.recv().ok()? {
            StatefulReply::Turn(step, limit) => (step, limit),
            StatefulReply::Runs(..) => return None,
        };
        if step != Step::Paused {
            // DPOR's turn j + 1 never happens: stop it early.
            cancel.store(true, Ordering::Relaxed);
        }
        let next = match from_dpor.recv().ok()? {
            DporReply::Turn { over, limit, steps } => (over, limit, steps),
            DporReply::Runs(..) => return None,
        };
        match step {
            Step::Paused => dpor = next,
            Step::Over if stateful_limit.is_none() => {
                let (runs, _) = dpor_runs(DporCmd::RunsAtCopy)?;
                let (all, limit) = stateful_runs(StatefulCmd::Finish(runs))?;
                return Some(all.finish(limit));
            }
            _ => {
                let (theirs, _) = stateful_runs(StatefulCmd::Give)?;
                let (all, limit) = dpor_runs(DporCmd::AloneFromCopy(theirs))?;
                return Some(all.finish(limit));
            }
        }
    }
}

/// The DPOR thread: its own target, DPOR within its share of the executions budget.
fn dpor_thread<T: Target, F: Fn() -> Option<T>>(
    make: &F,
    config: &DporConfig,
    cancel: &AtomicBool,
    commands: Receiver<DporCmd>,
    replies: Sender<DporReply>,
) {
    let first = DporConfig {
        max_executions: config.dpor_share(),
        ..config.clone()
    };
    let Some(target) = make() else { return };
    let (mut search, _) = Search::start(target, &first);
    let turn = config.turn_steps.0.max(1);
    let mut copy: Option<Search<T>> = None;
    while let Ok(cmd) = commands.recv() {
        let reply = match cmd {
            DporCmd::Turn => {
                copy = Some(search.clone());
                let end = search.total_steps().saturating_add(turn);
                let over = loop {
                    let stop = end.min(search.total_steps().saturating_add(CANCEL_CHECK_STEPS));
                    let over = search.run(stop);
                    if over || stop == end || cancel.load(Ordering::Relaxed) {
                        break over;
                    }
                };
                DporReply::Turn {
                    over,
                    limit: search.limit(),
                    steps: search.total_steps(),
                }
            }
            DporCmd::RunsAtCopy => {
                let at_copy = copy.take().unwrap_or(search);
                let _ = replies.send(DporReply::Runs(at_copy.into_outcomes(), None));
                return;
            }
            DporCmd::AloneFromCopy(theirs) => {
                let mut alone = copy.take().unwrap_or(search);
                alone.absorb(&theirs);
                alone.set_max_executions(config.max_executions);
                alone.run(u64::MAX);
                let limit = alone.limit();
                let _ = replies.send(DporReply::Runs(alone.into_outcomes(), limit));
                return;
            }
            DporCmd::Finish(theirs) => {
                if let Some(theirs) = theirs {
                    search.absorb(&theirs);
                }
                let limit = search.limit();
                let _ = replies.send(DporReply::Runs(search.into_outcomes(), limit));
                return;
            }
        };
        if replies.send(reply).is_err() {
            return;
        }
    }
}

/// The stateful thread: its own target, the stateful search within the whole budget.
fn stateful_thread<T: Target, F: Fn() -> Option<T>>(
    make: &F,
    config: &DporConfig,
    commands: Receiver<StatefulCmd>,
    replies: Sender<StatefulReply>,
) {
    let Some(target) = make() else { return };
    let mut search = Stateful::start(target, config, OutcomeSet::new());
    let mut turn = first_stateful_turn(config);
    while let Ok(cmd) = commands.recv() {
        let (runs, limit) = match cmd {
            StatefulCmd::Turn => {
                let step = search.run(search.total_steps().saturating_add(turn));
                turn = config.turn_steps.1.max(1);
                if replies
                    .send(StatefulReply::Turn(step, search.limit()))
                    .is_err()
                {
                    return;
                }
                continue;
            }
            StatefulCmd::Check(dpor, dpor_steps) => {
                let budget = check_budget(dpor_steps, config);
                let mut check = search.into_check(dpor, budget);
                if !(check.over() || check.total_steps() >= budget) {
                    check.run(u64::MAX);
                }
                (check.into_outcomes(), None)
            }
            StatefulCmd::Alone(dpor) => {
                search.absorb(&dpor);
                match search.run(u64::MAX) {
                    Step::Abandon(_) => {
                        // DPOR from the root, the runs found so far kept.
                        let found = search.into_outcomes();
                        let Some(target) = make() else { return };
                        let (mut dpor, finished) = Search::start_with(target, config, found);
                        if !finished {
                            dpor.run(u64::MAX);
                        }
                        let limit = dpor.limit();
                        (dpor.into_outcomes(), limit)
                    }
                    _ => {
                        let limit = search.limit();
                        (search.into_outcomes(), limit)
                    }
                }
            }
            StatefulCmd::Finish(dpor) => {
                search.absorb(&dpor);
                let limit = search.limit();
                (search.into_outcomes(), limit)
            }
            StatefulCmd::Give => (search.into_outcomes(), None),
        };
        let _ = replies.send(StatefulReply::Runs(runs, limit));
        return;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::{config::Config, machine::Machine};
    use crate::strategies::{Strategy, Workload};
    use std::rc::Rc;

    fn machine(source: &str, max_steps: u64) -> Machine {
        let program = crate::compile::compile(source).expect("test programs compile");
        Machine::new(
            Rc::new(program),
            Config {
                max_steps,
                ..Config::default()
            },
        )
    }

    /// On two threads, the default search gives exactly the one-thread result (outcomes,
    /// order, counts, schedules) whichever search decides: the stateful search complete first,
    /// DPOR complete first (then checked), DPOR at its share of the runs, the stateful search
    /// at its steps budget, DPOR at its steps budget, DPOR over in its first turn, the stateful
    /// search over in its short first turn, DPOR at the early-tick bound that the stateful
    /// search of a program hiding the clock lifts.
    #[test]
    fn two_threads_give_the_one_thread_result() {
        let mutex = Strategy::Mutex.source(Workload {
            goroutines: 3,
            ops_per_goroutine: 1,
            write_percent: 50,
            keys: 2,
        });
        let channel = Strategy::ChannelOwner.source(Workload {
            goroutines: 2,
            ops_per_goroutine: 2,
            write_percent: 50,
            keys: 2,
        });
        let configs = [
            (10, 40, u64::MAX, 2_000_000),
            (40, 1, u64::MAX, 2_000_000),
            (7, 13, u64::MAX, 2_000_000),
            (10, 40, 3, 2_000_000),
            (10, 40, u64::MAX, 300),
            (100, 1, u64::MAX, 300),
            (100_000, 1, u64::MAX, 2_000_000),
        ];
        let ticker = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\
             \ttk := time.NewTicker(100 * time.Millisecond)\n\tdefer tk.Stop()\n\
             \tfor i := 0; i < 3; i++ {\n\t\ttime.Sleep(50 * time.Millisecond)\n\t\tselect {\n\
             \t\tcase <-tk.C:\n\t\t\tfmt.Println(i, \"tick\")\n\t\tdefault:\n\
             \t\t\tfmt.Println(i, \"no tick\")\n\t\t}\n\t}\n}\n"
            .to_string();
        for source in [&mutex, &channel, &ticker] {
            for (dpor_turn, stateful_turn, stateful_after, max_total_steps) in configs {
                let config = DporConfig {
                    turn_steps: (dpor_turn, stateful_turn),
                    stateful_after,
                    max_total_steps,
                    ..DporConfig::default()
                };
                let one = explore(machine(source, 10_000), &config);
                let two = explore_parallel(
                    machine(source, 10_000),
                    || Some(machine(source, 10_000)),
                    &config,
                );
                assert_eq!(two, one, "{config:?} on\n{source}");
            }
        }
    }

    /// A spin loop makes the stateful search give up: DPOR goes on alone from where its turn
    /// left it, on two threads as on one.
    #[test]
    fn a_stateful_search_that_gives_up_leaves_dpor_the_same_result() {
        let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync/atomic\"\n)\n\n\
                      func main() {\n\tvar flag int32\n\tgo func() {\n\t\tatomic.StoreInt32(&flag, 1)\n\t}()\n\
                      \tfor atomic.LoadInt32(&flag) == 0 {\n\t}\n\tfmt.Println(\"done\")\n}\n";
        for turns in [(5, 5), (1, 50), (50, 1)] {
            let config = DporConfig {
                turn_steps: turns,
                ..DporConfig::default()
            };
            let one = explore(machine(source, 200), &config);
            let two =
                explore_parallel(machine(source, 200), || Some(machine(source, 200)), &config);
            assert_eq!(two, one, "{turns:?}");
            assert!(one.outcomes.iter().any(|o| o.stdout == "done\n"));
        }
    }
}
