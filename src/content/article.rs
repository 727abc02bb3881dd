//! An article file: TOML front matter between `+++` lines, then the body.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::body::{Block, parse_body};
use super::edition::{inside, read_text};
use super::picture::check_picture;
use super::toml_de::from_toml;
use crate::diag::{Error, LineIndex, Location, Warning};
use crate::limits::{Budget, Limits, setting};

/// A piece of display text with the line it was written on, so that
/// reports (punctuation fixes, checks) can point back to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The text as written (or as corrected, after punctuation correction).
    pub value: String,
    /// 1-based line in the article file.
    pub line: usize,
    /// The field it came from, e.g. `quotes.items[2]`.
    pub field: String,
}

/// One article: display parts from the front matter plus the body.
#[derive(Debug, Clone)]
pub struct Article {
    /// The file, as the user-facing path (edition folder joined with the name).
    pub file: PathBuf,
    /// 引题.
    pub kicker: Option<Text>,
    /// 主题: one phrase or several parallel phrases.
    pub headline: Vec<Text>,
    /// 副题.
    pub subheadline: Option<Text>,
    /// 作者署名, one entry per role.
    pub byline: Vec<Byline>,
    /// 语录框.
    pub quotes: Option<Quotes>,
    /// 大事记.
    pub milestones: Option<Milestones>,
    /// Photos in reading order.
    pub photos: Vec<Photo>,
    /// Body blocks: paragraphs and section heads.
    pub body: Vec<Block>,
}

/// One byline role and the people under it.
#[derive(Debug, Clone)]
pub struct Byline {
    /// e.g. 咸宁日报全媒体记者, 通讯员.
    pub role: Text,
    /// The names.
    pub names: Vec<Text>,
}

/// The quote box.
#[derive(Debug, Clone)]
pub struct Quotes {
    /// Box title.
    pub title: Text,
    /// Items, each set with a ★.
    pub items: Vec<Text>,
}

/// The milestone box.
#[derive(Debug, Clone)]
pub struct Milestones {
    /// Box title, e.g. 八年扶贫大事记.
    pub title: Text,
    /// Dated entries.
    pub items: Vec<Milestone>,
}

/// One milestone: an optional date picked out, and the text after it.
#[derive(Debug, Clone)]
pub struct Milestone {
    /// The date as written, set in front of the text.
    pub date: Option<Text>,
    /// What happened.
    pub text: Text,
}

/// One photo with its caption.
#[derive(Debug, Clone)]
pub struct Photo {
    /// Path relative to the edition folder, as written.
    pub file: String,
    /// The picture on disk, if it exists inside the edition folder.
    pub path: Option<PathBuf>,
    /// What its header says (size, colour), when it exists.
    pub info: Option<super::picture::PictureInfo>,
    /// 图片说明.
    pub caption: Text,
    /// 摄影, if known.
    pub credit: Option<Text>,
    /// Where the `[[photos]]` entry is.
    pub location: Location,
    /// The point of the picture to keep in view when it is cropped to its
    /// frame, as fractions of its width and height from the top left
    /// (`focus = [0.5, 0.3]`); the centre when not given.
    pub focus: (f64, f64),
}

/// `headline`: one phrase, or a list of parallel phrases.
enum Headline {
    One(String),
    Many(Vec<String>),
}

impl<'de> Deserialize<'de> for Headline {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Phrases;
        impl<'de> serde::de::Visitor<'de> for Phrases {
            type Value = Headline;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or a list of strings")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Headline, E> {
                Ok(Headline::One(v.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Headline, A::Error> {
                let mut phrases = Vec::new();
                while let Some(p) = seq.next_element::<String>()? {
                    phrases.push(p);
                }
                Ok(Headline::Many(phrases))
            }
        }
        d.deserialize_any(Phrases)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontToml {
    kicker: Option<Spanned<String>>,
    headline: Spanned<Headline>,
    subheadline: Option<Spanned<String>>,
    #[serde(default)]
    byline: Vec<Spanned<BylineToml>>,
    quotes: Option<QuotesToml>,
    milestones: Option<MilestonesToml>,
    #[serde(default)]
    photos: Vec<Spanned<PhotoToml>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BylineToml {
    role: Spanned<String>,
    names: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuotesToml {
    title: Spanned<String>,
    items: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MilestonesToml {
    title: Spanned<String>,
    items: Vec<MilestoneToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MilestoneToml {
    date: Option<Spanned<String>>,
    text: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PhotoToml {
    file: Spanned<String>,
    caption: Spanned<String>,
    credit: Option<Spanned<String>>,
    focus: Option<Spanned<Vec<f64>>>,
}

/// Splits an article into its front matter (and the line it starts on) and
/// its body (and the line it starts on).
fn split_front_matter<'a>(src: &'a str, file: &Path) -> Result<(&'a str, &'a str, usize), Error> {
    let Some(rest) = src.strip_prefix("+++\n") else {
        return Err(Error::content(
            Location::at(file, 1, 1),
            "an article starts with a `+++` line that opens its front matter",
        ));
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = 2 + front.matches('\n').count() + 1;
            return Ok((front, body, body_line));
        }
        offset += line.len();
    }
    Err(Error::content(
        Location::at(file, 1, 1),
        "the front matter opened here never closes (no closing `+++` line)",
    ))
}

/// Loads and validates one article of the edition in `dir`, holding it
/// and its pictures to `limits` and adding their sizes to `budget`.
pub fn load_article(
    dir: &Path,
    file: &Path,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<(Article, Vec<Warning>), Error> {
    let (src, bytes) = read_text(file, limits.article_bytes, &setting("article_bytes"))?;
    budget.add(file, bytes)?;
    let (front, body_src, body_line) = split_front_matter(&src, file)?;
    // Text far longer than any page holds would only be laid out to be
    // called overset: refuse it before the parsers and the layout see it.
    let count = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count() as u64;
    let (front_chars, body_chars) = (count(front), count(body_src));
    if front_chars + body_chars > limits.article_chars {
        let (location, part) = if body_chars >= front_chars {
            (Location::at(file, body_line, 1).with_field("body"), "body")
        } else {
            (Location::at(file, 2, 1), "front matter")
        };
        return Err(Error::content(
            location,
            format!(
                "the article has {} characters, {} of them in the {part}; the limit is {} ([limits] article_chars in edition.toml), far more than a page holds",
                front_chars + body_chars,
                front_chars.max(body_chars),
                limits.article_chars
            ),
        ));
    }
    let raw: FrontToml = from_toml(front, file, 2)?;
    let lines = LineIndex::new(file, front, 2);
    let loc = |span: std::ops::Range<usize>| lines.location(span.start);
    // Only the line is kept; the column is found when there is an error.
    let text = |s: Spanned<String>, field: String| -> Result<Text, Error> {
        let span = s.span();
        let value = s.into_inner();
        check_display_text(&value, |_| loc(span.clone()).with_field(field.clone()))?;
        Ok(Text {
            value,
            line: lines.line(span.start),
            field,
        })
    };
    let non_empty = |t: Text| -> Result<Text, Error> {
        if t.value.trim().is_empty() {
            Err(Error::content(
                Location::at(file, t.line, 1).with_field(t.field),
                "must not be empty",
            ))
        } else {
            Ok(t)
        }
    };

    let headline_loc = loc(raw.headline.span()).with_field("headline");
    let headline_line = headline_loc.line.unwrap_or(1);
    let headline = match raw.headline.into_inner() {
        Headline::One(s) => vec![s],
        Headline::Many(v) => v,
    };
    if headline.is_empty() || headline.iter().any(|h| h.trim().is_empty()) {
        return Err(Error::content(
            headline_loc,
            "the headline must have at least one non-empty phrase",
        ));
    }
    let headline = headline
        .into_iter()
        .enumerate()
        .map(|(i, value)| {
            check_display_text(&value, |_| headline_loc.clone())?;
            Ok(Text {
                value,
                line: headline_line,
                field: format!("headline[{i}]"),
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;

    let byline = raw
        .byline
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let b = b.into_inner();
            Ok(Byline {
                role: text(b.role, format!("byline[{i}].role"))?,
                names: b
                    .names
                    .into_iter()
                    .enumerate()
                    .map(|(j, n)| text(n, format!("byline[{i}].names[{j}]")).and_then(non_empty))
                    .collect::<Result<_, _>>()?,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;

    let quotes = raw
        .quotes
        .map(|q| -> Result<Quotes, Error> {
            Ok(Quotes {
                title: text(q.title, "quotes.title".into())?,
                items: q
                    .items
                    .into_iter()
                    .enumerate()
                    .map(|(i, s)| text(s, format!("quotes.items[{i}]")).and_then(non_empty))
                    .collect::<Result<_, _>>()?,
            })
        })
        .transpose()?;

    let milestones = raw
        .milestones
        .map(|m| -> Result<Milestones, Error> {
            Ok(Milestones {
                title: text(m.title, "milestones.title".into())?,
                items: m
                    .items
                    .into_iter()
                    .enumerate()
                    .map(|(i, it)| {
                        Ok(Milestone {
                            date: it
                                .date
                                .map(|d| text(d, format!("milestones.items[{i}].date")))
                                .transpose()?
                                .filter(|d| !d.value.trim().is_empty()),
                            text: non_empty(text(it.text, format!("milestones.items[{i}].text"))?)?,
                        })
                    })
                    .collect::<Result<_, Error>>()?,
            })
        })
        .transpose()?;

    let mut warnings = Vec::new();
    let mut photos = Vec::new();
    if let Some(extra) = raw.photos.get(limits.photos as usize) {
        return Err(Error::content(
            loc(extra.span()).with_field(format!("photos[{}]", limits.photos)),
            format!(
                "the article has {} photos; the limit is {} ([limits] photos in edition.toml)",
                raw.photos.len(),
                limits.photos
            ),
        ));
    }
    for (i, p) in raw.photos.into_iter().enumerate() {
        let location = loc(p.span()).with_field(format!("photos[{i}]"));
        let p = p.into_inner();
        let file_loc = loc(p.file.span()).with_field(format!("photos[{i}].file"));
        let name = p.file.into_inner();
        let path = resolve_picture(dir, &name).map_err(|m| Error::content(file_loc.clone(), m))?;
        let (path, info) = if path.exists() && !inside(dir, &path) {
            return Err(Error::content(
                file_loc,
                format!("picture path {name:?} leads outside the edition folder"),
            ));
        } else if path.exists() {
            let info = check_picture(&path, &file_loc, limits)?;
            budget.add(&path, info.bytes)?;
            (Some(path), Some(info))
        } else {
            warnings.push(Warning {
                location: file_loc,
                message: format!(
                    "picture {name} not found; a placeholder frame is set in its place"
                ),
            });
            (None, None)
        };
        let focus = match p.focus {
            None => (0.5, 0.5),
            Some(f) => {
                let at = loc(f.span()).with_field(format!("photos[{i}].focus"));
                match f.into_inner()[..] {
                    [x, y] if (0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y) => (x, y),
                    _ => {
                        return Err(Error::content(
                            at,
                            "expected two fractions from 0 to 1, across and down, e.g. [0.5, 0.3]",
                        ));
                    }
                }
            }
        };
        photos.push(Photo {
            focus,
            file: name,
            path,
            info,
            caption: non_empty(text(p.caption, format!("photos[{i}].caption"))?)?,
            credit: p
                .credit
                .map(|c| text(c, format!("photos[{i}].credit")))
                .transpose()?
                .filter(|c| !c.value.trim().is_empty()),
            location,
        });
    }

    let body = parse_body(body_src, file, body_line)?;
    if body.is_empty() {
        return Err(Error::content(
            Location::at(file, body_line, 1),
            "the article has no body text",
        ));
    }

    let article = Article {
        file: file.to_path_buf(),
        kicker: raw
            .kicker
            .map(|k| text(k, "kicker".into()))
            .transpose()?
            .filter(|k| !k.value.trim().is_empty()),
        headline,
        subheadline: raw
            .subheadline
            .map(|s| text(s, "subheadline".into()))
            .transpose()?
            .filter(|s| !s.value.trim().is_empty()),
        byline,
        quotes,
        milestones,
        photos,
        body,
    };
    Ok((article, warnings))
}

/// Display text may not hold control characters: they cannot be set and
/// usually mean the copy was damaged on the way. `location` gives the
/// place of the character at a char index of `value`; it is called only
/// when there is an error.
pub(crate) fn check_display_text(
    value: &str,
    location: impl FnOnce(usize) -> Location,
) -> Result<(), Error> {
    match value
        .chars()
        .enumerate()
        .find(|(_, c)| c.is_control() && *c != '\n' && *c != '\t')
    {
        Some((i, c)) => Err(Error::content(
            location(i),
            format!(
                "contains the control character U+{:04X}, which cannot be set",
                c as u32
            ),
        )),
        None => Ok(()),
    }
}

/// Resolves a picture path inside the edition folder. Absolute paths and
/// `..` are refused here; links that lead outside the folder are refused
/// by the caller, once it knows the file exists.
fn resolve_picture(dir: &Path, name: &str) -> Result<PathBuf, String> {
    let rel = Path::new(name);
    let plain = !name.is_empty()
        && rel
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
    if !plain {
        return Err(format!(
            "picture path {name:?} must be relative and stay inside the edition folder"
        ));
    }
    Ok(dir.join(rel))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split_with_line_numbers() {
        let src = "+++\na = 1\nb = 2\n+++\n\nbody\n";
        let (front, body, line) = split_front_matter(src, Path::new("x.md")).unwrap();
        assert_eq!(front, "a = 1\nb = 2\n");
        assert_eq!(body, "\nbody\n");
        assert_eq!(line, 5);
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let err = split_front_matter("+++\na = 1\n", Path::new("x.md")).unwrap_err();
        assert!(err.to_string().contains("never closes"), "{err}");
    }
}
