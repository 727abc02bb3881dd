//! Source files of an edition: reading a size-limited text file (whether a
//! path stays inside the edition folder is [`crate::files::inside`]).

use std::fs;
use std::io::Read;
use std::path::Path;

use crate::diag::{Error, Location};
use crate::limits::checked_size;

/// Reads a UTF-8 text file of at most `limit` bytes (`source` says where
/// the limit is set); a byte-order mark is dropped, CRLF becomes LF.
/// Returns the text and the file's size.
pub(crate) fn read_text(path: &Path, limit: u64, source: &str) -> Result<(String, u64), Error> {
    let size = checked_size(path, limit, source)?;
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(limit.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > limit {
        // The file grew after it was measured.
        return Err(Error::content(
            Location::file(path),
            t!("content-file-over-limit", source = source),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = crate::diag::line_col(
            &String::from_utf8_lossy(&bytes[..e.valid_up_to()]),
            e.valid_up_to(),
        );
        Error::content(
            Location::at(path, line, column),
            t!("content-file-not-utf8"),
        )
    })?;
    Ok((text.replace("\r\n", "\n"), size))
}
