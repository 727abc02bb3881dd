//! File-system helpers every writer shares: atomic writes that never leave
//! a half-written or clobbered file, files and folders flushed to disk,
//! sorted walks of a folder, and paths with links resolved. A leaf module:
//! it depends on nothing in banmian but the error type.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diag::Error;

/// Writes `bytes` to `path` atomically: a temporary file in the same folder,
/// flushed to disk, then renamed over the target. Readers see the old file
/// or the new one, never a part.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let tmp = stage(path, bytes)?;
    commit(tmp, path)
}

/// The folder a file is written into.
pub(crate) fn folder(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Writes `bytes` to a flushed temporary file beside `path`, named
/// `.banmian-<process id>-<random>.tmp` so that a publish can tell one a
/// dead process left (see [`crate::publish`]).
pub(crate) fn stage(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, Error> {
    let dir = folder(path);
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".banmian-{}-", std::process::id()))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    tmp.write_all(bytes).map_err(|e| Error::io(tmp.path(), e))?;
    // Temporary files are private (0600); a page is an ordinary file, and a
    // rebuilt page keeps the mode the old one had.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode());
        let perms = std::fs::Permissions::from_mode(mode);
        tmp.as_file()
            .set_permissions(perms)
            .map_err(|e| Error::io(tmp.path(), e))?;
    }
    tmp.as_file()
        .sync_all()
        .map_err(|e| Error::io(tmp.path(), e))?;
    Ok(tmp)
}

/// Renames a staged file over `path` and makes the rename durable.
fn commit(tmp: tempfile::NamedTempFile, path: &Path) -> Result<(), Error> {
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    #[cfg(unix)]
    std::fs::File::open(folder(path))
        .and_then(|d| d.sync_all())
        .map_err(|e| Error::io(folder(path), e))?;
    Ok(())
}

/// Refuses `dir` as a folder to write into when it, or the nearest part
/// of it that exists, is a file (or anything but a folder): named, rather
/// than the system's "File exists" or "Not a directory".
pub fn check_folder(dir: &Path) -> Result<(), Error> {
    let existing = dir
        .ancestors()
        .find(|p| p.as_os_str().is_empty() || p.exists());
    match existing {
        Some(p) if !p.as_os_str().is_empty() && !p.is_dir() => Err(Error::Usage(if p == dir {
            t!("run-output-is-file", path = dir.display())
        } else {
            t!(
                "run-output-under-file",
                path = dir.display(),
                file = p.display()
            )
        })),
        _ => Ok(()),
    }
}

/// `path` with links resolved, also when it does not exist yet (its
/// nearest existing ancestor is resolved).
pub fn real_path(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    let mut rest = Vec::new();
    let mut base = absolute.as_path();
    loop {
        if let Ok(real) = base.canonicalize() {
            return Some(rest.iter().rev().fold(real, |p, c| p.join(c)));
        }
        rest.push(base.file_name()?.to_os_string());
        base = base.parent()?;
    }
}

/// Every file under `dir` (following links to files), as (path relative to
/// `dir`, path), sorted; hidden names are skipped.
pub fn walk(dir: &Path) -> Result<Vec<(PathBuf, PathBuf)>, Error> {
    let mut files = walk_entries(dir, false)?;
    files.retain(|(_, path)| path.is_file());
    Ok(files)
}

/// Every entry under `dir` that is not a folder (links are listed, not
/// followed), as (path relative to `dir`, path), sorted; names starting
/// with a dot only if `hidden`.
pub fn walk_entries(dir: &Path, hidden: bool) -> Result<Vec<(PathBuf, PathBuf)>, Error> {
    let mut out = Vec::new();
    let entries = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| {
            hidden || e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
        });
    for entry in entries {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_path_buf();
            Error::io(&path, e.into())
        })?;
        if !entry.file_type().is_dir() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .expect("under root")
                .to_path_buf();
            out.push((rel, entry.into_path()));
        }
    }
    out.sort();
    Ok(out)
}

/// Writes `bytes` to a new file at `path` and flushes it to disk.
pub fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    let mut file = File::create(path).map_err(|e| Error::io(path, e))?;
    file.write_all(bytes).map_err(|e| Error::io(path, e))?;
    file.sync_all().map_err(|e| Error::io(path, e))
}

/// Copies `src` to a new file at `dest` and flushes it to disk.
pub fn copy_synced(src: &Path, dest: &Path) -> Result<(), Error> {
    if let Some(dir) = dest.parent() {
        fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    fs::copy(src, dest).map_err(|e| Error::io(src, e))?;
    File::open(dest)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::io(dest, e))
}

/// Flushes a folder's entries (new names, renames) to disk.
pub fn sync_dir(dir: &Path) -> Result<(), Error> {
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| Error::io(dir, e))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Flushes every folder under `dir`, and `dir` itself.
pub fn sync_tree(dir: &Path) -> Result<(), Error> {
    for entry in fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            sync_tree(&entry.path())?;
        }
    }
    sync_dir(dir)
}

/// Removes the empty folders under `dir`.
pub fn remove_empty_dirs(dir: &Path) -> Result<(), Error> {
    for entry in fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            remove_empty_dirs(&path)?;
            if fs::read_dir(&path).is_ok_and(|mut d| d.next().is_none()) {
                fs::remove_dir(&path).map_err(|e| Error::io(&path, e))?;
            }
        }
    }
    Ok(())
}

/// Whether `path` (which exists) resolves, through any links, to a place
/// inside the folder `dir`.
pub fn inside(dir: &Path, path: &Path) -> bool {
    match (path.canonicalize(), dir.canonicalize()) {
        (Ok(real), Ok(root)) => real.starts_with(root),
        _ => false,
    }
}

/// Why a path named in a record (a manifest, say) cannot be read as a file
/// of the folder it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unconfined {
    /// Not a plain relative path: empty, absolute, or with `..` or `.`.
    NotInside,
    /// Nothing there.
    Missing,
    /// The file, or a folder on the way to it, is a link.
    Link,
    /// There, but not a regular file.
    NotFile,
}

/// Whether `rel` (with `/`) is a plain path inside a folder: relative, not
/// empty, and made of names only (no `..`, `.` or root).
pub fn is_plain_relative(rel: &str) -> bool {
    !rel.is_empty()
        && Path::new(rel)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
        && !rel.split('/').any(|part| part.is_empty() || part == "..")
}

/// The regular file `rel` names inside `dir`, reached without following
/// any link: so nothing outside `dir` is read through it.
pub fn confined_file(dir: &Path, rel: &str) -> Result<PathBuf, Unconfined> {
    if !is_plain_relative(rel) {
        return Err(Unconfined::NotInside);
    }
    let mut path = dir.to_path_buf();
    let parts: Vec<&str> = rel.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        path.push(part);
        let meta = match fs::symlink_metadata(&path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Unconfined::Missing),
            Err(_) => return Err(Unconfined::NotFile),
        };
        let last = i + 1 == parts.len();
        if meta.file_type().is_symlink() {
            return Err(Unconfined::Link);
        }
        if (last && !meta.is_file()) || (!last && !meta.is_dir()) {
            return Err(if last {
                Unconfined::NotFile
            } else {
                Unconfined::Missing
            });
        }
    }
    Ok(path)
}

/// Whether `path` is a link (not followed).
pub fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}
