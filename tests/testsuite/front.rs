//! Page one (`layout = "front"`): the masthead with the date in 公历 and
//! 农历 with 星期, 第N期 and the registration lines of `[masthead]`; the
//! 导读 box generated from the edition; the lead story made up under
//! them. Read back from the written PDFs with poppler; `[masthead]`
//! errors checked by exit code and message.

use std::path::{Path, PathBuf};

use crate::support::page::{placements, text_lines};
use crate::support::{Run, banmian, edit, normalize, pdf_text, root, seed};

/// The masthead lines of the test edition's `edition.toml`.
const MASTHEAD: &str =
    "[masthead]\ncn = \"CN42-0078\"\npostal_code = \"37-35\"\npublisher = \"中共咸宁市委主办\"\n";

/// A three-page edition in `dir/front-ed`: page 1 the front page with the
/// seed feature as its lead; pages 2 and 3 inside pages with sample
/// articles (样稿) of content/examples/.
fn edition(dir: &Path) -> PathBuf {
    let ed = dir.join("front-ed");
    std::fs::create_dir_all(ed.join("photos")).unwrap();
    std::fs::copy(seed().join("feature.md"), ed.join("lead.md")).unwrap();
    let examples = root().join("content/examples");
    std::fs::copy(examples.join("01-text-boxes/feature.md"), ed.join("p2.md")).unwrap();
    std::fs::copy(
        examples.join("03-two-landscapes/feature.md"),
        ed.join("p3.md"),
    )
    .unwrap();
    for photo in ["a01-3x2.jpg", "a05-16x9.jpg"] {
        let from = examples.join("03-two-landscapes/photos").join(photo);
        std::fs::copy(from, ed.join("photos").join(photo)).unwrap();
    }
    std::fs::write(
        ed.join("edition.toml"),
        format!(
            "paper = \"咸宁日报\"\ndate = 2021-03-01\nissue = 9999\n\n{MASTHEAD}\n\
             [[pages]]\nnumber = 1\nsection = \"要闻\"\nlayout = \"front\"\narticles = [\"lead.md\"]\n\n\
             [[pages]]\nnumber = 3\nsection = \"样稿·乡村\"\nlayout = \"feature\"\narticles = [\"p3.md\"]\n\n\
             [[pages]]\nnumber = 2\nsection = \"样稿·特别报道\"\nlayout = \"feature\"\narticles = [\"p2.md\"]\n"
        ),
    )
    .unwrap();
    ed
}

/// `banmian build <ed> -o out` (for print: preflight refuses holes,
/// overlaps and overset) in `cwd`.
fn build(cwd: &Path, ed: &Path) -> Run {
    banmian(cwd, &["build", ed.to_str().unwrap(), "-o", "out"])
}

/// The built edition and its pages' text (whitespace removed).
struct Built {
    _dir: tempfile::TempDir,
    out: PathBuf,
}

impl Built {
    fn text(&self, page: u32) -> String {
        pdf_text(&self.out.join(format!("front-ed-{page:02}.pdf")))
    }
}

fn built() -> &'static Built {
    static BUILT: std::sync::OnceLock<Built> = std::sync::OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let ed = edition(dir.path());
        build(dir.path(), &ed).expect_success();
        let out = dir.path().join("out");
        Built { _dir: dir, out }
    })
}

#[test]
fn the_masthead_prints_name_dates_issue_and_registration() {
    let text = built().text(1);
    for expected in [
        "咸宁日报",
        "2021年3月1日",
        "星期一",
        "农历正月十八",
        "第9999期",
        "今日3版",
        "国内统一连续出版物号CN42-0078",
        "邮发代号37-35",
        "中共咸宁市委主办",
    ] {
        assert!(
            text.contains(expected),
            "page one lacks {expected}: {text:.400}"
        );
    }
    // Page one has no folio line: no "第1版" on it.
    assert!(!text.contains("第1版"), "{text:.400}");
}

/// The lines of page one set at display size (taller than 40 pt) in its
/// top eighth, whitespace removed.
fn display_lines_at_top(pdf: &Path) -> Vec<String> {
    let (_, height, lines) = text_lines(pdf);
    (lines.into_iter())
        .filter(|l| l.bbox.height() > 40.0 && l.bbox.y1 < height / 8.0)
        .map(|l| l.text.chars().filter(|c| !c.is_whitespace()).collect())
        .collect()
}

#[test]
fn the_papers_name_is_set_large_at_the_top() {
    let lines = display_lines_at_top(&built().out.join("front-ed-01.pdf"));
    assert_eq!(lines, ["咸宁日报"], "display-size lines in the top eighth");
}

#[test]
fn a_long_name_is_set_smaller_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let ed = edition(dir.path());
    let name = "样报华中城乡新闻周刊特别版";
    edit(
        &ed.join("edition.toml"),
        "paper = \"咸宁日报\"",
        &format!("paper = \"{name}\""),
    );
    build(dir.path(), &ed).expect_success();
    let (width, height, lines) = text_lines(&dir.path().join("out/front-ed-01.pdf"));
    let line = (lines.iter())
        .find(|l| {
            l.text
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                == name
        })
        .unwrap_or_else(|| panic!("the name {name} is not one line"));
    // At most 60% of the type area (the page less 17 mm margins) wide,
    // at the top, and still larger than a headline's smallest size.
    let type_width = width - 2.0 * 17.0 * 72.0 / 25.4;
    assert!(
        line.bbox.width() <= 0.6 * type_width + 1.0,
        "{:?}",
        line.bbox
    );
    assert!(
        line.bbox.y1 < height / 8.0 && line.bbox.height() > 26.0,
        "{:?}",
        line.bbox
    );
}

/// Gives the edition `ed` a logo picture: 1500 × 500 pixels, red marks
/// on white (at 30 mm high it is set at 423 ppi).
fn with_logo(ed: &Path) {
    let logo = image::RgbImage::from_fn(1500, 500, |x, y| {
        if (x / 100 + y / 100) % 2 == 0 {
            image::Rgb([200, 20, 20])
        } else {
            image::Rgb([255, 255, 255])
        }
    });
    logo.save(ed.join("logo.png")).unwrap();
    edit(
        &ed.join("edition.toml"),
        "[masthead]\n",
        "[masthead]\nlogo = \"logo.png\"\n",
    );
}

#[test]
fn an_archived_front_page_keeps_its_logo_and_regenerates_identically() {
    let dir = tempfile::tempdir().unwrap();
    let ed = edition(dir.path());
    with_logo(&ed);
    let home = root();
    banmian(dir.path(), &["archive", "front-ed", "--note", "test"])
        .env("BANMIAN_HOME", &home)
        .expect_success();
    // The logo is stored once, by content, like the photos.
    let manifest: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.path().join("archive/front-ed/rev-0001/manifest.json")).unwrap(),
    )
    .unwrap();
    let logo = &manifest["pictures"][0];
    assert_eq!(logo["path"], "edition/front-ed/logo.png");
    let stored = dir
        .path()
        .join("archive")
        .join(logo["stored"].as_str().unwrap());
    assert_eq!(
        std::fs::read(stored).unwrap(),
        std::fs::read(ed.join("logo.png")).unwrap()
    );
    banmian(dir.path(), &["regenerate", "front-ed", "-o", "again"])
        .env("BANMIAN_HOME", &home)
        .expect_success()
        .says("第1版 print: identical")
        .says("front-ed revision 1: identical");
}

#[test]
fn a_logo_picture_takes_the_names_place() {
    let dir = tempfile::tempdir().unwrap();
    let ed = edition(dir.path());
    with_logo(&ed);
    build(dir.path(), &ed).expect_success();
    let pdf = dir.path().join("out/front-ed-01.pdf");
    assert!(
        display_lines_at_top(&pdf).is_empty(),
        "the name is not set in type as well"
    );
    let (_, height, _) = text_lines(&pdf);
    let logos: Vec<_> = (placements(&pdf).into_iter())
        .filter(|p| (p.width_px, p.height_px) == (1500, 500))
        .collect();
    assert_eq!(logos.len(), 1, "the logo is placed once");
    let at = &logos[0].image;
    assert!(
        at.y1 < height / 8.0,
        "the logo sits in the masthead: {at:?}"
    );
    assert!(
        (at.height() - 30.0 * 72.0 / 25.4).abs() < 1.0,
        "30 mm high: {at:?}"
    );
    // The rest of the masthead is unchanged.
    let text = pdf_text(&pdf);
    assert!(
        text.contains("农历正月十八") && text.contains("CN42-0078"),
        "{text:.300}"
    );
}

#[test]
fn a_missing_logo_is_an_error_naming_the_field() {
    let (_dir, run) = build_with("[masthead]\n", "[masthead]\nlogo = \"photos/none.png\"\n");
    run.expect_exit(1)
        .stderr_contains("edition.toml:6:8: masthead.logo: logo picture photos/none.png not found");
}

#[test]
fn the_index_names_each_inside_pages_lead_and_that_page_holds_it() {
    let built = built();
    let front = built.text(1);
    assert!(front.contains("导读"), "{front:.400}");
    // In page order, each headline followed by the page that holds it.
    let entries = [
        (2, "青山有路茶乡有梦", "样稿·特别报道"),
        (3, "一条河一片田", "样稿·乡村"),
    ];
    let mut from = 0;
    for (page, headline, section) in entries {
        let entry = format!("{headline}▶第{page}版·{section}");
        let at = front[from..].find(&entry).unwrap_or_else(|| {
            panic!("no 导读 entry {entry} (in page order) on page one: {front}")
        });
        from += at + entry.len();
        let inside = built.text(page);
        assert!(
            inside.contains(headline),
            "page {page} does not hold {headline}"
        );
        assert!(
            inside.contains(&format!("第{page}版")),
            "page {page}'s folio"
        );
    }
}

/// The test edition with `in_index = {value}` on page 3, built.
fn build_with_page_3_in_index(value: &str) -> (tempfile::TempDir, Run) {
    let dir = tempfile::tempdir().unwrap();
    let ed = edition(dir.path());
    edit(
        &ed.join("edition.toml"),
        "articles = [\"p3.md\"]\n",
        &format!("articles = [\"p3.md\"]\nin_index = {value}\n"),
    );
    let run = build(dir.path(), &ed);
    (dir, run)
}

#[test]
fn a_page_marked_in_index_false_is_left_out_of_the_index() {
    let (dir, run) = build_with_page_3_in_index("false");
    run.expect_success();
    let front = pdf_text(&dir.path().join("out/front-ed-01.pdf"));
    assert!(
        front.contains("青山有路茶乡有梦▶第2版·样稿·特别报道"),
        "{front}"
    );
    assert!(
        !front.contains("第3版"),
        "page 3 is still in the 导读: {front}"
    );
    // The page itself is built as before.
    let inside = pdf_text(&dir.path().join("out/front-ed-03.pdf"));
    assert!(inside.contains("一条河一片田"), "{inside:.300}");
}

#[test]
fn an_in_index_that_is_not_true_or_false_is_an_error_naming_the_field() {
    let (dir, run) = build_with_page_3_in_index("\"no\"");
    run.expect_exit(1).stderr_contains("in_index");
    assert!(!dir.path().join("out").exists(), "no output for bad input");
}

#[test]
fn the_lead_story_is_set_whole_on_page_one() {
    let front = built().text(1);
    for phrase in ["载入史册的答卷", "矗立大地的丰碑", "八年扶贫大事记"] {
        assert!(front.contains(phrase), "page one lacks {phrase}");
    }
    // Its last paragraph's close is on the page (nothing overset).
    let source = std::fs::read_to_string(seed().join("feature.md")).unwrap();
    let chars: Vec<char> = source.trim_end().chars().map(normalize).collect();
    let last: String = chars[chars.len() - 10..].iter().collect();
    assert!(
        front.contains(&last),
        "page one lacks the lead's close {last}"
    );
}

#[test]
fn a_leap_month_and_another_weekday_are_printed() {
    let dir = tempfile::tempdir().unwrap();
    let ed = edition(dir.path());
    edit(
        &ed.join("edition.toml"),
        "date = 2021-03-01",
        "date = 2023-03-22",
    );
    build(dir.path(), &ed).expect_success();
    let text = pdf_text(&dir.path().join("out/front-ed-01.pdf"));
    assert!(text.contains("2023年3月22日星期三"), "{text:.300}");
    assert!(text.contains("农历闰二月初一"), "{text:.300}");
}

/// The test edition with `[masthead]` field `from` replaced by `to`, built.
fn build_with(from: &str, to: &str) -> (tempfile::TempDir, Run) {
    let dir = tempfile::tempdir().unwrap();
    let ed = edition(dir.path());
    edit(&ed.join("edition.toml"), from, to);
    let run = build(dir.path(), &ed).leaves_untouched("out");
    (dir, run)
}

#[test]
fn a_malformed_cn_number_names_line_and_field() {
    // edition.toml: paper, date, issue, blank, [masthead], cn on line 6.
    let (_dir, run) = build_with("cn = \"CN42-0078\"", "cn = \"CN42-78\"");
    run.expect_exit(1)
        .stderr_contains("edition.toml:6:6: masthead.cn:")
        .stderr_contains("\"CN42-78\" is not a CN number such as \"CN42-0078\"");
}

#[test]
fn a_malformed_postal_code_names_line_and_field() {
    let (_dir, run) = build_with("postal_code = \"37-35\"", "postal_code = \"三七\"");
    run.expect_exit(1)
        .stderr_contains("edition.toml:7:15: masthead.postal_code:")
        .stderr_contains("is not a 邮发代号");
}

#[test]
fn a_control_character_in_the_publisher_is_refused() {
    let (_dir, run) = build_with("主办\"", "主办\\u0007\"");
    run.expect_exit(1)
        .stderr_contains("edition.toml:8:")
        .stderr_contains("masthead.publisher");
}

#[test]
fn an_unknown_masthead_field_is_named() {
    let (_dir, run) = build_with("postal_code =", "postcode =");
    run.expect_exit(1)
        .stderr_contains("edition.toml:")
        .stderr_contains("unknown field `postcode`")
        .stderr_contains("did you mean `postal_code`?");
}
