//! Builds that must fail, and how: the exit code, a message naming file,
//! line, column and field, and no output written or changed.

use std::path::Path;

use crate::support::{Run, banmian, copy_edition, edit, seed};

/// A copy of the seed edition in a fresh temporary folder.
fn edition() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ed = copy_edition(&seed(), dir.path(), "ed");
    (dir, ed)
}

/// Builds `ed` into `cwd/out`.
fn build(cwd: &Path, ed: &Path) -> Run {
    banmian(cwd, &["build", ed.to_str().unwrap(), "-o", "out"])
}

#[test]
fn wrong_type_names_line_column_and_field() {
    let (dir, ed) = edition();
    edit(&ed.join("edition.toml"), "number = 5", "number = \"五\"");
    // No output on failure.
    build(dir.path(), &ed)
        .leaves_untouched("out")
        .expect_exit(1)
        .stderr_contains("edition.toml:17:10: pages[0].number: invalid type: string \"五\"");
}

#[test]
fn toml_syntax_error_names_the_line() {
    let (dir, ed) = edition();
    edit(
        &ed.join("edition.toml"),
        "paper = \"咸宁日报\"",
        "paper = \"咸宁日报",
    );
    build(dir.path(), &ed)
        .expect_exit(1)
        .stderr_contains("edition.toml:8:");
}

#[test]
fn unknown_field_suggests_the_right_one() {
    let (dir, ed) = edition();
    edit(&ed.join("edition.toml"), "section = ", "sectoin = ");
    build(dir.path(), &ed)
        .expect_exit(1)
        .stderr_contains("pages[0]")
        .stderr_contains("unknown field `sectoin`")
        .stderr_contains("did you mean `section`?");
}

#[test]
fn missing_article_is_named() {
    let (dir, ed) = edition();
    std::fs::remove_file(ed.join("feature.md")).unwrap();
    build(dir.path(), &ed)
        .expect_exit(1)
        .stderr_contains("edition.toml:")
        .stderr_contains("pages[0].articles[0]")
        .stderr_contains("feature.md not found");
}

#[test]
fn front_matter_errors_point_into_the_article() {
    let (dir, ed) = edition();
    edit(
        &ed.join("feature.md"),
        "caption = \"通城内冲瑶族文化\"",
        "caption = 7",
    );
    build(dir.path(), &ed)
        .expect_exit(1)
        .stderr_contains("feature.md:39:11: photos[1].caption: invalid type: integer `7`");
}

#[test]
fn unbalanced_bold_is_located() {
    let (dir, ed) = edition();
    edit(
        &ed.join("feature.md"),
        "**突出“三抓”,凝聚思想共识。**",
        "**突出“三抓”,凝聚思想共识。",
    );
    build(dir.path(), &ed)
        .expect_exit(1)
        .stderr_contains("feature.md:")
        .stderr_contains(": body: bold `**` opened here is not closed");
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
        build(dir.path(), &ed)
            .expect_exit(1)
            .stderr_contains("photos[0].file")
            .stderr_contains("inside the edition folder");
    }
}

#[test]
fn overset_body_fails_and_says_how_much() {
    let (dir, ed) = edition();
    let path = ed.join("feature.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let (front, body) = text.split_at(text.rfind("+++").unwrap() + 4);
    std::fs::write(&path, format!("{front}{body}{body}{body}")).unwrap();
    // No output on failure.
    let err = build(dir.path(), &ed)
        .leaves_untouched("out")
        .expect_exit(1)
        .stderr_contains(": body: overset: the body does not fit page 5:")
        .stderr_contains("characters (about")
        .stderr_contains("the page runs out in “")
        .stderr();
    // It names the paragraph where the page runs out: past the first copy
    // of the body (one body fits), and the sentence quoted is the copy's.
    let line: usize = err
        .split("feature.md:")
        .nth(1)
        .and_then(|rest| rest.split(':').next())
        .and_then(|n| n.parse().ok())
        .expect(&err);
    let first_copy_ends = front.lines().count() + body.lines().count();
    assert!(line > first_copy_ends, "line {line} in {err}");
    let quoted = err.split('“').nth(1).unwrap().split('”').next().unwrap();
    let quoted = quoted.trim_end_matches('…');
    let plain: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        plain.contains(quoted) || plain.replace(',', "，").contains(quoted),
        "{quoted} is the article's"
    );
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
}

#[test]
fn a_failed_build_leaves_the_last_good_pdf_untouched() {
    let (dir, ed) = edition();
    build(dir.path(), &ed).expect_success();
    edit(&ed.join("edition.toml"), "[[pages]]", "[[pages]\n");
    // The page is as it was, and no temporary file is left beside it.
    build(dir.path(), &ed)
        .leaves_untouched("out")
        .expect_exit(1)
        .stderr_contains("edition.toml:");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["ed-05.pdf"], "no temporary files left");
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    banmian(dir.path(), &["build"]).expect_exit(2);
    banmian(
        dir.path(),
        &["build", seed().to_str().unwrap(), "--format", "bmp"],
    )
    .expect_exit(2);
    banmian(dir.path(), &["frobnicate"]).expect_exit(2);
}

#[test]
fn not_an_edition_folder() {
    let dir = tempfile::tempdir().unwrap();
    banmian(dir.path(), &["build", "nowhere"])
        .expect_exit(1)
        .stderr_contains("nowhere");
}

/// An overset page still has a proof (issue 16, point 2): the page with
/// what fits, marked where it runs out; the build says so as a warning and
/// exits 0. A print build of the same page stops (above).
#[test]
fn an_overset_page_has_a_proof_that_shows_where_it_runs_out() {
    let (dir, ed) = edition();
    let path = ed.join("feature.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let (front, body) = text.split_at(text.rfind("+++").unwrap() + 4);
    std::fs::write(&path, format!("{front}{body}{body}")).unwrap();
    let said = crate::support::build_proof(dir.path(), &ed)
        .expect_success()
        .stderr();
    assert!(said.contains("warning: Overset: page 5, body:"), "{said}");
    assert!(said.contains("(a print build refuses this)"), "{said}");
    let quoted = said
        .split("runs out in “")
        .nth(1)
        .unwrap()
        .split('”')
        .next()
        .unwrap();
    let page = crate::support::pdf_text(&dir.path().join("out/ed-05.pdf"));
    assert!(
        page.contains("超版：约"),
        "the mark is on the proof: {page:.300}"
    );
    let quoted: String = quoted.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        page.contains(&quoted),
        "the mark quotes where it runs out: {quoted}"
    );
}
