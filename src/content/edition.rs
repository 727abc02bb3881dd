//! `edition.toml`: the paper, the date and the pages of one edition.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::article::{Article, check_display_text, load_article};
use super::toml_de::from_toml;
use crate::diag::{Error, LineIndex, Location, Warning};
use crate::limits::{Budget, Limits, checked_size};

/// One edition: a folder with `edition.toml`, its articles and pictures.
#[derive(Debug, Clone)]
pub struct Edition {
    /// The edition's id: its folder name. Names the output folder.
    pub id: String,
    /// The edition folder on disk.
    pub dir: PathBuf,
    /// Masthead name (报名).
    pub paper: String,
    /// Publication date.
    pub date: Date,
    /// 期号, if given.
    pub issue: Option<u32>,
    /// Trim size and bleed.
    pub format: Format,
    /// The pages, in the order written.
    pub pages: Vec<Page>,
    /// The resource limits the edition was loaded with.
    pub limits: Limits,
}

/// A calendar date (the edition's publication date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// Year, e.g. 2021.
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
}

impl Date {
    /// Builds a date, rejecting impossible ones (30 February).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Self { year, month, day })
    }

    /// Day of the week, 0 = Sunday … 6 = Saturday.
    pub fn weekday(&self) -> u8 {
        // Days since 1970-01-01 (a Thursday), by Howard Hinnant's algorithm.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146097 + doe - 719468;
        (days + 4).rem_euclid(7) as u8
    }

    /// The date as a folio line writes it: `2021年3月1日 星期一`.
    pub fn chinese(&self) -> String {
        const WEEKDAYS: [&str; 7] = ["日", "一", "二", "三", "四", "五", "六"];
        format!(
            "{}年{}月{}日 星期{}",
            self.year,
            self.month,
            self.day,
            WEEKDAYS[usize::from(self.weekday())]
        )
    }

    /// ISO form, `2021-03-01`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Trim size and bleed of the pages, in millimetres.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Format {
    /// Trimmed page width.
    pub width_mm: f64,
    /// Trimmed page height.
    pub height_mm: f64,
    /// Bleed beyond the trim on every side.
    pub bleed_mm: f64,
}

impl Default for Format {
    /// A broadsheet (对开) page without bleed.
    fn default() -> Self {
        Self {
            width_mm: 390.0,
            height_mm: 540.0,
            bleed_mm: 0.0,
        }
    }
}

/// One page (版) of the edition.
#[derive(Debug, Clone)]
pub struct Page {
    /// 版次, printed as 第N版.
    pub number: u32,
    /// 版名, e.g. 特别报道.
    pub section: String,
    /// The template in `layouts/`, without `.typ`.
    pub layout: String,
    /// The articles set on the page.
    pub articles: Vec<Article>,
    /// 责任编辑.
    pub editor: Option<String>,
    /// 版式设计 / 美术编辑.
    pub designer: Option<String>,
    /// 校对.
    pub proofreader: Option<String>,
    /// Where the page's `[[pages]]` entry is.
    pub location: Location,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EditionToml {
    paper: Spanned<String>,
    date: Spanned<Datetime>,
    issue: Option<u32>,
    #[serde(default)]
    format: Option<Spanned<Format>>,
    pages: Spanned<Vec<Spanned<PageToml>>>,
    limits: Option<Spanned<Limits>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageToml {
    number: Spanned<i64>,
    section: Spanned<String>,
    layout: Spanned<String>,
    articles: Vec<Spanned<String>>,
    editor: Option<Spanned<String>>,
    designer: Option<Spanned<String>>,
    proofreader: Option<Spanned<String>>,
}

/// Reads an edition folder: `edition.toml` and every article it names.
/// Returns the edition and the warnings found while loading (none are fatal).
pub fn load_edition(dir: &Path, layouts: &Path) -> Result<(Edition, Vec<Warning>), Error> {
    let file = dir.join("edition.toml");
    if !dir.is_dir() {
        return Err(Error::content(
            Location::file(dir),
            "not an edition folder (no such directory)",
        ));
    }
    // The limits are in edition.toml, so the file itself is held to the default.
    let (src, toml_bytes) = read_text(
        &file,
        Limits::default().article_bytes,
        "edition.toml's own limit, which [limits] does not change",
    )?;
    let raw: EditionToml = from_toml(&src, &file, 1)?;
    let lines = LineIndex::new(&file, &src, 1);
    let at = |span: std::ops::Range<usize>| lines.location(span.start);
    // Display text from edition.toml: control characters are refused.
    let text = |s: &Spanned<String>, field: String| -> Result<String, Error> {
        check_display_text(s.get_ref(), |_| at(s.span()).with_field(field))?;
        Ok(s.get_ref().clone())
    };

    let limits = match &raw.limits {
        Some(l) => {
            l.get_ref().validate(&at(l.span()))?;
            *l.get_ref()
        }
        None => Limits::default(),
    };
    let mut budget = Budget::new(limits.edition_bytes);
    budget.add(&file, toml_bytes)?;

    let id = edition_id(dir)?;
    let paper = text(&raw.paper, "paper".into())?.trim().to_string();
    if paper.is_empty() {
        return Err(Error::content(
            at(raw.paper.span()).with_field("paper"),
            "the paper's name is empty",
        ));
    }
    let date = to_date(raw.date.get_ref()).ok_or_else(|| {
        Error::content(
            at(raw.date.span()).with_field("date"),
            "expected a date such as 2021-03-01 (no time)",
        )
    })?;
    let format = match raw.format {
        Some(f) => {
            let loc = at(f.span()).with_field("format");
            validate_format(f.into_inner(), loc)?
        }
        None => Format::default(),
    };
    if raw.pages.get_ref().is_empty() {
        return Err(Error::content(
            at(raw.pages.span()).with_field("pages"),
            "an edition needs at least one [[pages]] entry",
        ));
    }

    let mut warnings = Vec::new();
    let mut pages: Vec<Page> = Vec::new();
    // Each article is set once: a name listed again would load (and lay
    // out) the same file again, as often as edition.toml repeats it.
    let mut listed: std::collections::HashMap<PathBuf, Location> = Default::default();
    for (i, page) in raw.pages.into_inner().into_iter().enumerate() {
        let location = at(page.span()).with_field(format!("pages[{i}]"));
        let page = page.into_inner();
        let field = |name: &str| format!("pages[{i}].{name}");
        let number = *page.number.get_ref();
        let number = u32::try_from(number)
            .ok()
            .filter(|n| (1..=999).contains(n))
            .ok_or_else(|| {
                Error::content(
                    at(page.number.span()).with_field(field("number")),
                    "a page number from 1 to 999",
                )
            })?;
        if let Some(other) = pages.iter().find(|p| p.number == number) {
            return Err(Error::content(
                at(page.number.span()).with_field(field("number")),
                format!(
                    "page {number} is listed twice (first at {})",
                    other.location
                ),
            ));
        }
        let layout = page.layout.get_ref().clone();
        check_layout(&layout, layouts)
            .map_err(|m| Error::content(at(page.layout.span()).with_field(field("layout")), m))?;
        if page.articles.is_empty() {
            return Err(Error::content(
                location.clone().with_field(field("articles")),
                "a page needs at least one article",
            ));
        }
        let mut articles = Vec::new();
        for (j, name) in page.articles.iter().enumerate() {
            let loc = at(name.span()).with_field(format!("pages[{i}].articles[{j}]"));
            let path =
                article_path(dir, name.get_ref()).map_err(|m| Error::content(loc.clone(), m))?;
            if let Some(first) = listed.get(&path) {
                return Err(Error::content(
                    loc,
                    format!(
                        "article file {} is listed twice (first at {first})",
                        name.get_ref()
                    ),
                ));
            }
            listed.insert(path.clone(), loc.clone());
            if !path.exists() {
                return Err(Error::content(
                    loc,
                    format!("article file {} not found", name.get_ref()),
                ));
            }
            if !inside(dir, &path) {
                return Err(Error::content(
                    loc,
                    format!(
                        "article file {} leads outside the edition folder",
                        name.get_ref()
                    ),
                ));
            }
            let (article, w) = load_article(dir, &path, &limits, &mut budget)?;
            warnings.extend(w);
            articles.push(article);
        }
        let staff = |s: &Option<Spanned<String>>, name: &str| -> Result<Option<String>, Error> {
            s.as_ref()
                .map(|s| text(s, field(name)))
                .transpose()
                .map(|s| s.filter(|s| !s.trim().is_empty()))
        };
        pages.push(Page {
            number,
            section: text(&page.section, field("section"))?,
            layout,
            articles,
            editor: staff(&page.editor, "editor")?,
            designer: staff(&page.designer, "designer")?,
            proofreader: staff(&page.proofreader, "proofreader")?,
            location,
        });
    }

    let edition = Edition {
        id,
        dir: dir.to_path_buf(),
        paper,
        date,
        issue: raw.issue,
        format,
        pages,
        limits,
    };
    Ok((edition, warnings))
}

/// Reads a UTF-8 text file of at most `limit` bytes (`source` says where
/// the limit is set); a byte-order mark is dropped, CRLF becomes LF.
/// Returns the text and the file's size.
pub(crate) fn read_text(path: &Path, limit: u64, source: &str) -> Result<(String, u64), Error> {
    let size = checked_size(path, limit, source)?;
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(limit.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > limit {
        // The file grew after it was measured.
        return Err(Error::content(
            Location::file(path),
            format!("the file is larger than the limit ({source})"),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = crate::diag::line_col(
            &String::from_utf8_lossy(&bytes[..e.valid_up_to()]),
            e.valid_up_to(),
        );
        Error::content(
            Location::at(path, line, column),
            "the file is not valid UTF-8",
        )
    })?;
    Ok((text.replace("\r\n", "\n"), size))
}

/// Whether `path` (which exists) resolves, through any links, to a place
/// inside the folder `dir`.
pub(crate) fn inside(dir: &Path, path: &Path) -> bool {
    match (path.canonicalize(), dir.canonicalize()) {
        (Ok(real), Ok(root)) => real.starts_with(root),
        _ => false,
    }
}

/// The edition id is the folder name; it names output files, so it must be
/// a plain, safe file name.
pub fn edition_id(dir: &Path) -> Result<String, Error> {
    let name = dir
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let safe = !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if safe {
        Ok(name)
    } else {
        Err(Error::content(
            Location::file(dir),
            format!(
                "the edition folder name {name:?} is not a safe edition id (letters, digits, '-', '_', '.')"
            ),
        ))
    }
}

fn to_date(dt: &Datetime) -> Option<Date> {
    if dt.time.is_some() || dt.offset.is_some() {
        return None;
    }
    let d = dt.date?;
    Date::new(i32::from(d.year), d.month, d.day)
}

fn validate_format(f: Format, location: Location) -> Result<Format, Error> {
    let ok = |v: f64, lo: f64, hi: f64| v.is_finite() && (lo..=hi).contains(&v);
    if !ok(f.width_mm, 50.0, 2000.0) || !ok(f.height_mm, 50.0, 2000.0) {
        return Err(Error::content(
            location,
            "page width_mm and height_mm must be between 50 and 2000",
        ));
    }
    if !ok(f.bleed_mm, 0.0, 20.0) {
        return Err(Error::content(
            location,
            "bleed_mm must be between 0 and 20",
        ));
    }
    Ok(f)
}

/// A layout name is a plain identifier naming `layouts/<name>.typ`.
fn check_layout(name: &str, layouts: &Path) -> Result<(), String> {
    let plain = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !plain {
        return Err(format!(
            "{name:?} is not a layout name (letters, digits, '-', '_')"
        ));
    }
    if !layouts.join(format!("{name}.typ")).is_file() {
        return Err(format!("no layout {name:?} in {}", layouts.display()));
    }
    Ok(())
}

/// Resolves an article file name inside the edition, refusing paths that
/// leave it.
fn article_path(dir: &Path, name: &str) -> Result<PathBuf, String> {
    let rel = Path::new(name);
    let plain = rel
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    if name.is_empty() || !plain {
        return Err(format!("{name:?} must be a path inside the edition folder"));
    }
    if rel.extension().and_then(|e| e.to_str()) != Some("md") {
        return Err(format!("{name:?} is not an article (.md) file"));
    }
    Ok(dir.join(rel))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_are_right() {
        assert_eq!(
            Date::new(2021, 3, 1).unwrap().chinese(),
            "2021年3月1日 星期一"
        );
        assert_eq!(Date::new(2021, 2, 25).unwrap().weekday(), 4);
        assert_eq!(Date::new(2000, 2, 29).unwrap().weekday(), 2);
        assert!(Date::new(2021, 2, 29).is_none());
    }
}
