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
//!
//! The decisions are [`super::coordinator`]'s state machine and each thread runs one of
//! [`super::sides`]' sides; the page runs the same three over two Web Workers' messages.

use super::coordinator::{Command, Coordinator, FromDpor, FromStateful, ToDpor, ToStateful};
use super::dpor::DporConfig;
use super::explorer::explore;
use super::outcome::ExploreResult;
use super::sides::{side_by_side, DporSide, StatefulSide};
use crate::target::Target;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};

/// Steps a side makes between two looks at the cancel flag.
const CANCEL_CHECK_STEPS: u64 = 500;

/// [`explore`] of `root`, with the default search's two searches on two threads where they run
/// side by side, each on a target `make` builds (equal to `root`; `None` if it cannot, and the
/// search runs on this thread); the same result as [`explore`].
pub fn explore_parallel<T: Target, F: Fn() -> Option<T> + Sync>(
    root: T,
    make: F,
    config: &DporConfig,
) -> ExploreResult {
    // A final root (its one run), or a search that does not run side by side: one thread.
    if !side_by_side(&root, config) {
        return explore(root, config);
    }
    let (to_dpor, dpor_in) = channel::<ToDpor>();
    let (dpor_out, from_dpor) = channel::<FromDpor>();
    let (to_stateful, stateful_in) = channel::<ToStateful>();
    let (stateful_out, from_stateful) = channel::<FromStateful>();
    let cancel = AtomicBool::new(false);
    let result = std::thread::scope(|scope| {
        let (make, cancel) = (&make, &cancel);
        scope.spawn(move || {
            let Some(target) = make() else { return };
            let mut side = DporSide::new(target, config);
            while let Ok(command) = dpor_in.recv() {
                side.command(command);
                let reply = loop {
                    if cancel.load(Ordering::Relaxed) {
                        side.cancel();
                    }
                    if let Some(reply) = side.advance(CANCEL_CHECK_STEPS) {
                        break reply;
                    }
                };
                let last = matches!(reply, FromDpor::Runs(..));
                if dpor_out.send(reply).is_err() || last {
                    return;
                }
            }
        });
        scope.spawn(move || {
            let Some(target) = make() else { return };
            let mut side = StatefulSide::new(target, config);
            while let Ok(command) = stateful_in.recv() {
                side.command(command);
                let reply = loop {
                    if let Some(reply) = side.advance(u64::MAX) {
                        break reply;
                    }
                };
                let last = matches!(reply, FromStateful::Runs(..));
                if stateful_out.send(reply).is_err() || last {
                    return;
                }
            }
        });
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
    &'a Sender<ToDpor>,
    &'a Receiver<FromDpor>,
    &'a Sender<ToStateful>,
    &'a Receiver<FromStateful>,
);

/// [`Coordinator`] over the threads' channels: each command sent to its thread, each reply
/// awaited from the side that owes one (the stateful search's first when both do, as it
/// decides whether DPOR's speculative turn is cancelled); `None` when a thread is gone (it
/// panicked: the caller searches again on one thread) or a reply does not fit the protocol.
fn coordinate(
    cancel: &AtomicBool,
    (to_dpor, from_dpor, to_stateful, from_stateful): Channels<'_>,
) -> Option<ExploreResult> {
    let (mut coordinator, mut send) = Coordinator::start();
    // Replies owed by each side.
    let (mut dpor_owes, mut stateful_owes) = (0u32, 0u32);
    loop {
        for command in send.drain(..) {
            match command {
                Command::Dpor(c) => {
                    to_dpor.send(c).ok()?;
                    dpor_owes += 1;
                }
                Command::Stateful(c) => {
                    to_stateful.send(c).ok()?;
                    stateful_owes += 1;
                }
            }
        }
        let next = if stateful_owes > 0 {
            stateful_owes -= 1;
            coordinator.from_stateful(from_stateful.recv().ok()?)
        } else if dpor_owes > 0 {
            dpor_owes -= 1;
            coordinator.from_dpor(from_dpor.recv().ok()?)
        } else {
            return None;
        }
        .ok()?;
        if next.cancel_dpor {
            cancel.store(true, Ordering::Relaxed);
        }
        if let Some(result) = next.result {
            return Some(result);
        }
        send = next.send;
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

    /// The sides and the coordinator over any transport: in slices of any size, the replies of
    /// the two sides delivered in either order, the result is the one-thread search's (what the
    /// page's two workers do with their messages).
    #[test]
    fn sides_in_slices_with_replies_in_any_order_give_the_one_thread_result() {
        use super::super::coordinator::{Command, Coordinator};
        let mutex = Strategy::Mutex.source(Workload {
            goroutines: 3,
            ops_per_goroutine: 1,
            write_percent: 50,
            keys: 2,
        });
        let spin = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync/atomic\"\n)\n\n\
                    func main() {\n\tvar flag int32\n\tgo func() {\n\t\tatomic.StoreInt32(&flag, 1)\n\t}()\n\
                    \tfor atomic.LoadInt32(&flag) == 0 {\n\t}\n\tfmt.Println(\"done\")\n}\n";
        let configs = [
            (10, 40, u64::MAX, 2_000_000),
            (40, 1, u64::MAX, 2_000_000),
            (10, 40, 3, 2_000_000),
            (10, 40, u64::MAX, 300),
            (100_000, 1, u64::MAX, 2_000_000),
        ];
        for (source, max_steps) in [(mutex.as_str(), 10_000), (spin, 200)] {
            for (dpor_turn, stateful_turn, stateful_after, max_total_steps) in configs {
                let config = DporConfig {
                    turn_steps: (dpor_turn, stateful_turn),
                    stateful_after,
                    max_total_steps,
                    ..DporConfig::default()
                };
                let root = machine(source, max_steps);
                let one = explore(root.clone(), &config);
                assert!(side_by_side(&root, &config));
                for (slice, stateful_first) in [(1, true), (7, false), (u64::MAX, false)] {
                    let mut dpor = DporSide::new(root.clone(), &config);
                    let mut stateful = StatefulSide::new(root.clone(), &config);
                    let (mut coordinator, mut send) = Coordinator::start();
                    let two = 'search: loop {
                        for command in send.drain(..) {
                            match command {
                                Command::Dpor(c) => dpor.command(c),
                                Command::Stateful(c) => stateful.command(c),
                            }
                        }
                        let (d, s) = (dpor.advance(slice), stateful.advance(slice));
                        let mut replies = Vec::new();
                        if stateful_first {
                            replies.extend(s.map(|r| coordinator.from_stateful(r)));
                            replies.extend(d.map(|r| coordinator.from_dpor(r)));
                        } else {
                            replies.extend(d.map(|r| coordinator.from_dpor(r)));
                            replies.extend(s.map(|r| coordinator.from_stateful(r)));
                        }
                        for next in replies {
                            let next = next.expect("the protocol");
                            if next.cancel_dpor {
                                dpor.cancel();
                            }
                            if let Some(result) = next.result {
                                break 'search result;
                            }
                            send.extend(next.send);
                        }
                    };
                    assert!(coordinator.done());
                    assert_eq!(two, one, "{config:?}, slices of {slice} on\n{source}");
                }
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
