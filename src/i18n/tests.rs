//! The catalogue is complete and consistent: both languages have the same
//! messages, every message the code asks for exists, with the arguments
//! the code gives it, and no message is left unused.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

use super::catalogue::{FILES, sources};
use super::{Lang, message_in};

/// Message ids the code builds at run time (a subcommand's or option's
/// `--help`, an I/O error's kind), so the source scan cannot see them.
const BUILT_AT_RUN_TIME: &[&str] = &["help-", "io-"];

/// Each message's variables, by id, in one language.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (name, text) in sources(lang) {
        let resource = fluent_syntax::parser::parse(text)
            .unwrap_or_else(|(_, errors)| panic!("{lang:?} {name}: {errors:?}"));
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(value) = &m.value {
                    pattern_vars(value, &mut vars);
                }
                let id = m.id.name.to_string();
                assert!(m.value.is_some(), "{lang:?} {name}: {id} has no text");
                assert!(
                    out.insert(id.clone(), vars).is_none(),
                    "{lang:?} {name}: {id} twice"
                );
            }
        }
    }
    out
}

fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

/// Every `t!("id", name = …)` in the source: id, argument names, where.
fn uses() -> Vec<(String, BTreeSet<String>, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        // The catalogue's own code and tests name the macro without using it.
        if entry.path().extension().is_none_or(|e| e != "rs")
            || entry.path().starts_with(src.join("i18n"))
        {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let file = entry
            .path()
            .strip_prefix(&src)
            .unwrap()
            .display()
            .to_string();
        for (at, _) in text.match_indices("t!(") {
            let before = text[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let line = text[..at].matches('\n').count() + 1;
            let rest = &text[at + 3..];
            let Some(rest) = rest.trim_start().strip_prefix('"') else {
                continue; // the macro's own definition
            };
            let id = &rest[..rest.find('"').unwrap()];
            let args = call_args(&rest[id.len() + 1..]);
            out.push((id.to_string(), args, format!("src/{file}:{line}")));
        }
    }
    assert!(out.len() > 50, "the scan found only {} messages", out.len());
    out
}

/// The names of `name = value` arguments up to the call's closing paren.
fn call_args(rest: &str) -> BTreeSet<String> {
    let mut depth = 0usize;
    let mut in_str = false;
    let mut escaped = false;
    let mut pieces = vec![String::new()];
    for c in rest.chars() {
        if in_str {
            pieces.last_mut().unwrap().push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                pieces.push(String::new());
                continue;
            }
            _ => {}
        }
        pieces.last_mut().unwrap().push(c);
    }
    pieces
        .iter()
        .filter_map(|p| {
            let (name, _) = p.split_once('=')?;
            let name = name.trim();
            (!name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_'))
                .then(|| name.to_string())
        })
        .collect()
}

#[test]
fn both_languages_have_the_same_messages() {
    let en = messages(Lang::En);
    let zh = messages(Lang::Zh);
    let en_ids: BTreeSet<_> = en.keys().collect();
    let zh_ids: BTreeSet<_> = zh.keys().collect();
    assert_eq!(
        en_ids.difference(&zh_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "in English only"
    );
    // `--help` texts are the doc comments in English (src/cmd/cli.rs) and
    // the catalogue's `help-…` messages in Chinese.
    assert_eq!(
        zh_ids
            .difference(&en_ids)
            .filter(|id| !id.starts_with("help-"))
            .collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "in Chinese only"
    );
}

#[test]
fn every_message_the_code_asks_for_exists_with_its_arguments() {
    let en = messages(Lang::En);
    let zh = messages(Lang::Zh);
    let mut problems = Vec::new();
    let mut used = BTreeSet::new();
    for (id, args, place) in uses() {
        used.insert(id.clone());
        let (Some(en_vars), Some(zh_vars)) = (en.get(&id), zh.get(&id)) else {
            problems.push(format!("{place}: no message {id}"));
            continue;
        };
        for (lang, vars) in [("en", en_vars), ("zh", zh_vars)] {
            if let Some(v) = vars.difference(&args).next() {
                problems.push(format!("{place}: {id} ({lang}) uses ${v}, not given"));
            }
        }
        let shown: BTreeSet<_> = en_vars.union(zh_vars).cloned().collect();
        if let Some(a) = args.difference(&shown).next() {
            problems.push(format!(
                "{place}: {id} is given {a}, which neither language shows"
            ));
        }
    }
    let all: BTreeSet<&String> = en.keys().chain(zh.keys()).collect();
    for id in all {
        if !used.contains(id) && !BUILT_AT_RUN_TIME.iter().any(|p| id.starts_with(p)) {
            problems.push(format!("{id} is never used"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_files_are_listed_and_parse() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n");
    for lang in ["en", "zh-CN"] {
        let mut on_disk: Vec<String> = std::fs::read_dir(dir.join(lang))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        on_disk.sort();
        let mut listed: Vec<String> = FILES.iter().map(|f| f.0.to_string()).collect();
        listed.sort();
        assert_eq!(on_disk, listed, "i18n/{lang}");
    }
    for lang in Lang::ALL {
        messages(lang);
    }
}

#[test]
fn languages_come_from_the_locale() {
    assert_eq!(Lang::from_tag("zh_CN.UTF-8"), Some(Lang::Zh));
    assert_eq!(Lang::from_tag("zh"), Some(Lang::Zh));
    assert_eq!(Lang::from_tag("zh-Hans"), Some(Lang::Zh));
    assert_eq!(Lang::from_tag("en_US.UTF-8"), Some(Lang::En));
    assert_eq!(Lang::from_tag("C"), Some(Lang::En));
    assert_eq!(Lang::from_tag(""), None);
}

#[test]
fn messages_take_numbers_and_english_plurals() {
    let args = |n: usize, choices: &str| {
        [
            ("name", "papr".into()),
            ("choices", choices.to_string().into()),
            ("count", n.into()),
        ]
    };
    let one = message_in(Lang::En, "toml-unknown-field", &args(1, "`paper`"));
    assert_eq!(one, "unknown field `papr`, expected `paper`");
    let two = message_in(Lang::En, "toml-unknown-field", &args(2, "`paper`, `date`"));
    assert_eq!(two, "unknown field `papr`, expected one of `paper`, `date`");
    let zh = message_in(Lang::Zh, "toml-unknown-field", &args(2, "`paper`、`date`"));
    assert_eq!(zh, "没有 `papr` 这个字段，可用的字段：`paper`、`date`");
}
