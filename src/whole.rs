//! The edition as a whole, made from its pages once they are laid out:
//! one PDF of every page in page order (for the desk and the archive), and
//! a proof sheet, every page side by side in one PNG (for the page
//! meeting). Both are written only for editions of more than one page: a
//! one-page edition's page file already is the whole edition.

use typst::foundations::{Content, Smart};
use typst::layout::{Abs, Frame, Point, Size};
use typst::model::Document;
use typst::visualize::{Color, Geometry};
use typst_layout::{Page, PagedDocument};

use crate::content::Edition;
use crate::diag::Error;
use crate::export::{OutputFormat, encode};
use crate::names::{edition_file_name, edition_ident, proof_sheet_name};
use crate::pdfx::OutputIntent;
use crate::pipeline::SetEdition;
use crate::preflight::{self, Finding, FontLicence};

/// Resolution of the proof sheet, in pixels per inch: a broadsheet page is
/// about 550 × 770 pixels, its headlines legible, its body text grey.
pub const SHEET_PPI: f64 = 36.0;
/// The largest proof sheet, in pixels: a sheet that would be larger at
/// [`SHEET_PPI`] (an edition of about 200 broadsheet pages) is drawn at a
/// lower resolution.
pub const SHEET_MAX_PIXELS: f64 = 80_000_000.0;
/// Pages per row of the proof sheet; more pages wrap to further rows.
pub const SHEET_ROW: usize = 8;
/// The gap around and between the pages of the proof sheet.
const SHEET_GAP_MM: f64 = 10.0;
/// The grey of the proof sheet's ground, between the pages (which are
/// white).
const SHEET_GROUND: u8 = 0x9a;

/// The files of the whole edition a build writes beside its pages.
#[derive(Debug, Default)]
pub struct WholeEdition {
    /// File name and bytes: the edition PDF (PDF builds only), then the
    /// proof sheet.
    pub files: Vec<(String, Vec<u8>)>,
    /// What the preflight finds in the edition PDF that it did not find in
    /// the page PDFs (none, when all is well).
    pub findings: Vec<Finding>,
}

/// The whole-edition files of `set`, whose pages were laid out and kept
/// ([`crate::pipeline::SetOptions::keep_layout`]): none for a one-page
/// edition. The edition PDF is written when the pages are PDFs, and
/// preflighted against `licences`; the proof sheet always.
pub fn whole_edition(
    set: &SetEdition,
    format: OutputFormat,
    licences: &[FontLicence],
) -> Result<WholeEdition, Error> {
    let Some(pages) = laid_out(set) else {
        return Ok(WholeEdition::default());
    };
    let mut whole = WholeEdition::default();
    if format == OutputFormat::Pdf {
        let (pdf, findings) = checked_pdf(set, &pages, licences)?;
        whole.findings = findings;
        whole.files.push((edition_file_name(&set.edition.id), pdf));
    }
    whole
        .files
        .push((proof_sheet_name(&set.edition.id), proof_sheet(&pages)?));
    Ok(whole)
}

/// What the preflight finds in the edition PDF of `set` (pages laid out
/// and kept) that it did not find in the page PDFs; nothing for a
/// one-page edition.
pub fn edition_pdf_findings(
    set: &SetEdition,
    licences: &[FontLicence],
) -> Result<Vec<Finding>, Error> {
    match laid_out(set) {
        Some(pages) => Ok(checked_pdf(set, &pages, licences)?.1),
        None => Ok(Vec::new()),
    }
}

/// The print PDF of the whole edition `set` (pages laid out and kept), as
/// a build without a print configuration writes it (no output intent:
/// the archive keeps no house file); `None` for a one-page edition.
pub fn edition_print(set: &SetEdition) -> Result<Option<Vec<u8>>, Error> {
    laid_out(set)
        .map(|pages| edition_pdf(&set.edition, &pages, None))
        .transpose()
}

/// The laid-out pages of `set` in page order, when there are several and
/// every one was kept.
fn laid_out(set: &SetEdition) -> Option<Vec<(u32, &PagedDocument)>> {
    let pages: Option<Vec<(u32, &PagedDocument)>> = set
        .pages
        .iter()
        .map(|p| p.composed.as_ref().map(|c| (p.number, &c.document)))
        .collect();
    let mut pages = pages.filter(|p| p.len() > 1 && p.len() == set.edition.pages.len())?;
    pages.sort_by_key(|(number, _)| *number);
    Some(pages)
}

/// The edition PDF of `pages` and what the preflight finds in it that it
/// did not find in the pages of `set`.
fn checked_pdf(
    set: &SetEdition,
    pages: &[(u32, &PagedDocument)],
    licences: &[FontLicence],
) -> Result<(Vec<u8>, Vec<Finding>), Error> {
    let edition = &set.edition;
    let pdf = edition_pdf(edition, pages, set.intent.as_deref())?;
    let numbers: Vec<u32> = pages.iter().map(|(n, _)| *n).collect();
    let findings = preflight::check_edition_pdf(&pdf, &edition.format, &numbers, licences)
        .into_iter()
        .filter(|f| !set.findings.iter().any(|g| same_finding(f, g)))
        .collect();
    Ok((pdf, findings))
}

/// Whether the edition PDF's finding `f` says what a page's finding `g`
/// already says (fonts are named without their subset tag, which differs
/// between the edition's subset and a page's).
fn same_finding(f: &Finding, g: &Finding) -> bool {
    let untagged = |place: &str| match place.split_once('+') {
        Some((tag, rest)) if tag.len() > 5 => rest.to_string(),
        _ => place.to_string(),
    };
    (f.severity, f.check, &f.message) == (g.severity, g.check, &g.message)
        && untagged(&f.place) == untagged(&g.place)
}

/// The laid-out pages of `edition`, by page number, as one document in
/// page order. Its metadata names the paper, date and edition; the date
/// is the pages' own.
pub fn edition_document(edition: &Edition, pages: &[(u32, &PagedDocument)]) -> PagedDocument {
    let mut sorted: Vec<&(u32, &PagedDocument)> = pages.iter().collect();
    sorted.sort_by_key(|(number, _)| *number);
    let all = sorted
        .iter()
        .flat_map(|(_, doc)| doc.pages().iter().cloned())
        .collect();
    let mut info = sorted
        .first()
        .map(|(_, doc)| doc.info().clone())
        .unwrap_or_default();
    let date = edition.date.iso();
    let numbers: Vec<String> = sorted.iter().map(|(n, _)| format!("第{n}版")).collect();
    info.title = Some(format!("{} {date}", edition.paper).into());
    info.description = Some(
        format!(
            "{} {date} ({}), {}",
            edition.paper,
            edition.id,
            numbers.join(" ")
        )
        .into(),
    );
    info.keywords = vec![edition.paper.as_str().into(), date.as_str().into()];
    let mut authors = Vec::new();
    for (_, doc) in &sorted {
        for author in &doc.info().author {
            if !authors.contains(author) {
                authors.push(author.clone());
            }
        }
    }
    info.author = authors;
    PagedDocument::new(all, info)
}

/// The print PDF of the whole edition: [`edition_document`] encoded as the
/// page PDFs are (same exporter options, page boxes on every page, PDF/X-4
/// with their output `intent`), with the edition id as its stable
/// identifier.
pub fn edition_pdf(
    edition: &Edition,
    pages: &[(u32, &PagedDocument)],
    intent: Option<&OutputIntent>,
) -> Result<Vec<u8>, Error> {
    let document = edition_document(edition, pages);
    encode(
        &document,
        OutputFormat::Pdf,
        72.0,
        &edition_ident(&edition.id),
        edition.format.bleed_mm,
        intent,
    )
}

/// The proof sheet: every page in page order, left to right
/// ([`SHEET_ROW`] to a row), on a grey ground, rendered at [`SHEET_PPI`]
/// (less when it would exceed [`SHEET_MAX_PIXELS`]).
pub fn proof_sheet(pages: &[(u32, &PagedDocument)]) -> Result<Vec<u8>, Error> {
    let mut sorted: Vec<&(u32, &PagedDocument)> = pages.iter().collect();
    sorted.sort_by_key(|(number, _)| *number);
    let frames: Vec<&Frame> = sorted
        .iter()
        .flat_map(|(_, doc)| doc.pages().iter().map(|p| &p.frame))
        .collect();
    let gap = Abs::mm(SHEET_GAP_MM);
    let cell = frames
        .iter()
        .fold(Size::zero(), |size, f| size.max(f.size()));
    let columns = frames.len().clamp(1, SHEET_ROW);
    let rows = frames.len().div_ceil(SHEET_ROW).max(1);
    let size = Size::new(
        gap + (cell.x + gap) * columns as f64,
        gap + (cell.y + gap) * rows as f64,
    );
    let mut sheet = Frame::hard(size);
    for (i, frame) in frames.iter().enumerate() {
        let at = Point::new(
            gap + (cell.x + gap) * (i % SHEET_ROW) as f64,
            gap + (cell.y + gap) * (i / SHEET_ROW) as f64,
        );
        let paper = Geometry::Rect(frame.size()).filled(Color::WHITE);
        sheet.push(
            at,
            typst::layout::FrameItem::Shape(paper, typst::syntax::Span::detached()),
        );
        sheet.push_frame(at, (*frame).clone());
    }
    let page = Page {
        frame: sheet,
        bleed: Default::default(),
        fill: Smart::Custom(Some(
            Color::from_u8(SHEET_GROUND, SHEET_GROUND, SHEET_GROUND, 0xff).into(),
        )),
        numbering: None,
        supplement: Content::empty(),
        number: 1,
    };
    let ppi = sheet_ppi(size.x.to_pt(), size.y.to_pt());
    let pixmap = typst_render::render(
        &page,
        &typst_render::RenderOptions {
            pixel_per_pt: typst::utils::Scalar::new(ppi / 72.0),
            render_bleed: false,
        },
    );
    pixmap.encode_png().map_err(|e| {
        let text = t!("layout-proof-sheet-png", error = e.to_string());
        Error::Template(format!("{}\n", t!("label-error", text = text)))
    })
}

/// The resolution of a proof sheet `width` × `height` points large:
/// [`SHEET_PPI`], or less for a sheet that would exceed
/// [`SHEET_MAX_PIXELS`] (an edition of hundreds of pages is drawn smaller,
/// not in gigabytes).
fn sheet_ppi(width: f64, height: f64) -> f64 {
    let pixels = width * height * (SHEET_PPI / 72.0).powi(2);
    SHEET_PPI * (SHEET_MAX_PIXELS / pixels).sqrt().min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_of_hundreds_of_pages_is_drawn_smaller() {
        // A broadsheet page with its gap, in points.
        let (w, h) = (400.0 / 25.4 * 72.0, 560.0 / 25.4 * 72.0);
        assert_eq!(sheet_ppi(3.0 * w, h), SHEET_PPI);
        // 400 pages: 8 across, 50 rows.
        let (w, h) = (8.0 * w, 50.0 * h);
        let ppi = sheet_ppi(w, h);
        assert!(ppi < SHEET_PPI / 1.2, "{ppi}");
        let pixels = (w * ppi / 72.0) * (h * ppi / 72.0);
        assert!((pixels - SHEET_MAX_PIXELS).abs() < 1.0, "{pixels}");
    }
}
