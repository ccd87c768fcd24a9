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
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    serde::Serialize::serialize(&RankingOut::from(&ranking), &serializer)
        .map_err(|e| JsError::new(&format!("internal: {e}")))
}

/// The object `rank` returns: the keys and values `gov-leaderboard rank` prints (absent values
/// `null`, numbers as Numbers: every count is at most 2^53 − 1).
#[cfg(feature = "api")]
#[derive(serde::Serialize)]
struct RankingOut<'r> {
    as_of: Option<String>,
    metric: &'static str,
    window: String,
    ties: &'static str,
    rows: Vec<RowOut<'r>>,
    unranked: &'r [String],
}

#[cfg(feature = "api")]
#[derive(serde::Serialize)]
struct RowOut<'r> {
    rank: u32,
    id: &'r str,
    name: &'r str,
    value: f64,
    previous_rank: Option<u32>,
    delta: Option<i64>,
}

#[cfg(feature = "api")]
impl<'r> From<&'r rank::Ranking> for RankingOut<'r> {
    fn from(r: &'r rank::Ranking) -> Self {
        RankingOut {
            as_of: r.as_of.map(|d| d.to_string()),
            metric: r.metric.as_str(),
            window: r.window.to_string(),
            ties: r.ties.as_str(),
            rows: r
                .rows
                .iter()
                .map(|row| RowOut {
                    rank: row.rank,
                    id: &row.id,
                    name: &row.name,
                    value: row.value.as_f64(),
                    previous_rank: row.previous_rank,
                    delta: row.delta,
                })
                .collect(),
            unranked: &r.unranked,
        }
    }
}

/// The ranking of every day of the replay (SPEC §2b): `{ dates, frames }`, `frames[i]` equal
/// to `rank(feed, { ...options, asOf: dates[i] })`, computed in one pass.
#[cfg(feature = "api")]
#[wasm_bindgen(js_name = rankTimeline)]
pub fn rank_timeline(feed: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let opts = read_options(&options)?;
    let feed = read_feed(&feed)?;
    let frames = crate::timeline::timeline(&feed, &opts.rank, opts.from);
    let rankings: Vec<rank::Ranking> = frames
        .iter()
        .map(|f| f.to_ranking(&feed, &opts.rank))
        .collect();
    let out = TimelineOut {
        dates: frames.iter().map(|f| f.date.to_string()).collect(),
        frames: rankings.iter().map(RankingOut::from).collect(),
    };
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    serde::Serialize::serialize(&out, &serializer)
        .map_err(|e| JsError::new(&format!("internal: {e}")))
}

/// What `rankTimeline` returns.
#[cfg(feature = "api")]
#[derive(serde::Serialize)]
struct TimelineOut<'r> {
    dates: Vec<String>,
    frames: Vec<RankingOut<'r>>,
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

#[cfg(feature = "api")]
thread_local! {
    /// Feed text the caller encoded straight into WebAssembly memory (see `input_buffer`).
    static INPUT: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Room for feed text that api.js encodes straight into WebAssembly memory with
/// `TextEncoder.encodeInto`: the buffer keeps its first `kept` bytes and becomes `capacity`
/// long; returns where it starts. (A string given to the glue is copied in a character at a
/// time in JavaScript: for a 26 MB feed as long as the ranking itself.)
#[cfg(feature = "api")]
#[wasm_bindgen(js_name = inputBuffer)]
pub fn input_buffer(kept: usize, capacity: usize) -> *mut u8 {
    INPUT.with(|b| {
        let mut b = b.borrow_mut();
        b.truncate(kept);
        b.resize(capacity, 0);
        b.as_mut_ptr()
    })
}

/// How many bytes of the input buffer the caller wrote: the next call with the feed
/// `undefined` takes them.
#[cfg(feature = "api")]
#[wasm_bindgen(js_name = inputLength)]
pub fn input_length(len: usize) {
    INPUT.with(|b| b.borrow_mut().truncate(len));
}

/// Accepts JSON/CSV text, a `Uint8Array` (or `ArrayBuffer`) or a feed object; `undefined`
/// right after api.js filled the input buffer means that text.
#[cfg(feature = "api")]
pub(super) fn read_feed(value: &JsValue) -> Result<Feed, WebError> {
    super::seed_maps();
    if value.is_undefined() {
        let text = INPUT.with(|b| std::mem::take(&mut *b.borrow_mut()));
        if !text.is_empty() {
            return Ok(feed::parse(&text)?);
        }
    }
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

/// The npm options (SPEC §4): the CLI's option names, each with its JavaScript type. Unknown
/// names are refused (`{ metrc: "growth" }` is a typo, not a default), values are typed
/// (`top: "ten"` is an error); `undefined` and `null` mean "the default".
#[cfg(feature = "api")]
#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct NpmOptions {
    metric: Option<String>,
    window: Option<String>,
    ties: Option<String>,
    top: Option<u32>,
    country: Option<String>,
    platform: Option<String>,
    category: Option<String>,
    pin: Option<String>,
    #[serde(rename = "asOf")]
    as_of: Option<String>,
    from: Option<String>,
    locale: Option<String>,
    chart: Option<String>,
    #[serde(rename = "headingLevel")]
    heading_level: Option<u8>,
    /// renderStatic: the share card's size, "WxH" ("" for 1200x675).
    card: Option<String>,
}

#[cfg(feature = "api")]
impl NpmOptions {
    fn get(&self, name: &str) -> Option<String> {
        let text = |v: &Option<String>| v.clone();
        match name {
            "metric" => text(&self.metric),
            "window" => text(&self.window),
            "ties" => text(&self.ties),
            "top" => self.top.map(|n| n.to_string()),
            "country" => text(&self.country),
            "platform" => text(&self.platform),
            "category" => text(&self.category),
            "pin" => text(&self.pin),
            "as-of" => text(&self.as_of),
            "replay-from" => text(&self.from),
            "locale" => text(&self.locale),
            "chart" => text(&self.chart),
            "heading-level" => self.heading_level.map(|n| n.to_string()),
            "card" => text(&self.card),
            _ => None,
        }
    }
}

/// Reads the options object into [`NpmOptions`], then through the same parser as the CLI and
/// the element (`BoardOptions::from_lookup`).
#[cfg(feature = "api")]
fn read_options(options: &JsValue) -> Result<BoardOptions, WebError> {
    let npm: NpmOptions = if options.is_undefined() || options.is_null() {
        NpmOptions::default()
    } else if !options.is_object() || js_sys::Array::is_array(options) {
        return Err(WebError::Options(
            "options: expected an object such as { metric: \"growth\", top: 5 }".into(),
        ));
    } else {
        let own = own_properties(options);
        unknown_names(&own)?;
        serde_wasm_bindgen::from_value(own).map_err(|e| named(options, e))?
    };
    let opts = BoardOptions::from_lookup(|k| npm.get(k))?;
    // Check the locale up front so a bad tag is an option error, as in the CLI.
    super::intl::canonical_tag(opts.locale_tag())?;
    Ok(opts)
}

/// A plain copy of the object's own enumerable properties: an option inherited from a
/// prototype (or a polluted `Object.prototype`) is not the caller's option.
#[cfg(feature = "api")]
fn own_properties(options: &JsValue) -> JsValue {
    let object = options.unchecked_ref::<js_sys::Object>();
    let copy = js_sys::Object::from_entries(&js_sys::Object::entries(object))
        .unwrap_or_else(|_| js_sys::Object::new());
    // No prototype either: serde reads each field by name, and a polluted
    // `Object.prototype.top` must not answer for a missing `top`.
    js_sys::Object::set_prototype_of(&copy, JsValue::NULL.unchecked_ref()).into()
}

/// serde-wasm-bindgen's message without the `Error: ` its JS error text starts with.
#[cfg(feature = "api")]
fn clean(e: &serde_wasm_bindgen::Error) -> String {
    let text = e.to_string();
    text.strip_prefix("Error: ").unwrap_or(&text).to_string()
}

/// A name that is not an npm option (the option table's, src/option_defs.rs) is an error:
/// serde-wasm-bindgen reads a struct by its fields' names and never sees the others, so
/// `deny_unknown_fields` alone would let `{ metrc: "growth" }` through.
#[cfg(feature = "api")]
fn unknown_names(own: &JsValue) -> Result<(), WebError> {
    let known = || crate::option_defs::OPTIONS.iter().filter(|o| o.npm());
    for key in js_sys::Object::keys(own.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known().any(|o| o.npm == key) {
            let names: Vec<&str> = known().map(|o| o.npm).collect();
            return Err(WebError::Options(format!(
                "options: unknown option {key:?} (the options are {})",
                names.join(", ")
            )));
        }
    }
    Ok(())
}

/// serde's message, with the option it is about: an unknown name is named by serde itself; for
/// a wrong type, each own property is tried alone to find the one at fault.
#[cfg(feature = "api")]
fn named(options: &JsValue, e: serde_wasm_bindgen::Error) -> WebError {
    let message = clean(&e);
    if message.starts_with("unknown field") {
        return WebError::Options(format!("options: {message}"));
    }
    let object = options.unchecked_ref::<js_sys::Object>();
    for key in js_sys::Object::keys(object).iter() {
        let one = js_sys::Object::new();
        let _ = Reflect::set(&one, &key, &Reflect::get(options, &key).unwrap_or_default());
        if let Err(e) = serde_wasm_bindgen::from_value::<NpmOptions>(one.into()) {
            let name = key.as_string().unwrap_or_default();
            return WebError::Options(format!("options.{name}: {}", clean(&e)));
        }
    }
    WebError::Options(format!("options: {message}"))
}
