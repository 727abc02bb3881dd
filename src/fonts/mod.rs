//! The fonts a build may use: the project's `fonts/` folder and Typst's
//! embedded Latin fonts, plus the machine's fonts only when asked for, so
//! that output does not depend on the machine.

mod index;
mod mapped;

use std::fmt::Write;
use std::path::Path;

use typst::text::{FontBook, FontInfo};
use typst_kit::fonts::{FontStore, embedded, system};

use crate::diag::Error;

pub use index::cache_file;
use mapped::{MappedFace, MappedFile};

/// Loaded font metadata; font files are mapped on first use.
pub struct Fonts {
    /// The typst-kit store that serves `World::book` and `World::font`.
    pub store: FontStore,
}

impl Fonts {
    /// Scans `dir` (required to hold at least one font) and adds the
    /// embedded fonts; `system` adds the machine's fonts after them.
    pub fn load(dir: &Path, system_fonts: bool) -> Result<Self, Error> {
        Self::load_with_cache(dir, system_fonts, cache_file().as_deref())
    }

    /// [`Fonts::load`] with the font index kept in `cache` (`None`: scan
    /// every file).
    pub fn load_with_cache(
        dir: &Path,
        system_fonts: bool,
        cache: Option<&Path>,
    ) -> Result<Self, Error> {
        let mut store = FontStore::new();
        // Sorted by file and face so that the font book, and with it the
        // choice between equal fonts, does not depend on directory order.
        for found in index::discover(dir, cache) {
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
            return Err(Error::Setup(format!(
                "{}: no font files found",
                dir.display()
            )));
        }
        store.extend(embedded());
        if system_fonts {
            store.extend(system());
        }
        Ok(Self { store })
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
                    let _ = writeln!(
                        out,
                        "- Style: {:?}, Weight: {}, Stretch: {:?}",
                        v.style,
                        v.weight.to_number(),
                        v.stretch.to_ratio()
                    );
                }
            }
        }
        out
    }
}
