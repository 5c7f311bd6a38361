//! Calls of the builtins: `len`, `cap`, `append`, `copy`, `delete`, `clear`, `make`, `new`,
//! `panic`, `recover`, `print`, `println`, `close`, `min`, `max`, each with Go's argument
//! checks and constant results.

use crate::diag::Span;
use crate::lang::ast::{self, ExprKind};
use crate::lang::check::constant::{self};
use crate::lang::check::info::*;
use crate::lang::check::{Checker, Operand};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};

impl<'a> Checker<'a> {
    pub(super) fn builtin(
        &mut self,
        e: &ast::Expr,
        b: Builtin,
        args: &[ast::Expr],
        ellipsis: Option<Span>,
    ) -> Operand {
        let invalid = Operand::invalid();
        let name = b.name();
        let call_s = self.expr_string(e);
        let int = TypeTable::basic(Basic::Int);
        let (min, max): (usize, Option<usize>) = match b {
            Builtin::Len
            | Builtin::Cap
            | Builtin::Close
            | Builtin::Clear
            | Builtin::Panic
            | Builtin::New => (1, Some(1)),
            Builtin::Delete | Builtin::Copy => (2, Some(2)),
            Builtin::Append | Builtin::Make | Builtin::Min | Builtin::Max => (1, None),
            Builtin::Print | Builtin::Println => (0, None),
            Builtin::Recover => (0, Some(0)),
        };
        if ellipsis.is_some() && b != Builtin::Append {
            self.err(
                e.span,
                format!("invalid operation: invalid use of ... with built-in {name}"),
            );
            return invalid;
        }
        if args.len() < min {
            // Go 1.19 reports a builtin's argument count at the start of the call.
            self.err(
                e.span,
                format!(
                    "invalid operation: not enough arguments for {call_s} (expected {min}, found {})",
                    args.len()
                ),
            );
            for a in args {
                self.expr_any(a);
            }
            return invalid;
        }
        if let Some(mx) = max {
            if args.len() > mx {
                self.err(
                    e.span,
                    format!(
                        "invalid operation: too many arguments for {call_s} (expected {mx}, found {})",
                        args.len()
                    ),
                );
                return invalid;
            }
        }
        let mut ci = CallInfo {
            kind: CallKind::Builtin(b),
            sig: None,
            pack_variadic: None,
            spread: ellipsis.is_some(),
            tuple_arg: false,
        };
        let result = match b {
            Builtin::Make | Builtin::New => {
                let t = self.resolve_type(&args[0]);
                if t == self.invalid() {
                    return invalid;
                }
                if b == Builtin::New {
                    for a in &args[1..] {
                        self.expr(a);
                    }
                    let p = self.types.intern(TypeKind::Pointer(t));
                    Operand::value(p)
                } else {
                    let (lo, hi) = match self.types.under(t) {
                        TypeKind::Slice(_) => (2, 3),
                        TypeKind::Map(..) | TypeKind::Chan(..) => (1, 2),
                        _ => {
                            let ts = self.show(t);
                            self.err(args[0].span, format!("invalid argument: cannot make {ts}; type must be slice, map, or channel"));
                            return invalid;
                        }
                    };
                    if args.len() < lo || args.len() > hi {
                        let ts = self.expr_string(&args[0]);
                        let what = if lo == 2 {
                            "2 or 3 arguments"
                        } else {
                            "1 or 2 arguments"
                        };
                        self.err(
                            e.span,
                            format!(
                                "invalid operation: {call_s} expects {what}; found {}",
                                args.len()
                            ),
                        );
                        let _ = ts;
                        return invalid;
                    }
                    // go/types checks each size as an index (`check.index(arg, -1)`).
                    let sizes: Vec<Option<i128>> = args[1..]
                        .iter()
                        .map(|a| self.index_value(a, None))
                        .collect();
                    let _ = int;
                    if let [Some(l), Some(c)] = sizes[..] {
                        if l > c {
                            self.err(
                                args[1].span,
                                "invalid argument: length and capacity swapped",
                            );
                        }
                    }
                    Operand::value(t)
                }
            }
            Builtin::Len | Builtin::Cap => {
                let x = self.expr(&args[0]);
                if x.is_invalid() {
                    return invalid;
                }
                let mut base = self.types.under(x.ty).clone();
                if let TypeKind::Pointer(p) = base {
                    if let TypeKind::Array(..) = self.types.under(p) {
                        base = self.types.under(p).clone();
                    }
                }
                let ok = match &base {
                    TypeKind::Basic(Basic::String | Basic::UntypedString) => b == Builtin::Len,
                    TypeKind::Array(..) | TypeKind::Slice(_) | TypeKind::Chan(..) => true,
                    TypeKind::Map(..) => b == Builtin::Len,
                    _ => false,
                };
                if !ok {
                    let d = self.describe(&args[0], &x);
                    self.err(
                        args[0].span,
                        format!("invalid argument: {d} for built-in {name}"),
                    );
                    return invalid;
                }
                let mut a0 = x.clone();
                self.default_operand(&args[0], &mut a0);
                match (&base, &x.val) {
                    (_, Some(ConstValue::String(s))) => {
                        Operand::constant(int, ConstValue::int(s.len()))
                    }
                    (TypeKind::Array(n, _), _) if !self.has_call_or_recv(&args[0]) => {
                        Operand::constant(int, ConstValue::int(*n))
                    }
                    _ => Operand::value(int),
                }
            }
            Builtin::Append => {
                let mut s = self.expr(&args[0]);
                if s.is_invalid() {
                    return invalid;
                }
                let elem = match self.types.under(s.ty) {
                    TypeKind::Slice(el) => *el,
                    _ => {
                        let cause = if s.mode == Mode::Nil {
                            "have untyped nil".to_string()
                        } else {
                            format!("have {}", self.describe(&args[0], &s))
                        };
                        self.err(
                            args[0].span,
                            format!("first argument to append must be a slice; {cause}"),
                        );
                        return invalid;
                    }
                };
                let _ = &mut s;
                if ellipsis.is_some() {
                    if args.len() != 2 {
                        self.err(
                            e.span,
                            "can only use ... with final argument in list".to_string(),
                        );
                        return invalid;
                    }
                    let mut x = self.expr(&args[1]);
                    if x.is_invalid() {
                        return invalid;
                    }
                    // append([]byte, string...) is allowed.
                    let is_bytes =
                        matches!(self.basic(elem), Some(Basic::Uint8)) && self.is_string(x.ty);
                    if is_bytes {
                        self.default_operand(&args[1], &mut x);
                    } else {
                        let st = self.types.intern(TypeKind::Slice(elem));
                        self.assign_to(&args[1], &mut x, st, "argument to append");
                    }
                } else {
                    for a in &args[1..] {
                        let mut x = self.expr_hint(a, elem);
                        self.assign_to(a, &mut x, elem, "argument to append");
                    }
                    let st = self.types.intern(TypeKind::Slice(elem));
                    ci.pack_variadic = Some((1, st));
                }
                Operand::value(s.ty)
            }
            Builtin::Delete => {
                let m = self.expr(&args[0]);
                let mut k = self.expr(&args[1]);
                if m.is_invalid() || k.is_invalid() {
                    return invalid;
                }
                match self.types.under(m.ty).clone() {
                    TypeKind::Map(kt, _) => {
                        self.assign_to(&args[1], &mut k, kt, "argument to delete");
                    }
                    _ => {
                        let d = self.describe(&args[0], &m);
                        self.err(args[0].span, format!("invalid argument: {d} is not a map"));
                        return invalid;
                    }
                }
                Operand {
                    mode: Mode::NoValue,
                    ty: self.invalid_novalue(),
                    val: None,
                }
            }
            Builtin::Close => {
                let c = self.expr(&args[0]);
                if c.is_invalid() {
                    return invalid;
                }
                match self.types.under(c.ty) {
                    TypeKind::Chan(ast::ChanDir::Recv, _) => {
                        let d = self.describe(&args[0], &c);
                        self.err(
                            args[0].span,
                            format!("invalid operation: cannot close receive-only channel {d}"),
                        );
                        return invalid;
                    }
                    TypeKind::Chan(..) => {}
                    _ => {
                        let d = self.describe(&args[0], &c);
                        self.err(
                            args[0].span,
                            format!("invalid operation: cannot close non-channel {d}"),
                        );
                        return invalid;
                    }
                }
                Operand {
                    mode: Mode::NoValue,
                    ty: self.invalid_novalue(),
                    val: None,
                }
            }
            Builtin::Clear => {
                let c = self.expr(&args[0]);
                if c.is_invalid() {
                    return invalid;
                }
                if !matches!(
                    self.types.under(c.ty),
                    TypeKind::Map(..) | TypeKind::Slice(_)
                ) {
                    let d = self.describe(&args[0], &c);
                    self.err(
                        args[0].span,
                        format!("invalid argument: {d} for built-in clear"),
                    );
                    return invalid;
                }
                Operand {
                    mode: Mode::NoValue,
                    ty: self.invalid_novalue(),
                    val: None,
                }
            }
            Builtin::Copy => {
                let d = self.expr(&args[0]);
                let mut s = self.expr(&args[1]);
                if d.is_invalid() || s.is_invalid() {
                    return invalid;
                }
                // go/types' copy: the destination's element type, the source's (a string's
                // is byte), both reported at the destination.
                let de = match self.types.under(d.ty) {
                    TypeKind::Slice(el) => Some(*el),
                    _ => None,
                };
                let from_string = self.is_string(s.ty);
                let se = match self.types.under(s.ty) {
                    _ if from_string => Some(TypeTable::byte()),
                    TypeKind::Slice(el) => Some(*el),
                    _ => None,
                };
                let (ds, ss) = (self.describe(&args[0], &d), self.describe(&args[1], &s));
                let (Some(de), Some(se)) = (de, se) else {
                    self.err(
                        args[0].span,
                        format!(
                            "invalid argument: copy expects slice arguments; found {ds} and {ss}"
                        ),
                    );
                    return invalid;
                };
                if de != se {
                    let elem = |t: TypeId, string: bool| {
                        if string {
                            "byte".to_string()
                        } else {
                            crate::lang::check::wording::type_string(&self.types, t)
                        }
                    };
                    let (dn, sn) = (elem(de, false), elem(se, from_string));
                    self.err(
                        args[0].span,
                        format!(
                            "invalid argument: arguments to copy {ds} and {ss} have different \
                             element types {dn} and {sn}"
                        ),
                    );
                    return invalid;
                }
                if from_string {
                    self.default_operand(&args[1], &mut s);
                }
                Operand::value(int)
            }
            Builtin::Panic => {
                let mut x = self.expr(&args[0]);
                let any = self.any_type;
                self.assign_to(&args[0], &mut x, any, "argument to panic");
                Operand {
                    mode: Mode::NoValue,
                    ty: self.invalid_novalue(),
                    val: None,
                }
            }
            Builtin::Print | Builtin::Println => {
                for a in args {
                    let mut x = self.expr(a);
                    if x.mode == Mode::Nil {
                        self.err(a.span, "use of untyped nil in argument to built-in print");
                        continue;
                    }
                    self.default_operand(a, &mut x);
                }
                Operand {
                    mode: Mode::NoValue,
                    ty: self.invalid_novalue(),
                    val: None,
                }
            }
            Builtin::Min | Builtin::Max => {
                let mut ops: Vec<Operand> = args.iter().map(|a| self.expr(a)).collect();
                if ops.iter().any(|o| o.is_invalid()) {
                    return invalid;
                }
                // Common type: the first typed operand's type, else untyped.
                let typed = ops.iter().find(|o| !self.is_untyped(o.ty)).map(|o| o.ty);
                let t = typed.unwrap_or_else(|| {
                    ops.iter()
                        .map(|o| o.ty)
                        .max_by_key(|t| self.untyped_rank_pub(*t))
                        .unwrap_or(int)
                });
                for (a, o) in args.iter().zip(ops.iter_mut()) {
                    if !(self.is_numeric(o.ty) || self.is_string(o.ty)) {
                        let d = self.describe(a, o);
                        self.err(a.span, format!("invalid argument: {d} cannot be ordered"));
                        return invalid;
                    }
                    if typed.is_some() {
                        if self.is_untyped(o.ty) {
                            let ctx = format!("argument to {name}");
                            if !self.assign_to(a, o, t, &ctx) {
                                return invalid;
                            }
                        } else if o.ty != t {
                            let (ts, os, xs) = (self.show(t), self.show(o.ty), self.expr_string(a));
                            self.err(a.span, format!("invalid argument: mismatched types {ts} (previous argument) and {os} (type of {xs})"));
                            return invalid;
                        }
                    }
                }
                if ops.iter().all(|o| o.val.is_some()) {
                    let mut best = ops[0].val.clone().unwrap_or(ConstValue::int(0));
                    for o in &ops[1..] {
                        let v = o.val.clone().unwrap_or(ConstValue::int(0));
                        let less = matches!(
                            constant::binary(ast::BinaryOp::Lt, &v, &best, false),
                            Ok(ConstValue::Bool(true))
                        );
                        if (b == Builtin::Min) == less {
                            best = v;
                        }
                    }
                    Operand::constant(t, best)
                } else {
                    for (a, o) in args.iter().zip(ops.iter_mut()) {
                        self.default_operand(a, o);
                    }
                    Operand::value(self.default_type(t))
                }
            }
            // Go's `func recover() interface{}`: the value of the panic being recovered, or nil.
            Builtin::Recover => Operand::value(self.any_type),
        };
        self.info.calls.insert(e.id, ci);
        result
    }

    /// Rank of untyped numeric kinds (int < rune < float).
    pub fn untyped_rank_pub(&self, t: TypeId) -> u8 {
        match self.basic(t) {
            Some(Basic::UntypedInt) => 1,
            Some(Basic::UntypedRune) => 2,
            Some(Basic::UntypedFloat) => 3,
            _ => 0,
        }
    }

    /// Whether an expression contains a call or receive (then `len(arr)` is not constant).
    fn has_call_or_recv(&self, e: &ast::Expr) -> bool {
        match &e.kind {
            ExprKind::Call { .. } => true,
            ExprKind::Unary {
                op: ast::UnaryOp::Recv,
                ..
            } => true,
            ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary { x, .. } => {
                self.has_call_or_recv(x)
            }
            ExprKind::Selector { x, .. } => self.has_call_or_recv(x),
            ExprKind::Index { x, indices } => {
                self.has_call_or_recv(x) || indices.iter().any(|i| self.has_call_or_recv(i))
            }
            _ => false,
        }
    }
}
