//! `regenerate`: sets an archived revision's pages again from the archived
//! bundle alone — its edition folder, its layouts, its fonts — and compares
//! them byte for byte with the archived PDFs.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Archive;
use super::hash::{sha256, sha256_file};
use super::render::render;
use crate::diag::Error;
use crate::export::write_all_atomic;
use crate::fonts::Fonts;

/// How one page compared.
#[derive(Debug, Clone)]
pub struct PageResult {
    /// 版次.
    pub number: u32,
    /// The archived PDF, under the archive folder.
    pub archived: PathBuf,
    /// Whether the new PDF equals the archived one byte for byte.
    pub identical: bool,
    /// What differs, when it does.
    pub detail: String,
}

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
/// and compares; with `out`, writes the regenerated PDFs there.
pub fn regenerate(
    archive: &Archive,
    id: &str,
    revision: Option<u32>,
    out: Option<&Path>,
) -> Result<Regenerated, Error> {
    let revision = archive.pick(id, revision)?;
    let manifest = archive.manifest(id, revision)?;
    let dir = archive.revision_dir(id, revision);
    let mut fonts = Vec::new();
    for font in &manifest.fonts {
        let path = archive.font_path(font);
        let (sha, _) = sha256_file(&path)?;
        if sha != font.sha256 {
            return Err(Error::Setup(format!(
                "{}: the archived font {} is damaged (run `banmian archive verify`)",
                path.display(),
                font.name
            )));
        }
        fonts.push(path);
    }
    let rendered = render(
        &dir.join("edition").join(id),
        &dir.join("layouts"),
        Arc::new(Fonts::load_files(&fonts)?),
    )?;
    let mut pages = Vec::new();
    for entry in &manifest.pages {
        let archived = dir.join(&entry.pdf);
        let new = rendered.pages.iter().find(|p| p.number == entry.number);
        let (identical, detail) = match (std::fs::read(&archived), new) {
            (_, None) => (false, "the sources no longer give this page".to_string()),
            (Err(e), Some(_)) => (false, format!("the archived PDF cannot be read: {e}")),
            (Ok(old), Some(new)) if old == new.bytes => (true, String::new()),
            (Ok(old), Some(new)) => (
                false,
                format!(
                    "archived {} bytes, SHA-256 {}; regenerated {} bytes, SHA-256 {}{}",
                    old.len(),
                    &sha256(&old)[..12],
                    new.bytes.len(),
                    &sha256(&new.bytes)[..12],
                    first_difference(&old, &new.bytes)
                        .map(|at| format!("; first difference at byte {at}"))
                        .unwrap_or_default()
                ),
            ),
        };
        pages.push(PageResult {
            number: entry.number,
            archived,
            identical,
            detail,
        });
    }
    for page in &rendered.pages {
        if !manifest.pages.iter().any(|p| p.number == page.number) {
            pages.push(PageResult {
                number: page.number,
                archived: dir.join("pages").join(&page.file_name),
                identical: false,
                detail: "a page the archive does not have".into(),
            });
        }
    }
    let mut written = Vec::new();
    if let Some(out) = out {
        let files: Vec<(PathBuf, Vec<u8>)> = rendered
            .pages
            .into_iter()
            .map(|p| (out.join(p.file_name), p.bytes))
            .collect();
        write_all_atomic(&files)?;
        written = files.into_iter().map(|(path, _)| path).collect();
    }
    Ok(Regenerated {
        edition: id.to_string(),
        revision,
        pages,
        written,
    })
}

fn first_difference(a: &[u8], b: &[u8]) -> Option<usize> {
    a.iter()
        .zip(b)
        .position(|(x, y)| x != y)
        .or_else(|| (a.len() != b.len()).then(|| a.len().min(b.len())))
}
