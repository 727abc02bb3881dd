//! banmian's integration tests, as one test binary (mdBook's and Cargo's
//! `tests/testsuite` layout): each module is what used to be a file of its
//! own under tests/, and `support` is what they share. One binary links the
//! crate and Typst once, not once per file.
//!
//! Run one module with `cargo test --features fail-points --test testsuite
//! -- hostile::`; scripts/test.sh runs them all.

mod support;

mod architecture;
mod archive;
mod archive_cmyk;
mod batch;
mod build_errors;
mod cli;
mod composition;
mod content_is_data;
mod convert;
mod copy_checks;
mod edition;
mod emit_typst;
mod example_edition;
mod front;
mod gallery;
mod grey;
mod hostile;
mod hostile_publish;
mod hostile_small;
mod hostile_text;
mod ink;
mod install;
mod language;
mod makeup;
mod marks;
mod news;
mod overprint;
mod pdfx;
mod preflight;
mod properties;
mod replan;
mod seed_page;
mod shard;
mod store;
mod watch;
