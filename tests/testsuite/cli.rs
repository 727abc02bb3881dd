//! The CLI beyond the seed build: fonts listing, proofs, template errors,
//! bleed, and running from anywhere.

use crate::support::*;

#[test]
fn fonts_lists_only_the_projects_and_embedded_families() {
    let dir = tempfile::tempdir().unwrap();
    let list = banmian(dir.path(), &["fonts", "--variants"])
        .expect_success()
        .stdout();
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
    banmian(
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
    )
    .expect_success();
    let png = std::fs::read(dir.path().join("p/xianning-2021-05.png")).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    // 390 × 540 mm at 30 pixels per inch.
    assert_eq!((width, height), (461, 638));
    // On white paper, not transparent (black in some viewers): the margin
    // is opaque white.
    let image = image::load_from_memory(&png).unwrap().to_rgba8();
    assert_eq!(image.get_pixel(3, 3).0, [255, 255, 255, 255]);
    assert!(image.pixels().all(|p| p.0[3] == 255), "every pixel opaque");

    banmian(
        dir.path(),
        &[
            "build",
            seed.to_str().unwrap(),
            "-o",
            "s",
            "--format",
            "svg",
        ],
    )
    .expect_success();
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
    )
    .expect_exit(1);
    let err = out.stderr();
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
    banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", "out"]).expect_success();
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
    banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", "out"])
        .expect_success()
        .stderr_lacks("not found");
    let pdf = dir.path().join("out/photos-05.pdf");
    let list = poppler("pdfimages", &["-list", pdf.to_str().unwrap()]);
    assert_eq!(list.lines().skip(2).count(), 9, "{list}");
    assert!(
        !pdf_text(&pdf).contains("图片待补"),
        "no placeholder is set"
    );
}

#[test]
fn grid_proofs_and_their_limits() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed();
    let seed = seed.to_str().unwrap();
    banmian(
        dir.path(),
        &[
            "build", seed, "-o", "g", "--format", "png", "--ppi", "20", "--grid",
        ],
    )
    .expect_success();
    banmian(
        dir.path(),
        &["build", seed, "-o", "p", "--format", "png", "--ppi", "20"],
    )
    .expect_success();
    let grid = std::fs::read(dir.path().join("g/xianning-2021-05.png")).unwrap();
    let without = std::fs::read(dir.path().join("p/xianning-2021-05.png")).unwrap();
    assert_ne!(grid, without, "the grid is drawn");
    // The grid marks proofs, never a print PDF.
    banmian(dir.path(), &["build", seed, "-o", "x", "--grid"])
        .leaves_untouched("x")
        .expect_exit(2)
        .stderr_contains("--grid");
    // A proof too large to render is refused before rendering.
    banmian(
        dir.path(),
        &["build", seed, "-o", "x", "--format", "png", "--ppi", "1200"],
    )
    .leaves_untouched("x")
    .expect_exit(2)
    .stderr_contains("megapixels");
    // Resolutions that make no sense are usage errors.
    for bad in [["--min-ppi", "nan"], ["--min-ppi", "-3"]] {
        banmian(dir.path(), &["preflight", seed, bad[0], bad[1]]).expect_exit(2);
    }
    banmian(dir.path(), &["preflight", seed, "--min-ppi", "700"]).expect_exit(2);
}

#[test]
fn the_staff_line_is_set_and_not_taken_for_body_text() {
    let dir = tempfile::tempdir().unwrap();
    let ed = copy_edition(&seed(), dir.path(), "staff");
    edit(
        &ed.join("edition.toml"),
        "articles = [\"feature.md\"]",
        "articles = [\"feature.md\"]\neditor = \"张三\"\ndesigner = \"李四\"\nproofreader = \"王五\"",
    );
    let json = banmian(dir.path(), &["check", ed.to_str().unwrap(), "--json"])
        .expect_exit(0)
        .json();
    assert_eq!(json["findings"], serde_json::json!([]), "{json:#}");
    banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", "out"]).expect_success();
    let text = pdf_text(&dir.path().join("out/staff-05.pdf"));
    assert!(
        text.contains("责任编辑：张三")
            && text.contains("版式设计：李四")
            && text.contains("校对：王五"),
        "{text}"
    );
}

#[test]
fn an_article_without_section_heads_is_set_in_the_body_face() {
    let dir = tempfile::tempdir().unwrap();
    let ed = small_edition(
        dir.path(),
        "plain",
        "feature",
        "第一段正文。\n\n第二段正文。",
    );
    // Two lines of copy leave the page underset: a proof PDF.
    crate::support::build_proof(dir.path(), &ed).expect_success();
    let fonts = poppler(
        "pdffonts",
        &[dir.path().join("out/plain-01.pdf").to_str().unwrap()],
    );
    assert!(
        fonts.contains("NotoSerifCJKsc-Regular"),
        "body in song:\n{fonts}"
    );
    assert!(
        !fonts.contains("LXGWWenKai"),
        "no lead in kai without a section head:\n{fonts}"
    );
}

/// Where the first picture of a laid-out page is drawn: left, top, width.
fn first_picture(ed: &std::path::Path) -> (f64, f64, f64) {
    use typst::layout::{Frame, FrameItem, Point, Transform};
    fn walk(frame: &Frame, ts: Transform, out: &mut Vec<(f64, f64, f64)>) {
        for (pos, item) in frame.items() {
            match item {
                FrameItem::Group(g) => walk(
                    &g.frame,
                    ts.pre_concat(Transform::translate(pos.x, pos.y))
                        .pre_concat(g.transform),
                    out,
                ),
                FrameItem::Image(_, size, _) => {
                    let p: Point = pos.transform(ts);
                    out.push((p.x.to_pt(), p.y.to_pt(), size.x.to_pt()));
                }
                _ => {}
            }
        }
    }
    let home = banmian::home::Home::locate(None, None).unwrap();
    let builder = banmian::build::Builder::new(home, false).unwrap();
    let pages = builder.lay_out(ed, true).unwrap();
    let mut found = Vec::new();
    walk(
        &pages[0].1.document.pages()[0].frame,
        Transform::identity(),
        &mut found,
    );
    found[0]
}

#[test]
fn photos_are_cropped_around_their_focus() {
    let dir = tempfile::tempdir().unwrap();
    let ed = copy_edition(&seed(), dir.path(), "focus");
    std::fs::create_dir_all(ed.join("photos")).unwrap();
    // A wide picture: cropped to a squarer frame, it loses its sides.
    image::GrayImage::from_fn(3000, 1000, |x, _| image::Luma([(x / 12) as u8]))
        .save(ed.join("photos/01-tongshan-mufushan-road.jpg"))
        .unwrap();
    let md = ed.join("feature.md");
    let caption = "caption = \"通山幕阜山生态旅游公路\"";
    // The editor asks for a one-column frame and lets it cut more than the
    // usual 30%: a column is too narrow for the wide picture's shape (the
    // smallest frame is 25 mm deep), so it is cropped.
    edit(
        &md,
        caption,
        &format!("{caption}\ncolumns = 1\nmax_crop = 0.6\nfocus = [0.0, 0.5]"),
    );
    let (left_x, left_y, width) = first_picture(&ed);
    edit(&md, "focus = [0.0, 0.5]", "focus = [1.0, 0.5]");
    let (right_x, right_y, _) = first_picture(&ed);
    edit(&md, "focus = [1.0, 0.5]", "focus = [0.5, 0.5]");
    let (centre_x, _, _) = first_picture(&ed);
    // Focus on the left edge keeps the picture's left edge in the frame;
    // on the right edge it moves the picture left by everything cropped.
    assert_eq!(left_y, right_y);
    assert!(
        left_x - right_x > width / 10.0,
        "{left_x} {right_x} {width}"
    );
    assert!(
        (centre_x - (left_x + right_x) / 2.0).abs() < 0.01,
        "{centre_x}"
    );
    // A focus outside the picture is refused where it is written.
    edit(&md, "focus = [0.5, 0.5]", "focus = [1.5, 0.5]");
    banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", "out"])
        .expect_exit(1)
        .stderr_contains("photos[0].focus: expected two fractions from 0 to 1");
}
