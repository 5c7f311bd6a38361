//! Calls of builtins evaluated now (`len`, `cap`, `append`, `copy`, `delete`, `make`, `new`,
//! `close`, `panic`, `recover`, `print`, `min`, `max`, `clear`, …); `go`/`defer` of a builtin is
//! in `call.rs`.

use super::func::FnCx;
use super::place::strip_parens;
use crate::bytecode::{BinOp, Instr};
use crate::lang::ast::Expr;
use crate::lang::check::{Builtin, CallInfo};
use crate::types::{TypeId, TypeKind};

impl FnCx<'_, '_> {
    /// Builtin calls evaluated now.
    pub(super) fn builtin(&mut self, e: &Expr, b: Builtin, args: &[Expr], info: &CallInfo) {
        let span = strip_parens(e).span;
        let arg_ty = |cx: &mut Self, i: usize| -> TypeId {
            match args.get(i) {
                Some(a) => cx.ty(a),
                None => Self::invalid(),
            }
        };
        match b {
            Builtin::Len | Builtin::Cap => {
                let Some(a) = args.first() else { return };
                let t = self.ty(a);
                match self.under(t) {
                    TypeKind::Array(n, _) => {
                        self.emit(Instr::PushInt(n as i64));
                    }
                    TypeKind::Pointer(p) => {
                        let n = match self.under(p) {
                            TypeKind::Array(n, _) => n,
                            _ => 0,
                        };
                        self.emit(Instr::PushInt(n as i64));
                    }
                    TypeKind::Map(..) => {
                        self.expr(a);
                        self.emit_at(Instr::MapLen, span);
                    }
                    TypeKind::Chan(..) => {
                        self.expr(a);
                        self.emit(if b == Builtin::Len {
                            Instr::ChanLen
                        } else {
                            Instr::ChanCap
                        });
                    }
                    _ => {
                        self.expr(a);
                        self.emit(if b == Builtin::Len {
                            Instr::Len
                        } else {
                            Instr::Cap
                        });
                    }
                }
            }
            Builtin::Append => {
                let st = self.ty(e);
                let elem = self.slice_elem(st);
                let Some(s) = args.first() else { return };
                self.expr(s);
                if info.spread {
                    if let Some(t) = args.get(1) {
                        self.expr(t);
                    }
                    self.emit_at(Instr::AppendSlice { elem }, span);
                } else {
                    for a in &args[1..] {
                        self.expr_conv(a);
                    }
                    self.emit_at(
                        Instr::Append {
                            elem,
                            n: args.len() as u32 - 1,
                        },
                        span,
                    );
                }
            }
            Builtin::Copy => {
                for a in args {
                    self.expr(a);
                }
                self.emit_at(Instr::Copy, span);
            }
            Builtin::Delete => {
                if let Some(m) = args.first() {
                    self.expr(m);
                }
                if let Some(k) = args.get(1) {
                    self.expr_conv(k);
                }
                self.emit_at(Instr::MapDelete, span);
            }
            Builtin::Clear => {
                let t = arg_ty(self, 0);
                if !matches!(self.under(t), TypeKind::Map(..)) {
                    self.unsupported(span, "clear of a slice");
                    return;
                }
                if let Some(m) = args.first() {
                    self.expr(m);
                }
                self.emit_at(Instr::MapClear, span);
            }
            Builtin::Close => {
                if let Some(c) = args.first() {
                    self.expr(c);
                }
                self.emit_at(Instr::Close, span);
            }
            Builtin::Make => {
                let t = arg_ty(self, 0);
                match self.under(t) {
                    TypeKind::Map(..) => {
                        if let Some(h) = args.get(1) {
                            self.expr(h);
                            self.emit(Instr::Pop);
                        }
                        self.emit(Instr::MakeMap(t));
                    }
                    TypeKind::Slice(elem) => {
                        match args.get(1) {
                            Some(l) => self.expr(l),
                            None => {
                                self.emit(Instr::PushInt(0));
                            }
                        }
                        match args.get(2) {
                            Some(c) => self.expr(c),
                            None => {
                                self.emit(Instr::Dup);
                            }
                        }
                        self.emit_at(Instr::MakeSlice { elem }, span);
                        // make returns the slice type itself (named or not).
                    }
                    TypeKind::Chan(_, elem) => {
                        match args.get(1) {
                            Some(c) => self.expr(c),
                            None => {
                                self.emit(Instr::PushInt(0));
                            }
                        }
                        self.emit_at(Instr::MakeChan { elem }, span);
                    }
                    _ => {
                        self.unsupported(span, "make of this type");
                        self.emit(Instr::Zero(Self::invalid()));
                    }
                }
            }
            Builtin::New => {
                let t = arg_ty(self, 0);
                self.emit(Instr::Alloc(t));
            }
            Builtin::Panic => {
                if let Some(a) = args.first() {
                    self.expr(a);
                    self.box_any(a);
                }
                self.emit_at(Instr::Panic, span);
            }
            Builtin::Print | Builtin::Println => {
                for a in args {
                    self.expr(a);
                    self.box_any(a);
                }
                self.emit_at(
                    Instr::PrintBuiltin {
                        newline: b == Builtin::Println,
                        argc: args.len() as u32,
                    },
                    span,
                );
            }
            Builtin::Recover => {
                self.emit(Instr::Recover);
            }
            Builtin::Min | Builtin::Max => {
                // acc := args[0]; for each further x: if x < acc (min) / x > acc (max) { acc = x }.
                // Arguments are evaluated left to right once each, as Go does.
                let result = self.ty(e);
                let basic = self.basic(result);
                let op = if b == Builtin::Min {
                    BinOp::Lt
                } else {
                    BinOp::Gt
                };
                let Some((first, rest)) = args.split_first() else {
                    self.emit(Instr::Zero(result));
                    return;
                };
                self.expr(first);
                let acc = self.pop_temp();
                for a in rest {
                    self.expr(a);
                    let x = self.pop_temp();
                    self.emit(Instr::LoadLocal(x));
                    self.emit(Instr::LoadLocal(acc));
                    self.emit_at(Instr::Binary(op, basic), span);
                    let skip = self.emit(Instr::JumpIfNot(0));
                    self.emit(Instr::LoadLocal(x));
                    self.emit(Instr::StoreLocal(acc));
                    let here = self.here();
                    self.patch(skip, here);
                }
                self.emit(Instr::LoadLocal(acc));
            }
        }
    }
}
