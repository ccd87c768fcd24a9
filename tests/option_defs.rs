//! The one option table (src/option_defs.rs) against every place that lists options: the
//! CLI's help, the element's observed attributes, embed.html's query parameters, the npm
//! `Options` type and the README. A new option added in one place and not the others fails here.

use gov_leaderboard::option_defs::{on, Surface, OPTIONS};
use std::collections::BTreeSet;
use std::process::Command;

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The string literals of the JS array `const NAME = [ … ];` in `text`.
fn js_array(text: &str, name: &str) -> BTreeSet<String> {
    let start = text
        .find(&format!("const {name} = ["))
        .unwrap_or_else(|| panic!("no array {name}"));
    let body = &text[start..];
    let body = &body[body.find('[').unwrap_or(0) + 1..body.find("];").unwrap_or(0)];
    body.split(',')
        .map(|s| s.trim().trim_matches('"').to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn names(surface: Surface) -> BTreeSet<String> {
    on(surface).map(|o| o.name.to_string()).collect()
}

#[test]
fn element_observes_exactly_the_element_options() {
    assert_eq!(
        js_array(&read("src/web/js/element.js"), "ATTRIBUTES"),
        names(Surface::Element)
    );
}

#[test]
fn embed_page_passes_exactly_the_element_options() {
    assert_eq!(
        js_array(&read("www/embed.js"), "ATTRIBUTES"),
        names(Surface::Element)
    );
}

/// The fields of `export interface NAME { … }` in a .d.ts text, with the doc line above each.
fn interface_fields(dts: &str, name: &str) -> Vec<(String, String)> {
    let start = dts
        .find(&format!("export interface {name} {{"))
        .unwrap_or_else(|| panic!("no interface {name}"));
    let body = &dts[start..];
    let body = &body[..body.find("\n}").expect("end of interface")];
    let mut doc = String::new();
    let mut fields = Vec::new();
    for line in body.lines().skip(1).map(str::trim) {
        if line.starts_with("/**") || line.starts_with('*') {
            doc = line.to_string();
        } else if let Some(q) = line.find("?:") {
            let name = line[..q].trim_matches('"').to_string();
            fields.push((name, std::mem::take(&mut doc)));
        }
    }
    fields
}

#[test]
fn npm_options_type_lists_exactly_the_cli_options() {
    let fields: BTreeSet<String> = interface_fields(&read("src/web/js/index.d.ts"), "Options")
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    let npm: BTreeSet<String> = OPTIONS
        .iter()
        .filter(|o| o.npm())
        .map(|o| o.npm.to_string())
        .collect();
    assert_eq!(fields, npm);
}

#[test]
fn element_attributes_type_lists_exactly_the_element_options_with_their_help() {
    let fields = interface_fields(&read("src/web/js/element.d.ts"), "GovLeaderboardAttributes");
    let listed: BTreeSet<String> = fields.iter().map(|(name, _)| name.clone()).collect();
    assert_eq!(listed, names(Surface::Element));
    for o in on(Surface::Element) {
        let (_, doc) = fields.iter().find(|(n, _)| n == o.name).expect("field");
        assert_eq!(doc, &format!("/** {} */", o.help), "doc of {}", o.name);
    }
}

/// The custom-elements.json manifest (schema 1.0.0) of `<gov-leaderboard>`: its attributes are
/// the option table's element options; properties, events, parts and CSS properties are the
/// element's (SPEC §4).
fn custom_elements_manifest() -> String {
    use serde_json::json;
    let attributes: Vec<_> = on(Surface::Element)
        .map(|o| {
            let mut a =
                json!({ "name": o.name, "description": o.help, "type": { "text": "string" } });
            if let Some(d) = o.default {
                a["default"] = json!(format!("\"{d}\""));
            }
            a
        })
        .collect();
    let css = [
        ("--gl-fg", "Text colour"),
        ("--gl-muted", "Secondary text colour"),
        ("--gl-border", "Rule and gridline colour"),
        ("--gl-bar", "Bar colour"),
        ("--gl-accent", "Colour of the pinned page"),
        ("--gl-bg", "Background of the board"),
        ("--gl-font", "Font family"),
    ];
    let declaration = json!({ "name": "GovLeaderboard", "module": "element.js" });
    let manifest = json!({
        "schemaVersion": "1.0.0",
        "readme": "README.md",
        "modules": [{
            "kind": "javascript-module",
            "path": "element.js",
            "declarations": [{
                "kind": "class",
                "name": "GovLeaderboard",
                "description": "A live leaderboard of government social-media pages (SPEC §4). Importing \"gov-leaderboard/element\" registers it.",
                "tagName": "gov-leaderboard",
                "customElement": true,
                "superclass": { "name": "HTMLElement" },
                "attributes": attributes,
                "members": [
                    { "kind": "field", "name": "data", "type": { "text": "Feed | string | Uint8Array | undefined" },
                      "description": "A feed object (or JSON/CSV text, or bytes) shown without fetching" },
                    { "kind": "field", "name": "rows", "readonly": true, "type": { "text": "Row[]" },
                      "description": "The rows on screen" },
                    { "kind": "method", "name": "snapshot",
                      "parameters": [{ "name": "options", "optional": true, "type": { "text": "{ width?: number; height?: number }" } }],
                      "return": { "type": { "text": "Promise<Blob>" } },
                      "description": "A PNG of the board as shown, for social posts (default 1200×675; each side 200–4096)" },
                ],
                "events": [
                    { "name": "leaderboard-update", "type": { "text": "CustomEvent<Row[]>" },
                      "description": "After every render from new data or new options; detail: the rows" },
                    { "name": "leaderboard-error", "type": { "text": "CustomEvent<string>" },
                      "description": "On a failed fetch or an invalid feed; detail: the message" },
                ],
                "cssParts": [
                    { "name": "board", "description": "The board (title, chart, table, footer)" },
                    { "name": "play", "description": "The replay's play/pause button (attribute replay)" },
                    { "name": "scrubber", "description": "The replay's range input over the days" },
                    { "name": "day", "description": "The replay's day shown" },
                    { "name": "pause", "description": "The button that pauses live updates (refresh > 0)" },
                    { "name": "share", "description": "The \"Save image\" button (attribute share)" }
                ],
                "cssProperties": css.iter().map(|(n, d)| json!({ "name": n, "description": d })).collect::<Vec<_>>(),
            }],
            "exports": [
                { "kind": "js", "name": "GovLeaderboard", "declaration": declaration },
                { "kind": "custom-element-definition", "name": "gov-leaderboard", "declaration": declaration },
            ],
        }],
    });
    serde_json::to_string_pretty(&manifest).expect("json") + "\n"
}

/// `BLESS=1 cargo test --test option_defs` rewrites the committed manifest.
#[test]
fn custom_elements_manifest_is_generated_from_the_option_table() {
    let path = "src/web/js/custom-elements.json";
    let expected = custom_elements_manifest();
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(path, &expected).expect("write manifest");
    }
    assert_eq!(
        read(path),
        expected,
        "{path} is out of date: BLESS=1 cargo test --test option_defs"
    );
    for var in [
        "--gl-fg",
        "--gl-muted",
        "--gl-border",
        "--gl-bar",
        "--gl-accent",
        "--gl-bg",
        "--gl-font",
    ] {
        assert!(read("www/gov-leaderboard.css").contains(var), "{var}");
    }
}

#[test]
fn cli_help_shows_each_option_with_its_help_and_default() {
    for (command, surface) in [("rank", Surface::Rank), ("render", Surface::Render)] {
        let out = Command::new(env!("CARGO_BIN_EXE_gov-leaderboard"))
            .args([command, "--help"])
            .output()
            .expect("runs");
        let help = String::from_utf8_lossy(&out.stdout).into_owned();
        let flags: BTreeSet<String> = help
            .split_whitespace()
            .filter(|w| w.starts_with("--") && *w != "--help")
            .map(|w| w.trim_start_matches("--").to_string())
            .collect();
        assert_eq!(flags, names(surface), "{command} --help");
        for o in on(surface) {
            assert!(help.contains(o.help), "{command} --help lacks {:?}", o.help);
            if let Some(d) = o.default {
                assert!(
                    help.contains(&format!("{} [default: {d}]", o.help)),
                    "{command}: default of {}",
                    o.name
                );
            }
        }
    }
}

#[test]
fn readme_option_table_lists_each_cli_option() {
    let readme = read("README.md");
    let start = readme
        .find("| option | values (default) |")
        .expect("README option table");
    let table: String = readme[start..]
        .lines()
        .take_while(|l| l.starts_with('|'))
        .collect::<Vec<_>>()
        .join("\n");
    let listed: BTreeSet<String> = table
        .split('`')
        .filter(|w| w.starts_with("--"))
        .map(|w| w.trim_start_matches("--").to_string())
        .collect();
    let cli: BTreeSet<String> = OPTIONS
        .iter()
        .filter(|o| o.on(Surface::Rank) || o.on(Surface::Render))
        .map(|o| o.name.to_string())
        .collect();
    assert_eq!(listed, cli);
    for o in OPTIONS
        .iter()
        .filter(|o| o.on(Surface::Rank) || o.on(Surface::Render))
    {
        if let Some(d) = o.default {
            let row = table
                .lines()
                .find(|l| l.contains(&format!("`--{}`", o.name)))
                .expect("row");
            assert!(
                row.contains(d),
                "README row of --{} lacks its default {d}: {row}",
                o.name
            );
        }
    }
}

#[test]
fn element_attribute_table_in_readme_names_each_element_option() {
    let readme = read("README.md");
    for o in on(Surface::Element) {
        assert!(
            readme.contains(&format!("`{}`", o.name)),
            "README does not name the attribute `{}`",
            o.name
        );
    }
}

#[test]
fn element_js_failure_sentence_is_the_engines_in_each_language() {
    use gov_leaderboard::i18n::{words_for, Lang};
    let js = read("src/web/js/element.js");
    for (code, lang) in [
        ("en", Lang::En),
        ("ar", Lang::Ar),
        ("fr", Lang::Fr),
        ("de", Lang::De),
    ] {
        let line = format!("  {code}: \"{}\",", words_for(lang).error);
        assert!(js.contains(&line), "element.js FAILED lacks {line}");
    }
}
