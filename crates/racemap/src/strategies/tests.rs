use super::*;

#[test]
fn slugs_round_trip() {
    for s in Strategy::ALL {
        assert_eq!(Strategy::from_slug(s.slug()), Some(s));
    }
    assert_eq!(Strategy::from_slug("nope"), None);
}

#[test]
fn write_percent_is_spread_exactly() {
    let w = Workload {
        goroutines: 4,
        ops_per_goroutine: 5,
        write_percent: 30,
        keys: 3,
    };
    let writes = (0..20).filter(|&n| w.is_write(n)).count();
    assert_eq!(writes, 6);
    let none = Workload {
        write_percent: 0,
        ..w
    };
    assert_eq!((0..20).filter(|&n| none.is_write(n)).count(), 0);
    let all = Workload {
        write_percent: 100,
        ..w
    };
    assert_eq!((0..20).filter(|&n| all.is_write(n)).count(), 20);
}

#[test]
fn workloads_are_clamped() {
    let w = Workload {
        goroutines: 100,
        ops_per_goroutine: 0,
        write_percent: 400,
        keys: 0,
    };
    assert_eq!(
        w.clamped(),
        Workload {
            goroutines: 8,
            ops_per_goroutine: 1,
            write_percent: 100,
            keys: 1
        }
    );
    assert!(Strategy::Mutex.source(w).contains("workers      = 8\n"));
}

/// `keys: N` as printed by real Go 1.19 (`go run -race`) for each strategy's program, for these
/// workloads; every strategy prints the same count, and racemap's model of it must agree.
#[test]
fn final_key_counts_match_real_go() {
    let cases = [
        (Workload::default(), 2),
        (
            Workload {
                goroutines: 3,
                ops_per_goroutine: 4,
                write_percent: 25,
                keys: 4,
            },
            3,
        ),
        (
            Workload {
                goroutines: 2,
                ops_per_goroutine: 3,
                write_percent: 0,
                keys: 2,
            },
            0,
        ),
        (
            Workload {
                goroutines: 4,
                ops_per_goroutine: 5,
                write_percent: 100,
                keys: 10,
            },
            8,
        ),
    ];
    for (w, keys) in cases {
        assert_eq!(w.final_key_count(), keys, "{w:?}");
    }
}

#[test]
fn every_strategy_names_its_primitive() {
    let w = Workload::default();
    assert!(!Strategy::Unsynchronized.source(w).contains("Mutex"));
    assert!(Strategy::Mutex.source(w).contains("mu   sync.Mutex"));
    assert!(Strategy::RwMutex.source(w).contains("c.mu.RLock()"));
    assert!(Strategy::SyncMap.source(w).contains("var m sync.Map"));
    assert!(Strategy::ChannelOwner
        .source(w)
        .contains("func cacheWorker(cmds <-chan cacheRequest)"));
    assert!(Strategy::Sharded
        .source(w)
        .contains("shards [shardCount]*shard"));
}

/// Real Go 1.19 under `-race`: only the unsynchronized program with writes reports a race.
#[test]
fn race_verdicts_match_real_go() {
    let reads_only = Workload {
        goroutines: 2,
        ops_per_goroutine: 3,
        write_percent: 0,
        keys: 2,
    };
    assert!(Strategy::Unsynchronized.races(Workload::default()));
    assert!(!Strategy::Unsynchronized.races(reads_only));
    for s in Strategy::ALL.into_iter().skip(1) {
        assert!(!s.races(Workload::default()), "{s:?}");
    }
}

/// The documented verdicts are what the explorer finds over every interleaving: `races` is true
/// exactly for the unsynchronized map with writes, the safe strategies never fail, and every
/// normal exit prints `keys: N` with N from `final_key_count`.
#[test]
fn exploration_agrees_with_the_documented_verdicts() {
    use crate::explore::{explore, DporConfig};
    use crate::rt::{config::Config, machine::Machine};
    let reads_only = Workload {
        goroutines: 2,
        ops_per_goroutine: 2,
        write_percent: 0,
        keys: 2,
    };
    for w in [Workload::default(), reads_only] {
        for s in Strategy::ALL {
            let program = crate::compile::compile(&s.source(w)).expect("presets compile");
            let machine = Machine::new(std::rc::Rc::new(program), Config::default());
            let result = explore(machine, &DporConfig::default());
            assert!(result.complete, "{s:?} {w:?}");
            assert_eq!(result.race, s.races(w), "{s:?} {w:?}");
            let want = format!("keys: {}\n", w.final_key_count());
            for o in &result.outcomes {
                match &o.error {
                    None => assert_eq!(o.stdout, want, "{s:?} {w:?}"),
                    Some(e) => assert!(
                        s == Strategy::Unsynchronized
                            && e.starts_with("fatal error: concurrent map"),
                        "{s:?} {w:?}: {e}"
                    ),
                }
            }
        }
    }
}
