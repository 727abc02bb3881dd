//! Printer's marks (issue 15, point 6): crop, bleed and registration marks
//! and a slug line outside the trim, asked for by `--marks` or `marks =
//! true` in `[print]`. The media grows by the slug area; the TrimBox and
//! BleedBox stay where they were; the marks are on every plate, outside
//! the bleed, and the page inside the trim is what it was without them.

use std::path::{Path, PathBuf};

use crate::support::separations::separations;
use crate::support::{
    add_print, add_test_profile, banmian, build_seed_copy, copy_edition, poppler, qpdf_check, seed,
};

/// The seed's trim, in millimetres (edition.toml's [format]).
const TRIM: (f64, f64) = (390.0, 540.0);
/// The slug area beyond the bleed.
const SLUG: f64 = 10.0;
const BLEED: f64 = 3.0;

/// The seed copied into `dir` with 3 mm of bleed and the test profile.
fn seed_with_bleed(dir: &Path) -> PathBuf {
    let ed = copy_edition(&seed(), dir, "xianning-2021");
    crate::support::edit(&ed.join("edition.toml"), "bleed_mm = 0", "bleed_mm = 3");
    add_test_profile(&ed, "marks test");
    ed
}

/// A page box of the first page as pdfinfo reads it, in millimetres:
/// (x0, y0, x1, y1).
fn page_box(pdf: &Path, name: &str) -> [f64; 4] {
    let info = poppler("pdfinfo", &["-box", pdf.to_str().unwrap()]);
    let line = info
        .lines()
        .find(|l| l.starts_with(&format!("{name}:")))
        .unwrap_or_else(|| panic!("no {name} in {info}"));
    let v: Vec<f64> = line
        .split_whitespace()
        .skip(1)
        .map(|x| x.parse::<f64>().unwrap() * 25.4 / 72.0)
        .collect();
    [v[0], v[1], v[2], v[3]]
}

fn near(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.05
}

#[test]
fn marks_grow_the_media_and_keep_the_trim_and_bleed() {
    let dir = tempfile::tempdir().unwrap();
    let ed = seed_with_bleed(dir.path());
    let ed = ed.to_str().unwrap();
    // The ink limit is measured too: the registration colour (400%) lies
    // outside the bleed, where nothing is printed on the paper.
    banmian(
        dir.path(),
        &["build", ed, "-o", "marked", "--marks", "--ink-limit", "240"],
    )
    .expect_success();
    banmian(dir.path(), &["build", ed, "-o", "plain"]).expect_success();
    let marked = dir.path().join("marked/xianning-2021-05.pdf");
    let plain = dir.path().join("plain/xianning-2021-05.pdf");
    qpdf_check(&marked);

    let media = page_box(&marked, "MediaBox");
    let trim = page_box(&marked, "TrimBox");
    let bleed = page_box(&marked, "BleedBox");
    let reach = BLEED + SLUG;
    assert!(near(media[2] - media[0], TRIM.0 + 2.0 * reach), "{media:?}");
    assert!(near(media[3] - media[1], TRIM.1 + 2.0 * reach), "{media:?}");
    assert!(
        near(trim[0] - media[0], reach) && near(trim[2] - trim[0], TRIM.0),
        "{trim:?}"
    );
    assert!(
        near(trim[1] - media[1], reach) && near(trim[3] - trim[1], TRIM.1),
        "{trim:?}"
    );
    for (b, t, sign) in [
        (bleed[0], trim[0], -1.0),
        (bleed[1], trim[1], -1.0),
        (bleed[2], trim[2], 1.0),
        (bleed[3], trim[3], 1.0),
    ] {
        assert!(
            near(b, t + sign * BLEED),
            "BleedBox {bleed:?}, TrimBox {trim:?}"
        );
    }
    // Without marks the media is the bleed box.
    assert!(near(
        page_box(&plain, "MediaBox")[2] - page_box(&plain, "MediaBox")[0],
        TRIM.0 + 2.0 * BLEED
    ));

    // The slug line names the page and a build id, not a time.
    let text = poppler("pdftotext", &[marked.to_str().unwrap(), "-"]);
    let slug = text
        .lines()
        .find(|l| l.contains("banmian ") && l.contains("构建"))
        .unwrap_or_else(|| panic!("no slug line in {text}"));
    println!("slug line: {slug}");
    let joined: String = slug.split_whitespace().collect();
    assert!(
        joined.contains("第5版特别报道") && joined.contains("xianning-2021"),
        "{slug}"
    );
    let id: String = slug
        .split("构建")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .into();
    assert_eq!(id.len(), 12, "{slug}");
    assert!(id.chars().all(|c| c.is_ascii_hexdigit()), "{slug}");
    // Inside the trim there is no slug line.
    let (x, y, w, h) = (reach, reach, TRIM.0, TRIM.1);
    let pt = |mm: f64| format!("{}", (mm * 72.0 / 25.4).round() as i64);
    let inside = poppler(
        "pdftotext",
        &[
            "-r",
            "72",
            "-x",
            &pt(x),
            "-y",
            &pt(y),
            "-W",
            &pt(w),
            "-H",
            &pt(h),
            marked.to_str().unwrap(),
            "-",
        ],
    );
    assert!(
        !inside.contains("banmian "),
        "the slug line is inside the trim"
    );

    // The marks are on every plate, and only outside the bleed.
    let ppi = 36.0;
    let plates = separations(&marked, &dir.path().join("sep"), ppi as u32);
    let px = |mm: f64| (mm / 25.4 * ppi) as usize;
    let outer = px(SLUG) - 1;
    for (name, plate) in &plates {
        let (w, h) = (plate.width, plate.height);
        let mut in_slug = 0;
        for y in 0..h {
            for x in 0..w {
                if plate.ink[y * w + x] == 0 {
                    continue;
                }
                let edge = x.min(y).min(w - 1 - x).min(h - 1 - y);
                if edge < outer {
                    in_slug += 1;
                }
            }
        }
        println!("{name}: {in_slug} inked pixels in the slug area");
        assert!(in_slug > 50, "no marks on the {name} plate");
    }

    // Inside the trim the page is the page without marks.
    let same = trimmed_pixels_differ(&marked, &plain, dir.path());
    assert!(
        same < 0.001,
        "{:.4}% of the trimmed page differs",
        same * 100.0
    );
}

/// The share of pixels that differ between the trimmed pages of `a` and
/// `b`, rendered by Ghostscript.
fn trimmed_pixels_differ(a: &Path, b: &Path, dir: &Path) -> f64 {
    let render = |pdf: &Path, name: &str| -> Vec<u8> {
        let out = dir.join(name);
        let status = std::process::Command::new("gs")
            .args(["-q", "-sDEVICE=pgmraw", "-r36", "-dUseTrimBox", "-o"])
            .arg(&out)
            .arg(pdf)
            .status()
            .unwrap();
        assert!(status.success());
        std::fs::read(out).unwrap()
    };
    let (x, y) = (render(a, "a.pgm"), render(b, "b.pgm"));
    assert_eq!(x.len(), y.len(), "the trimmed pages differ in size");
    let differ = x.iter().zip(&y).filter(|(p, q)| p != q).count();
    differ as f64 / x.len() as f64
}

#[test]
fn marks_from_the_print_configuration_and_in_a_grey_job_on_black_alone() {
    let dir = tempfile::tempdir().unwrap();
    let print = |ed: &Path| add_print(ed, "marks = true\ncolour = \"gray\"\n");
    let pdf = build_seed_copy(dir.path(), print, &[]);
    let ed = dir.path().join("xianning-2021");
    let media = page_box(&pdf, "MediaBox");
    assert!(near(media[2] - media[0], TRIM.0 + 2.0 * SLUG), "{media:?}");
    let plates = separations(&pdf, &dir.path().join("sep"), 36);
    for colour in ["Cyan", "Magenta", "Yellow"] {
        assert_eq!(plates[colour].inked(), 0, "ink on the {colour} plate");
    }
    // The preflight finds nothing wrong with the marked grey page's boxes
    // or colours (the seed's pictures are missing: warnings only).
    banmian(dir.path(), &["preflight", ed.to_str().unwrap()])
        .expect_success()
        .says_nothing_of("Geometry")
        .says_nothing_of("Colour")
        .says("0 error(s)");
}
