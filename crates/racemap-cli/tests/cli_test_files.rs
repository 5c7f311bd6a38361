//! Driver of `tests/test_files/`: what `racemap test -v NAME_test.go`, `racemap test
//! NAME_test.go` (seed 0) and `racemap test --explore NAME_test.go` print for each test file,
//! and the comparison with what real Go 1.19
//! printed for `go test -race -v NAME_test.go` (the `-- go1.19 test -race -v --` reference) and,
//! when the file has it, for `go test -race NAME_test.go` (`-- go1.19 test -race --`).
//!
//! The comparison is line for line on the *skeleton* of the output: `=== RUN`, `--- PASS/FAIL/
//! SKIP`, the test's log lines (`    FILE:LINE: …` and their continuation lines, `testing.go:…`),
//! `=== CONT`, `PASS`/`FAIL`/`ok` with times masked, a failed example's `got:`/`want:` text
//! (up to the next such line), the `WARNING: DATA RACE` line of each
//! report and the two first lines of a panic. The bodies of race reports and goroutine dumps
//! are left out: their addresses, pc offsets and paths are racemap's own (their frames are
//! Go's: a test runs on its own goroutine under `testing.tRunner`, created by
//! `testing.(*T).Run`), and a goroutine dump shows fewer `testing` frames than Go's.
//!
//! A file may ask for racemap options in its header (`// racemap: --lang go1.21`, or
//! `// racemap: --seed N` to make the seeded run take the interleaving Go's run took, before
//! the `package` clause); every command above then gets them.
//!
//! The bug corpus: a test `TestXFixed` is the fixed twin of the buggy `TestX` in the same
//! file. The driver checks with `racemap test --explore --json --run '^TestX$'` (and the same
//! for `TestXFixed`: each twin alone in the binary) that the explorer finds the bug
//! (a race, a deadlock, a leak or a failure in some interleaving) in `TestX` and that
//! `TestXFixed` is clean in every interleaving, explored completely (or up to the per-run
//! bound on a ticker's early fires, which the search needs to end; the buggy twin's search may
//! stop at any bound: a bug found in some interleaving is a bug).

#[path = "../../racemap/tests/support/mod.rs"]
mod support;

use std::process::Command;
use support::{check_dir, Section};

/// The reference section's name: Go's output with `-v`.
const GO_REFERENCE: &str = "go1.19 test -race -v";

/// The reference section of Go's output without `-v` (optional).
const GO_REFERENCE_QUIET: &str = "go1.19 test -race";

#[test]
fn every_test_file_s_output_matches_its_expectation_and_go() {
    check_dir("test_files", |case, expectation| {
        let file = format!("{}.go", case.name);
        let header = header_args(&file)?;
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        let mut sections = Vec::new();
        let mut verbose = String::new();
        let mut quiet = String::new();
        for mode in [vec!["-v"], vec![], vec!["--explore"]] {
            let args: Vec<&str> = ["test"]
                .into_iter()
                .chain(header.iter().copied())
                .chain(mode)
                .chain([file.as_str()])
                .collect();
            let out = Command::new(env!("CARGO_BIN_EXE_racemap"))
                .args(&args)
                .current_dir(support::test_dir("test_files"))
                .output()
                .map_err(|e| format!("racemap does not start: {e}"))?;
            let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
            if args.contains(&"-v") {
                verbose = stdout.clone();
            } else if !args.contains(&"--explore") {
                quiet = stdout.clone();
            }
            sections.push(Section::new(format!("racemap {}", args.join(" ")), ""));
            sections.push(Section::new("stdout", &stdout));
            if !out.stderr.is_empty() {
                sections.push(Section::new(
                    "stderr",
                    &String::from_utf8_lossy(&out.stderr),
                ));
            }
            let code = out.status.code().map_or(-1, |c| c);
            sections.push(Section::new(format!("exit status {code}"), ""));
        }
        check_twins(&file)?;
        for r in expectation.references() {
            let ours = match r.name.as_str() {
                GO_REFERENCE => &verbose,
                GO_REFERENCE_QUIET => &quiet,
                _ => return Err(format!("unknown reference section `{}`", r.name)),
            };
            let (go, ours) = (skeleton(r.text()), skeleton(ours));
            if go != ours {
                return Err(format!(
                    "output differs from go1.19's (skeleton):\n--- go1.19\n{go}--- racemap\n{ours}"
                ));
            }
        }
        Ok(sections)
    });
}

/// The options a test file asks for in its header, on lines `// racemap: OPTIONS` before its
/// `package` clause (`// racemap: --lang go1.21`: the file is Go 1.21 code, whose loops share
/// their variables between iterations).
fn header_args(file: &str) -> Result<Vec<String>, String> {
    let source = std::fs::read_to_string(support::test_dir("test_files").join(file))
        .map_err(|e| format!("{file}: {e}"))?;
    Ok(source
        .lines()
        .take_while(|l| !l.starts_with("package "))
        .filter_map(|l| l.strip_prefix("// racemap:"))
        .flat_map(|l| l.split_whitespace().map(str::to_string))
        .collect())
}

/// The suffix of a fixed twin's name.
const FIXED: &str = "Fixed";

/// Checks every `TestXFixed`/`TestX` pair of `file` (see the module docs).
fn check_twins(file: &str) -> Result<(), String> {
    let source = std::fs::read_to_string(support::test_dir("test_files").join(file))
        .map_err(|e| format!("{file}: {e}"))?;
    if !source.contains(&format!("{FIXED}(t *testing.T)")) {
        return Ok(());
    }
    let explore = |name: &str| -> Result<serde_json::Value, String> {
        let out = Command::new(env!("CARGO_BIN_EXE_racemap"))
            .arg("test")
            .args(header_args(file)?)
            .args(["--explore", "--json", "--run", &format!("^{name}$"), file])
            .current_dir(support::test_dir("test_files"))
            .output()
            .map_err(|e| format!("racemap does not start: {e}"))?;
        serde_json::from_slice(&out.stdout)
            .map_err(|e| format!("--explore --json printed no JSON: {e}"))
    };
    let buggy = |t: &serde_json::Value| {
        ["race", "deadlock", "leak", "failed"]
            .iter()
            .any(|k| t[*k].as_bool() == Some(true))
    };
    let names = source
        .lines()
        .filter_map(|l| l.strip_prefix("func "))
        .filter_map(|l| l.strip_suffix("(t *testing.T) {"))
        .filter(|n| n.starts_with("Test"));
    for name in names {
        let Some(bug_name) = name.strip_suffix(FIXED) else {
            continue;
        };
        if !source.contains(&format!("func {bug_name}(t *testing.T)")) {
            return Err(format!("{name} has no buggy twin {bug_name}"));
        }
        let (fixed, bug) = (explore(name)?, explore(bug_name)?);
        // Clean is a claim about every interleaving (a ticker's early fires bounded per run,
        // the one bound the search must keep to end); a bug found in some interleaving is one
        // whatever stopped the search.
        if fixed["complete"].as_bool() != Some(true) && fixed["limit"] != "early-ticks" {
            return Err(format!(
                "{name} was not explored completely: {}",
                fixed["limit"]
            ));
        }
        if buggy(&fixed) {
            return Err(format!("the fixed twin {name} is not clean: {fixed}"));
        }
        if !buggy(&bug) {
            return Err(format!("the explorer finds no bug in {bug_name}"));
        }
    }
    Ok(())
}

/// The lines of `go test -v` output that racemap must reproduce exactly (see the module docs).
fn skeleton(text: &str) -> String {
    let mut out = String::new();
    let mut in_race = false;
    let mut in_dump = false;
    // After an example's `--- FAIL` line: its `got:`/`want:` text.
    let mut in_example_fail = false;
    for line in text.lines() {
        if line == "==================" {
            in_race = !in_race;
            continue;
        }
        if in_race {
            if line == "WARNING: DATA RACE" {
                out.push_str(line);
                out.push('\n');
            }
            continue;
        }
        if line.starts_with("goroutine ") && line.ends_with("[running]:") {
            in_dump = true;
            continue;
        }
        if in_dump && !line.starts_with("FAIL") {
            continue;
        }
        in_dump = false;
        if line.starts_with("=== ")
            || line.starts_with("--- ")
            || line == "PASS"
            || line.starts_with("FAIL")
            || line.starts_with("ok  ")
        {
            in_example_fail = line.starts_with("--- FAIL: Example");
        } else if in_example_fail {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let keep = line.starts_with("=== ")
            || line.starts_with("--- ")
            || line.starts_with("    ")
            || line.starts_with("panic: ")
            || line.starts_with("\tpanic: ")
            || line == "PASS"
            || line.starts_with("FAIL")
            || line.starts_with("ok  ");
        if keep {
            out.push_str(&mask_times(line));
            out.push('\n');
        }
    }
    out
}

/// `(0.01s)` and `\t0.013s` become `(T)` and `\tT`.
fn mask_times(line: &str) -> String {
    let mut s = line.to_string();
    if let (Some(open), true) = (s.rfind(" ("), s.ends_with("s)")) {
        s.replace_range(open + 2..s.len() - 1, "T");
    }
    if let Some(tab) = s.rfind('\t') {
        if s[tab + 1..].ends_with('s') && s[tab + 1..s.len() - 1].parse::<f64>().is_ok() {
            s.replace_range(tab + 1.., "T");
        }
    }
    s
}
