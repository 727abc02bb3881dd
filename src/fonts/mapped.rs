//! Font files served from memory maps instead of being read whole. Faces of
//! one collection (a `.ttc`) share one map, and each file's pages are
//! released once Typst has its content hash, so only the tables and glyphs a
//! page really uses stay resident.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use memmap2::{Mmap, UncheckedAdvice};
use typst::foundations::Bytes;
use typst::text::Font;
use typst_kit::fonts::FontSource;

/// One font file, mapped on first use.
#[derive(Debug)]
pub struct MappedFile {
    path: PathBuf,
    map: OnceLock<Option<(Arc<Mmap>, Bytes)>>,
}

/// Lets a shared map back a Typst [`Bytes`] without copying it.
struct SharedMap(Arc<Mmap>);

impl AsRef<[u8]> for SharedMap {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl MappedFile {
    /// A file that is not opened until a face of it is needed.
    pub fn new(path: PathBuf) -> Arc<Self> {
        Arc::new(Self {
            path,
            map: OnceLock::new(),
        })
    }

    /// Where the file is.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// The file's bytes; `None` if it cannot be opened or mapped.
    fn bytes(&self) -> Option<Bytes> {
        self.map
            .get_or_init(|| {
                let file = std::fs::File::open(&self.path).ok()?;
                // SAFETY: the map is read-only. A font file truncated by
                // another program while mapped would fault; the fonts folder
                // is the project's own, changed only between builds.
                let map = Arc::new(unsafe { Mmap::map(&file) }.ok()?);
                let bytes = Bytes::new(SharedMap(map.clone()));
                // Typst identifies a font by a hash of its whole data. Take
                // it now, while the file is being read anyway, then hand the
                // pages back: later reads fault in only what is used.
                let _ = typst::utils::hash128(&bytes);
                // SAFETY: the map is a read-only shared file mapping;
                // dropped pages are read again from the file on access.
                let _ = unsafe { map.unchecked_advise(UncheckedAdvice::DontNeed) };
                Some((map, bytes))
            })
            .as_ref()
            .map(|(_, bytes)| bytes.clone())
    }
}

/// One face of a mapped font file, as typst-kit's font store loads it.
pub struct MappedFace {
    /// The file the face is in.
    pub file: Arc<MappedFile>,
    /// The face's index in a collection (0 for a single font).
    pub index: u32,
}

impl FontSource for MappedFace {
    fn load(&self) -> Option<Font> {
        Font::new(self.file.bytes()?, self.index)
    }
}
