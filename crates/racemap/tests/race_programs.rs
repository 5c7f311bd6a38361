//! Driver of `tests/race_programs/`: programs for the race detector, one racy/ordered pair per
//! happens-before edge of the Go memory model (`exit_racy.go`: a goroutine's exit orders
//! nothing), and a few whose schedules end differently. Each `NAME.expect` holds what
//! `racemap run prog.go` prints (seed 0, race detector on), the exit statuses of seeds 0 to 2,
//! and the explorer's verdict with every distinct outcome (and the sleeps an outcome needs cut
//! short: Go orders nothing by `time.Sleep`, so the explorer wakes sleepers at any time, while
//! seeded runs follow virtual time).
//!
//! Cases checked with real Go keep what `go run -race` printed as `go1.19 -race stdout` and
//! `go1.19 -race stderr` reference sections, and must agree with it: the explorer finds a race
//! exactly when Go reported one, one of its outcomes is Go's (Go's stdout, and Go's `panic: …` or
//! `fatal error: …` line when Go's run failed, `exit status N` after an `os.Exit(N)`, no
//! failure otherwise), and
//! every seeded run that ends normally (exit status 0 or 66) reports as many races as Go did. The layout and `UPDATE_EXPECT=1`: `tests/README.md`.
//!
//! `tests/race_programs_go1_21/` holds programs compiled as Go 1.21 (`racemap --lang go1.21`):
//! loops share their variables between iterations, as in the Go 1.19 that checked them.

mod support;

use racemap::compile::LangVersion;
use racemap::explore::{explore, DporConfig, ExploreResult};
use racemap::run::{run, RunConfig, RunResult, EXIT_RACE};
use support::{check_dir, machine_as, run_sections, Expectation, Section};

/// Seeds whose runs are summarized (seed 0's in full).
const SEEDS: [u64; 3] = [0, 1, 2];

#[test]
fn race_programs_match_their_expectations_and_go() {
    check_race_programs("race_programs", LangVersion::DEFAULT);
}

#[test]
fn go1_21_race_programs_share_loop_variables_as_go_1_19_does() {
    check_race_programs("race_programs_go1_21", LangVersion::GO1_21);
}

/// Check every case of `tests/DIR`, compiled as `lang`.
fn check_race_programs(dir: &str, lang: LangVersion) {
    check_dir(dir, |case, expectation| {
        let machine = match machine_as(&case.source, lang) {
            Ok(m) => m,
            Err(diagnostics) => return Err(format!("does not compile:\n{}", diagnostics.body)),
        };
        let runs: Vec<RunResult> = SEEDS
            .iter()
            .map(|&seed| {
                let config = RunConfig {
                    seed,
                    ..RunConfig::default()
                };
                run(machine.clone(), &config)
            })
            .collect();
        let explored = explore(machine, &DporConfig::default());
        compare_with_go(expectation, &runs, &explored)?;
        let mut sections = run_sections(&runs[0]);
        let statuses: Vec<String> = runs
            .iter()
            .map(|r| r.exit_code.map_or("none".to_string(), |c| c.to_string()))
            .collect();
        sections.push(Section::new(
            format!(
                "exit statuses of seeds {}",
                SEEDS.map(|s| s.to_string()).join(" ")
            ),
            &format!("{}\n", statuses.join(" ")),
        ));
        sections.push(Section::new("explore", &explore_summary(&explored)));
        Ok(sections)
    });
}

/// The explorer's verdict and its distinct outcomes, sorted (their order and counts depend on
/// the search, not on the program).
fn explore_summary(r: &ExploreResult) -> String {
    let mut out = format!(
        "complete: {}, race: {}, deadlock: {}\n",
        r.complete, r.race, r.deadlock
    );
    let mut outcomes: Vec<String> = r
        .outcomes
        .iter()
        .map(|o| {
            let mut line = format!("outcome: stdout {:?}", o.stdout);
            if let Some(e) = &o.error {
                line.push_str(&format!(", error {e:?}"));
            }
            if o.race {
                line.push_str(", race");
            }
            for w in &o.early_wakes {
                line.push_str(&format!(", cuts short {}", w.describe()));
            }
            line
        })
        .collect();
    outcomes.sort();
    outcomes.dedup();
    for o in outcomes {
        out.push_str(&o);
        out.push('\n');
    }
    out
}

/// Agree with the case's `go1.19 -race stderr` reference, if any (see the module doc).
fn compare_with_go(
    expectation: &Expectation,
    runs: &[RunResult],
    explored: &ExploreResult,
) -> Result<(), String> {
    for reference in expectation.references() {
        if !["go1.19 -race stdout", "go1.19 -race stderr"].contains(&reference.name.as_str()) {
            return Err(format!("unknown reference section `{}`", reference.name));
        }
    }
    let Some(go) = expectation.reference("go1.19 -race stderr") else {
        return Ok(());
    };
    let go_races = go.text().matches("WARNING: DATA RACE\n").count();
    let go_stdout = expectation
        .reference("go1.19 -race stdout")
        .map_or("", |s| s.text());
    if explored.race != (go_races > 0) {
        return Err(format!(
            "the explorer says race: {}, but Go reported {go_races} race(s)",
            explored.race
        ));
    }
    // Go's failure: its `panic:`/`fatal error:` line, or for an `os.Exit(N)` (no such line;
    // `go run`'s first `exit status N` line, N not the detector's 66) racemap's `exit status N`.
    let exit_line = go
        .text()
        .lines()
        .find(|l| l.starts_with("exit status "))
        .filter(|l| *l != "exit status 66");
    let go_failure = go
        .text()
        .lines()
        .find(|l| l.starts_with("panic: ") || l.starts_with("fatal error: "))
        .or(exit_line);
    if !explored
        .outcomes
        .iter()
        .any(|o| o.stdout == go_stdout && o.error.as_deref() == go_failure)
    {
        return Err(format!(
            "no explored outcome prints go1.19's stdout {go_stdout:?} and ends with {go_failure:?}"
        ));
    }
    for (seed, run) in SEEDS.iter().zip(runs) {
        let normal = matches!(run.exit_code, Some(0) | Some(EXIT_RACE));
        if normal && run.races.len() != go_races {
            return Err(format!(
                "seed {seed}: {} race(s), Go reported {go_races}:\n{}",
                run.races.len(),
                run.stderr
            ));
        }
    }
    Ok(())
}

/// Cases whose race reports match Go's line for line (seed 0): the reported accesses, their
/// frames and lines, and the goroutines' creation sites; addresses and pc offsets masked,
/// Go's paths as racemap's `prog.go`. The declaration of an escaping variable or parameter is
/// a write (gc stores its initial value, or zeroes it, into the new heap object), shown as
/// the previous write of a racy publication.
const REPORTS_LIKE_GO: [&str; 2] = ["escaping_decl_publish_racy", "escaping_param_publish_racy"];

#[test]
fn race_reports_match_go_line_for_line() {
    for name in REPORTS_LIKE_GO {
        let case = support::cases("race_programs")
            .into_iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no case {name}"));
        let expectation = support::expectation(&case);
        let go = expectation
            .reference("go1.19 -race stderr")
            .unwrap_or_else(|| panic!("{name}: no go1.19 -race stderr"));
        let machine = machine_as(&case.source, LangVersion::DEFAULT).expect("compiles");
        let r = run(machine, &RunConfig::default());
        assert_eq!(
            report_normalized(&r.stderr),
            report_normalized(go.text()),
            "{name}: racemap's race reports (left) differ from Go's"
        );
    }
}

/// A race-detector stderr with what legitimately differs masked: addresses, pc offsets,
/// goroutine numbers, the source path, `go run`'s `exit status` line.
fn report_normalized(text: &str) -> String {
    text.lines()
        .filter(|l| !l.starts_with("exit status "))
        .map(|l| {
            let mut l = l.to_string();
            if let Some(p) = l.find(" +0x") {
                l.truncate(p);
            }
            if let Some(p) = l.find(" at 0x") {
                let end = l[p + 6..]
                    .find(|c: char| !c.is_ascii_hexdigit())
                    .map_or(l.len(), |e| p + 6 + e);
                l.replace_range(p..end, " at 0x?");
            }
            // Go's goroutine numbers vary between runs (a sleep's timer may take one).
            for word in ["by goroutine ", "Goroutine "] {
                if let Some(p) = l.find(word) {
                    let start = p + word.len();
                    let end = l[start..]
                        .find(|c: char| !c.is_ascii_digit())
                        .map_or(l.len(), |e| start + e);
                    l.replace_range(start..end, "N");
                }
            }
            if let (Some(slash), Some(end)) = (l.rfind('/'), l.find(".go:")) {
                if slash < end && l.trim_start().starts_with('/') {
                    let indent = l.len() - l.trim_start().len();
                    l.replace_range(indent..end, "prog");
                }
            }
            l
        })
        .collect::<Vec<_>>()
        .join("\n")
}
