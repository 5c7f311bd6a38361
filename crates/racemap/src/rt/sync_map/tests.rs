//! The `sync.Map` step machine against Go 1.19's `sync/map.go`.

use super::*;
use crate::rt::value::ObjId;
use crate::types::{Basic, TypeKind};

fn addr() -> Pointer {
    Pointer::root(ObjId(4))
}

fn k(s: &str) -> Value {
    Value::Iface(Some(Box::new((
        TypeTable::basic(Basic::String),
        Value::str(s),
    ))))
}

fn v(i: i64) -> Value {
    Value::Iface(Some(Box::new((
        TypeTable::basic(Basic::Int),
        Value::Int(i),
    ))))
}

fn types() -> TypeTable {
    TypeTable::new()
}

/// Run a call to its end (Range: f returns true every time), returning the step texts, all
/// effects, the yielded pairs and the results.
struct Run {
    texts: Vec<String>,
    effects: Vec<Effect>,
    yields: Vec<(Value, Value)>,
    results: Vec<Value>,
}

fn run(m: &mut SyncMapState, gid: u32, call: SyncMapCall) -> Run {
    let mut op = SyncMapOp::new(call, &types()).unwrap();
    let mut r = Run {
        texts: vec![],
        effects: vec![],
        yields: vec![],
        results: vec![],
    };
    for _ in 0..100 {
        assert!(m.can_step(&op));
        let st = m.step(Gid(gid), &addr(), &mut op).unwrap();
        r.texts.push(st.text);
        r.effects.extend(st.effects);
        match st.outcome {
            SyncMapOutcome::Continue => {}
            SyncMapOutcome::Yield { key, value } => r.yields.push((key, value)),
            SyncMapOutcome::Return(res) => {
                r.results = res;
                return r;
            }
        }
    }
    panic!("call did not finish");
}

fn store(m: &mut SyncMapState, key: &str, val: i64) -> Run {
    run(
        m,
        1,
        SyncMapCall::Store {
            key: k(key),
            value: v(val),
        },
    )
}

fn load(m: &mut SyncMapState, key: &str) -> Run {
    run(m, 2, SyncMapCall::Load { key: k(key) })
}

#[test]
fn first_store_goes_to_dirty_and_amends_read() {
    let mut m = SyncMapState::default();
    let r = store(&mut m, "a", 1);
    assert_eq!(
        r.texts,
        vec![
            "Store(\"a\", 1): not in read → lock mu",
            "Store(\"a\", 1): mu.Lock()",
            "Store(\"a\", 1): new key; dirty = copy of read (0 keys); read.amended = true; dirty[key] = new entry; mu.Unlock()",
        ]
    );
    assert!(m.read.m.is_empty() && m.read.amended);
    assert_eq!(m.dirty.as_ref().map(|d| d.len()), Some(1));
    assert!(!m.mu.is_locked());
    assert_eq!(m.contents(), vec![(k("a"), v(1))]);
}

#[test]
fn load_misses_promote_dirty_after_len_dirty_misses() {
    let mut m = SyncMapState::default();
    for (i, key) in ["a", "b", "c"].iter().enumerate() {
        store(&mut m, key, i as i64);
    }
    assert_eq!(m.dirty.as_ref().map(|d| d.len()), Some(3));
    let r = load(&mut m, "a");
    assert_eq!(r.results, vec![v(0), Value::Bool(true)]);
    assert_eq!(r.texts.len(), 3, "miss in read → lock → dirty");
    assert_eq!(
        r.texts[2],
        "Load(\"a\"): dirty hit; misses 1/3; mu.Unlock() → 0, true"
    );
    load(&mut m, "zz");
    assert_eq!((m.misses, m.promotions), (2, 0));
    let r = load(&mut m, "c");
    assert!(r.texts[2].contains("misses 3 ≥ len(dirty) 3 → promote dirty to read"));
    assert_eq!((m.misses, m.promotions), (0, 1));
    assert!(m.dirty.is_none() && !m.read.amended);
    assert_eq!(m.read.m.len(), 3);
    // Now a load is a lock-free read hit: one step.
    let r = load(&mut m, "b");
    assert_eq!(r.texts, vec!["Load(\"b\"): read hit → 1, true"]);
    // A miss when not amended also ends at once.
    let r = load(&mut m, "zz");
    assert_eq!(r.texts.len(), 1);
    assert_eq!(r.results, vec![Value::Iface(None), Value::Bool(false)]);
}

#[test]
fn store_to_read_key_is_lock_free_and_deleted_entries_get_expunged() {
    let mut m = SyncMapState::default();
    store(&mut m, "a", 1);
    store(&mut m, "b", 2);
    load(&mut m, "a");
    load(&mut m, "b"); // 2 misses ≥ 2: promoted
    assert!(m.dirty.is_none());
    let r = store(&mut m, "a", 10);
    assert_eq!(
        r.texts,
        vec!["Store(\"a\", 10): read hit → CAS entry (lock-free)"]
    );
    // Delete of a read key: the entry becomes nil, lock-free.
    let r = run(&mut m, 3, SyncMapCall::Delete { key: k("b") });
    assert_eq!(
        r.texts,
        vec!["Delete(\"b\"): read hit → entry = nil (was 2)"]
    );
    // A new key rebuilds dirty from read, expunging b.
    let r = store(&mut m, "c", 3);
    assert!(r.texts[2].contains("dirty = copy of read (1 keys, 1 expunged)"));
    let b_id = m.read.m[&MapKey::from_value(&k("b"), &types()).unwrap()];
    assert_eq!(m.entries[b_id.0 as usize].p, EntryP::Expunged);
    assert!(!m
        .dirty
        .as_ref()
        .unwrap()
        .contains_key(&MapKey::from_value(&k("b"), &types()).unwrap()));
    // Storing b again: expunged → must lock and unexpunge into dirty.
    let r = store(&mut m, "b", 20);
    assert_eq!(
        r.texts[0],
        "Store(\"b\", 20): read hit, entry expunged → lock mu"
    );
    assert!(r.texts[2].contains("unexpunge into dirty"));
    assert_eq!(
        m.contents(),
        vec![(k("a"), v(10)), (k("b"), v(20)), (k("c"), v(3))]
    );
}

#[test]
fn mu_blocks_a_second_slow_path() {
    let mut m = SyncMapState::default();
    let t = types();
    let mut a = SyncMapOp::new(
        SyncMapCall::Store {
            key: k("a"),
            value: v(1),
        },
        &t,
    )
    .unwrap();
    let mut b = SyncMapOp::new(
        SyncMapCall::Store {
            key: k("b"),
            value: v(2),
        },
        &t,
    )
    .unwrap();
    m.step(Gid(1), &addr(), &mut a).unwrap(); // fast: → lock
    m.step(Gid(2), &addr(), &mut b).unwrap(); // fast: → lock
    let st = m.step(Gid(1), &addr(), &mut a).unwrap(); // A takes mu
    assert_eq!(
        st.effects,
        vec![Effect::Acquire(SyncVar::Lock(addr().child(0)))]
    );
    assert_eq!(m.mu.holder(), Some(Gid(1)));
    assert!(!m.can_step(&b));
    assert_eq!(m.wait_reason(&b), Some(WaitReason::MutexLock));
    assert_eq!(
        m.step(Gid(2), &addr(), &mut b),
        Err(PrimError::Blocked(WaitReason::MutexLock))
    );
    let st = m.step(Gid(1), &addr(), &mut a).unwrap(); // slow part + unlock
    assert_eq!(st.outcome, SyncMapOutcome::Return(vec![]));
    assert_eq!(
        st.effects.last(),
        Some(&Effect::Release(SyncVar::Lock(addr().child(0))))
    );
    assert!(m.can_step(&b));
    m.step(Gid(2), &addr(), &mut b).unwrap();
    let st = m.step(Gid(2), &addr(), &mut b).unwrap();
    // b's new key: read is already amended, so no copy this time.
    assert!(!st.text.contains("copy of read"));
    assert_eq!(m.contents().len(), 2);
}

#[test]
fn range_promotes_then_yields_each_live_entry() {
    let mut m = SyncMapState::default();
    store(&mut m, "b", 2);
    store(&mut m, "a", 1);
    let r = run(&mut m, 5, SyncMapCall::Range);
    assert_eq!(r.texts[0], "Range: read.amended → lock mu");
    // Alternative 0: the entries' slot order (creation order: "b" first).
    assert_eq!(
        r.texts[2],
        "Range: promote dirty to read (2 keys); mu.Unlock()"
    );
    // Each entry is loaded by a step of its own, after the snapshot.
    assert_eq!(r.texts[3], "Range: next entry → f(\"b\", 2)");
    assert_eq!(r.yields, vec![(k("b"), v(2)), (k("a"), v(1))]);
    assert_eq!(m.promotions, 1);
    // Not amended now: Range iterates read directly.
    run(&mut m, 3, SyncMapCall::Delete { key: k("a") });
    let r = run(&mut m, 5, SyncMapCall::Range);
    assert_eq!(r.texts[0], "Range: read not amended, 2 keys");
    assert_eq!(r.texts[1], "Range: next entry → f(\"b\", 2)");
    assert_eq!(r.yields, vec![(k("b"), v(2))]);
    assert_eq!(
        r.texts.last().map(String::as_str),
        Some("Range: next entry → deleted, skipped → done")
    );
}

#[test]
fn load_or_store_and_load_and_delete() {
    let mut m = SyncMapState::default();
    let r = run(
        &mut m,
        1,
        SyncMapCall::LoadOrStore {
            key: k("a"),
            value: v(1),
        },
    );
    assert_eq!(r.results, vec![v(1), Value::Bool(false)]);
    // Present in dirty: loaded, and the dirty hit counts a miss (1 ≥ 1: promote).
    let r = run(
        &mut m,
        1,
        SyncMapCall::LoadOrStore {
            key: k("a"),
            value: v(9),
        },
    );
    assert_eq!(r.results, vec![v(1), Value::Bool(true)]);
    assert_eq!(m.promotions, 1);
    // Read hit: lock-free load.
    let r = run(
        &mut m,
        1,
        SyncMapCall::LoadOrStore {
            key: k("a"),
            value: v(9),
        },
    );
    assert_eq!(r.texts.len(), 1);
    store(&mut m, "b", 2); // b only in dirty
    let r = run(&mut m, 1, SyncMapCall::LoadAndDelete { key: k("b") });
    assert_eq!(r.results, vec![v(2), Value::Bool(true)]);
    assert!(r.texts[2].contains("removed from dirty"), "{:?}", r.texts);
    let r = run(&mut m, 1, SyncMapCall::LoadAndDelete { key: k("b") });
    assert_eq!(r.results, vec![Value::Iface(None), Value::Bool(false)]);
    assert_eq!(m.contents(), vec![(k("a"), v(1))]);
}

#[test]
fn a_store_releases_what_the_observing_load_acquires() {
    let mut m = SyncMapState::default();
    let key_var = SyncVar::SyncMapKey(addr(), MapKey::from_value(&k("a"), &types()).unwrap());
    let w = store(&mut m, "a", 1);
    assert!(w.effects.contains(&Effect::Release(key_var.clone())));
    let r = load(&mut m, "a");
    assert!(r.effects.contains(&Effect::Acquire(key_var)));
    // Every step starts by loading `read` atomically.
    assert_eq!(
        r.effects[0],
        Effect::Acquire(SyncVar::Atomic(addr().child(1)))
    );
}

#[test]
fn swap_and_compare_and_swap() {
    let mut m = SyncMapState::default();
    let r = run(
        &mut m,
        1,
        SyncMapCall::Swap {
            key: k("a"),
            value: v(1),
        },
    );
    assert_eq!(r.results, vec![Value::Iface(None), Value::Bool(false)]);
    assert_eq!(r.texts.len(), 3);
    // Dirty-only key: CAS takes the lock and counts a miss (1 ≥ 1: promote).
    let r = run(
        &mut m,
        1,
        SyncMapCall::CompareAndSwap {
            key: k("a"),
            old: v(1),
            new: v(2),
        },
    );
    assert_eq!(r.results, vec![Value::Bool(true)]);
    assert_eq!(m.promotions, 1);
    // Read hit: lock-free.
    let r = run(
        &mut m,
        1,
        SyncMapCall::CompareAndSwap {
            key: k("a"),
            old: v(1),
            new: v(3),
        },
    );
    assert_eq!((r.results, r.texts.len()), (vec![Value::Bool(false)], 1));
    let r = run(
        &mut m,
        1,
        SyncMapCall::Swap {
            key: k("a"),
            value: v(4),
        },
    );
    assert_eq!(r.results, vec![v(2), Value::Bool(true)]);
    assert_eq!(r.texts.len(), 1);
    // Absent and not amended: false at once.
    let r = run(
        &mut m,
        1,
        SyncMapCall::CompareAndSwap {
            key: k("z"),
            old: v(1),
            new: v(3),
        },
    );
    assert_eq!((r.results, r.texts.len()), (vec![Value::Bool(false)], 1));
    assert_eq!(m.contents(), vec![(k("a"), v(4))]);
}

#[test]
fn unhashable_key_panics_at_the_call() {
    let mut t = types();
    let sl = t.intern(TypeKind::Slice(TypeTable::basic(Basic::Int)));
    let key = Value::Iface(Some(Box::new((sl, Value::Slice(None)))));
    let err = SyncMapOp::new(SyncMapCall::Load { key }, &t).unwrap_err();
    assert_eq!(
        err.message(),
        "panic: runtime error: hash of unhashable type []int"
    );
}
