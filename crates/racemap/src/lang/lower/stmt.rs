//! Statements. Each leaves the operand stack as it found it (empty between statements).
//!
//! Loops: `for` keeps Go 1.22 per-iteration variables by copying escaping loop variables into a
//! fresh cell (`Rebox`) before the post statement; `range` declares its variables inside the
//! loop body, so escaping ones get a fresh cell per iteration. `break`/`continue` find their
//! statement through `Info::branch_targets`.

use super::call::CallMode;
use super::func::{FnCx, Target, VarLoc};
use super::place::{strip_parens, Place};
use crate::bytecode::{Instr, SelectCase, SelectId, SelectTable};
use crate::lang::ast::{self, AssignOp, Expr, ExprKind, Stmt, StmtKind, UnaryOp};
use crate::lang::check::{ObjectId, RangeKind};
use crate::lang::types::{Basic, TypeKind};

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
                if let Place::MapEntry { map, key, elem } = p {
                    // One map write, as Go's mapassign.
                    self.emit(Instr::LoadLocal(map));
                    self.emit(Instr::LoadLocal(key));
                    self.emit(one);
                    self.emit(Instr::MapUpdate { op, ty: b, elem });
                    return;
                }
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
            StmtKind::Goto(_) => self.unsupported(s.span, "goto"),
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
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
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

    fn assign(&mut self, lhs: &[Expr], op: AssignOp, rhs: &[Expr]) {
        if let AssignOp::Op(bop) = op {
            let (Some(l), Some(r)) = (lhs.first(), rhs.first()) else {
                return;
            };
            let p = self.place(l);
            let t = self.ty(l);
            let b = self.basic(t);
            if let (Place::MapEntry { map, key, elem }, Some(o)) = (&p, super::expr::bin_op(bop)) {
                // `m[k] op= v`: v first, then one map write (Go's single mapassign).
                self.expr(r);
                let v = self.pop_temp();
                self.emit(Instr::LoadLocal(*map));
                self.emit(Instr::LoadLocal(*key));
                self.emit(Instr::LoadLocal(v));
                self.emit(Instr::MapUpdate {
                    op: o,
                    ty: b,
                    elem: *elem,
                });
                return;
            }
            self.load_place(&p);
            self.expr(r);
            if bop == ast::BinaryOp::Add && b == Basic::String {
                self.emit(Instr::Concat);
            } else if let Some(o) = super::expr::bin_op(bop) {
                self.emit(Instr::Binary(o, b));
            }
            self.store_place(&p);
            return;
        }
        let define = op == AssignOp::Define;
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
        let rhs_refs: Vec<&Expr> = rhs.iter().collect();
        let n = self.push_values(&rhs_refs, lhs.len());
        if n == 1 && lhs.len() == 1 {
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
            return;
        }
        let mut temps = Vec::new();
        for _ in 0..n {
            temps.push(self.pop_temp());
        }
        temps.reverse();
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

    fn for_loop(
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
        // Escaping variables declared by init get a fresh cell per iteration.
        let loop_cells: Vec<u32> = self
            .vars
            .iter()
            .filter(|(o, _)| !before.contains(o))
            .filter_map(|(o, l)| match l {
                VarLoc::Cell(slot)
                    if self.lw.info.local(*o).map(|v| v.loop_var).unwrap_or(true) =>
                {
                    Some(*slot)
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
    fn range_assign(&mut self, target: Option<&Expr>, define: bool, t: u32) {
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

    fn is_used(e: Option<&Expr>) -> bool {
        match e {
            None => false,
            Some(e) => !matches!(&e.kind, ExprKind::Ident(i) if i.name == "_"),
        }
    }

    fn range(
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
                self.emit(Instr::MapIterInit);
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
                let elem = super::expr::chan_elem(&self.lw.types, info.key_ty);
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

    fn switch(
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

    fn type_switch(
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

    fn select(&mut self, s: &Stmt, clauses: &[ast::CommClause]) {
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
                    let elem = super::expr::chan_elem(&self.lw.types, ct);
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
                    let elem = super::expr::chan_elem(&self.lw.types, ct);
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
