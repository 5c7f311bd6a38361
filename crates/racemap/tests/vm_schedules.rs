//! Programs of `tests/programs/` under schedules other than the driver's (`run_programs.rs`):
//! hand-made schedules that open a map's write window, other interleaving policies on race-free
//! programs, seeded random schedules, and the machine's limits.

mod support;

use racemap::rt::config::Config;
use racemap::rt::event::Gid;
use racemap::rt::machine::{Machine, PendingKind, Status};
use std::rc::Rc;
use support::Expectation;

/// The source of `tests/programs/NAME.go`.
fn load(name: &str) -> String {
    let path = support::test_dir("programs").join(format!("{name}.go"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What Go 1.19 printed on stdout for `tests/programs/NAME.go` (its `go1.19 stdout` section).
fn go_stdout(name: &str) -> String {
    let path = support::test_dir("programs").join(format!("{name}.expect"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Expectation::parse(&text)
        .reference("go1.19 stdout")
        .unwrap_or_else(|| panic!("{}: no go1.19 stdout", path.display()))
        .text()
        .to_string()
}

fn machine(src: &str) -> Machine {
    let prog = match racemap::compile::compile(src) {
        Ok(p) => p,
        Err(d) => panic!("does not compile: {d:?}"),
    };
    Machine::new(Rc::new(prog), Config::default())
}

fn stderr_of(m: &Machine) -> String {
    let mut s = m.stderr().to_string();
    if let Status::Failed(e) = m.status() {
        s.push_str(&e.render());
    }
    s
}

fn gid_of(m: &Machine, go_id: u64) -> Gid {
    (0..m.goroutine_count() as u32)
        .map(Gid)
        .find(|g| m.go_id(*g) == go_id)
        .unwrap_or_else(|| panic!("no goroutine {go_id}"))
}

fn step_go(m: &mut Machine, go_id: u64) {
    let gid = gid_of(m, go_id);
    let c = m
        .runnable()
        .into_iter()
        .find(|c| c.gid == gid)
        .unwrap_or_else(|| panic!("goroutine {go_id} not runnable"));
    m.step(c);
}

/// main runs until it blocks in `wg.Wait()`; goroutines 7 (writer of "a") and 8 (reader,
/// ranger, writer of "b") are parked at their first operations.
fn mapfatal_at_wait() -> Machine {
    let src = load("mapfatal");
    let mut m = machine(&src);
    while m.runnable().iter().any(|c| c.gid == Gid::MAIN) {
        step_go(&mut m, 1);
    }
    m
}

/// Step goroutine `go_id` until it is parked at an operation of `kind`, then step that one.
fn step_go_through(m: &mut Machine, go_id: u64, kind: PendingKind) {
    for _ in 0..100 {
        let here = m.pending(gid_of(m, go_id)).map(|p| p.kind);
        step_go(m, go_id);
        if here == Some(kind) {
            return;
        }
    }
    panic!("goroutine {go_id} never reached {kind:?}");
}

fn first_line(m: &Machine) -> String {
    match m.status() {
        Status::Failed(e) => e.first_line(),
        s => format!("{s:?}"),
    }
}

#[test]
fn two_writers_inside_the_window_crash_with_concurrent_map_writes() {
    let mut m = mapfatal_at_wait();
    step_go_through(&mut m, 7, PendingKind::MapWriteBegin); // m["a"] = 1: flag set
    step_go_through(&mut m, 8, PendingKind::MapRead); // _ = m["x"] while writing
    assert_eq!(
        first_line(&m),
        "fatal error: concurrent map read and map write"
    );
    expect_test::expect![[r#"
        fatal error: concurrent map read and map write

        goroutine 7 [running]:
        main.main.func2()
        	prog.go:18 +0x74
        created by main.main
        	prog.go:16 +0x18e

        goroutine 1 [semacquire]:
        sync.runtime_Semacquire(0xc000010108?)
        	/usr/local/go/src/runtime/sema.go:62 +0x25
        sync.(*WaitGroup).Wait(0xc000010100)
        	/usr/local/go/src/sync/waitgroup.go:139 +0xa6
        main.main()
        	prog.go:24 +0xbe

        goroutine 6 [runnable]:
        main.main.func1()
        	prog.go:14 +0x68
        created by main.main
        	prog.go:12 +0xfb
    "#]]
    .assert_eq(&stderr_of(&m));
}

#[test]
fn iteration_inside_a_write_window_crashes() {
    let mut m = mapfatal_at_wait();
    step_go_through(&mut m, 8, PendingKind::MapRead); // read m["x"]: fine
    step_go_through(&mut m, 7, PendingKind::MapWriteBegin); // begin write of "a"
    step_go_through(&mut m, 8, PendingKind::MapIterate); // range step while writing
    assert_eq!(
        first_line(&m),
        "fatal error: concurrent map iteration and map write"
    );
}

#[test]
fn overlapping_writes_crash_with_concurrent_map_writes() {
    let mut m = mapfatal_at_wait();
    // Goroutine 7 reads and ranges to the end, up to its write of "b".
    while m.pending(gid_of(&m, 8)).map(|p| p.kind) != Some(PendingKind::MapWriteBegin) {
        step_go(&mut m, 8);
    }
    step_go_through(&mut m, 7, PendingKind::MapWriteBegin); // begin "a"
    step_go_through(&mut m, 8, PendingKind::MapWriteBegin); // begin "b": the flag is set
    assert_eq!(first_line(&m), "fatal error: concurrent map writes");
    assert_eq!(m.exit_code(), Some(2));
}

#[test]
fn same_schedule_same_events() {
    let src = load("mapfatal");
    let run = || {
        let mut m = machine(&src);
        let mut events = Vec::new();
        let mut k = 0usize;
        while m.status() == &Status::Running {
            let r = m.runnable();
            k = k.wrapping_mul(31).wrapping_add(7);
            events.extend(m.step(r[k % r.len()]));
        }
        (events, m.stdout().to_string(), m.status().clone())
    };
    assert_eq!(run(), run());
}

#[test]
fn snapshots_show_the_writing_flag_and_goroutine_states() {
    let mut m = mapfatal_at_wait();
    step_go_through(&mut m, 7, PendingKind::MapWriteBegin);
    let maps = m.maps();
    assert_eq!(maps.len(), 1);
    // Inside the write the new key is already counted (Go's count++ before the flag clears).
    assert_eq!(
        maps[0].entries,
        vec![
            ("a".to_string(), "1".to_string()),
            ("x".to_string(), "0".to_string())
        ]
    );
    assert_eq!(maps[0].writer, Some(gid_of(&m, 7)));
    let states: Vec<(u64, String)> = m
        .goroutines()
        .iter()
        .map(|g| (g.go_id, g.state.clone()))
        .collect();
    assert_eq!(
        states,
        vec![
            (1, "sync.WaitGroup.Wait".to_string()),
            (7, "runnable".to_string()),
            (8, "runnable".to_string())
        ]
    );
    let main_stack = &m.goroutines()[0].stack;
    assert_eq!(&*main_stack[0].name, "main.main");
    step_go(&mut m, 7); // end of the write: flag cleared
    let maps = m.maps();
    assert_eq!(maps[0].writer, None);
    assert_eq!(maps[0].entries.len(), 2);
}

/// Every interleaving policy gives the same output for race-free programs.
#[test]
fn race_free_programs_agree_under_other_schedules() {
    for name in ["pingpong", "counters", "syncmaprange", "exitblocked"] {
        let (src, stdout) = (load(name), go_stdout(name));
        for pick in [1usize, 2, 5] {
            let mut m = machine(&src);
            let mut k = 0usize;
            while m.status() == &Status::Running {
                let r = m.runnable();
                k += pick;
                m.step(r[k % r.len()]);
            }
            assert_eq!(m.stdout(), stdout, "{name} with policy {pick}");
            assert_eq!(m.exit_code(), Some(0), "{name} with policy {pick}");
        }
    }
}

fn limit_of(src: &str, config: Config) -> String {
    let prog = racemap::compile::compile(src).expect("compiles");
    let mut m = Machine::new(Rc::new(prog), config);
    while m.status() == &Status::Running {
        let r = m.runnable();
        m.step(r[r.len() - 1]);
    }
    match m.status() {
        Status::Limit(l) => l.message(),
        other => panic!("expected a limit, got {other:?}"),
    }
}

#[test]
fn limits_end_runaway_programs_with_clear_messages() {
    let spin = "package main\n\nfunc main() {\n\tx := 0\n\tfor {\n\t\tx++\n\t\tif x < 0 {\n\t\t\tprintln(x)\n\t\t}\n\t}\n}\n";
    assert_eq!(
        limit_of(spin, Config::default()),
        "racemap: a goroutine ran 1000000 instructions without a visible operation (an endless loop such as `for {}`?); raise it with --max-instructions"
    );
    let shared_spin = "package main\n\nvar n int\n\nfunc main() {\n\tfor {\n\t\tn++\n\t}\n}\n";
    let config = Config {
        max_steps: 1000,
        ..Config::default()
    };
    assert_eq!(
        limit_of(shared_spin, config),
        "racemap: step limit of 1000 reached (the program may loop forever); raise it with --max-steps"
    );
    let bomb = "package main\n\nfunc main() {\n\tfor {\n\t\tgo func() {\n\t\t\tselect {}\n\t\t}()\n\t}\n}\n";
    let config = Config {
        max_goroutines: 500,
        ..Config::default()
    };
    assert_eq!(
        limit_of(bomb, config),
        "racemap: goroutine limit of 500 reached (a goroutine bomb?); raise it with --max-goroutines"
    );
    let huge = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\ts := make([]int, 1<<40)\n\tfmt.Println(len(s))\n}\n";
    assert_eq!(
        limit_of(huge, Config::default()),
        "racemap: allocation of 1099511627776 values exceeds the heap limit of 4000000 values; raise it with --max-heap-slots"
    );
}

/// `m[k]++` is a map read then a separate map write (as Go's race builds compile it): racing
/// increments can crash with either map fatal error (a read during the first insert sees the
/// key counted), and without a crash an update can be lost.
#[test]
fn racing_map_increments_can_crash_or_lose_an_update() {
    let src = load("increments");
    let mut outcomes = std::collections::BTreeSet::new();
    for seed in 0..200u64 {
        let mut m = machine(&src);
        let mut s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        while m.status() == &Status::Running {
            let r = m.runnable();
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            m.step(r[(s % r.len() as u64) as usize]);
        }
        outcomes.insert((m.stdout().to_string(), first_line(&m)));
    }
    let expected: std::collections::BTreeSet<(String, String)> = [
        ("1\n".to_string(), "Exited".to_string()),
        ("2\n".to_string(), "Exited".to_string()),
        (
            String::new(),
            "fatal error: concurrent map read and map write".to_string(),
        ),
        (
            String::new(),
            "fatal error: concurrent map writes".to_string(),
        ),
    ]
    .into_iter()
    .collect();
    assert_eq!(outcomes, expected);
}

/// A `sync.Map` call's first step is Go's lock-free fast path: it runs while another call
/// holds the map's `mu` (only a call's own `mu.Lock()` step waits).
#[test]
fn sync_map_fast_path_runs_while_another_call_holds_mu() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar m sync.Map\n\tm.Store(\"a\", 1)\n\tm.Load(\"a\")\n\tdone := make(chan bool)\n\tgo func() {\n\t\tm.Store(\"b\", 2)\n\t\tdone <- true\n\t}()\n\tv, _ := m.Load(\"a\")\n\tfmt.Println(v)\n\t<-done\n}\n";
    let mut m = machine(src);
    let steps = |events: Vec<racemap::rt::event::Event>| -> Vec<String> {
        events
            .into_iter()
            .filter_map(|e| match e.op {
                racemap::rt::event::Op::SyncMap { step, .. } => Some(step),
                _ => None,
            })
            .collect()
    };
    // main runs until goroutine 7 exists (main is then parked at its second Load).
    while m.goroutines().len() < 2 {
        step_go(&mut m, 1);
    }
    let g7 = gid_of(&m, 7);
    let step7 = |m: &mut Machine| {
        let c = m
            .runnable()
            .into_iter()
            .find(|c| c.gid == g7)
            .expect("7 runnable");
        m.step(c)
    };
    assert_eq!(
        steps(step7(&mut m)),
        ["Store(\"b\", 2): not in read → lock mu"]
    );
    assert_eq!(steps(step7(&mut m)), ["Store(\"b\", 2): mu.Lock()"]);
    // Goroutine 7 holds mu; main's Load still runs, lock-free.
    assert!(m.runnable().iter().any(|c| c.gid == Gid::MAIN));
    let main_steps = {
        let c = m
            .runnable()
            .into_iter()
            .find(|c| c.gid == Gid::MAIN)
            .expect("main");
        steps(m.step(c))
    };
    assert_eq!(main_steps, ["Load(\"a\"): read hit → 1, true"]);
}

/// Under the running clock (`racemap run`, the page's stepping) every polling step (here a
/// `select` taking its default) costs `STEP_NS` of virtual time and other steps none: a
/// sleeper is not offered while others can move until the clock reaches its wake time, then it
/// is offered first; in plain virtual time it would wait until nobody else can move, which a
/// polling goroutine never lets happen.
#[test]
fn running_clock_wakes_a_sleeper_beside_a_polling_goroutine() {
    use racemap::rt::config::{WakeOrder, STEP_NS};
    let src = "package main\n\nimport \"time\"\n\nfunc main() {\n\tstop := make(chan bool)\n\tgo func() {\n\t\tfor {\n\t\t\tselect {\n\t\t\tcase <-stop:\n\t\t\t\treturn\n\t\t\tdefault:\n\t\t\t}\n\t\t}\n\t}()\n\ttime.Sleep(10 * time.Microsecond)\n\tstop <- true\n}\n";
    for order in [WakeOrder::RunningClock, WakeOrder::VirtualTime] {
        let mut m = machine(src);
        m.set_wake_order(order);
        let main_sleeps = |m: &Machine| m.goroutines()[0].state == "sleep";
        // Main runs until it sleeps.
        while !main_sleeps(&m) {
            let c = m
                .runnable()
                .into_iter()
                .find(|c| c.gid == Gid::MAIN)
                .expect("main moves");
            m.step(c);
        }
        // Then the poller polls; main is offered once the clock is far enough past its wake time.
        let mut woke_after = None;
        for polls in 0..1000 {
            let moves = m.runnable();
            if moves.iter().any(|c| c.gid == Gid::MAIN) {
                assert_eq!(
                    moves[0].gid,
                    Gid::MAIN,
                    "the woken sleeper first: {moves:?}"
                );
                woke_after = Some(polls);
                break;
            }
            assert_eq!(moves.len(), 1, "the poller's one move: {moves:?}");
            m.step(moves[0]);
        }
        match order {
            WakeOrder::RunningClock => {
                // Each poll is one step, the select's default (`stop` is never assigned: its
                // load is fixed, no step); the clock must pass the wake time: one poll more
                // than 10µs' worth.
                let polls = (10_000 / STEP_NS) as usize + 1;
                assert_eq!(woke_after, Some(polls));
            }
            _ => assert_eq!(
                woke_after, None,
                "virtual time waits for the poller to block"
            ),
        }
    }
}

/// Seeded runs (`racemap run --seed N`: the running clock, where a goroutine parked at a
/// channel operation has arrived there) hand off in Go's arrival order: the later arrival
/// completes a rendezvous with the head of the other FIFO queue, and a receive from a full
/// buffer moves the first blocked sender's value in. Every seed prints what Go 1.19 printed
/// in 30 runs of 30 (before, a goroutine that blocked second could meet a later arrival
/// first: "2 1" in 22 seeds of 61).
#[test]
fn seeded_runs_hand_off_in_arrival_order() {
    for name in [
        "chan_later_arrival_receiver",
        "chan_later_arrival_sender",
        "chan_later_arrival_select",
        "chan_full_buffer_refill",
        "chan_full_buffer_select_refill",
    ] {
        let src = load(name);
        let want = go_stdout(name);
        for seed in 0..40u64 {
            let config = racemap::run::RunConfig {
                seed,
                ..Default::default()
            };
            let r = racemap::run::run(machine(&src), &config);
            assert_eq!(r.stdout, want, "{name}, seed {seed}");
        }
    }
}

/// Seeded runs take `sync.Mutex` and `sync.RWMutex` in Go's order (`rt::machine::lock_queue`):
/// the goroutines blocked on a held mutex take it in the order they blocked (Go's FIFO
/// semaphore queue), an RWMutex's writer `Unlock` lets the readers blocked during its hold in
/// before the next writer, its writers queue FIFO, and a `Lock` blocked before a `sync.Cond`
/// waiter was signalled takes the lock before it. Every seed prints what Go 1.19 printed (30
/// runs of 30 of a `-race` build each; before, 5 to 6 orders in 40 seeds of the first three,
/// "writer 2, reader sees 2" in 20 of 40).
#[test]
fn seeded_runs_take_locks_in_go_order() {
    for name in [
        "mutex_fifo_waiters",
        "rwmutex_blocked_readers_first",
        "rwmutex_writers_fifo",
        "mutex_cond_lock_queue",
    ] {
        let src = load(name);
        let want = go_stdout(name);
        for seed in 0..40u64 {
            let config = racemap::run::RunConfig {
                seed,
                ..Default::default()
            };
            let r = racemap::run::run(machine(&src), &config);
            assert_eq!(r.stdout, want, "{name}, seed {seed}");
        }
    }
}

/// A `sync.Map`'s `mu` queues its waiters as a `sync.Mutex` does in a run
/// (`rt::machine::lock_queue`): two calls that parked before taking `mu` while a third held
/// it take it first parked first once it is unlocked; a search lets either take it (the
/// first one's `mu.Lock()` may come late).
#[test]
fn sync_map_mu_waiters_take_it_in_arrival_order_in_a_run() {
    let src = "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar m sync.Map\n\
               \tvar wg sync.WaitGroup\n\tfor i := 0; i < 3; i++ {\n\t\twg.Add(1)\n\
               \t\tgo func(i int) {\n\t\t\tdefer wg.Done()\n\t\t\tm.Store(i, i)\n\t\t}(i)\n\t}\n\
               \twg.Wait()\n}\n";
    for order in [
        racemap::rt::config::WakeOrder::RunningClock,
        racemap::rt::config::WakeOrder::VirtualTime,
    ] {
        let mut m = machine(src);
        m.set_wake_order(order);
        while m.goroutines().len() < 4 {
            step_go(&mut m, 1);
        }
        let (g6, g7, g8) = (gid_of(&m, 6), gid_of(&m, 7), gid_of(&m, 8));
        // Each call's fast step misses (a new key) and parks it before `mu.Lock()`; 8 takes
        // `mu`, then 7 and 6 arrive, in that order.
        for g in [g8, g8, g7, g6] {
            let id = m.go_id(g);
            step_go(&mut m, id);
        }
        // 8's locked step (it unlocks `mu`).
        step_go(&mut m, 8);
        let may_lock: Vec<Gid> = (m.runnable().into_iter())
            .map(|c| c.gid)
            .filter(|g| [g6, g7].contains(g))
            .collect();
        if order == racemap::rt::config::WakeOrder::RunningClock {
            assert_eq!(may_lock, [g7], "in a run the first arrival takes mu");
        } else {
            assert_eq!(may_lock, [g6, g7], "a search lets either take mu");
        }
    }
}
