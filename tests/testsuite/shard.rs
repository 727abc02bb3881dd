//! Regeneration that shards, as a batch engine runs it: `banmian
//! regenerate --all --shard K/N --report FILE` on every machine, then
//! `regenerate --summary` over the reports. The archive is made of copies
//! of the seed (three editions on three days, five revisions), as the
//! archive tests make theirs; the tests read the reports written.

use crate::support::{self, Run, copy_edition, edit, root, seed};
use std::collections::BTreeSet;
use std::path::Path;

/// A sentence of the seed's first body paragraph, and a correction of it
/// (as in the archive tests).
const BEFORE: &str = "为新一轮全省扶贫攻坚的主战场之一";
const AFTER: &str = "为新一轮全省扶贫攻坚的主战场";

/// The archive's revisions: (edition, date, revisions). With three shards
/// they fall in shards 1 and 3, 1 and 2, and 1 (the stable hash), so that
/// every shard has work.
pub const EDITIONS: [(&str, &str, u32); 3] = [
    ("xianning-2021", "2021-03-01", 2),
    ("xianning-2021-04", "2021-04-01", 2),
    ("xianning-2021-05", "2021-05-01", 1),
];

/// `banmian` in `cwd` with this checkout's layouts and fonts.
fn banmian(cwd: &Path, args: &[&str]) -> Run {
    support::banmian(cwd, args).env("BANMIAN_HOME", root())
}

/// An archive in `dir/archive` of the [`EDITIONS`]: copies of the seed,
/// dated as listed, each archived once and the two-revision ones again
/// after a correction.
fn archive(dir: &Path) {
    for (id, date, revisions) in EDITIONS {
        let edition = copy_edition(&seed(), dir, id);
        edit(
            &edition.join("edition.toml"),
            "date = 2021-03-01",
            &format!("date = {date}"),
        );
        banmian(dir, &["archive", id])
            .expect_success()
            .says("archived as revision 1");
        if revisions == 2 {
            edit(&edition.join("feature.md"), BEFORE, AFTER);
            banmian(dir, &["archive", id])
                .expect_success()
                .says("archived as revision 2");
        }
    }
}

/// Every (edition, revision) of the archive.
pub fn all_revisions() -> BTreeSet<(String, u64)> {
    EDITIONS
        .iter()
        .flat_map(|(id, _, n)| (1..=*n).map(|r| (id.to_string(), u64::from(r))))
        .collect()
}

pub fn read_json(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// The (edition, revision) pairs of a report, asserting each is there once.
pub fn revisions_of(report: &serde_json::Value) -> Vec<(String, u64)> {
    report["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["edition"].as_str().unwrap().to_string(),
                r["revision"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn three_shards_cover_every_revision_once_and_the_summary_merges_them() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    archive(dir);
    let mut covered = Vec::new();
    for k in 1..=3 {
        let shard = format!("{k}/3");
        let file = format!("reports/shard-{k}.json");
        let out = banmian(
            dir,
            &["regenerate", "--all", "--shard", &shard, "--report", &file],
        )
        .expect_success()
        .says(&format!("shard {shard} (all dates): "))
        .says(&format!("wrote {file}"))
        .text();
        let report = read_json(&dir.join(&file));
        assert_eq!(report["format"], 1, "{report}");
        assert_eq!(report["banmian"], env!("CARGO_PKG_VERSION"));
        assert_eq!(report["shard"]["index"], k);
        assert_eq!(report["shard"]["count"], 3);
        assert_eq!(report["range"]["from"], serde_json::Value::Null);
        assert_eq!(report["range"]["to"], serde_json::Value::Null);
        let revisions = report["revisions"].as_array().unwrap();
        assert!(!revisions.is_empty(), "shard {shard} is empty: {report}");
        for r in revisions {
            assert_eq!(r["outcome"], "identical", "{r}");
            assert_eq!(r["pages"], 1, "{r}");
            assert!(r["seconds"].as_f64().unwrap() > 0.0, "{r}");
            let (id, date, _) = EDITIONS
                .iter()
                .find(|(id, _, _)| r["edition"] == *id)
                .unwrap();
            assert_eq!(r["date"], *date, "{r}");
            // A line per revision, as without --report.
            let line = format!("{id} revision {} ({date}): identical", r["revision"]);
            assert!(out.contains(&line), "{line:?} in\n{out}");
        }
        covered.extend(revisions_of(&report));
    }
    // Every revision exactly once.
    assert_eq!(covered.len(), all_revisions().len(), "{covered:?}");
    assert_eq!(
        covered.into_iter().collect::<BTreeSet<_>>(),
        all_revisions()
    );
    // The shards of the stable hash: known, so that it cannot change.
    let first = read_json(&dir.join("reports/shard-1.json"));
    assert_eq!(
        revisions_of(&first),
        [
            ("xianning-2021".to_string(), 1),
            ("xianning-2021-04".to_string(), 1),
            ("xianning-2021-05".to_string(), 1),
        ]
    );

    let reports = [
        "reports/shard-1.json",
        "reports/shard-2.json",
        "reports/shard-3.json",
    ];
    let mut args = vec!["regenerate", "--summary"];
    args.extend(reports);
    banmian(dir, &args)
        .expect_success()
        .says("3 of 3 shard(s) reported: 5 revision(s): 5 identical, 0 differ, 0 failed; 5 page(s)")
        .says("slowest: xianning-2021")
        .says("verified: every shard reported, every revision identical");
    // The same as JSON.
    args.push("--json");
    let json = banmian(dir, &args).expect_success().json();
    assert_eq!(json["shards"], 3);
    assert_eq!(json["revisions"], 5);
    assert_eq!(json["identical"], 5);
    assert_eq!(json["missing"], serde_json::json!([]));

    // A shard missing: named, exit 1.
    banmian(dir, &["regenerate", "--summary", reports[0], reports[2]])
        .expect_exit(1)
        .says("missing shard 2/3: no report given")
        .says("2 of 3 shard(s) reported")
        .says("not verified")
        .says_nothing_of("verified: every shard");
    // A shard twice, or a file that is no report: unusable, exit 2.
    banmian(
        dir,
        &[
            "regenerate",
            "--summary",
            reports[0],
            reports[1],
            reports[1],
        ],
    )
    .expect_exit(2)
    .says("shard 2/3 is reported twice");
    std::fs::write(dir.join("reports/bad.json"), "{\"format\": 1}").unwrap();
    banmian(
        dir,
        &["regenerate", "--summary", reports[0], "reports/bad.json"],
    )
    .expect_exit(2)
    .says("reports/bad.json: not a usable shard report");
    banmian(dir, &["regenerate", "--summary", "reports/none.json"])
        .expect_exit(2)
        .says("reports/none.json");
    // The Chinese desk reads it in Chinese.
    banmian(dir, &["regenerate", "--summary", reports[0], reports[2]])
        .in_chinese()
        .expect_exit(1)
        .says("缺少分片 2/3 的报告")
        .says("核验未通过");
}

#[test]
fn the_date_range_chooses_revisions_by_their_manifest_date() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    archive(dir);
    let out = banmian(
        dir,
        &[
            "regenerate",
            "--all",
            "--from",
            "2021-04-01",
            "--to",
            "2021-04-30",
            "--report",
            "april.json",
        ],
    )
    .expect_success()
    .says("shard 1/1 (2021-04-01 – 2021-04-30): 2 revision(s): 2 identical")
    .text();
    assert!(!out.contains("xianning-2021 revision"), "{out}");
    let report = read_json(&dir.join("april.json"));
    assert_eq!(report["range"]["from"], "2021-04-01");
    assert_eq!(report["range"]["to"], "2021-04-30");
    assert_eq!(
        revisions_of(&report),
        [
            ("xianning-2021-04".to_string(), 1),
            ("xianning-2021-04".to_string(), 2)
        ]
    );
    // An open end; a range that holds nothing is an empty shard, not an
    // error.
    banmian(dir, &["regenerate", "--all", "--from", "2021-05-01"])
        .expect_success()
        .says("xianning-2021-05 revision 1 (2021-05-01): identical")
        .says("1 revision(s)");
    banmian(dir, &["regenerate", "--all", "--to", "2020-12-31"])
        .expect_success()
        .says("0 revision(s)");
    // Reports of different ranges are not one run.
    banmian(
        dir,
        &[
            "regenerate",
            "--all",
            "--to",
            "2020-12-31",
            "--report",
            "none.json",
        ],
    )
    .expect_success();
    banmian(dir, &["regenerate", "--summary", "april.json", "none.json"])
        .expect_exit(2)
        .says("of another run");
}

#[test]
fn a_damaged_revision_is_reported_failed_and_the_run_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    archive(dir);
    // Revision 2 of the March edition: its manifest altered.
    let manifest = dir.join("archive/xianning-2021/rev-0002/manifest.json");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(&manifest, text.replace("2021-03-01", "2021-03-02")).unwrap();
    let out = banmian(
        dir,
        &[
            "regenerate",
            "--all",
            "--to",
            "2021-03-31",
            "--report",
            "march.json",
        ],
    )
    .expect_exit(1)
    .says("xianning-2021 revision 1 (2021-03-01): identical")
    .says("xianning-2021 revision 2 (date unknown): failed: ")
    .says("1 identical, 0 differ, 1 failed")
    .text();
    assert!(out.contains("manifest.json"), "{out}");
    let report = read_json(&dir.join("march.json"));
    let failed = &report["revisions"][1];
    assert_eq!(failed["outcome"], "failed", "{report}");
    assert!(
        failed["error"].as_str().unwrap().contains("was altered"),
        "{failed}"
    );
    assert_eq!(failed["date"], serde_json::Value::Null);
    banmian(dir, &["regenerate", "--summary", "march.json"])
        .expect_exit(1)
        .says("xianning-2021 revision 2 (date unknown): failed:")
        .says("1 failed");

    // A page that differs is named, with which file.
    std::fs::write(&manifest, &text).unwrap();
    let pdf = dir.join("archive/xianning-2021-05/rev-0001/print/xianning-2021-05-05.pdf");
    let mut bytes = std::fs::read(&pdf).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 0x01;
    std::fs::write(&pdf, &bytes).unwrap();
    banmian(
        dir,
        &[
            "regenerate",
            "--all",
            "--from",
            "2021-05-01",
            "--report",
            "may.json",
        ],
    )
    .expect_exit(1)
    .says("xianning-2021-05 revision 1 (2021-05-01): differs: 第5版 (print)");
    let report = read_json(&dir.join("may.json"));
    let differs = &report["revisions"][0];
    assert_eq!(differs["outcome"], "differs");
    assert_eq!(differs["files"][0]["file"], "print/xianning-2021-05-05.pdf");
    assert_eq!(differs["files"][0]["page"], 5);
    assert_eq!(differs["files"][0]["kind"], "print");
}

#[test]
fn bad_shard_values_are_refused_naming_the_argument() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    for (value, why) in [
        ("0/3", "shards are counted from 1"),
        ("4/3", "there is no shard 4 of 3"),
        ("1/0", "must be at least 1"),
        ("0/0", "must be at least 1"),
        ("x", "not a shard: write K/N"),
        ("1/3/3", "not a shard"),
        ("", "not a shard"),
    ] {
        banmian(dir, &["regenerate", "--all", "--shard", value])
            .leaves_untouched(".")
            .expect_exit(2)
            .stderr_contains("--shard <K/N>")
            .stderr_contains(why);
    }
    // In Chinese too.
    banmian(dir, &["regenerate", "--all", "--shard", "0/3"])
        .in_chinese()
        .expect_exit(2)
        .stderr_contains("--shard <K/N>")
        .stderr_contains("分片从 1 数起");
    // --shard, --from and --report go with --all; the single form stays.
    banmian(dir, &["regenerate", "--shard", "1/3"]).expect_exit(2);
    banmian(dir, &["regenerate", "xianning-2021", "--all"]).expect_exit(2);
    banmian(dir, &["regenerate", "--all", "--revision", "2"]).expect_exit(2);
    banmian(dir, &["regenerate", "x", "--from", "2021-01-01"]).expect_exit(2);
    banmian(dir, &["regenerate", "x", "--report", "r.json"]).expect_exit(2);
    banmian(dir, &["regenerate", "--all", "--json"]).expect_exit(2);
    banmian(dir, &["regenerate", "--all", "--from", "2021-02-30"]).expect_exit(2);
    banmian(dir, &["regenerate"]).expect_exit(2);
    // A report that would be a folder is refused before the run.
    std::fs::create_dir(dir.join("reports")).unwrap();
    banmian(dir, &["regenerate", "--all", "--report", "reports"])
        .expect_exit(2)
        .says("reports is a folder");
    // No archive there: nothing is regenerated, nothing is written.
    banmian(dir, &["regenerate", "--all", "--report", "r.json"])
        .expect_exit(2)
        .says("no archive there");
    assert!(!dir.join("r.json").exists());
}
