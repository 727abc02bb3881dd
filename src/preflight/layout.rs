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
    if page.articles.is_empty() {
        return found;
    }
    (found.into_iter())
        .map(|f| {
            // On a page of several stories, the story the element is of.
            let element =
                (plan.elements.iter()).find(|e| e.index.is_some() && f.place.starts_with(&name(e)));
            let article = &page.articles[element.and_then(|e| e.article).unwrap_or(0)];
            let photo = element
                .and_then(|e| e.index)
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
    let mut out = placement(plan);
    out.extend(crops(page, plan));
    out.extend(emptiness(plan));
    out.extend(between_stories(plan));
    let number = page.number;
    (out.into_iter())
        .map(|(check, place, message)| Finding::new(Severity::Error, check, number, place, message))
        .collect()
}

/// What a finding names an element by.
fn name(e: &Element) -> String {
    match (e.index, e.article) {
        (Some(i), None) => format!("photos[{i}]"),
        (Some(i), Some(a)) => t!("preflight-element-story-photo", story = a + 1, index = i),
        (None, Some(a)) => t!(
            "preflight-element-story",
            story = a + 1,
            kind = kind_words(&e.kind)
        ),
        (None, None) => kind_words(&e.kind),
    }
}

/// An element's kind in the desk's words (as the plan names it in
/// English).
fn kind_words(kind: &str) -> String {
    match kind {
        "head" => t!("preflight-element-head"),
        "body" => t!("preflight-element-body"),
        "photo" => t!("preflight-element-photo"),
        "quotes" => t!("preflight-element-quotes"),
        "milestones" => t!("preflight-element-milestones"),
        "staff" => t!("preflight-element-staff"),
        "masthead" => t!("preflight-element-masthead"),
        "index" => t!("preflight-element-index"),
        other => other.to_string(),
    }
}

/// Elements outside the type area, and elements that overlap.
fn placement(plan: &Plan) -> Vec<(Check, String, String)> {
    let lines = plan.lines;
    let meet = |x: &Rect, y: &Rect| {
        x.col < y.col + y.span
            && y.col < x.col + x.span
            && x.line < y.line + y.depth
            && y.line < x.line + x.depth
    };
    let mut out = Vec::new();
    for (i, a) in plan.elements.iter().enumerate() {
        if a.col + a.span > plan.columns || a.line + a.depth > lines {
            let message = t!(
                "preflight-outside-type-area",
                first_col = a.col + 1,
                last_col = a.col + a.span,
                columns = plan.columns,
                first_line = a.line + 1,
                last_line = a.line + a.depth,
                lines = lines,
            );
            out.push((Check::Geometry, name(a), message));
        }
        for b in &plan.elements[i + 1..] {
            if a.areas()
                .iter()
                .any(|x| b.areas().iter().any(|y| meet(x, y)))
            {
                let message = t!("preflight-overlaps", other = name(b));
                out.push((Check::Geometry, name(a), message));
            }
        }
    }
    out
}

/// Photos whose frame cuts away more of the picture than allowed.
fn crops(page: &Page, plan: &Plan) -> Vec<(Check, String, String)> {
    let mut out = Vec::new();
    for e in plan.elements.iter().filter(|e| e.kind == "photo") {
        let limit = e
            .index
            .and_then(|i| page.articles.get(e.article.unwrap_or(0))?.photos.get(i))
            .map_or(0.3, |p| {
                p.hints
                    .max_crop
                    .max(if p.info.is_none() { 0.45 } else { 0.0 })
            });
        let crop = e.crop.unwrap_or(0.0);
        if crop > limit + 1e-6 {
            let message = t!(
                "preflight-crop",
                crop = format!("{:.0}", crop * 100.0),
                limit = format!("{:.0}", limit * 100.0),
            );
            out.push((Check::Geometry, name(e), message));
        }
    }
    out
}

/// On a page of several stories (elements with an `article`, and page
/// one's 导读 box among them): the cells between the first story line and
/// the last that no element covers — the modules should tile that area.
fn between_stories(plan: &Plan) -> Vec<(Check, String, String)> {
    if !plan.elements.iter().any(|e| e.article.is_some()) {
        return Vec::new();
    }
    let stories: Vec<&Element> = plan
        .elements
        .iter()
        .filter(|e| e.article.is_some() || e.kind == "index")
        .collect();
    let (Some(top), Some(foot)) = (
        stories.iter().map(|e| e.line).min(),
        stories.iter().map(|e| e.line + e.depth).max(),
    ) else {
        return Vec::new();
    };
    let n = plan.columns;
    let mut covered = vec![false; n * (foot - top)];
    for e in &stories {
        for line in e.line..(e.line + e.depth).min(foot) {
            for col in e.col..(e.col + e.span).min(n) {
                covered[(line - top) * n + col] = true;
            }
        }
    }
    let empty: Vec<usize> = (0..covered.len()).filter(|&i| !covered[i]).collect();
    let Some(&first) = empty.first() else {
        return Vec::new();
    };
    let place = t!(
        "preflight-place-column-line",
        column = first % n + 1,
        line = top + first / n + 1,
    );
    let message = t!("preflight-hole-between-stories", n = empty.len());
    vec![(Check::Underset, place, message)]
}

/// Holes, and a page with more of its type area empty than allowed.
fn emptiness(plan: &Plan) -> Vec<(Check, String, String)> {
    let mut out = Vec::new();
    for hole in &plan.holes {
        let place = t!(
            "preflight-place-columns-lines",
            first_col = hole.col + 1,
            last_col = hole.col + hole.span,
            first_line = hole.line + 1,
            last_line = hole.line + hole.depth,
        );
        let message = t!(
            "preflight-hole",
            columns = hole.span,
            lines = hole.depth,
            width = format!("{:.0}", HOLE_MM.0),
            height = format!("{:.0}", HOLE_MM.1),
        );
        out.push((Check::Underset, place, message));
    }
    let share = plan.empty as f64 / plan.cells.max(1) as f64;
    if plan.empty > (MAX_EMPTY_SHARE * plan.cells as f64) as usize {
        let message = t!(
            "preflight-underset",
            share = format!("{:.1}", share * 100.0),
            empty = plan.empty,
            most = format!("{:.0}", MAX_EMPTY_SHARE * 100.0),
        );
        out.push((Check::Underset, t!("preflight-place-page"), message));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(kind: &str, article: usize, r: Rect) -> Element {
        let mut e = Element::new(kind, r);
        e.article = Some(article);
        e
    }

    #[test]
    fn a_cell_no_module_covers_is_a_hole() {
        let rect = |col, line, span, depth| Rect {
            col,
            line,
            span,
            depth,
        };
        let mut plan = Plan {
            elements: vec![
                story("head", 0, rect(0, 2, 2, 3)),
                story("body", 0, rect(0, 5, 2, 10)),
                story("body", 1, rect(2, 2, 2, 13)),
            ],
            columns: 4,
            lines: 20,
            empty: 0,
            cells: 52,
            holes: Vec::new(),
            lead_moved: false,
        };
        assert!(between_stories(&plan).is_empty());
        plan.elements[2].depth = 12;
        let found = between_stories(&plan);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "column 3, line 15");
        assert!(found[0].2.contains("2 column-lines"), "{found:?}");
    }
}
