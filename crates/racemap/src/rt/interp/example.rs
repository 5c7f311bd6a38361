//! The examples of a test file (`lang::lower::runner`'s `testing.runExample`), as Go 1.19's
//! `testing.runExample` and `processRunResult` run them: `=== RUN` with -v, then the
//! example's stdout is captured (Go points `os.Stdout` at a pipe, read by a goroutine that
//! takes a goroutine number) until the example returns or panics; then what it printed,
//! trimmed, is compared with its output comment, trimmed (`Unordered output:`: their lines
//! sorted). A mismatch prints `--- FAIL: ExampleX (0.00s)` with `got:`/`want:` and fails the
//! binary (the root `T`); a match prints `--- PASS` with -v. A panicking example prints
//! `--- FAIL` alone and its panic goes on.
//!
//! Left out: the pipe's race annotations (`syscall.Read` acquires what every `syscall.Write`
//! released, `ioSync`: the main goroutine, once it has the captured text, is ordered after
//! every write to any file before the pipe's last read); racemap adds no such order.

use super::*;
use crate::rt::testing::TestState;

impl Machine {
    /// `TestingExampleStart(root, i)` and `TestingExampleEnd(root, i)`.
    pub(super) fn testing_example(
        &mut self,
        gid: Gid,
        func: LibFunc,
        args: &[Value],
    ) -> R<Vec<Value>> {
        let root = match args.first() {
            Some(Value::Ptr(Some(p))) => p.clone(),
            _ => return Err(RtError::nil_deref().into()),
        };
        let i = usize::try_from(int(arg(args, 1)?)?).unwrap_or(usize::MAX);
        let Some(test) = self.program.tests.get(i) else {
            return Err(missing("an example").into());
        };
        let Some(output) = test.example.clone() else {
            return Err(missing("an example's output").into());
        };
        let name = test.name.clone();
        let chatty = self.program.test_binary.as_ref().is_none_or(|b| b.chatty);
        let mut text = String::new();
        if func == LibFunc::TestingExampleStart {
            if chatty {
                self.stdout
                    .extend_from_slice(format!("=== RUN   {name}\n").as_bytes());
            }
            self.capture = Some(Vec::new());
            // The goroutine copying the pipe takes a number (the race detector counts it
            // at this step's `Op::Runtime`).
            self.go_ids_taken += 1;
        } else {
            let stdout = self.capture.take().unwrap_or_default();
            let stdout = String::from_utf8_lossy(&stdout);
            let g = &self.goroutines[gid.0 as usize];
            let (unfinished, panicked) = match &g.panicking {
                Some(p) if !p.recovered => (true, !p.goexit),
                _ => (false, false),
            };
            let (got, want) = (stdout.trim(), output.want.trim());
            let fail = if panicked {
                String::new()
            } else if output.unordered {
                if sort_lines(got) != sort_lines(want) {
                    format!("got:\n{stdout}\nwant (unordered):\n{}\n", output.want)
                } else {
                    String::new()
                }
            } else if got != want {
                format!("got:\n{got}\nwant:\n{want}\n")
            } else {
                String::new()
            };
            if panicked {
                // `processRunResult` re-panics with the recovered value.
                self.repanic(
                    gid,
                    &[
                        "testing.(*InternalExample).processRunResult",
                        "testing.runExample.func2",
                    ],
                );
            }
            if !fail.is_empty() || unfinished {
                text = format!("--- FAIL: {name} (0.00s)\n{fail}");
                let SyncState::TestingT(t) = self.heap.sync_mut(&root)? else {
                    return Err(RtError::nil_deref().into());
                };
                set_failed(t, name);
            } else if chatty {
                text = format!("--- PASS: {name} (0.00s)\n");
            }
        }
        if text.is_empty() {
            self.emit(
                gid,
                Op::Runtime {
                    call: func.spec().name,
                    arg: None,
                    result: None,
                },
                Vec::new(),
            );
        } else {
            self.print_stdout(gid, text, Vec::new());
        }
        Ok(Vec::new())
    }
}

/// The root `T` fails: example `name` failed.
fn set_failed(root: &mut TestState, name: String) {
    root.failed = true;
    root.failed_examples.push(name);
}

/// Go's `sortLines`: the lines of `s` sorted (by bytes), joined again.
fn sort_lines(s: &str) -> String {
    let mut lines: Vec<&str> = s.split('\n').collect();
    lines.sort_unstable();
    lines.join("\n")
}
