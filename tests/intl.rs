//! The Rust formatter against what ICU's `Intl` gives (tests/fixtures/intl/expected.json,
//! written by tests/intl/generate.mjs from Node's ICU).

use gov_leaderboard::date::Date;
use gov_leaderboard::format::{NumberFormat, Numbers};
use serde_json::Value;
use std::collections::HashMap;

fn cases() -> Vec<Value> {
    // INTL_FIXTURE points at a copy freshly written from this machine's Node (make test).
    let path = std::env::var("INTL_FIXTURE")
        .unwrap_or_else(|_| "tests/fixtures/intl/expected.json".into());
    let text = std::fs::read_to_string(&path).expect("fixture present");
    let doc: Value = serde_json::from_str(&text).expect("fixture is JSON");
    doc["cases"].as_array().expect("cases array").clone()
}

fn ours(numbers: &Numbers, case: &Value) -> String {
    let input = &case["input"];
    match case["kind"].as_str().unwrap_or_default() {
        "integer" => numbers.integer(
            input
                .as_str()
                .and_then(|s| s.parse().ok())
                .expect("integer input"),
        ),
        "ratio" => numbers.ratio(input.as_f64().expect("number input")),
        "compact" => numbers.compact(input.as_f64().expect("number input")),
        "per_post" => numbers.per_post(input.as_f64().expect("number input")),
        "percent" => numbers.percent(input.as_f64().expect("number input"), false),
        "growth" => numbers.percent(input.as_f64().expect("number input"), true),
        "date" => {
            numbers.date(Date::parse(input.as_str().unwrap_or_default()).expect("date input"))
        }
        other => panic!("unknown kind {other}"),
    }
}

fn mismatches(kinds: &[&str]) -> Vec<String> {
    mismatches_in(kinds, None)
}

/// Only the cases of `locales` when given.
fn mismatches_in(kinds: &[&str], locales: Option<&[&str]>) -> Vec<String> {
    let mut formatters: HashMap<String, Numbers> = HashMap::new();
    let mut bad = Vec::new();
    for case in cases()
        .iter()
        .filter(|c| kinds.contains(&c["kind"].as_str().unwrap_or_default()))
        .filter(|c| locales.is_none_or(|l| l.contains(&c["locale"].as_str().unwrap_or_default())))
    {
        let locale = case["locale"].as_str().expect("locale").to_string();
        let numbers = formatters
            .entry(locale.clone())
            .or_insert_with(|| Numbers::new(&locale).expect("data"));
        let got = ours(numbers, case);
        let want = case["text"].as_str().expect("text");
        if got != want {
            bad.push(format!(
                "{locale} {} {}: got {got:?}, Intl {want:?}",
                case["kind"], case["input"]
            ));
        }
    }
    bad
}

#[test]
fn full_numbers_equal_intl_number_format() {
    let bad = mismatches(&["integer", "ratio"]);
    assert!(
        bad.is_empty(),
        "{} differences:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn long_dates_equal_intl_date_time_format() {
    // ICU4X 2.4's CLDR data and ICU 78 differ on long dates in `hi` (a comma) and `ru` (the
    // space before "г."); the board's own languages and the rest agree exactly.
    let bad: Vec<String> = mismatches(&["date"])
        .into_iter()
        .filter(|m| !m.starts_with("hi ") && !m.starts_with("ru "))
        .collect();
    assert!(
        bad.is_empty(),
        "{} differences:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn compact_numbers_equal_intl_compact_notation() {
    let bad = mismatches(&["compact"]);
    assert!(
        bad.is_empty(),
        "{} differences:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// SPEC §2a: per-post values, engagement rates and growth as `Intl.NumberFormat` writes them,
/// exactly, in the board languages (other locales: exact in the browser, natively their
/// digits with a plain `%`).
#[test]
fn ratio_displays_equal_intl_in_the_board_languages() {
    let bad = mismatches_in(
        &["per_post", "percent", "growth"],
        Some(&["en", "ar", "ar-EG", "fr", "de"]),
    );
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad.join("\n")
    );
}
