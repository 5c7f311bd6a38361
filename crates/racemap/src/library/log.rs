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
        }
    };
}
