//! What the preflight says: findings, their severity and check, and the
//! print settings they are judged against. A leaf of the preflight: its
//! checks (the PDF, the pictures, the laid-out page) all report in it.

use std::fmt;

use serde::Serialize;

use crate::content::PictureMode;

/// How a missing picture's finding begins.
pub const MISSING: &str = "picture missing";

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The page must not be released.
    Error,
    /// The desk should look; `--strict` makes it an error.
    Warning,
}

/// The checks, as named in reports and JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Check {
    /// Text that did not fit (超版).
    Overset,
    /// A visible empty hole in a column.
    Underset,
    /// Characters no font supplies.
    Tofu,
    /// Fonts not embedded, not subset, or of unknown licence.
    Fonts,
    /// Missing, unreadable, low- or high-resolution or RGB pictures.
    Pictures,
    /// RGB colour or transparency in the page content.
    Colours,
    /// Page boxes that do not match the edition's format.
    Geometry,
    /// The PDF is not PDF/X-4: no output intent is configured.
    Pdfx,
    /// Breaks of the line-composition rules.
    Composition,
}

/// One preflight finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// Which check found it.
    pub check: Check,
    /// 版次 of the page, when it concerns one page.
    pub page: Option<u32>,
    /// Where on the page or in the PDF (`column 8`, `photos[2]`, `font F1`…).
    pub place: String,
    /// The source file (and line) it comes from, when known.
    pub source: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl Finding {
    /// A finding about `page` at `place`.
    pub fn new(
        severity: Severity,
        check: Check,
        page: u32,
        place: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity,
            check,
            page: Some(page),
            place: place.into(),
            source: None,
            message: message.into(),
        }
    }

    /// The same finding, traced to a source file and line.
    pub fn at(mut self, source: impl fmt::Display) -> Self {
        self.source = Some(source.to_string());
        self
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity}: {:?}", self.check)?;
        if let Some(page) = self.page {
            write!(f, ": page {page}")?;
        }
        if !self.place.is_empty() {
            write!(f, ", {}", self.place)?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(source) = &self.source {
            write!(f, " ({source})")?;
        }
        Ok(())
    }
}

/// Print settings the preflight checks against.
#[derive(Debug, Clone, Copy)]
pub struct PrintSettings {
    /// The colour the job prints in: pictures in other modes are flagged.
    pub mode: PictureMode,
    /// Lowest acceptable effective resolution of a placed picture.
    pub min_ppi: f64,
    /// Above this, a picture only costs bytes.
    pub max_ppi: f64,
    /// Empty lines at a column's foot that count as a hole.
    pub hole_lines: usize,
}

impl Default for PrintSettings {
    /// A newsprint job: CMYK (grey pictures are fine too), 200–600 ppi.
    fn default() -> Self {
        Self {
            mode: PictureMode::Cmyk,
            min_ppi: crate::makeup::HOUSE_MIN_PPI,
            max_ppi: 600.0,
            hole_lines: 3,
        }
    }
}

/// Sorts findings for a short report: errors first, then by check and page.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.severity, a.check, a.page, &a.place, &a.message)
            .cmp(&(b.severity, b.check, b.page, &b.place, &b.message))
    });
}
