//! What the last makeup of each page was, so that a rebuild whose edit
//! leaves the page's shape as it was compiles once instead of twice.
//!
//! A plan is a function of the measuring pass's figures and of the hints
//! the planner reads; the figures are a function of the page data (with no
//! plan), the files the measuring pass read and the fonts. An edit of a
//! body paragraph (not the lead, which the lead box is measured from)
//! changes only that paragraph's line count. So when the page data with
//! the body paragraphs' text left out, the files and the hints are what
//! they were, and the placed body reports the same line count for every
//! block as the last measuring pass did, the measuring pass would give the
//! same figures and the planner the same plan: the last plan is placed
//! directly, and the page is the one a fresh build makes (the watch tests
//! compare the bytes).

use std::collections::HashMap;

use typst::foundations::Bytes;
use typst::syntax::FileId;

use crate::content::{Article, Page};
use crate::data::PageData;
use crate::makeup::Plan;

/// The last plan made for each page of the edition a world serves.
#[derive(Default)]
pub struct PlanMemo {
    pages: HashMap<u32, Remembered>,
}

/// One page's last plan and what it was made from.
pub struct Remembered {
    /// The page's inputs that a body paragraph's text does not touch.
    pub shape: Vec<u8>,
    /// The files the measuring pass read, with their bytes.
    pub files: Vec<(FileId, Bytes)>,
    /// The body blocks' line counts the measuring pass reported.
    pub blocks: Vec<usize>,
    /// The plan made from them (at no slack).
    pub plan: Plan,
}

impl PlanMemo {
    /// The last plan remembered for page `number`.
    pub fn get(&self, number: u32) -> Option<&Remembered> {
        self.pages.get(&number)
    }

    /// Remembers `remembered` for page `number`.
    pub fn put(&mut self, number: u32, remembered: Remembered) {
        self.pages.insert(number, remembered);
    }

    /// Forgets page `number` (its last build failed or needed slack).
    pub fn forget(&mut self, number: u32) {
        self.pages.remove(&number);
    }
}

/// The page's planner inputs other than the body paragraphs' text: its
/// data (without a plan) with those texts left out — the lead's kept, the
/// lead box is measured from them — the main source, and the hints the
/// planner reads from the content (photo hints and pictures, where the
/// photo group sits).
pub fn shape_of(data: &PageData, main: &str, page: &Page) -> Vec<u8> {
    let mut value = serde_json::to_value(data).expect("page data serialises");
    let articles = value.get_mut("articles").and_then(|a| a.as_array_mut());
    for article in articles.into_iter().flatten() {
        let body = article.get_mut("body").and_then(|b| b.as_array_mut());
        for block in body.into_iter().flatten() {
            if block.get("lead").and_then(|l| l.as_bool()) == Some(false) {
                block["runs"] = serde_json::Value::Null;
            }
        }
    }
    let mut shape = serde_json::to_vec(&value).expect("page data serialises");
    shape.extend_from_slice(main.as_bytes());
    for article in &page.articles {
        shape.extend_from_slice(hints(article).as_bytes());
    }
    shape.extend_from_slice(format!("{:?}", page.photos_at).as_bytes());
    shape
}

/// An article's planner hints, as text.
fn hints(article: &Article) -> String {
    let photos: Vec<_> = article.photos.iter().map(|p| (&p.hints, &p.info)).collect();
    format!("{photos:?}")
}
