//! Rebuilds the text lines of a laid-out page from its frames (not from the
//! source): every run of glyphs with its absolute position, grouped into
//! lines by baseline.

use typst::layout::{Frame, FrameItem, Point, Transform};
use typst::text::TextItem;

use crate::han::{is_chinese, needs_glyph};

/// One run of glyphs as placed on the page.
#[derive(Debug, Clone)]
pub struct PlacedRun {
    /// Left edge of the run's first glyph, in points from the page's left.
    pub x: f64,
    /// Right edge of the run (its set width added to `x`).
    pub x_end: f64,
    /// Baseline, in points from the page's top.
    pub y: f64,
    /// Font size in points.
    pub size: f64,
    /// The run's text.
    pub text: String,
    /// Width in character cells at nominal widths: one per Chinese
    /// character or full-width mark, the advance of the glyph as set (in
    /// ems; half-width forms give half a cell) for Latin letters and digits;
    /// no justification, spacing or compression.
    pub cells: f64,
    /// Characters whose glyph is the font's .notdef (tofu).
    pub tofu: Vec<char>,
    /// Each glyph's text, set advance and natural advance, in points: what
    /// justification and spacing added shows as their difference.
    pub glyphs: Vec<(String, f64, f64)>,
}

/// One line: runs on the same baseline that follow each other.
#[derive(Debug, Clone)]
pub struct Line {
    /// Left edge in points.
    pub x: f64,
    /// Right edge in points.
    pub x_end: f64,
    /// Baseline in points.
    pub y: f64,
    /// The largest font size on the line.
    pub size: f64,
    /// The text, runs joined in order.
    pub text: String,
    /// Width in character cells (see [`PlacedRun::cells`]).
    pub cells: f64,
    /// Characters no font could supply.
    pub tofu: Vec<char>,
}

/// Every run of text on the page, in absolute coordinates.
pub fn runs(frame: &Frame) -> Vec<PlacedRun> {
    let mut out = Vec::new();
    collect(frame, Transform::identity(), &mut out);
    out
}

fn collect(frame: &Frame, ts: Transform, out: &mut Vec<PlacedRun>) {
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(group) => {
                let ts = ts
                    .pre_concat(Transform::translate(pos.x, pos.y))
                    .pre_concat(group.transform);
                collect(&group.frame, ts, out);
            }
            FrameItem::Text(text) => out.push(run(text, pos.transform(ts))),
            _ => {}
        }
    }
}

fn run(item: &TextItem, at: Point) -> PlacedRun {
    let size = item.size.to_pt();
    let width: f64 = item
        .glyphs
        .iter()
        .map(|g| g.x_advance.at(item.size).to_pt())
        .sum();
    let cells: f64 = item
        .glyphs
        .iter()
        .map(|g| {
            let text = item
                .text
                .get(usize::from(g.range.start)..usize::from(g.range.end))
                .unwrap_or("");
            let wide = text.chars().filter(|c| is_chinese(*c)).count();
            if wide > 0 {
                wide as f64
            } else {
                item.font.x_advance(g.id).unwrap_or(g.x_advance).get()
            }
        })
        .sum();
    let tofu = item
        .glyphs
        .iter()
        .filter(|g| g.id == 0)
        .filter_map(|g| {
            item.text
                .get(usize::from(g.range.start)..usize::from(g.range.end))
        })
        .flat_map(str::chars)
        .filter(|c| needs_glyph(*c))
        .collect();
    let glyphs = item
        .glyphs
        .iter()
        .map(|g| {
            let text = item
                .text
                .get(usize::from(g.range.start)..usize::from(g.range.end))
                .unwrap_or("");
            let natural = item
                .font
                .x_advance(g.id)
                .unwrap_or(g.x_advance)
                .at(item.size)
                .to_pt();
            (text.to_string(), g.x_advance.at(item.size).to_pt(), natural)
        })
        .collect();
    PlacedRun {
        x: at.x.to_pt(),
        x_end: at.x.to_pt() + width,
        y: at.y.to_pt(),
        size,
        text: item.text.to_string(),
        cells,
        tofu,
        glyphs,
    }
}

/// Groups runs into lines: same baseline (within a tenth of a point) and no
/// gap wider than half an em between one run and the next (a column gutter
/// is wider, so neighbouring columns' lines stay apart).
pub fn lines(mut runs: Vec<PlacedRun>) -> Vec<Line> {
    // First gather runs on one baseline (within a tenth of a point), then
    // order each baseline left to right and split it where a gap opens.
    runs.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut baselines: Vec<Vec<PlacedRun>> = Vec::new();
    for r in runs {
        match baselines.last_mut() {
            Some(group) if (r.y - group[0].y).abs() < 0.1 => group.push(r),
            _ => baselines.push(vec![r]),
        }
    }
    let mut out: Vec<Line> = Vec::new();
    for mut group in baselines {
        group.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut current: Option<Line> = None;
        for r in group {
            if let Some(line) = current.as_mut()
                && r.x - line.x_end < 0.5 * line.size.max(r.size)
                && r.x >= line.x_end - 0.5
            {
                line.x_end = r.x_end;
                line.size = line.size.max(r.size);
                line.text.push_str(&r.text);
                line.cells += r.cells;
                line.tofu.extend(r.tofu);
                continue;
            }
            out.extend(current.take());
            current = Some(Line {
                x: r.x,
                x_end: r.x_end,
                y: r.y,
                size: r.size,
                text: r.text,
                cells: r.cells,
                tofu: r.tofu,
            });
        }
        out.extend(current);
    }
    out
}
