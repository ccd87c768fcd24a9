//! The static board: an HTML fragment with an inline SVG chart that needs no JavaScript and
//! no inline styles (it works under a strict CSP with the package's stylesheet linked).

use crate::board::{self, BoardOptions, BoardView, RowView};
use crate::chart::{Chart, Style};
use crate::feed::Feed;
use crate::html::{attr, text};
use crate::i18n::BoardLocale;
use crate::svg::ResponsiveSvg;
use plotters::prelude::IntoDrawingArea;
use std::fmt::Write;

/// Nominal width the static chart is laid out for, in CSS pixels: a phone column. Horizontal
/// positions become percentages (see `svg`), so it stretches to any width with text unscaled.
pub const SVG_WIDTH: u32 = 360;
/// The board's font stack, used by the chart where CSS does not reach (canvas).
pub const FONT: &str = "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", \"Noto Naskh Arabic\", Tahoma, sans-serif";

/// Ranks the feed and renders the static board.
pub fn render(feed: &Feed, opts: &BoardOptions, loc: &BoardLocale) -> String {
    let (ranking, view) = board::build(feed, opts, loc);
    html(
        &view,
        &ranking.metric.to_string(),
        &ranking.window.to_string(),
    )
}

/// The HTML fragment of a board.
pub fn html(v: &BoardView, metric: &str, window: &str) -> String {
    let mut out = String::with_capacity(4096);
    let dir = if v.rtl { "rtl" } else { "ltr" };
    let _ = writeln!(
        out,
        "<div class=\"gl-board\" lang=\"{}\" dir=\"{dir}\" data-metric=\"{metric}\" data-window=\"{window}\">",
        attr(&v.lang)
    );
    let _ = writeln!(
        out,
        "<div class=\"gl-head\">\n<p class=\"gl-title\" dir=\"auto\">{}</p>",
        text(&v.title)
    );
    let _ = writeln!(out, "<p class=\"gl-sub\">{}</p>\n</div>", text(&v.subtitle));
    if let Some(chart) = &v.chart {
        chart_html(&mut out, chart, v);
    }
    table_html(&mut out, v);
    footer_html(&mut out, v);
    if v.empty.is_none() {
        let _ = writeln!(
            out,
            "<p class=\"gl-tools\"><a class=\"gl-download\" download=\"leaderboard.csv\" href=\"{}\">{}</a></p>",
            attr(&v.download_href),
            text(&v.download_label)
        );
    }
    out.push_str("</div>\n");
    out
}

fn chart_html(out: &mut String, chart: &Chart, v: &BoardView) {
    let kind = match chart {
        Chart::Bars(_) => "bars",
        Chart::Trend { .. } => "trend",
    };
    let svg = svg(chart, v.rtl);
    let _ = writeln!(
        out,
        "<div class=\"gl-chart gl-chart-{kind}\" role=\"img\" aria-label=\"{}\">\n{svg}</div>",
        attr(&v.chart_label)
    );
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

fn table_html(out: &mut String, v: &BoardView) {
    let _ = writeln!(
        out,
        "<table class=\"gl-table\">\n<caption class=\"gl-sr\">{}</caption>",
        text(&v.caption)
    );
    let [rank, change, page, metric] = &v.headers;
    let _ = writeln!(
        out,
        "<thead><tr><th scope=\"col\" class=\"gl-rank\">{}</th><th scope=\"col\" class=\"gl-move\">{}</th><th scope=\"col\" class=\"gl-name\">{}</th><th scope=\"col\" class=\"gl-value\">{}</th></tr></thead>",
        text(rank),
        text(change),
        text(page),
        text(metric)
    );
    out.push_str("<tbody>\n");
    for row in &v.rows {
        row_html(out, row);
    }
    out.push_str("</tbody>\n</table>\n");
    if let Some(more) = &v.more {
        let _ = writeln!(out, "<p class=\"gl-more\">{}</p>", text(more));
    }
    if let Some(empty) = &v.empty {
        let _ = writeln!(out, "<p class=\"gl-empty\">{}</p>", text(empty));
    }
}

fn row_html(out: &mut String, r: &RowView) {
    let mut class = String::from("gl-row");
    if r.pinned {
        class.push_str(" gl-pinned");
    }
    if r.pinned_extra {
        class.push_str(" gl-extra");
    }
    let name = match &r.url {
        Some(url) => format!(
            "<a href=\"{}\" rel=\"noopener noreferrer nofollow\" target=\"_blank\"><bdi>{}</bdi></a>",
            attr(url),
            text(&r.name)
        ),
        None => format!("<bdi>{}</bdi>", text(&r.name)),
    };
    let _ = writeln!(
        out,
        "<tr class=\"{class}\" data-id=\"{}\"><td class=\"gl-rank\">{}</td><td class=\"gl-move gl-{}\"><span aria-hidden=\"true\">{}</span><span class=\"gl-sr\">{}</span></td><th scope=\"row\" class=\"gl-name\">{name}</th><td class=\"gl-value\" data-value=\"{}\">{}</td></tr>",
        attr(&r.id),
        text(&r.rank),
        r.movement,
        text(&r.movement_mark),
        text(&r.movement_words),
        attr(&r.raw_value),
        text(&r.value)
    );
}

fn footer_html(out: &mut String, v: &BoardView) {
    let mut parts: Vec<String> = Vec::new();
    if let Some(name) = &v.source_name {
        let shown = match &v.source_url {
            Some(url) => format!(
                "<a href=\"{}\" rel=\"noopener noreferrer nofollow\" target=\"_blank\"><bdi>{}</bdi></a>",
                attr(url),
                text(name)
            ),
            None => format!("<bdi>{}</bdi>", text(name)),
        };
        // The localized template ("Source: {}") is split so the name can be a link inside it.
        let (before, after) = crate::i18n::split_placeholder(&v.source_template);
        parts.push(format!(
            "<span class=\"gl-source\">{}{shown}{}</span>",
            text(before),
            text(after)
        ));
    }
    if let Some(a) = &v.footer_as_of {
        parts.push(format!("<span class=\"gl-asof\">{}</span>", text(a)));
    }
    if !parts.is_empty() {
        let _ = writeln!(out, "<p class=\"gl-foot\">{}</p>", parts.join(" "));
    }
}
