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
use crate::types::TypeKind;
use std::rc::Rc;

/// Whether `f` reads or changes the environment (lowering passes it the hidden global).
pub(super) fn is_env(f: LibFunc) -> bool {
    matches!(
        f,
        LibFunc::OsGetenv | LibFunc::OsLookupEnv | LibFunc::OsSetenv | LibFunc::OsUnsetenv
    )
}

/// Whether the program uses the environment: calls one of its functions, uses one as a value
/// or calls `t.Setenv`.
pub(super) fn uses_env(info: &Info) -> bool {
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
