//! Hostile input, second round (issue 12, point 11): the smaller items,
//! each a message that names its place or a resource held in bounds.

use crate::support::{Outcome, banmian, small_edition};

/// Builds a one-page edition `ed` whose article is `article` as written,
/// and asserts that the build is refused with nothing written.
fn refused(article: &str) -> Outcome {
    let tmp = tempfile::tempdir().unwrap();
    let ed = small_edition(tmp.path(), "ed", "feature", "正文。");
    std::fs::write(ed.join("a.md"), article).unwrap();
    banmian(tmp.path(), &["build", ed.to_str().unwrap(), "-o", "out"])
        .leaves_untouched("out")
        .expect_exit(1)
}

#[test]
fn a_character_no_font_has_stops_a_print_build_naming_its_file_line_and_field() {
    refused("+++\nheadline = \"标题\"\n+++\n\n正文\n第二行😀一。\n")
        .stderr_contains("no font has U+1F600")
        .stderr_contains("ed/a.md:6: body");
}

#[test]
fn an_output_path_that_is_a_file_is_named_as_such() {
    let tmp = tempfile::tempdir().unwrap();
    let ed = small_edition(tmp.path(), "ed", "feature", "正文。");
    std::fs::write(tmp.path().join("out"), "not a folder").unwrap();
    for out in ["out", "out/sub"] {
        banmian(tmp.path(), &["build", ed.to_str().unwrap(), "-o", out])
            .leaves_untouched("out")
            .expect_exit(2)
            .stderr_contains("out is a file, not a folder")
            .stderr_lacks("os error");
    }
}

#[test]
fn a_surrogate_escape_in_toml_is_called_a_surrogate() {
    refused("+++\nkicker = \"引题\"\nheadline = \"标\\uD800题\"\n+++\n\n正文。\n")
        .stderr_contains("ed/a.md:3:")
        .stderr_contains(": headline: `\\uD800` is a UTF-16 surrogate");
}

#[test]
fn a_byte_order_mark_before_the_closing_fence_is_named() {
    refused("+++\nheadline = \"标题\"\n\u{FEFF}+++\n\n正文。\n")
        .stderr_contains("ed/a.md:3:1: this `+++` line of the front matter holds U+FEFF")
        .stderr_contains("byte-order mark")
        .stderr_lacks("never closes");
}
