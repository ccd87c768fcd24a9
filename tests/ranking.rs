//! Ranking rules of SPEC §2, one behaviour per test, through the public API.

use gov_leaderboard::feed::parse;
use gov_leaderboard::options::{Metric, RankOptions, Ties, Window};
use gov_leaderboard::rank::{rank, Ranking, Value};
use serde_json::{json, Value as Json};

fn feed(pages: Json) -> gov_leaderboard::feed::Feed {
    let doc = json!({ "version": 1, "pages": pages });
    parse(doc.to_string().as_bytes()).expect("test feed is valid")
}

fn feed_as_of(as_of: &str, pages: Json) -> gov_leaderboard::feed::Feed {
    let doc = json!({ "version": 1, "as_of": as_of, "pages": pages });
    parse(doc.to_string().as_bytes()).expect("test feed is valid")
}

/// A page with interactions on the given dates.
fn p(id: &str, points: &[(&str, u64)]) -> Json {
    let series: Vec<Json> = points
        .iter()
        .map(|(d, i)| json!({ "date": d, "interactions": i }))
        .collect();
    json!({ "id": id, "name": format!("Name {id}"), "series": series })
}

fn opts() -> RankOptions {
    RankOptions::default()
}

fn ids(r: &Ranking) -> Vec<&str> {
    r.rows.iter().map(|r| r.id.as_str()).collect()
}

fn ranks(r: &Ranking) -> Vec<u32> {
    r.rows.iter().map(|r| r.rank).collect()
}

fn as_json(r: &Ranking) -> Json {
    serde_json::from_str(&r.to_json()).expect("valid JSON")
}

#[test]
fn interactions_sum_the_window_ending_at_the_latest_date() {
    let f = feed(json!([
        p(
            "a",
            &[("2026-11-28", 10), ("2026-10-30", 5), ("2026-10-29", 1000)]
        ),
        p("b", &[("2026-11-01", 12)]),
    ]));
    let r = rank(&f, &opts());
    assert_eq!(
        r.as_of.map(|d| d.to_string()).as_deref(),
        Some("2026-11-28")
    );
    // 2026-10-30 is the first day of the 30-day window; 2026-10-29 falls in the previous one.
    assert_eq!(r.rows[0].value, Value::Count(15));
    assert_eq!(ids(&r), ["a", "b"]);
    assert_eq!(r.rows[0].previous_rank, Some(1));
    assert_eq!(r.rows[1].previous_rank, None);
}

#[test]
fn as_of_cuts_later_points_and_empty_windows_are_unranked() {
    let f = feed_as_of(
        "2026-11-10",
        json!([
            p("late", &[("2026-11-20", 99)]),
            p("on", &[("2026-11-10", 1)]),
        ]),
    );
    let r = rank(
        &f,
        &RankOptions {
            window: Window::Days(1),
            ..opts()
        },
    );
    assert_eq!(ids(&r), ["on"]);
    assert_eq!(r.unranked, ["late"]);
}

#[test]
fn no_dates_at_all_gives_null_as_of_and_everything_unranked() {
    let f = feed(json!([{ "id": "z", "name": "Z" }, { "id": "a", "name": "A", "series": [] }]));
    let r = rank(&f, &opts());
    assert_eq!(
        as_json(&r),
        json!({"as_of": null, "metric": "interactions", "window": "30d", "ties": "competition", "rows": [], "unranked": ["a", "z"]})
    );
}

#[test]
fn per_post_divides_by_posts_and_skips_pages_without_posts() {
    let f = feed(json!([
        { "id": "a", "name": "A", "series": [
            { "date": "2026-11-28", "interactions": 10, "posts": 3 },
            { "date": "2026-11-27", "interactions": 5 } ] },
        { "id": "b", "name": "B", "series": [ { "date": "2026-11-28", "interactions": 10 } ] },
        { "id": "c", "name": "C", "series": [ { "date": "2026-11-28", "interactions": 9, "posts": 1 } ] },
    ]));
    let r = rank(
        &f,
        &RankOptions {
            metric: Metric::PerPost,
            ..opts()
        },
    );
    assert_eq!(ids(&r), ["c", "a"]);
    assert_eq!(r.rows[1].value, Value::Ratio(15.0 / 3.0));
    assert_eq!(r.unranked, ["b"]);
}

#[test]
fn engagement_rate_uses_the_latest_followers_in_the_window_else_the_page() {
    let f = feed(json!([
        { "id": "a", "name": "A", "followers": 1000, "series": [
            { "date": "2026-11-26", "interactions": 10, "followers": 50 },
            { "date": "2026-11-28", "interactions": 10, "followers": 100 },
            { "date": "2026-11-27", "interactions": 10 } ] },
        { "id": "b", "name": "B", "followers": 30, "series": [ { "date": "2026-11-28", "interactions": 3 } ] },
        { "id": "zero", "name": "Z", "followers": 10, "series": [ { "date": "2026-11-28", "interactions": 3, "followers": 0 } ] },
        { "id": "none", "name": "N", "series": [ { "date": "2026-11-28", "interactions": 3 } ] },
    ]));
    let r = rank(
        &f,
        &RankOptions {
            metric: Metric::EngagementRate,
            ..opts()
        },
    );
    assert_eq!(ids(&r), ["a", "b"]);
    assert_eq!(r.rows[0].value, Value::Ratio(0.3));
    assert_eq!(r.rows[1].value, Value::Ratio(0.1));
    // A 0 on the latest point counts as 0 (not "fall back to the page"): not ranked.
    assert_eq!(r.unranked, ["none", "zero"]);
}

#[test]
fn growth_compares_with_the_previous_window() {
    let f = feed(json!([
        p("up", &[("2026-11-28", 30), ("2026-11-27", 10)]),
        p("down", &[("2026-11-28", 5), ("2026-11-27", 10)]),
        p("zero-before", &[("2026-11-28", 5), ("2026-11-27", 0)]),
        p("nothing-before", &[("2026-11-28", 5)]),
        p("nothing-now", &[("2026-11-27", 5)]),
    ]));
    let r = rank(
        &f,
        &RankOptions {
            metric: Metric::Growth,
            window: Window::Days(1),
            ..opts()
        },
    );
    assert_eq!(ids(&r), ["up", "down"]);
    assert_eq!(r.rows[0].value, Value::Ratio(2.0));
    assert_eq!(r.rows[1].value, Value::Ratio(-0.5));
    assert_eq!(r.unranked, ["nothing-before", "nothing-now", "zero-before"]);
}

#[test]
fn growth_movement_uses_the_window_before_the_previous_one() {
    let f = feed(json!([
        p(
            "a",
            &[("2026-11-28", 20), ("2026-11-27", 10), ("2026-11-26", 10)]
        ),
        p(
            "b",
            &[("2026-11-28", 11), ("2026-11-27", 10), ("2026-11-26", 1)]
        ),
    ]));
    let r = rank(
        &f,
        &RankOptions {
            metric: Metric::Growth,
            window: Window::Days(1),
            ..opts()
        },
    );
    assert_eq!(ids(&r), ["a", "b"]);
    // Previously: a grew 0%, b grew 900%.
    assert_eq!(r.rows[0].previous_rank, Some(2));
    assert_eq!(r.rows[0].delta, Some(1));
    assert_eq!(r.rows[1].delta, Some(-1));
}

#[test]
fn window_all_ranks_every_date_and_has_no_movement_or_growth() {
    let f = feed(json!([
        p("a", &[("2020-01-01", 100), ("2026-11-28", 1)]),
        p("b", &[("2026-11-28", 50)])
    ]));
    let r = rank(
        &f,
        &RankOptions {
            window: Window::All,
            ..opts()
        },
    );
    assert_eq!(ids(&r), ["a", "b"]);
    assert_eq!(r.rows[0].value, Value::Count(101));
    assert!(r
        .rows
        .iter()
        .all(|row| row.previous_rank.is_none() && row.delta.is_none()));
    let g = rank(
        &f,
        &RankOptions {
            window: Window::All,
            metric: Metric::Growth,
            ..opts()
        },
    );
    assert!(g.rows.is_empty());
    assert_eq!(g.unranked, ["a", "b"]);
}

fn tied() -> gov_leaderboard::feed::Feed {
    feed(json!([
        p("p9", &[("2026-11-28", 5)]),
        p("P1", &[("2026-11-28", 5)]),
        p("top", &[("2026-11-28", 9)]),
        p("p10", &[("2026-11-28", 5)]),
        p("last", &[("2026-11-28", 1)]),
    ]))
}

#[test]
fn ties_competition_and_dense_with_ids_in_byte_order() {
    let c = rank(&tied(), &opts());
    assert_eq!(ids(&c), ["top", "P1", "p10", "p9", "last"]);
    assert_eq!(ranks(&c), [1, 2, 2, 2, 5]);
    let d = rank(
        &tied(),
        &RankOptions {
            ties: Ties::Dense,
            ..opts()
        },
    );
    assert_eq!(ranks(&d), [1, 2, 2, 2, 3]);
}

#[test]
fn top_keeps_every_row_tied_at_the_cut() {
    let c = rank(&tied(), &RankOptions { top: 2, ..opts() });
    assert_eq!(ranks(&c), [1, 2, 2, 2]);
    let d = rank(
        &tied(),
        &RankOptions {
            top: 1,
            ties: Ties::Dense,
            ..opts()
        },
    );
    assert_eq!(ids(&d), ["top"]);
    let f = feed(json!([
        p("a", &[("2026-11-28", 4)]),
        p("b", &[("2026-11-28", 3)]),
        p("c", &[("2026-11-28", 3)]),
        p("d", &[("2026-11-28", 2)])
    ]));
    let dense3 = rank(
        &f,
        &RankOptions {
            top: 3,
            ties: Ties::Dense,
            ..opts()
        },
    );
    assert_eq!(ranks(&dense3), [1, 2, 2]);
    let all = rank(&f, &RankOptions { top: 50, ..opts() });
    assert_eq!(all.rows.len(), 4);
}

#[test]
fn pin_adds_a_page_below_the_cut_with_its_true_rank() {
    let r = rank(
        &tied(),
        &RankOptions {
            top: 1,
            pin: Some("last".into()),
            ..opts()
        },
    );
    assert_eq!(ids(&r), ["top", "last"]);
    assert_eq!(ranks(&r), [1, 5]);
    let inside = rank(
        &tied(),
        &RankOptions {
            top: 1,
            pin: Some("top".into()),
            ..opts()
        },
    );
    assert_eq!(ids(&inside), ["top"]);
    for pin in ["unknown", "nope"] {
        let r = rank(
            &tied(),
            &RankOptions {
                top: 1,
                pin: Some(pin.into()),
                ..opts()
            },
        );
        assert_eq!(ids(&r), ["top"]);
    }
}

#[test]
fn pin_that_is_filtered_out_or_unranked_adds_nothing() {
    let f = feed(json!([
        { "id": "eg", "name": "EG", "country": "EG", "series": [{ "date": "2026-11-28", "interactions": 1 }] },
        { "id": "us", "name": "US", "country": "US", "series": [{ "date": "2026-11-28", "interactions": 5 }] },
        { "id": "us2", "name": "US2", "country": "US", "series": [{ "date": "2026-11-28", "interactions": 4 }] },
        { "id": "quiet", "name": "Q", "country": "US" },
    ]));
    let r = rank(
        &f,
        &RankOptions {
            top: 1,
            country: Some("US".into()),
            pin: Some("eg".into()),
            ..opts()
        },
    );
    assert_eq!(ids(&r), ["us"]);
    let q = rank(
        &f,
        &RankOptions {
            top: 1,
            pin: Some("quiet".into()),
            ..opts()
        },
    );
    assert_eq!(ids(&q), ["us"]);
}

#[test]
fn filters_select_first_and_are_exact() {
    let f = feed(json!([
        { "id": "a", "name": "A", "country": "EG", "platform": "facebook", "category": "ministry", "series": [{ "date": "2026-11-28", "interactions": 1 }] },
        { "id": "b", "name": "B", "country": "EG", "platform": "x", "category": "ministry", "series": [{ "date": "2026-11-28", "interactions": 5 }] },
        { "id": "c", "name": "C", "country": "eg", "platform": "facebook", "series": [{ "date": "2026-11-28", "interactions": 9 }] },
        { "id": "d", "name": "D", "country": "EG", "platform": "facebook", "category": "ministry" },
    ]));
    let r = rank(
        &f,
        &RankOptions {
            country: Some("EG".into()),
            platform: Some("facebook".into()),
            ..opts()
        },
    );
    assert_eq!(ids(&r), ["a"]);
    assert_eq!(ranks(&r), [1]);
    assert_eq!(r.unranked, ["d"]);
    let none = rank(
        &f,
        &RankOptions {
            category: Some("Ministry".into()),
            ..opts()
        },
    );
    assert!(none.rows.is_empty() && none.unranked.is_empty());
}

#[test]
fn movement_compares_with_the_window_before() {
    let f = feed(json!([
        p("a", &[("2026-11-28", 1), ("2026-11-27", 9)]),
        p("b", &[("2026-11-28", 5), ("2026-11-27", 3)]),
        p("c", &[("2026-11-28", 3)]),
    ]));
    let r = rank(
        &f,
        &RankOptions {
            window: Window::Days(1),
            ..opts()
        },
    );
    let rows: Vec<(&str, Option<u32>, Option<i64>)> = r
        .rows
        .iter()
        .map(|x| (x.id.as_str(), x.previous_rank, x.delta))
        .collect();
    assert_eq!(
        rows,
        [
            ("b", Some(2), Some(1)),
            ("c", None, None),
            ("a", Some(1), Some(-2))
        ]
    );
}

#[test]
fn output_has_exactly_the_keys_of_the_contract() {
    let f = feed(json!([p("us-wh", &[("2026-11-28", 26_000_000)])]));
    let json = as_json(&rank(&f, &opts()));
    assert_eq!(
        json,
        json!({"as_of": "2026-11-28", "metric": "interactions", "window": "30d", "ties": "competition",
               "rows": [{"rank": 1, "id": "us-wh", "name": "Name us-wh", "value": 26000000, "previous_rank": null, "delta": null}],
               "unranked": []})
    );
}

#[test]
fn huge_windows_do_not_overflow() {
    let f = feed(json!([p("a", &[("1900-01-01", 1), ("2099-12-31", 2)])]));
    let r = rank(
        &f,
        &RankOptions {
            window: Window::Days(u32::MAX),
            ..opts()
        },
    );
    assert_eq!(r.rows[0].value, Value::Count(3));
    assert_eq!(r.rows[0].previous_rank, None);
}
