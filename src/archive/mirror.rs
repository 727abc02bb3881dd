//! The local cache of an archive on object storage: a folder laid out as an
//! archive folder, holding what this machine has read of the store —
//! every published revision's manifest and text (enough for `list`,
//! `search`, `show` and the search index), and whole revisions, fonts and
//! pictures where a command needed them (`regenerate`, `diff --pdf`). The
//! store is the truth: the cache is brought up to date from it before
//! every command, can be removed at any time, and every file taken from
//! the store is checked against its manifest's hash.

use std::fs;
use std::path::{Path, PathBuf};

use super::hash::{sha256, sha256_file};
use super::manifest::{FontEntry, MANIFEST, MANIFEST_SUM, Manifest};
use super::passages::TEXT;
use super::remote::{CLAIMS, Remote, StoreUrl};
use super::{Archive, FONTS, PICTURES, now_utc, parse_revision_name, revision_name};
use crate::diag::Error;
use crate::files::{copy_synced, write_synced};

/// The environment variable naming the folder of local caches.
pub const CACHE_ENV: &str = "BANMIAN_CACHE";

/// An archive on object storage with its local cache.
#[derive(Debug)]
pub struct Mirror {
    /// The store.
    pub remote: Remote,
    /// The cache, an archive folder of what was read of the store.
    pub local: Archive,
}

/// What bringing the cache up to date found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Synced {
    /// Revisions newly read from the store.
    pub fetched: usize,
    /// Revisions in the store, the newly read included.
    pub revisions: usize,
    /// Revision folders in the store without a manifest: uploads that did
    /// not finish (or are finishing now), not revisions.
    pub unfinished: Vec<String>,
}

impl Mirror {
    /// The archive at `url`, cached under `$BANMIAN_CACHE` (or
    /// `$XDG_CACHE_HOME/banmian`, or `~/.cache/banmian`).
    pub fn open(url: StoreUrl) -> Result<Self, Error> {
        let remote = Remote::connect(url)?;
        let root = cache_base()
            .join("s3")
            .join(plain_name(&remote.endpoint))
            .join(&remote.url.bucket)
            .join(&remote.url.prefix);
        Ok(Self {
            remote,
            local: Archive::new(root),
        })
    }

    /// The editions in the store, sorted.
    pub fn editions(&self) -> Result<Vec<String>, Error> {
        Ok(self
            .remote
            .dirs("")?
            .into_iter()
            .filter(|name| plain_segment(name) && name != FONTS && name != PICTURES)
            .collect())
    }

    /// Brings the cache's manifests and texts up to date with the store,
    /// for edition `only` or all of them.
    pub fn sync(&self, only: Option<&str>) -> Result<Synced, Error> {
        // An empty store is an empty archive, not a missing one.
        fs::create_dir_all(&self.local.root).map_err(|e| Error::io(&self.local.root, e))?;
        let ids = match only {
            // A name that is no edition folder names nothing in the store:
            // the cache's own answer (no such edition) is the desk's.
            Some(id) if !plain_segment(id) => Vec::new(),
            Some(id) => vec![id.to_string()],
            None => self.editions()?,
        };
        let mut synced = Synced::default();
        for id in &ids {
            for name in self.remote.dirs(id)? {
                let Some(rev) = parse_revision_name(&name) else {
                    continue;
                };
                let dir = self.local.revision_dir(id, rev);
                if dir.join(MANIFEST).is_file() {
                    synced.revisions += 1;
                    continue;
                }
                let base = format!("{id}/{name}");
                let Some(manifest) = self.remote.get(&format!("{base}/{MANIFEST}"))? else {
                    synced.unfinished.push(self.remote.address(&base));
                    continue;
                };
                // The manifest last: a sync cut short leaves no revision.
                for file in [MANIFEST_SUM, TEXT] {
                    if let Some(bytes) = self.remote.get(&format!("{base}/{file}"))? {
                        write_synced(&dir.join(file), &bytes)?;
                    }
                }
                write_synced(&dir.join(MANIFEST), &manifest)?;
                synced.fetched += 1;
                synced.revisions += 1;
            }
        }
        Ok(synced)
    }

    /// Puts every file of revision `revision` of `id`, its fonts and its
    /// pictures in the cache (after [`Self::sync`]), each checked against
    /// the manifest: what the store holds altered or not at all is an
    /// error naming it.
    pub fn fetch_revision(&self, id: &str, revision: u32) -> Result<(), Error> {
        let manifest = self.local.manifest(id, revision)?;
        let base = format!("{id}/{}", revision_name(revision));
        let dir = self.local.revision_dir(id, revision);
        for file in &manifest.files {
            self.fetch(
                &format!("{base}/{}", file.path),
                &dir.join(&file.path),
                &file.sha256,
            )?;
        }
        for font in &manifest.fonts {
            self.fetch(&font.stored, &self.local.font_path(font), &font.sha256)?;
        }
        for picture in &manifest.pictures {
            let path = self.local.root.join(&picture.stored);
            self.fetch(&picture.stored, &path, &picture.sha256)?;
        }
        Ok(())
    }

    /// The object `rel` in the cache at `path` with the hash `sha`: kept
    /// if the cache has it whole, read from the store otherwise.
    fn fetch(&self, rel: &str, path: &Path, sha: &str) -> Result<(), Error> {
        if path.is_file() && sha256_file(path)?.0 == sha {
            return Ok(());
        }
        let address = self.remote.address(rel);
        let Some(bytes) = self.remote.get(rel)? else {
            return Err(Error::Archive(t!(
                "store-object-missing",
                address = address
            )));
        };
        if sha256(&bytes) != sha {
            return Err(Error::Archive(t!(
                "store-object-altered",
                address = address
            )));
        }
        write_synced(path, &bytes)
    }

    /// Makes the cache hold each font of `fonts` that the store holds,
    /// copied from the local file it was hashed from (the same hash, the
    /// same bytes), so that archiving neither uploads it again nor counts
    /// it as new.
    pub fn know_stored_fonts(&self, fonts: &[(PathBuf, FontEntry)]) -> Result<(), Error> {
        for (src, entry) in fonts {
            let cached = self.local.font_path(entry);
            if !cached.is_file() && self.remote.exists(&entry.stored)? {
                copy_synced(src, &cached)?;
            }
        }
        Ok(())
    }

    /// Claims the next revision number of `id` in the store: one past
    /// every revision folder and claim there, taken by a conditional
    /// write, so that of two archivers at once each gets its own number.
    pub fn claim(&self, id: &str) -> Result<u32, Error> {
        let claims = format!("{CLAIMS}/{id}");
        let named = self.remote.dirs(id)?.into_iter();
        let claimed = self
            .remote
            .files(&claims)?
            .into_iter()
            .map(|(name, _)| name);
        let last = named
            .chain(claimed)
            .filter_map(|name| parse_revision_name(&name))
            .max()
            .unwrap_or(0);
        let who = format!(
            "{{\"host\":{:?},\"pid\":{},\"at\":\"{}\"}}\n",
            host_name(),
            std::process::id(),
            now_utc()
        );
        // With the `fail-points` feature, `BANMIAN_CLAIM_PAUSE_MS` waits
        // between reading the last number and claiming the next: the tests'
        // way to make two archivers claim the same number at once.
        #[cfg(feature = "fail-points")]
        if let Some(ms) = std::env::var("BANMIAN_CLAIM_PAUSE_MS")
            .ok()
            .and_then(|v| v.parse().ok())
        {
            std::thread::sleep(std::time::Duration::from_millis(ms));
        }
        for revision in (last + 1..).take(1000) {
            let rel = format!("{claims}/{}", revision_name(revision));
            if self.remote.create(&rel, who.clone().into_bytes())? {
                return Ok(revision);
            }
        }
        Err(Error::Archive(t!(
            "archive-no-revision-left",
            path = self.remote.address(id)
        )))
    }

    /// Uploads a revision written in full in `rev_dir` under the number
    /// claimed for it: the new fonts and pictures, every file, the
    /// manifest's sum, and last the manifest, by a conditional write that
    /// publishes it. Gives the bytes of fonts the store did not hold.
    pub fn upload(
        &self,
        id: &str,
        revision: u32,
        rev_dir: &Path,
        new_fonts: &[PathBuf],
        new_pictures: &[PathBuf],
    ) -> Result<u64, Error> {
        let mut upload = Upload::default();
        let mut new_font_bytes = 0;
        for (folder, files) in [(FONTS, new_fonts), (PICTURES, new_pictures)] {
            for path in files {
                let name = path.file_name().expect("a file name").to_string_lossy();
                let created = self
                    .remote
                    .create_from_file(&format!("{folder}/{name}"), path)?;
                if created && folder == FONTS {
                    new_font_bytes += fs::metadata(path).map_or(0, |m| m.len());
                }
                upload.one_more()?;
            }
        }
        let base = format!("{id}/{}", revision_name(revision));
        let files = crate::files::walk_entries(rev_dir, true)?;
        let manifest_path = rev_dir.join(MANIFEST);
        let sum_path = rev_dir.join(MANIFEST_SUM);
        for (rel, path) in &files {
            if *path == manifest_path || *path == sum_path {
                continue;
            }
            let bytes = fs::read(path).map_err(|e| Error::io(path, e))?;
            self.remote
                .put(&format!("{base}/{}", super::slash_path(rel)), bytes)?;
            upload.one_more()?;
        }
        let sum = fs::read(&sum_path).map_err(|e| Error::io(&sum_path, e))?;
        self.remote.put(&format!("{base}/{MANIFEST_SUM}"), sum)?;
        upload.one_more()?;
        let manifest = fs::read(&manifest_path).map_err(|e| Error::io(&manifest_path, e))?;
        if !self
            .remote
            .create(&format!("{base}/{MANIFEST}"), manifest)?
        {
            return Err(Error::Archive(t!(
                "store-revision-taken",
                address = self.remote.address(&base)
            )));
        }
        Ok(new_font_bytes)
    }

    /// Every revision of the store, for `verify`: each published revision
    /// of `only` (or of every edition) read afresh from the store into a
    /// temporary archive folder with the fonts and pictures its manifest
    /// lists. Gives that folder (removed when dropped) and the revision
    /// folders without a manifest, which are not revisions.
    pub fn download(&self, only: Option<&str>) -> Result<(tempfile::TempDir, Vec<String>), Error> {
        fs::create_dir_all(&self.local.root).map_err(|e| Error::io(&self.local.root, e))?;
        let temp = tempfile::Builder::new()
            .prefix(".verify-")
            .tempdir_in(&self.local.root)
            .map_err(|e| Error::io(&self.local.root, e))?;
        let ids = match only {
            Some(id) => vec![id.to_string()],
            None => self.editions()?,
        };
        let mut unfinished = Vec::new();
        let mut shared = std::collections::BTreeSet::new();
        for id in &ids {
            for name in self.remote.dirs(id)? {
                if parse_revision_name(&name).is_none() {
                    continue;
                }
                let base = format!("{id}/{name}");
                if !self.remote.exists(&format!("{base}/{MANIFEST}"))? {
                    unfinished.push(self.remote.address(&base));
                    continue;
                }
                let dir = temp.path().join(id).join(&name);
                for (rel, _) in self.remote.files(&base)? {
                    if let Some(bytes) = self.remote.get(&format!("{base}/{rel}"))? {
                        if !crate::files::is_plain_relative(&rel) {
                            let address = self.remote.address(&format!("{base}/{rel}"));
                            return Err(Error::Archive(t!("store-object-name", address = address)));
                        }
                        write_synced(&dir.join(&rel), &bytes)?;
                    }
                }
                if let Ok(manifest) = Manifest::read(&dir) {
                    let fonts = manifest.fonts.iter().map(|f| f.stored.clone());
                    shared.extend(fonts.chain(manifest.pictures.iter().map(|p| p.stored.clone())));
                }
            }
        }
        for rel in shared {
            if let Some(bytes) = self.remote.get(&rel)? {
                write_synced(&temp.path().join(&rel), &bytes)?;
            }
        }
        Ok((temp, unfinished))
    }
}

/// Counts the objects an upload has written; with the `fail-points`
/// feature, `BANMIAN_KILL_UPLOAD_AFTER=N` kills the process after N of
/// them: the tests' upload cut off midway.
#[derive(Default)]
struct Upload {
    #[cfg(feature = "fail-points")]
    written: usize,
}

impl Upload {
    fn one_more(&mut self) -> Result<(), Error> {
        #[cfg(feature = "fail-points")]
        {
            self.written += 1;
            let limit = std::env::var("BANMIAN_KILL_UPLOAD_AFTER").ok();
            if limit.and_then(|n| n.parse::<usize>().ok()) == Some(self.written) {
                // SAFETY: raising a signal on this process.
                unsafe { libc::raise(libc::SIGKILL) };
            }
        }
        Ok(())
    }
}

/// The folder of local caches.
fn cache_base() -> PathBuf {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    var(CACHE_ENV)
        .or_else(|| var("XDG_CACHE_HOME").map(|p| p.join("banmian")))
        .or_else(|| var("HOME").map(|p| p.join(".cache").join("banmian")))
        .unwrap_or_else(|| std::env::temp_dir().join("banmian-cache"))
}

/// `text` as one plain folder name (an endpoint's address, say).
fn plain_name(text: &str) -> String {
    let name = text
        .split_once("://")
        .map_or(text, |(_, rest)| rest)
        .trim_end_matches('/');
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Whether a name listed in the store can be a folder of the cache.
fn plain_segment(name: &str) -> bool {
    !name.is_empty() && !name.starts_with('.') && !name.contains(['/', '\\'])
}

/// This machine's name, for the claim's record.
fn host_name() -> String {
    fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_names() {
        assert_eq!(plain_name("http://127.0.0.1:9000/"), "127.0.0.1_9000");
        assert_eq!(
            plain_name("https://oss-cn-wuhan.aliyuncs.com"),
            "oss-cn-wuhan.aliyuncs.com"
        );
        assert!(plain_segment("xianning-2021"));
        assert!(!plain_segment(".claims") && !plain_segment(".."));
    }
}
