//! `racemap run FILE.go [--seed N | --schedule S] [--max-steps N] [--trace] [--no-race]`: run
//! once. The program's stdout goes to stdout; its stderr (race reports as they happen, the
//! panic or fatal error in Go's format, `Found N data race(s)`) to stderr; the exit status is
//! the program's as `go run -race` reports it (0, 2, 66), 3 when a racemap limit stopped it,
//! 70 on a racemap internal error.

use crate::args::{
    compile_with, lang, number, program_options, read_program, schedule_value, set_limit, usage,
    UsageError, LIMIT_OPTIONS,
};
use racemap::compile::CompileOptions;
use racemap::rt::config::Config;
use racemap::rt::machine::Machine;
use racemap::run::{run, RunConfig};
use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;

/// Run the command.
pub fn main(mut parser: lexopt::Parser) -> Result<u8, UsageError> {
    let mut file: Option<PathBuf> = None;
    let mut lang_version = racemap::compile::LangVersion::DEFAULT;
    let mut config = RunConfig::default();
    let mut trace = false;
    let mut machine_config = Config::default();
    while let Some(arg) = parser.next().map_err(usage)? {
        match arg {
            lexopt::Arg::Long(name) if LIMIT_OPTIONS.contains(&name) => {
                let name = name.to_owned();
                set_limit(&name, &mut parser, &mut machine_config)?;
            }
            lexopt::Arg::Long("seed") => config.seed = number(&mut parser, "--seed")?,
            lexopt::Arg::Long("max-steps") => {
                config.max_steps = number(&mut parser, "--max-steps")?
            }
            lexopt::Arg::Long("schedule") => config.schedule = Some(schedule_value(&mut parser)?),
            lexopt::Arg::Long("trace") => trace = true,
            lexopt::Arg::Long("no-race") => {
                // A plain build: no detector, and main's return waits for a panic in
                // progress (`Config::plain_build`), as Go's `runtime.main` does without `-race`.
                config.race_detection = false;
                machine_config.plain_build = true;
            }
            lexopt::Arg::Long("lang") => lang_version = lang(&mut parser)?,
            lexopt::Arg::Value(v) if file.is_none() => file = Some(v.into()),
            other => return Err(other.unexpected().to_string()),
        }
    }
    let file = file.ok_or("run needs a FILE.go")?;
    let (name, source) = read_program(&file)?;
    // Without the race detector, compiled as `go run` compiles (`CompileOptions::race`).
    let options = CompileOptions {
        race: config.race_detection,
        ..program_options(lang_version)
    };
    let program = match compile_with(&name, &source, &options) {
        Ok(p) => Rc::new(p),
        Err(code) => return Ok(code),
    };
    machine_config.max_steps = config.max_steps;
    let machine = Machine::new(program.clone(), machine_config.clone());
    let result = run(machine, &config);
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    if trace {
        // The run is deterministic: replaying its moves describes each step with the machine
        // as it is then (goroutine numbers, source names).
        for line in racemap::playback::trace::trace(&program, machine_config, &result.schedule) {
            let _ = writeln!(stderr, "{line}");
        }
        let _ = writeln!(stderr, "schedule: {}", result.schedule.encode());
    }
    let _ = stdout.write_all(&result.stdout_bytes);
    let _ = stdout.flush();
    let _ = stderr.write_all(&result.stderr_bytes);
    // A paused run cannot happen with the seeded fallback scheduler; treat it as a limit.
    Ok(result.exit_code.unwrap_or(racemap::explore::EXIT_LIMIT) as u8)
}
