//! Statements: assignments and `:=`, control flow with its scopes, `break`/`continue` targets and
//! labels, `go`/`defer`, `return`, `select`, `switch` and type switches, `range` (including
//! Go 1.22 range-over-int and per-iteration loop variables).
//!
//! Files: this one dispatches statements and checks expression statements, sends and
//! conditions; `assign.rs` assignments and `:=`, `branch.rs` `return`/`break`/`continue`,
//! `switch.rs` switches and `select`, `range.rs` range loops, `goto.rs` goto's rules.

mod assign;
mod branch;
mod goto;
mod range;
mod switch;

use crate::lang::ast::{self, AssignOp, ExprKind, Stmt, StmtKind};
use crate::lang::check::info::*;
use crate::lang::check::scope::TargetKind;
use crate::lang::check::{Checker, Operand};
use crate::types::TypeKind;

impl<'a> Checker<'a> {
    /// Check statements in the current scope.
    pub fn stmt_list(&mut self, stmts: &[Stmt]) {
        for (i, s) in stmts.iter().enumerate() {
            if self.saturated() {
                return;
            }
            if let StmtKind::Fallthrough = s.kind {
                // Validity is checked by the switch (it must be last in a clause).
                let _ = i;
                self.err(s.span, "fallthrough statement out of place");
                continue;
            }
            self.stmt(s, None);
        }
    }

    fn block(&mut self, b: &ast::Block) {
        self.open_scope();
        self.stmt_list(&b.stmts);
        self.close_scope();
    }

    /// Check one statement; `label` is the label of an enclosing `Labeled` statement.
    pub fn stmt(&mut self, s: &Stmt, label: Option<&str>) {
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Decl(d) => self.local_decl(d),
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Send { ch, value } => self.send(ch, value),
            StmtKind::IncDec { x, inc } => {
                let op = if *inc { "++" } else { "--" };
                let xo = self.lhs_expr(x);
                // `x++` counts as a use of `x` (as in gc).
                if let ExprKind::Ident(id) = &x.unparen().kind {
                    if let Some(o) = self.info.object_of(id.id) {
                        self.mark_used(o);
                    }
                }
                if xo.is_invalid() {
                    return;
                }
                if !self.is_numeric(xo.ty) {
                    let d = self.describe(x, &xo);
                    self.err(
                        s.span,
                        format!(
                            "invalid operation: {}{op} (non-numeric type {})",
                            self.expr_string(x),
                            self.show(xo.ty)
                        ),
                    );
                    let _ = d;
                }
            }
            StmtKind::Assign {
                lhs,
                op,
                op_span,
                rhs,
            } => match op {
                AssignOp::Define => self.define(s, lhs, rhs, *op_span, false),
                AssignOp::Assign => self.assign_stmt(lhs, rhs),
                AssignOp::Op(bop) => {
                    if lhs.len() != 1 || rhs.len() != 1 {
                        self.err(
                            *op_span,
                            format!(
                                "assignment operation {}= requires single-valued expressions",
                                bop.as_str()
                            ),
                        );
                        return;
                    }
                    let l = self.lhs_expr(&lhs[0]);
                    // Check `lhs op rhs` as a binary expression.
                    let bin = ast::Expr {
                        id: s.id,
                        span: s.span,
                        kind: ExprKind::Binary {
                            op: *bop,
                            op_span: *op_span,
                            x: Box::new(lhs[0].clone()),
                            y: Box::new(rhs[0].clone()),
                        },
                    };
                    if l.is_invalid() {
                        self.expr(&rhs[0]);
                        return;
                    }
                    let mut r = self.expr_any_binary_rhs(&bin);
                    if r.is_invalid() {
                        return;
                    }
                    self.assign_to(&rhs[0], &mut r, l.ty, "assignment");
                }
            },
            StmtKind::Go(e) | StmtKind::Defer(e) => {
                let what = if matches!(s.kind, StmtKind::Go(_)) {
                    "go"
                } else {
                    "defer"
                };
                let inner = e.unparen();
                if !matches!(inner.kind, ExprKind::Call { .. }) {
                    self.expr_any(e);
                    self.err(
                        e.span,
                        format!("expression in {what} must be function call"),
                    );
                    return;
                }
                let x = self.expr_any(e);
                if x.is_invalid() {
                    return;
                }
                if let Some(ci) = self.info.calls.get(&inner.id) {
                    match ci.kind {
                        CallKind::Conversion { .. } => {
                            self.err(
                                e.span,
                                format!("{what} requires function call, not conversion"),
                            );
                        }
                        CallKind::Builtin(
                            Builtin::Append
                            | Builtin::Cap
                            | Builtin::Len
                            | Builtin::Make
                            | Builtin::New
                            | Builtin::Min
                            | Builtin::Max,
                        ) => {
                            let d = self.describe(e, &x);
                            self.err(e.span, format!("{what} discards result of {d}"));
                        }
                        _ => {}
                    }
                }
            }
            StmtKind::Return(results) => self.return_stmt(s, results),
            StmtKind::Break(l) | StmtKind::Continue(l) => self.branch(s, l.as_ref()),
            // Checked for the whole body at its end (`goto.rs`): labels may follow the goto.
            StmtKind::Goto(_) => {}
            StmtKind::Fallthrough => self.err(s.span, "fallthrough statement out of place"),
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.open_scope();
                if let Some(i) = init {
                    self.stmt(i, None);
                }
                self.condition(cond, "if statement");
                self.block(then);
                if let Some(e) = els {
                    self.stmt(e, None);
                }
                self.close_scope();
            }
            StmtKind::Switch { init, tag, cases } => {
                self.switch(s, label, init.as_deref(), tag.as_ref(), cases)
            }
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                cases,
            } => self.type_switch(s, label, init.as_deref(), bind.as_ref(), x, cases),
            StmtKind::Select(clauses) => self.select(s, label, clauses),
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                self.open_scope();
                if let Some(i) = init {
                    let before = self.info.objects.len();
                    self.stmt(i, None);
                    for o in before..self.info.objects.len() {
                        if let ObjectKind::Var(v) = &mut self.info.objects[o].kind {
                            v.loop_var = true;
                        }
                    }
                }
                if let Some(c) = cond {
                    self.condition(c, "for statement");
                }
                if let Some(p) = post {
                    if let StmtKind::Assign {
                        op: AssignOp::Define,
                        ..
                    } = p.kind
                    {
                        self.err(p.span, "cannot declare in post statement of for loop");
                    } else {
                        self.stmt(p, None);
                    }
                }
                self.push_target(s.id, label, TargetKind::Loop);
                self.block(body);
                self.pop_target();
                self.close_scope();
            }
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => self.range(s, label, key.as_ref(), value.as_ref(), *define, x, body),
            StmtKind::Labeled { label: l, stmt } => {
                if let Some(f) = self.funcs.last_mut() {
                    if f.labels.contains_key(&l.name) {
                        let msg = format!("label {} already defined", l.name);
                        self.err(l.span, msg);
                    } else {
                        f.labels.insert(l.name.clone(), (l.span, false));
                    }
                }
                self.stmt(stmt, Some(&l.name));
            }
        }
    }

    fn expr_any_binary_rhs(&mut self, bin: &ast::Expr) -> Operand {
        // Evaluate `x op y` for `x op= y`; the result type is the type of x.
        let r = self.expr_any(bin);
        // The synthesized node shares the statement's id; drop its record.
        if let Some(slot) = self.info.exprs.get_mut(bin.id.0 as usize) {
            *slot = None;
        }
        r
    }

    fn expr_stmt(&mut self, e: &ast::Expr) {
        let inner = e.unparen();
        if matches!(
            inner.kind,
            ExprKind::Unary {
                op: ast::UnaryOp::Recv,
                ..
            }
        ) {
            self.note_dropped_receive(e);
        }
        let x = self.expr_any(e);
        if x.is_invalid() {
            return;
        }
        let is_stmt = match &inner.kind {
            ExprKind::Call { .. } => match self.info.calls.get(&inner.id).map(|c| c.kind.clone()) {
                Some(CallKind::Conversion { .. }) => false,
                Some(CallKind::Builtin(b)) => !matches!(
                    b,
                    Builtin::Append
                        | Builtin::Cap
                        | Builtin::Len
                        | Builtin::Make
                        | Builtin::New
                        | Builtin::Min
                        | Builtin::Max
                ),
                _ => true,
            },
            ExprKind::Unary {
                op: ast::UnaryOp::Recv,
                ..
            } => true,
            _ => false,
        };
        if is_stmt {
            return;
        }
        let msg = match x.mode {
            Mode::Builtin => "must be called",
            Mode::Type => "is not an expression",
            _ => "is not used",
        };
        let d = self.describe(e, &x);
        self.err(e.span, format!("{d} {msg}"));
    }

    fn send(&mut self, ch: &ast::Expr, value: &ast::Expr) {
        let c = self.expr(ch);
        let mut v = self.expr(value);
        if c.is_invalid() || v.is_invalid() {
            return;
        }
        match self.types.under(c.ty).clone() {
            TypeKind::Chan(dir, elem) => {
                if dir == ast::ChanDir::Recv {
                    let d = self.describe(ch, &c);
                    self.err(
                        ch.span,
                        format!("invalid operation: cannot send to receive-only channel {d}"),
                    );
                    return;
                }
                self.assign_to(value, &mut v, elem, "send");
            }
            _ => {
                let d = self.describe(ch, &c);
                self.err(
                    ch.span,
                    format!("invalid operation: cannot send to non-channel {d}"),
                );
            }
        }
    }

    fn condition(&mut self, cond: &ast::Expr, what: &str) {
        let mut c = self.expr(cond);
        if c.is_invalid() {
            return;
        }
        if !self.is_bool(c.ty) {
            self.err(cond.span, format!("non-boolean condition in {what}"));
            return;
        }
        self.default_operand(cond, &mut c);
    }
}
