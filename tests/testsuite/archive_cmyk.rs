//! The archive in the print page's colours (issue 15, point 7): with a
//! CMYK output intent the archived PDF/A-3b page carries the same CMYK
//! colours and pictures as the print page (PDF/A allows DeviceCMYK under a
//! CMYK output intent, one profile object serving both intents), a CMYK
//! picture archives, and `regenerate` stays byte-exact; the house's print
//! configuration is kept in the revision. Read back with lopdf, judged by
//! qpdf, poppler and Ghostscript's separations.

use std::path::{Path, PathBuf};

use lopdf::{Document, Object};

use crate::support::separations::separations;
use crate::support::{
    self, Run, TEST_CONDITION, add_test_profile, cmyk_jpeg, copy_edition, encoded, gs_profile,
    poppler, qpdf_check, root, seed,
};

const ID: &str = "xianning-2021";
const PAGE_PDF: &str = "pages/xianning-2021-05.pdf";
const PRINT_PDF: &str = "print/xianning-2021-05.pdf";

/// `banmian` in `cwd`, its layouts and fonts from `home`.
fn banmian(cwd: &Path, home: &Path, args: &[&str]) -> Run {
    support::banmian(cwd, args).env("BANMIAN_HOME", home)
}

fn rev(dir: &Path, n: u32) -> PathBuf {
    dir.join("archive").join(ID).join(format!("rev-{n:04}"))
}

/// A light RGB picture, 1600 × 900, as `format` (a reporter's JPEG, a
/// chart's PNG). Light colours: Ghostscript's CMYK profile (the tests'
/// plant) is no newspaper profile and would take dark ones above the ink
/// limit.
fn rgb_picture(format: image::ImageFormat) -> Vec<u8> {
    let img = image::RgbImage::from_fn(1600, 900, |x, y| {
        let v = |n: u32| 150 + (n % 100) as u8;
        image::Rgb([v(x), v(y), v(x + y)])
    });
    encoded(img, format)
}

/// The seed copied into `dir` with the test profile as its output intent
/// and a `photos/` folder to fill.
fn seed_for_print(dir: &Path) -> PathBuf {
    let ed = copy_edition(&seed(), dir, ID);
    add_test_profile(&ed, "Ghostscript default CMYK (test profile)");
    std::fs::create_dir_all(ed.join("photos")).unwrap();
    ed
}

/// A CMYK JPEG (a picture the desk has separated already), at a
/// resolution the page can print.
fn separated_jpeg() -> Vec<u8> {
    cmyk_jpeg(1600, 900, |x, y| [(x % 100) as u8, (y % 90) as u8, 40, 10])
}

/// The names of the output intents' `S` and their profile objects.
fn intents(doc: &Document) -> Vec<(String, Object)> {
    let catalog = doc.catalog().unwrap();
    let list = catalog.get(b"OutputIntents").unwrap().as_array().unwrap();
    list.iter()
        .map(|oi| {
            let (_, oi) = doc.dereference(oi).unwrap();
            let oi = oi.as_dict().unwrap();
            let s = oi.get(b"S").unwrap().as_name().unwrap();
            let profile = oi.get(b"DestOutputProfile").unwrap().clone();
            (String::from_utf8(s.to_vec()).unwrap(), profile)
        })
        .collect()
}

#[test]
fn with_a_cmyk_output_intent_the_archived_page_is_the_print_page_in_pdf_a() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let ed = seed_for_print(dir);
    // The reporters' pictures: eight RGB JPEGs (converted for print) and
    // one CMYK JPEG (which PDF/A without an output intent cannot carry).
    let article = std::fs::read_to_string(ed.join("feature.md")).unwrap();
    let photos: Vec<&str> = article
        .lines()
        .filter_map(|l| l.strip_prefix("file = \"")?.strip_suffix('"'))
        .collect();
    assert_eq!(photos.len(), 9, "the seed's nine photos");
    for (i, photo) in photos.iter().enumerate() {
        let bytes = match i {
            1 => separated_jpeg(),
            _ => rgb_picture(image::ImageFormat::Jpeg),
        };
        std::fs::write(ed.join(photo), bytes).unwrap();
    }
    let home = root();
    // The print build: PDF/X-4, the RGB pictures converted, and the
    // preflight passes strict.
    banmian(dir, &home, &["build", ID, "-o", "out"]).expect_success();
    let built = Document::load(dir.join("out/xianning-2021-05.pdf")).unwrap();
    assert_eq!(intents(&built).len(), 1, "PDF/X-4");
    banmian(dir, &home, &["preflight", ID, "--strict"])
        .expect_success()
        .says("converted from RGB");
    banmian(dir, &home, &["archive", ID])
        .expect_success()
        .says("archived as revision 1");
    let r1 = rev(dir, 1);
    let (page, print) = (r1.join(PAGE_PDF), r1.join(PRINT_PDF));
    qpdf_check(&page);
    let bytes = std::fs::read(&page).unwrap();
    // A binary comment after the header.
    assert!(bytes.starts_with(b"%PDF-1.6\n%"), "{:?}", &bytes[..14]);
    assert!(
        bytes[10..14].iter().all(|b| *b >= 128),
        "{:?}",
        &bytes[..14]
    );

    let doc = Document::load_mem(&bytes).unwrap();
    // Two output intents, PDF/X and PDF/A, on one profile object.
    let oi = intents(&doc);
    let names: Vec<&str> = oi.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(names, ["GTS_PDFX", "GTS_PDFA1"]);
    assert!(matches!(oi[0].1, Object::Reference(_)));
    assert_eq!(oi[0].1, oi[1].1, "one profile object serves both intents");

    // XMP: PDF/A-3b, PDF/X-4, and the extension schema for pdfxid.
    let catalog = doc.catalog().unwrap();
    let meta = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let meta = doc.get_object(meta).unwrap().as_stream().unwrap();
    assert!(meta.dict.get(b"Filter").is_err(), "XMP uncompressed");
    let xmp = String::from_utf8(meta.content.clone()).unwrap();
    for needle in [
        "<pdfaid:part>3</pdfaid:part>",
        "<pdfaid:conformance>B</pdfaid:conformance>",
        "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>",
        "<pdfaSchema:namespaceURI>http://www.npes.org/pdfx/ns/id/</pdfaSchema:namespaceURI>",
        "<pdfaProperty:name>GTS_PDFXVersion</pdfaProperty:name>",
    ] {
        assert!(xmp.contains(needle), "XMP lacks {needle}:\n{xmp}");
    }

    // The sources inside, each an associated file of the document.
    let af = catalog.get(b"AF").unwrap().as_array().unwrap();
    let listed = poppler("pdfdetach", &["-list", page.to_str().unwrap()]);
    assert!(
        listed.contains("edition.toml") && listed.contains("feature.md"),
        "{listed}"
    );
    assert_eq!(af.len(), listed.lines().count() - 1, "{listed}");
    for spec in af {
        let (_, spec) = doc.dereference(spec).unwrap();
        let spec = spec.as_dict().unwrap();
        assert_eq!(
            spec.get(b"AFRelationship").unwrap().as_name().unwrap(),
            b"Source"
        );
        assert!(spec.get(b"UF").is_ok() && spec.get(b"F").is_ok());
        let ef = spec.get(b"EF").unwrap().as_dict().unwrap();
        assert!(ef.get(b"UF").is_ok() && ef.get(b"F").is_ok());
    }

    // Every picture CMYK, every font embedded.
    let images = poppler("pdfimages", &["-list", page.to_str().unwrap()]);
    let rows: Vec<&str> = images.lines().skip(2).collect();
    assert_eq!(rows.len(), 9, "{images}");
    for row in &rows {
        let color = row.split_whitespace().nth(5).unwrap();
        assert_eq!(color, "cmyk", "{images}");
    }
    let fonts = poppler("pdffonts", &[page.to_str().unwrap()]);
    for row in fonts.lines().skip(2) {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(cols[cols.len() - 5], "yes", "not embedded: {row}");
    }

    // The same colours as the print page: plate for plate.
    let archived = separations(&page, &dir.join("sep-archive"), 36);
    let printed = separations(&print, &dir.join("sep-print"), 36);
    assert_eq!(
        archived.keys().collect::<Vec<_>>(),
        printed.keys().collect::<Vec<_>>()
    );
    for (name, plate) in &archived {
        let other = &printed[name];
        let differ = plate
            .ink
            .iter()
            .zip(&other.ink)
            .filter(|(a, b)| a != b)
            .count();
        println!("{name}: {} inked, {differ} pixels differ", plate.inked());
        assert_eq!(differ, 0, "the {name} plate differs from the print page's");
    }
    assert!(archived["Cyan"].inked() > 1000, "the pictures are on cyan");

    banmian(dir, &home, &["archive", "verify"])
        .expect_success()
        .says("all intact");
    banmian(dir, &home, &["regenerate", ID])
        .expect_success()
        .says("第5版 PDF/A: identical")
        .says("第5版 print: identical");
}

#[test]
fn the_house_print_configuration_is_kept_in_the_revision() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    copy_edition(&seed(), dir, ID);
    // A house with its own print.toml and profile beside layouts/.
    let home = dir.join("home");
    std::fs::create_dir_all(home.join("profiles")).unwrap();
    for name in ["layouts", "fonts"] {
        std::os::unix::fs::symlink(root().join(name), home.join(name)).unwrap();
    }
    std::fs::copy(
        gs_profile("default_cmyk.icc"),
        home.join("profiles/plant.icc"),
    )
    .unwrap();
    let house = format!("profile = \"profiles/plant.icc\"\ncondition = \"{TEST_CONDITION}\"\n");
    std::fs::write(home.join("print.toml"), &house).unwrap();

    banmian(dir, &home, &["archive", ID])
        .expect_success()
        .says("archived as revision 1");
    let r1 = rev(dir, 1);
    assert_eq!(
        std::fs::read_to_string(r1.join("print.toml")).unwrap(),
        house
    );
    assert_eq!(
        std::fs::read(r1.join("profiles/plant.icc")).unwrap(),
        std::fs::read(gs_profile("default_cmyk.icc")).unwrap()
    );
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(r1.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["print_config"], true);
    let print = Document::load(r1.join(PRINT_PDF)).unwrap();
    assert_eq!(intents(&print).len(), 1, "the print PDF is PDF/X-4");
    let page = Document::load(r1.join(PAGE_PDF)).unwrap();
    assert_eq!(
        intents(&page).len(),
        2,
        "the archived page is PDF/X-4 and PDF/A"
    );

    // Unchanged sources, unchanged house: nothing to add.
    banmian(dir, &home, &["archive", ID])
        .expect_success()
        .says("already archived as revision 1");
    // The house changes plant (no profile now): a new revision, without
    // an output intent; revision 1 still sets again under its own.
    std::fs::remove_file(home.join("print.toml")).unwrap();
    banmian(dir, &home, &["archive", ID])
        .expect_success()
        .says("archived as revision 2");
    assert!(!rev(dir, 2).join("print.toml").exists());
    let print2 = Document::load(rev(dir, 2).join(PRINT_PDF)).unwrap();
    assert!(print2.catalog().unwrap().get(b"OutputIntents").is_err());
    banmian(dir, &home, &["regenerate", ID, "--revision", "1"])
        .expect_success()
        .says("第5版 PDF/A: identical")
        .says("第5版 print: identical");

    // A house profile outside the house folder cannot be kept: refused,
    // naming print.toml's field, and nothing is added.
    std::fs::write(
        home.join("print.toml"),
        format!(
            "profile = \"{}\"\ncondition = \"{TEST_CONDITION}\"\n",
            gs_profile("default_cmyk.icc").display()
        ),
    )
    .unwrap();
    banmian(dir, &home, &["archive", ID])
        .expect_exit(1)
        .says("print.toml:1")
        .says("profile")
        .says("put ");
    assert!(!rev(dir, 3).exists());
}

#[test]
fn an_rgb_png_on_a_cmyk_archive_page_keeps_an_icc_profile() {
    // A CMYK job does not convert an RGB PNG (a PNG holds no CMYK): on the
    // archived page it must still be device-independent, which PDF/A asks
    // of RGB under a CMYK output intent.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let ed = seed_for_print(dir);
    let article = ed.join("feature.md");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(
        &article,
        text.replacen(
            "photos/01-tongshan-mufushan-road.jpg",
            "photos/01-chart.png",
            1,
        ),
    )
    .unwrap();
    std::fs::write(
        ed.join("photos/01-chart.png"),
        rgb_picture(image::ImageFormat::Png),
    )
    .unwrap();
    let home = root();
    banmian(dir, &home, &["archive", ID])
        .expect_success()
        .says("archived as revision 1");
    let page = rev(dir, 1).join(PAGE_PDF);
    qpdf_check(&page);
    let images = poppler("pdfimages", &["-list", page.to_str().unwrap()]);
    let row = images.lines().nth(2).expect(&images);
    let cols: Vec<&str> = row.split_whitespace().collect();
    assert_eq!((cols[5], cols[6]), ("icc", "3"), "{images}");
    // No device RGB anywhere without a default for it.
    let doc = Document::load(&page).unwrap();
    let device_rgb = (doc.objects.values())
        .filter_map(|o| o.as_stream().ok())
        .any(|s| s.dict.get(b"ColorSpace").and_then(Object::as_name).ok() == Some(b"DeviceRGB"));
    assert!(!device_rgb);
    banmian(dir, &home, &["regenerate", ID])
        .expect_success()
        .says("第5版 PDF/A: identical");
}
