//! Development commands, run as `cargo xtask <command>` (alias in `.cargo/config.toml`).
//!
//! - `cargo xtask serve [--port N]`: install what is missing, then `trunk serve` the web app on
//!   `127.0.0.1` (default port 8080).
//! - `cargo xtask test [--debug-site]`: install what is missing, then run every check in order
//!   (format, lint, native tests, wasm build of the core, release build of the site, browser
//!   tests), stopping at the first failure with a message naming the step. `--debug-site`
//!   builds the site without optimizations (slower wasm) for the browser tests.
//! - `cargo xtask browser-tests [--debug-site] [--repeat N] [--only PATTERN]`: only the site
//!   build and the browser tests, `N` times (default once), optionally only the tests whose name
//!   matches `PATTERN` — to check that they pass on a slow build or a loaded machine.
//! - `cargo xtask conformance`: racemap's verdicts against real Go's on `../shared/go-corpus`
//!   (also a step of `test` when that folder exists).
//! - `cargo xtask go-bench`: real Go measurements of the map strategies (`go test -bench`) into
//!   the page's data file (the only command that needs Go).
//! - `cargo xtask dist`: release build of the static site into `dist/` with relative asset paths
//!   and precompressed `.gz`/`.br` copies, and print the wasm size raw and compressed.
//! - `cargo xtask bench`: the explorer's README tables ([`bench`]): presets at 4×3, the corpus,
//!   and racemap against loom 0.7 on `../shared/bench`'s equal models, side by side.
//!
//! Tool installation ([`tools`]) checks each tool's version first and installs only what is
//! missing, so a second run starts within seconds. Dependencies: std, serde_json to read the
//! corpus outcomes, flate2 and brotli to precompress the site.

mod bench;
mod bench_bombs;
mod bench_web;
mod cmd;
mod compress;
mod conformance;
mod dist;
mod go_bench;
mod go_rand;
mod go_unicode;
mod serve;
mod test;
mod tools;
mod worker_names;

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
  test [--debug-site]
                     format check, clippy, native tests, wasm build, browser tests
                     (--debug-site: against an unoptimized build of the site)
  browser-tests [--debug-site] [--repeat N] [--only PATTERN]
                     build the site, run the browser tests N times (default 1),
                     only those whose name matches PATTERN
  conformance        compare racemap with real Go on ../shared/go-corpus
  dist               release build of the static site into dist/, print wasm size
  bench [--criterion]
                     the explorer: presets at 4x3, the corpus, racemap vs loom (../shared/bench);
                     --criterion then runs `cargo bench -p racemap --bench explore`
  bench-web          release build: bytes on the wire and first render at 10 Mbit/s, then
                     click/scroll latency on a long trace in Chromium
  go-bench           measure the map strategies with real Go (go test -bench) into
                     crates/racemap-web/data/go-bench.tsv (needs Go)
  go-rand            read the table of Go's math/rand generator from real Go into
                     crates/racemap/src/rt/rand_cooked.rs (needs Go)
  go-unicode         read Go's unicode predicates and case mappings from real Go into
                     crates/racemap/src/rt/unicode_tables.rs (needs Go)";

/// The repository root (the parent of this crate): from `CARGO_MANIFEST_DIR` as `cargo run`
/// sets it for this run, else as it was when this binary was built. (A target directory used
/// by two checkouts may keep an xtask built in the other one: cargo fingerprints workspace
/// members by relative path, so the path baked in at build time can name the wrong checkout.)
pub fn repo_root() -> PathBuf {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest_dir
        .parent()
        .map(PathBuf::from)
        .unwrap_or(manifest_dir)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => parse_port(&args[1..]).and_then(serve::run),
        Some("test") => parse_site_profile(&args[1..]).and_then(test::run),
        Some("browser-tests") => {
            parse_browser_test_options(&args[1..]).and_then(test::browser_tests_command)
        }
        Some("dist") => no_more_args(&args[1..]).and_then(|()| dist::run()),
        Some("bench") => match args.get(1..).unwrap_or_default() {
            [] => bench::run(false),
            [flag] if flag == "--criterion" => bench::run(true),
            rest => no_more_args(rest),
        },
        Some("bench-web") => no_more_args(&args[1..]).and_then(|()| bench_web::run()),
        Some("go-bench") => no_more_args(&args[1..]).and_then(|()| go_bench::run()),
        Some("go-rand") => no_more_args(&args[1..]).and_then(|()| go_rand::run()),
        Some("go-unicode") => no_more_args(&args[1..]).and_then(|()| go_unicode::run()),
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

/// How the site is built for the browser tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SiteProfile {
    /// `trunk build --release`: what is deployed.
    Release,
    /// `trunk build` without optimizations: slower wasm, to show timing-dependent tests.
    Debug,
}

/// Options of `cargo xtask browser-tests`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrowserTestOptions {
    /// How the site is built.
    pub profile: SiteProfile,
    /// How many times the tests run (each run must pass).
    pub repeat: u32,
    /// Only the tests whose name matches this regular expression (`node --test-name-pattern`).
    pub only: Option<String>,
}

/// Parse `[--debug-site]`.
fn parse_site_profile(args: &[String]) -> Result<SiteProfile> {
    let mut profile = SiteProfile::Release;
    for arg in args {
        match arg.as_str() {
            "--debug-site" => profile = SiteProfile::Debug,
            _ => return Err(unexpected(arg)),
        }
    }
    Ok(profile)
}

/// Parse `[--debug-site] [--repeat N] [--only PATTERN]`.
fn parse_browser_test_options(args: &[String]) -> Result<BrowserTestOptions> {
    let mut options = BrowserTestOptions {
        profile: SiteProfile::Release,
        repeat: 1,
        only: None,
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |name: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| Error::new(format!("`{name}` needs a value")))
        };
        match arg.as_str() {
            "--debug-site" => options.profile = SiteProfile::Debug,
            "--repeat" => {
                let n = value("--repeat")?;
                options.repeat =
                    n.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                        Error::new(format!("`--repeat {n}`: not a positive number"))
                    })?;
            }
            "--only" => options.only = Some(value("--only")?),
            _ => return Err(unexpected(arg)),
        }
    }
    Ok(options)
}

fn unexpected(arg: &str) -> Error {
    Error::new(format!("unexpected argument `{arg}`\n\n{USAGE}"))
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

    #[test]
    fn browser_test_options() {
        assert_eq!(
            parse_browser_test_options(&[]).unwrap(),
            BrowserTestOptions {
                profile: SiteProfile::Release,
                repeat: 1,
                only: None
            }
        );
        assert_eq!(
            parse_browser_test_options(&strings(&[
                "--debug-site",
                "--repeat",
                "3",
                "--only",
                "shared URL"
            ]))
            .unwrap(),
            BrowserTestOptions {
                profile: SiteProfile::Debug,
                repeat: 3,
                only: Some("shared URL".into())
            }
        );
        assert!(parse_browser_test_options(&strings(&["--repeat", "0"])).is_err());
        assert!(parse_browser_test_options(&strings(&["--repeat"])).is_err());
        assert!(parse_browser_test_options(&strings(&["--fast"])).is_err());
        assert_eq!(
            parse_site_profile(&strings(&["--debug-site"])).unwrap(),
            SiteProfile::Debug
        );
        assert!(parse_site_profile(&strings(&["--release"])).is_err());
    }
}
