//! Property tests (issue 7): the content loader and the punctuation
//! corrector on arbitrary input. `cargo test` runs a modest number of cases;
//! a long session is `PROPTEST_CASES=200000 cargo test --test testsuite -- properties::`.
//! Failures found by long sessions are kept below as named tests.

use std::path::PathBuf;

use banmian::content::{correct_punctuation, load_edition};
use banmian::data::PageData;
use banmian::han::fix_punctuation;
use proptest::prelude::*;
use proptest::test_runner::Config;

/// Cases per property: `PROPTEST_CASES`, or few enough for a quick `cargo test`.
fn config(default_cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default_cases);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// An edition folder whose article the properties overwrite.
struct Scratch {
    _dir: tempfile::TempDir,
    ed: PathBuf,
    layouts: PathBuf,
}

impl Scratch {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let ed = crate::support::copy_edition(&crate::support::seed(), dir.path(), "ed");
        Self {
            _dir: dir,
            ed,
            layouts: crate::support::root().join("layouts"),
        }
    }

    /// Loads the edition with `article` as its feature.md: Ok or Err, and an
    /// error names a file of the edition. A loaded edition goes on through
    /// punctuation correction and the page data.
    fn load(&self, article: &[u8]) -> Result<(), TestCaseError> {
        std::fs::write(self.ed.join("feature.md"), article).unwrap();
        match load_edition(&self.ed, &self.layouts) {
            Ok((mut edition, _)) => {
                for page in &mut edition.pages {
                    for article in &mut page.articles {
                        correct_punctuation(article);
                    }
                }
                for page in &edition.pages {
                    let data = PageData::new(&edition, page, Default::default());
                    serde_json::to_vec(&data).unwrap();
                }
            }
            Err(e) => {
                let msg = e.to_string();
                prop_assert!(
                    msg.contains(self.ed.to_str().unwrap()),
                    "the message names the file: {msg}"
                );
            }
        }
        Ok(())
    }
}

thread_local! {
    /// One scratch edition per test thread, reused by every case.
    static SCRATCH: Scratch = Scratch::new();
}

/// [`Scratch::load`] in this thread's scratch edition.
fn load(article: &[u8]) -> Result<(), TestCaseError> {
    SCRATCH.with(|s| s.load(article))
}

fn seed_article() -> Vec<u8> {
    static SEED: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    SEED.get_or_init(|| std::fs::read(crate::support::seed().join("feature.md")).unwrap())
        .clone()
}

/// Characters that mean something to the loader, TOML or the corrector.
const SPICY: &str =
    "+\n\r\t #*\"'=[]{},.:;?!()\\$@<>_`\u{0}\u{7}\u{FEFF}\u{3000}中文，“”…—é\u{301}😀\u{202E}";

fn spicy_string(max: usize) -> impl Strategy<Value = String> {
    let chars: Vec<char> = SPICY.chars().collect();
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(chars),
            1 => any::<char>(),
        ],
        0..max,
    )
    .prop_map(|v| v.into_iter().collect())
}

/// One edit of the seed article: cut, insert or duplicate a range of bytes.
#[derive(Debug, Clone)]
enum Mutation {
    Cut(usize, usize),
    Insert(usize, Vec<u8>),
    Duplicate(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0usize..200).prop_map(|(a, n)| Mutation::Cut(a, n)),
        (any::<usize>(), spicy_string(40)).prop_map(|(a, s)| Mutation::Insert(a, s.into_bytes())),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 0..16))
            .prop_map(|(a, b)| Mutation::Insert(a, b)),
        (any::<usize>(), 0usize..400).prop_map(|(a, n)| Mutation::Duplicate(a, n)),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::Cut(at, n) => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    bytes.drain(at..end);
                }
            }
            Mutation::Insert(at, new) => {
                let at = (at % len).min(bytes.len());
                bytes.splice(at..at, new.iter().copied());
            }
            Mutation::Duplicate(at, n) => {
                let at = (at % len).min(bytes.len());
                let end = (at + n).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn loader_survives_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        load(&bytes)?;
    }

    #[test]
    fn loader_survives_mangled_seed_articles(mutations in prop::collection::vec(mutation(), 1..6)) {
        load(&mutate(seed_article(), &mutations))?;
    }

    #[test]
    fn loader_survives_arbitrary_front_matter_and_body(
        front in spicy_string(120),
        body in spicy_string(300),
    ) {
        let article = format!("+++\nheadline = \"题\"\n{front}\n+++\n{body}");
        load(article.as_bytes())?;
    }

    #[test]
    fn loader_survives_arbitrary_body(body in spicy_string(600)) {
        let article = format!("+++\nheadline = \"题\"\n+++\n{body}");
        load(article.as_bytes())?;
    }
}

/// The marks the corrector may change, and what it may change them into.
fn allowed(from: char, to: char) -> bool {
    matches!(
        (from, to),
        (',', '，')
            | (';', '；')
            | (':', '：')
            | ('?', '？')
            | ('!', '！')
            | ('(', '（')
            | (')', '）')
            | ('"', '“' | '”')
            | ('\'', '‘' | '’')
    )
}

/// Text of the kind the corrector sees: Chinese, marks, Latin, digits, blanks.
fn copy_text() -> impl Strategy<Value = String> {
    let chars: Vec<char> = "中文字，。、“”‘’…—,;:?!()\"'.%aZ09 \u{3000}\n-/"
        .chars()
        .collect();
    prop::collection::vec(
        prop_oneof![
            6 => prop::sample::select(chars),
            1 => any::<char>(),
        ],
        0..80,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn corrector_changes_only_the_documented_marks(text in copy_text()) {
        let (fixed, fixes) = fix_punctuation(&text);
        prop_assert_eq!(fixed.chars().count(), text.chars().count());
        let mut reported = fixes.iter().map(|f| f.index).peekable();
        for (i, (a, b)) in text.chars().zip(fixed.chars()).enumerate() {
            if a != b {
                prop_assert!(allowed(a, b), "{:?} became {:?}", a, b);
                prop_assert_eq!(reported.next(), Some(i), "every change is reported");
            }
        }
        prop_assert!(reported.peek().is_none(), "no change reported that did not happen");
    }

    #[test]
    fn corrector_leaves_ascii_alone(text in "[ -~\n\t]{0,120}") {
        prop_assert_eq!(fix_punctuation(&text).0, text);
    }

    #[test]
    fn corrector_leaves_text_without_marks_alone(text in "[中文字。、 a0]{0,60}") {
        prop_assert_eq!(fix_punctuation(&text).0, text);
    }
}

proptest! {
    #![proptest_config(config(512))]

    /// Correcting corrected text changes nothing. It does not hold yet:
    /// see `corrector_is_idempotent_*` below and the report on issue 7.
    #[test]
    fn corrector_is_idempotent(text in copy_text()) {
        let once = fix_punctuation(&text).0;
        prop_assert_eq!(fix_punctuation(&once).0, once);
    }
}

fn twice(text: &str) -> (String, String) {
    let once = fix_punctuation(text).0;
    let again = fix_punctuation(&once).0;
    (once, again)
}

/// Found by `corrector_is_idempotent`: the corrector used to decide from the
/// marks as written, so a mark next to one it had just set full-width was
/// left half-width, and a second pass changed it. Kept as a regression test.
#[test]
fn corrector_is_idempotent_on_two_commas() {
    let (once, again) = twice(",,中");
    assert_eq!(once, "，，中");
    assert_eq!(again, once, "a second pass changes nothing");
}

/// The same for quotes: an opening quote beside a quote it has just curled.
#[test]
fn corrector_is_idempotent_on_two_quotes() {
    let (once, again) = twice("\"\"中");
    assert_eq!(once, "“”中");
    assert_eq!(again, once, "a second pass changes nothing");
}
