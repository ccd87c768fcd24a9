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

#[test]
fn npm_options_type_lists_exactly_the_cli_options() {
    let dts = read("src/web/js/index.d.ts");
    let start = dts
        .find("export interface Options {")
        .expect("Options type");
    let body = &dts[start..];
    let body = &body[..body.find("\n}").expect("end of Options")];
    let fields: BTreeSet<String> = body
        .lines()
        .skip(1)
        .filter_map(|l| {
            let l = l.trim();
            (!l.starts_with("/**") && !l.starts_with('*') && l.contains("?:"))
                .then(|| l[..l.find('?').unwrap_or(0)].to_string())
        })
        .collect();
    let npm: BTreeSet<String> = OPTIONS
        .iter()
        .filter(|o| o.npm())
        .map(|o| o.npm.to_string())
        .collect();
    assert_eq!(fields, npm);
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
