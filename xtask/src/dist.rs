//! `cargo xtask dist`: the static site in `dist/`, deployable to any static host, with
//! precompressed `.gz` and `.br` copies of its files.

use std::fs;
use std::path::{Path, PathBuf};

use crate::tools::Toolchain;
use crate::{cmd, repo_root, Error, Result, SiteProfile};
use crate::{compress, worker_names};

/// Install what is missing, build the site into `dist/`, print the wasm size.
pub fn run() -> Result {
    let root = repo_root();
    let toolchain = Toolchain::for_site(&root)?;
    let dist = root.join("dist");
    build_site(&toolchain, &dist, SiteProfile::Release)?;
    print_wasm_sizes(&dist)?;
    println!("racemap: static site in {}", dist.display());
    Ok(())
}

/// Where `cargo xtask test` / `browser-tests` build the site for the browser tests.
pub fn site_dir(root: &Path, profile: SiteProfile) -> PathBuf {
    match profile {
        SiteProfile::Release => root.join("target/xtask-site"),
        SiteProfile::Debug => root.join("target/xtask-site-debug"),
    }
}

/// The name of the build step in `cargo xtask test`'s output.
pub fn build_step_name(profile: SiteProfile) -> &'static str {
    match profile {
        SiteProfile::Release => "trunk build --release",
        SiteProfile::Debug => "trunk build (debug, unoptimized)",
    }
}

/// `trunk build [--release]` into `dist` with relative asset paths (`--public-url ./`), so the
/// site works from any folder of any static host; then the worker's files named after their
/// content ([`worker_names`]) and a `.gz` and a `.br` copy of each file ([`compress`]).
pub fn build_site(toolchain: &Toolchain, dist: &Path, profile: SiteProfile) -> Result {
    let dir = dist.to_string_lossy();
    let mut args = vec!["build"];
    if profile == SiteProfile::Release {
        args.push("--release");
    }
    args.extend(["--public-url", "./", "--dist", &dir]);
    cmd::run(&mut toolchain.command("trunk", &args))?;
    let hash = worker_names::hash_worker_files(dist)?;
    println!("explorer worker files named after their content hash {hash}");
    let files = compress::precompress_dir(dist)?;
    println!(
        "precompressed {} files (.{})",
        files.len(),
        compress::SUFFIXES.join(", .")
    );
    Ok(())
}

/// Print each `.wasm` file's size raw and as its precompressed `.gz` and `.br` copies.
pub fn print_wasm_sizes(dist: &Path) -> Result {
    let files = wasm_files(dist)?;
    if files.is_empty() {
        return Err(Error::new(format!("no .wasm file in {}", dist.display())));
    }
    let size = |file: &Path| {
        fs::metadata(file)
            .map(|m| m.len())
            .map_err(|e| Error::new(format!("cannot stat {}: {e}", file.display())))
    };
    for file in files {
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        println!(
            "wasm: {name} ({})  {} raw, {} gzipped, {} brotli",
            role(&name),
            kib(size(&file)?),
            kib(size(&compress::with_suffix(&file, "gz"))?),
            kib(size(&compress::with_suffix(&file, "br"))?),
        );
    }
    Ok(())
}

/// What a wasm file of the site is for: the page's own (needed for the first render), or the
/// core and the explorer (loaded after it: into the page's thread, and by the workers).
fn role(name: &str) -> &'static str {
    if name.starts_with("explorer_worker") {
        "the core and the explorer, loaded after the first render"
    } else {
        "the page, needed for the first render"
    }
}

fn wasm_files(dist: &Path) -> Result<Vec<PathBuf>> {
    let entries = fs::read_dir(dist)
        .map_err(|e| Error::new(format!("cannot read {}: {e}", dist.display())))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "wasm"))
        .collect();
    files.sort();
    Ok(files)
}

/// `123.4 KiB (126361 bytes)`.
fn kib(bytes: u64) -> String {
    format!("{:.1} KiB ({bytes} bytes)", bytes as f64 / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_core_is_told_apart_from_the_page() {
        assert_eq!(
            role("racemap-web-0123_bg.wasm"),
            "the page, needed for the first render"
        );
        assert!(role("explorer_worker-0123_bg.wasm").starts_with("the core"));
    }

    #[test]
    fn kib_shows_both_units() {
        assert_eq!(kib(126_361), "123.4 KiB (126361 bytes)");
    }
}
