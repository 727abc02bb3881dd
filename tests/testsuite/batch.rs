//! `banmian build` over many editions: parallel, one failure does not stop
//! the others, and each page is what a build of its edition alone gives.

use crate::support::{banmian, copy_edition, seed, stderr};

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

    let out = banmian(tmp.path(), &["build", "editions", "-o", "out", "-j", "2"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("built 2 of 3 editions (2 pages)"), "{err}");
    assert!(err.contains("1 edition(s) failed"), "{err}");
    assert!(err.contains("b-2021/edition.toml:"), "{err}");
    assert!(err.contains("pages[0].number"), "{err}");
    let a = tmp.path().join("out/a-2021/a-2021-05.pdf");
    let c = tmp.path().join("out/c-2021/c-2021-05.pdf");
    assert!(a.is_file() && c.is_file(), "{err}");
    assert!(!tmp.path().join("out/b-2021").exists());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout.lines().count(),
        2,
        "one line per page written: {stdout}"
    );

    // A page built in the batch is byte for byte the page built alone.
    let alone = banmian(tmp.path(), &["build", "editions/a-2021", "-o", "alone"]);
    assert!(alone.status.success(), "{}", stderr(&alone));
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
    let out = banmian(tmp.path(), &["build", "x/same", "y/same"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("both edition same"),
        "{}",
        stderr(&out)
    );

    assert!(!tmp.path().join("output").exists(), "nothing was built");

    // A folder that is neither an edition nor holds any is built as one,
    // so that the loader says what is missing; the others still build.
    std::fs::create_dir_all(tmp.path().join("empty")).unwrap();
    let out = banmian(tmp.path(), &["build", "empty", "x/same"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("empty/edition.toml"), "{err}");
    assert!(err.contains("built 1 of 2 editions"), "{err}");
    assert!(tmp.path().join("output/same/same-05.pdf").is_file());
}
