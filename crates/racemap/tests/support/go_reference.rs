//! Real Go's output as the reference of a case: an expectation file's `go1.19` sections hold
//! what `go run` printed, and racemap's run must agree with them up to [`go_normalized`]:
//!
//! - `go1.19 stdout`: racemap's stdout equals it; `go1.19 stdout prefix`: racemap's stdout
//!   starts with it (Go scheduled the goroutines differently; the case's notes say why).
//! - `go1.19 stderr`: what `go run` wrote to stderr, ending in `exit status N` when the
//!   program failed: racemap's exit status is `N` (0 without that line) and its stderr equals
//!   Go's after [`go_normalized`].
//! - racemap's goroutine dumps number goroutines as a plain `go run`'s and a race build's do
//!   (the runtime's `goid`, [`renumbered`]); a note
//!   line `# go1.19 goroutine A is racemap's goroutine B` renumbers one goroutine in Go's text
//!   (Go's goroutine ids vary between runs; racemap's are deterministic).

use super::Expectation;
use racemap::run::RunResult;

/// Check racemap's output against the case's `go1.19` references (none: nothing to check).
pub fn compare_with_go(expectation: &Expectation, result: &RunResult) -> Result<(), String> {
    let (stdout, stderr, exit_code) = (&result.stdout, &result.stderr, result.exit_code);
    for reference in expectation.references() {
        if !KNOWN.contains(&reference.name.as_str()) {
            return Err(format!(
                "unknown reference section `{}` (known: {KNOWN:?})",
                reference.name
            ));
        }
    }
    if let Some(go) = expectation.reference("go1.19 stdout") {
        if stdout != go.text() {
            return Err(format!(
                "stdout differs from go1.19's:\n--- go1.19\n{}--- racemap\n{stdout}",
                go.text()
            ));
        }
    }
    if let Some(go) = expectation.reference("go1.19 stdout prefix") {
        if !stdout.starts_with(go.text()) {
            return Err(format!(
                "stdout does not start with go1.19's:\n--- go1.19\n{}--- racemap\n{stdout}",
                go.text()
            ));
        }
    }
    if let Some(go) = expectation.reference("go1.19 stderr") {
        let go_exit = go
            .text()
            .lines()
            .last()
            .and_then(|l| l.strip_prefix("exit status "))
            .map_or(0, |n| n.parse().expect("an exit status"));
        if exit_code != Some(go_exit) {
            return Err(format!("exit status {exit_code:?}, go1.19's was {go_exit}"));
        }
        let want = go_normalized(&renumbered(go.text(), &expectation.notes));
        let got = go_normalized(stderr);
        if got != want {
            return Err(format!(
                "stderr differs from go1.19's after normalizing:\n--- go1.19\n{want}\n--- racemap\n{got}"
            ));
        }
    }
    Ok(())
}

/// The reference sections [`compare_with_go`] understands.
const KNOWN: [&str; 3] = ["go1.19 stdout", "go1.19 stdout prefix", "go1.19 stderr"];

/// Go's goroutine numbers as racemap's: the notes' `# go1.19 goroutine A is racemap's goroutine
/// B` renumber A (Go's ids vary between runs); every other number stays, as goroutine dumps
/// print the runtime's `goid`, the same in a plain `go run` and a race build (only race
/// reports number goroutines one higher, by the race runtime's contexts).
pub fn renumbered(go: &str, notes: &str) -> String {
    let mut map = std::collections::BTreeMap::new();
    for line in notes.lines() {
        let Some(rest) = line.strip_prefix("# go1.19 goroutine ") else {
            continue;
        };
        let (from, rest) = rest
            .split_once(" is racemap's goroutine ")
            .expect("A is ... B");
        let to = rest
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap_or("");
        map.insert(from.to_string(), to.to_string());
    }
    let mut out = String::new();
    let mut rest = go;
    while let Some(i) = rest.find("goroutine ") {
        let (before, after) = rest.split_at(i + "goroutine ".len());
        out.push_str(before);
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        let followed_by_space = after[digits.len()..].starts_with(' ');
        if digits.is_empty() || !followed_by_space {
            rest = after;
            continue;
        }
        out.push_str(map.get(&digits).unwrap_or(&digits));
        rest = &after[digits.len()..];
    }
    out.push_str(rest);
    out
}

/// Mask what legitimately differs between Go's stderr and racemap's: the `exit status N` line
/// (printed by `go run`, not the program) goes; so do the frames of Go's own
/// `runtime`/`sync`/`sync/atomic` packages but `sync.WaitGroup`'s methods (racemap shows
/// user frames only, and those, with masked arguments; a panic's
/// `panic({…})` frame stays, masked, as racemap prints it too). Paths become `prog.go`, `+0x…`
/// offsets go (Go omits them for inlined frames) and `pc=` values are masked, frame arguments
/// holding addresses, or elided as `(...)` for an inlined call, become `(…)` (racemap derives
/// its own), and every sync wait reason becomes Go 1.19's `semacquire`
/// (racemap uses modern Go's `sync.WaitGroup.Wait` and the like, design §2).
pub fn go_normalized(text: &str) -> String {
    let mut out = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.starts_with("exit status ") {
            i += 1;
            continue;
        }
        // `sync.WaitGroup`'s own frames stay (racemap prints them above a WaitGroup panic
        // and a blocked `Wait`), their arguments masked.
        let waitgroup = line.starts_with("sync.(*WaitGroup).");
        let is_internal = (line.starts_with("sync.")
            || line.starts_with("sync/atomic.")
            || line.starts_with("runtime."))
            && !waitgroup
            && lines.get(i + 1).is_some_and(|l| l.starts_with('\t'));
        if is_internal {
            i += 2;
            continue;
        }
        // The panic frame's words are addresses, and its line is `go run`'s (884) or a race
        // build's (890): only where it stands is compared.
        if line.starts_with("panic(") && lines.get(i + 1).is_some_and(|l| l.starts_with('\t')) {
            out.push("panic(…)".to_string());
            out.push("\truntime/panic.go".to_string());
            i += 2;
            continue;
        }
        let mut l = line.to_string();
        if l.starts_with('\t') {
            if let (Some(slash), Some(end)) = (l.rfind('/'), l.find(".go:")) {
                if slash < end {
                    l.replace_range(1..end, "prog");
                }
            }
        }
        if let Some(p) = l.find(" +0x") {
            l.truncate(p);
        }
        if let Some(p) = l.find(" pc=0x") {
            l.truncate(p);
            l.push_str(" pc=?]");
        }
        if l.starts_with("goroutine ") && l.contains(" [sync.") {
            if let Some(p) = l.find(" [") {
                l.truncate(p);
                l.push_str(" [semacquire]:");
            }
        }
        if waitgroup {
            // `sync.(*WaitGroup).Add(args)`: the receiver's parentheses come first.
            let method = "sync.(*WaitGroup).".len();
            if let Some(p) = l[method..].find('(') {
                l.truncate(method + p);
                l.push_str("(…)");
            }
        }
        // Integer arguments are compared; addresses (`0xc…`, `{…}`, `?`-marked words) are not.
        if !l.starts_with('\t')
            && l.ends_with(')')
            && l.starts_with("main.")
            && (l.contains("0xc") || l.contains('{') || l.contains('?') || l.ends_with("(...)"))
        {
            if let Some(p) = l.find('(') {
                l.truncate(p);
                l.push_str("(…)");
            }
        }
        out.push(l);
        i += 1;
    }
    out.join("\n")
}
