//! `cargo xtask conformance`: racemap's verdicts against real Go's on the shared corpus.
//!
//! `../shared/go-corpus/` (next to the repository; CI has it, a plain clone does not) holds Go
//! programs and `outcomes.json` with what real Go 1.19 showed. For each program this runs
//! `racemap explore --json` and checks what every correct simulator must conclude over all
//! interleavings: the search is complete; the race verdict is the same; a deadlock is found
//! exactly where one is possible; every listed error is found; no error outside the list
//! appears; when the program's output does not depend on the schedule, every normal exit
//! printed the expected stdout; a program that always fails never exits normally.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::{Error, Result};

/// Check every program of `corpus` with the `racemap` binary at `racemap`.
pub fn check_corpus(corpus: &Path, racemap: &Path) -> Result {
    let outcomes_path = corpus.join("outcomes.json");
    let text = std::fs::read_to_string(&outcomes_path)
        .map_err(|e| Error::new(format!("{}: {e}", outcomes_path.display())))?;
    let outcomes: Value = serde_json::from_str(&text)
        .map_err(|e| Error::new(format!("{}: {e}", outcomes_path.display())))?;
    let programs = outcomes
        .as_object()
        .ok_or_else(|| Error::new("outcomes.json is not an object".to_string()))?;
    let (mut passed, mut failed) = (0, 0);
    for (name, entry) in programs {
        let file = corpus.join(format!("{name}.go"));
        let problems = match explore(racemap, &file) {
            Ok(found) => compare(&entry["expected"], &found),
            Err(e) => vec![e],
        };
        if problems.is_empty() {
            passed += 1;
            println!("ok   {name}");
        } else {
            failed += 1;
            println!("FAIL {name}");
            for p in problems {
                println!("       {p}");
            }
        }
    }
    println!("conformance: {passed} passed, {failed} failed");
    if failed == 0 {
        Ok(())
    } else {
        Err(Error::new(format!(
            "{failed} corpus program(s) disagree with real Go"
        )))
    }
}

/// `racemap explore --json FILE`, parsed.
fn explore(racemap: &Path, file: &Path) -> std::result::Result<Value, String> {
    let out = Command::new(racemap)
        .args(["explore", "--json"])
        .arg(file)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", racemap.display()))?;
    serde_json::from_slice(&out.stdout).map_err(|e| {
        format!(
            "explore printed no JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )
    })
}

/// What disagrees between real Go's `expected` verdicts and racemap's exploration `found`.
pub fn compare(expected: &Value, found: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    if found["complete"] != true {
        problems.push(format!(
            "search incomplete after {} executions",
            found["executions"]
        ));
    }
    if found["race"] != expected["race"] {
        problems.push(format!(
            "race: racemap says {}, Go says {}",
            found["race"], expected["race"]
        ));
    }
    if found["deadlock"] != expected["deadlock_possible"] {
        problems.push(format!(
            "deadlock: racemap says {}, Go says possible={}",
            found["deadlock"], expected["deadlock_possible"]
        ));
    }
    let empty = Vec::new();
    let outcomes = found["outcomes"].as_array().unwrap_or(&empty);
    let allowed: Vec<&str> = expected["errors_possible"]
        .as_array()
        .unwrap_or(&empty)
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for error in &allowed {
        if !outcomes.iter().any(|o| o["error"] == *error) {
            problems.push(format!("never found: {error}"));
        }
    }
    for o in outcomes {
        match o["error"].as_str() {
            Some(error) if !allowed.contains(&error) => problems.push(format!(
                "unexpected error: {error} (schedule {})",
                o["schedule"]
            )),
            Some(_) => {}
            None => {
                if let Some(always) = expected["always_fails_with"].as_str() {
                    problems.push(format!("exited normally, Go always fails with {always}"));
                }
                if let Some(stdout) = expected["stdout_when_no_error"].as_str() {
                    if o["stdout"] != stdout {
                        problems.push(format!(
                            "stdout {} instead of {:?} (schedule {})",
                            o["stdout"], stdout, o["schedule"]
                        ));
                    }
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::compare;
    use serde_json::json;

    fn expected() -> serde_json::Value {
        json!({"race": true, "deadlock_possible": false,
               "errors_possible": ["fatal error: concurrent map writes"],
               "stdout_when_no_error": "2\n", "always_fails_with": null})
    }

    #[test]
    fn agreeing_exploration_passes() {
        let found = json!({"complete": true, "executions": 5, "race": true, "deadlock": false,
            "outcomes": [{"stdout": "2\n", "error": null, "race": true, "count": 4, "schedule": "a"},
                         {"stdout": "", "error": "fatal error: concurrent map writes", "race": false, "count": 1, "schedule": "b"}]});
        assert_eq!(compare(&expected(), &found), Vec::<String>::new());
    }

    #[test]
    fn each_disagreement_is_named() {
        let found = json!({"complete": false, "executions": 10000, "race": false, "deadlock": true,
            "outcomes": [{"stdout": "3\n", "error": null, "race": false, "count": 1, "schedule": "a"},
                         {"stdout": "", "error": "panic: boom", "race": false, "count": 1, "schedule": "b"}]});
        let problems = compare(&expected(), &found);
        assert_eq!(problems.len(), 6, "{problems:#?}");
        assert!(problems[0].starts_with("search incomplete"));
        assert!(problems
            .iter()
            .any(|p| p == "never found: fatal error: concurrent map writes"));
        assert!(problems
            .iter()
            .any(|p| p.starts_with("unexpected error: panic: boom")));
        assert!(problems
            .iter()
            .any(|p| p.starts_with("stdout \"3\\n\" instead of")));
    }
}
