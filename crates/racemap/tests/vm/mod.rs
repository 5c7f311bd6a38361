//! Shared by the machine tests on hand-assembled bytecode (`vm_machine.rs`, `vm_runtime.rs`):
//! an assembler (`Asm`) whose instruction `i` of function `k` sits on line `100 * k + i + 1` of
//! a dummy source, and helpers to step and inspect a machine.
// Each test file uses part of what is here.
#![allow(dead_code, unused_imports)]

pub use racemap::bytecode::{
    BinOp, Func, Instr, LibFunc, Program, ResultSlot, SelectCase, SelectTable,
};
pub use racemap::diag::{SourceMap, Span};
pub use racemap::lang::ast::ChanDir;
pub use racemap::lang::types::{Basic, SyncKind, TypeId, TypeKind, TypeTable};
pub use racemap::rt::config::{Config, LimitHit};
pub use racemap::rt::event::{Effect, Gid, Op};
pub use racemap::rt::machine::{Choice, Machine, Status};
pub use racemap::rt::value::FuncId;
pub use std::collections::BTreeMap;
pub use std::rc::Rc;

/// Instruction `i` of function `k` sits on line `100 * k + i + 1` of a dummy source.
pub struct Asm {
    pub types: TypeTable,
    pub funcs: Vec<Func>,
    pub strings: Vec<racemap::gostr::GoString>,
    pub selects: Vec<SelectTable>,
}

pub const LINE: u32 = 3; // "//\n"

pub fn span_of_line(line: u32) -> Span {
    let lo = (line - 1) * LINE;
    Span::new(lo, lo + 2)
}

impl Asm {
    pub fn new() -> Asm {
        Asm {
            types: TypeTable::new(),
            funcs: Vec::new(),
            strings: Vec::new(),
            selects: Vec::new(),
        }
    }

    pub fn ty(&mut self, k: TypeKind) -> TypeId {
        self.types.intern(k)
    }

    pub fn str(&mut self, s: &str) -> racemap::bytecode::StrId {
        self.strings.push(s.into());
        racemap::bytecode::StrId(self.strings.len() as u32 - 1)
    }

    pub fn select(
        &mut self,
        cases: Vec<SelectCase>,
        has_default: bool,
    ) -> racemap::bytecode::SelectId {
        self.selects.push(SelectTable { cases, has_default });
        racemap::bytecode::SelectId(self.selects.len() as u32 - 1)
    }

    /// Reserve a function id (for mutual references), filled by `define`.
    pub fn declare(&mut self, name: &str) -> FuncId {
        let k = self.funcs.len() as u32;
        self.funcs.push(Func {
            name: Rc::from(name),
            span: Span::new(span_of_line(100 * k + 1).lo, span_of_line(100 * k + 99).hi),
            params: 0,
            param_types: Vec::new(),
            results: Vec::new(),
            result_slots: Vec::new(),
            locals: 0,
            captures: 0,
            variadic: false,
            code: Vec::new(),
            spans: Vec::new(),
            wrapper: false,
        });
        FuncId(k)
    }

    pub fn define(&mut self, f: FuncId, params: u32, locals: u32, code: Vec<Instr>) {
        let k = f.0;
        let func = &mut self.funcs[k as usize];
        func.params = params;
        func.param_types = vec![TypeTable::basic(Basic::Int); params as usize];
        func.locals = locals.max(params);
        func.spans = (0..code.len() as u32)
            .map(|i| span_of_line(100 * k + i + 1))
            .collect();
        func.code = code;
    }

    pub fn func(&mut self, name: &str, params: u32, locals: u32, code: Vec<Instr>) -> FuncId {
        let f = self.declare(name);
        self.define(f, params, locals, code);
        f
    }

    pub fn build(mut self, main: FuncId) -> Rc<Program> {
        let init = self.func("main.init", 0, 0, vec![Instr::Return]);
        let lines = 100 * self.funcs.len() + 10;
        let source = "//\n".repeat(lines);
        let error_type = TypeTable::basic(Basic::String);
        Rc::new(Program {
            source_map: SourceMap::new("prog.go", &source),
            source,
            funcs: self.funcs,
            types: self.types,
            globals: Vec::new(),
            strings: self.strings,
            selects: self.selects,
            methods: litemap::LiteMap::new_vec(),
            init,
            main,
            error_type,
            error_types: racemap::bytecode::ErrorTypes::all_of(error_type),
            tests: Vec::new(),
            test_binary: None,
            var_names: Vec::new(),
            exclusive_atomics: Default::default(),
            final_loads: Default::default(),
            copies_wait_groups: true,
            uses_time_values: true,
        })
    }
}

pub fn int() -> TypeId {
    TypeTable::basic(Basic::Int)
}

pub fn machine(p: Rc<Program>) -> Machine {
    Machine::new(p, Config::default())
}

/// Step the first runnable choice of `gid`; panics (in the test) when it is not runnable.
pub fn step(m: &mut Machine, gid: u32) -> Vec<racemap::rt::event::Event> {
    let c = m
        .runnable()
        .into_iter()
        .find(|c| c.gid == Gid(gid))
        .unwrap_or_else(|| panic!("goroutine {gid} not runnable: {:?}", m.runnable()));
    m.step(c)
}

pub fn gids(m: &Machine) -> Vec<u32> {
    m.runnable().iter().map(|c| c.gid.0).collect()
}

pub fn failure(m: &Machine) -> String {
    match m.status() {
        Status::Failed(e) => e.render(),
        other => panic!("expected a failure, got {other:?}"),
    }
}

/// main spawns two writers of `m[1] = 1` (passing the map); main then `m[k] = 2` itself.
pub fn two_map_writers() -> Rc<Program> {
    let mut a = Asm::new();
    let mt = a.ty(TypeKind::Map(int(), int()));
    let main = a.declare("main.main");
    let writer = a.func(
        "main.main.func1",
        1,
        1,
        vec![
            Instr::LoadLocal(0),
            Instr::PushInt(1),
            Instr::PushInt(1),
            Instr::MapSet,
            Instr::Return,
        ],
    );
    a.define(
        main,
        0,
        1,
        vec![
            Instr::MakeMap(mt),
            Instr::StoreLocal(0),
            Instr::MakeClosure {
                func: writer,
                ncaptures: 0,
            },
            Instr::LoadLocal(0),
            Instr::Go { argc: 1 },
            Instr::MakeClosure {
                func: writer,
                ncaptures: 0,
            },
            Instr::LoadLocal(0),
            Instr::Go { argc: 1 },
            Instr::LoadLocal(0),
            Instr::PushInt(1),
            Instr::MapGet {
                elem: int(),
                comma_ok: false,
            },
            Instr::Pop,
            Instr::Return,
        ],
    );
    a.build(main)
}

/// main: ch := make(chan int); go func(ch) { ch <- 42 }(ch); fmt.Println(<-ch)
pub fn rendezvous() -> Rc<Program> {
    let mut a = Asm::new();
    let ct = a.ty(TypeKind::Chan(ChanDir::Both, int()));
    let main = a.declare("main.main");
    let sender = a.func(
        "main.main.func1",
        1,
        1,
        vec![
            Instr::LoadLocal(0),
            Instr::PushInt(42),
            Instr::Send,
            Instr::Return,
        ],
    );
    let _ = ct;
    a.define(
        main,
        0,
        1,
        vec![
            Instr::PushInt(0),
            Instr::MakeChan { elem: int() },
            Instr::StoreLocal(0),
            Instr::MakeClosure {
                func: sender,
                ncaptures: 0,
            },
            Instr::LoadLocal(0),
            Instr::Go { argc: 1 },
            Instr::LoadLocal(0),
            Instr::Recv {
                elem: int(),
                comma_ok: false,
            },
            Instr::ToIface(int()),
            Instr::CallLib {
                func: LibFunc::FmtPrintln,
                argc: 1,
            },
            Instr::Return,
        ],
    );
    a.build(main)
}
