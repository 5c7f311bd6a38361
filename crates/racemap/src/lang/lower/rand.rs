//! `math/rand`'s top-level functions: each call gets the global source's hidden cell as its
//! first operand (`rt/interp/rand.rs` draws from it), and `Shuffle` is compiled to Go's loop
//! (`for i := n - 1; i > 0; i-- { j := int31n(i + 1); swap(i, j) }`) so that `swap` runs as
//! the program's own calls.

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
        let name = LibFunc::RandShuffle.go_name();
        let id = self.reserve(&name, span);
        let message = self.string("invalid argument to Shuffle");
        let (n, swap, i, j) = (0, 1, 2, 3);
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
        a.op(Instr::GlobalPtr(g));
        a.op(Instr::LoadLocal(i));
        a.op(Instr::CallLib {
            func: LibFunc::RandShuffleIndex,
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
            locals: 4,
            captures: 0,
            variadic: false,
            spans: vec![span; code.len()],
            code,
            wrapper: false,
        };
        self.shuffle = Some(id);
        id
    }
}
