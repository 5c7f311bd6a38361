//! The checker never panics: every valid program with any one line deleted, or any one
//! identifier-like word replaced, must come back as `Ok` or as diagnostics (errors are values).

mod support;

use racemap::lang::{check, parser};

/// Every program of `tests/check_ok` and `tests/diagnostics`.
fn sources() -> Vec<String> {
    ["check_ok", "diagnostics"]
        .iter()
        .flat_map(|dir| support::cases(dir))
        .map(|case| case.source)
        .collect()
}

fn run(src: &str) {
    let (file, errs) = parser::parse(src);
    if errs.is_empty() {
        if let Err(diags) = check::check(&file) {
            assert!(!diags.is_empty());
        }
    }
}

#[test]
fn deleting_any_line_never_panics() {
    for src in sources() {
        let lines: Vec<&str> = src.lines().collect();
        for skip in 0..lines.len() {
            let mutated: String = lines
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, l)| format!("{l}\n"))
                .collect();
            run(&mutated);
        }
    }
}

#[test]
fn replacing_any_word_never_panics() {
    let replacements = ["nil", "x", "1", "\"s\"", "int", "main", "_", "len", "sync"];
    for src in sources().iter().take(12) {
        let words: Vec<(usize, usize)> = {
            let b = src.as_bytes();
            let mut v = Vec::new();
            let mut i = 0;
            while i < b.len() {
                if b[i].is_ascii_alphabetic() {
                    let s = i;
                    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                        i += 1;
                    }
                    v.push((s, i));
                } else {
                    i += 1;
                }
            }
            v
        };
        for (n, (lo, hi)) in words.iter().enumerate() {
            let r = replacements[n % replacements.len()];
            let mutated = format!("{}{}{}", &src[..*lo], r, &src[*hi..]);
            run(&mutated);
        }
    }
}

#[test]
fn extreme_numeric_literals_never_panic() {
    let extremes = [
        "170141183460469231731687303715884105727",
        "-9223372036854775808",
        "1e308",
        "0",
        "0x7fffffffffffffff",
    ];
    for src in sources() {
        for ext in extremes {
            let mut out = String::new();
            let mut digits = false;
            for c in src.chars() {
                if c.is_ascii_digit() {
                    if !digits {
                        out.push_str(ext);
                    }
                    digits = true;
                } else {
                    digits = false;
                    out.push(c);
                }
            }
            run(&out);
        }
    }
}
