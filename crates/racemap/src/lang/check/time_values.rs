//! Whether the program may use a value of the virtual clock: [`Info::uses_time_values`].
//!
//! The explorer's stateful search runs a program that cannot show the clock with the clock
//! frozen (`rt::config::WakeOrder::Timeless`): wake-ups and timer fires then leave it where it
//! is, so states that differ only in how much time passed are one state, and a ticker may fire
//! ahead of virtual time as often as Go allows without the search growing forever. That is
//! only right when nothing the program does depends on the clock's value. Reading it
//! directly (`time.Now`, `time.Since`, contexts with deadlines, `log`) the machine sees from
//! the library calls; this pass finds the other way in: a timer's fire sends the time now on
//! its channel (`time.After`, `time.Tick`, `time.NewTimer`, `time.NewTicker`).
//!
//! The pass: every expression whose value holds a `time.Time` or a timer's state in place (a
//! field, an array element; not behind a pointer) sets the fact, unless it is a receive whose
//! value is dropped: a receive statement (`<-t.C`) or a `select` case without assignment
//! (`case <-ticker.C:`) ([`Checker::note_dropped_receive`]). So does any value converted to an
//! interface whose type holds one or points to one that does (`fmt.Println(ticker)` prints the
//! timer's deadline). A `for range c` without variables evaluates no element.

use super::Checker;
use crate::lang::ast::{self, ExprKind, NodeId};
use crate::lang::check::info::*;
use crate::types::{SyncKind, TypeId, TypeKind, TypeTable};

impl Checker<'_> {
    /// `e` (and the expressions inside its parentheses) is a receive whose value is dropped
    /// (see the module docs).
    pub(super) fn note_dropped_receive(&mut self, e: &ast::Expr) {
        let mut e = e;
        loop {
            self.info.dropped_receives.insert(e.id);
            match &e.kind {
                ExprKind::Paren(inner) => e = inner,
                _ => break,
            }
        }
    }

    /// After checking: set [`Info::uses_time_values`].
    pub(super) fn find_time_values(&mut self) {
        let used = self.info.exprs.iter().enumerate().any(|(i, info)| {
            let Some(info) = info else {
                return false;
            };
            if matches!(
                info.mode,
                Mode::Type | Mode::Builtin | Mode::Package | Mode::Nil
            ) {
                return false;
            }
            let in_place = holds_time(&self.types, info.ty, 0);
            let printed = info.implicit.is_some() && reaches_time(&self.types, info.ty);
            printed || (in_place && !self.info.dropped_receives.contains(&NodeId(i as u32)))
        });
        // A multi-value call whose results are boxed to interfaces where they are used.
        let boxed = self.info.exprs.iter().enumerate().any(|(i, info)| {
            let boxes = self.info.tuple_implicit.contains_key(&NodeId(i as u32));
            match info {
                Some(info) if boxes => match self.types.under(info.ty) {
                    TypeKind::Tuple(ts) => ts.iter().any(|t| reaches_time(&self.types, *t)),
                    _ => reaches_time(&self.types, info.ty),
                },
                _ => false,
            }
        });
        self.info.uses_time_values = used || boxed;
    }
}

/// A value of type `ty` holds a `time.Time` or a timer's state in place (a field, an array
/// element, a tuple element; not behind a pointer, slice, map, channel or interface). Too
/// deep: yes.
fn holds_time(types: &TypeTable, ty: TypeId, depth: u32) -> bool {
    if depth > 64 {
        return true;
    }
    if let TypeKind::Named { name, pkg, .. } = types.kind(ty) {
        if name == "Time" && pkg == "time" {
            return true;
        }
    }
    match types.under(ty) {
        TypeKind::Sync(k) => matches!(k, SyncKind::Timer),
        TypeKind::Struct(fields) => fields.iter().any(|f| holds_time(types, f.ty, depth + 1)),
        TypeKind::Array(_, e) => holds_time(types, *e, depth + 1),
        TypeKind::Tuple(ts) => ts.iter().any(|t| holds_time(types, *t, depth + 1)),
        _ => false,
    }
}

/// A value of type `ty` holds a time in place or is a pointer to one that does: what `fmt` may
/// print.
fn reaches_time(types: &TypeTable, ty: TypeId) -> bool {
    match types.under(ty) {
        TypeKind::Pointer(t) => holds_time(types, *t, 0),
        _ => holds_time(types, ty, 0),
    }
}

#[cfg(test)]
mod tests {
    /// [`Info::uses_time_values`](crate::lang::check::info::Info::uses_time_values) of a
    /// program whose `main` runs `body` (with a ticker `tk`, a timer `tm` and a channel `c`).
    fn uses(body: &str) -> bool {
        let source = format!(
            "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n\
             func main() {{\n\ttk := time.NewTicker(time.Second)\n\
             \ttm := time.NewTimer(time.Second)\n\tc := time.After(time.Second)\n\
             \t_, _, _ = tk, tm, c\n\t_ = fmt.Sprint\n{body}}}\n"
        );
        let (file, diags) = crate::lang::parser::parse(&source);
        assert!(diags.is_empty(), "{diags:?}");
        let checked = crate::lang::check::check(&file).expect("test programs check");
        checked.info.uses_time_values
    }

    #[test]
    fn dropped_receives_use_no_time() {
        assert!(!uses(""));
        assert!(!uses("\t<-tk.C\n\t<-(tm.C)\n\t<-c\n\ttk.Stop()\n"));
        assert!(!uses(
            "\tselect {\n\tcase <-tk.C:\n\tcase <-c:\n\tdefault:\n\t}\n\tfor range tk.C {\n\t}\n"
        ));
        assert!(!uses("\tfmt.Println(tm.Stop(), tm.Reset(time.Second))\n"));
        assert!(!uses("\td := 2 * time.Second\n\tfmt.Println(d)\n"));
    }

    #[test]
    fn kept_printed_or_compared_times_are_used() {
        assert!(uses("\tt := <-tk.C\n\t_ = t\n"));
        assert!(uses("\tselect {\n\tcase t := <-c:\n\t\t_ = t\n\t}\n"));
        assert!(uses("\tfmt.Println(<-c)\n"));
        assert!(uses("\tv, ok := <-tm.C\n\t_, _ = v, ok\n"));
        assert!(uses("\tfor t := range tk.C {\n\t\t_ = t\n\t}\n"));
        assert!(uses("\tfmt.Println(tk)\n"));
        assert!(uses("\tx := *tm\n\t_ = x\n"));
        assert!(uses("\t_ = time.Now()\n"));
        assert!(uses(
            "\ttype stamp struct{ at time.Time }\n\tvar s stamp\n\tfmt.Println(s)\n"
        ));
    }
}
