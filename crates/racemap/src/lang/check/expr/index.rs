//! Index and slice expressions on arrays, pointers to arrays, slices, strings and maps, with
//! constant index checks (`invalid argument: index 5 out of bounds [0:3]`).

use crate::lang::ast::{self};
use crate::lang::check::constant::{self, NotRepresentable};
use crate::lang::check::info::*;
use crate::lang::check::{Checker, Operand};
use crate::types::{Basic, TypeKind, TypeTable};

impl<'a> Checker<'a> {
    pub(super) fn index(
        &mut self,
        e: &ast::Expr,
        xe: &ast::Expr,
        indices: &[ast::Expr],
    ) -> Operand {
        let invalid = Operand::invalid();
        if let Some(x) = self.generic_index(e, xe, indices) {
            return x;
        }
        let x = self.expr_any(xe);
        if x.is_invalid() {
            return invalid;
        }
        if x.mode == Mode::Type {
            let (s, all) = (self.expr_string(xe), self.expr_string(e));
            self.err(
                xe.span,
                format!("invalid operation: {all} ({s} is not a generic type)"),
            );
            return invalid;
        }
        if indices.len() != 1 {
            let s = self.expr_string(xe);
            self.err(
                xe.span,
                format!("invalid operation: {s} is not a generic function"),
            );
            return invalid;
        }
        let x = self.single_value(xe, x);
        if x.is_invalid() {
            return invalid;
        }
        let ie = &indices[0];
        match self.types.under(x.ty).clone() {
            TypeKind::Map(k, v) => {
                let mut i = self.expr(ie);
                self.assign_to(ie, &mut i, k, "map index");
                Operand {
                    mode: Mode::MapIndex,
                    ty: v,
                    val: None,
                }
            }
            TypeKind::Slice(elem) => {
                self.index_value(ie, None);
                Operand {
                    mode: Mode::Variable,
                    ty: elem,
                    val: None,
                }
            }
            TypeKind::Array(n, elem) => {
                self.index_value(ie, Some(n));
                let mode = if x.mode == Mode::Variable {
                    Mode::Variable
                } else {
                    Mode::Value
                };
                Operand {
                    mode,
                    ty: elem,
                    val: None,
                }
            }
            TypeKind::Pointer(p) => match self.types.under(p).clone() {
                TypeKind::Array(n, elem) => {
                    self.index_value(ie, Some(n));
                    Operand {
                        mode: Mode::Variable,
                        ty: elem,
                        val: None,
                    }
                }
                _ => {
                    let d = self.describe(xe, &x);
                    self.err(xe.span, format!("invalid operation: cannot index {d}"));
                    invalid
                }
            },
            TypeKind::Basic(Basic::String | Basic::UntypedString) => {
                let len = match &x.val {
                    Some(ConstValue::String(s)) => Some(s.len() as u64),
                    _ => None,
                };
                let i = self.index_value(ie, len);
                let u8t = TypeTable::byte();
                if let (Some(ConstValue::String(s)), Some(i)) = (&x.val, i) {
                    if let Some(b) = s.as_bytes().get(i as usize) {
                        return Operand::constant(u8t, ConstValue::int(*b));
                    }
                }
                Operand::value(u8t)
            }
            _ => {
                let d = self.describe(xe, &x);
                self.err(xe.span, format!("invalid operation: cannot index {d}"));
                invalid
            }
        }
    }

    /// Check an index value; returns its constant value when known.
    pub(crate) fn index_value(&mut self, ie: &ast::Expr, len: Option<u64>) -> Option<i128> {
        let mut i = self.expr(ie);
        if i.is_invalid() {
            return None;
        }
        if self.is_untyped(i.ty) {
            let int = TypeTable::basic(Basic::Int);
            let fits = if i.mode == Mode::Constant {
                self.untyped_fits(&i, int)
            } else if self.is_integer(i.ty) {
                Ok(())
            } else {
                Err(None)
            };
            match fits {
                Ok(()) => self.set_type(ie, &mut i, int),
                Err(reason) => {
                    // The untyped constant cannot become an int (go/types' convertUntyped).
                    let d = self.describe(ie, &i);
                    let msg = match reason {
                        Some(NotRepresentable::Truncated(_)) => format!("{d} truncated to int"),
                        Some(NotRepresentable::Overflows) => format!("{d} overflows int"),
                        _ => format!("cannot convert {d} to int"),
                    };
                    self.err(ie.span, msg);
                    return None;
                }
            }
        }
        if !self.is_integer(i.ty) {
            let d = self.describe(ie, &i);
            self.err(
                ie.span,
                format!("invalid argument: index {d} must be integer"),
            );
            return None;
        }
        let v = i.val.as_ref().and_then(constant::to_int)?;
        if v < 0 {
            let d = self.describe(ie, &i);
            self.err(
                ie.span,
                format!("invalid argument: index {d} must not be negative"),
            );
            return None;
        }
        if let Some(n) = len {
            if v as u64 >= n {
                self.err(
                    ie.span,
                    format!("invalid argument: index {v} out of bounds [0:{n}]"),
                );
                return None;
            }
        }
        Some(v)
    }

    pub(super) fn slice_expr(
        &mut self,
        e: &ast::Expr,
        xe: &ast::Expr,
        lo: Option<&ast::Expr>,
        hi: Option<&ast::Expr>,
        max: Option<&ast::Expr>,
    ) -> Operand {
        let invalid = Operand::invalid();
        let x = self.expr(xe);
        let mut bad = x.is_invalid();
        // Constant indices of arrays and constant strings must be within 0..=len.
        let bound = if bad {
            None
        } else {
            let base = match self.types.under(x.ty) {
                TypeKind::Pointer(p) => *p,
                _ => x.ty,
            };
            match (self.types.under(base), &x.val) {
                (TypeKind::Array(n, _), _) => Some(n + 1),
                (_, Some(ConstValue::String(s))) => Some(s.len() as u64 + 1),
                _ => None,
            }
        };
        let mut known: Vec<(&ast::Expr, i128)> = Vec::new();
        for b in [lo, hi, max].into_iter().flatten() {
            match self.index_value(b, bound) {
                Some(v) => known.push((b, v)),
                None if self.info.expr(b.id).map(|i| i.ty) == Some(self.invalid()) => bad = true,
                None => {}
            }
        }
        // Constant indices must not decrease (go/types reports the first pair that does).
        'swapped: for (i, &(_, x)) in known.iter().enumerate() {
            for &(ye, y) in &known[i + 1..] {
                if y < x {
                    self.err(ye.span, format!("invalid slice indices: {y} < {x}"));
                    break 'swapped;
                }
            }
        }
        if bad {
            return invalid;
        }
        let result = match self.types.under(x.ty).clone() {
            TypeKind::Basic(Basic::String | Basic::UntypedString) => {
                if max.is_some() {
                    self.err(e.span, "invalid operation: 3-index slice of string");
                    return invalid;
                }
                if self.is_untyped(x.ty) {
                    TypeTable::basic(Basic::String)
                } else {
                    x.ty
                }
            }
            TypeKind::Slice(_) => x.ty,
            TypeKind::Array(_, elem) => {
                if x.mode != Mode::Variable {
                    let d = self.describe(xe, &x);
                    self.err(
                        e.span,
                        format!("invalid operation: {d} (slice of unaddressable value)"),
                    );
                    return invalid;
                }
                self.mark_addr_taken(xe);
                self.types.intern(TypeKind::Slice(elem))
            }
            TypeKind::Pointer(p) => match self.types.under(p).clone() {
                TypeKind::Array(_, elem) => self.types.intern(TypeKind::Slice(elem)),
                _ => {
                    let d = self.describe(xe, &x);
                    self.err(e.span, format!("cannot slice {d}"));
                    return invalid;
                }
            },
            _ => {
                let d = self.describe(xe, &x);
                self.err(e.span, format!("cannot slice {d}"));
                return invalid;
            }
        };
        Operand::value(result)
    }

    // ---- composite literals ----
}
