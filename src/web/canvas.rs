//! The live chart: the core's chart function on a plotters backend over the shadow root's own
//! canvas object (never an id lookup), with the backing store sized to CSS size ×
//! devicePixelRatio here and only here.

use super::canvas_backend::Canvas2d;
use crate::chart::{Chart, Style, LIGHT};
use crate::decimal::fixed;
use js_sys::Reflect;
use plotters::prelude::{IntoDrawingArea, RGBColor};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

/// Draws `chart` to fill the canvas's current CSS width; its height follows the chart.
pub fn draw(
    canvas: &HtmlCanvasElement,
    board: &HtmlElement,
    chart: &Chart,
    rtl: bool,
) -> Result<(), JsValue> {
    let Some(window) = web_sys::window() else {
        return Ok(());
    };
    let width = canvas.parent_element().map_or(0, |p| p.client_width());
    if width <= 0 {
        return Ok(()); // not laid out (hidden): the ResizeObserver draws when it is
    }
    let width = f64::from(width);
    let height = chart.height().ceil();
    let dpr = window.device_pixel_ratio().max(1.0);
    canvas
        .style()
        .set_property("height", &format!("{}px", fixed(height, 2)))?;
    // Setting the size also clears the bitmap.
    canvas.set_width((width * dpr).round() as u32);
    canvas.set_height((height * dpr).round() as u32);
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .dyn_into()?;
    // Geometry is mirrored in the chart code for RTL; the context itself stays LTR so text
    // alignment means what the chart code says.
    Reflect::set(&ctx, &"direction".into(), &"ltr".into())?;
    let style = theme(&window, board, &ctx, dpr, rtl);
    let size = (canvas.width(), canvas.height());
    let area = Canvas2d::new(ctx, size).into_drawing_area();
    // The canvas backend cannot fail (its error type is uninhabited).
    let _ = chart.draw(&area, &style);
    Ok(())
}

/// The chart's colours and font from the board's computed style, so themes and newsroom
/// custom properties reach the canvas as they reach the table.
fn theme(
    window: &web_sys::Window,
    board: &HtmlElement,
    ctx: &CanvasRenderingContext2d,
    dpr: f64,
    rtl: bool,
) -> Style {
    let computed = window.get_computed_style(board).ok().flatten();
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
    let (text, muted, grid, bar, highlight) = LIGHT;
    style.text = color(ctx, &prop("--_fg"), text);
    style.muted = color(ctx, &prop("--_muted"), muted);
    style.grid = color(ctx, &prop("--_border"), grid);
    style.bar = color(ctx, &prop("--_bar"), bar);
    style.highlight = color(ctx, &prop("--_accent"), highlight);
    style
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

fn parse_hex(s: &str) -> Option<RGBColor> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some(RGBColor(byte(0)?, byte(2)?, byte(4)?))
}
