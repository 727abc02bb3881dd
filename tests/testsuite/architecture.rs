//! The shape of the code: the modules of `src/` import one another without
//! cycles (a module that needs another's pieces and is needed by it should
//! share a leaf module instead). Read from the sources, as a reviewer would.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Module path (`crate::content::article`, `bin::cmd::watch`) → file.
fn modules(src: &Path) -> BTreeMap<String, PathBuf> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(src) {
        let path = entry.unwrap().into_path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(src).unwrap().with_extension("");
        let mut parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts.last().is_some_and(|p| p == "mod") {
            parts.pop();
        }
        let root = if parts.first().is_some_and(|p| p == "main" || p == "cmd") {
            "bin"
        } else {
            "crate"
        };
        if parts == ["lib"] || parts == ["main"] {
            parts.clear();
        }
        let name = std::iter::once(root.to_string())
            .chain(parts)
            .collect::<Vec<_>>();
        out.insert(name.join("::"), path);
    }
    out
}

/// The source without comments, string literals' contents and its unit
/// tests (a message such as "use it" is no `use` declaration).
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => &text[..],
    };
    let text = without_strings(text);
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` with what is between a string literal's quotes left out (`'"'`,
/// a quote as a character, opens none).
fn without_strings(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        if in_string {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => {
                    in_string = false;
                    out.push('"');
                }
                '\n' => out.push('\n'),
                _ => {}
            }
            continue;
        }
        if c == '"' && !(prev == '\'' && chars.peek() == Some(&'\'')) {
            in_string = true;
        }
        // A `//` inside a string never reaches the comment stripping.
        out.push(c);
        prev = c;
    }
    out
}

/// Every path a `use` declaration names, braces expanded.
fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim_end_matches("::").trim();
        let inner = &tree[open + 1..tree.rfind('}').unwrap()];
        let base = join(prefix, head);
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(&base, &inner[start..i], out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        expand(&base, &inner[start..], out);
    } else if !tree.is_empty() {
        let item = tree.split(" as ").next().unwrap().trim();
        out.push(join(prefix, item));
    }
}

fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a}::{b}"),
    }
}

/// The paths a module's code names: its `use` declarations, and inline
/// `crate::…` and `super::…` paths.
fn named_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    // The code outside `use` declarations, for the inline paths.
    let mut rest = String::new();
    let mut i = 0;
    while let Some(at) = code[i..].find("use ") {
        let start = i + at;
        let boundary =
            start == 0 || !(bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_');
        let end = code[start..].find(';').map(|e| start + e);
        match end {
            Some(end) if boundary => {
                rest.push_str(&code[i..start]);
                expand("", &code[start + 4..end], &mut out);
                i = end + 1;
            }
            _ => {
                rest.push_str(&code[i..start + 4]);
                i = start + 4;
            }
        }
    }
    rest.push_str(&code[i..]);
    let code = rest.as_str();
    for root in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(root) {
            let start = from + at;
            let end = code[start..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(code.len(), |e| start + e);
            out.push(code[start..end].trim_end_matches(':').to_string());
            from = end.max(start + root.len());
        }
    }
    out
}

/// The module a path named in `module` refers to, if it is one of ours.
fn resolve(module: &str, path: &str, known: &BTreeMap<String, PathBuf>) -> Option<String> {
    let own: Vec<&str> = module.split("::").collect();
    let mut parts: Vec<&str> = path.split("::").collect();
    let mut full: Vec<&str> = match parts.first() {
        Some(&"crate") => {
            parts.remove(0);
            vec![own[0]]
        }
        Some(&"banmian") => {
            parts.remove(0);
            vec!["crate"]
        }
        Some(&"super") => {
            let mut base = own.clone();
            while parts.first() == Some(&"super") {
                parts.remove(0);
                base.pop();
            }
            base
        }
        Some(&"self") => {
            parts.remove(0);
            own.clone()
        }
        _ => own.clone(),
    };
    full.extend(parts);
    while !full.is_empty() {
        let name = full.join("::");
        if known.contains_key(&name) {
            return (name != module).then_some(name);
        }
        full.pop();
    }
    None
}

/// module → the modules it imports.
fn graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let known = modules(src);
    known
        .iter()
        .map(|(name, file)| {
            let deps = named_paths(&code(file))
                .iter()
                .filter_map(|p| resolve(name, p, &known))
                // The library as a whole, as the binary names it.
                .filter(|d| d != "crate")
                .collect();
            (name.clone(), deps)
        })
        .collect()
}

/// One cycle, if the graph has any.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(node.to_string(), 1);
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            match state.get(next.as_str()).copied().unwrap_or(0) {
                1 => {
                    let from = stack.iter().position(|n| n == next).unwrap();
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(next, graph, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(node.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if state.get(node.as_str()).copied().unwrap_or(0) == 0 {
            let mut stack = Vec::new();
            if let Some(c) = visit(node, graph, &mut state, &mut stack) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn the_modules_of_src_import_one_another_without_cycles() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = graph(&src);
    assert!(graph.len() > 40, "{} modules found", graph.len());
    // The reader sees real edges: the pipeline uses the composer.
    assert!(
        graph["crate::pipeline"].contains("crate::compose"),
        "{graph:#?}"
    );
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle: {}", cycle.join(" → "));
    }
}

#[test]
fn a_cycle_is_found_when_there_is_one() {
    let mut graph = BTreeMap::new();
    graph.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    graph.insert("b".to_string(), BTreeSet::from(["c".to_string()]));
    graph.insert("c".to_string(), BTreeSet::from(["a".to_string()]));
    assert_eq!(find_cycle(&graph).unwrap(), ["a", "b", "c", "a"]);
    graph.get_mut("c").unwrap().clear();
    assert_eq!(find_cycle(&graph), None);
}

#[test]
fn use_trees_are_expanded() {
    let paths = named_paths("use crate::a::{b, c::{d, e as f}};\nfn x() { super::g::h(); }");
    assert_eq!(
        paths,
        [
            "crate::a::b",
            "crate::a::c::d",
            "crate::a::c::e",
            "super::g::h"
        ]
    );
}
