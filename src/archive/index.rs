//! The search index: an SQLite database (`index.sqlite`) with an FTS5 table
//! of every archived passage. Chinese is written without spaces, so the
//! table uses FTS5's `trigram` tokenizer: any run of three or more
//! characters is found through the index, and shorter terms (扶贫) by a
//! scan of the same table. Passages and words are compared in Unicode NFKC
//! (see [`super::normalise`]): the table matches the normalised text and
//! keeps the original beside it, for the snippets. The index is a cache of
//! the revision folders:
//! it is brought up to date with them before every query and can be
//! rebuilt from them at any time.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::{Connection, Transaction, TransactionBehavior, params};

use super::manifest::{MANIFEST_SUM, Manifest};
use super::normalise::{Normalised, nfkc, starts_segment};
use super::passages::{Passage, TEXT};
use super::{Archive, INDEX};
use crate::diag::Error;

/// The schema version; an index of another version is rebuilt. 2: the
/// passages are matched in NFKC, their original text kept beside (an index
/// of version 1 matched the text as stored, and would miss U+F92C 郎 when
/// searched for 郎).
const SCHEMA: i64 = 2;

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
            Self::refreshed(conn, archive)?;
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
                for sql in [
                    "DELETE FROM revisions WHERE edition = ?1 AND revision = ?2",
                    "DELETE FROM passages WHERE edition = ?1 AND revision = ?2",
                ] {
                    tx.execute(sql, params![key.0, key.1]).map_err(err)?;
                }
            }
        }
        for ((id, rev), sum) in &on_disk {
            if indexed.get(&(id.clone(), *rev)) == Some(sum) {
                continue;
            }
            match load(archive, id, *rev) {
                Ok((manifest, passages)) => {
                    insert(&tx, id, *rev, sum, &manifest, &passages).map_err(err)?;
                }
                Err(e) => self.skipped.push(e.to_string()),
            }
        }
        tx.commit().map_err(err)
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
        // (edition, page, revision) → the first passage holding the first word.
        let mut found: Option<BTreeMap<PageRev, Found>> = None;
        for word in &words {
            let hits = self.passages_with(word)?;
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

    /// The pages of each revision that hold `word` (in NFKC), each with the
    /// first passage that does, its original text.
    fn passages_with(&self, word: &str) -> Result<BTreeMap<PageRev, Found>, Error> {
        let err = |e| db_err(Path::new(INDEX), e);
        let (sql, arg) = if word.chars().count() >= 3 {
            (
                "SELECT edition, page, revision, place, COALESCE(original, text) FROM passages WHERE passages MATCH ?1 ORDER BY rowid",
                format!("\"{}\"", word.replace('"', "\"\"")),
            )
        } else {
            (
                "SELECT edition, page, revision, place, COALESCE(original, text) FROM passages WHERE text LIKE ?1 ESCAPE '\\' ORDER BY rowid",
                format!(
                    "%{}%",
                    word.replace('\\', "\\\\")
                        .replace('%', "\\%")
                        .replace('_', "\\_")
                ),
            )
        };
        let mut stmt = self.conn.prepare(sql).map_err(err)?;
        let rows = stmt
            .query_map([arg], |r| {
                Ok((
                    (
                        r.get::<_, String>(0)?,
                        r.get::<_, u32>(1)?,
                        r.get::<_, u32>(2)?,
                    ),
                    (r.get::<_, String>(3)?, r.get::<_, String>(4)?),
                ))
            })
            .map_err(err)?;
        let mut hits = BTreeMap::new();
        for row in rows {
            let (key, value) = row.map_err(err)?;
            hits.entry(key).or_insert(value);
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

/// Adds a revision and its passages to the index.
fn insert(
    tx: &Transaction,
    id: &str,
    rev: u32,
    sum: &str,
    manifest: &Manifest,
    passages: &[Passage],
) -> rusqlite::Result<()> {
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
            id,
            rev,
            manifest.paper,
            manifest.date,
            manifest.note,
            manifest.archived_at,
            pages,
            sum
        ],
    )?;
    let mut insert = tx.prepare(
        "INSERT INTO passages (text, original, edition, revision, page, place)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for p in passages {
        let normalised = nfkc(&p.text);
        // The original only where it differs: most text is in NFKC already.
        let original = (normalised != p.text).then_some(&p.text);
        insert.execute(params![normalised, original, id, rev, p.page, p.place()])?;
    }
    Ok(())
}

fn schema_ok(conn: &Connection) -> bool {
    conn.query_row("SELECT value FROM meta WHERE key = 'schema'", [], |r| {
        r.get::<_, i64>(0)
    })
    .is_ok_and(|v| v == SCHEMA)
}

fn create_schema(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(&format!(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value);
         INSERT INTO meta VALUES ('schema', {SCHEMA});
         CREATE TABLE revisions (
             edition TEXT NOT NULL, revision INTEGER NOT NULL,
             paper TEXT NOT NULL, date TEXT NOT NULL, note TEXT,
             archived_at TEXT NOT NULL, pages TEXT NOT NULL, manifest TEXT NOT NULL,
             PRIMARY KEY (edition, revision));
         CREATE VIRTUAL TABLE passages USING fts5(
             text, original UNINDEXED, edition UNINDEXED, revision UNINDEXED, page UNINDEXED, place UNINDEXED,
             tokenize = 'trigram');"
    ))
}

/// The text around the first occurrence of `word` (in NFKC) in `text`,
/// marked 【】, at most about 20 characters either side: the original
/// characters, as printed, cut only between segments that normalise apart.
pub fn snippet(text: &str, word: &str) -> String {
    const CONTEXT: usize = 20;
    let chars: Vec<char> = text.chars().collect();
    let normalised = Normalised::new(text);
    let hay = &normalised.chars;
    let needle: Vec<char> = word.chars().collect();
    let lower = |c: &char| c.to_lowercase().next().unwrap_or(*c);
    let at = (0..hay.len().saturating_sub(needle.len()) + 1).find(|&i| {
        !needle.is_empty()
            && hay.len() >= i + needle.len()
            && hay[i..i + needle.len()]
                .iter()
                .map(lower)
                .eq(needle.iter().map(lower))
    });
    // `i` moved back or on to a boundary between segments: the context
    // never cuts one (`e` from its U+0301, a jamo from its syllable).
    let back = |mut i: usize| {
        while i > 0 && i < chars.len() && !starts_segment(chars[i]) {
            i -= 1;
        }
        i
    };
    let forth = |mut i: usize| {
        while i < chars.len() && !starts_segment(chars[i]) {
            i += 1;
        }
        i.min(chars.len())
    };
    let Some(at) = at else {
        return chars[..forth(2 * CONTEXT)].iter().collect();
    };
    let word = normalised.original(at..at + needle.len());
    let start = back(word.start.saturating_sub(CONTEXT));
    let end = forth(word.end + CONTEXT);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..word.start]);
    out.push('【');
    out.extend(&chars[word.clone()]);
    out.push('】');
    out.extend(&chars[word.end..end]);
    if end < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_mark_the_word() {
        assert_eq!(
            snippet("通山幕阜山生态旅游公路", "幕阜山"),
            "通山【幕阜山】生态旅游公路"
        );
        let long = "一".repeat(30) + "扶贫" + &"二".repeat(30);
        let s = snippet(&long, "扶贫");
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert_eq!(s.chars().count(), 2 + 20 + 4 + 20);
    }

    #[test]
    fn snippets_show_the_original_characters_of_a_normalised_match() {
        assert_eq!(snippet("新\u{F92C}官上任", "郎官"), "新【\u{F92C}官】上任");
        assert_eq!(
            snippet("咖啡馆Cafe\u{301} Ame\u{301}lie", "amélie"),
            "咖啡馆Cafe\u{301} 【Ame\u{301}lie】"
        );
        // The context is cut between segments, not inside 한 (three jamo).
        let han = "\u{1112}\u{1161}\u{11AB}";
        let long = [han, &"一".repeat(19), "扶贫", &"一".repeat(19), han].concat();
        assert_eq!(snippet(&long, "扶贫"), long.replace("扶贫", "【扶贫】"));
    }
}
