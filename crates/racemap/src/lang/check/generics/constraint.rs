//! Constraints: `any`, `comparable`, interfaces with methods and with type sets (`~int |
//! ~string`, written inline or declared), whether a type argument satisfies one (go/types'
//! messages: `string does not implement Number (string missing in ~int | ~float64)`), and the
//! placeholders standing for type parameters inside their generic bodies.

use crate::diag::Span;
use crate::lang::ast::{self, BinaryOp, ExprKind, UnaryOp};
use crate::lang::check::info::ObjectKind;
use crate::lang::check::{Checker, Operand};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};

/// One term of a type set: `~int` or `int`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Term {
    /// Written `~T`: every type whose underlying type is `T`.
    pub tilde: bool,
    /// The type.
    pub ty: TypeId,
}

/// A type parameter's constraint.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Constraint {
    /// The interface of its methods (`any` when none).
    pub methods: TypeId,
    /// Its type set as a union of terms; `None`: every type.
    pub terms: Option<Vec<Term>>,
    /// Only strictly comparable types (`comparable`).
    pub comparable: bool,
    /// How messages name it: `any`, `Number`, `~int | ~string`.
    pub text: String,
}

impl<'a> Checker<'a> {
    /// Declare the predeclared `comparable`.
    pub(crate) fn setup_comparable(&mut self) {
        let t = self.types.new_named("comparable", "");
        let any = self.any_type;
        self.types.set_underlying(t, any);
        self.generics.constraints.insert(
            t,
            Constraint {
                methods: any,
                terms: None,
                comparable: true,
                text: "comparable".to_string(),
            },
        );
        let obj = self.new_object(
            "comparable",
            Span::default(),
            ObjectKind::TypeName { ty: t },
        );
        self.scopes[0].names.insert("comparable".to_string(), obj);
    }

    /// The constraint written as `e` (in a type parameter list).
    pub(crate) fn resolve_constraint(&mut self, e: &ast::Expr) -> Option<Constraint> {
        let outer = self.generics.in_constraint;
        self.generics.in_constraint = true;
        let c = self.constraint_inner(e);
        self.generics.in_constraint = outer;
        c
    }

    fn constraint_inner(&mut self, e: &ast::Expr) -> Option<Constraint> {
        let invalid = self.invalid();
        let any = self.any_type;
        if matches!(
            e.unparen().kind,
            ExprKind::Binary {
                op: BinaryOp::Or,
                ..
            } | ExprKind::Unary {
                op: UnaryOp::Tilde,
                ..
            }
        ) {
            let terms = self.union_terms(e)?;
            // Inline, go/types prints the union without spaces (`~int|~float64`).
            let text = self.terms_text(&terms).replace(" | ", "|");
            return Some(Constraint {
                methods: any,
                terms: Some(terms),
                comparable: false,
                text,
            });
        }
        let t = self.resolve_type(e);
        if t == invalid {
            return None;
        }
        if let Some(c) = self.generics.constraints.get(&t) {
            return Some(c.clone());
        }
        // go/types prints interface literals compactly: `interface{String() string}`.
        let text = self
            .show(t)
            .replace("interface { ", "interface{")
            .replace(" }", "}");
        if self.is_interface(t) {
            return Some(Constraint {
                methods: t,
                terms: None,
                comparable: false,
                text,
            });
        }
        Some(Constraint {
            methods: any,
            terms: Some(vec![Term {
                tilde: false,
                ty: t,
            }]),
            comparable: false,
            text,
        })
    }

    /// The terms of a union `A | ~B | C`. The union and its `~T` terms are recorded as types:
    /// their first term's.
    pub(crate) fn union_terms(&mut self, e: &ast::Expr) -> Option<Vec<Term>> {
        let terms = self.union_terms_inner(e)?;
        let mut inner = e;
        loop {
            let op = Operand {
                mode: crate::lang::check::info::Mode::Type,
                ty: terms[0].ty,
                val: None,
            };
            self.record(inner, &op);
            match &inner.kind {
                ExprKind::Paren(x) => inner = x,
                _ => break,
            }
        }
        Some(terms)
    }

    fn union_terms_inner(&mut self, e: &ast::Expr) -> Option<Vec<Term>> {
        match &e.unparen().kind {
            ExprKind::Binary {
                op: BinaryOp::Or,
                x,
                y,
                ..
            } => {
                let mut a = self.union_terms(x);
                let b = self.union_terms(y);
                match (&mut a, b) {
                    (Some(a), Some(b)) => a.extend(b),
                    _ => return None,
                }
                a
            }
            ExprKind::Unary {
                op: UnaryOp::Tilde,
                x,
            } => {
                let t = self.resolve_type(x);
                if t == self.invalid() {
                    return None;
                }
                if self.types.underlying(t) != t {
                    let s = self.show(t);
                    let u = self.show(self.types.underlying(t));
                    self.err(
                        e.span,
                        format!("invalid use of ~ (underlying type of {s} is {u})"),
                    );
                    return None;
                }
                Some(vec![Term { tilde: true, ty: t }])
            }
            _ => {
                let t = self.resolve_type(e);
                if t == self.invalid() {
                    return None;
                }
                // A constraint declared further down the file: its terms are needed now.
                self.resolve_underlying_of(t);
                if !self.interface_methods(t).is_empty() {
                    let s = self.show(t);
                    self.err(
                        e.span,
                        format!("cannot use {s} in union ({s} contains methods)"),
                    );
                    return None;
                }
                // A constraint interface (`Integer | Float`) stands for its type set.
                if let Some(ts) = self
                    .generics
                    .constraints
                    .get(&t)
                    .and_then(|c| c.terms.clone())
                {
                    return Some(ts);
                }
                Some(vec![Term {
                    tilde: false,
                    ty: t,
                }])
            }
        }
    }

    /// `~int | ~string`.
    pub(crate) fn terms_text(&self, terms: &[Term]) -> String {
        let parts: Vec<String> = terms
            .iter()
            .map(|t| format!("{}{}", if t.tilde { "~" } else { "" }, self.show(t.ty)))
            .collect();
        parts.join(" | ")
    }

    /// A constraint type for an interface literal with type terms or `comparable` (`interface{
    /// ~int | ~string; String() string }`): a named type printed as the literal, whose
    /// underlying type is the interface of its methods.
    pub(crate) fn constraint_type(
        &mut self,
        text: &str,
        methods: TypeId,
        terms: Option<Vec<Term>>,
        comparable: bool,
    ) -> TypeId {
        let text = text.to_string();
        let t = self.types.new_named(&text, "");
        self.types.set_underlying(t, methods);
        self.generics.constraints.insert(
            t,
            Constraint {
                methods,
                terms,
                comparable,
                text,
            },
        );
        t
    }

    /// A constraint used as an ordinary type: Go's error, `true` when reported.
    pub(crate) fn constraint_misuse(&mut self, e: &ast::Expr, t: TypeId) -> bool {
        if self.generics.in_constraint {
            return false;
        }
        let Some(c) = self.generics.constraints.get(&t) else {
            return false;
        };
        let why = if c.terms.is_some() {
            "interface contains type constraints"
        } else if c.comparable {
            "interface is (or embeds) comparable"
        } else {
            return false;
        };
        let s = self.show(t);
        self.err(
            e.span,
            format!("cannot use type {s} outside a type constraint: {why}"),
        );
        true
    }

    /// Check type arguments against the constraints of `tparams` (resolved in the current
    /// scope, which binds the type parameters); errors at `spans` (one per argument, or one
    /// for all). `false` after an error.
    pub(crate) fn verify_targs(
        &mut self,
        tparams: &[ast::Param],
        targs: &[TypeId],
        spans: &[Span],
        _name: &str,
    ) -> bool {
        let mut ok = true;
        for (i, (p, t)) in tparams.iter().zip(targs).enumerate() {
            let Some(c) = self.resolve_constraint(&p.ty) else {
                ok = false;
                continue;
            };
            if let Err(msg) = self.satisfies(*t, &c) {
                let at = spans.get(i).or(spans.first()).copied().unwrap_or(p.span);
                self.err(at, msg);
                ok = false;
                break;
            }
        }
        ok
    }

    /// Whether `t` satisfies `c`; Go's message when it does not.
    pub(crate) fn satisfies(&mut self, t: TypeId, c: &Constraint) -> Result<(), String> {
        let ts = self.show(t);
        if let Some(tc) = self.generics.placeholders.get(&t).cloned() {
            let tcomparable = tc.comparable
                || tc
                    .terms
                    .as_ref()
                    .is_some_and(|ts| ts.iter().all(|x| self.strictly_comparable(x.ty)));
            if c.comparable && !tcomparable {
                return Err(format!("{ts} does not implement comparable"));
            }
            if let Some(want) = &c.terms {
                let covered = tc.terms.as_ref().is_some_and(|have| {
                    have.iter().all(|h| {
                        want.iter().any(|w| {
                            (w.tilde && self.types.underlying(h.ty) == w.ty)
                                || (!w.tilde && !h.tilde && h.ty == w.ty)
                        })
                    })
                });
                if !covered {
                    return Err(format!("{ts} does not implement {}", c.text));
                }
            }
            if self.is_interface(t) {
                if let Some(m) = self.missing_method(t, c.methods) {
                    return Err(format!(
                        "{ts} does not implement {} {}",
                        c.text,
                        self.missing_text(&m, "\t\t")
                    ));
                }
            }
            return Ok(());
        }
        if let Some(terms) = &c.terms {
            if terms.is_empty() {
                return Err(format!("cannot implement {} (empty type set)", c.text));
            }
            let ok = terms.iter().any(|term| {
                if term.tilde {
                    self.types.underlying(t) == self.types.underlying(term.ty)
                } else {
                    t == term.ty
                }
            });
            if !ok {
                let list = self.terms_text(terms);
                return Err(format!(
                    "{ts} does not implement {} ({ts} missing in {list})",
                    c.text
                ));
            }
        }
        if c.comparable && !self.strictly_comparable(t) {
            return Err(format!("{ts} does not implement comparable"));
        }
        if let Some(m) = self.missing_method(t, c.methods) {
            return Err(format!(
                "{ts} does not implement {} {}",
                c.text,
                self.missing_text(&m, "\t\t")
            ));
        }
        Ok(())
    }

    /// Comparable without interfaces inside (Go 1.19's `comparable` constraint).
    pub(crate) fn strictly_comparable(&self, t: TypeId) -> bool {
        if self.generics.placeholders.contains_key(&t) {
            return self.generics.placeholders[&t].comparable;
        }
        match self.types.under(t) {
            TypeKind::Interface(_) => false,
            TypeKind::Struct(fs) => fs.iter().all(|f| self.strictly_comparable(f.ty)),
            TypeKind::Array(_, e) => self.strictly_comparable(*e),
            _ => self.comparable(t),
        }
    }

    /// Placeholders for the type parameters `tparams` (named types with their names, whose
    /// underlying types stand for their constraints' type sets).
    pub(crate) fn make_placeholders(&mut self, tparams: &[ast::Param]) -> Vec<TypeId> {
        let saved = self.enter_package_context();
        let names: Vec<(String, Span)> = tparams
            .iter()
            .map(|p| match &p.name {
                Some(n) => (n.name.clone(), n.span),
                None => ("_".to_string(), p.span),
            })
            .collect();
        for (i, (n, span)) in names.iter().enumerate() {
            if n != "_" && names[..i].iter().any(|(m, _)| m == n) {
                self.err(*span, format!("{n} redeclared in this block"));
            }
        }
        let ts: Vec<TypeId> = names
            .iter()
            .map(|(n, _)| self.types.new_named(n, "main"))
            .collect();
        let mut scope = crate::lang::check::scope::Scope::default();
        for (i, ((name, span), p)) in names.iter().zip(tparams).enumerate() {
            let t = ts[i];
            let o = self.new_object(name, *span, ObjectKind::TypeName { ty: t });
            self.states[o.0 as usize].used = true;
            if let Some(n) = &p.name {
                self.record_ident(n, o, true);
            }
            scope.names.insert(name.clone(), o);
        }
        self.scopes.push(scope);
        for (p, t) in tparams.iter().zip(&ts) {
            let c = self.resolve_constraint(&p.ty).unwrap_or(Constraint {
                methods: self.any_type,
                terms: None,
                comparable: false,
                text: "any".to_string(),
            });
            let u = self.placeholder_underlying(&c);
            self.types.set_underlying(*t, u);
            self.generics.placeholders.insert(*t, c);
        }
        self.scopes.truncate(2);
        self.leave_package_context(saved);
        ts
    }

    /// The underlying type of a placeholder: the core type of its type set, the widest of a set
    /// of numeric types (`string` when strings are in it too), else the constraint's
    /// interface.
    fn placeholder_underlying(&self, c: &Constraint) -> TypeId {
        let Some(terms) = &c.terms else {
            return self.types.underlying(c.methods);
        };
        let mut us: Vec<TypeId> = terms.iter().map(|t| self.types.underlying(t.ty)).collect();
        crate::stable_sort::sort(&mut us);
        us.dedup();
        if us.len() == 1 {
            return us[0];
        }
        // `~string | ~[]byte`: string stands for both (len, indexing, slicing, conversions).
        let bytes = self
            .types
            .find(&TypeKind::Slice(TypeTable::basic(Basic::Uint8)));
        if us.len() == 2
            && us.contains(&TypeTable::basic(Basic::String))
            && bytes.is_some_and(|b| us.contains(&b))
        {
            return TypeTable::basic(Basic::String);
        }
        let basics: Vec<Basic> = us.iter().filter_map(|u| self.basic(*u)).collect();
        if basics.len() != us.len() {
            return self.types.underlying(c.methods);
        }
        let pick = if basics.contains(&Basic::String) {
            if basics
                .iter()
                .all(|b| *b == Basic::String || b.int_info().is_some() || self.is_float_kind(*b))
            {
                Basic::String
            } else {
                return self.types.underlying(c.methods);
            }
        } else if basics
            .iter()
            .all(|b| b.int_info().is_some() || self.is_float_kind(*b))
        {
            if basics.iter().any(|b| self.is_float_kind(*b)) {
                Basic::Float64
            } else if basics.iter().all(|b| b.int_info().is_some_and(|(_, s)| !s)) {
                Basic::Uint64
            } else {
                Basic::Int64
            }
        } else {
            return self.types.underlying(c.methods);
        };
        TypeTable::basic(pick)
    }

    fn is_float_kind(&self, b: Basic) -> bool {
        matches!(b, Basic::Float32 | Basic::Float64)
    }

    /// A placeholder whose type set has no core type (`any`, `comparable`, methods only): its
    /// stand-in underlying type is an interface.
    pub(crate) fn interface_placeholder(&self, t: TypeId) -> bool {
        self.generics.placeholders.contains_key(&t) && self.is_interface(t)
    }

    /// An untyped constant `x` that some type of placeholder `t`'s type set cannot represent
    /// (`300` for `~int8 | ~int64`): Go refuses it for `t`.
    pub(crate) fn placeholder_rejects_const(&self, t: TypeId, x: &Operand) -> bool {
        let Some(Some(terms)) = self.generics.placeholders.get(&t).map(|c| c.terms.as_ref()) else {
            return false;
        };
        let Some(v) = x.val.as_ref() else {
            return false;
        };
        terms.iter().any(|term| match self.basic(term.ty) {
            Some(b) => crate::lang::check::constant::represent(v, b).is_err(),
            None => true,
        })
    }

    /// A placeholder whose type set's terms are all comparable (`~int | ~string`).
    pub(crate) fn comparable_type_set(&self, t: TypeId) -> bool {
        self.generics.placeholders.get(&t).is_some_and(|c| {
            c.terms
                .as_ref()
                .is_some_and(|ts| ts.iter().all(|x| self.strictly_comparable(x.ty)))
        })
    }

    /// `T constrained by any` for a placeholder `t`.
    pub(crate) fn constrained_by(&self, t: TypeId) -> Option<String> {
        let c = self.generics.placeholders.get(&t)?;
        Some(format!("{} constrained by {}", self.show(t), c.text))
    }
}
