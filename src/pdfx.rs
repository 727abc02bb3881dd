//! PDF/X-4 (ISO 15930-7), written onto Typst's PDF: Typst writes no PDF/X,
//! so the print pass ([`crate::export`]) adds what the standard asks of a
//! file beyond its pages — the plant's output intent with its embedded
//! printer profile, the PDF/X identification in the XMP metadata and the
//! Info dictionary, `Trapped`, and ids derived from the page's ident. The
//! PDF version (1.6) is Typst's to write; the page boxes are the print
//! pass's.

use std::io::Write as _;
use std::sync::Arc;

use lopdf::{Dictionary, Document, Object, Stream, StringFormat};
use sha2::{Digest, Sha256};

/// The PDF/X version banmian writes, as the XMP and the Info name it.
pub const PDFX_VERSION: &str = "PDF/X-4";
/// The XMP namespace of the PDF/X identification.
const PDFXID_NS: &str = "http://www.npes.org/pdfx/ns/id/";
const PDF_NS: &str = "http://ns.adobe.com/pdf/1.3/";
const XMPMM_NS: &str = "http://ns.adobe.com/xap/1.0/mm/";

/// The plant's printing condition: what a PDF/X output intent says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputIntent {
    /// The printer profile (ICC), as read from its file.
    pub profile: Arc<[u8]>,
    /// Its colour components: 4 (CMYK) or 1 (grey).
    pub components: u8,
    /// `OutputConditionIdentifier`: the registered name of the condition.
    pub condition: String,
    /// `RegistryName`: the registry the name is in.
    pub registry: String,
    /// `Info`: a description of the condition, when given.
    pub info: Option<String>,
}

/// Makes `doc`, a PDF 1.6 Typst wrote for `ident`, a PDF/X-4 file printing
/// to `intent`.
pub fn make_pdfx(doc: &mut Document, intent: &OutputIntent, ident: &str) -> lopdf::Result<()> {
    let profile = doc.add_object(profile_stream(intent)?);
    let mut oi = Dictionary::new();
    oi.set("Type", "OutputIntent");
    oi.set("S", "GTS_PDFX");
    oi.set("OutputConditionIdentifier", text(&intent.condition));
    oi.set("RegistryName", text(&intent.registry));
    oi.set(
        "Info",
        text(intent.info.as_deref().unwrap_or(&intent.condition)),
    );
    oi.set("DestOutputProfile", profile);
    let oi = doc.add_object(oi);
    doc.catalog_mut()?
        .set("OutputIntents", Object::Array(vec![oi.into()]));
    info_dict(doc)?;
    metadata(doc, ident)
}

/// The profile as an ICCBased stream, Flate-compressed at a fixed level
/// (the same profile gives the same bytes).
fn profile_stream(intent: &OutputIntent) -> lopdf::Result<Stream> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(&intent.profile)?;
    let mut dict = Dictionary::new();
    dict.set("N", i64::from(intent.components));
    dict.set("Filter", "FlateDecode");
    Ok(Stream::new(dict, encoder.finish()?).with_compression(false))
}

/// The Info dictionary with `Trapped` (banmian does not trap) and the
/// PDF/X version.
fn info_dict(doc: &mut Document) -> lopdf::Result<()> {
    let info = match doc.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) => id,
        Err(_) => {
            let id = doc.add_object(Dictionary::new());
            doc.trailer.set("Info", id);
            id
        }
    };
    let dict = doc.get_dictionary_mut(info)?;
    dict.set("Trapped", "False");
    dict.set("GTS_PDFXVersion", Object::string_literal(PDFX_VERSION));
    Ok(())
}

/// The XMP packet Typst wrote, kept (title, dates, producer…) with the
/// PDF/X identification, `pdf:Trapped` and ids derived from `ident` added;
/// written uncompressed, as a plant's tools expect.
fn metadata(doc: &mut Document, ident: &str) -> lopdf::Result<()> {
    let id = doc.catalog()?.get(b"Metadata")?.as_reference()?;
    let stream = doc.get_object_mut(id)?.as_stream_mut()?;
    let xmp = String::from_utf8(stream.get_plain_content()?)
        .map_err(|e| lopdf::Error::InvalidStream(format!("XMP metadata: {e}")))?;
    stream.set_plain_content(pdfx_xmp(&xmp, ident).into_bytes());
    Ok(())
}

/// `xmp` with the PDF/X-4 properties: the document id from `ident`, the
/// instance id from `ident` and the instance Typst wrote (a hash of its
/// bytes), rendition class `default` (this is the print master), version
/// `1`, and a description of the PDF/X version and trapping.
pub fn pdfx_xmp(xmp: &str, ident: &str) -> String {
    let typst_instance = element(xmp, "xmpMM:InstanceID").unwrap_or_default();
    let mut out = xmp.to_string();
    let mut extra = String::new();
    let ids = [
        ("xmpMM:DocumentID", uuid(&["document", ident])),
        (
            "xmpMM:InstanceID",
            uuid(&["instance", ident, &typst_instance]),
        ),
        ("xmpMM:RenditionClass", "default".to_string()),
        ("xmpMM:VersionID", "1".to_string()),
    ];
    for (name, value) in ids {
        match set_element(&out, name, &value) {
            Some(replaced) => out = replaced,
            None => extra.push_str(&format!("<{name}>{value}</{name}>")),
        }
    }
    let description = format!(
        "<rdf:Description rdf:about=\"\" xmlns:pdfxid=\"{PDFXID_NS}\" xmlns:pdf=\"{PDF_NS}\" xmlns:xmpMM=\"{XMPMM_NS}\"><pdfxid:GTS_PDFXVersion>{PDFX_VERSION}</pdfxid:GTS_PDFXVersion><pdf:Trapped>False</pdf:Trapped>{extra}</rdf:Description>"
    );
    match out.rfind("</rdf:RDF>") {
        Some(at) => out.insert_str(at, &description),
        None => {
            // No packet to keep: write a minimal one.
            out = format!(
                "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">{description}</rdf:RDF></x:xmpmeta><?xpacket end=\"r\"?>"
            );
        }
    }
    out
}

/// The text of the simple element `<name>…</name>` in `xml`.
fn element(xml: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let start = xml.find(&open)? + open.len();
    let end = start + xml[start..].find(&format!("</{name}>"))?;
    Some(xml[start..end].to_string())
}

/// `xml` with the text of `<name>…</name>` replaced by `value`; `None`
/// when there is no such element.
fn set_element(xml: &str, name: &str, value: &str) -> Option<String> {
    let open = format!("<{name}>");
    let start = xml.find(&open)? + open.len();
    let end = start + xml[start..].find(&format!("</{name}>"))?;
    Some(format!("{}{value}{}", &xml[..start], &xml[end..]))
}

/// A `uuid:` URI made from a hash of `parts` (a name-based UUID, version
/// 8), the same for the same parts.
fn uuid(parts: &[&str]) -> String {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    let mut b: [u8; 16] = hash.finalize()[..16].try_into().expect("16 bytes");
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "uuid:{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// A PDF text string: literal when ASCII, else UTF-16BE with its mark.
fn text(s: &str) -> Object {
    if s.is_ascii() {
        Object::string_literal(s)
    } else {
        let bytes = [0xfe, 0xff]
            .into_iter()
            .chain(s.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_xmp_keeps_what_typst_wrote_and_says_pdfx() {
        let xmp = "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"><dc:title>咸宁日报</dc:title><xmpMM:InstanceID>abc</xmpMM:InstanceID><xmpMM:DocumentID>def</xmpMM:DocumentID><xmpMM:RenditionClass>proof</xmpMM:RenditionClass></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"r\"?>";
        let out = pdfx_xmp(xmp, "xianning-2021-p5");
        assert!(out.contains("<dc:title>咸宁日报</dc:title>"));
        assert!(out.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"));
        assert!(out.contains("<pdf:Trapped>False</pdf:Trapped>"));
        assert!(out.contains("<xmpMM:RenditionClass>default</xmpMM:RenditionClass>"));
        assert!(out.contains("<xmpMM:VersionID>1</xmpMM:VersionID>"));
        let doc = element(&out, "xmpMM:DocumentID").unwrap();
        assert_eq!(doc, uuid(&["document", "xianning-2021-p5"]));
        assert!(doc.starts_with("uuid:") && doc.len() == 41, "{doc}");
        assert_ne!(doc, element(&out, "xmpMM:InstanceID").unwrap());
        assert_eq!(out, pdfx_xmp(xmp, "xianning-2021-p5"));
        assert!(out.ends_with("</rdf:RDF></x:xmpmeta><?xpacket end=\"r\"?>"));
    }
}
