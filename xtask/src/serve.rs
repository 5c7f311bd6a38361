//! `cargo xtask serve [--port N]`: the web app with live reload on `http://127.0.0.1:N/`.

use crate::tools::Toolchain;
use crate::{cmd, repo_root, Result};

/// Install what is missing, then run `trunk serve` (it rebuilds on every change).
pub fn run(port: u16) -> Result {
    let root = repo_root();
    let toolchain = Toolchain::for_site(&root)?;
    let port = port.to_string();
    println!("racemap: building, then serving at http://127.0.0.1:{port}/ (Ctrl-C stops)");
    cmd::run(&mut toolchain.command(
        "trunk",
        &["serve", "--address", "127.0.0.1", "--port", &port],
    ))
}
