//! The page data the Typst templates read (`/data.json`). Content reaches
//! the templates only as this data — strings are strings, never markup — so
//! `#panic()` or `$x$` in an article is printed, not run.

use serde::Serialize;

use crate::content::{
    Article, Block, Edition, Format, JumpPart, LunarDate, Milestones, Page, Photo, Text,
};
use crate::makeup::{Plan, page_columns};

/// Everything one page's layout needs.
#[derive(Debug, Serialize)]
pub struct PageData {
    /// Paper, date and id of the edition.
    pub edition: EditionData,
    /// Trim size and bleed.
    pub format: Format,
    /// 版次, 版名 and staff.
    pub page: PageInfo,
    /// The articles on the page, in order.
    pub articles: Vec<ArticleData>,
    /// The page's columns.
    pub grid: GridChoice,
    /// Where each element goes; `None` asks the layout to measure.
    pub plan: Option<Plan>,
    /// Proof marks to draw over the page.
    pub proof: Proof,
    /// The 导读: every other page's lead story, in page order.
    pub index: Vec<IndexEntry>,
    /// On an overset page's proof: where the body runs out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overset: Option<OversetMark>,
    /// Printer's marks outside the trim, when the job asks for them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marks: Option<PrinterMarks>,
    /// Text highlighted wherever the page prints it (the changes a
    /// correction made, `archive diff --pdf`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<String>,
}

/// Printer's marks (crop, bleed and registration marks and a slug line),
/// drawn by `layouts/parts/marks.typ` in a slug area round the bleed, for
/// plants and proofs that want them.
#[derive(Debug, Clone, Serialize)]
pub struct PrinterMarks {
    /// How far the slug area reaches beyond the bleed, in millimetres: the
    /// media grows by it on every side.
    pub slug_mm: f64,
    /// The slug line: paper, date, page, edition and build id.
    pub line: String,
    /// The build id: a hash of what the page is set from (its edition's
    /// facts, its articles, the other pages' headlines in its 导读) and
    /// banmian's version, never of the time; the same sources print the
    /// same id.
    pub build: String,
}

/// The slug area's reach beyond the bleed: room for 6 mm crop marks 1 mm
/// off the bleed, 5 mm registration targets and a 6 pt slug line.
pub const SLUG_MM: f64 = 10.0;

impl PrinterMarks {
    /// The marks of the page `data` describes (before it has a plan).
    pub fn of(data: &PageData) -> Self {
        use sha2::{Digest, Sha256};
        let mut hash = Sha256::new();
        hash.update(env!("CARGO_PKG_VERSION").as_bytes());
        let parts = (
            &data.edition,
            &data.format,
            &data.page,
            &data.articles,
            &data.index,
        );
        hash.update(serde_json::to_vec(&parts).unwrap_or_default());
        let build: String = hash.finalize()[..6]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let (e, p) = (&data.edition, &data.page);
        let line = format!(
            "{} {} 第{}版 {} · {} · 构建 {build} · banmian {}",
            e.paper,
            e.date_text,
            p.number,
            p.section,
            e.id,
            env!("CARGO_PKG_VERSION")
        );
        Self {
            slug_mm: SLUG_MM,
            line,
            build,
        }
    }
}

/// Marks drawn over a proof, never over a print page.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Proof {
    /// Overlay the column grid and the character grid.
    pub grid: bool,
    /// A proof build's marks: an overset page is still set, marked where
    /// it runs out (otherwise overset is an error), and the holes of an
    /// underset page are outlined.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub marks: bool,
}

/// What a proof of an overset page says where the body runs out.
#[derive(Debug, Clone, Serialize)]
pub struct OversetMark {
    /// Characters that did not fit.
    pub chars: usize,
    /// Those as body lines.
    pub lines: usize,
    /// The sentence where the page runs out.
    pub from: String,
    /// Its file and line.
    pub at: String,
}

/// Edition-level facts printed on the page.
#[derive(Debug, Serialize)]
pub struct EditionData {
    /// Folder name of the edition.
    pub id: String,
    /// Masthead name.
    pub paper: String,
    /// `2021年3月1日 星期一`.
    pub date_text: String,
    /// ISO date, `2021-03-01`.
    pub date_iso: String,
    /// Year, month and day for `set document(date: …)`.
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
    /// 期号.
    pub issue: Option<u32>,
    /// The Gregorian date alone, `2021年3月1日`.
    pub gregorian: String,
    /// The day of the week, `星期一`.
    pub weekday: String,
    /// The Chinese lunar date, `农历正月十八`; null outside 1901–2100.
    pub lunar: Option<String>,
    /// Pages in the edition (今日N版).
    pub pages: usize,
    /// The masthead's registration lines.
    pub masthead: MastheadData,
}

/// The registration lines the front page's masthead prints (each null
/// when not given).
#[derive(Debug, Serialize)]
pub struct MastheadData {
    /// The logo picture set instead of the name in type, if any.
    pub logo: Option<LogoData>,
    /// 国内统一连续出版物号, `CN42-0078`.
    pub cn: Option<String>,
    /// 邮发代号, `37-35`.
    pub postal_code: Option<String>,
    /// 主办单位.
    pub publisher: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Telephone line.
    pub phone: Option<String>,
}

/// The masthead's logo as the layout loads it.
#[derive(Debug, Serialize)]
pub struct LogoData {
    /// The picture, `/edition/…`.
    pub src: String,
    /// `"png"` or `"jpg"`, by its content.
    pub format: &'static str,
}

/// One entry of the front page's 导读 box: another page's lead story.
#[derive(Debug, Serialize)]
pub struct IndexEntry {
    /// 版次 of the page that holds the story.
    pub page: u32,
    /// 版名 of that page.
    pub section: String,
    /// The headline of the page's first article, phrases joined by a
    /// space (line breaks within a phrase as spaces too).
    pub headline: String,
}

/// Page-level facts.
#[derive(Debug, Serialize)]
pub struct PageInfo {
    /// 版次.
    pub number: u32,
    /// 版名.
    pub section: String,
    /// 责任编辑.
    pub editor: Option<String>,
    /// 版式设计.
    pub designer: Option<String>,
    /// 校对.
    pub proofreader: Option<String>,
}

/// One article as data.
#[derive(Debug, Serialize)]
pub struct ArticleData {
    /// 引题.
    pub kicker: Option<String>,
    /// Headline phrases.
    pub headline: Vec<String>,
    /// 副题.
    pub subheadline: Option<String>,
    /// Byline roles with names.
    pub byline: Vec<BylineData>,
    /// Quote box.
    pub quotes: Option<BoxData<String>>,
    /// Milestone box.
    pub milestones: Option<BoxData<MilestoneData>>,
    /// Photos in reading order.
    pub photos: Vec<PhotoData>,
    /// Body blocks.
    pub body: Vec<BlockData>,
    /// The story jumps to a later page (转版): its lines are broken one
    /// at a time (a part cut at a line end breaks as the whole did).
    pub jumps: bool,
    /// The body was cut where its module ends: the page it continues on,
    /// printed as （下转第N版）.
    pub jump_to: Option<u32>,
    /// A continuation: the page it began on, printed as （上接第N版）.
    pub jump_from: Option<u32>,
}

/// A byline role and its names.
#[derive(Debug, Serialize)]
pub struct BylineData {
    /// Role, e.g. 通讯员.
    pub role: String,
    /// Names.
    pub names: Vec<String>,
}

/// A titled box of items.
#[derive(Debug, Serialize)]
pub struct BoxData<T> {
    /// Title.
    pub title: String,
    /// Items.
    pub items: Vec<T>,
}

/// A milestone entry.
#[derive(Debug, Serialize)]
pub struct MilestoneData {
    /// Date picked out, if any.
    pub date: Option<String>,
    /// Text after the date.
    pub text: String,
}

/// A photo slot.
#[derive(Debug, Serialize)]
pub struct PhotoData {
    /// The picture as the layout loads it (`/edition/…`), or null when the
    /// file is missing and a placeholder frame is set.
    pub src: Option<String>,
    /// The picture's format by its content, as Typst's `image(format:)`
    /// takes it (`"png"` or `"jpg"`, whatever the file's name says), or
    /// null with `src`.
    pub format: Option<&'static str>,
    /// The file as written in the article (shown in the placeholder).
    pub file: String,
    /// Caption.
    pub caption: String,
    /// Credit (摄影).
    pub credit: Option<String>,
    /// The point kept in view when cropping: fractions across and down.
    pub focus: [f64; 2],
}

/// A body block.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum BlockData {
    /// Section head.
    Heading {
        /// Its text; parallel phrases separated by spaces.
        text: String,
    },
    /// Paragraph.
    Para {
        /// Before the first section head: the lead (导语).
        lead: bool,
        /// Runs of plain and bold text.
        runs: Vec<RunData>,
        /// The paragraph goes on on another page: its last line is set
        /// full.
        open: bool,
        /// The paragraph began on another page: no indent.
        continued: bool,
        /// Its lines are broken one at a time (a jumping story's: its
        /// first part, cut at a line's end, breaks as the whole did).
        simple: bool,
    },
}

/// A run of paragraph text.
#[derive(Debug, Serialize)]
pub struct RunData {
    /// Characters.
    pub text: String,
    /// Bold lead-in.
    pub bold: bool,
}

/// The grid the page is made up on.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct GridChoice {
    /// Columns across the type area.
    pub columns: usize,
}

fn s(t: &Text) -> String {
    t.value.clone()
}

impl PageData {
    /// The data for `page` of `edition`, to measure (no plan yet).
    pub fn new(edition: &Edition, page: &Page, proof: Proof) -> Self {
        Self {
            edition: EditionData {
                id: edition.id.clone(),
                paper: edition.paper.clone(),
                date_text: edition.date.chinese(),
                date_iso: edition.date.iso(),
                year: edition.date.year,
                month: edition.date.month,
                day: edition.date.day,
                issue: edition.issue,
                gregorian: edition.date.gregorian(),
                weekday: edition.date.weekday_text(),
                lunar: LunarDate::of(&edition.date).map(|l| format!("农历{}", l.text())),
                pages: edition.pages.len(),
                masthead: MastheadData {
                    logo: edition.masthead.logo.as_ref().map(|l| LogoData {
                        src: format!("/edition/{}", l.file),
                        format: l.info.typst_format(),
                    }),
                    cn: edition.masthead.cn.clone(),
                    postal_code: edition.masthead.postal_code.clone(),
                    publisher: edition.masthead.publisher.clone(),
                    website: edition.masthead.website.clone(),
                    phone: edition.masthead.phone.clone(),
                },
            },
            format: edition.format,
            page: PageInfo {
                number: page.number,
                section: page.section.clone(),
                editor: page.editor.clone(),
                designer: page.designer.clone(),
                proofreader: page.proofreader.clone(),
            },
            articles: page.articles.iter().map(article).collect(),
            grid: GridChoice {
                columns: page_columns(&edition.format),
            },
            plan: None,
            proof,
            index: index(edition, page),
            overset: None,
            marks: None,
            highlights: Vec::new(),
        }
    }
}

/// The 导读 of `page`: for every other page, in page-number order, its
/// section and its first article's headline; pages marked `in_index =
/// false` are left out.
fn index(edition: &Edition, page: &Page) -> Vec<IndexEntry> {
    let mut entries: Vec<IndexEntry> = (edition.pages.iter())
        .filter(|p| p.number != page.number && p.in_index)
        .filter_map(|p| {
            let lead = p.articles.first()?;
            let phrases: Vec<String> = (lead.headline.iter())
                .map(|t| t.value.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect();
            Some(IndexEntry {
                page: p.number,
                section: p.section.clone(),
                headline: phrases.join(" "),
            })
        })
        .collect();
    entries.sort_by_key(|e| e.page);
    entries
}

fn article(a: &Article) -> ArticleData {
    let jump = JumpData::of(a);
    ArticleData {
        kicker: a.kicker.as_ref().map(s),
        headline: a.headline.iter().map(s).collect(),
        subheadline: a.subheadline.as_ref().map(s),
        byline: a
            .byline
            .iter()
            .map(|b| BylineData {
                role: s(&b.role),
                names: b.names.iter().map(s).collect(),
            })
            .collect(),
        quotes: a.quotes.as_ref().map(|q| BoxData {
            title: s(&q.title),
            items: q.items.iter().map(s).collect(),
        }),
        milestones: a.milestones.as_ref().map(milestones),
        photos: a.photos.iter().map(photo).collect(),
        jumps: jump.jumps,
        jump_to: jump.to,
        jump_from: jump.from,
        body: body(a, &jump),
    }
}

/// What a story's part in a jump (转版) makes of its data.
struct JumpData {
    /// The story jumps: its lines break one at a time.
    jumps: bool,
    /// The first part, cut: the page it continues on.
    to: Option<u32>,
    /// The first part ends inside a paragraph.
    open_end: bool,
    /// A continuation: the page it began on.
    from: Option<u32>,
    /// The continuation begins inside a paragraph.
    open_start: bool,
}

impl JumpData {
    fn of(a: &Article) -> Self {
        let (jumps, to, open_end) = match a.jump {
            Some(JumpPart::First { to, cut, open, .. }) => (true, cut.then_some(to), open),
            _ => (false, None, false),
        };
        let (from, open_start) = match a.jump {
            Some(JumpPart::Rest { from, open, .. }) => (Some(from), open),
            _ => (None, false),
        };
        Self {
            jumps,
            to,
            open_end,
            from,
            open_start,
        }
    }
}

fn milestones(m: &Milestones) -> BoxData<MilestoneData> {
    BoxData {
        title: s(&m.title),
        items: m
            .items
            .iter()
            .map(|i| MilestoneData {
                date: i.date.as_ref().map(s),
                text: s(&i.text),
            })
            .collect(),
    }
}

fn photo(p: &Photo) -> PhotoData {
    PhotoData {
        src: p.path.as_ref().map(|_| format!("/edition/{}", p.file)),
        format: p.info.as_ref().map(|i| i.typst_format()),
        file: p.file.clone(),
        caption: s(&p.caption),
        credit: p.credit.as_ref().map(s),
        focus: [p.focus.0, p.focus.1],
    }
}

/// The body blocks. The lead (导语) is what comes before the first
/// section head; an article without heads has no separate lead; a
/// continuation has none unless it goes on inside the lead; the first part
/// of a jumping story keeps the whole's lead.
fn body(a: &Article, jump: &JumpData) -> Vec<BlockData> {
    let mut lead = match a.jump {
        Some(JumpPart::Rest { lead, .. }) => lead,
        Some(JumpPart::First { headed, .. }) => headed,
        None => a.body.iter().any(|b| matches!(b, Block::Heading(_))),
    };
    let last = a.body.len().saturating_sub(1);
    (a.body.iter().enumerate())
        .map(|(i, b)| match b {
            Block::Heading(t) => {
                lead = false;
                BlockData::Heading { text: s(t) }
            }
            Block::Paragraph(runs) => BlockData::Para {
                lead,
                open: jump.open_end && i == last,
                continued: jump.open_start && i == 0,
                simple: jump.jumps,
                runs: runs
                    .iter()
                    .map(|r| RunData {
                        text: r.text.clone(),
                        bold: r.bold,
                    })
                    .collect(),
            },
        })
        .collect()
}
