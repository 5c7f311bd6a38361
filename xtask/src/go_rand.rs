//! `cargo xtask go-rand`: the fixed table of Go's `math/rand` generator, read from real Go.
//!
//! Go 1.19's `rngSource` (an additive lagged Fibonacci generator, 607 words, tap 273) starts
//! from a table of 607 "cooked" words XORed with words of a Park–Miller generator drawn from
//! the seed. racemap prints the numbers Go prints only with that table: this command runs
//! `go_rand/cooked.go` with the installed Go (it reads a seeded source's words back and XORs
//! the Park–Miller words out) and writes them as `crates/racemap/src/rt/rand_cooked.rs`. Only
//! regenerating the table needs Go; the core's tests check the generator against numbers real
//! Go printed for several seeds.

use crate::cmd;
use crate::{repo_root, Error, Result};

/// The Go program.
const SOURCE: &str = include_str!("go_rand/cooked.go");

/// The generated file, relative to the repository root.
pub const OUTPUT: &str = "crates/racemap/src/rt/rand_cooked.rs";

/// Words in the table.
const LEN: usize = 607;

/// Run the Go program and write the table.
pub fn run() -> Result {
    let go_version = cmd::output("go", &["version"], None)
        .ok_or_else(|| Error::new("`go version` failed: Go is needed to regenerate the table"))?;
    let dir = std::env::temp_dir().join(format!("racemap-go-rand-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| Error::new(format!("{}: {e}", dir.display())))?;
    let file = dir.join("cooked.go");
    let printed = std::fs::write(&file, SOURCE)
        .map_err(|e| Error::new(format!("{}: {e}", file.display())))
        .and_then(|()| {
            cmd::output("go", &["run", &file.to_string_lossy()], None)
                .ok_or_else(|| Error::new(format!("`go run {}` failed", file.display())))
        });
    let _ = std::fs::remove_dir_all(&dir);
    let words = parse(&printed?)?;
    let path = repo_root().join(OUTPUT);
    std::fs::write(&path, render(go_version.trim(), &words))
        .map_err(|e| Error::new(format!("{}: {e}", path.display())))?;
    println!("wrote {}", path.display());
    Ok(())
}

/// The printed words, exactly [`LEN`] of them.
fn parse(printed: &str) -> Result<Vec<i64>> {
    let words = printed
        .lines()
        .map(|line| {
            line.trim()
                .parse::<i64>()
                .map_err(|_| Error::new(format!("not a word: {line:?}")))
        })
        .collect::<Result<Vec<i64>>>()?;
    if words.len() != LEN {
        return Err(Error::new(format!("{} words, not {LEN}", words.len())));
    }
    Ok(words)
}

/// The Rust source of the table.
fn render(go_version: &str, words: &[i64]) -> String {
    let mut out = format!(
        "//! The 607 \"cooked\" words of Go's `math/rand` generator (`rngSource`), read from real Go\n\
         //! by `cargo xtask go-rand` ({go_version}). Generated: do not edit.\n\n\
         /// The words `rngSource.Seed` XORs with the seed's Park–Miller words.\n\
         pub const RNG_COOKED: [i64; {LEN}] = [\n"
    );
    for word in words {
        out.push_str(&format!("    {word},\n"));
    }
    out.push_str("];\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_needs_exactly_607_words() {
        let printed: String = (0..LEN).map(|i| format!("{}\n", i as i64 - 300)).collect();
        let words = parse(&printed).unwrap();
        let rendered = render("go version go1.19.8 linux/amd64", &words);
        assert!(rendered.contains("pub const RNG_COOKED: [i64; 607] = [\n    -300,\n"));
        assert!(parse("1\n2\n").is_err());
        assert!(parse("x\n").is_err());
    }
}
