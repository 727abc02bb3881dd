//! The snippet `archive search` prints for each page it finds: the
//! passage's text as printed around the word, the word marked 【】.

use super::ngrams::fold;
use super::normalise::{Normalised, starts_segment};

/// The text around the first occurrence of `word` (in NFKC) in `text`,
/// marked 【】, at most about 20 characters either side: the original
/// characters, as printed, cut only between segments that normalise apart.
pub fn snippet(text: &str, word: &str) -> String {
    const CONTEXT: usize = 20;
    let chars: Vec<char> = text.chars().collect();
    let normalised = Normalised::new(text);
    let hay = &normalised.chars;
    let needle: Vec<char> = word.chars().collect();
    let lower = |c: &char| fold(*c);
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
