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

    /// `%v` of a value.
    pub(crate) fn format_v(&self, v: &Value) -> String {
        self.format_depth(v, 0)
    }

    pub(super) fn format_depth(&self, v: &Value, depth: u32) -> String {
        if depth > 8 {
            return "...".into();
        }
        let d = depth + 1;
        match v {
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => format_float(*f),
            Value::Str(s) => s.to_string(),
            Value::Ptr(None) | Value::Map(None) | Value::Chan(None) | Value::Func(None) => {
                "<nil>".into()
            }
            Value::Slice(None) => "[]".into(),
            Value::Iface(None) => "<nil>".into(),
            Value::Ptr(Some(p)) => match self.heap.get(p) {
                Ok(inner @ Value::Struct(_)) if p.path.is_empty() && depth == 0 => {
                    format!("&{}", self.format_depth(inner, d))
                }
                _ => format!(
                    "0xc{:09x}",
                    0x10000
                        + p.obj.0 as u64 * 0x10
                        + p.path.iter().map(|x| *x as u64 * 8).sum::<u64>()
                ),
            },
            Value::Chan(Some(c)) => format!("0xc{:09x}", 0x20000 + c.0 as u64 * 0x60),
            Value::Func(Some(_)) => "0x47b8c0".into(),
            Value::Map(Some(m)) => {
                let parts: Vec<String> = self
                    .heap
                    .map(*m)
                    .entries_in_order()
                    .iter()
                    .map(|(k, v)| {
                        format!("{}:{}", self.format_depth(k, d), self.format_depth(v, d))
                    })
                    .collect();
                format!("map[{}]", parts.join(" "))
            }
            Value::Slice(Some(_)) => {
                let es = self.elements_of(v).unwrap_or_default();
                let parts: Vec<String> = es.iter().map(|e| self.format_depth(e, d)).collect();
                format!("[{}]", parts.join(" "))
            }
            Value::Array(es) => {
                let parts: Vec<String> = es.iter().map(|e| self.format_depth(e, d)).collect();
                format!("[{}]", parts.join(" "))
            }
            Value::Struct(fs) => {
                let parts: Vec<String> = fs.iter().map(|e| self.format_depth(e, d)).collect();
                format!("{{{}}}", parts.join(" "))
            }
            Value::Iface(Some(b)) => match (&b.1, self.program.types.under(b.0)) {
                (Value::Int(i), TypeKind::Basic(bt)) if is_unsigned(*bt) => (*i as u64).to_string(),
                (inner, _) => self.format_depth(inner, depth),
            },
            Value::Sync(s) => {
                let fields = crate::rt::fmt::sync_fields(s);
                let parts: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
                format!("{{{}}}", parts.join(" "))
            }
            Value::Unit => String::new(),
        }
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

    /// The builtin `print`'s formatting.
    pub(super) fn print_builtin(&self, v: &Value) -> String {
        let inner = match v {
            Value::Iface(Some(b)) => &b.1,
            v => v,
        };
        match inner {
            Value::Float(f) => go_print_float(*f),
            Value::Iface(None) => "(0x0,0x0)".into(),
            other => self.format_v(other),
        }
    }
}

/// A float as the builtin `print` (and `panic`) writes it: `+1.500000e+000`.
pub(super) fn go_print_float(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let s = format!("{:+.6e}", f);
    match s.split_once('e') {
        Some((m, e)) => {
            let (sign, digits) = match e.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', e),
            };
            format!("{m}e{sign}{digits:0>3}")
        }
        None => s,
    }
}

pub(super) fn format_float(f: f64) -> String {
    if f.is_infinite() {
        return if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    if f.is_nan() {
        return "NaN".into();
    }
    let abs = f.abs();
    if abs != 0.0 && !(1e-4..1e21).contains(&abs) {
        let s = format!("{f:e}");
        // Go: 1e+21, 1.5e-05
        if let Some((m, e)) = s.split_once('e') {
            let (sign, digits) = if let Some(d) = e.strip_prefix('-') {
                ('-', d)
            } else {
                ('+', e)
            };
            return format!("{m}e{sign}{digits:0>2}");
        }
        s
    } else {
        format!("{f}")
    }
}

/// The machine as `rt::fmt` sees it: types, heap loads, map entries, slice elements, and the
/// `Error()` text of library error values.
struct MachineFmt<'a>(&'a Machine);

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
