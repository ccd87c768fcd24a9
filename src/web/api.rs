//! The npm functions: `rank(feed, options)` and `renderStatic(feed, options)`, the same ranking
//! and the same HTML as the CLI.

use super::error::WebError;
#[cfg(feature = "api")]
use crate::{
    board::BoardOptions,
    feed::{self, Feed},
    i18n::BoardLocale,
    rank, render,
};
#[cfg(feature = "api")]
use js_sys::Reflect;
use js_sys::{Uint8Array, JSON};
use wasm_bindgen::prelude::*;

/// Ranks a feed (text, bytes or object) as `gov-leaderboard rank` does; returns the same object.
#[cfg(feature = "api")]
#[wasm_bindgen(js_name = rank)]
pub fn rank_js(feed: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    // Options first, as the CLI checks its flags before it reads the feed.
    let opts = read_options(&options)?;
    let feed = read_feed(&feed)?;
    let ranking = rank::rank(&feed, &opts.rank);
    JSON::parse(&ranking.to_json()).map_err(|_| JsError::new("internal: ranking is not JSON"))
}

/// Renders the static board HTML as `gov-leaderboard render` does.
#[cfg(feature = "api")]
#[wasm_bindgen(js_name = renderStatic)]
pub fn render_static(feed: JsValue, options: JsValue) -> Result<String, JsError> {
    let opts = read_options(&options)?;
    let feed = read_feed(&feed)?;
    let loc = BoardLocale::with(opts.locale_tag(), &super::intl::Intl).map_err(WebError::from)?;
    Ok(render::render(&feed, &opts, &loc))
}

/// Accepts JSON/CSV text, a `Uint8Array` (or `ArrayBuffer`) or a feed object.
#[cfg(feature = "api")]
pub(super) fn read_feed(value: &JsValue) -> Result<Feed, WebError> {
    let bytes = feed_bytes(value)?;
    Ok(feed::parse(&bytes)?)
}

pub(super) fn feed_bytes(value: &JsValue) -> Result<Vec<u8>, WebError> {
    if let Some(text) = value.as_string() {
        return Ok(text.into_bytes());
    }
    if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
        return Ok(bytes.to_vec());
    }
    if let Some(buffer) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(Uint8Array::new(buffer).to_vec());
    }
    if value.is_object() {
        let text = JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| WebError::FeedType("an object that cannot be written as JSON".into()))?;
        return Ok(text.into_bytes());
    }
    Err(WebError::FeedType(describe(value)))
}

fn describe(value: &JsValue) -> String {
    if value.is_undefined() {
        "undefined".into()
    } else if value.is_null() {
        "null".into()
    } else {
        value
            .js_typeof()
            .as_string()
            .unwrap_or_else(|| "a value".into())
    }
}

/// Reads `{ metric, window, ties, top, country, platform, category, pin, locale, chart }`;
/// `undefined` and `null` mean "the default".
#[cfg(feature = "api")]
fn read_options(options: &JsValue) -> Result<BoardOptions, WebError> {
    let get = |name: &str| -> Option<String> {
        // Any object, a null-prototype one included (not an `instanceof Object` test).
        let object = options
            .is_object()
            .then(|| options.unchecked_ref::<js_sys::Object>())?;
        let key = JsValue::from_str(name);
        // Own properties only: an option inherited from a prototype (or a polluted
        // Object.prototype) is not the caller's option.
        if !js_sys::Object::has_own(object, &key) {
            return None;
        }
        let v = Reflect::get(options, &key).ok()?;
        if v.is_undefined() || v.is_null() {
            None
        } else if let Some(s) = v.as_string() {
            Some(s)
        } else if let Some(n) = v.as_f64() {
            Some(format_number(n))
        } else {
            Some(String::from("[object]"))
        }
    };
    let opts = BoardOptions::from_lookup(get)?;
    // Check the locale up front so a bad tag is an option error, as in the CLI.
    super::intl::canonical_tag(opts.locale_tag())?;
    Ok(opts)
}

/// JS number → the text a user would write (`5`, `2.5`), as JavaScript's `String(n)` does.
#[cfg(feature = "api")]
fn format_number(n: f64) -> String {
    js_sys::Number::from(n)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}
