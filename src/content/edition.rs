//! `edition.toml`: the paper, the date and the pages of one edition.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::article::{Article, load_article, resolve_picture};
use super::date::{Date, to_date};
use super::display::check_display_text;
use super::hints::PhotosAt;
use super::jump::link_jumps;
use super::page::Page;
use super::picture::{PictureInfo, check_picture};
use super::print::{PrintConfig, PrintToml};
use super::source::read_text;
use super::toml_de::from_toml;
use crate::diag::{Error, LineIndex, Location, Warning};
use crate::files::inside;
use crate::limits::{Budget, Limits};
use crate::names::reserved_edition_id;

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
    /// The masthead's registration lines (`[masthead]`); all empty when
    /// not given.
    pub masthead: Masthead,
    /// Trim size and bleed.
    pub format: Format,
    /// The pages, in the order written.
    pub pages: Vec<Page>,
    /// The resource limits the edition was loaded with.
    pub limits: Limits,
    /// `[print]`: the print configuration the edition gives (over the
    /// house's `print.toml`).
    pub print: PrintConfig,
}

impl Edition {
    /// The files the edition consists of, relative to its folder, sorted,
    /// each once: `edition.toml`, every article file and every picture
    /// that exists (a missing one is set as a placeholder). These are the
    /// files a build reads, hidden names or not, and so the files the
    /// archive keeps.
    pub fn files(&self) -> Vec<PathBuf> {
        let mut files = vec![PathBuf::from("edition.toml")];
        files.extend(self.print.profile.as_ref().map(|p| self.relative(&p.path)));
        files.extend(
            self.pages
                .iter()
                .flat_map(|page| &page.articles)
                .map(|a| self.relative(&a.file)),
        );
        files.extend(self.pictures());
        files.sort();
        files.dedup();
        files
    }

    /// The pictures among [`Self::files`] (the masthead's logo and every
    /// photo that exists), relative to the edition folder, sorted: the
    /// archive stores them once, by content.
    pub fn pictures(&self) -> Vec<PathBuf> {
        let logo = self.masthead.logo.iter().map(|l| l.path.as_path());
        let photos = (self.pages.iter().flat_map(|page| &page.articles))
            .flat_map(|a| &a.photos)
            .filter_map(|p| p.path.as_deref());
        let mut pictures: Vec<PathBuf> = logo.chain(photos).map(|p| self.relative(p)).collect();
        pictures.sort();
        pictures.dedup();
        pictures
    }

    /// `path` relative to the edition folder.
    fn relative(&self, path: &Path) -> PathBuf {
        path.strip_prefix(&self.dir)
            .unwrap_or(path)
            .components()
            .collect()
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
    /// Body columns; by default as many as the type area's width holds at
    /// the house's column measure (8 on a broadsheet, 6 on a tabloid).
    pub columns: Option<u32>,
}

impl Default for Format {
    /// A broadsheet (对开) page without bleed.
    fn default() -> Self {
        Self {
            width_mm: 390.0,
            height_mm: 540.0,
            bleed_mm: 0.0,
            columns: None,
        }
    }
}

/// What the front page's masthead (报头) prints besides the paper's name
/// and the date: the registration lines of `[masthead]`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Masthead {
    /// The paper's name as a picture (a calligraphy logo), set instead of
    /// the name in type.
    pub logo: Option<Logo>,
    /// 国内统一连续出版物号, normalised to `CN42-0078`.
    pub cn: Option<String>,
    /// 邮发代号, e.g. `37-35`.
    pub postal_code: Option<String>,
    /// 主办单位 (publisher).
    pub publisher: Option<String>,
    /// The paper's website.
    pub website: Option<String>,
    /// A telephone line (新闻热线).
    pub phone: Option<String>,
}

/// The masthead's logo picture, checked like a photo.
#[derive(Debug, Clone, PartialEq)]
pub struct Logo {
    /// The file as written in `edition.toml`, relative to the edition.
    pub file: String,
    /// The picture on disk.
    pub path: PathBuf,
    /// What its header says.
    pub info: PictureInfo,
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
    masthead: Option<MastheadToml>,
    print: Option<PrintToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MastheadToml {
    logo: Option<Spanned<String>>,
    cn: Option<Spanned<String>>,
    postal_code: Option<Spanned<String>>,
    publisher: Option<Spanned<String>>,
    website: Option<Spanned<String>>,
    phone: Option<Spanned<String>>,
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
    photos_at: Option<PhotosAt>,
    in_index: Option<bool>,
}

/// Reads an edition folder: `edition.toml` and every article it names.
/// Returns the edition and the warnings found while loading (none are fatal).
pub fn load_edition(dir: &Path, layouts: &Path) -> Result<(Edition, Vec<Warning>), Error> {
    let file = dir.join("edition.toml");
    let (src, toml_bytes) = read_edition_toml(dir, &file)?;
    let raw: EditionToml = from_toml(&src, &file, 1)?;
    let fields = Fields {
        lines: LineIndex::new(&file, &src, 1),
    };
    let limits = fields.limits(raw.limits.as_ref())?;
    let mut budget = Budget::new(limits.edition_bytes).decoded_limit(limits.edition_decoded_bytes);
    budget.add(&file, toml_bytes)?;
    let id = edition_id(dir)?;
    let paper = fields.paper(&raw.paper)?;
    let date = fields.date(&raw.date)?;
    let format = fields.format(raw.format)?;
    let mut masthead = fields.masthead(raw.masthead.as_ref())?;
    if let Some(logo) = raw.masthead.as_ref().and_then(|m| m.logo.as_ref()) {
        masthead.logo = Some(fields.logo(logo, dir, &limits, &mut budget)?);
    }
    let mut loader = Pages {
        fields: &fields,
        dir,
        layouts,
        limits: &limits,
        budget,
        warnings: Vec::new(),
        listed: HashMap::new(),
    };
    let pages = loader.pages(raw.pages)?;
    let print = match &raw.print {
        Some(p) => p.config(&fields.lines, "print.", dir, Some(dir))?,
        None => PrintConfig::default(),
    };
    let edition = Edition {
        id,
        dir: dir.to_path_buf(),
        paper,
        date,
        issue: raw.issue,
        masthead,
        format,
        pages,
        limits,
        print,
    };
    Ok((edition, loader.warnings))
}

/// Reads `edition.toml` of the folder `dir`. The limits are in the file,
/// so the file itself is held to the default.
fn read_edition_toml(dir: &Path, file: &Path) -> Result<(String, u64), Error> {
    if !dir.is_dir() {
        return Err(Error::content(
            Location::file(dir),
            t!("content-not-edition-folder"),
        ));
    }
    read_text(
        file,
        Limits::default().article_bytes,
        &t!("content-edition-toml-limit"),
    )
}

/// Turns the edition-wide fields of `edition.toml` into the model,
/// pointing every error at its place in the file.
struct Fields<'a> {
    /// Lines of `edition.toml`.
    lines: LineIndex<'a>,
}

impl Fields<'_> {
    /// The place of a span of the file.
    fn at(&self, span: std::ops::Range<usize>) -> Location {
        self.lines.location(span.start)
    }

    /// Display text: control characters are refused.
    fn text(&self, s: &Spanned<String>, field: String) -> Result<String, Error> {
        check_display_text(s.get_ref(), |_| self.at(s.span()).with_field(field))?;
        Ok(s.get_ref().clone())
    }

    /// Display text that may be left out; a blank one counts as left out.
    fn optional(
        &self,
        s: &Option<Spanned<String>>,
        field: String,
    ) -> Result<Option<String>, Error> {
        s.as_ref()
            .map(|s| self.text(s, field))
            .transpose()
            .map(|s| s.filter(|s| !s.trim().is_empty()))
    }

    /// `[limits]`, validated; the defaults when not given.
    fn limits(&self, limits: Option<&Spanned<Limits>>) -> Result<Limits, Error> {
        match limits {
            Some(l) => {
                l.get_ref().validate(&self.at(l.span()))?;
                Ok(*l.get_ref())
            }
            None => Ok(Limits::default()),
        }
    }

    /// `paper`, the masthead name: not blank.
    fn paper(&self, paper: &Spanned<String>) -> Result<String, Error> {
        let name = self.text(paper, "paper".into())?.trim().to_string();
        if name.is_empty() {
            return Err(Error::content(
                self.at(paper.span()).with_field("paper"),
                t!("content-paper-empty"),
            ));
        }
        Ok(name)
    }

    /// `date`: a calendar date without a time.
    fn date(&self, date: &Spanned<Datetime>) -> Result<Date, Error> {
        to_date(date.get_ref()).ok_or_else(|| {
            Error::content(
                self.at(date.span()).with_field("date"),
                t!("content-date-invalid"),
            )
        })
    }

    /// `[masthead]`: display text each, the CN and 邮发代号 in their
    /// printed forms.
    fn masthead(&self, m: Option<&MastheadToml>) -> Result<Masthead, Error> {
        let Some(m) = m else {
            return Ok(Masthead::default());
        };
        let field = |name: &str| format!("masthead.{name}");
        let coded = |s: &Option<Spanned<String>>,
                     name: &str,
                     check: fn(&str) -> Option<String>,
                     bad: fn(String) -> String| {
            let Some(text) = self.optional(s, field(name))? else {
                return Ok(None);
            };
            let at = s.as_ref().map(|s| s.span()).unwrap_or_default();
            check(text.trim()).map(Some).ok_or_else(|| {
                Error::content(
                    self.at(at).with_field(field(name)),
                    bad(format!("{text:?}")),
                )
            })
        };
        Ok(Masthead {
            logo: None,
            cn: coded(&m.cn, "cn", cn_number, |text| {
                t!("content-masthead-cn-invalid", text = text)
            })?,
            postal_code: coded(&m.postal_code, "postal_code", postal_code, |text| {
                t!("content-masthead-postal-invalid", text = text)
            })?,
            publisher: self.optional(&m.publisher, field("publisher"))?,
            website: self.optional(&m.website, field("website"))?,
            phone: self.optional(&m.phone, field("phone"))?,
        })
    }

    /// `[masthead] logo`: a JPEG or PNG inside the edition folder,
    /// checked and counted against the edition's budget. Unlike a photo,
    /// a missing logo is an error: the masthead has no placeholder.
    fn logo(
        &self,
        name: &Spanned<String>,
        dir: &Path,
        limits: &Limits,
        budget: &mut Budget,
    ) -> Result<Logo, Error> {
        let at = self.at(name.span()).with_field("masthead.logo");
        let file = name.get_ref().clone();
        let path = resolve_picture(dir, &file).map_err(|m| Error::content(at.clone(), m))?;
        if !path.exists() {
            return Err(Error::content(
                at,
                t!("content-logo-not-found", file = &file),
            ));
        }
        if !inside(dir, &path) {
            return Err(Error::content(
                at,
                t!("content-picture-path-outside", name = format!("{file:?}")),
            ));
        }
        let info = check_picture(&path, &at, limits)?;
        budget.add(&path, info.bytes)?;
        budget.add_decoded(&at, &path, info.decoded)?;
        Ok(Logo { file, path, info })
    }

    /// `[format]`, validated; the default broadsheet when not given.
    fn format(&self, format: Option<Spanned<Format>>) -> Result<Format, Error> {
        match format {
            Some(f) => {
                let loc = self.at(f.span()).with_field("format");
                validate_format(f.into_inner(), loc)
            }
            None => Ok(Format::default()),
        }
    }
}

/// Turns the `[[pages]]` entries into pages, loading each article they
/// name.
struct Pages<'a> {
    /// The rest of `edition.toml`.
    fields: &'a Fields<'a>,
    /// The edition folder.
    dir: &'a Path,
    /// The folder of layout templates.
    layouts: &'a Path,
    /// The edition's limits.
    limits: &'a Limits,
    /// The edition's byte budget, which every article counts against.
    budget: Budget,
    /// What loading the articles found.
    warnings: Vec<Warning>,
    /// Each article is set once: a name listed again would load (and lay
    /// out) the same file again, as often as edition.toml repeats it.
    /// Where each was first listed, and on which page.
    /// (An article may be listed on a second page as the continuation of
    /// a jump; [`link_jumps`] checks that it is one.)
    listed: HashMap<PathBuf, Vec<(u32, Location)>>,
}

impl Pages<'_> {
    /// All pages: at least one, in the order written.
    fn pages(&mut self, raw: Spanned<Vec<Spanned<PageToml>>>) -> Result<Vec<Page>, Error> {
        if raw.get_ref().is_empty() {
            return Err(Error::content(
                self.fields.at(raw.span()).with_field("pages"),
                t!("content-pages-empty"),
            ));
        }
        let mut pages: Vec<Page> = Vec::new();
        for (i, page) in raw.into_inner().into_iter().enumerate() {
            let page = self.page(i, page, &pages)?;
            pages.push(page);
        }
        link_jumps(&mut pages, &self.listed)?;
        Ok(pages)
    }

    /// `[[pages]]` entry `i`, after the pages `before` it.
    fn page(&mut self, i: usize, page: Spanned<PageToml>, before: &[Page]) -> Result<Page, Error> {
        let location = self
            .fields
            .at(page.span())
            .with_field(format!("pages[{i}]"));
        let page = page.into_inner();
        let field = |name: &str| format!("pages[{i}].{name}");
        let number = self.number(&page.number, field("number"), before)?;
        let layout = page.layout.get_ref().clone();
        layout_exists(&layout, self.layouts).map_err(|m| {
            Error::content(
                self.fields
                    .at(page.layout.span())
                    .with_field(field("layout")),
                m,
            )
        })?;
        if page.articles.is_empty() {
            return Err(Error::content(
                location.clone().with_field(field("articles")),
                t!("content-page-no-articles"),
            ));
        }
        let articles = (page.articles.iter().enumerate())
            .map(|(j, name)| self.article(name, field(&format!("articles[{j}]")), number))
            .collect::<Result<_, _>>()?;
        let fields = self.fields;
        Ok(Page {
            number,
            section: fields.text(&page.section, field("section"))?,
            layout,
            articles,
            editor: fields.optional(&page.editor, field("editor"))?,
            designer: fields.optional(&page.designer, field("designer"))?,
            proofreader: fields.optional(&page.proofreader, field("proofreader"))?,
            photos_at: page.photos_at,
            in_index: page.in_index.unwrap_or(true),
            location,
        })
    }

    /// A page number from 1 to 999 that no page `before` has.
    fn number(&self, number: &Spanned<i64>, field: String, before: &[Page]) -> Result<u32, Error> {
        let at = || self.fields.at(number.span()).with_field(field.clone());
        let n = u32::try_from(*number.get_ref())
            .ok()
            .filter(|n| (1..=999).contains(n))
            .ok_or_else(|| Error::content(at(), t!("content-page-number-range")))?;
        if let Some(other) = before.iter().find(|p| p.number == n) {
            return Err(Error::content(
                at(),
                t!(
                    "content-page-listed-twice",
                    page = n,
                    first = &other.location
                ),
            ));
        }
        Ok(n)
    }

    /// The article file `name`, listed at `field` of page `page`: inside
    /// the edition folder, listed once, and loaded.
    fn article(
        &mut self,
        name: &Spanned<String>,
        field: String,
        page: u32,
    ) -> Result<Article, Error> {
        let loc = self.fields.at(name.span()).with_field(field);
        let name = name.get_ref();
        let path = article_path(self.dir, name).map_err(|m| Error::content(loc.clone(), m))?;
        let seen = self.listed.entry(path.clone()).or_default();
        if let Some((first_page, first)) = (seen.iter())
            .find(|(p, _)| *p == page)
            .or_else(|| seen.get(1).and(seen.first()))
        {
            return Err(Error::content(
                loc,
                listed_again(name, first, *first_page, page),
            ));
        }
        seen.push((page, loc.clone()));
        if !path.exists() {
            return Err(Error::content(
                loc,
                t!("content-article-not-found", name = name),
            ));
        }
        if !inside(self.dir, &path) {
            return Err(Error::content(
                loc,
                t!("content-article-outside", name = name),
            ));
        }
        let (article, w) = load_article(self.dir, &path, self.limits, &mut self.budget)?;
        self.warnings.extend(w);
        Ok(article)
    }
}

/// Why article file `name` may not be listed again on page `page`, having
/// been listed at `first` on page `first_page`.
///
/// An article is set on one page, or on two as a jump's two parts (see
/// [`link_jumps`]), never on three.
fn listed_again(name: &str, first: &Location, first_page: u32, page: u32) -> String {
    if first_page == page {
        t!("content-article-listed-twice", name = name, first = first)
    } else {
        t!(
            "content-article-on-two-pages",
            name = name,
            first_page = first_page,
            first = first,
            page = page
        )
    }
}

/// The edition id is the folder name; it names output files and archive
/// folders, so it must be a plain, safe file name and none the archive
/// keeps its own files under.
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
    if !safe {
        return Err(Error::content(
            Location::file(dir),
            t!("content-edition-id-unsafe", name = format!("{name:?}")),
        ));
    }
    if let Some(why) = reserved_edition_id(&name) {
        return Err(Error::content(
            Location::file(dir),
            t!(
                "content-edition-id-reserved",
                name = format!("{name:?}"),
                why = why
            ),
        ));
    }
    Ok(name)
}

/// A 国内统一连续出版物号 in its printed form `CN42-0078` (or with a
/// classification, `CN11-0001/N`): two digits of the region, four of the
/// paper. Accepts `CN 42-0078`, `cn42－0078` and the bare `42-0078`.
fn cn_number(s: &str) -> Option<String> {
    let s = s.replace('－', "-");
    let rest = s
        .strip_prefix("CN")
        .or_else(|| s.strip_prefix("cn"))
        .unwrap_or(&s)
        .trim_start();
    let (number, class) = match rest.split_once('/') {
        Some((n, c)) => (n, Some(c)),
        None => (rest, None),
    };
    let (region, paper) = number.split_once('-')?;
    let digits = |t: &str, n: usize| t.len() == n && t.bytes().all(|b| b.is_ascii_digit());
    let class_ok = class
        .is_none_or(|c| !c.is_empty() && c.len() <= 2 && c.bytes().all(|b| b.is_ascii_uppercase()));
    (digits(region, 2) && digits(paper, 4) && class_ok).then(|| match class {
        Some(c) => format!("CN{region}-{paper}/{c}"),
        None => format!("CN{region}-{paper}"),
    })
}

/// A 邮发代号: one or two digits, a hyphen, one to four digits (`37-35`,
/// `1-1`).
fn postal_code(s: &str) -> Option<String> {
    let s = s.replace('－', "-");
    let (a, b) = s.split_once('-')?;
    let digits =
        |t: &str, max: usize| (1..=max).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    (digits(a, 2) && digits(b, 4)).then(|| format!("{a}-{b}"))
}

fn validate_format(f: Format, location: Location) -> Result<Format, Error> {
    let ok = |v: f64, lo: f64, hi: f64| v.is_finite() && (lo..=hi).contains(&v);
    if !ok(f.width_mm, 50.0, 2000.0) || !ok(f.height_mm, 50.0, 2000.0) {
        return Err(Error::content(location, t!("content-format-size")));
    }
    if f.columns.is_some_and(|c| !(1..=20).contains(&c)) {
        return Err(Error::content(
            location.with_field("format.columns"),
            t!("content-format-columns"),
        ));
    }
    if !ok(f.bleed_mm, 0.0, 20.0) {
        return Err(Error::content(location, t!("content-format-bleed")));
    }
    Ok(f)
}

/// A layout name is a plain identifier naming `layouts/<name>.typ`, a
/// template that defines `render` (see [`layout_names`]).
fn layout_exists(name: &str, layouts: &Path) -> Result<(), String> {
    let plain = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    let names = layout_names(layouts);
    if plain && names.iter().any(|n| n == name) {
        return Ok(());
    }
    let known = match names.as_slice() {
        [] => t!("content-layouts-none"),
        names => t!(
            "content-layouts-list",
            names = names.join(&t!("content-list-sep"))
        ),
    };
    if !plain {
        return Err(t!(
            "content-layout-not-a-name",
            name = format!("{name:?}"),
            known = known
        ));
    }
    if layouts.join(format!("{name}.typ")).is_file() {
        return Err(t!(
            "content-layout-no-render",
            dir = layouts.display(),
            name = name,
            known = known
        ));
    }
    Err(t!(
        "content-layout-missing",
        name = format!("{name:?}"),
        dir = layouts.display(),
        known = known
    ))
}

/// The layouts in the folder `layouts`, sorted: every `<name>.typ` directly
/// in it whose name is a plain identifier and that defines the `render`
/// function a page is set with (`style.typ`, which holds the roles, and
/// the components in `parts/` are no layouts).
pub fn layout_names(layouts: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(layouts) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let path = entry.path();
            let name = path
                .file_name()?
                .to_str()?
                .strip_suffix(".typ")?
                .to_string();
            let plain = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            let text = std::fs::read_to_string(&path).ok()?;
            (plain && defines_render(&text)).then_some(name)
        })
        .collect();
    names.sort();
    names
}

/// Whether a template's text defines a top-level `render` function.
fn defines_render(text: &str) -> bool {
    text.lines()
        .any(|line| line.starts_with("#let render(") || line.starts_with("#let render ("))
}

/// Resolves an article file name inside the edition, refusing paths that
/// leave it.
fn article_path(dir: &Path, name: &str) -> Result<PathBuf, String> {
    let rel = Path::new(name);
    let plain = rel
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    if name.is_empty() || !plain {
        return Err(t!(
            "content-article-path-not-inside",
            name = format!("{name:?}")
        ));
    }
    if rel.extension().and_then(|e| e.to_str()) != Some("md") {
        return Err(t!("content-article-not-md", name = format!("{name:?}")));
    }
    Ok(dir.join(rel))
}

#[cfg(test)]
mod tests {
    use super::{cn_number, postal_code};

    #[test]
    fn cn_numbers_take_their_printed_form() {
        assert_eq!(cn_number("CN42-0078").as_deref(), Some("CN42-0078"));
        assert_eq!(cn_number("CN 42－0078").as_deref(), Some("CN42-0078"));
        assert_eq!(cn_number("42-0078").as_deref(), Some("CN42-0078"));
        assert_eq!(cn_number("CN11-0001/N").as_deref(), Some("CN11-0001/N"));
        for bad in [
            "CN420078",
            "CN4-0078",
            "CN42-078",
            "CN42-00781",
            "CNab-0078",
            "CN42-0078/",
            "ISSN 1234-5678",
        ] {
            assert_eq!(cn_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn postal_codes_are_digits_and_a_hyphen() {
        assert_eq!(postal_code("37-35").as_deref(), Some("37-35"));
        assert_eq!(postal_code("1－1").as_deref(), Some("1-1"));
        for bad in ["3735", "37-", "-35", "375-35", "37-35a", "三七-35"] {
            assert_eq!(postal_code(bad), None, "{bad}");
        }
    }
}
