//! The desk's language (issue 16): Chinese when the locale is Chinese or
//! `--lang zh` asks for it, English otherwise; the place of a message
//! (file:line:column: field) the same in both.

use std::path::Path;

use crate::support::*;

/// A copy of the seed whose page number is written in Chinese numerals.
fn broken(dir: &Path) -> std::path::PathBuf {
    let ed = copy_edition(&seed(), dir, "ed");
    edit(&ed.join("edition.toml"), "number = 5", "number = \"五\"");
    ed
}

const PLACE: &str = "ed/edition.toml:17:10: pages[0].number: ";

#[test]
fn a_chinese_locale_gets_chinese_messages_and_lang_overrides_the_locale() {
    let dir = tempfile::tempdir().unwrap();
    broken(dir.path());
    let build = |extra: &[&str]| {
        let mut args = vec!["build", "ed", "-o", "out"];
        args.extend_from_slice(extra);
        banmian(dir.path(), &args).leaves_untouched("out")
    };
    let chinese = format!("错误：{PLACE}类型不对：这里写的是文字 \"五\"，应为整数");
    let english = format!("error: {PLACE}invalid type: string \"五\", expected a whole number");
    for run in [
        build(&[]).env("LANG", "zh_CN.UTF-8"),
        build(&[]).env("LC_MESSAGES", "zh_CN.UTF-8"),
        build(&["--lang", "zh"]),
        build(&["--lang=zh"]).env("LC_ALL", "en_US.UTF-8"),
    ] {
        run.expect_exit(1).stderr_starts_with(&chinese);
    }
    for run in [
        build(&[]),
        build(&["--lang", "en"]).env("LANG", "zh_CN.UTF-8"),
        // POSIX: LC_ALL outranks LANG.
        build(&[]).env("LC_ALL", "C").env("LANG", "zh_CN.UTF-8"),
    ] {
        run.expect_exit(1).stderr_starts_with(&english);
    }
}

#[test]
fn a_build_that_succeeds_warns_and_notes_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let ed = copy_edition(&seed(), dir.path(), "ed");
    let out = banmian(dir.path(), &["build", ed.to_str().unwrap(), "-o", "out"])
        .env("LANG", "zh_CN.UTF-8")
        .expect_success();
    let err = out.stderr();
    let mut warnings = 0;
    for line in err.lines().filter(|l| !l.trim().is_empty()) {
        assert!(
            !line.starts_with("warning:")
                && !line.starts_with("note:")
                && !line.starts_with("error:"),
            "an English label: {line}"
        );
        if line.starts_with("警告：") {
            warnings += 1;
        }
        if let Some(words) = english_sentence(line) {
            panic!("English in {line:?}: {words:?}");
        }
    }
    // The seed ships without its nine photos: each is named once, in Chinese.
    assert_eq!(err.matches("不存在，暂以占位框代替").count(), 9, "{err}");
    assert!(warnings >= 9, "{err}");
    assert!(err.contains("提示：已将 164 个半角标点改为全角"), "{err}");
    // … and not again by the preflight, as in English.
    assert_eq!(err.matches("图片缺失").count(), 0, "{err}");
    assert!(
        out.text().contains("已排好 ed 的 1 个版面"),
        "{}",
        out.text()
    );
}

#[test]
fn help_and_argument_errors_speak_chinese_and_english_stays_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let help = banmian(dir.path(), &["--lang", "zh", "build", "--help"])
        .expect_success()
        .stdout();
    for words in ["用法：banmian build", "选项：", "显示帮助", "付印"] {
        assert!(help.contains(words), "{words} missing:\n{help}");
    }
    for line in help.lines() {
        // Option names, value names and literals aside, no English.
        if let Some(words) = english_sentence(line) {
            panic!("English in the Chinese help: {line:?} ({words:?})");
        }
    }
    let english = banmian(dir.path(), &["build", "--help"])
        .expect_success()
        .stdout();
    assert!(english.contains("Usage: banmian build"), "{english}");
    assert!(english.contains("Print help"), "{english}");

    banmian(dir.path(), &["build", "--colr", "gray", "ed"])
        .env("LANG", "zh_CN.UTF-8")
        .expect_exit(2)
        .stderr_starts_with("错误：")
        .stderr_contains("--colr")
        .stderr_contains("--colour");
    banmian(dir.path(), &["build", "--colr", "gray", "ed"])
        .expect_exit(2)
        .stderr_starts_with("error: unexpected argument '--colr'");
}
