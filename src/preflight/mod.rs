//! The preflight (印前检查): reads the PDF a build wrote and the pictures it
//! placed, the way a printing plant's preflight would, and lists what would
//! print wrong, each finding with its severity and where it is.

mod finding;
mod grey;
mod ink;
mod layout;
mod operators;
mod pdf;
mod pictures;
mod spaces;

pub use crate::content::PictureMode;
pub use finding::{Check, DEFAULT_INK_LIMIT, Finding, PrintSettings, Severity, sort};
pub use pdf::{FontLicence, check_edition_pdf, check_pdf, check_pdf_document, load_font_licences};
pub use pictures::check_pictures;

use crate::check::{Rule, column_fill, region_words, tofu_char};
use crate::compose::ComposedPage;
use crate::content::{Page, first_place};
use crate::convert::Conversions;

/// Everything the preflight can say about one laid-out page before its PDF
/// exists: composition and tofu (the checker's `composition` findings of
/// the page), pictures, and holes.
pub fn check_layout(
    page: &Page,
    composed: &ComposedPage,
    composition: &[crate::check::RuleBreak],
    settings: &PrintSettings,
    converted: &Conversions,
) -> Vec<Finding> {
    let number = page.number;
    let mut out = Vec::new();
    for f in composition {
        let (severity, check) = match f.rule {
            Rule::Tofu => (Severity::Error, Check::Tofu),
            _ => (Severity::Warning, Check::Composition),
        };
        let finding = Finding::new(
            severity,
            check,
            number,
            t!(
                "preflight-place-line",
                region = region_words(&f.region),
                line = f.line
            ),
            t!("preflight-composition", detail = &f.detail, text = &f.text),
        );
        // A character no font has is traced to where the copy has it.
        let source = (f.rule == Rule::Tofu)
            .then(|| tofu_char(f))
            .flatten()
            .and_then(|c| first_place(&page.articles, c));
        out.push(match source {
            Some(source) => finding.at(source),
            None => finding,
        });
    }
    for article in &page.articles {
        out.extend(check_pictures(
            article,
            &composed.document.pages()[0].frame,
            number,
            settings,
            converted,
        ));
    }
    if let Some(plan) = &composed.plan {
        out.extend(layout::check_plan(page, plan));
    }
    for (col, filled, holds) in column_fill(&composed.document, &composed.grid) {
        let empty = holds - filled;
        if empty > settings.hole_lines {
            out.push(Finding::new(
                Severity::Warning,
                Check::Underset,
                number,
                t!("preflight-place-column", column = col),
                t!("preflight-column-foot-empty", empty = empty, holds = holds),
            ));
        }
    }
    out
}
