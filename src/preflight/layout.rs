//! Geometry of a planned page: every element inside the type area, no two
//! overlapping, each photo within its crop limit, and no more empty area
//! than a page may show. Read from the plan the page was placed by.

use crate::content::Page;
use crate::diag::Location;
use crate::makeup::{Element, HOLE_MM, Plan, Rect};

use super::finding::{Check, Finding, Severity};

/// The share of the type area under the head a print page may leave
/// empty: beyond it the page is underset (a proof still builds).
pub const MAX_EMPTY_SHARE: f64 = crate::makeup::UNDERSET_SHARE;

/// The geometry findings of one page made up by `plan`, each with the
/// source it comes from: the photo's `[[photos]]` entry, or the article.
pub fn check_plan(page: &Page, plan: &Plan) -> Vec<Finding> {
    let found = findings(page, plan);
    let Some(article) = page.articles.first() else {
        return found;
    };
    (found.into_iter())
        .map(|f| {
            let photo = (plan.elements.iter())
                .filter_map(|e| e.index)
                .find(|i| f.place.starts_with(&format!("photos[{i}]")))
                .and_then(|i| article.photos.get(i));
            match photo {
                Some(p) => f.at(&p.location),
                None => f.at(Location::file(&article.file)),
            }
        })
        .collect()
}

/// [`check_plan`]'s findings, before their sources are named.
fn findings(page: &Page, plan: &Plan) -> Vec<Finding> {
    let (number, lines) = (page.number, plan.lines);
    let mut out = Vec::new();
    let name = |e: &Element| match e.index {
        Some(i) => format!("photos[{i}]"),
        None => e.kind.clone(),
    };
    for (i, a) in plan.elements.iter().enumerate() {
        if a.col + a.span > plan.columns || a.line + a.depth > lines {
            out.push(Finding::new(
                Severity::Error,
                Check::Geometry,
                number,
                name(a),
                format!(
                    "runs outside the type area (columns {}–{} of {}, lines {}–{} of {lines})",
                    a.col + 1,
                    a.col + a.span,
                    plan.columns,
                    a.line + 1,
                    a.line + a.depth
                ),
            ));
        }
        for b in &plan.elements[i + 1..] {
            let meet = |x: &Rect, y: &Rect| {
                x.col < y.col + y.span
                    && y.col < x.col + x.span
                    && x.line < y.line + y.depth
                    && y.line < x.line + x.depth
            };
            if a.areas()
                .iter()
                .any(|x| b.areas().iter().any(|y| meet(x, y)))
            {
                out.push(Finding::new(
                    Severity::Error,
                    Check::Geometry,
                    number,
                    name(a),
                    format!("overlaps {}", name(b)),
                ));
            }
        }
    }
    for e in plan.elements.iter().filter(|e| e.kind == "photo") {
        let limit = e
            .index
            .and_then(|i| page.articles.first()?.photos.get(i))
            .map_or(0.3, |p| {
                p.hints
                    .max_crop
                    .max(if p.info.is_none() { 0.45 } else { 0.0 })
            });
        let crop = e.crop.unwrap_or(0.0);
        if crop > limit + 1e-6 {
            out.push(Finding::new(
                Severity::Error,
                Check::Geometry,
                number,
                name(e),
                format!(
                    "the frame cuts away {:.0}% of the picture (the limit is {:.0}%)",
                    crop * 100.0,
                    limit * 100.0
                ),
            ));
        }
    }
    for hole in &plan.holes {
        out.push(Finding::new(
            Severity::Error,
            Check::Underset,
            number,
            format!(
                "columns {}–{}, lines {}–{}",
                hole.col + 1,
                hole.col + hole.span,
                hole.line + 1,
                hole.line + hole.depth
            ),
            format!(
                "a hole: {} columns by {} lines left empty (at least {:.0} × {:.0} mm shows as a hole): add copy or photos",
                hole.span, hole.depth, HOLE_MM.0, HOLE_MM.1
            ),
        ));
    }
    let share = plan.empty as f64 / plan.cells.max(1) as f64;
    if plan.empty > (MAX_EMPTY_SHARE * plan.cells as f64) as usize {
        out.push(Finding::new(
            Severity::Error,
            Check::Underset,
            number,
            "page",
            format!(
                "underset: {:.1}% of the type area under the head is empty ({} column-lines; at most {:.0}% may be): add copy or photos, or set a larger picture",
                share * 100.0,
                plan.empty,
                MAX_EMPTY_SHARE * 100.0
            ),
        ));
    }
    out
}
