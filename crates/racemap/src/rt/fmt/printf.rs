//! `Printf`'s format string: flags, width, precision, `*`, argument indexes `%[n]d`, and the
//! error forms (`%!d(MISSING)`, `%!(EXTRA …)`, `%!(NOVERB)`, `%!d(BADINDEX)`).

use super::*;

impl Printer<'_> {
    pub(super) fn arg_number(
        &mut self,
        arg_num: usize,
        format: &[u8],
        i: usize,
        num_args: usize,
        reordered: &mut bool,
        good_arg_num: &mut bool,
    ) -> (usize, usize, bool) {
        if format.len() <= i || format[i] != b'[' {
            return (arg_num, i, false);
        }
        *reordered = true;
        let (index, wid, ok) = parse_arg_number(&format[i..]);
        if ok {
            if let Some(index) = index.filter(|x| *x < num_args) {
                return (index, i + wid, true);
            }
        }
        *good_arg_num = false;
        (arg_num, i + wid, ok)
    }

    pub(super) fn int_from_arg(&self, args: &[Value], arg_num: usize) -> (Option<i64>, usize) {
        if arg_num >= args.len() {
            return (None, arg_num);
        }
        let n = match operand(&args[arg_num]) {
            Some((ty, Value::Int(i)))
                if basic_of(self.types(), ty)
                    .and_then(|b| b.int_info())
                    .is_some() =>
            {
                Some(*i)
            }
            _ => None,
        };
        let n = n.filter(|n| n.unsigned_abs() <= MAX_NUM as u64);
        (n, arg_num + 1)
    }

    /// print.go `doPrintf`.
    pub(super) fn do_printf(&mut self, format: &[u8], args: &[Value]) {
        let fb = format;
        let end = fb.len();
        let mut arg_num = 0usize;
        let mut after_index;
        let mut reordered = false;
        let mut i = 0usize;
        'format_loop: while i < end {
            let mut good_arg_num = true;
            let lasti = i;
            while i < end && fb[i] != b'%' {
                i += 1;
            }
            if i > lasti {
                self.buf.push_bytes(&format[lasti..i]);
            }
            if i >= end {
                break;
            }
            i += 1;
            self.f = Flags::default();
            // Flags, with the fast path for simple verbs.
            while i < end {
                let c = fb[i];
                match c {
                    b'#' => self.f.sharp = true,
                    b'0' => self.f.zero = !self.f.minus,
                    b'+' => self.f.plus = true,
                    b'-' => {
                        self.f.minus = true;
                        self.f.zero = false;
                    }
                    b' ' => self.f.space = true,
                    _ => {
                        if c.is_ascii_lowercase() && arg_num < args.len() {
                            if c == b'v' {
                                self.f.sharp_v = self.f.sharp;
                                self.f.sharp = false;
                                self.f.plus_v = self.f.plus;
                                self.f.plus = false;
                            }
                            self.arg_index = arg_num;
                            self.print_arg(operand(&args[arg_num]), c as char);
                            arg_num += 1;
                            i += 1;
                            continue 'format_loop;
                        }
                        break;
                    }
                }
                i += 1;
            }
            // Argument index?
            (arg_num, i, after_index) = self.arg_number(
                arg_num,
                fb,
                i,
                args.len(),
                &mut reordered,
                &mut good_arg_num,
            );
            // Width.
            if i < end && fb[i] == b'*' {
                i += 1;
                let (n, next) = self.int_from_arg(args, arg_num);
                arg_num = next;
                match n {
                    Some(n) => {
                        if n < 0 {
                            self.f.minus = true;
                            self.f.zero = false;
                        }
                        self.f.wid = Some(n.unsigned_abs() as usize);
                    }
                    None => self.buf.push_str("%!(BADWIDTH)"),
                }
                after_index = false;
            } else {
                let (w, ni) = parsenum(fb, i, end);
                self.f.wid = w;
                i = ni;
                if after_index && self.f.wid.is_some() {
                    good_arg_num = false;
                }
            }
            // Precision.
            if i + 1 < end && fb[i] == b'.' {
                i += 1;
                if after_index {
                    good_arg_num = false;
                }
                (arg_num, i, after_index) = self.arg_number(
                    arg_num,
                    fb,
                    i,
                    args.len(),
                    &mut reordered,
                    &mut good_arg_num,
                );
                if i < end && fb[i] == b'*' {
                    i += 1;
                    let (n, next) = self.int_from_arg(args, arg_num);
                    arg_num = next;
                    match n {
                        Some(n) if n >= 0 => self.f.prec = Some(n as usize),
                        Some(_) => self.f.prec = None,
                        None => {
                            self.f.prec = None;
                            self.buf.push_str("%!(BADPREC)");
                        }
                    }
                    after_index = false;
                } else {
                    let (p, ni) = parsenum(fb, i, end);
                    i = ni;
                    self.f.prec = Some(p.unwrap_or(0));
                }
            }
            if !after_index {
                (arg_num, i, after_index) = self.arg_number(
                    arg_num,
                    fb,
                    i,
                    args.len(),
                    &mut reordered,
                    &mut good_arg_num,
                );
            }
            let _ = after_index;
            if i >= end {
                self.buf.push_str("%!(NOVERB)");
                break;
            }
            let (rune, width) = crate::gostr::decode_rune(&format[i..]);
            let verb = char::from_u32(rune).unwrap_or('\u{FFFD}');
            i += width;
            if verb == '%' {
                self.buf.push('%');
            } else if !good_arg_num {
                self.buf.push_str(&format!("%!{verb}(BADINDEX)"));
            } else if arg_num >= args.len() {
                self.buf.push_str(&format!("%!{verb}(MISSING)"));
            } else {
                if verb == 'v' {
                    self.f.sharp_v = self.f.sharp;
                    self.f.sharp = false;
                    self.f.plus_v = self.f.plus;
                    self.f.plus = false;
                }
                self.arg_index = arg_num;
                self.print_arg(operand(&args[arg_num]), verb);
                arg_num += 1;
            }
        }
        if !reordered && arg_num < args.len() {
            self.f = Flags::default();
            self.buf.push_str("%!(EXTRA ");
            for (i, arg) in args[arg_num..].iter().enumerate() {
                if i > 0 {
                    self.buf.push_str(", ");
                }
                match operand(arg) {
                    None => self.buf.push_str("<nil>"),
                    Some((ty, v)) => {
                        let ts = self.type_string(ty);
                        self.buf.push_str(&ts);
                        self.buf.push('=');
                        self.print_arg(Some((ty, v)), 'v');
                    }
                }
            }
            self.buf.push(')');
        }
    }
}

/// print.go `parseArgNumber`: `(index, consumed, ok)` for `[n]` (index is n-1).
pub(super) fn parse_arg_number(format: &[u8]) -> (Option<usize>, usize, bool) {
    if format.len() < 3 {
        return (None, 1, false);
    }
    for i in 1..format.len() {
        if format[i] == b']' {
            let (w, newi) = parsenum(format, 1, i);
            return match w {
                Some(w) if newi == i => (w.checked_sub(1), i + 1, true),
                _ => (None, i + 1, false),
            };
        }
    }
    (None, 1, false)
}
