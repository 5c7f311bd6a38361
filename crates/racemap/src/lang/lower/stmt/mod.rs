//! Statements. Each leaves the operand stack as it found it (empty between statements).
//!
//! Loops: `for` keeps Go 1.22 per-iteration variables by copying escaping loop variables into a
//! fresh cell (`Rebox`) before the post statement; `range` declares its variables inside the
//! loop body, so escaping ones get a fresh cell per iteration. `break`/`continue` find their
//! statement through `Info::branch_targets`.
//!
//! Files: this one lowers blocks, simple statements, declarations and `return`; `loops.rs`
//! `for` and `range`, `switch.rs` switches, type switches and `select`.

mod loops;
mod switch;

use crate::bytecode::Instr;
use crate::lang::ast::{self, AssignOp, Expr, ExprKind, Stmt, StmtKind};
use crate::lang::check::ObjectId;
use crate::lang::lower::call::CallMode;
use crate::lang::lower::func::{FnCx, Target};
use crate::lang::lower::place::Place;
use crate::types::{Basic, TypeKind};

impl FnCx<'_, '_> {
    /// Lower a block.
    pub fn block(&mut self, b: &ast::Block) {
        for s in &b.stmts {
            self.stmt(s);
        }
    }

    fn stmts(&mut self, ss: &[Stmt]) {
        for s in ss {
            self.stmt(s);
        }
    }

    /// Lower one statement.
    pub fn stmt(&mut self, s: &Stmt) {
        let outer = self.hoisted.len();
        self.stmt_kind(s);
        // Every operand evaluated early (`order.rs`) is loaded by the statement that holds it;
        // one left over was evaluated a second time in its place.
        if self.hoisted.len() > outer {
            self.hoisted.truncate(outer);
            self.lw
                .internal(s.span, "an operand evaluated early was evaluated again");
        }
    }

    fn stmt_kind(&mut self, s: &Stmt) {
        self.span = s.span;
        match &s.kind {
            StmtKind::Decl(d) => self.local_decl(d),
            StmtKind::Expr(e) => {
                self.expr(e);
                let n = self.result_count(e);
                for _ in 0..n {
                    self.emit(Instr::Pop);
                }
            }
            StmtKind::Send { ch, value } => {
                // `c <- f()` reads `c` after `f` runs (`order.rs`).
                self.hoist_calls(&[ch, value]);
                self.expr(ch);
                self.expr_conv(value);
                self.span = s.span;
                self.emit(Instr::Send);
            }
            StmtKind::IncDec { x, inc } => {
                let p = self.place(x);
                let t = self.ty(x);
                let b = self.basic(t);
                let op = if *inc {
                    crate::bytecode::BinOp::Add
                } else {
                    crate::bytecode::BinOp::Sub
                };
                let one = if matches!(b, Basic::Float32 | Basic::Float64) {
                    Instr::PushFloat(1.0)
                } else {
                    Instr::PushInt(1)
                };
                // `m[k]++` as Go's race builds compile it: a map read (mapaccess), then a
                // separate map write (mapassign).
                self.load_place(&p);
                self.emit(one);
                self.emit(Instr::Binary(op, b));
                self.store_place(&p);
            }
            StmtKind::Assign { lhs, op, rhs, .. } => self.assign(lhs, *op, rhs),
            StmtKind::Go(e) => {
                self.call_mode(e, CallMode::Go);
            }
            StmtKind::Defer(e) => {
                self.call_mode(e, CallMode::Defer);
            }
            StmtKind::Return(vals) => self.ret(vals),
            StmtKind::Break(_) | StmtKind::Continue(_) => {
                let is_break = matches!(s.kind, StmtKind::Break(_));
                let Some(target) = self.lw.info.branch_targets.get(&s.id).copied() else {
                    self.unsupported(s.span, "this break/continue (no target)");
                    return;
                };
                let j = self.emit(Instr::Jump(0));
                match self.targets.iter_mut().rev().find(|t| t.stmt == target) {
                    Some(t) => {
                        if is_break {
                            t.breaks.push(j)
                        } else {
                            t.continues.push(j)
                        }
                    }
                    None => self.unsupported(s.span, "this break/continue target"),
                }
            }
            StmtKind::Goto(l) => {
                let j = self.emit(Instr::Jump(0));
                self.gotos.push((j, l.name.clone()));
            }
            StmtKind::Fallthrough => {
                // Handled by the enclosing switch (it inspects the last statement of a clause).
            }
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.span = cond.span;
                self.expr(cond);
                let jf = self.emit(Instr::JumpIfNot(0));
                self.block(then);
                match els {
                    Some(e) => {
                        let jend = self.emit(Instr::Jump(0));
                        let h = self.here();
                        self.patch(jf, h);
                        self.stmt(e);
                        let h = self.here();
                        self.patch(jend, h);
                    }
                    None => {
                        let h = self.here();
                        self.patch(jf, h);
                    }
                }
            }
            StmtKind::Switch { init, tag, cases } => self.switch(s, init, tag.as_ref(), cases),
            StmtKind::TypeSwitch { init, x, cases, .. } => self.type_switch(s, init, x, cases),
            StmtKind::Select(cases) => self.select(s, cases),
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => self.for_loop(s, init, cond.as_ref(), post, body),
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => self.range(s, key.as_ref(), value.as_ref(), *define, x, body),
            StmtKind::Labeled { label, stmt } => {
                let here = self.here();
                self.labels.insert(label.name.clone(), here);
                self.stmt(stmt)
            }
            StmtKind::Empty => {}
        }
    }

    fn local_decl(&mut self, d: &ast::Decl) {
        match d {
            ast::Decl::Var(specs) => {
                for spec in specs {
                    self.span = spec.span;
                    let objs: Vec<Option<ObjectId>> = spec
                        .names
                        .iter()
                        .map(|n| {
                            if n.name == "_" {
                                None
                            } else {
                                self.lw.info.object_of(n.id)
                            }
                        })
                        .collect();
                    if spec.values.is_empty() {
                        for o in objs.into_iter().flatten() {
                            self.define_zero(o);
                        }
                        continue;
                    }
                    let rhs: Vec<&Expr> = spec.values.iter().collect();
                    let n = self.push_values(&rhs, objs.len());
                    let mut temps = Vec::new();
                    for _ in 0..n {
                        temps.push(self.pop_temp());
                    }
                    temps.reverse();
                    for (o, t) in objs.iter().zip(temps) {
                        if let Some(o) = o {
                            self.emit(Instr::LoadLocal(t));
                            self.define_from_stack(*o);
                        }
                    }
                }
            }
            ast::Decl::Const(_) | ast::Decl::Type(_) => {}
            ast::Decl::Func(f) => self.unsupported(f.span, "nested function declarations"),
        }
    }

    /// Whether an identifier on the left of `:=` defines a new variable.
    fn defines(&self, e: &Expr) -> Option<ObjectId> {
        match &e.kind {
            ExprKind::Ident(id) => {
                let info = self.lw.info.idents.get(&id.id)?;
                if info.def {
                    Some(info.object)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// The operator of `x op= y` on the two operands on the stack (`+` on strings concatenates).
    fn binary_assign_op(&mut self, bop: ast::BinaryOp, b: Basic) {
        if bop == ast::BinaryOp::Add && b == Basic::String {
            self.emit(Instr::Concat);
        } else if let Some(o) = super::expr::bin_op(bop) {
            self.emit(Instr::Binary(o, b));
        }
    }

    fn assign(&mut self, lhs: &[Expr], op: AssignOp, rhs: &[Expr]) {
        if let AssignOp::Op(bop) = op {
            let (Some(l), Some(r)) = (lhs.first(), rhs.first()) else {
                return;
            };
            // gc orders the right side's calls (and the left side's) before it reads the
            // left side's operands: `x += f()` adds to `x` as `f` left it (`order.rs`).
            let map_entry = match &l.kind {
                ExprKind::Index { x, .. } => {
                    let xt = self.ty(x);
                    matches!(self.under(xt), TypeKind::Map(..))
                }
                _ => false,
            };
            let mut operands = if map_entry {
                place_operands(l)
            } else {
                vec![l]
            };
            operands.push(r);
            self.hoist_calls(&operands);
            let p = self.place(l);
            let t = self.ty(l);
            let b = self.basic(t);
            if matches!(p, Place::MapEntry { .. }) {
                // `m[k] op= v` as Go's race builds (and any build for `/` and `%`) compile it
                // (walk/order.go): v first, then `m[k] = m[k] op v`, a map read (mapaccess)
                // and a separate map write (mapassign), so an update can be lost and a
                // division by zero panics before the write.
                self.expr(r);
                let v = self.pop_temp();
                self.load_place(&p);
                self.emit(Instr::LoadLocal(v));
                self.binary_assign_op(bop, b);
                self.store_place(&p);
                return;
            }
            self.load_place(&p);
            self.expr(r);
            self.binary_assign_op(bop, b);
            self.store_place(&p);
            return;
        }
        let define = op == AssignOp::Define;
        // gc's order (`order.rs`): the ordered operands of both sides (calls, receives, …) in
        // order first, then the left side's other operands, then the right side's.
        let rhs_refs: Vec<&Expr> = rhs.iter().collect();
        let lhs_operands: Vec<&Expr> = lhs
            .iter()
            .filter(|l| !(define && self.defines(l).is_some()))
            .flat_map(place_operands)
            .collect();
        let mut early = None;
        let mut rhs_hoisted = false;
        if !lhs_operands.is_empty() {
            if rhs.len() == 1 && lhs.len() > 1 {
                // `a[i], ok = f()`: the call (receive, map index, assertion) first.
                let n = self.push_values(&rhs_refs, lhs.len());
                let mut temps: Vec<u32> = (0..n).map(|_| self.pop_temp()).collect();
                temps.reverse();
                early = Some(temps);
            } else {
                let mut operands = lhs_operands;
                operands.extend(rhs_refs.iter().copied());
                self.hoist_calls(&operands);
                rhs_hoisted = true;
            }
        }
        // Phase 1: places (left operands) in order, then all right sides.
        let mut places: Vec<Option<Place>> = Vec::new();
        for l in lhs {
            if define {
                if let Some(_o) = self.defines(l) {
                    places.push(None);
                    continue;
                }
            }
            let p = self.place(l);
            places.push(Some(p));
        }
        let temps = match early {
            Some(temps) => temps,
            None => {
                // The right side's own hoisting is done when it was hoisted with the left's.
                self.skip_hoist = rhs_hoisted;
                let n = self.push_values(&rhs_refs, lhs.len());
                self.skip_hoist = false;
                if n == 1 && lhs.len() == 1 {
                    return self.store_single(lhs, &places, define);
                }
                let mut temps: Vec<u32> = (0..n).map(|_| self.pop_temp()).collect();
                temps.reverse();
                temps
            }
        };
        // Phase 2: stores left to right.
        for (i, t) in temps.into_iter().enumerate() {
            let Some(l) = lhs.get(i) else { break };
            match &places[i] {
                Some(p) => {
                    let p = p.clone();
                    self.store_place_from(&p, t)
                }
                None => {
                    if let Some(o) = self.defines(l) {
                        self.emit(Instr::LoadLocal(t));
                        self.define_from_stack(o);
                    }
                }
            }
        }
    }

    /// Store the one value on the stack into the one left side of an assignment.
    fn store_single(&mut self, lhs: &[Expr], places: &[Option<Place>], define: bool) {
        match (&places[0], define.then(|| self.defines(&lhs[0])).flatten()) {
            (None, Some(o)) => self.define_from_stack(o),
            (Some(p), _) => {
                let p = p.clone();
                self.store_place(&p)
            }
            _ => {
                self.emit(Instr::Pop);
            }
        }
    }

    fn ret(&mut self, vals: &[Expr]) {
        if !vals.is_empty() {
            let refs: Vec<&Expr> = vals.iter().collect();
            let slots = self.result_slots.clone();
            let n = self.push_values(&refs, slots.len());
            let mut temps = Vec::new();
            for _ in 0..n {
                temps.push(self.pop_temp());
            }
            temps.reverse();
            for (slot, t) in slots.iter().zip(temps) {
                match slot {
                    crate::bytecode::ResultSlot::Local(s) => {
                        self.emit(Instr::LoadLocal(t));
                        self.emit(Instr::StoreLocal(*s));
                    }
                    crate::bytecode::ResultSlot::Cell(s) => {
                        self.emit(Instr::LoadLocal(*s));
                        self.emit(Instr::LoadLocal(t));
                        self.emit(Instr::Store);
                    }
                }
            }
        }
        self.emit(Instr::Return);
    }

    /// Push a target, lower `f`, patch its breaks to the end and continues to `cont`.
    fn with_target(&mut self, stmt: ast::NodeId, f: impl FnOnce(&mut Self) -> Option<u32>) {
        self.targets.push(Target {
            stmt,
            breaks: Vec::new(),
            continues: Vec::new(),
        });
        let cont = f(self);
        let end = self.here();
        if let Some(t) = self.targets.pop() {
            for j in t.breaks {
                self.patch(j, end);
            }
            for j in t.continues {
                self.patch(j, cont.unwrap_or(end));
            }
        }
    }
}

/// The operands an assignment reads to find its left side `e`: a map or slice and its index,
/// a pointer, a struct (`order.rs`: gc reads them after the ordered operands).
fn place_operands(e: &Expr) -> Vec<&Expr> {
    match &e.kind {
        ExprKind::Paren(x) => place_operands(x),
        ExprKind::Index { x, indices } => std::iter::once(&**x).chain(indices.iter()).collect(),
        ExprKind::Star(x) | ExprKind::Selector { x, .. } => vec![&**x],
        _ => Vec::new(),
    }
}
