//! The shared driver (`tests/support`) itself: a missing expectation fails, an update keeps the
//! notes and references, and a file that is not a case or its expectation stops the driver.

mod support;

use std::path::PathBuf;
use support::{cases_in, check_cases_in, Expectation, Section};

/// A fresh scratch directory holding `files` (name, text).
fn scratch(test: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("racemap-layout-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("scratch file");
    }
    dir
}

/// Produces the program's first line as a `first line` section.
fn first_line(case: &support::Case, _: &Expectation) -> Result<Vec<Section>, String> {
    let line = case.source.lines().next().unwrap_or("");
    Ok(vec![Section::new("first line", &format!("{line}\n"))])
}

#[test]
fn a_missing_expectation_fails_the_case() {
    let dir = scratch("missing", &[("a.go", "package main\n")]);
    let failures = check_cases_in(&dir, false, first_line);
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(
        failures[0].starts_with("a.go: missing expectation ")
            && failures[0].ends_with("run with UPDATE_EXPECT=1 to create it, then review it"),
        "{failures:?}"
    );
    assert!(!dir.join("a.expect").exists());
    std::fs::remove_dir_all(&dir).expect("cleanup");
}

#[test]
fn an_update_creates_the_file_then_the_case_passes() {
    let dir = scratch("create", &[("a.go", "package main\n")]);
    assert_eq!(check_cases_in(&dir, true, first_line), Vec::<String>::new());
    let written = std::fs::read_to_string(dir.join("a.expect")).expect("created");
    assert_eq!(written, "-- first line --\npackage main\n");
    assert_eq!(
        check_cases_in(&dir, false, first_line),
        Vec::<String>::new()
    );
    std::fs::remove_dir_all(&dir).expect("cleanup");
}

#[test]
fn a_changed_output_fails_and_an_update_keeps_notes_and_references() {
    let old = "# a note\n-- first line --\npackage old\n-- go1.19 stdout --\nas Go printed it\n";
    let dir = scratch("update", &[("a.go", "package main\n"), ("a.expect", old)]);
    let failures = check_cases_in(&dir, false, first_line);
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(failures[0].contains("differs"), "{failures:?}");
    assert_eq!(check_cases_in(&dir, true, first_line), Vec::<String>::new());
    assert_eq!(
        std::fs::read_to_string(dir.join("a.expect")).expect("rewritten"),
        "# a note\n-- first line --\npackage main\n-- go1.19 stdout --\nas Go printed it\n"
    );
    std::fs::remove_dir_all(&dir).expect("cleanup");
}

#[test]
fn a_file_that_is_no_case_stops_the_driver() {
    for (test, stray) in [("stray", "a.out"), ("orphan", "b.expect")] {
        let dir = scratch(test, &[("a.go", "package main\n"), (stray, "")]);
        let result = std::panic::catch_unwind(|| cases_in(&dir));
        assert!(result.is_err(), "{stray} was accepted");
        std::fs::remove_dir_all(&dir).expect("cleanup");
    }
}

#[test]
fn sections_keep_a_missing_final_newline() {
    let s = Section::new("stdout", "no newline");
    assert_eq!(s.name, "stdout (no final newline)");
    let parsed = Expectation::parse(&format!("-- {} --\n{}", s.name, s.body));
    assert_eq!(parsed.sections[0].text(), "no newline");
}
