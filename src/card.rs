//! The share card (SPEC §4 "Share"): the board as shown, sized for social posts (1200×675 by
//! default) — title, metric and window, the top rows with their values and bars (the pinned
//! page highlighted), as-of date and source — in the board's language, direction and theme.
//! Drawn with the chart's plotters primitives: on a canvas in the browser (which shapes Arabic
//! with the reader's fonts, `snapshot()` and the share button) and as a standalone SVG by the
//! CLI's `render --card` (for `og:image`s).

use crate::board::BoardView;
use crate::chart::{fit, isolate, text_style, text_width, Frame, Style};
use crate::svg::ResponsiveSvg;
use plotters::coord::Shift;
use plotters::prelude::*;

pub use crate::options::{parse_card_size as parse_size, DEFAULT_CARD_SIZE as DEFAULT_SIZE};

/// Most rows a card shows (fewer when its height has no room for them).
const MAX_ROWS: usize = 10;

/// One row of the card.
#[derive(Debug, Clone, PartialEq)]
pub struct CardRow {
    pub rank: String,
    pub name: String,
    pub value: String,
    /// Bar length, 0–1 of the longest.
    pub fraction: f64,
    pub highlight: bool,
}

/// What a card shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub title: String,
    pub subtitle: String,
    pub rows: Vec<CardRow>,
    /// "Source: …" and "As of …" (either may be empty).
    pub source: String,
    pub as_of: String,
    pub rtl: bool,
}

impl Card {
    /// The card of a board view (its rows as shown, at most [`MAX_ROWS`]).
    pub fn of(v: &BoardView) -> Card {
        let values: Vec<f64> = v
            .rows
            .iter()
            .map(|r| crate::decimal::parse(&r.raw_value).unwrap_or(0.0).max(0.0))
            .collect();
        let max = values.iter().copied().fold(0.0, f64::max);
        let rows = v
            .rows
            .iter()
            .zip(&values)
            .take(MAX_ROWS)
            .map(|(r, value)| CardRow {
                rank: r.rank.clone(),
                name: r.name.clone(),
                value: r.value.clone(),
                fraction: if max > 0.0 { value / max } else { 0.0 },
                highlight: r.pinned,
            })
            .collect();
        Card {
            title: v.title.clone(),
            subtitle: v.subtitle.clone(),
            rows,
            source: v
                .source_name
                .as_ref()
                .map(|s| crate::i18n::fill(&v.source_template, &[("", s)]))
                .unwrap_or_default(),
            as_of: v.footer_as_of.clone().unwrap_or_default(),
            rtl: v.rtl,
        }
    }

    /// Draws the card to fill `area` on a `background`.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &Style,
        background: RGBColor,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        area.fill(&background)?;
        let f = Frame::new(area, style);
        let (_, h) = area.dim_in_pixel();
        let height = f64::from(h) / style.scale;
        let u = (f.width / 1200.0).min(height / 675.0);
        let pad = 56.0 * u;
        let room = |px: f64| (f.width - 2.0 * pad - px) * style.scale;
        // Rows fill the height between the heading and the footer, each at most 88u; what is
        // left over (a square card of few rows) is shared above and below, so the block sits
        // in the middle rather than leaving the bottom half empty.
        let (head_h, foot_h) = (110.0 * u, 36.0 * u);
        let rows_room = height - 2.0 * pad - head_h - foot_h;
        let fits = ((rows_room / (44.0 * u)).floor() as usize).max(1);
        let n = self.rows.len().min(fits);
        let row_h = if n == 0 {
            0.0
        } else {
            (rows_room / n as f64).min(88.0 * u)
        };
        let spare = (rows_room - n as f64 * row_h).max(0.0) / 2.0;
        let title_y = pad + spare + 22.0 * u;
        let title = text_style(style, 40.0 * u, true, &style.text, f.anchor(true));
        area.draw(&Text::new(
            fit(area, &self.title, &title, room(0.0)),
            f.at(pad, title_y),
            title,
        ))?;
        let sub = text_style(style, 26.0 * u, false, &style.muted, f.anchor(true));
        let sub_y = title_y + 48.0 * u;
        area.draw(&Text::new(
            fit(area, &self.subtitle, &sub, room(0.0)),
            f.at(pad, sub_y),
            sub,
        ))?;
        let top = sub_y + 40.0 * u;
        // The footer: the as-of date whole at the end edge, the source cut to what is left.
        let footer_y = top + n as f64 * row_h + foot_h;
        let foot = text_style(style, 22.0 * u, false, &style.muted, f.anchor(true));
        let as_of = text_style(style, 22.0 * u, false, &style.muted, f.anchor(false));
        let as_of_w = draw_at_end(area, &f, &self.as_of, as_of, (pad, footer_y))?;
        let source = fit(area, &self.source, &foot, room(as_of_w + 32.0 * u));
        area.draw(&Text::new(source, f.at(pad, footer_y), foot))?;
        let name_x = pad + 64.0 * u;
        let track = f.width - pad - name_x;
        for (i, row) in self.rows.iter().take(n).enumerate() {
            let y = top + i as f64 * row_h;
            let text_y = y + row_h * 0.34;
            let color = if row.highlight {
                &style.highlight
            } else {
                &style.text
            };
            let px = 26.0 * u;
            let rank = text_style(style, px, true, &style.muted, f.anchor(true));
            area.draw(&Text::new(isolate(&row.rank), f.at(pad, text_y), rank))?;
            let value = text_style(style, px, true, color, f.anchor(false));
            let value_w = draw_at_end(area, &f, &row.value, value, (pad, text_y))?;
            let name = text_style(style, px, row.highlight, color, f.anchor(true));
            let name_room = (f.width - pad - name_x - value_w - 24.0 * u) * style.scale;
            area.draw(&Text::new(
                fit(area, &row.name, &name, name_room),
                f.at(name_x, text_y),
                name,
            ))?;
            let thick = (row_h * 0.13).max(5.0 * u);
            let bar_y = y + row_h * 0.8;
            let end = name_x + (row.fraction * track).max(2.0 * u);
            let (a, b) = (
                f.at(name_x, bar_y - thick / 2.0),
                f.at(end, bar_y + thick / 2.0),
            );
            let fill = if row.highlight {
                style.highlight
            } else {
                style.bar
            };
            area.draw(&Rectangle::new(
                [(a.0.min(b.0), a.1), (a.0.max(b.0), b.1)],
                fill.filled(),
            ))?;
        }
        Ok(())
    }

    /// The card as a standalone SVG `width`×`height` (the CLI's `render --card`): generic font
    /// families, the root's `direction` the board's.
    pub fn svg(&self, (width, height): (u32, u32)) -> String {
        let style = Style::light("sans-serif", self.rtl, 1.0, 1.0);
        let mut body = String::new();
        let area = ResponsiveSvg::new(&mut body, width, height)
            .right_to_left(self.rtl)
            .into_drawing_area();
        // The string backend cannot fail (its error type is uninhabited).
        let _ = self.draw(&area, &style, WHITE);
        drop(area);
        let dir = if self.rtl { "rtl" } else { "ltr" };
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" direction=\"{dir}\" font-family=\"sans-serif\">\n{body}</svg>\n"
        )
    }
}

/// Draws `text` whole, ending `inset` from the end edge, at height `y` (its style anchored at
/// the end); returns its width in CSS pixels, for what goes before it.
fn draw_at_end<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    f: &Frame,
    text: &str,
    style: TextStyle<'_>,
    (inset, y): (f64, f64),
) -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
    let text = isolate(text);
    let width = text_width(area, &text, &style) / f.scale;
    area.draw(&Text::new(text, f.at(f.width - inset, y), style))?;
    Ok(width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_sizes() {
        assert_eq!(parse_size(""), Some((1200, 675)));
        assert_eq!(parse_size("1080x1080"), Some((1080, 1080)));
        assert_eq!(parse_size("200X4096"), Some((200, 4096)));
        for bad in [
            "199x675",
            "1200x4097",
            "1200",
            "x",
            "1200x",
            "-1x300",
            "1e3x500",
        ] {
            assert_eq!(parse_size(bad), None, "{bad}");
        }
    }
}
