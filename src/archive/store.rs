//! Writing a revision: the lock that gives concurrent archivers distinct
//! revision numbers, the staging folder inside the archive, and the
//! publishing rename that makes a revision appear whole or not at all.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tempfile::TempDir;

use super::hash::sha256_file;
use super::house::{house_print_files, house_unchanged};
use super::manifest::{
    FORMAT, FileEntry, FontEntry, MANIFEST, MANIFEST_SUM, Manifest, PageEntry, PictureEntry,
};
use super::mirror::Mirror;
use super::passages::{TEXT, passages};
use super::pictures::{publish_pictures, take_pictures};
use super::render::{PDF_STANDARD, Release, Rendered, render};
use super::{Archive, FONTS, LOCK, STAGING, now_utc, revision_name, slash_path};
use crate::content::{edition_id, load_edition};
use crate::diag::{Error, Location, Warning};
use crate::files::{
    copy_synced, real_path, remove_empty_dirs, sync_dir, sync_tree, walk, walk_entries,
    write_synced,
};
use crate::fonts::Fonts;
use crate::home::Home;
use crate::publish::FolderLock;

/// What `archive` did.
#[derive(Debug)]
pub enum Outcome {
    /// A new revision was written.
    Created {
        /// Its number.
        revision: u32,
        /// Its folder.
        dir: PathBuf,
        /// Bytes in the revision folder.
        bytes: u64,
        /// Pages archived.
        pages: usize,
        /// Font files stored by this revision (not stored before).
        new_fonts: usize,
        /// Their bytes.
        new_font_bytes: u64,
        /// Font files the revision uses that were stored already.
        shared_fonts: usize,
        /// Loading and layout warnings.
        warnings: Vec<Warning>,
    },
    /// The sources equal those of the latest revision: nothing was added.
    Unchanged {
        /// The revision that already holds them.
        revision: u32,
    },
}

/// Archives the edition in `edition_dir` as a new revision, unless its
/// sources (edition files, the layout files used, the fonts) equal those of
/// the latest revision. The pages are set from the staged copy of the
/// sources, exactly as `regenerate` sets them from the archived copy.
///
/// The stages: the fonts hashed, the sources staged, the pages rendered,
/// the manifest written, the revision published.
pub fn archive_edition(
    archive: &Archive,
    edition_dir: &Path,
    home: &Home,
    note: Option<&str>,
) -> Result<Outcome, Error> {
    archive_into(archive, None, edition_dir, home, note)
}

/// Archives the edition in `edition_dir` as a new revision of the archive
/// on object storage `mirror`, as [`archive_edition`] does in a folder:
/// the revision is written in full in the local cache, its number claimed
/// in the store, its files uploaded and its manifest published last by a
/// conditional write (see [`super::remote`]).
pub fn archive_edition_to_store(
    mirror: &Mirror,
    edition_dir: &Path,
    home: &Home,
    note: Option<&str>,
) -> Result<Outcome, Error> {
    archive_into(&mirror.local, Some(mirror), edition_dir, home, note)
}

/// [`archive_edition`] into the folder `archive`, or into the store of
/// `mirror` through its cache `archive`.
fn archive_into(
    archive: &Archive,
    store: Option<&Mirror>,
    edition_dir: &Path,
    home: &Home,
    note: Option<&str>,
) -> Result<Outcome, Error> {
    let id = edition_name(edition_dir)?;
    let (files, pictures) = edition_files(edition_dir, home)?;
    let house = house_print_files(home)?;
    let fonts_found = Fonts::load(&home.fonts, false)?.files();
    check_outside(&archive.root, edition_dir)?;
    let _lock = FolderLock::acquire(&archive.root, LOCK)?;
    remove_stale_staging(&archive.root)?;

    let fonts = hash_fonts(&fonts_found, &home.fonts)?;
    if let Some(mirror) = store {
        mirror.sync(Some(&id))?;
        mirror.know_stored_fonts(&fonts)?;
    }
    let sources = Sources {
        id,
        files,
        pictures,
        fonts,
        house,
    };
    // Unchanged since the latest revision? Then there is nothing to add.
    let id = &sources.id;
    if let Some((rev, manifest)) = latest_intact(archive, id)?
        && unchanged(&manifest, &sources, home)?
    {
        return Ok(Outcome::Unchanged { revision: rev });
    }
    let revision = match store {
        Some(mirror) => mirror.claim(id)?,
        None => archive.next_revision(id)?,
    };

    // Declared after the lock: the staging folder goes before the lock does.
    let staged = Staged::new(archive, &sources, home)?;
    let rendered = staged.render(edition_dir, home)?;
    let pictures = take_pictures(
        archive,
        staged.staging.path(),
        &staged.edition_copy,
        &sources.id,
        &sources.pictures,
    )?;
    let written = staged.write(&rendered, &sources, &pictures.entries, revision, note)?;

    #[cfg(feature = "fail-points")]
    crate::publish::fail_before_publish(&format!("archiving {id}"))?;

    let (dir, new_font_bytes) = staged.publish_to(archive, store, id, revision, &pictures.new)?;
    Ok(Outcome::Created {
        revision,
        dir,
        bytes: written.bytes,
        pages: written.manifest.pages.len(),
        new_fonts: staged.new_fonts.len(),
        new_font_bytes,
        shared_fonts: written.manifest.fonts.len() - staged.new_fonts.len(),
        warnings: rendered.warnings,
    })
}

/// Refuses an archive folder inside the edition folder it would archive.
fn check_outside(root: &Path, edition_dir: &Path) -> Result<(), Error> {
    let inside_edition = match (real_path(root), edition_dir.canonicalize()) {
        (Some(root), Ok(edition)) => root.starts_with(&edition),
        _ => false,
    };
    if inside_edition {
        return Err(Error::Usage(t!(
            "archive-inside-edition",
            archive = root,
            edition = edition_dir,
        )));
    }
    Ok(())
}

/// The hash stage: the font files hashed, and known by where the archive
/// keeps them.
fn hash_fonts(found: &[PathBuf], fonts_dir: &Path) -> Result<Vec<(PathBuf, FontEntry)>, Error> {
    let mut fonts = Vec::new();
    for path in found {
        let (sha, bytes) = sha256_file(path)?;
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_else(|| "font".into());
        let name = slash_path(path.strip_prefix(fonts_dir).unwrap_or(path));
        fonts.push((
            path.clone(),
            FontEntry {
                name,
                stored: format!("{FONTS}/{sha}.{ext}"),
                sha256: sha,
                bytes,
            },
        ));
    }
    Ok(fonts)
}

/// What a revision is made of, known before anything is staged.
struct Sources {
    /// The edition id.
    id: String,
    /// The files the edition consists of, as (relative path, path), sorted.
    files: Vec<(PathBuf, PathBuf)>,
    /// The pictures among them, relative paths, stored once by content.
    pictures: Vec<PathBuf>,
    /// The font files, each with its hash and where the archive keeps it.
    fonts: Vec<(PathBuf, FontEntry)>,
    /// The house's print configuration, as (path in the revision, file).
    house: Vec<(PathBuf, PathBuf)>,
}

/// A revision written in full in the staging folder, not yet published.
struct Written {
    manifest: Manifest,
    /// Bytes in the revision folder, the manifest and its sum included.
    bytes: u64,
}

/// A revision being written in a staging folder inside the archive, which
/// is removed when this is dropped (after a publish, with only what the
/// publish left in it).
struct Staged {
    staging: TempDir,
    /// The revision folder, renamed into place when published.
    rev_dir: PathBuf,
    /// The copy of the edition folder the pages are set from.
    edition_copy: PathBuf,
    /// The copy of the layouts folder the pages are set with.
    layouts_copy: PathBuf,
    /// The font files the pages are set with, stored or staged.
    font_files: Vec<PathBuf>,
    /// The staged font files, which the archive does not hold yet.
    new_fonts: Vec<PathBuf>,
}

impl Staged {
    /// The stage stage: the edition's files and the layouts copied (the
    /// pages are set from these copies) and the fonts the archive does not
    /// hold yet staged.
    fn new(archive: &Archive, sources: &Sources, home: &Home) -> Result<Self, Error> {
        let staging = tempfile::Builder::new()
            .prefix(STAGING)
            .tempdir_in(&archive.root)
            .map_err(|e| Error::io(&archive.root, e))?;
        let rev_dir = staging.path().join("rev");
        let edition_copy = rev_dir.join("edition").join(&sources.id);
        for (rel, src) in &sources.files {
            copy_synced(src, &edition_copy.join(rel))?;
        }
        let layouts_copy = rev_dir.join("layouts");
        for (rel, src) in walk(&home.layouts)? {
            copy_synced(&src, &layouts_copy.join(rel))?;
        }
        // Beside the layouts, as in the house.
        for (rel, src) in &sources.house {
            copy_synced(src, &rev_dir.join(rel))?;
        }
        let mut staged = Self {
            staging,
            rev_dir,
            edition_copy,
            layouts_copy,
            font_files: Vec::new(),
            new_fonts: Vec::new(),
        };
        for (src, entry) in &sources.fonts {
            staged.add_font(archive, src, entry)?;
        }
        Ok(staged)
    }

    /// A font the archive holds is read where the archive keeps it; one it
    /// does not hold yet is staged.
    fn add_font(&mut self, archive: &Archive, src: &Path, entry: &FontEntry) -> Result<(), Error> {
        let stored = archive.font_path(entry);
        if stored.is_file() {
            self.font_files.push(archive.checked_font(entry)?);
            return Ok(());
        }
        let staged = self.staging.path().join(&entry.stored);
        copy_synced(src, &staged)?;
        let (sha, _) = sha256_file(&staged)?;
        if sha != entry.sha256 {
            return Err(Error::Changed(t!("archive-font-changed", path = src)));
        }
        if !self.new_fonts.contains(&staged) {
            self.new_fonts.push(staged.clone());
        }
        self.font_files.push(staged);
        Ok(())
    }

    /// The render stage: the pages set from the staged copies, messages
    /// naming the user's files, not their copies; then only the layout
    /// files the pages read are kept.
    fn render(&self, edition_dir: &Path, home: &Home) -> Result<Rendered, Error> {
        let (edition_copy, layouts_copy) = (&self.edition_copy, &self.layouts_copy);
        let places = [
            (edition_copy.clone(), edition_dir.to_path_buf()),
            (layouts_copy.clone(), home.layouts.clone()),
        ];
        let fonts = Arc::new(Fonts::load_files(&self.font_files)?);
        // A new revision is refused as a print build refuses its pages.
        let release = Release::Checked {
            licences: home.fonts.clone(),
        };
        let mut rendered = render(edition_copy, layouts_copy, fonts, &release, true)
            .map_err(|e| relocate_error(e, &places))?;
        for w in &mut rendered.warnings {
            w.location.file = relocate(&w.location.file, &places);
        }
        // Keep only the layout files the pages read.
        for (rel, path) in walk(layouts_copy)? {
            if !rendered.layouts_used.contains(&rel) {
                fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
            }
        }
        remove_empty_dirs(layouts_copy)?;
        Ok(rendered)
    }

    /// The manifest stage: the pages and their text written, every file
    /// hashed, the manifest and its sum written, and the whole revision
    /// folder flushed to disk.
    fn write(
        &self,
        rendered: &Rendered,
        sources: &Sources,
        pictures: &[PictureEntry],
        revision: u32,
        note: Option<&str>,
    ) -> Result<Written, Error> {
        let edition = &rendered.edition;
        let pages = self.write_pages(rendered)?;
        let edition_print = match &rendered.edition_print {
            Some((name, bytes)) => {
                let print = format!("print/{name}");
                write_synced(&self.rev_dir.join(&print), bytes)?;
                Some(print)
            }
            None => None,
        };
        let files = file_entries(&self.rev_dir)?;
        let manifest = Manifest {
            format: FORMAT,
            edition: sources.id.clone(),
            paper: edition.paper.clone(),
            date: edition.date.iso(),
            issue: edition.issue,
            revision,
            note: note
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(String::from),
            archived_at: now_utc(),
            banmian: env!("CARGO_PKG_VERSION").to_string(),
            typst: typst::utils::version().raw().to_string(),
            pdf_standard: PDF_STANDARD.to_string(),
            punct_fix: true,
            print_config: true,
            pages,
            edition_print,
            files,
            fonts: sources
                .fonts
                .iter()
                .map(|(_, entry)| entry.clone())
                .collect(),
            pictures: pictures.to_vec(),
        };
        let manifest_bytes = manifest.to_bytes();
        let sum = Manifest::sum_line(&manifest_bytes);
        write_synced(&self.rev_dir.join(MANIFEST), &manifest_bytes)?;
        write_synced(&self.rev_dir.join(MANIFEST_SUM), sum.as_bytes())?;
        sync_tree(&self.rev_dir)?;
        let bytes = manifest.files.iter().map(|f| f.bytes).sum::<u64>()
            + manifest_bytes.len() as u64
            + sum.len() as u64;
        Ok(Written { manifest, bytes })
    }

    /// Writes each page's PDF/A and print PDF, and the edition's text.
    fn write_pages(&self, rendered: &Rendered) -> Result<Vec<PageEntry>, Error> {
        let edition = &rendered.edition;
        let mut pages = Vec::new();
        for (page, out) in edition.pages.iter().zip(&rendered.pages) {
            let pdf = format!("pages/{}", out.file_name);
            write_synced(&self.rev_dir.join(&pdf), &out.bytes)?;
            let print = format!("print/{}", out.file_name);
            write_synced(&self.rev_dir.join(&print), &out.print)?;
            pages.push(PageEntry {
                number: page.number,
                section: page.section.clone(),
                layout: page.layout.clone(),
                pdf,
                print,
            });
        }
        let text = serde_json::to_vec_pretty(&passages(edition)).expect("passages serialise");
        write_synced(&self.rev_dir.join(TEXT), &text)?;
        Ok(pages)
    }

    /// The publish stage into the folder `archive`, or into the store of
    /// `mirror` (uploaded, then kept in its cache `archive`): the new
    /// pictures `new_pictures`, the new fonts, the revision. Gives where
    /// the revision is (folder or address) and the new fonts' bytes.
    fn publish_to(
        &self,
        archive: &Archive,
        store: Option<&Mirror>,
        id: &str,
        revision: u32,
        new_pictures: &[PathBuf],
    ) -> Result<(PathBuf, u64), Error> {
        let Some(mirror) = store else {
            publish_pictures(archive, new_pictures)?;
            return self.publish(archive, id, revision);
        };
        let bytes = mirror.upload(id, revision, &self.rev_dir, &self.new_fonts, new_pictures)?;
        // The cache keeps what was uploaded.
        publish_pictures(archive, new_pictures)?;
        let cached = archive.revision_dir(id, revision);
        if cached.exists() {
            fs::remove_dir_all(&cached).map_err(|e| Error::io(&cached, e))?;
        }
        self.publish(archive, id, revision)?;
        let at = mirror
            .remote
            .address(&format!("{id}/{}", revision_name(revision)));
        Ok((PathBuf::from(at), bytes))
    }

    /// The publish stage: the new fonts first, then the revision in one
    /// rename. Gives the revision's folder and the new fonts' bytes.
    fn publish(&self, archive: &Archive, id: &str, revision: u32) -> Result<(PathBuf, u64), Error> {
        let mut new_font_bytes = 0;
        if !self.new_fonts.is_empty() {
            let dest_dir = archive.root.join(FONTS);
            fs::create_dir_all(&dest_dir).map_err(|e| Error::io(&dest_dir, e))?;
            for staged in &self.new_fonts {
                let dest = dest_dir.join(staged.file_name().expect("a file name"));
                new_font_bytes += fs::metadata(staged).map_or(0, |m| m.len());
                fs::rename(staged, &dest).map_err(|e| Error::io(&dest, e))?;
            }
            sync_dir(&dest_dir)?;
        }
        let edition_root = archive.root.join(id);
        fs::create_dir_all(&edition_root).map_err(|e| Error::io(&edition_root, e))?;
        let dest = edition_root.join(revision_name(revision));
        fs::rename(&self.rev_dir, &dest).map_err(|e| Error::io(&dest, e))?;
        sync_dir(&edition_root)?;
        sync_dir(&archive.root)?;
        Ok((dest, new_font_bytes))
    }
}

/// Every file under `dir`, hidden names included, with its hash and size,
/// sorted.
fn file_entries(dir: &Path) -> Result<Vec<FileEntry>, Error> {
    let mut files = Vec::new();
    for (rel, path) in walk_entries(dir, true)? {
        let (sha256, bytes) = sha256_file(&path)?;
        files.push(FileEntry {
            path: slash_path(&rel),
            sha256,
            bytes,
        });
    }
    files.sort();
    Ok(files)
}

/// The latest revision of `id` whose manifest reads and belongs in its
/// folder, with that manifest. A stray, empty or moved revision folder
/// (which `verify` reports) is passed over.
fn latest_intact(archive: &Archive, id: &str) -> Result<Option<(u32, Manifest)>, Error> {
    for rev in archive.revisions(id)?.into_iter().rev() {
        if let Ok(manifest) = archive.manifest(id, rev) {
            return Ok(Some((rev, manifest)));
        }
    }
    Ok(None)
}

/// Whether the sources equal those `manifest` records: the same edition
/// files, the same content in every layout file it used, the same fonts.
fn unchanged(manifest: &Manifest, sources: &Sources, home: &Home) -> Result<bool, Error> {
    let (id, fonts) = (&sources.id, &sources.fonts);
    let same_fonts = manifest.fonts.len() == fonts.len()
        && manifest
            .fonts
            .iter()
            .zip(fonts)
            .all(|(a, (_, b))| a.sha256 == b.sha256);
    if !same_fonts || !manifest.punct_fix || !house_unchanged(manifest, &sources.house)? {
        return Ok(false);
    }
    let prefix = format!("edition/{id}/");
    let files = (manifest.files.iter()).map(|f| (&f.path, &f.sha256));
    let pictures = (manifest.pictures.iter()).map(|p| (&p.path, &p.sha256));
    let archived: Vec<(&str, &str)> = files
        .chain(pictures)
        .filter_map(|(path, sha)| path.strip_prefix(&prefix).map(|rel| (rel, sha.as_str())))
        .collect();
    if archived.len() != sources.files.len() {
        return Ok(false);
    }
    for (rel, src) in &sources.files {
        let rel = slash_path(rel);
        let Some((_, sha)) = archived.iter().find(|(p, _)| *p == rel) else {
            return Ok(false);
        };
        if sha256_file(src)?.0 != *sha {
            return Ok(false);
        }
    }
    for file in manifest.sources() {
        if let Some(rel) = file.path.strip_prefix("layouts/") {
            let path = home.layouts.join(rel);
            if !path.is_file() || sha256_file(&path)?.0 != file.sha256 {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// The edition id an edition folder will be archived under (its name, as
/// [`edition_id`] rules), checked before anything is written.
fn edition_name(dir: &Path) -> Result<String, Error> {
    if !dir.join("edition.toml").is_file() {
        return Err(Error::content(
            Location::file(dir),
            t!("archive-not-edition-folder"),
        ));
    }
    edition_id(dir)
}

/// The files the edition in `dir` consists of (as loading it finds them:
/// the files a build reads, see [`crate::content::Edition::files`]), as (relative path,
/// path), sorted, and which of them are pictures. A link must stay inside
/// the folder.
type EditionFiles = (Vec<(PathBuf, PathBuf)>, Vec<PathBuf>);

fn edition_files(dir: &Path, home: &Home) -> Result<EditionFiles, Error> {
    let (edition, _warnings) = load_edition(dir, &home.layouts)?;
    let root = dir.canonicalize().map_err(|e| Error::io(dir, e))?;
    let mut files = Vec::new();
    for rel in edition.files() {
        let path = dir.join(&rel);
        let real = path.canonicalize().map_err(|e| Error::io(&path, e))?;
        if !real.starts_with(&root) {
            return Err(Error::content(
                Location::file(&path),
                t!("archive-link-out-of-edition"),
            ));
        }
        files.push((rel, path));
    }
    Ok((files, edition.pictures()))
}

/// Removes staging folders left by an archive that was killed. Only called
/// under the lock, when no other archive is writing.
fn remove_stale_staging(root: &Path) -> Result<(), Error> {
    for entry in fs::read_dir(root).map_err(|e| Error::io(root, e))? {
        let entry = entry.map_err(|e| Error::io(root, e))?;
        if entry.file_name().to_string_lossy().starts_with(STAGING) {
            let path = entry.path();
            fs::remove_dir_all(&path).map_err(|e| Error::io(&path, e))?;
        }
    }
    Ok(())
}

/// `path` with a staged folder's prefix replaced by the folder it copies.
fn relocate(path: &Path, places: &[(PathBuf, PathBuf)]) -> PathBuf {
    for (staged, original) in places {
        if let Ok(rest) = path.strip_prefix(staged) {
            return original.join(rest);
        }
    }
    path.to_path_buf()
}

/// A message about staged files, told about the user's files instead.
fn relocate_text(mut text: String, places: &[(PathBuf, PathBuf)]) -> String {
    for (staged, original) in places {
        let staged = staged.display().to_string();
        text = text.replace(&staged, &original.display().to_string());
    }
    text
}

/// An error about a staged file, told about the user's file instead.
fn relocate_error(error: Error, places: &[(PathBuf, PathBuf)]) -> Error {
    match error {
        Error::Content {
            mut location,
            message,
        } => {
            location.file = relocate(&location.file, places);
            Error::Content { location, message }
        }
        Error::Overset {
            mut location,
            page,
            chars,
            lines,
            chars_per_line,
            from,
        } => {
            location.file = relocate(&location.file, places);
            Error::Overset {
                location,
                page,
                chars,
                lines,
                chars_per_line,
                from,
            }
        }
        Error::Io { path, source } => Error::Io {
            path: relocate(&path, places),
            source,
        },
        Error::Template(text) => Error::Template(relocate_text(text, places)),
        Error::Preflight(lines) => Error::Preflight(
            lines
                .into_iter()
                .map(|line| relocate_text(line, places))
                .collect(),
        ),
        other => other,
    }
}
