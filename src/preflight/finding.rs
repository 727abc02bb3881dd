//! What the preflight says: findings, their severity and check, and the
//! print settings they are judged against. A leaf of the preflight: its
//! checks (the PDF, the pictures, the laid-out page) all report in it.

use std::fmt;

use serde::Serialize;

use crate::content::PictureMode;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The page must not be released.
    Error,
    /// The desk should look; `--strict` makes it an error.
    Warning,
    /// Something the preflight could not check (a tool it needs is not
    /// installed): said, never blocking, even with `--strict`.
    Note,
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
    /// RGB colour or transparency in the page content; cyan, magenta or
    /// yellow in a grey job.
    Colours,
    /// Total ink (C+M+Y+K) above the job's limit somewhere on the page.
    Ink,
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

    /// Whether the finding stops a release: an error always, a warning
    /// with `strict`, a note never.
    pub fn blocks(&self, strict: bool) -> bool {
        match self.severity {
            Severity::Error => true,
            Severity::Warning => strict,
            Severity::Note => false,
        }
    }

    /// Whether this is the finding that a picture is missing (its message
    /// is in the language of the run that made it).
    pub fn is_missing_picture(&self) -> bool {
        self.check == Check::Pictures && self.message == t!("preflight-picture-missing")
    }

    /// The same finding, traced to a source file and line.
    pub fn at(mut self, source: impl fmt::Display) -> Self {
        self.source = Some(source.to_string());
        self
    }
}

impl Check {
    /// The check as a report names it: its own name in English (what the
    /// desk's scripts grep), plain words in Chinese.
    pub fn label(self) -> String {
        match self {
            Self::Overset => t!("preflight-check-overset"),
            Self::Underset => t!("preflight-check-underset"),
            Self::Tofu => t!("preflight-check-tofu"),
            Self::Fonts => t!("preflight-check-fonts"),
            Self::Pictures => t!("preflight-check-pictures"),
            Self::Colours => t!("preflight-check-colours"),
            Self::Ink => t!("preflight-check-ink"),
            Self::Geometry => t!("preflight-check-geometry"),
            Self::Pdfx => t!("preflight-check-pdfx"),
            Self::Composition => t!("preflight-check-composition"),
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut head = self.check.label();
        if let Some(page) = self.page {
            head = t!("preflight-finding-page", check = head, page = page);
        }
        if !self.place.is_empty() {
            head = t!("preflight-finding-place", head = head, place = &self.place);
        }
        let mut text = t!("preflight-finding", head = head, message = &self.message);
        if let Some(source) = &self.source {
            text = t!("preflight-finding-source", text = text, source = source);
        }
        f.write_str(&match self.severity {
            Severity::Error => t!("label-error", text = text),
            Severity::Warning => t!("label-warning", text = text),
            Severity::Note => t!("label-note", text = text),
        })
    }
}

/// The total ink coldset newsprint takes, in percent (ISO 12647-3 allows
/// about 220–240%).
pub const DEFAULT_INK_LIMIT: f64 = 240.0;

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
    /// The most ink (C+M+Y+K, in percent) any small area of the page may
    /// carry: about 240% on coldset newsprint.
    pub ink_limit: f64,
    /// Measure the ink at all: Ghostscript renders each page's
    /// separations (about 0.35 s a page), so `banmian preflight` always
    /// does, and a build when the plant's configuration (`ink_limit` in
    /// print.toml or `[print]`) or `--ink-limit` asks for it.
    pub measure_ink: bool,
}

impl Default for PrintSettings {
    /// A newsprint job: CMYK (grey pictures are fine too), 200–600 ppi,
    /// total ink at most 240%.
    fn default() -> Self {
        Self {
            mode: PictureMode::Cmyk,
            min_ppi: crate::makeup::HOUSE_MIN_PPI,
            max_ppi: 600.0,
            hole_lines: 3,
            ink_limit: DEFAULT_INK_LIMIT,
            measure_ink: false,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_never_blocks_a_warning_only_when_strict() {
        let finding = |severity| Finding {
            severity,
            ..Finding::new(Severity::Error, Check::Ink, 1, "page", "")
        };
        assert!(finding(Severity::Error).blocks(false));
        assert!(!finding(Severity::Warning).blocks(false));
        assert!(finding(Severity::Warning).blocks(true));
        assert!(!finding(Severity::Note).blocks(true));
        assert_eq!(
            finding(Severity::Note).to_string(),
            "note: Ink: page 1, page: "
        );
    }
}
