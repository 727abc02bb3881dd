//! A story's variants: each width its headline fits, with its body filled
//! into that many columns (the feet of the columns a line or two short at
//! most), its first photo across the module at a few depths, and a line
//! or two of air under the head; each with what it costs.

use crate::makeup::columns::{BodyBlock, fill};
use crate::makeup::measures::GridMeasure;
use crate::makeup::{Element, HOUSE_MIN_PPI, Rect};

use super::measures::{StoryMeasure, StoryPhoto};

/// Lines a module's column may end short of its foot.
pub const MAX_FOOT: usize = 2;
/// … when no tiling exists otherwise (see [`Story::relaxed`]).
const RELAXED_FOOT: usize = 4;
/// Lines of air under the head when no tiling exists otherwise.
const RELAXED_AIR: usize = 5;
/// Lines of air a module may keep under its head.
const MAX_AIR: usize = 3;
/// What each line of air costs, per column of the module.
const AIR_COST: f64 = 3.0;
/// What a column's empty foot costs: its lines squared, times this.
const FOOT_COST: f64 = 2.0;
/// What each step down from the span table's headline size costs.
const STEP_COST: f64 = 6.0;
/// What each percent of picture cut away costs.
const CROP_COST: f64 = 0.4;
/// What each column the lead is narrower than half the page costs.
const NARROW_LEAD_COST: f64 = 25.0;
/// The most a story's photo is cropped to fit its module (less when its
/// `max_crop` says so).
const MAX_CROP: f64 = 0.25;
/// The fewest lines a jumping story's first part keeps in each column.
const MIN_JUMP_DEPTH: usize = 6;
/// Below this many lines in each column, a jumping story's first part
/// costs the square of the lines short.
const SHORT_JUMP_DEPTH: usize = 14;
/// Lines its continuation keeps at least (a jump of a few lines is no
/// jump)…
const MIN_REST_LINES: usize = 24;
/// … and at least this share of its lines.
const MIN_REST_SHARE: f64 = 0.2;
/// A photo deeper than this share of its module costs the square of the
/// excess times [`PHOTO_SHARE_COST`]: a story is read, not only seen.
const PHOTO_SHARE: f64 = 0.45;
/// See [`PHOTO_SHARE`].
const PHOTO_SHARE_COST: f64 = 300.0;
/// The smallest picture frame, in points (25 mm).
const MIN_FRAME_PT: f64 = 25.0 * 72.0 / 25.4;

/// One way to set a story: a module `span` × `depth`.
#[derive(Debug, Clone)]
pub struct Variant {
    /// Columns wide.
    pub span: usize,
    /// Lines deep.
    pub depth: usize,
    /// The head's lines, air included.
    pub head: usize,
    /// Headline size (points) and mode.
    pub size: f64,
    /// `one` or `lines`.
    pub mode: String,
    /// The photo's lines, caption height, crop and resolution.
    pub photo: Option<(usize, f64, f64, Option<f64>)>,
    /// The body's lines.
    pub body: usize,
    /// Empty column-lines (air and feet).
    pub empty: usize,
    /// What the variant costs.
    pub cost: f64,
    /// Page one's 导读 box, not a story.
    pub index: bool,
}

impl Variant {
    /// The story's elements in module `at` (story `story` of the page).
    pub fn elements(&self, story: usize, at: Rect) -> Vec<Element> {
        if self.index {
            return vec![Element::new("index", at)];
        }
        let mut out = Vec::new();
        let mut line = at.line;
        let mut next = |depth: usize| {
            let r = Rect {
                col: at.col,
                line,
                span: at.span,
                depth,
            };
            line += depth;
            r
        };
        let mut head = Element::new("head", next(self.head));
        head.size = Some(self.size);
        head.mode = Some(self.mode.clone());
        head.article = Some(story);
        out.push(head);
        if let Some((depth, caption, crop, ppi)) = self.photo {
            let mut photo = Element::new("photo", next(depth));
            photo.index = Some(0);
            photo.caption = Some(caption);
            photo.crop = Some(crop);
            photo.ppi = ppi;
            photo.article = Some(story);
            out.push(photo);
        }
        let mut body = Element::new("body", next(self.body));
        body.article = Some(story);
        out.push(body);
        out
    }
}

/// A story as its variants are made.
pub struct Story<'a> {
    /// What the layout measured.
    pub measure: &'a StoryMeasure,
    /// Its first photo.
    pub photo: Option<StoryPhoto>,
    /// The page's first story.
    pub lead: bool,
    /// The module width the desk gave it (`columns`).
    pub width: Option<usize>,
    /// Lines added to its body.
    pub extra: usize,
    /// The story jumps to a later page: its module may end anywhere its
    /// text would go on (one line kept for the jump line).
    pub jumps: bool,
    /// No tiling exists with the house's limits: columns may end
    /// [`RELAXED_FOOT`] lines short and heads keep [`RELAXED_AIR`] lines of
    /// air (each still costs its square, so the least is taken).
    pub relaxed: bool,
}

/// Every variant of `story` at most `max_depth` deep.
pub fn of_story(g: &GridMeasure, story: &Story, max_depth: usize) -> Vec<Variant> {
    let (s, photo, lead, extra) = (story.measure, story.photo, story.lead, story.extra);
    let mut blocks: Vec<BodyBlock> = (s.blocks.iter().enumerate())
        .map(|(i, &lines)| BodyBlock {
            lines,
            head: s.headings.get(i).copied().unwrap_or(false),
        })
        .collect();
    if let Some(last) = blocks.last_mut() {
        last.lines += extra;
    }
    let mut out = Vec::new();
    let wanted = |span: usize| story.width.is_none_or(|w| w == span);
    for h in s
        .heads
        .iter()
        .filter(|h| h.fits && h.span >= 1 && wanted(h.span))
    {
        let k = h.span;
        let head = g.lines_for(h.height);
        let frames = match photo {
            Some(p) => photo_frames(g, p, k, s.captions.get(k - 1).copied().unwrap_or(0.0)),
            None => vec![None],
        };
        let narrow = if lead {
            g.columns.div_ceil(2).saturating_sub(k) as f64 * NARROW_LEAD_COST
        } else {
            0.0
        };
        let (feet, air) = match story.relaxed {
            true => (RELAXED_FOOT, RELAXED_AIR),
            false => (MAX_FOOT, MAX_AIR),
        };
        let (found, airs) = match story.jumps {
            true => (jump_bodies(&blocks, k, max_depth), 0),
            false => (bodies(&blocks, k, max_depth, feet), air),
        };
        for (body, feet) in found {
            let short = SHORT_JUMP_DEPTH.saturating_sub(body).pow(2) * usize::from(story.jumps);
            for air in 0..=airs {
                for frame in &frames {
                    let photo_lines = frame.map_or(0, |f| f.0);
                    let depth = head + air + photo_lines + body;
                    if depth > max_depth {
                        continue;
                    }
                    let crop = frame.map_or(0.0, |f| f.2);
                    let foot: usize = feet.iter().map(|f| f * f).sum();
                    let share = photo_lines as f64 / depth.max(1) as f64;
                    let cost = narrow
                        + PHOTO_SHARE_COST * (share - PHOTO_SHARE).max(0.0).powi(2)
                        + short as f64
                        + STEP_COST * h.step as f64
                        + FOOT_COST * foot as f64
                        + AIR_COST * (air * air * k) as f64
                        + CROP_COST * crop * 100.0;
                    out.push(Variant {
                        span: k,
                        depth,
                        head: head + air,
                        size: h.size,
                        mode: h.mode.clone(),
                        photo: *frame,
                        body,
                        empty: air * k + feet.iter().sum::<usize>(),
                        cost,
                        index: false,
                    });
                }
            }
        }
    }
    out
}

/// Lines page one's 导读 box may stretch by (its entries spaced out).
const MAX_INDEX_STRETCH: usize = 24;
/// What each line of stretch costs, per column.
const INDEX_STRETCH_COST: f64 = 1.5;
/// The fewest columns a 导读 box takes on a page of four columns or more
/// (in one, its headlines break every few characters).
const MIN_INDEX_SPAN: usize = 2;

/// The variants of page one's 导读 box, whose natural heights at 1, 2, …
/// columns are `heights`: any depth from its natural one, stretched by
/// spacing its entries, at most `max_depth`.
pub fn of_index(g: &GridMeasure, heights: &[f64], max_depth: usize) -> Vec<Variant> {
    let mut out = Vec::new();
    for (i, &h) in heights.iter().enumerate() {
        let span = i + 1;
        if span < MIN_INDEX_SPAN.min(g.columns / 2) {
            continue;
        }
        let natural = g.lines_for(h);
        for depth in natural..=max_depth.min(natural + MAX_INDEX_STRETCH) {
            let stretch = (depth - natural) as f64;
            out.push(Variant {
                span,
                depth,
                head: 0,
                size: 0.0,
                mode: String::new(),
                photo: None,
                body: 0,
                empty: 0,
                cost: INDEX_STRETCH_COST * stretch * span as f64,
                index: true,
            });
        }
    }
    out
}

/// The body depths at which `blocks` fill `k` columns with every foot at
/// most `most` lines short, with those feet.
fn bodies(blocks: &[BodyBlock], k: usize, max: usize, most: usize) -> Vec<(usize, Vec<usize>)> {
    let total: usize = blocks.iter().map(|b| b.lines).sum();
    let from = total.div_ceil(k).max(1);
    (from..=max.min(from + most + 2))
        .filter_map(|d| fill(blocks, k, d).map(|f| (d, f.feet)))
        .filter(|(_, feet)| feet.iter().all(|&f| f <= most))
        .collect()
}

/// The body depths of a jumping story's first part in `k` columns: any
/// at which its text does not all fit (the last column keeps a line for
/// the jump line, and [`MIN_REST_LINES`] and [`MIN_REST_SHARE`] of it at
/// least go on), from [`MIN_JUMP_DEPTH`] lines.
fn jump_bodies(blocks: &[BodyBlock], k: usize, max: usize) -> Vec<(usize, Vec<usize>)> {
    let total: usize = blocks.iter().map(|b| b.lines).sum();
    let rest = MIN_REST_LINES.max((total as f64 * MIN_REST_SHARE).ceil() as usize);
    (MIN_JUMP_DEPTH..=max)
        .take_while(|d| k * d + rest <= total)
        .map(|d| (d, Vec::new()))
        .collect()
}

/// The photo frames across a module `k` columns wide: depths in lines
/// (caption included), with the caption's height, the share of the
/// picture cut away and the resolution.
#[allow(clippy::type_complexity)]
fn photo_frames(
    g: &GridMeasure,
    p: StoryPhoto,
    k: usize,
    caption: f64,
) -> Vec<Option<(usize, f64, f64, Option<f64>)>> {
    let w = g.span_w(k);
    let natural = w / p.aspect + caption;
    let limit = p.max_crop.min(MAX_CROP);
    let lo = g.lines_for(natural * (1.0 - limit)).max(1);
    let hi = g.lines_for(natural / (1.0 - limit));
    (lo..=hi)
        .filter_map(|d| {
            let frame = g.depth_h(d) - caption;
            if frame < MIN_FRAME_PT {
                return None;
            }
            let r = w / frame;
            let visible = if r > p.aspect {
                p.aspect / r
            } else {
                r / p.aspect
            };
            let crop = 1.0 - visible;
            let ppi = p.pixels.map(|(pw, ph)| {
                let scale = (w / f64::from(pw)).max(frame / f64::from(ph));
                72.0 / scale
            });
            let sharp = ppi.is_none_or(|v| v >= HOUSE_MIN_PPI);
            (crop <= limit + 1e-9 && sharp).then_some(Some((d, caption, crop, ppi)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::makeup::news::measures::NewsHead;

    /// A broadsheet's grid, as the layout publishes it.
    fn grid() -> GridMeasure {
        serde_json::from_str(
            r#"{"columns": 8, "chars-per-line": 12, "column-width": 114, "gutter": 10,
                "leading": 4.75, "pitch": 14.25, "lines": 100, "size": 9.5}"#,
        )
        .unwrap()
    }

    fn measure(lines: &[usize], captions: bool) -> StoryMeasure {
        StoryMeasure {
            heads: (1..=8)
                .map(|span| NewsHead {
                    span,
                    size: 20.0 + span as f64,
                    mode: "one".into(),
                    fits: span >= 2,
                    step: 0,
                    height: 60.0,
                })
                .collect(),
            blocks: lines.to_vec(),
            headings: Vec::new(),
            captions: if captions { vec![12.0; 8] } else { Vec::new() },
        }
    }

    #[test]
    fn modules_end_a_line_or_two_short_at_most() {
        let m = measure(&[10, 13, 7], false);
        let story = Story {
            measure: &m,
            photo: None,
            lead: false,
            width: None,
            extra: 0,
            jumps: false,
            relaxed: false,
        };
        let found = of_story(&grid(), &story, 90);
        assert!(!found.is_empty());
        assert!(
            found.iter().all(|v| v.span >= 2),
            "the headline fits from 2 columns"
        );
        for v in &found {
            assert_eq!(v.depth, v.head + v.body);
            // 30 lines in `span` columns of `body` lines: the air left.
            let air = v.span * v.body - 30;
            assert!(air <= v.span * MAX_FOOT, "{v:?}");
        }
        let narrow = Story {
            width: Some(3),
            ..story
        };
        assert!(of_story(&grid(), &narrow, 90).iter().all(|v| v.span == 3));
    }

    #[test]
    fn photos_span_the_module_within_their_crop() {
        let m = measure(&[40], true);
        let photo = StoryPhoto {
            aspect: 1.5,
            pixels: Some((3000, 2000)),
            max_crop: 0.3,
        };
        let story = Story {
            measure: &m,
            photo: Some(photo),
            lead: true,
            width: None,
            extra: 0,
            jumps: false,
            relaxed: false,
        };
        let found = of_story(&grid(), &story, 90);
        assert!(!found.is_empty());
        for v in &found {
            let (_, _, crop, ppi) = v.photo.expect("the photo is set");
            assert!(
                crop <= MAX_CROP + 1e-9 && ppi.unwrap() >= HOUSE_MIN_PPI,
                "{v:?}"
            );
        }
        // A lead narrower than half the page costs more.
        let cheapest = |span: usize| {
            (found.iter().filter(|v| v.span == span))
                .map(|v| v.cost)
                .fold(f64::MAX, f64::min)
        };
        assert!(cheapest(2) > cheapest(4));
    }
}
