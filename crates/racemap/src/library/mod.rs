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
#[macro_use]
mod fmt_os;
#[macro_use]
mod errors;
#[macro_use]
mod strings;
#[macro_use]
mod builders;
#[macro_use]
mod strconv;
#[macro_use]
mod unicode;
#[macro_use]
mod time;
#[macro_use]
mod context;
#[macro_use]
mod sync;
#[macro_use]
mod atomic;
#[macro_use]
mod runtime;
#[macro_use]
mod testing;
#[macro_use]
mod sort;
#[macro_use]
mod log;
#[macro_use]
mod math;
#[macro_use]
mod rand;
#[macro_use]
mod io;
#[macro_use]
mod env;
mod param_names;
mod short;
mod spec;
pub use param_names::ParamNames;
pub use spec::{AtomicOpKind, LibFuncSpec, LibType, Owner, Visibility};

use short::*;

use Visibility::{Clock, Log, Object, Output, Scheduler, Timer};

lib_funcs! {
    [fmt_os_rows, errors_rows, strings_rows, builders_rows, strconv_rows, unicode_rows, time_rows, context_rows, sync_rows, atomic_rows, runtime_rows, testing_rows, sort_rows, log_rows, math_rows, rand_rows, io_rows, env_rows]
}
