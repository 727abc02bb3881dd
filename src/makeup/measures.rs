//! What a layout measured in its measuring pass (`<banmian-measure>`):
//! the grid, the display head at each house size, each body block's
//! lines, the boxes and the captions at each width.

use std::collections::BTreeMap;

use serde::Deserialize;

/// The measuring pass's figures, in points and body lines.
#[derive(Debug, Clone, Deserialize)]
pub struct Measures {
    /// The page grid.
    pub grid: GridMeasure,
    /// The display head (folio, headline, rule) at each mode and size.
    pub heads: Vec<HeadOption>,
    /// Height of the staff line (0 when the page names no staff).
    pub staff: f64,
    /// Body lines each body block takes in one column.
    pub blocks: Vec<usize>,
    /// Natural heights of the boxes present (`quotes`, `milestones`) at
    /// each width in columns, one per type scale.
    pub boxes: BTreeMap<String, Vec<BoxMeasure>>,
    /// The type scales the boxes were measured at.
    #[serde(rename = "box-scales")]
    pub box_scales: Vec<f64>,
    /// Each photo's caption height at widths of 1, 2, … columns.
    pub captions: Vec<Vec<f64>>,
}

/// The page grid as the layout computed it.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct GridMeasure {
    /// Columns across the type area.
    pub columns: usize,
    /// Characters in a body line.
    #[serde(rename = "chars-per-line")]
    pub chars_per_line: usize,
    /// Width of a column.
    #[serde(rename = "column-width")]
    pub column_width: f64,
    /// Gutter between columns.
    pub gutter: f64,
    /// Space between body lines.
    pub leading: f64,
    /// Baseline to baseline.
    pub pitch: f64,
    /// Body lines down the type area.
    pub lines: usize,
    /// Body type size.
    pub size: f64,
}

impl GridMeasure {
    /// Width of `span` columns with their gutters.
    pub fn span_w(&self, span: usize) -> f64 {
        span as f64 * self.column_width + span.saturating_sub(1) as f64 * self.gutter
    }

    /// Height of an element `depth` lines deep.
    pub fn depth_h(&self, depth: usize) -> f64 {
        depth as f64 * self.pitch - self.leading
    }

    /// Whole lines an element of natural height `h` takes.
    pub fn lines_for(&self, h: f64) -> usize {
        (((h + self.leading) / self.pitch) - 0.001).ceil().max(1.0) as usize
    }
}

/// The display head at one headline mode and size.
#[derive(Debug, Clone, Deserialize)]
pub struct HeadOption {
    /// `"one"`: parallel phrases side by side; `"lines"`: one to a line.
    pub mode: String,
    /// Headline size in points.
    pub size: f64,
    /// Whether every headline line fits the measure at this size.
    pub fits: bool,
    /// Height of folio, head and rule.
    pub height: f64,
}

/// A box's natural height at one width.
#[derive(Debug, Clone, Deserialize)]
pub struct BoxMeasure {
    /// Width in columns.
    pub span: usize,
    /// Height at each of the measured type scales.
    pub heights: Vec<f64>,
}
