//! A small structured language for the `sort` algorithms racemap compiles to bytecode
//! (`sort_pdq.rs`: Go 1.19's pdqsort and stable sort), and its compiler to [`Instr`]s.
//!
//! A function of this language has integer locals, the sort's data in its first locals
//! ([`Data`]: an interface, a slice and its `less` function, or a slice of ordered elements)
//! and statements over integer expressions (`X`): assignments, `if`, `for` loops with
//! `break`/`continue`, calls of the other generated functions, and the two operations that
//! touch the data, `Less(i, j)` and `Swap(i, j)`. Those compile exactly as Go's generated
//! `zsortinterface.go`/`zsortfunc.go` code makes them: an interface call of the user's method,
//! a call of the user's `less` function value, or (for `sort.Ints` and its kind) a comparison
//! of the elements; a swap of slice elements reads and writes both elements, as Go's
//! `reflectlite.Swapper` does, so the race detector sees every access.

use super::sort::{Asm, Data, Names};
use crate::bytecode::{BinOp, FuncId, Instr};
use crate::types::Basic;

/// An expression: an `int` (or `bool`, or `uint64` for the xorshift generator).
#[derive(Clone)]
pub(super) enum X {
    /// A local.
    L(u32),
    /// A constant.
    K(i64),
    /// A boolean constant.
    Bool(bool),
    /// `data.Len()` (`len(x)` for a slice).
    Len,
    /// A binary operation on integers of this basic type.
    B(BinOp, Basic, Box<X>, Box<X>),
    /// `data.Less(i, j)`.
    Less(Box<X>, Box<X>),
    /// `!x`.
    Not(Box<X>),
    /// `x && y` (short-circuit).
    And(Box<X>, Box<X>),
    /// `x == y`.
    Eq(Box<X>, Box<X>),
}

/// A local.
pub(super) fn l(n: u32) -> X {
    X::L(n)
}

/// A constant.
pub(super) fn k(n: i64) -> X {
    X::K(n)
}

impl X {
    fn bin(self, op: BinOp, y: X) -> X {
        X::B(op, Basic::Int, Box::new(self), Box::new(y))
    }
    pub(super) fn add(self, y: X) -> X {
        self.bin(BinOp::Add, y)
    }
    pub(super) fn sub(self, y: X) -> X {
        self.bin(BinOp::Sub, y)
    }
    pub(super) fn mul(self, y: X) -> X {
        self.bin(BinOp::Mul, y)
    }
    pub(super) fn div(self, y: X) -> X {
        self.bin(BinOp::Div, y)
    }
    pub(super) fn lt(self, y: X) -> X {
        self.bin(BinOp::Lt, y)
    }
    pub(super) fn le(self, y: X) -> X {
        self.bin(BinOp::Le, y)
    }
    pub(super) fn gt(self, y: X) -> X {
        self.bin(BinOp::Gt, y)
    }
    pub(super) fn ge(self, y: X) -> X {
        self.bin(BinOp::Ge, y)
    }
    /// `int(uint(x) >> n)`.
    pub(super) fn ushr(self, n: i64) -> X {
        X::B(BinOp::Shr, Basic::Uint, Box::new(self), Box::new(k(n)))
    }
    /// A `uint64` operation (`<<`, `>>`, `^`, `&`).
    pub(super) fn u64(self, op: BinOp, y: X) -> X {
        X::B(op, Basic::Uint64, Box::new(self), Box::new(y))
    }
    pub(super) fn eq(self, y: X) -> X {
        X::Eq(Box::new(self), Box::new(y))
    }
    pub(super) fn ne(self, y: X) -> X {
        not(self.eq(y))
    }
    pub(super) fn and(self, y: X) -> X {
        X::And(Box::new(self), Box::new(y))
    }
}

/// `data.Less(i, j)`.
pub(super) fn less(i: X, j: X) -> X {
    X::Less(Box::new(i), Box::new(j))
}

/// `!x`.
pub(super) fn not(x: X) -> X {
    X::Not(Box::new(x))
}

/// A statement.
pub(super) enum S {
    /// `local = x`.
    Set(u32, X),
    /// `r0, r1, … = f(data, args…)` (no locals: a call for its effect).
    Call(Vec<u32>, FuncId, Vec<X>),
    /// `data.Swap(i, j)`.
    Swap(X, X),
    /// `if c { then } else { otherwise }`.
    If(X, Vec<S>, Vec<S>),
    /// `for c { body; post }`; `continue` runs `post`.
    For(X, Vec<S>, Vec<S>),
    /// `break` out of the innermost loop.
    Break,
    /// `continue` the innermost loop.
    Continue,
    /// Store the expressions in the result locals and return.
    Return(Vec<X>),
}

/// `if c { then }`.
pub(super) fn when(c: X, then: Vec<S>) -> S {
    S::If(c, then, Vec::new())
}

/// `for c { body }`.
pub(super) fn while_(c: X, body: Vec<S>) -> S {
    S::For(c, body, Vec::new())
}

/// `local++` / `local--` / `local += n`.
pub(super) fn bump(local: u32, n: i64) -> S {
    S::Set(local, l(local).add(k(n)))
}

/// A function of the language being compiled.
pub(super) struct Compiler {
    /// The assembler.
    a: Asm,
    /// How the data compares and swaps.
    data: Data,
    /// The method names of `sort.Interface`.
    names: Names,
    /// The locals of the data (1 or 2), passed first to every call.
    data_locals: u32,
    /// The result locals, in order.
    results: Vec<u32>,
    /// The next free scratch local.
    next: u32,
    /// The enclosing loops: (continue label, break label).
    loops: Vec<(usize, usize)>,
    /// `sort.Slice`'s swap function (`reflectlite.Swapper`'s closure: slice, i, j).
    swapper: Option<FuncId>,
}

impl Compiler {
    /// A compiler for a function whose declared locals end before `first_scratch`.
    pub(super) fn new(data: Data, names: Names, results: Vec<u32>, first_scratch: u32) -> Self {
        Compiler {
            a: Asm::new(),
            data,
            names,
            data_locals: data.locals(),
            results,
            next: first_scratch,
            loops: Vec::new(),
            swapper: None,
        }
    }

    /// Swaps through `f(x, i, j)` (the slice's swapper) instead of in place.
    pub(super) fn with_swapper(mut self, f: FuncId) -> Self {
        self.swapper = Some(f);
        self
    }

    /// Compiles `body` (a final `return` is added); returns the code and the local count.
    pub(super) fn finish(mut self, body: &[S]) -> (Vec<Instr>, u32) {
        self.stmts(body);
        self.a.op(Instr::Return);
        (self.a.finish(), self.next)
    }

    fn scratch(&mut self) -> u32 {
        self.next += 1;
        self.next - 1
    }

    fn stmts(&mut self, body: &[S]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &S) {
        match s {
            S::Set(local, x) => {
                self.expr(x);
                self.a.op(Instr::StoreLocal(*local));
            }
            S::Call(results, func, args) => {
                for d in 0..self.data_locals {
                    self.a.op(Instr::LoadLocal(d));
                }
                for x in args {
                    self.expr(x);
                }
                self.a.op(Instr::Call {
                    func: *func,
                    argc: self.data_locals + args.len() as u32,
                });
                for r in results.iter().rev() {
                    self.a.op(Instr::StoreLocal(*r));
                }
            }
            S::Swap(i, j) => self.swap(i, j),
            S::If(c, then, otherwise) => {
                let (skip, end) = (self.a.label(), self.a.label());
                self.expr(c);
                self.a.jump(Instr::JumpIfNot(0), skip);
                self.stmts(then);
                self.a.jump(Instr::Jump(0), end);
                self.a.place(skip);
                self.stmts(otherwise);
                self.a.place(end);
            }
            S::For(c, body, post) => {
                let (top, next, end) = (self.a.label(), self.a.label(), self.a.label());
                self.a.place(top);
                self.expr(c);
                self.a.jump(Instr::JumpIfNot(0), end);
                self.loops.push((next, end));
                self.stmts(body);
                self.loops.pop();
                self.a.place(next);
                self.stmts(post);
                self.a.jump(Instr::Jump(0), top);
                self.a.place(end);
            }
            S::Break | S::Continue => {
                if let Some(&(next, end)) = self.loops.last() {
                    let target = if matches!(s, S::Break) { end } else { next };
                    self.a.jump(Instr::Jump(0), target);
                }
            }
            S::Return(xs) => {
                for (x, r) in xs.iter().zip(self.results.clone()) {
                    self.expr(x);
                    self.a.op(Instr::StoreLocal(r));
                }
                self.a.op(Instr::Return);
            }
        }
    }

    fn expr(&mut self, x: &X) {
        match x {
            X::L(n) => self.a.op(Instr::LoadLocal(*n)),
            X::K(n) => self.a.op(Instr::PushInt(*n)),
            X::Bool(b) => self.a.op(Instr::PushBool(*b)),
            X::Len => {
                self.a.op(Instr::LoadLocal(0));
                match self.data {
                    Data::Interface => self.a.op(Instr::CallIface {
                        name: self.names.len,
                        argc: 0,
                        results: 1,
                    }),
                    _ => self.a.op(Instr::Len),
                }
            }
            X::B(op, b, x, y) => {
                self.expr(x);
                self.expr(y);
                self.a.op(Instr::Binary(*op, *b));
            }
            X::Not(x) => {
                self.expr(x);
                self.a.op(Instr::Not);
            }
            X::Eq(x, y) => {
                self.expr(x);
                self.expr(y);
                self.a.op(Instr::Eq);
            }
            X::And(x, y) => {
                let end = self.a.label();
                self.expr(x);
                self.a.op(Instr::Dup);
                self.a.jump(Instr::JumpIfNot(0), end);
                self.a.op(Instr::Pop);
                self.expr(y);
                self.a.place(end);
            }
            X::Less(i, j) => self.less(i, j),
        }
    }

    /// Pushes `data.Less(i, j)`.
    fn less(&mut self, i: &X, j: &X) {
        match self.data {
            Data::Interface => {
                self.a.op(Instr::LoadLocal(0));
                self.expr(i);
                self.expr(j);
                self.a.op(Instr::CallIface {
                    name: self.names.less,
                    argc: 2,
                    results: 1,
                });
            }
            Data::SliceLess => {
                self.a.op(Instr::LoadLocal(1));
                self.expr(i);
                self.expr(j);
                self.a.op(Instr::CallValue {
                    argc: 2,
                    results: 1,
                });
            }
            Data::Ordered(b) => {
                // x[i] < x[j] || (isNaN(x[i]) && !isNaN(x[j])), as `IntSlice.Less` and its kind.
                let (xi, xj) = (self.scratch(), self.scratch());
                for (index, local) in [(i, xi), (j, xj)] {
                    self.a.op(Instr::LoadLocal(0));
                    self.expr(index);
                    self.a.op(Instr::SliceElemPtr);
                    self.a.op(Instr::Load);
                    self.a.op(Instr::StoreLocal(local));
                }
                self.a.op(Instr::LoadLocal(xi));
                self.a.op(Instr::LoadLocal(xj));
                self.a.op(Instr::Binary(BinOp::Lt, b));
                if matches!(b, Basic::Float32 | Basic::Float64) {
                    let done = self.a.label();
                    self.a.op(Instr::Dup);
                    self.a.jump(Instr::JumpIf(0), done);
                    self.a.op(Instr::Pop);
                    self.a.op(Instr::LoadLocal(xi));
                    self.a.op(Instr::LoadLocal(xi));
                    self.a.op(Instr::Ne);
                    self.a.op(Instr::Dup);
                    self.a.jump(Instr::JumpIfNot(0), done);
                    self.a.op(Instr::Pop);
                    self.a.op(Instr::LoadLocal(xj));
                    self.a.op(Instr::LoadLocal(xj));
                    self.a.op(Instr::Eq);
                    self.a.place(done);
                }
            }
        }
    }

    /// `data.Swap(i, j)`.
    fn swap(&mut self, i: &X, j: &X) {
        if self.data == Data::Interface {
            self.a.op(Instr::LoadLocal(0));
            self.expr(i);
            self.expr(j);
            self.a.op(Instr::CallIface {
                name: self.names.swap,
                argc: 2,
                results: 0,
            });
            return;
        }
        if let Some(func) = self.swapper {
            self.a.op(Instr::LoadLocal(0));
            self.expr(i);
            self.expr(j);
            self.a.op(Instr::Call { func, argc: 3 });
            return;
        }
        // x[i], x[j] = x[j], x[i]: reads x[j], then x[i]; writes x[i], then x[j].
        let (li, lj, vi, vj) = (
            self.scratch(),
            self.scratch(),
            self.scratch(),
            self.scratch(),
        );
        self.expr(i);
        self.a.op(Instr::StoreLocal(li));
        self.expr(j);
        self.a.op(Instr::StoreLocal(lj));
        for (index, value) in [(lj, vj), (li, vi)] {
            self.a.elem(0, index, false);
            self.a.op(Instr::StoreLocal(value));
        }
        for (index, value) in [(li, vj), (lj, vi)] {
            self.a.op(Instr::LoadLocal(0));
            self.a.op(Instr::LoadLocal(index));
            self.a.op(Instr::SliceElemPtr);
            self.a.op(Instr::LoadLocal(value));
            self.a.op(Instr::Store);
        }
    }
}
