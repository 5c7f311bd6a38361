//! The Go language version a program is compiled as: what `go.mod`'s `go` line (the compiler's
//! `-lang` flag) selects. racemap follows the newest semantics by default; an older version
//! changes what racemap's Go subset can tell apart:
//!
//! - **Go 1.22**: each iteration of a `for` loop has its own loop variables (a closure or a
//!   goroutine started in the loop sees that iteration's value), and `range` accepts integers.
//!   Before 1.22 a loop has one set of variables, assigned by every iteration: the famous
//!   closure-captures-the-loop-variable race.
//! - **Go 1.21**: the builtins `min`, `max` and `clear`. Before, those names are undefined.
//!   Type inference gives a type parameter whose arguments are untyped constants of several
//!   kinds the largest kind (`Sum(1, 2.5)` is a float64 sum); before, the first one's default
//!   type, and a later one's must match it.
//! - **Go 1.20**: `sync.Map`'s `Swap` and `CompareAndSwap`. Before, `m.Swap` is undefined
//!   (`type sync.Map has no field or method Swap`).

use std::fmt;

/// A Go language version `go1.MINOR`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct LangVersion {
    /// The minor version: 22 for `go1.22`.
    minor: u16,
}

impl LangVersion {
    /// Go 1.19, the Go that racemap's messages imitate (Debian's `golang-go`).
    pub const GO1_19: LangVersion = LangVersion { minor: 19 };
    /// Go 1.21: `min`, `max`, `clear`; loops still share their variables.
    pub const GO1_21: LangVersion = LangVersion { minor: 21 };
    /// Go 1.22: per-iteration loop variables and range over integers.
    pub const GO1_22: LangVersion = LangVersion { minor: 22 };
    /// The default: the modern semantics.
    pub const DEFAULT: LangVersion = LangVersion::GO1_22;

    /// Parse `go1.21`, `1.21` or `go1.21.3` (a patch release is the same language).
    pub fn parse(text: &str) -> Result<LangVersion, String> {
        let bad = || format!("invalid Go version {text:?} (want go1.N, e.g. go1.21)");
        let rest = text.trim();
        let rest = rest.strip_prefix("go").unwrap_or(rest);
        let rest = rest.strip_prefix("1.").ok_or_else(bad)?;
        let minor = match rest.split_once('.') {
            Some((minor, patch)) if patch.parse::<u32>().is_ok() => minor,
            Some(_) => return Err(bad()),
            None => rest,
        };
        if minor.is_empty() || !minor.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let minor: u16 = minor.parse().map_err(|_| bad())?;
        Ok(LangVersion { minor })
    }

    /// The minor version number (`22` for `go1.22`).
    pub fn minor(self) -> u16 {
        self.minor
    }

    /// Whether each loop iteration declares fresh loop variables (Go 1.22 and later).
    pub fn per_iteration_loop_vars(self) -> bool {
        self.minor >= 22
    }

    /// Whether `range` accepts an integer (Go 1.22 and later).
    pub fn range_over_int(self) -> bool {
        self.minor >= 22
    }

    /// Whether `sync.Map` has `Swap` and `CompareAndSwap` (Go 1.20 and later).
    pub fn has_sync_map_swap(self) -> bool {
        self.minor >= 20
    }

    /// Whether package `path`'s member `name` came after this version (`errors.Join` in
    /// go1.19): the program then sees it undefined, as Go's compiler does, whether racemap
    /// supports it or not.
    pub fn lacks_member(self, path: &str, name: &str) -> bool {
        /// Members of the packages racemap knows that Go added after go1.19, with the minor
        /// version that added them (Go's `api/go1.N.txt`).
        const NEWER: &[(&str, &str, u16)] = &[
            ("errors", "Join", 20),
            ("errors", "ErrUnsupported", 21),
            ("strings", "CutPrefix", 20),
            ("strings", "CutSuffix", 20),
            ("strings", "ContainsFunc", 21),
            ("bytes", "Clone", 20),
            ("bytes", "CutPrefix", 20),
            ("bytes", "CutSuffix", 20),
            ("context", "WithCancelCause", 20),
            ("context", "Cause", 20),
            ("context", "CancelCauseFunc", 20),
            ("context", "AfterFunc", 21),
            ("context", "WithoutCancel", 21),
            ("context", "WithDeadlineCause", 21),
            ("context", "WithTimeoutCause", 21),
            ("sync", "OnceFunc", 21),
            ("sync", "OnceValue", 21),
            ("sync", "OnceValues", 21),
            ("time", "DateTime", 20),
            ("time", "DateOnly", 20),
            ("time", "TimeOnly", 20),
            ("testing", "Testing", 21),
        ];
        NEWER
            .iter()
            .any(|&(p, n, since)| p == path && n == name && self.minor < since)
    }

    /// Whether `min`, `max` and `clear` are predeclared (Go 1.21 and later).
    pub fn has_min_max_clear(self) -> bool {
        self.minor >= 21
    }
}

impl Default for LangVersion {
    fn default() -> Self {
        LangVersion::DEFAULT
    }
}

impl fmt::Display for LangVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "go1.{}", self.minor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_spellings_of_go_mod_and_of_the_compiler_flag() {
        for text in ["go1.21", "1.21", "go1.21.3", " go1.21 "] {
            assert_eq!(LangVersion::parse(text), Ok(LangVersion::GO1_21), "{text}");
        }
        assert_eq!(LangVersion::parse("go1.22").unwrap().to_string(), "go1.22");
    }

    #[test]
    fn rejects_what_is_not_a_go1_version() {
        for text in [
            "",
            "go",
            "go2.0",
            "1",
            "go1.",
            "go1.x",
            "go1.21rc1",
            "go1.21.x",
            "1.-3",
        ] {
            assert!(LangVersion::parse(text).is_err(), "{text:?} accepted");
        }
    }

    #[test]
    fn features_switch_on_at_their_release() {
        assert!(!LangVersion::GO1_21.per_iteration_loop_vars());
        assert!(LangVersion::GO1_22.per_iteration_loop_vars());
        assert!(!LangVersion::GO1_21.range_over_int());
        assert!(LangVersion::GO1_21.has_min_max_clear());
        assert!(!LangVersion::GO1_19.has_min_max_clear());
        assert!(!LangVersion::GO1_19.has_sync_map_swap());
        assert!(LangVersion::GO1_21.has_sync_map_swap());
        assert_eq!(LangVersion::default(), LangVersion::GO1_22);
    }
}
