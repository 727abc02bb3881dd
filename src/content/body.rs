//! The article body: a deliberately tiny subset of Markdown.
//!
//! Only three things are markup: a blank line ends a paragraph, a line
//! starting with `## ` is a section head (小标题), and `**…**` is bold.
//! Every other character — `#`, `$`, `*`, `_`, `@`, `<`, `[`, `\`, `&amp;` —
//! is text and is printed as written. A CommonMark parser would decode
//! entities and backslash escapes and read `- `, `> `, `1.`, `_x_` and `` ` ``
//! as markup, which the content contract forbids, so this is hand-written.

use std::path::Path;

use super::display::{Text, check_display_text};
use crate::diag::{Error, Location};

/// A block of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A section head (小标题). Parallel phrases are separated by spaces.
    Heading(Text),
    /// A paragraph made of runs of plain or bold text.
    Paragraph(Vec<Run>),
}

/// A run of text inside a paragraph, all on one source line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The characters of the run.
    pub text: String,
    /// Bold (段首提示句).
    pub bold: bool,
    /// 1-based line in the article file.
    pub line: usize,
}

/// Whitespace that is trimmed from both ends of each line: ASCII blanks
/// and the ideographic space reporters use to indent by hand.
fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{3000}'
}

/// Parses a body that starts at line `first_line` of `file`.
pub fn parse_body(src: &str, file: &Path, first_line: usize) -> Result<Vec<Block>, Error> {
    let mut blocks = Vec::new();
    let mut para: Vec<(usize, usize, &str)> = Vec::new();
    for (i, raw) in src.split('\n').enumerate() {
        let line_no = first_line + i;
        let line = raw.trim_matches(is_blank);
        if line.is_empty() {
            flush(&mut para, &mut blocks, file)?;
        } else if let Some(head) = raw.strip_prefix("## ") {
            flush(&mut para, &mut blocks, file)?;
            let value = head.trim_matches(is_blank).to_string();
            if value.is_empty() {
                return Err(Error::content(
                    Location::at(file, line_no, 1).with_field("body"),
                    t!("content-head-empty"),
                ));
            }
            let lead = head.len() - head.trim_start_matches(is_blank).len();
            let column = 4 + head[..lead].chars().count();
            check_display_text(&value, |i| {
                Location::at(file, line_no, column + i).with_field("body")
            })?;
            blocks.push(Block::Heading(Text {
                value,
                line: line_no,
                field: "body".into(),
            }));
        } else {
            let lead = raw.len() - raw.trim_start_matches(is_blank).len();
            let column = raw[..lead].chars().count() + 1;
            check_display_text(line, |i| {
                Location::at(file, line_no, column + i).with_field("body")
            })?;
            para.push((line_no, column, line));
        }
    }
    flush(&mut para, &mut blocks, file)?;
    Ok(blocks)
}

/// Turns the collected lines of one paragraph into runs, splitting at `**`.
fn flush(
    para: &mut Vec<(usize, usize, &str)>,
    blocks: &mut Vec<Block>,
    file: &Path,
) -> Result<(), Error> {
    if para.is_empty() {
        return Ok(());
    }
    let mut runs: Vec<Run> = Vec::new();
    let mut bold = false;
    let mut opened_at = (0, 0);
    for &(line, first_col, text) in para.iter() {
        let mut rest = text;
        let mut col = first_col;
        loop {
            let (piece, after) = match rest.split_once("**") {
                Some((piece, after)) => (piece, Some(after)),
                None => (rest, None),
            };
            if !piece.is_empty() {
                match runs.last_mut() {
                    Some(last) if last.bold == bold && last.line == line => {
                        last.text.push_str(piece)
                    }
                    _ => runs.push(Run {
                        text: piece.to_string(),
                        bold,
                        line,
                    }),
                }
            }
            col += piece.chars().count();
            let Some(after) = after else { break };
            bold = !bold;
            if bold {
                opened_at = (line, col);
            }
            col += 2;
            rest = after;
        }
    }
    if bold {
        let (line, col) = opened_at;
        return Err(Error::content(
            Location::at(file, line, col).with_field("body"),
            t!("content-bold-unclosed"),
        ));
    }
    para.clear();
    if !runs.is_empty() {
        blocks.push(Block::Paragraph(runs));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> Vec<Block> {
        parse_body(src, Path::new("a.md"), 10).unwrap()
    }

    #[test]
    fn paragraphs_heads_and_bold() {
        let blocks = parse("\n## 找准 路径\n\n**突出。**一是\n抓领导。\n\n二段\n");
        assert_eq!(blocks.len(), 3);
        assert!(matches!(&blocks[0], Block::Heading(t) if t.value == "找准 路径" && t.line == 11));
        let Block::Paragraph(runs) = &blocks[1] else {
            panic!()
        };
        assert_eq!(
            runs[0],
            Run {
                text: "突出。".into(),
                bold: true,
                line: 13
            }
        );
        assert_eq!(
            runs[1],
            Run {
                text: "一是".into(),
                bold: false,
                line: 13
            }
        );
        assert_eq!(
            runs[2],
            Run {
                text: "抓领导。".into(),
                bold: false,
                line: 14
            }
        );
    }

    #[test]
    fn everything_else_is_literal() {
        let src = "# 一 $x$ * _y_ @ref <tag> [a](b) \\ &amp; #panic()\n- 项\n> 引";
        let blocks = parse(src);
        let Block::Paragraph(runs) = &blocks[0] else {
            panic!()
        };
        let all: String = runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            all,
            "# 一 $x$ * _y_ @ref <tag> [a](b) \\ &amp; #panic()- 项> 引"
        );
        assert!(runs.iter().all(|r| !r.bold));
    }

    #[test]
    fn unbalanced_bold_names_its_line_and_column() {
        let err = parse_body("正文\n\n前文**没有关上\n", Path::new("a.md"), 5).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.md:7:3: body: bold `**` opened here is not closed in the same paragraph"
        );
    }

    #[test]
    fn ideographic_indent_is_trimmed() {
        let blocks = parse("\u{3000}\u{3000}正文");
        assert_eq!(
            blocks,
            vec![Block::Paragraph(vec![Run {
                text: "正文".into(),
                bold: false,
                line: 10
            }])]
        );
    }
}
