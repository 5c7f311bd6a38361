//! The nodes of a syntax tree, read from its `Debug` text: every node's `id: NodeId(n)` with
//! the `span` of the same node, and every `Span` in the tree. Read independently of the tree's
//! own walks (`ast::visit`), so tests can check what those walks and the parser produce.

use racemap::lang::ast::File;

/// A node of the tree: its id and, when it has one, its span `(lo, hi)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Node {
    /// The node's `NodeId`.
    pub id: u32,
    /// Its `span` field.
    pub span: Option<(u32, u32)>,
}

/// The `id` and `span` fields of one `{ … }` of the `Debug` text.
#[derive(Default)]
struct Fields {
    id: Option<u32>,
    span: Option<(u32, u32)>,
}

/// The tree's nodes (every struct with an `id: NodeId` field) and every `Span` in it, in the
/// order `Debug` writes them.
pub fn nodes_and_spans(file: &File) -> (Vec<Node>, Vec<(u32, u32)>) {
    let text = format!("{file:?}");
    let s = text.as_bytes();
    // One entry per open `{`: the id and span fields seen directly inside it.
    let mut open: Vec<Fields> = Vec::new();
    let (mut nodes, mut spans) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        if s[i] == b'"' {
            // A string: skip to its closing quote (`Debug` escapes `"` and `\` inside).
            i += 1;
            while i < s.len() && s[i] != b'"' {
                i += if s[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
        } else if s[i] == b'\'' {
            // A char (`RuneLit('"')`): skip to its closing quote, so a `"` inside is no string.
            i += 1;
            while i < s.len() && s[i] != b'\'' {
                i += if s[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
        } else if let Some(after) = rest.strip_prefix(b"Span { lo: ") {
            let (lo, after) = number(after);
            let (hi, after) = number(after.strip_prefix(b", hi: ").expect("Span's hi"));
            let after = after.strip_prefix(b" }").expect("Span's end");
            spans.push((lo, hi));
            if s[..i].ends_with(b" span: ") {
                if let Some(top) = open.last_mut() {
                    top.span = Some((lo, hi));
                }
            }
            i = s.len() - after.len();
        } else if let Some(after) = rest.strip_prefix(b" id: NodeId(") {
            let (id, after) = number(after);
            if let Some(top) = open.last_mut() {
                top.id = Some(id);
            }
            i = s.len() - after.len();
        } else {
            match s[i] {
                b'{' => open.push(Fields::default()),
                b'}' => {
                    if let Some(Fields { id: Some(id), span }) = open.pop() {
                        nodes.push(Node { id, span });
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }
    (nodes, spans)
}

/// The decimal number at the start of `text`, and what follows it.
fn number(text: &[u8]) -> (u32, &[u8]) {
    let end = text
        .iter()
        .position(|c| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let digits = std::str::from_utf8(&text[..end]).expect("ASCII digits");
    (digits.parse().expect("a number"), &text[end..])
}
