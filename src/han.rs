//! Character classes of Chinese text and the half-width punctuation
//! corrector (clreq: punctuation between Chinese characters is full-width).
//!
//! The corrector replaces one character by one character, so positions in
//! the corrected text are the positions in the source.

/// Whether `c` is a Han ideograph (the characters a reader counts).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0x20000..=0x2A6DF | 0x2A700..=0x2EBEF | 0x30000..=0x3134F)
}

/// Whether `c` belongs to Chinese running text: a Han character, a CJK or
/// full-width punctuation mark, or the marks Chinese shares with Western
/// typography (curly quotes, dash, ellipsis).
pub fn is_chinese(c: char) -> bool {
    is_han(c)
        || matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF60 | 0xFE30..=0xFE4F)
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

/// Whether `c` is drawn with a glyph: not whitespace and not one of the
/// invisible format characters (joiners, direction marks, variation
/// selectors) that Typst handles without one.
pub fn needs_glyph(c: char) -> bool {
    !c.is_whitespace()
        && !matches!(c as u32,
            0x00AD | 0x034F | 0x061C | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E
            | 0x2060..=0x206F | 0xFE00..=0xFE0F | 0xFEFF | 0xE0000..=0xE0FFF)
}

/// The full-width form of a half-width mark that the corrector handles.
fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

/// One corrected mark: its character index in the text and what changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fix {
    /// Character index (not byte) in the text.
    pub index: usize,
    /// The mark as written.
    pub from: char,
    /// The mark as set.
    pub to: char,
}

/// Sets half-width `, ; : ? ! ( )` and straight quotes that stand next to
/// Chinese text as their full-width forms. Numbers, Latin words and URLs
/// (`17.49%`, `1,000`, `4G`, `http://`) are left alone: a mark is corrected
/// only when a neighbour is Chinese and it is not between two ASCII letters
/// or digits.
pub fn fix_punctuation(text: &str) -> (String, Vec<Fix>) {
    let chars: Vec<char> = text.chars().collect();
    let around = Surroundings::new(&chars);
    let mut quotes = Quotes::default();
    let mut out = String::with_capacity(text.len());
    let mut fixes = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match quotes.correct(c, around.near_chinese(i), around.between_ascii(i)) {
            Some(to) => {
                out.push(to);
                fixes.push(Fix {
                    index: i,
                    from: c,
                    to,
                });
            }
            None => out.push(c),
        }
    }
    (out, fixes)
}

/// What stands around each character of a text: the nearest non-blank
/// characters, and the nearest ones beyond a run of half-width marks.
struct Surroundings {
    /// The nearest non-blank character before each position.
    before: Vec<Option<char>>,
    /// The nearest non-blank character after each position.
    after: Vec<Option<char>>,
    /// The nearest character before each position that is neither blank
    /// nor a mark the corrector handles.
    run_before: Vec<Option<char>>,
    /// The same, after each position.
    run_after: Vec<Option<char>>,
}

impl Surroundings {
    /// The surroundings of every character of `chars`.
    fn new(chars: &[char]) -> Self {
        let solid = |c: char| !c.is_whitespace();
        // A run of half-width marks (blanks allowed between them) is read
        // as a whole: if Chinese stands on either side of the run, every
        // mark of it is set full-width, so that a second pass finds nothing
        // more to do.
        let border = |c: char| solid(c) && full_width(c).is_none() && c != '"' && c != '\'';
        Self {
            before: nearest(chars.iter().enumerate(), chars.len(), solid),
            after: nearest(chars.iter().enumerate().rev(), chars.len(), solid),
            run_before: nearest(chars.iter().enumerate(), chars.len(), border),
            run_after: nearest(chars.iter().enumerate().rev(), chars.len(), border),
        }
    }

    /// Whether Chinese stands next to position `i`, or next to the run of
    /// marks it is part of.
    fn near_chinese(&self, i: usize) -> bool {
        self.before[i].is_some_and(is_chinese)
            || self.after[i].is_some_and(is_chinese)
            || self.run_before[i].is_some_and(is_chinese)
            || self.run_after[i].is_some_and(is_chinese)
    }

    /// Whether position `i` stands between two ASCII letters or digits.
    fn between_ascii(&self, i: usize) -> bool {
        self.before[i].is_some_and(|p| p.is_ascii_alphanumeric())
            && self.after[i].is_some_and(|n| n.is_ascii_alphanumeric())
    }
}

/// For each of `len` positions, the nearest character that `hit` accepts
/// among those `indexed` visits before it, in one pass (a scan per
/// character would be quadratic on long blanks). Visiting in reverse gives
/// the nearest one after each position.
fn nearest<'a>(
    indexed: impl Iterator<Item = (usize, &'a char)>,
    len: usize,
    hit: impl Fn(char) -> bool,
) -> Vec<Option<char>> {
    let mut out = vec![None; len];
    let mut last = None;
    for (i, &c) in indexed {
        out[i] = last;
        if hit(c) {
            last = Some(c);
        }
    }
    out
}

/// Which quotes are open, so that straight quotes pair up.
#[derive(Default)]
struct Quotes {
    double_open: bool,
    single_open: bool,
}

impl Quotes {
    /// The mark `c` is set as, if it is corrected.
    fn correct(&mut self, c: char, near_chinese: bool, between_ascii: bool) -> Option<char> {
        match c {
            '"' if near_chinese => {
                self.double_open = !self.double_open;
                Some(if self.double_open { '“' } else { '”' })
            }
            '\'' if near_chinese && !between_ascii => {
                self.single_open = !self.single_open;
                Some(if self.single_open { '‘' } else { '’' })
            }
            '“' => {
                self.double_open = true;
                None
            }
            '”' => {
                self.double_open = false;
                None
            }
            _ if near_chinese && !between_ascii => full_width(c),
            _ => None,
        }
    }
}

/// What an invisible or directional character does to the printed text,
/// for the characters that have no place in a Chinese newspaper's copy.
/// Joiners and variation selectors, which emoji and some rare characters
/// need, are not among them.
pub fn invisible(c: char) -> Option<String> {
    Some(match c {
        '\u{2028}' => t!("han-invisible-line-separator"),
        '\u{2029}' => t!("han-invisible-paragraph-separator"),
        '\u{FEFF}' => t!("han-invisible-byte-order-mark"),
        '\u{200B}' | '\u{2060}'..='\u{2064}' => t!("han-invisible-zero-width"),
        '\u{200E}'
        | '\u{200F}'
        | '\u{061C}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => t!("han-invisible-direction-control"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(s: &str) -> String {
        fix_punctuation(s).0
    }

    #[test]
    fn commas_between_chinese_become_full_width() {
        assert_eq!(fixed("贫困县3个,贫困村"), "贫困县3个，贫困村");
        assert_eq!(fixed("目标;标准:方略"), "目标；标准：方略");
        assert_eq!(fixed("习近平总书记指出:“要"), "习近平总书记指出：“要");
    }

    #[test]
    fn numbers_latin_and_urls_stay() {
        for s in [
            "17.49%",
            "4G网络",
            "3A级",
            "2020年4月21日",
            "1,000",
            "http://x.cn",
            "a, b",
        ] {
            assert_eq!(fixed(s), s, "{s}");
        }
        assert_eq!(fixed("率17.49%,脱贫"), "率17.49%，脱贫");
    }

    #[test]
    fn straight_quotes_pair_up_in_chinese() {
        assert_eq!(fixed("突出\"三抓\",凝聚"), "突出“三抓”，凝聚");
        assert_eq!(fixed("突出'三抓'"), "突出‘三抓’");
        assert_eq!(fixed("don't"), "don't");
    }

    #[test]
    fn parentheses_around_chinese() {
        assert_eq!(fixed("县(市、区)"), "县（市、区）");
        assert_eq!(fixed("f(x)"), "f(x)");
    }

    #[test]
    fn fixes_report_character_positions() {
        let (_, fixes) = fix_punctuation("中文,中文");
        assert_eq!(
            fixes,
            vec![Fix {
                index: 2,
                from: ',',
                to: '，'
            }]
        );
    }
}
