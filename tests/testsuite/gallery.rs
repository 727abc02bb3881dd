//! The gallery of shapes (`content/examples/`, issue 13): feature articles
//! of every shape the newsroom files — 0 to 12 photos of mixed aspect
//! ratios, short and long bodies, boxes or none, broadsheet and tabloid —
//! each built for print, and each written page read back with poppler (not
//! with banmian's own checker) for what a layout editor would refuse:
//!
//! - a hole: an empty (paper-white) area of the type area wider and taller
//!   than [`HOLE_SIDE_MM`] and larger than [`HOLE_AREA_MM2`];
//! - overprint: two text lines on top of each other, text over a picture,
//!   text outside the type area;
//! - lost text: a Han character of the article missing from the page;
//! - a bad picture: not embedded, below [`MIN_PPI`], stretched, or cropped
//!   to less than [`MIN_VISIBLE`] of its area.
//!
//! One batch build serves every test (`banmian build content/examples`);
//! each example is its own test, which lists all of its page's problems.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::support::page::{self, PT_PER_MM, Placement, Rect, TextLine};
use crate::support::{Outcome, banmian, is_han, root};

/// The type area's margins on the trim (the house grid, layouts/style.typ).
const MARGIN_X_MM: f64 = 17.0;
const MARGIN_Y_MM: f64 = 14.0;

/// A hole is an empty rectangle at least this wide and this tall …
const HOLE_SIDE_MM: usize = 30;
/// … and at least this large: 60 × 30 mm, about one and a half broadsheet
/// columns by six body lines. What a good page leaves white stays below:
/// the gutters (5 mm wide), a paragraph's short last line (one line high),
/// the last body column ending up to eight lines (40 mm) short of the
/// others (one column wide: under 1,800 mm²) or two columns up to five
/// lines short (under 30 mm high), the white beside a centred headline (not
/// counted: see [`display_rows`]). What it catches: an empty cell of a
/// photo grid, a box stretched with gaps or wider than its lines, a column
/// left short by nine lines or more, a page left half empty.
const HOLE_AREA_MM2: usize = 1800;
/// Paper white in the grey raster; a tint (the 大事记 box's 4% / 12%) or a
/// placeholder frame (8% K) is darker, a photo is never this light.
const WHITE: u8 = 250;

/// The print preflight's minimum resolution. `pdfimages` prints whole
/// numbers (rounded), so 199 is accepted as a rounded 199.5.
const MIN_PPI: u32 = 199;
/// The least share of a picture's area a photo frame may show (issue 13:
/// cropped by at most 30%), unless the photo's `max_crop` allows more.
const MIN_VISIBLE: f64 = 0.70;

macro_rules! examples {
    ($($test:ident = $id:literal,)*) => {
        /// Every example folder, one test each.
        const EXAMPLES: &[&str] = &[$($id),*];
        $(
            #[test]
            fn $test() {
                check_example($id);
            }
        )*
    };
}

examples! {
    e01_text_boxes = "01-text-boxes",
    e02_tabloid_one_portrait = "02-tabloid-one-portrait",
    e03_two_landscapes = "03-two-landscapes",
    e04_three_mixed_heads = "04-three-mixed-heads",
    e05_five_photos = "05-five-photos",
    e06_seven_photos_seed = "06-seven-photos-seed",
    e07_twelve_photos = "07-twelve-photos",
    e08_tabloid_two_quote = "08-tabloid-two-quote",
    e09_long_body = "09-long-body",
    e10_long_headline = "10-long-headline",
    e11_three_phrase_headline = "11-three-phrase-headline",
    e12_hinted_photos = "12-hinted-photos",
    e13_pictures_to_come = "13-pictures-to-come",
    e14_tabloid_columns = "14-tabloid-columns",
    e15_news_page = "15-news-page",
    e16_four_page_edition = "16-four-page-edition",
}

fn examples_dir() -> PathBuf {
    root().join("content/examples")
}

/// The one print build of the whole gallery, shared by the tests.
fn built() -> &'static (PathBuf, Outcome) {
    static BUILT: OnceLock<(PathBuf, Outcome)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("gallery");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let examples = examples_dir();
        let outcome = banmian(&dir, &["build", examples.to_str().unwrap(), "-o", "out"]).output();
        (dir.join("out"), outcome)
    })
}

#[test]
fn every_example_builds_for_print() {
    let (_, outcome) = built();
    if outcome.code() != Some(0) {
        outcome.fail("every example of the gallery should build for print (exit 0)");
    }
}

#[test]
fn the_list_is_the_folder() {
    let mut found: Vec<String> = std::fs::read_dir(examples_dir())
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().join("edition.toml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    assert_eq!(found, EXAMPLES, "add a test line for each example folder");
}

/// Invented copy must never pass for news: every example says 样稿 in its
/// paper, its section and a comment of each file.
#[test]
fn every_example_is_marked_as_sample_copy() {
    for id in EXAMPLES {
        let ed = Edition::read(&examples_dir().join(id));
        assert_eq!(ed.paper, "样报", "{id}: paper");
        assert!(ed.section.contains("样稿"), "{id}: section {}", ed.section);
        for file in std::iter::once("edition.toml".to_string()).chain(ed.articles.clone()) {
            let text = std::fs::read_to_string(examples_dir().join(id).join(&file)).unwrap();
            assert!(
                text.lines()
                    .any(|l| l.trim_start().starts_with('#') && l.contains("样稿")),
                "{id}/{file}: a `#` comment should say it is 样稿 (sample copy)"
            );
        }
    }
}

/// The gallery covers the shapes issue 13 names; removing one fails here.
#[test]
fn the_gallery_covers_the_shapes() {
    let eds: Vec<Edition> = EXAMPLES
        .iter()
        .map(|id| Edition::read(&examples_dir().join(id)))
        .collect();
    let photos: Vec<usize> = eds.iter().map(|e| e.article.photos.len()).collect();
    for n in [0, 1, 2, 3, 5, 7, 12] {
        assert!(photos.contains(&n), "an example with {n} photos");
    }
    let chars: Vec<usize> = eds.iter().map(|e| e.article.body_chars).collect();
    assert!(
        chars.iter().any(|&c| c <= 800),
        "a body of at most 800 characters"
    );
    assert!(
        chars.iter().any(|&c| c >= 6000),
        "a body of 6,000 characters or more"
    );
    let has = |f: &dyn Fn(&Edition) -> bool| eds.iter().any(f);
    assert!(has(&|e| e.article.quotes) && has(&|e| !e.article.quotes));
    assert!(has(&|e| e.article.milestones) && has(&|e| !e.article.milestones));
    assert!(has(&|e| e.size_mm == (390.0, 540.0)) && has(&|e| e.size_mm == (280.0, 400.0)));
    let aspects: Vec<u32> = eds
        .iter()
        .flat_map(|e| e.article.photos.iter())
        .filter_map(|p| p.pixels)
        .map(|(w, h)| (100.0 * f64::from(w) / f64::from(h)).round() as u32)
        .collect();
    for (name, a) in [("3:2", 150), ("4:3", 133), ("16:9", 178), ("2.4:1", 240)] {
        assert!(aspects.contains(&a), "a {name} picture");
    }
    for (name, a) in [("2:3", 67), ("3:4", 75), ("1:1", 100)] {
        assert!(aspects.contains(&a), "a {name} picture");
    }
}

/// The hole check can fail: a short item alone on a feature page (a proof,
/// which a page with a hole may still be) leaves most of the page empty.
#[test]
fn a_short_item_on_a_feature_page_is_a_hole() {
    let tmp = tempfile::tempdir().unwrap();
    let body = "青溪县今年新修通村公路一批，方便群众出行。".repeat(30);
    crate::support::small_edition(tmp.path(), "short", "feature", &body);
    banmian(
        tmp.path(),
        &["build", "short", "-o", "out", "--profile", "proof"],
    )
    .expect_success();
    let pdf = tmp.path().join("out/short-01.pdf");
    let (_, _, lines) = page::text_lines(&pdf);
    let found = holes(&pdf, &lines, &[]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("hole: "), "{found:?}");
    // The proof marks the hole for the desk (issue 16, point 2).
    let text = crate::support::pdf_text(&pdf);
    assert!(text.contains("空白：7栏×"), "{text:.400}");
}

/// The rectangle finder on a grid small enough to check by eye.
#[test]
fn empty_rectangles_are_the_maximal_ones() {
    let grid: Vec<Vec<bool>> = [
        "#....#", //
        "#....#", "#..###", "......",
    ]
    .iter()
    .map(|r| r.chars().map(|c| c == '.').collect())
    .collect();
    let all = page::empty_rectangles(&grid, |_, _| true);
    // (x, y, width, height), largest first.
    assert_eq!(all[0], (1, 0, 4, 2));
    assert!(all.contains(&(1, 0, 2, 4)));
    assert!(all.contains(&(0, 3, 6, 1)));
    assert!(page::empty_rectangles(&grid, |w, h| w * h > 8).is_empty());
}

/// An edition of the gallery as the test reads it (its own small reader,
/// not banmian's).
struct Edition {
    paper: String,
    number: u32,
    section: String,
    articles: Vec<String>,
    size_mm: (f64, f64),
    article: Article,
}

struct Article {
    /// Every Han character the article prints: its front matter's values
    /// (comments left out) and its body.
    han: HashMap<char, usize>,
    body_chars: usize,
    quotes: bool,
    milestones: bool,
    photos: Vec<Photo>,
}

struct Photo {
    file: String,
    /// Width and height of the picture, when the file is there.
    pixels: Option<(u32, u32)>,
    /// The least share of its area the frame must show.
    min_visible: f64,
}

impl Edition {
    /// The edition's first page.
    fn read(dir: &Path) -> Edition {
        Self::read_pages(dir).swap_remove(0)
    }

    /// Every page of the edition, in the order written; an article listed
    /// again (a jump's continuation) is read with the page that lists it
    /// first.
    fn read_pages(dir: &Path) -> Vec<Edition> {
        let toml_text = std::fs::read_to_string(dir.join("edition.toml")).unwrap();
        let ed: toml::Table = toml_text.parse().unwrap();
        let mut seen: Vec<String> = Vec::new();
        (ed["pages"].as_array().unwrap().iter())
            .map(|page| {
                let articles: Vec<String> = (page["articles"].as_array().unwrap().iter())
                    .map(|a| a.as_str().unwrap().to_string())
                    .filter(|a| !seen.contains(a))
                    .collect();
                seen.extend(articles.iter().cloned());
                Self::read_page(dir, &ed, page, articles)
            })
            .collect()
    }

    fn read_page(
        dir: &Path,
        ed: &toml::Table,
        page: &toml::Value,
        articles: Vec<String>,
    ) -> Edition {
        let mm = |key: &str, default: f64| {
            ed.get("format")
                .and_then(|f| f.get(key))
                .and_then(|v| v.as_integer().map(|i| i as f64).or(v.as_float()))
                .unwrap_or(default)
        };
        Edition {
            paper: ed["paper"].as_str().unwrap().to_string(),
            number: page["number"].as_integer().unwrap() as u32,
            section: page["section"].as_str().unwrap().to_string(),
            size_mm: (mm("width_mm", 390.0), mm("height_mm", 540.0)),
            article: Article::read_all(dir, &articles),
            articles,
        }
    }
}

impl Article {
    /// The page's articles as one: a feature page has one, a news page
    /// several stories.
    fn read_all(dir: &Path, files: &[String]) -> Article {
        let mut all = files.iter().map(|f| Article::read(dir, f));
        let mut one = all.next().expect("a page has an article");
        for a in all {
            for (c, n) in a.han {
                *one.han.entry(c).or_insert(0) += n;
            }
            one.body_chars += a.body_chars;
            one.quotes |= a.quotes;
            one.milestones |= a.milestones;
            one.photos.extend(a.photos);
        }
        one
    }

    fn read(dir: &Path, file: &str) -> Article {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let mut parts = text.splitn(3, "+++");
        let (_, front, body) = (parts.next(), parts.next().unwrap(), parts.next().unwrap());
        let table: toml::Table = front.parse().unwrap();
        let printed: String = front
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .chain(body.lines())
            .collect();
        let mut han = HashMap::new();
        for c in printed.chars().filter(|&c| is_han(c)) {
            *han.entry(c).or_insert(0) += 1;
        }
        let body_chars = body
            .lines()
            .map(|l| l.strip_prefix("## ").unwrap_or(l).replace("**", ""))
            .flat_map(|l| l.chars().collect::<Vec<_>>())
            .filter(|c| !c.is_whitespace())
            .count();
        let photos = table
            .get("photos")
            .and_then(|p| p.as_array())
            .map(|ps| {
                ps.iter()
                    .map(|p| {
                        let file = p["file"].as_str().unwrap().to_string();
                        let pixels = image::image_dimensions(dir.join(&file)).ok();
                        let max_crop = p.get("max_crop").and_then(|m| m.as_float());
                        let min_visible = max_crop.map_or(MIN_VISIBLE, |m| 1.0 - m);
                        Photo {
                            file,
                            pixels,
                            min_visible,
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        Article {
            han,
            body_chars,
            quotes: table.contains_key("quotes"),
            milestones: table.contains_key("milestones"),
            photos,
        }
    }
}

/// Builds (once) and checks one example's pages (each page on its own;
/// the text across the edition, as a jump carries a story's text from one
/// page to another); fails listing every problem found.
fn check_example(id: &str) {
    let (out, outcome) = built();
    let pages = Edition::read_pages(&examples_dir().join(id));
    let pdf = |n: u32| out.join(id).join(format!("{id}-{n:02}.pdf"));
    if pages.iter().any(|p| !pdf(p.number).is_file()) {
        let said = edition_failure(&outcome.stderr(), id);
        panic!("{id}: the print build did not write every page:\n{said}");
    }
    let mut problems = Vec::new();
    let mut text = String::new();
    for ed in &pages {
        let pdf = pdf(ed.number);
        let (width_pt, height_pt, lines) = page::text_lines(&pdf);
        let type_area = Rect {
            x0: MARGIN_X_MM * PT_PER_MM,
            y0: MARGIN_Y_MM * PT_PER_MM,
            x1: width_pt - MARGIN_X_MM * PT_PER_MM,
            y1: height_pt - MARGIN_Y_MM * PT_PER_MM,
        };
        let placements = page::placements(&pdf);
        let on = |p: String| format!("page {}: {p}", ed.number);
        problems.extend(holes(&pdf, &lines, &placements).into_iter().map(on));
        problems.extend(
            overprint(&lines, &placements, &type_area)
                .into_iter()
                .map(on),
        );
        problems.extend(
            pictures(&pdf, &ed.article, &placements, &type_area)
                .into_iter()
                .map(on),
        );
        text.push_str(&crate::support::pdf_text(&pdf));
    }
    let files: Vec<String> = pages.iter().flat_map(|p| p.articles.clone()).collect();
    let all = Article::read_all(&examples_dir().join(id), &files);
    problems.extend(lost_text(&text, &all));
    assert!(
        problems.is_empty(),
        "{id}: {} problem(s) on {} (see the proof: banmian build content/examples/{id} --format png):\n- {}",
        problems.len(),
        out.join(id).display(),
        problems.join("\n- ")
    );
}

/// What the batch build's summary says about edition `id`.
fn edition_failure(stderr: &str, id: &str) -> String {
    let mut said = Vec::new();
    let mut inside = false;
    for line in stderr.lines() {
        if line.starts_with("- ") {
            inside = line.trim_end_matches(':').ends_with(id);
        } else if !line.starts_with("  ") {
            inside = false;
        }
        if inside {
            said.push(line);
        }
    }
    if said.is_empty() {
        stderr.to_string()
    } else {
        said.join("\n")
    }
}

/// Holes. The page is rasterised at 1 px/mm in grey; inside the type area,
/// a pixel is empty when it is paper white and not part of a picture (a
/// photo's white sky is no hole). Every maximal empty rectangle is found
/// (see [`page::empty_rectangles`]); one at least [`HOLE_SIDE_MM`] both
/// ways and [`HOLE_AREA_MM2`] in area is a hole.
fn holes(pdf: &Path, lines: &[TextLine], placements: &[Placement]) -> Vec<String> {
    let raster = page::raster_mm(pdf);
    let display = display_rows(lines);
    let pictures: Vec<Rect> = placements.iter().map(|p| p.visible.mm()).collect();
    let in_picture = |x: usize, y: usize| {
        let (cx, cy) = (x as f64 + 0.5, y as f64 + 0.5);
        pictures
            .iter()
            .any(|r| r.x0 <= cx && cx <= r.x1 && r.y0 <= cy && cy <= r.y1)
    };
    let (x0, x1) = (MARGIN_X_MM as usize, raster.width - MARGIN_X_MM as usize);
    let (y0, y1) = (MARGIN_Y_MM as usize, raster.height - MARGIN_Y_MM as usize);
    let empty: Vec<Vec<bool>> = (y0..y1)
        .map(|y| {
            let centre = y as f64 + 0.5;
            let beside_display = display.iter().any(|&(a, b)| a <= centre && centre <= b);
            (x0..x1)
                .map(|x| !beside_display && raster.at(x, y) >= WHITE && !in_picture(x, y))
                .collect()
        })
        .collect();
    let found = page::empty_rectangles(&empty, |w, h| {
        w >= HOLE_SIDE_MM && h >= HOLE_SIDE_MM && w * h >= HOLE_AREA_MM2
    });
    found
        .first()
        .map(|&(x, y, w, h)| {
            format!(
                "hole: an empty area of {w} × {h} mm at ({}, {}) mm from the top left of the trim \
                 (holes are empty rectangles of at least {HOLE_SIDE_MM} mm both ways and {HOLE_AREA_MM2} mm²)",
                x + x0,
                y + y0
            )
        })
        .into_iter()
        .collect()
}

/// The rows (mm from the top) of display type — kicker, headline,
/// subheadline: lines at least one and a half times the body size (the
/// commonest line height on the page) — with half a line above and below.
/// The white beside a centred headline or between its phrases is the
/// headline's, not a hole.
fn display_rows(lines: &[TextLine]) -> Vec<(f64, f64)> {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for l in lines {
        *counts
            .entry((l.bbox.height() * 2.0).round() as i64)
            .or_insert(0) += 1;
    }
    let body = counts
        .into_iter()
        .max_by_key(|&(h, n)| (n, h))
        .map(|(h, _)| h as f64 / 2.0)
        .unwrap_or(9.5);
    lines
        .iter()
        .filter(|l| l.bbox.height() >= 1.5 * body)
        .map(|l| {
            let b = l.bbox.mm();
            (b.y0 - b.height() / 2.0, b.y1 + b.height() / 2.0)
        })
        .collect()
}

/// Overprint, from `pdftotext -bbox-layout`'s line boxes (each as tall as
/// its font size, each glyph as wide as its advance). Two lines overlap
/// when they share more than one em across and a quarter of an em down, em
/// being the smaller line's size: poppler boxes a compressed punctuation
/// mark (标点挤压: "。）" set in one and a half ems, a line-end "”" and the
/// next column's line-start "“" set half-width) at its full em, so two
/// good neighbours' boxes may reach up to an em into each other; a section
/// head printed over the body overlaps by many ems. Text may not overlap a picture's visible
/// part (by more than 1 pt both ways), nor leave the type area by more
/// than 1 pt — across, by more than half an em more, for the same reason
/// (a line-end mark set half-width but boxed whole).
fn overprint(lines: &[TextLine], placements: &[Placement], type_area: &Rect) -> Vec<String> {
    let mut problems = Vec::new();
    let lines: Vec<&TextLine> = lines.iter().filter(|l| !l.text.trim().is_empty()).collect();
    for (i, a) in lines.iter().enumerate() {
        for b in &lines[i + 1..] {
            let common = a.bbox.intersect(&b.bbox);
            let em = a.bbox.height().min(b.bbox.height());
            if common.width() > em && common.height() > 0.25 * em {
                problems.push(format!(
                    "overprint: {:?} and {:?} overlap ({})",
                    short(&a.text),
                    short(&b.text),
                    common.mm()
                ));
            }
        }
        for p in placements {
            let common = a.bbox.intersect(&p.visible);
            if common.width() > 1.0 && common.height() > 1.0 {
                problems.push(format!(
                    "overprint: {:?} is printed over the {}×{} picture ({})",
                    short(&a.text),
                    p.width_px,
                    p.height_px,
                    common.mm()
                ));
            }
        }
        let b = &a.bbox;
        let across = 1.0 + b.height() / 2.0;
        if b.x0 < type_area.x0 - across
            || b.y0 < type_area.y0 - 1.0
            || b.x1 > type_area.x1 + across
            || b.y1 > type_area.y1 + 1.0
        {
            problems.push(format!(
                "outside the type area: {:?} ({})",
                short(&a.text),
                b.mm()
            ));
        }
    }
    problems.truncate(12);
    problems
}

fn short(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= 16 {
        text.to_string()
    } else {
        chars[..16].iter().collect::<String>() + "…"
    }
}

/// All text on the pages: every Han character the article prints (body,
/// headlines, boxes, captions) is in the pages' `pdftotext` text as many
/// times as in the source or more (a page adds the folio and the like).
/// Han characters only, so the corrected punctuation needs no tolerance.
fn lost_text(text: &str, article: &Article) -> Vec<String> {
    let mut on_page: HashMap<char, usize> = HashMap::new();
    for c in text.chars().filter(|&c| is_han(c)) {
        *on_page.entry(c).or_insert(0) += 1;
    }
    let mut missing: Vec<(char, usize)> = article
        .han
        .iter()
        .filter_map(|(&c, &n)| {
            let have = on_page.get(&c).copied().unwrap_or(0);
            (have < n).then(|| (c, n - have))
        })
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    missing.sort_by_key(|&(c, n)| (std::cmp::Reverse(n), c));
    let total: usize = missing.iter().map(|(_, n)| n).sum();
    let sample: String = missing.iter().take(20).map(|(c, _)| *c).collect();
    vec![format!(
        "lost text: {total} Han character(s) of the article are not on the page (e.g. {sample})"
    )]
}

/// Pictures. `pdfimages -list` names every embedded picture with its pixel
/// size and its resolution at the placed size (x-ppi, y-ppi: pixels over
/// the whole picture's placed width and height, cropped parts included).
/// Every picture file the article names and has is found there by its
/// pixel size, at [`MIN_PPI`] or more, and not stretched (x-ppi = y-ppi).
///
/// The crop is measured on poppler's SVG ([`page::placements`]): the whole
/// picture's rectangle at its placed size, and the part the photo frame's
/// clip leaves visible; the visible share of the area must be at least
/// [`MIN_VISIBLE`], or `1 − max_crop` when the photo sets `max_crop`.
/// (A picture of aspect `a` in a frame of aspect `f`,
/// cropped to cover it, shows `min(a/f, f/a)` of its area.)
fn pictures(
    pdf: &Path,
    article: &Article,
    placements: &[Placement],
    type_area: &Rect,
) -> Vec<String> {
    let mut problems = Vec::new();
    let mut embedded = page::embedded_images(pdf);
    for (i, photo) in article.photos.iter().enumerate() {
        let Some((w, h)) = photo.pixels else {
            continue; // still to come: a placeholder frame is set
        };
        let name = format!("photos[{i}] {} ({w}×{h})", photo.file);
        let Some(at) = embedded.iter().position(|e| e.width == w && e.height == h) else {
            problems.push(format!("picture: {name} is not embedded in the page"));
            continue;
        };
        let e = embedded.remove(at);
        if e.x_ppi < MIN_PPI || e.y_ppi < MIN_PPI {
            problems.push(format!(
                "picture: {name} at {} × {} ppi, below 200 ppi",
                e.x_ppi, e.y_ppi
            ));
        }
        if e.x_ppi.abs_diff(e.y_ppi) > 1 + e.x_ppi / 100 {
            problems.push(format!(
                "picture: {name} stretched ({} ppi across, {} down)",
                e.x_ppi, e.y_ppi
            ));
        }
        let Some(p) = placements
            .iter()
            .find(|p| p.width_px == w && p.height_px == h)
        else {
            problems.push(format!(
                "picture: {name} is embedded but poppler's SVG shows no placement of it"
            ));
            continue;
        };
        let shown = p.visible_fraction();
        if shown < photo.min_visible - 1e-3 {
            problems.push(format!(
                "picture: {name} cropped to {:.0}% of its area (at least {:.0}%): a frame of {} shows a picture placed at {:.0} × {:.0} mm",
                shown * 100.0,
                photo.min_visible * 100.0,
                p.visible.mm(),
                p.image.mm().width(),
                p.image.mm().height()
            ));
        }
        let v = &p.visible;
        if v.x0 < type_area.x0 - 1.0
            || v.y0 < type_area.y0 - 1.0
            || v.x1 > type_area.x1 + 1.0
            || v.y1 > type_area.y1 + 1.0
        {
            problems.push(format!(
                "picture: {name} shows outside the type area ({})",
                v.mm()
            ));
        }
    }
    problems
}
