//! banmian (版面) turns a newspaper's written copy into print-ready pages.
//!
//! The pipeline runs one way: edition folder on disk → [`content`] model →
//! page data for the Typst templates ([`data`]) → laid-out document
//! ([`compose`]) → bytes on disk ([`export`]). The [`build`] module wires these
//! together for the CLI, tests and later batch or watch drivers.

pub mod archive;
pub mod build;
pub mod check;
pub mod compose;
pub mod content;
pub mod data;
pub mod diag;
pub mod export;
pub mod fonts;
pub mod home;
pub mod limits;
pub mod preflight;
pub mod text;
pub mod world;

pub use diag::{Error, Warning};
