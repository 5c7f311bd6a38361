//! Compile and explore one Go file many times in one process, for profilers (callgrind,
//! perf): `cargo run --release -p racemap --example explore_loop -- FILE.go [N] [compile|explore|both|search]`
//! (`explore`: the program compiled once, a new machine per search, its static analyses
//! computed each time; `search`: a copy of one machine per search, the analyses computed once,
//! as `cargo bench`'s `explore/loom-models-search` measures)
//! (`SEARCH=auto|dpor|stateful` picks the search; `RACE=0` turns the race detector off; `STATS=1`
//! prints the last search's stats).

use racemap::explore::{DporConfig, Explorer};
use racemap::rt::config::Config;
use racemap::rt::machine::Machine;
use std::rc::Rc;

/// The allocator the CLI uses.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: explore_loop FILE.go [N] [compile|explore|both|search]");
        std::process::exit(2);
    };
    let source = std::fs::read_to_string(path).unwrap_or_default();
    let n: u32 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100);
    let mode = args.get(3).map_or("both", String::as_str);
    let compile = || {
        racemap::compile::compile(&source).unwrap_or_else(|_| {
            eprintln!("{path} does not compile");
            std::process::exit(1);
        })
    };
    let program = Rc::new(compile());
    let base = Machine::new(Rc::clone(&program), Config::default());
    let config = DporConfig {
        search: match std::env::var("SEARCH").as_deref() {
            Ok("dpor") => racemap::explore::SearchAlgorithm::Dpor,
            Ok("stateful") => racemap::explore::SearchAlgorithm::Stateful,
            _ => racemap::explore::SearchAlgorithm::Auto,
        },
        race_detection: std::env::var("RACE").as_deref() != Ok("0"),
        ..DporConfig::default()
    };
    let mut executions = 0;
    let mut stats = racemap::explore::SearchStats::default();
    for _ in 0..n {
        let machine = match mode {
            "search" => base.clone(),
            "explore" => Machine::new(Rc::clone(&program), Config::default()),
            "compile" => {
                std::hint::black_box(compile());
                continue;
            }
            _ => Machine::new(Rc::new(compile()), Config::default()),
        };
        let mut explorer = Explorer::new(machine, &config);
        explorer.advance(u64::MAX);
        stats = explorer.stats();
        executions += explorer.into_result().executions;
    }
    println!("{executions}");
    if std::env::var_os("STATS").is_some() {
        eprintln!("{stats:?}");
    }
}
