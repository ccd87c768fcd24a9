//! Golden outputs of the CLI: one folder per case under tests/fixtures/, holding the feed
//! (`feed.json` or `feed.csv`), the command line after FEED (`args`) and the expected output
//! (`expected.html` for render, `expected.json` for rank). `UPDATE_GOLDEN=1 cargo test`
//! rewrites the expected files; review the diff before committing it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn cases() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("tests/fixtures")
        .expect("fixtures folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("args").exists())
        .collect();
    dirs.sort();
    dirs
}

fn feed_of(dir: &Path) -> PathBuf {
    ["feed.json", "feed.csv"]
        .iter()
        .map(|f| dir.join(f))
        .find(|p| p.exists())
        .expect("a feed file")
}

fn run(dir: &Path) -> (String, String) {
    let args = std::fs::read_to_string(dir.join("args")).expect("args");
    let mut words = args.split_whitespace();
    let command = words.next().expect("a command").to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_gov-leaderboard"))
        .arg(&command)
        .arg(feed_of(dir))
        .args(words)
        .output()
        .expect("binary runs");
    assert!(
        out.status.success(),
        "{}: {}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    (
        command,
        String::from_utf8(out.stdout).expect("UTF-8 output"),
    )
}

#[test]
fn outputs_match_the_golden_files() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failed = Vec::new();
    let all = cases();
    assert!(all.len() >= 8, "fixtures present");
    for dir in all {
        let (command, got) = run(&dir);
        let expected = dir.join(if command == "rank" {
            "expected.json"
        } else {
            "expected.html"
        });
        if update {
            std::fs::write(&expected, &got).expect("write golden");
            continue;
        }
        let want = std::fs::read_to_string(&expected).unwrap_or_default();
        if got != want {
            failed.push(dir.display().to_string());
        }
    }
    assert!(
        failed.is_empty(),
        "differs from golden (UPDATE_GOLDEN=1 to accept): {failed:?}"
    );
}

/// Every tag in the output: (name, attribute names). Feed text never contains a raw `<`
/// (it is escaped), so each `<` starts a tag the renderer wrote.
fn tags(html: &str) -> Vec<(String, Vec<String>)> {
    html.split('<')
        .skip(1)
        .map(|chunk| {
            let inside = chunk.split('>').next().unwrap_or_default();
            let mut parts = inside
                .trim_start_matches('/')
                .splitn(2, |c: char| c.is_whitespace());
            let name = parts
                .next()
                .unwrap_or_default()
                .trim_end_matches('/')
                .to_string();
            let mut attrs = Vec::new();
            let mut rest = parts.next().unwrap_or_default();
            while let Some(eq) = rest.find("=\"") {
                attrs.push(rest[..eq].trim().to_string());
                let after = &rest[eq + 2..];
                rest = after.split_once('"').map_or("", |(_, r)| r);
            }
            (name, attrs)
        })
        .collect()
}

#[test]
fn hostile_text_stays_text() {
    let (_, html) = run(Path::new("tests/fixtures/hostile-en"));
    const TAGS: [&str; 17] = [
        "div", "p", "h2", "svg", "text", "rect", "polyline", "table", "caption", "thead", "tbody",
        "tr", "th", "td", "span", "a", "bdi",
    ];
    for (name, attrs) in tags(&html) {
        assert!(TAGS.contains(&name.as_str()), "unexpected element <{name}>");
        for a in attrs {
            assert!(
                !a.to_ascii_lowercase().starts_with("on"),
                "event attribute {a} on <{name}>"
            );
            assert!(
                a.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "odd attribute name {a:?} on <{name}>"
            );
        }
    }
    assert!(html.contains("<bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi>"));
    assert!(html
        .contains("<bdi>\u{202e}evil\u{202c} &lt;i&gt;name&lt;/i&gt; &amp; 'quotes' \"dq\"</bdi>"));
    // The URL with quotes stays inside its attribute.
    assert!(html.contains("href=\"https://example.org/&quot;onmouseover=&quot;alert(1)\""));
}
