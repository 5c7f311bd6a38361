//! Source files that are not clean UTF-8, compiled from their bytes (`compile_bytes`, what
//! `racemap check/run` read from disk). Each expected text is what `go build` (Go 1.19.8)
//! printed for the same bytes, without its `./` before the file name; where racemap words a
//! message differently the comment says so.

use racemap::compile::compile_bytes;
use racemap::diag::{render_all, SourceMap};

/// The diagnostics of `source` as printed, or `None` when it compiles.
fn errors(source: &[u8]) -> Option<String> {
    match compile_bytes(source, "prog.go") {
        Ok(_) => None,
        Err(diags) => Some(render_all(
            &diags,
            &SourceMap::from_bytes("prog.go", source),
        )),
    }
}

#[test]
fn nul_bytes_bad_utf8_and_inner_boms_are_reported_at_gos_positions() {
    let source: &[u8] = b"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := 1\x00\n\ts := \"a\x00b\"\n\t// c\x00omment\n\tt := \"\xff\"\n\t/* \xfe */\n\tfmt.Println(x, s, t, \xef\xbb\xbf1)\n}\n";
    assert_eq!(
        errors(source).as_deref(),
        Some(
            "prog.go:6:7: malformed constant: 1\0\n\
             prog.go:6:8: invalid NUL character\n\
             prog.go:7:9: invalid NUL character\n\
             prog.go:8:6: invalid NUL character\n\
             prog.go:9:8: invalid UTF-8 encoding\n\
             prog.go:10:5: invalid UTF-8 encoding\n\
             prog.go:11:23: invalid BOM in the middle of the file\n"
        )
    );
}

#[test]
fn one_error_per_line_and_message_and_byte_columns_after_bad_bytes() {
    // `\xe2\x82` is a truncated three-byte sequence: two bad bytes, one message for the line.
    let source: &[u8] =
        b"package main\n\nfunc main() {\n\t_ = \"\xe2\x82 \x00 \x00\"\n\t_ = 1\n}\n";
    assert_eq!(
        errors(source).as_deref(),
        Some("prog.go:4:7: invalid UTF-8 encoding\nprog.go:4:10: invalid NUL character\n")
    );
}

#[test]
fn type_checking_goes_on_after_encoding_errors() {
    // Go 1.19's wording: `a declared but not used` (Go 1.20: `declared and not used: a`).
    let source: &[u8] = b"package main\n\nfunc main() {\n\tvar a int\n\t_ = \"\xff\"\n}\n";
    assert_eq!(
        errors(source).as_deref(),
        Some("prog.go:4:6: a declared but not used\nprog.go:5:7: invalid UTF-8 encoding\n")
    );
    // A variable whose initializer failed is not reported unused (Go: only `a` and the NUL).
    let source: &[u8] = b"package main\n\nfunc main() {\n\tvar a int\n\tx := 1\x00\n}\n";
    assert_eq!(
        errors(source).as_deref(),
        Some(
            "prog.go:4:6: a declared but not used\n\
             prog.go:5:7: malformed constant: 1\0\n\
             prog.go:5:8: invalid NUL character\n"
        )
    );
}

#[test]
fn a_bad_byte_inside_an_identifier_is_part_of_its_name() {
    // Go 1.19: `prog.go:4:6: a\u{FFFD}b declared but not used` and the encoding error.
    let source: &[u8] = b"package main\n\nfunc main() {\n\tvar a\xffb int\n}\n";
    assert_eq!(
        errors(source).as_deref(),
        Some(
            "prog.go:4:6: a\u{FFFD}b declared but not used\n\
             prog.go:4:7: invalid UTF-8 encoding\n"
        )
    );
}

#[test]
fn a_leading_byte_order_mark_is_allowed() {
    let source: &[u8] =
        b"\xef\xbb\xbfpackage main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"bom ok\")\n}\n";
    assert_eq!(errors(source), None);
}
