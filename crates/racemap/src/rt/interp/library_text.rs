//! Library calls on text beyond the first few: the rest of `strings` (`rt/strings_edit.rs`)
//! and `strconv`'s `ParseInt`, `FormatInt`, `ParseBool`, `FormatBool` and `Quote`
//! (`rt/parse_int.rs`), `ParseFloat` (`rt/parse_float.rs`) and `FormatFloat` (fmt's float
//! formatting). All are local computation: they push their results.

use super::*;
use crate::rt::parse_int::{self, NumError};
use crate::rt::strings_edit as edit;
use crate::rt::unicode::{self, Case, Class};

impl Machine {
    /// The results of a text function, `None` when `func` is not one.
    pub(super) fn lib_text(&mut self, func: LibFunc, args: &[Value]) -> R<Option<Vec<Value>>> {
        let sarg = |i: usize| string_arg(args, i);
        let iarg = |i: usize| int(arg(args, i)?);
        let text = |b: &[u8]| Value::Str(GoString::from_bytes(b));
        let position = |i: Option<usize>| Value::Int(i.map_or(-1, |i| i as i64));
        let results = match func {
            LibFunc::StringsTitle => vec![text(&edit::title(sarg(0)?.as_bytes()))],
            LibFunc::Utf8DecodeLastRune => {
                let s = sarg(0)?;
                let (r, n) = match s.as_bytes() {
                    [] => (crate::gostr::RUNE_ERROR, 0),
                    b => edit::last_rune(b),
                };
                vec![Value::Int(i64::from(r)), Value::Int(n as i64)]
            }
            LibFunc::Utf8DecodeRune => {
                let (r, n) = crate::gostr::decode_rune(sarg(0)?.as_bytes());
                vec![Value::Int(i64::from(r)), Value::Int(n as i64)]
            }
            LibFunc::Utf8RuneCount => {
                vec![Value::Int(
                    crate::gostr::rune_count(sarg(0)?.as_bytes()) as i64
                )]
            }
            LibFunc::Utf8ValidString => {
                vec![Value::Bool(
                    std::str::from_utf8(sarg(0)?.as_bytes()).is_ok(),
                )]
            }
            LibFunc::Utf8RuneLen => vec![Value::Int(match iarg(0)? {
                r @ 0..=0x10FFFF => match u32::try_from(r).ok().and_then(char::from_u32) {
                    Some(c) => c.len_utf8() as i64,
                    None => -1,
                },
                _ => -1,
            })],
            LibFunc::UnicodeIsLetter => vec![Value::Bool(unicode::is(Class::Letter, iarg(0)?))],
            LibFunc::UnicodeIsUpper => vec![Value::Bool(unicode::is(Class::Upper, iarg(0)?))],
            LibFunc::UnicodeIsLower => vec![Value::Bool(unicode::is(Class::Lower, iarg(0)?))],
            LibFunc::UnicodeIsTitle => vec![Value::Bool(unicode::is(Class::Title, iarg(0)?))],
            LibFunc::UnicodeIsDigit => vec![Value::Bool(unicode::is(Class::Digit, iarg(0)?))],
            LibFunc::UnicodeIsNumber => vec![Value::Bool(unicode::is(Class::Number, iarg(0)?))],
            LibFunc::UnicodeIsMark => vec![Value::Bool(unicode::is(Class::Mark, iarg(0)?))],
            LibFunc::UnicodeIsPunct => vec![Value::Bool(unicode::is(Class::Punct, iarg(0)?))],
            LibFunc::UnicodeIsSymbol => vec![Value::Bool(unicode::is(Class::Symbol, iarg(0)?))],
            LibFunc::UnicodeIsSpace => vec![Value::Bool(unicode::is(Class::Space, iarg(0)?))],
            LibFunc::UnicodeIsControl => vec![Value::Bool(unicode::is(Class::Control, iarg(0)?))],
            LibFunc::UnicodeIsGraphic => vec![Value::Bool(unicode::is(Class::Graphic, iarg(0)?))],
            LibFunc::UnicodeIsPrint => vec![Value::Bool(unicode::is(Class::Print, iarg(0)?))],
            LibFunc::UnicodeToUpper => vec![Value::Int(unicode::to(Case::Upper, iarg(0)?))],
            LibFunc::UnicodeToLower => vec![Value::Int(unicode::to(Case::Lower, iarg(0)?))],
            LibFunc::UnicodeToTitle => vec![Value::Int(unicode::to(Case::Title, iarg(0)?))],
            LibFunc::UnicodeTo => vec![Value::Int(match Case::from_number(iarg(0)?) {
                Some(case) => unicode::to(case, iarg(1)?),
                None => i64::from(crate::gostr::RUNE_ERROR),
            })],
            LibFunc::Utf8ValidRune => {
                let valid = u32::try_from(iarg(0)?).ok().and_then(char::from_u32);
                vec![Value::Bool(valid.is_some())]
            }
            LibFunc::StringsFieldsSpans => {
                let (s, flags) = (sarg(0)?, sarg(1)?);
                let parts: Vec<Value> = edit::fields_by_flags(s.as_bytes(), flags.as_bytes())
                    .into_iter()
                    .map(|p| Value::Str(p.into()))
                    .collect();
                vec![self.string_slice(parts)?]
            }
            LibFunc::StringsFields => {
                let parts: Vec<Value> = edit::fields(sarg(0)?.as_bytes())
                    .into_iter()
                    .map(|p| Value::Str(p.into()))
                    .collect();
                vec![self.string_slice(parts)?]
            }
            LibFunc::StringsTrimSpace => vec![text(edit::trim_space(sarg(0)?.as_bytes()))],
            LibFunc::StringsTrim | LibFunc::StringsTrimLeft | LibFunc::StringsTrimRight => {
                let left = func != LibFunc::StringsTrimRight;
                let right = func != LibFunc::StringsTrimLeft;
                let (s, cutset) = (sarg(0)?, sarg(1)?);
                vec![text(edit::trim(
                    s.as_bytes(),
                    cutset.as_bytes(),
                    left,
                    right,
                ))]
            }
            LibFunc::StringsTrimPrefix => {
                let (s, prefix) = (sarg(0)?, sarg(1)?);
                let b = s.as_bytes();
                vec![text(b.strip_prefix(prefix.as_bytes()).unwrap_or(b))]
            }
            LibFunc::StringsTrimSuffix => {
                let (s, suffix) = (sarg(0)?, sarg(1)?);
                let b = s.as_bytes();
                vec![text(b.strip_suffix(suffix.as_bytes()).unwrap_or(b))]
            }
            LibFunc::StringsIndex => {
                let (s, sub) = (sarg(0)?, sarg(1)?);
                vec![position(crate::rt::strings::index(
                    s.as_bytes(),
                    sub.as_bytes(),
                ))]
            }
            LibFunc::StringsLastIndex => {
                let (s, sub) = (sarg(0)?, sarg(1)?);
                vec![position(edit::last_index(s.as_bytes(), sub.as_bytes()))]
            }
            LibFunc::StringsIndexByte => {
                let c = iarg(1)? as u8;
                vec![position(sarg(0)?.as_bytes().iter().position(|&b| b == c))]
            }
            LibFunc::StringsIndexRune => {
                vec![position(edit::index_rune(sarg(0)?.as_bytes(), iarg(1)?))]
            }
            LibFunc::StringsReplace | LibFunc::StringsReplaceAll => {
                let n = if func == LibFunc::StringsReplace {
                    iarg(3)?
                } else {
                    -1
                };
                let (s, old, new) = (sarg(0)?, sarg(1)?, sarg(2)?);
                let out = edit::replace(s.as_bytes(), old.as_bytes(), new.as_bytes(), n);
                self.heap.reserve(&self.config, out.len() as u64 / 64)?;
                vec![Value::Str(out.into())]
            }
            LibFunc::StringsCount => {
                let n = edit::count(sarg(0)?.as_bytes(), sarg(1)?.as_bytes());
                vec![Value::Int(n as i64)]
            }
            LibFunc::StringsEqualFold => {
                let same = edit::equal_fold(sarg(0)?.as_bytes(), sarg(1)?.as_bytes());
                vec![Value::Bool(same)]
            }
            LibFunc::StringsSplitN | LibFunc::StringsSplitAfter => {
                let (s, sep) = (sarg(0)?, sarg(1)?);
                let (save, n) = match func {
                    LibFunc::StringsSplitN => (0, iarg(2)?),
                    _ => (sep.len(), -1),
                };
                match edit::gen_split(s.as_bytes(), sep.as_bytes(), save, n) {
                    None => vec![Value::Slice(None)],
                    Some(parts) => {
                        let parts = parts.into_iter().map(|p| Value::Str(p.into())).collect();
                        vec![self.string_slice(parts)?]
                    }
                }
            }
            LibFunc::StringsContainsAny | LibFunc::StringsIndexAny => {
                let i = edit::index_any(sarg(0)?.as_bytes(), sarg(1)?.as_bytes());
                if func == LibFunc::StringsContainsAny {
                    vec![Value::Bool(i.is_some())]
                } else {
                    vec![position(i)]
                }
            }
            LibFunc::StringsContainsRune => {
                vec![Value::Bool(
                    edit::index_rune(sarg(0)?.as_bytes(), iarg(1)?).is_some(),
                )]
            }
            LibFunc::StringsLastIndexByte => {
                let c = iarg(1)? as u8;
                vec![position(sarg(0)?.as_bytes().iter().rposition(|&b| b == c))]
            }
            LibFunc::StringsCut => {
                let (s, sep) = (sarg(0)?, sarg(1)?);
                let b = s.as_bytes();
                match crate::rt::strings::index(b, sep.as_bytes()) {
                    Some(i) => vec![text(&b[..i]), text(&b[i + sep.len()..]), Value::Bool(true)],
                    None => vec![text(b), text(b""), Value::Bool(false)],
                }
            }
            LibFunc::StringsCutPrefix => {
                let (s, prefix) = (sarg(0)?, sarg(1)?);
                match s.as_bytes().strip_prefix(prefix.as_bytes()) {
                    Some(rest) => vec![text(rest), Value::Bool(true)],
                    None => vec![Value::Str(s), Value::Bool(false)],
                }
            }
            LibFunc::StringsCutSuffix => {
                let (s, suffix) = (sarg(0)?, sarg(1)?);
                match s.as_bytes().strip_suffix(suffix.as_bytes()) {
                    Some(rest) => vec![text(rest), Value::Bool(true)],
                    None => vec![Value::Str(s), Value::Bool(false)],
                }
            }
            LibFunc::StringsClone => vec![Value::Str(sarg(0)?)],
            LibFunc::StringsCompare => {
                let order = sarg(0)?.as_bytes().cmp(sarg(1)?.as_bytes());
                vec![Value::Int(order as i64)]
            }
            LibFunc::StrconvFormatInt => match parse_int::format_int(iarg(0)?, iarg(1)?) {
                Some(s) => vec![Value::str(&s)],
                None => {
                    let message = "strconv: illegal AppendInt/FormatInt base";
                    return Err(RtError::library_panic(message).into());
                }
            },
            LibFunc::StrconvFormatUint => match parse_int::format_uint(iarg(0)? as u64, iarg(1)?) {
                Some(s) => vec![Value::str(&s)],
                None => {
                    let message = "strconv: illegal AppendInt/FormatInt base";
                    return Err(RtError::library_panic(message).into());
                }
            },
            LibFunc::StrconvParseInt => {
                let s = sarg(0)?;
                match parse_int::parse_int(s.as_bytes(), iarg(1)?, iarg(2)?) {
                    Ok(v) => vec![Value::Int(v), Value::Iface(None)],
                    Err((v, why)) => {
                        vec![Value::Int(v), self.num_error(&why, "ParseInt", &s)?]
                    }
                }
            }
            LibFunc::StrconvParseUint => {
                let s = sarg(0)?;
                // A uint64 is held as the i64 of the same bits.
                match parse_int::parse_uint(s.as_bytes(), iarg(1)?, iarg(2)?) {
                    Ok(v) => vec![Value::Int(v as i64), Value::Iface(None)],
                    Err((v, why)) => {
                        vec![Value::Int(v as i64), self.num_error(&why, "ParseUint", &s)?]
                    }
                }
            }
            LibFunc::StrconvParseBool => {
                let s = sarg(0)?;
                match parse_int::parse_bool(s.as_bytes()) {
                    Some(b) => vec![Value::Bool(b), Value::Iface(None)],
                    None => {
                        let err = self.num_error(&NumError::Syntax, "ParseBool", &s)?;
                        vec![Value::Bool(false), err]
                    }
                }
            }
            LibFunc::StrconvParseFloat => {
                let s = sarg(0)?;
                match crate::rt::parse_float::parse_float(s.as_bytes(), iarg(1)?) {
                    Ok(v) => vec![Value::Float(v), Value::Iface(None)],
                    Err((v, why)) => {
                        vec![Value::Float(v), self.num_error(&why, "ParseFloat", &s)?]
                    }
                }
            }
            LibFunc::StrconvFormatFloat => {
                let v = match arg(args, 0)? {
                    Value::Float(f) => *f,
                    other => return Err(super::wrong_kind("a float64", other)),
                };
                let (verb, prec, size) = (iarg(1)? as u8, iarg(2)?, iarg(3)?);
                let v = match size {
                    32 => f64::from(v as f32),
                    64 => v,
                    _ => {
                        return Err(RtError::library_panic(
                            "strconv: illegal AppendFloat/FormatFloat bitSize",
                        )
                        .into())
                    }
                };
                let text = if b"eEfFgGbxX".contains(&verb) {
                    crate::rt::fmt::format_float(v, char::from(verb), prec, size as u32)
                        .into_bytes()
                } else {
                    vec![b'%', verb]
                };
                vec![Value::Str(GoString::from_bytes(&text))]
            }
            LibFunc::StrconvFormatBool => {
                let b = arg(args, 0)?.as_bool().unwrap_or(false);
                vec![Value::str(if b { "true" } else { "false" })]
            }
            LibFunc::StrconvQuoteRune => {
                // A value that is no rune (a surrogate, out of range) quotes as U+FFFD.
                let r = u32::try_from(iarg(0)?).ok().and_then(char::from_u32);
                vec![Value::str(&crate::strconv::quote_rune(
                    r.unwrap_or('\u{FFFD}'),
                ))]
            }
            LibFunc::StrconvQuoteRuneToASCII => {
                let r = crate::gostr::rune_char(iarg(0)?);
                let bytes = r.encode_utf8(&mut [0; 4]).as_bytes().to_vec();
                vec![Value::str(&crate::strconv::quote_with(&bytes, '\'', true))]
            }
            LibFunc::StrconvQuoteToASCII => {
                let s = sarg(0)?;
                vec![Value::str(&crate::strconv::quote_with(
                    s.as_bytes(),
                    '"',
                    true,
                ))]
            }
            LibFunc::StrconvUnquote => match crate::strconv::unquote(sarg(0)?.as_bytes()) {
                Some(out) => vec![text(&out), Value::Iface(None)],
                None => vec![text(b""), self.lib_var(LibFunc::StrconvErrSyntax)?],
            },
            LibFunc::StrconvUnquoteChar => {
                let s = sarg(0)?;
                match crate::strconv::unquote_char(s.as_bytes(), iarg(1)? as u8) {
                    Some(u) => vec![
                        Value::Int(u.value),
                        Value::Bool(u.multibyte),
                        text(u.tail),
                        Value::Iface(None),
                    ],
                    None => vec![
                        Value::Int(0),
                        Value::Bool(false),
                        text(b""),
                        self.lib_var(LibFunc::StrconvErrSyntax)?,
                    ],
                }
            }
            LibFunc::StrconvQuote => {
                let s = sarg(0)?;
                vec![Value::str(&crate::strconv::quote_with(
                    s.as_bytes(),
                    '"',
                    false,
                ))]
            }
            _ => return self.lib_utf8(func, args),
        };
        Ok(Some(results))
    }

    /// A `[]string` of these strings.
    pub(super) fn string_slice(&mut self, parts: Vec<Value>) -> R<Value> {
        let n = parts.len();
        let sl = self.new_slice(parts, n, crate::types::TypeTable::basic(Basic::String))?;
        Ok(Value::Slice(Some(sl)))
    }

    /// The error value of Go's `*strconv.NumError` for `func` parsing `num`.
    pub(super) fn num_error(&mut self, why: &NumError, func: &str, num: &GoString) -> R<Value> {
        let msg = why.message(func, num.as_bytes());
        // Its `Err`: `ErrSyntax`, `ErrRange` or an `errors.New` of the reason (Go's
        // `baseError`, `bitSizeError`), which `errors.Is`/`Unwrap` reach.
        let wrapped = match why {
            NumError::Syntax => self.lib_var(LibFunc::StrconvErrSyntax)?,
            NumError::Range => self.lib_var(LibFunc::StrconvErrRange)?,
            _ => self.new_error(&why.reason().into(), Value::Iface(None))?,
        };
        let _ = msg;
        // A `*strconv.NumError` pointing at `{Func, Num, Err}` (its `Error()` is worded from
        // the fields: `error_parts`).
        let ty = self.program.error_types.num;
        let cell = Value::Struct(Box::new([
            Value::str(func),
            Value::Str(num.clone()),
            wrapped,
        ]));
        let obj = self.heap.alloc(&self.config, cell, None)?;
        Ok(Value::Iface(Some(Box::new((
            ty,
            Value::Ptr(Some(Pointer::root(obj))),
        )))))
    }

    /// The message of the `*strconv.NumError` whose fields are `fields` (Go's `Error()`):
    /// `strconv.` + Func + `: parsing ` + quoted Num + `: ` + Err's message.
    pub(super) fn num_error_message(&self, fields: &[Value]) -> R<Value> {
        let (Some(Value::Str(func)), Some(Value::Str(num)), Some(err)) =
            (fields.first(), fields.get(1), fields.get(2))
        else {
            return Err(super::wrong_kind("a strconv.NumError", &Value::Unit));
        };
        let (why, _) = self.error_parts(err)?;
        let mut text = b"strconv.".to_vec();
        text.extend_from_slice(func.as_bytes());
        text.extend_from_slice(b": parsing ");
        text.extend_from_slice(crate::strconv::quote_with(num.as_bytes(), '"', false).as_bytes());
        text.extend_from_slice(b": ");
        text.extend_from_slice(str_of(&why)?.as_bytes());
        Ok(Value::Str(GoString::from_bytes(&text)))
    }
}
