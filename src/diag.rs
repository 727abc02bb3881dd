//! Errors and warnings as the desk sees them: every message names the file
//! and, where one exists, the line, column and field it is about.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where in the user's files a message points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file, as the user named it (edition folder joined with the file).
    pub file: PathBuf,
    /// 1-based line, if known.
    pub line: Option<usize>,
    /// 1-based column in characters, if known.
    pub column: Option<usize>,
    /// Dotted field path such as `pages[0].number`, if the message is about a field.
    pub field: Option<String>,
}

impl Location {
    /// A location that names only a file.
    pub fn file(file: impl Into<PathBuf>) -> Self {
        Self {
            file: file.into(),
            line: None,
            column: None,
            field: None,
        }
    }

    /// A location at a line and column of a file.
    pub fn at(file: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        Self {
            file: file.into(),
            line: Some(line),
            column: Some(column),
            field: None,
        }
    }

    /// The same location with a field path attached.
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        let field = field.into();
        self.field = (!field.is_empty()).then_some(field);
        self
    }

    /// The location of byte `offset` in `text`, which starts at line `first_line` of `file`.
    pub fn from_offset(file: &Path, text: &str, offset: usize, first_line: usize) -> Self {
        let (line, column) = line_col(text, offset);
        Self::at(file, line + first_line - 1, column)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        if let Some(field) = &self.field {
            write!(f, ": {field}")?;
        }
        Ok(())
    }
}

/// Locations of many byte offsets in one text, each found in logarithmic
/// time (a text with 100,000 fields would take quadratic time to locate
/// field by field from its start).
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    file: &'a Path,
    text: &'a str,
    first_line: usize,
    /// Byte offset of the start of each line.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`, which starts at line `first_line` of `file`.
    pub fn new(file: &'a Path, text: &'a str, first_line: usize) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            file,
            text,
            first_line,
            starts,
        }
    }

    /// The 1-based line of the file that byte `offset` of the text is on.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) + self.first_line - 1
    }

    /// The location (line and character column) of byte `offset`.
    pub fn location(&self, offset: usize) -> Location {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let index = self.starts.partition_point(|&s| s <= offset) - 1;
        let column = self.text[self.starts[index]..offset].chars().count() + 1;
        Location::at(self.file, index + self.first_line, column)
    }
}

/// 1-based line and character column of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Why a command failed: exit code 1 when the input is wrong or could not
/// be processed, 2 for usage errors (most of which clap reports itself).
#[derive(Debug)]
pub enum Error {
    /// Content the desk wrote is malformed or inconsistent.
    Content {
        /// Where the problem is.
        location: Location,
        /// What is wrong, in the user's terms.
        message: String,
    },
    /// A file could not be read or written.
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The Typst templates failed; the text holds rendered diagnostics.
    Template(String),
    /// The article does not fit its page.
    Overset {
        /// The article that overflowed.
        location: Location,
        /// The page number (版次).
        page: u32,
        /// How many characters were pushed off the page.
        chars: usize,
        /// Those characters as body lines of the page's column measure.
        lines: usize,
        /// The column measure used for the line figure.
        chars_per_line: u32,
        /// The sentence where the page runs out (empty when not known).
        from: Box<str>,
    },
    /// The preflight refuses to release the pages; one line per finding.
    Preflight(Vec<String>),
    /// The installation is incomplete or broken: no layouts or fonts
    /// found, a file in `fonts/` that is no font.
    Install(String),
    /// A file changed while banmian was reading it (a font during a build,
    /// while it was archived): nothing was written, run it again.
    Changed(String),
    /// `watch` cannot follow the files (or catch Ctrl-C).
    Watch(String),
    /// The archive is damaged (an altered manifest, a damaged stored font,
    /// an unreadable index or text file).
    Archive(String),
    /// A bug in banmian, not in the input (or, in test builds with the
    /// `fail-points` feature, a failure the tests injected).
    Internal(String),
    /// The command line asks for something that cannot be done (exit 2).
    Usage(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Content { location, message } => write!(f, "{location}: {message}"),
            Self::Io { path, source } => write!(f, "{}: {}", path.display(), io_message(source)),
            Self::Overset {
                location,
                page,
                chars,
                lines,
                chars_per_line,
                from,
            } => {
                let text = if from.is_empty() {
                    t!(
                        "error-overset",
                        page = *page,
                        chars = *chars,
                        lines = *lines,
                        per_line = *chars_per_line
                    )
                } else {
                    t!(
                        "error-overset-from",
                        page = *page,
                        chars = *chars,
                        lines = *lines,
                        per_line = *chars_per_line,
                        from = from
                    )
                };
                write!(f, "{location}: {text}")
            }
            Self::Preflight(lines) => {
                write!(f, "{}\n{}", t!("error-preflight-refuses"), lines.join("\n"))
            }
            Self::Template(text)
            | Self::Install(text)
            | Self::Changed(text)
            | Self::Watch(text)
            | Self::Archive(text)
            | Self::Internal(text)
            | Self::Usage(text) => f.write_str(text),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// An I/O error in the desk's words: the system's own text in English, the
/// kind of failure in Chinese (with the system's text where the kind says
/// too little).
pub fn io_message(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let os = e.to_string();
    match e.kind() {
        K::NotFound => t!("io-not-found", os = os),
        K::PermissionDenied => t!("io-permission-denied", os = os),
        K::AlreadyExists => t!("io-already-exists", os = os),
        K::IsADirectory => t!("io-is-a-directory", os = os),
        K::NotADirectory => t!("io-not-a-directory", os = os),
        K::StorageFull => t!("io-storage-full", os = os),
        K::ReadOnlyFilesystem => t!("io-read-only", os = os),
        K::InvalidData => t!("io-invalid-data", os = os),
        K::UnexpectedEof => t!("io-unexpected-eof", os = os),
        K::DirectoryNotEmpty => t!("io-directory-not-empty", os = os),
        K::Interrupted => t!("io-interrupted", os = os),
        _ => t!("io-other", os = os),
    }
}

impl Error {
    /// A content error at `location`.
    pub fn content(location: Location, message: impl Into<String>) -> Self {
        Self::Content {
            location,
            message: message.into(),
        }
    }

    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io {
            path: path.into(),
            source,
        }
    }

    /// The process exit code: 2 for usage errors, 1 for everything else.
    pub fn exit_code(&self) -> i32 {
        match self {
            Self::Usage(_) => 2,
            _ => 1,
        }
    }
}

/// Something the desk should know that does not stop the build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Where it is.
    pub location: Location,
    /// What it is.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "a\n中文x";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 2), (2, 1));
        assert_eq!(line_col(text, 8), (2, 3));
    }

    #[test]
    fn line_index_agrees_with_line_col() {
        let text = "a\n中文x\n\nyz";
        let index = LineIndex::new(Path::new("f"), text, 3);
        for offset in 0..=text.len() + 2 {
            let (line, column) = line_col(text, offset);
            assert_eq!(
                index.location(offset),
                Location::at("f", line + 2, column),
                "{offset}"
            );
            assert_eq!(index.line(offset), line + 2);
        }
    }

    #[test]
    fn location_displays_file_line_column_field() {
        let loc = Location::at("e/edition.toml", 7, 9).with_field("pages[0].number");
        assert_eq!(loc.to_string(), "e/edition.toml:7:9: pages[0].number");
    }
}
