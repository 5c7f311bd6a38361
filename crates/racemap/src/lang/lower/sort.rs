//! `sort` compiled to bytecode, so that the user's `Less`/`Swap` methods and `less` functions
//! run as the program's own calls and every read and write of a slice element is a visible
//! memory access the race detector sees (as in Go, whose `sort` is ordinary instrumented code).
//!
//! The unstable sorts are Go 1.19's pdqsort and the stable ones its insertion-sorted blocks
//! merged by `symMerge`, ported function by function in `sort_pdq.rs` (over `sort_ir.rs`'s
//! little language), so the calls of `Less`/`Swap` and the order of equal elements are Go's.
//! `Search` is Go's binary search; `IsSorted` and `…AreSorted` compare neighbours from the
//! end, as Go does.
//!
//! `sort.Slice(x, less)` is compiled for the static type of `x` (a slice type; swapping reads
//! and writes the two elements through pointers, like Go's `reflectlite.Swapper`).

use super::Lowerer;
use crate::bytecode::{BinOp, Func, FuncId, Instr, LibFunc, ResultSlot};
use crate::diag::Span;
use crate::types::{Basic, TypeId, TypeTable};
use std::rc::Rc;

/// How a generated sort function compares and swaps.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Data {
    /// Local 0 is a `sort.Interface`: `Less`/`Swap` are interface calls.
    Interface,
    /// Local 0 is a slice, local 1 the `less func(i, j int) bool`.
    SliceLess,
    /// Local 0 is a slice of this basic element type compared with `<` (`Float64s` orders
    /// NaNs first, as `Float64Slice.Less`).
    Ordered(Basic),
}

impl Data {
    /// How many locals (parameters) hold the data.
    pub(super) fn locals(self) -> u32 {
        match self {
            Data::SliceLess => 2,
            _ => 1,
        }
    }
}

/// A little assembler: instructions with forward labels (also used by `rand.rs`).
pub(super) struct Asm {
    /// The code so far.
    code: Vec<Instr>,
    /// For each label, its address once placed.
    labels: Vec<Option<u32>>,
    /// Jumps to patch: (instruction index, label).
    fixups: Vec<(usize, usize)>,
}

impl Asm {
    pub(super) fn new() -> Asm {
        Asm {
            code: Vec::new(),
            labels: Vec::new(),
            fixups: Vec::new(),
        }
    }

    pub(super) fn label(&mut self) -> usize {
        self.labels.push(None);
        self.labels.len() - 1
    }

    pub(super) fn place(&mut self, label: usize) {
        self.labels[label] = Some(self.code.len() as u32);
    }

    pub(super) fn op(&mut self, ins: Instr) {
        self.code.push(ins);
    }

    /// A jump (`Jump`, `JumpIf` or `JumpIfNot` with any target) to `label`.
    pub(super) fn jump(&mut self, ins: Instr, label: usize) {
        self.fixups.push((self.code.len(), label));
        self.code.push(ins);
    }

    pub(super) fn finish(mut self) -> Vec<Instr> {
        for (at, label) in self.fixups {
            let target = self.labels[label].unwrap_or(0);
            if let Instr::Jump(t) | Instr::JumpIf(t) | Instr::JumpIfNot(t) = &mut self.code[at] {
                *t = target;
            }
        }
        self.code
    }

    /// Pushes local `l` minus one.
    pub(super) fn minus_one(&mut self, l: u32) {
        self.op(Instr::LoadLocal(l));
        self.op(Instr::PushInt(1));
        self.op(Instr::Binary(BinOp::Sub, Basic::Int));
    }

    /// Jumps to `label` unless local `l` is above zero (a countdown loop's test).
    pub(super) fn exit_unless_positive(&mut self, l: u32, label: usize) {
        self.op(Instr::LoadLocal(l));
        self.op(Instr::PushInt(0));
        self.op(Instr::Binary(BinOp::Gt, Basic::Int));
        self.jump(Instr::JumpIfNot(0), label);
    }

    /// Pushes local `recv`, then `j` and `j-1` (a `Less`/`Swap`/`less` call's operands).
    fn receiver_and_pair(&mut self, recv: u32, j: u32) {
        self.op(Instr::LoadLocal(recv));
        self.op(Instr::LoadLocal(j));
        self.minus_one(j);
    }

    /// Pushes the element of slice local `s` at the index local `i` (minus one when `prev`).
    pub(super) fn elem(&mut self, s: u32, i: u32, prev: bool) {
        self.op(Instr::LoadLocal(s));
        if prev {
            self.minus_one(i);
        } else {
            self.op(Instr::LoadLocal(i));
        }
        self.op(Instr::SliceElemPtr);
        self.op(Instr::Load);
    }
}

/// The method names `sort.Interface` calls.
#[derive(Clone, Copy)]
pub(super) struct Names {
    /// `Len`
    pub(super) len: crate::bytecode::StrId,
    /// `Less`
    pub(super) less: crate::bytecode::StrId,
    /// `Swap`
    pub(super) swap: crate::bytecode::StrId,
}

/// Locals of the generated functions.
const DATA: u32 = 0;
const LESS: u32 = 1;

impl Lowerer<'_> {
    /// The generated function for a call of `f` with parameters of these static types (the
    /// first is the slice type of `sort.Slice`'s `x`), made once per (function, first type).
    pub fn sort_func(&mut self, f: LibFunc, params: Vec<TypeId>, span: Span) -> FuncId {
        let arg0 = params
            .first()
            .copied()
            .unwrap_or(TypeTable::basic(Basic::Invalid));
        if let Some(&id) = self.sort_funcs.get(&(f, arg0)) {
            return id;
        }
        let id = self.reserve(&f.go_name(), span);
        let names = Names {
            len: self.string("Len"),
            less: self.string("Less"),
            swap: self.string("Swap"),
        };
        let elem = match self.types.under(arg0) {
            crate::types::TypeKind::Slice(e) => match self.types.under(*e) {
                crate::types::TypeKind::Basic(b) => *b,
                _ => Basic::Invalid,
            },
            _ => Basic::Invalid,
        };
        let boolean = TypeTable::basic(Basic::Bool);
        let (results, code, locals): (Vec<TypeId>, Vec<Instr>, u32) = match f {
            LibFunc::SortSort | LibFunc::SortStable => {
                let (code, locals) = self.sort_entry(f, Data::Interface, names, &params, span);
                (vec![], code, locals)
            }
            LibFunc::SortSlice | LibFunc::SortSliceStable => {
                let (code, locals) = self.sort_entry(f, Data::SliceLess, names, &params, span);
                (vec![], code, locals)
            }
            LibFunc::SortInts | LibFunc::SortStrings | LibFunc::SortFloat64s => {
                let (code, locals) = self.sort_entry(f, Data::Ordered(elem), names, &params, span);
                (vec![], code, locals)
            }
            LibFunc::SortIsSorted => (vec![boolean], is_sorted(Data::Interface, names), 5),
            LibFunc::SortSliceIsSorted => (vec![boolean], is_sorted(Data::SliceLess, names), 6),
            LibFunc::SortIntsAreSorted
            | LibFunc::SortStringsAreSorted
            | LibFunc::SortFloat64sAreSorted => {
                (vec![boolean], is_sorted(Data::Ordered(elem), names), 8)
            }
            LibFunc::SortReverse => (
                vec![params.first().copied().unwrap_or(arg0)],
                self.reverse_code(),
                2,
            ),
            // Search(n, f), SearchInts(a, x), SearchStrings(a, x).
            _ => {
                let elem = if f == LibFunc::SortSearchInts {
                    Some(Basic::Int)
                } else if f == LibFunc::SortSearchStrings {
                    Some(Basic::String)
                } else if f == LibFunc::SortSearchFloat64s {
                    Some(Basic::Float64)
                } else {
                    None
                };
                (vec![TypeTable::basic(Basic::Int)], search(elem), 6)
            }
        };
        let result_slots = match results.len() {
            0 => Vec::new(),
            _ => vec![ResultSlot::Local(params.len() as u32)],
        };
        self.funcs[id.0 as usize] = Func {
            name: Rc::from(f.go_name()),
            span,
            params: params.len() as u32,
            param_types: params,
            results,
            result_slots,
            locals,
            captures: 0,
            variadic: false,
            spans: vec![span; code.len()],
            code,
            wrapper: false,
        };
        self.sort_funcs.insert((f, arg0), id);
        id
    }
}

/// Pushes `less(j, j-1)` (a bool) for `data`, with `j` in local `j` and scratch locals from
/// `tmp` on.
fn less_j(a: &mut Asm, data: Data, names: Names, j: u32, tmp: u32) {
    match data {
        Data::Interface => {
            a.receiver_and_pair(DATA, j);
            a.op(Instr::CallIface {
                name: names.less,
                argc: 2,
                results: 1,
            });
        }
        Data::SliceLess => {
            a.receiver_and_pair(LESS, j);
            a.op(Instr::CallValue {
                argc: 2,
                results: 1,
            });
        }
        Data::Ordered(b) => {
            // x[j] < x[j-1] || (isNaN(x[j]) && !isNaN(x[j-1]))
            a.elem(DATA, j, false);
            a.op(Instr::StoreLocal(tmp));
            a.elem(DATA, j, true);
            a.op(Instr::StoreLocal(tmp + 1));
            a.op(Instr::LoadLocal(tmp));
            a.op(Instr::LoadLocal(tmp + 1));
            a.op(Instr::Binary(BinOp::Lt, b));
            if matches!(b, Basic::Float32 | Basic::Float64) {
                let done = a.label();
                a.op(Instr::Dup);
                a.jump(Instr::JumpIf(0), done);
                a.op(Instr::Pop);
                a.op(Instr::LoadLocal(tmp));
                a.op(Instr::LoadLocal(tmp));
                a.op(Instr::Ne);
                a.op(Instr::Dup);
                a.jump(Instr::JumpIfNot(0), done);
                a.op(Instr::Pop);
                a.op(Instr::LoadLocal(tmp + 1));
                a.op(Instr::LoadLocal(tmp + 1));
                a.op(Instr::Eq);
                a.place(done);
            }
        }
    }
}

/// Pushes `data.Len()` / `len(x)`.
fn len(a: &mut Asm, data: Data, names: Names) {
    a.op(Instr::LoadLocal(DATA));
    match data {
        Data::Interface => a.op(Instr::CallIface {
            name: names.len,
            argc: 0,
            results: 1,
        }),
        _ => a.op(Instr::Len),
    }
}

/// The first local after the parameters.
fn first_local(data: Data) -> u32 {
    match data {
        Data::SliceLess => 2,
        _ => 1,
    }
}

/// Go's `IsSorted`: `for i := n - 1; i > 0; i-- { if less(i, i-1) { return false } }`; the
/// result is the local right after the parameters.
fn is_sorted(data: Data, names: Names) -> Vec<Instr> {
    let result = first_local(data);
    let i = result + 1;
    let tmp = i + 1;
    let mut a = Asm::new();
    let (top, unsorted, end) = (a.label(), a.label(), a.label());
    len(&mut a, data, names);
    a.op(Instr::PushInt(1));
    a.op(Instr::Binary(BinOp::Sub, Basic::Int));
    a.op(Instr::StoreLocal(i));
    a.place(top);
    a.exit_unless_positive(i, end);
    less_j(&mut a, data, names, i, tmp);
    a.jump(Instr::JumpIf(0), unsorted);
    a.minus_one(i);
    a.op(Instr::StoreLocal(i));
    a.jump(Instr::Jump(0), top);
    a.place(end);
    a.op(Instr::PushBool(true));
    a.op(Instr::StoreLocal(result));
    a.op(Instr::Return);
    a.place(unsorted);
    a.op(Instr::PushBool(false));
    a.op(Instr::StoreLocal(result));
    a.op(Instr::Return);
    a.finish()
}

/// Go's `Search(n, f)` (`elem` `None`), or `SearchInts(a, x)` and its kind for elements of
/// basic type `elem` (`f(h)` is `a[h] >= x`); locals: 0 n or a, 1 f or x, 2 the result, 3 i,
/// 4 j, 5 h.
pub(super) fn search(elem: Option<Basic>) -> Vec<Instr> {
    let (result, i, j, h) = (2, 3, 4, 5);
    let mut a = Asm::new();
    let (top, right, end) = (a.label(), a.label(), a.label());
    a.op(Instr::PushInt(0));
    a.op(Instr::StoreLocal(i));
    a.op(Instr::LoadLocal(0));
    if elem.is_some() {
        a.op(Instr::Len);
    }
    a.op(Instr::StoreLocal(j));
    a.place(top);
    a.op(Instr::LoadLocal(i));
    a.op(Instr::LoadLocal(j));
    a.op(Instr::Binary(BinOp::Lt, Basic::Int));
    a.jump(Instr::JumpIfNot(0), end);
    // h := int(uint(i+j) >> 1)
    a.op(Instr::LoadLocal(i));
    a.op(Instr::LoadLocal(j));
    a.op(Instr::Binary(BinOp::Add, Basic::Int));
    a.op(Instr::PushInt(1));
    a.op(Instr::Binary(BinOp::Shr, Basic::Uint));
    a.op(Instr::StoreLocal(h));
    match elem {
        None => {
            a.op(Instr::LoadLocal(1));
            a.op(Instr::LoadLocal(h));
            a.op(Instr::CallValue {
                argc: 1,
                results: 1,
            });
        }
        Some(elem) => {
            a.elem(0, h, false);
            a.op(Instr::LoadLocal(1));
            a.op(Instr::Binary(BinOp::Ge, elem));
        }
    }
    a.jump(Instr::JumpIf(0), right);
    // i = h + 1
    a.op(Instr::LoadLocal(h));
    a.op(Instr::PushInt(1));
    a.op(Instr::Binary(BinOp::Add, Basic::Int));
    a.op(Instr::StoreLocal(i));
    a.jump(Instr::Jump(0), top);
    a.place(right);
    a.op(Instr::LoadLocal(h));
    a.op(Instr::StoreLocal(j));
    a.jump(Instr::Jump(0), top);
    a.place(end);
    a.op(Instr::LoadLocal(i));
    a.op(Instr::StoreLocal(result));
    a.op(Instr::Return);
    a.finish()
}
