//! Hostile and broken input (issue 7). Each case damages a copy of the seed
//! edition in one way and builds it into an output folder that already
//! holds a good page. A bad case must exit 1 (2 for usage) with a message
//! naming the file and, where there is one, the line, column and field; it
//! must not panic; and the good page must be left byte for byte as it was,
//! with no temporary file beside it. Input that is odd but valid (a BOM,
//! CRLF, emoji) must simply build.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::support::{Run, banmian, copy_edition, edit, root, seed};

const MD: &str = "feature.md";
const TOML: &str = "edition.toml";
/// The first photo the seed article names (the seed ships no pictures).
const PHOTO: &str = "photos/01-tongshan-mufushan-road.jpg";

/// The page a good build of the seed (as edition `ed`) writes.
fn good_pdf() -> &'static [u8] {
    static GOOD: OnceLock<Vec<u8>> = OnceLock::new();
    GOOD.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let ed = copy_edition(&seed(), dir.path(), "ed");
        banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", "out"]).expect_success();
        std::fs::read(dir.path().join("out/ed-05.pdf")).unwrap()
    })
}

/// A copy of the seed as `<tmp>/ed` and an output folder `<tmp>/out` that
/// holds the good page.
struct Case {
    dir: tempfile::TempDir,
    ed: PathBuf,
}

impl Case {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let ed = copy_edition(&seed(), dir.path(), "ed");
        let out = dir.path().join("out");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("ed-05.pdf"), good_pdf()).unwrap();
        Self { dir, ed }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.ed.join(name)
    }

    fn edit(&self, name: &str, from: &str, to: &str) -> &Self {
        edit(&self.path(name), from, to);
        self
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).unwrap()
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> &Self {
        let path = self.path(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
        self
    }

    /// Appends front matter to the article (before its closing `+++`).
    fn front(&self, toml: &str) -> &Self {
        let text = self.read(MD);
        let at = text.rfind("\n+++\n").unwrap() + 1;
        self.write(MD, format!("{}{toml}\n{}", &text[..at], &text[at..]))
    }

    /// Adds a table (such as `[limits]`) at the end of edition.toml.
    fn table(&self, toml: &str) -> &Self {
        let text = self.read(TOML);
        self.write(TOML, format!("{text}\n{toml}\n"))
    }

    /// Builds `edition` (the copy unless told otherwise) into `out`.
    fn build_dir(&self, edition: &Path, extra: &[&str]) -> Run {
        let mut args = vec!["build", edition.to_str().unwrap(), "-o", "out"];
        args.extend_from_slice(extra);
        banmian(self.dir.path(), &args)
    }

    /// [`Case::build_dir`], required to leave the output folder exactly as
    /// it was (the good page, byte for byte, and nothing beside it) and to
    /// write nothing to the default output folder.
    fn build_harmless(&self, edition: &Path, extra: &[&str]) -> Run {
        self.build_dir(edition, extra)
            .leaves_untouched("out")
            .leaves_untouched("output")
    }

    /// The build fails with exit `code`, one clear error with every needle
    /// in it, no panic, and the output folder exactly as it was.
    fn fails_with(&self, code: i32, needles: &[&str]) -> String {
        self.fails_dir(&self.ed, &[], code, needles)
    }

    /// … and fails the same way in Chinese, saying it in Chinese.
    fn fails_dir(&self, edition: &Path, extra: &[&str], code: i32, needles: &[&str]) -> String {
        let run = self.build_harmless(edition, extra);
        let zh = run.in_chinese();
        let out = needles.iter().fold(
            run.expect_exit(code).stderr_starts_with("error: "),
            |out, n| out.stderr_contains(n),
        );
        let zh = zh.output().says_in_chinese_what(&out);
        let err = out.stderr();
        if std::env::var_os("HOSTILE_SHOW").is_some() {
            // `HOSTILE_SHOW=1 cargo test --test testsuite -- hostile:: --nocapture`
            // lists every case's message.
            let case = std::thread::current().name().unwrap_or("?").to_string();
            let dir = self.dir.path().display().to_string();
            for text in [&err, &zh.stderr()] {
                let first = text.lines().next().unwrap_or_default();
                eprintln!("SHOW {case}: {}", first.replace(&dir, "…"));
            }
        }
        err
    }

    /// The build succeeds; returns its stderr.
    fn builds(&self) -> String {
        // The corpus' pictures are small: their resolution is the
        // preflight's business (the preflight module), not this corpus'.
        self.build_dir(&self.ed, &["--no-punct-fix", "--min-ppi", "1"])
            .expect_success()
            .stderr()
    }

    fn out_pdf(&self) -> PathBuf {
        self.dir.path().join("out/ed-05.pdf")
    }
}

/// A PNG chunk with its length and checksum.
fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut crc = !0u32;
    for &b in kind.iter().chain(data) {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    out.extend_from_slice(&(!crc).to_be_bytes());
    out
}

/// A well-formed PNG whose header claims `w` × `h` pixels of 8-bit RGB,
/// with no image data behind it.
fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    png_claiming_as(w, h, 8, 2)
}

/// [`png_claiming`] with a bit depth and colour type.
fn png_claiming_as(w: u32, h: u32, depth: u8, colour: u8) -> Vec<u8> {
    let mut ihdr = w.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[depth, colour, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &ihdr));
    png.extend(chunk(
        b"IDAT",
        &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    png.extend(chunk(b"IEND", b""));
    png
}

/// A real picture, encoded by the `image` crate.
fn picture(format: image::ImageFormat) -> Vec<u8> {
    // Grey, as a newsprint job wants (an RGB picture is a preflight warning).
    let img = image::GrayImage::from_fn(256, 192, |x, y| image::Luma([(x ^ y) as u8]));
    let mut bytes = std::io::Cursor::new(Vec::new());
    img.write_to(&mut bytes, format).unwrap();
    bytes.into_inner()
}

fn jpeg() -> Vec<u8> {
    picture(image::ImageFormat::Jpeg)
}

fn png() -> Vec<u8> {
    picture(image::ImageFormat::Png)
}

// ---------------------------------------------------------------- TOML syntax

#[test]
fn toml_syntax_error_in_edition() {
    Case::new()
        .edit(TOML, "paper = \"咸宁日报\"", "paper = \"咸宁日报")
        .fails_with(1, &["ed/edition.toml:8:"]);
}

#[test]
fn full_width_quotes_an_input_method_typed_are_called_that() {
    let c = Case::new();
    c.edit(
        MD,
        "subheadline = \"——咸宁市打赢脱贫攻坚纪实\"",
        "subheadline = “——咸宁市打赢脱贫攻坚纪实”",
    );
    let en = c.fails_with(
        1,
        &["ed/feature.md:7:15: subheadline: the value is in full-width quotes “…”: TOML needs straight double quotes"],
    );
    assert!(!en.contains("expected literal string"), "{en}");
    c.build_harmless(&c.ed, &[])
        .in_chinese()
        .expect_exit(1)
        .stderr_contains("ed/feature.md:7:15: subheadline: 值两边用了中文全角引号“…”");
}

#[test]
fn a_closing_full_width_quote_and_a_full_width_equals_sign_are_named() {
    Case::new()
        .edit(TOML, "paper = \"咸宁日报\"", "paper = \"咸宁日报”")
        .fails_with(
            1,
            &[
                "ed/edition.toml:8:",
                ": paper: the value is in full-width quotes",
            ],
        );
    Case::new()
        .edit(TOML, "paper = \"咸宁日报\"", "paper ＝ \"咸宁日报\"")
        .fails_with(
            1,
            &["ed/edition.toml:8:", ": paper: a full-width equals sign ＝"],
        );
}

#[test]
fn rust_type_names_never_reach_the_desk() {
    let c = Case::new();
    c.edit(TOML, "number = 5", "number = \"五\"");
    let en = c.fails_with(
        1,
        &["pages[0].number: invalid type: string \"五\", expected a whole number"],
    );
    assert!(!en.contains("u32") && !en.contains("i64"), "{en}");
    c.build_harmless(&c.ed, &[])
        .in_chinese()
        .expect_exit(1)
        .stderr_contains("pages[0].number: 类型不对：这里写的是文字 \"五\"，应为整数");
}

#[test]
fn toml_syntax_error_in_front_matter() {
    Case::new()
        .edit(
            MD,
            "caption = \"通城内冲瑶族文化\"",
            "caption = 通城内冲瑶族文化",
        )
        .fails_with(1, &["ed/feature.md:39:"]);
}

#[test]
fn toml_duplicate_key() {
    Case::new()
        .edit(
            TOML,
            "date = 2021-03-01",
            "date = 2021-03-01\npaper = \"又一\"",
        )
        .fails_with(1, &["ed/edition.toml:10:", "duplicate key"]);
}

#[test]
fn toml_nested_without_end() {
    let c = Case::new();
    c.table(&format!("deep = {}", "[".repeat(100_000)));
    c.fails_with(1, &["ed/edition.toml:"]);
}

#[test]
fn toml_impossible_date() {
    Case::new()
        .edit(TOML, "date = 2021-03-01", "date = 2021-02-30")
        .fails_with(1, &["ed/edition.toml:9:"]);
}

#[test]
fn toml_date_with_time() {
    Case::new()
        .edit(TOML, "date = 2021-03-01", "date = 2021-03-01T08:00:00")
        .fails_with(1, &["ed/edition.toml:9:8: date: expected a date"]);
}

// ---------------------------------------------------------------- wrong types

#[test]
fn wrong_type_page_number() {
    Case::new()
        .edit(TOML, "number = 5", "number = \"五\"")
        .fails_with(
            1,
            &["ed/edition.toml:17:10: pages[0].number: invalid type: string \"五\""],
        );
}

#[test]
fn wrong_type_date() {
    Case::new()
        .edit(TOML, "date = 2021-03-01", "date = \"2021-03-01\"")
        .fails_with(1, &["ed/edition.toml:9:8: date: invalid type"]);
}

#[test]
fn wrong_type_caption() {
    Case::new()
        .edit(MD, "caption = \"通城内冲瑶族文化\"", "caption = 7")
        .fails_with(
            1,
            &["ed/feature.md:39:11: photos[1].caption: invalid type: integer `7`"],
        );
}

#[test]
fn wrong_type_byline_names() {
    Case::new()
        .edit(MD, "names = [\"周莹\"]", "names = \"周莹\"")
        .fails_with(1, &["ed/feature.md:9:", "byline[0].names: invalid type"]);
}

#[test]
fn wrong_type_headline() {
    Case::new()
        .edit(MD, "headline = [\"载入史册的答卷\", \"矗立大地的丰碑\"]", "headline = 12")
        .fails_with(
            1,
            &["ed/feature.md:6:12: headline: invalid type: integer `12`, expected a string or a list of strings"],
        );
}

#[test]
fn wrong_type_format_width() {
    Case::new()
        .edit(TOML, "width_mm = 390", "width_mm = \"390mm\"")
        .fails_with(1, &["ed/edition.toml:12:12: format.width_mm: invalid type"]);
}

#[test]
fn format_width_not_a_number() {
    Case::new()
        .edit(TOML, "width_mm = 390", "width_mm = nan")
        .fails_with(1, &["ed/edition.toml:", "format", "between 50 and 2000"]);
}

// ------------------------------------------------------------- missing fields

#[test]
fn missing_paper() {
    Case::new()
        .edit(TOML, "paper = \"咸宁日报\"\n", "")
        .fails_with(1, &["ed/edition.toml", "missing field `paper`"]);
}

#[test]
fn missing_headline() {
    Case::new()
        .edit(
            MD,
            "headline = [\"载入史册的答卷\", \"矗立大地的丰碑\"]\n",
            "",
        )
        .fails_with(1, &["ed/feature.md", "missing field `headline`"]);
}

#[test]
fn missing_photo_caption() {
    Case::new()
        .edit(MD, "caption = \"通城内冲瑶族文化\"\n", "")
        .fails_with(
            1,
            &["ed/feature.md:", "photos[1]", "missing field `caption`"],
        );
}

#[test]
fn missing_pages() {
    let c = Case::new();
    let text = c.read(TOML);
    c.write(TOML, &text[..text.find("[[pages]]").unwrap()]);
    c.fails_with(1, &["ed/edition.toml", "missing field `pages`"]);
}

// ------------------------------------------------------------- unknown fields

#[test]
fn unknown_field_in_edition() {
    Case::new().edit(TOML, "paper = ", "papr = ").fails_with(
        1,
        &[
            "ed/edition.toml:8:1",
            "unknown field `papr`",
            "did you mean `paper`?",
        ],
    );
}

#[test]
fn unknown_field_in_article() {
    Case::new()
        .edit(MD, "subheadline = ", "subheadlin = ")
        .fails_with(
            1,
            &[
                "ed/feature.md:7:1: subheadlin: unknown field `subheadlin`",
                "did you mean `subheadline`?",
            ],
        );
}

#[test]
fn unknown_field_in_limits() {
    Case::new().table("[limits]\npicture_pixel = 5").fails_with(
        1,
        &[
            "ed/edition.toml:",
            "limits",
            "unknown field `picture_pixel`",
            "did you mean `picture_pixels`?",
        ],
    );
}

// ---------------------------------------------------------------- empty files

#[test]
fn empty_edition_toml() {
    Case::new()
        .write(TOML, "")
        .fails_with(1, &["ed/edition.toml", "missing field `paper`"]);
}

#[test]
fn empty_article() {
    Case::new().write(MD, "").fails_with(
        1,
        &["ed/feature.md:1:1: an article starts with a `+++` line"],
    );
}

#[test]
fn article_without_body() {
    let c = Case::new();
    let text = c.read(MD);
    c.write(MD, &text[..text.rfind("+++").unwrap() + 4]);
    c.fails_with(1, &["ed/feature.md:69:1: the article has no body text"]);
}

#[test]
fn front_matter_never_closes() {
    let c = Case::new();
    let text = c.read(MD).replace("\n+++\n", "\n");
    c.write(MD, text);
    c.fails_with(
        1,
        &["ed/feature.md:1:1: the front matter opened here never closes"],
    );
}

#[test]
fn yaml_front_matter() {
    let c = Case::new();
    let text = c.read(MD).replace("+++\n", "---\n");
    c.write(MD, text);
    c.fails_with(
        1,
        &["ed/feature.md:1:1: an article starts with a `+++` line"],
    );
}

// ------------------------------------------------------------------ encodings

#[test]
fn invalid_utf8_in_edition() {
    let c = Case::new();
    let mut bytes = std::fs::read(c.path(TOML)).unwrap();
    let at = bytes.windows(4).position(|w| w == b"[[pa").unwrap() + 3;
    bytes.insert(at, 0xFF);
    c.write(TOML, bytes);
    c.fails_with(1, &["ed/edition.toml:16:4: the file is not valid UTF-8"]);
}

#[test]
fn invalid_utf8_in_article() {
    let c = Case::new();
    let text = c.read(MD);
    let mut bytes = text.into_bytes();
    // Cut a Chinese character of the body in half.
    let at = bytes.windows(3).position(|w| w == "咸".as_bytes()).unwrap();
    let body = at
        + bytes[at..]
            .windows(9)
            .position(|w| w == "咸宁是".as_bytes())
            .unwrap();
    bytes.remove(body + 1);
    c.write(MD, bytes);
    c.fails_with(1, &["ed/feature.md:70:1: the file is not valid UTF-8"]);
}

#[test]
fn latin1_article() {
    Case::new()
        .write(MD, b"+++\nheadline = \"caf\xe9\"\n+++\n\nbody\n")
        .fails_with(1, &["ed/feature.md:2:16: the file is not valid UTF-8"]);
}

#[test]
fn bom_and_crlf_simply_work() {
    let c = Case::new();
    for name in [TOML, MD] {
        let text = c.read(name).replace('\n', "\r\n");
        c.write(name, format!("\u{FEFF}{text}"));
    }
    c.build_dir(&c.ed, &[]).expect_success();
    assert!(
        std::fs::read(c.out_pdf()).unwrap() == good_pdf(),
        "a BOM and CRLF change nothing on the page"
    );
}

// ----------------------------------------------------------------- body markup

#[test]
fn unbalanced_bold() {
    Case::new()
        .edit(
            MD,
            "**突出“三抓”,凝聚思想共识。**",
            "**突出“三抓”,凝聚思想共识。",
        )
        .fails_with(
            1,
            &[
                "ed/feature.md:",
                ": body: bold `**` opened here is not closed in the same paragraph",
            ],
        );
}

#[test]
fn empty_section_head() {
    Case::new()
        .edit(MD, "## 找准贫困原因 选对脱贫路径", "## ")
        .fails_with(
            1,
            &["ed/feature.md:74:1: body: a section head (`## `) has no text"],
        );
}

// ------------------------------------------------------------ size and limits

#[test]
fn paragraph_of_200000_characters() {
    let c = Case::new();
    let text = c.read(MD);
    c.write(MD, format!("{text}\n{}\n", "贫".repeat(200_000)));
    c.fails_with(
        1,
        &[
            "ed/feature.md:69:1: body: the article has 20",
            "characters, 20",
            "of them in the body; the limit is 50000 ([limits] article_chars in edition.toml)",
        ],
    );
}

#[test]
fn paragraph_of_spaces_builds() {
    // 300,000 blanks between two marks: every blank is a neighbour search
    // for the punctuation corrector, which must not make it quadratic.
    let c = Case::new();
    let text = c.read(MD);
    c.write(MD, format!("{text}\n中,{}\"文\n", " ".repeat(300_000)));
    c.build_dir(&c.ed, &[])
        .expect_success()
        .stderr_contains("feature.md:102 (2)");
}

/// 10,000 `[[photos]]` entries.
fn ten_thousand_photos() -> Case {
    let c = Case::new();
    let many: String = (0..10_000)
        .map(|i| format!("[[photos]]\nfile = \"photos/p{i}.jpg\"\ncaption = \"图{i}\"\n"))
        .collect();
    c.front(&many);
    c
}

#[test]
fn ten_thousand_photos_pass_the_character_limit() {
    ten_thousand_photos().fails_with(
        1,
        &[
            "ed/feature.md:2:1: the article has",
            "of them in the front matter; the limit is 50000 ([limits] article_chars",
        ],
    );
}

#[test]
fn ten_thousand_photos_within_a_raised_character_limit() {
    let c = ten_thousand_photos();
    c.table("[limits]\narticle_chars = 1000000");
    c.fails_with(
        1,
        &[
            "ed/feature.md:",
            ": photos[50]: the article has 10009 photos; the limit is 50 ([limits] photos in edition.toml)",
        ],
    );
}

#[test]
fn a_hundred_thousand_quote_items() {
    let c = Case::new();
    let items = "\"好\",".repeat(100_000);
    c.edit(
        MD,
        "items = [\n  \"现行标准下",
        &format!("items = [{items}\n  \"现行标准下"),
    );
    c.fails_with(
        1,
        &[
            "ed/feature.md:2:1: the article has 40",
            "of them in the front matter; the limit is 50000",
        ],
    );
}

#[test]
fn one_article_listed_seventy_thousand_times() {
    let names = vec!["\"feature.md\""; 70_000].join(",");
    Case::new()
        .edit(TOML, "articles = [\"feature.md\"]", &format!("articles = [{names}]"))
        .fails_with(
            1,
            &["ed/edition.toml:20:26: pages[0].articles[1]: article file feature.md is listed twice (first at ", "ed/edition.toml:20:13: pages[0].articles[0])"],
        );
}

#[test]
fn article_larger_than_its_limit() {
    Case::new()
        .table("[limits]\narticle_bytes = 1000")
        .fails_with(
            1,
            &[
                "ed/feature.md: the file is 12.3 KiB (12644 bytes)",
                "the limit is 1000 bytes ([limits] article_bytes in edition.toml)",
            ],
        );
}

#[test]
fn article_of_two_mebibytes() {
    let c = Case::new();
    let text = c.read(MD);
    c.write(MD, format!("{text}\n{}\n", "x\n\n".repeat(700_000)));
    c.fails_with(
        1,
        &[
            "ed/feature.md: the file is 2.0 MiB (",
            "the limit is 1 MiB ([limits] article_bytes in edition.toml)",
        ],
    );
}

#[test]
fn edition_toml_of_two_mebibytes() {
    let c = Case::new();
    c.table(&format!("# {}", "x".repeat(2 * 1024 * 1024)));
    c.fails_with(
        1,
        &[
            "ed/edition.toml: the file is 2.0 MiB (",
            "the limit is 1 MiB (edition.toml's own limit, which [limits] does not change)",
        ],
    );
}

#[test]
fn edition_larger_than_its_limit() {
    Case::new()
        .table("[limits]\nedition_bytes = 5000")
        .fails_with(
            1,
            &[
                "ed/feature.md: with this file the edition's files add up to",
                "the limit is 4.9 KiB (5000 bytes) ([limits] edition_bytes in edition.toml)",
            ],
        );
}

#[test]
fn picture_larger_than_its_limit() {
    let c = Case::new();
    c.write(PHOTO, jpeg())
        .table("[limits]\npicture_bytes = 100");
    c.fails_with(
        1,
        &[
            "ed/feature.md:34:8: photos[0].file: picture ",
            "01-tongshan-mufushan-road.jpg: the file is",
            "the limit is 100 bytes ([limits] picture_bytes in edition.toml)",
        ],
    );
}

#[test]
fn limits_out_of_range() {
    Case::new().table("[limits]\nphotos = 0").fails_with(
        1,
        &[
            "ed/edition.toml:",
            "limits.photos: must be between 1 and 1000, not 0",
        ],
    );
}

#[test]
fn limits_of_the_wrong_type() {
    Case::new()
        .table("[limits]\narticle_bytes = \"1 MiB\"")
        .fails_with(
            1,
            &["ed/edition.toml:23:17: limits.article_bytes: invalid type: string"],
        );
}

#[test]
fn raised_limits_are_honoured() {
    let c = Case::new();
    c.write(PHOTO, jpeg())
        .table("[limits]\narticle_bytes = 2000000\nphotos = 60\npicture_pixels = 50000");
    c.builds();
}

// ------------------------------------------------------------------- pictures

#[test]
fn real_pictures_are_set() {
    let c = Case::new();
    c.write(PHOTO, jpeg()).write("photos/x.png", png()).edit(
        MD,
        "photos/02-tongcheng-neichong-yao-culture.jpg",
        "photos/x.png",
    );
    let err = c.builds();
    assert!(!err.contains("01-tongshan"), "{err}");
    assert!(!err.contains("x.png"), "{err}");
}

#[test]
fn picture_path_with_dot_dot() {
    Case::new()
        .edit(MD, PHOTO, "../../etc/passwd")
        .fails_with(
            1,
            &["ed/feature.md:34:8: photos[0].file: picture path \"../../etc/passwd\" must be relative and stay inside the edition folder"],
        );
}

#[test]
fn picture_path_absolute() {
    Case::new().edit(MD, PHOTO, "/etc/passwd").fails_with(
        1,
        &["ed/feature.md:34:8: photos[0].file: picture path \"/etc/passwd\" must be relative"],
    );
}

#[cfg(unix)]
#[test]
fn picture_symlink_out_of_the_edition() {
    let c = Case::new();
    let secret = c.dir.path().join("secret.jpg");
    std::fs::write(&secret, jpeg()).unwrap();
    std::fs::create_dir_all(c.path("photos")).unwrap();
    std::os::unix::fs::symlink(&secret, c.path(PHOTO)).unwrap();
    c.fails_with(
        1,
        &["ed/feature.md:34:8: photos[0].file: picture path \"photos/01-tongshan-mufushan-road.jpg\" leads outside the edition folder"],
    );
}

#[cfg(unix)]
#[test]
fn article_symlink_out_of_the_edition() {
    let c = Case::new();
    let outside = c.dir.path().join("elsewhere.md");
    std::fs::rename(c.path(MD), &outside).unwrap();
    std::os::unix::fs::symlink(&outside, c.path(MD)).unwrap();
    c.fails_with(
        1,
        &["ed/edition.toml:20:13: pages[0].articles[0]: article file feature.md leads outside the edition folder"],
    );
}

#[test]
fn article_path_with_dot_dot() {
    Case::new()
        .edit(TOML, "[\"feature.md\"]", "[\"../../feature.md\"]")
        .fails_with(1, &["ed/edition.toml:20:13: pages[0].articles[0]: \"../../feature.md\" must be a path inside the edition folder"]);
}

#[test]
fn truncated_jpeg() {
    let mut bytes = jpeg();
    bytes.truncate(bytes.len() - 100);
    Case::new().write(PHOTO, bytes).fails_with(
        1,
        &[
            "ed/feature.md:34:8: photos[0].file: picture ",
            "01-tongshan-mufushan-road.jpg is cut short (JPEG without its end-of-image marker)",
        ],
    );
}

#[test]
fn jpeg_cut_inside_its_headers() {
    let mut bytes = jpeg();
    bytes.truncate(40);
    Case::new().write(PHOTO, bytes).fails_with(
        1,
        &[
            "photos[0].file: picture ",
            "is cut short (JPEG ends inside its headers)",
        ],
    );
}

#[test]
fn png_with_a_bad_crc() {
    let mut bytes = png();
    // A byte of the image data: the IDAT chunk's checksum no longer matches.
    let idat = bytes.windows(4).position(|w| w == b"IDAT").unwrap();
    bytes[idat + 10] ^= 0x55;
    let c = Case::new();
    c.write("photos/x.png", bytes)
        .edit(MD, PHOTO, "photos/x.png");
    c.fails_with(
        1,
        &[
            "ed/feature.md:34:8: photos[0].file: picture ",
            "x.png is damaged (PNG chunk IDAT at byte 33 fails its CRC check)",
        ],
    );
}

#[test]
fn zero_byte_picture() {
    Case::new().write(PHOTO, b"").fails_with(
        1,
        &[
            "ed/feature.md:34:8: photos[0].file: picture ",
            "01-tongshan-mufushan-road.jpg is empty (0 bytes)",
        ],
    );
}

#[test]
fn png_claiming_100000_by_100000_pixels() {
    let c = Case::new();
    c.write("photos/huge.png", png_claiming(100_000, 100_000))
        .edit(MD, PHOTO, "photos/huge.png");
    c.fails_with(
        1,
        &["ed/feature.md:34:8: photos[0].file: picture ", "huge.png is 100000 × 100000 pixels (10000000000); the limit is 200000000 pixels ([limits] picture_pixels in edition.toml)"],
    );
}

#[test]
fn jpeg_claiming_65535_by_65535_pixels() {
    let mut bytes = jpeg();
    let sof = bytes.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    bytes[sof + 5..sof + 9].copy_from_slice(&[0xFF; 4]);
    Case::new()
        .write(PHOTO, bytes)
        .fails_with(1, &["photos[0].file: picture ", "is 65535 × 65535 pixels"]);
}

#[test]
fn text_file_named_jpg() {
    Case::new().write(PHOTO, "not a picture\n").fails_with(
        1,
        &["photos[0].file: picture ", "is not a JPEG or PNG picture"],
    );
}

#[test]
fn picture_that_is_a_folder() {
    let c = Case::new();
    std::fs::create_dir_all(c.path(PHOTO)).unwrap();
    c.fails_with(1, &["photos[0].file: picture ", "not a regular file"]);
}

// ------------------------------------- decoded size, damage, format (issue 12)

#[test]
fn png_bomb_is_refused_from_its_header_before_decoding() {
    // 14000 × 14000 16-bit RGBA: 196 megapixels, under picture_pixels, but
    // 1.5 GB once decoded. The file holds no image data at all: the refusal
    // must come from the header, before anything inflates or decodes.
    let c = Case::new();
    c.write("photos/bomb.png", png_claiming_as(14_000, 14_000, 16, 6))
        .edit(MD, PHOTO, "photos/bomb.png");
    let started = std::time::Instant::now();
    c.fails_with(
        1,
        &[
            "ed/feature.md:34:8: photos[0].file: picture ",
            "bomb.png would take 1495.4 MiB (1568000000 bytes) once decoded (14000 × 14000 pixels); the limit is 512 MiB ([limits] picture_decoded_bytes in edition.toml)",
        ],
    );
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

#[test]
fn pictures_of_an_edition_are_held_to_a_decoded_total() {
    // Two 256 × 192 grey pictures take 49152 bytes each once decoded.
    let c = Case::new();
    c.write(PHOTO, png())
        .write("photos/02-tongcheng-neichong-yao-culture.jpg", png())
        .table("[limits]\nedition_decoded_bytes = 60000");
    c.fails_with(
        1,
        &[
            "ed/feature.md:38:8: photos[1].file: with picture ",
            "the edition's pictures take 96 KiB once decoded; the limit is 58.6 KiB (60000 bytes) ([limits] edition_decoded_bytes in edition.toml)",
        ],
    );
}

#[test]
fn png_whose_image_data_is_short() {
    // Chunks and checksums are right, but the image data inflates to
    // nothing: 300 rows of 1 + 400 × 3 bytes were due.
    let c = Case::new();
    c.write("photos/short.png", png_claiming(400, 300))
        .edit(MD, PHOTO, "photos/short.png");
    c.fails_with(
        1,
        &[
            "ed/feature.md:34:8: photos[0].file: picture ",
            "short.png is cut short (PNG image data inflates to 0 of the 360300 bytes its header implies)",
        ],
    );
}

#[test]
fn jpeg_cut_in_half_and_patched_with_an_end_marker() {
    let whole = jpeg();
    let mut half = whole[..whole.len() / 2].to_vec();
    half.extend([0xFF, 0xD9]);
    Case::new().write(PHOTO, half).fails_with(
        1,
        &[
            "ed/feature.md:34:8: photos[0].file: picture ",
            "01-tongshan-mufushan-road.jpg is cut short (its JPEG image data stops at byte",
        ],
    );
}

#[test]
fn small_jpeg_claiming_14000_by_14000_pixels() {
    // A real 256 × 192 JPEG whose frame header says 14000 × 14000 (under
    // the pixel limit): its data holds a fraction of the blocks claimed.
    let mut bytes = jpeg();
    let sof = bytes.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    bytes[sof + 5..sof + 9].copy_from_slice(&[0x36, 0xB0, 0x36, 0xB0]);
    Case::new().write(PHOTO, bytes).fails_with(
        1,
        &[
            "photos[0].file: picture ",
            "is cut short (its JPEG image data stops at byte",
            "of its 3062500 blocks)",
        ],
    );
}

/// A 160 × 120 grey progressive JPEG (six scans, written by libjpeg).
fn progressive_jpeg() -> Vec<u8> {
    std::fs::read(root().join("tests/data/progressive.jpg")).unwrap()
}

#[test]
fn progressive_jpeg_builds_whole_and_is_refused_cut() {
    let whole = progressive_jpeg();
    Case::new().write(PHOTO, &whole).builds();
    // Cut inside a scan and patched with an end marker.
    let mut cut = whole[..whole.len() * 3 / 5].to_vec();
    cut.extend([0xFF, 0xD9]);
    Case::new().write(PHOTO, cut).fails_with(
        1,
        &[
            "ed/feature.md:34:8: photos[0].file: picture ",
            "is cut short (its JPEG image data stops at byte",
        ],
    );
    // Cut between scans: what is there is whole, but scans are missing.
    let second_scan = whole
        .windows(2)
        .enumerate()
        .filter(|(_, w)| *w == [0xFF, 0xDA])
        .nth(1)
        .unwrap()
        .0;
    let mut cut = whole[..second_scan].to_vec();
    cut.extend([0xFF, 0xD9]);
    Case::new()
        .write(PHOTO, cut)
        .fails_with(1, &["photos[0].file: picture ", "scans are missing"]);
}

#[test]
fn png_named_jpg_builds_as_png_with_a_warning() {
    let c = Case::new();
    c.write(PHOTO, png());
    let err = c.builds();
    assert!(
        err.contains("ed/feature.md:34:8: photos[0].file: picture photos/01-tongshan-mufushan-road.jpg is a PNG file named .jpg; it is set as the PNG it is (rename it to end in .png)"),
        "{err}"
    );
    assert!(!err.contains("photo.typ"), "{err}");
    assert!(std::fs::read(c.out_pdf()).unwrap() != good_pdf());
}

#[test]
fn jpeg_named_png_builds_as_jpeg_with_a_warning() {
    let c = Case::new();
    c.write("photos/x.png", jpeg())
        .edit(MD, PHOTO, "photos/x.png");
    let err = c.builds();
    assert!(
        err.contains("photos[0].file: picture photos/x.png is a JPEG file named .png; it is set as the JPEG it is (rename it to end in .jpg)"),
        "{err}"
    );
}

#[test]
fn picture_typst_cannot_decode_names_its_field() {
    // A lossless JPEG (SOF3) is whole, but Typst's decoder cannot set it:
    // the error names the photo field, not the layout's code.
    let mut bytes = jpeg();
    let sof = bytes.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    bytes[sof + 1] = 0xC3;
    let err = Case::new().write(PHOTO, bytes).fails_with(
        1,
        &[
            "ed/feature.md:34:8: photos[0].file: picture ",
            "01-tongshan-mufushan-road.jpg cannot be set: failed to decode image",
        ],
    );
    assert!(!err.contains("photo.typ"), "{err}");
}

// ---------------------------------------------------- control characters, NUL

#[test]
fn control_character_in_headline() {
    Case::new()
        .edit(MD, "\"载入史册的答卷\"", "\"载入史册\\u0007的答卷\"")
        .fails_with(
            1,
            &["ed/feature.md:6:12: headline: contains the control character U+0007"],
        );
}

#[test]
fn nul_in_body() {
    Case::new()
        .edit(MD, "咸宁是集老区", "咸宁是\0集老区")
        .fails_with(
            1,
            &["ed/feature.md:70:4: body: contains the control character U+0000"],
        );
}

#[test]
fn nul_in_paper() {
    Case::new()
        .edit(TOML, "\"咸宁日报\"", "\"咸宁\\u0000日报\"")
        .fails_with(
            1,
            &["ed/edition.toml:8:9: paper: contains the control character U+0000"],
        );
}

#[test]
fn escape_character_in_section() {
    Case::new()
        .edit(TOML, "\"特别报道\"", "\"特别\\u001B[31m报道\"")
        .fails_with(
            1,
            &["ed/edition.toml:18:11: pages[0].section: contains the control character U+001B"],
        );
}

#[test]
fn control_character_in_caption() {
    Case::new()
        .edit(MD, "\"通城内冲瑶族文化\"", "\"通城\\b内冲瑶族文化\"")
        .fails_with(
            1,
            &["ed/feature.md:39:11: photos[1].caption: contains the control character U+0008"],
        );
}

// --------------------------------------------------------- pages and output

#[test]
fn page_number_zero() {
    Case::new()
        .edit(TOML, "number = 5", "number = 0")
        .fails_with(
            1,
            &["ed/edition.toml:17:10: pages[0].number: a page number from 1 to 999"],
        );
}

#[test]
fn page_number_huge() {
    Case::new()
        .edit(TOML, "number = 5", "number = 99999999999999")
        .fails_with(
            1,
            &["ed/edition.toml:17:10: pages[0].number: a page number from 1 to 999"],
        );
}

#[test]
fn page_number_negative() {
    Case::new()
        .edit(TOML, "number = 5", "number = -5")
        .fails_with(
            1,
            &["ed/edition.toml:17:10: pages[0].number: a page number from 1 to 999"],
        );
}

#[test]
fn layout_path_escape() {
    Case::new()
        .edit(
            TOML,
            "layout = \"feature\"",
            "layout = \"../../etc/passwd\"",
        )
        .fails_with(
            1,
            &["ed/edition.toml:19:10: pages[0].layout: \"../../etc/passwd\" is not a layout name"],
        );
}

#[test]
fn unsafe_edition_folder_names() {
    for name in [
        "bad name",
        ".hidden",
        "semi;colon",
        "new\nline",
        "a\\b",
        "中 文",
    ] {
        let c = Case::new();
        let other = copy_edition(&seed(), c.dir.path(), name);
        c.fails_dir(&other, &[], 1, &["is not a safe edition id"]);
    }
}

#[cfg(unix)]
#[test]
fn edition_toml_that_is_a_pipe() {
    let c = Case::new();
    std::fs::remove_file(c.path(TOML)).unwrap();
    let status = std::process::Command::new("mkfifo")
        .arg(c.path(TOML))
        .status()
        .unwrap();
    assert!(status.success());
    c.fails_with(1, &["ed/edition.toml: not a regular file"]);
}

#[test]
fn edition_toml_that_is_a_folder() {
    let c = Case::new();
    std::fs::remove_file(c.path(TOML)).unwrap();
    std::fs::create_dir(c.path(TOML)).unwrap();
    c.fails_with(1, &["ed/edition.toml: not a regular file"]);
}

#[test]
fn no_edition_toml() {
    let c = Case::new();
    std::fs::remove_file(c.path(TOML)).unwrap();
    c.fails_with(1, &["ed/edition.toml: No such file"]);
}

// ---------------------------------------------------------------- usage, fonts

#[test]
fn usage_errors_exit_2() {
    let c = Case::new();
    c.build_harmless(&c.ed, &["--ppi", "0"]).expect_exit(2);
    c.build_harmless(&c.ed, &["--frobnicate"]).expect_exit(2);
}

#[test]
fn fonts_folder_without_fonts() {
    let c = Case::new();
    let fonts = c.dir.path().join("fonts");
    std::fs::create_dir_all(&fonts).unwrap();
    std::fs::write(fonts.join("broken.otf"), b"OTTO not really a font").unwrap();
    std::fs::write(fonts.join("empty.ttf"), b"").unwrap();
    let f = fonts.to_str().unwrap();
    banmian(c.dir.path(), &["fonts", "--fonts", f])
        .leaves_untouched("out")
        .leaves_untouched("output")
        .expect_exit(1)
        .stderr_contains("fonts: no font files found");
    c.fails_dir(&c.ed, &["--fonts", f], 1, &["fonts: no font files found"]);
}

#[test]
fn fonts_folder_that_does_not_exist() {
    let c = Case::new();
    banmian(c.dir.path(), &["fonts", "--fonts", "nowhere"])
        .expect_exit(1)
        .stderr_contains("nowhere: not a folder (fonts)");
}
