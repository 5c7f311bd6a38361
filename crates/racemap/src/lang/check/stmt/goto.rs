//! `goto`'s rules, as `go build` checks them (Go 1.19's `cmd/compile/internal/syntax`
//! `branches.go`): the label must be declared in the function (`label L not defined`); it must
//! be in the block of the `goto` or an enclosing one (`goto L jumps into block starting at
//! POS`, naming the label's own block); a forward jump must not skip a variable declaration of
//! the label's block (`goto L jumps over declaration of x at POS`, naming the last one before
//! the label). One pass over a function body's statements, after the body is checked; function
//! literals are their own functions and are not entered.

use crate::diag::Span;
use crate::lang::ast::{self, AssignOp, ExprKind, Stmt, StmtKind};
use crate::lang::check::Checker;

/// A block of the function: its start (the `{`, or the `case` of a clause) and the variable
/// declarations among its statements.
struct Block {
    /// Where Go says the block starts.
    start: Span,
    /// (statement index, the declared name as Go prints it, the declaration's position).
    decls: Vec<(usize, String, Span)>,
}

/// A label: its block and the index of its statement there.
struct Label {
    /// The block.
    block: usize,
    /// The statement's index in the block.
    index: usize,
}

/// A `goto`: its label, and for each enclosing block the index of the statement holding it.
struct Goto {
    /// The label as written.
    label: ast::Ident,
    /// (block, statement index) from the function body inwards.
    path: Vec<(usize, usize)>,
}

/// What one pass over a body collects.
#[derive(Default)]
struct Branches {
    /// Every block, the body first.
    blocks: Vec<Block>,
    /// Labels by name (the checker reports duplicates; the first wins here).
    labels: litemap::LiteMap<String, Label>,
    /// Every `goto`, in source order.
    gotos: Vec<Goto>,
}

impl Branches {
    fn block(&mut self, stmts: &[Stmt], start: Span, path: &mut Vec<(usize, usize)>) {
        let b = self.blocks.len();
        self.blocks.push(Block {
            start,
            decls: Vec::new(),
        });
        for (i, s) in stmts.iter().enumerate() {
            path.push((b, i));
            self.stmt(s, b, i, path);
            path.pop();
        }
    }

    fn stmt(&mut self, s: &Stmt, b: usize, i: usize, path: &mut Vec<(usize, usize)>) {
        match &s.kind {
            StmtKind::Labeled { label, stmt } => {
                self.labels
                    .entry(label.name.clone())
                    .or_insert(Label { block: b, index: i });
                self.stmt(stmt, b, i, path);
            }
            StmtKind::Goto(label) => self.gotos.push(Goto {
                label: label.clone(),
                path: path.clone(),
            }),
            StmtKind::Decl(ast::Decl::Var(specs)) => {
                if let Some(name) = specs.first().and_then(|spec| spec.names.first()) {
                    self.blocks[b].decls.push((i, name.name.clone(), name.span));
                }
            }
            StmtKind::Assign {
                lhs,
                op: AssignOp::Define,
                op_span,
                ..
            } => {
                let names: Vec<&str> = lhs
                    .iter()
                    .map(|e| match &e.kind {
                        ExprKind::Ident(id) => id.name.as_str(),
                        _ => "_",
                    })
                    .collect();
                self.blocks[b].decls.push((i, names.join(", "), *op_span));
            }
            StmtKind::Block(block) => self.block(&block.stmts, block.span, path),
            StmtKind::If { then, els, .. } => {
                self.block(&then.stmts, then.span, path);
                if let Some(e) = els {
                    self.stmt(e, b, i, path);
                }
            }
            StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
                self.block(&body.stmts, body.span, path)
            }
            StmtKind::Switch { cases, .. } => {
                for c in cases {
                    self.block(&c.body, c.span, path);
                }
            }
            StmtKind::TypeSwitch { cases, .. } => {
                for c in cases {
                    self.block(&c.body, c.span, path);
                }
            }
            StmtKind::Select(clauses) => {
                for c in clauses {
                    self.block(&c.body, c.span, path);
                }
            }
            _ => {}
        }
    }
}

impl<'a> Checker<'a> {
    /// Checks the `goto`s of a function body; returns the labels they name (used labels).
    pub(crate) fn check_gotos(&mut self, body: &ast::Block) -> Vec<String> {
        let mut branches = Branches::default();
        branches.block(&body.stmts, body.span, &mut Vec::new());
        let mut used = Vec::new();
        for g in &branches.gotos {
            let name = &g.label.name;
            let Some(label) = branches.labels.get(name) else {
                self.err(g.label.span, format!("label {name} not defined"));
                continue;
            };
            used.push(name.clone());
            let Some(&(_, from)) = g.path.iter().find(|(b, _)| *b == label.block) else {
                let start = branches.blocks[label.block].start;
                let at = self.position(start).unwrap_or_default();
                self.err(
                    g.label.span,
                    format!("goto {name} jumps into block starting at {at}"),
                );
                continue;
            };
            let skipped = branches.blocks[label.block]
                .decls
                .iter()
                .rev()
                .find(|(i, _, _)| from < *i && *i < label.index);
            if let Some((_, var, span)) = skipped {
                let at = self.position(*span).unwrap_or_default();
                self.err(
                    g.label.span,
                    format!("goto {name} jumps over declaration of {var} at {at}"),
                );
            }
        }
        used
    }
}
