//! Content → laid-out page: one function, [`compose_page`], that compiles a
//! page in a [`PageWorld`] and insists that it fits on one page.

use typst::diag::{Severity, SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Label, Selector, Value};
use typst::introspection::Introspector;
use typst::layout::{Frame, FrameItem};
use typst::utils::PicoStr;
use typst::visualize::{ExchangeFormat, RasterImage};
use typst_kit::diagnostics::termcolor::NoColor;
use typst_kit::diagnostics::{DiagnosticFormat, emit};
use typst_layout::PagedDocument;

use crate::content::{Edition, Page};
use crate::data::{Fit, PageData, Proof};
use crate::diag::{Error, Location, Warning};
use crate::world::PageWorld;

/// How far from its own estimate the driver moves a layout's column
/// height, in body lines, while fitting a page.
const MAX_LINES_DELTA: i32 = 40;

/// Grid facts a layout publishes as `metadata(…) <banmian-grid>`, in
/// points from the page's top-left corner.
#[derive(Debug, Clone, Copy, Default)]
pub struct Grid {
    /// Characters in one full body line.
    pub chars_per_line: usize,
    /// Body columns.
    pub columns: usize,
    /// Whether the flexible parts of the layout are at their minimum.
    pub exhausted: bool,
    /// Body text size.
    pub body_size: f64,
    /// Width of one body column.
    pub col_w: f64,
    /// Gutter between columns.
    pub gutter: f64,
    /// Left edge of the type area.
    pub margin_left: f64,
    /// Where the body columns begin.
    pub body_top: f64,
    /// Where the band of boxes and photos begins (below the display head).
    pub band_top: f64,
    /// Width of the sidebar in the band (0 without one).
    pub side_w: f64,
    /// Body lines each column holds.
    pub lines_per_column: usize,
    /// Distance from one body baseline to the next.
    pub pitch: f64,
    /// The foot of the type area.
    pub type_bottom: f64,
    /// Top of a body line's box above its baseline, in ems (`top-edge`).
    pub text_top_em: f64,
}

impl Grid {
    /// Left edge of column `col` (1-based).
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
    /// Typst's warnings, rendered.
    pub warnings: Vec<String>,
    /// The page's data as the layout received it (JSON).
    pub data: Vec<u8>,
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

/// Compiles `page` of `edition` in `world`. A page whose content does not fit
/// is an [`Error::Overset`] that says how much did not fit.
///
/// The driver looks for the shortest columns that hold the body, always
/// from the layout's own estimate: a search started elsewhere (say, where
/// the last build of the page ended) can stop at another answer, because a
/// layout whose photos are at their minimum ends the search, and then a
/// live rebuild would differ from a fresh build of the same sources.
pub fn compose_page(
    world: &mut PageWorld,
    edition: &Edition,
    page: &Page,
    proof: Proof,
) -> Result<ComposedPage, Error> {
    compose_page_with(world, None, edition, page, proof, "")
}

/// [`compose_page`] with Typst markup set before the page's layout, e.g.
/// the `pdf.attach` calls that put an archived page's sources inside it
/// (the preamble is banmian's own code, never content), and optionally a
/// second world: the first step of the search (the layout's estimate and
/// one line shorter) is then compiled in both at once, on two cores. The
/// answer is the same as without it; only the time differs.
pub fn compose_page_with(
    world: &mut PageWorld,
    spare: Option<&mut PageWorld>,
    edition: &Edition,
    page: &Page,
    proof: Proof,
    preamble: &str,
) -> Result<ComposedPage, Error> {
    let main = format!("{preamble}{}", main_source(page));
    let job = Job {
        edition,
        page,
        proof,
        main: &main,
    };
    // With a spare world, the second compilation the search may need runs
    // beside the first; its result is used only where the sequential
    // search would have asked for it.
    let (first, shorter_ahead) = match spare {
        Some(spare) => std::thread::scope(|scope| {
            let ahead = scope.spawn(|| job.compile(spare, -1));
            let first = job.compile(world, 0);
            (
                first,
                Some(ahead.join().expect("a compilation does not panic")),
            )
        }),
        None => (job.compile(world, 0), None),
    };
    let first = first?;
    if fits(&first) {
        return job.shorten(world, first, shorter_ahead);
    }
    job.lengthen(world, first)
}

/// Whether a composed page fits on one page.
fn fits(composed: &ComposedPage) -> bool {
    composed.document.pages().len() == 1
}

/// One page to compile at varying column heights.
struct Job<'a> {
    edition: &'a Edition,
    page: &'a Page,
    proof: Proof,
    main: &'a str,
}

impl Job<'_> {
    /// Shortens the columns of a page that fits while the body still fits:
    /// the columns then end together and the photos take what is left. A
    /// layout with nothing flexible (no photos) says so, and is not
    /// searched. `ahead` is the compilation one line shorter, when it was
    /// made beside the first.
    fn shorten(
        &self,
        world: &mut PageWorld,
        mut best: ComposedPage,
        mut ahead: Option<Result<ComposedPage, Error>>,
    ) -> Result<ComposedPage, Error> {
        let mut delta = 0;
        while !best.grid.exhausted && delta > -MAX_LINES_DELTA {
            let shorter = match ahead.take() {
                Some(ahead) => ahead?,
                None => self.compile(world, delta - 1)?,
            };
            if !fits(&shorter) {
                break;
            }
            delta -= 1;
            best = shorter;
        }
        Ok(best)
    }

    /// Lengthens the columns of a page that does not fit until it does, or
    /// reports how much did not fit.
    fn lengthen(
        &self,
        world: &mut PageWorld,
        mut best: ComposedPage,
    ) -> Result<ComposedPage, Error> {
        let mut delta = 0;
        while !best.grid.exhausted && delta < MAX_LINES_DELTA {
            delta += 1;
            best = self.compile(world, delta)?;
            if fits(&best) {
                return Ok(best);
            }
        }
        Err(self.overset(&best))
    }

    /// What did not fit on the page, as an error.
    fn overset(&self, best: &ComposedPage) -> Error {
        let page = self.page;
        let chars: usize = best.document.pages()[1..]
            .iter()
            .map(|p| count_chars(&p.frame))
            .sum();
        let per_line = best.grid.chars_per_line.max(1);
        let article = page
            .articles
            .first()
            .map_or_else(|| page.location.clone(), |a| Location::file(&a.file));
        Error::Overset {
            location: article,
            page: page.number,
            chars,
            lines: chars.div_ceil(per_line),
            chars_per_line: per_line,
        }
    }

    /// Compiles the page in `world` with the columns `delta` lines off the
    /// layout's estimate.
    fn compile(&self, world: &mut PageWorld, delta: i32) -> Result<ComposedPage, Error> {
        let (edition, page) = (self.edition, self.page);
        let date = (edition.date.year, edition.date.month, edition.date.day);
        let data = PageData::new(edition, page, Fit { lines_delta: delta }, self.proof);
        let json = serde_json::to_vec(&data).expect("page data serialises");
        world.set_page(self.main.to_string(), json.clone(), date);
        let Warned { output, warnings } = typst::compile::<PagedDocument>(&*world);
        let warnings = render_diagnostics(world, &warnings);
        let document = output.map_err(|errors| {
            unset_picture(page, &errors)
                .unwrap_or_else(|| Error::Template(render_diagnostics(world, &errors).join("")))
        })?;
        let grid = read_grid(&document).ok_or_else(|| {
            Error::Template(format!(
                "error: layout {} publishes no usable grid: it must place `metadata((chars-per-line: …, columns: …, …)) <banmian-grid>` (see layouts/feature.typ)\n",
                page.layout
            ))
        })?;
        Ok(ComposedPage {
            document,
            grid,
            warnings,
            data: json,
        })
    }
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
                format!("picture {} cannot be set: {message}", path.display()),
            ))
        })
}

/// Reads the `<banmian-grid>` metadata a layout publishes.
fn read_grid(document: &PagedDocument) -> Option<Grid> {
    let label = Label::new(PicoStr::intern("banmian-grid"))?;
    let found = document.introspector().query(&Selector::Label(label));
    let Some(Value::Dict(dict)) = found.first().and_then(|c| c.get_by_name("value").ok()) else {
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
        exhausted: dict
            .get("exhausted")
            .ok()
            .and_then(|v| v.clone().cast::<bool>().ok())
            .unwrap_or(false),
        body_size: num("body-size-pt"),
        col_w: num("column-width-pt"),
        gutter: num("gutter-pt"),
        margin_left: num("margin-left-pt"),
        body_top: num("body-top-pt"),
        band_top: num("band-top-pt"),
        side_w: num("side-width-pt"),
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
            message: format!("layout {}: {}", page.layout, w.trim_end()),
        })
        .collect()
}
