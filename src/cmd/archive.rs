//! `banmian archive …`: keep a released edition, and list, show, search,
//! reindex, verify and compare what the archive holds.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::ExitCode;

use banmian::Error;
use banmian::archive::index::Index;
use banmian::archive::passages::{Passage, TEXT};
use banmian::archive::regenerate::highlighted;
use banmian::archive::store::{Outcome, archive_edition};
use banmian::archive::{Archive, diff, verify as check};
use banmian::content::Date;
use banmian::home::Home;
use banmian::publish::publish;

use super::cli::{ArchiveArgs, ArchiveCommand};

/// `banmian archive …`.
pub fn run(args: ArchiveArgs) -> Result<ExitCode, Error> {
    let archive = Archive::new(&args.archive);
    match args.command {
        None => {
            let edition = args.edition.expect("clap requires EDITION");
            let home = Home::locate(args.layouts.as_deref(), args.fonts.as_deref())?;
            create(&archive, &edition, &home, args.note.as_deref())
        }
        Some(ArchiveCommand::List { from, to }) => list(&archive, from, to),
        Some(ArchiveCommand::Show { edition, revision }) => show(&archive, &edition, revision),
        Some(ArchiveCommand::Search { words }) => search(&archive, &words),
        Some(ArchiveCommand::Reindex) => reindex(&archive),
        Some(ArchiveCommand::Verify { edition }) => verify(&archive, edition.as_deref()),
        Some(ArchiveCommand::Diff {
            edition,
            from,
            to,
            pdf,
        }) => diff(&archive, &edition, from, to, pdf.as_deref()),
    }
}

fn create(
    archive: &Archive,
    edition: &std::path::Path,
    home: &Home,
    note: Option<&str>,
) -> Result<ExitCode, Error> {
    match archive_edition(archive, edition, home, note)? {
        Outcome::Unchanged { revision } => {
            eprintln!(
                "{}: already archived as revision {revision}; nothing added",
                edition.display()
            );
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
                eprintln!("warning: {w}");
            }
            println!("{}", dir.display());
            eprintln!(
                "archived as revision {revision}: {pages} page(s) as PDF/A-3b; the revision folder holds {bytes} bytes"
            );
            eprintln!(
                "fonts: {new_fonts} file(s) stored ({new_font_bytes} bytes), {shared_fonts} already in the archive"
            );
            if let Err(e) = Index::open(archive) {
                eprintln!(
                    "warning: the search index was not updated ({e}); `banmian archive reindex` rebuilds it"
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn open_index(archive: &Archive) -> Result<Index, Error> {
    let index = Index::open(archive)?;
    for s in &index.skipped {
        eprintln!("warning: not indexed: {s}");
    }
    Ok(index)
}

fn list(archive: &Archive, from: Option<String>, to: Option<String>) -> Result<ExitCode, Error> {
    let listed = open_index(archive)?.list(from.as_deref(), to.as_deref())?;
    for e in &listed {
        let pages: Vec<String> = e.pages.iter().map(|p| format!("第{p}版")).collect();
        let revs = e.revisions.len();
        println!(
            "{}  {}  {}  {}  {} revision(s), latest {}{}",
            e.date,
            e.edition,
            e.paper,
            pages.join(" "),
            revs,
            e.revisions.last().copied().unwrap_or(0),
            e.note
                .as_ref()
                .map(|n| format!(": {n}"))
                .unwrap_or_default()
        );
    }
    eprintln!("{} edition(s)", listed.len());
    Ok(ExitCode::SUCCESS)
}

fn show(archive: &Archive, id: &str, revision: Option<u32>) -> Result<ExitCode, Error> {
    let rev = archive.pick(id, revision)?;
    let m = archive.manifest(id, rev)?;
    let date = parse_iso(&m.date).map_or(m.date.clone(), |d| d.chinese());
    let revs = archive.revisions(id)?;
    println!("{} — {} {}", m.edition, m.paper, date);
    println!(
        "revision {} of {}, archived {}",
        m.revision,
        revs.len(),
        m.archived_at
    );
    if let Some(note) = &m.note {
        println!("note: {note}");
    }
    println!(
        "made with banmian {}, Typst {}, pages as {}",
        m.banmian, m.typst, m.pdf_standard
    );
    println!("pages:");
    let dir = archive.revision_dir(id, rev);
    for p in &m.pages {
        println!("  第{}版 {} (layout {})", p.number, p.section, p.layout);
        println!("    {}: {}", m.pdf_standard, dir.join(&p.pdf).display());
        println!("    print: {}", dir.join(&p.print).display());
    }
    if let Some(print) = &m.edition_print {
        println!("edition PDF (every page): {}", dir.join(print).display());
    }
    let bytes: u64 = m.files.iter().map(|f| f.bytes).sum();
    println!("files: {} ({bytes} bytes)", m.files.len());
    println!(
        "fonts (stored once, under {}):",
        archive.root.join("fonts").display()
    );
    for f in &m.fonts {
        println!("  {}  {}  ({} bytes)", f.sha256, f.name, f.bytes);
    }
    println!("revisions:");
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
            "{}  {}  {}  第{}版  revision {}  {}  {}",
            h.edition,
            h.date,
            h.paper,
            h.page,
            revs.join(","),
            h.place,
            h.snippet
        );
    }
    eprintln!("{} page(s) found", hits.len());
    Ok(if hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn reindex(archive: &Archive) -> Result<ExitCode, Error> {
    let index = Index::rebuild(archive)?;
    for s in &index.skipped {
        eprintln!("warning: not indexed: {s}");
    }
    let (revisions, passages) = index.counts()?;
    eprintln!("indexed {revisions} revision(s), {passages} passage(s)");
    Ok(ExitCode::SUCCESS)
}

fn verify(archive: &Archive, edition: Option<&str>) -> Result<ExitCode, Error> {
    let report = check::verify(archive, edition)?;
    for d in &report.damage {
        println!("{d}");
    }
    for n in &report.notes {
        eprintln!("note: {n}");
    }
    if report.damage.is_empty() {
        eprintln!(
            "verified {} revision(s), {} file(s): all intact",
            report.revisions, report.files
        );
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "verified {} revision(s), {} file(s): {} damaged",
            report.revisions,
            report.files,
            report.damage.len()
        );
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
    archive: &Archive,
    id: &str,
    from: u32,
    to: u32,
    pdf: Option<&Path>,
) -> Result<ExitCode, Error> {
    archive.pick(id, Some(from))?;
    archive.pick(id, Some(to))?;
    let old = passages(archive, id, from)?;
    let new = passages(archive, id, to)?;
    let note = archive.manifest(id, to)?.note;
    println!(
        "{id}: revision {from} → revision {to}{}",
        note.map(|n| format!(" ({n})")).unwrap_or_default()
    );
    let changes = diff::diff(&old, &new);
    let (text, counts) = diff::mark_up(&changes);
    if counts.is_empty() {
        println!("the text is the same in both revisions");
    } else {
        print!("\n{text}");
        println!(
            "{} change(s) in {} edited passage(s); {} passage(s) removed, {} added",
            counts.changes, counts.edited, counts.removed, counts.added
        );
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
            println!("no page changed: {} not written", pdf.display());
        } else {
            let bytes = highlighted(archive, id, to, diff::highlights(&changes), &pages)?;
            publish(&[(pdf.to_path_buf(), bytes)])?;
            let numbers: Vec<String> = pages.iter().map(|n| format!("第{n}版")).collect();
            println!(
                "wrote {}: {} of revision {to}, the changes highlighted",
                pdf.display(),
                numbers.join(" ")
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
