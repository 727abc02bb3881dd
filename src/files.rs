//! File-system helpers every writer shares: atomic writes that never leave
//! a half-written or clobbered file. A leaf module: it depends on nothing
//! in banmian but the error type.

use std::io::Write;
use std::path::Path;

use crate::diag::Error;

/// Writes several files so that none is replaced unless all could be
/// written: every file goes to a temporary file beside its target and is
/// flushed to disk first; only then are they renamed over their targets.
pub fn write_all_atomic(files: &[(std::path::PathBuf, Vec<u8>)]) -> Result<(), Error> {
    let staged = files
        .iter()
        .map(|(path, bytes)| stage(path, bytes).map(|tmp| (tmp, path)))
        .collect::<Result<Vec<_>, _>>()?;
    for (tmp, path) in staged {
        commit(tmp, path)?;
    }
    Ok(())
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder,
/// flushed to disk, then renamed over the target. Readers see the old file
/// or the new one, never a part.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let tmp = stage(path, bytes)?;
    commit(tmp, path)
}

/// The folder a file is written into.
fn folder(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Writes `bytes` to a flushed temporary file beside `path`.
fn stage(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, Error> {
    let dir = folder(path);
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".banmian-")
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
