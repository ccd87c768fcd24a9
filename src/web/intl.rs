//! Numbers and dates in the browser, through the browser's own `Intl` (ICU inside), so the
//! `.wasm` carries no CLDR tables.

use crate::date::Date;
use crate::format::{LocaleError, Locales, NumberFormat};
use js_sys::{Array, Function, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Intl.getCanonicalLocales(tag)`: throws a RangeError for a malformed tag.
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = getCanonicalLocales)]
    fn get_canonical_locales(tag: &str) -> Result<Array, JsValue>;
}

/// `Intl` formatters for one locale, each a bound `format` function made on first use: making
/// one loads the locale's ICU data for it, and a first board (interactions, in one language)
/// needs three of the six; eagerly, they were half of the time from the .wasm to the board.
pub struct Numbers {
    locales: Array,
    made: [std::cell::OnceCell<Function>; 6],
    /// Whole numbers below `SMALL`, as formatted (empty: not yet): the ranks and places moved
    /// of every row, about 100 calls into `Intl` on each live update of 50 rows, answered
    /// here after the first.
    small: RefCell<Vec<String>>,
}

/// Whole numbers below this are kept once formatted (see `Numbers::small`).
const SMALL: u64 = 1024;

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

/// The formatters, by their place in `Numbers::made`.
#[derive(Clone, Copy)]
enum Kind {
    Plain,
    Compact,
    Date,
    PerPost,
    Percent,
    Growth,
}

impl Numbers {
    pub fn new(tag: &str) -> Result<Numbers, LocaleError> {
        Ok(Numbers {
            locales: Array::of1(&JsValue::from_str(tag)),
            made: Default::default(),
            small: RefCell::default(),
        })
    }

    /// The bound `format` of `kind`'s formatter, made the first time it is asked for.
    fn format(&self, kind: Kind) -> &Function {
        self.made[kind as usize].get_or_init(|| {
            let number = |pairs: &[(&str, JsValue)]| {
                js_sys::Intl::NumberFormat::new(&self.locales, &options(pairs)).format()
            };
            let percent = || {
                [
                    ("style", "percent".into()),
                    ("maximumSignificantDigits", 3.into()),
                ]
            };
            match kind {
                Kind::Plain => number(&[]),
                Kind::Compact => number(&[
                    ("notation", "compact".into()),
                    ("maximumFractionDigits", 1.into()),
                ]),
                Kind::Date => js_sys::Intl::DateTimeFormat::new(
                    &self.locales,
                    &options(&[("dateStyle", "long".into()), ("timeZone", "UTC".into())]),
                )
                .format(),
                Kind::PerPost => number(&[("maximumFractionDigits", 1.into())]),
                Kind::Percent => number(&percent()),
                Kind::Growth => {
                    let [style, digits] = percent();
                    number(&[style, digits, ("signDisplay", "exceptZero".into())])
                }
            }
        })
    }
}

impl NumberFormat for Numbers {
    /// A whole number in full, grouped. Values are at most 2^53 − 1, exact as doubles.
    fn integer(&self, v: u64) -> String {
        let format = || call(self.format(Kind::Plain), &JsValue::from_f64(v as f64));
        if v >= SMALL {
            return format();
        }
        let mut small = self.small.borrow_mut();
        let i = v as usize;
        while small.len() <= i {
            small.push(String::new());
        }
        if small[i].is_empty() {
            small[i] = format();
        }
        small[i].clone()
    }

    /// A ratio with at most three fraction digits, as `Intl`'s default gives.
    fn ratio(&self, v: f64) -> String {
        call(self.format(Kind::Plain), &JsValue::from_f64(v))
    }

    /// A short form with at most one fraction digit.
    fn compact(&self, v: f64) -> String {
        call(self.format(Kind::Compact), &JsValue::from_f64(v))
    }

    /// A long date.
    fn date(&self, d: Date) -> String {
        let ms = f64::from(d.day_number()) * 86_400_000.0;
        call(
            self.format(Kind::Date),
            &js_sys::Date::new(&JsValue::from_f64(ms)),
        )
    }

    fn per_post(&self, v: f64) -> String {
        call(self.format(Kind::PerPost), &JsValue::from_f64(v))
    }

    fn percent(&self, v: f64, signed: bool) -> String {
        let kind = if signed { Kind::Growth } else { Kind::Percent };
        call(self.format(kind), &JsValue::from_f64(v))
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
