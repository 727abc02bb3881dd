//! Page makeup on the grid: plan, measure, place. The layout measures the
//! page's parts (a measuring pass of Typst), the planner here decides
//! where each goes — head, photos, boxes, body, each a rectangle of whole
//! columns × whole lines — by searching candidate page shapes and scoring
//! them, and the layout places exactly what was decided (a placing pass).

mod columns;
mod element;
mod measures;
pub mod news;
mod page;
mod photos;

use serde::Serialize;

use crate::content::{Article, Block, Format, Page as ContentPage};

pub use columns::BodyBlock;
pub use element::{Element, Rect};
pub use measures::{GridMeasure, Measures};
pub use page::{HOLE_MM, UNDERSET_SHARE};
pub use photos::PhotoIn;

/// The column measure the house aims at, in millimetres of type area per
/// column (a broadsheet's 356 mm holds 8, a tabloid's 246 mm 6).
const COLUMN_MM: f64 = 44.5;
/// Headlines of parallel phrases are set on one line down to this size;
/// below it, one phrase to a line at a larger size reads better.
const ONE_LINE_MIN_PT: f64 = 42.0;
/// The lowest effective resolution the planner sets a picture at: the
/// house's print minimum (the preflight's default `--min-ppi`). The plan
/// does not depend on the command line, so a page is the same whoever
/// builds or regenerates it.
pub const HOUSE_MIN_PPI: f64 = 200.0;
/// Lines of air the planner may leave under the display head, and what
/// each costs per column.
const MAX_AIR: usize = 2;
const AIR_COST: f64 = 2.0;
/// What setting the lead as a box costs: a little, so that it stays in
/// the body unless the box makes a better page.
const LEAD_BOX_COST: f64 = 10.0;
/// What a headline over two lines costs when it would fit on one.
const LINES_HEAD_COST: f64 = 40.0;
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
    /// Empty rectangles large enough to show as holes (a plan has them
    /// only when no plan without them exists).
    pub holes: Vec<Rect>,
    /// Whether the lead (导语) is set as a box of its own (element `lead`)
    /// instead of opening the body.
    pub lead_moved: bool,
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
    /// Lines the body must leave spare in each column.
    pub slack: usize,
}

/// Plans a feature page.
pub fn make_up(req: &Request) -> Result<Plan, Unfit> {
    let m = req.measures;
    let g = m.grid;
    let n = g.columns;
    let heads = head_options(m)?;
    let staff_depth = (m.staff > 0.0).then(|| g.lines_for(m.staff));
    let bottom = g.lines - staff_depth.map_or(0, |d| d + 1);
    let photos = photos_in(req);
    let blocks = body_blocks(req);
    let lead = lead_blocks(req.article);
    // The lead may open the body or stand as a box of its own beside the
    // photos or in the columns, as papers set a 导语.
    let moves: &[bool] = if lead > 0 && m.boxes.contains_key("lead") {
        &[false, true]
    } else {
        &[false]
    };
    let mut best: Option<Found> = None;
    let mut pages = Vec::new();
    for &moved in moves {
        let body = if moved {
            blocks[lead..].to_vec()
        } else {
            blocks.clone()
        };
        let mut page = page_with(req, body, &photos, moved);
        let extra = if moved { LEAD_BOX_COST } else { 0.0 };
        for found in search(&mut page, &heads, bottom, extra, moved) {
            if best.as_ref().is_none_or(|b| found.cost < b.cost) {
                best = Some(found);
            }
        }
        pages.push(page);
        // The lead leaves the body only when the page needs it.
        if best.as_ref().is_some_and(|b| b.clean) {
            break;
        }
    }
    let Some(best) = best else {
        let head_depth = (heads.iter().map(|(h, _)| g.lines_for(h.height)))
            .min()
            .unwrap_or(0);
        let region = Rect {
            col: 0,
            line: head_depth + 1,
            span: n,
            depth: bottom.saturating_sub(head_depth + 1),
        };
        return Err(overset(&mut pages[0], region));
    };
    let mut elements = vec![best.head];
    elements.extend(best.eval.elements);
    if let Some(d) = staff_depth {
        let at = Rect {
            col: 0,
            line: g.lines - d,
            span: n,
            depth: d,
        };
        elements.push(Element::new("staff", at));
    }
    Ok(Plan {
        elements,
        columns: n,
        lines: g.lines,
        empty: best.eval.empty,
        cells: best.region.span * best.region.depth,
        holes: best.eval.holes,
        lead_moved: best.lead_moved,
    })
}

/// The planner's page for `req` with `body` in its columns, and the lead
/// among the boxes when it is `moved` out of the body.
fn page_with<'a>(
    req: &Request<'a>,
    body: Vec<BodyBlock>,
    photos: &'a [PhotoIn],
    moved: bool,
) -> page::Page<'a> {
    let m = req.measures;
    // Page one's 导读 (`index`, measured only by the front layout) heads
    // the stack of boxes.
    let kinds: &[&str] = if moved {
        &["index", "lead", "quotes", "milestones"]
    } else {
        &["index", "quotes", "milestones"]
    };
    let boxes = (kinds.iter())
        .filter(|k| m.boxes.contains_key(**k))
        .map(|k| k.to_string())
        .collect();
    let gallery = photos::Gallery {
        photos,
        grid: m.grid,
        min_ppi: HOUSE_MIN_PPI,
        min_frame: MIN_FRAME_PT,
    };
    let mut page = page::Page::new(m, body, gallery, boxes, req.page.photos_at);
    page.slack = req.slack;
    page
}

/// A candidate page under one display head.
struct Found {
    /// Neither a hole nor underset.
    clean: bool,
    cost: f64,
    head: Element,
    region: Rect,
    eval: page::Eval,
    lead_moved: bool,
}

/// The best page under each display head and each amount of air under
/// it, in the house's order of preference: a headline on two lines, or a
/// line or two more air, is tried only when the page would otherwise show
/// a hole or be underset.
fn search(
    page: &mut page::Page,
    heads: &[(&measures::HeadOption, f64)],
    bottom: usize,
    extra: f64,
    lead_moved: bool,
) -> Vec<Found> {
    let g = page.measures.grid;
    let n = g.columns;
    let mut out = Vec::new();
    for (head, penalty) in heads {
        let head_depth = g.lines_for(head.height);
        for air in 0..=MAX_AIR {
            let top = head_depth + 1 + air;
            let region = Rect {
                col: 0,
                line: top,
                span: n,
                depth: bottom.saturating_sub(top),
            };
            let Some(eval) = page.best(region) else {
                continue;
            };
            let mut el = Element::new(
                "head",
                Rect {
                    col: 0,
                    line: 0,
                    span: n,
                    depth: head_depth + air,
                },
            );
            el.size = Some(head.size);
            el.mode = Some(head.mode.clone());
            let allowed = (UNDERSET_SHARE * (region.span * region.depth) as f64) as usize;
            let clean = eval.holes.is_empty() && eval.empty <= allowed;
            out.push(Found {
                clean,
                cost: eval.cost + penalty + extra + AIR_COST * (air * n) as f64,
                head: el,
                region,
                eval,
                lead_moved,
            });
            if clean {
                return out;
            }
        }
    }
    out
}

/// The display heads worth trying, each with what it costs the page: the
/// parallel phrases on one line at the largest house size that fits (when
/// that is not small), and one phrase to a line at the largest that fits.
fn head_options(m: &Measures) -> Result<Vec<(&measures::HeadOption, f64)>, Unfit> {
    let largest = |mode: &str| {
        m.heads
            .iter()
            .filter(|h| h.mode == mode && h.fits)
            .max_by(|a, b| a.size.total_cmp(&b.size))
    };
    let one = largest("one").filter(|h| h.size >= ONE_LINE_MIN_PT);
    let lines = largest("lines");
    let out: Vec<_> = match (one, lines) {
        (Some(one), Some(lines)) if lines.height > one.height => {
            vec![(one, 0.0), (lines, LINES_HEAD_COST)]
        }
        (Some(one), _) => vec![(one, 0.0)],
        (None, Some(lines)) => vec![(lines, 0.0)],
        (None, None) => largest("one")
            .map(|small| (small, 0.0))
            .into_iter()
            .collect(),
    };
    if out.is_empty() {
        return Err(Unfit::Headline {
            smallest: m.heads.iter().map(|h| h.size).fold(f64::INFINITY, f64::min),
        });
    }
    Ok(out)
}

/// How many blocks open the body as its lead (导语): the paragraphs before
/// the first section head, when the article has section heads.
fn lead_blocks(article: &Article) -> usize {
    if !article.body.iter().any(|b| matches!(b, Block::Heading(_))) {
        return 0;
    }
    article
        .body
        .iter()
        .take_while(|b| matches!(b, Block::Paragraph(_)))
        .count()
}

/// The article's body blocks with their measured lines.
fn body_blocks(req: &Request) -> Vec<BodyBlock> {
    (req.article.body.iter())
        .zip(&req.measures.blocks)
        .map(|(b, &lines)| BodyBlock {
            lines,
            head: matches!(b, Block::Heading(_)),
        })
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
                capped: pixels.is_some_and(|(w, h)| {
                    let max_scale = 72.0 / HOUSE_MIN_PPI;
                    f64::from(w) * max_scale >= req.measures.grid.column_width
                        && f64::from(h) * max_scale >= MIN_FRAME_PT
                }),
                size: p.hints.size,
                columns: p.hints.columns.map(|c| c as usize),
                max_crop: if open {
                    p.hints.max_crop.max(OPEN_FRAME_CROP)
                } else {
                    p.hints.max_crop
                },
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
        if page
            .best(Rect {
                depth: region.depth + mid,
                ..region
            })
            .is_some()
        {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Unfit::Body {
        lines_per_column: lo,
        columns: region.span,
    }
}
