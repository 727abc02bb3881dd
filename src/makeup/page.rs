//! The search over page shapes: candidate arrangements of the region under
//! the display head, as guillotine cuts (a band over the body, the body
//! beside a stack of photos and boxes, …), each scored by its empty cells,
//! its photos' crops and its proportions; the cheapest wins.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::content::PhotosAt;

use super::columns::{BodyBlock, fill, fill_columns};
use super::element::{Element, Rect};
use super::measures::Measures;
use super::photos::{Arrangements, Gallery};

/// The share of the region a print page may leave empty (the preflight
/// refuses more).
pub const UNDERSET_SHARE: f64 = 0.1;
/// What a plan the preflight would refuse as underset costs beyond its
/// empty cells.
const UNDERSET_PENALTY: f64 = 10_000.0;
/// Weight of an empty column × line cell.
const EMPTY: f64 = 1.0;
/// Per line a box is stretched beyond its natural height.
const STRETCH: f64 = 2.0;
/// The widest a box is set, in columns.
const MAX_BOX_SPAN: usize = 3;
/// Lines a box may be stretched by.
const MAX_STRETCH: usize = 2;
/// Per squared line left empty at the foot of a column of the body: one
/// gap of many lines shows more than many gaps of one.
const FOOT_WEIGHT: f64 = 2.0;
/// An empty rectangle this wide and this deep (in millimetres), and of
/// this area, shows as a hole on the page; the preflight refuses it.
pub const HOLE_MM: (f64, f64, f64) = (30.0, 30.0, 1800.0);
/// The white under an element's empty cells, in lines: the line between
/// modules and what its last line leaves.
const AIR_BELOW: f64 = 2.0;
/// The white under a column's empty foot, in lines: the leading, and a
/// line for what the column simulation may be out by (a head or a widow
/// line moved on by Typst where the simulation kept it).
const FOOT_BELOW: f64 = 1.35;
/// What a hole costs, beyond its empty cells.
const HOLE_COST: f64 = 500.0;
/// Per column of the body whose foot the preflight would call a hole.
const HOLE_PENALTY: f64 = 60.0;
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
    /// Empty rectangles large enough to show as holes.
    pub holes: Vec<Rect>,
}

impl Eval {
    /// The same arrangement `cols` columns right and `lines` lines down.
    fn shifted(mut self, cols: usize, lines: usize) -> Eval {
        for e in &mut self.elements {
            e.col += cols;
            e.line += lines;
        }
        for h in &mut self.holes {
            h.col += cols;
            h.line += lines;
        }
        self
    }

    fn join(mut self, other: Eval) -> Eval {
        self.cost += other.cost;
        self.empty += other.empty;
        self.elements.extend(other.elements);
        self.holes.extend(other.holes);
        self
    }
}

/// What fills a rectangle.
#[derive(Debug, Clone)]
enum Shape {
    /// The body in columns.
    Body,
    /// The photo group.
    Photos,
    /// The boxes, stacked (`None`), or one of them.
    Side(Option<usize>),
    /// Top over bottom, one empty line between.
    Over(Box<Shape>, Box<Shape>),
    /// Left beside right, a gutter between.
    Beside(Box<Shape>, Box<Shape>, Split),
    /// The body in the whole rectangle, with this shape set into the top
    /// of its first (`Split::Left`) or last (`Split::Right`) columns: those
    /// columns of type start under it, and the text reads on column by
    /// column as it does around any box set into the columns.
    Inset(Box<Shape>, Split),
}

fn inset(content: &Shape, split: Split) -> Shape {
    Shape::Inset(Box::new(content.clone()), split)
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
    /// The last line of the region being planned, plus one.
    region_bottom: usize,
    arrangements: RefCell<HashMap<usize, std::rc::Rc<Arrangements>>>,
    /// The photo group's best arrangement for each (columns, lines, region
    /// cells), at the region's top left.
    photo_cache: RefCell<HashMap<(usize, usize, usize), Option<Eval>>>,
}

impl<'a> Page<'a> {
    /// A page to plan.
    pub fn new(
        measures: &'a Measures,
        body: Vec<BodyBlock>,
        gallery: Gallery<'a>,
        boxes: Vec<String>,
        photos_at: Option<PhotosAt>,
    ) -> Self {
        Self {
            measures,
            body,
            slack: 0,
            gallery,
            boxes,
            photos_at,
            region_cells: 0,
            region_bottom: 0,
            arrangements: RefCell::new(HashMap::new()),
            photo_cache: RefCell::new(HashMap::new()),
        }
    }

    /// The best arrangement of the region `r`, or `None` when nothing fits.
    pub fn best(&mut self, r: Rect) -> Option<Eval> {
        self.region_cells = r.span * r.depth;
        self.region_bottom = r.line + r.depth;
        let mut best: Option<Eval> = None;
        let allowed = (UNDERSET_SHARE * self.region_cells as f64) as usize;
        for shape in self.shapes(r.span) {
            if let Some(mut e) = self.eval(&shape, r) {
                // A page the preflight would refuse as underset comes last.
                if e.empty > allowed {
                    e.cost += UNDERSET_PENALTY + EMPTY * 10.0 * (e.empty - allowed) as f64;
                }
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
        let (body, ph, side) = (Shape::Body, Shape::Photos, Shape::Side(None));
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
        // The boxes set into the top of the body's last columns (never its
        // first: the story's first line stays at the top left).
        if boxes {
            for &s in &sides {
                texts.push(inset(&side, Split::Right(s)));
            }
        }
        // Two boxes side by side in a band over the body.
        if self.boxes.len() == 2 {
            let (a, b) = (Shape::Side(Some(0)), Shape::Side(Some(1)));
            for k in 2..n.saturating_sub(1) {
                texts.push(over(&beside(&a, &b, Split::Left(k)), &body));
            }
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
            // The body beside a stack of the photos (over the boxes, or
            // beside them), or with the stack set into its last columns.
            let mut stacks = vec![if boxes { over(&ph, &side) } else { ph.clone() }];
            if boxes {
                for &s in &sides {
                    stacks.push(beside(&side, &ph, Split::Left(s)));
                    stacks.push(beside(&ph, &side, Split::Right(s)));
                }
            }
            for k in 2..n.saturating_sub(1) {
                for stack in &stacks {
                    out.push(beside(&body, stack, Split::Left(k)));
                    out.push(beside(stack, &body, Split::Right(k)));
                    out.push(inset(stack, Split::Right(n - k)));
                }
            }
        }
        out
    }

    fn eval(&self, shape: &Shape, r: Rect) -> Option<Eval> {
        match shape {
            Shape::Body => self.body(r),
            Shape::Photos => self.photos(r),
            Shape::Side(which) => self.side(*which, r),
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
            Shape::Inset(content, split) => self.inset(content, *split, r),
            Shape::Beside(left, right, split) => {
                let k = match *split {
                    Split::Left(k) => k,
                    Split::Right(k) => r.span.checked_sub(k)?,
                };
                if k == 0 || k >= r.span {
                    return None;
                }
                let a = self.eval(left, Rect { span: k, ..r })?;
                let b = self.eval(
                    right,
                    Rect {
                        col: r.col + k,
                        span: r.span - k,
                        ..r
                    },
                )?;
                Some(a.join(b))
            }
        }
    }

    /// The body in `r` with `content` set into the top of some of its
    /// columns, as deep as suits the body best.
    fn inset(&self, content: &Shape, split: Split, r: Rect) -> Option<Eval> {
        let (s, right) = match split {
            Split::Left(s) => (s, false),
            Split::Right(s) => (s, true),
        };
        if s == 0 || s >= r.span {
            return None;
        }
        let d = r.depth.checked_sub(self.slack)?;
        let first = if right { r.span - s } else { 0 };
        let mut best: Option<Eval> = None;
        for b in 1..d.saturating_sub(2) {
            let caps: Vec<usize> = (0..r.span)
                .map(|c| {
                    if (first..first + s).contains(&c) {
                        d - b - 1
                    } else {
                        d
                    }
                })
                .collect();
            let Some(filled) = fill_columns(&self.body, &caps) else {
                continue;
            };
            // Each column under the inset needs a block to begin in it: the
            // layout reserves the inset's room before that block.
            let Some(spacers) = (first..first + s)
                .map(|c| filled.starts[c].map(|i| (i, b + 1)))
                .collect::<Option<Vec<_>>>()
            else {
                continue;
            };
            let Some(c) = self.eval(
                content,
                Rect {
                    col: r.col + first,
                    span: s,
                    depth: b,
                    ..r
                },
            ) else {
                continue;
            };
            let empty = filled.empty + self.slack * r.span;
            let holes = self.foot_holes(r, &filled.feet);
            let cost = c.cost
                + EMPTY * empty as f64
                + self.shallow(r) as f64
                + FOOT_WEIGHT * filled.gaps as f64
                + HOLE_PENALTY * filled.holes as f64
                + self.hole_cost(&holes);
            if best.as_ref().is_some_and(|x| cost >= x.cost) {
                continue;
            }
            let mut body = Element::new("body", r);
            body.spacers = Some(spacers);
            body.inset = Some([r.col + first, s, b + 1]);
            let mut e = Eval {
                cost: 0.0,
                empty,
                elements: vec![body],
                holes,
            }
            .join(c);
            e.cost = cost;
            best = Some(e);
        }
        best
    }

    /// Whether an empty rectangle `cols` wide and `lines` deep shows as a
    /// hole: under an element, with `AIR_BELOW` lines more; at a column's
    /// foot, with `FOOT_BELOW`.
    fn is_hole(&self, cols: usize, lines: usize, below: f64) -> bool {
        if cols == 0 || lines == 0 {
            return false;
        }
        // What the eye sees is larger than the empty cells: the gutter
        // beside them, and `below` lines more (the line between modules
        // under an element, what is left of its last line).
        let g = &self.measures.grid;
        let mm = 25.4 / 72.0;
        let w = (g.span_w(cols) + g.gutter) * mm;
        let h = (lines as f64 + below) * g.pitch * mm;
        w >= HOLE_MM.0 && h >= HOLE_MM.1 && w * h >= HOLE_MM.2
    }

    /// What the holes cost: each, and each of its cells.
    fn hole_cost(&self, holes: &[Rect]) -> f64 {
        holes
            .iter()
            .map(|h| HOLE_COST + 5.0 * (h.span * h.depth) as f64)
            .sum()
    }

    /// The hole at the foot of the body's columns in `r`, each column
    /// `feet[i]` lines short: the largest empty rectangle over a run of
    /// neighbouring columns, if it shows as a hole.
    fn foot_holes(&self, r: Rect, feet: &[usize]) -> Vec<Rect> {
        let deepest = feet.iter().copied().max().unwrap_or(0);
        // Above another element, the line between them is white too.
        let below = if r.line + r.depth == self.region_bottom {
            FOOT_BELOW
        } else {
            FOOT_BELOW + 1.0
        };
        if !self.is_hole(feet.len(), deepest, below) {
            return Vec::new();
        }
        let mut largest: Option<Rect> = None;
        for i in 0..feet.len() {
            for j in i + 1..=feet.len() {
                let depth = feet[i..j].iter().copied().min().unwrap_or(0);
                let area = (j - i) * depth;
                if self.is_hole(j - i, depth, FOOT_BELOW)
                    && largest.is_none_or(|l| area > l.span * l.depth)
                {
                    largest = Some(Rect {
                        col: r.col + i,
                        line: r.line + r.depth - depth,
                        span: j - i,
                        depth,
                    });
                }
            }
        }
        largest.into_iter().collect()
    }

    /// The penalty for legs of type too shallow to read.
    fn shallow(&self, r: Rect) -> usize {
        SHALLOW.saturating_sub(r.depth) * r.span * 10
    }

    /// The body in `r`: it must fit, with the slack asked for.
    fn body(&self, r: Rect) -> Option<Eval> {
        let d = r.depth.checked_sub(self.slack)?;
        let filled = fill(&self.body, r.span, d)?;
        let empty = filled.empty + self.slack * r.span;
        let shallow = self.shallow(r);
        let holes = self.foot_holes(r, &filled.feet);
        Some(Eval {
            cost: EMPTY * empty as f64
                + shallow as f64
                + FOOT_WEIGHT * filled.gaps as f64
                + HOLE_PENALTY * filled.holes as f64
                + self.hole_cost(&holes),
            empty,
            elements: vec![Element::new("body", r)],
            holes,
        })
    }

    /// The photo group in `r`: the best arrangement at most `r.depth`
    /// lines deep; lines it leaves are empty.
    fn photos(&self, r: Rect) -> Option<Eval> {
        let key = (r.span, r.depth, self.region_cells);
        let cached = self.photo_cache.borrow().get(&key).cloned();
        let at_origin = match cached {
            Some(hit) => hit,
            None => {
                let fresh = self.photos_at_origin(r.span, r.depth);
                self.photo_cache.borrow_mut().insert(key, fresh.clone());
                fresh
            }
        };
        at_origin.map(|e| e.shifted(r.col, r.line))
    }

    /// [`Page::photos`] in a rectangle at the region's top left.
    fn photos_at_origin(&self, span: usize, depth: usize) -> Option<Eval> {
        let all = self.arrangements(span);
        let r = Rect {
            col: 0,
            line: 0,
            span,
            depth,
        };
        let air = |h: usize| Rect {
            line: h,
            depth: depth - h,
            ..r
        };
        let cost_at = |h: usize| -> Option<f64> {
            let c = all.cost(h)?;
            let share = (span * h) as f64 / self.region_cells.max(1) as f64;
            let off = (ART_SHARE.0 - share).max(0.0) * 0.5 + (share - ART_SHARE.1).max(0.0);
            let a = air(h);
            let hole = if self.is_hole(a.span, a.depth, AIR_BELOW) {
                self.hole_cost(&[a])
            } else {
                0.0
            };
            Some(c + EMPTY * ((depth - h) * span) as f64 + off * self.region_cells as f64 + hole)
        };
        let (h, cost) = (0..=depth)
            .filter_map(|h| cost_at(h).map(|c| (h, c)))
            .min_by(|a, b| a.1.total_cmp(&b.1))?;
        let elements = (all.cells(&self.gallery, h).into_iter())
            .map(|c| {
                let at = Rect {
                    col: c.col,
                    line: c.line,
                    span: c.span,
                    depth: c.depth,
                };
                let mut e = Element::new("photo", at);
                e.index = Some(c.index);
                e.caption = Some(c.caption);
                e.crop = Some(c.crop);
                e.ppi = c.ppi;
                e
            })
            .collect();
        let a = air(h);
        let holes = self
            .is_hole(a.span, a.depth, AIR_BELOW)
            .then_some(a)
            .into_iter()
            .collect();
        Some(Eval {
            cost,
            empty: (depth - h) * span,
            elements,
            holes,
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
    fn side(&self, which: Option<usize>, r: Rect) -> Option<Eval> {
        let g = &self.measures.grid;
        // A box is one to three columns wide (four, side by side with the
        // other in a band).
        let (boxes, widest): (Vec<&String>, usize) = match which {
            Some(i) => (vec![self.boxes.get(i)?], MAX_BOX_SPAN + 1),
            None => (self.boxes.iter().collect(), MAX_BOX_SPAN),
        };
        if r.span > widest {
            return None;
        }
        let mut best: Option<Eval> = None;
        for (si, &scale) in self.measures.box_scales.iter().enumerate() {
            let depths: Vec<usize> = (boxes.iter())
                .map(|kind| {
                    let m = self
                        .measures
                        .boxes
                        .get(*kind)?
                        .iter()
                        .find(|b| b.span == r.span)?;
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
            for (i, (kind, d)) in boxes.iter().zip(&depths).enumerate() {
                let more = if stretch {
                    extra / depths.len() + usize::from(i < extra % depths.len())
                } else {
                    0
                };
                let mut e = Element::new(
                    kind,
                    Rect {
                        line,
                        depth: d + more,
                        ..r
                    },
                );
                e.scale = Some(scale);
                e.stretch = Some(stretch);
                line += d + more + 1;
                elements.push(e);
            }
            let air = Rect {
                line: r.line + natural,
                depth: extra,
                ..r
            };
            let holes: Vec<Rect> = (!stretch && self.is_hole(air.span, air.depth, AIR_BELOW))
                .then_some(air)
                .into_iter()
                .collect();
            // A larger type scale wins a tie.
            let cost = cost - 0.01 * si as f64 + self.hole_cost(&holes);
            if best.as_ref().is_none_or(|b| cost < b.cost) {
                best = Some(Eval {
                    cost,
                    empty,
                    elements,
                    holes,
                });
            }
        }
        best
    }
}
