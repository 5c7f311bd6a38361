//! Detector tests with synthetic event sequences: for each happens-before edge of the Go memory
//! model (design.md §2) one sequence ordered by it (no race) and one that is not (race), plus
//! report rendering and Go's report suppression.

use super::detector::{Detector, DetectorConfig};
use crate::diag::{SourceMap, Span};
use crate::rt::event::{Effect, Event, Gid, Loc, Op, StackFrame, SyncVar};
use crate::rt::value::{ChanId, FuncId, MapId, ObjId, Pointer, Value};
use std::rc::Rc;

/// A source of 200 empty lines: offset `n - 1` is on line `n`.
fn source_map() -> Rc<SourceMap> {
    Rc::new(SourceMap::new("prog.go", &"\n".repeat(200)))
}

fn span(line: u32) -> Span {
    Span::new(line - 1, line - 1)
}

fn func_name(gid: Gid) -> String {
    if gid == Gid::MAIN {
        "main.main".to_string()
    } else {
        format!("main.main.func{}", gid.0)
    }
}

/// A step of `gid` at `line` with `effects`.
fn step(gid: u32, line: u32, op: Op, effects: Vec<Effect>) -> Event {
    let gid = Gid(gid);
    Event {
        gid,
        span: span(line),
        stack: Rc::from(vec![StackFrame {
            func: FuncId(gid.0),
            name: Rc::from(func_name(gid).as_str()),
            span: span(line),
        }]),
        op,
        effects,
    }
}

fn x() -> Loc {
    Loc::Heap(Pointer::root(ObjId(1)))
}

fn ptr(n: u32) -> Pointer {
    Pointer::root(ObjId(100 + n))
}

fn print() -> Op {
    Op::Print {
        text: String::new(),
        stderr: false,
    }
}

fn write(gid: u32, line: u32) -> Event {
    step(gid, line, print(), vec![Effect::Write(x())])
}

fn read(gid: u32, line: u32) -> Event {
    step(gid, line, print(), vec![Effect::Read(x())])
}

fn sync(gid: u32, line: u32, effects: Vec<Effect>) -> Event {
    step(gid, line, print(), effects)
}

fn spawn(parent: u32, child: u32, line: u32) -> Event {
    step(
        parent,
        line,
        Op::Go { child: Gid(child) },
        vec![Effect::Spawn(Gid(child))],
    )
}

fn exit(gid: u32, line: u32) -> Event {
    step(gid, line, Op::Exit, vec![])
}

fn races(events: &[Event]) -> usize {
    let mut d = Detector::new(DetectorConfig::new(source_map()));
    for e in events {
        d.observe(e);
    }
    d.reports().len()
}

fn rel(v: SyncVar) -> Effect {
    Effect::Release(v)
}

fn acq(v: SyncVar) -> Effect {
    Effect::Acquire(v)
}

/// Each case: (rule, ordered sequence, unordered sequence). Goroutine 1 and 2 are spawned by main
/// before anything else happens.
fn cases() -> Vec<(&'static str, Vec<Event>, Vec<Event>)> {
    let slot = |k| SyncVar::ChanSlot(ChanId(0), k);
    let lock = SyncVar::Lock(ptr(1));
    let rlock = SyncVar::ReadLock(ptr(1));
    vec![
        (
            "go statement -> start of the goroutine",
            vec![write(0, 3), spawn(0, 1, 4), read(1, 5)],
            vec![spawn(0, 1, 4), write(0, 3), read(1, 5)],
        ),
        (
            "send -> completion of the matching receive",
            vec![
                spawn(0, 1, 2),
                write(1, 3),
                sync(1, 4, vec![rel(slot(0))]),
                sync(0, 5, vec![acq(slot(0))]),
                read(0, 6),
            ],
            vec![
                spawn(0, 1, 2),
                sync(1, 4, vec![rel(slot(0))]),
                write(1, 3),
                sync(0, 5, vec![acq(slot(0))]),
                read(0, 6),
            ],
        ),
        (
            "close -> receive that observes the close",
            vec![
                spawn(0, 1, 2),
                write(1, 3),
                sync(1, 4, vec![rel(SyncVar::ChanClose(ChanId(0)))]),
                sync(0, 5, vec![acq(SyncVar::ChanClose(ChanId(0)))]),
                read(0, 6),
            ],
            vec![
                spawn(0, 1, 2),
                write(1, 3),
                sync(1, 4, vec![rel(SyncVar::ChanClose(ChanId(0)))]),
                // main received a value from another channel, not the close
                sync(0, 5, vec![acq(SyncVar::ChanClose(ChanId(1)))]),
                read(0, 6),
            ],
        ),
        (
            "unbuffered receive -> completion of the matching send",
            // rendezvous: receiver (1) releases, sender (main) acquires in the same step
            vec![
                spawn(0, 1, 2),
                write(1, 3),
                sync(1, 4, vec![rel(slot(0)), acq(slot(0))]),
                sync(0, 4, vec![rel(slot(0)), acq(slot(0))]),
                read(0, 6),
            ],
            vec![
                spawn(0, 1, 2),
                sync(1, 4, vec![rel(slot(0)), acq(slot(0))]),
                sync(0, 4, vec![rel(slot(0)), acq(slot(0))]),
                write(1, 3),
                read(0, 6),
            ],
        ),
        (
            "k-th receive on capacity C -> completion of the (k+C)-th send",
            // capacity 1: the receive of message 0 releases slot 0, the send of message 1
            // acquires slot 0
            vec![
                spawn(0, 1, 2),
                write(1, 3),
                sync(1, 4, vec![acq(slot(0)), rel(slot(0))]), // receive #0
                sync(0, 5, vec![acq(slot(0)), rel(slot(0))]), // send #1 completes
                read(0, 6),
            ],
            vec![
                spawn(0, 1, 2),
                sync(1, 4, vec![acq(slot(0)), rel(slot(0))]),
                write(1, 3),
                sync(0, 5, vec![acq(slot(0)), rel(slot(0))]),
                read(0, 6),
            ],
        ),
        (
            "n-th Unlock -> return of the m-th Lock (n < m)",
            vec![
                spawn(0, 1, 2),
                sync(1, 3, vec![acq(lock.clone())]),
                write(1, 4),
                sync(1, 5, vec![rel(lock.clone())]),
                sync(0, 6, vec![acq(lock.clone())]),
                read(0, 7),
            ],
            vec![
                spawn(0, 1, 2),
                sync(1, 3, vec![acq(lock.clone())]),
                write(1, 4),
                sync(0, 6, vec![acq(lock.clone())]),
                read(0, 7),
            ],
        ),
        (
            "RWMutex: Unlock -> RLock",
            vec![
                spawn(0, 1, 2),
                sync(1, 3, vec![acq(lock.clone()), acq(rlock.clone())]),
                write(1, 4),
                sync(1, 5, vec![rel(lock.clone())]),
                sync(0, 6, vec![acq(lock.clone())]),
                read(0, 7),
            ],
            vec![
                spawn(0, 1, 2),
                write(1, 4),
                sync(0, 6, vec![acq(lock.clone())]),
                read(0, 7),
            ],
        ),
        (
            "RWMutex: RUnlock -> next Lock",
            vec![
                spawn(0, 1, 2),
                spawn(0, 2, 2),
                sync(1, 3, vec![acq(lock.clone())]),
                read(1, 4),
                sync(1, 5, vec![rel(rlock.clone())]),
                sync(2, 3, vec![acq(lock.clone())]),
                read(2, 4),
                sync(2, 5, vec![rel(rlock.clone())]),
                sync(0, 6, vec![acq(lock.clone()), acq(rlock.clone())]),
                write(0, 7),
            ],
            vec![
                spawn(0, 1, 2),
                spawn(0, 2, 2),
                sync(1, 3, vec![acq(lock.clone())]),
                read(1, 4),
                sync(1, 5, vec![rel(rlock.clone())]),
                sync(2, 3, vec![acq(lock.clone())]),
                read(2, 4),
                // the Lock happens before the second RUnlock
                sync(0, 6, vec![acq(lock.clone()), acq(rlock.clone())]),
                sync(2, 5, vec![rel(rlock.clone())]),
                write(0, 7),
            ],
        ),
        (
            "Once: completion of f -> return of every Do",
            vec![
                spawn(0, 1, 2),
                write(1, 3),
                sync(1, 4, vec![rel(SyncVar::Once(ptr(2)))]),
                sync(0, 5, vec![acq(SyncVar::Once(ptr(2)))]),
                read(0, 6),
            ],
            vec![
                spawn(0, 1, 2),
                sync(1, 4, vec![rel(SyncVar::Once(ptr(2)))]),
                sync(0, 5, vec![acq(SyncVar::Once(ptr(2)))]),
                write(1, 3),
                read(0, 6),
            ],
        ),
        (
            "WaitGroup: Done -> return of the Wait it unblocks",
            vec![
                spawn(0, 1, 2),
                spawn(0, 2, 2),
                write(1, 3),
                sync(1, 4, vec![rel(SyncVar::WaitGroup(ptr(3)))]),
                sync(2, 4, vec![rel(SyncVar::WaitGroup(ptr(3)))]),
                sync(0, 5, vec![acq(SyncVar::WaitGroup(ptr(3)))]),
                read(0, 6),
            ],
            vec![
                spawn(0, 1, 2),
                spawn(0, 2, 2),
                sync(2, 4, vec![rel(SyncVar::WaitGroup(ptr(3)))]),
                sync(0, 5, vec![acq(SyncVar::WaitGroup(ptr(3)))]),
                write(1, 3),
                read(0, 6),
            ],
        ),
        (
            "sync.Map: a write -> the read that observes it",
            vec![
                spawn(0, 1, 2),
                write(1, 3),
                sync(
                    1,
                    4,
                    vec![rel(SyncVar::SyncMapKey(
                        ptr(4),
                        crate::rt::value::MapKey::Int(1),
                    ))],
                ),
                sync(
                    0,
                    5,
                    vec![acq(SyncVar::SyncMapKey(
                        ptr(4),
                        crate::rt::value::MapKey::Int(1),
                    ))],
                ),
                read(0, 6),
            ],
            vec![
                spawn(0, 1, 2),
                write(1, 3),
                sync(
                    1,
                    4,
                    vec![rel(SyncVar::SyncMapKey(
                        ptr(4),
                        crate::rt::value::MapKey::Int(1),
                    ))],
                ),
                // observes a different key
                sync(
                    0,
                    5,
                    vec![acq(SyncVar::SyncMapKey(
                        ptr(4),
                        crate::rt::value::MapKey::Int(2),
                    ))],
                ),
                read(0, 6),
            ],
        ),
        (
            "atomics: observed write -> observing read",
            vec![
                spawn(0, 1, 2),
                write(1, 3),
                sync(
                    1,
                    4,
                    vec![
                        Effect::Atomic {
                            loc: Loc::Heap(ptr(5)),
                            write: true,
                            exclusive: false,
                        },
                        rel(SyncVar::Atomic(ptr(5))),
                    ],
                ),
                sync(
                    0,
                    5,
                    vec![
                        acq(SyncVar::Atomic(ptr(5))),
                        Effect::Atomic {
                            loc: Loc::Heap(ptr(5)),
                            write: false,
                            exclusive: false,
                        },
                    ],
                ),
                read(0, 6),
            ],
            vec![
                spawn(0, 1, 2),
                sync(
                    0,
                    5,
                    vec![
                        acq(SyncVar::Atomic(ptr(5))),
                        Effect::Atomic {
                            loc: Loc::Heap(ptr(5)),
                            write: false,
                            exclusive: false,
                        },
                    ],
                ),
                write(1, 3),
                sync(
                    1,
                    4,
                    vec![
                        Effect::Atomic {
                            loc: Loc::Heap(ptr(5)),
                            write: true,
                            exclusive: false,
                        },
                        rel(SyncVar::Atomic(ptr(5))),
                    ],
                ),
                read(0, 6),
            ],
        ),
    ]
}

#[test]
fn each_happens_before_edge_orders_and_its_absence_races() {
    for (rule, ordered, unordered) in cases() {
        assert_eq!(races(&ordered), 0, "ordered by `{rule}` but reported");
        assert_eq!(races(&unordered), 1, "not ordered by `{rule}` but no race");
    }
}

#[test]
fn goroutine_exit_orders_nothing() {
    // main waits for g1 to exit (e.g. by sleeping): still a race
    let events = vec![spawn(0, 1, 2), write(1, 3), exit(1, 4), read(0, 6)];
    assert_eq!(races(&events), 1);
}

#[test]
fn sleep_orders_nothing() {
    let sleep = |gid, line| step(gid, line, Op::Sleep { until: 10 }, vec![]);
    let wake = |gid, line| step(gid, line, Op::Wake, vec![]);
    let events = vec![
        spawn(0, 1, 2),
        sleep(0, 3),
        write(1, 4),
        wake(0, 3),
        read(0, 6),
    ];
    assert_eq!(races(&events), 1);
}

#[test]
fn atomics_never_race_with_each_other_but_do_with_plain_accesses() {
    let at = |gid, line, write| {
        sync(
            gid,
            line,
            vec![Effect::Atomic {
                loc: x(),
                write,
                exclusive: false,
            }],
        )
    };
    assert_eq!(
        races(&[
            spawn(0, 1, 2),
            at(1, 3, true),
            at(0, 4, true),
            at(0, 5, false)
        ]),
        0
    );
    assert_eq!(races(&[spawn(0, 1, 2), at(1, 3, true), read(0, 4)]), 1);
    assert_eq!(races(&[spawn(0, 1, 2), at(1, 3, false), write(0, 4)]), 1);
    assert_eq!(races(&[spawn(0, 1, 2), read(1, 3), at(0, 4, true)]), 1);
    // an atomic read and a plain read do not conflict
    assert_eq!(races(&[spawn(0, 1, 2), at(1, 3, false), read(0, 4)]), 0);
    // a goroutine's atomic read after its atomic write keeps the write: a plain read by
    // another goroutine races with it (TSan keeps the write's shadow cell)
    assert_eq!(
        races(&[spawn(0, 1, 2), at(1, 3, true), at(1, 4, false), read(0, 5)]),
        1
    );
}

#[test]
fn concurrent_reads_do_not_race_but_a_later_write_races_with_each() {
    assert_eq!(
        races(&[spawn(0, 1, 2), spawn(0, 2, 2), read(1, 3), read(2, 4)]),
        0
    );
    // read-shared: the write races with the read of goroutine 1 even though goroutine 2 read
    // later and is ordered before the write
    let lock = SyncVar::Lock(ptr(1));
    let events = vec![
        spawn(0, 1, 2),
        spawn(0, 2, 2),
        read(1, 3),
        read(2, 4),
        sync(2, 5, vec![rel(lock.clone())]),
        sync(0, 6, vec![acq(lock)]),
        write(0, 7),
    ];
    assert_eq!(races(&events), 1);
}

#[test]
fn same_goroutine_never_races_with_itself() {
    assert_eq!(races(&[write(0, 3), read(0, 4), write(0, 5)]), 0);
}

#[test]
fn a_location_is_reported_once_as_go_does() {
    // d.go-like: two different racing pairs on the same variable → one report
    let events = vec![
        spawn(0, 1, 2),
        write(1, 3),
        read(0, 5),
        spawn(0, 2, 6),
        write(2, 7),
        read(0, 9),
    ];
    assert_eq!(races(&events), 1);
}

#[test]
fn the_same_stack_pair_is_reported_once_across_locations() {
    let y = || Loc::Heap(Pointer::root(ObjId(2)));
    let events = vec![
        spawn(0, 1, 2),
        step(1, 3, print(), vec![Effect::Write(x()), Effect::Write(y())]),
        step(0, 5, print(), vec![Effect::Read(x()), Effect::Read(y())]),
    ];
    assert_eq!(races(&events), 1);
}

#[test]
fn report_renders_like_go() {
    let mut d = Detector::new(DetectorConfig::new(source_map()));
    let events = vec![
        spawn(0, 1, 6),
        read(1, 7),
        exit(1, 8),
        spawn(0, 2, 10),
        write(2, 12),
    ];
    for e in &events {
        d.observe(e);
    }
    assert_eq!(d.reports().len(), 1);
    expect_test::expect![[r#"
        ==================
        WARNING: DATA RACE
        Write at 0x00c000010100 by goroutine 8:
          main.main.func2()
              prog.go:12 +0x1b4

        Previous read at 0x00c000010100 by goroutine 7:
          main.main.func1()
              prog.go:7 +0xfb

        Goroutine 8 (running) created at:
          main.main()
              prog.go:10 +0x16a

        Goroutine 7 (finished) created at:
          main.main()
              prog.go:6 +0xd6
        ==================
    "#]]
    .assert_eq(&d.reports()[0].render());
}

#[test]
fn map_race_shows_runtime_frames_and_main_goroutine() {
    let m = Loc::Map(MapId(0));
    let events = vec![
        spawn(0, 1, 4),
        step(
            1,
            5,
            Op::MapWriteBegin {
                map: MapId(0),
                key: Some(Value::str("a")),
                delete: false,
            },
            vec![Effect::Write(m.clone())],
        ),
        step(
            0,
            8,
            Op::MapRead {
                map: MapId(0),
                key: Some(Value::Int(1)),
            },
            vec![Effect::Read(m)],
        ),
    ];
    let mut d = Detector::new(DetectorConfig::new(source_map()));
    for e in &events {
        d.observe(e);
    }
    expect_test::expect![[r#"
        ==================
        WARNING: DATA RACE
        Read at 0x00c000090000 by main goroutine:
          runtime.mapaccess1_fast64()
              /usr/local/go/src/runtime/map_fast64.go:13 +0x0
          main.main()
              prog.go:8 +0x120

        Previous write at 0x00c000090000 by goroutine 7:
          runtime.mapassign_faststr()
              /usr/local/go/src/runtime/map_faststr.go:203 +0x0
          main.main.func1()
              prog.go:5 +0xb1

        Goroutine 7 (running) created at:
          main.main()
              prog.go:4 +0x8c
        ==================
    "#]]
    .assert_eq(&d.reports()[0].render());
}

#[test]
fn unbuffered_rendezvous_orders_both_ways_within_one_step() {
    // The machine's shape: one step, the sender's event then the receiver's, each
    // `[Release(slot), Acquire(slot)]`.
    let slot = SyncVar::ChanSlot(ChanId(0), 0);
    let both = || vec![rel(slot.clone()), acq(slot.clone())];
    let mut d = Detector::new(DetectorConfig::new(source_map()));
    d.observe(&spawn(0, 1, 2));
    d.observe(&write(1, 3)); // receiver writes, then receives
    d.observe_step(&[sync(0, 4, both()), sync(1, 4, both())]);
    d.observe(&read(0, 5)); // sender reads after its send completed
    assert!(d.reports().is_empty());
    // Unordered counterpart: the receiver writes after the rendezvous.
    let mut d = Detector::new(DetectorConfig::new(source_map()));
    d.observe(&spawn(0, 1, 2));
    d.observe_step(&[sync(0, 4, both()), sync(1, 4, both())]);
    d.observe(&write(1, 3));
    d.observe(&read(0, 5));
    assert_eq!(d.reports().len(), 1);
}

/// The race detector's canonical form (`Detector::hash_canonical`, the stateful search's key)
/// tells apart two detectors that differ only in whether goroutine 2 knows goroutine 1's read
/// of `x` while goroutine 2 may still write memory, and merges them once no goroutine's future
/// can race with that read (or once the read is overwritten). A form that forgot every access
/// would merge the first pair; one that forgot none would keep the second apart.
#[test]
fn the_canonical_form_keeps_exactly_the_knowledge_a_future_access_can_use() {
    use crate::bytecode::future::Classes;
    use siphasher::sip128::{Hasher128, SipHasher13};
    let lock = SyncVar::Lock(ptr(1));
    // main spawns 1 and 2; 1 reads x and unlocks L; 2 locks L (it then knows the read) or not.
    let detector = |known: bool, later: &[Event]| {
        let mut d = Detector::new(DetectorConfig::new(source_map()));
        let mut events = vec![
            spawn(0, 1, 1),
            spawn(0, 2, 2),
            read(1, 3),
            sync(1, 4, vec![rel(lock.clone())]),
        ];
        // 2 acquires L, or another lock nobody released yet (the same sync variables and the
        // same clocks but 2's either way).
        let acquired = if known {
            lock.clone()
        } else {
            SyncVar::Lock(ptr(2))
        };
        events.push(sync(2, 5, vec![acq(acquired)]));
        events.push(sync(0, 6, vec![rel(SyncVar::Lock(ptr(2)))]));
        events.extend(later.iter().cloned());
        for e in &events {
            d.observe(e);
        }
        assert_eq!(d.reports().len(), 0);
        d
    };
    let key = |d: &Detector, futures: Option<&[Classes]>| {
        let mut h = SipHasher13::new_with_keys(1, 2);
        d.hash_canonical(&mut h, false, futures);
        h.finish128().as_u128()
    };
    let (known, unknown) = (detector(true, &[]), detector(false, &[]));
    // Goroutine 2 may still write memory: it would race with the read only if it does not know
    // it, so the two detectors must stay apart (with the static future and without one).
    let writes_later = [Classes::NONE, Classes::SYNC, Classes::MEM_WRITE];
    assert_ne!(
        key(&known, Some(&writes_later)),
        key(&unknown, Some(&writes_later))
    );
    assert_ne!(key(&known, None), key(&unknown, None));
    // Nobody may access memory any more: the read is dead and the difference forgotten.
    let only_locks = [Classes::NONE, Classes::SYNC, Classes::SYNC];
    assert_eq!(
        key(&known, Some(&only_locks)),
        key(&unknown, Some(&only_locks))
    );
    // Main may read memory later, but reads do not race with reads: dead as well.
    let main_reads = [Classes::MEM_READ, Classes::SYNC, Classes::SYNC];
    assert_eq!(
        key(&known, Some(&main_reads)),
        key(&unknown, Some(&main_reads))
    );
    // Main may still write memory and does not know the read: the read stays live, and so does
    // what 2 knows of it (a release by 2 could pass it on to main before main writes).
    let main_writes = [Classes::MEM_WRITE, Classes::SYNC, Classes::SYNC];
    assert_ne!(
        key(&known, Some(&main_writes)),
        key(&unknown, Some(&main_writes))
    );
}
