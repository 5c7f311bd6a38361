//! The order `fmt` prints the keys of a map whose key type is an interface.
//!
//! Go 1.19's `internal/fmtsort.compare` orders interface keys nil first, then by the address of
//! the dynamic type's descriptor (`reflect.ValueOf(a.Elem().Type())`, a pointer), then by value.
//! The linker lays type descriptors out sorted by symbol size, then by symbol name
//! (`type.<type string>`), so the order is: smaller descriptors first, equal sizes by type
//! string. Checked against Go 1.19 with keys of 17 dynamic types: `*int` (56 bytes), then the
//! named basic and declared basic-kind types (64) alphabetically — `bool complex128 float32
//! float64 int int32 int64 int8 main.N main.Z string uint uint8` —, `[1]int` (72),
//! `struct {}` (80), then a named struct with one field (120).
//!
//! [`descriptor_size`] computes the amd64 size of a descriptor from its kind (`rtype` is 48
//! bytes; kind-specific tails as in `reflect/type.go`; an `uncommontype` of 16 bytes for named
//! types; struct fields 24 bytes, function parameters and interface methods 8 bytes each).
//! Methods of named types (16 bytes each in Go) are not counted: the type table does not know
//! them, so two named types of different method counts may print in another order than Go's.

use super::reflect_type_string;
use crate::rt::value::Value;
use crate::types::{TypeId, TypeKind, TypeTable};

/// The common `rtype` header.
const RTYPE: u64 = 48;
/// The `uncommontype` a named type's descriptor carries.
const UNCOMMON: u64 = 16;

/// The size in bytes of `ty`'s type descriptor symbol in a Go 1.19 amd64 binary (see the
/// module docs for what is left out).
pub fn descriptor_size(types: &TypeTable, ty: TypeId) -> u64 {
    let named = matches!(types.kind(ty), TypeKind::Named { .. } | TypeKind::Basic(_));
    let uncommon = if named { UNCOMMON } else { 0 };
    let tail = match types.under(ty) {
        TypeKind::Basic(_) | TypeKind::Named { .. } | TypeKind::Tuple(_) => 0,
        TypeKind::Pointer(_) | TypeKind::Slice(_) => 8,
        TypeKind::Array(..) => 24,
        TypeKind::Chan(..) => 16,
        TypeKind::Map(..) => 40,
        TypeKind::Func(sig) => 8 + 8 * (sig.params.len() + sig.results.len()) as u64,
        TypeKind::Interface(methods) => 32 + 8 * methods.len() as u64,
        TypeKind::Struct(fields) => 32 + 24 * fields.len() as u64,
        TypeKind::Sync(_) => 32,
    };
    RTYPE + uncommon + tail
}

/// Reorders `entries` (key, element), already in [`crate::rt::value::MapKey`] order, the way
/// `fmt` sorts interface-typed keys: nil keys first, then by (descriptor size, type string) of
/// the dynamic type; keys of one dynamic type keep their order (by value). A stable sort.
pub fn sort_iface_keys(types: &TypeTable, entries: &mut [(Value, Value)]) {
    entries.sort_by_cached_key(|(k, _)| match k {
        Value::Iface(Some(b)) => {
            Some((descriptor_size(types, b.0), reflect_type_string(types, b.0)))
        }
        _ => None,
    });
}
