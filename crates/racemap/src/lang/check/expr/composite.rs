//! Composite literals: struct literals (keyed or positional), arrays (including `[...]T`),
//! slices and maps, with Go's messages for
//! duplicate, unknown and missing fields and out-of-range indices.

use crate::lang::ast::{self, ExprKind};
use crate::lang::check::constant::{self};
use crate::lang::check::info::*;
use crate::lang::check::{Checker, Operand};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};

impl<'a> Checker<'a> {
    pub(super) fn composite(
        &mut self,
        e: &ast::Expr,
        ty: Option<&ast::Expr>,
        elts: &[ast::KeyedElement],
        rbrace: crate::diag::Span,
        hint: Option<TypeId>,
    ) -> Operand {
        let invalid = Operand::invalid();
        let _ = rbrace;
        // `[...]T`: its type and element type; its length is the largest index plus one.
        let mut open_array: Option<(&ast::Expr, TypeId)> = None;
        let mut t = match ty {
            Some(te) => {
                // [...]T
                if let ExprKind::ArrayType {
                    len: Some(len),
                    elem,
                } = &te.kind
                {
                    if matches!(len.kind, ExprKind::Ellipsis) {
                        let el = self.resolve_type(elem);
                        if el == self.invalid() {
                            return invalid;
                        }
                        // Its length is known once its keys are checked (below).
                        open_array = Some((te, el));
                        self.types.intern(TypeKind::Slice(el))
                    } else {
                        self.resolve_type(te)
                    }
                } else {
                    self.resolve_type(te)
                }
            }
            None => match hint {
                Some(h) => h,
                None => {
                    self.err(e.span, "invalid composite literal type: missing type");
                    return invalid;
                }
            },
        };
        // A named type whose declaration was rejected has an invalid underlying type: already
        // reported there.
        if t == self.invalid() || self.types.underlying(t) == self.invalid() {
            for kv in elts {
                // still check values for undefined names
                if !matches!(kv.value.kind, ExprKind::CompositeLit { ty: None, .. }) {
                    self.expr(&kv.value);
                }
            }
            return invalid;
        }
        // Elided &T in []*T{{...}}.
        let mut pointer_elided = None;
        if ty.is_none() {
            if let TypeKind::Pointer(base) = self.types.under(t).clone() {
                pointer_elided = Some(t);
                t = base;
            }
        }
        match self.types.under(t).clone() {
            TypeKind::Struct(fields) => {
                let keyed = elts.first().map(|k| k.key.is_some()).unwrap_or(false);
                let ts = self.show(t);
                if keyed {
                    let mut seen = std::collections::BTreeSet::new();
                    for kv in elts {
                        let Some(k) = &kv.key else {
                            self.err(
                                kv.value.span,
                                "mixture of field:value and value elements in struct literal",
                            );
                            self.expr(&kv.value);
                            continue;
                        };
                        let ExprKind::Ident(name) = &k.kind else {
                            self.err(
                                k.span,
                                format!(
                                    "invalid field name {} in struct literal",
                                    self.expr_string(k)
                                ),
                            );
                            self.expr(&kv.value);
                            continue;
                        };
                        let Some(fi) = fields.iter().position(|f| f.name == name.name) else {
                            self.err(
                                k.span,
                                format!(
                                    "unknown field {} in struct literal of type {ts}",
                                    name.name
                                ),
                            );
                            self.expr(&kv.value);
                            continue;
                        };
                        if !seen.insert(fi) {
                            // go/types reports at the key-value pair's colon.
                            self.err(
                                crate::diag::Span::new(k.span.hi, k.span.hi + 1),
                                format!("duplicate field name {} in struct literal", name.name),
                            );
                        }
                        self.info.selections.insert(
                            k.id,
                            Selection::Field {
                                path: vec![FieldStep {
                                    index: fi as u32,
                                    deref: false,
                                }],
                            },
                        );
                        let ft = fields[fi].ty;
                        let mut v = self.expr_hint(&kv.value, ft);
                        self.assign_to(&kv.value, &mut v, ft, "struct literal");
                    }
                } else {
                    for (i, kv) in elts.iter().enumerate() {
                        if kv.key.is_some() {
                            self.err(
                                kv.value.span,
                                "mixture of field:value and value elements in struct literal",
                            );
                            continue;
                        }
                        let Some(f) = fields.get(i) else {
                            self.err(
                                kv.value.span,
                                format!("too many values in struct literal of type {ts}"),
                            );
                            break;
                        };
                        let ft = f.ty;
                        let mut v = self.expr_hint(&kv.value, ft);
                        self.assign_to(&kv.value, &mut v, ft, "struct literal");
                    }
                    if !elts.is_empty() && elts.len() < fields.len() {
                        self.err(
                            rbrace,
                            format!("too few values in struct literal of type {ts}"),
                        );
                    }
                }
            }
            TypeKind::Slice(elem) | TypeKind::Array(_, elem) => {
                let len = match self.types.under(t) {
                    TypeKind::Array(n, _) => Some(*n),
                    _ => None,
                };
                let mut idx: i128 = 0;
                let mut max_len: i128 = 0;
                // The indices given so far (go/types' `indexedElts`: a repeated one is an error).
                let mut seen = std::collections::BTreeSet::new();
                for kv in elts {
                    let mut valid_index = true;
                    if let Some(k) = &kv.key {
                        let kx = self.expr(k);
                        match (&kx.val, kx.mode) {
                            (Some(v), Mode::Constant)
                                if constant::to_int(v)
                                    .map(|i| (0..=i64::MAX as i128).contains(&i))
                                    .unwrap_or(false) =>
                            {
                                idx = constant::to_int(v).unwrap_or(0);
                                let mut kx = kx.clone();
                                self.set_type(k, &mut kx, TypeTable::basic(Basic::Int));
                            }
                            _ => {
                                valid_index = false;
                                if !kx.is_invalid() {
                                    let d = self.describe(k, &kx);
                                    let big = kx
                                        .val
                                        .as_ref()
                                        .and_then(constant::to_int)
                                        .is_some_and(|i| i > 0);
                                    if big {
                                        self.err(k.span, format!("{d} overflows int"));
                                    } else {
                                        self.err(
                                            k.span,
                                            format!("index {d} must be integer constant"),
                                        );
                                    }
                                }
                            }
                        }
                    }
                    if let Some(n) = len {
                        if idx as u64 >= n {
                            self.err(
                                kv.value.span,
                                format!("index {idx} is out of bounds (>= {n})"),
                            );
                        }
                    }
                    if valid_index && !seen.insert(idx) {
                        let at = kv.key.as_ref().map_or(kv.value.span, |k| k.span);
                        self.err(
                            at,
                            format!("duplicate index {idx} in array or slice literal"),
                        );
                    }
                    let mut v = self.expr_hint(&kv.value, elem);
                    self.assign_to(&kv.value, &mut v, elem, "array or slice literal");
                    idx = idx.saturating_add(1);
                    max_len = max_len.max(idx);
                }
                if let Some((te, el)) = open_array {
                    let n = max_len.clamp(0, 1 << 40) as u64;
                    t = self.types.intern(TypeKind::Array(n, el));
                    let typ = Operand {
                        mode: Mode::Type,
                        ty: t,
                        val: None,
                    };
                    self.record(te, &typ);
                }
            }
            TypeKind::Map(kt, vt) => {
                for kv in elts {
                    match &kv.key {
                        Some(k) => {
                            let mut kx = self.expr_hint(k, kt);
                            self.assign_to(k, &mut kx, kt, "map literal");
                        }
                        None => self.err(kv.value.span, "missing key in map literal"),
                    }
                    let mut v = self.expr_hint(&kv.value, vt);
                    self.assign_to(&kv.value, &mut v, vt, "map literal");
                }
            }
            // `sync.Mutex{}`, `atomic.Int64{}`: the zero value (their fields are unexported).
            TypeKind::Sync(_) if elts.is_empty() => {}
            _ => {
                let ts = self.show(t);
                self.err(e.span, format!("invalid composite literal type {ts}"));
                return invalid;
            }
        }
        match pointer_elided {
            Some(p) => Operand::value(p),
            None => Operand::value(t),
        }
    }
}
