//! Deaf channels decided on states: a heartbeat sends its count to `beats` (capacity `cap`)
//! until it blocks on `done` while `main` waits to print `start` (not yet waiting on `beats`,
//! which a send would hand its value to); which receives still to come leave `beats` deaf,
//! and from which buffered value on.

use super::Deaf;
use crate::rt::config::Config;
use crate::rt::machine::Machine;
use crate::rt::value::ChanId;
use std::rc::Rc;

/// The program: `heartbeat` sends 1, 2, 3 (dropped when `beats` is full), then blocks on
/// `done`; `main` runs `tail`, which prints `start` before anything else.
fn program(cap: u32, decls: &str, tail: &str) -> String {
    let tail = if decls.contains("start") {
        tail.to_string()
    } else {
        format!("\tfmt.Println(\"start\")\n{tail}")
    };
    format!(
        "package main\n\nimport \"fmt\"\n\n{decls}\n\
         func heartbeat(beats chan<- int, done chan<- bool) {{\n\tn := 0\n\
         \tfor j := 0; j < 3; j++ {{\n\t\tn++\n\t\tselect {{\n\t\tcase beats <- n:\n\
         \t\tdefault:\n\t\t}}\n\t}}\n\tdone <- true\n}}\n\nfunc main() {{\n\
         \tbeats, done := make(chan int, {cap}), make(chan bool)\n\tgo heartbeat(beats, done)\n\
         {tail}\tfmt.Println(\"end\")\n}}\n"
    )
}

/// The deaf channels once every goroutine but `main` is blocked: the others move first.
fn deaf_when_main_alone(source: &str) -> Deaf {
    let program = crate::compile::compile(source).unwrap_or_else(|e| panic!("{e:?}\n{source}"));
    let mut m = Machine::new(Rc::new(program), Config::default());
    for _ in 0..1000 {
        let choices = m.runnable();
        let others: Vec<_> = choices.iter().filter(|c| c.gid.0 != 0).collect();
        if m.goroutine_count() > 1 && others.is_empty() {
            return m.deaf_for_key();
        }
        let pick = others.first().copied().or(choices.first()).copied();
        m.step(pick.expect("main can move"));
    }
    panic!("main never alone on\n{source}");
}

/// `beats` (the first channel made) with the values that may still be received, if deaf.
fn beats(source: &str) -> Option<u32> {
    deaf_when_main_alone(source).heard(ChanId(0))
}

#[test]
fn a_receiver_with_fewer_receives_to_come_than_values_buffered_leaves_the_rest_unheard() {
    let once = "\tx := <-beats\n\t<-done\n\tfmt.Println(x)\n";
    assert_eq!(beats(&program(1, "", once)), Some(1));
    assert_eq!(
        beats(&program(2, "", once)),
        Some(1),
        "the second buffered value is unheard"
    );
    assert_eq!(
        beats(&program(
            2,
            "",
            "\tx, y := <-beats, <-beats\n\tfmt.Println(x, y)\n"
        )),
        Some(2)
    );
    let select = "\tselect {\n\tcase x := <-beats:\n\t\tfmt.Println(x)\n\tcase <-done:\n\t}\n";
    assert_eq!(beats(&program(1, "", select)), Some(1));
    let callee = "func first(c <-chan int) int {\n\tfmt.Println(\"start\")\n\treturn <-c\n}\n";
    assert_eq!(
        beats(&program(1, callee, "\tfmt.Println(first(beats))\n")),
        Some(1),
        "main passed the channel and reads it no more; its callee receives once"
    );
    assert_eq!(
        beats(&program(1, "", "\t<-done\n")),
        Some(0),
        "no receiver: deaf"
    );
    let closes = "\tx := <-beats\n\tclose(beats)\n\tfmt.Println(x, len(beats))\n";
    assert_eq!(
        beats(&program(1, "", closes)),
        Some(1),
        "close and len receive nothing"
    );
}

#[test]
fn more_receives_to_come_a_loop_or_a_channel_passed_on_leave_it_heard() {
    for (decls, tail) in [
        ("", "\tx, y := <-beats, <-beats\n\tfmt.Println(x, y)\n"),
        (
            "",
            "\tx := 0\n\tfor i := 0; i < 1; i++ {\n\t\tx += <-beats\n\t}\n\tfmt.Println(x)\n",
        ),
        ("", "\tfor x := range beats {\n\t\tfmt.Println(x)\n\t}\n"),
        (
            "var keep chan int\n",
            "\tx := <-beats\n\tkeep = beats\n\tfmt.Println(x)\n",
        ),
        (
            "",
            "\tx := <-beats\n\tgo func(c chan int) {\n\t\tfmt.Println(<-c)\n\t}(beats)\n\
             \tfmt.Println(x)\n",
        ),
        (
            "",
            "\tx := <-beats\n\tcc := make(chan chan int, 1)\n\tcc <- beats\n\
             \tfmt.Println(x, <-<-cc)\n",
        ),
        (
            "func twice(c <-chan int) int {\n\tfmt.Println(\"start\")\n\treturn <-c + <-c\n}\n",
            "\tfmt.Println(twice(beats))\n",
        ),
    ] {
        let source = program(1, decls, tail);
        assert_eq!(beats(&source), None, "{source}");
    }
}
