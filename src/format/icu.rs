//! Numbers and dates natively, through ICU4X's compiled CLDR data: the same text that a current
//! browser's `Intl.NumberFormat(locale).format(v)` and `Intl.DateTimeFormat` give
//! (tests/intl.rs checks it against ICU's own output).

use super::{LocaleError, Locales, NumberFormat};
use crate::date::Date;
use fixed_decimal::{Decimal, FloatPrecision, SignedRoundingMode, UnsignedRoundingMode};
use icu_datetime::fieldsets::YMD;
use icu_datetime::DateTimeFormatter;
use icu_decimal::{CompactDecimalFormatter, DecimalFormatter};
use icu_locale_core::Locale;

/// Number and date formatting for one locale.
pub struct Numbers {
    decimal: DecimalFormatter,
    compact: CompactDecimalFormatter,
    date: DateTimeFormatter<YMD>,
    percent_suffix: &'static str,
}

impl std::fmt::Debug for Numbers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Numbers")
    }
}

const HALF_EXPAND: SignedRoundingMode =
    SignedRoundingMode::Unsigned(UnsignedRoundingMode::HalfExpand);

impl Numbers {
    /// Formatting for a canonical tag (see `canonical_tag`).
    pub fn new(tag: &str) -> Result<Numbers, LocaleError> {
        let locale = Locale::try_from_str(tag).map_err(|_| LocaleError(tag.to_string()))?;
        let locale = &locale;
        let fail = |_| LocaleError(locale.to_string());
        Ok(Numbers {
            decimal: DecimalFormatter::try_new(locale.into(), Default::default()).map_err(fail)?,
            compact: CompactDecimalFormatter::try_new_short(locale.into(), Default::default())
                .map_err(fail)?,
            date: DateTimeFormatter::try_new(locale.into(), YMD::long())
                .map_err(|_| LocaleError(locale.to_string()))?,
            percent_suffix: percent_suffix(tag),
        })
    }
}

/// What follows the number in a percent, per CLDR, for the locales whose words the board
/// has (checked against Intl by tests/intl.rs); other locales get a bare `%` natively (the
/// browser's Intl formats them exactly).
fn percent_suffix(tag: &str) -> &'static str {
    match tag {
        "ar-EG" => "\u{66a}\u{61c}",
        t if t == "ar" || t.starts_with("ar-") => "\u{200e}%\u{200e}",
        t if ["fr", "de", "es"]
            .iter()
            .any(|l| t == *l || t.starts_with(&format!("{l}-"))) =>
        {
            "\u{a0}%"
        }
        _ => "%",
    }
}

impl Numbers {
    /// At most `digits` fraction digits, rounded half away from zero as `Intl` does.
    fn fraction(&self, v: f64, digits: i16) -> String {
        match Decimal::try_from_f64(v, FloatPrecision::RoundTrip) {
            Ok(mut d) => {
                d.round_with_mode(-digits, HALF_EXPAND);
                d.absolute.trim_end();
                self.decimal.format(&d).to_string()
            }
            Err(_) => String::from("–"), // not finite: never produced by ranking
        }
    }
}

impl NumberFormat for Numbers {
    /// A whole number in full, grouped: `24,374,000`, `٢٤٬٣٧٤٬٠٠٠`, `24 374 000`.
    fn integer(&self, v: u64) -> String {
        self.decimal.format(&Decimal::from(v)).to_string()
    }

    /// A ratio with at most three fraction digits, rounded half away from zero, as `Intl`'s
    /// default does: `0.123`, `١٫٥`.
    fn ratio(&self, v: f64) -> String {
        self.fraction(v, 3)
    }

    fn per_post(&self, v: f64) -> String {
        self.fraction(v, 1)
    }

    fn percent(&self, v: f64, signed: bool) -> String {
        let Ok(mut d) = Decimal::try_from_f64(v, FloatPrecision::RoundTrip) else {
            return String::from("–");
        };
        d.multiply_pow10(2);
        d.absolute.trim_start();
        if !d.absolute.is_zero() {
            // Three significant digits, rounded half away from zero as Intl does.
            let last = d.absolute.nonzero_magnitude_start() - 2;
            d.round_with_mode(last, HALF_EXPAND);
        }
        d.absolute.trim_end();
        if d.absolute.is_zero() {
            d.sign = fixed_decimal::Sign::None;
        } else if signed {
            d.apply_sign_display(fixed_decimal::SignDisplay::ExceptZero);
        }
        let mut out = self.decimal.format(&d).to_string();
        out.push_str(self.percent_suffix);
        out
    }

    /// A short form with at most one fraction digit: `24.4M`, `٢٤٫٤ مليون`, `24,4 Mio.`.
    fn compact(&self, v: f64) -> String {
        let Ok(mut d) = Decimal::try_from_f64(v, FloatPrecision::RoundTrip) else {
            return String::from("–");
        };
        d.round_with_mode(-1, HALF_EXPAND);
        // Rounding can carry into the next power of ten (999,960 → 1.0M), so pick the
        // exponent from the rounded significand until it settles.
        let mut exponent = self
            .compact
            .compact_exponent_for_magnitude(d.absolute.nonzero_magnitude_start());
        loop {
            let mut significand = d.clone();
            significand.multiply_pow10(-i16::from(exponent));
            significand.round_with_mode(-1, HALF_EXPAND);
            significand.absolute.trim_end();
            let magnitude = significand.absolute.nonzero_magnitude_start() + i16::from(exponent);
            let next = self.compact.compact_exponent_for_magnitude(magnitude);
            if next != exponent {
                exponent = next;
                continue;
            }
            return match self.compact.format_with_exponent(&significand, exponent) {
                Ok(text) => text.to_string(),
                Err(_) => self.decimal.format(&significand).to_string(),
            };
        }
    }

    /// A long date: `November 28, 2026`, `٢٨ نوفمبر ٢٠٢٦`, `28. November 2026`.
    fn date(&self, d: Date) -> String {
        let (y, m, day) = d.ymd();
        match icu_calendar::Date::try_new_iso(y, m as u8, day as u8) {
            Ok(iso) => self.date.format(&iso).to_string(),
            Err(_) => d.to_string(),
        }
    }
}

/// ICU4X as the core's [`Locales`]: CLDR data compiled into the native binary.
#[derive(Debug, Clone, Copy, Default)]
pub struct Icu;

impl Locales for Icu {
    fn canonical_tag(&self, tag: &str) -> Result<String, LocaleError> {
        canonical_tag(tag)
    }

    fn numbers(&self, canonical: &str) -> Result<Box<dyn NumberFormat>, LocaleError> {
        Ok(Box::new(Numbers::new(canonical)?))
    }
}

/// The canonical form of a BCP 47 tag (`ar-eg` → `ar-EG`), or why it is not one.
pub fn canonical_tag(tag: &str) -> Result<String, LocaleError> {
    Locale::try_from_str(tag)
        .map(|l| l.to_string())
        .map_err(|_| LocaleError(tag.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(tag: &str) -> Numbers {
        Numbers::new(tag).expect("data for every locale")
    }

    #[test]
    fn seed_figures_in_each_required_locale() {
        assert_eq!(numbers("en").integer(24_374_000), "24,374,000");
        assert_eq!(numbers("ar").integer(24_374_000), "24,374,000");
        assert_eq!(numbers("ar-EG").integer(24_374_000), "٢٤٬٣٧٤٬٠٠٠");
        assert_eq!(
            numbers("fr").integer(24_374_000),
            "24\u{202f}374\u{202f}000"
        );
        assert_eq!(numbers("de").integer(24_374_000), "24.374.000");
    }

    #[test]
    fn compact_forms() {
        assert_eq!(numbers("en").compact(24_374_000.0), "24.4M");
        assert_eq!(numbers("ar-EG").compact(24_374_000.0), "٢٤٫٤\u{a0}مليون");
        assert_eq!(numbers("en").compact(999_960.0), "1M");
        assert_eq!(numbers("en").compact(950.0), "950");
        assert_eq!(numbers("de").compact(24_374.0), "24.374");
    }

    #[test]
    fn ratios_round_half_expand_to_three_digits() {
        let en = numbers("en");
        assert_eq!(en.ratio(1234.56789), "1,234.568");
        assert_eq!(en.ratio(2.0), "2");
        assert_eq!(en.ratio(-0.25), "-0.25");
        assert_eq!(en.ratio(0.0005), "0.001");
    }

    #[test]
    fn dates_and_direction() {
        let d = Date::parse("2026-11-28").expect("valid");
        assert_eq!(numbers("en").date(d), "November 28, 2026");
        assert_eq!(numbers("ar-EG").date(d), "٢٨ نوفمبر ٢٠٢٦");
        assert_eq!(canonical_tag("ar-eg"), Ok("ar-EG".to_string()));
        assert!(canonical_tag("not a tag!").is_err());
    }
}
