//! The content model: what an edition folder holds, loaded and validated.
//!
//! The field names follow `docs/CONTENT-FORMAT.md`, a public contract. Loading
//! knows nothing of Typst or output; the [`crate::data`] module turns this
//! model into the data the templates read.

mod article;
mod body;
mod copy_check;
mod coverage;
mod date;
mod display;
mod edition;
mod hints;
mod jump;
mod jump_part;
mod lunar;
mod page;
mod picture;
mod print;
mod punct;
mod runs_out;
mod source;
mod toml_de;

pub use article::{Article, Byline, Milestone, Milestones, Photo, Quotes};
pub use body::{Block, Run, parse_body};
pub use coverage::{first_place, uncovered_characters};
pub use date::Date;
pub use display::Text;
pub use edition::{Edition, Format, Masthead, edition_id, load_edition};
pub use hints::{DEFAULT_ASPECT, PhotoHints, PhotosAt, SizeClass};
pub use jump::{Jump, block_chars};
pub use jump_part::JumpPart;
pub use lunar::LunarDate;
pub use page::Page;
pub use picture::{PictureInfo, PictureMode, check_picture};
pub use print::{
    DEFAULT_INK_LIMIT, DEFAULT_REGISTRY, PrintConfig, ProfileSetting, RenderingIntent,
};
pub use punct::{Correction, correct_punctuation};
pub use runs_out::runs_out;
