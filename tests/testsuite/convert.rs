//! Pictures converted for print: with the plant's output intent, an RGB
//! JPEG of a CMYK job reaches the print PDF as CMYK in the output profile
//! (a grey job's as grey), converted by LittleCMS; the file in the edition
//! folder is never changed, two builds give the same bytes, and the
//! preflight says what it converted instead of asking for a conversion.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::support::{
    add_print, add_test_profile, banmian, gs_profile, poppler, seed_with_first_photo,
};

/// The seed page that carries the first photo.
const PAGE: &str = "xianning-2021-05.pdf";
/// The photo replaced by an RGB JPEG.
const PHOTO: &str = "photos/01-tongshan-mufushan-road.jpg";

/// A copy of the seed in `dir` whose first photo is an RGB JPEG (a light
/// colour gradient, within the ink limit in Ghostscript's generic CMYK
/// profile; no embedded profile: read as sRGB).
fn seed_with_rgb_photo(dir: &Path) -> PathBuf {
    seed_with_first_photo(dir, |path| {
        image::RgbImage::from_fn(1100, 850, |x, y| {
            image::Rgb([
                (128 + x / 9) as u8,
                (128 + y * 3 / 20) as u8,
                (128 + (x + y) / 16) as u8,
            ])
        })
        .save(path)
        .unwrap()
    })
}

fn sha(path: &Path) -> Vec<u8> {
    Sha256::digest(std::fs::read(path).unwrap()).to_vec()
}

/// The rows of `pdfimages -list` for the images of `pdf`: (colour,
/// components, width).
fn images(pdf: &Path) -> Vec<(String, String, String)> {
    let list = poppler("pdfimages", &["-list", pdf.to_str().unwrap()]);
    list.lines()
        .skip(2)
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f[5].to_string(), f[6].to_string(), f[3].to_string())
        })
        .collect()
}

/// The preflight's findings about the pictures, as JSON messages.
fn picture_messages(dir: &Path, ed: &Path) -> Vec<String> {
    let args = ["preflight", ed.to_str().unwrap(), "--json"];
    let json = banmian(dir, &args).expect_success().json();
    (json["findings"].as_array().unwrap().iter())
        .filter(|f| f["check"] == "pictures")
        .map(|f| {
            format!(
                "{}: {}",
                f["severity"].as_str().unwrap(),
                f["message"].as_str().unwrap()
            )
        })
        .collect()
}

/// Asserts that one of `messages` contains `needle`.
fn said(messages: &[String], needle: &str) {
    assert!(
        messages.iter().any(|m| m.contains(needle)),
        "{needle:?} not in {messages:?}"
    );
}

/// The colour space and number of components of the photo (the one
/// picture 1100 pixels wide) in `pdf`, as `pdfimages -list` gives them.
fn photo_space(pdf: &Path) -> (String, String) {
    let rows = images(pdf);
    let photo: Vec<_> = rows.iter().filter(|r| r.2 == "1100").collect();
    assert_eq!(photo.len(), 1, "{rows:?}");
    (photo[0].0.clone(), photo[0].1.clone())
}

/// Asserts that the photo of `ed` is unchanged on disk (its hash
/// `before`) and that the preflight says it was converted to `to`, and
/// asks for no conversion.
fn converted_and_said(dir: &Path, ed: &Path, before: &[u8], to: &str) {
    assert_eq!(
        sha(&ed.join(PHOTO)),
        before,
        "the original picture was changed"
    );
    let messages = picture_messages(dir, ed);
    said(
        &messages,
        &format!("note: converted from RGB (sRGB) to the output profile's {to}"),
    );
    assert!(
        !messages
            .iter()
            .any(|m| m.contains("Rgb picture") || m.starts_with("error")),
        "{messages:?}"
    );
}

#[test]
fn an_rgb_photo_is_converted_to_the_output_profiles_cmyk() {
    let dir = tempfile::tempdir().unwrap();
    let ed = seed_with_rgb_photo(dir.path());
    add_test_profile(&ed, "test");
    let before = sha(&ed.join(PHOTO));

    // Without an output intent nothing is converted: the picture stays RGB.
    let plain = seed_with_rgb_photo(&dir.path().join("plain"));
    banmian(
        dir.path(),
        &["build", plain.to_str().unwrap(), "-o", "plain-out"],
    )
    .expect_success();
    let rows = images(&dir.path().join("plain-out").join(PAGE));
    assert!(rows.iter().any(|r| r.1 == "3" && r.2 == "1100"), "{rows:?}");

    for out in ["one", "two"] {
        banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", out]).expect_success();
    }
    let pdf = dir.path().join("one").join(PAGE);
    assert_eq!(photo_space(&pdf), ("cmyk".into(), "4".into()));
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        std::fs::read(dir.path().join("two").join(PAGE)).unwrap(),
        "two builds differ"
    );
    converted_and_said(dir.path(), &ed, &before, "CMYK");
    // Without the output intent, the preflight still asks for a conversion.
    let messages = picture_messages(dir.path(), &plain);
    said(&messages, "Rgb picture in a Cmyk job");
}

#[test]
fn a_grey_job_converts_an_rgb_photo_to_grey() {
    let dir = tempfile::tempdir().unwrap();
    let ed = seed_with_rgb_photo(dir.path());
    // Ghostscript's grey profile, its class made `prtr`, stands for a
    // plant's grey printer profile (as in pdfx.rs).
    let mut grey = std::fs::read(gs_profile("default_gray.icc")).unwrap();
    grey[12..16].copy_from_slice(b"prtr");
    std::fs::write(ed.join("grey.icc"), grey).unwrap();
    add_print(
        &ed,
        "profile = \"grey.icc\"\ncondition = \"GS-DEFAULT-GREY\"\ncolour = \"gray\"\n",
    );
    let before = sha(&ed.join(PHOTO));
    banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", "out"]).expect_success();
    // One component: DeviceGray, or grey with the profile Typst embeds.
    let (space, components) = photo_space(&dir.path().join("out").join(PAGE));
    assert!(["gray", "icc"].contains(&space.as_str()), "{space}");
    assert_eq!(components, "1");
    converted_and_said(dir.path(), &ed, &before, "grey");
}

/// Appends `lines` to the `[print]` table `add_test_profile` ended the
/// edition's edition.toml with.
fn add_to_print(ed: &Path, lines: &str) {
    let toml = ed.join("edition.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    assert!(text.trim_end().ends_with("(test profile)\""), "{text}");
    std::fs::write(&toml, format!("{text}{lines}")).unwrap();
}

#[test]
fn the_rendering_intent_and_black_point_compensation_are_the_plants() {
    let dir = tempfile::tempdir().unwrap();
    let pictures = |name: &str, lines: &str| {
        let ed = seed_with_rgb_photo(&dir.path().join(name));
        add_test_profile(&ed, "Ghostscript default CMYK (test profile)");
        add_to_print(&ed, lines);
        banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", name]).expect_success();
        let pdf = dir.path().join(name).join(PAGE);
        let out = dir.path().join(format!("{name}-img"));
        poppler(
            "pdfimages",
            &["-j", pdf.to_str().unwrap(), out.to_str().unwrap()],
        );
        std::fs::read(dir.path().join(format!("{name}-img-000.jpg"))).unwrap()
    };
    let default = pictures("default", "");
    let stated = pictures("stated", "intent = \"relative\"\nbpc = true\n");
    let other = pictures("other", "intent = \"perceptual\"\nbpc = false\n");
    assert_eq!(
        default, stated,
        "relative colorimetric with BPC is the default"
    );
    assert_ne!(default, other, "the configured intent was not used");

    let ed = seed_with_rgb_photo(&dir.path().join("bad"));
    add_test_profile(&ed, "Ghostscript default CMYK (test profile)");
    add_to_print(&ed, "intent = \"nice\"\n");
    banmian(
        dir.path(),
        &["build", ed.to_str().unwrap(), "-o", "bad-out"],
    )
    .expect_exit(1)
    .stderr_contains("edition.toml:")
    .stderr_contains("print.intent")
    .stderr_contains("\"nice\" is not a rendering intent");
    assert!(!dir.path().join("bad-out").exists());
}
