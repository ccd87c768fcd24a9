//! The share image (SPEC §4 "Share"): the board as shown — the replay's day during a replay —
//! drawn by the core's card code (`crate::card`) on a canvas of its own, so the browser shapes
//! Arabic with the reader's fonts, in the board's colours; `snapshot()` resolves to its PNG and
//! the share button downloads it as `leaderboard-<as_of>.png`. Canvas `toBlob` and a `blob:`
//! download work under the strict CSP (SPEC §4).

use super::canvas;
use super::canvas_backend::Canvas2d;
use super::error::warn_on_error;
use super::state::State;
use crate::card::{self, Card};
use js_sys::{Function, Promise};
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, HtmlAnchorElement, HtmlCanvasElement, Url};

/// How long a downloaded image's `blob:` URL is kept (the download has long started by then).
const KEEP_URL_MS: i32 = 60_000;

impl State {
    /// A PNG of the board as shown, `width`×`height` CSS pixels (each 200–4096).
    pub(super) fn snapshot(&self, width: u32, height: u32) -> Result<Promise, JsValue> {
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
        Ok(Promise::new(&mut |resolve: Function, reject: Function| {
            let done = Closure::once_into_js(move |blob: JsValue| {
                let outcome = if blob.is_null() {
                    reject.call1(&JsValue::NULL, &"gov-leaderboard: no image".into())
                } else {
                    resolve.call1(&JsValue::NULL, &blob)
                };
                warn_on_error(outcome);
            });
            warn_on_error(canvas.to_blob_with_type(done.unchecked_ref(), "image/png"));
        }))
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
        let promise = match self.snapshot(size.0, size.1) {
            Ok(p) => p,
            Err(e) => {
                warn_on_error(Err::<(), _>(e));
                return;
            }
        };
        let doc = self.host.owner_document();
        wasm_bindgen_futures::spawn_local(async move {
            let saved = wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .and_then(|blob| download(doc, blob.dyn_into()?, &name));
            warn_on_error(saved);
        });
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
    let free = Closure::once_into_js(move || {
        warn_on_error(Url::revoke_object_url(&url));
    });
    if let Some(w) = web_sys::window() {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(free.unchecked_ref(), KEEP_URL_MS)?;
    }
    Ok(())
}
