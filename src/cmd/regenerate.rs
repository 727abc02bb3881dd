//! `banmian regenerate`: an archived revision set again from the archive
//! alone and compared byte for byte; with `--all`, every revision or a
//! shard of them, and with `--summary`, the shards' reports merged
//! (the work is in [`banmian::archive::shard`]).

use std::process::ExitCode;

use banmian::Error;
use banmian::archive::place::Place;
use banmian::archive::regenerate as regen;
use banmian::archive::shard::{self, Entry, Outcome, Range, Report, Shard, Totals};
use banmian::archive::slash_path;
use banmian::t;

use super::cli::RegenerateArgs;

/// `banmian regenerate`: exit 0 when every page is identical, 1 otherwise.
pub fn run(args: RegenerateArgs) -> Result<ExitCode, Error> {
    if !args.summary.is_empty() {
        return summary(&args);
    }
    let place = Place::open(&args.archive)?;
    if args.all {
        return all(&args, &place);
    }
    let edition = args.edition.as_deref().expect("clap requires EDITION");
    let (archive, revision) = place.whole(edition, args.revision)?;
    let result = regen::regenerate(archive, edition, Some(revision), args.output.as_deref())?;
    // Each file named as the desk finds it: in the folder, or at its
    // address in the store (not in this machine's cache).
    let dir = archive.revision_dir(edition, revision);
    let named = |p: &regen::PageResult| match p.archived.strip_prefix(&dir) {
        Ok(rel) => place.revision_file(edition, revision, &slash_path(rel)),
        Err(_) => p.archived.clone(),
    };
    for p in &result.pages {
        if p.identical {
            let line = t!("archive-regen-identical", what = what(p), path = &named(p));
            println!("{line}");
        } else {
            let line = t!(
                "archive-regen-differs",
                what = what(p),
                detail = &p.detail,
                path = &named(p),
            );
            println!("{line}");
        }
    }
    for path in &result.written {
        eprintln!("{}", t!("archive-wrote", path = path));
    }
    if result.identical() {
        let line = t!(
            "archive-regen-all-identical",
            edition = &result.edition,
            revision = result.revision,
        );
        println!("{line}");
        Ok(ExitCode::SUCCESS)
    } else {
        let differ: Vec<String> = result
            .pages
            .iter()
            .filter(|p| !p.identical)
            .map(|p| match p.kind {
                regen::EDITION => t!("archive-file-edition"),
                kind => t!("archive-file-of-page-short", page = p.number, kind = kind),
            })
            .collect();
        let line = t!(
            "archive-regen-some-differ",
            edition = &result.edition,
            revision = result.revision,
            files = differ.join(&t!("archive-separator")),
        );
        println!("{line}");
        Ok(ExitCode::from(1))
    }
}

/// Which archived file a comparison is of: `第5版 print`, or the edition PDF.
fn what(p: &regen::PageResult) -> String {
    match p.kind {
        regen::EDITION => t!("archive-file-edition"),
        kind => t!("archive-file-of-page", page = p.number, kind = kind),
    }
}

/// `regenerate --all [--shard K/N] [--from] [--to] [--report FILE]`: a
/// line per revision and one for the shard; exit 0 when every revision
/// of the shard is identical, 1 otherwise.
fn all(args: &RegenerateArgs, place: &Place) -> Result<ExitCode, Error> {
    if let Some(path) = &args.report {
        Report::check_path(path)?;
    }
    let job = shard::Job {
        archive: place.synced(None)?,
        address: args.archive.display().to_string(),
        shard: args.shard.unwrap_or(Shard::WHOLE),
        range: Range {
            from: args.from.clone(),
            to: args.to.clone(),
        },
    };
    let planned = shard::plan(job.archive, job.shard, &job.range)?;
    // A revision's files are fetched when it is its turn (from a store).
    let fetch = |id: &str, revision| place.whole(id, Some(revision)).map(|_| ());
    let report = shard::run(&job, &planned, fetch, |entry| println!("{}", line(entry)));
    if let Some(path) = &args.report {
        report.write(path)?;
        eprintln!("{}", t!("archive-wrote", path = path));
    }
    println!("{}", done_line(&report));
    Ok(if report.identical() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `regenerate --summary REPORT...`: the totals of the shards' reports
/// (or, with `--json`, the merged summary); exit 0 when every shard
/// reported and every revision is identical, 1 otherwise, 2 for reports
/// that cannot be merged.
fn summary(args: &RegenerateArgs) -> Result<ExitCode, Error> {
    let reports = (args.summary.iter())
        .map(|path| Ok((path.clone(), Report::read(path)?)))
        .collect::<Result<Vec<_>, Error>>()?;
    let summary = shard::summarise(&reports)?;
    if args.json {
        let json = serde_json::to_string_pretty(&summary).expect("a summary serialises");
        println!("{json}");
    } else {
        for entry in &summary.problems {
            println!("{}", line(entry));
        }
        if !summary.missing.is_empty() {
            let missing: Vec<String> = (summary.missing.iter())
                .map(|&index| {
                    let shard = Shard {
                        index,
                        count: summary.shards,
                    };
                    shard.to_string()
                })
                .collect();
            let line = t!(
                "shard-summary-missing",
                shards = missing.join(&t!("archive-separator")),
                count = summary.missing.len(),
            );
            println!("{line}");
        }
        let totals = &summary.totals;
        let line = t!(
            "shard-summary-totals",
            revisions = totals.revisions,
            present = summary.shards as usize - summary.missing.len(),
            count = summary.shards,
            identical = totals.identical,
            differing = totals.differing,
            failed = totals.failed,
            pages = totals.pages,
            seconds = format!("{:.1}", summary.seconds),
        );
        println!("{line}");
        if let Some(slowest) = &summary.slowest {
            let line = t!(
                "shard-summary-slowest",
                edition = &slowest.edition,
                revision = slowest.revision,
                seconds = format!("{:.1}", slowest.seconds),
            );
            println!("{line}");
        }
        if summary.passed() {
            println!("{}", t!("shard-summary-verified"));
        } else {
            println!("{}", t!("shard-summary-not-verified"));
        }
    }
    Ok(if summary.passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// One revision of a run, as a line.
fn line(entry: &Entry) -> String {
    let date = entry
        .date
        .clone()
        .unwrap_or_else(|| t!("shard-date-unknown"));
    match &entry.outcome {
        Outcome::Identical => t!(
            "shard-line-identical",
            edition = &entry.edition,
            revision = entry.revision,
            date = date,
            pages = entry.pages,
            seconds = format!("{:.1}", entry.seconds),
        ),
        Outcome::Differs { files } => {
            let files: Vec<String> = (files.iter())
                .map(|f| match f.kind.as_str() {
                    regen::EDITION => t!("archive-file-edition"),
                    kind => t!("archive-file-of-page-short", page = f.page, kind = kind),
                })
                .collect();
            t!(
                "shard-line-differs",
                edition = &entry.edition,
                revision = entry.revision,
                date = date,
                files = files.join(&t!("archive-separator")),
            )
        }
        Outcome::Failed { error } => t!(
            "shard-line-failed",
            edition = &entry.edition,
            revision = entry.revision,
            date = date,
            error = error,
        ),
    }
}

/// The last line of a run: the shard, its range and its totals.
fn done_line(report: &Report) -> String {
    let totals = Totals::of(&report.revisions);
    t!(
        "shard-done",
        shard = report.shard.to_string(),
        range = report.range.describe(),
        revisions = totals.revisions,
        identical = totals.identical,
        differing = totals.differing,
        failed = totals.failed,
        pages = totals.pages,
        seconds = format!("{:.1}", report.seconds),
    )
}
