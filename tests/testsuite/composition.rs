//! Chinese line composition: the checker catches every rule it knows on a
//! page built to break them, and the feature layout keeps the rules on
//! paragraphs built to provoke them.

use std::path::Path;

use serde_json::Value;

use crate::support::{banmian, copy_edition, pdf_lines, root, seed, small_edition};

/// `banmian check … --json`: its exit code and what it printed.
fn check_json(cwd: &Path, args: &[&str]) -> (Option<i32>, Value) {
    let out = banmian(cwd, args).output();
    (out.code(), out.json())
}

fn findings(json: &Value) -> Vec<(String, String, u64, String)> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["region"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_checker_catches_every_rule_on_a_page_that_breaks_them() {
    let dir = tempfile::tempdir().unwrap();
    let layouts = dir.path().join("layouts");
    copy_edition(&root().join("layouts"), dir.path(), "layouts");
    std::fs::copy(
        root().join("tests/layouts/broken.typ"),
        layouts.join("broken.typ"),
    )
    .unwrap();
    let body = [
        "一二三四五/。六七八",
        "一二三四“/五六七八",
        "破折号—/—分开了",
        "一二三四五六七八/九",
        "中文,中文",
        "文字\u{13000}文字",
        "|一二三四/五六七八九十",
        "## 小标题",
        "=",
        "短行",
    ]
    .join("\n\n");
    let ed = small_edition(dir.path(), "broken", "broken", &body);
    let (code, json) = check_json(
        dir.path(),
        &[
            "check",
            ed.to_str().unwrap(),
            "--json",
            "--no-punct-fix",
            "--layouts",
            layouts.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(1), "findings make check exit 1");
    let found = findings(&json);
    let has = |rule: &str, region: &str, text: &str| {
        found
            .iter()
            .any(|(r, reg, _, t)| r == rule && reg == region && t.contains(text))
    };
    assert!(has("line-start", "column 1", "。六七八"), "{found:?}");
    assert!(has("line-end", "column 1", "一二三四“"), "{found:?}");
    assert!(has("split-pair", "column 1", "—分开了"), "{found:?}");
    assert!(has("single-char-line", "column 1", "九"), "{found:?}");
    assert!(
        has("half-width-punct", "column 1", "中文,中文"),
        "{found:?}"
    );
    assert!(has("tofu", "column 1", "文字"), "{found:?}");
    assert!(has("grid", "column 1", "一二三四"), "{found:?}");
    assert!(has("head-at-foot", "column 1", "小标题"), "{found:?}");
    assert!(has("widow", "column 2", "短行"), "{found:?}");
    let tofu = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "tofu")
        .unwrap();
    assert!(
        tofu["detail"].as_str().unwrap().contains("U+13000"),
        "{tofu}"
    );
    // Line numbers count down the region: "。六七八" is the second line.
    assert!(
        found
            .iter()
            .any(|(r, _, line, _)| r == "line-start" && *line == 2),
        "{found:?}"
    );
    // Nothing else is reported: the checker does not cry wolf.
    assert_eq!(found.len(), 9, "{found:?}");
}

/// Paragraphs that would break a rule if lines were broken naively.
const PROVOKING: &[&str] = &[
    // "。" would be the 11th character: the first line holds 10 after the indent.
    "一二三四五六七八九十。一二三四五六七八九十一二。",
    // "——" would straddle the first line's end.
    "一二三四五六七八九——十一二三四五六七八九十。",
    // "……" likewise.
    "一二三四五六七八九十……十一二三四五六七八九十一。",
    // An opening quote would end the first line.
    "一二三四五六七八九“十一”二三四五六七八九十一二。",
    // The last line would hold one character (23 characters: 10 + 12 + 1).
    "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天",
    // Latin and digits inside Chinese.
    "全市4G网络覆盖率达100%，贫困发生率17.49%，3A级景区新增8个。",
    // ASCII punctuation between Chinese characters.
    "中文,中文;测试:完成?是的!(括号)结束。",
];

#[test]
fn the_feature_layout_keeps_the_rules_on_provoking_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let ed = small_edition(dir.path(), "provoke", "feature", &PROVOKING.join("\n\n"));
    let (code, json) = check_json(dir.path(), &["check", ed.to_str().unwrap(), "--json"]);
    assert_eq!(findings(&json), vec![], "{json}");
    assert_eq!(code, Some(0));

    // Read the written PDF back with poppler: no line opens with a closing
    // mark or ends with an opening one, no pair is split, no half-width
    // comma is left between Chinese characters.
    // A few paragraphs leave the page underset: a proof PDF, not a print one.
    crate::support::build_proof(dir.path(), &ed).expect_success();
    let lines = pdf_lines(&dir.path().join("out/provoke-01.pdf"));
    assert!(lines.len() > 10, "{lines:?}");
    assert_lines_obey_the_rules(&lines);
    let text: String = lines.concat();
    for kept in [
        "4G网络",
        "100%",
        "17.49%",
        "3A级",
        "中文，中文；测试：完成？是的！（括号）结束。",
    ] {
        assert!(text.contains(kept), "{kept} in {text}");
    }
}

fn assert_lines_obey_the_rules(lines: &[String]) {
    for (i, line) in lines.iter().enumerate() {
        let first = line.chars().next().unwrap();
        let last = line.chars().last().unwrap();
        assert!(
            !banmian::check::NO_LINE_START.contains(first),
            "line {i} starts with {first}: {line}"
        );
        assert!(
            !banmian::check::NO_LINE_END.contains(last),
            "line {i} ends with {last}: {line}"
        );
        if let Some(next) = lines.get(i + 1) {
            for pair in ['—', '…'] {
                let tail = line.chars().rev().take_while(|c| *c == pair).count();
                let head = next.chars().take_while(|c| *c == pair).count();
                assert!(
                    tail % 2 == 0 || head % 2 == 0,
                    "{pair}{pair} split: {line} / {next}"
                );
            }
        }
        let chars: Vec<char> = line.chars().collect();
        for w in chars.windows(3) {
            let half = matches!(w[1], ',' | ';' | ':' | '?' | '!');
            assert!(
                !(half && banmian::han::is_han(w[0]) && banmian::han::is_han(w[2])),
                "half-width mark in {line}"
            );
        }
    }
}

#[test]
fn the_seed_page_passes_the_checker_and_poppler_agrees() {
    let dir = tempfile::tempdir().unwrap();
    let (code, json) = check_json(dir.path(), &["check", seed().to_str().unwrap(), "--json"]);
    assert_eq!(findings(&json), vec![], "{json}");
    assert_eq!(code, Some(0));
    assert_eq!(json["pages"][0]["chars_per_line"], 12);
    // The body's columns: the planner gives the body most of the page's
    // eight (the boxes may take two beside it).
    let columns = json["pages"][0]["columns"].as_u64().unwrap();
    assert!((6..=8).contains(&columns), "{json}");

    // The build reports no composition warning.
    banmian(
        dir.path(),
        &["build", seed().to_str().unwrap(), "-o", "out"],
    )
    .expect_success()
    .stderr_lacks("composition:");
    let lines = pdf_lines(&dir.path().join("out/xianning-2021-05.pdf"));
    assert!(lines.len() > 200, "{}", lines.len());
    assert_lines_obey_the_rules(&lines);
}

#[test]
fn without_correction_the_checker_flags_half_width_marks() {
    let dir = tempfile::tempdir().unwrap();
    let ed = small_edition(dir.path(), "ascii", "feature", "中文,中文;测试:完成。");
    let (code, json) = check_json(
        dir.path(),
        &["check", ed.to_str().unwrap(), "--json", "--no-punct-fix"],
    );
    assert_eq!(code, Some(1));
    let found = findings(&json);
    assert!(
        found
            .iter()
            .any(|(r, _, _, t)| r == "half-width-punct" && t.contains("中文,中文")),
        "{found:?}"
    );
}

#[test]
fn latin_and_digits_are_spaced_from_chinese() {
    let dir = tempfile::tempdir().unwrap();
    // One line, so that no boundary falls at a line end (where the space goes).
    let ed = small_edition(dir.path(), "latin", "feature", "市有4G网达17%。");
    let home = banmian::home::Home::locate(None, None).unwrap();
    let builder = banmian::build::Builder::new(home, false).unwrap();
    let pages = builder.lay_out(&ed, true).unwrap();
    let runs = banmian::check::lines::runs(&pages[0].1.document.pages()[0].frame);
    // Glyphs of the body, in reading order, with the space set after each
    // beyond its natural advance.
    let glyphs: Vec<(String, f64)> = runs
        .iter()
        .filter(|r| (r.size - 9.5).abs() < 0.01)
        .flat_map(|r| {
            r.glyphs
                .iter()
                .map(move |(t, set, natural)| (t.clone(), (set - natural) / r.size))
        })
        .collect();
    let text: String = glyphs.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(text, "市有4G网达17%。");
    let extra = |i: usize| glyphs[i].1;
    let at = |s: &str| glyphs.iter().position(|g| g.0 == s).unwrap();
    // A Chinese character next to a Latin letter or digit carries a quarter
    // em more than one between Chinese characters (before "4", after "G",
    // before "17%").
    let plain = extra(at("市"));
    for boundary in ["有", "网", "达"] {
        let added = extra(at(boundary)) - plain;
        assert!(
            (0.15..0.35).contains(&added),
            "{boundary}: {added:.2} em more than between Chinese characters"
        );
    }
}
