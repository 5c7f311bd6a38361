//! Method values of library types: the thunk `sync.(*Mutex).Lock-fm` that `f := mu.Lock` (and
//! `fn := t.Name`) binds the receiver to, making the library call when called.
//!
//! Interface method values: the thunk `main.I.M-fm` that a method value `i.M` (and
//! `go`/`defer i.M()`) binds the interface value to. Calling it dispatches on the interface's
//! dynamic type at call time, as Go's method-value closures do: a value receiver behind a
//! pointer is copied when the func value is called, not when it is made.

use super::Lowerer;
use crate::bytecode::{Func, FuncId, Instr, LibFunc, ResultSlot};
use crate::diag::Span;
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
    /// specially (`t.Run`, `t.Parallel`) and for variadic ones (a library call takes a
    /// `...any` argument boxed one by one, which a func value's packed slice is not).
    pub fn lib_thunk(&mut self, func: LibFunc, sig: TypeId, span: Span) -> Option<FuncId> {
        if let Some(&id) = self.lib_thunks.get(&func) {
            return Some(id);
        }
        let (params, results, variadic) = match self.types.under(sig) {
            TypeKind::Func(s) => (s.params.clone(), s.results.clone(), s.variadic),
            _ => return None,
        };
        if variadic || matches!(func, LibFunc::TestingRun | LibFunc::TestingParallel) {
            return None;
        }
        let argc = params.len() as u32;
        let nres = results.len() as u32;
        let call = if func == LibFunc::CondWait {
            Instr::Call {
                func: self.cond_wait_func(span),
                argc: 1,
            }
        } else {
            Instr::CallLib {
                func,
                argc: argc + 1,
            }
        };
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
