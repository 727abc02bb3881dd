//! Regeneration that shards: every archived revision (every revision of
//! every edition, in a range of dates) set again, or a deterministic 1/N of
//! them, so that N machines of a batch engine (a Kubernetes indexed Job, a
//! Slurm job array) share a mass regeneration without talking to each
//! other; each writes a [`Report`], and [`summarise`] merges them.
//!
//! A revision belongs to the shard [`shard_of`] names, from a stable hash
//! of its edition id and revision number: the same revision lands in the
//! same shard on every machine, in every run and every banmian version.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::regenerate::{self, EDITION};
use super::{Archive, slash_path};
use crate::diag::Error;

/// The version of the report format ([`Report`]).
pub const REPORT_FORMAT: u32 = 1;

/// Shard `index` of `count`: the `index`-th of `count` shares of the
/// revisions, counted from 1 (`2/3`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    /// Which share, from 1 to `count`.
    pub index: u32,
    /// How many shares.
    pub count: u32,
}

impl Shard {
    /// The whole: one share of one.
    pub const WHOLE: Shard = Shard { index: 1, count: 1 };

    /// Reads `K/N` (`2/3`); the message says what is wrong with it.
    pub fn parse(s: &str) -> Result<Shard, String> {
        let bad = || t!("shard-malformed");
        let (k, n) = s.trim().split_once('/').ok_or_else(bad)?;
        let number = |part: &str| {
            let part = part.trim();
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            part.parse::<u32>().map_err(|_| bad())
        };
        let (index, count) = (number(k)?, number(n)?);
        if count == 0 {
            return Err(t!("shard-no-shards"));
        }
        if index == 0 {
            return Err(t!("shard-from-one", count = count));
        }
        if index > count {
            return Err(t!("shard-beyond", index = index, count = count));
        }
        Ok(Shard { index, count })
    }

    /// Whether revision `revision` of edition `edition` is in this shard.
    pub fn holds(&self, edition: &str, revision: u32) -> bool {
        shard_of(edition, revision, self.count) == self.index
    }

    /// Whether this is a possible shard (1 ≤ index ≤ count).
    fn valid(&self) -> bool {
        self.count >= 1 && (1..=self.count).contains(&self.index)
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// The shard (from 1 to `count`) that revision `revision` of edition
/// `edition` belongs to when the revisions are shared `count` ways: the
/// first 8 bytes of the SHA-256 of `"<edition>\n<revision>"` (the revision
/// in decimal), read as a big-endian number, modulo `count`, plus 1.
/// Fixed for good: reports of different machines and versions agree.
pub fn shard_of(edition: &str, revision: u32, count: u32) -> u32 {
    let digest = Sha256::digest(format!("{edition}\n{revision}").as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    let hash = u64::from_be_bytes(first);
    (hash % u64::from(count.max(1))) as u32 + 1
}

/// The (edition, revision) pairs of `items` that shard `shard` holds, in
/// their order.
pub fn select<I>(items: I, shard: Shard) -> Vec<(String, u32)>
where
    I: IntoIterator<Item = (String, u32)>,
{
    items
        .into_iter()
        .filter(|(edition, revision)| shard.holds(edition, *revision))
        .collect()
}

/// The days of the editions to regenerate, by the manifest's date
/// (`YYYY-MM-DD`, both ends included); no bound is no limit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range {
    /// The first day, if any.
    pub from: Option<String>,
    /// The last day, if any.
    pub to: Option<String>,
}

impl Range {
    /// Whether an edition dated `date` is in the range.
    pub fn holds(&self, date: &str) -> bool {
        self.from.as_deref().is_none_or(|from| date >= from)
            && self.to.as_deref().is_none_or(|to| date <= to)
    }

    /// The range as the desk reads it (`2021-03-01 – 2021-12-31`, an open
    /// end as `…`), or that there is none.
    pub fn describe(&self) -> String {
        match (&self.from, &self.to) {
            (None, None) => t!("shard-no-range"),
            (from, to) => t!(
                "shard-range",
                from = from.as_deref().unwrap_or("…"),
                to = to.as_deref().unwrap_or("…"),
            ),
        }
    }
}

/// One revision to regenerate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    /// The edition id.
    pub edition: String,
    /// The revision number.
    pub revision: u32,
    /// Its date, from its manifest; [`None`] when the manifest cannot be
    /// read (the revision is then regenerated anyway, whatever the range,
    /// so that its damage is reported rather than passed over).
    pub date: Option<String>,
    /// Its number of pages, from its manifest (0 when it cannot be read).
    pub pages: u32,
}

/// The revisions of `archive` that shard `shard` holds and whose date is
/// in `range`, by edition id and revision number. Only the manifests of
/// the shard's own revisions are read.
pub fn plan(archive: &Archive, shard: Shard, range: &Range) -> Result<Vec<Planned>, Error> {
    if !archive.root.is_dir() {
        return Err(Error::Usage(t!("archive-no-archive", path = &archive.root)));
    }
    let mut items = Vec::new();
    for edition in archive.editions()? {
        for revision in archive.revisions(&edition)? {
            items.push((edition.clone(), revision));
        }
    }
    let mut planned = Vec::new();
    for (edition, revision) in select(items, shard) {
        let (date, pages) = match archive.manifest(&edition, revision) {
            Ok(m) if !range.holds(&m.date) => continue,
            Ok(m) => (Some(m.date), m.pages.len() as u32),
            Err(_) => (None, 0),
        };
        planned.push(Planned {
            edition,
            revision,
            date,
            pages,
        });
    }
    Ok(planned)
}

/// How one revision came out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "lowercase")]
pub enum Outcome {
    /// Every file byte for byte as archived.
    Identical,
    /// Some files differ (or are missing on one side).
    Differs {
        /// The files that differ.
        files: Vec<DiffFile>,
    },
    /// The revision could not be set again: a damaged manifest, a missing
    /// or damaged font or picture, an error of the layout.
    Failed {
        /// The error, as the command would print it.
        error: String,
    },
}

/// One archived file that did not come out the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiffFile {
    /// The file, relative to the revision folder (`pages/x-05.pdf`).
    pub file: String,
    /// 版次 (0 for the edition PDF).
    pub page: u32,
    /// `PDF/A`, `print` or `edition PDF`.
    pub kind: String,
    /// What differs.
    pub detail: String,
}

/// One revision of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The edition id.
    pub edition: String,
    /// The revision number.
    pub revision: u32,
    /// The edition's date, when its manifest could be read.
    pub date: Option<String>,
    /// How it came out.
    #[serde(flatten)]
    pub outcome: Outcome,
    /// Its number of pages.
    pub pages: u32,
    /// The time it took, in seconds.
    pub seconds: f64,
}

impl Entry {
    /// Whether it came out identical.
    pub fn identical(&self) -> bool {
        self.outcome == Outcome::Identical
    }
}

/// The report of one shard's run, as `--report` writes it (JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The report format version ([`REPORT_FORMAT`]).
    pub format: u32,
    /// The banmian version that ran it.
    pub banmian: String,
    /// Which shard.
    pub shard: Shard,
    /// The range of dates.
    pub range: Range,
    /// The archive, as given.
    pub archive: String,
    /// When the run started (UTC, RFC 3339).
    pub started_at: String,
    /// The time the whole run took, in seconds.
    pub seconds: f64,
    /// Every revision of the shard, by edition id and revision number.
    pub revisions: Vec<Entry>,
}

impl Report {
    /// Whether every revision came out identical.
    pub fn identical(&self) -> bool {
        self.revisions.iter().all(Entry::identical)
    }

    /// The report as written to its file: pretty JSON and a newline.
    pub fn to_json(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).expect("a report serialises");
        bytes.push(b'\n');
        bytes
    }

    /// Refuses `path` as a report's file before a run begins, rather than
    /// after it: a folder, or a file under a file.
    pub fn check_path(path: &Path) -> Result<(), Error> {
        if path.is_dir() {
            return Err(Error::Usage(t!("shard-report-is-folder", path = path)));
        }
        crate::files::check_folder(crate::files::folder(path))
    }

    /// Writes the report to `path` atomically (a temporary file beside it,
    /// renamed over it): a reader sees the old report or the whole new one.
    pub fn write(&self, path: &Path) -> Result<(), Error> {
        Self::check_path(path)?;
        crate::files::write_atomic(path, &self.to_json())
    }

    /// Reads a report; an unusable one (unreadable, not a report, another
    /// format, an impossible shard) is a usage error naming the file.
    pub fn read(path: &Path) -> Result<Report, Error> {
        let unusable =
            |why: String| Error::Usage(t!("shard-report-unusable", path = path, why = why));
        let bytes = std::fs::read(path).map_err(|e| unusable(crate::diag::io_message(&e)))?;
        let value: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|e| unusable(e.to_string()))?;
        let format = value.get("format").and_then(serde_json::Value::as_u64);
        if format != Some(u64::from(REPORT_FORMAT)) {
            let format = format.map_or_else(|| "?".to_string(), |f| f.to_string());
            return Err(unusable(t!(
                "shard-report-format",
                format = format,
                supported = REPORT_FORMAT
            )));
        }
        let report: Report = serde_json::from_value(value).map_err(|e| unusable(e.to_string()))?;
        if !report.shard.valid() {
            return Err(unusable(t!(
                "shard-report-bad-shard",
                shard = report.shard.to_string()
            )));
        }
        Ok(report)
    }
}

/// A shard's run: which archive, which shard, which dates.
#[derive(Debug, Clone)]
pub struct Job<'a> {
    /// The archive folder the revisions are set again from.
    pub archive: &'a Archive,
    /// The archive as the command was given it (a folder, a store's
    /// address), for the report.
    pub address: String,
    /// Which shard.
    pub shard: Shard,
    /// The range of dates.
    pub range: Range,
}

/// Regenerates the revisions of `planned` (see [`plan`]) one after the
/// other: `fetch` first brings each revision's files into the archive
/// folder when they are not all there (a store's local copy; nothing to
/// do for a folder), then [`regenerate::regenerate`] sets it again. Calls
/// `each` as each is done. A revision that fails is recorded as failed
/// and the run goes on.
pub fn run(
    job: &Job,
    planned: &[Planned],
    mut fetch: impl FnMut(&str, u32) -> Result<(), Error>,
    mut each: impl FnMut(&Entry),
) -> Report {
    let started_at = super::now_utc();
    let start = Instant::now();
    let mut revisions = Vec::with_capacity(planned.len());
    for item in planned {
        let entry = regenerate_one(job.archive, item, &mut fetch);
        each(&entry);
        revisions.push(entry);
    }
    Report {
        format: REPORT_FORMAT,
        banmian: env!("CARGO_PKG_VERSION").to_string(),
        shard: job.shard,
        range: job.range.clone(),
        archive: job.address.clone(),
        started_at,
        seconds: rounded(start.elapsed().as_secs_f64()),
        revisions,
    }
}

/// Sets one revision again and compares it.
fn regenerate_one(
    archive: &Archive,
    item: &Planned,
    fetch: &mut impl FnMut(&str, u32) -> Result<(), Error>,
) -> Entry {
    let start = Instant::now();
    let result = fetch(&item.edition, item.revision)
        .and_then(|()| regenerate::regenerate(archive, &item.edition, Some(item.revision), None));
    let seconds = rounded(start.elapsed().as_secs_f64());
    let dir = archive.revision_dir(&item.edition, item.revision);
    let (outcome, pages) = match result {
        Ok(done) => {
            let mut numbers: Vec<u32> = (done.pages.iter())
                .filter(|p| p.kind != EDITION)
                .map(|p| p.number)
                .collect();
            numbers.dedup();
            let files: Vec<DiffFile> = (done.pages.iter())
                .filter(|p| !p.identical)
                .map(|p| DiffFile {
                    file: p
                        .archived
                        .strip_prefix(&dir)
                        .map_or_else(|_| p.archived.display().to_string(), slash_path),
                    page: p.number,
                    kind: p.kind.to_string(),
                    detail: p.detail.clone(),
                })
                .collect();
            let outcome = if done.identical() {
                Outcome::Identical
            } else {
                Outcome::Differs { files }
            };
            (outcome, numbers.len() as u32)
        }
        Err(e) => (
            Outcome::Failed {
                error: e.to_string().trim_end().to_string(),
            },
            item.pages,
        ),
    };
    Entry {
        edition: item.edition.clone(),
        revision: item.revision,
        date: item.date.clone(),
        outcome,
        pages,
        seconds,
    }
}

/// Seconds to the millisecond, as the reports keep them.
fn rounded(seconds: f64) -> f64 {
    (seconds * 1000.0).round() / 1000.0
}

/// The slowest revision of a run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Slowest {
    /// The edition id.
    pub edition: String,
    /// The revision number.
    pub revision: u32,
    /// The time it took, in seconds.
    pub seconds: f64,
}

/// How the revisions of a run came out, counted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    /// The revisions regenerated.
    pub revisions: usize,
    /// How many came out identical.
    pub identical: usize,
    /// How many differ.
    pub differing: usize,
    /// How many failed.
    pub failed: usize,
    /// The pages regenerated.
    pub pages: u64,
}

impl Totals {
    /// The totals of `entries`.
    pub fn of<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> Totals {
        let mut totals = Totals::default();
        for entry in entries {
            totals.revisions += 1;
            totals.pages += u64::from(entry.pages);
            match entry.outcome {
                Outcome::Identical => totals.identical += 1,
                Outcome::Differs { .. } => totals.differing += 1,
                Outcome::Failed { .. } => totals.failed += 1,
            }
        }
        totals
    }
}

/// The shard reports of one run merged ([`summarise`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The report format version ([`REPORT_FORMAT`]).
    pub format: u32,
    /// How many shards the run has.
    pub shards: u32,
    /// The shards whose report is missing.
    pub missing: Vec<u32>,
    /// The range of dates.
    pub range: Range,
    /// How the revisions came out.
    #[serde(flatten)]
    pub totals: Totals,
    /// The shards' times, summed (machine time, not wall time).
    pub seconds: f64,
    /// The slowest revision.
    pub slowest: Option<Slowest>,
    /// Every revision that did not come out identical.
    pub problems: Vec<Entry>,
}

impl Summary {
    /// Whether the run is verified: every shard reported, every revision
    /// identical.
    pub fn passed(&self) -> bool {
        self.missing.is_empty() && self.totals.differing == 0 && self.totals.failed == 0
    }
}

/// Merges the reports of one run (each with the file it was read from):
/// refuses, as a usage error naming the file, reports of different runs
/// (another number of shards, another range), a shard reported twice and a
/// revision in two reports; names the shards no report is given for.
pub fn summarise(reports: &[(PathBuf, Report)]) -> Result<Summary, Error> {
    let Some((first_path, first)) = reports.first() else {
        return Err(Error::Usage(t!("shard-no-reports")));
    };
    let count = first.shard.count;
    let mut by_shard: BTreeMap<u32, &Path> = BTreeMap::new();
    let mut seen: BTreeMap<(&str, u32), &Path> = BTreeMap::new();
    for (path, report) in reports {
        if report.shard.count != count || report.range != first.range {
            return Err(Error::Usage(t!(
                "shard-other-run",
                path = path,
                shard = report.shard.to_string(),
                range = report.range.describe(),
                first = first_path,
                first_shard = first.shard.to_string(),
                first_range = first.range.describe(),
            )));
        }
        if let Some(other) = by_shard.insert(report.shard.index, path) {
            return Err(Error::Usage(t!(
                "shard-twice",
                shard = report.shard.to_string(),
                path = path,
                other = other,
            )));
        }
        for entry in &report.revisions {
            if let Some(other) = seen.insert((&entry.edition, entry.revision), path) {
                return Err(Error::Usage(t!(
                    "shard-revision-twice",
                    edition = &entry.edition,
                    revision = entry.revision,
                    path = path,
                    other = other,
                )));
            }
        }
    }
    let entries: Vec<&Entry> = reports.iter().flat_map(|(_, r)| &r.revisions).collect();
    let slowest = (entries.iter())
        .max_by(|a, b| a.seconds.total_cmp(&b.seconds))
        .map(|e| Slowest {
            edition: e.edition.clone(),
            revision: e.revision,
            seconds: e.seconds,
        });
    let mut problems: Vec<Entry> = (entries.iter())
        .filter(|e| !e.identical())
        .map(|e| (*e).clone())
        .collect();
    problems.sort_by(|a, b| (&a.edition, a.revision).cmp(&(&b.edition, b.revision)));
    Ok(Summary {
        format: REPORT_FORMAT,
        shards: count,
        missing: (1..=count).filter(|k| !by_shard.contains_key(k)).collect(),
        range: first.range.clone(),
        totals: Totals::of(entries.iter().copied()),
        seconds: rounded(reports.iter().map(|(_, r)| r.seconds).sum()),
        slowest,
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_are_read_as_k_of_n() {
        assert_eq!(Shard::parse("1/3"), Ok(Shard { index: 1, count: 3 }));
        assert_eq!(Shard::parse("3/3"), Ok(Shard { index: 3, count: 3 }));
        assert_eq!(Shard::parse(" 2/7 "), Ok(Shard { index: 2, count: 7 }));
        assert_eq!(Shard::parse("1/1"), Ok(Shard::WHOLE));
        for bad in [
            "",
            "3",
            "/3",
            "1/",
            "a/3",
            "1/b",
            "1/3/5",
            "-1/3",
            "+1/3",
            "1.0/3",
            "1 /3x",
            "99999999999/3",
        ] {
            let err = Shard::parse(bad).unwrap_err();
            assert!(err.contains("K/N"), "{bad:?}: {err}");
        }
        assert!(Shard::parse("0/3").unwrap_err().contains("from 1"));
        assert!(Shard::parse("4/3").unwrap_err().contains("no shard 4"));
        assert!(Shard::parse("0/0").unwrap_err().contains("at least 1"));
        assert!(Shard::parse("1/0").unwrap_err().contains("at least 1"));
        assert_eq!(Shard { index: 2, count: 3 }.to_string(), "2/3");
    }

    #[test]
    fn the_shard_of_a_revision_is_fixed_for_good() {
        // Known values: SHA-256 of "edition\nrevision", first 8 bytes,
        // big-endian, mod N, plus 1 (checked with Python's hashlib). If
        // this fails, reports of different versions no longer agree.
        let cases = [
            ("xianning-2021", 1, [1, 2, 1, 2, 5, 4]),
            ("xianning-2021", 2, [1, 1, 3, 1, 1, 7]),
            ("xianning-2021-04", 1, [1, 2, 1, 4, 7, 8]),
            ("xianning-2021-05", 1, [1, 2, 1, 4, 3, 2]),
            ("a", 1, [1, 1, 3, 1, 4, 3]),
        ];
        for (edition, revision, expected) in cases {
            let got: Vec<u32> = [1, 2, 3, 4, 7, 10]
                .iter()
                .map(|&n| shard_of(edition, revision, n))
                .collect();
            assert_eq!(got, expected, "{edition} revision {revision}");
        }
        // 0x597b600f128e1419 for ("xianning-2021", 1).
        assert_eq!(
            shard_of("xianning-2021", 1, u32::MAX),
            (0x597b_600f_128e_1419_u64 % u64::from(u32::MAX)) as u32 + 1
        );
    }

    #[test]
    fn every_revision_is_in_exactly_one_shard() {
        let items: Vec<(String, u32)> = (0..200)
            .flat_map(|e| (1..=3).map(move |r| (format!("paper-{e:03}"), r)))
            .collect();
        for count in [1, 2, 3, 5, 16] {
            let mut all: Vec<(String, u32)> = (1..=count)
                .flat_map(|index| select(items.clone(), Shard { index, count }))
                .collect();
            all.sort();
            let mut expected = items.clone();
            expected.sort();
            assert_eq!(all, expected, "{count} shards");
            // And the shares are about even (at 120 or more a share).
            for index in (1..=count).filter(|_| count <= 5) {
                let n = select(items.clone(), Shard { index, count }).len();
                let even = items.len() / count as usize;
                assert!(n > even * 2 / 3 && n < even * 4 / 3, "{index}/{count}: {n}");
            }
        }
        // The same item lands in the same shard, whatever the list around it.
        let alone = select([("paper-007".to_string(), 2)], Shard { index: 1, count: 5 });
        let among = select(items.clone(), Shard { index: 1, count: 5 });
        assert_eq!(
            alone.is_empty(),
            !among.contains(&("paper-007".to_string(), 2))
        );
    }

    #[test]
    fn the_range_includes_both_ends() {
        let range = Range {
            from: Some("2021-03-01".into()),
            to: Some("2021-03-31".into()),
        };
        assert!(range.holds("2021-03-01") && range.holds("2021-03-31"));
        assert!(!range.holds("2021-02-28") && !range.holds("2021-04-01"));
        assert!(Range::default().holds("1949-10-01"));
    }

    fn entry(edition: &str, revision: u32, outcome: Outcome, seconds: f64) -> Entry {
        Entry {
            edition: edition.into(),
            revision,
            date: Some("2021-03-01".into()),
            outcome,
            pages: 2,
            seconds,
        }
    }

    fn report(index: u32, count: u32, revisions: Vec<Entry>) -> (PathBuf, Report) {
        (
            PathBuf::from(format!("shard-{index}.json")),
            Report {
                format: REPORT_FORMAT,
                banmian: "0".into(),
                shard: Shard { index, count },
                range: Range::default(),
                archive: "archive".into(),
                started_at: "2026-01-01T00:00:00Z".into(),
                seconds: 1.5,
                revisions,
            },
        )
    }

    #[test]
    fn reports_merge_into_totals() {
        let failed = Outcome::Failed {
            error: "damaged".into(),
        };
        let reports = [
            report(1, 2, vec![entry("a", 1, Outcome::Identical, 0.5)]),
            report(
                2,
                2,
                vec![
                    entry("a", 2, failed.clone(), 0.1),
                    entry("b", 1, Outcome::Identical, 2.0),
                ],
            ),
        ];
        let summary = summarise(&reports).unwrap();
        let totals = &summary.totals;
        assert_eq!(
            (totals.revisions, totals.identical, totals.failed),
            (3, 2, 1)
        );
        assert_eq!((totals.pages, summary.seconds), (6, 3.0));
        assert_eq!(summary.slowest.as_ref().unwrap().edition, "b");
        assert_eq!(summary.problems[0].outcome, failed);
        assert!(summary.missing.is_empty() && !summary.passed());

        let summary = summarise(&reports[..1]).unwrap();
        assert_eq!(summary.missing, [2]);
        assert!(!summary.passed());

        // A shard twice, a revision twice, another run: refused.
        let twice = [reports[0].clone(), reports[0].clone()];
        assert!(summarise(&twice).is_err());
        let mut again = reports[1].clone();
        again
            .1
            .revisions
            .push(entry("a", 1, Outcome::Identical, 0.1));
        assert!(summarise(&[reports[0].clone(), again]).is_err());
        let other = report(2, 3, vec![]);
        assert!(summarise(&[reports[0].clone(), other]).is_err());
    }

    #[test]
    fn a_report_reads_back_as_written() {
        let (_, mut report) = report(
            1,
            1,
            vec![entry(
                "a",
                1,
                Outcome::Differs {
                    files: vec![DiffFile {
                        file: "pages/a-01.pdf".into(),
                        page: 1,
                        kind: "PDF/A".into(),
                        detail: "bytes".into(),
                    }],
                },
                0.25,
            )],
        );
        report.range.to = Some("2021-12-31".into());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reports/1.json");
        report.write(&path).unwrap();
        assert_eq!(Report::read(&path).unwrap(), report);
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(json["revisions"][0]["outcome"], "differs");
        assert_eq!(json["shard"]["count"], 1);
        // Not a report, another format: unusable, the file named.
        std::fs::write(&path, b"{}").unwrap();
        let err = Report::read(&path).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("1.json"), "{err}");
    }
}
