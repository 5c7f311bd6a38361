//! Interfaces: interface types with method sets (methods written in the type and those of
//! embedded interfaces, merged and sorted by name), method sets of other types, and implicit
//! satisfaction (`T implements I`) with Go's reasons when it fails.
//!
//! Method sets follow the spec: the method set of a named type `T` holds its value-receiver
//! methods and those promoted from embedded fields (value-receiver methods of an embedded `S`,
//! every method of an embedded interface); `*T` also holds the pointer-receiver ones. An
//! interface's method set is its methods. The failure reasons are go/types' (as `go vet`
//! prints them): `missing method M`, `method M has pointer receiver`, `wrong type for method
//! M` followed by `have`/`want` lines.

use crate::lang::ast;
use crate::lang::check::generics::Term;
use crate::lang::check::lookup::Found;
use crate::lang::check::Checker;
use crate::types::{TypeId, TypeKind};

/// Why a type does not implement an interface.
#[derive(Clone, Debug, PartialEq)]
pub enum Missing {
    /// No method with this name (or a field with it).
    Method(String),
    /// The method exists with a pointer receiver, but the type is not a pointer.
    PointerRecv(String),
    /// The method exists with another signature (`have`, `want`: the signatures).
    WrongType {
        /// The method name.
        name: String,
        /// The signature the type has.
        have: TypeId,
        /// The signature the interface wants.
        want: TypeId,
    },
}

impl<'a> Checker<'a> {
    /// The type of the interface literal `e`: the interface of its methods, or, when it has
    /// type terms or embeds `comparable`, a constraint type (only usable as a constraint).
    pub fn interface_type_expr(&mut self, e: &ast::Expr, elems: &[ast::InterfaceElem]) -> TypeId {
        let mut terms: Option<Vec<Term>> = None;
        let mut comparable = false;
        let t = self.interface_type(elems, &mut terms, &mut comparable);
        if t == self.invalid() || (terms.is_none() && !comparable) {
            return t;
        }
        // go/types' spelling: `interface{~int | ~string; String() string}`.
        let methods = self.interface_methods(t);
        let parts: Vec<String> = elems
            .iter()
            .map(|el| match el {
                ast::InterfaceElem::Method { name, .. } => {
                    let sig = methods
                        .iter()
                        .find(|(n, _)| *n == name.name)
                        .map(|(_, s)| self.show(*s))
                        .unwrap_or_default();
                    format!("{}{}", name.name, sig.strip_prefix("func").unwrap_or(&sig))
                }
                ast::InterfaceElem::Embedded(x) => self.expr_string(x).replace(" | ", "|"),
            })
            .collect();
        let text = format!("interface{{{}}}", parts.join("; "));
        let _ = e;
        self.constraint_type(&text, t, terms, comparable)
    }

    /// The type of `interface { ... }`: its methods (written and embedded) sorted by name.
    /// Duplicate methods with different signatures are reported (`duplicate method M`);
    /// type terms (`~int | string`, a non-interface type) and embedded constraints go into
    /// `terms` (intersected) and `comparable`.
    pub fn interface_type(
        &mut self,
        elems: &[ast::InterfaceElem],
        terms: &mut Option<Vec<Term>>,
        comparable: &mut bool,
    ) -> TypeId {
        let invalid = self.invalid();
        let mut methods: Vec<(String, TypeId)> = Vec::new();
        let mut bad = false;
        // Written methods first, then embedded interfaces (a conflict is reported at the
        // embedded one, as go/types does).
        let written = elems
            .iter()
            .filter(|e| matches!(e, ast::InterfaceElem::Method { .. }));
        let embedded = elems
            .iter()
            .filter(|e| matches!(e, ast::InterfaceElem::Embedded(_)));
        for el in written.chain(embedded) {
            match el {
                ast::InterfaceElem::Method { name, sig } => {
                    let t = self.signature(sig);
                    if name.name == "_" {
                        self.err(name.span, "methods must have a unique non-blank name");
                        bad = true;
                        continue;
                    }
                    if methods.iter().any(|(n, _)| *n == name.name) {
                        self.err(name.span, format!("duplicate method {}", name.name));
                        bad = true;
                        continue;
                    }
                    methods.push((name.name.clone(), t));
                }
                ast::InterfaceElem::Embedded(x) => {
                    if matches!(
                        x.unparen().kind,
                        ast::ExprKind::Binary { .. }
                            | ast::ExprKind::Unary {
                                op: ast::UnaryOp::Tilde,
                                ..
                            }
                    ) {
                        match self.union_terms(x) {
                            Some(ts) => Self::intersect(terms, ts, &self.types),
                            None => bad = true,
                        }
                        continue;
                    }
                    let outer = self.generics.in_constraint;
                    self.generics.in_constraint = true;
                    let t = self.resolve_type(x);
                    self.generics.in_constraint = outer;
                    // An interface declared further down the file: its methods are needed now.
                    self.resolve_underlying_of(t);
                    if t == invalid {
                        bad = true;
                        continue;
                    }
                    if let Some(c) = self.generics.constraints.get(&t).cloned() {
                        *comparable |= c.comparable;
                        if let Some(ts) = c.terms {
                            Self::intersect(terms, ts, &self.types);
                        }
                    }
                    let TypeKind::Interface(embedded) = self.types.under(t).clone() else {
                        Self::intersect(
                            terms,
                            vec![Term {
                                tilde: false,
                                ty: t,
                            }],
                            &self.types,
                        );
                        continue;
                    };
                    for (n, sig) in embedded {
                        match methods.iter().find(|(m, _)| *m == n) {
                            Some((_, s)) if *s == sig => {}
                            Some(_) => {
                                self.err(x.span, format!("duplicate method {n}"));
                                bad = true;
                            }
                            None => methods.push((n, sig)),
                        }
                    }
                }
            }
        }
        if bad {
            return invalid;
        }
        if methods.is_empty() {
            return self.any_type;
        }
        crate::stable_sort::sort(&mut methods);
        self.types.intern(TypeKind::Interface(methods))
    }

    /// Intersect a type set with the union `ts` (the first union is the set).
    fn intersect(terms: &mut Option<Vec<Term>>, ts: Vec<Term>, types: &crate::types::TypeTable) {
        *terms = Some(match terms.take() {
            None => ts,
            Some(have) => have
                .into_iter()
                .filter(|h| {
                    ts.iter()
                        .any(|w| h.ty == w.ty || (w.tilde && types.underlying(h.ty) == w.ty))
                })
                .collect(),
        });
    }

    /// The methods of an interface type (empty for other types).
    pub fn interface_methods(&self, t: TypeId) -> Vec<(String, TypeId)> {
        match self.types.under(t) {
            TypeKind::Interface(ms) => ms.clone(),
            _ => Vec::new(),
        }
    }

    /// Method `name` in the method set of `v`: its signature, or why it is not there.
    fn method_in_set(&mut self, v: TypeId, name: &str) -> Result<TypeId, Missing> {
        let v_is_ptr = matches!(self.types.kind(v), TypeKind::Pointer(_));
        match self.lookup_member(v, name) {
            Found::Method {
                path,
                pointer_recv,
                sig,
                ..
            }
            | Found::Lib {
                path,
                pointer_recv,
                sig,
                ..
            } => {
                // Pointer methods are in the set of `*T`, and of `T` when they are promoted
                // through an embedded pointer field.
                let recv = self.type_after_path(v, &path);
                let recv_is_ptr = matches!(self.types.kind(recv), TypeKind::Pointer(_));
                if pointer_recv && !v_is_ptr && !recv_is_ptr {
                    return Err(Missing::PointerRecv(name.to_string()));
                }
                Ok(sig)
            }
            Found::IfaceMethod { sig, .. } => Ok(sig),
            Found::Field { .. } | Found::Ambiguous | Found::None => {
                Err(Missing::Method(name.to_string()))
            }
        }
    }

    /// Why `v` does not implement the interface `t`; `None` when it does. The first missing
    /// method in name order is named, as go/types does.
    pub fn missing_method(&mut self, v: TypeId, t: TypeId) -> Option<Missing> {
        let want = self.interface_methods(t);
        if want.is_empty() || self.rejected_type(v) {
            return None;
        }
        // Report a missing method before a wrong or pointer one, as go/types does.
        let mut other = None;
        for (name, want_sig) in want {
            match self.method_in_set(v, &name) {
                Ok(have) if have == want_sig || have == self.invalid() => {}
                Ok(have) => {
                    other.get_or_insert(Missing::WrongType {
                        name,
                        have,
                        want: want_sig,
                    });
                }
                Err(m @ Missing::Method(_)) => return Some(m),
                Err(m) => {
                    other.get_or_insert(m);
                }
            }
        }
        other
    }

    /// Whether `t` (or the type `t` points to) is a named type whose declaration was rejected
    /// (its underlying type is invalid): its members are unknown, so nothing more is reported.
    pub fn rejected_type(&self, t: TypeId) -> bool {
        let base = match self.types.kind(t) {
            TypeKind::Pointer(b) => *b,
            _ => t,
        };
        self.types.underlying(base) == self.invalid()
    }

    /// The name of `t` (or of the type `t` points to) when it is a type of a library package
    /// whose methods racemap implements only in part (`time.Duration`, `strings.Builder`); not
    /// for the types it implements whole (`sync.Mutex`), where an unknown method is Go's error.
    pub fn library_type(&self, t: TypeId) -> Option<String> {
        const WHOLE: &[&str] = &[
            "sync.Mutex",
            "sync.WaitGroup",
            "sync.Once",
            "sync.Cond",
            "sync.Map",
            "sync.Pool",
            "atomic.Int32",
            "atomic.Int64",
            "atomic.Uint32",
            "atomic.Uint64",
            "atomic.Bool",
            "time.Timer",
            "time.Ticker",
            "sort.Interface",
            "fmt.Stringer",
            "sync.Locker",
            "context.Context",
            "sort.IntSlice",
            "sort.StringSlice",
            "sort.Float64Slice",
        ];
        let base = match self.types.kind(t) {
            TypeKind::Pointer(b) => *b,
            _ => t,
        };
        let TypeKind::Named { pkg, name, .. } = self.types.kind(base) else {
            return None;
        };
        let library = crate::lang::check::packages::SUPPORTED_IMPORTS
            .iter()
            .any(|path| path == pkg || path.rsplit('/').next() == Some(pkg.as_str()));
        let shown = format!("{}.{name}", pkg.rsplit('/').next().unwrap_or(pkg));
        (library && !WHOLE.contains(&shown.as_str())).then_some(shown)
    }

    /// Whether `v` implements the interface `t`.
    pub fn implements(&mut self, v: TypeId, t: TypeId) -> bool {
        self.missing_method(v, t).is_none()
    }

    /// Go's parenthesized reason: `missing method M`, `method M has pointer receiver`, or
    /// `wrong type for method M)` + the `have`/`want` lines (`close` is `)` at the end of the
    /// first line; the have/want lines follow it, indented by `indent`).
    pub fn missing_text(&self, m: &Missing, indent: &str) -> String {
        match m {
            Missing::Method(n) => format!("(missing method {n})"),
            Missing::PointerRecv(n) => format!("(method {n} has pointer receiver)"),
            Missing::WrongType { name, have, want } => {
                let sig = |t: TypeId| {
                    let s = self.show(t);
                    format!("{name}{}", s.strip_prefix("func").unwrap_or(&s))
                };
                format!(
                    "(wrong type for method {name})\n{indent}have {}\n{indent}want {}",
                    sig(*have),
                    sig(*want)
                )
            }
        }
    }

    /// `V does not implement T (reason)`.
    pub fn not_implement_text(&self, v: TypeId, t: TypeId, m: &Missing) -> String {
        format!(
            "{} does not implement {} {}",
            self.show(v),
            self.show(t),
            self.missing_text(m, "\t\t")
        )
    }
}
