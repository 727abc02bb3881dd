//! Laid-out page → bytes: PDF for print (and PDF/A for the archive), PNG
//! and SVG as proofs. Writing them is [`crate::files`]' concern.

use typst::foundations::Smart;
use typst::layout::Abs;
use typst::visualize::Color;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::diag::Error;
use crate::overprint::overprint_black;
use crate::pdfa::make_pdfa;
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
/// gets a BleedBox `bleed_mm` round its trim (the media may be larger, for
/// printer's marks); with an output `intent` it is a PDF/X-4 file printing
/// to it.
pub fn encode(
    document: &PagedDocument,
    format: OutputFormat,
    ppi: f32,
    ident: &str,
    bleed_mm: f64,
    intent: Option<&OutputIntent>,
) -> Result<Vec<u8>, Error> {
    match format {
        OutputFormat::Pdf => encode_pdf(document, ident, bleed_mm, intent).map(|(bytes, _)| bytes),
        OutputFormat::Png => {
            let page = &document.pages()[0];
            let scale = f64::from(ppi) / 72.0;
            let size = page.frame.size();
            let pixels = (size.x.to_pt() * scale).ceil() * (size.y.to_pt() * scale).ceil();
            if pixels > MAX_PROOF_PIXELS {
                let most = (MAX_PROOF_PIXELS / pixels).sqrt() * f64::from(ppi);
                return Err(Error::Usage(t!(
                    "layout-png-too-large",
                    width = format!("{:.0}", size.x.to_mm()),
                    height = format!("{:.0}", size.y.to_mm()),
                    ppi = ppi,
                    megapixels = format!("{:.0}", pixels / 1e6),
                    gb = format!("{:.1}", pixels * 8.0 / 1e9),
                    most = format!("{:.0}", MAX_PROOF_PIXELS / 1e6),
                    most_ppi = most.floor().to_string()
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
                .map_err(|e| failed(t!("layout-png-encoding", error = e.to_string())))
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

/// The print PDF of a one-page document ([`encode`] as PDF), and the
/// document it was written from, for the preflight to read without
/// parsing the bytes back ([`crate::preflight::check_pdf_document`]).
pub fn encode_pdf(
    document: &PagedDocument,
    ident: &str,
    bleed_mm: f64,
    intent: Option<&OutputIntent>,
) -> Result<(Vec<u8>, lopdf::Document), Error> {
    // PDF/X-4 is PDF 1.6.
    pdf(document, ident, bleed_mm, Target::print(intent)?)
}

/// Encodes a one-page document as an archival PDF/A-3b, with the print
/// PDF's page boxes and metadata. Without an output `intent`, held to
/// PDF/A by Typst's exporter, which reports every violation as an error
/// and writes no device CMYK (the layouts give the archive sRGB and grey
/// colours). With a CMYK output `intent`, the print page itself (PDF/X-4,
/// its CMYK colours and pictures) made PDF/A-3b too ([`make_pdfa`]). Files
/// the document attaches with `pdf.attach` travel inside it.
pub fn encode_archival(
    document: &PagedDocument,
    ident: &str,
    bleed_mm: f64,
    intent: Option<&OutputIntent>,
) -> Result<Vec<u8>, Error> {
    let target = match intent {
        Some(intent) => Target {
            pdfa: true,
            ..Target::print(Some(intent))?
        },
        None => Target {
            standards: standards(PdfStandard::A_3b, t!("layout-export-pdfa"))?,
            what: t!("layout-export-pdfa"),
            intent: None,
            pdfa: false,
        },
    };
    pdf(document, ident, bleed_mm, target).map(|(bytes, _)| bytes)
}

/// Typst's exporter held to `standard`; `what` names the export in the
/// error.
fn standards(standard: PdfStandard, what: String) -> Result<PdfStandards, Error> {
    PdfStandards::new(&[standard]).map_err(|e| {
        failed(t!(
            "layout-export-failed",
            what = what,
            error = e.message().as_str()
        ))
    })
}

/// What a PDF is written as.
struct Target<'a> {
    /// The standards Typst's exporter holds it to.
    standards: PdfStandards,
    /// The export, as errors name it.
    what: String,
    /// The output intent that makes it PDF/X-4.
    intent: Option<&'a OutputIntent>,
    /// Made PDF/A-3b after PDF/X-4 ([`make_pdfa`]).
    pdfa: bool,
}

impl<'a> Target<'a> {
    /// A print PDF: PDF/X-4 (PDF 1.6) with an output `intent`, else plain.
    fn print(intent: Option<&'a OutputIntent>) -> Result<Self, Error> {
        Ok(match intent {
            Some(intent) => Self {
                standards: standards(PdfStandard::V_1_6, t!("layout-export-pdfx"))?,
                what: t!("layout-export-pdfx"),
                intent: Some(intent),
                pdfa: false,
            },
            None => Self {
                standards: PdfStandards::default(),
                what: t!("layout-export-pdf"),
                intent: None,
                pdfa: false,
            },
        })
    }
}

/// The PDF of a one-page document as `target` says, with page boxes
/// (`bleed_mm` of bleed round the trim), and the document it was written
/// from.
fn pdf(
    document: &PagedDocument,
    ident: &str,
    bleed_mm: f64,
    target: Target,
) -> Result<(Vec<u8>, lopdf::Document), Error> {
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        creator: Smart::Custom(Some(format!(
            "banmian {} (Typst {})",
            env!("CARGO_PKG_VERSION"),
            typst::utils::version().raw()
        ))),
        standards: target.standards.clone(),
        ..PdfOptions::default()
    };
    // Typst's bleed is the trim's distance from the media's edge: the
    // edition's bleed, and the slug area when there are printer's marks.
    let media_bleed = document
        .pages()
        .first()
        .map_or(0.0, |p| p.bleed.left.to_pt());
    let bleed = Abs::mm(bleed_mm).to_pt().min(media_bleed);
    let pdf = typst_pdf::pdf(document, &options).map_err(|errors| {
        Error::Template(
            errors
                .iter()
                .map(|e| {
                    let text = t!(
                        "layout-export-failed",
                        what = &target.what,
                        error = e.message.as_str()
                    );
                    format!("{}\n", t!("label-error", text = text))
                })
                .collect(),
        )
    })?;
    print_pass(&pdf, media_bleed, bleed, &target, ident)
}

/// Gives every page a TrimBox (the trimmed page, `media_bleed_pt` inside
/// the media) and a BleedBox (`bleed_pt` round the trim), which a plant's
/// preflight expects on every page; makes 100% K text and rules overprint
/// ([`overprint_black`]); with the `target`'s output intent, makes the
/// file PDF/X-4 ([`make_pdfx`]), and PDF/A-3b too when it says so.
fn print_pass(
    pdf: &[u8],
    media_bleed_pt: f64,
    bleed_pt: f64,
    target: &Target,
    ident: &str,
) -> Result<(Vec<u8>, lopdf::Document), Error> {
    let fail = |e: lopdf::Error| failed(t!("layout-pdf-page-boxes", error = e.to_string()));
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
        let (m, b) = (media_bleed_pt as f32, bleed_pt as f32);
        let rect =
            |v: [f32; 4]| lopdf::Object::Array(v.iter().map(|x| lopdf::Object::Real(*x)).collect());
        let trim = [media[0] + m, media[1] + m, media[2] - m, media[3] - m];
        if !page.has(b"TrimBox") {
            page.set("TrimBox", rect(trim));
        }
        if !page.has(b"BleedBox") {
            page.set(
                "BleedBox",
                rect([trim[0] - b, trim[1] - b, trim[2] + b, trim[3] + b]),
            );
        }
    }
    overprint_black(&mut doc)
        .map_err(|e| failed(t!("layout-pdf-overprint", error = e.to_string())))?;
    if let Some(intent) = target.intent {
        make_pdfx(&mut doc, intent, ident)
            .map_err(|e| failed(t!("layout-pdfx-intent", error = e.to_string())))?;
        if target.pdfa {
            make_pdfa(&mut doc)
                .map_err(|e| failed(t!("layout-pdfa-cmyk", error = e.to_string())))?;
        }
    }
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .map_err(|e| failed(t!("layout-pdf-page-boxes", error = e.to_string())))?;
    Ok((out, doc))
}

/// A failed export step as an error that reads like Typst's own: the
/// `error:` label and a line of its own.
fn failed(text: String) -> Error {
    Error::Template(format!("{}\n", t!("label-error", text = text)))
}
