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

/// Go's `%q` of a rune: `'x'`, `'\n'`, `'\''`.
pub(super) fn go_quote_char(c: char) -> String {
    match c {
        '\'' => "'\\''".to_string(),
        '\\' => "'\\\\'".to_string(),
        '\n' => "'\\n'".to_string(),
        '\t' => "'\\t'".to_string(),
        '\r' => "'\\r'".to_string(),
        c if is_print(c) => format!("'{c}'"),
        c if (c as u32) < 0x10000 => format!("'\\u{:04x}'", c as u32),
        c => format!("'\\U{:08x}'", c as u32),
    }
}
