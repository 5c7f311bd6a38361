//! Statements: assignments and `:=`, control flow with its scopes, `break`/`continue` targets and
//! labels, `go`/`defer`, `return`, `select`, `switch` and type switches, `range` (including
//! Go 1.22 range-over-int and per-iteration loop variables).

use crate::diag::Span;
use crate::lang::ast::print::expr_string;
use crate::lang::ast::{self, AssignOp, ExprKind, Stmt, StmtKind};
use crate::lang::check::decl::plural;
use crate::lang::check::info::*;
use crate::lang::check::scope::{Target, TargetKind};
use crate::lang::check::{Checker, Operand};
use crate::lang::types::{Basic, TypeId, TypeKind, TypeTable};

fn unparen(e: &ast::Expr) -> &ast::Expr {
    let mut e = e;
    while let ExprKind::Paren(x) = &e.kind {
        e = x;
    }
    e
}

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
                if let ExprKind::Ident(id) = &unparen(x).kind {
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
                            expr_string(x),
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
                let inner = unparen(e);
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
            StmtKind::Goto(l) => {
                self.unsupported(s.span, "goto");
                if let Some(f) = self.funcs.last_mut() {
                    f.has_goto = true;
                }
                let _ = l;
            }
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
        let inner = unparen(e);
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

    /// The left side of an assignment: addressable or a map index; a bare variable is not
    /// marked used.
    fn lhs_expr(&mut self, e: &ast::Expr) -> Operand {
        let inner = unparen(e);
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
                            format!("cannot assign to struct field {} in map", expr_string(e)),
                        );
                        return Operand::invalid();
                    }
                }
                let msg = format!(
                    "cannot assign to {} (neither addressable nor a map index expression)",
                    expr_string(e)
                );
                self.err(e.span, msg);
                Operand::invalid()
            }
        }
    }

    fn assign_stmt(&mut self, lhs: &[ast::Expr], rhs: &[ast::Expr]) {
        let mut targets: Vec<Option<Operand>> = Vec::new();
        for l in lhs {
            if matches!(&unparen(l).kind, ExprKind::Ident(id) if id.name == "_") {
                targets.push(None);
                if let ExprKind::Ident(id) = &unparen(l).kind {
                    let _ = id;
                }
            } else {
                targets.push(Some(self.lhs_expr(l)));
            }
        }
        self.assign_values(lhs, &targets, rhs, "assignment");
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
                let mut x = self.expr(r);
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
                                self.err(r.span, format!("cannot use {} (value of type {rs}) as {ts} value in {context}", expr_string(r)));
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
    fn define(
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
                        format!("non-name {} on left side of :=", expr_string(l)),
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
                let mut x = self.expr(r);
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
                                        self.err(r.span, format!("cannot use {} (value of type {rs}) as {ts} value in assignment", expr_string(r)));
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
                    let _ = o;
                }
            }
        }
    }

    fn return_stmt(&mut self, s: &Stmt, results: &[ast::Expr]) {
        let Some(f) = self.funcs.last() else { return };
        let want = f.results.clone();
        let named = f.named_results;
        let key = f.key;
        if results.is_empty() {
            if !want.is_empty() && !named {
                let ws = self.tuple_summary(&want);
                self.err(
                    s.span,
                    format!("not enough return values\n\thave ()\n\twant {ws}"),
                );
            }
            if named {
                // A bare return needs the result parameters in scope (not shadowed).
                let objs = self
                    .info
                    .funcs
                    .get(&key)
                    .map(|f| f.results.clone())
                    .unwrap_or_default();
                for o in objs {
                    let (name, ty) = match &self.info.object(o).kind {
                        ObjectKind::Var(v) => (self.info.object(o).name.clone(), v.ty),
                        _ => continue,
                    };
                    if name == "_" {
                        continue;
                    }
                    let Some(alt) = self.lookup(&name) else {
                        continue;
                    };
                    if alt == o {
                        continue;
                    }
                    let mut msg = format!("result parameter {name} not in scope at return");
                    let alt_obj = self.info.object(alt);
                    if let (Some(pos), ObjectKind::Var(av)) =
                        (self.position(alt_obj.span), &alt_obj.kind)
                    {
                        let _ = ty;
                        let ts = self.show(av.ty);
                        msg.push_str(&format!("\n\t{pos}: inner declaration of var {name} {ts}"));
                    }
                    self.err(s.span, msg);
                }
            }
            return;
        }
        if results.len() == 1 && want.len() != 1 {
            let r = &results[0];
            let x = self.expr_multi(r);
            if x.is_invalid() {
                return;
            }
            let have = match (x.mode, self.types.kind(x.ty)) {
                (Mode::Tuple, TypeKind::Tuple(ts)) => ts.clone(),
                _ => vec![x.ty],
            };
            if have.len() != want.len() {
                let (hs, ws) = (self.tuple_summary(&have), self.tuple_summary(&want));
                let q = if have.len() > want.len() {
                    "too many"
                } else {
                    "not enough"
                };
                self.err(
                    r.span,
                    format!("{q} return values\n\thave {hs}\n\twant {ws}"),
                );
                return;
            }
            let mut conv = Vec::new();
            let mut any = false;
            for (h, w) in have.iter().zip(want.iter()) {
                if !self.assignable(*h, *w) {
                    let (hs, ws) = (self.show(*h), self.show(*w));
                    self.err(
                        r.span,
                        format!(
                            "cannot use {} (value of type {hs}) as {ws} value in return statement",
                            expr_string(r)
                        ),
                    );
                }
                if self.is_interface(*w) && !self.is_interface(*h) {
                    any = true;
                    conv.push(Some(*w));
                } else {
                    conv.push(None);
                }
            }
            if any {
                self.info.tuple_implicit.insert(r.id, conv);
            }
            return;
        }
        let mut ops = Vec::new();
        for r in results {
            ops.push(self.expr(r));
        }
        if ops.iter().any(|o| o.is_invalid()) {
            return;
        }
        if results.len() != want.len() {
            let have: Vec<TypeId> = ops.iter().map(|o| o.ty).collect();
            let (hs, ws) = (self.tuple_summary(&have), self.tuple_summary(&want));
            let q = if have.len() > want.len() {
                "too many"
            } else {
                "not enough"
            };
            let at = if results.len() > want.len() {
                results[want.len()].span
            } else {
                results[0].span
            };
            self.err(at, format!("{q} return values\n\thave {hs}\n\twant {ws}"));
            return;
        }
        for (i, r) in results.iter().enumerate() {
            self.assign_to(r, &mut ops[i], want[i], "return statement");
        }
    }

    /// `(int, string)` with untyped numeric constants shown as `number`.
    fn tuple_summary(&self, ts: &[TypeId]) -> String {
        let parts: Vec<String> = ts
            .iter()
            .map(|t| {
                if self.is_untyped(*t) {
                    if self.is_numeric(*t) {
                        "number".to_string()
                    } else {
                        self.show(*t).replace("untyped ", "")
                    }
                } else {
                    self.show(*t)
                }
            })
            .collect();
        format!("({})", parts.join(", "))
    }

    fn push_target(&mut self, stmt: ast::NodeId, label: Option<&str>, kind: TargetKind) {
        if let Some(f) = self.funcs.last_mut() {
            f.targets.push(Target {
                stmt,
                label: label.map(|s| s.to_string()),
                kind,
            });
        }
    }

    fn pop_target(&mut self) {
        if let Some(f) = self.funcs.last_mut() {
            f.targets.pop();
        }
    }

    fn branch(&mut self, s: &Stmt, label: Option<&ast::Ident>) {
        let is_break = matches!(s.kind, StmtKind::Break(_));
        let Some(f) = self.funcs.last_mut() else {
            return;
        };
        let target = match label {
            Some(l) => {
                if let Some(entry) = f.labels.get_mut(&l.name) {
                    entry.1 = true;
                }
                let t = f
                    .targets
                    .iter()
                    .rev()
                    .find(|t| t.label.as_deref() == Some(l.name.as_str()))
                    .cloned();
                match t {
                    Some(t) if is_break || t.kind == TargetKind::Loop => Some(t.stmt),
                    _ => {
                        let what = if is_break { "break" } else { "continue" };
                        let msg = format!("invalid {what} label {}", l.name);
                        self.err(l.span, msg);
                        return;
                    }
                }
            }
            None => {
                let t = if is_break {
                    f.targets.last().cloned()
                } else {
                    f.targets
                        .iter()
                        .rev()
                        .find(|t| t.kind == TargetKind::Loop)
                        .cloned()
                };
                match t {
                    Some(t) => Some(t.stmt),
                    None => {
                        let msg = if is_break {
                            "break is not in a loop, switch, or select"
                        } else {
                            "continue is not in a loop"
                        };
                        self.err(s.span, msg);
                        return;
                    }
                }
            }
        };
        if let Some(t) = target {
            self.info.branch_targets.insert(s.id, t);
            if is_break {
                self.broken.insert(t);
            }
        }
    }

    /// `multiple defaults (first at prog.go:L:C)` when positions are known.
    fn multiple_defaults(&mut self, at: Span, first: Span, what: &str) {
        match self.position(first) {
            Some(pos) => self.err(at, format!("multiple defaults (first at {pos})")),
            None => self.err(at, format!("multiple defaults in {what}")),
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

    fn switch(
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
                                    self.err(e.span, format!("invalid case nil in switch on {} (mismatched types untyped nil and {ts})", expr_string(te)));
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
                        } else if !(self.assignable(x.ty, t.ty) || self.assignable(t.ty, x.ty)) {
                            let (xs, ts) = (self.show(x.ty), self.show(t.ty));
                            self.err(e.span, format!("invalid case {} in switch on {} (mismatched types {xs} and {ts})", expr_string(e), expr_string(te)));
                        } else if self.is_interface(t.ty) && !self.is_interface(x.ty) {
                            self.record_implicit(e, t.ty);
                        }
                    }
                    _ => {
                        if !self.is_bool(x.ty) {
                            let d = self.describe(e, &x);
                            self.err(
                                e.span,
                                format!(
                                    "invalid case {} in switch (mismatched types {} and bool)",
                                    expr_string(e),
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

    fn type_switch(
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
        if valid && !self.is_interface(xo.ty) {
            let d = self.describe(x, &xo);
            self.err(x.span, format!("{d} is not an interface"));
        }
        self.push_target(s.id, label, TargetKind::Switch);
        let mut bind_objs = Vec::new();
        let mut default_seen: Option<Span> = None;
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
                    continue;
                }
                let t = self.resolve_type(te);
                if t != self.invalid()
                    && self.is_interface(t)
                    && t != self.any_type
                    && t != self.error_type
                    && Some(t) != Some(xo.ty)
                {
                    self.unsupported(te.span, "type switch cases with interfaces with methods");
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
                    self.err(b.span, format!("declared and not used: {}", b.name));
                }
            } else {
                // No clauses: the variable is unused.
                self.err(b.span, format!("declared and not used: {}", b.name));
            }
        }
        self.pop_target();
        self.close_scope();
    }

    fn select(&mut self, s: &Stmt, label: Option<&str>, clauses: &[ast::CommClause]) {
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
                            unparen(e).kind,
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
                                    unparen(&rhs[0]).kind,
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

    fn range(
        &mut self,
        s: &Stmt,
        label: Option<&str>,
        key: Option<&ast::Expr>,
        value: Option<&ast::Expr>,
        define: bool,
        x: &ast::Expr,
        body: &ast::Block,
    ) {
        self.open_scope();
        let mut xo = self.expr(x);
        let x_desc = self.describe(x, &xo);
        let int = TypeTable::basic(Basic::Int);
        let mut kinfo: Option<RangeInfo> = None;
        if !xo.is_invalid() {
            let mut u = self.types.under(xo.ty).clone();
            let mut via_ptr = false;
            if let TypeKind::Pointer(p) = &u {
                if let TypeKind::Array(..) = self.types.under(*p) {
                    u = self.types.under(*p).clone();
                    via_ptr = true;
                }
            }
            kinfo = match u {
                TypeKind::Basic(b) if b.int_info().is_some() => {
                    if self.is_untyped(xo.ty) {
                        self.set_type(x, &mut xo, int);
                    }
                    Some(RangeInfo {
                        kind: RangeKind::Int,
                        key_ty: xo.ty,
                        value_ty: None,
                    })
                }
                TypeKind::Basic(Basic::String | Basic::UntypedString) => {
                    self.default_operand(x, &mut xo);
                    Some(RangeInfo {
                        kind: RangeKind::String,
                        key_ty: int,
                        value_ty: Some(TypeTable::basic(Basic::Int32)),
                    })
                }
                TypeKind::Slice(el) => Some(RangeInfo {
                    kind: RangeKind::Slice,
                    key_ty: int,
                    value_ty: Some(el),
                }),
                TypeKind::Array(_, el) => Some(RangeInfo {
                    kind: if via_ptr {
                        RangeKind::ArrayPtr
                    } else {
                        RangeKind::Array
                    },
                    key_ty: int,
                    value_ty: Some(el),
                }),
                TypeKind::Map(k, v) => Some(RangeInfo {
                    kind: RangeKind::Map,
                    key_ty: k,
                    value_ty: Some(v),
                }),
                TypeKind::Chan(dir, el) => {
                    if dir == ast::ChanDir::Send {
                        let d = self.describe(x, &xo);
                        self.err(
                            x.span,
                            format!(
                                "invalid operation: range {} receive from send-only channel {d}",
                                expr_string(x)
                            ),
                        );
                        None
                    } else {
                        Some(RangeInfo {
                            kind: RangeKind::Chan,
                            key_ty: el,
                            value_ty: None,
                        })
                    }
                }
                TypeKind::Func(_) => {
                    self.unsupported(x.span, "range over functions");
                    None
                }
                _ => {
                    let d = self.describe(x, &xo);
                    self.err(x.span, format!("cannot range over {d}"));
                    None
                }
            };
        }
        if let (Some(ri), Some(v)) = (&kinfo, value) {
            if ri.value_ty.is_none() {
                let d = x_desc.clone();
                self.err(
                    v.span,
                    format!("range over {d} permits only one iteration variable"),
                );
                kinfo = None;
            }
        }
        let invalid = self.invalid();
        let kt = kinfo.as_ref().map(|r| r.key_ty).unwrap_or(invalid);
        let vt = kinfo.as_ref().and_then(|r| r.value_ty).unwrap_or(invalid);
        if let Some(ri) = kinfo.clone() {
            self.info.ranges.insert(s.id, ri);
        }
        if define {
            for (e, t) in [(key, kt), (value, vt)] {
                let Some(e) = e else { continue };
                match &e.kind {
                    ExprKind::Ident(id) => {
                        self.new_local(id, t, VarKind::Local, true);
                        self.record(
                            e,
                            &Operand {
                                mode: Mode::Variable,
                                ty: t,
                                val: None,
                            },
                        );
                    }
                    _ => self.err(
                        e.span,
                        format!("non-name {} on left side of :=", expr_string(e)),
                    ),
                }
            }
        } else {
            for (e, t) in [(key, kt), (value, vt)] {
                let Some(e) = e else { continue };
                if matches!(&unparen(e).kind, ExprKind::Ident(id) if id.name == "_") {
                    continue;
                }
                let l = self.lhs_expr(e);
                if !l.is_invalid() && t != invalid && !self.assignable(t, l.ty) {
                    let (ts, ls) = (self.show(t), self.show(l.ty));
                    self.err(
                        e.span,
                        format!(
                            "cannot use {} (value of type {ts}) as {ls} value in range",
                            expr_string(e)
                        ),
                    );
                }
            }
        }
        self.push_target(s.id, label, TargetKind::Loop);
        self.block(body);
        self.pop_target();
        self.close_scope();
    }
}
