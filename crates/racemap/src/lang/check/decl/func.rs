//! Functions and methods: collecting methods onto their receiver types (value and pointer
//! receivers, duplicate methods, a field and a method of one name), parameters and results as objects, and checking
//! function bodies (including closures) with `missing return` and unused variables and labels.

use crate::diag::Span;
use crate::lang::ast::{self, Decl, NodeId};
use crate::lang::check::info::*;
use crate::lang::check::scope::FuncCtx;
use crate::lang::check::Checker;
use crate::types::{TypeId, TypeKind};

impl<'a> Checker<'a> {
    pub(super) fn collect_methods(&mut self) {
        let file = self.file;
        for d in &file.decls {
            let Decl::Func(fd) = d else { continue };
            let Some(recv) = &fd.recv else { continue };
            // Receiver: T or *T with T a named type of this package.
            let mut base = &recv.ty;
            let mut pointer = false;
            loop {
                match &base.kind {
                    ast::ExprKind::Paren(x) => base = x,
                    ast::ExprKind::Star(x) if !pointer => {
                        pointer = true;
                        base = x;
                    }
                    _ => break,
                }
            }
            if let ast::ExprKind::Index { .. } = &base.kind {
                // A method of a generic type: made for each instance (`generics/`).
                continue;
            }
            let rt = self.resolve_type(&recv.ty);
            let named = if pointer {
                match self.types.kind(rt) {
                    TypeKind::Pointer(t) => *t,
                    _ => self.invalid(),
                }
            } else {
                rt
            };
            if named == self.invalid() {
                continue;
            }
            let is_local_named =
                matches!(self.types.kind(named), TypeKind::Named { pkg, .. } if pkg == "main");
            if !is_local_named {
                let s = self.show(named);
                self.err(
                    recv.span,
                    format!("cannot define new methods on non-local type {s}"),
                );
                continue;
            }
            if matches!(
                self.types.under(named),
                TypeKind::Pointer(_) | TypeKind::Interface(_)
            ) {
                let s = self.show(named);
                self.err(
                    base.span,
                    format!("invalid receiver type {s} (pointer or interface type)"),
                );
                continue;
            }
            let sig = self.signature(&fd.sig);
            let tname = match self.types.kind(named) {
                TypeKind::Named { name, .. } => name.clone(),
                _ => String::new(),
            };
            let runtime_name = if pointer {
                format!("main.(*{tname}).{}", fd.name.name)
            } else {
                format!("main.{tname}.{}", fd.name.name)
            };
            let obj = self.new_object(
                &fd.name.name,
                fd.name.span,
                ObjectKind::Method {
                    recv_named: named,
                    pointer_recv: pointer,
                    ty: sig,
                    runtime_name,
                },
            );
            self.record_ident(&fd.name, obj, true);
            if fd.name.name == "_" {
                continue;
            }
            let entry = self.methods.entry(named).or_default();
            if entry.contains_key(&fd.name.name) {
                self.err(
                    fd.name.span,
                    format!("method {tname}.{} already declared", fd.name.name),
                );
                continue;
            }
            entry.insert(fd.name.name.clone(), obj);
            if let TypeKind::Struct(fields) = self.types.under(named) {
                if fields.iter().any(|f| f.name == fd.name.name) {
                    self.err(
                        fd.name.span,
                        format!("field and method with the same name {}", fd.name.name),
                    );
                }
            }
        }
    }

    pub(super) fn check_func_decl(&mut self, _index: usize, fd: &ast::FuncDecl) {
        let Some(body) = &fd.body else { return };
        if self.info.generic_decls.contains(&fd.name.id) {
            // Checked per instance (`generics/`).
            return;
        }
        let Some(obj) = self.info.idents.get(&fd.name.id).map(|i| i.object) else {
            return;
        };
        let (sig, name, recv) = match &self.info.object(obj).kind {
            ObjectKind::Func { ty, runtime_name } => (*ty, runtime_name.clone(), None),
            ObjectKind::Method {
                ty,
                runtime_name,
                recv_named,
                pointer_recv,
            } => {
                let rt = if *pointer_recv {
                    self.types.intern(TypeKind::Pointer(*recv_named))
                } else {
                    *recv_named
                };
                (*ty, runtime_name.clone(), Some(rt))
            }
            _ => return,
        };
        if sig == self.invalid() {
            return;
        }
        self.current_decl = Some(obj);
        self.check_func(
            fd.name.id,
            name,
            fd.recv.as_ref().zip(recv),
            &fd.sig,
            sig,
            body,
            false,
            None,
        );
    }

    /// Check a function body (declared function, method or literal).
    pub fn check_func(
        &mut self,
        key: NodeId,
        name: String,
        recv: Option<(&ast::Param, TypeId)>,
        ft: &ast::FuncType,
        sig: TypeId,
        body: &ast::Block,
        is_literal: bool,
        parent: Option<NodeId>,
    ) {
        let (params, results) = match self.types.kind(sig) {
            TypeKind::Func(s) => (s.params.clone(), s.results.clone()),
            _ => return,
        };
        let named_results = ft.results.iter().any(|r| r.name.is_some());
        self.funcs.push(FuncCtx {
            key,
            name: name.clone(),
            results: results.clone(),
            named_results,
            literals: 0,
            targets: Vec::new(),
            labels: Default::default(),
            locals: Vec::new(),
            is_literal,
        });
        self.open_scope();
        let mut fi = FuncInfo {
            name,
            sig,
            recv: None,
            params: Vec::new(),
            results: Vec::new(),
            captures: Vec::new(),
            parent,
        };
        if let Some((p, t)) = recv {
            let o = self.param_object(p.name.as_ref(), p.span, t, VarKind::Receiver);
            fi.recv = Some(o);
        }
        for (p, t) in ft.params.iter().zip(params) {
            let o = self.param_object(p.name.as_ref(), p.span, t, VarKind::Param);
            fi.params.push(o);
        }
        for (p, t) in ft.results.iter().zip(results.iter()) {
            let o = self.param_object(p.name.as_ref(), p.span, *t, VarKind::Result);
            fi.results.push(o);
        }
        self.info.funcs.insert(key, fi);
        self.stmt_list(&body.stmts);
        if !results.is_empty() && !self.is_terminating_list(&body.stmts) {
            let at = Span::new(body.span.hi.saturating_sub(1), body.span.hi);
            self.err(at, "missing return");
        }
        let goto_labels = self.check_gotos(body);
        self.close_scope();
        if let Some(ctx) = self.funcs.pop() {
            for (label, (span, used)) in ctx.labels {
                if !used && !goto_labels.contains(&label) {
                    self.err(span, format!("label {label} defined and not used"));
                }
            }
            for o in ctx.locals {
                if !self.states[o.0 as usize].used {
                    let ob = self.info.object(o);
                    let (span, name) = (ob.span, ob.name.clone());
                    // Go 1.19's wording (Go 1.20 says `declared and not used: x`).
                    self.err(span, format!("{name} declared but not used"));
                }
            }
        }
    }

    fn param_object(
        &mut self,
        name: Option<&ast::Ident>,
        span: Span,
        ty: TypeId,
        kind: VarKind,
    ) -> ObjectId {
        let owner = self.current_func().unwrap_or(NodeId(u32::MAX));
        let obj = self.new_object(
            name.map(|n| n.name.as_str()).unwrap_or("_"),
            name.map(|n| n.span).unwrap_or(span),
            ObjectKind::Var(LocalVar {
                ty,
                kind,
                escapes: false,
                loop_var: false,
                owner,
            }),
        );
        if let Some(n) = name {
            self.declare(n, obj);
        }
        obj
    }
}
