//! A grey job (`--colour gray`) prints on the black plate only: the
//! layouts' colours become K only, which separations rendered by
//! Ghostscript confirm; and a template colour with cyan, magenta or yellow
//! in a grey job is refused, by `build` and by `preflight`.

use crate::support::separations::separations;
use crate::support::{banmian, build_seed_copy, edited_layouts, seed, seed_with_first_photo};

/// The grey table's accent in layouts/style.typ, and a CMYK red for it.
const GREY_ACCENT: &str = "accent: cmyk(0%, 0%, 0%, 100%),";
const RED: &str = "accent: cmyk(0%, 100%, 100%, 15%),";

#[test]
fn a_grey_job_prints_on_the_black_plate_only() {
    let dir = tempfile::tempdir().unwrap();
    let grey = build_seed_copy(&dir.path().join("grey"), |_| {}, &["--colour", "gray"]);
    let plates = separations(&grey, &dir.path().join("grey-sep"), 36);
    for (name, plate) in &plates {
        println!(
            "grey seed page, {name} plate: {} of {} pixels inked, at most {:.0}%",
            plate.inked(),
            plate.width * plate.height,
            plate.most()
        );
    }
    let names: Vec<&str> = plates.keys().map(String::as_str).collect();
    assert_eq!(names, ["Black", "Cyan", "Magenta", "Yellow"]);
    for colour in ["Cyan", "Magenta", "Yellow"] {
        assert_eq!(plates[colour].inked(), 0, "ink on the {colour} plate");
    }
    let black = &plates["Black"];
    assert!(black.inked() > black.ink.len() / 20, "the text is on black");
    assert_eq!(black.most(), 100.0);

    // The same page in colour has its red on magenta and yellow: the
    // plates are read right, and the grey job is what took the red away.
    let colour = build_seed_copy(&dir.path().join("colour"), |_| {}, &[]);
    let plates = separations(&colour, &dir.path().join("colour-sep"), 36);
    for colour in ["Magenta", "Yellow"] {
        println!(
            "colour seed page, {colour} plate: {} pixels inked",
            plates[colour].inked()
        );
        assert!(plates[colour].inked() > 100, "{colour}");
        assert_eq!(plates[colour].most(), 100.0, "{colour}: the solid red");
    }
    // Black text stays where it was: as much black in both.
    let (grey_k, colour_k) = (black.inked(), plates["Black"].inked());
    assert!(grey_k >= colour_k, "{grey_k} < {colour_k}");
}

#[test]
fn a_red_template_colour_in_a_grey_job_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let layouts = edited_layouts(dir.path(), "style.typ", GREY_ACCENT, RED);
    let ed = seed();
    let (ed, layouts) = (ed.to_str().unwrap(), layouts.to_str().unwrap());
    let build = [
        "build",
        ed,
        "-o",
        "out",
        "--colour",
        "gray",
        "--layouts",
        layouts,
    ];
    let refused = banmian(dir.path(), &build)
        .leaves_untouched("out")
        .expect_exit(1)
        .stderr_contains("preflight refuses the pages")
        .stderr_contains(
            "error: Colours: page 5, page content: a CMYK colour with cyan/magenta/yellow in a grey job: 0 1 1 0.15 (red",
        );
    println!("{}", refused.stderr());

    // `preflight` says the same, in JSON, and exits 1.
    let args = [
        "preflight",
        ed,
        "--json",
        "--colour",
        "gray",
        "--layouts",
        layouts,
    ];
    let json = banmian(dir.path(), &args).expect_exit(1).json();
    let found: Vec<&serde_json::Value> = (json["findings"].as_array().unwrap().iter())
        .filter(|f| f["check"] == "colours")
        .collect();
    assert_eq!(found.len(), 1, "{json:#}");
    assert_eq!(found[0]["severity"], "error");
    assert_eq!(found[0]["page"], 5);
    let message = found[0]["message"].as_str().unwrap();
    assert!(message.contains("0 1 1 0.15"), "{message}");
    assert!(message.contains("layouts/style.typ"), "{message}");

    // The colour job is not held to it: the same layouts pass in CMYK.
    let args = ["preflight", ed, "--json", "--layouts", layouts];
    let json = banmian(dir.path(), &args).expect_success().json();
    assert!(
        (json["findings"].as_array().unwrap().iter()).all(|f| f["check"] != "colours"),
        "{json:#}"
    );
}

#[test]
fn a_colour_picture_in_a_grey_job_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let ed = seed_with_first_photo(dir.path(), |path| {
        image::RgbImage::from_pixel(1100, 850, image::Rgb([200, 30, 30]))
            .save(path)
            .unwrap()
    });
    let args = [
        "preflight",
        ed.to_str().unwrap(),
        "--json",
        "--colour",
        "gray",
    ];
    let json = banmian(dir.path(), &args).expect_exit(1).json();
    let errors: Vec<String> = (json["findings"].as_array().unwrap().iter())
        .filter(|f| f["severity"] == "error" && f["check"] == "pictures")
        .map(|f| format!("{} {}", f["place"], f["message"]))
        .collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    // The file, from the pictures check…
    assert!(
        errors
            .iter()
            .any(|e| e.contains("photos[0]") && e.contains("Rgb picture in a Gray job")),
        "{errors:#?}"
    );
    // …and the picture in the PDF.
    assert!(
        (errors.iter()).any(|e| e.contains("1 picture(s) in colour (RGB) in a grey job")),
        "{errors:#?}"
    );
}
