//! Fetching the feed. Requests use `cache: "no-cache"`, so the browser revalidates with the
//! feed's ETag / Last-Modified (If-None-Match / If-Modified-Since) on every poll and a 304
//! costs no body; no custom request headers, so a cross-origin feed needs no CORS preflight.

use super::busy::Busy;
use super::error::FetchError;
use crate::feed::MAX_FEED_BYTES;
use js_sys::Reflect;
use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortSignal, HtmlElement, ReadableStreamDefaultReader, RequestCache, RequestInit, Response,
};

/// The request element.js started for `url` while the engine loaded (`#prefetch`), if there is
/// one: taken once, and aborted with `signal` from then on, as a request of the engine's own.
pub fn take_prefetched(
    host: &HtmlElement,
    url: &str,
    signal: &AbortSignal,
) -> Option<js_sys::Promise> {
    let key = JsValue::from_str("__govLeaderboardPrefetch");
    let prefetch = Reflect::get(host, &key).ok().filter(|p| p.is_object())?;
    if Reflect::get(&prefetch, &"url".into()).ok()?.as_string()? != url {
        return None; // element.js aborts it once the engine has started
    }
    let _ = Reflect::delete_property(host, &key);
    let take: js_sys::Function = Reflect::get(&prefetch, &"take".into())
        .ok()?
        .dyn_into()
        .ok()?;
    take.call1(&prefetch, signal).ok()?.dyn_into().ok()
}

/// The feed's bytes, or what went wrong and where: from the `prefetched` request (see
/// `take_prefetched`), else a new one.
/// `host` is marked busy while a chunk of the body is taken in (see busy.rs).
pub async fn fetch(
    url: &str,
    prefetched: Option<js_sys::Promise>,
    signal: &AbortSignal,
    timeout_s: f64,
    host: &HtmlElement,
) -> Result<Vec<u8>, FetchError> {
    let unreadable = || FetchError::Unreadable {
        url: url.to_string(),
    };
    let request = match prefetched {
        Some(request) => request,
        None => {
            let window = web_sys::window().ok_or_else(unreadable)?;
            let init = RequestInit::new();
            init.set_cache(RequestCache::NoCache);
            init.set_signal(Some(signal));
            window.fetch_with_str_and_init(url, &init)
        }
    };
    let response = JsFuture::from(request)
        .await
        .map_err(|e| describe(url, &e, signal, timeout_s))?;
    let response: Response = response.dyn_into().map_err(|_| unreadable())?;
    if !response.ok() {
        let text = response.status_text();
        return Err(FetchError::Status {
            url: url.to_string(),
            status: response.status(),
            text: if text.is_empty() {
                text
            } else {
                format!(" {text}")
            },
        });
    }
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_FEED_BYTES as u64) {
        return Err(too_large(url));
    }
    read_body(url, &response, signal, timeout_s, host).await
}

/// Reads the body chunk by chunk and stops at the feed limit, so a hostile or broken server
/// streaming without end cannot make the page hold more than 32 MiB.
async fn read_body(
    url: &str,
    response: &Response,
    signal: &AbortSignal,
    timeout_s: f64,
    host: &HtmlElement,
) -> Result<Vec<u8>, FetchError> {
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader =
        stream
            .get_reader()
            .dyn_into()
            .map_err(|_| FetchError::Unreadable {
                url: url.to_string(),
            })?;
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|e| describe(url, &e, signal, timeout_s))?;
        if Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true)
        {
            return Ok(bytes);
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into())
            .ok()
            .and_then(|v| v.dyn_into().ok())
            .ok_or_else(|| FetchError::Unreadable {
                url: url.to_string(),
            })?;
        let _busy = Busy::mark(host);
        let start = bytes.len();
        let len = value.length() as usize;
        if start + len > MAX_FEED_BYTES {
            // The promise only settles the cancellation; nothing waits for it.
            let _cancelled = reader.cancel();
            return Err(too_large(url));
        }
        bytes.resize(start + len, 0);
        value.copy_to(&mut bytes[start..]);
    }
}

fn too_large(url: &str) -> FetchError {
    FetchError::TooLarge {
        url: url.to_string(),
        limit: MAX_FEED_BYTES,
    }
}

fn describe(url: &str, e: &JsValue, signal: &AbortSignal, timeout_s: f64) -> FetchError {
    let url = url.to_string();
    if signal.aborted() {
        let seconds = crate::decimal::fixed(timeout_s, 3);
        return FetchError::Timeout { url, seconds };
    }
    let message = js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "network error".into());
    FetchError::Network { url, message }
}
