//! Whole-package checks after resolution: struct and array types that contain themselves by
//! value (`invalid recursive type`), and Go's initialization order of package-level variables
//! (dependencies first, then declaration order; `initialization cycle` otherwise).

use crate::lang::ast::Decl;
use crate::lang::check::info::*;
use crate::lang::check::Checker;
use crate::types::{TypeId, TypeKind};
use litemap::LiteMap;

impl<'a> Checker<'a> {
    /// Report named struct/array types that contain themselves by value (infinite size).
    pub(super) fn check_type_sizes(&mut self) {
        let file = self.file;
        for d in &file.decls {
            let Decl::Type(specs) = d else { continue };
            for spec in specs {
                let Some(obj) = self.info.object_of(spec.name.id) else {
                    continue;
                };
                let ObjectKind::TypeName { ty } = self.info.object(obj).kind else {
                    continue;
                };
                if !matches!(self.types.kind(ty), TypeKind::Named { .. }) {
                    continue;
                }
                let mut seen = litemap::LiteMap::new_vec();
                if self.contains_by_value(self.types.underlying(ty), ty, &mut seen) {
                    self.err(
                        spec.name.span,
                        format!("invalid recursive type {}", spec.name.name),
                    );
                    // Break the cycle for later passes.
                    let inv = self.invalid();
                    self.types.set_underlying(ty, inv);
                }
            }
        }
    }

    fn contains_by_value(
        &self,
        t: TypeId,
        target: TypeId,
        seen: &mut litemap::LiteMap<TypeId, ()>,
    ) -> bool {
        if t == target {
            return true;
        }
        if seen.insert(t, ()).is_some() {
            return false;
        }
        match self.types.kind(t) {
            TypeKind::Named { .. } => {
                self.contains_by_value(self.types.underlying(t), target, seen)
            }
            TypeKind::Struct(fs) => fs
                .iter()
                .any(|f| self.contains_by_value(f.ty, target, seen)),
            TypeKind::Array(_, e) => self.contains_by_value(*e, target, seen),
            _ => false,
        }
    }

    /// Order package-level variable initialization as Go does: repeatedly the earliest variable
    /// in declaration order whose dependencies (variables referenced by its initializer,
    /// directly or through the functions and methods it calls) are initialized.
    pub(super) fn order_global_inits(&mut self) {
        let n = self.info.global_inits.len();
        if n != self.global_init_keys.len() {
            return;
        }
        let mut owner: LiteMap<ObjectId, usize> = LiteMap::new_vec();
        for (i, gi) in self.info.global_inits.iter().enumerate() {
            owner.insert(self.global_init_keys[i], i);
            for o in gi.lhs.iter().flatten() {
                owner.insert(*o, i);
            }
        }
        let mut deps: Vec<LiteMap<usize, ()>> = vec![LiteMap::new_vec(); n];
        for (i, dep) in deps.iter_mut().enumerate() {
            let mut stack = vec![(self.global_init_keys[i], false)];
            let mut visited = LiteMap::new_vec();
            while let Some((o, via_func)) = stack.pop() {
                let Some(rs) = self.refs.get(&o) else {
                    continue;
                };
                for &r in rs.keys() {
                    if visited.insert(r, ()).is_some() {
                        continue;
                    }
                    if let Some(&j) = owner.get(&r) {
                        if j != i || via_func {
                            dep.insert(j, ());
                        }
                    } else if matches!(
                        self.info.object(r).kind,
                        ObjectKind::Func { .. } | ObjectKind::Method { .. }
                    ) {
                        stack.push((r, true));
                    }
                }
            }
        }
        let mut by_decl: Vec<usize> = (0..n).collect();
        crate::stable_sort::sort_by_key(&mut by_decl, |&i| {
            self.info.object(self.global_init_keys[i]).span.lo
        });
        let mut done = vec![false; n];
        let mut order = Vec::new();
        while order.len() < n {
            let next = by_decl
                .iter()
                .copied()
                .find(|&i| !done[i] && deps[i].keys().all(|&j| done[j]));
            match next {
                Some(i) => {
                    done[i] = true;
                    order.push(i);
                }
                None => {
                    // A cycle through functions: report the earliest variable in it.
                    if let Some(&i) = by_decl.iter().find(|&&i| !done[i]) {
                        let ob = self.info.object(self.global_init_keys[i]);
                        let (span, name) = (ob.span, ob.name.clone());
                        self.err(span, format!("initialization cycle for {name}"));
                    }
                    return;
                }
            }
        }
        let old = std::mem::take(&mut self.info.global_inits);
        let mut slots: Vec<Option<GlobalInit>> = old.into_iter().map(Some).collect();
        self.info.global_inits = order.into_iter().filter_map(|i| slots[i].take()).collect();
    }
}
