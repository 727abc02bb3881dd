//! The edition as a whole (issue 14, point 4): a build of several pages
//! also writes one PDF of the edition in page order and a proof sheet of
//! every page side by side; edition.toml's edition-wide mistakes are
//! errors that name its line. The edition is made of the seed's text and
//! two sample articles of the gallery (样稿), each a feature page.

use std::path::{Path, PathBuf};

use banmian::content::Format;
use banmian::preflight::{check_edition_pdf, load_font_licences};

use crate::support::{Outcome, banmian, edit, pdf_text, poppler, qpdf_check, root, seed};

/// A three-page edition `ed` in `dir`, its `[[pages]]` written out of
/// page order (1, 3, 2): page 1 the gallery's text boxes, page 2 the
/// seed's text, page 3 the gallery's two landscapes.
fn three_pages(dir: &Path) -> PathBuf {
    let ed = dir.join("ed");
    let examples = root().join("content/examples");
    std::fs::create_dir_all(ed.join("photos")).unwrap();
    let copy = |from: PathBuf, to: &str| std::fs::copy(from, ed.join(to)).unwrap();
    copy(examples.join("01-text-boxes/feature.md"), "boxes.md");
    copy(seed().join("feature.md"), "seed.md");
    copy(examples.join("03-two-landscapes/feature.md"), "rivers.md");
    for photo in ["a01-3x2.jpg", "a05-16x9.jpg"] {
        copy(
            examples.join("03-two-landscapes/photos").join(photo),
            &format!("photos/{photo}"),
        );
    }
    std::fs::write(ed.join("edition.toml"), EDITION).unwrap();
    ed
}

const EDITION: &str = r#"# 样稿 (sample copy): an invented paper; page 2 is the seed's text
# (咸宁日报, 2021) set again, pages 1 and 3 the gallery's sample articles.
paper = "样报"
date = 2024-05-20

[[pages]]
number = 1
section = "样稿·特别报道"
layout = "feature"
articles = ["boxes.md"]

[[pages]]
number = 3
section = "样稿·特别报道"
layout = "feature"
articles = ["rivers.md"]

[[pages]]
number = 2
section = "样稿·特别报道（原文重排）"
layout = "feature"
articles = ["seed.md"]
"#;

/// The headline of each page, in page order.
const HEADLINES: [&str; 3] = [
    "青山有路茶乡有梦",
    "载入史册的答卷矗立大地的丰碑",
    "一条河一片田",
];

/// The line (1-based) of edition.toml that holds `needle`, the `nth`
/// time (0-based).
fn line_of(toml: &str, needle: &str, nth: usize) -> usize {
    toml.lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in edition.toml"))
        .0
        + 1
}

/// `pdftotext` of page `page` of `pdf`, without whitespace.
fn page_text(pdf: &Path, page: u32) -> String {
    let n = page.to_string();
    poppler(
        "pdftotext",
        &[
            "-f",
            &n,
            "-l",
            &n,
            "-raw",
            "-enc",
            "UTF-8",
            pdf.to_str().unwrap(),
            "-",
        ],
    )
    .chars()
    .filter(|c| !c.is_whitespace())
    .collect()
}

/// Builds the edition for print into `dir/<out>` and returns that folder.
fn build(dir: &Path, ed: &Path, out: &str) -> PathBuf {
    let run = banmian(dir, &["build", ed.to_str().unwrap(), "-o", out]).expect_success();
    let listed: Vec<String> = run.stdout().lines().map(str::to_string).collect();
    let want: Vec<String> = [
        "ed-01.pdf",
        "ed-03.pdf",
        "ed-02.pdf",
        "ed.pdf",
        "ed-sheet.png",
    ]
    .iter()
    .map(|f| Path::new(out).join(f).display().to_string())
    .collect();
    assert_eq!(
        listed, want,
        "stdout lists the pages, then the edition's files"
    );
    // The preflight reports nothing about the edition PDF its pages did
    // not already have.
    run.stderr_lacks("edition PDF");
    dir.join(out)
}

#[test]
fn the_edition_pdf_holds_every_page_in_page_order_and_two_builds_agree() {
    let dir = tempfile::tempdir().unwrap();
    let ed = three_pages(dir.path());
    let out = build(dir.path(), &ed, "out");
    let pdf = out.join("ed.pdf");
    qpdf_check(&pdf);

    let info = poppler(
        "pdfinfo",
        &["-f", "1", "-l", "3", "-box", pdf.to_str().unwrap()],
    );
    assert!(info.contains("Pages:           3"), "{info}");
    assert!(info.contains("Title:           样报 2024-05-20"), "{info}");
    for page in 1..=3 {
        // 390 × 540 mm, no bleed: the trim is the media.
        let size = format!("Page    {page} size:  1105.51 x 1530.71 pts");
        assert!(info.contains(&size), "{size}\n{info}");
        let trim = format!("Page    {page} TrimBox:       0.00     0.00  1105.51  1530.71");
        assert!(info.contains(&trim), "{trim}\n{info}");
    }
    // Each page of the edition PDF is the page file of that number, text
    // for text, and holds its own headline and no other's.
    for (i, headline) in HEADLINES.iter().enumerate() {
        let number = i as u32 + 1;
        let text = page_text(&pdf, number);
        assert!(text.contains(headline), "page {number}: {text}");
        for other in HEADLINES.iter().filter(|h| *h != headline) {
            assert!(!text.contains(other), "page {number} holds {other}");
        }
        assert_eq!(text, pdf_text(&out.join(format!("ed-0{number}.pdf"))));
    }
    // Every font embedded as a subset, as on the pages.
    let fonts = poppler("pdffonts", &[pdf.to_str().unwrap()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "{row}");
    }
    // The edition PDF's own preflight passes it against the edition's
    // format, and would name each page of the wrong size and a page
    // missing.
    let bytes = std::fs::read(&pdf).unwrap();
    let broadsheet = Format::default();
    let licences = load_font_licences(&root().join("fonts")).unwrap();
    let clean = check_edition_pdf(&bytes, &broadsheet, &[1, 2, 3], &licences);
    assert!(clean.is_empty(), "{clean:?}");
    let tabloid = Format {
        width_mm: 280.0,
        height_mm: 400.0,
        ..broadsheet
    };
    let wrong: Vec<String> = check_edition_pdf(&bytes, &tabloid, &[1, 2, 3, 4], &licences)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        wrong.contains(&"error: Geometry: page 1, edition PDF: 3 pages, expected 4".to_string()),
        "{wrong:?}"
    );
    for page in 1..=3 {
        let media = format!(
            "error: Geometry: page {page}, MediaBox: 390.0 × 540.0 mm, expected 280.0 × 400.0 mm"
        );
        assert!(wrong.contains(&media), "{wrong:?}");
    }
    // The preflight on the edition PDF through `banmian preflight`: it
    // finds what it finds in the pages, no more.
    let flight = banmian(dir.path(), &["preflight", ed.to_str().unwrap(), "--json"]).output();
    assert!(
        !flight.stdout().contains("edition PDF"),
        "{}",
        flight.stdout()
    );

    let again = build(dir.path(), &ed, "again");
    for file in [
        "ed.pdf",
        "ed-sheet.png",
        "ed-01.pdf",
        "ed-02.pdf",
        "ed-03.pdf",
    ] {
        assert!(
            std::fs::read(out.join(file)).unwrap() == std::fs::read(again.join(file)).unwrap(),
            "{file} differs between two builds"
        );
    }
}

/// `banmian build <edition> -o p --format png --ppi 20` in `dir`: proofs
/// at a low resolution, which must succeed.
fn png_proofs(dir: &Path, edition: &Path) -> Outcome {
    let edition = edition.to_str().unwrap();
    let args = [
        "build", edition, "-o", "p", "--format", "png", "--ppi", "20",
    ];
    banmian(dir, &args).expect_success()
}

#[test]
fn the_proof_sheet_shows_every_page_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let ed = three_pages(dir.path());
    // PNG proofs at a low resolution: the sheet is made all the same, and
    // there is no edition PDF.
    let run = png_proofs(dir.path(), &ed);
    let out = dir.path().join("p");
    assert!(!out.join("ed.pdf").exists(), "{}", run.stdout());
    let sheet = image::open(out.join("ed-sheet.png")).unwrap().to_luma8();
    // Three 390 × 540 mm pages with 10 mm around and between them, at 36
    // pixels per inch.
    let px = |mm: f64| (mm / 25.4 * 36.0).round() as u32;
    assert_eq!(
        sheet.dimensions(),
        (px(10.0 + 3.0 * 400.0), px(10.0 + 540.0 + 10.0))
    );
    // Grey between the pages; each page white paper with ink on it.
    assert_eq!(sheet.get_pixel(2, 2).0[0], 0x9a);
    assert_eq!(sheet.get_pixel(px(405.0), px(280.0)).0[0], 0x9a);
    for i in 0..3 {
        let left = px(10.0 + 400.0 * i as f64);
        let (w, h) = (px(390.0), px(540.0));
        let mut ink = 0;
        let mut white = 0;
        for y in px(10.0)..px(10.0) + h {
            for x in left..left + w {
                match sheet.get_pixel(x, y).0[0] {
                    0..=100 => ink += 1,
                    250.. => white += 1,
                    _ => {}
                }
            }
        }
        let area = f64::from(w * h);
        // A blank page has none; a page of text at 36 ppi about 1.5%.
        assert!(
            f64::from(ink) > area * 0.005,
            "page {}: {ink} dark pixels",
            i + 1
        );
        assert!(
            f64::from(white) > area * 0.2,
            "page {}: {white} white pixels",
            i + 1
        );
    }
}

#[test]
fn a_one_page_edition_writes_only_its_page() {
    let dir = tempfile::tempdir().unwrap();
    let run = png_proofs(dir.path(), &seed());
    let files: Vec<String> = std::fs::read_dir(dir.path().join("p"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, ["xianning-2021-05.png"], "{}", run.stdout());
}

/// The three-page edition with `from` replaced by `to` in edition.toml,
/// built into `out`: it must fail with exit 1 and say `message`, and write
/// nothing.
fn refused(from: &str, to: &str, message: &str) {
    let dir = tempfile::tempdir().unwrap();
    let ed = three_pages(dir.path());
    edit(&ed.join("edition.toml"), from, to);
    banmian(dir.path(), &["build", "ed", "-o", "out"])
        .leaves_untouched("out")
        .expect_exit(1)
        .stderr_contains(message);
}

#[test]
fn the_same_page_number_twice_names_both_lines() {
    let toml = EDITION.replacen("number = 3", "number = 2", 1);
    let second = line_of(&toml, "number = 2", 1);
    let first = line_of(&toml, "[[pages]]", 1);
    refused(
        "number = 3",
        "number = 2",
        &format!(
            "ed/edition.toml:{second}:10: pages[2].number: page 2 is listed twice (first at ed/edition.toml:{first}:1: pages[1])"
        ),
    );
}

#[test]
fn an_article_on_two_pages_names_both_lines() {
    let from = r#"articles = ["rivers.md"]"#;
    let line = line_of(EDITION, from, 0);
    let first = line_of(EDITION, r#"articles = ["boxes.md"]"#, 0);
    refused(
        from,
        r#"articles = ["rivers.md", "boxes.md"]"#,
        &format!(
            "ed/edition.toml:{line}:26: pages[1].articles[1]: article file boxes.md is listed on page 1 (at ed/edition.toml:{first}:13: pages[0].articles[0]) and again on page 3: an article is set on one page"
        ),
    );
}

#[test]
fn an_unknown_layout_lists_the_layouts_there_are() {
    let line = line_of(EDITION, "layout = ", 1);
    refused(
        "layout = \"feature\"\narticles = [\"rivers.md\"]",
        "layout = \"frontpage\"\narticles = [\"rivers.md\"]",
        &format!("ed/edition.toml:{line}:10: pages[1].layout: no layout \"frontpage\" in "),
    );
    refused(
        "layout = \"feature\"\narticles = [\"rivers.md\"]",
        "layout = \"style\"\narticles = [\"rivers.md\"]",
        "style.typ is not a layout (it defines no `render`); the layouts are: feature, front, news",
    );
    refused(
        "layout = \"feature\"\narticles = [\"rivers.md\"]",
        "layout = \"frontpage\"\narticles = [\"rivers.md\"]",
        "; the layouts are: feature, front, news\n",
    );
}

#[test]
fn the_archive_keeps_searches_diffs_and_regenerates_an_edition_of_three_pages() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let ed = three_pages(dir);
    let archive = |args: &[&str]| banmian(dir, args).env("BANMIAN_HOME", root());
    archive(&["archive", "ed", "--note", "首次存档"]).expect_success();
    let rev1 = dir.join("archive/ed/rev-0001");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(rev1.join("manifest.json")).unwrap()).unwrap();
    let numbers: Vec<u64> = (manifest["pages"].as_array().unwrap().iter())
        .map(|p| p["number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, [1, 3, 2], "the pages in edition order");
    assert_eq!(manifest["edition_print"], "print/ed.pdf");
    // The archived edition PDF is the one `build` writes, byte for byte.
    let out = build(dir, &ed, "out");
    assert!(
        std::fs::read(rev1.join("print/ed.pdf")).unwrap()
            == std::fs::read(out.join("ed.pdf")).unwrap(),
        "the archived edition PDF differs from the built one"
    );

    // Each page is found by its own words, on its own page.
    for (word, page) in [("茶乡", "第1版"), ("幕阜山", "第2版"), ("一片田", "第3版")]
    {
        let found = archive(&["archive", "search", word])
            .expect_success()
            .text();
        let hits: Vec<&str> = found.lines().filter(|l| l.starts_with("ed ")).collect();
        assert_eq!(hits.len(), 1, "{word}: {found}");
        assert!(hits[0].contains(page), "{word}: {found}");
        assert!(found.contains("1 page(s) found"), "{found}");
    }

    // A correction on page 3 is revision 2; the diff shows it under its page.
    edit(&ed.join("rivers.md"), "山上茶园青翠", "山上茶园碧绿");
    archive(&["archive", "ed", "--note", "更正"]).expect_success();
    archive(&["archive", "diff", "ed", "1", "2"])
        .expect_success()
        .says("第3版")
        .says("青翠")
        .says("碧绿")
        .says_nothing_of("第1版")
        .says_nothing_of("第2版");

    // Both revisions set again from the archive alone: every page and the
    // edition PDF identical.
    for revision in ["1", "2"] {
        archive(&["regenerate", "ed", "--revision", revision])
            .expect_success()
            .says("第3版 print: identical")
            .says("edition PDF: identical")
            .says(&format!("ed revision {revision}: identical"));
    }
    archive(&["archive", "verify", "ed"])
        .expect_success()
        .says("verified 2 revision(s)");
}
