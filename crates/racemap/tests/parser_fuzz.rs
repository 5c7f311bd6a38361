//! The parser never panics, always terminates, and keeps its output invariants for any input:
//! random text, soups of Go tokens, and valid programs mutated by deleting, duplicating,
//! swapping and inserting pieces.
//!
//! Invariants checked on every input: every diagnostic and node span lies within the source (on
//! character boundaries); node ids are
//! exactly `0..node_count` (unique and dense); no two consecutive syntax errors on one line.
//!
//! Run longer with `PROPTEST_CASES=20000 cargo test -p racemap --test parser_fuzz`.

mod support;

use proptest::prelude::*;
use racemap::lang::parser::parse;

/// Realistic programs to mutate (written for this test).
const SEEDS: &[&str] = &[
    r#"package main

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu   sync.RWMutex
	data map[string]int
}

func (c *Cache) Get(k string) (int, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.data[k]
	return v, ok
}

func main() {
	c := &Cache{data: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			c.mu.Lock()
			c.data[fmt.Sprint(n)] = n * n
			c.mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println(len(c.data))
}
"#,
    r#"package main

import "fmt"

type Point struct{ X, Y int }

const (
	A = iota
	B
	C
)

func main() {
	ps := []Point{{1, 2}, {X: 3}}
	m := map[string]Point{"a": {1, 2}}
	ch := make(chan int, 2)
	done := make(chan struct{})
	go func() {
		for v := range ch {
			fmt.Println(v)
		}
		close(done)
	}()
	select {
	case ch <- len(ps):
	case v, ok := <-ch:
		_, _ = v, ok
	default:
	}
	var x interface{} = m["a"]
	switch v := x.(type) {
	case Point:
		fmt.Println(v.X + v.Y*2 - -1)
	case nil, int:
	}
	if p, ok := x.(Point); ok && p.X == (Point{}).X {
		ps = append(ps[:1], ps[1:]...)
	} else if len(ps) > 0 {
		goto end
	}
end:
	close(ch)
	<-done
}
"#,
    r#"package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

var counter int64

func worker(id int, jobs <-chan int, results chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		atomic.AddInt64(&counter, 1)
		time.Sleep(time.Millisecond)
		results <- fmt.Sprintf("%d:%d", id, j)
	}
}

func main() {
	var sm sync.Map
	sm.Store("k", 1)
	sm.Range(func(key, value interface{}) bool {
		fmt.Printf("%s: %v\n", key, value)
		return true
	})
	jobs := make(chan int)
	results := make(chan string, 10)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for j := range 5 {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
outer:
	for {
		select {
		case r := <-results:
			fmt.Println(r)
		default:
			break outer
		}
	}
}
"#,
];

/// Go tokens and fragments for token soups.
const TOKENS: &[&str] = &[
    "package",
    "main",
    "import",
    "\"fmt\"",
    "func",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ",",
    ";",
    ":",
    ".",
    "...",
    "=",
    ":=",
    "+=",
    "++",
    "--",
    "<-",
    "*",
    "&",
    "+",
    "-",
    "!",
    "^",
    "&^",
    "<<",
    "==",
    "!=",
    "<",
    "<=",
    "&&",
    "||",
    "|",
    "%",
    "/",
    "var",
    "const",
    "type",
    "struct",
    "interface",
    "map",
    "chan",
    "go",
    "defer",
    "return",
    "if",
    "else",
    "for",
    "range",
    "switch",
    "case",
    "default",
    "select",
    "break",
    "continue",
    "goto",
    "fallthrough",
    "x",
    "y",
    "T",
    "int",
    "string",
    "1",
    "0x1F",
    "1.5",
    "2i",
    "'a'",
    "\"s\"",
    "`raw`",
    "\n",
    "\n",
    " ",
    "\t",
    "//c\n",
    "/*c*/",
    "/*\n*/",
    "_",
    "nil",
    "iota",
    "@",
    "'",
    "\"",
    "`",
    "~",
    "0b",
    "1e",
    "\\",
];

/// Compile `src`; a failure must come with diagnostics inside the source, a success must run
/// to an end (any end: exit, Go error, racemap limit) under small limits without panicking.
fn compile_and_run(src: &str, seed: u64) {
    match racemap::compile::compile(src) {
        Err(diags) => {
            assert!(
                !diags.is_empty(),
                "compile failed without diagnostics:\n{src}"
            );
            for d in &diags {
                assert!(
                    d.span.hi as usize <= src.len(),
                    "diagnostic span past the end: {d:?}"
                );
            }
        }
        Ok(program) => {
            let config = racemap::rt::config::Config {
                max_steps: 2_000,
                max_instructions_per_step: 20_000,
                max_goroutines: 100,
                ..Default::default()
            };
            let machine = racemap::rt::machine::Machine::new(std::rc::Rc::new(program), config);
            let run_config = racemap::run::RunConfig {
                seed,
                max_steps: 2_000,
                ..Default::default()
            };
            let result = racemap::run::run(machine, &run_config);
            assert!(
                result.exit_code.is_some(),
                "the run must end: {:?}",
                result.end
            );
        }
    }
}

fn check_invariants(src: &str) {
    let (file, diags) = parse(src);
    let in_source = |lo: u64, hi: u64| {
        lo <= hi
            && hi as usize <= src.len()
            && src.is_char_boundary(lo as usize)
            && src.is_char_boundary(hi as usize)
    };
    for d in &diags {
        assert!(
            in_source(d.span.lo.into(), d.span.hi.into()),
            "diagnostic span outside the source: {d:?}"
        );
    }
    // Ids: exactly 0..node_count.
    let (nodes, spans) = support::ast_nodes::nodes_and_spans(&file);
    let mut ids: Vec<u64> = nodes.iter().map(|n| u64::from(n.id)).collect();
    ids.sort_unstable();
    for (lo, hi) in spans {
        assert!(
            in_source(lo.into(), hi.into()),
            "node span {lo}..{hi} outside the source"
        );
    }
    let expected: Vec<u64> = (0..u64::from(file.node_count)).collect();
    assert_eq!(ids, expected, "node ids are not exactly 0..node_count");
    // Go's rule: a syntax error on the same line as the previous one is dropped.
    let lines: Vec<usize> = diags
        .iter()
        .filter(|d| d.message.starts_with("syntax error"))
        .map(|d| {
            src[..(d.span.lo as usize).min(src.len())]
                .matches('\n')
                .count()
        })
        .collect();
    assert!(
        lines.windows(2).all(|w| w[0] != w[1]),
        "two consecutive syntax errors on one line: {diags:?}"
    );
}

/// One edit of a program, positions as fractions of its length.
#[derive(Clone, Debug)]
enum Mutation {
    Delete { at: u16, len: u8 },
    Duplicate { at: u16, len: u8, to: u16 },
    Swap { a: u16, b: u16, len: u8 },
    Insert { at: u16, token: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<u16>(), 1..40u8).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<u16>(), 1..60u8, any::<u16>()).prop_map(|(at, len, to)| Mutation::Duplicate {
            at,
            len,
            to
        }),
        (any::<u16>(), any::<u16>(), 1..30u8).prop_map(|(a, b, len)| Mutation::Swap { a, b, len }),
        (any::<u16>(), 0..TOKENS.len()).prop_map(|(at, token)| Mutation::Insert { at, token }),
    ]
}

fn pos(frac: u16, len: usize) -> usize {
    (frac as usize * len) / (u16::MAX as usize + 1)
}

fn apply(seed: &str, mutations: &[Mutation]) -> String {
    let mut chars: Vec<char> = seed.chars().collect();
    for m in mutations {
        let n = chars.len();
        match *m {
            Mutation::Delete { at, len } => {
                let a = pos(at, n);
                let b = (a + len as usize).min(n);
                chars.drain(a..b);
            }
            Mutation::Duplicate { at, len, to } => {
                let a = pos(at, n);
                let b = (a + len as usize).min(n);
                let piece: Vec<char> = chars[a..b].to_vec();
                let t = pos(to, n);
                chars.splice(t..t, piece);
            }
            Mutation::Swap { a, b, len } => {
                let (mut a, mut b) = (pos(a, n), pos(b, n));
                if a > b {
                    std::mem::swap(&mut a, &mut b);
                }
                let len = (len as usize).min(b - a).min(n - b);
                for i in 0..len {
                    chars.swap(a + i, b + i);
                }
            }
            Mutation::Insert { at, token } => {
                let a = pos(at, n);
                chars.splice(a..a, TOKENS[token].chars());
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn random_text_never_breaks_the_parser(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check_invariants(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn token_soup_never_breaks_the_parser(tokens in proptest::collection::vec(0..TOKENS.len(), 0..400)) {
        let mut src = String::new();
        for t in tokens {
            src.push_str(TOKENS[t]);
            src.push(' ');
        }
        check_invariants(&src);
    }

    #[test]
    fn token_soup_after_a_package_clause_never_breaks_the_parser(
        tokens in proptest::collection::vec(0..TOKENS.len(), 0..400)
    ) {
        let mut src = String::from("package main\n\nfunc main() {\n");
        for t in tokens {
            src.push_str(TOKENS[t]);
            src.push(' ');
        }
        check_invariants(&src);
    }

    /// The whole pipeline on mutated programs: compile (parse, check, lower) either fails with
    /// positioned diagnostics or yields a program that runs within racemap's limits.
    #[test]
    fn mutated_programs_never_break_the_compiler_or_the_runtime(
        seed in 0..SEEDS.len(),
        mutations in proptest::collection::vec(mutation(), 1..8),
        schedule_seed in any::<u64>()
    ) {
        compile_and_run(&apply(SEEDS[seed], &mutations), schedule_seed);
    }

    #[test]
    fn token_soup_in_a_function_never_breaks_the_compiler(
        tokens in proptest::collection::vec(0..TOKENS.len(), 0..200)
    ) {
        let mut src = String::from("package main\n\nimport \"fmt\"\n\nfunc main() {\n");
        for t in tokens {
            src.push_str(TOKENS[t]);
            src.push(' ');
        }
        src.push_str("\nfmt.Println()\n}\n");
        compile_and_run(&src, 0);
    }

    #[test]
    fn mutated_programs_never_break_the_parser(
        seed in 0..SEEDS.len(),
        mutations in proptest::collection::vec(mutation(), 1..8)
    ) {
        check_invariants(&apply(SEEDS[seed], &mutations));
    }
}

#[test]
fn the_seed_programs_parse_without_errors() {
    for seed in SEEDS {
        let (_, diags) = parse(seed);
        assert!(diags.is_empty(), "{diags:?}");
        check_invariants(seed);
    }
}

#[test]
fn a_64_kib_input_parses_quickly_and_boundedly() {
    // Large inputs: many copies of a seed body, a long soup, and pathological repetition.
    let big = SEEDS[1].repeat(64 * 1024 / SEEDS[1].len());
    check_invariants(&big);
    check_invariants(&"x".repeat(64 * 1024));
    check_invariants(&"{".repeat(64 * 1024));
    check_invariants(&"\"".repeat(64 * 1024));
    check_invariants(&"/*".repeat(32 * 1024));
    check_invariants(&format!(
        "package main\nfunc main() {{\n{}",
        "x := 1 +\n".repeat(6000)
    ));
    check_invariants(&format!("package main\nvar x = {}", "[]".repeat(30_000)));
}

#[test]
fn inputs_found_by_fuzzing_keep_the_invariants() {
    // A composite literal cut off by the end of the file: its closing-brace span was past the
    // end of the source.
    check_invariants("package main\n\nfunc main() {\n<- package ` ` var break \n main { , ");
    check_invariants("package main\nvar x = T{");
    // Syntax errors reported out of position order (a header's condition is checked after its
    // post statement): Go drops an error only when it is on the previous error's line.
    check_invariants("package main\nfunc main() {\n\tfor je(chan int)\n\tr := make(chan string, 10)\n\tvar wg sync.WaitGroup\n}\n");
}
