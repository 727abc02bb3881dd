//! Characters no font can set. Typst sets such a character as an empty box
//! (tofu) without a word, which on a printed page is a silent loss; so the
//! build warns, naming the code point, the file, the line and the field.
//! Private-use characters are named too, covered or not: they are what OCR
//! and older typesetting systems leave for rare characters, and what a font
//! has at that code point is not what the reporter meant. So are invisible
//! and directional characters (line and paragraph separators, byte-order
//! marks, zero-width spaces, direction controls): copied in from web pages
//! and other programs, they change the printed page without being seen in
//! the copy — a line broken mid-headline, text printed backwards.

use std::collections::BTreeSet;

use super::article::Article;
use super::body::Block;
use super::display::Text;
use super::edition::Edition;
use crate::diag::{Location, Warning};
use crate::han::{invisible, needs_glyph};

/// One warning for each character of the edition's articles that `covered`
/// says no font has, that is a private-use character, or that is an
/// invisible or directional one, at its first place in each text (per text,
/// each character is named once).
pub fn uncovered_characters(edition: &Edition, covered: &dyn Fn(char) -> bool) -> Vec<Warning> {
    let mut out = Vec::new();
    for article in edition.pages.iter().flat_map(|p| &p.articles) {
        for (value, line, field) in texts(article) {
            let mut seen = BTreeSet::new();
            for c in value.chars() {
                let message = if let Some(what) = invisible(c) {
                    what.to_string()
                } else if is_private_use(c) {
                    t!("content-char-private-use")
                } else if needs_glyph(c) && !covered(c) {
                    t!("content-char-no-font")
                } else {
                    continue;
                };
                if seen.insert(c) {
                    out.push(Warning {
                        location: Location {
                            file: article.file.clone(),
                            line: Some(line),
                            column: None,
                            field: Some(field.to_string()),
                        },
                        message: t!(
                            "content-char-finding",
                            code = format!("{:04X}", c as u32),
                            char = format!("{c:?}"),
                            what = message
                        ),
                    });
                }
            }
        }
    }
    out
}

/// Where the copy of `articles` first has the character `c`: the file,
/// line and field, for a finding on the laid-out page (a character no font
/// has, say) to name its source.
pub fn first_place<'a>(
    articles: impl IntoIterator<Item = &'a Article>,
    c: char,
) -> Option<Location> {
    articles.into_iter().find_map(|article| {
        texts(article)
            .into_iter()
            .find(|(value, _, _)| value.contains(c))
            .map(|(_, line, field)| Location {
                file: article.file.clone(),
                line: Some(line),
                column: None,
                field: Some(field.to_string()),
            })
    })
}

/// Whether `c` is in one of the Unicode private-use areas.
fn is_private_use(c: char) -> bool {
    matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD)
}

/// Every piece of text of an article, with its line and field.
fn texts(a: &Article) -> Vec<(&str, usize, &str)> {
    let mut texts: Vec<&Text> = Vec::new();
    texts.extend(&a.kicker);
    texts.extend(&a.headline);
    texts.extend(&a.subheadline);
    for b in &a.byline {
        texts.push(&b.role);
        texts.extend(&b.names);
    }
    if let Some(q) = &a.quotes {
        texts.push(&q.title);
        texts.extend(&q.items);
    }
    if let Some(m) = &a.milestones {
        texts.push(&m.title);
        for item in &m.items {
            texts.extend(&item.date);
            texts.push(&item.text);
        }
    }
    for p in &a.photos {
        texts.push(&p.caption);
        texts.extend(&p.credit);
    }
    let mut out: Vec<(&str, usize, &str)> = texts
        .into_iter()
        .map(|t| (t.value.as_str(), t.line, t.field.as_str()))
        .collect();
    for block in &a.body {
        match block {
            Block::Heading(t) => out.push((&t.value, t.line, "body")),
            Block::Paragraph(runs) => {
                out.extend(runs.iter().map(|r| (r.text.as_str(), r.line, "body")))
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_need_no_glyph() {
        assert!(!needs_glyph('\u{200D}'));
        assert!(!needs_glyph('\u{202E}'));
        assert!(!needs_glyph('\u{FE0F}'));
        assert!(!needs_glyph('\u{3000}'));
        assert!(needs_glyph('中'));
        assert!(needs_glyph('😀'));
    }
}
