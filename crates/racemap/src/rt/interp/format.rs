//! Formatting values as the running program sees them: the machine as a
//! [`FmtHeap`](crate::rt::fmt::FmtHeap) for `rt::fmt`, and builtin `print`/`println`.

use super::*;

impl Machine {
    // ----- formatting (minimal `%v`; `rt::fmt` owns the full rules) -----

    /// `%v` of a value of static type `ty`, with Go's `fmt` rules.
    pub(crate) fn format_typed(&self, ty: TypeId, v: &Value) -> String {
        let boxed = match v {
            Value::Iface(_) => v.clone(),
            other => Value::Iface(Some(Box::new((ty, other.clone())))),
        };
        crate::rt::fmt::sprint(&MachineFmt(self), &[boxed])
    }

    pub(super) fn sprint(&self, args: &[Value], ln: bool) -> String {
        let h = MachineFmt(self);
        if ln {
            crate::rt::fmt::sprintln(&h, args)
        } else {
            crate::rt::fmt::sprint(&h, args)
        }
    }

    pub(super) fn format_arg(args: &[Value]) -> String {
        match args.first() {
            Some(Value::Str(s)) => s.to_string(),
            Some(Value::Iface(Some(b))) => str_of(&b.1).to_string(),
            _ => String::new(),
        }
    }

    pub(super) fn sprintf(&self, args: &[Value]) -> String {
        let format = Self::format_arg(args);
        crate::rt::fmt::sprintf(&MachineFmt(self), &format, args.get(1..).unwrap_or(&[]))
    }

    pub(super) fn errorf(&self, args: &[Value]) -> String {
        let format = Self::format_arg(args);
        crate::rt::fmt::errorf_text(&MachineFmt(self), &format, args.get(1..).unwrap_or(&[]))
    }

    /// One argument of the builtin `print`/`println` as Go's runtime prints it (`printbool`,
    /// `printint`/`printuint`, `printfloat`, `printstring`, `printpointer`, `printslice`):
    /// references as the same fake addresses `%p` shows, a slice as `[len/cap]0xADDR`.
    ///
    /// Known gap: lowering boxes every argument into an interface, so a non-nil interface
    /// argument prints its dynamic value where Go prints `(0xTYPE,0xDATA)`.
    pub(super) fn print_builtin(&self, v: &Value) -> String {
        use crate::rt::fmt::{AddrOf, FmtHeap};
        let (ty, inner) = match v {
            Value::Iface(Some(b)) => (Some(b.0), &b.1),
            v => (None, v),
        };
        let heap = MachineFmt(self);
        let addr = |of: AddrOf<'_>| format!("{:#x}", heap.address(of));
        match inner {
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => match ty.map(|t| self.program.types.under(t)) {
                Some(TypeKind::Basic(b)) if is_unsigned(*b) => (*i as u64).to_string(),
                _ => i.to_string(),
            },
            Value::Float(f) => crate::rt::fmt::print_float(*f),
            Value::Str(s) => s.to_string(),
            Value::Ptr(Some(p)) => addr(AddrOf::Ptr(p)),
            Value::Map(Some(m)) => addr(AddrOf::Map(*m)),
            Value::Chan(Some(c)) => addr(AddrOf::Chan(*c)),
            Value::Func(Some(f)) => addr(AddrOf::Func(f)),
            Value::Slice(Some(s)) => format!("[{}/{}]{}", s.len, s.cap, addr(AddrOf::Slice(s))),
            Value::Slice(None) => "[0/0]0x0".into(),
            Value::Ptr(None) | Value::Map(None) | Value::Chan(None) | Value::Func(None) => {
                "0x0".into()
            }
            Value::Iface(None) => "(0x0,0x0)".into(),
            // Go rejects structs and arrays (`illegal types for operand: print`); `%v` then.
            other => match ty {
                Some(t) => self.format_typed(t, other),
                None => String::new(),
            },
        }
    }
}

/// The machine as `rt::fmt` sees it: types, heap loads, map entries, slice elements, and the
/// `Error()` text of library error values.
pub(super) struct MachineFmt<'a>(&'a Machine);

impl crate::rt::fmt::FmtHeap for MachineFmt<'_> {
    fn types(&self) -> &crate::lang::types::TypeTable {
        &self.0.program.types
    }

    fn load(&self, ptr: &Pointer) -> Option<Value> {
        self.0.heap.load(ptr).ok()
    }

    fn map_entries(&self, map: crate::rt::value::MapId) -> Vec<(Value, Value)> {
        self.0
            .heap
            .maps
            .get(map.0 as usize)
            .map(|m| m.entries_in_order())
            .unwrap_or_default()
    }

    fn slice_elems(&self, slice: &SliceRef) -> Vec<Value> {
        self.0
            .elements_of(&Value::Slice(Some(slice.clone())))
            .unwrap_or_default()
    }

    fn method_string(&self, ty: TypeId, value: &Value) -> Option<String> {
        self.0.method_string(ty, value)
    }
}
