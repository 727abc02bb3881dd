//! Builds an edition: load → correct punctuation → compose each page →
//! encode → write. Every page is composed and encoded before anything is
//! written, so a failing page leaves every earlier output untouched.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::check::{Finding, check_page};
use crate::compose::{ComposedPage, Grid, compose_page, template_warnings};
use crate::content::{Correction, Edition, correct_punctuation, load_edition};
use crate::data::Proof;
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
    /// Proof marks (only for PNG and SVG proofs).
    pub proof: Proof,
}

impl Default for BuildOptions {
    fn default() -> Self {
        Self {
            format: OutputFormat::Pdf,
            ppi: 150.0,
            out_dir: None,
            punct_fix: true,
            proof: Proof::default(),
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
    /// Breaks of the line-composition rules found on the laid-out pages.
    pub findings: Vec<Finding>,
}

/// What `banmian check` found, without writing anything.
#[derive(Debug)]
pub struct CheckReport {
    /// The edition as loaded.
    pub edition: Edition,
    /// Loading warnings (missing pictures, …).
    pub warnings: Vec<Warning>,
    /// The grid each page's layout reported, by page number.
    pub grids: Vec<(u32, Grid)>,
    /// Breaks of the line-composition rules.
    pub findings: Vec<Finding>,
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
        let (mut edition, warnings) = load_edition(dir, &self.home.layouts)?;
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

    /// Lays out every page of an edition and checks its composition;
    /// nothing is written.
    pub fn check(&self, dir: &Path, punct_fix: bool) -> Result<CheckReport, Error> {
        let (edition, mut warnings, _) = self.load(dir, punct_fix)?;
        let mut grids = Vec::new();
        let mut findings = Vec::new();
        self.compose_all(&edition, Proof::default(), |page, composed| {
            warnings.extend(template_warnings(page, &composed.warnings));
            findings.extend(check_page(&composed.document, &composed.grid, page.number));
            grids.push((page.number, composed.grid));
            Ok(())
        })?;
        Ok(CheckReport {
            edition,
            warnings,
            grids,
            findings,
        })
    }

    /// Lays out every page of the edition in `dir` and returns them by page
    /// number, for callers that inspect the laid-out document.
    pub fn lay_out(&self, dir: &Path, punct_fix: bool) -> Result<Vec<(u32, ComposedPage)>, Error> {
        let (edition, _, _) = self.load(dir, punct_fix)?;
        let mut pages = Vec::new();
        self.compose_all(&edition, Proof::default(), |page, composed| {
            pages.push((page.number, composed));
            Ok(())
        })?;
        Ok(pages)
    }

    /// Composes each page of `edition` in turn and hands it to `f`.
    fn compose_all(
        &self,
        edition: &Edition,
        proof: Proof,
        mut f: impl FnMut(&crate::content::Page, ComposedPage) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut world = PageWorld::new(&self.home.layouts, &edition.dir, self.fonts.clone());
        for page in &edition.pages {
            f(page, compose_page(&mut world, edition, page, proof)?)?;
        }
        Ok(())
    }

    /// Builds every page of the edition in `dir`.
    pub fn build(&self, dir: &Path, options: &BuildOptions) -> Result<BuildReport, Error> {
        let (edition, mut warnings, corrections) = self.load(dir, options.punct_fix)?;
        let out_dir = options
            .out_dir
            .clone()
            .unwrap_or_else(|| Path::new("output").join(&edition.id));
        let mut files = Vec::new();
        let mut grids = Vec::new();
        let mut findings = Vec::new();
        self.compose_all(&edition, options.proof, |page, composed| {
            warnings.extend(template_warnings(page, &composed.warnings));
            findings.extend(check_page(&composed.document, &composed.grid, page.number));
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
            Ok(())
        })?;
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
            findings,
        })
    }
}
