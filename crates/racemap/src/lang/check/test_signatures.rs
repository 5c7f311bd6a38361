//! `go test`'s check of the test functions' signatures, made on the syntax tree before the file
//! is type-checked (Go 1.19's `cmd/go/internal/load/test.go`: `testFuncs.load`, `checkTestFunc`,
//! `isTestFunc`). A top-level function named like a test (`TestXxx`, `BenchmarkXxx`,
//! `FuzzXxx`, Go's `isTest`: the prefix alone or followed by a rune that is not lower case)
//! must take exactly one parameter whose type is written `*T` or `*pkg.T` (`B`, `F`) and return
//! nothing; `TestMain` is a test when written so with `T`, else it must be `TestMain(m
//! *testing.M)`. Go looks only at the spelling (`*T` of a local type `T` passes here and fails
//! to compile later), and none of them may have type parameters.
//!
//! The first function that breaks the rule fails the package's setup: `go test` prints
//! `FILE:LINE:COL: wrong signature for TestA, must be: func TestA(t *testing.T)` (at the
//! `func` keyword) and `FAIL pkg [setup failed]`, exit status 1, before any compile error.

use super::examples::is_test_name;
use crate::diag::Diagnostic;
use crate::lang::ast::{Decl, ExprKind, File, FuncDecl};

/// The first test function of `file` whose signature `go test` rejects, as Go words it.
pub fn wrong_signature(file: &File) -> Option<Diagnostic> {
    file.decls.iter().find_map(|d| match d {
        Decl::Func(fd) if fd.recv.is_none() => check(fd),
        _ => None,
    })
}

/// Go's `checkTestFunc` for the function kinds `testFuncs.load` checks.
fn check(fd: &FuncDecl) -> Option<Diagnostic> {
    let name = fd.name.name.as_str();
    let arg = if name == "TestMain" {
        if takes_one_pointer_to(fd, "T") {
            return None;
        }
        "M"
    } else if is_test_name(name, "Test") {
        "T"
    } else if is_test_name(name, "Benchmark") {
        "B"
    } else if is_test_name(name, "Fuzz") {
        "F"
    } else {
        return None;
    };
    let why = if !fd.tparams.is_empty() || fd.type_params.is_some() {
        "test functions cannot have type parameters".to_string()
    } else if !takes_one_pointer_to(fd, arg) {
        format!(
            "must be: func {name}({} *testing.{arg})",
            arg.to_ascii_lowercase()
        )
    } else {
        return None;
    };
    Some(Diagnostic::error(
        fd.span,
        format!("wrong signature for {name}, {why}"),
    ))
}

/// Go's `isTestFunc`: no results, one parameter (named or not), of a type written `*arg` or
/// `*x.arg`.
fn takes_one_pointer_to(fd: &FuncDecl, arg: &str) -> bool {
    let [param] = fd.sig.params.as_slice() else {
        return false;
    };
    if !fd.sig.results.is_empty() || param.variadic {
        return false;
    }
    let ExprKind::Star(inner) = &param.ty.kind else {
        return false;
    };
    match &inner.kind {
        ExprKind::Ident(id) => id.name == arg,
        ExprKind::Selector { sel, .. } => sel.name == arg,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(src: &str) -> Option<String> {
        let (file, diags) = crate::lang::parser::parse(src);
        assert!(diags.is_empty(), "{diags:?}");
        wrong_signature(&file).map(|d| d.message)
    }

    #[test]
    fn go_test_s_signature_rule() {
        let src = |decls: &str| format!("package p\n\nimport \"testing\"\n\n{decls}\n");
        for ok in [
            "func TestA(t *testing.T) {}",
            "func TestA(*testing.T) {}",
            "func TestA(t *T) {}",
            "func Test(t *testing.T) {}",
            "func Testlower(x int) {}",
            "func BenchmarkA(b *testing.B) {}",
            "func FuzzA(f *testing.F) {}",
            "func TestMain(m *testing.M) {}",
            "func TestMain(t *testing.T) {}",
            "func (s S) TestA(x int) {}",
            "func Helper(x int) {}",
        ] {
            assert_eq!(message(&src(ok)), None, "{ok}");
        }
        for (bad, want) in [
            (
                "func TestA(t *testing.B) {}",
                "wrong signature for TestA, must be: func TestA(t *testing.T)",
            ),
            (
                "func TestA(t *testing.T) int { return 0 }",
                "wrong signature for TestA, must be: func TestA(t *testing.T)",
            ),
            (
                "func TestA(a, b *testing.T) {}",
                "wrong signature for TestA, must be: func TestA(t *testing.T)",
            ),
            (
                "func TestA(t ...*testing.T) {}",
                "wrong signature for TestA, must be: func TestA(t *testing.T)",
            ),
            (
                "func TestA(t testing.T) {}",
                "wrong signature for TestA, must be: func TestA(t *testing.T)",
            ),
            (
                "func Benchmark_x(b *testing.T) {}",
                "wrong signature for Benchmark_x, must be: func Benchmark_x(b *testing.B)",
            ),
            (
                "func FuzzA() {}",
                "wrong signature for FuzzA, must be: func FuzzA(f *testing.F)",
            ),
            (
                "func TestMain(m int) {}",
                "wrong signature for TestMain, must be: func TestMain(m *testing.M)",
            ),
            (
                "func TestA[T any](t *testing.T) {}",
                "wrong signature for TestA, test functions cannot have type parameters",
            ),
            (
                "func TestOK(t *testing.T) {}\nfunc TestB() {}\nfunc TestC() {}",
                "wrong signature for TestB, must be: func TestB(t *testing.T)",
            ),
        ] {
            assert_eq!(message(&src(bad)).as_deref(), Some(want), "{bad}");
        }
    }
}
