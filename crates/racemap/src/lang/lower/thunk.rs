//! Method values of library types: the thunk `sync.(*Mutex).Lock-fm` that `f := mu.Lock` (and
//! `fn := t.Name`) binds the receiver to, making the library call when called.
//!
//! Library package functions as values (`f := strings.ToUpper`, `apply(xs, strconv.Itoa)`,
//! `logf := fmt.Printf`): a thunk with the function's parameters that makes the library call.
//! A `...any` parameter arrives packed as the func value's caller packs it, and the runtime
//! spreads a last slice operand of a `...any` function (`spread_args`), as for `f(xs...)`.
//!
//! Interface method values: the thunk `main.I.M-fm` that a method value `i.M` (and
//! `go`/`defer i.M()`) binds the interface value to. Calling it dispatches on the interface's
//! dynamic type at call time, as Go's method-value closures do: a value receiver behind a
//! pointer is copied when the func value is called, not when it is made.

use super::Lowerer;
use crate::bytecode::{Func, FuncId, Instr, LibFunc, ResultSlot};
use crate::diag::Span;
use crate::library::Owner;
use crate::types::{Basic, TypeId, TypeKind, TypeStyle, TypeTable};
use std::rc::Rc;

impl Lowerer<'_> {
    /// The thunk for method `name` (signature `sig`) of interface type `iface`, made on first
    /// use. Parameters: the interface value, then the method's parameters; results: the
    /// method's.
    pub fn iface_thunk(&mut self, iface: TypeId, name: &str, sig: TypeId, span: Span) -> FuncId {
        let key = (iface, name.to_string());
        if let Some(&id) = self.thunks.get(&key) {
            return id;
        }
        let (params, results, variadic) = match self.types.under(sig) {
            TypeKind::Func(s) => (s.params.clone(), s.results.clone(), s.variadic),
            _ => (Vec::new(), Vec::new(), false),
        };
        let type_name = self.types.display_as(iface, TypeStyle::Reflect);
        let fname = format!("{type_name}.{name}-fm");
        let id = self.reserve(&fname, span);
        let argc = params.len() as u32;
        let nres = results.len() as u32;
        let mut code: Vec<Instr> = (0..=argc).map(Instr::LoadLocal).collect();
        code.push(Instr::CallIface {
            name: self.string(name),
            argc,
            results: nres,
        });
        for i in (0..nres).rev() {
            code.push(Instr::StoreLocal(argc + 1 + i));
        }
        code.push(Instr::Return);
        let mut param_types = vec![iface];
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
        self.thunks.insert(key, id);
        id
    }
}

impl Lowerer<'_> {
    /// The thunk a method value of a library type binds its receiver to (`f := mu.Lock`,
    /// Go's `sync.(*Mutex).Lock-fm`), made on first use: parameters the receiver (a pointer
    /// for a pointer method, the value for a value method, bound when the value is made),
    /// then the method's; it makes the library call. `None` for the methods lowering compiles
    /// specially (`t.Run`, `t.Parallel`) and for variadic ones whose variadic parameter is not
    /// `...any` (a direct call passes those one by one; a packed `[]any` the runtime spreads).
    pub fn lib_thunk(&mut self, func: LibFunc, sig: TypeId, span: Span) -> Option<FuncId> {
        if let Some(&id) = self.lib_thunks.get(&func) {
            return Some(id);
        }
        let (params, results, variadic) = match self.types.under(sig) {
            TypeKind::Func(s) => (s.params.clone(), s.results.clone(), s.variadic),
            _ => return None,
        };
        let packed_ok = func.boxed_args_from().is_some();
        if (variadic && !packed_ok)
            || matches!(
                func,
                LibFunc::TestingRun | LibFunc::TestingParallel | LibFunc::TestingMRun
            )
        {
            return None;
        }
        let argc = params.len() as u32;
        let nres = results.len() as u32;
        let call = self.lib_method_call(func, &params, span);
        let fname = format!("{}-fm", func.go_name());
        let id = self.reserve(&fname, span);
        let mut code: Vec<Instr> = (0..=argc).map(Instr::LoadLocal).collect();
        code.push(call);
        for i in (0..nres).rev() {
            code.push(Instr::StoreLocal(argc + 1 + i));
        }
        code.push(Instr::Return);
        let mut param_types = vec![TypeTable::basic(Basic::Invalid)];
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
        self.lib_thunks.insert(func, id);
        Some(id)
    }
}

impl Lowerer<'_> {
    /// The call of library method `func` (parameters `params`, without the receiver) with the
    /// receiver and the arguments on the stack: the library call, or the compiled method for
    /// `Cond.Wait` and `Rand.Shuffle`.
    pub(super) fn lib_method_call(
        &mut self,
        func: LibFunc,
        params: &[TypeId],
        span: Span,
    ) -> Instr {
        let argc = params.len() as u32;
        if func == LibFunc::CondWait {
            Instr::Call {
                func: self.cond_wait_func(span),
                argc: 1,
            }
        } else if let Some(setenv) = (func == LibFunc::TestingSetenv)
            .then(|| self.setenv_method_func())
            .flatten()
        {
            Instr::Call {
                func: setenv,
                argc: 3,
            }
        } else if func == LibFunc::RandRandShuffle {
            let mut shuffle_params = vec![TypeTable::basic(Basic::Invalid)];
            shuffle_params.extend(params.iter().copied());
            Instr::Call {
                func: self.rand_shuffle_method(shuffle_params, span),
                argc: argc + 1,
            }
        } else {
            Instr::CallLib {
                func,
                argc: argc + 1,
            }
        }
    }
}

impl Lowerer<'_> {
    /// The thunk a library package function `func` (signature `sig`) is as a value, made on
    /// first use: its parameters are the function's, and it makes the library call (with the
    /// standard logger's or `math/rand`'s hidden cell first, as a direct call passes them).
    /// `None` for the functions lowering compiles to the program's own code (`sort`,
    /// `strings.Map` and its kind, `rand.Shuffle`) and for variadic functions whose variadic
    /// parameter is not `...any` (a direct call passes those operands one by one).
    pub fn lib_func_thunk(&mut self, func: LibFunc, sig: TypeId, span: Span) -> Option<FuncId> {
        if let Some(&id) = self.lib_thunks.get(&func) {
            return Some(id);
        }
        if super::fprint::is_compiled(func) {
            return Some(self.fprint_func(func));
        }
        let (params, results, variadic) = match self.types.under(sig) {
            TypeKind::Func(s) => (s.params.clone(), s.results.clone(), s.variadic),
            _ => return None,
        };
        let owner = func.spec().owner;
        let compiled = super::strings_func::is_compiled(func)
            || owner == Owner::Package("sort")
            || func == LibFunc::RandShuffle;
        if compiled || (variadic && func.boxed_args_from().is_none()) {
            return None;
        }
        let hidden = match owner {
            Owner::Package("log") => Some(self.log_global?),
            Owner::Package("os") if super::env::is_env(func) => Some(self.env_global?),
            Owner::Package("math/rand")
                if !matches!(func, LibFunc::RandNew | LibFunc::RandNewSource) =>
            {
                Some(self.rand_global?)
            }
            _ => None,
        };
        let argc = params.len() as u32;
        let nres = results.len() as u32;
        let mut code: Vec<Instr> = hidden.map(Instr::GlobalPtr).into_iter().collect();
        code.extend((0..argc).map(Instr::LoadLocal));
        code.push(Instr::CallLib {
            func,
            argc: argc + u32::from(hidden.is_some()),
        });
        code.extend(super::lib_tail::tail(func));
        for i in (0..nres).rev() {
            code.push(Instr::StoreLocal(argc + i));
        }
        code.push(Instr::Return);
        let fname = format!("{}-fm", func.go_name());
        let id = self.reserve(&fname, span);
        self.funcs[id.0 as usize] = Func {
            name: Rc::from(fname.as_str()),
            span,
            params: argc,
            param_types: params,
            results,
            result_slots: (0..nres).map(|i| ResultSlot::Local(argc + i)).collect(),
            locals: argc + nres,
            captures: 0,
            variadic,
            spans: vec![span; code.len()],
            code,
            wrapper: true,
        };
        self.lib_thunks.insert(func, id);
        Some(id)
    }
}
