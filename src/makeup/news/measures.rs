//! What the news layout measured (`<banmian-measure>` with `layout:
//! "news"`), and a story's photo as the planner sees it.

use serde::Deserialize;

use crate::makeup::measures::GridMeasure;

/// The measuring pass's figures for a news page (`layout: "news"`).
#[derive(Debug, Clone, Deserialize)]
pub struct NewsMeasures {
    /// `"news"`: which planner the figures are for.
    pub layout: String,
    /// The page grid.
    pub grid: GridMeasure,
    /// Height of the folio across the page, with the room under it.
    pub masthead: f64,
    /// Height of the staff line (0 when the page names no staff).
    pub staff: f64,
    /// Page one's 导读 box: its natural height at 1, 2, … columns (empty
    /// on other pages).
    #[serde(default)]
    pub index: Vec<f64>,
    /// Each story's figures, in the page's order.
    pub stories: Vec<StoryMeasure>,
}

/// One story's figures.
#[derive(Debug, Clone, Deserialize)]
pub struct StoryMeasure {
    /// Its heads in a module 1, 2, … columns wide (a few sizes each).
    pub heads: Vec<NewsHead>,
    /// Body lines each body block takes in a column.
    pub blocks: Vec<usize>,
    /// Which body blocks are section heads.
    #[serde(default)]
    pub headings: Vec<bool>,
    /// Its first photo's caption height at 1, 2, … columns (empty without
    /// a photo).
    pub captions: Vec<f64>,
}

/// A story's head in a module of one width.
#[derive(Debug, Clone, Deserialize)]
pub struct NewsHead {
    /// Width in columns.
    pub span: usize,
    /// Headline size in points (from the span table, stepped down to fit).
    pub size: f64,
    /// `"one"` line or one phrase to a line (`"lines"`).
    pub mode: String,
    /// Whether the headline fits the module at any house size.
    pub fits: bool,
    /// Steps down from the span table's size.
    #[serde(default)]
    pub step: usize,
    /// Height of the head with the room above and below it.
    pub height: f64,
}

/// A story's photo as the planner sees it.
#[derive(Debug, Clone, Copy)]
pub struct StoryPhoto {
    /// Width over height of the picture (or of its hinted frame).
    pub aspect: f64,
    /// The picture's pixels, when the file is there.
    pub pixels: Option<(u32, u32)>,
    /// The fraction of its area the frame may cut away.
    pub max_crop: f64,
}
