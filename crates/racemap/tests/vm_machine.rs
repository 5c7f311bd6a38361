//! The machine on hand-assembled bytecode: blocking and wake-up, rendezvous, select alts, map
//! writing-flag fatals, RWMutex writer preference, mutex misuse (the assembler: `vm/mod.rs`;
//! panics, limits and determinism: `vm_runtime.rs`).

mod vm;

use vm::*;

#[test]
fn overlapping_map_writes_are_fatal_with_a_full_dump() {
    let mut m = machine(two_map_writers());
    assert_eq!(gids(&m), vec![0]);
    let ev = step(&mut m, 0); // go writer 1
    assert_eq!(ev[0].op, Op::Go { child: Gid(1) });
    assert_eq!(ev[0].effects, vec![Effect::Spawn(Gid(1))]);
    step(&mut m, 0); // go writer 2
    assert_eq!(gids(&m), vec![0, 1, 2]);
    // No `fmt` in this program: a race build's first user goroutine is 6 in race reports (7
    // once `fmt` starts `os`), and 5 in goroutine dumps (the runtime's goid).
    assert_eq!(m.go_id(Gid(1)), 6);
    assert_eq!(m.go_id(Gid(2)), 7);
    let ev = step(&mut m, 1);
    assert!(matches!(ev[0].op, Op::MapWriteBegin { .. }));
    step(&mut m, 2);
    expect_test::expect![[r#"
        fatal error: concurrent map writes

        goroutine 6 [running]:
        main.main.func1(0xc000070000)
        	prog.go:104 +0x2c
        created by main.main
        	prog.go:8 +0x50

        goroutine 1 [runnable]:
        main.main()
        	prog.go:11 +0x6b

        goroutine 5 [runnable]:
        main.main.func1(0xc000070000)
        	prog.go:104 +0x2c
        created by main.main
        	prog.go:5 +0x35
    "#]]
    .assert_eq(&failure(&m));
    assert!(m.runnable().is_empty());
    assert_eq!(m.exit_code(), Some(2));
}

#[test]
fn map_read_inside_a_write_window_is_fatal() {
    let mut m = machine(two_map_writers());
    step(&mut m, 0);
    step(&mut m, 0);
    step(&mut m, 1); // begin: flag set
    step(&mut m, 1); // end: entry stored, flag cleared
    step(&mut m, 2); // begin of the second writer
    step(&mut m, 0); // main reads m[1] while writing
    let text = failure(&m);
    assert!(text.starts_with("fatal error: concurrent map read and map write\n\ngoroutine 1 [running]:\nmain.main()\n"), "{text}");
}

#[test]
fn sequential_map_writes_and_read_exit_cleanly() {
    let mut m = machine(two_map_writers());
    step(&mut m, 0);
    step(&mut m, 0);
    for g in [1, 1, 1, 2, 2, 2] {
        step(&mut m, g);
    }
    let ev = step(&mut m, 0);
    assert!(matches!(ev[0].op, Op::MapRead { .. }));
    step(&mut m, 0); // exit
    assert_eq!(m.status(), &Status::Exited);
    assert_eq!(m.exit_code(), Some(0));
}

#[test]
fn unbuffered_rendezvous_completes_both_sides_in_one_step() {
    let mut m = machine(rendezvous());
    step(&mut m, 0); // go
                     // Both are parked at matching operations: both are enabled.
    assert_eq!(gids(&m), vec![0, 1]);
    let ev = step(&mut m, 1);
    assert_eq!(ev.len(), 2, "{ev:?}");
    assert!(matches!(
        ev[0].op,
        Op::Send {
            to: Some(Gid(0)),
            ..
        }
    ));
    assert!(matches!(
        ev[1].op,
        Op::Recv {
            from: Some(Gid(1)),
            ok: true,
            ..
        }
    ));
    assert_eq!(ev[1].gid, Gid(0));
    // main moved on to Println, the sender to its exit.
    step(&mut m, 0);
    assert_eq!(m.stdout(), "42\n");
    step(&mut m, 0); // os.Stdout's unlock
    step(&mut m, 0);
    assert_eq!(m.status(), &Status::Exited);
}

#[test]
fn receive_alone_deadlocks_with_go_dump() {
    let mut a = Asm::new();
    let main = a.func(
        "main.main",
        0,
        1,
        vec![
            Instr::PushInt(0),
            Instr::MakeChan { elem: int() },
            Instr::Recv {
                elem: int(),
                comma_ok: false,
            },
            Instr::Pop,
            Instr::Return,
        ],
    );
    let m = machine(a.build(main));
    expect_test::expect![[r#"
        fatal error: all goroutines are asleep - deadlock!

        goroutine 1 [chan receive]:
        main.main()
        	prog.go:3 +0x23
    "#]]
    .assert_eq(&failure(&m));
}

/// A buffered channel of 2: send 1, send 2, close, then three receives with ok.
#[test]
fn closed_channel_drains_then_yields_zero_false() {
    let mut a = Asm::new();
    let mut code = vec![
        Instr::PushInt(2),
        Instr::MakeChan { elem: int() },
        Instr::StoreLocal(0),
        Instr::LoadLocal(0),
        Instr::PushInt(1),
        Instr::Send,
        Instr::LoadLocal(0),
        Instr::PushInt(2),
        Instr::Send,
        Instr::LoadLocal(0),
        Instr::Close,
    ];
    for _ in 0..3 {
        code.extend([
            Instr::LoadLocal(0),
            Instr::Recv {
                elem: int(),
                comma_ok: true,
            },
            Instr::StoreLocal(1),
            Instr::ToIface(int()),
            Instr::LoadLocal(1),
            Instr::ToIface(TypeTable::basic(Basic::Bool)),
            Instr::CallLib {
                func: LibFunc::FmtPrintln,
                argc: 2,
            },
        ]);
    }
    code.push(Instr::Return);
    let main = a.func("main.main", 0, 2, code);
    let mut m = machine(a.build(main));
    while m.status() == &Status::Running {
        step(&mut m, 0);
    }
    assert_eq!(m.stdout(), "1 true\n2 true\n0 false\n");
    assert_eq!(m.status(), &Status::Exited);
}

#[test]
fn select_exposes_one_choice_per_ready_case() {
    let mut a = Asm::new();
    let sel = a.select(
        vec![
            SelectCase::Recv { elem: int() },
            SelectCase::Recv { elem: int() },
        ],
        false,
    );
    let main = a.func(
        "main.main",
        0,
        2,
        vec![
            Instr::PushInt(1),
            Instr::MakeChan { elem: int() },
            Instr::StoreLocal(0),
            Instr::PushInt(1),
            Instr::MakeChan { elem: int() },
            Instr::StoreLocal(1),
            Instr::LoadLocal(0),
            Instr::PushInt(10),
            Instr::Send,
            Instr::LoadLocal(1),
            Instr::PushInt(20),
            Instr::Send,
            Instr::LoadLocal(0),
            Instr::LoadLocal(1),
            Instr::Select(sel),
            // [v, ok, index]: print v
            Instr::Pop,
            Instr::Pop,
            Instr::ToIface(int()),
            Instr::CallLib {
                func: LibFunc::FmtPrintln,
                argc: 1,
            },
            Instr::Return,
        ],
    );
    let p = a.build(main);
    for (alt, out) in [(0, "10\n"), (1, "20\n")] {
        let mut m = machine(p.clone());
        for _ in 0..2 {
            step(&mut m, 0);
        }
        assert_eq!(
            m.runnable(),
            vec![
                Choice {
                    gid: Gid(0),
                    alt: 0
                },
                Choice {
                    gid: Gid(0),
                    alt: 1
                }
            ]
        );
        let ev = m.step(Choice { gid: Gid(0), alt });
        assert_eq!(ev[0].op, Op::Select { case: Some(alt) });
        step(&mut m, 0);
        assert_eq!(m.stdout(), out);
    }
}

/// main: rw.RLock(); go writer(rw) { Lock; Unlock }; go reader(rw) { RLock; RUnlock }; RUnlock
#[test]
fn pending_writer_blocks_new_readers() {
    let mut a = Asm::new();
    let rwt = a.ty(TypeKind::Sync(SyncKind::RwMutex));
    let main = a.declare("main.main");
    let lib = |f| Instr::CallLib { func: f, argc: 1 };
    let writer = a.func(
        "main.main.func1",
        1,
        1,
        vec![
            Instr::LoadLocal(0),
            lib(LibFunc::RwMutexLock),
            Instr::LoadLocal(0),
            lib(LibFunc::RwMutexUnlock),
            Instr::Return,
        ],
    );
    let reader = a.func(
        "main.main.func2",
        1,
        1,
        vec![
            Instr::LoadLocal(0),
            lib(LibFunc::RwMutexRLock),
            Instr::LoadLocal(0),
            lib(LibFunc::RwMutexRUnlock),
            Instr::Return,
        ],
    );
    a.define(
        main,
        0,
        1,
        vec![
            Instr::Alloc(rwt),
            Instr::StoreLocal(0),
            Instr::LoadLocal(0),
            lib(LibFunc::RwMutexRLock),
            Instr::MakeClosure {
                func: writer,
                ncaptures: 0,
            },
            Instr::LoadLocal(0),
            Instr::Go { argc: 1 },
            Instr::MakeClosure {
                func: reader,
                ncaptures: 0,
            },
            Instr::LoadLocal(0),
            Instr::Go { argc: 1 },
            Instr::LoadLocal(0),
            lib(LibFunc::RwMutexRUnlock),
            Instr::Return,
        ],
    );
    let mut m = machine(a.build(main));
    step(&mut m, 0); // RLock
    step(&mut m, 0); // go writer
    step(&mut m, 0); // go reader
    assert_eq!(gids(&m), vec![0, 1, 2]);
    step(&mut m, 1); // writer announces, waits for main's read lock
    assert_eq!(
        gids(&m),
        vec![0],
        "the pending writer excludes the new reader"
    );
    let p = m.pending(Gid(2)).unwrap();
    assert!(!p.enabled);
    assert_eq!(p.wait.map(|w| w.as_str()), Some("sync.RWMutex.RLock"));
    assert_eq!(
        m.pending(Gid(1)).unwrap().wait.map(|w| w.as_str()),
        Some("sync.RWMutex.Lock")
    );
    step(&mut m, 0); // RUnlock: the writer can finish
    assert_eq!(gids(&m), vec![0, 1]);
    step(&mut m, 1); // Lock returns
    step(&mut m, 1); // Unlock
    assert!(gids(&m).contains(&2));
}

#[test]
fn recursive_lock_deadlock_names_the_wait_reason() {
    let mut a = Asm::new();
    let mt = a.ty(TypeKind::Sync(SyncKind::Mutex));
    let lib = |f| Instr::CallLib { func: f, argc: 1 };
    let main = a.func(
        "main.main",
        0,
        1,
        vec![
            Instr::Alloc(mt),
            Instr::StoreLocal(0),
            Instr::LoadLocal(0),
            lib(LibFunc::MutexLock),
            Instr::LoadLocal(0),
            lib(LibFunc::MutexLock),
            Instr::Return,
        ],
    );
    let mut m = machine(a.build(main));
    step(&mut m, 0);
    // Go 1.19 labels a sync wait `semacquire` and shows the sync frames.
    assert!(failure(&m).starts_with(
        "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [semacquire]:\nsync.runtime_SemacquireMutex(0x0?, 0x0?, 0x0?)\n\t/usr/local/go/src/runtime/sema.go:77 +0x25\nsync.(*Mutex).lockSlow("
    ), "{}", failure(&m));
}

#[test]
fn unlock_of_unlocked_mutex_is_fatal() {
    let mut a = Asm::new();
    let mt = a.ty(TypeKind::Sync(SyncKind::Mutex));
    let main = a.func(
        "main.main",
        0,
        1,
        vec![
            Instr::Alloc(mt),
            Instr::CallLib {
                func: LibFunc::MutexUnlock,
                argc: 1,
            },
            Instr::Return,
        ],
    );
    let mut m = machine(a.build(main));
    step(&mut m, 0);
    assert!(failure(&m)
        .starts_with("fatal error: sync: unlock of unlocked mutex\n\ngoroutine 1 [running]:\n"));
}
