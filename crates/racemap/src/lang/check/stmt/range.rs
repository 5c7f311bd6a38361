//! `range` loops over arrays, pointers to arrays, slices, strings, maps, channels and (Go 1.22)
//! integers, with per-iteration loop variables.

use crate::lang::ast::{self, ExprKind, Stmt};
use crate::lang::check::info::*;
use crate::lang::check::scope::TargetKind;
use crate::lang::check::{Checker, Operand};
use crate::types::{Basic, TypeKind, TypeTable};

impl<'a> Checker<'a> {
    pub(super) fn range(
        &mut self,
        s: &Stmt,
        label: Option<&str>,
        key: Option<&ast::Expr>,
        value: Option<&ast::Expr>,
        define: bool,
        x: &ast::Expr,
        body: &ast::Block,
    ) {
        self.open_scope();
        let mut xo = self.expr(x);
        let x_desc = self.describe(x, &xo);
        let int = TypeTable::basic(Basic::Int);
        let mut kinfo: Option<RangeInfo> = None;
        if !xo.is_invalid() {
            let mut u = self.types.under(xo.ty).clone();
            let mut via_ptr = false;
            if let TypeKind::Pointer(p) = &u {
                if let TypeKind::Array(..) = self.types.under(*p) {
                    u = self.types.under(*p).clone();
                    via_ptr = true;
                }
            }
            kinfo = match u {
                // Before Go 1.22 an integer is not rangeable (`cannot range over 3 (untyped
                // int constant)`, the last arm).
                TypeKind::Basic(b) if b.int_info().is_some() && self.lang.range_over_int() => {
                    if self.is_untyped(xo.ty) {
                        self.set_type(x, &mut xo, int);
                    }
                    Some(RangeInfo {
                        kind: RangeKind::Int,
                        key_ty: xo.ty,
                        value_ty: None,
                    })
                }
                TypeKind::Basic(Basic::String | Basic::UntypedString) => {
                    self.default_operand(x, &mut xo);
                    Some(RangeInfo {
                        kind: RangeKind::String,
                        key_ty: int,
                        value_ty: Some(TypeTable::rune()),
                    })
                }
                TypeKind::Slice(el) => Some(RangeInfo {
                    kind: RangeKind::Slice,
                    key_ty: int,
                    value_ty: Some(el),
                }),
                TypeKind::Array(_, el) => Some(RangeInfo {
                    kind: if via_ptr {
                        RangeKind::ArrayPtr
                    } else {
                        RangeKind::Array
                    },
                    key_ty: int,
                    value_ty: Some(el),
                }),
                TypeKind::Map(k, v) => Some(RangeInfo {
                    kind: RangeKind::Map,
                    key_ty: k,
                    value_ty: Some(v),
                }),
                TypeKind::Chan(dir, el) => {
                    if dir == ast::ChanDir::Send {
                        let d = self.describe(x, &xo);
                        self.err(
                            x.span,
                            format!(
                                "invalid operation: range {} receive from send-only channel {d}",
                                self.expr_string(x)
                            ),
                        );
                        None
                    } else {
                        Some(RangeInfo {
                            kind: RangeKind::Chan,
                            key_ty: el,
                            value_ty: None,
                        })
                    }
                }
                TypeKind::Func(_) => {
                    self.unsupported(x.span, "range over functions");
                    None
                }
                _ => {
                    let d = self.describe(x, &xo);
                    self.err(x.span, format!("cannot range over {d}"));
                    None
                }
            };
        }
        if let (Some(ri), Some(v)) = (&kinfo, value) {
            if ri.value_ty.is_none() {
                let d = x_desc.clone();
                self.err(
                    v.span,
                    format!("range over {d} permits only one iteration variable"),
                );
                kinfo = None;
            }
        }
        let invalid = self.invalid();
        let kt = kinfo.as_ref().map(|r| r.key_ty).unwrap_or(invalid);
        let vt = kinfo.as_ref().and_then(|r| r.value_ty).unwrap_or(invalid);
        if let Some(ri) = kinfo.clone() {
            self.info.ranges.insert(s.id, ri);
        }
        if define {
            for (e, t) in [(key, kt), (value, vt)] {
                let Some(e) = e else { continue };
                match &e.kind {
                    ExprKind::Ident(id) => {
                        self.new_local(id, t, VarKind::Local, true);
                        self.record(
                            e,
                            &Operand {
                                mode: Mode::Variable,
                                ty: t,
                                val: None,
                            },
                        );
                    }
                    _ => self.err(
                        e.span,
                        format!("non-name {} on left side of :=", self.expr_string(e)),
                    ),
                }
            }
        } else {
            for (e, t) in [(key, kt), (value, vt)] {
                let Some(e) = e else { continue };
                if matches!(&e.unparen().kind, ExprKind::Ident(id) if id.name == "_") {
                    continue;
                }
                let l = self.lhs_expr(e);
                if !l.is_invalid() && t != invalid && !self.assignable(t, l.ty) {
                    let (ts, ls) = (self.show(t), self.show(l.ty));
                    self.err(
                        e.span,
                        format!(
                            "cannot use {} (value of type {ts}) as {ls} value in range",
                            self.expr_string(e)
                        ),
                    );
                }
            }
        }
        self.push_target(s.id, label, TargetKind::Loop);
        self.block(body);
        self.pop_target();
        self.close_scope();
    }
}
