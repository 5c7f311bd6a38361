//! The library packages racemap knows: `fmt`, `sync`, `sync/atomic`, `time`, `strconv`,
//! `strings`, and the methods of their types. Each member is a [`LibFunc`] the VM implements
//! natively, a constant (`time.Millisecond`), or a type (`sync.Mutex`).

use crate::lang::check::info::LibFunc;

/// Import paths racemap supports.
pub const SUPPORTED_IMPORTS: &[&str] =
    &["fmt", "sync", "sync/atomic", "time", "strconv", "strings"];

/// Go's runtime name of a library function (as in stack traces).
pub fn lib_go_name(f: LibFunc) -> &'static str {
    use LibFunc::*;
    match f {
        FmtPrint => "fmt.Print",
        FmtPrintln => "fmt.Println",
        FmtPrintf => "fmt.Printf",
        FmtSprint => "fmt.Sprint",
        FmtSprintln => "fmt.Sprintln",
        FmtSprintf => "fmt.Sprintf",
        FmtErrorf => "fmt.Errorf",
        StrconvItoa => "strconv.Itoa",
        StrconvAtoi => "strconv.Atoi",
        StringsContains => "strings.Contains",
        StringsHasPrefix => "strings.HasPrefix",
        StringsHasSuffix => "strings.HasSuffix",
        StringsRepeat => "strings.Repeat",
        StringsToUpper => "strings.ToUpper",
        StringsToLower => "strings.ToLower",
        StringsJoin => "strings.Join",
        StringsSplit => "strings.Split",
        TimeSleep => "time.Sleep",
        AtomicAddInt32 => "sync/atomic.AddInt32",
        AtomicAddInt64 => "sync/atomic.AddInt64",
        AtomicLoadInt32 => "sync/atomic.LoadInt32",
        AtomicLoadInt64 => "sync/atomic.LoadInt64",
        AtomicStoreInt32 => "sync/atomic.StoreInt32",
        AtomicStoreInt64 => "sync/atomic.StoreInt64",
        AtomicCompareAndSwapInt32 => "sync/atomic.CompareAndSwapInt32",
        AtomicCompareAndSwapInt64 => "sync/atomic.CompareAndSwapInt64",
        MutexLock => "sync.(*Mutex).Lock",
        MutexUnlock => "sync.(*Mutex).Unlock",
        MutexTryLock => "sync.(*Mutex).TryLock",
        RwMutexLock => "sync.(*RWMutex).Lock",
        RwMutexUnlock => "sync.(*RWMutex).Unlock",
        RwMutexRLock => "sync.(*RWMutex).RLock",
        RwMutexRUnlock => "sync.(*RWMutex).RUnlock",
        RwMutexTryLock => "sync.(*RWMutex).TryLock",
        RwMutexTryRLock => "sync.(*RWMutex).TryRLock",
        WaitGroupAdd => "sync.(*WaitGroup).Add",
        WaitGroupDone => "sync.(*WaitGroup).Done",
        WaitGroupWait => "sync.(*WaitGroup).Wait",
        OnceDo => "sync.(*Once).Do",
        SyncMapLoad => "sync.(*Map).Load",
        SyncMapStore => "sync.(*Map).Store",
        SyncMapLoadOrStore => "sync.(*Map).LoadOrStore",
        SyncMapLoadAndDelete => "sync.(*Map).LoadAndDelete",
        SyncMapDelete => "sync.(*Map).Delete",
        SyncMapRange => "sync.(*Map).Range",
        SyncMapSwap => "sync.(*Map).Swap",
        SyncMapCompareAndSwap => "sync.(*Map).CompareAndSwap",
        AtomicInt32Add => "sync/atomic.(*Int32).Add",
        AtomicInt32Load => "sync/atomic.(*Int32).Load",
        AtomicInt32Store => "sync/atomic.(*Int32).Store",
        AtomicInt32Swap => "sync/atomic.(*Int32).Swap",
        AtomicInt32CompareAndSwap => "sync/atomic.(*Int32).CompareAndSwap",
        AtomicInt64Add => "sync/atomic.(*Int64).Add",
        AtomicInt64Load => "sync/atomic.(*Int64).Load",
        AtomicInt64Store => "sync/atomic.(*Int64).Store",
        AtomicInt64Swap => "sync/atomic.(*Int64).Swap",
        AtomicInt64CompareAndSwap => "sync/atomic.(*Int64).CompareAndSwap",
        AtomicBoolLoad => "sync/atomic.(*Bool).Load",
        AtomicBoolStore => "sync/atomic.(*Bool).Store",
        ErrorError => "error.Error",
    }
}

/// A method of a library type (receiver passed first).
pub fn lib_is_method(f: LibFunc) -> bool {
    lib_go_name(f).contains('(') || f == LibFunc::ErrorError
}
