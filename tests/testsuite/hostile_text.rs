//! Hostile text that is valid copy (issue 7): template syntax in every
//! field is printed as written; emoji, combining marks, right-to-left text
//! and characters outside every font build, and a character no font has is
//! a warning naming its code point, file, line and field.

use crate::support::{banmian, copy_edition, edit, pdf_text, seed};

/// Every construct that would mean something to Typst, in one string.
const HOSTILE: &str = r##"#panic()#read("/etc/passwd")][$\"<tag>@label"##;

/// `HOSTILE` as a TOML basic string body.
fn toml_escaped() -> String {
    HOSTILE.replace('\\', "\\\\").replace('"', "\\\"")
}

#[test]
fn template_syntax_in_every_field_is_printed_literally() {
    let dir = tempfile::tempdir().unwrap();
    let ed = copy_edition(&seed(), dir.path(), "ed");
    let (md, toml) = (ed.join("feature.md"), ed.join("edition.toml"));
    let h = toml_escaped();
    let q = |s: &str| format!("\"{s}{h}\"");
    // edition.toml: paper, section and the staff lines.
    edit(&toml, "\"咸宁日报\"", &q("咸宁日报"));
    edit(&toml, "\"特别报道\"", &q("特别报道"));
    edit(
        &toml,
        "articles = [\"feature.md\"]",
        &format!(
            "articles = [\"feature.md\"]\neditor = {}\ndesigner = {}\nproofreader = {}",
            q("甲"),
            q("乙"),
            q("丙")
        ),
    );
    // The article's front matter, field by field.
    edit(
        &md,
        "headline = [\"载入史册的答卷\", \"矗立大地的丰碑\"]",
        &format!(
            "kicker = {}\nheadline = [{}, {}]",
            q("引"),
            q("载入史册的答卷"),
            q("矗立大地的丰碑")
        ),
    );
    edit(&md, "\"——咸宁市打赢脱贫攻坚纪实\"", &q("——纪实"));
    edit(&md, "role = \"通讯员\"", &format!("role = {}", q("通讯员")));
    edit(
        &md,
        "names = [\"周莹\"]",
        &format!("names = [{}]", q("周莹")),
    );
    edit(
        &md,
        "\"习近平总书记在全国脱贫攻坚总结表彰大会上的讲话摘要\"",
        &q("讲话摘要"),
    );
    edit(
        &md,
        "\"脱贫摘帽不是终点,而是新生活、新奋斗的起点。这个起点,擦亮了奋斗的底色,凝聚着迈向更好生活的力量。\"",
        &q("脱贫摘帽不是终点。"),
    );
    edit(&md, "\"八年扶贫大事记\"", &q("大事记"));
    edit(&md, "date = \"2017年\"", &format!("date = {}", q("2017年")));
    edit(
        &md,
        "\"我市健康扶贫工作在全国作典型发言。\"",
        &q("典型发言。"),
    );
    edit(
        &md,
        "caption = \"通城内冲瑶族文化\"",
        &format!("caption = {}\ncredit = {}", q("瑶族文化"), q("摄影者")),
    );
    // The body: a section head, a bold lead-in and running text.
    edit(
        &md,
        "## 找准贫困原因 选对脱贫路径",
        &format!("## 找准路径{HOSTILE}"),
    );
    edit(
        &md,
        "**突出“三抓”,凝聚思想共识。**",
        &format!("**突出“三抓”{HOSTILE}**正文{HOSTILE}"),
    );

    banmian(
        dir.path(),
        &["build", ed.to_str().unwrap(), "-o", "out", "--no-punct-fix"],
    )
    .expect_success();
    let text = pdf_text(&dir.path().join("out/ed-05.pdf"));
    let expect = [
        "咸宁日报",
        "特别报道",
        "甲",
        "乙",
        "丙",
        "引",
        "载入史册的答卷",
        "矗立大地的丰碑",
        "——纪实",
        "通讯员",
        "周莹",
        "讲话摘要",
        "脱贫摘帽不是终点。",
        "大事记",
        "2017年",
        "典型发言。",
        "瑶族文化",
        "摄影者",
        "找准路径",
        "突出“三抓”",
        "正文",
    ];
    let mut missing = Vec::new();
    for before in expect {
        let literal = format!("{before}{HOSTILE}");
        if !text.contains(&literal) {
            missing.push(literal);
        }
    }
    assert!(
        missing.is_empty(),
        "printed literally: {missing:#?}\nin:\n{text}"
    );
    assert!(
        !text.contains("root:"),
        "a file outside the edition was read"
    );
}

#[test]
fn scripts_and_marks_build_and_unknown_characters_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let ed = copy_edition(&seed(), dir.path(), "ed");
    let md = ed.join("feature.md");
    // Emoji (with a joiner and a variation selector), a combining acute,
    // Hebrew with a right-to-left override, and a private-use character as
    // OCR leaves them for rare characters.
    edit(
        &md,
        "\"八年扶贫大事记\"",
        "\"八年扶贫大事记😀👩\u{200D}🌾❤\u{FE0F}\"",
    );
    edit(
        &md,
        "咸宁是集老区",
        "咸宁是Cafe\u{301}\u{202E}שלום\u{202C}集老区\u{E001}",
    );
    // For print, a character no font has stops the build (it would print as
    // an empty box); nothing is written.
    let run =
        banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", "out"]).leaves_untouched("out");
    let zh = run.in_chinese();
    let en = run
        .expect_exit(1)
        .stderr_contains("Tofu")
        .stderr_contains("U+1F600");
    zh.output().says_in_chinese_what(&en);
    // As a proof it builds, and every such character is named.
    let err = crate::support::build_proof(dir.path(), &ed)
        .expect_success()
        .stderr_contains(
            "ed/feature.md:23: milestones.title: U+1F600 '😀' is in no font this build can use",
        )
        .stderr_contains("ed/feature.md:70: body: U+E001 '\\u{e001}' is a private-use character")
        .stderr();
    for invisible in ["U+200D", "U+FE0F", "U+202E", "U+202C", "U+0301"] {
        assert!(
            !err.lines()
                .any(|l| l.contains(invisible) && l.contains("is in no font")),
            "{invisible} needs no glyph:\n{err}"
        );
    }
    // The direction controls are named for what they do (issue 12).
    for control in ["U+202E", "U+202C"] {
        assert!(
            err.lines()
                .any(|l| l.contains(control) && l.contains("direction control")),
            "{control}:\n{err}"
        );
    }
    assert!(dir.path().join("out/ed-05.pdf").is_file());
}

#[test]
fn invisible_and_directional_characters_are_named_where_they_are() {
    // Copied in from web pages and other programs, they change the page
    // without being seen in the copy: a headline broken in two, a
    // paragraph split, a section head turned into body text by a
    // byte-order mark before its `## `, a caption printed backwards.
    let dir = tempfile::tempdir().unwrap();
    let ed = copy_edition(&seed(), dir.path(), "ed");
    let md = ed.join("feature.md");
    edit(&md, "\"载入史册的答卷\"", "\"载入史册\u{2028}的答卷\"");
    edit(
        &md,
        "\"通山幕阜山生态旅游公路\"",
        "\"通山幕阜山\u{202E}生态旅游公路\"",
    );
    edit(&md, "\n## 找准贫困原因", "\n\u{FEFF}## 找准贫困原因");
    edit(&md, "咸宁是集老区", "咸宁是\u{2029}集老区\u{200B}");
    let run = banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", "out"]);
    let zh = run.in_chinese().expect_success().stderr();
    let err = run.expect_success().stderr();
    // In Chinese each is named at the same place, for what it does.
    for (place, code) in [
        ("ed/feature.md:6: headline[0]: ", "U+2028"),
        ("ed/feature.md:35: photos[0].caption: ", "U+202E"),
        ("ed/feature.md:74: body: ", "U+FEFF"),
        (": body: ", "U+2029"),
        (": body: ", "U+200B"),
    ] {
        assert!(
            zh.lines().any(|l| l.starts_with("警告：")
                && l.contains(place)
                && l.contains(code)
                && l.contains("看不见")),
            "{place}{code} not named in Chinese:\n{zh}"
        );
    }
    for (place, code, what) in [
        ("ed/feature.md:6: headline[0]: ", "U+2028", "line separator"),
        (
            "ed/feature.md:35: photos[0].caption: ",
            "U+202E",
            "direction control",
        ),
        ("ed/feature.md:74: body: ", "U+FEFF", "byte-order mark"),
        (": body: ", "U+2029", "paragraph separator"),
        (": body: ", "U+200B", "zero-width"),
    ] {
        assert!(
            err.lines()
                .any(|l| l.contains(place) && l.contains(code) && l.contains(what)),
            "{place}{code} ({what}) not named:\n{err}"
        );
    }
    assert!(dir.path().join("out/ed-05.pdf").is_file());
}
