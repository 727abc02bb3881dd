//! The four-page example edition (`content/examples/16-four-page-edition`,
//! issue 14): a front page of three stories with the masthead and the 导读
//! box, a news page of six stories, a news page holding the front lead's
//! continuation, and the seed feature. Built for print once; every page
//! read back with poppler; archived, searched, diffed and regenerated.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::support::{banmian, edit, normalize, pdf_text, poppler, root};

const ID: &str = "16-four-page-edition";

/// The example copied into a scratch folder and built for print there.
struct Built {
    dir: PathBuf,
    stderr: String,
}

impl Built {
    fn out(&self) -> PathBuf {
        self.dir.join("out")
    }

    fn pdf(&self, page: u32) -> PathBuf {
        self.out().join(format!("{ID}-{page:02}.pdf"))
    }

    /// Page `page`'s text, whitespace dropped, marks normalised.
    fn text(&self, page: u32) -> String {
        plain(&pdf_text(&self.pdf(page)))
    }
}

fn source() -> PathBuf {
    root().join("content/examples").join(ID)
}

/// Copies the example to `dir/ID`.
fn copy_example(dir: &Path) -> PathBuf {
    let to = dir.join(ID);
    for entry in walkdir::WalkDir::new(source()) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(source()).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
    to
}

fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("example-edition");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        copy_example(&dir);
        let run = banmian(&dir, &["build", ID, "-o", "out"]).expect_success();
        Built {
            dir,
            stderr: run.stderr(),
        }
    })
}

/// Text as compared: whitespace dropped, marks normalised.
fn plain(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(normalize)
        .collect()
}

/// An article file's headline phrases, section heads and body
/// paragraphs, as printed.
struct Story {
    headline: Vec<String>,
    heads: Vec<String>,
    paragraphs: Vec<String>,
}

fn story(file: &str) -> Story {
    let text = std::fs::read_to_string(source().join(file)).unwrap();
    let mut parts = text.splitn(3, "+++");
    let (_, front, body) = (parts.next(), parts.next().unwrap(), parts.next().unwrap());
    let table: toml::Table = front.parse().unwrap();
    let headline = match &table["headline"] {
        toml::Value::String(s) => vec![plain(s)],
        toml::Value::Array(a) => a.iter().map(|v| plain(v.as_str().unwrap())).collect(),
        other => panic!("{file}: headline {other}"),
    };
    let blocks: Vec<&str> = body.split("\n\n").map(str::trim).collect();
    let (heads, paragraphs): (Vec<&str>, Vec<&str>) = blocks
        .into_iter()
        .filter(|b| !b.is_empty())
        .partition(|b| b.starts_with("## "));
    Story {
        headline,
        heads: heads.iter().map(|h| plain(&h[3..])).collect(),
        paragraphs: paragraphs
            .iter()
            .map(|p| plain(&p.replace("**", "")))
            .collect(),
    }
}

/// Each page's number, section and article files, from edition.toml.
fn pages() -> Vec<(u32, String, Vec<String>)> {
    let ed: toml::Table = std::fs::read_to_string(source().join("edition.toml"))
        .unwrap()
        .parse()
        .unwrap();
    ed["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let files = p["articles"].as_array().unwrap();
            (
                p["number"].as_integer().unwrap() as u32,
                p["section"].as_str().unwrap().to_string(),
                files
                    .iter()
                    .map(|f| f.as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn the_edition_builds_for_print_page_by_page_and_whole() {
    let built = built();
    for page in 1..=4 {
        assert!(built.pdf(page).is_file(), "page {page} was not written");
    }
    let whole = built.out().join(format!("{ID}.pdf"));
    let info = poppler("pdfinfo", &[whole.to_str().unwrap()]);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Pages:") && l.ends_with(" 4")),
        "{info}"
    );
    assert!(built.out().join(format!("{ID}-sheet.png")).is_file());
    assert!(
        !built.stderr.contains("error"),
        "the print build reports errors: {}",
        built.stderr
    );
}

#[test]
fn page_one_prints_the_masthead_with_the_lunar_date() {
    let front = built().text(1);
    for said in [
        "样报",
        "2024年5月20日星期一",
        "农历四月十三",
        "第1234期",
        "今日4版",
        "国内统一连续出版物号CN00-0000",
        "邮发代号00-00",
        "导读",
    ] {
        assert!(front.contains(said), "page one lacks {said}: {front:.300}");
    }
    // The masthead takes the folio's place: page one has no folio line.
    assert!(!front.contains("第1版"), "{front:.300}");
}

#[test]
fn the_index_points_at_the_pages_that_hold_those_headlines() {
    let built = built();
    let front = built.text(1);
    let mut from = 0;
    for (page, section, files) in pages().into_iter().filter(|p| p.0 != 1) {
        let headline = story(&files[0]).headline.concat();
        let entry = format!("{headline}▶第{page}版·{}", plain(&section));
        let at = front[from..]
            .find(&entry)
            .unwrap_or_else(|| panic!("no 导读 entry {entry} (in page order): {front}"));
        from += at + entry.len();
        let inside = built.text(page);
        assert!(inside.contains(&headline), "page {page} lacks {headline}");
        assert!(
            inside.contains(&format!("第{page}版")),
            "page {page}'s folio"
        );
    }
}

#[test]
fn the_lead_jumps_to_page_three_and_goes_on_there() {
    let built = built();
    let (front, three) = (built.text(1), built.text(3));
    assert_eq!(front.matches("（下转第3版）").count(), 1, "{front}");
    assert_eq!(three.matches("（上接第1版）").count(), 1, "{three}");
    // The continuation carries the headline again; its kicker and byline
    // stay on page one.
    let lead = story("front-lead.md");
    for phrase in &lead.headline {
        assert!(front.contains(phrase.as_str()), "page one lacks {phrase}");
        assert!(three.contains(phrase.as_str()), "page three lacks {phrase}");
    }
    assert!(
        !three.contains("乡村振兴一线"),
        "the kicker is not repeated"
    );
    // No other page speaks of a jump.
    for page in [2, 4] {
        let text = built.text(page);
        assert!(
            !text.contains("下转") && !text.contains("上接"),
            "page {page}"
        );
    }
}

/// Every paragraph of every story once across the edition; the one the
/// jump cuts in two is its first part before （下转第3版） on page one and
/// the rest after （上接第1版） on page three.
#[test]
fn every_story_is_printed_once_across_the_edition() {
    let built = built();
    let texts: Vec<String> = (1..=4).map(|p| built.text(p)).collect();
    let all = texts.concat();
    let mut files: Vec<String> = pages().into_iter().flat_map(|p| p.2).collect();
    files.sort();
    files.dedup();
    let mut cut = 0;
    for file in &files {
        let story = story(file);
        for head in &story.heads {
            assert!(
                all.contains(head.as_str()),
                "{file}: the section head {head}"
            );
        }
        for p in story.paragraphs {
            match all.matches(&p).count() {
                1 => {}
                0 if split_by_the_jump(&p, &texts[0], &texts[2]) => cut += 1,
                n => panic!("{file}: printed {n} times: {p}"),
            }
        }
    }
    assert_eq!(cut, 1, "the example's jump cuts one paragraph in two");
}

/// Whether `p` is printed as a first part ending in （下转第3版） on page
/// one and a rest beginning after （上接第1版） on page three.
fn split_by_the_jump(p: &str, one: &str, three: &str) -> bool {
    let chars: Vec<char> = p.chars().collect();
    (1..chars.len()).any(|k| {
        let (a, b): (String, String) = (chars[..k].iter().collect(), chars[k..].iter().collect());
        one.contains(&format!("{a}（下转第3版）")) && three.contains(&format!("（上接第1版）{b}"))
    })
}

#[test]
fn the_edition_is_archived_searched_diffed_and_regenerated() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let ed = copy_example(dir);
    banmian(dir, &["archive", ID, "--note", "首次存档"])
        .expect_success()
        .says("archived as revision 1");
    banmian(dir, &["archive", "verify", ID])
        .expect_success()
        .says("all intact");
    // A phrase of the news page, found on its page.
    let out = banmian(dir, &["archive", "search", "产业园里的新工人"])
        .expect_success()
        .text();
    assert!(out.contains(ID) && out.contains("第3版"), "{out}");
    banmian(dir, &["regenerate", ID, "-o", "again"])
        .expect_success()
        .says("第1版 print: identical")
        .says("第3版 print: identical")
        .says(&format!("{ID} revision 1: identical"));
    // A correction on page three (a word for one as long): revision 2,
    // and the diff shows it.
    edit(&ed.join("p3-2.md"), "七十多岁的老人", "八十多岁的老人");
    banmian(dir, &["archive", ID, "--note", "更正"])
        .expect_success()
        .says("archived as revision 2");
    let diff = banmian(dir, &["archive", "diff", ID, "1", "2"])
        .expect_success()
        .text();
    assert!(diff.contains("七") && diff.contains("八"), "{diff}");
}

/// The example with `edition.toml` (or `file`) edited, built for print:
/// refused with `said`, exit 1, nothing written.
fn refused(file: &str, from: &str, to: &str, said: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let ed = copy_example(tmp.path());
    edit(&ed.join(file), from, to);
    banmian(tmp.path(), &["build", ID, "-o", "out"])
        .leaves_untouched("out")
        .expect_exit(1)
        .stderr_contains(said);
}

const LEAD_JUMP: &str = "continues_on = 3";

#[test]
fn a_jump_to_a_page_the_edition_lacks_is_named() {
    refused(
        "front-lead.md",
        LEAD_JUMP,
        "continues_on = 9",
        "front-lead.md:19:16: continues_on: continues_on = 9: the edition has no page 9 (its pages are 1, 2, 3, 4)",
    );
}

#[test]
fn a_jump_to_an_earlier_page_or_a_feature_page_is_refused() {
    refused(
        "front-lead.md",
        LEAD_JUMP,
        "continues_on = 1",
        "continues_on: continues_on = 1: an article continues on a later page than its own (1)",
    );
    refused(
        "front-lead.md",
        LEAD_JUMP,
        "continues_on = 4",
        "continues_on: continues_on = 4: page 4 has layout feature; a continuation is set on a news page",
    );
    refused(
        "front-lead.md",
        LEAD_JUMP,
        "continues_on = \"三\"",
        "front-lead.md:19:",
    );
}

#[test]
fn an_article_on_two_pages_without_a_jump_names_the_listing() {
    // Page 3 lists the lead again, but the lead no longer jumps.
    refused(
        "front-lead.md",
        LEAD_JUMP,
        "",
        "edition.toml:49:46: pages[2].articles[3]: article file front-lead.md is listed on page 1",
    );
    refused(
        "edition.toml",
        "articles = [\"p2-1.md\"",
        "articles = [\"front-lead.md\", \"p2-1.md\"",
        "is listed on page 1 (at ",
    );
}

#[test]
fn a_continuation_the_page_does_not_list_follows_its_stories() {
    let tmp = tempfile::tempdir().unwrap();
    let ed = copy_example(tmp.path());
    edit(
        &ed.join("edition.toml"),
        "\"p3-3.md\", \"front-lead.md\"]",
        "\"p3-3.md\"]",
    );
    banmian(tmp.path(), &["build", ID, "-o", "out"]).expect_success();
    let three = plain(&pdf_text(&tmp.path().join(format!("out/{ID}-03.pdf"))));
    assert_eq!(three.matches("（上接第1版）").count(), 1, "{three}");
}

/// A news page whose stories tile only when a column may end a few lines
/// short or a head keep more air (page 3 in another order; issue 14's
/// planner gave "no page of whole modules without holes" for it) builds,
/// every story on it.
#[test]
fn a_page_that_tiles_only_with_a_little_more_air_still_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let ed = copy_example(tmp.path());
    edit(
        &ed.join("edition.toml"),
        "[\"p3-1.md\", \"p3-2.md\", \"p3-3.md\", \"front-lead.md\"]",
        "[\"p3-2.md\", \"p3-3.md\", \"p3-1.md\", \"front-lead.md\"]",
    );
    banmian(tmp.path(), &["build", ID, "-o", "out"]).expect_success();
    let three = plain(&pdf_text(&tmp.path().join(format!("out/{ID}-03.pdf"))));
    for file in ["p3-1.md", "p3-2.md", "p3-3.md", "front-lead.md"] {
        let headline = story(file).headline.concat();
        assert!(three.contains(&headline), "page 3 lacks {headline}");
    }
}

/// The example grown to `pages` pages: after its four, copies of page 2's
/// news stories and of page 4's feature in turn, each page with `extra`
/// in its `[[pages]]` entry.
fn grow_example(dir: &Path, pages: u32, extra: &str) -> PathBuf {
    let ed = copy_example(dir);
    let mut toml = std::fs::read_to_string(ed.join("edition.toml")).unwrap();
    for number in 5..=pages {
        let (section, layout, files): (&str, &str, &[&str]) = if number % 2 == 1 {
            const NEWS: [&str; 6] = ["p2-1", "p2-2", "p2-3", "p2-4", "p2-5", "p2-6"];
            ("样稿·综合新闻", "news", &NEWS)
        } else {
            ("样稿·特别报道", "feature", &["feature"])
        };
        let mut names = Vec::new();
        for file in files {
            let name = format!("{file}-{number}.md");
            std::fs::copy(ed.join(format!("{file}.md")), ed.join(&name)).unwrap();
            names.push(format!("\"{name}\""));
        }
        toml += &format!(
            "\n[[pages]]\nnumber = {number}\nsection = \"{section}\"\nlayout = \"{layout}\"\n\
             articles = [{}]\n{extra}",
            names.join(", ")
        );
    }
    std::fs::write(ed.join("edition.toml"), toml).unwrap();
    ed
}

/// With 20 pages, page one's 导读 (every other page, by default) grows,
/// less of the lead fits there and its continuation no longer tiles page
/// 3: the error says where the continuation's length is decided, and
/// leaving the pages out of the 导读 (`in_index = false`) builds it.
#[test]
fn a_long_index_that_pushes_the_jump_over_names_page_one_and_in_index_fixes_it() {
    let tmp = tempfile::tempdir().unwrap();
    grow_example(tmp.path(), 20, "");
    banmian(tmp.path(), &["build", ID, "-o", "out"])
        .leaves_untouched("out")
        .expect_exit(1)
        .stderr_contains("pages[2]: the 4 stories of page 3")
        .stderr_contains(
            "the continuation of page 1's story is on this page, and how much of it comes over is set on page 1",
        )
        .stderr_contains("in_index = false");

    let tmp = tempfile::tempdir().unwrap();
    grow_example(tmp.path(), 20, "in_index = false\n");
    banmian(tmp.path(), &["build", ID, "-o", "out"]).expect_success();
    let one = plain(&pdf_text(&tmp.path().join(format!("out/{ID}-01.pdf"))));
    assert!(one.contains("今日20版"), "{one:.300}");
    assert!(!one.contains("第5版"), "page 5 is in the 导读: {one}");
    let three = plain(&pdf_text(&tmp.path().join(format!("out/{ID}-03.pdf"))));
    assert_eq!(three.matches("（上接第1版）").count(), 1, "{three}");
}
