//! One test per feed rule (SPEC §1), each asserting the located message.

use gov_leaderboard::feed::{parse, Feed};

fn errors(input: &str) -> Vec<String> {
    match parse(input.as_bytes()) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems.iter().map(|p| p.to_string()).collect(),
    }
}

fn ok(input: &str) -> Feed {
    parse(input.as_bytes()).unwrap_or_else(|e| panic!("expected a valid feed, got:\n{e}"))
}

/// A valid feed with one page whose JSON fields are replaced by `page`.
fn one_page(page: &str) -> String {
    format!(r#"{{"version":1,"pages":[{page}]}}"#)
}

const POINT: &str = r#"{"date":"2026-11-27","interactions":5}"#;

#[test]
fn version_is_required_and_must_be_1() {
    assert_eq!(
        errors(r#"{"pages":[]}"#),
        ["version: required (the feed format version, 1)"]
    );
    assert_eq!(
        errors(r#"{"version":2,"pages":[]}"#),
        ["version: expected 1, got 2"]
    );
    assert_eq!(
        errors(r#"{"version":"1","pages":[]}"#),
        ["version: expected 1, got \"1\""]
    );
}

#[test]
fn pages_must_be_an_array_of_objects() {
    assert_eq!(
        errors(r#"{"version":1}"#),
        ["pages: required (an array of pages)"]
    );
    assert_eq!(
        errors(r#"{"version":1,"pages":{}}"#),
        ["pages: expected an array, got an object"]
    );
    assert_eq!(
        errors(r#"{"version":1,"pages":[5]}"#),
        ["pages[0]: expected an object, got 5"]
    );
}

#[test]
fn id_is_required_unique_and_restricted() {
    assert_eq!(
        errors(&one_page(r#"{"name":"A"}"#)),
        ["pages[0].id: required"]
    );
    assert_eq!(
        errors(&one_page(r#"{"id":"","name":"A"}"#)),
        ["pages[0].id: must not be empty"]
    );
    assert_eq!(
        errors(&one_page(r#"{"id":"a b","name":"A"}"#)),
        ["pages[0].id: may contain only A-Z a-z 0-9 . _ -, found U+0020"]
    );
    assert_eq!(
        errors(&one_page(r#"{"id":"a<b","name":"A"}"#)),
        ["pages[0].id: may contain only A-Z a-z 0-9 . _ -, found \"<\""]
    );
    let long = "x".repeat(65);
    assert_eq!(
        errors(&one_page(&format!(r#"{{"id":"{long}","name":"A"}}"#))),
        ["pages[0].id: must be at most 64 characters, got 65"]
    );
    assert_eq!(
        errors(&one_page(r#"{"id":7,"name":"A"}"#)),
        ["pages[0].id: expected a string, got 7"]
    );
    let dup = r#"{"version":1,"pages":[{"id":"a","name":"A"},{"id":"b","name":"B"},{"id":"a","name":"C"}]}"#;
    assert_eq!(
        errors(dup),
        ["pages[2].id: duplicate id \"a\", first used at pages[0]"]
    );
}

#[test]
fn name_is_required_text_of_1_to_200_characters() {
    assert_eq!(
        errors(&one_page(r#"{"id":"a"}"#)),
        ["pages[0].name: required"]
    );
    assert_eq!(
        errors(&one_page(r#"{"id":"a","name":""}"#)),
        ["pages[0].name: must not be empty"]
    );
    let arabic = "ب".repeat(201);
    assert_eq!(
        errors(&one_page(&format!(r#"{{"id":"a","name":"{arabic}"}}"#))),
        ["pages[0].name: must be at most 200 characters, got 201"]
    );
    let exactly = "ب".repeat(200);
    assert_eq!(
        ok(&one_page(&format!(r#"{{"id":"a","name":"{exactly}"}}"#))).pages[0].name,
        exactly
    );
}

#[test]
fn optional_texts_are_checked_where_they_stand() {
    let feed = r#"{"version":1,"title":"","source":{"name":5},"pages":[{"id":"a","name":"A","country":"","platform":[],"category":{},"names":{"en":"","ar-EG":3}}]}"#;
    assert_eq!(
        errors(feed),
        [
            // In input order.
            "title: must not be empty",
            "source.name: expected a string, got 5",
            "pages[0].country: must not be empty",
            "pages[0].platform: expected a string, got an array",
            "pages[0].category: expected a string, got an object",
            "pages[0].names.en: must not be empty",
            "pages[0].names.ar-EG: expected a string, got 3",
        ]
    );
}

#[test]
fn urls_are_http_or_https_only() {
    assert_eq!(
        errors(&one_page(
            r#"{"id":"a","name":"A","url":"javascript:alert(1)"}"#
        )),
        ["pages[0].url: must be an http or https URL, got \"javascript:alert(1)\""]
    );
    assert_eq!(
        errors(r#"{"version":1,"source":{"url":"data:text/html,x"},"pages":[]}"#),
        ["source.url: must be an http or https URL, got \"data:text/html,x\""]
    );
    assert_eq!(
        ok(&one_page(
            r#"{"id":"a","name":"A","url":"https://example.org/p?q=1"}"#
        ))
        .pages[0]
            .url
            .as_deref(),
        Some("https://example.org/p?q=1")
    );
}

#[test]
fn counts_are_non_negative_integers_without_fraction_or_exponent() {
    let page = |field: &str| {
        one_page(&format!(
            r#"{{"id":"a","name":"A","series":[{{"date":"2026-11-27","interactions":{field}}}]}}"#
        ))
    };
    assert_eq!(
        errors(&page("-5")),
        ["pages[0].series[0].interactions: expected a non-negative integer, got -5"]
    );
    assert_eq!(
        errors(&page("1.0")),
        ["pages[0].series[0].interactions: expected a non-negative integer, got 1.0"]
    );
    assert_eq!(
        errors(&page("1e3")),
        ["pages[0].series[0].interactions: expected a non-negative integer, got 1e3"]
    );
    assert_eq!(
        errors(&page("\"5\"")),
        ["pages[0].series[0].interactions: expected a non-negative integer, got \"5\""]
    );
    assert_eq!(errors(&page("9007199254740992")), ["pages[0].series[0].interactions: expected an integer at most 9007199254740991 (2^53-1), got 9007199254740992"]);
    assert_eq!(
        ok(&page("9007199254740991")).pages[0].series[0].interactions,
        9_007_199_254_740_991
    );
    assert_eq!(
        errors(&one_page(r#"{"id":"a","name":"A","followers":-1}"#)),
        ["pages[0].followers: expected a non-negative integer, got -1"]
    );
    assert_eq!(
        errors(&one_page(
            r#"{"id":"a","name":"A","series":[{"date":"2026-11-27","interactions":1,"posts":0.5,"followers":true}]}"#
        )),
        [
            "pages[0].series[0].posts: expected a non-negative integer, got 0.5",
            "pages[0].series[0].followers: expected a non-negative integer, got true",
        ]
    );
}

#[test]
fn points_need_a_real_date_and_interactions() {
    assert_eq!(
        errors(&one_page(r#"{"id":"a","name":"A","series":[{"interactions":1},{"date":"2026-02-30","interactions":1},{"date":"2026-11-27"}]}"#)),
        [
            "pages[0].series[0].date: required",
            "pages[0].series[1].date: expected a real calendar date as YYYY-MM-DD in the years 1900-2099, got \"2026-02-30\"",
            "pages[0].series[2].interactions: required",
        ]
    );
}

#[test]
fn one_point_per_date() {
    let feed = one_page(&format!(
        r#"{{"id":"a","name":"A","series":[{POINT},{{"date":"2026-11-26","interactions":1}},{POINT}]}}"#
    ));
    assert_eq!(
        errors(&feed),
        ["pages[0].series[2].date: duplicate date 2026-11-27, first at pages[0].series[0]"]
    );
}

#[test]
fn a_pages_total_interactions_stay_within_2_to_the_53() {
    let big = 9_007_199_254_740_991u64;
    let feed = one_page(&format!(
        r#"{{"id":"a","name":"A","series":[{{"date":"2026-11-26","interactions":{big}}},{{"date":"2026-11-27","interactions":1}}]}}"#
    ));
    assert_eq!(errors(&feed), ["pages[0].series: total interactions over all points must be at most 9007199254740991 (2^53-1), got 9007199254740992"]);
}

#[test]
fn as_of_is_a_real_date() {
    assert_eq!(
        errors(r#"{"version":1,"as_of":"2026-11-31","pages":[]}"#),
        ["as_of: expected a real calendar date as YYYY-MM-DD in the years 1900-2099, got \"2026-11-31\""]
    );
}

#[test]
fn unknown_fields_are_ignored_and_null_is_absent() {
    let feed = ok(
        r#"{"version":1,"future":{"deep":[1,2,{"x":null}]},"as_of":null,"pages":[{"id":"a","name":"A","extra":true,"followers":null,"series":[{"date":"2026-11-27","interactions":3,"shares":9,"posts":null}]}]}"#,
    );
    assert_eq!(feed.pages[0].series[0].interactions, 3);
    assert_eq!(feed.pages[0].series[0].posts(), None);
    assert_eq!(feed.as_of, None);
}

#[test]
fn syntax_errors_name_line_and_column() {
    assert_eq!(
        errors("{\"version\":1,\n \"pages\": [}\n"),
        ["line 2, column 12: invalid JSON: expected value"]
    );
    assert_eq!(
        errors("{\"version\":1,\"pages\":[]} x"),
        ["line 1, column 26: invalid JSON: trailing characters"]
    );
    assert_eq!(
        errors("  { "),
        ["line 1, column 4: invalid JSON: EOF while parsing an object"]
    );
}

#[test]
fn hostile_shapes_are_refused_without_panicking() {
    let deep = format!(
        r#"{{"version":1,"x":{}{}, "pages":[]}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    // Skipped without recursion: an unknown field, however deep, is simply ignored.
    assert_eq!(errors(&deep), Vec::<String>::new());
    let deep_known = format!(
        r#"{{"version":1,"title":{}{}, "pages":[]}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    assert_eq!(
        errors(&deep_known),
        ["title: expected a string, got an array"]
    );
    let unclosed = format!(r#"{{"version":1,"title":{}"#, "[".repeat(100_000));
    assert_eq!(errors(&unclosed).len(), 1);
    let huge_number = format!(
        r#"{{"version":1,"pages":[{{"id":"a","name":"A","followers":{}}}]}}"#,
        "9".repeat(5000)
    );
    assert_eq!(errors(&huge_number).len(), 1);
    assert_eq!(errors("[1,2]"), ["line 1: missing required columns `id`, `name`, `date`, `interactions` in the CSV header (a CSV feed needs id, name, date, interactions; a JSON feed starts with {)"]);
    assert_eq!(
        errors("{\"version\":1,\"version\":1,\"pages\":[]}"),
        ["feed: duplicate field `version`"]
    );
    assert_eq!(
        errors("\u{feff}{\"version\":1,\"pages\":[]}"),
        Vec::<String>::new()
    );
    assert_eq!(
        parse(b"\xff\xfe{").map(|_| ()).map_err(|e| e.to_string()),
        Err("line 1: the feed is not valid UTF-8 (byte 1)".into())
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let feed = r#"{"version":1,"pages":[{"id":"ok","name":"A"},{"id":"x y","name":""},{"name":"B","url":"ftp://x"}]}"#;
    assert_eq!(
        errors(feed),
        [
            "pages[1].id: may contain only A-Z a-z 0-9 . _ -, found U+0020",
            "pages[1].name: must not be empty",
            "pages[2].url: must be an http or https URL, got \"ftp://x\"",
            // A missing field is known only at the end of its object.
            "pages[2].id: required",
        ]
    );
}

#[test]
fn size_and_count_limits() {
    let too_big = vec![b' '; 32 * 1024 * 1024 + 1];
    assert_eq!(
        parse(&too_big).map(|_| ()).map_err(|e| e.to_string()),
        Err("feed: the feed is 33554433 bytes; the limit is 33554432 bytes (32 MiB)".into())
    );
    let pages = std::iter::repeat_n("{}", 100_001)
        .collect::<Vec<_>>()
        .join(",");
    assert_eq!(
        errors(&format!(r#"{{"version":1,"pages":[{pages}]}}"#)),
        ["pages: the feed has more than 100000 pages, the limit"]
    );
    let points = std::iter::repeat_n("{}", 5_000_001)
        .collect::<Vec<_>>()
        .join(",");
    assert_eq!(
        errors(&format!(
            r#"{{"version":1,"pages":[{{"id":"a","name":"A","series":[{points}]}}]}}"#
        )),
        ["pages[0].series: the feed has more than 5000000 points, the limit"]
    );
}

// ---- CSV ----

#[test]
fn csv_columns_by_name_in_any_order_with_quotes_and_crlf() {
    let csv = "date,interactions,name,id,extra,posts\r\n2026-11-27,5,\"Ministry, \"\"Interior\"\"\",eg-moi,zzz,\r\n2026-11-26,7,\"Ministry, \"\"Interior\"\"\",eg-moi,,2\r\n";
    let feed = ok(csv);
    let page = &feed.pages[0];
    assert_eq!(page.name, "Ministry, \"Interior\"");
    assert_eq!(page.series.len(), 2);
    assert_eq!(page.series[0].date.to_string(), "2026-11-26");
    assert_eq!(page.series[0].posts(), Some(2));
    assert_eq!(page.series[1].posts(), None);
}

#[test]
fn csv_errors_name_line_and_column() {
    let csv = "id,name,date,interactions,followers\na,A,2026-11-27,-5,\nb,B,2026-13-01,1,x\n";
    assert_eq!(
        errors(csv),
        [
            "line 2, column 4 (interactions): expected a non-negative integer, got -5",
            "line 3, column 3 (date): expected a real calendar date as YYYY-MM-DD in the years 1900-2099, got \"2026-13-01\"",
            "line 3, column 5 (followers): expected a non-negative integer, got x",
        ]
    );
}

#[test]
fn csv_header_rules() {
    assert_eq!(errors("id,name,date\n"), ["line 1: missing required column `interactions` in the CSV header (a CSV feed needs id, name, date, interactions; a JSON feed starts with {)"]);
    assert_eq!(
        errors("id,name,date,interactions,id\n"),
        ["line 1, column 5: duplicate column `id`"]
    );
    assert_eq!(
        errors(""),
        ["line 1: the feed is empty: a CSV header row is required"]
    );
    assert_eq!(
        errors("id,name,date,interactions\na,A,2026-11-27\n"),
        ["line 2: expected 4 fields as in the header, got 3"]
    );
}

#[test]
fn csv_page_fields_must_agree_and_dates_be_unique() {
    let csv = "id,name,date,interactions,country\na,A,2026-11-27,1,EG\na,A,2026-11-26,1,US\na,A,2026-11-27,2,EG\n";
    assert_eq!(
        errors(csv),
        [
            "line 3, column 5 (country): page \"a\" has country \"US\" here but \"EG\" on line 2; page fields must agree on every row",
            "line 4, column 3 (date): duplicate date 2026-11-27 for page \"a\", first on line 2",
        ]
    );
}

#[test]
fn detection_by_first_character() {
    assert!(ok("\u{feff} \n {\"version\":1,\"pages\":[]}")
        .pages
        .is_empty());
    assert_eq!(
        ok("\u{feff}id,name,date,interactions\r\na,A,2026-11-27,1\r\n").pages[0].id,
        "a"
    );
}

#[test]
fn repeated_fields_are_reported_where_they_repeat() {
    assert_eq!(
        errors(&one_page(r#"{"id":"a","name":"A","id":"b"}"#)),
        ["pages[0]: duplicate field `id`"]
    );
    assert_eq!(
        errors(&one_page(
            r#"{"id":"a","name":"A","series":[{"date":"2026-11-28","interactions":1,"interactions":2}]}"#
        )),
        ["pages[0].series[0]: duplicate field `interactions`"]
    );
}

#[test]
fn problems_are_capped_so_any_input_gives_a_bounded_report() {
    let pages = std::iter::repeat_n(r#"{"id":"x y"}"#, 3000)
        .collect::<Vec<_>>()
        .join(",");
    let e = errors(&format!(r#"{{"version":1,"pages":[{pages}]}}"#));
    assert_eq!(e.len(), 1001);
    assert_eq!(
        e[0],
        "pages[0].id: may contain only A-Z a-z 0-9 . _ -, found U+0020"
    );
    assert_eq!(e[1], "pages[0].name: required");
    assert_eq!(
        e[1000],
        "feed: 5000 more problems not listed (the first 1000 are)"
    );
}

#[test]
fn a_duplicate_id_is_reported_even_when_the_feed_has_other_problems() {
    let feed = r#"{"version":1,"pages":[
        {"id":"a","name":"A","series":[{"date":"2026-11-27","interactions":-5}]},
        {"id":"a","name":"A again","series":[]},
        {"id":"b","name":"","series":[]},
        {"id":"b","name":"B","series":[]}]}"#;
    assert_eq!(
        errors(feed),
        [
            "pages[0].series[0].interactions: expected a non-negative integer, got -5",
            "pages[1].id: duplicate id \"a\", first used at pages[0]",
            "pages[2].name: must not be empty",
            "pages[3].id: duplicate id \"b\", first used at pages[2]",
        ]
    );
}

#[test]
fn lang_fields_are_bcp47_tags() {
    let f = ok(
        r#"{"version":1,"lang":"en","pages":[{"id":"a","name":"A","lang":"ar-EG","series":[]}]}"#,
    );
    assert_eq!(f.lang.as_deref(), Some("en"));
    assert_eq!(f.pages[0].lang.as_deref(), Some("ar-EG"));
    for good in ["zh-Hant-TW", "de-CH-1996", "sr-Latn", "fil"] {
        ok(&format!(r#"{{"version":1,"lang":"{good}","pages":[]}}"#));
    }
    assert_eq!(
        errors(r#"{"version":1,"lang":"english please","pages":[]}"#),
        ["lang: expected a BCP 47 language tag such as ar or en-US, got \"english please\""]
    );
    assert_eq!(
        errors(&one_page(r#"{"id":"a","name":"A","lang":"e","series":[]}"#)),
        ["pages[0].lang: expected a BCP 47 language tag such as ar or en-US, got \"e\""]
    );
    assert_eq!(
        errors(&one_page(r#"{"id":"a","name":"A","lang":3,"series":[]}"#)),
        ["pages[0].lang: expected a string, got 3"]
    );
    // null means absent (SPEC §1).
    assert_eq!(ok(r#"{"version":1,"lang":null,"pages":[]}"#).lang, None);
}
