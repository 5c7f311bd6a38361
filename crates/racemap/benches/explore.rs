//! How long a complete exploration takes: every map strategy's preset program, and (when the
//! shared conformance corpus sits next to the repository, as in CI) every corpus program.
//!
//! `cargo bench -p racemap --bench explore`; the README's performance section records results.

use criterion::{criterion_group, criterion_main, Criterion};
use racemap::explore::{explore, DporConfig};
use racemap::rt::config::Config;
use racemap::rt::machine::Machine;
use racemap::strategies::{Strategy, Workload};
use std::hint::black_box;
use std::path::PathBuf;
use std::rc::Rc;

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

fn bench_corpus(c: &mut Criterion) {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/go-corpus");
    let Ok(entries) = std::fs::read_dir(&corpus) else {
        eprintln!("no corpus at {}: skipping explore/corpus", corpus.display());
        return;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    files.sort();
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

criterion_group!(benches, bench_strategies, bench_corpus);
criterion_main!(benches);
