//! The library functions and methods the VM implements natively ([`LibFunc`]), declared once
//! in one table. Each row is a variant and its facts as data ([`LibFuncSpec`]): where it lives
//! ([`Owner`]: a package, a `sync`/`atomic` type, an interface), its Go name, its signature
//! ([`LibType`]s the checker turns into types) and its [`Visibility`] (local computation, or a
//! visible operation and what it touches). Everything else is derived from the row: Go's
//! runtime name, method-ness, the receiver's [`SyncKind`], the number of results, which
//! arguments are boxed to `any`. A leaf: the checker's package tables (`packages.rs`),
//! lowering, the bytecode and the runtime read it; only what a call *does* is written elsewhere
//! (the interpreter's `rt/interp/library.rs`). ARCHITECTURE.md says how to add a function.

use crate::types::SyncKind;

#[macro_use]
mod table_macro;
mod short;
mod spec;
pub use spec::{AtomicOpKind, LibFuncSpec, LibType, Owner, Visibility};

use short::*;

use Visibility::{Clock, Log, Object, Output, Scheduler, Timer};

lib_funcs! {
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
    /// `fmt.Errorf(format string, a ...any) error`
    FmtErrorf => func("fmt", "Errorf").params(&[STRING, ANYS]).variadic().results(&[ERROR]),
    /// `errors.New(text string) error`: a new error, equal only to itself.
    ErrorsNew => func("errors", "New").params(&[STRING]).results(&[ERROR]),
    /// `errors.Is(err, target error) bool`: `err` or an error it wraps is `target`.
    ErrorsIs => func("errors", "Is").params(&[ERROR, ERROR]).results(&[BOOL]),
    /// `errors.Unwrap(err error) error`: the error wrapped by `fmt.Errorf`'s `%w`, or nil.
    ErrorsUnwrap => func("errors", "Unwrap").params(&[ERROR]).results(&[ERROR]),
    /// `errors.As(err error, target any) bool`: stores the first error in `err`'s chain that is
    /// assignable to `*target` (a visible write of `*target`).
    ErrorsAs => func("errors", "As").params(&[ERROR, ANY]).results(&[BOOL]).visibility(Object),
    /// `strconv.Itoa(int) string`
    StrconvItoa => func("strconv", "Itoa").params(&[INT]).results(&[STRING]),
    /// `strconv.Atoi(string) (int, error)`
    StrconvAtoi => func("strconv", "Atoi").params(&[STRING]).results(&[INT, ERROR]),
    /// `strings.Contains(s, substr string) bool`
    StringsContains => func("strings", "Contains").params(&[STRING, STRING]).results(&[BOOL]),
    /// `strings.HasPrefix(s, prefix string) bool`
    StringsHasPrefix => func("strings", "HasPrefix").params(&[STRING, STRING]).results(&[BOOL]),
    /// `strings.HasSuffix(s, suffix string) bool`
    StringsHasSuffix => func("strings", "HasSuffix").params(&[STRING, STRING]).results(&[BOOL]),
    /// `strings.Repeat(s string, n int) string`
    StringsRepeat => func("strings", "Repeat").params(&[STRING, INT]).results(&[STRING]),
    /// `strings.ToUpper(s string) string`
    StringsToUpper => func("strings", "ToUpper").params(&[STRING]).results(&[STRING]),
    /// `strings.ToLower(s string) string`
    StringsToLower => func("strings", "ToLower").params(&[STRING]).results(&[STRING]),
    /// `strings.Join(elems []string, sep string) string`
    StringsJoin => func("strings", "Join")
        .params(&[LibType::Slice(&STRING), STRING])
        .results(&[STRING]),
    /// `strings.Split(s, sep string) []string`
    StringsSplit => func("strings", "Split")
        .params(&[STRING, STRING])
        .results(&[LibType::Slice(&STRING)]),
    /// `time.Sleep(d Duration)`
    TimeSleep => func("time", "Sleep").params(&[DURATION]).visibility(Clock),
    /// `time.Now() Time`: the virtual clock.
    TimeNow => func("time", "Now").results(&[TIME]).visibility(Clock),
    /// `time.Since(t Time) Duration`: `time.Now().Sub(t)`.
    TimeSince => func("time", "Since").params(&[TIME]).results(&[DURATION]).visibility(Clock),
    /// `(Time).Sub(u Time) Duration` (a value receiver: the first operand is the Time).
    TimeSub => LibFuncSpec::new(Owner::Struct("time", "Time"), "Sub")
        .params(&[TIME])
        .results(&[DURATION]),
    /// `(Duration).String() string`: `1.5s`, `2h3m0s` (a value receiver, as `Time`'s).
    DurationString => LibFuncSpec::new(Owner::Struct("time", "Duration"), "String").results(&[STRING]),
    /// `(Duration).Seconds() float64`
    DurationSeconds =>
        LibFuncSpec::new(Owner::Struct("time", "Duration"), "Seconds").results(&[FLOAT64]),
    /// `(Duration).Minutes() float64`
    DurationMinutes =>
        LibFuncSpec::new(Owner::Struct("time", "Duration"), "Minutes").results(&[FLOAT64]),
    /// `(Duration).Hours() float64`
    DurationHours => LibFuncSpec::new(Owner::Struct("time", "Duration"), "Hours").results(&[FLOAT64]),
    /// `(Duration).Milliseconds() int64`
    DurationMilliseconds =>
        LibFuncSpec::new(Owner::Struct("time", "Duration"), "Milliseconds").results(&[INT64]),
    /// `(Duration).Microseconds() int64`
    DurationMicroseconds =>
        LibFuncSpec::new(Owner::Struct("time", "Duration"), "Microseconds").results(&[INT64]),
    /// `(Duration).Nanoseconds() int64`
    DurationNanoseconds =>
        LibFuncSpec::new(Owner::Struct("time", "Duration"), "Nanoseconds").results(&[INT64]),
    /// `(Duration).Round(m Duration) Duration`: to the nearest multiple of `m`, halves away
    /// from zero (saturating).
    DurationRound => duration_method("Round").params(&[DURATION]).results(&[DURATION]),
    /// `(Duration).Truncate(m Duration) Duration`: toward zero to a multiple of `m`.
    DurationTruncate => duration_method("Truncate").params(&[DURATION]).results(&[DURATION]),
    /// `(Duration).Abs() Duration` (saturating: `minDuration.Abs()` is `maxDuration`).
    DurationAbs => duration_method("Abs").results(&[DURATION]),
    /// `time.ParseDuration(s string) (Duration, error)`: Go 1.19's parser and messages
    /// (`rt/parse_duration.rs`).
    TimeParseDuration => func("time", "ParseDuration").params(&[STRING]).results(&[DURATION, ERROR]),
    /// `(Time).IsZero() bool`: the zero `Time` (January 1, year 1).
    TimeIsZero => LibFuncSpec::new(Owner::Struct("time", "Time"), "IsZero").results(&[BOOL]),
    /// `(Time).Before(u Time) bool`
    TimeBefore => LibFuncSpec::new(Owner::Struct("time", "Time"), "Before")
        .params(&[TIME])
        .results(&[BOOL]),
    /// `(Time).After(u Time) bool` (`TimeAfter` is the function `time.After`).
    TimeAfterMethod => LibFuncSpec::new(Owner::Struct("time", "Time"), "After")
        .params(&[TIME])
        .results(&[BOOL]),
    /// `(Time).Equal(u Time) bool`
    TimeEqual => LibFuncSpec::new(Owner::Struct("time", "Time"), "Equal")
        .params(&[TIME])
        .results(&[BOOL]),
    /// `(Time).Add(d Duration) Time` (saturating; the zero `Time` plus `d` is before every
    /// time of a run, as Go's January 1, year 1 is).
    TimeAdd => time_method("Add").params(&[DURATION]).results(&[TIME]),
    /// `time.Until(t Time) Duration`: `t.Sub(time.Now())`.
    TimeUntil => func("time", "Until").params(&[TIME]).results(&[DURATION]).visibility(Clock),
    /// `time.After(d Duration) <-chan Time`: the channel of a new timer (`rt::timer`).
    TimeAfter => func("time", "After").params(&[DURATION]).results(&[TIME_CHAN]).visibility(Timer),
    /// `time.Tick(d Duration) <-chan Time`: the channel of a new ticker (nil if `d <= 0`).
    TimeTick => func("time", "Tick").params(&[DURATION]).results(&[TIME_CHAN]).visibility(Timer),
    /// `time.NewTimer(d Duration) *Timer`
    TimeNewTimer => func("time", "NewTimer")
        .params(&[DURATION])
        .results(&[LibType::Pointer(&TIMER)])
        .visibility(Timer),
    /// `time.NewTicker(d Duration) *Ticker`: panics `non-positive interval for NewTicker` if
    /// `d <= 0`.
    TimeNewTicker => func("time", "NewTicker")
        .params(&[DURATION])
        .results(&[LibType::Pointer(&TICKER)])
        .visibility(Timer),
    /// `time.AfterFunc(d Duration, f func()) *Timer`: `go f()` when the timer fires.
    TimeAfterFunc => func("time", "AfterFunc")
        .params(&[DURATION, LibType::Func(&[], &[])])
        .results(&[LibType::Pointer(&TIMER)])
        .visibility(Timer),
    /// `(*Timer).Stop() bool` (called on the Timer's runtime timer, its field `r`).
    TimerStop => LibFuncSpec::new(Owner::Struct("time", "Timer"), "Stop")
        .results(&[BOOL])
        .visibility(Object),
    /// `(*Timer).Reset(d Duration) bool`
    TimerReset => LibFuncSpec::new(Owner::Struct("time", "Timer"), "Reset")
        .params(&[DURATION])
        .results(&[BOOL])
        .visibility(Object),
    /// `(*Ticker).Stop()`
    TickerStop => LibFuncSpec::new(Owner::Struct("time", "Ticker"), "Stop").visibility(Object),
    /// `(*Ticker).Reset(d Duration)`
    TickerReset => LibFuncSpec::new(Owner::Struct("time", "Ticker"), "Reset")
        .params(&[DURATION])
        .visibility(Object),
    /// `context.Background() Context`
    ContextBackground => func("context", "Background").results(&[CONTEXT]),
    /// `context.TODO() Context`
    ContextTodo => func("context", "TODO").results(&[CONTEXT]),
    /// `context.WithCancel(parent Context) (ctx Context, cancel CancelFunc)`: registers the
    /// child with its parent (under the parent's lock).
    ContextWithCancel => func("context", "WithCancel")
        .params(&[CONTEXT])
        .results(&[CONTEXT, CANCEL_FUNC])
        .visibility(Object),
    /// `context.WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc)`:
    /// `WithDeadline(parent, time.Now().Add(timeout))`.
    ContextWithTimeout => func("context", "WithTimeout")
        .params(&[CONTEXT, DURATION])
        .results(&[CONTEXT, CANCEL_FUNC])
        .visibility(Timer),
    /// `context.WithDeadline(parent Context, d time.Time) (Context, CancelFunc)`: arms a timer
    /// that cancels the context with `DeadlineExceeded`.
    ContextWithDeadline => func("context", "WithDeadline")
        .params(&[CONTEXT, TIME])
        .results(&[CONTEXT, CANCEL_FUNC])
        .visibility(Timer),
    /// `context.WithValue(parent Context, key, val any) Context`
    ContextWithValue => func("context", "WithValue")
        .params(&[CONTEXT, ANY, ANY])
        .results(&[CONTEXT]),
    /// `context.Canceled`: the error `Err` returns after a cancel (a package variable).
    ContextCanceled => LibFuncSpec::new(Owner::PackageVar("context"), "Canceled").results(&[ERROR]),
    /// `context.DeadlineExceeded`: the error `Err` returns after the deadline.
    ContextDeadlineExceeded =>
        LibFuncSpec::new(Owner::PackageVar("context"), "DeadlineExceeded").results(&[ERROR]),
    /// `Done() <-chan struct{}` of the contexts package `context` makes (under their lock).
    ContextDone => method(SyncKind::Context, "Done").results(&[DONE_CHAN]).visibility(Object),
    /// `Err() error` (under the context's lock).
    ContextErr => method(SyncKind::Context, "Err").results(&[ERROR]).visibility(Object),
    /// `Value(key any) any`: the value of the nearest `WithValue` with an equal key.
    ContextValue => method(SyncKind::Context, "Value").params(&[ANY]).results(&[ANY]),
    /// `Deadline() (deadline time.Time, ok bool)`
    ContextDeadline => method(SyncKind::Context, "Deadline").results(&[TIME, BOOL]),
    /// The `CancelFunc` of `WithCancel`/`WithDeadline`/`WithTimeout` (`context.WithCancel.func1`,
    /// compiled by lowering): cancels the context it is bound to, its children, its timer.
    ContextCancel =>
        LibFuncSpec::new(Owner::Runtime("context"), "WithCancel.func1").visibility(Object),
    /// `atomic.AddInt32(addr *int32, delta int32) int32`
    AtomicAddInt32 => func("sync/atomic", "AddInt32")
        .params(&[LibType::Pointer(&INT32), INT32])
        .results(&[INT32])
        .visibility(Object),
    /// `atomic.AddInt64(addr *int64, delta int64) int64`
    AtomicAddInt64 => func("sync/atomic", "AddInt64")
        .params(&[LibType::Pointer(&INT64), INT64])
        .results(&[INT64])
        .visibility(Object),
    /// `atomic.LoadInt32(addr *int32) int32`
    AtomicLoadInt32 => func("sync/atomic", "LoadInt32")
        .params(&[LibType::Pointer(&INT32)])
        .results(&[INT32])
        .visibility(Object),
    /// `atomic.LoadInt64(addr *int64) int64`
    AtomicLoadInt64 => func("sync/atomic", "LoadInt64")
        .params(&[LibType::Pointer(&INT64)])
        .results(&[INT64])
        .visibility(Object),
    /// `atomic.StoreInt32(addr *int32, val int32)`
    AtomicStoreInt32 => func("sync/atomic", "StoreInt32")
        .params(&[LibType::Pointer(&INT32), INT32])
        .visibility(Object),
    /// `atomic.StoreInt64(addr *int64, val int64)`
    AtomicStoreInt64 => func("sync/atomic", "StoreInt64")
        .params(&[LibType::Pointer(&INT64), INT64])
        .visibility(Object),
    /// `atomic.CompareAndSwapInt32(addr *int32, old, new int32) bool`
    AtomicCompareAndSwapInt32 => func("sync/atomic", "CompareAndSwapInt32")
        .params(&[LibType::Pointer(&INT32), INT32, INT32])
        .results(&[BOOL])
        .visibility(Object),
    /// `atomic.CompareAndSwapInt64(addr *int64, old, new int64) bool`
    AtomicCompareAndSwapInt64 => func("sync/atomic", "CompareAndSwapInt64")
        .params(&[LibType::Pointer(&INT64), INT64, INT64])
        .results(&[BOOL])
        .visibility(Object),
    /// `atomic.AddUint32(addr *uint32, delta uint32) uint32`
    AtomicAddUint32 => func("sync/atomic", "AddUint32")
        .params(&[LibType::Pointer(&UINT32), UINT32])
        .results(&[UINT32])
        .visibility(Object),
    /// `atomic.LoadUint32(addr *uint32) uint32`
    AtomicLoadUint32 => func("sync/atomic", "LoadUint32")
        .params(&[LibType::Pointer(&UINT32)])
        .results(&[UINT32])
        .visibility(Object),
    /// `atomic.StoreUint32(addr *uint32, val uint32)`
    AtomicStoreUint32 => func("sync/atomic", "StoreUint32")
        .params(&[LibType::Pointer(&UINT32), UINT32])
        .visibility(Object),
    /// `atomic.CompareAndSwapUint32(addr *uint32, old, new uint32) bool`
    AtomicCompareAndSwapUint32 => func("sync/atomic", "CompareAndSwapUint32")
        .params(&[LibType::Pointer(&UINT32), UINT32, UINT32])
        .results(&[BOOL])
        .visibility(Object),
    /// `atomic.AddUint64(addr *uint64, delta uint64) uint64`
    AtomicAddUint64 => func("sync/atomic", "AddUint64")
        .params(&[LibType::Pointer(&UINT64), UINT64])
        .results(&[UINT64])
        .visibility(Object),
    /// `atomic.LoadUint64(addr *uint64) uint64`
    AtomicLoadUint64 => func("sync/atomic", "LoadUint64")
        .params(&[LibType::Pointer(&UINT64)])
        .results(&[UINT64])
        .visibility(Object),
    /// `atomic.StoreUint64(addr *uint64, val uint64)`
    AtomicStoreUint64 => func("sync/atomic", "StoreUint64")
        .params(&[LibType::Pointer(&UINT64), UINT64])
        .visibility(Object),
    /// `atomic.CompareAndSwapUint64(addr *uint64, old, new uint64) bool`
    AtomicCompareAndSwapUint64 => func("sync/atomic", "CompareAndSwapUint64")
        .params(&[LibType::Pointer(&UINT64), UINT64, UINT64])
        .results(&[BOOL])
        .visibility(Object),
    /// `atomic.SwapInt32(addr *int32, new int32) (old int32)`
    AtomicSwapInt32 => func("sync/atomic", "SwapInt32")
        .params(&[LibType::Pointer(&INT32), INT32])
        .results(&[INT32])
        .visibility(Object),
    /// `atomic.SwapInt64(addr *int64, new int64) (old int64)`
    AtomicSwapInt64 => func("sync/atomic", "SwapInt64")
        .params(&[LibType::Pointer(&INT64), INT64])
        .results(&[INT64])
        .visibility(Object),
    /// `atomic.SwapUint32(addr *uint32, new uint32) (old uint32)`
    AtomicSwapUint32 => func("sync/atomic", "SwapUint32")
        .params(&[LibType::Pointer(&UINT32), UINT32])
        .results(&[UINT32])
        .visibility(Object),
    /// `atomic.SwapUint64(addr *uint64, new uint64) (old uint64)`
    AtomicSwapUint64 => func("sync/atomic", "SwapUint64")
        .params(&[LibType::Pointer(&UINT64), UINT64])
        .results(&[UINT64])
        .visibility(Object),
    /// `(*sync.Mutex).Lock()`
    MutexLock => method(SyncKind::Mutex, "Lock").visibility(Object),
    /// `(*sync.Mutex).Unlock()`
    MutexUnlock => method(SyncKind::Mutex, "Unlock").visibility(Object),
    /// `(*sync.Mutex).TryLock() bool`
    MutexTryLock => method(SyncKind::Mutex, "TryLock").results(&[BOOL]).visibility(Object),
    /// `(*sync.RWMutex).Lock()`
    RwMutexLock => method(SyncKind::RwMutex, "Lock").visibility(Object),
    /// `(*sync.RWMutex).Unlock()`
    RwMutexUnlock => method(SyncKind::RwMutex, "Unlock").visibility(Object),
    /// `(*sync.RWMutex).RLock()`
    RwMutexRLock => method(SyncKind::RwMutex, "RLock").visibility(Object),
    /// `(*sync.RWMutex).RUnlock()`
    RwMutexRUnlock => method(SyncKind::RwMutex, "RUnlock").visibility(Object),
    /// `(*sync.RWMutex).TryLock() bool`
    RwMutexTryLock => method(SyncKind::RwMutex, "TryLock").results(&[BOOL]).visibility(Object),
    /// `(*sync.RWMutex).TryRLock() bool`
    RwMutexTryRLock => method(SyncKind::RwMutex, "TryRLock").results(&[BOOL]).visibility(Object),
    /// `(*sync.WaitGroup).Add(delta int)`
    WaitGroupAdd => method(SyncKind::WaitGroup, "Add").params(&[INT]).visibility(Object),
    /// `(*sync.WaitGroup).Done()`
    WaitGroupDone => method(SyncKind::WaitGroup, "Done").visibility(Object),
    /// `(*sync.WaitGroup).Wait()`
    WaitGroupWait => method(SyncKind::WaitGroup, "Wait").visibility(Object),
    /// `(*sync.Once).Do(f func())`
    OnceDo => method(SyncKind::Once, "Do").params(&[LibType::Func(&[], &[])]).visibility(Object),
    /// `(*sync.Map).Load(key any) (value any, ok bool)`
    SyncMapLoad => method(SyncKind::Map, "Load")
        .params(&[ANY])
        .results(&[ANY, BOOL])
        .visibility(Object),
    /// `(*sync.Map).Store(key, value any)`
    SyncMapStore => method(SyncKind::Map, "Store").params(&[ANY, ANY]).visibility(Object),
    /// `(*sync.Map).LoadOrStore(key, value any) (actual any, loaded bool)`
    SyncMapLoadOrStore => method(SyncKind::Map, "LoadOrStore")
        .params(&[ANY, ANY])
        .results(&[ANY, BOOL])
        .visibility(Object),
    /// `(*sync.Map).LoadAndDelete(key any) (value any, loaded bool)`
    SyncMapLoadAndDelete => method(SyncKind::Map, "LoadAndDelete")
        .params(&[ANY])
        .results(&[ANY, BOOL])
        .visibility(Object),
    /// `(*sync.Map).Delete(key any)`
    SyncMapDelete => method(SyncKind::Map, "Delete").params(&[ANY]).visibility(Object),
    /// `(*sync.Map).Range(f func(key, value any) bool)`
    SyncMapRange => method(SyncKind::Map, "Range")
        .params(&[LibType::Func(&[ANY, ANY], &[BOOL])])
        .visibility(Object),
    /// `(*sync.Map).Swap(key, value any) (previous any, loaded bool)`
    SyncMapSwap => method(SyncKind::Map, "Swap")
        .params(&[ANY, ANY])
        .results(&[ANY, BOOL])
        .visibility(Object),
    /// `(*sync.Map).CompareAndSwap(key, old, new any) (swapped bool)`
    SyncMapCompareAndSwap => method(SyncKind::Map, "CompareAndSwap")
        .params(&[ANY, ANY, ANY])
        .results(&[BOOL])
        .visibility(Object),
    /// `(*atomic.Int32).Add(delta int32) int32`
    AtomicInt32Add => method(SyncKind::AtomicInt32, "Add")
        .params(&[INT32])
        .results(&[INT32])
        .visibility(Object),
    /// `(*atomic.Int32).Load() int32`
    AtomicInt32Load => method(SyncKind::AtomicInt32, "Load").results(&[INT32]).visibility(Object),
    /// `(*atomic.Int32).Store(val int32)`
    AtomicInt32Store => method(SyncKind::AtomicInt32, "Store").params(&[INT32]).visibility(Object),
    /// `(*atomic.Int32).Swap(new int32) int32`
    AtomicInt32Swap => method(SyncKind::AtomicInt32, "Swap")
        .params(&[INT32])
        .results(&[INT32])
        .visibility(Object),
    /// `(*atomic.Int32).CompareAndSwap(old, new int32) bool`
    AtomicInt32CompareAndSwap => method(SyncKind::AtomicInt32, "CompareAndSwap")
        .params(&[INT32, INT32])
        .results(&[BOOL])
        .visibility(Object),
    /// `(*atomic.Int64).Add(delta int64) int64`
    AtomicInt64Add => method(SyncKind::AtomicInt64, "Add")
        .params(&[INT64])
        .results(&[INT64])
        .visibility(Object),
    /// `(*atomic.Int64).Load() int64`
    AtomicInt64Load => method(SyncKind::AtomicInt64, "Load").results(&[INT64]).visibility(Object),
    /// `(*atomic.Int64).Store(val int64)`
    AtomicInt64Store => method(SyncKind::AtomicInt64, "Store").params(&[INT64]).visibility(Object),
    /// `(*atomic.Int64).Swap(new int64) int64`
    AtomicInt64Swap => method(SyncKind::AtomicInt64, "Swap")
        .params(&[INT64])
        .results(&[INT64])
        .visibility(Object),
    /// `(*atomic.Int64).CompareAndSwap(old, new int64) bool`
    AtomicInt64CompareAndSwap => method(SyncKind::AtomicInt64, "CompareAndSwap")
        .params(&[INT64, INT64])
        .results(&[BOOL])
        .visibility(Object),
    /// `(*atomic.Bool).Load() bool`
    AtomicBoolLoad => method(SyncKind::AtomicBool, "Load").results(&[BOOL]).visibility(Object),
    /// `(*atomic.Bool).Store(val bool)`
    AtomicBoolStore => method(SyncKind::AtomicBool, "Store").params(&[BOOL]).visibility(Object),
    /// `(*atomic.Bool).Swap(new bool) (old bool)`
    AtomicBoolSwap => method(SyncKind::AtomicBool, "Swap")
        .params(&[BOOL])
        .results(&[BOOL])
        .visibility(Object),
    /// `(*atomic.Bool).CompareAndSwap(old, new bool) (swapped bool)`
    AtomicBoolCompareAndSwap => method(SyncKind::AtomicBool, "CompareAndSwap")
        .params(&[BOOL, BOOL])
        .results(&[BOOL])
        .visibility(Object),
    /// `(*atomic.Uint32).Add(delta uint32) (new uint32)`
    AtomicUint32Add => method(SyncKind::AtomicUint32, "Add")
        .params(&[UINT32])
        .results(&[UINT32])
        .visibility(Object),
    /// `(*atomic.Uint32).Load() uint32`
    AtomicUint32Load => method(SyncKind::AtomicUint32, "Load").results(&[UINT32]).visibility(Object),
    /// `(*atomic.Uint32).Store(val uint32)`
    AtomicUint32Store => method(SyncKind::AtomicUint32, "Store").params(&[UINT32]).visibility(Object),
    /// `(*atomic.Uint32).Swap(new uint32) (old uint32)`
    AtomicUint32Swap => method(SyncKind::AtomicUint32, "Swap")
        .params(&[UINT32])
        .results(&[UINT32])
        .visibility(Object),
    /// `(*atomic.Uint32).CompareAndSwap(old, new uint32) (swapped bool)`
    AtomicUint32CompareAndSwap => method(SyncKind::AtomicUint32, "CompareAndSwap")
        .params(&[UINT32, UINT32])
        .results(&[BOOL])
        .visibility(Object),
    /// `(*atomic.Uint64).Add(delta uint64) (new uint64)`
    AtomicUint64Add => method(SyncKind::AtomicUint64, "Add")
        .params(&[UINT64])
        .results(&[UINT64])
        .visibility(Object),
    /// `(*atomic.Uint64).Load() uint64`
    AtomicUint64Load => method(SyncKind::AtomicUint64, "Load").results(&[UINT64]).visibility(Object),
    /// `(*atomic.Uint64).Store(val uint64)`
    AtomicUint64Store => method(SyncKind::AtomicUint64, "Store").params(&[UINT64]).visibility(Object),
    /// `(*atomic.Uint64).Swap(new uint64) (old uint64)`
    AtomicUint64Swap => method(SyncKind::AtomicUint64, "Swap")
        .params(&[UINT64])
        .results(&[UINT64])
        .visibility(Object),
    /// `(*atomic.Uint64).CompareAndSwap(old, new uint64) (swapped bool)`
    AtomicUint64CompareAndSwap => method(SyncKind::AtomicUint64, "CompareAndSwap")
        .params(&[UINT64, UINT64])
        .results(&[BOOL])
        .visibility(Object),
    /// `error.Error() string`: the message of an error value (the only interface method call
    /// racemap supports; errors come from `errors.New`, `fmt.Errorf` and `strconv.Atoi`).
    ErrorError => LibFuncSpec::new(Owner::Interface("error"), "Error").results(&[STRING]),
    /// `sync.NewCond(l Locker) *Cond`
    SyncNewCond => func("sync", "NewCond").params(&[LOCKER]).results(&[LibType::Pointer(&COND)]),
    /// `(*sync.Cond).Wait()`: found by the checker; lowering compiles it from Go's
    /// `sync/cond.go` (`runtime_notifyListAdd`, `L.Unlock`, `runtime_notifyListWait`, `L.Lock`).
    CondWait => LibFuncSpec::new(Owner::Struct("sync", "Cond"), "Wait").visibility(Object),
    /// `(*sync.Cond).Signal()`: wakes the longest-waiting goroutine (called on the notify list).
    CondSignal => LibFuncSpec::new(Owner::Struct("sync", "Cond"), "Signal").visibility(Object),
    /// `(*sync.Cond).Broadcast()`: wakes every waiting goroutine (called on the notify list).
    CondBroadcast => LibFuncSpec::new(Owner::Struct("sync", "Cond"), "Broadcast").visibility(Object),
    /// `runtime_notifyListAdd(l *notifyList) uint32`: a ticket for `Cond.Wait`. (Only compiled
    /// code calls the runtime hooks, so their operands are not declared: the notify list's
    /// address, and for `Wait` the ticket.)
    NotifyListAdd => LibFuncSpec::new(Owner::Runtime("sync"), "runtime_notifyListAdd")
        .results(&[INT])
        .visibility(Object),
    /// `runtime_notifyListWait(l *notifyList, t uint32)`: parks until ticket `t` is notified.
    NotifyListWait =>
        LibFuncSpec::new(Owner::Runtime("sync"), "runtime_notifyListWait").visibility(Object),
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
    /// `testing.Short() bool`: false, as under `go test` without `-short`.
    TestingShort => func("testing", "Short").results(&[BOOL]),
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
    // More of `strings` and `strconv` (local computation on byte strings).
    /// `strings.Fields(s string) []string`
    StringsFields => func("strings", "Fields").params(&[STRING]).results(&[STRINGS]),
    /// `strings.Title(s string) string`: each letter that begins a word in title case
    /// (Go's `isSeparator` and `unicode.ToTitle`).
    StringsTitle => func("strings", "Title").params(&[STRING]).results(&[STRING]),
    // The `strings` functions that call a function of the program: lowering compiles each to
    // a loop calling it as program code (`lang/lower/strings_func.rs`); the rows give the
    // checker the signatures.
    /// `strings.Map(mapping func(rune) rune, s string) string`
    StringsMap => func("strings", "Map").params(&[RUNE_MAPPING, STRING]).results(&[STRING]),
    /// `strings.IndexFunc(s string, f func(rune) bool) int`
    StringsIndexFunc => func("strings", "IndexFunc").params(&[STRING, RUNE_TEST]).results(&[INT]),
    /// `strings.LastIndexFunc(s string, f func(rune) bool) int`
    StringsLastIndexFunc =>
        func("strings", "LastIndexFunc").params(&[STRING, RUNE_TEST]).results(&[INT]),
    /// `strings.TrimFunc(s string, f func(rune) bool) string`
    StringsTrimFunc => func("strings", "TrimFunc").params(&[STRING, RUNE_TEST]).results(&[STRING]),
    /// `strings.TrimLeftFunc(s string, f func(rune) bool) string`
    StringsTrimLeftFunc =>
        func("strings", "TrimLeftFunc").params(&[STRING, RUNE_TEST]).results(&[STRING]),
    /// `strings.TrimRightFunc(s string, f func(rune) bool) string`
    StringsTrimRightFunc =>
        func("strings", "TrimRightFunc").params(&[STRING, RUNE_TEST]).results(&[STRING]),
    /// `strings.FieldsFunc(s string, f func(rune) bool) []string`
    StringsFieldsFunc =>
        func("strings", "FieldsFunc").params(&[STRING, RUNE_TEST]).results(&[STRINGS]),
    /// `utf8.DecodeLastRuneInString(s string) (rune, int)`: the last rune of `s` and its width;
    /// (RuneError, 1) for an invalid encoding, (RuneError, 0) for "". Also the compiled
    /// `LastIndexFunc`/`TrimRightFunc` call it.
    Utf8DecodeLastRune => func("unicode/utf8", "DecodeLastRuneInString")
        .params(&[STRING])
        .results(&[RUNE, INT]),
    /// `utf8.DecodeRuneInString(s string) (rune, int)`: the first rune of `s` and its width;
    /// (RuneError, 1) for an invalid encoding, (RuneError, 0) for "".
    Utf8DecodeRune => func("unicode/utf8", "DecodeRuneInString")
        .params(&[STRING])
        .results(&[RUNE, INT]),
    /// `utf8.RuneCountInString(s string) int`: each invalid byte counts as one rune.
    Utf8RuneCount => func("unicode/utf8", "RuneCountInString").params(&[STRING]).results(&[INT]),
    /// `utf8.ValidString(s string) bool`
    Utf8ValidString => func("unicode/utf8", "ValidString").params(&[STRING]).results(&[BOOL]),
    /// `utf8.RuneLen(r rune) int`: bytes to encode `r`, -1 if it is not a valid rune.
    Utf8RuneLen => func("unicode/utf8", "RuneLen").params(&[RUNE]).results(&[INT]),
    /// `utf8.ValidRune(r rune) bool`: in range and not a surrogate half.
    Utf8ValidRune => func("unicode/utf8", "ValidRune").params(&[RUNE]).results(&[BOOL]),
    /// `utf8.Valid(p []byte) bool`
    Utf8Valid => func("unicode/utf8", "Valid").params(&[BYTES]).results(&[BOOL]),
    /// `utf8.DecodeRune(p []byte) (rune, int)`: as `DecodeRuneInString`.
    Utf8DecodeRuneBytes => func("unicode/utf8", "DecodeRune").params(&[BYTES]).results(&[RUNE, INT]),
    /// `utf8.DecodeLastRune(p []byte) (rune, int)`: as `DecodeLastRuneInString`.
    Utf8DecodeLastRuneBytes =>
        func("unicode/utf8", "DecodeLastRune").params(&[BYTES]).results(&[RUNE, INT]),
    /// `utf8.RuneCount(p []byte) int`
    Utf8RuneCountBytes => func("unicode/utf8", "RuneCount").params(&[BYTES]).results(&[INT]),
    /// `utf8.FullRune(p []byte) bool`: `p` is not a proper prefix of a rune's encoding.
    Utf8FullRune => func("unicode/utf8", "FullRune").params(&[BYTES]).results(&[BOOL]),
    /// `utf8.FullRuneInString(s string) bool`
    Utf8FullRuneInString =>
        func("unicode/utf8", "FullRuneInString").params(&[STRING]).results(&[BOOL]),
    /// `utf8.RuneStart(b byte) bool`: `b` is no continuation byte.
    Utf8RuneStart => func("unicode/utf8", "RuneStart").params(&[BYTE]).results(&[BOOL]),
    /// `utf8.EncodeRune(p []byte, r rune) int`: the native part checks `p`'s length (Go's
    /// bounds check) and pushes `p` and the encoding; lowering's `copy` writes it
    /// (`lang/lower/lib_tail.rs`).
    Utf8EncodeRune => func("unicode/utf8", "EncodeRune").params(&[BYTES, RUNE]).results(&[INT]),
    /// `utf8.AppendRune(p []byte, r rune) []byte`: the native part pushes `p` and the
    /// encoding; lowering's `append(p, enc...)` appends it.
    Utf8AppendRune =>
        func("unicode/utf8", "AppendRune").params(&[BYTES, RUNE]).results(&[BYTES]),
    /// `unicode.IsLetter(r rune) bool`: `r` is a letter (category L), by Go 1.19's Unicode 13 tables.
    UnicodeIsLetter => func("unicode", "IsLetter").params(&[RUNE]).results(&[BOOL]),
    /// `unicode.IsUpper(r rune) bool`: `r` is an upper case letter, by Go 1.19's Unicode 13 tables.
    UnicodeIsUpper => func("unicode", "IsUpper").params(&[RUNE]).results(&[BOOL]),
    /// `unicode.IsLower(r rune) bool`: `r` is a lower case letter, by Go 1.19's Unicode 13 tables.
    UnicodeIsLower => func("unicode", "IsLower").params(&[RUNE]).results(&[BOOL]),
    /// `unicode.IsTitle(r rune) bool`: `r` is a title case letter, by Go 1.19's Unicode 13 tables.
    UnicodeIsTitle => func("unicode", "IsTitle").params(&[RUNE]).results(&[BOOL]),
    /// `unicode.IsDigit(r rune) bool`: `r` is a decimal digit (Nd), by Go 1.19's Unicode 13 tables.
    UnicodeIsDigit => func("unicode", "IsDigit").params(&[RUNE]).results(&[BOOL]),
    /// `unicode.IsNumber(r rune) bool`: `r` is a number (category N), by Go 1.19's Unicode 13 tables.
    UnicodeIsNumber => func("unicode", "IsNumber").params(&[RUNE]).results(&[BOOL]),
    /// `unicode.IsMark(r rune) bool`: `r` is a mark (category M), by Go 1.19's Unicode 13 tables.
    UnicodeIsMark => func("unicode", "IsMark").params(&[RUNE]).results(&[BOOL]),
    /// `unicode.IsPunct(r rune) bool`: `r` is punctuation (category P), by Go 1.19's Unicode 13 tables.
    UnicodeIsPunct => func("unicode", "IsPunct").params(&[RUNE]).results(&[BOOL]),
    /// `unicode.IsSymbol(r rune) bool`: `r` is a symbol (category S), by Go 1.19's Unicode 13 tables.
    UnicodeIsSymbol => func("unicode", "IsSymbol").params(&[RUNE]).results(&[BOOL]),
    /// `unicode.IsSpace(r rune) bool`: `r` is white space (Latin-1 spaces, then White_Space), by Go 1.19's Unicode 13 tables.
    UnicodeIsSpace => func("unicode", "IsSpace").params(&[RUNE]).results(&[BOOL]),
    /// `unicode.IsControl(r rune) bool`: `r` is a Latin-1 control character, by Go 1.19's Unicode 13 tables.
    UnicodeIsControl => func("unicode", "IsControl").params(&[RUNE]).results(&[BOOL]),
    /// `unicode.IsGraphic(r rune) bool`: `r` is graphic (L, M, N, P, S, Zs), by Go 1.19's Unicode 13 tables.
    UnicodeIsGraphic => func("unicode", "IsGraphic").params(&[RUNE]).results(&[BOOL]),
    /// `unicode.IsPrint(r rune) bool`: `r` is printable (L, M, N, P, S and the ASCII space), by Go 1.19's Unicode 13 tables.
    UnicodeIsPrint => func("unicode", "IsPrint").params(&[RUNE]).results(&[BOOL]),
    /// `unicode.ToUpper(r rune) rune`: the simple upper case of `r` (itself when it has none).
    UnicodeToUpper => func("unicode", "ToUpper").params(&[RUNE]).results(&[RUNE]),
    /// `unicode.ToLower(r rune) rune`: the simple lower case of `r` (itself when it has none).
    UnicodeToLower => func("unicode", "ToLower").params(&[RUNE]).results(&[RUNE]),
    /// `unicode.ToTitle(r rune) rune`: the simple title case of `r` (itself when it has none).
    UnicodeToTitle => func("unicode", "ToTitle").params(&[RUNE]).results(&[RUNE]),
    /// `unicode.To(_case int, r rune) rune`: `r` in case `UpperCase`, `LowerCase` or `TitleCase`;
    /// `ReplacementChar` for another case number.
    UnicodeTo => func("unicode", "To").params(&[INT, RUNE]).results(&[RUNE]),
    /// `unicode.Is(rangeTab *RangeTable, r rune) bool`: `r` is in the table (the runes real Go
    /// 1.19 answered true for, `rt/unicode.rs`).
    UnicodeIs => func("unicode", "Is").params(&[RANGE_TABLE_PTR, RUNE]).results(&[BOOL]),
    /// `unicode.In(r rune, ranges ...*RangeTable) bool`: `r` is in one of the tables.
    UnicodeIn => func("unicode", "In")
        .params(&[RUNE, RANGE_TABLE_PTRS])
        .variadic()
        .results(&[BOOL]),
    /// `unicode.IsOneOf(ranges []*RangeTable, r rune) bool`
    UnicodeIsOneOf =>
        func("unicode", "IsOneOf").params(&[RANGE_TABLE_PTRS, RUNE]).results(&[BOOL]),
    // `unicode`'s range tables racemap offers (`cargo xtask go-unicode` lists the same names):
    // package variables of type `*unicode.RangeTable`; aliases (`L`, `Letter`) are one table.
    UnicodeTableL => unicode_table("L"),
    UnicodeTableLetter => unicode_table("Letter"),
    UnicodeTableLu => unicode_table("Lu"),
    UnicodeTableUpper => unicode_table("Upper"),
    UnicodeTableLl => unicode_table("Ll"),
    UnicodeTableLower => unicode_table("Lower"),
    UnicodeTableLt => unicode_table("Lt"),
    UnicodeTableTitle => unicode_table("Title"),
    UnicodeTableLm => unicode_table("Lm"),
    UnicodeTableM => unicode_table("M"),
    UnicodeTableMark => unicode_table("Mark"),
    UnicodeTableMn => unicode_table("Mn"),
    UnicodeTableMe => unicode_table("Me"),
    UnicodeTableN => unicode_table("N"),
    UnicodeTableNumber => unicode_table("Number"),
    UnicodeTableNd => unicode_table("Nd"),
    UnicodeTableDigit => unicode_table("Digit"),
    UnicodeTableNl => unicode_table("Nl"),
    UnicodeTableNo => unicode_table("No"),
    UnicodeTableP => unicode_table("P"),
    UnicodeTablePunct => unicode_table("Punct"),
    UnicodeTablePc => unicode_table("Pc"),
    UnicodeTablePd => unicode_table("Pd"),
    UnicodeTablePs => unicode_table("Ps"),
    UnicodeTablePe => unicode_table("Pe"),
    UnicodeTablePi => unicode_table("Pi"),
    UnicodeTablePf => unicode_table("Pf"),
    UnicodeTableS => unicode_table("S"),
    UnicodeTableSymbol => unicode_table("Symbol"),
    UnicodeTableSm => unicode_table("Sm"),
    UnicodeTableSc => unicode_table("Sc"),
    UnicodeTableSk => unicode_table("Sk"),
    UnicodeTableZ => unicode_table("Z"),
    UnicodeTableSpace => unicode_table("Space"),
    UnicodeTableZs => unicode_table("Zs"),
    UnicodeTableZl => unicode_table("Zl"),
    UnicodeTableZp => unicode_table("Zp"),
    UnicodeTableC => unicode_table("C"),
    UnicodeTableOther => unicode_table("Other"),
    UnicodeTableCc => unicode_table("Cc"),
    UnicodeTableCf => unicode_table("Cf"),
    UnicodeTableCo => unicode_table("Co"),
    UnicodeTableCs => unicode_table("Cs"),
    UnicodeTableLatin => unicode_table("Latin"),
    UnicodeTableGreek => unicode_table("Greek"),
    UnicodeTableCyrillic => unicode_table("Cyrillic"),
    UnicodeTableArmenian => unicode_table("Armenian"),
    UnicodeTableHebrew => unicode_table("Hebrew"),
    UnicodeTableArabic => unicode_table("Arabic"),
    UnicodeTableSyriac => unicode_table("Syriac"),
    UnicodeTableThaana => unicode_table("Thaana"),
    UnicodeTableDevanagari => unicode_table("Devanagari"),
    UnicodeTableBengali => unicode_table("Bengali"),
    UnicodeTableGurmukhi => unicode_table("Gurmukhi"),
    UnicodeTableGujarati => unicode_table("Gujarati"),
    UnicodeTableTamil => unicode_table("Tamil"),
    UnicodeTableTelugu => unicode_table("Telugu"),
    UnicodeTableKannada => unicode_table("Kannada"),
    UnicodeTableMalayalam => unicode_table("Malayalam"),
    UnicodeTableSinhala => unicode_table("Sinhala"),
    UnicodeTableThai => unicode_table("Thai"),
    UnicodeTableLao => unicode_table("Lao"),
    UnicodeTableTibetan => unicode_table("Tibetan"),
    UnicodeTableMyanmar => unicode_table("Myanmar"),
    UnicodeTableGeorgian => unicode_table("Georgian"),
    UnicodeTableHangul => unicode_table("Hangul"),
    UnicodeTableEthiopic => unicode_table("Ethiopic"),
    UnicodeTableCherokee => unicode_table("Cherokee"),
    UnicodeTableKhmer => unicode_table("Khmer"),
    UnicodeTableMongolian => unicode_table("Mongolian"),
    UnicodeTableHiragana => unicode_table("Hiragana"),
    UnicodeTableKatakana => unicode_table("Katakana"),
    UnicodeTableBopomofo => unicode_table("Bopomofo"),
    UnicodeTableHan => unicode_table("Han"),
    UnicodeTableCommon => unicode_table("Common"),
    UnicodeTableInherited => unicode_table("Inherited"),
    UnicodeTableWhiteSpace => unicode_table("White_Space"),
    UnicodeTableASCIIHexDigit => unicode_table("ASCII_Hex_Digit"),
    UnicodeTableHexDigit => unicode_table("Hex_Digit"),
    UnicodeTableDash => unicode_table("Dash"),
    UnicodeTableHyphen => unicode_table("Hyphen"),
    UnicodeTableQuotationMark => unicode_table("Quotation_Mark"),
    UnicodeTableIdeographic => unicode_table("Ideographic"),
    UnicodeTableUnifiedIdeograph => unicode_table("Unified_Ideograph"),
    UnicodeTablePatternWhiteSpace => unicode_table("Pattern_White_Space"),
    UnicodeTablePatternSyntax => unicode_table("Pattern_Syntax"),
    UnicodeTableNoncharacterCodePoint => unicode_table("Noncharacter_Code_Point"),
    UnicodeTableJoinControl => unicode_table("Join_Control"),
    UnicodeTableBidiControl => unicode_table("Bidi_Control"),
    UnicodeTableVariationSelector => unicode_table("Variation_Selector"),
    UnicodeTableRegionalIndicator => unicode_table("Regional_Indicator"),
    /// The fields of `FieldsFunc(s, f)` given `flags`, one byte per rune of `s` (1: `f` was
    /// true for it), as Go 1.19's span loop cuts them; for the compiled `FieldsFunc`.
    StringsFieldsSpans => LibFuncSpec::new(Owner::Runtime("strings"), "FieldsFunc.spans")
        .params(&[STRING, STRING])
        .results(&[STRINGS]),
    /// `strings.TrimSpace(s string) string`
    StringsTrimSpace => func("strings", "TrimSpace").params(&[STRING]).results(&[STRING]),
    /// `strings.Trim(s, cutset string) string`
    StringsTrim => func("strings", "Trim").params(&[STRING, STRING]).results(&[STRING]),
    /// `strings.TrimLeft(s, cutset string) string`
    StringsTrimLeft => func("strings", "TrimLeft").params(&[STRING, STRING]).results(&[STRING]),
    /// `strings.TrimRight(s, cutset string) string`
    StringsTrimRight => func("strings", "TrimRight").params(&[STRING, STRING]).results(&[STRING]),
    /// `strings.TrimPrefix(s, prefix string) string`
    StringsTrimPrefix => func("strings", "TrimPrefix").params(&[STRING, STRING]).results(&[STRING]),
    /// `strings.TrimSuffix(s, suffix string) string`
    StringsTrimSuffix => func("strings", "TrimSuffix").params(&[STRING, STRING]).results(&[STRING]),
    /// `strings.Index(s, substr string) int`
    StringsIndex => func("strings", "Index").params(&[STRING, STRING]).results(&[INT]),
    /// `strings.LastIndex(s, substr string) int`
    StringsLastIndex => func("strings", "LastIndex").params(&[STRING, STRING]).results(&[INT]),
    /// `strings.IndexByte(s string, c byte) int`
    StringsIndexByte => func("strings", "IndexByte").params(&[STRING, BYTE]).results(&[INT]),
    /// `strings.IndexRune(s string, r rune) int`
    StringsIndexRune => func("strings", "IndexRune").params(&[STRING, RUNE]).results(&[INT]),
    /// `strings.Replace(s, old, new string, n int) string`
    StringsReplace => func("strings", "Replace")
        .params(&[STRING, STRING, STRING, INT])
        .results(&[STRING]),
    /// `strings.ReplaceAll(s, old, new string) string`
    StringsReplaceAll => func("strings", "ReplaceAll")
        .params(&[STRING, STRING, STRING])
        .results(&[STRING]),
    /// `strings.Count(s, substr string) int`
    StringsCount => func("strings", "Count").params(&[STRING, STRING]).results(&[INT]),
    /// `strings.EqualFold(s, t string) bool`
    StringsEqualFold => func("strings", "EqualFold").params(&[STRING, STRING]).results(&[BOOL]),
    /// `strings.SplitN(s, sep string, n int) []string`
    StringsSplitN => func("strings", "SplitN").params(&[STRING, STRING, INT]).results(&[STRINGS]),
    /// `strings.SplitAfter(s, sep string) []string`
    StringsSplitAfter => func("strings", "SplitAfter").params(&[STRING, STRING]).results(&[STRINGS]),
    /// `strings.ContainsAny(s, chars string) bool`
    StringsContainsAny => func("strings", "ContainsAny").params(&[STRING, STRING]).results(&[BOOL]),
    /// `strings.ContainsRune(s string, r rune) bool`
    StringsContainsRune => func("strings", "ContainsRune").params(&[STRING, RUNE]).results(&[BOOL]),
    /// `strings.IndexAny(s, chars string) int`
    StringsIndexAny => func("strings", "IndexAny").params(&[STRING, STRING]).results(&[INT]),
    /// `strings.LastIndexByte(s string, c byte) int`
    StringsLastIndexByte => func("strings", "LastIndexByte").params(&[STRING, BYTE]).results(&[INT]),
    /// `strings.Cut(s, sep string) (before, after string, found bool)`
    StringsCut => func("strings", "Cut").params(&[STRING, STRING]).results(&[STRING, STRING, BOOL]),
    /// `strings.Compare(a, b string) int`
    StringsCompare => func("strings", "Compare").params(&[STRING, STRING]).results(&[INT]),
    /// `strconv.FormatInt(i int64, base int) string`
    StrconvFormatInt => func("strconv", "FormatInt").params(&[INT64, INT]).results(&[STRING]),
    /// `strconv.FormatUint(i uint64, base int) string`
    StrconvFormatUint => func("strconv", "FormatUint").params(&[UINT64, INT]).results(&[STRING]),
    /// `strconv.ParseInt(s string, base int, bitSize int) (int64, error)`
    StrconvParseInt => func("strconv", "ParseInt")
        .params(&[STRING, INT, INT])
        .results(&[INT64, ERROR]),
    /// `strconv.ParseUint(s string, base int, bitSize int) (uint64, error)`
    StrconvParseUint => func("strconv", "ParseUint")
        .params(&[STRING, INT, INT])
        .results(&[UINT64, ERROR]),
    /// `strconv.ParseBool(str string) (bool, error)`
    StrconvParseBool => func("strconv", "ParseBool").params(&[STRING]).results(&[BOOL, ERROR]),
    /// `strconv.FormatBool(b bool) string`
    StrconvFormatBool => func("strconv", "FormatBool").params(&[BOOL]).results(&[STRING]),
    /// `strconv.Quote(s string) string`
    StrconvQuote => func("strconv", "Quote").params(&[STRING]).results(&[STRING]),
    /// `strconv.QuoteRune(r rune) string`
    StrconvQuoteRune => func("strconv", "QuoteRune").params(&[RUNE]).results(&[STRING]),
    /// `strconv.QuoteToASCII(s string) string`: `Quote` with every non-ASCII rune escaped.
    StrconvQuoteToASCII => func("strconv", "QuoteToASCII").params(&[STRING]).results(&[STRING]),
    /// `strconv.QuoteRuneToASCII(r rune) string`
    StrconvQuoteRuneToASCII =>
        func("strconv", "QuoteRuneToASCII").params(&[RUNE]).results(&[STRING]),
    /// `strconv.Unquote(s string) (string, error)`: the value of a Go string or rune literal;
    /// `ErrSyntax` itself when `s` is not one (`strconv/unquote.rs`).
    StrconvUnquote => func("strconv", "Unquote").params(&[STRING]).results(&[STRING, ERROR]),
    /// `strconv.UnquoteChar(s string, quote byte) (value rune, multibyte bool, tail string,
    /// err error)`
    StrconvUnquoteChar => func("strconv", "UnquoteChar")
        .params(&[STRING, BYTE])
        .results(&[RUNE, BOOL, STRING, ERROR]),
    /// `strconv.ErrSyntax`: the `Err` of a `*NumError` for a malformed number (a package
    /// variable).
    StrconvErrSyntax => LibFuncSpec::new(Owner::PackageVar("strconv"), "ErrSyntax").results(&[ERROR]),
    /// `strconv.ErrRange`: the `Err` of a `*NumError` for a number out of range.
    StrconvErrRange => LibFuncSpec::new(Owner::PackageVar("strconv"), "ErrRange").results(&[ERROR]),
    // `sort`: lowering compiles each call into bytecode that calls the user's `Less`/`Swap`
    // or `less` and reads and writes the slice's elements as the program's own code
    // (`lang/lower/sort.rs`); the rows give the checker the signatures.
    /// `sort.Sort(data Interface)`
    SortSort => func("sort", "Sort").params(&[SORT_INTERFACE]),
    /// `sort.Stable(data Interface)`
    SortStable => func("sort", "Stable").params(&[SORT_INTERFACE]),
    /// `sort.IsSorted(data Interface) bool`
    SortIsSorted => func("sort", "IsSorted").params(&[SORT_INTERFACE]).results(&[BOOL]),
    /// `sort.Slice(x any, less func(i, j int) bool)`
    SortSlice => func("sort", "Slice").params(&[ANY, LESS]),
    /// `sort.SliceStable(x any, less func(i, j int) bool)`
    SortSliceStable => func("sort", "SliceStable").params(&[ANY, LESS]),
    /// `sort.SliceIsSorted(x any, less func(i, j int) bool) bool`
    SortSliceIsSorted => func("sort", "SliceIsSorted").params(&[ANY, LESS]).results(&[BOOL]),
    /// `sort.Ints(x []int)`
    SortInts => func("sort", "Ints").params(&[INTS]),
    /// `sort.Strings(x []string)`
    SortStrings => func("sort", "Strings").params(&[STRINGS]),
    /// `sort.Float64s(x []float64)`
    SortFloat64s => func("sort", "Float64s").params(&[FLOAT64S]),
    /// `sort.IntsAreSorted(x []int) bool`
    SortIntsAreSorted => func("sort", "IntsAreSorted").params(&[INTS]).results(&[BOOL]),
    /// `sort.StringsAreSorted(x []string) bool`
    SortStringsAreSorted => func("sort", "StringsAreSorted").params(&[STRINGS]).results(&[BOOL]),
    /// `sort.Search(n int, f func(int) bool) int`
    SortSearch => func("sort", "Search")
        .params(&[INT, LibType::Func(&[INT], &[BOOL])])
        .results(&[INT]),
    /// `sort.Float64sAreSorted(x []float64) bool`
    SortFloat64sAreSorted => func("sort", "Float64sAreSorted").params(&[FLOAT64S]).results(&[BOOL]),
    /// `sort.SearchFloat64s(a []float64, x float64) int`
    SortSearchFloat64s =>
        func("sort", "SearchFloat64s").params(&[FLOAT64S, FLOAT64]).results(&[INT]),
    /// `sort.SearchInts(a []int, x int) int`
    SortSearchInts => func("sort", "SearchInts").params(&[INTS, INT]).results(&[INT]),
    /// `sort.SearchStrings(a []string, x string) int`
    SortSearchStrings => func("sort", "SearchStrings").params(&[STRINGS, STRING]).results(&[INT]),
    /// `sort.Reverse(data Interface) Interface`: `&reverse{data}`, whose `Less(i, j)` is
    /// `data.Less(j, i)` (compiled, `lang/lower/sort_types.rs`).
    SortReverse => func("sort", "Reverse").params(&[SORT_INTERFACE]).results(&[SORT_INTERFACE]),
    /// `(sort.IntSlice).Len() int` (the methods of `sort.IntSlice` are compiled, `sort_types.rs`)
    IntSliceLen => LibFuncSpec::new(Owner::Struct("sort", "IntSlice"), "Len").results(&[INT]),
    /// `(sort.IntSlice).Less(i, j int) bool`
    IntSliceLess =>
        LibFuncSpec::new(Owner::Struct("sort", "IntSlice"), "Less").params(&[INT, INT]).results(&[BOOL]),
    /// `(sort.IntSlice).Swap(i, j int)`
    IntSliceSwap => LibFuncSpec::new(Owner::Struct("sort", "IntSlice"), "Swap").params(&[INT, INT]),
    /// `(sort.IntSlice).Sort()`: `sort.Sort(x)`
    IntSliceSort => LibFuncSpec::new(Owner::Struct("sort", "IntSlice"), "Sort"),
    /// `(sort.IntSlice).Search(x int) int`
    IntSliceSearch =>
        LibFuncSpec::new(Owner::Struct("sort", "IntSlice"), "Search").params(&[INT]).results(&[INT]),
    /// `(sort.StringSlice).Len() int` (the methods of `sort.StringSlice` are compiled, `sort_types.rs`)
    StringSliceLen => LibFuncSpec::new(Owner::Struct("sort", "StringSlice"), "Len").results(&[INT]),
    /// `(sort.StringSlice).Less(i, j int) bool`
    StringSliceLess =>
        LibFuncSpec::new(Owner::Struct("sort", "StringSlice"), "Less").params(&[INT, INT]).results(&[BOOL]),
    /// `(sort.StringSlice).Swap(i, j int)`
    StringSliceSwap => LibFuncSpec::new(Owner::Struct("sort", "StringSlice"), "Swap").params(&[INT, INT]),
    /// `(sort.StringSlice).Sort()`: `sort.Sort(x)`
    StringSliceSort => LibFuncSpec::new(Owner::Struct("sort", "StringSlice"), "Sort"),
    /// `(sort.StringSlice).Search(x string) int`
    StringSliceSearch =>
        LibFuncSpec::new(Owner::Struct("sort", "StringSlice"), "Search").params(&[STRING]).results(&[INT]),
    /// `(sort.Float64Slice).Len() int` (the methods of `sort.Float64Slice` are compiled, `sort_types.rs`)
    Float64SliceLen => LibFuncSpec::new(Owner::Struct("sort", "Float64Slice"), "Len").results(&[INT]),
    /// `(sort.Float64Slice).Less(i, j int) bool`
    Float64SliceLess =>
        LibFuncSpec::new(Owner::Struct("sort", "Float64Slice"), "Less").params(&[INT, INT]).results(&[BOOL]),
    /// `(sort.Float64Slice).Swap(i, j int)`
    Float64SliceSwap => LibFuncSpec::new(Owner::Struct("sort", "Float64Slice"), "Swap").params(&[INT, INT]),
    /// `(sort.Float64Slice).Sort()`: `sort.Sort(x)`
    Float64SliceSort => LibFuncSpec::new(Owner::Struct("sort", "Float64Slice"), "Sort"),
    /// `(sort.Float64Slice).Search(x float64) int`
    Float64SliceSearch =>
        LibFuncSpec::new(Owner::Struct("sort", "Float64Slice"), "Search").params(&[FLOAT64]).results(&[INT]),
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
    // `math`: local computation after Go 1.19's `math` on amd64 (`rt/interp/math.rs`).
    /// `math.Inf(sign int) float64`
    MathInf => func("math", "Inf").params(&[INT]).results(&[FLOAT64]),
    /// `math.NaN() float64`
    MathNaN => func("math", "NaN").results(&[FLOAT64]),
    /// `math.IsNaN(f float64) bool`
    MathIsNaN => func("math", "IsNaN").params(&[FLOAT64]).results(&[BOOL]),
    /// `math.IsInf(f float64, sign int) bool`
    MathIsInf => func("math", "IsInf").params(&[FLOAT64, INT]).results(&[BOOL]),
    /// `math.Signbit(x float64) bool`
    MathSignbit => func("math", "Signbit").params(&[FLOAT64]).results(&[BOOL]),
    /// `math.Copysign(f, sign float64) float64`
    MathCopysign => func("math", "Copysign").params(&[FLOAT64, FLOAT64]).results(&[FLOAT64]),
    /// `math.Abs(x float64) float64`
    MathAbs => func("math", "Abs").params(&[FLOAT64]).results(&[FLOAT64]),
    /// `math.Sqrt(x float64) float64`
    MathSqrt => func("math", "Sqrt").params(&[FLOAT64]).results(&[FLOAT64]),
    /// `math.Floor(x float64) float64`
    MathFloor => func("math", "Floor").params(&[FLOAT64]).results(&[FLOAT64]),
    /// `math.Ceil(x float64) float64`
    MathCeil => func("math", "Ceil").params(&[FLOAT64]).results(&[FLOAT64]),
    /// `math.Trunc(x float64) float64`
    MathTrunc => func("math", "Trunc").params(&[FLOAT64]).results(&[FLOAT64]),
    /// `math.Round(x float64) float64`
    MathRound => func("math", "Round").params(&[FLOAT64]).results(&[FLOAT64]),
    /// `math.Max(x, y float64) float64`
    MathMax => func("math", "Max").params(&[FLOAT64, FLOAT64]).results(&[FLOAT64]),
    /// `math.Min(x, y float64) float64`
    MathMin => func("math", "Min").params(&[FLOAT64, FLOAT64]).results(&[FLOAT64]),
    /// `math.Mod(x, y float64) float64`
    MathMod => func("math", "Mod").params(&[FLOAT64, FLOAT64]).results(&[FLOAT64]),
    /// `math.Pow(x, y float64) float64`
    MathPow => func("math", "Pow").params(&[FLOAT64, FLOAT64]).results(&[FLOAT64]),
    /// `math.Exp(x float64) float64` (Go's amd64 assembly, FMA path)
    MathExp => func("math", "Exp").params(&[FLOAT64]).results(&[FLOAT64]),
    /// `math.Log(x float64) float64` (Go's amd64 assembly)
    MathLog => func("math", "Log").params(&[FLOAT64]).results(&[FLOAT64]),
    /// `math.Log2(x float64) float64`
    MathLog2 => func("math", "Log2").params(&[FLOAT64]).results(&[FLOAT64]),
    /// `math.Log10(x float64) float64`
    MathLog10 => func("math", "Log10").params(&[FLOAT64]).results(&[FLOAT64]),
    /// `math.Float64bits(f float64) uint64`
    MathFloat64bits => func("math", "Float64bits").params(&[FLOAT64]).results(&[UINT64]),
    /// `math.Float64frombits(b uint64) float64`
    MathFloat64frombits =>
        func("math", "Float64frombits").params(&[UINT64]).results(&[FLOAT64]),
    // `math/rand`'s top-level functions: each is a visible operation on the global source
    // (Go locks it), whose hidden cell lowering passes as the first operand (`rt/rand.rs`).
    /// `rand.Seed(seed int64)`
    RandSeed => func("math/rand", "Seed").params(&[INT64]).visibility(Object),
    /// `rand.Int() int`
    RandInt => func("math/rand", "Int").results(&[INT]).visibility(Object),
    /// `rand.Intn(n int) int`
    RandIntn => func("math/rand", "Intn").params(&[INT]).results(&[INT]).visibility(Object),
    /// `rand.Int63() int64`
    RandInt63 => func("math/rand", "Int63").results(&[INT64]).visibility(Object),
    /// `rand.Int63n(n int64) int64`
    RandInt63n => func("math/rand", "Int63n").params(&[INT64]).results(&[INT64]).visibility(Object),
    /// `rand.Int31() int32`
    RandInt31 => func("math/rand", "Int31").results(&[INT32]).visibility(Object),
    /// `rand.Int31n(n int32) int32`
    RandInt31n => func("math/rand", "Int31n").params(&[INT32]).results(&[INT32]).visibility(Object),
    /// `rand.Float64() float64`
    RandFloat64 => func("math/rand", "Float64").results(&[FLOAT64]).visibility(Object),
    /// `rand.Uint32() uint32`
    RandUint32 => func("math/rand", "Uint32").results(&[UINT32]).visibility(Object),
    /// `rand.Uint64() uint64`
    RandUint64 => func("math/rand", "Uint64").results(&[UINT64]).visibility(Object),
    /// `rand.Float32() float32`
    RandFloat32 => func("math/rand", "Float32").results(&[FLOAT32]).visibility(Object),
    /// `rand.Perm(n int) []int`
    RandPerm => func("math/rand", "Perm").params(&[INT]).results(&[INTS]).visibility(Object),
    /// `rand.Shuffle(n int, swap func(i, j int))`: compiled to a loop (`lang/lower/rand.rs`)
    /// that draws each index with [`LibFunc::RandShuffleIndex`] and calls `swap` as program code.
    RandShuffle => func("math/rand", "Shuffle")
        .params(&[INT, LibType::Func(&[INT, INT], &[])])
        .visibility(Object),
    /// The index `Shuffle` swaps with `i` (Go's `(*Rand).int31n(i+1)`); operands: the source's
    /// cell and `i`. Only compiled code calls it.
    RandShuffleIndex =>
        LibFuncSpec::new(Owner::Runtime("math/rand"), "int31n").results(&[INT]).visibility(Object),
    /// `rand.NewSource(seed int64) Source` (racemap's `Source` is the generator's state, not an
    /// interface a program can implement).
    RandNewSource => func("math/rand", "NewSource").params(&[INT64]).results(&[RAND_SOURCE]),
    /// `rand.New(src Source) *Rand`
    RandNew => func("math/rand", "New").params(&[RAND_SOURCE]).results(&[LibType::Pointer(&RAND)]),
    // `*rand.Rand`'s methods: not safe for concurrent use, so each is a plain read and write of
    // the Rand's source (the race detector reports a Rand shared without synchronization).
    /// `(*rand.Rand).Seed(seed int64)`
    RandRandSeed => rand_method("Seed").params(&[INT64]),
    /// `(*rand.Rand).Int() int`
    RandRandInt => rand_method("Int").results(&[INT]),
    /// `(*rand.Rand).Intn(n int) int`
    RandRandIntn => rand_method("Intn").params(&[INT]).results(&[INT]),
    /// `(*rand.Rand).Int63() int64`
    RandRandInt63 => rand_method("Int63").results(&[INT64]),
    /// `(*rand.Rand).Int63n(n int64) int64`
    RandRandInt63n => rand_method("Int63n").params(&[INT64]).results(&[INT64]),
    /// `(*rand.Rand).Int31() int32`
    RandRandInt31 => rand_method("Int31").results(&[INT32]),
    /// `(*rand.Rand).Int31n(n int32) int32`
    RandRandInt31n => rand_method("Int31n").params(&[INT32]).results(&[INT32]),
    /// `(*rand.Rand).Float64() float64`
    RandRandFloat64 => rand_method("Float64").results(&[FLOAT64]),
    /// `(*rand.Rand).Uint32() uint32`
    RandRandUint32 => rand_method("Uint32").results(&[UINT32]),
    /// `(*rand.Rand).Uint64() uint64`
    RandRandUint64 => rand_method("Uint64").results(&[UINT64]),
    /// `(*rand.Rand).Float32() float32`
    RandRandFloat32 => rand_method("Float32").results(&[FLOAT32]),
    /// `(*rand.Rand).Perm(n int) []int`
    RandRandPerm => rand_method("Perm").params(&[INT]).results(&[INTS]),
    /// `(*rand.Rand).Shuffle(n int, swap func(i, j int))`: compiled to Go's loop
    /// (`lang/lower/rand.rs`) that draws each index with [`LibFunc::RandRandShuffleIndex`] and
    /// calls `swap` as program code.
    RandRandShuffle => rand_method("Shuffle").params(&[INT, LibType::Func(&[INT, INT], &[])]),
    /// The index a Rand's `Shuffle` swaps with `i` (Go's `(*Rand).int31n(i+1)`): a plain read
    /// and write of the Rand's words; operands: the `*Rand` and `i`. Only compiled code calls it.
    RandRandShuffleIndex =>
        LibFuncSpec::new(Owner::Runtime("math/rand"), "(*Rand).int31n")
            .results(&[INT])
            .visibility(Object),
    // `strings.Builder`'s methods: plain reads and writes of the Builder's buffer (Go's
    // Builder is not safe for concurrent use), `rt/interp/builder.rs`.
    /// `(*strings.Builder).WriteString(s string) (int, error)`
    BuilderWriteString => builder_method("WriteString").params(&[STRING]).results(&[INT, ERROR]),
    /// `(*strings.Builder).WriteByte(c byte) error`
    BuilderWriteByte => builder_method("WriteByte").params(&[BYTE]).results(&[ERROR]),
    /// `(*strings.Builder).WriteRune(r rune) (int, error)`
    BuilderWriteRune => builder_method("WriteRune").params(&[RUNE]).results(&[INT, ERROR]),
    /// `(*strings.Builder).String() string`
    BuilderString => builder_method("String").results(&[STRING]),
    /// `(*strings.Builder).Len() int`
    BuilderLen => builder_method("Len").results(&[INT]),
    /// `(*strings.Builder).Reset()`
    BuilderReset => builder_method("Reset"),
    // `bytes.Buffer`'s methods (`rt/interp/buffer.rs`): plain reads and writes of the
    // Buffer's slice header, `off` and `lastRead`, as Go 1.19's `bytes/buffer.go`.
    /// `(*bytes.Buffer).WriteString(s string) (n int, err error)`
    BufferWriteString => buffer_method("WriteString").params(&[STRING]).results(&[INT, ERROR]),
    /// `(*bytes.Buffer).Write(p []byte) (n int, err error)`
    BufferWrite => buffer_method("Write").params(&[BYTES]).results(&[INT, ERROR]),
    /// `(*bytes.Buffer).WriteByte(c byte) error`
    BufferWriteByte => buffer_method("WriteByte").params(&[BYTE]).results(&[ERROR]),
    /// `(*bytes.Buffer).WriteRune(r rune) (n int, err error)`
    BufferWriteRune => buffer_method("WriteRune").params(&[RUNE]).results(&[INT, ERROR]),
    /// `(*bytes.Buffer).String() string`
    BufferString => buffer_method("String").results(&[STRING]),
    /// `(*bytes.Buffer).Len() int`
    BufferLen => buffer_method("Len").results(&[INT]),
    /// `(*bytes.Buffer).Reset()`
    BufferReset => buffer_method("Reset"),
    /// The second step of a `strings.Builder` write (never found by name): `append`'s store
    /// of the header, `(b, bytes, read, method, outer)`.
    BuilderAppend => LibFuncSpec::new(Owner::Runtime("strings"), "builderAppend")
        .params(&[BUILDER_PTR, STRING, STRING, INT, INT])
        .visibility(Object),
    /// The second step of a `bytes.Buffer` write: the header's stores and the copy,
    /// `(b, bytes, read, at, kind, cap, method, outer, called)`.
    BufferCopy => LibFuncSpec::new(Owner::Runtime("bytes"), "bufferCopy")
        .params(&[BUFFER_PTR, STRING, STRING, INT, INT, INT, INT, INT, INT])
        .visibility(Object),
    // `atomic.Value`'s methods (`rt/interp/atomic_value.rs`): atomic loads and stores of the
    // type word and the data word Go's `sync/atomic/value.go` keeps.
    /// `(*atomic.Value).Load() (val any)`
    AtomicValueLoad => method(SyncKind::AtomicValue, "Load").results(&[ANY]).visibility(Object),
    /// `(*atomic.Value).Store(val any)`: panics on nil or a value of another type.
    AtomicValueStore => method(SyncKind::AtomicValue, "Store").params(&[ANY]).visibility(Object),
    /// `(*atomic.Value).Swap(new any) (old any)`
    AtomicValueSwap => method(SyncKind::AtomicValue, "Swap")
        .params(&[ANY])
        .results(&[ANY])
        .visibility(Object),
    /// `(*atomic.Value).CompareAndSwap(old, new any) (swapped bool)`
    AtomicValueCompareAndSwap => method(SyncKind::AtomicValue, "CompareAndSwap")
        .params(&[ANY, ANY])
        .results(&[BOOL])
        .visibility(Object),
    // `atomic.Pointer[T]`'s methods (Go 1.19's generic atomic pointer): the pointer atomics on
    // its word, as the typed integers' (`rt/interp/library.rs`, `atomic`).
    /// `(*atomic.Pointer[T]).Load() *T`
    AtomicPointerLoad => method(SyncKind::AtomicPointer, "Load")
        .results(&[LibType::Pointer(&LibType::TypeArg)])
        .visibility(Object),
    /// `(*atomic.Pointer[T]).Store(val *T)`
    AtomicPointerStore => method(SyncKind::AtomicPointer, "Store")
        .params(&[LibType::Pointer(&LibType::TypeArg)])
        .visibility(Object),
    /// `(*atomic.Pointer[T]).Swap(new *T) (old *T)`
    AtomicPointerSwap => method(SyncKind::AtomicPointer, "Swap")
        .params(&[LibType::Pointer(&LibType::TypeArg)])
        .results(&[LibType::Pointer(&LibType::TypeArg)])
        .visibility(Object),
    /// `(*atomic.Pointer[T]).CompareAndSwap(old, new *T) (swapped bool)`
    AtomicPointerCompareAndSwap => method(SyncKind::AtomicPointer, "CompareAndSwap")
        .params(&[LibType::Pointer(&LibType::TypeArg), LibType::Pointer(&LibType::TypeArg)])
        .results(&[BOOL])
        .visibility(Object),
    // `fmt`'s printing to a file and package `os`'s standard files: Go's `Fprint*(w io.Writer,
    // …)` takes any writer; racemap's checker accepts `os.Stdout` and `os.Stderr` (an
    // `*os.File`) and refuses other writers as unsupported.
    /// `fmt.Fprint(w io.Writer, a ...any) (n int, err error)`
    FmtFprint => func("fmt", "Fprint")
        .params(&[OS_FILE, ANYS])
        .variadic()
        .results(&[INT, ERROR])
        .visibility(Output),
    /// `fmt.Fprintln(w io.Writer, a ...any) (n int, err error)`
    FmtFprintln => func("fmt", "Fprintln")
        .params(&[OS_FILE, ANYS])
        .variadic()
        .results(&[INT, ERROR])
        .visibility(Output),
    /// `fmt.Fprintf(w io.Writer, format string, a ...any) (n int, err error)`
    FmtFprintf => func("fmt", "Fprintf")
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
    /// `strconv.ParseFloat(s string, bitSize int) (float64, error)` (`rt/parse_float.rs`)
    StrconvParseFloat =>
        func("strconv", "ParseFloat").params(&[STRING, INT]).results(&[FLOAT64, ERROR]),
    /// `strconv.FormatFloat(f float64, fmt byte, prec, bitSize int) string`
    StrconvFormatFloat => func("strconv", "FormatFloat")
        .params(&[FLOAT64, BYTE, INT, INT])
        .results(&[STRING]),
    /// `(*strconv.NumError).Error() string`: `strconv.` + Func + `: parsing ` + quoted Num +
    /// `: ` + Err's message (reads the fields).
    NumErrorError => LibFuncSpec::new(Owner::Struct("strconv", "NumError"), "Error").results(&[STRING]),
    /// `(*strconv.NumError).Unwrap() error`: its Err.
    NumErrorUnwrap =>
        LibFuncSpec::new(Owner::Struct("strconv", "NumError"), "Unwrap").results(&[ERROR]),
    /// `os.Exit(code int)`: ends the program at once (no deferred call runs); a visible step
    /// touching everything (its footprint is global: it ends every goroutine's run).
    OsExit => func("os", "Exit").params(&[INT]).visibility(Object),
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
