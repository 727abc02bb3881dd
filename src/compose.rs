//! Content → laid-out page: one function, [`compose_page`], that compiles a
//! page in a [`PageWorld`] and insists that it fits on one page.

use std::cell::Cell;

use typst::diag::{Severity, SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Label, Selector, Value};
use typst::introspection::Introspector;
use typst::layout::{Frame, FrameItem};
use typst::syntax::FileId;
use typst::utils::PicoStr;
use typst::visualize::{ExchangeFormat, RasterImage};
use typst_kit::diagnostics::termcolor::NoColor;
use typst_kit::diagnostics::{DiagnosticFormat, emit};
use typst_layout::PagedDocument;

use crate::content::{Article, Edition, Jump, Page, block_chars, runs_out};
use crate::data::{OversetMark, PageData, PrinterMarks, Proof};
use crate::diag::{Error, Location, Warning};
use crate::makeup::{Measures, Plan, Request, Unfit, make_up};
use crate::plan_memo::{Remembered, shape_of};
use crate::world::PageWorld;

mod news;

/// How many times a placing pass may find the body longer than the
/// planner's column simulation before the page counts as overset.
const MAX_SLACK: usize = 3;

/// Grid facts a layout publishes as `metadata(…) <banmian-grid>`, in
/// points from the page's top-left corner.
#[derive(Debug, Clone, Copy, Default)]
pub struct Grid {
    /// Characters in one full body line.
    pub chars_per_line: usize,
    /// Body columns.
    pub columns: usize,
    /// Body text size.
    pub body_size: f64,
    /// Width of one body column.
    pub col_w: f64,
    /// Gutter between columns.
    pub gutter: f64,
    /// Left edge of the body's first column.
    pub margin_left: f64,
    /// Where the body columns begin.
    pub body_top: f64,
    /// Where the body columns end.
    pub body_bottom: f64,
    /// Where the elements under the display head begin.
    pub band_top: f64,
    /// Left and right edges of the boxes (equal without boxes).
    pub side_left: f64,
    /// Right edge of the boxes.
    pub side_right: f64,
    /// Body lines each column holds.
    pub lines_per_column: usize,
    /// Distance from one body baseline to the next.
    pub pitch: f64,
    /// The foot of the type area (above the staff line).
    pub type_bottom: f64,
    /// Top of a body line's box above its baseline, in ems (`top-edge`).
    pub text_top_em: f64,
}

impl Grid {
    /// Left edge of body column `col` (1-based).
    pub fn column_x(&self, col: usize) -> f64 {
        self.margin_left + (col.max(1) - 1) as f64 * (self.col_w + self.gutter)
    }
}

/// A page laid out on exactly one page.
pub struct ComposedPage {
    /// The laid-out document (one page).
    pub document: PagedDocument,
    /// The grid the layout reported.
    pub grid: Grid,
    /// Where the planner put each element (`None` for a layout that
    /// makes up its page itself, publishing no measures).
    pub plan: Option<Plan>,
    /// Typst's warnings, rendered.
    pub warnings: Vec<String>,
    /// The page's data as the layout received it (JSON).
    pub data: Vec<u8>,
    /// Typst compilations the page cost: one when the last plan still held,
    /// two (measure, place) when it was planned, more when the body ran
    /// past the planner's simulation.
    pub compilations: usize,
    /// Where each story that jumps to a later page was cut (news pages):
    /// its continuation takes the rest.
    pub jumps: Vec<Jump>,
    /// A proof of an overset page: why it does not fit (a proof build
    /// reports it; a print build never gets here, it stops with it).
    pub overset: Option<Error>,
}

/// The generated main file of a page: it imports the page's layout and
/// hands it the page's data.
pub fn main_source(page: &Page) -> String {
    format!(
        "#import \"/layouts/{}.typ\": render\n#render(json(\"{}\"))\n",
        page.layout,
        crate::world::DATA
    )
}

/// Compiles `page` of `edition` in `world`: a measuring pass, the plan,
/// a placing pass. A page whose content does not fit is an
/// [`Error::Overset`] that says how much did not fit.
pub fn compose_page(
    world: &mut PageWorld,
    edition: &Edition,
    page: &Page,
    proof: Proof,
) -> Result<ComposedPage, Error> {
    let dress = Dress {
        proof,
        ..Dress::default()
    };
    compose_page_with(world, edition, page, &dress, "")
}

/// [`compose_page`] dressed as `dress` says (proof marks, printer's marks,
/// changes highlighted), and Typst markup set before the page's layout, e.g. the `pdf.attach` calls that put an archived page's sources
/// inside it (the preamble is banmian's own code, never content).
///
/// One compilation when `world` made up this page before and the edit
/// since left its shape as it was (the last plan is placed again, see
/// [`crate::plan_memo`]); otherwise two when the planner's column
/// simulation holds (the placing pass reuses the measuring pass's memoised
/// paragraphs), and one more for each line the placed body turned out
/// longer.
pub fn compose_page_with(
    world: &mut PageWorld,
    edition: &Edition,
    page: &Page,
    dress: &Dress,
    preamble: &str,
) -> Result<ComposedPage, Error> {
    let main = format!("{preamble}{}", main_source(page));
    let job = Job {
        edition,
        page,
        dress,
        main: &main,
        compilations: Cell::new(0),
    };
    if let Some(composed) = job.replace(world) {
        return Ok(composed);
    }
    let (measuring, data, warnings) = job.compile(world, None)?;
    if let Some(measures) = news::read_measures(&measuring) {
        return news::compose(&job, world, &measures);
    }
    let files = world.snapshot();
    let article = page
        .articles
        .first()
        .ok_or_else(|| job.no_metadata("banmian-measure"))?;
    let Some(measures) = read_measures(&measuring) else {
        // A layout that makes up its page itself: its first pass is the page.
        let grid = read_grid(&measuring).ok_or_else(|| job.no_metadata("banmian-grid"))?;
        if measuring.pages().len() != 1 {
            return Err(job.overset(&measuring, &grid, article));
        }
        return Ok(job.composed(measuring, data, warnings, grid, None, Vec::new()));
    };
    for slack in 0..=MAX_SLACK {
        let request = Request {
            measures: &measures,
            article,
            page,
            slack,
        };
        let plan = match make_up(&request) {
            Ok(plan) => plan,
            Err(unfit) => {
                let error = job.unfit(unfit, article, &measures);
                if !(job.dress.proof.marks && matches!(error, Error::Overset { .. })) {
                    return Err(error);
                }
                return job.cut_proof(world, &measures, article, error);
            }
        };
        let (document, data, warnings) = job.compile(world, Some(&plan))?;
        let grid = read_grid(&document).ok_or_else(|| job.no_metadata("banmian-grid"))?;
        if fits(&document, &grid) {
            job.remember(world, slack, files, &measures, &plan);
            return Ok(job.composed(document, data, warnings, grid, Some(plan), Vec::new()));
        }
        if slack == MAX_SLACK {
            world.plans().forget(page.number);
            let error = job.overset(&document, &grid, article);
            if job.dress.proof.marks {
                return job.overset_proof(world, plan, error);
            }
            return Err(error);
        }
    }
    unreachable!("the last slack returns")
}

/// Whether the body ended inside its rectangle on the one page.
fn fits(document: &PagedDocument, grid: &Grid) -> bool {
    if document.pages().len() != 1 {
        return false;
    }
    let Some(label) = Label::new(PicoStr::intern("banmian-body-end")) else {
        return false;
    };
    let introspector = document.introspector();
    let Some(end) = introspector
        .query(&Selector::Label(label))
        .first()
        .and_then(|c| c.location())
    else {
        return false;
    };
    let Some(at) = introspector.position(end) else {
        return false;
    };
    let y = at.point.y.to_pt();
    at.page.get() == 1 && y <= grid.body_bottom + 0.5 && y >= grid.body_top - 0.5
}

/// What is drawn on a page besides its content.
#[derive(Debug, Clone, Default)]
pub struct Dress {
    /// Proof marks (PNG and SVG proofs).
    pub proof: Proof,
    /// Printer's marks outside the trim ([`crate::data::PrinterMarks`]).
    pub marks: bool,
    /// Text to highlight where the page prints it: the changes
    /// `archive diff --pdf` shows the desk to sign off.
    pub highlights: Vec<String>,
}

/// One page to compile, to measure or to place.
struct Job<'a> {
    edition: &'a Edition,
    page: &'a Page,
    dress: &'a Dress,
    main: &'a str,
    /// Compilations so far.
    compilations: Cell<usize>,
}

impl Job<'_> {
    /// The page composed: `document` as compiled from `data` (with
    /// Typst's `warnings`), its `grid`, the `plan` it was placed with and
    /// where its jumping stories were cut.
    fn composed(
        &self,
        document: PagedDocument,
        data: Vec<u8>,
        warnings: Vec<String>,
        grid: Grid,
        plan: Option<Plan>,
        jumps: Vec<Jump>,
    ) -> ComposedPage {
        ComposedPage {
            document,
            grid,
            plan,
            warnings,
            data,
            compilations: self.compilations.get(),
            jumps,
            overset: None,
        }
    }

    /// The error for a layout that does not publish what banmian reads.
    fn no_metadata(&self, label: &str) -> Error {
        let text = t!(
            "layout-no-metadata",
            layout = &self.page.layout,
            label = label
        );
        Error::Template(format!("{}\n", t!("label-error", text = text)))
    }

    /// Why no plan holds the page, as the error a desk reads.
    fn unfit(&self, unfit: Unfit, article: &Article, measures: &Measures) -> Error {
        match unfit {
            Unfit::Headline { smallest } => {
                let first = article.headline.first();
                let line = first.map_or(1, |t| t.line);
                Error::content(
                    Location::at(&article.file, line, 1).with_field("headline"),
                    t!("layout-headline-too-wide", smallest = smallest),
                )
            }
            Unfit::Body {
                lines_per_column,
                columns,
            } => {
                let per_line = measures.grid.chars_per_line.max(1);
                self.overset_by(article, lines_per_column * columns * per_line, per_line)
            }
        }
    }

    /// What did not fit when the placed body ran past its rectangle.
    fn overset(&self, document: &PagedDocument, grid: &Grid, article: &Article) -> Error {
        let chars: usize = document.pages()[1..]
            .iter()
            .map(|p| count_chars(&p.frame))
            .sum();
        let per_line = grid.chars_per_line.max(1);
        self.overset_by(article, chars.max(per_line), per_line)
    }

    /// `article` overset by `chars` characters (`per_line` to a body
    /// line): the error names the paragraph's line and the sentence where
    /// the page runs out, when the characters fall in the body.
    fn overset_by(&self, article: &Article, chars: usize, per_line: usize) -> Error {
        let (location, from) = match runs_out(article, chars) {
            Some((line, sentence)) => (
                Location {
                    line: Some(line),
                    field: Some("body".into()),
                    ..Location::file(&article.file)
                },
                sentence,
            ),
            None => (Location::file(&article.file), String::new()),
        };
        Error::Overset {
            location,
            page: self.page.number,
            chars,
            lines: chars.div_ceil(per_line),
            chars_per_line: u32::try_from(per_line).unwrap_or(u32::MAX),
            from: from.into(),
        }
    }

    /// The page placed with the last plan made for it, when the page's
    /// shape is as it was then (see [`crate::plan_memo`]); `None` when it
    /// is not, or the placed page shows otherwise, and the page must be
    /// made up afresh.
    fn replace(&self, world: &mut PageWorld) -> Option<ComposedPage> {
        let number = self.page.number;
        let shape = shape_of(&self.data(None), self.main, self.page);
        let last = world.plans().get(number)?;
        if last.shape != shape {
            world.plans().forget(number);
            return None;
        }
        let (plan, files, blocks) = (last.plan.clone(), last.files.clone(), last.blocks.clone());
        let json = self.load(world, Some(&plan));
        let placed = world.unchanged(&files).then(|| self.typeset(world, json));
        let Some(Ok((document, data, warnings))) = placed else {
            world.plans().forget(number);
            return None;
        };
        let grid = read_grid(&document)?;
        let same = read_blocks(&document).is_some_and(|b| b == blocks);
        if !(same && fits(&document, &grid)) {
            world.plans().forget(number);
            return None;
        }
        Some(self.composed(document, data, warnings, grid, Some(plan), Vec::new()))
    }

    /// Remembers the plan a page was placed with, when a rebuild can place
    /// it again without measuring: only a plan made at no slack (with
    /// slack, the page's fit depended on more than its line counts).
    fn remember(
        &self,
        world: &mut PageWorld,
        slack: usize,
        files: Vec<(FileId, Bytes)>,
        measures: &Measures,
        plan: &Plan,
    ) {
        let number = self.page.number;
        if slack > 0 {
            world.plans().forget(number);
            return;
        }
        let remembered = Remembered {
            shape: shape_of(&self.data(None), self.main, self.page),
            files,
            blocks: measures.blocks.clone(),
            plan: plan.clone(),
        };
        world.plans().put(number, remembered);
    }

    /// The page's data, with `plan` or without.
    fn data(&self, plan: Option<&Plan>) -> PageData {
        let mut data = PageData::new(self.edition, self.page, self.dress.proof);
        data.marks = self.dress.marks.then(|| PrinterMarks::of(&data));
        data.highlights = self.dress.highlights.clone();
        data.plan = plan.cloned();
        data
    }

    /// Compiles the page in `world`: to measure without a plan, to place
    /// with one. Returns the document, the data it was given (JSON) and
    /// Typst's warnings, rendered.
    fn compile(
        &self,
        world: &mut PageWorld,
        plan: Option<&Plan>,
    ) -> Result<(PagedDocument, Vec<u8>, Vec<String>), Error> {
        let json = self.load(world, plan);
        self.typeset(world, json)
    }

    /// Hands `world` the page's main source and data (with `plan`, or
    /// without to measure); returns the data (JSON).
    fn load(&self, world: &mut PageWorld, plan: Option<&Plan>) -> Vec<u8> {
        self.load_data(world, &self.data(plan))
    }

    /// Hands `world` the page's main source and `data`; returns it (JSON).
    fn load_data(&self, world: &mut PageWorld, data: &PageData) -> Vec<u8> {
        let edition = self.edition;
        let date = (edition.date.year, edition.date.month, edition.date.day);
        let json = serde_json::to_vec(data).expect("page data serialises");
        world.set_page(self.main.to_string(), json.clone(), date);
        json
    }

    /// The proof of an overset page (a proof build): placed with `plan`
    /// once more, marked where the body runs out, the text that did not
    /// fit on a second page; `error` travels with it, for the report.
    fn overset_proof(
        &self,
        world: &mut PageWorld,
        plan: Plan,
        error: Error,
    ) -> Result<ComposedPage, Error> {
        let Error::Overset {
            location,
            chars,
            lines,
            from,
            ..
        } = &error
        else {
            return Err(error);
        };
        let mut data = self.data(Some(&plan));
        data.overset = Some(OversetMark {
            chars: *chars,
            lines: *lines,
            from: from.to_string(),
            at: location.to_string(),
        });
        let json = self.load_data(world, &data);
        let (document, data, warnings) = self.typeset(world, json)?;
        let grid = read_grid(&document).ok_or_else(|| self.no_metadata("banmian-grid"))?;
        let mut composed = self.composed(document, data, warnings, grid, Some(plan), Vec::new());
        composed.overset = Some(error);
        Ok(composed)
    }

    /// The proof of a page whose body the planner cannot fit at all (a
    /// proof build): the body's last blocks left out until a plan holds,
    /// the page placed with what is left and marked where it runs out.
    /// `error` when even one block does not fit.
    fn cut_proof(
        &self,
        world: &mut PageWorld,
        measures: &Measures,
        article: &Article,
        error: Error,
    ) -> Result<ComposedPage, Error> {
        let over = match &error {
            Error::Overset { lines, .. } => *lines,
            _ => 0,
        };
        let (mut cut, mut measured) = (article.clone(), measures.clone());
        let (mut dropped, mut dropped_lines) = (0, 0);
        while cut.body.len() > 1 {
            dropped += cut.body.pop().as_ref().map_or(0, block_chars);
            dropped_lines += measured.blocks.pop().unwrap_or(0);
            // Planning is tried once enough lines are out to fit.
            if dropped_lines < over {
                continue;
            }
            let mut page = self.page.clone();
            page.articles[0] = cut.clone();
            let request = Request {
                measures: &measured,
                article: &cut,
                page: &page,
                slack: 0,
            };
            let Ok(plan) = make_up(&request) else {
                continue;
            };
            let job = Job {
                page: &page,
                compilations: Cell::new(self.compilations.get()),
                ..*self
            };
            let per_line = measures.grid.chars_per_line.max(1);
            let error = self.overset_by(article, dropped, per_line);
            let composed = job.overset_proof(world, plan, error);
            self.compilations.set(job.compilations.get());
            return composed;
        }
        Err(error)
    }

    /// Compiles what [`Job::load`] handed `world`.
    fn typeset(
        &self,
        world: &mut PageWorld,
        json: Vec<u8>,
    ) -> Result<(PagedDocument, Vec<u8>, Vec<String>), Error> {
        let page = self.page;
        self.compilations.set(self.compilations.get() + 1);
        let Warned { output, warnings } = typst::compile::<PagedDocument>(&*world);
        let warnings = render_diagnostics(world, &warnings);
        let document = output.map_err(|errors| {
            unset_picture(page, &errors)
                .unwrap_or_else(|| Error::Template(render_diagnostics(world, &errors).join("")))
        })?;
        Ok((document, json, warnings))
    }
}

/// Reads the `<banmian-measure>` metadata of a measuring pass.
fn read_measures(document: &PagedDocument) -> Option<Measures> {
    let value = metadata(document, "banmian-measure")?;
    serde_json::from_value(serde_json::to_value(value).ok()?).ok()
}

/// The body blocks' line counts a placing pass publishes, one
/// `<banmian-block>` metadata per block in document order (`None` when
/// there are none, or one is not a count).
fn read_blocks(document: &PagedDocument) -> Option<Vec<usize>> {
    let label = Label::new(PicoStr::intern("banmian-block"))?;
    let found = document.introspector().query(&Selector::Label(label));
    let counts = found.iter().map(|c| {
        let value = c.get_by_name("value").ok()?;
        serde_json::from_value(serde_json::to_value(value).ok()?).ok()
    });
    let counts: Option<Vec<usize>> = counts.collect();
    counts.filter(|c| !c.is_empty())
}

/// The value of the first `metadata` labelled `label`.
fn metadata(document: &PagedDocument, label: &str) -> Option<Value> {
    let label = Label::new(PicoStr::intern(label))?;
    let found = document.introspector().query(&Selector::Label(label));
    found.first().and_then(|c| c.get_by_name("value").ok())
}

/// When Typst could not set a picture (the checks at load passed, but
/// its decoder refuses the file), the photo field that names it, found by
/// decoding the page's pictures one by one as Typst does. Only a failed
/// compilation pays for this; each picture is within the decoded-size
/// limits already.
fn unset_picture(page: &Page, errors: &[SourceDiagnostic]) -> Option<Error> {
    if !errors.iter().any(|e| e.message.contains("image")) {
        return None;
    }
    page.articles
        .iter()
        .flat_map(|a| &a.photos)
        .find_map(|photo| {
            let (path, info) = (photo.path.as_ref()?, photo.info.as_ref()?);
            let data = std::fs::read(path).ok()?;
            let format = if info.format == "PNG" {
                ExchangeFormat::Png
            } else {
                ExchangeFormat::Jpg
            };
            let message = RasterImage::plain(Bytes::new(data), format).err()?;
            Some(Error::content(
                photo.file_location.clone(),
                t!(
                    "layout-picture-unset",
                    path = path.display(),
                    error = message.to_string()
                ),
            ))
        })
}

/// Reads the `<banmian-grid>` metadata a layout publishes.
fn read_grid(document: &PagedDocument) -> Option<Grid> {
    let Some(Value::Dict(dict)) = metadata(document, "banmian-grid") else {
        return None;
    };
    let num = |k: &str| {
        dict.get(k)
            .ok()
            .and_then(|v| v.clone().cast::<f64>().ok())
            .unwrap_or(0.0)
    };
    let grid = Grid {
        chars_per_line: num("chars-per-line").max(0.0) as usize,
        columns: num("columns").max(0.0) as usize,
        body_size: num("body-size-pt"),
        col_w: num("column-width-pt"),
        gutter: num("gutter-pt"),
        margin_left: num("margin-left-pt"),
        body_top: num("body-top-pt"),
        body_bottom: Some(num("body-bottom-pt"))
            .filter(|b| *b > 0.0)
            .unwrap_or(f64::MAX),
        band_top: num("band-top-pt"),
        side_left: num("side-left-pt"),
        side_right: num("side-right-pt"),
        lines_per_column: num("lines-per-column").max(0.0) as usize,
        pitch: num("pitch-pt"),
        type_bottom: num("type-bottom-pt"),
        text_top_em: num("text-top-em"),
    };
    let sane = grid.columns > 0
        && grid.chars_per_line > 0
        && grid.body_size > 0.0
        && grid.col_w > 0.0
        && grid.pitch > 0.0;
    sane.then_some(grid)
}

/// Counts the visible characters set in a frame (whitespace excluded).
pub fn count_chars(frame: &Frame) -> usize {
    frame
        .items()
        .map(|(_, item)| match item {
            FrameItem::Group(g) => count_chars(&g.frame),
            FrameItem::Text(t) => t.text.chars().filter(|c| !c.is_whitespace()).count(),
            _ => 0,
        })
        .sum()
}

/// Renders Typst diagnostics as the Typst CLI would, with source snippets.
pub fn render_diagnostics(world: &PageWorld, diags: &[SourceDiagnostic]) -> Vec<String> {
    diags
        .iter()
        .map(|d| {
            let mut out = NoColor::new(Vec::new());
            if emit(&mut out, world, std::iter::once(d), DiagnosticFormat::Human).is_err() {
                let kind = if d.severity == Severity::Error {
                    "error"
                } else {
                    "warning"
                };
                return format!("{kind}: {}\n", d.message);
            }
            String::from_utf8_lossy(&out.into_inner()).into_owned()
        })
        .collect()
}

/// Warnings from Typst as banmian warnings about the layout.
pub fn template_warnings(page: &Page, rendered: &[String]) -> Vec<Warning> {
    rendered
        .iter()
        .map(|w| Warning {
            location: page.location.clone(),
            message: t!(
                "layout-template-warning",
                layout = &page.layout,
                text = w.trim_end()
            ),
        })
        .collect()
}
