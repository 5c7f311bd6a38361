//! Formatting values as the running program sees them: the machine as a
//! [`FmtHeap`](crate::rt::fmt::FmtHeap) for `rt::fmt`, and builtin `print`/`println`.

use super::*;

impl Machine {
    // ----- formatting (minimal `%v`; `rt::fmt` owns the full rules) -----

    /// `%v` of a value of static type `ty`, with Go's `fmt` rules.
    /// As text for a display (invalid bytes as U+FFFD); [`Machine::format_bytes`] is the
    /// program's own view.
    pub(crate) fn format_typed(&self, ty: TypeId, v: &Value) -> String {
        String::from_utf8_lossy(&self.format_bytes(ty, v)).into_owned()
    }

    /// `fmt.Sprint(v)` of a value of static type `ty`: the bytes the program sees.
    pub(crate) fn format_bytes(&self, ty: TypeId, v: &Value) -> Vec<u8> {
        let boxed = match v {
            Value::Iface(_) => v.clone(),
            other => Value::Iface(Some(Box::new((ty, other.clone())))),
        };
        crate::rt::fmt::sprint(&MachineFmt(self), &self.filled(&[boxed]))
    }

    /// Operands with the shared part of any sync.Map inside filled in (what fmt prints).
    fn filled(&self, args: &[Value]) -> Vec<Value> {
        let mut args = args.to_vec();
        for a in &mut args {
            if let Value::Iface(Some(b)) = a {
                self.heap.fill_sync_maps(&mut b.1);
            }
        }
        args
    }

    pub(super) fn sprint(&self, args: &[Value], ln: bool) -> Vec<u8> {
        let h = MachineFmt(self);
        let args = self.filled(args);
        if ln {
            crate::rt::fmt::sprintln(&h, &args)
        } else {
            crate::rt::fmt::sprint(&h, &args)
        }
    }

    /// `fmt.Print`/`Println` (`printf`: `Printf`) of `args`: the text, and what formatting
    /// read of memory shared with other goroutines — the maps it printed, the slices' elements,
    /// the values behind top-level pointers — as race-detector effects (Go's `fmt` reads them
    /// through `reflect` when it prints, not when the call's operands are evaluated). Printing a
    /// map in the middle of a write is `fatal error: concurrent map iteration and map write`
    /// (`internal/fmtsort.Sort` iterates it).
    /// The third value is that fatal error, found after the reads (Go's `reflect.maplen` reads
    /// the map before `mapiternext` checks its writing flag).
    pub(super) fn print_reading(&self, args: &[Value], verb: PrintVerb) -> R<Printed> {
        let recorder = RecordingFmt {
            machine: MachineFmt(self),
            reads: std::cell::RefCell::new(Vec::new()),
        };
        let text = match verb {
            PrintVerb::Print => crate::rt::fmt::sprint(&recorder, &self.filled(args)),
            PrintVerb::Println => crate::rt::fmt::sprintln(&recorder, &self.filled(args)),
            PrintVerb::Printf => {
                let format = string_arg(args, 0)?;
                crate::rt::fmt::sprintf(&recorder, format.as_bytes(), &self.filled(&args[1..]))
            }
        };
        let mut effects = Vec::new();
        let mut check = Ok(());
        for read in recorder.reads.into_inner() {
            match read {
                FmtRead::Map(m) => {
                    let Some(map) = self.heap.maps.get(m.0 as usize) else {
                        continue;
                    };
                    effects.push(Effect::Read(Loc::Map(m)));
                    if check.is_ok() {
                        check = map.print_check();
                    }
                    for slot in map.slots_in_use() {
                        effects.push(Effect::Read(Loc::MapSlot(m, slot)));
                    }
                }
                FmtRead::Slice(slice) => {
                    for i in 0..slice.len {
                        let p = slice.elem(i);
                        if let Ok(v) = self.heap.load(&p) {
                            self.leaf_locs(&p, &v, false, &mut effects);
                        }
                    }
                }
                FmtRead::Load(p) => {
                    if let Ok(v) = self.heap.load(&p) {
                        self.leaf_locs(&p, &v, false, &mut effects);
                    }
                }
            }
        }
        Ok((text, effects, check))
    }

    /// `fmt.Sprintf(args[0], args[1..]...)`.
    pub(super) fn sprintf(&self, args: &[Value]) -> R<Vec<u8>> {
        let format = string_arg(args, 0)?;
        Ok(crate::rt::fmt::sprintf(
            &MachineFmt(self),
            format.as_bytes(),
            &self.filled(&args[1..]),
        ))
    }

    /// `fmt.Errorf(args[0], args[1..]...)`: the message and the index in `args[1..]` of the
    /// error it wraps.
    pub(super) fn errorf(&self, args: &[Value]) -> R<(Vec<u8>, Option<usize>)> {
        let format = string_arg(args, 0)?;
        Ok(crate::rt::fmt::errorf_text(
            &MachineFmt(self),
            format.as_bytes(),
            &self.filled(&args[1..]),
        ))
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
            Value::Str(s) => s.to_lossy().into_owned(),
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

/// What [`Machine::print_reading`] gives: the text, the race-detector effects of what
/// formatting read, and the fatal error of a map printed in the middle of a write.
pub(super) type Printed = (
    Vec<u8>,
    Vec<Effect>,
    Result<(), crate::rt::sync_state::PrimError>,
);

/// Which `fmt` print function formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PrintVerb {
    /// `fmt.Print`.
    Print,
    /// `fmt.Println`.
    Println,
    /// `fmt.Printf`.
    Printf,
}

/// A read of shared memory by `fmt` while it formats.
enum FmtRead {
    /// A map's entries.
    Map(crate::rt::value::MapId),
    /// A slice's elements.
    Slice(SliceRef),
    /// The value behind a pointer.
    Load(Pointer),
}

/// [`MachineFmt`] recording what formatting reads.
struct RecordingFmt<'a> {
    /// The machine.
    machine: MachineFmt<'a>,
    /// What was read, in order.
    reads: std::cell::RefCell<Vec<FmtRead>>,
}

impl crate::rt::fmt::FmtHeap for RecordingFmt<'_> {
    fn types(&self) -> &crate::types::TypeTable {
        self.machine.types()
    }

    fn load(&self, ptr: &Pointer) -> Option<Value> {
        self.reads.borrow_mut().push(FmtRead::Load(ptr.clone()));
        self.machine.load(ptr)
    }

    fn map_entries(&self, map: crate::rt::value::MapId) -> Vec<(Value, Value)> {
        self.reads.borrow_mut().push(FmtRead::Map(map));
        self.machine.map_entries(map)
    }

    fn slice_elems(&self, slice: &SliceRef) -> Vec<Value> {
        self.reads.borrow_mut().push(FmtRead::Slice(slice.clone()));
        self.machine.slice_elems(slice)
    }

    fn address(&self, of: crate::rt::fmt::AddrOf<'_>) -> u64 {
        self.machine.address(of)
    }

    fn method_string(&self, ty: TypeId, value: &Value) -> Option<GoString> {
        self.machine.method_string(ty, value)
    }

    fn method_text(&self, ty: TypeId, value: &Value) -> Option<crate::rt::fmt::MethodText> {
        self.machine.method_text(ty, value)
    }

    fn go_string(&self, ty: TypeId, value: &Value) -> Option<crate::rt::fmt::MethodText> {
        self.machine.go_string(ty, value)
    }

    fn is_error(&self, ty: TypeId) -> bool {
        self.machine.is_error(ty)
    }

    fn lib_struct(&self, ty: TypeId, value: &Value) -> Option<crate::rt::fmt::LibStruct> {
        self.machine.lib_struct(ty, value)
    }
}

/// The machine as `rt::fmt` sees it: types, heap loads, map entries, slice elements, and the
/// `Error()` text of library error values.
pub(super) struct MachineFmt<'a>(&'a Machine);

impl crate::rt::fmt::FmtHeap for MachineFmt<'_> {
    fn types(&self) -> &crate::types::TypeTable {
        &self.0.program.types
    }

    fn load(&self, ptr: &Pointer) -> Option<Value> {
        let mut v = self.0.heap.load(ptr).ok()?;
        self.0.heap.fill_sync_maps(&mut v);
        Some(v)
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

    fn method_string(&self, ty: TypeId, value: &Value) -> Option<GoString> {
        self.0.method_string(ty, value)
    }

    fn method_text(&self, ty: TypeId, value: &Value) -> Option<crate::rt::fmt::MethodText> {
        self.0.method_text(ty, value)
    }

    fn go_string(&self, ty: TypeId, value: &Value) -> Option<crate::rt::fmt::MethodText> {
        self.0.go_string_text(ty, value)
    }

    fn is_error(&self, ty: TypeId) -> bool {
        self.0.has_method(ty, "Error")
    }

    /// `*errors.errorString` is `&{s}`, `*fmt.wrapError` `&{msg err}`: their cell holds the
    /// message and the wrapped error (nil for `errors.New`).
    fn lib_struct(&self, ty: TypeId, value: &Value) -> Option<crate::rt::fmt::LibStruct> {
        let m = self.0;
        let name = if ty == m.program.error_type {
            "errors.errorString"
        } else if ty == m.program.error_types.wrap {
            "fmt.wrapError"
        } else {
            return None;
        };
        let Value::Ptr(Some(p)) = value else {
            return None;
        };
        let Ok(Value::Struct(cell)) = m.heap.load(p) else {
            return None;
        };
        let [msg @ Value::Str(_), wrapped] = &*cell else {
            return None;
        };
        let msg = Some((crate::types::TypeTable::basic(Basic::String), msg.clone()));
        let fields = if name == "errors.errorString" {
            vec![("s", msg)]
        } else {
            let err = match wrapped {
                Value::Iface(Some(b)) => Some((b.0, b.1.clone())),
                _ => None,
            };
            vec![("msg", msg), ("err", err)]
        };
        Some(crate::rt::fmt::LibStruct { name, fields })
    }
}

#[cfg(test)]
mod tests {
    use crate::rt::config::Config;
    use crate::rt::machine::{Machine, Status};
    use std::rc::Rc;

    /// Run a one-goroutine program to its end; its (stdout, stderr).
    fn run(source: &str) -> (String, String) {
        let program = crate::compile::compile(source).expect("compiles");
        let mut m = Machine::new(Rc::new(program), Config::default());
        while *m.status() == Status::Running {
            let moves = m.runnable();
            m.step(moves[0]);
        }
        assert_eq!(m.status(), &Status::Exited);
        (m.stdout().to_string(), m.stderr().to_string())
    }

    /// Go 1.19 prints `[1/2]0xc000038760 [0/0]0x0 0x0 0x0 7 200 +2.500000e+000 true go` then
    /// `(0x0,0x0)` (its addresses vary; racemap's are its deterministic fake ones).
    #[test]
    fn builtin_println_prints_like_go_runtime() {
        let (_, stderr) = run("package main\n\nfunc main() {\n\ts := []int{1, 2, 3}\n\tvar ns []int\n\tvar np *int\n\tvar nm map[int]int\n\tx := 7\n\tprintln(s[1:2], ns, np, nm, x, uint8(200), 2.5, true, \"go\")\n\tvar e error\n\tprintln(e)\n}\n");
        assert_eq!(
            stderr,
            "[1/2]0xc000010008 [0/0]0x0 0x0 0x0 7 200 +2.500000e+000 true go\n(0x0,0x0)\n"
        );
    }

    /// One address scheme: `println(p)` and `fmt.Printf("%p", p)` agree, as in Go.
    #[test]
    fn println_and_percent_p_print_the_same_address() {
        let (stdout, stderr) = run("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := 1\n\tp := &x\n\tm := map[int]int{}\n\tc := make(chan int)\n\tprintln(p, m, c)\n\tfmt.Printf(\"%p %p %p\\n\", p, m, c)\n}\n");
        assert!(stderr.starts_with("0xc"), "{stderr}");
        assert_eq!(stderr, stdout);
    }
}
