//! Builds an edition: load → correct punctuation → compose each page →
//! encode → write. Every page is composed and encoded before anything is
//! written, so a failing page leaves every earlier output untouched.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::compose::{Grid, compose_page, template_warnings};
use crate::content::{
    Correction, Edition, correct_punctuation, load_edition, uncovered_characters,
};
use crate::diag::{Error, Warning};
use crate::export::{OutputFormat, encode, write_atomic};
use crate::fonts::Fonts;
use crate::home::Home;
use crate::world::PageWorld;

/// What a build should produce.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// PDF for print, PNG or SVG proofs.
    pub format: OutputFormat,
    /// Pixels per inch for PNG proofs.
    pub ppi: f32,
    /// Output folder; `output/<edition-id>` when `None`.
    pub out_dir: Option<PathBuf>,
    /// Set half-width punctuation between Chinese characters full-width.
    pub punct_fix: bool,
}

impl Default for BuildOptions {
    fn default() -> Self {
        Self {
            format: OutputFormat::Pdf,
            ppi: 150.0,
            out_dir: None,
            punct_fix: true,
        }
    }
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// The edition as loaded.
    pub edition: Edition,
    /// Files written, one per page.
    pub outputs: Vec<PathBuf>,
    /// Everything the desk should look at.
    pub warnings: Vec<Warning>,
    /// Punctuation set full-width.
    pub corrections: Vec<Correction>,
    /// The grid each page's layout reported, by page number.
    pub grids: Vec<(u32, Grid)>,
}

/// The long-lived part of a build: where layouts are and the loaded fonts.
/// Create once, build many editions.
pub struct Builder {
    home: Home,
    fonts: Arc<Fonts>,
}

impl Builder {
    /// Loads the font metadata from `home.fonts` (and the system's if asked).
    pub fn new(home: Home, system_fonts: bool) -> Result<Self, Error> {
        let fonts = Arc::new(Fonts::load(&home.fonts, system_fonts)?);
        Ok(Self { home, fonts })
    }

    /// The fonts this builder uses.
    pub fn fonts(&self) -> &Fonts {
        &self.fonts
    }

    /// Loads an edition and applies punctuation correction if asked.
    pub fn load(
        &self,
        dir: &Path,
        punct_fix: bool,
    ) -> Result<(Edition, Vec<Warning>, Vec<Correction>), Error> {
        let (mut edition, mut warnings) = load_edition(dir, &self.home.layouts)?;
        let book = self.fonts.book();
        let covered = |c: char| {
            (0..)
                .map_while(|i| book.info(i))
                .any(|info| info.coverage.contains(c as u32))
        };
        warnings.extend(uncovered_characters(&edition, &covered));
        let mut corrections = Vec::new();
        if punct_fix {
            for page in &mut edition.pages {
                for article in &mut page.articles {
                    corrections.extend(correct_punctuation(article));
                }
            }
        }
        Ok((edition, warnings, corrections))
    }

    /// Builds every page of the edition in `dir`.
    pub fn build(&self, dir: &Path, options: &BuildOptions) -> Result<BuildReport, Error> {
        let (edition, mut warnings, corrections) = self.load(dir, options.punct_fix)?;
        let out_dir = options
            .out_dir
            .clone()
            .unwrap_or_else(|| Path::new("output").join(&edition.id));
        let mut world = PageWorld::new(&self.home.layouts, &edition.dir, self.fonts.clone());
        let mut files = Vec::new();
        let mut grids = Vec::new();
        for page in &edition.pages {
            let composed = compose_page(&mut world, &edition, page)?;
            warnings.extend(template_warnings(page, &composed.warnings));
            let ident = format!("{}/{}", edition.id, page.number);
            let bytes = encode(&composed.document, options.format, options.ppi, &ident)?;
            let name = format!(
                "{}-{:02}.{}",
                edition.id,
                page.number,
                options.format.extension()
            );
            files.push((out_dir.join(name), bytes));
            grids.push((page.number, composed.grid));
        }
        let mut outputs = Vec::new();
        for (path, bytes) in files {
            write_atomic(&path, &bytes)?;
            outputs.push(path);
        }
        Ok(BuildReport {
            edition,
            outputs,
            warnings,
            corrections,
            grids,
        })
    }
}
