//! How lexical messages print characters: Go's `%#U` (`U+0040 '@'`) and `%q` of a rune.

/// Whether Go's `strconv.IsPrint` would accept `c` (approximated: controls, non-ASCII spaces and
/// common format characters are not printable).
fn is_print(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    !matches!(
        c,
        '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E000}'..='\u{F8FF}'
    )
}

/// Go's `%#U`: `U+0040 '@'`.
pub fn format_u(c: char) -> String {
    if is_print(c) {
        format!("U+{:04X} '{}'", c as u32, c)
    } else {
        format!("U+{:04X}", c as u32)
    }
}

/// `%#U` of a code point that may not be a valid `char`.
pub(super) fn format_code_point(x: u32) -> String {
    match char::from_u32(x) {
        Some(c) => format_u(c),
        None => format!("U+{x:04X}"),
    }
}

/// Go's `%q` of a rune (`strconv.QuoteRune`): `'x'`, `'\n'`, `'\''`, `'\x01'`.
pub(super) fn go_quote_char(c: char) -> String {
    let mut out = String::from("'");
    push_escaped(&mut out, c, '\'');
    out.push('\'');
    out
}

/// Go's `strconv.Quote`: `"a\tb\x00é"`.
pub fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        push_escaped(&mut out, c, '"');
    }
    out.push('"');
    out
}

/// One character inside quotes, escaped as Go's `appendEscapedRune` does.
fn push_escaped(out: &mut String, c: char, quote: char) {
    match c {
        c if c == quote || c == '\\' => {
            out.push('\\');
            out.push(c);
        }
        c if is_print(c) => out.push(c),
        '\u{7}' => out.push_str("\\a"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{b}' => out.push_str("\\v"),
        c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\x{:02x}", c as u32)),
        c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
        c => out.push_str(&format!("\\U{:08x}", c as u32)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected strings are Go 1.19's `%q` / `strconv.Quote` of the same values.
    #[test]
    fn quotes_like_go() {
        assert_eq!(
            go_quote("a\tb\u{0}é\"'\\\u{7f}\u{2028}"),
            r#""a\tb\x00é\"'\\\x7f\u2028""#
        );
        let runes: Vec<String> = ['\'', '"', '\n', '\u{1}', 'x', '\u{feff}']
            .into_iter()
            .map(go_quote_char)
            .collect();
        assert_eq!(
            runes,
            [r"'\''", "'\"'", r"'\n'", r"'\x01'", "'x'", r"'\ufeff'"]
        );
    }
}
