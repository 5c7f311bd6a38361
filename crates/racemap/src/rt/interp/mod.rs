//! Executing bytecode: local instructions, calls, returns, defers and panics, and the visible
//! operations a step runs.
//!
//! [`Machine::run_local`] runs a goroutine's private computation until it reaches a visible
//! instruction, which it *decodes* (pops its operands) into a [`Visible`] and parks on. The
//! step budget ([`Config::max_instructions_per_step`](crate::rt::config::Config)) bounds the
//! local run. [`Machine::exec_visible`] runs a parked operation and records its event.
//!
//! Returns and panics: `Return` marks the frame *returning*; a returning frame first runs its
//! deferred calls (last in, first out; a deferred visible library call parks like any other
//! visible operation), then pops and hands its results to the caller. A panic marks the top
//! frame returning with the goroutine *panicking*: frames pop without results until a deferred
//! call recovers (then the frame that deferred it returns normally) or no frame is left (the
//! run fails with `panic: ...`).
//!
//! Files: `call` (calls, returns, defers, panics, the local run loop), `decode` (visible
//! instructions into parked operations), `local` (local instructions), `init_writes` (a composite literal's stores, for the race
//! detector), `visible` (a parked
//! operation's step), `library` (library calls), `file` (fmt's writes to `os.Stdout` and
//! `os.Stderr` under the file's `fdMutex`), `ops` (value operations), `format` (values as
//! text). A broken VM invariant (an empty operand stack, a value of the wrong kind) is a
//! [`Fault::Internal`], never a default value.

use crate::bytecode::{BinOp, Instr, LibFunc, SelectCase};
use crate::gostr::{decode_rune, GoString};
use crate::rt::config::LimitHit;
use crate::rt::error::{Bounds, InternalError, RtError};
use crate::rt::event::{CondOp, Effect, Gid, Loc, LockOp, Op};
use crate::rt::goroutine::{
    Deferred, Frame, FrameKind, GoStatus, Panicking, SelectArm, SyncMapInFlight, Visible,
};
use crate::rt::heap::{zero_value, Fault};
use crate::rt::machine::{Machine, Status};
use crate::rt::map::{MapCursor, MapMutation};
use crate::rt::sync_state::SyncState;
use crate::rt::value::{Closure, FuncId, MapKey, Pointer, SliceRef, Value};
use crate::types::{Basic, TypeId, TypeKind};
use std::rc::Rc;

mod atomic_value;
mod buffer;
mod builder;
mod call;
mod chan_handoff;
mod context;
mod decode;
mod dispatch;
mod env;
mod example;
mod file;
mod format;
mod init_writes;
mod library;
mod library_text;
mod library_utf8;
mod local;
mod log;
mod math;
mod ops;
mod pool;
mod rand;
mod range_table;
mod testing;
mod timer;
mod visible;

pub use ops::wrap;
use ops::{binary, is_float, is_unsigned};

type R<T> = Result<T, Fault>;

/// A value of the wrong kind where the checker guaranteed `what`: a racemap bug. (The message
/// names the value's kind only: `Value`'s `Debug` would put the `Debug` code of every runtime
/// type in the page's wasm.)
fn wrong_kind(what: &str, v: &Value) -> Fault {
    InternalError::new(format!("expected {what} operand, found {}", v.kind_name())).into()
}

/// Argument `i` of a library call (the checker fixed the arity: a missing one is a VM bug).
fn arg(args: &[Value], i: usize) -> R<&Value> {
    args.get(i)
        .ok_or_else(|| InternalError::new(format!("library call without argument {i}")).into())
}

/// Local slot `n` of a frame (lowering sized the frame: a missing slot is a VM bug).
fn local_slot(locals: &[Value], n: u32) -> R<&Value> {
    locals
        .get(n as usize)
        .ok_or_else(|| InternalError::new(format!("local slot {n} does not exist")).into())
}

/// Something the VM's own bookkeeping should hold is missing: a racemap bug.
fn missing(what: &str) -> InternalError {
    InternalError::new(format!("missing {what}"))
}

/// An integer operand (bools and floats convert as the lowering relies on).
fn int(v: &Value) -> R<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::Float(f) => Ok(*f as i64),
        _ => Err(wrong_kind("an integer", v)),
    }
}

/// A floating-point operand (integers convert).
fn float(v: &Value) -> R<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        _ => Err(wrong_kind("a float", v)),
    }
}

/// A boolean operand.
fn boolean(v: &Value) -> R<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        _ => Err(wrong_kind("a bool", v)),
    }
}

impl Machine {
    fn g(&mut self, gid: Gid) -> &mut crate::rt::goroutine::Goroutine {
        &mut self.goroutines[gid.0 as usize]
    }

    // Invariant: only called while `gid` executes code, i.e. has at least one frame
    // (`run_local` checks before every instruction).
    fn frame(&mut self, gid: Gid) -> R<&mut Frame> {
        self.goroutines[gid.0 as usize]
            .frames
            .last_mut()
            .ok_or_else(|| missing("frame of a running goroutine").into())
    }

    /// Push an operand.
    fn push(&mut self, gid: Gid, v: Value) -> R<()> {
        self.frame(gid)?.stack.push(v);
        Ok(())
    }

    /// Pop the top operand; an empty operand stack is a VM bug.
    fn pop(&mut self, gid: Gid) -> R<Value> {
        match self.frame(gid)?.stack.pop() {
            Some(v) => Ok(v),
            None => Err(self.underflow(gid, 1)),
        }
    }

    /// Pop the top `n` operands (in push order); fewer than `n` is a VM bug.
    fn popn(&mut self, gid: Gid, n: usize) -> R<Vec<Value>> {
        let st = &mut self.frame(gid)?.stack;
        if st.len() < n {
            return Err(self.underflow(gid, n));
        }
        let at = st.len() - n;
        Ok(st.split_off(at))
    }

    /// The internal error for popping `wanted` operands from a shorter operand stack.
    fn underflow(&self, gid: Gid, wanted: usize) -> Fault {
        let (name, pc, have) = match self.goroutines[gid.0 as usize].frames.last() {
            Some(f) => (
                self.program.func(f.func).name.to_string(),
                f.pc.saturating_sub(1),
                f.stack.len(),
            ),
            None => ("?".to_string(), 0, 0),
        };
        InternalError::new(format!(
            "operand stack underflow in {name} at pc {pc}: wanted {wanted} value(s), have {have}"
        ))
        .into()
    }
}

pub(super) fn ptr_of(v: Value) -> Option<Pointer> {
    match v {
        Value::Ptr(p) => p,
        _ => None,
    }
}

pub(super) fn map_of(v: &Value) -> Option<crate::rt::value::MapId> {
    match v {
        Value::Map(m) => *m,
        _ => None,
    }
}

pub(super) fn chan_of(v: &Value) -> Option<crate::rt::value::ChanId> {
    match v {
        Value::Chan(c) => *c,
        _ => None,
    }
}

pub(super) fn str_of(v: &Value) -> R<&GoString> {
    match v {
        Value::Str(s) => Ok(s),
        _ => Err(wrong_kind("a string", v)),
    }
}

/// String argument `i` of a library call (a `string`, possibly boxed in an interface).
fn string_arg(args: &[Value], i: usize) -> R<GoString> {
    match arg(args, i)? {
        Value::Iface(Some(b)) => Ok(str_of(&b.1)?.clone()),
        v => Ok(str_of(v)?.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::{Func, Program};
    use crate::diag::{SourceMap, Span};
    use crate::rt::config::Config;
    use crate::rt::machine::Choice;
    use crate::types::{TypeKind, TypeTable};
    use litemap::LiteMap;

    fn func(name: &str, locals: u32, code: Vec<Instr>) -> Func {
        Func {
            name: Rc::from(name),
            span: Span::new(0, 10),
            params: 0,
            param_types: Vec::new(),
            results: Vec::new(),
            result_slots: Vec::new(),
            locals,
            captures: 0,
            variadic: false,
            wrapper: false,
            spans: vec![Span::new(0, 1); code.len()],
            code,
        }
    }

    /// A program with `main.main` running `code` and an empty `main.init`.
    fn program(code: Vec<Instr>, locals: u32) -> Program {
        Program {
            source_map: SourceMap::new("prog.go", "//\n"),
            source: "//\n".into(),
            funcs: vec![
                func("main.main", locals, code),
                func("main.init", 0, vec![Instr::Return]),
            ],
            types: TypeTable::new(),
            globals: Vec::new(),
            strings: Vec::new(),
            selects: Vec::new(),
            methods: LiteMap::new_vec(),
            init: FuncId(1),
            main: FuncId(0),
            error_type: TypeTable::basic(Basic::Int),
            error_types: crate::bytecode::ErrorTypes::all_of(TypeTable::basic(Basic::Int)),
            tests: Vec::new(),
            test_binary: None,
            var_names: Vec::new(),
            exclusive_atomics: Default::default(),
            final_loads: Default::default(),
            copies_wait_groups: true,
            uses_time_values: true,
        }
    }

    fn internal_message(m: &Machine) -> String {
        match m.status() {
            Status::Internal(e) => e.first_line(),
            other => panic!("expected an internal error, got {other:?}"),
        }
    }

    /// Hand-made bad bytecode: `Pop` on an empty operand stack used to pop `Unit` silently.
    #[test]
    fn operand_stack_underflow_ends_the_run_with_an_internal_error() {
        let m = Machine::new(
            Rc::new(program(vec![Instr::Pop, Instr::Return], 0)),
            Config::default(),
        );
        assert_eq!(
            internal_message(&m),
            "racemap internal error: operand stack underflow in main.main at pc 0: wanted 1 value(s), have 0"
        );
        assert!(m.runnable().is_empty());
        assert_eq!(m.exit_code(), None);
        // The runner and the CLI see a distinct ending: exit status 70, racemap's own message.
        let r = crate::run::run(m, &crate::run::RunConfig::default());
        assert_eq!(r.end, crate::run::RunEnd::Internal);
        assert_eq!(r.exit_code, Some(crate::rt::error::EXIT_INTERNAL));
        assert!(r
            .stderr
            .starts_with("racemap internal error: operand stack underflow"));
        assert!(crate::rt::error::is_internal_error_line(
            r.first_error_line.as_deref().unwrap_or("")
        ));
    }

    /// The explorer reports an internal error as a distinct outcome, never as a Go failure.
    #[test]
    fn explore_reports_the_internal_error_outcome() {
        let m = Machine::new(
            Rc::new(program(vec![Instr::Pop, Instr::Return], 0)),
            Config::default(),
        );
        let r = crate::explore::explore(m, &crate::explore::DporConfig::default());
        assert_eq!(r.outcomes.len(), 1);
        let error = r.outcomes[0].error.as_deref().unwrap_or("");
        assert!(crate::rt::error::is_internal_error_line(error), "{error}");
        assert!(!r.deadlock);
    }

    /// A condition that is not a bool (the checker guarantees one) used to read as `false`.
    #[test]
    fn wrong_kind_operand_is_an_internal_error_not_a_wrong_branch() {
        let code = vec![
            Instr::PushInt(7),
            Instr::JumpIf(3),
            Instr::Return,
            Instr::Return,
        ];
        let m = Machine::new(Rc::new(program(code, 0)), Config::default());
        assert_eq!(
            internal_message(&m),
            "racemap internal error: expected a bool operand, found Int"
        );
    }

    /// Corrupted machine state: a goroutine parked at a map iteration step whose iterator does
    /// not exist used to behave as a finished iteration.
    #[test]
    fn corrupted_parked_operation_is_an_internal_error_at_its_step() {
        let mut types = TypeTable::new();
        let int = TypeTable::basic(Basic::Int);
        let mt = types.intern(TypeKind::Map(int, int));
        let mut p = program(
            vec![
                Instr::MakeMap(mt),
                Instr::PushInt(1),
                Instr::PushInt(2),
                Instr::MapSet,
                Instr::Return,
            ],
            0,
        );
        p.types = types;
        let mut m = Machine::new(Rc::new(p), Config::default());
        assert_eq!(m.status(), &Status::Running);
        m.goroutines[0].next = Some(Visible::MapIterNext { iter: 5 });
        let events = m.step(Choice {
            gid: Gid::MAIN,
            alt: 0,
        });
        assert!(events.is_empty());
        assert_eq!(
            internal_message(&m),
            "racemap internal error: missing map iterator"
        );
        let ending = crate::explore::Target::ending(&m).expect("ended");
        assert_eq!(ending.exit_code, crate::rt::error::EXIT_INTERNAL);
        assert_eq!(
            ending.text,
            "racemap internal error: missing map iterator\n(this is a bug in racemap, not in the Go program; the run was stopped)\n"
        );
    }
}
