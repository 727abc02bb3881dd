//! PDF/X-4 (issue 15, points 1 and 2): the plant's print configuration
//! (the house's `print.toml`, the edition's `[print]`, the command line
//! over both) and the print PDF written to it — read back with lopdf, a
//! real parse, and judged by qpdf. The printer profile is Ghostscript's
//! (Debian's libgs-common, which scripts/test.sh installs).

use std::path::{Path, PathBuf};

use lopdf::{Dictionary, Document, Object};

use crate::support::{
    TEST_CONDITION as CONDITION, add_print, add_test_profile, banmian, copy_edition, gs_profile,
    poppler, qpdf_check, root, seed,
};

/// The seed edition copied into `dir`, with `[print]` appended to its
/// edition.toml (`print` is the table's body).
fn seed_with_print(dir: &Path, print: &str) -> PathBuf {
    let ed = copy_edition(&seed(), dir, "xianning-2021");
    add_print(&ed, print);
    ed
}

/// The seed edition with Ghostscript's CMYK profile as `plant.icc`.
fn seed_with_profile(dir: &Path) -> PathBuf {
    let ed = copy_edition(&seed(), dir, "xianning-2021");
    add_test_profile(&ed, "Ghostscript default CMYK (test profile)");
    ed
}

/// The 1-based line of edition.toml on which `needle` is.
fn line_of(ed: &Path, needle: &str) -> usize {
    let text = std::fs::read_to_string(ed.join("edition.toml")).unwrap();
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

fn build(dir: &Path, ed: &Path, out: &str) -> Vec<u8> {
    banmian(dir, &["build", ed.to_str().unwrap(), "-o", out])
        .expect_success()
        .stderr_lacks("no output intent");
    std::fs::read(dir.join(out).join("xianning-2021-05.pdf")).unwrap()
}

/// A dictionary of `doc` that `obj` is or refers to.
fn dict<'a>(doc: &'a Document, obj: &'a Object) -> &'a Dictionary {
    let (_, obj) = doc.dereference(obj).unwrap();
    obj.as_dict().unwrap()
}

fn string(d: &Dictionary, key: &str) -> String {
    String::from_utf8(d.get(key.as_bytes()).unwrap().as_str().unwrap().to_vec()).unwrap()
}

fn name(d: &Dictionary, key: &str) -> String {
    String::from_utf8(d.get(key.as_bytes()).unwrap().as_name().unwrap().to_vec()).unwrap()
}

/// Asserts everything PDF/X-4 asks of `pdf` that banmian writes, with the
/// output intent `condition` and `profile`'s bytes embedded as `n`
/// components.
fn assert_pdfx(pdf: &[u8], condition: &str, profile: &[u8], n: i64) {
    // PDF/X-4 is PDF 1.6.
    assert!(pdf.starts_with(b"%PDF-1.6\n"), "{:?}", &pdf[..12]);
    let doc = Document::load_mem(pdf).unwrap();
    assert_eq!(doc.version, "1.6");
    let catalog = doc.catalog().unwrap();
    if let Ok(v) = catalog.get(b"Version") {
        assert_eq!(v.as_name().unwrap(), b"1.6");
    }
    // One output intent, GTS_PDFX, with the plant's condition and profile.
    let intents = catalog.get(b"OutputIntents").unwrap();
    let (_, intents) = doc.dereference(intents).unwrap();
    let intents = intents.as_array().unwrap();
    assert_eq!(intents.len(), 1);
    let oi = dict(&doc, &intents[0]);
    assert_eq!(name(oi, "Type"), "OutputIntent");
    assert_eq!(name(oi, "S"), "GTS_PDFX");
    assert_eq!(string(oi, "OutputConditionIdentifier"), condition);
    assert_eq!(string(oi, "RegistryName"), "http://www.color.org");
    assert!(!string(oi, "Info").is_empty());
    let icc = oi
        .get(b"DestOutputProfile")
        .unwrap()
        .as_reference()
        .unwrap();
    let icc = doc.get_object(icc).unwrap().as_stream().unwrap();
    assert_eq!(icc.dict.get(b"N").unwrap().as_i64().unwrap(), n);
    assert_eq!(name(&icc.dict, "Filter"), "FlateDecode");
    assert!(icc.content.len() < profile.len(), "compressed");
    assert!(
        icc.decompressed_content().unwrap() == profile,
        "the profile's own bytes"
    );
    // XMP: the PDF/X version, Trapped, ids; what Typst wrote kept.
    let meta = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let meta = doc.get_object(meta).unwrap().as_stream().unwrap();
    assert!(meta.dict.get(b"Filter").is_err(), "XMP uncompressed");
    let xmp = String::from_utf8(meta.content.clone()).unwrap();
    for needle in [
        "xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\"",
        "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>",
        "<pdf:Trapped>False</pdf:Trapped>",
        "<xmpMM:DocumentID>uuid:",
        "<xmpMM:InstanceID>uuid:",
        "<xmpMM:VersionID>1</xmpMM:VersionID>",
        "<xmpMM:RenditionClass>default</xmpMM:RenditionClass>",
        "<dc:title>",
        "<xmp:CreateDate>",
        "<pdf:PDFVersion>1.6</pdf:PDFVersion>",
    ] {
        assert!(xmp.contains(needle), "XMP lacks {needle}:\n{xmp}");
    }
    for once in ["GTS_PDFXVersion>", "Trapped>", "DocumentID>", "InstanceID>"] {
        let opened = xmp.matches(&format!(":{once}")).count();
        assert_eq!(opened, 2, "{once} once (open and close tag):\n{xmp}");
    }
    // Info: Trapped and the PDF/X version, beside Typst's title and dates.
    let info = dict(&doc, doc.trailer.get(b"Info").unwrap());
    assert_eq!(name(info, "Trapped"), "False");
    assert_eq!(string(info, "GTS_PDFXVersion"), "PDF/X-4");
    for key in ["Title", "CreationDate", "ModDate"] {
        assert!(info.get(key.as_bytes()).is_ok(), "Info lacks {key}");
    }
    assert!(doc.trailer.get(b"ID").is_ok(), "trailer ID");
    // Every page has its TrimBox and BleedBox.
    for id in doc.get_pages().into_values() {
        let page = doc.get_dictionary(id).unwrap();
        assert!(page.get(b"TrimBox").is_ok() && page.get(b"BleedBox").is_ok());
    }
}

#[test]
fn a_configured_profile_makes_the_print_pdf_pdfx_4() {
    let dir = tempfile::tempdir().unwrap();
    let ed = seed_with_profile(dir.path());
    let pdf = build(dir.path(), &ed, "out");
    let profile = std::fs::read(gs_profile("default_cmyk.icc")).unwrap();
    assert_pdfx(&pdf, CONDITION, &profile, 4);
    let info = Document::load_mem(&pdf).unwrap();
    let oi = info
        .catalog()
        .unwrap()
        .get(b"OutputIntents")
        .unwrap()
        .as_array()
        .unwrap()[0]
        .clone();
    assert_eq!(
        string(dict(&info, &oi), "Info"),
        "Ghostscript default CMYK (test profile)"
    );
    let path = dir.path().join("out/xianning-2021-05.pdf");
    qpdf_check(&path);
    // poppler, independently, reads it as PDF/X-4.
    let info = poppler("pdfinfo", &[path.to_str().unwrap()]);
    assert!(info.contains("PDF version:     1.6"), "{info}");
    assert!(info.contains("PDF subtype:    PDF/X-4"), "{info}");
    // The same sources and profile give the same bytes.
    let again = build(dir.path(), &ed, "again");
    assert!(pdf == again, "two builds differ");
    banmian(dir.path(), &["preflight", ed.to_str().unwrap()])
        .expect_success()
        .says_nothing_of("no output intent");
    // The profile is one of the edition's files: the archive keeps it, and
    // the archived edition sets again byte for byte.
    banmian(
        dir.path(),
        &["archive", ed.to_str().unwrap(), "--archive", "arch"],
    )
    .expect_success();
    let kept = dir
        .path()
        .join("arch/xianning-2021/rev-0001/edition/xianning-2021/plant.icc");
    assert!(std::fs::read(kept).unwrap() == profile);
    banmian(
        dir.path(),
        &["regenerate", "xianning-2021", "--archive", "arch"],
    )
    .expect_success()
    .says("xianning-2021 revision 1: identical");
}

#[test]
fn without_a_profile_the_pdf_is_as_before_and_the_preflight_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let ed = copy_edition(&seed(), dir.path(), "xianning-2021");
    banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", "out"])
        .expect_success()
        .stderr_contains("no output intent: the print PDF is not PDF/X-4; set [print] profile");
    let pdf = std::fs::read(dir.path().join("out/xianning-2021-05.pdf")).unwrap();
    let doc = Document::load_mem(&pdf).unwrap();
    assert!(doc.catalog().unwrap().get(b"OutputIntents").is_err());
    assert!(!pdf.starts_with(b"%PDF-1.6"), "Typst's own version");
    let info = dict(&doc, doc.trailer.get(b"Info").unwrap());
    assert!(info.get(b"GTS_PDFXVersion").is_err());
    let out = banmian(dir.path(), &["preflight", ed.to_str().unwrap(), "--json"]).expect_success();
    let json = out.json();
    let pdfx: Vec<_> = (json["findings"].as_array().unwrap().iter())
        .filter(|f| f["check"] == "pdfx")
        .collect();
    assert_eq!(pdfx.len(), 1, "{json:#}");
    assert_eq!(pdfx[0]["severity"], "warning");
    assert!(pdfx[0]["page"].is_null());
    // A PNG proof is no print PDF: nothing to say.
    banmian(
        dir.path(),
        &[
            "build",
            ed.to_str().unwrap(),
            "-o",
            "png",
            "--format",
            "png",
            "--ppi",
            "20",
        ],
    )
    .expect_success()
    .stderr_lacks("no output intent");
}

#[test]
fn a_bad_profile_is_an_error_naming_its_field_and_nothing_is_written() {
    let cases: [(&str, Option<&str>, &str); 5] = [
        ("missing.icc", None, "not found"),
        ("feature.md", None, "is not an ICC profile"),
        (
            "screen.icc",
            Some("default_rgb.icc"),
            "is a profile of RGB data",
        ),
        (
            "monitor.icc",
            Some("default_gray.icc"),
            "not an output (printer) profile",
        ),
        (
            "../outside.icc",
            Some("default_cmyk.icc"),
            "leads outside the edition folder",
        ),
    ];
    for (file, source, says) in cases {
        let dir = tempfile::tempdir().unwrap();
        let ed = seed_with_print(
            dir.path(),
            &format!("profile = \"{file}\"\ncondition = \"{CONDITION}\"\n"),
        );
        if let Some(source) = source {
            std::fs::copy(gs_profile(source), ed.join(file)).unwrap();
        }
        let line = line_of(&ed, "profile = ");
        banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", "out"])
            .leaves_untouched("out")
            .expect_exit(1)
            .stderr_contains(&format!("edition.toml:{line}:"))
            .stderr_contains(": print.profile: ")
            .stderr_contains(says);
    }
    // A profile without the name of its condition.
    let dir = tempfile::tempdir().unwrap();
    let ed = seed_with_print(dir.path(), "profile = \"plant.icc\"\n");
    std::fs::copy(gs_profile("default_cmyk.icc"), ed.join("plant.icc")).unwrap();
    banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", "out"])
        .leaves_untouched("out")
        .expect_exit(1)
        .stderr_contains(&format!("edition.toml:{}:", line_of(&ed, "profile = ")))
        .stderr_contains("print.condition");
    // Fields of their own are checked too.
    let dir = tempfile::tempdir().unwrap();
    let ed = seed_with_print(dir.path(), "ink_limit = 900\n");
    banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", "out"])
        .leaves_untouched("out")
        .expect_exit(1)
        .stderr_contains(&format!(
            "edition.toml:{}:13: print.ink_limit: 900 is not an ink limit",
            line_of(&ed, "ink_limit")
        ));
    let dir = tempfile::tempdir().unwrap();
    let ed = seed_with_print(dir.path(), "colour = \"rgb\"\n");
    banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", "out"])
        .expect_exit(1)
        .stderr_contains("print.colour: \"rgb\" is not a job colour");
}

/// A banmian home in `dir` (the repository's layouts, linked) with the
/// house file `print.toml` holding `text`; the `--layouts` argument that
/// selects it.
fn house(dir: &Path, text: &str) -> String {
    let home = dir.join("home");
    std::fs::create_dir_all(&home).unwrap();
    std::os::unix::fs::symlink(root().join("layouts"), home.join("layouts")).unwrap();
    std::fs::write(home.join("print.toml"), text).unwrap();
    home.join("layouts").to_str().unwrap().to_string()
}

#[test]
fn the_house_file_gives_the_profile_the_edition_and_the_command_line_override_it() {
    let dir = tempfile::tempdir().unwrap();
    let cmyk = gs_profile("default_cmyk.icc");
    let layouts = house(
        dir.path(),
        &format!(
            "# the plant's\nprofile = \"{}\"\ncondition = \"HOUSE-CMYK\"\nmin_ppi = 250\n",
            cmyk.display()
        ),
    );
    let ed = copy_edition(&seed(), dir.path(), "xianning-2021");
    let args = |out: &str| {
        vec![
            "build",
            ed.to_str().unwrap(),
            "-o",
            out,
            "--layouts",
            &layouts,
        ]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>()
    };
    let run = |args: &[String]| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        banmian(dir.path(), &args).output()
    };
    run(&args("out"))
        .expect_success()
        .stderr_lacks("no output intent");
    let profile = std::fs::read(&cmyk).unwrap();
    let pdf = std::fs::read(dir.path().join("out/xianning-2021-05.pdf")).unwrap();
    assert_pdfx(&pdf, "HOUSE-CMYK", &profile, 4);
    // The edition's [print] wins over the house's.
    let toml = ed.join("edition.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::copy(&cmyk, ed.join("plant.icc")).unwrap();
    add_print(
        &ed,
        "profile = \"plant.icc\"\ncondition = \"EDITION-CMYK\"\n",
    );
    run(&args("ed")).expect_success();
    let pdf = std::fs::read(dir.path().join("ed/xianning-2021-05.pdf")).unwrap();
    assert_pdfx(&pdf, "EDITION-CMYK", &profile, 4);
    std::fs::write(&toml, text).unwrap();
    // The command line's colour over the house's profile: a grey job
    // cannot print to a CMYK profile, and the error points at the house
    // file's field.
    let mut gray = args("gray");
    gray.extend(["--colour".into(), "gray".into()]);
    run(&gray)
        .expect_exit(1)
        .stderr_contains("home/print.toml:2:")
        .stderr_contains(": profile: ")
        .stderr_contains("is a profile of CMYK data, but the job prints gray");
    assert!(!dir.path().join("gray").exists());
    // The house's minimum resolution reaches the preflight (the seed's
    // pictures are missing, so it shows only in a usage check against
    // --max-ppi), and the command line's wins over it.
    let preflight = |extra: &[&str]| {
        let mut a = vec!["preflight", ed.to_str().unwrap(), "--layouts", &layouts];
        a.extend_from_slice(extra);
        banmian(dir.path(), &a).output()
    };
    preflight(&["--max-ppi", "240"])
        .expect_exit(2)
        .stderr_contains("250 ppi is above --max-ppi 240");
    preflight(&["--max-ppi", "240", "--min-ppi", "230"]).expect_success();
    // A broken house file is an error naming its line and field.
    std::fs::write(
        dir.path().join("home/print.toml"),
        "profile = \"/nowhere/plant.icc\"\ncondition = \"X\"\n",
    )
    .unwrap();
    run(&args("broken")).expect_exit(1).stderr_contains(
        "home/print.toml:1:11: profile: profile file /nowhere/plant.icc not found",
    );
}

#[test]
fn the_edition_pdf_of_several_pages_is_pdfx_4_too() {
    let dir = tempfile::tempdir().unwrap();
    let src = root().join("content/examples/16-four-page-edition");
    let ed = copy_edition(&src, dir.path(), "four");
    add_test_profile(&ed, "test");
    let profile = std::fs::read(gs_profile("default_cmyk.icc")).unwrap();
    for out in ["one", "two"] {
        banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", out])
            .expect_success()
            .stderr_lacks("no output intent");
    }
    let mut files: Vec<String> = (1..=4).map(|n| format!("four-{n:02}.pdf")).collect();
    files.push("four.pdf".into());
    for file in &files {
        let one = std::fs::read(dir.path().join("one").join(file)).unwrap();
        assert_pdfx(&one, CONDITION, &profile, 4);
        qpdf_check(&dir.path().join("one").join(file));
        let two = std::fs::read(dir.path().join("two").join(file)).unwrap();
        assert!(one == two, "{file}: two builds differ");
    }
    let whole =
        Document::load_mem(&std::fs::read(dir.path().join("one/four.pdf")).unwrap()).unwrap();
    assert_eq!(whole.get_pages().len(), 4);
}

#[test]
fn a_gray_job_prints_to_a_gray_printer_profile() {
    // Ghostscript's grey profile is a display profile: the same data as a
    // printer's (its header's class made `prtr`) stands for a plant's.
    let mut gray = std::fs::read(gs_profile("default_gray.icc")).unwrap();
    gray[12..16].copy_from_slice(b"prtr");
    let dir = tempfile::tempdir().unwrap();
    let ed = seed_with_print(
        dir.path(),
        "profile = \"gray.icc\"\ncondition = \"GRAY-TEST\"\ncolour = \"gray\"\n",
    );
    std::fs::write(ed.join("gray.icc"), &gray).unwrap();
    let pdf = build(dir.path(), &ed, "out");
    assert_pdfx(&pdf, "GRAY-TEST", &gray, 1);
    // The same profile for a CMYK job (the command line's colour over the
    // edition's) is an error at the profile's field.
    banmian(
        dir.path(),
        &[
            "build",
            ed.to_str().unwrap(),
            "-o",
            "cmyk",
            "--colour",
            "cmyk",
        ],
    )
    .leaves_untouched("cmyk")
    .expect_exit(1)
    .stderr_contains(&format!(
        "edition.toml:{}:11: print.profile: ",
        line_of(&ed, "profile = ")
    ))
    .stderr_contains("is a profile of gray data, but the job prints CMYK");
}
