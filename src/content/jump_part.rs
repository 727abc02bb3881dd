//! Which part of a jumping story (转版) a page's listing sets: a leaf the
//! article model and the jump logic both use.

/// Which part of a jumping article a page sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JumpPart {
    /// The first part, on the page the article starts on. `open` once the
    /// split is known and falls inside a paragraph (its last line is then
    /// set full, and the text goes on overleaf); `cut` once it is known.
    First {
        /// The page it continues on.
        to: u32,
        /// The body was cut where its module ends.
        cut: bool,
        /// The cut falls inside the last paragraph.
        open: bool,
        /// The whole body has a section head: what comes before the first
        /// is the lead (导语), in the first part as in the whole.
        headed: bool,
    },
    /// The continuation on a later page: the headline again, then the
    /// rest of the body. `open` when its first paragraph is the end of
    /// one begun on page `from`.
    Rest {
        /// The page the article starts on.
        from: u32,
        /// The first paragraph goes on from the page before.
        open: bool,
        /// The cut fell inside the lead (导语): the continuation's text
        /// before its first section head is the lead's rest.
        lead: bool,
    },
}
