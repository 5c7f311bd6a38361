//! Package `log`'s prints to a writer that is not an `*os.File`, compiled from Go 1.19's
//! `log/log.go`:
//!
//! ```go
//! func (l *Logger) Println(v ...any) {
//!     l.Output(2, fmt.Sprintln(v...))
//! }
//! func (l *Logger) Output(calldepth int, s string) error {
//!     l.mu.Lock()
//!     defer l.mu.Unlock()
//!     l.buf = l.buf[:0]
//!     l.formatHeader(&l.buf, now, file, line)
//!     l.buf = append(l.buf, s...)
//!     ...
//!     _, err := l.out.Write(l.buf)
//!     return err
//! }
//! ```
//!
//! so that the logger's mutex is held across the writer's `Write`, which runs as program code
//! (a program's type) or through the library's method wrappers (`*strings.Builder`,
//! `*bytes.Buffer`). The native print (`rt/interp/log.rs`) formats the operands in its step
//! (fmt's reads) and, for such a writer, calls the compiled outer function of its name
//! (`log.Println`, `log.(*Logger).Printf`, …) with the logger's cell and the message; that
//! calls `log.(*Logger).Output`, which locks `mu` (a `sync.Mutex` step), builds the line
//! natively ([`LibFunc::LogOutputLine`]: the header, the message, a newline), calls `Write`
//! and unlocks. `Fatal*` then call `os.Exit(1)` and `Panic*` panic with the message. The
//! functions are made only for a program that gives a logger a writer (`log.New`,
//! `SetOutput`); their frames are Go's (`rt::lib_frames`).
//!
//! Left out: `Output` unlocks `mu` around `runtime.Caller` when the flags ask for a file name;
//! the line is a new slice per print where Go reuses the logger's `buf` (a writer that keeps
//! the slice it was given sees Go's later lines overwrite it).

use super::Lowerer;
use crate::bytecode::{Func, FuncId, Instr, LibFunc};
use crate::diag::Span;
use crate::types::{Basic, TypeKind, TypeTable};
use std::rc::Rc;

/// The prints of package `log` and of `*log.Logger`, each with what follows its `Output`:
/// 0 return, 1 `os.Exit(1)`, 2 `panic(s)`.
const PRINTS: [(LibFunc, u8); 18] = [
    (LibFunc::LogPrint, 0),
    (LibFunc::LogPrintf, 0),
    (LibFunc::LogPrintln, 0),
    (LibFunc::LogFatal, 1),
    (LibFunc::LogFatalf, 1),
    (LibFunc::LogFatalln, 1),
    (LibFunc::LogPanic, 2),
    (LibFunc::LogPanicf, 2),
    (LibFunc::LogPanicln, 2),
    (LibFunc::LoggerPrint, 0),
    (LibFunc::LoggerPrintf, 0),
    (LibFunc::LoggerPrintln, 0),
    (LibFunc::LoggerFatal, 1),
    (LibFunc::LoggerFatalf, 1),
    (LibFunc::LoggerFatalln, 1),
    (LibFunc::LoggerPanic, 2),
    (LibFunc::LoggerPanicf, 2),
    (LibFunc::LoggerPanicln, 2),
];

/// The name of the compiled `Output`.
pub const OUTPUT: &str = "log.(*Logger).Output";

impl Lowerer<'_> {
    /// Whether the program gives a logger a writer (a call of `log.New`, `log.SetOutput` or
    /// `(*Logger).SetOutput` anywhere, a method value's wrapper included).
    fn gives_log_writer(&self) -> bool {
        self.funcs.iter().any(|f| {
            f.code.iter().any(|i| {
                matches!(
                    i,
                    Instr::CallLib {
                        func: LibFunc::LogNew | LibFunc::LogSetOutput | LibFunc::LoggerSetOutput,
                        ..
                    } | Instr::DeferLib {
                        func: LibFunc::LogSetOutput | LibFunc::LoggerSetOutput,
                        ..
                    }
                )
            })
        })
    }

    /// Makes `log.(*Logger).Output` and the prints calling it (see the module docs) when the
    /// program gives a logger a writer.
    pub(super) fn add_log_output_funcs(&mut self) {
        if !self.gives_log_writer() {
            return;
        }
        let span = Span::default();
        let string = TypeTable::basic(Basic::String);
        let logger = (0..self.types.len() as u32)
            .map(crate::types::TypeId::from_index)
            .find(|&t| {
                matches!(self.types.kind(t), TypeKind::Named { name, pkg, .. }
                    if name == "Logger" && pkg == "log")
            })
            .unwrap_or(TypeTable::basic(Basic::Invalid));
        let logger = self.types.intern(TypeKind::Pointer(logger));
        let write = self.string("Write");
        // Locals: 0 l, 1 s.
        let output = self.reserve(OUTPUT, span);
        let code = vec![
            Instr::LoadLocal(0),
            Instr::FieldPtr(2),
            Instr::CallLib {
                func: LibFunc::MutexLock,
                argc: 1,
            },
            Instr::LoadLocal(0),
            Instr::LoadLocal(1),
            // The frames between the caller's and this one's: the print's and `Output`'s.
            Instr::PushInt(2),
            Instr::CallLib {
                func: LibFunc::LogOutputLine,
                argc: 3,
            },
            Instr::CallIface {
                name: write,
                argc: 1,
                results: 2,
            },
            Instr::Pop,
            Instr::Pop,
            Instr::LoadLocal(0),
            Instr::FieldPtr(2),
            Instr::CallLib {
                func: LibFunc::MutexUnlock,
                argc: 1,
            },
            Instr::Return,
        ];
        self.set_log_func(output, OUTPUT, vec![logger, string], code);
        for (func, end) in PRINTS {
            let name = func.go_name();
            let id = self.reserve(&name, span);
            let mut code = vec![
                Instr::LoadLocal(0),
                Instr::LoadLocal(1),
                Instr::Call {
                    func: output,
                    argc: 2,
                },
            ];
            match end {
                1 => code.extend([
                    Instr::PushInt(1),
                    Instr::CallLib {
                        func: LibFunc::OsExit,
                        argc: 1,
                    },
                ]),
                2 => code.extend([Instr::LoadLocal(1), Instr::ToIface(string), Instr::Panic]),
                _ => {}
            }
            code.push(Instr::Return);
            self.set_log_func(id, &name, vec![logger, string], code);
        }
    }

    /// Fills in the reserved function `id` of package `log`: no results, no span in the
    /// program (its frames are Go's).
    fn set_log_func(
        &mut self,
        id: FuncId,
        name: &str,
        param_types: Vec<crate::types::TypeId>,
        code: Vec<Instr>,
    ) {
        let span = Span::default();
        let params = param_types.len() as u32;
        self.funcs[id.0 as usize] = Func {
            name: Rc::from(name),
            span,
            params,
            param_types,
            results: Vec::new(),
            result_slots: Vec::new(),
            locals: params,
            captures: 0,
            variadic: false,
            spans: vec![span; code.len()],
            code,
            wrapper: false,
        };
    }
}
