//! Race reports as values, rendered exactly as Go's race detector (ThreadSanitizer v2 as linked
//! into Go 1.19) prints them.
//!
//! A report names the current and the previous conflicting access (goroutine, read or write,
//! stack, innermost frame first) and, for every goroutine involved other than main, the stack of
//! the `go` statement that created it. Map operations show the runtime function Go's map code
//! calls the detector from (`runtime.mapassign_faststr()`) as their innermost frame, chosen by
//! the operation and the key's kind the way the Go compiler picks its fast paths.
//!
//! Addresses are fake but deterministic: the same [`Loc`] always renders the same address within
//! a run and across runs (heap variables near `0x00c000010000`, maps near `0x00c000090000`).

use crate::diag::{SourceMap, Span};
use crate::rt::event::{Gid, Loc, Op, Stack};
use crate::rt::value::Value;
use std::borrow::Cow;

/// The line that opens and closes every report.
pub const REPORT_RULE: &str = "==================";

/// One line pair of a report stack: `  name()` then `      file:line +0xOFF`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ReportFrame {
    /// Go's name of the function (`main.main.func1`, `runtime.mapassign_faststr`).
    pub name: String,
    /// The file as Go prints it (`prog.go`, `/usr/local/go/src/runtime/map_faststr.go`).
    pub file: String,
    /// The 1-based line.
    pub line: u32,
    /// The `+0x..` pc offset: fake, deterministic per position.
    pub offset: u32,
}

impl ReportFrame {
    /// The frames of a racemap stack (innermost first), positions resolved with `source_map`;
    /// a test binary's `main.main` at `_testmain.go:testmain_line`.
    pub fn from_stack(
        stack: &Stack,
        source_map: &SourceMap,
        testmain_line: u32,
    ) -> Vec<ReportFrame> {
        // A stack on the test binary's main goroutine (a top-level test's `created at`):
        // its frames below `testing.(*T).Run` are Go's (`test_main_frames`).
        // Below `testing.runTests`, a `TestMain`'s frames: `testing.(*M).Run`, the file's
        // `TestMain` and the binary's `main.main`.
        let runner = stack.iter().rposition(|f| &*f.name == "testing.runTests");
        let tail = runner.map_or(&stack[..0], |r| &stack[r + 1..]);
        let on_test_main = runner.is_some()
            && tail.iter().all(|f| {
                matches!(&*f.name, "testing.(*M).Run" | "main.main")
                    || f.name.ends_with(".TestMain")
            });
        let test_main = tail.iter().find(|f| f.name.ends_with(".TestMain"));
        // An example's, below `testing.runExample`: Go's `example_main_frames`.
        let example = stack
            .iter()
            .position(|f| &*f.name == "testing.runExample")
            .filter(|_| on_test_main);
        let stack = match stack
            .iter()
            .position(|f| &*f.name == "testing.runTests.func1")
        {
            _ if example.is_some() => &stack[..example.unwrap_or(0)],
            Some(at) if on_test_main => &stack[..at],
            _ => &stack[..],
        };
        let mut out: Vec<ReportFrame> = Vec::with_capacity(stack.len());
        for (i, f) in stack.iter().enumerate() {
            // The runner's deferred function calling a test's cleanup is Go's three frames.
            if i > 0 && &*f.name == "testing.tRunner.func1" {
                out.extend(
                    crate::rt::lib_frames::cleanup_caller_frames()
                        .into_iter()
                        .map(|(name, file, line, offset)| ReportFrame {
                            name: name.to_string(),
                            file,
                            line,
                            offset,
                        }),
                );
                continue;
            }
            // A library method's wrapper (`lower::lib_methods`: `bytes.(*Buffer).Write` called
            // through an `io.Writer`, no span) below the frame of the same name the runtime or
            // the compiled method added: Go has one frame, the method's.
            if i > 0 && f.span == Span::default() && stack[i - 1].name == f.name {
                continue;
            }
            // A library method's frame the runtime added (`strings.(*Builder).WriteString`),
            // at the Go line its span holds (a compiled `fmt.Fprintf`'s frame has no span:
            // below).
            let line_frame = f.span.lo > 0;
            if let Some(file) =
                crate::rt::lib_frames::line_frame_file(&f.name).filter(|_| line_frame)
            {
                out.push(ReportFrame {
                    name: f.name.to_string(),
                    file,
                    line: f.span.lo,
                    offset: 0x3d + (f.span.lo % 0x40) * 4,
                });
                continue;
            }
            // Go shows `reflect.typedmemmove` above reflectlite's.
            if i == 0 && &*f.name == crate::rt::lib_frames::TYPEDMEMMOVE {
                let (name, file, line, offset) =
                    crate::rt::lib_frames::reflect_typedmemmove_frame();
                out.push(ReportFrame {
                    name: name.to_string(),
                    file,
                    line,
                    offset,
                });
            }
            let callee = i.checked_sub(1).map(|c| &*stack[c].name);
            out.push(
                match crate::rt::lib_frames::library_frame_calling(&f.name, callee) {
                    // Library frames (`testing.tRunner`, `time.goFunc`) at Go's positions.
                    Some((file, line, offset)) => ReportFrame {
                        name: f.name.to_string(),
                        file,
                        line,
                        offset,
                    },
                    // A method value's wrapper (`main.I.M-fm`) is code the compiler generated.
                    None if f.name.ends_with("-fm") => ReportFrame {
                        name: f.name.to_string(),
                        file: "<autogenerated>".to_string(),
                        line: 1,
                        offset: fake_pc_offset(f.span),
                    },
                    None => ReportFrame {
                        name: f.name.to_string(),
                        file: source_map.file_name.clone(),
                        line: source_map.line(f.span.lo),
                        offset: fake_pc_offset(f.span),
                    },
                },
            );
        }
        if on_test_main {
            let outer = if example.is_some() {
                crate::rt::lib_frames::example_main_frames(testmain_line)
            } else {
                crate::rt::lib_frames::test_main_frames(testmain_line)
            };
            let mut outer: Vec<ReportFrame> = outer
                .into_iter()
                .map(|(name, file, line, offset)| ReportFrame {
                    name: name.to_string(),
                    file,
                    line,
                    offset,
                })
                .collect();
            // `main.main` calls the file's `TestMain`, which calls `m.Run()`.
            if let Some(f) = test_main {
                let main = outer.pop();
                outer.push(ReportFrame {
                    name: f.name.to_string(),
                    file: source_map.file_name.clone(),
                    line: source_map.line(f.span.lo),
                    offset: fake_pc_offset(f.span),
                });
                outer.extend(main);
            }
            out.extend(outer);
        }
        out
    }

    fn render(&self, out: &mut String) {
        out.push_str(&format!(
            "  {}()\n      {}:{} +{:#x}\n",
            self.name, self.file, self.line, self.offset
        ));
    }
}

/// A deterministic stand-in for the pc offset Go prints after a position.
pub fn fake_pc_offset(span: Span) -> u32 {
    0x1d + (span.lo.wrapping_mul(37) % 0x3c0)
}

/// The deterministic fake address of a location, as the report prints it.
pub fn fake_address(loc: &Loc) -> u64 {
    match loc {
        Loc::Heap(p) => {
            let mut offset = 0u64;
            for (depth, i) in p.path.iter().enumerate() {
                offset = offset.wrapping_add(((*i as u64 + 1) * 8) >> depth.min(3));
            }
            0x00c0_0001_0000 + (p.obj.0 as u64) * 0x100 + (offset % 0x100)
        }
        Loc::Map(m) => 0x00c0_0009_0000 + (m.0 as u64) * 0x30,
        Loc::MapSlot(m, s) => 0x00c0_000a_0000 + (m.0 as u64) * 0x200 + (*s as u64) * 8,
        Loc::Chan(c) => 0x00c0_0006_2080 + (c.0 as u64) * 0x80,
        Loc::WaitGroupSema(p) => fake_address(&Loc::Heap(p.clone())) + 0x8,
    }
}

/// The runtime function Go's race detector attributes an access to, shown as the innermost
/// frame (map operations and atomics); `None` for plain variable accesses and `len(m)`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RuntimeFrame {
    /// `runtime.mapassign_faststr` (borrowed where it is a literal: one frame is made per map
    /// or channel event).
    pub name: Cow<'static, str>,
    /// The Go 1.19 source file and line of the function (`map_faststr.go`, 203), or
    /// `<autogenerated>` for atomics.
    pub file: Cow<'static, str>,
    /// The line.
    pub line: u32,
    /// The pc offset Go prints (`+0x0`: the detector is called on entry).
    pub offset: u32,
    /// For an atomic: the assembly function of Go's race build that calls the detector
    /// (`sync/atomic.AddInt64`, which `AddUint64` jumps to) and the line of its call in
    /// `runtime/race_amd64.s`. Go 1.19 prints it above this frame and no caller frames.
    pub asm: Option<(String, u32)>,
}

/// The frame of runtime function `runtime.NAME` in Go 1.19's `src/runtime/FILE` at `LINE`
/// (literals: no allocation).
macro_rules! runtime_frame {
    ($name:literal, $file:literal, $line:expr) => {
        RuntimeFrame {
            name: Cow::Borrowed(concat!("runtime.", $name)),
            file: Cow::Borrowed(concat!("/usr/local/go/src/runtime/", $file)),
            line: $line,
            offset: 0,
            asm: None,
        }
    };
}

impl RuntimeFrame {
    /// Whether Go 1.19 prints no frames below this one: an integer atomic's (its assembly
    /// function is all the detector sees), not `atomic.Value`'s pointer atomics (`LoadPointer`,
    /// `CompareAndSwapPointer`), under which Go shows the method's caller (the method inlined).
    fn hides_callers(&self) -> bool {
        self.asm.is_some() && !self.name.ends_with("Pointer")
    }

    /// The frames Go 1.19's race build shows for the atomic `name` (`AddUint64`,
    /// `(*Uint64).Add`, `(*Bool).Store`): a typed atomic's method is inlined into a call of the
    /// function on its field (`AddUint64`; a `Bool` is a `uint32`), whose `<autogenerated>`
    /// wrapper jumps to the `Int` function of `runtime/race_amd64.s` (`AddInt64`, its
    /// `CALL racecallatomic` at line 289).
    fn atomic(name: &str) -> RuntimeFrame {
        // `atomic.Value`'s methods (inlined in Go's report): the type word's pointer atomic.
        if let Some((_, pointer_op)) = name.split_once(": ") {
            let cas = pointer_op == "CompareAndSwapPointer";
            return RuntimeFrame {
                name: format!("sync/atomic.{pointer_op}").into(),
                file: Cow::Borrowed(if cas {
                    "/usr/local/go/src/runtime/atomic_pointer.go"
                } else {
                    "<autogenerated>"
                }),
                line: if cas { 76 } else { 1 },
                offset: if cas { 0x5e } else { 0x16 },
                asm: Some(if cas {
                    ("sync/atomic.CompareAndSwapInt64".to_string(), 316)
                } else {
                    ("sync/atomic.LoadInt64".to_string(), 208)
                }),
            };
        }
        let function = match name.strip_prefix("(*").and_then(|m| m.split_once(").")) {
            Some((ty, op)) => format!("{op}{}", if ty == "Bool" { "Uint32" } else { ty }),
            None => name.to_string(),
        };
        let b32 = function.ends_with("32");
        let op = ["Int32", "Int64", "Uint32", "Uint64"]
            .iter()
            .find_map(|suffix| function.strip_suffix(suffix))
            .unwrap_or(&function);
        // The `CALL racecallatomic<>(SB)` lines of Go 1.19.8's race_amd64.s (32-bit, 64-bit).
        let (line32, line64) = match op {
            "Load" => (202, 208),
            "Store" => (231, 237),
            "Swap" => (256, 262),
            "Add" => (281, 289),
            _ => (310, 316), // CompareAndSwap
        };
        let asm_name = format!("sync/atomic.{op}Int{}", if b32 { 32 } else { 64 });
        RuntimeFrame {
            name: format!("sync/atomic.{function}").into(),
            file: Cow::Borrowed("<autogenerated>"),
            line: 1,
            offset: if b32 { 0x1a } else { 0x1b },
            asm: Some((asm_name, if b32 { line32 } else { line64 })),
        }
    }

    /// The frame for the operation `op`; `iterating` tells whether the previous step of the same
    /// goroutine already iterated this map (`mapiternext` rather than `mapiterinit`).
    pub fn for_op(op: &Op, iterating: bool) -> Option<RuntimeFrame> {
        match op {
            Op::MapRead { key: Some(key), .. } => Some(match key_kind(key) {
                KeyKind::Str => runtime_frame!("mapaccess1_faststr", "map_faststr.go", 13),
                KeyKind::Mem64 | KeyKind::Ptr64 => {
                    runtime_frame!("mapaccess1_fast64", "map_fast64.go", 13)
                }
                KeyKind::Slow => runtime_frame!("mapaccess1", "map.go", 395),
            }),
            Op::MapRead { key: None, .. } => None,
            Op::Init { key: None } => None,
            Op::Init { key: Some(key) } => Self::for_op(
                &Op::MapWriteEnd {
                    map: crate::rt::value::MapId(0),
                    key: Some(key.clone()),
                    delete: false,
                },
                iterating,
            ),
            Op::MapWriteBegin { key, delete, .. } | Op::MapWriteEnd { key, delete, .. } => {
                let Some(key) = key else {
                    return Some(runtime_frame!("mapclear", "map.go", 993));
                };
                Some(match (key_kind(key), delete) {
                    (KeyKind::Str, false) => {
                        runtime_frame!("mapassign_faststr", "map_faststr.go", 203)
                    }
                    (KeyKind::Str, true) => {
                        runtime_frame!("mapdelete_faststr", "map_faststr.go", 301)
                    }
                    (KeyKind::Mem64, false) => {
                        runtime_frame!("mapassign_fast64", "map_fast64.go", 93)
                    }
                    (KeyKind::Ptr64, false) => {
                        runtime_frame!("mapassign_fast64ptr", "map_fast64.go", 183)
                    }
                    (KeyKind::Mem64 | KeyKind::Ptr64, true) => {
                        runtime_frame!("mapdelete_fast64", "map_fast64.go", 273)
                    }
                    (KeyKind::Slow, false) => runtime_frame!("mapassign", "map.go", 578),
                    (KeyKind::Slow, true) => runtime_frame!("mapdelete", "map.go", 695),
                })
            }
            Op::MapIterate { .. } => Some(if iterating {
                runtime_frame!("mapiternext", "map.go", 866)
            } else {
                runtime_frame!("mapiterinit", "map.go", 815)
            }),
            Op::Atomic { name, .. } => Some(Self::atomic(name)),
            // `fmt` printing a map reads it first in `reflect.maplen` (its `racereadpc`), under
            // `internal/fmtsort.Sort` (Go's report shows reflect's and fmt's frames between it
            // and the caller; racemap shows this one).
            Op::Print { .. } | Op::FileWait { .. } => Some(RuntimeFrame {
                name: Cow::Borrowed("reflect.maplen"),
                file: Cow::Borrowed("/usr/local/go/src/runtime/map.go"),
                line: 1394,
                offset: 0,
                asm: None,
            }),
            _ => None,
        }
    }

    /// The frame for an access to a runtime-owned location, which Go attributes by location
    /// rather than by operation: a channel's read in `chansend` and write in `closechan` (Go 1.19
    /// prints `chan.go:160` and `chan.go:357`), a WaitGroup semaphore's `race.Read`/`race.Write`
    /// (`runtime.raceread()` / `runtime.racewrite()` at `<autogenerated>:1 +0x24`, the `sync`
    /// frames hidden). `None` for user memory and maps.
    pub fn for_loc(loc: &Loc, write: bool) -> Option<RuntimeFrame> {
        match (loc, write) {
            (Loc::Chan(_), false) => Some(runtime_frame!("chansend", "chan.go", 160)),
            (Loc::Chan(_), true) => Some(runtime_frame!("closechan", "chan.go", 357)),
            (Loc::WaitGroupSema(_), _) => Some(RuntimeFrame {
                name: Cow::Borrowed(if write {
                    "runtime.racewrite"
                } else {
                    "runtime.raceread"
                }),
                file: Cow::Borrowed("<autogenerated>"),
                line: 1,
                offset: 0x24,
                asm: None,
            }),
            (Loc::Heap(_) | Loc::Map(_) | Loc::MapSlot(..), _) => None,
        }
    }

    fn to_frame(&self) -> ReportFrame {
        ReportFrame {
            name: self.name.to_string(),
            file: self.file.to_string(),
            line: self.line,
            offset: self.offset,
        }
    }
}

/// How the Go compiler classifies a map key type for its fast paths (`walk.mapfast`), as far
/// as the runtime value tells: strings, 8-byte memory keys (ints), 8-byte pointer keys, others.
enum KeyKind {
    Str,
    Mem64,
    Ptr64,
    Slow,
}

fn key_kind(key: &Value) -> KeyKind {
    match key {
        Value::Str(_) => KeyKind::Str,
        Value::Int(_) => KeyKind::Mem64,
        Value::Ptr(_) | Value::Chan(_) | Value::Map(_) => KeyKind::Ptr64,
        _ => KeyKind::Slow,
    }
}

/// One side of a race: who accessed, how, and from where.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RaceAccess {
    /// The goroutine (racemap's id).
    pub gid: Gid,
    /// Go's goroutine number (main is 1).
    pub go_id: u64,
    /// A write (plain or atomic store / read-modify-write) rather than a read.
    pub write: bool,
    /// An atomic access (Go prints it as a plain `Read`/`Write` with a `sync/atomic` frame).
    pub atomic: bool,
    /// The stack, innermost first, including the runtime frame for map operations.
    pub frames: Vec<ReportFrame>,
    /// How many of `frames` Go prints: all of them, or for an atomic only its runtime frames
    /// (the rest still say where the program made the access).
    pub shown: usize,
}

impl RaceAccess {
    /// Build from an access's parts.
    pub fn new(
        gid: Gid,
        go_id: u64,
        write: bool,
        atomic: bool,
        runtime_frame: Option<&RuntimeFrame>,
        stack: &Stack,
        source_map: &SourceMap,
        testmain_line: u32,
    ) -> RaceAccess {
        let mut frames: Vec<ReportFrame> = Vec::new();
        if let Some(r) = runtime_frame {
            if let Some((name, line)) = &r.asm {
                frames.push(ReportFrame {
                    name: name.clone(),
                    file: "/usr/local/go/src/runtime/race_amd64.s".to_string(),
                    line: *line,
                    offset: 0xb,
                });
            }
            frames.push(r.to_frame());
        }
        let shown = match runtime_frame {
            Some(r) if r.hides_callers() => frames.len(),
            _ => usize::MAX,
        };
        frames.extend(ReportFrame::from_stack(stack, source_map, testmain_line));
        RaceAccess {
            gid,
            go_id,
            write,
            atomic,
            shown: shown.min(frames.len()),
            frames,
        }
    }

    fn who(&self) -> String {
        if self.gid == Gid::MAIN {
            "main goroutine".to_string()
        } else {
            format!("goroutine {}", self.go_id)
        }
    }
}

/// Where a goroutine (other than main) was created, for the report's last sections.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GoroutineCreation {
    /// Go's goroutine number.
    pub go_id: u64,
    /// The goroutine had exited when the race was found (`(finished)` rather than `(running)`).
    pub finished: bool,
    /// The stack of the `go` statement, innermost first.
    pub frames: Vec<ReportFrame>,
}

/// One data race: two conflicting accesses to the same location, unordered by happens-before.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RaceReport {
    /// The location both accessed.
    pub loc: Loc,
    /// Its fake address.
    pub address: u64,
    /// The access that found the race (this step).
    pub current: RaceAccess,
    /// The earlier access it races with.
    pub previous: RaceAccess,
    /// Creation stacks of the goroutines involved, current first; main is never listed.
    pub creations: Vec<GoroutineCreation>,
}

impl RaceReport {
    /// Render as Go prints it on stderr, from the opening to the closing `==================`
    /// line, each line ending in `\n`.
    pub fn render(&self) -> String {
        let mut out = String::new();
        out.push_str(REPORT_RULE);
        out.push('\n');
        out.push_str("WARNING: DATA RACE\n");
        let verb = |write: bool| if write { "write" } else { "read" };
        let current = if self.current.write { "Write" } else { "Read" };
        out.push_str(&format!(
            "{current} at {:#014x} by {}:\n",
            self.address,
            self.current.who()
        ));
        for f in &self.current.frames[..self.current.shown] {
            f.render(&mut out);
        }
        out.push_str(&format!(
            "\nPrevious {} at {:#014x} by {}:\n",
            verb(self.previous.write),
            self.address,
            self.previous.who()
        ));
        for f in &self.previous.frames[..self.previous.shown] {
            f.render(&mut out);
        }
        for c in &self.creations {
            let state = if c.finished { "finished" } else { "running" };
            out.push_str(&format!("\nGoroutine {} ({state}) created at:\n", c.go_id));
            for f in &c.frames {
                f.render(&mut out);
            }
        }
        out.push_str(REPORT_RULE);
        out.push('\n');
        out
    }
}

/// The line Go prints at exit when races were found: `Found 2 data race(s)`.
pub fn found_line(count: usize) -> String {
    format!("Found {count} data race(s)\n")
}
