//! Locale-correct numbers and dates, behind two traits the core defines: [`NumberFormat`]
//! (one locale's formatters) and [`Locales`] (where they come from). Natively ICU4X's CLDR
//! data implements them (`icu`); in the browser the browser's own `Intl` does
//! (`web::intl`, no CLDR tables shipped in the `.wasm`), so the core never names a browser
//! crate. Both give the same text: tests/intl.rs checks ICU4X against ICU's output,
//! tests/web.rs checks `Intl` against the same expectations.

use crate::date::Date;

#[cfg(not(target_arch = "wasm32"))]
mod icu;
#[cfg(not(target_arch = "wasm32"))]
pub use icu::{canonical_tag, Icu, Numbers};

/// One locale's number and date formatting (SPEC §2a).
pub trait NumberFormat {
    /// A whole number in full, grouped: `24,374,000`, `٢٤٬٣٧٤٬٠٠٠`.
    fn integer(&self, v: u64) -> String;
    /// A ratio with at most three fraction digits.
    fn ratio(&self, v: f64) -> String;
    /// A short form with at most one fraction digit: `24.4M`.
    fn compact(&self, v: f64) -> String;
    /// A long date: `November 28, 2026`.
    fn date(&self, d: Date) -> String;
    /// Interactions per post, as `Intl.NumberFormat` with `{ maximumFractionDigits: 1 }`.
    fn per_post(&self, v: f64) -> String;
    /// A ratio as a percent with at most three significant digits (2.1019 → `210%`); with
    /// `signed`, an explicit sign except on zero (growth: `+12.3%`), as `Intl.NumberFormat`
    /// with `{ style: "percent", maximumSignificantDigits: 3, signDisplay: "exceptZero" }`.
    fn percent(&self, v: f64, signed: bool) -> String;
    /// A ratio's exact value as JSON writes it (shortest round trip, `2.0` for a whole one),
    /// for `data-value` attributes. The browser's own number-to-text does it there, so the
    /// element's `.wasm` carries no float formatter.
    fn raw(&self, v: f64) -> String {
        crate::output::value_json(crate::rank::Value::Ratio(v))
    }
}

/// Where a locale's formatting comes from: ICU4X natively, `Intl` in the browser.
pub trait Locales {
    /// The canonical form of a BCP 47 tag (`ar-eg` → `ar-EG`), or why it is not one.
    fn canonical_tag(&self, tag: &str) -> Result<String, LocaleError>;
    /// The formatters of a canonical tag.
    fn numbers(&self, canonical: &str) -> Result<Box<dyn NumberFormat>, LocaleError>;
}

/// A BCP 47 tag that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid locale \"{0}\": expected a BCP 47 language tag such as en, ar-EG or fr")]
pub struct LocaleError(pub String);

/// Whether text in this (canonical) locale runs right to left: by its script subtag when it
/// has one (`az-Arab`), else by its language.
pub fn is_rtl(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let language = subtags.next().unwrap_or_default();
    if let Some(script) =
        subtags.find(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic()))
    {
        return matches!(
            script,
            "Arab" | "Hebr" | "Thaa" | "Syrc" | "Nkoo" | "Adlm" | "Rohg" | "Mand" | "Samr"
        );
    }
    matches!(
        language,
        "ar" | "he"
            | "fa"
            | "ur"
            | "ps"
            | "sd"
            | "ug"
            | "yi"
            | "ckb"
            | "dv"
            | "iw"
            | "syr"
            | "arc"
            | "mzn"
            | "lrc"
            | "ks"
    )
}

#[cfg(test)]
mod tests {
    use super::is_rtl;

    #[test]
    fn direction_by_script_then_language() {
        assert!(is_rtl("ar") && is_rtl("ar-EG") && is_rtl("he") && is_rtl("fa-IR"));
        assert!(!is_rtl("en") && !is_rtl("fr") && !is_rtl("de-AT"));
        assert!(is_rtl("az-Arab") && !is_rtl("pa-Guru") && !is_rtl("ar-Latn"));
    }
}
