//! Source positions and diagnostics.
//!
//! A [`Span`] is a half-open byte range into the program text. A [`Diagnostic`] is a value (never
//! a panic) carrying a span and a message in Go's own wording where Go has one; it renders as
//! `prog.go:LINE:COL: message`, with columns counted in bytes from 1 as `go build` does.

/// A half-open byte range `lo..hi` into the source text.
///
/// Invariant: `lo <= hi`, both within the source (or equal to its length at end of file).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// Offset of the first byte.
    pub lo: u32,
    /// Offset one past the last byte.
    pub hi: u32,
}

impl Span {
    /// A span from `lo` to `hi`.
    pub fn new(lo: u32, hi: u32) -> Span {
        Span { lo, hi: hi.max(lo) }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.lo.min(other.lo), self.hi.max(other.hi))
    }

    /// An empty span at the start of this one.
    pub fn start(self) -> Span {
        Span::new(self.lo, self.lo)
    }
}

/// A line/column position, both counted from 1 (columns in bytes, as Go reports them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    /// 1-based line number.
    pub line: u32,
    /// 1-based byte column.
    pub col: u32,
}

/// Maps byte offsets of one source file to lines and columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceMap {
    /// The file name used in messages, e.g. `prog.go`.
    pub file_name: String,
    /// Byte offset at which each line starts; `line_starts[0] == 0`.
    line_starts: Vec<u32>,
    /// Length of the source in bytes.
    len: u32,
}

impl SourceMap {
    /// Index the lines of `source`.
    pub fn new(file_name: impl Into<String>, source: &str) -> SourceMap {
        SourceMap::from_bytes(file_name, source.as_bytes())
    }

    /// Index the lines of a source file's bytes (which need not be UTF-8).
    pub fn from_bytes(file_name: impl Into<String>, source: &[u8]) -> SourceMap {
        let mut line_starts = vec![0];
        for (i, &b) in source.iter().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        SourceMap {
            file_name: file_name.into(),
            line_starts,
            len: source.len() as u32,
        }
    }

    /// Line and column of a byte offset (clamped to the end of the file).
    pub fn line_col(&self, offset: u32) -> LineCol {
        let offset = offset.min(self.len);
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        LineCol {
            line: line as u32 + 1,
            col: offset - self.line_starts[line] + 1,
        }
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: u32) -> u32 {
        self.line_col(offset).line
    }

    /// Number of lines in the file.
    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }
}

/// How serious a diagnostic is. Every error stops compilation; there are no warnings in Go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The program does not compile.
    Error,
}

/// One compile error: where, and what, in Go's wording.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where the error is; messages point at `span.lo`.
    pub span: Span,
    /// The message without position, e.g. `undefined: x`.
    pub message: String,
    /// Always [`Severity::Error`] today.
    pub severity: Severity,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            span,
            message: message.into(),
            severity: Severity::Error,
        }
    }

    /// `racemap does not support WHAT`, the message for Go outside the supported subset.
    pub fn unsupported(span: Span, what: impl AsRef<str>) -> Diagnostic {
        Diagnostic::error(span, format!("racemap does not support {}", what.as_ref()))
    }

    /// `racemap internal error: WHAT`: a broken invariant of racemap itself (never the user's
    /// mistake), reported as a value instead of a wrong program or a panic. Callers also
    /// `debug_assert!` so that tests and fuzzers stop at the fault.
    pub fn internal(span: Span, what: impl AsRef<str>) -> Diagnostic {
        Diagnostic::error(span, format!("racemap internal error: {}", what.as_ref()))
    }

    /// `prog.go:LINE:COL: message`.
    pub fn render(&self, map: &SourceMap) -> String {
        let LineCol { line, col } = map.line_col(self.span.lo);
        format!("{}:{}:{}: {}", map.file_name, line, col, self.message)
    }
}

/// The most errors reported for one program, as `go build` does (it stops after 10).
pub const MAX_ERRORS: usize = 10;

/// Render a list of diagnostics, one per line, as `go build` prints them (`cmd/compile`'s
/// `base.ErrorfAt` and `FlushErrors`): the errors are counted in the order the checker reports
/// them (`diags`' order, which follows go/types': declarations, then function bodies, then
/// unused imports), an error equal to the one before it on the same line not counted; at the
/// [`MAX_ERRORS`]th the compiler stops, prints the ones counted sorted by position (equal ones
/// once), then `prog.go:LINE:COL: too many errors` at the position of the last one counted (so
/// exactly ten errors also end with that line). Errors reported after it are never shown, even
/// at earlier positions.
pub fn render_all(diags: &[Diagnostic], map: &SourceMap) -> String {
    let mut counted: Vec<&Diagnostic> = Vec::new();
    let mut last: Option<(u32, &str)> = None;
    for d in diags {
        let line = map.line_col(d.span.lo).line;
        if last == Some((line, d.message.as_str())) {
            continue;
        }
        last = Some((line, d.message.as_str()));
        counted.push(d);
        if counted.len() == MAX_ERRORS {
            break;
        }
    }
    let stop = (counted.len() == MAX_ERRORS).then(|| counted[MAX_ERRORS - 1].span);
    crate::stable_sort::sort_by_key(&mut counted, |d| d.span.lo);
    counted.dedup_by(|a, b| a.span.lo == b.span.lo && a.message == b.message);
    let mut out = String::new();
    for d in &counted {
        out.push_str(&d.render(map));
        out.push('\n');
    }
    if let Some(span) = stop {
        out.push_str(&Diagnostic::error(span, "too many errors").render(map));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based_bytes() {
        let map = SourceMap::new("prog.go", "package main\n\nfunc main() {\n\tx := 1\n}\n");
        assert_eq!(map.line_col(0), LineCol { line: 1, col: 1 });
        let x = "package main\n\nfunc main() {\n\t".len() as u32;
        assert_eq!(map.line_col(x), LineCol { line: 4, col: 2 });
        let d = Diagnostic::error(Span::new(x, x + 1), "x declared but not used");
        assert_eq!(d.render(&map), "prog.go:4:2: x declared but not used");
    }

    #[test]
    fn ten_errors_end_with_too_many_errors_at_the_tenth() {
        let source = "x\n".repeat(12);
        let map = SourceMap::new("prog.go", &source);
        let diags: Vec<Diagnostic> = (0..12)
            .map(|i| Diagnostic::error(Span::new(i * 2, i * 2 + 1), "undefined: x"))
            .collect();
        let text = render_all(&diags, &map);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 11);
        assert_eq!(lines[9], "prog.go:10:1: undefined: x");
        assert_eq!(lines[10], "prog.go:10:1: too many errors");
        let three = render_all(&diags[..3], &map);
        assert_eq!(three.lines().count(), 3);
    }

    /// The ten errors shown are the first ten reported, sorted: an eleventh at an earlier
    /// position is not shown, and `too many errors` stands at the tenth reported (Go 1.19's
    /// `go build` on a program whose unused import, reported last, is on line 5).
    #[test]
    fn the_first_ten_reported_are_shown_sorted() {
        let source = "x\n".repeat(12);
        let map = SourceMap::new("prog.go", &source);
        let at = |line: u32| Span::new((line - 1) * 2, (line - 1) * 2 + 1);
        let mut diags: Vec<Diagnostic> = (3..13)
            .rev()
            .map(|line| Diagnostic::error(at(line), "undefined: x"))
            .collect();
        diags.insert(1, Diagnostic::error(at(12), "undefined: x"));
        diags.push(Diagnostic::error(at(1), "imported and not used"));
        let text = render_all(&diags, &map);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 11, "{text}");
        assert_eq!(lines[0], "prog.go:3:1: undefined: x");
        assert_eq!(lines[9], "prog.go:12:1: undefined: x");
        assert_eq!(lines[10], "prog.go:3:1: too many errors");
    }
}
