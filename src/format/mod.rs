//! Locale-correct numbers and dates. Natively ICU4X's CLDR data does the work; in the browser
//! the browser's own `Intl` does (no CLDR tables shipped in the `.wasm`). Both give the same
//! text: tests/intl.rs checks ICU4X against ICU's output, tests/web.rs checks `Intl` against
//! the same expectations.

#[cfg(not(target_arch = "wasm32"))]
mod icu;
#[cfg(not(target_arch = "wasm32"))]
pub use icu::{canonical_tag, Numbers};

#[cfg(target_arch = "wasm32")]
mod intl;
#[cfg(target_arch = "wasm32")]
pub use intl::{canonical_tag, Numbers};

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
