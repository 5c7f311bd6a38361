//! Real Go measurements of the map strategies (`cargo xtask go-bench` writes them to
//! `crates/racemap-web/data/go-bench.tsv`; the page embeds the file): ns per map operation for
//! a few read/write mixes, with the Go version, machine and date they were made on.

use racemap::strategies::Strategy;

/// The data file, as shipped.
const DATA: &str = include_str!("../../data/go-bench.tsv");

/// The measurements.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoBench {
    /// `go version` output.
    pub go: String,
    /// The CPU and the number of CPUs.
    pub machine: String,
    /// The day they were made (UTC).
    pub date: String,
    /// (strategy slug, write percent, ns per operation).
    pub rows: Vec<(String, u32, f64)>,
}

impl GoBench {
    /// The shipped measurements.
    pub fn shipped() -> GoBench {
        GoBench::parse(DATA)
    }

    /// Parse the data file: `# key<TAB>value` lines, a header, then one row per measurement;
    /// lines that do not parse are skipped.
    pub fn parse(text: &str) -> GoBench {
        let mut bench = GoBench::default();
        for line in text.lines() {
            if let Some(meta) = line.strip_prefix("# ") {
                match meta.split_once('\t') {
                    Some(("go", v)) => bench.go = v.to_string(),
                    Some(("machine", v)) => bench.machine = v.to_string(),
                    Some(("date", v)) => bench.date = v.to_string(),
                    _ => {}
                }
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if let [slug, percent, ns] = fields[..] {
                if let (Ok(percent), Ok(ns)) = (percent.parse(), ns.parse()) {
                    bench.rows.push((slug.to_string(), percent, ns));
                }
            }
        }
        bench
    }

    /// The measurement of `strategy` at the measured mix nearest to `write_percent`:
    /// (that mix, ns per operation).
    pub fn nearest(&self, strategy: Strategy, write_percent: u32) -> Option<(u32, f64)> {
        self.rows
            .iter()
            .filter(|(slug, _, _)| slug == strategy.slug())
            .min_by_key(|(_, p, _)| p.abs_diff(write_percent))
            .map(|(_, p, ns)| (*p, *ns))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_measured_mix_is_used() {
        let b = GoBench::parse(
            "# go\tgo1.19\n# machine\tXeon, 2 CPUs\n# date\t2026-12-04\nstrategy\twrite_percent\tns_per_op\n\
             mutex\t0\t27.5\nmutex\t50\t30\nmutex\t100\t31\nsharded\t50\t20\n",
        );
        assert_eq!(b.go, "go1.19");
        assert_eq!(b.machine, "Xeon, 2 CPUs");
        assert_eq!(b.date, "2026-12-04");
        assert_eq!(b.nearest(Strategy::Mutex, 40), Some((50, 30.0)));
        assert_eq!(b.nearest(Strategy::Mutex, 10), Some((0, 27.5)));
        assert_eq!(b.nearest(Strategy::SyncMap, 10), None);
    }

    #[test]
    fn the_shipped_file_measures_every_strategy_and_says_where() {
        let b = GoBench::shipped();
        assert!(b.go.starts_with("go version go1."), "{}", b.go);
        assert!(!b.machine.is_empty() && !b.date.is_empty());
        for s in Strategy::ALL {
            for percent in [0, 50, 100] {
                assert_eq!(
                    b.nearest(s, percent).map(|(p, _)| p),
                    Some(percent),
                    "{s:?}"
                );
            }
        }
    }
}
