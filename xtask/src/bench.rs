//! `cargo xtask bench`: the explorer's performance table for the README, and racemap against
//! loom on equal models, measured side by side in one run.
//!
//! Each program is explored completely by the release `racemap explore --json` (best wall time
//! of [`RUNS`] runs, or one run past a second; process start-up included); the table lists its executions and time. The
//! programs: every map strategy's preset at the default workload and at 3 goroutines × 3
//! operations, and, when the shared folder sits next to the repository (as in CI), every
//! program of `../shared/go-corpus`. With `../shared/bench` present, its Go models are explored
//! too and its loom models (loom 0.7 from crates.io, built outside the read-only shared folder
//! into the target directory) are run for comparison: `name executions milliseconds` per model.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::cmd::{command, display, run};
use crate::{repo_root, Error, Result};

/// Runs per program; the best wall time counts (one run for a program that takes a second).
const RUNS: usize = 5;

/// Budgets generous enough for a complete search of every benchmarked program.
const BUDGETS: [&str; 4] = [
    "--max-executions",
    "10000000",
    "--max-total-steps",
    "1000000000",
];

/// The map strategies `racemap example` knows.
const STRATEGIES: [&str; 6] = [
    "unsynchronized",
    "mutex",
    "rwmutex",
    "syncmap",
    "channel",
    "sharded",
];

/// One explored program.
struct Explored {
    name: String,
    executions: u64,
    complete: bool,
    best: Duration,
}

/// Build the release CLI, measure, print the tables.
pub fn run_bench() -> Result {
    let root = repo_root();
    run(command("cargo", &["build", "--release", "-p", "racemap-cli"]).current_dir(&root))?;
    let racemap = target_dir(&root).join("release/racemap");
    let scratch = target_dir(&root).join("bench-programs");
    std::fs::create_dir_all(&scratch)
        .map_err(|e| Error::new(format!("{}: {e}", scratch.display())))?;

    let mut rows = Vec::new();
    for strategy in STRATEGIES {
        for (label, workload) in [
            ("default workload", &[][..]),
            ("3 × 3", &["--goroutines", "3", "--ops", "3"][..]),
        ] {
            let mut args = vec!["example", strategy];
            args.extend_from_slice(workload);
            let source = stdout_of(command(&racemap, &args))?;
            let file = scratch.join(format!("{strategy}-{}.go", label.replace(' ', "_")));
            std::fs::write(&file, source)
                .map_err(|e| Error::new(format!("{}: {e}", file.display())))?;
            rows.push(explore(
                &racemap,
                &file,
                &format!("preset `{strategy}` ({label})"),
            )?);
        }
    }
    let shared = root.join("../shared");
    for file in go_files(&shared.join("go-corpus")) {
        let name = format!("corpus {}", stem(&file));
        rows.push(explore(&racemap, &file, &name)?);
    }
    println!("\n| program | executions | complete | time |\n|---|---:|:---:|---:|");
    for r in &rows {
        println!(
            "| {} | {} | {} | {} |",
            r.name,
            r.executions,
            if r.complete { "yes" } else { "no" },
            millis(r.best)
        );
    }

    let bench = shared.join("bench");
    if !bench.join("go-models").is_dir() {
        eprintln!("no {}: skipping the loom comparison", bench.display());
        return Ok(());
    }
    let mut models = Vec::new();
    for file in go_files(&bench.join("go-models")) {
        models.push(explore(&racemap, &file, &stem(&file))?);
    }
    let loom = loom_results(&root, &bench.join("loom-models/Cargo.toml"))?;
    println!(
        "\n| model | racemap executions | racemap time | loom executions | loom time | racemap faster |\n\
         |---|---:|---:|---:|---:|---:|"
    );
    for m in &models {
        let (loom_executions, loom_ms) = loom
            .iter()
            .find(|(name, _, _)| *name == m.name)
            .map(|(_, e, ms)| (e.to_string(), *ms))
            .unwrap_or(("?".to_string(), 0));
        let ours = m.best.as_secs_f64() * 1000.0;
        let ratio = if loom_ms > 0 && ours > 0.0 {
            format!("{:.1}×", loom_ms as f64 / ours)
        } else {
            "?".to_string()
        };
        println!(
            "| {} | {}{} | {} | {} | {} ms | {} |",
            m.name,
            m.executions,
            if m.complete { "" } else { " (incomplete)" },
            millis(m.best),
            loom_executions,
            loom_ms,
            ratio
        );
    }
    Ok(())
}

/// Explore `file` [`RUNS`] times: its executions, completeness and best wall time.
fn explore(racemap: &Path, file: &Path, name: &str) -> Result<Explored> {
    let path = file.to_string_lossy().into_owned();
    let mut args = vec!["explore", "--json"];
    args.extend_from_slice(&BUDGETS);
    args.push(&path);
    let mut best = Duration::MAX;
    let mut result = Value::Null;
    for _ in 0..RUNS {
        let start = Instant::now();
        let output = command(racemap, &args)
            .output()
            .map_err(|e| Error::new(format!("cannot run {}: {e}", racemap.display())))?;
        best = best.min(start.elapsed());
        result = serde_json::from_slice(&output.stdout)
            .map_err(|e| Error::new(format!("racemap explore {path}: no JSON result: {e}")))?;
        if best > Duration::from_secs(1) {
            break;
        }
    }
    eprintln!(
        "{name}: {} executions, {}",
        result["executions"],
        millis(best)
    );
    Ok(Explored {
        name: name.to_string(),
        executions: result["executions"].as_u64().unwrap_or(0),
        complete: result["complete"] == true,
        best,
    })
}

/// Build and run the loom models: `(name, executions, milliseconds)` per model.
fn loom_results(root: &Path, manifest: &Path) -> Result<Vec<(String, u64, u64)>> {
    let manifest = manifest.to_string_lossy().into_owned();
    let mut loom = command(
        "cargo",
        &["run", "--release", "--locked", "--manifest-path", &manifest],
    );
    loom.env("CARGO_TARGET_DIR", target_dir(root).join("loom-models"));
    let text = stdout_of(loom)?;
    Ok(text
        .lines()
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let name = fields.next()?.to_string();
            let executions = fields.next()?.trim().parse().ok()?;
            let ms = fields.next()?.trim().parse().ok()?;
            Some((name, executions, ms))
        })
        .collect())
}

/// The stdout of `command`, echoed first; an error when it fails.
fn stdout_of(mut command: Command) -> Result<String> {
    eprintln!("$ {}", display(&command));
    let output = command
        .output()
        .map_err(|e| Error::new(format!("cannot start `{}`: {e}", display(&command))))?;
    if !output.status.success() {
        return Err(Error::new(format!(
            "`{}` failed ({}):\n{}",
            display(&command),
            output.status,
            String::from_utf8_lossy(&output.stderr)
        )));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The `.go` files of `dir`, sorted (none when it does not exist).
fn go_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "go"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn stem(file: &Path) -> String {
    file.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `12 ms`, `1.25 s`.
fn millis(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms >= 1000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else {
        format!("{ms:.0} ms")
    }
}

/// Cargo's target directory for this repository (`CARGO_TARGET_DIR` or `target/`).
fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
}
