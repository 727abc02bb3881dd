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

/// One file that differs between two snapshots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A new file.
    Added(PathBuf),
    /// A file whose size or modification time changed.
    Modified(PathBuf),
    /// A file that is gone.
    Removed(PathBuf),
}

impl Change {
    /// The file concerned.
    pub fn path(&self) -> &Path {
        match self {
            Self::Added(p) | Self::Modified(p) | Self::Removed(p) => p,
        }
    }
}

impl Snapshot {
    /// Looks at every file under `roots`, skipping anything under `skip`
    /// (the output folder, which the build itself writes).
    pub fn take(roots: &[&Path], skip: &[PathBuf]) -> Self {
        let mut snap = Self::default();
        for root in roots {
            snap.walk(root, skip);
        }
        snap.dirs.sort();
        snap.dirs.dedup();
        snap
    }

    fn walk(&mut self, dir: &Path, skip: &[PathBuf]) {
        if skip.iter().any(|s| dir.starts_with(s)) {
            return;
        }
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        self.dirs.push(dir.to_path_buf());
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(meta) = std::fs::metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                self.walk(&path, skip);
            } else if !is_scratch(&path) && !skip.iter().any(|s| path.starts_with(s)) {
                let mtime = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                self.files.insert(path, (meta.len(), mtime));
            }
        }
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
    pub fn changes(&self, newer: &Snapshot) -> Vec<Change> {
        let mut out = Vec::new();
        for (path, stamp) in &newer.files {
            match self.files.get(path) {
                None => out.push(Change::Added(path.clone())),
                Some(old) if old != stamp => out.push(Change::Modified(path.clone())),
                Some(_) => {}
            }
        }
        for path in self.files.keys() {
            if !newer.files.contains_key(path) {
                out.push(Change::Removed(path.clone()));
            }
        }
        out.sort_by(|a, b| a.path().cmp(b.path()));
        out
    }
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
pub fn describe(changes: &[Change], roots: &[&Path]) -> String {
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
            Change::Added(p) => format!("{} added", name(p)),
            Change::Modified(p) => format!("{} changed", name(p)),
            Change::Removed(p) => format!("{} removed", name(p)),
        })
        .collect();
    if changes.len() > 3 {
        parts.push(format!("{} more", changes.len() - 3));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sees_added_changed_and_removed_files_but_not_scratch_or_output() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("photos")).unwrap();
        std::fs::create_dir_all(root.join("out")).unwrap();
        std::fs::write(root.join("a.md"), "一").unwrap();
        std::fs::write(root.join("photos/p.jpg"), "p").unwrap();
        let skip = [root.join("out")];
        let before = Snapshot::take(&[root], &skip);
        assert_eq!(before.len(), 2);

        std::fs::write(root.join("a.md"), "一二").unwrap();
        std::fs::remove_file(root.join("photos/p.jpg")).unwrap();
        std::fs::write(root.join("b.md"), "新").unwrap();
        std::fs::write(root.join(".a.md.swp"), "x").unwrap();
        std::fs::write(root.join("out/page.pdf"), "%PDF").unwrap();
        let after = Snapshot::take(&[root], &skip);
        let changes = before.changes(&after);
        assert_eq!(
            changes,
            vec![
                Change::Modified(root.join("a.md")),
                Change::Added(root.join("b.md")),
                Change::Removed(root.join("photos/p.jpg")),
            ]
        );
        assert_eq!(
            describe(&changes, &[root]),
            "a.md changed, b.md added, photos/p.jpg removed"
        );
        assert!(after.changes(&after).is_empty());
    }
}
