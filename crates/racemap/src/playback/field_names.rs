//! Names down the heap: a named variable names what it reaches (`c` → `c.mu`, `c.data`;
//! `m` → `m.shards[0].mu`).
//!
//! Source text names an object only at the operations that mention it, and the same text
//! (`sh.mu` inside a method) can name several objects. The heap's static types name every field
//! and element, so starting from the variables that have a name, a walk over struct fields,
//! array elements and pointers (Go's automatic dereference: `c.mu` for `(*c).mu`) gives each
//! object it reaches a path name that is unique for the objects of one root. The walk is
//! breadth-first from the roots in address order, so shorter paths win, and bounded in depth.

use crate::bytecode::Program;
use crate::rt::heap::Heap;
use crate::rt::value::{ChanId, MapId, Pointer, Value};
use crate::types::{TypeId, TypeKind};
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

/// Path names reached from named variables.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PathNames {
    /// Variables and sync objects by address.
    pub cells: BTreeMap<Pointer, String>,
    /// Maps.
    pub maps: BTreeMap<MapId, String>,
    /// Channels.
    pub chans: BTreeMap<ChanId, String>,
}

/// The longest path followed from a root (`m.shards[0].data` is 3).
const MAX_DEPTH: usize = 4;

/// Name what the named variables `roots` reach through fields, elements and pointers. A name
/// that several variables share (`sh` in a method called on two shards) names none of them.
pub fn reach(program: &Program, heap: &Heap, roots: &BTreeMap<Pointer, String>) -> PathNames {
    let mut out = PathNames::default();
    let mut queue: VecDeque<(Pointer, Option<TypeId>, String, usize)> = VecDeque::new();
    let mut uses: BTreeMap<&str, usize> = BTreeMap::new();
    for name in roots.values() {
        *uses.entry(name.as_str()).or_default() += 1;
    }
    for (p, name) in roots.iter().filter(|(_, n)| uses[n.as_str()] == 1) {
        let ty = heap
            .cells
            .get(p.obj.0 as usize)
            .and_then(|c| c.ty)
            .and_then(|root| type_at(program, root, &p.path));
        queue.push_back((p.clone(), ty, name.clone(), 0));
    }
    while let Some((p, ty, name, depth)) = queue.pop_front() {
        let Ok(value) = heap.get(&p) else { continue };
        if depth > 0 {
            out.cells.entry(p.clone()).or_insert_with(|| name.clone());
        }
        match value {
            Value::Map(Some(m)) => {
                out.maps.entry(*m).or_insert_with(|| name.clone());
            }
            Value::Chan(Some(c)) => {
                out.chans.entry(*c).or_insert_with(|| name.clone());
            }
            _ => {}
        }
        if depth >= MAX_DEPTH {
            continue;
        }
        let Some(ty) = ty else { continue };
        match (value, program.types.under(ty)) {
            (Value::Struct(_), TypeKind::Struct(fields)) => {
                for (i, f) in fields.iter().enumerate() {
                    let child = child(&p, i as u32);
                    queue.push_back((child, Some(f.ty), format!("{name}.{}", f.name), depth + 1));
                }
            }
            (Value::Array(elems), TypeKind::Array(_, elem)) => {
                for i in 0..elems.len() {
                    let child = child(&p, i as u32);
                    queue.push_back((child, Some(*elem), format!("{name}[{i}]"), depth + 1));
                }
            }
            (Value::Ptr(Some(q)), TypeKind::Pointer(target)) => {
                // `c.mu` for `(*c).mu`: the pointee takes the pointer's name for its fields;
                // the pointee itself keeps its own name, if any.
                if let TypeKind::Struct(fields) = program.types.under(*target) {
                    for (i, f) in fields.iter().enumerate() {
                        let child = child(q, i as u32);
                        queue.push_back((
                            child,
                            Some(f.ty),
                            format!("{name}.{}", f.name),
                            depth + 1,
                        ));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn child(p: &Pointer, index: u32) -> Pointer {
    let mut path = p.path.to_vec();
    path.push(index);
    Pointer {
        obj: p.obj,
        path: Rc::from(path),
    }
}

/// The static type at `path` inside a value of type `root`.
fn type_at(program: &Program, root: TypeId, path: &[u32]) -> Option<TypeId> {
    let mut ty = root;
    for &i in path {
        ty = match program.types.under(ty) {
            TypeKind::Struct(fields) => fields.get(i as usize)?.ty,
            TypeKind::Array(_, elem) => *elem,
            _ => return None,
        };
    }
    Some(ty)
}
