//! What of the board is in view, for a replay frame: at 60 frames a second the parts of a long
//! board that nobody can see (a 50-bar chart is 2,000 px tall; its table sits below it) are
//! not redrawn or rewritten. Read at the start of a frame, before anything is written, when
//! layout is still clean (no forced layout). A board at rest is always brought up to date whole.

use web_sys::Element;

/// The part of `e` in the viewport, a quarter of the viewport's height added above and below
/// (a scroll between two frames stays inside it), in CSS pixels from `e`'s top; and `e`'s
/// height.
fn view(e: &Element) -> Option<((f64, f64), f64)> {
    let height = web_sys::window()?.inner_height().ok()?.as_f64()?;
    let rect = e.get_bounding_client_rect();
    let margin = height / 4.0;
    let top = rect.top();
    Some(((-top - margin, height - top + margin), rect.height()))
}

/// The band of `e` to draw (see `view`).
pub fn band(e: &Element) -> Option<(f64, f64)> {
    view(e).map(|(band, _)| band)
}

/// Whether any of `e` is in its band (true when the viewport cannot be read).
pub fn meets(e: &Element) -> bool {
    view(e).is_none_or(|((a, b), height)| b > 0.0 && a < height)
}
