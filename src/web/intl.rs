//! Numbers and dates in the browser, through the browser's own `Intl` (ICU inside), so the
//! `.wasm` carries no CLDR tables.

use crate::date::Date;
use crate::format::{LocaleError, Locales, NumberFormat};
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Intl.getCanonicalLocales(tag)`: throws a RangeError for a malformed tag.
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = getCanonicalLocales)]
    fn get_canonical_locales(tag: &str) -> Result<Array, JsValue>;
}

/// `Intl` formatters for one locale, each a bound `format` function.
pub struct Numbers {
    plain: Function,
    compact: Function,
    date: Function,
    per_post: Function,
    percent: Function,
    growth: Function,
}

impl std::fmt::Debug for Numbers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Numbers")
    }
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

fn call(f: &Function, v: &JsValue) -> String {
    f.call1(&JsValue::NULL, v)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

impl Numbers {
    pub fn new(tag: &str) -> Result<Numbers, LocaleError> {
        let locales = Array::of1(&JsValue::from_str(tag));
        let plain = js_sys::Intl::NumberFormat::new(&locales, &Object::new()).format();
        let compact = js_sys::Intl::NumberFormat::new(
            &locales,
            &options(&[
                ("notation", "compact".into()),
                ("maximumFractionDigits", 1.into()),
            ]),
        )
        .format();
        let date = js_sys::Intl::DateTimeFormat::new(
            &locales,
            &options(&[("dateStyle", "long".into()), ("timeZone", "UTC".into())]),
        )
        .format();
        let format = |pairs: &[(&str, JsValue)]| {
            js_sys::Intl::NumberFormat::new(&locales, &options(pairs)).format()
        };
        let percent = [
            ("style", "percent".into()),
            ("maximumSignificantDigits", 3.into()),
        ];
        Ok(Numbers {
            plain,
            compact,
            date,
            per_post: format(&[("maximumFractionDigits", 1.into())]),
            growth: format(&[
                percent[0].clone(),
                percent[1].clone(),
                ("signDisplay", "exceptZero".into()),
            ]),
            percent: format(&percent),
        })
    }
}

impl NumberFormat for Numbers {
    /// A whole number in full, grouped. Values are at most 2^53 − 1, exact as doubles.
    fn integer(&self, v: u64) -> String {
        call(&self.plain, &JsValue::from_f64(v as f64))
    }

    /// A ratio with at most three fraction digits, as `Intl`'s default gives.
    fn ratio(&self, v: f64) -> String {
        call(&self.plain, &JsValue::from_f64(v))
    }

    /// A short form with at most one fraction digit.
    fn compact(&self, v: f64) -> String {
        call(&self.compact, &JsValue::from_f64(v))
    }

    /// A long date.
    fn date(&self, d: Date) -> String {
        let ms = f64::from(d.day_number()) * 86_400_000.0;
        call(&self.date, &js_sys::Date::new(&JsValue::from_f64(ms)))
    }

    fn per_post(&self, v: f64) -> String {
        call(&self.per_post, &JsValue::from_f64(v))
    }

    fn percent(&self, v: f64, signed: bool) -> String {
        let f = if signed { &self.growth } else { &self.percent };
        call(f, &JsValue::from_f64(v))
    }

    /// JavaScript's shortest round-trip text of the number, with `.0` on a whole one (as the
    /// JSON writer of `rank` prints ratios).
    fn raw(&self, v: f64) -> String {
        let text = js_sys::Number::from(v)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default();
        if v.is_finite() && v.fract() == 0.0 && !text.contains('e') {
            text + ".0"
        } else {
            text
        }
    }
}

/// The browser's `Intl` as the core's [`Locales`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Intl;

impl Locales for Intl {
    fn canonical_tag(&self, tag: &str) -> Result<String, LocaleError> {
        canonical_tag(tag)
    }

    fn numbers(&self, canonical: &str) -> Result<Box<dyn NumberFormat>, LocaleError> {
        Ok(Box::new(Numbers::new(canonical)?))
    }
}

/// The canonical form of a BCP 47 tag, as the browser sees it.
pub fn canonical_tag(tag: &str) -> Result<String, LocaleError> {
    get_canonical_locales(tag)
        .ok()
        .and_then(|a| a.get(0).as_string())
        .ok_or_else(|| LocaleError(tag.to_string()))
}
