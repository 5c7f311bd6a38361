//! gc's order of evaluation around calls (`cmd/compile/internal/walk/order.go`, Go 1.19).
//! The spec orders only "function calls, method calls, and communication operations"; when an
//! operand that is none of those (a variable, a field, an element) is read relative to them is
//! left to the compiler. gc's `order` pass evaluates, left to right, every *ordered* operand of
//! an expression into a temporary (`copyExpr`), and reads the other operands afterwards, when
//! the statement itself runs: `fmt.Println(x, f())` prints `x` as `f` left it, `x + f()` adds
//! the new `x` and `[]int{a, f()}` holds the new `a` (the spec's own example says `[2 2]`).
//!
//! Ordered (`orderState.expr1`): calls of functions, methods and function values; the builtins
//! `len`, `cap`, `append`, `copy`, `make`, `new` and `recover`; the conversions `[]byte(s)` and
//! `[]rune(s)`; slice expressions `a[i:j]`; receives `<-c`; type assertions `x.(T)` to a type
//! that is not pointer-shaped; a whole `&&` or `||` (its result goes into a temporary where it
//! stands, whatever it calls). Built for the race detector (`-race`, gc's `Instrumenting`),
//! also every map index `m[k]` and every type assertion. So `fmt.Println(len(ch), f())` reads
//! the length before `f` runs, `fmt.Println(x, <-done)` reads `x` after the receive, and
//! `fmt.Println(m[k], f())` reads `m[k]` before `f` under `-race` but after it without.
//!
//! Lowering does the same for the operand lists that mix the two: the arguments of a call, the
//! operands of a non-logical binary operator, the elements (and keys) of a composite literal
//! and the right-hand sides of an assignment. Before lowering the list it evaluates every
//! ordered operand found under parentheses, arithmetic operators, dereferences, type
//! assertions, selectors and index expressions, left to right, into a temporary ([`FnCx::hoisted`]); [`FnCx::expr`] then loads
//! the temporary. Inside an ordered operand, its own operands are lowered by its own rules; a
//! call's arguments are its own list. The arguments of a `go` or `defer` call are evaluated in
//! order, as gc copies them one by one ([`FnCx::skip_hoist`]).
//!
//! An operand converted to an interface whose conversion takes its address is copied where it
//! stands as well unless it is addressable and not a local variable's own name (`OCONVIFACE`'s
//! `addrTemp`, `isaddrokay`): `fmt.Println(x == 1, f())` compares before `f` runs, and
//! `fmt.Println(b, f())` of a local `bool` or `int8` `b` reads `b` before it, where
//! `fmt.Println(x+1, f())` adds after it (an `int` converts by value, `convT64`) and a field or
//! an element converts in place.

use super::func::FnCx;
use crate::bytecode::Instr;
use crate::lang::ast::{BinaryOp, Expr, ExprKind, UnaryOp};
use crate::lang::check::{Builtin, CallKind, Mode, ObjectKind};
use crate::types::{Basic, GoLayout, TypeId, TypeKind};

impl FnCx<'_, '_> {
    /// Before the operands `es` are lowered in order: when a call of one comes after an
    /// operand that is not a constant, evaluate the operands' calls into temporaries now.
    pub fn hoist_calls(&mut self, es: &[&Expr]) {
        self.hoist_calls_boxed(es, None);
    }

    /// [`FnCx::hoist_calls`] for the arguments of a call that boxes those from `boxed_from`
    /// on into `any` (a `...any` library function).
    pub fn hoist_calls_boxed(&mut self, es: &[&Expr], boxed_from: Option<usize>) {
        if std::mem::take(&mut self.skip_hoist) {
            return;
        }
        let boxed = |i: usize| boxed_from.is_some_and(|k| i >= k);
        let early: Vec<bool> = (0..es.len())
            .map(|i| self.copied_to_box(es[i], boxed(i)))
            .collect();
        let Some(last) = (0..es.len()).rposition(|i| early[i] || self.has_hoistable(es[i])) else {
            return;
        };
        if !es[..last].iter().any(|e| !self.is_constant(e)) {
            return;
        }
        for (e, early) in es.iter().zip(early) {
            if early {
                self.hoist_whole(e);
            } else {
                self.hoist_in(e);
            }
        }
    }

    /// The temporary holding the hoisted value of `e`, taken (each is loaded once).
    pub fn take_hoisted(&mut self, e: &Expr) -> Option<u32> {
        let i = self.hoisted.iter().position(|(id, _)| *id == e.id)?;
        Some(self.hoisted.swap_remove(i).1)
    }

    fn hoist_whole(&mut self, e: &Expr) {
        self.expr(e);
        let t = self.temp();
        self.emit(Instr::StoreLocal(t));
        self.hoisted.push((e.id, t));
    }

    fn hoist_in(&mut self, e: &Expr) {
        if self.is_ordered(e) {
            self.hoist_whole(e);
            return;
        }
        for x in hoist_children(e) {
            self.hoist_in(x);
        }
    }

    fn has_hoistable(&self, e: &Expr) -> bool {
        self.is_ordered(e) || hoist_children(e).any(|x| self.has_hoistable(x))
    }

    /// An operand gc's `order` evaluates into a temporary where it stands (see the module
    /// docs): a single value, not a constant.
    fn is_ordered(&self, e: &Expr) -> bool {
        if self.is_constant(e) {
            return false;
        }
        let Some(info) = self.lw.info.expr(e.id) else {
            return false;
        };
        if !matches!(info.mode, Mode::Value | Mode::MapIndex | Mode::Variable) {
            return false;
        }
        match &e.kind {
            ExprKind::Call { .. } => {
                if info.mode != Mode::Value {
                    return false;
                }
                match self.lw.info.calls.get(&e.id).map(|c| &c.kind) {
                    None => false,
                    Some(CallKind::Conversion { to }) => {
                        let to = *to;
                        self.is_string_to_slice(e, to)
                    }
                    Some(CallKind::Builtin(b)) => matches!(
                        b,
                        Builtin::Len
                            | Builtin::Cap
                            | Builtin::Append
                            | Builtin::Copy
                            | Builtin::Make
                            | Builtin::New
                            | Builtin::Recover
                    ),
                    Some(_) => true,
                }
            }
            ExprKind::Unary {
                op: UnaryOp::Recv, ..
            } => true,
            ExprKind::Binary { op, .. } => logical(*op),
            ExprKind::Slice { .. } => true,
            ExprKind::TypeAssert { ty: Some(_), .. } => {
                self.lw.instrumented || !self.is_direct_iface(info.ty)
            }
            ExprKind::Index { x, .. } => {
                self.lw.instrumented
                    && info.mode == Mode::MapIndex
                    && self
                        .lw
                        .info
                        .type_of(x.id)
                        .is_some_and(|t| matches!(self.under(t), TypeKind::Map(..)))
            }
            _ => false,
        }
    }

    /// An operand converted to an interface (`boxed`, or implicitly where it is used) whose
    /// conversion takes its address, when it has none: gc's `order` copies it where it stands
    /// (`OCONVIFACE`'s `addrTemp`), so `fmt.Println(x == 1, f())` compares before `f` runs.
    fn copied_to_box(&self, e: &Expr, boxed: bool) -> bool {
        let Some(info) = self.lw.info.expr(e.id) else {
            return false;
        };
        let to_iface = boxed || info.implicit.is_some_and(|t| self.is_iface(t));
        // gc's `isaddrokay`: addressable, and not a local variable's name (a global's is).
        let address_ok = info.mode == Mode::Variable && !self.is_local_name(e);
        to_iface
            && !address_ok
            && matches!(info.mode, Mode::Value | Mode::MapIndex | Mode::Variable)
            && !self.is_iface(info.ty)
            && !self.is_ordered(e)
            && self.conversion_takes_address(info.ty)
    }

    /// A local variable (or parameter) named by itself.
    fn is_local_name(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Paren(x) => self.is_local_name(x),
            ExprKind::Ident(id) => self
                .lw
                .info
                .object_of(id.id)
                .is_some_and(|o| matches!(self.lw.info.object(o).kind, ObjectKind::Var(_))),
            _ => false,
        }
    }

    /// Whether gc converts a value of type `ty` to an interface through its address
    /// (`walk.dataWordFuncName`'s `needsaddr`): all but 2-, 4- and 8-byte values without
    /// pointers (`convT16`, `convT32`, `convT64`) and strings and slices (`convTstring`,
    /// `convTslice`), alone or as a struct's or array's sole component.
    fn conversion_takes_address(&self, ty: TypeId) -> bool {
        if self.sole_string_or_slice(ty) {
            return false;
        }
        !matches!(
            self.lw.types.go_layout(ty),
            Some(GoLayout {
                size: 2,
                align: 2,
                ..
            }) | Some(GoLayout {
                size: 4,
                align: 4,
                pointers: false,
            }) | Some(GoLayout {
                size: 8,
                align: 8,
                pointers: false,
            })
        )
    }

    fn sole_string_or_slice(&self, ty: TypeId) -> bool {
        match self.under(ty) {
            TypeKind::Basic(Basic::String) | TypeKind::Slice(_) => true,
            TypeKind::Array(1, elem) => self.sole_string_or_slice(elem),
            TypeKind::Struct(fields) => {
                let sized: Vec<TypeId> = fields
                    .iter()
                    .map(|f| f.ty)
                    .filter(|t| self.lw.types.go_layout(*t).is_none_or(|l| l.size > 0))
                    .collect();
                sized.len() == 1 && self.sole_string_or_slice(sized[0])
            }
            _ => false,
        }
    }

    /// `[]byte(s)` or `[]rune(s)` of a string `s` (gc's `OSTR2BYTES`, `OSTR2RUNES`).
    fn is_string_to_slice(&self, e: &Expr, to: TypeId) -> bool {
        let ExprKind::Call { args, .. } = &e.kind else {
            return false;
        };
        let Some(arg) = args.first() else {
            return false;
        };
        let from_string = self.lw.info.type_of(arg.id).is_some_and(|t| {
            matches!(
                self.under(t),
                TypeKind::Basic(Basic::String | Basic::UntypedString)
            )
        });
        from_string && matches!(self.under(to), TypeKind::Slice(_))
    }

    /// A pointer-shaped type, stored in an interface's data word itself (gc's
    /// `types.IsDirectIface`): pointers, maps, channels, functions, and a struct or array of
    /// one such element.
    fn is_direct_iface(&self, ty: TypeId) -> bool {
        match self.under(ty) {
            TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Func(_) => {
                true
            }
            TypeKind::Array(1, elem) => self.is_direct_iface(elem),
            TypeKind::Struct(fields) if fields.len() == 1 => self.is_direct_iface(fields[0].ty),
            _ => false,
        }
    }

    fn is_constant(&self, e: &Expr) -> bool {
        self.lw
            .info
            .expr(e.id)
            .is_some_and(|info| matches!(info.mode, Mode::Constant | Mode::Nil))
    }
}

/// The operands [`FnCx::hoist_in`] looks into for ordered operands: parentheses, arithmetic
/// operators, dereferences, type assertions, selectors and index expressions (a logical
/// operator is ordered as a whole).
fn hoist_children(e: &Expr) -> impl Iterator<Item = &Expr> {
    let (a, b): (Option<&Expr>, Option<&Expr>) = match &e.kind {
        ExprKind::Paren(x)
        | ExprKind::Star(x)
        | ExprKind::TypeAssert { x, .. }
        | ExprKind::Selector { x, .. } => (Some(x), None),
        ExprKind::Index { x, indices } if indices.len() == 1 => (Some(x), indices.first()),
        ExprKind::Binary { op, x, y, .. } if !logical(*op) => (Some(x), Some(y)),
        ExprKind::Unary { op, x } if arithmetic(*op) => (Some(x), None),
        _ => (None, None),
    };
    a.into_iter().chain(b)
}

fn logical(op: BinaryOp) -> bool {
    matches!(op, BinaryOp::LogAnd | BinaryOp::LogOr)
}

fn arithmetic(op: UnaryOp) -> bool {
    matches!(
        op,
        UnaryOp::Plus | UnaryOp::Neg | UnaryOp::Not | UnaryOp::BitNot
    )
}
