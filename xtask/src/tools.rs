//! Finding and installing the tools the site and the browser tests need — only what is missing.
//!
//! Each tool is detected by running it with `--version` and comparing against the exact version
//! the project pins, so a second run installs nothing and costs a few process spawns:
//!
//! | tool | pinned | installed with |
//! |---|---|---|
//! | wasm32 target | `wasm32-unknown-unknown` | `rustup target add` |
//! | trunk | [`TRUNK_VERSION`] | `cargo install --locked trunk` |
//! | wasm-bindgen | the `wasm-bindgen` crate's version in `Cargo.lock` (= `Trunk.toml`) | `cargo install wasm-bindgen-cli` (no `--locked`: a yanked transitive crate breaks it) |
//! | wasm-opt | npm `binaryen@`[`BINARYEN_VERSION`] | `npm install` into `.tools/binaryen` |
//! | node, npm | node >= 20 | `apt-get install nodejs npm` (root only) |
//! | Chromium | Debian's | `apt-get install chromium` (root only) |
//! | browser test deps | `tests/browser/package-lock.json` | `npm ci` |
//!
//! trunk runs with `offline = true` (see `Trunk.toml`): it never downloads a tool, it uses the
//! ones on the `PATH` that [`Toolchain::command`] builds (repo-local wasm-opt first).

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::cmd;
use crate::{Error, Result};

/// The trunk release we build with (0.22 needs a newer rustc than the pinned toolchain).
pub const TRUNK_VERSION: &str = "0.21.14";
/// The npm `binaryen` release that provides `wasm-opt` (Debian's is too old for today's rustc).
pub const BINARYEN_VERSION: &str = "132.0.0";
/// The Chromium binary the browser tests drive (Debian's `chromium` package).
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// The oldest Node.js major version the browser tests run on (playwright-core's minimum).
pub const MIN_NODE_MAJOR: u32 = 20;

/// Whether `apt-get update` already ran in this process.
static APT_UPDATED: AtomicBool = AtomicBool::new(false);

/// The tools found or installed, and the `PATH` under which children see them.
pub struct Toolchain {
    /// The repository root.
    root: PathBuf,
    /// `PATH` for child processes: repo-local wasm-opt, cargo's bin dir, then the user's PATH.
    path: OsString,
}

impl Toolchain {
    /// Everything needed to build the site: wasm target, trunk, wasm-bindgen, wasm-opt.
    pub fn for_site(root: &Path) -> Result<Toolchain> {
        let toolchain = Toolchain {
            root: root.to_path_buf(),
            path: child_path(root),
        };
        toolchain.ensure_wasm_target()?;
        toolchain.ensure_trunk()?;
        toolchain.ensure_wasm_bindgen()?;
        toolchain.ensure_node()?;
        toolchain.ensure_wasm_opt()?;
        Ok(toolchain)
    }

    /// Only cargo's own tools (for native-only commands such as `conformance`); installs nothing.
    pub fn plain(root: &Path) -> Toolchain {
        Toolchain {
            root: root.to_path_buf(),
            path: child_path(root),
        }
    }

    /// A command for `program` run from the repository root with the toolchain's `PATH`.
    pub fn command(&self, program: &str, args: &[&str]) -> Command {
        let mut command = cmd::command(program, args);
        command.current_dir(&self.root).env("PATH", &self.path);
        command
    }

    /// `program --version`'s output under the toolchain's `PATH`, if it runs.
    fn version(&self, program: &str) -> Option<String> {
        cmd::output(program, &["--version"], Some(&self.path))
    }

    fn ensure_wasm_target(&self) -> Result {
        let installed = cmd::output("rustc", &["--print", "sysroot"], Some(&self.path))
            .map(|sysroot| {
                Path::new(&sysroot)
                    .join("lib/rustlib/wasm32-unknown-unknown")
                    .is_dir()
            })
            .unwrap_or(false);
        if installed {
            return Ok(());
        }
        eprintln!("xtask: installing the wasm32-unknown-unknown target");
        cmd::run(&mut self.command("rustup", &["target", "add", "wasm32-unknown-unknown"]))
    }

    fn ensure_trunk(&self) -> Result {
        let wanted = format!("trunk {TRUNK_VERSION}");
        match self.version("trunk") {
            Some(found) if found == wanted => return Ok(()),
            Some(found) => eprintln!("xtask: found `{found}`, need `{wanted}`: installing"),
            None => eprintln!("xtask: trunk not found: installing {wanted} (takes ~10 min)"),
        }
        cmd::run(&mut self.command(
            "cargo",
            &["install", "--locked", "trunk", "--version", TRUNK_VERSION],
        ))?;
        self.check_version("trunk", &wanted)
    }

    fn ensure_wasm_bindgen(&self) -> Result {
        let version = wasm_bindgen_version(&self.root)?;
        let trunk_toml = fs::read_to_string(self.root.join("Trunk.toml"))
            .map_err(|e| Error::new(format!("cannot read Trunk.toml: {e}")))?;
        let pinned = toml_string(&trunk_toml, "wasm_bindgen");
        if pinned.as_deref() != Some(version.as_str()) {
            return Err(Error::new(format!(
                "Trunk.toml pins wasm_bindgen = {pinned:?} but Cargo.lock has wasm-bindgen \
                 {version}: set `wasm_bindgen = \"{version}\"` in Trunk.toml"
            )));
        }
        let wanted = format!("wasm-bindgen {version}");
        match self.version("wasm-bindgen") {
            Some(found) if found == wanted => return Ok(()),
            Some(found) => eprintln!("xtask: found `{found}`, need `{wanted}`: installing"),
            None => eprintln!("xtask: wasm-bindgen not found: installing {wanted} (~3 min)"),
        }
        cmd::run(&mut self.command(
            "cargo",
            &["install", "wasm-bindgen-cli", "--version", &version],
        ))?;
        self.check_version("wasm-bindgen", &wanted)
    }

    fn ensure_node(&self) -> Result {
        if self.version("node").is_none() || self.version("npm").is_none() {
            apt_install(&["nodejs", "npm"], "node and npm")?;
        }
        let found = self.version("node").unwrap_or_default();
        match node_major(&found) {
            Some(major) if major >= MIN_NODE_MAJOR => {}
            _ => {
                return Err(Error::new(format!(
                    "need Node.js >= {MIN_NODE_MAJOR} (playwright-core requires it), found \
                     `{found}`; install a newer nodejs package"
                )))
            }
        }
        match self.version("npm") {
            Some(_) => Ok(()),
            None => Err(Error::new("npm not found; install the npm package")),
        }
    }

    fn ensure_wasm_opt(&self) -> Result {
        let major = BINARYEN_VERSION
            .split('.')
            .next()
            .unwrap_or(BINARYEN_VERSION);
        let wanted = format!("version {major}");
        let installed_here = binaryen_dir(&self.root).join("node_modules/.bin/wasm-opt");
        if cmd::is_file(&installed_here) {
            if let Some(found) = self.version("wasm-opt") {
                if found.contains(&wanted) {
                    return Ok(());
                }
            }
        }
        eprintln!("xtask: installing wasm-opt (npm binaryen@{BINARYEN_VERSION}) into .tools/");
        let dir = binaryen_dir(&self.root);
        fs::create_dir_all(&dir)
            .map_err(|e| Error::new(format!("cannot create {}: {e}", dir.display())))?;
        let manifest = dir.join("package.json");
        if !manifest.exists() {
            fs::write(&manifest, "{ \"private\": true }\n")
                .map_err(|e| Error::new(format!("cannot write {}: {e}", manifest.display())))?;
        }
        let package = format!("binaryen@{BINARYEN_VERSION}");
        let mut install = self.command(
            "npm",
            &[
                "install",
                "--no-audit",
                "--no-fund",
                "--save-exact",
                &package,
            ],
        );
        install.current_dir(&dir);
        cmd::run(&mut install)?;
        self.check_version("wasm-opt", &wanted)
    }

    /// `npm ci` in `tests/browser` when `node_modules` is missing or older than the lockfile.
    pub fn ensure_browser_test_deps(&self) -> Result {
        let dir = self.root.join("tests/browser");
        let lock = fs::read(dir.join("package-lock.json"))
            .map_err(|e| Error::new(format!("cannot read tests/browser/package-lock.json: {e}")))?;
        let stamp = dir.join("node_modules/.racemap-lock-stamp");
        if fs::read(&stamp).ok().as_deref() == Some(&lock[..]) {
            return Ok(());
        }
        eprintln!("xtask: installing the browser tests' npm packages (npm ci)");
        let mut install = self.command("npm", &["ci", "--no-audit", "--no-fund"]);
        install
            .current_dir(&dir)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        cmd::run(&mut install)?;
        fs::write(&stamp, &lock)
            .map_err(|e| Error::new(format!("cannot write {}: {e}", stamp.display())))
    }

    fn check_version(&self, program: &str, wanted: &str) -> Result {
        match self.version(program) {
            Some(found) if found.contains(wanted) => Ok(()),
            Some(found) => Err(Error::new(format!(
                "after installing, `{program} --version` says `{found}`, expected `{wanted}`"
            ))),
            None => Err(Error::new(format!(
                "after installing, `{program}` is still not found on PATH"
            ))),
        }
    }
}

/// Debian's Chromium for the browser tests (Playwright drives it directly: no driver).
pub fn ensure_chromium() -> Result {
    let present = || cmd::is_file(Path::new(CHROMIUM));
    if present() {
        return Ok(());
    }
    apt_install(&["chromium"], "Chromium")?;
    if present() {
        Ok(())
    } else {
        Err(Error::new(format!(
            "{CHROMIUM} still missing after apt-get install"
        )))
    }
}

/// `apt-get install -y PACKAGES` as root (after one `apt-get update`); otherwise an error that
/// says exactly what to install.
fn apt_install(packages: &[&str], what: &str) -> Result {
    let command_line = format!("apt-get install -y {}", packages.join(" "));
    if !is_root() {
        return Err(Error::new(format!(
            "{what} is missing and xtask is not running as root; install it with:\n  \
             sudo apt-get update && sudo {command_line}"
        )));
    }
    eprintln!("xtask: installing {what}: {command_line}");
    if !APT_UPDATED.swap(true, Ordering::SeqCst) {
        cmd::run(&mut cmd::command("apt-get", &["update"]))?;
    }
    let mut args = vec!["install", "-y", "--no-install-recommends"];
    args.extend_from_slice(packages);
    let mut install = cmd::command("apt-get", &args);
    install.env("DEBIAN_FRONTEND", "noninteractive");
    cmd::run(&mut install)
}

fn is_root() -> bool {
    cmd::output("id", &["-u"], None).as_deref() == Some("0")
}

/// Where the npm `binaryen` package is installed (gitignored).
fn binaryen_dir(root: &Path) -> PathBuf {
    root.join(".tools/binaryen")
}

/// `PATH` for children: repo-local `wasm-opt`, cargo's bin dir (where `cargo install` puts
/// trunk and wasm-bindgen), then the inherited `PATH`.
fn child_path(root: &Path) -> OsString {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")));
    let mut dirs = vec![binaryen_dir(root).join("node_modules/.bin")];
    dirs.extend(cargo_home.map(|home| home.join("bin")));
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_else(|_| std::env::var_os("PATH").unwrap_or_default())
}

/// The major version in `node --version`'s output (`v20.20.2` → 20).
fn node_major(version: &str) -> Option<u32> {
    version
        .trim()
        .strip_prefix('v')?
        .split('.')
        .next()?
        .parse()
        .ok()
}

/// The version of the `wasm-bindgen` crate in `Cargo.lock`; the CLI must match it exactly.
pub fn wasm_bindgen_version(root: &Path) -> Result<String> {
    let lock = fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| Error::new(format!("cannot read Cargo.lock: {e}")))?;
    locked_version(&lock, "wasm-bindgen")
        .ok_or_else(|| Error::new("Cargo.lock has no `wasm-bindgen` package"))
}

/// The version of package `name` in a `Cargo.lock` text.
fn locked_version(lock: &str, name: &str) -> Option<String> {
    let name_line = format!("name = \"{name}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == name_line {
            let version = lines.next()?.trim();
            return Some(
                version
                    .strip_prefix("version = \"")?
                    .strip_suffix('"')?
                    .to_string(),
            );
        }
    }
    None
}

/// The value of `key = "..."` in a TOML text (first occurrence; enough for `Trunk.toml`).
pub fn toml_string(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_major_reads_node_version_output() {
        assert_eq!(node_major("v20.20.2"), Some(20));
        assert_eq!(node_major("v18.19.0\n"), Some(18));
        assert_eq!(node_major("20.1.0"), None);
    }

    #[test]
    fn locked_version_reads_the_line_after_the_name() {
        let lock = "[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"9.9.9\"\n\n\
                    [[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(
            locked_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(locked_version(lock, "trunk"), None);
    }

    /// trunk uses a wasm-bindgen CLI only when its version equals `Trunk.toml`'s, and the CLI
    /// only works with the same version of the crate: all three must agree.
    #[test]
    fn trunk_toml_pins_the_locked_wasm_bindgen_and_the_binaryen_release() {
        let root = crate::repo_root();
        let trunk_toml = fs::read_to_string(root.join("Trunk.toml")).unwrap();
        let locked = wasm_bindgen_version(&root).unwrap();
        assert_eq!(
            toml_string(&trunk_toml, "wasm_bindgen").as_deref(),
            Some(locked.as_str())
        );
        let major = BINARYEN_VERSION.split('.').next().unwrap();
        assert_eq!(
            toml_string(&trunk_toml, "wasm_opt"),
            Some(format!("version_{major}"))
        );
        assert_eq!(toml_string(&trunk_toml, "offline").as_deref(), Some("true"));
    }
}
