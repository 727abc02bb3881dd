//! The preflight (印前检查): editions crafted to fail each check, each
//! asserting the finding, where it is and the exit code; and a clean
//! edition with real pictures that passes with no finding at all.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{
    add_test_profile, banmian, copy_edition, edited_layouts, poppler, qpdf_check, root, seed,
    small_edition,
};

/// `banmian preflight <ed> --json <extra>`: its exit code and findings.
fn preflight(cwd: &Path, ed: &Path, extra: &[&str]) -> (Option<i32>, Value) {
    let mut args = vec!["preflight", ed.to_str().unwrap(), "--json"];
    args.extend_from_slice(extra);
    let out = banmian(cwd, &args).output().stderr_lacks("panicked");
    (out.code(), out.json())
}

fn findings(json: &Value) -> &Vec<Value> {
    json["findings"].as_array().unwrap()
}

fn seed_copy(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ed = copy_edition(&seed(), dir.path(), name);
    (dir, ed)
}

/// The photo files the seed article names, in order.
fn photo_files(ed: &Path) -> Vec<String> {
    let md = std::fs::read_to_string(ed.join("feature.md")).unwrap();
    md.lines()
        .filter_map(|l| Some(l.strip_prefix("file = \"")?.strip_suffix('"')?.to_string()))
        .collect()
}

/// Nine grey pictures with enough pixels for 200–600 ppi where the seed
/// layout places them.
fn drop_suitable_pictures(ed: &Path) {
    std::fs::create_dir_all(ed.join("photos")).unwrap();
    for (i, file) in photo_files(ed).iter().enumerate() {
        let img = image::GrayImage::from_fn(1100, 850, |x, y| {
            image::Luma([((x / 7 + y / 5) as usize * (i + 2) % 256) as u8])
        });
        img.save(ed.join(file)).unwrap();
    }
}

#[test]
fn the_seed_lists_exactly_the_nine_missing_photos() {
    let dir = tempfile::tempdir().unwrap();
    let (code, json) = preflight(dir.path(), &seed(), &[]);
    assert_eq!(code, Some(0), "{json}");
    let f = findings(&json);
    assert_eq!(f.len(), 10, "{json:#}");
    // No output intent is configured: the print PDF is not PDF/X-4 (said
    // once, for the edition).
    assert_eq!(f[9]["check"], "pdfx", "{json:#}");
    assert_eq!(f[9]["severity"], "warning");
    assert!(f[9]["page"].is_null());
    for (i, finding) in f[..9].iter().enumerate() {
        assert_eq!(finding["severity"], "warning");
        assert_eq!(finding["check"], "pictures");
        assert_eq!(finding["page"], 5);
        assert!(
            finding["message"]
                .as_str()
                .unwrap()
                .starts_with("picture missing"),
            "{finding}"
        );
        assert!(
            finding["source"].as_str().unwrap().contains("feature.md:"),
            "{finding}"
        );
        assert!(
            finding["place"]
                .as_str()
                .unwrap()
                .starts_with(&format!("photos[{i}]")),
            "{finding}"
        );
    }
    // --strict turns the warnings into a refusal.
    let (code, json) = preflight(dir.path(), &seed(), &["--strict"]);
    assert_eq!(code, Some(1));
    assert_eq!(json["passes"], false);
}

#[test]
fn with_suitable_pictures_and_a_profile_the_seed_passes_clean() {
    let (dir, ed) = seed_copy("clean");
    drop_suitable_pictures(&ed);
    add_test_profile(&ed, "test");
    let (code, json) = preflight(dir.path(), &ed, &[]);
    // Nothing but, at most, a column foot a few lines short (where a
    // section head moved on to the next column with its first line).
    let short_feet = |f: &Value| {
        f["check"] == "underset"
            && f["severity"] == "warning"
            && f["message"]
                .as_str()
                .unwrap()
                .split(' ')
                .next()
                .unwrap()
                .parse::<usize>()
                .unwrap()
                <= 6
    };
    assert!(findings(&json).iter().all(short_feet), "{json:#}");
    assert_eq!(code, Some(0));
    assert_eq!(json["passes"], true);
    // And the print build goes through with the pictures embedded.
    banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", "out"]).expect_success();
    let pdf = dir.path().join("out/clean-05.pdf");
    let info = poppler("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.contains("PDF subtype:    PDF/X-4"), "{info}");
    let list = poppler("pdfimages", &["-list", pdf.to_str().unwrap()]);
    assert_eq!(list.lines().skip(2).count(), 9, "{list}");
    // One colour component: grey, as drawn.
    assert!(
        list.lines()
            .skip(2)
            .all(|l| l.split_whitespace().nth(6) == Some("1")),
        "{list}"
    );
}

#[test]
fn an_overset_body_says_by_how_much() {
    let (dir, ed) = seed_copy("overset");
    let path = ed.join("feature.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let (front, body) = text.split_at(text.rfind("+++").unwrap() + 4);
    std::fs::write(&path, format!("{front}{body}{body}")).unwrap();
    let (code, json) = preflight(dir.path(), &ed, &[]);
    assert_eq!(code, Some(1));
    let f = findings(&json);
    let overset = f
        .iter()
        .find(|f| f["check"] == "overset")
        .unwrap_or_else(|| panic!("{json:#}"));
    assert_eq!(overset["severity"], "error");
    let message = overset["message"].as_str().unwrap();
    assert!(
        message.contains("characters (about") && message.contains("did not fit"),
        "{message}"
    );
    // The paragraph (its line) and the sentence where the page runs out.
    let source = overset["source"].as_str().unwrap();
    assert!(
        source.contains("feature.md:") && source.ends_with(": body"),
        "{overset}"
    );
    assert!(message.contains("the page runs out in “"), "{message}");
}

#[test]
fn a_character_outside_every_font_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let ed = small_edition(
        dir.path(),
        "tofu",
        "feature",
        "这里有一个字\u{13000}没有字体。",
    );
    let (code, json) = preflight(dir.path(), &ed, &[]);
    assert_eq!(code, Some(1), "{json:#}");
    let tofu = findings(&json)
        .iter()
        .find(|f| f["check"] == "tofu")
        .unwrap_or_else(|| panic!("{json:#}"));
    assert_eq!(tofu["severity"], "error");
    let message = tofu["message"].as_str().unwrap();
    assert!(
        message.contains("U+13000") && message.contains("这里有一个字"),
        "{message}"
    );
    assert_eq!(tofu["place"], "column 1, line 1");
    // The print build refuses the page and writes nothing.
    banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", "out"])
        .leaves_untouched("out")
        .expect_exit(1)
        .stderr_contains("U+13000");
}

#[test]
fn a_small_picture_placed_large_names_its_ppi() {
    let (dir, ed) = seed_copy("lowres");
    drop_suitable_pictures(&ed);
    let first = &photo_files(&ed)[0];
    image::GrayImage::new(40, 30).save(ed.join(first)).unwrap();
    let (code, json) = preflight(dir.path(), &ed, &[]);
    assert_eq!(code, Some(1));
    let f: Vec<&Value> = findings(&json)
        .iter()
        .filter(|f| f["check"] == "pictures")
        .collect();
    assert_eq!(f.len(), 1, "{json:#}");
    assert_eq!(f[0]["severity"], "error");
    assert!(
        f[0]["place"].as_str().unwrap().starts_with("photos[0]"),
        "{}",
        f[0]
    );
    let message = f[0]["message"].as_str().unwrap();
    assert!(
        message.contains("ppi effective, below the minimum of 200 ppi")
            && message.contains("40×30 px"),
        "{message}"
    );
    // Too small for even the smallest frame at 200 ppi, it is set in the
    // smallest (one column, 40 mm wide): 40 px there is about 25 ppi.
    let ppi: f64 = message.split(' ').next().unwrap().parse().unwrap();
    assert!(ppi < 30.0, "{ppi}");
    // A lower minimum lets it pass.
    let (code, _) = preflight(dir.path(), &ed, &["--min-ppi", "5"]);
    assert_eq!(code, Some(0));
}

#[test]
fn a_truncated_jpeg_is_a_clear_error_not_a_crash() {
    let (dir, ed) = seed_copy("truncated");
    drop_suitable_pictures(&ed);
    let first = ed.join(&photo_files(&ed)[0]);
    let bytes = std::fs::read(&first).unwrap();
    std::fs::write(&first, &bytes[..bytes.len() / 3]).unwrap();
    // The picture is refused as the edition is read, before any layout:
    // preflight and build both stop with the file, line and field.
    for args in [
        vec!["preflight", ed.to_str().unwrap()],
        vec!["build", ed.to_str().unwrap(), "-o", "out"],
    ] {
        banmian(dir.path(), &args)
            .leaves_untouched("out")
            .expect_exit(1)
            .stderr_contains("feature.md:34:8: photos[0].file")
            .stderr_contains("cut short");
    }
}

#[test]
fn an_rgb_picture_in_a_cmyk_job_is_a_warning() {
    let (dir, ed) = seed_copy("rgb");
    drop_suitable_pictures(&ed);
    let first = &photo_files(&ed)[0];
    image::RgbImage::from_pixel(1100, 850, image::Rgb([200, 30, 30]))
        .save(ed.join(first))
        .unwrap();
    let (code, json) = preflight(dir.path(), &ed, &[]);
    assert_eq!(code, Some(0), "warnings do not stop a release");
    let f: Vec<&Value> = findings(&json)
        .iter()
        .filter(|f| f["check"] == "pictures")
        .collect();
    assert_eq!(f.len(), 1, "{json:#}");
    assert_eq!(f[0]["severity"], "warning");
    assert!(
        f[0]["message"]
            .as_str()
            .unwrap()
            .contains("Rgb picture in a Cmyk job"),
        "{}",
        f[0]
    );
}

/// Preflights the seed with one edit to a copy of the layouts; returns the
/// colour findings (the exit code must be 1).
fn colour_findings_with(file: &str, from: &str, to: &str) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let layouts = edited_layouts(dir.path(), file, from, to);
    let ed = seed();
    let args = [
        "preflight",
        ed.to_str().unwrap(),
        "--json",
        "--layouts",
        layouts.to_str().unwrap(),
    ];
    let json = banmian(dir.path(), &args).expect_exit(1).json();
    findings(&json)
        .iter()
        .filter(|f| f["check"] == "colours")
        .cloned()
        .collect()
}

#[test]
fn an_rgb_colour_in_a_layout_is_an_error() {
    let colours = colour_findings_with(
        "style.typ",
        "accent: cmyk(0%, 100%, 100%, 15%),",
        "accent: rgb(\"#d0021b\"),",
    );
    assert!(!colours.is_empty());
    assert!(
        colours.iter().all(|f| f["severity"] == "error"),
        "{colours:?}"
    );
    assert!(
        colours
            .iter()
            .any(|f| f["message"].as_str().unwrap().contains("RGB")),
        "{colours:?}"
    );
}

#[test]
fn a_short_body_leaves_holes_that_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let body = "短短的正文只有一段，远远填不满八栏。".repeat(12);
    let ed = small_edition(dir.path(), "short", "feature", &body);
    // A few lines of copy on a feature page: underset, an error that
    // refuses the page for print and says how much of it is empty.
    let (code, json) = preflight(dir.path(), &ed, &[]);
    assert_eq!(code, Some(1), "{json:#}");
    let errors: Vec<&Value> = findings(&json)
        .iter()
        .filter(|f| f["check"] == "underset" && f["severity"] == "error")
        .collect();
    // The hole, named by columns and lines…
    assert!(
        errors
            .iter()
            .any(|f| f["message"].as_str().unwrap().starts_with("a hole: ")
                && f["place"].as_str().unwrap().starts_with("columns ")),
        "{json:#}"
    );
    // …and the page's empty share.
    let share: Vec<&&Value> = errors.iter().filter(|f| f["place"] == "page").collect();
    assert_eq!(share.len(), 1, "{json:#}");
    let message = share[0]["message"].as_str().unwrap();
    let share: f64 = message
        .strip_prefix("underset: ")
        .and_then(|m| m.split('%').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("{message}"));
    assert!(share > 50.0, "{message}");
    // The print build refuses it; a proof still shows it.
    banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", "out"])
        .leaves_untouched("out")
        .expect_exit(1)
        .stderr_contains("underset");
    banmian(
        dir.path(),
        &[
            "build",
            ed.to_str().unwrap(),
            "-o",
            "out",
            "--format",
            "png",
            "--ppi",
            "20",
        ],
    )
    .expect_success();
}

#[test]
fn the_pdf_checks_catch_wrong_boxes_and_unknown_fonts() {
    let dir = tempfile::tempdir().unwrap();
    banmian(
        dir.path(),
        &["build", seed().to_str().unwrap(), "-o", "out"],
    )
    .expect_success();
    let pdf = std::fs::read(dir.path().join("out/xianning-2021-05.pdf")).unwrap();
    let format = banmian::content::Format {
        width_mm: 390.0,
        height_mm: 540.0,
        bleed_mm: 0.0,
        columns: None,
    };
    let licences = banmian::preflight::load_font_licences(&root().join("fonts")).unwrap();
    assert_eq!(
        banmian::preflight::check_pdf(&pdf, &format, 5, &licences, &Default::default()),
        vec![]
    );
    // A tabloid format: both boxes are wrong.
    let tabloid = banmian::content::Format {
        width_mm: 270.0,
        height_mm: 390.0,
        bleed_mm: 0.0,
        columns: None,
    };
    let wrong = banmian::preflight::check_pdf(&pdf, &tabloid, 5, &licences, &Default::default());
    assert_eq!(wrong.len(), 2, "{wrong:?}");
    assert!(
        wrong
            .iter()
            .all(|f| f.check == banmian::preflight::Check::Geometry),
        "{wrong:?}"
    );
    // Without the licence list every font is of unknown licence.
    let unknown = banmian::preflight::check_pdf(&pdf, &format, 5, &[], &Default::default());
    assert_eq!(unknown.len(), 4, "{unknown:?}");
    assert!(
        unknown
            .iter()
            .all(|f| f.message.contains("licence unknown")),
        "{unknown:?}"
    );
    // Independent tools agree with the clean result.
    let path = dir.path().join("out/xianning-2021-05.pdf");
    let boxes = poppler("pdfinfo", &["-box", path.to_str().unwrap()]);
    assert!(
        boxes.contains("TrimBox:             0.00     0.00  1105.51  1530.71"),
        "{boxes}"
    );
    qpdf_check(&path);
}

#[test]
fn an_rgb_gradient_in_a_layout_is_an_error() {
    let colours = colour_findings_with(
        "parts/milestones.typ",
        "fill: colors.tint,",
        "fill: gradient.linear(rgb(\"#ffeeee\"), rgb(\"#eeeeff\")),",
    );
    assert!(
        colours.iter().any(|f| f["severity"] == "error"),
        "{colours:?}"
    );
}
