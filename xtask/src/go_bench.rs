//! `cargo xtask go-bench`: real Go measurements of the map strategies, for the page's "Compare
//! strategies" table.
//!
//! `go_bench/strategies_test.go` implements each preset strategy as a Go type; this command
//! runs its benchmarks with `go test -bench` once per read/write mix (`WRITE_PERCENT` in the
//! environment) in a temporary module and writes ns per map operation, with the Go version,
//! the machine and the date, to `crates/racemap-web/data/go-bench.tsv`, which the page embeds.
//! Only regenerating the data needs Go; building the page does not.

use std::path::{Path, PathBuf};

use crate::cmd;
use crate::{repo_root, Error, Result};

/// The Go benchmarks.
const BENCH_SOURCE: &str = include_str!("go_bench/strategies_test.go");

/// The read/write mixes measured: percent of operations that are writes.
pub const WRITE_PERCENTS: [u32; 5] = [0, 10, 50, 90, 100];

/// How long each benchmark runs.
const BENCHTIME: &str = "300ms";

/// The data file, relative to the repository root.
pub const DATA_FILE: &str = "crates/racemap-web/data/go-bench.tsv";

/// Go benchmark names and the strategies' slugs (`Strategy::slug` in the core).
const STRATEGIES: [(&str, &str); 6] = [
    ("Unsynchronized", "unsynchronized"),
    ("Mutex", "mutex"),
    ("RWMutex", "rwmutex"),
    ("SyncMap", "syncmap"),
    ("ChannelOwner", "channel"),
    ("Sharded", "sharded"),
];

/// Run the benchmarks and write the data file.
pub fn run() -> Result {
    let go_version = cmd::output("go", &["version"], None).ok_or_else(|| {
        Error::new("`go version` failed: Go is needed to regenerate the measurements")
    })?;
    let dir = std::env::temp_dir().join(format!("racemap-go-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| Error::new(format!("{}: {e}", dir.display())))?;
    let written = write_module(&dir).and_then(|()| measure_all(&dir));
    let _ = std::fs::remove_dir_all(&dir);
    let (cpu, rows) = written?;
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let date = cmd::output("date", &["-u", "+%Y-%m-%d"], None).unwrap_or_default();
    let data = render(&go_version, &format!("{cpu}, {cpus} CPUs"), &date, &rows);
    let path = repo_root().join(DATA_FILE);
    std::fs::write(&path, data).map_err(|e| Error::new(format!("{}: {e}", path.display())))?;
    println!("wrote {}", path.display());
    Ok(())
}

fn write_module(dir: &Path) -> Result {
    let write = |name: &str, text: &str| {
        std::fs::write(dir.join(name), text).map_err(|e| Error::new(format!("{name}: {e}")))
    };
    write("go.mod", "module mapbench\n\ngo 1.19\n")?;
    write("strategies_test.go", BENCH_SOURCE)
}

/// One measurement: (strategy slug, write percent, ns per operation).
type Row = (String, u32, f64);

fn measure_all(dir: &PathBuf) -> Result<(String, Vec<Row>)> {
    let mut rows = Vec::new();
    let mut cpu = String::new();
    for percent in WRITE_PERCENTS {
        let mut command = cmd::command(
            "go",
            &["test", "-run", "^$", "-bench", ".", "-benchtime", BENCHTIME],
        );
        command
            .current_dir(dir)
            .env("WRITE_PERCENT", percent.to_string());
        eprintln!("$ WRITE_PERCENT={percent} {}", cmd::display(&command));
        let output = command
            .output()
            .map_err(|e| Error::new(format!("cannot run go test: {e}")))?;
        let text = String::from_utf8_lossy(&output.stdout);
        if !output.status.success() {
            return Err(Error::new(format!(
                "go test -bench failed:\n{text}{}",
                String::from_utf8_lossy(&output.stderr)
            )));
        }
        let (found_cpu, measured) = parse(&text);
        cpu = found_cpu.unwrap_or(cpu);
        if measured.len() != STRATEGIES.len() {
            return Err(Error::new(format!(
                "expected {} benchmarks, got {}:\n{text}",
                STRATEGIES.len(),
                measured.len()
            )));
        }
        rows.extend(measured.into_iter().map(|(s, ns)| (s, percent, ns)));
    }
    Ok((cpu, rows))
}

/// The `cpu:` line and each benchmark's (slug, ns/op) from `go test -bench` output.
fn parse(text: &str) -> (Option<String>, Vec<(String, f64)>) {
    let cpu = text
        .lines()
        .find_map(|l| l.strip_prefix("cpu: "))
        .map(|c| c.trim().to_string());
    let rows = text
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let name = fields.next()?.strip_prefix("Benchmark")?;
            let name = name.split('-').next()?;
            let slug = STRATEGIES.iter().find(|(n, _)| *n == name)?.1;
            let _iterations = fields.next()?;
            let ns: f64 = fields.next()?.parse().ok()?;
            (fields.next()? == "ns/op").then(|| (slug.to_string(), ns))
        })
        .collect();
    (cpu, rows)
}

fn render(go_version: &str, machine: &str, date: &str, rows: &[Row]) -> String {
    let mut out = String::from(
        "# Real Go measurements of the map strategies: ns per map operation over 1000 keys,\n\
         # from `go test -bench` (b.RunParallel; the unsynchronized map from one goroutine).\n\
         # Regenerate with `cargo xtask go-bench` (needs Go).\n",
    );
    out.push_str(&format!(
        "# go\t{go_version}\n# machine\t{machine}\n# date\t{date}\n"
    ));
    out.push_str(&format!("# benchtime\t{BENCHTIME}\n"));
    out.push_str("strategy\twrite_percent\tns_per_op\n");
    for (slug, percent, ns) in rows {
        out.push_str(&format!("{slug}\t{percent}\t{ns}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn benchmark_lines_become_rows() {
        let text = "goos: linux\ncpu: Intel(R) Xeon(R) Processor\n\
                    BenchmarkUnsynchronized-2   \t 8952960\t        11.31 ns/op\n\
                    BenchmarkChannelOwner-2     \t  264544\t       463.8 ns/op\nPASS\n";
        let (cpu, rows) = parse(text);
        assert_eq!(cpu.as_deref(), Some("Intel(R) Xeon(R) Processor"));
        assert_eq!(
            rows,
            [
                ("unsynchronized".to_string(), 11.31),
                ("channel".to_string(), 463.8)
            ]
        );
    }

    #[test]
    fn the_data_file_states_version_machine_and_date() {
        let data = render(
            "go version go1.19.8 linux/amd64",
            "Xeon, 2 CPUs",
            "2026-12-04",
            &[("mutex".into(), 50, 28.1)],
        );
        assert!(data.contains("# go\tgo version go1.19.8 linux/amd64\n"));
        assert!(data.contains("# machine\tXeon, 2 CPUs\n"));
        assert!(data.contains("# date\t2026-12-04\n"));
        assert!(data.ends_with("strategy\twrite_percent\tns_per_op\nmutex\t50\t28.1\n"));
    }
}
