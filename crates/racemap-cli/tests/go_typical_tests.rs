//! Seeded test runs look like typical `go test` runs (`racemap test --seed N`, scheduled by
//! `sched::go_runtime`): each test file of `tests/go_typical_tests/` states in its header the
//! outcomes real Go 1.19 printed over 200 runs of its test binary (`go test -c -race`, run as
//! `x.test -test.v -test.count=1`, stdout and stderr together): `// go N: OUTCOME`, OUTCOME
//! being the output's lines without race report bodies and blank lines, times masked, joined by
//! ` / `, then `|rc=EXIT races=REPORTS`. racemap's `racemap test -v --seed 0` must give one of
//! them, and Go's most common one when Go printed it in at least 70 % of the runs; for those,
//! Go's most common outcome must also be racemap's in at least half of seeds 0..20 (the rule of
//! the core's `tests/go_typical.rs` for programs). `go test`'s summary after the binary's
//! output (the `ok`/`FAIL` line with the package name and a last `FAIL`) is left out. The Go
//! outcomes are at the end of each file, so that its line numbers are those Go ran. A file with a
//! `// known divergence:` line (the reason) is only checked for Go's most common exit status and
//! race count.

use std::path::Path;
use std::process::Command;

/// Seeds whose share of Go's most common outcome is checked.
const SEEDS: u64 = 20;

/// The outcome of one run's output and exit status, as the headers write it.
fn outcome(stdout: &str, code: i32) -> String {
    let mut lines = Vec::new();
    let mut races = 0;
    let mut in_report = false;
    for line in stdout.lines() {
        if line == "==================" {
            in_report = !in_report;
            continue;
        }
        if in_report {
            races += usize::from(line.starts_with("WARNING: DATA RACE"));
            continue;
        }
        // `go test`'s summary (the test binary ends before it).
        if line.starts_with("ok  \t") || line.starts_with("FAIL\tcommand-line-arguments") {
            break;
        }
        if line.trim().is_empty() {
            continue;
        }
        lines.push(mask_times(line.trim()));
    }
    format!("{} |rc={code} races={races}", lines.join(" / "))
}

/// `(0.01s)` → `(0.00s)`.
fn mask_times(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find('(') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail
            .find("s)")
            .filter(|&e| e > 1 && tail[1..e].chars().all(|c| c.is_ascii_digit() || c == '.'));
        match end {
            Some(e) => {
                out.push_str("(0.00s)");
                rest = &tail[e + 2..];
            }
            None => {
                out.push('(');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
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

/// `racemap test -v --seed SEED FILE`'s outcome.
fn racemap_outcome(dir: &Path, file: &str, seed: u64) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_racemap"))
        .args(["test", "-v", "--seed", &seed.to_string(), file])
        .current_dir(dir)
        .output()
        .expect("racemap starts");
    outcome(
        &String::from_utf8_lossy(&out.stdout),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn seeded_test_runs_give_gos_typical_outcomes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/go_typical_tests");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/go_typical_tests")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with("_test.go"))
        .collect();
    files.sort();
    assert!(files.len() >= 8, "test files: {}", files.len());
    let mut failures = Vec::new();
    for name in &files {
        let source = std::fs::read_to_string(dir.join(name)).unwrap();
        let go = go_outcomes(&source);
        assert!(!go.is_empty(), "{name}: no `// go N:` lines");
        let total: u32 = go.iter().map(|(n, _)| n).sum::<u32>().max(200);
        let (top_n, top) = &go[0];
        let runs: Vec<String> = (0..SEEDS)
            .map(|seed| racemap_outcome(&dir, name, seed))
            .collect();
        let seed0 = &runs[0];
        if source.contains("// known divergence:") {
            let tail = |o: &str| o.rsplit_once('|').map(|(_, t)| t.to_string());
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

#[test]
fn the_outcome_leaves_out_report_bodies_and_times() {
    let out = "=== RUN   TestX\n==================\nWARNING: DATA RACE\nRead at 0x00c\n\
               ==================\n    testing.go:1319: race detected during execution of test\n\
               --- FAIL: TestX (0.01s)\nFAIL\nFAIL\tcommand-line-arguments\t0.020s\nFAIL\n";
    assert_eq!(
        outcome(out, 1),
        "=== RUN   TestX / testing.go:1319: race detected during execution of test / \
         --- FAIL: TestX (0.00s) / FAIL |rc=1 races=1"
    );
}
