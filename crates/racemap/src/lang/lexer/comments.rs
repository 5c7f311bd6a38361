//! Comment groups as `go/parser` forms them (`parser.next`, `consumeCommentGroup`): the
//! comments between two tokens split into groups of comments at most one line apart; when the
//! first of them starts on the line of the previous token (a line comment), it and the
//! comments starting on its last line form a group of their own. Only the spans are kept (from
//! the first comment's `//` or `/*` to the end of the last one): a group holds nothing but
//! comments and white space, so its comments can be read again from the source
//! (`go/doc`'s example output, `lang::check::examples`).

use crate::diag::Span;

/// Groups the comments the lexer meets.
#[derive(Default)]
pub(super) struct CommentGroups {
    /// The groups closed so far, in source order.
    pub(super) groups: Vec<Span>,
    /// The open group: its span, and how many line breaks may separate its next comment from
    /// its end (`consumeCommentGroup`'s `n`: 0 for a line comment's group, else 1).
    open: Option<(Span, usize)>,
    /// The start of the last token: `None` before the first, or while comments follow it.
    last_token: Option<usize>,
}

impl CommentGroups {
    /// A comment at `span` of `src`; `nlsemi`: a newline after the previous token would have
    /// ended its statement (Go's scanner then puts the semicolon at the comment, on the
    /// previous token's line).
    pub(super) fn comment(&mut self, src: &str, span: Span, nlsemi: bool) {
        let breaks = |a: u32, b: u32| {
            src.get(a as usize..b as usize)
                .map_or(0, |s| s.bytes().filter(|&c| c == b'\n').count())
        };
        if let Some(tok) = self.last_token.take() {
            // The first comment after a token.
            let same_line = nlsemi || breaks(tok as u32, span.lo) == 0;
            self.open = Some((span, if same_line { 0 } else { 1 }));
            return;
        }
        match &mut self.open {
            Some((group, n)) if breaks(group.hi, span.lo) <= *n => group.hi = span.hi,
            _ => {
                self.close();
                self.open = Some((span, 1));
            }
        }
    }

    /// A token starting at `lo`: the open group ends.
    pub(super) fn token(&mut self, lo: usize) {
        self.close();
        self.last_token = Some(lo);
    }

    fn close(&mut self) {
        if let Some((group, _)) = self.open.take() {
            self.groups.push(group);
        }
    }

    /// Every group, in source order.
    pub(super) fn finish(mut self) -> Vec<Span> {
        self.close();
        self.groups
    }
}
