//! A readable listing of a program (one instruction a line with its index and source line), for
//! tests, debugging and `--trace`.

use super::*;
use std::fmt::Write as _;

impl Program {
    /// A readable listing of the whole program: one function after another, one instruction a
    /// line with its index and source line, for tests, debugging and `--trace`.
    pub fn disassemble(&self) -> String {
        let mut out = String::new();
        for (i, g) in self.globals.iter().enumerate() {
            let _ = writeln!(
                out,
                "global {i} {} {}",
                g.name,
                self.types.display(g.ty, false)
            );
        }
        for i in 0..self.funcs.len() {
            if i > 0 || !self.globals.is_empty() {
                out.push('\n');
            }
            out.push_str(&self.disassemble_func(FuncId(i as u32)));
        }
        out
    }

    /// The listing of one function (see [`Program::disassemble`]).
    pub fn disassemble_func(&self, id: FuncId) -> String {
        let f = self.func(id);
        let mut out = String::new();
        let params: Vec<String> = f
            .param_types
            .iter()
            .map(|t| self.types.display(*t, false))
            .collect();
        let results: Vec<String> = f
            .results
            .iter()
            .map(|t| self.types.display(*t, false))
            .collect();
        let _ = writeln!(
            out,
            "func {} ({}) ({}) locals={} captures={}{}",
            f.name,
            params.join(", "),
            results.join(", "),
            f.locals,
            f.captures,
            if f.wrapper { " wrapper" } else { "" }
        );
        for (pc, ins) in f.code.iter().enumerate() {
            let line = f
                .spans
                .get(pc)
                .map(|s| self.source_map.line(s.lo))
                .unwrap_or(0);
            let _ = writeln!(out, "  {pc:>3} L{line:<3} {}", self.instr_text(ins));
        }
        out
    }

    /// One instruction as text, with type names and string constants resolved.
    pub fn instr_text(&self, ins: &Instr) -> String {
        let ty = |t: &TypeId| self.types.display(*t, false);
        match ins {
            Instr::PushInt(v) => format!("PushInt {v}"),
            Instr::PushFloat(v) => format!("PushFloat {v}"),
            Instr::PushBool(v) => format!("PushBool {v}"),
            Instr::PushStr(s) => format!(
                "PushStr {:?}",
                self.strings
                    .get(s.0 as usize)
                    .map_or("?".into(), |s| s.to_lossy())
            ),
            Instr::Zero(t) => format!("Zero {}", ty(t)),
            Instr::Alloc(t) => format!("Alloc {}", ty(t)),
            Instr::Box(t) => format!("Box {}", ty(t)),
            Instr::InitWrites => "InitWrites".to_string(),
            Instr::MakeMap(t) => format!("MakeMap {}", ty(t)),
            Instr::MapLit { ty: t, n } => format!("MapLit {} {n}", ty(t)),
            Instr::MapGet { elem, comma_ok } => {
                format!("MapGet {}{}", ty(elem), if *comma_ok { " ok" } else { "" })
            }
            Instr::MakeSlice { elem } => format!("MakeSlice {}", ty(elem)),
            Instr::SliceLit { elem, n } => format!("SliceLit {} {n}", ty(elem)),
            Instr::Append { elem, n } => format!("Append {} {n}", ty(elem)),
            Instr::AppendSlice { elem } => format!("AppendSlice {}", ty(elem)),
            Instr::Convert { from, to } => format!("Convert {} -> {}", ty(from), ty(to)),
            Instr::ToIface(t) => format!("ToIface {}", ty(t)),
            Instr::TypeAssert {
                ty: t, comma_ok, ..
            } => {
                format!("TypeAssert {}{}", ty(t), if *comma_ok { " ok" } else { "" })
            }
            Instr::TypeIs(t) => format!("TypeIs {}", ty(t)),
            Instr::Binary(op, b) => format!("Binary {} {}", op.as_str(), b.name()),
            Instr::Neg(b) => format!("Neg {}", b.name()),
            Instr::BitNot(b) => format!("BitNot {}", b.name()),
            Instr::Call { func, argc } => format!(
                "Call {} {argc}",
                self.funcs
                    .get(func.0 as usize)
                    .map(|f| &*f.name)
                    .unwrap_or("?")
            ),
            Instr::MakeClosure { func, ncaptures } => format!(
                "MakeClosure {} {ncaptures}",
                self.funcs
                    .get(func.0 as usize)
                    .map(|f| &*f.name)
                    .unwrap_or("?")
            ),
            Instr::MethodValue(func) => format!(
                "MethodValue {}",
                self.funcs
                    .get(func.0 as usize)
                    .map(|f| &*f.name)
                    .unwrap_or("?")
            ),
            Instr::CallIface {
                name,
                argc,
                results,
            } => format!(
                "CallIface {} {argc} {results}",
                self.strings
                    .get(name.0 as usize)
                    .map_or("?".into(), |s| s.to_lossy())
            ),
            Instr::IfaceMethodValue { thunk } => format!(
                "IfaceMethodValue {}",
                self.funcs
                    .get(thunk.0 as usize)
                    .map(|f| &*f.name)
                    .unwrap_or("?")
            ),
            Instr::MakeChan { elem } => format!("MakeChan {}", ty(elem)),
            Instr::Recv { elem, comma_ok } => {
                format!("Recv {}{}", ty(elem), if *comma_ok { " ok" } else { "" })
            }
            Instr::Select(id) => {
                let mut s = format!("Select {}", id.0);
                if let Some(t) = self.selects.get(id.0 as usize) {
                    s.push_str(" [");
                    for (i, c) in t.cases.iter().enumerate() {
                        if i > 0 {
                            s.push_str(", ");
                        }
                        match c {
                            SelectCase::Send => s.push_str("send"),
                            SelectCase::Recv { .. } => s.push_str("recv"),
                        }
                    }
                    if t.has_default {
                        s.push_str(if t.cases.is_empty() {
                            "default"
                        } else {
                            ", default"
                        });
                    }
                    s.push(']');
                }
                s
            }
            Instr::CallLib { func, argc } => format!("CallLib {} {argc}", func.go_name()),
            Instr::DeferLib { func, argc } => format!("DeferLib {} {argc}", func.go_name()),
            Instr::GlobalPtr(g) => format!(
                "GlobalPtr {}",
                self.globals
                    .get(g.0 as usize)
                    .map(|g| g.name.as_str())
                    .unwrap_or("?")
            ),
            other => {
                // Remaining instructions print as their Debug form without braces noise.
                let s = format!("{other:?}").replace(": ", "=");
                s.replace(['(', ')', '{', '}', ','], " ")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        }
    }
}
