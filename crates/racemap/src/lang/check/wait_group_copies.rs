//! Whether the program may copy, overwrite or print a `sync.WaitGroup` (Go vet's `copylocks`,
//! coarsely, for WaitGroups only): [`Info::copies_wait_groups`].
//!
//! The explorer lets a `wg.Done()` go alone (`target::wait_group_steps`) when no other goroutine
//! can touch that WaitGroup's state before it. The static futures it reads know a WaitGroup
//! method call by its class, but a plain load or store (`c := s`, `*p = S{}`) or `fmt`'s
//! printing of `&wg` reads or writes a WaitGroup's state as memory, which the futures cannot tell
//! from any other memory access. So the explorer asks this fact first.
//!
//! The pass: every expression whose value holds a WaitGroup in place (a field, an array
//! element; not behind a pointer) must be in a position that neither copies nor overwrites it:
//! the operand of `&` ([`Checker::note_wait_group_place`] from the `&` check), the base of a
//! field selection, of a pointer-receiver method call (`wg.Add(1)`, `s.mu.Lock()`) or of an
//! interface method reached through an embedded field (from the selector check). Any other
//! expression of such a type (an assignment's or call's operand, a composite literal outside
//! `&`, a dereference, a conversion, a range operand, a method with a value receiver), and any
//! value converted to an interface whose type holds a WaitGroup or points to one that does
//! (`fmt.Println(&wg)` prints its state), sets the fact. A declaration (`var wg
//! sync.WaitGroup`) makes a fresh zero value and is no expression.

use super::Checker;
use crate::lang::ast::{self, ExprKind, NodeId};
use crate::lang::check::info::*;
use crate::types::{SyncKind, TypeId, TypeKind, TypeTable};

impl Checker<'_> {
    /// `e` (and the expressions inside its parentheses) is in a position that neither copies
    /// nor overwrites the value (see the module docs).
    pub(super) fn note_wait_group_place(&mut self, e: &ast::Expr) {
        let mut e = e;
        loop {
            self.info.wait_group_places.insert(e.id);
            match &e.kind {
                ExprKind::Paren(inner) => e = inner,
                _ => break,
            }
        }
    }

    /// After checking: set [`Info::copies_wait_groups`].
    pub(super) fn find_wait_group_copies(&mut self) {
        let copies = self.info.exprs.iter().enumerate().any(|(i, info)| {
            let Some(info) = info else {
                return false;
            };
            if matches!(
                info.mode,
                Mode::Type | Mode::Builtin | Mode::Package | Mode::Nil | Mode::Constant
            ) {
                return false;
            }
            let in_place = holds_wait_group(&self.types, info.ty, 0);
            let printed = info.implicit.is_some() && reaches_wait_group(&self.types, info.ty);
            printed || (in_place && !self.info.wait_group_places.contains(&NodeId(i as u32)))
        });
        // A multi-value call whose results are boxed to interfaces where they are used.
        let boxed = self.info.exprs.iter().enumerate().any(|(i, info)| {
            let boxes = self.info.tuple_implicit.contains_key(&NodeId(i as u32));
            match info {
                Some(info) if boxes => match self.types.under(info.ty) {
                    TypeKind::Tuple(ts) => ts.iter().any(|t| reaches_wait_group(&self.types, *t)),
                    _ => reaches_wait_group(&self.types, info.ty),
                },
                _ => false,
            }
        });
        self.info.copies_wait_groups = copies || boxed;
    }
}

/// A value of type `ty` holds a `sync.WaitGroup` in place (a field, an array element, a tuple
/// element; not behind a pointer, slice, map, channel or interface). Too deep: yes.
fn holds_wait_group(types: &TypeTable, ty: TypeId, depth: u32) -> bool {
    if depth > 64 {
        return true;
    }
    match types.under(ty) {
        TypeKind::Sync(k) => matches!(k, SyncKind::WaitGroup),
        TypeKind::Struct(fields) => fields
            .iter()
            .any(|f| holds_wait_group(types, f.ty, depth + 1)),
        TypeKind::Array(_, e) => holds_wait_group(types, *e, depth + 1),
        TypeKind::Tuple(ts) => ts.iter().any(|t| holds_wait_group(types, *t, depth + 1)),
        _ => false,
    }
}

/// A value of type `ty` holds a WaitGroup in place or is a pointer to one that does: what
/// `fmt` may print the state of.
fn reaches_wait_group(types: &TypeTable, ty: TypeId) -> bool {
    match types.under(ty) {
        TypeKind::Pointer(t) => holds_wait_group(types, *t, 0),
        _ => holds_wait_group(types, ty, 0),
    }
}

#[cfg(test)]
mod tests {
    /// [`Info::copies_wait_groups`](crate::lang::check::info::Info::copies_wait_groups) of a
    /// program whose `main` runs `body` (with `wg`, a `Server` `s` and a `*Server` `p`).
    fn copies(body: &str) -> bool {
        let source = format!(
            "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\n\
             type Server struct {{\n\twg sync.WaitGroup\n\tn  int\n}}\n\n\
             func (s *Server) Run() {{ s.wg.Done() }}\n\n\
             func (s Server) Count() int {{ return s.n }}\n\n\
             func main() {{\n\tvar wg sync.WaitGroup\n\tvar s Server\n\tp := &Server{{}}\n\
             \t_, _, _ = &wg, &s, p\n\t_ = fmt.Sprint\n{body}}}\n"
        );
        let (file, diags) = crate::lang::parser::parse(&source);
        assert!(diags.is_empty(), "{diags:?}");
        let checked = crate::lang::check::check(&file).expect("test programs check");
        checked.info.copies_wait_groups
    }

    #[test]
    fn methods_addresses_and_fields_do_not_copy() {
        assert!(!copies(""));
        assert!(!copies(
            "\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t}()\n\twg.Wait()\n"
        ));
        assert!(!copies(
            "\ts.wg.Add(1)\n\tgo s.Run()\n\tp.wg.Add(1)\n\tp.Run()\n\ts.n = 2\n"
        ));
        assert!(!copies(
            "\tq := &wg\n\tq.Wait()\n\t(&s).wg.Wait()\n\t(s.wg).Wait()\n"
        ));
        assert!(!copies("\tfmt.Println(s.n, p.n)\n"));
    }

    #[test]
    fn copies_overwrites_and_printing_do() {
        assert!(copies("\tc := wg\n\tc.Wait()\n"));
        assert!(copies("\tt := s\n\t_ = t\n"));
        assert!(copies("\tt := *p\n\t_ = t\n"));
        assert!(copies("\ts = Server{}\n"));
        assert!(copies("\ts.wg = sync.WaitGroup{}\n"));
        assert!(copies("\t_ = s.Count()\n"));
        assert!(copies("\tfmt.Println(&wg)\n"));
        assert!(copies("\tfmt.Println(p)\n"));
        assert!(copies("\tfunc(w sync.WaitGroup) {}(wg)\n"));
    }
}
