//! The words the search index keeps. Chinese is written without spaces, so
//! a page's text is cut into overlapping pairs and triples of characters
//! (bigrams and trigrams), which FTS5 then stores as words: every one-,
//! two- or longer term is found through the index, and the pages it finds
//! are confirmed against their text (see [`super::index`]).
//!
//! Text is compared in NFKC ([`super::normalise`]) and folded to lower
//! case, one character for one. The text is cut into runs of letters and
//! digits of any script (Han, kana, Hangul, Latin, digits); spaces,
//! punctuation and symbols separate the runs. Each character of a run
//! gives the bigram it begins (itself alone at the end of the run) and the
//! trigram it begins, if any. So 脱贫攻坚 gives `脱贫 脱贫攻 贫攻 贫攻坚
//! 攻坚 坚`, and `5G网` gives `5g 5g网 g网 网`.
//!
//! A term of one character is found where a token begins with it (an FTS5
//! prefix query); of two, where its bigram is; of three or more, where all
//! its trigrams are. That finds every page holding the term and perhaps a
//! few more (the trigrams of 咸宁市委会 in 咸宁市委、市委会 apart), which
//! the caller drops with [`Term::found_in`].

use std::cell::RefCell;

use super::normalise::nfkc_mapped;

/// `c` as search compares it: in lower case, one character for one (the
/// first of its lower case, as `İ` → `i`).
pub fn fold(c: char) -> char {
    match c {
        '\0'..='\x7f' => c.to_ascii_lowercase(),
        // CJK punctuation, kana, Hangul jamo, the ideographs: no case
        // (looked up quickly, as search folds every character it reads).
        '\u{3000}'..='\u{9FFF}' => c,
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Whether the folded character `c` belongs to a run (a letter or a digit
/// of any script); anything else separates runs. Every such character the
/// FTS5 `ascii` tokenizer keeps in a token (it splits only at ASCII
/// characters that are not letters or digits).
fn in_run(c: char) -> bool {
    c.is_alphanumeric()
}

/// The runs of letters and digits of `text`, in NFKC and folded.
fn runs(text: &str) -> Vec<Vec<char>> {
    let mut normalised = String::new();
    nfkc_mapped(text, fold, &mut normalised);
    let folded: Vec<char> = normalised.chars().collect();
    folded
        .split(|&c| !in_run(c))
        .filter(|run| !run.is_empty())
        .map(<[char]>::to_vec)
        .collect()
}

/// The tokens of `text` (in NFKC: normalised first) that the index keeps,
/// separated by spaces: for each character of each run, the bigram it
/// begins (the character alone at the end of the run) and the trigram it
/// begins, if any.
pub fn tokens(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for run in runs(text) {
        for i in 0..run.len() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(&run[i..(i + 2).min(run.len())]);
            if i + 3 <= run.len() {
                out.push(' ');
                out.extend(&run[i..i + 3]);
            }
        }
    }
    out
}

/// A searched term: the index query that finds it, and the test that
/// confirms it in a passage's text.
#[derive(Debug, Clone)]
pub struct Term {
    /// The term, in NFKC and folded.
    folded: String,
    /// The FTS5 query, if the term has letters or digits.
    query: Option<String>,
    /// Whether the pages the query finds all hold the term.
    exact: bool,
    /// The text being confirmed, in NFKC and folded (kept, to be reused).
    text: RefCell<String>,
}

impl Term {
    /// The term `word` (in NFKC: normalised first).
    pub fn new(word: &str) -> Self {
        let mut parts: Vec<String> = Vec::new();
        for run in runs(word) {
            let quoted = |s: &[char]| format!("\"{}\"", s.iter().collect::<String>());
            let found = if run.len() == 1 {
                vec![format!("{}*", quoted(&run))]
            } else if run.len() == 2 {
                vec![quoted(&run)]
            } else {
                // Its bigrams would be there too: the trigrams say more.
                run.windows(3).map(quoted).collect()
            };
            for part in found {
                if !parts.contains(&part) {
                    parts.push(part);
                }
            }
        }
        let mut folded = String::new();
        nfkc_mapped(word, fold, &mut folded);
        let exact = (1..=3).contains(&folded.chars().count()) && folded.chars().all(in_run);
        Self {
            folded,
            query: (!parts.is_empty()).then(|| parts.join(" ")),
            exact,
            text: RefCell::new(String::new()),
        }
    }

    /// The FTS5 query (its parts implicitly joined by AND) that finds every
    /// page holding the term, and perhaps a few more; none when the term
    /// has no letter or digit (only punctuation, say), and every page must
    /// be read.
    pub fn query(&self) -> Option<&str> {
        self.query.as_deref()
    }

    /// Whether every page the query finds holds the term: a term of one to
    /// three letters or digits, found as the one token it is or begins
    /// (a longer term is found where all its trigrams are, perhaps apart;
    /// one with a space or a mark, where each of its runs is).
    pub fn exact(&self) -> bool {
        self.exact
    }

    /// Whether `text` holds the term, both in NFKC (`text` as printed:
    /// normalised here).
    pub fn found_in(&self, text: &str) -> bool {
        let mut normalised = self.text.borrow_mut();
        nfkc_mapped(text, fold, &mut normalised);
        !self.folded.is_empty() && normalised.contains(&self.folded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_is_cut_into_overlapping_bigrams_and_trigrams() {
        assert_eq!(tokens("脱贫攻坚"), "脱贫 脱贫攻 贫攻 贫攻坚 攻坚 坚");
        assert_eq!(tokens("扶贫"), "扶贫 贫");
        assert_eq!(tokens("贫"), "贫");
        assert_eq!(tokens(""), "");
        // Punctuation and spaces end a run: nothing reaches across them.
        assert_eq!(tokens("咸宁，扶贫。"), "咸宁 宁 扶贫 贫");
        assert_eq!(tokens("咸宁 市委"), "咸宁 宁 市委 委");
        // Kana and Hangul are cut like Han.
        assert_eq!(tokens("かな한글"), "かな かな한 な한 な한글 한글 글");
    }

    #[test]
    fn latin_and_digits_are_folded_and_cut_with_the_han_around_them() {
        assert_eq!(tokens("5G网"), "5g 5g网 g网 网");
        assert_eq!(tokens("GDP 20年"), "gd gdp dp p 20 20年 0年 年");
        assert_eq!(tokens("Café"), "ca caf af afé fé é");
    }

    #[test]
    fn terms_become_queries_of_their_grams() {
        assert_eq!(Term::new("扶贫").query(), Some("\"扶贫\""));
        assert_eq!(Term::new("脱贫攻").query(), Some("\"脱贫攻\""));
        assert_eq!(Term::new("咸宁市委").query(), Some("\"咸宁市\" \"宁市委\""));
        // One character: a token that begins with it.
        assert_eq!(Term::new("贫").query(), Some("\"贫\"*"));
        assert_eq!(Term::new("GDP").query(), Some("\"gdp\""));
        // Each run of the term on its own; repeated grams asked once.
        assert_eq!(Term::new("扶贫 a").query(), Some("\"扶贫\" \"a\"*"));
        assert_eq!(Term::new("哈哈哈哈").query(), Some("\"哈哈哈\""));
        // Nothing to look up: every page is read.
        assert_eq!(Term::new("，").query(), None);
    }

    #[test]
    fn every_term_a_text_holds_is_found_by_its_query() {
        let text = "咸宁市委、市政府：5G网络覆盖Café，易地扶贫搬迁。";
        let all = tokens(text);
        let tokens: Vec<&str> = all.split(' ').collect();
        let chars: Vec<char> = text.chars().collect();
        for start in 0..chars.len() {
            for end in start + 1..=chars.len() {
                let word: String = chars[start..end].iter().collect();
                let term = Term::new(&word);
                assert!(term.found_in(text), "{word}");
                let Some(query) = term.query() else { continue };
                for part in query.split(' ') {
                    let found = match part.strip_suffix('*') {
                        Some(prefix) => {
                            let prefix = prefix.trim_matches('"');
                            tokens.iter().any(|t| t.starts_with(prefix))
                        }
                        None => tokens.contains(&part.trim_matches('"')),
                    };
                    assert!(found, "{word}: {part} not in {tokens:?}");
                }
            }
        }
    }

    #[test]
    fn fold_is_lower_case_one_character_for_one() {
        assert_eq!("CaféÉİ".chars().map(fold).collect::<String>(), "cafééi");
        for c in ('\u{3000}'..='\u{9FFF}').chain('\0'..='\x7f') {
            assert_eq!(
                fold(c),
                c.to_lowercase().next().unwrap(),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn terms_of_up_to_three_letters_are_found_exactly_by_the_index() {
        for word in ["贫", "扶贫", "脱贫攻", "5G", "GDP"] {
            assert!(Term::new(word).exact(), "{word}");
        }
        for word in ["脱贫攻坚", "扶贫,", "扶 贫", "，"] {
            assert!(!Term::new(word).exact(), "{word}");
        }
    }

    #[test]
    fn found_in_confirms_the_whole_term_folded() {
        let term = Term::new("咸宁市委会");
        assert!(term.found_in("中共咸宁市委会议"));
        // Its trigrams, but apart: the index finds it, the text does not.
        assert!(!term.found_in("咸宁市委、市委会"));
        assert!(Term::new("café").found_in("咖啡馆Café"));
        assert!(!Term::new("cafe").found_in("咖啡馆Café"));
        assert!(!Term::new("").found_in("咸宁"));
    }

    #[test]
    fn compatibility_forms_are_found_once_normalised() {
        // U+F92C 郎, full-width Ｇ and ，, a decomposed é, as printed; 郎, G,
        // a comma and é as typed.
        let printed = "新\u{F92C}官５Ｇ，e\u{301}";
        assert_eq!(tokens(printed), "新郎 新郎官 郎官 郎官5 官5 官5g 5g g é");
        let term = Term::new("郎官");
        assert!(term.found_in(printed));
        assert_eq!(term.query(), Some("\"郎官\""));
        assert!(Term::new("5g,é").found_in(printed));
        // The typed word is normalised too.
        assert!(Term::new("\u{F92C}官").found_in("新郎官"));
    }
}
