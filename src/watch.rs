//! What `banmian watch` needs besides a build: the files a build reads
//! (the edition folder, the layouts, the fonts) and what changed between two
//! looks at them. File events only say "something happened"; comparing
//! snapshots says what, and lets a burst of editor events that changed
//! nothing go without a rebuild.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// Size and modification time of every file under some folders, and the
/// folders themselves (watched so that new files are seen).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Snapshot {
    files: BTreeMap<PathBuf, (u64, u128)>,
    dirs: Vec<PathBuf>,
}

/// Which files a snapshot leaves out.
pub type Skip = dyn Fn(&Path) -> bool;

/// One file that differs between two snapshots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileChange {
    /// A new file.
    Added(PathBuf),
    /// A file whose size or modification time changed.
    Modified(PathBuf),
    /// A file that is gone.
    Removed(PathBuf),
}

impl FileChange {
    /// The file concerned.
    pub fn path(&self) -> &Path {
        match self {
            Self::Added(p) | Self::Modified(p) | Self::Removed(p) => p,
        }
    }
}

impl Snapshot {
    /// Looks at every file under `roots`, except files `skip` says the
    /// build itself writes (its pages).
    pub fn take(roots: &[&Path], skip: &Skip) -> Self {
        let mut snap = Self::default();
        for root in roots {
            // A root is watched even while it is missing (typst-kit polls
            // for it), so a folder deleted and put back is seen again.
            snap.dirs.push(root.to_path_buf());
            // Links are followed (walkdir notices a loop and skips it), a
            // link to a folder only while it stays inside the root: a link
            // to /usr in an edition folder is not 100,000 files to watch.
            let real_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
            let inside = |entry: &walkdir::DirEntry| {
                entry.depth() == 0
                    || !entry.path_is_symlink()
                    || !entry.file_type().is_dir()
                    || entry
                        .path()
                        .canonicalize()
                        .is_ok_and(|real| real.starts_with(&real_root))
            };
            for entry in walkdir::WalkDir::new(root)
                .follow_links(true)
                .into_iter()
                .filter_entry(inside)
                .flatten()
            {
                let path = entry.path();
                if entry.file_type().is_dir() {
                    snap.dirs.push(path.to_path_buf());
                } else if !is_scratch(path) && !skip(path) {
                    let mtime = entry
                        .metadata()
                        .ok()
                        .and_then(|m| Some((m.len(), m.modified().ok()?)));
                    let Some((len, modified)) = mtime else {
                        continue;
                    };
                    let nanos = modified
                        .duration_since(UNIX_EPOCH)
                        .map_or(0, |d| d.as_nanos());
                    snap.files.insert(path.to_path_buf(), (len, nanos));
                }
            }
        }
        snap.dirs.sort();
        snap.dirs.dedup();
        snap
    }

    /// Every file and folder to watch.
    pub fn paths(&self) -> impl Iterator<Item = PathBuf> + '_ {
        self.dirs.iter().chain(self.files.keys()).cloned()
    }

    /// Number of files seen.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether no file was seen.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The files that differ in `newer`, by path.
    pub fn changes(&self, newer: &Snapshot) -> Vec<FileChange> {
        let mut out = Vec::new();
        for (path, stamp) in &newer.files {
            match self.files.get(path) {
                None => out.push(FileChange::Added(path.clone())),
                Some(old) if old != stamp => out.push(FileChange::Modified(path.clone())),
                Some(_) => {}
            }
        }
        for path in self.files.keys() {
            if !newer.files.contains_key(path) {
                out.push(FileChange::Removed(path.clone()));
            }
        }
        out.sort_by(|a, b| a.path().cmp(b.path()));
        out
    }
}

/// The pages a build of edition `id` writes into `out_dir`
/// (`<id>-<page>.pdf|png|svg`, the edition PDF `<id>.pdf` and the proof
/// sheet `<id>-sheet.png`): changes to them are the build's own, and
/// must not start another build, even when the output folder is the
/// edition folder itself.
pub fn own_pages(out_dir: PathBuf, id: String) -> Box<Skip> {
    let out_dir = std::path::absolute(&out_dir).unwrap_or(out_dir);
    Box::new(move |path: &Path| {
        let (Some(parent), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str()))
        else {
            return false;
        };
        parent == out_dir && crate::names::is_build_output(&id, name)
    })
}

/// Editors' and banmian's own temporary files: saving through them fires
/// events, but they are never read by a build.
fn is_scratch(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.starts_with(".banmian-")
        || name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name == "4913"
}

/// A short description of what changed, for the one line a rebuild
/// prints: names relative to the folder they are in.
pub fn describe(changes: &[FileChange], roots: &[&Path]) -> String {
    let name = |p: &Path| {
        roots
            .iter()
            .find_map(|r| p.strip_prefix(r).ok())
            .unwrap_or(p)
            .display()
            .to_string()
    };
    let mut parts: Vec<String> = changes
        .iter()
        .take(3)
        .map(|c| match c {
            FileChange::Added(p) => t!("run-watch-added", name = name(p)),
            FileChange::Modified(p) => t!("run-watch-changed", name = name(p)),
            FileChange::Removed(p) => t!("run-watch-removed", name = name(p)),
        })
        .collect();
    if changes.len() > 3 {
        parts.push(t!("run-watch-more", n = changes.len() - 3));
    }
    parts.join(&t!("run-list-separator"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sees_added_changed_and_removed_files_but_not_scratch_or_output() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("photos")).unwrap();
        std::fs::write(root.join("a.md"), "一").unwrap();
        std::fs::write(root.join("photos/p.jpg"), "p").unwrap();
        // The pages are written into the edition folder itself.
        let skip = own_pages(root.to_path_buf(), "ed".into());
        let before = Snapshot::take(&[root], &*skip);
        assert_eq!(before.len(), 2);

        std::fs::write(root.join("a.md"), "一二").unwrap();
        std::fs::remove_file(root.join("photos/p.jpg")).unwrap();
        std::fs::write(root.join("b.md"), "新").unwrap();
        std::fs::write(root.join(".a.md.swp"), "x").unwrap();
        std::fs::write(root.join("ed-05.pdf"), "%PDF").unwrap();
        std::fs::write(root.join("ed.pdf"), "%PDF").unwrap();
        std::fs::write(root.join("ed-sheet.png"), "PNG").unwrap();
        std::fs::write(root.join(".banmian-x.tmp"), "%PDF").unwrap();
        let after = Snapshot::take(&[root], &*skip);
        let changes = before.changes(&after);
        assert_eq!(
            changes,
            vec![
                FileChange::Modified(root.join("a.md")),
                FileChange::Added(root.join("b.md")),
                FileChange::Removed(root.join("photos/p.jpg")),
            ]
        );
        assert_eq!(
            describe(&changes, &[root]),
            "a.md changed, b.md added, photos/p.jpg removed"
        );
        assert!(after.changes(&after).is_empty());
    }
}
