//! Copy checks (issue 16, point 3): a doubled mark, lines that look like
//! markup the format does not have, unpaired brackets and a credit that
//! already says who supplied the picture — each a warning naming file,
//! line and column; the text printed as written.

use crate::support::{build_proof, pdf_text, small_edition};

#[test]
fn slips_in_the_copy_are_reported_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let body = "他躺在床，，但没睡着。\n\n### 小标题\n\n- 列表一项\n\n> 引文一段\n\n《书名没有合上，说完了。";
    let ed = small_edition(dir.path(), "ed", "feature", body);
    let run = build_proof(dir.path(), &ed).expect_success();
    let said = run.stderr();
    for expected in [
        "ed/a.md:5:6: body: ，，: a mark typed twice",
        "ed/a.md:7:1: body: this line begins like a Markdown head other than `## `",
        "ed/a.md:9:1: body: this line begins like a Markdown list item",
        "ed/a.md:11:1: body: this line begins like a Markdown quotation",
        "ed/a.md:13:1: body: the paragraph's marks do not pair up: 《》 1 opening, 0 closing",
    ] {
        assert!(said.contains(expected), "no {expected:?} in:\n{said}");
    }
    // A proof exits 0 and says `warning:` for what refuses a print build
    // (the short body leaves the page underset), never `error:`.
    assert!(said.contains("(a print build refuses this)"), "{said}");
    assert!(!said.lines().any(|l| l.starts_with("error:")), "{said}");
    // Printed as written: the copy is never changed.
    let text = pdf_text(&dir.path().join("out/ed-01.pdf"));
    for kept in ["床，，但", "###小标题", "-列表一项", ">引文一段"] {
        assert!(text.contains(kept), "{kept} not on the page: {text}");
    }
}

#[test]
fn a_credit_that_says_who_supplied_the_picture_gets_no_second_credit() {
    let dir = tempfile::tempdir().unwrap();
    let ed = small_edition(
        dir.path(),
        "ed",
        "feature",
        &"青溪县新修通村公路，方便群众出行。".repeat(40),
    );
    let article = std::fs::read_to_string(ed.join("a.md")).unwrap().replacen(
        "headline = \"测试标题\"\n",
        "headline = \"测试标题\"\n\n[[photos]]\nfile = \"photos/a.jpg\"\ncaption = \"新修的公路\"\ncredit = \"市农业农村局供图\"\n\n[[photos]]\nfile = \"photos/b.jpg\"\ncaption = \"村口的桥\"\ncredit = \"张三\"\n",
        1,
    );
    std::fs::write(ed.join("a.md"), article).unwrap();
    let run = build_proof(dir.path(), &ed).expect_success();
    assert!(
        run.stderr().contains("ed/a.md:7:1: photos[0].credit: “市农业农村局供图” already ends in 供图: the caption prints it as written, without adding 摄"),
        "{}",
        run.stderr()
    );
    let text = pdf_text(&dir.path().join("out/ed-01.pdf"));
    assert!(
        text.contains("市农业农村局供图新修") || text.contains("新修的公路市农业农村局供图"),
        "{text}"
    );
    assert!(!text.contains("供图摄"), "{text}");
    assert!(
        text.contains("张三摄"),
        "a photographer's name gets 摄: {text}"
    );
}
