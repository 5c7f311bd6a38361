//! The examples of a test file, as `go test` finds them (Go 1.19's `go/doc.Examples` and
//! `cmd/go/internal/load`'s `testFuncs.load`): a function `ExampleXxx()` without parameters
//! whose body's last comment group starts with `Output:` or `Unordered output:` (any case,
//! after white space); the rest of the group's text (`go/ast`'s `CommentGroup.Text`) is the
//! output it must print. An example without such a comment is compiled but not run.

use crate::bytecode::ExampleOutput;
use crate::diag::Span;

/// Go's `isTest`: `name` is `prefix` alone or followed by a rune that is not lower case
/// (`Example`, `ExampleHello`, `Example_suffix`; not `Examples`).
pub(crate) fn is_test_name(name: &str, prefix: &str) -> bool {
    name.strip_prefix(prefix)
        .is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_lowercase()))
}

/// The output comment of the function body at `body` (`go/doc`'s `exampleOutput` on its
/// `lastComment`): `None` when the body's last comment group is not one.
pub(crate) fn example_output(src: &str, body: Span, comments: &[Span]) -> Option<ExampleOutput> {
    let last = comments
        .iter()
        .take_while(|c| c.lo < body.lo || c.hi <= body.hi)
        .filter(|c| c.lo >= body.lo)
        .last()?;
    let text = group_text(src.get(last.lo as usize..last.hi as usize)?);
    // `(?i)^[[:space:]]*(unordered )?output:`
    let rest = text.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (unordered, after) = match strip_prefix_fold(rest, "unordered output:") {
        Some(after) => (true, after),
        None => (false, strip_prefix_fold(rest, "output:")?),
    };
    let after = after.trim_start_matches(' ');
    let want = after.strip_prefix('\n').unwrap_or(after).to_string();
    Some(ExampleOutput { want, unordered })
}

/// `s` without `prefix` (ASCII letters compared without case), if it starts with it.
fn strip_prefix_fold<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// `go/ast`'s `CommentGroup.Text` of the comment group `group` (comments and white space):
/// comment markers removed (and the first space of a `//` comment, and `//` directives),
/// trailing white space of each line removed, leading blank lines dropped, runs of blank
/// lines made one, and a final newline.
fn group_text(group: &str) -> String {
    let mut lines: Vec<&str> = Vec::new();
    let mut rest = group;
    loop {
        rest = rest.trim_start_matches([' ', '\t', '\n', '\r']);
        let text = if let Some(after) = rest.strip_prefix("//") {
            let end = after.find('\n').unwrap_or(after.len());
            rest = &after[end..];
            let c = &after[..end];
            if let Some(c) = c.strip_prefix(' ') {
                c
            } else if is_directive(c) {
                continue;
            } else {
                c
            }
        } else if let Some(after) = rest.strip_prefix("/*") {
            let end = after.find("*/").unwrap_or(after.len());
            rest = after.get(end + 2..).unwrap_or("");
            &after[..end]
        } else {
            break;
        };
        lines.extend(
            text.split('\n')
                .map(|l| l.trim_end_matches([' ', '\t', '\n', '\r'])),
        );
    }
    let mut kept: Vec<&str> = Vec::new();
    for line in lines {
        if !line.is_empty() || kept.last().is_some_and(|l| !l.is_empty()) {
            kept.push(line);
        }
    }
    if kept.last().is_some_and(|l| !l.is_empty()) {
        kept.push("");
    }
    kept.join("\n")
}

/// Go's `isDirective` of a `//` comment's text: `line `, `extern `, `export `, or
/// `[a-z0-9]+:[a-z0-9]` (`go:noinline`).
fn is_directive(c: &str) -> bool {
    if ["line ", "extern ", "export "]
        .iter()
        .any(|p| c.starts_with(p))
    {
        return true;
    }
    let b = c.as_bytes();
    let Some(colon) = c.find(':') else {
        return false;
    };
    if colon == 0 || colon + 1 >= b.len() {
        return false;
    }
    (0..=colon + 1)
        .filter(|&i| i != colon)
        .all(|i| b[i].is_ascii_lowercase() || b[i].is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(src: &str) -> Option<ExampleOutput> {
        let (file, diags) = crate::lang::parser::parse(src);
        assert!(diags.is_empty(), "{diags:?}");
        let crate::lang::ast::Decl::Func(fd) = &file.decls[0] else {
            panic!("not a function");
        };
        example_output(src, fd.body.as_ref().unwrap().span, &file.comments)
    }

    #[test]
    fn the_last_comment_group_of_the_body_is_the_output() {
        let o = output("package p\nfunc ExampleA() {\n\t// x\n\tprintln()\n\t// Output:\n\t// one\n\t//   two\n}\n")
            .unwrap();
        assert_eq!((o.want.as_str(), o.unordered), ("one\n  two\n", false));
        // A line comment after a statement is its own group.
        let o =
            output("package p\nfunc ExampleA() {\n\tprintln() // x\n\t// unordered OUTPUT: a\n}\n")
                .unwrap();
        assert_eq!((o.want.as_str(), o.unordered), ("a\n", true));
        let o = output("package p\nfunc ExampleA() {\n\tprintln() // Output: z\n}\n").unwrap();
        assert_eq!(o.want, "z\n");
        // Empty output: still an output comment.
        let o = output("package p\nfunc ExampleA() {\n\t// Output:\n}\n").unwrap();
        assert_eq!(o.want, "");
        assert!(
            output("package p\nfunc ExampleA() {\n\t// Output: a\n\tprintln()\n\t// b\n}\n")
                .is_none()
        );
        assert!(output("package p\nfunc ExampleA() {\n\tprintln()\n}\n// Output: a\n").is_none());
        let o = output("package p\nfunc ExampleA() {\n\t/* Output:\n\tx */\n}\n").unwrap();
        assert_eq!(o.want, "\tx\n");
    }

    #[test]
    fn example_names_follow_is_test() {
        assert!(is_test_name("Example", "Example"));
        assert!(is_test_name("Example_suffix", "Example"));
        assert!(is_test_name("ExampleHello", "Example"));
        assert!(!is_test_name("Examples", "Example"));
        assert!(!is_test_name("exampleX", "Example"));
    }
}
