//! The `strings` functions that call a function of the program (`Map`, `IndexFunc`,
//! `LastIndexFunc`, `TrimFunc`, `TrimLeftFunc`, `TrimRightFunc`, `FieldsFunc`) compiled to
//! bytecode, so that the program's function runs as the program's own calls, once per rune and
//! in Go 1.19's order (strings/strings.go): a forward `for i, r := range s` loop for `Map`,
//! `indexFunc` and `FieldsFunc`, a backward `utf8.DecodeLastRuneInString` loop for
//! `lastIndexFunc` (`LastIndexFunc`, `TrimRightFunc`, and `TrimFunc` after its left trim).
//!
//! `Map` writes each mapped rune (dropping negative ones, U+FFFD for an invalid one or an
//! invalid byte of `s`), which is what Go's result holds. `FieldsFunc` records whether `f`
//! held for each rune and cuts Go's spans natively ([`LibFunc::StringsFieldsSpans`]), so that
//! its result is a fresh `[]string` of exactly its length, as Go's `make([]string, len(spans))`.

use super::call::Compiled;
use super::func::FnCx;
use super::sort::Asm;
use super::Lowerer;
use crate::bytecode::{BinOp, Func, FuncId, Instr, LibFunc, ResultSlot};
use crate::diag::Span;
use crate::lang::ast::Expr;
use crate::lang::check::CallInfo;
use crate::types::{Basic, TypeKind, TypeTable};
use std::rc::Rc;

/// Whether lowering compiles calls of `f` here.
pub(super) fn is_compiled(f: LibFunc) -> bool {
    matches!(
        f,
        LibFunc::StringsMap
            | LibFunc::StringsIndexFunc
            | LibFunc::StringsLastIndexFunc
            | LibFunc::StringsTrimFunc
            | LibFunc::StringsTrimLeftFunc
            | LibFunc::StringsTrimRightFunc
            | LibFunc::StringsFieldsFunc
    )
}

// Locals of the generated functions: the two parameters (`Map`'s are swapped: `mapping, s`),
// the result, then scratch.
/// The string (`s`).
const S: u32 = 0;
/// The program's function (`f`).
const F: u32 = 1;
/// The result.
const RES: u32 = 2;
/// The byte index of the loop.
const I: u32 = 3;
/// The rune decoded at `I`.
const R: u32 = 4;
/// Its width.
const W: u32 = 5;
/// An index found (`indexFunc`'s or `lastIndexFunc`'s result); `Map`'s mapped rune.
const K: u32 = 6;
/// `FieldsFunc`'s flags, one byte per rune.
const FLAGS: u32 = 7;
/// How many locals the generated functions have.
const LOCALS: u32 = 8;

impl FnCx<'_, '_> {
    /// A call of one of these functions: its compiled code called like a declared function.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn strings_func_call(
        &mut self,
        f: LibFunc,
        args: &[Expr],
        info: &CallInfo,
        span: Span,
        mode: super::call::CallMode,
        wrap_name: Option<String>,
        wrap_span: Span,
    ) {
        if info.spread || info.tuple_arg {
            self.unsupported(
                span,
                format!("{}(f()) with a multi-value argument", f.go_name()),
            );
            return;
        }
        let params = match info.sig.map(|t| self.under(t)) {
            Some(TypeKind::Func(sig)) => sig.params,
            _ => Vec::new(),
        };
        let fid = self.lw.strings_func(f, params, span);
        let compiled = Compiled {
            fid,
            results: f.result_count(),
            raw_first: false,
        };
        self.call_compiled(compiled, args, span, mode, wrap_name, wrap_span);
    }
}

impl Lowerer<'_> {
    /// The generated function for `f`, made once per program.
    fn strings_func(
        &mut self,
        f: LibFunc,
        params: Vec<crate::types::TypeId>,
        span: Span,
    ) -> FuncId {
        if let Some(&id) = self.strings_funcs.get(&f) {
            return id;
        }
        let id = self.reserve(&f.go_name(), span);
        let empty = self.string("");
        let flag = [self.string("\u{0}"), self.string("\u{1}")];
        let mut a = Asm::new();
        let (string, int) = (
            TypeTable::basic(Basic::String),
            TypeTable::basic(Basic::Int),
        );
        let result = match f {
            LibFunc::StringsMap => {
                map(&mut a, empty);
                string
            }
            LibFunc::StringsIndexFunc => {
                index_func(&mut a, true);
                a.op(Instr::LoadLocal(K));
                a.op(Instr::StoreLocal(RES));
                int
            }
            LibFunc::StringsLastIndexFunc => {
                last_index_func(&mut a, true);
                a.op(Instr::LoadLocal(K));
                a.op(Instr::StoreLocal(RES));
                int
            }
            LibFunc::StringsTrimLeftFunc => {
                trim_left(&mut a, empty);
                string
            }
            LibFunc::StringsTrimRightFunc => {
                trim_right(&mut a);
                string
            }
            LibFunc::StringsTrimFunc => {
                // TrimRightFunc(TrimLeftFunc(s, f), f)
                trim_left(&mut a, empty);
                a.op(Instr::LoadLocal(RES));
                a.op(Instr::StoreLocal(S));
                trim_right(&mut a);
                string
            }
            _ => {
                fields_func(&mut a, empty, flag);
                self.types.intern(TypeKind::Slice(string))
            }
        };
        a.op(Instr::Return);
        let code = a.finish();
        self.funcs[id.0 as usize] = Func {
            name: Rc::from(f.go_name()),
            span,
            params: params.len() as u32,
            param_types: params,
            results: vec![result],
            result_slots: vec![ResultSlot::Local(RES)],
            locals: LOCALS,
            captures: 0,
            variadic: false,
            spans: vec![span; code.len()],
            code,
            wrapper: false,
        };
        self.strings_funcs.insert(f, id);
        id
    }
}

/// Jumps to `end` unless `I < len(s)`; then decodes the rune at `I` into `R` and `W`.
fn next_rune(a: &mut Asm, s: u32, end: usize) {
    a.op(Instr::LoadLocal(I));
    a.op(Instr::LoadLocal(s));
    a.op(Instr::Len);
    a.op(Instr::Binary(BinOp::Lt, Basic::Int));
    a.jump(Instr::JumpIfNot(0), end);
    a.op(Instr::LoadLocal(s));
    a.op(Instr::LoadLocal(I));
    a.op(Instr::StrDecodeRune);
    a.op(Instr::StoreLocal(W));
    a.op(Instr::StoreLocal(R));
}

/// `I += W`, then jumps to `top`.
fn advance(a: &mut Asm, top: usize) {
    a.op(Instr::LoadLocal(I));
    a.op(Instr::LoadLocal(W));
    a.op(Instr::Binary(BinOp::Add, Basic::Int));
    a.op(Instr::StoreLocal(I));
    a.jump(Instr::Jump(0), top);
}

/// Pushes `f(R)` (local `func`), one result.
fn call_on_rune(a: &mut Asm, func: u32) {
    a.op(Instr::LoadLocal(func));
    a.op(Instr::LoadLocal(R));
    a.op(Instr::CallValue {
        argc: 1,
        results: 1,
    });
}

/// `Map(mapping, s)`: `RES` is the concatenation of each mapped rune that is not negative.
fn map(a: &mut Asm, empty: crate::bytecode::StrId) {
    // Locals 0 and 1 are `mapping, s`.
    let (mapping, s) = (0, 1);
    let (top, skip, end) = (a.label(), a.label(), a.label());
    a.op(Instr::PushStr(empty));
    a.op(Instr::StoreLocal(RES));
    a.op(Instr::PushInt(0));
    a.op(Instr::StoreLocal(I));
    a.place(top);
    next_rune(a, s, end);
    call_on_rune(a, mapping);
    a.op(Instr::StoreLocal(K));
    a.op(Instr::LoadLocal(K));
    a.op(Instr::PushInt(0));
    a.op(Instr::Binary(BinOp::Ge, Basic::Int32));
    a.jump(Instr::JumpIfNot(0), skip);
    a.op(Instr::LoadLocal(RES));
    a.op(Instr::LoadLocal(K));
    a.op(Instr::Convert {
        from: TypeTable::basic(Basic::Int32),
        to: TypeTable::basic(Basic::String),
    });
    a.op(Instr::Concat);
    a.op(Instr::StoreLocal(RES));
    a.place(skip);
    advance(a, top);
    a.place(end);
}

/// Go's `indexFunc(s, f, truth)` into `K`: the byte index of the first rune for which `f`
/// is `truth`, or -1.
fn index_func(a: &mut Asm, truth: bool) {
    let (top, found, not_found, done) = (a.label(), a.label(), a.label(), a.label());
    a.op(Instr::PushInt(0));
    a.op(Instr::StoreLocal(I));
    a.place(top);
    next_rune(a, S, not_found);
    call_on_rune(a, F);
    a.jump(
        if truth {
            Instr::JumpIf(0)
        } else {
            Instr::JumpIfNot(0)
        },
        found,
    );
    advance(a, top);
    a.place(found);
    a.op(Instr::LoadLocal(I));
    a.op(Instr::StoreLocal(K));
    a.jump(Instr::Jump(0), done);
    a.place(not_found);
    a.op(Instr::PushInt(-1));
    a.op(Instr::StoreLocal(K));
    a.place(done);
}

/// Go's `lastIndexFunc(s, f, truth)` into `K`: `for i := len(s); i > 0; { r, size :=
/// utf8.DecodeLastRuneInString(s[0:i]); i -= size; if f(r) == truth { return i } }`, -1.
fn last_index_func(a: &mut Asm, truth: bool) {
    let (top, found, not_found, done) = (a.label(), a.label(), a.label(), a.label());
    a.op(Instr::LoadLocal(S));
    a.op(Instr::Len);
    a.op(Instr::StoreLocal(I));
    a.place(top);
    a.exit_unless_positive(I, not_found);
    a.op(Instr::LoadLocal(S));
    a.op(Instr::LoadLocal(I));
    a.op(Instr::SliceExpr {
        lo: false,
        hi: true,
        max: false,
    });
    a.op(Instr::CallLib {
        func: LibFunc::Utf8DecodeLastRune,
        argc: 1,
    });
    a.op(Instr::StoreLocal(W));
    a.op(Instr::StoreLocal(R));
    a.op(Instr::LoadLocal(I));
    a.op(Instr::LoadLocal(W));
    a.op(Instr::Binary(BinOp::Sub, Basic::Int));
    a.op(Instr::StoreLocal(I));
    call_on_rune(a, F);
    a.jump(
        if truth {
            Instr::JumpIf(0)
        } else {
            Instr::JumpIfNot(0)
        },
        found,
    );
    a.jump(Instr::Jump(0), top);
    a.place(found);
    a.op(Instr::LoadLocal(I));
    a.op(Instr::StoreLocal(K));
    a.jump(Instr::Jump(0), done);
    a.place(not_found);
    a.op(Instr::PushInt(-1));
    a.op(Instr::StoreLocal(K));
    a.place(done);
}

/// `TrimLeftFunc(s, f)` into `RES`: `""` when every rune goes, else `s[indexFunc(s, f,
/// false):]`.
fn trim_left(a: &mut Asm, empty: crate::bytecode::StrId) {
    let (all, done) = (a.label(), a.label());
    index_func(a, false);
    a.op(Instr::LoadLocal(K));
    a.op(Instr::PushInt(-1));
    a.op(Instr::Eq);
    a.jump(Instr::JumpIf(0), all);
    a.op(Instr::LoadLocal(S));
    a.op(Instr::LoadLocal(K));
    a.op(Instr::SliceExpr {
        lo: true,
        hi: false,
        max: false,
    });
    a.op(Instr::StoreLocal(RES));
    a.jump(Instr::Jump(0), done);
    a.place(all);
    a.op(Instr::PushStr(empty));
    a.op(Instr::StoreLocal(RES));
    a.place(done);
}

/// `TrimRightFunc(s, f)` into `RES`: `i := lastIndexFunc(s, f, false); if i >= 0 && s[i] >=
/// utf8.RuneSelf { _, wid := utf8.DecodeRuneInString(s[i:]); i += wid } else { i++ };
/// s[0:i]`.
fn trim_right(a: &mut Asm) {
    let (one, cut) = (a.label(), a.label());
    last_index_func(a, false);
    a.op(Instr::LoadLocal(K));
    a.op(Instr::PushInt(0));
    a.op(Instr::Binary(BinOp::Ge, Basic::Int));
    a.jump(Instr::JumpIfNot(0), one);
    a.op(Instr::LoadLocal(S));
    a.op(Instr::LoadLocal(K));
    a.op(Instr::StrIndex);
    a.op(Instr::PushInt(0x80));
    a.op(Instr::Binary(BinOp::Ge, Basic::Int));
    a.jump(Instr::JumpIfNot(0), one);
    a.op(Instr::LoadLocal(S));
    a.op(Instr::LoadLocal(K));
    a.op(Instr::StrDecodeRune);
    a.op(Instr::StoreLocal(W));
    a.op(Instr::Pop);
    a.op(Instr::LoadLocal(K));
    a.op(Instr::LoadLocal(W));
    a.op(Instr::Binary(BinOp::Add, Basic::Int));
    a.op(Instr::StoreLocal(K));
    a.jump(Instr::Jump(0), cut);
    a.place(one);
    a.op(Instr::LoadLocal(K));
    a.op(Instr::PushInt(1));
    a.op(Instr::Binary(BinOp::Add, Basic::Int));
    a.op(Instr::StoreLocal(K));
    a.place(cut);
    a.op(Instr::LoadLocal(S));
    a.op(Instr::LoadLocal(K));
    a.op(Instr::SliceExpr {
        lo: false,
        hi: true,
        max: false,
    });
    a.op(Instr::StoreLocal(RES));
}

/// `FieldsFunc(s, f)` into `RES`: `f` of each rune in order, recorded in `FLAGS`, then the
/// fields cut natively.
fn fields_func(a: &mut Asm, empty: crate::bytecode::StrId, flag: [crate::bytecode::StrId; 2]) {
    let (top, no, next, end) = (a.label(), a.label(), a.label(), a.label());
    a.op(Instr::PushStr(empty));
    a.op(Instr::StoreLocal(FLAGS));
    a.op(Instr::PushInt(0));
    a.op(Instr::StoreLocal(I));
    a.place(top);
    next_rune(a, S, end);
    a.op(Instr::LoadLocal(FLAGS));
    call_on_rune(a, F);
    a.jump(Instr::JumpIfNot(0), no);
    a.op(Instr::PushStr(flag[1]));
    a.jump(Instr::Jump(0), next);
    a.place(no);
    a.op(Instr::PushStr(flag[0]));
    a.place(next);
    a.op(Instr::Concat);
    a.op(Instr::StoreLocal(FLAGS));
    advance(a, top);
    a.place(end);
    a.op(Instr::LoadLocal(S));
    a.op(Instr::LoadLocal(FLAGS));
    a.op(Instr::CallLib {
        func: LibFunc::StringsFieldsSpans,
        argc: 2,
    });
    a.op(Instr::StoreLocal(RES));
}
