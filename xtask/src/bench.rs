//! `cargo xtask bench`: the explorer's numbers for the README, measured side by side.
//!
//! 1. **Scale**: every map strategy's preset at 4 goroutines × 3 operations (`racemap example`)
//!    and each program of `../shared/go-corpus`: executions explored, complete or not, and the
//!    wall time of `racemap explore --json` (release binary, best of [`RUNS`]).
//!    Then the goroutine bombs (`bench_bombs`): `racemap run` and `racemap explore` of programs
//!    that start goroutines up to racemap's limit.
//! 2. **racemap vs loom** on the equal models of `../shared/bench` (`go-models/*.go` for racemap,
//!    `loom-models` for loom 0.7 with `std::sync::Arc`): both built in release mode and run in the
//!    same invocation, one after the other, so they share the machine's state.
//!
//!    racemap's times are in-process, as loom's models time themselves, in two columns: compile
//!    and search (the criterion group `explore/loom-models`: parse, check and lower are
//!    racemap's rustc), and the search alone (`explore/loom-models-search`: the model compiled
//!    once, with its static analyses; loom's timer starts inside its `main`, after rustc, just
//!    before `loom::model`). Each with its ratio to loom's time.
//!
//! It prints Markdown tables and asserts nothing (speed goals live here, not in tests). With
//! `--criterion` it then runs the criterion benchmark `cargo bench -p racemap --bench explore`,
//! which measures the library without process start-up.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::tools::Toolchain;
use crate::{cmd, repo_root, Error, Result};

/// Runs per measurement; the best (least disturbed) wall time is reported.
const RUNS: usize = 5;

/// The preset workload of the scale table: goroutines × operations each.
const PRESET_GOROUTINES: u32 = 4;
const PRESET_OPS: u32 = 3;

/// What one `racemap explore --json` reported, and how long it took.
struct Explored {
    executions: u64,
    complete: bool,
    best: Duration,
}

/// Run the benchmark: the tables, then with `criterion` the criterion benchmark of the
/// explorer (`cargo bench -p racemap --bench explore`: the presets and the corpus in-process,
/// without process start-up).
pub fn run(criterion: bool) -> Result {
    tables()?;
    if criterion {
        let toolchain = Toolchain::plain(&repo_root());
        cmd::run(
            &mut toolchain.command("cargo", &["bench", "-p", "racemap", "--bench", "explore"]),
        )?;
    }
    Ok(())
}

/// The README tables: presets and corpus, then racemap against loom.
fn tables() -> Result {
    let root = repo_root();
    let toolchain = Toolchain::plain(&root);
    cmd::run(&mut toolchain.command("cargo", &["build", "--release", "-p", "racemap-cli"]))?;
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let racemap = target_dir.join("release/racemap");
    let scratch = target_dir.join("xtask-bench");
    std::fs::create_dir_all(&scratch)
        .map_err(|e| Error::new(format!("{}: {e}", scratch.display())))?;

    println!("\n### Presets at {PRESET_GOROUTINES} goroutines × {PRESET_OPS} operations\n");
    println!("| program | executions | complete | wall time (best of {RUNS}) |");
    println!("|---|---:|---|---:|");
    for strategy in [
        "unsynchronized",
        "mutex",
        "rwmutex",
        "syncmap",
        "channel",
        "sharded",
    ] {
        let source = output(Command::new(&racemap).args([
            "example",
            strategy,
            "--goroutines",
            &PRESET_GOROUTINES.to_string(),
            "--ops",
            &PRESET_OPS.to_string(),
        ]))?;
        let file = scratch.join(format!("{strategy}.go"));
        std::fs::write(&file, source)
            .map_err(|e| Error::new(format!("{}: {e}", file.display())))?;
        print_row(strategy, &explore(&racemap, &file)?);
    }

    crate::bench_bombs::table(&racemap, &scratch)?;

    let corpus = root.join("../shared/go-corpus");
    if corpus.is_dir() {
        println!("\n### ../shared/go-corpus\n");
        println!("| program | executions | complete | wall time (best of {RUNS}) |");
        println!("|---|---:|---|---:|");
        for file in go_files(&corpus)? {
            print_row(&stem(&file), &explore(&racemap, &file)?);
        }
    }

    let bench = root.join("../shared/bench");
    if !bench.is_dir() {
        println!(
            "\nno {} next to the repository: no loom comparison",
            bench.display()
        );
        return Ok(());
    }
    let loom = loom_results(&toolchain, &bench, &target_dir)?;
    let in_process = racemap_in_process(&toolchain, &target_dir)?;
    println!("\n### racemap vs loom 0.7 on equal models\n");
    println!(
        "racemap: complete search of the model in one process, median of the criterion \
         benchmarks `explore/loom-models` (compile + search: parse, check and lower each time) \
         and `explore/loom-models-search` (search only: the program compiled once, as rustc \
         compiles loom's model before its timer starts); executions from `racemap explore \
         --json`. loom: the model's own timing in one process (`loom::model`, whole \
         milliseconds).\n"
    );
    println!(
        "| model | racemap executions | loom executions | loom ms | racemap ms, compile + search \
         | faster by | racemap ms, search only | faster by |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for file in go_files(&bench.join("go-models"))? {
        let name = stem(&file);
        let ours = explore(&racemap, &file)?;
        let theirs = loom.iter().find(|(model, _, _)| *model == name);
        let (whole, search) = in_process
            .iter()
            .find(|(model, _, _)| *model == name)
            .map(|(_, whole, search)| (*whole, *search))
            .ok_or_else(|| Error::new(format!("no criterion estimate for {name}")))?;
        let executions = format!(
            "{}{}",
            ours.executions,
            if ours.complete { "" } else { " (incomplete)" }
        );
        match theirs {
            Some((_, loom_executions, loom_ms)) => println!(
                "| {name} | {executions} | {loom_executions} | {loom_ms:.0} | {whole:.3} | \
                 {:.1}× | {search:.3} | {:.1}× |",
                loom_ms / whole.max(0.001),
                loom_ms / search.max(0.001)
            ),
            None => {
                println!("| {name} | {executions} | – | – | {whole:.3} | – | {search:.3} | – |")
            }
        }
    }
    Ok(())
}

fn print_row(name: &str, e: &Explored) {
    println!(
        "| {name} | {} | {} | {:.0} ms |",
        e.executions,
        if e.complete { "yes" } else { "**no**" },
        e.best.as_secs_f64() * 1000.0
    );
}

/// `racemap explore --json FILE`, [`RUNS`] times.
fn explore(racemap: &Path, file: &Path) -> Result<Explored> {
    let mut best = Duration::MAX;
    let mut last = String::new();
    for _ in 0..RUNS {
        let started = Instant::now();
        let out = Command::new(racemap)
            .arg("explore")
            .arg("--json")
            .arg(file)
            .output()
            .map_err(|e| Error::new(format!("{}: {e}", racemap.display())))?;
        best = best.min(started.elapsed());
        last = String::from_utf8_lossy(&out.stdout).into_owned();
    }
    let json: serde_json::Value = serde_json::from_str(&last)
        .map_err(|e| Error::new(format!("{}: not JSON ({e}): {last}", file.display())))?;
    Ok(Explored {
        executions: json["executions"].as_u64().unwrap_or(0),
        complete: json["complete"].as_bool().unwrap_or(false),
        best,
    })
}

/// racemap's in-process times per model of `../shared/bench/go-models` (milliseconds):
/// `(model, compile + search, search only)`, the medians of the criterion groups
/// `explore/loom-models` and `explore/loom-models-search` (`crates/racemap/benches/explore.rs`),
/// read from criterion's `estimates.json`.
fn racemap_in_process(toolchain: &Toolchain, target_dir: &Path) -> Result<Vec<(String, f64, f64)>> {
    cmd::run(&mut toolchain.command(
        "cargo",
        &[
            "bench",
            "-p",
            "racemap",
            "--bench",
            "explore",
            "--",
            "--warm-up-time",
            "1",
            "--measurement-time",
            "3",
            "explore/loom-models",
        ],
    ))?;
    let median_ms = |group: &str, name: &str| -> Result<f64> {
        let path = target_dir
            .join("criterion")
            .join(group)
            .join(name)
            .join("new/estimates.json");
        let text = std::fs::read_to_string(&path)
            .map_err(|e| Error::new(format!("{}: {e}", path.display())))?;
        let json: serde_json::Value = serde_json::from_str(&text)
            .map_err(|e| Error::new(format!("{}: {e}", path.display())))?;
        let nanoseconds = json["median"]["point_estimate"]
            .as_f64()
            .ok_or_else(|| Error::new(format!("{}: no median estimate", path.display())))?;
        Ok(nanoseconds / 1e6)
    };
    let mut times = Vec::new();
    for file in go_files(&repo_root().join("../shared/bench/go-models"))? {
        let name = stem(&file);
        let whole = median_ms("explore_loom-models", &name)?;
        let search = median_ms("explore_loom-models-search", &name)?;
        times.push((name, whole, search));
    }
    Ok(times)
}

/// Build loom's models (release, a target dir of ours: `../shared` is read-only) and run them:
/// `(model, executions, milliseconds)` per line `name  executions  milliseconds`.
fn loom_results(
    toolchain: &Toolchain,
    bench: &Path,
    target_dir: &Path,
) -> Result<Vec<(String, u64, f64)>> {
    let manifest = bench.join("loom-models/Cargo.toml");
    let loom_target = target_dir.join("loom-models");
    let mut build = toolchain.command(
        "cargo",
        &[
            "build",
            "--release",
            "--manifest-path",
            &manifest.to_string_lossy(),
        ],
    );
    build.env("CARGO_TARGET_DIR", &loom_target);
    cmd::run(&mut build)?;
    let text = output(&mut Command::new(loom_target.join("release/loom-models")))?;
    Ok(text
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let name = fields.next()?.to_string();
            let executions = fields.next()?.parse().ok()?;
            let ms = fields.next()?.parse().ok()?;
            Some((name, executions, ms))
        })
        .collect())
}

fn output(command: &mut Command) -> Result<String> {
    let out = command
        .output()
        .map_err(|e| Error::new(format!("{}: {e}", cmd::display(command))))?;
    if !out.status.success() {
        return Err(Error::new(format!(
            "{} failed: {}",
            cmd::display(command),
            String::from_utf8_lossy(&out.stderr)
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn go_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::new(format!("{}: {e}", dir.display())))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|x| x == "go"))
        .collect();
    files.sort();
    Ok(files)
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}
