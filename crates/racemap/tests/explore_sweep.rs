//! `racemap explore` judged against real Go and against brute force on small realistic
//! concurrent programs (`tests/explore_sweep/`): for each program, every outcome real Go 1.19
//! printed must be one the explorer lists, every outcome the explorer lists must be one Go
//! printed or one the program's header argues Go allows, and the search must be complete.
//! DPOR and the stateful search must agree, and, where the program has few enough
//! interleavings, both must find exactly the outcomes of brute-force enumeration.
//!
//! A program's header records, as `// go N: OUTCOME`, what its `go build -race` binary printed
//! over 300 runs on 2 CPUs and 100 runs with `GOMAXPROCS=1` (`timeout 3` each: a deadlocked
//! `-race` binary of Go 1.19 hangs; such runs are written with the deadlock's fatal error and
//! `rc=hang`). OUTCOME is the stdout lines joined by spaces, `|rc=EXIT race=yes|no`, then the
//! first error line (a panic's or fatal error's first line; `log.Fatal`'s message without its
//! date). `// legal: OUTCOME -- why` lines are outcomes the explorer finds that Go did not
//! show in those runs, each with the reason Go allows it. `// racemap: --lang go1.N` compiles
//! the program as that language version; `// incomplete: LIMIT -- why` lets the search stop
//! at that named limit (it still must say so).

use racemap::compile::{CompileOptions, LangVersion};
use racemap::explore::{explore, DporConfig, ExploreResult, SearchAlgorithm, Target};
use racemap::race::{Detector, DetectorConfig};
use racemap::rt::config::{Config, WakeOrder};
use racemap::rt::machine::Machine;
use std::collections::BTreeSet;
use std::path::Path;
use std::rc::Rc;

/// An outcome as the headers write it, without the exit status: `STDOUT |race=yes ERROR`.
fn outcome_text(stdout: &str, error: Option<&str>, race: bool) -> String {
    let out: Vec<&str> = stdout.lines().collect();
    let race = if race { "yes" } else { "no" };
    format!("{} |race={race} {}", out.join(" "), error.unwrap_or(""))
        .trim()
        .to_string()
}

/// A header's `OUTCOME` (`STDOUT |rc=EXIT race=R ERROR`) as the explorer writes it: without
/// its exit status, except that a program ended by `os.Exit(N)` or `log.Fatal` (an exit status
/// neither 0, 2 (panic, fatal error) nor 66 (race), with no panic or fatal error) has the
/// error line `exit status N`, racemap's outcome line for it.
fn header_outcome(line: &str) -> String {
    let (out, tail) = line.split_once("|rc=").expect("`|rc=` in a header outcome");
    let (rc, rest) = tail.split_once(' ').expect("`race=` after the exit status");
    let (race, error) = rest.split_once(' ').unwrap_or((rest, ""));
    let race = race.strip_prefix("race=").expect("race=yes|no");
    let crash = error.starts_with("panic: ") || error.starts_with("fatal error: ");
    let error = match rc {
        "0" | "2" | "66" | "hang" => error.trim().to_string(),
        _ if crash => error.trim().to_string(),
        _ => format!("exit status {rc}"),
    };
    format!("{} |race={race} {error}", out.trim())
        .trim()
        .to_string()
}

/// The outcomes of a header: Go's, then the ones argued legal.
fn header(source: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let go = source
        .lines()
        .filter_map(|l| l.strip_prefix("// go "))
        .map(|l| header_outcome(l.split_once(": ").expect("`// go N: OUTCOME`").1))
        .collect();
    let legal = source
        .lines()
        .filter_map(|l| l.strip_prefix("// legal: "))
        .map(|l| header_outcome(l.split_once(" -- ").expect("`-- why`").0))
        .collect();
    (go, legal)
}

fn outcomes(r: &ExploreResult) -> BTreeSet<String> {
    r.outcomes
        .iter()
        .map(|o| outcome_text(&o.stdout, o.error.as_deref(), o.race))
        .collect()
}

/// Every outcome of every interleaving (sleepers waking at any time, as Go allows); `None`
/// when there are more than `cap` interleavings.
fn brute_force(target: &Machine, cap: u64) -> Option<BTreeSet<String>> {
    fn go(t: &Machine, det: &Detector, out: &mut BTreeSet<String>, n: &mut u64, cap: u64) -> bool {
        let choices = if t.ending().is_some() {
            Vec::new()
        } else {
            t.runnable()
        };
        if choices.is_empty() {
            *n += 1;
            let ending = t.ending().and_then(|e| e.first_line);
            out.insert(outcome_text(
                &t.stdout(),
                ending.as_deref(),
                !det.reports().is_empty(),
            ));
            return *n <= cap;
        }
        for c in choices {
            let mut next = t.clone();
            let mut d = det.clone();
            let events = next.step(c);
            d.observe_step(&events);
            next.note_races(d.reports().len());
            if !go(&next, &d, out, n, cap) {
                return false;
            }
        }
        true
    }
    let mut config = DetectorConfig::new(target.source_map());
    config.first_goroutine_id = target.first_goroutine_id();
    let det = Detector::new(config);
    let mut root = target.clone();
    root.set_wake_order(WakeOrder::AnyTime);
    let mut out = BTreeSet::new();
    let mut n = 0;
    go(&root, &det, &mut out, &mut n, cap).then_some(out)
}

/// Interleavings brute force enumerates before it gives up on a program.
const BRUTE_FORCE_CAP: u64 = 20_000;

/// What is wrong with one program, if anything.
fn judge(name: &str, source: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let (go, legal) = header(source);
    if go.is_empty() {
        problems.push(format!("{name}: no `// go N:` lines"));
    }
    // `// racemap: --lang go1.N`: the language version the program is compiled as (Go 1.19's
    // loop variables are shared by the iterations).
    let lang = source
        .lines()
        .find_map(|l| l.strip_prefix("// racemap: --lang "))
        .map(|v| LangVersion::parse(v).expect("a Go version"))
        .unwrap_or(LangVersion::DEFAULT);
    let options = CompileOptions {
        lang,
        ..CompileOptions::default()
    };
    let program = racemap::compile::compile_with(source.as_bytes(), name, &options)
        .unwrap_or_else(|e| panic!("{name} does not compile: {e:?}"));
    // `// incomplete: LIMIT -- why`: the search may stop at this named limit (and says so).
    let allowed_limit: Option<&str> = source
        .lines()
        .find_map(|l| l.strip_prefix("// incomplete: "))
        .map(|l| l.split_once(" -- ").expect("`-- why`").0);
    let machine = Machine::new(Rc::new(program), Config::default());
    let mut found: Option<BTreeSet<String>> = None;
    for search in [SearchAlgorithm::Auto, SearchAlgorithm::Dpor] {
        let config = DporConfig {
            search,
            ..DporConfig::default()
        };
        let r = explore(machine.clone(), &config);
        let limit = r.limit.map(|l| format!("{l:?}"));
        // DPOR alone may stop at a named limit the default search gets past (`Fairness` on a
        // program that yields with `runtime.Gosched`): it says so, and finds no more.
        let second = found.is_some();
        if !r.complete && second && limit.is_some() {
            let set = outcomes(&r);
            if !found.as_ref().is_some_and(|first| set.is_subset(first)) {
                problems.push(format!("{name}: {search:?} (stopped) finds {set:?}"));
            }
            continue;
        }
        if !r.complete && (limit.is_none() || limit.as_deref() != allowed_limit) {
            problems.push(format!(
                "{name}: {search:?} search incomplete ({:?})",
                r.limit
            ));
        }
        let set = outcomes(&r);
        match &found {
            None => {
                for o in go.difference(&set) {
                    problems.push(format!("{name}: Go printed `{o}`, the explorer misses it"));
                }
                for o in set
                    .iter()
                    .filter(|o| !go.contains(*o) && !legal.contains(*o))
                {
                    problems.push(format!(
                        "{name}: the explorer lists `{o}`, neither Go's nor argued legal"
                    ));
                }
                for o in legal.difference(&set) {
                    problems.push(format!("{name}: `{o}` argued legal but not found"));
                }
            }
            Some(first) if *first != set => problems.push(format!(
                "{name}: {search:?} finds {set:?}, the default search {first:?}"
            )),
            Some(_) => {}
        }
        found.get_or_insert(set);
    }
    if let (Some(all), Some(found)) = (brute_force(&machine, BRUTE_FORCE_CAP), &found) {
        if all != *found {
            problems.push(format!(
                "{name}: brute force finds {all:?}, the explorer {found:?}"
            ));
        }
    }
    problems
}

#[test]
fn explorer_outcomes_are_gos() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/explore_sweep");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/explore_sweep")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    files.sort();
    assert!(files.len() >= 40, "programs: {}", files.len());
    let mut problems = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let source = std::fs::read_to_string(path).unwrap();
        problems.extend(judge(&name, &source));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn header_outcomes_drop_the_exit_status() {
    assert_eq!(
        header_outcome("a b |rc=2 race=yes panic: boom"),
        "a b |race=yes panic: boom"
    );
    assert_eq!(
        header_outcome("a |rc=1 race=no fatal in worker"),
        "a |race=no exit status 1"
    );
    assert_eq!(
        header_outcome(" |rc=hang race=no fatal error: all goroutines are asleep - deadlock!"),
        "|race=no fatal error: all goroutines are asleep - deadlock!"
    );
    assert_eq!(header_outcome(" |rc=0 race=no"), "|race=no");
    assert_eq!(
        outcome_text("a\nb\n", Some("panic: boom"), true),
        "a b |race=yes panic: boom"
    );
    assert_eq!(outcome_text("", None, false), "|race=no");
}
