//! The replay's frames on larger generated feeds than the property tests use (many tied pages,
//! late starts, gaps, `top` on both sides of the selection's sort threshold), and its 3,660-day
//! cap (SPEC §2b). tests/properties.rs checks every frame against `rank` on random small feeds.

use gov_leaderboard::date::Date;
use gov_leaderboard::feed::parse;
use gov_leaderboard::options::{Metric, RankOptions, Ties, Window};
use gov_leaderboard::rank::rank;
use gov_leaderboard::timeline::{days, timeline, Builder, Keep, MAX_DAYS};

/// A feed of `pages` pages over `span` days ending 2026-11-28: small values (so many ties),
/// pages starting late and skipping days, posts and followers on some points.
fn feed(pages: usize, span: i64, seed: u64) -> String {
    let mut s = seed;
    let mut next = move |m: u64| {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (s >> 33) % m
    };
    let end = Date::parse("2026-11-28").expect("date");
    let mut out = String::from("{\"version\":1,\"pages\":[");
    for p in 0..pages {
        let start = next(span as u64) as i64;
        let mut series = Vec::new();
        for day in start..span {
            if next(5) == 0 {
                continue;
            }
            let date = end.add_days(day - span + 1);
            let mut point = format!("{{\"date\":\"{date}\",\"interactions\":{}", next(4) * 100);
            if next(2) == 0 {
                point += &format!(",\"posts\":{}", next(3));
            }
            if next(4) == 0 {
                point += &format!(",\"followers\":{}", next(3) * 10);
            }
            series.push(point + "}");
        }
        let followers = if p % 3 == 0 { ",\"followers\":50" } else { "" };
        out += &format!(
            "{}{{\"id\":\"p{p:04}\",\"name\":\"P{p}\"{followers},\"series\":[{}]}}",
            if p == 0 { "" } else { "," },
            series.join(",")
        );
    }
    out + "]}"
}

fn check_every_frame(feed_text: &str, o: &RankOptions, from: Option<Date>) -> usize {
    let feed = parse(feed_text.as_bytes()).expect("valid");
    let frames = timeline(&feed, o, from);
    for frame in &frames {
        let on_day = RankOptions {
            as_of: Some(frame.date),
            ..o.clone()
        };
        assert_eq!(
            frame.to_ranking(&feed, o),
            rank(&feed, &on_day),
            "{o:?} on {}",
            frame.date
        );
    }
    frames.len()
}

#[test]
fn frames_equal_rank_on_larger_feeds() {
    let text = feed(300, 40, 7);
    for metric in Metric::ALL {
        for (window, ties, top) in [
            (Window::Days(7), Ties::Competition, 5),
            (Window::Days(3), Ties::Dense, 70),
            (Window::All, Ties::Competition, 100),
            (Window::Days(1), Ties::Competition, 1),
        ] {
            let o = RankOptions {
                metric,
                window,
                ties,
                top,
                pin: Some("p0250".into()),
                ..RankOptions::default()
            };
            assert_eq!(check_every_frame(&text, &o, None), 40, "{o:?}");
        }
    }
}

#[test]
fn a_replay_spans_at_most_3660_days() {
    let text = r#"{"version":1,"pages":[{"id":"a","name":"A","series":[
        {"date":"1900-01-01","interactions":5},{"date":"2026-11-28","interactions":1}]}]}"#;
    let feed = parse(text.as_bytes()).expect("valid");
    let o = RankOptions::default();
    let (f, d) = days(&feed, &o, None).expect("days");
    assert_eq!(d.to_string(), "2026-11-28");
    assert_eq!(i64::from(d.day_number() - f.day_number()) + 1, MAX_DAYS);
    assert_eq!(f, d.add_days(1 - MAX_DAYS));
    // An earlier `from` moves up too; a later one than D is D.
    let early = Date::parse("1950-01-01");
    assert_eq!(days(&feed, &o, early).map(|s| s.0), Some(f));
    let late = Date::parse("2030-01-01");
    assert_eq!(days(&feed, &o, late), Some((d, d)));
    assert_eq!(timeline(&feed, &o, None).len() as i64, MAX_DAYS);
}

#[test]
fn the_builder_spreads_work_and_keeps_what_a_board_shows() {
    let text = feed(50, 30, 3);
    let feed = parse(text.as_bytes()).expect("valid");
    let o = RankOptions::default();
    let mut builder = Builder::new(&feed, &o, None, Keep::Board);
    assert_eq!(builder.len(), 30);
    let mut steps = 0;
    while !builder.advance(&feed, 120) {
        steps += 1;
    }
    // 120 page-days a call is 3 days of 50 pages (a day is never split): 10 calls for 30 days.
    assert_eq!(steps + 1, 10);
    let all = timeline(&feed, &o, None);
    assert_eq!(builder.frames.len(), all.len());
    for (a, b) in builder.frames.iter().zip(&all) {
        assert_eq!(a.rows, b.rows);
        assert!(a.unranked.is_empty());
    }
}

#[test]
fn an_as_of_option_moves_d() {
    let text = feed(20, 30, 5);
    let feed = parse(text.as_bytes()).expect("valid");
    let o = RankOptions {
        as_of: Date::parse("2026-11-20"),
        ..RankOptions::default()
    };
    let frames = timeline(&feed, &o, None);
    assert_eq!(
        frames.last().map(|f| f.date.to_string()),
        Some("2026-11-20".into())
    );
    assert_eq!(
        rank(&feed, &o).as_of.map(|d| d.to_string()),
        Some("2026-11-20".into())
    );
    // A day with no points at all still has a date (D), with every page unranked.
    let empty = RankOptions {
        as_of: Date::parse("2099-12-31"),
        ..RankOptions::default()
    };
    let r = rank(&feed, &empty);
    assert!(r.rows.is_empty());
    assert_eq!(r.unranked.len(), 20);
}

#[test]
fn a_board_replay_keeps_at_most_100_rows_a_day_the_pin_included() {
    // 300 pages tied every day: `rank` keeps all 300 (top 10, all tied at 1); a board 100.
    let mut text = String::from("{\"version\":1,\"pages\":[");
    for p in 0..300 {
        let comma = if p == 0 { "" } else { "," };
        text += &format!("{comma}{{\"id\":\"p{p:03}\",\"name\":\"P{p}\",\"series\":[{{\"date\":\"2026-11-27\",\"interactions\":5}},{{\"date\":\"2026-11-28\",\"interactions\":5}}]}}");
    }
    text += "]}";
    let feed = parse(text.as_bytes()).expect("valid");
    let o = RankOptions {
        pin: Some("p250".into()),
        ..RankOptions::default()
    };
    let mut builder = Builder::new(&feed, &o, None, Keep::Board);
    builder.advance(&feed, usize::MAX);
    assert_eq!(builder.frames.len(), 2);
    for frame in &builder.frames {
        assert_eq!(frame.rows.len(), 100);
        assert_eq!(
            frame.rows[99].page, 250,
            "the pinned page takes the last place"
        );
        assert_eq!(frame.more.map(|m| (m.count, m.rank)), Some((200, 1)));
        assert!(frame.unranked.is_empty());
    }
    // The same as the static board's cut of that day's ranking.
    let mut ranking = rank(&feed, &o);
    let more = gov_leaderboard::board::bound_rows(&mut ranking, Some("p250"));
    let last = builder.frames[1].to_ranking(&feed, builder.options());
    assert_eq!(last.rows, ranking.rows);
    assert_eq!(more, builder.frames[1].more);
}

/// Timing on a real-size feed: `TIMELINE_FEED=path cargo test --release --test timeline --
/// --ignored --nocapture` (the figures that count are `make bench`'s, in WebAssembly).
#[test]
#[ignore]
fn time_a_large_feed() {
    let Some(path) = std::env::var_os("TIMELINE_FEED") else {
        return;
    };
    let bytes = std::fs::read(path).expect("feed");
    let t = std::time::Instant::now();
    let feed = parse(&bytes).expect("valid");
    let parsed = t.elapsed();
    let o = RankOptions {
        pin: Some("p00007".into()),
        ..RankOptions::default()
    };
    let t = std::time::Instant::now();
    let r = rank(&feed, &o);
    let ranked = t.elapsed();
    let t = std::time::Instant::now();
    let frames = timeline(&feed, &o, None);
    let all = t.elapsed();
    println!(
        "parse {parsed:?}, rank {ranked:?}, timeline of {} days {all:?} ({} rows on D)",
        frames.len(),
        r.rows.len()
    );
}

#[test]
fn per_post_sums_past_64_bits_equal_rank() {
    // 2,100 daily points of 2^53 − 1 posts: the page's posts total passes 2^64.
    let end = Date::parse("2026-11-28").expect("date");
    let series = |interactions: u64| {
        (0..2100)
            .map(|d| {
                let date = end.add_days(d - 2099);
                format!(
                    r#"{{"date":"{date}","interactions":{interactions},"posts":9007199254740991}}"#
                )
            })
            .collect::<Vec<_>>()
            .join(",")
    };
    let text = format!(
        r#"{{"version":1,"pages":[{{"id":"a","name":"A","series":[{}]}},{{"id":"b","name":"B","series":[{}]}}]}}"#,
        series(3),
        series(4_000_000)
    );
    let o = RankOptions {
        metric: Metric::PerPost,
        window: Window::All,
        ..RankOptions::default()
    };
    assert_eq!(check_every_frame(&text, &o, Date::parse("2026-11-20")), 9);
}
