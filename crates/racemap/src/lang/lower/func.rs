//! Per-function lowering state ([`FnCx`]) and function entry/exit: parameter slots, escaping
//! parameters moved to heap cells, result slots, closures' captures, `main.init`.
//!
//! Frame layout: slots `0..params` are the parameters (receiver first), then one slot per
//! result, then variables and temporaries in order of declaration.

use super::Lowerer;
use crate::bytecode::FuncId;
use crate::bytecode::{Func, GlobalId, Instr, ResultSlot, VarName, VarPlace};
use crate::diag::Span;
use crate::lang::ast::{self, NodeId};
use crate::lang::check::{FuncInfo, ObjectId, ObjectKind};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};
use litemap::LiteMap;

/// Where a variable lives in the current frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum VarLoc {
    /// The value is in this local slot.
    Local(u32),
    /// The local slot holds a pointer to the variable's heap cell.
    Cell(u32),
    /// The closure's capture `i` is a pointer to the variable's heap cell.
    Capture(u32),
}

/// A `break`/`continue` target being lowered.
pub(crate) struct Target {
    /// The `for`/`range`/`switch`/`select` statement.
    pub stmt: NodeId,
    /// Jumps to patch with the end of the statement.
    pub breaks: Vec<usize>,
    /// Jumps to patch with the continue point (loops only).
    pub continues: Vec<usize>,
}

/// Lowering state of one function body.
pub(crate) struct FnCx<'l, 'a> {
    /// Program-wide state.
    pub lw: &'l mut Lowerer<'a>,
    /// Instructions so far.
    pub code: Vec<Instr>,
    /// One span per instruction.
    pub spans: Vec<Span>,
    /// Number of local slots used.
    pub locals: u32,
    /// Storage of each variable visible in this function.
    pub vars: LiteMap<ObjectId, VarLoc>,
    /// The span given to emitted instructions.
    pub span: Span,
    /// Enclosing breakable statements, innermost last.
    pub targets: Vec<Target>,
    /// The instruction index of each label lowered so far (`goto` targets).
    pub labels: LiteMap<String, u32>,
    /// Each `goto`'s jump and its label, patched when the function is finished (the checker
    /// ensures every label exists).
    pub gotos: Vec<(usize, String)>,
    /// Where results live.
    pub result_slots: Vec<ResultSlot>,
    /// The function's key in `Info::funcs`.
    pub key: NodeId,
    /// Number of the last closure name used in this function (`main.main.func3`): function
    /// literals take the first numbers, then Go 1.19's wrappers of `go`/`defer` calls.
    pub closure_count: u32,
    /// Calls already evaluated into a temporary, by node, for gc's evaluation order
    /// (`order.rs`); [`FnCx::expr`] loads and removes them.
    pub hoisted: Vec<(NodeId, u32)>,
    /// The next operand list is a `go`/`defer` call's arguments, which gc evaluates in order
    /// (`order.rs`).
    pub skip_hoist: bool,
    /// The pcs of this function's [`Program::exclusive_atomics`].
    pub exclusive_atomics: Vec<u32>,
    /// This function's loads of a variable's value by name: pc and variable
    /// (`final_loads.rs`).
    pub var_loads: Vec<(u32, ObjectId)>,
}

impl<'l, 'a> FnCx<'l, 'a> {
    /// A fresh context.
    pub fn new(lw: &'l mut Lowerer<'a>, key: NodeId, span: Span) -> FnCx<'l, 'a> {
        let literals = lw
            .info
            .funcs
            .values()
            .filter(|f| f.parent == Some(key))
            .count() as u32;
        FnCx {
            lw,
            code: Vec::new(),
            spans: Vec::new(),
            locals: 0,
            vars: LiteMap::new_vec(),
            span,
            targets: Vec::new(),
            labels: LiteMap::new_vec(),
            gotos: Vec::new(),
            result_slots: Vec::new(),
            key,
            closure_count: literals,
            hoisted: Vec::new(),
            skip_hoist: false,
            exclusive_atomics: Vec::new(),
            var_loads: Vec::new(),
        }
    }

    /// Go's runtime name of this function (`main.init` for the initializer).
    pub fn func_name(&self) -> String {
        self.lw
            .info
            .funcs
            .get(&self.key)
            .map(|f| f.name.clone())
            .unwrap_or_else(|| "main.init".to_string())
    }

    /// The name of the next compiler-made closure in this function, as Go 1.19 numbers the
    /// wrappers of `go`/`defer` statements: after the function literals, in source order.
    pub fn next_wrapper_name(&mut self) -> String {
        self.closure_count += 1;
        format!("{}.func{}", self.func_name(), self.closure_count)
    }

    /// Append an instruction with the current span; returns its index.
    pub fn emit(&mut self, ins: Instr) -> usize {
        self.code.push(ins);
        self.spans.push(self.span);
        self.code.len() - 1
    }

    /// Append an instruction with a specific span.
    pub fn emit_at(&mut self, ins: Instr, span: Span) -> usize {
        self.code.push(ins);
        self.spans.push(span);
        self.code.len() - 1
    }

    /// The index the next instruction will have.
    pub fn here(&self) -> u32 {
        self.code.len() as u32
    }

    /// Point the jump at `at` to `target`.
    pub fn patch(&mut self, at: usize, target: u32) {
        match &mut self.code[at] {
            Instr::Jump(t) | Instr::JumpIf(t) | Instr::JumpIfNot(t) => *t = target,
            _ => {}
        }
    }

    /// A new temporary slot.
    pub fn temp(&mut self) -> u32 {
        self.locals += 1;
        self.locals - 1
    }

    /// Pop the top of stack into a new temporary.
    pub fn pop_temp(&mut self) -> u32 {
        let t = self.temp();
        self.emit(Instr::StoreLocal(t));
        t
    }

    /// Record an unsupported construct.
    pub fn unsupported(&mut self, span: Span, what: impl AsRef<str>) {
        self.lw.unsupported(span, what);
    }

    /// The invalid type (used after an error was reported).
    pub fn invalid() -> TypeId {
        TypeTable::basic(Basic::Invalid)
    }

    /// Type of an expression (after implicit conversion of untyped constants).
    pub fn ty(&mut self, e: &ast::Expr) -> TypeId {
        match self.lw.info.type_of(e.id) {
            Some(t) => t,
            None => {
                self.lw
                    .internal(e.span, "no type information for this expression");
                Self::invalid()
            }
        }
    }

    /// Structure of the underlying type.
    pub fn under(&self, ty: TypeId) -> TypeKind {
        self.lw.types.under(ty).clone()
    }

    /// Underlying basic type, `Invalid` for others.
    pub fn basic(&self, ty: TypeId) -> Basic {
        match self.lw.types.under(ty) {
            TypeKind::Basic(b) => *b,
            _ => Basic::Invalid,
        }
    }

    /// Whether a type's underlying type is an interface.
    pub fn is_iface(&self, ty: TypeId) -> bool {
        matches!(self.lw.types.under(ty), TypeKind::Interface(_))
    }

    /// The type of a variable object (local or global).
    pub fn var_ty(&mut self, obj: ObjectId) -> TypeId {
        match self.lw.info.objects.get(obj.0 as usize).map(|o| &o.kind) {
            Some(ObjectKind::Var(v)) => v.ty,
            Some(ObjectKind::Global { ty, .. }) => *ty,
            _ => {
                self.not_a_variable(obj);
                Self::invalid()
            }
        }
    }

    /// Whether a local variable object escapes.
    pub fn escapes(&mut self, obj: ObjectId) -> bool {
        match self.lw.info.local(obj) {
            Some(v) => v.escapes,
            None => {
                self.not_a_variable(obj);
                false
            }
        }
    }

    /// The checker declared `obj` as a variable, but its facts say otherwise.
    fn not_a_variable(&mut self, obj: ObjectId) {
        let span = self
            .lw
            .info
            .objects
            .get(obj.0 as usize)
            .map_or(Span::default(), |o| o.span);
        self.lw
            .internal(span, format!("object {} is not a variable", obj.0));
    }

    /// Declare a new variable whose initial value is on the stack (`[v] → []`): a local slot,
    /// or a fresh heap cell when it escapes.
    pub fn define_from_stack(&mut self, obj: ObjectId) {
        let ty = self.var_ty(obj);
        let slot = self.temp();
        if self.escapes(obj) {
            self.emit(Instr::Box(ty));
            // gc stores the initial value into the new object: a write the race detector sees.
            self.emit(Instr::InitWrites);
            self.emit(Instr::StoreLocal(slot));
            self.vars.insert(obj, VarLoc::Cell(slot));
        } else {
            self.emit(Instr::StoreLocal(slot));
            self.vars.insert(obj, VarLoc::Local(slot));
        }
    }

    /// Declare a new zero-valued variable.
    pub fn define_zero(&mut self, obj: ObjectId) {
        let ty = self.var_ty(obj);
        let slot = self.temp();
        if self.escapes(obj) {
            self.emit(Instr::Alloc(ty));
            // gc zeroes the new object with an instrumented store (or `memclr`).
            self.emit(Instr::InitWrites);
            self.vars.insert(obj, VarLoc::Cell(slot));
        } else {
            self.emit(Instr::Zero(ty));
            self.vars.insert(obj, VarLoc::Local(slot));
        }
        self.emit(Instr::StoreLocal(slot));
    }

    /// Push the pointer to an escaping variable's cell (`[] → [ptr]`); `false` when the variable
    /// is a plain local.
    pub fn push_var_ptr(&mut self, obj: ObjectId, span: Span) -> bool {
        if let Some(g) = self.lw.global_of(obj) {
            self.emit(Instr::GlobalPtr(g));
            return true;
        }
        match self.vars.get(&obj).copied() {
            Some(VarLoc::Cell(s)) => {
                self.emit(Instr::LoadLocal(s));
                true
            }
            Some(VarLoc::Capture(i)) => {
                self.emit(Instr::Capture(i));
                true
            }
            Some(VarLoc::Local(_)) => false,
            None => {
                self.unsupported(span, "this variable (not found while lowering)");
                self.emit(Instr::Zero(Self::invalid()));
                true
            }
        }
    }

    /// Finish: produce the function.
    pub fn finish(
        mut self,
        id: FuncId,
        params: Vec<TypeId>,
        results: Vec<TypeId>,
        variadic: bool,
        captures: u32,
    ) {
        debug_assert!(self.hoisted.is_empty(), "a hoisted call was never loaded");
        // Falling off the end returns (the checker ensures functions with results do not).
        self.emit(Instr::Return);
        for (at, label) in std::mem::take(&mut self.gotos) {
            match self.labels.get(&label) {
                Some(&target) => self.patch(at, target),
                None => {
                    let what = format!("goto {label} has no label (the checker admits none)");
                    let d = crate::diag::Diagnostic::internal(self.spans[at], what);
                    self.lw.diags.push(d);
                }
            }
        }
        for (obj, loc) in &self.vars {
            let Some(o) = self.lw.info.objects.get(obj.0 as usize) else {
                continue;
            };
            if o.name == "_" || o.name.is_empty() {
                continue;
            }
            let place = match *loc {
                VarLoc::Local(n) => VarPlace::Local(n),
                VarLoc::Cell(n) => VarPlace::Cell(n),
                VarLoc::Capture(n) => VarPlace::Capture(n),
            };
            self.lw.var_names.push(VarName {
                func: id,
                name: o.name.clone(),
                place,
            });
        }
        for pc in &self.exclusive_atomics {
            self.lw.exclusive_atomics.insert((id, *pc), ());
        }
        let var_loads = std::mem::take(&mut self.var_loads);
        self.lw.add_var_loads(id, &var_loads);
        let f = Func {
            name: self.lw.funcs[id.0 as usize].name.clone(),
            span: self.lw.funcs[id.0 as usize].span,
            params: params.len() as u32,
            param_types: params,
            results,
            result_slots: self.result_slots,
            locals: self.locals,
            captures,
            variadic,
            code: self.code,
            spans: self.spans,
            wrapper: false,
        };
        self.lw.funcs[id.0 as usize] = f;
    }
}

/// Signature parts of a function type.
fn sig_parts(lw: &Lowerer, sig: TypeId) -> (Vec<TypeId>, Vec<TypeId>, bool) {
    match lw.types.under(sig) {
        TypeKind::Func(s) => (s.params.clone(), s.results.clone(), s.variadic),
        _ => (Vec::new(), Vec::new(), false),
    }
}

/// Set up parameters, results and captures, lower the body, and store the function.
pub(crate) fn lower_body(
    lw: &mut Lowerer,
    id: FuncId,
    key: NodeId,
    finfo: &FuncInfo,
    body: &ast::Block,
    span: Span,
) {
    let (mut params, results, variadic) = sig_parts(lw, finfo.sig);
    let mut cx = FnCx::new(lw, key, span);
    let mut param_objs: Vec<ObjectId> = Vec::new();
    if let Some(r) = finfo.recv {
        params.insert(0, cx.var_ty(r));
        param_objs.push(r);
    }
    param_objs.extend(finfo.params.iter().copied());
    cx.locals = param_objs.len() as u32;
    for (i, obj) in param_objs.iter().enumerate() {
        cx.vars.insert(*obj, VarLoc::Local(i as u32));
    }
    // Result slots.
    let mut cell_results = Vec::new();
    for (i, obj) in finfo.results.iter().enumerate() {
        let slot = cx.temp();
        if cx.escapes(*obj) {
            cx.result_slots.push(ResultSlot::Cell(slot));
            cx.vars.insert(*obj, VarLoc::Cell(slot));
            cell_results.push((slot, results.get(i).copied().unwrap_or(FnCx::invalid())));
        } else {
            cx.result_slots.push(ResultSlot::Local(slot));
            cx.vars.insert(*obj, VarLoc::Local(slot));
        }
    }
    for (i, obj) in finfo.captures.iter().enumerate() {
        cx.vars.insert(*obj, VarLoc::Capture(i as u32));
    }
    // Escaping parameters move to the heap; escaping results start as zero-valued cells.
    for (i, obj) in param_objs.iter().enumerate() {
        if cx.escapes(*obj) {
            let ty = cx.var_ty(*obj);
            cx.emit(Instr::LoadLocal(i as u32));
            cx.emit(Instr::Box(ty));
            // The copy into the heap is a write at the function's line, as gc's `moveToHeap`.
            cx.emit(Instr::InitWrites);
            cx.emit(Instr::StoreLocal(i as u32));
            cx.vars.insert(*obj, VarLoc::Cell(i as u32));
        }
    }
    for (slot, ty) in cell_results {
        cx.emit(Instr::Alloc(ty));
        cx.emit(Instr::StoreLocal(slot));
    }
    cx.block(body);
    // Falling off the end: the implicit return (and the deferred calls it runs) is at the
    // closing brace, where Go's tracebacks place it.
    cx.span = Span::new(body.span.hi.saturating_sub(1), body.span.hi);
    let ncaptures = finfo.captures.len() as u32;
    cx.finish(id, params, results, variadic, ncaptures);
}

/// Lower a top-level function or method declaration into the reserved id.
pub(crate) fn lower_func_decl(lw: &mut Lowerer, fd: &ast::FuncDecl, id: FuncId) {
    let Some(finfo) = lw.info.funcs.get(&fd.name.id).cloned() else {
        return;
    };
    let Some(body) = &fd.body else {
        lw.unsupported(fd.span, "functions without a body");
        return;
    };
    lower_body(lw, id, fd.name.id, &finfo, body, fd.span);
}

/// `main.init`: package-level variable initializers in the checker's order, then the
/// `func init()` functions in source order.
pub(crate) fn lower_init(lw: &mut Lowerer, id: FuncId, file: &ast::File) {
    // Index the initializer expressions by id.
    let mut exprs: crate::lang::check::NodeMap<&ast::Expr> = Default::default();
    for decl in &file.decls {
        if let ast::Decl::Var(specs) = decl {
            for spec in specs {
                for v in &spec.values {
                    exprs.insert(v.id, v);
                }
            }
        }
    }
    let inits = lw.info.global_inits.clone();
    let init_funcs = lw.info.init_funcs.clone();
    let mut cx = FnCx::new(lw, NodeId(u32::MAX), Span::default());
    for gi in &inits {
        if gi.rhs.is_empty() {
            continue;
        }
        let rhs: Vec<&ast::Expr> = gi
            .rhs
            .iter()
            .filter_map(|id| exprs.get(id).copied())
            .collect();
        if rhs.len() != gi.rhs.len() {
            continue;
        }
        cx.span = rhs[0].span;
        let n = cx.push_values(&rhs, gi.lhs.len());
        // Values are on the stack in order; store right to left into temps, then assign.
        let mut temps = Vec::new();
        for _ in 0..n {
            temps.push(cx.pop_temp());
        }
        temps.reverse();
        for (lhs, t) in gi.lhs.iter().zip(temps) {
            let Some(obj) = lhs else { continue };
            let Some(g) = cx.lw.global_of(*obj) else {
                continue;
            };
            cx.emit(Instr::GlobalPtr(GlobalId(g.0)));
            cx.emit(Instr::LoadLocal(t));
            cx.emit(Instr::Store);
        }
    }
    for key in init_funcs {
        let obj = cx.lw.info.idents.get(&key).map(|i| i.object);
        if let Some(f) = obj.and_then(|o| cx.lw.decl_funcs.get(&o).copied()) {
            cx.emit(Instr::Call { func: f, argc: 0 });
        }
    }
    cx.finish(id, Vec::new(), Vec::new(), false, 0);
}

/// Lower a function literal; returns its id (the caller builds the closure).
pub(crate) fn lower_func_lit(lw: &mut Lowerer, e: &ast::Expr, body: &ast::Block) -> Option<FuncId> {
    let finfo = lw.info.funcs.get(&e.id).cloned()?;
    let id = lw.reserve(&finfo.name, e.span);
    lower_body(lw, id, e.id, &finfo, body, e.span);
    Some(id)
}
