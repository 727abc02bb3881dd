//! The archive on object storage, as a newspaper group's desks meet it:
//! `--archive s3://bucket/prefix` against a real S3 server on loopback
//! (moto's, see `support::s3`), each desk's machine with a cache of its own.
//! The tests read the store's objects over plain HTTP, the exit codes and
//! the messages.

use std::path::{Path, PathBuf};

use crate::shard::{EDITIONS, all_revisions, read_json, revisions_of};
use crate::support::s3::S3;
use crate::support::{self, Run, copy_edition, edit, root, seed};

const ID: &str = "xianning-2021";
const URL: &str = "s3://banmian/group/archive";
const PREFIX: &str = "group/archive";
/// A sentence of the seed's first body paragraph, and a correction of it.
const BEFORE: &str = "为新一轮全省扶贫攻坚的主战场之一";
const AFTER: &str = "为新一轮全省扶贫攻坚的主战场";

/// A desk: a working folder with a copy of the seed edition, and a machine
/// (a cache folder) of its own.
struct Desk {
    dir: PathBuf,
    cache: PathBuf,
}

impl Desk {
    fn new(tmp: &Path, name: &str) -> Self {
        let dir = tmp.join(name);
        copy_edition(&seed(), &dir, ID);
        Self {
            cache: tmp.join(format!("{name}-cache")),
            dir,
        }
    }

    /// `banmian <args> --archive s3://…` at this desk.
    fn run(&self, s3: &S3, args: &[&str]) -> Run {
        let mut args = args.to_vec();
        args.extend(["--archive", URL]);
        let run = support::banmian(&self.dir, &args).env("BANMIAN_HOME", root());
        s3.on(run, &self.cache)
    }

    fn archive(&self, s3: &S3) -> Run {
        self.run(s3, &["archive", ID])
    }
}

fn revision_keys(s3: &S3, rev: u32) -> Vec<String> {
    s3.keys(&format!("{PREFIX}/{ID}/rev-{rev:04}/"))
}

#[test]
fn the_archive_commands_work_against_the_store() {
    let s3 = S3::start();
    let tmp = tempfile::tempdir().unwrap();
    let desk = Desk::new(tmp.path(), "desk");
    let out = desk
        .archive(&s3)
        .expect_success()
        .says("archived as revision 1")
        .says("fonts: 4 file(s) stored");
    assert!(
        out.stdout().contains(&format!("{URL}/{ID}/rev-0001")),
        "{}",
        out.text()
    );
    // Nothing was written beside the edition: the store holds it all.
    assert!(!desk.dir.join("archive").exists());
    let keys = revision_keys(&s3, 1);
    for file in ["manifest.json", "manifest.sha256", "text.json"] {
        assert!(
            keys.contains(&format!("{PREFIX}/{ID}/rev-0001/{file}")),
            "{keys:?}"
        );
    }
    assert_eq!(s3.keys(&format!("{PREFIX}/fonts/")).len(), 4);
    assert_eq!(
        s3.keys(&format!("{PREFIX}/.claims/")),
        [format!("{PREFIX}/.claims/{ID}/rev-0001")]
    );

    // Another machine, with nothing of the archive on it.
    let other = Desk::new(tmp.path(), "other");
    other
        .run(&s3, &["archive", "list"])
        .expect_success()
        .says(ID)
        .says("咸宁日报");
    let shown = other
        .run(&s3, &["archive", "show", ID])
        .expect_success()
        .stdout();
    assert!(
        shown.contains(&format!("{URL}/{ID}/rev-0001/pages/{ID}-05.pdf")),
        "{shown}"
    );
    other
        .run(&s3, &["archive", "search", "扶贫攻坚"])
        .expect_success()
        .says(ID);
    other
        .run(&s3, &["regenerate", ID])
        .expect_success()
        .says("identical")
        // Files are named by their address in the store, not the cache.
        .says(&format!("{URL}/{ID}/rev-0001/pages/{ID}-05.pdf"))
        .says_nothing_of(&tmp.path().display().to_string());
    other
        .run(&s3, &["archive", "verify"])
        .expect_success()
        .says("all intact");

    // The first desk's sources have not changed: nothing is added.
    desk.archive(&s3)
        .expect_success()
        .says("already archived as revision 1");
    // The other desk corrects the page: revision 2, its fonts shared.
    edit(&other.dir.join(ID).join("feature.md"), BEFORE, AFTER);
    other
        .archive(&s3)
        .expect_success()
        .says("archived as revision 2")
        .says("fonts: 0 file(s) stored");
    desk.run(&s3, &["archive", "diff", ID, "1", "2"])
        .expect_success()
        .says("之一");

    // The index is a cache: a machine with none rebuilds it from the store.
    let fresh = Desk::new(tmp.path(), "fresh");
    fresh
        .run(&s3, &["archive", "reindex"])
        .expect_success()
        .says("read 2 new revision(s) of 2");
    fresh
        .run(&s3, &["archive", "search", "主战场"])
        .expect_success()
        .says(ID);
}

#[test]
fn two_desks_archiving_at_once_get_revisions_1_and_2() {
    let s3 = S3::start();
    let tmp = tempfile::tempdir().unwrap();
    let a = Desk::new(tmp.path(), "a");
    let b = Desk::new(tmp.path(), "b");
    edit(&b.dir.join(ID).join("feature.md"), BEFORE, AFTER);
    // Both read the store's last number, then wait, then claim the next:
    // both claim revision 1 at once, and the store lets one have it.
    let spawn = |desk: &Desk| {
        desk.archive(&s3)
            .env("BANMIAN_CLAIM_PAUSE_MS", "3000")
            .spawn()
    };
    let (pa, pb) = (spawn(&a), spawn(&b));
    let (ta, tb) = (
        pa.wait().expect_success().text(),
        pb.wait().expect_success().text(),
    );
    let mut got = [ta.as_str(), tb.as_str()].map(|t| {
        u8::from(t.contains("archived as revision 1"))
            + 2 * u8::from(t.contains("archived as revision 2"))
    });
    got.sort();
    assert_eq!(got, [1, 2], "{ta}\n{tb}");
    for rev in [1, 2] {
        let manifest = s3.get(&format!("{PREFIX}/{ID}/rev-{rev:04}/manifest.json"));
        let manifest: serde_json::Value = serde_json::from_slice(&manifest).unwrap();
        assert_eq!(manifest["revision"], rev);
    }
    let c = Desk::new(tmp.path(), "c");
    c.run(&s3, &["archive", "verify"])
        .expect_success()
        .says("verified 2 revision(s)")
        .says_nothing_of("note:");
}

#[test]
fn an_upload_killed_midway_is_no_revision_and_its_number_is_not_reused() {
    let s3 = S3::start();
    let tmp = tempfile::tempdir().unwrap();
    let desk = Desk::new(tmp.path(), "desk");
    // Killed after the four fonts and four of the revision's files.
    let out = desk
        .archive(&s3)
        .env("BANMIAN_KILL_UPLOAD_AFTER", "8")
        .output();
    assert_eq!(out.code(), None, "killed by a signal: {}", out.text());
    let left = revision_keys(&s3, 1);
    assert_eq!(left.len(), 4, "{left:?}");
    assert!(
        !left.iter().any(|k| k.ends_with("manifest.json")),
        "{left:?}"
    );

    // No machine takes it for a revision.
    let other = Desk::new(tmp.path(), "other");
    other
        .run(&s3, &["archive", "list"])
        .expect_success()
        .says_nothing_of(ID);
    other
        .run(&s3, &["archive", "verify"])
        .expect_success()
        .says("verified 0 revision(s)")
        .says(&format!("{URL}/{ID}/rev-0001 has files but no manifest"));
    // The next archive is revision 2, and the fonts are not sent again.
    desk.archive(&s3)
        .expect_success()
        .says("archived as revision 2")
        .says("fonts: 0 file(s) stored");
    other
        .run(&s3, &["archive", "show", ID])
        .expect_success()
        .says("revision 2 of 1");
    other
        .run(&s3, &["archive", "verify"])
        .expect_success()
        .says("verified 1 revision(s)");
}

#[test]
fn verify_and_regenerate_find_what_was_altered_in_the_store() {
    let s3 = S3::start();
    let tmp = tempfile::tempdir().unwrap();
    let desk = Desk::new(tmp.path(), "desk");
    desk.archive(&s3).expect_success();
    let base = format!("{PREFIX}/{ID}/rev-0001");
    let text = format!("{base}/text.json");
    let mut altered = s3.get(&text);
    altered.extend_from_slice(b" ");
    s3.put(&text, &altered);
    s3.put(&format!("{base}/pages/extra.pdf"), b"%PDF-1.7");

    // verify reads the store afresh, whatever the desk's cache holds.
    let out = desk.run(&s3, &["archive", "verify"]).expect_exit(1);
    let said = out.stdout();
    assert!(
        said.contains(&format!("{URL}/{ID}/rev-0001/text.json")),
        "{said}"
    );
    assert!(
        said.contains(&format!("{URL}/{ID}/rev-0001/pages/extra.pdf")),
        "{said}"
    );
    assert!(!said.contains(&tmp.path().display().to_string()), "{said}");

    // A machine regenerating from the store refuses the altered object.
    let page = format!("{base}/pages/{ID}-05.pdf");
    let mut pdf = s3.get(&page);
    let last = pdf.len() - 10;
    pdf[last] ^= 1;
    s3.put(&page, &pdf);
    let other = Desk::new(tmp.path(), "other");
    other
        .run(&s3, &["regenerate", ID])
        .expect_exit(1)
        .says(&format!("{URL}/{ID}/rev-0001/pages/{ID}-05.pdf"))
        .says("differs from what the manifest records");
}

#[test]
fn a_broken_store_address_is_a_usage_error() {
    let s3 = S3::start();
    let tmp = tempfile::tempdir().unwrap();
    let desk = Desk::new(tmp.path(), "desk");
    let run = support::banmian(
        &desk.dir,
        &["archive", "list", "--archive", "s3://Bad_Bucket/x"],
    );
    s3.on(run, &desk.cache)
        .expect_exit(2)
        .says("is not an archive address");
    // A bucket that does not exist: the store's answer, named.
    let run = support::banmian(
        &desk.dir,
        &["archive", "list", "--archive", "s3://no-such-bucket/x"],
    );
    s3.on(run, &desk.cache)
        .expect_exit(1)
        .says("s3://no-such-bucket/x");
}

#[test]
fn three_machines_regenerate_a_third_each_of_the_store() {
    let s3 = S3::start();
    let tmp = tempfile::tempdir().unwrap();
    // One desk archives the three editions (five revisions) to the store.
    let desk = Desk::new(tmp.path(), "desk");
    for (id, date, revisions) in EDITIONS {
        let edition = copy_edition(&seed(), &desk.dir, id);
        edit(
            &edition.join("edition.toml"),
            "date = 2021-03-01",
            &format!("date = {date}"),
        );
        desk.run(&s3, &["archive", id])
            .expect_success()
            .says("archived as revision 1");
        if revisions == 2 {
            edit(&edition.join("feature.md"), BEFORE, AFTER);
            desk.run(&s3, &["archive", id])
                .expect_success()
                .says("archived as revision 2");
        }
    }
    // Three machines with empty caches, one shard each, as a Job's pods.
    let mut covered = Vec::new();
    let mut reports = Vec::new();
    for k in 1..=3 {
        let machine = Desk::new(tmp.path(), &format!("pod-{k}"));
        let shard = format!("{k}/3");
        let report = tmp.path().join(format!("shard-{k}.json"));
        let file = report.to_str().unwrap().to_string();
        machine
            .run(
                &s3,
                &["regenerate", "--all", "--shard", &shard, "--report", &file],
            )
            .expect_success()
            .says(&format!("shard {shard} (all dates): "));
        let json = read_json(&report);
        for r in json["revisions"].as_array().unwrap() {
            assert_eq!(r["outcome"], "identical", "{r}");
        }
        covered.extend(revisions_of(&json));
        reports.push(file);
    }
    assert_eq!(covered.len(), all_revisions().len(), "{covered:?}");
    assert_eq!(
        covered
            .into_iter()
            .collect::<std::collections::BTreeSet<_>>(),
        all_revisions()
    );
    let mut args = vec!["regenerate", "--summary"];
    args.extend(reports.iter().map(String::as_str));
    support::banmian(&desk.dir, &args)
        .expect_success()
        .says("5 revision(s): 5 identical")
        .says("verified: every shard reported, every revision identical");
}
