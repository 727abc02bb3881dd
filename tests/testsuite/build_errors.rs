//! Builds that must fail, and how: the exit code, a message naming file,
//! line, column and field, and no output written or changed.

use std::path::Path;

use crate::support::*;

/// A copy of the seed edition in a fresh temporary folder.
fn edition() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ed = copy_edition(&seed(), dir.path(), "ed");
    (dir, ed)
}

fn build(cwd: &Path, ed: &Path) -> std::process::Output {
    banmian(cwd, &["build", ed.to_str().unwrap(), "-o", "out"])
}

fn assert_fails(out: &std::process::Output, code: i32, needles: &[&str]) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "exit code; stderr:\n{err}");
    for n in needles {
        assert!(err.contains(n), "stderr should contain {n:?}:\n{err}");
    }
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn wrong_type_names_line_column_and_field() {
    let (dir, ed) = edition();
    edit(&ed.join("edition.toml"), "number = 5", "number = \"五\"");
    let out = build(dir.path(), &ed);
    assert_fails(
        &out,
        1,
        &["edition.toml:17:10: pages[0].number: invalid type: string \"五\""],
    );
    assert!(!dir.path().join("out").exists(), "no output on failure");
}

#[test]
fn toml_syntax_error_names_the_line() {
    let (dir, ed) = edition();
    edit(
        &ed.join("edition.toml"),
        "paper = \"咸宁日报\"",
        "paper = \"咸宁日报",
    );
    assert_fails(&build(dir.path(), &ed), 1, &["edition.toml:8:"]);
}

#[test]
fn unknown_field_suggests_the_right_one() {
    let (dir, ed) = edition();
    edit(&ed.join("edition.toml"), "section = ", "sectoin = ");
    assert_fails(
        &build(dir.path(), &ed),
        1,
        &[
            "pages[0]",
            "unknown field `sectoin`",
            "did you mean `section`?",
        ],
    );
}

#[test]
fn missing_article_is_named() {
    let (dir, ed) = edition();
    std::fs::remove_file(ed.join("feature.md")).unwrap();
    assert_fails(
        &build(dir.path(), &ed),
        1,
        &[
            "edition.toml:",
            "pages[0].articles[0]",
            "feature.md not found",
        ],
    );
}

#[test]
fn front_matter_errors_point_into_the_article() {
    let (dir, ed) = edition();
    edit(
        &ed.join("feature.md"),
        "caption = \"通城内冲瑶族文化\"",
        "caption = 7",
    );
    assert_fails(
        &build(dir.path(), &ed),
        1,
        &["feature.md:39:11: photos[1].caption: invalid type: integer `7`"],
    );
}

#[test]
fn unbalanced_bold_is_located() {
    let (dir, ed) = edition();
    edit(
        &ed.join("feature.md"),
        "**突出“三抓”,凝聚思想共识。**",
        "**突出“三抓”,凝聚思想共识。",
    );
    assert_fails(
        &build(dir.path(), &ed),
        1,
        &["feature.md:", ": body: bold `**` opened here is not closed"],
    );
}

#[test]
fn picture_paths_may_not_leave_the_edition() {
    for bad in ["../../etc/passwd", "/etc/passwd"] {
        let (dir, ed) = edition();
        edit(
            &ed.join("feature.md"),
            "photos/01-tongshan-mufushan-road.jpg",
            bad,
        );
        assert_fails(
            &build(dir.path(), &ed),
            1,
            &["photos[0].file", "inside the edition folder"],
        );
    }
}

#[test]
fn overset_body_fails_and_says_how_much() {
    let (dir, ed) = edition();
    let path = ed.join("feature.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let (front, body) = text.split_at(text.rfind("+++").unwrap() + 4);
    std::fs::write(&path, format!("{front}{body}{body}{body}")).unwrap();
    let out = build(dir.path(), &ed);
    assert_fails(
        &out,
        1,
        &[
            "feature.md: overset: the body does not fit page 5:",
            "characters (about",
        ],
    );
    let err = stderr(&out);
    let chars: usize = err
        .split("page 5: ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        chars > 2000,
        "about two bodies' worth should not fit, got {chars}"
    );
    assert!(!dir.path().join("out").exists(), "no output on failure");
}

#[test]
fn a_failed_build_leaves_the_last_good_pdf_untouched() {
    let (dir, ed) = edition();
    let good = build(dir.path(), &ed);
    assert!(good.status.success(), "{}", stderr(&good));
    let pdf = dir.path().join("out/ed-05.pdf");
    let before = std::fs::read(&pdf).unwrap();
    edit(&ed.join("edition.toml"), "[[pages]]", "[[pages]\n");
    assert_fails(&build(dir.path(), &ed), 1, &["edition.toml:"]);
    assert_eq!(std::fs::read(&pdf).unwrap(), before);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left: {leftovers:?}");
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(banmian(dir.path(), &["build"]).status.code(), Some(2));
    let out = banmian(
        dir.path(),
        &["build", seed().to_str().unwrap(), "--format", "bmp"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(banmian(dir.path(), &["frobnicate"]).status.code(), Some(2));
}

#[test]
fn not_an_edition_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = banmian(dir.path(), &["build", "nowhere"]);
    assert_fails(&out, 1, &["nowhere"]);
}
