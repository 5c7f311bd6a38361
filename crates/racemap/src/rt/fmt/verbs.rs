//! One operand under one verb, as Go's `fmt/format.go` does it: padding, integers in every base,
//! floats, strings, byte slices, quoting, pointers and the `%!verb(type=value)` error form.

use super::*;
use crate::gostr::{rune_count, runes};

impl Printer<'_> {
    // ---- padding (format.go) ----

    pub(super) fn write_padding(&mut self, n: usize) {
        let c = if self.f.zero { b'0' } else { b' ' };
        self.buf.0.extend(std::iter::repeat_n(c, n));
    }

    pub(super) fn pad(&mut self, s: &str) {
        self.pad_bytes(s.as_bytes());
    }

    /// format.go `pad`: the width counts runes (an invalid byte is one).
    pub(super) fn pad_bytes(&mut self, s: &[u8]) {
        let Some(wid) = self.f.wid else {
            self.buf.push_bytes(s);
            return;
        };
        let n = rune_count(s);
        if wid <= n {
            self.buf.push_bytes(s);
            return;
        }
        if !self.f.minus {
            self.write_padding(wid - n);
            self.buf.push_bytes(s);
        } else {
            self.buf.push_bytes(s);
            self.write_padding(wid - n);
        }
    }

    /// format.go `truncateString`: at most `prec` runes.
    pub(super) fn truncate<'s>(&self, s: &'s [u8]) -> &'s [u8] {
        if let Some(p) = self.f.prec {
            if let Some((i, _)) = runes(s).nth(p) {
                return &s[..i];
            }
        }
        s
    }

    pub(super) fn fmt_s(&mut self, s: &[u8]) {
        let s = self.truncate(s);
        self.pad_bytes(s);
    }

    pub(super) fn fmt_bool(&mut self, b: bool, verb: char, cur: (TypeId, &Value)) {
        match verb {
            't' | 'v' => self.pad(if b { "true" } else { "false" }),
            _ => self.bad_verb(verb, Some(cur)),
        }
    }

    /// format.go `fmtInteger`.
    pub(super) fn fmt_integer_base(
        &mut self,
        u: u64,
        base: u64,
        signed: bool,
        verb: char,
        digits: &[u8; 17],
    ) {
        let negative = signed && (u as i64) < 0;
        let mut u = if negative {
            (u as i64).unsigned_abs()
        } else {
            u
        };
        let mut prec = 0usize;
        if let Some(p) = self.f.prec {
            prec = p;
            if p == 0 && u == 0 {
                let old = self.f.zero;
                self.f.zero = false;
                let w = self.f.wid.unwrap_or(0);
                self.write_padding(w);
                self.f.zero = old;
                return;
            }
        } else if self.f.zero && self.f.wid.is_some() {
            prec = self.f.wid.unwrap_or(0);
            if negative || self.f.plus || self.f.space {
                prec = prec.saturating_sub(1);
            }
        }
        let mut out: Vec<u8> = Vec::new(); // reversed
        loop {
            out.push(digits[(u % base) as usize]);
            u /= base;
            if u == 0 {
                break;
            }
        }
        while out.len() < prec {
            out.push(b'0');
        }
        if self.f.sharp {
            match base {
                2 => out.extend_from_slice(b"b0"),
                8 if out.last() != Some(&b'0') => out.push(b'0'),
                16 => {
                    out.push(digits[16]);
                    out.push(b'0');
                }
                _ => {}
            }
        }
        if verb == 'O' {
            out.extend_from_slice(b"o0");
        }
        if negative {
            out.push(b'-');
        } else if self.f.plus {
            out.push(b'+');
        } else if self.f.space {
            out.push(b' ');
        }
        out.reverse();
        let s = String::from_utf8(out).unwrap_or_default();
        let old = self.f.zero;
        self.f.zero = false;
        self.pad(&s);
        self.f.zero = old;
    }

    pub(super) fn fmt0x64(&mut self, v: u64, leading0x: bool) {
        let sharp = self.f.sharp;
        self.f.sharp = leading0x;
        self.fmt_integer_base(v, 16, false, 'v', LDIGITS);
        self.f.sharp = sharp;
    }

    pub(super) fn fmt_c(&mut self, u: u64) {
        let c = u32::try_from(u)
            .ok()
            .and_then(char::from_u32)
            .unwrap_or('\u{FFFD}');
        self.pad(&c.to_string());
    }

    pub(super) fn fmt_qc(&mut self, u: u64) {
        let c = u32::try_from(u)
            .ok()
            .and_then(char::from_u32)
            .unwrap_or('\u{FFFD}');
        let s = quote_with(c.encode_utf8(&mut [0; 4]).as_bytes(), '\'', self.f.plus);
        self.pad(&s);
    }

    pub(super) fn fmt_unicode(&mut self, u: u64) {
        let mut s = format!("U+{u:04X}");
        if let Some(p) = self.f.prec {
            if p > 4 {
                s = format!("U+{u:0p$X}");
            }
        }
        if self.f.sharp {
            if let Some(c) = u32::try_from(u).ok().and_then(char::from_u32) {
                if is_print(c) {
                    s.push_str(&format!(" '{c}'"));
                }
            }
        }
        let old = self.f.zero;
        self.f.zero = false;
        self.pad(&s);
        self.f.zero = old;
    }

    /// print.go `fmtInteger`.
    pub(super) fn fmt_integer(&mut self, u: u64, signed: bool, verb: char, cur: (TypeId, &Value)) {
        match verb {
            'v' => {
                if self.f.sharp_v && !signed {
                    self.fmt0x64(u, true)
                } else {
                    self.fmt_integer_base(u, 10, signed, verb, LDIGITS)
                }
            }
            'd' => self.fmt_integer_base(u, 10, signed, verb, LDIGITS),
            'b' => self.fmt_integer_base(u, 2, signed, verb, LDIGITS),
            'o' | 'O' => self.fmt_integer_base(u, 8, signed, verb, LDIGITS),
            'x' => self.fmt_integer_base(u, 16, signed, verb, LDIGITS),
            'X' => self.fmt_integer_base(u, 16, signed, verb, UDIGITS),
            'c' => self.fmt_c(u),
            'q' => self.fmt_qc(u),
            'U' => self.fmt_unicode(u),
            _ => self.bad_verb(verb, Some(cur)),
        }
    }

    /// print.go `fmtFloat`.
    pub(super) fn fmt_float(&mut self, v: f64, size: u32, verb: char, cur: (TypeId, &Value)) {
        match verb {
            'v' => self.fmt_float_prec(v, size, 'g', -1),
            'b' | 'g' | 'G' | 'x' | 'X' => self.fmt_float_prec(v, size, verb, -1),
            'f' | 'e' | 'E' | 'F' => self.fmt_float_prec(v, size, verb, 6),
            _ => self.bad_verb(verb, Some(cur)),
        }
    }

    /// format.go `fmtFloat`.
    pub(super) fn fmt_float_prec(&mut self, v: f64, size: u32, verb: char, prec: i64) {
        let prec = self.f.prec.map(|p| p as i64).unwrap_or(prec);
        let mut num = format_float(v, verb, prec, size);
        if !(num.starts_with('-') || num.starts_with('+')) {
            num.insert(0, '+');
        }
        if self.f.space && num.starts_with('+') && !self.f.plus {
            num.replace_range(0..1, " ");
        }
        let second = num.as_bytes().get(1).copied();
        if second == Some(b'I') || second == Some(b'N') {
            let old = self.f.zero;
            self.f.zero = false;
            if second == Some(b'N') && !self.f.space && !self.f.plus {
                num.remove(0);
            }
            self.pad(&num);
            self.f.zero = old;
            return;
        }
        if self.f.sharp && verb != 'b' {
            num = sharp_float(num, verb, prec);
        }
        if self.f.plus || !num.starts_with('+') {
            if let Some(w) = self.f.wid {
                if self.f.zero && w > num.len() {
                    let (sign, rest) = num.split_at(1);
                    self.buf.push_str(sign);
                    self.write_padding(w - num.len());
                    self.buf.push_str(rest);
                    return;
                }
            }
            self.pad(&num);
            return;
        }
        self.pad(&num[1..]);
    }

    pub(super) fn fmt_sbx(&mut self, b: &[u8], digits: &[u8; 17]) {
        let mut length = b.len();
        if let Some(p) = self.f.prec {
            length = length.min(p);
        }
        let mut width = 2 * length;
        if width > 0 {
            if self.f.space {
                if self.f.sharp {
                    width *= 2;
                }
                width += length - 1;
            } else if self.f.sharp {
                width += 2;
            }
        } else {
            if let Some(w) = self.f.wid {
                self.write_padding(w);
            }
            return;
        }
        let wid = self.f.wid.unwrap_or(0);
        if wid > width && !self.f.minus {
            self.write_padding(wid - width);
        }
        let mut out = String::new();
        if self.f.sharp {
            out.push('0');
            out.push(digits[16] as char);
        }
        for (i, c) in b.iter().take(length).enumerate() {
            if self.f.space && i > 0 {
                out.push(' ');
                if self.f.sharp {
                    out.push('0');
                    out.push(digits[16] as char);
                }
            }
            out.push(digits[usize::from(c >> 4)] as char);
            out.push(digits[usize::from(c & 0xF)] as char);
        }
        self.buf.push_str(&out);
        if wid > width && self.f.minus {
            self.write_padding(wid - width);
        }
    }

    pub(super) fn fmt_q(&mut self, s: &[u8]) {
        let s = self.truncate(s);
        if self.f.sharp && can_backquote(s) {
            let mut q = Vec::with_capacity(s.len() + 2);
            q.push(b'`');
            q.extend_from_slice(s);
            q.push(b'`');
            self.pad_bytes(&q);
            return;
        }
        let q = quote_with(s, '"', self.f.plus);
        self.pad(&q);
    }

    /// print.go `fmtString`.
    pub(super) fn fmt_string(&mut self, s: &[u8], verb: char, cur: Option<(TypeId, &Value)>) {
        match verb {
            'v' => {
                if self.f.sharp_v {
                    self.fmt_q(s)
                } else {
                    self.fmt_s(s)
                }
            }
            's' => self.fmt_s(s),
            'x' => self.fmt_sbx(s, LDIGITS),
            'X' => self.fmt_sbx(s, UDIGITS),
            'q' => self.fmt_q(s),
            _ => self.bad_verb(verb, cur),
        }
    }

    /// print.go `fmtBytes`; `None` when the verb is not a bytes verb (caller prints elements).
    pub(super) fn fmt_bytes(
        &mut self,
        bytes: &[u8],
        verb: char,
        type_string: &str,
        nil: bool,
    ) -> bool {
        match verb {
            'v' | 'd' => {
                if self.f.sharp_v {
                    self.buf.push_str(type_string);
                    if nil {
                        self.buf.push_str("(nil)");
                        return true;
                    }
                    self.buf.push('{');
                    for (i, c) in bytes.iter().enumerate() {
                        if i > 0 {
                            self.buf.push_str(", ");
                        }
                        self.fmt0x64(u64::from(*c), true);
                    }
                    self.buf.push('}');
                } else {
                    self.buf.push('[');
                    for (i, c) in bytes.iter().enumerate() {
                        if i > 0 {
                            self.buf.push(' ');
                        }
                        self.fmt_integer_base(u64::from(*c), 10, false, verb, LDIGITS);
                    }
                    self.buf.push(']');
                }
                true
            }
            's' => {
                self.fmt_s(bytes);
                true
            }
            'x' => {
                self.fmt_sbx(bytes, LDIGITS);
                true
            }
            'X' => {
                self.fmt_sbx(bytes, UDIGITS);
                true
            }
            'q' => {
                self.fmt_q(bytes);
                true
            }
            _ => false,
        }
    }

    pub(super) fn bad_verb(&mut self, verb: char, cur: Option<(TypeId, &Value)>) {
        self.erroring = true;
        self.buf.push_str("%!");
        self.buf.push(verb);
        self.buf.push('(');
        match cur {
            Some((ty, v)) => {
                let ts = self.type_string(ty);
                self.buf.push_str(&ts);
                self.buf.push('=');
                self.print_value(ty, v, 'v', 0, true);
            }
            None => self.buf.push_str("<nil>"),
        }
        self.buf.push(')');
        self.erroring = false;
    }

    pub(super) fn pointer_addr(&self, v: &Value) -> Option<u64> {
        Some(match v {
            Value::Ptr(p) => p.as_ref().map_or(0, |p| self.heap.address(AddrOf::Ptr(p))),
            Value::Map(m) => m.map_or(0, |m| self.heap.address(AddrOf::Map(m))),
            Value::Chan(c) => c.map_or(0, |c| self.heap.address(AddrOf::Chan(c))),
            Value::Slice(s) => s
                .as_ref()
                .map_or(0, |s| self.heap.address(AddrOf::Slice(s))),
            Value::Func(f) => f.as_ref().map_or(0, |f| self.heap.address(AddrOf::Func(f))),
            _ => return None,
        })
    }

    /// print.go `fmtPointer`.
    pub(super) fn fmt_pointer(&mut self, ty: TypeId, v: &Value, verb: char) {
        let Some(u) = self.pointer_addr(v) else {
            self.bad_verb(verb, Some((ty, v)));
            return;
        };
        match verb {
            'v' => {
                if self.f.sharp_v {
                    self.buf.push('(');
                    let ts = self.type_string(ty);
                    self.buf.push_str(&ts);
                    self.buf.push_str(")(");
                    if u == 0 {
                        self.buf.push_str("nil");
                    } else {
                        self.fmt0x64(u, true);
                    }
                    self.buf.push(')');
                } else if u == 0 {
                    self.pad("<nil>");
                } else {
                    let sharp = !self.f.sharp;
                    self.fmt0x64(u, sharp);
                }
            }
            'p' => {
                let sharp = !self.f.sharp;
                self.fmt0x64(u, sharp);
            }
            'b' | 'o' | 'd' | 'x' | 'X' => self.fmt_integer(u, false, verb, (ty, v)),
            _ => self.bad_verb(verb, Some((ty, v))),
        }
    }

    /// print.go `handleMethods`. `%w` (Go 1.19): an error operand of `Errorf`, the first one,
    /// is the wrapped error and prints as `%v`; any other operand (a second `%w`, a value
    /// that is not an error, any `%w` outside `Errorf`) is a bad verb, and from then on no
    /// operand is wrapped.
    pub(super) fn handle_methods(&mut self, ty: TypeId, v: &Value, verb: char) -> bool {
        if self.erroring {
            return false;
        }
        if verb == 'w' {
            if !self.heap.is_error(ty) || !self.wrap_errs || self.wrapped.is_some() {
                self.wrapped = None;
                self.wrap_errs = false;
                self.bad_verb('w', Some((ty, v)));
                return true;
            }
            self.wrapped = Some(self.arg_index);
            if !self.f.sharp_v && self.method(ty, v, 'v', 'v') {
                return true;
            }
            self.print_value(ty, v, 'v', 0, true);
            return true;
        }
        if self.f.sharp_v {
            // A GoStringer prints its `GoString()` under `fmtS`'s flags.
            let text = self.heap.go_string(ty, v);
            return self.print_method_text(text, verb, 's');
        }
        matches!(verb, 'v' | 's' | 'x' | 'X' | 'q') && self.method(ty, v, verb, verb)
    }

    /// Print the operand's `Error()`/`String()` text under `verb` (`shown` names the verb in a
    /// panic's `%!v(PANIC=String method: …)`, printed without the operand's flags, as
    /// `catchPanic` does). Returns whether the operand has such a method.
    fn method(&mut self, ty: TypeId, v: &Value, shown: char, verb: char) -> bool {
        let text = self.heap.method_text(ty, v);
        self.print_method_text(text, shown, verb)
    }

    /// Print what a printing method gave under `verb` ([`Printer::method`]); false for `None`.
    fn print_method_text(&mut self, text: Option<MethodText>, shown: char, verb: char) -> bool {
        match text {
            Some(MethodText::Text(s)) => self.fmt_string(s.as_bytes(), verb, None),
            Some(MethodText::Panicked { method, value }) => {
                self.buf.push_str("%!");
                self.buf.push(shown);
                self.buf.push_str("(PANIC=");
                self.buf.push_str(method);
                self.buf.push_str(" method: ");
                self.buf.0.extend_from_slice(value.as_bytes());
                self.buf.push(')');
            }
            None => return false,
        }
        true
    }
}

/// format.go `fmtFloat`'s `#` flag for a verb other than `b`, on `num` (a sign, then
/// strconv's digits): a decimal point is forced and, for `v`, `g`, `G` and `x`, the number is
/// padded with trailing zeros to `prec` significant digits (6 when no precision is set). Go
/// counts every character after the first non-zero one before the exponent, so a `%#x`'s `x`
/// of `0x` counts as a digit (`%#x` of 1.0 is `0x1.0000p+00`) and `%#X` pads nothing.
fn sharp_float(num: String, verb: char, prec: i64) -> String {
    let mut digits = match verb {
        'v' | 'g' | 'G' | 'x' if prec == -1 => 6,
        'v' | 'g' | 'G' | 'x' => prec,
        _ => 0,
    };
    let bytes = num.as_bytes();
    let mut end = bytes.len();
    let mut has_point = false;
    let mut saw_nonzero = false;
    for (i, &c) in bytes.iter().enumerate().skip(1) {
        match c {
            b'.' => has_point = true,
            b'p' | b'P' => {
                end = i;
                break;
            }
            b'e' | b'E' if verb != 'x' && verb != 'X' => {
                end = i;
                break;
            }
            _ => {
                if c != b'0' {
                    saw_nonzero = true;
                }
                if saw_nonzero {
                    digits -= 1;
                }
            }
        }
    }
    let (head, tail) = num.split_at(end);
    let mut out = head.to_string();
    if !has_point {
        // A leading digit 0 counts once.
        if head.len() == 2 && head.as_bytes()[1] == b'0' {
            digits -= 1;
        }
        out.push('.');
    }
    while digits > 0 {
        out.push('0');
        digits -= 1;
    }
    out.push_str(tail);
    out
}
