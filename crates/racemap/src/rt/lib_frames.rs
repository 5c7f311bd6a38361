//! Where the Go 1.19 library functions racemap shows as stack frames live, so race reports
//! and goroutine dumps print them as Go does: the `testing` frames of a test's goroutine
//! (`testing.tRunner`, `testing.(*T).Run.func1`, created by `testing.(*T).Run` on the main
//! goroutine), the timer frames of the runtime's timer goroutines (`time.goFunc`),
//! `strings.Map` calling the program's function and the methods of `sort`'s types.

/// Go's source root as racemap prints it (the same as for `runtime` frames).
const GOROOT_SRC: &str = "/usr/local/go/src";

/// Go's name of the runtime function that runs a frame's deferred calls at its return in a
/// race build (see `Machine::race_stack_of`).
pub const DEFERRETURN: &str = "runtime.deferreturn";
/// `sort.Slice`'s swap of elements of a general type (`reflectlite.Swapper`'s last closure).
pub const TYPEDMEMMOVE: &str = "internal/reflectlite.typedmemmove";
/// The function Go's race reports show above [`TYPEDMEMMOVE`]: (name, file, line, offset).
pub fn reflect_typedmemmove_frame() -> (&'static str, String, u32, u32) {
    let file = format!("{GOROOT_SRC}/runtime/mbarrier.go");
    ("reflect.typedmemmove", file, 178, 0)
}
/// The runtime function a panic runs deferred calls from.
pub const GOPANIC: &str = "runtime.gopanic";
/// The argument list of `runtime.gopanic`'s frame in a traceback: the panic value's interface
/// words (type and data addresses; racemap's are fixed, Go's vary by build).
pub const GOPANIC_ARGS: &str = "{0x4dc7c0, 0x515830}";
/// How a traceback names `runtime.gopanic`'s frame.
pub const GOPANIC_IN_TRACEBACK: &str = "panic";
/// `testing.tRunner.func1.2`, the re-panic of a test's recovered panic; a goroutine dump shows
/// it and `testing.tRunner.func1` below it ([`trunner_repanic_frames`]).
pub const TRUNNER_REPANIC: &str = "testing.tRunner.func1.2";
/// The frames [`TRUNNER_REPANIC`] stands for in a goroutine dump, innermost first: (name,
/// file, line, offset as a traceback prints it), the first with the panic value's words.
pub fn trunner_repanic_frames() -> Vec<(&'static str, String, u32, u32)> {
    let testing = format!("{GOROOT_SRC}/testing/testing.go");
    vec![
        (TRUNNER_REPANIC, testing.clone(), 1396, 0x372),
        ("testing.tRunner.func1", testing, 1399, 0x5f0),
    ]
}
/// The runtime function `runtime.Goexit` runs deferred calls from.
pub const DEFER_CALL_SAVE: &str = "runtime.deferCallSave";

/// The position of library function `name`'s frame: (file under Go's source root, line, pc
/// offset), `None` for a function of the program.
pub fn library_frame(name: &str) -> Option<(String, u32, u32)> {
    library_frame_calling(name, None)
}

/// The file of a library frame the runtime adds to a race stack at a given line (a method of
/// `strings.Builder` or the `fmt.Fprint*` calling its `Write`; see [`line_frame`]).
pub fn line_frame_file(name: &str) -> Option<String> {
    let file = if name.starts_with("strings.(*Builder).") {
        "strings/builder.go"
    } else if name.starts_with("bytes.(*Buffer).") {
        "bytes/buffer.go"
    } else if matches!(name, "fmt.Fprintf" | "fmt.Fprint" | "fmt.Fprintln") {
        "fmt/print.go"
    } else {
        return None;
    };
    Some(format!("{GOROOT_SRC}/{file}"))
}

/// A race-stack frame of library function `name` at Go 1.19's `line` of its file, for a
/// library method racemap runs natively (`strings.Builder`'s): `func` is the calling frame's
/// function and the span holds the line, which the report prints (see [`line_frame_file`]),
/// so frames at two lines of one function are distinct stacks, as in Go.
pub fn line_frame(
    func: crate::bytecode::FuncId,
    name: &'static str,
    line: u32,
) -> crate::rt::event::StackFrame {
    crate::rt::event::StackFrame {
        func,
        name: std::rc::Rc::from(name),
        span: crate::diag::Span { lo: line, hi: line },
    }
}

/// The line of Go 1.19's `sort/zsortinterface.go` (and `zsortfunc.go`, line for line the same)
/// where sort function `name` (without `sort.` and `_func`) calls `callee`: another sort
/// function, or the data's `Less` (any callee of the program) or `Swap` (a method `Swap`).
fn sort_line(name: &str, callee: Option<&str>) -> Option<u32> {
    let callee = callee.unwrap_or("");
    let inner = callee
        .strip_prefix("sort.")
        .map(|c| c.strip_suffix("_func").unwrap_or(c));
    let swap = callee.ends_with(".Swap") || callee.starts_with("internal/reflectlite.");
    Some(match (name, inner) {
        ("insertionSort", _) => {
            if swap {
                13
            } else {
                12
            }
        }
        ("siftDown", _) => {
            if swap {
                33
            } else {
                27
            }
        }
        ("heapSort", Some("siftDown")) => 45,
        ("heapSort", _) => 50,
        ("pdqsort", Some("insertionSort")) => 73,
        ("pdqsort", Some("heapSort")) => 79,
        ("pdqsort", Some("breakPatterns")) => 85,
        ("pdqsort", Some("choosePivot")) => 89,
        ("pdqsort", Some("reverseRange")) => 91,
        ("pdqsort", Some("partialInsertionSort")) => 101,
        ("pdqsort", Some("partitionEqual")) => 109,
        ("pdqsort", Some("partition")) => 114,
        ("pdqsort", Some("pdqsort")) => 121,
        ("pdqsort", _) => 108,
        ("partition", _) => {
            if swap {
                136
            } else {
                139
            }
        }
        ("partitionEqual", _) => {
            if swap {
                174
            } else {
                178
            }
        }
        ("partialInsertionSort", _) => {
            if swap {
                214
            } else {
                202
            }
        }
        ("breakPatterns", _) => 251,
        ("choosePivot", _) => 284,
        ("reverseRange", _) => 323,
        ("swapRange", _) => 331,
        ("stable", Some("symMerge")) => 348,
        ("stable", _) => 339,
        ("symMerge", Some("rotate")) => 450,
        ("symMerge", Some("symMerge")) => 453,
        ("symMerge", _) => {
            if swap {
                398
            } else {
                390
            }
        }
        ("rotate", _) => 470,
        _ => return None,
    })
}

/// [`library_frame`] for a frame whose callee (the frame above it) is `callee`: a `sort`
/// function's line is that of its call of the callee.
pub fn library_frame_calling(name: &str, callee: Option<&str>) -> Option<(String, u32, u32)> {
    if let Some(inner) = name.strip_prefix("sort.") {
        let (base, func) = match inner.strip_suffix("_func") {
            Some(base) => (base, true),
            None => (inner, false),
        };
        if let Some(line) = sort_line(base, callee) {
            let file = if func {
                "zsortfunc.go"
            } else {
                "zsortinterface.go"
            };
            return Some((format!("{GOROOT_SRC}/sort/{file}"), line, 0x2be));
        }
    }
    let (file, line, offset) = match name {
        // `sort.Slice`'s swap: `reflectlite.Swapper`'s closures (Go 1.19's swapper.go), and
        // the typedmemmove of its general case (under `reflect.typedmemmove`, see
        // `ReportFrame::from_stack`).
        "internal/reflectlite.Swapper.func3" => ("internal/reflectlite/swapper.go", 42, 0xb7),
        "internal/reflectlite.Swapper.func4" => ("internal/reflectlite/swapper.go", 46, 0xb7),
        "internal/reflectlite.Swapper.func5" => ("internal/reflectlite/swapper.go", 52, 0xb7),
        "internal/reflectlite.Swapper.func6" => ("internal/reflectlite/swapper.go", 55, 0xb7),
        "internal/reflectlite.Swapper.func7" => ("internal/reflectlite/swapper.go", 58, 0xb7),
        "internal/reflectlite.Swapper.func8" => ("internal/reflectlite/swapper.go", 61, 0xb7),
        TYPEDMEMMOVE => ("runtime/mbarrier.go", 196, 0x18),
        // The entry points of Go 1.19's sorts (their call of pdqsort or stable).
        "sort.Slice" => ("sort/slice.go", 23, 0xc4),
        "sort.SliceStable" => ("sort/slice.go", 35, 0xc4),
        "sort.Sort" => ("sort/sort.go", 48, 0x8e),
        "sort.Stable" => ("sort/sort.go", 208, 0x8e),
        "sort.Ints" => ("sort/sort.go", 157, 0x8e),
        "sort.Float64s" => ("sort/sort.go", 161, 0x8e),
        "sort.Strings" => ("sort/sort.go", 164, 0x8e),
        "testing.tRunner" => ("testing/testing.go", 1446, 0x216),
        "testing.(*T).Run.func1" => ("testing/testing.go", 1493, 0x47),
        "testing.(*T).Run" => ("testing/testing.go", 1493, 0x75d),
        "testing.runTests.func1" => ("testing/testing.go", 1846, 0x99),
        "testing.runTests" => ("testing/testing.go", 1844, 0x7ec),
        "testing.runExample" => ("testing/run_example.go", 63, 0x3db),
        "testing.runExample.func2" => ("testing/run_example.go", 59, 0x1a5),
        "testing.(*InternalExample).processRunResult" => ("testing/example.go", 91, 0x5e8),
        // `fmt.Fprint*` to an `io.Writer` and `io.WriteString` (lang/lower/fprint.rs): their
        // call of the writer's `Write` (or `WriteString`).
        "fmt.Fprintf" => ("fmt/print.go", 205, 0xb1),
        "fmt.Fprint" => ("fmt/print.go", 243, 0x90),
        "fmt.Fprintln" => ("fmt/print.go", 285, 0x90),
        "io.WriteString" if callee.is_some_and(|c| c.ends_with(".WriteString")) => {
            ("io/io.go", 313, 0x63)
        }
        "io.WriteString" => ("io/io.go", 315, 0xbd),
        "time.goFunc" => ("time/sleep.go", 176, 0x47),
        "time.sendTime" => ("time/sleep.go", 145, 0x47),
        // Its first loop's `mapping(c)` (the calls after the first rune it changes are on
        // line 506 in Go).
        "strings.Map" => ("strings/strings.go", 475, 0xb5),
        // The methods of sort's slice types and of `sort.Reverse`'s type (Go 1.19's
        // sort/sort.go and sort/search.go), compiled by lang/lower/sort_types.rs.
        "sort.IntSlice.Len" => ("sort/sort.go", 114, 0x24),
        "sort.IntSlice.Less" => ("sort/sort.go", 115, 0x87),
        "sort.IntSlice.Swap" => ("sort/sort.go", 116, 0x104),
        "sort.IntSlice.Sort" => ("sort/sort.go", 119, 0x47),
        "sort.IntSlice.Search" => ("sort/search.go", 144, 0x47),
        "sort.Float64Slice.Len" => ("sort/sort.go", 125, 0x24),
        "sort.Float64Slice.Less" => ("sort/sort.go", 133, 0x87),
        "sort.Float64Slice.Swap" => ("sort/sort.go", 134, 0x104),
        "sort.Float64Slice.Sort" => ("sort/sort.go", 142, 0x47),
        "sort.Float64Slice.Search" => ("sort/search.go", 147, 0x47),
        "sort.StringSlice.Len" => ("sort/sort.go", 147, 0x24),
        "sort.StringSlice.Less" => ("sort/sort.go", 148, 0x87),
        "sort.StringSlice.Swap" => ("sort/sort.go", 149, 0x104),
        "sort.StringSlice.Sort" => ("sort/sort.go", 152, 0x47),
        "sort.StringSlice.Search" => ("sort/search.go", 150, 0x47),
        "sort.reverse.Less" => ("sort/sort.go", 90, 0x72),
        // Its call of the deferred function (`p.fn()`).
        DEFERRETURN => ("runtime/panic.go", 476, 0x32),
        // `d.fn()` of a panic running a deferred call.
        GOPANIC => ("runtime/panic.go", 890, 0x261),
        // `fn()` of `runtime.Goexit` running a deferred call.
        DEFER_CALL_SAVE => ("runtime/panic.go", 796, 0x87),
        _ => return None,
    };
    Some((format!("{GOROOT_SRC}/{file}"), line, offset))
}

/// The frames between a test's cleanup function and the test's `testing.tRunner` in Go 1.19,
/// innermost first, which racemap's runner (`testing.tRunner.func1` calling the cleanup
/// itself) stands for: (name, file, line, offset).
pub fn cleanup_caller_frames() -> Vec<(&'static str, String, u32, u32)> {
    let testing = format!("{GOROOT_SRC}/testing/testing.go");
    vec![
        (
            "testing.(*common).Cleanup.func1",
            testing.clone(),
            1041,
            0x193,
        ),
        ("testing.(*common).runCleanup", testing.clone(), 1210, 0x143),
        ("testing.tRunner.func2", testing, 1440, 0x52),
    ]
}

/// The frames below `testing.runTests` on `go test`'s main goroutine, innermost first, as a
/// goroutine dump ends the main goroutine's stack: (name, file, line, offset).
pub fn test_main_outer_frames() -> Vec<(&'static str, String, u32, u32)> {
    test_main_frames().split_off(3)
}

/// The frames of `go test`'s main goroutine below an example's function, innermost first, as
/// a race report shows them: (name, file, line, offset).
pub fn example_main_frames() -> Vec<(&'static str, String, u32, u32)> {
    vec![
        (
            "testing.runExample",
            format!("{GOROOT_SRC}/testing/run_example.go"),
            63,
            0x3db,
        ),
        (
            "testing.runExamples",
            format!("{GOROOT_SRC}/testing/example.go"),
            44,
            0x276,
        ),
        (
            "testing.(*M).Run",
            format!("{GOROOT_SRC}/testing/testing.go"),
            1728,
            0xb93,
        ),
        ("main.main", "_testmain.go".to_string(), 49, 0x2e9),
    ]
}

/// The frames below `testing.(*T).Run` on `go test`'s main goroutine, innermost first, as a
/// race report's `created at` stack of a test's goroutine ends: (name, file, line, offset).
pub fn test_main_frames() -> Vec<(&'static str, String, u32, u32)> {
    let testing = format!("{GOROOT_SRC}/testing/testing.go");
    vec![
        ("testing.runTests.func1", testing.clone(), 1846, 0x99),
        ("testing.tRunner", testing.clone(), 1446, 0x216),
        ("testing.runTests", testing.clone(), 1844, 0x7ec),
        ("testing.(*M).Run", testing, 1726, 0xa84),
        ("main.main", "_testmain.go".to_string(), 49, 0x2e9),
    ]
}
