//! Precompressed copies of the site's files: next to each text or wasm file `F`, `F.gz` (gzip,
//! best compression) and `F.br` (brotli, quality 11), so a static host that serves
//! precompressed files (nginx `gzip_static`/`brotli_static`, Caddy `precompressed`, most CDNs)
//! sends the small copy without compressing on each request. Made in-process with the `flate2`
//! and `brotli` crates: no tool to install, nothing downloaded.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// Extensions of the files worth compressing (images other than SVG are compressed already).
const COMPRESSIBLE: [&str; 7] = ["html", "js", "mjs", "css", "wasm", "svg", "json"];

/// The two encodings, as file suffixes.
pub const SUFFIXES: [&str; 2] = ["gz", "br"];

/// Write `F.gz` and `F.br` next to every compressible file `F` directly in `dir`; returns the
/// files compressed.
pub fn precompress_dir(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries =
        fs::read_dir(dir).map_err(|e| Error::new(format!("cannot read {}: {e}", dir.display())))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_file() && is_compressible(path))
        .collect();
    files.sort();
    for file in &files {
        let data = fs::read(file)
            .map_err(|e| Error::new(format!("cannot read {}: {e}", file.display())))?;
        write(&with_suffix(file, "gz"), &gzip(&data)?)?;
        write(&with_suffix(file, "br"), &brotli(&data)?)?;
    }
    Ok(files)
}

/// Whether `path` is a file type worth compressing (and not a compressed copy).
fn is_compressible(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| COMPRESSIBLE.contains(&ext))
}

/// `file` with `.SUFFIX` appended: `app.wasm` → `app.wasm.gz`.
pub fn with_suffix(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// `data` gzipped at the best compression level.
pub fn gzip(data: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(data)
        .and_then(|()| encoder.finish())
        .map_err(|e| Error::new(format!("gzip: {e}")))
}

/// `data` brotli-compressed at quality 11 (the best) with a 4 MiB window.
pub fn brotli(data: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &data[..], &mut out, &params)
        .map_err(|e| Error::new(format!("brotli: {e}")))?;
    Ok(out)
}

fn write(path: &Path, data: &[u8]) -> Result {
    fs::write(path, data).map_err(|e| Error::new(format!("cannot write {}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn both_encodings_round_trip_and_shrink_text() {
        let text = "package main\n\nfunc main() {}\n".repeat(200);
        let gz = gzip(text.as_bytes()).unwrap();
        let mut unzipped = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, text);
        let br = brotli(text.as_bytes()).unwrap();
        let mut unbrotlied = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut unbrotlied).unwrap();
        assert_eq!(unbrotlied, text.as_bytes());
        assert!(gz.len() < text.len() / 10 && br.len() < text.len() / 10);
    }

    #[test]
    fn only_site_files_are_compressed_once() {
        let dir = std::env::temp_dir().join(format!("racemap-compress-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        for name in ["index.html", "app.wasm", "icon.png"] {
            fs::write(dir.join(name), "x".repeat(1000)).unwrap();
        }
        let compressed = precompress_dir(&dir).unwrap();
        // A second run does not compress the compressed copies.
        assert_eq!(precompress_dir(&dir).unwrap(), compressed);
        let mut names: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "app.wasm",
                "app.wasm.br",
                "app.wasm.gz",
                "icon.png",
                "index.html",
                "index.html.br",
                "index.html.gz"
            ]
        );
        fs::remove_dir_all(&dir).unwrap();
    }
}
