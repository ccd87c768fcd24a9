//! The chart, drawn once for every plotters backend: SVG for the static board, a canvas in
//! the browser. Layout is computed here in CSS pixels, so no backend has to measure text.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Which chart a board shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChartKind {
    #[default]
    Bars,
    Trend,
    None,
}

impl std::str::FromStr for ChartKind {
    type Err = crate::options::OptionError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "bars" => Ok(ChartKind::Bars),
            "trend" => Ok(ChartKind::Trend),
            "none" => Ok(ChartKind::None),
            _ => Err(crate::options::OptionError {
                option: "chart",
                value: s.into(),
                expected: "bars, trend or none",
            }),
        }
    }
}

/// One bar: a shown page.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub value_label: String,
    pub highlight: bool,
    /// The row the bar is drawn at, when not its index: a replay slides a bar between rows
    /// when pages change places.
    pub slot: Option<f64>,
}

/// One line of the trend chart: a shown page's daily interactions.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub label: String,
    /// One entry per day of the axis; `None` where the page has no point.
    pub values: Vec<Option<f64>>,
    pub highlight: bool,
    /// The number drawn at the line's end and before its name in the legend, so lines are
    /// told apart by more than colour (SPEC §4 "Accessibility").
    pub mark: String,
}

/// What to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    Bars(Vec<Bar>),
    Trend {
        lines: Vec<Line>,
        /// Labels of the first and last day of the axis.
        first_day: String,
        last_day: String,
        /// Axis ticks: (value, label).
        ticks: Vec<(f64, String)>,
    },
}

/// How to draw: colours, font, direction and the pixel scale of the target.
#[derive(Debug, Clone)]
pub struct Style {
    pub font: String,
    /// Device pixels per CSS pixel (devicePixelRatio on a canvas, 1 for SVG).
    pub scale: f64,
    /// Backend font-size factor: plotters' SVG backend divides font sizes by 1.24.
    pub font_factor: f64,
    pub rtl: bool,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub bar: RGBColor,
    pub highlight: RGBColor,
    /// Forced colours (Windows high contrast): every line in the text colour but the pinned
    /// one (the numbers tell them apart).
    pub forced: bool,
}

/// Colours of the light theme; CSS restyles the static SVG's colours for the dark theme.
pub const LIGHT: (RGBColor, RGBColor, RGBColor, RGBColor, RGBColor) = (
    RGBColor(0x1B, 0x1F, 0x24),
    RGBColor(0x5B, 0x63, 0x6E),
    RGBColor(0xD5, 0xD9, 0xDE),
    RGBColor(0x3B, 0x6E, 0xA5),
    RGBColor(0xC2, 0x41, 0x0C),
);

/// Line colours: each at least 3:1 against the light background (white) and the dark one
/// (#16191d), so luminance between 0.13 and 0.30; no reds or oranges, which the pinned page's
/// colour owns; hues far apart. Lines are also numbered (`Line::mark`).
pub const PALETTE: [RGBColor; 10] = [
    RGBColor(0x2F, 0x6D, 0xB5), // blue
    RGBColor(0x1A, 0x7F, 0x74), // teal
    RGBColor(0x8E, 0x44, 0xAD), // purple
    RGBColor(0x7A, 0x70, 0x00), // olive
    RGBColor(0xB8, 0x38, 0x7F), // magenta
    RGBColor(0x3A, 0x7D, 0x23), // green
    RGBColor(0x8C, 0x5A, 0x2B), // brown
    RGBColor(0x4B, 0x5B, 0xD6), // indigo
    RGBColor(0x5E, 0x6A, 0x78), // slate
    RGBColor(0xB8, 0x86, 0x0B), // goldenrod
];

impl Style {
    /// The light theme for a given font and direction.
    pub fn light(font: &str, rtl: bool, scale: f64, font_factor: f64) -> Style {
        let (text, muted, grid, bar, highlight) = LIGHT;
        Style {
            font: font.to_string(),
            scale,
            font_factor,
            rtl,
            text,
            muted,
            grid,
            bar,
            highlight,
            forced: false,
        }
    }
}

const PAD: f64 = 4.0;
const BAR_ROW: f64 = 40.0;
const BAR_THICK: f64 = 14.0;
const LABEL_PX: f64 = 14.0;
const SMALL_PX: f64 = 12.0;
const PLOT_HEIGHT: f64 = 220.0;
const LEGEND_ROW: f64 = 22.0;
/// Room at the line ends for their numbered marks.
const MARK_GUTTER: f64 = 30.0;
const MARK_RADIUS: f64 = 4.0;

impl Chart {
    /// Height in CSS pixels, the same at every width.
    pub fn height(&self) -> f64 {
        match self {
            Chart::Bars(bars) => bars.len() as f64 * BAR_ROW + PAD,
            Chart::Trend { lines, .. } => {
                PLOT_HEIGHT + 30.0 + lines.len() as f64 * LEGEND_ROW + PAD
            }
        }
    }

    /// Draws the chart to fill `area`, whatever the backend.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &Style,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        self.draw_band(area, style, None)
    }

    /// Draws the chart, its bars only where their rows meet `band` (CSS pixels from the
    /// chart's top; `None`: everywhere). A replay frame of a long board draws the part in
    /// view: the rest of a 50-bar canvas is off screen, and its labels were half a frame.
    pub fn draw_band<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &Style,
        band: Option<(f64, f64)>,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        match self {
            Chart::Bars(bars) => draw_bars(area, bars, style, band),
            Chart::Trend {
                lines,
                first_day,
                last_day,
                ticks,
            } => draw_trend(area, lines, [first_day, last_day], ticks, style),
        }
    }
}

/// Maps CSS-pixel geometry to the backend's pixels, mirrored for right-to-left boards.
pub(crate) struct Frame {
    pub(crate) width: f64,
    pub(crate) scale: f64,
    rtl: bool,
}

impl Frame {
    pub(crate) fn new<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, style: &Style) -> Frame {
        let (w, _) = area.dim_in_pixel();
        Frame {
            width: f64::from(w) / style.scale,
            scale: style.scale,
            rtl: style.rtl,
        }
    }

    /// A point at distance `x` from the reading start edge, `y` from the top.
    pub(crate) fn at(&self, x: f64, y: f64) -> (i32, i32) {
        let x = if self.rtl { self.width - x } else { x };
        (
            (x * self.scale).round() as i32,
            (y * self.scale).round() as i32,
        )
    }

    /// Text anchored at its reading start (`true`) or end, in the board's direction.
    pub(crate) fn anchor(&self, at_start: bool) -> HPos {
        match (at_start, self.rtl) {
            (true, false) | (false, true) => HPos::Left,
            _ => HPos::Right,
        }
    }
}

pub(crate) fn text_style<'a>(
    style: &'a Style,
    px: f64,
    bold: bool,
    color: &RGBColor,
    h: HPos,
) -> TextStyle<'a> {
    let size = px * style.scale * style.font_factor;
    // FontFamily::Name, not the &str conversion: that one lower-cases the name to spot generic
    // families, which pulls Unicode case tables (~12 KB) into the .wasm. Both print the same.
    let family = FontFamily::Name(style.font.as_str());
    let font = if bold {
        (family, size, FontStyle::Bold).into_font()
    } else {
        (family, size).into_font()
    };
    font.color(color).pos(Pos::new(h, VPos::Center))
}

/// First-strong isolation keeps a name's own direction without reordering what surrounds it.
pub(crate) fn isolate(label: &str) -> String {
    format!("\u{2068}{label}\u{2069}")
}

/// The width of `text` in backend pixels, as the backend measures it (0 if it cannot).
pub(crate) fn text_width<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    style: &TextStyle<'_>,
) -> f64 {
    area.estimate_text_size(text, style)
        .map_or(0.0, |(w, _)| f64::from(w))
}

/// Measured label widths (by font and text) kept across draws by a backend that measures
/// slowly (the browser's canvas: a call out of WebAssembly, a string across, often a style
/// recalculation). Bounded, in two generations: when the newer is full it becomes the older
/// and the older is dropped, and a width found in the older moves back to the newer. Labels
/// drawn frame after frame (the names) so stay, while a replay's value labels, new every frame,
/// age out; one cache cleared whole when full made every name be measured again in one frame
/// every ~160 frames.
///
/// Widths are kept as `usize`: a `Map<String, usize>` is the type the feed readers' id
/// maps have, so the element's `.wasm` carries that map's code once, not twice.
#[derive(Debug, Default)]
pub struct WidthCache {
    newer: crate::keyed_map::Map<String, usize>,
    older: crate::keyed_map::Map<String, usize>,
}

impl WidthCache {
    /// Entries per generation (the cache holds at most twice this).
    pub const GENERATION: usize = 2048;

    pub fn get(&mut self, key: &str) -> Option<u32> {
        if let Some(&w) = self.newer.get(key) {
            return Some(w as u32);
        }
        let (key, w) = self.older.remove_entry(key)?;
        self.put(key, w as u32);
        Some(w as u32)
    }

    pub fn put(&mut self, key: String, width: u32) {
        if self.newer.len() >= Self::GENERATION {
            self.older = std::mem::take(&mut self.newer);
        }
        self.newer.insert(key, width as usize);
    }

    /// Forgets every width (another font, scale or loaded web font).
    pub fn clear(&mut self) {
        self.newer.clear();
        self.older.clear();
    }

    pub fn len(&self) -> usize {
        self.newer.len() + self.older.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Names longer than this are cut with an ellipsis before they are measured (a first, cheap
/// cut); the table beside shows them whole.
fn shorten(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        return label.to_string();
    }
    let cut: String = label.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

/// `label`, isolated and cut with an ellipsis so that it is at most `max_px` backend pixels
/// wide as the backend measures it (the canvas measures with the browser's fonts; the SVG
/// estimates, erring wide).
pub(crate) fn fit<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    label: &str,
    style: &TextStyle<'_>,
    max_px: f64,
) -> String {
    let width = |s: &str| text_width(area, s, style);
    let label = shorten(label, 80);
    let whole = isolate(&label);
    if width(&whole) <= max_px {
        return whole;
    }
    let chars: Vec<char> = label.chars().collect();
    let cut = |n: usize| {
        let head: String = chars[..n].iter().collect();
        isolate(&format!("{}…", head.trim_end()))
    };
    // Binary search for the longest prefix that fits (`lo` fits, `hi` does not).
    let (mut lo, mut hi) = (0, chars.len());
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if width(&cut(mid)) <= max_px {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    cut(lo)
}

/// Estimated advance of `text` in ems, for a backend that cannot measure (the static SVG,
/// drawn before any font is known). It errs wide, so an estimated cut always fits.
pub fn estimate_em(text: &str) -> f64 {
    text.chars().map(char_em).sum()
}

fn char_em(c: char) -> f64 {
    match c as u32 {
        // Combining marks, joiners, direction marks and isolates take no room.
        0x0300..=0x036F
        | 0x0610..=0x061A
        | 0x064B..=0x065F
        | 0x0670
        | 0x06D6..=0x06ED
        | 0x200B..=0x200F
        | 0x202A..=0x202E
        | 0x2060..=0x2069
        | 0xFE00..=0xFE0F => 0.0,
        0x20 => 0.3,
        _ if "iIjl.,:;'|!()[]ftr".contains(c) => 0.35,
        _ if c.is_ascii_uppercase() || "mwMW@%&".contains(c) => 0.8,
        _ if c.is_ascii() => 0.62,
        // Arabic letters and digits (joined forms are narrower than Latin capitals).
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            0.58
        }
        // Wide scripts (CJK, Hangul, full-width forms) and emoji.
        0x1100..=0x115F
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFF00..=0xFF60
        | 0x1F000.. => 1.1,
        _ => 0.72,
    }
}

fn draw_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    bars: &[Bar],
    style: &Style,
    band: Option<(f64, f64)>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let f = Frame::new(area, style);
    let lo = bars.iter().map(|b| b.value).fold(0.0, f64::min);
    let hi = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let span = if hi - lo > 0.0 { hi - lo } else { 1.0 };
    let track = f.width - 2.0 * PAD;
    let zero = PAD + (-lo / span) * track;
    let top = |i: usize, bar: &Bar| bar.slot.unwrap_or(i as f64) * BAR_ROW + PAD;
    let shown = |i: usize, bar: &Bar| {
        band.is_none_or(|(a, b)| top(i, bar) + BAR_ROW > a && top(i, bar) < b)
    };
    let color = |bar: &Bar| {
        if bar.highlight {
            &style.highlight
        } else {
            &style.text
        }
    };
    let value_style = |bar: &Bar| text_style(style, LABEL_PX, true, color(bar), f.anchor(false));
    let name_style =
        |bar: &Bar| text_style(style, LABEL_PX, bar.highlight, color(bar), f.anchor(true));
    let bar_rect = |bar: &Bar, top: f64| {
        let end = PAD + ((bar.value - lo) / span) * track;
        let (a, b) = if end >= zero {
            (zero, end.max(zero + 1.0))
        } else {
            (end, zero)
        };
        let fill = if bar.highlight {
            style.highlight
        } else {
            style.bar
        };
        let (x0, y0) = f.at(a, top + 20.0);
        let (x1, y1) = f.at(b, top + 20.0 + BAR_THICK);
        Rectangle::new([(x0.min(x1), y0), (x0.max(x1), y1)], fill.filled())
    };
    // Drawn by kind (all names, then all values, then the bars): each font or colour change
    // costs a context call, so they are not alternated per bar.
    for pass in 0..3 {
        for (i, bar) in bars.iter().enumerate() {
            if !shown(i, bar) {
                continue;
            }
            let top = top(i, bar);
            let (x, text, style) = match pass {
                0 => {
                    // The name gets the room the value leaves, measured, so a long name is
                    // cut with an ellipsis instead of running under the value.
                    let value = isolate(&bar.value_label);
                    let room = (f.width - 2.0 * PAD - 10.0) * f.scale
                        - text_width(area, &value, &value_style(bar));
                    let name_style = name_style(bar);
                    (PAD, fit(area, &bar.label, &name_style, room), name_style)
                }
                1 => (f.width - PAD, isolate(&bar.value_label), value_style(bar)),
                _ => {
                    area.draw(&bar_rect(bar, top))?;
                    continue;
                }
            };
            area.draw(&Text::new(text, f.at(x, top + 9.0), style))?;
        }
    }
    Ok(())
}

fn draw_trend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    lines: &[Line],
    days: [&String; 2],
    ticks: &[(f64, String)],
    style: &Style,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let f = Frame::new(area, style);
    let top = PAD + 8.0;
    let bottom = PAD + PLOT_HEIGHT;
    let tick_style = text_style(style, SMALL_PX, false, &style.muted, f.anchor(false));
    // The axis gutter fits the widest tick label as measured ("١٫٥ مليون" is wider than "1.5M").
    let widest = ticks
        .iter()
        .map(|(_, label)| text_width(area, &isolate(label), &tick_style) / f.scale)
        .fold(0.0, f64::max);
    let left = PAD + widest + 8.0;
    let right = f.width - PAD - MARK_GUTTER;
    let max = ticks.last().map_or(1.0, |t| t.0).max(1.0);
    let y_of = |v: f64| bottom - (v / max) * (bottom - top);
    for (v, label) in ticks {
        let y = y_of(*v);
        area.draw(&PathElement::new(
            vec![f.at(left, y), f.at(right, y)],
            style.grid.stroke_width(1),
        ))?;
        area.draw(&Text::new(
            isolate(label),
            f.at(left - 6.0, y),
            tick_style.clone(),
        ))?;
    }
    let n = lines.iter().map(|l| l.values.len()).max().unwrap_or(0);
    let x_of = |i: usize| {
        if n > 1 {
            left + (right - left) * i as f64 / (n - 1) as f64
        } else {
            (left + right) / 2.0
        }
    };
    let axis_y = bottom + 16.0;
    area.draw(&Text::new(
        isolate(days[0]),
        f.at(left, axis_y),
        text_style(style, SMALL_PX, false, &style.muted, f.anchor(true)),
    ))?;
    area.draw(&Text::new(
        isolate(days[1]),
        f.at(right, axis_y),
        text_style(style, SMALL_PX, false, &style.muted, f.anchor(false)),
    ))?;
    // The highlighted line is drawn last so it stays on top.
    let order = (0..lines.len())
        .filter(|&i| !lines[i].highlight)
        .chain((0..lines.len()).filter(|&i| lines[i].highlight));
    for i in order {
        let line = &lines[i];
        let color = line_color(line, i, style);
        let width = if line.highlight { 3 } else { 2 };
        for run in runs(&line.values) {
            let pts: Vec<(i32, i32)> = run.iter().map(|&(d, v)| f.at(x_of(d), y_of(v))).collect();
            if pts.len() == 1 {
                area.draw(&Circle::new(
                    pts[0],
                    (2.5 * style.scale) as i32,
                    color.filled(),
                ))?;
            } else {
                area.draw(&PathElement::new(
                    pts,
                    color.stroke_width((f64::from(width) * style.scale) as u32),
                ))?;
            }
        }
    }
    draw_end_marks(area, &f, lines, [top, bottom], right, &y_of, style)?;
    draw_legend(area, &f, lines, bottom + 34.0, style)
}

/// Each line's number at its last point, in the gutter after the plot; marks that would
/// overlap are moved apart (in value order, so they stay in their lines' order).
fn draw_end_marks<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    f: &Frame,
    lines: &[Line],
    [top, bottom]: [f64; 2],
    right: f64,
    y_of: &dyn Fn(f64) -> f64,
    style: &Style,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let mut ends: Vec<(f64, usize)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| Some((y_of(l.values.iter().rev().flatten().next().copied()?), i)))
        .collect();
    // Insertion sort of at most ten marks (a library sort instance costs the element ~2 KB).
    for i in 1..ends.len() {
        let mut j = i;
        while j > 0 && ends[j - 1].0 > ends[j].0 {
            ends.swap(j - 1, j);
            j -= 1;
        }
    }
    let gap = SMALL_PX + 2.0;
    let mut next = top - gap / 2.0;
    for end in &mut ends {
        end.0 = end.0.max(next);
        next = end.0 + gap;
    }
    // Pushed past the bottom: move the column up again, keeping the gaps.
    let mut last = bottom + gap / 2.0;
    for end in ends.iter_mut().rev() {
        end.0 = end.0.min(last);
        last = end.0 - gap;
    }
    for (y, i) in ends {
        draw_mark(area, f, &lines[i], i, (right + 4.0, y), style)?;
    }
    Ok(())
}

/// A line's mark starting at `(x, y)`: a dot in the line's colour, then its number in the
/// text colour (which keeps the text's contrast whatever the line's colour; the static SVG
/// can draw a dot but not a ring, since it stretches horizontally).
fn draw_mark<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    f: &Frame,
    line: &Line,
    i: usize,
    (x, y): (f64, f64),
    style: &Style,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.draw(&Circle::new(
        f.at(x + MARK_RADIUS, y),
        (MARK_RADIUS * style.scale) as i32,
        line_color(line, i, style).filled(),
    ))?;
    let text = text_style(style, SMALL_PX, line.highlight, &style.text, f.anchor(true));
    area.draw(&Text::new(
        isolate(&line.mark),
        f.at(x + 2.0 * MARK_RADIUS + 3.0, y),
        text,
    ))
}

fn line_color(line: &Line, i: usize, style: &Style) -> RGBColor {
    if line.highlight {
        style.highlight
    } else if style.forced {
        style.text
    } else {
        PALETTE[i % PALETTE.len()]
    }
}

/// Consecutive days that have values, as (day index, value) runs: gaps break the line.
fn runs(values: &[Option<f64>]) -> Vec<Vec<(usize, f64)>> {
    let mut out: Vec<Vec<(usize, f64)>> = Vec::new();
    let mut current = Vec::new();
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => current.push((i, *v)),
            None if !current.is_empty() => out.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    f: &Frame,
    lines: &[Line],
    y0: f64,
    style: &Style,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    // One column at every width: the chart's height then does not depend on its width, so a
    // static board and the live canvas that replaces it are the same height.
    let room = (f.width - 2.0 * PAD - 34.0) * f.scale;
    for (i, line) in lines.iter().enumerate() {
        let x = PAD;
        let y = y0 + i as f64 * LEGEND_ROW;
        draw_mark(area, f, line, i, (x, y), style)?;
        let text = text_style(style, SMALL_PX, line.highlight, &style.text, f.anchor(true));
        let label = fit(area, &line.label, &text, room);
        area.draw(&Text::new(label, f.at(x + 34.0, y), text))?;
    }
    Ok(())
}

/// Round axis ticks from zero to at least `max`: 0, 5M, 10M, 15M…
pub fn nice_ticks(max: f64) -> Vec<f64> {
    if max <= 0.0 || !max.is_finite() {
        return vec![0.0, 1.0];
    }
    let raw = max / 4.0;
    // The power of ten at or below `raw`, by steps rather than `log10`/`powf`: those would
    // bring libm's `pow` (2 KB) into the element's `.wasm` for this one line.
    let mut mag = 1.0;
    while mag * 10.0 <= raw {
        mag *= 10.0;
    }
    while mag > raw {
        mag /= 10.0;
    }
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let count = (max / step).ceil() as usize;
    (0..=count.max(1)).map(|i| i as f64 * step).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names measured every frame survive any number of frames of ever-new value labels, and
    /// the cache stays bounded.
    #[test]
    fn width_cache_keeps_what_is_used_and_stays_bounded() {
        let mut cache = WidthCache::default();
        let names: Vec<String> = (0..50).map(|i| format!("16px sans\u{0}Page {i}")).collect();
        for (i, n) in names.iter().enumerate() {
            cache.put(n.clone(), i as u32);
        }
        for frame in 0..1000u32 {
            for (i, n) in names.iter().enumerate() {
                assert_eq!(cache.get(n), Some(i as u32), "frame {frame}");
            }
            for bar in 0..50 {
                let value = format!("12px sans\u{0}{}", frame * 50 + bar);
                assert_eq!(cache.get(&value), None);
                cache.put(value, bar);
            }
            assert!(cache.len() <= 2 * WidthCache::GENERATION);
        }
        assert!(cache.len() > WidthCache::GENERATION);
        cache.clear();
        assert!(cache.is_empty() && cache.get(&names[0]).is_none());
    }

    #[test]
    fn ticks_are_round_and_cover_the_maximum() {
        assert_eq!(nice_ticks(26_000_000.0), vec![0.0, 1e7, 2e7, 3e7]);
        assert_eq!(nice_ticks(9.0), vec![0.0, 2.5, 5.0, 7.5, 10.0]);
        assert_eq!(nice_ticks(0.0), vec![0.0, 1.0]);
    }

    /// WCAG relative luminance of an sRGB colour.
    fn luminance(c: RGBColor) -> f64 {
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
    }

    fn contrast(a: RGBColor, b: RGBColor) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn line_colours_reach_3_to_1_on_the_light_and_the_dark_background() {
        for c in PALETTE {
            for bg in [RGBColor(0xFF, 0xFF, 0xFF), RGBColor(0x16, 0x19, 0x1D)] {
                assert!(
                    contrast(c, bg) >= 3.0,
                    "{c:?} on {bg:?}: {}",
                    contrast(c, bg)
                );
            }
        }
    }

    #[test]
    fn gaps_split_lines() {
        let r = runs(&[Some(1.0), None, Some(2.0), Some(3.0), None]);
        assert_eq!(r, vec![vec![(0, 1.0)], vec![(2, 2.0), (3, 3.0)]]);
    }
}
