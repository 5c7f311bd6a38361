//! The methods of the library's named types with native methods, for dynamic dispatch:
//! [`Info::lib_struct_methods`](super::info::Info::lib_struct_methods).
//!
//! Algorithm: for each such type the program can name (`time.Timer`, `time.Duration`,
//! `strings.Builder`, …), every row of the library table it owns, resolved exactly as a
//! selector `x.M` resolves it (`lookup::lib_struct_method`, `lookup::lib_native_struct_method`),
//! so that a call through an interface passes the receiver as a direct call does (`&t.r` for a
//! Timer's `Stop`). Rows are visited in table order, so the list is deterministic. It depends
//! on the universe alone: found once with it, per thread and language version (`universe.rs`),
//! and copied into every checker.

use super::info::LibStructMethod;
use super::Checker;
use crate::library::{LibFunc, Owner};

/// The library types whose methods are native rows (`Owner::Struct`); `sort`'s slice types
/// are compiled and registered by lowering (`lower::sort_types`).
const TYPES: &[(&str, &str)] = &[
    ("sync", "Cond"),
    ("sync", "Pool"),
    ("time", "Timer"),
    ("time", "Ticker"),
    ("time", "Time"),
    ("time", "Duration"),
    ("math/rand", "Rand"),
    ("strings", "Builder"),
    ("bytes", "Buffer"),
    ("os", "File"),
    ("strconv", "NumError"),
    ("strings", "Replacer"),
    ("log", "Logger"),
    ("io", "discard"),
];

impl Checker<'_> {
    /// Fill [`Info::lib_struct_methods`](super::info::Info::lib_struct_methods).
    pub(super) fn record_lib_struct_methods(&mut self) {
        // The rows each type owns, in table order: one pass over the table.
        let mut rows: Vec<Vec<LibFunc>> = vec![Vec::new(); TYPES.len()];
        for &f in LibFunc::ALL {
            let Owner::Struct(path, type_name) = f.spec().owner else {
                continue;
            };
            if let Some(k) = (TYPES.iter()).position(|&(p, n)| n == type_name && p == path) {
                rows[k].push(f);
            }
        }
        let mut out = Vec::new();
        for (&(path, type_name), rows) in TYPES.iter().zip(rows) {
            let Some(ty) = self.lib_named(path, type_name) else {
                continue;
            };
            for f in rows {
                let spec = f.spec();
                let found = match self.lib_struct_method(ty, spec.name) {
                    Some((func, inner, pointer_recv)) => self
                        .lib_method(func.spec().owner, spec.name)
                        .map(|(func, sig)| (func, sig, inner, pointer_recv)),
                    None => self
                        .lib_native_struct_method(ty, spec.name)
                        .map(|(func, sig)| (func, sig, false, true)),
                };
                if let Some((func, sig, inner, pointer_recv)) = found {
                    out.push(LibStructMethod {
                        ty,
                        func,
                        sig,
                        pointer_recv,
                        inner,
                    });
                }
            }
        }
        self.info.lib_struct_methods = out;
    }
}
