//! The playback API as the visualizer drives it: stepping, going back, replaying a schedule,
//! and what the view shows at each step.

use proptest::prelude::*;
use proptest::strategy::Strategy as _;
use racemap::compile::compile;
use racemap::playback::view::{GoroutineState, TransferKind};
use racemap::playback::{Playback, PlaybackConfig, RunStop, SchedulerMode, StepError, View};
use racemap::rt::config::Config;
use racemap::rt::machine::Machine;
use racemap::run::{run, RunConfig};
use racemap::sched::{Choice, Schedule};
use racemap::strategies::{Strategy, Workload};
use std::rc::Rc;

fn source(s: Strategy) -> String {
    s.source(Workload::default())
}

fn seeded(seed: u64) -> PlaybackConfig {
    PlaybackConfig {
        scheduler: SchedulerMode::Seeded { seed },
        ..PlaybackConfig::default()
    }
}

fn playback(src: &str, config: PlaybackConfig) -> Playback {
    match Playback::new(src, config) {
        Ok(p) => p,
        Err(d) => panic!("test program does not compile: {d:?}"),
    }
}

/// What `racemap run --schedule S` prints on stderr for this program.
fn cli_stderr(src: &str, schedule: &str) -> (String, Option<i32>) {
    let program = Rc::new(compile(src).expect("compiles"));
    let machine = Machine::new(program, Config::default());
    let config = RunConfig {
        schedule: Some(Schedule::decode(schedule).expect("decodes")),
        ..RunConfig::default()
    };
    let r = run(machine, &config);
    (r.stderr, r.exit_code)
}

/// A manual schedule that makes two goroutines write the map at once: move goroutines until
/// every one is about to start a write (a read while another write is in progress would crash
/// first), then start one and, while it is inside its write (the writing flag is set), start
/// another.
fn pick_for_concurrent_writes(p: &Playback) -> Option<Choice> {
    let choices = p.choices();
    let view = p.view();
    let writer = view.maps.first().and_then(|m| m.writer);
    let starting_write =
        |c: &&racemap::playback::ChoiceView| c.phrase.starts_with("starts writing");
    match writer {
        Some(w) => choices
            .iter()
            .filter(|c| c.go_id != w)
            .find(starting_write)
            .or_else(|| choices.iter().find(|c| c.go_id != w))
            .or(choices.first())
            .map(|c| c.choice),
        None => choices
            .iter()
            .find(|c| !starting_write(c))
            .or(choices.first())
            .map(|c| c.choice),
    }
}

#[test]
fn manual_schedule_shows_the_race_and_the_concurrent_map_writes_crash() {
    let src = source(Strategy::Unsynchronized);
    let mut p = playback(&src, PlaybackConfig::default());
    let first = p.view();
    assert_eq!(first.step, 0);
    assert!(
        first
            .announcement
            .starts_with("step 0: the main goroutine is ready"),
        "{}",
        first.announcement
    );
    let mut saw_race_before_end = false;
    for _ in 0..500 {
        let Some(choice) = pick_for_concurrent_writes(&p) else {
            break;
        };
        p.step(choice).expect("a listed choice is runnable");
        let v = p.view();
        if v.ended.is_none() && !v.races.is_empty() {
            saw_race_before_end = true;
        }
    }
    let v = p.view();
    let ended = v.ended.clone().expect("the run ended");
    assert_eq!(ended.exit_code, 2);
    assert_eq!(
        ended.first_error_line.as_deref(),
        Some("fatal error: concurrent map writes")
    );
    assert!(saw_race_before_end, "the race is reported before the crash");
    assert_eq!(v.races.len(), 1);
    let race = &v.races[0];
    assert_eq!(race.location, "m");
    assert_ne!(race.current.go_id, race.previous.go_id);
    assert!(race.current.line > 0 && race.previous.line > 0);
    assert!(race.current.step.is_some() && race.previous.step.is_some());
    assert!(v.timeline.iter().filter(|e| e.racing).count() >= 2);
    assert!(v.console.stderr.contains("WARNING: DATA RACE"));
    assert!(v
        .console
        .stderr
        .contains("fatal error: concurrent map writes"));
    assert!(
        v.announcement
            .ends_with("stops the program: fatal error: concurrent map writes"),
        "{}",
        v.announcement
    );
    assert_eq!(v.maps.len(), 1);
    assert_eq!(v.maps[0].name, "m");
    // The console is exactly what the CLI prints for the same schedule.
    let (stderr, code) = cli_stderr(&src, &p.schedule());
    assert_eq!(v.console.stderr, stderr);
    assert_eq!(code, Some(2));
    assert!(p.choices().is_empty());
    assert_eq!(p.step_auto(), Err(StepError::Ended));
}

#[test]
fn mutex_program_never_reports_a_race_under_twenty_seeds() {
    let src = source(Strategy::Mutex);
    for seed in 0..20 {
        let mut p = playback(&src, seeded(seed));
        assert_eq!(p.run_to_next_race_or_error(), RunStop::Ended, "seed {seed}");
        let v = p.view();
        assert!(v.races.is_empty(), "seed {seed}: {:?}", v.races);
        assert_eq!(
            v.ended.as_ref().map(|e| e.exit_code),
            Some(0),
            "seed {seed}"
        );
        assert_eq!(v.console.stdout, "keys: 2\n");
        assert!(v.locks.iter().any(|l| l.name == "c.mu"), "{:?}", v.locks);
        assert!(v
            .arrows
            .iter()
            .any(|a| a.kind == racemap::playback::timeline::ArrowKind::UnlockLock));
    }
}

#[test]
fn seeded_playback_matches_racemap_run_with_the_same_seed() {
    let src = source(Strategy::Unsynchronized);
    for seed in 0..5 {
        let mut p = playback(&src, seeded(seed));
        p.run_to_next_race_or_error();
        while p.step_auto().is_ok() {}
        let program = Rc::new(compile(&src).expect("compiles"));
        let r = run(
            Machine::new(program, Config::default()),
            &RunConfig {
                seed,
                ..RunConfig::default()
            },
        );
        let v = p.view();
        assert_eq!(p.schedule(), r.schedule.encode(), "seed {seed}");
        assert_eq!(v.console.stderr, r.stderr, "seed {seed}");
        assert_eq!(v.ended.map(|e| e.exit_code), r.exit_code);
    }
}

#[test]
fn a_message_is_followed_through_the_channel_owner() {
    let src = source(Strategy::ChannelOwner);
    let mut p = playback(&src, seeded(3));
    // Step until a worker is parked sending a request on `cmds`.
    let mut in_flight = None;
    for _ in 0..200 {
        let v = p.view();
        if let Some(c) = v.chans.iter().find(|c| c.name == "cmds") {
            if let Some(m) = c.in_flight.first() {
                in_flight = Some(m.clone());
                break;
            }
        }
        p.step_auto().expect("runs");
    }
    let message = in_flight.expect("a request is in flight on cmds");
    // Go's %+v names the fields; the reply channel is named after the worker's variable `resp`
    // from the moment it is made (the first worker's `resp`, the next ones' `resp (2)`, …).
    assert!(message.value.starts_with("{key:k"), "{}", message.value);
    assert!(
        message.value.contains(" response:resp"),
        "{}",
        message.value
    );
    // Step until that sender's message is handed over.
    let mut delivered = None;
    for _ in 0..200 {
        p.step_auto().expect("runs");
        let v = p.view();
        let cmds = v.chans.iter().find(|c| c.name == "cmds").expect("cmds");
        if let Some(t) = cmds
            .last_transfer
            .iter()
            .find(|t| t.message.from == message.from)
        {
            delivered = Some((t.clone(), v.clone()));
            break;
        }
    }
    let (t, v) = delivered.expect("the message is received");
    assert_eq!(t.kind, TransferKind::Handoff);
    // The same request, with the same reply channel, word for word.
    assert_eq!(t.message.value, message.value);
    let receiver = t.message.to.expect("a receiver");
    let worker = v
        .goroutines
        .iter()
        .find(|g| g.go_id == receiver)
        .expect("receiver listed");
    assert!(worker.stack.iter().any(|f| f.func == "main.cacheWorker"));
    assert!(v.arrows.iter().any(
        |a| a.kind == racemap::playback::timeline::ArrowKind::SendReceive
            || a.kind == racemap::playback::timeline::ArrowKind::GoStart
    ));
    assert!(v.announcement.contains("on cmds"), "{}", v.announcement);
}

#[test]
fn blocked_goroutines_show_what_they_wait_for() {
    let src = source(Strategy::Mutex);
    // Find a seed where someone waits for c.mu, and check the lock panel lists them.
    let mut seen = false;
    for seed in 0..20 {
        let mut p = playback(&src, seeded(seed));
        for _ in 0..300 {
            if p.step_auto().is_err() {
                break;
            }
            let v = p.view();
            if let Some(lock) = v.locks.iter().find(|l| !l.waiting.is_empty()) {
                assert!(lock.holder.is_some());
                let waiter = lock.waiting[0];
                let g = v
                    .goroutines
                    .iter()
                    .find(|g| g.go_id == waiter)
                    .expect("listed");
                assert_eq!(
                    g.state,
                    GoroutineState::Blocked {
                        reason: "sync.Mutex.Lock".into(),
                        on: Some("c.mu".into())
                    }
                );
                seen = true;
                break;
            }
        }
        if seen {
            break;
        }
    }
    assert!(seen, "some seed makes a goroutine wait for c.mu");
}

#[test]
fn replaying_the_schedule_reaches_the_identical_view() {
    for strategy in Strategy::ALL {
        let src = source(strategy);
        let mut p = playback(&src, seeded(7));
        for _ in 0..40 {
            if p.step_auto().is_err() {
                break;
            }
        }
        let v = p.view();
        let mut q = playback(
            &src,
            PlaybackConfig {
                scheduler: SchedulerMode::Replay {
                    schedule: p.schedule(),
                },
                ..PlaybackConfig::default()
            },
        );
        assert_eq!(q.goto(p.cursor()), Ok(()));
        assert_eq!(q.view(), v, "{strategy:?}");
        // The replayed schedule is exhausted here.
        if v.ended.is_none() {
            assert_eq!(q.step_auto(), Err(StepError::ScheduleExhausted));
        }
    }
}

/// What a shared link does: the moves of a seeded run where the user also picked goroutines,
/// made again on a fresh playback, reach the same view, and the seeded scheduler then goes on
/// exactly as it would have in the original run.
#[test]
fn replayed_moves_of_a_mixed_seeded_run_continue_like_the_original() {
    for strategy in Strategy::ALL {
        let src = source(strategy);
        let mut original = playback(&src, seeded(5));
        for i in 0..30 {
            let moved = if i % 3 == 1 {
                // The user picks the last runnable goroutine.
                match original.choices().last() {
                    Some(c) => original.step(c.choice),
                    None => break,
                }
            } else {
                original.step_auto()
            };
            if moved.is_err() {
                break;
            }
        }
        let mut reopened = playback(&src, seeded(5));
        assert_eq!(reopened.replay_moves(&original.schedule()), Ok(()));
        assert_eq!(reopened.view(), original.view(), "{strategy:?}");
        for _ in 0..20 {
            let (a, b) = (original.step_auto(), reopened.step_auto());
            assert_eq!(a, b, "{strategy:?}");
            if a.is_err() {
                break;
            }
        }
        assert_eq!(
            reopened.view(),
            original.view(),
            "{strategy:?} after more seeded steps"
        );
    }
}

#[test]
fn the_same_seed_gives_the_same_views() {
    let src = source(Strategy::SyncMap);
    let run_views = || {
        let mut p = playback(&src, seeded(11));
        let mut out = Vec::new();
        for _ in 0..60 {
            if p.step_auto().is_err() {
                break;
            }
            out.push(serde_json::to_string(&p.view()).expect("serializes"));
        }
        out
    };
    let a = run_views();
    assert!(a.len() > 10);
    assert_eq!(a, run_views());
}

#[test]
fn sync_map_internals_are_shown() {
    let src = source(Strategy::SyncMap);
    let mut p = playback(&src, seeded(1));
    let mut saw_dirty = false;
    let mut saw_read = false;
    while p.step_auto().is_ok() {
        let v = p.view();
        let Some(sm) = v.sync_maps.first() else {
            continue;
        };
        if sm.dirty.as_ref().is_some_and(|d| !d.is_empty()) && sm.amended {
            saw_dirty = true;
        }
        if !sm.read.is_empty() {
            saw_read = true;
        }
    }
    assert!(saw_dirty, "new keys go to dirty with amended set");
    assert!(saw_read, "a promotion or Range moves keys into read");
    assert_eq!(p.view().ended.map(|e| e.exit_code), Some(0));
}

#[test]
fn bad_input_gives_diagnostics_or_errors_not_panics() {
    let err = Playback::new(
        "package main\n\nfunc main() {\n\tx := 1\n}\n",
        PlaybackConfig::default(),
    )
    .expect_err("does not compile");
    assert_eq!(err[0].message, "x declared but not used");
    let bad_schedule = Playback::new(
        &source(Strategy::Mutex),
        PlaybackConfig {
            scheduler: SchedulerMode::Replay {
                schedule: "not a schedule".into(),
            },
            ..PlaybackConfig::default()
        },
    );
    assert!(bad_schedule.is_err());
    let mut p = playback(&source(Strategy::Mutex), PlaybackConfig::default());
    assert_eq!(p.back(), Err(StepError::AtStart));
    let nobody = Choice {
        gid: racemap::rt::event::Gid(42),
        alt: 0,
    };
    assert_eq!(p.step(nobody), Err(StepError::NotRunnable(nobody)));
    assert_eq!(p.goto(u64::MAX), Err(StepError::OutOfRange(u64::MAX)));
    // A program that loops forever hits the step limit, with the CLI's message.
    let mut looping = playback(
        "package main\n\nvar n int\n\nfunc main() {\n\tgo func() {\n\t\tfor {\n\t\t\tn++\n\t\t}\n\t}()\n\tfor {\n\t\tn++\n\t}\n}\n",
        PlaybackConfig {
            max_steps: 50,
            ..seeded(1)
        },
    );
    assert_eq!(looping.goto(50), Ok(()));
    assert_eq!(looping.run_to_next_race_or_error(), RunStop::Ended);
    let v = looping.view();
    assert_eq!(v.ended.map(|e| e.exit_code), Some(3));
    assert!(v.console.stderr.contains("step limit of 50"));
    assert_eq!(looping.goto(51), Err(StepError::OutOfRange(51)));
}

#[test]
fn a_long_trace_steps_and_goes_back_with_bounded_replay() {
    let src = "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar mu sync.Mutex\n\tn := 0\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 2; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tfor j := 0; j < 400; j++ {\n\t\t\t\tmu.Lock()\n\t\t\t\tn++\n\t\t\t\tmu.Unlock()\n\t\t\t}\n\t\t}()\n\t}\n\twg.Wait()\n}\n";
    let interval = 32;
    let mut p = playback(
        src,
        PlaybackConfig {
            checkpoint_interval: interval,
            ..seeded(5)
        },
    );
    assert_eq!(p.goto(2000), Ok(()));
    assert_eq!(p.cursor(), 2000);
    assert_eq!(p.replayed_steps(), 0, "going forward replays nothing");
    let at_end = p.view();
    assert_eq!(at_end.timeline.len(), 2000);
    for i in (0..2000).rev() {
        assert_eq!(p.back(), Ok(()));
        assert_eq!(p.cursor(), i);
    }
    assert!(
        p.replayed_steps() <= 2000 * (interval - 1),
        "replayed {} steps",
        p.replayed_steps()
    );
    // Forward again redoes the recorded moves: the same view at 2000.
    let before = p.replayed_steps();
    assert_eq!(p.goto(2000), Ok(()));
    assert_eq!(p.replayed_steps(), before);
    assert_eq!(p.view(), at_end);
    // Jumping back far costs at most one interval.
    assert_eq!(p.goto(1000), Ok(()));
    assert!(p.replayed_steps() - before < interval);
}

#[test]
fn a_different_move_after_going_back_discards_the_future() {
    let src = source(Strategy::Unsynchronized);
    let mut p = playback(&src, PlaybackConfig::default());
    for _ in 0..6 {
        p.step_auto().expect("runs");
    }
    p.goto(3).expect("back");
    assert_eq!(p.recorded_steps(), 6);
    let choices = p.choices();
    let recorded = {
        let mut q = playback(&src, PlaybackConfig::default());
        for _ in 0..4 {
            q.step_auto().expect("runs");
        }
        q.schedule()
    };
    if let Some(other) = choices.iter().map(|c| c.choice).find(|c| {
        let mut q = p.clone();
        q.step(*c).is_ok() && q.schedule() != recorded
    }) {
        p.step(other).expect("runnable");
        assert_eq!(p.recorded_steps(), 4);
    }
    p.reset();
    assert_eq!(p.cursor(), 0);
    assert_eq!(p.recorded_steps(), 0);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Step then back restores exactly the previous view, over random schedules.
    #[test]
    fn back_restores_the_previous_view(
        strategy in 0usize..6,
        seed in any::<u64>(),
        steps in 1usize..60,
        interval in 1u64..8,
    ) {
        let src = source(Strategy::ALL[strategy]);
        let mut p = playback(&src, PlaybackConfig { checkpoint_interval: interval, ..seeded(seed) });
        for _ in 0..steps {
            let before: View = p.view();
            if p.step_auto().is_err() {
                break;
            }
            let after = p.view();
            prop_assert_eq!(p.back(), Ok(()));
            prop_assert_eq!(&p.view(), &before);
            prop_assert_eq!(p.step_auto(), Ok(()));
            prop_assert_eq!(&p.view(), &after);
        }
    }
}

/// What the live region reads at each step of the manual crash schedule.
#[test]
fn announcements_read_the_crash_schedule_aloud() {
    let src = source(Strategy::Unsynchronized);
    let mut p = playback(&src, PlaybackConfig::default());
    let mut lines = vec![p.view().announcement];
    for _ in 0..500 {
        let Some(choice) = pick_for_concurrent_writes(&p) else {
            break;
        };
        p.step(choice).expect("runnable");
        let v = p.view();
        lines.push(format!("{:>2}: {}", v.step, v.announcement));
    }
    expect_test::expect![[r#"
        step 0: the main goroutine is ready; next, it calls wg.Add(1) (line 30)
         1: main goroutine calls wg.Add(1) (counter 1)
         2: main goroutine starts goroutine 7
         3: main goroutine calls wg.Add(1) (counter 2)
         4: main goroutine starts goroutine 8
         5: main goroutine waits in wg.Wait(); main goroutine waits for wg
         6: goroutine 7 reads m["k0"]
         7: goroutine 8 reads m["k1"]
         8: goroutine 7 starts writing m["k1"] (writing flag set); data race on m between goroutine 7 and goroutine 8
         9: goroutine 8 tries to write m["k0"]; goroutine 8 stops the program: fatal error: concurrent map writes"#]]
    .assert_eq(&lines.join("\n"));
}

#[test]
fn rwmutex_shows_readers_and_a_pending_writer() {
    // Enough operations that the goroutines overlap: seeded runs schedule as Go does, where a
    // goroutine runs until it blocks and the second P joins later.
    let src = Strategy::RwMutex.source(Workload {
        goroutines: 3,
        ops_per_goroutine: 30,
        write_percent: 50,
        keys: 2,
    });
    let mut seen = false;
    for seed in 0..40 {
        let mut p = playback(&src, seeded(seed));
        while p.step_auto().is_ok() {
            let v = p.view();
            for lock in &v.locks {
                assert_eq!(lock.kind, "RWMutex");
                assert!(lock.holder.is_none() || lock.readers.is_empty());
                // A pending writer waits while readers hold the lock (once they left it can
                // finish locking).
                if let Some(w) = lock.pending_writer.filter(|_| !lock.readers.is_empty()) {
                    let g = v.goroutines.iter().find(|g| g.go_id == w).expect("listed");
                    assert_eq!(
                        g.state,
                        GoroutineState::Blocked {
                            reason: "sync.RWMutex.Lock".into(),
                            on: Some("c.mu".into())
                        }
                    );
                    seen = true;
                }
            }
        }
        assert!(p.view().races.is_empty());
    }
    assert!(seen, "some seed makes a writer wait for readers");
}

#[test]
fn without_race_detection_only_the_crash_is_printed() {
    let src = source(Strategy::Unsynchronized);
    let mut p = playback(
        &src,
        PlaybackConfig {
            race_detection: false,
            ..PlaybackConfig::default()
        },
    );
    while let Some(choice) = pick_for_concurrent_writes(&p) {
        p.step(choice).expect("runnable");
    }
    let v = p.view();
    assert!(v.races.is_empty());
    assert!(!v.console.stderr.contains("DATA RACE"));
    assert!(v
        .console
        .stderr
        .starts_with("fatal error: concurrent map writes"));
}

/// One thing a user does with the controls.
#[derive(Clone, Debug)]
enum Action {
    /// Pick the n-th listed choice (modulo their number).
    Pick(usize),
    Auto,
    Back,
    /// Go to `cursor + delta - 8`.
    Goto(u64),
    RunToRace,
    Reset,
}

fn action() -> impl proptest::strategy::Strategy<Value = Action> {
    prop_oneof![
        4 => (0usize..4).prop_map(Action::Pick),
        3 => Just(Action::Auto),
        2 => Just(Action::Back),
        1 => (0u64..16).prop_map(Action::Goto),
        1 => Just(Action::RunToRace),
        1 => Just(Action::Reset),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// Whatever the user clicks, the view at the cursor is the view a fresh playback reaches by
    /// replaying `schedule()`.
    #[test]
    fn any_click_sequence_keeps_the_view_reproducible(
        strategy in 0usize..6,
        seed in 0u64..1000,
        interval in 1u64..6,
        actions in proptest::collection::vec(action(), 1..40),
    ) {
        let src = source(Strategy::ALL[strategy]);
        let mut p = playback(&src, PlaybackConfig { checkpoint_interval: interval, ..seeded(seed) });
        for a in actions {
            match a {
                Action::Pick(n) => {
                    let choices = p.choices();
                    if !choices.is_empty() {
                        prop_assert_eq!(p.step(choices[n % choices.len()].choice), Ok(()));
                    }
                }
                Action::Auto => { let _ = p.step_auto(); }
                Action::Back => { let _ = p.back(); }
                Action::Goto(d) => { let _ = p.goto((p.cursor() + d).saturating_sub(8)); }
                Action::RunToRace => { p.run_to_next_race_or_error(); }
                Action::Reset => p.reset(),
            }
            prop_assert!(p.cursor() <= p.recorded_steps());
            let v = p.view();
            prop_assert_eq!(v.step, p.cursor());
            prop_assert_eq!(v.timeline.len() as u64, p.cursor());
            let mut fresh = playback(&src, PlaybackConfig {
                scheduler: SchedulerMode::Replay { schedule: p.schedule() },
                ..PlaybackConfig::default()
            });
            prop_assert_eq!(fresh.goto(p.cursor()), Ok(()));
            prop_assert_eq!(&fresh.view(), &v);
        }
    }
}

#[test]
fn a_range_loop_over_a_named_map_is_described_by_name() {
    let src = "package main\n\nimport \"fmt\"\n\nvar totals = map[string]int{\"a\": 1, \"b\": 2}\n\nfunc main() {\n\tsum := 0\n\tfor _, v := range totals {\n\t\tsum += v\n\t}\n\tfmt.Println(sum)\n}\n";
    let mut p = playback(src, PlaybackConfig::default());
    let mut phrases = Vec::new();
    while let Some(c) = p.choices().first().cloned() {
        phrases.push(c.phrase.clone());
        p.step(c.choice).expect("runnable");
    }
    assert!(
        phrases
            .iter()
            .any(|ph| ph == "takes the next step of range totals"),
        "{phrases:?}"
    );
    let v = p.view();
    assert_eq!(v.console.stdout, "3\n");
    assert_eq!(v.maps[0].name, "totals");
    assert!(v
        .timeline
        .iter()
        .any(|e| e.phrase.starts_with("iterates totals at key")));
}

#[test]
fn a_sent_struct_is_shown_as_it_was_sent() {
    let src = "package main\n\nimport \"fmt\"\n\ntype msg struct {\n\txs []int\n}\n\nfunc main() {\n\tch := make(chan msg, 1)\n\txs := []int{1, 2}\n\tch <- msg{xs}\n\txs[0] = 9\n\tm := <-ch\n\tfmt.Println(m.xs[0])\n}\n";
    let mut p = playback(src, PlaybackConfig::default());
    while p.step_auto().is_ok() {}
    let v = p.view();
    assert_eq!(v.console.stdout, "9\n");
    let phrases: Vec<&str> = v.timeline.iter().map(|e| e.phrase.as_str()).collect();
    assert!(phrases.contains(&"sends {xs:[1 2]} on ch"), "{phrases:?}");
    assert!(
        phrases.contains(&"receives {xs:[9 2]} on ch"),
        "{phrases:?}"
    );
}

#[test]
fn every_object_of_every_strategy_has_a_plain_source_name_by_the_end() {
    for s in Strategy::ALL {
        let mut p = playback(&source(s), seeded(1));
        while p.step_auto().is_ok() {}
        let v = p.view();
        let names: Vec<&str> = v
            .maps
            .iter()
            .map(|m| m.name.as_str())
            .chain(v.locks.iter().map(|l| l.name.as_str()))
            .chain(v.sync_maps.iter().map(|m| m.name.as_str()))
            .chain(v.wait_groups.iter().map(|w| w.name.as_str()))
            // Each worker's reply channel is a `resp`: `resp`, `resp (2)`…
            .chain(
                v.chans
                    .iter()
                    .filter(|c| !c.name.starts_with("resp"))
                    .map(|c| c.name.as_str()),
            )
            .collect();
        for name in &names {
            assert!(
                !name.contains(['#', '@', '(']) && !name.starts_with("unnamed"),
                "{s:?}: {name} in {names:?}"
            );
        }
        let phrases: Vec<&str> = v.timeline.iter().map(|e| e.phrase.as_str()).collect();
        assert!(
            !phrases.iter().any(|p| p.contains(['#', '@'])),
            "{s:?}: {phrases:?}"
        );
    }
}

#[test]
fn the_shards_of_a_sharded_map_are_named_by_their_path() {
    let mut p = playback(&source(Strategy::Sharded), seeded(1));
    while p.step_auto().is_ok() {}
    let v = p.view();
    let mut locks: Vec<&str> = v.locks.iter().map(|l| l.name.as_str()).collect();
    locks.sort();
    assert_eq!(locks, ["s.shards[0].mu", "s.shards[1].mu"]);
    let mut maps: Vec<&str> = v.maps.iter().map(|m| m.name.as_str()).collect();
    maps.sort();
    assert_eq!(maps, ["s.shards[0].data", "s.shards[1].data"]);
}

/// A package-level map variable: its reads are steps (a local one nothing assigns is read by
/// fixed loads, no steps).
#[test]
fn the_variable_holding_a_map_is_read_as_a_variable_not_as_the_map() {
    let src = "package main\n\nimport \"sync\"\n\nvar m = map[string]int{}\n\n\
               func main() {\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 2; i++ {\n\
               \t\twg.Add(1)\n\t\tgo func(id int) {\n\t\t\tdefer wg.Done()\n\
               \t\t\tk := \"k\"\n\t\t\tm[k] = id\n\t\t}(i)\n\t}\n\twg.Wait()\n}\n";
    let mut p = playback(src, seeded(1));
    while p.step_auto().is_ok() {}
    let v = p.view();
    let write_line = src_line(src, "m[k] = id");
    let on_write_line: Vec<&str> = v
        .timeline
        .iter()
        .filter(|e| e.line == write_line)
        .map(|e| e.phrase.as_str())
        .collect();
    assert!(
        on_write_line.contains(&"reads variable m"),
        "{on_write_line:?}"
    );
    assert!(
        on_write_line
            .iter()
            .any(|p| p.starts_with("starts writing m[")),
        "{on_write_line:?}"
    );
}

fn src_line(src: &str, text: &str) -> u32 {
    src.lines().position(|l| l.contains(text)).expect("line") as u32 + 1
}

/// A range loop's first step offers one choice per distinct iteration order (Go's random
/// start), named by the key it starts at; each gives its rotation.
#[test]
fn range_start_is_a_choice_per_distinct_order() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tm := map[string]int{\"a\": 1, \"b\": 2, \"c\": 3}\n\ts := \"\"\n\tfor k := range m {\n\t\ts += k\n\t}\n\tfmt.Println(s)\n}\n";
    let p = playback(src, PlaybackConfig::default());
    let phrases: Vec<String> = p.choices().iter().map(|c| c.phrase.clone()).collect();
    assert_eq!(phrases.len(), 3, "{phrases:?}");
    for (phrase, key) in phrases.iter().zip(["a", "b", "c"]) {
        assert!(phrase.starts_with("starts range "), "{phrase}");
        assert!(phrase.ends_with(&format!(" at key \"{key}\"")), "{phrase}");
    }
    let mut printed = Vec::new();
    for i in 0..3 {
        let mut p = playback(src, PlaybackConfig::default());
        let c = p.choices()[i].choice;
        p.step(c).expect("runnable");
        while p.step_auto().is_ok() {}
        printed.push(p.view().console.stdout);
    }
    assert_eq!(printed, ["abc\n", "bca\n", "cab\n"]);
}

/// Every object name the view shows, in panel order.
fn object_names(v: &View) -> Vec<String> {
    let mut names: Vec<String> = v.maps.iter().map(|m| m.name.clone()).collect();
    names.extend(v.sync_maps.iter().map(|m| m.name.clone()));
    names.extend(v.locks.iter().map(|l| l.name.clone()));
    names.extend(v.wait_groups.iter().map(|w| w.name.clone()));
    names.extend(v.other_sync.iter().map(|o| o.name.clone()));
    names.extend(v.chans.iter().map(|c| c.name.clone()));
    names
}

#[test]
fn objects_have_their_source_names_before_their_first_use() {
    // Local variables: nothing but `make` and declarations has touched them at the first step.
    let src = r#"package main

import "sync"

type counter struct {
	mu sync.Mutex
	n  int
}

func main() {
	m := make(map[string]int)
	done := make(chan bool, 1)
	c := &counter{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		c.mu.Lock()
		c.n++
		c.mu.Unlock()
		m["k"] = 1
		done <- true
		wg.Done()
	}()
	<-done
	wg.Wait()
}
"#;
    let p = playback(src, seeded(1));
    let v = p.view();
    assert_eq!(v.step, 0);
    let mut names = object_names(&v);
    names.sort();
    assert_eq!(names, ["c.mu", "done", "m", "wg"], "at step 0");
    // The presets, at every step of a run: no object is ever `unnamed …`.
    for strategy in Strategy::ALL {
        let mut p = playback(&source(strategy), seeded(2));
        loop {
            let v = p.view();
            for name in object_names(&v) {
                assert!(
                    !name.starts_with("unnamed"),
                    "{strategy:?} step {}: {name}",
                    v.step
                );
            }
            if v.ended.is_some() || p.step_auto().is_err() {
                break;
            }
        }
    }
}

/// The page's view of timers (`time.NewTimer`, its channel, armed or fired, the line that
/// made it) and of contexts (kind as written, line, cancel reason), and their steps in words.
#[test]
fn timers_and_contexts_are_shown() {
    let src = "package main\n\nimport (\n\t\"context\"\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tctx, cancel := context.WithCancel(context.Background())\n\tt := time.NewTimer(5 * time.Millisecond)\n\t<-t.C\n\tcancel()\n\t<-ctx.Done()\n\tfmt.Println(\"fired\")\n}\n";
    let mut p = playback(src, seeded(0));
    let (mut saw_armed, mut saw_fired, mut saw_canceled) = (false, false, false);
    while p.step_auto().is_ok() {
        let v = p.view();
        if let Some(t) = v.timers.first() {
            assert_eq!(t.made_by, "time.NewTimer");
            assert_eq!(t.line, 11, "made by time.NewTimer at line 11");
            // 5ms after it was armed; the page's clock runs a microsecond per step.
            assert!(
                (5_000_000..5_100_000).contains(&t.deadline),
                "{}",
                t.deadline
            );
            assert!(t.chan.is_some(), "a channel timer names its channel");
            saw_armed |= t.armed && t.fired == 0;
            saw_fired |= !t.armed && t.fired == 1 && t.now >= t.deadline;
        }
        if let Some(c) = v.contexts.iter().find(|c| c.name == "ctx") {
            assert_eq!(c.made_by, "context.WithCancel");
            assert_eq!(c.line, Some(10));
            assert_eq!(c.deadline, None);
            saw_canceled |= c.error.as_deref() == Some("context canceled");
        }
    }
    assert!(saw_armed && saw_fired && saw_canceled);
    assert_eq!(p.view().console.stdout, "fired\n");
    let phrases: Vec<String> = p.view().timeline.iter().map(|e| e.phrase.clone()).collect();
    for words in [
        "starts a 5ms timer (time.NewTimer at line 11)",
        "the timer fires: sends the time on t.C",
        "cancel() cancels ctx (context canceled)",
    ] {
        assert!(
            phrases.iter().any(|s| s == words),
            "{words:?} in {phrases:#?}"
        );
    }
    assert!(
        !phrases.iter().any(|s| s.contains("ns") || s.contains('@')),
        "no debug words: {phrases:#?}"
    );
}

/// A `context.WithTimeout` context is shown as written, and canceled by its deadline with
/// `context deadline exceeded`; the steps say so in words.
#[test]
fn a_timeout_context_is_canceled_by_its_deadline_in_words() {
    let src = "package main\n\nimport (\n\t\"context\"\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)\n\tdefer cancel()\n\tselect {\n\tcase <-time.After(10 * time.Millisecond):\n\t\tfmt.Println(\"timer\")\n\tcase <-ctx.Done():\n\t\tfmt.Println(ctx.Err())\n\t}\n}\n";
    let mut p = playback(src, seeded(0));
    let mut saw_deadline = false;
    while p.step_auto().is_ok() {
        let v = p.view();
        if let Some(t) = v.timers.iter().find(|t| t.made_by == "time.After") {
            assert_eq!(t.line, 13);
        }
        if let Some(c) = v.contexts.iter().find(|c| c.name == "ctx") {
            assert_eq!(c.made_by, "context.WithTimeout");
            assert_eq!(c.line, Some(10));
            assert_eq!(c.deadline, Some(5_000_000));
            saw_deadline |= c.error.as_deref() == Some("context deadline exceeded");
        }
    }
    assert!(saw_deadline);
    assert_eq!(p.view().console.stdout, "context deadline exceeded\n");
    let phrases: Vec<String> = p.view().timeline.iter().map(|e| e.phrase.clone()).collect();
    for words in [
        "starts a 5ms timer (context.WithTimeout at line 10)",
        "starts a 10ms timer (time.After at line 13)",
        "ctx's deadline passes: cancels it (context deadline exceeded)",
        "cancel() finds ctx already canceled",
    ] {
        assert!(
            phrases.iter().any(|s| s == words),
            "{words:?} in {phrases:#?}"
        );
    }
}

/// A `sync.Once`'s state reads `not run yet`, `running`, `done`.
#[test]
fn once_state_is_in_words() {
    let src = "package main\n\nimport \"sync\"\n\nvar once sync.Once\n\nfunc main() {\n\tonce.Do(func() {})\n}\n";
    let mut p = playback(src, seeded(0));
    let mut states = Vec::new();
    loop {
        if let Some(o) = p.view().other_sync.iter().find(|o| o.kind == "Once") {
            if states.last() != Some(&o.state) {
                states.push(o.state.clone());
            }
        }
        if p.step_auto().is_err() {
            break;
        }
    }
    assert_eq!(states, ["not run yet", "running", "done"]);
}
