//! The replay's state and its board between two days (SPEC §4 "Replay", §2b): which day is
//! shown, playing and pausing, autoplay. Pure, like the rest of the controller.
//!
//! A day shown at rest (the start at D, a scrubbed day, the end, a pause) is ranked exactly as
//! a static board of that day (`board::build` with `as-of` = the day), so it cannot differ from
//! `rank`. Playing reads the frames of `timeline::Builder` (built a slice per task in the
//! background, at most 100 rows a day) and eases each page's value from one day to the next;
//! the rows are ordered by the eased values with `rank`'s tie rule (equal values: ascending
//! id), so rows change places exactly when the moving values cross and ties never flicker.

use crate::date::Date;
use crate::feed::Feed;
use crate::options::{Metric, RankOptions, Ties};
use crate::order;
use crate::rank::{Ranking, Row, Value};
use crate::timeline::{Builder, Frame, Keep};
use std::cmp::Ordering;

/// Seconds from F to D at normal speed (`replay-duration`).
pub const DEFAULT_DURATION_S: f64 = 15.0;
/// Frame building per task, in page-days (about 10 ms in Chromium here); the rest continues in
/// the next task, so a large feed never makes one long task.
pub const WORK_PER_TASK: usize = 150_000;

/// The `replay` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Off,
    Controls,
    Autoplay,
}

impl Mode {
    pub fn of(attr: Option<&str>) -> Mode {
        match attr {
            None => Mode::Off,
            Some(v) if v.eq_ignore_ascii_case("autoplay") => Mode::Autoplay,
            Some(_) => Mode::Controls,
        }
    }
}

/// `replay-duration` in milliseconds: a positive number of seconds (at most a day), else 15 s.
pub fn duration_ms(attr: Option<&str>) -> f64 {
    // crate::decimal, not `str::parse::<f64>`: the float parser is kilobytes of the element.
    attr.and_then(|v| crate::decimal::parse(v.trim()))
        .filter(|s| s.is_finite() && *s > 0.0)
        .map_or(DEFAULT_DURATION_S, |s| s.min(86_400.0))
        * 1000.0
}

/// Playback under way: position `from` (in days after F) at `start_ms`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Play {
    pub start_ms: f64,
    pub from: f64,
}

/// What the frames were built from: a new feed or new options build them again.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub feed: u64,
    pub rank: RankOptions,
    pub from: Option<Date>,
}

#[derive(Default)]
pub struct Replay {
    pub frames: Option<(Key, Builder)>,
    /// The day shown at rest; `None`: D (and it follows D as new data arrives).
    pub day: Option<Date>,
    pub play: Option<Play>,
    /// The day index last drawn while playing (to redraw only when it changes without glides).
    pub drawn: Option<f64>,
    /// Where each page's bar was last drawn while playing (page, row) and when: bars slide
    /// to their new rows when pages change places.
    pub slots: Vec<(usize, f64)>,
    pub slots_ms: f64,
    /// The CSV link of the day nearest the frame shown, and that day.
    pub csv: Option<(Date, String)>,
    pub autoplayed: bool,
    pub observing: bool,
    /// Whether the controls are on the board.
    pub controls: bool,
    pub reduced_motion: bool,
}

impl Replay {
    /// Frames for `key`, built again if they were built from something else; returns whether
    /// more building remains.
    pub fn prepare(&mut self, feed: &Feed, key: Key) -> bool {
        if self.frames.as_ref().is_none_or(|(k, _)| *k != key) {
            let builder = Builder::new(feed, &key.rank, key.from, Keep::Board);
            self.frames = Some((key, builder));
            self.csv = None;
        }
        self.frames.as_ref().is_some_and(|(_, b)| !b.done())
    }

    /// Builds one task's share of frames; returns whether more remains.
    pub fn work(&mut self, feed: &Feed, page_days: usize) -> bool {
        match &mut self.frames {
            Some((_, b)) => !b.advance(feed, page_days),
            None => false,
        }
    }

    /// The position (days after F) playback has reached at `now_ms`.
    pub fn position(&self, now_ms: f64, days: usize, duration_ms: f64) -> Option<f64> {
        let play = self.play?;
        let per_day = duration_ms / (days.max(2) - 1) as f64;
        Some(play.from + (now_ms - play.start_ms) / per_day)
    }
}

/// The time constant of a bar's slide to its row: the distance left shrinks by e every this
/// many ms, so any move is 95 % done in three of them however many rows it crosses. (At a fixed
/// speed per row, a bar jumping ten rows took nearly two seconds and, in a race where rows cross
/// every day, bars piled up half-way with their labels on top of each other.)
pub const SLIDE_MS: f64 = 70.0;

/// The slowest a sliding bar moves, in ms per row: the end of a slide is not left to creep.
pub const SLIDE_MIN_MS_PER_ROW: f64 = 120.0;

impl Replay {
    /// Moves each bar from its last row toward its row in `pages` (best first), see
    /// [`SLIDE_MS`] and [`SLIDE_MIN_MS_PER_ROW`]; returns the rows to draw at. A new bar starts
    /// at its row.
    pub fn slide(&mut self, pages: &[usize], now_ms: f64) -> Vec<f64> {
        let dt = (now_ms - self.slots_ms).max(0.0);
        // e^-x by its series' reciprocal (a frame's x is small; `exp` would bring libm's code
        // into the element for this one line).
        let x = dt / SLIDE_MS;
        let left = 1.0 / (1.0 + x + x * x / 2.0 + x * x * x / 6.0);
        let min_step = dt / SLIDE_MIN_MS_PER_ROW;
        let slots: Vec<(usize, f64)> = pages
            .iter()
            .enumerate()
            .map(|(row, &page)| {
                let target = row as f64;
                let at = match self.slots.iter().find(|(p, _)| *p == page) {
                    Some(&(_, was)) => {
                        // The distance still to go: shrunk by the time constant, and by at
                        // least the slowest speed.
                        let rest =
                            ((was - target).abs() * left).min((was - target).abs() - min_step);
                        if rest > 0.0 {
                            target + rest.copysign(was - target)
                        } else {
                            target
                        }
                    }
                    None => target,
                };
                (page, at)
            })
            .collect();
        self.slots = slots;
        self.slots_ms = now_ms;
        self.slots.iter().map(|&(_, at)| at).collect()
    }
}

/// Smoothstep: values leave one day and reach the next at rest.
pub fn ease(u: f64) -> f64 {
    let u = u.clamp(0.0, 1.0);
    u * u * (3.0 - 2.0 * u)
}

/// The board at a moment `u` (0..1, eased) between the frames of two consecutive days: each
/// page's value moves from its value on `a`'s day to its value on `b`'s (a page off one day's
/// board moves from or to just below that day's last value), rows in the order of the moving
/// values with `rank`'s tie rule, as many as the nearer day shows; ranks follow the moving
/// values (ties share a rank), movement and the pinned row's rank are the nearer day's.
pub fn between(feed: &Feed, opts: &RankOptions, a: &Frame, b: &Frame, u: f64) -> Ranking {
    let near = if u < 0.5 { a } else { b };
    let floor = |f: &Frame| {
        f.rows
            .iter()
            .filter(|r| !r.pinned_extra)
            .map(|r| r.value.as_f64())
            .fold(f64::INFINITY, f64::min)
    };
    let (floor_a, floor_b) = (floor(a), floor(b));
    // A page off a day's board is below its last row (rows tied at the cut are all kept).
    let below = |v: f64| match (v.is_finite(), opts.metric) {
        (false, _) => 0.0,
        (true, Metric::Interactions) => v - 1.0,
        (true, _) => v - v.abs().max(1.0) * 1e-9,
    };
    // Every page on either board, with its value on each day.
    let mut pages: Vec<(usize, Value)> = Vec::with_capacity(a.rows.len() + b.rows.len());
    for r in a.rows.iter().chain(&b.rows) {
        if pages.iter().any(|&(p, _)| p == r.page) {
            continue;
        }
        let on = |f: &Frame, fl: f64| {
            f.rows
                .iter()
                .find(|x| x.page == r.page)
                .map_or(below(fl), |x| x.value.as_f64())
        };
        let (va, vb) = (on(a, floor_a), on(b, floor_b));
        pages.push((r.page, shown_value(va + (vb - va) * u, opts.metric)));
    }
    // The order of the values as shown (interactions are whole), ties by id as in `rank`.
    let id = |p: usize| feed.pages[p].id.as_bytes();
    order::sort_by(&mut pages, |x, y| {
        x.1.cmp_desc(&y.1).then_with(|| id(x.0).cmp(id(y.0)))
    });
    let shown = near.rows.iter().filter(|r| !r.pinned_extra).count();
    let pin = opts.pin.as_deref();
    let is_pin = |p: usize| pin == Some(feed.pages[p].id.as_str());
    let mut rows: Vec<Row> = Vec::with_capacity(shown + 1);
    for &(page, value) in pages.iter().take(shown) {
        let rank = match rows.last() {
            Some(prev) if prev.value.cmp_desc(&value) == Ordering::Equal => prev.rank,
            Some(prev) if opts.ties == Ties::Dense => prev.rank + 1,
            _ => u32::try_from(rows.len() + 1).unwrap_or(u32::MAX),
        };
        rows.push(row(feed, near, page, value, rank, false));
    }
    if let Some(extra) = near.rows.iter().find(|r| r.pinned_extra) {
        if !rows.iter().any(|r| is_pin(r.page)) {
            let v = pages
                .iter()
                .find(|&&(p, _)| p == extra.page)
                .map_or(extra.value, |&(_, v)| v);
            rows.push(row(feed, near, extra.page, v, extra.rank, true));
        }
    }
    Ranking {
        as_of: Some(near.date),
        metric: opts.metric,
        window: opts.window,
        ties: opts.ties,
        rows,
        unranked: Vec::new(),
    }
}

/// Interactions stay whole numbers on the way; ratios move freely.
fn shown_value(v: f64, metric: Metric) -> Value {
    match metric {
        Metric::Interactions => Value::Count(v.round().max(0.0) as u64),
        _ => Value::Ratio(v),
    }
}

fn row(feed: &Feed, near: &Frame, page: usize, value: Value, rank: u32, extra: bool) -> Row {
    let previous_rank = near
        .rows
        .iter()
        .find(|r| r.page == page)
        .and_then(|r| r.previous_rank);
    Row::new(feed, page, value, rank, previous_rank, extra)
}
