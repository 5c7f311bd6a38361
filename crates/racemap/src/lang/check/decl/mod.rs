//! Package-level declarations (any order, resolved lazily with cycle detection), imports,
//! local `var`/`const`/`type` declarations, and function bodies.
//!
//! Files: this one collects and lazily resolves package-level names and checks local
//! declarations; `spec.rs` const and var specs, `func.rs` functions and methods,
//! `package_order.rs` recursive types and the initialization order of package variables.

mod func;
mod package_order;
mod spec;

use crate::diag::Span;
use crate::lang::ast::{self, Decl};
use crate::lang::check::info::*;
use crate::lang::check::packages::SUPPORTED_IMPORTS;
use crate::lang::check::scope::{FuncCtx, Pending};
use crate::lang::check::{Checker, Operand};
use crate::types::{TypeId, TypeKind};

/// Saved function-level state while resolving a package-level declaration on demand.
pub(crate) struct Saved {
    current_decl: Option<ObjectId>,
    scopes: Vec<crate::lang::check::scope::Scope>,
    funcs: Vec<FuncCtx>,
    iota: Option<i128>,
}

impl<'a> Checker<'a> {
    /// The test functions of a `_test.go` file: `func TestXxx(t *testing.T)` where `Xxx` does
    /// not start with a lower-case letter, in source order.
    fn collect_tests(&mut self) {
        let t = self.lib_named("testing", "T");
        let want = t.map(|t| {
            let p = self.types.intern(TypeKind::Pointer(t));
            self.func_type(vec![p], vec![], false)
        });
        let m = self
            .lib_types
            .get(&("testing".to_string(), "M".to_string()))
            .copied();
        let want_main = m.map(|m| {
            let p = self.types.intern(TypeKind::Pointer(m));
            self.func_type(vec![p], vec![], false)
        });
        for d in &self.file.decls {
            let Decl::Func(fd) = d else { continue };
            let name = fd.name.name.as_str();
            if fd.recv.is_none()
                && (crate::lang::check::examples::is_test_name(name, "Benchmark")
                    || crate::lang::check::examples::is_test_name(name, "Fuzz"))
            {
                self.info.benchmarks += 1;
            }
            let Some(rest) = fd.name.name.strip_prefix("Test") else {
                continue;
            };
            if rest == "Main" && fd.recv.is_none() {
                let obj = self.info.object_of(fd.name.id);
                if let Some(obj) = obj {
                    if let ObjectKind::Func { ty, .. } = &self.info.object(obj).kind {
                        if Some(*ty) == want_main {
                            self.info.test_main = Some(obj);
                            continue;
                        }
                    }
                }
            }
            if fd.recv.is_some() || rest.starts_with(|c: char| c.is_lowercase()) {
                continue;
            }
            let Some(obj) = self.info.object_of(fd.name.id) else {
                continue;
            };
            if let ObjectKind::Func { ty, .. } = &self.info.object(obj).kind {
                if Some(*ty) == want {
                    self.info.tests.push((fd.name.name.clone(), obj));
                }
            }
        }
    }

    /// The examples of a `_test.go` file that `go test` runs (`examples.rs`): `func
    /// ExampleXxx()` whose body ends with an output comment, in source order.
    fn collect_examples(&mut self) {
        use crate::lang::check::examples::{example_output, is_test_name};
        for d in &self.file.decls {
            let Decl::Func(fd) = d else { continue };
            if fd.recv.is_some()
                || !is_test_name(&fd.name.name, "Example")
                || !fd.sig.params.is_empty()
            {
                continue;
            }
            let Some(body) = &fd.body else { continue };
            let Some(output) = example_output(&self.file.source, body.span, &self.file.comments)
            else {
                continue;
            };
            if !fd.sig.results.is_empty() || !fd.tparams.is_empty() {
                // `go test`'s generated main does not compile (`F: func()`).
                self.unsupported(fd.name.span, "an example with results or type parameters");
                continue;
            }
            let Some(obj) = self.info.object_of(fd.name.id) else {
                continue;
            };
            self.info.examples.push((fd.name.name.clone(), obj, output));
        }
    }

    /// Check the whole file.
    pub fn check_file(&mut self) {
        let file = self.file;
        if file.package.name != "main" && !self.test_mode {
            self.unsupported(file.package.span, "packages other than main");
        }
        self.record_imports();
        self.collect();
        self.collect_generic_methods();
        // Resolve in dependency-friendly order: types, constants, functions, methods, vars.
        let mut order: Vec<(u8, ObjectId)> = Vec::new();
        for i in 0..self.states.len() {
            if let Some(p) = self.states[i].pending {
                let rank = match p {
                    Pending::Type { .. } => 0,
                    Pending::Const { .. } => 1,
                    Pending::Func { .. } => 2,
                    Pending::Var { .. } => 4,
                };
                order.push((rank, ObjectId(i as u32)));
            }
        }
        crate::stable_sort::sort(&mut order);
        for (rank, obj) in order.clone() {
            if rank < 3 {
                self.resolve_obj(obj);
            }
        }
        self.check_type_sizes();
        self.collect_methods();
        for (rank, obj) in order {
            if rank >= 3 {
                self.resolve_obj(obj);
            }
        }
        // Function bodies.
        for (i, d) in file.decls.iter().enumerate() {
            if let Decl::Func(fd) = d {
                self.check_func_decl(i, fd);
            }
        }
        self.check_generic_bodies();
        self.current_decl = None;
        self.order_global_inits();
        if self.test_mode {
            self.collect_tests();
            self.collect_examples();
        } else if self.info.main_func.is_none() && file.package.name == "main" {
            self.err(
                Span::default(),
                "function main is undeclared in the main package",
            );
        }
        let imports: Vec<_> = self.imports.clone().into_iter().collect();
        for (name, (obj, span, used)) in imports {
            if !used {
                let path = match &self.info.object(obj).kind {
                    ObjectKind::PkgName { path } => path.clone(),
                    _ => continue,
                };
                let last = path.rsplit('/').next().unwrap_or(&path);
                // Go 1.19's wording (Go 1.20 says `"os" imported and not used`).
                if last == name {
                    self.err(span, format!("imported and not used: \"{path}\""));
                } else {
                    self.err(span, format!("imported and not used: \"{path}\" as {name}"));
                }
            }
        }
    }

    fn record_imports(&mut self) {
        let file = self.file;
        for imp in &file.imports {
            let supported = SUPPORTED_IMPORTS.contains(&imp.path.as_str());
            if !supported {
                self.unsupported(imp.span, format!("package \"{}\"", imp.path));
            }
            let name = match &imp.name {
                Some(n) if n.name == "." => {
                    self.unsupported(n.span, "dot imports");
                    self.dot_import = true;
                    continue;
                }
                Some(n) if n.name == "_" => continue,
                Some(n) => n.name.clone(),
                None => imp.path.rsplit('/').next().unwrap_or(&imp.path).to_string(),
            };
            let obj = self.new_object(
                &name,
                imp.span,
                ObjectKind::PkgName {
                    path: imp.path.clone(),
                },
            );
            if let Some(n) = &imp.name {
                self.record_ident(n, obj, true);
            }
            if self.imports.contains_key(&name) {
                self.err(imp.span, format!("{name} redeclared in this block"));
                continue;
            }
            // An unused import is reported where its spec starts (at the local name).
            let at = imp.name.as_ref().map_or(imp.span, |n| n.span);
            self.imports.insert(name.clone(), (obj, at, !supported));
            self.scopes[1].names.insert(name, obj);
        }
    }

    fn collect(&mut self) {
        let file = self.file;
        for (di, d) in file.decls.iter().enumerate() {
            match d {
                Decl::Type(specs) => {
                    for (si, spec) in specs.iter().enumerate() {
                        let generic = spec.type_params.is_some();
                        if generic && spec.alias {
                            if let Some(tp) = spec.type_params {
                                self.err(tp, "generic type cannot be alias");
                            }
                        }
                        let ty = if spec.alias || generic {
                            self.invalid()
                        } else {
                            self.types.new_named(&spec.name.name, "main")
                        };
                        let obj = self.new_object(
                            &spec.name.name,
                            spec.name.span,
                            ObjectKind::TypeName { ty },
                        );
                        if !generic {
                            self.states[obj.0 as usize].pending =
                                Some(Pending::Type { decl: di, spec: si });
                        } else if !spec.alias {
                            self.generics.types.insert(
                                obj,
                                crate::lang::check::generics::GenericType {
                                    decl: di,
                                    spec: si,
                                    methods: Vec::new(),
                                },
                            );
                        }
                        self.record_ident(&spec.name, obj, true);
                        self.declare_in(1, &spec.name, obj);
                    }
                }
                Decl::Const(specs) => {
                    for (si, spec) in specs.iter().enumerate() {
                        for (ni, name) in spec.names.iter().enumerate() {
                            let obj = self.new_object(
                                &name.name,
                                name.span,
                                ObjectKind::Const {
                                    ty: self.invalid(),
                                    value: ConstValue::int(0),
                                },
                            );
                            self.states[obj.0 as usize].pending =
                                Some(Pending::Const { decl: di, spec: si });
                            let _ = ni;
                            self.record_ident(name, obj, true);
                            self.declare_in(1, name, obj);
                        }
                    }
                }
                Decl::Var(specs) => {
                    for (si, spec) in specs.iter().enumerate() {
                        for name in &spec.names {
                            let index = self.global_count;
                            self.global_count += 1;
                            let obj = self.new_object(
                                &name.name,
                                name.span,
                                ObjectKind::Global {
                                    ty: self.invalid(),
                                    index,
                                },
                            );
                            self.states[obj.0 as usize].pending =
                                Some(Pending::Var { decl: di, spec: si });
                            self.record_ident(name, obj, true);
                            self.declare_in(1, name, obj);
                        }
                    }
                }
                Decl::Func(fd) => {
                    if fd.recv.is_some() {
                        continue;
                    }
                    let name = &fd.name.name;
                    let runtime_name = if name == "init" {
                        self.init_count += 1;
                        format!("main.init.{}", self.init_count - 1)
                    } else {
                        format!("main.{name}")
                    };
                    let obj = self.new_object(
                        name,
                        fd.name.span,
                        ObjectKind::Func {
                            ty: self.invalid(),
                            runtime_name,
                        },
                    );
                    if fd.type_params.is_none() {
                        self.states[obj.0 as usize].pending = Some(Pending::Func { decl: di });
                    } else {
                        self.generics.funcs.insert(obj, di);
                        self.info.generic_decls.insert(fd.name.id);
                        if name == "main" || name == "init" {
                            if let Some(tp) = fd.type_params {
                                self.err(tp, format!("func {name} must have no type parameters"));
                            }
                        }
                    }
                    self.record_ident(&fd.name, obj, true);
                    if name == "init" {
                        self.info.init_funcs.push(fd.name.id);
                        if !fd.sig.params.is_empty() || !fd.sig.results.is_empty() {
                            self.err(
                                fd.name.span,
                                "func init must have no arguments and no return values",
                            );
                        }
                    } else {
                        if name == "main" {
                            self.info.main_func = Some(fd.name.id);
                            if !fd.sig.params.is_empty() || !fd.sig.results.is_empty() {
                                self.err(
                                    fd.name.span,
                                    "func main must have no arguments and no return values",
                                );
                            }
                        }
                        self.declare_in(1, &fd.name, obj);
                    }
                    if fd.body.is_none() {
                        self.err(fd.name.span, "missing function body");
                    }
                }
            }
        }
    }

    pub(crate) fn enter_package_context(&mut self) -> Saved {
        let scopes = self.scopes.split_off(2);
        Saved {
            current_decl: self.current_decl.take(),
            scopes,
            funcs: std::mem::take(&mut self.funcs),
            iota: self.iota.take(),
        }
    }

    pub(crate) fn leave_package_context(&mut self, saved: Saved) {
        self.scopes.truncate(2);
        self.scopes.extend(saved.scopes);
        self.funcs = saved.funcs;
        self.iota = saved.iota;
        self.current_decl = saved.current_decl;
    }

    /// Resolve a package-level object on demand.
    pub fn resolve_obj(&mut self, obj: ObjectId) {
        let Some(pending) = self.states[obj.0 as usize].pending else {
            return;
        };
        if self.states[obj.0 as usize].resolving {
            let name = self.info.object(obj).name.clone();
            let span = self.info.object(obj).span;
            match pending {
                Pending::Type { .. } => {
                    self.cycle_reported = true;
                    self.err(span, format!("invalid recursive type {name}"))
                }
                Pending::Func { .. } => return,
                Pending::Const { .. } => {
                    self.err(span, format!("invalid cycle in declaration of {name}"))
                }
                Pending::Var { .. } => self.err(span, format!("initialization cycle for {name}")),
            }
            self.states[obj.0 as usize].pending = None;
            return;
        }
        self.states[obj.0 as usize].resolving = true;
        let saved = self.enter_package_context();
        let file = self.file;
        match pending {
            Pending::Type { decl, spec } => {
                if let Decl::Type(specs) = &file.decls[decl] {
                    let spec = &specs[spec];
                    // A constraint interface (`interface{ ~int | ~string }`) may be declared.
                    let outer = self.generics.in_constraint;
                    self.generics.in_constraint =
                        matches!(spec.ty.unparen().kind, ast::ExprKind::InterfaceType(_));
                    let t = self.resolve_type(&spec.ty);
                    self.generics.in_constraint = outer;
                    if let ObjectKind::TypeName { ty: named } = self.info.object(obj).kind {
                        if let Some(mut c) = self.generics.constraints.get(&t).cloned() {
                            c.text = spec.name.name.clone();
                            self.generics.constraints.insert(named, c);
                        }
                    }
                    if spec.alias {
                        self.info.objects[obj.0 as usize].kind = ObjectKind::TypeName { ty: t };
                    } else if let ObjectKind::TypeName { ty: named } = self.info.object(obj).kind {
                        self.resolve_underlying_of(t);
                        if t == self.invalid() {
                            // keep Invalid underlying
                        } else if self.types.underlying(t) == self.invalid() {
                            if !self.cycle_reported {
                                self.err(
                                    spec.name.span,
                                    format!("invalid recursive type {}", spec.name.name),
                                );
                            }
                        } else {
                            self.types.set_underlying(named, t);
                        }
                    }
                }
            }
            Pending::Const { decl, spec, .. } => {
                if let Decl::Const(specs) = &file.decls[decl] {
                    let vals = self.const_spec(specs, spec);
                    let s = &specs[spec];
                    for (i, name) in s.names.iter().enumerate() {
                        let (ty, value) = vals[i].clone();
                        if let Some(o) = self.info.idents.get(&name.id).map(|i| i.object) {
                            self.info.objects[o.0 as usize].kind = ObjectKind::Const { ty, value };
                            self.states[o.0 as usize].pending = None;
                        }
                    }
                }
            }
            Pending::Func { decl } => {
                if let Decl::Func(fd) = &file.decls[decl] {
                    let t = self.signature(&fd.sig);
                    if let ObjectKind::Func { ty, .. } = &mut self.info.objects[obj.0 as usize].kind
                    {
                        *ty = t;
                    }
                }
            }
            Pending::Var { decl, spec } => {
                if let Decl::Var(specs) = &file.decls[decl] {
                    let s = &specs[spec];
                    self.current_decl = Some(obj);
                    let tys = self.var_spec(s, "variable declaration");
                    let mut lhs = Vec::new();
                    for (i, name) in s.names.iter().enumerate() {
                        let o = self.info.idents.get(&name.id).map(|i| i.object);
                        if let Some(o) = o {
                            if let ObjectKind::Global { ty, .. } =
                                &mut self.info.objects[o.0 as usize].kind
                            {
                                *ty = tys[i];
                            }
                            self.states[o.0 as usize].pending = None;
                        }
                        lhs.push(if name.name == "_" { None } else { o });
                    }
                    self.global_init_keys.push(obj);
                    self.info.global_inits.push(GlobalInit {
                        lhs,
                        rhs: s.values.iter().map(|v| v.id).collect(),
                    });
                }
            }
        }
        self.leave_package_context(saved);
        self.states[obj.0 as usize].resolving = false;
        self.states[obj.0 as usize].pending = None;
    }

    /// Make sure a named type's underlying type is known (resolving its declaration).
    pub fn resolve_underlying_of(&mut self, t: TypeId) {
        if !matches!(self.types.kind(t), TypeKind::Named { .. }) {
            return;
        }
        if self.types.underlying(t) != self.invalid() {
            return;
        }
        // Find the pending type object declaring it.
        let found = (0..self.states.len()).find(|&i| {
            self.states[i].pending.is_some()
                && matches!(self.info.objects[i].kind, ObjectKind::TypeName { ty } if ty == t)
        });
        if let Some(i) = found {
            self.resolve_obj(ObjectId(i as u32));
        }
    }

    /// A local declaration statement.
    pub fn local_decl(&mut self, d: &ast::Decl) {
        match d {
            Decl::Var(specs) => {
                for s in specs {
                    let errors = self.diags.len();
                    let tys = self.var_spec(s, "variable declaration");
                    // Go's types2 counts a variable whose initialization failed as used
                    // (`var f float64 = "s"` reports only the assignment); with one name, any
                    // error of the spec is that variable's.
                    let failed = s.names.len() == 1 && self.diags.len() > errors;
                    for (name, ty) in s.names.iter().zip(tys) {
                        let o = self.new_local(name, ty, VarKind::Local, false);
                        if failed {
                            self.mark_used(o);
                        }
                    }
                }
            }
            Decl::Const(specs) => {
                for i in 0..specs.len() {
                    let vals = self.const_spec(specs, i);
                    for (name, (ty, value)) in specs[i].names.iter().zip(vals) {
                        let o =
                            self.new_object(&name.name, name.span, ObjectKind::Const { ty, value });
                        self.declare(name, o);
                    }
                }
            }
            Decl::Type(specs) => {
                for s in specs {
                    if let Some(tp) = s.type_params {
                        self.unsupported(tp, "generic types declared inside a function");
                        // Its uses report nothing more.
                        let o = self.new_object(
                            &s.name.name,
                            s.name.span,
                            ObjectKind::TypeName { ty: self.invalid() },
                        );
                        self.declare(&s.name, o);
                        continue;
                    }
                    if s.alias {
                        let t = self.resolve_type(&s.ty);
                        let o = self.new_object(
                            &s.name.name,
                            s.name.span,
                            ObjectKind::TypeName { ty: t },
                        );
                        self.declare(&s.name, o);
                    } else {
                        let named = self.types.new_named(&s.name.name, "main");
                        let o = self.new_object(
                            &s.name.name,
                            s.name.span,
                            ObjectKind::TypeName { ty: named },
                        );
                        self.declare(&s.name, o);
                        let t = self.resolve_type(&s.ty);
                        if t != self.invalid() {
                            if self.types.underlying(t) == self.invalid() {
                                self.err(
                                    s.name.span,
                                    format!("invalid recursive type {}", s.name.name),
                                );
                            } else {
                                self.types.set_underlying(named, t);
                            }
                        }
                    }
                }
            }
            Decl::Func(fd) => {
                self.err(
                    fd.name.span,
                    "function declaration not allowed inside a function",
                );
            }
        }
    }

    /// `x` is a comma-ok-capable expression (map index, receive, type assertion).
    pub fn comma_ok_capable(&self, e: &ast::Expr, x: &Operand) -> bool {
        let mut inner = e;
        while let ast::ExprKind::Paren(x) = &inner.kind {
            inner = x;
        }
        x.mode == Mode::MapIndex
            || matches!(inner.kind, ast::ExprKind::TypeAssert { ty: Some(_), .. })
            || matches!(
                inner.kind,
                ast::ExprKind::Unary {
                    op: ast::UnaryOp::Recv,
                    ..
                }
            )
    }

    /// Record the comma-ok use of `e` (on the unparenthesized expression too).
    pub fn record_comma_ok(&mut self, e: &ast::Expr) {
        let mut inner = e;
        self.info.comma_ok.insert(inner.id);
        while let ast::ExprKind::Paren(x) = &inner.kind {
            inner = x;
            self.info.comma_ok.insert(inner.id);
        }
    }
}

/// `1 variable`, `2 values`.
pub fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("{n} {what}")
    } else {
        format!("{n} {what}s")
    }
}
