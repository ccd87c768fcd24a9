//! The static board: an HTML fragment with an inline SVG chart that needs no JavaScript and
//! no inline styles (it works under a strict CSP with the package's stylesheet linked).

use crate::board::{self, BoardOptions, BoardView};
use crate::chart::{Chart, Style};
use crate::feed::Feed;
use crate::i18n::BoardLocale;
use crate::markup;
use crate::svg::ResponsiveSvg;
use plotters::prelude::IntoDrawingArea;

/// Nominal width the static chart is laid out for, in CSS pixels: a phone column. Horizontal
/// positions become percentages (see `svg`), so it stretches to any width with text unscaled.
pub const SVG_WIDTH: u32 = 360;
/// The board's font stack, used by the chart where CSS does not reach (canvas).
pub const FONT: &str = "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", \"Noto Naskh Arabic\", Tahoma, sans-serif";

/// Ranks the feed and renders the static board, or its share card as SVG (`card`).
pub fn render(feed: &Feed, opts: &BoardOptions, loc: &BoardLocale) -> String {
    let (ranking, view) = board::build(feed, opts, loc);
    if let Some(size) = opts.card {
        return crate::card::Card::of(&view).svg(size);
    }
    html(
        &view,
        &ranking.metric.to_string(),
        &ranking.window.to_string(),
    )
}

/// The HTML fragment of a board: the one board markup (`markup`), written as text.
pub fn html(v: &BoardView, metric: &str, window: &str) -> String {
    let kind = match &v.chart {
        Some(Chart::Trend { .. }) => "trend",
        _ => "bars",
    };
    let svg = v.chart.as_ref().map(|c| svg(c, v.rtl));
    let board = markup::board(v, metric, window, kind, svg);
    let mut out = String::with_capacity(4096);
    markup::write_html(&board, &mut out);
    out
}

/// The chart as SVG, drawn by the same function that draws the live canvas.
pub fn svg(chart: &Chart, rtl: bool) -> String {
    let height = chart.height().ceil() as u32;
    let style = Style::light(FONT, rtl, 1.0, 1.0);
    let mut body = String::new();
    let area = ResponsiveSvg::new(&mut body, SVG_WIDTH, height).into_drawing_area();
    // The string backend cannot fail (its error type is uninhabited).
    let _ = chart.draw(&area, &style);
    drop(area);
    ResponsiveSvg::wrap(&body, height)
}
