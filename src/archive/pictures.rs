//! Pictures stored once: like the fonts, an edition's photos and logo are
//! kept by content under `pictures/<sha256>.<ext>` for the whole archive
//! instead of in every revision's copy of the edition folder (a correction
//! of a five-photo page no longer stores five photos again). The manifest
//! lists each picture with the place it has in the edition folder, its
//! hash and where it is stored; `regenerate` puts them back in a copy of
//! the edition folder before setting the pages again, and `verify` checks
//! them like the fonts.

use std::fs;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

use super::hash::sha256_file;
use super::manifest::{Manifest, PictureEntry};
use super::{Archive, PICTURES, slash_path};
use crate::diag::Error;
use crate::files::{copy_synced, remove_empty_dirs, sync_dir, walk_entries};

/// The pictures a revision being written takes out of its edition copy.
#[derive(Debug, Default)]
pub(super) struct Stored {
    /// The manifest's entries, in the order of the edition's pictures.
    pub entries: Vec<PictureEntry>,
    /// Pictures the archive does not hold yet, staged for the publish.
    pub new: Vec<PathBuf>,
}

/// Takes the pictures `rels` (relative to the edition copy `edition_copy`,
/// whose path in the revision is `edition/<id>/`) out of the staged
/// revision: each one the archive holds already (its content checked) is
/// removed, each new one moved to `staging/pictures/`.
pub(super) fn take_pictures(
    archive: &Archive,
    staging: &Path,
    edition_copy: &Path,
    id: &str,
    rels: &[PathBuf],
) -> Result<Stored, Error> {
    let mut stored = Stored::default();
    for rel in rels {
        let staged = edition_copy.join(rel);
        let (sha, bytes) = sha256_file(&staged)?;
        let ext = rel
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .filter(|e| !e.is_empty() && e.chars().all(|c| c.is_ascii_alphanumeric()))
            .unwrap_or_else(|| "picture".into());
        let entry = PictureEntry {
            path: format!("edition/{id}/{}", slash_path(rel)),
            stored: format!("{PICTURES}/{sha}.{ext}"),
            sha256: sha,
            bytes,
        };
        let kept = archive.root.join(&entry.stored);
        let new = staging.join(&entry.stored);
        if kept.is_file() {
            archive.checked_picture(&entry)?;
            fs::remove_file(&staged).map_err(|e| Error::io(&staged, e))?;
        } else if stored.new.contains(&new) {
            // The same picture twice in the edition: stored once.
            fs::remove_file(&staged).map_err(|e| Error::io(&staged, e))?;
        } else {
            fs::create_dir_all(staging.join(PICTURES)).map_err(|e| Error::io(staging, e))?;
            fs::rename(&staged, &new).map_err(|e| Error::io(&new, e))?;
            stored.new.push(new);
        }
        stored.entries.push(entry);
    }
    remove_empty_dirs(edition_copy)?;
    Ok(stored)
}

/// Moves the new pictures into the archive's store (before the revision
/// that uses them is published); gives their bytes.
pub(super) fn publish_pictures(archive: &Archive, new: &[PathBuf]) -> Result<u64, Error> {
    if new.is_empty() {
        return Ok(0);
    }
    let dest_dir = archive.root.join(PICTURES);
    fs::create_dir_all(&dest_dir).map_err(|e| Error::io(&dest_dir, e))?;
    let mut bytes = 0;
    for staged in new {
        let dest = dest_dir.join(staged.file_name().expect("a file name"));
        bytes += fs::metadata(staged).map_or(0, |m| m.len());
        fs::rename(staged, &dest).map_err(|e| Error::io(&dest, e))?;
    }
    sync_dir(&dest_dir)?;
    Ok(bytes)
}

/// The edition folder of the revision in `rev_dir` whole again: a copy in
/// a temporary folder with the pictures the manifest lists put back from
/// the store (each checked against its hash), or the revision's own
/// folder when it stored its pictures inside (revisions archived before
/// pictures were stored once). Keep the [`TempDir`] while the folder is
/// read.
pub(super) fn whole_edition(
    archive: &Archive,
    manifest: &Manifest,
    rev_dir: &Path,
) -> Result<(PathBuf, Option<TempDir>), Error> {
    let id = &manifest.edition;
    let kept = rev_dir.join("edition").join(id);
    if manifest.pictures.is_empty() {
        return Ok((kept, None));
    }
    let temp = tempfile::Builder::new()
        .prefix("banmian-regenerate-")
        .tempdir()
        .map_err(|e| Error::io(Path::new(&t!("archive-temporary-folder")), e))?;
    let dir = temp.path().join(id);
    for (rel, src) in walk_entries(&kept, true)? {
        copy_synced(&src, &dir.join(rel))?;
    }
    let prefix = format!("edition/{id}/");
    for picture in &manifest.pictures {
        let rel = picture.path.strip_prefix(&prefix).ok_or_else(|| {
            Error::Archive(t!(
                "archive-picture-outside-edition",
                path = rev_dir,
                picture = &picture.path,
            ))
        })?;
        let src = archive.checked_picture(picture)?;
        copy_synced(&src, &dir.join(rel))?;
    }
    Ok((dir, Some(temp)))
}
