//! `banmian archive …`: keep a released edition, and list, show, search,
//! reindex, verify and compare what the archive holds.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::ExitCode;

use banmian::Error;
use banmian::archive::index::Index;
use banmian::archive::passages::{Passage, TEXT};
use banmian::archive::place::Place;
use banmian::archive::regenerate::highlighted;
use banmian::archive::store::{Outcome, archive_edition, archive_edition_to_store};
use banmian::archive::{Archive, diff};
use banmian::content::Date;
use banmian::home::Home;
use banmian::publish::publish;
use banmian::t;

use super::cli::{ArchiveArgs, ArchiveCommand};

/// `banmian archive …`.
pub fn run(args: ArchiveArgs) -> Result<ExitCode, Error> {
    let place = Place::open(&args.archive)?;
    match args.command {
        None => {
            let edition = args.edition.expect("clap requires EDITION");
            let home = Home::locate(args.layouts.as_deref(), args.fonts.as_deref())?;
            create(&place, &edition, &home, args.note.as_deref())
        }
        Some(ArchiveCommand::List { from, to }) => list(place.synced(None)?, from, to),
        Some(ArchiveCommand::Show { edition, revision }) => show(&place, &edition, revision),
        Some(ArchiveCommand::Search { words }) => search(place.synced(None)?, &words),
        Some(ArchiveCommand::Reindex) => reindex(&place),
        Some(ArchiveCommand::Verify { edition }) => verify(&place, edition.as_deref()),
        Some(ArchiveCommand::Diff {
            edition,
            from,
            to,
            pdf,
        }) => diff(&place, &edition, from, to, pdf.as_deref()),
    }
}

fn create(
    place: &Place,
    edition: &std::path::Path,
    home: &Home,
    note: Option<&str>,
) -> Result<ExitCode, Error> {
    let (archive, outcome) = match place {
        Place::Folder(archive) => (archive, archive_edition(archive, edition, home, note)?),
        Place::Store(mirror) => (
            &mirror.local,
            archive_edition_to_store(mirror, edition, home, note)?,
        ),
    };
    match outcome {
        Outcome::Unchanged { revision } => {
            let line = t!(
                "archive-unchanged",
                edition = edition.display(),
                revision = revision,
            );
            eprintln!("{line}");
        }
        Outcome::Created {
            revision,
            dir,
            bytes,
            pages,
            new_fonts,
            new_font_bytes,
            shared_fonts,
            warnings,
        } => {
            for w in &warnings {
                eprintln!("{}", t!("label-warning", text = w.to_string()));
            }
            println!("{}", dir.display());
            let line = t!(
                "archive-created",
                revision = revision,
                pages = pages,
                bytes = bytes,
            );
            eprintln!("{line}");
            let line = t!(
                "archive-created-fonts",
                new = new_fonts,
                new_bytes = new_font_bytes,
                shared = shared_fonts,
            );
            eprintln!("{line}");
            if let Err(e) = Index::open(archive) {
                let why = t!("archive-index-not-updated", error = e.to_string());
                eprintln!("{}", t!("label-warning", text = why));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn open_index(archive: &Archive) -> Result<Index, Error> {
    let index = Index::open(archive)?;
    say_skipped(&index);
    Ok(index)
}

/// Warns of the revisions the index could not take in.
fn say_skipped(index: &Index) {
    for s in &index.skipped {
        let why = t!("archive-not-indexed", what = s);
        eprintln!("{}", t!("label-warning", text = why));
    }
}

fn list(archive: &Archive, from: Option<String>, to: Option<String>) -> Result<ExitCode, Error> {
    let listed = open_index(archive)?.list(from.as_deref(), to.as_deref())?;
    for e in &listed {
        let pages: Vec<String> = (e.pages.iter())
            .map(|p| t!("archive-page", page = *p))
            .collect();
        let revisions = t!(
            "archive-list-revisions",
            n = e.revisions.len(),
            latest = e.revisions.last().copied().unwrap_or(0),
        );
        let note = (e.note.as_ref())
            .map(|n| t!("archive-list-note", note = n))
            .unwrap_or_default();
        println!(
            "{}  {}  {}  {}  {revisions}{note}",
            e.date,
            e.edition,
            e.paper,
            pages.join(" "),
        );
    }
    eprintln!("{}", t!("archive-list-count", n = listed.len()));
    Ok(ExitCode::SUCCESS)
}

fn show(place: &Place, id: &str, revision: Option<u32>) -> Result<ExitCode, Error> {
    let archive = place.synced(Some(id))?;
    let rev = archive.pick(id, revision)?;
    let m = archive.manifest(id, rev)?;
    let date = parse_iso(&m.date).map_or(m.date.clone(), |d| d.chinese());
    let revs = archive.revisions(id)?;
    println!("{} — {} {}", m.edition, m.paper, date);
    let line = t!(
        "archive-show-revision",
        revision = m.revision,
        count = revs.len(),
        archived = &m.archived_at,
    );
    println!("{line}");
    if let Some(note) = &m.note {
        println!("{}", t!("archive-show-note", note = note));
    }
    let line = t!(
        "archive-show-made-with",
        banmian = &m.banmian,
        typst = &m.typst,
        standard = &m.pdf_standard,
    );
    println!("{line}");
    println!("{}", t!("archive-show-pages"));
    for p in &m.pages {
        let line = t!(
            "archive-show-page",
            page = p.number,
            section = &p.section,
            layout = &p.layout,
        );
        println!("  {line}");
        let pdf = place.revision_file(id, rev, &p.pdf);
        println!("    {}: {}", m.pdf_standard, pdf.display());
        let print = place.revision_file(id, rev, &p.print);
        println!("    {}", t!("archive-show-print", path = print));
    }
    if let Some(print) = &m.edition_print {
        let path = place.revision_file(id, rev, print);
        println!("{}", t!("archive-show-edition-pdf", path = path));
    }
    let bytes: u64 = m.files.iter().map(|f| f.bytes).sum();
    let line = t!("archive-show-files", n = m.files.len(), bytes = bytes);
    println!("{line}");
    let line = t!("archive-show-fonts", path = place.folder("fonts"));
    println!("{line}");
    for f in &m.fonts {
        let line = t!(
            "archive-show-font",
            sha = &f.sha256,
            name = &f.name,
            bytes = f.bytes,
        );
        println!("  {line}");
    }
    println!("{}", t!("archive-show-revisions"));
    for r in revs {
        let other = archive.manifest(id, r)?;
        println!(
            "  {r}  {}  {}",
            other.archived_at,
            other.note.as_deref().unwrap_or("")
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn parse_iso(s: &str) -> Option<Date> {
    let mut parts = s.split('-').map(str::parse::<i64>);
    let (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    Date::new(
        i32::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
}

fn search(archive: &Archive, words: &[String]) -> Result<ExitCode, Error> {
    let hits = open_index(archive)?.search(words)?;
    for h in &hits {
        let revs: Vec<String> = h.revisions.iter().map(u32::to_string).collect();
        println!(
            "{}  {}  {}  {}  {}  {}  {}",
            h.edition,
            h.date,
            h.paper,
            t!("archive-page", page = h.page),
            t!("archive-search-revisions", revisions = revs.join(",")),
            h.place,
            h.snippet
        );
    }
    eprintln!("{}", t!("archive-search-count", n = hits.len()));
    Ok(if hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn reindex(place: &Place) -> Result<ExitCode, Error> {
    if let Place::Store(mirror) = place {
        let synced = mirror.sync(None)?;
        let line = t!(
            "store-synced",
            fetched = synced.fetched,
            revisions = synced.revisions,
            url = mirror.remote.url.to_string(),
        );
        eprintln!("{line}");
    }
    let index = Index::rebuild(place.synced(None)?)?;
    say_skipped(&index);
    let (revisions, passages) = index.counts()?;
    let line = t!(
        "archive-reindexed",
        revisions = revisions,
        passages = passages,
    );
    eprintln!("{line}");
    Ok(ExitCode::SUCCESS)
}

fn verify(place: &Place, edition: Option<&str>) -> Result<ExitCode, Error> {
    let report = place.verify(edition)?;
    for d in &report.damage {
        println!("{d}");
    }
    for n in &report.notes {
        eprintln!("{}", t!("label-note", text = n));
    }
    if report.damage.is_empty() {
        let line = t!(
            "archive-verified-intact",
            revisions = report.revisions,
            files = report.files,
        );
        eprintln!("{line}");
        Ok(ExitCode::SUCCESS)
    } else {
        let line = t!(
            "archive-verified-damaged",
            revisions = report.revisions,
            files = report.files,
            damaged = report.damage.len(),
        );
        eprintln!("{line}");
        Ok(ExitCode::from(1))
    }
}

fn passages(archive: &Archive, id: &str, rev: u32) -> Result<Vec<Passage>, Error> {
    archive.manifest(id, rev)?;
    let path = archive.revision_dir(id, rev).join(TEXT);
    let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
    serde_json::from_slice(&bytes).map_err(|e| Error::Archive(format!("{}: {e}", path.display())))
}

fn diff(
    place: &Place,
    id: &str,
    from: u32,
    to: u32,
    pdf: Option<&Path>,
) -> Result<ExitCode, Error> {
    let archive = place.synced(Some(id))?;
    archive.pick(id, Some(from))?;
    archive.pick(id, Some(to))?;
    let old = passages(archive, id, from)?;
    let new = passages(archive, id, to)?;
    let note = archive.manifest(id, to)?.note;
    let line = match note {
        Some(note) => t!(
            "archive-diff-revisions-note",
            edition = id,
            from = from,
            to = to,
            note = note,
        ),
        None => t!("archive-diff-revisions", edition = id, from = from, to = to,),
    };
    println!("{line}");
    let changes = diff::diff(&old, &new);
    let (text, counts) = diff::mark_up(&changes);
    if counts.is_empty() {
        println!("{}", t!("archive-diff-same"));
    } else {
        print!("\n{text}");
        let line = t!(
            "archive-diff-counts",
            changes = counts.changes,
            edited = counts.edited,
            removed = counts.removed,
            added = counts.added,
        );
        println!("{line}");
    }
    if let Some(pdf) = pdf {
        let pages: BTreeSet<u32> = (changes.iter())
            .filter_map(|c| match c {
                diff::Change::Same(_) => None,
                diff::Change::Removed(p) | diff::Change::Added(p) | diff::Change::Edited(_, p) => {
                    Some(p.page)
                }
            })
            .collect();
        if pages.is_empty() {
            println!("{}", t!("archive-diff-no-page", path = pdf));
        } else {
            let (archive, _) = place.whole(id, Some(to))?;
            let bytes = highlighted(archive, id, to, diff::highlights(&changes), &pages)?;
            publish(&[(pdf.to_path_buf(), bytes)])?;
            let numbers: Vec<String> = (pages.iter())
                .map(|n| t!("archive-page", page = *n))
                .collect();
            let line = t!(
                "archive-diff-wrote",
                path = pdf,
                pages = numbers.join(" "),
                to = to,
            );
            println!("{line}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
