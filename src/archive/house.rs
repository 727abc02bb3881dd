//! The house's print configuration in the archive: `print.toml` (beside
//! `layouts/`) and the printer profile it names are kept in every revision,
//! at the revision's root as they stand beside `layouts/` in the house, so
//! that `regenerate` sets the pages again under the same output intent and
//! colour as `archive` set them, byte for byte, years after the house
//! changed its plant. The edition's own `[print]` and profile travel with
//! the edition folder.

use std::path::{Component, Path, PathBuf};

use super::hash::sha256_file;
use super::manifest::Manifest;
use crate::content::PrintConfig;
use crate::diag::Error;
use crate::home::Home;

/// Where the house file is kept in a revision (the revision's `layouts/`
/// has it beside it, as the house has).
pub const HOUSE_PRINT: &str = "print.toml";

/// The top-level names a revision uses for itself: a house profile may not
/// be kept under them.
const RESERVED: [&str; 7] = [
    "edition",
    "layouts",
    "pages",
    "print",
    "text.json",
    "manifest.json",
    "manifest.sha256",
];

/// The house's print files as the archive keeps them: (path in the
/// revision, file), `print.toml` first; none when the house has no
/// `print.toml`. The profile must lie in print.toml's folder (below it,
/// not under a name the revision uses itself).
pub fn house_print_files(home: &Home) -> Result<Vec<(PathBuf, PathBuf)>, Error> {
    let file = home.print_file();
    if !file.is_file() {
        return Ok(Vec::new());
    }
    let mut files = vec![(PathBuf::from(HOUSE_PRINT), file.clone())];
    let config = PrintConfig::load_house(&file)?;
    if let Some(profile) = config.profile {
        let house = file.parent().unwrap_or(Path::new("."));
        let rel = profile.path.strip_prefix(house).ok().filter(|rel| {
            rel.components().all(|c| matches!(c, Component::Normal(_)))
                && rel.components().next().is_some_and(|first| {
                    !RESERVED.contains(&first.as_os_str().to_string_lossy().as_ref())
                })
                && *rel != Path::new(HOUSE_PRINT)
        });
        let Some(rel) = rel else {
            return Err(Error::content(
                profile.location.clone(),
                t!(
                    "archive-house-profile",
                    profile = &profile.path,
                    folder = house,
                    reserved = RESERVED[..4].join("/, ") + "/",
                ),
            ));
        };
        files.push((rel.to_path_buf(), profile.path.clone()));
    }
    Ok(files)
}

/// Whether the house's print files equal those the revision `manifest`
/// keeps (a revision archived before they were kept never does).
pub fn house_unchanged(manifest: &Manifest, house: &[(PathBuf, PathBuf)]) -> Result<bool, Error> {
    if !manifest.print_config {
        return Ok(false);
    }
    let kept = |rel: &Path| {
        let rel = super::slash_path(rel);
        manifest.files.iter().find(|f| f.path == rel)
    };
    if house.is_empty() {
        return Ok(kept(Path::new(HOUSE_PRINT)).is_none());
    }
    for (rel, src) in house {
        match kept(rel) {
            Some(entry) if sha256_file(src)?.0 == entry.sha256 => {}
            _ => return Ok(false),
        }
    }
    Ok(true)
}
