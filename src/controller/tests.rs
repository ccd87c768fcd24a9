//! The live board's logic with a fake clock: backoff, staleness, the hidden-page pause,
//! announcements and the count-up diff, natively (ICU4X formats the numbers).

use super::*;
use crate::format::Icu;

fn feed(a: u64, b: u64, c: u64) -> String {
    format!(
        r#"{{"version":1,"pages":[
        {{"id":"a","name":"Page A","series":[{{"date":"2026-11-28","interactions":{a}}}]}},
        {{"id":"b","name":"Page B","series":[{{"date":"2026-11-28","interactions":{b}}}]}},
        {{"id":"c","name":"Page C","series":[{{"date":"2026-11-28","interactions":{c}}}]}}]}}"#
    )
}

struct Board {
    c: Controller,
    now: f64,
    random: f64,
}

impl Board {
    fn new(attrs: &[(&str, &str)]) -> Board {
        Board::on_page(attrs, &Rc::default())
    }

    /// A board on a page whose other boards share `gate`.
    fn on_page(attrs: &[(&str, &str)], gate: &Rc<announce::Gate>) -> Board {
        let mut b = Board {
            c: Controller::new(Box::new(Icu), gate.clone()),
            now: 1_000_000.0,
            random: 0.0,
        };
        for (name, value) in attrs {
            b.send(Input::Attribute {
                name,
                value: Some(value),
            });
        }
        b
    }

    fn send(&mut self, input: Input<'_>) -> Vec<Command> {
        let clock = Clock {
            now_ms: self.now,
            random: self.random,
        };
        self.c.handle(input, clock)
    }

    fn later(&mut self, ms: f64) -> &mut Self {
        self.now += ms;
        self
    }

    /// Connects and answers the first fetch with `body`; returns the generation used.
    fn start(&mut self, body: &str) -> u32 {
        let generation = fetch_of(&self.send(Input::Connected)).expect("a fetch at once");
        self.send(Input::Fetched {
            generation,
            result: Ok(body.as_bytes()),
        });
        generation
    }
}

fn fetch_of(cmds: &[Command]) -> Option<u32> {
    cmds.iter().find_map(|c| match c {
        Command::Fetch { generation, .. } => Some(*generation),
        _ => None,
    })
}

fn timer_of(cmds: &[Command]) -> Option<f64> {
    cmds.iter().find_map(|c| match c {
        Command::SetTimer { ms } => Some(*ms),
        _ => None,
    })
}

fn render_of(cmds: &[Command]) -> Option<&Render> {
    cmds.iter().find_map(|c| match c {
        Command::Render(r) => Some(r.as_ref()),
        _ => None,
    })
}

fn names(cmds: &[Command]) -> Vec<&'static str> {
    cmds.iter()
        .map(|c| match c {
            Command::Fetch { .. } => "fetch",
            Command::Abort => "abort",
            Command::SetTimer { .. } => "set-timer",
            Command::ClearTimer => "clear-timer",
            Command::Render(_) => "render",
            Command::Stale(Some(_)) => "stale",
            Command::Stale(None) => "fresh",
            Command::Announce(_) => "announce",
            Command::ShowError(_) => "show-error",
            Command::EmitUpdate => "update",
            Command::EmitError(_) => "error",
            Command::Controls(Some(_)) => "controls",
            Command::Controls(None) => "no-controls",
            Command::Frames(true) => "frames",
            Command::Frames(false) => "no-frames",
            Command::Observe(true) => "observe",
            Command::Observe(false) => "no-observe",
            Command::Work => "work",
            Command::AnnounceTimer(_) => "announce-timer",
            Command::Pause(Some((true, _))) => "paused",
            Command::Pause(Some((false, _))) => "pause",
            Command::Pause(None) => "no-pause",
        })
        .collect()
}

#[test]
fn polling_fetches_then_waits_the_refresh_interval() {
    let mut b = Board::new(&[("src", "/feed.json"), ("refresh", "10"), ("timeout", "3")]);
    // Connecting fetches in the same task (element.js's prefetched response is taken then).
    let cmds = b.send(Input::Connected);
    assert_eq!(names(&cmds), ["pause", "clear-timer", "fetch"]);
    assert!(
        matches!(&cmds[2], Command::Fetch { url, timeout_ms, .. } if url == "/feed.json" && *timeout_ms == 3000.0)
    );
    let generation = fetch_of(&cmds).expect("fetch");
    let body = feed(3, 2, 1);
    let cmds = b.send(Input::Fetched {
        generation,
        result: Ok(body.as_bytes()),
    });
    assert_eq!(
        names(&cmds),
        ["fresh", "render", "fresh", "update", "set-timer"]
    );
    assert_eq!(timer_of(&cmds), Some(10_000.0));
}

#[test]
fn backoff_doubles_with_jitter_after_failures_and_resets_on_success() {
    let mut b = Board::new(&[("src", "/feed.json"), ("refresh", "10")]);
    b.start(&feed(3, 2, 1));
    let mut waits = Vec::new();
    for (random, _) in [(0.0, 1), (1.0, 2), (0.5, 3)] {
        b.random = random;
        let generation = fetch_of(&b.send(Input::TimerFired)).expect("fetch");
        let cmds = b.send(Input::Fetched {
            generation,
            result: Err("/feed.json: HTTP 500"),
        });
        waits.push(timer_of(&cmds).expect("next attempt"));
    }
    // 10 s interval: after 1, 2, 3 failures the wait is 20, 40, 80 s, of which a random point
    // in the upper half is taken (equal jitter).
    assert_eq!(waits, [10_000.0, 40_000.0, 60_000.0]);
    let generation = fetch_of(&b.send(Input::TimerFired)).expect("fetch");
    let body = feed(3, 2, 1);
    let cmds = b.send(Input::Fetched {
        generation,
        result: Ok(body.as_bytes()),
    });
    assert_eq!(
        timer_of(&cmds),
        Some(10_000.0),
        "success resets the backoff"
    );
}

#[test]
fn stale_note_after_a_failed_refresh_keeps_the_last_board() {
    let mut b = Board::new(&[("src", "/feed.json"), ("refresh", "10")]);
    let t0 = b.now;
    b.start(&feed(3, 2, 1));
    b.later(10_000.0);
    let generation = fetch_of(&b.send(Input::TimerFired)).expect("fetch");
    let cmds = b.send(Input::Fetched {
        generation,
        result: Err("/feed.json: HTTP 503"),
    });
    assert_eq!(names(&cmds), ["stale", "error", "set-timer"]);
    assert!(
        matches!(cmds[0], Command::Stale(Some(t)) if t == t0),
        "the last good update's time"
    );
    assert!(matches!(&cmds[1], Command::EmitError(m) if m == "/feed.json: HTTP 503"));
    // An invalid feed is a failure too; the board stays.
    b.later(10_000.0);
    let generation = fetch_of(&b.send(Input::TimerFired)).expect("fetch");
    let cmds = b.send(Input::Fetched {
        generation,
        result: Ok(b"{\"version\":2,\"pages\":[]}"),
    });
    assert_eq!(names(&cmds), ["stale", "error", "set-timer"]);
    // A good answer clears the note.
    b.later(10_000.0);
    let generation = fetch_of(&b.send(Input::TimerFired)).expect("fetch");
    let body = feed(1, 2, 9);
    let cmds = b.send(Input::Fetched {
        generation,
        result: Ok(body.as_bytes()),
    });
    assert_eq!(
        names(&cmds),
        [
            "fresh",
            "render",
            "fresh",
            "update",
            "announce",
            "set-timer"
        ]
    );
}

#[test]
fn an_error_before_any_board_takes_its_place() {
    let mut b = Board::new(&[("src", "/feed.json")]);
    let generation = fetch_of(&b.send(Input::Connected)).expect("fetch");
    let cmds = b.send(Input::Fetched {
        generation,
        result: Err("/feed.json: HTTP 404 Not Found"),
    });
    assert_eq!(names(&cmds), ["show-error", "error"]);
    assert_eq!(timer_of(&cmds), None, "refresh 0: no retry");
}

#[test]
fn unchanged_bytes_refresh_freshness_without_a_render() {
    let mut b = Board::new(&[("src", "/feed.json"), ("refresh", "5")]);
    let body = feed(3, 2, 1);
    b.start(&body);
    let generation = fetch_of(&b.send(Input::TimerFired)).expect("fetch");
    let cmds = b.send(Input::Fetched {
        generation,
        result: Ok(body.as_bytes()),
    });
    assert_eq!(names(&cmds), ["fresh", "set-timer"]);
}

#[test]
fn hidden_page_pauses_polling_until_it_is_shown() {
    let mut b = Board::new(&[("src", "/feed.json"), ("refresh", "5")]);
    b.start(&feed(3, 2, 1));
    b.send(Input::Visibility { hidden: true });
    assert!(
        b.send(Input::TimerFired).is_empty(),
        "no fetch while hidden"
    );
    let cmds = b.send(Input::Visibility { hidden: false });
    assert!(
        fetch_of(&cmds).is_some(),
        "the missed poll runs when the page shows"
    );
    assert!(
        b.send(Input::Visibility { hidden: false }).is_empty(),
        "only once"
    );
}

#[test]
fn hidden_page_still_loads_the_first_board() {
    let mut b = Board::new(&[("src", "/feed.json")]);
    b.send(Input::Visibility { hidden: true });
    assert!(fetch_of(&b.send(Input::Connected)).is_some());
}

#[test]
fn answers_from_an_old_src_or_after_disconnect_are_ignored() {
    let mut b = Board::new(&[("src", "/a.json")]);
    let old = fetch_of(&b.send(Input::Connected)).expect("fetch");
    let cmds = b.send(Input::Attribute {
        name: "src",
        value: Some("/b.json"),
    });
    assert_eq!(names(&cmds), ["clear-timer", "abort", "set-timer"]);
    let body = feed(3, 2, 1);
    assert!(b
        .send(Input::Fetched {
            generation: old,
            result: Ok(body.as_bytes())
        })
        .is_empty());
    let current = fetch_of(&b.send(Input::TimerFired)).expect("fetch");
    assert_eq!(
        names(&b.send(Input::Disconnected)),
        ["clear-timer", "abort"]
    );
    assert!(b
        .send(Input::Fetched {
            generation: current,
            result: Ok(body.as_bytes())
        })
        .is_empty());
}

#[test]
fn option_attributes_rerender_without_fetching() {
    let mut b = Board::new(&[("src", "/feed.json")]);
    b.start(&feed(3, 2, 1));
    let cmds = b.send(Input::Attribute {
        name: "top",
        value: Some("1"),
    });
    assert_eq!(names(&cmds), ["render", "fresh", "update"]);
    assert_eq!(render_of(&cmds).map(|r| r.ranking.rows.len()), Some(1));
    let cmds = b.send(Input::Attribute {
        name: "metric",
        value: Some("likes"),
    });
    assert_eq!(
        names(&cmds),
        ["stale", "error"],
        "a bad option keeps the last board"
    );
    let cmds = b.send(Input::Attribute {
        name: "metric",
        value: None,
    });
    assert_eq!(
        names(&cmds),
        ["render", "stale", "update"],
        "still marked stale until new data"
    );
    let cmds = b.send(Input::Attribute {
        name: "locale",
        value: Some("ar-EG"),
    });
    let r = render_of(&cmds).expect("render");
    assert_eq!((r.dir, r.view.rows[0].value.as_str()), ("rtl", "٣"));
}

#[test]
fn data_property_renders_without_polling() {
    let mut b = Board::new(&[]);
    b.send(Input::Connected);
    let body = feed(3, 2, 1);
    let cmds = b.send(Input::Data(body.as_bytes()));
    assert_eq!(names(&cmds), ["fresh", "render", "fresh", "update"]);
    let cmds = b.send(Input::Data(b"id,name\n"));
    assert!(
        matches!(&cmds[..], [Command::Stale(Some(_)), Command::EmitError(m)] if m.starts_with("data: invalid feed\nline 1"))
    );
}

/// The text of an announcement.
fn text_of(el: &crate::markup::El) -> String {
    el.children
        .iter()
        .map(|n| match n {
            crate::markup::Node::El(e) => text_of(e),
            crate::markup::Node::Text(t) | crate::markup::Node::Svg(t) => t.clone(),
        })
        .collect()
}

fn said(cmds: &[Command]) -> Vec<String> {
    cmds.iter()
        .filter_map(|c| match c {
            Command::Announce(el) => Some(text_of(el)),
            _ => None,
        })
        .collect()
}

fn announce_timer(cmds: &[Command]) -> Option<f64> {
    cmds.iter().find_map(|c| match c {
        Command::AnnounceTimer(ms) => Some(*ms),
        _ => None,
    })
}

#[test]
fn reduced_motion_renders_new_data_without_motion_and_follows_a_change() {
    let mut b = Board::new(&[]);
    b.send(Input::Connected);
    b.send(Input::ReducedMotion(true));
    b.send(Input::Data(feed(3, 2, 1).as_bytes()));
    b.later(1000.0);
    let cmds = b.send(Input::Data(feed(3, 2, 10).as_bytes()));
    let r = render_of(&cmds).expect("render");
    assert!(!r.animate && r.counts.is_empty());
    b.send(Input::ReducedMotion(false));
    b.later(1000.0);
    let cmds = b.send(Input::Data(feed(3, 2, 20).as_bytes()));
    let r = render_of(&cmds).expect("render");
    assert!(r.animate && !r.counts.is_empty());
}

#[test]
fn count_up_lists_changed_counts() {
    let mut b = Board::new(&[("pin", "c")]);
    b.send(Input::Connected);
    let first = feed(3, 2, 1);
    b.send(Input::Data(first.as_bytes()));
    b.later(1000.0);
    let second = feed(3, 2, 10);
    let cmds = b.send(Input::Data(second.as_bytes()));
    let r = render_of(&cmds).expect("render");
    assert!(r.animate);
    assert_eq!(
        r.counts,
        [CountUp {
            row: 0,
            from: 1,
            to: 10
        }]
    );
}

#[test]
fn announcements_are_coalesced_never_dropped_and_name_their_baseline() {
    let mut b = Board::new(&[("pin", "c")]);
    b.send(Input::Connected);
    assert!(said(&b.send(Input::Data(feed(3, 2, 1).as_bytes()))).is_empty());
    // auto with a pin: only the pinned page's move is said.
    b.later(1000.0);
    assert_eq!(
        said(&b.send(Input::Data(feed(3, 2, 10).as_bytes()))),
        ["Page C: up 2 since the last update, now rank 1"]
    );
    // 2.5 s later it drops to second: the page spoke lately, so the board waits its turn
    // (the old throttle dropped this one).
    b.later(2500.0);
    let cmds = b.send(Input::Data(feed(30, 2, 10).as_bytes()));
    assert!(said(&cmds).is_empty());
    assert_eq!(announce_timer(&cmds), Some(7500.0));
    // Then third, before the turn comes: one timer, and the net move is said at the turn.
    b.later(1000.0);
    let cmds = b.send(Input::Data(feed(30, 20, 10).as_bytes()));
    assert!(said(&cmds).is_empty() && announce_timer(&cmds).is_none());
    b.later(6500.0);
    assert_eq!(
        said(&b.send(Input::AnnounceDue)),
        ["Page C: down 2 since the last update, now rank 3"]
    );
}

#[test]
fn auto_without_a_pin_says_first_place_all_says_three_then_counts() {
    let five = |v: [u64; 5]| {
        let pages: Vec<String> = v
            .iter()
            .enumerate()
            .map(|(i, n)| {
                format!(
                    r#"{{"id":"p{i}","name":"Page {i}","series":[{{"date":"2026-11-28","interactions":{n}}}]}}"#
                )
            })
            .collect();
        format!(r#"{{"version":1,"pages":[{}]}}"#, pages.join(","))
    };
    let gate = Rc::default();
    let mut auto = Board::on_page(&[], &gate);
    let mut all = Board::on_page(&[("announce", "all"), ("metric", "interactions")], &gate);
    let mut off = Board::on_page(&[("announce", "off")], &gate);
    for b in [&mut auto, &mut all, &mut off] {
        b.send(Input::Connected);
        b.send(Input::Data(five([5, 4, 3, 2, 1]).as_bytes()));
        b.later(20_000.0);
    }
    // Everything reverses: p4 takes first place.
    let reversed = five([1, 2, 3, 4, 5]);
    assert_eq!(
        said(&auto.send(Input::Data(reversed.as_bytes()))),
        ["Page 4: up 4 since the last update, now rank 1. Page 0: down 4 since the last update, now rank 5"]
    );
    // Another board of the page: its turn is 10 s later; it says its own (other) change then.
    let cmds = all.send(Input::Data(reversed.as_bytes()));
    assert!(said(&cmds).is_empty());
    assert_eq!(announce_timer(&cmds), Some(10_000.0));
    all.later(10_000.0);
    assert_eq!(
        said(&all.send(Input::AnnounceDue)),
        ["Page 4: up 4 since the last update, now rank 1. Page 3: up 2 since the last update, now rank 2. Page 1: down 2 since the last update, now rank 4. and 1 more"]
    );
    let cmds = off.send(Input::Data(reversed.as_bytes()));
    assert!(said(&cmds).is_empty() && announce_timer(&cmds).is_none());
}

#[test]
fn one_change_shown_by_two_boards_is_said_once() {
    let gate = Rc::default();
    let mut en = Board::on_page(&[("pin", "c")], &gate);
    let mut ar = Board::on_page(&[("pin", "c"), ("locale", "ar")], &gate);
    for b in [&mut en, &mut ar] {
        b.send(Input::Connected);
        b.send(Input::Data(feed(3, 2, 1).as_bytes()));
    }
    en.later(1000.0);
    ar.later(1050.0);
    assert_eq!(
        said(&en.send(Input::Data(feed(3, 2, 10).as_bytes()))).len(),
        1
    );
    let cmds = ar.send(Input::Data(feed(3, 2, 10).as_bytes()));
    assert!(
        said(&cmds).is_empty() && announce_timer(&cmds).is_none(),
        "the Arabic board does not repeat the same move, nor wait to"
    );
    // Its next, different change is said, in its own language.
    ar.later(20_000.0);
    let cmds = ar.send(Input::Data(feed(30, 2, 10).as_bytes()));
    let Some(Command::Announce(el)) = cmds.iter().find(|c| matches!(c, Command::Announce(_)))
    else {
        panic!("an announcement")
    };
    assert_eq!(
        text_of(el),
        "Page C: تراجع 1 منذ آخر تحديث، الآن في المركز 2"
    );
}

#[test]
fn pause_stops_updates_and_announcements_and_resume_catches_up() {
    let mut b = Board::new(&[("src", "/feed.json"), ("refresh", "10"), ("pin", "c")]);
    b.start(&feed(3, 2, 1));
    let cmds = b.send(Input::PauseResume);
    assert_eq!(names(&cmds), ["clear-timer", "paused"]);
    // A timer that fired as the reader paused starts no fetch.
    assert!(fetch_of(&b.send(Input::TimerFired)).is_none());
    // A feed given meanwhile is held, not shown, not lost.
    let cmds = b.send(Input::Data(feed(3, 2, 10).as_bytes()));
    assert!(cmds.is_empty());
    b.later(60_000.0);
    let cmds = b.send(Input::PauseResume);
    let n = names(&cmds);
    assert!(n.contains(&"render") && n.contains(&"announce") && n.ends_with(&["pause"]));
    assert_eq!(timer_of(&cmds), Some(0.0), "fetches at once on resume");
    // Without refresh there is no pause button.
    let mut once = Board::new(&[("src", "/feed.json")]);
    assert!(names(&once.send(Input::Connected)).contains(&"no-pause"));
}

#[test]
fn first_render_does_not_animate() {
    let mut b = Board::new(&[]);
    b.send(Input::Connected);
    let body = feed(3, 2, 1);
    let cmds = b.send(Input::Data(body.as_bytes()));
    let r = render_of(&cmds).expect("render");
    assert!(!r.animate && r.counts.is_empty());
}

// ---- replay (SPEC §4 "Replay") ----

/// Three pages over five days (2026-11-24 … 28) whose daily values cross: with window 1d each
/// day's ranking is that day's values. B climbs from last to first, C falls, A stays.
fn race() -> String {
    let series = |values: [u64; 5]| {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| format!(r#"{{"date":"2026-11-{:02}","interactions":{v}}}"#, 24 + i))
            .collect::<Vec<_>>()
            .join(",")
    };
    format!(
        r#"{{"version":1,"pages":[
        {{"id":"a","name":"Page A","series":[{}]}},
        {{"id":"b","name":"Page B","series":[{}]}},
        {{"id":"c","name":"Page C","series":[{}]}}]}}"#,
        series([10, 10, 10, 10, 10]),
        series([1, 5, 20, 30, 40]),
        series([30, 20, 5, 1, 1])
    )
}

fn controls_of(cmds: &[Command]) -> Option<&Controls> {
    cmds.iter().rev().find_map(|c| match c {
        Command::Controls(Some(c)) => Some(c),
        _ => None,
    })
}

fn order(cmds: &[Command]) -> Vec<String> {
    render_of(cmds)
        .map(|r| r.ranking.rows.iter().map(|x| x.id.clone()).collect())
        .unwrap_or_default()
}

fn replay_board(extra: &[(&str, &str)]) -> Board {
    let mut attrs = vec![("window", "1d"), ("replay", ""), ("replay-duration", "4")];
    attrs.extend_from_slice(extra);
    let mut b = Board::new(&attrs);
    b.send(Input::Connected);
    b
}

#[test]
fn replay_starts_on_d_and_the_scrubber_shows_each_days_exact_ranking() {
    let mut b = replay_board(&[]);
    let body = race();
    let cmds = b.send(Input::Data(body.as_bytes()));
    assert_eq!(order(&cmds), ["b", "a", "c"]);
    let c = controls_of(&cmds).expect("controls");
    assert_eq!((c.days, c.index, c.playing), (5, 4, false));
    assert_eq!(c.day, "November 28, 2026");
    assert!(names(&cmds).contains(&"work") || names(&cmds).contains(&"controls"));
    let feed = crate::feed::parse(body.as_bytes()).expect("feed");
    for index in 0..5u32 {
        let cmds = b.send(Input::Seek(index));
        let day = crate::date::Date::parse("2026-11-24")
            .expect("date")
            .add_days(i64::from(index));
        let expected = crate::rank::rank(
            &feed,
            &crate::options::RankOptions {
                window: crate::options::Window::Days(1),
                as_of: Some(day),
                ..Default::default()
            },
        );
        assert_eq!(
            render_of(&cmds).expect("render").ranking,
            expected,
            "day {day}"
        );
        assert!(
            names(&cmds).contains(&"update"),
            "a leaderboard-update for the day"
        );
        assert!(
            !names(&cmds).contains(&"announce"),
            "no announcement when scrubbing"
        );
        assert_eq!(controls_of(&cmds).map(|c| c.index), Some(index));
    }
}

#[test]
fn play_from_d_restarts_at_f_glides_between_days_and_stops_at_d_with_one_announcement() {
    let mut b = replay_board(&[]);
    b.send(Input::Data(race().as_bytes()));
    let cmds = b.send(Input::PlayPause);
    assert!(names(&cmds).contains(&"frames"));
    assert_eq!(
        controls_of(&cmds).map(|c| (c.index, c.playing)),
        Some((0, true)),
        "the button answers at once"
    );
    assert!(
        render_of(&cmds).is_none(),
        "the first animation frame draws the board, not the click"
    );
    let cmds = b.send(Input::Tick);
    assert_eq!(order(&cmds), ["c", "a", "b"], "day F: 30, 10, 1");
    // Halfway from day 0 to day 1 (1 s a day): values eased halfway, C 25, A 10, B 3.
    let cmds = b.later(500.0).send(Input::Tick);
    let r = render_of(&cmds).expect("a frame");
    let values: Vec<f64> = r.ranking.rows.iter().map(|x| x.value.as_f64()).collect();
    assert_eq!(values, [25.0, 10.0, 3.0]);
    assert!(
        !names(&cmds).contains(&"update"),
        "no leaderboard-update per frame"
    );
    // Between day 2 (B 20, A 10, C 5) and day 3 (B 30, A 10, C 1).
    let cmds = b.later(1700.0).send(Input::Tick);
    assert_eq!(order(&cmds), ["b", "a", "c"]);
    let mut announcements = 0;
    for _ in 0..30 {
        let cmds = b.later(100.0).send(Input::Tick);
        announcements += names(&cmds).iter().filter(|n| **n == "announce").count();
        if names(&cmds).contains(&"no-frames") {
            assert_eq!(order(&cmds), ["b", "a", "c"]);
            assert!(names(&cmds).contains(&"update"));
            assert_eq!(
                controls_of(&cmds).map(|c| (c.index, c.playing)),
                Some((4, false))
            );
            break;
        }
    }
    assert_eq!(
        announcements, 1,
        "one announcement when playback stops, none per day"
    );
}

#[test]
fn rows_swap_exactly_when_the_eased_values_cross() {
    let mut b = replay_board(&[]);
    b.send(Input::Data(race().as_bytes()));
    b.send(Input::PlayPause);
    // Day 1 → 2: B 5→20 and A 10: B's shown (whole) value passes A's 10 when
    // 5 + 15·e ≥ 10.5, e ≈ 0.37 (u ≈ 0.41); at 10 they are tied and A (the lower id) leads.
    let mut swapped_at = None;
    for step in 0..=20 {
        let t = 1000.0 + f64::from(step) * 50.0;
        b.now = 1_000_000.0 + t;
        let cmds = b.send(Input::Tick);
        let o = order(&cmds);
        let r = render_of(&cmds).expect("frame");
        let value = |id: &str| {
            r.ranking
                .rows
                .iter()
                .find(|x| x.id == id)
                .map(|x| x.value.as_f64())
        };
        let b_ahead = value("b") > value("a");
        assert_eq!(
            o.iter().position(|x| x == "b") < o.iter().position(|x| x == "a"),
            b_ahead,
            "{o:?} at {t}"
        );
        if b_ahead && swapped_at.is_none() {
            swapped_at = Some(t);
            // The rows change places at once; B's bar slides up from A's row over the next frames.
            let Some(crate::chart::Chart::Bars(bars)) = &r.view.chart else {
                panic!("bars")
            };
            let slot = bars
                .iter()
                .find(|x| x.label == "Page B")
                .and_then(|x| x.slot);
            assert!(slot.is_some_and(|s| s > 1.0 && s < 2.0), "{slot:?}");
            assert!(!r.animate);
        }
    }
    assert!(
        swapped_at.is_some_and(|t| (1350.0..=1450.0).contains(&t)),
        "{swapped_at:?}"
    );
}

#[test]
fn ties_never_flicker_while_playing() {
    let body = r#"{"version":1,"pages":[
        {"id":"z","name":"Z","series":[{"date":"2026-11-27","interactions":5},{"date":"2026-11-28","interactions":9}]},
        {"id":"m","name":"M","series":[{"date":"2026-11-27","interactions":5},{"date":"2026-11-28","interactions":9}]},
        {"id":"a","name":"A","series":[{"date":"2026-11-27","interactions":5},{"date":"2026-11-28","interactions":9}]}]}"#;
    let mut b = replay_board(&[]);
    b.send(Input::Data(body.as_bytes()));
    b.send(Input::PlayPause);
    for _ in 0..40 {
        let cmds = b.later(100.0).send(Input::Tick);
        if names(&cmds).contains(&"no-frames") {
            break; // the end: D's board, as at rest
        }
        if let Some(r) = render_of(&cmds) {
            let ids: Vec<&str> = r.ranking.rows.iter().map(|x| x.id.as_str()).collect();
            assert_eq!(ids, ["a", "m", "z"]);
            assert!(r.ranking.rows.iter().all(|x| x.rank == 1));
            assert!(!r.animate);
        }
    }
}

#[test]
fn a_hidden_page_pauses_on_the_nearest_day_and_play_resumes_from_it() {
    let mut b = replay_board(&[]);
    b.send(Input::Data(race().as_bytes()));
    b.send(Input::PlayPause);
    b.later(1600.0).send(Input::Tick);
    let cmds = b.send(Input::Visibility { hidden: true });
    assert!(names(&cmds).contains(&"no-frames"));
    assert_eq!(
        controls_of(&cmds).map(|c| (c.index, c.playing)),
        Some((2, false))
    );
    assert_eq!(
        order(&cmds),
        ["b", "a", "c"],
        "day 2 exactly: B 20, A 10, C 5"
    );
    assert_eq!(names(&cmds).iter().filter(|n| **n == "announce").count(), 1);
    // Play resumes from that day, not from F.
    b.send(Input::Visibility { hidden: false });
    let cmds = b.send(Input::PlayPause);
    assert_eq!(controls_of(&cmds).map(|c| c.index), Some(2));
}

#[test]
fn new_data_at_d_moves_to_the_new_d_and_elsewhere_keeps_the_day() {
    let mut b = replay_board(&[]);
    b.send(Input::Data(race().as_bytes()));
    let longer = race().replace(
        r#"{"date":"2026-11-28","interactions":40}"#,
        r#"{"date":"2026-11-28","interactions":40},{"date":"2026-11-29","interactions":2}"#,
    );
    let cmds = b.send(Input::Data(longer.as_bytes()));
    assert_eq!(controls_of(&cmds).map(|c| (c.days, c.index)), Some((6, 5)));
    assert_eq!(order(&cmds), ["b"], "day 6 has only B's point");
    b.send(Input::Seek(1));
    let even_longer = longer.replace(
        r#"{"date":"2026-11-29","interactions":2}"#,
        r#"{"date":"2026-11-29","interactions":2},{"date":"2026-11-30","interactions":3}"#,
    );
    let cmds = b.send(Input::Data(even_longer.as_bytes()));
    assert_eq!(controls_of(&cmds).map(|c| (c.days, c.index)), Some((7, 1)));
}

#[test]
fn autoplay_plays_once_when_half_in_view_and_never_under_reduced_motion() {
    let mut b = replay_board(&[("replay", "autoplay")]);
    let cmds = b.send(Input::Data(race().as_bytes()));
    assert!(names(&cmds).contains(&"observe"));
    let cmds = b.send(Input::InView(true));
    assert!(names(&cmds).contains(&"no-observe"));
    assert!(names(&cmds).contains(&"frames"));
    assert_eq!(controls_of(&cmds).map(|c| c.index), Some(0), "from F");
    assert_eq!(order(&b.send(Input::Tick)), ["c", "a", "b"], "day F");
    b.later(10_000.0).send(Input::Tick); // the end
    let cmds = b.send(Input::InView(true));
    assert!(!names(&cmds).contains(&"frames"), "once");

    let mut reduced = Board::new(&[
        ("window", "1d"),
        ("replay", "autoplay"),
        ("replay-duration", "4"),
    ]);
    reduced.send(Input::ReducedMotion(true));
    reduced.send(Input::Connected);
    let cmds = reduced.send(Input::Data(race().as_bytes()));
    assert!(!names(&cmds).contains(&"observe"));
    assert!(!names(&reduced.send(Input::InView(true))).contains(&"frames"));
    // Pressing play still plays, a whole day at a time: no eased values.
    reduced.send(Input::PlayPause);
    let cmds = reduced.send(Input::Tick);
    assert_eq!(order(&cmds), ["c", "a", "b"], "day 0, the first frame");
    let cmds = reduced.later(500.0).send(Input::Tick);
    assert!(render_of(&cmds).is_none(), "still day 0: nothing to redraw");
    let cmds = reduced.later(600.0).send(Input::Tick);
    let r = render_of(&cmds).expect("day 1");
    let values: Vec<f64> = r.ranking.rows.iter().map(|x| x.value.as_f64()).collect();
    assert_eq!(values, [20.0, 10.0, 5.0]);
    assert!(!r.animate);
}

#[test]
fn removing_replay_hides_the_controls_and_stops_playback() {
    let mut b = replay_board(&[]);
    b.send(Input::Data(race().as_bytes()));
    b.send(Input::PlayPause);
    let cmds = b.send(Input::Attribute {
        name: "replay",
        value: None,
    });
    assert!(names(&cmds).contains(&"no-controls"));
    assert!(names(&cmds).contains(&"no-frames"));
    assert_eq!(order(&cmds), ["b", "a", "c"], "D again");
}

/// A bar's slide takes the same short time however far it goes, without overshoot, and a bar
/// that stays put does not move.
#[test]
fn bars_slide_to_their_rows_in_bounded_time() {
    let mut r = replay::Replay::default();
    r.slide(&[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.0);
    // Page 10 jumps from the last row to the first; page 0 goes down one row; 5 stays.
    let order = [10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0];
    let (mut far, mut near) = (Vec::new(), Vec::new());
    let mut t = 0.0;
    while t < 300.0 {
        t += 16.0;
        let at = r.slide(&order, t);
        far.push(at[0]);
        near.push(at[10]);
        assert_eq!(at[5], 5.0, "a bar that keeps its row stays");
    }
    for w in far.windows(2) {
        assert!(
            w[1] <= w[0] && w[1] >= 0.0,
            "monotone, no overshoot: {far:?}"
        );
    }
    assert_eq!(
        *far.last().unwrap(),
        0.0,
        "the far move is done within 300 ms: {far:?}"
    );
    assert_eq!(*near.last().unwrap(), 10.0, "the near move too: {near:?}");
    assert!(far[0] > 5.0, "it slides, it does not jump: {far:?}");
}
