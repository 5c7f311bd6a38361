//! The argument lists of a goroutine dump's frames, as Go 1.19's traceback prints them
//! (`runtime/traceback.go` `printArgs` on amd64's register ABI): one hex word per integer,
//! bool or pointer, `{ptr, len}` for a string, `{ptr, len, cap}` for a slice; at most ten
//! words, then `...`. The first nine integer words travel in registers, and Go prints such a
//! word with a `?` when its spill slot was never written, which depends on Go's register
//! allocator: a parameter the function never reads is never spilled, so racemap prints its
//! register words as `0x0?` (the value Go shows) and every other parameter's value. This
//! matches the Go 1.19 dumps in racemap's tests (unused parameters, `*testing.T`s of tests that
//! do not use it), not every case: Go also marks some parameters a function reads (one it only
//! hands to a `sync` call or a `defer`, or the capacity word of a slice). Words passed on the
//! stack (from the tenth on) are always printed.
//! Addresses are racemap's fake, deterministic ones.

use super::*;
use crate::bytecode::{Func, Instr};

/// Go prints at most this many argument words.
const MAX_WORDS: usize = 10;

/// Integer argument registers of amd64's ABIInternal.
const INT_REGISTERS: usize = 9;

/// One word or group of an argument list.
enum Part {
    /// A word.
    Word(String),
    /// `{…}` around the words of a string, slice or interface.
    Group(Vec<String>),
    /// A value racemap prints as `{...}` (structs, arrays, sync objects): one word.
    Opaque,
}

impl Machine {
    /// The arguments of each frame of `gid` (innermost first).
    pub(crate) fn frame_args(&self, gid: Gid) -> Vec<String> {
        let g = &self.goroutines[gid.0 as usize];
        g.frames
            .iter()
            .rev()
            .map(|f| {
                let func = self.program.func(f.func);
                let params = (func.params as usize).min(f.locals.len());
                let used: Vec<bool> = (0..params).map(|p| reads(func, p as u32)).collect();
                render(&f.locals[..params], &used)
            })
            .collect()
    }
}

/// Whether the function reads parameter slot `slot` (moving an escaping parameter to the heap,
/// `LoadLocal; Box; StoreLocal` on the same slot, is not a read of its value by the program).
fn reads(func: &Func, slot: u32) -> bool {
    let code = &func.code;
    code.iter().enumerate().any(|(i, ins)| {
        matches!(ins, Instr::LoadLocal(s) if *s == slot)
            && !matches!(
                (code.get(i + 1), code.get(i + 2)),
                (Some(Instr::Box(_)), Some(Instr::StoreLocal(s))) if *s == slot
            )
    })
}

/// The argument list: words in order, `0x0?` for the register words of unused parameters, cut
/// after ten words.
fn render(args: &[Value], used: &[bool]) -> String {
    let mut out = String::new();
    let mut words = 0usize;
    for (i, v) in args.iter().enumerate() {
        if words >= MAX_WORDS {
            out.push_str(", ...");
            break;
        }
        if i > 0 {
            out.push_str(", ");
        }
        let part = arg_parts(v);
        let width = match &part {
            Part::Group(ws) => ws.len(),
            _ => 1,
        };
        // An argument that does not fit in the registers left goes on the stack.
        let in_registers = words + width <= INT_REGISTERS;
        let show = |w: &str| {
            if in_registers && !used.get(i).copied().unwrap_or(true) {
                "0x0?".to_string()
            } else {
                w.to_string()
            }
        };
        match part {
            Part::Word(w) => {
                out.push_str(&show(&w));
                words += 1;
            }
            Part::Opaque => {
                out.push_str("{...}");
                words += 1;
            }
            Part::Group(ws) => {
                out.push('{');
                for (j, w) in ws.iter().enumerate() {
                    if words >= MAX_WORDS {
                        out.push_str(", ...");
                        break;
                    }
                    if j > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&show(w));
                    words += 1;
                }
                out.push('}');
            }
        }
    }
    out
}

/// One argument's words.
fn arg_parts(v: &Value) -> Part {
    fn addr(obj: u32) -> u64 {
        0xc000010000 + u64::from(obj) * 0x100
    }
    let hex = |x: u64| format!("{x:#x}");
    match v {
        Value::Int(i) => Part::Word(hex(*i as u64)),
        Value::Bool(b) => Part::Word(hex(u64::from(*b))),
        Value::Float(f) => Part::Word(hex(f.to_bits())),
        Value::Str(s) => Part::Group(vec![
            hex(0x4b0000 + (s.len() as u64 % 0x1000)),
            hex(s.len() as u64),
        ]),
        Value::Ptr(Some(p)) => Part::Word(hex(addr(p.obj.0))),
        Value::Slice(Some(s)) => Part::Group(vec![
            hex(addr(s.obj.0)),
            hex(u64::from(s.len)),
            hex(u64::from(s.cap)),
        ]),
        Value::Slice(None) => Part::Group(vec!["0x0".into(), "0x0".into(), "0x0".into()]),
        Value::Map(Some(m)) => Part::Word(hex(0xc000070000 + u64::from(m.0) * 0x30)),
        Value::Chan(Some(c)) => Part::Word(hex(0xc000080000 + u64::from(c.0) * 0x60)),
        Value::Iface(Some(_)) => Part::Group(vec!["0x48a0e0".into(), "0xc000012000".into()]),
        Value::Iface(None) => Part::Group(vec!["0x0".into(), "0x0".into()]),
        Value::Struct(_) | Value::Array(_) | Value::Sync(_) => Part::Opaque,
        _ => Part::Word("0x0".into()),
    }
}
