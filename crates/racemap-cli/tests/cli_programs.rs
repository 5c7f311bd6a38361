//! Driver of `tests/programs/`: what the `racemap` binary prints for each program, as a user
//! runs it from the program's directory: `racemap check NAME.go`, `racemap run NAME.go` (seed 0)
//! and `racemap explore NAME.go`. The layout (shared with the core's drivers) and
//! `UPDATE_EXPECT=1`: `crates/racemap/tests/README.md`. `cli.rs` checks flags, seeds, JSON and
//! replays on the same programs, and what real Go 1.19 printed for them.

#[path = "../../racemap/tests/support/mod.rs"]
mod support;

use std::process::Command;
use support::{check_dir, Section};

/// The commands run on each case, `{}` standing for `NAME.go`.
const COMMANDS: [&[&str]; 3] = [&["check", "{}"], &["run", "{}"], &["explore", "{}"]];

#[test]
fn every_program_s_cli_output_matches_its_expectation() {
    check_dir("programs", |case, expectation| {
        if !expectation.references().is_empty() {
            return Err("the CLI's cases have no reference sections".to_string());
        }
        let file = format!("{}.go", case.name);
        let mut sections = Vec::new();
        for command in COMMANDS {
            let args: Vec<&str> = command
                .iter()
                .map(|a| if *a == "{}" { file.as_str() } else { a })
                .collect();
            let out = Command::new(env!("CARGO_BIN_EXE_racemap"))
                .args(&args)
                .current_dir(support::test_dir("programs"))
                .output()
                .map_err(|e| format!("racemap does not start: {e}"))?;
            sections.push(Section::new(format!("racemap {}", args.join(" ")), ""));
            for (name, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
                if !bytes.is_empty() {
                    sections.push(Section::new(name, &String::from_utf8_lossy(bytes)));
                }
            }
            let status = out
                .status
                .code()
                .map_or("killed by a signal".to_string(), |c| {
                    format!("exit status {c}")
                });
            sections.push(Section::new(status, ""));
        }
        Ok(sections)
    });
}
