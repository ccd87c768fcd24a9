//! The command line as a user runs it: exit codes, stdin, messages (SPEC §3).

use std::io::Write;
use std::process::{Command, Output, Stdio};

const SEED: &str = "www/data/seed.json";

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gov-leaderboard"))
        .args(args)
        .output()
        .expect("binary runs")
}

fn cli_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gov-leaderboard"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write");
    child.wait_with_output().expect("finishes")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn rank_prints_one_json_object_and_a_newline() {
    let out = cli(&["rank", SEED, "--top", "3"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(stdout.ends_with("}\n") && stdout.matches('\n').count() == 1);
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let mut keys: Vec<&String> = v.as_object().expect("object").keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        ["as_of", "metric", "rows", "ties", "unranked", "window"]
    );
    assert!(stdout.starts_with("{\"as_of\":\"2026-11-28\",\"metric\":\"interactions\",\"window\":\"30d\",\"ties\":\"competition\",\"rows\":["));
    assert_eq!(v["rows"][1]["value"], 24_374_000);
    assert_eq!(v["rows"][1]["id"], "eg-moi");
    assert_eq!(v["rows"][1]["delta"], 2);
}

#[test]
fn feed_from_stdin_json_or_csv() {
    let json = std::fs::read(SEED).expect("seed");
    let out = cli_stdin(&["rank", "-", "--top", "1"], &json);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("\"us-wh\""));
    let csv = b"id,name,date,interactions\r\na,A,2026-11-28,5\r\nb,B,2026-11-28,7\r\n";
    let out = cli_stdin(&["rank", "-"], csv);
    assert_eq!(
        text(&out.stdout),
        "{\"as_of\":\"2026-11-28\",\"metric\":\"interactions\",\"window\":\"30d\",\"ties\":\"competition\",\"rows\":[{\"rank\":1,\"id\":\"b\",\"name\":\"B\",\"value\":7,\"previous_rank\":null,\"delta\":null},{\"rank\":2,\"id\":\"a\",\"name\":\"A\",\"value\":5,\"previous_rank\":null,\"delta\":null}],\"unranked\":[]}\n"
    );
}

#[test]
fn bad_feed_exits_1_and_lists_every_problem_on_stderr() {
    let feed = br#"{"version":1,"pages":[{"id":"a","name":"A","series":[{"date":"2026-11-27","interactions":-5}]},{"id":"a","name":""}]}"#;
    for cmd in ["validate", "rank", "render"] {
        let out = cli_stdin(&[cmd, "-"], feed);
        assert_eq!(out.status.code(), Some(1), "{cmd}");
        assert!(out.stdout.is_empty(), "{cmd} prints nothing on stdout");
        assert_eq!(
            text(&out.stderr),
            // The duplicate id too, although both pages have other problems (SPEC §1).
            "pages[0].series[0].interactions: expected a non-negative integer, got -5\npages[1].name: must not be empty\npages[1].id: duplicate id \"a\", first used at pages[0]\ngov-leaderboard: invalid feed (3 problems)\n"
        );
    }
}

#[test]
fn validate_says_ok() {
    let out = cli(&["validate", SEED]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "ok: 8 pages, 450 points\n");
}

#[test]
fn missing_file_exits_1_with_the_path() {
    let out = cli(&["rank", "no/such/feed.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("gov-leaderboard: cannot read no/such/feed.json:"));
}

#[test]
fn bad_usage_exits_2() {
    for args in [
        vec!["rank", SEED, "--metric", "likes"],
        vec!["rank", SEED, "--window", "0d"],
        vec!["rank", SEED, "--window", "30"],
        vec!["rank", SEED, "--ties", "olympic"],
        vec!["rank", SEED, "--top", "0"],
        vec!["rank", SEED, "--top", "-1"],
        vec!["rank", SEED, "--locale", "ar"],
        vec!["rank", SEED, "--chart", "bars"],
        vec!["rank", SEED, "--unknown"],
        vec!["render", SEED, "--chart", "pie"],
        vec!["render", SEED, "--locale", "not a locale"],
        vec!["validate", SEED, "--top", "3"],
        vec!["rank"],
        vec!["frobnicate", SEED],
        vec![],
    ] {
        let out = cli(&args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(!out.stderr.is_empty());
    }
}

#[test]
fn help_for_each_command() {
    for cmd in ["rank", "render", "validate"] {
        let out = cli(&[cmd, "--help"]);
        assert_eq!(out.status.code(), Some(0));
        assert!(text(&out.stdout).contains("FEED"), "{cmd} --help");
    }
    let out = cli(&["render", "--help"]);
    for flag in [
        "--metric",
        "--window",
        "--ties",
        "--top",
        "--country",
        "--platform",
        "--category",
        "--pin",
        "--locale",
        "--chart",
    ] {
        assert!(text(&out.stdout).contains(flag), "{flag}");
    }
}

#[test]
fn render_defaults_to_english_bars() {
    let out = cli(&["render", SEED]);
    let html = text(&out.stdout);
    assert!(html.starts_with("<div class=\"gl-board\" lang=\"en\" dir=\"ltr\""));
    assert!(html.contains("gl-chart-bars"));
    assert!(html.contains("<td class=\"gl-value\" data-value=\"24374000\">24,374,000</td>"));
    assert_eq!(html.matches("<tr class=\"gl-row").count(), 8);
}

#[test]
fn as_of_ranks_the_feed_as_on_that_day() {
    let seed = std::fs::read_to_string(SEED).expect("seed");
    let feed: serde_json::Value = serde_json::from_str(&seed).expect("json");
    for day in ["2026-09-15", "2026-11-01", "2026-11-28", "2027-03-01"] {
        let mut with_as_of = feed.clone();
        with_as_of["as_of"] = serde_json::json!(day);
        let expected = cli_stdin(
            &["rank", "-", "--top", "5"],
            with_as_of.to_string().as_bytes(),
        );
        for args in [
            &["rank", SEED, "--top", "5", "--as-of", day][..],
            &["rank", SEED, "--as-of", day, "--top", "5"][..],
        ] {
            let out = cli(args);
            assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
            assert_eq!(text(&out.stdout), text(&expected.stdout), "{day}");
        }
        assert!(text(&expected.stdout).contains(&format!("\"as_of\":\"{day}\"")));
    }
    // The static board says which day it shows.
    let out = cli(&["render", SEED, "--as-of", "2026-11-01"]);
    assert!(
        text(&out.stdout).contains("November 1, 2026"),
        "{}",
        text(&out.stdout)
    );
    // (An empty value means "not set", as for every text option and attribute.)
    for bad in ["2026-11-31", "1899-12-31", "28/11/2026"] {
        let out = cli(&["rank", SEED, "--as-of", bad]);
        assert_eq!(out.status.code(), Some(2), "--as-of {bad:?}");
        assert!(text(&out.stderr).contains("as-of"), "{}", text(&out.stderr));
    }
}

#[test]
fn heading_level_sets_the_titles_element() {
    let out = cli(&["render", SEED]);
    assert!(text(&out.stdout).contains("<h2 class=\"gl-title\""));
    for level in 1..=6 {
        let l = level.to_string();
        let out = cli(&["render", SEED, "--heading-level", &l]);
        assert_eq!(out.status.code(), Some(0));
        let html = without_ids(&text(&out.stdout));
        assert!(html.contains(&format!("<h{level} class=\"gl-title\" dir=\"auto\">")));
        assert!(text(&out.stdout).contains(&format!("</h{level}>\n")));
    }
    for bad in ["0", "7", "h2", "2.0"] {
        let out = cli(&["render", SEED, "--heading-level", bad]);
        assert_eq!(out.status.code(), Some(2), "--heading-level {bad}");
        assert!(text(&out.stderr).contains("heading-level"));
    }
}

#[test]
fn text_in_another_language_than_the_board_carries_lang() {
    let feed = r#"{"version":1,"title":"Government pages","lang":"en",
        "source":{"name":"Sada El-Balad","names":{"ar":"صدى البلد"}},
        "pages":[
        {"id":"eg-moi","name":"Ministry of Interior (Egypt)","names":{"ar":"وزارة الداخلية المصرية"},"series":[{"date":"2026-11-28","interactions":5}]},
        {"id":"kh-pm","name":"សម្តេចធិបតី","lang":"km","series":[{"date":"2026-11-28","interactions":4}]},
        {"id":"us-wh","name":"The White House","series":[{"date":"2026-11-28","interactions":3}]}]}"#;
    let ar = without_ids(&text(
        &cli_stdin(&["render", "-", "--locale", "ar-EG"], feed.as_bytes()).stdout,
    ));
    // The English title on an Arabic board, the Khmer name; the Arabic names and source are the
    // board's language, and a name of unknown language gets no mark.
    assert!(
        ar.contains(r#"<h2 class="gl-title" dir="auto" lang="en">Government pages</h2>"#),
        "{ar}"
    );
    assert!(ar.contains(r#"<bdi lang="km">សម្តេចធិបតី</bdi>"#), "{ar}");
    assert!(ar.contains("<bdi>وزارة الداخلية المصرية</bdi>"), "{ar}");
    assert!(ar.contains("<bdi>صدى البلد</bdi>"), "{ar}");
    assert!(ar.contains("<bdi>The White House</bdi>"), "{ar}");
    let en = without_ids(&text(
        &cli_stdin(&["render", "-", "--locale", "en-GB"], feed.as_bytes()).stdout,
    ));
    assert!(
        en.contains(r#"<h2 class="gl-title" dir="auto">Government pages</h2>"#),
        "{en}"
    );
    assert!(
        en.contains("<bdi>Sada El-Balad</bdi>"),
        "same language: no mark"
    );
    assert!(en.contains(r#"<bdi lang="km">"#));
}

/// `html` without its ` id="gl-…"` attributes (derived from the board's content).
fn without_ids(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find(" id=\"gl-") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 6..];
        rest = &after[after.find('"').map_or(after.len(), |e| e + 1)..];
    }
    out.push_str(rest);
    out
}

#[test]
fn the_table_is_named_by_the_heading_and_links_say_they_open_a_tab() {
    let feed = r#"{"version":1,"title":"Government pages","source":{"name":"CrowdTangle","url":"https://example.org/"},
        "pages":[
        {"id":"a","name":"Page A","url":"https://example.org/a","series":[{"date":"2026-11-28","interactions":5}]},
        {"id":"b","name":"Page B","series":[{"date":"2026-11-28","interactions":4}]}]}"#;
    let html = text(&cli_stdin(&["render", "-", "--pin", "b"], feed.as_bytes()).stdout);
    let id_of = |tag: &str| {
        let at = html.find(tag).expect(tag);
        let rest = &html[at..];
        let start = rest.find("id=\"").expect("an id") + 4;
        rest[start..start + rest[start..].find('"').expect("end")].to_string()
    };
    let title = id_of("<h2 class=\"gl-title\"");
    let sub = id_of("<p class=\"gl-sub\"");
    assert!(
        title.starts_with("gl-") && sub == format!("{title}-sub"),
        "{html}"
    );
    assert!(
        html.contains(&format!(
            "<table class=\"gl-table\" aria-labelledby=\"{title} {sub}\">"
        )),
        "{html}"
    );
    assert!(
        !html.contains("<caption"),
        "no hidden caption repeating the title"
    );
    // Both links (the page's and the source's) say they open a new tab; the pinned row says so.
    assert_eq!(
        html.matches("<span class=\"gl-sr\"> (opens in a new tab)</span></a>")
            .count(),
        2,
        "{html}"
    );
    assert!(html.contains("<bdi>Page B</bdi><span class=\"gl-sr\"> (highlighted)</span>"));
    // Another board on the same page gets other ids.
    let other = text(&cli_stdin(&["render", "-", "--metric", "per_post"], feed.as_bytes()).stdout);
    assert!(!other.contains(&title));
}

/// A feed of a mebibyte or more is mapped rather than read (src/input.rs): what the command
/// prints, and where it says a problem is, must not depend on that.
#[test]
fn a_large_feed_file_ranks_as_it_does_from_stdin() {
    let mut pages = Vec::new();
    for p in 0..400 {
        let series: Vec<String> = (1..=84)
            .map(|d| {
                let month = 1 + (d - 1) / 28;
                let day = 1 + (d - 1) % 28;
                let n = (p * 7919 + d * 104_729) % 1_000_003;
                format!(
                    r#"{{"date":"2026-{month:02}-{day:02}","interactions":{n},"posts":{}}}"#,
                    1 + d % 5
                )
            })
            .collect();
        pages.push(format!(
            r#"{{"id":"p{p:04}","name":"Page {p}","country":"EG","series":[{}]}}"#,
            series.join(",")
        ));
    }
    let good = format!(r#"{{"version":1,"pages":[{}]}}"#, pages.join(","));
    assert!(good.len() > 1 << 20, "{} bytes", good.len());
    let bad = good.replacen(r#""interactions":"#, r#""interactions":-"#, 1);
    let dir = std::env::temp_dir().join(format!("gl-cli-large-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (feed, code) in [(&good, 0), (&bad, 1)] {
        let path = dir.join("feed.json");
        std::fs::write(&path, feed).expect("written");
        for args in [
            &["rank", "--top", "20", "--pin", "p0399"][..],
            &["validate"],
        ] {
            let mut from_file: Vec<&str> = vec![args[0], path.to_str().expect("utf-8 path")];
            from_file.extend_from_slice(&args[1..]);
            let mut from_stdin: Vec<&str> = vec![args[0], "-"];
            from_stdin.extend_from_slice(&args[1..]);
            let (a, b) = (cli(&from_file), cli_stdin(&from_stdin, feed.as_bytes()));
            assert_eq!(a.status.code(), Some(code), "{}", text(&a.stderr));
            assert_eq!(
                (a.status.code(), &a.stdout, &a.stderr),
                (b.status.code(), &b.stdout, &b.stderr)
            );
        }
    }
    let stderr = text(&cli(&["rank", dir.join("feed.json").to_str().expect("path")]).stderr);
    assert!(
        stderr.contains("pages[0].series[0].interactions"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).expect("cleaned");
}
