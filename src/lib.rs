//! banmian (版面) turns a newspaper's written copy into print-ready pages.
//!
//! The pipeline runs one way: edition folder on disk → [`content`] model →
//! page data for the Typst templates ([`data`]) → laid-out document
//! ([`compose`]) → checks ([`check`], [`preflight`]) → bytes ([`export`]).
//! [`pipeline`] is the one place that wires these together; [`build`]
//! writes its pages, [`archive`] keeps them, [`batch`] builds many editions
//! in parallel and [`watch`] tells a live session what changed.

// First, so that every module can write `t!(…)`.
#[macro_use]
pub mod i18n;

pub mod archival;
pub mod archive;
pub mod batch;
pub mod build;
pub mod check;
pub mod compose;
pub mod content;
pub(crate) mod content_ops;
pub mod convert;
pub mod data;
pub mod diag;
pub mod emit;
pub mod export;
pub mod files;
pub mod fonts;
pub mod han;
pub mod home;
pub mod icc;
pub mod limits;
pub mod makeup;
pub mod names;
pub mod overprint;
pub mod pdfa;
pub mod pdfx;
pub mod pipeline;
pub mod plan_memo;
pub mod preflight;
pub mod publish;
pub mod session;
pub mod watch;
pub mod whole;
pub mod world;

pub use diag::{Error, Warning};
