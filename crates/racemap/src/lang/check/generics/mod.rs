//! Generics (Go 1.18 type parameters) by monomorphization.
//!
//! Algorithm: a generic function or type is checked, and lowered, once per distinct list of
//! type arguments (memoized in [`Generics`]). An instance is a copy of the generic declaration
//! (a method's too) with fresh node ids ([`crate::lang::ast::visit::visit_func_ids_mut`]),
//! checked in a scope that binds each type parameter's name to its type argument; a function
//! instance is an ordinary function named as Go's runtime names it (`main.Sum[...]`,
//! `main.(*SafeMap[...]).Get`), a type instance an ordinary named type printed with its
//! arguments (`SafeMap[string, int]`). Only the instances with concrete type arguments are
//! lowered ([`Checked`](crate::lang::check::Checked) carries their copies).
//!
//! The generic body itself is checked against its constraints as one more instance whose type
//! arguments are *placeholders*: named types `T` whose underlying type stands for the
//! constraint's type set (`constraint.rs`): its core type, or for a set of several numeric types
//! the widest, or for `any`, `comparable` and method-only constraints an interface with the
//! constraint's methods, so that `x + y` on a `T constrained by any` gets Go's message. When a
//! generic body has errors, the errors of its concrete instances are dropped (they would repeat
//! them in other words).
//!
//! Files: this one holds the state, the declarations' collection, the instantiation of
//! functions and types and the queue of instance bodies; `constraint.rs` constraints, type sets
//! and satisfaction; `infer.rs` generic calls with explicit and inferred type arguments.

mod constraint;
mod infer;

pub(crate) use constraint::{Constraint, Term};

use crate::diag::{Diagnostic, Span};
use crate::lang::ast::{self, Decl, NodeId};
use crate::lang::check::info::*;
use crate::lang::check::scope::Scope;
use crate::lang::check::Checker;
use crate::types::{TypeId, TypeKind};
use litemap::LiteMap;
use std::collections::VecDeque;
use std::rc::Rc;

/// Instances beyond this many (an instantiation cycle such as `F[T]` calling `F[[]T]`) are
/// reported as unsupported.
const MAX_INSTANCES: usize = 1000;

/// Instantiations nested deeper than this (a type `L[T]` holding an `L[[]T]`) are reported as
/// an instantiation cycle, long before the checker's stack could run out.
const MAX_NESTING: u32 = 40;

/// A generic type declaration.
#[derive(Clone, Debug)]
pub(crate) struct GenericType {
    /// Index of its `type` declaration in `file.decls`.
    pub decl: usize,
    /// Index of its spec in that declaration.
    pub spec: usize,
    /// Indexes in `file.decls` of the methods declared on it.
    pub methods: Vec<usize>,
}

/// An instance body waiting to be checked.
#[derive(Clone, Debug)]
struct QueuedBody {
    /// The copy of the declaration.
    decl: Rc<ast::FuncDecl>,
    /// The type parameters' names bound to the type arguments.
    binding: Scope,
    /// The instance's function or method object.
    obj: ObjectId,
    /// The receiver type, for a method.
    recv: Option<TypeId>,
    /// Its type arguments include placeholders (it is not lowered).
    generic: bool,
    /// Its type arguments are its declaration's own placeholders: the generic body's check
    /// against its constraints, whose errors are reported (those of an instance for another
    /// generic body's placeholders would repeat them in other words, and are dropped).
    own: bool,
}

/// The checker's generics state.
#[derive(Clone, Debug, Default)]
pub(crate) struct Generics {
    /// Generic functions: object → index of the declaration in `file.decls`.
    pub funcs: LiteMap<ObjectId, usize>,
    /// Generic types, by type name object.
    pub types: LiteMap<ObjectId, GenericType>,
    /// Function instances by (generic function, type arguments); `None` after an error.
    func_instances: LiteMap<(ObjectId, Vec<TypeId>), Option<ObjectId>>,
    /// Type instances by (generic type, type arguments).
    type_instances: LiteMap<(ObjectId, Vec<TypeId>), TypeId>,
    /// The generic type each type instance instantiates.
    pub origin: LiteMap<TypeId, ObjectId>,
    /// Constraint interfaces (declared or literal) with type terms or `comparable`, by type.
    pub constraints: LiteMap<TypeId, Constraint>,
    /// Placeholder types (a type parameter inside its generic body) and their constraints.
    pub placeholders: LiteMap<TypeId, Constraint>,
    /// Each generic function's placeholders and its signature in terms of them.
    generic_sigs: LiteMap<ObjectId, (Vec<TypeId>, TypeId)>,
    /// Each generic type's placeholders.
    type_placeholders: LiteMap<ObjectId, Vec<TypeId>>,
    /// The generic function or type whose own placeholder each placeholder is.
    placeholder_owner: LiteMap<TypeId, ObjectId>,
    /// Instance bodies to check.
    queue: VecDeque<QueuedBody>,
    /// Copies of the concrete instances' declarations, for lowering.
    pub clones: Vec<Rc<ast::FuncDecl>>,
    /// The next fresh node id.
    pub next_id: u32,
    /// Resolving a constraint (where interfaces with type terms are allowed).
    pub in_constraint: bool,
    /// Instances made so far.
    count: usize,
    /// Instantiations in progress (nested through type arguments and underlying types).
    depth: u32,
    /// An instantiation cycle was reported.
    cycle_reported: bool,
    /// A generic body (checked with placeholders) reported errors.
    generic_errors: bool,
    /// Errors reported while checking concrete instance bodies.
    instance_diags: Vec<Diagnostic>,
}

impl Generics {
    /// Whether `obj` is a generic function or type.
    pub fn is_generic(&self, obj: ObjectId) -> bool {
        self.funcs.contains_key(&obj) || self.types.contains_key(&obj)
    }
}

/// The base type expression of a receiver (`SafeMap[K, V]` in `*SafeMap[K, V]`).
pub(crate) fn receiver_base(ty: &ast::Expr) -> &ast::Expr {
    let mut base = ty;
    let mut pointer = false;
    loop {
        match &base.kind {
            ast::ExprKind::Paren(x) => base = x,
            ast::ExprKind::Star(x) if !pointer => {
                pointer = true;
                base = x;
            }
            _ => return base,
        }
    }
}

impl<'a> Checker<'a> {
    /// Collect the generic declarations (after `collect` declared every package-level name):
    /// the methods of each generic type.
    pub(crate) fn collect_generic_methods(&mut self) {
        let file = self.file;
        for (di, d) in file.decls.iter().enumerate() {
            let Decl::Func(fd) = d else { continue };
            let Some(recv) = &fd.recv else { continue };
            let base = receiver_base(&recv.ty);
            let ast::ExprKind::Index { x, .. } = &base.kind else {
                continue;
            };
            let ast::ExprKind::Ident(name) = &x.unparen().kind else {
                continue;
            };
            self.info.generic_decls.insert(fd.name.id);
            let Some(obj) = self.scopes[1].names.get(&name.name).copied() else {
                self.err(name.span, format!("undefined: {}", name.name));
                continue;
            };
            match self.generics.types.get_mut(&obj) {
                Some(g) => g.methods.push(di),
                None => {
                    let text = self.expr_string(base);
                    self.err(
                        name.span,
                        format!(
                            "invalid operation: {text} ({} is not a generic type)",
                            name.name
                        ),
                    );
                }
            }
        }
    }

    /// The generic object an identifier expression names.
    pub(crate) fn generic_object(&self, e: &ast::Expr) -> Option<ObjectId> {
        let ast::ExprKind::Ident(id) = &e.unparen().kind else {
            return None;
        };
        let obj = self.lookup(&id.name)?;
        self.generics.is_generic(obj).then_some(obj)
    }

    /// `Box[T any]`: a generic type's name with its type parameter list as written.
    pub(crate) fn generic_type_text(&self, obj: ObjectId) -> String {
        let Some(g) = self.generics.types.get(&obj) else {
            return self.info.object(obj).name.clone();
        };
        let Decl::Type(specs) = &self.file.decls[g.decl] else {
            return String::new();
        };
        let spec = &specs[g.spec];
        let list = spec
            .type_params
            .and_then(|s| self.file.source.get(s.lo as usize..s.hi as usize))
            .unwrap_or("");
        format!("{}{list}", spec.name.name)
    }

    /// Report the use of a generic function or type without instantiation.
    pub(crate) fn generic_without_instantiation(&mut self, span: Span, obj: ObjectId) {
        if self.generics.types.contains_key(&obj) {
            let text = self.generic_type_text(obj);
            self.err(
                span,
                format!("cannot use generic type {text} without instantiation"),
            );
        } else {
            let name = self.info.object(obj).name.clone();
            self.err(
                span,
                format!("cannot use generic function {name} without instantiation"),
            );
        }
    }

    /// A copy of a function declaration with fresh node ids and no type parameters.
    fn copy_decl(&mut self, fd: &ast::FuncDecl) -> ast::FuncDecl {
        let mut c = fd.clone();
        c.tparams.clear();
        c.type_params = None;
        let mut next = self.generics.next_id;
        ast::visit::visit_func_ids_mut(&mut c, &mut |id| {
            *id = NodeId(next);
            next += 1;
        });
        self.generics.next_id = next;
        c
    }

    /// A scope binding each name to a type (a type parameter to its argument).
    fn binding(&mut self, names: &[(String, Span)], args: &[TypeId]) -> Scope {
        let mut scope = Scope::default();
        for ((name, span), ty) in names.iter().zip(args) {
            if name == "_" {
                continue;
            }
            let o = self.new_object(name, *span, ObjectKind::TypeName { ty: *ty });
            self.states[o.0 as usize].used = true;
            scope.names.insert(name.clone(), o);
        }
        scope
    }

    /// The names of type parameters, with their positions.
    fn tparam_names(params: &[ast::Param]) -> Vec<(String, Span)> {
        params
            .iter()
            .map(|p| match &p.name {
                Some(n) => (n.name.clone(), n.span),
                None => ("_".to_string(), p.span),
            })
            .collect()
    }

    /// Whether `targs` are the own placeholders of generic function or type `gobj`.
    fn own_placeholders(&self, gobj: ObjectId, targs: &[TypeId]) -> bool {
        !targs.is_empty()
            && targs
                .iter()
                .all(|t| self.generics.placeholder_owner.get(t) == Some(&gobj))
    }

    /// Whether a type mentions a placeholder.
    pub(crate) fn has_placeholder(&self, t: TypeId) -> bool {
        self.mentions(t, &|c, t| c.generics.placeholders.contains_key(&t), 0)
    }

    /// Whether `t` or a type it is made of satisfies `pred`.
    pub(crate) fn type_mentions(&self, t: TypeId, pred: &dyn Fn(&Self, TypeId) -> bool) -> bool {
        self.mentions(t, pred, 0)
    }

    fn mentions(&self, t: TypeId, pred: &dyn Fn(&Self, TypeId) -> bool, depth: u32) -> bool {
        if pred(self, t) {
            return true;
        }
        if depth > 32 {
            return false;
        }
        let d = depth + 1;
        match self.types.kind(t) {
            TypeKind::Named { .. } => self
                .types
                .type_args(t)
                .iter()
                .any(|a| self.mentions(*a, pred, d)),
            TypeKind::Pointer(e) | TypeKind::Slice(e) | TypeKind::Array(_, e) => {
                self.mentions(*e, pred, d)
            }
            TypeKind::Chan(_, e) => self.mentions(*e, pred, d),
            TypeKind::Map(k, v) => self.mentions(*k, pred, d) || self.mentions(*v, pred, d),
            TypeKind::Func(s) => s
                .params
                .iter()
                .chain(s.results.iter())
                .any(|x| self.mentions(*x, pred, d)),
            TypeKind::Struct(fs) => fs.iter().any(|f| self.mentions(f.ty, pred, d)),
            TypeKind::Tuple(ts) => ts.iter().any(|x| self.mentions(*x, pred, d)),
            TypeKind::Interface(ms) => ms.iter().any(|(_, s)| self.mentions(*s, pred, d)),
            TypeKind::Basic(_) | TypeKind::Sync(_) => false,
        }
    }

    /// Count one more instance; `false` (reported once) past [`MAX_INSTANCES`] or
    /// [`MAX_NESTING`].
    fn count_instance(&mut self, at: Span) -> bool {
        if self.generics.depth >= MAX_NESTING {
            if !self.generics.cycle_reported {
                self.generics.cycle_reported = true;
                self.unsupported(
                    at,
                    "instantiation cycles (a generic type or function instantiated with ever larger type arguments)",
                );
            }
            return false;
        }
        self.generics.count += 1;
        if self.generics.count == MAX_INSTANCES + 1 {
            self.unsupported(
                at,
                format!("more than {MAX_INSTANCES} instances of generic functions and types"),
            );
        }
        self.generics.count <= MAX_INSTANCES
    }

    /// The instance of generic function `gobj` for `targs` (one per argument; `spans` where
    /// each was written, or the call's function for inferred ones): its function object, or
    /// `None` after reporting why not.
    pub(crate) fn instantiate_func(
        &mut self,
        gobj: ObjectId,
        targs: &[TypeId],
        spans: &[Span],
    ) -> Option<ObjectId> {
        let key = (gobj, targs.to_vec());
        if let Some(o) = self.generics.func_instances.get(&key) {
            return *o;
        }
        let decl = *self.generics.funcs.get(&gobj)?;
        let file = self.file;
        let Decl::Func(fd) = &file.decls[decl] else {
            return None;
        };
        if targs.contains(&self.invalid()) {
            return None;
        }
        if !self.count_instance(spans.first().copied().unwrap_or(fd.name.span)) {
            self.generics.func_instances.insert(key, None);
            return None;
        }
        let copy = self.copy_decl(fd);
        let saved = self.enter_package_context();
        let names = Self::tparam_names(&fd.tparams);
        let scope = self.binding(&names, targs);
        self.scopes.push(scope.clone());
        let name = fd.name.name.clone();
        self.generics.depth += 1;
        let ok = self.verify_targs(&fd.tparams, targs, spans, &name);
        let sig = if ok {
            self.signature(&copy.sig)
        } else {
            self.invalid()
        };
        self.generics.depth -= 1;
        self.scopes.truncate(2);
        self.leave_package_context(saved);
        if !ok || sig == self.invalid() {
            // Not memoized: each use reports its own error.
            return None;
        }
        let obj = self.new_object(
            &name,
            fd.name.span,
            ObjectKind::Func {
                ty: sig,
                runtime_name: format!("main.{name}[...]"),
            },
        );
        self.record_ident(&copy.name, obj, true);
        self.generics.func_instances.insert(key, Some(obj));
        let generic = targs.iter().any(|t| self.has_placeholder(*t));
        let own = self.own_placeholders(gobj, targs);
        self.generics.queue.push_back(QueuedBody {
            decl: Rc::new(copy),
            binding: scope,
            obj,
            recv: None,
            generic,
            own,
        });
        Some(obj)
    }

    /// The instance of generic type `gobj` for `targs`; `Invalid` after reporting why not.
    pub(crate) fn instantiate_type(
        &mut self,
        gobj: ObjectId,
        targs: &[TypeId],
        spans: &[Span],
    ) -> TypeId {
        let key = (gobj, targs.to_vec());
        if let Some(t) = self.generics.type_instances.get(&key) {
            return *t;
        }
        let invalid = self.invalid();
        let Some(g) = self.generics.types.get(&gobj).cloned() else {
            return invalid;
        };
        let file = self.file;
        let Decl::Type(specs) = &file.decls[g.decl] else {
            return invalid;
        };
        let spec = &specs[g.spec];
        if targs.contains(&invalid)
            || !self.count_instance(spans.first().copied().unwrap_or(spec.name.span))
        {
            self.generics.type_instances.insert(key, invalid);
            return invalid;
        }
        self.generics.depth += 1;
        let t = self.instantiate_type_at(gobj, &g, targs, spans, key);
        self.generics.depth -= 1;
        t
    }

    fn instantiate_type_at(
        &mut self,
        gobj: ObjectId,
        g: &GenericType,
        targs: &[TypeId],
        spans: &[Span],
        key: (ObjectId, Vec<TypeId>),
    ) -> TypeId {
        let invalid = self.invalid();
        let file = self.file;
        let Decl::Type(specs) = &file.decls[g.decl] else {
            return invalid;
        };
        let spec = &specs[g.spec];
        let t = self
            .types
            .new_instance(&spec.name.name, "main", targs.to_vec());
        self.generics.type_instances.insert(key.clone(), t);
        self.generics.origin.insert(t, gobj);
        let saved = self.enter_package_context();
        let names = Self::tparam_names(&spec.tparams);
        let scope = self.binding(&names, targs);
        self.scopes.push(scope);
        let ok = self.verify_targs(&spec.tparams, targs, spans, &spec.name.name);
        if ok {
            let outer = self.generics.in_constraint;
            self.generics.in_constraint =
                matches!(spec.ty.unparen().kind, ast::ExprKind::InterfaceType(_));
            let u = self.resolve_type(&spec.ty);
            self.generics.in_constraint = outer;
            if let Some(mut c) = self.generics.constraints.get(&u).cloned() {
                // A generic constraint interface (`Setter[T]`).
                c.text = self.show(t);
                self.generics.constraints.insert(t, c);
            }
            self.resolve_underlying_of(u);
            if u != invalid && self.types.underlying(u) != invalid {
                self.types.set_underlying(t, u);
            } else if u != invalid && !self.cycle_reported {
                // `type A[T any] B[T]; type B[T any] A[T]`.
                self.cycle_reported = true;
                let name = &spec.name.name;
                self.err(spec.name.span, format!("invalid recursive type {name}"));
            }
        }
        self.scopes.truncate(2);
        self.leave_package_context(saved);
        if !ok {
            // Not memoized: each use reports its own error.
            self.generics.type_instances.remove(&key);
            self.generics.origin.remove(&t);
            return invalid;
        }
        let generic = targs.iter().any(|a| self.has_placeholder(*a));
        let own = self.own_placeholders(gobj, targs);
        for &di in &g.methods {
            self.instantiate_method(t, di, targs, generic, own);
        }
        t
    }

    /// Make the method declared at `file.decls[di]` a method of instance `t`.
    fn instantiate_method(
        &mut self,
        t: TypeId,
        di: usize,
        targs: &[TypeId],
        generic: bool,
        own: bool,
    ) {
        let file = self.file;
        let Decl::Func(fd) = &file.decls[di] else {
            return;
        };
        let Some(recv) = &fd.recv else { return };
        let ast::ExprKind::Index { indices, .. } = &receiver_base(&recv.ty).kind else {
            return;
        };
        let mut names = Vec::new();
        for ix in indices {
            match &ix.kind {
                ast::ExprKind::Ident(n) => names.push((n.name.clone(), n.span)),
                _ => {
                    if own {
                        let s = self.expr_string(ix);
                        self.err(
                            ix.span,
                            format!("receiver type parameter {s} must be an identifier"),
                        );
                    }
                    return;
                }
            }
        }
        if names.len() != targs.len() {
            if own {
                let base = receiver_base(&recv.ty);
                let want = targs.len();
                self.err(
                    base.span,
                    format!("got {} arguments but {want} type parameters", names.len()),
                );
            }
            return;
        }
        let copy = self.copy_decl(fd);
        let saved = self.enter_package_context();
        let scope = self.binding(&names, targs);
        self.scopes.push(scope.clone());
        let Some(crecv) = &copy.recv else {
            self.scopes.truncate(2);
            self.leave_package_context(saved);
            return;
        };
        let rt = self.resolve_type(&crecv.ty);
        let sig = self.signature(&copy.sig);
        self.scopes.truncate(2);
        self.leave_package_context(saved);
        let pointer = matches!(self.types.kind(rt), TypeKind::Pointer(_));
        if sig == self.invalid() || rt == self.invalid() {
            return;
        }
        let tname = match self.types.kind(t) {
            TypeKind::Named { name, .. } => name.clone(),
            _ => String::new(),
        };
        let mname = fd.name.name.clone();
        let runtime_name = if pointer {
            format!("main.(*{tname}[...]).{mname}")
        } else {
            format!("main.{tname}[...].{mname}")
        };
        let obj = self.new_object(
            &mname,
            fd.name.span,
            ObjectKind::Method {
                recv_named: t,
                pointer_recv: pointer,
                ty: sig,
                runtime_name,
            },
        );
        self.record_ident(&copy.name, obj, true);
        if mname != "_" {
            let entry = self.methods.entry(t).or_default();
            if entry.contains_key(&mname) {
                if !own {
                    return;
                }
                self.err(
                    fd.name.span,
                    format!("method {tname}.{mname} already declared"),
                );
                return;
            }
            entry.insert(mname.clone(), obj);
            if let TypeKind::Struct(fields) = self.types.under(t) {
                if own && fields.iter().any(|f| f.name == mname) {
                    self.err(
                        fd.name.span,
                        format!("field and method with the same name {mname}"),
                    );
                }
            }
        }
        self.generics.queue.push_back(QueuedBody {
            decl: Rc::new(copy),
            binding: scope,
            obj,
            recv: Some(rt),
            generic,
            own,
        });
    }

    /// Check every generic declaration against its constraints (one instance with
    /// placeholders each), then every queued instance body; concrete instances' errors are
    /// kept only when no generic body had errors.
    pub(crate) fn check_generic_bodies(&mut self) {
        let gfuncs: Vec<ObjectId> = self.generics.funcs.keys().copied().collect();
        for g in gfuncs {
            let _ = self.generic_signature(g);
            self.drain_queue();
        }
        let gtypes: Vec<ObjectId> = self.generics.types.keys().copied().collect();
        for g in gtypes {
            let _ = self.type_placeholders(g);
            self.drain_queue();
        }
        self.drain_queue();
        if !self.generics.generic_errors {
            // Several instances repeat one error: report it once.
            let d = std::mem::take(&mut self.generics.instance_diags);
            let mut seen = litemap::LiteMap::new_vec();
            for x in d {
                if seen
                    .insert((x.span.lo, x.span.hi, x.message.clone()), ())
                    .is_none()
                {
                    self.diags.push(x);
                }
            }
        }
    }

    /// A generic function's placeholders and its signature in terms of them (its generic body
    /// queued for checking on first use).
    pub(crate) fn generic_signature(&mut self, gobj: ObjectId) -> Option<(Vec<TypeId>, TypeId)> {
        if let Some(s) = self.generics.generic_sigs.get(&gobj) {
            return Some(s.clone());
        }
        let decl = *self.generics.funcs.get(&gobj)?;
        let file = self.file;
        let Decl::Func(fd) = &file.decls[decl] else {
            return None;
        };
        let phs = self.make_placeholders(&fd.tparams);
        for p in &phs {
            self.generics.placeholder_owner.insert(*p, gobj);
        }
        // A parameter or result may not reuse a type parameter's name.
        for p in fd.sig.params.iter().chain(&fd.sig.results) {
            let Some(n) = &p.name else { continue };
            let clash = fd
                .tparams
                .iter()
                .any(|t| t.name.as_ref().is_some_and(|t| t.name == n.name));
            if clash && n.name != "_" {
                self.err(n.span, format!("{} redeclared in this block", n.name));
            }
        }
        let obj = self.instantiate_func(gobj, &phs, &[fd.name.span]);
        let sig = match obj.map(|o| &self.info.object(o).kind) {
            Some(ObjectKind::Func { ty, .. }) => *ty,
            _ => self.invalid(),
        };
        self.generics.generic_sigs.insert(gobj, (phs.clone(), sig));
        Some((phs, sig))
    }

    /// A generic type's placeholders (its instance with them made, its methods' bodies queued
    /// for checking, on first use).
    pub(crate) fn type_placeholders(&mut self, gobj: ObjectId) -> Vec<TypeId> {
        if let Some(p) = self.generics.type_placeholders.get(&gobj) {
            return p.clone();
        }
        let Some(g) = self.generics.types.get(&gobj).cloned() else {
            return Vec::new();
        };
        let file = self.file;
        let Decl::Type(specs) = &file.decls[g.decl] else {
            return Vec::new();
        };
        let spec = &specs[g.spec];
        let phs = self.make_placeholders(&spec.tparams);
        for p in &phs {
            self.generics.placeholder_owner.insert(*p, gobj);
        }
        self.generics.type_placeholders.insert(gobj, phs.clone());
        let _ = self.instantiate_type(gobj, &phs, &[spec.name.span]);
        phs
    }

    fn drain_queue(&mut self) {
        while let Some(q) = self.generics.queue.pop_front() {
            if self.saturated() {
                return;
            }
            let before = self.diags.len();
            self.check_instance_body(&q);
            if q.own {
                if self.diags.len() > before {
                    self.generics.generic_errors = true;
                }
            } else if q.generic {
                self.diags.truncate(before);
            } else {
                let new: Vec<Diagnostic> = self.diags.drain(before..).collect();
                self.generics.instance_diags.extend(new);
                self.generics.clones.push(q.decl.clone());
            }
        }
    }

    fn check_instance_body(&mut self, q: &QueuedBody) {
        let fd = q.decl.clone();
        let Some(body) = &fd.body else { return };
        let (sig, name) = match &self.info.object(q.obj).kind {
            ObjectKind::Func { ty, runtime_name }
            | ObjectKind::Method {
                ty, runtime_name, ..
            } => (*ty, runtime_name.clone()),
            _ => return,
        };
        let saved = self.enter_package_context();
        self.scopes.push(q.binding.clone());
        self.current_decl = Some(q.obj);
        self.check_func(
            fd.name.id,
            name,
            fd.recv.as_ref().zip(q.recv),
            &fd.sig,
            sig,
            body,
            false,
            None,
        );
        self.scopes.truncate(2);
        self.leave_package_context(saved);
    }
}
