//! `cargo xtask dist`: the static site in `dist/`, deployable to any static host.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::tools::Toolchain;
use crate::{cmd, repo_root, Error, Result};

/// Install what is missing, build the site into `dist/`, print the wasm size.
pub fn run() -> Result {
    let root = repo_root();
    let toolchain = Toolchain::for_site(&root)?;
    let dist = root.join("dist");
    build_site(&toolchain, &dist)?;
    print_wasm_sizes(&dist)?;
    println!("racemap: static site in {}", dist.display());
    Ok(())
}

/// `trunk build --release` into `dist` with relative asset paths (`--public-url ./`), so the
/// site works from any folder of any static host.
pub fn build_site(toolchain: &Toolchain, dist: &Path) -> Result {
    let dist = dist.to_string_lossy();
    cmd::run(&mut toolchain.command(
        "trunk",
        &["build", "--release", "--public-url", "./", "--dist", &dist],
    ))
}

/// Print each `.wasm` file's size raw and gzipped (`gzip -9`).
pub fn print_wasm_sizes(dist: &Path) -> Result {
    let files = wasm_files(dist)?;
    if files.is_empty() {
        return Err(Error::new(format!("no .wasm file in {}", dist.display())));
    }
    for file in files {
        let raw = fs::metadata(&file)
            .map_err(|e| Error::new(format!("cannot stat {}: {e}", file.display())))?
            .len();
        let gzipped = gzip_size(&file)?;
        println!(
            "wasm: {}  {} raw, {} gzipped",
            file.file_name().unwrap_or_default().to_string_lossy(),
            kib(raw),
            kib(gzipped)
        );
    }
    Ok(())
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

/// Bytes of `gzip -9 -c FILE`.
fn gzip_size(file: &Path) -> Result<u64> {
    let mut child = Command::new("gzip")
        .arg("-9")
        .arg("-c")
        .arg(file)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| Error::new(format!("cannot run gzip: {e}")))?;
    let mut size = 0u64;
    if let Some(mut stdout) = child.stdout.take() {
        let mut buffer = [0u8; 64 * 1024];
        loop {
            let n = stdout
                .read(&mut buffer)
                .map_err(|e| Error::new(format!("reading gzip output: {e}")))?;
            if n == 0 {
                break;
            }
            size += n as u64;
        }
    }
    let status = child.wait().map_err(|e| Error::new(format!("gzip: {e}")))?;
    if status.success() {
        Ok(size)
    } else {
        Err(Error::new(format!("gzip failed on {}", file.display())))
    }
}

/// `123.4 KiB (126361 bytes)`.
fn kib(bytes: u64) -> String {
    format!("{:.1} KiB ({bytes} bytes)", bytes as f64 / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kib_shows_both_units() {
        assert_eq!(kib(126_361), "123.4 KiB (126361 bytes)");
    }
}
