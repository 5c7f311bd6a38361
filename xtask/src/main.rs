//! Development commands, run as `cargo xtask <command>` (alias in `.cargo/config.toml`).
//!
//! - `cargo xtask serve [--port N]`: install what is missing, then `trunk serve` the web app on
//!   `127.0.0.1` (default port 8080).
//! - `cargo xtask test`: install what is missing, then run every check in order (format, lint,
//!   native tests, wasm build of the core, release build of the site, browser tests), stopping
//!   at the first failure with a message naming the step.
//! - `cargo xtask conformance`: racemap's verdicts against real Go's on `../shared/go-corpus`
//!   (also a step of `test` when that folder exists).
//! - `cargo xtask dist`: release build of the static site into `dist/` with relative asset paths,
//!   and print the wasm size raw and gzipped.
//!
//! Tool installation ([`tools`]) checks each tool's version first and installs only what is
//! missing, so a second run starts within seconds. Dependencies: std, and serde_json to read the
//! corpus outcomes.

mod bench_web;
mod cmd;
mod conformance;
mod dist;
mod serve;
mod test;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

/// The failure of a command, with a message for the user.
#[derive(Debug)]
pub struct Error(pub String);

impl Error {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Error {
        Error(message.into())
    }
}

/// Result type of every xtask step.
pub type Result<T = ()> = std::result::Result<T, Error>;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve [--port N]   serve the web app on http://127.0.0.1:N/ (default 8080)
  test               format check, clippy, native tests, wasm build, browser tests
  conformance        compare racemap with real Go on ../shared/go-corpus
  dist               release build of the static site into dist/, print wasm size
  bench-web          release build, then click/scroll latency on a long trace in Chromium";

/// The repository root (the parent of this crate).
pub fn repo_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map(PathBuf::from)
        .unwrap_or(manifest_dir)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => parse_port(&args[1..]).and_then(serve::run),
        Some("test") => no_more_args(&args[1..]).and_then(|()| test::run()),
        Some("dist") => no_more_args(&args[1..]).and_then(|()| dist::run()),
        Some("bench-web") => no_more_args(&args[1..]).and_then(|()| bench_web::run()),
        Some("conformance") => no_more_args(&args[1..]).and_then(|()| test::conformance_command()),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(Error::new(format!("unknown command `{other}`\n\n{USAGE}"))),
        None => Err(Error::new(USAGE)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error(message)) => {
            eprintln!("\nxtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn no_more_args(args: &[String]) -> Result {
    match args.first() {
        None => Ok(()),
        Some(arg) => Err(Error::new(format!(
            "unexpected argument `{arg}`\n\n{USAGE}"
        ))),
    }
}

/// Parse `[--port N]` / `[--port=N]`; the default port is 8080.
fn parse_port(args: &[String]) -> Result<u16> {
    let mut port = 8080;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let value = if arg == "--port" {
            rest.next()
                .ok_or_else(|| Error::new("`--port` needs a value"))?
                .as_str()
        } else if let Some(value) = arg.strip_prefix("--port=") {
            value
        } else {
            return Err(Error::new(format!(
                "unexpected argument `{arg}`\n\n{USAGE}"
            )));
        };
        port = value
            .parse()
            .map_err(|_| Error::new(format!("`--port {value}`: not a port number")))?;
    }
    Ok(port)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn port_defaults_to_8080_and_accepts_both_spellings() {
        assert_eq!(parse_port(&[]).unwrap(), 8080);
        assert_eq!(parse_port(&strings(&["--port", "9000"])).unwrap(), 9000);
        assert_eq!(parse_port(&strings(&["--port=9001"])).unwrap(), 9001);
    }

    #[test]
    fn bad_port_arguments_are_errors() {
        assert!(parse_port(&strings(&["--port"])).is_err());
        assert!(parse_port(&strings(&["--port", "http"])).is_err());
        assert!(parse_port(&strings(&["--port", "70000"])).is_err());
        assert!(parse_port(&strings(&["--verbose"])).is_err());
    }
}
