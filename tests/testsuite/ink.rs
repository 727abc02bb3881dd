//! The ink limit: the preflight measures the total ink (C+M+Y+K) on the
//! page's separations, the most on any 2 × 2 mm, against `--ink-limit`
//! (240% by default). A photo of solid 400% is refused where it is, as
//! Ghostscript's own separations (read by the tests) place it; the seed
//! passes; without Ghostscript the preflight says it did not measure.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::separations::separations;
use crate::support::{banmian, cmyk_jpeg, seed, seed_with_first_photo};

/// A copy of the seed in `dir` whose first photo is solid 400% ink.
fn seed_with_black_photo(dir: &Path) -> PathBuf {
    seed_with_first_photo(dir, |path| {
        std::fs::write(path, cmyk_jpeg(1100, 850, |_, _| [255; 4])).unwrap()
    })
}

/// The `ink` findings of a `preflight --json` run.
fn ink_findings(json: &Value) -> Vec<Value> {
    (json["findings"].as_array().unwrap().iter())
        .filter(|f| f["check"] == "ink")
        .cloned()
        .collect()
}

/// The first percentage in a message (`total ink 400% over …`).
fn percent(message: &str) -> f64 {
    let end = message.find('%').unwrap();
    let start = message[..end]
        .rfind(|c: char| !c.is_ascii_digit() && c != '.')
        .map_or(0, |i| i + 1);
    message[start..end].parse().unwrap()
}

/// `x mm from the left, y mm from the top` as (x, y).
fn place_mm(place: &str) -> (f64, f64) {
    let numbers: Vec<f64> = place
        .split(|c: char| !c.is_ascii_digit() && c != '.')
        .filter_map(|w| w.parse().ok())
        .collect();
    assert_eq!(numbers.len(), 2, "{place}");
    (numbers[0], numbers[1])
}

#[test]
fn a_photo_of_400_percent_ink_is_refused_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let ed = seed_with_black_photo(dir.path());
    let args = ["preflight", ed.to_str().unwrap(), "--json"];
    let json = banmian(dir.path(), &args).expect_exit(1).json();
    let found = ink_findings(&json);
    assert_eq!(found.len(), 1, "{json:#}");
    let f = &found[0];
    println!(
        "preflight of a 400% photo: {} — {}",
        f["place"], f["message"]
    );
    assert_eq!(f["severity"], "error");
    assert_eq!(f["page"], 5);
    let message = f["message"].as_str().unwrap();
    let tac = percent(message);
    assert!((390.0..=400.0).contains(&tac), "{message}");
    assert!(message.contains("above the limit of 240%"), "{message}");

    // Ghostscript's separations of the page (built as a proof, so it is
    // written) agree: the spot named is inside the area that carries all
    // four inks solid.
    let build = [
        "build",
        ed.to_str().unwrap(),
        "-o",
        "out",
        "--profile",
        "proof",
    ];
    banmian(dir.path(), &build).expect_success();
    let pdf = dir.path().join("out/xianning-2021-05.pdf");
    let ppi = 36;
    let plates = separations(&pdf, &dir.path().join("sep"), ppi);
    let names = ["Cyan", "Magenta", "Yellow", "Black"];
    let (w, h) = (plates["Black"].width, plates["Black"].height);
    let solid = |i: usize| names.iter().all(|n| plates[*n].ink[i] >= 250);
    let (mut x0, mut y0, mut x1, mut y1) = (w, h, 0, 0);
    for i in (0..w * h).filter(|&i| solid(i)) {
        let (x, y) = (i % w, i / w);
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x + 1), y1.max(y + 1));
    }
    let mm = |px: usize| px as f64 * 25.4 / f64::from(ppi);
    println!(
        "tiffsep: all four inks solid from {:.0}–{:.0} mm across, {:.0}–{:.0} mm down",
        mm(x0),
        mm(x1),
        mm(y0),
        mm(y1)
    );
    assert!(x1 > x0 && y1 > y0, "no 400% area on the separations");
    let (x, y) = place_mm(f["place"].as_str().unwrap());
    assert!(
        (mm(x0) - 1.0..=mm(x1) + 1.0).contains(&x) && (mm(y0) - 1.0..=mm(y1) + 1.0).contains(&y),
        "{x} × {y} mm is outside the 400% area"
    );

    // A print build that measures the ink (`--ink-limit`, or `ink_limit`
    // in the print configuration) refuses the page, and says why; one that
    // does not leaves it to the preflight.
    let print = [
        "build",
        ed.to_str().unwrap(),
        "-o",
        "print",
        "--ink-limit",
        "240",
    ];
    banmian(dir.path(), &print)
        .leaves_untouched("print")
        .expect_exit(1)
        .stderr_contains("error: Ink: page 5, ")
        .stderr_contains("above the limit of 240%");
}

#[test]
fn the_seed_is_within_the_limit_and_a_lower_limit_finds_its_red() {
    let dir = tempfile::tempdir().unwrap();
    let ed = seed();
    let args = ["preflight", ed.to_str().unwrap(), "--json"];
    let json = banmian(dir.path(), &args).expect_success().json();
    assert_eq!(ink_findings(&json), Vec::<Value>::new());

    // The red accent (0/100/100/15) is 215%: over a limit of 200%.
    let args = [
        "preflight",
        ed.to_str().unwrap(),
        "--json",
        "--ink-limit",
        "200",
    ];
    let json = banmian(dir.path(), &args).expect_exit(1).json();
    let found = ink_findings(&json);
    assert_eq!(found.len(), 1, "{json:#}");
    let message = found[0]["message"].as_str().unwrap();
    println!("the seed at --ink-limit 200: {message}");
    assert!((214.0..=216.0).contains(&percent(message)), "{message}");
    assert!(message.contains("above the limit of 200%"), "{message}");

    banmian(
        dir.path(),
        &["preflight", ed.to_str().unwrap(), "--ink-limit", "20"],
    )
    .expect_exit(2)
    .stderr_contains("an ink limit between 100 and 400");
}

#[test]
fn without_ghostscript_the_ink_is_not_measured_and_the_preflight_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let ed = seed_with_black_photo(dir.path());
    let empty = dir.path().join("no-programs");
    std::fs::create_dir_all(&empty).unwrap();
    let args = ["preflight", ed.to_str().unwrap(), "--json"];
    // The 400% photo goes unmeasured: a note, which blocks nothing.
    let json = banmian(dir.path(), &args)
        .env("PATH", &empty)
        .expect_success()
        .json();
    let found = ink_findings(&json);
    assert_eq!(found.len(), 1, "{json:#}");
    assert_eq!(found[0]["severity"], "note");
    let message = found[0]["message"].as_str().unwrap();
    assert!(
        message.contains("not measured: Ghostscript (gs) is not installed"),
        "{message}"
    );
}

#[test]
fn an_rgb_photo_is_left_to_its_conversion() {
    // Black RGB: Ghostscript's generic profile would make it some 300%,
    // the plant's newsprint profile holds it to the limit. The pictures
    // check asks for it to be converted; the ink check does not guess.
    let dir = tempfile::tempdir().unwrap();
    let ed = seed_with_first_photo(dir.path(), |path| {
        image::RgbImage::new(1100, 850).save(path).unwrap()
    });
    let args = ["preflight", ed.to_str().unwrap(), "--json"];
    let json = banmian(dir.path(), &args).expect_success().json();
    assert_eq!(ink_findings(&json), Vec::<Value>::new());
    assert!(
        (json["findings"].as_array().unwrap().iter()).any(|f| f["message"]
            .as_str()
            .unwrap()
            .contains("Rgb picture in a Cmyk job")),
        "{json:#}"
    );
}

/// A print build measures the ink when the plant's configuration asks
/// (`ink_limit` in `[print]`), not otherwise: Ghostscript costs about a
/// third of a second a page.
#[test]
fn a_print_build_measures_the_ink_when_the_configuration_asks() {
    let dir = tempfile::tempdir().unwrap();
    let ed = seed_with_black_photo(dir.path());
    let build = ["build", ed.to_str().unwrap(), "-o", "out"];
    banmian(dir.path(), &build)
        .expect_success()
        .stderr_lacks("Ink:");
    crate::support::add_print(&ed, "ink_limit = 240\n");
    banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", "again"])
        .leaves_untouched("again")
        .expect_exit(1)
        .stderr_contains("error: Ink: page 5, ");
}
