//! An article file: TOML front matter between `+++` lines, then the body.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::body::{Block, parse_body};
use super::copy_check::{check_copy, check_credit};
use super::display::{Text, check_display_text};
use super::hints::{
    DEFAULT_MAX_CROP, PhotoHints, SizeClass, check_columns, check_max_crop, parse_aspect,
};
use super::jump_part::JumpPart;
use super::picture::{PictureInfo, check_picture};
use super::source::read_text;
use super::toml_de::from_toml;
use crate::diag::{Error, LineIndex, Location, Warning};
use crate::files::inside;
use crate::limits::{Budget, Limits, setting};

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
    /// `columns = N`: the width of the story's module on a news page, and
    /// where the field is.
    pub columns: Option<(usize, Location)>,
    /// `continues_on = N`: the story jumps to page N (转版) when its
    /// module is full, and where the field is.
    pub continues_on: Option<(u32, Location)>,
    /// The part of a jumping story this listing sets (none for a story
    /// set whole).
    pub jump: Option<JumpPart>,
    /// Photos in reading order.
    pub photos: Vec<Photo>,
    /// Body blocks: paragraphs and section heads.
    pub body: Vec<Block>,
}

#[cfg(test)]
impl Article {
    /// An article of `body` alone (file `a.md`), for unit tests.
    pub(crate) fn of_body(body: Vec<Block>) -> Self {
        Self {
            file: PathBuf::from("a.md"),
            kicker: None,
            headline: Vec::new(),
            subheadline: None,
            byline: Vec::new(),
            quotes: None,
            milestones: None,
            columns: None,
            continues_on: None,
            jump: None,
            photos: Vec::new(),
            body,
        }
    }
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
    pub info: Option<PictureInfo>,
    /// 图片说明.
    pub caption: Text,
    /// 摄影, if known.
    pub credit: Option<Text>,
    /// Where the `[[photos]]` entry is.
    pub location: Location,
    /// Where its `file` field is (`photos[i].file`).
    pub file_location: Location,
    /// The point of the picture to keep in view when it is cropped to its
    /// frame, as fractions of its width and height from the top left
    /// (`focus = [0.5, 0.3]`); the centre when not given.
    pub focus: (f64, f64),
    /// What the editor asks of the page makeup for this photo.
    pub hints: PhotoHints,
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
                f.write_str(&t!("content-expect-headline"))
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
    columns: Option<Spanned<i64>>,
    continues_on: Option<Spanned<i64>>,
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
    size: Option<SizeClass>,
    columns: Option<Spanned<i64>>,
    order: Option<i64>,
    aspect: Option<Spanned<AspectToml>>,
    max_crop: Option<Spanned<f64>>,
}

/// `aspect`: `"3:2"` or a number.
#[derive(Deserialize)]
#[serde(untagged)]
enum AspectToml {
    Ratio(String),
    Number(f64),
}

/// Splits an article into its front matter (and the line it starts on) and
/// its body (and the line it starts on).
fn split_front_matter<'a>(src: &'a str, file: &Path) -> Result<(&'a str, &'a str, usize), Error> {
    let first = src.split_inclusive('\n').next().unwrap_or("");
    let Some(rest) = src.strip_prefix("+++\n") else {
        return Err(hidden_in_fence(first, file, 1).unwrap_or_else(|| {
            Error::content(Location::at(file, 1, 1), t!("content-front-matter-no-open"))
        }));
    };
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "+++" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = 2 + front.matches('\n').count() + 1;
            return Ok((front, body, body_line));
        }
        if let Some(error) = hidden_in_fence(line, file, i + 2) {
            return Err(error);
        }
        offset += line.len();
    }
    Err(Error::content(
        Location::at(file, 1, 1),
        t!("content-front-matter-unclosed"),
    ))
}

/// The error for a line (line `number` of `file`) that would be a `+++`
/// line of the front matter but for an invisible character in it (a
/// byte-order mark, a zero-width space…), which no one can see in the copy.
fn hidden_in_fence(line: &str, file: &Path, number: usize) -> Option<Error> {
    let line = line.trim_end();
    let (column, c) = line
        .chars()
        .enumerate()
        .find(|(_, c)| crate::han::invisible(*c).is_some())?;
    let visible: String = line
        .chars()
        .filter(|c| crate::han::invisible(*c).is_none())
        .collect();
    (visible.trim() == "+++").then(|| {
        Error::content(
            Location::at(file, number, column + 1),
            t!(
                "content-fence-invisible",
                code = format!("{:04X}", c as u32),
                what = crate::han::invisible(c).expect("invisible")
            ),
        )
    })
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
    check_length(front, body_src, body_line, file, limits)?;
    let raw: FrontToml = from_toml(front, file, 2)?;
    let mut fields = Front {
        dir,
        file,
        limits,
        budget,
        lines: LineIndex::new(file, front, 2),
        warnings: Vec::new(),
    };
    let headline = fields.headline(raw.headline)?;
    let byline = (raw.byline.into_iter().enumerate())
        .map(|(i, b)| fields.byline(i, b.into_inner()))
        .collect::<Result<Vec<_>, Error>>()?;
    let quotes = raw.quotes.map(|q| fields.quotes(q)).transpose()?;
    let milestones = raw.milestones.map(|m| fields.milestones(m)).transpose()?;
    let photos = fields.photos(raw.photos)?;
    let body = load_body(body_src, file, body_line)?;
    fields
        .warnings
        .extend(check_copy(file, body_src, body_line));
    let credits = photos.iter().filter_map(|p| p.credit.as_ref());
    (fields.warnings).extend(credits.filter_map(|c| check_credit(file, c)));
    let columns = (raw.columns)
        .map(|c| {
            let at = fields.loc(c.span()).with_field("columns");
            check_columns(*c.get_ref(), &at).map(|v| (v as usize, at))
        })
        .transpose()?;
    let continues_on = (raw.continues_on)
        .map(|c| {
            let at = fields.loc(c.span()).with_field("continues_on");
            match u32::try_from(*c.get_ref()) {
                Ok(n) if (1..=999).contains(&n) => Ok((n, at)),
                _ => Err(Error::content(
                    at,
                    t!("content-continues-on-range", value = c.get_ref()),
                )),
            }
        })
        .transpose()?;
    let article = Article {
        file: file.to_path_buf(),
        kicker: fields.optional(raw.kicker, "kicker".into())?,
        headline,
        subheadline: fields.optional(raw.subheadline, "subheadline".into())?,
        byline,
        quotes,
        milestones,
        columns,
        continues_on,
        jump: None,
        photos,
        body,
    };
    Ok((article, fields.warnings))
}

/// Text far longer than any page holds would only be laid out to be
/// called overset: refuses it before the parsers and the layout see it.
fn check_length(
    front: &str,
    body: &str,
    body_line: usize,
    file: &Path,
    limits: &Limits,
) -> Result<(), Error> {
    let count = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count() as u64;
    let (front_chars, body_chars) = (count(front), count(body));
    if front_chars + body_chars <= limits.article_chars {
        return Ok(());
    }
    let (location, part) = if body_chars >= front_chars {
        (Location::at(file, body_line, 1).with_field("body"), "body")
    } else {
        (Location::at(file, 2, 1), "front")
    };
    Err(Error::content(
        location,
        t!(
            "content-article-too-long",
            total = front_chars + body_chars,
            most = front_chars.max(body_chars),
            part = part,
            limit = limits.article_chars
        ),
    ))
}

/// Parses the body, which must hold some text.
fn load_body(src: &str, file: &Path, first_line: usize) -> Result<Vec<Block>, Error> {
    let body = parse_body(src, file, first_line)?;
    if body.is_empty() {
        return Err(Error::content(
            Location::at(file, first_line, 1),
            t!("content-article-no-body"),
        ));
    }
    Ok(body)
}

/// Turns the front matter's TOML into the article's display parts, one
/// section at a time, pointing every error at its place in the file.
struct Front<'a> {
    /// The edition folder, which photos must stay inside.
    dir: &'a Path,
    /// The article file.
    file: &'a Path,
    /// The edition's limits, for photos.
    limits: &'a Limits,
    /// The edition's byte budget, which photos count against.
    budget: &'a mut Budget,
    /// Lines of the front matter, which starts on line 2.
    lines: LineIndex<'a>,
    /// Missing pictures, found while converting photos.
    warnings: Vec<Warning>,
}

impl Front<'_> {
    /// The place of a span of the front matter.
    fn loc(&self, span: std::ops::Range<usize>) -> Location {
        self.lines.location(span.start)
    }

    /// Display text; only the line is kept, the column is found when there
    /// is an error.
    fn text(&self, s: Spanned<String>, field: String) -> Result<Text, Error> {
        let span = s.span();
        let value = s.into_inner();
        check_display_text(&value, |_| self.loc(span.clone()).with_field(field.clone()))?;
        Ok(Text {
            value,
            line: self.lines.line(span.start),
            field,
        })
    }

    /// Display text that must not be blank.
    fn filled(&self, s: Spanned<String>, field: String) -> Result<Text, Error> {
        let t = self.text(s, field)?;
        if t.value.trim().is_empty() {
            return Err(Error::content(
                Location::at(self.file, t.line, 1).with_field(t.field),
                t!("content-text-empty"),
            ));
        }
        Ok(t)
    }

    /// Display text that may be left out; a blank one counts as left out.
    fn optional(&self, s: Option<Spanned<String>>, field: String) -> Result<Option<Text>, Error> {
        Ok(s.map(|s| self.text(s, field))
            .transpose()?
            .filter(|t| !t.value.trim().is_empty()))
    }

    /// `headline`: at least one phrase, none of them blank.
    fn headline(&self, raw: Spanned<Headline>) -> Result<Vec<Text>, Error> {
        let at = self.loc(raw.span()).with_field("headline");
        let line = at.line.unwrap_or(1);
        let phrases = match raw.into_inner() {
            Headline::One(s) => vec![s],
            Headline::Many(v) => v,
        };
        if phrases.is_empty() || phrases.iter().any(|h| h.trim().is_empty()) {
            return Err(Error::content(at, t!("content-headline-empty")));
        }
        (phrases.into_iter().enumerate())
            .map(|(i, value)| {
                check_display_text(&value, |_| at.clone())?;
                Ok(Text {
                    value,
                    line,
                    field: format!("headline[{i}]"),
                })
            })
            .collect()
    }

    /// `[[byline]]` entry `i`: a role and the names under it.
    fn byline(&self, i: usize, b: BylineToml) -> Result<Byline, Error> {
        Ok(Byline {
            role: self.text(b.role, format!("byline[{i}].role"))?,
            names: (b.names.into_iter().enumerate())
                .map(|(j, n)| self.filled(n, format!("byline[{i}].names[{j}]")))
                .collect::<Result<_, _>>()?,
        })
    }

    /// `[quotes]`: a title and the quoted items.
    fn quotes(&self, q: QuotesToml) -> Result<Quotes, Error> {
        Ok(Quotes {
            title: self.text(q.title, "quotes.title".into())?,
            items: (q.items.into_iter().enumerate())
                .map(|(i, s)| self.filled(s, format!("quotes.items[{i}]")))
                .collect::<Result<_, _>>()?,
        })
    }

    /// `[milestones]`: a title and the dated entries.
    fn milestones(&self, m: MilestonesToml) -> Result<Milestones, Error> {
        Ok(Milestones {
            title: self.text(m.title, "milestones.title".into())?,
            items: (m.items.into_iter().enumerate())
                .map(|(i, it)| {
                    Ok(Milestone {
                        date: self.optional(it.date, format!("milestones.items[{i}].date"))?,
                        text: self.filled(it.text, format!("milestones.items[{i}].text"))?,
                    })
                })
                .collect::<Result<_, Error>>()?,
        })
    }

    /// `[[photos]]`: no more than the limit allows, each checked in turn.
    fn photos(&mut self, raw: Vec<Spanned<PhotoToml>>) -> Result<Vec<Photo>, Error> {
        if let Some(extra) = raw.get(self.limits.photos as usize) {
            return Err(Error::content(
                self.loc(extra.span())
                    .with_field(format!("photos[{}]", self.limits.photos)),
                t!(
                    "content-photos-too-many",
                    count = raw.len(),
                    limit = self.limits.photos
                ),
            ));
        }
        (raw.into_iter().enumerate())
            .map(|(i, p)| self.photo(i, p))
            .collect()
    }

    /// `[[photos]]` entry `i`: its picture, focus, caption and credit.
    fn photo(&mut self, i: usize, p: Spanned<PhotoToml>) -> Result<Photo, Error> {
        let location = self.loc(p.span()).with_field(format!("photos[{i}]"));
        let p = p.into_inner();
        let file_loc = self
            .loc(p.file.span())
            .with_field(format!("photos[{i}].file"));
        let name = p.file.into_inner();
        let (path, info) = self.picture(&name, file_loc.clone())?;
        let focus = self.focus(i, p.focus)?;
        let hints = PhotoHints {
            size: p.size,
            columns: (p.columns.as_ref())
                .map(|c| check_columns(*c.get_ref(), &self.field_at(c.span(), i, "columns")))
                .transpose()?,
            order: p.order,
            aspect: (p.aspect.as_ref())
                .map(|a| {
                    let at = self.field_at(a.span(), i, "aspect");
                    match a.get_ref() {
                        AspectToml::Ratio(r) => parse_aspect(r, &at),
                        AspectToml::Number(n) => parse_aspect(&n.to_string(), &at),
                    }
                })
                .transpose()?,
            max_crop: (p.max_crop.as_ref())
                .map(|m| check_max_crop(*m.get_ref(), &self.field_at(m.span(), i, "max_crop")))
                .transpose()?
                .unwrap_or(DEFAULT_MAX_CROP),
            columns_location: p
                .columns
                .as_ref()
                .map(|c| self.field_at(c.span(), i, "columns")),
        };
        Ok(Photo {
            focus,
            hints,
            file: name,
            path,
            info,
            caption: self.filled(p.caption, format!("photos[{i}].caption"))?,
            credit: self.optional(p.credit, format!("photos[{i}].credit"))?,
            location,
            file_location: file_loc,
        })
    }

    /// Finds the picture `name` inside the edition folder, checks it and
    /// counts it against the budget. A missing picture is a warning (a
    /// placeholder frame is set), not an error.
    fn picture(
        &mut self,
        name: &str,
        at: Location,
    ) -> Result<(Option<PathBuf>, Option<PictureInfo>), Error> {
        let path = resolve_picture(self.dir, name).map_err(|m| Error::content(at.clone(), m))?;
        if !path.exists() {
            self.warnings.push(Warning {
                location: at,
                message: t!("content-picture-missing", name = name),
            });
            return Ok((None, None));
        }
        if !inside(self.dir, &path) {
            return Err(Error::content(
                at,
                t!("content-picture-path-outside", name = format!("{name:?}")),
            ));
        }
        let info = check_picture(&path, &at, self.limits)?;
        self.budget.add(&path, info.bytes)?;
        self.budget.add_decoded(&at, &path, info.decoded)?;
        self.misnamed(name, &info, at);
        Ok((Some(path), Some(info)))
    }

    /// Warns when a picture's name says another format than its content
    /// (a PNG saved as `.jpg`): it is set by its content.
    fn misnamed(&mut self, name: &str, info: &PictureInfo, at: Location) {
        let ext = Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let named = match ext.as_str() {
            "png" => "PNG",
            "jpg" | "jpeg" => "JPEG",
            _ => return,
        };
        if named != info.format {
            self.warnings.push(Warning {
                location: at,
                message: t!(
                    "content-picture-misnamed",
                    name = name,
                    format = info.format,
                    ext = &ext,
                    proper = info.typst_format()
                ),
            });
        }
    }

    /// Where field `name` of photo `i` is.
    fn field_at(&self, span: std::ops::Range<usize>, i: usize, name: &str) -> Location {
        self.loc(span).with_field(format!("photos[{i}].{name}"))
    }

    /// Photo `i`'s `focus`: two fractions, the centre when not given.
    fn focus(&self, i: usize, focus: Option<Spanned<Vec<f64>>>) -> Result<(f64, f64), Error> {
        let Some(f) = focus else {
            return Ok((0.5, 0.5));
        };
        let at = self.loc(f.span()).with_field(format!("photos[{i}].focus"));
        match f.into_inner()[..] {
            [x, y] if (0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y) => Ok((x, y)),
            _ => Err(Error::content(at, t!("content-focus-invalid"))),
        }
    }
}

/// Resolves a picture path inside the edition folder. Absolute paths and
/// `..` are refused here; links that lead outside the folder are refused
/// by the caller, once it knows the file exists.
pub(super) fn resolve_picture(dir: &Path, name: &str) -> Result<PathBuf, String> {
    let rel = Path::new(name);
    let plain = !name.is_empty()
        && rel
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
    if !plain {
        return Err(t!(
            "content-picture-path-not-relative",
            name = format!("{name:?}")
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
