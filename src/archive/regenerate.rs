//! `regenerate`: sets an archived revision's pages again from the archived
//! bundle alone — its edition folder, its layouts, its fonts — and compares
//! them byte for byte with the archived PDFs.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Archive;
use super::hash::sha256;
use super::manifest::Manifest;
use super::pictures::whole_edition;
use super::render::{Release, Rendered, highlighted_pdf, render};
use crate::diag::Error;
use crate::fonts::Fonts;
use crate::publish::publish;

/// How one archived file compared.
#[derive(Debug, Clone)]
pub struct PageResult {
    /// 版次.
    pub number: u32,
    /// Which file of the page: `PDF/A` or `print`; [`EDITION`] for the
    /// print PDF of the whole edition (whose `number` is 0).
    pub kind: &'static str,
    /// The archived PDF, under the archive folder.
    pub archived: PathBuf,
    /// Whether the new PDF equals the archived one byte for byte.
    pub identical: bool,
    /// What differs, when it does.
    pub detail: String,
}

/// The kind of [`PageResult`] that compares the whole edition's print PDF.
pub const EDITION: &str = "edition PDF";

/// What `regenerate` did.
#[derive(Debug)]
pub struct Regenerated {
    /// The edition id.
    pub edition: String,
    /// The revision set again.
    pub revision: u32,
    /// Each page's comparison.
    pub pages: Vec<PageResult>,
    /// The regenerated PDFs written (with `-o`).
    pub written: Vec<PathBuf>,
}

impl Regenerated {
    /// Whether every page came out identical.
    pub fn identical(&self) -> bool {
        !self.pages.is_empty() && self.pages.iter().all(|p| p.identical)
    }
}

/// Sets revision `revision` (the latest when `None`) of edition `id` again
/// and compares both files of every page (PDF/A and print); with `out`,
/// writes the regenerated PDF/A files there.
pub fn regenerate(
    archive: &Archive,
    id: &str,
    revision: Option<u32>,
    out: Option<&Path>,
) -> Result<Regenerated, Error> {
    let revision = archive.pick(id, revision)?;
    let bundle = Bundle::open(archive, id, revision)?;
    let (manifest, dir) = (&bundle.manifest, &bundle.dir);
    let rendered = render(
        &bundle.edition_dir,
        &dir.join("layouts"),
        bundle.fonts.clone(),
        &Release::Unchecked,
        manifest.print_config,
    )?;
    let pages = compare_pages(dir, manifest, &rendered);
    let mut written = Vec::new();
    if let Some(out) = out {
        let files: Vec<(PathBuf, Vec<u8>)> = rendered
            .pages
            .into_iter()
            .map(|p| (out.join(p.file_name), p.bytes))
            .collect();
        publish(&files)?;
        written = files.into_iter().map(|(path, _)| path).collect();
    }
    Ok(Regenerated {
        edition: id.to_string(),
        revision,
        pages,
        written,
    })
}

/// An archived revision as it is set again: its manifest, its folder, its
/// fonts loaded, and its edition folder whole (the pictures stored once
/// put back in a temporary copy, kept while this lives).
struct Bundle {
    manifest: Manifest,
    dir: PathBuf,
    fonts: Arc<Fonts>,
    edition_dir: PathBuf,
    _copy: Option<tempfile::TempDir>,
}

impl Bundle {
    fn open(archive: &Archive, id: &str, revision: u32) -> Result<Self, Error> {
        let manifest = archive.manifest(id, revision)?;
        let dir = archive.revision_dir(id, revision);
        let fonts = (manifest.fonts.iter())
            .map(|font| archive.checked_font(font))
            .collect::<Result<Vec<_>, _>>()?;
        let (edition_dir, copy) = whole_edition(archive, &manifest, &dir)?;
        Ok(Self {
            fonts: Arc::new(Fonts::load_files(&fonts)?),
            manifest,
            dir,
            edition_dir,
            _copy: copy,
        })
    }
}

/// The pages `numbers` of revision `revision` of edition `id` set again
/// with `highlights` (by 版次) over their text, as one PDF: the corrected
/// pages with their changes in sight for the desk to sign off
/// (`archive diff --pdf`).
pub fn highlighted(
    archive: &Archive,
    id: &str,
    revision: u32,
    highlights: BTreeMap<u32, Vec<String>>,
    numbers: &BTreeSet<u32>,
) -> Result<Vec<u8>, Error> {
    let bundle = Bundle::open(archive, id, revision)?;
    highlighted_pdf(
        &bundle.edition_dir,
        &bundle.dir.join("layouts"),
        bundle.fonts.clone(),
        bundle.manifest.print_config,
        highlights,
        numbers,
    )
}

/// Both files of every archived page compared with the regenerated ones,
/// the edition's print PDF when the revision has one, then the
/// regenerated pages the archive does not have.
fn compare_pages(dir: &Path, manifest: &Manifest, rendered: &Rendered) -> Vec<PageResult> {
    let mut pages = Vec::new();
    for entry in &manifest.pages {
        let new = rendered.pages.iter().find(|p| p.number == entry.number);
        for (kind, rel) in [("PDF/A", &entry.pdf), ("print", &entry.print)] {
            let archived = dir.join(rel);
            let new = new.map(|p| if kind == "print" { &p.print } else { &p.bytes });
            let (identical, detail) = compare(&archived, new);
            pages.push(PageResult {
                number: entry.number,
                kind,
                archived,
                identical,
                detail,
            });
        }
    }
    if let Some(rel) = &manifest.edition_print {
        let archived = dir.join(rel);
        let new = rendered.edition_print.as_ref().map(|(_, bytes)| bytes);
        let (identical, detail) = compare(&archived, new);
        pages.push(PageResult {
            number: 0,
            kind: EDITION,
            archived,
            identical,
            detail,
        });
    }
    for page in &rendered.pages {
        if !manifest.pages.iter().any(|p| p.number == page.number) {
            pages.push(PageResult {
                number: page.number,
                kind: "PDF/A",
                archived: dir.join("pages").join(&page.file_name),
                identical: false,
                detail: t!("archive-regen-page-not-archived"),
            });
        }
    }
    pages
}

/// Compares an archived file with its regenerated bytes.
fn compare(archived: &Path, new: Option<&Vec<u8>>) -> (bool, String) {
    let Some(new) = new else {
        return (false, t!("archive-regen-no-longer-made"));
    };
    match std::fs::read(archived) {
        Err(e) => (false, t!("archive-regen-unreadable", error = e.to_string())),
        Ok(old) if &old == new => (true, String::new()),
        Ok(old) => {
            let (old_sha, new_sha) = (sha256(&old), sha256(new));
            let (old_sha, new_sha) = (&old_sha[..12], &new_sha[..12]);
            let detail = match first_difference(&old, new) {
                Some(at) => t!(
                    "archive-regen-bytes-differ-at",
                    old_bytes = old.len(),
                    old_sha = old_sha,
                    new_bytes = new.len(),
                    new_sha = new_sha,
                    at = at,
                ),
                None => t!(
                    "archive-regen-bytes-differ",
                    old_bytes = old.len(),
                    old_sha = old_sha,
                    new_bytes = new.len(),
                    new_sha = new_sha,
                ),
            };
            (false, detail)
        }
    }
}

fn first_difference(a: &[u8], b: &[u8]) -> Option<usize> {
    a.iter()
        .zip(b)
        .position(|(x, y)| x != y)
        .or_else(|| (a.len() != b.len()).then(|| a.len().min(b.len())))
}
