//! `--emit-typst`: the page as a plain Typst project that Typst itself
//! compiles, wherever the folder is copied, to the page banmian set.
//!
//! The project is compiled here by a bare Typst world — the project folder
//! as root, its fonts/ folder plus Typst's embedded fonts, nothing of
//! banmian's — as `typst compile main.typ --font-path fonts
//! --ignore-system-fonts` does. (BENCHMARKS.md compares with the real CLI.)

use std::path::{Path, PathBuf};

use crate::support::{banmian, copy_edition, seed};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::fonts::{FontStore, embedded, scan};
use typst_layout::PagedDocument;

/// A world that knows one folder and nothing else.
struct Bare {
    root: PathBuf,
    library: LazyHash<Library>,
    fonts: FontStore,
    main: FileId,
}

impl Bare {
    fn new(root: &Path) -> Self {
        let mut fonts = FontStore::new();
        fonts.extend(scan(&root.join("fonts")));
        fonts.extend(embedded());
        let main =
            RootedPath::new(VirtualRoot::Project, VirtualPath::new("/main.typ").unwrap()).intern();
        Self {
            root: root.to_path_buf(),
            library: LazyHash::new(Library::builder().build()),
            fonts,
            main,
        }
    }

    fn read(&self, id: FileId) -> FileResult<Vec<u8>> {
        let path = id.vpath().realize(&self.root).map_err(FileError::Realize)?;
        std::fs::read(&path).map_err(|e| FileError::from_io(e, &path))
    }
}

impl World for Bare {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }
    fn main(&self) -> FileId {
        self.main
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        let text = String::from_utf8(self.read(id)?).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text))
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.read(id).map(Bytes::new)
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }
    fn today(&self, _: Option<Duration>) -> Option<Datetime> {
        None
    }
}

fn compile(project: &Path) -> PagedDocument {
    let world = Bare::new(project);
    typst::compile::<PagedDocument>(&world)
        .output
        .unwrap_or_else(|e| panic!("the emitted project does not compile: {e:?}"))
}

#[test]
fn the_emitted_project_compiles_alone_to_the_same_page() {
    let tmp = tempfile::tempdir().unwrap();
    let ed = copy_edition(&seed(), tmp.path(), "xianning-2021");
    // One real picture, so the project must carry the files the page reads.
    let photo = "photos/01-tongshan-mufushan-road.jpg";
    std::fs::create_dir_all(ed.join("photos")).unwrap();
    image::GrayImage::from_fn(1100, 850, |x, y| image::Luma([((x ^ y) % 251) as u8]))
        .save(ed.join(photo))
        .unwrap();
    banmian(
        tmp.path(),
        &[
            "build",
            "xianning-2021",
            "--format",
            "png",
            "--ppi",
            "30",
            "-o",
            "png",
            "--emit-typst",
            "emitted",
        ],
    )
    .expect_success();
    let project = tmp.path().join("emitted/xianning-2021-05");
    for file in [
        "main.typ",
        "data.json",
        "README.txt",
        "layouts/feature.typ",
        "layouts/style.typ",
    ] {
        assert!(project.join(file).is_file(), "{file} is in the project");
    }
    assert!(
        project.join("edition").join(photo).is_file(),
        "the picture is in the project"
    );
    assert!(project.join("fonts/NotoSerifCJK-Regular.ttc").is_file());
    let main = std::fs::read_to_string(project.join("main.typ")).unwrap();
    assert!(
        main.contains("/layouts/feature.typ") && main.contains("json(\"/data.json\")"),
        "{main}"
    );

    // Copied alone to an empty folder, it compiles to the same bytes.
    let elsewhere = tempfile::tempdir().unwrap();
    copy_edition(&project, elsewhere.path(), "p");
    let here = compile(&project);
    let there = compile(&elsewhere.path().join("p"));
    let pdf = |d: &PagedDocument| typst_pdf::pdf(d, &typst_pdf::PdfOptions::default()).unwrap();
    assert_eq!(
        pdf(&here),
        pdf(&there),
        "the project does not depend on where it is"
    );

    // And it is the page banmian set: the same pixels as banmian's proof.
    assert_eq!(here.pages().len(), 1);
    // banmian's proofs are on white paper (the page itself paints none).
    let mut paper = here.pages()[0].clone();
    paper.fill = typst::foundations::Smart::Custom(Some(typst::visualize::Color::WHITE.into()));
    let png = typst_render::render(
        &paper,
        &typst_render::RenderOptions {
            pixel_per_pt: typst::utils::Scalar::new(30.0 / 72.0),
            render_bleed: false,
        },
    )
    .encode_png()
    .unwrap();
    let banmian_png = std::fs::read(tmp.path().join("png/xianning-2021-05.png")).unwrap();
    assert!(
        png == banmian_png,
        "the emitted project renders differently from banmian's page"
    );
}
