//! Terminating statements (the spec's "Terminating statements" section), for `missing return`.
//! A `for` without condition or `break`, a `switch`/`select` whose clauses all terminate and
//! that nobody breaks out of, `return`, `panic(...)`, `goto`, and blocks/ifs built from those.

use crate::lang::ast::{self, ExprKind, Stmt, StmtKind};
use crate::lang::check::info::{Builtin, CallKind};
use crate::lang::check::Checker;

impl<'a> Checker<'a> {
    /// Whether a statement list ends in a terminating statement.
    pub fn is_terminating_list(&self, stmts: &[Stmt]) -> bool {
        // Trailing empty statements are ignored.
        let last = stmts
            .iter()
            .rev()
            .find(|s| !matches!(s.kind, StmtKind::Empty));
        last.map(|s| self.is_terminating(s)).unwrap_or(false)
    }

    /// Whether one statement is terminating.
    pub fn is_terminating(&self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Return(_) | StmtKind::Goto(_) => true,
            StmtKind::Expr(e) => {
                let e = e.unparen();
                matches!(e.kind, ExprKind::Call { .. })
                    && matches!(
                        self.info.calls.get(&e.id).map(|c| &c.kind),
                        Some(CallKind::Builtin(Builtin::Panic))
                    )
            }
            StmtKind::Block(b) => self.is_terminating_list(&b.stmts),
            StmtKind::If {
                then, els: Some(e), ..
            } => self.is_terminating_list(&then.stmts) && self.is_terminating(e),
            StmtKind::For { cond, .. } => cond.is_none() && !self.broken.contains(&s.id),
            StmtKind::Labeled { stmt, .. } => self.is_terminating(stmt),
            StmtKind::Switch { cases, .. } => {
                !self.broken.contains(&s.id)
                    && cases.iter().any(|c| c.default)
                    && cases.iter().all(|c| self.clause_terminates(&c.body))
            }
            StmtKind::TypeSwitch { cases, .. } => {
                !self.broken.contains(&s.id)
                    && cases.iter().any(|c| c.default)
                    && cases.iter().all(|c| self.clause_terminates(&c.body))
            }
            StmtKind::Select(clauses) => {
                !self.broken.contains(&s.id)
                    && clauses.iter().all(|c| self.is_terminating_list(&c.body))
            }
            _ => false,
        }
    }

    fn clause_terminates(&self, body: &[ast::Stmt]) -> bool {
        let last = body
            .iter()
            .rev()
            .find(|s| !matches!(s.kind, StmtKind::Empty));
        match last {
            Some(s) if matches!(s.kind, StmtKind::Fallthrough) => true,
            Some(s) => self.is_terminating(s),
            None => false,
        }
    }
}
