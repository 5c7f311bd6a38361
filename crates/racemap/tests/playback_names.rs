//! Names in the playback's views: an object keeps the name it was first shown with.

use racemap::playback::{Playback, PlaybackConfig, SchedulerMode};
use racemap::strategies::{Strategy, Workload};

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

/// An object keeps the name it was first shown with for the whole run, as frames come and go:
/// the sharded map's locks are `s.shards[0].mu` and `s.shards[1].mu` from the constructor on,
/// not `sh.mu` inside a method and `m.shards[0].mu` from `main` in between. (A map or channel
/// may trade a field path for a plain name once: what its maker calls it.)
#[test]
fn object_names_stay_the_same_for_the_whole_run() {
    for strategy in Strategy::ALL {
        for seed in 0..4 {
            let mut p = playback(&source(strategy), seeded(seed));
            let mut maps: std::collections::BTreeMap<u32, String> = Default::default();
            let mut chans: std::collections::BTreeMap<u32, String> = Default::default();
            let mut locks: Vec<String> = Vec::new();
            let context = |step: u64| format!("{} seed {seed} step {step}", strategy.slug());
            loop {
                let view = p.view();
                for m in &view.maps {
                    let old = maps.entry(m.id).or_insert_with(|| m.name.clone());
                    let upgrade = old.contains('.') && !m.name.contains('.');
                    assert!(
                        *old == m.name || upgrade,
                        "{}: map {old} became {}",
                        context(view.step),
                        m.name
                    );
                    *old = m.name.clone();
                }
                for c in &view.chans {
                    let old = chans.entry(c.id).or_insert_with(|| c.name.clone());
                    let upgrade = old.contains('.') && !c.name.contains('.');
                    assert!(
                        *old == c.name || upgrade,
                        "{}: channel {old} became {}",
                        context(view.step),
                        c.name
                    );
                    *old = c.name.clone();
                }
                let now: Vec<String> = view.locks.iter().map(|l| l.name.clone()).collect();
                for name in &locks {
                    assert!(
                        now.contains(name),
                        "{}: lock {name} is gone from {now:?}",
                        context(view.step)
                    );
                }
                locks = now;
                if p.ending().is_some() || p.step_auto().is_err() || view.step > 2_000 {
                    break;
                }
            }
            if strategy == Strategy::Sharded {
                assert!(
                    locks.iter().any(|l| l == "s.shards[0].mu")
                        && locks.iter().any(|l| l == "s.shards[1].mu"),
                    "{locks:?}"
                );
            }
        }
    }
}
