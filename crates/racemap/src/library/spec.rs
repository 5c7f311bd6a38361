//! The facts of one row of the library table ([`LibFuncSpec`]: [`Owner`], [`LibType`]s,
//! [`Visibility`]) and what is derived from a row ([`LibFunc`]'s Go name, method-ness, receiver
//! kind, result count, boxed arguments, lookup by owner and name).

use super::LibFunc;
use crate::types::{Basic, SyncKind};

/// Where a library function is declared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    /// A function of the package with this import path (`"sync/atomic"`).
    Package(&'static str),
    /// A variable of the package with this import path (`context.Canceled`): its row's one
    /// result is the variable's type, and a read of it is a call.
    PackageVar(&'static str),
    /// A method of a `sync`/`atomic` type, always with a pointer receiver (the first operand).
    Sync(SyncKind),
    /// A method of the predeclared interface with this name (`"error"`); the first operand is
    /// the interface value.
    Interface(&'static str),
    /// A method of a library struct type (`sync.Cond`, `time.Timer`), by import path and type
    /// name, with a pointer receiver (the first operand; a value for `time.Time`, see
    /// [`Owner::value_receiver`]); the checker finds these itself.
    Struct(&'static str, &'static str),
    /// A runtime hook of the package with this import path, called only by code racemap
    /// compiles from Go's sources (`sync.runtime_notifyListAdd` in `sync.(*Cond).Wait`), or a
    /// variant the checker substitutes (`fmt.Fprint` to a `*strings.Builder`); never found by
    /// name in a program.
    Runtime(&'static str),
}

impl Owner {
    /// The methods of this library type have value receivers (`time.Time`, `time.Duration`,
    /// `sort.IntSlice`, `sort.StringSlice`, `sort.Float64Slice`);
    /// the others (`sync.Cond`, `time.Timer`, `time.Ticker`) have pointer receivers.
    pub fn value_receiver(path: &str, type_name: &str) -> bool {
        (path == "time" && matches!(type_name, "Time" | "Duration"))
            || (path == "sort" && matches!(type_name, "IntSlice" | "StringSlice" | "Float64Slice"))
            || (path == "io" && type_name == "discard")
    }
}

/// The operation of a `sync/atomic` call ([`LibFunc::atomic_op`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AtomicOpKind {
    /// `Add`: stores and returns the sum (wrapping at the operand's width).
    Add,
    /// `Load`: returns the value.
    Load,
    /// `Store`: stores the operand.
    Store,
    /// `Swap`: stores the operand, returns the old value.
    Swap,
    /// `CompareAndSwap`: stores the second operand if the value equals the first; whether it did.
    CompareAndSwap,
}

/// A type in a library signature, as data: the checker turns it into a type
/// (`Checker::lib_type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LibType {
    /// A basic type (`int`, `string`, …).
    Basic(Basic),
    /// A basic type spelled by its predeclared alias: `byte` (`uint8`), `rune` (`int32`).
    Alias(Basic),
    /// `any` (`interface{}`).
    Any,
    /// The predeclared `error`.
    Error,
    /// A named type of a library package, by import path and name (`time.Duration`).
    Named(&'static str, &'static str),
    /// `[]T`
    Slice(&'static LibType),
    /// `*T`
    Pointer(&'static LibType),
    /// `<-chan T`
    RecvChan(&'static LibType),
    /// `struct{}`
    EmptyStruct,
    /// `func(params) results`
    Func(&'static [LibType], &'static [LibType]),
    /// The type argument `T` of the generic receiver (`atomic.Pointer[T]`'s methods take and
    /// return `*T`): resolved by the checker from the receiver's instance.
    TypeArg,
}

/// Whether a call is a scheduling point, and what a visible one touches (the explorer's
/// dependence and the race detector see it through `rt`'s events).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    /// Local computation: the goroutine runs on (`fmt.Sprint`, `strings`, `errors`, …).
    Local,
    /// A visible operation writing the program's output (`fmt.Print*`).
    Output,
    /// A visible operation on the virtual clock (`time.Sleep`).
    Clock,
    /// A visible operation on the object its first operand points to: a `sync`/`atomic`
    /// object or an integer used atomically.
    Object,
    /// A visible operation on the scheduler only (`runtime.Gosched`, `runtime.NumGoroutine`).
    Scheduler,
    /// A visible operation on the object its first operand points to that also writes the
    /// program's output (`(*testing.T).Log` and the calls that log).
    Log,
    /// A visible operation arming a new runtime timer (`time.After`, `time.NewTimer`, …): it
    /// starts the timer's runtime goroutine (`rt::timer`).
    Timer,
}

/// What a library function is, as data: one row of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LibFuncSpec {
    /// Where it is declared.
    pub owner: Owner,
    /// Its name in the package or the method set: `Println`, `Lock`.
    pub name: &'static str,
    /// Parameter types, without the receiver; a variadic last parameter is its slice type.
    pub params: &'static [LibType],
    /// Result types.
    pub results: &'static [LibType],
    /// The last parameter is variadic (`...T`).
    pub variadic: bool,
    /// Local computation or a visible operation.
    pub visibility: Visibility,
}

impl LibFuncSpec {
    /// A row without parameters or results, local computation; the builders below add the rest.
    pub const fn new(owner: Owner, name: &'static str) -> LibFuncSpec {
        LibFuncSpec {
            owner,
            name,
            params: &[],
            results: &[],
            variadic: false,
            visibility: Visibility::Local,
        }
    }

    /// With these parameter types.
    pub const fn params(self, params: &'static [LibType]) -> LibFuncSpec {
        LibFuncSpec { params, ..self }
    }

    /// With these result types.
    pub const fn results(self, results: &'static [LibType]) -> LibFuncSpec {
        LibFuncSpec { results, ..self }
    }

    /// With a variadic last parameter.
    pub const fn variadic(self) -> LibFuncSpec {
        LibFuncSpec {
            variadic: true,
            ..self
        }
    }

    /// With this visibility.
    pub const fn visibility(self, visibility: Visibility) -> LibFuncSpec {
        LibFuncSpec { visibility, ..self }
    }
}

impl LibFunc {
    /// Go's runtime name, as stack traces print it: `fmt.Println`, `sync.(*Mutex).Lock`,
    /// `sync/atomic.(*Int32).Add`, `error.Error`.
    pub fn go_name(self) -> String {
        let spec = self.spec();
        match spec.owner {
            Owner::Package(path) | Owner::PackageVar(path) => format!("{path}.{}", spec.name),
            Owner::Sync(kind) => format!(
                "{}.(*{}).{}",
                kind.package_path(),
                kind.type_name(),
                spec.name
            ),
            Owner::Interface(interface) => format!("{interface}.{}", spec.name),
            Owner::Struct(path, type_name) if Owner::value_receiver(path, type_name) => {
                format!("{path}.{type_name}.{}", spec.name)
            }
            Owner::Struct(path, type_name) => format!("{path}.(*{type_name}).{}", spec.name),
            Owner::Runtime(path) => format!("{path}.{}", spec.name),
        }
    }

    /// A method of a library type or interface (its receiver is the first operand).
    pub fn is_method(self) -> bool {
        !matches!(
            self.spec().owner,
            Owner::Package(_) | Owner::PackageVar(_) | Owner::Runtime(_)
        )
    }

    /// The `sync`/`atomic` type whose method this is.
    pub fn receiver(self) -> Option<SyncKind> {
        match self.spec().owner {
            Owner::Sync(kind) => Some(kind),
            _ => None,
        }
    }

    /// Whether a call is a visible operation (a scheduling point).
    pub fn is_visible(self) -> bool {
        self.spec().visibility != Visibility::Local
    }

    /// The number of values a call pushes.
    pub fn result_count(self) -> u32 {
        self.spec().results.len() as u32
    }

    /// What a `sync/atomic` call does (a function on an integer variable, `AddUint64`, or a
    /// method of a typed atomic, `(*atomic.Uint64).Add`), from its name; `None` for others.
    pub fn atomic_op(self) -> Option<AtomicOpKind> {
        let spec = self.spec();
        let typed = matches!(spec.owner, Owner::Sync(kind) if kind.package_path() == "sync/atomic");
        if spec.owner != Owner::Package("sync/atomic") && !typed {
            return None;
        }
        let op = ["Int32", "Int64", "Uint32", "Uint64"]
            .iter()
            .find_map(|suffix| spec.name.strip_suffix(suffix))
            .unwrap_or(spec.name);
        Some(match op {
            "Add" => AtomicOpKind::Add,
            "Load" => AtomicOpKind::Load,
            "Store" => AtomicOpKind::Store,
            "Swap" => AtomicOpKind::Swap,
            "CompareAndSwap" => AtomicOpKind::CompareAndSwap,
            _ => return None,
        })
    }

    /// The type of the value a `sync/atomic` call operates on (`Uint32` for `AddUint32` and
    /// `(*atomic.Uint32).Add`, `Bool` for `atomic.Bool`): its width and signedness.
    pub fn atomic_basic(self) -> Option<Basic> {
        self.atomic_op()?;
        match self.spec().owner {
            Owner::Sync(SyncKind::AtomicInt32) => Some(Basic::Int32),
            Owner::Sync(SyncKind::AtomicInt64) => Some(Basic::Int64),
            Owner::Sync(SyncKind::AtomicUint32) => Some(Basic::Uint32),
            Owner::Sync(SyncKind::AtomicUint64) => Some(Basic::Uint64),
            Owner::Sync(SyncKind::AtomicBool) => Some(Basic::Bool),
            Owner::Sync(SyncKind::AtomicPointer) => Some(Basic::Uintptr),
            _ => match self.spec().params.first() {
                Some(LibType::Pointer(LibType::Basic(b))) => Some(*b),
                _ => None,
            },
        }
    }

    /// The index of the first argument boxed to `any` one by one (a `...any` parameter), if
    /// the function has one.
    pub fn boxed_args_from(self) -> Option<usize> {
        let spec = self.spec();
        match spec.params.last() {
            Some(LibType::Slice(LibType::Any)) if spec.variadic => Some(spec.params.len() - 1),
            _ => None,
        }
    }

    /// The function `name` of the package with import path `path`.
    pub fn package_function(path: &str, name: &str) -> Option<LibFunc> {
        LibFunc::find(
            name,
            |owner| matches!(owner, Owner::Package(p) if p == path),
        )
    }

    /// The variable `name` of the package with import path `path`.
    pub fn package_var(path: &str, name: &str) -> Option<LibFunc> {
        LibFunc::find(
            name,
            |owner| matches!(owner, Owner::PackageVar(p) if p == path),
        )
    }

    /// The method `name` of a `sync`/`atomic` type or of an interface.
    pub fn method(owner: Owner, name: &str) -> Option<LibFunc> {
        LibFunc::find(name, |o| o == owner)
    }

    /// The first row (in table order) named `name` whose owner `owner` accepts: a binary
    /// search of [`by_name`] (the checker looks up every method and package function it meets,
    /// and every method of the library's named types per compile).
    fn find(name: &str, owner: impl Fn(Owner) -> bool) -> Option<LibFunc> {
        let rows = by_name();
        let start = rows.partition_point(|f| f.spec().name < name);
        rows[start..]
            .iter()
            .copied()
            .take_while(|f| f.spec().name == name)
            .find(|f| owner(f.spec().owner))
    }
}

/// [`LibFunc::ALL`] sorted by name, stably (rows of one name keep the table's order, so
/// [`LibFunc::find`] answers what a scan of the table in order answers); built once per process.
fn by_name() -> &'static [LibFunc] {
    static BY_NAME: std::sync::OnceLock<Vec<LibFunc>> = std::sync::OnceLock::new();
    BY_NAME.get_or_init(|| {
        let mut rows = LibFunc::ALL.to_vec();
        crate::stable_sort::sort_by(&mut rows, |a, b| a.spec().name.cmp(b.spec().name));
        rows
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index answers what a scan of the table in order answers, for every name and a
    /// predicate that accepts any owner (the first row of the name) or only a later row's.
    #[test]
    fn find_agrees_with_a_scan_of_the_table() {
        let scan = |name: &str, owner: &dyn Fn(Owner) -> bool| {
            (LibFunc::ALL.iter().copied()).find(|f| f.spec().name == name && owner(f.spec().owner))
        };
        for &f in LibFunc::ALL {
            let name = f.spec().name;
            assert_eq!(LibFunc::find(name, |_| true), scan(name, &|_| true));
            let last = f.spec().owner;
            assert_eq!(
                LibFunc::find(name, |o| o == last),
                scan(name, &|o| o == last)
            );
        }
        assert_eq!(LibFunc::find("NoSuchFunction", |_| true), None);
        assert_eq!(LibFunc::find("", |_| true), None);
    }

    #[test]
    fn each_row_is_found_under_its_owner_and_name() {
        for &f in LibFunc::ALL {
            let spec = f.spec();
            let found = match spec.owner {
                Owner::Package(path) => LibFunc::package_function(path, spec.name),
                Owner::PackageVar(path) => LibFunc::package_var(path, spec.name),
                owner => LibFunc::method(owner, spec.name),
            };
            assert_eq!(found, Some(f), "{f:?}: two rows with one name");
            if spec.variadic {
                assert!(
                    matches!(spec.params.last(), Some(LibType::Slice(_))),
                    "{f:?}: a variadic parameter has a slice type"
                );
            }
        }
    }

    #[test]
    fn derived_facts() {
        assert_eq!(LibFunc::MutexLock.go_name(), "sync.(*Mutex).Lock");
        assert_eq!(
            LibFunc::AtomicInt32Add.go_name(),
            "sync/atomic.(*Int32).Add"
        );
        assert_eq!(LibFunc::AtomicAddInt64.go_name(), "sync/atomic.AddInt64");
        assert_eq!(LibFunc::ErrorError.go_name(), "error.Error");
        assert!(LibFunc::ErrorError.is_method() && !LibFunc::FmtPrintln.is_method());
        assert_eq!(LibFunc::SyncMapLoad.receiver(), Some(SyncKind::Map));
        assert_eq!(LibFunc::StrconvAtoi.result_count(), 2);
        assert_eq!(LibFunc::FmtPrintf.boxed_args_from(), Some(1));
        assert_eq!(LibFunc::FmtSprint.boxed_args_from(), Some(0));
        assert_eq!(LibFunc::StringsJoin.boxed_args_from(), None);
        assert!(LibFunc::TimeSleep.is_visible() && !LibFunc::FmtSprint.is_visible());
        assert_eq!(LibFunc::package_function("sync", "Lock"), None);
        assert_eq!(LibFunc::CondSignal.go_name(), "sync.(*Cond).Signal");
        assert_eq!(
            LibFunc::NotifyListAdd.go_name(),
            "sync.runtime_notifyListAdd"
        );
        assert!(LibFunc::CondWait.is_method() && !LibFunc::NotifyListWait.is_method());
        // Runtime hooks are not package members a program can name.
        assert_eq!(
            LibFunc::package_function("sync", "runtime_notifyListAdd"),
            None
        );
        assert!(LibFunc::RuntimeGosched.is_visible() && !LibFunc::RuntimeGoexit.is_visible());
        assert_eq!(
            LibFunc::AtomicAddUint64.atomic_op(),
            Some(AtomicOpKind::Add)
        );
        assert_eq!(LibFunc::AtomicAddUint64.atomic_basic(), Some(Basic::Uint64));
        assert_eq!(
            LibFunc::AtomicUint32CompareAndSwap.atomic_op(),
            Some(AtomicOpKind::CompareAndSwap)
        );
        assert_eq!(
            LibFunc::AtomicUint32Load.atomic_basic(),
            Some(Basic::Uint32)
        );
        assert_eq!(LibFunc::AtomicBoolSwap.atomic_basic(), Some(Basic::Bool));
        assert_eq!(
            LibFunc::AtomicSwapInt32.atomic_op(),
            Some(AtomicOpKind::Swap)
        );
        assert_eq!(LibFunc::AtomicSwapInt32.atomic_basic(), Some(Basic::Int32));
        assert_eq!(LibFunc::MutexLock.atomic_op(), None);
        assert_eq!(
            LibFunc::AtomicUint64Add.go_name(),
            "sync/atomic.(*Uint64).Add"
        );
    }
}
