//! `math/rand`'s top-level functions: each call gets the global source's hidden cell as its
//! first operand (`rt/interp/rand.rs` draws from it), and `Shuffle` and `(*Rand).Shuffle` are
//! compiled to Go's loop (`for i := n - 1; i > 0; i-- { j := int31n(i + 1); swap(i, j) }`) so
//! that `swap` runs as the program's own calls.

use super::func::FnCx;
use super::sort::Asm;
use super::Lowerer;
use crate::bytecode::{BinOp, Func, FuncId, GlobalId, Instr, LibFunc};
use crate::diag::Span;
use crate::lang::ast::Expr;
use crate::lang::check::CallInfo;
use crate::types::{Basic, TypeKind, TypeTable};
use std::rc::Rc;

impl FnCx<'_, '_> {
    /// Pushes the global source's cell pointer; `None` (reported) when the file does not
    /// import `math/rand` (the checker prevents that).
    fn rand_source(&mut self, span: Span) -> Option<GlobalId> {
        let g = self.lw.rand_global;
        if g.is_none() {
            self.unsupported(span, "math/rand without its import");
        }
        g
    }

    /// A call of a `math/rand` top-level function: the source's cell, then the arguments.
    /// Returns the argument count, or `None` for `Shuffle` (already called).
    pub(super) fn rand_args(
        &mut self,
        f: LibFunc,
        args: &[Expr],
        info: &CallInfo,
        span: Span,
    ) -> Option<u32> {
        let g = self.rand_source(span)?;
        if f == LibFunc::RandShuffle {
            return None;
        }
        self.emit(Instr::GlobalPtr(g));
        Some(self.push_lib_args(f, args, info, span) + 1)
    }

    /// The compiled `Shuffle` and its parameter types (from the call's signature).
    pub(super) fn shuffle_func(&mut self, info: &CallInfo, span: Span) -> Option<FuncId> {
        let g = self.rand_source(span)?;
        let params = match info.sig.map(|t| self.under(t)) {
            Some(TypeKind::Func(sig)) => sig.params,
            _ => Vec::new(),
        };
        Some(self.lw.shuffle_func(g, params, span))
    }
}

impl FnCx<'_, '_> {
    /// The compiled `(*Rand).Shuffle` for a call on receiver `x` (its parameter types: the
    /// receiver's pointer type, then the call's signature's).
    pub(super) fn rand_shuffle_method(&mut self, x: &Expr, info: &CallInfo, span: Span) -> FuncId {
        let recv = self.ty(x);
        let recv = match self.under(recv) {
            TypeKind::Pointer(_) => recv,
            _ => TypeTable::basic(Basic::Invalid),
        };
        let mut params = vec![recv];
        if let Some(TypeKind::Func(sig)) = info.sig.map(|t| self.under(t)) {
            params.extend(sig.params);
        }
        self.lw.rand_shuffle_method(params, span)
    }
}

impl Lowerer<'_> {
    /// `math/rand.Shuffle(n int, swap func(i, j int))`, made once per program. Locals: 0 n,
    /// 1 swap, 2 i, 3 j.
    fn shuffle_func(
        &mut self,
        g: GlobalId,
        params: Vec<crate::types::TypeId>,
        span: Span,
    ) -> FuncId {
        if let Some(id) = self.shuffle {
            return id;
        }
        let id = self.shuffle_loop(ShuffleSource::Global(g), params, span);
        self.shuffle = Some(id);
        id
    }

    /// `math/rand.(*Rand).Shuffle(n int, swap func(i, j int))` with its receiver first
    /// (`params`: the receiver's type, then the method's), made once per program. Locals:
    /// 0 r, 1 n, 2 swap, 3 i, 4 j.
    pub(super) fn rand_shuffle_method(
        &mut self,
        params: Vec<crate::types::TypeId>,
        span: Span,
    ) -> FuncId {
        if let Some(id) = self.rand_shuffle {
            return id;
        }
        let id = self.shuffle_loop(ShuffleSource::Receiver, params, span);
        self.rand_shuffle = Some(id);
        id
    }

    /// Go 1.19's `(*Rand).Shuffle` (the global `Shuffle` is `globalRand.Shuffle`):
    /// `if n < 0 { panic(...) }; for i := n - 1; i > 0; i-- { j := int31n(i + 1); swap(i, j) }`
    /// (Go's first loop, for `i` past `1<<31 - 2`, cannot run: no slice is that long here).
    fn shuffle_loop(
        &mut self,
        source: ShuffleSource,
        params: Vec<crate::types::TypeId>,
        span: Span,
    ) -> FuncId {
        let (name, base, hook) = match source {
            ShuffleSource::Global(_) => {
                (LibFunc::RandShuffle.go_name(), 0, LibFunc::RandShuffleIndex)
            }
            ShuffleSource::Receiver => (
                LibFunc::RandRandShuffle.go_name(),
                1,
                LibFunc::RandRandShuffleIndex,
            ),
        };
        let id = self.reserve(&name, span);
        let message = self.string("invalid argument to Shuffle");
        let (n, swap, i, j) = (base, base + 1, base + 2, base + 3);
        let mut a = Asm::new();
        let (ok, top, end) = (a.label(), a.label(), a.label());
        a.op(Instr::LoadLocal(n));
        a.op(Instr::PushInt(0));
        a.op(Instr::Binary(BinOp::Lt, Basic::Int));
        a.jump(Instr::JumpIfNot(0), ok);
        a.op(Instr::PushStr(message));
        a.op(Instr::ToIface(TypeTable::basic(Basic::String)));
        a.op(Instr::Panic);
        a.place(ok);
        a.minus_one(n);
        a.op(Instr::StoreLocal(i));
        a.place(top);
        a.exit_unless_positive(i, end);
        match source {
            ShuffleSource::Global(g) => a.op(Instr::GlobalPtr(g)),
            ShuffleSource::Receiver => a.op(Instr::LoadLocal(0)),
        }
        a.op(Instr::LoadLocal(i));
        a.op(Instr::CallLib {
            func: hook,
            argc: 2,
        });
        a.op(Instr::StoreLocal(j));
        a.op(Instr::LoadLocal(swap));
        a.op(Instr::LoadLocal(i));
        a.op(Instr::LoadLocal(j));
        a.op(Instr::CallValue {
            argc: 2,
            results: 0,
        });
        a.minus_one(i);
        a.op(Instr::StoreLocal(i));
        a.jump(Instr::Jump(0), top);
        a.place(end);
        a.op(Instr::Return);
        let code = a.finish();
        self.funcs[id.0 as usize] = Func {
            name: Rc::from(name),
            span,
            params: params.len() as u32,
            param_types: params,
            results: Vec::new(),
            result_slots: Vec::new(),
            locals: base + 4,
            captures: 0,
            variadic: false,
            spans: vec![span; code.len()],
            code,
            wrapper: false,
        };
        id
    }
}

/// Where a compiled `Shuffle` draws from.
#[derive(Clone, Copy)]
enum ShuffleSource {
    /// The global source's hidden cell.
    Global(GlobalId),
    /// The `*rand.Rand` receiver in local 0.
    Receiver,
}
