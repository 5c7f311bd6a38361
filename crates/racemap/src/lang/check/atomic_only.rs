//! Variables that only `sync/atomic` operations touch: every use of the variable after its
//! declaration is `&x` as the address operand of an atomic function (`atomic.AddInt64(&x, 1)`)
//! or `x` as the receiver of a typed atomic's method (`x.Add(1)` on an `atomic.Int64` variable
//! `x`, whose address the call takes; not on a pointer `p`, whose pointee other names reach).
//!
//! No plain access of such a variable follows its declaration, so an atomic access of it can
//! race with nothing later: the race detector need not remember it
//! (`race::Detector`, [`Info::atomic_only`]), which keeps the explorer's state caching from
//! telling apart states that differ only in which goroutine knows of which atomic access.
//!
//! Which variables qualify:
//! - locals declared by `var` or `:=` (not a parameter, receiver or result, which calls and
//!   `return` write; not a loop variable, which each iteration writes or copies), and
//!   package-level variables without an initializer (zero-valued from the start);
//! - with at least one use, every use of them in the atomic position above. Uses are the
//!   checker's resolved identifiers ([`Info::idents`]), so any other use (a plain read or write,
//!   `&x` passed elsewhere or stored, `x` copied or printed, a method value) disqualifies.
//!
//! A local's declaration runs before any use can reach its fresh cell, so its own write
//! (`x := int64(5)`) comes before every atomic access of that cell and is checked as usual.

use super::Checker;
use crate::lang::ast::{self, ExprKind, NodeId, UnaryOp};
use crate::lang::check::info::*;

impl Checker<'_> {
    /// A call was checked: note the identifier in its atomic operand position, if any.
    pub(super) fn note_atomic_operand(
        &mut self,
        kind: &CallKind,
        call: &ast::Expr,
        callee: &ast::Expr,
        args: &[ast::Expr],
    ) {
        let ident = match kind {
            CallKind::Lib(f) if f.atomic_basic().is_some() => match args.first() {
                Some(a) => match &a.unparen().kind {
                    ExprKind::Unary {
                        op: UnaryOp::Addr,
                        x,
                    } => match &x.unparen().kind {
                        ExprKind::Ident(id) => Some(id.id),
                        _ => None,
                    },
                    _ => None,
                },
                None => None,
            },
            CallKind::LibMethod(f) if f.atomic_basic().is_some() => {
                let callee = callee.unparen();
                match (&callee.kind, self.info.selections.get(&callee.id)) {
                    (
                        ExprKind::Selector { x, .. },
                        Some(Selection::LibMethod {
                            path,
                            called,
                            adjust,
                            ..
                        }),
                    ) if path.is_empty() && *called && *adjust == RecvAdjust::AddrOf => {
                        match &x.unparen().kind {
                            ExprKind::Ident(id) => Some(id.id),
                            _ => None,
                        }
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some(id) = ident {
            self.info.atomic_operands.insert(id, call.id);
        }
    }

    /// After checking: fill [`Info::atomic_only`].
    pub(super) fn find_atomic_only(&mut self) {
        // Per object: (uses, uses in an atomic operand position).
        let mut uses: Vec<(u32, u32)> = vec![(0, 0); self.info.objects.len()];
        for (id, ident) in &self.info.idents {
            if ident.def {
                continue;
            }
            let Some(counts) = uses.get_mut(ident.object.0 as usize) else {
                continue;
            };
            counts.0 += 1;
            if self.info.atomic_operands.contains_key(id) {
                counts.1 += 1;
            }
        }
        let initialized: Vec<ObjectId> = self
            .info
            .global_inits
            .iter()
            .filter(|g| !g.rhs.is_empty())
            .flat_map(|g| g.lhs.iter().flatten().copied())
            .collect();
        for (i, (all, atomic)) in uses.into_iter().enumerate() {
            let obj = ObjectId(i as u32);
            if all == 0 || all != atomic {
                continue;
            }
            let qualifies = match &self.info.object(obj).kind {
                ObjectKind::Var(v) => v.kind == VarKind::Local && !v.loop_var,
                ObjectKind::Global { .. } => !initialized.contains(&obj),
                _ => false,
            };
            if qualifies {
                self.info.atomic_only.insert(obj, ());
            }
        }
        let calls: Vec<NodeId> = self
            .info
            .atomic_operands
            .iter()
            .filter(|(ident, _)| {
                self.info
                    .object_of(**ident)
                    .is_some_and(|o| self.info.atomic_only.contains_key(&o))
            })
            .map(|(_, call)| *call)
            .collect();
        for call in calls {
            self.info.atomic_only_calls.insert(call);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lang::check::info::ObjectKind;

    /// The names of the variables `source` has in `Info::atomic_only`.
    fn atomic_only(source: &str) -> Vec<String> {
        let (file, diags) = crate::lang::parser::parse(source);
        assert!(diags.is_empty(), "{diags:?}");
        let checked = crate::lang::check::check(&file).expect("test programs check");
        let info = &checked.info;
        let mut names: Vec<String> = info
            .atomic_only
            .keys()
            .map(|o| info.object(*o))
            .filter(|o| matches!(o.kind, ObjectKind::Var(_) | ObjectKind::Global { .. }))
            .map(|o| o.name.clone())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn only_variables_every_use_of_which_is_atomic() {
        let source = "package main

import (
	\"fmt\"
	\"sync/atomic\"
)

var zero int64
var initialized int64 = 5
var printed int64

func add(p int64) {
	atomic.AddInt64(&p, 1)
}

func main() {
	var n int64
	m := int64(1)
	var c atomic.Int32
	var d atomic.Int32
	var e atomic.Int32
	var f atomic.Int32
	var unused int64
	var stored int64
	p := &stored
	var g atomic.Int32
	q := &g
	for i := int64(0); i < 2; i++ {
		atomic.AddInt64(&i, 1)
	}
	done := make(chan bool)
	go func() {
		atomic.AddInt64(&n, 1)
		atomic.StoreInt64(&m, 2)
		c.Add(1)
		d.Add(1)
		e.Add(1)
		atomic.AddInt64(&zero, 1)
		atomic.AddInt64(&initialized, 1)
		atomic.AddInt64(&printed, 1)
		q.Add(1)
		done <- true
	}()
	<-done
	add(3)
	get := f.Load
	fmt.Println(atomic.LoadInt64(&n), atomic.LoadInt64(&m), c.Load(), &d, e, get(), printed, *p, unused == 0)
}
";
        // `d` and `e` are printed (a plain read of their word), `f` is used by a method value,
        // `g` escapes through `q`, and `q` is a pointer (its pointee has other names),
        // `printed` is read plainly, `initialized` has an initializer, `stored` escapes through
        // `p`, `i` is a loop variable, `p` of `add` a parameter, `unused` is read plainly.
        assert_eq!(atomic_only(source), ["c", "m", "n", "zero"]);
    }
}
