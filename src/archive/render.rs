//! Sets an edition's pages as archival PDF/A-3b, each carrying the
//! edition's sources (`edition.toml` and the page's articles) as attached
//! files, and as the print PDF `build` writes (CMYK, which PDF/A in Typst
//! 0.15 cannot carry: the archive keeps both). `archive` and `regenerate` both set pages through this one
//! function, from the same kind of inputs: an edition folder, a layouts
//! folder and an exact list of font files.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::compose::{compose_page, compose_page_with, template_warnings};
use crate::content::{
    Edition, Page, PictureMode, correct_punctuation, load_edition, uncovered_characters,
};
use crate::data::Proof;
use crate::diag::{Error, Warning};
use crate::export::{OutputFormat, encode, encode_archival};
use crate::fonts::Fonts;
use crate::world::PageWorld;

/// The standard archived pages are written to.
pub const PDF_STANDARD: &str = "PDF/A-3b";

/// The `sys.inputs` key that tells layouts a page is set for the archive:
/// Typst 0.15 writes no device CMYK into a PDF/A file, so `style.typ` gives
/// the archive its print colours converted to sRGB.
pub const OUTPUT_INPUT: &str = "banmian-output";

/// One page set for the archive.
pub struct RenderedPage {
    /// 版次.
    pub number: u32,
    /// The file name, as `build` names it: `<edition-id>-<NN>.pdf`.
    pub file_name: String,
    /// The archival PDF/A-3b.
    pub bytes: Vec<u8>,
    /// The print PDF, byte for byte what `banmian build` writes.
    pub print: Vec<u8>,
}

/// An edition set for the archive.
pub struct Rendered {
    /// The edition as loaded (punctuation corrected as on the page).
    pub edition: Edition,
    /// Loading and template warnings.
    pub warnings: Vec<Warning>,
    /// The pages, in edition order.
    pub pages: Vec<RenderedPage>,
    /// The files of the layouts folder the pages read, relative to it.
    pub layouts_used: Vec<PathBuf>,
}

/// Sets every page of the edition in `dir` with `layouts` and `fonts`
/// (loaded with [`Fonts::load_files`]). Half-width punctuation is set
/// full-width, as `build` does by default.
pub fn render(dir: &Path, layouts: &Path, fonts: Arc<Fonts>) -> Result<Rendered, Error> {
    let (mut edition, mut warnings) = load_edition(dir, layouts)?;
    warnings.extend(uncovered_characters(&edition, &fonts.coverage()));
    for page in &mut edition.pages {
        for article in &mut page.articles {
            correct_punctuation(article);
        }
    }
    let mut world = PageWorld::new(layouts, &edition.dir, fonts.clone())
        .with_inputs(&[(OUTPUT_INPUT, "archive")]);
    let mut print_world = PageWorld::new(layouts, &edition.dir, fonts.clone());
    let mut pages = Vec::new();
    for page in &edition.pages {
        let preamble = attachments(&edition, page);
        let composed = compose_page_with(
            &mut world,
            None,
            &edition,
            page,
            Proof::default(),
            &preamble,
        )?;
        warnings.extend(template_warnings(page, &composed.warnings));
        let ident = format!("{}/{}", edition.id, page.number);
        let bytes = encode_archival(&composed.document, &ident)
            .map_err(|e| explain_cmyk_pictures(e, page))?;
        let composed = compose_page(&mut print_world, &edition, page, Proof::default())?;
        let print = encode(&composed.document, OutputFormat::Pdf, 72.0, &ident)?;
        pages.push(RenderedPage {
            number: page.number,
            file_name: format!("{}-{:02}.pdf", edition.id, page.number),
            bytes,
            print,
        });
    }
    let mut layouts_used = world.used_layouts();
    layouts_used.extend(print_world.used_layouts());
    layouts_used.sort();
    layouts_used.dedup();
    Ok(Rendered {
        edition,
        warnings,
        pages,
        layouts_used,
    })
}

/// A PDF/A refusal told in the desk's terms when the page has CMYK
/// pictures, which Typst 0.15 cannot put into PDF/A.
fn explain_cmyk_pictures(error: Error, page: &Page) -> Error {
    let Error::Template(text) = error else {
        return error;
    };
    let cmyk: Vec<String> = page
        .articles
        .iter()
        .flat_map(|a| &a.photos)
        .filter(|p| p.info.as_ref().is_some_and(|i| i.mode == PictureMode::Cmyk))
        .map(|p| p.location.to_string())
        .collect();
    if cmyk.is_empty() || !text.contains("CMYK") {
        return Error::Template(text);
    }
    Error::Template(format!(
        "{text}error: page {} has CMYK pictures, which Typst 0.15 cannot put into a PDF/A page: {}\n",
        page.number,
        cmyk.join(", ")
    ))
}

/// The `pdf.attach` calls that put a page's sources inside its PDF:
/// `edition.toml` and the page's article files.
fn attachments(edition: &Edition, page: &Page) -> String {
    let mut files = vec![(
        "edition.toml".to_string(),
        "application/toml",
        "the edition (paper, date, pages)",
    )];
    for article in &page.articles {
        let rel = article
            .file
            .strip_prefix(&edition.dir)
            .unwrap_or(&article.file);
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        files.push((rel, "text/markdown", "an article of the page"));
    }
    files
        .iter()
        .map(|(path, mime, what)| {
            format!(
                "#pdf.attach({}, relationship: \"source\", mime-type: \"{mime}\", description: {})\n",
                typst_string(&format!("/edition/{path}")),
                typst_string(&format!("banmian source: {what}")),
            )
        })
        .collect()
}

/// `s` as a Typst string literal.
fn typst_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
