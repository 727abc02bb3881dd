//! The search over page shapes: candidate arrangements of the region under
//! the display head, as guillotine cuts (a band over the body, the body
//! beside a stack of photos and boxes, …), each scored by its empty cells,
//! its photos' crops and its proportions; the cheapest wins.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::content::PhotosAt;

use super::columns::{BodyBlock, fill};
use super::photos::{Arrangements, Gallery};
use super::{Element, Measures};

/// Weight of an empty column × line cell.
const EMPTY: f64 = 1.0;
/// Per line a box is stretched beyond its natural height.
const STRETCH: f64 = 2.0;
/// Lines a box may be stretched by.
const MAX_STRETCH: usize = 2;
/// Body legs shallower than this many lines read poorly.
const SHALLOW: usize = 8;
/// The share of the region the photos should take: at least, at most.
const ART_SHARE: (f64, f64) = (0.25, 0.6);

/// A scored arrangement of part of the page.
#[derive(Debug, Clone)]
pub struct Eval {
    /// The score (lower is better).
    pub cost: f64,
    /// Empty column × line cells.
    pub empty: usize,
    /// The elements placed.
    pub elements: Vec<Element>,
}

impl Eval {
    fn join(mut self, other: Eval) -> Eval {
        self.cost += other.cost;
        self.empty += other.empty;
        self.elements.extend(other.elements);
        self
    }
}

/// A rectangle of the grid: first column, first line, columns, lines.
#[derive(Debug, Clone, Copy)]
pub struct Rect {
    /// First column (0-based).
    pub col: usize,
    /// First line (0-based).
    pub line: usize,
    /// Columns wide.
    pub span: usize,
    /// Lines deep.
    pub depth: usize,
}

/// What fills a rectangle.
#[derive(Debug, Clone)]
enum Shape {
    /// The body in columns.
    Body,
    /// The photo group.
    Photos,
    /// The boxes, stacked.
    Side,
    /// Top over bottom, one empty line between.
    Over(Box<Shape>, Box<Shape>),
    /// Left beside right, a gutter between.
    Beside(Box<Shape>, Box<Shape>, Split),
}

fn over(top: &Shape, bottom: &Shape) -> Shape {
    Shape::Over(Box::new(top.clone()), Box::new(bottom.clone()))
}

fn beside(left: &Shape, right: &Shape, split: Split) -> Shape {
    Shape::Beside(Box::new(left.clone()), Box::new(right.clone()), split)
}

/// How a side-by-side cut divides the columns.
#[derive(Debug, Clone, Copy)]
enum Split {
    /// The left part takes this many columns.
    Left(usize),
    /// The right part takes this many columns.
    Right(usize),
}

/// The planner's view of one feature page.
pub struct Page<'a> {
    /// What the layout measured.
    pub measures: &'a Measures,
    /// The body's blocks.
    pub body: Vec<BodyBlock>,
    /// Lines the body must leave spare per column (after a placing pass
    /// found the simulation short).
    pub slack: usize,
    /// The photos.
    pub gallery: Gallery<'a>,
    /// The boxes present, in order (`quotes`, `milestones`).
    pub boxes: Vec<String>,
    /// Where the editor wants the photos.
    pub photos_at: Option<PhotosAt>,
    /// Cells of the region being planned (for the art share).
    pub region_cells: usize,
    arrangements: RefCell<HashMap<usize, std::rc::Rc<Arrangements>>>,
}

impl<'a> Page<'a> {
    /// A page to plan.
    pub fn new(measures: &'a Measures, body: Vec<BodyBlock>, gallery: Gallery<'a>, boxes: Vec<String>, photos_at: Option<PhotosAt>) -> Self {
        Self {
            measures,
            body,
            slack: 0,
            gallery,
            boxes,
            photos_at,
            region_cells: 0,
            arrangements: RefCell::new(HashMap::new()),
        }
    }

    /// The best arrangement of the region `r`, or `None` when nothing fits.
    pub fn best(&mut self, r: Rect) -> Option<Eval> {
        self.region_cells = r.span * r.depth;
        let mut best: Option<Eval> = None;
        for shape in self.shapes(r.span) {
            if let Some(e) = self.eval(&shape, r) {
                if best.as_ref().is_none_or(|b| e.cost < b.cost) {
                    best = Some(e);
                }
            }
        }
        best
    }

    /// The candidate shapes for a region `n` columns wide.
    fn shapes(&self, n: usize) -> Vec<Shape> {
        let photos = !self.gallery.photos.is_empty();
        let boxes = !self.boxes.is_empty();
        let sides: Vec<usize> = if n >= 4 {
            [2, 3].into_iter().filter(|&s| s + 2 <= n).collect()
        } else {
            vec![1]
        };
        let (top, foot) = match self.photos_at {
            Some(PhotosAt::Top) => (true, false),
            Some(PhotosAt::Foot) => (false, true),
            None => (true, true),
        };
        let (body, ph, side) = (Shape::Body, Shape::Photos, Shape::Side);
        // The body with the boxes beside it, or alone.
        let mut texts = Vec::new();
        if boxes {
            for &s in &sides {
                texts.push(beside(&body, &side, Split::Right(s)));
                texts.push(beside(&side, &body, Split::Left(s)));
            }
        } else {
            texts.push(body.clone());
        }
        if !photos {
            return texts;
        }
        let mut out = Vec::new();
        for text in &texts {
            if top {
                out.push(over(&ph, text));
            }
            if foot {
                out.push(over(text, &ph));
            }
        }
        if top {
            // A band of boxes beside the photos over the full-width body.
            if boxes {
                for &s in &sides {
                    out.push(over(&beside(&side, &ph, Split::Left(s)), &body));
                    out.push(over(&beside(&ph, &side, Split::Right(s)), &body));
                }
            }
            // The body beside a stack of the photos (over the boxes).
            let stack = if boxes { over(&ph, &side) } else { ph.clone() };
            for k in 2..n.saturating_sub(1) {
                out.push(beside(&body, &stack, Split::Left(k)));
                out.push(beside(&stack, &body, Split::Right(k)));
            }
        }
        out
    }

    fn eval(&self, shape: &Shape, r: Rect) -> Option<Eval> {
        match shape {
            Shape::Body => self.body(r),
            Shape::Photos => self.photos(r),
            Shape::Side => self.side(r),
            Shape::Over(top, bottom) => {
                let mut best: Option<Eval> = None;
                for t in 1..r.depth.saturating_sub(1) {
                    let Some(a) = self.eval(top, Rect { depth: t, ..r }) else {
                        continue;
                    };
                    if best.as_ref().is_some_and(|b| a.cost >= b.cost) {
                        continue;
                    }
                    let below = Rect {
                        line: r.line + t + 1,
                        depth: r.depth - t - 1,
                        ..r
                    };
                    let Some(b) = self.eval(bottom, below) else {
                        continue;
                    };
                    let e = a.join(b);
                    if best.as_ref().is_none_or(|x| e.cost < x.cost) {
                        best = Some(e);
                    }
                }
                best
            }
            Shape::Beside(left, right, split) => {
                let k = match *split {
                    Split::Left(k) => k,
                    Split::Right(k) => r.span.checked_sub(k)?,
                };
                if k == 0 || k >= r.span {
                    return None;
                }
                let a = self.eval(left, Rect { span: k, ..r })?;
                let b = self.eval(right, Rect { col: r.col + k, span: r.span - k, ..r })?;
                Some(a.join(b))
            }
        }
    }

    /// The body in `r`: it must fit, with the slack asked for.
    fn body(&self, r: Rect) -> Option<Eval> {
        let d = r.depth.checked_sub(self.slack)?;
        let empty = fill(&self.body, r.span, d)? + self.slack * r.span;
        let shallow = SHALLOW.saturating_sub(r.depth) * r.span * 10;
        Some(Eval {
            cost: EMPTY * empty as f64 + shallow as f64,
            empty,
            elements: vec![Element::new("body", r)],
        })
    }

    /// The photo group in `r`: the best arrangement at most `r.depth`
    /// lines deep; lines it leaves are empty.
    fn photos(&self, r: Rect) -> Option<Eval> {
        let all = self.arrangements(r.span);
        let (h, cost) = (0..=r.depth)
            .filter_map(|h| all.cost(h).map(|c| (h, c + EMPTY * ((r.depth - h) * r.span) as f64)))
            .min_by(|a, b| a.1.total_cmp(&b.1))?;
        let cells = all.cells(&self.gallery, h);
        let share = (r.span * h) as f64 / self.region_cells.max(1) as f64;
        let off = (ART_SHARE.0 - share).max(0.0) * 0.5 + (share - ART_SHARE.1).max(0.0);
        let elements = cells
            .into_iter()
            .map(|c| {
                let mut e = Element::new(
                    "photo",
                    Rect {
                        col: r.col + c.col,
                        line: r.line + c.line,
                        span: c.span,
                        depth: c.depth,
                    },
                );
                e.index = Some(c.index);
                e.caption = Some(c.caption);
                e.crop = Some(c.crop);
                e.ppi = c.ppi;
                e
            })
            .collect();
        Some(Eval {
            cost: cost + off * self.region_cells as f64,
            empty: (r.depth - h) * r.span,
            elements,
        })
    }

    fn arrangements(&self, width: usize) -> std::rc::Rc<Arrangements> {
        let max_h = self.measures.grid.lines;
        self.arrangements
            .borrow_mut()
            .entry(width)
            .or_insert_with(|| std::rc::Rc::new(self.gallery.arrange(width, max_h)))
            .clone()
    }

    /// The boxes stacked in `r` at their natural height (a box may stretch
    /// by a line or two), at the largest type scale that fits.
    fn side(&self, r: Rect) -> Option<Eval> {
        let g = &self.measures.grid;
        let mut best: Option<Eval> = None;
        for (si, &scale) in self.measures.box_scales.iter().enumerate() {
            let depths: Vec<usize> = (self.boxes.iter())
                .map(|kind| {
                    let m = self.measures.boxes.get(kind)?.iter().find(|b| b.span == r.span)?;
                    Some(g.lines_for(*m.heights.get(si)?))
                })
                .collect::<Option<_>>()?;
            let natural = depths.iter().sum::<usize>() + depths.len().saturating_sub(1);
            if natural > r.depth {
                continue;
            }
            let extra = r.depth - natural;
            let stretch = extra <= MAX_STRETCH * depths.len();
            let (empty, cost) = if stretch {
                (0, STRETCH * extra as f64)
            } else {
                (extra * r.span, EMPTY * (extra * r.span) as f64)
            };
            let mut line = r.line;
            let mut elements = Vec::new();
            for (i, (kind, d)) in self.boxes.iter().zip(&depths).enumerate() {
                let more = if stretch { extra / depths.len() + usize::from(i < extra % depths.len()) } else { 0 };
                let mut e = Element::new(kind, Rect { line, depth: d + more, ..r });
                e.scale = Some(scale);
                e.stretch = Some(stretch);
                line += d + more + 1;
                elements.push(e);
            }
            // A larger type scale wins a tie.
            let cost = cost - 0.01 * si as f64;
            if best.as_ref().is_none_or(|b| cost < b.cost) {
                best = Some(Eval { cost, empty, elements });
            }
        }
        best
    }
}
