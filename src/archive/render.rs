//! Sets an edition's pages for the archive through the one pipeline
//! ([`crate::pipeline`]): each page as archival PDF/A-3b carrying the
//! edition's sources (`edition.toml` and the page's articles) as attached
//! files, and as the print PDF `build` writes. With a CMYK output intent
//! configured the archived page is the print page's colours and pictures
//! (PDF/X-4 and PDF/A-3b at once); without, Typst's PDF/A in sRGB and
//! grey, and the print PDF beside it. `archive` and `regenerate`
//! both set pages through this one function, from the same kind of inputs:
//! an edition folder, a layouts folder and an exact list of font files.
//! An edition of several pages also gets its print edition PDF, as `build`
//! writes it; not a PDF/A one: each PDF/A page already carries the sources
//! it was set from, and the edition's pages are those pages in page order.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::content::{Edition, PrintConfig};
use crate::diag::{Error, Warning};
use crate::export::OutputFormat;
use crate::fonts::Fonts;
use crate::home::Home;
use crate::names::{edition_file_name, page_file_name};
use crate::pipeline::{Builder, Encoding, SetOptions};
use crate::preflight::PrintSettings;
use crate::session::Session;
use crate::whole::{edition_pdf, edition_print};

pub use crate::archival::{OUTPUT_INPUT, PDF_STANDARD};

/// One page set for the archive.
pub struct RenderedPage {
    /// 版次.
    pub number: u32,
    /// The file name, as `build` names it: `<edition-id>-<NN>.pdf`.
    pub file_name: String,
    /// The archival PDF/A-3b.
    pub bytes: Vec<u8>,
    /// The print PDF, byte for byte what `banmian build` writes.
    pub print: Vec<u8>,
}

/// An edition set for the archive.
pub struct Rendered {
    /// The edition as loaded (punctuation corrected as on the page).
    pub edition: Edition,
    /// Loading and template warnings.
    pub warnings: Vec<Warning>,
    /// The pages, in edition order.
    pub pages: Vec<RenderedPage>,
    /// The files of the layouts folder the pages read, relative to it.
    pub layouts_used: Vec<PathBuf>,
    /// The print PDF of the whole edition, byte for byte what `build`
    /// writes as `<edition-id>.pdf`: file name and bytes; `None` for a
    /// one-page edition.
    pub edition_print: Option<(String, Vec<u8>)>,
}

/// Whether the pages must pass the print preflight before they are kept.
#[derive(Debug, Clone)]
pub enum Release {
    /// A new revision: the pages are refused as a print build refuses them
    /// (the preflight's errors, with the default print settings); the
    /// fonts' licences are read from this fonts folder.
    Checked {
        /// The installation's `fonts/` folder, with `fonts.toml`.
        licences: PathBuf,
    },
    /// An archived revision set again: it is compared, not judged.
    Unchecked,
}

/// Sets every page of the edition in `dir` with `layouts` and `fonts`
/// (loaded with [`Fonts::load_files`]). Half-width punctuation is set
/// full-width, as `build` does by default. With `print_config`, under the
/// print configuration as `build` reads it: the house file beside
/// `layouts` (`print.toml`) under the edition's `[print]`.
pub fn render(
    dir: &Path,
    layouts: &Path,
    fonts: Arc<Fonts>,
    release: &Release,
    print_config: bool,
) -> Result<Rendered, Error> {
    let licences = match release {
        Release::Checked { licences } => licences.clone(),
        // Read only by the preflight, which does not run.
        Release::Unchecked => PathBuf::new(),
    };
    let home = Home {
        layouts: layouts.to_path_buf(),
        fonts: licences,
    };
    let options = SetOptions {
        punct_fix: true,
        encoding: Some(Encoding::PRINT),
        archival: true,
        // The edition PDF is made from them.
        keep_layout: true,
        preflight: matches!(release, Release::Checked { .. }).then(PrintSettings::default),
        print: print_config.then(PrintConfig::default),
        ..SetOptions::default()
    };
    let mut session = Session::default();
    let set = Builder::with_fonts(home, fonts).set_pages(&mut session, dir, &options)?;
    set.refuse_blocked(false)?;
    let edition_print =
        edition_print(&set)?.map(|bytes| (edition_file_name(&set.edition.id), bytes));
    let pages = set
        .edition
        .pages
        .iter()
        .zip(set.pages)
        .map(|(page, set_page)| RenderedPage {
            number: page.number,
            file_name: page_file_name(&set.edition.id, page.number, OutputFormat::Pdf),
            bytes: set_page.archival.expect("set for the archive"),
            print: set_page.bytes.expect("encoded"),
        })
        .collect();
    Ok(Rendered {
        edition: set.edition,
        warnings: set.warnings,
        pages,
        layouts_used: session.used_layouts(),
        edition_print,
    })
}

/// The pages `numbers` of the edition in `dir` set with `highlights` (by
/// 版次) over their text, as one PDF in page order (a proof, never
/// printed): what `archive diff --pdf` gives the desk to sign a correction
/// off. Set as `render` sets them (`layouts`, `fonts`, the print
/// configuration with `print_config`).
pub fn highlighted_pdf(
    dir: &Path,
    layouts: &Path,
    fonts: Arc<Fonts>,
    print_config: bool,
    highlights: BTreeMap<u32, Vec<String>>,
    numbers: &BTreeSet<u32>,
) -> Result<Vec<u8>, Error> {
    let home = Home {
        layouts: layouts.to_path_buf(),
        fonts: PathBuf::new(),
    };
    let options = SetOptions {
        punct_fix: true,
        keep_layout: true,
        highlights,
        print: print_config.then(PrintConfig::default),
        ..SetOptions::default()
    };
    let mut session = Session::default();
    let set = Builder::with_fonts(home, fonts).set_pages(&mut session, dir, &options)?;
    let pages: Vec<(u32, &typst_layout::PagedDocument)> = (set.pages.iter())
        .filter(|p| numbers.contains(&p.number))
        .filter_map(|p| p.composed.as_ref().map(|c| (p.number, &c.document)))
        .collect();
    edition_pdf(&set.edition, &pages, None)
}
