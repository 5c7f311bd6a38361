//! Go's memory layout of a type on gc's amd64 (`cmd/compile/internal/types/size.go`): its size,
//! its alignment, and whether its values hold pointers. racemap's values are not laid out in
//! memory, but Go's behaviour depends on the layout in a few places: the capacity `append`
//! gives a grown slice (the allocator's size classes, `rt::slice_growth`), and when gc's
//! `order` pass copies an operand converted to an interface (`lang::lower::order`).

use super::{Basic, TypeId, TypeKind, TypeTable};

/// A type's layout on gc's amd64.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GoLayout {
    /// Size in bytes.
    pub size: u64,
    /// Alignment in bytes.
    pub align: u64,
    /// Whether a value holds pointers (strings, slices, maps, channels, functions, pointers,
    /// interfaces, or aggregates of them).
    pub pointers: bool,
}

impl GoLayout {
    const fn scalar(size: u64) -> GoLayout {
        GoLayout {
            size,
            align: size,
            pointers: false,
        }
    }

    const fn words(n: u64) -> GoLayout {
        GoLayout {
            size: 8 * n,
            align: 8,
            pointers: true,
        }
    }
}

impl TypeTable {
    /// The layout of `ty`; `None` where racemap does not know it (its own `sync` and `time`
    /// objects, tuples, invalid types).
    pub fn go_layout(&self, ty: TypeId) -> Option<GoLayout> {
        Some(match self.under(ty) {
            TypeKind::Basic(b) => match b {
                Basic::Bool | Basic::Int8 | Basic::Uint8 => GoLayout::scalar(1),
                Basic::Int16 | Basic::Uint16 => GoLayout::scalar(2),
                Basic::Int32 | Basic::Uint32 | Basic::Float32 => GoLayout::scalar(4),
                Basic::Int
                | Basic::Int64
                | Basic::Uint
                | Basic::Uint64
                | Basic::Uintptr
                | Basic::Float64 => GoLayout::scalar(8),
                Basic::String => GoLayout::words(2),
                _ => return None,
            },
            TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Func(_) => {
                GoLayout::words(1)
            }
            TypeKind::Slice(_) => GoLayout::words(3),
            TypeKind::Interface(_) => GoLayout::words(2),
            TypeKind::Array(n, elem) => {
                let e = self.go_layout(*elem)?;
                GoLayout {
                    size: e.size.checked_mul(*n)?,
                    align: e.align,
                    pointers: e.pointers && *n > 0,
                }
            }
            TypeKind::Struct(fields) => {
                let mut l = GoLayout {
                    size: 0,
                    align: 1,
                    pointers: false,
                };
                for f in fields {
                    let fl = self.go_layout(f.ty)?;
                    l.size = l.size.div_ceil(fl.align) * fl.align + fl.size;
                    l.align = l.align.max(fl.align);
                    l.pointers |= fl.pointers;
                }
                // gc pads a struct ending in a zero-size field so that a pointer to it does
                // not point past the object.
                if let Some(last) = fields.last() {
                    if l.size > 0 && self.go_layout(last.ty)?.size == 0 {
                        l.size += 1;
                    }
                }
                l.size = l.size.div_ceil(l.align) * l.align;
                l
            }
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::Field;

    fn field(ty: TypeId) -> Field {
        Field {
            name: "f".into(),
            ty,
            embedded: false,
        }
    }

    // Sizes as `unsafe.Sizeof` and `unsafe.Alignof` print them on amd64 (Go 1.19).
    #[test]
    fn layouts_match_gc_on_amd64() {
        let mut t = TypeTable::new();
        let int8 = TypeTable::basic(Basic::Int8);
        let int64 = TypeTable::basic(Basic::Int);
        let string = TypeTable::basic(Basic::String);
        let int16 = TypeTable::basic(Basic::Int16);
        let s = t.intern(TypeKind::Struct(vec![
            field(int8),
            field(int64),
            field(int16),
        ]));
        assert_eq!(
            t.go_layout(s),
            Some(GoLayout {
                size: 24,
                align: 8,
                pointers: false
            })
        );
        let empty = t.intern(TypeKind::Struct(vec![]));
        let trailing = t.intern(TypeKind::Struct(vec![field(int64), field(empty)]));
        assert_eq!(t.go_layout(trailing).map(|l| l.size), Some(16));
        let arr = t.intern(TypeKind::Array(3, string));
        assert_eq!(
            t.go_layout(arr),
            Some(GoLayout {
                size: 48,
                align: 8,
                pointers: true
            })
        );
        let small = t.intern(TypeKind::Struct(vec![field(int16), field(int16)]));
        assert_eq!(
            t.go_layout(small),
            Some(GoLayout {
                size: 4,
                align: 2,
                pointers: false
            })
        );
    }
}
