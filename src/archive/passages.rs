//! The words of an archived edition, passage by passage (headline, each
//! paragraph, each caption …), as they were set: what the index searches
//! and what `archive diff` compares. Kept in each revision as `text.json`,
//! so that the index can be rebuilt without loading the sources again.

use serde::{Deserialize, Serialize};

use crate::content::{Article, Block, Edition, Text};

/// The file name of a revision's passages.
pub const TEXT: &str = "text.json";

/// One passage of printed text.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Hash)]
pub struct Passage {
    /// 版次.
    pub page: u32,
    /// 版名 of the page.
    pub section: String,
    /// What part of the article it is: 引题, 主题, 副题, 署名, 小标题,
    /// 正文, 语录框, 大事记, 图片说明.
    pub part: String,
    /// The section head (小标题) it stands under, for body paragraphs.
    pub head: Option<String>,
    /// The text, as set (punctuation corrected as on the page).
    pub text: String,
}

impl Passage {
    /// Where the passage is, as a reader names it: `第5版 特别报道 · 正文 · 小标题`.
    pub fn place(&self) -> String {
        let mut place = format!("第{}版 {} · {}", self.page, self.section, self.part);
        if let Some(head) = &self.head {
            place.push_str(" · ");
            place.push_str(head);
        }
        place
    }
}

/// Every passage of `edition`, page by page in reading order.
pub fn passages(edition: &Edition) -> Vec<Passage> {
    let mut out = Vec::new();
    for page in &edition.pages {
        for article in &page.articles {
            let mut push = |part: &str, head: Option<&str>, text: String| {
                let text = text.trim().to_string();
                if !text.is_empty() {
                    out.push(Passage {
                        page: page.number,
                        section: page.section.clone(),
                        part: part.to_string(),
                        head: head.map(str::to_string),
                        text,
                    });
                }
            };
            article_passages(article, &mut push);
        }
    }
    out
}

fn article_passages(article: &Article, push: &mut impl FnMut(&str, Option<&str>, String)) {
    let join = |texts: &[Text], sep: &str| {
        texts
            .iter()
            .map(|t| t.value.as_str())
            .collect::<Vec<_>>()
            .join(sep)
    };
    if let Some(k) = &article.kicker {
        push("引题", None, k.value.clone());
    }
    push("主题", None, join(&article.headline, " "));
    if let Some(s) = &article.subheadline {
        push("副题", None, s.value.clone());
    }
    for b in &article.byline {
        push(
            "署名",
            None,
            format!("{} {}", b.role.value, join(&b.names, " ")),
        );
    }
    let mut head: Option<String> = None;
    for block in &article.body {
        match block {
            Block::Heading(t) => {
                push("小标题", None, t.value.clone());
                head = Some(t.value.clone());
            }
            Block::Paragraph(runs) => {
                let text: String = runs.iter().map(|r| r.text.as_str()).collect();
                push("正文", head.as_deref(), text);
            }
        }
    }
    if let Some(q) = &article.quotes {
        push("语录框", None, q.title.value.clone());
        for item in &q.items {
            push("语录框", Some(&q.title.value), item.value.clone());
        }
    }
    if let Some(m) = &article.milestones {
        push("大事记", None, m.title.value.clone());
        for item in &m.items {
            let text = match &item.date {
                Some(d) => format!("{} {}", d.value, item.text.value),
                None => item.text.value.clone(),
            };
            push("大事记", Some(&m.title.value), text);
        }
    }
    for photo in &article.photos {
        let text = match &photo.credit {
            Some(c) => format!("{}　{}　摄", photo.caption.value, c.value),
            None => photo.caption.value.clone(),
        };
        push("图片说明", None, text);
    }
}
