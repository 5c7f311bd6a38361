//! gc's order of evaluation around calls. The spec leaves unspecified when an operand that is
//! not a call (a variable, a field, an element) is read relative to the calls of the same
//! expression; gc (`walk/order.go`) runs the calls first, in order, into temporaries, and
//! reads the other operands afterwards: `fmt.Println(x, f())` prints `x` as `f` left it,
//! `x + f()` adds the new `x` and `[]int{a, f()}` holds the new `a` (the spec's own example
//! says `[2 2]`). Lowering does the same for the operand lists that mix the two: the arguments
//! of a call, the operands of a non-logical binary operator, the elements (and keys) of a
//! composite literal and the right-hand sides of an assignment. Before lowering the list it
//! evaluates every call found under parentheses and arithmetic operators of an operand, left
//! to right, into a temporary ([`FnCx::hoisted`]); [`FnCx::expr`] then loads the temporary.
//! A call inside `&&`/`||` is left in place (its evaluation is conditional), as is everything
//! under other expressions; receives and builtins are not calls here (gc reads `len(ch)`
//! before `<-ch`). The arguments of a `go` or `defer` call are evaluated in order, as gc
//! copies them one by one ([`FnCx::skip_hoist`]).

use super::func::FnCx;
use crate::bytecode::Instr;
use crate::lang::ast::{BinaryOp, Expr, ExprKind, UnaryOp};
use crate::lang::check::{CallKind, Mode};

impl FnCx<'_, '_> {
    /// Before the operands `es` are lowered in order: when a call of one comes after an
    /// operand that is not a constant, evaluate the operands' calls into temporaries now.
    pub fn hoist_calls(&mut self, es: &[&Expr]) {
        if std::mem::take(&mut self.skip_hoist) {
            return;
        }
        let Some(last) = es.iter().rposition(|e| self.has_hoistable(e)) else {
            return;
        };
        if !es[..last].iter().any(|e| !self.is_constant(e)) {
            return;
        }
        for e in es {
            self.hoist_in(e);
        }
    }

    /// The temporary holding the hoisted value of `e`, taken (each is loaded once).
    pub fn take_hoisted(&mut self, e: &Expr) -> Option<u32> {
        let i = self.hoisted.iter().position(|(id, _)| *id == e.id)?;
        Some(self.hoisted.swap_remove(i).1)
    }

    fn hoist_in(&mut self, e: &Expr) {
        if self.is_hoistable_call(e) {
            self.expr(e);
            let t = self.temp();
            self.emit(Instr::StoreLocal(t));
            self.hoisted.push((e.id, t));
            return;
        }
        match &e.kind {
            ExprKind::Paren(x) => self.hoist_in(x),
            ExprKind::Binary { op, x, y, .. } if !logical(*op) => {
                self.hoist_in(x);
                self.hoist_in(y);
            }
            ExprKind::Unary { op, x } if arithmetic(*op) => self.hoist_in(x),
            _ => {}
        }
    }

    fn has_hoistable(&self, e: &Expr) -> bool {
        if self.is_hoistable_call(e) {
            return true;
        }
        match &e.kind {
            ExprKind::Paren(x) => self.has_hoistable(x),
            ExprKind::Binary { op, x, y, .. } if !logical(*op) => {
                self.has_hoistable(x) || self.has_hoistable(y)
            }
            ExprKind::Unary { op, x } if arithmetic(*op) => self.has_hoistable(x),
            _ => false,
        }
    }

    /// A call of a function, method or function value with one result (not a conversion
    /// or a builtin).
    fn is_hoistable_call(&self, e: &Expr) -> bool {
        if !matches!(e.kind, ExprKind::Call { .. }) || self.is_constant(e) {
            return false;
        }
        let call = self.lw.info.calls.get(&e.id).map(|c| &c.kind);
        if matches!(
            call,
            None | Some(CallKind::Conversion { .. } | CallKind::Builtin(_))
        ) {
            return false;
        }
        self.lw
            .info
            .expr(e.id)
            .is_some_and(|info| info.mode == Mode::Value)
    }

    fn is_constant(&self, e: &Expr) -> bool {
        self.lw
            .info
            .expr(e.id)
            .is_some_and(|info| matches!(info.mode, Mode::Constant | Mode::Nil))
    }
}

fn logical(op: BinaryOp) -> bool {
    matches!(op, BinaryOp::LogAnd | BinaryOp::LogOr)
}

fn arithmetic(op: UnaryOp) -> bool {
    matches!(
        op,
        UnaryOp::Plus | UnaryOp::Neg | UnaryOp::Not | UnaryOp::BitNot
    )
}
