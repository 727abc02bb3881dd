//! Composing a news page: the layout's measures name the news planner
//! (`layout: "news"`), which tiles the stories into modules; the page is
//! placed, and every story must end inside its module.

use std::cell::Cell;

use typst::foundations::{Label, Selector, Value};
use typst::introspection::Introspector;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use crate::check::lines::{PlacedRun, runs};
use crate::content::{Article, Block, DEFAULT_ASPECT, Jump, JumpPart, Page};
use crate::diag::{Error, Location};
use crate::makeup::news::{NewsMeasures, NewsUnfit, StoryHints, StoryPhoto, make_up_news};
use crate::makeup::{Plan, Rect};
use crate::world::PageWorld;

use super::{ComposedPage, Job, MAX_SLACK, metadata, read_grid};

/// The measuring pass's figures when they are a news page's.
pub(super) fn read_measures(document: &PagedDocument) -> Option<NewsMeasures> {
    let value = metadata(document, "banmian-measure")?;
    let m: NewsMeasures = serde_json::from_value(serde_json::to_value(value).ok()?).ok()?;
    (m.layout == "news").then_some(m)
}

/// Plans and places a news page: a line more for each story that the
/// placing pass found longer than measured, [`MAX_SLACK`] times at most.
pub(super) fn compose(
    job: &Job,
    world: &mut PageWorld,
    m: &NewsMeasures,
) -> Result<ComposedPage, Error> {
    let articles = &job.page.articles;
    if m.stories.len() != articles.len() {
        return Err(job.no_metadata("banmian-measure"));
    }
    let n = m.grid.columns;
    if let Some((w, at)) = (articles.iter()).find_map(|a| a.columns.as_ref().filter(|c| c.0 > n)) {
        return Err(Error::content(
            at.clone(),
            t!(
                "layout-news-columns",
                wanted = *w,
                page = job.page.number,
                columns = n
            ),
        ));
    }
    let hints: Vec<StoryHints> = (articles.iter())
        .map(|a| StoryHints {
            photo: story_photo(a),
            width: a.columns.as_ref().map(|c| c.0),
            jumps: jumps(a).is_some(),
        })
        .collect();
    let jumping: Vec<usize> = (0..articles.len()).filter(|&i| hints[i].jumps).collect();
    let mut extra = vec![0; articles.len()];
    for slack in 0..=MAX_SLACK {
        let plan = make_up_news(m, &hints, &extra).map_err(|u| unfit(job, u, m))?;
        let (document, data, warnings) = job.compile(world, Some(&plan))?;
        let grid = read_grid(&document).ok_or_else(|| job.no_metadata("banmian-grid"))?;
        let mut short = overrun(&document, &plan, m);
        short.retain(|i| !jumping.contains(i));
        if short.is_empty() && !jumping.is_empty() {
            return cut(job, world, &document, plan, m, &jumping);
        }
        if short.is_empty() {
            return Ok(job.composed(document, data, warnings, grid, Some(plan), Vec::new()));
        }
        if slack == MAX_SLACK {
            return Err(job.overset(&document, &grid, &articles[short[0]]));
        }
        for i in short {
            extra[i] += 1;
        }
    }
    unreachable!("the last slack returns")
}

/// The page a story's first part jumps to, when it is one still to cut.
fn jumps(article: &Article) -> Option<u32> {
    match article.jump {
        Some(JumpPart::First { to, cut: false, .. }) => Some(to),
        _ => None,
    }
}

/// Lines the cut may step back when the first part, set again alone,
/// breaks longer than it did in the whole.
const MAX_CUT_RETRIES: usize = 3;

/// Cuts each jumping story where `placed` shows its text leaving its
/// module (a line kept for the jump line) and places the page again with
/// the first parts and their jump lines: every story must now end in its
/// module. A first part that breaks longer alone is cut a line earlier.
fn cut(
    job: &Job,
    world: &mut PageWorld,
    placed: &PagedDocument,
    plan: Plan,
    m: &NewsMeasures,
    jumping: &[usize],
) -> Result<ComposedPage, Error> {
    let page = job.page;
    let frame = &placed.pages()[0].frame;
    let laid = runs(frame);
    let Some(origin) = origin(placed) else {
        return Err(job.no_metadata("banmian-grid"));
    };
    for back in 0..=MAX_CUT_RETRIES {
        let mut cut_page: Page = page.clone();
        let mut found = Vec::new();
        for &i in jumping {
            let article = &page.articles[i];
            let to = jumps(article).expect("a jumping story");
            let body = (plan.elements.iter())
                .find(|e| e.kind == "body" && e.article == Some(i))
                .map(|e| e.areas()[0])
                .ok_or_else(|| job.no_metadata("banmian-measure"))?;
            let chars = chars_in(&laid, body, m, origin, 1 + back, article);
            let jump = Jump::split(article, page.number, to, chars)
                .ok_or_else(|| fits_whole(article, page.number))?;
            cut_page.articles[i] = jump.first_part(article);
            found.push(jump);
        }
        let cut_job = Job {
            edition: job.edition,
            page: &cut_page,
            dress: job.dress,
            main: job.main,
            compilations: Cell::new(job.compilations.get()),
        };
        let (document, data, warnings) = cut_job.compile(world, Some(&plan))?;
        job.compilations.set(cut_job.compilations.get());
        let grid = read_grid(&document).ok_or_else(|| job.no_metadata("banmian-grid"))?;
        let short = overrun(&document, &plan, m);
        if short.is_empty() {
            return Ok(job.composed(document, data, warnings, grid, Some(plan), found));
        }
        if back == MAX_CUT_RETRIES {
            return Err(job.overset(&document, &grid, &page.articles[short[0]]));
        }
    }
    unreachable!("the last retry returns")
}

/// Where the type area's top-left corner is on the page, in points.
fn origin(document: &PagedDocument) -> Option<(f64, f64)> {
    let Some(Value::Dict(grid)) = metadata(document, "banmian-grid") else {
        return None;
    };
    let num = |k: &str| grid.get(k).ok().and_then(|v| v.clone().cast::<f64>().ok());
    Some((num("margin-left-pt")?, num("type-top-pt")?))
}

/// The characters of `article`'s body (whitespace not counted) set in
/// its body rectangle `body`, column by column, the last `keep` lines of
/// its last column left out; only as far as they are the body's own text
/// in its order.
fn chars_in(
    laid: &[PlacedRun],
    body: Rect,
    m: &NewsMeasures,
    (left, top): (f64, f64),
    keep: usize,
    article: &Article,
) -> usize {
    let g = m.grid;
    let y0 = top + body.line as f64 * g.pitch;
    let mut text = String::new();
    for c in 0..body.span {
        let x0 = left + (body.col + c) as f64 * (g.column_width + g.gutter);
        let x1 = x0 + g.column_width;
        let lines = match c + 1 == body.span {
            true => body.depth.saturating_sub(keep),
            false => body.depth,
        };
        let bottom = y0 + lines as f64 * g.pitch;
        let mut column: Vec<&PlacedRun> = (laid.iter())
            .filter(|r| r.x >= x0 - 1.0 && r.x < x1 + 1.0)
            .filter(|r| r.y > y0 && r.y - 0.88 * r.size < bottom - 1.0)
            .collect();
        column.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        for r in column {
            text.extend(r.text.chars().filter(|c| !c.is_whitespace()));
        }
    }
    // Only what agrees with the source, character by character.
    let source = (article.body.iter())
        .flat_map(|b| match b {
            Block::Heading(t) => t.value.chars().collect::<Vec<_>>(),
            Block::Paragraph(runs) => runs.iter().flat_map(|r| r.text.chars()).collect(),
        })
        .filter(|c| !c.is_whitespace());
    text.chars().zip(source).take_while(|(a, b)| a == b).count()
}

/// The error for a story meant to jump whose text all fits its module.
fn fits_whole(article: &Article, page: u32) -> Error {
    let at = (article.continues_on.as_ref())
        .map(|(_, at)| at.clone())
        .unwrap_or_else(|| Location::file(&article.file));
    Error::content(at, t!("layout-news-fits-whole", page = page))
}

/// A story's first photo as the planner sees it.
fn story_photo(article: &Article) -> Option<StoryPhoto> {
    let p = article.photos.first()?;
    let pixels = p.info.as_ref().map(|info| (info.width, info.height));
    let open = pixels.is_none() && p.hints.aspect.is_none();
    Some(StoryPhoto {
        aspect: pixels
            .map(|(w, h)| f64::from(w) / f64::from(h.max(1)))
            .or(p.hints.aspect)
            .unwrap_or(DEFAULT_ASPECT),
        pixels,
        max_crop: if open {
            p.hints.max_crop.max(0.45)
        } else {
            p.hints.max_crop
        },
    })
}

/// The stories whose text did not end inside their body's rectangle on
/// the one page (every story when the page ran over).
fn overrun(document: &PagedDocument, plan: &Plan, m: &NewsMeasures) -> Vec<usize> {
    let all: Vec<usize> = (0..m.stories.len()).collect();
    if document.pages().len() != 1 {
        return all;
    }
    let Some(Value::Dict(grid)) = metadata(document, "banmian-grid") else {
        return all;
    };
    let num = |k: &str| grid.get(k).ok().and_then(|v| v.clone().cast::<f64>().ok());
    let (Some(top), Some(left)) = (num("type-top-pt"), num("margin-left-pt")) else {
        return all;
    };
    let Some(label) = Label::new(PicoStr::intern("banmian-story-end")) else {
        return all;
    };
    let g = m.grid;
    let introspector = document.introspector();
    let mut ended = vec![false; m.stories.len()];
    for found in introspector.query(&Selector::Label(label)) {
        let story = found
            .get_by_name("value")
            .ok()
            .and_then(|v| v.cast::<i64>().ok());
        let (Some(story), Some(at)) = (
            story.and_then(|s| usize::try_from(s).ok()),
            found.location().and_then(|l| introspector.position(l)),
        ) else {
            continue;
        };
        let Some(body) = (plan.elements.iter())
            .find(|e| e.kind == "body" && e.article == Some(story))
            .map(|e| e.areas()[0])
        else {
            continue;
        };
        let (x, y) = (at.point.x.to_pt(), at.point.y.to_pt());
        let inside = |r: Rect| {
            let x0 = left + r.col as f64 * (g.column_width + g.gutter);
            let x1 = x0 + g.span_w(r.span);
            let y0 = top + r.line as f64 * g.pitch;
            let y1 = top + (r.line + r.depth) as f64 * g.pitch;
            x >= x0 - 0.5 && x <= x1 + 0.5 && y >= y0 - 0.5 && y <= y1 + 0.5
        };
        if at.page.get() == 1 && story < ended.len() && inside(body) {
            ended[story] = true;
        }
    }
    all.into_iter().filter(|&i| !ended[i]).collect()
}

/// Why no tiling holds the page, as the error a desk reads.
fn unfit(job: &Job, unfit: NewsUnfit, m: &NewsMeasures) -> Error {
    let page = job.page;
    let per_line = m.grid.chars_per_line.max(1);
    let overset = |story: usize, lines: usize| {
        job.overset_by(&page.articles[story], lines * per_line, per_line)
    };
    let count = page.articles.len();
    match unfit {
        NewsUnfit::Headline { story } => {
            let article = &page.articles[story];
            let line = article.headline.first().map_or(1, |t| t.line);
            Error::content(
                Location::at(&article.file, line, 1).with_field("headline"),
                t!("layout-news-headline-too-wide"),
            )
        }
        NewsUnfit::Story { story, lines } => overset(story, lines),
        NewsUnfit::Overset { lines, longest } => overset(longest, lines),
        NewsUnfit::Underset { lines } => Error::content(
            page.location.clone(),
            t!(
                "layout-news-underset",
                count = count,
                page = page.number,
                lines = lines,
                chars = lines * per_line
            ) + &continuation_tip(page),
        ),
        NewsUnfit::NoTiling { least, most, cells } => Error::content(
            page.location.clone(),
            t!(
                "layout-news-no-tiling",
                count = count,
                page = page.number,
                least = least,
                most = most,
                cells = cells
            ) + &continuation_tip(page),
        ),
    }
}

/// When the page holds the rest of a story begun on an earlier page, the
/// length of that rest is decided there (by the other stories, and on
/// page one by the 导读): said after a page-level unfit, so that the desk
/// does not look only at this page's copy.
fn continuation_tip(page: &Page) -> String {
    (page.articles.iter())
        .find_map(|a| match a.jump {
            Some(JumpPart::Rest { from, .. }) => Some(from),
            _ => None,
        })
        .map_or_else(String::new, |from| {
            t!("layout-news-continuation-tip", from = from)
        })
}
