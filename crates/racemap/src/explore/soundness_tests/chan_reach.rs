//! Channel steps explored alone where no other goroutine can reach the channel
//! (`target::chan_reach`): the request/reply shape (clients each with a reply channel of its
//! own and a shared request channel), channels that change hands later (through a channel's
//! buffer, a variable under a lock), and random programs whose goroutines each own a channel
//! and may publish it, all against brute force.

use super::*;
use proptest::prelude::*;

/// Two clients (main and a goroutine) send a request carrying a reply channel of their own
/// to an owner, which answers each on its reply channel with the request's rank: either
/// client can be first.
#[test]
fn requests_with_reply_channels_of_their_own_arrive_in_either_order() {
    let source = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\
                  \treqs := make(chan chan int, 2)\n\tgo func() {\n\
                  \t\tfor i := 1; i <= 2; i++ {\n\t\t\tr := <-reqs\n\t\t\tr <- i\n\t\t}\n\
                  \t}()\n\tgo func() {\n\t\treply := make(chan int, 1)\n\t\treqs <- reply\n\
                  \t\tfmt.Println(\"g\", <-reply)\n\t}()\n\treply := make(chan int, 1)\n\
                  \treqs <- reply\n\tfmt.Println(\"main\", <-reply)\n}\n";
    let r = check_source(source);
    let outs = stdouts(&r);
    for out in ["main 1\n", "main 2\n", "g 1\nmain 2\n", "g 2\nmain 1\n"] {
        assert!(outs.contains(out), "{out:?} not in {outs:?}");
    }
}

/// Main's channel is in another channel's buffer when main sends on it: the goroutine that
/// receives it can send first.
#[test]
fn a_channel_in_a_buffer_reaches_its_receiver() {
    let source = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tc := make(chan int, 2)\n\
                  \td := make(chan chan int, 1)\n\tgo func() {\n\t\tch := <-d\n\t\tch <- 2\n\t}()\n\
                  \td <- c\n\tc <- 1\n\tfmt.Println(<-c)\n}\n";
    let r = check_source(source);
    assert_eq!(stdouts(&r), set(&["1\n", "2\n"]));
}

/// Main publishes its channel in a variable under a lock: the goroutine that reads it there
/// can send on it before main does, or find nothing.
#[test]
fn a_channel_published_under_a_lock_reaches_its_reader() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\
                  \tvar mu sync.Mutex\n\tvar shared chan int\n\tc := make(chan int, 2)\n\
                  \tdone := make(chan bool)\n\tgo func() {\n\t\tmu.Lock()\n\t\tch := shared\n\
                  \t\tmu.Unlock()\n\t\tif ch != nil {\n\t\t\tch <- 2\n\t\t}\n\t\tdone <- true\n\
                  \t}()\n\tmu.Lock()\n\tshared = c\n\tmu.Unlock()\n\tc <- 1\n\t<-done\n\
                  \tfmt.Println(len(c), <-c)\n}\n";
    let r = check_source(source);
    assert_eq!(stdouts(&r), set(&["1 1\n", "2 1\n", "2 2\n"]));
}

/// A statement for goroutine `id` (1 or 2; main is 0), which owns the buffered channel `p`;
/// `cc` carries channels between goroutines, `ch` and `bc` are shared.
fn statement(kind: u8, id: u32) -> String {
    match kind {
        0 => format!("ch <- {id}"),
        1 => "fmt.Println(\"recv\", <-ch)".to_string(),
        2 => format!("bc <- {id}"),
        3 => "fmt.Println(\"brecv\", <-bc)".to_string(),
        4 => format!("select {{\n\tcase p <- {id}:\n\tdefault:\n\t\tfmt.Println(\"pfull\")\n\t}}"),
        5 => "select {\n\tcase v := <-p:\n\t\tfmt.Println(\"p\", v)\n\tdefault:\n\t\tfmt.Println(\"pempty\")\n\t}".to_string(),
        6 => "cc <- p".to_string(),
        7 => format!("q := <-cc\n\tselect {{\n\tcase q <- {id}:\n\tdefault:\n\t\tfmt.Println(\"qfull\")\n\t}}"),
        8 => "fmt.Println(\"len\", len(p))".to_string(),
        9 => format!("p <- {id}"),
        10 => "fmt.Println(\"own\", <-p)".to_string(),
        _ => "close(p)".to_string(),
    }
}

const KINDS: u8 = 12;

/// A program of these statements: `g1`, `g2` and main each own a `p`.
fn program(main_ops: &[u8], g1: &[u8], g2: &[u8]) -> String {
    let body = |ops: &[u8], id: u32| -> String {
        ops.iter()
            .map(|k| format!("\t{{\n\t{}\n\t}}\n", statement(*k, id)))
            .collect()
    };
    let own = "\tp := make(chan int, 1)\n\t_ = p\n";
    let (g1, g2, main_ops) = (body(g1, 1), body(g2, 2), body(main_ops, 0));
    let fmt = if [&g1, &g2, &main_ops].iter().any(|b| b.contains("fmt.")) {
        "import \"fmt\"\n\n"
    } else {
        ""
    };
    format!(
        "package main\n\n{fmt}\
         func g1(ch, bc chan int, cc chan chan int) {{\n{own}{}}}\n\n\
         func g2(ch, bc chan int, cc chan chan int) {{\n{own}{}}}\n\n\
         func main() {{\n\tch := make(chan int)\n\tbc := make(chan int, 1)\n\
         \tcc := make(chan chan int, 1)\n{own}\tgo g1(ch, bc, cc)\n\tgo g2(ch, bc, cc)\n{}}}\n",
        g1, g2, main_ops,
    )
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(40),
        ..ProptestConfig::default()
    })]
    #[test]
    fn searches_find_every_outcome_with_channels_of_their_own(
        main_ops in proptest::collection::vec(0..KINDS, 0..3),
        g1 in proptest::collection::vec(0..KINDS, 1..4),
        g2 in proptest::collection::vec(0..KINDS, 1..4),
    ) {
        let source = program(&main_ops, &g1, &g2);
        let m = machine(&source);
        // Programs with too many interleavings to enumerate say nothing: skip them.
        if let Some(reference) = Reference::of(&m, 40_000) {
            for search in [SearchAlgorithm::Auto, SearchAlgorithm::Dpor, SearchAlgorithm::Stateful] {
                let r = explore(m.clone(), &searching(search));
                prop_assert!(r.complete, "{:?} incomplete on\n{}", search, source);
                reference.assert_matches(&r, &source);
            }
        }
    }
}
