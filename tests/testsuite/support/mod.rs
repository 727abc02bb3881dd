//! What the integration tests share: running the real binary ([`banmian`],
//! with its fluent assertions), copying and mutating editions, and reading
//! PDFs back with independent tools (poppler, Ghostscript).

mod keep;
pub mod page;
mod run;
pub mod s3;
pub mod separations;
mod snapshot;

use std::path::{Path, PathBuf};
use std::process::Command;

pub use run::{Outcome, Run, banmian, english_sentence};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The seed edition folder.
pub fn seed() -> PathBuf {
    root().join("content/xianning-2021")
}

/// Where the tests keep banmian's font index.
pub fn font_cache() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("font-cache")
}

/// Copies an edition folder (flat, plus photos/) into `dest/<name>`.
pub fn copy_edition(src: &Path, dest: &Path, name: &str) -> PathBuf {
    let to = dest.join(name);
    copy_dir(src, &to);
    to
}

fn copy_dir(src: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(src).unwrap() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}

/// A copy of the seed in `dir/xianning-2021` whose first photo (missing in
/// the seed) `save` writes to the path it is given.
pub fn seed_with_first_photo(dir: &Path, save: impl FnOnce(&Path)) -> PathBuf {
    let ed = copy_edition(&seed(), dir, "xianning-2021");
    std::fs::create_dir_all(ed.join("photos")).unwrap();
    save(&ed.join("photos/01-tongshan-mufushan-road.jpg"));
    ed
}

/// Builds a copy of the seed in `dir` (prepared by `setup`, given the
/// edition folder) with `extra` arguments; the page's PDF.
pub fn build_seed_copy(dir: &Path, setup: impl FnOnce(&Path), extra: &[&str]) -> PathBuf {
    let ed = copy_edition(&seed(), dir, "xianning-2021");
    setup(&ed);
    let mut args = vec!["build", ed.to_str().unwrap(), "-o", "out"];
    args.extend_from_slice(extra);
    banmian(dir, &args).expect_success();
    dir.join("out/xianning-2021-05.pdf")
}

/// A CMYK JPEG of `width` × `height` pixels, each `pixel(x, y)` (0–255 an
/// ink), written by a JPEG encoder that does CMYK (Adobe's inverted
/// convention).
pub fn cmyk_jpeg(width: u16, height: u16, pixel: impl Fn(usize, usize) -> [u8; 4]) -> Vec<u8> {
    let w = usize::from(width);
    let pixels: Vec<u8> = (0..w * usize::from(height))
        .flat_map(|i| pixel(i % w, i / w))
        .collect();
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 90)
        .encode(&pixels, width, height, jpeg_encoder::ColorType::Cmyk)
        .unwrap();
    out
}

/// `image` encoded as `format`.
pub fn encoded(image: image::RgbImage, format: image::ImageFormat) -> Vec<u8> {
    let mut bytes = std::io::Cursor::new(Vec::new());
    image.write_to(&mut bytes, format).unwrap();
    bytes.into_inner()
}

/// The registered printing condition the tests name Ghostscript's CMYK
/// profile by.
pub const TEST_CONDITION: &str = "GS-DEFAULT-CMYK";

/// One of Ghostscript's ICC profiles (Debian's libgs-common, which
/// scripts/test.sh installs): the tests' printer profiles.
pub fn gs_profile(name: &str) -> PathBuf {
    let path = Path::new("/usr/share/color/icc/ghostscript").join(name);
    assert!(
        path.is_file(),
        "{} is needed by the tests (apt-get install libgs-common; scripts/test.sh installs it)",
        path.display()
    );
    path
}

/// Appends a `[print]` table whose body is `print` to the edition `ed`.
pub fn add_print(ed: &Path, print: &str) {
    let toml = ed.join("edition.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, format!("{text}\n[print]\n{print}")).unwrap();
}

/// Gives the edition `ed` Ghostscript's CMYK printer profile as its
/// output intent: the file `plant.icc` and `[print]` naming it, with
/// [`TEST_CONDITION`] and `info`.
pub fn add_test_profile(ed: &Path, info: &str) {
    std::fs::copy(gs_profile("default_cmyk.icc"), ed.join("plant.icc")).unwrap();
    add_print(
        ed,
        &format!("profile = \"plant.icc\"\ncondition = \"{TEST_CONDITION}\"\ninfo = \"{info}\"\n"),
    );
}

/// Replaces `from` by `to` in a file (which must contain `from`).
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(
        text.contains(from),
        "{} does not contain {from:?}",
        path.display()
    );
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Runs a poppler tool; panics with a clear message when it is missing
/// (the tests need poppler-utils: scripts/test.sh installs it).
pub fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("{tool} is needed by the tests (apt-get install poppler-utils): {e}")
    });
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("poppler prints UTF-8")
}

/// Asserts that qpdf finds the PDF structurally sound (`qpdf --check`).
pub fn qpdf_check(pdf: &Path) {
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(pdf)
        .output()
        .expect("qpdf is needed by the tests (scripts/test.sh installs it)");
    assert!(
        out.status.success(),
        "qpdf --check {}:\n{}{}",
        pdf.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The PDF's text in content-stream order, without any whitespace.
pub fn pdf_text(pdf: &Path) -> String {
    poppler(
        "pdftotext",
        &["-raw", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"],
    )
    .chars()
    .filter(|c| !c.is_whitespace())
    .collect()
}

/// Half-width marks the page sets full-width count as the same character.
/// Deliberately a copy of the corrector's table (`banmian::han`), not a
/// call to it: the tests compare the source with the PDF's text through
/// this, and a wrong mapping in the corrector must show as a difference,
/// not be applied to both sides.
pub fn normalize(c: char) -> char {
    match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        c => c,
    }
}

/// Whether `c` is a Han character.
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// `banmian build <edition> -o out --profile proof` in `cwd`: a PDF whose
/// preflight findings are reported, not refused (a page of a few lines is
/// underset, and these tests are about something else).
pub fn build_proof(cwd: &Path, edition: &Path) -> Run {
    banmian(
        cwd,
        &[
            "build",
            edition.to_str().unwrap(),
            "-o",
            "out",
            "--profile",
            "proof",
        ],
    )
}

/// A one-page edition `name` in `dir` with `layout` and an article whose
/// body is `body` (no photos, no boxes).
pub fn small_edition(dir: &Path, name: &str, layout: &str, body: &str) -> PathBuf {
    let ed = dir.join(name);
    std::fs::create_dir_all(&ed).unwrap();
    std::fs::write(
        ed.join("edition.toml"),
        format!(
            "paper = \"测试报\"\ndate = 2021-03-01\n\n[[pages]]\nnumber = 1\nsection = \"测试\"\nlayout = \"{layout}\"\narticles = [\"a.md\"]\n"
        ),
    )
    .unwrap();
    std::fs::write(
        ed.join("a.md"),
        format!("+++\nheadline = \"测试标题\"\n+++\n\n{body}\n"),
    )
    .unwrap();
    ed
}

/// The text lines of a PDF as poppler's `pdftotext -bbox-layout` sees them.
pub fn pdf_lines(pdf: &Path) -> Vec<String> {
    let (_, _, lines) = page::text_lines(pdf);
    lines
        .into_iter()
        .map(|l| l.text)
        .filter(|t| !t.is_empty())
        .collect()
}

/// A copy of the project's layouts in `dir/layouts`, with `from` replaced
/// by `to` in `file` (a path inside the layouts folder).
pub fn edited_layouts(dir: &Path, file: &str, from: &str, to: &str) -> PathBuf {
    let layouts = copy_edition(&root().join("layouts"), dir, "layouts");
    edit(&layouts.join(file), from, to);
    layouts
}

/// The id of a process that has ended: a file named with it belongs to no
/// live process.
pub fn dead_pid() -> u32 {
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    gone.wait().unwrap();
    gone.id()
}

/// The SHA-256 of `bytes`, in lowercase hex (as the archive names stored
/// files).
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
