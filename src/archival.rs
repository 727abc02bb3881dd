//! What makes a page archival: the standard it is written to (PDF/A-3b),
//! the `sys.inputs` that tells layouts so, the edition's sources attached
//! inside the PDF, and a PDF/A refusal told in the desk's terms.

use crate::content::{Edition, Page, PictureMode};
use crate::diag::Error;

/// The standard archived pages are written to.
pub const PDF_STANDARD: &str = "PDF/A-3b";

/// The `sys.inputs` key that tells layouts a page is set for the archive:
/// Typst 0.15 writes no device CMYK into a PDF/A file, so `style.typ` gives
/// the archive its print colours converted to sRGB.
pub const OUTPUT_INPUT: &str = "banmian-output";

/// The `pdf.attach` calls that put a page's sources inside its PDF:
/// `edition.toml` and the page's article files. Set before the page's
/// layout; it is banmian's own code, never content. Its descriptions go
/// into the PDF and stay English in any language: a page must come out
/// byte for byte the same whatever language the desk reads.
pub fn attachments(edition: &Edition, page: &Page) -> String {
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

/// A PDF/A refusal told in the desk's terms when the page has CMYK
/// pictures, which Typst 0.15 cannot put into PDF/A.
pub fn explain_cmyk_pictures(error: Error, page: &Page) -> Error {
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
    let why = t!(
        "archive-cmyk-pictures",
        page = page.number,
        pictures = cmyk.join(", "),
    );
    Error::Template(format!("{text}{}\n", t!("label-error", text = why)))
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
