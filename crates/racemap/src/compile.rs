//! The compile entry point: Go source → parse → check → lower → [`Program`].
//!
//! Diagnostics of every phase are values in Go's wording (`prog.go:LINE:COL: message`, see
//! [`crate::diag`]); the first phase that reports errors stops the pipeline.

use crate::bytecode::Program;
use crate::diag::{Diagnostic, SourceMap};
use crate::lang::lexer::decode_source;
use crate::lang::{check, lower, parser};

/// The file name used in messages when none is given.
pub const DEFAULT_FILE_NAME: &str = "prog.go";

/// Compile a Go program named `prog.go`.
pub fn compile(source: &str) -> Result<Program, Vec<Diagnostic>> {
    compile_named(source, DEFAULT_FILE_NAME)
}

/// Compile a Go program; `file_name` appears in diagnostics, stack traces and race reports.
pub fn compile_named(source: &str, file_name: &str) -> Result<Program, Vec<Diagnostic>> {
    compile_bytes(source.as_bytes(), file_name)
}

/// Compile a Go file as read from disk. Bytes that are not UTF-8, NUL bytes and misplaced byte
/// order marks are reported where Go reports them (`invalid UTF-8 encoding`, at byte columns);
/// like Go's compiler, these errors do not stop type checking, a syntax error does.
pub fn compile_bytes(source: &[u8], file_name: &str) -> Result<Program, Vec<Diagnostic>> {
    compile_mode(source, file_name, false)
}

/// Compile a `_test.go` file (any package name, no `main`): the program's
/// [`Program::tests`] lists its `TestXxx(t *testing.T)` functions, each run by
/// [`Program::for_test`].
pub fn compile_test_bytes(source: &[u8], file_name: &str) -> Result<Program, Vec<Diagnostic>> {
    compile_mode(source, file_name, true)
}

fn compile_mode(source: &[u8], file_name: &str, test: bool) -> Result<Program, Vec<Diagnostic>> {
    let (text, invalid_utf8) = decode_source(source);
    let (file, mut diags) = parser::parse_decoded(&text, &invalid_utf8);
    if !diags.iter().all(|d| is_source_reader_error(&d.message)) {
        return Err(diags);
    }
    // With the source map, messages name their second position as Go does
    // (`x redeclared in this block` + `\tprog.go:4:6: other declaration of x`).
    let map = SourceMap::new(file_name, &text);
    let checked = if test {
        check::check_test_with_source(&file, &map)
    } else {
        check::check_with_source(&file, &map)
    };
    match checked {
        Ok(checked) if diags.is_empty() && test => lower::lower_test(&checked, &text, file_name),
        Ok(checked) if diags.is_empty() => lower::lower(&checked, &text, file_name),
        Ok(_) => Err(diags),
        Err(more) => {
            diags.extend(more);
            Err(diags)
        }
    }
}

/// An error of Go's source reader: the character is skipped (or read as U+FFFD), the tokens
/// are whole, and Go goes on to type-check the file. (Go also type-checks after its other
/// non-`syntax error` messages; racemap stops there, its tree may hold recovery nodes.)
fn is_source_reader_error(message: &str) -> bool {
    matches!(
        message,
        "invalid NUL character"
            | "invalid UTF-8 encoding"
            | "invalid BOM in the middle of the file"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{render_all, SourceMap};

    // Go 1.19 prints the same two lines (with `./` before the file name).
    #[test]
    fn messages_name_their_second_position_as_go_does() {
        let src = "package main\n\nfunc main() {\n\tvar x int\n\tvar x string\n\t_ = x\n}\n";
        let diags = compile_named(src, "dup.go").expect_err("redeclared");
        let text = render_all(&diags, &SourceMap::new("dup.go", src));
        assert_eq!(
            text,
            "dup.go:5:6: x redeclared in this block\n\tdup.go:4:6: other declaration of x\n"
        );
    }
}
