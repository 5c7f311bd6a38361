//! `fmt.Fprint*` to any `io.Writer` and `io.WriteString`, compiled from Go 1.19's sources
//! (`fmt/print.go`, `io/io.go`):
//!
//! ```go
//! func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
//!     p := newPrinter()
//!     p.doPrintf(format, a)
//!     n, err = w.Write(p.buf)
//!     ...
//! }
//! func WriteString(w Writer, s string) (n int, err error) {
//!     if sw, ok := w.(StringWriter); ok {
//!         return sw.WriteString(s)
//!     }
//!     return w.Write([]byte(s))
//! }
//! ```
//!
//! so that the writer's `Write` is dispatched on its dynamic type at run time: a program's
//! type with a `Write` method runs as program code, and the library's writers (`*os.File`,
//! `*strings.Builder`, `*bytes.Buffer`) through their method wrappers (`lib_methods.rs`).
//! Formatting is `fmt.Sprint*` (local computation) into a fresh byte slice; the functions'
//! frames show as Go's (`fmt.Fprintf` at `print.go:205`, `rt::lib_frames`). A call whose
//! writer's static type is one of the library's writers is not compiled: the checker gave it
//! that writer's native one-step variant. Each function is made on first use and is also the
//! function value `fmt.Fprintf` (its `...any` parameter packed, as a func value's caller
//! packs it).

use super::call::CallMode;
use super::func::FnCx;
use super::Lowerer;
use crate::bytecode::{Func, FuncId, Instr, LibFunc, ResultSlot};
use crate::diag::Span;
use crate::lang::ast::Expr;
use crate::lang::check::CallInfo;
use crate::types::{Basic, Signature, TypeId, TypeKind, TypeTable};
use std::rc::Rc;

/// Whether lowering compiles `f` (`fmt.Fprint*` to an `io.Writer`, `io.WriteString`).
pub(super) fn is_compiled(f: LibFunc) -> bool {
    matches!(
        f,
        LibFunc::FmtFprint | LibFunc::FmtFprintln | LibFunc::FmtFprintf | LibFunc::IoWriteString
    )
}

impl Lowerer<'_> {
    /// The interface type with the one method `name` taking `arg` and returning `(int, error)`
    /// (`io.Writer`'s `Write([]byte)`, `io.StringWriter`'s `WriteString(string)`).
    fn writer_iface(&mut self, name: &str, arg: TypeId) -> TypeId {
        let int = TypeTable::basic(Basic::Int);
        let error = self.error_type();
        let sig = self.types.intern(TypeKind::Func(Signature::new(
            vec![arg],
            vec![int, error],
            false,
        )));
        self.types
            .intern(TypeKind::Interface(vec![(name.to_string(), sig)]))
    }

    /// The predeclared `error` type.
    fn error_type(&self) -> TypeId {
        (0..self.types.len() as u32)
            .map(TypeId::from_index)
            .find(|&t| matches!(self.types.kind(t), TypeKind::Named { name, pkg, .. } if name == "error" && pkg.is_empty()))
            .unwrap_or(TypeTable::basic(Basic::Invalid))
    }

    /// The compiled `fmt.Fprint`, `Fprintln`, `Fprintf` or `io.WriteString`, made on first use.
    pub fn fprint_func(&mut self, func: LibFunc) -> FuncId {
        if let Some(&id) = self.lib_thunks.get(&func) {
            return id;
        }
        // No span in the program: its frames are Go's (`rt::lib_frames::library_frame`).
        let span = Span::default();
        let name = func.go_name();
        let id = self.reserve(&name, span);
        let string = TypeTable::basic(Basic::String);
        let bytes = self
            .types
            .intern(TypeKind::Slice(TypeTable::basic(Basic::Uint8)));
        let writer = self.writer_iface("Write", bytes);
        let write = self.string("Write");
        let call_write = Instr::CallIface {
            name: write,
            argc: 1,
            results: 2,
        };
        let to_bytes = Instr::Convert {
            from: string,
            to: bytes,
        };
        let (param_types, code, variadic) = if func == LibFunc::IoWriteString {
            // Locals: 0 w, 1 s; results 2 n, 3 err.
            let string_writer = self.writer_iface("WriteString", string);
            let write_string = self.string("WriteString");
            let code = vec![
                Instr::LoadLocal(0),
                Instr::TypeAssert {
                    ty: string_writer,
                    from: writer,
                    comma_ok: true,
                },
                Instr::JumpIfNot(8),
                Instr::LoadLocal(1),
                Instr::CallIface {
                    name: write_string,
                    argc: 1,
                    results: 2,
                },
                Instr::StoreLocal(3),
                Instr::StoreLocal(2),
                Instr::Return,
                Instr::Pop,
                Instr::LoadLocal(0),
                Instr::LoadLocal(1),
                to_bytes,
                call_write,
                Instr::StoreLocal(3),
                Instr::StoreLocal(2),
                Instr::Return,
            ];
            (vec![writer, string], code, false)
        } else {
            // Locals: 0 w, then [format,] the `[]any`; then the results n, err.
            let any = self.types.intern(TypeKind::Interface(Vec::new()));
            let anys = self.types.intern(TypeKind::Slice(any));
            let (sprint, params) = match func {
                LibFunc::FmtFprint => (LibFunc::FmtSprint, vec![writer, anys]),
                LibFunc::FmtFprintln => (LibFunc::FmtSprintln, vec![writer, anys]),
                _ => (LibFunc::FmtSprintf, vec![writer, string, anys]),
            };
            let argc = params.len() as u32;
            let mut code: Vec<Instr> = (0..argc).map(Instr::LoadLocal).collect();
            // `spread_args` spreads the packed `[]any`.
            code.push(Instr::CallLib {
                func: sprint,
                argc: argc - 1,
            });
            code.extend([
                to_bytes,
                call_write,
                Instr::StoreLocal(argc + 1),
                Instr::StoreLocal(argc),
                Instr::Return,
            ]);
            (params, code, true)
        };
        let argc = param_types.len() as u32;
        let int = TypeTable::basic(Basic::Int);
        let error = self.error_type();
        self.funcs[id.0 as usize] = Func {
            name: Rc::from(name.as_str()),
            span,
            params: argc,
            param_types,
            results: vec![int, error],
            result_slots: vec![ResultSlot::Local(argc), ResultSlot::Local(argc + 1)],
            locals: argc + 2,
            captures: 0,
            variadic,
            spans: vec![span; code.len()],
            code,
            wrapper: false,
        };
        self.lib_thunks.insert(func, id);
        id
    }
}

impl FnCx<'_, '_> {
    /// A call of a compiled `fmt.Fprint*` or `io.WriteString`: the writer (converted to
    /// `io.Writer`), the format, then the `...any` operands packed into a `[]any` (or the
    /// spread slice as it is).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn fprint_call(
        &mut self,
        f: LibFunc,
        args: &[Expr],
        info: &CallInfo,
        span: Span,
        mode: CallMode,
        wrap_name: Option<String>,
        wrap_span: Span,
    ) {
        let fid = self.lw.fprint_func(f);
        let go_wrapped = mode != CallMode::Now && wrap_name.is_some();
        if mode != CallMode::Now && !go_wrapped {
            self.emit(Instr::MakeClosure {
                func: fid,
                ncaptures: 0,
            });
        }
        let pushed = self.push_lib_args(f, args, info, span);
        let argc = match f.boxed_args_from() {
            Some(k) => {
                if !info.spread {
                    let any = self.lw.types.intern(TypeKind::Interface(Vec::new()));
                    let n = pushed.saturating_sub(k as u32);
                    self.emit(Instr::SliceLit { elem: any, n });
                }
                k as u32 + 1
            }
            None => pushed,
        };
        match (go_wrapped, wrap_name) {
            (true, Some(name)) => {
                let body = vec![Instr::Call { func: fid, argc }];
                let w = self.wrapper(&name, argc, body, 2, wrap_span);
                self.start_wrapper(w, argc, mode);
            }
            _ => self.finish_static(fid, argc, span, mode),
        }
    }
}
