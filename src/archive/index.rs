//! The search index: an SQLite database (`index.sqlite`) of every archived
//! passage. Chinese is written without spaces, so each page's text is also
//! kept cut into overlapping pairs and triples of characters (bigrams and
//! trigrams, [`super::ngrams`]), in an FTS5 table that keeps which pages
//! hold each (`detail=none`: no positions, a small index). A term of any
//! length is looked up there — one character as the n-grams it begins,
//! two as their bigram, longer terms as all their trigrams — and each page
//! found is then read passage by passage, the term confirmed on the text,
//! so that what search answers is exactly the passages that hold the term.
//! Passages and words are compared in Unicode NFKC (see
//! [`super::normalise`]), folded to lower case: the n-grams are those of
//! the normalised text, and the index keeps the text as printed,
//! normalised again to confirm a match and shown in the snippets. The
//! index is a cache of the revision folders: it is brought up to date with
//! them before every query and can be rebuilt from them at any time.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use super::manifest::{MANIFEST_SUM, Manifest};
use super::ngrams::{Term, tokens};
use super::normalise::nfkc;
use super::passages::{Passage, TEXT};
pub use super::snippet::snippet;
use super::{Archive, INDEX};
use crate::diag::Error;

/// The schema version; an index of another version is rebuilt. 2: the
/// passages are matched in NFKC, their original text kept beside (an index
/// of version 1 matched the text as stored, and would miss U+F92C 郎 when
/// searched for 郎). 3: the passages in a table of their own, the n-grams
/// of each page in an FTS5 table (version 2 had a `trigram` table of the
/// passages, which found one- and two-character terms only by reading
/// every passage).
const SCHEMA: i64 = 3;

/// How the name of an index being rebuilt begins (then the rebuilding
/// process's id, a `-`, and a random part).
pub const TEMP_PREFIX: &str = ".index-";

/// Removes what a killed rebuild left in the archive at `root`: index
/// files being rebuilt (and their SQLite journals) whose process has ended,
/// or whose name carries no process id.
fn remove_stale_temps(root: &Path) -> Result<(), Error> {
    for entry in std::fs::read_dir(root).map_err(|e| Error::io(root, e))? {
        let entry = entry.map_err(|e| Error::io(root, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(TEMP_PREFIX) else {
            continue;
        };
        let owner = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        if owner.is_some_and(|pid| pid == std::process::id() || crate::publish::alive(pid)) {
            continue;
        }
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            let path = entry.path();
            std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
        }
    }
    Ok(())
}

/// One archived revision as the index lists it.
#[derive(Debug, Clone)]
pub struct Listed {
    /// Edition id.
    pub edition: String,
    /// Masthead name.
    pub paper: String,
    /// Publication date, `YYYY-MM-DD`.
    pub date: String,
    /// Page numbers, in edition order.
    pub pages: Vec<u32>,
    /// Revision numbers, ascending.
    pub revisions: Vec<u32>,
    /// The latest revision's note.
    pub note: Option<String>,
}

/// One page that contains every searched word.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Edition id.
    pub edition: String,
    /// Publication date.
    pub date: String,
    /// Masthead name.
    pub paper: String,
    /// 版次.
    pub page: u32,
    /// The revisions of the page that contain the words.
    pub revisions: Vec<u32>,
    /// Where the first word stands in the latest of them.
    pub place: String,
    /// The text around it, the word marked with 【】.
    pub snippet: String,
}

/// A page of a revision: edition, page number, revision.
type PageRev = (String, u32, u32);
/// Where a word was found: the passage's place and its text.
type Found = (String, String);

/// An open, up-to-date index.
pub struct Index {
    conn: Connection,
    /// Revisions whose files could not be indexed (damaged): path and why.
    pub skipped: Vec<String>,
}

fn db_err(path: &Path, e: rusqlite::Error) -> Error {
    Error::Archive(t!(
        "archive-index-error",
        path = path,
        error = e.to_string()
    ))
}

impl Index {
    /// Opens the index of `archive`, creating or rebuilding it as needed
    /// and bringing it up to date with the revision folders.
    pub fn open(archive: &Archive) -> Result<Self, Error> {
        if !archive.root.is_dir() {
            return Err(Error::Usage(t!(
                "archive-no-archive-pass",
                path = &archive.root,
            )));
        }
        remove_stale_temps(&archive.root)?;
        let path = archive.root.join(INDEX);
        if let Ok(conn) = Connection::open(&path)
            && schema_ok(&conn)
        {
            return Self::refreshed(conn, archive);
        }
        Self::rebuild(archive)
    }

    /// Builds the index anew from the revision folders, in a new file that
    /// then replaces the old one.
    pub fn rebuild(archive: &Archive) -> Result<Self, Error> {
        std::fs::create_dir_all(&archive.root).map_err(|e| Error::io(&archive.root, e))?;
        remove_stale_temps(&archive.root)?;
        let path = archive.root.join(INDEX);
        // Named with this process's id, so a later open can tell whether
        // the process that wrote it is still alive.
        let tmp = tempfile::Builder::new()
            .prefix(&format!("{TEMP_PREFIX}{}-", std::process::id()))
            .suffix(".sqlite")
            .tempfile_in(&archive.root)
            .map_err(|e| Error::io(&archive.root, e))?;
        {
            let conn = Connection::open(tmp.path()).map_err(|e| db_err(tmp.path(), e))?;
            create_schema(&conn).map_err(|e| db_err(tmp.path(), e))?;
            Self::refreshed(conn, archive)?.optimise()?;
        }
        // An index anyone who may read the archive may read (not 0600).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let perms = std::fs::Permissions::from_mode(0o644);
            tmp.as_file()
                .set_permissions(perms)
                .map_err(|e| Error::io(tmp.path(), e))?;
        }
        tmp.persist(&path).map_err(|e| Error::io(&path, e.error))?;
        let conn = Connection::open(&path).map_err(|e| db_err(&path, e))?;
        Self::refreshed(conn, archive)
    }

    /// The index in `conn`, brought up to date with the revision folders.
    fn refreshed(conn: Connection, archive: &Archive) -> Result<Self, Error> {
        let mut index = Self {
            conn,
            skipped: Vec::new(),
        };
        index.refresh(archive)?;
        Ok(index)
    }

    /// Adds the revisions the folders have and the index lacks, and drops
    /// those it has that are gone or whose manifest changed. What is
    /// missing is decided inside the write transaction (taken at once, not
    /// on the first write), so processes refreshing together wait for one
    /// another and the later ones find the work done.
    fn refresh(&mut self, archive: &Archive) -> Result<(), Error> {
        let path = archive.root.join(INDEX);
        let err = |e| db_err(&path, e);
        self.conn
            .busy_timeout(std::time::Duration::from_secs(30))
            .map_err(err)?;
        let on_disk = on_disk(archive)?;
        if on_disk == indexed(&self.conn).map_err(err)? {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let indexed = indexed(&tx).map_err(err)?;
        for (key, sum) in &indexed {
            if on_disk.get(key) != Some(sum) {
                delete(&tx, &key.0, key.1).map_err(err)?;
            }
        }
        for ((id, rev), sum) in &on_disk {
            if indexed.get(&(id.clone(), *rev)) == Some(sum) {
                continue;
            }
            match load(archive, id, *rev) {
                Ok((manifest, passages)) => {
                    let new = NewRevision {
                        edition: id,
                        revision: *rev,
                        sum,
                        manifest: &manifest,
                        passages: &passages,
                    };
                    insert(&tx, &new).map_err(err)?;
                }
                Err(e) => self.skipped.push(e.to_string()),
            }
        }
        tx.commit().map_err(err)
    }

    /// A new, empty index in the file `path` (which must not hold one),
    /// for revisions that are not in an archive's folders: what the search
    /// benchmark (`examples/search_bench.rs`) fills through [`Self::add`].
    pub fn create(path: &Path) -> Result<Self, Error> {
        let conn = Connection::open(path).map_err(|e| db_err(path, e))?;
        create_schema(&conn).map_err(|e| db_err(path, e))?;
        Ok(Self {
            conn,
            skipped: Vec::new(),
        })
    }

    /// Adds `revisions`, in one transaction, as a refresh adds those it
    /// finds new in the folders.
    pub fn add<'a>(
        &mut self,
        revisions: impl IntoIterator<Item = NewRevision<'a>>,
    ) -> Result<(), Error> {
        let err = |e| db_err(Path::new(INDEX), e);
        let tx = self.conn.transaction().map_err(err)?;
        for new in revisions {
            insert(&tx, &new).map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    /// Merges the n-gram table's segments into one, as a rebuild does when
    /// it has added every revision: a smaller file, faster lookups.
    pub fn optimise(&self) -> Result<(), Error> {
        self.conn
            .execute("INSERT INTO grams (grams) VALUES ('optimize')", [])
            .map(drop)
            .map_err(|e| db_err(Path::new(INDEX), e))
    }

    /// How many revisions and passages the index holds.
    pub fn counts(&self) -> Result<(usize, usize), Error> {
        let err = |e| db_err(Path::new(INDEX), e);
        let revs: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM revisions", [], |r| r.get(0))
            .map_err(err)?;
        let passages: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM passages", [], |r| r.get(0))
            .map_err(err)?;
        Ok((revs as usize, passages as usize))
    }

    /// The archived editions dated between `from` and `to` (ISO dates,
    /// inclusive), by date then id.
    pub fn list(&self, from: Option<&str>, to: Option<&str>) -> Result<Vec<Listed>, Error> {
        let err = |e| db_err(Path::new(INDEX), e);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT edition, revision, paper, date, note, pages FROM revisions
                 WHERE date >= ?1 AND date <= ?2 ORDER BY date, edition, revision",
            )
            .map_err(err)?;
        let rows = stmt
            .query_map(
                params![from.unwrap_or("0000-00-00"), to.unwrap_or("9999-99-99")],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, u32>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, String>(5)?,
                    ))
                },
            )
            .map_err(err)?;
        let mut out: Vec<Listed> = Vec::new();
        for row in rows {
            let (edition, rev, paper, date, note, pages) = row.map_err(err)?;
            let pages = pages.split(',').filter_map(|p| p.parse().ok()).collect();
            match out.last_mut() {
                Some(last) if last.edition == edition => {
                    last.revisions.push(rev);
                    last.note = note;
                    last.pages = pages;
                    last.paper = paper;
                    last.date = date;
                }
                _ => out.push(Listed {
                    edition,
                    paper,
                    date,
                    pages,
                    revisions: vec![rev],
                    note,
                }),
            }
        }
        Ok(out)
    }

    /// The pages that contain every one of `words`, by date, edition and
    /// page; each with the revisions that contain them and a snippet.
    pub fn search(&self, words: &[String]) -> Result<Vec<Hit>, Error> {
        let words: Vec<String> = words
            .iter()
            .map(|w| nfkc(w).trim().to_string())
            .filter(|w| !w.is_empty())
            .collect();
        let Some(first) = words.first() else {
            return Ok(Vec::new());
        };
        // (edition, page, revision) → the first passage holding the first
        // word; each later word keeps the pages that hold it too.
        let mut found: Option<BTreeMap<PageRev, Found>> = None;
        for word in &words {
            let hits = self.pages_with(&Term::new(word), found.as_ref())?;
            found = Some(match found {
                None => hits,
                Some(mut prev) => {
                    prev.retain(|k, _| hits.contains_key(k));
                    prev
                }
            });
        }
        self.hits(found.unwrap_or_default(), first)
    }

    /// The pages of each revision that hold `term` (among those of `among`,
    /// if given), each with the first passage that does, its original text.
    /// The pages the n-gram table finds are read passage by passage in
    /// order and the term confirmed on the text (for a later word of one
    /// to three characters, which the index finds exactly, the page's
    /// being found is enough); a term with nothing to look up (no letter
    /// or digit) is confirmed on every page.
    fn pages_with(
        &self,
        term: &Term,
        among: Option<&BTreeMap<PageRev, Found>>,
    ) -> Result<BTreeMap<PageRev, Found>, Error> {
        let err = |e| db_err(Path::new(INDEX), e);
        const COLUMNS: &str = "r.edition, p.page, r.revision, p.first, p.last";
        let sql = match term.query() {
            Some(_) => format!(
                "SELECT {COLUMNS} FROM grams JOIN pages p ON p.id = grams.rowid
                 JOIN revisions r ON r.id = p.rev WHERE grams MATCH ?1 ORDER BY grams.rowid"
            ),
            None => format!(
                "SELECT {COLUMNS} FROM pages p JOIN revisions r ON r.id = p.rev ORDER BY p.id"
            ),
        };
        let mut stmt = self.conn.prepare(&sql).map_err(err)?;
        let mut rows = match term.query() {
            Some(query) => stmt.query([query]),
            None => stmt.query([]),
        }
        .map_err(err)?;
        let mut passages = (self.conn)
            .prepare_cached(
                "SELECT place, text FROM passages WHERE id BETWEEN ?1 AND ?2 ORDER BY id",
            )
            .map_err(err)?;
        let mut hits = BTreeMap::new();
        while let Some(r) = rows.next().map_err(err)? {
            let key: PageRev = (
                r.get(0).map_err(err)?,
                r.get(1).map_err(err)?,
                r.get(2).map_err(err)?,
            );
            match among {
                Some(among) if !among.contains_key(&key) => continue,
                // A later word: only whether the page holds it counts, and
                // the index says so for a short term.
                Some(_) if term.exact() => {
                    hits.insert(key, (String::new(), String::new()));
                    continue;
                }
                _ => {}
            }
            let range: (i64, i64) = (r.get(3).map_err(err)?, r.get(4).map_err(err)?);
            let mut texts = passages.query(range).map_err(err)?;
            while let Some(p) = texts.next().map_err(err)? {
                let text: String = p.get(1).map_err(err)?;
                if term.found_in(&text) {
                    hits.insert(key, (p.get(0).map_err(err)?, text));
                    break;
                }
            }
        }
        Ok(hits)
    }

    /// The hits, one a page, from what each revision's page holds; the
    /// snippet marks `first`.
    fn hits(&self, found: BTreeMap<PageRev, Found>, first: &str) -> Result<Vec<Hit>, Error> {
        let err = |e| db_err(Path::new(INDEX), e);
        let mut pages: BTreeMap<(String, u32), Vec<(u32, Found)>> = BTreeMap::new();
        for ((edition, page, rev), hit) in found {
            pages.entry((edition, page)).or_default().push((rev, hit));
        }
        let mut meta = self
            .conn
            .prepare("SELECT date, paper FROM revisions WHERE edition = ?1 AND revision = ?2")
            .map_err(err)?;
        let mut hits = Vec::new();
        for ((edition, page), revs) in pages {
            let (rev, (place, text)) = revs.last().expect("not empty").clone();
            let (date, paper): (String, String) = meta
                .query_row(params![edition, rev], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(err)?;
            hits.push(Hit {
                edition,
                date,
                paper,
                page,
                revisions: revs.iter().map(|r| r.0).collect(),
                place,
                snippet: snippet(&text, first),
            });
        }
        hits.sort_by(|a, b| (&a.date, &a.edition, a.page).cmp(&(&b.date, &b.edition, b.page)));
        Ok(hits)
    }
}

/// The revisions the index in `conn` holds, with their manifest sums.
fn indexed(conn: &Connection) -> rusqlite::Result<BTreeMap<(String, u32), String>> {
    let mut stmt = conn.prepare("SELECT edition, revision, manifest FROM revisions")?;
    let rows = stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?;
    rows.collect()
}

/// The revisions the folders hold, with their manifest sums (empty when
/// unreadable).
fn on_disk(archive: &Archive) -> Result<BTreeMap<(String, u32), String>, Error> {
    let mut on_disk = BTreeMap::new();
    for id in archive.editions()? {
        for rev in archive.revisions(&id)? {
            let sum_path = archive.revision_dir(&id, rev).join(MANIFEST_SUM);
            let sum = std::fs::read_to_string(&sum_path).unwrap_or_default();
            on_disk.insert((id.clone(), rev), sum);
        }
    }
    Ok(on_disk)
}

/// A revision's manifest and passages, as its folder holds them.
fn load(archive: &Archive, id: &str, rev: u32) -> Result<(Manifest, Vec<Passage>), Error> {
    let manifest = archive.manifest(id, rev)?;
    let text_path = archive.revision_dir(id, rev).join(TEXT);
    let bytes = std::fs::read(&text_path).map_err(|e| Error::io(&text_path, e))?;
    let passages: Vec<Passage> = serde_json::from_slice(&bytes)
        .map_err(|e| Error::Archive(format!("{}: {e}", text_path.display())))?;
    Ok((manifest, passages))
}

/// A revision to add to the index: what its folder holds.
#[derive(Debug, Clone, Copy)]
pub struct NewRevision<'a> {
    /// Edition id.
    pub edition: &'a str,
    /// Revision number.
    pub revision: u32,
    /// Its manifest's sum (`manifest.sha256`), by which a later refresh
    /// tells whether the folder changed.
    pub sum: &'a str,
    /// Its manifest.
    pub manifest: &'a Manifest,
    /// Its passages (`text.json`).
    pub passages: &'a [Passage],
}

/// Adds a revision and its passages to the index: each page's passages
/// one after the other, and the page's n-grams.
fn insert(tx: &Transaction, new: &NewRevision) -> rusqlite::Result<()> {
    let manifest = new.manifest;
    let pages = manifest
        .pages
        .iter()
        .map(|p| p.number.to_string())
        .collect::<Vec<_>>()
        .join(",");
    tx.execute(
        "INSERT INTO revisions (edition, revision, paper, date, note, archived_at, pages, manifest)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            new.edition,
            new.revision,
            manifest.paper,
            manifest.date,
            manifest.note,
            manifest.archived_at,
            pages,
            new.sum
        ],
    )?;
    let rev = tx.last_insert_rowid();
    // The passages page by page, each page's in reading order.
    let mut by_page: Vec<(u32, Vec<&Passage>)> = Vec::new();
    for p in new.passages {
        match by_page.iter_mut().find(|(page, _)| *page == p.page) {
            Some((_, on_page)) => on_page.push(p),
            None => by_page.push((p.page, vec![p])),
        }
    }
    let mut passage = tx.prepare_cached("INSERT INTO passages (place, text) VALUES (?1, ?2)")?;
    let mut page =
        tx.prepare_cached("INSERT INTO pages (rev, page, first, last) VALUES (?1, ?2, ?3, ?4)")?;
    let mut grams = tx.prepare_cached("INSERT INTO grams (rowid, tokens) VALUES (?1, ?2)")?;
    for (number, on_page) in by_page {
        let (mut first, mut last, mut tokens_of_page) = (None, 0, String::new());
        for p in on_page {
            passage.execute(params![p.place(), p.text])?;
            last = tx.last_insert_rowid();
            first.get_or_insert(last);
            tokens_of_page.push_str(&tokens(&p.text));
            tokens_of_page.push(' ');
        }
        page.execute(params![rev, number, first, last])?;
        grams.execute(params![tx.last_insert_rowid(), tokens_of_page])?;
    }
    Ok(())
}

/// Removes a revision, its pages and their passages from the index.
fn delete(tx: &Transaction, edition: &str, revision: u32) -> rusqlite::Result<()> {
    let rev: Option<i64> = tx
        .query_row(
            "SELECT id FROM revisions WHERE edition = ?1 AND revision = ?2",
            params![edition, revision],
            |r| r.get(0),
        )
        .optional()?;
    let Some(rev) = rev else {
        return Ok(());
    };
    let pages: Vec<(i64, i64, i64)> = tx
        .prepare("SELECT id, first, last FROM pages WHERE rev = ?1")?
        .query_map([rev], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, first, last) in pages {
        tx.execute("DELETE FROM grams WHERE rowid = ?1", [id])?;
        tx.execute(
            "DELETE FROM passages WHERE id BETWEEN ?1 AND ?2",
            [first, last],
        )?;
    }
    tx.execute("DELETE FROM pages WHERE rev = ?1", [rev])?;
    tx.execute("DELETE FROM revisions WHERE id = ?1", [rev])?;
    Ok(())
}

fn schema_ok(conn: &Connection) -> bool {
    conn.query_row("SELECT value FROM meta WHERE key = 'schema'", [], |r| {
        r.get::<_, i64>(0)
    })
    .is_ok_and(|v| v == SCHEMA)
}

/// The tables: the revisions; their pages; the pages' passages, each
/// page's one after the other (ids `first` to `last`), each with its text
/// as printed; and the pages' n-grams (of the text in NFKC), an FTS5 table
/// that keeps only which pages hold each (no text: `content=''`, no
/// positions: `detail=none`), its rows the pages' ids; deleted from by id
/// (`contentless_delete`, which needs the row sizes FTS5 keeps). A page,
/// not a passage, to a row: a common n-gram is kept once a page, and a
/// search reads a page's passages only until one holds the term.
/// The text is kept in UTF-16, two bytes a Chinese character (three in
/// UTF-8): the passages' text is most of the file. (Only as printed: set
/// with full-width ，：； it is seldom in NFKC, and both would double it.)
fn create_schema(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(&format!(
        "PRAGMA encoding = 'UTF-16le';
         CREATE TABLE meta (key TEXT PRIMARY KEY, value);
         INSERT INTO meta VALUES ('schema', {SCHEMA});
         CREATE TABLE revisions (
             id INTEGER PRIMARY KEY,
             edition TEXT NOT NULL, revision INTEGER NOT NULL,
             paper TEXT NOT NULL, date TEXT NOT NULL, note TEXT,
             archived_at TEXT NOT NULL, pages TEXT NOT NULL, manifest TEXT NOT NULL,
             UNIQUE (edition, revision));
         CREATE TABLE pages (
             id INTEGER PRIMARY KEY, rev INTEGER NOT NULL REFERENCES revisions (id),
             page INTEGER NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL);
         CREATE INDEX pages_rev ON pages (rev);
         CREATE TABLE passages (id INTEGER PRIMARY KEY, place TEXT NOT NULL, text TEXT NOT NULL);
         CREATE VIRTUAL TABLE grams USING fts5(
             tokens, tokenize = 'ascii', content = '', contentless_delete = 1, detail = none);"
    ))
}
