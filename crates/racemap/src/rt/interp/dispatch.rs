//! Dynamic dispatch: the method `name` of an interface value's dynamic type and the receiver
//! to call it with, as Go's itabs and method wrappers provide them.
//!
//! Algorithm: breadth-first over embedding depth, like the checker's selector lookup (the
//! checker already proved the method is in the dynamic type's method set, and a type
//! assertion asks [`Machine::has_method`]). At each level a candidate is a value of a named
//! type `T` or a pointer to one: `T`'s own methods are tried first (a value-receiver method
//! through a pointer loads the pointee; a pointer-receiver one takes the pointer), then an
//! embedded interface dispatches again on its own dynamic value, then the embedded fields of a
//! struct form the next level (through a pointer, the field's address, so a pointer-receiver
//! method of an embedded field gets `&x.S`). The library's named types (`*time.Timer`,
//! `time.Duration`) have their methods in the program's method sets as Go's method wrappers
//! (`lang::lower::lib_methods`), found like the program's own. Loads on the way are plain reads without an
//! event, as in [`Instr::CallIface`](crate::bytecode::Instr::CallIface)'s `deref_recv`.

use super::*;

/// What an interface method call runs.
pub(super) enum Dispatch {
    /// A compiled method with its receiver (argument 0).
    Func(FuncId, Value),
    /// A method of a library error value (`errors.New`, `fmt.Errorf`, a runtime error):
    /// `Error()` (its message), `Unwrap()` of a `*fmt.wrapError` (the wrapped error),
    /// `RuntimeError()` of a `runtime.Error` (nothing), `Timeout()`/`Temporary()` of
    /// `context.DeadlineExceeded` (true).
    LibError(LibErrorMethod, Value),
    /// A method of a `sync`/`atomic` type (a `*sync.Mutex` as a `sync.Locker`) with the pointer
    /// to its receiver.
    Lib(LibFunc, Value),
}

/// The methods of library error values ([`Dispatch::LibError`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum LibErrorMethod {
    /// `Error() string`
    Error,
    /// `Unwrap() error` (`*fmt.wrapError`)
    Unwrap,
    /// `RuntimeError()` (the runtime's error types)
    RuntimeError,
    /// `Timeout() bool` and `Temporary() bool` of `context.deadlineExceededError` (both return
    /// true, context/context.go), so that it satisfies `interface{ Timeout() bool }` as
    /// `net.Error`s do.
    True,
}

/// A candidate receiver during the search.
enum Cand {
    /// A value of type `TypeId`.
    Val(TypeId, Value),
    /// A pointer (possibly nil) to a variable of type `TypeId`.
    Ptr(TypeId, Option<Pointer>),
}

impl Machine {
    /// The method `name` of the dynamic type `ty` with value `v` (from an interface value).
    pub(super) fn dispatch(&self, ty: TypeId, v: Value, name: &str) -> R<Dispatch> {
        if self.program.is_lib_error(ty) {
            if let Some(m) = self.lib_error_method(ty, name) {
                return Ok(Dispatch::LibError(m, Value::Iface(Some(Box::new((ty, v))))));
            }
        }
        let types = &self.program.types;
        let first = match (types.kind(ty), v) {
            (TypeKind::Pointer(elem), Value::Ptr(p)) => Cand::Ptr(*elem, p),
            (_, v) => Cand::Val(ty, v),
        };
        let mut level = vec![first];
        for _depth in 0..16 {
            let mut next = Vec::new();
            for cand in level {
                let t = match &cand {
                    Cand::Val(t, _) | Cand::Ptr(t, _) => *t,
                };
                if let Some((func, pointer_recv)) = self.declared_method(t, name) {
                    let recv = match cand {
                        Cand::Val(_, v) => v,
                        Cand::Ptr(_, p) if pointer_recv => Value::Ptr(p),
                        Cand::Ptr(_, Some(p)) => self.heap.load(&p)?,
                        Cand::Ptr(_, None) => {
                            let tn = crate::rt::fmt::reflect_type_string(types, t);
                            return Err(RtError::nil_value_method(&tn, name).into());
                        }
                    };
                    return Ok(Dispatch::Func(func, recv));
                }
                match (types.under(t), cand) {
                    (TypeKind::Sync(kind), Cand::Ptr(_, p)) => {
                        if let Some(f) = sync_method(*kind, name) {
                            return Ok(Dispatch::Lib(f, Value::Ptr(p)));
                        }
                    }
                    (TypeKind::Interface(_), cand) => {
                        let inner = match cand {
                            Cand::Val(_, v) => v,
                            Cand::Ptr(_, Some(p)) => self.heap.load(&p)?,
                            Cand::Ptr(_, None) => return Err(RtError::nil_deref().into()),
                        };
                        let Value::Iface(Some(b)) = inner else {
                            return Err(RtError::nil_deref().into());
                        };
                        let (dt, dv) = *b;
                        return self.dispatch(dt, dv, name);
                    }
                    (TypeKind::Struct(fields), cand) => {
                        for (i, f) in fields.iter().enumerate() {
                            if !f.embedded {
                                continue;
                            }
                            // The embedded field's value (or address, through a pointer).
                            let field = match &cand {
                                Cand::Val(_, Value::Struct(vs)) => match vs.get(i) {
                                    Some(fv) => Cand::Val(f.ty, fv.clone()),
                                    None => continue,
                                },
                                Cand::Ptr(_, Some(p)) => Cand::Ptr(f.ty, Some(p.child(i as u32))),
                                Cand::Ptr(_, None) => return Err(RtError::nil_deref().into()),
                                Cand::Val(_, other) => return Err(wrong_kind("a struct", other)),
                            };
                            // An embedded pointer `*S`: continue at the `S` it points to.
                            next.push(match (types.kind(f.ty), field) {
                                (TypeKind::Pointer(elem), Cand::Val(_, v)) => {
                                    Cand::Ptr(*elem, ptr_of(v))
                                }
                                (TypeKind::Pointer(elem), Cand::Ptr(_, Some(p))) => {
                                    Cand::Ptr(*elem, ptr_of(self.heap.load(&p)?))
                                }
                                (_, field) => field,
                            });
                        }
                    }
                    _ => {}
                }
            }
            if next.is_empty() {
                break;
            }
            level = next;
        }
        let tn = crate::rt::fmt::reflect_type_string(types, ty);
        Err(InternalError::new(format!("no method {name} for dynamic type {tn}")).into())
    }

    /// The method `name` of the library error type `ty`, if it has one.
    fn lib_error_method(&self, ty: TypeId, name: &str) -> Option<LibErrorMethod> {
        let types = &self.program.error_types;
        match name {
            "Error" => Some(LibErrorMethod::Error),
            "Unwrap" if ty == types.wrap || ty == types.num => Some(LibErrorMethod::Unwrap),
            "RuntimeError"
                if [
                    types.plain,
                    types.bounds,
                    types.runtime_string,
                    types.type_assertion,
                ]
                .contains(&ty) =>
            {
                Some(LibErrorMethod::RuntimeError)
            }
            "Timeout" | "Temporary" if ty == types.deadline => Some(LibErrorMethod::True),
            _ => None,
        }
    }

    /// Whether the dynamic type `ty` has method `name` in its method set (for assertions to
    /// interface types and type switches).
    pub(crate) fn has_method(&self, ty: TypeId, name: &str) -> bool {
        if self.program.is_lib_error(ty) {
            return self.lib_error_method(ty, name).is_some();
        }
        let types = &self.program.types;
        // (type, reached through a pointer)
        let mut level = vec![match types.kind(ty) {
            TypeKind::Pointer(elem) => (*elem, true),
            _ => (ty, false),
        }];
        for _depth in 0..16 {
            let mut next = Vec::new();
            for (t, ptr) in level {
                if let Some((_, pointer_recv)) = self.declared_method(t, name) {
                    return ptr || !pointer_recv;
                }
                match types.under(t) {
                    // Methods of sync/atomic types have pointer receivers.
                    TypeKind::Sync(kind) if sync_method(*kind, name).is_some() => return ptr,
                    TypeKind::Interface(ms) if ms.iter().any(|(n, _)| n == name) => return true,
                    TypeKind::Struct(fields) => {
                        next.extend(fields.iter().filter(|f| f.embedded).map(|f| {
                            match types.kind(f.ty) {
                                TypeKind::Pointer(elem) => (*elem, true),
                                _ => (f.ty, ptr),
                            }
                        }));
                    }
                    _ => {}
                }
            }
            if next.is_empty() {
                break;
            }
            level = next;
        }
        false
    }

    /// A method declared on the named type `t` (not promoted): its code and whether its
    /// receiver is a pointer.
    fn declared_method(&self, t: TypeId, name: &str) -> Option<(FuncId, bool)> {
        let key = (t, name.to_string());
        if let Some(m) = self.program.methods.get(&key) {
            return Some((m.func, false));
        }
        let ptr = self.program.types.find(&TypeKind::Pointer(t))?;
        let m = self.program.methods.get(&(ptr, name.to_string()))?;
        // A value method is also listed under `*T` (with `deref_recv`); it was found above.
        (!m.deref_recv).then_some((m.func, true))
    }
}

/// The library method `name` of a sync/atomic type (`Lock` of `sync.Mutex`), by Go's runtime
/// name (`sync.(*Mutex).Lock`, `sync/atomic.(*Int64).Add`).
fn sync_method(kind: crate::types::SyncKind, name: &str) -> Option<LibFunc> {
    let (pkg, ty) = kind.name().split_once('.')?;
    let path = if pkg == "atomic" { "sync/atomic" } else { pkg };
    let go_name = format!("{path}.(*{ty}).{name}");
    LibFunc::ALL
        .iter()
        .copied()
        // The name first: formatting every row's Go name cost a `Locker` call through
        // `sync.Cond.Wait` a scan of strings.
        .find(|f| f.spec().name == name && f.is_method() && f.go_name() == go_name)
}
