//! The machine on hand-assembled bytecode: panics and dumps, recover, virtual-time sleepers,
//! limits, determinism, sync.Map and Once steps (the assembler: `vm/mod.rs`).

mod vm;

use vm::*;

fn run_main_only(code: Vec<Instr>, a: Asm) -> Machine {
    let mut a = a;
    let main = a.func("main.main", 0, 2, code);
    let mut m = machine(a.build(main));
    while m.status() == &Status::Running {
        step(&mut m, 0);
    }
    m
}

#[test]
fn divide_by_zero_panics_like_go() {
    let m = run_main_only(
        vec![
            Instr::PushInt(10),
            Instr::PushInt(0),
            Instr::Binary(BinOp::Div, Basic::Int),
            Instr::Pop,
            Instr::Return,
        ],
        Asm::new(),
    );
    expect_test::expect![[r#"
        panic: runtime error: integer divide by zero

        goroutine 1 [running]:
        main.main()
        	prog.go:3 +0x23
    "#]]
    .assert_eq(&failure(&m));
}

#[test]
fn user_panic_and_index_out_of_range() {
    let mut a = Asm::new();
    let boom = a.str("boom");
    let m = run_main_only(
        vec![
            Instr::PushStr(boom),
            Instr::ToIface(TypeTable::basic(Basic::String)),
            Instr::Panic,
            Instr::Return,
        ],
        a,
    );
    assert!(failure(&m)
        .starts_with("panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\tprog.go:3 +"));

    let m = run_main_only(
        vec![
            Instr::PushInt(1),
            Instr::PushInt(2),
            Instr::PushInt(3),
            Instr::SliceLit { elem: int(), n: 3 },
            Instr::PushInt(5),
            Instr::SliceElemPtr,
            Instr::Load,
            Instr::Return,
        ],
        Asm::new(),
    );
    assert!(failure(&m).starts_with("panic: runtime error: index out of range [5] with length 3\n"));
}

#[test]
fn nil_map_write_panics_and_nil_deref_has_signal_line() {
    let mut a = Asm::new();
    let mt = a.ty(TypeKind::Map(int(), int()));
    let m = run_main_only(
        vec![
            Instr::Zero(mt),
            Instr::PushInt(1),
            Instr::PushInt(1),
            Instr::MapSet,
            Instr::Return,
        ],
        a,
    );
    assert!(failure(&m)
        .starts_with("panic: assignment to entry in nil map\n\ngoroutine 1 [running]:\n"));

    let mut a = Asm::new();
    let pt = a.ty(TypeKind::Pointer(int()));
    let m = run_main_only(vec![Instr::Zero(pt), Instr::Load, Instr::Return], a);
    let text = failure(&m);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "panic: runtime error: invalid memory address or nil pointer dereference"
    );
    assert!(lines[1].starts_with("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x"));
}

#[test]
fn deferred_recover_stops_a_panic() {
    let mut a = Asm::new();
    let boom = a.str("boom");
    let rec = a.func(
        "main.main.func1",
        0,
        0,
        vec![
            Instr::Recover,
            Instr::CallLib {
                func: LibFunc::FmtPrintln,
                argc: 1,
            },
            Instr::Return,
        ],
    );
    let m = run_main_only(
        vec![
            Instr::MakeClosure {
                func: rec,
                ncaptures: 0,
            },
            Instr::Defer { argc: 0 },
            Instr::PushStr(boom),
            Instr::ToIface(TypeTable::basic(Basic::String)),
            Instr::Panic,
            Instr::Return,
        ],
        a,
    );
    assert_eq!(m.stdout(), "boom\n");
    assert_eq!(m.status(), &Status::Exited);
}

#[test]
fn sleepers_wake_in_virtual_time_order() {
    // go func() { time.Sleep(10); fmt.Println("a") }(); time.Sleep(20); fmt.Println("b")
    let mut a = Asm::new();
    let sa = a.str("a");
    let sb = a.str("b");
    let s = TypeTable::basic(Basic::String);
    let child = a.func(
        "main.main.func1",
        0,
        0,
        vec![
            Instr::PushInt(10),
            Instr::CallLib {
                func: LibFunc::TimeSleep,
                argc: 1,
            },
            Instr::PushStr(sa),
            Instr::ToIface(s),
            Instr::CallLib {
                func: LibFunc::FmtPrintln,
                argc: 1,
            },
            Instr::Return,
        ],
    );
    let main = a.func(
        "main.main",
        0,
        0,
        vec![
            Instr::MakeClosure {
                func: child,
                ncaptures: 0,
            },
            Instr::Go { argc: 0 },
            Instr::PushInt(20),
            Instr::CallLib {
                func: LibFunc::TimeSleep,
                argc: 1,
            },
            Instr::PushStr(sb),
            Instr::ToIface(s),
            Instr::CallLib {
                func: LibFunc::FmtPrintln,
                argc: 1,
            },
            Instr::Return,
        ],
    );
    let mut m = machine(a.build(main));
    step(&mut m, 0); // go
    step(&mut m, 0); // main sleeps until 20
    step(&mut m, 1); // child sleeps until 10
    assert_eq!(gids(&m), vec![1], "only the earliest sleeper may wake");
    step(&mut m, 1); // wake at 10
    assert_eq!(m.clock(), 10);
    step(&mut m, 1); // print a (takes os.Stdout's lock)
    step(&mut m, 1); // unlock os.Stdout
    step(&mut m, 1); // exit
    step(&mut m, 0); // wake at 20
    step(&mut m, 0); // print b
    step(&mut m, 0); // unlock os.Stdout
    step(&mut m, 0);
    assert_eq!(m.stdout(), "a\nb\n");
    assert_eq!(m.status(), &Status::Exited);
}

#[test]
fn endless_local_loop_hits_the_instruction_bound() {
    let mut a = Asm::new();
    let main = a.func("main.main", 0, 0, vec![Instr::Jump(0)]);
    let m = machine(a.build(main));
    assert_eq!(
        m.status(),
        &Status::Limit(LimitHit::InstructionsPerStep(1_000_000))
    );
}

#[test]
fn step_bound_goroutine_bomb_and_huge_allocation() {
    // for { _ = *p }
    let mut a = Asm::new();
    let main = a.func(
        "main.main",
        0,
        1,
        vec![
            Instr::Alloc(int()),
            Instr::StoreLocal(0),
            Instr::LoadLocal(0),
            Instr::Load,
            Instr::Pop,
            Instr::Jump(2),
        ],
    );
    let config = Config {
        max_steps: 50,
        ..Config::default()
    };
    let mut m = Machine::new(a.build(main), config);
    while m.status() == &Status::Running {
        step(&mut m, 0);
    }
    assert_eq!(m.status(), &Status::Limit(LimitHit::Steps(50)));
    match m.status() {
        Status::Limit(l) => assert_eq!(
            l.message(),
            "racemap: step limit of 50 reached (the program may loop forever); raise it with --max-steps"
        ),
        _ => unreachable!(),
    }

    // for { go func() {}() }
    let mut a = Asm::new();
    let empty = a.func("main.main.func1", 0, 0, vec![Instr::Return]);
    let main = a.func(
        "main.main",
        0,
        0,
        vec![
            Instr::MakeClosure {
                func: empty,
                ncaptures: 0,
            },
            Instr::Go { argc: 0 },
            Instr::Jump(0),
        ],
    );
    let config = Config {
        max_goroutines: 100,
        ..Config::default()
    };
    let mut m = Machine::new(a.build(main), config);
    while m.status() == &Status::Running {
        step(&mut m, 0);
    }
    assert_eq!(m.status(), &Status::Limit(LimitHit::Goroutines(100)));

    // make([]int, 1<<40)
    let m = run_main_only(
        vec![
            Instr::PushInt(1 << 40),
            Instr::PushInt(1 << 40),
            Instr::MakeSlice { elem: int() },
            Instr::Return,
        ],
        Asm::new(),
    );
    assert!(
        matches!(m.status(), Status::Limit(LimitHit::HeapSlots { requested, .. }) if *requested == 1 << 40)
    );
}

#[test]
fn same_choices_give_identical_events() {
    let run = || {
        let mut m = machine(two_map_writers());
        let mut all = Vec::new();
        let mut seed: u64 = 7;
        while m.status() == &Status::Running {
            let r = m.runnable();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let c = r[(seed >> 33) as usize % r.len()];
            all.extend(m.step(c));
        }
        (all, m.status().clone())
    };
    let (a, sa) = run();
    let (b, sb) = run();
    assert!(!a.is_empty());
    assert_eq!(a, b);
    assert_eq!(sa, sb);
}

#[test]
fn go_statement_child_parks_before_its_first_visible_op() {
    let m = machine(rendezvous());
    let mut m2 = m.clone();
    step(&mut m2, 0);
    let p = m2.pending(Gid(1)).unwrap();
    assert!(p.enabled);
    assert_eq!(p.touches.chans.len(), 1);
    // The clone is independent.
    assert_eq!(m.goroutine_count(), 1);
    assert_eq!(m2.goroutine_count(), 2);
}

#[allow(dead_code)]
fn unused(_: ResultSlot) {}

#[test]
fn sync_map_store_then_load_runs_its_steps() {
    let mut a = Asm::new();
    let smt = a.ty(TypeKind::Sync(SyncKind::Map));
    let key = a.str("a");
    let s = TypeTable::basic(Basic::String);
    let b = TypeTable::basic(Basic::Bool);
    let main = a.func(
        "main.main",
        0,
        2,
        vec![
            Instr::Alloc(smt),
            Instr::StoreLocal(0),
            Instr::LoadLocal(0),
            Instr::PushStr(key),
            Instr::ToIface(s),
            Instr::PushInt(1),
            Instr::ToIface(int()),
            Instr::CallLib {
                func: LibFunc::SyncMapStore,
                argc: 3,
            },
            Instr::LoadLocal(0),
            Instr::PushStr(key),
            Instr::ToIface(s),
            Instr::CallLib {
                func: LibFunc::SyncMapLoad,
                argc: 2,
            },
            Instr::StoreLocal(1),
            Instr::LoadLocal(1),
            Instr::ToIface(b),
            Instr::CallLib {
                func: LibFunc::FmtPrintln,
                argc: 2,
            },
            Instr::Return,
        ],
    );
    let mut m = machine(a.build(main));
    let mut sync_steps = 0;
    while m.status() == &Status::Running {
        for e in step(&mut m, 0) {
            if matches!(e.op, Op::SyncMap { .. }) {
                sync_steps += 1;
            }
        }
    }
    assert_eq!(m.stdout(), "1 true\n");
    assert!(sync_steps >= 2, "Store of a new key takes the slow path");
}

#[test]
fn once_runs_f_once() {
    let mut a = Asm::new();
    let ot = a.ty(TypeKind::Sync(SyncKind::Once));
    let text = a.str("once");
    let f = a.func(
        "main.main.func1",
        0,
        0,
        vec![
            Instr::PushStr(text),
            Instr::ToIface(TypeTable::basic(Basic::String)),
            Instr::CallLib {
                func: LibFunc::FmtPrintln,
                argc: 1,
            },
            Instr::Return,
        ],
    );
    let m = run_main_only(
        vec![
            Instr::Alloc(ot),
            Instr::StoreLocal(0),
            Instr::LoadLocal(0),
            Instr::MakeClosure {
                func: f,
                ncaptures: 0,
            },
            Instr::CallLib {
                func: LibFunc::OnceDo,
                argc: 2,
            },
            Instr::LoadLocal(0),
            Instr::MakeClosure {
                func: f,
                ncaptures: 0,
            },
            Instr::CallLib {
                func: LibFunc::OnceDo,
                argc: 2,
            },
            Instr::Return,
        ],
        a,
    );
    assert_eq!(m.stdout(), "once\n");
    assert_eq!(m.status(), &Status::Exited);
}
