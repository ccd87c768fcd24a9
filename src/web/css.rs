//! The board's stylesheet, adopted by every shadow root (one shared `CSSStyleSheet`): no
//! `<style>` element or `style` attribute, so a strict `style-src 'self'` CSP is satisfied.

use js_sys::{Array, Reflect};
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, ShadowRoot};

/// The same file static boards link, plus the element's own host rules.
const BOARD_CSS: &str = include_str!("../../www/gov-leaderboard.css");
const HOST_CSS: &str = r#"
:host { display: block; contain: layout style; }
:host([hidden]) { display: none; }
.gl-board[hidden], .gl-board [hidden] { display: none; }
.gl-board .gl-status { margin: 0.75rem 0; color: var(--_muted); }
.gl-board .gl-error { margin: 0.5rem 0; padding: 0.5rem 0.75rem; border-inline-start: 3px solid var(--_down); color: var(--_fg); }
.gl-board .gl-error small { display: block; margin-top: 0.25rem; color: var(--_muted); white-space: pre-wrap; overflow-wrap: anywhere; }
.gl-fatal { margin: 0.5rem 0; color: #c0262d; font-size: 0.875rem; }
"#;

thread_local! {
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

fn sheet() -> Option<CssStyleSheet> {
    SHEET.with(|cell| {
        cell.get_or_init(|| {
            let sheet = CssStyleSheet::new().ok()?;
            sheet
                .replace_sync(&format!("{BOARD_CSS}\n{HOST_CSS}"))
                .ok()?;
            Some(sheet)
        })
        .clone()
    })
}

/// Adopts the board stylesheet into `root`.
pub fn adopt(root: &ShadowRoot) -> Result<(), JsValue> {
    let sheet =
        sheet().ok_or_else(|| JsValue::from_str("constructable stylesheets are not supported"))?;
    Reflect::set(
        root,
        &JsValue::from_str("adoptedStyleSheets"),
        &Array::of1(&sheet),
    )?;
    Ok(())
}
