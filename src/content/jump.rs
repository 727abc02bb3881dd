//! Jump lines (转版): an article too long for its module on one page goes
//! on (`continues_on = N`) on a later page. The loader checks where it
//! jumps and gives page N the article's continuation; laying out the first
//! page finds where the text leaves its module ([`Jump::split`]), and the
//! continuation takes the rest.

use std::collections::HashMap;
use std::path::PathBuf;

use super::article::Article;
use super::body::{Block, Run};
use super::jump_part::JumpPart;
use super::page::Page;
use crate::diag::{Error, Location};

/// Where a jumping article's text left its module: what the first page
/// set of its body, and what its continuation sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jump {
    /// The article's file.
    pub file: PathBuf,
    /// The page it starts on.
    pub from: u32,
    /// The page it continues on.
    pub to: u32,
    /// The body blocks set on page `from`.
    pub first: Vec<Block>,
    /// The body blocks its continuation sets.
    pub rest: Vec<Block>,
    /// The cut falls inside a paragraph.
    pub open: bool,
    /// The cut falls inside the lead (导语: what comes before the whole
    /// body's first section head, when it has one).
    pub in_lead: bool,
}

impl Jump {
    /// Splits `article`'s body after `chars` characters (whitespace not
    /// counted) of its blocks, at a place a page may end: a section head
    /// is never cut and never ends the first part, and each part keeps at
    /// least one character. `None` when no such place exists.
    pub fn split(article: &Article, from: u32, to: u32, chars: usize) -> Option<Jump> {
        let body = &article.body;
        let mut left = chars;
        let mut at = None;
        for (i, block) in body.iter().enumerate() {
            let len = block_chars(block);
            if left < len || (left == len && i + 1 == body.len()) {
                at = Some((i, left));
                break;
            }
            left -= len;
        }
        let (mut i, mut offset) = at?;
        if matches!(body[i], Block::Heading(_)) {
            offset = 0;
        }
        // The first part ends with text, not with section heads.
        while offset == 0 && i > 0 && matches!(body[i - 1], Block::Heading(_)) {
            i -= 1;
        }
        let mut first: Vec<Block> = body[..i].to_vec();
        let mut rest: Vec<Block> = body[i..].to_vec();
        let open = offset > 0;
        if open {
            let Block::Paragraph(runs) = &body[i] else {
                return None;
            };
            let (head, tail) = split_runs(runs, offset);
            first.push(Block::Paragraph(head));
            rest[0] = Block::Paragraph(tail);
        }
        let has_text = |blocks: &[Block]| blocks.iter().any(|b| block_chars(b) > 0);
        let first_head = body.iter().position(|b| matches!(b, Block::Heading(_)));
        let in_lead = first_head.is_some_and(|h| i < h);
        (has_text(&first) && has_text(&rest)).then(|| Jump {
            file: article.file.clone(),
            from,
            to,
            first,
            rest,
            open,
            in_lead,
        })
    }

    /// `article` as page `from` sets it: its body up to the cut.
    pub fn first_part(&self, article: &Article) -> Article {
        let mut a = article.clone();
        a.body = self.first.clone();
        a.jump = Some(JumpPart::First {
            to: self.to,
            cut: true,
            open: self.open,
            headed: has_heading(&article.body),
        });
        a
    }

    /// The continuation `article` (as the loader made it) with its text.
    pub fn rest_part(&self, article: &Article) -> Article {
        let mut a = article.clone();
        a.body = self.rest.clone();
        a.jump = Some(JumpPart::Rest {
            from: self.from,
            open: self.open,
            lead: self.in_lead,
        });
        a
    }
}

fn has_heading(body: &[Block]) -> bool {
    body.iter().any(|b| matches!(b, Block::Heading(_)))
}

/// Characters of a block, whitespace not counted, as a page sets them.
pub fn block_chars(block: &Block) -> usize {
    let count = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    match block {
        Block::Heading(t) => count(&t.value),
        Block::Paragraph(runs) => runs.iter().map(|r| count(&r.text)).sum(),
    }
}

/// Runs cut after `chars` characters (whitespace not counted); the
/// whitespace at the cut goes with neither part.
fn split_runs(runs: &[Run], chars: usize) -> (Vec<Run>, Vec<Run>) {
    let (mut head, mut tail) = (Vec::new(), Vec::new());
    let mut left = chars;
    for run in runs {
        if left == 0 {
            tail.push(run.clone());
            continue;
        }
        let mut end = run.text.len();
        let mut seen = 0;
        for (b, c) in run.text.char_indices() {
            if seen == left && !c.is_whitespace() {
                end = b;
                break;
            }
            if !c.is_whitespace() {
                seen += 1;
            }
        }
        left -= seen.min(left);
        let (a, b) = run.text.split_at(end);
        let (a, b) = (a.trim_end(), b.trim_start());
        if !a.is_empty() {
            head.push(Run {
                text: a.to_string(),
                ..run.clone()
            });
        }
        if !b.is_empty() {
            tail.push(Run {
                text: b.to_string(),
                ..run.clone()
            });
        }
    }
    (head, tail)
}

/// Checks every `continues_on` of the edition's `pages` and gives each
/// page a jump continues on the article's continuation: where the page
/// lists the article, in that place; otherwise after its own stories.
/// `listings` holds where each article file was listed (page, field).
pub fn link_jumps(
    pages: &mut [Page],
    listings: &HashMap<PathBuf, Vec<(u32, Location)>>,
) -> Result<(), Error> {
    let mut heads: Vec<(u32, Article, Location)> = Vec::new();
    for page in pages.iter() {
        for article in &page.articles {
            let Some((_, at)) = &article.continues_on else {
                continue;
            };
            // Listed on two pages, the story starts on the earlier; the
            // other listing is its continuation.
            let earlier = (listings.get(&article.file))
                .is_some_and(|seen| seen.iter().any(|(n, _)| *n < page.number));
            if !earlier {
                heads.push((page.number, article.clone(), at.clone()));
            }
        }
    }
    for (from, article, at) in heads {
        let Some((to, _)) = article.continues_on.clone() else {
            continue;
        };
        check_jump(pages, from, to, &at)?;
        let file = article.file.clone();
        for page in pages.iter_mut() {
            if page.number == from {
                for a in page.articles.iter_mut().filter(|a| a.file == file) {
                    a.jump = Some(JumpPart::First {
                        to,
                        cut: false,
                        open: false,
                        headed: has_heading(&a.body),
                    });
                }
            }
        }
        let rest = continuation(&article, from);
        let page = (pages.iter_mut())
            .find(|p| p.number == to)
            .expect("check_jump found the page");
        match page.articles.iter_mut().find(|a| a.file == file) {
            Some(listed) => *listed = rest,
            None => page.articles.push(rest),
        }
    }
    // A listing on two pages is allowed only as a jump's two parts.
    for (file, seen) in listings {
        if seen.len() < 2 {
            continue;
        }
        let jumps = pages.iter().any(|p| {
            p.articles
                .iter()
                .any(|a| &a.file == file && matches!(a.jump, Some(JumpPart::Rest { .. })))
        });
        if !jumps {
            let (first_page, first) = &seen[0];
            let (page, again) = &seen[1];
            return Err(Error::content(
                again.clone(),
                t!(
                    "content-jump-listed-on-two-pages",
                    name = file
                        .file_name()
                        .map_or(String::new(), |n| n.to_string_lossy().into_owned()),
                    first_page = first_page,
                    first = first,
                    page = page
                ),
            ));
        }
    }
    Ok(())
}

/// Page `to` exists, comes after page `from`, and both are pages of
/// several stories.
fn check_jump(pages: &[Page], from: u32, to: u32, at: &Location) -> Result<(), Error> {
    let numbers: Vec<String> = pages.iter().map(|p| p.number.to_string()).collect();
    let Some(target) = pages.iter().find(|p| p.number == to) else {
        return Err(Error::content(
            at.clone(),
            t!(
                "content-jump-no-page",
                to = to,
                pages = numbers.join(&t!("content-list-sep"))
            ),
        ));
    };
    if to <= from {
        return Err(Error::content(
            at.clone(),
            t!("content-jump-not-later", to = to, from = from),
        ));
    }
    if target.layout != "news" {
        return Err(Error::content(
            at.clone(),
            t!("content-jump-not-news", to = to, layout = &target.layout),
        ));
    }
    let source = pages
        .iter()
        .find(|p| p.number == from)
        .expect("its own page");
    let several =
        source.layout == "news" || (source.layout == "front" && source.articles.len() > 1);
    if !several {
        return Err(Error::content(
            at.clone(),
            t!(
                "content-jump-whole-story",
                to = to,
                from = from,
                layout = &source.layout
            ),
        ));
    }
    Ok(())
}

/// The continuation of `article`, as the loader gives it to the page it
/// continues on: the headline again, no kicker, byline, boxes or photos,
/// and its text to come when page `from` is laid out.
fn continuation(article: &Article, from: u32) -> Article {
    let mut a = article.clone();
    a.kicker = None;
    a.subheadline = None;
    a.byline.clear();
    a.quotes = None;
    a.milestones = None;
    a.photos.clear();
    a.columns = None;
    a.continues_on = None;
    a.body.clear();
    a.jump = Some(JumpPart::Rest {
        from,
        open: false,
        lead: false,
    });
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Text;

    fn para(runs: &[(&str, bool)]) -> Block {
        Block::Paragraph(
            runs.iter()
                .map(|(t, bold)| Run {
                    text: t.to_string(),
                    bold: *bold,
                    line: 1,
                })
                .collect(),
        )
    }

    fn head(t: &str) -> Block {
        Block::Heading(Text {
            value: t.to_string(),
            line: 1,
            field: "body".into(),
        })
    }

    fn article(body: Vec<Block>) -> Article {
        Article::of_body(body)
    }

    fn text(blocks: &[Block]) -> String {
        blocks
            .iter()
            .map(|b| match b {
                Block::Heading(t) => format!("[{}]", t.value),
                Block::Paragraph(runs) => {
                    runs.iter()
                        .map(|r| {
                            if r.bold {
                                format!("*{}*", r.text)
                            } else {
                                r.text.clone()
                            }
                        })
                        .collect::<String>()
                        + "|"
                }
            })
            .collect()
    }

    #[test]
    fn a_cut_inside_a_paragraph_splits_its_runs_and_loses_nothing() {
        let a = article(vec![
            para(&[("一二三", false)]),
            para(&[("提示。", true), ("四五 六七", false)]),
        ]);
        let j = Jump::split(&a, 1, 3, 6).unwrap();
        assert!(j.open);
        assert_eq!(text(&j.first), "一二三|*提示。*|");
        assert_eq!(text(&j.rest), "四五 六七|");
        let j = Jump::split(&a, 1, 3, 8).unwrap();
        assert_eq!(text(&j.first), "一二三|*提示。*四五|");
        assert_eq!(
            text(&j.rest),
            "六七|",
            "the space at the cut goes with neither"
        );
    }

    #[test]
    fn a_cut_never_ends_the_first_part_with_a_head_nor_cuts_one() {
        let a = article(vec![
            para(&[("一二三", false)]),
            head("小标题"),
            para(&[("四五六", false)]),
        ]);
        for chars in [3, 4, 5, 6] {
            let j = Jump::split(&a, 1, 3, chars).unwrap();
            assert_eq!(text(&j.first), "一二三|", "{chars}");
            assert_eq!(text(&j.rest), "[小标题]四五六|", "{chars}");
            assert!(!j.open && !j.in_lead, "the rest begins with the head");
        }
        // Inside the lead (before the first head): the rest goes on with it.
        let j = Jump::split(&a, 1, 3, 2).unwrap();
        assert!(j.open && j.in_lead);
        assert_eq!(text(&j.rest), "三|[小标题]四五六|");
        // Nothing, or everything, is no jump.
        assert!(Jump::split(&a, 1, 3, 0).is_none());
        assert!(Jump::split(&a, 1, 3, 12).is_none());
    }
}
