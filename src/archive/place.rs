//! Where `--archive` points: an archive folder, or an archive on object
//! storage (`s3://bucket/prefix`) read through its local cache. The
//! commands read an archive folder either way; this says which, brings the
//! cache up to date first, and names files as the desk knows them.

use std::path::{Path, PathBuf};

use super::mirror::Mirror;
use super::remote::StoreUrl;
use super::verify::{self, Report};
use super::{Archive, revision_name};
use crate::diag::Error;

/// An archive folder, or an archive on object storage.
#[derive(Debug)]
pub enum Place {
    /// A folder on this machine.
    Folder(Archive),
    /// A bucket and prefix, with this machine's cache of it.
    Store(Mirror),
}

impl Place {
    /// The archive `--archive` names: `s3://…` or a folder.
    pub fn open(arg: &Path) -> Result<Self, Error> {
        match StoreUrl::parse(&arg.to_string_lossy())? {
            Some(url) => Ok(Self::Store(Mirror::open(url)?)),
            None => Ok(Self::Folder(Archive::new(arg))),
        }
    }

    /// The archive folder to read: the folder, or the cache with every
    /// published revision's manifest and text of edition `only` (or of
    /// all) read from the store.
    pub fn synced(&self, only: Option<&str>) -> Result<&Archive, Error> {
        match self {
            Self::Folder(archive) => Ok(archive),
            Self::Store(mirror) => {
                mirror.sync(only)?;
                Ok(&mirror.local)
            }
        }
    }

    /// [`Self::synced`] for edition `id`, with every file of its revision
    /// `revision` (or its latest) in the folder; gives the folder and the
    /// revision.
    pub fn whole(&self, id: &str, revision: Option<u32>) -> Result<(&Archive, u32), Error> {
        let archive = self.synced(Some(id))?;
        let rev = archive.pick(id, revision)?;
        if let Self::Store(mirror) = self {
            mirror.fetch_revision(id, rev)?;
        }
        Ok((archive, rev))
    }

    /// A file of revision `revision` of `id` as the desk finds it: its
    /// path in the folder, or its address in the store.
    pub fn revision_file(&self, id: &str, revision: u32, rel: &str) -> PathBuf {
        match self {
            Self::Folder(archive) => archive.revision_dir(id, revision).join(rel),
            Self::Store(mirror) => PathBuf::from(
                mirror
                    .remote
                    .address(&format!("{id}/{}/{rel}", revision_name(revision))),
            ),
        }
    }

    /// A folder of the archive (`fonts`) as the desk finds it.
    pub fn folder(&self, rel: &str) -> PathBuf {
        match self {
            Self::Folder(archive) => archive.root.join(rel),
            Self::Store(mirror) => PathBuf::from(mirror.remote.address(rel)),
        }
    }

    /// Checks every revision of `edition`, or of the whole archive: in the
    /// store, every object is read afresh (not from the cache) and the
    /// revision folders without a manifest are noted, not counted.
    pub fn verify(&self, edition: Option<&str>) -> Result<Report, Error> {
        let mirror = match self {
            Self::Folder(archive) => return verify::verify(archive, edition),
            Self::Store(mirror) => mirror,
        };
        let (temp, unfinished) = mirror.download(edition)?;
        let root = temp.path().display().to_string();
        let url = mirror.remote.url.to_string();
        let relocate = |text: &str| text.replace(&root, &url);
        let mut report =
            verify::verify(&Archive::new(temp.path()), edition).map_err(|e| match e {
                Error::Usage(text) => Error::Usage(relocate(&text)),
                Error::Archive(text) => Error::Archive(relocate(&text)),
                other => other,
            })?;
        for damage in &mut report.damage {
            damage.path = PathBuf::from(relocate(&damage.path.display().to_string()));
            damage.detail = relocate(&damage.detail);
        }
        for note in &mut report.notes {
            *note = relocate(note);
        }
        for address in unfinished {
            report.notes.push(t!("store-unfinished", address = address));
        }
        Ok(report)
    }
}
