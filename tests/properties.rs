//! Property tests of the ranking: a naive reference implementation of SPEC §2 as the oracle,
//! plus the invariants (order, ties, shuffling, JSON ≡ CSV).

use gov_leaderboard::feed::parse;
use gov_leaderboard::options::{Metric, RankOptions, Ties, Window};
use gov_leaderboard::rank::rank;
use gov_leaderboard::timeline::{days, timeline, Builder, Keep};
use proptest::prelude::*;
use serde_json::{json, Value as Json};

#[derive(Debug, Clone)]
struct Pt {
    day: u32, // 1..=28 → 2026-11-DD
    interactions: u64,
    posts: Option<u64>,
    followers: Option<u64>,
}

#[derive(Debug, Clone)]
struct Pg {
    id: String,
    country: Option<&'static str>,
    followers: Option<u64>,
    points: Vec<Pt>,
}

const IDS: [&str; 12] = [
    "a", "B", "p1", "P1", "p10", "p9", "eg-moi", "us-wh", "Z", "z.z", "_x", "9",
];

fn point() -> impl Strategy<Value = Pt> {
    (
        1u32..=28,
        0u64..6,
        prop::option::of(0u64..4),
        prop::option::of(0u64..4),
    )
        .prop_map(|(day, i, posts, followers)| Pt {
            day,
            interactions: i * 1000,
            posts,
            followers,
        })
}

fn page(id: &'static str) -> impl Strategy<Value = Pg> {
    (
        prop::option::of(prop::sample::select(vec!["EG", "US"])),
        prop::option::of(0u64..5),
        prop::collection::vec(point(), 0..8),
    )
        .prop_map(move |(country, followers, mut points)| {
            points.sort_by_key(|p| p.day);
            points.dedup_by_key(|p| p.day);
            Pg {
                id: id.to_string(),
                country,
                followers,
                points,
            }
        })
}

fn pages() -> impl Strategy<Value = Vec<Pg>> {
    prop::sample::subsequence(IDS.to_vec(), 0..=IDS.len())
        .prop_flat_map(|ids| ids.into_iter().map(page).collect::<Vec<_>>())
}

fn options() -> impl Strategy<Value = RankOptions> {
    (
        prop::sample::select(Metric::ALL.to_vec()),
        prop_oneof![(1u32..12).prop_map(Window::Days), Just(Window::All)],
        prop::sample::select(vec![Ties::Competition, Ties::Dense]),
        1usize..7,
        prop::option::of(prop::sample::select(vec!["EG", "US"])),
        prop::option::of(prop::sample::select(IDS.to_vec())),
    )
        .prop_map(|(metric, window, ties, top, country, pin)| RankOptions {
            metric,
            window,
            ties,
            top,
            country: country.map(String::from),
            pin: pin.map(String::from),
            ..RankOptions::default()
        })
}

fn date(day: u32) -> String {
    format!("2026-11-{day:02}")
}

fn to_json(pages: &[Pg], with_page_followers: bool) -> String {
    let pages: Vec<Json> = pages
        .iter()
        .map(|p| {
            let series: Vec<Json> = p
                .points
                .iter()
                .map(|pt| {
                    let mut o = json!({ "date": date(pt.day), "interactions": pt.interactions });
                    if let Some(v) = pt.posts {
                        o["posts"] = json!(v);
                    }
                    if let Some(v) = pt.followers {
                        o["followers"] = json!(v);
                    }
                    o
                })
                .collect();
            let mut o = json!({ "id": p.id, "name": format!("Page {}", p.id), "series": series });
            if let Some(c) = p.country {
                o["country"] = json!(c);
            }
            if let (true, Some(f)) = (with_page_followers, p.followers) {
                o["followers"] = json!(f);
            }
            o
        })
        .collect();
    json!({ "version": 1, "pages": pages }).to_string()
}

fn to_csv(pages: &[Pg]) -> String {
    let mut out = String::from("interactions,id,followers,date,name,posts,country\r\n");
    for p in pages {
        for pt in &p.points {
            let opt = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_default();
            out.push_str(&format!(
                "{},{},{},{},\"Page {}\",{},{}\r\n",
                pt.interactions,
                p.id,
                opt(pt.followers),
                date(pt.day),
                p.id,
                opt(pt.posts),
                p.country.unwrap_or("")
            ));
        }
    }
    out
}

/// The reference: SPEC §2 written as plainly as possible, O(n²) where that is clearest.
fn reference(pages: &[Pg], o: &RankOptions) -> Json {
    let selected: Vec<&Pg> = pages
        .iter()
        .filter(|p| o.country.as_deref().is_none_or(|c| p.country == Some(c)))
        .collect();
    let d = pages
        .iter()
        .flat_map(|p| p.points.iter().map(|pt| pt.day))
        .max();
    let Some(d) = d else {
        let mut un: Vec<String> = selected.iter().map(|p| p.id.clone()).collect();
        un.sort();
        return json!({ "as_of": null, "rows": [], "unranked": un });
    };
    let window = |shift: i64| -> (i64, i64) {
        match o.window {
            Window::All => (i64::MIN, d as i64),
            Window::Days(n) => {
                let hi = d as i64 - n as i64 * shift;
                (hi - n as i64 + 1, hi)
            }
        }
    };
    let value = |p: &Pg, shift: i64| -> Option<f64> {
        let (a, b) = window(shift);
        let pts: Vec<&Pt> = p
            .points
            .iter()
            .filter(|pt| (pt.day as i64) >= a && (pt.day as i64) <= b)
            .collect();
        if pts.is_empty() {
            return None;
        }
        let i: u64 = pts.iter().map(|pt| pt.interactions).sum();
        match o.metric {
            Metric::Interactions => Some(i as f64),
            Metric::PerPost => {
                let posts: u64 = pts.iter().map(|pt| pt.posts.unwrap_or(0)).sum();
                (posts > 0).then(|| i as f64 / posts as f64)
            }
            Metric::EngagementRate => {
                let f = pts
                    .iter()
                    .rev()
                    .find_map(|pt| pt.followers)
                    .or(p.followers)?;
                (f > 0).then(|| i as f64 / f as f64)
            }
            Metric::Growth => {
                if o.window == Window::All {
                    return None;
                }
                let (a, b) = window(shift + 1);
                let prev: Vec<&Pt> = p
                    .points
                    .iter()
                    .filter(|pt| (pt.day as i64) >= a && (pt.day as i64) <= b)
                    .collect();
                let ip: u64 = prev.iter().map(|pt| pt.interactions).sum();
                (!prev.is_empty() && ip > 0).then(|| (i as f64 - ip as f64) / ip as f64)
            }
        }
    };
    let ranked = |shift: i64| -> Vec<(String, f64, u32)> {
        let scored: Vec<(String, f64)> = selected
            .iter()
            .filter_map(|p| value(p, shift).map(|v| (p.id.clone(), v)))
            .collect();
        let mut out: Vec<(String, f64, u32)> = scored
            .iter()
            .map(|(id, v)| {
                let rank = match o.ties {
                    Ties::Competition => 1 + scored.iter().filter(|(_, w)| w > v).count() as u32,
                    Ties::Dense => {
                        let mut greater: Vec<f64> =
                            scored.iter().map(|(_, w)| *w).filter(|w| w > v).collect();
                        greater
                            .sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
                        greater.dedup();
                        1 + greater.len() as u32
                    }
                };
                (id.clone(), *v, rank)
            })
            .collect();
        out.sort_by(|a, b| a.2.cmp(&b.2).then(a.0.as_bytes().cmp(b.0.as_bytes())));
        out
    };
    let now = ranked(0);
    let before = if o.window == Window::All {
        Vec::new()
    } else {
        ranked(1)
    };
    let cut = if now.len() > o.top {
        now[o.top - 1].2
    } else {
        u32::MAX
    };
    let mut rows: Vec<&(String, f64, u32)> = now.iter().filter(|r| r.2 <= cut).collect();
    if let Some(pin) = &o.pin {
        if let Some(r) = now.iter().find(|r| &r.0 == pin && r.2 > cut) {
            rows.push(r);
        }
    }
    let mut unranked: Vec<String> = selected
        .iter()
        .filter(|p| !now.iter().any(|r| r.0 == p.id))
        .map(|p| p.id.clone())
        .collect();
    unranked.sort();
    let rows: Vec<Json> = rows
        .into_iter()
        .map(|(id, v, r)| {
            let prev = before.iter().find(|b| &b.0 == id).map(|b| b.2);
            json!({ "rank": r, "id": id, "value": v, "previous_rank": prev, "delta": prev.map(|p| p as i64 - *r as i64) })
        })
        .collect();
    json!({ "as_of": date(d), "rows": rows, "unranked": unranked })
}

/// The fields the reference computes, with every value as a double for comparison.
fn ours(text: &str, o: &RankOptions) -> Json {
    let feed = parse(text.as_bytes()).expect("generated feeds are valid");
    let r = rank(&feed, o);
    let rows: Vec<Json> = r
        .rows
        .iter()
        .map(|x| json!({ "rank": x.rank, "id": x.id, "value": x.value.as_f64(), "previous_rank": x.previous_rank, "delta": x.delta }))
        .collect();
    json!({ "as_of": r.as_of.map(|d| d.to_string()), "rows": rows, "unranked": r.unranked })
}

fn shuffled(pages: &[Pg], seed: u64) -> Vec<Pg> {
    let mut s = seed | 1;
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    };
    let mut out = pages.to_vec();
    for i in (1..out.len()).rev() {
        out.swap(i, (next() % (i as u64 + 1)) as usize);
    }
    for p in &mut out {
        for i in (1..p.points.len()).rev() {
            p.points.swap(i, (next() % (i as u64 + 1)) as usize);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn matches_the_reference(pages in pages(), o in options()) {
        prop_assert_eq!(ours(&to_json(&pages, true), &o), reference(&pages, &o));
    }

    #[test]
    fn order_and_ties_hold(pages in pages(), o in options()) {
        let feed = parse(to_json(&pages, true).as_bytes()).expect("valid");
        let r = rank(&feed, &o);
        let main: Vec<_> = r.rows.iter().filter(|x| !x.pinned_extra).collect();
        for w in main.windows(2) {
            let (a, b) = (w[0], w[1]);
            prop_assert!(a.value.as_f64() >= b.value.as_f64());
            prop_assert!(a.rank <= b.rank);
            if a.value.as_f64() == b.value.as_f64() {
                prop_assert_eq!(a.rank, b.rank);
                prop_assert!(a.id.as_bytes() < b.id.as_bytes());
            }
        }
        let mut seen: Vec<&str> = r.rows.iter().map(|x| x.id.as_str()).chain(r.unranked.iter().map(String::as_str)).collect();
        let n = seen.len();
        seen.sort();
        seen.dedup();
        prop_assert_eq!(seen.len(), n, "rows and unranked never share a page");
    }

    #[test]
    fn everything_selected_is_ranked_or_unranked_when_top_is_large(pages in pages(), o in options()) {
        let o = RankOptions { top: 100, ..o };
        let feed = parse(to_json(&pages, true).as_bytes()).expect("valid");
        let r = rank(&feed, &o);
        let mut got: Vec<String> = r.rows.iter().map(|x| x.id.clone()).chain(r.unranked.clone()).collect();
        got.sort();
        let mut want: Vec<String> = pages.iter().filter(|p| o.country.as_deref().is_none_or(|c| p.country == Some(c))).map(|p| p.id.clone()).collect();
        want.sort();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn competition_and_dense_agree_on_order(pages in pages(), o in options()) {
        let o = RankOptions { top: 100, pin: None, ..o };
        let feed = parse(to_json(&pages, true).as_bytes()).expect("valid");
        let c = rank(&feed, &RankOptions { ties: Ties::Competition, ..o.clone() });
        let d = rank(&feed, &RankOptions { ties: Ties::Dense, ..o });
        let ids = |r: &gov_leaderboard::rank::Ranking| r.rows.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
        prop_assert_eq!(ids(&c), ids(&d));
        for (i, (x, y)) in c.rows.iter().zip(&d.rows).enumerate() {
            prop_assert!(y.rank <= x.rank);
            prop_assert_eq!(x.rank as usize, 1 + c.rows[..i].iter().filter(|r| r.value.as_f64() > x.value.as_f64()).count());
        }
    }

    #[test]
    fn shuffling_pages_and_points_changes_nothing(pages in pages(), o in options(), seed in any::<u64>()) {
        let a = parse(to_json(&pages, true).as_bytes()).expect("valid");
        let b = parse(to_json(&shuffled(&pages, seed), true).as_bytes()).expect("valid");
        prop_assert_eq!(
            rank(&a, &o).to_json(),
            rank(&b, &o).to_json()
        );
    }

    #[test]
    fn json_and_csv_rank_alike(pages in pages(), o in options()) {
        // CSV has no page-level followers; pages without points do not appear in CSV at all.
        let with_points: Vec<Pg> = pages.into_iter().filter(|p| !p.points.is_empty()).collect();
        let a = parse(to_json(&with_points, false).as_bytes()).expect("valid JSON");
        let b = parse(to_csv(&with_points).as_bytes()).expect("valid CSV");
        prop_assert_eq!(
            rank(&a, &o).to_json(),
            rank(&b, &o).to_json()
        );
    }
}

// The replay (SPEC §2b): every frame of `timeline` is `rank` with `as-of` = its day, on feeds
// whose pages start late, skip days, tie and cross; with and without a `from` day, and with the
// feed's own `as_of` before, inside or after its points.
proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_timeline_frame_is_that_days_ranking(
        pages in pages(),
        o in options(),
        from in prop::option::of(1u32..=31),
        as_of in prop::option::of(1u32..=30),
    ) {
        let mut feed = parse(to_json(&pages, true).as_bytes()).expect("valid");
        feed.as_of = as_of.map(|d| gov_leaderboard::date::Date::parse(&date(d)).expect("date"));
        let from = from.map(|d| gov_leaderboard::date::Date::parse(&date(d.min(30))).expect("date"));
        let frames = timeline(&feed, &o, from);
        let Some((f, d)) = days(&feed, &o, from) else {
            prop_assert!(frames.is_empty());
            return Ok(());
        };
        prop_assert_eq!(frames.len() as i32, d.day_number() - f.day_number() + 1);
        for (i, frame) in frames.iter().enumerate() {
            prop_assert_eq!(frame.date, f.add_days(i as i64));
            let on_day = RankOptions { as_of: Some(frame.date), ..o.clone() };
            prop_assert_eq!(frame.to_ranking(&feed, &o), rank(&feed, &on_day), "day {}", frame.date);
        }
    }

    // Built a few days at a time (the element's tasks), the replay is the one built at once,
    // whatever the steps.
    #[test]
    fn a_timeline_built_in_steps_is_the_timeline_built_at_once(
        pages in pages(),
        o in options(),
        steps in prop::collection::vec(1usize..=40, 1..=8),
    ) {
        let feed = parse(to_json(&pages, true).as_bytes()).expect("valid");
        let all = timeline(&feed, &o, None);
        let mut builder = Builder::new(&feed, &o, None, Keep::Everything);
        let mut call = 0;
        while !builder.advance(&feed, steps[call % steps.len()]) {
            call += 1;
        }
        prop_assert_eq!(builder.frames.len(), all.len());
        for (a, b) in builder.frames.iter().zip(&all) {
            prop_assert_eq!(a.date, b.date);
            prop_assert_eq!(&a.rows, &b.rows);
            prop_assert_eq!(&a.unranked, &b.unranked);
        }
    }

    #[test]
    fn timeline_days_follow_the_spec(pages in pages(), o in options(), from in prop::option::of(1u32..=30)) {
        let feed = parse(to_json(&pages, true).as_bytes()).expect("valid");
        let from = from.map(|d| gov_leaderboard::date::Date::parse(&date(d)).expect("date"));
        let earliest = feed.pages.iter()
            .filter(|p| o.country.is_none() || p.country == o.country)
            .filter_map(|p| p.series.first().map(|pt| pt.date))
            .min();
        match (feed.effective_as_of(), days(&feed, &o, from)) {
            (None, span) => prop_assert_eq!(span, None),
            (Some(d), Some((f, to))) => {
                prop_assert_eq!(to, d);
                prop_assert_eq!(f, from.or(earliest).unwrap_or(d).min(d));
            }
            (Some(_), None) => prop_assert!(false, "a feed with a date has days"),
        }
    }
}
