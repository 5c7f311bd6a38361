//! Go 1.19's unstable and stable sorts, written in `sort_ir`'s little language line by line
//! after `sort/zsortinterface.go` (and its twin `zsortfunc.go`, whose functions carry a
//! `_func` suffix): pattern-defeating quicksort (`pdqsort`: insertion sort up to 12 elements,
//! `choosePivot` with Tukey's ninther from 50, `partialInsertionSort`, `partition`,
//! `partitionEqual`, `breakPatterns` with its xorshift generator, `heapSort` past the
//! recursion limit) and the in-place stable merge sort (`stable`: insertion-sorted blocks of
//! 20 merged by `symMerge` with `rotate`). Each Go function is a bytecode function of the same
//! name calling the others, so the sequence of `Less`/`Swap` calls, the resulting order of
//! equal elements and the stack of a race inside a user's `Less` are Go's. `order2`, `median`
//! and `medianAdjacent` (which take `swaps *int`) are expanded into `choosePivot`.

use super::sort::{Data, Names};
use super::sort_ir::{bump, k, l, less, not, when, while_, Compiler, S, X};
use super::Lowerer;
use crate::bytecode::{BinOp, Func, FuncId, ResultSlot};
use crate::diag::Span;
use crate::types::{Basic, TypeId, TypeTable};
use std::rc::Rc;

/// `pdqsort`'s sorted hints.
const INCREASING: i64 = 1;
const DECREASING: i64 = 2;

/// The generated functions of one data kind.
struct Fns {
    insertion: FuncId,
    heap: FuncId,
    sift_down: FuncId,
    pdqsort: FuncId,
    partition: FuncId,
    partition_equal: FuncId,
    partial_insertion: FuncId,
    break_patterns: FuncId,
    choose_pivot: FuncId,
    reverse_range: FuncId,
    stable: FuncId,
    sym_merge: FuncId,
    rotate: FuncId,
    swap_range: FuncId,
}

/// A function's shape: Go name, int parameters, results (`true` for a bool).
type Shape = (&'static str, u32, &'static [bool]);

const INSERTION: Shape = ("insertionSort", 2, &[]);
const HEAP: Shape = ("heapSort", 2, &[]);
const SIFT_DOWN: Shape = ("siftDown", 3, &[]);
const PDQSORT: Shape = ("pdqsort", 3, &[]);
const PARTITION: Shape = ("partition", 3, &[false, true]);
const PARTITION_EQUAL: Shape = ("partitionEqual", 3, &[false]);
const PARTIAL_INSERTION: Shape = ("partialInsertionSort", 2, &[true]);
const BREAK_PATTERNS: Shape = ("breakPatterns", 2, &[]);
const CHOOSE_PIVOT: Shape = ("choosePivot", 2, &[false, false]);
const REVERSE_RANGE: Shape = ("reverseRange", 2, &[]);
const STABLE: Shape = ("stable", 1, &[]);
const SYM_MERGE: Shape = ("symMerge", 3, &[]);
const ROTATE: Shape = ("rotate", 3, &[]);
const SWAP_RANGE: Shape = ("swapRange", 3, &[]);

/// `for { body }`.
fn forever(body: Vec<S>) -> S {
    while_(X::Bool(true), body)
}

/// `for ; c; post { body }`.
fn for_(c: X, body: Vec<S>, post: S) -> S {
    S::For(c, body, vec![post])
}

/// `t = bits.Len(uint(x))` with scratch local `s`.
fn bits_len(t: u32, x: X, s: u32) -> Vec<S> {
    vec![
        S::Set(t, k(0)),
        S::Set(s, x),
        while_(l(s).gt(k(0)), vec![bump(t, 1), S::Set(s, l(s).ushr(1))]),
    ]
}

impl Lowerer<'_> {
    /// The sort's entry point for `f` (`sort.Sort`, `Stable`, `Slice`, `SliceStable`, `Ints`,
    /// `Strings`, `Float64s`): its code and local count.
    pub(super) fn sort_entry(
        &mut self,
        f: crate::bytecode::LibFunc,
        data: Data,
        names: Names,
        params: &[TypeId],
        span: Span,
    ) -> (Vec<crate::bytecode::Instr>, u32) {
        use crate::bytecode::LibFunc as F;
        let fns = self.sort_fns(data, names, params, span);
        let d = data.locals();
        let (n, limit, s) = (d, d + 1, d + 2);
        let body = match f {
            F::SortStable | F::SortSliceStable => vec![S::Call(vec![], fns.stable, vec![X::Len])],
            _ => {
                let mut body = vec![S::Set(n, X::Len)];
                // `sort.Sort` (and `Ints` and its kind, which call it) returns for n <= 1;
                // `sort.Slice` calls pdqsort_func on any length.
                if data != Data::SliceLess {
                    body.push(when(l(n).le(k(1)), vec![S::Return(vec![])]));
                }
                body.extend(bits_len(limit, l(n), s));
                body.push(S::Call(vec![], fns.pdqsort, vec![k(0), l(n), l(limit)]));
                body
            }
        };
        Compiler::new(data, names, vec![], s + 1).finish(&body)
    }

    /// The generated functions for `data` whose first parameters have the types `params`
    /// starts with, made once per data kind and first type.
    fn sort_fns(&mut self, data: Data, names: Names, params: &[TypeId], span: Span) -> Fns {
        let invalid = TypeTable::basic(Basic::Invalid);
        let arg0 = params.first().copied().unwrap_or(invalid);
        let suffix = if data == Data::SliceLess { "_func" } else { "" };
        let name = |shape: Shape| format!("sort.{}{suffix}", shape.0);
        let existing = self
            .funcs
            .iter()
            .position(|f| *f.name == name(PDQSORT) && f.param_types.first() == Some(&arg0));
        if let Some(first) = existing {
            let id = |i: usize| FuncId((first + i) as u32);
            return Fns {
                pdqsort: id(0),
                insertion: id(1),
                heap: id(2),
                sift_down: id(3),
                partition: id(4),
                partition_equal: id(5),
                partial_insertion: id(6),
                break_patterns: id(7),
                choose_pivot: id(8),
                reverse_range: id(9),
                stable: id(10),
                sym_merge: id(11),
                rotate: id(12),
                swap_range: id(13),
            };
        }
        let shapes = [
            PDQSORT,
            INSERTION,
            HEAP,
            SIFT_DOWN,
            PARTITION,
            PARTITION_EQUAL,
            PARTIAL_INSERTION,
            BREAK_PATTERNS,
            CHOOSE_PIVOT,
            REVERSE_RANGE,
            STABLE,
            SYM_MERGE,
            ROTATE,
            SWAP_RANGE,
        ];
        let ids: Vec<FuncId> = shapes
            .iter()
            .map(|s| self.reserve(&name(*s), span))
            .collect();
        let fns = Fns {
            pdqsort: ids[0],
            insertion: ids[1],
            heap: ids[2],
            sift_down: ids[3],
            partition: ids[4],
            partition_equal: ids[5],
            partial_insertion: ids[6],
            break_patterns: ids[7],
            choose_pivot: ids[8],
            reverse_range: ids[9],
            stable: ids[10],
            sym_merge: ids[11],
            rotate: ids[12],
            swap_range: ids[13],
        };
        let d = data.locals();
        let bodies = [
            pdqsort(&fns, d),
            insertion_sort(d),
            heap_sort(&fns, d),
            sift_down(d),
            partition(d),
            partition_equal(d),
            partial_insertion_sort(d),
            break_patterns(d),
            choose_pivot(d),
            reverse_range(d),
            stable(&fns, d),
            sym_merge(&fns, d),
            rotate(&fns, d),
            swap_range(d),
        ];
        let int = TypeTable::basic(Basic::Int);
        let boolean = TypeTable::basic(Basic::Bool);
        let data_types: Vec<TypeId> = (0..d as usize)
            .map(|i| params.get(i).copied().unwrap_or(invalid))
            .collect();
        let swapper = match data {
            Data::SliceLess => Some(self.swapper_func(arg0, span)),
            _ => None,
        };
        for ((shape, id), body) in shapes.iter().zip(&ids).zip(bodies) {
            let (_, nparams, results) = *shape;
            let params = d + nparams;
            let result_locals: Vec<u32> = (params..params + results.len() as u32).collect();
            let mut compiler = Compiler::new(data, names, result_locals.clone(), body.0);
            if let Some(f) = swapper {
                compiler = compiler.with_swapper(f);
            }
            let (code, locals) = compiler.finish(&body.1);
            let mut param_types = data_types.clone();
            param_types.extend((0..nparams).map(|_| int));
            self.funcs[id.0 as usize] = Func {
                name: Rc::from(name(*shape)),
                span,
                params,
                param_types,
                results: results
                    .iter()
                    .map(|&b| if b { boolean } else { int })
                    .collect(),
                result_slots: result_locals.into_iter().map(ResultSlot::Local).collect(),
                locals,
                captures: 0,
                variadic: false,
                spans: vec![span; code.len()],
                code,
                wrapper: false,
            };
        }
        fns
    }
}

impl Lowerer<'_> {
    /// The size and alignment of a value of type `t` in Go (amd64), and whether it holds
    /// pointers; `None` for a type racemap cannot lay out.
    fn go_layout(&self, t: TypeId) -> Option<(u64, u64, bool)> {
        use crate::types::TypeKind as K;
        Some(match self.types.under(t) {
            K::Basic(b) => match b {
                Basic::Bool | Basic::Int8 | Basic::Uint8 => (1, 1, false),
                Basic::Int16 | Basic::Uint16 => (2, 2, false),
                Basic::Int32 | Basic::Uint32 | Basic::Float32 => (4, 4, false),
                Basic::String => (16, 8, true),
                Basic::Invalid => return None,
                _ => (8, 8, false),
            },
            K::Pointer(_) | K::Map(..) | K::Chan(..) | K::Func(_) => (8, 8, true),
            K::Slice(_) => (24, 8, true),
            K::Interface(_) => (16, 8, true),
            K::Array(n, e) => {
                let (size, align, ptr) = self.go_layout(*e)?;
                (size * n, align, ptr && *n > 0)
            }
            K::Struct(fields) => {
                let (mut size, mut align, mut ptr) = (0u64, 1u64, false);
                for f in fields {
                    let (s, a, p) = self.go_layout(f.ty)?;
                    size = size.div_ceil(a) * a + s;
                    align = align.max(a);
                    ptr |= p;
                }
                (size.div_ceil(align) * align, align, ptr)
            }
            _ => return None,
        })
    }

    /// `sort.Slice`'s swap for slices of type `slice`: the closure Go 1.19's
    /// `reflectlite.Swapper` returns for the element type (`Swapper.func3` for a pointer,
    /// `func4` a string, `func5` … `func8` 8, 4, 2, 1 bytes without pointers:
    /// `is[i], is[j] = is[j], is[i]`), or its general case's `typedmemmove`s, whose frame
    /// Go's reports show as `internal/reflectlite.typedmemmove` (read x[i], read x[j] and
    /// write x[i], write x[j]). Locals: 0 the slice, 1 i, 2 j, 3 and 4 the elements.
    fn swapper_func(&mut self, slice: TypeId, span: Span) -> FuncId {
        let elem = match self.types.under(slice) {
            crate::types::TypeKind::Slice(e) => Some(*e),
            _ => None,
        };
        let layout = elem.and_then(|e| self.go_layout(e));
        let is_string = elem.is_some_and(|e| {
            matches!(
                self.types.under(e),
                crate::types::TypeKind::Basic(Basic::String)
            )
        });
        let name = match layout {
            Some((8, _, true)) => "internal/reflectlite.Swapper.func3",
            _ if is_string => "internal/reflectlite.Swapper.func4",
            Some((8, _, false)) => "internal/reflectlite.Swapper.func5",
            Some((4, _, false)) => "internal/reflectlite.Swapper.func6",
            Some((2, _, false)) => "internal/reflectlite.Swapper.func7",
            Some((1, _, false)) => "internal/reflectlite.Swapper.func8",
            _ => "internal/reflectlite.typedmemmove",
        };
        if let Some(i) = self
            .funcs
            .iter()
            .position(|f| *f.name == *name && f.param_types.first() == Some(&slice))
        {
            return FuncId(i as u32);
        }
        let id = self.reserve(name, span);
        let memmove = name.ends_with("typedmemmove");
        let mut a = super::sort::Asm::new();
        let (x, i, j, vi, vj) = (0, 1, 2, 3, 4);
        let reads = if memmove {
            [(i, vi), (j, vj)]
        } else {
            [(j, vj), (i, vi)]
        };
        for (index, value) in reads {
            a.elem(x, index, false);
            a.op(crate::bytecode::Instr::StoreLocal(value));
        }
        for (index, value) in [(i, vj), (j, vi)] {
            a.op(crate::bytecode::Instr::LoadLocal(x));
            a.op(crate::bytecode::Instr::LoadLocal(index));
            a.op(crate::bytecode::Instr::SliceElemPtr);
            a.op(crate::bytecode::Instr::LoadLocal(value));
            a.op(crate::bytecode::Instr::Store);
        }
        a.op(crate::bytecode::Instr::Return);
        let code = a.finish();
        let int = TypeTable::basic(Basic::Int);
        self.funcs[id.0 as usize] = Func {
            name: Rc::from(name),
            span,
            params: 3,
            param_types: vec![slice, int, int],
            results: Vec::new(),
            result_slots: Vec::new(),
            locals: 5,
            captures: 0,
            variadic: false,
            spans: vec![span; code.len()],
            code,
            wrapper: false,
        };
        id
    }
}

/// A body: the first scratch local after its named locals, and its statements.
type Body = (u32, Vec<S>);

/// `insertionSort(data, a, b)`.
fn insertion_sort(d: u32) -> Body {
    let (a, b, i, j) = (d, d + 1, d + 2, d + 3);
    let inner = for_(
        l(j).gt(l(a)).and(less(l(j), l(j).sub(k(1)))),
        vec![S::Swap(l(j), l(j).sub(k(1)))],
        bump(j, -1),
    );
    let body = vec![
        S::Set(i, l(a).add(k(1))),
        for_(l(i).lt(l(b)), vec![S::Set(j, l(i)), inner], bump(i, 1)),
    ];
    (j + 1, body)
}

/// `siftDown(data, lo, hi, first)`.
fn sift_down(d: u32) -> Body {
    let (lo, hi, first, root, child) = (d, d + 1, d + 2, d + 3, d + 4);
    let at = |x: u32| l(first).add(l(x));
    let body = vec![
        S::Set(root, l(lo)),
        forever(vec![
            S::Set(child, k(2).mul(l(root)).add(k(1))),
            when(l(child).ge(l(hi)), vec![S::Break]),
            when(
                l(child)
                    .add(k(1))
                    .lt(l(hi))
                    .and(less(at(child), at(child).add(k(1)))),
                vec![bump(child, 1)],
            ),
            when(not(less(at(root), at(child))), vec![S::Return(vec![])]),
            S::Swap(at(root), at(child)),
            S::Set(root, l(child)),
        ]),
    ];
    (child + 1, body)
}

/// `heapSort(data, a, b)`.
fn heap_sort(fns: &Fns, d: u32) -> Body {
    let (a, b, first, lo, hi, i) = (d, d + 1, d + 2, d + 3, d + 4, d + 5);
    let body = vec![
        S::Set(first, l(a)),
        S::Set(lo, k(0)),
        S::Set(hi, l(b).sub(l(a))),
        S::Set(i, l(hi).sub(k(1)).div(k(2))),
        for_(
            l(i).ge(k(0)),
            vec![S::Call(vec![], fns.sift_down, vec![l(i), l(hi), l(first)])],
            bump(i, -1),
        ),
        S::Set(i, l(hi).sub(k(1))),
        for_(
            l(i).ge(k(0)),
            vec![
                S::Swap(l(first), l(first).add(l(i))),
                S::Call(vec![], fns.sift_down, vec![l(lo), l(i), l(first)]),
            ],
            bump(i, -1),
        ),
    ];
    (i + 1, body)
}

/// `pdqsort(data, a, b, limit)`.
fn pdqsort(fns: &Fns, d: u32) -> Body {
    let (a, b, limit) = (d, d + 1, d + 2);
    let (balanced, partitioned, length, pivot, hint) = (d + 3, d + 4, d + 5, d + 6, d + 7);
    let (mid, already, left, right, threshold, sorted) =
        (d + 8, d + 9, d + 10, d + 11, d + 12, d + 13);
    let range = || vec![l(a), l(b)];
    let body = vec![
        S::Set(balanced, X::Bool(true)),
        S::Set(partitioned, X::Bool(true)),
        forever(vec![
            S::Set(length, l(b).sub(l(a))),
            when(
                l(length).le(k(12)),
                vec![S::Call(vec![], fns.insertion, range()), S::Return(vec![])],
            ),
            when(
                l(limit).eq(k(0)),
                vec![S::Call(vec![], fns.heap, range()), S::Return(vec![])],
            ),
            when(
                not(l(balanced)),
                vec![
                    S::Call(vec![], fns.break_patterns, range()),
                    bump(limit, -1),
                ],
            ),
            S::Call(vec![pivot, hint], fns.choose_pivot, range()),
            when(
                l(hint).eq(k(DECREASING)),
                vec![
                    S::Call(vec![], fns.reverse_range, range()),
                    S::Set(pivot, l(b).sub(k(1)).sub(l(pivot).sub(l(a)))),
                    S::Set(hint, k(INCREASING)),
                ],
            ),
            when(
                l(balanced)
                    .and(l(partitioned))
                    .and(l(hint).eq(k(INCREASING))),
                vec![
                    S::Call(vec![sorted], fns.partial_insertion, range()),
                    when(l(sorted), vec![S::Return(vec![])]),
                ],
            ),
            when(
                l(a).gt(k(0)).and(not(less(l(a).sub(k(1)), l(pivot)))),
                vec![
                    S::Call(vec![mid], fns.partition_equal, vec![l(a), l(b), l(pivot)]),
                    S::Set(a, l(mid)),
                    S::Continue,
                ],
            ),
            S::Call(
                vec![mid, already],
                fns.partition,
                vec![l(a), l(b), l(pivot)],
            ),
            S::Set(partitioned, l(already)),
            S::Set(left, l(mid).sub(l(a))),
            S::Set(right, l(b).sub(l(mid))),
            S::Set(threshold, l(length).div(k(8))),
            S::If(
                l(left).lt(l(right)),
                vec![
                    S::Set(balanced, l(left).ge(l(threshold))),
                    S::Call(vec![], fns.pdqsort, vec![l(a), l(mid), l(limit)]),
                    S::Set(a, l(mid).add(k(1))),
                ],
                vec![
                    S::Set(balanced, l(right).ge(l(threshold))),
                    S::Call(vec![], fns.pdqsort, vec![l(mid).add(k(1)), l(b), l(limit)]),
                    S::Set(b, l(mid)),
                ],
            ),
        ]),
    ];
    (sorted + 1, body)
}

/// `i++; j--`.
fn step(i: u32, j: u32) -> [S; 2] {
    [bump(i, 1), bump(j, -1)]
}

/// `partition(data, a, b, pivot) (newpivot int, alreadyPartitioned bool)`.
fn partition(d: u32) -> Body {
    let (a, b, pivot, i, j) = (d, d + 1, d + 2, d + 5, d + 6);
    let scan = || {
        vec![
            while_(l(i).le(l(j)).and(less(l(i), l(a))), vec![bump(i, 1)]),
            while_(l(i).le(l(j)).and(not(less(l(j), l(a)))), vec![bump(j, -1)]),
        ]
    };
    let mut body = vec![
        S::Swap(l(a), l(pivot)),
        S::Set(i, l(a).add(k(1))),
        S::Set(j, l(b).sub(k(1))),
    ];
    body.extend(scan());
    body.push(when(
        l(i).gt(l(j)),
        vec![S::Swap(l(j), l(a)), S::Return(vec![l(j), X::Bool(true)])],
    ));
    body.push(S::Swap(l(i), l(j)));
    body.extend(step(i, j));
    let mut inner = scan();
    inner.push(when(l(i).gt(l(j)), vec![S::Break]));
    inner.push(S::Swap(l(i), l(j)));
    inner.extend(step(i, j));
    body.push(forever(inner));
    body.push(S::Swap(l(j), l(a)));
    body.push(S::Return(vec![l(j), X::Bool(false)]));
    (j + 1, body)
}

/// `partitionEqual(data, a, b, pivot) (newpivot int)`.
fn partition_equal(d: u32) -> Body {
    let (a, b, pivot, i, j) = (d, d + 1, d + 2, d + 4, d + 5);
    let mut inner = vec![
        while_(l(i).le(l(j)).and(not(less(l(a), l(i)))), vec![bump(i, 1)]),
        while_(l(i).le(l(j)).and(less(l(a), l(j))), vec![bump(j, -1)]),
        when(l(i).gt(l(j)), vec![S::Break]),
        S::Swap(l(i), l(j)),
    ];
    inner.extend(step(i, j));
    let body = vec![
        S::Swap(l(a), l(pivot)),
        S::Set(i, l(a).add(k(1))),
        S::Set(j, l(b).sub(k(1))),
        forever(inner),
        S::Return(vec![l(i)]),
    ];
    (j + 1, body)
}

/// `partialInsertionSort(data, a, b) bool` (maxSteps 5, shortestShifting 50; its shifting
/// loop to the left runs down to index 1, not to `a`, as Go 1.19's does).
fn partial_insertion_sort(d: u32) -> Body {
    let (a, b, i, n, j) = (d, d + 1, d + 3, d + 4, d + 5);
    let shift = |start: X, cond: X, dir: i64| {
        vec![
            S::Set(j, start),
            for_(
                cond,
                vec![
                    when(not(less(l(j), l(j).sub(k(1)))), vec![S::Break]),
                    S::Swap(l(j), l(j).sub(k(1))),
                ],
                bump(j, dir),
            ),
        ]
    };
    let body = vec![
        S::Set(i, l(a).add(k(1))),
        S::Set(n, k(0)),
        for_(
            l(n).lt(k(5)),
            vec![
                while_(
                    l(i).lt(l(b)).and(not(less(l(i), l(i).sub(k(1))))),
                    vec![bump(i, 1)],
                ),
                when(l(i).eq(l(b)), vec![S::Return(vec![X::Bool(true)])]),
                when(
                    l(b).sub(l(a)).lt(k(50)),
                    vec![S::Return(vec![X::Bool(false)])],
                ),
                S::Swap(l(i), l(i).sub(k(1))),
                when(
                    l(i).sub(l(a)).ge(k(2)),
                    shift(l(i).sub(k(1)), l(j).ge(k(1)), -1),
                ),
                when(
                    l(b).sub(l(i)).ge(k(2)),
                    shift(l(i).add(k(1)), l(j).lt(l(b)), 1),
                ),
            ],
            bump(n, 1),
        ),
        S::Return(vec![X::Bool(false)]),
    ];
    (j + 1, body)
}

/// `breakPatterns(data, a, b)`: three swaps with positions from `xorshift(length)`.
fn break_patterns(d: u32) -> Body {
    let (a, b, length, random, modulus, idx, other, bits, s) =
        (d, d + 1, d + 2, d + 3, d + 4, d + 5, d + 6, d + 7, d + 8);
    let quarter = || l(length).div(k(4)).mul(k(2));
    let xor_shift =
        |op: BinOp, n: i64| S::Set(random, l(random).u64(BinOp::Xor, l(random).u64(op, k(n))));
    let mut then = bits_len(bits, l(length), s);
    then.extend([
        S::Set(random, l(length)),
        S::Set(modulus, k(1).u64(BinOp::Shl, l(bits))),
        S::Set(idx, l(a).add(quarter()).sub(k(1))),
        for_(
            l(idx).le(l(a).add(quarter()).add(k(1))),
            vec![
                xor_shift(BinOp::Shl, 13),
                xor_shift(BinOp::Shr, 17),
                xor_shift(BinOp::Shl, 5),
                S::Set(other, l(random).u64(BinOp::And, l(modulus).sub(k(1)))),
                when(
                    l(other).ge(l(length)),
                    vec![S::Set(other, l(other).sub(l(length)))],
                ),
                S::Swap(l(idx), l(a).add(l(other))),
            ],
            bump(idx, 1),
        ),
    ]);
    let body = vec![
        S::Set(length, l(b).sub(l(a))),
        when(l(length).ge(k(8)), then),
    ];
    (s + 1, body)
}

/// `choosePivot(data, a, b) (pivot int, hint sortedHint)` with `median` and `order2` expanded.
fn choose_pivot(d: u32) -> Body {
    let (a, b, n, swaps, i, j, kk) = (d, d + 1, d + 4, d + 5, d + 6, d + 7, d + 8);
    let (ma, mb, mc, t) = (d + 9, d + 10, d + 11, d + 12);
    // a, b = order2(data, a, b, swaps)
    let order2 = |p: u32, q: u32| {
        when(
            less(l(q), l(p)),
            vec![
                bump(swaps, 1),
                S::Set(t, l(p)),
                S::Set(p, l(q)),
                S::Set(q, l(t)),
            ],
        )
    };
    let median = |target: u32, x: X, y: X, z: X| {
        vec![
            S::Set(ma, x),
            S::Set(mb, y),
            S::Set(mc, z),
            order2(ma, mb),
            order2(mb, mc),
            order2(ma, mb),
            S::Set(target, l(mb)),
        ]
    };
    let adjacent = |v: u32| median(v, l(v).sub(k(1)), l(v), l(v).add(k(1)));
    let mut ninther = adjacent(i);
    ninther.extend(adjacent(j));
    ninther.extend(adjacent(kk));
    let mut then = vec![when(l(n).ge(k(50)), ninther)];
    then.extend(median(j, l(i), l(j), l(kk)));
    let at = |q: i64| l(a).add(l(n).div(k(4)).mul(k(q)));
    let body = vec![
        S::Set(n, l(b).sub(l(a))),
        S::Set(swaps, k(0)),
        S::Set(i, at(1)),
        S::Set(j, at(2)),
        S::Set(kk, at(3)),
        when(l(n).ge(k(8)), then),
        S::If(
            l(swaps).eq(k(0)),
            vec![S::Return(vec![l(j), k(INCREASING)])],
            vec![S::If(
                l(swaps).eq(k(12)),
                vec![S::Return(vec![l(j), k(DECREASING)])],
                vec![S::Return(vec![l(j), k(0)])],
            )],
        ),
    ];
    (t + 1, body)
}

/// `reverseRange(data, a, b)`.
fn reverse_range(d: u32) -> Body {
    let (a, b, i, j) = (d, d + 1, d + 2, d + 3);
    let mut inner = vec![S::Swap(l(i), l(j))];
    inner.extend(step(i, j));
    let body = vec![
        S::Set(i, l(a)),
        S::Set(j, l(b).sub(k(1))),
        while_(l(i).lt(l(j)), inner),
    ];
    (j + 1, body)
}

/// `swapRange(data, a, b, n)`.
fn swap_range(d: u32) -> Body {
    let (a, b, n, i) = (d, d + 1, d + 2, d + 3);
    let body = vec![
        S::Set(i, k(0)),
        for_(
            l(i).lt(l(n)),
            vec![S::Swap(l(a).add(l(i)), l(b).add(l(i)))],
            bump(i, 1),
        ),
    ];
    (i + 1, body)
}

/// `stable(data, n)`.
fn stable(fns: &Fns, d: u32) -> Body {
    let (n, size, a, b, m) = (d, d + 1, d + 2, d + 3, d + 4);
    let body = vec![
        S::Set(size, k(20)),
        S::Set(a, k(0)),
        S::Set(b, l(size)),
        while_(
            l(b).le(l(n)),
            vec![
                S::Call(vec![], fns.insertion, vec![l(a), l(b)]),
                S::Set(a, l(b)),
                S::Set(b, l(b).add(l(size))),
            ],
        ),
        S::Call(vec![], fns.insertion, vec![l(a), l(n)]),
        while_(
            l(size).lt(l(n)),
            vec![
                S::Set(a, k(0)),
                S::Set(b, k(2).mul(l(size))),
                while_(
                    l(b).le(l(n)),
                    vec![
                        S::Call(vec![], fns.sym_merge, vec![l(a), l(a).add(l(size)), l(b)]),
                        S::Set(a, l(b)),
                        S::Set(b, l(b).add(k(2).mul(l(size)))),
                    ],
                ),
                S::Set(m, l(a).add(l(size))),
                when(
                    l(m).lt(l(n)),
                    vec![S::Call(vec![], fns.sym_merge, vec![l(a), l(m), l(n)])],
                ),
                S::Set(size, l(size).mul(k(2))),
            ],
        ),
    ];
    (m + 1, body)
}

/// `h := int(uint(i+j) >> 1); if cond(h) { i = h + 1 } else { j = h }` while `i < j`.
fn bisect(i: u32, j: u32, h: u32, go_right: X) -> S {
    while_(
        l(i).lt(l(j)),
        vec![
            S::Set(h, l(i).add(l(j)).ushr(1)),
            S::If(
                go_right,
                vec![S::Set(i, l(h).add(k(1)))],
                vec![S::Set(j, l(h))],
            ),
        ],
    )
}

/// `symMerge(data, a, m, b)`.
fn sym_merge(fns: &Fns, d: u32) -> Body {
    let (a, m, b, i, j, h, kk) = (d, d + 1, d + 2, d + 3, d + 4, d + 5, d + 6);
    let (mid, n, start, r, p, c, end) = (d + 7, d + 8, d + 9, d + 10, d + 11, d + 12, d + 13);
    let body = vec![
        when(
            l(m).sub(l(a)).eq(k(1)),
            vec![
                S::Set(i, l(m)),
                S::Set(j, l(b)),
                bisect(i, j, h, less(l(h), l(a))),
                S::Set(kk, l(a)),
                for_(
                    l(kk).lt(l(i).sub(k(1))),
                    vec![S::Swap(l(kk), l(kk).add(k(1)))],
                    bump(kk, 1),
                ),
                S::Return(vec![]),
            ],
        ),
        when(
            l(b).sub(l(m)).eq(k(1)),
            vec![
                S::Set(i, l(a)),
                S::Set(j, l(m)),
                bisect(i, j, h, not(less(l(m), l(h)))),
                S::Set(kk, l(m)),
                for_(
                    l(kk).gt(l(i)),
                    vec![S::Swap(l(kk), l(kk).sub(k(1)))],
                    bump(kk, -1),
                ),
                S::Return(vec![]),
            ],
        ),
        S::Set(mid, l(a).add(l(b)).ushr(1)),
        S::Set(n, l(mid).add(l(m))),
        S::If(
            l(m).gt(l(mid)),
            vec![S::Set(start, l(n).sub(l(b))), S::Set(r, l(mid))],
            vec![S::Set(start, l(a)), S::Set(r, l(m))],
        ),
        S::Set(p, l(n).sub(k(1))),
        bisect(start, r, c, not(less(l(p).sub(l(c)), l(c)))),
        S::Set(end, l(n).sub(l(start))),
        when(
            l(start).lt(l(m)).and(l(m).lt(l(end))),
            vec![S::Call(vec![], fns.rotate, vec![l(start), l(m), l(end)])],
        ),
        when(
            l(a).lt(l(start)).and(l(start).lt(l(mid))),
            vec![S::Call(vec![], fns.sym_merge, vec![l(a), l(start), l(mid)])],
        ),
        when(
            l(mid).lt(l(end)).and(l(end).lt(l(b))),
            vec![S::Call(vec![], fns.sym_merge, vec![l(mid), l(end), l(b)])],
        ),
    ];
    (end + 1, body)
}

/// `rotate(data, a, m, b)`.
fn rotate(fns: &Fns, d: u32) -> Body {
    let (a, m, b, i, j) = (d, d + 1, d + 2, d + 3, d + 4);
    let body = vec![
        S::Set(i, l(m).sub(l(a))),
        S::Set(j, l(b).sub(l(m))),
        while_(
            l(i).ne(l(j)),
            vec![S::If(
                l(i).gt(l(j)),
                vec![
                    S::Call(vec![], fns.swap_range, vec![l(m).sub(l(i)), l(m), l(j)]),
                    S::Set(i, l(i).sub(l(j))),
                ],
                vec![
                    S::Call(
                        vec![],
                        fns.swap_range,
                        vec![l(m).sub(l(i)), l(m).add(l(j)).sub(l(i)), l(i)],
                    ),
                    S::Set(j, l(j).sub(l(i))),
                ],
            )],
        ),
        S::Call(vec![], fns.swap_range, vec![l(m).sub(l(i)), l(m), l(i)]),
    ];
    (j + 1, body)
}
