//! `--emit-typst`: writes a page as a self-contained Typst project — the
//! generated main file, the page's data as JSON, the layout files and the
//! pictures it read, and the fonts — that the stock `typst` CLI compiles to
//! the same page:
//!
//! ```text
//! typst compile main.typ page.pdf --font-path fonts --ignore-system-fonts
//! ```
//!
//! It lets a layout be debugged with Typst's own tools, and it is the
//! yardstick banmian's speed is measured against.

use std::path::{Path, PathBuf};

use crate::compose::main_source;
use crate::content::Page;
use crate::diag::Error;
use crate::world::{DATA, MAIN, PageWorld};

/// How to compile the emitted project, written beside it.
const README: &str = "This folder was written by `banmian build --emit-typst`.\n\
It is a plain Typst project: main.typ calls the page's layout with the page's\n\
data (data.json); layouts/ and edition/ hold the files the page reads; fonts/\n\
holds the fonts. Compile it with Typst 0.15.1:\n\n\
    typst compile main.typ page.pdf --font-path fonts --ignore-system-fonts\n";

/// Writes the project for `page` into `dir` (created; an existing project
/// there is replaced file by file). `world` must be the world the page was
/// just composed in: the files it read are the ones copied.
pub fn emit_project(
    dir: &Path,
    world: &mut PageWorld,
    page: &Page,
    data: &[u8],
    fonts_dir: &Path,
) -> Result<Vec<PathBuf>, Error> {
    let mut written = Vec::new();
    let mut put = |rel: &str, bytes: &[u8]| -> Result<(), Error> {
        let path = dir.join(rel.trim_start_matches('/'));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        crate::export::write_atomic(&path, bytes)?;
        written.push(path);
        Ok(())
    };
    put(MAIN, main_source(page).as_bytes())?;
    put(DATA, data)?;
    put("/README.txt", README.as_bytes())?;
    for (vpath, real) in world.dependencies() {
        let bytes = std::fs::read(&real).map_err(|e| Error::io(&real, e))?;
        put(&vpath, &bytes)?;
    }
    link_fonts(fonts_dir, &dir.join("fonts"))?;
    Ok(written)
}

/// Puts the fonts (and their licences and notes) into the project: hard
/// links where the file system allows, copies otherwise.
fn link_fonts(from: &Path, to: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(to).map_err(|e| Error::io(to, e))?;
    for entry in std::fs::read_dir(from).map_err(|e| Error::io(from, e))? {
        let entry = entry.map_err(|e| Error::io(from, e))?;
        let src = entry.path();
        let dst = to.join(entry.file_name());
        if src.is_dir() {
            link_fonts(&src, &dst)?;
            continue;
        }
        if dst.exists() {
            std::fs::remove_file(&dst).map_err(|e| Error::io(&dst, e))?;
        }
        if std::fs::hard_link(&src, &dst).is_err() {
            std::fs::copy(&src, &dst).map_err(|e| Error::io(&dst, e))?;
        }
    }
    Ok(())
}
