//! `banmian build` over many editions: parallel, one failure does not stop
//! the others, and each page is what a build of its edition alone gives.

use crate::support::{banmian, copy_edition, seed};

#[test]
fn a_broken_edition_among_good_ones_fails_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let eds = tmp.path().join("editions");
    for name in ["a-2021", "b-2021", "c-2021"] {
        copy_edition(&seed(), &eds, name);
    }
    let toml = eds.join("b-2021/edition.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, text.replace("number = 5", "number = \"五\"")).unwrap();

    let out = banmian(tmp.path(), &["build", "editions", "-o", "out", "-j", "2"])
        .expect_exit(1)
        .stderr_contains("built 2 of 3 editions (2 pages)")
        .stderr_contains("1 edition(s) failed")
        .stderr_contains("b-2021/edition.toml:")
        .stderr_contains("pages[0].number");
    let a = tmp.path().join("out/a-2021/a-2021-05.pdf");
    let c = tmp.path().join("out/c-2021/c-2021-05.pdf");
    assert!(a.is_file() && c.is_file(), "{}", out.stderr());
    assert!(!tmp.path().join("out/b-2021").exists());
    let stdout = out.stdout();
    assert_eq!(
        stdout.lines().count(),
        2,
        "one line per page written: {stdout}"
    );

    // A page built in the batch is byte for byte the page built alone.
    banmian(tmp.path(), &["build", "editions/a-2021", "-o", "alone"]).expect_success();
    assert_eq!(
        std::fs::read(&a).unwrap(),
        std::fs::read(tmp.path().join("alone/a-2021-05.pdf")).unwrap()
    );
}

#[test]
fn editions_that_would_overwrite_each_other_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    copy_edition(&seed(), &tmp.path().join("x"), "same");
    copy_edition(&seed(), &tmp.path().join("y"), "same");
    // Nothing is built.
    banmian(tmp.path(), &["build", "x/same", "y/same"])
        .leaves_untouched("output")
        .expect_exit(2)
        .stderr_contains("both edition same");

    // A folder that is neither an edition nor holds any is built as one,
    // so that the loader says what is missing; the others still build.
    std::fs::create_dir_all(tmp.path().join("empty")).unwrap();
    banmian(tmp.path(), &["build", "empty", "x/same"])
        .expect_exit(1)
        .stderr_contains("empty/edition.toml")
        .stderr_contains("built 1 of 2 editions");
    assert!(tmp.path().join("output/same/same-05.pdf").is_file());
}
