//! Laid-out page → bytes: PDF for print (and PDF/A for the archive), PNG
//! and SVG as proofs. Writing them is [`crate::files`]' concern.

use typst::foundations::Smart;
use typst::visualize::Color;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::diag::Error;
use crate::pdfx::{OutputIntent, make_pdfx};

/// The largest PNG proof, in pixels: 120 megapixels (a broadsheet at 606
/// ppi) are 480 MB of RGBA, and a build of one such page peaked at 520 MB;
/// `-j` renders that many pages at once. (At 900 ppi a broadsheet is 264
/// megapixels and peaked at 1.8 GB.)
const MAX_PROOF_PIXELS: f64 = 120_000_000.0;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Print PDF.
    Pdf,
    /// Raster proof.
    Png,
    /// Vector proof.
    Svg,
}

impl OutputFormat {
    /// File extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Png => "png",
            Self::Svg => "svg",
        }
    }
}

/// Encodes a one-page document. `ident` names the page stably (edition and
/// page number) so the PDF's document id does not change between builds;
/// no timestamp is written besides the edition date the layout sets. A PDF
/// with an output `intent` is a PDF/X-4 file printing to it.
pub fn encode(
    document: &PagedDocument,
    format: OutputFormat,
    ppi: f32,
    ident: &str,
    intent: Option<&OutputIntent>,
) -> Result<Vec<u8>, Error> {
    match format {
        OutputFormat::Pdf => match intent {
            // PDF/X-4 is PDF 1.6.
            Some(intent) => {
                let standards = PdfStandards::new(&[PdfStandard::V_1_6]).map_err(|e| {
                    Error::Template(format!("error: PDF/X export: {}\n", e.message()))
                })?;
                pdf(document, ident, standards, "PDF/X export", Some(intent))
            }
            None => pdf(document, ident, PdfStandards::default(), "PDF export", None),
        },
        OutputFormat::Png => {
            let page = &document.pages()[0];
            let scale = f64::from(ppi) / 72.0;
            let size = page.frame.size();
            let pixels = (size.x.to_pt() * scale).ceil() * (size.y.to_pt() * scale).ceil();
            if pixels > MAX_PROOF_PIXELS {
                let most = (MAX_PROOF_PIXELS / pixels).sqrt() * f64::from(ppi);
                return Err(Error::Usage(format!(
                    "a {:.0} × {:.0} mm page at {ppi} ppi would be {:.0} megapixels, about {:.1} GB to render; a PNG proof may have {:.0}: use --ppi {} or less",
                    size.x.to_mm(),
                    size.y.to_mm(),
                    pixels / 1e6,
                    pixels * 8.0 / 1e9,
                    MAX_PROOF_PIXELS / 1e6,
                    most.floor()
                )));
            }
            // Proofs are read on paper: the page's own fill is none (a
            // print PDF paints no white), so the PNG would be transparent,
            // black in some viewers.
            let mut paper = page.clone();
            paper.fill = Smart::Custom(Some(Color::WHITE.into()));
            let pixmap = typst_render::render(
                &paper,
                &typst_render::RenderOptions {
                    pixel_per_pt: typst::utils::Scalar::new(f64::from(ppi) / 72.0),
                    render_bleed: false,
                },
            );
            pixmap
                .encode_png()
                .map_err(|e| Error::Template(format!("error: PNG encoding: {e}\n")))
        }
        OutputFormat::Svg => {
            let page = &document.pages()[0];
            let svg = typst_svg::svg(
                page,
                &typst_svg::SvgOptions {
                    render_bleed: false,
                    pretty: false,
                },
            );
            Ok(svg.into_bytes())
        }
    }
}

/// Encodes a one-page document as an archival PDF/A-3b, with the print
/// PDF's page boxes and metadata, held to PDF/A by Typst's exporter, which
/// reports every violation as an error (the lopdf pass that adds the boxes
/// keeps the XMP metadata as it is). Files the document attaches with
/// `pdf.attach` travel inside it.
pub fn encode_archival(document: &PagedDocument, ident: &str) -> Result<Vec<u8>, Error> {
    let standards = PdfStandards::new(&[PdfStandard::A_3b])
        .map_err(|e| Error::Template(format!("error: PDF/A export: {}\n", e.message())))?;
    pdf(document, ident, standards, "PDF/A export", None)
}

/// The PDF of a one-page document, held to `standards`, with page boxes,
/// and PDF/X-4 with an output `intent`.
fn pdf(
    document: &PagedDocument,
    ident: &str,
    standards: PdfStandards,
    what: &str,
    intent: Option<&OutputIntent>,
) -> Result<Vec<u8>, Error> {
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        creator: Smart::Custom(Some(format!(
            "banmian {} (Typst {})",
            env!("CARGO_PKG_VERSION"),
            typst::utils::version().raw()
        ))),
        standards,
        ..PdfOptions::default()
    };
    let bleed = document
        .pages()
        .first()
        .map_or(0.0, |p| p.bleed.left.to_pt());
    let pdf = typst_pdf::pdf(document, &options).map_err(|errors| {
        Error::Template(
            errors
                .iter()
                .map(|e| format!("error: {what}: {}\n", e.message))
                .collect(),
        )
    })?;
    print_pass(&pdf, bleed, intent, ident)
}

/// Gives every page a TrimBox (the trimmed page) and a BleedBox (the media),
/// which Typst writes only when there is bleed and which a plant's
/// preflight expects on every page; with an output `intent`, makes the
/// file PDF/X-4 ([`make_pdfx`]).
fn print_pass(
    pdf: &[u8],
    bleed_pt: f64,
    intent: Option<&OutputIntent>,
    ident: &str,
) -> Result<Vec<u8>, Error> {
    let fail = |e: lopdf::Error| Error::Template(format!("error: PDF page boxes: {e}\n"));
    let mut doc = lopdf::Document::load_mem(pdf).map_err(fail)?;
    let pages: Vec<_> = doc.get_pages().into_values().collect();
    for id in pages {
        let page = doc.get_dictionary_mut(id).map_err(fail)?;
        let media: Vec<f32> = match page.get(b"MediaBox").and_then(lopdf::Object::as_array) {
            Ok(arr) => arr
                .iter()
                .filter_map(|o| {
                    o.as_float()
                        .ok()
                        .or_else(|| o.as_i64().ok().map(|i| i as f32))
                })
                .collect(),
            Err(_) => continue,
        };
        if media.len() != 4 {
            continue;
        }
        let b = bleed_pt as f32;
        let rect =
            |v: [f32; 4]| lopdf::Object::Array(v.iter().map(|x| lopdf::Object::Real(*x)).collect());
        if !page.has(b"TrimBox") {
            page.set(
                "TrimBox",
                rect([media[0] + b, media[1] + b, media[2] - b, media[3] - b]),
            );
        }
        if !page.has(b"BleedBox") {
            page.set("BleedBox", rect([media[0], media[1], media[2], media[3]]));
        }
    }
    if let Some(intent) = intent {
        make_pdfx(&mut doc, intent, ident)
            .map_err(|e| Error::Template(format!("error: PDF/X output intent: {e}\n")))?;
    }
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .map_err(|e| Error::Template(format!("error: PDF page boxes: {e}\n")))?;
    Ok(out)
}
