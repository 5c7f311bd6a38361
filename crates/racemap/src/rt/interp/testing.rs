//! The methods of `testing.T` (`rt::testing`): logs with the caller's `FILE:LINE`, failing,
//! skipping, and `FailNow`/`SkipNow` ending the goroutine with `runtime.Goexit`.

use super::*;
use crate::rt::testing::TestState;

/// Whether `f` is a method of `testing.T` (each runs as a visible step).
pub(super) fn is_testing_method(f: LibFunc) -> bool {
    f.receiver() == Some(crate::types::SyncKind::TestingT)
}

impl Machine {
    /// Run method `func` of the `testing.T` at `p` for `gid`; its results.
    pub(super) fn testing_method(
        &mut self,
        gid: Gid,
        func: LibFunc,
        p: Pointer,
        args: &[Value],
    ) -> R<Vec<Value>> {
        use LibFunc::*;
        let text = match func {
            TestingLog | TestingError | TestingFatal | TestingSkip => {
                Some(self.sprint(&args[1..], true))
            }
            TestingLogf | TestingErrorf | TestingFatalf | TestingSkipf => {
                Some(self.sprintf(&args[1..])?)
            }
            _ => None,
        };
        let caller = self.test_caller(gid, &p)?;
        let line = text.map(|t| {
            let file = self.program.source_map.file_name.clone();
            TestState::decorate(&file, caller.1, &String::from_utf8_lossy(&t))
        });
        let SyncState::TestingT(t) = self.heap.sync_mut(&p)? else {
            return Err(RtError::nil_deref().into());
        };
        let mut results = Vec::new();
        let mut goexit = false;
        match func {
            TestingError | TestingErrorf | TestingFail => t.failed = true,
            TestingFatal | TestingFatalf | TestingFailNow => {
                t.failed = true;
                goexit = true;
            }
            TestingSkip | TestingSkipf | TestingSkipNow => {
                t.skipped = true;
                goexit = true;
            }
            TestingFailed => results.push(Value::Bool(t.failed)),
            TestingSkipped => results.push(Value::Bool(t.skipped)),
            TestingName => results.push(Value::str(&t.name)),
            TestingHelper => {
                if let Some(f) = caller.0 {
                    if !t.helpers.contains(&f) {
                        t.helpers.push(f);
                    }
                }
            }
            _ => {}
        }
        let chatty = t.chatty;
        if let Some(line) = line {
            if chatty {
                self.stdout.extend_from_slice(line.as_bytes());
            } else {
                t.output.push_str(&line);
            }
            self.emit(
                gid,
                Op::Print {
                    text: line,
                    stderr: false,
                },
                Vec::new(),
            );
        }
        if goexit {
            self.start_goexit(gid);
        }
        Ok(results)
    }

    /// The function calling the `testing.T` method (for `Helper`) and the line a log names:
    /// the call site in the innermost frame whose function is not a helper.
    fn test_caller(&self, gid: Gid, p: &Pointer) -> R<(Option<FuncId>, u32)> {
        let helpers = match self.heap.sync(p)? {
            SyncState::TestingT(t) => t.helpers.clone(),
            _ => Vec::new(),
        };
        let frames = &self.goroutines[gid.0 as usize].frames;
        let top = frames.last().map(|f| f.func);
        let at = frames
            .iter()
            .rev()
            .find(|f| !helpers.contains(&f.func))
            .or(frames.last());
        let line = at.map_or(0, |f| {
            let span = self.program.func(f.func).span_at(f.call_pc);
            self.program.source_map.line_col(span.lo).line
        });
        Ok((top, line))
    }
}
