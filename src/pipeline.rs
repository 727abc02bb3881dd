//! One way from an edition to checked pages: load (pictures checked whole)
//! → correct punctuation → compose each page → check its composition →
//! encode → preflight. `build`, `check`, `preflight`, `watch`, batch builds,
//! `archive` and `regenerate` all set pages through [`Builder::set_pages`];
//! they differ only in the [`SetOptions`] they ask for and in what they do
//! with the [`SetEdition`] it returns.

use std::borrow::Cow;
use std::cell::RefCell;
use std::path::Path;
use std::sync::Arc;

use crate::archival::{attachments, explain_cmyk_pictures};
use crate::check::{self, check_page};
use crate::compose::{ComposedPage, Dress, Grid, compose_page_with, template_warnings};
use crate::content::{
    Article, Correction, Edition, Jump, JumpPart, Page, PictureMode, PrintConfig,
    correct_punctuation, load_edition, uncovered_characters,
};
use crate::convert::{self, Conversions};
use crate::data::Proof;
use crate::diag::{Error, Warning};
use crate::emit::Project;
use crate::export::{OutputFormat, encode, encode_archival, encode_pdf};
use crate::fonts::Fonts;
use crate::home::Home;
use crate::names::{page_ident, page_stem};
use crate::pdfx::OutputIntent;
use crate::preflight::{self, Check, FontLicence, PrintSettings, Severity};
use crate::session::Session;
use crate::world::PageWorld;

/// How a page is encoded.
#[derive(Debug, Clone, Copy)]
pub struct Encoding {
    /// PDF for print, PNG or SVG proofs.
    pub format: OutputFormat,
    /// Pixels per inch for PNG proofs.
    pub ppi: f32,
}

impl Encoding {
    /// The print PDF.
    pub const PRINT: Self = Self {
        format: OutputFormat::Pdf,
        ppi: 72.0,
    };
}

/// What [`Builder::set_pages`] should produce besides the laid-out pages.
#[derive(Debug, Clone, Default)]
pub struct SetOptions {
    /// Set half-width punctuation between Chinese characters full-width.
    pub punct_fix: bool,
    /// Proof marks drawn over the pages (PNG and SVG proofs only).
    pub proof: Proof,
    /// What each page is encoded as; `None` lays the pages out only.
    pub encoding: Option<Encoding>,
    /// Also set each page as archival PDF/A-3b with its sources attached.
    pub archival: bool,
    /// Run the preflight against these settings (on the encoded page when
    /// it is a PDF).
    pub preflight: Option<PrintSettings>,
    /// Set the pages for a black-only job: the layouts' colours are K only
    /// (see [`crate::session::COLOUR_INPUT`]).
    pub gray: bool,
    /// Draw printer's marks outside the trim (crop, bleed and registration
    /// marks, a slug line); set from the print configuration's `marks`.
    pub marks: bool,
    /// Text to highlight on each page (by 版次): `archive diff --pdf`.
    pub highlights: std::collections::BTreeMap<u32, Vec<String>>,
    /// A page that does not fit is a preflight finding, and the other
    /// pages are still set (`banmian preflight`); otherwise it is an error.
    pub overset_is_finding: bool,
    /// Keep each page's laid-out document in [`SetPage::composed`].
    pub keep_layout: bool,
    /// Gather each page's plain Typst project (`--emit-typst`).
    pub emit_typst: bool,
    /// Read the print configuration (the house's `print.toml` under the
    /// edition's `[print]`) under these command-line values: its colour
    /// and minimum resolution replace the preflight's, its output intent
    /// makes the print PDFs PDF/X-4. `None`: none is read, and the PDFs
    /// are plain.
    pub print: Option<PrintConfig>,
}

/// One page, set.
pub struct SetPage {
    /// 版次.
    pub number: u32,
    /// The grid the page's layout reported.
    pub grid: Grid,
    /// Breaks of the line-composition rules on the page.
    pub composition: Vec<check::RuleBreak>,
    /// The page encoded as asked, when it was.
    pub bytes: Option<Vec<u8>>,
    /// The archival PDF/A-3b, when asked for.
    pub archival: Option<Vec<u8>>,
    /// The laid-out page, when asked for.
    pub composed: Option<ComposedPage>,
    /// The page's Typst project, when asked for.
    pub project: Option<Project>,
}

/// An edition, set: what every command that sets pages starts from.
pub struct SetEdition {
    /// The edition as loaded (punctuation corrected as on the page).
    pub edition: Edition,
    /// Loading and layout warnings.
    pub warnings: Vec<Warning>,
    /// Punctuation set full-width.
    pub corrections: Vec<Correction>,
    /// The pages set, in edition order (an overset page is missing when
    /// it is a finding).
    pub pages: Vec<SetPage>,
    /// The preflight's findings, errors first.
    pub findings: Vec<preflight::Finding>,
    /// The output intent the print PDFs were made PDF/X-4 with, if any.
    pub intent: Option<Arc<OutputIntent>>,
}

impl SetEdition {
    /// The findings that stop a release: errors, and with `strict` any.
    pub fn blocking(&self, strict: bool) -> Vec<String> {
        self.findings
            .iter()
            .filter(|f| f.blocks(strict))
            .map(ToString::to_string)
            .collect()
    }

    /// Refuses the pages when the preflight does, with the message every
    /// command that releases pages gives.
    pub fn refuse_blocked(&self, strict: bool) -> Result<(), Error> {
        let blocking = self.blocking(strict);
        if blocking.is_empty() {
            Ok(())
        } else {
            Err(Error::Preflight(blocking))
        }
    }
}

/// The long-lived part of a build: where layouts are and the loaded fonts.
/// Create once, set many editions.
pub struct Builder {
    home: Home,
    fonts: Arc<Fonts>,
}

impl Builder {
    /// Loads the font metadata from `home.fonts` (and the system's if asked).
    pub fn new(home: Home, system_fonts: bool) -> Result<Self, Error> {
        let fonts = Arc::new(Fonts::load(&home.fonts, system_fonts)?);
        Ok(Self::with_fonts(home, fonts))
    }

    /// A builder over fonts already loaded, e.g. an exact list of archived
    /// font files; `home.fonts` then only gives the fonts' licences.
    pub fn with_fonts(home: Home, fonts: Arc<Fonts>) -> Self {
        Self { home, fonts }
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
                // A continuation's text is its first part's, corrected there.
                let whole = |a: &&mut Article| !matches!(a.jump, Some(JumpPart::Rest { .. }));
                for article in page.articles.iter_mut().filter(whole) {
                    corrections.extend(correct_punctuation(article));
                }
            }
        }
        Ok((edition, warnings, corrections))
    }

    /// Sets every page of the edition in `dir` as `options` asks, in
    /// `session`'s worlds. Nothing is written.
    pub fn set_pages(
        &self,
        session: &mut Session,
        dir: &Path,
        options: &SetOptions,
    ) -> Result<SetEdition, Error> {
        let (edition, warnings, corrections) = self.load(dir, options.punct_fix)?;
        let (options, intent, conversion) = self.settle_print(options, &edition)?;
        let licences = match options.preflight {
            Some(_) => preflight::load_font_licences(&self.home.fonts)?,
            None => Vec::new(),
        };
        let print_pdf = options
            .encoding
            .is_some_and(|e| e.format == OutputFormat::Pdf);
        // Pictures the job cannot print are converted to the output
        // intent's colour, for the print PDFs only.
        let converted = match &intent {
            Some(intent) if print_pdf => Conversions::of_edition(&edition, intent, conversion)?,
            _ => Conversions::default(),
        };
        let setter = Setter {
            builder: self,
            options: &options,
            licences,
            edition: &edition,
            intent: intent.as_deref(),
            converted,
            jumps: RefCell::new(Vec::new()),
        };
        let mut set = Gathered {
            warnings,
            pages: Vec::new(),
            findings: Vec::new(),
        };
        if options.print.is_some() && options.preflight.is_some() && print_pdf && intent.is_none() {
            set.findings.push(no_output_intent(&self.home.print_file()));
        }
        // In page-number order: a story's continuation takes what its
        // first page left over, and always continues on a later page.
        let mut order: Vec<&Page> = edition.pages.iter().collect();
        order.sort_by_key(|p| p.number);
        for page in order {
            let page = setter.continued(page)?;
            setter.set_page(session, &page, &mut set)?;
        }
        let place = |n: u32| edition.pages.iter().position(|p| p.number == n);
        set.pages.sort_by_key(|p| place(p.number));
        preflight::sort(&mut set.findings);
        Ok(SetEdition {
            edition,
            warnings: set.warnings,
            corrections,
            pages: set.pages,
            findings: set.findings,
            intent: intent.clone(),
        })
    }

    /// `options` with the print configuration settled (see
    /// [`SetOptions::print`]): the preflight's colour and minimum
    /// resolution as configured, the output intent, if one is, and how
    /// pictures are converted to it.
    fn settle_print<'o>(
        &self,
        options: &'o SetOptions,
        edition: &Edition,
    ) -> Result<Settled<'o>, Error> {
        let Some(overrides) = &options.print else {
            let mode = match options.gray {
                true => PictureMode::Gray,
                false => PictureMode::Cmyk,
            };
            let conversion = convert::Settings::new(mode, &PrintConfig::default());
            return Ok((Cow::Borrowed(options), None, conversion));
        };
        let house = PrintConfig::load_house(&self.home.print_file())?;
        let config = overrides.clone().over(edition.print.clone()).over(house);
        let mut settled = options.clone();
        if let Some(settings) = &mut settled.preflight {
            settings.mode = config.colour.unwrap_or(settings.mode);
            settings.min_ppi = config.min_ppi.unwrap_or(settings.min_ppi);
            settings.ink_limit = config.ink_limit.unwrap_or(settings.ink_limit);
            settings.measure_ink |= config.ink_limit.is_some();
            if settings.min_ppi > settings.max_ppi {
                return Err(Error::Usage(t!(
                    "layout-min-ppi-above-max",
                    min_ppi = settings.min_ppi,
                    max_ppi = settings.max_ppi
                )));
            }
        }
        let mode = (settled.preflight.map(|s| s.mode))
            .or(config.colour)
            .unwrap_or(PictureMode::Cmyk);
        // The job's colour as configured sets the layouts' colours too.
        settled.gray = mode == PictureMode::Gray;
        settled.marks = config.marks.unwrap_or(false);
        let intent = config.intent(mode)?.map(Arc::new);
        let conversion = convert::Settings::new(mode, &config);
        Ok((Cow::Owned(settled), intent, conversion))
    }
}

/// Set options with the print configuration settled, the output intent
/// and how pictures are converted to it.
type Settled<'o> = (
    Cow<'o, SetOptions>,
    Option<Arc<OutputIntent>>,
    convert::Settings,
);

/// The warning that the print PDFs are not PDF/X-4, saying where to
/// configure the output intent (`house`: the house's `print.toml`).
fn no_output_intent(house: &Path) -> preflight::Finding {
    preflight::Finding {
        severity: Severity::Warning,
        check: Check::Pdfx,
        page: None,
        place: t!("layout-place-output-intent"),
        source: None,
        message: t!("layout-no-output-intent", house = house.display()),
    }
}

/// What the pages of an edition have given so far.
struct Gathered {
    warnings: Vec<Warning>,
    pages: Vec<SetPage>,
    findings: Vec<preflight::Finding>,
}

/// Sets the pages of one edition, one at a time.
struct Setter<'a> {
    builder: &'a Builder,
    options: &'a SetOptions,
    licences: Vec<FontLicence>,
    edition: &'a Edition,
    /// The output intent print PDFs are made PDF/X-4 with.
    intent: Option<&'a OutputIntent>,
    /// The pictures converted for print, served in place of the files in
    /// the print world.
    converted: Conversions,
    /// Where the jumping stories of the pages set so far were cut.
    jumps: RefCell<Vec<Jump>>,
}

impl Setter<'_> {
    /// `page` with the text of each continuation on it: what its story's
    /// first page left over.
    fn continued<'p>(&self, page: &'p Page) -> Result<Cow<'p, Page>, Error> {
        let rest = |a: &Article| matches!(a.jump, Some(JumpPart::Rest { .. }));
        if !page.articles.iter().any(rest) {
            return Ok(Cow::Borrowed(page));
        }
        let jumps = self.jumps.borrow();
        let mut page = page.clone();
        for article in page.articles.iter_mut().filter(|a| rest(a)) {
            let Some(jump) = (jumps.iter()).find(|j| j.file == article.file && j.to == page.number)
            else {
                let from = match article.jump {
                    Some(JumpPart::Rest { from, .. }) => from,
                    _ => 0,
                };
                return Err(Error::content(
                    page.location.clone(),
                    t!(
                        "layout-jump-waits",
                        file = article.file.display(),
                        page = page.number,
                        from = from
                    ),
                ));
            };
            *article = jump.rest_part(article);
        }
        Ok(Cow::Owned(page))
    }

    /// Lays out, checks, encodes and preflights `page`, adding what it gives
    /// to `set`.
    fn set_page(
        &self,
        session: &mut Session,
        page: &Page,
        set: &mut Gathered,
    ) -> Result<(), Error> {
        let (mut composed, project) = match self.compose(session, page) {
            Ok(composed) => composed,
            Err(error) if self.options.overset_is_finding => {
                set.findings.push(overset_finding(error)?);
                return Ok(());
            }
            Err(error) => return Err(error),
        };
        set.warnings
            .extend(template_warnings(page, &composed.warnings));
        self.jumps
            .borrow_mut()
            .extend(composed.jumps.iter().cloned());
        if let Some(error) = composed.overset.take() {
            set.findings.push(overset_finding(error)?);
        }
        // The checks of the laid-out page run beside the PDF export, on the
        // other core: neither waits for the other (a rebuild in `watch`).
        let mut pdf_findings = Vec::new();
        let converted = &self.converted;
        let ((composition, layout_findings), bytes) = std::thread::scope(|scope| {
            let checks = scope.spawn(|| {
                let composition = check_page(&composed.document, &composed.grid, page.number);
                let findings = (self.options.preflight.as_ref()).map(|settings| {
                    preflight::check_layout(page, &composed, &composition, settings, converted)
                });
                (composition, findings.unwrap_or_default())
            });
            let bytes = self.encode(&composed, page, &mut pdf_findings);
            let checked = checks
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (checked, bytes)
        });
        set.findings.extend(layout_findings);
        set.findings.extend(pdf_findings);
        let bytes = bytes?;
        let archival = match self.options.archival {
            true => Some(self.set_archival(session, page)?),
            false => None,
        };
        set.pages.push(SetPage {
            number: page.number,
            grid: composed.grid,
            composition,
            bytes,
            archival,
            composed: self.options.keep_layout.then_some(composed),
            project,
        });
        Ok(())
    }

    /// The session's world for print pages, with the pictures converted
    /// for print in place of the originals.
    fn print_world<'s>(&self, session: &'s mut Session) -> &'s mut PageWorld {
        let (builder, edition) = (self.builder, self.edition);
        let world = session.world(
            &builder.home.layouts,
            &edition.dir,
            &builder.fonts,
            self.options.gray,
        );
        world.set_replaced(&self.converted.by_vpath);
        world
    }

    /// Lays `page` out in the session's print world.
    fn compose(
        &self,
        session: &mut Session,
        page: &Page,
    ) -> Result<(ComposedPage, Option<Project>), Error> {
        let edition = self.edition;
        let world = self.print_world(session);
        let dress = Dress {
            proof: self.options.proof,
            marks: self.options.marks,
            highlights: (self.options.highlights.get(&page.number).cloned()).unwrap_or_default(),
        };
        let composed = compose_page_with(world, edition, page, &dress, "")?;
        let project = self.options.emit_typst.then(|| {
            Project::gather(
                page_stem(&edition.id, page.number),
                world,
                page,
                &composed.data,
            )
        });
        Ok((composed, project))
    }

    /// Encodes a laid-out page as asked; a PDF is preflighted too.
    fn encode(
        &self,
        composed: &ComposedPage,
        page: &Page,
        findings: &mut Vec<preflight::Finding>,
    ) -> Result<Option<Vec<u8>>, Error> {
        let Some(encoding) = self.options.encoding else {
            return Ok(None);
        };
        let ident = page_ident(&self.edition.id, page.number);
        let bleed = self.edition.format.bleed_mm;
        let (Some(settings), OutputFormat::Pdf) = (&self.options.preflight, encoding.format) else {
            let (format, ppi) = (encoding.format, encoding.ppi);
            return encode(&composed.document, format, ppi, &ident, bleed, self.intent).map(Some);
        };
        // The preflight reads the document the PDF was written from.
        let (bytes, pdf) = encode_pdf(&composed.document, &ident, bleed, self.intent)?;
        findings.extend(preflight::check_pdf_document(
            &pdf,
            &bytes,
            &self.edition.format,
            page.number,
            &self.licences,
            settings,
        ));
        Ok(Some(bytes))
    }

    /// Sets `page` again for the archive, with its sources attached, and
    /// encodes it as PDF/A-3b: with a CMYK output intent, in the print
    /// page's colours and pictures (the print world, the converted
    /// pictures; PDF/X-4 and PDF/A-3b at once); without one, as Typst
    /// writes PDF/A, in the archive's sRGB and grey colours.
    fn set_archival(&self, session: &mut Session, page: &Page) -> Result<Vec<u8>, Error> {
        let (builder, edition) = (self.builder, self.edition);
        let preamble = attachments(edition, page);
        let ident = page_ident(&edition.id, page.number);
        let bleed = edition.format.bleed_mm;
        if let Some(intent) = self.intent.filter(|i| i.components == 4) {
            let world = self.print_world(session);
            let composed = compose_page_with(world, edition, page, &Dress::default(), &preamble)?;
            return encode_archival(&composed.document, &ident, bleed, Some(intent));
        }
        let world = session.archive_world(&builder.home.layouts, &edition.dir, &builder.fonts);
        let composed = compose_page_with(world, edition, page, &Dress::default(), &preamble)?;
        encode_archival(&composed.document, &ident, bleed, None)
            .map_err(|e| explain_cmyk_pictures(e, page))
    }
}

/// An overset page as a preflight finding; any other error stays one.
fn overset_finding(error: Error) -> Result<preflight::Finding, Error> {
    let Error::Overset {
        location,
        page,
        chars,
        lines,
        chars_per_line,
        from,
    } = error
    else {
        return Err(error);
    };
    let message = match from.is_empty() {
        true => t!(
            "layout-overset-finding",
            chars = chars,
            lines = lines,
            per_line = chars_per_line
        ),
        false => t!(
            "layout-overset-finding-from",
            chars = chars,
            lines = lines,
            per_line = chars_per_line,
            from = from
        ),
    };
    Ok(
        preflight::Finding::new(Severity::Error, Check::Overset, page, "body", message)
            .at(location),
    )
}
