//! Font discovery with a cache. Reading a CJK collection's metadata means
//! walking tens of thousands of code points per face (about 60 ms for the
//! project's fonts); the index remembers each file's faces, keyed by the
//! file's path, size and modification time, so a build only looks again at
//! files that changed. The cache is an optimisation: when it cannot be
//! read or written, fonts are scanned as if it were not there.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use typst::text::FontInfo;

/// Bumped when the cache's meaning changes; with the Typst version it
/// decides whether an old cache file may be used.
const FORMAT: u32 = 2;

/// File extensions of font files, as Typst's own scan accepts them.
const EXTENSIONS: [&str; 4] = ["ttf", "otf", "ttc", "otc"];

/// What is known about one font file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Entry {
    size: u64,
    mtime_ns: u128,
    /// CRC-32 of the first 4 KiB: a font's table directory, with each
    /// table's checksum, so a file replaced by another of the same size
    /// and time stamp (`cp -p`, coarse clocks) is still noticed.
    head: u32,
    /// Faces by index in the file; `None` for an index that does not parse.
    faces: Vec<Option<FontInfo>>,
}

/// The on-disk cache: entries by absolute path.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Cache {
    format: u32,
    typst: String,
    files: BTreeMap<PathBuf, Entry>,
}

/// A font file found in a folder, with its faces.
pub struct FoundFile {
    /// The file.
    pub path: PathBuf,
    /// Faces by index (`None` where a face does not parse).
    pub faces: Vec<Option<FontInfo>>,
}

/// Where the index lives: `$BANMIAN_CACHE_DIR`, else the user's cache
/// folder (`$XDG_CACHE_HOME` or `~/.cache`) under `banmian/`. `None` when
/// none is known or `BANMIAN_CACHE_DIR` is empty (caching off).
pub fn cache_file() -> Option<PathBuf> {
    let dir = match std::env::var_os("BANMIAN_CACHE_DIR") {
        Some(dir) if dir.is_empty() => return None,
        Some(dir) => PathBuf::from(dir),
        // XDG: a relative $XDG_CACHE_HOME is to be ignored.
        None => match std::env::var_os("XDG_CACHE_HOME").filter(|d| Path::new(d).is_absolute()) {
            Some(dir) => PathBuf::from(dir).join("banmian"),
            None => PathBuf::from(std::env::var_os("HOME")?)
                .join(".cache")
                .join("banmian"),
        },
    };
    Some(dir.join("font-index.json"))
}

/// Every font file under `dir` (recursively, sorted by path) with its faces,
/// from the cache where the file has not changed since it was indexed.
pub fn discover(dir: &Path, cache_path: Option<&Path>) -> Vec<FoundFile> {
    let mut paths = walk(dir);
    paths.sort();
    paths.dedup_by(|a, b| a.canonicalize().ok() == b.canonicalize().ok());

    let typst = typst::utils::version().raw().to_string();
    let mut cache = cache_path
        .and_then(|p| std::fs::read(p).ok())
        .and_then(|b| serde_json::from_slice::<Cache>(&b).ok())
        .filter(|c| c.format == FORMAT && c.typst == typst)
        .unwrap_or_default();
    let mut changed = false;
    let mut found = Vec::new();
    for path in paths {
        let Some((size, mtime_ns, head)) = stamp(&path) else {
            continue;
        };
        let key = std::path::absolute(&path).unwrap_or_else(|_| path.clone());
        let faces = match cache.files.get(&key) {
            Some(e) if e.size == size && e.mtime_ns == mtime_ns && e.head == head => {
                e.faces.clone()
            }
            _ => {
                let Some(faces) = read_faces(&path) else {
                    continue;
                };
                cache.files.insert(
                    key,
                    Entry {
                        size,
                        mtime_ns,
                        head,
                        faces: faces.clone(),
                    },
                );
                changed = true;
                faces
            }
        };
        found.push(FoundFile { path, faces });
    }
    if changed && let Some(p) = cache_path {
        cache.format = FORMAT;
        cache.typst = typst;
        // Forget files that are gone, so the cache does not grow forever.
        cache.files.retain(|path, _| path.exists());
        if let Ok(json) = serde_json::to_vec(&cache) {
            let _ = p
                .parent()
                .map(std::fs::create_dir_all)
                .transpose()
                .ok()
                .and_then(|_| crate::files::write_atomic(p, &json).ok());
        }
    }
    found
}

/// Collects font files under `dir`, following links as Typst's scan does
/// (walkdir notices a link loop and skips it).
fn walk(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .follow_links(true)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|path| {
            path.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
        })
        .collect()
}

/// A file's size, modification time and head checksum: the cache key
/// besides its path.
fn stamp(path: &Path) -> Option<(u64, u128, u32)> {
    use std::io::Read;
    let mut file = std::fs::File::open(path).ok()?;
    let meta = file.metadata().ok()?;
    let mtime = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    let mut head = Vec::with_capacity(4096);
    file.by_ref().take(4096).read_to_end(&mut head).ok()?;
    Some((meta.len(), mtime.as_nanos(), crc32fast::hash(&head)))
}

/// Reads the faces of one file; `None` if it is no font at all.
fn read_faces(path: &Path) -> Option<Vec<Option<FontInfo>>> {
    let file = std::fs::File::open(path).ok()?;
    // SAFETY: read-only map, dropped before returning.
    let map = unsafe { memmap2::Mmap::map(&file) }.ok()?;
    let faces: Vec<_> = (0..face_count(&map))
        .map(|i| FontInfo::new(&map, i))
        .collect();
    faces.iter().any(Option::is_some).then_some(faces)
}

/// How many faces a font file holds. A collection whose header claims more
/// faces than its size allows (it lists one 4-byte offset per face), or
/// more than a sane maximum, is damaged and counts as none: its faces are
/// never parsed, so a bad header cannot ask for billions.
pub fn face_count(data: &[u8]) -> u32 {
    const MAX_FACES: u32 = 256;
    match ttf_parser::fonts_in_collection(data) {
        Some(n) => {
            let room = data.len().saturating_sub(12) / 4;
            if n > MAX_FACES || n as usize > room {
                0
            } else {
                n
            }
        }
        None => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts")
    }

    #[test]
    fn the_cache_gives_what_a_scan_gives_and_notices_changes() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = tmp.path().join("cache/font-index.json");
        let fonts = tmp.path().join("fonts");
        std::fs::create_dir(&fonts).unwrap();
        let wenkai = fonts_dir().join("LXGWWenKai-Regular.ttf");
        std::fs::copy(&wenkai, fonts.join("a.ttf")).unwrap();
        std::fs::write(fonts.join("notes.txt"), "not a font").unwrap();
        std::fs::write(fonts.join("broken.otf"), "not a font either").unwrap();

        let scanned = discover(&fonts, Some(&cache));
        assert_eq!(scanned.len(), 1, "one font file");
        assert!(cache.exists(), "the index is written");
        let cached = discover(&fonts, Some(&cache));
        assert_eq!(scanned[0].faces, cached[0].faces);
        let uncached = discover(&fonts, None);
        assert_eq!(scanned[0].faces, uncached[0].faces);

        // A file replaced by another font is read again, not taken from the
        // cache (its size changes).
        let sans = fonts_dir().join("NotoSansCJK-Bold.ttc");
        std::fs::copy(&sans, fonts.join("a.ttf")).unwrap();
        let after = discover(&fonts, Some(&cache));
        assert!(after[0].faces.len() > 1, "the collection's faces are seen");
        assert_ne!(after[0].faces, scanned[0].faces);

        // A collection header that claims four billion faces, and a link
        // loop, neither hang nor exhaust memory.
        std::fs::write(
            fonts.join("bad.ttc"),
            b"ttcf\x00\x01\x00\x00\xff\xff\xff\xff\x00\x00\x00\x10",
        )
        .unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&fonts, fonts.join("loop")).unwrap();
        let found = discover(&fonts, Some(&cache));
        assert_eq!(
            found.len(),
            1,
            "the bad collection is no font, the loop adds nothing"
        );

        // A cache that is garbage is ignored and rewritten.
        std::fs::write(&cache, "{ not json").unwrap();
        let again = discover(&fonts, Some(&cache));
        assert_eq!(again[0].faces, after[0].faces);
        assert!(serde_json::from_slice::<Cache>(&std::fs::read(&cache).unwrap()).is_ok());
    }
}
