//! The seed page, built by the real binary and read back from the PDF it
//! wrote with independent tools (lopdf for structure, poppler for text and
//! fonts): one 390 × 540 mm page, every font embedded, every character of
//! the article present once, its captions, quotes and milestones set.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use crate::support::{
    Outcome, banmian, copy_edition, is_han, normalize, pdf_text, poppler, root, seed,
};

/// The seed page, built once for all the tests here.
struct Built {
    _dir: tempfile::TempDir,
    pdf: PathBuf,
    out: Outcome,
}

fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = banmian(
            dir.path(),
            &["build", seed().to_str().unwrap(), "-o", "out"],
        )
        .expect_success();
        let pdf = dir.path().join("out/xianning-2021-05.pdf");
        Built {
            _dir: dir,
            pdf,
            out,
        }
    })
}

fn seed_lines() -> Vec<String> {
    // A copy of shared/seed/xianning-feature.txt, the text as it reached us.
    std::fs::read_to_string(root().join("tests/data/xianning-feature.txt"))
        .expect("the seed text")
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn one_page_of_the_declared_trim_size() {
    let doc = lopdf::Document::load(&built().pdf).unwrap();
    let pages = doc.get_pages();
    assert_eq!(pages.len(), 1, "exactly one page");
    let page = doc
        .get_object(*pages.values().next().unwrap())
        .unwrap()
        .as_dict()
        .unwrap();
    let media = page.get(b"MediaBox").unwrap().as_array().unwrap();
    let n: Vec<f64> = media
        .iter()
        .map(|o| {
            o.as_float()
                .map(f64::from)
                .or_else(|_| o.as_i64().map(|i| i as f64))
                .unwrap()
        })
        .collect();
    let mm = |pt: f64| pt / 72.0 * 25.4;
    assert!(
        (mm(n[2] - n[0]) - 390.0).abs() < 0.05,
        "width {} mm",
        mm(n[2] - n[0])
    );
    assert!(
        (mm(n[3] - n[1]) - 540.0).abs() < 0.05,
        "height {} mm",
        mm(n[3] - n[1])
    );
}

#[test]
fn every_font_is_embedded() {
    let list = poppler("pdffonts", &[built().pdf.to_str().unwrap()]);
    let rows: Vec<&str> = list.lines().skip(2).collect();
    assert!(rows.len() >= 4, "expected the CJK faces, got:\n{list}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type [encoding] emb sub uni object ID: "emb" is the 5th column from the end.
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "font not embedded: {row}");
    }
    for family in ["NotoSerifCJK", "NotoSansCJK", "LXGWWenKai"] {
        assert!(list.contains(family), "{family} missing from:\n{list}");
    }
}

#[test]
fn every_character_of_the_article_is_present() {
    let lines = seed_lines();
    // Lines 104–110 of the seed repeat passages set earlier: not counted twice.
    let article: String = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !(103..110).contains(i))
        .map(|(_, l)| l.strip_prefix("- ").unwrap_or(l))
        .collect();
    let mut want: HashMap<char, usize> = HashMap::new();
    for c in article
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(normalize)
    {
        *want.entry(c).or_default() += 1;
    }
    let text = pdf_text(&built().pdf);
    let mut have: HashMap<char, usize> = HashMap::new();
    for c in text.chars().map(normalize) {
        *have.entry(c).or_default() += 1;
    }
    let missing: Vec<String> = want
        .iter()
        .filter(|(c, n)| have.get(c).copied().unwrap_or(0) < **n)
        .map(|(c, n)| format!("{c}: {} of {n}", have.get(c).copied().unwrap_or(0)))
        .collect();
    assert!(
        missing.is_empty(),
        "characters missing from the PDF: {missing:?}"
    );
    let han_want = article.chars().filter(|c| is_han(*c)).count();
    let han_have = text.chars().filter(|c| is_han(*c)).count();
    // The page adds only its folio, the placeholders' labels and nothing else.
    assert!(
        han_have >= han_want && han_have < han_want + 120,
        "Han characters: PDF {han_have}, article {han_want}"
    );
}

#[test]
fn repeated_passages_are_set_once_and_fragments_joined() {
    let text = pdf_text(&built().pdf);
    for once in [
        "定点帮扶工作取得明显成效",
        "坚持较真碰硬严格考核，是打赢脱贫攻坚战的坚强保障",
        "咸宁市赤壁市对口支援襄阳市南漳县",
    ] {
        assert_eq!(text.matches(once).count(), 1, "{once} should be set once");
    }
    for joined in [
        "贫困发生率17.49%",
        "攻克了一个又一个贫中之贫",
        "自然全部通动力电",
        "习近平总书记关于扶贫工作",
    ] {
        assert!(text.contains(joined), "{joined} should be joined");
    }
    for cut in [
        "两大方……",
        "……525所",
        "……间，深入187个",
        "适合弱……",
        "……批美丽乡村",
        "……成6户以上",
        "脱贫攻……",
    ] {
        assert!(text.contains(cut), "{cut} should be marked as cut");
    }
}

#[test]
fn captions_quotes_and_milestones_are_set() {
    let lines = seed_lines();
    let text = pdf_text(&built().pdf);
    let norm = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(normalize)
            .collect::<String>()
    };
    for n in [21, 25, 29, 35, 39, 43, 64, 68, 72] {
        let caption = &lines[n - 1];
        assert!(text.contains(&norm(caption)), "caption {caption} missing");
    }
    assert_eq!(text.matches('★').count(), 4, "four ★ quote items");
    for n in [11, 13, 15, 17] {
        assert!(
            text.contains(&norm(&lines[n - 1])),
            "quote item at seed line {n} missing"
        );
    }
    for n in 55..=60 {
        let item = lines[n - 1].strip_prefix("- ").unwrap();
        assert!(
            text.contains(&norm(item)),
            "milestone at seed line {n} missing"
        );
    }
    for part in [
        "载入史册的答卷",
        "矗立大地的丰碑",
        "——咸宁市打赢脱贫攻坚纪实",
        "咸宁日报全媒体记者",
        "八年扶贫大事记",
        "第5版",
        "2021年3月1日星期一",
    ] {
        assert!(text.contains(part), "{part} missing");
    }
    assert!(
        !text.contains(','),
        "a half-width comma was left in the page"
    );
}

#[test]
fn missing_pictures_are_warned_about_one_by_one() {
    let err = built().out.stderr();
    let warnings: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("warning:") && l.contains("not found"))
        .collect();
    assert_eq!(warnings.len(), 9, "{err}");
    assert!(
        warnings[0].contains("feature.md:") && warnings[0].contains("photos[0].file"),
        "{}",
        warnings[0]
    );
    assert!(err.contains("half-width marks full-width"), "{err}");
}

#[test]
fn metadata_names_title_authors_language_and_date() {
    let info = poppler("pdfinfo", &[built().pdf.to_str().unwrap()]);
    assert!(info.contains("载入史册的答卷 矗立大地的丰碑"), "{info}");
    assert!(info.contains("周莹"), "{info}");
    assert!(info.contains("2021"), "{info}");
    let doc = lopdf::Document::load(&built().pdf).unwrap();
    let lang = doc
        .catalog()
        .unwrap()
        .get(b"Lang")
        .unwrap()
        .as_str()
        .unwrap()
        .to_vec();
    assert_eq!(String::from_utf8(lang).unwrap(), "zh-CN");
}

#[test]
fn same_sources_give_the_same_bytes_and_no_machine_path() {
    // The same edition in two other places, built from two other working
    // directories: the bytes must not change.
    let first = std::fs::read(&built().pdf).unwrap();
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let mut pdfs = Vec::new();
    for (dir, sub) in [(&a, "one"), (&b, "two/deeper")] {
        let place = dir.path().join(sub);
        std::fs::create_dir_all(&place).unwrap();
        let ed = copy_edition(&seed(), &place, "xianning-2021");
        banmian(&place, &["build", ed.to_str().unwrap()]).expect_success();
        pdfs.push(place.join("output/xianning-2021/xianning-2021-05.pdf"));
    }
    for pdf in &pdfs {
        assert!(
            std::fs::read(pdf).unwrap() == first,
            "{} differs from the first build",
            pdf.display()
        );
    }
    // No machine path anywhere, compressed streams included.
    let mut doc = lopdf::Document::load(&pdfs[1]).unwrap();
    doc.decompress();
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let haystack = String::from_utf8_lossy(&bytes);
    let cwd = std::env::current_dir().unwrap();
    for leak in [root(), a.path().to_path_buf(), b.path().to_path_buf(), cwd] {
        let leak = leak.to_string_lossy().into_owned();
        assert!(
            !haystack.contains(&leak),
            "the PDF contains the machine path {leak}"
        );
    }
    for leak in ["/tmp/", "/home/", "/root/", "/work/"] {
        assert!(!haystack.contains(leak), "the PDF contains {leak}");
    }
}
