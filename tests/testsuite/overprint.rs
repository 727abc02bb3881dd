//! Black overprint: 100% K text and rules print over the colours under
//! them, so a tinted box under black text keeps its tint on the C, M and Y
//! plates (no white halo when the plates misregister). Checked on the
//! separations Ghostscript renders (`tiffsep` simulates overprint as a
//! plate-setter does), and in the PDF read back with qpdf.

use crate::support::separations::{Plate, separations};
use crate::support::{add_test_profile, build_seed_copy, qpdf_check};

/// Pixels of black text (K at least half) lying on the tint: within
/// `reach` pixels of a pixel carrying the tint's yellow (5–20%). Returns
/// how many there are and how many of them have no yellow at all, that
/// is, are holes the text knocked out of the tint.
fn black_on_tint(black: &Plate, yellow: &Plate, reach: usize) -> (usize, usize) {
    let (w, h) = (black.width, black.height);
    let tint = |v: u8| (13..=51).contains(&v);
    let (mut on_tint, mut holes) = (0, 0);
    for y in reach..h - reach {
        for x in reach..w - reach {
            let i = y * w + x;
            if black.ink[i] < 128 {
                continue;
            }
            let near_tint = (y - reach..=y + reach)
                .any(|yy| (x - reach..=x + reach).any(|xx| tint(yellow.ink[yy * w + xx])));
            if !near_tint {
                continue;
            }
            on_tint += 1;
            if yellow.ink[i] == 0 {
                holes += 1;
            }
        }
    }
    (on_tint, holes)
}

#[test]
fn black_text_on_a_tint_overprints_and_the_tint_stays_whole() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = build_seed_copy(dir.path(), |ed| add_test_profile(ed, "overprint test"), &[]);
    qpdf_check(&pdf);

    let plates = separations(&pdf, &dir.path().join("sep"), 100);
    let (on_tint, holes) = black_on_tint(&plates["Black"], &plates["Yellow"], 2);
    println!("black text pixels on the tint: {on_tint}, of them holes in the tint: {holes}");
    // The section heads and the milestone box set black text on the tint.
    assert!(on_tint > 500, "black text on the tint: {on_tint} pixels");
    // Knocked out, every one of them would be a hole; overprinted, none is
    // (a few edge pixels where the tint itself ends are allowed).
    assert!(holes * 50 < on_tint, "{holes} of {on_tint} are holes");

    // The red accent still knocks out: under it the black plate is empty
    // where there is no black of its own, and the yellow plate carries it
    // solid.
    assert_eq!(plates["Yellow"].most(), 100.0);

    // In the PDF: an ExtGState that sets overprint with mode 1, used.
    let qdf = dir.path().join("qdf.pdf");
    let status = std::process::Command::new("qpdf")
        .args(["--qdf", "--object-streams=disable"])
        .arg(&pdf)
        .arg(&qdf)
        .status()
        .unwrap();
    assert!(status.success());
    let text = String::from_utf8_lossy(&std::fs::read(&qdf).unwrap()).into_owned();
    assert!(text.contains("/op true"), "no fill overprint state");
    assert!(text.contains("/OPM 1"), "no overprint mode 1");
    assert!(
        text.contains("0 0 0 1 k\n/BanmianOverprint10 gs"),
        "black fills are not set to overprint"
    );
}

#[test]
fn white_on_a_colour_still_knocks_out() {
    // The milestone box's title is white (paper) on the red accent: if it
    // overprinted it would vanish. Its letters stay holes in the magenta
    // plate inside the red band.
    let dir = tempfile::tempdir().unwrap();
    let pdf = build_seed_copy(dir.path(), |_| {}, &[]);
    let plates = separations(&pdf, &dir.path().join("sep"), 100);
    let magenta = &plates["Magenta"];
    let (w, h) = (magenta.width, magenta.height);
    // Unlinked pixels inside solid magenta on all four sides at 3 px: the
    // inside of white letters (a red glyph's outside is not enclosed so).
    let solid = |x: usize, y: usize| magenta.ink[y * w + x] == 255;
    let mut enclosed = 0;
    for y in 3..h - 3 {
        for x in 3..w - 3 {
            if magenta.ink[y * w + x] == 0
                && solid(x - 3, y)
                && solid(x + 3, y)
                && solid(x, y - 3)
                && solid(x, y + 3)
            {
                enclosed += 1;
            }
        }
    }
    println!("white pixels enclosed by solid magenta: {enclosed}");
    assert!(
        enclosed > 20,
        "the white title no longer knocks out: {enclosed}"
    );
}
