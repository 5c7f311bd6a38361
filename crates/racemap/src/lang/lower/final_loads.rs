//! Final loads: the reads of variables that nothing writes after their declaration. A local's
//! are fixed loads ([`Instr::LoadFixed`]: no step, no access); a package-level variable's are
//! checked by the race detector but not recorded (`Program::final_loads`).
//!
//! A variable qualifies when it lives in a heap cell (it escapes, or is package-level) and
//! every use of it after its declaration is a read of its whole value by name
//! ([`FnCx::note_var_load`]: `x` as an operand, lowered to a `Load` of its cell), so nothing
//! takes its address (`&x`, `x.f = …`, `x++`, a pointer-method call, an assignment: all go
//! through [`FnCx::addr`], [`VarLoads::addressed`]). Its cell is written only when it is made:
//! a local's declaration makes a fresh cell holding its value (`Instr::Box`/`Instr::Alloc`, no
//! access), a parameter's is made at the call, a package-level variable's initializer runs
//! before `main`. Not a result (every `return` writes it) and not a loop variable (the loop
//! writes or copies it).
//!
//! **Locals, parameters and receivers: fixed loads.** Only the function that declares such a
//! variable can get its cell, after the cell was made with its value, and nothing writes the
//! cell: every read in every run sees that value, and none can race with any access. The read
//! is then no operation another goroutine can observe or order, so it is not a step:
//! lowering turns its `Load` into [`Instr::LoadFixed`], which the race detector does not see
//! either. This is Go's capture by value (gc's escape analysis, `flowClosure`: a captured
//! variable never reassigned whose address is not taken, of at most 128 bytes, is copied into
//! the closure, whose reads the race detector does not instrument), for every size: a larger
//! variable Go captures by reference is written only by its declaration too, which happens
//! before the closure exists, so Go never reports a read of it either. Without these steps a
//! goroutine's arrival at its next blocking operation may fall into its previous step (a `go`
//! right before a `select`); searches let such an arrival come later
//! (`rt::config::WakeOrder::receivers_arrived`).
//!
//! **Package-level variables: final reads.** A goroutine started while package initialization
//! runs could read one before its initializer's store, so its reads stay steps. No write of
//! the cell follows any read of it, so a read can race with no later access: the detector
//! checks it against the writes before it as usual and does not record it
//! (`rt::event::Effect::FinalRead`). This keeps the explorer's state caching from telling
//! apart states that differ only in which goroutine knows of which read of a shared variable
//! that is only read.

use super::func::FnCx;
use super::Lowerer;
use crate::bytecode::{Func, FuncId, Instr};
use crate::lang::ast::NodeId;
use crate::lang::check::{ObjectId, ObjectKind, VarKind};
use litemap::LiteMap;
use std::collections::BTreeSet;

/// What lowering noted about the reads of heap variables so far.
#[derive(Default)]
pub struct VarLoads {
    /// Each `Load` of a variable's whole value by name: function, pc, the variable.
    loads: Vec<(FuncId, u32, ObjectId)>,
    /// The identifiers lowered as such a read.
    read_nodes: BTreeSet<NodeId>,
    /// Variables whose cell's address some lowering pushed for another purpose (a place:
    /// assignment, `&x`, `op=`, a method's receiver, a field or element of it).
    addressed: BTreeSet<ObjectId>,
}

impl VarLoads {
    /// The variable's cell was addressed as a place.
    pub fn note_addressed(&mut self, obj: ObjectId) {
        self.addressed.insert(obj);
    }
}

impl FnCx<'_, '_> {
    /// The instruction at `pc` (a `Load`) reads variable `obj`'s whole value by name, for the
    /// identifier `node`.
    pub(super) fn note_var_load(&mut self, pc: usize, obj: ObjectId, node: NodeId) {
        self.var_loads.push((pc as u32, obj));
        self.lw.var_loads.read_nodes.insert(node);
    }
}

impl Lowerer<'_> {
    /// Record function `id`'s variable loads (`pcs`: pc and variable).
    pub(super) fn add_var_loads(&mut self, id: FuncId, pcs: &[(u32, ObjectId)]) {
        for (pc, obj) in pcs {
            self.var_loads.loads.push((id, *pc, *obj));
        }
    }

    /// After every function is lowered: turns the loads of qualifying locals, parameters and
    /// receivers in `funcs` into [`Instr::LoadFixed`] and returns the loads of qualifying
    /// package-level variables, the final reads (module docs).
    pub(super) fn final_loads(&self, funcs: &mut [Func]) -> LiteMap<(FuncId, u32), ()> {
        let vl = &self.var_loads;
        // Variables with a use that is not a read by name.
        let mut other_use: BTreeSet<ObjectId> = BTreeSet::new();
        for (id, ident) in &self.info.idents {
            if !ident.def && !vl.read_nodes.contains(id) {
                other_use.insert(ident.object);
            }
        }
        let qualifies = |obj: ObjectId| {
            if vl.addressed.contains(&obj) || other_use.contains(&obj) {
                return None;
            }
            match self.info.objects.get(obj.0 as usize).map(|o| &o.kind) {
                Some(ObjectKind::Var(v))
                    if matches!(v.kind, VarKind::Local | VarKind::Param | VarKind::Receiver)
                        && !v.loop_var =>
                {
                    Some(Kind::Fixed)
                }
                Some(ObjectKind::Global { .. }) => Some(Kind::Final),
                _ => None,
            }
        };
        let mut out = LiteMap::new();
        for (func, pc, obj) in &vl.loads {
            match qualifies(*obj) {
                Some(Kind::Fixed) => {
                    let load = funcs
                        .get_mut(func.0 as usize)
                        .and_then(|f| f.code.get_mut(*pc as usize));
                    // Invariant: `loads` holds the pcs of `Load`s (`FnCx::note_var_load`).
                    if let Some(ins @ Instr::Load) = load {
                        *ins = Instr::LoadFixed;
                    }
                }
                Some(Kind::Final) => {
                    out.insert((*func, *pc), ());
                }
                None => {}
            }
        }
        out
    }
}

/// How the reads of a qualifying variable are made (module docs).
enum Kind {
    /// A local, parameter or receiver: [`Instr::LoadFixed`].
    Fixed,
    /// A package-level variable: a final read.
    Final,
}

#[cfg(test)]
mod tests {
    /// Whether `source`'s `main` (with `import "fmt"` and `body`, after `decls`) has a final
    /// load (fixed or a final read).
    fn has_final(decls: &str, body: &str) -> bool {
        let source =
            format!("package main\n\nimport \"fmt\"\n\n{decls}\nfunc main() {{\n{body}}}\n");
        let program = crate::compile::compile(&source)
            .unwrap_or_else(|e| panic!("test programs compile: {e:?}\n{source}"));
        !program.final_loads.is_empty()
            || program.funcs.iter().any(|f| {
                f.code
                    .iter()
                    .any(|i| matches!(i, crate::bytecode::Instr::LoadFixed))
            })
    }

    #[test]
    fn variables_only_read_after_their_declaration_qualify() {
        let go_print = |v: &str| format!("\tgo func() {{ fmt.Println({v}) }}()\n");
        // A captured local, a parameter, package-level variables with and without initializer.
        assert!(has_final("", &format!("\tx := 1\n{}", go_print("x"))));
        assert!(has_final(
            "func f(p int) {\n\tfunc() { fmt.Println(p) }()\n}\n",
            "\tf(1)\n"
        ));
        assert!(has_final("var g = 1\n", &go_print("g")));
        assert!(has_final("var h int\n", &go_print("h")));
        // Assigned, incremented, addressed, written through a field or a pointer method, a
        // loop variable, a named result: not final.
        assert!(!has_final(
            "",
            &format!("\tx := 1\n{}\tx = 2\n", go_print("x"))
        ));
        assert!(!has_final(
            "var g = 1\n",
            &format!("{}\tg++\n", go_print("g"))
        ));
        assert!(!has_final(
            "",
            &format!("\tx := 1\n{}\tp := &x\n\t*p = 2\n", go_print("x"))
        ));
        assert!(!has_final(
            "type T struct{ f int }\n\nfunc (t *T) Set() { t.f = 1 }\n",
            &format!("\tvar t T\n{}\tt.Set()\n", go_print("t"))
        ));
        assert!(!has_final(
            "type T struct{ f int }\n",
            &format!("\tvar t T\n{}\tt.f = 2\n", go_print("t"))
        ));
        assert!(!has_final(
            "",
            "\tfor i := 0; i < 2; i++ {\n\t\tgo func() { fmt.Println(i) }()\n\t}\n"
        ));
        assert!(!has_final(
            "func named() (r int) {\n\tfunc() { fmt.Println(r) }()\n\treturn 3\n}\n",
            "\tfmt.Println(named())\n"
        ));
    }
}
