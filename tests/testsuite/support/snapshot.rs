//! What a file or folder holds, to tell whether a run left it untouched.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every entry below a path (the path itself as ""), or nothing if the path
/// does not exist.
pub struct Snapshot(Option<BTreeMap<PathBuf, Entry>>);

#[derive(PartialEq)]
enum Entry {
    Folder,
    File(Vec<u8>),
    Link(PathBuf),
}

impl Snapshot {
    /// Reads `path` and everything below it.
    pub fn take(path: &Path) -> Self {
        if std::fs::symlink_metadata(path).is_err() {
            return Self(None);
        }
        let mut entries = BTreeMap::new();
        for entry in walkdir::WalkDir::new(path) {
            let entry = entry.unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let kind = entry.file_type();
            let read = if kind.is_dir() {
                Ok(Entry::Folder)
            } else if kind.is_symlink() {
                std::fs::read_link(entry.path()).map(Entry::Link)
            } else {
                std::fs::read(entry.path()).map(Entry::File)
            };
            let read =
                read.unwrap_or_else(|e| panic!("cannot read {}: {e}", entry.path().display()));
            let name = entry.path().strip_prefix(path).expect("below the path");
            entries.insert(name.to_path_buf(), read);
        }
        Self(Some(entries))
    }

    /// What differs in `after`, in words, or `None` if nothing does.
    pub fn changes(&self, after: &Self) -> Option<String> {
        let (before, after) = match (&self.0, &after.0) {
            (None, None) => return None,
            (None, Some(_)) => return Some("it was created".into()),
            (Some(_), None) => return Some("it was removed".into()),
            (Some(before), Some(after)) => (before, after),
        };
        let mut said = Vec::new();
        for (name, entry) in after {
            match before.get(name) {
                None => said.push(format!("added: {}", name.display())),
                Some(old) if old != entry => said.push(format!("changed: {}", name.display())),
                Some(_) => {}
            }
        }
        for name in before.keys().filter(|n| !after.contains_key(*n)) {
            said.push(format!("removed: {}", name.display()));
        }
        (!said.is_empty()).then(|| said.join(", "))
    }
}
