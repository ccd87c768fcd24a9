//! Marks a board's host while its engine works on feed bytes (reading a fetched body, parsing,
//! rendering). If that work traps (a WebAssembly trap runs no `Drop`), the mark stays, and
//! element.js knows which board to hold in its error state while every board moves to a fresh
//! instance. Only synchronous stretches are marked: between two awaits no other board's code
//! runs, so the mark never names an innocent board.

use js_sys::Reflect;
use wasm_bindgen::JsValue;
use web_sys::HtmlElement;

const BUSY: &str = "__govLeaderboardBusy";

/// The mark, cleared on drop.
#[must_use]
pub struct Busy(HtmlElement);

impl Busy {
    pub fn mark(host: &HtmlElement) -> Self {
        let _ = Reflect::set(host, &BUSY.into(), &JsValue::TRUE);
        Busy(host.clone())
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        let _ = Reflect::set(&self.0, &BUSY.into(), &JsValue::FALSE);
    }
}
