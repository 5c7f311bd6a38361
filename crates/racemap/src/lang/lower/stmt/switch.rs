//! `switch` (cases tested in order, `fallthrough`), type switches, and `select` (its cases
//! described by a `SelectTable` the VM runs as one visible operation).

use crate::bytecode::{Instr, SelectCase, SelectId, SelectTable};
use crate::lang::ast::{self, AssignOp, Expr, ExprKind, Stmt, StmtKind, UnaryOp};
use crate::lang::lower::func::{FnCx, VarLoc};
use crate::lang::lower::place::strip_parens;

impl FnCx<'_, '_> {
    pub(super) fn switch(
        &mut self,
        s: &Stmt,
        init: &Option<Box<Stmt>>,
        tag: Option<&Expr>,
        cases: &[ast::CaseClause],
    ) {
        if let Some(i) = init {
            self.stmt(i);
        }
        let tag_tmp = tag.map(|t| {
            self.span = t.span;
            self.expr_conv(t);
            self.pop_temp()
        });
        // Tests.
        let mut body_jumps: Vec<Vec<usize>> = vec![Vec::new(); cases.len()];
        for (ci, c) in cases.iter().enumerate() {
            self.span = c.span;
            for e in &c.exprs {
                match tag_tmp {
                    Some(t) => {
                        self.emit(Instr::LoadLocal(t));
                        self.expr_conv(e);
                        self.emit(Instr::Eq);
                    }
                    None => self.expr(e),
                }
                let j = self.emit(Instr::JumpIf(0));
                body_jumps[ci].push(j);
            }
        }
        let jdefault = self.emit(Instr::Jump(0));
        let default_idx = cases.iter().position(|c| c.default);
        self.with_target(s.id, |cx| {
            let mut starts = Vec::new();
            let mut ends = Vec::new();
            let mut fall = Vec::new();
            for c in cases {
                starts.push(cx.here());
                cx.stmts(&c.body);
                let falls = matches!(c.body.last().map(|s| &s.kind), Some(StmtKind::Fallthrough));
                let j = cx.emit(Instr::Jump(0));
                if falls {
                    fall.push((j, starts.len()));
                } else {
                    ends.push(j);
                }
            }
            let end = cx.here();
            for (ci, js) in body_jumps.iter().enumerate() {
                for j in js {
                    cx.patch(*j, starts[ci]);
                }
            }
            for (j, next) in fall {
                let t = starts.get(next).copied().unwrap_or(end);
                cx.patch(j, t);
            }
            for j in ends {
                cx.patch(j, end);
            }
            cx.patch(jdefault, default_idx.map(|d| starts[d]).unwrap_or(end));
            None
        });
    }

    pub(super) fn type_switch(
        &mut self,
        s: &Stmt,
        init: &Option<Box<Stmt>>,
        x: &Expr,
        cases: &[ast::TypeCaseClause],
    ) {
        if let Some(i) = init {
            self.stmt(i);
        }
        self.span = x.span;
        let from = self.ty(x);
        self.expr(x);
        let xt = self.pop_temp();
        let mut body_jumps: Vec<Vec<usize>> = vec![Vec::new(); cases.len()];
        for (ci, c) in cases.iter().enumerate() {
            self.span = c.span;
            for t in &c.types {
                self.emit(Instr::LoadLocal(xt));
                if self.is_nil(t) || matches!(&t.kind, ExprKind::Ident(i) if i.name == "nil") {
                    self.emit(Instr::Zero(from));
                    self.emit(Instr::Eq);
                } else {
                    let ty = self.ty(t);
                    self.emit(Instr::TypeIs(ty));
                }
                let j = self.emit(Instr::JumpIf(0));
                body_jumps[ci].push(j);
            }
        }
        let jdefault = self.emit(Instr::Jump(0));
        let default_idx = cases.iter().position(|c| c.default);
        self.with_target(s.id, |cx| {
            let mut starts = Vec::new();
            let mut ends = Vec::new();
            for c in cases {
                starts.push(cx.here());
                cx.span = c.span;
                if let Some(obj) = cx.lw.info.type_switch_vars.get(&c.id).copied() {
                    cx.emit(Instr::LoadLocal(xt));
                    if c.types.len() == 1 && !cx.is_nil(&c.types[0]) {
                        let ty = cx.ty(&c.types[0]);
                        if !cx.is_iface(ty) || ty != from {
                            cx.emit(Instr::TypeAssert {
                                ty,
                                from,
                                comma_ok: false,
                            });
                        }
                    }
                    cx.define_from_stack(obj);
                }
                cx.stmts(&c.body);
                ends.push(cx.emit(Instr::Jump(0)));
            }
            let end = cx.here();
            for (ci, js) in body_jumps.iter().enumerate() {
                for j in js {
                    cx.patch(*j, starts[ci]);
                }
            }
            for j in ends {
                cx.patch(j, end);
            }
            cx.patch(jdefault, default_idx.map(|d| starts[d]).unwrap_or(end));
            None
        });
    }

    /// A `select` statement. One with a single communication case and no default is that
    /// communication then the case's body, as gc compiles it (`walkSelectCases`' one-case
    /// optimization): a blocked one waits on `chan receive`/`chan send` at the case's line.
    pub(super) fn select(&mut self, s: &Stmt, clauses: &[ast::CommClause]) {
        if let [ast::CommClause {
            comm: Some(comm),
            body,
            ..
        }] = clauses
        {
            self.with_target(s.id, |cx| {
                cx.stmt(comm);
                cx.stmts(body);
                None
            });
            return;
        }
        let mut table = SelectTable {
            cases: Vec::new(),
            has_default: false,
        };
        // Per clause: index among cases (None for default) and, for receives, the targets.
        struct RecvTargets<'e> {
            lhs: Vec<&'e Expr>,
            define: bool,
        }
        let mut kinds: Vec<(Option<usize>, Option<RecvTargets>)> = Vec::new();
        for c in clauses {
            let Some(comm) = &c.comm else {
                table.has_default = true;
                kinds.push((None, None));
                continue;
            };
            self.span = comm.span;
            let idx = table.cases.len();
            match &comm.kind {
                StmtKind::Send { ch, value } => {
                    self.expr(ch);
                    self.expr_conv(value);
                    table.cases.push(SelectCase::Send);
                    kinds.push((Some(idx), None));
                }
                StmtKind::Expr(e) => {
                    let Some(ch) = recv_operand(e) else {
                        self.unsupported(comm.span, "this select case");
                        continue;
                    };
                    let ct = self.ty(ch);
                    let elem = crate::lang::lower::expr::chan_elem(&self.lw.types, ct);
                    self.expr(ch);
                    table.cases.push(SelectCase::Recv { elem });
                    kinds.push((Some(idx), None));
                }
                StmtKind::Assign { lhs, op, rhs, .. } => {
                    let Some(ch) = rhs.first().and_then(recv_operand) else {
                        self.unsupported(comm.span, "this select case");
                        continue;
                    };
                    let ct = self.ty(ch);
                    let elem = crate::lang::lower::expr::chan_elem(&self.lw.types, ct);
                    self.expr(ch);
                    table.cases.push(SelectCase::Recv { elem });
                    kinds.push((
                        Some(idx),
                        Some(RecvTargets {
                            lhs: lhs.iter().collect(),
                            define: *op == AssignOp::Define,
                        }),
                    ));
                }
                _ => {
                    self.unsupported(comm.span, "this select case");
                }
            }
        }
        let ncases = table.cases.len();
        let id = SelectId(self.lw.selects.len() as u32);
        self.lw.selects.push(table);
        self.span = s.span;
        self.emit(Instr::Select(id));
        let idx = self.pop_temp();
        let ok = self.pop_temp();
        let v = self.pop_temp();
        let mut jumps = Vec::new();
        for (ci, (k, _)) in kinds.iter().enumerate() {
            self.emit(Instr::LoadLocal(idx));
            self.emit(Instr::PushInt(k.unwrap_or(ncases) as i64));
            self.emit(Instr::Eq);
            jumps.push((ci, self.emit(Instr::JumpIf(0))));
        }
        let jnone = self.emit(Instr::Jump(0));
        self.with_target(s.id, |cx| {
            let mut ends = Vec::new();
            let mut starts = Vec::new();
            for (ci, c) in clauses.iter().enumerate() {
                starts.push(cx.here());
                cx.span = c.span;
                if let Some((_, Some(rt))) = kinds.get(ci) {
                    let lhs = rt.lhs.clone();
                    for (i, l) in lhs.iter().enumerate() {
                        let t = if i == 0 { v } else { ok };
                        cx.range_assign(Some(l), rt.define, t);
                    }
                }
                cx.stmts(&c.body);
                ends.push(cx.emit(Instr::Jump(0)));
            }
            let end = cx.here();
            for (ci, j) in &jumps {
                if let Some(st) = starts.get(*ci) {
                    cx.patch(*j, *st);
                }
            }
            cx.patch(jnone, end);
            for j in ends {
                cx.patch(j, end);
            }
            None
        });
        let _ = VarLoc::Local(0);
    }
}

/// The channel operand of a receive expression `<-ch`.
fn recv_operand(e: &Expr) -> Option<&Expr> {
    match &strip_parens(e).kind {
        ExprKind::Unary {
            op: UnaryOp::Recv,
            x,
        } => Some(x),
        _ => None,
    }
}
