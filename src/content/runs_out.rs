//! Where an overset page runs out: the desk decides what to cut by the
//! paragraph and the sentence where the text stops fitting, not by a
//! character count alone.

use super::article::Article;
use super::body::Block;

/// Marks that end a sentence (…… may stand anywhere in one: it is not
/// here).
const STOPS: &[char] = &['。', '！', '？', '；'];
/// The most characters of the sentence a message quotes.
const QUOTE: usize = 24;

/// When the last `over` characters (whitespace not counted) of
/// `article`'s body did not fit: the source line of the paragraph where the
/// first of them stands, and the sentence it begins in (quoted from that
/// character, at most [`QUOTE`] characters). `None` when `over` is zero or
/// more than the body holds.
pub fn runs_out(article: &Article, over: usize) -> Option<(usize, String)> {
    let total: usize = article.body.iter().map(chars_of).map(|c| c.len()).sum();
    let mut at = total.checked_sub(over).filter(|_| over > 0)?;
    for block in &article.body {
        let chars = chars_of(block);
        if at >= chars.len() {
            at -= chars.len();
            continue;
        }
        let line = match block {
            Block::Heading(t) => t.line,
            Block::Paragraph(runs) => {
                let mut left = at;
                let run = runs.iter().find(|r| {
                    let n = r.text.chars().filter(|c| !c.is_whitespace()).count();
                    let here = left < n;
                    left = left.saturating_sub(n);
                    here
                });
                run.or(runs.last())?.line
            }
        };
        let start = chars[..at]
            .iter()
            .rposition(|c| STOPS.contains(c))
            .map_or(0, |i| i + 1);
        let end = chars[at..]
            .iter()
            .position(|c| STOPS.contains(c))
            .map_or(chars.len(), |i| at + i + 1);
        let sentence: String = chars[start..end.min(start + QUOTE)].iter().collect();
        let cut = if end > start + QUOTE { "……" } else { "" };
        return Some((line, format!("{sentence}{cut}")));
    }
    None
}

/// A block's characters, whitespace not counted.
fn chars_of(block: &Block) -> Vec<char> {
    let text: String = match block {
        Block::Heading(t) => t.value.clone(),
        Block::Paragraph(runs) => runs.iter().map(|r| r.text.as_str()).collect(),
    };
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Run;

    fn article(paragraphs: &[(&str, usize)]) -> Article {
        Article::of_body(
            paragraphs
                .iter()
                .map(|(t, line)| {
                    Block::Paragraph(vec![Run {
                        text: t.to_string(),
                        bold: false,
                        line: *line,
                    }])
                })
                .collect(),
        )
    }

    #[test]
    fn the_paragraph_and_sentence_where_the_text_stops_fitting() {
        let a = article(&[
            ("第一段。", 5),
            ("第二段开头。接着写的一句话没有放下。最后一句。", 7),
        ]);
        // The last 14 characters: from 接 on.
        assert_eq!(
            runs_out(&a, 14),
            Some((7, "接着写的一句话没有放下。".to_string()))
        );
        // Mid-sentence: the sentence is quoted whole.
        assert_eq!(
            runs_out(&a, 9),
            Some((7, "接着写的一句话没有放下。".to_string()))
        );
        assert_eq!(runs_out(&a, 0), None);
        assert_eq!(runs_out(&a, 100), None);
    }
}
