//! The board as a reader sees it: every string already localized. The static render and the
//! live element both draw from this one model, so they cannot disagree.

use crate::chart::{nice_ticks, Bar, Chart, ChartKind, Line};
use crate::date::Date;
use crate::feed::{foreign_lang, Feed};
use crate::i18n::BoardLocale;
use crate::options::{parse_date, parse_top, Metric, OptionError, RankOptions};
use crate::rank::{rank, Ranking, Row, Span, Value};

/// Options of a rendered board: ranking, language and chart.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardOptions {
    pub rank: RankOptions,
    pub locale: Option<String>,
    pub chart: ChartKind,
    /// The first day of a replay (`replay-from`, npm `from`; SPEC §2b).
    pub from: Option<Date>,
    /// The title's heading level, 1–6.
    pub heading_level: u8,
    /// `render --card[=WxH]` (npm `card`): the share card's size; the card is written
    /// instead of the board (SPEC §4 "Share").
    pub card: Option<(u32, u32)>,
}

impl Default for BoardOptions {
    fn default() -> Self {
        BoardOptions {
            rank: RankOptions::default(),
            locale: None,
            chart: ChartKind::default(),
            from: None,
            heading_level: 2,
            card: None,
        }
    }
}

impl BoardOptions {
    pub fn locale_tag(&self) -> &str {
        self.locale.as_deref().unwrap_or("en")
    }

    /// Reads options by name (`metric`, `window`, `ties`, `top`, `country`, `platform`,
    /// `category`, `pin`, `locale`, `chart`) from element attributes or a JS options object;
    /// absent names take the defaults of SPEC §2–§4. The locale is only checked for form here.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<BoardOptions, OptionError> {
        let text = |k: &str| get(k).filter(|v| !v.is_empty());
        let mut rank = RankOptions::default();
        if let Some(v) = get("metric") {
            rank.metric = v.parse()?;
        }
        if let Some(v) = get("window") {
            rank.window = v.parse()?;
        }
        if let Some(v) = get("ties") {
            rank.ties = v.parse()?;
        }
        if let Some(v) = get("top") {
            rank.top = parse_top(&v)?;
        }
        rank.country = text("country");
        rank.platform = text("platform");
        rank.category = text("category");
        rank.pin = text("pin");
        rank.as_of = text("as-of").map(|v| parse_date("as-of", &v)).transpose()?;
        let from = text("replay-from")
            .map(|v| parse_date("replay-from", &v))
            .transpose()?;
        let chart = match get("chart") {
            Some(v) => v.parse()?,
            None => ChartKind::default(),
        };
        let heading_level = match text("heading-level") {
            Some(v) => parse_heading_level(&v)?,
            None => 2,
        };
        let card = get("card")
            .map(|v| {
                crate::options::parse_card_size(&v).ok_or(OptionError {
                    option: "card",
                    value: v,
                    expected: "WxH, each from 200 to 4096 (e.g. 1200x675)",
                })
            })
            .transpose()?;
        Ok(BoardOptions {
            rank,
            locale: text("locale"),
            chart,
            from,
            heading_level,
            card,
        })
    }
}

/// Reads `heading-level`: an integer from 1 to 6.
pub fn parse_heading_level(s: &str) -> Result<u8, OptionError> {
    match s.as_bytes() {
        [d @ b'1'..=b'6'] => Ok(d - b'0'),
        _ => Err(OptionError {
            option: "heading-level",
            value: s.into(),
            expected: "an integer from 1 to 6",
        }),
    }
}

/// One table row, localized.
#[derive(Debug, Clone, PartialEq)]
pub struct RowView {
    pub id: String,
    pub rank: String,
    /// `up`, `down`, `same` or `new`.
    pub movement: &'static str,
    pub movement_mark: String,
    pub movement_words: String,
    pub name: String,
    /// The name's language when it is not the board's.
    pub name_lang: Option<String>,
    pub url: Option<String>,
    pub value: String,
    /// The exact value, as JSON writes it.
    pub raw_value: String,
    pub pinned: bool,
    /// Shown only because it is pinned, below the top-N cut.
    pub pinned_extra: bool,
}

/// Everything a board shows.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardView {
    pub lang: String,
    pub rtl: bool,
    pub title: String,
    /// The title's language when it is not the board's (SPEC §1 `lang`, §4 "Accessibility").
    pub title_lang: Option<String>,
    /// The title's heading level, 1–6 (`heading-level`, default 2; SPEC §4 "Accessibility").
    pub heading_level: u8,
    pub subtitle: String,
    pub as_of: Option<String>,
    pub headers: [String; 4],
    /// Whether the board has a movement column: not for window `all`, which has no previous
    /// window to move against (SPEC §2a).
    pub movement: bool,
    pub rows: Vec<RowView>,
    /// "N more tied at rank R" when the board is cut at [`MAX_BOARD_ROWS`].
    pub more: Option<String>,
    pub empty: Option<String>,
    pub source_name: Option<String>,
    /// The source name's language when it is not the board's.
    pub source_lang: Option<String>,
    pub source_url: Option<String>,
    /// "Source: {}" in the board's language.
    pub source_template: String,
    pub footer_as_of: Option<String>,
    pub chart: Option<Chart>,
    pub chart_label: String,
    /// "Get the data": the shown rows as a CSV `data:` URL, and its link text.
    pub download_href: String,
    pub download_label: String,
    /// Hidden text in links that open a new tab, and in the pinned row.
    pub new_tab: &'static str,
    pub pinned_note: &'static str,
}

/// Most rows a board shows, the pinned row included (SPEC §2 "Boards are bounded"): the cost
/// of a board (DOM nodes, canvas height, HTML bytes) never grows with the feed.
pub const MAX_BOARD_ROWS: usize = 100;
/// Most lines a trend chart draws.
pub const MAX_TREND_LINES: usize = 10;
/// Most x positions of a trend chart; longer spans are summed into buckets of days.
pub const MAX_TREND_POINTS: usize = 1000;

/// Rows the ranking kept that a bounded board leaves out: all tied at `rank`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoreTied {
    pub count: usize,
    pub rank: u32,
}

/// Ranks the feed for a board and localizes the result: `top` counts as at most
/// [`MAX_BOARD_ROWS`] and the rows are cut to the board's bound (`rank` output is not).
pub fn build(feed: &Feed, opts: &BoardOptions, loc: &BoardLocale) -> (Ranking, BoardView) {
    let mut rank_opts = opts.rank.clone();
    rank_opts.top = rank_opts.top.min(MAX_BOARD_ROWS);
    let mut ranking = rank(feed, &rank_opts);
    let more = bound_rows(&mut ranking, opts.rank.pin.as_deref());
    let mut view = view(feed, &ranking, opts, loc);
    view.more = more.map(|m| more_line(loc, m));
    (ranking, view)
}

/// "N more tied at rank R", localized.
pub fn more_line(loc: &BoardLocale, m: MoreTied) -> String {
    let count = loc.numbers.integer(m.count as u64);
    let rank = loc.numbers.integer(u64::from(m.rank));
    crate::i18n::fill(loc.words().more_tied, &[("count", &count), ("rank", &rank)])
}

/// Cuts the rows to [`MAX_BOARD_ROWS`]: the first ones in order, and the pinned row if the cut
/// would drop it (in place of the last one). With `top` ≤ 100 every row past the cut is tied
/// at the last rank shown, so one count says what is missing.
pub fn bound_rows(ranking: &mut Ranking, pin: Option<&str>) -> Option<MoreTied> {
    let rows = &mut ranking.rows;
    if rows.len() <= MAX_BOARD_ROWS {
        return None;
    }
    let total = rows.len();
    let rank = rows[MAX_BOARD_ROWS - 1].rank;
    let pinned = rows
        .iter()
        .skip(MAX_BOARD_ROWS)
        .position(|r| pin == Some(r.id.as_str()))
        .map(|i| i + MAX_BOARD_ROWS);
    match pinned {
        Some(p) => {
            // The pinned row takes the last place; it is last in order among those shown.
            rows.swap(MAX_BOARD_ROWS - 1, p);
            rows.truncate(MAX_BOARD_ROWS);
        }
        None => rows.truncate(MAX_BOARD_ROWS),
    }
    Some(MoreTied {
        count: total - rows.len(),
        rank,
    })
}

/// Localizes a ranking already computed.
pub fn view(feed: &Feed, ranking: &Ranking, opts: &BoardOptions, loc: &BoardLocale) -> BoardView {
    let mut v = view_without_download(feed, ranking, opts, loc);
    v.download_href = download_href(ranking, loc);
    v
}

/// The board's CSV of its rows, as a `data:` URL (SPEC §4 "Data download").
pub fn download_href(ranking: &Ranking, loc: &BoardLocale) -> String {
    crate::html::csv_data_url(&crate::output::rows_csv(ranking, &|x| loc.numbers.raw(x)))
}

/// [`view`] with an empty `download_href`: a replay frame takes its day's CSV from
/// [`download_href`] once a day, not every frame.
pub fn view_without_download(
    feed: &Feed,
    ranking: &Ranking,
    opts: &BoardOptions,
    loc: &BoardLocale,
) -> BoardView {
    let words = loc.words();
    let title = feed
        .display_title(opts.locale_tag())
        .unwrap_or(words.default_title)
        .to_string();
    let subtitle = loc.subtitle(ranking.metric, ranking.window);
    let as_of = ranking.as_of.map(|d| loc.numbers.date(d));
    let footer_as_of = as_of
        .as_ref()
        .map(|d| crate::i18n::fill(words.as_of, &[("", d)]));
    let rows: Vec<RowView> = ranking
        .rows
        .iter()
        .map(|r| row_view(feed, r, opts, loc))
        .collect();
    let source = feed.source.as_ref();
    BoardView {
        lang: loc.canonical.clone(),
        rtl: loc.rtl,
        empty: rows.is_empty().then(|| words.no_rows.to_string()),
        movement: matches!(ranking.window, crate::options::Window::Days(_)),
        headers: [
            words.rank.to_string(),
            words.change.to_string(),
            words.page.to_string(),
            loc.metric(ranking.metric).to_string(),
        ],
        chart: chart(feed, ranking, opts, loc),
        // The bar chart shows the table's figures; the trend chart shows daily interactions
        // (whatever the metric), which the table does not have, and says so.
        chart_label: match opts.chart {
            ChartKind::Trend => words.trend_chart.to_string(),
            _ => words.chart.to_string(),
        },
        download_href: String::new(),
        download_label: words.download.to_string(),
        new_tab: words.new_tab,
        pinned_note: words.pinned,
        source_name: feed
            .display_source_name(opts.locale_tag())
            .map(str::to_string),
        source_url: source.and_then(|s| s.url.clone()),
        source_lang: foreign_lang(feed.display_source_lang(opts.locale_tag()), &loc.canonical),
        source_template: words.source.to_string(),
        title_lang: match feed.display_title(opts.locale_tag()) {
            Some(_) => foreign_lang(feed.display_title_lang(opts.locale_tag()), &loc.canonical),
            None => None, // the board's own words
        },
        title,
        heading_level: opts.heading_level,
        subtitle,
        as_of,
        rows,
        more: None,
        footer_as_of,
    }
}

fn row_view(feed: &Feed, r: &Row, opts: &BoardOptions, loc: &BoardLocale) -> RowView {
    let page = &feed.pages[r.page];
    let (movement_mark, movement_words) = loc.movement(r.delta);
    RowView {
        id: r.id.clone(),
        rank: loc.numbers.integer(u64::from(r.rank)),
        movement: match r.delta {
            None => "new",
            Some(0) => "same",
            Some(d) if d > 0 => "up",
            Some(_) => "down",
        },
        movement_mark,
        movement_words,
        name: page.display_name(opts.locale_tag()).to_string(),
        name_lang: foreign_lang(page.display_name_lang(opts.locale_tag()), &loc.canonical),
        url: page.url.clone(),
        value: value_text(r.value, opts.rank.metric, loc),
        raw_value: match r.value {
            Value::Count(n) => n.to_string(),
            Value::Ratio(x) => loc.numbers.raw(x),
        },
        pinned: opts.rank.pin.as_deref() == Some(r.id.as_str()),
        pinned_extra: r.pinned_extra,
    }
}

/// The full localized value shown in the table (SPEC §2a): counts grouped, per-post with at
/// most one fraction digit, engagement rate as a percent, growth as a signed percent.
pub fn value_text(v: Value, metric: Metric, loc: &BoardLocale) -> String {
    match (v, metric) {
        (Value::Count(n), _) => loc.numbers.integer(n),
        (Value::Ratio(r), Metric::PerPost) => loc.numbers.per_post(r),
        (Value::Ratio(r), Metric::EngagementRate) => loc.numbers.percent(r, false),
        (Value::Ratio(r), Metric::Growth) => loc.numbers.percent(r, true),
        (Value::Ratio(r), Metric::Interactions) => loc.numbers.ratio(r),
    }
}

fn chart(feed: &Feed, ranking: &Ranking, opts: &BoardOptions, loc: &BoardLocale) -> Option<Chart> {
    if ranking.rows.is_empty() {
        return None;
    }
    let pinned = |r: &Row| opts.rank.pin.as_deref() == Some(r.id.as_str());
    let name = |r: &Row| {
        feed.pages[r.page]
            .display_name(opts.locale_tag())
            .to_string()
    };
    match opts.chart {
        ChartKind::None => None,
        ChartKind::Bars => Some(Chart::Bars(
            ranking
                .rows
                .iter()
                .map(|r| Bar {
                    label: name(r),
                    value: r.value.as_f64(),
                    value_label: match r.value {
                        Value::Count(n) => loc.numbers.compact(n as f64),
                        ratio => value_text(ratio, opts.rank.metric, loc),
                    },
                    highlight: pinned(r),
                    slot: None,
                })
                .collect(),
        )),
        ChartKind::Trend => trend(feed, ranking, opts, loc),
    }
}

/// Daily interactions of the first [`MAX_TREND_LINES`] shown pages (the pinned one always
/// among them) over the window, from their first point in it. Spans longer than
/// [`MAX_TREND_POINTS`] days are summed into equal buckets of days, so the chart's memory and
/// drawing cost stay bounded whatever the dates.
fn trend(feed: &Feed, ranking: &Ranking, opts: &BoardOptions, loc: &BoardLocale) -> Option<Chart> {
    let d = ranking.as_of?;
    let span = Span::of(ranking.window, d, 0);
    let shown = trend_rows(ranking, MAX_TREND_LINES, opts.rank.pin.as_deref());
    let first: Date = shown
        .iter()
        .filter_map(|r| {
            span.points(&feed.pages[r.page].series)
                .first()
                .map(|p| p.date)
        })
        .min()?;
    let days = (d.day_number() - first.day_number()) as usize + 1;
    let bucket = days.div_ceil(MAX_TREND_POINTS);
    let slots = days.div_ceil(bucket);
    let lines: Vec<Line> = shown
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut values: Vec<Option<f64>> = vec![None; slots];
            for p in span.points(&feed.pages[r.page].series) {
                let i = (p.date.day_number() - first.day_number()) as usize / bucket;
                if let Some(slot) = values.get_mut(i) {
                    *slot = Some(slot.unwrap_or(0.0) + p.interactions as f64);
                }
            }
            Line {
                label: feed.pages[r.page]
                    .display_name(opts.locale_tag())
                    .to_string(),
                values,
                highlight: opts.rank.pin.as_deref() == Some(r.id.as_str()),
                mark: loc.numbers.integer(i as u64 + 1),
            }
        })
        .collect();
    let max = lines
        .iter()
        .flat_map(|l| l.values.iter().flatten())
        .fold(0.0, |a: f64, b| a.max(*b));
    Some(Chart::Trend {
        ticks: nice_ticks(max)
            .into_iter()
            .map(|t| (t, loc.numbers.compact(t)))
            .collect(),
        first_day: loc.numbers.date(first),
        last_day: loc.numbers.date(d),
        lines,
    })
}

/// The first `max` rows in order; the pinned row takes the last place if it is further down.
fn trend_rows<'r>(ranking: &'r Ranking, max: usize, pin: Option<&str>) -> Vec<&'r Row> {
    let mut shown: Vec<&Row> = ranking.rows.iter().take(max).collect();
    let pinned = ranking
        .rows
        .iter()
        .skip(max)
        .find(|r| pin == Some(r.id.as_str()));
    if let (Some(p), Some(last)) = (pinned, shown.last_mut()) {
        *last = p;
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::{Metric, Window};

    #[test]
    fn options_from_names() {
        let pairs = [
            ("metric", "growth"),
            ("window", "7d"),
            ("top", "3"),
            ("pin", "eg-moi"),
            ("locale", "ar-EG"),
            ("chart", "trend"),
            ("country", ""),
        ];
        let get = |k: &str| pairs.iter().find(|p| p.0 == k).map(|p| p.1.to_string());
        let o = BoardOptions::from_lookup(get).expect("valid");
        assert_eq!(o.rank.metric, Metric::Growth);
        assert_eq!(o.rank.window, Window::Days(7));
        assert_eq!(o.rank.top, 3);
        assert_eq!(o.rank.country, None);
        assert_eq!(o.locale_tag(), "ar-EG");
        assert_eq!(o.chart, ChartKind::Trend);
        let bad = BoardOptions::from_lookup(|k| (k == "top").then(|| "0".to_string()));
        assert_eq!(
            bad.map_err(|e| e.to_string()),
            Err("invalid value \"0\" for top: expected an integer of at least 1".into())
        );
    }
}
