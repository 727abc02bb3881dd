//! The order-keeping guillotine search: the cheapest way to cut a
//! rectangle of `w` columns × `h` lines into modules for stories `i..j`, in
//! the page's order — one story's variant exactly that size, or a cut
//! across (stories `i..m` above, `m..j` below) or down (`i..m` left,
//! `m..j` right). Keeping the order puts the lead at the top left. Every
//! rectangle is filled exactly: a page it finds has no holes.

use crate::makeup::Rect;

use super::variants::Variant;

/// What two headlines of one size side by side on one line cost (撞题).
const BUMP_COST: f64 = 60.0;

/// The stories' modules and variants, in the page's order, for the
/// cheapest tiling of `n` columns × `depth` lines; `None` when none exists.
/// The lead is the widest story with the largest headline: each width of
/// the lead is tried with the other stories at most as wide and their
/// headlines smaller.
pub fn tile(stories: &[Vec<Variant>], n: usize, depth: usize) -> Option<Vec<(Rect, Variant)>> {
    let mut spans: Vec<usize> = stories.first()?.iter().map(|v| v.span).collect();
    spans.sort_unstable();
    spans.dedup();
    let mut best: Option<(f64, Vec<(Rect, Variant)>)> = None;
    for lead in spans.into_iter().rev() {
        let mut search = Search::new(stories, n, depth, lead);
        let Some(t) = search.best(0, stories.len(), n, depth) else {
            continue;
        };
        if best.as_ref().is_none_or(|b| t.cost < b.0) {
            let mut out = vec![None; stories.len()];
            let whole = Rect {
                col: 0,
                line: 0,
                span: n,
                depth,
            };
            search.unfold(0, stories.len(), whole, &mut out);
            let found = out.into_iter().collect::<Option<Vec<_>>>()?;
            best = Some((t.cost, found));
        }
    }
    best.map(|b| b.1)
}

/// How a rectangle was filled.
#[derive(Debug, Clone, Copy)]
enum Choice {
    /// One story: its variant.
    Story(usize),
    /// Stories `..m` above, `h` lines deep; the rest below.
    Across(usize, usize),
    /// Stories `..m` left, `w` columns wide; the rest right.
    Down(usize, usize),
}

/// The cheapest filling of one rectangle.
#[derive(Debug, Clone, Copy)]
struct Tile {
    cost: f64,
    /// Headline sizes of the modules at its top left and top right.
    left: f64,
    right: f64,
    choice: Choice,
}

/// One search, for one width of the lead.
struct Search<'a> {
    stories: &'a [Vec<Variant>],
    n: usize,
    depth: usize,
    /// The cheapest variant of story `i` `w` × `h`.
    single: Vec<Option<usize>>,
    /// The least and most area each story may take, summed from story 0.
    least: Vec<usize>,
    most: Vec<usize>,
    memo: Vec<Option<Option<Tile>>>,
}

impl<'a> Search<'a> {
    /// A search in which the lead is `lead` columns wide and no other
    /// story wider.
    fn new(stories: &'a [Vec<Variant>], n: usize, depth: usize, lead: usize) -> Self {
        let count = stories.len();
        let mut single = vec![None; count * (n + 1) * (depth + 1)];
        let (mut least, mut most) = (vec![0usize], vec![0usize]);
        let lead_size = (stories[0].iter())
            .filter(|v| v.span == lead)
            .map(|v| v.size)
            .fold(0.0, f64::max);
        for (i, variants) in stories.iter().enumerate() {
            let allowed = |v: &&Variant| {
                if i == 0 {
                    v.span == lead
                } else {
                    v.span <= lead && v.size < lead_size
                }
            };
            let (mut lo, mut hi) = (usize::MAX, 0);
            for (k, v) in variants.iter().enumerate().filter(|(_, v)| allowed(v)) {
                let at = (i * (n + 1) + v.span) * (depth + 1) + v.depth;
                if single[at].is_none_or(|b: usize| v.cost < variants[b].cost) {
                    single[at] = Some(k);
                }
                lo = lo.min(v.span * v.depth);
                hi = hi.max(v.span * v.depth);
            }
            let last = least.len() - 1;
            least.push(least[last].saturating_add(lo));
            most.push(most[last] + hi);
        }
        Self {
            stories,
            n,
            depth,
            single,
            least,
            most,
            memo: vec![None; count * (count + 1) * (n + 1) * (depth + 1)],
        }
    }

    /// Whether stories `i..j` may fill `area` column-lines.
    fn may_fill(&self, i: usize, j: usize, area: usize) -> bool {
        self.least[j].saturating_sub(self.least[i]) <= area && area <= self.most[j] - self.most[i]
    }

    /// The cheapest filling of `w` × `h` by stories `i..j`.
    fn best(&mut self, i: usize, j: usize, w: usize, h: usize) -> Option<Tile> {
        let key = ((i * (self.stories.len() + 1) + j) * (self.n + 1) + w) * (self.depth + 1) + h;
        if let Some(found) = self.memo[key] {
            return found;
        }
        let found = self.compute(i, j, w, h);
        self.memo[key] = Some(found);
        found
    }

    fn compute(&mut self, i: usize, j: usize, w: usize, h: usize) -> Option<Tile> {
        if !self.may_fill(i, j, w * h) {
            return None;
        }
        if j - i == 1 {
            let k = self.single[(i * (self.n + 1) + w) * (self.depth + 1) + h]?;
            let v = &self.stories[i][k];
            return Some(Tile {
                cost: v.cost,
                left: v.size,
                right: v.size,
                choice: Choice::Story(k),
            });
        }
        let mut best: Option<Tile> = None;
        let mut keep = |t: Tile| {
            if best.is_none_or(|b| t.cost < b.cost) {
                best = Some(t);
            }
        };
        for m in i + 1..j {
            for top in 1..h {
                if !self.may_fill(i, m, w * top) || !self.may_fill(m, j, w * (h - top)) {
                    continue;
                }
                let Some(a) = self.best(i, m, w, top) else {
                    continue;
                };
                let Some(b) = self.best(m, j, w, h - top) else {
                    continue;
                };
                keep(Tile {
                    cost: a.cost + b.cost,
                    left: a.left,
                    right: a.right,
                    choice: Choice::Across(m, top),
                });
            }
            for left in 1..w {
                if !self.may_fill(i, m, left * h) || !self.may_fill(m, j, (w - left) * h) {
                    continue;
                }
                let Some(a) = self.best(i, m, left, h) else {
                    continue;
                };
                let Some(b) = self.best(m, j, w - left, h) else {
                    continue;
                };
                let bump = if (a.right - b.left).abs() < 0.01 {
                    BUMP_COST
                } else {
                    0.0
                };
                keep(Tile {
                    cost: a.cost + b.cost + bump,
                    left: a.left,
                    right: b.right,
                    choice: Choice::Down(m, left),
                });
            }
        }
        best
    }

    /// Writes each story's module and variant of the filling of `r` by
    /// stories `i..j` into `out`.
    fn unfold(&mut self, i: usize, j: usize, r: Rect, out: &mut [Option<(Rect, Variant)>]) {
        let Some(t) = self.best(i, j, r.span, r.depth) else {
            return;
        };
        match t.choice {
            Choice::Story(k) => out[i] = Some((r, self.stories[i][k].clone())),
            Choice::Across(m, top) => {
                self.unfold(i, m, Rect { depth: top, ..r }, out);
                let below = Rect {
                    line: r.line + top,
                    depth: r.depth - top,
                    ..r
                };
                self.unfold(m, j, below, out);
            }
            Choice::Down(m, left) => {
                self.unfold(i, m, Rect { span: left, ..r }, out);
                let right = Rect {
                    col: r.col + left,
                    span: r.span - left,
                    ..r
                };
                self.unfold(m, j, right, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(span: usize, depth: usize, size: f64) -> Variant {
        Variant {
            span,
            depth,
            head: 3,
            size,
            mode: "one".into(),
            photo: None,
            body: depth - 3,
            empty: 0,
            cost: 1.0,
            index: false,
        }
    }

    #[test]
    fn stories_tile_the_page_in_order_without_holes() {
        // A lead 4 × 10 or 2 × 20; two stories 2 × 10 each.
        let stories = vec![
            vec![v(4, 10, 48.0), v(2, 20, 30.0)],
            vec![v(2, 10, 26.0)],
            vec![v(2, 10, 26.0), v(2, 10, 22.0)],
        ];
        let found = tile(&stories, 4, 20).unwrap();
        assert_eq!(
            (found[0].0.col, found[0].0.line),
            (0, 0),
            "the lead top left"
        );
        let area: usize = found.iter().map(|(r, _)| r.span * r.depth).sum();
        assert_eq!(area, 80);
        // Cheapest: the lead down the left, the others stacked beside it
        // (side by side under the lead their headlines would be one size).
        assert_eq!(found[0].0.span, 2);
        assert_eq!(
            found[2].0,
            Rect {
                col: 2,
                line: 10,
                span: 2,
                depth: 10
            }
        );
        assert!(tile(&stories[..2], 4, 20).is_none(), "a hole is no tiling");
    }
}
