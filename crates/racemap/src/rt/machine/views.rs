//! Read-only views of the machine for the UI and snapshots: goroutines with their state and
//! stacks, maps, channels and sync objects.

use super::*;

/// A goroutine as the UI shows it.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct GoroutineView {
    /// Machine index.
    pub gid: Gid,
    /// Go's number.
    pub go_id: u64,
    /// `running`/`runnable`, `chan send`, `sleep`, `done`, …
    pub state: String,
    /// Call stack, innermost first.
    pub stack: Vec<StackFrame>,
    /// The next operation, when alive.
    pub pending: Option<PendingOp>,
}

/// A map as the UI shows it.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct MapView {
    /// Its id.
    pub id: MapId,
    /// Entries in key order, formatted with `%v`.
    pub entries: Vec<(String, String)>,
    /// The goroutine inside a write (Go's writing flag), if any.
    pub writer: Option<Gid>,
}

/// A channel as the UI shows it.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct ChanView {
    /// Its id.
    pub id: ChanId,
    /// Capacity.
    pub cap: u32,
    /// Buffered values, formatted with `%v`.
    pub buffer: Vec<String>,
    /// Closed.
    pub closed: bool,
}

impl Machine {
    /// All the program's goroutines with their state and stack, for the UI (not the runtime's
    /// timer goroutines: the timers are in `sync_objects`).
    pub fn goroutines(&self) -> Vec<GoroutineView> {
        self.goroutines
            .iter()
            .filter(|g| !g.runtime)
            .map(|g| {
                let pending = self.pending(g.gid);
                let state = match (&g.status, &pending) {
                    (GoStatus::Done, _) => "done".to_string(),
                    (GoStatus::Sleeping(_), _) => "sleep".to_string(),
                    (_, Some(p)) if !p.enabled => {
                        p.wait.map(|w| w.as_str()).unwrap_or("waiting").to_string()
                    }
                    _ => "runnable".to_string(),
                };
                GoroutineView {
                    gid: g.gid,
                    go_id: g.go_id,
                    state,
                    stack: self.stack_of(g.gid).to_vec(),
                    pending,
                }
            })
            .collect()
    }

    /// The goroutines a test left blocked once it ended normally (not done, not able to move,
    /// not sleeping), each as `goroutine 8 [chan send]: main.f at prog_test.go:7`: what
    /// `goleak.VerifyNone` reports. Empty unless the program runs a test
    /// ([`Program::runs_test`]) and exited with status 0.
    pub fn leaked_goroutines(&self) -> Vec<String> {
        if !self.program.runs_test() || self.exit_code() != Some(0) {
            return Vec::new();
        }
        let map = &self.program.source_map;
        self.goroutines()
            .into_iter()
            .filter(|g| g.go_id != 1 && !["done", "runnable", "sleep"].contains(&g.state.as_str()))
            .map(|g| {
                let at = g.stack.first().map_or(String::new(), |f| {
                    let lc = map.line_col(f.span.lo);
                    format!(" {} at {}:{}", f.name, map.file_name, lc.line)
                });
                format!("goroutine {} [{}]:{at}", g.go_id, g.state)
            })
            .collect()
    }

    /// Every map with its entries and writing flag, for the UI.
    pub fn maps(&self) -> Vec<MapView> {
        self.heap
            .maps
            .iter()
            .enumerate()
            .map(|(i, m)| MapView {
                id: MapId(i as u32),
                entries: m
                    .entries_in_order()
                    .iter()
                    .map(|(k, v)| {
                        (
                            self.format_typed(m.key_ty, k),
                            self.format_typed(m.elem_ty, v),
                        )
                    })
                    .collect(),
                writer: m.writing.as_ref().map(|w| w.gid),
            })
            .collect()
    }

    /// Every channel, for the UI.
    pub fn chans(&self) -> Vec<ChanView> {
        self.heap
            .chans
            .iter()
            .enumerate()
            .map(|(i, c)| ChanView {
                id: ChanId(i as u32),
                cap: c.cap,
                buffer: c
                    .buf
                    .iter()
                    .map(|v| self.format_typed(c.elem_ty, v))
                    .collect(),
                closed: c.closed,
            })
            .collect()
    }

    /// Every sync object reachable from a heap cell (pointer and state), for the UI.
    pub fn sync_objects(&self) -> Vec<(Pointer, SyncState)> {
        fn walk(v: &Value, p: Pointer, out: &mut Vec<(Pointer, SyncState)>) {
            match v {
                Value::Sync(s) => out.push((p, (**s).clone())),
                Value::Struct(fs) => {
                    for (i, f) in fs.iter().enumerate() {
                        walk(f, p.child(i as u32), out)
                    }
                }
                Value::Array(es) if es.len() <= 64 => {
                    for (i, e) in es.iter().enumerate() {
                        walk(e, p.child(i as u32), out)
                    }
                }
                _ => {}
            }
        }
        let mut out = Vec::new();
        for (i, c) in self.heap.cells.iter().enumerate() {
            walk(
                &c.value,
                Pointer::root(crate::rt::value::ObjId(i as u32)),
                &mut out,
            );
        }
        for (_, s) in &mut out {
            if let SyncState::Map(m) = s {
                *m = self.heap.filled_sync_map(m);
            }
        }
        out
    }
}
