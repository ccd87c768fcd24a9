//! The browser layer in headless Chromium (wasm-bindgen-test): Intl formatting equals ICU4X's,
//! the npm functions equal the CLI, and the element engine renders, updates and recovers.
#![cfg(target_arch = "wasm32")]

use gov_leaderboard::date::Date;
use gov_leaderboard::format::NumberFormat;
use gov_leaderboard::web::intl::Numbers;
use gov_leaderboard::web::{rank_js, render_static, BoardElement};
use js_sys::{Object, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const INTL: &str = include_str!("fixtures/intl/expected.json");
const SEED: &str = include_str!("../www/data/seed.json");

#[wasm_bindgen_test]
fn intl_path_formats_like_icu4x() {
    let doc: serde_json::Value = serde_json::from_str(INTL).expect("fixture");
    let mut bad = Vec::new();
    let mut checked = 0;
    for case in doc["cases"].as_array().expect("cases") {
        let locale = case["locale"].as_str().expect("locale");
        if !["en", "ar", "ar-EG", "fr", "de"].contains(&locale) {
            continue;
        }
        let n = Numbers::new(locale).expect("locale");
        let input = &case["input"];
        let got = match case["kind"].as_str().expect("kind") {
            "integer" => n.integer(input.as_str().and_then(|s| s.parse().ok()).expect("int")),
            "ratio" => n.ratio(input.as_f64().expect("f64")),
            "compact" => n.compact(input.as_f64().expect("f64")),
            "per_post" => n.per_post(input.as_f64().expect("f64")),
            "percent" => n.percent(input.as_f64().expect("f64"), false),
            "growth" => n.percent(input.as_f64().expect("f64"), true),
            _ => n.date(Date::parse(input.as_str().expect("date")).expect("date")),
        };
        checked += 1;
        if got != case["text"].as_str().expect("text") {
            bad.push(format!(
                "{locale} {} {}: {got:?} vs {:?}",
                case["kind"], input, case["text"]
            ));
        }
    }
    assert!(checked > 400);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Small whole numbers are kept once formatted (intl.rs): asked again, in any order, with
/// larger ones between, each is still the browser's own text for it, in every numbering.
#[wasm_bindgen_test]
fn small_integers_kept_once_formatted_read_as_intl_writes_them() {
    for locale in ["en", "ar-EG", "fr"] {
        let n = Numbers::new(locale).expect("locale");
        let intl =
            js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&locale.into()), &Object::new())
                .format();
        let expected = |v: u64| {
            intl.call1(&JsValue::NULL, &JsValue::from_f64(v as f64))
                .ok()
                .and_then(|s| s.as_string())
                .expect("Intl text")
        };
        for v in [7, 0, 1023, 1024, 3, 7, 999_999, 50, 0, 1023, 1, 1025, 3] {
            assert_eq!(n.integer(v), expected(v), "{locale} {v}");
        }
    }
}

#[wasm_bindgen_test]
fn maps_keyed_from_random_bits_keep_their_own_key() {
    use gov_leaderboard::keyed_map::{seed, Map};
    use std::hash::BuildHasher;
    seed(1);
    let mut first: Map<String, usize> = Map::default();
    for i in 0..1000 {
        first.insert(format!("page-{i}"), i);
    }
    // A new key (another board starting) changes where keys go in maps made from now on ...
    seed(2);
    let second: Map<String, usize> = Map::default();
    let probe = |m: &Map<String, usize>| m.hasher().hash_one("page-7");
    assert_ne!(probe(&first), probe(&second));
    // ... and nothing in a map made before.
    for i in 0..1000 {
        assert_eq!(first.get(&format!("page-{i}")), Some(&i));
    }
}

fn golden(case: &str) -> (String, String, Object) {
    let (feed, args, expected) = match case {
        "small-fr-trend" => (
            include_str!("fixtures/small-fr-trend/feed.json"),
            include_str!("fixtures/small-fr-trend/args"),
            include_str!("fixtures/small-fr-trend/expected.html"),
        ),
        "seed-ar-eg" => (
            include_str!("fixtures/seed-ar-eg/feed.json"),
            include_str!("fixtures/seed-ar-eg/args"),
            include_str!("fixtures/seed-ar-eg/expected.html"),
        ),
        _ => (
            include_str!("fixtures/hostile-en/feed.json"),
            include_str!("fixtures/hostile-en/args"),
            include_str!("fixtures/hostile-en/expected.html"),
        ),
    };
    // "render --locale fr --chart trend ..." → { locale: "fr", chart: "trend", ... }
    let options = Object::new();
    let words: Vec<&str> = args.split_whitespace().skip(1).collect();
    for pair in words.chunks(2) {
        let _ = Reflect::set(
            &options,
            &pair[0].trim_start_matches("--").into(),
            &pair[1].into(),
        );
    }
    (feed.to_string(), expected.to_string(), options)
}

#[wasm_bindgen_test]
fn render_static_equals_the_cli_byte_for_byte() {
    for case in ["small-fr-trend", "seed-ar-eg", "hostile-en"] {
        let (feed, expected, options) = golden(case);
        let html = render_static(feed.into(), options.into())
            .map_err(JsValue::from)
            .expect("renders");
        assert_eq!(html, expected, "{case}");
    }
}

#[wasm_bindgen_test]
fn rank_returns_plain_numbers_and_nulls() {
    let options = Object::new();
    let _ = Reflect::set(&options, &"top".into(), &JsValue::from_f64(3.0));
    let r = rank_js(SEED.into(), options.into())
        .map_err(JsValue::from)
        .expect("ranks");
    let rows: js_sys::Array = Reflect::get(&r, &"rows".into())
        .expect("rows")
        .dyn_into()
        .expect("array");
    assert_eq!(rows.length(), 3);
    let moi = rows.get(1);
    assert_eq!(
        Reflect::get(&moi, &"value".into()).expect("value").as_f64(),
        Some(24_374_000.0)
    );
    let bad =
        rank_js("{\"version\":2,\"pages\":[]}".into(), JsValue::UNDEFINED).map_err(JsValue::from);
    let err = bad.expect_err("invalid feed");
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(
        Reflect::get(&err, &"message".into())
            .expect("message")
            .as_string()
            .as_deref(),
        Some("version: expected 1, got 2")
    );
}

// ---- the element engine ----

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

fn host(attrs: &[(&str, &str)]) -> HtmlElement {
    let el: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .dyn_into()
        .expect("html");
    for (k, v) in attrs {
        el.set_attribute(k, v).expect("attribute");
    }
    let _ = el.style().set_property("width", "600px");
    document()
        .body()
        .expect("body")
        .append_child(&el)
        .expect("append");
    el
}

fn shadow_query_all(el: &HtmlElement, selector: &str) -> Vec<Element> {
    let root = el.shadow_root().expect("open shadow root");
    let list = root.query_selector_all(selector).expect("query");
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

fn row_ids(el: &HtmlElement) -> Vec<String> {
    shadow_query_all(el, "tbody tr")
        .iter()
        .filter_map(|tr| tr.get_attribute("data-id"))
        .collect()
}

/// Counts events of one name on an element; the closure is owned by the returned guard.
struct Counter {
    seen: Rc<RefCell<Vec<JsValue>>>,
    _closure: Closure<dyn FnMut(web_sys::CustomEvent)>,
}

fn count(el: &HtmlElement, name: &str) -> Counter {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let s = seen.clone();
    let closure =
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            s.borrow_mut().push(e.detail())
        });
    el.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref())
        .expect("listen");
    Counter {
        seen,
        _closure: closure,
    }
}

#[wasm_bindgen_test]
fn engine_renders_rows_chart_and_events_from_data() {
    let el = host(&[("locale", "ar-EG"), ("pin", "eg-moi"), ("top", "3")]);
    let updates = count(&el, "leaderboard-update");
    let engine = BoardElement::new(el.clone())
        .map_err(JsValue::from)
        .expect("engine");
    engine.connected();
    engine.set_data(js_sys::JSON::parse(SEED).expect("json"));
    assert_eq!(row_ids(&el), ["us-wh", "eg-moi", "kh-pm"]);
    assert_eq!(updates.seen.borrow().len(), 1);
    let values: Vec<String> = shadow_query_all(&el, "tbody .gl-value")
        .iter()
        .filter_map(|c| c.text_content())
        .collect();
    assert_eq!(values[1], "٢٤٬٣٧٤٬٠٠٠");
    let board = &shadow_query_all(&el, ".gl-board")[0];
    assert_eq!(board.get_attribute("dir").as_deref(), Some("rtl"));
    // The chart is drawn: the pinned bar's accent colour is on the canvas, at the right edge (RTL).
    let canvas: HtmlCanvasElement = shadow_query_all(&el, "canvas")[0]
        .clone()
        .dyn_into()
        .expect("canvas");
    assert!(canvas.width() >= 590);
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .expect("ctx")
        .expect("2d")
        .dyn_into()
        .expect("ctx");
    let w = f64::from(canvas.width());
    let dpr = web_sys::window().expect("window").device_pixel_ratio();
    let bar_y = (40.0 + 20.0 + 7.0) * dpr; // second row's bar centre
    let right = ctx
        .get_image_data(w - 12.0 * dpr, bar_y, 1.0, 1.0)
        .expect("pixel")
        .data();
    assert_eq!(
        &right[..3],
        &[0xC2, 0x41, 0x0C],
        "accent bar at the right edge"
    );
    let far_left = ctx
        .get_image_data(2.0, bar_y, 1.0, 1.0)
        .expect("pixel")
        .data();
    assert_eq!(
        far_left[3], 0,
        "the shorter bar does not reach the left edge"
    );
    engine.disconnected();
    el.remove();
}

#[wasm_bindgen_test]
fn engine_rerenders_on_attribute_change_and_keeps_the_board_on_bad_data() {
    let el = host(&[("locale", "en"), ("top", "5")]);
    let updates = count(&el, "leaderboard-update");
    let errors = count(&el, "leaderboard-error");
    let engine = BoardElement::new(el.clone())
        .map_err(JsValue::from)
        .expect("engine");
    engine.connected();
    engine.set_data(SEED.into());
    assert_eq!(row_ids(&el).len(), 5);
    el.set_attribute("top", "2").expect("attr");
    engine.attribute_changed("top");
    assert_eq!(row_ids(&el), ["us-wh", "eg-moi"]);
    assert_eq!(updates.seen.borrow().len(), 2);
    engine.set_data("{\"version\":1,\"pages\":[{\"id\":\"x\"}]}".into());
    assert_eq!(row_ids(&el), ["us-wh", "eg-moi"], "last good board kept");
    assert_eq!(errors.seen.borrow().len(), 1);
    assert_eq!(
        errors.seen.borrow()[0].as_string().as_deref(),
        Some("data: invalid feed\npages[0].name: required")
    );
    // The note's region is always there (a live region must exist before its text does).
    let stale = &shadow_query_all(&el, ".gl-stale")[0];
    assert!(!stale.has_attribute("hidden"));
    assert_eq!(stale.get_attribute("role").as_deref(), Some("status"));
    assert!(stale
        .text_content()
        .unwrap_or_default()
        .contains("stale: last updated"));
    el.set_attribute("metric", "likes").expect("attr");
    engine.attribute_changed("metric");
    assert_eq!(errors.seen.borrow().len(), 2);
    assert_eq!(row_ids(&el), ["us-wh", "eg-moi"]);
    engine.disconnected();
    el.remove();
}

#[wasm_bindgen_test]
fn engine_shows_an_error_not_a_blank_box_when_nothing_ever_loaded() {
    let el = host(&[]);
    let engine = BoardElement::new(el.clone())
        .map_err(JsValue::from)
        .expect("engine");
    engine.connected();
    engine.set_data("not a feed".into());
    let error = &shadow_query_all(&el, ".gl-error")[0];
    assert!(!error.has_attribute("hidden"));
    assert!(error
        .text_content()
        .unwrap_or_default()
        .starts_with("The leaderboard could not be loaded."));
    engine.disconnected();
    el.remove();
}

#[wasm_bindgen_test]
fn feed_text_is_never_markup() {
    let el = host(&[]);
    let engine = BoardElement::new(el.clone())
        .map_err(JsValue::from)
        .expect("engine");
    engine.connected();
    engine.set_data(include_str!("fixtures/hostile-en/feed.json").into());
    let root = el.shadow_root().expect("root");
    for tag in ["script", "img", "svg", "math", "style", "iframe", "b", "i"] {
        assert_eq!(
            root.query_selector_all(tag).expect("query").length(),
            0,
            "<{tag}> in the shadow root"
        );
    }
    let names: Vec<String> = shadow_query_all(&el, "tbody th")
        .iter()
        .filter_map(|c| c.text_content())
        .collect();
    assert_eq!(names[1], "<script>alert(1)</script>");
    engine.disconnected();
    el.remove();
}
