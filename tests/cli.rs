//! The CLI beyond the seed build: fonts listing, proofs, template errors,
//! bleed, and running from anywhere.

mod common;

use common::*;

#[test]
fn fonts_lists_only_the_projects_and_embedded_families() {
    let dir = tempfile::tempdir().unwrap();
    let out = banmian(dir.path(), &["fonts", "--variants"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list = String::from_utf8(out.stdout).unwrap();
    for family in [
        "Noto Serif CJK SC",
        "Noto Sans CJK SC",
        "LXGW WenKai",
        "Libertinus Serif",
    ] {
        assert!(
            list.lines().any(|l| l == family),
            "{family} missing:\n{list}"
        );
    }
    let allowed = [
        "Noto Serif CJK",
        "Noto Sans CJK",
        "Noto Sans Mono CJK",
        "LXGW WenKai",
        "Libertinus Serif",
        "New Computer Modern",
        "DejaVu Sans Mono",
    ];
    for family in list.lines().filter(|l| !l.starts_with("- ")) {
        assert!(
            allowed.iter().any(|a| family.starts_with(a)),
            "unexpected family {family}: builds must not see system fonts"
        );
    }
    assert!(
        list.contains("Weight: 900"),
        "the Black headline weight is listed:\n{list}"
    );
}

#[test]
fn png_and_svg_proofs() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed();
    let out = banmian(
        dir.path(),
        &[
            "build",
            seed.to_str().unwrap(),
            "-o",
            "p",
            "--format",
            "png",
            "--ppi",
            "30",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let png = std::fs::read(dir.path().join("p/xianning-2021-05.png")).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    // 390 × 540 mm at 30 pixels per inch.
    assert_eq!((width, height), (461, 638));

    let out = banmian(
        dir.path(),
        &[
            "build",
            seed.to_str().unwrap(),
            "-o",
            "s",
            "--format",
            "svg",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let svg = std::fs::read_to_string(dir.path().join("s/xianning-2021-05.svg")).unwrap();
    assert!(
        svg.starts_with("<svg") && svg.contains("viewBox"),
        "{}",
        &svg[..100.min(svg.len())]
    );
}

#[test]
fn template_errors_are_typst_diagnostics_with_the_source() {
    let dir = tempfile::tempdir().unwrap();
    let layouts = edited_layouts(
        dir.path(),
        "parts/staff.typ",
        "#let staff(page) = {",
        "#let staff(page) = {\n  let x = (1 +\n",
    );
    let out = banmian(
        dir.path(),
        &[
            "build",
            seed().to_str().unwrap(),
            "-o",
            "out",
            "--layouts",
            layouts.to_str().unwrap(),
        ],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error:") && err.contains("staff.typ"), "{err}");
    assert!(
        err.contains("let x = (1 +"),
        "the diagnostic quotes the source:\n{err}"
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn bleed_enlarges_the_media_and_keeps_the_trim() {
    let dir = tempfile::tempdir().unwrap();
    let ed = copy_edition(&seed(), dir.path(), "bleed");
    edit(&ed.join("edition.toml"), "bleed_mm = 0", "bleed_mm = 3");
    let out = banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", "out"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let info = poppler(
        "pdfinfo",
        &[
            "-box",
            dir.path().join("out/bleed-05.pdf").to_str().unwrap(),
        ],
    );
    let bx = |name: &str| -> Vec<f64> {
        let line = info.lines().find(|l| l.starts_with(name)).unwrap();
        line.split_whitespace()
            .skip(1)
            .map(|v| v.parse().unwrap())
            .collect()
    };
    let mm = |pt: f64| pt / 72.0 * 25.4;
    let media = bx("MediaBox:");
    let trim = bx("TrimBox:");
    assert!((mm(media[2] - media[0]) - 396.0).abs() < 0.05, "{info}");
    assert!((mm(trim[2] - trim[0]) - 390.0).abs() < 0.05, "{info}");
    assert!((mm(trim[3] - trim[1]) - 540.0).abs() < 0.05, "{info}");
}

#[test]
fn real_pictures_replace_the_placeholders() {
    let dir = tempfile::tempdir().unwrap();
    let ed = copy_edition(&seed(), dir.path(), "photos");
    let md = std::fs::read_to_string(ed.join("feature.md")).unwrap();
    let files: Vec<&str> = md
        .lines()
        .filter_map(|l| l.strip_prefix("file = \"")?.strip_suffix('"'))
        .collect();
    assert_eq!(files.len(), 9);
    std::fs::create_dir_all(ed.join("photos")).unwrap();
    for (i, file) in files.iter().enumerate() {
        // Grey, with enough pixels for 200 ppi at the placed size.
        let img = image::GrayImage::from_fn(1000, 800, |x, y| {
            image::Luma([((x + y) as usize * (i + 1) % 256) as u8])
        });
        img.save(ed.join(file)).unwrap();
    }
    let out = banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", "out"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("not found"), "{err}");
    let pdf = dir.path().join("out/photos-05.pdf");
    let list = poppler("pdfimages", &["-list", pdf.to_str().unwrap()]);
    assert_eq!(list.lines().skip(2).count(), 9, "{list}");
    assert!(
        !pdf_text(&pdf).contains("图片待补"),
        "no placeholder is set"
    );
}
