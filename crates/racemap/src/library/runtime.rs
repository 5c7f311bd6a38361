//! The library table's rows for package `runtime`.
//! Gathered into [`LibFunc`](super::LibFunc) by `lib_funcs!` (`table_macro.rs`).

macro_rules! runtime_rows {
    ($cb:ident, $($pre:tt)*) => {
        $cb! { $($pre)*
            /// `runtime.Goexit()`: runs the goroutine's deferred calls, then ends it.
            RuntimeGoexit => func("runtime", "Goexit"),
            /// `runtime.Gosched()`: yields; a scheduling point that touches nothing.
            RuntimeGosched => func("runtime", "Gosched").visibility(Scheduler),
            /// `runtime.NumGoroutine() int`: the goroutines that exist (a scheduling point).
            RuntimeNumGoroutine => func("runtime", "NumGoroutine").results(&[INT]).visibility(Scheduler),
            /// `runtime.NumCPU() int`: racemap's simulated machine has 2 CPUs (as the Go runs that
            /// checked racemap's corpus, `GOMAXPROCS=2`); the answer never varies.
            RuntimeNumCPU => func("runtime", "NumCPU").results(&[INT]),
            /// `runtime.GOMAXPROCS(n int) int`: the previous setting (at first `NumCPU()`); `n ≥ 1` sets
            /// it. A step that every goroutine's later call can observe (a scheduling point). It changes
            /// no interleaving: with any setting Go preempts goroutines, so every schedule stays possible.
            RuntimeGomaxprocs =>
                func("runtime", "GOMAXPROCS").params(&[INT]).results(&[INT]).visibility(Scheduler),
        }
    };
}
