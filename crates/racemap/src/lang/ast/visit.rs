//! Walks over the syntax tree.
//!
//! [`visit_ids_mut`] visits every [`NodeId`] of a file (expressions, statements, identifiers and
//! type switch clauses) once, in source order: a node before its children, children left to
//! right (a method's receiver before its name, as written).
//! The parser uses it to number the nodes densely ([`renumber`]) after error recovery dropped
//! some and parameters sharing one written type (`a, b int`) got clones of it.

use crate::lang::ast::*;

/// Number every node of `file` densely in tree order; returns the node count (so ids are exactly
/// `0..count`).
pub fn renumber(file: &mut File) -> u32 {
    let mut next = 0;
    visit_ids_mut(file, &mut |id| {
        *id = NodeId(next);
        next += 1;
    });
    next
}

/// Call `f` on every node id of `file`, in tree order.
pub fn visit_ids_mut(file: &mut File, f: &mut dyn FnMut(&mut NodeId)) {
    let mut walk = IdWalker { f };
    walk.id(&mut file.package.id);
    for imp in &mut file.imports {
        if let Some(n) = &mut imp.name {
            walk.id(&mut n.id);
        }
    }
    for d in &mut file.decls {
        if let Decl::Func(f) = d {
            if let Some(r) = &mut f.recv {
                if let Some(n) = &mut r.name {
                    walk.id(&mut n.id);
                }
                walk.expr(&mut r.ty);
            }
        }
        walk.decl(d);
    }
}

/// Call `f` on every node id of one function declaration (its receiver first), in tree order.
pub fn visit_func_ids_mut(fd: &mut FuncDecl, f: &mut dyn FnMut(&mut NodeId)) {
    let mut walk = IdWalker { f };
    if let Some(r) = &mut fd.recv {
        if let Some(n) = &mut r.name {
            walk.id(&mut n.id);
        }
        walk.expr(&mut r.ty);
    }
    walk.func(fd);
}

/// Call `f` on every node id of one expression, in tree order.
pub fn visit_expr_ids_mut(e: &mut Expr, f: &mut dyn FnMut(&mut NodeId)) {
    IdWalker { f }.expr(e);
}

/// The walk behind [`visit_ids_mut`].
struct IdWalker<'f> {
    /// Called on each id.
    f: &'f mut dyn FnMut(&mut NodeId),
}

impl IdWalker<'_> {
    /// One id.
    fn id(&mut self, id: &mut NodeId) {
        (self.f)(id)
    }

    /// An expression's own id, then its children's.
    fn expr(&mut self, e: &mut Expr) {
        self.id(&mut e.id);
        match &mut e.kind {
            ExprKind::Ident(i) => self.id(&mut i.id),
            ExprKind::IntLit(_)
            | ExprKind::FloatLit(_)
            | ExprKind::ImagLit(_)
            | ExprKind::RuneLit(_)
            | ExprKind::StringLit { .. }
            | ExprKind::Ellipsis
            | ExprKind::Bad => {}
            ExprKind::CompositeLit { ty, elts, .. } => {
                if let Some(t) = ty {
                    self.expr(t);
                }
                for el in elts {
                    if let Some(k) = &mut el.key {
                        self.expr(k);
                    }
                    self.expr(&mut el.value);
                }
            }
            ExprKind::FuncLit { sig, body } => {
                self.sig(sig);
                self.block(body);
            }
            ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary { x, .. } => self.expr(x),
            ExprKind::Selector { x, sel } => {
                self.expr(x);
                self.id(&mut sel.id);
            }
            ExprKind::Index { x, indices } => {
                self.expr(x);
                for i in indices {
                    self.expr(i);
                }
            }
            ExprKind::Slice { x, lo, hi, max } => {
                self.expr(x);
                for b in [lo, hi, max].into_iter().flatten() {
                    self.expr(b);
                }
            }
            ExprKind::TypeAssert { x, ty } => {
                self.expr(x);
                if let Some(t) = ty {
                    self.expr(t);
                }
            }
            ExprKind::Call { func, args, .. } => {
                self.expr(func);
                for a in args {
                    self.expr(a);
                }
            }
            ExprKind::Binary { x, y, .. } => {
                self.expr(x);
                self.expr(y);
            }
            ExprKind::ArrayType { len, elem } => {
                if let Some(l) = len {
                    self.expr(l);
                }
                self.expr(elem);
            }
            ExprKind::MapType { key, value } => {
                self.expr(key);
                self.expr(value);
            }
            ExprKind::ChanType { elem, .. } => self.expr(elem),
            ExprKind::FuncType(sig) => self.sig(sig),
            ExprKind::StructType(fields) => {
                for f in fields {
                    for n in &mut f.names {
                        self.id(&mut n.id);
                    }
                    self.expr(&mut f.ty);
                }
            }
            ExprKind::InterfaceType(elems) => {
                for el in elems {
                    match el {
                        InterfaceElem::Method { name, sig } => {
                            self.id(&mut name.id);
                            self.sig(sig);
                        }
                        InterfaceElem::Embedded(t) => self.expr(t),
                    }
                }
            }
        }
    }

    /// Parameters, then results: each name, then its type.
    fn sig(&mut self, sig: &mut FuncType) {
        self.params(&mut sig.params);
        self.params(&mut sig.results);
    }

    /// Parameters (or type parameters): each one's name, then its type.
    fn params(&mut self, params: &mut [Param]) {
        for p in params {
            if let Some(n) = &mut p.name {
                self.id(&mut n.id);
            }
            self.expr(&mut p.ty);
        }
    }

    /// The statements of a block.
    fn block(&mut self, b: &mut Block) {
        for s in &mut b.stmts {
            self.stmt(s);
        }
    }

    /// A declaration's names, types and values, in source order.
    fn decl(&mut self, d: &mut Decl) {
        match d {
            Decl::Var(specs) => {
                for sp in specs {
                    self.value_spec(&mut sp.names, &mut sp.ty, &mut sp.values);
                }
            }
            Decl::Const(specs) => {
                for sp in specs {
                    self.value_spec(&mut sp.names, &mut sp.ty, &mut sp.values);
                }
            }
            Decl::Type(specs) => {
                for sp in specs {
                    self.id(&mut sp.name.id);
                    self.params(&mut sp.tparams);
                    self.expr(&mut sp.ty);
                }
            }
            Decl::Func(f) => self.func(f),
        }
    }

    /// A function declaration's name, type parameters, signature and body.
    fn func(&mut self, f: &mut FuncDecl) {
        self.id(&mut f.name.id);
        self.params(&mut f.tparams);
        self.sig(&mut f.sig);
        if let Some(b) = &mut f.body {
            self.block(b);
        }
    }

    /// A `var` or `const` spec: names, type, values.
    fn value_spec(&mut self, names: &mut [Ident], ty: &mut Option<Expr>, values: &mut [Expr]) {
        for n in names {
            self.id(&mut n.id);
        }
        if let Some(t) = ty {
            self.expr(t);
        }
        for v in values {
            self.expr(v);
        }
    }

    /// A statement's own id, then its parts'.
    fn stmt(&mut self, s: &mut Stmt) {
        self.id(&mut s.id);
        match &mut s.kind {
            StmtKind::Decl(d) => self.decl(d),
            StmtKind::Expr(x) | StmtKind::Go(x) | StmtKind::Defer(x) => self.expr(x),
            StmtKind::IncDec { x, .. } => self.expr(x),
            StmtKind::Send { ch, value } => {
                self.expr(ch);
                self.expr(value);
            }
            StmtKind::Assign { lhs, rhs, .. } => {
                for e in lhs.iter_mut().chain(rhs.iter_mut()) {
                    self.expr(e);
                }
            }
            StmtKind::Return(xs) => {
                for e in xs {
                    self.expr(e);
                }
            }
            StmtKind::Break(l) | StmtKind::Continue(l) => {
                if let Some(l) = l {
                    self.id(&mut l.id);
                }
            }
            StmtKind::Goto(l) => self.id(&mut l.id),
            StmtKind::Fallthrough | StmtKind::Empty => {}
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
                self.expr(cond);
                self.block(then);
                if let Some(e) = els {
                    self.stmt(e);
                }
            }
            StmtKind::Switch { init, tag, cases } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(t) = tag {
                    self.expr(t);
                }
                for c in cases {
                    for e in &mut c.exprs {
                        self.expr(e);
                    }
                    for st in &mut c.body {
                        self.stmt(st);
                    }
                }
            }
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                cases,
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(b) = bind {
                    self.id(&mut b.id);
                }
                self.expr(x);
                for c in cases {
                    self.id(&mut c.id);
                    for e in &mut c.types {
                        self.expr(e);
                    }
                    for st in &mut c.body {
                        self.stmt(st);
                    }
                }
            }
            StmtKind::Select(clauses) => {
                for c in clauses {
                    if let Some(comm) = &mut c.comm {
                        self.stmt(comm);
                    }
                    for st in &mut c.body {
                        self.stmt(st);
                    }
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(c) = cond {
                    self.expr(c);
                }
                if let Some(p) = post {
                    self.stmt(p);
                }
                self.block(body);
            }
            StmtKind::Range {
                key,
                value,
                x,
                body,
                ..
            } => {
                for e in [key, value].into_iter().flatten() {
                    self.expr(e);
                }
                self.expr(x);
                self.block(body);
            }
            StmtKind::Labeled { label, stmt } => {
                self.id(&mut label.id);
                self.stmt(stmt);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::parser::parse;

    #[test]
    fn parsed_ids_are_exactly_zero_to_node_count_in_source_order() {
        let src = "package main\n\nimport \"fmt\"\n\ntype T struct{ a, b int }\n\n\
                   func (t *T) M(x, y int) (r int) {\n\tswitch v := any(x).(type) {\n\
                   \tcase int:\n\t\tr = v\n\t}\n\treturn\n}\n\n\
                   func main() {\n\tvar t T\n\tfmt.Println(t.M(1, 2), []int{3}[0])\n}\n";
        let (mut file, diags) = parse(src);
        assert!(diags.is_empty(), "{diags:?}");
        let mut seen = Vec::new();
        visit_ids_mut(&mut file, &mut |id| seen.push(id.0));
        let expected: Vec<u32> = (0..file.node_count).collect();
        assert_eq!(seen, expected);
        // Renumbering an already dense tree changes nothing.
        let before = file.clone();
        assert_eq!(renumber(&mut file), before.node_count);
        assert_eq!(file, before);
    }
}
