//! `racemap example STRATEGY [--goroutines N] [--ops N] [--write-percent P] [--keys K]`:
//! print the preset Go program of a map strategy (`--list` lists them with when to use each).

use crate::args::{number, usage, UsageError};
use racemap::strategies::{Strategy, Workload};

/// Run the command.
pub fn main(mut parser: lexopt::Parser) -> Result<u8, UsageError> {
    let mut strategy: Option<Strategy> = None;
    let mut workload = Workload::default();
    let mut list = false;
    while let Some(arg) = parser.next().map_err(usage)? {
        match arg {
            lexopt::Arg::Long("goroutines") => {
                workload.goroutines = number(&mut parser, "--goroutines")?
            }
            lexopt::Arg::Long("ops") => workload.ops_per_goroutine = number(&mut parser, "--ops")?,
            lexopt::Arg::Long("write-percent") => {
                workload.write_percent = number(&mut parser, "--write-percent")?
            }
            lexopt::Arg::Long("keys") => workload.keys = number(&mut parser, "--keys")?,
            lexopt::Arg::Long("list") => list = true,
            lexopt::Arg::Value(v) if strategy.is_none() => {
                let slug = v.to_string_lossy();
                strategy = Some(Strategy::from_slug(&slug).ok_or_else(|| {
                    let names: Vec<&str> = Strategy::ALL.iter().map(|s| s.slug()).collect();
                    format!("unknown strategy {slug:?}; one of: {}", names.join(", "))
                })?);
            }
            other => return Err(other.unexpected().to_string()),
        }
    }
    if list {
        for s in Strategy::ALL {
            println!(
                "{:<15} {}\n{:<15} {}\n",
                s.slug(),
                s.title(),
                "",
                s.when_to_use()
            );
        }
        return Ok(0);
    }
    let strategy = strategy.ok_or("example needs a STRATEGY (or --list)")?;
    print!("{}", strategy.source(workload));
    Ok(0)
}
