//! Publishing a set of files (an edition's pages) into one folder as one
//! unit. Every file is first written to a flushed temporary file beside
//! its target; then, under an exclusive lock on the folder, a journal
//! listing the renames is written, the renames are made, and the journal
//! is removed (a set of one file is renamed without a journal: one rename
//! is all or nothing). Two builds into one folder publish one after the other, so
//! the folder ends with one build's whole set; a build killed during the
//! renames leaves its journal, and whoever publishes into the folder next
//! finishes those renames first (the killed build's pages had all been
//! written in full). Temporary files carry their process id, and those of
//! a process that has ended are removed under the lock.

use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};

use crate::diag::Error;
use crate::files::{check_folder, folder, stage, sync_dir};

/// The lock file of a folder being published into.
pub const LOCK: &str = ".banmian-lock";
/// The journal of renames a publish is making.
pub const JOURNAL: &str = ".banmian-journal";
/// Every temporary file banmian writes begins with this (then the process
/// id and a `-`) and ends with [`TMP_SUFFIX`].
pub const TMP_PREFIX: &str = ".banmian-";
/// See [`TMP_PREFIX`].
pub const TMP_SUFFIX: &str = ".tmp";

/// Set (to anything) in the environment, this makes `archive` and `build`
/// fail right before they publish: the tests' stand-in for a crash. Only
/// with the `fail-points` feature, never in a release build.
#[cfg(feature = "fail-points")]
pub const FAIL_BEFORE_PUBLISH: &str = "BANMIAN_FAIL_BEFORE_PUBLISH";
/// Set to a number of milliseconds, this makes a publish wait that long
/// between two renames: the tests' way to race with one or kill it midway.
/// Only with the `fail-points` feature.
#[cfg(feature = "fail-points")]
pub const PUBLISH_PAUSE_MS: &str = "BANMIAN_PUBLISH_PAUSE_MS";

/// An exclusive lock on a folder, held while it is written. The lock file
/// is removed when the lock is released, also on failure; a lock file left
/// by a killed process holds no lock and is taken over.
pub struct FolderLock {
    path: PathBuf,
    _file: File,
}

impl FolderLock {
    /// Waits for and takes the lock `name` of the folder `dir` (created if
    /// need be).
    pub fn acquire(dir: &Path, name: &str) -> Result<Self, Error> {
        fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let path = dir.join(name);
        loop {
            let file = OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .map_err(|e| Error::io(&path, e))?;
            file.lock().map_err(|e| Error::io(&path, e))?;
            // The holder before us may have removed the file it locked;
            // the lock counts only on the file that is still there.
            if same_file(&file, &path) {
                return Ok(Self { path, _file: file });
            }
        }
    }
}

impl Drop for FolderLock {
    fn drop(&mut self) {
        // Removed while still held, so no one locks a file about to vanish.
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

/// Writes `files` (all in one folder) as one set: none is replaced unless
/// all could be written, and no other publish into the folder interleaves
/// with this one (see the module's documentation).
pub fn publish(files: &[(PathBuf, Vec<u8>)]) -> Result<(), Error> {
    let Some((first, _)) = files.first() else {
        return Ok(());
    };
    let dir = folder(first);
    if let Some((path, _)) = files.iter().find(|(p, _)| folder(p) != dir) {
        return Err(Error::Internal(t!(
            "run-publish-split",
            first = first.display(),
            other = path.display()
        )));
    }
    check_folder(dir)?;
    for (path, _) in files {
        if fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
            return Err(Error::Usage(t!(
                "run-publish-folder",
                path = path.display()
            )));
        }
    }
    let staged = files
        .iter()
        .map(|(path, bytes)| stage(path, bytes).map(|tmp| (tmp, path)))
        .collect::<Result<Vec<_>, _>>()?;
    #[cfg(feature = "fail-points")]
    fail_before_publish(&format!("writing {}", first.display()))?;

    let _lock = FolderLock::acquire(dir, LOCK)?;
    recover(dir)?;
    remove_stale(dir)?;
    // One file (a one-page edition, the page `watch` rebuilds): its rename
    // is the whole set, and a rename is all or nothing, so no journal is
    // needed; the staged file was flushed, the rename is made durable.
    if staged.len() == 1 {
        let (tmp, path) = staged.into_iter().next().expect("one file");
        tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
        return sync_dir(dir);
    }
    // From here on the journal, not this process, owns the staged files.
    let renames: Vec<(PathBuf, &PathBuf)> = staged
        .into_iter()
        .map(|(tmp, path)| tmp.into_temp_path().keep().map(|tmp| (tmp, path)))
        .collect::<Result<_, _>>()
        .map_err(|e| Error::io(dir, e.error))?;
    let journal: String = renames
        .iter()
        .map(|(tmp, path)| format!("{}\t{}\n", name(tmp), name(path)))
        .collect();
    let journal_path = dir.join(JOURNAL);
    stage(&journal_path, journal.as_bytes())?
        .persist(&journal_path)
        .map_err(|e| Error::io(&journal_path, e.error))?;
    sync_dir(dir)?;
    for (i, (tmp, path)) in renames.iter().enumerate() {
        #[cfg(feature = "fail-points")]
        pause(i);
        #[cfg(not(feature = "fail-points"))]
        let _ = i;
        fs::rename(tmp, path).map_err(|e| Error::io(path, e))?;
    }
    sync_dir(dir)?;
    finish(dir)
}

/// A file's name, as the journal records it.
fn name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Removes the journal of a publish that is done.
fn finish(dir: &Path) -> Result<(), Error> {
    let journal = dir.join(JOURNAL);
    fs::remove_file(&journal).map_err(|e| Error::io(&journal, e))?;
    sync_dir(dir)
}

/// Finishes the renames of a publish that was killed midway, if the
/// journal of one is in `dir`. Only called under the lock.
fn recover(dir: &Path) -> Result<(), Error> {
    let journal = dir.join(JOURNAL);
    let Ok(text) = fs::read_to_string(&journal) else {
        return Ok(());
    };
    for line in text.lines() {
        let Some((tmp, target)) = line.split_once('\t') else {
            continue;
        };
        // Plain names in this folder only: a damaged journal leads nowhere.
        let plain = |n: &str| !n.is_empty() && !n.contains(['/', '\\']) && n != "..";
        if !plain(tmp) || !plain(target) {
            continue;
        }
        let (tmp, target) = (dir.join(tmp), dir.join(target));
        if tmp.is_file() {
            fs::rename(&tmp, &target).map_err(|e| Error::io(&target, e))?;
        }
    }
    sync_dir(dir)?;
    finish(dir)
}

/// Removes the temporary files in `dir` that no live process owns: those
/// whose process has ended, or whose name carries no process id. Only
/// called under the lock, after [`recover`].
fn remove_stale(dir: &Path) -> Result<(), Error> {
    for entry in fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name
            .strip_prefix(TMP_PREFIX)
            .and_then(|r| r.strip_suffix(TMP_SUFFIX))
        else {
            continue;
        };
        let owner = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        if owner.is_some_and(|pid| pid == std::process::id() || alive(pid)) {
            continue;
        }
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            let path = entry.path();
            fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
        }
    }
    Ok(())
}

/// Whether a process with id `pid` is running.
#[cfg(unix)]
pub fn alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // Signal 0 only asks whether the process exists (EPERM: it does, as
    // another user's).
    // SAFETY: kill with signal 0 sends nothing.
    let answer = unsafe { libc::kill(pid, 0) };
    answer == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Whether a process with id `pid` is running (assumed so off Unix).
#[cfg(not(unix))]
pub fn alive(_pid: u32) -> bool {
    true
}

/// Makes a publish fail right before it publishes when
/// [`FAIL_BEFORE_PUBLISH`] is set: the tests' stand-in for a crash.
#[cfg(feature = "fail-points")]
pub fn fail_before_publish(what: &str) -> Result<(), Error> {
    if std::env::var_os(FAIL_BEFORE_PUBLISH).is_some_and(|v| !v.is_empty()) {
        return Err(Error::Internal(format!(
            "{what} failed before it was published ({FAIL_BEFORE_PUBLISH} is set)"
        )));
    }
    Ok(())
}

/// Waits between two renames when [`PUBLISH_PAUSE_MS`] is set.
#[cfg(feature = "fail-points")]
fn pause(renamed: usize) {
    let ms = std::env::var(PUBLISH_PAUSE_MS)
        .ok()
        .and_then(|v| v.parse().ok());
    if let Some(ms) = ms.filter(|_| renamed > 0) {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}
