//! Page makeup on the grid: plan, measure, place. The layout measures the
//! page's parts (a measuring pass of Typst), the planner here decides
//! where each goes — head, photos, boxes, body, each a rectangle of whole
//! columns × whole lines — by searching candidate page shapes and scoring
//! them, and the layout places exactly what was decided (a placing pass).

mod columns;
mod measures;
mod page;
mod photos;

use serde::Serialize;

use crate::content::{Article, Block, Format, Page as ContentPage};

pub use columns::BodyBlock;
pub use measures::{GridMeasure, Measures};
pub use page::Rect;
pub use photos::PhotoIn;

/// The column measure the house aims at, in millimetres of type area per
/// column (a broadsheet's 356 mm holds 8, a tabloid's 246 mm 6).
const COLUMN_MM: f64 = 44.5;
/// Headlines of parallel phrases are set on one line down to this size;
/// below it, one phrase to a line at a larger size reads better.
const ONE_LINE_MIN_PT: f64 = 42.0;
/// The smallest picture frame, in points (25 mm).
const MIN_FRAME_PT: f64 = 25.0 * 72.0 / 25.4;
/// How much of a missing picture's planned frame the picture may lose
/// when no `aspect` was given: the frame is the layout's to choose.
const OPEN_FRAME_CROP: f64 = 0.45;

/// The columns of a page: `[format] columns`, or as many as the type
/// area's width holds at the house measure.
pub fn page_columns(format: &Format) -> usize {
    if let Some(c) = format.columns {
        return c as usize;
    }
    let type_mm = format.width_mm - 2.0 * 17.0;
    ((type_mm / COLUMN_MM).round() as usize).clamp(1, 12)
}

/// One element placed on the grid, as the layout reads it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Element {
    /// `head`, `photo`, `quotes`, `milestones`, `body` or `staff`.
    pub kind: String,
    /// First column (0-based).
    pub col: usize,
    /// First line (0-based, from the top of the type area).
    pub line: usize,
    /// Columns wide.
    pub span: usize,
    /// Lines deep.
    pub depth: usize,
    /// A photo's place in the article's list.
    pub index: Option<usize>,
    /// A photo row's caption height, in points.
    pub caption: Option<f64>,
    /// A photo's crop, as a fraction of the picture's area.
    pub crop: Option<f64>,
    /// A photo's effective resolution, when its picture is there.
    pub ppi: Option<f64>,
    /// A box's type scale.
    pub scale: Option<f64>,
    /// Whether a box is stretched to its rectangle.
    pub stretch: Option<bool>,
    /// The headline size, in points.
    pub size: Option<f64>,
    /// The headline mode: `one` line or `lines`.
    pub mode: Option<String>,
}

impl Element {
    /// An element of `kind` in `r`.
    pub fn new(kind: &str, r: Rect) -> Self {
        Self {
            kind: kind.to_string(),
            col: r.col,
            line: r.line,
            span: r.span,
            depth: r.depth,
            index: None,
            caption: None,
            crop: None,
            ppi: None,
            scale: None,
            stretch: None,
            size: None,
            mode: None,
        }
    }
}

/// What the planner decided for a page.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    /// Every element, head first.
    pub elements: Vec<Element>,
    /// Columns across the page.
    pub columns: usize,
    /// Body lines down the type area.
    pub lines: usize,
    /// Empty column × line cells under the head.
    pub empty: usize,
    /// All column × line cells under the head.
    pub cells: usize,
}

impl Plan {
    /// The body's rectangle.
    pub fn body(&self) -> Option<&Element> {
        self.elements.iter().find(|e| e.kind == "body")
    }
}

/// Why no plan holds the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Unfit {
    /// A headline line is wider than the page at the house's smallest
    /// headline size (in points).
    Headline {
        /// That size.
        smallest: f64,
    },
    /// The body does not fit even with the photos at their smallest: this
    /// many more lines in each column would hold it.
    Body {
        /// Lines per body column short.
        lines_per_column: usize,
        /// Columns the body would take.
        columns: usize,
    },
}

/// Everything the planner needs besides the measures.
pub struct Request<'a> {
    /// The measuring pass's figures.
    pub measures: &'a Measures,
    /// The article.
    pub article: &'a Article,
    /// The page (for `photos_at`).
    pub page: &'a ContentPage,
    /// The lowest effective resolution of a print picture.
    pub min_ppi: f64,
    /// Lines the body must leave spare in each column.
    pub slack: usize,
}

/// Plans a feature page.
pub fn make_up(req: &Request) -> Result<Plan, Unfit> {
    let m = req.measures;
    let g = m.grid;
    let n = g.columns;
    let head = choose_head(m)?;
    let head_depth = g.lines_for(head.height);
    let mut head_el = Element::new("head", Rect { col: 0, line: 0, span: n, depth: head_depth });
    head_el.size = Some(head.size);
    head_el.mode = Some(head.mode.clone());
    let staff_depth = (m.staff > 0.0).then(|| g.lines_for(m.staff));
    let top = head_depth + 1;
    let bottom = g.lines - staff_depth.map_or(0, |d| d + 1);
    let region = Rect { col: 0, line: top, span: n, depth: bottom.saturating_sub(top) };
    let photos = photos_in(req);
    let gallery = photos::Gallery { photos: &photos, grid: g, min_ppi: req.min_ppi, min_frame: MIN_FRAME_PT };
    let boxes: Vec<String> = ["quotes", "milestones"].into_iter().filter(|k| m.boxes.contains_key(*k)).map(String::from).collect();
    let mut page = page::Page::new(m, body_blocks(req), gallery, boxes, req.page.photos_at);
    page.slack = req.slack;
    let Some(best) = page.best(region) else {
        return Err(overset(&mut page, region));
    };
    let mut elements = vec![head_el];
    elements.extend(best.elements);
    if let Some(d) = staff_depth {
        elements.push(Element::new("staff", Rect { col: 0, line: g.lines - d, span: n, depth: d }));
    }
    Ok(Plan {
        elements,
        columns: n,
        lines: g.lines,
        empty: best.empty,
        cells: region.span * region.depth,
    })
}

/// The display head: parallel phrases on one line at the largest house
/// size that fits, unless that is small; then one phrase to a line.
fn choose_head(m: &Measures) -> Result<&measures::HeadOption, Unfit> {
    let largest = |mode: &str| m.heads.iter().filter(|h| h.mode == mode && h.fits).max_by(|a, b| a.size.total_cmp(&b.size));
    match (largest("one"), largest("lines")) {
        (Some(one), _) if one.size >= ONE_LINE_MIN_PT => Ok(one),
        (one, Some(lines)) if one.is_none_or(|o| lines.size > o.size) => Ok(lines),
        (Some(one), _) => Ok(one),
        _ => Err(Unfit::Headline {
            smallest: m.heads.iter().map(|h| h.size).fold(f64::INFINITY, f64::min),
        }),
    }
}

/// The article's body blocks with their measured lines.
fn body_blocks(req: &Request) -> Vec<BodyBlock> {
    (req.article.body.iter())
        .zip(&req.measures.blocks)
        .map(|(b, &lines)| BodyBlock { lines, head: matches!(b, Block::Heading(_)) })
        .collect()
}

/// The photos in reading order, as the planner sees them.
fn photos_in(req: &Request) -> Vec<PhotoIn> {
    let mut photos: Vec<PhotoIn> = (req.article.photos.iter().enumerate())
        .map(|(i, p)| {
            let pixels = p.info.as_ref().map(|info| (info.width, info.height));
            let open = pixels.is_none() && p.hints.aspect.is_none();
            PhotoIn {
                index: i,
                aspect: pixels
                    .map(|(w, h)| f64::from(w) / f64::from(h.max(1)))
                    .or(p.hints.aspect)
                    .unwrap_or(crate::content::DEFAULT_ASPECT),
                pixels,
                size: p.hints.size,
                columns: p.hints.columns.map(|c| c as usize),
                max_crop: if open { p.hints.max_crop.max(OPEN_FRAME_CROP) } else { p.hints.max_crop },
                captions: req.measures.captions.get(i).cloned().unwrap_or_default(),
            }
        })
        .collect();
    photos.sort_by_key(|p| {
        let order = req.article.photos[p.index].hints.order;
        (order.is_none(), order, p.index)
    });
    photos
}

/// How far the body is from fitting: the fewest lines added to the page
/// at which a plan exists.
fn overset(page: &mut page::Page, region: Rect) -> Unfit {
    let total: usize = page.body.iter().map(|b| b.lines).sum();
    let (mut lo, mut hi) = (1, total + 1);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if page.best(Rect { depth: region.depth + mid, ..region }).is_some() {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Unfit::Body { lines_per_column: lo, columns: region.span }
}
