//! `archive diff`: what text changed between two revisions, passage by
//! passage (a paragraph, a caption, a headline), in reading order.

use std::fmt::Write;

use super::passages::Passage;

/// One step of the difference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change<'a> {
    /// In both revisions.
    Same(&'a Passage),
    /// Only in the older one.
    Removed(&'a Passage),
    /// Only in the newer one.
    Added(&'a Passage),
}

/// The passages of `old` and `new` aligned by a longest common subsequence
/// of (page, part, text).
pub fn diff<'a>(old: &'a [Passage], new: &'a [Passage]) -> Vec<Change<'a>> {
    let key = |p: &Passage| (p.page, p.part.clone(), p.text.clone());
    let (n, m) = (old.len(), new.len());
    // lcs[i][j]: the longest common subsequence of old[i..] and new[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if key(&old[i]) == key(&new[j]) {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n || j < m {
        if i < n && j < m && key(&old[i]) == key(&new[j]) {
            out.push(Change::Same(&new[j]));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push(Change::Added(&new[j]));
            j += 1;
        } else {
            out.push(Change::Removed(&old[i]));
            i += 1;
        }
    }
    // Within a run of changes, removals first: `-` lines before `+` lines.
    let mut k = 0;
    while k < out.len() {
        if matches!(out[k], Change::Same(_)) {
            k += 1;
            continue;
        }
        let end = (k..out.len())
            .find(|&e| matches!(out[e], Change::Same(_)))
            .unwrap_or(out.len());
        out[k..end].sort_by_key(|c| matches!(c, Change::Added(_)));
        k = end;
    }
    out
}

/// The changes as a reader reads them: each run of changed passages under
/// its place (`第5版 特别报道 · 正文 · 小标题`), `- ` for the text as it
/// was, `+ ` for the text as it is, and for a passage replaced by one
/// other, `~ ` with the changed words marked 【旧→新】. Empty when nothing
/// changed.
pub fn mark_up(changes: &[Change]) -> (String, usize, usize) {
    let mut out = String::new();
    let (mut removed, mut added) = (0, 0);
    let mut k = 0;
    while k < changes.len() {
        if matches!(changes[k], Change::Same(_)) {
            k += 1;
            continue;
        }
        let end = (k..changes.len())
            .find(|&e| matches!(changes[e], Change::Same(_)))
            .unwrap_or(changes.len());
        let run = &changes[k..end];
        let olds: Vec<&Passage> = run
            .iter()
            .filter_map(|c| match c {
                Change::Removed(p) => Some(*p),
                _ => None,
            })
            .collect();
        let news: Vec<&Passage> = run
            .iter()
            .filter_map(|c| match c {
                Change::Added(p) => Some(*p),
                _ => None,
            })
            .collect();
        removed += olds.len();
        added += news.len();
        let place = news.first().or(olds.first()).map(|p| p.place());
        let _ = writeln!(out, "{}", place.unwrap_or_default());
        if olds.len() == news.len() {
            for (o, n) in olds.iter().zip(&news) {
                let _ = writeln!(out, "- {}", o.text);
                let _ = writeln!(out, "+ {}", n.text);
                let _ = writeln!(out, "~ {}", marked(&o.text, &n.text));
            }
        } else {
            for o in &olds {
                let _ = writeln!(out, "- {}", o.text);
            }
            for n in &news {
                let _ = writeln!(out, "+ {}", n.text);
            }
        }
        out.push('\n');
        k = end;
    }
    (out, removed, added)
}

/// The new text with the changed stretch marked 【旧→新】 (【删去：…】,
/// 【增加：…】), shortened to about 15 characters of context either side.
pub fn marked(old: &str, new: &str) -> String {
    const CONTEXT: usize = 15;
    let o: Vec<char> = old.chars().collect();
    let n: Vec<char> = new.chars().collect();
    let prefix = o.iter().zip(&n).take_while(|(a, b)| a == b).count();
    let suffix = o[prefix..]
        .iter()
        .rev()
        .zip(n[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let start = prefix.saturating_sub(CONTEXT);
    let tail_end = (n.len() - suffix + CONTEXT.min(suffix)).min(n.len());
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&n[start..prefix]);
    let was: String = o[prefix..o.len() - suffix].iter().collect();
    let is: String = n[prefix..n.len() - suffix].iter().collect();
    out.push('【');
    if is.is_empty() {
        out.push_str("删去：");
        out.push_str(&was);
    } else if was.is_empty() {
        out.push_str("增加：");
        out.push_str(&is);
    } else {
        out.push_str(&was);
        out.push('→');
        out.push_str(&is);
    }
    out.push('】');
    out.extend(&n[n.len() - suffix..tail_end]);
    if tail_end < n.len() {
        out.push('…');
    }
    out
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
        let (text, removed, added) = mark_up(&changes);
        assert_eq!((removed, added), (1, 2));
        assert!(text.contains("- 乙原文\n+ 乙新文\n"), "{text}");
        assert!(text.contains("+ 丁\n"), "{text}");
        assert!(!text.contains("- 甲"), "{text}");
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
}
