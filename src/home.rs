//! Finds the installation's `layouts/` and `fonts/` folders (and the house
//! `print.toml` beside them), so that the binary works from any working
//! directory on an edition anywhere on disk.

use std::path::{Path, PathBuf};

use crate::diag::Error;

/// The two folders a build reads besides the edition itself.
#[derive(Debug, Clone)]
pub struct Home {
    /// The Typst templates (`layouts/`).
    pub layouts: PathBuf,
    /// The font files the pages use (`fonts/`).
    pub fonts: PathBuf,
}

impl Home {
    /// Locates the folders. Explicit paths win; otherwise the first of these
    /// that holds both `layouts/` and `fonts/`: `$BANMIAN_HOME`, the folders
    /// above the running executable (a `cargo build` or an unpacked release),
    /// `<exe>/../share/banmian`, and the source tree the binary was built from.
    pub fn locate(layouts: Option<&Path>, fonts: Option<&Path>) -> Result<Self, Error> {
        let base = candidates()
            .into_iter()
            .find(|d| d.join("layouts").is_dir() && d.join("fonts").is_dir());
        let pick = |explicit: Option<&Path>, name: &str| -> Result<PathBuf, Error> {
            let dir = match (explicit, &base) {
                (Some(p), _) => p.to_path_buf(),
                (None, Some(b)) => b.join(name),
                (None, None) => {
                    return Err(Error::Install(t!("layout-home-not-found", name = name)));
                }
            };
            if dir.is_dir() {
                Ok(dir)
            } else {
                Err(Error::Install(t!(
                    "layout-home-not-a-folder",
                    path = dir.display(),
                    name = name
                )))
            }
        };
        Ok(Self {
            layouts: pick(layouts, "layouts")?,
            fonts: pick(fonts, "fonts")?,
        })
    }
}

impl Home {
    /// The house's print configuration, `print.toml` in the folder that
    /// holds `layouts/` (it need not exist: see
    /// [`crate::content::PrintConfig::load_house`]).
    pub fn print_file(&self) -> PathBuf {
        let parent = self.layouts.parent().unwrap_or(Path::new("."));
        parent.join("print.toml")
    }
}

fn candidates() -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Some(home) = std::env::var_os("BANMIAN_HOME") {
        out.push(PathBuf::from(home));
    }
    if let Ok(exe) = std::env::current_exe().and_then(|e| e.canonicalize()) {
        out.extend(exe.ancestors().skip(1).take(4).map(Path::to_path_buf));
        if let Some(dir) = exe.parent() {
            out.push(dir.join("../share/banmian"));
        }
    }
    out.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    out
}
