//! The share image (SPEC §4 "Share"): the board as shown — the replay's day during a replay —
//! drawn by the core's card code (`crate::card`) on a canvas of its own, so the browser shapes
//! Arabic with the reader's fonts, in the board's colours; `snapshot()` gives its PNG and
//! the share button downloads it as `leaderboard-<as_of>.png`. Canvas `toBlob` and a `blob:`
//! download work under the strict CSP (SPEC §4).

use super::canvas;
use super::canvas_backend::Canvas2d;
use super::error::warn_on_error;
use super::state::State;
use crate::card::{self, Card};
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, HtmlAnchorElement, HtmlCanvasElement, Url};

/// How long a downloaded image's `blob:` URL is kept (the download has long started by then).
const KEEP_URL_MS: i32 = 60_000;

impl State {
    /// Draws a PNG of the board as shown, `width`×`height` CSS pixels (each 200–4096), and
    /// gives it to `done` (an error if the browser made no image). Callbacks, not a `Promise`:
    /// element.js makes the promise of `snapshot()` (a promise made here, and its executor, are
    /// closure shims of their own in every reader's download).
    pub(super) fn snapshot(
        &self,
        width: u32,
        height: u32,
        // Boxed: one drawing function for both callers, not one copy each.
        done: Box<dyn FnOnce(Result<Blob, JsValue>)>,
    ) -> Result<(), JsValue> {
        let size = format!("{width}x{height}");
        if card::parse_size(&size).is_none() {
            return Err(JsValue::from_str(
                "gov-leaderboard: snapshot width and height must each be from 200 to 4096",
            ));
        }
        let view = self
            .view
            .as_ref()
            .ok_or_else(|| JsValue::from_str("gov-leaderboard: no board to snapshot yet"))?;
        let card = Card::of(view);
        let doc = self
            .host
            .owner_document()
            .ok_or_else(|| JsValue::from_str("no document"))?;
        let canvas: HtmlCanvasElement = doc.create_element("canvas")?.unchecked_into();
        canvas.set_width(width);
        canvas.set_height(height);
        // The board's own colours and font (its theme, forced colours too), one pixel each.
        let mut style = canvas::theme(&self.dom.canvas, &self.dom.board, card.rtl);
        style.scale = 1.0;
        let background = canvas::background(&self.dom.canvas, &self.dom.board, style.text);
        let ctx = canvas::context(&canvas)?;
        js_sys::Reflect::set(&ctx, &"direction".into(), &"ltr".into())?;
        let area = Canvas2d::new(ctx, (width, height), None).into_drawing_area();
        // The canvas backend cannot fail (its error type is uninhabited).
        let _ = card.draw(&area, &style, background);
        let made = Closure::once_into_js(move |blob: JsValue| {
            done(if blob.is_null() {
                Err("gov-leaderboard: no image".into())
            } else {
                Ok(blob.unchecked_into())
            })
        });
        canvas.to_blob_with_type(made.unchecked_ref(), "image/png")
    }

    /// The share button: the `share` attribute's size, downloaded.
    pub(super) fn share(&self) {
        let size = self
            .attr("share")
            .and_then(card::parse_size)
            .unwrap_or(card::DEFAULT_SIZE);
        let name = match &self.as_of {
            Some(d) => format!("leaderboard-{d}.png"),
            None => "leaderboard.png".to_string(),
        };
        let doc = self.host.owner_document();
        let done = move |blob: Result<Blob, JsValue>| {
            warn_on_error(blob.and_then(|blob| download(doc, blob, &name)));
        };
        let started = self.snapshot(size.0, size.1, Box::new(done));
        warn_on_error(started);
    }
}

/// Saves `blob` as `name` (a `blob:` URL on a link with `download`, clicked, freed later).
fn download(doc: Option<web_sys::Document>, blob: Blob, name: &str) -> Result<(), JsValue> {
    let doc = doc.ok_or_else(|| JsValue::from_str("no document"))?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let link: HtmlAnchorElement = doc.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let free = Closure::once_into_js(move |_: JsValue| {
        warn_on_error(Url::revoke_object_url(&url));
    });
    if let Some(w) = web_sys::window() {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(free.unchecked_ref(), KEEP_URL_MS)?;
    }
    Ok(())
}
