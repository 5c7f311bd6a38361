//! Selectors `x.f`: package members, struct fields (promoted through embedded fields, with
//! implicit pointer dereferences), methods (with the receiver's implicit `&` or `*`), and the
//! methods of the library types. Lookup is breadth-first by embedding depth, as in the spec.

use crate::lang::ast::{self, ExprKind};
use crate::lang::check::info::*;
use crate::lang::check::{Checker, Operand};
use crate::library::Owner;
use crate::types::{TypeId, TypeKind};

/// What a name found in a type is.
#[derive(Clone, Debug)]
pub enum Found {
    /// A field of type `ty`.
    Field { path: Vec<FieldStep>, ty: TypeId },
    /// A method declared in this package; `path` leads to the embedded receiver.
    Method {
        path: Vec<FieldStep>,
        method: ObjectId,
        pointer_recv: bool,
        sig: TypeId,
    },
    /// A library method.
    Lib {
        path: Vec<FieldStep>,
        func: LibFunc,
        sig: TypeId,
        pointer_recv: bool,
    },
    /// A method of an interface type; `path` leads to the embedded interface field (empty for
    /// a call on an interface value itself).
    IfaceMethod {
        path: Vec<FieldStep>,
        iface: TypeId,
        sig: TypeId,
    },
    /// Several at the same depth.
    Ambiguous,
    /// Nothing.
    None,
}

impl<'a> Checker<'a> {
    /// Find field or method `name` in type `t`.
    pub fn lookup_member(&mut self, t: TypeId, name: &str) -> Found {
        let mut level: Vec<(TypeId, Vec<FieldStep>)> = vec![(t, Vec::new())];
        let mut seen = std::collections::BTreeSet::new();
        for _depth in 0..8 {
            let mut found: Vec<Found> = Vec::new();
            let mut next = Vec::new();
            for (ty, path) in &level {
                let (base, is_ptr) = match self.types.kind(*ty) {
                    TypeKind::Pointer(b) => (*b, true),
                    _ => (*ty, false),
                };
                // A pointer to a pointer or a named pointer type has no members.
                if is_ptr && matches!(self.types.under(base), TypeKind::Pointer(_)) {
                    continue;
                }
                if !seen.insert(base) {
                    continue;
                }
                if let Some(m) = self.methods.get(&base).and_then(|m| m.get(name)).copied() {
                    if let ObjectKind::Method {
                        pointer_recv,
                        ty: msig,
                        ..
                    } = self.info.object(m).kind.clone()
                    {
                        found.push(Found::Method {
                            path: path.clone(),
                            method: m,
                            pointer_recv,
                            sig: msig,
                        });
                        continue;
                    }
                }
                if let Some(c) = self.generics.placeholders.get(&base) {
                    // A type parameter has its constraint's methods (whatever its stand-in
                    // underlying type is).
                    let iface = c.methods;
                    let sig = self
                        .interface_methods(iface)
                        .into_iter()
                        .find(|(n, _)| n == name);
                    if let (Some((_, sig)), false) = (sig, is_ptr) {
                        found.push(Found::IfaceMethod {
                            path: path.clone(),
                            iface,
                            sig,
                        });
                        continue;
                    }
                }
                if let TypeKind::Sync(kind) = self.types.under(base).clone() {
                    // A generic library type's methods mention its type argument.
                    self.lib_type_arg = self.types.type_args(base).first().copied();
                    let method = self.lib_method(Owner::Sync(kind), name);
                    self.lib_type_arg = None;
                    if let Some((f, sig)) = method {
                        found.push(Found::Lib {
                            path: path.clone(),
                            func: f,
                            sig,
                            pointer_recv: true,
                        });
                    }
                    continue;
                }
                if let Some((func, inner, pointer_recv)) = self.lib_struct_method(base, name) {
                    let mut p = path.clone();
                    if inner {
                        // Cond's Signal and Broadcast take the notify list, Timer's and
                        // Ticker's methods the runtime timer (field 1).
                        p.push(FieldStep {
                            index: 1,
                            deref: is_ptr,
                        });
                    }
                    let sig = self
                        .lib_method(func.spec().owner, name)
                        .map_or_else(|| self.func_type(vec![], vec![], false), |(_, sig)| sig);
                    found.push(Found::Lib {
                        path: p,
                        func,
                        sig,
                        pointer_recv,
                    });
                    continue;
                }
                if let Some((func, sig)) = self.lib_native_struct_method(base, name) {
                    found.push(Found::Lib {
                        path: path.clone(),
                        func,
                        sig,
                        pointer_recv: true,
                    });
                    continue;
                }
                if let TypeKind::Interface(ms) = self.types.under(base) {
                    // A pointer to an interface has no methods.
                    if !is_ptr {
                        if let Some((_, sig)) = ms.iter().find(|(n, _)| n == name) {
                            found.push(Found::IfaceMethod {
                                path: path.clone(),
                                iface: base,
                                sig: *sig,
                            });
                        }
                    }
                    continue;
                }
                if let TypeKind::Struct(fields) = self.types.under(base).clone() {
                    // A library type's unexported fields (racemap's cells: a Logger's
                    // `prefix`, a Pool's `items`) are not the program's to name.
                    let hidden = !name.starts_with(|c: char| c.is_ascii_uppercase())
                        && self.lib_types.values().any(|&v| v == base);
                    for (i, f) in fields.iter().enumerate() {
                        let mut p = path.clone();
                        p.push(FieldStep {
                            index: i as u32,
                            deref: is_ptr,
                        });
                        if f.name == name && !hidden {
                            found.push(Found::Field {
                                path: p.clone(),
                                ty: f.ty,
                            });
                        }
                        if f.embedded {
                            next.push((f.ty, p));
                        }
                    }
                }
            }
            match found.len() {
                0 => {}
                1 => return found.pop().unwrap_or(Found::None),
                _ => return Found::Ambiguous,
            }
            if next.is_empty() {
                break;
            }
            level = next;
        }
        Found::None
    }

    /// go/types' hint after `has no field or method NAME`: `, but does have Name` when `t`
    /// has the member whose name differs from `name` in the case of its first letter.
    fn but_does_have(&mut self, t: TypeId, name: &str) -> String {
        let mut chars = name.chars();
        let Some(first) = chars.next() else {
            return String::new();
        };
        let flipped: String = if first.is_uppercase() {
            first.to_lowercase().chain(chars).collect()
        } else {
            first.to_uppercase().chain(chars).collect()
        };
        match self.lookup_member(t, &flipped) {
            Found::None | Found::Ambiguous => String::new(),
            _ => format!(", but does have {flipped}"),
        }
    }

    /// Whether `found` is a method of `*testing.T`, `*testing.B` or `testing.TB`.
    fn is_testing_library(&self, found: &Found) -> bool {
        match found {
            Found::Lib { func, .. } => matches!(
                func.spec().owner,
                crate::library::Owner::Sync(crate::types::SyncKind::TestingT)
                    | crate::library::Owner::Struct("testing", _)
            ),
            Found::IfaceMethod { iface, .. } => self.lib_named("testing", "TB") == Some(*iface),
            _ => false,
        }
    }

    /// A method of a library struct type (`base` is `sync.Cond`, `time.Timer`, `time.Ticker`
    /// or `time.Time`; or of `time.Duration`, an int64): the library function, whether its receiver is the struct's hidden
    /// field 1 (the Cond's notify list for `Signal` and `Broadcast`, the runtime timer of a
    /// Timer or Ticker) rather than the struct (`Cond.Wait`, which lowering compiles as
    /// `sync.(*Cond).Wait`; `Time`'s methods), and whether the receiver is a pointer.
    pub(super) fn lib_struct_method(
        &self,
        base: TypeId,
        name: &str,
    ) -> Option<(LibFunc, bool, bool)> {
        const STRUCTS: &[(&str, &str)] = &[
            ("sync", "Cond"),
            ("time", "Timer"),
            ("time", "Ticker"),
            ("time", "Time"),
            ("time", "Duration"),
            ("sort", "IntSlice"),
            ("sort", "StringSlice"),
            ("sort", "Float64Slice"),
            ("io", "discard"),
        ];
        let (path, type_name) = self.lib_type_in(STRUCTS, base)?;
        let func = LibFunc::method(Owner::Struct(path, type_name), name)?;
        let value_recv = Owner::value_receiver(path, type_name);
        let inner = func != LibFunc::CondWait && !value_recv;
        Some((func, inner, !value_recv))
    }

    /// A method of a library struct type with native methods (`math/rand.Rand`,
    /// `strings.Builder`, `strconv.NumError`) when `base` is one, and its signature.
    pub(super) fn lib_native_struct_method(
        &mut self,
        base: TypeId,
        name: &str,
    ) -> Option<(LibFunc, TypeId)> {
        const STRUCTS: &[(&str, &str)] = &[
            ("math/rand", "Rand"),
            ("strings", "Builder"),
            ("bytes", "Buffer"),
            ("os", "File"),
            ("strconv", "NumError"),
            ("strings", "Replacer"),
            ("log", "Logger"),
            ("sync", "Pool"),
            ("testing", "B"),
            ("testing", "PB"),
            ("testing", "M"),
        ];
        let (path, type_name) = self.lib_type_in(STRUCTS, base)?;
        self.lib_method(Owner::Struct(path, type_name), name)
    }

    /// The entry `(import path, type name)` of `table` that is the library's named type
    /// `base`, if any: a named type's own name first (most types asked about are the
    /// program's), then the one library type of that name in the table.
    fn lib_type_in(
        &self,
        table: &[(&'static str, &'static str)],
        base: TypeId,
    ) -> Option<(&'static str, &'static str)> {
        let TypeKind::Named { name, .. } = self.types.kind(base) else {
            return None;
        };
        (table.iter().copied()).find(|&(path, type_name)| {
            type_name == name && self.lib_named(path, type_name) == Some(base)
        })
    }

    /// A method expression `T.M`, `(*T).M` or `I.M`: a function value whose first parameter is
    /// the receiver. Methods promoted through embedded fields and `(*T).M` of a value method
    /// (Go's autogenerated wrapper) are not supported.
    fn method_expr(
        &mut self,
        e: &ast::Expr,
        xe: &ast::Expr,
        t: TypeId,
        sel: &ast::Ident,
    ) -> Operand {
        let invalid = Operand::invalid();
        let is_ptr = matches!(self.types.kind(t), TypeKind::Pointer(_));
        let with_receiver = |c: &mut Self, sig: TypeId| match c.types.under(sig).clone() {
            TypeKind::Func(s) => {
                let mut params = vec![t];
                params.extend(s.params);
                Some(c.func_type(params, s.results, s.variadic))
            }
            _ => None,
        };
        match self.lookup_member(t, &sel.name) {
            Found::Method {
                path,
                method,
                pointer_recv,
                sig,
            } if path.is_empty() => {
                if pointer_recv && !is_ptr {
                    let ts = self.show(t);
                    let msg = format!("cannot call pointer method {} on {ts}", sel.name);
                    self.err(sel.span, msg);
                    return invalid;
                }
                if !pointer_recv && is_ptr {
                    self.unsupported(e.span, "method expressions (*T).M of value methods");
                    return invalid;
                }
                let Some(fty) = with_receiver(self, sig) else {
                    return invalid;
                };
                if let Some(d) = self.current_decl {
                    self.refs.entry(d).or_default().insert(method, ());
                }
                self.info
                    .selections
                    .insert(e.id, Selection::MethodExpr { method });
                Operand::value(fty)
            }
            Found::Lib {
                path,
                func,
                sig,
                pointer_recv,
            } if path.len() <= 1 => {
                // Only the library type's own methods: `path` is empty, or the one step to the
                // hidden field a Timer's or Cond's method takes (`lib_struct_method`).
                let base = match self.types.kind(t) {
                    TypeKind::Pointer(b) => *b,
                    _ => t,
                };
                let own = path.is_empty()
                    || matches!(self.lib_struct_method(base, &sel.name),
                        Some((f, true, _)) if f == func);
                if !own {
                    self.unsupported(e.span, "this method expression");
                    return invalid;
                }
                if pointer_recv && !is_ptr {
                    let ts = self.show(t);
                    let msg = format!("cannot call pointer method {} on {ts}", sel.name);
                    self.err(sel.span, msg);
                    return invalid;
                }
                if !pointer_recv && is_ptr {
                    self.unsupported(e.span, "method expressions (*T).M of value methods");
                    return invalid;
                }
                let Some(fty) = with_receiver(self, sig) else {
                    return invalid;
                };
                self.info
                    .selections
                    .insert(e.id, Selection::LibMethodExpr { func });
                Operand::value(fty)
            }
            Found::IfaceMethod {
                path, iface, sig, ..
            } if path.is_empty() && !is_ptr => {
                let Some(fty) = with_receiver(self, sig) else {
                    return invalid;
                };
                let name = sel.name.clone();
                self.info
                    .selections
                    .insert(e.id, Selection::IfaceMethodExpr { name, iface, sig });
                Operand::value(fty)
            }
            Found::None => {
                let xs = self.expr_string(xe);
                let ts = self.show(t);
                let name = &sel.name;
                let msg =
                    format!("{xs}.{name} undefined (type {ts} has no field or method {name})");
                self.err(sel.span, msg);
                invalid
            }
            _ => {
                self.unsupported(e.span, "this method expression");
                invalid
            }
        }
    }

    /// Check `x.sel`; `called` when it is the callee of a call.
    pub fn selector(
        &mut self,
        e: &ast::Expr,
        xe: &ast::Expr,
        sel: &ast::Ident,
        called: bool,
    ) -> Operand {
        let invalid = Operand::invalid();
        // Qualified identifier?
        if let ExprKind::Ident(pid) = &xe.kind {
            if let Some(obj) = self.lookup(&pid.name) {
                if let ObjectKind::PkgName { path } = self.info.object(obj).kind.clone() {
                    self.record_ident(pid, obj, false);
                    let pk = self.use_object(obj, pid.span, true);
                    self.record(xe, &pk);
                    if !crate::lang::check::packages::SUPPORTED_IMPORTS.contains(&path.as_str()) {
                        return invalid;
                    }
                    if self.lang.lacks_member(&path, &sel.name) {
                        self.err(sel.span, format!("undefined: {}.{}", pid.name, sel.name));
                        return invalid;
                    }
                    let Some(m) = self.lib_member(&path, &sel.name) else {
                        let starts_upper = sel
                            .name
                            .chars()
                            .next()
                            .map(|c| c.is_uppercase())
                            .unwrap_or(false);
                        if starts_upper {
                            self.unsupported(sel.span, format!("{}.{}", pid.name, sel.name));
                        } else {
                            self.err(sel.span, format!("undefined: {}.{}", pid.name, sel.name));
                        }
                        return invalid;
                    };
                    self.record_ident(sel, m, false);
                    self.info
                        .selections
                        .insert(e.id, Selection::Qualified { object: m });
                    return self.use_object(m, sel.span, true);
                }
            }
        }
        let x = self.expr_any(xe);
        if x.is_invalid() {
            return invalid;
        }
        if x.mode == Mode::Type {
            return self.method_expr(e, xe, x.ty, sel);
        }
        let x = self.single_value(xe, x);
        if x.is_invalid() {
            return invalid;
        }
        if sel.name == "_" {
            self.err(sel.span, "cannot use _ as value");
            return invalid;
        }
        let found = self.lookup_member(x.ty, &sel.name);
        if sel.name == "private" && self.is_testing_library(&found) {
            // `testing.TB`'s unexported method: not for a selector of package main.
            let (xs, ts) = (self.expr_string(xe), self.show(x.ty));
            let msg = format!("{xs}.private undefined (type {ts} has no field or method private)");
            self.err(sel.span, msg);
            return invalid;
        }
        match found {
            Found::None if self.rejected_type(x.ty) => invalid,
            Found::None
                if self.library_type(x.ty).is_some()
                    && !sel.name.starts_with(|c: char| c.is_ascii_uppercase()) =>
            {
                // An unexported name of a library type: Go's error, naming the exported
                // member of that name if there is one.
                let xs = self.expr_string(xe);
                let ts = self.show(x.ty);
                let but = self.but_does_have(x.ty, &sel.name);
                self.err(
                    sel.span,
                    format!(
                        "{xs}.{} undefined (type {ts} has no field or method {}{but})",
                        sel.name, sel.name
                    ),
                );
                invalid
            }
            // The library's interfaces (`testing.TB`, `io.Writer`, `context.Context`, …) are
            // declared with Go's whole method sets: a name they lack is undefined in Go too.
            Found::None if self.library_type(x.ty).is_some() && !self.is_interface(x.ty) => {
                // A method of Go's library type that racemap does not implement (or none at
                // all: racemap cannot tell), not a compile error of the program.
                let ts = self.library_type(x.ty).unwrap_or_default();
                self.unsupported(sel.span, format!("{ts}.{}", sel.name));
                invalid
            }
            Found::None => {
                let xs = self.expr_string(xe);
                let ts = self.show(x.ty);
                let to_iface = match self.types.kind(x.ty) {
                    TypeKind::Pointer(b) => self.is_interface(*b),
                    _ => false,
                };
                let why = if to_iface {
                    "is pointer to interface, not interface".to_string()
                } else {
                    let but = self.but_does_have(x.ty, &sel.name);
                    format!("has no field or method {}{but}", sel.name)
                };
                self.err(
                    sel.span,
                    format!("{xs}.{} undefined (type {ts} {why})", sel.name),
                );
                invalid
            }
            Found::Ambiguous => {
                let xs = self.expr_string(xe);
                self.err(sel.span, format!("ambiguous selector {xs}.{}", sel.name));
                invalid
            }
            Found::Field { path, ty } => {
                let any_deref = path.iter().any(|s| s.deref);
                let mode = if x.mode == Mode::Variable || any_deref {
                    Mode::Variable
                } else {
                    Mode::Value
                };
                self.note_wait_group_place(xe);
                self.info.selections.insert(e.id, Selection::Field { path });
                Operand {
                    mode,
                    ty,
                    val: None,
                }
            }
            Found::Method {
                path,
                method,
                pointer_recv,
                sig,
                ..
            } => {
                let adjust = match self.recv_adjust(e, xe, &x, &path, pointer_recv, &sel.name) {
                    Some(a) => a,
                    None => return invalid,
                };
                if let Some(d) = self.current_decl {
                    self.refs.entry(d).or_default().insert(method, ());
                }
                if pointer_recv {
                    self.note_wait_group_place(xe);
                }
                self.info.selections.insert(
                    e.id,
                    Selection::Method {
                        method,
                        path,
                        adjust,
                        called,
                    },
                );
                self.record_ident(sel, method, false);
                Operand::value(sig)
            }
            Found::IfaceMethod { path, iface, sig } => {
                self.note_wait_group_place(xe);
                self.info.selections.insert(
                    e.id,
                    Selection::IfaceMethod {
                        name: sel.name.clone(),
                        iface,
                        sig,
                        path,
                        called,
                    },
                );
                Operand::value(sig)
            }
            Found::Lib {
                path,
                func,
                sig,
                pointer_recv,
                ..
            } => {
                let adjust = match self.recv_adjust(e, xe, &x, &path, pointer_recv, &sel.name) {
                    Some(a) => a,
                    None => return invalid,
                };
                if pointer_recv {
                    self.note_wait_group_place(xe);
                }
                self.info.selections.insert(
                    e.id,
                    Selection::LibMethod {
                        func,
                        path,
                        adjust,
                        called,
                    },
                );
                Operand::value(sig)
            }
        }
    }

    /// How the receiver must be adjusted; `None` after an error.
    fn recv_adjust(
        &mut self,
        e: &ast::Expr,
        xe: &ast::Expr,
        x: &Operand,
        path: &[FieldStep],
        pointer_recv: bool,
        name: &str,
    ) -> Option<RecvAdjust> {
        // The receiver's type after the embedding path.
        let recv_ty = if path.is_empty() {
            x.ty
        } else {
            self.type_after_path(x.ty, path)
        };
        let recv_is_ptr = matches!(self.types.kind(recv_ty), TypeKind::Pointer(_));
        let addressable = x.mode == Mode::Variable || path.iter().any(|s| s.deref);
        if pointer_recv {
            if recv_is_ptr {
                return Some(RecvAdjust::None);
            }
            if addressable {
                if !path.iter().any(|s| s.deref) {
                    self.mark_addr_taken(xe);
                }
                return Some(RecvAdjust::AddrOf);
            }
            let e = match &e.kind {
                ExprKind::Selector { sel, .. } => sel,
                _ => return None,
            };
            let ts = self.show(recv_ty);
            self.err(e.span, format!("cannot call pointer method {name} on {ts}"));
            None
        } else if recv_is_ptr {
            Some(RecvAdjust::Deref)
        } else {
            Some(RecvAdjust::None)
        }
    }

    /// The type reached by following a field path from `t`.
    pub fn type_after_path(&self, t: TypeId, path: &[FieldStep]) -> TypeId {
        let mut cur = t;
        for step in path {
            let base = if step.deref {
                match self.types.kind(cur) {
                    TypeKind::Pointer(b) => *b,
                    _ => cur,
                }
            } else {
                cur
            };
            cur = match self.types.under(base) {
                TypeKind::Struct(fs) => match fs.get(step.index as usize) {
                    Some(f) => f.ty,
                    None => {
                        // The path was found by lookup in these very types.
                        debug_assert!(false, "field path step {} out of range", step.index);
                        return crate::types::TypeTable::basic(crate::types::Basic::Invalid);
                    }
                },
                _ => cur,
            };
        }
        cur
    }
}
