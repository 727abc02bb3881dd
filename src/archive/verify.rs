//! `archive verify`: every hash recomputed, every file accounted for.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use super::hash::{is_sha256, sha256_file};
use super::manifest::{MANIFEST, MANIFEST_SUM, Manifest};
use super::{Archive, FONTS, INDEX, LOCK, PICTURES, STAGING, parse_revision_name, slash_path};
use crate::diag::Error;
use crate::files::{Unconfined, confined_file, is_link, walk_entries};

/// What is wrong with a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// Listed in a manifest, not on disk.
    Missing,
    /// On disk with other content than the manifest records.
    Altered,
    /// On disk, listed nowhere.
    Extra,
    /// A revision in another revision's folder (renamed or moved).
    Misplaced,
    /// A link where the archive keeps a file or folder: not followed.
    Link,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            Self::Missing => t!("archive-damage-missing"),
            Self::Altered => t!("archive-damage-altered"),
            Self::Extra => t!("archive-damage-extra"),
            Self::Misplaced => t!("archive-damage-misplaced"),
            Self::Link => t!("archive-damage-link"),
        })
    }
}

/// One damaged file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Damage {
    /// The file, under the archive folder.
    pub path: PathBuf,
    /// What is wrong.
    pub kind: Kind,
    /// Details (expected and found hash, …).
    pub detail: String,
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (kind, path) = (self.kind.to_string(), self.path.display());
        f.write_str(&if self.detail.is_empty() {
            t!("archive-damage", kind = kind, path = path)
        } else {
            t!(
                "archive-damage-detail",
                kind = kind,
                path = path,
                detail = &self.detail,
            )
        })
    }
}

/// What `verify` checked and found.
#[derive(Debug, Default)]
pub struct Report {
    /// Revisions checked.
    pub revisions: usize,
    /// Files whose hash was recomputed (font files once each).
    pub files: usize,
    /// Everything damaged, sorted by path.
    pub damage: Vec<Damage>,
    /// Things worth knowing that are not damage (leftovers of an
    /// interrupted archive, fonts no revision uses).
    pub notes: Vec<String>,
}

/// Checks every revision of `edition`, or of the whole archive (then also
/// the font store and the archive folder itself).
pub fn verify(archive: &Archive, edition: Option<&str>) -> Result<Report, Error> {
    let root = &archive.root;
    if !root.is_dir() {
        return Err(Error::Usage(t!("archive-no-archive", path = root)));
    }
    let ids = match edition {
        Some(id) => {
            archive.pick(id, None)?;
            vec![id.to_string()]
        }
        None => archive.editions()?,
    };
    let mut check = Check {
        archive,
        report: Report::default(),
        found: Vec::new(),
        fonts: BTreeMap::new(),
        pictures: BTreeMap::new(),
    };
    for id in &ids {
        if check.edition_folder(id)? {
            for rev in archive.revisions(id)? {
                check.revision(id, rev)?;
            }
        }
    }
    check.used_stored()?;
    if edition.is_none() {
        check.stores()?;
        check.root()?;
    }
    let mut report = check.report;
    check.found.sort();
    report.damage = check.found;
    Ok(report)
}

/// The archive's two stores of files kept by content.
#[derive(Debug, Clone, Copy)]
enum Store {
    Fonts,
    Pictures,
}

impl Store {
    /// Its folder in the archive.
    fn folder(self) -> &'static str {
        match self {
            Self::Fonts => FONTS,
            Self::Pictures => PICTURES,
        }
    }

    /// Which store it is, as the messages choose their words by it.
    fn code(self) -> &'static str {
        match self {
            Self::Fonts => "fonts",
            Self::Pictures => "pictures",
        }
    }
}

/// A check under way: what it has counted and found so far.
struct Check<'a> {
    archive: &'a Archive,
    report: Report,
    found: Vec<Damage>,
    /// The font files the revisions use: sha → (stored path, bytes).
    fonts: BTreeMap<String, (String, u64)>,
    /// The pictures the revisions use, likewise.
    pictures: BTreeMap<String, (String, u64)>,
}

impl Check<'_> {
    fn damage(&mut self, path: PathBuf, kind: Kind, detail: String) {
        self.found.push(Damage { path, kind, detail });
    }

    /// An edition's folder holds only revisions; whether it is a folder
    /// of the archive (not a link) whose revisions are to be checked.
    fn edition_folder(&mut self, id: &str) -> Result<bool, Error> {
        let edition_dir = self.archive.root.join(id);
        if is_link(&edition_dir) {
            self.damage(edition_dir, Kind::Link, t!("archive-detail-not-followed"));
            return Ok(false);
        }
        for entry in std::fs::read_dir(&edition_dir).map_err(|e| Error::io(&edition_dir, e))? {
            let entry = entry.map_err(|e| Error::io(&edition_dir, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if is_link(&entry.path()) {
                self.damage(entry.path(), Kind::Link, t!("archive-detail-not-followed"));
            } else if parse_revision_name(&name).is_none() || !entry.path().is_dir() {
                self.damage(
                    entry.path(),
                    Kind::Extra,
                    t!("archive-detail-not-a-revision"),
                );
            }
        }
        Ok(true)
    }

    /// One revision: its manifest against its sum and its folder, then its
    /// files.
    fn revision(&mut self, id: &str, rev: u32) -> Result<(), Error> {
        self.report.revisions += 1;
        let dir = self.archive.revision_dir(id, rev);
        if is_link(&dir) {
            return Ok(());
        }
        let manifest_path = dir.join(MANIFEST);
        let sum_path = dir.join(MANIFEST_SUM);
        let Ok(bytes) = std::fs::read(&manifest_path) else {
            self.damage(manifest_path, Kind::Missing, String::new());
            return Ok(());
        };
        self.report.files += 1;
        match std::fs::read_to_string(&sum_path) {
            Ok(sum) if sum == Manifest::sum_line(&bytes) => {}
            Ok(_) => self.damage(
                manifest_path.clone(),
                Kind::Altered,
                t!("archive-detail-sum-mismatch", sum = MANIFEST_SUM),
            ),
            Err(_) => self.damage(sum_path, Kind::Missing, String::new()),
        }
        match Manifest::parse(&bytes, &manifest_path) {
            Ok(manifest) => {
                if manifest.edition != id || manifest.revision != rev {
                    let detail = t!(
                        "archive-detail-manifest-of",
                        edition = &manifest.edition,
                        revision = manifest.revision,
                    );
                    self.damage(dir.clone(), Kind::Misplaced, detail);
                }
                self.revision_files(&dir, &manifest)
            }
            Err(e) => {
                self.damage(manifest_path, Kind::Altered, e.to_string());
                Ok(())
            }
        }
    }

    /// A revision's files against its manifest, and nothing else in its
    /// folder; the fonts it uses noted for [`Self::used_fonts`].
    fn revision_files(&mut self, dir: &Path, manifest: &Manifest) -> Result<(), Error> {
        let mut listed = BTreeSet::from([MANIFEST.to_string(), MANIFEST_SUM.to_string()]);
        for file in &manifest.files {
            listed.insert(file.path.clone());
            let path = match confined_file(dir, &file.path) {
                Ok(path) => path,
                Err(why) => {
                    self.unconfined(dir.join(&file.path), why);
                    continue;
                }
            };
            self.report.files += 1;
            let (sha, bytes) = sha256_file(&path)?;
            if sha != file.sha256 || bytes != file.bytes {
                let detail = t!(
                    "archive-detail-file-altered",
                    sha = short(&sha),
                    bytes = bytes,
                    recorded_sha = short(&file.sha256),
                    recorded_bytes = file.bytes,
                );
                self.damage(path, Kind::Altered, detail);
            }
        }
        for (rel, path) in walk_entries(dir, true)? {
            if !listed.contains(&slash_path(&rel)) {
                self.damage(path, Kind::Extra, t!("archive-detail-not-in-manifest"));
            }
        }
        for font in &manifest.fonts {
            self.fonts
                .entry(font.sha256.clone())
                .or_insert_with(|| (font.stored.clone(), font.bytes));
        }
        for picture in &manifest.pictures {
            self.pictures
                .entry(picture.sha256.clone())
                .or_insert_with(|| (picture.stored.clone(), picture.bytes));
        }
        Ok(())
    }

    /// The font files and pictures the revisions use: each there, with
    /// its content.
    fn used_stored(&mut self) -> Result<(), Error> {
        for store in [Store::Fonts, Store::Pictures] {
            let used = std::mem::take(self.used(store));
            for (sha, (stored, bytes)) in &used {
                let path = match confined_file(&self.archive.root, stored) {
                    Ok(path) => path,
                    Err(Unconfined::Missing) => {
                        let path = self.archive.root.join(stored);
                        let what = t!("archive-detail-used", store = store.code());
                        self.damage(path, Kind::Missing, what);
                        continue;
                    }
                    Err(why) => {
                        self.unconfined(self.archive.root.join(stored), why);
                        continue;
                    }
                };
                self.report.files += 1;
                let (actual, size) = sha256_file(&path)?;
                if &actual != sha || size != *bytes {
                    self.stored_altered(path, &actual, sha);
                }
            }
            *self.used(store) = used;
        }
        Ok(())
    }

    /// What the revisions use of `store`: sha → (stored path, bytes).
    fn used(&mut self, store: Store) -> &mut BTreeMap<String, (String, u64)> {
        match store {
            Store::Fonts => &mut self.fonts,
            Store::Pictures => &mut self.pictures,
        }
    }

    /// The font and picture stores hold only stored files; those no
    /// revision uses are checked too, and noted.
    fn stores(&mut self) -> Result<(), Error> {
        for store in [Store::Fonts, Store::Pictures] {
            let dir = self.archive.root.join(store.folder());
            if is_link(&dir) {
                self.damage(dir, Kind::Link, t!("archive-detail-not-followed"));
                continue;
            }
            if !dir.is_dir() {
                continue;
            }
            for (rel, path) in walk_entries(&dir, true)? {
                let name = slash_path(&rel);
                let sha = name.split('.').next().unwrap_or("");
                if is_link(&path) {
                    self.damage(path, Kind::Link, t!("archive-detail-not-followed"));
                } else if rel.components().count() != 1 || !is_sha256(sha) {
                    let what = t!("archive-detail-not-stored", store = store.code());
                    self.damage(path, Kind::Extra, what);
                } else if !self.used(store).contains_key(sha) {
                    let (actual, _) = sha256_file(&path)?;
                    self.report.files += 1;
                    if actual != sha {
                        self.stored_altered(path, &actual, sha);
                    } else {
                        let note = t!("archive-note-unused", path = &path, store = store.code());
                        self.report.notes.push(note);
                    }
                }
            }
        }
        Ok(())
    }

    /// A file a manifest lists that cannot be read where it should be.
    fn unconfined(&mut self, path: PathBuf, why: Unconfined) {
        let (kind, detail) = match why {
            Unconfined::Missing => (Kind::Missing, String::new()),
            Unconfined::Link => (Kind::Link, t!("archive-detail-not-followed")),
            Unconfined::NotFile => (Kind::Altered, t!("archive-detail-not-a-file")),
            Unconfined::NotInside => (Kind::Altered, t!("archive-detail-not-inside")),
        };
        self.damage(path, kind, detail);
    }

    fn stored_altered(&mut self, path: PathBuf, actual: &str, sha: &str) {
        let detail = t!(
            "archive-detail-stored-altered",
            sha = short(actual),
            stored = short(sha),
        );
        self.damage(path, Kind::Altered, detail);
    }

    /// The archive folder holds editions, the font store, the index, the
    /// lock, and staging folders (noted).
    fn root(&mut self) -> Result<(), Error> {
        let root = &self.archive.root;
        for entry in std::fs::read_dir(root).map_err(|e| Error::io(root, e))? {
            let entry = entry.map_err(|e| Error::io(root, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            if name.starts_with(STAGING) {
                self.report.notes.push(if archive_running(root) {
                    t!("archive-note-staging-running", path = &path)
                } else {
                    t!("archive-note-staging-left", path = &path)
                });
            } else if path.is_dir() && !name.starts_with('.') {
                // Editions and fonts/, checked above.
            } else if !(name.starts_with(INDEX)
                || name == LOCK
                || name.starts_with(super::index::TEMP_PREFIX))
            {
                self.damage(path, Kind::Extra, t!("archive-detail-not-archive"));
            }
        }
        Ok(())
    }
}

/// Whether an archive is being written into the archive at `root` now:
/// its lock file is there and locked. (Taken and let go at once when free;
/// the file is left as it was.)
fn archive_running(root: &Path) -> bool {
    let Ok(file) = std::fs::File::open(root.join(LOCK)) else {
        return false;
    };
    matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock))
}

fn short(sha: &str) -> &str {
    &sha[..sha.len().min(12)]
}
