//! Display text: what the pages print, with the line it was written on,
//! and the check every piece of it passes (no control characters).

use crate::diag::{Error, Location};

/// A piece of display text with the line it was written on, so that
/// reports (punctuation fixes, checks) can point back to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The text as written (or as corrected, after punctuation correction).
    pub value: String,
    /// 1-based line in the article file.
    pub line: usize,
    /// The field it came from, e.g. `quotes.items[2]`.
    pub field: String,
}

/// Display text may not hold control characters: they cannot be set and
/// usually mean the copy was damaged on the way. `location` gives the
/// place of the character at a char index of `value`; it is called only
/// when there is an error.
pub(crate) fn check_display_text(
    value: &str,
    location: impl FnOnce(usize) -> Location,
) -> Result<(), Error> {
    match value
        .chars()
        .enumerate()
        .find(|(_, c)| c.is_control() && *c != '\n' && *c != '\t')
    {
        Some((i, c)) => Err(Error::content(
            location(i),
            t!("content-control-char", code = format!("{:04X}", c as u32)),
        )),
        None => Ok(()),
    }
}
