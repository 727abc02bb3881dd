//! The archive's search at a newspaper group's scale (issue 17): builds the
//! search index of N synthetic pages and times searches of one to four
//! characters and of two words. Not run by CI; run it by hand:
//!
//! ```sh
//! cargo run --release --example search_bench -- 100000
//! ```
//!
//! (or `BANMIAN_BENCH_PAGES=100000`; 2,000 pages by default). The pages
//! are the seed article's own text (`content/xianning-2021`, read through
//! the edition loader and cut into passages as `archive` cuts them),
//! broken into sentences and dealt out again at random into pages of
//! 4,000 to 6,000 characters, eight pages to an edition; one page in a
//! thousand also carries a byline the seed does not have (记者 鸿渐), for
//! a rare term. The index is built through `Index::add`, the code a refresh
//! adds revisions with, then optimised as `reindex` does.
//!
//! For comparison the same pages go into an index as schema 2 had it (one
//! FTS5 `trigram` table of the passages; terms under three characters
//! matched by `LIKE`, a scan), searched as that version searched. Its page
//! count is `BANMIAN_BENCH_OLD_PAGES` (by default N; 0 leaves it out).
//! Prints each index's size and build time, then for each search the pages
//! found and the median of five runs (`BANMIAN_BENCH_SEARCH="幕阜山 易地扶贫搬迁"`:
//! that search only, to profile it). The figures are in BENCHMARKS.md.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use banmian::archive::index::{Index, NewRevision, snippet};
use banmian::archive::manifest::{FORMAT, Manifest, PageEntry};
use banmian::archive::normalise::nfkc;
use banmian::archive::passages::{Passage, passages};
use banmian::content::load_edition;
use rusqlite::{Connection, params};

/// Pages to an edition (one revision each).
const PAGES: u32 = 8;
/// Timed runs of each search; the median is printed.
const RUNS: usize = 5;
/// The searches: one to four characters, a rare term, two words.
const SEARCHES: &[&[&str]] = &[
    &["贫"],
    &["扶贫"],
    &["咸宁"],
    &["脱贫攻"],
    &["脱贫攻坚"],
    &["咸宁市委"],
    &["鸿"],
    &["鸿渐"],
    &["幕阜山", "易地扶贫搬迁"],
    &["扶贫", "咸宁"],
];

/// A small, seeded random number generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The seed article's text: its headings (headlines, 小标题) and its
/// sentences.
struct Seed {
    heads: Vec<String>,
    sentences: Vec<String>,
}

impl Seed {
    fn load(root: &Path) -> Self {
        let (edition, _) = load_edition(&root.join("content/xianning-2021"), &root.join("layouts"))
            .expect("the seed edition loads");
        let mut seed = Seed {
            heads: Vec::new(),
            sentences: Vec::new(),
        };
        for p in passages(&edition) {
            if matches!(p.part.as_str(), "主题" | "副题" | "引题" | "小标题") {
                seed.heads.push(p.text);
                continue;
            }
            let mut sentence = String::new();
            for c in p.text.chars() {
                sentence.push(c);
                if "。！？；!?;".contains(c) {
                    seed.sentences.push(std::mem::take(&mut sentence));
                }
            }
            if !sentence.trim().is_empty() {
                seed.sentences.push(sentence);
            }
        }
        seed
    }

    /// Edition `n`: its manifest and passages, the same for the same `n`.
    fn edition(&self, n: u64) -> (String, Manifest, Vec<Passage>) {
        let mut rng = Rng(n);
        let id = format!("bench-{n:06}");
        let date = format!(
            "{:04}-{:02}-{:02}",
            1996 + n / 336 % 30,
            1 + n / 28 % 12,
            1 + n % 28
        );
        let mut out = Vec::new();
        for page in 1..=PAGES {
            let section = "要闻".to_string();
            let passage = |part: &str, text: String| Passage {
                page,
                section: section.clone(),
                part: part.to_string(),
                head: None,
                text,
            };
            let target = 4000 + rng.below(2001);
            let mut chars = 0;
            while chars < target {
                let head = self.heads[rng.below(self.heads.len())].clone();
                chars += head.chars().count();
                out.push(passage("主题", head));
                for _ in 0..2 + rng.below(6) {
                    let text: String = (0..1 + rng.below(4))
                        .map(|_| self.sentences[rng.below(self.sentences.len())].as_str())
                        .collect();
                    chars += text.chars().count();
                    out.push(passage("正文", text));
                }
            }
            if (n * u64::from(PAGES) + u64::from(page)) % 1000 == 7 {
                out.push(passage("署名", "记者 鸿渐".to_string()));
            }
        }
        let manifest = Manifest {
            format: FORMAT,
            edition: id.clone(),
            paper: "咸宁日报".into(),
            date,
            issue: None,
            revision: 1,
            note: None,
            archived_at: "2026-12-03T00:00:00Z".into(),
            banmian: "bench".into(),
            typst: "0.15.1".into(),
            pdf_standard: "PDF/A-3b".into(),
            punct_fix: true,
            print_config: false,
            pages: (1..=PAGES)
                .map(|number| PageEntry {
                    number,
                    section: "要闻".into(),
                    layout: "news".into(),
                    pdf: format!("pages/{id}-{number:02}.pdf"),
                    print: format!("print/{id}-{number:02}.pdf"),
                })
                .collect(),
            edition_print: None,
            files: Vec::new(),
            fonts: Vec::new(),
            pictures: Vec::new(),
        };
        (id, manifest, out)
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn secs(d: Duration) -> String {
    if d.as_secs_f64() < 1.0 {
        format!("{:.1} ms", d.as_secs_f64() * 1000.0)
    } else {
        format!("{:.2} s", d.as_secs_f64())
    }
}

/// The size of an index file.
fn size(path: &Path, pages: u64) -> String {
    let bytes = std::fs::metadata(path).unwrap().len();
    format!(
        "{bytes} bytes, {:.0} bytes a page",
        bytes as f64 / pages as f64
    )
}

/// Times `search` and prints the pages it finds and the median time.
fn time(scheme: &str, words: &[&str], mut search: impl FnMut() -> usize) {
    let found = search();
    let runs = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            search();
            start.elapsed()
        })
        .collect();
    println!(
        "{scheme}  search {:<24} {found:>8} page(s)  median {}",
        words.join(" "),
        secs(median(runs))
    );
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let arg = std::env::args().nth(1).filter(|a| a != "--bench");
    let number = |v: Option<String>, default: u64| {
        v.map_or(default, |v| v.parse().expect("a number of pages"))
    };
    let pages = number(arg.or(std::env::var("BANMIAN_BENCH_PAGES").ok()), 2000);
    let old_pages = number(std::env::var("BANMIAN_BENCH_OLD_PAGES").ok(), pages);
    let editions = pages.div_ceil(u64::from(PAGES));
    let seed = Seed::load(root);
    let tmp = tempfile::tempdir().unwrap();
    let (chars, passages) =
        (0..editions.min(100))
            .map(|n| seed.edition(n).2)
            .fold((0, 0), |(c, p), e| {
                (
                    c + e.iter().map(|p| p.text.chars().count()).sum::<usize>(),
                    p + e.len(),
                )
            });
    let sample = editions.min(100) * u64::from(PAGES);
    println!(
        "{} pages ({editions} editions of {PAGES}), from {} seed sentences; \
         {} characters and {} passages a page",
        editions * u64::from(PAGES),
        seed.sentences.len(),
        chars as u64 / sample,
        passages as u64 / sample,
    );

    // The index as banmian builds it.
    let path = tmp.path().join("index.sqlite");
    let start = Instant::now();
    let mut index = Index::create(&path).unwrap();
    for batch in (0..editions).collect::<Vec<_>>().chunks(500) {
        let made: Vec<_> = batch.iter().map(|&n| seed.edition(n)).collect();
        index
            .add(made.iter().map(|(id, manifest, passages)| NewRevision {
                edition: id,
                revision: 1,
                sum: "bench",
                manifest,
                passages,
            }))
            .unwrap();
    }
    index.optimise().unwrap();
    let built = start.elapsed();
    println!(
        "n-grams  index: {}; built in {}",
        size(&path, editions * u64::from(PAGES)),
        secs(built)
    );
    breakdown(&path, editions * u64::from(PAGES));
    // `BANMIAN_BENCH_SEARCH="幕阜山 易地扶贫搬迁"`: that search only (to
    // profile it).
    let only = std::env::var("BANMIAN_BENCH_SEARCH").ok();
    let only: Option<Vec<&str>> = only.as_deref().map(|o| o.split(' ').collect());
    let searches: Vec<&[&str]> = match &only {
        Some(words) => vec![&words[..]],
        None => SEARCHES.to_vec(),
    };
    for words in &searches {
        let owned: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        time("n-grams ", words, || index.search(&owned).unwrap().len());
    }
    drop(index);
    std::fs::remove_file(&path).unwrap();

    if old_pages > 0 {
        let old_editions = old_pages.div_ceil(u64::from(PAGES));
        let path = tmp.path().join("old.sqlite");
        let start = Instant::now();
        let conn = old_index(&path, &seed, old_editions);
        println!(
            "trigram  index: {}; built in {}",
            size(&path, old_editions * u64::from(PAGES)),
            secs(start.elapsed())
        );
        for words in &searches {
            time("trigram ", words, || old_search(&conn, words));
        }
    }
}

/// An index of the first `editions` editions as schema 2 built it.
fn old_index(path: &Path, seed: &Seed, editions: u64) -> Connection {
    let mut conn = Connection::open(path).unwrap();
    conn.execute_batch(
        "CREATE TABLE revisions (
             edition TEXT NOT NULL, revision INTEGER NOT NULL,
             paper TEXT NOT NULL, date TEXT NOT NULL,
             PRIMARY KEY (edition, revision));
         CREATE VIRTUAL TABLE passages USING fts5(
             text, original UNINDEXED, edition UNINDEXED, revision UNINDEXED, page UNINDEXED,
             place UNINDEXED, tokenize = 'trigram');",
    )
    .unwrap();
    let tx = conn.transaction().unwrap();
    for n in 0..editions {
        let (id, manifest, passages) = seed.edition(n);
        tx.execute(
            "INSERT INTO revisions VALUES (?1, 1, ?2, ?3)",
            params![id, manifest.paper, manifest.date],
        )
        .unwrap();
        let mut insert = tx
            .prepare_cached("INSERT INTO passages VALUES (?1, ?2, ?3, 1, ?4, ?5)")
            .unwrap();
        for p in passages {
            let normalised = nfkc(&p.text);
            let original = (normalised != p.text).then_some(&p.text);
            insert
                .execute(params![normalised, original, id, p.page, p.place()])
                .unwrap();
        }
    }
    tx.commit().unwrap();
    conn.execute("INSERT INTO passages (passages) VALUES ('optimize')", [])
        .unwrap();
    conn
}

/// What schema 2's search did: each word's passages by `MATCH` (three
/// characters or more) or `LIKE`, one a page, the pages of every word, and
/// each page's date and snippet. The number of pages.
fn old_search(conn: &Connection, words: &[&str]) -> usize {
    let mut found: Option<BTreeMap<(String, u32), String>> = None;
    for word in words {
        let (sql, arg) = if word.chars().count() >= 3 {
            (
                "SELECT edition, page, COALESCE(original, text) FROM passages
                 WHERE passages MATCH ?1 ORDER BY rowid",
                format!("\"{word}\""),
            )
        } else {
            (
                "SELECT edition, page, COALESCE(original, text) FROM passages
                 WHERE text LIKE ?1 ESCAPE '\\' ORDER BY rowid",
                format!("%{word}%"),
            )
        };
        let mut stmt = conn.prepare_cached(sql).unwrap();
        let mut hits = BTreeMap::new();
        let rows = stmt
            .query_map([arg], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))
            .unwrap();
        for row in rows {
            let (key, text) = row.unwrap();
            hits.entry(key).or_insert(text);
        }
        found = Some(match found {
            None => hits,
            Some(mut prev) => {
                prev.retain(|k, _| hits.contains_key(k));
                prev
            }
        });
    }
    let found = found.unwrap_or_default();
    let mut meta = conn
        .prepare_cached("SELECT date, paper FROM revisions WHERE edition = ?1 AND revision = 1")
        .unwrap();
    for ((edition, _), text) in &found {
        let _: (String, String) = meta
            .query_row([edition], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap();
        std::hint::black_box(snippet(text, words[0]));
    }
    found.len()
}

/// The bytes a page of each table and index of the file at `path`.
fn breakdown(path: &Path, pages: u64) {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT name, SUM(pgsize), SUM(unused) FROM dbstat GROUP BY name ORDER BY 2 DESC")
        .unwrap();
    let parts: Vec<String> = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })
        .unwrap()
        .map(|r| {
            let (name, bytes, unused) = r.unwrap();
            let a_page = |n: i64| n as f64 / pages as f64;
            format!("{name} {:.0} ({:.0} unused)", a_page(bytes), a_page(unused))
        })
        .filter(|s| !s.contains(" 0 ("))
        .collect();
    println!("         bytes a page: {}", parts.join(", "));
}
