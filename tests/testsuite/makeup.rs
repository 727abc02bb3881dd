//! Page makeup on the grid (issue 13): the planner's page as the layout
//! received it (`--emit-typst` writes the plan into the project's
//! data.json), checked for what a layout editor would look at: every
//! element on the grid, nothing overlapping, photos in their shape, a
//! headline that steps down to the house's smallest size and no further,
//! and a page refused for print when it is underset.

use std::path::{Path, PathBuf};

use crate::support::{banmian, copy_edition, edit, seed};

/// Builds `edition` as a PNG proof with its Typst project emitted, and
/// returns the page data the layout placed the page from.
fn placed(cwd: &Path, edition: &Path) -> serde_json::Value {
    let name = edition.file_name().unwrap().to_str().unwrap();
    let ed = edition.to_str().unwrap();
    banmian(
        cwd,
        &[
            "build",
            ed,
            "--format",
            "png",
            "--ppi",
            "20",
            "-o",
            "png",
            "--emit-typst",
            "emitted",
        ],
    )
    .expect_success();
    let project = std::fs::read_dir(cwd.join("emitted"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with(name))
        .expect("the page's project");
    serde_json::from_slice(&std::fs::read(project.join("data.json")).unwrap()).unwrap()
}

/// The areas the plan's elements cover as (kind, col, line, span, depth):
/// a body with an inset covers its columns beside the inset and, under
/// it, the rest of the inset's columns.
fn rects(data: &serde_json::Value) -> Vec<(String, u64, u64, u64, u64)> {
    let mut out = Vec::new();
    for e in data["plan"]["elements"].as_array().expect("a plan") {
        let n = |k: &str| e[k].as_u64().unwrap();
        let kind = e["kind"].as_str().unwrap().to_string();
        let (col, line, span, depth) = (n("col"), n("line"), n("span"), n("depth"));
        match e["inset"].as_array() {
            Some(inset) => {
                let i: Vec<u64> = inset.iter().map(|v| v.as_u64().unwrap()).collect();
                let (first, width, lines) = (i[0], i[1], i[2]);
                if first > col {
                    out.push((kind.clone(), col, line, first - col, depth));
                }
                out.push((kind.clone(), first, line + lines, width, depth - lines));
                if first + width < col + span {
                    out.push((kind, first + width, line, col + span - first - width, depth));
                }
            }
            None => out.push((kind, col, line, span, depth)),
        }
    }
    out
}

/// Keeps the first `keep` of the seed's nine `[[photos]]` entries.
fn seed_with_photos(dir: &Path, keep: usize) -> PathBuf {
    let ed = copy_edition(&seed(), dir, "shape");
    let file = ed.join("feature.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let parts: Vec<&str> = text.split("[[photos]]").collect();
    let last = parts.last().unwrap();
    let front_end = last.find("+++").unwrap();
    let mut out = parts[0].to_string();
    for p in &parts[1..=keep.min(parts.len() - 1)] {
        let p = if std::ptr::eq(*p, *last) {
            &p[..front_end]
        } else {
            p
        };
        out.push_str("[[photos]]");
        out.push_str(p);
    }
    out.push_str(&last[front_end..]);
    std::fs::write(&file, out).unwrap();
    ed
}

fn assert_no_overlap(rects: &[(String, u64, u64, u64, u64)], columns: u64, lines: u64) {
    for (i, a) in rects.iter().enumerate() {
        assert!(
            a.1 + a.3 <= columns && a.2 + a.4 <= lines,
            "{a:?} leaves the type area"
        );
        for b in &rects[i + 1..] {
            let across = a.1 < b.1 + b.3 && b.1 < a.1 + a.3;
            let down = a.2 < b.2 + b.4 && b.2 < a.2 + a.4;
            assert!(!(across && down), "{a:?} overlaps {b:?}");
        }
    }
}

#[test]
fn any_photo_count_is_set_without_holes_or_overlaps() {
    let tmp = tempfile::tempdir().unwrap();
    for keep in [0, 1, 2, 5, 7] {
        let dir = tmp.path().join(format!("n{keep}"));
        std::fs::create_dir_all(&dir).unwrap();
        let ed = seed_with_photos(&dir, keep);
        let data = placed(&dir, &ed);
        let plan = &data["plan"];
        let all = rects(&data);
        let photos = all.iter().filter(|r| r.0 == "photo").count();
        assert_eq!(photos, keep, "every photo is placed");
        assert_no_overlap(
            &all,
            plan["columns"].as_u64().unwrap(),
            plan["lines"].as_u64().unwrap(),
        );
        let empty = plan["empty"].as_f64().unwrap() / plan["cells"].as_f64().unwrap();
        if keep >= 1 {
            assert!(
                empty <= 0.1,
                "{keep} photos: {:.0}% of the page empty",
                empty * 100.0
            );
        } else {
            // The seed's 3,300 characters and its boxes without a photo
            // cannot fill a broadsheet: the page is underset, and a print
            // build says so.
            assert!(empty > 0.1, "{keep} photos: {:.0}% empty", empty * 100.0);
            banmian(&dir, &["build", ed.to_str().unwrap(), "-o", "print"])
                .expect_exit(1)
                .stderr_contains("underset");
        }
        // Placeholder frames (no picture yet) keep a photo's shape within
        // what the layout may choose for them.
        for e in plan["elements"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "photo")
        {
            assert!(e["crop"].as_f64().unwrap() <= 0.45 + 1e-9, "{e}");
        }
    }
}

#[test]
fn a_tabloid_gets_fewer_columns_of_the_same_measure() {
    let tmp = tempfile::tempdir().unwrap();
    let ed = seed_with_photos(tmp.path(), 2);
    edit(
        &ed.join("edition.toml"),
        "width_mm = 390\nheight_mm = 540",
        "width_mm = 280\nheight_mm = 400",
    );
    // Half the seed's copy: a tabloid page holds about half a broadsheet's.
    let file = ed.join("feature.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let cut = text.find("## 落实攻坚举措").unwrap();
    std::fs::write(&file, &text[..cut]).unwrap();
    let data = placed(tmp.path(), &ed);
    assert_eq!(data["plan"]["columns"], 6);
    assert_eq!(data["grid"]["columns"], 6);
    assert_no_overlap(&rects(&data), 6, data["plan"]["lines"].as_u64().unwrap());
}

#[test]
fn the_headline_steps_down_and_stops_at_the_smallest_size() {
    let tmp = tempfile::tempdir().unwrap();
    let ed = seed_with_photos(tmp.path(), 2);
    let file = ed.join("feature.md");
    // One long phrase: set smaller than the two short ones, on one line.
    edit(
        &file,
        "headline = [\"载入史册的答卷\", \"矗立大地的丰碑\"]",
        "headline = \"载入史册的答卷矗立大地的丰碑咸宁答卷\"",
    );
    let data = placed(tmp.path(), &ed);
    let head = &data["plan"]["elements"][0];
    assert_eq!(head["kind"], "head");
    assert!(head["size"].as_f64().unwrap() < 66.0, "{head}");
    // Two hundred characters do not fit even at the smallest size.
    let long = "载入史册的答卷".repeat(30);
    edit(
        &file,
        "headline = \"载入史册的答卷矗立大地的丰碑咸宁答卷\"",
        &format!("headline = \"{long}\""),
    );
    banmian(tmp.path(), &["build", ed.to_str().unwrap(), "-o", "out"])
        .expect_exit(1)
        .stderr_contains("headline")
        .stderr_contains("26 pt");
    assert!(!tmp.path().join("out").exists(), "nothing is written");
}

#[test]
fn an_underset_page_is_refused_for_print_but_proofs_build() {
    let tmp = tempfile::tempdir().unwrap();
    let ed = seed_with_photos(tmp.path(), 1);
    let file = ed.join("feature.md");
    let text = std::fs::read_to_string(&file).unwrap();
    // The lead paragraph alone: a page of a few lines of copy.
    let body = text.find("\n+++\n").unwrap() + 5;
    let first = text[body..]
        .trim_start()
        .split("\n\n")
        .next()
        .unwrap()
        .to_string();
    std::fs::write(&file, format!("{}\n{first}\n", &text[..body])).unwrap();
    let ed_s = ed.to_str().unwrap();
    banmian(tmp.path(), &["build", ed_s, "-o", "print"])
        .expect_exit(1)
        .stderr_contains("underset");
    assert!(
        !tmp.path().join("print").exists(),
        "no print page is written"
    );
    banmian(
        tmp.path(),
        &[
            "build", ed_s, "--format", "png", "--ppi", "20", "-o", "proof",
        ],
    )
    .expect_success();
}
