//! The library table's rows for package `sync/atomic`: the functions, the typed integers, `Bool`, `Value` and `Pointer[T]`.
//! Gathered into [`LibFunc`](super::LibFunc) by `lib_funcs!` (`table_macro.rs`).

macro_rules! atomic_rows {
    ($cb:ident, $($pre:tt)*) => {
        $cb! { $($pre)*
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
        }
    };
}
