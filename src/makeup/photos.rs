//! Photos in justified rows on the grid, as photo sites lay out galleries:
//! each row's photos share one depth in whole lines, their widths are
//! whole columns, and the row breaks are a shortest path over (photos
//! placed, lines used). A frame keeps its picture's shape within the crop
//! limit, is never larger than the picture's pixels allow at the minimum
//! ppi, and never smaller than the house's smallest frame.

use crate::content::SizeClass;

use super::measures::GridMeasure;

/// Weight of a cell's squared crop in the score (per column × line).
const CROP_WEIGHT: f64 = 3.0;
/// A one-column photo in a group four or more columns wide.
const NARROW_PENALTY: f64 = 15.0;
/// The first of three or more photos not at least half the group's width.
const LEAD_PENALTY: f64 = 25.0;
/// The largest share of the type area a frame for a picture not yet in
/// the folder may take.
const OPEN_FRAME_SHARE: f64 = 0.3;
/// Above this effective resolution a picture only costs bytes (the
/// preflight's default `--max-ppi`): set it larger.
const MAX_PPI: f64 = 600.0;
/// Per column × line of a picture set above [`MAX_PPI`].
const DENSE_WEIGHT: f64 = 2.0;
/// Per column × line of a picture set below the minimum resolution (one
/// too small for even the smallest frame): it is kept as small as it goes.
const THIN_WEIGHT: f64 = 5.0;

/// A photo as the planner sees it.
#[derive(Debug, Clone)]
pub struct PhotoIn {
    /// Its place in the article's `[[photos]]` list.
    pub index: usize,
    /// Width : height of the picture (or of the frame planned for it).
    pub aspect: f64,
    /// The picture's pixels, when it is in the folder.
    pub pixels: Option<(u32, u32)>,
    /// Whether the pixels cap the frame: a picture too small for even the
    /// smallest frame at the minimum ppi is set small instead, and the
    /// preflight names its resolution.
    pub capped: bool,
    /// `size`.
    pub size: Option<SizeClass>,
    /// `columns`.
    pub columns: Option<usize>,
    /// The fraction of its area a frame may cut away.
    pub max_crop: f64,
    /// Its caption's height at 1, 2, … columns.
    pub captions: Vec<f64>,
}

/// One photo's frame in a group, relative to the group's top left.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The photo's place in the article's list.
    pub index: usize,
    /// First column (0-based) within the group.
    pub col: usize,
    /// First line within the group.
    pub line: usize,
    /// Columns wide.
    pub span: usize,
    /// Lines deep, caption included.
    pub depth: usize,
    /// The height the row's captions take.
    pub caption: f64,
    /// The fraction of the picture's area the frame cuts away.
    pub crop: f64,
    /// Effective resolution, when the picture is in the folder.
    pub ppi: Option<f64>,
}

/// Arranges photos in groups of a given width.
pub struct Gallery<'a> {
    /// The photos, in reading order.
    pub photos: &'a [PhotoIn],
    /// The page grid.
    pub grid: GridMeasure,
    /// The lowest effective resolution a print page may have.
    pub min_ppi: f64,
    /// The smallest picture frame's height.
    pub min_frame: f64,
}

/// The best arrangements of all photos in a group of one width, for each
/// exact depth in lines.
pub struct Arrangements {
    /// Per (photos placed, lines used): the best way to get there.
    table: Vec<Vec<Option<Step>>>,
}

/// The best arrangement of the first photos in so many lines: its cost
/// and its last row.
#[derive(Debug, Clone)]
struct Step {
    cost: f64,
    /// The row's first photo.
    start: usize,
    /// The row's depth in lines.
    depth: usize,
    /// Each photo's columns.
    spans: Vec<usize>,
}

impl Arrangements {
    /// The cost of the best arrangement exactly `h` lines deep.
    pub fn cost(&self, h: usize) -> Option<f64> {
        self.table.last()?.get(h)?.as_ref().map(|b| b.cost)
    }

    /// The cells of the best arrangement exactly `h` lines deep.
    pub fn cells(&self, gallery: &Gallery, h: usize) -> Vec<Cell> {
        let mut rows = Vec::new();
        let (mut j, mut h) = (self.table.len() - 1, h);
        while j > 0 {
            let Some(Step {
                start: i,
                depth: m,
                spans,
                ..
            }) = self.table[j][h].clone()
            else {
                break;
            };
            rows.push((i, j, m, spans));
            h = h.saturating_sub(m + usize::from(i > 0));
            j = i;
        }
        rows.reverse();
        let mut cells = Vec::new();
        let mut line = 0;
        for (i, j, m, spans) in rows {
            let photos = &gallery.photos[i..j];
            let caption = gallery.row_caption(photos, &spans);
            let mut col = 0;
            for (p, &span) in photos.iter().zip(&spans) {
                let (crop, ppi) = gallery.frame(p, span, m, caption);
                cells.push(Cell {
                    index: p.index,
                    col,
                    line,
                    span,
                    depth: m,
                    caption,
                    crop,
                    ppi,
                });
                col += span;
            }
            line += m + 1;
        }
        cells
    }
}

impl Gallery<'_> {
    /// The best arrangement of every photo `width` columns wide, for each
    /// depth up to `max_h` lines.
    pub fn arrange(&self, width: usize, max_h: usize) -> Arrangements {
        let n = self.photos.len();
        let mut table: Vec<Vec<Option<Step>>> = vec![vec![None; max_h + 1]; n + 1];
        let mut reach = vec![vec![f64::INFINITY; max_h + 1]; n + 1];
        reach[0][0] = 0.0;
        for j in 1..=n {
            for i in j.saturating_sub(width.min(4))..j {
                let gap = usize::from(i > 0);
                for (m, cost, spans) in self.rows(i, j, width, max_h) {
                    for h in (m + gap)..=max_h {
                        let before = reach[i][h - m - gap];
                        if before.is_finite() && before + cost < reach[j][h] {
                            reach[j][h] = before + cost;
                            table[j][h] = Some(Step {
                                cost: before + cost,
                                start: i,
                                depth: m,
                                spans: spans.clone(),
                            });
                        }
                    }
                }
            }
        }
        Arrangements { table }
    }

    /// For photos `i..j` side by side in one row `width` columns wide, the
    /// best spans and cost at each depth the row can take.
    fn rows(
        &self,
        i: usize,
        j: usize,
        width: usize,
        max_h: usize,
    ) -> Vec<(usize, f64, Vec<usize>)> {
        let photos = &self.photos[i..j];
        let mut best: Vec<Option<(f64, Vec<usize>)>> = vec![None; max_h + 1];
        for spans in compositions(width, photos.len()) {
            if !self.spans_allowed(photos, &spans, width) {
                continue;
            }
            let caption = self.row_caption(photos, &spans);
            let Some((lo, hi)) = self.depth_range(photos, &spans, caption, max_h) else {
                continue;
            };
            for (m, slot) in best.iter_mut().enumerate().take(hi + 1).skip(lo) {
                let mut cost = 0.0;
                for (p, &span) in photos.iter().zip(&spans) {
                    let (crop, ppi) = self.frame(p, span, m, caption);
                    cost += CROP_WEIGHT * crop * crop * (span * m) as f64;
                    if ppi.is_some_and(|ppi| ppi > MAX_PPI) {
                        cost += DENSE_WEIGHT * (span * m) as f64;
                    }
                    if p.pixels.is_some() && !p.capped {
                        cost += THIN_WEIGHT * (span * m) as f64;
                    }
                    if span == 1
                        && width >= 4
                        && p.size != Some(SizeClass::Small)
                        && p.columns != Some(1)
                    {
                        cost += NARROW_PENALTY;
                    }
                    if p.index == self.photos[0].index
                        && self.photos.len() >= 3
                        && p.size.is_none()
                        && p.columns.is_none()
                        && 2 * span < width
                    {
                        cost += LEAD_PENALTY;
                    }
                }
                if slot.as_ref().is_none_or(|b| cost < b.0) {
                    *slot = Some((cost, spans.clone()));
                }
            }
        }
        (best.into_iter().enumerate())
            .filter_map(|(m, b)| b.map(|(c, s)| (m, c, s)))
            .collect()
    }

    /// Whether the editor's hints allow these spans.
    fn spans_allowed(&self, photos: &[PhotoIn], spans: &[usize], width: usize) -> bool {
        photos.iter().zip(spans).all(|(p, &span)| {
            if let Some(c) = p.columns {
                return span == c;
            }
            match p.size {
                Some(SizeClass::Lead) => 2 * span >= width,
                Some(SizeClass::Large) => 8 * span >= 3 * width,
                Some(SizeClass::Small) => span <= (width / 4).max(1),
                Some(SizeClass::Medium) | None => true,
            }
        })
    }

    /// The height a row's captions take: its longest caption's.
    fn row_caption(&self, photos: &[PhotoIn], spans: &[usize]) -> f64 {
        photos
            .iter()
            .zip(spans)
            .map(|(p, &s)| p.captions.get(s - 1).copied().unwrap_or(0.0))
            .fold(0.0, f64::max)
    }

    /// The depths (in lines) at which every photo of a row keeps its shape
    /// within its crop limit, its resolution and the smallest frame.
    fn depth_range(
        &self,
        photos: &[PhotoIn],
        spans: &[usize],
        caption: f64,
        max_h: usize,
    ) -> Option<(usize, usize)> {
        let (mut lo, mut hi) = (self.min_frame, f64::INFINITY);
        let max_scale = 72.0 / self.min_ppi;
        for (p, &span) in photos.iter().zip(spans) {
            let w = self.grid.span_w(span);
            let keep = 1.0 - p.max_crop;
            lo = lo.max(w * keep / p.aspect);
            hi = hi.min(w / (p.aspect * keep));
            if p.pixels.is_none() {
                // A frame for a picture to come is no larger than a share
                // of the page: a short body does not inflate it.
                let g = &self.grid;
                let area = g.span_w(g.columns) * g.depth_h(g.lines);
                hi = hi.min(OPEN_FRAME_SHARE * area / w);
            }
            if let (Some((pw, ph)), true) = (p.pixels, p.capped) {
                if w > f64::from(pw) * max_scale {
                    return None;
                }
                hi = hi.min(f64::from(ph) * max_scale);
            }
        }
        let g = &self.grid;
        let to_lines = |h: f64| (h + caption + g.leading) / g.pitch;
        let lo = (to_lines(lo) - 1e-6).ceil().max(1.0) as usize;
        let hi = (to_lines(hi) + 1e-6).floor().min(max_h as f64) as usize;
        (lo <= hi).then_some((lo, hi))
    }

    /// The crop and effective ppi of photo `p` in a frame `span` columns
    /// by `depth` lines whose caption takes `caption`.
    pub fn frame(
        &self,
        p: &PhotoIn,
        span: usize,
        depth: usize,
        caption: f64,
    ) -> (f64, Option<f64>) {
        let w = self.grid.span_w(span);
        let h = (self.grid.depth_h(depth) - caption).max(1.0);
        let shape = w / h;
        let crop = 1.0 - (shape / p.aspect).min(p.aspect / shape);
        let ppi = p
            .pixels
            .map(|(pw, ph)| 72.0 / (w / f64::from(pw)).max(h / f64::from(ph)));
        (crop, ppi)
    }
}

/// Every way to cut `total` columns into `parts` whole widths, in order.
fn compositions(total: usize, parts: usize) -> Vec<Vec<usize>> {
    if parts == 0 || parts > total {
        return Vec::new();
    }
    if parts == 1 {
        return vec![vec![total]];
    }
    let mut out = Vec::new();
    for first in 1..=total - (parts - 1) {
        for mut rest in compositions(total - first, parts - 1) {
            rest.insert(0, first);
            out.push(rest);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid() -> GridMeasure {
        GridMeasure {
            columns: 8,
            chars_per_line: 12,
            column_width: 114.0,
            gutter: 14.0,
            leading: 4.75,
            pitch: 14.25,
            lines: 102,
            size: 9.5,
        }
    }

    fn gallery(photos: &[PhotoIn]) -> Gallery<'_> {
        Gallery {
            photos,
            grid: grid(),
            min_ppi: 200.0,
            min_frame: 70.0,
        }
    }

    fn photo(index: usize, aspect: f64) -> PhotoIn {
        PhotoIn {
            index,
            aspect,
            pixels: None,
            capped: true,
            size: None,
            columns: None,
            max_crop: 0.3,
            captions: vec![20.0; 8],
        }
    }

    #[test]
    fn compositions_cover_every_cut() {
        assert_eq!(compositions(4, 2), vec![vec![1, 3], vec![2, 2], vec![3, 1]]);
        assert_eq!(compositions(8, 3).len(), 21);
    }

    #[test]
    fn five_photos_fill_their_rectangle_without_holes() {
        let photos: Vec<_> = (0..5).map(|i| photo(i, 1.5)).collect();
        let gallery = gallery(&photos);
        let all = gallery.arrange(6, 60);
        let h = (0..=60)
            .find(|&h| all.cost(h).is_some() && h >= 40)
            .expect("an arrangement");
        let cells = all.cells(&gallery, h);
        assert_eq!(cells.len(), 5);
        // Every row is filled across the six columns.
        for line in cells.iter().map(|c| c.line) {
            let across: usize = cells
                .iter()
                .filter(|c| c.line == line)
                .map(|c| c.span)
                .sum();
            assert_eq!(across, 6);
        }
        assert!(cells.iter().all(|c| c.crop <= 0.3 + 1e-9), "{cells:?}");
    }

    #[test]
    fn pixels_cap_a_frame() {
        let mut small = photo(0, 1.5);
        small.pixels = Some((600, 400));
        let photos = [small];
        let gallery = gallery(&photos);
        // 600 px at 200 ppi is 216 pt: at most one column (114 pt) fits.
        let all = gallery.arrange(2, 60);
        assert!((0..=60).all(|h| all.cost(h).is_none()));
        let one = gallery.arrange(1, 60);
        assert!((0..=60).any(|h| one.cost(h).is_some()));
    }
}
