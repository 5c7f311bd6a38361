//! Calls: function and method calls (argument passing, variadics, `f(g())`), conversions
//! `T(x)`, and the builtin functions with go/types' messages.

use crate::diag::Span;
use crate::lang::ast::print::expr_string;
use crate::lang::ast::{self, ExprKind};
use crate::lang::check::constant::{self, NotRepresentable};
use crate::lang::check::info::*;
use crate::lang::check::{Checker, Operand};
use crate::lang::types::{Basic, Signature, TypeId, TypeKind, TypeTable};

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
                Some(Selection::Qualified { object }) => match self.info.object(*object).kind {
                    ObjectKind::Lib { func, .. } => CallKind::Lib(func),
                    _ => CallKind::Closure,
                },
                _ => CallKind::Closure,
            },
            _ => CallKind::Closure,
        };
        let fname = expr_string(fe);
        let mut ci = CallInfo {
            kind,
            sig: Some(f.ty),
            pack_variadic: None,
            spread: ellipsis.is_some(),
            tuple_arg: false,
        };
        self.arguments(e, &fname, &sig, args, ellipsis, &mut ci);
        self.info.calls.insert(e.id, ci);
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
        // f(g()) with multi-value g.
        if args.len() == 1 && ellipsis.is_none() {
            let a = &args[0];
            let x = self.expr_multi(a);
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
                        self.err(a.span, format!("cannot use {} (value of type {rs}) as {ps} value in argument to {fname}", expr_string(a)));
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
            self.check_args(call, fname, sig, args, Some(x), ellipsis, ci);
            return;
        }
        self.check_args(call, fname, sig, args, None, ellipsis, ci);
    }

    /// Parameter types for `n` arguments (expanding a variadic tail).
    fn expand_params(&self, sig: &Signature, n: usize) -> Vec<TypeId> {
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

    fn count_error(
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
        first: Option<Operand>,
        ellipsis: Option<Span>,
        ci: &mut CallInfo,
    ) {
        let mut ops: Vec<Operand> = Vec::new();
        for (i, a) in args.iter().enumerate() {
            let x = match (&first, i) {
                (Some(x), 0) => x.clone(),
                _ => self.expr(a),
            };
            ops.push(x);
        }
        if ops.iter().any(|o| o.is_invalid()) {
            return;
        }
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

    fn conversion_call(
        &mut self,
        e: &ast::Expr,
        fe: &ast::Expr,
        t: TypeId,
        args: &[ast::Expr],
        ellipsis: Option<Span>,
    ) -> Operand {
        let invalid = Operand::invalid();
        let ts = self.show(t);
        if args.len() != 1 || ellipsis.is_some() {
            for a in args {
                self.expr(a);
            }
            if args.is_empty() {
                self.err(
                    Span::new(e.span.hi.saturating_sub(1), e.span.hi),
                    format!("missing argument in conversion to {ts}"),
                );
            } else if ellipsis.is_some() {
                self.err(e.span, format!("invalid use of ... in conversion to {ts}"));
            } else {
                self.err(
                    args[1].span,
                    format!("too many arguments in conversion to {ts}"),
                );
            }
            return invalid;
        }
        let _ = fe;
        let a = &args[0];
        let x = self.expr(a);
        if x.is_invalid() || t == self.invalid() {
            return invalid;
        }
        self.info.calls.insert(
            e.id,
            CallInfo {
                kind: CallKind::Conversion { to: t },
                sig: None,
                pack_variadic: None,
                spread: false,
                tuple_arg: false,
            },
        );
        self.conversion(e, a, x, t)
    }

    /// `T(x)`.
    pub fn conversion(
        &mut self,
        e: &ast::Expr,
        a: &ast::Expr,
        mut x: Operand,
        t: TypeId,
    ) -> Operand {
        let invalid = Operand::invalid();
        let ts = self.show(t);
        let tb = self.basic(t);
        // Constant conversions.
        if let (Some(v), Mode::Constant, Some(tb)) = (x.val.clone(), x.mode, tb) {
            // Integer → string: string(rune).
            if matches!(tb, Basic::String) && self.is_integer(x.ty) {
                let c = constant::to_int(&v)
                    .and_then(|i| u32::try_from(i).ok())
                    .and_then(char::from_u32)
                    .unwrap_or('\u{FFFD}');
                let d = if self.is_untyped(x.ty) {
                    TypeTable::basic(Basic::Int32)
                } else {
                    x.ty
                };
                self.set_type(a, &mut x, d);
                return Operand::constant(t, ConstValue::String(c.to_string()));
            }
            let kinds_ok = (self.is_numeric(x.ty)
                && (tb.int_info().is_some() || matches!(tb, Basic::Float32 | Basic::Float64)))
                || (self.is_string(x.ty) && tb == Basic::String)
                || (self.is_bool(x.ty) && tb == Basic::Bool);
            if kinds_ok {
                // A typed float constant converted to an integer truncates only for
                // non-constant values; constants must be exact.
                match constant::represent(&v, tb) {
                    Ok(v2) => {
                        if self.is_untyped(x.ty) {
                            let target = if self.is_float(x.ty) && tb.int_info().is_some() {
                                self.default_type(x.ty)
                            } else {
                                t
                            };
                            self.set_type(a, &mut x, target);
                        }
                        return Operand::constant(t, v2);
                    }
                    Err(NotRepresentable::Overflows)
                        if self.is_integer(x.ty) && tb.int_info().is_some() =>
                    {
                        self.err(
                            a.span,
                            format!("constant {} overflows {ts}", constant::show(&v)),
                        );
                        return invalid;
                    }
                    Err(r) => {
                        let d = self.describe(a, &x);
                        let why = match r {
                            NotRepresentable::Truncated => " (truncated)",
                            _ => "",
                        };
                        self.err(a.span, format!("cannot convert {d} to type {ts}{why}"));
                        return invalid;
                    }
                }
            }
        }
        if x.mode == Mode::Nil {
            if self.assignable(x.ty, t) {
                x.ty = t;
                self.update_nil(a, t);
                return Operand::value(t);
            }
            self.err(a.span, format!("cannot convert nil to type {ts}"));
            return invalid;
        }
        if self.is_untyped(x.ty) {
            // Non-constant untyped (a comparison result) or constant to non-basic type.
            let d = self.default_type(x.ty);
            self.set_type(a, &mut x, d);
        }
        if self.convertible(x.ty, t) {
            if self.is_interface(t)
                && !self.is_interface(x.ty)
                && t != self.any_type
                && !self.assignable(x.ty, t)
            {
                let d = self.describe(a, &x);
                self.err(a.span, format!("cannot convert {d} to type {ts}"));
                return invalid;
            }
            let _ = e;
            return Operand::value(t);
        }
        let d = self.describe(a, &x);
        self.err(a.span, format!("cannot convert {d} to type {ts}"));
        invalid
    }

    /// Non-constant convertibility.
    fn convertible(&self, v: TypeId, t: TypeId) -> bool {
        if self.assignable(v, t) {
            return true;
        }
        let (vu, tu) = (self.types.underlying(v), self.types.underlying(t));
        if vu == tu {
            return true;
        }
        if let (TypeKind::Pointer(a), TypeKind::Pointer(b)) =
            (self.types.kind(vu), self.types.kind(tu))
        {
            if self.types.underlying(*a) == self.types.underlying(*b) {
                return true;
            }
        }
        if self.is_numeric(v) && self.is_numeric(t) {
            return true;
        }
        if self.is_integer(v) && self.is_string(t) {
            return true;
        }
        let byte_or_rune_slice = |x: TypeId| match self.types.under(x) {
            TypeKind::Slice(e) => matches!(self.basic(*e), Some(Basic::Uint8 | Basic::Int32)),
            _ => false,
        };
        if self.is_string(v) && byte_or_rune_slice(t) || self.is_string(t) && byte_or_rune_slice(v)
        {
            return true;
        }
        false
    }

    // ---- builtins ----

    fn builtin(
        &mut self,
        e: &ast::Expr,
        b: Builtin,
        args: &[ast::Expr],
        ellipsis: Option<Span>,
    ) -> Operand {
        let invalid = Operand::invalid();
        let name = b.name();
        let call_s = expr_string(e);
        let int = TypeTable::basic(Basic::Int);
        let (min, max): (usize, Option<usize>) = match b {
            Builtin::Len
            | Builtin::Cap
            | Builtin::Close
            | Builtin::Clear
            | Builtin::Panic
            | Builtin::New => (1, Some(1)),
            Builtin::Delete | Builtin::Copy => (2, Some(2)),
            Builtin::Append | Builtin::Make | Builtin::Min | Builtin::Max => (1, None),
            Builtin::Print | Builtin::Println => (0, None),
            Builtin::Recover => (0, Some(0)),
        };
        if b == Builtin::Recover {
            self.unsupported(e.span, "recover");
            return invalid;
        }
        if ellipsis.is_some() && b != Builtin::Append {
            self.err(
                e.span,
                format!("invalid operation: invalid use of ... with built-in {name}"),
            );
            return invalid;
        }
        if args.len() < min {
            self.err(
                Span::new(e.span.hi.saturating_sub(1), e.span.hi),
                format!(
                    "not enough arguments for {call_s} (expected {min}, found {})",
                    args.len()
                ),
            );
            for a in args {
                self.expr_any(a);
            }
            return invalid;
        }
        if let Some(mx) = max {
            if args.len() > mx {
                self.err(
                    args[mx].span,
                    format!(
                        "too many arguments for {call_s} (expected {mx}, found {})",
                        args.len()
                    ),
                );
                return invalid;
            }
        }
        let mut ci = CallInfo {
            kind: CallKind::Builtin(b),
            sig: None,
            pack_variadic: None,
            spread: ellipsis.is_some(),
            tuple_arg: false,
        };
        let result = match b {
            Builtin::Make | Builtin::New => {
                let t = self.resolve_type(&args[0]);
                if t == self.invalid() {
                    return invalid;
                }
                if b == Builtin::New {
                    for a in &args[1..] {
                        self.expr(a);
                    }
                    let p = self.types.intern(TypeKind::Pointer(t));
                    Operand::value(p)
                } else {
                    let (lo, hi) = match self.types.under(t) {
                        TypeKind::Slice(_) => (2, 3),
                        TypeKind::Map(..) | TypeKind::Chan(..) => (1, 2),
                        _ => {
                            let ts = self.show(t);
                            self.err(args[0].span, format!("invalid argument: cannot make {ts}; type must be slice, map, or channel"));
                            return invalid;
                        }
                    };
                    if args.len() < lo || args.len() > hi {
                        let ts = expr_string(&args[0]);
                        let what = if lo == 2 {
                            "2 or 3 arguments"
                        } else {
                            "1 or 2 arguments"
                        };
                        self.err(
                            e.span,
                            format!(
                                "invalid operation: {call_s} expects {what}; found {}",
                                args.len()
                            ),
                        );
                        let _ = ts;
                        return invalid;
                    }
                    for a in &args[1..] {
                        let mut x = self.expr(a);
                        if x.is_invalid() {
                            continue;
                        }
                        if self.is_untyped(x.ty) {
                            if !matches!(x.val.as_ref().and_then(constant::to_int), Some(n) if n >= 0)
                            {
                                let d = self.describe(a, &x);
                                self.err(a.span, format!("cannot convert {d} to type int"));
                                continue;
                            }
                            self.set_type(a, &mut x, int);
                        } else if !self.is_integer(x.ty) {
                            let d = self.describe(a, &x);
                            self.err(a.span, format!("cannot convert {d} to type int"));
                        }
                    }
                    Operand::value(t)
                }
            }
            Builtin::Len | Builtin::Cap => {
                let x = self.expr(&args[0]);
                if x.is_invalid() {
                    return invalid;
                }
                let mut base = self.types.under(x.ty).clone();
                if let TypeKind::Pointer(p) = base {
                    if let TypeKind::Array(..) = self.types.under(p) {
                        base = self.types.under(p).clone();
                    }
                }
                let ok = match &base {
                    TypeKind::Basic(Basic::String | Basic::UntypedString) => b == Builtin::Len,
                    TypeKind::Array(..) | TypeKind::Slice(_) | TypeKind::Chan(..) => true,
                    TypeKind::Map(..) => b == Builtin::Len,
                    _ => false,
                };
                if !ok {
                    let d = self.describe(&args[0], &x);
                    self.err(
                        args[0].span,
                        format!("invalid argument: {d} for built-in {name}"),
                    );
                    return invalid;
                }
                let mut a0 = x.clone();
                self.default_operand(&args[0], &mut a0);
                match (&base, &x.val) {
                    (_, Some(ConstValue::String(s))) => {
                        Operand::constant(int, ConstValue::Int(s.len() as i128))
                    }
                    (TypeKind::Array(n, _), _) if !self.has_call_or_recv(&args[0]) => {
                        Operand::constant(int, ConstValue::Int(*n as i128))
                    }
                    _ => Operand::value(int),
                }
            }
            Builtin::Append => {
                let mut s = self.expr(&args[0]);
                if s.is_invalid() {
                    return invalid;
                }
                let elem = match self.types.under(s.ty) {
                    TypeKind::Slice(el) => *el,
                    _ => {
                        let cause = if s.mode == Mode::Nil {
                            "have untyped nil".to_string()
                        } else {
                            format!("have {}", self.describe(&args[0], &s))
                        };
                        self.err(
                            args[0].span,
                            format!("first argument to append must be a slice; {cause}"),
                        );
                        return invalid;
                    }
                };
                let _ = &mut s;
                if ellipsis.is_some() {
                    if args.len() != 2 {
                        self.err(
                            e.span,
                            "can only use ... with final argument in list".to_string(),
                        );
                        return invalid;
                    }
                    let mut x = self.expr(&args[1]);
                    if x.is_invalid() {
                        return invalid;
                    }
                    // append([]byte, string...) is allowed.
                    let is_bytes =
                        matches!(self.basic(elem), Some(Basic::Uint8)) && self.is_string(x.ty);
                    if is_bytes {
                        self.default_operand(&args[1], &mut x);
                    } else {
                        let st = self.types.intern(TypeKind::Slice(elem));
                        self.assign_to(&args[1], &mut x, st, "argument to append");
                    }
                } else {
                    for a in &args[1..] {
                        let mut x = self.expr_hint(a, elem);
                        self.assign_to(a, &mut x, elem, "argument to append");
                    }
                    let st = self.types.intern(TypeKind::Slice(elem));
                    ci.pack_variadic = Some((1, st));
                }
                Operand::value(s.ty)
            }
            Builtin::Delete => {
                let m = self.expr(&args[0]);
                let mut k = self.expr(&args[1]);
                if m.is_invalid() || k.is_invalid() {
                    return invalid;
                }
                match self.types.under(m.ty).clone() {
                    TypeKind::Map(kt, _) => {
                        self.assign_to(&args[1], &mut k, kt, "argument to delete");
                    }
                    _ => {
                        let d = self.describe(&args[0], &m);
                        self.err(args[0].span, format!("invalid argument: {d} is not a map"));
                        return invalid;
                    }
                }
                Operand {
                    mode: Mode::NoValue,
                    ty: self.invalid_novalue(),
                    val: None,
                }
            }
            Builtin::Close => {
                let c = self.expr(&args[0]);
                if c.is_invalid() {
                    return invalid;
                }
                match self.types.under(c.ty) {
                    TypeKind::Chan(ast::ChanDir::Recv, _) => {
                        let d = self.describe(&args[0], &c);
                        self.err(
                            args[0].span,
                            format!("invalid operation: cannot close receive-only channel {d}"),
                        );
                        return invalid;
                    }
                    TypeKind::Chan(..) => {}
                    _ => {
                        let d = self.describe(&args[0], &c);
                        self.err(
                            args[0].span,
                            format!("invalid operation: cannot close non-channel {d}"),
                        );
                        return invalid;
                    }
                }
                Operand {
                    mode: Mode::NoValue,
                    ty: self.invalid_novalue(),
                    val: None,
                }
            }
            Builtin::Clear => {
                let c = self.expr(&args[0]);
                if c.is_invalid() {
                    return invalid;
                }
                if !matches!(
                    self.types.under(c.ty),
                    TypeKind::Map(..) | TypeKind::Slice(_)
                ) {
                    let d = self.describe(&args[0], &c);
                    self.err(
                        args[0].span,
                        format!("invalid argument: {d} for built-in clear"),
                    );
                    return invalid;
                }
                Operand {
                    mode: Mode::NoValue,
                    ty: self.invalid_novalue(),
                    val: None,
                }
            }
            Builtin::Copy => {
                let d = self.expr(&args[0]);
                let mut s = self.expr(&args[1]);
                if d.is_invalid() || s.is_invalid() {
                    return invalid;
                }
                let de = match self.types.under(d.ty) {
                    TypeKind::Slice(el) => Some(*el),
                    _ => None,
                };
                let ok = match de {
                    Some(el) => {
                        if self.is_string(s.ty) && matches!(self.basic(el), Some(Basic::Uint8)) {
                            self.default_operand(&args[1], &mut s);
                            true
                        } else {
                            matches!(self.types.under(s.ty), TypeKind::Slice(se) if *se == el)
                        }
                    }
                    None => false,
                };
                if !ok {
                    let ds = self.describe(&args[0], &d);
                    let ss = self.describe(&args[1], &s);
                    self.err(
                        e.span,
                        format!(
                            "invalid argument: copy expects slice arguments; found {ds} and {ss}"
                        ),
                    );
                    return invalid;
                }
                Operand::value(int)
            }
            Builtin::Panic => {
                let mut x = self.expr(&args[0]);
                let any = self.any_type;
                self.assign_to(&args[0], &mut x, any, "argument to panic");
                Operand {
                    mode: Mode::NoValue,
                    ty: self.invalid_novalue(),
                    val: None,
                }
            }
            Builtin::Print | Builtin::Println => {
                for a in args {
                    let mut x = self.expr(a);
                    if x.mode == Mode::Nil {
                        self.err(a.span, "use of untyped nil in argument to built-in print");
                        continue;
                    }
                    self.default_operand(a, &mut x);
                }
                Operand {
                    mode: Mode::NoValue,
                    ty: self.invalid_novalue(),
                    val: None,
                }
            }
            Builtin::Min | Builtin::Max => {
                let mut ops: Vec<Operand> = args.iter().map(|a| self.expr(a)).collect();
                if ops.iter().any(|o| o.is_invalid()) {
                    return invalid;
                }
                // Common type: the first typed operand's type, else untyped.
                let typed = ops.iter().find(|o| !self.is_untyped(o.ty)).map(|o| o.ty);
                let t = typed.unwrap_or_else(|| {
                    ops.iter()
                        .map(|o| o.ty)
                        .max_by_key(|t| self.untyped_rank_pub(*t))
                        .unwrap_or(int)
                });
                for (a, o) in args.iter().zip(ops.iter_mut()) {
                    if !(self.is_numeric(o.ty) || self.is_string(o.ty)) {
                        let d = self.describe(a, o);
                        self.err(a.span, format!("invalid argument: {d} cannot be ordered"));
                        return invalid;
                    }
                    if typed.is_some() {
                        if self.is_untyped(o.ty) {
                            let ctx = format!("argument to {name}");
                            if !self.assign_to(a, o, t, &ctx) {
                                return invalid;
                            }
                        } else if o.ty != t {
                            let (ds, ts) = (self.describe(a, o), self.show(t));
                            self.err(a.span, format!("invalid argument: mismatched types {} (previous argument) and {} (type of {})", ts, self.show(o.ty), ds.split(' ').next().unwrap_or("")));
                            return invalid;
                        }
                    }
                }
                if ops.iter().all(|o| o.val.is_some()) {
                    let mut best = ops[0].val.clone().unwrap_or(ConstValue::Int(0));
                    for o in &ops[1..] {
                        let v = o.val.clone().unwrap_or(ConstValue::Int(0));
                        let less = matches!(
                            constant::binary(ast::BinaryOp::Lt, &v, &best, false),
                            Ok(ConstValue::Bool(true))
                        );
                        if (b == Builtin::Min) == less {
                            best = v;
                        }
                    }
                    Operand::constant(t, best)
                } else {
                    for (a, o) in args.iter().zip(ops.iter_mut()) {
                        self.default_operand(a, o);
                    }
                    Operand::value(self.default_type(t))
                }
            }
            Builtin::Recover => invalid,
        };
        self.info.calls.insert(e.id, ci);
        result
    }

    /// Rank of untyped numeric kinds (int < rune < float).
    pub fn untyped_rank_pub(&self, t: TypeId) -> u8 {
        match self.basic(t) {
            Some(Basic::UntypedInt) => 1,
            Some(Basic::UntypedRune) => 2,
            Some(Basic::UntypedFloat) => 3,
            _ => 0,
        }
    }

    /// Whether an expression contains a call or receive (then `len(arr)` is not constant).
    fn has_call_or_recv(&self, e: &ast::Expr) -> bool {
        match &e.kind {
            ExprKind::Call { .. } => true,
            ExprKind::Unary {
                op: ast::UnaryOp::Recv,
                ..
            } => true,
            ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary { x, .. } => {
                self.has_call_or_recv(x)
            }
            ExprKind::Selector { x, .. } => self.has_call_or_recv(x),
            ExprKind::Index { x, indices } => {
                self.has_call_or_recv(x) || indices.iter().any(|i| self.has_call_or_recv(i))
            }
            _ => false,
        }
    }
}
