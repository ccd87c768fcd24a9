//! The shape of the code, checked on every `cargo test`: the core never names a browser or CLI
//! crate, the browser layer never unwraps, and no two source files import each other (directly
//! or around a longer loop) through `crate::` or `super::` paths.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn files() -> Vec<(String, String)> {
    let mut paths = Vec::new();
    sources(Path::new("src"), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable");
            (p.to_string_lossy().replace('\\', "/"), text)
        })
        .collect()
}

/// The file's code without its `#[cfg(test)] mod tests` (tests may unwrap).
fn code(text: &str) -> &str {
    text.find("#[cfg(test)]\nmod tests {")
        .map_or(text, |i| &text[..i])
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
}

#[test]
fn the_core_names_no_browser_or_cli_crate() {
    let shell = |p: &str| p.starts_with("src/web/") || p == "src/cli.rs" || p == "src/main.rs";
    let mut found = Vec::new();
    for (path, text) in files().iter().filter(|(p, _)| !shell(p)) {
        for w in words(text) {
            if ["wasm_bindgen", "js_sys", "web_sys", "clap"].contains(&w) {
                found.push(format!("{path}: {w}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "core files name browser/CLI crates: {found:?}"
    );
}

#[test]
fn the_browser_layer_never_unwraps() {
    let mut found = Vec::new();
    for (path, text) in files().iter().filter(|(p, _)| p.starts_with("src/web/")) {
        for (n, line) in code(text).lines().enumerate() {
            if line.contains(".unwrap()") || line.contains(".expect(") {
                found.push(format!("{path}:{}", n + 1));
            }
        }
    }
    assert!(found.is_empty(), "unwrap/expect in src/web: {found:?}");
}

/// `src/feed/json.rs` → `["feed", "json"]`; `src/feed/mod.rs` → `["feed"]`.
fn module_of(path: &str) -> Vec<String> {
    let inner = path.trim_start_matches("src/").trim_end_matches(".rs");
    let mut parts: Vec<String> = inner.split('/').map(str::to_string).collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

#[test]
fn no_two_files_import_each_other() {
    let files = files();
    let modules: BTreeMap<Vec<String>, String> = files
        .iter()
        .map(|(p, _)| (module_of(p), p.clone()))
        .collect();
    let resolve = |path: &[String]| -> Option<&String> {
        (1..=path.len()).rev().find_map(|k| modules.get(&path[..k]))
    };
    let mut graph: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (path, text) in &files {
        let me = module_of(path);
        let parent: Vec<String> = me[..me.len().saturating_sub(1)].to_vec();
        let text = code(text);
        let deps = graph.entry(path.as_str()).or_default();
        // Every `crate::a::b` / `super::a::b` path, and each item of `use crate::{a, b::c}`.
        for (root_word, root) in [("crate::", Vec::new()), ("super::", parent.clone())] {
            for (i, _) in text.match_indices(root_word) {
                let rest = &text[i + root_word.len()..];
                let groups: Vec<String> = if let Some(inner) = rest.strip_prefix('{') {
                    inner[..inner.find('}').unwrap_or(0)]
                        .split(',')
                        .map(|s| s.trim().to_string())
                        .collect()
                } else {
                    let end = rest
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                        .unwrap_or(rest.len());
                    vec![rest[..end].to_string()]
                };
                for g in groups {
                    let mut full = root.clone();
                    full.extend(
                        g.split("::")
                            .filter(|s| !s.is_empty() && *s != "self")
                            .map(str::to_string),
                    );
                    if let Some(dep) = resolve(&full) {
                        // A parent module is its children's namespace, not an import loop.
                        if dep != path && module_of(dep) != parent {
                            deps.insert(dep.as_str());
                        }
                    }
                }
            }
        }
    }
    // Depth-first search for a back edge.
    fn visit<'a>(
        v: &'a str,
        graph: &BTreeMap<&'a str, BTreeSet<&'a str>>,
        state: &mut BTreeMap<&'a str, u8>,
        stack: &mut Vec<&'a str>,
    ) -> Option<Vec<&'a str>> {
        state.insert(v, 1);
        stack.push(v);
        for &w in graph.get(v).into_iter().flatten() {
            match state.get(w) {
                Some(1) => {
                    let from = stack.iter().position(|x| *x == w).unwrap_or(0);
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(w);
                    return Some(cycle);
                }
                None => {
                    if let Some(c) = visit(w, graph, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(v, 2);
        None
    }
    let mut state = BTreeMap::new();
    for &v in graph.keys() {
        if !state.contains_key(v) {
            let cycle = visit(v, &graph, &mut state, &mut Vec::new());
            assert!(
                cycle.is_none(),
                "import cycle: {}",
                cycle.unwrap_or_default().join(" -> ")
            );
        }
    }
}
