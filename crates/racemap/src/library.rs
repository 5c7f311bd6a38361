//! The library functions and methods the VM implements natively ([`LibFunc`]), each with its
//! facts as data ([`LibFuncSpec`]): Go's runtime name and whether it is a method (called with a
//! pointer to its receiver first). A leaf: the checker's package tables (`packages.rs`), its
//! output contract (`info.rs`), lowering and the runtime all read it.

use serde::{Deserialize, Serialize};

/// Declares [`LibFunc`] from one table: each entry is a variant with its docs, its kind
/// (`function` or `method`) and Go's runtime name. Generates the enum, [`LibFunc::ALL`] and
/// [`LibFunc::spec`], so a new entry cannot be missing from any of them.
macro_rules! lib_funcs {
    ($($(#[$doc:meta])* $name:ident => $kind:ident($go_name:literal),)*) => {
        /// A library function or method the VM implements natively. Package functions are
        /// called with their arguments; methods of the `sync`/`atomic` types are called with a
        /// *pointer* to the receiver as the first operand (the checker records the needed `&`
        /// in [`Selection`](../lang/check/info/struct.Selection.html)).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum LibFunc {
            $($(#[$doc])* $name,)*
        }

        impl LibFunc {
            /// Every library function, in declaration order.
            pub const ALL: &'static [LibFunc] = &[$(LibFunc::$name,)*];

            /// The facts about this function.
            pub fn spec(self) -> LibFuncSpec {
                match self {
                    $(LibFunc::$name => LibFuncSpec::$kind($go_name),)*
                }
            }
        }
    };
}

lib_funcs! {
    /// `fmt.Print(a ...any)`
    FmtPrint => function("fmt.Print"),
    /// `fmt.Println(a ...any)`
    FmtPrintln => function("fmt.Println"),
    /// `fmt.Printf(format string, a ...any)`
    FmtPrintf => function("fmt.Printf"),
    /// `fmt.Sprint(a ...any) string`
    FmtSprint => function("fmt.Sprint"),
    /// `fmt.Sprintln(a ...any) string`
    FmtSprintln => function("fmt.Sprintln"),
    /// `fmt.Sprintf(format string, a ...any) string`
    FmtSprintf => function("fmt.Sprintf"),
    /// `fmt.Errorf(format string, a ...any) error`
    FmtErrorf => function("fmt.Errorf"),
    /// `errors.New(text string) error`: a new error, equal only to itself.
    ErrorsNew => function("errors.New"),
    /// `errors.Is(err, target error) bool`: `err` or an error it wraps is `target`.
    ErrorsIs => function("errors.Is"),
    /// `errors.As(err error, target any) bool`: stores the first error in `err`'s chain that is
    /// assignable to `*target` (a visible write of `*target`).
    ErrorsAs => function("errors.As"),
    /// `errors.Unwrap(err error) error`: the error wrapped by `fmt.Errorf`'s `%w`, or nil.
    ErrorsUnwrap => function("errors.Unwrap"),
    /// `strconv.Itoa(int) string`
    StrconvItoa => function("strconv.Itoa"),
    /// `strconv.Atoi(string) (int, error)`
    StrconvAtoi => function("strconv.Atoi"),
    /// `strings.Contains(s, substr string) bool`
    StringsContains => function("strings.Contains"),
    /// `strings.HasPrefix(s, prefix string) bool`
    StringsHasPrefix => function("strings.HasPrefix"),
    /// `strings.HasSuffix(s, suffix string) bool`
    StringsHasSuffix => function("strings.HasSuffix"),
    /// `strings.Repeat(s string, n int) string`
    StringsRepeat => function("strings.Repeat"),
    /// `strings.ToUpper(s string) string`
    StringsToUpper => function("strings.ToUpper"),
    /// `strings.ToLower(s string) string`
    StringsToLower => function("strings.ToLower"),
    /// `strings.Join(elems []string, sep string) string`
    StringsJoin => function("strings.Join"),
    /// `strings.Split(s, sep string) []string`
    StringsSplit => function("strings.Split"),
    /// `time.Sleep(d Duration)`
    TimeSleep => function("time.Sleep"),
    /// `atomic.AddInt32(addr *int32, delta int32) int32`
    AtomicAddInt32 => function("sync/atomic.AddInt32"),
    /// `atomic.AddInt64(addr *int64, delta int64) int64`
    AtomicAddInt64 => function("sync/atomic.AddInt64"),
    /// `atomic.LoadInt32(addr *int32) int32`
    AtomicLoadInt32 => function("sync/atomic.LoadInt32"),
    /// `atomic.LoadInt64(addr *int64) int64`
    AtomicLoadInt64 => function("sync/atomic.LoadInt64"),
    /// `atomic.StoreInt32(addr *int32, val int32)`
    AtomicStoreInt32 => function("sync/atomic.StoreInt32"),
    /// `atomic.StoreInt64(addr *int64, val int64)`
    AtomicStoreInt64 => function("sync/atomic.StoreInt64"),
    /// `atomic.CompareAndSwapInt32(addr *int32, old, new int32) bool`
    AtomicCompareAndSwapInt32 => function("sync/atomic.CompareAndSwapInt32"),
    /// `atomic.CompareAndSwapInt64(addr *int64, old, new int64) bool`
    AtomicCompareAndSwapInt64 => function("sync/atomic.CompareAndSwapInt64"),
    /// `(*sync.Mutex).Lock()`
    MutexLock => method("sync.(*Mutex).Lock"),
    /// `(*sync.Mutex).Unlock()`
    MutexUnlock => method("sync.(*Mutex).Unlock"),
    /// `(*sync.Mutex).TryLock() bool`
    MutexTryLock => method("sync.(*Mutex).TryLock"),
    /// `(*sync.RWMutex).Lock()`
    RwMutexLock => method("sync.(*RWMutex).Lock"),
    /// `(*sync.RWMutex).Unlock()`
    RwMutexUnlock => method("sync.(*RWMutex).Unlock"),
    /// `(*sync.RWMutex).RLock()`
    RwMutexRLock => method("sync.(*RWMutex).RLock"),
    /// `(*sync.RWMutex).RUnlock()`
    RwMutexRUnlock => method("sync.(*RWMutex).RUnlock"),
    /// `(*sync.RWMutex).TryLock() bool`
    RwMutexTryLock => method("sync.(*RWMutex).TryLock"),
    /// `(*sync.RWMutex).TryRLock() bool`
    RwMutexTryRLock => method("sync.(*RWMutex).TryRLock"),
    /// `(*sync.WaitGroup).Add(delta int)`
    WaitGroupAdd => method("sync.(*WaitGroup).Add"),
    /// `(*sync.WaitGroup).Done()`
    WaitGroupDone => method("sync.(*WaitGroup).Done"),
    /// `(*sync.WaitGroup).Wait()`
    WaitGroupWait => method("sync.(*WaitGroup).Wait"),
    /// `(*sync.Once).Do(f func())`
    OnceDo => method("sync.(*Once).Do"),
    /// `(*sync.Map).Load(key any) (value any, ok bool)`
    SyncMapLoad => method("sync.(*Map).Load"),
    /// `(*sync.Map).Store(key, value any)`
    SyncMapStore => method("sync.(*Map).Store"),
    /// `(*sync.Map).LoadOrStore(key, value any) (actual any, loaded bool)`
    SyncMapLoadOrStore => method("sync.(*Map).LoadOrStore"),
    /// `(*sync.Map).LoadAndDelete(key any) (value any, loaded bool)`
    SyncMapLoadAndDelete => method("sync.(*Map).LoadAndDelete"),
    /// `(*sync.Map).Delete(key any)`
    SyncMapDelete => method("sync.(*Map).Delete"),
    /// `(*sync.Map).Range(f func(key, value any) bool)`
    SyncMapRange => method("sync.(*Map).Range"),
    /// `(*sync.Map).Swap(key, value any) (previous any, loaded bool)`
    SyncMapSwap => method("sync.(*Map).Swap"),
    /// `(*sync.Map).CompareAndSwap(key, old, new any) (swapped bool)`
    SyncMapCompareAndSwap => method("sync.(*Map).CompareAndSwap"),
    /// `(*atomic.Int32).Add(delta int32) int32`
    AtomicInt32Add => method("sync/atomic.(*Int32).Add"),
    /// `(*atomic.Int32).Load() int32`
    AtomicInt32Load => method("sync/atomic.(*Int32).Load"),
    /// `(*atomic.Int32).Store(val int32)`
    AtomicInt32Store => method("sync/atomic.(*Int32).Store"),
    /// `(*atomic.Int32).Swap(new int32) int32`
    AtomicInt32Swap => method("sync/atomic.(*Int32).Swap"),
    /// `(*atomic.Int32).CompareAndSwap(old, new int32) bool`
    AtomicInt32CompareAndSwap => method("sync/atomic.(*Int32).CompareAndSwap"),
    /// `(*atomic.Int64).Add(delta int64) int64`
    AtomicInt64Add => method("sync/atomic.(*Int64).Add"),
    /// `(*atomic.Int64).Load() int64`
    AtomicInt64Load => method("sync/atomic.(*Int64).Load"),
    /// `(*atomic.Int64).Store(val int64)`
    AtomicInt64Store => method("sync/atomic.(*Int64).Store"),
    /// `(*atomic.Int64).Swap(new int64) int64`
    AtomicInt64Swap => method("sync/atomic.(*Int64).Swap"),
    /// `(*atomic.Int64).CompareAndSwap(old, new int64) bool`
    AtomicInt64CompareAndSwap => method("sync/atomic.(*Int64).CompareAndSwap"),
    /// `(*atomic.Bool).Load() bool`
    AtomicBoolLoad => method("sync/atomic.(*Bool).Load"),
    /// `(*atomic.Bool).Store(val bool)`
    AtomicBoolStore => method("sync/atomic.(*Bool).Store"),
    /// `sync.NewCond(l Locker) *Cond`
    SyncNewCond => function("sync.NewCond"),
    /// `(*sync.Cond).Wait()`: lowering compiles it as a function of that name
    /// (`rt::cond`); the VM never calls it natively.
    CondWait => method("sync.(*Cond).Wait"),
    /// `(*sync.Cond).Signal()`, called with a pointer to the Cond's notify list.
    CondSignal => method("sync.(*Cond).Signal"),
    /// `(*sync.Cond).Broadcast()`, called with a pointer to the Cond's notify list.
    CondBroadcast => method("sync.(*Cond).Broadcast"),
    /// `runtime_notifyListAdd(l *notifyList) uint32`: the ticket `Cond.Wait` takes.
    NotifyListAdd => function("sync.runtime_notifyListAdd"),
    /// `runtime_notifyListWait(l *notifyList, t uint32)`: `Cond.Wait` blocks until notified.
    NotifyListWait => function("sync.runtime_notifyListWait"),
    /// `runtime.Goexit()`: unwinds the calling goroutine through its deferred calls and ends it.
    RuntimeGoexit => function("runtime.Goexit"),
    /// `runtime.Gosched()`
    RuntimeGosched => function("runtime.Gosched"),
    /// `runtime.NumGoroutine() int`
    RuntimeNumGoroutine => function("runtime.NumGoroutine"),
    /// `(*testing.T).Log(args ...any)`
    TestingLog => method("testing.(*T).Log"),
    /// `(*testing.T).Logf(format string, args ...any)`
    TestingLogf => method("testing.(*T).Logf"),
    /// `(*testing.T).Error(args ...any)`: Log, then Fail.
    TestingError => method("testing.(*T).Error"),
    /// `(*testing.T).Errorf(format string, args ...any)`
    TestingErrorf => method("testing.(*T).Errorf"),
    /// `(*testing.T).Fatal(args ...any)`: Log, then FailNow.
    TestingFatal => method("testing.(*T).Fatal"),
    /// `(*testing.T).Fatalf(format string, args ...any)`
    TestingFatalf => method("testing.(*T).Fatalf"),
    /// `(*testing.T).Skip(args ...any)`: Log, then SkipNow.
    TestingSkip => method("testing.(*T).Skip"),
    /// `(*testing.T).Skipf(format string, args ...any)`
    TestingSkipf => method("testing.(*T).Skipf"),
    /// `(*testing.T).Fail()`
    TestingFail => method("testing.(*T).Fail"),
    /// `(*testing.T).FailNow()`: Fail, then `runtime.Goexit`.
    TestingFailNow => method("testing.(*T).FailNow"),
    /// `(*testing.T).SkipNow()`
    TestingSkipNow => method("testing.(*T).SkipNow"),
    /// `(*testing.T).Failed() bool`
    TestingFailed => method("testing.(*T).Failed"),
    /// `(*testing.T).Skipped() bool`
    TestingSkipped => method("testing.(*T).Skipped"),
    /// `(*testing.T).Name() string`
    TestingName => method("testing.(*T).Name"),
    /// `(*testing.T).Helper()`: log lines name the caller of the calling function.
    TestingHelper => method("testing.(*T).Helper"),
    /// `testing.tRunner(t *T, name string, chatty bool)`: racemap's test runner names the
    /// test's `T` before calling the test function.
    TestingStart => function("testing.tRunner"),
    /// The end of racemap's test runner: enabled once every other goroutine is done or blocked
    /// (so the goroutines a test leaves behind run as far as they can, and the ones still
    /// blocked then are its leaks).
    TestingQuiesce => function("testing.tRunner.quiesce"),
    /// `error.Error() string`: the message of an error value (the only interface method call
    /// racemap supports; errors come from `errors.New`, `fmt.Errorf` and `strconv.Atoi`).
    ErrorError => method("error.Error"),
}

/// What a library function is, as data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LibFuncSpec {
    /// Go's runtime name, as stack traces print it: `fmt.Println`, `sync.(*Mutex).Lock`.
    pub go_name: &'static str,
    /// A method of a library type (`sync.Mutex`, `atomic.Int32`, `error`), called with a pointer
    /// to the receiver (the `error` value itself for `Error`) as the first operand.
    pub is_method: bool,
}

impl LibFuncSpec {
    /// A package-level function.
    const fn function(go_name: &'static str) -> LibFuncSpec {
        LibFuncSpec {
            go_name,
            is_method: false,
        }
    }

    /// A method of a library type.
    const fn method(go_name: &'static str) -> LibFuncSpec {
        LibFuncSpec {
            go_name,
            is_method: true,
        }
    }
}

impl LibFunc {
    /// Go's runtime name, as stack traces print it: `fmt.Println`, `sync.(*Mutex).Lock`.
    pub fn go_name(self) -> &'static str {
        self.spec().go_name
    }

    /// A method of a library type (called with a pointer receiver first).
    pub fn is_method(self) -> bool {
        self.spec().is_method
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods_are_named_with_their_receiver_and_functions_with_their_package() {
        for &f in LibFunc::ALL {
            let LibFuncSpec { go_name, is_method } = f.spec();
            let receiver_form = go_name.contains(".(*") || go_name.starts_with("error.");
            assert_eq!(receiver_form, is_method, "{f:?} {go_name}");
        }
        assert_eq!(LibFunc::MutexLock.go_name(), "sync.(*Mutex).Lock");
        assert!(LibFunc::ErrorError.is_method());
        assert!(!LibFunc::FmtPrintln.is_method());
    }
}
