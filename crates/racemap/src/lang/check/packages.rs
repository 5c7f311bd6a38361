//! The library packages racemap knows: `errors`, `fmt`, `runtime`, `sync`, `sync/atomic`,
//! `testing` (`T`), `time`, `strconv`, `strings`, and the methods of their types. Each member is a [`LibFunc`] the VM implements
//! natively, a constant (`time.Millisecond`), or a type (`sync.Mutex`).

use crate::diag::Span;
use crate::lang::check::info::{ConstValue, ObjectId, ObjectKind};
use crate::lang::check::Checker;
use crate::library::LibFunc;
use crate::types::{Basic, Signature, SyncKind, TypeId, TypeKind, TypeTable};

/// Import paths racemap supports.
pub const SUPPORTED_IMPORTS: &[&str] = &[
    "errors",
    "fmt",
    "sync",
    "sync/atomic",
    "time",
    "strconv",
    "strings",
    "runtime",
    "testing",
];

impl<'a> Checker<'a> {
    /// A `TypeKind::Func` type.
    pub fn func_type(
        &mut self,
        params: Vec<TypeId>,
        results: Vec<TypeId>,
        variadic: bool,
    ) -> TypeId {
        self.types.intern(TypeKind::Func(Signature {
            params,
            results,
            variadic,
        }))
    }

    fn slice_of(&mut self, t: TypeId) -> TypeId {
        self.types.intern(TypeKind::Slice(t))
    }

    fn ptr_to(&mut self, t: TypeId) -> TypeId {
        self.types.intern(TypeKind::Pointer(t))
    }

    /// The member `name` of imported package `path`, materialized as an object on first use.
    pub fn lib_member(&mut self, path: &str, name: &str) -> Option<ObjectId> {
        let key = (path.to_string(), name.to_string());
        if let Some(&o) = self.lib_objects.get(&key) {
            return Some(o);
        }
        let kind = self.lib_member_kind(path, name)?;
        let o = self.new_object(name, Span::default(), kind);
        self.lib_objects.insert(key, o);
        Some(o)
    }

    fn lib_member_kind(&mut self, path: &str, name: &str) -> Option<ObjectKind> {
        use LibFunc::*;
        let int = TypeTable::basic(Basic::Int);
        let string = TypeTable::basic(Basic::String);
        let boolean = TypeTable::basic(Basic::Bool);
        let i32t = TypeTable::basic(Basic::Int32);
        let i64t = TypeTable::basic(Basic::Int64);
        let any = self.any_type;
        let anys = self.slice_of(any);
        let strings = self.slice_of(string);
        let error = self.error_type;
        if let Some(&ty) = self.lib_types.get(&(path.to_string(), name.to_string())) {
            return Some(ObjectKind::TypeName { ty });
        }
        let (func, params, results, variadic) = match (path, name) {
            ("fmt", "Print") => (FmtPrint, vec![anys], vec![], true),
            ("fmt", "Println") => (FmtPrintln, vec![anys], vec![], true),
            ("fmt", "Printf") => (FmtPrintf, vec![string, anys], vec![], true),
            ("fmt", "Sprint") => (FmtSprint, vec![anys], vec![string], true),
            ("fmt", "Sprintln") => (FmtSprintln, vec![anys], vec![string], true),
            ("fmt", "Sprintf") => (FmtSprintf, vec![string, anys], vec![string], true),
            ("fmt", "Errorf") => (FmtErrorf, vec![string, anys], vec![error], true),
            ("sync", "NewCond") => {
                let locker = self.lib_types[&("sync".to_string(), "Locker".to_string())];
                let cond = self.lib_types[&("sync".to_string(), "Cond".to_string())];
                let p = self.ptr_to(cond);
                (SyncNewCond, vec![locker], vec![p], false)
            }
            ("runtime", "Goexit") => (RuntimeGoexit, vec![], vec![], false),
            ("runtime", "Gosched") => (RuntimeGosched, vec![], vec![], false),
            ("runtime", "NumGoroutine") => (RuntimeNumGoroutine, vec![], vec![int], false),
            ("errors", "New") => (ErrorsNew, vec![string], vec![error], false),
            ("errors", "Is") => (ErrorsIs, vec![error, error], vec![boolean], false),
            ("errors", "As") => (ErrorsAs, vec![error, any], vec![boolean], false),
            ("errors", "Unwrap") => (ErrorsUnwrap, vec![error], vec![error], false),
            ("strconv", "Itoa") => (StrconvItoa, vec![int], vec![string], false),
            ("strconv", "Atoi") => (StrconvAtoi, vec![string], vec![int, error], false),
            ("strings", "Contains") => {
                (StringsContains, vec![string, string], vec![boolean], false)
            }
            ("strings", "HasPrefix") => {
                (StringsHasPrefix, vec![string, string], vec![boolean], false)
            }
            ("strings", "HasSuffix") => {
                (StringsHasSuffix, vec![string, string], vec![boolean], false)
            }
            ("strings", "Repeat") => (StringsRepeat, vec![string, int], vec![string], false),
            ("strings", "ToUpper") => (StringsToUpper, vec![string], vec![string], false),
            ("strings", "ToLower") => (StringsToLower, vec![string], vec![string], false),
            ("strings", "Join") => (StringsJoin, vec![strings, string], vec![string], false),
            ("strings", "Split") => (StringsSplit, vec![string, string], vec![strings], false),
            ("time", "Sleep") => {
                let d = self.lib_types[&("time".to_string(), "Duration".to_string())];
                (TimeSleep, vec![d], vec![], false)
            }
            (
                "time",
                c @ ("Nanosecond" | "Microsecond" | "Millisecond" | "Second" | "Minute" | "Hour"),
            ) => {
                let d = self.lib_types[&("time".to_string(), "Duration".to_string())];
                let v: i128 = match c {
                    "Nanosecond" => 1,
                    "Microsecond" => 1_000,
                    "Millisecond" => 1_000_000,
                    "Second" => 1_000_000_000,
                    "Minute" => 60_000_000_000,
                    _ => 3_600_000_000_000,
                };
                return Some(ObjectKind::Const {
                    ty: d,
                    value: ConstValue::Int(v),
                });
            }
            ("sync/atomic", f) => {
                let (is64, op) = if let Some(op) = f.strip_suffix("Int64") {
                    (true, op)
                } else if let Some(op) = f.strip_suffix("Int32") {
                    (false, op)
                } else {
                    return None;
                };
                let t = if is64 { i64t } else { i32t };
                let p = self.ptr_to(t);
                match (op, is64) {
                    ("Add", true) => (AtomicAddInt64, vec![p, t], vec![t], false),
                    ("Add", false) => (AtomicAddInt32, vec![p, t], vec![t], false),
                    ("Load", true) => (AtomicLoadInt64, vec![p], vec![t], false),
                    ("Load", false) => (AtomicLoadInt32, vec![p], vec![t], false),
                    ("Store", true) => (AtomicStoreInt64, vec![p, t], vec![], false),
                    ("Store", false) => (AtomicStoreInt32, vec![p, t], vec![], false),
                    ("CompareAndSwap", true) => (
                        AtomicCompareAndSwapInt64,
                        vec![p, t, t],
                        vec![boolean],
                        false,
                    ),
                    ("CompareAndSwap", false) => (
                        AtomicCompareAndSwapInt32,
                        vec![p, t, t],
                        vec![boolean],
                        false,
                    ),
                    _ => return None,
                }
            }
            _ => return None,
        };
        let ty = self.func_type(params, results, variadic);
        Some(ObjectKind::Lib { func, ty })
    }

    /// A method of a library type: `(*sync.Mutex).Lock` etc. Returns the function and its
    /// signature (without receiver). All sync/atomic methods have pointer receivers.
    pub fn lib_method(&mut self, kind: SyncKind, name: &str) -> Option<(LibFunc, TypeId)> {
        use LibFunc::*;
        let boolean = TypeTable::basic(Basic::Bool);
        let int = TypeTable::basic(Basic::Int);
        let i32t = TypeTable::basic(Basic::Int32);
        let i64t = TypeTable::basic(Basic::Int64);
        let any = self.any_type;
        let (f, params, results) = match (kind, name) {
            (SyncKind::Mutex, "Lock") => (MutexLock, vec![], vec![]),
            (SyncKind::Mutex, "Unlock") => (MutexUnlock, vec![], vec![]),
            (SyncKind::Mutex, "TryLock") => (MutexTryLock, vec![], vec![boolean]),
            (SyncKind::RwMutex, "Lock") => (RwMutexLock, vec![], vec![]),
            (SyncKind::RwMutex, "Unlock") => (RwMutexUnlock, vec![], vec![]),
            (SyncKind::RwMutex, "RLock") => (RwMutexRLock, vec![], vec![]),
            (SyncKind::RwMutex, "RUnlock") => (RwMutexRUnlock, vec![], vec![]),
            (SyncKind::RwMutex, "TryLock") => (RwMutexTryLock, vec![], vec![boolean]),
            (SyncKind::RwMutex, "TryRLock") => (RwMutexTryRLock, vec![], vec![boolean]),
            (SyncKind::WaitGroup, "Add") => (WaitGroupAdd, vec![int], vec![]),
            (SyncKind::WaitGroup, "Done") => (WaitGroupDone, vec![], vec![]),
            (SyncKind::WaitGroup, "Wait") => (WaitGroupWait, vec![], vec![]),
            (SyncKind::Once, "Do") => {
                let f = self.func_type(vec![], vec![], false);
                (OnceDo, vec![f], vec![])
            }
            (SyncKind::Map, "Load") => (SyncMapLoad, vec![any], vec![any, boolean]),
            (SyncKind::Map, "Store") => (SyncMapStore, vec![any, any], vec![]),
            (SyncKind::Map, "LoadOrStore") => {
                (SyncMapLoadOrStore, vec![any, any], vec![any, boolean])
            }
            (SyncKind::Map, "LoadAndDelete") => {
                (SyncMapLoadAndDelete, vec![any], vec![any, boolean])
            }
            (SyncKind::Map, "Delete") => (SyncMapDelete, vec![any], vec![]),
            (SyncKind::Map, "Swap") => (SyncMapSwap, vec![any, any], vec![any, boolean]),
            (SyncKind::Map, "CompareAndSwap") => {
                (SyncMapCompareAndSwap, vec![any, any, any], vec![boolean])
            }
            (SyncKind::Map, "Range") => {
                let f = self.func_type(vec![any, any], vec![boolean], false);
                (SyncMapRange, vec![f], vec![])
            }
            (SyncKind::AtomicInt32, "Add") => (AtomicInt32Add, vec![i32t], vec![i32t]),
            (SyncKind::AtomicInt32, "Load") => (AtomicInt32Load, vec![], vec![i32t]),
            (SyncKind::AtomicInt32, "Store") => (AtomicInt32Store, vec![i32t], vec![]),
            (SyncKind::AtomicInt32, "Swap") => (AtomicInt32Swap, vec![i32t], vec![i32t]),
            (SyncKind::AtomicInt32, "CompareAndSwap") => {
                (AtomicInt32CompareAndSwap, vec![i32t, i32t], vec![boolean])
            }
            (SyncKind::AtomicInt64, "Add") => (AtomicInt64Add, vec![i64t], vec![i64t]),
            (SyncKind::AtomicInt64, "Load") => (AtomicInt64Load, vec![], vec![i64t]),
            (SyncKind::AtomicInt64, "Store") => (AtomicInt64Store, vec![i64t], vec![]),
            (SyncKind::AtomicInt64, "Swap") => (AtomicInt64Swap, vec![i64t], vec![i64t]),
            (SyncKind::AtomicInt64, "CompareAndSwap") => {
                (AtomicInt64CompareAndSwap, vec![i64t, i64t], vec![boolean])
            }
            (SyncKind::TestingT, m) => {
                let string = TypeTable::basic(Basic::String);
                let anys = self.slice_of(any);
                let (f, params, results, variadic) = match m {
                    "Log" => (TestingLog, vec![anys], vec![], true),
                    "Logf" => (TestingLogf, vec![string, anys], vec![], true),
                    "Error" => (TestingError, vec![anys], vec![], true),
                    "Errorf" => (TestingErrorf, vec![string, anys], vec![], true),
                    "Fatal" => (TestingFatal, vec![anys], vec![], true),
                    "Fatalf" => (TestingFatalf, vec![string, anys], vec![], true),
                    "Skip" => (TestingSkip, vec![anys], vec![], true),
                    "Skipf" => (TestingSkipf, vec![string, anys], vec![], true),
                    "Fail" => (TestingFail, vec![], vec![], false),
                    "FailNow" => (TestingFailNow, vec![], vec![], false),
                    "SkipNow" => (TestingSkipNow, vec![], vec![], false),
                    "Failed" => (TestingFailed, vec![], vec![boolean], false),
                    "Skipped" => (TestingSkipped, vec![], vec![boolean], false),
                    "Name" => (TestingName, vec![], vec![string], false),
                    "Helper" => (TestingHelper, vec![], vec![], false),
                    _ => return None,
                };
                let ty = self.func_type(params, results, variadic);
                return Some((f, ty));
            }
            (SyncKind::AtomicBool, "Load") => (AtomicBoolLoad, vec![], vec![boolean]),
            (SyncKind::AtomicBool, "Store") => (AtomicBoolStore, vec![boolean], vec![]),
            _ => return None,
        };
        let ty = self.func_type(params, results, false);
        Some((f, ty))
    }
}
