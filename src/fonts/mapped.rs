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
    /// Size and modification time when the file was mapped.
    stamp: OnceLock<Option<(u64, std::time::SystemTime)>>,
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
            stamp: OnceLock::new(),
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
                let _ = self.stamp.set(stamp(&file));
                // SAFETY: the map is read-only. A font file cut short by
                // another program while mapped makes a read fault (SIGBUS,
                // which `guard_bus_errors` turns into a clear message), and
                // one rewritten in place is caught by `changed` before
                // anything is written.
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

    /// Whether the file changed on disk since it was mapped (always false
    /// for a file not mapped yet).
    pub fn changed(&self) -> bool {
        match self.stamp.get() {
            Some(Some(then)) => std::fs::File::open(&self.path)
                .ok()
                .and_then(|f| stamp(&f))
                .is_none_or(|now| now != *then),
            _ => false,
        }
    }
}

fn stamp(file: &std::fs::File) -> Option<(u64, std::time::SystemTime)> {
    let meta = file.metadata().ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

/// What a bus error prints, in the language of the run (made before the
/// handler is installed: a signal handler may not allocate).
static BUS_ERROR_MESSAGE: OnceLock<String> = OnceLock::new();

/// Turns a bus error — the fault a read from a mapped font file gives when
/// another program has cut the file short — into a message and exit status
/// 1 instead of a silent crash. Pages are written through temporary files
/// and renames, so an earlier page is never damaged by it.
///
/// Call it once the language is set: the message is written in it.
pub fn guard_bus_errors() {
    BUS_ERROR_MESSAGE.get_or_init(|| {
        let text = t!("layout-font-bus-error");
        format!("{}\n", t!("label-error", text = text))
    });
    extern "C" fn on_bus_error(_: libc::c_int) {
        // SAFETY: write(2) and _exit(2) are async-signal-safe, and so is
        // reading the message (set before the handler is installed, so
        // `get` is a plain atomic load).
        unsafe {
            if let Some(message) = BUS_ERROR_MESSAGE.get() {
                libc::write(2, message.as_ptr().cast(), message.len());
            }
            libc::_exit(1);
        }
    }
    // SAFETY: installs a handler that only calls async-signal-safe functions.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_bus_error as *const () as usize;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(libc::SIGBUS, &action, std::ptr::null_mut());
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
