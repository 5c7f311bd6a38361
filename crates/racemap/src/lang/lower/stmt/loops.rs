//! Loops: `for` with Go 1.22 per-iteration variables (escaping loop variables are copied into a
//! fresh cell, `Rebox`, before the post statement) and `range` over arrays, slices, strings,
//! maps, channels and integers, with its variables declared inside the body.
//!
//! Before Go 1.22 ([`crate::lang::version::LangVersion`]) a loop's variables are declared once,
//! before the loop, and every iteration assigns them: a closure or goroutine started in the body
//! shares them with the loop, and the race detector sees the loop's writes race with its reads.

use crate::bytecode::Instr;
use crate::lang::ast::{self, Expr, ExprKind, Stmt, UnaryOp};
use crate::lang::check::{ObjectId, RangeKind};
use crate::lang::lower::func::{FnCx, VarLoc};
use crate::types::{Basic, TypeKind};

impl FnCx<'_, '_> {
    pub(super) fn for_loop(
        &mut self,
        s: &Stmt,
        init: &Option<Box<Stmt>>,
        cond: Option<&Expr>,
        post: &Option<Box<Stmt>>,
        body: &ast::Block,
    ) {
        let before: Vec<ObjectId> = self.vars.keys().copied().collect();
        if let Some(i) = init {
            self.stmt(i);
        }
        // Escaping variables declared by init get a fresh cell per iteration (Go 1.22).
        let per_iteration = self.lw.lang.per_iteration_loop_vars();
        let loop_cells: Vec<u32> = self
            .vars
            .iter()
            .filter(|(o, _)| per_iteration && !before.contains(o))
            .filter_map(|(o, l)| match l {
                VarLoc::Cell(slot) => {
                    let local = self.lw.info.local(*o);
                    // Everything an init statement declares is a local variable.
                    debug_assert!(local.is_some(), "object {} is not a local", o.0);
                    local.is_none_or(|v| v.loop_var).then_some(*slot)
                }
                _ => None,
            })
            .collect();
        let top = self.here();
        let mut jexit = None;
        if let Some(c) = cond {
            self.span = c.span;
            self.expr(c);
            jexit = Some(self.emit(Instr::JumpIfNot(0)));
        }
        let post = post.clone();
        self.with_target(s.id, |cx| {
            cx.block(body);
            let cont = cx.here();
            cx.span = s.span;
            for slot in &loop_cells {
                cx.emit(Instr::LoadLocal(*slot));
                cx.emit(Instr::Rebox);
                cx.emit(Instr::StoreLocal(*slot));
            }
            if let Some(p) = &post {
                cx.stmt(p);
            }
            cx.emit(Instr::Jump(top));
            if let Some(j) = jexit {
                let h = cx.here();
                cx.patch(j, h);
            }
            Some(cont)
        });
    }

    /// Assign an iteration value (in temp `t`) to a range variable.
    pub(super) fn range_assign(&mut self, target: Option<&Expr>, define: bool, t: u32) {
        let Some(e) = target else { return };
        if matches!(&e.kind, ExprKind::Ident(i) if i.name == "_") {
            return;
        }
        if define {
            if let Some(o) = self.lw.info.object_of(match &e.kind {
                ExprKind::Ident(i) => i.id,
                _ => e.id,
            }) {
                self.emit(Instr::LoadLocal(t));
                self.define_from_stack(o);
                return;
            }
        }
        let p = self.place(e);
        self.store_place_from(&p, t);
    }

    /// Declare a `range ... :=` statement's variables before the loop when the language version
    /// shares them between iterations; returns whether each iteration must still define them.
    fn declare_shared_range_vars(&mut self, s: &Stmt, vars: [Option<&Expr>; 2]) -> bool {
        if self.lw.lang.per_iteration_loop_vars() {
            return true;
        }
        self.span = s.span;
        for e in vars.into_iter().flatten() {
            let ExprKind::Ident(i) = &e.kind else {
                continue;
            };
            if i.name == "_" {
                continue;
            }
            if let Some(o) = self.lw.info.object_of(i.id) {
                self.define_zero(o);
            }
        }
        false
    }

    fn is_used(e: Option<&Expr>) -> bool {
        match e {
            None => false,
            Some(e) => !matches!(&e.kind, ExprKind::Ident(i) if i.name == "_"),
        }
    }

    pub(super) fn range(
        &mut self,
        s: &Stmt,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        x: &Expr,
        body: &ast::Block,
    ) {
        let Some(info) = self.lw.info.ranges.get(&s.id).cloned() else {
            self.unsupported(s.span, "this range statement (no information)");
            return;
        };
        // Before Go 1.22 the variables are declared once and assigned by each iteration.
        let define = define && self.declare_shared_range_vars(s, [key, value]);
        self.span = x.span;
        match info.kind {
            RangeKind::Int | RangeKind::Slice | RangeKind::Array | RangeKind::ArrayPtr => {
                // Go does not evaluate an array (pointer) operand when only the index is used:
                // its length is constant. (No read of the array, so no race on it.)
                let const_len = matches!(info.kind, RangeKind::Array | RangeKind::ArrayPtr)
                    && !Self::is_used(value)
                    && !contains_call_or_recv(x);
                if const_len {
                    self.emit(Instr::PushBool(false));
                } else {
                    self.expr(x);
                }
                let xs = self.pop_temp();
                let len = self.temp();
                match info.kind {
                    RangeKind::Int => {
                        self.emit(Instr::LoadLocal(xs));
                    }
                    RangeKind::Slice => {
                        self.emit(Instr::LoadLocal(xs));
                        self.emit(Instr::Len);
                    }
                    _ => {
                        let xt = self.ty(x);
                        let n = match self.under(xt) {
                            TypeKind::Array(n, _) => n,
                            TypeKind::Pointer(p) => match self.under(p) {
                                TypeKind::Array(n, _) => n,
                                _ => 0,
                            },
                            _ => 0,
                        };
                        self.emit(Instr::PushInt(n as i64));
                    }
                }
                self.emit(Instr::StoreLocal(len));
                let i = self.temp();
                self.emit(Instr::PushInt(0));
                self.emit(Instr::StoreLocal(i));
                let top = self.here();
                self.emit(Instr::LoadLocal(i));
                self.emit(Instr::LoadLocal(len));
                self.emit(Instr::Binary(crate::bytecode::BinOp::Lt, Basic::Int));
                let jexit = self.emit(Instr::JumpIfNot(0));
                self.with_target(s.id, |cx| {
                    cx.span = s.span;
                    cx.range_assign(key, define, i);
                    if Self::is_used(value) {
                        let v = cx.temp();
                        cx.emit(Instr::LoadLocal(xs));
                        cx.emit(Instr::LoadLocal(i));
                        match info.kind {
                            RangeKind::Slice => {
                                cx.emit(Instr::SliceElemPtr);
                                cx.emit(Instr::Load);
                            }
                            RangeKind::ArrayPtr => {
                                let xt = cx.ty(x);
                                let n = match cx.under(xt) {
                                    TypeKind::Pointer(p) => match cx.under(p) {
                                        TypeKind::Array(n, _) => n,
                                        _ => 0,
                                    },
                                    _ => 0,
                                };
                                cx.emit(Instr::IndexPtr { len: n });
                                cx.emit(Instr::Load);
                            }
                            _ => {
                                cx.emit(Instr::Index);
                            }
                        }
                        cx.emit(Instr::StoreLocal(v));
                        cx.range_assign(value, define, v);
                    }
                    cx.block(body);
                    let cont = cx.here();
                    cx.span = s.span;
                    cx.emit(Instr::LoadLocal(i));
                    cx.emit(Instr::PushInt(1));
                    cx.emit(Instr::Binary(crate::bytecode::BinOp::Add, Basic::Int));
                    cx.emit(Instr::StoreLocal(i));
                    cx.emit(Instr::Jump(top));
                    let h = cx.here();
                    cx.patch(jexit, h);
                    Some(cont)
                });
            }
            RangeKind::String => {
                self.expr(x);
                let xs = self.pop_temp();
                let i = self.temp();
                let w = self.temp();
                self.emit(Instr::PushInt(0));
                self.emit(Instr::StoreLocal(i));
                let top = self.here();
                self.emit(Instr::LoadLocal(i));
                self.emit(Instr::LoadLocal(xs));
                self.emit(Instr::Len);
                self.emit(Instr::Binary(crate::bytecode::BinOp::Lt, Basic::Int));
                let jexit = self.emit(Instr::JumpIfNot(0));
                self.with_target(s.id, |cx| {
                    cx.span = s.span;
                    cx.emit(Instr::LoadLocal(xs));
                    cx.emit(Instr::LoadLocal(i));
                    cx.emit(Instr::StrDecodeRune);
                    cx.emit(Instr::StoreLocal(w));
                    let r = cx.pop_temp();
                    cx.range_assign(key, define, i);
                    cx.range_assign(value, define, r);
                    cx.block(body);
                    let cont = cx.here();
                    cx.span = s.span;
                    cx.emit(Instr::LoadLocal(i));
                    cx.emit(Instr::LoadLocal(w));
                    cx.emit(Instr::Binary(crate::bytecode::BinOp::Add, Basic::Int));
                    cx.emit(Instr::StoreLocal(i));
                    cx.emit(Instr::Jump(top));
                    let h = cx.here();
                    cx.patch(jexit, h);
                    Some(cont)
                });
            }
            RangeKind::Map => {
                self.expr(x);
                let elem =
                    value.is_some_and(|v| !matches!(&v.kind, ExprKind::Ident(i) if i.name == "_"));
                self.emit(Instr::MapIterInit { elem });
                let it = self.pop_temp();
                let top = self.here();
                self.span = s.span;
                self.emit_at(Instr::MapIterNext { slot: it }, x.span);
                let jdone = self.emit(Instr::JumpIfNot(0));
                self.with_target(s.id, |cx| {
                    let v = cx.pop_temp();
                    let k = cx.pop_temp();
                    cx.range_assign(key, define, k);
                    cx.range_assign(value, define, v);
                    cx.block(body);
                    cx.span = s.span;
                    cx.emit(Instr::Jump(top));
                    let h = cx.here();
                    cx.patch(jdone, h);
                    cx.emit(Instr::Pop);
                    cx.emit(Instr::Pop);
                    Some(top)
                });
            }
            RangeKind::Chan => {
                self.expr(x);
                let ch = self.pop_temp();
                let elem = crate::lang::lower::expr::chan_elem(&self.lw.types, info.key_ty);
                let elem = if elem == Self::invalid() {
                    info.key_ty
                } else {
                    elem
                };
                let top = self.here();
                self.emit(Instr::LoadLocal(ch));
                self.emit_at(
                    Instr::Recv {
                        elem,
                        comma_ok: true,
                    },
                    x.span,
                );
                let jdone = self.emit(Instr::JumpIfNot(0));
                self.with_target(s.id, |cx| {
                    let v = cx.pop_temp();
                    cx.range_assign(key, define, v);
                    cx.block(body);
                    cx.span = s.span;
                    cx.emit(Instr::Jump(top));
                    let h = cx.here();
                    cx.patch(jdone, h);
                    cx.emit(Instr::Pop);
                    Some(top)
                });
            }
        }
    }
}

/// Whether evaluating `e` may have effects Go must perform (calls, receives).
fn contains_call_or_recv(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Call { .. } => true,
        ExprKind::Unary {
            op: UnaryOp::Recv, ..
        } => true,
        ExprKind::Paren(x) | ExprKind::Star(x) => contains_call_or_recv(x),
        ExprKind::Unary { x, .. } => contains_call_or_recv(x),
        ExprKind::Selector { x, .. } => contains_call_or_recv(x),
        ExprKind::Index { x, indices } => {
            contains_call_or_recv(x) || indices.iter().any(contains_call_or_recv)
        }
        ExprKind::Binary { x, y, .. } => contains_call_or_recv(x) || contains_call_or_recv(y),
        _ => false,
    }
}
