//! Generic calls and instantiations: explicit type arguments (`Sum[int](…)`,
//! `SafeMap[string, int]{}`), and function argument type inference as Go 1.19's `infer`:
//! unify each parameter type with its typed argument's type, then constraint type inference
//! (a core type `~[]E` binds `E`), then the default types of untyped constant arguments for
//! parameters that are a bare type parameter, then constraint inference again; with
//! go/types' messages when it fails.

use crate::diag::Span;
use crate::lang::ast::{self, ExprKind};
use crate::lang::check::info::*;
use crate::lang::check::{Checker, Operand};
use crate::types::{Basic, Signature, TypeId, TypeKind, TypeTable};

impl<'a> Checker<'a> {
    /// A call of a generic function (`Sum(1, 2)`, `Sum[int](1, 2)`); `None` when `inner` (the
    /// callee without parentheses) names no generic function.
    pub(crate) fn generic_call(
        &mut self,
        e: &ast::Expr,
        fe: &ast::Expr,
        inner: &ast::Expr,
        args: &[ast::Expr],
        ellipsis: Option<Span>,
    ) -> Option<Operand> {
        let (xe, indices): (&ast::Expr, &[ast::Expr]) = match &inner.kind {
            ExprKind::Index { x, indices } => (x, indices),
            _ => (inner, &[]),
        };
        let gobj = self.generic_object(xe)?;
        if !self.generics.funcs.contains_key(&gobj) {
            return None;
        }
        let ExprKind::Ident(id) = &xe.unparen().kind else {
            return None;
        };
        let invalid = Operand::invalid();
        self.record_ident(id, gobj, false);
        let eval_args = |c: &mut Self| {
            for a in args {
                c.expr_multi(a);
            }
        };
        let Some((phs, gsig)) = self.generic_signature(gobj) else {
            eval_args(self);
            return Some(invalid);
        };
        let TypeKind::Func(sig) = self.types.kind(gsig).clone() else {
            eval_args(self);
            return Some(invalid);
        };
        // Explicit type arguments.
        let mut bind: Vec<Option<TypeId>> = vec![None; phs.len()];
        let mut spans: Vec<Span> = vec![xe.span; phs.len()];
        if indices.len() > phs.len() {
            self.err(
                indices[phs.len()].span,
                format!(
                    "got {} type arguments but want {}",
                    indices.len(),
                    phs.len()
                ),
            );
            eval_args(self);
            return Some(invalid);
        }
        for (i, ix) in indices.iter().enumerate() {
            let t = self.resolve_type(ix);
            if t == self.invalid() {
                eval_args(self);
                return Some(invalid);
            }
            bind[i] = Some(t);
            spans[i] = ix.span;
        }
        // The arguments, once.
        let mut ops: Vec<Operand> = Vec::new();
        let mut arg_tys: Vec<(TypeId, Option<&ast::Expr>)> = Vec::new();
        if args.len() == 1 && ellipsis.is_none() {
            let x = self.expr_multi(&args[0]);
            if x.mode == Mode::Tuple {
                if let TypeKind::Tuple(ts) = self.types.kind(x.ty).clone() {
                    arg_tys = ts.into_iter().map(|t| (t, None)).collect();
                }
            } else {
                arg_tys.push((x.ty, Some(&args[0])));
            }
            ops.push(x);
        } else {
            for a in args {
                let x = self.expr(a);
                arg_tys.push((x.ty, Some(a)));
                ops.push(x);
            }
        }
        if ops.iter().any(|o| o.is_invalid()) {
            return Some(invalid);
        }
        let fname = self.expr_string(fe);
        let n = arg_tys.len();
        let fixed = sig.params.len() - usize::from(sig.variadic);
        if n < fixed || (!sig.variadic && n > fixed) {
            let have: Vec<TypeId> = arg_tys.iter().map(|a| a.0).collect();
            let too_many = n > fixed;
            let at = match args.get(fixed) {
                Some(a) if too_many => a.span,
                _ => args.last().map(|a| a.span).unwrap_or(e.span),
            };
            self.count_error(e, &fname, &sig, &have, too_many, at);
            return Some(invalid);
        }
        let params = if ellipsis.is_some() {
            sig.params.clone()
        } else {
            self.expand_params(&sig, n)
        };
        if !self.infer(e, gobj, &phs, &params, &arg_tys, &mut bind) {
            return Some(invalid);
        }
        let targs: Vec<TypeId> = bind
            .into_iter()
            .map(|b| b.unwrap_or(self.invalid()))
            .collect();
        let Some(obj) = self.instantiate_func(gobj, &targs, &spans) else {
            return Some(invalid);
        };
        self.note_instance_use(id, obj);
        let ty = match &self.info.object(obj).kind {
            ObjectKind::Func { ty, .. } => *ty,
            _ => return Some(invalid),
        };
        let TypeKind::Func(isig) = self.types.kind(ty).clone() else {
            return Some(invalid);
        };
        self.record(xe, &Operand::value(ty));
        if !std::ptr::eq(xe, inner) {
            self.record(inner, &Operand::value(ty));
            self.info.instances.insert(inner.id, obj);
        }
        let mut ci = CallInfo {
            kind: CallKind::Func { func: obj },
            sig: Some(ty),
            pack_variadic: None,
            spread: ellipsis.is_some(),
            tuple_arg: false,
        };
        self.arguments_with(e, &fname, &isig, args, ellipsis, &mut ci, Some(ops));
        self.info.calls.insert(e.id, ci);
        Some(self.call_result(&isig))
    }

    /// Record that identifier `id` (naming a generic function) denotes instance `obj` here.
    fn note_instance_use(&mut self, id: &ast::Ident, obj: ObjectId) {
        self.record_ident(id, obj, false);
        if let Some(d) = self.current_decl {
            self.refs.entry(d).or_default().insert(obj, ());
        }
    }

    /// `G[A, B]` where `G` is a generic function or type (not called): the instance, as a value
    /// or a type; `None` when `xe` names neither.
    pub(crate) fn generic_index(
        &mut self,
        e: &ast::Expr,
        xe: &ast::Expr,
        indices: &[ast::Expr],
    ) -> Option<Operand> {
        let gobj = self.generic_object(xe)?;
        let ExprKind::Ident(id) = &xe.unparen().kind else {
            return None;
        };
        let invalid = Operand::invalid();
        let mut targs = Vec::new();
        for ix in indices {
            targs.push(self.resolve_type(ix));
        }
        if targs.contains(&self.invalid()) {
            return Some(invalid);
        }
        let spans: Vec<Span> = indices.iter().map(|i| i.span).collect();
        if self.generics.types.contains_key(&gobj) {
            self.record_ident(id, gobj, false);
            let t = self.instantiate_generic_type(e, gobj, &targs, &spans);
            if t == self.invalid() {
                return Some(invalid);
            }
            let op = Operand {
                mode: Mode::Type,
                ty: t,
                val: None,
            };
            self.record(xe, &op);
            return Some(op);
        }
        let Some((phs, _)) = self.generic_signature(gobj) else {
            return Some(invalid);
        };
        if targs.len() > phs.len() {
            self.err(
                indices[phs.len()].span,
                format!("got {} type arguments but want {}", targs.len(), phs.len()),
            );
            return Some(invalid);
        }
        if targs.len() < phs.len() {
            let name = &self.info.object(gobj).name;
            let missing = self.placeholder_names(&phs[targs.len()..]);
            let _ = name;
            self.err(
                e.span,
                format!(
                    "cannot infer {missing} ({})",
                    self.tparam_position(gobj, targs.len())
                ),
            );
            return Some(invalid);
        }
        let obj = self.instantiate_func(gobj, &targs, &spans)?;
        self.note_instance_use(id, obj);
        let ty = match &self.info.object(obj).kind {
            ObjectKind::Func { ty, .. } => *ty,
            _ => return Some(invalid),
        };
        self.record(xe, &Operand::value(ty));
        self.info.instances.insert(e.id, obj);
        Some(Operand::value(ty))
    }

    /// The instance of generic type `gobj` written `e` (count checked: Go's `got 2 arguments
    /// but 1 type parameters`).
    pub(crate) fn instantiate_generic_type(
        &mut self,
        e: &ast::Expr,
        gobj: ObjectId,
        targs: &[TypeId],
        spans: &[Span],
    ) -> TypeId {
        let phs = self.type_placeholders(gobj);
        if targs.len() != phs.len() {
            let q = if targs.len() > phs.len() {
                ""
            } else {
                "not enough "
            };
            let _ = q;
            self.err(
                e.span,
                format!(
                    "got {} arguments but {} type parameters",
                    targs.len(),
                    phs.len()
                ),
            );
            return self.invalid();
        }
        self.instantiate_type(gobj, targs, spans)
    }

    /// `T`, `T and U`, `T, U, and V` (go/types' typeParamsString).
    fn placeholder_names(&self, phs: &[TypeId]) -> String {
        let names: Vec<String> = phs.iter().map(|t| self.show(*t)).collect();
        match names.len() {
            0 => String::new(),
            1 => names[0].clone(),
            2 => format!("{} and {}", names[0], names[1]),
            _ => {
                let (last, rest) = names.split_last().unwrap_or((&names[0], &[]));
                format!("{}, and {last}", rest.join(", "))
            }
        }
    }

    /// Where type parameter `i` of generic function `gobj` is declared (`prog.go:9:10`).
    fn tparam_position(&self, gobj: ObjectId, i: usize) -> String {
        let Some(&decl) = self.generics.funcs.get(&gobj) else {
            return String::new();
        };
        let ast::Decl::Func(fd) = &self.file.decls[decl] else {
            return String::new();
        };
        let span = fd
            .tparams
            .get(i)
            .map(|p| p.name.as_ref().map_or(p.span, |n| n.span))
            .unwrap_or(fd.name.span);
        self.position(span).unwrap_or_default()
    }

    /// Infer the missing entries of `bind` (Go 1.19's `infer`); `false` after reporting why
    /// not.
    fn infer(
        &mut self,
        call: &ast::Expr,
        gobj: ObjectId,
        phs: &[TypeId],
        params: &[TypeId],
        args: &[(TypeId, Option<&ast::Expr>)],
        bind: &mut [Option<TypeId>],
    ) -> bool {
        let mut untyped = Vec::new();
        for (i, (p, (a, ae))) in params.iter().zip(args).enumerate() {
            if !self.mentions_placeholder(*p, phs) {
                continue;
            }
            if !self.is_untyped(*a) {
                if !self.unify(*p, *a, phs, bind, 0) {
                    self.infer_error("type", *p, *a, *ae, call, phs, bind);
                    return false;
                }
            } else if phs.contains(p) {
                untyped.push(i);
            }
        }
        self.infer_core(phs, bind);
        // Untyped constants: a bare type parameter still unknown takes the first one's default
        // type; a later one's default type must then be the same (Go 1.19). From Go 1.21 it
        // takes the default type of the "largest" of them, as an operator's untyped operands
        // do (`Sum(1, 2.5)` is a float64 sum).
        let known: Vec<bool> = bind.iter().map(|b| b.is_some()).collect();
        if self.lang.minor() >= 21 {
            return self.infer_untyped_go121(call, gobj, phs, params, args, &untyped, bind);
        }
        for i in untyped {
            let p = params[i];
            let Some(k) = phs.iter().position(|x| *x == p) else {
                continue;
            };
            if known[k] {
                continue;
            }
            let (a, ae) = args[i];
            let d = self.default_type(a);
            if self.is_untyped(d) {
                continue;
            }
            match bind[k] {
                None => bind[k] = Some(d),
                Some(b) if b != d => {
                    self.infer_error("default type", p, d, ae, call, phs, bind);
                    return false;
                }
                Some(_) => {}
            }
        }
        self.infer_core(phs, bind);
        if let Some(k) = bind.iter().position(|b| b.is_none()) {
            let name = self.show(phs[k]);
            let pos = self.tparam_position(gobj, k);
            self.err(call.span, format!("cannot infer {name} ({pos})"));
            return false;
        }
        true
    }

    /// Go 1.21's step for untyped constant arguments (go/types' `infer`, "maximum untyped
    /// type"): per type parameter still unknown, the largest untyped kind of its arguments
    /// (int < rune < float), whose default type it takes; two kinds without a largest (`untyped
    /// int` and `untyped string`) are `mismatched types untyped int and untyped string (cannot
    /// infer T)`. Then the rest of [`Checker::infer`].
    #[allow(clippy::too_many_arguments)]
    fn infer_untyped_go121(
        &mut self,
        call: &ast::Expr,
        gobj: ObjectId,
        phs: &[TypeId],
        params: &[TypeId],
        args: &[(TypeId, Option<&ast::Expr>)],
        untyped: &[usize],
        bind: &mut [Option<TypeId>],
    ) -> bool {
        let mut max: Vec<Option<TypeId>> = vec![None; phs.len()];
        for &i in untyped {
            let Some(k) = phs.iter().position(|x| *x == params[i]) else {
                continue;
            };
            let (a, ae) = args[i];
            if bind[k].is_some() || a == TypeTable::basic(Basic::UntypedNil) {
                continue;
            }
            max[k] = match max[k] {
                None => Some(a),
                Some(m) => match self.max_untyped(m, a) {
                    Some(x) => Some(x),
                    None => {
                        let at = ae.map_or(call.span, |x| x.span);
                        let (ms, as_, ts) = (self.show(m), self.show(a), self.show(phs[k]));
                        self.err(
                            at,
                            format!("mismatched types {ms} and {as_} (cannot infer {ts})"),
                        );
                        return false;
                    }
                },
            };
        }
        for (k, m) in max.into_iter().enumerate() {
            if let Some(m) = m {
                bind[k] = Some(self.default_type(m));
            }
        }
        self.infer_core(phs, bind);
        if let Some(k) = bind.iter().position(|b| b.is_none()) {
            let name = self.show(phs[k]);
            let pos = self.tparam_position(gobj, k);
            self.err(call.span, format!("cannot infer {name} ({pos})"));
            return false;
        }
        true
    }

    /// The larger of two untyped constant kinds (go/types' `maxType`): numeric kinds order
    /// int < rune < float; other kinds only match themselves.
    fn max_untyped(&self, a: TypeId, b: TypeId) -> Option<TypeId> {
        let rank = |t: TypeId| match self.basic(t) {
            Some(Basic::UntypedInt) => Some(1),
            Some(Basic::UntypedRune) => Some(2),
            Some(Basic::UntypedFloat) => Some(3),
            _ => None,
        };
        match (rank(a), rank(b)) {
            (Some(x), Some(y)) => Some(if x >= y { a } else { b }),
            _ => (a == b).then_some(a),
        }
    }

    /// go/types' inference errors: `type []string of ys does not match inferred type []int for
    /// []T`, `default type float64 of 2.5 does not match inferred type int for T`.
    #[allow(clippy::too_many_arguments)]
    fn infer_error(
        &mut self,
        kind: &str,
        p: TypeId,
        a: TypeId,
        ae: Option<&ast::Expr>,
        call: &ast::Expr,
        phs: &[TypeId],
        bind: &[Option<TypeId>],
    ) {
        let at = ae.map_or(call.span, |x| x.span);
        let text = ae.map(|x| self.expr_string(x)).unwrap_or_default();
        let (ps, as_) = (self.show(p), self.show(a));
        if bind.iter().all(|b| b.is_none()) {
            let all = self.placeholder_names(phs);
            self.err(
                at,
                format!("{kind} {as_} of {text} does not match {ps} (cannot infer {all})"),
            );
            return;
        }
        let inferred = self.substitute(p, phs, bind, 0);
        if inferred != p {
            let is = self.show(inferred);
            self.err(
                at,
                format!("{kind} {as_} of {text} does not match inferred type {is} for {ps}"),
            );
        } else {
            self.err(at, format!("{kind} {as_} of {text} does not match {ps}"));
        }
    }

    /// Constraint type inference: a type parameter whose constraint has a single term (a core
    /// type, `~[]E`) unifies that term with its argument's (underlying) type, or takes it when
    /// the term is exact and nothing else bound it.
    fn infer_core(&mut self, phs: &[TypeId], bind: &mut [Option<TypeId>]) {
        for _ in 0..phs.len() {
            for k in 0..phs.len() {
                let Some(c) = self.generics.placeholders.get(&phs[k]).cloned() else {
                    continue;
                };
                let Some([term]) = c.terms.as_deref() else {
                    continue;
                };
                match bind[k] {
                    Some(a) => {
                        let a = if term.tilde {
                            self.types.underlying(a)
                        } else {
                            a
                        };
                        let _ = self.unify(term.ty, a, phs, bind, 0);
                    }
                    None if !term.tilde => {
                        // The term's type with the known type arguments (`*T` → `*Item`).
                        let t = self.substitute(term.ty, phs, bind, 0);
                        if !self.mentions_placeholder(t, phs) {
                            bind[k] = Some(t);
                        }
                    }
                    None => {}
                }
            }
        }
    }

    /// Whether `t` mentions one of `phs`.
    fn mentions_placeholder(&self, t: TypeId, phs: &[TypeId]) -> bool {
        self.type_mentions(t, &|_, x| phs.contains(&x))
    }

    /// `t` with the bound placeholders replaced (for messages).
    fn substitute(&mut self, t: TypeId, phs: &[TypeId], bind: &[Option<TypeId>], d: u32) -> TypeId {
        if let Some(k) = phs.iter().position(|x| *x == t) {
            return bind[k].unwrap_or(t);
        }
        if d > 16 {
            return t;
        }
        let kind = match self.types.kind(t).clone() {
            TypeKind::Pointer(e) => TypeKind::Pointer(self.substitute(e, phs, bind, d + 1)),
            TypeKind::Slice(e) => TypeKind::Slice(self.substitute(e, phs, bind, d + 1)),
            TypeKind::Array(n, e) => TypeKind::Array(n, self.substitute(e, phs, bind, d + 1)),
            TypeKind::Chan(dir, e) => TypeKind::Chan(dir, self.substitute(e, phs, bind, d + 1)),
            TypeKind::Map(k, v) => TypeKind::Map(
                self.substitute(k, phs, bind, d + 1),
                self.substitute(v, phs, bind, d + 1),
            ),
            TypeKind::Func(s) => TypeKind::Func(Signature {
                params: s
                    .params
                    .iter()
                    .map(|x| self.substitute(*x, phs, bind, d + 1))
                    .collect(),
                results: s
                    .results
                    .iter()
                    .map(|x| self.substitute(*x, phs, bind, d + 1))
                    .collect(),
                variadic: s.variadic,
                names: s.names.clone(),
            }),
            _ => return t,
        };
        self.types.intern(kind)
    }

    /// Unify parameter type `p` (in terms of `phs`) with argument type `a`, binding
    /// placeholders (inexactly: a named argument matches a literal parameter by its
    /// underlying type).
    fn unify(
        &self,
        p: TypeId,
        a: TypeId,
        phs: &[TypeId],
        bind: &mut [Option<TypeId>],
        d: u32,
    ) -> bool {
        if let Some(k) = phs.iter().position(|x| *x == p) {
            return match bind[k] {
                Some(b) => b == a,
                None => {
                    bind[k] = Some(a);
                    true
                }
            };
        }
        if p == a || !self.mentions_placeholder(p, phs) {
            return p == a || d == 0;
        }
        if d > 32 {
            return false;
        }
        let d = d + 1;
        if let TypeKind::Named { .. } = self.types.kind(p) {
            let (po, ao) = (self.generics.origin.get(&p), self.generics.origin.get(&a));
            if po.is_none() || po != ao {
                return false;
            }
            let (pa, aa) = (
                self.types.type_args(p).to_vec(),
                self.types.type_args(a).to_vec(),
            );
            return pa.len() == aa.len()
                && pa
                    .iter()
                    .zip(&aa)
                    .all(|(x, y)| self.unify(*x, *y, phs, bind, d));
        }
        let ak = match self.types.kind(a) {
            TypeKind::Named { .. } => self.types.under(a).clone(),
            k => k.clone(),
        };
        match (self.types.kind(p).clone(), ak) {
            (TypeKind::Pointer(x), TypeKind::Pointer(y))
            | (TypeKind::Slice(x), TypeKind::Slice(y)) => self.unify(x, y, phs, bind, d),
            // Inexact unification ignores channel directions (assignability checks them).
            (TypeKind::Chan(_, x), TypeKind::Chan(_, y)) => self.unify(x, y, phs, bind, d),
            (TypeKind::Array(n, x), TypeKind::Array(m, y)) => {
                n == m && self.unify(x, y, phs, bind, d)
            }
            (TypeKind::Map(k1, v1), TypeKind::Map(k2, v2)) => {
                self.unify(k1, k2, phs, bind, d) && self.unify(v1, v2, phs, bind, d)
            }
            (TypeKind::Func(s1), TypeKind::Func(s2)) => {
                s1.variadic == s2.variadic
                    && s1.params.len() == s2.params.len()
                    && s1.results.len() == s2.results.len()
                    && s1
                        .params
                        .iter()
                        .zip(&s2.params)
                        .chain(s1.results.iter().zip(&s2.results))
                        .all(|(x, y)| self.unify(*x, *y, phs, bind, d))
            }
            (TypeKind::Struct(f1), TypeKind::Struct(f2)) => {
                f1.len() == f2.len()
                    && f1.iter().zip(&f2).all(|(x, y)| {
                        x.name == y.name
                            && x.embedded == y.embedded
                            && self.unify(x.ty, y.ty, phs, bind, d)
                    })
            }
            _ => false,
        }
    }
}
