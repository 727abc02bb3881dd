//! The composition checker: walks a laid-out page (its frames, not the
//! source), rebuilds each text line, and reports every break of the Chinese
//! line-composition rules (clreq) with page, column or box, line and text.

pub mod lines;

use std::fmt;

use serde::Serialize;
use typst_layout::PagedDocument;

use crate::compose::Grid;
use crate::han::{fix_punctuation, is_chinese, is_han};
use lines::Line;

/// Marks that may not begin a line (行首禁则).
pub const NO_LINE_START: &str = "、。，．：；？！）］｝」』〕〉》】〗’”%‰";
/// Marks that may not end a line (行尾禁则).
pub const NO_LINE_END: &str = "（［｛「『〔〈《【〖‘“";

/// The rules the checker enforces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// A line begins with a closing or pause mark.
    LineStart,
    /// A line ends with an opening mark.
    LineEnd,
    /// "——" or "……" split across two lines.
    SplitPair,
    /// A paragraph's last line holds a single character (孤字).
    SingleCharLine,
    /// A full body line does not hold the column's number of characters.
    Grid,
    /// Half-width punctuation left between Chinese characters.
    HalfWidthPunct,
    /// A character no font could supply (tofu).
    Tofu,
    /// A section head left at the foot of a column.
    HeadAtFoot,
    /// A column opens with the last short line of a paragraph.
    Widow,
}

/// One break of a rule, located on the page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleBreak {
    /// Which rule.
    pub rule: Rule,
    /// 版次 of the page.
    pub page: u32,
    /// `column 3`, `sidebar`, `photos` or `head`.
    pub region: String,
    /// 1-based line within the region, top to bottom.
    pub line: usize,
    /// The line's text as set.
    pub text: String,
    /// What is wrong, in words.
    pub detail: String,
}

impl fmt::Display for RuleBreak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&t!(
            "check-finding",
            page = self.page,
            region = region_words(&self.region),
            line = self.line,
            detail = &self.detail,
            text = &self.text,
        ))
    }
}

/// A [`RuleBreak::region`] (`column 3`, `head`, as JSON gives it) in the
/// desk's words.
pub fn region_words(region: &str) -> String {
    if let Some(col) = region
        .strip_prefix("column ")
        .and_then(|n| n.parse::<usize>().ok())
    {
        return t!("check-region-column", column = col);
    }
    match region {
        "head" => t!("check-region-head"),
        "sidebar" => t!("check-region-sidebar"),
        "photos" => t!("check-region-photos"),
        "foot" => t!("check-region-foot"),
        other => other.to_string(),
    }
}

/// Where a line stands on the page.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Region {
    Head,
    Sidebar,
    Photos,
    Column(usize),
    Foot,
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Head => f.write_str("head"),
            Self::Sidebar => f.write_str("sidebar"),
            Self::Photos => f.write_str("photos"),
            Self::Column(i) => write!(f, "column {i}"),
            Self::Foot => f.write_str("foot"),
        }
    }
}

/// Checks the one page of `document` (page number `page`) laid out on `grid`.
pub fn check_page(document: &PagedDocument, grid: &Grid, page: u32) -> Vec<RuleBreak> {
    let Some(first) = document.pages().first() else {
        return Vec::new();
    };
    let regions = by_region(lines::lines(lines::runs(&first.frame)), grid);
    let mut out = Vec::new();
    for (region, lines) in &regions {
        let mut push = |rule: Rule, i: usize, detail: String| {
            out.push(RuleBreak {
                rule,
                page,
                region: region.to_string(),
                line: i + 1,
                text: lines[i].text.clone(),
                detail,
            });
        };
        for i in 0..lines.len() {
            check_line(lines, i, &mut push);
        }
        if let Region::Column(col) = region {
            check_column(lines, grid, *col, &mut push);
        }
    }
    out
}

/// The page's lines grouped by region, regions in page order, lines in
/// the order they came.
fn by_region(all: Vec<Line>, grid: &Grid) -> Vec<(Region, Vec<Line>)> {
    let mut regions: Vec<(Region, Vec<Line>)> = Vec::new();
    for line in all {
        let region = region_of(&line, grid);
        match regions.iter_mut().find(|(r, _)| *r == region) {
            Some((_, v)) => v.push(line),
            None => regions.push((region, vec![line])),
        }
    }
    regions.sort_by(|a, b| a.0.cmp(&b.0));
    regions
}

/// Reports each of `details` as a break of `rule` on line `i`.
fn report(
    push: &mut impl FnMut(Rule, usize, String),
    rule: Rule,
    i: usize,
    details: impl IntoIterator<Item = String>,
) {
    for detail in details {
        push(rule, i, detail);
    }
}

/// The rules that hold for line `i` of any region, in turn.
fn check_line(lines: &[Line], i: usize, push: &mut impl FnMut(Rule, usize, String)) {
    let line = &lines[i];
    let text = line.text.trim();
    let prev = i
        .checked_sub(1)
        .map(|p| &lines[p])
        .filter(|p| continues(p, line));
    report(push, Rule::LineStart, i, line_start(text));
    report(push, Rule::LineEnd, i, line_end(text));
    if let Some(p) = prev {
        report(push, Rule::SplitPair, i, split_pairs(&p.text, text));
        report(
            push,
            Rule::SingleCharLine,
            i,
            single_char_line(p, line, text),
        );
    }
    report(push, Rule::HalfWidthPunct, i, half_width_punct(text));
    report(push, Rule::Tofu, i, tofu(line));
}

/// 行首禁则: a closing or pause mark begins the line.
fn line_start(text: &str) -> Option<String> {
    let c = text.chars().next()?;
    NO_LINE_START
        .contains(c)
        .then(|| t!("check-line-start", mark = c))
}

/// 行尾禁则: an opening mark ends the line.
fn line_end(text: &str) -> Option<String> {
    let c = text.chars().last()?;
    NO_LINE_END
        .contains(c)
        .then(|| t!("check-line-end", mark = c))
}

/// "——" or "……" split between the line before (`prev`) and this one.
fn split_pairs(prev: &str, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for pair in ['—', '…'] {
        // A pair is split when one line ends and the next begins
        // with an odd run of its mark.
        let tail = prev
            .trim_end()
            .chars()
            .rev()
            .take_while(|c| *c == pair)
            .count();
        let head = text.chars().take_while(|c| *c == pair).count();
        if tail % 2 == 1 && head % 2 == 1 {
            out.push(t!("check-split-pair", pair = format!("{pair}{pair}")));
        }
    }
    out
}

/// 孤字: the line after `prev`, in the same type, holds a single character.
fn single_char_line(prev: &Line, line: &Line, text: &str) -> Option<String> {
    let solid = text
        .chars()
        .filter(|c| !c.is_whitespace() && !is_punct(*c))
        .count();
    (solid <= 1 && (prev.size - line.size).abs() < 0.01).then(|| t!("check-single-char-line"))
}

/// Half-width punctuation left between Chinese characters.
fn half_width_punct(text: &str) -> Option<String> {
    let (_, fixes) = fix_punctuation(text);
    if fixes.is_empty() {
        return None;
    }
    let marks: String = fixes.iter().map(|f| f.from).collect();
    Some(t!("check-half-width", marks = marks))
}

/// Characters no font could supply.
fn tofu(line: &Line) -> Vec<String> {
    (line.tofu.iter())
        .map(|c| {
            t!(
                "check-tofu",
                code = format!("{:04X}", *c as u32),
                character = *c
            )
        })
        .collect()
}

/// The character a [`Rule::Tofu`] break is about: its detail names it by
/// code point, `U+` and hex digits, in either language.
pub fn tofu_char(found: &RuleBreak) -> Option<char> {
    if found.rule != Rule::Tofu {
        return None;
    }
    let (_, rest) = found.detail.split_once("U+")?;
    let hex: String = rest.chars().take_while(char::is_ascii_hexdigit).collect();
    char::from_u32(u32::from_str_radix(&hex, 16).ok()?)
}

/// How many body lines each column of the page fills, top to foot, as
/// `(column, filled, holds)`: what the preflight's underset check reads.
pub fn column_fill(document: &PagedDocument, grid: &Grid) -> Vec<(usize, usize, usize)> {
    let Some(first) = document.pages().first() else {
        return Vec::new();
    };
    if grid.pitch <= 0.0 || grid.columns == 0 {
        return Vec::new();
    }
    let all = lines::lines(lines::runs(&first.frame));
    (1..=grid.columns)
        .map(|col| {
            let last = all
                .iter()
                .filter(|l| region_of(l, grid) == Region::Column(col))
                .map(|l| l.y)
                .fold(None, |m: Option<f64>, y| Some(m.map_or(y, |m| m.max(y))));
            let filled = last.map_or(0, |y| {
                ((y - grid.body_top - 0.88 * grid.body_size) / grid.pitch).round() as usize + 1
            });
            (
                col,
                filled.min(grid.lines_per_column),
                grid.lines_per_column,
            )
        })
        .collect()
}

/// Grid, head-at-foot and widow rules of one body column.
fn check_column(
    lines: &[Line],
    grid: &Grid,
    col: usize,
    push: &mut impl FnMut(Rule, usize, String),
) {
    let body = |l: &Line| is_body(l, grid);
    for (i, line) in lines.iter().enumerate() {
        let next = lines.get(i + 1);
        report(push, Rule::Grid, i, grid_fill(line, next, grid, col));
    }
    if let Some(last) = lines.last()
        && !body(last)
        && !lines.iter().all(|l| !body(l))
    {
        push(Rule::HeadAtFoot, lines.len() - 1, t!("check-head-at-foot"));
    }
    if col > 1
        && lines
            .first()
            .is_some_and(|first| opens_short(first, grid, col))
    {
        push(Rule::Widow, 0, t!("check-widow"));
    }
}

/// Whether `line` is set in the body size.
fn is_body(line: &Line, grid: &Grid) -> bool {
    (line.size - grid.body_size).abs() < 0.01
}

/// The grid rule for a full body line of column `col` that a body line
/// (`next`) continues: it holds the column's number of characters.
fn grid_fill(line: &Line, next: Option<&Line>, grid: &Grid, col: usize) -> Option<String> {
    let size = grid.body_size;
    let col_x = grid.column_x(col);
    if !is_body(line, grid) {
        return None;
    }
    let full = line.x_end >= col_x + grid.col_w - 0.3 * size;
    let next_is_body = next.is_some_and(|n| is_body(n, grid) && (n.x - col_x) < 0.5 * size);
    if !(full && next_is_body) {
        return None;
    }
    let indent = ((line.x - col_x) / size).round();
    let cells = line.cells + indent + 0.25 * latin_boundaries(line.text.trim()) as f64;
    let squeeze = compressible(line.text.trim());
    let n = grid.chars_per_line as f64;
    // A run of Latin letters or digits breaks the grid locally (its
    // width is not whole cells and it cannot be split): such a line
    // may be looser than a line of Chinese only.
    let slack = if line.text.chars().any(|c| c.is_ascii_alphanumeric()) {
        2.5
    } else {
        1.0
    };
    (cells < n - slack || cells - squeeze > n + 0.5).then(|| {
        t!(
            "check-grid",
            cells = format!("{cells:.1}"),
            grid = grid.chars_per_line,
        )
    })
}

/// Whether `first`, the first line of column `col`, is the short last
/// line of a paragraph: a body line, not full, not indented.
fn opens_short(first: &Line, grid: &Grid, col: usize) -> bool {
    let size = grid.body_size;
    let col_x = grid.column_x(col);
    is_body(first, grid)
        && first.x_end < col_x + grid.col_w - 0.3 * size
        && (first.x - col_x) < 0.5 * size
}

/// How many cells punctuation compression (标点挤压) may save on a line:
/// half a cell for each full-width mark other than dashes and ellipses.
fn compressible(text: &str) -> f64 {
    let wide_punct = |c: &char| is_chinese(*c) && !is_han(*c) && !matches!(c, '—' | '…' | '·');
    text.chars().filter(wide_punct).count() as f64 * 0.5
}

/// Places where a Chinese character meets a Latin letter or digit: each gets
/// a quarter-em of CJK–Latin spacing.
fn latin_boundaries(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .filter(|w| {
            (is_han(w[0]) && w[1].is_ascii_alphanumeric())
                || (w[0].is_ascii_alphanumeric() && is_han(w[1]))
        })
        .count()
}

/// Whether `b` is the line after `a` in the same block of text.
fn continues(a: &Line, b: &Line) -> bool {
    b.y > a.y && b.y - a.y < 2.2 * a.size.max(b.size) && b.x < a.x_end && a.x < b.x_end
}

fn is_punct(c: char) -> bool {
    (is_chinese(c) && !is_han(c)) || c.is_ascii_punctuation()
}

fn region_of(line: &Line, grid: &Grid) -> Region {
    if grid.type_bottom > 0.0 && line.y > grid.type_bottom {
        return Region::Foot;
    }
    let body_right = grid.column_x(grid.columns) + grid.col_w;
    let in_body = line.y > grid.body_top
        && line.y <= grid.body_bottom + 0.5 * grid.pitch
        && line.x >= grid.margin_left - 0.5 * grid.gutter
        && line.x < body_right + 0.5 * grid.gutter;
    if in_body {
        let col =
            ((line.x - grid.margin_left + 0.5 * grid.gutter) / (grid.col_w + grid.gutter)).floor();
        let col = if col.is_finite() {
            col.clamp(0.0, 1e6) as usize
        } else {
            0
        };
        return Region::Column(col.saturating_add(1).min(grid.columns.max(1)));
    }
    if line.y < grid.band_top {
        Region::Head
    } else if line.x >= grid.side_left - 0.5 * grid.gutter && line.x < grid.side_right {
        Region::Sidebar
    } else {
        Region::Photos
    }
}
