//! The core's top-level modules form a one-way graph in the pipeline's order (see
//! ARCHITECTURE.md, "Layers"): a module may use only the modules listed before it in
//! [`LAYERS`]. Read from the source: every `crate::MODULE` path outside comments and test code.
//! A new top-level module must be placed in [`LAYERS`], or this test fails.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The core's top-level modules, lowest first. Each may use only those before it.
const LAYERS: &[&str] = &[
    "stable_sort",
    "dense",
    "cow_vec",
    "diag",
    "gostr",
    "strconv",
    "types",
    "library",
    "bytecode",
    "lang",
    "compile",
    "rt",
    "race",
    "sched",
    "target",
    "run",
    "explore",
    "strategies",
    "playback",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The Rust files of a top-level module (a file `NAME.rs` or a folder `NAME/`).
fn files_of(module: &str) -> Vec<PathBuf> {
    let file = src().join(format!("{module}.rs"));
    let dir = src().join(module);
    let mut out = Vec::new();
    if file.is_file() {
        out.push(file);
    }
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for e in entries {
            let p = e.expect("readable directory").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Test-only code: files named `tests.rs` or `*_tests.rs`, and what follows a `#[cfg(test)]`
/// line in other files (test modules sit at the end of a file by convention here).
fn non_test_code(path: &Path) -> String {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name == "tests.rs" || name.ends_with("_tests.rs") {
        return String::new();
    }
    let text = fs::read_to_string(path).expect("readable source");
    let mut out = String::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            break;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The top-level modules `code` names as `crate::MODULE`.
fn used_modules(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.insert(name);
        }
        rest = after;
    }
    out
}

/// The modules `lib.rs` declares.
fn declared_modules() -> BTreeSet<String> {
    let lib = fs::read_to_string(src().join("lib.rs")).expect("lib.rs");
    lib.lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .chain(lib.lines().filter_map(|l| l.trim().strip_prefix("mod ")))
        .map(|l| l.trim_end_matches(';').trim().to_string())
        .collect()
}

#[test]
fn every_module_has_a_layer() {
    let layered: BTreeSet<String> = LAYERS.iter().map(|s| s.to_string()).collect();
    let unplaced: Vec<String> = declared_modules().difference(&layered).cloned().collect();
    assert!(
        unplaced.is_empty(),
        "modules without a place in LAYERS: {unplaced:?}"
    );
}

#[test]
fn modules_use_only_lower_layers() {
    let mut violations = Vec::new();
    for (level, module) in LAYERS.iter().enumerate() {
        for file in files_of(module) {
            for used in used_modules(&non_test_code(&file)) {
                if used == *module {
                    continue;
                }
                match LAYERS.iter().position(|m| *m == used) {
                    Some(l) if l < level => {}
                    Some(_) => violations.push(format!(
                        "{}: `{module}` uses `crate::{used}`, a higher layer",
                        file.strip_prefix(src()).unwrap_or(&file).display()
                    )),
                    None => violations.push(format!(
                        "{}: `crate::{used}` is not a module in LAYERS",
                        file.strip_prefix(src()).unwrap_or(&file).display()
                    )),
                }
            }
        }
    }
    assert!(violations.is_empty(), "{}", violations.join("\n"));
}

#[test]
fn the_checker_sees_a_violation() {
    let code = "use crate::playback::View;\n// crate::explore in a comment\nfn f() {}\n";
    assert_eq!(
        used_modules(
            &code
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n")
        ),
        BTreeSet::from(["playback".to_string()])
    );
}
