//! The process environment: its hidden global (`os.environ`, made when the program uses it),
//! passed first to `os.Getenv`, `LookupEnv`, `Setenv` and `Unsetenv` (`rt/interp/env.rs`), and
//! `t.Setenv`, compiled as Go 1.19's `testing.(*T).Setenv` and `(*common).Setenv`:
//!
//! ```go
//! func (c *common) Setenv(key, value string) {
//!     prevValue, ok := os.LookupEnv(key)
//!     if err := os.Setenv(key, value); err != nil {
//!         c.Fatalf("cannot set environment variable: %v", err)
//!     }
//!     if ok {
//!         c.Cleanup(func() { os.Setenv(key, prevValue) })
//!     } else {
//!         c.Cleanup(func() { os.Unsetenv(key) })
//!     }
//! }
//! ```
//!
//! as one library call `(env, t, key, value, restore)` ([`LibFunc::TestingSetenvEnv`]) that
//! binds `restore`, the compiled cleanup `testing.(*common).Setenv.func1`, to the key and the
//! previous value and registers it with `t`.

use super::call::CallMode;
use super::func::FnCx;
use super::Lowerer;
use crate::bytecode::{Func, FuncId, Instr, LibFunc, ResultSlot};
use crate::diag::Span;
use crate::lang::ast::Expr;
use crate::lang::check::{CallInfo, CallKind, Info, ObjectKind, Selection};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};
use std::rc::Rc;

/// Whether `f` reads or changes the environment (lowering passes it the hidden global).
pub(super) fn is_env(f: LibFunc) -> bool {
    matches!(
        f,
        LibFunc::OsGetenv | LibFunc::OsLookupEnv | LibFunc::OsSetenv | LibFunc::OsUnsetenv
    )
}

/// Whether the program uses the environment: calls one of its functions, uses one as a value
/// or calls `t.Setenv` (directly, as a method value or through `testing.TB`).
pub(super) fn uses_env(info: &Info, types: &TypeTable) -> bool {
    let calls = info.calls.values().any(|c| match c.kind {
        CallKind::Lib(f) => is_env(f),
        CallKind::LibMethod(f) => f == LibFunc::TestingSetenv,
        _ => false,
    });
    calls
        || info.selections.values().any(|s| match s {
            Selection::Qualified { object } => {
                matches!(info.object(*object).kind, ObjectKind::Lib { func, .. } if is_env(func))
            }
            Selection::LibMethod { func, .. } => *func == LibFunc::TestingSetenv,
            Selection::IfaceMethod { name, iface, .. } => {
                name == "Setenv"
                    && matches!(types.kind(*iface), TypeKind::Named { name, pkg, .. } if name == "TB" && pkg == "testing")
            }
            _ => false,
        })
}

impl Lowerer<'_> {
    /// The compiled cleanup of `t.Setenv`, made on first use: its one parameter is the
    /// value the call bound (`struct { env *string; key, prev string; ok bool }`), whose
    /// fields it passes to [`LibFunc::EnvRestore`].
    pub(super) fn env_restore_func(&mut self) -> FuncId {
        if let Some(id) = self.env_restore {
            return id;
        }
        let span = Span::default();
        let name = LibFunc::EnvRestore.go_name();
        let id = self.reserve(&name, span);
        let bound = self.types.intern(TypeKind::Struct(Vec::new()));
        let mut code = Vec::new();
        for i in 0..4 {
            code.extend([Instr::LoadLocal(0), Instr::Field(i)]);
        }
        code.extend([
            Instr::CallLib {
                func: LibFunc::EnvRestore,
                argc: 4,
            },
            Instr::Return,
        ]);
        self.funcs[id.0 as usize] = Func {
            name: Rc::from(name.as_str()),
            span,
            params: 1,
            param_types: vec![bound],
            results: Vec::new(),
            result_slots: Vec::<ResultSlot>::new(),
            locals: 1,
            captures: 0,
            variadic: false,
            spans: vec![span; code.len()],
            code,
            wrapper: false,
        };
        self.env_restore = Some(id);
        id
    }
}

impl Lowerer<'_> {
    /// `testing.(*T).Setenv` as a function of its own, made on first use: `(t, key, value)`
    /// passed with the environment and the cleanup to [`LibFunc::TestingSetenvEnv`], as a
    /// direct call passes them. It is `*testing.T`'s `Setenv` in the method sets (a call
    /// through `testing.TB`) and what the method value `t.Setenv` calls.
    pub(super) fn setenv_method_func(&mut self) -> Option<FuncId> {
        if let Some(id) = self.setenv_method {
            return Some(id);
        }
        let env = self.env_global?;
        let t = self.lib_named_type("testing", "T");
        let t_ptr = self.types.intern(TypeKind::Pointer(t));
        let span = Span::default();
        let name = LibFunc::TestingSetenv.go_name();
        let restore = self.env_restore_func();
        let id = self.reserve(&name, span);
        let code = vec![
            Instr::GlobalPtr(env),
            Instr::LoadLocal(0),
            Instr::LoadLocal(1),
            Instr::LoadLocal(2),
            Instr::MakeClosure {
                func: restore,
                ncaptures: 0,
            },
            Instr::CallLib {
                func: LibFunc::TestingSetenvEnv,
                argc: 5,
            },
            Instr::Return,
        ];
        let string = TypeTable::basic(Basic::String);
        self.funcs[id.0 as usize] = Func {
            name: Rc::from(name.as_str()),
            span,
            params: 3,
            param_types: vec![t_ptr, string, string],
            results: Vec::new(),
            result_slots: Vec::<ResultSlot>::new(),
            locals: 3,
            captures: 0,
            variadic: false,
            spans: vec![span; code.len()],
            code,
            wrapper: true,
        };
        self.setenv_method = Some(id);
        Some(id)
    }

    /// List [`Lowerer::setenv_method_func`] as `*testing.T`'s `Setenv` when the program
    /// calls it through `testing.TB` or takes it as a value.
    pub(super) fn register_setenv_method(
        &mut self,
        methods: &mut litemap::LiteMap<(TypeId, String), crate::bytecode::Method>,
    ) {
        if self.env_global.is_none() {
            return;
        }
        let Some(func) = self.setenv_method_func() else {
            return;
        };
        let t = self.lib_named_type("testing", "T");
        let t_ptr = self.types.intern(TypeKind::Pointer(t));
        let entry = crate::bytecode::Method {
            func,
            deref_recv: false,
        };
        methods.insert((t_ptr, "Setenv".to_string()), entry);
    }
}

impl FnCx<'_, '_> {
    /// `t.Setenv(key, value)`: the environment, `t` (already pushed by the caller after the
    /// environment), the operands and the cleanup, to [`LibFunc::TestingSetenvEnv`].
    #[allow(clippy::too_many_arguments)]
    pub(super) fn setenv_call(
        &mut self,
        args: &[Expr],
        info: &CallInfo,
        span: Span,
        mode: CallMode,
        wrap_name: Option<String>,
        wrap_span: Span,
    ) {
        let pushed = self.push_lib_args(LibFunc::TestingSetenv, args, info, span);
        let restore = self.lw.env_restore_func();
        self.emit(Instr::MakeClosure {
            func: restore,
            ncaptures: 0,
        });
        let argc = pushed + 3;
        self.finish_lib(
            LibFunc::TestingSetenvEnv,
            argc,
            span,
            mode,
            wrap_name,
            wrap_span,
            false,
        );
    }
}
