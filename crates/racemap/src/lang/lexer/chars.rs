//! How lexical messages print characters: Go's `%#U` (`U+0040 '@'`); quoting is
//! [`crate::strconv`]'s.

use crate::strconv::is_print;

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
