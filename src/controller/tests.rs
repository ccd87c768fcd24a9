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
        let mut b = Board {
            c: Controller::new(Box::new(Icu)),
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
        let cmds = self.send(Input::Connected);
        assert!(cmds
            .iter()
            .any(|c| matches!(c, Command::SetTimer { ms } if *ms == 0.0)));
        let generation = fetch_of(&self.send(Input::TimerFired)).expect("a fetch");
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
        })
        .collect()
}

#[test]
fn polling_fetches_then_waits_the_refresh_interval() {
    let mut b = Board::new(&[("src", "/feed.json"), ("refresh", "10"), ("timeout", "3")]);
    let cmds = b.send(Input::Connected);
    assert_eq!(names(&cmds), ["clear-timer", "set-timer"]);
    let cmds = b.send(Input::TimerFired);
    assert!(
        matches!(&cmds[..], [Command::Fetch { url, timeout_ms, .. }] if url == "/feed.json" && *timeout_ms == 3000.0)
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
            "announce",
            "fresh",
            "update",
            "set-timer"
        ]
    );
}

#[test]
fn an_error_before_any_board_takes_its_place() {
    let mut b = Board::new(&[("src", "/feed.json")]);
    b.send(Input::Connected);
    let generation = fetch_of(&b.send(Input::TimerFired)).expect("fetch");
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
    b.send(Input::Connected);
    assert!(fetch_of(&b.send(Input::TimerFired)).is_some());
}

#[test]
fn answers_from_an_old_src_or_after_disconnect_are_ignored() {
    let mut b = Board::new(&[("src", "/a.json")]);
    b.send(Input::Connected);
    let old = fetch_of(&b.send(Input::TimerFired)).expect("fetch");
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

#[test]
fn count_up_lists_changed_counts_and_announcements_are_throttled() {
    let mut b = Board::new(&[("pin", "c")]);
    b.send(Input::Connected);
    let first = feed(3, 2, 1);
    b.send(Input::Data(first.as_bytes()));
    // C jumps from third to first: announced (pinned first), counts listed.
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
    let said: Vec<&String> = cmds
        .iter()
        .filter_map(|c| match c {
            Command::Announce(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(
        said,
        ["Page C: up 2, now rank 1. Page A: down 1, now rank 2. Page B: down 1, now rank 3"]
    );
    // Another move within 5 s: not announced; after 5 s it is.
    b.later(2000.0);
    let third = feed(30, 2, 10);
    assert!(!names(&b.send(Input::Data(third.as_bytes()))).contains(&"announce"));
    b.later(5000.0);
    let fourth = feed(3, 20, 10);
    assert!(names(&b.send(Input::Data(fourth.as_bytes()))).contains(&"announce"));
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
