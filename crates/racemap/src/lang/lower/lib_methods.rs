//! Go's method wrappers of the library's named types that the program converts to interfaces
//! (`var s interface{ Stop() bool } = time.NewTimer(d)`, `var st fmt.Stringer = time.Second`),
//! registered in the program's method sets so that dynamic dispatch (`rt::interp::dispatch`),
//! type assertions and fmt's `String()` find them as they find the program's own methods.
//!
//! Algorithm: scan the lowered code for `ToIface` of such a type `T` or `*T`; for each type
//! found (in first-seen order), compile one wrapper per method
//! ([`Info::lib_struct_methods`](crate::lang::check::info::Info::lib_struct_methods)) whose
//! parameter 0 is the receiver as the method set has it (`*Timer`, `Duration`): it passes the
//! receiver exactly as a direct call does — the address of the hidden field 1 for a Timer's,
//! Ticker's or Cond's notify-list methods (`&t.r`: `FieldPtr(1)`, which panics on a nil
//! pointer as Go's `t.r` does), else the receiver itself — then the arguments, and makes the
//! same library call (or the compiled `Cond.Wait`/`Rand.Shuffle`). A value method is listed
//! under `T` and, dereferenced, under `*T`, as the program's value methods are.

use super::Lowerer;
use crate::bytecode::{Func, FuncId, Instr, LibFunc, Method, ResultSlot};
use crate::diag::Span;
use crate::lang::check::info::LibStructMethod;
use crate::types::{TypeId, TypeKind};
use litemap::LiteMap;
use std::rc::Rc;

impl Lowerer<'_> {
    /// Register the wrappers of the library types' methods for the types the program makes
    /// interface values of.
    pub(super) fn register_lib_struct_methods(
        &mut self,
        methods: &mut LiteMap<(TypeId, String), Method>,
    ) {
        let mut boxed: Vec<TypeId> = Vec::new();
        for f in &self.funcs {
            for ins in &f.code {
                let Instr::ToIface(t) = ins else { continue };
                let base = match self.types.kind(*t) {
                    TypeKind::Pointer(b) => *b,
                    _ => *t,
                };
                let known = self.info.lib_struct_methods.iter().any(|m| m.ty == base);
                if known && !boxed.contains(&base) {
                    boxed.push(base);
                }
            }
        }
        for base in boxed {
            let ms: Vec<LibStructMethod> = (self.info.lib_struct_methods.iter())
                .filter(|m| m.ty == base)
                .copied()
                .collect();
            let ptr = self.types.intern(TypeKind::Pointer(base));
            for m in ms {
                let name = m.func.spec().name.to_string();
                let Some(func) = self.lib_method_wrapper(&m) else {
                    continue;
                };
                if m.pointer_recv {
                    let entry = Method {
                        func,
                        deref_recv: false,
                    };
                    methods.insert((ptr, name), entry);
                } else {
                    let entry = |deref_recv| Method { func, deref_recv };
                    methods.insert((base, name.clone()), entry(false));
                    methods.insert((ptr, name), entry(true));
                }
            }
        }
    }

    /// The library's named type `pkg.name` declared by the checker's universe (`io.discard`),
    /// `Invalid` if there is none.
    pub(super) fn lib_named_type(&self, pkg: &str, name: &str) -> TypeId {
        (0..self.types.len() as u32)
            .map(TypeId::from_index)
            .find(|&t| {
                matches!(self.types.kind(t), TypeKind::Named { name: n, pkg: p, .. } if n == name && p == pkg)
            })
            .unwrap_or(crate::types::TypeTable::basic(crate::types::Basic::Invalid))
    }

    /// The function a method expression of a library type is (`(*time.Timer).Stop`,
    /// `time.Duration.String`, `(*sync.Mutex).Lock`), made on first use: the wrapper of a
    /// named type's method, else (a `sync`/`atomic` method, whose receiver is the pointer a
    /// direct call passes) the method-value thunk, which takes the receiver first. `None` for
    /// a specially compiled method or a variadic one whose variadic parameter is not `...any`.
    pub fn lib_method_expr(&mut self, func: LibFunc, sig: TypeId, span: Span) -> Option<FuncId> {
        let m = self
            .info
            .lib_struct_methods
            .iter()
            .find(|m| m.func == func)
            .copied();
        match m {
            Some(m) => self.lib_method_wrapper(&m),
            None => {
                // The thunk's signature is the method's: the expression's without the receiver.
                let sig = match self.types.under(sig) {
                    TypeKind::Func(s) => {
                        let s = s.clone();
                        let params = s.params.get(1..).unwrap_or_default().to_vec();
                        self.types
                            .intern(TypeKind::Func(crate::types::Signature { params, ..s }))
                    }
                    _ => return None,
                };
                self.lib_thunk(func, sig, span)
            }
        }
    }

    /// The wrapper of one method (`time.(*Timer).Stop`, `log.(*Logger).Println`), made on
    /// first use; `None` for a variadic one whose variadic parameter is not `...any`.
    fn lib_method_wrapper(&mut self, m: &LibStructMethod) -> Option<FuncId> {
        if let Some(&id) = self.lib_wrappers.get(&m.func) {
            return Some(id);
        }
        let recv = if m.pointer_recv {
            self.types.intern(TypeKind::Pointer(m.ty))
        } else {
            m.ty
        };
        let (params, results, variadic) = match self.types.under(m.sig) {
            TypeKind::Func(s) => (s.params.clone(), s.results.clone(), s.variadic),
            _ => return None,
        };
        // A `...any` parameter arrives packed, as the interface call's caller packs it; the
        // runtime spreads it (`spread_args`). Other variadic parameters are passed one by one
        // by a direct call, which a packed slice is not.
        if variadic && m.func.boxed_args_from().is_none() {
            return None;
        }
        let span = Span::default();
        let argc = params.len() as u32;
        let nres = results.len() as u32;
        let call = self.lib_method_call(m.func, &params, span);
        let fname = m.func.go_name();
        let id = self.reserve(&fname, span);
        let mut code = vec![Instr::LoadLocal(0)];
        if m.inner {
            code.push(Instr::FieldPtr(1));
        }
        code.extend((1..=argc).map(Instr::LoadLocal));
        code.push(call);
        for i in (0..nres).rev() {
            code.push(Instr::StoreLocal(argc + 1 + i));
        }
        code.push(Instr::Return);
        let mut param_types = vec![recv];
        param_types.extend(params);
        self.funcs[id.0 as usize] = Func {
            name: Rc::from(fname.as_str()),
            span,
            params: argc + 1,
            param_types,
            results,
            result_slots: (0..nres).map(|i| ResultSlot::Local(argc + 1 + i)).collect(),
            locals: argc + 1 + nres,
            captures: 0,
            variadic,
            spans: vec![span; code.len()],
            code,
            wrapper: true,
        };
        self.lib_wrappers.insert(m.func, id);
        Some(id)
    }
}
