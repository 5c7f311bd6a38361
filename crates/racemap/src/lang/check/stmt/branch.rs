//! `return` (result counts and types, a result shadowed at a bare `return`) and the targets of
//! `break`/`continue` with labels.

use crate::lang::ast::{self, Stmt, StmtKind};
use crate::lang::check::info::*;
use crate::lang::check::scope::{Target, TargetKind};
use crate::lang::check::Checker;
use crate::types::{TypeId, TypeKind};

impl<'a> Checker<'a> {
    pub(super) fn return_stmt(&mut self, s: &Stmt, results: &[ast::Expr]) {
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
                            self.expr_string(r)
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

    pub(super) fn push_target(&mut self, stmt: ast::NodeId, label: Option<&str>, kind: TargetKind) {
        if let Some(f) = self.funcs.last_mut() {
            f.targets.push(Target {
                stmt,
                label: label.map(|s| s.to_string()),
                kind,
            });
        }
    }

    pub(super) fn pop_target(&mut self) {
        if let Some(f) = self.funcs.last_mut() {
            f.targets.pop();
        }
    }

    pub(super) fn branch(&mut self, s: &Stmt, label: Option<&ast::Ident>) {
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
}
