//! Package-level declarations (any order, resolved lazily with cycle detection), imports,
//! local `var`/`const`/`type` declarations, and function bodies.

use crate::diag::Span;
use crate::lang::ast::{self, Decl, NodeId};
use crate::lang::check::info::*;
use crate::lang::check::packages::SUPPORTED_IMPORTS;
use crate::lang::check::scope::{FuncCtx, Pending};
use crate::lang::check::{Checker, Operand};
use crate::lang::types::{Basic, TypeId, TypeKind, TypeTable};
use std::collections::{BTreeMap, BTreeSet};

/// Saved function-level state while resolving a package-level declaration on demand.
struct Saved {
    current_decl: Option<ObjectId>,
    scopes: Vec<crate::lang::check::scope::Scope>,
    funcs: Vec<FuncCtx>,
    iota: Option<i128>,
}

impl<'a> Checker<'a> {
    /// Check the whole file.
    pub fn check_file(&mut self) {
        let file = self.file;
        if file.package.name != "main" {
            self.unsupported(file.package.span, "packages other than main");
        }
        self.record_imports();
        self.collect();
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
        order.sort();
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
        self.current_decl = None;
        self.order_global_inits();
        if self.info.main_func.is_none() && file.package.name == "main" {
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
                if last == name {
                    self.err(span, format!("\"{path}\" imported and not used"));
                } else {
                    self.err(span, format!("\"{path}\" imported as {name} and not used"));
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
            self.imports
                .insert(name.clone(), (obj, imp.span, !supported));
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
                        if let Some(tp) = spec.type_params {
                            self.unsupported(tp, "generic types");
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
                                    value: ConstValue::Int(0),
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
                    if let Some(tp) = fd.type_params {
                        self.unsupported(tp, "generic functions");
                        // Its body is not checked: its imports must not look unused.
                        self.dot_import = true;
                        for entry in self.imports.values_mut() {
                            entry.2 = true;
                        }
                    }
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

    fn enter_package_context(&mut self) -> Saved {
        let scopes = self.scopes.split_off(2);
        Saved {
            current_decl: self.current_decl.take(),
            scopes,
            funcs: std::mem::take(&mut self.funcs),
            iota: self.iota.take(),
        }
    }

    fn leave_package_context(&mut self, saved: Saved) {
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
                    let t = self.resolve_type(&spec.ty);
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

    /// Report named struct/array types that contain themselves by value (infinite size).
    fn check_type_sizes(&mut self) {
        let file = self.file;
        for d in &file.decls {
            let Decl::Type(specs) = d else { continue };
            for spec in specs {
                let Some(obj) = self.info.object_of(spec.name.id) else {
                    continue;
                };
                let ObjectKind::TypeName { ty } = self.info.object(obj).kind else {
                    continue;
                };
                if !matches!(self.types.kind(ty), TypeKind::Named { .. }) {
                    continue;
                }
                let mut seen = std::collections::BTreeSet::new();
                if self.contains_by_value(self.types.underlying(ty), ty, &mut seen) {
                    self.err(
                        spec.name.span,
                        format!("invalid recursive type {}", spec.name.name),
                    );
                    // Break the cycle for later passes.
                    let inv = self.invalid();
                    self.types.set_underlying(ty, inv);
                }
            }
        }
    }

    fn contains_by_value(
        &self,
        t: TypeId,
        target: TypeId,
        seen: &mut std::collections::BTreeSet<TypeId>,
    ) -> bool {
        if t == target {
            return true;
        }
        if !seen.insert(t) {
            return false;
        }
        match self.types.kind(t) {
            TypeKind::Named { .. } => {
                self.contains_by_value(self.types.underlying(t), target, seen)
            }
            TypeKind::Struct(fs) => fs
                .iter()
                .any(|f| self.contains_by_value(f.ty, target, seen)),
            TypeKind::Array(_, e) => self.contains_by_value(*e, target, seen),
            _ => false,
        }
    }

    /// Order package-level variable initialization as Go does: repeatedly the earliest variable
    /// in declaration order whose dependencies (variables referenced by its initializer,
    /// directly or through the functions and methods it calls) are initialized.
    fn order_global_inits(&mut self) {
        let n = self.info.global_inits.len();
        if n != self.global_init_keys.len() {
            return;
        }
        let mut owner: BTreeMap<ObjectId, usize> = BTreeMap::new();
        for (i, gi) in self.info.global_inits.iter().enumerate() {
            owner.insert(self.global_init_keys[i], i);
            for o in gi.lhs.iter().flatten() {
                owner.insert(*o, i);
            }
        }
        let mut deps: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n];
        for (i, dep) in deps.iter_mut().enumerate() {
            let mut stack = vec![(self.global_init_keys[i], false)];
            let mut visited = BTreeSet::new();
            while let Some((o, via_func)) = stack.pop() {
                let Some(rs) = self.refs.get(&o) else {
                    continue;
                };
                for &r in rs {
                    if !visited.insert(r) {
                        continue;
                    }
                    if let Some(&j) = owner.get(&r) {
                        if j != i || via_func {
                            dep.insert(j);
                        }
                    } else if matches!(
                        self.info.object(r).kind,
                        ObjectKind::Func { .. } | ObjectKind::Method { .. }
                    ) {
                        stack.push((r, true));
                    }
                }
            }
        }
        let mut by_decl: Vec<usize> = (0..n).collect();
        by_decl.sort_by_key(|&i| self.info.object(self.global_init_keys[i]).span.lo);
        let mut done = vec![false; n];
        let mut order = Vec::new();
        while order.len() < n {
            let next = by_decl
                .iter()
                .copied()
                .find(|&i| !done[i] && deps[i].iter().all(|&j| done[j]));
            match next {
                Some(i) => {
                    done[i] = true;
                    order.push(i);
                }
                None => {
                    // A cycle through functions: report the earliest variable in it.
                    if let Some(&i) = by_decl.iter().find(|&&i| !done[i]) {
                        let ob = self.info.object(self.global_init_keys[i]);
                        let (span, name) = (ob.span, ob.name.clone());
                        self.err(span, format!("initialization cycle for {name}"));
                    }
                    return;
                }
            }
        }
        let old = std::mem::take(&mut self.info.global_inits);
        let mut slots: Vec<Option<GlobalInit>> = old.into_iter().map(Some).collect();
        self.info.global_inits = order.into_iter().filter_map(|i| slots[i].take()).collect();
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

    /// Evaluate const spec `i` of a group: one `(type, value)` per name.
    pub fn const_spec(&mut self, specs: &[ast::ConstSpec], i: usize) -> Vec<(TypeId, ConstValue)> {
        let spec = &specs[i];
        let invalid = self.invalid();
        let mut src = i;
        while specs[src].values.is_empty() && src > 0 {
            src -= 1;
        }
        let from = &specs[src];
        let saved_iota = self.iota.replace(spec.iota as i128);
        let declared = from.ty.as_ref().map(|t| self.resolve_type(t));
        let mut out = Vec::new();
        if from.values.is_empty() && (spec.ty.is_some() || i == 0) {
            self.err(spec.span, "missing init expr for const declaration");
        }
        for (n, name) in spec.names.iter().enumerate() {
            let Some(e) = from.values.get(n) else {
                if !from.values.is_empty() {
                    self.err(name.span, "missing init expr for const declaration");
                }
                out.push((invalid, ConstValue::Int(0)));
                continue;
            };
            let mut x = self.expr(e);
            if x.is_invalid() {
                out.push((invalid, ConstValue::Int(0)));
                continue;
            }
            if x.mode != Mode::Constant {
                let d = self.describe(e, &x);
                self.err(e.span, format!("{d} is not constant"));
                out.push((invalid, ConstValue::Int(0)));
                continue;
            }
            if let Some(t) = declared {
                if t == invalid {
                    out.push((invalid, ConstValue::Int(0)));
                    continue;
                }
                if !matches!(self.types.under(t), TypeKind::Basic(_)) {
                    let ts = self.show(t);
                    self.err(
                        from.ty.as_ref().map(|t| t.span).unwrap_or(spec.span),
                        format!("invalid constant type {ts}"),
                    );
                    out.push((invalid, ConstValue::Int(0)));
                    continue;
                }
                if !self.assign_to(e, &mut x, t, "constant declaration") {
                    out.push((invalid, ConstValue::Int(0)));
                    continue;
                }
            }
            out.push((x.ty, x.val.clone().unwrap_or(ConstValue::Int(0))));
        }
        if from.values.len() > spec.names.len() && src == i {
            self.err(from.values[spec.names.len()].span, "extra init expr");
        }
        self.iota = saved_iota;
        out
    }

    /// Check a `var` spec's initializers and return the type of each declared name.
    pub fn var_spec(&mut self, s: &ast::VarSpec, context: &str) -> Vec<TypeId> {
        let invalid = self.invalid();
        let declared = s.ty.as_ref().map(|t| self.resolve_type(t));
        let n = s.names.len();
        if s.values.is_empty() {
            return vec![declared.unwrap_or(invalid); n];
        }
        if s.values.len() == 1 && n > 1 {
            // var a, b = f()
            let e = &s.values[0];
            let x = self.expr_multi(e);
            if x.is_invalid() {
                return vec![declared.unwrap_or(invalid); n];
            }
            let results = match self.types.kind(x.ty) {
                TypeKind::Tuple(ts) if x.mode == Mode::Tuple => ts.clone(),
                _ => {
                    if self.comma_ok_capable(e, &x) && n == 2 {
                        let t0 = declared.unwrap_or_else(|| self.default_type(x.ty));
                        self.info.comma_ok.insert(e.id);
                        self.record_comma_ok(e);
                        let mut x = x;
                        self.assign_to(e, &mut x, t0, context);
                        return vec![t0, declared.unwrap_or(TypeTable::basic(Basic::Bool))];
                    }
                    self.assign_mismatch(e, n, 1);
                    return vec![declared.unwrap_or(invalid); n];
                }
            };
            if results.len() != n {
                self.assign_mismatch(e, n, results.len());
                return vec![declared.unwrap_or(invalid); n];
            }
            let mut out = Vec::new();
            let mut conv = Vec::new();
            let mut any_conv = false;
            for (i, r) in results.iter().enumerate() {
                let t = declared.unwrap_or(*r);
                if !self.assignable(*r, t) {
                    let rs = self.show(*r);
                    let ts = self.show(t);
                    self.err(
                        e.span,
                        format!(
                            "cannot use {} (value of type {rs}) as {ts} value in {context}",
                            crate::lang::ast::print::expr_string(e)
                        ),
                    );
                }
                let c = if self.is_interface(t) && !self.is_interface(*r) {
                    any_conv = true;
                    Some(t)
                } else {
                    None
                };
                conv.push(c);
                let _ = i;
                out.push(t);
            }
            if any_conv {
                self.info.tuple_implicit.insert(e.id, conv);
            }
            return out;
        }
        if s.values.len() != n {
            let first = &s.values[0];
            if s.values.len() > n {
                self.err(
                    s.values[n].span,
                    format!(
                        "assignment mismatch: {} but {}",
                        plural(n, "variable"),
                        plural(s.values.len(), "value")
                    ),
                );
            } else {
                self.err(
                    first.span,
                    format!(
                        "assignment mismatch: {} but {}",
                        plural(n, "variable"),
                        plural(s.values.len(), "value")
                    ),
                );
            }
            for v in &s.values {
                self.expr(v);
            }
            return vec![declared.unwrap_or(invalid); n];
        }
        let mut out = Vec::new();
        for (i, e) in s.values.iter().enumerate() {
            let mut x = self.expr(e);
            if x.is_invalid() {
                out.push(declared.unwrap_or(invalid));
                continue;
            }
            match declared {
                Some(t) => {
                    self.assign_to(e, &mut x, t, context);
                    out.push(t);
                }
                None => {
                    if x.mode == Mode::Nil {
                        self.err(e.span, format!("use of untyped nil in {context}"));
                        out.push(invalid);
                        continue;
                    }
                    let t = self.default_type(x.ty);
                    self.assign_to(e, &mut x, t, context);
                    out.push(t);
                }
            }
            let _ = i;
        }
        out
    }

    /// `assignment mismatch: N variables but f returns M values` / `... but M values`.
    pub fn assign_mismatch(&mut self, e: &ast::Expr, vars: usize, vals: usize) {
        let mut inner = e;
        while let ast::ExprKind::Paren(x) = &inner.kind {
            inner = x;
        }
        if let ast::ExprKind::Call { func, .. } = &inner.kind {
            let f = crate::lang::ast::print::expr_string(func);
            self.err(
                e.span,
                format!(
                    "assignment mismatch: {} but {f} returns {}",
                    plural(vars, "variable"),
                    plural(vals, "value")
                ),
            );
        } else {
            self.err(
                e.span,
                format!(
                    "assignment mismatch: {} but {}",
                    plural(vars, "variable"),
                    plural(vals, "value")
                ),
            );
        }
    }

    fn collect_methods(&mut self) {
        let file = self.file;
        for d in &file.decls {
            let Decl::Func(fd) = d else { continue };
            let Some(recv) = &fd.recv else { continue };
            // Receiver: T or *T with T a named type of this package.
            let mut base = &recv.ty;
            let mut pointer = false;
            loop {
                match &base.kind {
                    ast::ExprKind::Paren(x) => base = x,
                    ast::ExprKind::Star(x) if !pointer => {
                        pointer = true;
                        base = x;
                    }
                    _ => break,
                }
            }
            if let ast::ExprKind::Index { .. } = &base.kind {
                self.unsupported(base.span, "generic types");
                continue;
            }
            let rt = self.resolve_type(&recv.ty);
            let named = if pointer {
                match self.types.kind(rt) {
                    TypeKind::Pointer(t) => *t,
                    _ => self.invalid(),
                }
            } else {
                rt
            };
            if named == self.invalid() {
                continue;
            }
            let is_local_named =
                matches!(self.types.kind(named), TypeKind::Named { pkg, .. } if pkg == "main");
            if !is_local_named {
                let s = self.show(named);
                self.err(
                    recv.span,
                    format!("cannot define new methods on non-local type {s}"),
                );
                continue;
            }
            if matches!(
                self.types.under(named),
                TypeKind::Pointer(_) | TypeKind::Interface(_)
            ) {
                let s = self.show(named);
                self.err(
                    base.span,
                    format!("invalid receiver type {s} (pointer or interface type)"),
                );
                continue;
            }
            let sig = self.signature(&fd.sig);
            let tname = match self.types.kind(named) {
                TypeKind::Named { name, .. } => name.clone(),
                _ => String::new(),
            };
            let runtime_name = if pointer {
                format!("main.(*{tname}).{}", fd.name.name)
            } else {
                format!("main.{tname}.{}", fd.name.name)
            };
            let obj = self.new_object(
                &fd.name.name,
                fd.name.span,
                ObjectKind::Method {
                    recv_named: named,
                    pointer_recv: pointer,
                    ty: sig,
                    runtime_name,
                },
            );
            self.record_ident(&fd.name, obj, true);
            if fd.name.name == "_" {
                continue;
            }
            let entry = self.methods.entry(named).or_default();
            if entry.contains_key(&fd.name.name) {
                self.err(
                    fd.name.span,
                    format!("method {tname}.{} already declared", fd.name.name),
                );
                continue;
            }
            entry.insert(fd.name.name.clone(), obj);
            if let TypeKind::Struct(fields) = self.types.under(named) {
                if fields.iter().any(|f| f.name == fd.name.name) {
                    self.err(
                        fd.name.span,
                        format!("field and method with the same name {}", fd.name.name),
                    );
                }
            }
        }
    }

    fn check_func_decl(&mut self, _index: usize, fd: &ast::FuncDecl) {
        let Some(body) = &fd.body else { return };
        let Some(obj) = self.info.idents.get(&fd.name.id).map(|i| i.object) else {
            return;
        };
        let (sig, name, recv) = match &self.info.object(obj).kind {
            ObjectKind::Func { ty, runtime_name } => (*ty, runtime_name.clone(), None),
            ObjectKind::Method {
                ty,
                runtime_name,
                recv_named,
                pointer_recv,
            } => {
                let rt = if *pointer_recv {
                    self.types.intern(TypeKind::Pointer(*recv_named))
                } else {
                    *recv_named
                };
                (*ty, runtime_name.clone(), Some(rt))
            }
            _ => return,
        };
        if sig == self.invalid() {
            return;
        }
        self.current_decl = Some(obj);
        self.check_func(
            fd.name.id,
            name,
            fd.recv.as_ref().zip(recv),
            &fd.sig,
            sig,
            body,
            false,
            None,
        );
    }

    /// Check a function body (declared function, method or literal).
    pub fn check_func(
        &mut self,
        key: NodeId,
        name: String,
        recv: Option<(&ast::Param, TypeId)>,
        ft: &ast::FuncType,
        sig: TypeId,
        body: &ast::Block,
        is_literal: bool,
        parent: Option<NodeId>,
    ) {
        let (params, results) = match self.types.kind(sig) {
            TypeKind::Func(s) => (s.params.clone(), s.results.clone()),
            _ => return,
        };
        let named_results = ft.results.iter().any(|r| r.name.is_some());
        self.funcs.push(FuncCtx {
            key,
            name: name.clone(),
            results: results.clone(),
            named_results,
            literals: 0,
            targets: Vec::new(),
            labels: Default::default(),
            locals: Vec::new(),
            is_literal,
            has_goto: false,
        });
        self.open_scope();
        let mut fi = FuncInfo {
            name,
            sig,
            recv: None,
            params: Vec::new(),
            results: Vec::new(),
            captures: Vec::new(),
            parent,
        };
        if let Some((p, t)) = recv {
            let o = self.param_object(p.name.as_ref(), p.span, t, VarKind::Receiver);
            fi.recv = Some(o);
        }
        for (p, t) in ft.params.iter().zip(params) {
            let o = self.param_object(p.name.as_ref(), p.span, t, VarKind::Param);
            fi.params.push(o);
        }
        for (p, t) in ft.results.iter().zip(results.iter()) {
            let o = self.param_object(p.name.as_ref(), p.span, *t, VarKind::Result);
            fi.results.push(o);
        }
        self.info.funcs.insert(key, fi);
        self.stmt_list(&body.stmts);
        if !results.is_empty() && !self.is_terminating_list(&body.stmts) {
            let at = Span::new(body.span.hi.saturating_sub(1), body.span.hi);
            self.err(at, "missing return");
        }
        self.close_scope();
        if let Some(ctx) = self.funcs.pop() {
            for (label, (span, used)) in ctx.labels {
                if !used && !ctx.has_goto {
                    self.err(span, format!("label {label} defined and not used"));
                }
            }
            for o in ctx.locals {
                if !self.states[o.0 as usize].used {
                    let ob = self.info.object(o);
                    let (span, name) = (ob.span, ob.name.clone());
                    self.err(span, format!("declared and not used: {name}"));
                }
            }
        }
    }

    fn param_object(
        &mut self,
        name: Option<&ast::Ident>,
        span: Span,
        ty: TypeId,
        kind: VarKind,
    ) -> ObjectId {
        let owner = self.current_func().unwrap_or(NodeId(u32::MAX));
        let obj = self.new_object(
            name.map(|n| n.name.as_str()).unwrap_or("_"),
            name.map(|n| n.span).unwrap_or(span),
            ObjectKind::Var(LocalVar {
                ty,
                kind,
                escapes: false,
                loop_var: false,
                owner,
            }),
        );
        if let Some(n) = name {
            self.declare(n, obj);
        }
        obj
    }

    /// A local declaration statement.
    pub fn local_decl(&mut self, d: &ast::Decl) {
        match d {
            Decl::Var(specs) => {
                for s in specs {
                    let tys = self.var_spec(s, "variable declaration");
                    for (name, ty) in s.names.iter().zip(tys) {
                        self.new_local(name, ty, VarKind::Local, false);
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
                        self.unsupported(tp, "generic types");
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
