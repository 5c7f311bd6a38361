//! Calls: declared functions and methods (static `Call`), function values (`CallValue`),
//! library functions (`CallLib`), builtins and conversions; and the `go`/`defer` forms, which
//! evaluate the callee and arguments now and call later.
//!
//! Arguments are evaluated left to right, implicitly converted to interfaces where the checker
//! says so, and packed into a slice for variadic parameters (except library `...any`
//! parameters, whose values are passed one by one, boxed).

use super::func::FnCx;
use super::place::strip_parens;
use crate::bytecode::FuncId;
use crate::bytecode::{Func, Instr, LibFunc, ResultSlot};
use crate::diag::Span;
use crate::lang::ast::{Expr, ExprKind};
use crate::lang::check::{Builtin, CallInfo, CallKind, RecvAdjust, Selection};
use crate::types::{Basic, TypeId, TypeKind};
use std::rc::Rc;

/// When a call runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CallMode {
    /// Now; results are pushed.
    Now,
    /// `go f(x)`.
    Go,
    /// `defer f(x)`.
    Defer,
}

/// The parts of a call expression.
struct CallParts<'e> {
    func: &'e Expr,
    args: &'e [Expr],
    info: CallInfo,
}

impl FnCx<'_, '_> {
    fn call_parts<'e>(&mut self, e: &'e Expr) -> Option<CallParts<'e>> {
        let ExprKind::Call { func, args, .. } = &strip_parens(e).kind else {
            self.unsupported(e.span, "this call");
            return None;
        };
        let Some(info) = self.lw.info.calls.get(&strip_parens(e).id).cloned() else {
            self.unsupported(e.span, "this call (no information)");
            return None;
        };
        Some(CallParts { func, args, info })
    }

    /// Lower a call expression, pushing its results.
    pub fn call(&mut self, e: &Expr) {
        self.call_mode(e, CallMode::Now);
    }

    /// A method's receiver is its call's first argument and a function value is read when
    /// the call is made: gc reads both after the ordered operands among the arguments
    /// (`order.go`'s `call`: `s.get(f())` calls `get` on `s` as `f` left it, `fv(g())` calls
    /// `fv` as `g` left it). Evaluate those operands now, before the callee is lowered; the
    /// arguments then load them ([`FnCx::hoist_calls`] finds them hoisted).
    fn hoist_before_callee(&mut self, p: &CallParts) {
        if p.info.tuple_arg {
            return;
        }
        let (callee, boxed_from) = match &p.info.kind {
            CallKind::Closure => (p.func, None),
            CallKind::Method { .. } | CallKind::IfaceMethod { .. } | CallKind::LibMethod(_) => {
                let ExprKind::Selector { x, .. } = &strip_parens(p.func).kind else {
                    return;
                };
                let boxed_from = match &p.info.kind {
                    CallKind::LibMethod(f) => f.boxed_args_from().map(|k| k + 1),
                    _ => None,
                };
                (&**x, boxed_from)
            }
            _ => return,
        };
        let operands: Vec<&Expr> = std::iter::once(callee).chain(p.args.iter()).collect();
        self.hoist_calls_boxed(&operands, boxed_from);
    }

    /// Number of results of a call's signature.
    fn sig_results(&self, sig: Option<TypeId>) -> u32 {
        match sig.map(|s| self.lw.types.under(s)) {
            Some(TypeKind::Func(s)) => s.results.len() as u32,
            _ => 0,
        }
    }

    /// Push ordinary (non-library) arguments; returns their count as the callee receives them.
    fn push_args(&mut self, args: &[Expr], info: &CallInfo) -> u32 {
        if info.tuple_arg {
            if let Some(a) = args.first() {
                let n = match self.lw.info.type_of(a.id).map(|t| self.under(t)) {
                    Some(TypeKind::Tuple(ts)) => ts.len(),
                    _ => 1,
                };
                self.expr_multi(a, n);
                if let Some((from, slice)) = info.pack_variadic {
                    let k = n.saturating_sub(from) as u32;
                    let elem = self.slice_elem(slice);
                    self.emit(Instr::SliceLit { elem, n: k });
                    return from as u32 + 1;
                }
                return n as u32;
            }
        }
        let operands: Vec<&Expr> = args.iter().collect();
        self.hoist_calls(&operands);
        match info.pack_variadic {
            Some((from, slice)) => {
                for a in &args[..from.min(args.len())] {
                    self.expr_conv(a);
                }
                let rest = args.get(from..).unwrap_or(&[]);
                for a in rest {
                    self.expr_conv(a);
                }
                let elem = self.slice_elem(slice);
                if rest.is_empty() {
                    self.emit(Instr::Zero(slice));
                } else {
                    self.emit(Instr::SliceLit {
                        elem,
                        n: rest.len() as u32,
                    });
                }
                from as u32 + 1
            }
            None => {
                for a in args {
                    self.expr_conv(a);
                }
                args.len() as u32
            }
        }
    }

    /// Push library-call arguments (`...any` values one by one, boxed).
    pub(super) fn push_lib_args(
        &mut self,
        f: LibFunc,
        args: &[Expr],
        info: &CallInfo,
        span: Span,
    ) -> u32 {
        let boxed_from = f.boxed_args_from();
        // `f(a, xs...)` of a `...any` function passes the `[]any` unboxed: the runtime spreads
        // it (`spread_args`).
        let spread_any = info.spread && boxed_from.is_some_and(|k| args.len() == k + 1);
        if info.spread && !spread_any {
            self.unsupported(span, format!("{}(xs...) with a spread slice", f.go_name()));
        }
        if info.tuple_arg {
            if let Some(a) = args.first() {
                let n = match self.lw.info.type_of(a.id).map(|t| self.under(t)) {
                    Some(TypeKind::Tuple(ts)) => ts,
                    _ => Vec::new(),
                };
                self.expr(a);
                if boxed_from.is_some() {
                    let mut temps = Vec::new();
                    for _ in 0..n.len() {
                        temps.push(self.pop_temp());
                    }
                    temps.reverse();
                    for (t, ty) in temps.iter().zip(&n) {
                        self.emit(Instr::LoadLocal(*t));
                        if !self.is_iface(*ty) {
                            self.emit(Instr::ToIface(*ty));
                        }
                    }
                }
                return n.len() as u32;
            }
        }
        let operands: Vec<&Expr> = args.iter().collect();
        self.hoist_calls_boxed(&operands, boxed_from);
        for (i, a) in args.iter().enumerate() {
            self.expr(a);
            match boxed_from {
                Some(k) if i >= k && !spread_any => self.box_any(a),
                _ => self.implicit(a),
            }
        }
        args.len() as u32
    }

    pub(super) fn slice_elem(&self, slice: TypeId) -> TypeId {
        match self.lw.types.under(slice) {
            TypeKind::Slice(e) => *e,
            _ => Self::invalid(),
        }
    }

    /// Lower a call now, or as the operand of `go`/`defer`.
    pub fn call_mode(&mut self, e: &Expr, mode: CallMode) {
        let outer = std::mem::replace(&mut self.skip_hoist, mode != CallMode::Now);
        self.call_mode_inner(e, mode);
        self.skip_hoist = outer;
    }

    fn call_mode_inner(&mut self, e: &Expr, mode: CallMode) {
        let Some(p) = self.call_parts(e) else {
            if mode == CallMode::Now {
                self.emit(Instr::Zero(Self::invalid()));
            }
            return;
        };
        let span = strip_parens(e).span;
        // Go 1.19 wraps a `go`/`defer` call in a closure (`main.main.func3`) unless it calls a
        // function value without arguments or results; the wrapper's frame shows in stacks.
        let wrap_name = if mode != CallMode::Now && self.go_wraps(&p) {
            Some(self.next_wrapper_name())
        } else {
            None
        };
        let wrap_span = Span::new(span.hi.saturating_sub(1), span.hi);
        if mode == CallMode::Now {
            self.hoist_before_callee(&p);
        }
        match p.info.kind.clone() {
            CallKind::Conversion { to } => {
                if mode != CallMode::Now {
                    self.unsupported(span, "go/defer of a conversion");
                    return;
                }
                match p.args.first() {
                    Some(a) => self.conversion(a, to),
                    None => {
                        self.emit(Instr::Zero(to));
                    }
                }
            }
            CallKind::Builtin(b) => {
                if mode == CallMode::Now {
                    self.builtin(e, b, p.args, &p.info);
                } else {
                    let name = wrap_name.unwrap_or_else(|| self.next_wrapper_name());
                    self.go_defer_builtin(&name, span, b, p.args, mode);
                }
            }
            CallKind::Lib(f)
                if p.info.spread
                    && mode == CallMode::Now
                    && matches!(f, LibFunc::FmtPrintln | LibFunc::FmtSprintln)
                    && p.args.len() == 1 =>
            {
                self.println_spread(f, &p.args[0], span);
            }
            CallKind::Lib(f) if super::fprint::is_compiled(f) => {
                self.fprint_call(f, p.args, &p.info, span, mode, wrap_name, wrap_span)
            }
            CallKind::Lib(f) if super::strings_func::is_compiled(f) => {
                self.strings_func_call(f, p.args, &p.info, span, mode, wrap_name, wrap_span)
            }
            CallKind::Lib(f) if f.spec().owner == crate::library::Owner::Package("sort") => {
                self.sort_call(f, p.args, &p.info, span, mode, wrap_name, wrap_span)
            }
            CallKind::Lib(f)
                if f.spec().owner == crate::library::Owner::Package("math/rand")
                    && !matches!(f, LibFunc::RandNew | LibFunc::RandNewSource) =>
            {
                if let Some(argc) = self.rand_args(f, p.args, &p.info, span) {
                    self.finish_lib(f, argc, span, mode, wrap_name, wrap_span, false);
                } else if let Some(fid) = self.shuffle_func(&p.info, span) {
                    let compiled = Compiled {
                        fid,
                        results: 0,
                        raw_first: false,
                    };
                    self.call_compiled(compiled, p.args, span, mode, wrap_name, wrap_span);
                }
            }
            CallKind::Lib(f) if f.spec().owner == crate::library::Owner::Package("log") => {
                // The standard logger's hidden cell, then the arguments.
                let Some(g) = self.lw.log_global else {
                    self.unsupported(span, "log without its import");
                    return;
                };
                self.emit(Instr::GlobalPtr(g));
                let argc = self.push_lib_args(f, p.args, &p.info, span) + 1;
                self.finish_lib(f, argc, span, mode, wrap_name, wrap_span, false);
            }
            CallKind::Lib(f) if super::env::is_env(f) => {
                // The environment's hidden cell, then the arguments.
                let Some(g) = self.lw.env_global else {
                    self.unsupported(span, "the environment without its global");
                    return;
                };
                self.emit(Instr::GlobalPtr(g));
                let argc = self.push_lib_args(f, p.args, &p.info, span) + 1;
                self.finish_lib(f, argc, span, mode, wrap_name, wrap_span, false);
            }
            CallKind::Lib(f) => {
                let argc = self.push_lib_args(f, p.args, &p.info, span);
                let exclusive = self.lw.info.atomic_only_calls.contains(&strip_parens(e).id);
                self.finish_lib(f, argc, span, mode, wrap_name, wrap_span, exclusive);
            }
            CallKind::LibMethod(f) => {
                let x = match &strip_parens(p.func).kind {
                    ExprKind::Selector { x, .. } => x,
                    _ => {
                        self.unsupported(span, "this method call");
                        return;
                    }
                };
                let setenv = f == LibFunc::TestingSetenv;
                if setenv {
                    // `t.Setenv`: the environment's hidden cell first (`env.rs`).
                    let Some(g) = self.lw.env_global else {
                        self.unsupported(span, "the environment without its global");
                        return;
                    };
                    self.emit(Instr::GlobalPtr(g));
                }
                match self
                    .lw
                    .info
                    .selections
                    .get(&strip_parens(p.func).id)
                    .cloned()
                {
                    Some(Selection::LibMethod { path, adjust, .. }) => {
                        self.receiver(x, &path, adjust)
                    }
                    _ => {
                        self.unsupported(span, "this method call (no selection)");
                        self.emit(Instr::Zero(Self::invalid()));
                    }
                }
                if setenv {
                    self.setenv_call(p.args, &p.info, span, mode, wrap_name, wrap_span);
                    return;
                }
                if let Some(fid) = self.lw.sort_method_func(f, span) {
                    // `sort.IntSlice`'s (and its kind's) methods run compiled (sort_types.rs).
                    let argc = self.push_lib_args(f, p.args, &p.info, span) + 1;
                    let call = Instr::Call { func: fid, argc };
                    match (mode, wrap_name) {
                        (CallMode::Now, _) => {
                            self.emit_at(call, span);
                        }
                        (_, Some(name)) => {
                            let results = f.result_count();
                            let w = self.wrapper(&name, argc, vec![call], results, wrap_span);
                            self.start_wrapper(w, argc, mode);
                        }
                        (_, None) => self.unsupported(span, "go/defer of this method"),
                    }
                    return;
                }
                if f == LibFunc::RandRandShuffle {
                    // `r.Shuffle(n, swap)` runs the compiled `(*Rand).Shuffle` (rand.rs).
                    let fid = self.rand_shuffle_method(x, &p.info, span);
                    let argc = self.push_lib_args(f, p.args, &p.info, span) + 1;
                    let call = Instr::Call { func: fid, argc };
                    match (mode, wrap_name) {
                        (CallMode::Now, _) => {
                            self.emit_at(call, span);
                        }
                        (_, Some(name)) => {
                            let w = self.wrapper(&name, argc, vec![call], 0, wrap_span);
                            self.start_wrapper(w, argc, mode);
                        }
                        (_, None) => self.unsupported(span, "go/defer of this Shuffle"),
                    }
                    return;
                }
                if f == LibFunc::CondWait {
                    // `c.Wait()` runs the compiled `sync.(*Cond).Wait` (rt::cond).
                    let fid = self.lw.cond_wait_func(span);
                    let call = Instr::Call { func: fid, argc: 1 };
                    match (mode, wrap_name) {
                        (CallMode::Now, _) => {
                            self.emit_at(call, span);
                        }
                        (_, Some(name)) => {
                            let w = self.wrapper(&name, 1, vec![call], 0, wrap_span);
                            self.start_wrapper(w, 1, mode);
                        }
                        (_, None) => self.unsupported(span, "go/defer of this Wait"),
                    }
                    return;
                }
                let argc = self.push_lib_args(f, p.args, &p.info, span) + 1;
                if f == LibFunc::TestingMRun {
                    // `m.Run()` runs the compiled `testing.(*M).Run` (runner.rs).
                    if mode != CallMode::Now {
                        self.unsupported(span, "go or defer of m.Run");
                        return;
                    }
                    let fid = self.lw.test_m_run_func(span);
                    self.emit_at(Instr::Call { func: fid, argc }, span);
                    return;
                }
                if matches!(f, LibFunc::TestingRun | LibFunc::TestingParallel) {
                    // `t.Run(name, f)` and `t.Parallel()` run the compiled
                    // `testing.(*T).Run` and `testing.(*T).Parallel` (runner.rs).
                    if mode != CallMode::Now {
                        self.unsupported(span, format!("go or defer of t.{}", f.spec().name));
                        return;
                    }
                    let fid = if f == LibFunc::TestingRun {
                        self.lw.test_run_func(span)
                    } else {
                        self.lw.test_parallel_func(span)
                    };
                    self.emit_at(Instr::Call { func: fid, argc }, span);
                    return;
                }
                let exclusive = self.lw.info.atomic_only_calls.contains(&strip_parens(e).id);
                self.finish_lib(f, argc, span, mode, wrap_name, wrap_span, exclusive);
            }
            CallKind::Func { func } => {
                let Some(fid) = self.lw.decl_funcs.get(&func).copied() else {
                    self.unsupported(span, "calling this function");
                    return;
                };
                let go_wrapped = mode != CallMode::Now && wrap_name.is_some();
                if mode != CallMode::Now && !go_wrapped {
                    self.emit(Instr::MakeClosure {
                        func: fid,
                        ncaptures: 0,
                    });
                }
                let argc = self.push_args(p.args, &p.info);
                let results = self.sig_results(p.info.sig);
                match (go_wrapped, wrap_name) {
                    (true, Some(name)) => {
                        let body = vec![Instr::Call { func: fid, argc }];
                        let w = self.wrapper(&name, argc, body, results, wrap_span);
                        self.start_wrapper(w, argc, mode);
                    }
                    _ => self.finish_static(fid, argc, span, mode),
                }
            }
            CallKind::Method { method } => {
                let Some(fid) = self.lw.decl_funcs.get(&method).copied() else {
                    self.unsupported(span, "calling this method");
                    return;
                };
                let x = match &strip_parens(p.func).kind {
                    ExprKind::Selector { x, .. } => x,
                    _ => {
                        self.unsupported(span, "this method call");
                        return;
                    }
                };
                let go_wrapped = mode != CallMode::Now && wrap_name.is_some();
                if mode != CallMode::Now && !go_wrapped {
                    self.emit(Instr::MakeClosure {
                        func: fid,
                        ncaptures: 0,
                    });
                }
                match self
                    .lw
                    .info
                    .selections
                    .get(&strip_parens(p.func).id)
                    .cloned()
                {
                    Some(Selection::Method { path, adjust, .. }) => self.receiver(x, &path, adjust),
                    _ => {
                        self.unsupported(span, "this method call (no selection)");
                        self.emit(Instr::Zero(Self::invalid()));
                    }
                }
                let argc = self.push_args(p.args, &p.info) + 1;
                let results = self.sig_results(p.info.sig);
                match (go_wrapped, wrap_name) {
                    (true, Some(name)) => {
                        let body = vec![Instr::Call { func: fid, argc }];
                        let w = self.wrapper(&name, argc, body, results, wrap_span);
                        self.start_wrapper(w, argc, mode);
                    }
                    _ => self.finish_static(fid, argc, span, mode),
                }
            }
            CallKind::IfaceMethod { name } => {
                let x = match &strip_parens(p.func).kind {
                    ExprKind::Selector { x, .. } => x,
                    _ => {
                        self.unsupported(span, "this method call");
                        return;
                    }
                };
                let sel = self
                    .lw
                    .info
                    .selections
                    .get(&strip_parens(p.func).id)
                    .cloned();
                let Some(Selection::IfaceMethod {
                    iface, sig, path, ..
                }) = sel
                else {
                    self.unsupported(span, "this method call (no selection)");
                    return;
                };
                self.receiver(x, &path, RecvAdjust::None);
                let results = self.sig_results(p.info.sig);
                if mode == CallMode::Now {
                    let argc = self.push_args(p.args, &p.info);
                    let name = self.lw.string(&name);
                    self.emit_at(
                        Instr::CallIface {
                            name,
                            argc,
                            results,
                        },
                        span,
                    );
                    return;
                }
                // `go`/`defer` evaluate the method value now (a nil interface panics here, as
                // in Go); the dynamic method runs when the call does.
                let thunk = self.lw.iface_thunk(iface, &name, sig, span);
                self.emit_at(Instr::IfaceMethodValue { thunk }, span);
                let argc = self.push_args(p.args, &p.info);
                match wrap_name {
                    Some(w) => {
                        let body = vec![Instr::CallValue { argc, results }];
                        let w = self.wrapper(&w, argc + 1, body, results, wrap_span);
                        self.start_wrapper(w, argc + 1, mode);
                    }
                    None => {
                        let instr = if mode == CallMode::Go {
                            Instr::Go { argc }
                        } else {
                            Instr::Defer { argc }
                        };
                        self.emit(instr);
                    }
                }
            }
            CallKind::Closure => {
                self.expr(p.func);
                let argc = self.push_args(p.args, &p.info);
                let results = self.sig_results(p.info.sig);
                match (mode, wrap_name) {
                    (CallMode::Now, _) => {
                        // Go places a call at its `(`: for `func() { ... }()` that is the line
                        // of the literal's closing `}`, where the caller's frame points.
                        let site = match strip_parens(p.func).kind {
                            ExprKind::FuncLit { .. } => {
                                Span::new(p.func.span.hi.saturating_sub(1), span.hi)
                            }
                            _ => span,
                        };
                        self.emit_at(Instr::CallValue { argc, results }, site);
                    }
                    (_, Some(name)) => {
                        // The wrapper receives the function value as parameter 0.
                        let body = vec![Instr::CallValue { argc, results }];
                        let w = self.wrapper(&name, argc + 1, body, results, wrap_span);
                        self.start_wrapper(w, argc + 1, mode);
                    }
                    (CallMode::Go, None) => {
                        self.emit(Instr::Go { argc });
                    }
                    (CallMode::Defer, None) => {
                        self.emit(Instr::Defer { argc });
                    }
                };
            }
        }
    }

    /// `fmt.Println(xs...)` / `fmt.Sprintln(xs...)`: Println formats every operand with `%v`
    /// and separates them with spaces, so it equals printing the elements' `Sprint`s joined
    /// by spaces; the loop reads the elements as Go does.
    fn println_spread(&mut self, f: LibFunc, xs: &Expr, span: Span) {
        let string = crate::types::TypeTable::basic(Basic::String);
        self.expr(xs);
        let s = self.pop_temp();
        let empty = self.lw.string("");
        let space = self.lw.string(" ");
        self.emit(Instr::PushStr(empty));
        let acc = self.pop_temp();
        self.emit(Instr::PushInt(0));
        let i = self.pop_temp();
        let top = self.here();
        self.emit(Instr::LoadLocal(i));
        self.emit(Instr::LoadLocal(s));
        self.emit(Instr::Len);
        self.emit(Instr::Binary(crate::bytecode::BinOp::Lt, Basic::Int));
        let jexit = self.emit(Instr::JumpIfNot(0));
        // if i > 0 { acc += " " }
        self.emit(Instr::LoadLocal(i));
        self.emit(Instr::PushInt(0));
        self.emit(Instr::Binary(crate::bytecode::BinOp::Gt, Basic::Int));
        let jfirst = self.emit(Instr::JumpIfNot(0));
        self.emit(Instr::LoadLocal(acc));
        self.emit(Instr::PushStr(space));
        self.emit(Instr::Concat);
        self.emit(Instr::StoreLocal(acc));
        let h = self.here();
        self.patch(jfirst, h);
        self.emit(Instr::LoadLocal(acc));
        self.emit(Instr::LoadLocal(s));
        self.emit(Instr::LoadLocal(i));
        self.emit(Instr::SliceElemPtr);
        self.emit(Instr::Load);
        self.emit(Instr::CallLib {
            func: LibFunc::FmtSprint,
            argc: 1,
        });
        self.emit(Instr::Concat);
        self.emit(Instr::StoreLocal(acc));
        self.emit(Instr::LoadLocal(i));
        self.emit(Instr::PushInt(1));
        self.emit(Instr::Binary(crate::bytecode::BinOp::Add, Basic::Int));
        self.emit(Instr::StoreLocal(i));
        self.emit(Instr::Jump(top));
        let end = self.here();
        self.patch(jexit, end);
        self.emit(Instr::LoadLocal(acc));
        self.emit(Instr::ToIface(string));
        self.emit_at(Instr::CallLib { func: f, argc: 1 }, span);
    }

    /// Whether Go 1.19 wraps this `go`/`defer` call in a closure: every call except one of a
    /// function (value) with no arguments and no results.
    fn go_wraps(&self, p: &CallParts) -> bool {
        match p.info.kind {
            CallKind::Func { .. } | CallKind::Closure => {
                !p.args.is_empty()
                    || p.info.pack_variadic.is_some()
                    || self.sig_results(p.info.sig) > 0
            }
            _ => true,
        }
    }

    pub(super) fn finish_static(&mut self, fid: FuncId, argc: u32, span: Span, mode: CallMode) {
        match mode {
            CallMode::Now => self.emit_at(Instr::Call { func: fid, argc }, span),
            CallMode::Go => self.emit(Instr::Go { argc }),
            CallMode::Defer => self.emit(Instr::Defer { argc }),
        };
    }

    pub(super) fn finish_lib(
        &mut self,
        f: LibFunc,
        argc: u32,
        span: Span,
        mode: CallMode,
        wrap_name: Option<String>,
        wrap_span: Span,
        exclusive: bool,
    ) {
        if let Some(tail) = super::lib_tail::tail(f) {
            let call = Instr::CallLib { func: f, argc };
            if mode == CallMode::Now {
                self.emit_at(call, span);
                self.emit_at(tail, span);
            } else {
                let name = wrap_name.unwrap_or_else(|| self.next_wrapper_name());
                let results = f.result_count();
                let w = self.wrapper(&name, argc, vec![call, tail], results, wrap_span);
                self.start_wrapper(w, argc, mode);
            }
            return;
        }
        match mode {
            CallMode::Now => {
                let pc = self.emit_at(Instr::CallLib { func: f, argc }, span);
                if exclusive {
                    self.exclusive_atomics.push(pc as u32);
                }
            }
            CallMode::Defer => {
                self.emit(Instr::DeferLib { func: f, argc });
            }
            CallMode::Go => {
                // A wrapper function that makes the library call with its parameters.
                let name = wrap_name.unwrap_or_else(|| self.next_wrapper_name());
                let w = self.wrapper(
                    &name,
                    argc,
                    vec![Instr::CallLib { func: f, argc }],
                    f.result_count(),
                    wrap_span,
                );
                // The closure must be below the arguments: move the arguments to temps.
                self.go_with_wrapper(w, argc);
            }
        }
    }

    /// A call of a `sort` function: its compiled code (`sort.rs`) called like a declared
    /// function. `sort.Slice`'s `x` is passed as the slice itself (its static type must be a
    /// slice type; racemap has no reflection to swap the elements of a slice in an `any`).
    #[allow(clippy::too_many_arguments)]
    fn sort_call(
        &mut self,
        f: LibFunc,
        args: &[Expr],
        info: &CallInfo,
        span: Span,
        mode: CallMode,
        wrap_name: Option<String>,
        wrap_span: Span,
    ) {
        if info.spread || info.tuple_arg {
            self.unsupported(
                span,
                format!("{}(f()) with a multi-value argument", f.go_name()),
            );
            return;
        }
        let mut params = match info.sig.map(|t| self.under(t)) {
            Some(TypeKind::Func(sig)) => sig.params,
            _ => Vec::new(),
        };
        let raw_slice = matches!(
            f,
            LibFunc::SortSlice | LibFunc::SortSliceStable | LibFunc::SortSliceIsSorted
        );
        if raw_slice {
            let x = args.first().and_then(|a| self.lw.info.type_of(a.id));
            match x {
                Some(t) if matches!(self.under(t), TypeKind::Slice(_)) => params[0] = t,
                _ => {
                    let what = format!(
                        "{} of a value whose static type is not a slice",
                        f.go_name()
                    );
                    self.unsupported(span, what);
                    return;
                }
            }
        }
        let fid = self.lw.sort_func(f, params, span);
        let compiled = Compiled {
            fid,
            results: f.result_count(),
            raw_first: raw_slice,
        };
        self.call_compiled(compiled, args, span, mode, wrap_name, wrap_span);
    }

    /// A call of a library function racemap compiles to bytecode (`sort`, `rand.Shuffle`),
    /// made like a call of a declared function (a closure under `go`/`defer`).
    pub(super) fn call_compiled(
        &mut self,
        c: Compiled,
        args: &[Expr],
        span: Span,
        mode: CallMode,
        wrap_name: Option<String>,
        wrap_span: Span,
    ) {
        let go_wrapped = mode != CallMode::Now && wrap_name.is_some();
        if mode != CallMode::Now && !go_wrapped {
            self.emit(Instr::MakeClosure {
                func: c.fid,
                ncaptures: 0,
            });
        }
        for (i, a) in args.iter().enumerate() {
            self.expr(a);
            if !(c.raw_first && i == 0) {
                self.implicit(a);
            }
        }
        let argc = args.len() as u32;
        match (go_wrapped, wrap_name) {
            (true, Some(name)) => {
                let body = vec![Instr::Call { func: c.fid, argc }];
                let w = self.wrapper(&name, argc, body, c.results, wrap_span);
                self.start_wrapper(w, argc, mode);
            }
            _ => self.finish_static(c.fid, argc, span, mode),
        }
    }

    /// Emit `Go` of wrapper `w` whose `argc` arguments are on the stack.
    fn go_with_wrapper(&mut self, w: FuncId, argc: u32) {
        self.start_wrapper(w, argc, CallMode::Go);
    }

    /// Emit `Go` or `Defer` of wrapper `w` whose `argc` arguments are on the stack.
    pub(super) fn start_wrapper(&mut self, w: FuncId, argc: u32, mode: CallMode) {
        let mut temps = Vec::new();
        for _ in 0..argc {
            temps.push(self.pop_temp());
        }
        temps.reverse();
        self.emit(Instr::MakeClosure {
            func: w,
            ncaptures: 0,
        });
        for t in temps {
            self.emit(Instr::LoadLocal(t));
        }
        if mode == CallMode::Defer {
            self.emit(Instr::Defer { argc });
        } else {
            self.emit(Instr::Go { argc });
        }
    }

    /// A synthetic function taking `argc` parameters, pushing them, running `body`, popping
    /// `pop` results, and returning (Go's wrapper of a `go`/`defer` call).
    pub(super) fn wrapper(
        &mut self,
        name: &str,
        argc: u32,
        body: Vec<Instr>,
        pop: u32,
        span: Span,
    ) -> FuncId {
        self.lw.wrappers += 1;
        let name = name.to_string();
        let id = self.lw.reserve(&name, span);
        let mut code = Vec::new();
        for i in 0..argc {
            code.push(Instr::LoadLocal(i));
        }
        code.extend(body);
        for _ in 0..pop {
            code.push(Instr::Pop);
        }
        code.push(Instr::Return);
        let spans = vec![span; code.len()];
        self.lw.funcs[id.0 as usize] = Func {
            name: Rc::from(name.as_str()),
            span,
            params: argc,
            param_types: vec![Self::invalid(); argc as usize],
            results: Vec::new(),
            result_slots: Vec::<ResultSlot>::new(),
            locals: argc,
            captures: 0,
            variadic: false,
            code,
            spans,
            wrapper: true,
        };
        id
    }

    /// `go`/`defer` of a builtin: evaluate the arguments now, run the builtin in a wrapper.
    fn go_defer_builtin(
        &mut self,
        name: &str,
        span: Span,
        b: Builtin,
        args: &[Expr],
        mode: CallMode,
    ) {
        let body = match b {
            Builtin::Close => vec![Instr::Close],
            Builtin::Panic => vec![Instr::Panic],
            Builtin::Print | Builtin::Println => vec![Instr::PrintBuiltin {
                newline: b == Builtin::Println,
                argc: args.len() as u32,
            }],
            Builtin::Delete => vec![Instr::MapDelete],
            // The deferred (or started) function is `recover` itself, not a function that calls
            // it, so it returns nil and stops no panic (Go: `defer recover()` does not recover).
            Builtin::Recover => Vec::new(),
            _ => {
                self.unsupported(span, format!("go/defer of {}", b.name()));
                return;
            }
        };
        for a in args {
            self.expr(a);
            match b {
                Builtin::Print | Builtin::Println | Builtin::Panic => self.box_any(a),
                _ => self.implicit(a),
            }
        }
        let argc = args.len() as u32;
        let wrap_span = Span::new(span.hi.saturating_sub(1), span.hi);
        let w = self.wrapper(name, argc, body, 0, wrap_span);
        self.start_wrapper(w, argc, mode);
    }

    /// `T(x)`.
    fn conversion(&mut self, a: &Expr, to: TypeId) {
        let from = self.ty(a);
        self.expr(a);
        if self.is_iface(to) {
            if !self.is_iface(from) && !self.is_nil(a) {
                self.emit(Instr::ToIface(from));
            }
            return;
        }
        let fu = self.under(from);
        let tu = self.under(to);
        if fu == tu {
            return;
        }
        let same_repr = match (&fu, &tu) {
            (TypeKind::Basic(x), TypeKind::Basic(y)) => {
                let (x, y) = (norm(*x), norm(*y));
                x == y
            }
            (TypeKind::Basic(_), _) | (_, TypeKind::Basic(_)) => false,
            _ => true,
        };
        if !same_repr {
            self.emit(Instr::Convert { from, to });
        }
    }

    /// The number of values an expression statement's call leaves on the stack.
    pub fn result_count(&self, e: &Expr) -> u32 {
        let Some(info) = self.lw.info.expr(strip_parens(e).id) else {
            return 0;
        };
        match info.mode {
            crate::lang::check::Mode::NoValue => 0,
            crate::lang::check::Mode::Tuple => match self.lw.types.under(info.ty) {
                TypeKind::Tuple(ts) => ts.len() as u32,
                _ => 0,
            },
            _ => match self.lw.types.under(info.ty) {
                TypeKind::Tuple(ts) => ts.len() as u32,
                _ => 1,
            },
        }
    }
}

/// Basic types with the same runtime representation map to one kind.
fn norm(b: Basic) -> u8 {
    match b {
        Basic::Int | Basic::Int64 | Basic::UntypedInt | Basic::UntypedRune => 1,
        Basic::Float64 | Basic::UntypedFloat => 2,
        Basic::String | Basic::UntypedString => 3,
        Basic::Bool | Basic::UntypedBool => 4,
        other => 10 + other as u8,
    }
}

/// A library function compiled to bytecode, as `call_compiled` calls it.
#[derive(Clone, Copy)]
pub(super) struct Compiled {
    /// The compiled function.
    pub(super) fid: FuncId,
    /// How many results it has.
    pub(super) results: u32,
    /// The first argument is passed as is (`sort.Slice`'s slice), not converted to the
    /// parameter's type.
    pub(super) raw_first: bool,
}
