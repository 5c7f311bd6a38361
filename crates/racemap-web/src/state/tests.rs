//! The reducer as the page drives it. (Natively: nothing here touches the browser, so
//! these avoid user-edited sources, whose hash encoding is the browser's.)

use super::*;
use expect_test::expect;
use racemap::explore::{DporConfig, Explorer};
use yew::Reducible;

fn state(hash: &str) -> Rc<State> {
    Rc::new(State::from_hash(&HashParams::parse(hash)))
}

fn apply(state: Rc<State>, actions: &[Action]) -> Rc<State> {
    actions
        .iter()
        .fold(state, |s, action| s.reduce(action.clone()))
}

fn view(state: &State) -> View {
    (*state.run().expect("the program compiles").view.0).clone()
}

/// Every outcome of the unsynchronized example (default workload), from a complete search.
fn unsynchronized_outcomes() -> Vec<racemap::explore::Outcome> {
    let source = Strategy::Unsynchronized.source(Workload::default());
    let mut explorer = Explorer::for_source(&source, &Default::default(), &DporConfig::default())
        .expect("compiles");
    explorer.advance(u64::MAX);
    explorer.into_result().outcomes
}

#[test]
fn a_link_reopens_the_same_view_and_the_same_future() {
    let mut s = state("example=mutex&goroutines=3&seed=2");
    s = apply(s, &vec![Action::Step; 9]);
    // The user picks a goroutine: the last runnable one.
    let pick = s.run().unwrap().choices.last().unwrap().choice;
    s = apply(
        s,
        &[
            Action::StepChoice(pick),
            Action::Step,
            Action::Back,
            Action::Back,
        ],
    );
    assert_eq!(view(&s).step, 9);
    let link = s.to_hash();
    assert!(link.starts_with("example=mutex&goroutines=3&ops=2&writes=50&keys=2&seed=2&moves="));
    assert!(link.ends_with("&step=9"), "{link}");

    let reopened = state(&link);
    assert_eq!(reopened.to_hash(), link);
    assert_eq!(view(&reopened), view(&s));
    // Step forward redoes the recorded moves in both.
    let (a, b) = (
        apply(s, &[Action::Step, Action::Step]),
        apply(reopened, &[Action::Step, Action::Step]),
    );
    assert_eq!(view(&a), view(&b));
    assert_eq!(view(&a).step, 11);
}

#[test]
fn hash_of_a_fresh_example() {
    expect![["example=unsynchronized&goroutines=2&ops=2&writes=50&keys=2"]]
        .assert_eq(&state("").to_hash());
    expect![["example=sharded&goroutines=8&ops=20&writes=100&keys=1&embed=1"]].assert_eq(
        &state("example=sharded&goroutines=99&ops=20&writes=250&keys=0&embed").to_hash(),
    );
    expect![["example=mutex&goroutines=2&ops=2&writes=50&keys=2&budget=50"]]
        .assert_eq(&state("example=mutex&budget=50").to_hash());
    // Junk falls back to defaults instead of failing.
    expect![["example=unsynchronized&goroutines=2&ops=2&writes=50&keys=2"]]
        .assert_eq(&state("example=nope&goroutines=x&step=zz&moves=%%").to_hash());
}

#[test]
fn the_go_version_is_part_of_the_link_and_of_the_program() {
    expect![["example=mutex&goroutines=2&ops=2&writes=50&keys=2&lang=go1.21"]]
        .assert_eq(&state("example=mutex&lang=1.21").to_hash());
    // The default version is implied; a version that is not one falls back to it.
    expect![["example=mutex&goroutines=2&ops=2&writes=50&keys=2"]]
        .assert_eq(&state("example=mutex&lang=go9").to_hash());
    let old = state("example=mutex&lang=go1.21");
    assert!(!old.shows_program_of(&HashParams::parse("example=mutex")));
    assert!(old.shows_program_of(&HashParams::parse("example=mutex&lang=go1.21")));
}

#[test]
fn picking_go_1_21_shares_loop_variables_and_drops_the_old_search() {
    let source = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tdone := make(chan int, 2)\n\tfor i := 0; i < 2; i++ {\n\t\tgo func() { done <- i }()\n\t}\n\tfmt.Println(<-done + <-done)\n}\n";
    let modern = apply(
        state(""),
        &[
            Action::SetSource(source.to_string()),
            Action::StartExploring,
        ],
    );
    assert!(matches!(modern.exploration, Exploration::Running { .. }));
    let old = modern.clone().reduce(Action::SetLang(LangVersion::GO1_21));
    assert_eq!(old.lang, LangVersion::GO1_21);
    assert_eq!(*old.source, *source, "the user's program stays");
    assert!(matches!(old.exploration, Exploration::Idle));
    let races = |s: Rc<State>| view(&s.reduce(Action::RunToNextRaceOrError)).races.len();
    assert_eq!(races(modern), 0);
    assert_eq!(
        races(old),
        1,
        "the goroutine reads `i` while the loop's i++ writes it"
    );
}

#[test]
fn changing_the_scheduler_keeps_the_position() {
    let s = apply(state("example=rwmutex"), &vec![Action::Step; 6]);
    let before = view(&s);
    let s = s.reduce(Action::SetScheduler(SchedulerChoice::Seeded(9)));
    assert_eq!(s.scheduler, SchedulerChoice::Seeded(9));
    assert_eq!(view(&s), before);
    assert!(s.to_hash().contains("&seed=9&moves="));
}

#[test]
fn an_explored_crash_schedule_is_stepped_to_the_fatal_error() {
    let crash = unsynchronized_outcomes()
        .into_iter()
        .find(|o| o.error.as_deref() == Some("fatal error: concurrent map writes"))
        .expect("the explorer finds the crash");
    // "Step through" lands on the crash, and says so.
    let landed =
        state("example=unsynchronized").reduce(Action::LoadSchedule(crash.schedule.clone()));
    assert_eq!(
        landed.scheduler,
        SchedulerChoice::Replay(crash.schedule.clone())
    );
    let at_crash = view(&landed);
    let ended = at_crash.ended.clone().expect("the run ended");
    assert_eq!(ended.exit_code, 2);
    assert_eq!(
        ended.first_error_line.as_deref(),
        Some("fatal error: concurrent map writes")
    );
    let note = landed.note.clone().unwrap_or_default();
    let crasher = at_crash.timeline.last().expect("steps").clone();
    let writer = at_crash.maps[0].writer.expect("the writing flag is set");
    assert_eq!(
        note,
        format!(
            "This run stops at step {}: fatal error: concurrent map writes. Goroutine {} \
             touched m (line {}) while goroutine {writer}'s write of m[{}] was still in \
             flight. The race report is in the Console, the racing lines are marked in the \
             code. Step back or Reset to watch how it got there.",
            at_crash.step,
            crasher.go_id,
            crasher.line,
            at_crash.maps[0]
                .writing_key
                .clone()
                .expect("the key being written"),
        )
    );
    assert_ne!(crasher.go_id, writer);
    // From the start, the same run shows the race first, then the crash.
    let s = apply(landed, &[Action::Reset]);
    assert_eq!(s.note, None, "the note goes with the first move");
    let s = apply(s, &[Action::RunToNextRaceOrError]);
    assert_eq!(view(&s).races.len(), 1, "stops at the race first");
    assert!(view(&s).ended.is_none());
    let s = apply(s, &[Action::RunToNextRaceOrError]);
    assert_eq!(view(&s), at_crash);
    // The moves are the schedule's own: the link needs only the schedule and the step.
    assert!(!s.to_hash().contains("moves="), "{}", s.to_hash());
    let reopened = state(&s.to_hash());
    assert_eq!(view(&reopened), view(&s));
    // Nothing moves after the end; the notice says why.
    let s = s.reduce(Action::Step);
    assert_eq!(
        s.notice.as_deref(),
        Some("The run has ended. Step back, or Reset to start again.")
    );
}

#[test]
fn an_explorer_schedule_that_does_not_continue_the_moves_starts_from_step_0() {
    let outcomes = unsynchronized_outcomes();
    let schedule = outcomes.last().expect("outcomes").schedule.clone();
    // Moves that the schedule does not start with: always the highest goroutine.
    let mut s = state("example=unsynchronized");
    for _ in 0..8 {
        let pick = s.run().unwrap().choices.last().unwrap().choice;
        s = s.reduce(Action::StepChoice(pick));
    }
    let s = s.reduce(Action::SetScheduler(SchedulerChoice::Replay(
        schedule.clone(),
    )));
    assert_eq!(view(&s).step, 0);
    assert!(s
        .notice
        .as_deref()
        .unwrap_or("")
        .contains("starts from step 0"));
    // Its own moves are kept: step 3 of the schedule, then switching to it again.
    let s = apply(s, &vec![Action::Step; 3]);
    let s = s
        .reduce(Action::SetScheduler(SchedulerChoice::Manual))
        .reduce(Action::SetScheduler(SchedulerChoice::Replay(schedule)));
    assert_eq!(view(&s).step, 3);
    assert_eq!(s.notice, None);
}

#[test]
fn a_new_program_drops_the_old_programs_schedule_but_keeps_a_seed() {
    let s = state("example=unsynchronized").reduce(Action::LoadSchedule("1AQIFAgkC".into()));
    assert!(matches!(s.scheduler, SchedulerChoice::Replay(_)));
    assert_eq!(s.loaded_schedule.as_deref(), Some("1AQIFAgkC"));
    let s = s.reduce(Action::SetWorkload(Workload {
        goroutines: 3,
        ..Workload::default()
    }));
    assert_eq!(s.scheduler, SchedulerChoice::Manual);
    assert_eq!(s.loaded_schedule, None);
    let s = s
        .reduce(Action::SetScheduler(SchedulerChoice::Seeded(4)))
        .reduce(Action::SelectExample(Example::Preset(Strategy::Mutex)));
    assert_eq!(s.scheduler, SchedulerChoice::Seeded(4));
}

#[test]
fn the_users_program_stays_theirs_across_examples_and_workloads() {
    let mine = "package main\n\nfunc main() {\n\tm := map[int]int{}\n\tm[1] = 2\n}\n";
    let s = state("example=mutex&goroutines=3").reduce(Action::SetSource(mine.into()));
    assert_eq!(
        s.example,
        Example::Blank,
        "the picker says: Your own program"
    );
    assert_eq!(&*s.source, mine);
    // A workload change does not replace the user's program (it only generates presets).
    let s = s.reduce(Action::SetWorkload(Workload {
        goroutines: 4,
        ..Workload::default()
    }));
    assert_eq!(&*s.source, mine);
    // Another example, another workload: picking "Your own program" brings it back.
    let s = s.reduce(Action::SelectExample(Example::Preset(Strategy::Sharded)));
    assert_eq!(*s.source, Strategy::Sharded.source(s.workload));
    let s = s.reduce(Action::SetWorkload(Workload {
        goroutines: 2,
        ..Workload::default()
    }));
    assert_eq!(&*s.source, &Strategy::Sharded.source(s.workload));
    let s = s.reduce(Action::SelectExample(Example::Blank));
    assert_eq!(&*s.source, mine);
    // Running a preset's own text unchanged keeps the preset.
    let s = state("example=mutex");
    let text = s.source.to_string();
    let s = s.reduce(Action::SetSource(text));
    assert_eq!(s.example, Example::Preset(Strategy::Mutex));
}

#[test]
fn only_another_program_is_a_new_history_entry() {
    let s = apply(
        state("example=mutex&goroutines=3"),
        &[Action::Step, Action::Step],
    );
    let same = |hash: &str| s.shows_program_of(&HashParams::parse(hash));
    assert!(same(&s.to_hash()));
    assert!(same("example=mutex&goroutines=3"), "defaults fill the rest");
    assert!(same(
        "example=mutex&goroutines=3&ops=2&seed=4&moves=AQ&step=1"
    ));
    assert!(!same("example=mutex"));
    assert!(!same("example=sharded&goroutines=3"));
}

#[test]
fn a_search_stopped_by_its_budget_can_search_further() {
    let result = |complete: bool| ExploreResult {
        complete,
        limit: (!complete).then_some(racemap::explore::SearchLimit::MaxExecutions),
        executions: EXPLORE_BUDGET,
        race: false,
        deadlock: false,
        outcomes: Vec::new(),
    };
    let done = |complete, budget, stopped| State {
        exploration: Exploration::Done {
            result: Shared::new(result(complete)),
            budget,
            stopped,
        },
        ..(*state("example=mutex")).clone()
    };
    let s = Rc::new(done(false, EXPLORE_BUDGET, false)).reduce(Action::SearchFurther);
    assert!(matches!(
        s.exploration,
        Exploration::Running {
            budget: 100_000,
            progress: None,
            ..
        }
    ));
    for finished in [
        done(true, EXPLORE_BUDGET, false),
        done(false, EXPLORE_BUDGET, true),
        done(false, MAX_EXPLORE_BUDGET, false),
    ] {
        assert_eq!(finished.exploration.further_budget(), None);
        let before = Rc::new(finished);
        let after = before.clone().reduce(Action::SearchFurther);
        assert!(Rc::ptr_eq(&before, &after), "nothing to search further");
    }
}

#[test]
fn links_with_bad_or_explicit_values() {
    let s = state("example=mutex&schedule=!!!&embed=0");
    assert_eq!(s.scheduler, SchedulerChoice::Manual);
    assert_eq!(
        s.notice.as_deref(),
        Some("The link's schedule is malformed: you pick the moves.")
    );
    assert!(!s.embed);
    assert!(state("example=mutex&embed=1").embed);
    assert!(state("example=mutex&embed").embed);
}

#[test]
fn playing_stops_at_the_end_and_ticks_do_nothing_when_paused() {
    let mut s = state("example=mutex&seed=3").reduce(Action::TogglePlay);
    assert!(s.playing);
    for _ in 0..1000 {
        if !s.playing {
            break;
        }
        s = s.reduce(Action::Tick);
    }
    assert!(!s.playing);
    assert!(view(&s).ended.is_some());
    let paused = s.clone().reduce(Action::Tick);
    assert!(
        Rc::ptr_eq(&paused, &s),
        "a tick while paused changes nothing"
    );
    assert!(
        s.reduce(Action::TogglePlay).notice.is_some(),
        "cannot play a finished run"
    );
}

#[test]
fn explorer_reports_of_an_old_search_are_ignored() {
    let s = state("example=mutex").reduce(Action::StartExploring);
    let s = s
        .reduce(Action::StopExploring)
        .reduce(Action::StartExploring);
    let Exploration::Running { generation, .. } = s.exploration else {
        panic!("running");
    };
    assert_eq!(generation, 1);
    let stale = ExploreResult {
        complete: true,
        limit: None,
        executions: 1,
        race: true,
        deadlock: false,
        outcomes: Vec::new(),
    };
    let after = s.clone().reduce(Action::ExploreFinished {
        generation: 0,
        result: stale.clone(),
    });
    assert!(matches!(after.exploration, Exploration::Running { .. }));
    let after = after.reduce(Action::ExploreFinished {
        generation: 1,
        result: stale,
    });
    assert!(matches!(
        after.exploration,
        Exploration::Done {
            stopped: false,
            budget: EXPLORE_BUDGET,
            ..
        }
    ));
}

#[test]
fn compile_errors_are_placed_on_their_lines() {
    let source = "package main\n\nfunc main() {\n\tx := 1\n\ty = 2\n}\n";
    let diagnostics = racemap::compile::compile(source).expect_err("does not compile");
    let map = racemap::diag::SourceMap::new(racemap::compile::DEFAULT_FILE_NAME, source);
    let errors = compile_errors(&racemap::diag::render_all(&diagnostics, &map));
    let placed: Vec<(u32, u32, &str)> = errors
        .iter()
        .map(|e| (e.line, e.col, e.text.as_str()))
        .collect();
    assert_eq!(
        placed,
        [
            (4, 2, "prog.go:4:2: x declared but not used"),
            (5, 2, "prog.go:5:2: undefined: y"),
        ]
    );
}

const TEST_FILE: &str = "package cache\n\nimport \"testing\"\n\nfunc TestQuiet(t *testing.T) {\n\tt.Log(\"quiet\")\n}\n\nfunc TestRacy(t *testing.T) {\n\tn := 0\n\tdone := make(chan bool)\n\tgo func() {\n\t\tn++\n\t\tdone <- true\n\t}()\n\tn++\n\t<-done\n}\n";

#[test]
fn a_test_file_offers_its_tests_and_runs_the_chosen_one() {
    let s = apply(
        state("example=mutex"),
        &[Action::SetSource(TEST_FILE.to_string())],
    );
    let test = s.test.clone().expect("a test file");
    assert_eq!(&*test.names, ["TestQuiet", "TestRacy"]);
    assert_eq!(test.name(), "TestQuiet");
    // The first test runs on its own goroutine (7, as under go test -race), started by the
    // main goroutine's testing.(*T).Run: it logs and passes.
    let end = apply(s.clone(), &[Action::RunToNextRaceOrError]);
    let ids: Vec<u64> = view(&end).goroutines.iter().map(|g| g.go_id).collect();
    assert_eq!(ids, [1, 7]);
    assert!(view(&end).console.stdout.contains("quiet"));
    // Picking the other test runs it: the goroutine it starts is 8, as under go test -race.
    let racy = apply(
        s,
        &[
            Action::SelectTest("TestRacy".into()),
            Action::RunToNextRaceOrError,
        ],
    );
    assert_eq!(racy.test.as_ref().map(TestPick::name), Some("TestRacy"));
    let v = view(&racy);
    assert!(
        v.goroutines.iter().any(|g| g.go_id == 8),
        "{:?}",
        v.goroutines
    );
    assert_eq!(v.races.len(), 1);
    // A test file with an error shows the test file's error, on its line.
    let broken = TEST_FILE.replace("n := 0", "n := undefinedName");
    let s = apply(racy.clone(), &[Action::SetSource(broken)]);
    assert!(s.test.is_none());
    match &s.program {
        Program::Failed(errors) => {
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert_eq!(errors[0].text, "prog.go:10:7: undefined: undefinedName");
        }
        Program::Running(_) | Program::Loading(_) => panic!("compiles"),
    }
    // An unknown test changes nothing; a program has no tests.
    let same = apply(racy.clone(), &[Action::SelectTest("TestNone".into())]);
    assert!(Rc::ptr_eq(&same, &racy));
    assert!(state("example=mutex").test.is_none());
}

#[test]
fn a_link_made_while_comparing_reopens_the_comparison() {
    let s = apply(
        state("example=rwmutex&goroutines=3"),
        &[Action::StartComparing],
    );
    let link = s.to_hash();
    assert!(link.ends_with("&compare=1"), "{link}");
    let reopened = state(&link);
    let c = reopened.comparison.as_ref().expect("comparing");
    assert_eq!(c.workload, s.workload);
    assert!(c.is_running());
    assert_eq!(reopened.to_hash(), link);
    // Another workload: the comparison shown is the old one's, so a link no longer says so.
    let changed = apply(
        s,
        &[Action::SetWorkload(Workload {
            goroutines: 2,
            ..Workload::default()
        })],
    );
    assert!(!changed.to_hash().contains("compare"));
}

/// `hash` opened while the core loads.
fn state_before_the_core(hash: &str) -> Rc<State> {
    crate::services::core::set_ready(false);
    let s = state(hash);
    crate::services::core::set_ready(true);
    s
}

#[test]
fn a_link_opened_before_the_core_loads_keeps_its_moves_and_step_until_it_is_ready() {
    let mut s = state("example=mutex&goroutines=3&seed=2");
    s = apply(s, &vec![Action::Step; 6]);
    s = apply(s, &[Action::Back, Action::Back]);
    let link = s.to_hash();
    assert!(
        link.contains("&moves=") && link.ends_with("&step=4"),
        "{link}"
    );

    let waiting = state_before_the_core(&link);
    assert!(waiting.loading() && waiting.run().is_none());
    // The code is there at once; the link (moves and step) is kept, so the address bar does
    // not change and the history gets no entry.
    assert_eq!(*waiting.source, *s.source);
    assert_eq!(waiting.to_hash(), link);
    assert!(waiting.shows_program_of(&HashParams::parse(&link)));
    // Steps wait for the core.
    let stepped = apply(waiting.clone(), &[Action::Step, Action::Back]);
    assert!(stepped.loading());
    assert_eq!(stepped.to_hash(), link);

    let ready = apply(waiting, &[Action::CoreReady]);
    assert!(!ready.loading());
    assert_eq!(ready.to_hash(), link);
    assert_eq!(view(&ready), view(&s));
    // The future past the step came along: Step redoes the recorded moves.
    assert_eq!(
        view(&apply(ready, &[Action::Step])),
        view(&apply(s, &[Action::Step]))
    );
}

#[test]
fn a_test_files_link_opened_before_the_core_loads_runs_its_test_when_ready() {
    let chosen = apply(
        state("example=mutex"),
        &[
            Action::SetSource(TEST_FILE.to_string()),
            Action::SelectTest("TestRacy".into()),
        ],
    );
    // As a link to it opens while the core loads (a link with code needs the browser's
    // encoding): the test it names waits with its moves.
    let waiting = Rc::new(State {
        program: Program::Loading(Shared::new(Pending {
            test: Some("TestRacy".into()),
            ..Pending::default()
        })),
        test: None,
        ..(*chosen).clone()
    });
    // The link keeps naming the test while the core loads.
    assert_eq!(waiting.test_name(), Some("TestRacy"));
    let ready = apply(waiting, &[Action::CoreReady]);
    assert_eq!(ready.test.as_ref().map(TestPick::name), Some("TestRacy"));
    assert_eq!(view(&ready), view(&chosen));
}

#[test]
fn another_example_while_the_core_loads_is_compiled_when_it_is_ready() {
    let waiting = state_before_the_core("example=mutex&goroutines=3&seed=2&step=3");
    crate::services::core::set_ready(false);
    let picked = apply(
        waiting,
        &[Action::SelectExample(Example::Preset(
            Strategy::ChannelOwner,
        ))],
    );
    crate::services::core::set_ready(true);
    assert!(picked.loading());
    assert_eq!(
        picked.to_hash(),
        "example=channel&goroutines=3&ops=2&writes=50&keys=2&seed=2"
    );
    let ready = apply(picked, &[Action::CoreReady]);
    assert_eq!(view(&ready).step, 0);
    assert_eq!(
        view(&ready),
        view(&state("example=channel&goroutines=3&seed=2"))
    );
    // A second CoreReady changes nothing.
    let again = apply(ready.clone(), &[Action::CoreReady]);
    assert_eq!(again.to_hash(), ready.to_hash());
}

#[test]
fn a_core_that_does_not_load_says_so() {
    let waiting = state_before_the_core("example=mutex");
    let failed = apply(waiting, &[Action::CoreFailed("cannot load x.js".into())]);
    assert!(failed.loading());
    assert_eq!(
        failed.notice.as_deref(),
        Some("The Go runtime did not load (cannot load x.js). Reload the page to try again.")
    );
}
