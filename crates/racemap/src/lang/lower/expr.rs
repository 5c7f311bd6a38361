//! Expressions: each pushes its value (`[] → [v]`); multi-value forms (calls with several
//! results, comma-ok) push one value per result.
//!
//! Implicit conversions to interface types (`ExprInfo::implicit`) are applied by
//! [`FnCx::expr_conv`] where a value is used; [`FnCx::expr`] pushes the value as is.

use super::func::{FnCx, VarLoc};
use super::place::strip_parens;
use crate::bytecode::{BinOp, Instr, LibFunc};
use crate::lang::ast::{self, BinaryOp, Expr, ExprKind, UnaryOp};
use crate::lang::check::exact::{Rat, F32, F64};
use crate::lang::check::{ConstValue, Mode, ObjectKind, RecvAdjust, Selection};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

impl FnCx<'_, '_> {
    /// Push the value of `e`, then box it when the checker recorded an implicit conversion to
    /// an interface type.
    pub fn expr_conv(&mut self, e: &Expr) {
        self.expr(e);
        self.implicit(e);
    }

    /// Box the value on the stack if `e` is implicitly converted to an interface.
    pub fn implicit(&mut self, e: &Expr) {
        let Some(info) = self.lw.info.expr(e.id) else {
            return;
        };
        if info.implicit.is_some() && info.mode != Mode::Nil && !self.is_iface(info.ty) {
            let ty = info.ty;
            self.emit(Instr::ToIface(ty));
        }
    }

    /// Box the value on the stack with its type if that type is not an interface (for `...any`
    /// library arguments).
    pub fn box_any(&mut self, e: &Expr) {
        let Some(info) = self.lw.info.expr(e.id) else {
            return;
        };
        if info.mode == Mode::Nil || self.is_iface(info.ty) {
            return;
        }
        let ty = info.ty;
        self.emit(Instr::ToIface(ty));
    }

    /// Push a constant of type `ty`.
    pub fn push_const(&mut self, ty: TypeId, v: &ConstValue) {
        let b = self.basic(ty);
        match v {
            ConstValue::Bool(x) => {
                self.emit(Instr::PushBool(*x));
            }
            // The checker gave every constant its type's value (an integer within its type,
            // a float rounded to float64 or float32); what remains is the bit pattern.
            ConstValue::Int(_) | ConstValue::Float(_) => {
                if matches!(b, Basic::Float32 | Basic::Float64 | Basic::UntypedFloat) {
                    let fmt = if b == Basic::Float32 { F32 } else { F64 };
                    let f = match v {
                        ConstValue::Int(i) => Rat::from_int(i.clone()).to_float(fmt),
                        ConstValue::Float(r) => r.to_float(fmt),
                        _ => None,
                    };
                    self.emit(Instr::PushFloat(f.unwrap_or(f64::INFINITY)));
                } else {
                    let i = match v {
                        ConstValue::Int(i) => i.clone(),
                        ConstValue::Float(r) => r.trunc(),
                        _ => BigInt::zero(),
                    };
                    self.emit(Instr::PushInt(wrap(&i, b)));
                }
            }
            ConstValue::String(s) => {
                let id = self.lw.string(s.as_bytes());
                self.emit(Instr::PushStr(id));
            }
        }
    }

    /// Push several values for an assignment-like context with `targets` destinations:
    /// either one value per expression (with implicit conversions) or, for a single
    /// multi-value expression, all its values. Returns how many values were pushed.
    pub fn push_values(&mut self, rhs: &[&Expr], targets: usize) -> usize {
        if rhs.len() == 1 && targets > 1 {
            self.expr_multi(rhs[0], targets);
            return targets;
        }
        self.hoist_calls(rhs);
        for e in rhs {
            self.expr_conv(e);
        }
        rhs.len()
    }

    /// Push the `n` values of a multi-value expression: a call with several results, or the
    /// comma-ok form of a map index, receive or type assertion.
    pub fn expr_multi(&mut self, e: &Expr, n: usize) {
        let inner = strip_parens(e);
        match &inner.kind {
            ExprKind::Index { x, indices } => {
                let xt = self.ty(x);
                if let TypeKind::Map(_, v) = self.under(xt) {
                    self.expr(x);
                    if let Some(k) = indices.first() {
                        self.expr_conv(k);
                    }
                    self.emit_at(
                        Instr::MapGet {
                            elem: v,
                            comma_ok: true,
                        },
                        inner.span,
                    );
                    return;
                }
            }
            ExprKind::Unary {
                op: UnaryOp::Recv,
                x,
            } => {
                let xt = self.ty(x);
                let elem = chan_elem(&self.lw.types, xt);
                self.expr(x);
                self.emit_at(
                    Instr::Recv {
                        elem,
                        comma_ok: true,
                    },
                    inner.span,
                );
                return;
            }
            ExprKind::TypeAssert { x, ty: Some(t) } => {
                let from = self.ty(x);
                let ty = self.ty(t);
                self.expr(x);
                self.emit_at(
                    Instr::TypeAssert {
                        ty,
                        from,
                        comma_ok: true,
                    },
                    inner.span,
                );
                return;
            }
            ExprKind::Call { .. } => {
                self.expr(inner);
                // Box results converted to interfaces.
                if let Some(conv) = self.lw.info.tuple_implicit.get(&inner.id).cloned() {
                    if conv.iter().any(|c| c.is_some()) {
                        let rt = self.ty(inner);
                        let tys = match self.under(rt) {
                            TypeKind::Tuple(ts) => ts,
                            _ => Vec::new(),
                        };
                        let mut temps = Vec::new();
                        for _ in 0..n {
                            temps.push(self.pop_temp());
                        }
                        temps.reverse();
                        for (i, t) in temps.iter().enumerate() {
                            self.emit(Instr::LoadLocal(*t));
                            if let (Some(Some(_)), Some(ty)) = (conv.get(i), tys.get(i)) {
                                if !self.is_iface(*ty) {
                                    self.emit(Instr::ToIface(*ty));
                                }
                            }
                        }
                    }
                }
                return;
            }
            _ => {}
        }
        self.unsupported(e.span, "this multi-value expression");
        for _ in 0..n {
            self.emit(Instr::Zero(Self::invalid()));
        }
    }

    /// Push the value of `e`.
    pub fn expr(&mut self, e: &Expr) {
        if let Some(t) = self.take_hoisted(e) {
            self.emit(Instr::LoadLocal(t));
            return;
        }
        // Constants (including typed constant expressions) are folded by the checker.
        if let Some(info) = self.lw.info.expr(e.id) {
            match info.mode {
                Mode::Constant => {
                    if let Some(v) = info.value.clone() {
                        let ty = info.ty;
                        self.push_const(ty, &v);
                        return;
                    }
                }
                Mode::Nil => {
                    let ty = info.ty;
                    self.emit(Instr::Zero(ty));
                    return;
                }
                _ => {}
            }
        }
        match &e.kind {
            ExprKind::Paren(x) => self.expr(x),
            ExprKind::Ident(id) => self.ident(e, id),
            ExprKind::IntLit(_)
            | ExprKind::FloatLit(_)
            | ExprKind::RuneLit(_)
            | ExprKind::StringLit { .. } => {
                // Literals always have a constant value; reaching here means the checker's
                // output is broken: racemap's own fault, not an unsupported construct.
                self.lw
                    .internal(e.span, "no constant value for this literal");
                self.emit(Instr::Zero(Self::invalid()));
            }
            ExprKind::ImagLit(_) => {
                self.unsupported(e.span, "complex numbers");
                self.emit(Instr::Zero(Self::invalid()));
            }
            ExprKind::CompositeLit { elts, .. } => self.composite(e, elts),
            ExprKind::FuncLit { body, .. } => self.func_lit(e, body),
            ExprKind::Selector { x, .. } => self.selector(e, x),
            ExprKind::Index { x, indices } => self.index(e, x, indices),
            ExprKind::Slice { x, lo, hi, max } => {
                let xt = self.ty(x);
                match self.under(xt) {
                    TypeKind::Array(..) => self.addr(x),
                    _ => self.expr(x),
                }
                for b in [lo, hi, max].into_iter().flatten() {
                    self.expr(b);
                }
                self.emit_at(
                    Instr::SliceExpr {
                        lo: lo.is_some(),
                        hi: hi.is_some(),
                        max: max.is_some(),
                    },
                    e.span,
                );
            }
            ExprKind::TypeAssert { x, ty } => {
                let Some(t) = ty else {
                    self.unsupported(e.span, "x.(type) outside a type switch");
                    self.emit(Instr::Zero(Self::invalid()));
                    return;
                };
                let from = self.ty(x);
                let ty = self.ty(t);
                self.expr(x);
                self.emit_at(
                    Instr::TypeAssert {
                        ty,
                        from,
                        comma_ok: false,
                    },
                    e.span,
                );
            }
            ExprKind::Call { .. } => self.call(e),
            ExprKind::Star(x) => {
                self.expr(x);
                self.emit_at(Instr::Load, e.span);
            }
            ExprKind::Unary { op, x } => self.unary(e, *op, x),
            ExprKind::Binary { op, x, y, .. } => self.binary(e, *op, x, y),
            ExprKind::ArrayType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. }
            | ExprKind::FuncType(_)
            | ExprKind::StructType(_)
            | ExprKind::InterfaceType(_)
            | ExprKind::Ellipsis
            | ExprKind::Bad => {
                self.unsupported(e.span, "a type used as a value");
                self.emit(Instr::Zero(Self::invalid()));
            }
        }
    }

    fn ident(&mut self, e: &Expr, id: &ast::Ident) {
        let Some(obj) = self.lw.info.object_of(id.id) else {
            self.unsupported(e.span, format!("{} (unresolved)", id.name));
            self.emit(Instr::Zero(Self::invalid()));
            return;
        };
        let kind = self.lw.info.object(obj).kind.clone();
        match kind {
            ObjectKind::Var(_) => match self.vars.get(&obj).copied() {
                Some(VarLoc::Local(s)) => {
                    self.emit(Instr::LoadLocal(s));
                }
                Some(VarLoc::Cell(s)) => {
                    self.emit(Instr::LoadLocal(s));
                    let pc = self.emit(Instr::Load);
                    self.note_var_load(pc, obj, id.id);
                }
                Some(VarLoc::Capture(i)) => {
                    self.emit(Instr::Capture(i));
                    let pc = self.emit(Instr::Load);
                    self.note_var_load(pc, obj, id.id);
                }
                None => {
                    self.unsupported(e.span, format!("variable {} here", id.name));
                    self.emit(Instr::Zero(Self::invalid()));
                }
            },
            ObjectKind::Global { index, .. } => {
                self.emit(Instr::GlobalPtr(crate::bytecode::GlobalId(index)));
                let pc = self.emit(Instr::Load);
                self.note_var_load(pc, obj, id.id);
            }
            ObjectKind::Const { ty, value } => self.push_const(ty, &value),
            ObjectKind::Func { .. } => match self.lw.decl_funcs.get(&obj).copied() {
                Some(f) => {
                    self.emit(Instr::MakeClosure {
                        func: f,
                        ncaptures: 0,
                    });
                }
                None => {
                    self.unsupported(e.span, format!("function {} as a value", id.name));
                    self.emit(Instr::Zero(Self::invalid()));
                }
            },
            ObjectKind::Nil => {
                let t = self.ty(e);
                self.emit(Instr::Zero(t));
            }
            _ => {
                self.unsupported(e.span, format!("{} used as a value", id.name));
                self.emit(Instr::Zero(Self::invalid()));
            }
        }
    }

    fn func_lit(&mut self, e: &Expr, body: &ast::Block) {
        let Some(finfo) = self.lw.info.funcs.get(&e.id).cloned() else {
            self.unsupported(e.span, "this function literal (no information)");
            self.emit(Instr::Zero(Self::invalid()));
            return;
        };
        let Some(fid) = super::func::lower_func_lit(self.lw, e, body) else {
            self.emit(Instr::Zero(Self::invalid()));
            return;
        };
        for obj in &finfo.captures {
            if !self.push_var_ptr(*obj, e.span) {
                // A captured variable must live in a cell; the checker guarantees it escapes.
                self.unsupported(e.span, "capturing a variable that does not escape");
                self.emit(Instr::Zero(Self::invalid()));
            }
        }
        self.emit(Instr::MakeClosure {
            func: fid,
            ncaptures: finfo.captures.len() as u32,
        });
    }

    fn selector(&mut self, e: &Expr, x: &Expr) {
        match self.lw.info.selections.get(&e.id).cloned() {
            Some(Selection::Field { path }) => {
                if path.iter().any(|s| s.deref) || self.is_heap_place(x) {
                    self.field_path_addr(x, &path);
                    self.emit_at(Instr::Load, e.span);
                } else {
                    self.expr(x);
                    for s in path {
                        self.emit(Instr::Field(s.index));
                    }
                }
            }
            Some(Selection::Method {
                method,
                path,
                adjust,
                called: _,
            }) => {
                // A method value: bind the receiver now, to the method's `-fm` thunk.
                self.receiver(x, &path, adjust);
                match self.lw.decl_funcs.get(&method).copied() {
                    Some(f) => {
                        let sig = self.ty(e);
                        let thunk = self.lw.method_thunk(f, sig, e.span);
                        self.emit(Instr::MethodValue(thunk));
                    }
                    None => {
                        self.unsupported(e.span, "this method value");
                    }
                }
            }
            Some(Selection::IfaceMethod {
                name,
                iface,
                sig,
                path,
                ..
            }) => {
                // A method value of an interface: bind the interface value to its thunk.
                self.receiver(x, &path, RecvAdjust::None);
                let thunk = self.lw.iface_thunk(iface, &name, sig, e.span);
                self.emit_at(Instr::IfaceMethodValue { thunk }, e.span);
            }
            Some(Selection::MethodExpr { method }) => match self.lw.decl_funcs.get(&method) {
                // The method's function takes the receiver first, as `T.M` does.
                Some(&f) => {
                    self.emit(Instr::MakeClosure {
                        func: f,
                        ncaptures: 0,
                    });
                }
                None => self.unsupported(e.span, "this method expression"),
            },
            Some(Selection::LibMethodExpr { func }) => {
                let sig = self.ty(e);
                match self.lw.lib_method_expr(func, sig, e.span) {
                    Some(f) => {
                        self.emit(Instr::MakeClosure {
                            func: f,
                            ncaptures: 0,
                        });
                    }
                    None => {
                        let name = func.go_name();
                        self.unsupported(e.span, format!("the method expression {name}"));
                        self.emit(Instr::Zero(Self::invalid()));
                    }
                }
            }
            Some(Selection::IfaceMethodExpr { name, iface, sig }) => {
                // The thunk takes the interface value first and calls its dynamic method.
                let thunk = self.lw.iface_thunk(iface, &name, sig, e.span);
                self.emit(Instr::MakeClosure {
                    func: thunk,
                    ncaptures: 0,
                });
            }
            Some(Selection::LibMethod {
                func, path, adjust, ..
            }) => {
                // A method value of a library type: bind the receiver to its thunk (a
                // compiled `sort` method binds it to the method itself).
                let sig = self.ty(e);
                let compiled = self.lw.sort_method_func(func, e.span);
                match compiled.or_else(|| self.lw.lib_thunk(func, sig, e.span)) {
                    Some(thunk) => {
                        self.receiver(x, &path, adjust);
                        self.emit_at(Instr::MethodValue(thunk), e.span);
                    }
                    None => {
                        self.unsupported(
                            e.span,
                            format!(
                                "method values of {} (a variadic or compiled method)",
                                func.go_name()
                            ),
                        );
                        self.emit(Instr::Zero(Self::invalid()));
                    }
                }
            }
            Some(Selection::Qualified { object }) => {
                let kind = self.lw.info.object(object).kind.clone();
                match kind {
                    ObjectKind::Const { ty, value } => self.push_const(ty, &value),
                    ObjectKind::LibVar {
                        func: LibFunc::IoDiscard,
                        ..
                    } => {
                        // `io.discard{}` boxed as the program boxes a value, so that its
                        // methods are registered (`lib_methods.rs`).
                        let discard = self.lw.lib_named_type("io", "discard");
                        self.emit(Instr::Zero(discard));
                        self.emit(Instr::ToIface(discard));
                    }
                    ObjectKind::LibVar { func, .. } => {
                        self.emit_at(Instr::CallLib { func, argc: 0 }, e.span);
                    }
                    ObjectKind::Lib { func, ty } => {
                        match self.lw.lib_func_thunk(func, ty, e.span) {
                            Some(thunk) => {
                                self.emit(Instr::MakeClosure {
                                    func: thunk,
                                    ncaptures: 0,
                                });
                            }
                            None => {
                                self.unsupported(e.span, format!("{} as a value", func.go_name()));
                                self.emit(Instr::Zero(Self::invalid()));
                            }
                        }
                    }
                    _ => {
                        self.unsupported(e.span, "this package member as a value");
                        self.emit(Instr::Zero(Self::invalid()));
                    }
                }
            }
            None => {
                self.unsupported(e.span, "this selector (no information)");
                self.emit(Instr::Zero(Self::invalid()));
            }
        }
    }

    /// Push a method receiver: `x`, through the embedded-field `path`, adjusted by `&`/`*`.
    pub fn receiver(
        &mut self,
        x: &Expr,
        path: &[crate::lang::check::FieldStep],
        adjust: RecvAdjust,
    ) {
        match adjust {
            RecvAdjust::AddrOf => {
                if path.is_empty() {
                    self.addr(x);
                } else {
                    self.field_path_addr(x, path);
                }
            }
            RecvAdjust::None | RecvAdjust::Deref => {
                if path.is_empty() {
                    self.expr(x);
                } else if path.iter().any(|s| s.deref) || self.is_heap_place(x) {
                    self.field_path_addr(x, path);
                    self.emit(Instr::Load);
                } else {
                    self.expr(x);
                    for s in path {
                        self.emit(Instr::Field(s.index));
                    }
                }
                if adjust == RecvAdjust::Deref {
                    self.emit(Instr::Load);
                }
            }
        }
    }

    fn index(&mut self, e: &Expr, x: &Expr, indices: &[Expr]) {
        let Some(idx) = indices.first() else {
            self.unsupported(e.span, "this index expression");
            self.emit(Instr::Zero(Self::invalid()));
            return;
        };
        if let Some(obj) = self.lw.info.instances.get(&e.id).copied() {
            // `Sum[int]` as a value: the instance.
            match self.lw.decl_funcs.get(&obj).copied() {
                Some(f) => {
                    self.emit(Instr::MakeClosure {
                        func: f,
                        ncaptures: 0,
                    });
                }
                None => {
                    self.lw
                        .internal(e.span, "an instance of a generic function without code");
                    self.emit(Instr::Zero(Self::invalid()));
                }
            }
            return;
        }
        if indices.len() > 1 {
            self.unsupported(e.span, "this index expression");
        }
        // `a[f()]` reads `a` after `f` runs (`order.rs`).
        self.hoist_calls(&[x, idx]);
        let xt = self.ty(x);
        match self.under(xt) {
            TypeKind::Map(_, v) => {
                self.expr(x);
                self.expr_conv(idx);
                self.emit_at(
                    Instr::MapGet {
                        elem: v,
                        comma_ok: false,
                    },
                    e.span,
                );
            }
            TypeKind::Basic(_) => {
                self.expr(x);
                self.expr(idx);
                self.emit_at(Instr::StrIndex, e.span);
            }
            TypeKind::Array(..) if !self.is_heap_place(x) => {
                self.expr(x);
                self.expr(idx);
                self.emit_at(Instr::Index, e.span);
            }
            _ => {
                self.addr(e);
                self.emit_at(Instr::Load, e.span);
            }
        }
    }

    fn composite(&mut self, e: &Expr, elts: &[ast::KeyedElement]) {
        let ty = self.ty(e);
        match self.under(ty) {
            TypeKind::Pointer(inner) => {
                // An elided `&T` in `[]*T{{...}}`.
                self.composite_of(e, inner, elts);
                self.emit(Instr::Box(inner));
                self.emit(Instr::InitWrites);
            }
            _ => self.composite_of(e, ty, elts),
        }
    }

    fn composite_of(&mut self, e: &Expr, ty: TypeId, elts: &[ast::KeyedElement]) {
        let operands: Vec<&Expr> = elts
            .iter()
            .flat_map(|el| {
                let key = match self.under(ty) {
                    TypeKind::Map(..) => el.key.as_ref(),
                    _ => None,
                };
                key.into_iter().chain(std::iter::once(&el.value))
            })
            .collect();
        self.hoist_calls(&operands);
        match self.under(ty) {
            TypeKind::Struct(fields) => {
                let keyed = elts.iter().any(|el| el.key.is_some());
                if !keyed {
                    for el in elts {
                        self.expr_conv(&el.value);
                    }
                    for f in fields.iter().skip(elts.len()) {
                        self.emit(Instr::Zero(f.ty));
                    }
                } else {
                    // Evaluate in source order, then assemble in field order.
                    let mut slots: Vec<Option<u32>> = vec![None; fields.len()];
                    for el in elts {
                        let name = match el.key.as_ref().map(|k| &k.kind) {
                            Some(ExprKind::Ident(id)) => id.name.clone(),
                            _ => String::new(),
                        };
                        self.expr_conv(&el.value);
                        let t = self.pop_temp();
                        match fields.iter().position(|f| f.name == name) {
                            Some(i) => slots[i] = Some(t),
                            None => self.unsupported(el.value.span, "this struct literal key"),
                        }
                    }
                    for (i, f) in fields.iter().enumerate() {
                        match slots[i] {
                            Some(t) => self.emit(Instr::LoadLocal(t)),
                            None => self.emit(Instr::Zero(f.ty)),
                        };
                    }
                }
                self.emit(Instr::MakeStruct(fields.len() as u32));
            }
            TypeKind::Array(n, elem) => {
                let temps = self.indexed_elements(elts);
                for i in 0..n {
                    match temps.get(&i) {
                        Some(t) => self.emit(Instr::LoadLocal(*t)),
                        None => self.emit(Instr::Zero(elem)),
                    };
                }
                self.emit(Instr::MakeArray(n as u32));
            }
            TypeKind::Slice(elem) => {
                let temps = self.indexed_elements(elts);
                let n = temps.keys().next_back().map(|k| k + 1).unwrap_or(0);
                for i in 0..n {
                    match temps.get(&i) {
                        Some(t) => self.emit(Instr::LoadLocal(*t)),
                        None => self.emit(Instr::Zero(elem)),
                    };
                }
                self.emit(Instr::SliceLit { elem, n: n as u32 });
                if n > 0 {
                    self.emit(Instr::InitWrites);
                }
            }
            TypeKind::Map(..) => {
                for el in elts {
                    match &el.key {
                        Some(k) => self.expr_conv(k),
                        None => {
                            self.unsupported(el.value.span, "a map literal element without key");
                            self.emit(Instr::Zero(Self::invalid()));
                        }
                    }
                    self.expr_conv(&el.value);
                }
                self.emit(Instr::MapLit {
                    ty,
                    n: elts.len() as u32,
                });
                if !elts.is_empty() {
                    self.emit(Instr::InitWrites);
                }
            }
            // `sync.Mutex{}` (the checker allows no elements): the zero value.
            TypeKind::Sync(_) if elts.is_empty() => {
                self.emit(Instr::Zero(ty));
            }
            _ => {
                self.unsupported(e.span, "this composite literal");
                self.emit(Instr::Zero(Self::invalid()));
            }
        }
    }

    /// Evaluate array/slice literal elements in source order into temporaries, by index.
    fn indexed_elements(&mut self, elts: &[ast::KeyedElement]) -> litemap::LiteMap<u64, u32> {
        let mut out = litemap::LiteMap::new_vec();
        let mut next: u64 = 0;
        for el in elts {
            if let Some(k) = &el.key {
                if let Some(ConstValue::Int(i)) = self.lw.info.const_value(k.id) {
                    next = i.to_u64().unwrap_or(0);
                }
            }
            self.expr_conv(&el.value);
            let t = self.pop_temp();
            out.insert(next, t);
            next += 1;
        }
        out
    }

    fn unary(&mut self, e: &Expr, op: UnaryOp, x: &Expr) {
        match op {
            // `~T` is a type-set term: the checker never lets one reach lowering.
            UnaryOp::Plus | UnaryOp::Tilde => self.expr(x),
            UnaryOp::Neg => {
                self.expr(x);
                let t = self.ty(e);
                let b = self.basic(t);
                self.emit(Instr::Neg(b));
            }
            UnaryOp::Not => {
                self.expr(x);
                self.emit(Instr::Not);
            }
            UnaryOp::BitNot => {
                self.expr(x);
                let t = self.ty(e);
                let b = self.basic(t);
                self.emit(Instr::BitNot(b));
            }
            UnaryOp::Addr => self.addr(x),
            UnaryOp::Recv => {
                let xt = self.ty(x);
                let elem = chan_elem(&self.lw.types, xt);
                self.expr(x);
                self.emit_at(
                    Instr::Recv {
                        elem,
                        comma_ok: false,
                    },
                    e.span,
                );
            }
        }
    }

    fn binary(&mut self, e: &Expr, op: BinaryOp, x: &Expr, y: &Expr) {
        match op {
            BinaryOp::LogAnd | BinaryOp::LogOr => {
                // x && y: if !x → false; x || y: if x → true.
                self.expr(x);
                self.emit(Instr::Dup);
                let j = if op == BinaryOp::LogAnd {
                    self.emit(Instr::JumpIfNot(0))
                } else {
                    self.emit(Instr::JumpIf(0))
                };
                self.emit(Instr::Pop);
                self.expr(y);
                let end = self.here();
                self.patch(j, end);
            }
            BinaryOp::Eq | BinaryOp::Ne => {
                self.hoist_calls(&[x, y]);
                self.expr_conv(x);
                self.expr_conv(y);
                self.emit(if op == BinaryOp::Eq {
                    Instr::Eq
                } else {
                    Instr::Ne
                });
            }
            _ => {
                let xt = self.ty(x);
                let b = self.basic(xt);
                self.hoist_calls(&[x, y]);
                self.expr(x);
                self.expr(y);
                if op == BinaryOp::Add && matches!(b, Basic::String | Basic::UntypedString) {
                    self.emit(Instr::Concat);
                    return;
                }
                let Some(bop) = bin_op(op) else {
                    self.unsupported(e.span, "this operator");
                    return;
                };
                self.emit_at(Instr::Binary(bop, b), e.span);
            }
        }
    }
}

/// The bytecode operator for an AST arithmetic/ordering operator.
pub(crate) fn bin_op(op: BinaryOp) -> Option<BinOp> {
    Some(match op {
        BinaryOp::Add => BinOp::Add,
        BinaryOp::Sub => BinOp::Sub,
        BinaryOp::Mul => BinOp::Mul,
        BinaryOp::Div => BinOp::Div,
        BinaryOp::Rem => BinOp::Rem,
        BinaryOp::And => BinOp::And,
        BinaryOp::Or => BinOp::Or,
        BinaryOp::Xor => BinOp::Xor,
        BinaryOp::AndNot => BinOp::AndNot,
        BinaryOp::Shl => BinOp::Shl,
        BinaryOp::Shr => BinOp::Shr,
        BinaryOp::Lt => BinOp::Lt,
        BinaryOp::Le => BinOp::Le,
        BinaryOp::Gt => BinOp::Gt,
        BinaryOp::Ge => BinOp::Ge,
        _ => return None,
    })
}

/// The element type of a channel type.
pub(crate) fn chan_elem(types: &TypeTable, ty: TypeId) -> TypeId {
    match types.under(ty) {
        TypeKind::Chan(_, e) => *e,
        _ => TypeTable::basic(Basic::Invalid),
    }
}

/// Wrap an exact integer constant to the representation of basic type `b`.
pub(crate) fn wrap(v: &BigInt, b: Basic) -> i64 {
    // The low 64 bits in two's complement.
    let v = (v & BigInt::from(u64::MAX)).to_u64().unwrap_or(0) as i64;
    match b.int_info() {
        Some((bits, signed)) if bits < 64 => {
            let m = v & ((1i64 << bits) - 1);
            if signed && m >= 1i64 << (bits - 1) {
                m - (1i64 << bits)
            } else {
                m
            }
        }
        _ => v,
    }
}
