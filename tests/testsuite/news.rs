//! The news page (`layout = "news"`, issue 14): two to eight stories, each
//! a rectangular module of whole columns × whole lines. Pages of 2, 5 and 8
//! stories are built for print and read back: every story's headline and
//! body text exactly once (pdftotext), the lead on top, and the plan the
//! page was placed by (`--emit-typst`'s data.json) tiling the type area
//! with no overlap and no hole. A story too long for any page is an
//! overset error naming its file.
//!
//! The stories are 样稿: the sections of the gallery's `09-long-body`
//! (word for word), each set as a story under its section head.

use std::path::{Path, PathBuf};

use crate::support::{banmian, normalize, pdf_text, root};

/// The gallery's 样稿 long body, cut at its section heads: (head, body).
fn sections() -> Vec<(String, String)> {
    let text =
        std::fs::read_to_string(root().join("content/examples/09-long-body/feature.md")).unwrap();
    let body = text.splitn(3, "+++").nth(2).unwrap();
    body.split("\n## ")
        .skip(1)
        .map(|s| {
            let (head, rest) = s.split_once('\n').unwrap();
            (head.trim().to_string(), rest.trim().to_string())
        })
        .collect()
}

/// One story of a test page: its sections (joined) and a picture or none.
struct Story {
    sections: Vec<usize>,
    photo: Option<&'static str>,
}

fn story(sections: &[usize], photo: Option<&'static str>) -> Story {
    Story {
        sections: sections.to_vec(),
        photo,
    }
}

/// A gallery picture by its file name.
fn picture(name: &str) -> PathBuf {
    let found = std::fs::read_dir(root().join("content/examples"))
        .unwrap()
        .map(|e| e.unwrap().path().join("photos").join(name))
        .find(|p| p.is_file());
    found.unwrap_or_else(|| panic!("gallery picture {name}"))
}

/// Writes edition `name` (one news page of `stories`, `format` a TOML
/// `[format]` table or "") into `dir`; returns each story's headline and
/// body paragraphs, as printed.
fn news_edition(
    dir: &Path,
    name: &str,
    format: &str,
    stories: &[Story],
) -> Vec<(String, Vec<String>)> {
    let all = sections();
    let ed = dir.join(name);
    std::fs::create_dir_all(ed.join("photos")).unwrap();
    let mut files = Vec::new();
    let mut printed = Vec::new();
    for (i, s) in stories.iter().enumerate() {
        let head = &all[s.sections[0]].0;
        let phrases: Vec<String> = head.split(' ').map(|p| format!("\"{p}\"")).collect();
        let body: Vec<&str> = s.sections.iter().map(|&k| all[k].1.as_str()).collect();
        let body = body.join("\n\n");
        let mut front = format!(
            "# 样稿 (sample copy): a test story made of 09-long-body's sections.\nkicker = \"样稿\"\nheadline = [{}]\n",
            phrases.join(", ")
        );
        if let Some(p) = s.photo {
            std::fs::copy(picture(p), ed.join("photos").join(p)).unwrap();
            front.push_str(&format!(
                "\n[[photos]]\nfile = \"photos/{p}\"\ncaption = \"（样图）第{}篇的图片\"\n",
                i + 1
            ));
        }
        let file = format!("s{}.md", i + 1);
        std::fs::write(ed.join(&file), format!("+++\n{front}+++\n\n{body}\n")).unwrap();
        files.push(format!("\"{file}\""));
        let paragraphs = body
            .split("\n\n")
            .map(|p| p.replace("**", ""))
            .filter(|p| !p.trim().is_empty())
            .collect();
        printed.push((head.replace(' ', ""), paragraphs));
    }
    std::fs::write(
        ed.join("edition.toml"),
        format!(
            "# 样稿 (sample copy): a test news page.\npaper = \"样报\"\ndate = 2024-05-20\n{format}\n[[pages]]\nnumber = 2\nsection = \"样稿·要闻\"\nlayout = \"news\"\narticles = [{}]\neditor = \"样稿编辑\"\n",
            files.join(", ")
        ),
    )
    .unwrap();
    printed
}

const TABLOID: &str = "\n[format]\nwidth_mm = 280\nheight_mm = 400\n";

/// Text as compared: whitespace dropped, marks normalised.
fn plain(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(normalize)
        .collect()
}

/// Builds the page for print with its Typst project emitted; checks the
/// text and the plan; returns the plan's elements.
fn check_news_page(name: &str, format: &str, stories: &[Story]) {
    let tmp = tempfile::tempdir().unwrap();
    let printed = news_edition(tmp.path(), name, format, stories);
    banmian(
        tmp.path(),
        &["build", name, "-o", "out", "--emit-typst", "emitted"],
    )
    .expect_success();
    let pdf = tmp.path().join(format!("out/{name}-02.pdf"));
    let text = plain(&pdf_text(&pdf));
    let bodies: String = printed
        .iter()
        .flat_map(|(_, p)| p)
        .map(|p| plain(p))
        .collect();
    for (head, paragraphs) in &printed {
        // Once as a headline, and as often as the bodies say it.
        let head = plain(head);
        assert_eq!(
            text.matches(&head).count(),
            1 + bodies.matches(&head).count(),
            "{name}: the headline {head} once on the page"
        );
        for p in paragraphs {
            assert_eq!(
                text.matches(&plain(p)).count(),
                1,
                "{name}: this paragraph once on the page: {p}"
            );
        }
    }
    let data: serde_json::Value = serde_json::from_slice(
        &std::fs::read(tmp.path().join(format!("emitted/{name}-02/data.json"))).unwrap(),
    )
    .unwrap();
    check_plan(name, &data["plan"], stories.len());
}

/// The plan tiles the type area: every element inside it, no cell covered
/// twice, every cell between the folio and the staff line covered, each
/// story one rectangle, the lead at the top left, widest, with the
/// largest headline.
fn check_plan(name: &str, plan: &serde_json::Value, stories: usize) {
    let n = plan["columns"].as_u64().unwrap() as usize;
    let lines = plan["lines"].as_u64().unwrap() as usize;
    let mut cells = vec![vec![0u8; n]; lines];
    let mut modules = vec![(usize::MAX, usize::MAX, 0, 0); stories];
    let mut heads = vec![0.0; stories];
    let elements = plan["elements"].as_array().unwrap();
    for e in elements {
        let get = |k: &str| e[k].as_u64().unwrap() as usize;
        let (col, line, span, depth) = (get("col"), get("line"), get("span"), get("depth"));
        assert!(
            col + span <= n && line + depth <= lines,
            "{name}: {e} inside"
        );
        for row in &mut cells[line..line + depth] {
            for c in &mut row[col..col + span] {
                *c += 1;
            }
        }
        if let Some(i) = e["article"].as_u64() {
            let m = &mut modules[i as usize];
            *m = (
                m.0.min(col),
                m.1.min(line),
                m.2.max(col + span),
                m.3.max(line + depth),
            );
            if e["kind"] == "head" {
                heads[i as usize] = e["size"].as_f64().unwrap();
            }
        }
    }
    assert!(
        cells.iter().flatten().all(|&c| c <= 1),
        "{name}: no two elements overlap"
    );
    let top = modules.iter().map(|m| m.1).min().unwrap();
    let foot = modules.iter().map(|m| m.3).max().unwrap();
    let staff = elements.iter().find(|e| e["kind"] == "staff");
    let staff_line = staff.map_or(lines, |s| s["line"].as_u64().unwrap() as usize);
    assert!(
        foot + 1 >= staff_line,
        "{name}: the stories reach the staff line"
    );
    for (line, row) in cells.iter().enumerate().take(foot).skip(top) {
        assert!(row.iter().all(|&c| c == 1), "{name}: a hole on line {line}");
    }
    let area: usize = modules.iter().map(|m| (m.2 - m.0) * (m.3 - m.1)).sum();
    assert_eq!(area, n * (foot - top), "{name}: each story one rectangle");
    let lead = modules[0];
    assert_eq!(
        (lead.0, lead.1),
        (0, top),
        "{name}: the lead at the top left"
    );
    for (i, m) in modules.iter().enumerate().skip(1) {
        assert!(
            m.2 - m.0 <= lead.2 - lead.0,
            "{name}: story {i} wider than the lead"
        );
        assert!(
            heads[i] < heads[0],
            "{name}: story {i}'s headline as large as the lead's"
        );
    }
}

#[test]
fn two_stories_fill_a_tabloid_page() {
    check_news_page(
        "two",
        TABLOID,
        &[
            story(&[0, 1], Some("a01-3x2.jpg")),
            story(&[3, 4], Some("a04-4x3.jpg")),
        ],
    );
}

#[test]
fn five_stories_fill_a_broadsheet_page() {
    check_news_page(
        "five",
        "",
        &[
            story(&[0, 1], Some("a01-3x2.jpg")),
            story(&[2], None),
            story(&[3], Some("a04-4x3.jpg")),
            story(&[4], None),
            story(&[5], None),
        ],
    );
}

#[test]
fn eight_stories_fill_a_broadsheet_page() {
    check_news_page(
        "eight",
        "",
        &[
            story(&[0], Some("a01-3x2.jpg")),
            story(&[1], None),
            story(&[2], Some("a04-4x3.jpg")),
            story(&[3], None),
            story(&[4], None),
            story(&[5], Some("a06-16x9.jpg")),
            story(&[6], None),
            story(&[7], None),
        ],
    );
}

/// A story longer than any page is an overset error that names its file.
#[test]
fn an_overset_story_is_named() {
    let all: Vec<usize> = (0..sections().len()).collect();
    let stories = [story(&[0], None), story(&all, None), story(&[3], None)];
    refused("long", TABLOID, &stories, &["long/s2.md", "overset"]);
}

/// Builds a news page that must fail: exit 1, stderr saying each of
/// `said`, no PDF written.
fn refused(name: &str, format: &str, stories: &[Story], said: &[&str]) {
    let tmp = tempfile::tempdir().unwrap();
    news_edition(tmp.path(), name, format, stories);
    let mut outcome = banmian(tmp.path(), &["build", name, "-o", "out"]).expect_exit(1);
    for s in said {
        outcome = outcome.stderr_contains(s);
    }
    let pdf = tmp.path().join(format!("out/{name}-02.pdf"));
    assert!(!pdf.exists(), "nothing written");
}

/// A story's `columns` wider than the page is an error naming the file,
/// the line and the field; one the page can give sets the module's width.
#[test]
fn a_story_width_is_honoured_or_refused_by_name() {
    let tmp = tempfile::tempdir().unwrap();
    let stories = [
        story(&[0, 1], Some("a01-3x2.jpg")),
        story(&[3, 4], Some("a04-4x3.jpg")),
    ];
    news_edition(tmp.path(), "wide", TABLOID, &stories);
    let file = tmp.path().join("wide/s2.md");
    crate::support::edit(&file, "kicker = \"样稿\"", "kicker = \"样稿\"\ncolumns = 9");
    banmian(tmp.path(), &["build", "wide", "-o", "out"])
        .expect_exit(1)
        .stderr_contains("s2.md:4:")
        .stderr_contains("columns 9: page 2 has only 6 columns");
    crate::support::edit(&file, "columns = 9", "columns = 3");
    banmian(
        tmp.path(),
        &["build", "wide", "-o", "out", "--emit-typst", "emitted"],
    )
    .expect_success();
    let data: serde_json::Value = serde_json::from_slice(
        &std::fs::read(tmp.path().join("emitted/wide-02/data.json")).unwrap(),
    )
    .unwrap();
    let head = data["plan"]["elements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "head" && e["article"] == 1)
        .unwrap();
    assert_eq!(head["span"], 3, "{head}");
}

/// Stories too short to fill the page: an underset error naming the page
/// (in edition.toml), and no PDF.
#[test]
fn stories_that_cannot_fill_the_page_say_so() {
    let stories = [story(&[0], None), story(&[3], None)];
    let said = [
        "short/edition.toml:",
        "underset: the 2 stories of page 2 cannot fill it",
    ];
    refused("short", "", &stories, &said);
}
