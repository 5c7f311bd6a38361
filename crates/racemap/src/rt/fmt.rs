//! Go's `fmt` printing (`Print`, `Println`, `Printf`, `Sprint`, `Sprintf`, `Sprintln`).

use crate::lang::types::{TypeId, TypeKind, TypeTable};
use crate::rt::sync_state::SyncState;

/// Go's `reflect.Type.String()` spelling of a type, as `%T` and `%!d(string=hi)` print it:
/// always package-qualified (`main.T`), `struct { X int }`, `interface {}`.
pub fn reflect_type_string(types: &TypeTable, ty: TypeId) -> String {
    let mut s = String::new();
    write_type(types, ty, &mut s, 0);
    s
}

fn write_type(types: &TypeTable, ty: TypeId, s: &mut String, depth: u32) {
    use crate::lang::ast::ChanDir;
    if depth > 64 {
        s.push_str("...");
        return;
    }
    let d = depth + 1;
    match types.kind(ty) {
        TypeKind::Basic(b) => s.push_str(b.name()),
        TypeKind::Named { name, pkg, .. } => {
            s.push_str(pkg);
            s.push('.');
            s.push_str(name);
        }
        TypeKind::Pointer(t) => {
            s.push('*');
            write_type(types, *t, s, d);
        }
        TypeKind::Slice(t) => {
            s.push_str("[]");
            write_type(types, *t, s, d);
        }
        TypeKind::Array(n, t) => {
            s.push_str(&format!("[{n}]"));
            write_type(types, *t, s, d);
        }
        TypeKind::Map(k, v) => {
            s.push_str("map[");
            write_type(types, *k, s, d);
            s.push(']');
            write_type(types, *v, s, d);
        }
        TypeKind::Chan(dir, t) => {
            s.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            write_type(types, *t, s, d);
        }
        TypeKind::Struct(fields) => {
            if fields.is_empty() {
                s.push_str("struct {}");
                return;
            }
            s.push_str("struct { ");
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                if !f.embedded {
                    s.push_str(&f.name);
                    s.push(' ');
                }
                write_type(types, f.ty, s, d);
            }
            s.push_str(" }");
        }
        TypeKind::Func(sig) => {
            s.push_str("func(");
            for (i, p) in sig.params.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                if sig.variadic && i + 1 == sig.params.len() {
                    s.push_str("...");
                    match types.kind(*p) {
                        TypeKind::Slice(e) => write_type(types, *e, s, d),
                        _ => write_type(types, *p, s, d),
                    }
                } else {
                    write_type(types, *p, s, d);
                }
            }
            s.push(')');
            match sig.results.len() {
                0 => {}
                1 => {
                    s.push(' ');
                    write_type(types, sig.results[0], s, d);
                }
                _ => {
                    s.push_str(" (");
                    for (i, r) in sig.results.iter().enumerate() {
                        if i > 0 {
                            s.push_str(", ");
                        }
                        write_type(types, *r, s, d);
                    }
                    s.push(')');
                }
            }
        }
        TypeKind::Interface(methods) => {
            if methods.is_empty() {
                s.push_str("interface {}");
            } else {
                s.push_str("interface { ");
                for (i, (name, sig)) in methods.iter().enumerate() {
                    if i > 0 {
                        s.push_str("; ");
                    }
                    s.push_str(name);
                    let mut sub = String::new();
                    write_type(types, *sig, &mut sub, d);
                    s.push_str(sub.strip_prefix("func").unwrap_or(&sub));
                }
                s.push_str(" }");
            }
        }
        TypeKind::Tuple(ts) => {
            s.push('(');
            for (i, t) in ts.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                write_type(types, *t, s, d);
            }
            s.push(')');
        }
        TypeKind::Sync(k) => s.push_str(k.name()),
    }
}

/// The integer fields of a sync object's Go 1.19 struct, flattened in declaration order (used
/// to compare sync values as map keys).
pub fn sync_fields(state: &SyncState) -> Vec<i64> {
    match state {
        SyncState::Mutex(m) => vec![m.go_state(), 0],
        SyncState::RwMutex(rw) => {
            let (w, rc, rwait) = rw.go_fields();
            vec![w, 0, 0, 0, rc, rwait]
        }
        SyncState::WaitGroup(wg) => vec![wg.go_state1(), 0],
        SyncState::Once(o) => {
            let (done, m) = o.go_fields();
            vec![done, m, 0]
        }
        SyncState::Map(m) => vec![m.mu.go_state(), 0, i64::from(m.misses)],
        SyncState::AtomicInt(v) => vec![*v],
        SyncState::AtomicBool(b) => vec![i64::from(*b)],
    }
}
