//! Goroutines that start goroutines: `go` statements of different goroutines commute
//! (`target::footprint`, `Resource::Spawn`), so the explorer does not try both orders of two
//! creations, and the goroutines a wakeup sequence creates are named by the order it creates
//! them in (`explore::wakeup::rename_created`). The children's numbers differ between the two
//! orders; what a search reports (stdout, the first error line, whether a race was reported)
//! must not: every search finds exactly brute force's outcomes, where the grandchildren meet
//! on channels (a send pairs with the lowest-numbered receiver parked there), on a buffered
//! channel's handoff, on shared memory and in output.

use super::*;

/// A program whose `main` starts a goroutine that runs `before`, starts a child running
/// `child1`, then runs `after`; `main` then starts a child running `child2` itself (two `go`
/// statements of different goroutines) and runs `main_body`.
fn nested(
    globals: &str,
    [before, child1, after]: [&str; 3],
    child2: &str,
    main_body: &str,
) -> String {
    let all = format!("{before}{child1}{after}{child2}{main_body}");
    let mut imports = String::new();
    for (package, used) in [("fmt", "fmt."), ("sync", "wg.")] {
        if all.contains(used) {
            imports.push_str(&format!("\t\"{package}\"\n"));
        }
    }
    let wg = if all.contains("wg.") {
        "var wg sync.WaitGroup\n"
    } else {
        ""
    };
    format!(
        "package main\n\nimport (\n{imports})\n\n{wg}{globals}\n\n\
         func main() {{\n\tgo func() {{\n\t\t{before}\n\t\tgo func() {{\n\t\t\t{child1}\n\t\t}}()\n\
         \t\t{after}\n\t}}()\n\tgo func() {{\n\t\t{child2}\n\t}}()\n\t{main_body}\n}}\n"
    )
}

/// A grandchild and a child send on one channel: main receives them in either order.
#[test]
fn nested_senders_arrive_in_either_order() {
    let source = nested(
        "var ch = make(chan int)",
        ["", "ch <- 1", ""],
        "ch <- 2",
        "fmt.Println(<-ch, <-ch)",
    );
    let r = check_source(&source);
    assert_eq!(stdouts(&r), set(&["1 2\n", "2 1\n"]));
}

/// A grandchild and a child receive from one unbuffered channel (a send pairs with the
/// lowest-numbered receiver parked there, and the numbers depend on the order of the
/// creations), or from a buffered one (a send on the empty buffer hands its value to a
/// receiver blocked there): main's value reaches either.
#[test]
fn nested_receivers_get_the_value_in_either_order() {
    for globals in ["var ch = make(chan int)", "var ch = make(chan int, 1)"] {
        let source = nested(
            globals,
            ["", "fmt.Println(\"a\", <-ch)", ""],
            "fmt.Println(\"b\", <-ch)",
            "ch <- 1\n\tch <- 2",
        );
        let r = check_source(&source);
        let outs = stdouts(&r);
        for one in ["a 1\n", "b 1\n"] {
            assert!(outs.contains(one), "{one:?} missing: {outs:?}\n{source}");
        }
    }
}

/// A write before a creation in one goroutine and a read after a creation in another: the
/// two creations commute, so nothing orders the write and the read but their own race (when
/// creations were dependent, the later one happened after the earlier, and so did the read).
#[test]
fn accesses_around_creations_race() {
    let source = nested("var x int", ["x = 1", "", ""], "", "fmt.Println(x)");
    let r = check_source(&source);
    assert!(r.race, "{source}");
    let outs = stdouts(&r);
    assert!(outs.contains("0\n") && outs.contains("1\n"), "{outs:?}");
}

/// A grandchild writing a variable, its parent and a child of main printing it.
#[test]
fn nested_writes_and_prints_match_brute_force() {
    let source = nested(
        "var x int",
        ["", "x = 1", "fmt.Println(\"g\", x)"],
        "fmt.Println(\"c\", x)",
        "",
    );
    check_source(&source);
}
