//! `archive diff`: what text changed between two revisions, as a
//! proofreader marks it. Passages (a paragraph, a caption, a headline) are
//! aligned in reading order with a well-kept diff library (`similar`,
//! Patience); a passage replaced by one much like it is an edit, marked
//! character by character within it, each change on its own
//! (`黄志【刚→强】……黄志【刚→强】`).

use std::collections::BTreeMap;
use std::fmt::Write;

use similar::{Algorithm, DiffOp, DiffTag, TextDiff, capture_diff_slices};

use super::passages::Passage;

/// How much of a passage must stay for a replacement to count as an edit
/// of it (a share of its characters, as `similar` measures it).
const EDIT_RATIO: f32 = 0.5;
/// Unchanged characters shown either side of a change.
const CONTEXT: usize = 15;

/// One step of the difference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change<'a> {
    /// In both revisions.
    Same(&'a Passage),
    /// Only in the older one.
    Removed(&'a Passage),
    /// Only in the newer one.
    Added(&'a Passage),
    /// The older passage edited into the newer.
    Edited(&'a Passage, &'a Passage),
}

/// What changed, counted as a proofreader counts: each marked change
/// within an edited passage, and whole passages removed or added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Changes marked inside edited passages.
    pub changes: usize,
    /// Passages edited.
    pub edited: usize,
    /// Passages removed whole.
    pub removed: usize,
    /// Passages added whole.
    pub added: usize,
}

impl Counts {
    /// Nothing changed.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// The passages of `old` and `new` aligned by (page, part, text); within
/// a stretch that differs, each old passage is paired with the next new
/// one of the same page and part that keeps at least [`EDIT_RATIO`] of
/// it, and the rest are removed or added.
pub fn diff<'a>(old: &'a [Passage], new: &'a [Passage]) -> Vec<Change<'a>> {
    let key = |p: &Passage| (p.page, p.part.clone(), p.text.clone());
    let (ok, nk): (Vec<_>, Vec<_>) = (old.iter().map(key).collect(), new.iter().map(key).collect());
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &ok, &nk) {
        let (olds, news) = (&old[op.old_range()], &new[op.new_range()]);
        match op.tag() {
            DiffTag::Equal => out.extend(news.iter().map(Change::Same)),
            DiffTag::Delete => out.extend(olds.iter().map(Change::Removed)),
            DiffTag::Insert => out.extend(news.iter().map(Change::Added)),
            DiffTag::Replace => pair(olds, news, &mut out),
        }
    }
    out
}

/// Pairs the passages of a stretch that differs (see [`diff`]).
fn pair<'a>(olds: &'a [Passage], news: &'a [Passage], out: &mut Vec<Change<'a>>) {
    let alike = |o: &Passage, n: &Passage| {
        o.page == n.page
            && o.part == n.part
            && TextDiff::from_chars(o.text.as_str(), n.text.as_str()).ratio() >= EDIT_RATIO
    };
    let mut next = 0;
    for o in olds {
        match (next..news.len()).find(|&k| alike(o, &news[k])) {
            Some(k) => {
                out.extend(news[next..k].iter().map(Change::Added));
                out.push(Change::Edited(o, &news[k]));
                next = k + 1;
            }
            None => out.push(Change::Removed(o)),
        }
    }
    out.extend(news[next..].iter().map(Change::Added));
}

/// The changes as a reader reads them: each stretch of changed passages
/// under its place (`第5版 特别报道 · 正文 · 小标题`), `- ` for a passage as
/// it was, `+ ` as it is, and for an edited one `~ ` with each change
/// marked 【旧→新】 (【删去：…】, 【增加：…】). Empty when nothing changed.
pub fn mark_up(changes: &[Change]) -> (String, Counts) {
    let mut out = String::new();
    let mut counts = Counts::default();
    let mut in_run = false;
    for change in changes {
        let passage = match change {
            Change::Same(_) => {
                if in_run {
                    out.push('\n');
                }
                in_run = false;
                continue;
            }
            Change::Removed(p) | Change::Added(p) | Change::Edited(_, p) => p,
        };
        if !in_run {
            let _ = writeln!(out, "{}", passage.place());
            in_run = true;
        }
        match change {
            Change::Removed(p) => {
                counts.removed += 1;
                let _ = writeln!(out, "- {}", p.text);
            }
            Change::Added(p) => {
                counts.added += 1;
                let _ = writeln!(out, "+ {}", p.text);
            }
            Change::Edited(o, n) => {
                let (text, marks) = marked_count(&o.text, &n.text);
                counts.edited += 1;
                counts.changes += marks;
                let _ = writeln!(out, "- {}\n+ {}\n~ {text}", o.text, n.text);
            }
            Change::Same(_) => {}
        }
    }
    if in_run {
        out.push('\n');
    }
    (out, counts)
}

/// Characters of context a highlighted change takes either side, so that
/// a changed character is not highlighted everywhere else it occurs.
const HIGHLIGHT_CONTEXT: usize = 2;

/// What `archive diff --pdf` highlights on each page (by 版次) of the
/// newer revision: each change within an edited passage with a little of
/// its context (a deletion, the characters either side of where it was),
/// and added passages whole. Removed passages are not on the page; the
/// text report lists them.
pub fn highlights(changes: &[Change]) -> BTreeMap<u32, Vec<String>> {
    let mut out: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    for change in changes {
        let (page, texts) = match change {
            Change::Added(n) => (n.page, vec![n.text.trim().to_string()]),
            Change::Edited(o, n) => (n.page, changed_stretches(&o.text, &n.text)),
            Change::Same(_) | Change::Removed(_) => continue,
        };
        let list = out.entry(page).or_default();
        for text in texts {
            if !text.is_empty() && !list.contains(&text) {
                list.push(text);
            }
        }
    }
    out
}

/// The stretches of `new` that differ from `old`, each with
/// [`HIGHLIGHT_CONTEXT`] characters either side, overlapping ones joined.
fn changed_stretches(old: &str, new: &str) -> Vec<String> {
    let o: Vec<char> = old.chars().collect();
    let n: Vec<char> = new.chars().collect();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &o, &n) {
        if op.tag() == DiffTag::Equal {
            continue;
        }
        let r = op.new_range();
        let start = r.start.saturating_sub(HIGHLIGHT_CONTEXT);
        let end = (r.end + HIGHLIGHT_CONTEXT).min(n.len());
        match ranges.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => ranges.push((start, end)),
        }
    }
    ranges
        .into_iter()
        .map(|(a, b)| n[a..b].iter().collect())
        .collect()
}

/// The new text with each change marked 【旧→新】 (【删去：…】,
/// 【增加：…】), unchanged stretches cut to about [`CONTEXT`] characters
/// either side of a change.
pub fn marked(old: &str, new: &str) -> String {
    marked_count(old, new).0
}

/// A stretch of a marked-up passage.
enum Piece {
    Same(Vec<char>),
    Changed(String, String),
}

/// [`marked`], and how many changes it marks.
fn marked_count(old: &str, new: &str) -> (String, usize) {
    let o: Vec<char> = old.chars().collect();
    let n: Vec<char> = new.chars().collect();
    let mut pieces: Vec<Piece> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &o, &n) {
        let (was, is): (String, String) = (
            o[op.old_range()].iter().collect(),
            n[op.new_range()].iter().collect(),
        );
        match (op, pieces.last_mut()) {
            (DiffOp::Equal { .. }, _) => pieces.push(Piece::Same(n[op.new_range()].to_vec())),
            // Two changes one character apart read as one.
            (_, Some(Piece::Changed(w, i))) => {
                w.push_str(&was);
                i.push_str(&is);
            }
            _ => pieces.push(Piece::Changed(was, is)),
        }
        merge_close(&mut pieces);
    }
    let count = pieces
        .iter()
        .filter(|p| matches!(p, Piece::Changed(..)))
        .count();
    let last = pieces.len().saturating_sub(1);
    let mut out = String::new();
    for (k, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Same(chars) => out.push_str(&context(chars, k > 0, k < last)),
            Piece::Changed(was, is) if is.is_empty() => {
                let _ = write!(out, "【删去：{was}】");
            }
            Piece::Changed(was, is) if was.is_empty() => {
                let _ = write!(out, "【增加：{is}】");
            }
            Piece::Changed(was, is) => {
                let _ = write!(out, "【{was}→{is}】");
            }
        }
    }
    (out, count)
}

/// Joins the last change with the one before it when a single unchanged
/// character stands between them.
fn merge_close(pieces: &mut Vec<Piece>) {
    let k = pieces.len();
    if k < 3 {
        return;
    }
    let gap = matches!(&pieces[k - 2], Piece::Same(c) if c.len() == 1);
    if !(gap
        && matches!(pieces[k - 3], Piece::Changed(..))
        && matches!(pieces[k - 1], Piece::Changed(..)))
    {
        return;
    }
    let (Some(Piece::Changed(w2, i2)), Some(Piece::Same(c))) = (pieces.pop(), pieces.pop()) else {
        return;
    };
    if let Some(Piece::Changed(w, i)) = pieces.last_mut() {
        w.extend(&c);
        w.push_str(&w2);
        i.extend(&c);
        i.push_str(&i2);
    }
}

/// An unchanged stretch as shown: whole when short; otherwise
/// [`CONTEXT`] characters after the change before it and before the change
/// after it, the rest cut to `…`.
fn context(chars: &[char], after_change: bool, before_change: bool) -> String {
    let head = if after_change { CONTEXT } else { 0 };
    let tail = if before_change { CONTEXT } else { 0 };
    if chars.len() <= head + tail + 1 {
        return chars.iter().collect();
    }
    let mut s: String = chars[..head].iter().collect();
    s.push('…');
    s.extend(&chars[chars.len() - tail..]);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Passage {
        Passage {
            page: 5,
            section: "特别报道".into(),
            part: "正文".into(),
            head: None,
            text: text.into(),
        }
    }

    #[test]
    fn a_changed_paragraph_is_removed_and_added() {
        let old = [p("甲"), p("乙原文"), p("丙")];
        let new = [p("甲"), p("乙新文"), p("丙"), p("丁")];
        let changes = diff(&old, &new);
        let (text, counts) = mark_up(&changes);
        assert_eq!(
            counts,
            Counts {
                changes: 1,
                edited: 1,
                removed: 0,
                added: 1
            }
        );
        assert!(
            text.contains("- 乙原文\n+ 乙新文\n~ 乙【原→新】文\n"),
            "{text}"
        );
        assert!(text.contains("+ 丁\n"), "{text}");
        assert!(!text.contains("- 甲"), "{text}");
    }

    #[test]
    fn each_change_in_a_paragraph_is_marked_on_its_own() {
        let old = "黄志刚一边盯着屏幕上的曲线，一边给村里打电话，又过了一会儿，黄志刚说";
        let new = "黄志强一边盯着屏幕上的曲线，一边给村里打电话，又过了一会儿，黄志强说";
        let (text, count) = marked_count(old, new);
        assert_eq!(count, 2);
        assert!(text.starts_with("黄志【刚→强】一边盯着"), "{text}");
        assert!(text.ends_with("黄志【刚→强】说"), "{text}");
        // Three word changes in three paragraphs: three edits, nothing
        // removed or added.
        let olds = [p("甲乙丙丁戊"), p("一二三四五"), p("子丑寅卯辰")];
        let news = [p("甲乙两丁戊"), p("一二叁四五"), p("子丑寅卯晨")];
        let (_, counts) = mark_up(&diff(&olds, &news));
        assert_eq!(
            (counts.changes, counts.edited, counts.removed, counts.added),
            (3, 3, 0, 0)
        );
    }

    #[test]
    fn the_changed_words_are_marked() {
        assert_eq!(
            marked("全市贫困人口清零", "全市贫困户清零"),
            "全市贫困【人口→户】清零"
        );
        assert_eq!(marked("主战场之一。", "主战场。"), "主战场【删去：之一】。");
        assert_eq!(marked("主战场。", "主战场之一。"), "主战场【增加：之一】。");
    }
    #[test]
    fn highlights_take_each_change_with_a_little_context() {
        let n = changed_stretches("黄志刚一边说，黄志刚笑了", "黄志强一边说，黄志强笑了");
        assert_eq!(n, ["黄志强一边", "黄志强笑了"]);
        // A deletion: the characters either side of where it was.
        assert_eq!(changed_stretches("主战场之一。", "主战场。"), ["战场。"]);
    }
}
