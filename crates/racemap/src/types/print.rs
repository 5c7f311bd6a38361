//! The type printer: Go's spelling of a type in compiler messages (go/types', with the
//! source's spellings: `[]byte`, `func(b byte) rune`) or through `reflect` (`%T`, panics).

use super::{ChanDir, Signature, TypeId, TypeKind, TypeTable};

impl TypeTable {
    /// Go's spelling of a type, as compiler messages print it: `map[string]int`,
    /// `*main.Cache` (with `qualify`), `[]int`, `func(int) string`, `chan<- int`, `struct{}`.
    pub fn display(&self, id: TypeId, qualify: bool) -> String {
        self.display_as(id, TypeStyle::Compiler { qualify })
    }

    /// Go's spelling of a type in `style`: the compiler's (`struct{a int}`) or `reflect`'s, as
    /// `%T` and runtime panics print it (`struct { a int }`, always package-qualified).
    pub fn display_as(&self, id: TypeId, style: TypeStyle) -> String {
        let mut s = String::new();
        self.write(&mut s, id, style, 0);
        s
    }

    fn write(&self, s: &mut String, id: TypeId, style: TypeStyle, depth: u32) {
        if depth > 64 {
            s.push_str("...");
            return;
        }
        let d = depth + 1;
        let reflect = style == TypeStyle::Reflect;
        let id = if reflect { id.unspelled() } else { id };
        if let Some(alias) = id
            .spelling()
            .checked_sub(1)
            .and_then(|s| self.spellings.get(s))
            .and_then(|s| s.alias)
        {
            s.push_str(alias);
            return;
        }
        match self.kind(id) {
            TypeKind::Basic(b) => s.push_str(b.name()),
            TypeKind::Named { name, pkg, .. } => {
                let qualify = match style {
                    // A predeclared type (`error`) has no package to name.
                    TypeStyle::Reflect => !pkg.is_empty(),
                    TypeStyle::Compiler { qualify } => {
                        (qualify || pkg != "main") && !pkg.is_empty()
                    }
                };
                if qualify {
                    s.push_str(pkg);
                    s.push('.');
                }
                s.push_str(name);
                if let Some(args) = self.type_args.get(&id) {
                    s.push('[');
                    for (i, a) in args.iter().enumerate() {
                        if i > 0 {
                            s.push_str(if reflect { "," } else { ", " });
                        }
                        self.write(s, *a, style, d);
                    }
                    s.push(']');
                }
            }
            TypeKind::Pointer(t) => {
                s.push('*');
                self.write(s, *t, style, d)
            }
            TypeKind::Slice(t) => {
                s.push_str("[]");
                self.write(s, *t, style, d)
            }
            TypeKind::Array(n, t) => {
                s.push_str(&format!("[{n}]"));
                self.write(s, *t, style, d)
            }
            TypeKind::Map(k, v) => {
                s.push_str("map[");
                self.write(s, *k, style, d);
                s.push(']');
                self.write(s, *v, style, d)
            }
            TypeKind::Chan(dir, t) => {
                s.push_str(match dir {
                    ChanDir::Both => "chan ",
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                });
                self.write(s, *t, style, d)
            }
            TypeKind::Struct(fields) if fields.is_empty() => {
                s.push_str(if reflect { "struct {}" } else { "struct{}" })
            }
            TypeKind::Struct(fields) => {
                s.push_str(if reflect { "struct { " } else { "struct{" });
                for (i, f) in fields.iter().enumerate() {
                    if i > 0 {
                        s.push_str("; ");
                    }
                    if !f.embedded {
                        s.push_str(&f.name);
                        s.push(' ');
                    }
                    self.write(s, f.ty, style, d);
                }
                s.push_str(if reflect { " }" } else { "}" });
            }
            TypeKind::Func(sig) => {
                s.push_str("func");
                self.write_sig(s, sig, style, d);
            }
            TypeKind::Interface(methods) => {
                if methods.is_empty() {
                    s.push_str("interface {}");
                } else {
                    // reflect's `interface { M() }`, go/types' `interface{M(); N()}`.
                    s.push_str(if reflect {
                        "interface { "
                    } else {
                        "interface{"
                    });
                    for (i, (name, sig)) in methods.iter().enumerate() {
                        if i > 0 {
                            s.push_str("; ");
                        }
                        s.push_str(name);
                        if let TypeKind::Func(sig) = self.kind(*sig) {
                            self.write_sig(s, sig, style, d);
                        }
                    }
                    s.push_str(if reflect { " }" } else { "}" });
                }
            }
            TypeKind::Tuple(ts) => {
                s.push('(');
                for (i, t) in ts.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    self.write(s, *t, style, d);
                }
                s.push(')');
            }
            TypeKind::Sync(k) => s.push_str(k.name()),
        }
    }

    fn write_sig(&self, s: &mut String, sig: &Signature, style: TypeStyle, d: u32) {
        let named = style != TypeStyle::Reflect
            && sig.names.len() == sig.params.len() + sig.results.len()
            && !sig.names.is_empty();
        let name = |i: usize| match sig.names.get(i) {
            Some(n) if named && !n.is_empty() => Some(n.as_str()),
            _ => None,
        };
        s.push('(');
        for (i, p) in sig.params.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            if let Some(n) = name(i) {
                s.push_str(n);
                s.push(' ');
            }
            if sig.variadic && i + 1 == sig.params.len() {
                s.push_str("...");
                match self.kind(*p) {
                    TypeKind::Slice(e) => self.write(s, *e, style, d),
                    _ => self.write(s, *p, style, d),
                }
            } else {
                self.write(s, *p, style, d);
            }
        }
        s.push(')');
        let first = sig.params.len();
        match sig.results.len() {
            0 => {}
            1 if name(first).is_none() => {
                s.push(' ');
                self.write(s, sig.results[0], style, d);
            }
            _ => {
                s.push_str(" (");
                for (i, r) in sig.results.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    if let Some(n) = name(first + i) {
                        s.push_str(n);
                        s.push(' ');
                    }
                    self.write(s, *r, style, d);
                }
                s.push(')');
            }
        }
    }
}

/// Which of Go's two spellings of a type [`TypeTable::display_as`] writes. Real Go prints
/// `struct{}` in compiler errors and `struct {}` through `%T`/`reflect`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeStyle {
    /// `go/types`' spelling, in compiler messages; `qualify` adds `main.` to the program's own
    /// named types (other packages are always qualified).
    Compiler {
        /// Qualify `main`'s named types.
        qualify: bool,
    },
    /// `reflect`'s spelling, printed by `%T`, `%v` of types and runtime panics.
    Reflect,
}
