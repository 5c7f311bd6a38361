//! The library table's rows for package `testing`: `*testing.T`'s methods and the test binary's runtime hooks.
//! Gathered into [`LibFunc`](super::LibFunc) by `lib_funcs!` (`table_macro.rs`).

macro_rules! testing_rows {
    ($cb:ident, $($pre:tt)*) => {
        $cb! { $($pre)*
            /// `(*testing.T).Log(args ...any)`
            TestingLog => method(SyncKind::TestingT, "Log").params(&[ANYS]).variadic().visibility(Log),
            /// `(*testing.T).Logf(format string, args ...any)`
            TestingLogf => method(SyncKind::TestingT, "Logf").params(&[STRING, ANYS]).variadic().visibility(Log),
            /// `(*testing.T).Error(args ...any)`: Log, then Fail.
            TestingError => method(SyncKind::TestingT, "Error").params(&[ANYS]).variadic().visibility(Log),
            /// `(*testing.T).Errorf(format string, args ...any)`
            TestingErrorf => method(SyncKind::TestingT, "Errorf").params(&[STRING, ANYS]).variadic().visibility(Log),
            /// `(*testing.T).Fatal(args ...any)`: Log, then FailNow.
            TestingFatal => method(SyncKind::TestingT, "Fatal").params(&[ANYS]).variadic().visibility(Log),
            /// `(*testing.T).Fatalf(format string, args ...any)`
            TestingFatalf => method(SyncKind::TestingT, "Fatalf").params(&[STRING, ANYS]).variadic().visibility(Log),
            /// `(*testing.T).Skip(args ...any)`: Log, then SkipNow.
            TestingSkip => method(SyncKind::TestingT, "Skip").params(&[ANYS]).variadic().visibility(Log),
            /// `(*testing.T).Skipf(format string, args ...any)`
            TestingSkipf => method(SyncKind::TestingT, "Skipf").params(&[STRING, ANYS]).variadic().visibility(Log),
            /// `(*testing.T).Fail()`
            TestingFail => method(SyncKind::TestingT, "Fail").visibility(Object),
            /// `(*testing.T).FailNow()`: Fail, then `runtime.Goexit`.
            TestingFailNow => method(SyncKind::TestingT, "FailNow").visibility(Object),
            /// `(*testing.T).SkipNow()`
            TestingSkipNow => method(SyncKind::TestingT, "SkipNow").visibility(Object),
            /// `(*testing.T).Failed() bool`
            TestingFailed => method(SyncKind::TestingT, "Failed").results(&[BOOL]).visibility(Object),
            /// `(*testing.T).Skipped() bool`
            TestingSkipped => method(SyncKind::TestingT, "Skipped").results(&[BOOL]).visibility(Object),
            /// `(*testing.T).Name() string`
            TestingName => method(SyncKind::TestingT, "Name").results(&[STRING]).visibility(Object),
            /// `(*testing.T).Helper()`: log lines name the caller of the calling function.
            TestingHelper => method(SyncKind::TestingT, "Helper").visibility(Object),
            /// `(*testing.T).Run(name string, f func(t *T)) bool`: found by the checker; lowering
            /// compiles it as Go's `testing.(*T).Run` (`lang::lower::runner`): `f` runs on a new
            /// goroutine with a new `T`, and `Run` waits for it.
            TestingRun => method(SyncKind::TestingT, "Run")
                .params(&[STRING, SUBTEST])
                .results(&[BOOL])
                .visibility(Object),
            /// `(*testing.T).Cleanup(f func())`: `f` runs after the test, last registered first.
            TestingCleanup => method(SyncKind::TestingT, "Cleanup")
                .params(&[LibType::Func(&[], &[])])
                .visibility(Object),
            /// `(*testing.T).Parallel()`: found by the checker; lowering compiles it as Go's
            /// `testing.(*T).Parallel` (pause until the parent's body is done, then go on).
            TestingParallel => method(SyncKind::TestingT, "Parallel").visibility(Object),
            /// `(*testing.T).Setenv(key, value string)`: found by the checker; lowering passes the
            /// environment and the cleanup (`lang/lower/env.rs`, also `testing.(*T).Setenv` as a
            /// function for method values and calls through `testing.TB`).
            TestingSetenv => method(SyncKind::TestingT, "Setenv").params(&[STRING, STRING]).visibility(Object),
            /// `(*testing.T).TempDir() string`: a fake, deterministic path of Go's shape
            /// (`/tmp/TestName0000000001/001`, numbered per call); nothing is created.
            TestingTempDir => method(SyncKind::TestingT, "TempDir").results(&[STRING]).visibility(Object),
            /// `(*testing.T).Deadline() (deadline time.Time, ok bool)`: `go test`'s default
            /// `-timeout` (10m) after the binary's start on racemap's virtual clock, `true`.
            TestingDeadline => method(SyncKind::TestingT, "Deadline")
                .results(&[TIME, BOOL])
                .visibility(Object),
            /// `(*testing.T).private()`: `testing.TB`'s unexported method, so that only `*T` and
            /// `*B` implement it (the checker refuses a selector naming it, as Go does).
            TestingPrivate => method(SyncKind::TestingT, "private"),
            /// `testing.Short() bool`: false, as under `go test` without `-short`.
            TestingShort => func("testing", "Short").results(&[BOOL]),
            /// `testing.Verbose() bool`: whether the tests run with `-v`.
            TestingVerbose => func("testing", "Verbose").results(&[BOOL]),
            /// `=== PAUSE`: the test becomes parallel; its parent's `Run` returns.
            TestingParallelPause =>
                LibFuncSpec::new(Owner::Runtime("testing"), "(*T).Parallel.pause").visibility(Log),
            /// `<-t.parent.barrier`, then `=== CONT`: enabled once the parent's body is done.
            TestingParallelResume =>
                LibFuncSpec::new(Owner::Runtime("testing"), "(*T).Parallel.resume").visibility(Log),
            /// `close(t.barrier)` in `tRunner` after the test's body: its parallel subtests go on.
            TestingReleaseSubs =>
                LibFuncSpec::new(Owner::Runtime("testing"), "tRunner.release").visibility(Object),
            /// `<-sub.signal` for every parallel subtest: enabled once they all ended.
            TestingWaitSubs =>
                LibFuncSpec::new(Owner::Runtime("testing"), "tRunner.waitSubs").visibility(Object),
            /// The start of a subtest in `testing.(*T).Run(t, name)`: a new `T` named `parent/name`
            /// (printed `=== RUN` with -v).
            TestingSubStart =>
                LibFuncSpec::new(Owner::Runtime("testing"), "(*T).Run.start").visibility(Log),
            /// `<-t.signal` of `testing.(*T).Run` for a subtest: enabled once the subtest ended;
            /// whether it passed.
            TestingSubWait =>
                LibFuncSpec::new(Owner::Runtime("testing"), "(*T).Run.signal").visibility(Object),
            /// The next cleanup of the `T` (last registered first), and whether there was one.
            TestingPopCleanup =>
                LibFuncSpec::new(Owner::Runtime("testing"), "tRunner.cleanup").visibility(Object),
            /// The end of a test's goroutine: a subtest reports to its parent (`--- PASS` lines).
            TestingEnd => LibFuncSpec::new(Owner::Runtime("testing"), "tRunner.end").visibility(Log),
            /// `TestingStart(root *T, name string)`: the test binary's main names its root `T` and
            /// makes it chatty under `-v` (`Program::test_binary`).
            TestingStart => LibFuncSpec::new(Owner::Runtime("testing"), "tRunner"),
            /// `TestingMatch(i int) bool`: whether the test binary runs test `i` (Go's
            /// `matcher.fullName` for `-run`).
            TestingMatch => LibFuncSpec::new(Owner::Runtime("testing"), "(*matcher).fullName"),
            /// The end of racemap's test binary: enabled once every other goroutine is done or
            /// blocked (so the goroutines tests leave behind run as far as they can, and the ones
            /// still blocked then are leaks).
            TestingQuiesce =>
                LibFuncSpec::new(Owner::Runtime("testing"), "tRunner.quiesce").visibility(Scheduler),
            /// `(*testing.M).Run() (code int)`: runs the tests and examples (lowering compiles it:
            /// `testing.runTests`, then [`LibFunc::TestingRunResult`]).
            TestingMRun => LibFuncSpec::new(Owner::Struct("testing", "M"), "Run").results(&[INT]),
            /// The end of `m.Run()`: prints `FAIL` (a test failed or the race detector reported
            /// a race) or `PASS` (with -v; racemap's summary leaves it out otherwise) and returns
            /// the exit code, 1 or 0.
            TestingRunResult => LibFuncSpec::new(Owner::Runtime("testing"), "(*M).Run.result")
                .results(&[INT])
                .visibility(Output),
            // `testing.B` and `testing.PB` (benchmarks): signatures only. A benchmark type-checks and
            // compiles but never runs (`go test` without `-bench`), so these have no semantics.
            /// `(*testing.B).ReportAllocs()`
            BenchReportAllocs => bench("ReportAllocs"),
            /// `(*testing.B).ResetTimer()`
            BenchResetTimer => bench("ResetTimer"),
            /// `(*testing.B).StartTimer()`
            BenchStartTimer => bench("StartTimer"),
            /// `(*testing.B).StopTimer()`
            BenchStopTimer => bench("StopTimer"),
            /// `(*testing.B).SetBytes(n int64)`
            BenchSetBytes => bench("SetBytes").params(&[INT64]),
            /// `(*testing.B).SetParallelism(p int)`
            BenchSetParallelism => bench("SetParallelism").params(&[INT]),
            /// `(*testing.B).ReportMetric(n float64, unit string)`
            BenchReportMetric => bench("ReportMetric").params(&[FLOAT64, STRING]),
            /// `(*testing.B).Run(name string, f func(b *testing.B)) bool`
            BenchRun => bench("Run").params(&[STRING, SUB_BENCHMARK]).results(&[BOOL]),
            /// `(*testing.B).RunParallel(body func(*testing.PB))`
            BenchRunParallel => bench("RunParallel").params(&[PARALLEL_BODY]),
            /// `(*testing.B).Log(args ...any)`
            BenchLog => bench("Log").params(&[ANYS]).variadic(),
            /// `(*testing.B).Logf(format string, args ...any)`
            BenchLogf => bench("Logf").params(&[STRING, ANYS]).variadic(),
            /// `(*testing.B).Error(args ...any)`
            BenchError => bench("Error").params(&[ANYS]).variadic(),
            /// `(*testing.B).Errorf(format string, args ...any)`
            BenchErrorf => bench("Errorf").params(&[STRING, ANYS]).variadic(),
            /// `(*testing.B).Fatal(args ...any)`
            BenchFatal => bench("Fatal").params(&[ANYS]).variadic(),
            /// `(*testing.B).Fatalf(format string, args ...any)`
            BenchFatalf => bench("Fatalf").params(&[STRING, ANYS]).variadic(),
            /// `(*testing.B).Skip(args ...any)`
            BenchSkip => bench("Skip").params(&[ANYS]).variadic(),
            /// `(*testing.B).Skipf(format string, args ...any)`
            BenchSkipf => bench("Skipf").params(&[STRING, ANYS]).variadic(),
            /// `(*testing.B).Fail()`
            BenchFail => bench("Fail"),
            /// `(*testing.B).FailNow()`
            BenchFailNow => bench("FailNow"),
            /// `(*testing.B).SkipNow()`
            BenchSkipNow => bench("SkipNow"),
            /// `(*testing.B).Failed() bool`
            BenchFailed => bench("Failed").results(&[BOOL]),
            /// `(*testing.B).Skipped() bool`
            BenchSkipped => bench("Skipped").results(&[BOOL]),
            /// `(*testing.B).Name() string`
            BenchName => bench("Name").results(&[STRING]),
            /// `(*testing.B).Helper()`
            BenchHelper => bench("Helper"),
            /// `(*testing.B).Cleanup(f func())`
            BenchCleanup => bench("Cleanup").params(&[LibType::Func(&[], &[])]),
            /// `(*testing.B).Setenv(key, value string)`
            BenchSetenv => bench("Setenv").params(&[STRING, STRING]),
            /// `(*testing.B).TempDir() string`
            BenchTempDir => bench("TempDir").results(&[STRING]),
            /// `(*testing.B).private()`: `testing.TB`'s unexported method.
            BenchPrivate => bench("private"),
            /// `TestingExampleStart(root *T, i int)`: example `i` starts (`=== RUN` with -v); its
            /// stdout is captured (Go's `runExample` redirects `os.Stdout` to a pipe).
            TestingExampleStart =>
                LibFuncSpec::new(Owner::Runtime("testing"), "runExample.start").visibility(Log),
            /// `TestingExampleEnd(root *T, i int)`: example `i` ends: what it printed against its
            /// output comment, `--- PASS`/`--- FAIL` (Go's `processRunResult`).
            TestingExampleEnd =>
                LibFuncSpec::new(Owner::Runtime("testing"), "runExample.func2").visibility(Log),
            /// `(*testing.PB).Next() bool`
            BenchPbNext => LibFuncSpec::new(Owner::Struct("testing", "PB"), "Next").results(&[BOOL]),
        }
    };
}
