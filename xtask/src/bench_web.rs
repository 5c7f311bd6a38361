//! `cargo xtask bench-web`: release build of the site and of the CLI, then the browser
//! benchmark (`tests/browser/bench.mjs`): the download size and first render at 10 Mbit/s, click
//! and scroll latency on a 2 000-step trace in headless Chromium, and "Find a bug" on the 4 × 3
//! presets and the article's Cache in the page (timed in the page: once the explorer's worker
//! has warmed up, on one worker and on two, and clicked at the first render) against `racemap
//! explore` natively. It prints numbers and asserts nothing.

use crate::dist;
use crate::tools::{self, Toolchain, CHROMIUM};
use crate::{cmd, repo_root, Result, SiteProfile};

/// Build the site and run the benchmark.
pub fn run() -> Result {
    let root = repo_root();
    let toolchain = Toolchain::for_site(&root)?;
    tools::ensure_chromium()?;
    toolchain.ensure_browser_test_deps()?;
    let site = dist::site_dir(&root, SiteProfile::Release);
    dist::build_site(&toolchain, &site, SiteProfile::Release)?;
    cmd::run(&mut toolchain.command("cargo", &["build", "--release", "-p", "racemap-cli"]))?;
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let mut command = toolchain.command("node", &["bench.mjs"]);
    command
        .current_dir(root.join("tests/browser"))
        .env("RACEMAP_DIST", &site)
        .env("RACEMAP_CLI", target_dir.join("release/racemap"))
        .env("RACEMAP_CHROMIUM", CHROMIUM);
    cmd::run(&mut command)
}
