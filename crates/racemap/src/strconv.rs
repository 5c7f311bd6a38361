//! Go's `strconv` quoting and `unicode.IsPrint`, shared by the checker's messages (a rune or a
//! string constant in a diagnostic) and by fmt's `%q`: one implementation, so a character is
//! printable or escaped the same way everywhere. It reads strings as bytes ([`crate::gostr`]).

use crate::gostr::{decode_rune, runes, RUNE_ERROR};

mod unquote;
pub use unquote::{unquote, unquote_char, Unquoted};

/// `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space;
/// approximated for non-ASCII (controls, non-ASCII spaces, format characters and private use
/// are not printable).
pub fn is_print(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
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

/// `strconv.CanBackquote`: false for an invalid byte, a control other than tab, a backquote
/// and a byte-order mark.
pub fn can_backquote(s: &[u8]) -> bool {
    runes(s).all(|(i, r)| {
        let width = decode_rune(&s[i..]).1;
        if width > 1 {
            return r != 0xFEFF;
        }
        r != RUNE_ERROR && r != u32::from('`') && r != 0x7F && (r >= 0x20 || r == 9)
    })
}

/// `strconv.Quote` (`quote` `"`, `ascii` false), `QuoteToASCII` (`ascii` true) and, with `quote`
/// `'` and a one-character string, `QuoteRune`. An invalid byte is written `\xff`.
pub fn quote_with(s: &[u8], quote: char, ascii: bool) -> String {
    let mut out = String::new();
    out.push(quote);
    for (i, r) in runes(s) {
        if r == RUNE_ERROR && decode_rune(&s[i..]).1 == 1 {
            out.push_str(&format!("\\x{:02x}", s[i]));
            continue;
        }
        let c = char::from_u32(r).unwrap_or('\u{FFFD}');
        if c == quote || c == '\\' {
            out.push('\\');
            out.push(c);
            continue;
        }
        if is_print(c) && (!ascii || c.is_ascii()) {
            out.push(c);
            continue;
        }
        match c {
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if c < ' ' || c == '\u{7f}' => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// `strconv.Quote`: `"a\tb\x00é"`.
pub fn quote(s: &str) -> String {
    quote_with(s.as_bytes(), '"', false)
}

/// `strconv.QuoteRune`: `'x'`, `'\n'`, `'\''`, `'\x01'`.
pub fn quote_rune(c: char) -> String {
    quote_with(c.encode_utf8(&mut [0; 4]).as_bytes(), '\'', false)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Go 1.19's `strconv.IsPrint`, `Quote` and `QuoteToASCII` of the same code points.
    #[test]
    fn quotes_like_go() {
        let go = [
            (0x20, true, "\" \"", "\" \""),
            (0x7f, false, r#""\x7f""#, r#""\x7f""#),
            (0xa0, false, r#""\u00a0""#, r#""\u00a0""#),
            (0xad, false, r#""\u00ad""#, r#""\u00ad""#),
            (0xe9, true, "\"é\"", r#""\u00e9""#),
            (0x200b, false, r#""\u200b""#, r#""\u200b""#),
            (0x2028, false, r#""\u2028""#, r#""\u2028""#),
            (0x2060, false, r#""\u2060""#, r#""\u2060""#),
            (0x2066, false, r#""\u2066""#, r#""\u2066""#),
            (0xe000, false, r#""\ue000""#, r#""\ue000""#),
            (0xfeff, false, r#""\ufeff""#, r#""\ufeff""#),
            (0xfff9, false, r#""\ufff9""#, r#""\ufff9""#),
            (0x1f600, true, "\"😀\"", r#""\U0001f600""#),
            (0x3000, false, r#""\u3000""#, r#""\u3000""#),
        ];
        for (code, printable, quoted, ascii) in go {
            let c = char::from_u32(code).expect("valid code point");
            let s = c.to_string();
            assert_eq!(is_print(c), printable, "IsPrint U+{code:04X}");
            assert_eq!(quote(&s), quoted, "Quote U+{code:04X}");
            assert_eq!(
                quote_with(s.as_bytes(), '"', true),
                ascii,
                "QuoteToASCII U+{code:04X}"
            );
        }
        assert_eq!(
            quote("a\tb\u{0}é\"'\\\u{7f}\u{2028}"),
            r#""a\tb\x00é\"'\\\x7f\u2028""#
        );
        let runes: Vec<String> = ['\'', '"', '\n', '\u{1}', 'x', '\u{feff}']
            .into_iter()
            .map(quote_rune)
            .collect();
        assert_eq!(
            runes,
            [r"'\''", "'\"'", r"'\n'", r"'\x01'", "'x'", r"'\ufeff'"]
        );
        // Go 1.19: strconv.Quote("a\xff\xc3é\uFFFD") and CanBackquote of "\xff", "é", "\ufeff".
        assert_eq!(
            quote_with(b"a\xff\xc3\xc3\xa9\xef\xbf\xbd", '"', false),
            r#""a\xff\xc3é�""#
        );
        assert!(!can_backquote(b"\xff"));
        assert!(can_backquote("é".as_bytes()));
        assert!(!can_backquote("\u{feff}".as_bytes()));
    }
}
