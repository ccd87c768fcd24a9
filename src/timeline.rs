//! The ranking through time (SPEC §2b): the board of every day F..=D, each exactly the ranking
//! with `as-of` = that day, computed in one pass.
//!
//! `rank` on one day sums each page's points in its windows (binary search, then a loop) and
//! sorts every ranked page. Doing that for each of hundreds of days would redo almost all of
//! the work; here each selected page keeps prefix sums of its series and one cursor per window
//! edge, which only move forward as the day does, so a page-day costs a few additions. Per day
//! only the kept rows are put in order (a bounded selection, not a sort of every page), and a
//! previous rank is counted for those rows alone. `tests/timeline.rs` checks every frame
//! against `rank` on generated feeds.

use crate::board::MoreTied;
use crate::date::Date;
use crate::feed::{Feed, Page};
use crate::options::{Metric, RankOptions, Ties, Window};
use crate::order;
use crate::rank::{Ranking, Row, Value};
use std::cmp::Ordering;

/// The longest replay: a replay spans at most this many days, ending at D (SPEC §2b).
pub const MAX_DAYS: i64 = 3660;

/// One day's ranking, by page index (names and ids stay in the feed).
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub date: Date,
    pub rows: Vec<FrameRow>,
    /// Selected pages without a value that day, in ascending id order (empty when the builder
    /// was asked not to keep them, as a board's is).
    pub unranked: Vec<usize>,
    /// Rows kept by the ranking but cut by the builder's bound: all tied at this rank.
    pub more: Option<MoreTied>,
}

/// One row of a [`Frame`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FrameRow {
    pub page: usize,
    pub value: Value,
    pub rank: u32,
    pub previous_rank: Option<u32>,
    /// Kept only because it is pinned (below the cut).
    pub pinned_extra: bool,
}

impl Frame {
    /// The frame as `rank` returns it.
    pub fn to_ranking(&self, feed: &Feed, opts: &RankOptions) -> Ranking {
        Ranking {
            as_of: Some(self.date),
            metric: opts.metric,
            window: opts.window,
            ties: opts.ties,
            rows: self
                .rows
                .iter()
                .map(|r| {
                    let (page, value, rank) = (r.page, r.value, r.rank);
                    Row::new(feed, page, value, rank, r.previous_rank, r.pinned_extra)
                })
                .collect(),
            unranked: self
                .unranked
                .iter()
                .map(|&p| feed.pages[p].id.clone())
                .collect(),
        }
    }
}

/// The days of a replay, F and D (SPEC §2b): D as for `rank`; F the `from` date, else the
/// earliest point date among the selected pages, moved up to D − 3,659 when earlier, and to D
/// when later than D. `None` when there is no D (a feed with no dates).
pub fn days(feed: &Feed, opts: &RankOptions, from: Option<Date>) -> Option<(Date, Date)> {
    let d = opts.as_of.or_else(|| feed.effective_as_of())?;
    let earliest = from.or_else(|| {
        feed.pages
            .iter()
            .filter(|p| crate::rank::is_selected(p, opts))
            .filter_map(|p| p.series.first().map(|pt| pt.date))
            .min()
    });
    let first = d.add_days(1 - MAX_DAYS);
    let f = earliest.unwrap_or(d).max(first).min(d);
    Some((f, d))
}

/// Every frame of the replay at once (npm `rankTimeline`).
pub fn timeline(feed: &Feed, opts: &RankOptions, from: Option<Date>) -> Vec<Frame> {
    let mut builder = Builder::new(feed, opts, from, Keep::Everything);
    builder.advance(feed, usize::MAX);
    builder.frames
}

/// What a frame keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Every kept row and `unranked`: `rank`'s output (npm `rankTimeline`).
    Everything,
    /// What a board shows (SPEC §2 "Boards are bounded"): at most `MAX_BOARD_ROWS` rows, the
    /// pinned one included, and no `unranked`; so a replay's memory is bounded by days × 100
    /// rows whatever the feed.
    Board,
}

/// One selected page's series in prefix-sum form, with its window-edge cursors. Only what the
/// metric reads is kept (posts for `per_post`, followers for `engagement_rate`).
struct Track {
    page: usize,
    /// The points' dates as day numbers: the cursors scan these, not the points.
    days: Vec<i32>,
    /// `interactions[i]`: the sum of the first `i` points (so a range sum is one subtraction).
    interactions: Vec<u64>,
    posts: Posts,
    /// For each point, the index + 1 of the latest point at or before it that carries
    /// `followers` (0: none), and that `followers`.
    followers_at: Vec<(u32, u64)>,
    /// `edge[k]`: how many points are dated on or before D − k·N (window edges).
    edge: [usize; 4],
}

impl Track {
    fn new(page: usize, p: &Page, metric: Metric) -> Track {
        let n = p.series.len();
        let mut days = Vec::with_capacity(n);
        let mut interactions = Vec::with_capacity(n + 1);
        let mut followers_at = Vec::new();
        let (mut i, mut f) = (0u64, (0u32, 0u64));
        interactions.push(0);
        for (k, point) in p.series.iter().enumerate() {
            days.push(point.date.day_number());
            i += point.interactions;
            interactions.push(i);
            if metric == Metric::EngagementRate {
                if let Some(value) = point.followers() {
                    f = (u32::try_from(k + 1).unwrap_or(u32::MAX), value);
                }
                followers_at.push(f);
            }
        }
        let posts = if metric == Metric::PerPost {
            Posts::of(p)
        } else {
            Posts::Narrow(Vec::new())
        };
        Track {
            page,
            days,
            interactions,
            posts,
            followers_at,
            edge: [0; 4],
        }
    }

    /// Moves the first `count` cursors to the day numbers in `bounds` (never backwards).
    fn seek(&mut self, bounds: &[i32; 4], count: usize) {
        for (edge, &bound) in self.edge.iter_mut().zip(bounds).take(count) {
            while *edge < self.days.len() && self.days[*edge] <= bound {
                *edge += 1;
            }
        }
    }

    /// The points of the window shifted back `shift` windows, as an index range.
    fn range(&self, window: Window, shift: usize) -> (usize, usize) {
        match window {
            Window::All => (0, self.edge[0]),
            Window::Days(_) => (self.edge[shift + 1], self.edge[shift]),
        }
    }

    /// The page's value for the window shifted back `shift` (0 or 1) windows, as `rank`
    /// computes it (SPEC §2 "Metrics", "Not ranked").
    fn score(&self, p: &Page, metric: Metric, window: Window, shift: usize) -> Option<Value> {
        let (a, b) = self.range(window, shift);
        if a == b {
            return None;
        }
        let interactions = self.interactions[b] - self.interactions[a];
        match metric {
            Metric::Interactions => Some(Value::Count(interactions)),
            Metric::PerPost => {
                // The same integer as `rank`'s sum, so the same double.
                let posts = match &self.posts {
                    Posts::Narrow(v) => (v[b] - v[a]) as f64,
                    Posts::Wide(v) => (v[b] - v[a]) as f64,
                };
                (posts > 0.0).then(|| Value::Ratio(interactions as f64 / posts))
            }
            Metric::EngagementRate => {
                let (latest, value) = self.followers_at[b - 1];
                let followers = if latest as usize > a {
                    Some(value)
                } else {
                    p.followers
                }?;
                (followers > 0).then(|| Value::Ratio(interactions as f64 / followers as f64))
            }
            Metric::Growth => {
                if window == Window::All {
                    return None;
                }
                let (c, e) = self.range(window, shift + 1);
                let prior = self.interactions[e] - self.interactions[c];
                if c == e || prior == 0 {
                    return None;
                }
                // Both sums are at most 2^53-1, so the difference is exact as a double.
                let change = interactions as i64 - prior as i64;
                Some(Value::Ratio(change as f64 / prior as f64))
            }
        }
    }
}

/// A page's posts in prefix-sum form: 64-bit while the page's total fits (the sums convert to
/// doubles in one instruction), 128-bit otherwise (as `rank` sums them).
enum Posts {
    Narrow(Vec<u64>),
    Wide(Vec<u128>),
}

impl Posts {
    fn of(p: &Page) -> Posts {
        let mut narrow = Vec::with_capacity(p.series.len() + 1);
        narrow.push(0u64);
        let mut sum = 0u64;
        for point in &p.series {
            match sum.checked_add(point.posts().unwrap_or(0)) {
                Some(next) => sum = next,
                None => return Posts::wide(p),
            }
            narrow.push(sum);
        }
        Posts::Narrow(narrow)
    }

    fn wide(p: &Page) -> Posts {
        let mut sum = 0u128;
        let mut wide = vec![0u128];
        for point in &p.series {
            sum += u128::from(point.posts().unwrap_or(0));
            wide.push(sum);
        }
        Posts::Wide(wide)
    }
}

/// Builds the frames day by day, so a caller with a time budget (the element) can spread the
/// work over several tasks; `advance` with `usize::MAX` does it all. It holds no reference to
/// the feed: every call takes the feed it was made from.
pub struct Builder {
    opts: RankOptions,
    keep: Keep,
    /// The selected pages, in ascending id order (ties and `unranked` follow it).
    tracks: Vec<Track>,
    /// Page index → its track (`usize::MAX`: not selected).
    track_of: Vec<usize>,
    pin: Option<usize>,
    /// A buffer for every day's values (no allocation per day).
    current: Vec<(usize, Value)>,
    /// Every track's value in the window before, for the rows' previous ranks: taken in the
    /// same pass over the tracks as `current` (one pass where there were two: as fast in
    /// Node, 81 B gzip less in the element).
    previous: Vec<Value>,
    next: Date,
    last: Date,
    pub frames: Vec<Frame>,
}

impl Builder {
    /// A builder for the days of [`days`].
    pub fn new(feed: &Feed, opts: &RankOptions, from: Option<Date>, keep: Keep) -> Builder {
        let selected: Vec<usize> = (0..feed.pages.len())
            .filter(|&i| crate::rank::is_selected(&feed.pages[i], opts))
            .collect();
        let id = |i: usize| feed.pages[selected[i]].id.as_bytes();
        let by_id = order::stable_order(selected.len(), &|a, b| id(a).cmp(id(b)));
        let tracks: Vec<Track> = by_id
            .into_iter()
            .map(|i| Track::new(selected[i], &feed.pages[selected[i]], opts.metric))
            .collect();
        let pin = opts
            .pin
            .as_deref()
            .and_then(|pin| tracks.iter().position(|t| feed.pages[t.page].id == pin));
        let mut track_of = vec![usize::MAX; feed.pages.len()];
        for (i, t) in tracks.iter().enumerate() {
            track_of[t.page] = i;
        }
        // With no D there are no days: `next` after `last`.
        let (next, last) = days(feed, opts, from).unwrap_or((Date::MAX, Date::MIN));
        let mut opts = opts.clone();
        if keep == Keep::Board {
            opts.top = opts.top.min(crate::board::MAX_BOARD_ROWS);
        }
        Builder {
            opts,
            keep,
            tracks,
            track_of,
            pin,
            current: Vec::new(),
            previous: Vec::new(),
            next,
            last,
            frames: Vec::new(),
        }
    }

    /// The number of days of the replay.
    pub fn len(&self) -> usize {
        let built = self.frames.len() as i64;
        let left = i64::from(self.last.day_number()) - i64::from(self.next.day_number()) + 1;
        (built + left.max(0)) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether every frame is built.
    pub fn done(&self) -> bool {
        self.next > self.last
    }

    /// The first day (F), if there are days.
    pub fn first_day(&self) -> Option<Date> {
        self.frames
            .first()
            .map(|f| f.date)
            .or_else(|| (!self.done()).then_some(self.next))
    }

    /// The options the frames were built with.
    pub fn options(&self) -> &RankOptions {
        &self.opts
    }

    /// Builds frames until about `page_days` page-days of work are done (at least one frame);
    /// returns whether every frame is built.
    pub fn advance(&mut self, feed: &Feed, page_days: usize) -> bool {
        let per_day = self.tracks.len().max(1);
        let mut budget = page_days;
        while !self.done() {
            let day = self.next;
            let frame = self.frame(feed, day);
            self.frames.push(frame);
            self.next = day.add_days(1);
            budget = budget.saturating_sub(per_day);
            if budget == 0 {
                break;
            }
        }
        self.done()
    }

    fn frame(&mut self, feed: &Feed, d: Date) -> Frame {
        let (metric, window) = (self.opts.metric, self.opts.window);
        let (bounds, edges) = window_edges(d, window, metric);
        let keep_unranked = self.keep == Keep::Everything;
        let mut current = std::mem::take(&mut self.current);
        current.clear();
        let mut previous = std::mem::take(&mut self.previous);
        previous.clear();
        let with_previous = window != Window::All;
        let mut unranked = Vec::new();
        for (i, track) in self.tracks.iter_mut().enumerate() {
            track.seek(&bounds, edges);
            let page = &feed.pages[track.page];
            match track.score(page, metric, window, 0) {
                Some(v) => current.push((i, v)),
                None if keep_unranked => unranked.push(track.page),
                None => {}
            }
            if with_previous {
                previous.extend(track.score(page, metric, window, 1));
            }
        }
        let kept = kept_in_order(&current, self.opts.top);
        let mut rows: Vec<FrameRow> = Vec::with_capacity(kept.len() + 1);
        for &(track, value) in &kept {
            let rank = match rows.last() {
                Some(prev) if prev.value.cmp_desc(&value) == Ordering::Equal => prev.rank,
                Some(prev) if self.opts.ties == Ties::Dense => prev.rank + 1,
                _ => u32::try_from(rows.len() + 1).unwrap_or(u32::MAX),
            };
            rows.push(self.row(track, value, rank, false));
        }
        if let Some(pin) = self.pin {
            let below_cut = !kept.iter().any(|&(t, _)| t == pin);
            if let Some(&(_, value)) = current.iter().find(|&&(t, _)| t == pin) {
                if below_cut {
                    let values = current.iter().map(|&(_, v)| v);
                    let rank = rank_among(values, value, self.opts.ties);
                    rows.push(self.row(pin, value, rank, true));
                }
            }
        }
        self.current = current;
        let more = match self.keep {
            Keep::Board => bound(&mut rows, self.pin.map(|t| self.tracks[t].page)),
            Keep::Everything => None,
        };
        self.previous_ranks(feed, &previous, &mut rows);
        self.previous = previous;
        Frame {
            date: d,
            rows,
            unranked,
            more,
        }
    }

    fn row(&self, track: usize, value: Value, rank: u32, pinned_extra: bool) -> FrameRow {
        FrameRow {
            page: self.tracks[track].page,
            value,
            rank,
            previous_rank: None,
            pinned_extra,
        }
    }

    /// Each row's rank in the previous window (SPEC §2 "Movement"), among all selected pages:
    /// `previous` holds every track's value there. Competition ranks in one pass over them:
    /// the rows' previous values in order, and for each page the first of them it beats (a
    /// binary search), so a day costs pages × log(rows) comparisons rather than pages × rows.
    fn previous_ranks(&self, feed: &Feed, previous: &[Value], rows: &mut [FrameRow]) {
        if self.opts.window == Window::All || rows.is_empty() {
            return;
        }
        let (metric, window) = (self.opts.metric, self.opts.window);
        let pages = &feed.pages;
        // (row, its previous value), best first.
        let mut wanted: Vec<(usize, Value)> = rows
            .iter()
            .enumerate()
            .filter_map(|(i, row)| {
                let track = &self.tracks[self.track_of[row.page]];
                Some((i, track.score(&pages[row.page], metric, window, 1)?))
            })
            .collect();
        if wanted.is_empty() {
            return;
        }
        order::sort_by(&mut wanted, |a, b| a.1.cmp_desc(&b.1));
        match self.opts.ties {
            Ties::Competition => {
                // beaten_from[j]: pages better than wanted[j] but not than wanted[j - 1].
                let mut beaten_from = vec![0u32; wanted.len() + 1];
                for x in previous {
                    let first = wanted.partition_point(|w| x.cmp_desc(&w.1) != Ordering::Less);
                    beaten_from[first] += 1;
                }
                let mut better = 0u32;
                for (j, &(row, _)) in wanted.iter().enumerate() {
                    better += beaten_from[j];
                    rows[row].previous_rank = Some(better + 1);
                }
            }
            Ties::Dense => {
                for &(row, v) in &wanted {
                    let rank = rank_among(previous.iter().copied(), v, Ties::Dense);
                    rows[row].previous_rank = Some(rank);
                }
            }
        }
    }
}

/// The day numbers of the window edges of day `d` (D, D − N, D − 2N, D − 3N) and how many of
/// them the metric reads: the window and the previous one (and the one before for growth).
fn window_edges(d: Date, window: Window, metric: Metric) -> ([i32; 4], usize) {
    match window {
        Window::All => ([d.day_number(), 0, 0, 0], 1),
        Window::Days(n) => {
            let edge = |k: i64| d.add_days(-i64::from(n) * k).day_number();
            let count = if metric == Metric::Growth { 4 } else { 3 };
            ([edge(0), edge(1), edge(2), edge(3)], count)
        }
    }
}

/// Cuts a board's rows as `board::bound_rows` does: the first [`MAX_BOARD_ROWS`] in order,
/// the pinned row taking the last place when the cut would drop it.
///
/// [`MAX_BOARD_ROWS`]: crate::board::MAX_BOARD_ROWS
fn bound(rows: &mut Vec<FrameRow>, pin: Option<usize>) -> Option<MoreTied> {
    let max = crate::board::MAX_BOARD_ROWS;
    if rows.len() <= max {
        return None;
    }
    let total = rows.len();
    let rank = rows[max - 1].rank;
    if let Some(pinned) = rows.iter().skip(max).position(|r| Some(r.page) == pin) {
        rows.swap(max - 1, pinned + max);
    }
    rows.truncate(max);
    Some(MoreTied {
        count: total - max,
        rank,
    })
}

/// The rank of `value` among `values` (which hold it): 1 + the values better than it
/// (competition), or 1 + the distinct values better than it (dense).
fn rank_among(values: impl Iterator<Item = Value>, value: Value, ties: Ties) -> u32 {
    let mut better = values.filter(|v| v.cmp_desc(&value) == Ordering::Less);
    let count = match ties {
        Ties::Competition => better.count(),
        Ties::Dense => {
            let mut better: Vec<Value> = better.by_ref().collect();
            order::sort_by(&mut better, |a, b| a.cmp_desc(b));
            better.dedup_by(|a, b| a.cmp_desc(b) == Ordering::Equal);
            better.len()
        }
    };
    u32::try_from(count + 1).unwrap_or(u32::MAX)
}

/// The rows `rank` keeps (SPEC §2 "Top"), best first, tied rows in ascending id (= track)
/// order: the best `top`, then every other row tied with the `top`-th. A bounded insertion
/// keeps the best `top` while reading every row once; a large `top` sorts instead.
fn kept_in_order(current: &[(usize, Value)], top: usize) -> Vec<(usize, Value)> {
    let cmp = |a: &(usize, Value), b: &(usize, Value)| a.1.cmp_desc(&b.1).then(a.0.cmp(&b.0));
    let top = top.max(1);
    if top >= 64 || current.len() <= top {
        let mut all = current.to_vec();
        order::sort_by(&mut all, cmp);
        let cut = all.get(top - 1).map(|r| r.1);
        let keep = match cut {
            Some(cut) => all.partition_point(|r| r.1.cmp_desc(&cut) != Ordering::Greater),
            None => all.len(),
        };
        all.truncate(keep);
        return all;
    }
    let mut best: Vec<(usize, Value)> = Vec::with_capacity(top + 1);
    for row in current {
        if best.len() == top && cmp(row, &best[top - 1]) != Ordering::Less {
            continue;
        }
        let at = best.partition_point(|b| cmp(b, row) == Ordering::Less);
        best.insert(at, *row);
        best.truncate(top);
    }
    let cut = best[top - 1].1;
    let last = best[top - 1].0;
    // Rows tied with the cut and after it in id order; `current` is in track order already.
    best.extend(
        current
            .iter()
            .filter(|r| r.1.cmp_desc(&cut) == Ordering::Equal && r.0 > last),
    );
    best
}
