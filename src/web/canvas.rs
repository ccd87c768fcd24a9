//! The live chart: the core's chart function on a plotters backend over the shadow root's own
//! canvas object (never an id lookup), with the backing store sized to CSS size ×
//! devicePixelRatio here and only here.

use super::callbacks::media_matches;
use super::canvas_backend::Canvas2d;
use crate::chart::{Chart, Style, LIGHT};
use crate::decimal::fixed;
use js_sys::Reflect;
use plotters::prelude::{IntoDrawingArea, RGBColor};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

pub fn context(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsValue> {
    canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))
        // A canvas's "2d" context is a CanvasRenderingContext2D: no instanceof check (each
        // distinct check is an import and glue in every reader's download).
        .map(JsCast::unchecked_into)
}

/// Draws `chart` `width` CSS pixels wide in `style` (see `theme`); its height follows the chart.
/// With a `band` (see `viewport::band`), only the bars there.
pub fn draw(
    canvas: &HtmlCanvasElement,
    chart: &Chart,
    style: &Style,
    width: i32,
    widths: Option<super::canvas_backend::Widths>,
    band: Option<(f64, f64)>,
) -> Result<(), JsValue> {
    if width <= 0 {
        return Ok(()); // not laid out (hidden): the ResizeObserver draws when it is
    }
    let width = f64::from(width);
    let height = chart.height().ceil();
    let dpr = style.scale;
    let (w, h) = ((width * dpr).round() as u32, (height * dpr).round() as u32);
    if canvas.width() != w || canvas.height() != h {
        // A new size reallocates (and clears) the bitmap: only when the size really changed.
        canvas
            .style()
            .set_property("height", &format!("{}px", fixed(height, 2)))?;
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let ctx = context(canvas)?;
    // Geometry is mirrored in the chart code for RTL; the context itself stays LTR so text
    // alignment means what the chart code says.
    Reflect::set(&ctx, &"direction".into(), &"ltr".into())?;
    ctx.clear_rect(0.0, 0.0, f64::from(w), f64::from(h));
    let area = Canvas2d::new(ctx, (w, h), widths).into_drawing_area();
    // The canvas backend cannot fail (its error type is uninhabited).
    let _ = chart.draw_band(&area, style, band);
    Ok(())
}

/// The chart's colours, font and pixel ratio from the board's computed style, so themes and
/// newsroom custom properties reach the canvas as they reach the table. Read it before the
/// DOM changes: computed style is then up to date and costs no style recalculation.
pub fn theme(canvas: &HtmlCanvasElement, board: &HtmlElement, rtl: bool) -> Style {
    let window = web_sys::window();
    let dpr = window
        .as_ref()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0);
    let computed = window.and_then(|w| w.get_computed_style(board).ok().flatten());
    let prop = |name: &str| {
        computed
            .as_ref()
            .and_then(|c| c.get_property_value(name).ok())
            .unwrap_or_default()
    };
    let font = prop("font-family");
    let font = if font.trim().is_empty() {
        "sans-serif".to_string()
    } else {
        font
    };
    let mut style = Style::light(&font, rtl, dpr, 1.0);
    let Ok(ctx) = context(canvas) else {
        return style;
    };
    let (text, muted, grid, bar, highlight) = LIGHT;
    let forced = media_matches("(forced-colors: active)");
    if forced {
        // The system's colours (a canvas is not recoloured by the browser): the canvas
        // resolves their names in the forced palette.
        style.forced = true;
        style.text = color(&ctx, "CanvasText", text);
        style.muted = style.text;
        style.bar = style.text;
        style.grid = color(&ctx, "GrayText", grid);
        style.highlight = color(&ctx, "Highlight", highlight);
        return style;
    }
    style.text = color(&ctx, &prop("--_fg"), text);
    style.muted = color(&ctx, &prop("--_muted"), muted);
    style.grid = color(&ctx, &prop("--_border"), grid);
    style.bar = color(&ctx, &prop("--_bar"), bar);
    style.highlight = color(&ctx, &prop("--_accent"), highlight);
    style
}

/// An opaque background for an image of the board: the board's own (`--_bg`, the system's
/// `Canvas` under forced colours), else white or the dark theme's, whichever the text is drawn
/// for (a board is transparent by default: the article shows through).
pub fn background(canvas: &HtmlCanvasElement, board: &HtmlElement, text: RGBColor) -> RGBColor {
    let light = text.0 as u32 + text.1 as u32 + text.2 as u32 > 3 * 128;
    let fallback = if light {
        RGBColor(0x16, 0x19, 0x1D)
    } else {
        RGBColor(0xFF, 0xFF, 0xFF)
    };
    let Ok(ctx) = context(canvas) else {
        return fallback;
    };
    let forced = media_matches("(forced-colors: active)");
    let css = if forced {
        "Canvas".to_string()
    } else {
        web_sys::window()
            .and_then(|w| w.get_computed_style(board).ok().flatten())
            .and_then(|c| c.get_property_value("--_bg").ok())
            .unwrap_or_default()
    };
    ctx.set_fill_style_str("rgba(0, 0, 0, 0)");
    ctx.set_fill_style_str(css.trim());
    let normalized = ctx.fill_style().as_string().unwrap_or_default();
    if normalized.starts_with("rgba(") {
        return fallback; // transparent, or not opaque: the article would show through
    }
    parse_hex(&normalized).unwrap_or(fallback)
}

/// Any CSS colour → RGB, normalized by the canvas itself (it reads back `#rrggbb`).
fn color(ctx: &CanvasRenderingContext2d, css: &str, fallback: RGBColor) -> RGBColor {
    let css = css.trim();
    if css.is_empty() {
        return fallback;
    }
    ctx.set_fill_style_str("#000000");
    ctx.set_fill_style_str(css);
    let normalized = ctx.fill_style().as_string().unwrap_or_default();
    parse_hex(&normalized).unwrap_or(fallback)
}

/// `#rrggbb`, or `rgba(r, g, b, a)` (how a canvas reads back a colour with alpha; the alpha
/// is dropped: system colours such as `Highlight` come back translucent).
fn parse_hex(s: &str) -> Option<RGBColor> {
    if let Some(list) = s.strip_prefix("rgba(") {
        let mut parts = list.split(',').map(|p| p.trim().parse::<u8>().ok());
        return Some(RGBColor(parts.next()??, parts.next()??, parts.next()??));
    }
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some(RGBColor(byte(0)?, byte(2)?, byte(4)?))
}
