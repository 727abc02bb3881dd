//! The Typst `World` of a page build. It sees exactly two places on disk —
//! the layouts folder (as `/layouts/…`) and the edition folder being built
//! (as `/edition/…`) — plus two generated files: `/main.typ`, which calls
//! the page's layout, and `/data.json`, the page's content as data. Nothing
//! else (no other path, no package, no system clock) is reachable.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, Duration, Value};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::diagnostics::DiagnosticWorld;
use typst_kit::files::{FileLoader, FileStore};

use crate::fonts::Fonts;
use crate::plan_memo::PlanMemo;

/// Virtual path of the generated main file.
pub const MAIN: &str = "/main.typ";
/// Virtual path of the generated page data.
pub const DATA: &str = "/data.json";

/// Serves files from the two roots and the generated files.
struct Loader {
    layouts: PathBuf,
    edition: PathBuf,
    generated: HashMap<&'static str, Bytes>,
    /// Edition files served in place of the file on disk, by virtual path:
    /// pictures converted for print (see [`crate::convert`]).
    replaced: HashMap<String, Bytes>,
    /// Every file read from the layouts folder, relative to it: what an
    /// archive must keep to set the page again.
    used_layouts: Mutex<BTreeSet<PathBuf>>,
}

impl Loader {
    /// Maps a virtual path to a real file under one of the two roots,
    /// refusing anything that resolves (through `..` or a link) outside it.
    fn resolve(&self, vpath: &VirtualPath) -> FileResult<PathBuf> {
        let path = vpath.get_with_slash();
        let (root, rest) = if let Some(rest) = path.strip_prefix("/layouts/") {
            (&self.layouts, rest)
        } else if let Some(rest) = path.strip_prefix("/edition/") {
            (&self.edition, rest)
        } else {
            return Err(FileError::NotFound(PathBuf::from(path)));
        };
        let rest = VirtualPath::new(rest).map_err(|_| FileError::AccessDenied)?;
        let real = rest.realize(root).map_err(FileError::Realize)?;
        let canon = real
            .canonicalize()
            .map_err(|e| FileError::from_io(e, &real))?;
        let canon_root = root
            .canonicalize()
            .map_err(|e| FileError::from_io(e, root))?;
        if !canon.starts_with(&canon_root) {
            return Err(FileError::AccessDenied);
        }
        // Read the checked path, not one a swapped link could redirect.
        Ok(canon)
    }
}

impl FileLoader for Loader {
    fn load(&self, id: FileId) -> FileResult<Bytes> {
        if !matches!(id.root(), VirtualRoot::Project) {
            return Err(FileError::Other(Some(t!("layout-no-packages").into())));
        }
        if let Some(bytes) = self.generated.get(id.vpath().get_with_slash()) {
            return Ok(bytes.clone());
        }
        if let Some(bytes) = self.replaced.get(id.vpath().get_with_slash()) {
            return Ok(bytes.clone());
        }
        let real = self.resolve(id.vpath())?;
        if real.is_dir() {
            return Err(FileError::IsDirectory);
        }
        if let Ok(root) = self.layouts.canonicalize()
            && let Ok(rel) = real.strip_prefix(&root)
        {
            self.used_layouts
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(rel.to_path_buf());
        }
        std::fs::read(&real)
            .map(Bytes::new)
            .map_err(|e| FileError::from_io(e, &real))
    }
}

/// The world one page is compiled in. It stays usable across rebuilds:
/// [`PageWorld::set_page`] swaps the generated files and marks files stale,
/// so unchanged sources are reused by Typst's incremental compilation.
pub struct PageWorld {
    library: LazyHash<Library>,
    fonts: Arc<Fonts>,
    files: FileStore<Loader>,
    main: FileId,
    today: Option<Datetime>,
    /// The last plan of each page compiled here (see [`PlanMemo`]).
    plans: PlanMemo,
}

impl PageWorld {
    /// A world over `layouts` and `edition` using `fonts`.
    pub fn new(layouts: &Path, edition: &Path, fonts: Arc<Fonts>) -> Self {
        let loader = Loader {
            layouts: layouts.to_path_buf(),
            edition: edition.to_path_buf(),
            generated: HashMap::new(),
            replaced: HashMap::new(),
            used_layouts: Mutex::default(),
        };
        Self {
            library: LazyHash::new(Library::builder().build()),
            fonts,
            files: FileStore::new(loader),
            main: file_id(MAIN),
            today: None,
            plans: PlanMemo::default(),
        }
    }

    /// Whether this world serves `fonts` (a session starts a new world when
    /// the fonts are reloaded).
    pub fn uses(&self, fonts: &Arc<Fonts>) -> bool {
        Arc::ptr_eq(&self.fonts, fonts)
    }

    /// The files the last compilation read from the two roots, as
    /// (virtual path, real path), sorted; generated files are left out.
    pub fn dependencies(&mut self) -> Vec<(String, PathBuf)> {
        let (loader, ids) = self.files.dependencies();
        let mut found: Vec<(String, PathBuf)> = ids
            .filter(|id| matches!(id.root(), VirtualRoot::Project))
            .filter(|id| !loader.generated.contains_key(id.vpath().get_with_slash()))
            .filter_map(|id| {
                let real = loader.resolve(id.vpath()).ok()?;
                Some((id.vpath().get_with_slash().to_string(), real))
            })
            .collect();
        found.sort();
        found
    }

    /// The same world with `sys.inputs` set to `inputs` (string keys and
    /// values), for layouts that adapt to how the page is used: an archived
    /// page is built with `banmian-output: "archive"`.
    pub fn with_inputs(mut self, inputs: &[(&str, &str)]) -> Self {
        let mut dict = Dict::new();
        for (key, value) in inputs {
            dict.insert((*key).into(), Value::Str((*value).into()));
        }
        self.library = LazyHash::new(Library::builder().with_inputs(dict).build());
        self
    }

    /// Sets the page to compile: its main source, its data, and the date
    /// `datetime.today()` answers (the edition date, never the clock).
    pub fn set_page(&mut self, main: String, data: Vec<u8>, date: (i32, u8, u8)) {
        let generated = &mut self.files.loader_mut().generated;
        generated.insert(MAIN, Bytes::from_string(main));
        generated.insert(DATA, Bytes::new(data));
        self.today = Datetime::from_ymd(date.0, date.1, date.2);
        self.files.reset();
    }

    /// Serves `files` (virtual path → bytes) in place of those edition
    /// files, for this and later compilations, until replaced again; the
    /// files on disk are not touched. Unchanged files stay cached.
    pub fn set_replaced(&mut self, files: &BTreeMap<String, Arc<[u8]>>) {
        let replaced: HashMap<String, Bytes> = files
            .iter()
            .map(|(path, bytes)| (path.clone(), Bytes::new(bytes.to_vec())))
            .collect();
        let loader = self.files.loader_mut();
        if loader.replaced != replaced {
            loader.replaced = replaced;
            self.files.reset();
        }
    }

    /// The last plans made in this world, for a rebuild that keeps a
    /// page's shape.
    pub fn plans(&mut self) -> &mut PlanMemo {
        &mut self.plans
    }

    /// The files the last compilation read (generated ones left out), with
    /// the bytes it saw.
    pub fn snapshot(&mut self) -> Vec<(FileId, Bytes)> {
        let (loader, ids) = self.files.dependencies();
        let mut ids: Vec<FileId> = ids
            .filter(|id| !loader.generated.contains_key(id.vpath().get_with_slash()))
            .collect();
        ids.sort_by_key(|id| id.vpath().get_with_slash().to_string());
        ids.into_iter()
            .filter_map(|id| Some((id, self.files.file(id).ok()?)))
            .collect()
    }

    /// Whether every file in `files` still holds the bytes recorded (read
    /// again from disk after [`PageWorld::set_page`]).
    pub fn unchanged(&self, files: &[(FileId, Bytes)]) -> bool {
        files.iter().all(|(id, bytes)| {
            self.files
                .file(*id)
                .is_ok_and(|now| now.as_slice() == bytes.as_slice())
        })
    }

    /// The files read from the layouts folder so far, relative to it, sorted.
    pub fn used_layouts(&self) -> Vec<PathBuf> {
        let used = self.files.loader().used_layouts.lock();
        used.unwrap_or_else(|e| e.into_inner())
            .iter()
            .cloned()
            .collect()
    }
}

fn file_id(path: &str) -> FileId {
    RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).expect("static virtual path"),
    )
    .intern()
}

impl World for PageWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.store.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.files.source(id)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files.file(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.store.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

impl DiagnosticWorld for PageWorld {
    fn name(&self, id: FileId) -> String {
        let vpath = id.vpath();
        if self
            .files
            .loader()
            .generated
            .contains_key(vpath.get_with_slash())
        {
            return format!("<generated>{}", vpath.get_with_slash());
        }
        match self.files.loader().resolve(vpath) {
            Ok(path) => path.display().to_string(),
            Err(_) => vpath.get_with_slash().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loader() -> (tempfile::TempDir, Loader) {
        let dir = tempfile::tempdir().unwrap();
        let layouts = dir.path().join("layouts");
        let edition = dir.path().join("edition");
        std::fs::create_dir_all(&layouts).unwrap();
        std::fs::create_dir_all(edition.join("photos")).unwrap();
        std::fs::write(layouts.join("a.typ"), "a").unwrap();
        std::fs::write(edition.join("photos/p.jpg"), "p").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(
            dir.path().join("secret.txt"),
            edition.join("photos/link.jpg"),
        )
        .unwrap();
        let loader = Loader {
            layouts,
            edition,
            generated: HashMap::new(),
            replaced: HashMap::new(),
            used_layouts: Mutex::default(),
        };
        (dir, loader)
    }

    fn load(loader: &Loader, path: &str) -> FileResult<Bytes> {
        loader.load(file_id(path))
    }

    #[test]
    fn sees_the_two_roots_and_nothing_else() {
        let (_dir, loader) = loader();
        assert_eq!(load(&loader, "/layouts/a.typ").unwrap().as_slice(), b"a");
        assert_eq!(
            load(&loader, "/edition/photos/p.jpg").unwrap().as_slice(),
            b"p"
        );
        assert!(matches!(
            load(&loader, "/secret.txt"),
            Err(FileError::NotFound(_))
        ));
        assert!(matches!(
            load(&loader, "/etc/passwd"),
            Err(FileError::NotFound(_))
        ));
        assert!(load(&loader, "/edition/../secret.txt").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_a_root_are_refused() {
        let (_dir, loader) = loader();
        assert!(matches!(
            load(&loader, "/edition/photos/link.jpg"),
            Err(FileError::AccessDenied)
        ));
    }
}
