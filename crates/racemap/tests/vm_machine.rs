//! The machine on hand-assembled bytecode: blocking and wake-up, rendezvous, select alts, map
//! writing-flag fatals, RWMutex writer preference, panics and dumps, limits, determinism.

use racemap::bytecode::{
    BinOp, Func, Instr, LibFunc, Program, ResultSlot, SelectCase, SelectTable,
};
use racemap::diag::{SourceMap, Span};
use racemap::lang::ast::ChanDir;
use racemap::lang::types::{Basic, SyncKind, TypeId, TypeKind, TypeTable};
use racemap::rt::config::{Config, LimitHit};
use racemap::rt::event::{Effect, Gid, Op};
use racemap::rt::machine::{Choice, Machine, Status};
use racemap::rt::value::FuncId;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Instruction `i` of function `k` sits on line `100 * k + i + 1` of a dummy source.
struct Asm {
    types: TypeTable,
    funcs: Vec<Func>,
    strings: Vec<Rc<str>>,
    selects: Vec<SelectTable>,
}

const LINE: u32 = 3; // "//\n"

fn span_of_line(line: u32) -> Span {
    let lo = (line - 1) * LINE;
    Span::new(lo, lo + 2)
}

impl Asm {
    fn new() -> Asm {
        Asm {
            types: TypeTable::new(),
            funcs: Vec::new(),
            strings: Vec::new(),
            selects: Vec::new(),
        }
    }

    fn ty(&mut self, k: TypeKind) -> TypeId {
        self.types.intern(k)
    }

    fn str(&mut self, s: &str) -> racemap::bytecode::StrId {
        self.strings.push(Rc::from(s));
        racemap::bytecode::StrId(self.strings.len() as u32 - 1)
    }

    fn select(&mut self, cases: Vec<SelectCase>, has_default: bool) -> racemap::bytecode::SelectId {
        self.selects.push(SelectTable { cases, has_default });
        racemap::bytecode::SelectId(self.selects.len() as u32 - 1)
    }

    /// Reserve a function id (for mutual references), filled by `define`.
    fn declare(&mut self, name: &str) -> FuncId {
        let k = self.funcs.len() as u32;
        self.funcs.push(Func {
            name: Rc::from(name),
            span: Span::new(span_of_line(100 * k + 1).lo, span_of_line(100 * k + 99).hi),
            params: 0,
            param_types: Vec::new(),
            results: Vec::new(),
            result_slots: Vec::new(),
            locals: 0,
            captures: 0,
            variadic: false,
            code: Vec::new(),
            spans: Vec::new(),
            wrapper: false,
        });
        FuncId(k)
    }

    fn define(&mut self, f: FuncId, params: u32, locals: u32, code: Vec<Instr>) {
        let k = f.0;
        let func = &mut self.funcs[k as usize];
        func.params = params;
        func.param_types = vec![TypeTable::basic(Basic::Int); params as usize];
        func.locals = locals.max(params);
        func.spans = (0..code.len() as u32)
            .map(|i| span_of_line(100 * k + i + 1))
            .collect();
        func.code = code;
    }

    fn func(&mut self, name: &str, params: u32, locals: u32, code: Vec<Instr>) -> FuncId {
        let f = self.declare(name);
        self.define(f, params, locals, code);
        f
    }

    fn build(mut self, main: FuncId) -> Rc<Program> {
        let init = self.func("main.init", 0, 0, vec![Instr::Return]);
        let lines = 100 * self.funcs.len() + 10;
        let source = "//\n".repeat(lines);
        let error_type = TypeTable::basic(Basic::String);
        Rc::new(Program {
            source_map: SourceMap::new("prog.go", &source),
            source,
            funcs: self.funcs,
            types: self.types,
            globals: Vec::new(),
            strings: self.strings,
            selects: self.selects,
            methods: BTreeMap::new(),
            init,
            main,
            error_type,
            tests: Vec::new(),
        })
    }
}

fn int() -> TypeId {
    TypeTable::basic(Basic::Int)
}

fn machine(p: Rc<Program>) -> Machine {
    Machine::new(p, Config::default())
}

/// Step the first runnable choice of `gid`; panics (in the test) when it is not runnable.
fn step(m: &mut Machine, gid: u32) -> Vec<racemap::rt::event::Event> {
    let c = m
        .runnable()
        .into_iter()
        .find(|c| c.gid == Gid(gid))
        .unwrap_or_else(|| panic!("goroutine {gid} not runnable: {:?}", m.runnable()));
    m.step(c)
}

fn gids(m: &Machine) -> Vec<u32> {
    m.runnable().iter().map(|c| c.gid.0).collect()
}

fn failure(m: &Machine) -> String {
    match m.status() {
        Status::Failed(e) => e.render(),
        other => panic!("expected a failure, got {other:?}"),
    }
}

/// main spawns two writers of `m[1] = 1` (passing the map); main then `m[k] = 2` itself.
fn two_map_writers() -> Rc<Program> {
    let mut a = Asm::new();
    let mt = a.ty(TypeKind::Map(int(), int()));
    let main = a.declare("main.main");
    let writer = a.func(
        "main.main.func1",
        1,
        1,
        vec![
            Instr::LoadLocal(0),
            Instr::PushInt(1),
            Instr::PushInt(1),
            Instr::MapSet,
            Instr::Return,
        ],
    );
    a.define(
        main,
        0,
        1,
        vec![
            Instr::MakeMap(mt),
            Instr::StoreLocal(0),
            Instr::MakeClosure {
                func: writer,
                ncaptures: 0,
            },
            Instr::LoadLocal(0),
            Instr::Go { argc: 1 },
            Instr::MakeClosure {
                func: writer,
                ncaptures: 0,
            },
            Instr::LoadLocal(0),
            Instr::Go { argc: 1 },
            Instr::LoadLocal(0),
            Instr::PushInt(1),
            Instr::MapGet {
                elem: int(),
                comma_ok: false,
            },
            Instr::Pop,
            Instr::Return,
        ],
    );
    a.build(main)
}

#[test]
fn overlapping_map_writes_are_fatal_with_a_full_dump() {
    let mut m = machine(two_map_writers());
    assert_eq!(gids(&m), vec![0]);
    let ev = step(&mut m, 0); // go writer 1
    assert_eq!(ev[0].op, Op::Go { child: Gid(1) });
    assert_eq!(ev[0].effects, vec![Effect::Spawn(Gid(1))]);
    step(&mut m, 0); // go writer 2
    assert_eq!(gids(&m), vec![0, 1, 2]);
    // No `fmt` in this program: a race build's first user goroutine is 6 (7 once `fmt` starts
    // `os`).
    assert_eq!(m.go_id(Gid(1)), 6);
    assert_eq!(m.go_id(Gid(2)), 7);
    let ev = step(&mut m, 1);
    assert!(matches!(ev[0].op, Op::MapWriteBegin { .. }));
    step(&mut m, 2);
    expect_test::expect![[r#"
        fatal error: concurrent map writes

        goroutine 7 [running]:
        main.main.func1(0xc000070000)
        	prog.go:104 +0x2c
        created by main.main
        	prog.go:8 +0x50

        goroutine 1 [runnable]:
        main.main()
        	prog.go:11 +0x6b

        goroutine 6 [runnable]:
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

/// main: ch := make(chan int); go func(ch) { ch <- 42 }(ch); fmt.Println(<-ch)
fn rendezvous() -> Rc<Program> {
    let mut a = Asm::new();
    let ct = a.ty(TypeKind::Chan(ChanDir::Both, int()));
    let main = a.declare("main.main");
    let sender = a.func(
        "main.main.func1",
        1,
        1,
        vec![
            Instr::LoadLocal(0),
            Instr::PushInt(42),
            Instr::Send,
            Instr::Return,
        ],
    );
    let _ = ct;
    a.define(
        main,
        0,
        1,
        vec![
            Instr::PushInt(0),
            Instr::MakeChan { elem: int() },
            Instr::StoreLocal(0),
            Instr::MakeClosure {
                func: sender,
                ncaptures: 0,
            },
            Instr::LoadLocal(0),
            Instr::Go { argc: 1 },
            Instr::LoadLocal(0),
            Instr::Recv {
                elem: int(),
                comma_ok: false,
            },
            Instr::ToIface(int()),
            Instr::CallLib {
                func: LibFunc::FmtPrintln,
                argc: 1,
            },
            Instr::Return,
        ],
    );
    a.build(main)
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
    step(&mut m, 1); // print a
    step(&mut m, 1); // exit
    step(&mut m, 0); // wake at 20
    step(&mut m, 0); // print b
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
