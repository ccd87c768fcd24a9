//! Ranking (SPEC §2): selection, window sums, the four metrics, ties, movement, top-N and pin.

use crate::date::Date;
use crate::feed::{Feed, Page, Point};
use crate::options::{Metric, RankOptions, Ties, Window};
use crate::order;
use std::cmp::Ordering;

/// The result of ranking a feed: what `gov-leaderboard rank` prints (see `to_json`).
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    pub as_of: Option<Date>,
    pub metric: Metric,
    pub window: Window,
    pub ties: Ties,
    pub rows: Vec<Row>,
    pub unranked: Vec<String>,
}

/// One ranked page.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub rank: u32,
    pub id: String,
    pub name: String,
    pub value: Value,
    pub previous_rank: Option<u32>,
    pub delta: Option<i64>,
    /// Index of the page in `Feed::pages`, for renderers.
    pub page: usize,
    /// Kept only because it is pinned: its rank is below the top-N cut.
    pub pinned_extra: bool,
}

impl Row {
    /// The row of `page` at `rank`: its id and name from the feed, `delta` from the ranks
    /// (for `rank`, the replay's frames and the board between two days alike).
    pub fn new(
        feed: &Feed,
        page: usize,
        value: Value,
        rank: u32,
        previous_rank: Option<u32>,
        pinned_extra: bool,
    ) -> Row {
        Row {
            rank,
            id: feed.pages[page].id.clone(),
            name: feed.pages[page].name.clone(),
            value,
            previous_rank,
            delta: previous_rank.map(|p| i64::from(p) - i64::from(rank)),
            page,
            pinned_extra,
        }
    }
}

/// A metric value: exact for interactions, an IEEE-754 double for ratios.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Count(u64),
    Ratio(f64),
}

impl Value {
    pub fn as_f64(self) -> f64 {
        match self {
            Value::Count(n) => n as f64,
            Value::Ratio(r) => r,
        }
    }

    /// `Less` when `self` ranks before `other` (a higher value), `Equal` when tied.
    pub(crate) fn cmp_desc(&self, other: &Value) -> Ordering {
        match (self, other) {
            (Value::Count(a), Value::Count(b)) => b.cmp(a),
            _ => other
                .as_f64()
                .partial_cmp(&self.as_f64())
                .unwrap_or(Ordering::Equal),
        }
    }
}

/// A closed range of dates; `from: None` means "from the beginning".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub from: Option<Date>,
    pub to: Date,
}

impl Span {
    /// The window ending at `d`, moved back `shift` whole windows.
    pub fn of(window: Window, d: Date, shift: u32) -> Span {
        match window {
            Window::All => Span { from: None, to: d },
            Window::Days(n) => {
                let n = i64::from(n);
                let to = d.add_days(-n * i64::from(shift));
                Span {
                    from: Some(to.add_days(1 - n)),
                    to,
                }
            }
        }
    }

    /// The points of a date-sorted series that fall in the span.
    ///
    /// Spans usually end at or near a series' last point, so both ends are searched from the
    /// back, in steps that double: the probes stay in the cache lines the sum then reads,
    /// instead of a binary search's jumps across the whole series, each a likely cache miss
    /// when a large feed's points no longer fit in the cache.
    pub fn points<'a>(&self, series: &'a [Point]) -> &'a [Point] {
        let end = from_back(series, |p| p.date <= self.to);
        let start = match self.from {
            Some(from) => from_back(&series[..end], |p| p.date < from),
            None => 0,
        };
        &series[start..end]
    }
}

/// `series.partition_point(pred)` for a `pred` that holds on a prefix, searched from the back:
/// galloping down from the end to a bracket, then bisecting it.
fn from_back(series: &[Point], pred: impl Fn(&Point) -> bool) -> usize {
    let mut hi = series.len();
    let mut step = 1;
    // Invariant: pred fails on every point at or after `hi`.
    while hi > 0 {
        let probe = hi.saturating_sub(step);
        if pred(&series[probe]) {
            return probe + 1 + series[probe + 1..hi].partition_point(&pred);
        }
        hi = probe;
        step *= 2;
    }
    0
}

/// Ranks the feed's pages with the given options.
pub fn rank(feed: &Feed, opts: &RankOptions) -> Ranking {
    let selected: Vec<usize> = (0..feed.pages.len())
        .filter(|&i| is_selected(&feed.pages[i], opts))
        .collect();
    let mut ranking = Ranking {
        as_of: opts.as_of.or_else(|| feed.effective_as_of()),
        metric: opts.metric,
        window: opts.window,
        ties: opts.ties,
        rows: Vec::new(),
        unranked: Vec::new(),
    };
    let Some(d) = ranking.as_of else {
        ranking.unranked = sorted_ids(feed, selected.iter().copied());
        return ranking;
    };
    let (now, before) = scores(feed, &selected, opts, d);
    let current = ordered(feed, now, opts.ties);
    // Indexed by page: the previous window's rank, and whether the page is ranked now.
    let mut previous: Vec<Option<u32>> = vec![None; feed.pages.len()];
    for (page, _, rank) in ordered(feed, before, opts.ties) {
        previous[page] = Some(rank);
    }
    let mut ranked = vec![false; feed.pages.len()];
    for r in &current {
        ranked[r.0] = true;
    }
    ranking.unranked = sorted_ids(feed, selected.iter().copied().filter(|&i| !ranked[i]));
    let keep = kept_len(&current, opts.top);
    let pinned = opts.pin.as_deref().and_then(|pin| {
        current
            .iter()
            .skip(keep)
            .position(|(p, _, _)| feed.pages[*p].id == pin)
            .map(|i| keep + i)
    });
    let indices = (0..keep).chain(pinned);
    ranking.rows = indices
        .map(|i| {
            let (page, value, rank) = current[i];
            Row::new(feed, page, value, rank, previous[page], i >= keep)
        })
        .collect();
    ranking
}

pub(crate) fn is_selected(page: &Page, opts: &RankOptions) -> bool {
    let matches = |filter: &Option<String>, field: &Option<String>| {
        filter.as_ref().is_none_or(|f| field.as_ref() == Some(f))
    };
    matches(&opts.country, &page.country)
        && matches(&opts.platform, &page.platform)
        && matches(&opts.category, &page.category)
}

fn sorted_ids(feed: &Feed, pages: impl Iterator<Item = usize>) -> Vec<String> {
    let pages: Vec<usize> = pages.collect();
    let id = |i: usize| feed.pages[pages[i]].id.as_bytes();
    order::stable_order(pages.len(), &|a, b| id(a).cmp(id(b)))
        .into_iter()
        .map(|i| feed.pages[pages[i]].id.clone())
        .collect()
}

/// Pages and their values, in no particular order.
type Scored = Vec<(usize, Value)>;

/// The selected pages' values in the window ending at `d` and, for a window of days, in the
/// one before it: `(page, value)` for each page ranked there.
///
/// Both come from one pass over the pages, so each series is fetched from memory once: a
/// large feed's points do not stay in the cache from one pass to the next, and the ranking is
/// bound by those fetches (4,000 pages × 90 days natively: 6–7 ms in a pass per window, 2.9 in
/// one).
fn scores(feed: &Feed, selected: &[usize], opts: &RankOptions, d: Date) -> (Scored, Scored) {
    let earlier = matches!(opts.window, Window::Days(_));
    let mut now = Vec::with_capacity(selected.len());
    let mut before = Vec::with_capacity(if earlier { selected.len() } else { 0 });
    for &i in selected {
        let page = &feed.pages[i];
        if let Some(v) = score(page, opts.metric, opts.window, d, 0) {
            now.push((i, v));
        }
        if let Some(v) = earlier
            .then(|| score(page, opts.metric, opts.window, d, 1))
            .flatten()
        {
            before.push((i, v));
        }
    }
    (now, before)
}

/// The scored pages `(page, value, rank)`, best first, tied rows by ascending id.
fn ordered(feed: &Feed, mut scored: Scored, ties: Ties) -> Vec<(usize, Value, u32)> {
    order::sort_by(&mut scored, |a, b| {
        a.1.cmp_desc(&b.1).then_with(|| {
            feed.pages[a.0]
                .id
                .as_bytes()
                .cmp(feed.pages[b.0].id.as_bytes())
        })
    });
    assign_ranks(scored, ties)
}

fn assign_ranks(scored: Scored, ties: Ties) -> Vec<(usize, Value, u32)> {
    let mut out: Vec<(usize, Value, u32)> = Vec::with_capacity(scored.len());
    for (i, (page, value)) in scored.into_iter().enumerate() {
        let rank = match out.last() {
            Some(&(_, prev, r)) if prev.cmp_desc(&value) == Ordering::Equal => r,
            Some(&(_, _, r)) if ties == Ties::Dense => r + 1,
            _ => u32::try_from(i + 1).unwrap_or(u32::MAX),
        };
        out.push((page, value, rank));
    }
    out
}

/// How many rows the top-N cut keeps: every row ranked at or above the `top`-th row's rank.
fn kept_len(rows: &[(usize, Value, u32)], top: usize) -> usize {
    if rows.len() <= top {
        return rows.len();
    }
    let cut = rows[top.max(1) - 1].2;
    rows.partition_point(|r| r.2 <= cut)
}

/// A page's value for the window shifted back `shift` windows; `None` if not ranked there.
fn score(page: &Page, metric: Metric, window: Window, d: Date, shift: u32) -> Option<Value> {
    let span = Span::of(window, d, shift);
    let points = span.points(&page.series);
    if points.is_empty() {
        return None;
    }
    let interactions: u64 = points.iter().map(|p| p.interactions).sum();
    match metric {
        Metric::Interactions => Some(Value::Count(interactions)),
        Metric::PerPost => {
            let posts: u128 = points
                .iter()
                .map(|p| u128::from(p.posts().unwrap_or(0)))
                .sum();
            (posts > 0).then(|| Value::Ratio(interactions as f64 / posts as f64))
        }
        Metric::EngagementRate => {
            let followers = points
                .iter()
                .rev()
                .find_map(|p| p.followers())
                .or(page.followers)?;
            (followers > 0).then(|| Value::Ratio(interactions as f64 / followers as f64))
        }
        Metric::Growth => {
            if window == Window::All {
                return None;
            }
            let before = Span::of(window, d, shift + 1).points(&page.series);
            let prior: u64 = before.iter().map(|p| p.interactions).sum();
            if before.is_empty() || prior == 0 {
                return None;
            }
            // Both sums are at most 2^53-1, so the difference is exact as a double.
            let change = interactions as i64 - prior as i64;
            Some(Value::Ratio(change as f64 / prior as f64))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: i64) -> Date {
        Date::from_ymd(2026, 1, 1).map_or_else(|| unreachable!(), |d| d.add_days(n))
    }

    /// Searching from the back finds the same points as two binary searches, for every span
    /// over series with gaps, repeated lengths and spans before, inside and after them.
    #[test]
    fn span_points_match_binary_search() {
        for len in 0..24i64 {
            for gap in 1..4i64 {
                // Strictly increasing dates with uneven gaps (1 to 3 days).
                let series: Vec<Point> = (0..len)
                    .map(|i| {
                        Point::new(day((0..i).map(|k| 1 + (k * gap) % 3).sum()), 1, None, None)
                    })
                    .collect();
                let last = len * 3 + 4;
                for to in -3..=last {
                    for from in (-4..=to + 1).map(Some).chain([None]) {
                        let span = Span {
                            from: from.map(day),
                            to: day(to),
                        };
                        let start = span
                            .from
                            .map_or(0, |f| series.partition_point(|p| p.date < f));
                        let end = series.partition_point(|p| p.date <= span.to);
                        let want = &series[start..end.max(start)];
                        assert_eq!(span.points(&series), want, "len {len} gap {gap} {span:?}");
                    }
                }
            }
        }
    }
}
