//! The types of package `sort` whose methods are Go code: `IntSlice`, `StringSlice`,
//! `Float64Slice` (`Len`, `Less`, `Swap`, `Sort`, `Search`) and the hidden `reverse` that
//! `sort.Reverse` returns (`struct{ Interface }` whose `Less(i, j)` is `Interface.Less(j, i)`;
//! `Len` and `Swap` are promoted from the embedded interface). Each method is compiled to
//! bytecode after Go 1.19's `sort/sort.go`, so its reads and writes of the slice's elements are
//! the program's own memory accesses (the race detector sees them, as it sees Go's
//! instrumented `sort`), and registered in [`crate::bytecode::Program::methods`] for every type
//! the program converts to an interface, so that `sort.Sort(sort.IntSlice(x))` and
//! `sort.Sort(sort.Reverse(x))` dispatch to them.

use super::sort::{search, Asm};
use super::Lowerer;
use crate::bytecode::{BinOp, Func, FuncId, Instr, LibFunc, Method, ResultSlot};
use crate::diag::Span;
use crate::types::{Basic, TypeId, TypeKind, TypeTable};
use litemap::LiteMap;
use std::rc::Rc;

/// The sort slice types: (type name, element type, methods in table order).
const SLICE_TYPES: [(&str, Basic, [LibFunc; 5]); 3] = [
    (
        "IntSlice",
        Basic::Int,
        [
            LibFunc::IntSliceLen,
            LibFunc::IntSliceLess,
            LibFunc::IntSliceSwap,
            LibFunc::IntSliceSort,
            LibFunc::IntSliceSearch,
        ],
    ),
    (
        "StringSlice",
        Basic::String,
        [
            LibFunc::StringSliceLen,
            LibFunc::StringSliceLess,
            LibFunc::StringSliceSwap,
            LibFunc::StringSliceSort,
            LibFunc::StringSliceSearch,
        ],
    ),
    (
        "Float64Slice",
        Basic::Float64,
        [
            LibFunc::Float64SliceLen,
            LibFunc::Float64SliceLess,
            LibFunc::Float64SliceSwap,
            LibFunc::Float64SliceSort,
            LibFunc::Float64SliceSearch,
        ],
    ),
];

/// The slice type, element type and method index of a compiled `sort` method.
fn slice_method(f: LibFunc) -> Option<(&'static str, Basic, usize)> {
    SLICE_TYPES.iter().find_map(|(name, elem, methods)| {
        methods
            .iter()
            .position(|&m| m == f)
            .map(|i| (*name, *elem, i))
    })
}

impl Lowerer<'_> {
    /// The named type `sort.NAME` of the checker's table.
    fn sort_named(&self, name: &str) -> Option<TypeId> {
        (0..self.types.len() as u32)
            .map(TypeId::from_index)
            .find(|&t| {
                matches!(self.types.kind(t), TypeKind::Named { name: n, pkg, .. }
                if n == name && pkg == "sort")
            })
    }

    /// `sort.reverse` (`struct{ Interface }`), made on first use.
    fn reverse_type(&mut self) -> TypeId {
        if let Some(t) = self.sort_named("reverse") {
            return t;
        }
        let iface = self
            .sort_named("Interface")
            .unwrap_or(TypeTable::basic(Basic::Invalid));
        let t = self.types.new_named("reverse", "sort");
        let under = self
            .types
            .intern(TypeKind::Struct(vec![crate::types::Field {
                name: "Interface".to_string(),
                ty: iface,
                embedded: true,
            }]));
        self.types.set_underlying(t, under);
        t
    }

    /// `sort.Reverse`'s body: `return &reverse{data}` (locals: 0 data, 1 the result).
    pub(super) fn reverse_code(&mut self) -> Vec<Instr> {
        let rev = self.reverse_type();
        let ptr = self.types.intern(TypeKind::Pointer(rev));
        vec![
            Instr::LoadLocal(0),
            Instr::MakeStruct(1),
            Instr::Box(rev),
            Instr::ToIface(ptr),
            Instr::StoreLocal(1),
            Instr::Return,
        ]
    }

    /// The compiled method `f` of `sort.IntSlice`, `StringSlice` or `Float64Slice`, made once;
    /// `None` for any other function.
    pub fn sort_method_func(&mut self, f: LibFunc, span: Span) -> Option<FuncId> {
        let (type_name, elem, index) = slice_method(f)?;
        let invalid = TypeTable::basic(Basic::Invalid);
        if let Some(&id) = self.sort_funcs.get(&(f, invalid)) {
            return Some(id);
        }
        let recv = self.sort_named(type_name)?;
        let int = TypeTable::basic(Basic::Int);
        let boolean = TypeTable::basic(Basic::Bool);
        let id = self.reserve(&f.go_name(), span);
        self.sort_funcs.insert((f, invalid), id);
        let (params, results, code, locals) = match index {
            // Len: return len(x)
            0 => (
                vec![recv],
                vec![int],
                vec![
                    Instr::LoadLocal(0),
                    Instr::Len,
                    Instr::StoreLocal(1),
                    Instr::Return,
                ],
                2,
            ),
            1 => (vec![recv, int, int], vec![boolean], less_code(elem), 6),
            2 => (vec![recv, int, int], vec![], swap_code(), 5),
            // Sort: sort.Sort(x)
            3 => {
                let iface = self.sort_named("Interface").unwrap_or(invalid);
                let sort = self.sort_func(LibFunc::SortSort, vec![iface], span);
                let code = vec![
                    Instr::LoadLocal(0),
                    Instr::ToIface(recv),
                    Instr::Call {
                        func: sort,
                        argc: 1,
                    },
                    Instr::Return,
                ];
                (vec![recv], vec![], code, 1)
            }
            // Search(x): SearchInts(x, v) and its kind.
            _ => (
                vec![recv, TypeTable::basic(elem)],
                vec![int],
                search(Some(elem)),
                6,
            ),
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
        Some(id)
    }

    /// `sort.reverse.Less` (locals: 0 the reverse value, 1 i, 2 j, 3 the result).
    fn reverse_less(&mut self, rev: TypeId) -> FuncId {
        let name = "sort.reverse.Less";
        if let Some(i) = self.funcs.iter().position(|f| &*f.name == name) {
            return FuncId(i as u32);
        }
        let span = Span::default();
        let id = self.reserve(name, span);
        let less = self.string("Less");
        let code = vec![
            Instr::LoadLocal(0),
            Instr::Field(0),
            Instr::LoadLocal(2),
            Instr::LoadLocal(1),
            Instr::CallIface {
                name: less,
                argc: 2,
                results: 1,
            },
            Instr::StoreLocal(3),
            Instr::Return,
        ];
        let int = TypeTable::basic(Basic::Int);
        self.funcs[id.0 as usize] = Func {
            name: Rc::from(name),
            span,
            params: 3,
            param_types: vec![rev, int, int],
            results: vec![TypeTable::basic(Basic::Bool)],
            result_slots: vec![ResultSlot::Local(3)],
            locals: 4,
            captures: 0,
            variadic: false,
            spans: vec![span; code.len()],
            code,
            wrapper: false,
        };
        id
    }

    /// Register the methods of the `sort` types the program converts to interfaces (a value or
    /// a pointer), compiling them first where needed.
    pub(super) fn register_sort_methods(
        &mut self,
        methods: &mut LiteMap<(TypeId, String), Method>,
    ) {
        let mut boxed = LiteMap::new_vec();
        for f in &self.funcs {
            for ins in &f.code {
                if let Instr::ToIface(t) = ins {
                    let base = match self.types.kind(*t) {
                        TypeKind::Pointer(b) => *b,
                        _ => *t,
                    };
                    if let TypeKind::Named { pkg, name, .. } = self.types.kind(base) {
                        if pkg == "sort" {
                            boxed.insert((base, name.clone()), ());
                        }
                    }
                }
            }
        }
        for ((t, name), ()) in boxed {
            let mut found: Vec<(String, FuncId)> = Vec::new();
            if name == "reverse" {
                found.push(("Less".to_string(), self.reverse_less(t)));
            } else if let Some((_, _, fs)) = SLICE_TYPES.iter().find(|(n, ..)| *n == name) {
                for f in fs {
                    if let Some(id) = self.sort_method_func(*f, Span::default()) {
                        found.push((f.spec().name.to_string(), id));
                    }
                }
            }
            let ptr = self.types.intern(TypeKind::Pointer(t));
            for (m, func) in found {
                let entry = |deref_recv| Method { func, deref_recv };
                methods.insert((t, m.clone()), entry(false));
                methods.insert((ptr, m), entry(true));
            }
        }
    }
}

/// `Less(i, j)`: `x[i] < x[j]` (`Float64Slice`: `|| isNaN(x[i]) && !isNaN(x[j])`); locals 0 x,
/// 1 i, 2 j, 3 the result, 4 and 5 the elements.
fn less_code(elem: Basic) -> Vec<Instr> {
    let (xi, xj) = (4, 5);
    let mut a = Asm::new();
    a.elem(0, 1, false);
    a.op(Instr::StoreLocal(xi));
    a.elem(0, 2, false);
    a.op(Instr::StoreLocal(xj));
    a.op(Instr::LoadLocal(xi));
    a.op(Instr::LoadLocal(xj));
    a.op(Instr::Binary(BinOp::Lt, elem));
    if elem == Basic::Float64 {
        let done = a.label();
        a.op(Instr::Dup);
        a.jump(Instr::JumpIf(0), done);
        a.op(Instr::Pop);
        // isNaN(x[i]): x[i] != x[i]
        a.op(Instr::LoadLocal(xi));
        a.op(Instr::LoadLocal(xi));
        a.op(Instr::Ne);
        a.op(Instr::Dup);
        a.jump(Instr::JumpIfNot(0), done);
        a.op(Instr::Pop);
        // !isNaN(x[j]): x[j] == x[j]
        a.op(Instr::LoadLocal(xj));
        a.op(Instr::LoadLocal(xj));
        a.op(Instr::Eq);
        a.place(done);
    }
    a.op(Instr::StoreLocal(3));
    a.op(Instr::Return);
    a.finish()
}

/// `Swap(i, j)`: `x[i], x[j] = x[j], x[i]` (reads x[j], then x[i]; writes x[i], then x[j]);
/// locals 0 x, 1 i, 2 j, 3 and 4 the elements.
fn swap_code() -> Vec<Instr> {
    let mut a = Asm::new();
    a.elem(0, 2, false);
    a.op(Instr::StoreLocal(3));
    a.elem(0, 1, false);
    a.op(Instr::StoreLocal(4));
    for (index, value) in [(1, 3), (2, 4)] {
        a.op(Instr::LoadLocal(0));
        a.op(Instr::LoadLocal(index));
        a.op(Instr::SliceElemPtr);
        a.op(Instr::LoadLocal(value));
        a.op(Instr::Store);
    }
    a.op(Instr::Return);
    a.finish()
}
