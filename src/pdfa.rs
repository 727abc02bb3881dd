//! PDF/A-3b in the print page's colours: an archived page that carries the
//! same CMYK colours and pictures as the page that went to the plant.
//! Typst 0.15 writes PDF/A only without device CMYK (its exporter has no
//! CMYK profile to give it), so for a job with a CMYK output intent the
//! archive page is the PDF/X-4 print page ([`crate::pdfx`]) with its
//! sources attached, made PDF/A-3b here: PDF/A allows DeviceCMYK under a
//! CMYK output intent, and one profile object serves both intents. What
//! PDF/A-3b asks beyond what the PDF/X-4 file has:
//!
//! - an output intent `/S /GTS_PDFA1` whose `DestOutputProfile` is the
//!   PDF/X intent's (ISO 19005-3, 6.2.3: several intents share one
//!   profile object);
//! - the identification `pdfaid:part` 3 and `pdfaid:conformance` B in the
//!   XMP, and an extension schema describing the one property PDF/A does
//!   not predefine, `pdfxid:GTS_PDFXVersion` (6.6.2.3);
//! - each attached file with `F` and `UF`, its relationship
//!   (`AFRelationship /Source`: the page was set from it) and listed in
//!   the catalog's `AF` (6.8);
//! - a binary comment after the header (6.1.2);
//! - no device RGB without a default: an sRGB `DefaultRGB` on every page
//!   that paints in DeviceRGB (6.2.4.3).

use std::io::Write as _;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use crate::content_ops::for_each_operation;

/// The PDF/A part and conformance written.
pub const PDFA_PART: u8 = 3;
/// The conformance level: B, the visual appearance.
pub const PDFA_CONFORMANCE: &str = "B";

const PDFAID_NS: &str = "http://www.aiim.org/pdfa/ns/id/";

/// Makes `doc`, a PDF/X-4 file ([`crate::pdfx::make_pdfx`] done) whose
/// output intent is CMYK, a PDF/A-3b file too.
pub fn make_pdfa(doc: &mut Document) -> lopdf::Result<()> {
    pdfa_intent(doc)?;
    associated_files(doc)?;
    default_rgb(doc)?;
    metadata(doc)?;
    // Four bytes above 127 after the header: the file is binary.
    doc.binary_mark = vec![0xe2, 0xe3, 0xcf, 0xd3];
    Ok(())
}

/// A second output intent, for PDF/A, sharing the PDF/X intent's profile.
fn pdfa_intent(doc: &mut Document) -> lopdf::Result<()> {
    let intents = doc.catalog()?.get(b"OutputIntents")?.as_array()?.clone();
    let first = intents
        .first()
        .ok_or(lopdf::Error::DictKey("OutputIntents".into()))?;
    let pdfx = match first {
        Object::Reference(r) => doc.get_dictionary(*r)?.clone(),
        Object::Dictionary(d) => d.clone(),
        _ => return Err(lopdf::Error::DictKey("OutputIntent".into())),
    };
    let mut pdfa = pdfx;
    pdfa.set("S", "GTS_PDFA1");
    let pdfa = doc.add_object(pdfa);
    let mut all = intents;
    all.push(pdfa.into());
    doc.catalog_mut()?.set("OutputIntents", Object::Array(all));
    Ok(())
}

/// The attached files as PDF/A-3 wants them: `UF` beside `F` (in the file
/// specification and its `EF`), `AFRelationship /Source`, and every one
/// listed in the catalog's `AF`.
fn associated_files(doc: &mut Document) -> lopdf::Result<()> {
    let specs = embedded_file_specs(doc)?;
    if specs.is_empty() {
        return Ok(());
    }
    for &spec in &specs {
        let dict = doc.get_dictionary_mut(spec)?;
        if !dict.has(b"UF")
            && let Ok(f) = dict.get(b"F").cloned()
        {
            dict.set("UF", f);
        }
        dict.set("AFRelationship", "Source");
        if let Ok(Object::Dictionary(ef)) = dict.get_mut(b"EF")
            && !ef.has(b"UF")
            && let Ok(f) = ef.get(b"F").cloned()
        {
            ef.set("UF", f);
        }
    }
    let af = specs.into_iter().map(Object::Reference).collect();
    doc.catalog_mut()?.set("AF", Object::Array(af));
    Ok(())
}

/// The file specifications in the catalog's `Names` / `EmbeddedFiles`
/// name tree (its `Names` arrays, kids included), in tree order.
fn embedded_file_specs(doc: &Document) -> lopdf::Result<Vec<ObjectId>> {
    let names = match doc.catalog()?.get(b"Names") {
        Ok(Object::Reference(r)) => doc.get_dictionary(*r)?,
        Ok(Object::Dictionary(d)) => d,
        _ => return Ok(Vec::new()),
    };
    let Ok(tree) = names.get(b"EmbeddedFiles") else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    let mut todo = vec![tree.clone()];
    while let Some(node) = todo.pop() {
        let node = match node {
            Object::Reference(r) => doc.get_dictionary(r)?.clone(),
            Object::Dictionary(d) => d,
            _ => continue,
        };
        if let Ok(pairs) = node.get(b"Names").and_then(Object::as_array) {
            out.extend(
                pairs
                    .iter()
                    .skip(1)
                    .step_by(2)
                    .filter_map(|o| o.as_reference().ok()),
            );
        }
        if let Ok(kids) = node.get(b"Kids").and_then(Object::as_array) {
            todo.extend(kids.iter().rev().cloned());
        }
    }
    Ok(out)
}

/// An sRGB `DefaultRGB` colour space in the resources of every page that
/// paints in DeviceRGB (an RGB picture the job did not convert, a colour
/// a layout gave in RGB): PDF/A allows device RGB under a CMYK output
/// intent only so.
fn default_rgb(doc: &mut Document) -> lopdf::Result<()> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let mut srgb = None;
    for page in pages {
        if !paints_device_rgb(doc, page) {
            continue;
        }
        let profile = match srgb {
            Some(p) => p,
            None => {
                let p = doc.add_object(srgb_stream()?);
                srgb = Some(p);
                p
            }
        };
        let space = Object::Array(vec![Object::Name(b"ICCBased".to_vec()), profile.into()]);
        let resources = match doc.get_dictionary(page)?.get(b"Resources") {
            Ok(Object::Reference(r)) => Some(*r),
            _ => None,
        };
        let res = match resources {
            Some(r) => doc.get_dictionary_mut(r)?,
            None => {
                let page = doc.get_dictionary_mut(page)?;
                if !page.has(b"Resources") {
                    page.set("Resources", Dictionary::new());
                }
                page.get_mut(b"Resources")?.as_dict_mut()?
            }
        };
        let mut spaces = res
            .get(b"ColorSpace")
            .and_then(Object::as_dict)
            .cloned()
            .unwrap_or_default();
        spaces.set("DefaultRGB", space);
        res.set("ColorSpace", spaces);
    }
    Ok(())
}

/// Whether page `id` paints in DeviceRGB: an `rg`/`RG` operator in its
/// content, or a DeviceRGB picture among its XObjects.
fn paints_device_rgb(doc: &Document, id: ObjectId) -> bool {
    let in_content = doc.get_page_contents(id).into_iter().any(|c| {
        doc.get_object(c)
            .and_then(Object::as_stream)
            .and_then(Stream::get_plain_content)
            .is_ok_and(|data| {
                let mut rgb = false;
                for_each_operation(&data, |op, _| rgb |= op == b"rg" || op == b"RG");
                rgb
            })
    });
    in_content
        || doc.objects.values().any(|o| {
            o.as_stream().is_ok_and(|s| {
                s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image")
                    && s.dict.get(b"ColorSpace").and_then(Object::as_name).ok()
                        == Some(b"DeviceRGB")
            })
        })
}

/// LittleCMS's sRGB profile, as an ICCBased stream.
fn srgb_stream() -> lopdf::Result<Stream> {
    let mut icc = lcms2::Profile::new_srgb()
        .icc()
        .map_err(|e| lopdf::Error::InvalidStream(format!("sRGB profile: {e}")))?;
    // LittleCMS dates a profile it makes with the time: a fixed date (and
    // no profile id, which would hash the date) keeps the bytes the same.
    if icc.len() >= 100 {
        let date: [u16; 6] = [2000, 1, 1, 0, 0, 0];
        for (i, v) in date.iter().enumerate() {
            icc[24 + 2 * i..26 + 2 * i].copy_from_slice(&v.to_be_bytes());
        }
        icc[84..100].fill(0);
    }
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(&icc)?;
    let mut dict = Dictionary::new();
    dict.set("N", 3);
    dict.set("Filter", "FlateDecode");
    Ok(Stream::new(dict, encoder.finish()?).with_compression(false))
}

/// The XMP with the PDF/A identification and the extension schema.
fn metadata(doc: &mut Document) -> lopdf::Result<()> {
    let id = doc.catalog()?.get(b"Metadata")?.as_reference()?;
    let stream = doc.get_object_mut(id)?.as_stream_mut()?;
    let xmp = String::from_utf8(stream.get_plain_content()?)
        .map_err(|e| lopdf::Error::InvalidStream(format!("XMP metadata: {e}")))?;
    stream.set_plain_content(pdfa_xmp(&xmp).into_bytes());
    Ok(())
}

/// `xmp` (a PDF/X-4 packet, see [`crate::pdfx::pdfx_xmp`]) with the PDF/A
/// identification and the extension schema of `pdfxid`.
pub fn pdfa_xmp(xmp: &str) -> String {
    let description = format!(
        "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"{PDFAID_NS}\"><pdfaid:part>{PDFA_PART}</pdfaid:part><pdfaid:conformance>{PDFA_CONFORMANCE}</pdfaid:conformance></rdf:Description>\
<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\
<pdfaSchema:schema>PDF/X ID Schema</pdfaSchema:schema>\
<pdfaSchema:namespaceURI>http://www.npes.org/pdfx/ns/id/</pdfaSchema:namespaceURI>\
<pdfaSchema:prefix>pdfxid</pdfaSchema:prefix>\
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\
<pdfaProperty:name>GTS_PDFXVersion</pdfaProperty:name>\
<pdfaProperty:valueType>Text</pdfaProperty:valueType>\
<pdfaProperty:category>internal</pdfaProperty:category>\
<pdfaProperty:description>ID of PDF/X standard</pdfaProperty:description>\
</rdf:li></rdf:Seq></pdfaSchema:property>\
</rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>"
    );
    match xmp.rfind("</rdf:RDF>") {
        Some(at) => {
            let mut out = xmp.to_string();
            out.insert_str(at, &description);
            out
        }
        None => xmp.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_xmp_says_pdfa_3b_and_describes_pdfxid() {
        let xmp = crate::pdfx::pdfx_xmp("", "ed-p1");
        let out = pdfa_xmp(&xmp);
        assert!(out.contains("<pdfaid:part>3</pdfaid:part>"));
        assert!(out.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
        assert!(out.contains("<pdfaSchema:prefix>pdfxid</pdfaSchema:prefix>"));
        assert!(out.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"));
        assert!(out.ends_with("</rdf:RDF></x:xmpmeta><?xpacket end=\"r\"?>"));
    }
    #[test]
    fn a_page_painting_device_rgb_gets_an_srgb_default_the_same_every_time() {
        let page = |doc: &mut Document| -> ObjectId {
            let content = doc.add_object(Stream::new(
                Dictionary::new(),
                b"q 1 0 0 rg 0 0 10 10 re f Q".to_vec(),
            ));
            let mut page = Dictionary::new();
            page.set("Type", "Page");
            page.set("Contents", content);
            page.set("Resources", Dictionary::new());
            let page = doc.add_object(page);
            let mut pages = Dictionary::new();
            pages.set("Type", "Pages");
            pages.set("Kids", vec![page.into()]);
            pages.set("Count", 1);
            let pages = doc.add_object(pages);
            doc.get_dictionary_mut(page).unwrap().set("Parent", pages);
            let mut catalog = Dictionary::new();
            catalog.set("Type", "Catalog");
            catalog.set("Pages", pages);
            let catalog = doc.add_object(catalog);
            doc.trailer.set("Root", catalog);
            page
        };
        let profile = |doc: &mut Document| -> Vec<u8> {
            let id = page(doc);
            default_rgb(doc).unwrap();
            let res = doc.get_dictionary(id).unwrap().get(b"Resources").unwrap();
            let spaces = res.as_dict().unwrap().get(b"ColorSpace").unwrap();
            let space = spaces.as_dict().unwrap().get(b"DefaultRGB").unwrap();
            let space = space.as_array().unwrap();
            assert_eq!(space[0].as_name().unwrap(), b"ICCBased");
            let icc = doc.get_object(space[1].as_reference().unwrap()).unwrap();
            icc.as_stream().unwrap().content.clone()
        };
        let first = profile(&mut Document::with_version("1.6"));
        std::thread::sleep(std::time::Duration::from_millis(1100));
        // A second later: the same bytes (LittleCMS would date it).
        assert_eq!(first, profile(&mut Document::with_version("1.6")));
    }
}
