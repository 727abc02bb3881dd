//! The fonts a build may use: the project's `fonts/` folder and Typst's
//! embedded Latin fonts, plus the machine's fonts only when asked for, so
//! that output does not depend on the machine.

mod index;
mod mapped;

use std::collections::HashMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use typst::text::{FontBook, FontInfo, FontStyle};
use typst_kit::fonts::{FontStore, embedded, system};

use crate::diag::Error;

pub use index::cache_file;
pub use mapped::guard_bus_errors;
use mapped::{MappedFace, MappedFile};

/// Loaded font metadata; font files are mapped on first use.
pub struct Fonts {
    /// The typst-kit store that serves `World::book` and `World::font`.
    pub store: FontStore,
    /// Whether some font has a glyph for a character, for every character
    /// looked up so far: a rebuild in `watch` looks up only the characters
    /// an edit brought in.
    covered: Mutex<HashMap<char, bool>>,
}

impl Fonts {
    /// Scans `dir` (required to hold at least one font) and adds the
    /// embedded fonts; `system` adds the machine's fonts after them.
    /// What is found is remembered in the font index ([`cache_file`]).
    pub fn load(dir: &Path, system_fonts: bool) -> Result<Self, Error> {
        let mut store = FontStore::new();
        // Sorted by file and face so that the font book, and with it the
        // choice between equal fonts, does not depend on directory order.
        for found in index::discover(dir, cache_file().as_deref()) {
            let file = MappedFile::new(found.path);
            for (index, info) in found.faces.into_iter().enumerate() {
                if let Some(info) = info {
                    let face = MappedFace {
                        file: file.clone(),
                        index: index as u32,
                    };
                    store.push((face, info));
                }
            }
        }
        if store.book().families().next().is_none() {
            return Err(Error::Install(t!(
                "layout-no-font-files",
                dir = dir.display()
            )));
        }
        store.extend(embedded());
        if system_fonts {
            store.extend(system());
        }
        Ok(Self::of(store))
    }

    /// Loads exactly the font files `files`, in that order (every face of
    /// each), then the embedded fonts: the font book of an archived build,
    /// rebuilt from the archive's copies of the files it used.
    pub fn load_files(files: &[PathBuf]) -> Result<Self, Error> {
        let mut store = FontStore::new();
        for path in files {
            let data = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            let faces = match ttf_faces(&data) {
                0 => 0,
                _ => index::face_count(&data),
            };
            if faces == 0 {
                return Err(Error::Install(t!(
                    "layout-not-a-font",
                    path = path.display()
                )));
            }
            let file = MappedFile::new(path.clone());
            for index in 0..faces {
                if let Some(info) = FontInfo::new(&data, index) {
                    let face = MappedFace {
                        file: file.clone(),
                        index,
                    };
                    store.push((face, info));
                }
            }
        }
        store.extend(embedded());
        Ok(Self::of(store))
    }

    /// Fonts served by `store`.
    fn of(store: FontStore) -> Self {
        Self {
            store,
            covered: Mutex::default(),
        }
    }

    /// The font files on disk this store reads, each once, in the order
    /// their faces appear in the font book (embedded and system fonts are
    /// not the project's files).
    pub fn files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = Vec::new();
        for face in self.mapped_faces() {
            if !files.iter().any(|f| f == face.file.path()) {
                files.push(face.file.path().to_path_buf());
            }
        }
        files
    }

    /// The project font files that changed on disk since this build mapped
    /// them: a page set from a file rewritten under it may mix two fonts,
    /// so such a build must not be written.
    pub fn changed_files(&self) -> Vec<PathBuf> {
        let mut changed: Vec<PathBuf> = Vec::new();
        for face in self.mapped_faces() {
            if face.file.changed() && !changed.iter().any(|f| f == face.file.path()) {
                changed.push(face.file.path().to_path_buf());
            }
        }
        changed
    }

    /// The faces that come from font files, in font-book order.
    fn mapped_faces(&self) -> impl Iterator<Item = &MappedFace> {
        (0..)
            .map_while(|index| self.store.source(index))
            .filter_map(|source| {
                let any: &dyn std::any::Any = source;
                any.downcast_ref::<MappedFace>()
            })
    }

    /// Whether some font has a glyph for a character. Each distinct
    /// character is looked up once for as long as these fonts are loaded
    /// (a font's coverage is a list of ranges, searched from the start).
    pub fn coverage(&self) -> impl Fn(char) -> bool + '_ {
        let book = self.book();
        move |c: char| {
            let mut covered = self.covered.lock().unwrap_or_else(|e| e.into_inner());
            *covered.entry(c).or_insert_with(|| {
                (0..)
                    .map_while(|i| book.info(i))
                    .any(|info| info.coverage.contains(c as u32))
            })
        }
    }

    /// The font book (family and variant metadata).
    pub fn book(&self) -> &FontBook {
        self.store.book()
    }

    /// A listing of families and their styles, like `typst fonts`.
    pub fn listing(&self, variants: bool) -> String {
        let book = self.book();
        let mut families: Vec<(&str, Vec<&FontInfo>)> = book
            .families()
            .map(|(name, ids)| (name, ids.filter_map(|i| book.info(i)).collect()))
            .collect();
        families.sort_by(|a, b| a.0.cmp(b.0));
        let mut out = String::new();
        for (name, infos) in families {
            let _ = writeln!(out, "{name}");
            if variants {
                for info in infos {
                    let v = info.variant;
                    let style = match v.style {
                        FontStyle::Normal => t!("layout-font-style-normal"),
                        FontStyle::Italic => t!("layout-font-style-italic"),
                        FontStyle::Oblique => t!("layout-font-style-oblique"),
                    };
                    let line = t!(
                        "layout-font-variant",
                        style = style,
                        weight = v.weight.to_number(),
                        stretch = format!("{:?}", v.stretch.to_ratio())
                    );
                    let _ = writeln!(out, "{line}");
                }
            }
        }
        out
    }
}

/// How many faces a font file holds: the count of a collection (`ttcf`),
/// 1 for a single font, 0 for anything else.
fn ttf_faces(data: &[u8]) -> u32 {
    match data.get(0..4) {
        Some(b"ttcf") => data
            .get(8..12)
            .map_or(0, |n| u32::from_be_bytes([n[0], n[1], n[2], n[3]])),
        Some([0, 1, 0, 0] | b"OTTO" | b"true") => 1,
        _ => 0,
    }
}
