//! How long a complete exploration takes: every map strategy's preset program, and (when the
//! shared conformance corpus and loom models sit next to the repository, as in CI) every corpus
//! program and every racemap model of `../shared/bench/go-models`.
//!
//! `cargo bench -p racemap --bench explore`; the README's performance section records results.
//! `cargo xtask bench` reads the `explore/loom-models` and `explore/loom-models-search` groups'
//! estimates for its comparison with loom: compile and search of each model in one process, and
//! the search alone (loom's models time themselves after rustc compiled them).

use criterion::{criterion_group, criterion_main, Criterion};
use racemap::explore::{explore, DporConfig};
use racemap::rt::config::Config;
use racemap::rt::machine::Machine;
use racemap::strategies::{Strategy, Workload};
use std::hint::black_box;
use std::path::PathBuf;
use std::rc::Rc;

/// The allocator the CLI uses (`racemap-cli`'s `main.rs`): the benchmark measures the search as
/// `racemap explore` runs it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn machine(source: &str) -> Machine {
    let program = racemap::compile::compile(source).expect("benchmark programs compile");
    Machine::new(Rc::new(program), Config::default())
}

fn bench_strategies(c: &mut Criterion) {
    let mut group = c.benchmark_group("explore/strategy");
    group.sample_size(10);
    for strategy in Strategy::ALL {
        let m = machine(&strategy.source(Workload::default()));
        group.bench_function(strategy.slug(), |b| {
            b.iter(|| black_box(explore(m.clone(), &DporConfig::default())))
        });
    }
    group.finish();
}

/// The `.go` files of `dir` under `../shared` (next to the repository), sorted; empty (with a
/// message) when it is absent.
fn shared_go_files(dir: &str) -> Vec<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(dir);
    let Ok(entries) = std::fs::read_dir(&path) else {
        eprintln!("no {}: skipping its benchmarks", path.display());
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    files.sort();
    files
}

fn bench_corpus(c: &mut Criterion) {
    let files = shared_go_files("go-corpus");
    if files.is_empty() {
        return;
    }
    let mut group = c.benchmark_group("explore/corpus");
    group.sample_size(10);
    for file in files {
        let source = std::fs::read_to_string(&file).expect("corpus file reads");
        let m = machine(&source);
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        group.bench_function(name, |b| {
            b.iter(|| black_box(explore(m.clone(), &DporConfig::default())))
        });
    }
    group.finish();
}

/// The racemap side of the loom comparison, in two groups. `explore/loom-models`: each model
/// compiled and searched completely per iteration (compile included: racemap's user pastes
/// source). `explore/loom-models-search`: the model compiled once (with the program's static
/// analyses, which a machine's clones share), then a complete search per iteration from a copy
/// of the initial machine: the analogue of loom's own timing, which starts after rustc compiled
/// the model.
fn bench_loom_models(c: &mut Criterion) {
    let files = shared_go_files("bench/go-models");
    if files.is_empty() {
        return;
    }
    let models: Vec<(String, String)> = files
        .iter()
        .map(|file| {
            let source = std::fs::read_to_string(file).expect("model file reads");
            let name = file.file_stem().unwrap().to_string_lossy().into_owned();
            (name, source)
        })
        .collect();
    let mut group = c.benchmark_group("explore/loom-models");
    group.sample_size(10);
    for (name, source) in &models {
        group.bench_function(name.as_str(), |b| {
            b.iter(|| black_box(explore(machine(source), &DporConfig::default())))
        });
    }
    group.finish();
    let mut group = c.benchmark_group("explore/loom-models-search");
    group.sample_size(10);
    for (name, source) in &models {
        let m = machine(source);
        // The static analyses are the compiler's part: computed once, before the clock runs.
        black_box(explore(m.clone(), &DporConfig::default()));
        group.bench_function(name.as_str(), |b| {
            b.iter(|| black_box(explore(m.clone(), &DporConfig::default())))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_strategies, bench_corpus, bench_loom_models);
criterion_main!(benches);
