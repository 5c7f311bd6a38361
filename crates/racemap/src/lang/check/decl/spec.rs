//! `const` and `var` specs (package-level and local): implicit repetition with `iota`, declared
//! types against values, and the count mismatch message (`assignment mismatch: 2 variables but
//! 1 value`).

use crate::lang::ast::{self};
use crate::lang::check::decl::plural;
use crate::lang::check::info::*;
use crate::lang::check::Checker;
use crate::types::{Basic, TypeId, TypeKind, TypeTable};

impl<'a> Checker<'a> {
    /// Evaluate const spec `i` of a group: one `(type, value)` per name.
    pub fn const_spec(&mut self, specs: &[ast::ConstSpec], i: usize) -> Vec<(TypeId, ConstValue)> {
        let spec = &specs[i];
        let invalid = self.invalid();
        let mut src = i;
        while specs[src].values.is_empty() && src > 0 {
            src -= 1;
        }
        let from = &specs[src];
        let saved_iota = self.iota.replace(spec.iota as i128);
        let declared = from.ty.as_ref().map(|t| self.resolve_type(t));
        let mut out = Vec::new();
        if from.values.is_empty() && (spec.ty.is_some() || i == 0) {
            self.err(spec.span, "missing init expr for const declaration");
        }
        for (n, name) in spec.names.iter().enumerate() {
            let Some(e) = from.values.get(n) else {
                if !from.values.is_empty() {
                    self.err(name.span, "missing init expr for const declaration");
                }
                out.push((invalid, ConstValue::int(0)));
                continue;
            };
            let mut x = self.expr(e);
            if x.is_invalid() {
                out.push((invalid, ConstValue::int(0)));
                continue;
            }
            if x.mode != Mode::Constant {
                let d = self.describe(e, &x);
                self.err(e.span, format!("{d} is not constant"));
                out.push((invalid, ConstValue::int(0)));
                continue;
            }
            if let Some(t) = declared {
                if t == invalid {
                    out.push((invalid, ConstValue::int(0)));
                    continue;
                }
                if !matches!(self.types.under(t), TypeKind::Basic(_)) {
                    let ts = self.show(t);
                    self.err(
                        from.ty.as_ref().map(|t| t.span).unwrap_or(spec.span),
                        format!("invalid constant type {ts}"),
                    );
                    out.push((invalid, ConstValue::int(0)));
                    continue;
                }
                if !self.assign_to(e, &mut x, t, "constant declaration") {
                    out.push((invalid, ConstValue::int(0)));
                    continue;
                }
            }
            let value = match &x.val {
                Some(v) => v.clone(),
                None => {
                    self.internal(e.span, "a constant operand without a value");
                    ConstValue::int(0)
                }
            };
            out.push((x.ty, value));
        }
        if from.values.len() > spec.names.len() && src == i {
            self.err(from.values[spec.names.len()].span, "extra init expr");
        }
        self.iota = saved_iota;
        out
    }

    /// Check a `var` spec's initializers and return the type of each declared name.
    pub fn var_spec(&mut self, s: &ast::VarSpec, context: &str) -> Vec<TypeId> {
        let invalid = self.invalid();
        let declared = s.ty.as_ref().map(|t| self.resolve_type(t));
        let n = s.names.len();
        if s.values.is_empty() {
            return vec![declared.unwrap_or(invalid); n];
        }
        if s.values.len() == 1 && n > 1 {
            // var a, b = f()
            let e = &s.values[0];
            let x = self.expr_multi(e);
            if x.is_invalid() {
                return vec![declared.unwrap_or(invalid); n];
            }
            let results = match self.types.kind(x.ty) {
                TypeKind::Tuple(ts) if x.mode == Mode::Tuple => ts.clone(),
                _ => {
                    if self.comma_ok_capable(e, &x) && n == 2 {
                        let t0 = declared.unwrap_or_else(|| self.default_type(x.ty));
                        self.info.comma_ok.insert(e.id);
                        self.record_comma_ok(e);
                        let mut x = x;
                        self.assign_to(e, &mut x, t0, context);
                        return vec![t0, declared.unwrap_or(TypeTable::basic(Basic::Bool))];
                    }
                    self.assign_mismatch(e, n, 1);
                    return vec![declared.unwrap_or(invalid); n];
                }
            };
            if results.len() != n {
                self.assign_mismatch(e, n, results.len());
                return vec![declared.unwrap_or(invalid); n];
            }
            let mut out = Vec::new();
            let mut conv = Vec::new();
            let mut any_conv = false;
            for (i, r) in results.iter().enumerate() {
                let t = declared.unwrap_or(*r);
                if !self.assignable(*r, t) {
                    let rs = self.show(*r);
                    let ts = self.show(t);
                    self.err(
                        e.span,
                        format!(
                            "cannot use {} (value of type {rs}) as {ts} value in {context}",
                            self.expr_string(e)
                        ),
                    );
                }
                let c = if self.is_interface(t) && !self.is_interface(*r) {
                    any_conv = true;
                    Some(t)
                } else {
                    None
                };
                conv.push(c);
                let _ = i;
                out.push(t);
            }
            if any_conv {
                self.info.tuple_implicit.insert(e.id, conv);
            }
            return out;
        }
        if s.values.len() != n {
            let first = &s.values[0];
            if s.values.len() > n {
                self.err(
                    s.values[n].span,
                    format!(
                        "assignment mismatch: {} but {}",
                        plural(n, "variable"),
                        plural(s.values.len(), "value")
                    ),
                );
            } else {
                self.err(
                    first.span,
                    format!(
                        "assignment mismatch: {} but {}",
                        plural(n, "variable"),
                        plural(s.values.len(), "value")
                    ),
                );
            }
            for v in &s.values {
                self.expr(v);
            }
            return vec![declared.unwrap_or(invalid); n];
        }
        let mut out = Vec::new();
        for (i, e) in s.values.iter().enumerate() {
            let mut x = self.expr(e);
            if x.is_invalid() {
                out.push(declared.unwrap_or(invalid));
                continue;
            }
            match declared {
                Some(t) => {
                    self.assign_to(e, &mut x, t, context);
                    out.push(t);
                }
                None => {
                    if x.mode == Mode::Nil {
                        self.err(e.span, format!("use of untyped nil in {context}"));
                        out.push(invalid);
                        continue;
                    }
                    let t = self.default_type(x.ty);
                    self.assign_to(e, &mut x, t, context);
                    out.push(t);
                }
            }
            let _ = i;
        }
        out
    }

    /// `assignment mismatch: N variables but f returns M values` / `... but M values`.
    pub fn assign_mismatch(&mut self, e: &ast::Expr, vars: usize, vals: usize) {
        let mut inner = e;
        while let ast::ExprKind::Paren(x) = &inner.kind {
            inner = x;
        }
        if let ast::ExprKind::Call { func, .. } = &inner.kind {
            let f = self.expr_string(func);
            self.err(
                e.span,
                format!(
                    "assignment mismatch: {} but {f} returns {}",
                    plural(vars, "variable"),
                    plural(vals, "value")
                ),
            );
        } else {
            self.err(
                e.span,
                format!(
                    "assignment mismatch: {} but {}",
                    plural(vars, "variable"),
                    plural(vals, "value")
                ),
            );
        }
    }
}
