//! `racemap explore FILE.go [--json] [--max-executions N] [--max-total-steps N] [--preemption-bound K]
//! [--search auto|dpor|stateful] [--stats] [--sample random|pct --runs N --seed S]`: search the program's interleavings for races,
//! crashes and deadlocks. Each distinct outcome is listed with the shortest schedule that
//! produced it; `racemap run FILE.go --schedule S` replays it.
//!
//! Exit status: 0 when the search found no race, crash or deadlock; 1 when it found any (so
//! scripts can use it as a check); 1 for compile errors too (the diagnostics tell them apart);
//! 70 when some run hit a racemap internal error (its outcome's error line starts with
//! `racemap internal error:`).

use crate::args::{
    compile, lang, number, read_program, set_limit, usage, UsageError, LIMIT_OPTIONS,
};
use racemap::explore::parallel::explore_parallel;
use racemap::explore::{
    sample, DporConfig, ExploreResult, Explorer, SampleStrategy, SearchAlgorithm, SearchLimit,
};
use racemap::rt::config::Config;
use racemap::rt::error::{is_internal_error_line, EXIT_INTERNAL};
use racemap::rt::machine::Machine;
use racemap::run::RunConfig;
use std::path::PathBuf;
use std::rc::Rc;

/// Run the command.
pub fn main(mut parser: lexopt::Parser) -> Result<u8, UsageError> {
    let mut file: Option<PathBuf> = None;
    let mut lang_version = racemap::compile::LangVersion::DEFAULT;
    let mut json = false;
    let mut dpor = DporConfig::default();
    let mut sampling: Option<SampleStrategy> = None;
    let mut runs: u64 = 1000;
    let mut seed: u64 = 0;
    let mut machine_config = Config::default();
    let mut stats = false;
    while let Some(arg) = parser.next().map_err(usage)? {
        match arg {
            lexopt::Arg::Long(name) if LIMIT_OPTIONS.contains(&name) => {
                let name = name.to_owned();
                set_limit(&name, &mut parser, &mut machine_config)?;
            }
            lexopt::Arg::Long("json") => json = true,
            lexopt::Arg::Long("stats") => stats = true,
            lexopt::Arg::Long("search") => dpor.search = search_value(&mut parser)?,
            lexopt::Arg::Long("max-executions") => {
                dpor.max_executions = number(&mut parser, "--max-executions")?
            }
            lexopt::Arg::Long("max-total-steps") => {
                dpor.max_total_steps = number(&mut parser, "--max-total-steps")?
            }
            lexopt::Arg::Long("preemption-bound") => {
                dpor.preemption_bound = Some(number(&mut parser, "--preemption-bound")?)
            }
            lexopt::Arg::Long("sample") => {
                let kind = parser
                    .value()
                    .map_err(usage)?
                    .to_string_lossy()
                    .into_owned();
                sampling = Some(match kind.as_str() {
                    "random" => SampleStrategy::Random,
                    "pct" => SampleStrategy::Pct { depth: 3 },
                    _ => return Err(format!("--sample expects random or pct, got {kind:?}")),
                });
            }
            lexopt::Arg::Long("runs") => runs = number(&mut parser, "--runs")?,
            lexopt::Arg::Long("seed") => seed = number(&mut parser, "--seed")?,
            lexopt::Arg::Long("lang") => lang_version = lang(&mut parser)?,
            lexopt::Arg::Value(v) if file.is_none() => file = Some(v.into()),
            other => return Err(other.unexpected().to_string()),
        }
    }
    let file = file.ok_or("explore needs a FILE.go")?;
    let (name, source) = read_program(&file)?;
    let program = match compile(&name, &source, lang_version) {
        Ok(p) => Rc::new(p),
        Err(code) => return Ok(code),
    };
    let machine = Machine::new(program, machine_config.clone());
    let result = match &sampling {
        // The default search on two threads where there are two cores: the same result.
        None if !stats && two_cores() => {
            // Each thread compiles the program as it was compiled here.
            let options = crate::args::program_options(lang_version);
            let make = || {
                let program = racemap::compile::compile_with(&source, &name, &options).ok()?;
                Some(Machine::new(Rc::new(program), machine_config.clone()))
            };
            explore_parallel(machine, make, &dpor)
        }
        None => {
            let mut explorer = Explorer::new(machine, &dpor);
            explorer.advance(u64::MAX);
            if stats {
                let text = serde_json::to_string(&explorer.stats()).map_err(|e| e.to_string())?;
                eprintln!("{text}");
            }
            explorer.into_result()
        }
        Some(strategy) => sample(&machine, strategy, seed, runs, &RunConfig::default()),
    };
    if json {
        let text = serde_json::to_string(&result).map_err(|e| e.to_string())?;
        println!("{text}");
    } else {
        // The replay commands compile the program the same way.
        let mut replay_target = file.display().to_string();
        if lang_version != racemap::compile::LangVersion::DEFAULT {
            replay_target.push_str(&format!(" --lang {lang_version}"));
        }
        print!("{}", human(&result, &replay_target, &dpor));
    }
    let internal = result
        .outcomes
        .iter()
        .any(|o| o.error.as_deref().is_some_and(is_internal_error_line));
    if internal {
        return Ok(EXIT_INTERNAL as u8);
    }
    let found = result.race || result.deadlock || result.outcomes.iter().any(|o| o.error.is_some());
    Ok(u8::from(found))
}

/// The machine can run two threads at once.
pub fn two_cores() -> bool {
    std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2)
}

/// The value of `--search`: `auto`, `dpor` or `stateful`.
pub fn search_value(parser: &mut lexopt::Parser) -> Result<SearchAlgorithm, UsageError> {
    let kind = parser
        .value()
        .map_err(usage)?
        .to_string_lossy()
        .into_owned();
    match kind.as_str() {
        "auto" => Ok(SearchAlgorithm::Auto),
        "dpor" => Ok(SearchAlgorithm::Dpor),
        "stateful" => Ok(SearchAlgorithm::Stateful),
        _ => Err(format!(
            "--search expects auto, dpor or stateful, got {kind:?}"
        )),
    }
}

/// Why a search stopped short of every interleaving, as a reader should be told it (what
/// stopped it, and how to search further when a bigger budget would help).
pub fn limit_text(limit: SearchLimit, config: &DporConfig) -> String {
    match limit {
        SearchLimit::MaxExecutions => format!(
            "search incomplete: stopped by --max-executions {}; raise it to search further",
            config.max_executions
        ),
        SearchLimit::MaxTotalSteps => format!(
            "search incomplete: stopped by --max-total-steps {}; raise it to search further",
            config.max_total_steps
        ),
        SearchLimit::PreemptionBound => format!(
            "search incomplete: schedules with more than {} preemption(s) skipped",
            config.preemption_bound.unwrap_or(0)
        ),
        SearchLimit::Sampling => "sampled: not every interleaving".to_string(),
        SearchLimit::Unfinished => "search unfinished".to_string(),
        SearchLimit::Fairness => "search incomplete: a goroutine that called runtime.Gosched \
             ran again only after another goroutine moved; schedules where it went on at once \
             were not searched"
            .to_string(),
        SearchLimit::EarlyTicks => format!(
            "search incomplete: a ticker can fire ahead of its time again and again here; \
             schedules with more than {} early ticks per run were not all searched",
            racemap::rt::timer::MAX_EARLY_TICKS
        ),
        SearchLimit::RunLimit => "search incomplete: a run was cut short by one of racemap's \
             limits, see its outcome; what follows that point was not searched: raise the limit, \
             e.g. --max-steps, to search past it"
            .to_string(),
    }
}

/// An outcome's error on the summary's one line: `panic(fmt.Sprintln(x))` ends its message
/// with a newline, which is dropped; a newline inside shows as `\n`.
pub fn one_line(error: &str) -> String {
    error.trim_end_matches('\n').replace('\n', "\\n")
}

/// The human-readable report; `file` is what the replay commands name (with the options that
/// compile it the same way).
pub fn human(result: &ExploreResult, file: &str, config: &DporConfig) -> String {
    let coverage = match result.limit {
        None => ", every interleaving covered".to_string(),
        Some(limit) => format!(" ({})", limit_text(limit, config)),
    };
    let mut out = format!(
        "explored {} execution(s){}\nrace: {}   deadlock: {}\n\n{} distinct outcome(s):\n",
        result.executions,
        coverage,
        if result.race { "yes" } else { "no" },
        if result.deadlock { "yes" } else { "no" },
        result.outcomes.len()
    );
    for (i, o) in result.outcomes.iter().enumerate() {
        out.push_str(&format!(
            "\n{}. {}{}, {} run(s)\n   stdout: {:?}\n   replay: racemap run {} --schedule {}\n",
            i + 1,
            o.error.as_deref().map_or("exits normally".into(), one_line),
            if o.race { ", with a data race" } else { "" },
            o.count,
            o.stdout,
            file,
            o.schedule
        ));
        if let Some(note) = o.sleep_note() {
            out.push_str(&format!("   {note}\n"));
        }
        if let Some(note) = o.queue_note() {
            out.push_str(&format!("   {note}\n"));
        }
    }
    out
}
