//! Hostile input, second round (issue 12, point 11): the smaller items,
//! each a message that names its place or a resource held in bounds.

use crate::support::{Outcome, banmian, copy_edition, dead_pid, seed, small_edition};

/// Builds a one-page edition `ed` whose article is `article` as written,
/// and asserts that the build is refused with nothing written, in English
/// and, at the same place, in Chinese.
fn refused(article: &str) -> Outcome {
    let tmp = tempfile::tempdir().unwrap();
    let ed = small_edition(tmp.path(), "ed", "feature", "正文。");
    std::fs::write(ed.join("a.md"), article).unwrap();
    let run =
        banmian(tmp.path(), &["build", ed.to_str().unwrap(), "-o", "out"]).leaves_untouched("out");
    let zh = run.in_chinese();
    let en = run.expect_exit(1);
    zh.output().says_in_chinese_what(&en);
    en
}

#[test]
fn a_character_no_font_has_stops_a_print_build_naming_its_file_line_and_field() {
    refused("+++\nheadline = \"标题\"\n+++\n\n正文\n第二行😀一。\n")
        .stderr_contains("no font has U+1F600")
        .stderr_contains("ed/a.md:6: body");
}

#[test]
fn an_output_path_that_is_a_file_is_named_as_such() {
    let tmp = tempfile::tempdir().unwrap();
    let ed = small_edition(tmp.path(), "ed", "feature", "正文。");
    std::fs::write(tmp.path().join("out"), "not a folder").unwrap();
    for out in ["out", "out/sub"] {
        let run = banmian(tmp.path(), &["build", ed.to_str().unwrap(), "-o", out])
            .leaves_untouched("out");
        let zh = run.in_chinese();
        let en = run
            .expect_exit(2)
            .stderr_contains("out is a file, not a folder")
            .stderr_lacks("os error");
        zh.output().says_in_chinese_what(&en);
    }
}

#[test]
fn a_surrogate_escape_in_toml_is_called_a_surrogate() {
    refused("+++\nkicker = \"引题\"\nheadline = \"标\\uD800题\"\n+++\n\n正文。\n")
        .stderr_contains("ed/a.md:3:")
        .stderr_contains(": headline: `\\uD800` is a UTF-16 surrogate");
}

#[test]
fn a_byte_order_mark_before_the_closing_fence_is_named() {
    refused("+++\nheadline = \"标题\"\n\u{FEFF}+++\n\n正文。\n")
        .stderr_contains("ed/a.md:3:1: this `+++` line of the front matter holds U+FEFF")
        .stderr_contains("byte-order mark")
        .stderr_lacks("never closes");
}

#[test]
fn verify_tells_a_live_archives_staging_folder_from_an_interrupted_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    let staging = archive.join(".staging-Ab12Cd");
    std::fs::create_dir_all(&staging).unwrap();
    // An archive at work holds the lock while its staging folder exists.
    let lock = std::fs::File::create(archive.join(".lock")).unwrap();
    lock.lock().unwrap();
    banmian(tmp.path(), &["archive", "verify"])
        .expect_success()
        .stderr_contains(".staging-Ab12Cd: a revision an archive is writing now")
        .stderr_lacks("interrupted");
    // Its process gone, the lock is free: the folder is a leftover.
    drop(lock);
    banmian(tmp.path(), &["archive", "verify"])
        .expect_success()
        .stderr_contains(".staging-Ab12Cd: left by an interrupted archive");
}

#[test]
fn a_killed_index_rebuild_leaves_nothing_behind_the_next_open() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    std::fs::create_dir_all(&archive).unwrap();
    let dead = format!(".index-{}-Xy12Ab.sqlite", dead_pid());
    let live = format!(".index-{}-Zz34Cd.sqlite", std::process::id());
    for name in [dead.clone(), format!("{dead}-journal"), live.clone()] {
        std::fs::write(archive.join(name), b"SQLite format 3\0").unwrap();
    }
    for command in ["list", "reindex"] {
        banmian(tmp.path(), &["archive", command]).expect_success();
        let mut left: Vec<String> = std::fs::read_dir(&archive)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".index-"))
            .collect();
        left.sort();
        assert_eq!(left, std::slice::from_ref(&live), "after archive {command}");
    }
}

#[test]
fn a_raster_proof_is_held_to_a_pixel_budget() {
    let tmp = tempfile::tempdir().unwrap();
    let ed = small_edition(tmp.path(), "ed", "feature", "正文。");
    let ed = ed.to_str().unwrap();
    banmian(
        tmp.path(),
        &["build", ed, "-o", "out", "--format", "png", "--ppi", "900"],
    )
    .leaves_untouched("out")
    .expect_exit(2)
    .stderr_contains("at 900 ppi would be 264 megapixels")
    .stderr_contains("a PNG proof may have 120: use --ppi 606 or less");
}

#[cfg(unix)]
#[test]
fn watch_does_not_follow_a_link_out_of_the_edition_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let ed = small_edition(tmp.path(), "ed", "feature", "正文。");
    std::os::unix::fs::symlink("/usr", ed.join("usr")).unwrap();
    // A link to a folder inside the edition is still followed.
    std::fs::create_dir_all(ed.join("photos")).unwrap();
    std::fs::write(ed.join("photos/a.jpg"), b"jpeg").unwrap();
    std::os::unix::fs::symlink(ed.join("photos"), ed.join("pictures")).unwrap();
    let snap = banmian::watch::Snapshot::take(&[ed.as_path()], &|_| false);
    assert_eq!(snap.len(), 4, "edition.toml, a.md, photos/a.jpg twice");
}

/// What an archived article printed, in forms users do not type: U+F92C,
/// a compatibility ideograph of 郎 (U+90CE); `é` and 한글 decomposed (NFD).
const LOOKALIKES: &str =
    "新\u{F92C}官到咖啡馆Cafe\u{301}，说韩文\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}。";

/// Searches the archive in `dir` for what users type, and asserts that
/// each is found, the snippet marking the characters as printed.
fn finds_the_lookalikes(dir: &std::path::Path) {
    for (word, marked) in [
        // (The seed has a 郎 of its own: the word is what finds this one.)
        ("新郎", "【新\u{F92C}】官"),
        ("新郎官", "【新\u{F92C}官】到"),
        ("Café", "咖啡馆【Cafe\u{301}】，"),
        (
            "한글",
            "韩文【\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}】。",
        ),
        ("韩文한", "说【韩文\u{1112}\u{1161}\u{11AB}】\u{1100}"),
    ] {
        banmian(dir, &["archive", "search", word])
            .expect_success()
            .says(marked)
            .says("1 page(s) found");
    }
}

/// The seed page with the lookalikes as one more paragraph: an archive
/// takes only pages a print build would release, and a few lines of copy
/// leave a feature page underset.
fn seed_with_lookalikes(dir: &std::path::Path) -> std::path::PathBuf {
    let ed = copy_edition(&seed(), dir, "ed");
    let article = ed.join("feature.md");
    let mut text = std::fs::read_to_string(&article).unwrap();
    text.push_str(&format!("\n{LOOKALIKES}\n"));
    std::fs::write(&article, text).unwrap();
    ed
}

#[test]
fn search_finds_compatibility_ideographs_and_decomposed_text_by_what_users_type() {
    let tmp = tempfile::tempdir().unwrap();
    let ed = seed_with_lookalikes(tmp.path());
    banmian(tmp.path(), &["archive", ed.to_str().unwrap()]).expect_success();
    finds_the_lookalikes(tmp.path());
    // What the page does not hold is still not found.
    banmian(tmp.path(), &["archive", "search", "Cafe"]).expect_exit(1);
}

#[test]
fn an_index_an_older_banmian_built_is_rebuilt_not_searched_unnormalised() {
    let tmp = tempfile::tempdir().unwrap();
    let ed = seed_with_lookalikes(tmp.path());
    banmian(tmp.path(), &["archive", ed.to_str().unwrap()]).expect_success();
    // The index as schema 1 had it: the passages matched as stored, no
    // original beside them (the revisions and passages taken from the
    // index as now, which keeps its text in UTF-16).
    let index = tmp.path().join("archive/index.sqlite");
    let old = tmp.path().join("archive/old.sqlite");
    let conn = rusqlite::Connection::open(&old).unwrap();
    conn.execute_batch(&format!(
        "PRAGMA encoding = 'UTF-16le';
         ATTACH '{}' AS new;
         CREATE TABLE meta (key TEXT PRIMARY KEY, value);
         INSERT INTO meta VALUES ('schema', 1);
         CREATE TABLE revisions AS SELECT
             edition, revision, paper, date, note, archived_at, pages, manifest
             FROM new.revisions;
         CREATE VIRTUAL TABLE passages USING fts5(
             text, edition UNINDEXED, revision UNINDEXED, page UNINDEXED, place UNINDEXED,
             tokenize = 'trigram');
         INSERT INTO passages SELECT s.text, r.edition, r.revision, p.page, s.place
             FROM new.passages s JOIN new.pages p ON s.id BETWEEN p.first AND p.last
             JOIN new.revisions r ON r.id = p.rev;
         DETACH new;",
        index.display()
    ))
    .unwrap();
    let copied: i64 = conn
        .query_row("SELECT COUNT(*) FROM passages", [], |r| r.get(0))
        .unwrap();
    assert!(copied > 40, "{copied} passages");
    drop(conn);
    std::fs::rename(&old, &index).unwrap();
    finds_the_lookalikes(tmp.path());
}
