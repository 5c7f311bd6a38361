//! Type expressions: `int`, `*Cache`, `[]T`, `[N]T`, `map[K]V`, `chan T`, `func(...)`,
//! `struct{...}`, `interface{}`, `sync.Mutex`. Each is recorded with `Mode::Type`.

use crate::lang::ast::{self, ExprKind};
use crate::lang::check::info::{ConstValue, Mode};
use crate::lang::check::{Checker, Operand};
use crate::types::{Field, Signature, TypeId, TypeKind};
use num_traits::ToPrimitive;

impl<'a> Checker<'a> {
    /// Resolve a type expression; `Invalid` after reporting an error.
    pub fn resolve_type(&mut self, e: &ast::Expr) -> TypeId {
        let mut ty = self.resolve_type_inner(e);
        if self.constraint_misuse(e, ty) {
            ty = self.invalid();
        }
        self.record(
            e,
            &Operand {
                mode: Mode::Type,
                ty,
                val: None,
            },
        );
        ty
    }

    fn resolve_type_inner(&mut self, e: &ast::Expr) -> TypeId {
        let invalid = self.invalid();
        match &e.kind {
            ExprKind::Ident(_) | ExprKind::Selector { .. } => {
                let x = self.expr_any(e);
                if x.is_invalid() {
                    return invalid;
                }
                if x.mode != Mode::Type {
                    let what = self.expr_string(e);
                    self.err(e.span, format!("{what} is not a type"));
                    return invalid;
                }
                if self.is_lib_generic_base(x.ty) {
                    let what = self.expr_string(e);
                    self.err(
                        e.span,
                        format!("cannot use generic type {what}[T any] without instantiation"),
                    );
                    return invalid;
                }
                x.ty
            }
            ExprKind::Paren(x) => self.resolve_type(x),
            ExprKind::Star(x) => {
                let t = self.resolve_type(x);
                if t == invalid {
                    return invalid;
                }
                self.types.intern(TypeKind::Pointer(t))
            }
            ExprKind::ArrayType { len: None, elem } => {
                let t = self.resolve_type(elem);
                if t == invalid {
                    return invalid;
                }
                self.types.intern(TypeKind::Slice(t))
            }
            ExprKind::ArrayType {
                len: Some(len),
                elem,
            } => {
                if matches!(len.kind, ExprKind::Ellipsis) {
                    self.err(
                        len.span,
                        "invalid use of [...] array (outside a composite literal)",
                    );
                    self.resolve_type(elem);
                    return invalid;
                }
                let n = self.array_len(len);
                let t = self.resolve_type(elem);
                match n {
                    Some(n) if t != invalid => self.types.intern(TypeKind::Array(n, t)),
                    _ => invalid,
                }
            }
            ExprKind::MapType { key, value } => {
                let k = self.resolve_type(key);
                let v = self.resolve_type(value);
                if k == invalid || v == invalid {
                    return invalid;
                }
                if self.generics.placeholders.contains_key(&k)
                    && !self.strictly_comparable(k)
                    && !self.comparable_type_set(k)
                {
                    let ks = self.show(k);
                    self.err(
                        key.span,
                        format!("incomparable map key type {ks} (missing comparable constraint)"),
                    );
                    return invalid;
                }
                if !self.comparable(k) && !matches!(self.types.under(k), TypeKind::Basic(_)) {
                    let ks = self.show(k);
                    self.err(key.span, format!("invalid map key type {ks}"));
                    return invalid;
                }
                self.types.intern(TypeKind::Map(k, v))
            }
            ExprKind::ChanType { dir, elem } => {
                let t = self.resolve_type(elem);
                if t == invalid {
                    return invalid;
                }
                self.types.intern(TypeKind::Chan(*dir, t))
            }
            ExprKind::FuncType(ft) => self.signature(ft),
            ExprKind::StructType(fields) => self.struct_type(fields),
            ExprKind::InterfaceType(elems) => self.interface_type_expr(e, elems),
            ExprKind::Index { x, indices } => match self.lib_generic_instance(x, indices) {
                Some(t) => t,
                None => self.index_type(e, x, indices),
            },
            ExprKind::Bad => invalid,
            _ => {
                let what = self.expr_string(e);
                self.err(e.span, format!("{what} is not a type"));
                invalid
            }
        }
    }

    /// `x[indices]` as a type: an instance of a generic type the program declares.
    fn index_type(&mut self, e: &ast::Expr, x: &ast::Expr, indices: &[ast::Expr]) -> TypeId {
        let invalid = self.invalid();
        match self.generic_index(e, x, indices) {
            Some(op) if op.mode == Mode::Type => op.ty,
            Some(op) if op.is_invalid() => invalid,
            Some(_) => {
                let what = self.expr_string(e);
                self.err(e.span, format!("{what} is not a type"));
                invalid
            }
            None => {
                let t = self.resolve_type(x);
                if t != invalid {
                    let (s, all) = (self.expr_string(x), self.expr_string(e));
                    self.err(
                        x.span,
                        format!("invalid operation: {all} ({s} is not a generic type)"),
                    );
                }
                invalid
            }
        }
    }

    /// The length of an array type: a non-negative integer constant.
    pub fn array_len(&mut self, len: &ast::Expr) -> Option<u64> {
        let x = self.expr(len);
        if x.is_invalid() {
            return None;
        }
        // go/types' arrayLength.
        let Some(v) = x.val.as_ref().filter(|_| x.mode == Mode::Constant) else {
            let d = self.describe(len, &x);
            self.err(len.span, format!("array length {d} must be constant"));
            return None;
        };
        let int = crate::types::Basic::Int;
        let n = crate::lang::check::constant::to_big(v)
            .filter(|_| self.is_untyped(x.ty) || self.is_integer(x.ty))
            .filter(|i| {
                crate::lang::check::constant::represent(&ConstValue::Int(i.clone()), int).is_ok()
            })
            .and_then(|i| i.to_i64());
        match n {
            Some(n) if (0..(1 << 40)).contains(&n) => {
                self.update_type(len, crate::types::TypeTable::basic(int));
                Some(n as u64)
            }
            Some(n) if n >= 0 => {
                self.unsupported(len.span, "arrays of 2^40 elements or more");
                None
            }
            Some(_) => {
                let d = self.describe(len, &x);
                self.err(len.span, format!("invalid array length {d}"));
                None
            }
            None => {
                let d = self.describe(len, &x);
                self.err(len.span, format!("array length {d} must be integer"));
                None
            }
        }
    }

    /// A function signature type.
    pub fn signature(&mut self, ft: &ast::FuncType) -> TypeId {
        let mut params = Vec::new();
        let mut variadic = false;
        for (i, p) in ft.params.iter().enumerate() {
            let mut t = self.resolve_type(&p.ty);
            if p.variadic {
                if i + 1 != ft.params.len() {
                    self.err(p.span, "can only use ... with final parameter in list");
                } else {
                    variadic = true;
                    if t != self.invalid() {
                        t = self.types.intern(TypeKind::Slice(t));
                    }
                }
            }
            params.push(t);
        }
        let mut results = Vec::new();
        for p in &ft.results {
            results.push(self.resolve_type(&p.ty));
        }
        // go/types prints the names as declared (`func(b byte) rune`): a spelling.
        let all = ft.params.iter().chain(&ft.results);
        let names = if all.clone().any(|p| p.name.is_some()) {
            all.map(|p| p.name.as_ref().map_or("", |n| n.name.as_str()).to_string())
                .collect()
        } else {
            Vec::new()
        };
        self.types.intern(TypeKind::Func(Signature {
            params,
            results,
            variadic,
            names,
        }))
    }

    fn struct_type(&mut self, decls: &[ast::FieldDecl]) -> TypeId {
        let mut fields: Vec<Field> = Vec::new();
        let invalid = self.invalid();
        let mut bad = false;
        for fd in decls {
            let t = self.resolve_type(&fd.ty);
            if t == invalid {
                bad = true;
            }
            if fd.names.is_empty() {
                // Embedded: T, *T, pkg.T.
                let mut base = &fd.ty;
                let mut pointer = false;
                loop {
                    match &base.kind {
                        ExprKind::Star(x) => {
                            pointer = true;
                            base = x;
                        }
                        ExprKind::Paren(x) => base = x,
                        _ => break,
                    }
                }
                let _ = pointer;
                let deref = match self.types.kind(t) {
                    TypeKind::Pointer(b) => *b,
                    _ => t,
                };
                if self.generics.placeholders.contains_key(&deref) {
                    self.err(
                        base.span,
                        "embedded field type cannot be a (pointer to a) type parameter",
                    );
                    bad = true;
                    continue;
                }
                // An instance of a generic type (`Stack[int]`) is named by its type.
                let named = match &base.kind {
                    ExprKind::Index { x, .. } => x.as_ref(),
                    _ => base,
                };
                let name = match &named.kind {
                    ExprKind::Ident(id) => id.name.clone(),
                    ExprKind::Selector { sel, .. } => sel.name.clone(),
                    _ => {
                        self.err(fd.ty.span, "invalid embedded field type");
                        bad = true;
                        continue;
                    }
                };
                if fields.iter().any(|f| f.name == name) {
                    self.err(fd.ty.span, format!("{name} redeclared"));
                }
                fields.push(Field {
                    name,
                    ty: t,
                    embedded: true,
                });
            } else {
                for n in &fd.names {
                    if n.name != "_" && fields.iter().any(|f| f.name == n.name) {
                        self.err(n.span, format!("{} redeclared", n.name));
                    }
                    fields.push(Field {
                        name: n.name.clone(),
                        ty: t,
                        embedded: false,
                    });
                }
            }
        }
        if bad {
            return invalid;
        }
        self.types.intern(TypeKind::Struct(fields))
    }

    /// Whether values of this type can be compared with `==`.
    pub fn comparable(&self, t: TypeId) -> bool {
        match self.types.under(t) {
            TypeKind::Basic(b) => *b != crate::types::Basic::UntypedNil,
            TypeKind::Pointer(_) | TypeKind::Chan(..) | TypeKind::Interface(_) => true,
            TypeKind::Struct(fs) => fs.iter().all(|f| self.comparable(f.ty)),
            TypeKind::Array(_, e) => self.comparable(*e),
            TypeKind::Sync(_) => true,
            _ => false,
        }
    }
}
