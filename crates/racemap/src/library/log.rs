//! The library table's rows for package `log`'s standard logger (`rt/interp/log.rs`).
//! Gathered into [`LibFunc`](super::LibFunc) by `lib_funcs!` (`table_macro.rs`).

macro_rules! log_rows {
    ($cb:ident, $($pre:tt)*) => {
        $cb! { $($pre)*
            // `log`'s standard logger: lowering passes its hidden cell (`struct { prefix string; flagx
            // int; mu sync.Mutex }`, `flagx` the flags xor `LstdFlags`, so the zero cell is Go's initial
            // logger) as the first operand (`rt/interp/log.rs`). A print locks and unlocks `mu`, as
            // `(*Logger).Output` does, so two goroutines' log calls are ordered for the race detector.
            /// `log.Print(v ...any)`
            LogPrint => func("log", "Print").params(&[ANYS]).variadic().visibility(Log),
            /// `log.Printf(format string, v ...any)`
            LogPrintf => func("log", "Printf").params(&[STRING, ANYS]).variadic().visibility(Log),
            /// `log.Println(v ...any)`
            LogPrintln => func("log", "Println").params(&[ANYS]).variadic().visibility(Log),
            /// `log.Fatal(v ...any)`: prints, then `os.Exit(1)`
            LogFatal => func("log", "Fatal").params(&[ANYS]).variadic().visibility(Log),
            /// `log.Fatalf(format string, v ...any)`
            LogFatalf => func("log", "Fatalf").params(&[STRING, ANYS]).variadic().visibility(Log),
            /// `log.Fatalln(v ...any)`
            LogFatalln => func("log", "Fatalln").params(&[ANYS]).variadic().visibility(Log),
            /// `log.Panic(v ...any)`: prints, then panics with the message
            LogPanic => func("log", "Panic").params(&[ANYS]).variadic().visibility(Log),
            /// `log.Panicf(format string, v ...any)`
            LogPanicf => func("log", "Panicf").params(&[STRING, ANYS]).variadic().visibility(Log),
            /// `log.Panicln(v ...any)`
            LogPanicln => func("log", "Panicln").params(&[ANYS]).variadic().visibility(Log),
            /// `log.SetFlags(flag int)`
            LogSetFlags => func("log", "SetFlags").params(&[INT]).visibility(Object),
            /// `log.Flags() int`
            LogFlags => func("log", "Flags").results(&[INT]).visibility(Object),
            /// `log.SetPrefix(prefix string)`
            LogSetPrefix => func("log", "SetPrefix").params(&[STRING]).visibility(Object),
            /// `log.Prefix() string`
            LogPrefix => func("log", "Prefix").results(&[STRING]).visibility(Object),
            /// `log.New(out io.Writer, prefix string, flag int) *Logger`: a new cell. An
            /// `*os.File` writer (os.Stdout, os.Stderr) is kept as its descriptor (`out`) and
            /// written natively; any other writer is kept in the cell's `w` and written by the
            /// compiled `log.(*Logger).Output` (`lang/lower/log_output.rs`), which holds `mu`
            /// across the writer's `Write` as Go does. Lowering passes the standard logger's cell
            /// first, as to every function of package `log`; `New` ignores it.
            LogNew => func("log", "New").params(&[IO_WRITER, STRING, INT]).results(&[LOGGER_PTR]),
            /// `log.SetOutput(w io.Writer)`
            LogSetOutput => func("log", "SetOutput").params(&[IO_WRITER]).visibility(Object),
            /// `log.Writer() io.Writer`
            LogWriter => func("log", "Writer").results(&[IO_WRITER]).visibility(Object),
            /// `log.Default() *Logger`: the standard logger's cell.
            LogDefault => func("log", "Default").results(&[LOGGER_PTR]),
            /// `(*Logger).Output`'s header under the logger's lock (never found by name):
            /// `(l, s, depth)` returns the writer and the line (`formatHeader`, then `s` and a
            /// newline if missing), `depth` the frames between the caller's and this one.
            LogOutputLine => LibFuncSpec::new(Owner::Runtime("log"), "outputLine")
                .params(&[LOGGER_PTR, STRING, INT])
                .results(&[IO_WRITER, BYTES]),
            // `*log.Logger`'s methods: the package functions' on the Logger's own cell (its
            // `out` field says which file it writes).
            /// `(*log.Logger).Print(v ...any)`
            LoggerPrint => logger_method("Print").params(&[ANYS]).variadic().visibility(Log),
            /// `(*log.Logger).Printf(format string, v ...any)`
            LoggerPrintf =>
                logger_method("Printf").params(&[STRING, ANYS]).variadic().visibility(Log),
            /// `(*log.Logger).Println(v ...any)`
            LoggerPrintln => logger_method("Println").params(&[ANYS]).variadic().visibility(Log),
            /// `(*log.Logger).Fatal(v ...any)`
            LoggerFatal => logger_method("Fatal").params(&[ANYS]).variadic().visibility(Log),
            /// `(*log.Logger).Fatalf(format string, v ...any)`
            LoggerFatalf =>
                logger_method("Fatalf").params(&[STRING, ANYS]).variadic().visibility(Log),
            /// `(*log.Logger).Fatalln(v ...any)`
            LoggerFatalln => logger_method("Fatalln").params(&[ANYS]).variadic().visibility(Log),
            /// `(*log.Logger).Panic(v ...any)`
            LoggerPanic => logger_method("Panic").params(&[ANYS]).variadic().visibility(Log),
            /// `(*log.Logger).Panicf(format string, v ...any)`
            LoggerPanicf =>
                logger_method("Panicf").params(&[STRING, ANYS]).variadic().visibility(Log),
            /// `(*log.Logger).Panicln(v ...any)`
            LoggerPanicln => logger_method("Panicln").params(&[ANYS]).variadic().visibility(Log),
            /// `(*log.Logger).SetFlags(flag int)`
            LoggerSetFlags => logger_method("SetFlags").params(&[INT]).visibility(Object),
            /// `(*log.Logger).Flags() int`
            LoggerFlags => logger_method("Flags").results(&[INT]).visibility(Object),
            /// `(*log.Logger).SetPrefix(prefix string)`
            LoggerSetPrefix => logger_method("SetPrefix").params(&[STRING]).visibility(Object),
            /// `(*log.Logger).Prefix() string`
            LoggerPrefix => logger_method("Prefix").results(&[STRING]).visibility(Object),
            /// `(*log.Logger).SetOutput(w io.Writer)`
            LoggerSetOutput => logger_method("SetOutput").params(&[IO_WRITER]).visibility(Object),
            /// `(*log.Logger).Writer() io.Writer`
            LoggerWriter => logger_method("Writer").results(&[IO_WRITER]).visibility(Object),
        }
    };
}
