//! Replays every fuzzing input kept in tests/fuzz/ (the corpus and any crash the fuzzer found,
//! saved under regressions/) through the same code the fuzz targets run, plus hand-made
//! hostile shapes: parsers and ranking must return, never panic, and stay bounded.

use gov_leaderboard::feed::parse;
use gov_leaderboard::fuzzing::{import_export, rank_and_render};
use std::path::Path;

fn files(dir: &str) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

#[test]
fn corpus_and_regressions_replay_without_panics() {
    let mut n = 0;
    for target in ["json_feed", "csv_feed"] {
        for f in files(&format!("tests/fuzz/corpus/{target}")) {
            let bytes = std::fs::read(&f).expect("readable");
            let _ = parse(&bytes);
            rank_and_render(&[&[0u8, 30, 0, 10, 1, 1][..], &bytes].concat());
            n += 1;
        }
    }
    for dir in ["tests/fuzz/corpus/rank", "tests/fuzz/regressions"] {
        for f in files(dir) {
            rank_and_render(&std::fs::read(&f).expect("readable"));
            n += 1;
        }
    }
    for f in files("tests/fuzz/corpus/import_export") {
        import_export(&std::fs::read(&f).expect("readable"));
        n += 1;
    }
    assert!(n >= 20, "corpus present ({n} inputs)");
    assert!(Path::new("tests/fuzz/fuzz_targets/rank.rs").exists());
}

#[test]
fn hostile_shapes_return_errors_quickly() {
    let huge_string = format!(
        r#"{{"version":1,"pages":[{{"id":"a","name":"{}"}}]}}"#,
        "x".repeat(10_000_000)
    );
    let e = parse(huge_string.as_bytes()).expect_err("too long");
    assert_eq!(
        e.to_string(),
        "pages[0].name: must be at most 200 characters, got 10000000"
    );
    let tiny_pages = format!(
        r#"{{"version":1,"pages":[{}]}}"#,
        vec!["0"; 8_000_000].join(",")
    );
    let e = parse(tiny_pages.as_bytes()).expect_err("too many");
    assert_eq!(
        e.to_string(),
        "pages: the feed has more than 100000 pages, the limit"
    );
    let mut csv = String::from("id,name,date,interactions\n");
    for i in 0..100_001 {
        csv.push_str(&format!("p{i},P,2026-11-28,1\n"));
    }
    let e = parse(csv.as_bytes()).expect_err("too many pages");
    assert_eq!(
        e.to_string(),
        "line 100002: the feed has more than 100000 pages, the limit"
    );
    let deep = format!(
        r#"{{"version":1,"pages":[{{"id":"a","name":"A","names":{}0{}}}]}}"#,
        "[".repeat(200_000),
        "]".repeat(200_000)
    );
    assert!(parse(deep.as_bytes()).is_err());
    let big_number = format!(
        r#"{{"version":1,"pages":[{{"id":"a","name":"A","series":[{{"date":"2026-11-28","interactions":1{}}}]}}]}}"#,
        "0".repeat(100_000)
    );
    assert!(parse(big_number.as_bytes()).is_err());
    // 2.5 million `names` keys (31 MB): one error, the map never grows past 64 entries.
    let keys: Vec<String> = (0..2_500_000).map(|i| format!(r#""{i:x}":"n""#)).collect();
    let many_names = format!(
        r#"{{"version":1,"pages":[{{"id":"a","name":"A","names":{{{}}}}}]}}"#,
        keys.join(",")
    );
    let e = parse(many_names.as_bytes()).expect_err("too many names");
    assert_eq!(
        e.to_string(),
        "pages[0].names: must have at most 64 entries"
    );
    // A 30 MB key: quoted in 64 characters, not repeated whole.
    let long_key = format!(
        r#"{{"version":1,"pages":[{{"id":"a","name":"A","names":{{"{}":5}}}}]}}"#,
        "k".repeat(30_000_000)
    );
    let e = parse(long_key.as_bytes())
        .expect_err("not a string")
        .to_string();
    assert!(e.len() < 200, "{} bytes of message", e.len());
    assert!(e.ends_with("…\"]: expected a string, got 5"), "{e}");
}
