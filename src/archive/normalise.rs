//! What search compares: text in Unicode NFKC, so that what a user types
//! finds what was printed however it was encoded — a compatibility
//! ideograph (U+F92C 郎) as its unified form (U+90CE 郎), a decomposed
//! `e` + U+0301 as `é`, Hangul jamo as syllables, full-width `Ａ` as `A`.
//! The index matches the normalised text; what it prints is the original,
//! through a map from each normalised character back to the original
//! characters it came from.

use std::ops::Range;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// `text` in NFKC.
pub fn nfkc(text: &str) -> String {
    text.nfkc().collect()
}

/// Whether normalisation never reaches across the start of `c`: `c`
/// decomposes (NFKD) to a starter (combining class 0) that never combines
/// with what precedes it — as U+F92C 郎 does, unlike U+0301 or a Hangul
/// vowel jamo. Text normalises segment by segment between such characters.
pub fn starts_segment(c: char) -> bool {
    if c.is_ascii() {
        return true;
    }
    let first = c.nfkd().next().unwrap_or(c);
    canonical_combining_class(first) == 0
        && is_nfkc_quick(std::iter::once(first)) == IsNormalized::Yes
}

/// The NFKC of a character that is its own segment, when it is known
/// without looking it up: ASCII, the CJK ideographs and the commonest
/// Chinese punctuation (their own NFKC),
/// the full-width forms of ASCII and the ideographic space (ASCII and a
/// space). Most of a Chinese page is such characters, and search
/// normalises every passage it reads.
fn quick_nfkc(c: char) -> Option<char> {
    match c {
        '\0'..='\x7f'
        | '\u{3001}'..='\u{3029}'
        | '\u{2014}'
        | '\u{2018}'..='\u{2019}'
        | '\u{201C}'..='\u{201D}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}' => Some(c),
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        '\u{3000}' => Some(' '),
        _ => None,
    }
}

/// `text` in NFKC, each character mapped by `map`, into `out` (cleared
/// first): what `nfkc(text).chars().map(map)` gives, without normalising
/// the characters [`quick_nfkc`] knows.
pub fn nfkc_mapped(text: &str, map: impl Fn(char) -> char, out: &mut String) {
    out.clear();
    let mut chars = text.chars().peekable();
    let mut segment = String::new();
    while let Some(c) = chars.next() {
        if let Some(quick) = quick_nfkc(c)
            && chars.peek().is_none_or(|&n| quick_nfkc(n).is_some())
        {
            out.push(map(quick));
            continue;
        }
        // A segment: `c` and what follows it up to the next start.
        segment.clear();
        segment.push(c);
        while let Some(&n) = chars.peek()
            && !starts_segment(n)
        {
            segment.push(n);
            chars.next();
        }
        out.extend(segment.nfkc().map(&map));
    }
}

/// A text in NFKC, with where each of its characters came from.
#[derive(Debug, Clone)]
pub struct Normalised {
    /// The text in NFKC, character by character.
    pub chars: Vec<char>,
    /// For each of `chars`, the range of the original's characters (the
    /// segment) it comes from.
    from: Vec<Range<usize>>,
}

impl Normalised {
    /// Normalises `original`, one segment at a time.
    pub fn new(original: &str) -> Self {
        let chars: Vec<char> = original.chars().collect();
        let mut out = Self {
            chars: Vec::with_capacity(chars.len()),
            from: Vec::with_capacity(chars.len()),
        };
        let mut start = 0;
        while start < chars.len() {
            let mut end = start + 1;
            while end < chars.len() && !starts_segment(chars[end]) {
                end += 1;
            }
            for c in chars[start..end].iter().copied().nfkc() {
                out.chars.push(c);
                out.from.push(start..end);
            }
            start = end;
        }
        out
    }

    /// The range of the original's characters that the normalised
    /// characters `range` (not empty) come from: whole segments.
    pub fn original(&self, range: Range<usize>) -> Range<usize> {
        self.from[range.start].start..self.from[range.end - 1].end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn lookalikes_normalise_to_what_users_type() {
        assert_eq!(nfkc("新\u{F92C}官"), "新郎官");
        assert_eq!(nfkc("Cafe\u{301}"), "Café");
        assert_eq!(nfkc("\u{1112}\u{1161}\u{11AB}"), "한");
        assert_eq!(nfkc("ＡＢ１"), "AB1");
    }

    #[test]
    fn each_normalised_character_maps_back_to_its_segment() {
        // 新 郎(U+F92C) C a f e+◌́ 한(three jamo) ﬁ
        let n = Normalised::new("新\u{F92C}Cafe\u{301}\u{1112}\u{1161}\u{11AB}\u{FB01}");
        assert_eq!(n.chars.iter().collect::<String>(), "新郎Café한fi");
        assert_eq!(n.original(1..2), 1..2, "郎 is the compatibility ideograph");
        assert_eq!(n.original(5..6), 5..7, "é is e and U+0301");
        assert_eq!(n.original(2..6), 2..7, "Café");
        assert_eq!(n.original(6..7), 7..10, "한 is three jamo");
        // A part of a segment maps to the whole of it: i of the ligature ﬁ.
        assert_eq!(n.original(8..9), 10..11);
    }

    #[test]
    fn the_quick_characters_are_their_own_nfkc() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            if let Some(quick) = quick_nfkc(c) {
                assert_eq!(
                    nfkc(&c.to_string()),
                    quick.to_string(),
                    "U+{:04X}",
                    c as u32
                );
                assert!(starts_segment(c), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn mapped_normalising_is_normalising_then_mapping() {
        let mut out = String::new();
        nfkc_mapped("新\u{F92C}官，ＡＢ１Cafe\u{301}。", |c| c, &mut out);
        assert_eq!(out, "新郎官,AB1Café。");
        nfkc_mapped("Ａe\u{301}", |c| c.to_ascii_uppercase(), &mut out);
        assert_eq!(out, "Aé");
    }

    proptest! {
        /// Normalising segment by segment is normalising the whole.
        #[test]
        fn segments_normalise_as_the_whole(
            text in proptest::collection::vec(
                prop_oneof![
                    Just('e'), Just('\u{301}'), Just('\u{323}'), Just('\u{F92C}'),
                    Just('\u{1100}'), Just('\u{1161}'), Just('\u{11A8}'), Just('\u{AC00}'),
                    Just('\u{FB01}'), Just('\u{3099}'), Just('\u{304B}'), Just('\u{FF76}'),
                    Just('\u{FF9E}'), Just('Å'), Just('\u{212B}'), Just('中'),
                    Just('\u{3150}'), Just('\u{F73}'), Just('\u{1E9B}'), Just('\u{2460}'),
                    Just('\u{FB2C}'), Just('\u{5BC}'), Just('\u{E01}'), Just('\u{E33}'),
                    any::<char>(),
                ],
                0..12,
            )
        ) {
            let text: String = text.into_iter().collect();
            let n = Normalised::new(&text);
            prop_assert_eq!(n.chars.iter().collect::<String>(), nfkc(&text));
            let mut mapped = String::new();
            nfkc_mapped(&text, |c| c, &mut mapped);
            prop_assert_eq!(mapped, nfkc(&text));
        }
    }
}
