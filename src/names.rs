//! What banmian calls the pages it writes, in one place: page file names,
//! PDF identifiers, the default output folder, and the names the archive
//! keeps its own files under (which no edition id may take). Builds,
//! `watch` (which ignores its own pages), `--emit-typst` and the archive all
//! name pages through these.

use std::path::{Path, PathBuf};

use crate::export::OutputFormat;

/// A page's name without extension, `<edition-id>-<NN>`: its file's stem
/// and the folder `--emit-typst` writes its project into.
pub fn page_stem(edition_id: &str, number: u32) -> String {
    format!("{edition_id}-{number:02}")
}

/// The file a page is written as: `<edition-id>-<NN>.<ext>`.
pub fn page_file_name(edition_id: &str, number: u32, format: OutputFormat) -> String {
    format!("{}.{}", page_stem(edition_id, number), format.extension())
}

/// Whether `file_name` is a page of edition `edition_id` as a build names
/// it (any output format, any page number).
pub fn is_page_file(edition_id: &str, file_name: &str) -> bool {
    let Some((stem, ext)) = file_name.rsplit_once('.') else {
        return false;
    };
    matches!(ext, "pdf" | "png" | "svg")
        && stem
            .strip_prefix(edition_id)
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The file the whole edition is written as, all its pages in page order:
/// `<edition-id>.pdf`, beside the page files.
pub fn edition_file_name(edition_id: &str) -> String {
    format!("{edition_id}.pdf")
}

/// The proof sheet of an edition, all its pages side by side in one
/// picture: `<edition-id>-sheet.png`, beside the page files.
pub fn proof_sheet_name(edition_id: &str) -> String {
    format!("{edition_id}-sheet.png")
}

/// Whether `file_name` is one of the files a build of edition `edition_id`
/// writes: a page ([`is_page_file`]), the edition PDF or the proof sheet.
pub fn is_build_output(edition_id: &str, file_name: &str) -> bool {
    is_page_file(edition_id, file_name)
        || file_name == edition_file_name(edition_id)
        || file_name == proof_sheet_name(edition_id)
}

/// The stable PDF identifier of the whole edition's PDF: the edition id
/// (a page's is the id and its number, see [`page_ident`]).
pub fn edition_ident(edition_id: &str) -> String {
    edition_id.to_string()
}

/// The stable PDF identifier of a page: edition id and page number, so the
/// PDF's document id does not change between builds.
pub fn page_ident(edition_id: &str, number: u32) -> String {
    format!("{edition_id}/{number}")
}

/// Where a build writes an edition's pages when no folder is given.
pub fn default_out_dir(edition_id: &str) -> PathBuf {
    Path::new("output").join(edition_id)
}

/// The folder of an archive under which font files are stored by hash.
pub const ARCHIVE_FONTS: &str = "fonts";
/// The folder of an archive under which pictures are stored by hash.
pub const ARCHIVE_PICTURES: &str = "pictures";
/// The archive's search index file; SQLite keeps its journals beside it
/// under names that begin with this one (`index.sqlite-journal`).
pub const ARCHIVE_INDEX: &str = "index.sqlite";

/// Why `id` cannot be an edition id although it is a safe file name: the
/// archive keeps its own files under that name, beside the editions.
/// Compared without case, as some file systems do. (Hidden names, which
/// the archive's lock, staging folders and temporary files have, are no
/// edition ids either.)
pub fn reserved_edition_id(id: &str) -> Option<&'static str> {
    let lower = id.to_ascii_lowercase();
    if lower == ARCHIVE_FONTS {
        Some("the archive keeps its fonts under that name")
    } else if lower == ARCHIVE_PICTURES {
        Some("the archive keeps its pictures under that name")
    } else if lower.starts_with(ARCHIVE_INDEX) {
        Some("the archive keeps its search index under that name")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_files_are_recognised_by_their_names() {
        for format in [OutputFormat::Pdf, OutputFormat::Png, OutputFormat::Svg] {
            assert!(is_page_file("ed", &page_file_name("ed", 5, format)));
        }
        assert!(!is_page_file("ed", "ed-.pdf"));
        assert!(!is_page_file("ed", "ed-05.txt"));
        assert!(!is_page_file("ed", "edx-05.pdf"));
        assert!(!is_page_file("ed-0", "ed-05"));
        assert!(!is_page_file("ed", &edition_file_name("ed")));
        assert!(!is_page_file("ed", &proof_sheet_name("ed")));
    }

    #[test]
    fn the_whole_editions_files_are_the_builds_own() {
        for name in [
            edition_file_name("ed"),
            proof_sheet_name("ed"),
            "ed-01.pdf".into(),
        ] {
            assert!(is_build_output("ed", &name), "{name}");
        }
        for name in ["ed.png", "ed-sheet.pdf", "edx.pdf", "ed-.pdf"] {
            assert!(!is_build_output("ed", name), "{name}");
        }
    }
}
