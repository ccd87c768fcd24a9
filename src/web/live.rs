//! Fetching the feed. Requests use `cache: "no-cache"`, so the browser revalidates with the
//! feed's ETag / Last-Modified (If-None-Match / If-Modified-Since) on every poll and a 304
//! costs no body; no custom request headers, so a cross-origin feed needs no CORS preflight.

use crate::feed::MAX_FEED_BYTES;
use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestCache, RequestInit, Response};

/// The feed's bytes, or a message saying what went wrong and where.
pub async fn fetch(url: &str, signal: &AbortSignal) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let init = RequestInit::new();
    init.set_cache(RequestCache::NoCache);
    init.set_signal(Some(signal));
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|e| describe(url, &e, signal))?;
    let response: Response = response
        .dyn_into()
        .map_err(|_| format!("{url}: not a response"))?;
    if !response.ok() {
        return Err(format!(
            "{url}: HTTP {} {}",
            response.status(),
            response.status_text()
        )
        .trim_end()
        .to_string());
    }
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_FEED_BYTES as u64) {
        return Err(format!(
            "{url}: the feed is larger than the limit of {MAX_FEED_BYTES} bytes (32 MiB)"
        ));
    }
    let body = response
        .array_buffer()
        .map_err(|e| describe(url, &e, signal))?;
    let body = JsFuture::from(body)
        .await
        .map_err(|e| describe(url, &e, signal))?;
    Ok(Uint8Array::new(&body).to_vec())
}

fn describe(url: &str, e: &JsValue, signal: &AbortSignal) -> String {
    if signal.aborted() {
        return format!(
            "{url}: no answer within {} seconds (request timed out)",
            crate::schedule::REQUEST_TIMEOUT_S
        );
    }
    let message = js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "network error".into());
    format!("{url}: {message}")
}
