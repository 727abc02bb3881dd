//! banmian (版面) turns a newspaper's written copy into print-ready pages.
//!
//! The pipeline runs one way: edition folder on disk → [`content`] model →
//! page data for the Typst templates ([`data`]) → laid-out document
//! ([`compose`]) → bytes on disk ([`export`]). The [`build`] module wires these
//! together for the CLI and tests; [`batch`] builds many editions in
//! parallel and [`watch`] tells a live session what changed.

pub mod archive;
pub mod batch;
pub mod build;
pub mod check;
pub mod compose;
pub mod content;
pub mod data;
pub mod diag;
pub mod emit;
pub mod export;
pub mod fonts;
pub mod home;
pub mod limits;
pub mod preflight;
pub mod text;
pub mod watch;
pub mod world;

pub use diag::{Error, Warning};
