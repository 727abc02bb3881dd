//! A revision's manifest (`manifest.json`): what was archived, why, with
//! what, and the SHA-256 of every file, so that the revision can be checked
//! and rebuilt years later. `manifest.sha256` beside it holds the
//! manifest's own hash.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::hash::sha256;
use crate::diag::{Error, Location};
use crate::files::is_plain_relative;
use crate::names::{ARCHIVE_FONTS, ARCHIVE_PICTURES};

/// The manifest's file name inside a revision folder.
pub const MANIFEST: &str = "manifest.json";
/// The file holding the manifest's own SHA-256.
pub const MANIFEST_SUM: &str = "manifest.sha256";
/// The version of this manifest format.
pub const FORMAT: u32 = 1;

/// Everything known about one archived revision.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    /// The manifest format version ([`FORMAT`]).
    pub format: u32,
    /// The edition id (its folder name).
    pub edition: String,
    /// Masthead name (报名).
    pub paper: String,
    /// Publication date, `YYYY-MM-DD`.
    pub date: String,
    /// 期号, if the edition gives one.
    pub issue: Option<u32>,
    /// The revision number, from 1.
    pub revision: u32,
    /// Why this revision was made (`--note`), e.g. 更正：….
    pub note: Option<String>,
    /// When it was archived (UTC, RFC 3339). Only here: the PDFs carry no
    /// clock time.
    pub archived_at: String,
    /// The banmian version that made it.
    pub banmian: String,
    /// The Typst version that laid it out.
    pub typst: String,
    /// The PDF standard the pages were written to, e.g. `PDF/A-3b`.
    pub pdf_standard: String,
    /// Whether half-width punctuation was set full-width (as `build` does).
    pub punct_fix: bool,
    /// Whether the pages were set under the print configuration, as
    /// `build` sets them: the house's `print.toml` (kept in the revision
    /// with its profile) under the edition's `[print]`, so that with an
    /// output intent the print PDFs are PDF/X-4 and the archived pages
    /// carry the print colours. Absent (false) in revisions archived
    /// before, which are set again without it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub print_config: bool,
    /// The pages, in edition order.
    pub pages: Vec<PageEntry>,
    /// The print PDF of the whole edition (every page in page order, as
    /// `build` writes `<edition-id>.pdf`), relative to the revision folder;
    /// absent for a one-page edition and in revisions archived before it
    /// was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition_print: Option<String>,
    /// Every file of the revision folder except the manifest and its sum.
    pub files: Vec<FileEntry>,
    /// The font files the pages were set with, in font-book order. The
    /// files are stored once for the whole archive, under `fonts/`.
    pub fonts: Vec<FontEntry>,
    /// The edition's pictures (photos, the logo), stored once for the
    /// whole archive under `pictures/` instead of in the revision's
    /// edition folder; absent in revisions archived before, which hold
    /// their pictures in `edition/`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pictures: Vec<PictureEntry>,
}

/// One picture of the edition, stored by content.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PictureEntry {
    /// Its place in the revision as the edition has it,
    /// `edition/<edition-id>/photos/01.jpg`.
    pub path: String,
    /// Its SHA-256.
    pub sha256: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// Where the archive keeps it, relative to the archive folder:
    /// `pictures/<sha256>.<ext>`.
    pub stored: String,
}

/// One archived page.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PageEntry {
    /// 版次.
    pub number: u32,
    /// 版名.
    pub section: String,
    /// The layout it was set with.
    pub layout: String,
    /// The archival PDF/A, relative to the revision folder.
    pub pdf: String,
    /// The print PDF (CMYK, as sent to the plant), relative to the
    /// revision folder.
    pub print: String,
}

/// One file of the revision folder.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct FileEntry {
    /// Path relative to the revision folder, with `/`.
    pub path: String,
    /// Its SHA-256.
    pub sha256: String,
    /// Its size in bytes.
    pub bytes: u64,
}

/// One font file a revision used.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct FontEntry {
    /// The file's name where it was found (e.g. `NotoSerifCJK-Regular.ttc`).
    pub name: String,
    /// Its SHA-256.
    pub sha256: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// Where the archive keeps it, relative to the archive folder.
    pub stored: String,
}

impl Manifest {
    /// The files that made the pages (edition folder and layouts), which
    /// decide whether an edition is unchanged since this revision.
    pub fn sources(&self) -> Vec<&FileEntry> {
        self.files
            .iter()
            .filter(|f| f.path.starts_with("edition/") || f.path.starts_with("layouts/"))
            .collect()
    }

    /// The manifest as written: pretty JSON with a final newline.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).expect("manifest serialises");
        bytes.push(b'\n');
        bytes
    }

    /// The manifest's sum file: its SHA-256 and name, as `sha256sum` writes.
    pub fn sum_line(bytes: &[u8]) -> String {
        format!("{}  {MANIFEST}\n", sha256(bytes))
    }

    /// Reads the manifest of the revision folder `dir`.
    pub fn read(dir: &Path) -> Result<Self, Error> {
        let path = dir.join(MANIFEST);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        Self::parse(&bytes, &path)
    }

    /// Parses manifest bytes read from `path`.
    pub fn parse(bytes: &[u8], path: &Path) -> Result<Self, Error> {
        let manifest: Self = serde_json::from_slice(bytes).map_err(|e| {
            Error::content(
                Location::at(path, e.line(), e.column()),
                t!("archive-manifest-unreadable", error = e.to_string()),
            )
        })?;
        if manifest.format != FORMAT {
            return Err(Error::content(
                Location::file(path).with_field("format"),
                t!(
                    "archive-manifest-format",
                    format = manifest.format,
                    supported = FORMAT,
                ),
            ));
        }
        manifest.check_paths(path)?;
        Ok(manifest)
    }

    /// Refuses a manifest naming a file outside its revision folder (or a
    /// font outside the font store): nothing outside the archive is read
    /// or hashed on a manifest's word.
    fn check_paths(&self, path: &Path) -> Result<(), Error> {
        let files = self
            .files
            .iter()
            .enumerate()
            .map(|(i, f)| (format!("files[{i}].path"), &f.path));
        let pages = self.pages.iter().enumerate().flat_map(|(i, p)| {
            [
                (format!("pages[{i}].pdf"), &p.pdf),
                (format!("pages[{i}].print"), &p.print),
            ]
        });
        let whole = (self.edition_print.iter()).map(|rel| ("edition_print".to_string(), rel));
        let pictures = (self.pictures.iter().enumerate())
            .map(|(i, p)| (format!("pictures[{i}].path"), &p.path));
        for (field, rel) in files.chain(pages).chain(whole).chain(pictures) {
            if !is_plain_relative(rel) {
                return Err(Error::content(
                    Location::file(path).with_field(field),
                    t!("archive-manifest-path-outside", quoted = format!("{rel:?}")),
                ));
            }
        }
        let fonts = (self.fonts.iter().enumerate()).map(|(i, f)| {
            (
                format!("fonts[{i}].stored"),
                &f.stored,
                ARCHIVE_FONTS,
                "fonts",
            )
        });
        let pictures = (self.pictures.iter().enumerate()).map(|(i, p)| {
            let field = format!("pictures[{i}].stored");
            (field, &p.stored, ARCHIVE_PICTURES, "pictures")
        });
        for (field, stored, store, what) in fonts.chain(pictures) {
            let name = stored
                .strip_prefix(store)
                .and_then(|rest| rest.strip_prefix('/'));
            if !name.is_some_and(|n| is_plain_relative(n) && !n.contains('/')) {
                return Err(Error::content(
                    Location::file(path).with_field(field),
                    t!(
                        "archive-manifest-not-stored",
                        quoted = format!("{stored:?}"),
                        store = what,
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Whether this is the manifest of revision `revision` of edition `id`,
    /// the folder it was read from: a revision folder renamed or moved
    /// is not taken for another.
    pub fn check_place(&self, id: &str, revision: u32, path: &Path) -> Result<(), Error> {
        if self.edition == id && self.revision == revision {
            return Ok(());
        }
        Err(Error::Archive(t!(
            "archive-manifest-misplaced",
            path = path,
            edition = &self.edition,
            revision = self.revision,
            folder_edition = id,
            folder_revision = revision,
        )))
    }
}
