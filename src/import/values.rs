//! Counts and dates as analytics exports write them (SPEC §5): counts grouped in threes in the
//! exporter's locale (`407.137`, `1,234,567`, `1 234`), dates as days, local times, times with
//! a zone abbreviation or offset, ISO 8601, Unix seconds, or X's `Mon, Jan 15, 2024`.

use crate::date::Date;
use crate::feed::MAX_SAFE_INTEGER;
use jiff::civil;
use jiff::tz::{Offset, TimeZone};

/// Separators exporters put between groups of three digits.
const GROUP_SEPARATORS: [char; 7] = ['.', ',', ' ', '\u{a0}', '\u{202f}', '\'', '\u{2019}'];

/// A non-negative integer count, digits optionally grouped in threes by one separator.
pub fn count(raw: &str) -> Result<u64, String> {
    let s = raw.trim_matches(|c: char| c == ' ' || c == '\u{a0}' || c == '\t');
    let bad = || {
        format!(
            "expected a whole number (digits, optionally grouped in threes), got {}",
            crate::feed::check::quote(raw, 64)
        )
    };
    if s.is_empty() {
        return Err(bad());
    }
    let mut value: u64 = 0;
    let mut separator: Option<char> = None;
    let mut group = 0usize; // digits in the current group
    let mut groups = 0usize;
    for c in s.chars() {
        if let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) {
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(d)))
                .ok_or_else(bad)?;
            group += 1;
        } else if GROUP_SEPARATORS.contains(&c) && separator.is_none_or(|s| s == c) {
            // The first group has 1–3 digits, every later one exactly 3.
            if group == 0 || group > 3 || (groups > 0 && group != 3) {
                return Err(bad());
            }
            separator = Some(c);
            groups += 1;
            group = 0;
        } else {
            return Err(bad());
        }
    }
    if group == 0 || (groups > 0 && group != 3) {
        return Err(bad());
    }
    if value > MAX_SAFE_INTEGER {
        return Err(format!(
            "expected a count at most {MAX_SAFE_INTEGER} (2^53-1), got {}",
            crate::feed::check::quote(raw, 64)
        ));
    }
    Ok(value)
}

/// The zone of `--tz`: an IANA name (`Africa/Cairo`) or a fixed offset `±HH:MM`.
pub fn zone(name: &str) -> Result<TimeZone, String> {
    if let Some(offset) = offset(name) {
        return Ok(TimeZone::fixed(offset));
    }
    TimeZone::get(name).map_err(|_| {
        format!("unknown time zone {name:?}: give an IANA name such as Africa/Cairo, or an offset such as +02:00")
    })
}

/// The calendar day of `raw` in `tz`: a plain date is that day; a local time (no offset) is
/// read in `tz`; a time with an offset or zone abbreviation, or Unix seconds, is converted
/// to `tz` first.
pub fn day(raw: &str, tz: &TimeZone) -> Result<Date, String> {
    let s = raw.trim();
    let bad = || {
        format!(
            "expected a date (YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] [zone], ISO 8601, Unix seconds or Mon, Jan 15, 2024), got {}",
            crate::feed::check::quote(raw, 64)
        )
    };
    let date = if s.len() >= 9 && s.len() <= 11 && s.bytes().all(|b| b.is_ascii_digit()) {
        let seconds: i64 = s.parse().map_err(|_| bad())?;
        let ts = jiff::Timestamp::from_second(seconds).map_err(|_| bad())?;
        tz.to_datetime(ts).date()
    } else if let Some(d) = month_name_date(s) {
        d
    } else {
        iso(s, tz).ok_or_else(bad)?
    };
    to_date(date).ok_or_else(|| {
        format!(
            "the date {} is outside the years 1900-2099",
            crate::feed::check::quote(raw, 64)
        )
    })
}

fn to_date(d: civil::Date) -> Option<Date> {
    Date::from_ymd(
        i32::from(d.year()),
        u32::try_from(d.month()).ok()?,
        u32::try_from(d.day()).ok()?,
    )
}

/// `YYYY-MM-DD`, optionally followed by (`T` or a space) `HH:MM[:SS[.fff]]` and an optional
/// `Z`, offset or zone abbreviation.
fn iso(s: &str, tz: &TimeZone) -> Option<civil::Date> {
    let date: civil::Date = s.get(..10)?.parse().ok()?;
    let rest = s.get(10..)?;
    if rest.is_empty() {
        return Some(date);
    }
    let rest = rest.strip_prefix(['T', ' '])?;
    let time_len = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(rest.len());
    let time = civil::Time::strptime(
        if rest[..time_len].len() > 5 {
            "%H:%M:%S%.f"
        } else {
            "%H:%M"
        },
        &rest[..time_len],
    )
    .ok()?;
    let zone = rest[time_len..].trim();
    let local = date.to_datetime(time);
    if zone.is_empty() {
        return Some(date); // a local time in `tz`: its day is its date
    }
    let offset = offset(zone).or_else(|| abbreviation(zone))?;
    let ts = offset.to_timestamp(local).ok()?;
    Some(tz.to_datetime(ts).date())
}

/// `Z`, `±HH:MM`, `±HHMM` or `±HH`.
fn offset(s: &str) -> Option<Offset> {
    if s == "Z" || s == "z" {
        return Some(Offset::UTC);
    }
    let (sign, digits) = if let Some(rest) = s.strip_prefix('+') {
        (1, rest)
    } else {
        (-1, s.strip_prefix('-')?)
    };
    let digits: String = digits.chars().filter(|c| *c != ':').collect();
    if !(digits.len() == 2 || digits.len() == 4) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let h: i32 = digits[..2].parse().ok()?;
    let m: i32 = digits
        .get(2..)
        .filter(|m| !m.is_empty())
        .map_or(Some(0), |m| m.parse().ok())?;
    if h > 14 || m > 59 {
        return None;
    }
    Offset::from_seconds(sign * (h * 3600 + m * 60)).ok()
}

/// Zone abbreviations analytics dashboards print after times (CrowdTangle writes its
/// dashboard's, e.g. `BRT`), as the fixed offsets they stand for.
fn abbreviation(s: &str) -> Option<Offset> {
    let minutes = match s {
        "UTC" | "GMT" | "WET" => 0,
        "BST" | "WEST" | "CET" | "WAT" => 60,
        "CEST" | "EET" | "CAT" | "SAST" => 120,
        "EEST" | "MSK" | "EAT" | "AST" => 180,
        "GST" => 240,
        "PKT" => 300,
        "IST" => 330,
        "ICT" | "WIB" => 420,
        "PHT" | "SGT" | "HKT" | "AWST" | "CST8" => 480,
        "JST" | "KST" => 540,
        "AEST" => 600,
        "AEDT" => 660,
        "NZST" => 720,
        "NZDT" => 780,
        "BRT" | "ART" => -180,
        "BRST" => -120,
        "EDT" => -240,
        "EST" | "CDT" => -300,
        "CST" | "MDT" => -360,
        "MST" | "PDT" => -420,
        "PST" | "AKDT" => -480,
        "AKST" => -540,
        "HST" => -600,
        _ => return None,
    };
    Offset::from_seconds(minutes * 60).ok()
}

/// `Mon, Jan 15, 2024` or `Jan 15, 2024` (X account analytics), English month names.
fn month_name_date(s: &str) -> Option<civil::Date> {
    let s = match s.split_once(", ") {
        Some((weekday, rest))
            if weekday.len() <= 9
                && weekday.bytes().all(|b| b.is_ascii_alphabetic())
                && rest.contains(',') =>
        {
            rest
        }
        _ => s,
    };
    let (month_day, year) = s.split_once(", ")?;
    let (month, day) = month_day.split_once(' ')?;
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let m = month.get(..3)?.to_ascii_lowercase();
    let month = MONTHS.iter().position(|x| *x == m)? as i8 + 1;
    let day: i8 = day.trim().parse().ok()?;
    let year: i16 = year.trim().parse().ok()?;
    civil::Date::new(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_every_exporter_locale() {
        for (raw, n) in [
            ("407137", 407_137),
            ("407.137", 407_137),
            ("1,234,567", 1_234_567),
            ("1 234", 1_234),
            ("1\u{a0}234\u{a0}567", 1_234_567),
            ("1\u{202f}234", 1_234),
            ("1'234'567", 1_234_567),
            (" 12 ", 12),
            ("0", 0),
        ] {
            assert_eq!(count(raw), Ok(n), "{raw}");
        }
        for raw in [
            "",
            "1,4",
            "1.5",
            "1,23",
            "1.234,567",
            "12a",
            "-5",
            "1,2345",
            ",123",
            "123,",
            "1e3",
            "1..234",
        ] {
            assert!(count(raw).is_err(), "{raw}");
        }
        assert!(count("9007199254740992").is_err());
    }

    #[test]
    fn days_from_every_date_form() {
        let utc = zone("UTC").expect("utc");
        let cairo = zone("Africa/Cairo").expect("cairo");
        let d = |s: &str, tz: &TimeZone| day(s, tz).map(|d| d.to_string());
        assert_eq!(d("2024-01-15", &utc), Ok("2024-01-15".into()));
        assert_eq!(
            d("2024-01-15 23:30", &cairo),
            Ok("2024-01-15".into()),
            "local in ZONE"
        );
        assert_eq!(d("2024-01-15 23:30:00 BRT", &utc), Ok("2024-01-16".into()));
        assert_eq!(d("2021-07-05 18:02:45 BRT", &utc), Ok("2021-07-05".into()));
        assert_eq!(d("2024-01-15T23:30:00Z", &cairo), Ok("2024-01-16".into()));
        assert_eq!(
            d("2024-01-15T23:30:00.123+00:00", &cairo),
            Ok("2024-01-16".into())
        );
        assert_eq!(d("2024-01-15T01:00:00+0300", &utc), Ok("2024-01-14".into()));
        assert_eq!(d("1705363200", &utc), Ok("2024-01-16".into()));
        assert_eq!(
            d("1705363200", &zone("-05:00").expect("offset")),
            Ok("2024-01-15".into())
        );
        assert_eq!(d("Mon, Jan 15, 2024", &utc), Ok("2024-01-15".into()));
        assert_eq!(d("Jan 15, 2024", &utc), Ok("2024-01-15".into()));
        for bad in [
            "15/01/2024",
            "2024-13-01",
            "2024-01-15 25:00",
            "2024-01-15 10:00 XYZ",
            "yesterday",
            "",
        ] {
            assert!(day(bad, &utc).is_err(), "{bad}");
        }
        assert!(day("1850-01-01", &utc).is_err());
        assert!(zone("Mars/Olympus").is_err());
    }
}
