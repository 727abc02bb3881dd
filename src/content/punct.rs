//! Applies the punctuation corrector to every text of an article and
//! reports each correction with its file, line and field. The content files
//! themselves are never rewritten.

use super::article::Article;
use super::body::Block;
use super::display::Text;
use crate::diag::Location;
use crate::han::fix_punctuation;

/// One half-width mark set full-width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// File, line and field of the mark.
    pub location: Location,
    /// The mark as written.
    pub from: char,
    /// The mark as set.
    pub to: char,
}

/// Corrects half-width punctuation in every text of `article`, in place.
pub fn correct_punctuation(article: &mut Article) -> Vec<Correction> {
    let file = article.file.clone();
    let mut out = Vec::new();
    let mut texts: Vec<&mut Text> = Vec::new();
    texts.extend(article.kicker.iter_mut());
    texts.extend(article.headline.iter_mut());
    texts.extend(article.subheadline.iter_mut());
    for b in &mut article.byline {
        texts.push(&mut b.role);
        texts.extend(b.names.iter_mut());
    }
    if let Some(q) = &mut article.quotes {
        texts.push(&mut q.title);
        texts.extend(q.items.iter_mut());
    }
    for p in &mut article.photos {
        texts.push(&mut p.caption);
        texts.extend(p.credit.iter_mut());
    }
    let mut groups: Vec<Vec<(&mut String, usize, &str)>> = texts
        .into_iter()
        .map(|t| vec![(&mut t.value, t.line, t.field.as_str())])
        .collect();
    if let Some(m) = &mut article.milestones {
        groups.push(vec![(
            &mut m.title.value,
            m.title.line,
            m.title.field.as_str(),
        )]);
        for item in &mut m.items {
            // The date and its text read as one sentence ("2019年4月29日,省政府…").
            let mut group = Vec::new();
            if let Some(date) = &mut item.date {
                group.push((&mut date.value, date.line, date.field.as_str()));
            }
            group.push((
                &mut item.text.value,
                item.text.line,
                item.text.field.as_str(),
            ));
            groups.push(group);
        }
    }
    for block in &mut article.body {
        groups.push(match block {
            Block::Heading(t) => vec![(&mut t.value, t.line, t.field.as_str())],
            Block::Paragraph(runs) => runs
                .iter_mut()
                .map(|r| (&mut r.text, r.line, "body"))
                .collect(),
        });
    }
    for mut group in groups {
        fix_parts(&mut group, &file, &mut out);
    }
    out
}

/// Corrects consecutive parts as one text (so a mark at a part's edge sees
/// its neighbours), then writes each part back. The corrector maps one
/// character to one character, so the split points stay where they were.
fn fix_parts(
    parts: &mut [(&mut String, usize, &str)],
    file: &std::path::Path,
    out: &mut Vec<Correction>,
) {
    let joined: String = parts.iter().map(|(s, _, _)| s.as_str()).collect();
    let (fixed, fixes) = fix_punctuation(&joined);
    if fixes.is_empty() {
        return;
    }
    let mut chars = fixed.chars();
    let mut start = 0;
    let mut fixes = fixes.into_iter().peekable();
    for (s, line, field) in parts.iter_mut() {
        let n = s.chars().count();
        **s = chars.by_ref().take(n).collect();
        while let Some(f) = fixes.next_if(|f| f.index < start + n) {
            out.push(Correction {
                location: Location {
                    file: file.to_path_buf(),
                    line: Some(*line),
                    column: None,
                    field: Some(field.to_string()),
                },
                from: f.from,
                to: f.to,
            });
        }
        start += n;
    }
}
