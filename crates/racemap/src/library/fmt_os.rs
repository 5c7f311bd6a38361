//! The library table's rows for `fmt`'s printing and formatting, and package `os`'s standard files and `Exit`.
//! Gathered into [`LibFunc`](super::LibFunc) by `lib_funcs!` (`table_macro.rs`).

macro_rules! fmt_os_rows {
    ($cb:ident, $($pre:tt)*) => {
        $cb! { $($pre)*
            /// `fmt.Print(a ...any) (int, error)`
            FmtPrint => print_fn("Print").params(&[ANYS]),
            /// `fmt.Println(a ...any) (int, error)`
            FmtPrintln => print_fn("Println").params(&[ANYS]),
            /// `fmt.Printf(format string, a ...any) (int, error)`
            FmtPrintf => print_fn("Printf").params(&[STRING, ANYS]),
            /// `fmt.Sprint(a ...any) string`
            FmtSprint => func("fmt", "Sprint").params(&[ANYS]).variadic().results(&[STRING]),
            /// `fmt.Sprintln(a ...any) string`
            FmtSprintln => func("fmt", "Sprintln").params(&[ANYS]).variadic().results(&[STRING]),
            /// `fmt.Sprintf(format string, a ...any) string`
            FmtSprintf => func("fmt", "Sprintf").params(&[STRING, ANYS]).variadic().results(&[STRING]),
            // `fmt`'s printing to a writer: to any `io.Writer`, lowering compiles Go's
            // `Fprint*` (format, then `w.Write`, dispatched: `lang/lower/fprint.rs`); to an
            // `*os.File`, a `*strings.Builder` or a `*bytes.Buffer` (the writer's static type),
            // the checker calls the variants below instead, which write in one native step.
            /// `fmt.Fprint(w io.Writer, a ...any) (n int, err error)`
            FmtFprint => func("fmt", "Fprint")
                .params(&[IO_WRITER, ANYS])
                .variadic()
                .results(&[INT, ERROR]),
            /// `fmt.Fprintln(w io.Writer, a ...any) (n int, err error)`
            FmtFprintln => func("fmt", "Fprintln")
                .params(&[IO_WRITER, ANYS])
                .variadic()
                .results(&[INT, ERROR]),
            /// `fmt.Fprintf(w io.Writer, format string, a ...any) (n int, err error)`
            FmtFprintf => func("fmt", "Fprintf")
                .params(&[IO_WRITER, STRING, ANYS])
                .variadic()
                .results(&[INT, ERROR]),
            /// `fmt.Fprint(w *os.File, a ...any) (n int, err error)` (never found by name; named
            /// apart from the others: a row's owner and name are unique).
            FmtFprintFile => LibFuncSpec::new(Owner::Runtime("fmt"), "FprintFile")
                .params(&[OS_FILE, ANYS])
                .variadic()
                .results(&[INT, ERROR])
                .visibility(Output),
            /// `fmt.Fprintln(w *os.File, a ...any) (n int, err error)`
            FmtFprintlnFile => LibFuncSpec::new(Owner::Runtime("fmt"), "FprintlnFile")
                .params(&[OS_FILE, ANYS])
                .variadic()
                .results(&[INT, ERROR])
                .visibility(Output),
            /// `fmt.Fprintf(w *os.File, format string, a ...any) (n int, err error)`
            FmtFprintfFile => LibFuncSpec::new(Owner::Runtime("fmt"), "FprintfFile")
                .params(&[OS_FILE, STRING, ANYS])
                .variadic()
                .results(&[INT, ERROR])
                .visibility(Output),
            // `fmt.Fprint*` to a `*strings.Builder`: the checker calls these instead when the writer
            // is one (never found by name). One step: fmt reads its operands as it formats them, then
            // `w.Write` is `(*Builder).Write` (copyCheck, then append to the buffer), as Go does.
            /// `fmt.Fprint(w *strings.Builder, a ...any) (n int, err error)`
            FmtFprintBuilder => LibFuncSpec::new(Owner::Runtime("fmt"), "Fprint")
                .params(&[BUILDER_PTR, ANYS])
                .variadic()
                .results(&[INT, ERROR])
                .visibility(Log),
            /// `fmt.Fprintln(w *strings.Builder, a ...any) (n int, err error)`
            FmtFprintlnBuilder => LibFuncSpec::new(Owner::Runtime("fmt"), "Fprintln")
                .params(&[BUILDER_PTR, ANYS])
                .variadic()
                .results(&[INT, ERROR])
                .visibility(Log),
            /// `fmt.Fprintf(w *strings.Builder, format string, a ...any) (n int, err error)`
            FmtFprintfBuilder => LibFuncSpec::new(Owner::Runtime("fmt"), "Fprintf")
                .params(&[BUILDER_PTR, STRING, ANYS])
                .variadic()
                .results(&[INT, ERROR])
                .visibility(Log),
            /// `fmt.Fprint(w *bytes.Buffer, a ...any) (n int, err error)`: `(*Buffer).Write` (named apart
            /// from the Builder's variant: a row's owner and name are unique).
            FmtFprintBuffer => fprint_buffer("FprintBuffer").params(&[BUFFER_PTR, ANYS]),
            /// `fmt.Fprintln(w *bytes.Buffer, a ...any) (n int, err error)`
            FmtFprintlnBuffer => fprint_buffer("FprintlnBuffer").params(&[BUFFER_PTR, ANYS]),
            /// `fmt.Fprintf(w *bytes.Buffer, format string, a ...any) (n int, err error)`
            FmtFprintfBuffer => fprint_buffer("FprintfBuffer").params(&[BUFFER_PTR, STRING, ANYS]),
            /// `os.Stdout`: the `*os.File` of file descriptor 1 (a package variable).
            OsStdout => LibFuncSpec::new(Owner::PackageVar("os"), "Stdout").results(&[OS_FILE]),
            /// `os.Stderr`: the `*os.File` of file descriptor 2.
            OsStderr => LibFuncSpec::new(Owner::PackageVar("os"), "Stderr").results(&[OS_FILE]),
            /// `os.Args`: the command line, `[program name]` (the program's file name without
            /// `.go`; Go's is the path of its temporary binary). One slice for the run, as Go's
            /// package variable.
            OsArgs => LibFuncSpec::new(Owner::PackageVar("os"), "Args").results(&[STRINGS]),
            /// `os.Exit(code int)`: ends the program at once (no deferred call runs); a visible step
            /// touching everything (its footprint is global: it ends every goroutine's run).
            OsExit => func("os", "Exit").params(&[INT]).visibility(Object),
        }
    };
}
