//! Builds an edition: load (pictures checked whole) → correct punctuation → compose
//! each page → encode → preflight → write. Every page is composed, encoded
//! and preflighted before anything is written, so a failing page — or one
//! the preflight refuses — leaves every earlier output untouched.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::check::{Finding, check_page};
use crate::compose::{ComposedPage, Grid, compose_page, compose_page_with, template_warnings};
use crate::content::{
    Correction, Edition, Page, correct_punctuation, load_edition, uncovered_characters,
};
use crate::data::Proof;
use crate::diag::{Error, Warning};
use crate::emit::Project;
use crate::export::{OutputFormat, encode, write_all_atomic};
use crate::fonts::Fonts;
use crate::home::Home;
use crate::preflight::{self, Check, FontLicence, MISSING, PrintSettings, Severity};
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
    /// Pages go to `<out_dir>/<edition-id>/` (batch builds) rather than
    /// straight into `out_dir`.
    pub per_edition: bool,
    /// Set half-width punctuation between Chinese characters full-width.
    pub punct_fix: bool,
    /// Proof marks (only for PNG and SVG proofs).
    pub proof: Proof,
    /// What the preflight checks against.
    pub print: PrintSettings,
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
    pub findings: Vec<Finding>,
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
        !self
            .findings
            .iter()
            .any(|f| f.severity == Severity::Error || strict)
    }
}

/// What one build leaves for the next build of the same edition: the
/// Typst world, with its file cache, so unchanged files are not parsed
/// again and Typst's memoised layout is reused. `watch` keeps one alive;
/// one-off builds start from an empty one. The output does not depend on
/// it, only the time a build takes.
#[derive(Default)]
pub struct Session {
    world: Option<(PathBuf, PageWorld)>,
    /// A second world, for compiling two column heights at once.
    spare: Option<(PathBuf, PageWorld)>,
    speculate: bool,
}

impl Session {
    /// A session for a desk waiting on its rebuilds (`watch`): the first
    /// two steps of each page's fit search run at once, on two cores,
    /// which costs a second world's memory.
    pub fn live() -> Self {
        Self {
            speculate: true,
            ..Self::default()
        }
    }

    /// The world for the edition in `dir`, created on first use or when
    /// the session moves to another edition or other fonts.
    fn world(&mut self, layouts: &Path, dir: &Path, fonts: &Arc<Fonts>) -> &mut PageWorld {
        world_in(&mut self.world, layouts, dir, fonts)
    }
}

/// The world kept in `slot`, replaced when it was made for another edition
/// folder or other fonts.
fn world_in<'a>(
    slot: &'a mut Option<(PathBuf, PageWorld)>,
    layouts: &Path,
    dir: &Path,
    fonts: &Arc<Fonts>,
) -> &'a mut PageWorld {
    let fresh = match slot {
        Some((d, w)) => d != dir || !w.uses(fonts),
        None => true,
    };
    if fresh {
        *slot = Some((
            dir.to_path_buf(),
            PageWorld::new(layouts, dir, fonts.clone()),
        ));
    }
    &mut slot.as_mut().expect("just set").1
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

    /// Where this builder finds layouts and fonts.
    pub fn home(&self) -> &Home {
        &self.home
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
        warnings.extend(uncovered_characters(&edition, &self.fonts.coverage()));
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
        self.compose_all(
            &mut Session::default(),
            &edition,
            Proof::default(),
            |page, composed, _| {
                warnings.extend(template_warnings(page, &composed.warnings));
                findings.extend(check_page(&composed.document, &composed.grid, page.number));
                grids.push((page.number, composed.grid));
                Ok(())
            },
        )?;
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
        self.compose_all(
            &mut Session::default(),
            &edition,
            Proof::default(),
            |page, composed, _| {
                pages.push((page.number, composed));
                Ok(())
            },
        )?;
        Ok(pages)
    }

    /// Preflights every page of the edition in `dir` as it would be printed:
    /// pictures, layout, and the PDF each page would be written as.
    pub fn preflight(
        &self,
        dir: &Path,
        settings: &PrintSettings,
    ) -> Result<PreflightReport, Error> {
        let (edition, _, _) = self.load(dir, true)?;
        let licences = self.licences()?;
        let mut findings = Vec::new();
        let mut session = Session::default();
        let world = session.world(&self.home.layouts, &edition.dir, &self.fonts);
        for page in &edition.pages {
            match compose_page(world, &edition, page, Proof::default()) {
                Ok(composed) => {
                    let pdf = encode(
                        &composed.document,
                        OutputFormat::Pdf,
                        72.0,
                        &ident(&edition, page),
                    )?;
                    findings.extend(preflight::check_layout(page, &composed, settings));
                    findings.extend(preflight::check_pdf(
                        &pdf,
                        &edition.format,
                        page.number,
                        &licences,
                    ));
                }
                Err(Error::Overset {
                    location,
                    page: number,
                    chars,
                    lines,
                    chars_per_line,
                }) => {
                    findings.push(
                        preflight::Finding::new(
                            Severity::Error,
                            Check::Overset,
                            number,
                            "body",
                            format!("{chars} characters (about {lines} lines of {chars_per_line}) did not fit"),
                        )
                        .at(location),
                    );
                }
                Err(e) => return Err(e),
            }
        }
        preflight::sort(&mut findings);
        Ok(PreflightReport { edition, findings })
    }

    fn licences(&self) -> Result<Vec<FontLicence>, Error> {
        preflight::load_font_licences(&self.home.fonts)
    }

    /// Composes each page of `edition` in turn and hands it to `f`.
    fn compose_all(
        &self,
        session: &mut Session,
        edition: &Edition,
        proof: Proof,
        mut f: impl FnMut(&Page, ComposedPage, &mut PageWorld) -> Result<(), Error>,
    ) -> Result<(), Error> {
        for page in &edition.pages {
            let layouts = &self.home.layouts;
            let world = world_in(&mut session.world, layouts, &edition.dir, &self.fonts);
            let spare = session
                .speculate
                .then(|| world_in(&mut session.spare, layouts, &edition.dir, &self.fonts));
            let composed = compose_page_with(world, spare, edition, page, proof, "")?;
            f(page, composed, world)?;
        }
        Ok(())
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
        let (edition, mut warnings, corrections) = self.load(dir, options.punct_fix)?;
        let licences = self.licences()?;
        let out_dir = match &options.out_dir {
            Some(dir) if options.per_edition => dir.join(&edition.id),
            Some(dir) => dir.clone(),
            None => Path::new("output").join(&edition.id),
        };
        if let Some(dir) = &options.emit_typst {
            crate::emit::check_target(dir, &[&self.home.fonts, &self.home.layouts, &edition.dir])?;
        }
        let mut files = Vec::new();
        let mut grids = Vec::new();
        let mut findings = Vec::new();
        let mut projects = Vec::new();
        self.compose_all(session, &edition, options.proof, |page, composed, world| {
            if options.emit_typst.is_some() {
                let name = format!("{}-{:02}", edition.id, page.number);
                projects.push(Project::gather(name, world, page, &composed.data));
            }
            warnings.extend(template_warnings(page, &composed.warnings));
            findings.extend(preflight::check_layout(page, &composed, &options.print));
            let bytes = encode(
                &composed.document,
                options.format,
                options.ppi,
                &ident(&edition, page),
            )?;
            if options.format == OutputFormat::Pdf {
                findings.extend(preflight::check_pdf(
                    &bytes,
                    &edition.format,
                    page.number,
                    &licences,
                ));
            }
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
        // Missing pictures were reported when the edition was loaded.
        findings.retain(|f| !(f.check == Check::Pictures && f.message.starts_with(MISSING)));
        preflight::sort(&mut findings);
        let blocking: Vec<String> = findings
            .iter()
            .filter(|f| options.refuse && (f.severity == Severity::Error || options.strict))
            .map(ToString::to_string)
            .collect();
        if !blocking.is_empty() {
            return Err(Error::Preflight(blocking));
        }
        let changed = self.fonts.changed_files();
        if !changed.is_empty() {
            let names: Vec<String> = changed.iter().map(|p| p.display().to_string()).collect();
            return Err(Error::Setup(format!(
                "font file(s) changed while the pages were being set: {}; nothing was written, run the build again",
                names.join(", ")
            )));
        }
        write_all_atomic(&files)?;
        if let Some(dir) = &options.emit_typst {
            for project in &projects {
                project.write(dir, &self.home.fonts)?;
            }
        }
        let outputs = files.into_iter().map(|(path, _)| path).collect();
        Ok(BuildReport {
            edition,
            outputs,
            warnings,
            corrections,
            grids,
            preflight: findings,
        })
    }
}

/// The stable PDF identifier of a page: edition id and page number.
fn ident(edition: &Edition, page: &Page) -> String {
    format!("{}/{}", edition.id, page.number)
}
