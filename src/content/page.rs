//! One page (版) of an edition, as loaded.

use super::article::Article;
use super::hints::PhotosAt;
use crate::diag::Location;

/// One page (版) of the edition.
#[derive(Debug, Clone)]
pub struct Page {
    /// 版次, printed as 第N版.
    pub number: u32,
    /// 版名, e.g. 特别报道.
    pub section: String,
    /// The template in `layouts/`, without `.typ`.
    pub layout: String,
    /// The articles set on the page.
    pub articles: Vec<Article>,
    /// 责任编辑.
    pub editor: Option<String>,
    /// 版式设计 / 美术编辑.
    pub designer: Option<String>,
    /// 校对.
    pub proofreader: Option<String>,
    /// Where the photo group sits (`photos_at`); the planner's choice
    /// when not given.
    pub photos_at: Option<PhotosAt>,
    /// Whether page one's 导读 lists this page (`in_index`, on by
    /// default): a paper of many pages lists a chosen few.
    pub in_index: bool,
    /// Where the page's `[[pages]]` entry is.
    pub location: Location,
}
