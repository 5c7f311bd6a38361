//! `cargo xtask go-unicode`: Go 1.19's answers of the `unicode` package, read from real Go.
//!
//! Go 1.19's `unicode` package carries the Unicode 13.0.0 tables; Rust's `char` methods carry a
//! later version and other definitions (`is_alphabetic` is not `IsLetter`, `to_uppercase` is the
//! full mapping, not Go's simple one). racemap answers as Go does only with Go's tables: this
//! command runs `go_unicode/tables.go` with the installed Go, which evaluates each predicate
//! (`IsLetter`, `IsUpper`, …) and each case mapping (`ToUpper`, `ToLower`, `ToTitle`) on every
//! rune, and writes the answers as runs into `crates/racemap/src/rt/unicode_tables.rs`; so too
//! for the range tables racemap offers (`unicode.Latin`, `unicode.Han`, …: the runes
//! `unicode.Is` holds for), a table equal to a predicate's or an earlier table's (`Letter` is
//! `IsLetter`'s, `L` is `Letter`) written once. Only regenerating the tables needs Go; the
//! core's tests check them against answers real Go gave.

use crate::cmd;
use crate::{repo_root, Error, Result};

/// The Go program.
const SOURCE: &str = include_str!("go_unicode/tables.go");

/// The generated file, relative to the repository root.
pub const OUTPUT: &str = "crates/racemap/src/rt/unicode_tables.rs";

/// One table of the printed answers.
#[derive(Debug, PartialEq)]
struct Table {
    /// `pred` or `table` (runs of `lo hi stride`) or `map` (runs of `lo hi stride delta`).
    kind: Kind,
    /// The Go function's name (`IsLetter`).
    name: String,
    /// The runs' numbers, flat.
    numbers: Vec<i64>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Pred,
    Map,
    /// A range table (`unicode.Latin`): the runes `unicode.Is` holds for.
    Table,
}

impl Kind {
    /// Numbers per run.
    fn width(self) -> usize {
        match self {
            Kind::Pred | Kind::Table => 3,
            Kind::Map => 4,
        }
    }
}

/// Run the Go program and write the tables.
pub fn run() -> Result {
    let go_version = cmd::output("go", &["version"], None)
        .ok_or_else(|| Error::new("`go version` failed: Go is needed to regenerate the tables"))?;
    let dir = std::env::temp_dir().join(format!("racemap-go-unicode-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| Error::new(format!("{}: {e}", dir.display())))?;
    let file = dir.join("tables.go");
    let printed = std::fs::write(&file, SOURCE)
        .map_err(|e| Error::new(format!("{}: {e}", file.display())))
        .and_then(|()| {
            cmd::output("go", &["run", &file.to_string_lossy()], None)
                .ok_or_else(|| Error::new(format!("`go run {}` failed", file.display())))
        });
    let _ = std::fs::remove_dir_all(&dir);
    let tables = parse(&printed?)?;
    let path = repo_root().join(OUTPUT);
    std::fs::write(&path, render(go_version.trim(), &tables))
        .map_err(|e| Error::new(format!("{}: {e}", path.display())))?;
    cmd::run(&mut cmd::command(
        "rustfmt",
        &["--edition", "2021", &path.to_string_lossy()],
    ))?;
    println!("wrote {}", path.display());
    Ok(())
}

/// The printed tables: a `pred NAME` or `map NAME` line, then one run per line.
fn parse(printed: &str) -> Result<Vec<Table>> {
    let mut tables: Vec<Table> = Vec::new();
    for line in printed.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            [kind @ ("pred" | "map" | "table"), name] => tables.push(Table {
                kind: match *kind {
                    "pred" => Kind::Pred,
                    "map" => Kind::Map,
                    _ => Kind::Table,
                },
                name: (*name).to_owned(),
                numbers: Vec::new(),
            }),
            numbers => {
                let table = tables
                    .last_mut()
                    .ok_or_else(|| Error::new(format!("a run before any table: {line:?}")))?;
                if numbers.len() != table.kind.width() {
                    return Err(Error::new(format!("not a run of {}: {line:?}", table.name)));
                }
                for number in numbers {
                    let n = number
                        .parse::<i64>()
                        .map_err(|_| Error::new(format!("not a number: {line:?}")))?;
                    table.numbers.push(n);
                }
            }
        }
    }
    if tables.iter().any(|t| t.numbers.is_empty()) || tables.is_empty() {
        return Err(Error::new("a table without runs"));
    }
    Ok(tables)
}

/// `IsLetter` → `IS_LETTER`.
fn const_name(go_name: &str) -> String {
    let mut out = String::new();
    for (i, c) in go_name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

/// The Rust source of the tables (rustfmt lays it out afterwards).
fn render(go_version: &str, tables: &[Table]) -> String {
    let mut out = format!(
        "//! Go's `unicode` predicates and case mappings on every rune, as runs, read from real Go\n\
         //! by `cargo xtask go-unicode` ({go_version}). Generated: do not edit.\n\n"
    );
    for table in tables.iter().filter(|t| t.kind != Kind::Table) {
        let (ty, doc) = match table.kind {
            Kind::Pred => (
                "u32",
                "runs `lo, hi, stride`: the runes lo, lo+stride, …, hi",
            ),
            _ => (
                "i32",
                "runs `lo, hi, stride, delta`, sorted and disjoint: each rune of the run maps to \
                 itself plus delta; a rune in no run maps to itself",
            ),
        };
        let numbers: Vec<String> = table.numbers.iter().map(i64::to_string).collect();
        out.push_str(&format!(
            "/// `unicode.{}`: {doc}.\npub const {}: &[{ty}] = &[{}];\n\n",
            table.name,
            const_name(&table.name),
            numbers.join(", ")
        ));
    }
    out.push_str(&render_range_tables(tables));
    out
}

/// The range tables: a constant per distinct set of runes (one equal to a predicate's is that
/// predicate's), `RANGES` by number, and `RANGE_TABLES`, each Go name with its number, sorted
/// by name (aliases share a number).
fn render_range_tables(tables: &[Table]) -> String {
    let mut out = String::new();
    // The distinct tables: (constant name, runs).
    let mut distinct: Vec<(String, &[i64])> = tables
        .iter()
        .filter(|t| t.kind == Kind::Pred)
        .map(|t| (const_name(&t.name), &t.numbers[..]))
        .collect();
    let mut names: Vec<(&str, usize)> = Vec::new();
    for table in tables.iter().filter(|t| t.kind == Kind::Table) {
        let number = match distinct.iter().position(|(_, runs)| *runs == table.numbers) {
            Some(i) => i,
            None => {
                let name = format!("TABLE_{}", table.name.to_ascii_uppercase());
                let numbers: Vec<String> = table.numbers.iter().map(i64::to_string).collect();
                out.push_str(&format!(
                    "/// `unicode.{}`: runs `lo, hi, stride` of the runes `unicode.Is` holds \
                     for.\npub const {name}: &[u32] = &[{}];\n\n",
                    table.name,
                    numbers.join(", ")
                ));
                distinct.push((name, &table.numbers));
                distinct.len() - 1
            }
        };
        names.push((&table.name, number));
    }
    if names.is_empty() {
        return out;
    }
    // Only the tables some name uses, renumbered in order.
    let used: Vec<usize> = (0..distinct.len())
        .filter(|i| names.iter().any(|(_, n)| n == i))
        .collect();
    let ranges: Vec<&str> = used.iter().map(|&i| distinct[i].0.as_str()).collect();
    out.push_str(&format!(
        "/// The range tables' runs by number (`RANGE_TABLES`).\npub const RANGES: &[&[u32]] = \
         &[{}];\n\n",
        ranges.join(", ")
    ));
    names.sort();
    let entries: Vec<String> = names
        .iter()
        .map(|(name, n)| {
            let number = used.iter().position(|u| u == n).unwrap_or(0);
            format!("(\"{name}\", {number})")
        })
        .collect();
    out.push_str(&format!(
        "/// `unicode`'s range tables racemap offers, by Go name (sorted): each with its number in \
         `RANGES` (aliases such as `L` and `Letter` share one).\npub const RANGE_TABLES: \
         &[(&str, usize)] = &[{}];\n",
        entries.join(", ")
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_parse_and_render_as_flat_runs() {
        let printed = "pred IsSpace\n9 13 1\n32 32 1\nmap ToUpper\n97 122 1 -32\n";
        let tables = parse(printed).unwrap();
        assert_eq!(tables.len(), 2);
        assert_eq!(tables[0].numbers, [9, 13, 1, 32, 32, 1]);
        assert_eq!(tables[1].kind, Kind::Map);
        let rendered = render("go version go1.19.8 linux/amd64", &tables);
        assert!(rendered.contains("pub const IS_SPACE: &[u32] = &[9, 13, 1, 32, 32, 1];"));
        assert!(rendered.contains("pub const TO_UPPER: &[i32] = &[97, 122, 1, -32];"));
        let printed = "pred IsSpace\n9 13 1\ntable Z\n32 32 1\ntable Space\n32 32 1\n\
                       table White_Space\n9 13 1\n";
        let rendered = render("go", &parse(printed).unwrap());
        assert!(rendered.contains("pub const TABLE_Z: &[u32] = &[32, 32, 1];"));
        assert!(
            !rendered.contains("TABLE_SPACE"),
            "an alias is not written twice"
        );
        assert!(rendered.contains("pub const RANGES: &[&[u32]] = &[IS_SPACE, TABLE_Z];"));
        assert!(rendered.contains(r#"&[("Space", 1), ("White_Space", 0), ("Z", 1)];"#));
        assert!(parse("9 13 1\n").is_err(), "a run before a table");
        assert!(parse("pred IsSpace\n9 13\n").is_err(), "a short run");
        assert!(parse("map ToUpper\n").is_err(), "a table without runs");
    }
}
