//! `(*strings.Replacer).Replace`, as Go 1.19's `strings/replace.go` `genericReplacer`.
//!
//! Algorithm: scan `s` byte by byte; at each position take the pair of highest priority (the
//! earliest in `NewReplacer`'s argument order) whose old string is a prefix of the rest — an
//! empty old string matches everywhere, but not right after an empty match at the same
//! position (Go's `lookup(s[i:], prevMatchEmpty)` ignores the trie's root then). A match
//! writes the new string and skips the old one; no match copies one byte. Also at the end of
//! `s` an empty old string matches once. Go's specialized replacers (single bytes, one
//! string) give the same results.

/// `s` with the replacements of `oldnew` (old, new, old, new, …; an even count).
pub fn replace(oldnew: &[Vec<u8>], s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    let mut prev_match_empty = false;
    while i <= s.len() {
        let rest = &s[i..];
        let found = oldnew
            .chunks(2)
            .find(|p| (!prev_match_empty || !p[0].is_empty()) && rest.starts_with(&p[0]));
        match found {
            Some(pair) => {
                let (old, new) = (&pair[0], pair.get(1).map_or(&[][..], |n| &n[..]));
                prev_match_empty = old.is_empty();
                out.extend_from_slice(new);
                i += old.len();
            }
            None => {
                prev_match_empty = false;
                if let Some(&b) = s.get(i) {
                    out.push(b);
                }
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::replace;

    fn r(pairs: &[&str], s: &str) -> String {
        let oldnew: Vec<Vec<u8>> = pairs.iter().map(|p| p.as_bytes().to_vec()).collect();
        String::from_utf8(replace(&oldnew, s.as_bytes())).unwrap()
    }

    /// Results of Go 1.19's `strings.NewReplacer(pairs...).Replace(s)`.
    #[test]
    fn replaces_as_go() {
        assert_eq!(r(&["a", "1", "b", "2"], "abcab"), "12c12");
        assert_eq!(
            r(&["<", "&lt;", ">", "&gt;", "&", "&amp;"], "<a&b>"),
            "&lt;a&amp;b&gt;"
        );
        assert_eq!(r(&["a", "1", "aa", "2"], "aaa"), "111");
        assert_eq!(r(&["aa", "2", "a", "1"], "aaa"), "21");
        assert_eq!(r(&["", "X"], "ab"), "XaXbX");
        assert_eq!(r(&["", "X", "a", "Y"], "ab"), "XYXbX");
        assert_eq!(r(&["a", "A", "a", "B"], "aa"), "AA");
        assert_eq!(r(&[], "abc"), "abc");
        assert_eq!(r(&["", ""], ""), "");
        assert_eq!(r(&["", "-"], ""), "-");
    }
}
