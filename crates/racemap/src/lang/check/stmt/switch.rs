//! `switch`, type switches and `select`: clause scopes, multiple defaults, case types
//! against the tag, `fallthrough` placement, and the communication clauses of `select`.

use crate::diag::Span;
use crate::lang::ast::{self, AssignOp, ExprKind, Stmt, StmtKind};
use crate::lang::check::info::*;
use crate::lang::check::scope::TargetKind;
use crate::lang::check::{Checker, Operand};
use crate::types::TypeId;

impl<'a> Checker<'a> {
    /// `multiple defaults (first at prog.go:L:C)` when positions are known.
    fn multiple_defaults(&mut self, at: Span, first: Span, what: &str) {
        match self.position(first) {
            Some(pos) => self.err(at, format!("multiple defaults (first at {pos})")),
            None => self.err(at, format!("multiple defaults in {what}")),
        }
    }

    /// go/types' duplicate check of a type switch's case `te` (type `t`, `None` for `nil`)
    /// against the cases before it: `duplicate case T in type switch` with the previous
    /// case's position; whether it was one (then no other check of it follows).
    fn duplicate_type(
        &mut self,
        te: &ast::Expr,
        t: Option<TypeId>,
        seen: &mut Vec<(Option<TypeId>, Span)>,
    ) -> bool {
        let Some(&(_, prev)) = seen.iter().find(|(s, _)| *s == t) else {
            seen.push((t, te.span));
            return false;
        };
        let shown = t.map_or_else(|| "nil".to_string(), |t| self.show(t));
        let mut msg = format!("duplicate case {shown} in type switch");
        if let Some(at) = self.position(prev) {
            msg.push_str(&format!("\n\t{at}: previous case"));
        }
        self.err(te.span, msg);
        true
    }

    /// go/types' duplicate check of an expression switch's case `e` (operand `x`, converted to
    /// the tag's type): a constant integer, float or string equal to an earlier case's of the
    /// same type is `duplicate case 1 (constant of type int) in expression switch`.
    fn duplicate_value(
        &mut self,
        e: &ast::Expr,
        x: &Operand,
        seen: &mut Vec<(ConstValue, TypeId, Span)>,
    ) {
        if x.mode != Mode::Constant {
            return;
        }
        let Some(v) = x.val.clone() else { return };
        if matches!(v, ConstValue::Bool(_)) {
            return;
        }
        match seen.iter().find(|(sv, st, _)| *sv == v && *st == x.ty) {
            Some(&(_, _, prev)) => {
                let d = self.describe(e, x);
                let mut msg = format!("duplicate case {d} in expression switch");
                if let Some(at) = self.position(prev) {
                    msg.push_str(&format!("\n\t{at}: previous case"));
                }
                self.err(e.span, msg);
            }
            None => seen.push((v, x.ty, e.span)),
        }
    }

    fn clause_body(&mut self, body: &[Stmt], fallthrough_ok: bool) {
        for (i, st) in body.iter().enumerate() {
            if self.saturated() {
                return;
            }
            if let StmtKind::Fallthrough = st.kind {
                if !(fallthrough_ok && i + 1 == body.len()) {
                    let msg = if fallthrough_ok || i + 1 != body.len() {
                        "fallthrough statement out of place"
                    } else {
                        "cannot fallthrough final case in switch"
                    };
                    self.err(st.span, msg);
                }
                continue;
            }
            self.stmt(st, None);
        }
    }

    pub(super) fn switch(
        &mut self,
        s: &Stmt,
        label: Option<&str>,
        init: Option<&Stmt>,
        tag: Option<&ast::Expr>,
        cases: &[ast::CaseClause],
    ) {
        self.open_scope();
        if let Some(i) = init {
            self.stmt(i, None);
        }
        let tag_op = match tag {
            Some(t) => {
                let mut x = self.expr(t);
                if !x.is_invalid() {
                    if x.mode == Mode::Nil {
                        self.err(t.span, "use of untyped nil in switch expression");
                        x = Operand::invalid();
                    } else {
                        self.default_operand(t, &mut x);
                    }
                }
                Some(x)
            }
            None => None,
        };
        self.push_target(s.id, label, TargetKind::Switch);
        let mut default_seen: Option<Span> = None;
        // The constant cases so far, with their types (go/types' `caseValues`).
        let mut seen: Vec<(ConstValue, TypeId, Span)> = Vec::new();
        for (ci, c) in cases.iter().enumerate() {
            if c.default {
                if let Some(first) = default_seen {
                    self.multiple_defaults(c.span, first, "switch");
                }
                default_seen = Some(c.span);
            }
            for e in &c.exprs {
                let mut x = self.expr(e);
                if x.is_invalid() {
                    continue;
                }
                match (&tag_op, tag) {
                    (Some(t), Some(te)) => {
                        if t.is_invalid() {
                            continue;
                        }
                        // case value must be comparable to the tag.
                        if self.is_untyped(x.ty) {
                            if x.mode == Mode::Nil {
                                if self.assignable(x.ty, t.ty) {
                                    self.update_nil(e, t.ty);
                                } else {
                                    let ts = self.show(t.ty);
                                    self.err(e.span, format!("invalid case nil in switch on {} (mismatched types untyped nil and {ts})", self.expr_string(te)));
                                }
                                continue;
                            }
                            if self.untyped_fits(&x, t.ty).is_err() && !self.is_interface(t.ty) {
                                let d = self.describe(e, &x);
                                let ts = self.show(t.ty);
                                self.err(e.span, format!("cannot convert {d} to type {ts}"));
                                continue;
                            }
                            if self.is_interface(t.ty) {
                                self.default_operand(e, &mut x);
                                self.record_implicit(e, t.ty);
                            } else {
                                self.set_type(e, &mut x, t.ty);
                            }
                            self.duplicate_value(e, &x, &mut seen);
                            continue;
                        } else if !(self.assignable(x.ty, t.ty) || self.assignable(t.ty, x.ty)) {
                            let (xs, ts) = (self.show(x.ty), self.show(t.ty));
                            self.err(e.span, format!("invalid case {} in switch on {} (mismatched types {xs} and {ts})", self.expr_string(e), self.expr_string(te)));
                            continue;
                        } else if self.is_interface(t.ty) && !self.is_interface(x.ty) {
                            self.record_implicit(e, t.ty);
                        }
                        self.duplicate_value(e, &x, &mut seen);
                    }
                    _ => {
                        if !self.is_bool(x.ty) {
                            let d = self.describe(e, &x);
                            self.err(
                                e.span,
                                format!(
                                    "invalid case {} in switch (mismatched types {} and bool)",
                                    self.expr_string(e),
                                    self.show(x.ty)
                                ),
                            );
                            let _ = d;
                        } else {
                            self.default_operand(e, &mut x);
                        }
                    }
                }
            }
            self.open_scope();
            self.clause_body(&c.body, ci + 1 < cases.len());
            self.close_scope();
        }
        self.pop_target();
        self.close_scope();
    }

    pub(super) fn type_switch(
        &mut self,
        s: &Stmt,
        label: Option<&str>,
        init: Option<&Stmt>,
        bind: Option<&ast::Ident>,
        x: &ast::Expr,
        cases: &[ast::TypeCaseClause],
    ) {
        self.open_scope();
        if let Some(i) = init {
            self.stmt(i, None);
        }
        let xo = self.expr(x);
        let valid = !xo.is_invalid();
        if valid && self.generics.placeholders.contains_key(&xo.ty) {
            let d = self.describe(x, &xo);
            self.err(
                x.span,
                format!("cannot use type switch on type parameter value {d}"),
            );
        } else if valid && !self.is_interface(xo.ty) {
            let d = self.describe(x, &xo);
            self.err(x.span, format!("{d} is not an interface"));
        }
        self.push_target(s.id, label, TargetKind::Switch);
        let mut bind_objs = Vec::new();
        let mut default_seen: Option<Span> = None;
        // The case types so far (`None`: the `nil` case), go/types' `caseTypes`.
        let mut seen: Vec<(Option<TypeId>, Span)> = Vec::new();
        for c in cases {
            if c.default {
                if let Some(first) = default_seen {
                    self.multiple_defaults(c.span, first, "switch");
                }
                default_seen = Some(c.span);
            }
            let mut single: Option<TypeId> = None;
            for te in &c.types {
                if matches!(&te.kind, ExprKind::Ident(id) if id.name == "nil") {
                    let n = self.expr_any(te);
                    let _ = n;
                    single = Some(xo.ty);
                    self.duplicate_type(te, None, &mut seen);
                    continue;
                }
                let t = self.resolve_type(te);
                if t != self.invalid() && self.duplicate_type(te, Some(t), &mut seen) {
                    single = Some(t);
                    continue;
                }
                if t != self.invalid() && valid && !self.is_interface(t) {
                    if let Some(m) = self.missing_method(t, xo.ty) {
                        let ts = self.expr_string(te);
                        let d = self.describe(x, &xo);
                        let why = self.missing_text(&m, "\t\t");
                        let shown = self.show(t);
                        self.err(
                            te.span,
                            format!("impossible type switch case: {ts}\n\t{d} cannot have dynamic type {shown} {why}"),
                        );
                    }
                }
                single = Some(t);
            }
            let var_ty = if c.types.len() == 1 {
                single.unwrap_or(xo.ty)
            } else {
                xo.ty
            };
            self.open_scope();
            if let Some(b) = bind {
                if b.name != "_" {
                    let owner = self.current_func().unwrap_or(ast::NodeId(u32::MAX));
                    let o = self.new_object(
                        &b.name,
                        b.span,
                        ObjectKind::Var(LocalVar {
                            ty: var_ty,
                            kind: VarKind::Local,
                            escapes: false,
                            loop_var: false,
                            owner,
                        }),
                    );
                    let scope = self.scopes.len() - 1;
                    self.scopes[scope].names.insert(b.name.clone(), o);
                    self.info.type_switch_vars.insert(c.id, o);
                    bind_objs.push(o);
                }
            }
            self.clause_body(&c.body, false);
            self.close_scope();
        }
        if let Some(b) = bind {
            if b.name == "_" {
                self.err(b.span, "no new variable on left side of :=");
            } else if let Some(&first) = bind_objs.first() {
                self.record_ident(b, first, true);
                let used = bind_objs.iter().any(|o| self.states[o.0 as usize].used);
                if !used {
                    self.err(b.span, format!("{} declared but not used", b.name));
                }
            } else {
                // No clauses: the variable is unused.
                self.err(b.span, format!("{} declared but not used", b.name));
            }
        }
        self.pop_target();
        self.close_scope();
    }

    pub(super) fn select(&mut self, s: &Stmt, label: Option<&str>, clauses: &[ast::CommClause]) {
        self.push_target(s.id, label, TargetKind::Select);
        let mut default_seen: Option<Span> = None;
        for c in clauses {
            self.open_scope();
            match &c.comm {
                None => {
                    if let Some(first) = default_seen {
                        self.multiple_defaults(c.span, first, "select");
                    }
                    default_seen = Some(c.span);
                }
                Some(comm) => {
                    let ok = match &comm.kind {
                        StmtKind::Send { .. } => true,
                        StmtKind::Expr(e) => matches!(
                            e.unparen().kind,
                            ExprKind::Unary {
                                op: ast::UnaryOp::Recv,
                                ..
                            }
                        ),
                        StmtKind::Assign { rhs, op, lhs, .. } => {
                            rhs.len() == 1
                                && lhs.len() <= 2
                                && matches!(op, AssignOp::Assign | AssignOp::Define)
                                && matches!(
                                    rhs[0].unparen().kind,
                                    ExprKind::Unary {
                                        op: ast::UnaryOp::Recv,
                                        ..
                                    }
                                )
                        }
                        _ => false,
                    };
                    if !ok {
                        self.err(
                            comm.span,
                            "select case must be receive, send or assign recv",
                        );
                    } else if let StmtKind::Expr(e) = &comm.kind {
                        self.note_dropped_receive(e);
                        self.expr(e);
                    } else {
                        self.stmt(comm, None);
                    }
                }
            }
            self.clause_body(&c.body, false);
            self.close_scope();
        }
        self.pop_target();
    }
}
