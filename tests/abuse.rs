//! What a hostile feed or a clumsy data desk can do to a board (issue "No feed, typo or
//! stranger can freeze the article"): every board is bounded, a date typo is an error, error
//! text and maps are bounded, links and names are checked strictly.

use gov_leaderboard::board::{self, BoardOptions, MAX_BOARD_ROWS};
use gov_leaderboard::chart::{Chart, ChartKind};
use gov_leaderboard::feed::{parse, Feed};
use gov_leaderboard::i18n::BoardLocale;
use gov_leaderboard::options::{RankOptions, Window};
use gov_leaderboard::rank::rank;
use gov_leaderboard::render;

/// `n` pages with the same interactions on one day (all tied), as CSV.
fn tied_csv(n: usize) -> String {
    let mut s = String::from("id,name,date,interactions\n");
    for i in 0..n {
        s.push_str(&format!("p{i:06},Page {i},2026-11-28,5\n"));
    }
    s
}

fn feed(text: &str) -> Feed {
    parse(text.as_bytes()).unwrap_or_else(|e| panic!("expected a valid feed, got:\n{e}"))
}

fn errors(text: &str) -> Vec<String> {
    match parse(text.as_bytes()) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems.iter().map(|p| p.to_string()).collect(),
    }
}

fn options(top: usize, pin: Option<&str>, chart: ChartKind) -> BoardOptions {
    BoardOptions {
        rank: RankOptions {
            top,
            pin: pin.map(str::to_string),
            ..RankOptions::default()
        },
        locale: Some("en".into()),
        chart,
        ..BoardOptions::default()
    }
}

fn en() -> BoardLocale {
    BoardLocale::new("en").expect("en")
}

#[test]
fn a_hundred_thousand_tied_pages_make_a_board_of_a_hundred_rows_and_one_line() {
    let f = feed(&tied_csv(100_000));
    // `rank` output is not bounded: every tied row is kept.
    assert_eq!(
        rank(&f, &options(1, None, ChartKind::Bars).rank).rows.len(),
        100_000
    );
    let (ranking, view) = board::build(&f, &options(1, None, ChartKind::Bars), &en());
    assert_eq!(ranking.rows.len(), MAX_BOARD_ROWS);
    assert_eq!(view.rows.len(), MAX_BOARD_ROWS);
    assert_eq!(view.more.as_deref(), Some("99,900 more tied at rank 1"));
    assert_eq!(view.rows[99].id, "p000099", "the first 100 in order");
    let Some(Chart::Bars(bars)) = &view.chart else {
        panic!("bars expected")
    };
    assert_eq!(bars.len(), MAX_BOARD_ROWS);
    let html = render::render(&f, &options(1, None, ChartKind::Bars), &en());
    assert_eq!(html.matches("<tr class=\"gl-row").count(), 100);
    assert!(html.contains("<p class=\"gl-more\">99,900 more tied at rank 1</p>"));
    // 64 MB of HTML before the bound; now a board of this size is about 100 KB.
    assert!(html.len() < 200_000, "{} bytes", html.len());
}

#[test]
fn a_pinned_page_past_the_bound_takes_the_last_place() {
    let f = feed(&tied_csv(300));
    let (ranking, view) = board::build(&f, &options(10, Some("p000250"), ChartKind::None), &en());
    assert_eq!(ranking.rows.len(), 100);
    assert_eq!(ranking.rows[99].id, "p000250");
    assert_eq!(ranking.rows[98].id, "p000098");
    assert!(view.rows[99].pinned);
    assert_eq!(view.more.as_deref(), Some("200 more tied at rank 1"));
}

#[test]
fn top_above_a_hundred_counts_as_a_hundred_on_boards_only() {
    let mut csv = String::from("id,name,date,interactions\n");
    for i in 0..250 {
        csv.push_str(&format!("p{i:03},Page {i},2026-11-28,{}\n", 1000 + i));
    }
    let f = feed(&csv);
    let opts = options(500, None, ChartKind::Bars);
    assert_eq!(rank(&f, &opts.rank).rows.len(), 250);
    let (ranking, view) = board::build(&f, &opts, &en());
    assert_eq!(ranking.rows.len(), 100);
    assert_eq!(view.more, None, "no ties at the cut: nothing more to say");
    assert_eq!(ranking.rows[99].rank, 100);
}

#[test]
fn a_small_board_has_no_more_line() {
    let f = feed(&tied_csv(12));
    let (ranking, view) = board::build(&f, &options(10, None, ChartKind::Bars), &en());
    assert_eq!(ranking.rows.len(), 12, "ties at the cut are all kept");
    assert_eq!(view.more, None);
    assert!(!render::render(&f, &options(10, None, ChartKind::Bars), &en()).contains("gl-more"));
}

#[test]
fn more_line_is_localized() {
    let f = feed(&tied_csv(150));
    let ar = BoardLocale::new("ar-EG").expect("ar-EG");
    let mut opts = options(1, None, ChartKind::None);
    opts.locale = Some("ar-EG".into());
    let (_, view) = board::build(&f, &opts, &ar);
    assert_eq!(
        view.more.as_deref(),
        Some("صفحات أخرى متعادلة في المركز ١ غير معروضة: ٥٠")
    );
}

#[test]
fn dates_outside_1900_to_2099_are_errors() {
    let text = r#"{"version":1,"pages":[{"id":"a","name":"A","series":[
        {"date":"0001-01-01","interactions":1},{"date":"9999-12-31","interactions":1}]}]}"#;
    assert_eq!(
        errors(text),
        [
            "pages[0].series[0].date: expected a real calendar date as YYYY-MM-DD in the years 1900-2099, got \"0001-01-01\"",
            "pages[0].series[1].date: expected a real calendar date as YYYY-MM-DD in the years 1900-2099, got \"9999-12-31\"",
        ]
    );
    assert_eq!(
        errors(r#"{"version":1,"as_of":"2100-01-01","pages":[]}"#),
        ["as_of: expected a real calendar date as YYYY-MM-DD in the years 1900-2099, got \"2100-01-01\""]
    );
    feed(
        r#"{"version":1,"as_of":"2099-12-31","pages":[{"id":"a","name":"A","series":[{"date":"1900-01-01","interactions":1}]}]}"#,
    );
}

/// 300 tied pages over the widest span of dates allowed, as the 4 GiB trap needed.
#[test]
fn a_trend_over_two_centuries_draws_ten_lines_of_at_most_a_thousand_points() {
    let mut csv = String::from("id,name,date,interactions\n");
    for i in 0..300 {
        csv.push_str(&format!(
            "p{i:03},Page {i},1900-01-01,7\np{i:03},Page {i},2099-12-31,7\n"
        ));
    }
    let f = feed(&csv);
    let mut opts = options(300, Some("p250"), ChartKind::Trend);
    opts.rank.window = Window::All;
    let (_, view) = board::build(&f, &opts, &en());
    let Some(Chart::Trend {
        lines,
        first_day,
        last_day,
        ..
    }) = &view.chart
    else {
        panic!("trend expected")
    };
    assert_eq!(lines.len(), 10);
    assert!(lines[9].highlight, "the pinned page is among the lines");
    assert_eq!(lines[9].label, "Page 250");
    for line in lines {
        assert!(line.values.len() <= 1000, "{}", line.values.len());
        // Both points are kept, summed into their buckets.
        assert_eq!(line.values.iter().flatten().sum::<f64>(), 14.0);
        assert_eq!(line.values.first(), Some(&Some(7.0)));
        assert_eq!(line.values.last(), Some(&Some(7.0)));
    }
    assert_eq!(
        (first_day.as_str(), last_day.as_str()),
        ("January 1, 1900", "December 31, 2099")
    );
}

#[test]
fn a_short_trend_keeps_one_point_per_day() {
    let f =
        feed("id,name,date,interactions\na,A,2026-11-26,1\na,A,2026-11-28,3\nb,B,2026-11-28,2\n");
    let (_, view) = board::build(&f, &options(10, None, ChartKind::Trend), &en());
    let Some(Chart::Trend { lines, .. }) = &view.chart else {
        panic!("trend expected")
    };
    assert_eq!(lines[0].values, vec![Some(1.0), None, Some(3.0)]);
    assert_eq!(lines[1].values, vec![None, None, Some(2.0)]);
}

#[test]
fn a_huge_names_key_is_quoted_at_most_64_characters() {
    let key = "k".repeat(3_000_000);
    let text = format!(
        r#"{{"version":1,"pages":[{{"id":"a","name":"A","names":{{"{key} x":""}},"series":[]}}]}}"#
    );
    let errs = errors(&text);
    assert_eq!(errs.len(), 1);
    assert!(errs[0].len() < 200, "{} characters", errs[0].len());
    assert_eq!(
        errs[0],
        format!("pages[0].names[\"{}…\"]: must not be empty", "k".repeat(64))
    );
}

#[test]
fn maps_hold_at_most_64_entries_and_no_key_twice() {
    let entries: Vec<String> = (0..65).map(|i| format!(r#""l{i}":"N{i}""#)).collect();
    let page = |names: &str| {
        format!(
            r#"{{"version":1,"pages":[{{"id":"a","name":"A","names":{{{names}}},"series":[]}}]}}"#
        )
    };
    assert_eq!(
        errors(&page(&entries.join(","))),
        ["pages[0].names: must have at most 64 entries"]
    );
    assert!(errors(&page(&entries[..64].join(","))).is_empty());
    assert_eq!(
        errors(&page(r#""en":"One","en":"Two""#)),
        ["pages[0].names.en: duplicate key"]
    );
    assert_eq!(
        errors(
            r#"{"version":1,"titles":{"ar":"أ","ar":"ب"},"source":{"names":{"fr":"x","fr":"y"}},"pages":[]}"#
        ),
        ["titles.ar: duplicate key", "source.names.fr: duplicate key"]
    );
}

#[test]
fn titles_and_source_names_follow_the_board_locale() {
    let f = feed(
        r#"{"version":1,"title":"Most-engaged government pages","titles":{"ar":"أكثر الصفحات الحكومية تفاعلاً"},
        "source":{"name":"Example Analytics","names":{"ar-EG":"مثال للتحليلات"}},
        "pages":[{"id":"a","name":"A","series":[{"date":"2026-11-28","interactions":1}]}]}"#,
    );
    assert_eq!(
        f.display_title("ar-EG"),
        Some("أكثر الصفحات الحكومية تفاعلاً")
    );
    assert_eq!(f.display_title("fr"), Some("Most-engaged government pages"));
    assert_eq!(f.display_source_name("ar-EG"), Some("مثال للتحليلات"));
    assert_eq!(f.display_source_name("ar"), Some("Example Analytics"));
}

#[test]
fn a_name_needs_a_visible_character() {
    let text = "{\"version\":1,\"pages\":[{\"id\":\"a\",\"name\":\"\\u200b\\u200d \\u202e\",\"series\":[]}]}";
    assert_eq!(
        errors(text),
        ["pages[0].name: must contain at least one visible character"]
    );
    assert_eq!(
        errors("id,name,date,interactions\na,\u{3164},2026-11-28,1\n"),
        ["line 2, column 2 (name): must contain at least one visible character"]
    );
}

#[test]
fn links_follow_the_strict_grammar() {
    for bad in [
        "http://@",
        "https://%0a",
        "https://a\\u202eb",
        "https://evil\\\\@good",
    ] {
        let text = format!(
            r#"{{"version":1,"source":{{"url":"{bad}"}},"pages":[{{"id":"a","name":"A","url":"{bad}","series":[]}}]}}"#
        );
        let errs = errors(&text);
        assert_eq!(errs.len(), 2, "{bad}: {errs:?}");
        assert!(errs[0].starts_with("source.url: "), "{errs:?}");
        assert!(errs[1].starts_with("pages[0].url: "), "{errs:?}");
    }
}

#[test]
fn a_long_label_is_cut_to_fit_beside_its_value() {
    let name = "W".repeat(200);
    let f = feed(&format!(
        "id,name,date,interactions\na,{name},2026-11-28,123456789\n"
    ));
    let html = render::render(&f, &options(10, None, ChartKind::Bars), &en());
    let svg_text: Vec<&str> = html
        .split("<text ")
        .skip(1)
        .map(|t| &t[t.find('>').map_or(0, |i| i + 1)..t.find("</text>").unwrap_or(0)])
        .collect();
    let label = svg_text.iter().find(|t| t.contains('W')).expect("label");
    assert!(label.ends_with("…\u{2069}"), "{label}");
    let ws = label.matches('W').count();
    // 360 px, 14 px bold-free label, value "123M" beside it: about 25 W fit, never 200.
    assert!((10..40).contains(&ws), "{ws} W shown");
    // The table keeps the whole name.
    assert!(html.contains(&format!("<bdi>{name}</bdi>")));
}

/// SPEC §2a: window `all` has no previous window, so the board has no movement column (and no
/// row says "new").
#[test]
fn window_all_has_no_movement_column() {
    let f = feed(&tied_csv(3));
    let mut opts = options(10, None, ChartKind::None);
    opts.rank.window = Window::All;
    let html = render::render(&f, &opts, &en());
    assert!(!html.contains("gl-move"), "{html}");
    assert_eq!(
        html.matches("<th ").count(),
        3 + 3,
        "3 column headers, 3 row headers"
    );
    let (_, view) = board::build(&f, &opts, &en());
    assert!(!view.movement);
    opts.rank.window = Window::Days(30);
    assert!(render::render(&f, &opts, &en())
        .contains("<th class=\"gl-move\" scope=\"col\">Change</th>"));
}
