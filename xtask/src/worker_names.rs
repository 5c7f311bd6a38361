//! Content-hashed names for the explorer worker's files.
//!
//! trunk names the page's own files after a hash of their content (`racemap-web-<hash>.js`), so
//! a browser or CDN never pairs a new page with an old copy of them; it does not do so for a
//! worker's files. `explorer_worker_loader.js`, `explorer_worker.js` and
//! `explorer_worker_bg.wasm` kept their names from build to build: a cached copy of yesterday's
//! worker would meet today's page, and the page's messages would no longer decode in it.
//!
//! After trunk, [`hash_worker_files`] renames the three files after a hash of the worker's
//! content (`explorer_worker-<hash>.js`, `explorer_worker-<hash>_bg.wasm`,
//! `explorer_worker_loader-<hash>.js`), rewrites the loader's two references, and gives the
//! page the loader's new name in `index.html`'s `<meta name="racemap-worker">`, which the page
//! reads before it starts the worker. `trunk serve` (`cargo xtask serve`) keeps the plain names,
//! which the meta tag names by default.

use std::fs;
use std::path::Path;

use crate::{Error, Result};

/// The worker's files as trunk writes them.
const LOADER: &str = "explorer_worker_loader.js";
const SCRIPT: &str = "explorer_worker.js";
const WASM: &str = "explorer_worker_bg.wasm";

/// The content of the page's meta tag before the renaming: the loader's plain name.
const META_CONTENT: &str = "content=\"./explorer_worker_loader.js\"";

/// FNV-1a, 64 bits: a content hash for file names (not a security measure).
fn fnv1a(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn read(dir: &Path, name: &str) -> Result<Vec<u8>> {
    fs::read(dir.join(name))
        .map_err(|e| Error::new(format!("cannot read {name} in {}: {e}", dir.display())))
}

fn write(dir: &Path, name: &str, data: &[u8]) -> Result {
    fs::write(dir.join(name), data)
        .map_err(|e| Error::new(format!("cannot write {name} in {}: {e}", dir.display())))
}

/// Rename the worker's files in the site `dir` after a hash of their content, and point the
/// loader and `index.html` at the new names; returns the hash. A site without a worker is an
/// error (the page could not search).
pub fn hash_worker_files(dir: &Path) -> Result<String> {
    let loader = String::from_utf8(read(dir, LOADER)?)
        .map_err(|_| Error::new(format!("{LOADER} is not UTF-8")))?;
    let script = read(dir, SCRIPT)?;
    let wasm = read(dir, WASM)?;
    let hash = [loader.as_bytes(), &script, &wasm]
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |hash, bytes| fnv1a(hash, bytes));
    let hash = format!("{hash:016x}");
    let script_name = format!("explorer_worker-{hash}.js");
    let wasm_name = format!("explorer_worker-{hash}_bg.wasm");
    let loader_name = format!("explorer_worker_loader-{hash}.js");
    for old in [SCRIPT, WASM] {
        if !loader.contains(&format!("\"./{old}\"")) {
            return Err(Error::new(format!(
                "{LOADER} does not load \"./{old}\": {loader}"
            )));
        }
    }
    let loader = loader
        .replace(&format!("\"./{SCRIPT}\""), &format!("\"./{script_name}\""))
        .replace(&format!("\"./{WASM}\""), &format!("\"./{wasm_name}\""));
    let index = String::from_utf8(read(dir, "index.html")?)
        .map_err(|_| Error::new("index.html is not UTF-8"))?;
    if index.matches(META_CONTENT).count() != 1 {
        return Err(Error::new(format!(
            "index.html must have one <meta name=\"racemap-worker\" {META_CONTENT}>"
        )));
    }
    let index = index.replace(META_CONTENT, &format!("content=\"./{loader_name}\""));
    write(dir, &script_name, &script)?;
    write(dir, &wasm_name, &wasm)?;
    write(dir, &loader_name, loader.as_bytes())?;
    write(dir, "index.html", index.as_bytes())?;
    for old in [LOADER, SCRIPT, WASM] {
        fs::remove_file(dir.join(old))
            .map_err(|e| Error::new(format!("cannot remove {old}: {e}")))?;
    }
    Ok(hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A site as trunk builds it, in a fresh temporary folder.
    fn site(name: &str, wasm: &[u8]) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("racemap-xtask-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        fs::write(
            dir.join(LOADER),
            "importScripts(\"./explorer_worker.js\");wasm_bindgen(\"./explorer_worker_bg.wasm\");",
        )
        .unwrap();
        fs::write(dir.join(SCRIPT), "let wasm_bindgen;").unwrap();
        fs::write(dir.join(WASM), wasm).unwrap();
        fs::write(
            dir.join("index.html"),
            "<head><meta name=\"racemap-worker\" content=\"./explorer_worker_loader.js\" /></head>",
        )
        .unwrap();
        dir
    }

    #[test]
    fn the_worker_files_take_a_content_hash_and_the_page_and_loader_follow() {
        let dir = site("hash-a", b"\0asm one");
        let hash = hash_worker_files(&dir).unwrap();
        assert_eq!(hash.len(), 16);
        let mut names: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                format!("explorer_worker-{hash}.js"),
                format!("explorer_worker-{hash}_bg.wasm"),
                format!("explorer_worker_loader-{hash}.js"),
                "index.html".to_string(),
            ]
        );
        let loader =
            fs::read_to_string(dir.join(format!("explorer_worker_loader-{hash}.js"))).unwrap();
        assert_eq!(
            loader,
            format!("importScripts(\"./explorer_worker-{hash}.js\");wasm_bindgen(\"./explorer_worker-{hash}_bg.wasm\");")
        );
        let index = fs::read_to_string(dir.join("index.html")).unwrap();
        assert!(
            index.contains(&format!("content=\"./explorer_worker_loader-{hash}.js\"")),
            "{index}"
        );
        assert_eq!(
            fs::read(dir.join(format!("explorer_worker-{hash}_bg.wasm"))).unwrap(),
            b"\0asm one"
        );

        // Another worker, another name; the same worker, the same name.
        let other = site("hash-b", b"\0asm two");
        assert_ne!(hash_worker_files(&other).unwrap(), hash);
        let same = site("hash-c", b"\0asm one");
        assert_eq!(hash_worker_files(&same).unwrap(), hash);
        for d in [dir, other, same] {
            fs::remove_dir_all(d).unwrap();
        }
    }

    #[test]
    fn a_page_without_the_meta_tag_is_an_error_and_nothing_moves() {
        let dir = site("hash-d", b"\0asm");
        fs::write(dir.join("index.html"), "<head></head>").unwrap();
        let error = hash_worker_files(&dir).unwrap_err();
        assert!(error.0.contains("racemap-worker"), "{}", error.0);
        assert!(dir.join(LOADER).exists() && dir.join(WASM).exists());
        fs::remove_dir_all(dir).unwrap();
    }
}
