//! Copy checks a subeditor makes before a page goes out, on the body as
//! the reporter wrote it: slips of the input method (a doubled mark,
//! "床，，但"), lines that look like markup the content format does not
//! have (`### `, `- `, `> `, `1. `: printed as written), and a paragraph
//! whose 《》, （）, 【】 or “” do not pair up. Each is a warning with the
//! file, line and column; the text is never changed.

use std::path::Path;

use super::display::Text;
use crate::diag::{Location, Warning};

/// Endings of a photo credit that already says who took or supplied the
/// picture; the caption then adds no 摄 (the same list as
/// `credit-suffixes` in layouts/style.typ).
pub const CREDIT_SUFFIXES: &[&str] = &["摄", "摄影", "供图", "提供", "图", "发"];

/// The note for a photo `credit` that already says who took or supplied
/// the picture: it is printed as written.
pub fn check_credit(file: &Path, credit: &Text) -> Option<Warning> {
    let value = credit.value.trim_end();
    let ending = CREDIT_SUFFIXES.iter().find(|s| value.ends_with(*s))?;
    Some(Warning {
        location: Location::at(file, credit.line, 1).with_field(credit.field.clone()),
        message: t!("content-credit-suffix", value = value, ending = *ending),
    })
}

/// Marks that never stand twice in a row, nor one after another (……
/// and —— are single marks written as two characters, and ？！ is a
/// choice, so neither is here).
const PAUSES: &[char] = &['，', '。', '、', '；', '：', ','];

/// Pairs that open and close within a paragraph. Half-width brackets close
/// full-width ones and the other way round (a slip the check should not
/// report twice).
const PAIRS: &[(&[char], &[char], &str)] = &[
    (&['《'], &['》'], "《》"),
    (&['（', '('], &['）', ')'], "（）"),
    (&['【'], &['】'], "【】"),
];

/// The warnings for a body `src` that starts at line `first_line` of
/// `file`.
pub fn check_copy(file: &Path, src: &str, first_line: usize) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut paragraph: Option<(usize, String)> = None;
    for (i, line) in src.split('\n').enumerate() {
        let number = first_line + i;
        let at = |column: usize| Location::at(file, number, column).with_field("body");
        if let Some(what) = markup(line) {
            out.push(Warning {
                location: at(1),
                message: t!("content-copy-markup", what = what),
            });
        }
        out.extend(doubled(line).into_iter().map(|(column, pair)| Warning {
            location: at(column),
            message: t!("content-copy-doubled", pair = pair),
        }));
        if line.trim().is_empty() || line.starts_with("## ") {
            out.extend(paragraph.take().and_then(|(n, p)| unpaired(file, n, &p)));
        } else {
            paragraph
                .get_or_insert_with(|| (number, String::new()))
                .1
                .push_str(line);
        }
    }
    out.extend(paragraph.and_then(|(n, p)| unpaired(file, n, &p)));
    out
}

/// What markup `line` begins like, if any.
fn markup(line: &str) -> Option<String> {
    let t = line.trim_start_matches([' ', '\u{3000}']);
    if t.starts_with("###") || t.starts_with("# ") {
        Some(t!("content-markup-head"))
    } else if ["- ", "* ", "+ "].iter().any(|p| t.starts_with(p)) {
        Some(t!("content-markup-list"))
    } else if t.starts_with("> ") || t.starts_with("＞ ") {
        Some(t!("content-markup-quotation"))
    } else {
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        (digits > 0 && t[digits..].starts_with(". ")).then(|| t!("content-markup-numbered"))
    }
}

/// Each place in `line` where two pause marks stand together: the
/// 1-based column of the second and the two marks.
fn doubled(line: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = line.chars().collect();
    (1..chars.len())
        .filter(|&i| PAUSES.contains(&chars[i - 1]) && PAUSES.contains(&chars[i]))
        .map(|i| (i + 1, format!("{}{}", chars[i - 1], chars[i])))
        .collect()
}

/// The warning for a paragraph (starting at line `line`) whose brackets
/// or quotes do not pair up. “” may stay open at a paragraph's end (a
/// quotation of several paragraphs reopens at each), never close more
/// than opened.
fn unpaired(file: &Path, line: usize, text: &str) -> Option<Warning> {
    let count = |set: &[char]| text.chars().filter(|c| set.contains(c)).count();
    let mut wrong: Vec<String> = PAIRS
        .iter()
        .filter_map(|(open, close, name)| {
            let (o, c) = (count(open), count(close));
            (o != c).then(|| unpaired_count(name, o, c))
        })
        .collect();
    let (o, c) = (count(&['“']), count(&['”']));
    if c > o {
        wrong.push(unpaired_count("“”", o, c));
    }
    (!wrong.is_empty()).then(|| Warning {
        location: Location::at(file, line, 1).with_field("body"),
        message: t!(
            "content-copy-unpaired",
            list = wrong.join(&t!("content-copy-unpaired-sep"))
        ),
    })
}

/// How many of the pair `pair` a paragraph opens and closes.
fn unpaired_count(pair: &str, open: usize, close: usize) -> String {
    t!(
        "content-copy-unpaired-count",
        pair = pair,
        open = open,
        close = close
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(src: &str) -> Vec<String> {
        check_copy(Path::new("a.md"), src, 5)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn slips_are_found_with_their_place() {
        let found =
            said("他躺在床，，但没睡着。\n\n### 小标题\n- 列表\n> 引文\n1. 第一\n\n《书名，（注）");
        assert!(found[0].starts_with("a.md:5:6: body: ，，"), "{found:?}");
        assert!(
            found
                .iter()
                .any(|w| w.starts_with("a.md:7:1: body: this line begins like a Markdown head"))
        );
        assert!(
            found
                .iter()
                .any(|w| w.starts_with("a.md:8:1") && w.contains("list item"))
        );
        assert!(
            found
                .iter()
                .any(|w| w.starts_with("a.md:9:1") && w.contains("quotation"))
        );
        assert!(
            found
                .iter()
                .any(|w| w.starts_with("a.md:10:1") && w.contains("numbered"))
        );
        assert!(
            found
                .iter()
                .any(|w| w.starts_with("a.md:12:1") && w.contains("《》 1 opening, 0 closing"))
        );
        assert_eq!(found.len(), 6, "{found:?}");
    }

    #[test]
    fn what_is_right_is_not_reported() {
        let ok = "“他说……——好！”我问：“真的？！”\n（注）《书》【按】\n\n“第一段引文，\n\n“第二段引文。”\n\n## 小标题\n\n3.5亿元，2021年。";
        assert!(said(ok).is_empty(), "{:?}", said(ok));
    }
}
