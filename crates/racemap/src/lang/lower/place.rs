//! Addressable places: the left sides of assignments, operands of `&`, `op=` and `++`, and the
//! receivers of pointer methods.
//!
//! A [`Place`] is evaluated in two phases as Go's assignment rules require: [`FnCx::place`]
//! evaluates its operands (index values, the pointer) into temporaries; [`FnCx::load_place`]
//! and [`FnCx::store_place`] then read or write it any number of times.

use super::func::{FnCx, VarLoc};
use crate::bytecode::Instr;
use crate::lang::ast::{Expr, ExprKind};
use crate::lang::check::{FieldStep, Mode, ObjectId, Selection};
use crate::types::{TypeId, TypeKind};

/// One index of a path inside a local aggregate.
#[derive(Clone, Copy, Debug)]
pub(crate) enum PathIndex {
    /// A struct field number.
    Field(u32),
    /// An array index held in a temporary slot.
    Elem(u32),
}

/// An evaluated place.
#[derive(Clone, Debug)]
pub(crate) enum Place {
    /// `_`.
    Blank,
    /// A part (possibly all) of the value in a local slot.
    Local {
        /// The slot.
        slot: u32,
        /// Field/element path inside it.
        path: Vec<PathIndex>,
    },
    /// A heap location whose pointer is in a temporary slot.
    Ptr(u32),
    /// `m[k]`: map and key in temporaries.
    MapEntry {
        /// Map temporary.
        map: u32,
        /// Key temporary.
        key: u32,
        /// Element type.
        elem: TypeId,
    },
}

impl FnCx<'_, '_> {
    /// The object of an identifier expression.
    pub fn ident_obj(&self, e: &Expr) -> Option<ObjectId> {
        match &e.kind {
            ExprKind::Ident(id) => self.lw.info.object_of(id.id),
            ExprKind::Paren(x) => self.ident_obj(x),
            _ => None,
        }
    }

    /// Whether `e` denotes a variable stored on the heap (so its address can be pushed).
    pub fn is_heap_place(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Paren(x) => self.is_heap_place(x),
            ExprKind::Ident(_) => match self.ident_obj(e) {
                Some(obj) => {
                    self.lw.global_of(obj).is_some()
                        || matches!(
                            self.vars.get(&obj),
                            Some(VarLoc::Cell(_)) | Some(VarLoc::Capture(_))
                        )
                }
                None => false,
            },
            ExprKind::Selector { x, .. } => match self.lw.info.selections.get(&e.id) {
                Some(Selection::Field { path }) => {
                    path.iter().any(|s| s.deref) || self.is_heap_place(x)
                }
                _ => false,
            },
            ExprKind::Index { x, .. } => {
                let Some(t) = self.lw.info.type_of(x.id) else {
                    return false;
                };
                match self.lw.types.under(t) {
                    TypeKind::Slice(_) | TypeKind::Pointer(_) => true,
                    TypeKind::Array(..) => self.is_heap_place(x),
                    _ => false,
                }
            }
            ExprKind::Star(_) => true,
            _ => false,
        }
    }

    /// Push the address of a heap place (`[] → [ptr]`). Reports unsupported constructs for
    /// places that are not on the heap.
    pub fn addr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Paren(x) => self.addr(x),
            ExprKind::Ident(id) => {
                let Some(obj) = self.lw.info.object_of(id.id) else {
                    self.unsupported(e.span, "this expression");
                    self.emit(Instr::Zero(Self::invalid()));
                    return;
                };
                self.lw.var_loads.note_addressed(obj);
                if !self.push_var_ptr(obj, e.span) {
                    self.unsupported(e.span, format!("taking the address of {} here", id.name));
                    self.emit(Instr::Zero(Self::invalid()));
                }
            }
            ExprKind::Selector { x, .. } => match self.lw.info.selections.get(&e.id).cloned() {
                Some(Selection::Field { path }) => self.field_path_addr(x, &path),
                _ => {
                    self.unsupported(e.span, "taking the address of this selector");
                    self.emit(Instr::Zero(Self::invalid()));
                }
            },
            ExprKind::Index { x, indices } => {
                let xt = self.ty(x);
                let Some(idx) = indices.first() else {
                    self.emit(Instr::Zero(Self::invalid()));
                    return;
                };
                match self.under(xt) {
                    TypeKind::Slice(_) => {
                        self.expr(x);
                        self.expr(idx);
                        self.emit(Instr::SliceElemPtr);
                    }
                    TypeKind::Array(n, _) => {
                        self.addr(x);
                        self.expr(idx);
                        self.emit(Instr::IndexPtr { len: n });
                    }
                    TypeKind::Pointer(p) => {
                        let n = match self.under(p) {
                            TypeKind::Array(n, _) => n,
                            _ => 0,
                        };
                        self.expr(x);
                        self.expr(idx);
                        self.emit(Instr::IndexPtr { len: n });
                    }
                    _ => {
                        self.unsupported(e.span, "taking the address of this index expression");
                        self.emit(Instr::Zero(Self::invalid()));
                    }
                }
            }
            ExprKind::Star(x) => self.expr(x),
            ExprKind::CompositeLit { .. } => {
                let t = self.ty(e);
                self.expr(e);
                self.emit(Instr::Box(t));
                self.emit(Instr::InitWrites);
            }
            _ => {
                self.unsupported(e.span, "taking the address of this expression");
                self.emit(Instr::Zero(Self::invalid()));
            }
        }
    }

    /// Push the address of `x.path` (a field reached through embedded fields and implicit
    /// dereferences).
    pub fn field_path_addr(&mut self, x: &Expr, path: &[FieldStep]) {
        let first_deref = path.iter().position(|s| s.deref);
        let start;
        if first_deref == Some(0) {
            self.expr(x);
            start = 0;
        } else if self.is_heap_place(x) {
            self.addr(x);
            start = 0;
        } else if let Some(k) = first_deref {
            self.expr(x);
            for s in &path[..k] {
                self.emit(Instr::Field(s.index));
            }
            start = k;
        } else {
            self.unsupported(x.span, "taking the address of a field of this value");
            self.emit(Instr::Zero(Self::invalid()));
            return;
        }
        for (j, s) in path[start..].iter().enumerate() {
            if s.deref && j > 0 {
                self.emit(Instr::Load);
            }
            self.emit(Instr::FieldPtr(s.index));
        }
    }

    /// Evaluate the operands of a place (phase one of an assignment).
    pub fn place(&mut self, e: &Expr) -> Place {
        if let ExprKind::Ident(id) = &e.kind {
            if id.name == "_" {
                return Place::Blank;
            }
        }
        if let ExprKind::Paren(x) = &e.kind {
            return self.place(x);
        }
        // Map entries.
        if let ExprKind::Index { x, indices } = &e.kind {
            let xt = self.ty(x);
            if let TypeKind::Map(_, v) = self.under(xt) {
                self.expr(x);
                let map = self.pop_temp();
                if let Some(k) = indices.first() {
                    self.expr_conv(k);
                } else {
                    self.emit(Instr::Zero(Self::invalid()));
                }
                let key = self.pop_temp();
                return Place::MapEntry { map, key, elem: v };
            }
        }
        if self.is_heap_place(e) {
            self.addr(e);
            return Place::Ptr(self.pop_temp());
        }
        // A local variable or a part of a local aggregate.
        let mut path = Vec::new();
        if let Some(slot) = self.local_path(e, &mut path) {
            return Place::Local { slot, path };
        }
        self.unsupported(e.span, "assigning to this expression");
        Place::Blank
    }

    /// Resolve `e` as a path inside a local slot, evaluating index operands into temps.
    fn local_path(&mut self, e: &Expr, path: &mut Vec<PathIndex>) -> Option<u32> {
        match &e.kind {
            ExprKind::Paren(x) => self.local_path(x, path),
            ExprKind::Ident(id) => {
                let obj = self.lw.info.object_of(id.id)?;
                match self.vars.get(&obj) {
                    Some(VarLoc::Local(s)) => Some(*s),
                    _ => None,
                }
            }
            ExprKind::Selector { x, .. } => match self.lw.info.selections.get(&e.id).cloned() {
                Some(Selection::Field { path: steps }) if !steps.iter().any(|s| s.deref) => {
                    let slot = self.local_path(x, path)?;
                    for s in steps {
                        path.push(PathIndex::Field(s.index));
                    }
                    Some(slot)
                }
                _ => None,
            },
            ExprKind::Index { x, indices } => {
                let slot = self.local_path(x, path)?;
                let idx = indices.first()?;
                self.expr(idx);
                let t = self.pop_temp();
                path.push(PathIndex::Elem(t));
                Some(slot)
            }
            _ => None,
        }
    }

    /// Read a place (`[] → [v]`).
    pub fn load_place(&mut self, p: &Place) {
        match p {
            Place::Blank => {
                self.emit(Instr::Zero(Self::invalid()));
            }
            Place::Local { slot, path } => {
                self.emit(Instr::LoadLocal(*slot));
                for ix in path {
                    match ix {
                        PathIndex::Field(i) => {
                            self.emit(Instr::Field(*i));
                        }
                        PathIndex::Elem(t) => {
                            self.emit(Instr::LoadLocal(*t));
                            self.emit(Instr::Index);
                        }
                    }
                }
            }
            Place::Ptr(t) => {
                self.emit(Instr::LoadLocal(*t));
                self.emit(Instr::Load);
            }
            Place::MapEntry { map, key, elem } => {
                self.emit(Instr::LoadLocal(*map));
                self.emit(Instr::LoadLocal(*key));
                self.emit(Instr::MapGet {
                    elem: *elem,
                    comma_ok: false,
                });
            }
        }
    }

    /// Write the value in temporary `v` to a place.
    pub fn store_place_from(&mut self, p: &Place, v: u32) {
        match p {
            Place::Blank => {}
            Place::Local { slot, path } => {
                if path.is_empty() {
                    self.emit(Instr::LoadLocal(v));
                    self.emit(Instr::StoreLocal(*slot));
                    return;
                }
                for ix in path {
                    match ix {
                        PathIndex::Field(i) => self.emit(Instr::PushInt(*i as i64)),
                        PathIndex::Elem(t) => self.emit(Instr::LoadLocal(*t)),
                    };
                }
                self.emit(Instr::LoadLocal(v));
                self.emit(Instr::StoreLocalPath {
                    slot: *slot,
                    depth: path.len() as u32,
                });
            }
            Place::Ptr(t) => {
                self.emit(Instr::LoadLocal(*t));
                self.emit(Instr::LoadLocal(v));
                self.emit(Instr::Store);
            }
            Place::MapEntry { map, key, .. } => {
                self.emit(Instr::LoadLocal(*map));
                self.emit(Instr::LoadLocal(*key));
                self.emit(Instr::LoadLocal(v));
                self.emit(Instr::MapSet);
            }
        }
    }

    /// Write the value on top of the stack to a place (`[v] → []`).
    pub fn store_place(&mut self, p: &Place) {
        match p {
            Place::Blank => {
                self.emit(Instr::Pop);
            }
            Place::Local { slot, path } if path.is_empty() => {
                self.emit(Instr::StoreLocal(*slot));
            }
            _ => {
                let t = self.pop_temp();
                self.store_place_from(p, t);
            }
        }
    }

    /// Whether an expression is the predeclared `nil`.
    pub fn is_nil(&self, e: &Expr) -> bool {
        matches!(self.lw.info.expr(e.id).map(|i| i.mode), Some(Mode::Nil))
    }
}

/// `e` without enclosing parentheses.
pub(crate) fn strip_parens(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip_parens(x),
        _ => e,
    }
}
