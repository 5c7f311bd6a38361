//! The library table's rows for package `sync`: `Mutex`, `RWMutex`, `WaitGroup`, `Once`, `Map`, `Cond`, `Pool` and the runtime's notify lists.
//! Gathered into [`LibFunc`](super::LibFunc) by `lib_funcs!` (`table_macro.rs`).

macro_rules! sync_rows {
    ($cb:ident, $($pre:tt)*) => {
        $cb! { $($pre)*
            /// `(*sync.Pool).Get() any`: one of the pooled items or, always possible, `New()`'s
            /// (`rt/interp/pool.rs`: a visible choice).
            PoolGet => LibFuncSpec::new(Owner::Struct("sync", "Pool"), "Get")
                .results(&[ANY])
                .visibility(Object),
            /// `(*sync.Pool).Put(x any)`
            PoolPut => LibFuncSpec::new(Owner::Struct("sync", "Pool"), "Put")
                .params(&[ANY])
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
        }
    };
}
