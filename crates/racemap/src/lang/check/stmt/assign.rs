//! Assignments and short variable declarations: addressable and map-index left sides, `=` with
//! its count and type checks, `op=`, and `:=` (at least one new variable, redeclaration in the
//! same scope, Go's `non-name on left side of :=`).

use crate::diag::Span;
use crate::lang::ast::{self, ExprKind, Stmt};
use crate::lang::check::decl::plural;
use crate::lang::check::info::*;
use crate::lang::check::{Checker, Operand};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};

impl<'a> Checker<'a> {
    /// The left side of an assignment: addressable or a map index; a bare variable is not
    /// marked used.
    pub(super) fn lhs_expr(&mut self, e: &ast::Expr) -> Operand {
        let inner = e.unparen();
        if let ExprKind::Ident(id) = &inner.kind {
            if id.name == "_" {
                return Operand::invalid();
            }
            if let Some(obj) = self.lookup(&id.name) {
                if let ObjectKind::Var(_) = self.info.object(obj).kind {
                    self.record_ident(id, obj, false);
                    let x = self.use_object(obj, id.span, false);
                    self.record(inner, &x);
                    if !std::ptr::eq(inner, e) {
                        self.record(e, &x);
                    }
                    return x;
                }
            }
        }
        let x = self.expr(e);
        if x.is_invalid() {
            return x;
        }
        match x.mode {
            Mode::Variable | Mode::MapIndex => x,
            _ => {
                if let ExprKind::Selector { x: sx, .. } = &inner.kind {
                    if self.info.expr(sx.id).map(|i| i.mode) == Some(Mode::MapIndex) {
                        self.err(
                            e.span,
                            format!(
                                "cannot assign to struct field {} in map",
                                self.expr_string(e)
                            ),
                        );
                        return Operand::invalid();
                    }
                }
                // Go 1.19 describes the operand (`c (untyped int constant 10)`, `s[0] (value
                // of type byte)`); Go 1.20 says `(neither addressable nor a map index
                // expression)` instead.
                let msg = format!("cannot assign to {}", self.describe(e, &x));
                self.err(e.span, msg);
                Operand::invalid()
            }
        }
    }

    pub(super) fn assign_stmt(&mut self, lhs: &[ast::Expr], rhs: &[ast::Expr]) {
        let mut targets: Vec<Option<Operand>> = Vec::new();
        for l in lhs {
            if matches!(&l.unparen().kind, ExprKind::Ident(id) if id.name == "_") {
                targets.push(None);
                if let ExprKind::Ident(id) = &l.unparen().kind {
                    let _ = id;
                }
            } else {
                targets.push(Some(self.lhs_expr(l)));
            }
        }
        self.assign_values(lhs, &targets, rhs, "assignment");
    }

    /// A right-hand value of an `=` or `:=` with `n` values on each side. With one on each,
    /// go/types unpacks a call's results first (`exprList`): a call of several results is
    /// Go's `assignment mismatch: 1 variable but f returns 2 values`, not a single-value
    /// error (a `var` declaration keeps that one).
    fn rhs_value(&mut self, r: &ast::Expr, n: usize) -> Operand {
        if n != 1 {
            return self.expr(r);
        }
        let x = self.expr_multi(r);
        if x.mode != Mode::Tuple {
            return x;
        }
        let vals = match self.types.kind(x.ty) {
            TypeKind::Tuple(ts) => ts.len(),
            _ => 0,
        };
        self.assign_mismatch(r, 1, vals);
        Operand::invalid()
    }

    /// Assign `rhs` to targets (None = blank). Handles n:n, n:1 multi-value and comma-ok.
    fn assign_values(
        &mut self,
        lhs: &[ast::Expr],
        targets: &[Option<Operand>],
        rhs: &[ast::Expr],
        context: &str,
    ) {
        let n = lhs.len();
        if rhs.len() == n {
            for (i, r) in rhs.iter().enumerate() {
                let mut x = self.rhs_value(r, n);
                if x.is_invalid() {
                    continue;
                }
                match &targets[i] {
                    Some(t) if !t.is_invalid() => {
                        self.assign_to(r, &mut x, t.ty, context);
                    }
                    Some(_) => {}
                    None => {
                        if x.mode == Mode::Nil {
                            self.err(r.span, format!("use of untyped nil in {context}"));
                        } else if x.mode == Mode::Constant && self.is_untyped(x.ty) {
                            // go/types assigns to `_` with the default type: an untyped
                            // constant must be representable in it.
                            let d = self.default_type(x.ty);
                            let context = if context == "assignment" {
                                "assignment to _ identifier"
                            } else {
                                context
                            };
                            self.assign_to(r, &mut x, d, context);
                        } else {
                            self.default_operand(r, &mut x);
                        }
                    }
                }
            }
            return;
        }
        if rhs.len() == 1 {
            let r = &rhs[0];
            let x = self.expr_multi(r);
            if x.is_invalid() {
                return;
            }
            if x.mode == Mode::Tuple {
                let results = match self.types.kind(x.ty) {
                    TypeKind::Tuple(ts) => ts.clone(),
                    _ => vec![],
                };
                if results.len() != n {
                    self.assign_mismatch(r, n, results.len());
                    return;
                }
                let mut conv = Vec::new();
                let mut any = false;
                for (i, rt) in results.iter().enumerate() {
                    let c = match &targets[i] {
                        Some(t) if !t.is_invalid() => {
                            if !self.assignable(*rt, t.ty) {
                                let (rs, ts) = (self.show(*rt), self.show(t.ty));
                                self.err(r.span, format!("cannot use {} (value of type {rs}) as {ts} value in {context}", self.expr_string(r)));
                            }
                            if self.is_interface(t.ty) && !self.is_interface(*rt) {
                                any = true;
                                Some(t.ty)
                            } else {
                                None
                            }
                        }
                        _ => None,
                    };
                    conv.push(c);
                }
                if any {
                    self.info.tuple_implicit.insert(r.id, conv);
                }
                return;
            }
            if n == 2 && self.comma_ok_capable(r, &x) {
                self.record_comma_ok(r);
                let mut x = x;
                match &targets[0] {
                    Some(t) if !t.is_invalid() => {
                        self.assign_to(r, &mut x, t.ty, context);
                    }
                    _ => self.default_operand(r, &mut x),
                }
                if let Some(Some(t)) = targets.get(1) {
                    if !t.is_invalid() && !self.is_bool(t.ty) {
                        let d = self.describe(&lhs[1], t);
                        self.err(
                            lhs[1].span,
                            format!("cannot use {d} as bool value in {context}"),
                        );
                    }
                }
                return;
            }
            self.assign_mismatch(r, n, 1);
            return;
        }
        for r in rhs {
            self.expr_multi(r);
        }
        let at = if rhs.len() > n { &rhs[n] } else { &rhs[0] };
        self.err(
            at.span,
            format!(
                "assignment mismatch: {} but {}",
                plural(n, "variable"),
                plural(rhs.len(), "value")
            ),
        );
    }

    /// `a, b := ...` (also the `:=` of a `select` receive case). Returns the new objects.
    pub(super) fn define(
        &mut self,
        s: &Stmt,
        lhs: &[ast::Expr],
        rhs: &[ast::Expr],
        op_span: Span,
        loop_var: bool,
    ) {
        let _ = s;
        // Left sides must be identifiers.
        let mut idents: Vec<Option<&ast::Ident>> = Vec::new();
        let mut bad = false;
        for l in lhs {
            match &l.kind {
                ExprKind::Ident(id) => idents.push(Some(id)),
                _ => {
                    self.err(
                        l.span,
                        format!("non-name {} on left side of :=", self.expr_string(l)),
                    );
                    idents.push(None);
                    bad = true;
                }
            }
        }
        // Which are new?
        let scope = self.scopes.len() - 1;
        let mut any_new = false;
        let mut targets: Vec<Option<Operand>> = Vec::new();
        let mut new_names: Vec<bool> = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for id in idents.iter() {
            match id {
                Some(id) if id.name == "_" => {
                    targets.push(None);
                    new_names.push(false);
                }
                Some(id) => {
                    if !seen.insert(id.name.clone()) {
                        self.err(id.span, format!("{} repeated on left side of :=", id.name));
                        targets.push(Some(Operand::invalid()));
                        new_names.push(false);
                        continue;
                    }
                    if let Some(&obj) = self.scopes[scope].names.get(&id.name) {
                        self.record_ident(id, obj, false);
                        let x = self.use_object(obj, id.span, false);
                        let xe = &lhs[targets.len()];
                        self.record(xe, &x);
                        if matches!(x.mode, Mode::Variable) {
                            targets.push(Some(x));
                        } else if x.is_invalid() {
                            // Already reported (e.g. declared from an unsupported call).
                            targets.push(Some(Operand::invalid()));
                        } else {
                            let d = self.describe(xe, &x);
                            self.err(id.span, format!("cannot assign to {d}"));
                            targets.push(Some(Operand::invalid()));
                        }
                        new_names.push(false);
                    } else {
                        any_new = true;
                        targets.push(None);
                        new_names.push(true);
                    }
                }
                None => {
                    targets.push(Some(Operand::invalid()));
                    new_names.push(false);
                }
            }
        }
        if !any_new && !bad {
            self.err(op_span, "no new variables on left side of :=");
        }
        // Types of the right side.
        let n = lhs.len();
        let invalid = self.invalid();
        let mut types: Vec<TypeId> = vec![invalid; n];
        if rhs.len() == n {
            for (i, r) in rhs.iter().enumerate() {
                let mut x = self.rhs_value(r, n);
                if x.is_invalid() {
                    continue;
                }
                match &targets[i] {
                    Some(t) => {
                        if !t.is_invalid() {
                            self.assign_to(r, &mut x, t.ty, "assignment");
                            types[i] = t.ty;
                        }
                    }
                    None => {
                        if x.mode == Mode::Nil {
                            self.err(r.span, "use of untyped nil in assignment");
                            continue;
                        }
                        let t = self.default_type(x.ty);
                        if self.assign_to(r, &mut x, t, "assignment") {
                            types[i] = t;
                        }
                    }
                }
            }
        } else if rhs.len() == 1 {
            let r = &rhs[0];
            let x = self.expr_multi(r);
            if !x.is_invalid() {
                if x.mode == Mode::Tuple {
                    let results = match self.types.kind(x.ty) {
                        TypeKind::Tuple(ts) => ts.clone(),
                        _ => vec![],
                    };
                    if results.len() != n {
                        self.assign_mismatch(r, n, results.len());
                    } else {
                        let mut conv = Vec::new();
                        let mut any = false;
                        for (i, rt) in results.iter().enumerate() {
                            let mut c = None;
                            match &targets[i] {
                                Some(t) if !t.is_invalid() => {
                                    if !self.assignable(*rt, t.ty) {
                                        let (rs, ts) = (self.show(*rt), self.show(t.ty));
                                        self.err(r.span, format!("cannot use {} (value of type {rs}) as {ts} value in assignment", self.expr_string(r)));
                                    }
                                    if self.is_interface(t.ty) && !self.is_interface(*rt) {
                                        any = true;
                                        c = Some(t.ty);
                                    }
                                    types[i] = t.ty;
                                }
                                Some(_) => {}
                                None => types[i] = *rt,
                            }
                            conv.push(c);
                        }
                        if any {
                            self.info.tuple_implicit.insert(r.id, conv);
                        }
                    }
                } else if n == 2 && self.comma_ok_capable(r, &x) {
                    self.record_comma_ok(r);
                    let mut x = x;
                    match &targets[0] {
                        Some(t) if !t.is_invalid() => {
                            self.assign_to(r, &mut x, t.ty, "assignment");
                            types[0] = t.ty;
                        }
                        Some(_) => {}
                        None => {
                            self.default_operand(r, &mut x);
                            types[0] = x.ty;
                        }
                    }
                    types[1] = TypeTable::basic(Basic::Bool);
                    if let Some(Some(t)) = targets.get(1) {
                        if !t.is_invalid() && !self.is_bool(t.ty) {
                            let d = self.describe(&lhs[1], t);
                            self.err(
                                lhs[1].span,
                                format!("cannot use {d} as bool value in assignment"),
                            );
                        }
                    }
                } else {
                    self.assign_mismatch(r, n, 1);
                }
            }
        } else {
            for r in rhs {
                self.expr_multi(r);
            }
            let at = if rhs.len() > n { &rhs[n] } else { &rhs[0] };
            self.err(
                at.span,
                format!(
                    "assignment mismatch: {} but {}",
                    plural(n, "variable"),
                    plural(rhs.len(), "value")
                ),
            );
        }
        // Declare the new variables (after checking the right side: `x := x` refers to outer x).
        for (i, id) in idents.iter().enumerate() {
            if let Some(id) = id {
                if new_names[i] || id.name == "_" {
                    let o = self.new_local(id, types[i], VarKind::Local, loop_var);
                    let x = Operand {
                        mode: Mode::Variable,
                        ty: types[i],
                        val: None,
                    };
                    self.record(&lhs[i], &x);
                    // Go's types2 counts a variable whose initialization failed as used, so
                    // `x := undefined` reports only `undefined`.
                    if types[i] == invalid {
                        self.mark_used(o);
                    }
                }
            }
        }
    }
}
