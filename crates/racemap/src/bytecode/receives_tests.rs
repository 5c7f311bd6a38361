//! Future receives through slots: straight-line receives are counted, a loop's are unbounded,
//! and every other read of the slot (a copy, a call, a `go`, a send of the channel, a
//! `range`) makes it escape.

use super::Receives;
use crate::bytecode::{FuncId, Instr, Program, VarPlace};

/// `main.main` with `body` (and `decls` before it), compiled.
fn program(decls: &str, body: &str) -> Program {
    let source = format!("package main\n\n{decls}\nfunc main() {{\n{body}\n}}\n");
    crate::compile::compile(&source).unwrap_or_else(|e| panic!("{e:?}\n{source}"))
}

/// The bound of `main.main`'s variable `name` just after its first store (`None` for a
/// variable in a heap cell: its slot holds a pointer).
fn bound(p: &Program, name: &str) -> Option<u32> {
    let var = p
        .var_names
        .iter()
        .find(|v| v.name == name && &*p.funcs[v.func.0 as usize].name == "main.main")
        .unwrap_or_else(|| panic!("no variable {name}"));
    let (func, VarPlace::Local(slot)) = (var.func, var.place) else {
        return None;
    };
    let code = &p.funcs[func.0 as usize].code;
    let store = code
        .iter()
        .position(|i| matches!(i, Instr::StoreLocal(s) if *s == slot))
        .expect("a store");
    Receives::of(p).bound(func, store as u32 + 1, slot)
}

const SENDER: &str = "func send(c chan<- int) {\n\tc <- 1\n\tc <- 2\n}\n";

#[test]
fn straight_line_receives_are_counted_and_a_branch_counts_its_longest_path() {
    let p = program(
        SENDER,
        "\tc := make(chan int, 2)\n\tgo send(c)\n\tx := <-c\n\tif x > 0 {\n\t\tprintln(<-c)\n\t}\n",
    );
    // The channel is passed to `send` after the store: it escapes there.
    assert_eq!(bound(&p, "c"), None);
    let p = program(
        SENDER,
        "\tc := make(chan int, 2)\n\tsend(make(chan int, 2))\n\tx := <-c\n\
         \tif x > 0 {\n\t\tprintln(<-c)\n\t}\n\tprintln(len(c), cap(c))\n\tclose(c)\n",
    );
    assert_eq!(
        bound(&p, "c"),
        Some(2),
        "two receives at most; len, cap, close are inert"
    );
}

#[test]
fn a_receive_in_a_loop_or_a_range_is_unbounded() {
    let looped = program(
        "",
        "\tc := make(chan int, 2)\n\tfor {\n\t\tprintln(<-c)\n\t}\n",
    );
    assert_eq!(bound(&looped, "c"), None);
    let ranged = program(
        "",
        "\tc := make(chan int, 2)\n\tfor v := range c {\n\t\tprintln(v)\n\t}\n",
    );
    assert_eq!(bound(&ranged, "c"), None);
    let bounded = program(
        "",
        "\tc := make(chan int, 2)\n\tfor i := 0; i < 3; i++ {\n\t\tprintln(i)\n\t}\n\tprintln(<-c)\n",
    );
    assert_eq!(
        bound(&bounded, "c"),
        Some(1),
        "a loop without receives costs nothing"
    );
}

#[test]
fn a_select_receive_case_counts_and_its_send_case_channel_is_inert() {
    let p = program(
        "",
        "\tc, d := make(chan int, 1), make(chan int, 1)\n\tselect {\n\tcase v := <-c:\n\
         \t\tprintln(v)\n\tcase d <- 1:\n\t}\n\tselect {\n\tcase c <- 2:\n\tdefault:\n\t}\n",
    );
    assert_eq!(bound(&p, "c"), Some(1));
    assert_eq!(
        bound(&p, "d"),
        None,
        "d is never received from: no receive slot"
    );
}

#[test]
fn copying_storing_capturing_or_sending_the_channel_escapes() {
    for tail in [
        "\td := c\n\tprintln(<-d)",
        "\tvar s []chan int\n\ts = append(s, c)\n\t_ = s",
        "\tgo func() {\n\t\tprintln(<-c)\n\t}()",
        "\tcc := make(chan chan int, 1)\n\tcc <- c",
        "\tprintln(c)",
    ] {
        let p = program(
            "",
            &format!("\tc := make(chan int, 1)\n\tprintln(<-c)\n{tail}\n"),
        );
        assert_eq!(bound(&p, "c"), None, "{tail}");
    }
}

#[test]
fn unknown_functions_and_points_have_no_bound() {
    let p = program("", "\tc := make(chan int, 1)\n\tprintln(<-c)\n");
    let r = Receives::of(&p);
    assert_eq!(r.bound(FuncId(u32::MAX), 0, 0), None);
    assert_eq!(r.bound(FuncId(0), u32::MAX, 0), None);
}
