//! The board as a reader sees it: every string already localized. The static render and the
//! live element both draw from this one model, so they cannot disagree.

use crate::chart::{nice_ticks, Bar, Chart, ChartKind, Line};
use crate::date::Date;
use crate::feed::Feed;
use crate::i18n::BoardLocale;
use crate::options::{parse_top, OptionError, RankOptions};
use crate::rank::{rank, Ranking, Row, Span, Value};

/// Options of a rendered board: ranking, language and chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BoardOptions {
    pub rank: RankOptions,
    pub locale: Option<String>,
    pub chart: ChartKind,
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
        let chart = match get("chart") {
            Some(v) => v.parse()?,
            None => ChartKind::default(),
        };
        Ok(BoardOptions {
            rank,
            locale: text("locale"),
            chart,
        })
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
    pub subtitle: String,
    pub as_of: Option<String>,
    pub caption: String,
    pub headers: [String; 4],
    pub rows: Vec<RowView>,
    pub empty: Option<String>,
    pub source_name: Option<String>,
    pub source_url: Option<String>,
    /// "Source: {}" in the board's language.
    pub source_template: String,
    pub footer_as_of: Option<String>,
    pub chart: Option<Chart>,
    pub chart_label: String,
    /// "Get the data": the shown rows as a CSV `data:` URL, and its link text.
    pub download_href: String,
    pub download_label: String,
}

/// Ranks the feed and localizes the result.
pub fn build(feed: &Feed, opts: &BoardOptions, loc: &BoardLocale) -> (Ranking, BoardView) {
    let ranking = rank(feed, &opts.rank);
    let view = view(feed, &ranking, opts, loc);
    (ranking, view)
}

/// Localizes a ranking already computed.
pub fn view(feed: &Feed, ranking: &Ranking, opts: &BoardOptions, loc: &BoardLocale) -> BoardView {
    let words = loc.words();
    let title = feed
        .title
        .clone()
        .unwrap_or_else(|| words.default_title.to_string());
    let subtitle = loc.subtitle(ranking.metric, ranking.window);
    let as_of = ranking.as_of.map(|d| loc.numbers.date(d));
    let footer_as_of = as_of
        .as_ref()
        .map(|d| crate::i18n::fill(words.as_of, &[("", d)]));
    let caption = match &footer_as_of {
        Some(a) => format!("{title}. {subtitle}. {a}"),
        None => format!("{title}. {subtitle}"),
    };
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
        headers: [
            words.rank.to_string(),
            words.change.to_string(),
            words.page.to_string(),
            loc.metric(ranking.metric).to_string(),
        ],
        chart: chart(feed, ranking, opts, loc),
        chart_label: words.chart.to_string(),
        download_href: crate::html::csv_data_url(&crate::rank::rows_csv(ranking)),
        download_label: words.download.to_string(),
        source_name: source.and_then(|s| s.name.clone()),
        source_url: source.and_then(|s| s.url.clone()),
        source_template: words.source.to_string(),
        title,
        subtitle,
        as_of,
        caption,
        rows,
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
        url: page.url.clone(),
        value: value_text(r.value, loc),
        raw_value: raw_value(r.value),
        pinned: opts.rank.pin.as_deref() == Some(r.id.as_str()),
        pinned_extra: r.pinned_extra,
    }
}

/// The full localized value shown in the table.
pub fn value_text(v: Value, loc: &BoardLocale) -> String {
    match v {
        Value::Count(n) => loc.numbers.integer(n),
        Value::Ratio(r) => loc.numbers.ratio(r),
    }
}

fn raw_value(v: Value) -> String {
    crate::json_out::value_json(v)
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
                        Value::Ratio(x) => loc.numbers.ratio(x),
                    },
                    highlight: pinned(r),
                })
                .collect(),
        )),
        ChartKind::Trend => trend(feed, ranking, opts, loc),
    }
}

/// Daily interactions of the shown pages over the window (from their first point in it).
fn trend(feed: &Feed, ranking: &Ranking, opts: &BoardOptions, loc: &BoardLocale) -> Option<Chart> {
    let d = ranking.as_of?;
    let span = Span::of(ranking.window, d, 0);
    let first: Date = ranking
        .rows
        .iter()
        .filter_map(|r| {
            span.points(&feed.pages[r.page].series)
                .first()
                .map(|p| p.date)
        })
        .min()?;
    let days = (d.day_number() - first.day_number()) as usize + 1;
    let lines: Vec<Line> = ranking
        .rows
        .iter()
        .map(|r| {
            let mut values = vec![None; days];
            for p in span.points(&feed.pages[r.page].series) {
                let i = (p.date.day_number() - first.day_number()) as usize;
                if let Some(slot) = values.get_mut(i) {
                    *slot = Some(p.interactions as f64);
                }
            }
            Line {
                label: feed.pages[r.page]
                    .display_name(opts.locale_tag())
                    .to_string(),
                values,
                highlight: opts.rank.pin.as_deref() == Some(r.id.as_str()),
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
