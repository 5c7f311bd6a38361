//! Lexical scopes, per-object checker state and the function context stack.
//!
//! Scopes form a stack: universe, package, then one per block of the function being checked
//! (function literals push onto the same stack, so outer locals stay visible; a use of a local
//! owned by an outer function is a capture, see `escape.rs`).

use crate::diag::Span;
use crate::lang::ast::{self, NodeId};
use crate::lang::check::info::{ObjectId, ObjectKind};
use crate::lang::check::Checker;
use crate::types::TypeId;
use litemap::LiteMap;

/// One block's names.
#[derive(Clone, Debug, Default)]
pub struct Scope {
    /// Declared names (a B-tree, not a sorted-vector [`litemap::LiteMap`]: a package scope grows with
    /// the program and its names come in no order).
    pub names: std::collections::BTreeMap<String, ObjectId>,
}

/// A package-level declaration not resolved yet.
#[derive(Clone, Copy, Debug)]
pub enum Pending {
    /// `const` spec `spec` of `file.decls[decl]`, name index `index`.
    Const { decl: usize, spec: usize },
    /// `var` spec of `file.decls[decl]`.
    Var { decl: usize, spec: usize },
    /// `type` spec.
    Type { decl: usize, spec: usize },
    /// A function declaration's signature.
    Func { decl: usize },
}

/// Checker-side state of one object.
#[derive(Clone, Debug, Default)]
pub struct ObjState {
    /// Used somewhere (for `x declared but not used`).
    pub used: bool,
    /// Not resolved yet (package level).
    pub pending: Option<Pending>,
    /// Being resolved (cycle detection).
    pub resolving: bool,
}

/// Kind of a `break`/`continue` target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetKind {
    /// `for` / `range`.
    Loop,
    /// `switch` / type switch.
    Switch,
    /// `select`.
    Select,
}

/// An enclosing breakable statement.
#[derive(Clone, Debug)]
pub struct Target {
    /// The statement's id.
    pub stmt: NodeId,
    /// Its label, if labelled.
    pub label: Option<String>,
    /// What it is.
    pub kind: TargetKind,
}

/// The function being checked.
#[derive(Clone, Debug)]
pub struct FuncCtx {
    /// Key in `Info::funcs`.
    pub key: NodeId,
    /// Runtime name.
    pub name: String,
    /// Result types.
    pub results: Vec<TypeId>,
    /// Results are named (a bare `return` is allowed).
    pub named_results: bool,
    /// Number of function literals directly inside, for naming.
    pub literals: u32,
    /// Enclosing breakable statements.
    pub targets: Vec<Target>,
    /// Labels declared in this function: name → (span, used).
    pub labels: LiteMap<String, (Span, bool)>,
    /// Local variables declared in this function, for `x declared but not used`.
    pub locals: Vec<ObjectId>,
    /// This is a function literal.
    pub is_literal: bool,
}

impl<'a> Checker<'a> {
    /// Enter a block scope.
    pub fn open_scope(&mut self) {
        self.scopes.push(Scope::default());
    }

    /// Leave a block scope.
    pub fn close_scope(&mut self) {
        if self.scopes.len() > 2 {
            self.scopes.pop();
        }
    }

    /// Find a name, innermost scope first.
    pub fn lookup(&self, name: &str) -> Option<ObjectId> {
        self.scopes
            .iter()
            .rev()
            .find_map(|s| s.names.get(name).copied())
    }

    /// Declare `ident` as `obj` in the innermost scope (blank identifiers are not declared).
    pub fn declare(&mut self, ident: &ast::Ident, obj: ObjectId) -> bool {
        self.record_ident(ident, obj, true);
        if ident.name == "_" {
            return false;
        }
        let scope = self.scopes.len() - 1;
        self.declare_in(scope, ident, obj)
    }

    /// Declare in a given scope, reporting redeclarations.
    pub fn declare_in(&mut self, scope: usize, ident: &ast::Ident, obj: ObjectId) -> bool {
        if ident.name == "_" {
            return false;
        }
        if let Some(&other) = self.scopes[scope].names.get(&ident.name) {
            let mut msg = format!("{} redeclared in this block", ident.name);
            let other_span = self.info.object(other).span;
            if let Some(at) = self.position(other_span) {
                msg.push_str(&format!("\n\t{at}: other declaration of {}", ident.name));
            }
            self.err(ident.span, msg);
            return false;
        }
        self.scopes[scope].names.insert(ident.name.clone(), obj);
        true
    }

    /// Mark an object used.
    pub fn mark_used(&mut self, obj: ObjectId) {
        if let Some(s) = self.states.get_mut(obj.0 as usize) {
            s.used = true;
        }
    }

    /// Declare a new local variable in the innermost scope.
    pub fn new_local(
        &mut self,
        ident: &ast::Ident,
        ty: TypeId,
        kind: crate::lang::check::info::VarKind,
        loop_var: bool,
    ) -> ObjectId {
        let owner = self.current_func().unwrap_or(NodeId(u32::MAX));
        let obj = self.new_object(
            &ident.name,
            ident.span,
            ObjectKind::Var(crate::lang::check::info::LocalVar {
                ty,
                kind,
                escapes: false,
                loop_var,
                owner,
            }),
        );
        let declared = self.declare(ident, obj);
        if kind == crate::lang::check::info::VarKind::Local && declared {
            if let Some(f) = self.funcs.last_mut() {
                f.locals.push(obj);
            }
        }
        obj
    }
}
