//! Checks on the written PDF itself, read back with `lopdf`: page boxes,
//! fonts (embedded, subset, licence known), colour spaces and transparency
//! (and, through [`super::grey`] and [`super::ink`], a grey job's colours
//! and the total ink).

use std::collections::BTreeSet;
use std::path::Path;

use lopdf::{Dictionary, Document, Object};
use serde::Deserialize;

use super::finding::{Check, Finding, PrintSettings, Severity};
use super::grey::check_grey;
use super::ink::check_ink;
use super::operators::{content_streams, count_operators, number};
use crate::content::{Format, PictureMode};
use crate::data::SLUG_MM;
use crate::diag::{Error, Location};

/// Which licence covers fonts whose PostScript name starts with a prefix,
/// as `fonts/fonts.toml` records it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FontLicence {
    /// PostScript name prefix, e.g. `NotoSerifCJK`.
    pub postscript: String,
    /// SPDX-style licence name, e.g. `OFL-1.1`.
    pub licence: String,
    /// Where the font comes from (a file in `fonts/`, or Typst's embedded set).
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    font: Vec<FontLicence>,
}

/// Reads `fonts.toml` from the fonts folder.
pub fn load_font_licences(fonts: &Path) -> Result<Vec<FontLicence>, Error> {
    let path = fonts.join("fonts.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    toml::from_str::<Manifest>(&text)
        .map(|m| m.font)
        .map_err(|e| Error::content(Location::file(&path), e.message().to_string()))
}

/// Checks the PDF of page `page` against the edition's `format` and the
/// job's `settings`: boxes, fonts, colours (in a grey job, no cyan,
/// magenta or yellow), and the total ink on separations rendered by
/// Ghostscript.
pub fn check_pdf(
    pdf: &[u8],
    format: &Format,
    page: u32,
    licences: &[FontLicence],
    settings: &PrintSettings,
) -> Vec<Finding> {
    match read_back(pdf, page, "PDF".to_string()) {
        Ok(doc) => check_pdf_document(&doc, pdf, format, page, licences, settings),
        Err(finding) => vec![finding],
    }
}

/// [`check_pdf`] on the document `pdf` was written from, as the export
/// left it ([`crate::export::encode_pdf`]): the same checks without
/// parsing the bytes back (a rebuild in `watch` saves that much).
pub fn check_pdf_document(
    doc: &Document,
    pdf: &[u8],
    format: &Format,
    page: u32,
    licences: &[FontLicence],
    settings: &PrintSettings,
) -> Vec<Finding> {
    let mut out = Vec::new();
    geometry(doc, format, page, &mut out);
    fonts(doc, page, licences, &mut out);
    colours(doc, page, &mut out);
    if settings.mode == PictureMode::Gray {
        out.extend(check_grey(doc, page));
    }
    if settings.measure_ink {
        out.extend(check_ink(doc, pdf, page, settings));
    }
    out
}

/// The PDF read back, or the finding that it cannot be (about `page`, at
/// `place`).
fn read_back(pdf: &[u8], page: u32, place: String) -> Result<Document, Finding> {
    Document::load_mem(pdf).map_err(|e| {
        Finding::new(
            Severity::Error,
            Check::Geometry,
            page,
            place,
            t!("preflight-pdf-unreadable", error = e.to_string()),
        )
    })
}

fn rect_mm(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<[f64; 4]> {
    let obj = dict.get(key).ok()?;
    let (_, obj) = doc.dereference(obj).ok()?;
    let arr = obj.as_array().ok()?;
    let v: Vec<f64> = arr
        .iter()
        .filter_map(number)
        .map(|pt| pt / 72.0 * 25.4)
        .collect();
    (v.len() == 4).then(|| [v[0], v[1], v[2], v[3]])
}

fn geometry(doc: &Document, format: &Format, page: u32, out: &mut Vec<Finding>) {
    let pages = doc.get_pages();
    if pages.len() != 1 {
        out.push(Finding::new(
            Severity::Error,
            Check::Geometry,
            page,
            "PDF",
            t!("preflight-pdf-pages-not-one", n = pages.len()),
        ));
    }
    if let Some(id) = pages.values().next() {
        page_boxes(doc, *id, format, page, out);
    }
}

/// Checks the MediaBox and TrimBox of the PDF page `id`, 版次 `page`.
fn page_boxes(
    doc: &Document,
    id: lopdf::ObjectId,
    format: &Format,
    page: u32,
    out: &mut Vec<Finding>,
) {
    let Ok(dict) = doc.get_dictionary(id) else {
        return;
    };
    let trim = rect_mm(doc, dict, b"TrimBox");
    let problems = [
        (
            "MediaBox",
            media_box(rect_mm(doc, dict, b"MediaBox"), format),
        ),
        ("TrimBox", trim_box(trim, format)),
        (
            "BleedBox",
            bleed_box(rect_mm(doc, dict, b"BleedBox"), trim, format),
        ),
    ];
    for (key, problem) in problems {
        if let Some(message) = problem {
            out.push(Finding::new(
                Severity::Error,
                Check::Geometry,
                page,
                key,
                message,
            ));
        }
    }
}

/// Checks the PDF of the whole edition, whose pages are `pages` (版次, in
/// page order), as [`check_pdf`] checks one page's: every page's boxes
/// against `format`, then fonts and colours. A finding about one page
/// names it; one about the fonts or colours names the first page.
pub fn check_edition_pdf(
    pdf: &[u8],
    format: &Format,
    pages: &[u32],
    licences: &[FontLicence],
) -> Vec<Finding> {
    let first = pages.first().copied().unwrap_or(1);
    let doc = match read_back(pdf, first, t!("preflight-place-edition-pdf")) {
        Ok(doc) => doc,
        Err(finding) => return vec![finding],
    };
    let mut out = Vec::new();
    let ids: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    if ids.len() != pages.len() {
        out.push(Finding::new(
            Severity::Error,
            Check::Geometry,
            first,
            t!("preflight-place-edition-pdf"),
            t!("preflight-pdf-pages", n = ids.len(), expected = pages.len()),
        ));
    }
    for (id, number) in ids.into_iter().zip(pages) {
        page_boxes(&doc, id, format, *number, &mut out);
    }
    fonts(&doc, first, licences, &mut out);
    colours(&doc, first, &mut out);
    out
}

/// Width and height of a box in millimetres.
fn size(r: [f64; 4]) -> (f64, f64) {
    (r[2] - r[0], r[3] - r[1])
}

/// Whether two sizes agree to a twentieth of a millimetre.
fn close(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < 0.05 && (a.1 - b.1).abs() < 0.05
}

/// What is wrong with the page's MediaBox: it must be the trim and the
/// bleed on every side, or that and the slug area of printer's marks
/// ([`SLUG_MM`]) on every side.
fn media_box(rect: Option<[f64; 4]>, format: &Format) -> Option<String> {
    let bleed = format.bleed_mm;
    let want = |reach: f64| {
        (
            format.width_mm + 2.0 * reach,
            format.height_mm + 2.0 * reach,
        )
    };
    let plain = want(bleed);
    match rect {
        Some(r) if close(size(r), plain) || close(size(r), want(bleed + SLUG_MM)) => None,
        Some(r) => Some(t!(
            "preflight-media-box",
            width = format!("{:.1}", size(r).0),
            height = format!("{:.1}", size(r).1),
            want_width = format!("{:.1}", plain.0),
            want_height = format!("{:.1}", plain.1),
        )),
        None => Some(t!("preflight-box-missing")),
    }
}

/// What is wrong with the page's TrimBox: it must be the trim.
fn trim_box(rect: Option<[f64; 4]>, format: &Format) -> Option<String> {
    match rect {
        Some(r) if close(size(r), (format.width_mm, format.height_mm)) => None,
        Some(r) => Some(t!(
            "preflight-trim-box",
            width = format!("{:.1}", size(r).0),
            height = format!("{:.1}", size(r).1),
            at = format!("{:.1}", r[0]),
            trim_width = format.width_mm.to_string(),
            trim_height = format.height_mm.to_string(),
        )),
        None => Some(t!("preflight-box-missing")),
    }
}

/// What is wrong with the page's BleedBox: it must be the TrimBox and the
/// bleed on every side.
fn bleed_box(rect: Option<[f64; 4]>, trim: Option<[f64; 4]>, format: &Format) -> Option<String> {
    let (Some(r), Some(t)) = (rect, trim) else {
        return rect.is_none().then(|| t!("preflight-box-missing"));
    };
    let b = format.bleed_mm;
    let want = [t[0] - b, t[1] - b, t[2] + b, t[3] + b];
    if r.iter().zip(want).all(|(x, w)| (x - w).abs() < 0.05) {
        return None;
    }
    Some(t!(
        "preflight-bleed-box",
        width = format!("{:.1}", size(r).0),
        height = format!("{:.1}", size(r).1),
        bleed = b.to_string(),
        want_width = format!("{:.1}", size(want).0),
        want_height = format!("{:.1}", size(want).1),
    ))
}

fn fonts(doc: &Document, page: u32, licences: &[FontLicence], out: &mut Vec<Finding>) {
    let mut seen = BTreeSet::new();
    for object in doc.objects.values() {
        let Some((name, dict)) = simple_font(object) else {
            continue;
        };
        if !seen.insert(name.clone()) {
            continue;
        }
        for (severity, message) in font_problems(doc, dict, &name, licences) {
            out.push(Finding::new(
                severity,
                Check::Fonts,
                page,
                t!("preflight-place-font", name = &name),
                message,
            ));
        }
    }
}

/// The name and dictionary of a font object that holds its own glyphs.
/// Type0 is checked through its descendant; Type3 glyphs live in the file.
fn simple_font(object: &Object) -> Option<(String, &Dictionary)> {
    let dict = object.as_dict().ok()?;
    if !dict
        .get(b"Type")
        .and_then(Object::as_name)
        .is_ok_and(|n| n == b"Font")
    {
        return None;
    }
    let subtype = dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .unwrap_or(b"");
    if subtype == b"Type0" || subtype == b"Type3" {
        return None;
    }
    let name = dict
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_else(|_| t!("preflight-font-unnamed"));
    Some((name, dict))
}

/// What is wrong with the font `name`: not embedded, embedded whole, or
/// of a licence `fonts.toml` does not list.
fn font_problems(
    doc: &Document,
    dict: &Dictionary,
    name: &str,
    licences: &[FontLicence],
) -> Vec<(Severity, String)> {
    let mut out = Vec::new();
    let descriptor = dict
        .get(b"FontDescriptor")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok());
    let embedded = descriptor.is_some_and(|d| {
        [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
            .iter()
            .any(|k| d.has(k))
    });
    if !embedded {
        out.push((Severity::Error, t!("preflight-font-not-embedded")));
    }
    let (prefix, base) = name.split_once('+').unwrap_or(("", name));
    if !(prefix.len() == 6 && prefix.chars().all(|c| c.is_ascii_uppercase())) {
        out.push((Severity::Warning, t!("preflight-font-not-subset")));
    }
    if !licences.iter().any(|l| base.starts_with(&l.postscript)) {
        out.push((Severity::Warning, t!("preflight-font-licence-unknown")));
    }
    out
}

fn colours(doc: &Document, page: u32, out: &mut Vec<Finding>) {
    let rgb_ops: usize = content_streams(doc)
        .iter()
        .map(|data| count_operators(data, &[b"rg", b"RG"]))
        .sum();
    let mut found = ColourUse::default();
    for object in doc.objects.values() {
        found.object(doc, object);
    }
    if rgb_ops > 0 {
        out.push(Finding::new(
            Severity::Error,
            Check::Colours,
            page,
            t!("preflight-place-page-content"),
            t!("preflight-rgb-operators", n = rgb_ops),
        ));
    }
    for name in found.rgb_spaces {
        let place = match name.as_str() {
            GRADIENT => t!("preflight-place-gradient-space"),
            _ => t!("preflight-place-colour-space", name = &name),
        };
        out.push(Finding::new(
            Severity::Error,
            Check::Colours,
            page,
            place,
            t!("preflight-rgb-space"),
        ));
    }
    for what in found.transparency {
        out.push(Finding::new(
            Severity::Warning,
            Check::Colours,
            page,
            t!("preflight-place-page-content"),
            t!("preflight-transparency", what = what),
        ));
    }
}

/// How [`ColourUse::rgb_spaces`] names a gradient's colour space (sorted
/// among the spaces' names as in English, named in the desk's words).
const GRADIENT: &str = "of a gradient";

/// RGB colour spaces and transparency found in the PDF's objects, each
/// named once.
#[derive(Default)]
struct ColourUse {
    /// Names of RGB colour spaces (or what carries one).
    rgb_spaces: BTreeSet<String>,
    /// Kinds of transparency.
    transparency: BTreeSet<String>,
}

impl ColourUse {
    /// Notes what one object of the PDF uses.
    fn object(&mut self, doc: &Document, object: &Object) {
        let (dict, is_stream) = match object {
            Object::Stream(stream) => (&stream.dict, true),
            Object::Dictionary(dict) => (dict, false),
            _ => return,
        };
        let is_image = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Image");
        // A gradient carries its colour space itself. (Pictures are the
        // pictures check's business: it knows which file each one is.)
        if dict.has(b"ShadingType")
            && dict
                .get(b"ColorSpace")
                .is_ok_and(|cs| is_rgb_space(doc, cs))
        {
            self.rgb_spaces.insert(GRADIENT.to_string());
        }
        if is_image && dict.has(b"SMask") {
            self.transparency
                .insert(t!("preflight-transparency-image-mask"));
        }
        if is_stream {
            return;
        }
        if dict
            .get(b"Type")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"ExtGState")
        {
            self.graphics_state(dict);
        }
        if let Ok(spaces) = dict.get(b"ColorSpace").and_then(Object::as_dict) {
            for (name, space) in spaces.iter() {
                if is_rgb_space(doc, space) {
                    self.rgb_spaces
                        .insert(String::from_utf8_lossy(name).into_owned());
                }
            }
        }
    }

    /// Notes the transparency an ExtGState sets: opacity below 1, or a
    /// soft mask.
    fn graphics_state(&mut self, dict: &Dictionary) {
        for key in [&b"CA"[..], b"ca"] {
            if dict.get(key).ok().and_then(number).is_some_and(|a| a < 1.0) {
                self.transparency.insert(t!(
                    "preflight-transparency-opacity",
                    key = String::from_utf8_lossy(key).into_owned()
                ));
            }
        }
        if dict
            .get(b"SMask")
            .ok()
            .and_then(|o| o.as_name().ok())
            .is_none_or(|n| n != b"None")
            && dict.has(b"SMask")
        {
            self.transparency
                .insert(t!("preflight-transparency-soft-mask"));
        }
    }
}

fn is_rgb_space(doc: &Document, space: &Object) -> bool {
    let Ok((_, space)) = doc.dereference(space) else {
        return false;
    };
    match space {
        Object::Name(n) => n == b"DeviceRGB" || n == b"CalRGB",
        Object::Array(arr) => match arr.first().and_then(|o| o.as_name().ok()) {
            Some(b"CalRGB") => true,
            Some(b"ICCBased") => arr
                .get(1)
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_stream().ok())
                .and_then(|s| s.dict.get(b"N").ok().and_then(number))
                .is_some_and(|n| n == 3.0),
            _ => false,
        },
        _ => false,
    }
}
