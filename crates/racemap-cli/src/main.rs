//! `racemap`: check, run and explore Go programs from the command line.
//!
//! ```text
//! racemap check FILE.go
//! racemap run FILE.go [--seed N | --schedule S] [--max-steps N] [--trace] [--no-race]
//! racemap explore FILE.go [--json] [--max-executions N] [--max-total-steps N]
//!     [--preemption-bound K] [--sample …]
//! racemap test FILE_test.go [--run REGEX] [--seed N] [-v] [--schedule S]
//!     [--explore [--json] [--max-executions N] [--max-total-steps N] [--search auto|dpor|stateful]]
//! racemap example STRATEGY [--goroutines N] [--ops N] [--write-percent P] [--keys K]
//! ```
//!
//! Exit statuses follow `go run`'s program: 0, 1 for a compile error, 2 for a panic or fatal
//! error, 66 when the race detector found a race; 3 when racemap itself stopped the run (a
//! limit); 70 when racemap broke one of its own invariants (`racemap internal error: …`, a
//! racemap bug); 64 for a usage error. `explore` exits 1 when it found a race, crash or
//! deadlock, 70 when a run hit an internal error.

mod args;
mod check;
mod example;
mod explore;
mod run;
mod test;
mod test_explore;

use std::process::ExitCode;

/// mimalloc: the search allocates and frees small blocks (machine and detector clones per
/// node) at a high rate; glibc's malloc took about a third of its cycles.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit status for a command-line usage error (BSD's `EX_USAGE`).
pub const EXIT_USAGE: u8 = 64;

const USAGE: &str = "\
usage: racemap <command> [arguments]

commands:
  check FILE.go       compile only: print Go-style errors, exit 1 if any
  run FILE.go         run once under a scheduler, with the race detector
      --seed N          random scheduler seed (default 0)
      --schedule S      replay an encoded schedule (from `explore`)
      --max-steps N     step limit (default 100000)
      --trace           print one line per step
      --no-race         run as a plain `go run` build: no race detector, and main's
                        return waits for a panic in progress
      --max-instructions N --max-goroutines N --max-heap-objects N --max-heap-slots N
                        raise racemap's runtime limits (also for explore)
  explore FILE.go     search interleavings for races, crashes and deadlocks
      --json            print one JSON object
      --max-executions N  (default 10000)   --max-total-steps N  (default 2000000)
      --preemption-bound K
      --search auto|dpor|stateful   which search (default auto: stateful where it applies)
      --stats           print the search's cost (steps, states, …) as JSON on stderr
      --sample random|pct --runs N --seed S   sample instead of a full search
  test FILE_test.go   run each TestXxx(t *testing.T) as `go test -race` does
      --run REGEX       only the tests whose name matches
      --seed N          random scheduler seed (default 0)
      -v                print every test's name, logs and result
      --schedule S      replay an encoded schedule (from --explore)
      --explore         every interleaving of each test: races, deadlocks, leaks, failures
      --json --max-executions N --max-total-steps N --search S --stats   (with --explore)
  check, run, explore and test also take
      --lang go1.N      the Go language version (default go1.22); before go1.22 a loop's
                        variables are shared by its iterations (the loop-closure race)
  example STRATEGY    print a preset Go program
      STRATEGY: unsynchronized | mutex | rwmutex | syncmap | channel | sharded
      --goroutines N --ops N --write-percent P --keys K
";

fn main() -> ExitCode {
    let mut parser = lexopt::Parser::from_env();
    let command = match parser.next() {
        Ok(Some(lexopt::Arg::Value(v))) => v.to_string_lossy().into_owned(),
        Ok(Some(lexopt::Arg::Long("help") | lexopt::Arg::Short('h'))) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let result = match command.as_str() {
        "check" => check::main(parser),
        "example" => example::main(parser),
        "run" => run::main(parser),
        "explore" => explore::main(parser),
        "test" => test::main(parser),
        "help" => {
            print!("{USAGE}");
            Ok(0)
        }
        other => Err(format!("unknown command {other:?}")),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("racemap: {message}");
            eprint!("{USAGE}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}
