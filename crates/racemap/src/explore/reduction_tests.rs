//! How much the search explores: the table of issue 13. n = 4 goroutines each do one operation
//! and are joined in one of three ways (a `wg.Add(1)` per goroutine, one `wg.Add(4)`, a done
//! channel per goroutine). Where the operations commute the search takes no more executions than
//! the join alone ([`JOIN`]: 1 for done channels); where they do not, one per order of the four
//! operations (4! = 24) times the join's; and never a path it then drops because every move
//! sleeps (optimal DPOR: wakeup trees).

use super::dpor::SearchStats;
use super::{DporConfig, Explorer, SearchAlgorithm};
use crate::rt::{config::Config, machine::Machine};
use std::rc::Rc;

/// How main starts the goroutines and waits for them.
#[derive(Clone, Copy, Debug)]
enum Join {
    /// `wg.Add(1)` before each `go`, `wg.Wait()`.
    AddEach,
    /// One `wg.Add(4)`, `wg.Wait()`.
    AddAll,
    /// Goroutine `i` closes `done[i]`; main receives from each in turn.
    DoneChannels,
}

/// The program: four goroutines run `statement` (with `import`s), main joins them.
fn joined(statement: &str, import: &str, join: Join) -> String {
    let imports: String = ["\"sync\"", import]
        .iter()
        .filter(|i| !i.is_empty())
        .map(|i| format!("\t{i}\n"))
        .collect();
    let (before, add, signal, wait) = match join {
        Join::AddEach => ("", "\t\twg.Add(1)\n", "wg.Done()", "\twg.Wait()\n"),
        Join::AddAll => ("\twg.Add(4)\n", "", "wg.Done()", "\twg.Wait()\n"),
        Join::DoneChannels => (
            "",
            "",
            "close(done[i])",
            "\tfor i := 0; i < 4; i++ {\n\t\t<-done[i]\n\t}\n",
        ),
    };
    format!(
        "package main\n\nimport (\n{imports})\n\n\
         var wg sync.WaitGroup\nvar mu sync.Mutex\nvar rw sync.RWMutex\nvar sm sync.Map\n\
         var a int32\nvar m = map[int]int{{0: 1}}\nvar bc = make(chan int, 4)\n\
         var done = []chan bool{{make(chan bool), make(chan bool), make(chan bool), make(chan bool)}}\n\n\
         func main() {{\n\tsm.Store(0, 1)\n\tsm.Load(0)\n{before}\tfor i := 0; i < 4; i++ {{\n{add}\
         \t\tgo func(i int) {{\n\t\t\t{statement}\n\t\t\t{signal}\n\t\t}}(i)\n\t}}\n{wait}}}\n"
    )
}

/// Explore the program to the end (or the default budget); its search statistics and whether
/// the search was complete.
fn stats(statement: &str, import: &str, join: Join) -> (SearchStats, bool) {
    let source = joined(statement, import, join);
    let program = crate::compile::compile(&source)
        .unwrap_or_else(|e| panic!("test program does not compile: {e:?}\n{source}"));
    let mut explorer = Explorer::new(
        Machine::new(Rc::new(program), Config::default()),
        // DPOR's own reduction is what this table measures.
        &DporConfig {
            search: SearchAlgorithm::Dpor,
            ..DporConfig::default()
        },
    );
    explorer.advance(u64::MAX);
    let r = explorer.result();
    assert!(!r.race, "no race in\n{source}");
    assert!(
        r.outcomes.iter().all(|o| o.error.is_none()),
        "no failure in\n{source}"
    );
    (explorer.stats(), r.complete)
}

/// Executions the join alone takes, per join (`AddEach`, `AddAll`, `DoneChannels`), under
/// Go 1.19's WaitGroup: the `Done` that brings the counter to zero while `Wait` is registered
/// wakes it in its own goroutine, in a second step (a concurrent `Add` in between makes that
/// goroutine panic), so which goroutine's `Done` is last is a distinct execution: 4 of them,
/// and 1 where `Wait` finds the counter at zero (5 with one `Add(4)`). With an `Add(1)` per
/// goroutine, whether the counter fell to zero before the next `Add` (an `Add` from zero is a
/// read of the WaitGroup that a concurrent `Wait` would race with) is distinct too. Done
/// channels join in one execution.
const JOIN: [u64; 3] = [14, 5, 1];

/// The operations of the table: 1 order where they commute, 4! = 24 where they conflict (and
/// 4! * 4! for fmt's prints, see [`PRINTS`]).
const ROWS: &[(&str, &str, u64)] = &[
    ("", "", 1),
    ("_ = atomic.LoadInt32(&a)", "\"sync/atomic\"", 1),
    ("rw.RLock()\n\t\t\trw.RUnlock()", "", 1),
    ("_ = m[0]", "", 1),
    // main's own `Load` after the `Store` promoted the key to the read map: these hit it
    // lock-free.
    ("_, _ = sm.Load(0)", "", 1),
    ("mu.Lock()\n\t\t\tmu.Unlock()", "", 24),
    ("atomic.AddInt32(&a, 1)", "\"sync/atomic\"", 24),
    ("println(1)", "", 24),
    // A print by fmt is two steps on os.Stdout's lock (`rt::interp::file`): the lock attempt,
    // which takes the lock and writes or registers as a waiter, and the unlock. Which holder's
    // unlock a goroutine's registration precedes shows to the race detector (the unlock
    // acquires it): the k-th goroutine to take the lock arrived during one of the k - 1 earlier
    // holds or after the last of them, so 4! orders times 4! arrivals.
    ("fmt.Println(1)", "\"fmt\"", 576),
    ("bc <- 1", "", 24),
];

/// Executions of conflicting operations, per join: at most one per order of the operations
/// and execution of the join (`24 * JOIN`); with an `Add(1)` per goroutine fewer, because a
/// goroutine done before the next `Add` leaves fewer orders of the `Done`s.
const CONFLICTING: [u64; 3] = [152, 120, 24];

/// Executions of four prints by fmt, per join: one per order and arrivals (576) and execution
/// of the join, fewer with an `Add(1)` per goroutine (as [`CONFLICTING`]).
const PRINTS: [u64; 3] = [3038, 2880, 576];

#[test]
fn the_issue_table_reads_one_where_operations_commute_and_n_factorial_where_not() {
    let mut failures = Vec::new();
    let mut table = String::new();
    for &(statement, import, orders) in ROWS {
        let mut row = format!("{:<40}", statement.replace("\n\t\t\t", "; "));
        let joins = [Join::AddEach, Join::AddAll, Join::DoneChannels];
        for (k, join) in joins.into_iter().enumerate() {
            let (s, complete) = stats(statement, import, join);
            let needed = match orders {
                1 => JOIN[k],
                24 => {
                    assert!(CONFLICTING[k] <= orders * JOIN[k]);
                    CONFLICTING[k]
                }
                _ => {
                    assert!(PRINTS[k] <= orders * JOIN[k]);
                    PRINTS[k]
                }
            };
            row.push_str(&format!(
                " {:>6} ({} blocked)",
                s.executions, s.sleep_blocked
            ));
            if !complete || s.executions != needed || s.sleep_blocked != 0 {
                failures.push(format!(
                    "`{statement}` joined by {join:?}: {} executions ({} sleep-set blocked{}), {needed} needed",
                    s.executions, s.sleep_blocked, if complete { "" } else { ", incomplete" }
                ));
            }
        }
        table.push_str(&row);
        table.push('\n');
    }
    assert!(failures.is_empty(), "{}\n{table}", failures.join("\n"));
}
