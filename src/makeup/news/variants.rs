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
}

impl Variant {
    /// The story's elements in module `at` (story `story` of the page).
    pub fn elements(&self, story: usize, at: Rect) -> Vec<Element> {
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
        for (body, feet) in bodies(&blocks, k, max_depth) {
            for air in 0..=MAX_AIR {
                for frame in &frames {
                    let photo_lines = frame.map_or(0, |f| f.0);
                    let depth = head + air + photo_lines + body;
                    if depth > max_depth {
                        continue;
                    }
                    let crop = frame.map_or(0.0, |f| f.2);
                    let foot: usize = feet.iter().map(|f| f * f).sum();
                    let cost = narrow
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
                    });
                }
            }
        }
    }
    out
}

/// The body depths at which `blocks` fill `k` columns with every foot at
/// most [`MAX_FOOT`] lines short, with those feet.
fn bodies(blocks: &[BodyBlock], k: usize, max: usize) -> Vec<(usize, Vec<usize>)> {
    let total: usize = blocks.iter().map(|b| b.lines).sum();
    let from = total.div_ceil(k).max(1);
    (from..=max.min(from + MAX_FOOT + 2))
        .filter_map(|d| fill(blocks, k, d).map(|f| (d, f.feet)))
        .filter(|(_, feet)| feet.iter().all(|&f| f <= MAX_FOOT))
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
