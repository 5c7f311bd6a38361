//! `testing.T`: the state of one running test (Go 1.19's `testing.common`): its name, whether
//! it failed or was skipped, the functions marked by `t.Helper()`, and the log it keeps.
//!
//! Output follows `go test -v` (`chatty`): `t.Log` lines go to stdout at once, indented four
//! spaces and prefixed `FILE:LINE: ` (the line of the first caller that is not a helper);
//! lines after the first of a multi-line message are indented eight spaces. Without `-v` the
//! lines are kept in [`TestState::output`] and printed after the test's `--- FAIL` line.
//! The test binary's root `T` has no name and no parent; the top-level tests are its subtests.
//! `FailNow`/`Fatal`/`SkipNow`/`Skip` end the calling goroutine with `runtime.Goexit`.

use crate::rt::value::FuncId;

/// State of a `testing.T`.
#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub struct TestState {
    /// The test's name (`TestCache`).
    pub name: String,
    /// `t.Fail` (or `Error`, `Fatal`, …) was called.
    pub failed: bool,
    /// `t.Skip` (or `SkipNow`, `Skipf`) was called.
    pub skipped: bool,
    /// `-v`: logs are printed as they happen.
    pub chatty: bool,
    /// Functions that called `t.Helper()`.
    pub helpers: Vec<FuncId>,
    /// Logs kept for the report (when not `chatty`), and the reports of its subtests
    /// (indented four spaces), printed after its own `--- ` line.
    pub output: String,
    /// The parent test of a subtest (`t.Run`).
    pub parent: Option<crate::rt::value::Pointer>,
    /// Functions registered with `t.Cleanup`, in registration order.
    pub cleanups: Vec<crate::rt::value::Value>,
    /// The test's goroutine ended without a panic (its cleanups ran, a subtest reported).
    pub done: bool,
    /// Races reported before the test started (plus, for a parallel test, those reported
    /// while it was paused): more at its end fail it (Go's `raceErrors`).
    pub races_at_start: usize,
    /// Races reported when the test paused at `t.Parallel()`.
    pub races_at_pause: usize,
    /// `t.Parallel()` was called: the parent's `Run` returned.
    pub parallel: bool,
    /// The test's body returned: its parallel subtests may go on (Go's `barrier`).
    pub released: bool,
    /// Its parallel subtests, which it waits for before its cleanups.
    pub parallel_subs: Vec<crate::rt::value::Pointer>,
    /// Of the root `T` (the test binary's, parent of the top-level tests) with -v: the test
    /// that printed last (`=== RUN`, a log, a report); a log of another test is preceded by
    /// `=== CONT  NAME`, as Go's chatty printer does.
    pub last_name: String,
    /// Of the root `T`: the examples that failed, in the order they ran.
    pub failed_examples: Vec<String>,
    /// `t.Setenv` was called (Go's `isEnvSet`: a later `t.Parallel()` panics).
    pub env_set: bool,
    /// `t.TempDir()` calls so far (Go's `tempDirSeq`: the directories are numbered 001, 002…).
    pub temp_dirs: u32,
    /// Of the root `T`: each subtest name given so far and the count its next duplicate gets
    /// (Go's `matcher.subNames`).
    pub sub_names: std::collections::BTreeMap<String, u32>,
}

impl TestState {
    /// A log line as Go decorates it: `    FILE:LINE: text`, continuation lines indented
    /// eight spaces, one final newline.
    pub fn decorate(file: &str, line: u32, text: &str) -> String {
        let text = text.strip_suffix('\n').unwrap_or(text);
        let mut out = format!("    {file}:{line}: ");
        for (i, l) in text.split('\n').enumerate() {
            if i > 0 {
                out.push_str("\n        ");
            }
            out.push_str(l);
        }
        out.push('\n');
        out
    }
}

/// A subtest's full name, unique among the names `used` so far (Go's `matcher.unique`): a name
/// given before, or an empty subtest name, gets a count (`parent/sub#01`, `parent/#00`).
pub fn unique_name(
    used: &mut std::collections::BTreeMap<String, u32>,
    parent: &str,
    sub: &str,
) -> String {
    let mut name = format!("{parent}/{sub}");
    let mut empty = sub.is_empty();
    loop {
        let next = used.get(&name).copied();
        if !empty && next.is_none() {
            used.insert(name.clone(), 1);
            return name;
        }
        let next = next.unwrap_or(0);
        used.insert(name.clone(), next + 1);
        name = format!("{name}#{next:02}");
        empty = false;
    }
}

/// `s` with every line indented four more spaces (a subtest's report in its parent's output).
pub fn indent(s: &str) -> String {
    s.lines().map(|l| format!("    {l}\n")).collect()
}

/// A subtest's name as Go rewrites it (`testing.rewrite`): spaces become underscores.
pub fn rewrite_name(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_lines_are_decorated_as_go_test_prints_them() {
        assert_eq!(
            TestState::decorate("x_test.go", 12, "got 1\nwant 2\n"),
            "    x_test.go:12: got 1\n        want 2\n"
        );
        assert_eq!(
            TestState::decorate("x_test.go", 3, ""),
            "    x_test.go:3: \n"
        );
    }

    #[test]
    fn subtest_reports_indent_and_names_lose_spaces() {
        assert_eq!(
            indent("--- PASS: A/b\n    x\n"),
            "    --- PASS: A/b\n        x\n"
        );
        assert_eq!(rewrite_name("two words"), "two_words");
    }

    #[test]
    fn duplicate_and_empty_subtest_names_get_counts_as_in_go() {
        let mut used = std::collections::BTreeMap::new();
        let names: Vec<String> = ["a", "a", "a", "a#01", "", ""]
            .iter()
            .map(|s| unique_name(&mut used, "T", s))
            .collect();
        assert_eq!(
            names,
            ["T/a", "T/a#01", "T/a#02", "T/a#01#01", "T/#00", "T/#01"]
        );
    }
}
