//! Short names for the library table's rows (`fmt_os.rs`, `time.rs`, …): the [`LibType`]s of its signatures
//! and the row builders (`func`, `method`, …).

use super::{LibFuncSpec, LibType, Owner, Visibility};
use crate::types::{Basic, SyncKind};

pub(super) const BOOL: LibType = LibType::Basic(Basic::Bool);
pub(super) const INT: LibType = LibType::Basic(Basic::Int);
pub(super) const INT32: LibType = LibType::Basic(Basic::Int32);
pub(super) const INT64: LibType = LibType::Basic(Basic::Int64);
pub(super) const UINT32: LibType = LibType::Basic(Basic::Uint32);
pub(super) const UINT64: LibType = LibType::Basic(Basic::Uint64);
/// `float32`
pub(super) const FLOAT32: LibType = LibType::Basic(Basic::Float32);
pub(super) const STRING: LibType = LibType::Basic(Basic::String);
pub(super) const BYTE: LibType = LibType::Alias(Basic::Uint8);
pub(super) const RUNE: LibType = LibType::Alias(Basic::Int32);
/// `[]string`
pub(super) const STRINGS: LibType = LibType::Slice(&STRING);
pub(super) const FLOAT64: LibType = LibType::Basic(Basic::Float64);
/// `[]int`
pub(super) const INTS: LibType = LibType::Slice(&INT);
/// `[]float64`
pub(super) const FLOAT64S: LibType = LibType::Slice(&FLOAT64);
pub(super) const RAND_SOURCE: LibType = LibType::Named("math/rand", "Source");
pub(super) const RAND: LibType = LibType::Named("math/rand", "Rand");
pub(super) const SORT_INTERFACE: LibType = LibType::Named("sort", "Interface");
/// `func(i, j int) bool`, the `less` of `sort.Slice`.
pub(super) const LESS: LibType = LibType::Func(&[INT, INT], &[BOOL]);
/// `func(rune) rune`, the `mapping` of `strings.Map`.
pub(super) const RUNE_MAPPING: LibType = LibType::Func(&[RUNE], &[RUNE]);
/// `func(rune) bool`, the `f` of `strings.IndexFunc`, `TrimFunc`, `FieldsFunc`, ….
pub(super) const RUNE_TEST: LibType = LibType::Func(&[RUNE], &[BOOL]);
pub(super) const ANY: LibType = LibType::Any;
pub(super) const ERROR: LibType = LibType::Error;
pub(super) const DURATION: LibType = LibType::Named("time", "Duration");
pub(super) const LOCKER: LibType = LibType::Named("sync", "Locker");
pub(super) const COND: LibType = LibType::Named("sync", "Cond");
pub(super) const TIME: LibType = LibType::Named("time", "Time");
pub(super) const TIMER: LibType = LibType::Named("time", "Timer");
pub(super) const TICKER: LibType = LibType::Named("time", "Ticker");
pub(super) const CONTEXT: LibType = LibType::Named("context", "Context");
pub(super) const CANCEL_FUNC: LibType = LibType::Named("context", "CancelFunc");
/// `<-chan struct{}`, a context's Done channel.
pub(super) const DONE_CHAN: LibType = LibType::RecvChan(&LibType::EmptyStruct);
pub(super) const TESTING_T: LibType = LibType::Named("testing", "T");
/// `*os.File` (racemap's files are `os.Stdout` and `os.Stderr`).
pub(super) const OS_FILE: LibType = LibType::Pointer(&LibType::Named("os", "File"));
/// `io.Writer`
pub(super) const IO_WRITER: LibType = LibType::Named("io", "Writer");
/// `*log.Logger`
pub(super) const LOGGER_PTR: LibType = LibType::Pointer(&LibType::Named("log", "Logger"));
/// `*strings.Replacer`
pub(super) const REPLACER_PTR: LibType = LibType::Pointer(&LibType::Named("strings", "Replacer"));
/// `*strings.Builder`
pub(super) const BUILDER_PTR: LibType = LibType::Pointer(&LibType::Named("strings", "Builder"));
/// `*bytes.Buffer`
pub(super) const BUFFER_PTR: LibType = LibType::Pointer(&LibType::Named("bytes", "Buffer"));
/// `[]byte`
pub(super) const BYTES: LibType = LibType::Slice(&BYTE);
/// `func(*testing.T)`, a subtest.
pub(super) const SUBTEST: LibType = LibType::Func(&[LibType::Pointer(&TESTING_T)], &[]);
/// `func(*testing.B)`, a sub-benchmark.
pub(super) const SUB_BENCHMARK: LibType =
    LibType::Func(&[LibType::Pointer(&LibType::Named("testing", "B"))], &[]);
/// `func(*testing.PB)`, the body of `(*testing.B).RunParallel`.
pub(super) const PARALLEL_BODY: LibType =
    LibType::Func(&[LibType::Pointer(&LibType::Named("testing", "PB"))], &[]);
/// `<-chan Time`, the channel of a timer.
pub(super) const TIME_CHAN: LibType = LibType::RecvChan(&TIME);
/// `*unicode.RangeTable`
pub(super) const RANGE_TABLE_PTR: LibType =
    LibType::Pointer(&LibType::Named("unicode", "RangeTable"));
/// `[]*unicode.RangeTable`
pub(super) const RANGE_TABLE_PTRS: LibType = LibType::Slice(&RANGE_TABLE_PTR);
/// The parameter type of a `...any` parameter.
pub(super) const ANYS: LibType = LibType::Slice(&ANY);

/// Shorthands for the rows: a package function, a method of a `sync`/`atomic` type.
pub(super) const fn func(package: &'static str, name: &'static str) -> LibFuncSpec {
    LibFuncSpec::new(Owner::Package(package), name)
}
pub(super) const fn method(receiver: SyncKind, name: &'static str) -> LibFuncSpec {
    LibFuncSpec::new(Owner::Sync(receiver), name)
}

/// A method of `*testing.B` (benchmarks never run: local, no semantics).
pub(super) const fn bench(name: &'static str) -> LibFuncSpec {
    LibFuncSpec::new(Owner::Struct("testing", "B"), name)
}

/// A method of `*rand.Rand`, a visible operation on the Rand.
pub(super) const fn rand_method(name: &'static str) -> LibFuncSpec {
    LibFuncSpec::new(Owner::Struct("math/rand", "Rand"), name).visibility(Visibility::Object)
}

/// A method of `*log.Logger` (its receiver is the logger's cell, as the standard logger's).
pub(super) const fn logger_method(name: &'static str) -> LibFuncSpec {
    LibFuncSpec::new(Owner::Struct("log", "Logger"), name)
}

/// A method of `*strings.Builder`, a visible operation on the Builder.
pub(super) const fn builder_method(name: &'static str) -> LibFuncSpec {
    LibFuncSpec::new(Owner::Struct("strings", "Builder"), name).visibility(Visibility::Object)
}

/// A method of `*bytes.Buffer`, a visible operation on the Buffer.
pub(super) const fn buffer_method(name: &'static str) -> LibFuncSpec {
    LibFuncSpec::new(Owner::Struct("bytes", "Buffer"), name).visibility(Visibility::Object)
}

/// `fmt.Fprint*` to a `*bytes.Buffer` (parameters given by the row): variadic, `(n, err)`.
pub(super) const fn fprint_buffer(name: &'static str) -> LibFuncSpec {
    LibFuncSpec::new(Owner::Runtime("fmt"), name)
        .variadic()
        .results(&[INT, ERROR])
        .visibility(Visibility::Log)
}

/// `fmt.Print*` to standard output (parameters given by the row): variadic, `(n, err)`.
pub(super) const fn print_fn(name: &'static str) -> LibFuncSpec {
    func("fmt", name)
        .variadic()
        .results(&[INT, ERROR])
        .visibility(Visibility::Output)
}

/// A method of `time.Duration` (a value receiver: the first operand is the Duration).
pub(super) const fn duration_method(name: &'static str) -> LibFuncSpec {
    LibFuncSpec::new(Owner::Struct("time", "Duration"), name)
}

/// A method of `time.Time` (a value receiver: the first operand is the Time).
pub(super) const fn time_method(name: &'static str) -> LibFuncSpec {
    LibFuncSpec::new(Owner::Struct("time", "Time"), name)
}

/// A range table of package `unicode` (`unicode.Latin`): a package variable of type
/// `*unicode.RangeTable`.
pub(super) const fn unicode_table(name: &'static str) -> LibFuncSpec {
    LibFuncSpec::new(Owner::PackageVar("unicode"), name).results(&[RANGE_TABLE_PTR])
}
