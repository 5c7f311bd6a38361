//! Calls: function and method calls (argument passing, variadics, `f(g())`), conversions
//! `T(x)`, and the builtin functions with go/types' messages.
//!
//! Files: this one checks calls of functions and methods and their arguments;
//! `conversion.rs` conversions, `builtin.rs` the builtins.

mod builtin;
mod conversion;

use crate::diag::Span;
use crate::lang::ast::{self, ExprKind};
use crate::lang::check::info::*;
use crate::lang::check::{Checker, Operand};
use crate::library::LibFunc;
use crate::types::{Signature, TypeId, TypeKind};

impl<'a> Checker<'a> {
    /// Check a call expression.
    pub fn call(
        &mut self,
        e: &ast::Expr,
        fe: &ast::Expr,
        args: &[ast::Expr],
        ellipsis: Option<Span>,
    ) -> Operand {
        let invalid = Operand::invalid();
        let mut inner = fe;
        while let ExprKind::Paren(x) = &inner.kind {
            inner = x;
        }
        if let Some(x) = self.generic_call(e, fe, inner, args, ellipsis) {
            return x;
        }
        let f = if let ExprKind::Selector { x, sel } = &inner.kind {
            let o = self.selector(inner, x, sel, true);
            self.record(inner, &o);
            if !std::ptr::eq(inner, fe) {
                self.record(fe, &o);
            }
            o
        } else {
            self.expr_any(fe)
        };
        if f.is_invalid() {
            for a in args {
                self.expr_multi(a);
            }
            return invalid;
        }
        match f.mode {
            Mode::Type => return self.conversion_call(e, fe, f.ty, args, ellipsis),
            Mode::Builtin => {
                let b = match &inner.kind {
                    ExprKind::Ident(id) => match self
                        .info
                        .object_of(id.id)
                        .map(|o| self.info.object(o).kind.clone())
                    {
                        Some(ObjectKind::Builtin(b)) => b,
                        _ => return invalid,
                    },
                    _ => return invalid,
                };
                return self.builtin(e, b, args, ellipsis);
            }
            _ => {}
        }
        let f = self.single_value(fe, f);
        if f.is_invalid() {
            return invalid;
        }
        let sig = match self.types.under(f.ty).clone() {
            TypeKind::Func(s) => s,
            _ => {
                let d = self.describe(fe, &f);
                self.err(
                    e.span,
                    format!("invalid operation: cannot call non-function {d}"),
                );
                for a in args {
                    self.expr_multi(a);
                }
                return invalid;
            }
        };
        let kind = match &inner.kind {
            ExprKind::Ident(id) => match self
                .info
                .object_of(id.id)
                .map(|o| (o, self.info.object(o).kind.clone()))
            {
                Some((o, ObjectKind::Func { .. })) => CallKind::Func { func: o },
                _ => CallKind::Closure,
            },
            ExprKind::Selector { .. } => match self.info.selections.get(&inner.id) {
                Some(Selection::Method { method, .. }) => CallKind::Method { method: *method },
                Some(Selection::LibMethod { func, .. }) => CallKind::LibMethod(*func),
                Some(Selection::IfaceMethod { name, .. }) => {
                    CallKind::IfaceMethod { name: name.clone() }
                }
                Some(Selection::Qualified { object }) => match self.info.object(*object).kind {
                    ObjectKind::Lib { func, .. } => CallKind::Lib(func),
                    _ => CallKind::Closure,
                },
                _ => CallKind::Closure,
            },
            _ => CallKind::Closure,
        };
        let fname = self.expr_string(fe);
        let mut ci = CallInfo {
            kind,
            sig: Some(f.ty),
            pack_variadic: None,
            spread: ellipsis.is_some(),
            tuple_arg: false,
        };
        self.arguments(e, &fname, &sig, args, ellipsis, &mut ci);
        self.note_atomic_operand(&ci.kind, e, inner, args);
        self.info.calls.insert(e.id, ci);
        self.call_result(&sig)
    }

    /// The operand of a call of a function with signature `sig`.
    pub(crate) fn call_result(&mut self, sig: &Signature) -> Operand {
        match sig.results.len() {
            0 => Operand {
                mode: Mode::NoValue,
                ty: self.invalid_novalue(),
                val: None,
            },
            1 => Operand::value(sig.results[0]),
            _ => {
                let t = self.types.intern(TypeKind::Tuple(sig.results.clone()));
                Operand {
                    mode: Mode::Tuple,
                    ty: t,
                    val: None,
                }
            }
        }
    }

    /// The writer of `fmt.Fprint*(w, …)`: Go takes any `io.Writer`. An `*os.File`
    /// (`os.Stdout`, `os.Stderr`), a `*strings.Builder` or a `*bytes.Buffer` (the static type)
    /// is written in one native step: the call becomes that writer's variant
    /// ([`LibFunc::FmtFprintFile`], [`LibFunc::FmtFprintBuilder`], …). Any other writer is
    /// checked as an `io.Writer` and the call compiled as Go's (`lower::fprint`).
    fn fprint_writer(&mut self, ci: &CallInfo, ops: &[Operand]) -> Writer {
        let CallKind::Lib(f @ (LibFunc::FmtFprint | LibFunc::FmtFprintln | LibFunc::FmtFprintf)) =
            ci.kind
        else {
            return Writer::Other;
        };
        let Some(w) = ops.first() else {
            return Writer::Other;
        };
        if w.mode == Mode::Nil {
            return Writer::Other;
        }
        let ptr_to = |c: &mut Self, path: &str, name: &str| {
            let t = c.lib_types[&(path.to_string(), name.to_string())];
            c.types.intern(TypeKind::Pointer(t))
        };
        let variants = [
            (
                ptr_to(self, "os", "File"),
                [
                    LibFunc::FmtFprintFile,
                    LibFunc::FmtFprintlnFile,
                    LibFunc::FmtFprintfFile,
                ],
            ),
            (
                ptr_to(self, "strings", "Builder"),
                [
                    LibFunc::FmtFprintBuilder,
                    LibFunc::FmtFprintlnBuilder,
                    LibFunc::FmtFprintfBuilder,
                ],
            ),
            (
                ptr_to(self, "bytes", "Buffer"),
                [
                    LibFunc::FmtFprintBuffer,
                    LibFunc::FmtFprintlnBuffer,
                    LibFunc::FmtFprintfBuffer,
                ],
            ),
        ];
        for (ty, [print, println, printf]) in variants {
            if w.ty == ty {
                return Writer::Builder(match f {
                    LibFunc::FmtFprint => print,
                    LibFunc::FmtFprintln => println,
                    _ => printf,
                });
            }
        }
        Writer::Other
    }

    fn invalid_novalue(&mut self) -> TypeId {
        self.types.intern(TypeKind::Tuple(vec![]))
    }

    fn types_summary(&self, ts: &[TypeId], variadic: bool) -> String {
        let mut s = String::from("(");
        for (i, t) in ts.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            let last = i + 1 == ts.len();
            if variadic && last {
                s.push_str("...");
                let el = match self.types.kind(*t) {
                    TypeKind::Slice(e) => *e,
                    _ => *t,
                };
                s.push_str(&self.show(el));
            } else if self.is_untyped(*t) {
                if self.is_numeric(*t) {
                    s.push_str("number");
                } else {
                    s.push_str(&self.show(*t).replace("untyped ", ""));
                }
            } else {
                s.push_str(&self.show(*t));
            }
        }
        s.push(')');
        s
    }

    /// Check arguments against a signature.
    fn arguments(
        &mut self,
        call: &ast::Expr,
        fname: &str,
        sig: &Signature,
        args: &[ast::Expr],
        ellipsis: Option<Span>,
        ci: &mut CallInfo,
    ) {
        self.arguments_with(call, fname, sig, args, ellipsis, ci, None)
    }

    /// [`Checker::arguments`] with the arguments' operands when they were evaluated already
    /// (`pre`: one per argument, as `expr_multi` for a single argument, else as `expr`).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn arguments_with(
        &mut self,
        call: &ast::Expr,
        fname: &str,
        sig: &Signature,
        args: &[ast::Expr],
        ellipsis: Option<Span>,
        ci: &mut CallInfo,
        pre: Option<Vec<Operand>>,
    ) {
        // f(g()) with multi-value g.
        if args.len() == 1 && ellipsis.is_none() {
            let a = &args[0];
            let x = match pre.as_ref().and_then(|p| p.first()) {
                Some(x) => x.clone(),
                None => self.expr_multi(a),
            };
            if x.is_invalid() {
                return;
            }
            if x.mode == Mode::Tuple {
                let results = match self.types.kind(x.ty) {
                    TypeKind::Tuple(ts) => ts.clone(),
                    _ => vec![],
                };
                ci.tuple_arg = true;
                let params = self.expand_params(sig, results.len());
                if results.len() != params.len()
                    || (!sig.variadic && results.len() != sig.params.len())
                {
                    let too_many = results.len() > params.len();
                    self.count_error(call, fname, sig, &results, too_many, a.span);
                    return;
                }
                let mut conv = Vec::new();
                let mut any = false;
                for (r, p) in results.iter().zip(params.iter()) {
                    if !self.assignable(*r, *p) {
                        let rs = self.show(*r);
                        let ps = self.show(*p);
                        self.err(a.span, format!("cannot use {} (value of type {rs}) as {ps} value in argument to {fname}", self.expr_string(a)));
                    }
                    if self.is_interface(*p) && !self.is_interface(*r) {
                        any = true;
                        conv.push(Some(*p));
                    } else {
                        conv.push(None);
                    }
                }
                if sig.variadic {
                    let fixed = sig.params.len() - 1;
                    ci.pack_variadic = Some((fixed, *sig.params.last().unwrap_or(&self.invalid())));
                }
                if any {
                    self.info.tuple_implicit.insert(a.id, conv);
                }
                return;
            }
            self.check_args(call, fname, sig, args, Some(vec![x]), ellipsis, ci);
            return;
        }
        self.check_args(call, fname, sig, args, pre, ellipsis, ci);
    }

    /// Parameter types for `n` arguments (expanding a variadic tail).
    pub(crate) fn expand_params(&self, sig: &Signature, n: usize) -> Vec<TypeId> {
        if !sig.variadic {
            return sig.params.clone();
        }
        let fixed = sig.params.len() - 1;
        let el = match self.types.kind(sig.params[fixed]) {
            TypeKind::Slice(e) => *e,
            _ => self.invalid(),
        };
        let mut out: Vec<TypeId> = sig.params[..fixed].to_vec();
        while out.len() < n.max(fixed) {
            out.push(el);
        }
        out
    }

    pub(crate) fn count_error(
        &mut self,
        _call: &ast::Expr,
        fname: &str,
        sig: &Signature,
        have: &[TypeId],
        too_many: bool,
        at: Span,
    ) {
        let q = if too_many { "too many" } else { "not enough" };
        let have_s = self.types_summary(have, false);
        let want_s = self.types_summary(&sig.params, sig.variadic);
        let span = at;
        self.err(
            span,
            format!("{q} arguments in call to {fname}\n\thave {have_s}\n\twant {want_s}"),
        );
    }

    fn check_args(
        &mut self,
        call: &ast::Expr,
        fname: &str,
        sig: &Signature,
        args: &[ast::Expr],
        pre: Option<Vec<Operand>>,
        ellipsis: Option<Span>,
        ci: &mut CallInfo,
    ) {
        let mut ops: Vec<Operand> = Vec::new();
        for (i, a) in args.iter().enumerate() {
            let x = match pre.as_ref().and_then(|p| p.get(i)) {
                Some(x) => x.clone(),
                None => self.expr(a),
            };
            ops.push(x);
        }
        if ops.iter().any(|o| o.is_invalid()) {
            return;
        }
        let builder_sig;
        let sig = match self.fprint_writer(ci, &ops) {
            Writer::Other => sig,
            Writer::Builder(f) => {
                let t = self.lib_signature(f);
                ci.kind = CallKind::Lib(f);
                ci.sig = Some(t);
                builder_sig = match self.types.kind(t) {
                    TypeKind::Func(s) => s.clone(),
                    _ => sig.clone(),
                };
                &builder_sig
            }
        };
        let context = format!("argument to {fname}");
        if let Some(ell) = ellipsis {
            if !sig.variadic {
                self.err(
                    ell,
                    format!("have (...) but function is not variadic: {fname}"),
                );
                let _ = ell;
                return;
            }
            if args.len() != sig.params.len() {
                let have: Vec<TypeId> = ops.iter().map(|o| o.ty).collect();
                let too_many = args.len() > sig.params.len();
                let at = match args.get(sig.params.len()) {
                    Some(a) if too_many => a.span,
                    _ => args.last().map(|a| a.span).unwrap_or(call.span),
                };
                self.count_error(call, fname, sig, &have, too_many, at);
                return;
            }
            for (i, (a, p)) in args.iter().zip(sig.params.iter()).enumerate() {
                let _ = i;
                self.assign_to(a, &mut ops[i], *p, &context);
            }
            return;
        }
        let fixed = if sig.variadic {
            sig.params.len() - 1
        } else {
            sig.params.len()
        };
        let n = args.len();
        if n < fixed || (!sig.variadic && n > fixed) {
            let have: Vec<TypeId> = ops.iter().map(|o| o.ty).collect();
            let too_many = n > fixed;
            let at = match args.get(fixed) {
                Some(a) if too_many => a.span,
                _ => args.last().map(|a| a.span).unwrap_or(call.span),
            };
            self.count_error(call, fname, sig, &have, too_many, at);
            return;
        }
        let params = self.expand_params(sig, n);
        for (i, a) in args.iter().enumerate() {
            let p = params[i];
            self.assign_to(a, &mut ops[i], p, &context);
        }
        if sig.variadic {
            ci.pack_variadic = Some((fixed, sig.params[fixed]));
        }
    }

    // ---- conversions ----
}

/// What `fmt.Fprint*`'s writer is, for racemap ([`Checker::fprint_writer`]).
enum Writer {
    /// Any other writer, or not an `Fprint*` call: checked as written.
    Other,
    /// An `*os.File`, a `*strings.Builder` or a `*bytes.Buffer`: the call is this function's.
    Builder(LibFunc),
}
