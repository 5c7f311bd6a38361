//! Which locals are counters: the patterns of `counters`' docs, and every way out of them
//! (the value printed, sent, passed, compared with a variable, decremented, its address
//! taken, captured, a narrow or unsigned ordering) keeps a local exact.

use super::{Counter, Counters};
use crate::bytecode::{Program, VarPlace};

/// `main.main` with `body` (and `decls` before it), compiled.
fn program(imports: &str, decls: &str, body: &str) -> Program {
    let source = format!("package main\n\n{imports}\n{decls}\nfunc main() {{\n{body}\n}}\n");
    crate::compile::compile(&source).unwrap_or_else(|e| panic!("{e:?}\n{source}"))
}

/// The counter of `main.main`'s local `name`, if it is one.
fn counter(p: &Program, name: &str) -> Option<Counter> {
    let var = p
        .var_names
        .iter()
        .find(|v| v.name == name && &*p.funcs[v.func.0 as usize].name == "main.main")
        .unwrap_or_else(|| panic!("no variable {name}"));
    let VarPlace::Local(slot) = var.place else {
        return None;
    };
    Counters::of(p)
        .of_func(var.func)
        .iter()
        .find(|c| c.slot == slot)
        .cloned()
}

const TICKS: &str = "\tn := 0\n\tfor i := 0; i < 3; i++ {\n\t\tn++\n\t}\n";

#[test]
fn a_tick_count_read_only_against_constants_is_a_counter() {
    let p = program(
        "import \"fmt\"",
        "",
        &format!("{TICKS}\tif n == 4 {{\n\t\tfmt.Println(\"four\")\n\t}}\n\tfmt.Println(n >= 1, 7 > n, n != 2)"),
    );
    let c = counter(&p, "n").expect("n is a counter");
    assert_eq!((c.threshold, c.max_step), (Some(7), 1));
}

#[test]
fn a_count_never_read_is_one_class_and_steps_of_any_size_count() {
    let p = program("", "", "\tn := 0\n\tfor {\n\t\tn += 5\n\t\tn++\n\t}");
    let c = counter(&p, "n").expect("n is a counter");
    assert_eq!((c.threshold, c.max_step), (None, 5));
    assert_eq!(c.canonical(123, u64::MAX), Some(0));
    assert_eq!(c.canonical(0, u64::MAX), None);
}

#[test]
fn values_above_the_threshold_are_one_class_unless_increments_could_overflow() {
    let c = Counter {
        slot: 0,
        threshold: Some(3),
        max_step: 1,
        sends: Vec::new(),
    };
    let run = 100_000 * 1_000_001;
    assert_eq!(c.canonical(3, run), None);
    assert_eq!(c.canonical(-9, run), None);
    assert_eq!(c.canonical(4, run), None, "4 is its class's representative");
    assert_eq!(c.canonical(5, run), Some(4));
    assert_eq!(c.canonical(i64::MAX, run), Some(4));
    let huge = Counter {
        max_step: 1 << 40,
        ..c
    };
    assert_eq!(
        huge.canonical(5, run),
        None,
        "exact when increments may overflow"
    );
}

#[test]
fn a_count_that_escapes_is_no_counter() {
    let escapes: &[(&str, &str, &str)] = &[
        ("import \"fmt\"", "", "\tfmt.Println(n)"),
        ("", "", "\tprintln(n > 0)\n\tprintln(n)"),
        ("", "", "\tm := 2\n\tprintln(n < m)"),
        ("", "", "\tn--\n\tprintln(n > 0)"),
        ("", "", "\tn -= 1\n\tprintln(n > 0)"),
        ("", "", "\tn = n * 2\n\tprintln(n > 0)"),
        ("", "", "\tp := &n\n\tprintln(*p > 0)"),
        (
            "",
            "",
            "\tf := func() bool { return n > 0 }\n\tprintln(f())",
        ),
        ("", "", "\tch := make(chan int, 1)\n\tch <- n"),
        ("", "func use(int) {}", "\tuse(n)"),
        ("", "", "\tm := n\n\tprintln(m > 0)"),
        ("", "", "\ts := []int{0, 0, 0}\n\tprintln(s[n])"),
        ("", "", "\tvar a any = n\n\tprintln(a != nil)"),
    ];
    for (imports, decls, tail) in escapes {
        let p = program(imports, decls, &format!("{TICKS}{tail}"));
        assert_eq!(counter(&p, "n"), None, "{tail}");
    }
}

#[test]
fn narrow_or_unsigned_orderings_keep_a_count_exact() {
    // An int8 wraps after 127 increments: its classes are not closed.
    let p = program(
        "",
        "",
        "\tvar n int8\n\tfor {\n\t\tn++\n\t\tprintln(n == 3)\n\t}",
    );
    assert_eq!(counter(&p, "n"), None);
    // An unsigned ordering orders the bit patterns otherwise; equality is the same.
    let p = program(
        "",
        "",
        "\tvar n uint\n\tfor {\n\t\tn++\n\t\tprintln(n < 3)\n\t}",
    );
    assert_eq!(counter(&p, "n"), None);
    let p = program(
        "",
        "",
        "\tvar n uint64\n\tfor {\n\t\tn++\n\t\tprintln(n == 3)\n\t}",
    );
    assert_eq!(counter(&p, "n").and_then(|c| c.threshold), Some(3));
}

#[test]
fn parameters_and_results_are_no_counters() {
    let p = program(
        "",
        "func count(n int) (r int) {\n\tn++\n\tr++\n\treturn\n}",
        "\tprintln(count(1) > 0)",
    );
    let f = p
        .funcs
        .iter()
        .position(|f| &*f.name == "main.count")
        .expect("count");
    assert!(Counters::of(&p)
        .of_func(crate::bytecode::FuncId(f as u32))
        .is_empty());
}

#[test]
fn a_parameter_only_sent_on_is_send_only_and_a_count_sent_there_is_a_counter() {
    let p = program(
        "",
        "func beat(ch chan<- int, out chan int, quit chan int) {\n\tn := 0\n\tfor {\n\t\tn++\n\
         \t\tselect {\n\t\tcase ch <- n:\n\t\tdefault:\n\t\t}\n\t\tout <- 1\n\t\t<-out\n\
         \t\tuse(quit)\n\t}\n}\n\nfunc use(chan int) {}",
        "\tgo beat(make(chan int), make(chan int), make(chan int))",
    );
    let f = p
        .funcs
        .iter()
        .position(|f| &*f.name == "main.beat")
        .map(|f| crate::bytecode::FuncId(f as u32))
        .expect("beat");
    let counters = Counters::of(&p);
    // `out` is received from and `quit` passed on: only `ch` is send-only.
    assert_eq!(counters.send_only(f), &[0]);
    let c = counters.of_func(f);
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].sends, vec![0]);
    assert!(counters.liveness().is_some());
}
