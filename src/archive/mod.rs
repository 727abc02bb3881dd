//! The edition archive: every released edition kept as immutable
//! revisions — PDF/A pages, the complete sources, a manifest of hashes —
//! with a full-text index, integrity checks and byte-exact regeneration.
//!
//! ```text
//! archive/
//!   fonts/<sha256>.<ext>          font files, stored once for all revisions
//!   pictures/<sha256>.<ext>       photos and logos, stored once likewise
//!   index.sqlite                  the search index: a cache, rebuilt at will
//!   <edition-id>/rev-0001/
//!     manifest.json               what, why, with what; SHA-256 of every file
//!     manifest.sha256             the manifest's own hash
//!     text.json                   the printed text, passage by passage
//!     pages/<edition-id>-05.pdf   the pages as PDF/A-3b, sources attached
//!     print/<edition-id>-05.pdf   the pages' print PDFs, as `build` writes them
//!     print/<edition-id>.pdf      the edition PDF, when it has several pages
//!     edition/<edition-id>/…      the edition folder as it was
//!     layouts/…                   the layout files the pages used
//!     print.toml, <profile>       the house's print configuration, if any
//! ```
//!
//! The folders are the truth; the index is rebuilt from them when it is
//! missing or behind.

pub mod diff;
pub mod hash;
pub mod house;
pub mod index;
pub mod manifest;
pub mod mirror;
pub mod ngrams;
pub mod normalise;
pub mod passages;
pub mod pictures;
pub mod place;
pub mod profile;
pub mod regenerate;
pub mod remote;
pub mod render;
pub mod shard;
pub mod snippet;
pub mod store;
pub mod verify;

use std::path::{Path, PathBuf};

use crate::diag::Error;
use manifest::{FontEntry, MANIFEST, MANIFEST_SUM, Manifest, PictureEntry};

/// The folder under which font files are stored by hash.
pub const FONTS: &str = crate::names::ARCHIVE_FONTS;
/// The folder under which pictures are stored by hash.
pub const PICTURES: &str = crate::names::ARCHIVE_PICTURES;
/// The index file.
pub const INDEX: &str = crate::names::ARCHIVE_INDEX;
/// Prefix of a staging folder (an archive being written).
pub const STAGING: &str = ".staging-";
/// The lock file held while an archive is written.
pub const LOCK: &str = ".lock";

/// An archive folder.
#[derive(Debug, Clone)]
pub struct Archive {
    /// The archive's root folder.
    pub root: PathBuf,
}

impl Archive {
    /// The archive at `root` (which need not exist yet).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The folder of revision `revision` of edition `id`.
    pub fn revision_dir(&self, id: &str, revision: u32) -> PathBuf {
        self.root.join(id).join(revision_name(revision))
    }

    /// Where a font file a manifest lists is stored.
    pub fn font_path(&self, font: &FontEntry) -> PathBuf {
        self.root.join(&font.stored)
    }

    /// Where a font file a manifest lists is stored, once its content is
    /// checked against the manifest's hash.
    pub fn checked_font(&self, font: &FontEntry) -> Result<PathBuf, Error> {
        let path = self.font_path(font);
        if hash::sha256_file(&path)?.0 != font.sha256 {
            return Err(Error::Archive(t!(
                "archive-font-damaged",
                path = &path,
                name = &font.name,
            )));
        }
        Ok(path)
    }

    /// Where a picture a manifest lists is stored, once its content is
    /// checked against the manifest's hash.
    pub fn checked_picture(&self, picture: &PictureEntry) -> Result<PathBuf, Error> {
        let path = self.root.join(&picture.stored);
        let intact = path.is_file() && hash::sha256_file(&path)?.0 == picture.sha256;
        if !intact {
            return Err(Error::Archive(t!(
                "archive-picture-damaged",
                path = &path,
                picture = &picture.path,
            )));
        }
        Ok(path)
    }

    /// The editions in the archive, sorted by id.
    pub fn editions(&self) -> Result<Vec<String>, Error> {
        let mut ids: Vec<String> = folders(&self.root)?
            .into_iter()
            .filter(|name| !name.starts_with('.') && name != FONTS && name != PICTURES)
            .collect();
        ids.sort();
        Ok(ids)
    }

    /// The revision numbers of edition `id`, ascending (none if unknown).
    pub fn revisions(&self, id: &str) -> Result<Vec<u32>, Error> {
        let mut revs: Vec<u32> = folders(&self.root.join(id))?
            .iter()
            .filter_map(|name| parse_revision_name(name))
            .collect();
        revs.sort_unstable();
        Ok(revs)
    }

    /// The number of the next revision of edition `id`: one past every
    /// entry of its folder named as a revision, whatever it holds, so that
    /// no stray or damaged folder is overwritten or stands in the way.
    pub fn next_revision(&self, id: &str) -> Result<u32, Error> {
        let dir = self.root.join(id);
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(1),
            Err(e) => return Err(Error::io(&dir, e)),
        };
        let mut last = 0;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&dir, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            last = last.max(parse_revision_name(&name).unwrap_or(0));
        }
        last.checked_add(1)
            .ok_or_else(|| Error::Archive(t!("archive-no-revision-left", path = &dir)))
    }

    /// The revision `revision` of `id`, or its latest; an error naming what
    /// the archive has when there is no such revision.
    pub fn pick(&self, id: &str, revision: Option<u32>) -> Result<u32, Error> {
        let revs = self.revisions(id)?;
        if revs.is_empty() {
            let known = self.editions()?;
            return Err(Error::Usage(if known.is_empty() {
                t!(
                    "archive-no-edition-empty",
                    path = &self.root,
                    quoted = format!("{id:?}"),
                    edition = id,
                )
            } else {
                t!(
                    "archive-no-edition",
                    path = &self.root,
                    quoted = format!("{id:?}"),
                    edition = id,
                    editions = known.join(&t!("archive-separator")),
                )
            }));
        }
        match revision {
            None => Ok(*revs.last().expect("not empty")),
            Some(n) if revs.contains(&n) => Ok(n),
            Some(n) => Err(Error::Usage(t!(
                "archive-no-revision",
                edition = id,
                revision = n,
                revisions = (revs.iter().map(u32::to_string))
                    .collect::<Vec<_>>()
                    .join(&t!("archive-separator")),
            ))),
        }
    }

    /// Reads the manifest of a revision and checks it against its sum file
    /// and the folder it is in, so that nothing is trusted from a damaged
    /// or misplaced manifest.
    pub fn manifest(&self, id: &str, revision: u32) -> Result<Manifest, Error> {
        let dir = self.revision_dir(id, revision);
        let path = dir.join(MANIFEST);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let sum_path = dir.join(MANIFEST_SUM);
        let sum = std::fs::read_to_string(&sum_path).map_err(|e| Error::io(&sum_path, e))?;
        if sum != Manifest::sum_line(&bytes) {
            return Err(Error::Archive(t!(
                "archive-manifest-altered",
                path = &path,
                sum = MANIFEST_SUM,
            )));
        }
        let manifest = Manifest::parse(&bytes, &path)?;
        manifest.check_place(id, revision, &path)?;
        Ok(manifest)
    }
}

/// The names of the folders (or links to folders) in `dir`; none if `dir`
/// does not exist.
fn folders(dir: &Path) -> Result<Vec<String>, Error> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        if entry.path().is_dir() {
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    Ok(names)
}

/// The folder name of a revision: `rev-0001`.
pub fn revision_name(revision: u32) -> String {
    format!("rev-{revision:04}")
}

/// The revision number a folder name stands for.
pub fn parse_revision_name(name: &str) -> Option<u32> {
    let digits = name.strip_prefix("rev-")?;
    if digits.len() < 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|&n| n > 0)
}

/// A path relative to a folder, written with `/` whatever the platform.
pub fn slash_path(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Now, in UTC, as RFC 3339 (`2026-11-28T13:20:05Z`): when a revision was
/// archived. Only the manifest records it.
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revision_names_round_trip() {
        assert_eq!(revision_name(1), "rev-0001");
        assert_eq!(parse_revision_name("rev-0001"), Some(1));
        assert_eq!(parse_revision_name("rev-12345"), Some(12345));
        assert_eq!(parse_revision_name("rev-0000"), None);
        assert_eq!(parse_revision_name("rev-1"), None);
        assert_eq!(parse_revision_name("rev-00a1"), None);
    }

    #[test]
    fn now_is_rfc3339() {
        let now = now_utc();
        assert_eq!(now.len(), 20, "{now}");
        assert!(now.ends_with('Z') && now.as_bytes()[10] == b'T', "{now}");
    }
}
