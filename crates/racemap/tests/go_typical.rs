//! Seeded runs look like typical Go runs (`sched::go_runtime`): each program of
//! `tests/go_typical/` states in its header the outcomes real Go 1.19 printed over 200 runs of its
//! `go build -race` binary (`// go N: OUTCOME`, OUTCOME being the stdout lines joined by spaces,
//! then `|rc=EXIT races=REPORTS` and the fatal error's first line, if any). racemap's seed 0
//! must give one of them, and Go's most common one when Go printed it in at least 70 % of the
//! runs; for those, Go's most common outcome must also be racemap's in at least half of seeds
//! 0..20. A program with a `// known divergence:` line (the reason) is only checked for Go's
//! most common exit status, race count and fatal error.

use std::path::Path;
use std::rc::Rc;

use racemap::rt::machine::Machine;
use racemap::run::{run, RunConfig, RunResult};

/// Seeds whose share of Go's most common outcome is checked.
const SEEDS: u64 = 20;

/// A run as the headers write it.
fn outcome(r: &RunResult) -> String {
    let out: Vec<&str> = r.stdout.lines().collect();
    let fatal = r
        .first_error_line
        .as_deref()
        .filter(|l| l.starts_with("fatal error") || l.starts_with("panic"))
        .unwrap_or("");
    let rc = r.exit_code.map_or("none".to_string(), |c| c.to_string());
    format!("{} |rc={rc} races={} {fatal}", out.join(" "), r.races.len())
        .trim_end()
        .to_string()
}

/// The `// go N: OUTCOME` lines of a header, most common first.
fn go_outcomes(source: &str) -> Vec<(u32, String)> {
    let mut v: Vec<(u32, String)> = source
        .lines()
        .filter_map(|l| l.strip_prefix("// go "))
        .filter_map(|l| {
            let (n, o) = l.split_once(": ")?;
            Some((n.parse().ok()?, o.trim_end().to_string()))
        })
        .collect();
    v.sort_by_key(|(n, _)| std::cmp::Reverse(*n));
    v
}

#[test]
fn seeded_runs_give_gos_typical_outcomes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/go_typical");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/go_typical")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "programs: {}", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let source = std::fs::read_to_string(path).unwrap();
        let go = go_outcomes(&source);
        assert!(!go.is_empty(), "{name}: no `// go N:` lines");
        let total: u32 = go.iter().map(|(n, _)| n).sum::<u32>().max(200);
        let (top_n, top) = &go[0];
        let program = racemap::compile::compile(&source).expect("compiles");
        let machine = Machine::new(Rc::new(program), Default::default());
        let runs: Vec<String> = (0..SEEDS)
            .map(|seed| {
                let config = RunConfig {
                    seed,
                    ..RunConfig::default()
                };
                outcome(&run(machine.clone(), &config))
            })
            .collect();
        let seed0 = &runs[0];
        if source.contains("// known divergence:") {
            let tail = |o: &str| o.split_once('|').map(|(_, t)| t.to_string());
            if tail(seed0) != tail(top) {
                failures.push(format!("{name}: seed 0 gives {seed0:?}, Go mostly {top:?}"));
            }
            continue;
        }
        if !go.iter().any(|(_, o)| o == seed0) {
            failures.push(format!(
                "{name}: seed 0 gives {seed0:?}, which Go never printed"
            ));
        } else if *top_n * 10 >= total * 7 {
            if seed0 != top {
                failures.push(format!("{name}: seed 0 gives {seed0:?}, Go mostly {top:?}"));
            }
            let share = runs.iter().filter(|o| *o == top).count() as u64;
            if share * 2 < SEEDS {
                failures.push(format!(
                    "{name}: Go's {top:?} in {share} of seeds 0..{SEEDS}, Go {top_n}/{total}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A seeded run's schedule replays it exactly (`racemap run --schedule`), and the same seed
/// gives the same run.
#[test]
fn seeded_runs_replay_from_their_schedules() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/go_typical");
    for entry in std::fs::read_dir(&dir).expect("tests/go_typical").flatten() {
        let source = std::fs::read_to_string(entry.path()).unwrap();
        let program = racemap::compile::compile(&source).expect("compiles");
        let machine = Machine::new(Rc::new(program), Default::default());
        for seed in 0..4 {
            let config = RunConfig {
                seed,
                ..RunConfig::default()
            };
            let first = run(machine.clone(), &config);
            assert_eq!(run(machine.clone(), &config), first);
            let replay = RunConfig {
                seed: seed + 100,
                schedule: Some(first.schedule.clone()),
                ..RunConfig::default()
            };
            let again = run(machine.clone(), &replay);
            let name = entry.path().display().to_string();
            assert_eq!(again.stdout, first.stdout, "{name} seed {seed}");
            assert_eq!(again.stderr, first.stderr, "{name} seed {seed}");
            assert_eq!(again.exit_code, first.exit_code, "{name} seed {seed}");
        }
    }
}
