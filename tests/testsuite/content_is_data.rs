//! Content is data: text built to break templates is printed literally.

use crate::support::{banmian, copy_edition, edit, pdf_text, seed};

#[test]
fn template_syntax_in_every_field_is_printed_literally() {
    let dir = tempfile::tempdir().unwrap();
    let ed = copy_edition(&seed(), dir.path(), "hostile");
    let md = ed.join("feature.md");
    edit(&md, "\"载入史册的答卷\"", "\"载入史册#panic()的答卷\"");
    edit(&md, "——咸宁市打赢脱贫攻坚纪实", "——咸宁市$x$纪实");
    edit(&md, "通山幕阜山生态旅游公路", "通山<tag>公路@ref");
    edit(&md, "\"八年扶贫大事记\"", "\"八年]扶[贫\\\\大事记\"");
    edit(
        &md,
        "## 找准贫困原因 选对脱贫路径",
        "## 找准#read(\"/etc/passwd\") 选对_路径_",
    );
    edit(
        &md,
        "**突出“三抓”,凝聚思想共识。**",
        "**突出“三抓”,凝聚思想共识。***一*是`x`",
    );
    // Without punctuation correction, so that every character stays as written.
    banmian(
        dir.path(),
        &["build", ed.to_str().unwrap(), "-o", "out", "--no-punct-fix"],
    )
    .expect_success();
    let text = pdf_text(&dir.path().join("out/hostile-05.pdf"));
    for literal in [
        "载入史册#panic()的答卷",
        "——咸宁市$x$纪实",
        "通山<tag>公路@ref",
        "八年]扶[贫\\大事记",
        "找准#read(\"/etc/passwd\")",
        "选对_路径_",
        "凝聚思想共识。*一*是`x`",
    ] {
        assert!(
            text.contains(literal),
            "{literal} should be printed literally"
        );
    }
    assert!(
        !text.contains("root:"),
        "a file outside the edition was read"
    );
}
