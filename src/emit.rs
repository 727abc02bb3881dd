//! `--emit-typst`: writes a page as a self-contained Typst project — the
//! generated main file, the page's data as JSON, the layout files and the
//! pictures it read, and a copy of the fonts — that the stock `typst` CLI compiles to
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
holds copies of the fonts. Compile it with Typst 0.15.1:\n\n\
    typst compile main.typ page.pdf --font-path fonts --ignore-system-fonts\n";

/// A page's project, gathered while the page is composed and written only
/// once the whole build has passed (so a refused build leaves an earlier
/// project as it was).
pub struct Project {
    /// The project folder's name: `<edition-id>-<page>`.
    pub name: String,
    main: String,
    data: Vec<u8>,
    files: Vec<(String, PathBuf)>,
}

impl Project {
    /// Gathers what the page needs. `world` must be the world the page was
    /// just composed in: the files it read are the ones the project gets.
    pub fn gather(name: String, world: &mut PageWorld, page: &Page, data: &[u8]) -> Self {
        Self {
            name,
            main: main_source(page),
            data: data.to_vec(),
            files: world.dependencies(),
        }
    }

    /// Writes the project as `<dir>/<name>`: put together in a staging
    /// folder beside it, then swapped in whole, so an earlier project is
    /// replaced entirely (no stale files) or not at all.
    pub fn write(&self, dir: &Path, fonts_dir: &Path) -> Result<PathBuf, Error> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let staging = tempfile::Builder::new()
            .prefix(".banmian-")
            .tempdir_in(dir)
            .map_err(|e| Error::io(dir, e))?;
        let root = staging.path();
        let put = |rel: &str, bytes: &[u8]| -> Result<(), Error> {
            let path = root.join(rel.trim_start_matches('/'));
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
            }
            std::fs::write(&path, bytes).map_err(|e| Error::io(&path, e))
        };
        put(MAIN, self.main.as_bytes())?;
        put(DATA, &self.data)?;
        put("/README.txt", README.as_bytes())?;
        for (vpath, real) in &self.files {
            let bytes = std::fs::read(real).map_err(|e| Error::io(real, e))?;
            put(vpath, &bytes)?;
        }
        copy_fonts(fonts_dir, &root.join("fonts"))?;

        let target = dir.join(&self.name);
        let old = dir.join(format!(".banmian-old-{}", self.name));
        if target.exists() {
            if old.exists() {
                std::fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
            }
            std::fs::rename(&target, &old).map_err(|e| Error::io(&target, e))?;
        }
        let staged = staging.keep();
        std::fs::rename(&staged, &target).map_err(|e| Error::io(&target, e))?;
        if old.exists() {
            std::fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
        }
        Ok(target)
    }
}

/// Refuses an emit folder inside one a build reads (the fonts, the layouts,
/// the edition): the project's copy of the fonts would be copied into
/// itself, and later builds would read the projects.
pub fn check_target(dir: &Path, reads: &[&Path]) -> Result<(), Error> {
    let dir = normal(dir);
    for read in reads {
        let read = read.canonicalize().unwrap_or_else(|_| normal(read));
        if dir.starts_with(&read) {
            return Err(Error::Usage(t!(
                "run-emit-inside",
                dir = dir.display(),
                read = read.display()
            )));
        }
    }
    Ok(())
}

/// An absolute path with `.` and `..` resolved as far as the folders exist.
fn normal(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    // Canonicalise the longest existing ancestor, keep the rest as written.
    let mut rest = Vec::new();
    let mut cur = abs.as_path();
    loop {
        if let Ok(c) = cur.canonicalize() {
            let mut out = c;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return out;
        }
        match (cur.parent(), cur.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                cur = parent;
            }
            _ => return abs,
        }
    }
}

/// Copies the fonts (and their licences and notes) into the project. Copies,
/// not links: the project is for experimenting, and a change made there
/// must never reach the fonts every build uses.
fn copy_fonts(from: &Path, to: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(to).map_err(|e| Error::io(to, e))?;
    for entry in std::fs::read_dir(from).map_err(|e| Error::io(from, e))? {
        let entry = entry.map_err(|e| Error::io(from, e))?;
        let src = entry.path();
        let dst = to.join(entry.file_name());
        let kind = entry.file_type().map_err(|e| Error::io(&src, e))?;
        if kind.is_dir() {
            copy_fonts(&src, &dst)?;
        } else if src.is_dir() {
            // A link to a folder (perhaps to the folder itself): not copied.
            continue;
        } else {
            std::fs::copy(&src, &dst).map_err(|e| Error::io(&dst, e))?;
        }
    }
    Ok(())
}
