//! Hostile input, second round (issue 12, point 7): an edition's pages are
//! published as one set. Two builds of a four-page edition into one folder
//! at once, a build killed while it renames its pages into place, and a
//! build that fails right before it publishes must each leave the folder
//! holding one whole set of pages — the old one or the new one, never pages
//! of both — and no temporary file a dead build left behind.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::support::{dead_pid, pdf_text};

/// The fail-point that makes a build wait this many milliseconds between
/// two pages it renames into place, so that publishing takes long enough
/// to race with or to kill.
const PAUSE: &str = "BANMIAN_PUBLISH_PAUSE_MS";
/// The fail-point that makes a build fail right before it publishes.
const FAIL: &str = "BANMIAN_FAIL_BEFORE_PUBLISH";
const PAGES: u32 = 4;

/// A four-page edition `ed` in `<dir>/<name>/ed` whose every page's
/// headline and body name `word` (甲 or 乙), so a page tells which build
/// wrote it.
fn edition(dir: &Path, name: &str, word: &str) -> PathBuf {
    let ed = dir.join(name).join("ed");
    std::fs::create_dir_all(&ed).unwrap();
    let mut toml = String::from("paper = \"测试报\"\ndate = 2021-03-01\n");
    for n in 1..=PAGES {
        toml += &format!(
            "\n[[pages]]\nnumber = {n}\nsection = \"测试\"\nlayout = \"feature\"\narticles = [\"a{n}.md\"]\n"
        );
        std::fs::write(
            ed.join(format!("a{n}.md")),
            format!("+++\nheadline = \"{word}稿标题\"\n+++\n\n{word}稿正文第{n}版。\n"),
        )
        .unwrap();
    }
    std::fs::write(ed.join("edition.toml"), toml).unwrap();
    ed
}

/// A folder holding edition `ed` twice, as 甲 (`a/ed`) and 乙 (`b/ed`).
fn two_editions() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (
        edition(tmp.path(), "a", "甲"),
        edition(tmp.path(), "b", "乙"),
    );
    (tmp, a, b)
}

/// Which build (甲 or 乙) wrote each page in `out`.
fn writers(out: &Path) -> Vec<char> {
    (1..=PAGES)
        .map(|n| {
            let text = pdf_text(&out.join(format!("ed-{n:02}.pdf")));
            let who: Vec<char> = text.chars().filter(|c| matches!(c, '甲' | '乙')).collect();
            assert!(!who.is_empty(), "page {n} names no build:\n{text}");
            assert!(
                who.iter().all(|c| *c == who[0]),
                "page {n} mixes builds:\n{text}"
            );
            who[0]
        })
        .collect()
}

/// Asserts that `out` holds one whole set of pages, and returns whose.
#[track_caller]
fn one_set(out: &Path) -> char {
    let who = writers(out);
    assert!(
        who.iter().all(|c| *c == who[0]),
        "the folder holds a mixed set of pages: {who:?}"
    );
    who[0]
}

/// banmian's own scratch files left in `out` (temporary files, journals).
fn scratch(out: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".banmian-"))
        .collect();
    names.sort();
    names
}

fn build(dir: &Path, ed: &Path) -> crate::support::Run {
    // The editions are a few lines of copy: underset, so proof PDFs.
    crate::support::build_proof(dir, ed)
}

#[test]
#[cfg_attr(
    not(feature = "fail-points"),
    ignore = "needs the test-only failure injection: cargo test --features fail-points (scripts/test.sh)"
)]
fn concurrent_builds_publish_one_whole_set() {
    let (tmp, a, b) = two_editions();
    let dir = tmp.path();
    let out = dir.join("out");
    for round in 0..4 {
        // One publishes slowly, the other at full speed: unless publishing
        // is one unit, the fast one lands in the middle of the slow one.
        let (slow, fast) = if round % 2 == 0 { (&a, &b) } else { (&b, &a) };
        let first = build(dir, slow).env(PAUSE, "400").spawn();
        let second = build(dir, fast).spawn();
        first.wait().expect_success();
        second.wait().expect_success();
        let who = writers(&out);
        assert!(
            who.iter().all(|c| *c == who[0]),
            "round {round}: two builds at once left a mixed set of pages: {who:?}"
        );
        assert_eq!(scratch(&out), Vec::<String>::new(), "round {round}");
    }
}

#[test]
#[cfg_attr(
    not(feature = "fail-points"),
    ignore = "needs the test-only failure injection: cargo test --features fail-points (scripts/test.sh)"
)]
fn a_build_killed_while_publishing_leaves_a_whole_set() {
    let (tmp, a, b) = two_editions();
    let dir = tmp.path();
    let out = dir.join("out");
    build(dir, &a).expect_success();
    assert_eq!(one_set(&out), '甲');
    let first_page = out.join("ed-01.pdf");
    let old = std::fs::read(&first_page).unwrap();
    // Killed (SIGKILL: nothing is cleaned up) once its first page is in
    // place and while it waits before the second.
    let running = build(dir, &b).env(PAUSE, "2000").spawn();
    let start = Instant::now();
    while std::fs::read(&first_page).unwrap() == old {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the build never published its first page"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let killed = unsafe { libc::kill(running.id() as libc::pid_t, libc::SIGKILL) };
    assert_eq!(killed, 0);
    assert_eq!(running.wait().code(), None, "killed by a signal");
    // Whoever uses the folder next (here a build of another edition)
    // finishes what the killed build began: the new set, whole.
    let other = crate::support::small_edition(dir, "other", "feature", "另一版正文。");
    crate::support::build_proof(dir, &other).expect_success();
    assert_eq!(one_set(&out), '乙');
    assert_eq!(scratch(&out), Vec::<String>::new());
    assert!(out.join("other-01.pdf").is_file());
}

#[test]
#[cfg_attr(
    not(feature = "fail-points"),
    ignore = "needs the test-only failure injection: cargo test --features fail-points (scripts/test.sh)"
)]
fn a_build_failing_before_it_publishes_leaves_the_old_set() {
    let (tmp, a, b) = two_editions();
    let dir = tmp.path();
    build(dir, &a).expect_success();
    build(dir, &b)
        .env(FAIL, "1")
        .leaves_untouched("out")
        .expect_exit(1)
        .stderr_contains("failed before it was published");
    assert_eq!(one_set(&dir.join("out")), '甲');
}

#[test]
fn stale_temporary_files_are_removed_by_the_next_build() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let a = edition(dir, "a", "甲");
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let dead = format!(".banmian-{}-Xy12Ab.tmp", dead_pid());
    // This test's own process is alive: what it owns stays.
    let live = format!(".banmian-{}-Zz34Cd.tmp", std::process::id());
    std::fs::write(out.join(&dead), b"%PDF-half").unwrap();
    std::fs::write(out.join(&live), b"%PDF-being-written").unwrap();
    build(dir, &a).expect_success();
    assert_eq!(one_set(&out), '甲');
    assert_eq!(scratch(&out), vec![live]);
}
