//! What the page-setting commands do with the pipeline's pages
//! ([`crate::pipeline`]): `build` writes them — every page composed,
//! encoded and preflighted before anything is written, so a failing page,
//! or one the preflight refuses, leaves every earlier output untouched —
//! `check` reports their composition and `preflight` what the plant would
//! find.

use std::path::{Path, PathBuf};

use crate::check::RuleBreak;
use crate::compose::{ComposedPage, Grid};
use crate::content::{Correction, Edition, PrintConfig};
use crate::data::Proof;
use crate::diag::{Error, Warning};
use crate::export::OutputFormat;
use crate::files::check_folder;
use crate::names::{default_out_dir, page_file_name};
use crate::pipeline::{Encoding, SetOptions};
use crate::preflight::{self, PictureMode, PrintSettings};
use crate::publish::publish;
use crate::whole::{edition_pdf_findings, whole_edition};

pub use crate::pipeline::Builder;
pub use crate::session::Session;

/// What a build should produce.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// PDF for print, PNG or SVG proofs.
    pub format: OutputFormat,
    /// Pixels per inch for PNG proofs.
    pub ppi: f32,
    /// Output folder; `output/<edition-id>` when `None`.
    pub out_dir: Option<PathBuf>,
    /// Pages go to `<out_dir>/<edition-id>/` (batch builds) rather than
    /// straight into `out_dir`.
    pub per_edition: bool,
    /// Set half-width punctuation between Chinese characters full-width.
    pub punct_fix: bool,
    /// Proof marks (only for PNG and SVG proofs).
    pub proof: Proof,
    /// What the preflight checks against.
    pub print: PrintSettings,
    /// The command line's print configuration, over the edition's
    /// `[print]` and the house's `print.toml` (whose colour and minimum
    /// resolution then replace `print`'s, and whose output intent makes
    /// the PDFs PDF/X-4).
    pub print_config: PrintConfig,
    /// Preflight warnings stop the build too.
    pub strict: bool,
    /// Preflight errors stop the build (the print profile); when false
    /// (proofs) findings are only reported.
    pub refuse: bool,
    /// Also write each page as a plain Typst project into
    /// `<dir>/<edition-id>-<page>/` (see [`crate::emit`]).
    pub emit_typst: Option<PathBuf>,
}

impl Default for BuildOptions {
    fn default() -> Self {
        Self {
            format: OutputFormat::Pdf,
            ppi: 150.0,
            out_dir: None,
            per_edition: false,
            punct_fix: true,
            proof: Proof::default(),
            print: PrintSettings::default(),
            print_config: PrintConfig::default(),
            strict: false,
            refuse: true,
            emit_typst: None,
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
    /// The files of the whole edition written beside the pages (none for
    /// a one-page edition): the edition PDF (PDF builds), the proof sheet.
    pub edition_files: Vec<PathBuf>,
    /// Loading and template warnings.
    pub warnings: Vec<Warning>,
    /// Punctuation set full-width.
    pub corrections: Vec<Correction>,
    /// The grid each page's layout reported, by page number.
    pub grids: Vec<(u32, Grid)>,
    /// The preflight's findings (warnings only: errors stop the build).
    pub preflight: Vec<preflight::Finding>,
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
    pub findings: Vec<RuleBreak>,
}

/// What `banmian preflight` found, without writing anything.
#[derive(Debug)]
pub struct PreflightReport {
    /// The edition as loaded.
    pub edition: Edition,
    /// Every finding, errors first.
    pub findings: Vec<preflight::Finding>,
}

impl PreflightReport {
    /// Whether the pages may be released (no errors; no warnings if strict).
    pub fn passes(&self, strict: bool) -> bool {
        !self.findings.iter().any(|f| f.blocks(strict))
    }
}

impl Builder {
    /// The pipeline's options for a build with `options`.
    fn build_options(options: &BuildOptions) -> SetOptions {
        SetOptions {
            punct_fix: options.punct_fix,
            proof: options.proof,
            encoding: Some(Encoding {
                format: options.format,
                ppi: options.ppi,
            }),
            preflight: Some(options.print),
            gray: options.print.mode == PictureMode::Gray,
            print: Some(options.print_config.clone()),
            emit_typst: options.emit_typst.is_some(),
            // The edition PDF and the proof sheet are made from them.
            keep_layout: true,
            ..SetOptions::default()
        }
    }

    /// Lays out every page of an edition and checks its composition;
    /// nothing is written.
    pub fn check(&self, dir: &Path, punct_fix: bool) -> Result<CheckReport, Error> {
        let options = SetOptions {
            punct_fix,
            ..SetOptions::default()
        };
        let set = self.set_pages(&mut Session::default(), dir, &options)?;
        Ok(CheckReport {
            grids: set.pages.iter().map(|p| (p.number, p.grid)).collect(),
            findings: set.pages.into_iter().flat_map(|p| p.composition).collect(),
            edition: set.edition,
            warnings: set.warnings,
        })
    }

    /// Lays out every page of the edition in `dir` and returns them by page
    /// number, for callers that inspect the laid-out document.
    pub fn lay_out(&self, dir: &Path, punct_fix: bool) -> Result<Vec<(u32, ComposedPage)>, Error> {
        let options = SetOptions {
            punct_fix,
            keep_layout: true,
            ..SetOptions::default()
        };
        let set = self.set_pages(&mut Session::default(), dir, &options)?;
        Ok(set
            .pages
            .into_iter()
            .filter_map(|p| Some((p.number, p.composed?)))
            .collect())
    }

    /// Preflights every page of the edition in `dir` as it would be printed:
    /// pictures, layout, and the PDF each page would be written as; and
    /// the edition PDF a build writes beside them. `config` is the command
    /// line's print configuration (see [`BuildOptions::print_config`]).
    pub fn preflight(
        &self,
        dir: &Path,
        settings: &PrintSettings,
        config: &PrintConfig,
    ) -> Result<PreflightReport, Error> {
        let options = SetOptions {
            punct_fix: true,
            encoding: Some(Encoding::PRINT),
            preflight: Some(*settings),
            gray: settings.mode == PictureMode::Gray,
            print: Some(config.clone()),
            overset_is_finding: true,
            // The edition PDF is made from them.
            keep_layout: true,
            ..SetOptions::default()
        };
        let mut set = self.set_pages(&mut Session::default(), dir, &options)?;
        let licences = preflight::load_font_licences(&self.home().fonts)?;
        let whole = edition_pdf_findings(&set, &licences)?;
        set.findings.extend(whole);
        preflight::sort(&mut set.findings);
        Ok(PreflightReport {
            edition: set.edition,
            findings: set.findings,
        })
    }

    /// Builds every page of the edition in `dir`. The preflight runs on
    /// every page; its errors (and, with `strict`, its warnings) stop the
    /// build before anything is written.
    pub fn build(&self, dir: &Path, options: &BuildOptions) -> Result<BuildReport, Error> {
        self.build_in(&mut Session::default(), dir, options)
    }

    /// [`Builder::build`] in a long-lived session: unchanged work from the
    /// session's earlier builds is reused.
    pub fn build_in(
        &self,
        session: &mut Session,
        dir: &Path,
        options: &BuildOptions,
    ) -> Result<BuildReport, Error> {
        if let Some(out) = &options.out_dir {
            // Said before the pages are set, not after.
            check_folder(out)?;
        }
        if let Some(target) = &options.emit_typst {
            let home = self.home();
            crate::emit::check_target(target, &[&home.fonts, &home.layouts, dir])?;
        }
        let mut set = self.set_pages(session, dir, &Self::build_options(options))?;
        let out_dir = match &options.out_dir {
            Some(dir) if options.per_edition => dir.join(&set.edition.id),
            Some(dir) => dir.clone(),
            None => default_out_dir(&set.edition.id),
        };
        // Missing pictures were reported when the edition was loaded.
        set.findings.retain(|f| !f.is_missing_picture());
        let licences = preflight::load_font_licences(&self.home().fonts)?;
        let whole = whole_edition(&set, options.format, &licences)?;
        set.findings.extend(whole.findings);
        preflight::sort(&mut set.findings);
        if options.refuse {
            set.refuse_blocked(options.strict)?;
        }
        self.refuse_changed_fonts()?;
        let edition = &set.edition;
        let mut files = Vec::new();
        let mut projects = Vec::new();
        for (page, set_page) in edition.pages.iter().zip(&mut set.pages) {
            let name = page_file_name(&edition.id, page.number, options.format);
            files.push((out_dir.join(name), set_page.bytes.take().expect("encoded")));
            projects.extend(set_page.project.take());
        }
        let pages = files.len();
        files.extend((whole.files.into_iter()).map(|(name, bytes)| (out_dir.join(name), bytes)));
        publish(&files)?;
        if let Some(dir) = &options.emit_typst {
            for project in &projects {
                project.write(dir, &self.home().fonts)?;
            }
        }
        let mut outputs: Vec<PathBuf> = files.into_iter().map(|(path, _)| path).collect();
        let edition_files = outputs.split_off(pages);
        Ok(BuildReport {
            outputs,
            edition_files,
            grids: set.pages.iter().map(|p| (p.number, p.grid)).collect(),
            edition: set.edition,
            warnings: set.warnings,
            corrections: set.corrections,
            preflight: set.findings,
        })
    }

    /// Refuses to write pages set with a font file that changed meanwhile.
    fn refuse_changed_fonts(&self) -> Result<(), Error> {
        let changed = self.fonts().changed_files();
        if changed.is_empty() {
            return Ok(());
        }
        let names: Vec<String> = changed.iter().map(|p| p.display().to_string()).collect();
        let files = names.join(&t!("run-list-separator"));
        Err(Error::Changed(t!("run-fonts-changed", files = files)))
    }
}
