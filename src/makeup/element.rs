//! The elements a plan places: rectangles of whole columns × whole lines.

use serde::Serialize;

/// A rectangle of the grid: first column, first line, columns, lines.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
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

/// One element placed on the grid, as the layout reads it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Element {
    /// `head`, `photo`, `quotes`, `milestones`, `body` or `staff`.
    pub kind: String,
    /// First column (0-based).
    pub col: usize,
    /// First line (0-based, from the top of the type area).
    pub line: usize,
    /// Columns wide.
    pub span: usize,
    /// Lines deep.
    pub depth: usize,
    /// A photo's place in the article's list.
    pub index: Option<usize>,
    /// A photo row's caption height, in points.
    pub caption: Option<f64>,
    /// A photo's crop, as a fraction of the picture's area.
    pub crop: Option<f64>,
    /// A photo's effective resolution, when its picture is there.
    pub ppi: Option<f64>,
    /// A box's type scale.
    pub scale: Option<f64>,
    /// Whether a box is stretched to its rectangle.
    pub stretch: Option<bool>,
    /// The headline size, in points.
    pub size: Option<f64>,
    /// The headline mode: `one` line or `lines`.
    pub mode: Option<String>,
    /// The body's room kept at the top of columns for an inset: before
    /// block `.0` (which begins in such a column), `.1` lines.
    pub spacers: Option<Vec<(usize, usize)>>,
    /// The area of the body set aside for an inset: first column, columns
    /// and lines from the body's top.
    pub inset: Option<[usize; 3]>,
    /// The story an element belongs to on a page of several (a news
    /// page); absent on a feature page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<usize>,
}

impl Element {
    /// The rectangles the element covers: one, or for a body with an
    /// inset, its columns beside the inset and those under it.
    pub fn areas(&self) -> Vec<Rect> {
        let whole = Rect {
            col: self.col,
            line: self.line,
            span: self.span,
            depth: self.depth,
        };
        let Some([first, span, lines]) = self.inset else {
            return vec![whole];
        };
        let mut out = Vec::new();
        if first > self.col {
            out.push(Rect {
                span: first - self.col,
                ..whole
            });
        }
        out.push(Rect {
            col: first,
            line: self.line + lines,
            span,
            depth: self.depth.saturating_sub(lines),
        });
        if first + span < self.col + self.span {
            out.push(Rect {
                col: first + span,
                span: self.col + self.span - first - span,
                ..whole
            });
        }
        out
    }
}

impl Element {
    /// An element of `kind` in `r`.
    pub fn new(kind: &str, r: Rect) -> Self {
        Self {
            kind: kind.to_string(),
            col: r.col,
            line: r.line,
            span: r.span,
            depth: r.depth,
            index: None,
            caption: None,
            crop: None,
            ppi: None,
            scale: None,
            stretch: None,
            size: None,
            mode: None,
            spacers: None,
            inset: None,
            article: None,
        }
    }
}
