//! How much the search explores: n = 4 goroutines that each do one operation and are joined by
//! one `wg.Add(n)`. The join alone takes [`JOIN`] executions; where the operations commute they
//! add none, where they don't, at most one per order of the n operations (n! = 24).

use super::{explore, DporConfig};
use crate::rt::{config::Config, machine::Machine};
use std::rc::Rc;

/// The program: four goroutines run `statement` (with `import`s), main waits for them.
fn joined(statement: &str, import: &str) -> String {
    let imports: String = ["\"sync\"", import]
        .iter()
        .filter(|i| !i.is_empty())
        .map(|i| format!("\t{i}\n"))
        .collect();
    format!(
        "package main\n\nimport (\n{imports})\n\n\
         var wg sync.WaitGroup\nvar mu sync.Mutex\nvar sm sync.Map\nvar a int32\n\
         var m = map[int]int{{0: 1}}\nvar bc = make(chan int, 4)\n\n\
         func main() {{\n\tsm.Store(0, 1)\n\twg.Add(4)\n\tfor i := 0; i < 4; i++ {{\n\
         \t\tgo func() {{\n\t\t\t{statement}\n\t\t\twg.Done()\n\t\t}}()\n\t}}\n\twg.Wait()\n}}\n"
    )
}

/// Executions of the join alone: main's `Wait` registers before the last `Done` (and blocks
/// until woken) or finds the counter at zero, and with a waiter registered either of the last
/// two `Done`s can be the one that wakes it (Go 1.19's WaitGroup state machine).
const JOIN: u64 = 4;

fn executions(statement: &str, import: &str) -> u64 {
    let source = joined(statement, import);
    let program = crate::compile::compile(&source)
        .unwrap_or_else(|e| panic!("test program does not compile: {e:?}\n{source}"));
    let r = explore(
        Machine::new(Rc::new(program), Config::default()),
        &DporConfig::default(),
    );
    assert!(r.complete, "incomplete on\n{source}");
    assert!(!r.race, "no race in\n{source}");
    r.executions
}

#[test]
fn operations_that_commute_are_explored_once() {
    assert_eq!(executions("", ""), JOIN, "goroutines that only exit");
    assert_eq!(executions("_ = m[0]", ""), JOIN, "map reads");
    assert_eq!(
        executions("_ = atomic.LoadInt32(&a)", "\"sync/atomic\""),
        JOIN,
        "atomic loads"
    );
}

#[test]
fn operations_that_conflict_are_explored_once_per_order_at_most() {
    for (statement, import) in [
        ("mu.Lock()\n\t\t\tmu.Unlock()", ""),
        ("atomic.AddInt32(&a, 1)", "\"sync/atomic\""),
        ("fmt.Println(1)", "\"fmt\""),
        ("bc <- 1", ""),
    ] {
        let n = executions(statement, import);
        assert!(n <= 24 * JOIN, "{n} executions for `{statement}`");
    }
}
