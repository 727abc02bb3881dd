//! Checks on the written PDF itself, read back with `lopdf`: page boxes,
//! fonts (embedded, subset, licence known), colour spaces and transparency.

use std::collections::BTreeSet;
use std::path::Path;

use lopdf::{Dictionary, Document, Object};
use serde::Deserialize;

use super::{Check, Finding, Severity};
use crate::content::Format;
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

/// Checks the PDF of page `page` against the edition's `format`.
pub fn check_pdf(pdf: &[u8], format: &Format, page: u32, licences: &[FontLicence]) -> Vec<Finding> {
    let doc = match Document::load_mem(pdf) {
        Ok(doc) => doc,
        Err(e) => {
            return vec![Finding::new(
                Severity::Error,
                Check::Geometry,
                page,
                "PDF",
                format!("the PDF cannot be read back: {e}"),
            )];
        }
    };
    let mut out = Vec::new();
    geometry(&doc, format, page, &mut out);
    fonts(&doc, page, licences, &mut out);
    colours(&doc, page, &mut out);
    out
}

fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
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
            format!("{} pages, expected one", pages.len()),
        ));
    }
    let Some(dict) = pages
        .values()
        .next()
        .and_then(|id| doc.get_dictionary(*id).ok())
    else {
        return;
    };
    let bleed = format.bleed_mm;
    let want_media = (
        format.width_mm + 2.0 * bleed,
        format.height_mm + 2.0 * bleed,
    );
    let size = |r: [f64; 4]| (r[2] - r[0], r[3] - r[1]);
    let close = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).abs() < 0.05 && (a.1 - b.1).abs() < 0.05;
    match rect_mm(doc, dict, b"MediaBox") {
        Some(r) if close(size(r), want_media) => {}
        Some(r) => out.push(Finding::new(
            Severity::Error,
            Check::Geometry,
            page,
            "MediaBox",
            format!(
                "{:.1} × {:.1} mm, expected {:.1} × {:.1} mm",
                size(r).0,
                size(r).1,
                want_media.0,
                want_media.1
            ),
        )),
        None => out.push(Finding::new(
            Severity::Error,
            Check::Geometry,
            page,
            "MediaBox",
            "missing",
        )),
    }
    match rect_mm(doc, dict, b"TrimBox") {
        Some(r)
            if close(size(r), (format.width_mm, format.height_mm))
                && (r[0] - bleed).abs() < 0.05 => {}
        Some(r) => out.push(Finding::new(
            Severity::Error,
            Check::Geometry,
            page,
            "TrimBox",
            format!(
                "{:.1} × {:.1} mm at {:.1} mm, expected the trim {} × {} mm",
                size(r).0,
                size(r).1,
                r[0],
                format.width_mm,
                format.height_mm
            ),
        )),
        None => out.push(Finding::new(
            Severity::Error,
            Check::Geometry,
            page,
            "TrimBox",
            "missing",
        )),
    }
}

fn fonts(doc: &Document, page: u32, licences: &[FontLicence], out: &mut Vec<Finding>) {
    let mut seen = BTreeSet::new();
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if !dict
            .get(b"Type")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Font")
        {
            continue;
        }
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        if subtype == b"Type0" || subtype == b"Type3" {
            // Type0 is checked through its descendant; Type3 glyphs live in the file.
            continue;
        }
        let name = dict
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_else(|_| "(unnamed)".into());
        if !seen.insert(name.clone()) {
            continue;
        }
        let place = format!("font {name}");
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
            out.push(Finding::new(
                Severity::Error,
                Check::Fonts,
                page,
                place.clone(),
                "not embedded",
            ));
        }
        let (prefix, base) = name.split_once('+').unwrap_or(("", &name));
        if !(prefix.len() == 6 && prefix.chars().all(|c| c.is_ascii_uppercase())) {
            out.push(Finding::new(
                Severity::Warning,
                Check::Fonts,
                page,
                place.clone(),
                "embedded whole, not as a subset",
            ));
        }
        if !licences.iter().any(|l| base.starts_with(&l.postscript)) {
            out.push(Finding::new(
                Severity::Warning,
                Check::Fonts,
                page,
                place,
                "licence unknown: not listed in fonts/fonts.toml",
            ));
        }
    }
}

fn colours(doc: &Document, page: u32, out: &mut Vec<Finding>) {
    let mut rgb_ops = 0usize;
    let mut rgb_spaces = BTreeSet::new();
    let mut transparency = BTreeSet::new();
    // Content streams: every page's contents and every form XObject.
    let mut contents: Vec<Vec<u8>> = Vec::new();
    for id in doc.get_pages().into_values() {
        if let Ok(data) = doc.get_page_content(id) {
            contents.push(data);
        }
    }
    for object in doc.objects.values() {
        if let Object::Stream(stream) = object
            && stream
                .dict
                .get(b"Subtype")
                .and_then(Object::as_name)
                .is_ok_and(|n| n == b"Form")
        {
            contents.push(
                stream
                    .decompressed_content()
                    .unwrap_or_else(|_| stream.content.clone()),
            );
        }
    }
    for data in &contents {
        rgb_ops += count_operators(data, &[b"rg", b"RG"]);
    }
    for object in doc.objects.values() {
        let (dict, is_stream) = match object {
            Object::Stream(stream) => (&stream.dict, true),
            Object::Dictionary(dict) => (dict, false),
            _ => continue,
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
            rgb_spaces.insert("of a gradient".to_string());
        }
        if is_image && dict.has(b"SMask") {
            transparency.insert("an image with a soft mask".to_string());
        }
        if is_stream {
            continue;
        }
        if dict
            .get(b"Type")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"ExtGState")
        {
            for key in [&b"CA"[..], b"ca"] {
                if dict.get(key).ok().and_then(number).is_some_and(|a| a < 1.0) {
                    transparency.insert(format!(
                        "opacity {} below 100%",
                        String::from_utf8_lossy(key)
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
                transparency.insert("a soft mask".to_string());
            }
        }
        if let Ok(spaces) = dict.get(b"ColorSpace").and_then(Object::as_dict) {
            for (name, space) in spaces.iter() {
                if is_rgb_space(doc, space) {
                    rgb_spaces.insert(String::from_utf8_lossy(name).into_owned());
                }
            }
        }
    }
    if rgb_ops > 0 {
        out.push(Finding::new(
            Severity::Error,
            Check::Colours,
            page,
            "page content",
            format!("{rgb_ops} RGB colour setting(s) (rg/RG)"),
        ));
    }
    for name in rgb_spaces {
        out.push(Finding::new(
            Severity::Error,
            Check::Colours,
            page,
            format!("colour space {name}"),
            "an RGB colour space is used",
        ));
    }
    for what in transparency {
        out.push(Finding::new(
            Severity::Warning,
            Check::Colours,
            page,
            "page content",
            format!("transparency: {what}"),
        ));
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

/// Counts the operators named in `names` in a content stream. A scanner
/// rather than a full parse (a broadsheet page has tens of thousands of
/// operations): it only needs to tell operators from operands, so it skips
/// strings (with nesting and escapes), hex strings, names, comments and
/// inline image data, and compares every other token.
fn count_operators(data: &[u8], names: &[&[u8]]) -> usize {
    let is_white = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\0');
    let is_delim = |b: u8| {
        matches!(
            b,
            b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
        )
    };
    let mut count = 0;
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if is_white(b) || matches!(b, b'[' | b']' | b'{' | b'}' | b'>' | b')') {
            i += 1;
        } else if b == b'%' {
            while i < data.len() && !matches!(data[i], b'\n' | b'\r') {
                i += 1;
            }
        } else if b == b'(' {
            let mut depth = 0usize;
            while i < data.len() {
                match data[i] {
                    b'\\' => i += 1,
                    b'(' => depth += 1,
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            i += 1;
        } else if b == b'<' {
            if data.get(i + 1) == Some(&b'<') {
                i += 2;
            } else {
                while i < data.len() && data[i] != b'>' {
                    i += 1;
                }
                i += 1;
            }
        } else {
            // A name, a number or an operator: up to the next delimiter.
            let start = i;
            i += 1;
            while i < data.len() && !is_white(data[i]) && !is_delim(data[i]) {
                i += 1;
            }
            let token = &data[start..i];
            if b == b'/' {
                continue;
            }
            if names.contains(&token) {
                count += 1;
            } else if token == b"ID" {
                // Inline image data: binary, up to `EI` between white space.
                i += 1;
                while i + 2 < data.len()
                    && !(data[i..].starts_with(b"EI")
                        && is_white(data[i - 1])
                        && data.get(i + 2).is_none_or(|&c| is_white(c)))
                {
                    i += 1;
                }
                i += 2;
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::count_operators;

    #[test]
    fn counts_operators_not_operands() {
        let rg: &[&[u8]] = &[b"rg", b"RG"];
        assert_eq!(count_operators(b"0 0 1 rg 1 0 0 RG 0 g", rg), 2);
        assert_eq!(count_operators(b"(rg RG) Tj <7267> Tj /rg gs", rg), 0);
        assert_eq!(
            count_operators(b"(a (nested rg) \\) rg) Tj 1 0 0 rg", rg),
            1
        );
        assert_eq!(count_operators(b"% 0 0 1 rg\n0 0 0 1 k", rg), 0);
        assert_eq!(count_operators(b"[(rg)-250(x)]TJ 0.5 g 1 0 0rg", rg), 0);
        assert_eq!(count_operators(b"<< /rg 1 >> BDC 1 1 1 rg EMC", rg), 1);
        assert_eq!(
            count_operators(b"BI /W 1 /H 1 ID \x00rg RG\xff EI 0 1 0 rg", rg),
            1
        );
    }
}
