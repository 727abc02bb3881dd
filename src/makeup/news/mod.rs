//! The news page (`layouts/news.typ`): two to eight stories, each a
//! rectangular module (版块) of whole columns × whole lines. Each story
//! gets its variants — a width in columns, its first photo's depth, a line
//! or two of air — and an order-keeping guillotine search ([`tiling`])
//! picks the cheapest tiling of the type area under the folio: the lead
//! at the top left and widest, no holes, no two headlines of one size
//! side by side.

mod measures;
mod tiling;
mod variants;

use super::{Element, Plan, Rect};

pub use measures::{NewsHead, NewsMeasures, StoryMeasure, StoryPhoto};
pub use variants::Variant;

/// Why no tiling holds the page.
#[derive(Debug, Clone, PartialEq)]
pub enum NewsUnfit {
    /// Story `story`'s headline fits no module width at any size.
    Headline {
        /// Its place in the page's list.
        story: usize,
    },
    /// Story `story` does not fit the page even across all its columns:
    /// this many body lines (at the page's column measure) too many.
    Story {
        /// Its place in the page's list.
        story: usize,
        /// Lines over.
        lines: usize,
    },
    /// Together the stories need more than the page: the column-lines
    /// over, and the story with the most body lines.
    Overset {
        /// Column-lines over.
        lines: usize,
        /// The longest story.
        longest: usize,
    },
    /// Together the stories cannot fill the page: the column-lines short.
    Underset {
        /// Column-lines short.
        lines: usize,
    },
    /// Their sizes add up but no tiling of whole modules exists: the
    /// least and most column-lines they take, and what the page holds.
    NoTiling {
        /// The least column-lines the stories take together.
        least: usize,
        /// The most.
        most: usize,
        /// The page's column-lines.
        cells: usize,
    },
}

/// What the desk and the edition say of each story of a news page.
#[derive(Debug, Clone, Copy, Default)]
pub struct StoryHints {
    /// Its first photo.
    pub photo: Option<StoryPhoto>,
    /// The module width the desk gave it (`columns`).
    pub width: Option<usize>,
    /// It jumps to a later page (`continues_on`): its module may end
    /// anywhere its text would go on.
    pub jumps: bool,
}

/// Plans a news page: every story in a module, the folio on top, the
/// staff line at the foot. `hints[i]` is what the desk said of story `i`;
/// `extra[i]` lines are added to its body (a placing pass found it longer
/// than measured).
pub fn make_up_news(
    m: &NewsMeasures,
    hints: &[StoryHints],
    extra: &[usize],
) -> Result<Plan, NewsUnfit> {
    let frame = Frame::of(m);
    let (n, depth) = (m.grid.columns, frame.depth);
    // Page one's 导读 box comes second, after the lead: beside it, or
    // under it.
    let index = !m.index.is_empty() && !m.stories.is_empty();
    let all = |relaxed: bool| {
        let mut stories = story_variants(m, hints, extra, depth, relaxed);
        if index {
            stories.insert(1, variants::of_index(&m.grid, &m.index, depth));
        }
        stories
    };
    // The house's limits first; only when no page holds with them, feet
    // and air a little longer.
    let strict = all(false);
    let found = tiling::tile(&strict, n, depth)
        .or_else(|| tiling::tile(&all(true), n, depth))
        .ok_or_else(|| {
            let mut stories = strict.clone();
            if index {
                stories.remove(1);
            }
            unfit(m, &stories, n, depth)
        })?;
    Ok(frame.place(m, &found, index))
}

/// The page around the stories: the folio's lines on top, the staff
/// line's at the foot (with a line between), and the lines between.
struct Frame {
    mast: usize,
    staff: Option<usize>,
    depth: usize,
}

impl Frame {
    fn of(m: &NewsMeasures) -> Self {
        let g = m.grid;
        let mast = g.lines_for(m.masthead);
        let staff = (m.staff > 0.0).then(|| g.lines_for(m.staff));
        let bottom = g.lines - staff.map_or(0, |d| d + 1);
        Self {
            mast,
            staff,
            depth: bottom.saturating_sub(mast),
        }
    }

    /// The plan: the folio, each module of `found` (the 导读 box second
    /// when `index`) under it, the staff line.
    fn place(&self, m: &NewsMeasures, found: &[(Rect, Variant)], index: bool) -> Plan {
        let (n, lines) = (m.grid.columns, m.grid.lines);
        let story_of = |i: usize| if index && i >= 1 { i - 1 } else { i };
        let band = |line: usize, depth: usize| Rect {
            col: 0,
            line,
            span: n,
            depth,
        };
        let mut elements = vec![Element::new("masthead", band(0, self.mast))];
        let mut empty = 0;
        for (i, (rect, v)) in found.iter().enumerate() {
            let at = Rect {
                line: rect.line + self.mast,
                ..*rect
            };
            empty += v.empty;
            elements.extend(v.elements(story_of(i), at));
        }
        if let Some(d) = self.staff {
            elements.push(Element::new("staff", band(lines - d, d)));
        }
        Plan {
            elements,
            columns: n,
            lines,
            empty,
            cells: n * self.depth,
            holes: Vec::new(),
            lead_moved: false,
        }
    }
}

/// Every story's variants at most `depth` deep (with the house's limits,
/// or `relaxed` ones).
fn story_variants(
    m: &NewsMeasures,
    hints: &[StoryHints],
    extra: &[usize],
    depth: usize,
    relaxed: bool,
) -> Vec<Vec<Variant>> {
    (m.stories.iter().enumerate())
        .map(|(i, s)| {
            let hint = hints.get(i).copied().unwrap_or_default();
            let story = variants::Story {
                measure: s,
                photo: hint.photo,
                lead: i == 0,
                width: hint.width,
                extra: extra.get(i).copied().unwrap_or(0),
                jumps: hint.jumps,
                relaxed,
            };
            variants::of_story(&m.grid, &story, depth)
        })
        .collect()
}

/// Why the stories found no tiling of `n` columns × `depth` lines.
fn unfit(m: &NewsMeasures, stories: &[Vec<Variant>], n: usize, depth: usize) -> NewsUnfit {
    let lines = |i: usize| m.stories[i].blocks.iter().sum::<usize>();
    if let Some(story) = (m.stories.iter()).position(|s| s.heads.iter().all(|h| !h.fits)) {
        return NewsUnfit::Headline { story };
    }
    if let Some(story) = stories.iter().position(|v| v.is_empty()) {
        let over = lines(story)
            .saturating_sub(n * depth.saturating_sub(8))
            .div_ceil(n.max(1));
        return NewsUnfit::Story {
            story,
            lines: over.max(1) * n,
        };
    }
    let area = |v: &Variant| v.span * v.depth;
    let least: usize = stories
        .iter()
        .map(|v| v.iter().map(area).min().unwrap_or(0))
        .sum();
    let most: usize = stories
        .iter()
        .map(|v| v.iter().map(area).max().unwrap_or(0))
        .sum();
    let cells = n * depth;
    if least > cells {
        let longest = (0..stories.len()).max_by_key(|&i| lines(i)).unwrap_or(0);
        NewsUnfit::Overset {
            lines: least - cells,
            longest,
        }
    } else if most < cells {
        NewsUnfit::Underset {
            lines: cells - most,
        }
    } else {
        NewsUnfit::NoTiling { least, most, cells }
    }
}
