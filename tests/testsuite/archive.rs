//! The edition archive, as a user meets it: `banmian archive …` and
//! `banmian regenerate` run on a copy of the seed edition in a temporary
//! folder; the tests read the files on disk, the exit codes and messages,
//! and the archived PDFs (with lopdf and poppler).

use crate::support::{
    self, Run, copy_edition, edit, edited_layouts, pdf_text, poppler, qpdf_check, root, seed,
};
use std::path::{Path, PathBuf};

const ID: &str = "xianning-2021";
const PAGE_PDF: &str = "pages/xianning-2021-05.pdf";
const PRINT_PDF: &str = "print/xianning-2021-05.pdf";
/// A sentence of the seed's first body paragraph, and a correction of it.
const BEFORE: &str = "为新一轮全省扶贫攻坚的主战场之一";
const AFTER: &str = "为新一轮全省扶贫攻坚的主战场";

/// `banmian` in `cwd` with this checkout's layouts and fonts (the binary
/// may live in a target folder shared with another checkout).
fn banmian(cwd: &Path, args: &[&str]) -> Run {
    support::banmian(cwd, args).env("BANMIAN_HOME", root())
}

/// A temporary folder holding a copy of the seed edition.
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let edition = copy_edition(&seed(), dir.path(), ID);
    (dir, edition)
}

fn rev(dir: &Path, n: u32) -> PathBuf {
    dir.join("archive").join(ID).join(format!("rev-{n:04}"))
}

fn revisions(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("archive").join(ID))
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn font_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("archive/fonts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn manifest(dir: &Path, n: u32) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(rev(dir, n).join("manifest.json")).unwrap()).unwrap()
}

/// Archives the seed, checks it was written whole, and returns the output.
fn archive_seed(dir: &Path) -> String {
    banmian(dir, &["archive", ID, "--note", "首次存档"])
        .expect_success()
        .says("archived as revision 1")
        .text()
}

/// Archives the seed, corrects a sentence and archives revision 2.
fn archive_correction(dir: &Path, edition: &Path) -> String {
    archive_seed(dir);
    edit(&edition.join("feature.md"), BEFORE, AFTER);
    banmian(dir, &["archive", ID, "--note", "更正：删去“之一”"])
        .expect_success()
        .says("archived as revision 2")
        .text()
}

#[test]
fn round_trip_archive_verify_regenerate() {
    let (tmp, _edition) = workspace();
    let dir = tmp.path();
    let out = archive_seed(dir);
    assert!(out.contains("archive/xianning-2021/rev-0001"), "{out}");
    assert!(out.contains("4 file(s) stored"), "{out}");

    let r1 = rev(dir, 1);
    for file in [
        "manifest.json",
        "manifest.sha256",
        "text.json",
        PAGE_PDF,
        PRINT_PDF,
        "edition/xianning-2021/edition.toml",
        "edition/xianning-2021/feature.md",
        "layouts/feature.typ",
        "layouts/style.typ",
        "layouts/parts/body.typ",
    ] {
        assert!(r1.join(file).is_file(), "{file} is not archived");
    }
    // Only the layout files the page read: the test layouts are not there.
    assert!(!r1.join("layouts/broken.typ").exists());
    // The edition's sources are archived byte for byte.
    assert_eq!(
        std::fs::read(r1.join("edition/xianning-2021/feature.md")).unwrap(),
        std::fs::read(seed().join("feature.md")).unwrap()
    );

    let m = manifest(dir, 1);
    assert_eq!(m["edition"], ID);
    assert_eq!(m["paper"], "咸宁日报");
    assert_eq!(m["date"], "2021-03-01");
    assert_eq!(m["revision"], 1);
    assert_eq!(m["note"], "首次存档");
    assert_eq!(m["typst"], "0.15.1");
    assert_eq!(m["banmian"], env!("CARGO_PKG_VERSION"));
    assert_eq!(m["pages"][0]["number"], 5);
    assert_eq!(m["pages"][0]["pdf"], PAGE_PDF);
    assert_eq!(m["pages"][0]["print"], PRINT_PDF);
    assert!(m["archived_at"].as_str().unwrap().ends_with('Z'));
    let files = m["files"].as_array().unwrap();
    assert!(files.iter().any(|f| f["path"] == PAGE_PDF));
    for f in files {
        assert_eq!(f["sha256"].as_str().unwrap().len(), 64, "{f}");
    }
    // Four font files, stored once under their SHA-256.
    let fonts = m["fonts"].as_array().unwrap();
    assert_eq!(fonts.len(), 4, "{fonts:?}");
    assert_eq!(font_files(dir).len(), 4);
    for f in fonts {
        let sha = f["sha256"].as_str().unwrap();
        assert!(
            f["stored"]
                .as_str()
                .unwrap()
                .starts_with(&format!("fonts/{sha}."))
        );
        assert!(
            dir.join("archive")
                .join(f["stored"].as_str().unwrap())
                .is_file()
        );
    }
    assert!(
        fonts.iter().any(|f| f["name"] == "NotoSerifCJK-Regular.ttc"
            && f["sha256"] == "a04178ec485dffdff7cc0c0c20e1fce9202d7e2160d805e8e44a4c8841c58481"),
        "{fonts:?}"
    );

    banmian(dir, &["archive", "verify"])
        .expect_success()
        .says("all intact");

    banmian(dir, &["regenerate", ID, "-o", "again"])
        .expect_success()
        .says("第5版 PDF/A: identical")
        .says("第5版 print: identical")
        .says("xianning-2021 revision 1: identical");
    assert_eq!(
        std::fs::read(dir.join("again/xianning-2021-05.pdf")).unwrap(),
        std::fs::read(r1.join(PAGE_PDF)).unwrap()
    );
}

#[test]
fn the_archived_print_pdf_is_what_build_writes() {
    let (tmp, _edition) = workspace();
    let dir = tmp.path();
    archive_seed(dir);
    banmian(dir, &["build", ID, "-o", "built"]).expect_success();
    assert_eq!(
        std::fs::read(dir.join("built/xianning-2021-05.pdf")).unwrap(),
        std::fs::read(rev(dir, 1).join(PRINT_PDF)).unwrap()
    );
}

#[test]
fn regenerate_uses_the_archive_alone() {
    let (tmp, edition) = workspace();
    let dir = tmp.path();
    archive_seed(dir);
    // The edition folder is gone and the archive moved: the bundle is enough.
    std::fs::remove_dir_all(&edition).unwrap();
    std::fs::rename(dir.join("archive"), dir.join("moved")).unwrap();
    banmian(dir, &["regenerate", ID, "--archive", "moved"])
        // No installation to fall back on.
        .env("BANMIAN_HOME", "/nonexistent")
        .expect_success()
        .says("identical");
}

#[test]
fn archiving_unchanged_sources_adds_nothing() {
    let (tmp, _edition) = workspace();
    let dir = tmp.path();
    archive_seed(dir);
    let before = std::fs::read(rev(dir, 1).join("manifest.json")).unwrap();
    banmian(dir, &["archive", ID, "--note", "again"])
        .expect_success()
        .says("already archived as revision 1");
    assert_eq!(revisions(dir), ["rev-0001"]);
    assert_eq!(
        std::fs::read(rev(dir, 1).join("manifest.json")).unwrap(),
        before
    );
    assert_eq!(font_files(dir).len(), 4);
}

#[test]
fn a_correction_is_revision_2_and_revision_1_stays() {
    let (tmp, edition) = workspace();
    let dir = tmp.path();
    archive_seed(dir);
    let r1_pdf = std::fs::read(rev(dir, 1).join(PAGE_PDF)).unwrap();
    let r1_manifest = std::fs::read(rev(dir, 1).join("manifest.json")).unwrap();
    edit(&edition.join("feature.md"), BEFORE, AFTER);
    let out = banmian(dir, &["archive", ID, "--note", "更正：删去“之一”"])
        .expect_success()
        .says("archived as revision 2")
        .text();
    // The fonts are not stored again.
    assert!(
        out.contains("0 file(s) stored (0 bytes), 4 already in the archive"),
        "{out}"
    );
    assert_eq!(font_files(dir).len(), 4);
    assert_eq!(revisions(dir), ["rev-0001", "rev-0002"]);
    assert_eq!(manifest(dir, 2)["note"], "更正：删去“之一”");
    assert_eq!(manifest(dir, 2)["revision"], 2);

    // Revision 1 is untouched and still regenerates identically.
    assert_eq!(std::fs::read(rev(dir, 1).join(PAGE_PDF)).unwrap(), r1_pdf);
    assert_eq!(
        std::fs::read(rev(dir, 1).join("manifest.json")).unwrap(),
        r1_manifest
    );
    assert_ne!(std::fs::read(rev(dir, 2).join(PAGE_PDF)).unwrap(), r1_pdf);
    for n in ["1", "2"] {
        let out = banmian(dir, &["regenerate", ID, "--revision", n])
            .expect_success()
            .text();
        assert!(out.contains(&format!("revision {n}: identical")), "{out}");
    }
    banmian(dir, &["archive", "verify", ID])
        .expect_success()
        .says("verified 2 revision(s)");

    // The diff shows the paragraph as it was and as it is, in Chinese.
    let out = banmian(dir, &["archive", "diff", ID, "1", "2"])
        .expect_success()
        .says("revision 1 → revision 2 (更正：删去“之一”)")
        .says("第5版 特别报道 · 正文")
        .text();
    let minus = out.lines().find(|l| l.starts_with("- ")).expect(&out);
    let plus = out.lines().find(|l| l.starts_with("+ ")).expect(&out);
    assert!(minus.contains("主战场之一。"), "{out}");
    assert!(plus.contains("主战场。") && !plus.contains("之一"), "{out}");
    assert!(out.contains("【删去：之一】"), "{out}");
    assert!(
        out.contains("1 change(s) in 1 edited passage(s); 0 passage(s) removed, 0 added"),
        "{out}"
    );
    banmian(dir, &["archive", "diff", ID, "2", "2"])
        .expect_success()
        .says("the text is the same");

    // show names the revisions and their notes.
    banmian(dir, &["archive", "show", ID])
        .expect_success()
        .says("revision 2 of 2")
        .says("note: 更正：删去“之一”")
        .says("2021年3月1日 星期一");
    banmian(dir, &["archive", "show", ID, "--revision", "1"])
        .expect_success()
        .says("revision 1 of 2")
        .says("rev-0001/pages/xianning-2021-05.pdf");
}

#[test]
fn verify_names_altered_missing_and_extra_files() {
    let (tmp, _edition) = workspace();
    let dir = tmp.path();
    archive_seed(dir);
    let r1 = rev(dir, 1);

    // A flipped byte in the page.
    let pdf = r1.join(PAGE_PDF);
    let mut bytes = std::fs::read(&pdf).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 0x01;
    std::fs::write(&pdf, &bytes).unwrap();
    banmian(dir, &["archive", "verify"])
        .expect_exit(1)
        .says("altered: archive/xianning-2021/rev-0001/pages/xianning-2021-05.pdf")
        .says("1 damaged");
    // regenerate sees it too.
    banmian(dir, &["regenerate", ID])
        .expect_exit(1)
        .says("第5版 PDF/A: differs")
        .says("第5版 print: identical");
    bytes[at] ^= 0x01;
    std::fs::write(&pdf, &bytes).unwrap();
    banmian(dir, &["archive", "verify"]).expect_success();

    // A deleted source file and an added one.
    std::fs::remove_file(r1.join("edition/xianning-2021/feature.md")).unwrap();
    std::fs::write(r1.join("layouts/extra.typ"), "// added").unwrap();
    banmian(dir, &["archive", "verify", ID])
        .expect_exit(1)
        .says("missing: archive/xianning-2021/rev-0001/edition/xianning-2021/feature.md")
        .says("extra: archive/xianning-2021/rev-0001/layouts/extra.typ")
        .says("2 damaged");
}

#[test]
fn verify_checks_the_stored_fonts_and_the_manifest() {
    let (tmp, _edition) = workspace();
    let dir = tmp.path();
    archive_seed(dir);
    let font = dir.join("archive/fonts").join(&font_files(dir)[0]);
    let mut bytes = std::fs::read(&font).unwrap();
    bytes[1000] ^= 0xff;
    std::fs::write(&font, &bytes).unwrap();
    let manifest_path = rev(dir, 1).join("manifest.json");
    let text = std::fs::read_to_string(&manifest_path).unwrap();
    std::fs::write(&manifest_path, text.replace("首次存档", "首次存盘")).unwrap();
    let out = banmian(dir, &["archive", "verify"]).expect_exit(1).text();
    assert!(
        out.contains(&format!(
            "altered: {}",
            Path::new("archive/fonts")
                .join(&font_files(dir)[0])
                .display()
        )),
        "{out}"
    );
    assert!(
        out.contains("altered: archive/xianning-2021/rev-0001/manifest.json"),
        "{out}"
    );
    // A damaged archive is not regenerated from.
    banmian(dir, &["regenerate", ID])
        .expect_exit(1)
        .says("manifest.json");
}

#[test]
#[cfg_attr(
    not(feature = "fail-points"),
    ignore = "needs the test-only failure injection: cargo test --features fail-points (scripts/test.sh)"
)]
fn an_interrupted_archive_leaves_no_revision_and_no_lock() {
    let (tmp, _edition) = workspace();
    let dir = tmp.path();
    banmian(dir, &["archive", ID])
        .env("BANMIAN_FAIL_BEFORE_PUBLISH", "1")
        .expect_exit(1)
        .says("failed before it was published");
    let archive = dir.join("archive");
    let left: Vec<String> = std::fs::read_dir(&archive)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    // The next archive is revision 1, and whole.
    archive_seed(dir);
    assert_eq!(revisions(dir), ["rev-0001"]);
    assert!(!archive.join(".lock").exists());
    banmian(dir, &["archive", "verify"]).expect_success();

    // A correction interrupted the same way leaves revision 1 alone.
    edit(&dir.join(ID).join("feature.md"), BEFORE, AFTER);
    banmian(dir, &["archive", ID])
        .env("BANMIAN_FAIL_BEFORE_PUBLISH", "1")
        .expect_exit(1);
    assert_eq!(revisions(dir), ["rev-0001"]);
    assert!(!archive.join(".lock").exists());
    banmian(dir, &["archive", "verify"])
        .expect_success()
        .says_nothing_of("note:");
}

#[test]
fn two_archives_at_once_get_distinct_revisions() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // Two desks with different versions of the same edition.
    let a = copy_edition(&seed(), &dir.join("a"), ID);
    let b = copy_edition(&seed(), &dir.join("b"), ID);
    edit(&b.join("feature.md"), BEFORE, AFTER);
    let archive = dir.join("archive");
    let spawn = |ed: &Path| {
        banmian(
            dir,
            &[
                "archive",
                ed.to_str().unwrap(),
                "--archive",
                archive.to_str().unwrap(),
            ],
        )
        .spawn()
    };
    let (pa, pb) = (spawn(&a), spawn(&b));
    let (oa, ob) = (pa.wait(), pb.wait());
    let (ta, tb) = (oa.expect_success().text(), ob.expect_success().text());
    let mut got = vec![
        ta.contains("archived as revision 1") as u8
            + 2 * ta.contains("archived as revision 2") as u8,
        tb.contains("archived as revision 1") as u8
            + 2 * tb.contains("archived as revision 2") as u8,
    ];
    got.sort();
    assert_eq!(got, [1, 2], "{ta}\n{tb}");
    assert_eq!(revisions(dir), ["rev-0001", "rev-0002"]);
    assert!(!archive.join(".lock").exists());
    banmian(dir, &["archive", "verify"]).expect_success();
}

#[test]
fn search_finds_the_seed_page_by_chinese_words() {
    let (tmp, _edition) = workspace();
    let dir = tmp.path();
    archive_seed(dir);
    for word in ["扶贫", "咸宁", "幕阜山", "脱贫攻坚", "易地扶贫搬迁"] {
        let out = banmian(dir, &["archive", "search", word])
            .expect_success()
            .text();
        let hit = out
            .lines()
            .find(|l| l.starts_with("xianning-2021"))
            .unwrap_or_else(|| panic!("{word}: {out}"));
        assert!(hit.contains("2021-03-01"), "{hit}");
        assert!(hit.contains("第5版"), "{hit}");
        assert!(hit.contains("revision 1"), "{hit}");
        assert!(hit.contains(&format!("【{word}】")), "{hit}");
        assert!(out.contains("1 page(s) found"), "{out}");
    }
    // Two words: a page with both.
    banmian(dir, &["archive", "search", "幕阜山", "易地扶贫搬迁"])
        .expect_success()
        .says("1 page(s) found");
    // Words the page does not hold find nothing, with exit code 1.
    for words in [&["火星基地"][..], &["月球"], &["幕阜山", "火星"]] {
        let mut args = vec!["archive", "search"];
        args.extend(words);
        banmian(dir, &args)
            .expect_exit(1)
            .says("0 page(s) found")
            .says_nothing_of("xianning-2021");
    }
}

/// The lines of `archive search` output that name edition `id`.
fn hits_of<'a>(out: &'a str, id: &str) -> Vec<&'a str> {
    let start = format!("{id}  ");
    out.lines().filter(|l| l.starts_with(&start)).collect()
}

#[test]
fn one_and_two_character_searches_find_the_pages_that_hold_them() {
    let (tmp, _edition) = workspace();
    let dir = tmp.path();
    archive_seed(dir);
    // A second edition: the seed with a name of its own in one sentence,
    // a comma between two of its characters.
    const OTHER: &str = "another-2021";
    let other = copy_edition(&seed(), dir, OTHER);
    edit(
        &other.join("feature.md"),
        "全省扶贫攻坚的主战场",
        "全省鸿渐，于陆的主战场",
    );
    banmian(dir, &["archive", OTHER]).expect_success();
    // Two characters: on one page, and on both.
    let out = banmian(dir, &["archive", "search", "鸿渐"])
        .expect_success()
        .says("1 page(s) found")
        .text();
    let hits = hits_of(&out, OTHER);
    assert_eq!(hits.len(), 1, "{out}");
    assert!(
        hits[0].contains("第5版") && hits[0].contains("全省【鸿渐】，于陆"),
        "{out}"
    );
    assert!(hits_of(&out, ID).is_empty(), "{out}");
    let out = banmian(dir, &["archive", "search", "咸宁"])
        .expect_success()
        .says("2 page(s) found")
        .text();
    for id in [ID, OTHER] {
        assert_eq!(hits_of(&out, id).len(), 1, "{id}: {out}");
        assert!(hits_of(&out, id)[0].contains("【咸宁】"), "{id}: {out}");
    }
    // One character: likewise.
    let out = banmian(dir, &["archive", "search", "鸿"])
        .expect_success()
        .says("1 page(s) found")
        .text();
    assert!(
        hits_of(&out, OTHER)[0].contains("全省【鸿】渐，于陆"),
        "{out}"
    );
    assert!(hits_of(&out, ID).is_empty(), "{out}");
    let out = banmian(dir, &["archive", "search", "贫"])
        .expect_success()
        .says("2 page(s) found")
        .text();
    assert!(hits_of(&out, ID)[0].contains("【贫】"), "{out}");
    // Two words of one character each: the page with both.
    banmian(dir, &["archive", "search", "陆", "鸿"])
        .expect_success()
        .says("1 page(s) found")
        .says(&format!("{OTHER}  2021-03-01"));
    // Characters the text holds apart (a comma between) are not a word of it.
    banmian(dir, &["archive", "search", "渐于"])
        .expect_exit(1)
        .says("0 page(s) found")
        .says_nothing_of(OTHER);
    // Nor is a character no page has.
    banmian(dir, &["archive", "search", "鹤"])
        .expect_exit(1)
        .says("0 page(s) found");
}

#[test]
fn the_index_is_a_cache_of_the_folders() {
    let (tmp, edition) = workspace();
    let dir = tmp.path();
    archive_correction(dir, &edition);
    // Gone: the next command builds it again.
    std::fs::remove_file(dir.join("archive/index.sqlite")).unwrap();
    banmian(dir, &["archive", "search", "主战场之一"])
        .expect_success()
        .says("revision 1 ")
        .says_nothing_of("revision 1,2");
    banmian(dir, &["archive", "search", "幕阜山"])
        .expect_success()
        .says("revision 1,2");
    // Damaged: reindex rebuilds it.
    std::fs::write(dir.join("archive/index.sqlite"), b"not a database").unwrap();
    banmian(dir, &["archive", "reindex"])
        .expect_success()
        .says("indexed 2 revision(s)");
    let out = banmian(dir, &["archive", "list"]).expect_success().text();
    assert!(
        out.contains(
            "2021-03-01  xianning-2021  咸宁日报  第5版  2 revision(s), latest 2: 更正：删去“之一”"
        ),
        "{out}"
    );
    banmian(dir, &["archive", "list", "--from", "2021-03-02"])
        .expect_success()
        .says("0 edition(s)");
    banmian(
        dir,
        &[
            "archive",
            "list",
            "--from",
            "2021-01-01",
            "--to",
            "2021-03-01",
        ],
    )
    .expect_success()
    .says("1 edition(s)");
}

#[test]
fn archived_pages_are_pdf_a_with_their_sources_inside() {
    let (tmp, _edition) = workspace();
    let dir = tmp.path();
    archive_seed(dir);
    let pdf = rev(dir, 1).join(PAGE_PDF);
    let doc = lopdf::Document::load(&pdf).unwrap();
    // The XMP metadata declares PDF/A-3b.
    let catalog = doc.catalog().unwrap();
    let meta = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let stream = doc.get_object(meta).unwrap().as_stream().unwrap();
    let xmp = String::from_utf8(
        stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone()),
    )
    .unwrap();
    assert!(xmp.contains("<pdfaid:part>3</pdfaid:part>"), "{xmp}");
    assert!(
        xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "{xmp}"
    );
    // The print page boxes are kept.
    let (_, page) = doc.get_pages().into_iter().next().unwrap();
    let page = doc.get_dictionary(page).unwrap();
    assert!(page.has(b"TrimBox") && page.has(b"BleedBox"));
    // The sources travel inside the file.
    let list = poppler("pdfdetach", &["-list", pdf.to_str().unwrap()]);
    assert!(list.contains("edition/edition.toml"), "{list}");
    assert!(list.contains("edition/feature.md"), "{list}");
    // The text is the page's text.
    let words = pdf_text(&pdf);
    assert!(words.contains("载入史册的答卷"), "{words}");
    // No clock time in the PDF: only the edition's date.
    let m = manifest(dir, 1);
    let day = &m["archived_at"].as_str().unwrap()[..10];
    let bytes = std::fs::read(&pdf).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    assert!(!raw.contains(day) || day == "2021-03-01", "{day}");
    assert!(raw.contains("2021-03-01"));
    // qpdf finds the file sound.
    qpdf_check(&pdf);
}

#[test]
fn a_pdf_a_violation_stops_the_archive() {
    let (tmp, _edition) = workspace();
    let dir = tmp.path();
    // Layouts that keep device CMYK in the archive: Typst's PDF/A export
    // refuses them, and nothing is archived.
    let layouts = edited_layouts(
        dir,
        "style.typ",
        "if sys.inputs.at(\"banmian-output\", default: \"print\") == \"archive\" {",
        "if false {",
    );
    banmian(
        dir,
        &["archive", ID, "--layouts", layouts.to_str().unwrap()],
    )
    .expect_exit(1)
    .says("PDF/A")
    .says("CMYK");
    let left: Vec<String> = std::fs::read_dir(dir.join("archive"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

/// A grey JPEG encoded by the `image` crate, with enough pixels for the
/// seed's first photo frame (about 101 × 76 mm) at more than 200 ppi.
fn grey_jpeg() -> Vec<u8> {
    grey_jpeg_of(1100, 850)
}

/// A grey JPEG of `width` × `height` pixels.
fn grey_jpeg_of(width: u32, height: u32) -> Vec<u8> {
    let img = image::GrayImage::from_fn(width, height, |x, y| image::Luma([(x ^ y) as u8]));
    let mut bytes = std::io::Cursor::new(Vec::new());
    img.write_to(&mut bytes, image::ImageFormat::Jpeg).unwrap();
    bytes.into_inner()
}

#[test]
fn pictures_are_archived_and_a_cmyk_one_is_refused() {
    let (tmp, edition) = workspace();
    let dir = tmp.path();
    let photo = "photos/01-tongshan-mufushan-road.jpg";
    std::fs::create_dir_all(edition.join("photos")).unwrap();
    std::fs::write(edition.join(photo), grey_jpeg()).unwrap();
    archive_seed(dir);
    // Stored once, by content, for the whole archive: not in the
    // revision's edition folder, listed in its manifest.
    assert!(!rev(dir, 1).join("edition").join(ID).join(photo).exists());
    let sha = support::sha256_hex(&grey_jpeg());
    let stored = dir.join("archive/pictures").join(format!("{sha}.jpg"));
    assert_eq!(std::fs::read(&stored).unwrap(), grey_jpeg());
    let pictures = manifest(dir, 1)["pictures"].clone();
    assert_eq!(pictures[0]["path"], format!("edition/{ID}/{photo}"));
    assert_eq!(pictures[0]["sha256"], sha);
    assert_eq!(pictures[0]["stored"], format!("pictures/{sha}.jpg"));
    banmian(dir, &["archive", "verify"]).expect_success();
    banmian(dir, &["regenerate", ID])
        .expect_success()
        .says("revision 1: identical");

    // A correction of the text stores the picture no second time.
    edit(&edition.join("feature.md"), BEFORE, AFTER);
    banmian(dir, &["archive", ID])
        .expect_success()
        .says("archived as revision 2");
    assert!(!rev(dir, 2).join("edition").join(ID).join(photo).exists());
    let stored_pictures = std::fs::read_dir(dir.join("archive/pictures"))
        .unwrap()
        .count();
    assert_eq!(stored_pictures, 1);
    assert_eq!(manifest(dir, 2)["pictures"], pictures);
    for n in ["1", "2"] {
        banmian(dir, &["regenerate", ID, "--revision", n])
            .expect_success()
            .says("identical");
    }
    // A damaged stored picture is found by verify, and not set from.
    std::fs::write(&stored, b"not the picture").unwrap();
    banmian(dir, &["archive", "verify"])
        .expect_exit(1)
        .says("altered")
        .says(&format!("pictures/{sha}.jpg"));
    banmian(dir, &["regenerate", ID])
        .expect_exit(1)
        .says("damaged");
    std::fs::write(&stored, grey_jpeg()).unwrap();

    // A CMYK picture cannot go into PDF/A with Typst 0.15: the archive
    // says which, and adds nothing.
    std::fs::copy(root().join("tests/data/cmyk.jpg"), edition.join(photo)).unwrap();
    banmian(dir, &["archive", ID])
        .expect_exit(1)
        .says("CMYK pictures")
        .says("xianning-2021/feature.md:")
        .says("photos[0]")
        .says_nothing_of(".staging-");
    assert_eq!(revisions(dir), ["rev-0001", "rev-0002"]);
    assert!(!dir.join("archive/.lock").exists());
}

#[test]
fn diff_pdf_highlights_the_changes_on_the_corrected_page() {
    let (tmp, edition) = workspace();
    let dir = tmp.path();
    archive_correction(dir, &edition);
    banmian(
        dir,
        &["archive", "diff", ID, "1", "2", "--pdf", "sign-off.pdf"],
    )
    .expect_success()
    .says("【删去：之一】")
    .says("wrote sign-off.pdf: 第5版 of revision 2, the changes highlighted");
    let pdf = dir.join("sign-off.pdf");
    qpdf_check(&pdf);
    let info = poppler("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.contains("Pages:           1"), "{info}");
    assert!(pdf_text(&pdf).contains("主战场。"));
    // The highlight is on the yellow plate alone (60%), which nothing else
    // on the page prints: the red is yellow and magenta, the tint 12%.
    let highlight = |pdf: &Path, sep: &str| {
        let plates = crate::support::separations::separations(pdf, &dir.join(sep), 50);
        let (y, m) = (&plates["Yellow"], &plates["Magenta"]);
        (y.ink.iter().zip(&m.ink))
            .filter(|(y, m)| (140..=166).contains(*y) && **m == 0)
            .count()
    };
    let marked = highlight(&pdf, "sep-signoff");
    let printed = highlight(&rev(dir, 2).join(PRINT_PDF), "sep-print");
    println!("highlighted pixels: {marked}, on the print page: {printed}");
    assert!(marked > 20, "no highlight: {marked}");
    assert_eq!(printed, 0);
    // Nothing changed: nothing to sign off, nothing written.
    banmian(dir, &["archive", "diff", ID, "2", "2", "--pdf", "none.pdf"])
        .expect_success()
        .says("no page changed");
    assert!(!dir.join("none.pdf").exists());
}

#[test]
fn bad_requests_are_usage_errors() {
    let (tmp, _edition) = workspace();
    let dir = tmp.path();
    archive_seed(dir);
    banmian(dir, &["archive", "show", "nope"])
        .expect_exit(2)
        .says("no edition \"nope\"")
        .says("xianning-2021");
    banmian(dir, &["regenerate", ID, "--revision", "9"])
        .expect_exit(2)
        .says("has no revision 9");
    banmian(dir, &["archive", "diff", ID, "1", "3"])
        .expect_exit(2)
        .says("has no revision 3");
    banmian(dir, &["archive", "list", "--from", "2021-02-30"]).expect_exit(2);
    banmian(dir, &["archive"]).expect_exit(2);
    // No archive there: nothing is created.
    banmian(
        dir,
        &["archive", "search", "扶贫", "--archive", "elsewhere"],
    )
    .expect_exit(2)
    .says("no archive there");
    assert!(!dir.join("elsewhere").exists());
    // An archive inside the edition would archive itself.
    banmian(&dir.join(ID), &["archive", "."])
        .expect_exit(2)
        .says("inside the edition folder");
    assert!(!dir.join(ID).join("archive").exists());
    // Broken content: the error names the user's file, and nothing is
    // archived or left behind.
    edit(
        &dir.join(ID).join("edition.toml"),
        "number = 5",
        "number = \"五\"",
    );
    banmian(dir, &["archive", ID])
        .expect_exit(1)
        .says("xianning-2021/edition.toml:")
        .says("pages[0].number")
        .says_nothing_of(".staging-");
    assert_eq!(revisions(dir), ["rev-0001"]);
    let left: Vec<String> = std::fs::read_dir(dir.join("archive"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    // Not an edition: an input error, and nothing archived.
    banmian(dir, &["archive", "archive"])
        .expect_exit(1)
        .says("edition.toml");
    assert_eq!(revisions(dir), ["rev-0001"]);
}

#[test]
fn archive_refuses_what_a_print_build_refuses() {
    // A 200 × 150 photo is too small for even the smallest frame at 200
    // ppi (one column, 40 mm): the print build refuses the page, and so
    // does the archive, with the same message, leaving no revision, no
    // staging folder and no lock.
    let (tmp, edition) = workspace();
    let dir = tmp.path();
    let photo = "photos/01-tongshan-mufushan-road.jpg";
    std::fs::create_dir_all(edition.join("photos")).unwrap();
    std::fs::write(edition.join(photo), grey_jpeg_of(200, 150)).unwrap();
    let build = banmian(dir, &["build", ID, "-o", "out"])
        .leaves_untouched("out")
        .expect_exit(1)
        .stderr_contains("preflight refuses the pages:")
        .stderr_contains("ppi effective, below the minimum of 200 ppi (200×150 px")
        .stderr();
    let archive = banmian(dir, &["archive", ID]).expect_exit(1).stderr();
    let refusal = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.contains("preflight refuses") || l.contains("ppi effective"))
            .map(String::from)
            .collect()
    };
    assert_eq!(refusal(&archive), refusal(&build), "{archive}");
    assert!(
        archive.contains("(xianning-2021/feature.md:"),
        "names the user's file, not the staged copy: {archive}"
    );
    assert!(revisions(dir).is_empty());
    let left: Vec<String> = std::fs::read_dir(dir.join("archive"))
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert!(left.is_empty(), "left behind: {left:?}");

    // With a picture fit for print, both go through.
    std::fs::write(edition.join(photo), grey_jpeg()).unwrap();
    banmian(dir, &["build", ID, "-o", "out"]).expect_success();
    archive_seed(dir);
}

#[test]
fn searches_at_once_bring_the_index_up_to_date_together() {
    let (tmp, edition) = workspace();
    let dir = tmp.path();
    let index = dir.join("archive/index.sqlite");
    archive_seed(dir);
    banmian(dir, &["archive", "list"]).expect_success();
    // An index that knows revision 1 only: each round, four processes find
    // revision 2 missing at the same moment.
    let behind = std::fs::read(&index).unwrap();
    edit(&edition.join("feature.md"), BEFORE, AFTER);
    banmian(dir, &["archive", ID]).expect_success();
    for _round in 0..4 {
        std::fs::write(&index, &behind).unwrap();
        let running: Vec<_> = (0..4)
            .map(|i| {
                let args: &[&str] = if i % 2 == 0 {
                    &["archive", "search", "幕阜山"]
                } else {
                    &["archive", "list"]
                };
                banmian(dir, args).spawn()
            })
            .collect();
        for run in running {
            run.wait()
                .expect_success()
                .stderr_lacks("UNIQUE")
                .says("revision");
        }
    }
    banmian(dir, &["archive", "search", "幕阜山"])
        .expect_success()
        .says("revision 1,2");
}

#[test]
fn edition_ids_the_archive_keeps_its_own_files_under_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let archive = dir.join("archive");
    let good = copy_edition(&seed(), dir, ID);
    banmian(dir, &["archive", good.to_str().unwrap()]).expect_success();
    for name in ["index.sqlite", "index.sqlite-journal", "fonts", "Fonts"] {
        let edition = copy_edition(&seed(), &dir.join("desk"), name);
        banmian(dir, &["archive", edition.to_str().unwrap()])
            .expect_exit(1)
            .says(&format!("the edition folder name {name:?} is reserved"))
            .says("rename the folder");
        banmian(dir, &["build", edition.to_str().unwrap()])
            .expect_exit(1)
            .says("is reserved");
        std::fs::remove_dir_all(&edition).unwrap();
    }
    // The archive is as it was: listed and searched.
    assert!(!archive.join("index.sqlite").is_dir());
    banmian(dir, &["archive", "list"])
        .expect_success()
        .says("1 edition(s)");
    banmian(dir, &["archive", "search", "幕阜山"]).expect_success();
    banmian(dir, &["archive", "verify"]).expect_success();
}

/// Rewrites a revision's manifest with `change` and seals it with a sum
/// that matches, as someone who knows the format would.
fn forge_manifest(dir: &Path, n: u32, change: impl FnOnce(&mut serde_json::Value)) {
    use sha2::Digest;
    let mut m = manifest(dir, n);
    change(&mut m);
    let mut bytes = serde_json::to_vec_pretty(&m).unwrap();
    bytes.push(b'\n');
    let sum = format!("{:x}  manifest.json\n", sha2::Sha256::digest(&bytes));
    std::fs::write(rev(dir, n).join("manifest.json"), &bytes).unwrap();
    std::fs::write(rev(dir, n).join("manifest.sha256"), sum).unwrap();
}

#[test]
fn verify_knows_a_revision_by_its_manifest_not_its_folder_name() {
    let (tmp, edition) = workspace();
    let dir = tmp.path();
    archive_seed(dir);
    std::fs::rename(rev(dir, 1), rev(dir, 9)).unwrap();
    banmian(dir, &["archive", "verify"]).expect_exit(1).says(
        "misplaced: archive/xianning-2021/rev-0009 (its manifest is of xianning-2021 revision 1)",
    );
    banmian(dir, &["archive", "show", ID])
        .expect_exit(1)
        .says("the folder was renamed or moved");
    // The next archive neither overwrites it nor takes it for its latest.
    banmian(dir, &["archive", ID])
        .expect_success()
        .says("archived as revision 10");
    // An empty revision folder blocks nothing: it is passed over, kept,
    // and reported.
    std::fs::create_dir(rev(dir, 11)).unwrap();
    banmian(dir, &["archive", ID])
        .expect_success()
        .says("already archived as revision 10; nothing added");
    edit(&edition.join("feature.md"), BEFORE, AFTER);
    banmian(dir, &["archive", ID])
        .expect_success()
        .says("archived as revision 12");
    assert!(rev(dir, 11).is_dir());
    banmian(dir, &["archive", "verify"])
        .expect_exit(1)
        .says("missing: archive/xianning-2021/rev-0011/manifest.json")
        .says("2 damaged");
    // A manifest moved into another edition's folder is not taken for it.
    forge_manifest(dir, 12, |m| m["edition"] = "other".into());
    banmian(dir, &["archive", "verify", ID])
        .expect_exit(1)
        .says("misplaced: archive/xianning-2021/rev-0012 (its manifest is of other revision 12)");
}

#[test]
fn verify_reads_nothing_outside_the_archive() {
    let (tmp, _edition) = workspace();
    let dir = tmp.path();
    archive_seed(dir);
    let secret = dir.join("secret.txt");
    std::fs::write(&secret, "not the archive's business").unwrap();
    let intact = std::fs::read(rev(dir, 1).join("manifest.json")).unwrap();
    let intact_sum = std::fs::read(rev(dir, 1).join("manifest.sha256")).unwrap();
    // A manifest naming a file outside its revision is not read.
    forge_manifest(dir, 1, |m| {
        m["files"][0]["path"] = "../../../secret.txt".into();
    });
    banmian(dir, &["archive", "verify"])
        .expect_exit(1)
        .says("\"../../../secret.txt\" is not a path inside the revision folder")
        .says_nothing_of("archive/xianning-2021/rev-0001/../");
    banmian(dir, &["archive", "show", ID])
        .expect_exit(1)
        .says("not a path inside the revision folder");
    let restore = || {
        std::fs::write(rev(dir, 1).join("manifest.json"), &intact).unwrap();
        std::fs::write(rev(dir, 1).join("manifest.sha256"), &intact_sum).unwrap();
    };
    restore();
    forge_manifest(dir, 1, |m| m["fonts"][0]["stored"] = "../secret.txt".into());
    banmian(dir, &["archive", "verify"])
        .expect_exit(1)
        .says("\"../secret.txt\" is not a file of the archive's font store");
    restore();
    banmian(dir, &["archive", "verify"]).expect_success();

    // A revision file that is a link is not followed.
    let text = rev(dir, 1).join("text.json");
    std::fs::rename(&text, dir.join("text.json")).unwrap();
    std::os::unix::fs::symlink(dir.join("text.json"), &text).unwrap();
    banmian(dir, &["archive", "verify"])
        .expect_exit(1)
        .says("link: archive/xianning-2021/rev-0001/text.json (not followed)");
    std::fs::remove_file(&text).unwrap();
    std::fs::rename(dir.join("text.json"), &text).unwrap();

    // Nor is a font store that is a link, or a font in it that is one.
    let fonts = dir.join("archive/fonts");
    let font = font_files(dir)[0].clone();
    std::fs::rename(&fonts, dir.join("fonts")).unwrap();
    std::os::unix::fs::symlink(dir.join("fonts"), &fonts).unwrap();
    banmian(dir, &["archive", "verify"])
        .expect_exit(1)
        .says("link: archive/fonts (not followed)");
    std::fs::remove_file(&fonts).unwrap();
    std::fs::create_dir(&fonts).unwrap();
    std::os::unix::fs::symlink(dir.join("fonts").join(&font), fonts.join(&font)).unwrap();
    banmian(dir, &["archive", "verify"])
        .expect_exit(1)
        .says(&format!("link: archive/fonts/{font} (not followed)"));
}

#[test]
fn the_archive_keeps_the_files_the_edition_is_made_of_hidden_or_not() {
    let (tmp, edition) = workspace();
    let dir = tmp.path();
    // A picture in a hidden folder, and the article in another.
    std::fs::create_dir_all(edition.join(".photos")).unwrap();
    std::fs::write(edition.join(".photos/a.jpg"), grey_jpeg()).unwrap();
    edit(
        &edition.join("feature.md"),
        "photos/01-tongshan-mufushan-road.jpg",
        ".photos/a.jpg",
    );
    std::fs::create_dir_all(edition.join(".desk")).unwrap();
    std::fs::rename(edition.join("feature.md"), edition.join(".desk/feature.md")).unwrap();
    edit(
        &edition.join("edition.toml"),
        "articles = [\"feature.md\"]",
        "articles = [\".desk/feature.md\"]",
    );
    // A file the edition does not use is not part of it.
    std::fs::write(edition.join("notes.txt"), "待办").unwrap();
    let built = dir.join("built");
    let out = banmian(dir, &["build", ID, "-o", built.to_str().unwrap()])
        .expect_success()
        .text();
    banmian(dir, &["archive", ID])
        .expect_success()
        .says("archived as revision 1")
        .says_nothing_of(".photos/a.jpg not found");
    assert!(!out.contains(".photos/a.jpg not found"), "{out}");
    let copy = rev(dir, 1).join("edition").join(ID);
    // The hidden picture is kept, stored once by content like any other.
    let pictures = manifest(dir, 1)["pictures"].clone();
    assert_eq!(pictures[0]["path"], format!("edition/{ID}/.photos/a.jpg"));
    let stored = dir
        .join("archive")
        .join(pictures[0]["stored"].as_str().unwrap());
    assert_eq!(std::fs::read(stored).unwrap(), grey_jpeg());
    assert!(copy.join(".desk/feature.md").is_file());
    assert!(!copy.join("notes.txt").exists());
    let files: Vec<String> = manifest(dir, 1)["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| {
            f["path"]
                .as_str()?
                .strip_prefix("edition/")
                .map(String::from)
        })
        .collect();
    assert_eq!(
        files,
        [
            format!("{ID}/.desk/feature.md"),
            format!("{ID}/edition.toml"),
        ]
    );
    // The archived page is the page printed: the picture, not a placeholder
    // (the seed's four other pictures are placeholders in both).
    let placeholders = |pdf: &Path| pdf_text(pdf).matches("图片待补").count();
    let archived = placeholders(&rev(dir, 1).join(PAGE_PDF));
    assert_eq!(archived, placeholders(&built.join("xianning-2021-05.pdf")));
    assert!(archived > 0, "the seed's other pictures are missing");
    banmian(dir, &["archive", "verify"]).expect_success();
    banmian(dir, &["regenerate", ID])
        .expect_success()
        .says("revision 1: identical");
    // Unchanged: the unused file changed, the edition did not.
    std::fs::write(edition.join("notes.txt"), "已办").unwrap();
    banmian(dir, &["archive", ID])
        .expect_success()
        .says("already archived as revision 1");
}
