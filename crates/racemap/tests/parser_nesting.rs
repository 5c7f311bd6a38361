//! Deeply nested input must end in a diagnostic, not a stack overflow: the parser bounds its
//! recursion (`racemap does not support nesting deeper than 200 levels`). The tests run on the
//! test harness's worker threads (2 MiB stacks), smaller than a main thread's.

use racemap::lang::parser::parse;

const DEEP: &str = "racemap does not support nesting deeper than 200 levels";

fn program(body: &str) -> String {
    format!("package main\n\nfunc main() {{\n\t{body}\n}}\n")
}

fn messages(src: &str) -> Vec<String> {
    parse(src).1.into_iter().map(|d| d.message).collect()
}

#[test]
fn ten_thousand_open_parens_report_the_nesting_limit() {
    let src = program(&format!("x := {}1", "(".repeat(10_000)));
    let msgs = messages(&src);
    assert_eq!(msgs, [DEEP]);
}

#[test]
fn every_nesting_construct_is_bounded() {
    let n = 10_000;
    let bodies = [
        format!("x := {}1", "[".repeat(n)),
        format!("x := {}1", "!".repeat(n)),
        format!("x := {}p", "*".repeat(n)),
        format!("x := {}p", "- ".repeat(n)),
        format!("x := {}ch", "<-".repeat(n)),
        format!("x := {}p", "& ".repeat(n)),
        format!("var x {}int", "[]".repeat(n)),
        format!("var x {}int", "*".repeat(n)),
        format!("var x {}int", "chan ".repeat(n)),
        format!("var x {}int", "map[int]".repeat(n)),
        format!("var x {}int", "func() ".repeat(n)),
        format!("var x {}", "struct { a ".repeat(n)),
        format!("x := []int{}", "{".repeat(n)),
        "{".repeat(n),
        format!("f({})", "func() {".repeat(n)),
        format!("if x {{}} {}", "else if x {} ".repeat(n)),
        "L: ".repeat(n),
        format!("x := {}", "a[".repeat(n)),
        format!("x := {}", "f(".repeat(n)),
        format!("x := a{}", ".b".repeat(n)),
        format!("x := f{}", "()".repeat(n)),
        format!("x := a{}", "[0]".repeat(n)),
        format!("x := 1{}", " + 1".repeat(n)),
        format!("x := 1{}", " * 1 + 1".repeat(n)),
    ];
    for body in bodies {
        let msgs = messages(&program(&body));
        assert!(
            msgs.iter().any(|m| m == DEEP),
            "{}...: {msgs:?}",
            &body[..20]
        );
    }
}

#[test]
fn nesting_up_to_the_limit_is_fine() {
    let src = program(&format!("x := {}1{}", "(".repeat(150), ")".repeat(150)));
    assert_eq!(messages(&src), Vec::<String>::new());
}

#[test]
fn long_flat_programs_parse_without_recursion() {
    // Statement lists, argument lists and literal elements are flat, not nested.
    let args = vec!["1"; 5_000].join(", ");
    let stmts = "x++\n\t".repeat(5_000);
    let src = program(&format!("x := []int{{{args}}}\n\tf({args})\n\t{stmts}"));
    assert_eq!(messages(&src), Vec::<String>::new());
}
