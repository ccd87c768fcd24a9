//! Calendar dates as day numbers, so windows are plain integer ranges.

use std::fmt;

/// The first and last years a feed date may have (SPEC §1).
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2099;

/// A proleptic Gregorian date, stored as days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

impl Date {
    /// Before and after every date (bounds for "no days").
    pub const MIN: Date = Date(i32::MIN);
    pub const MAX: Date = Date(i32::MAX);

    /// Parses exactly `YYYY-MM-DD` in the years [`FIRST_YEAR`]–[`LAST_YEAR`] and rejects dates
    /// that do not exist (2026-02-30). The range keeps a typo (`0001-01-01`) from stretching a
    /// board's span of days over millennia (SPEC §1).
    pub fn parse(text: &str) -> Option<Date> {
        Date::parse_bytes(text.as_bytes())
    }

    /// [`Date::parse`] on bytes (the feed reader's fast path has no `str` at hand).
    pub fn parse_bytes(b: &[u8]) -> Option<Date> {
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = digits(&b[0..4])?;
        let month = digits(&b[5..7])?;
        let day = digits(&b[8..10])?;
        Date::from_ymd(year, month as u32, day as u32)
    }

    /// The date of a year, month and day, with the checks of [`Date::parse`].
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        let (month, day) = (i32::try_from(month).ok()?, i32::try_from(day).ok()?);
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year)
            || !(1..=12).contains(&month)
            || day < 1
            || day > days_in_month(year, month)
        {
            return None;
        }
        Some(Date(days_from_civil(year, month, day)))
    }

    /// The date `n` days later (negative: earlier), saturating at the ends of the range.
    pub fn add_days(self, n: i64) -> Date {
        let v = (self.0 as i64).saturating_add(n);
        Date(v.clamp(i32::MIN as i64, i32::MAX as i64) as i32)
    }

    /// Days since 1970-01-01.
    pub fn day_number(self) -> i32 {
        self.0
    }

    /// `(year, month, day)`.
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }
}

/// [`Date::parse_bytes`] for many dates in a row, most in the month of the one before (a
/// feed's series): the last month's `YYYY-MM-` and first day are kept, so a date in it costs
/// two digit checks and an addition instead of a whole parse (~130 instructions a point, 12 % of
/// reading a large feed, callgrind). Same answers as `parse_bytes`, always.
#[derive(Default)]
pub struct DateReader {
    /// `YYYY-MM-` as read, its day 1, its length in days (0: nothing kept yet).
    month: ([u8; 8], i32, i32),
}

impl DateReader {
    /// Inlined where a point is read; a new month is the rare call.
    #[inline(always)]
    pub fn parse(&mut self, b: &[u8]) -> Option<Date> {
        let (prefix, first, days) = self.month;
        if days > 0 && b.len() == 10 && b[..8] == prefix {
            let day = digits(&b[8..10])?;
            return (1..=days).contains(&day).then(|| Date(first + day - 1));
        }
        self.new_month(b)
    }

    #[inline(never)]
    fn new_month(&mut self, b: &[u8]) -> Option<Date> {
        let date = Date::parse_bytes(b)?;
        let (year, month, day) = date.ymd();
        let prefix = b[..8].try_into().ok()?;
        self.month = (
            prefix,
            date.0 - day as i32 + 1,
            days_in_month(year, month as i32),
        );
        Some(date)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

fn digits(b: &[u8]) -> Option<i32> {
    b.iter().try_fold(0i32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + i32::from(c - b'0'))
    })
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: i32) -> i32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for the whole Gregorian range.
fn days_from_civil(y: i32, m: i32, d: i32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400) as i32 + i32::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(Date::parse("1970-01-01"), Some(Date(0)));
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.to_string()),
            Some("2024-02-29".into())
        );
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "26-01-01",
            "2026-1-01",
            "2026/01/01",
            "2026-01-01T00",
            "２０２６-01-01",
            "",
            "0001-01-01",
            "1899-12-31",
            "2100-01-01",
            "9999-12-31",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    /// Whatever came before, the date reader answers as `parse_bytes`: runs of dates in one
    /// month, month and year ends, invalid days and months after a valid month, bytes that
    /// are not digits where the day goes.
    mod date_reader {
        use super::*;
        use proptest::prelude::*;

        fn prefix() -> impl Strategy<Value = String> {
            let year =
                prop::sample::select(vec!["2024", "2026", "1900", "2000", "2099", "2100", "0001"]);
            let month = prop::sample::select(vec!["01", "02", "04", "12", "00", "13", "1-"]);
            let sep = prop::sample::select(vec!["-", "-", "-", "/"]);
            (year, sep.clone(), month, sep).prop_map(|(y, s1, m, s2)| format!("{y}{s1}{m}{s2}"))
        }

        /// Dates drawn from three months (valid or not), so that most follow one in the same
        /// month, as in a series.
        fn texts() -> impl Strategy<Value = Vec<Vec<u8>>> {
            let day = prop::sample::select(vec![
                "01", "09", "10", "28", "29", "30", "31", "32", "00", "1a", "a1", " 1", "3",
            ]);
            (
                prop::array::uniform3(prefix()),
                prop::collection::vec((0..3usize, day), 1..60),
            )
                .prop_map(|(months, days)| {
                    days.into_iter()
                        .map(|(m, d)| format!("{}{d}", months[m]).into_bytes())
                        .collect()
                })
        }

        proptest! {
            #![proptest_config(crate::proptest_config("tests/regressions/date.txt"))]
            #[test]
            fn answers_as_parse_bytes(texts in texts()) {
                let mut reader = DateReader::default();
                for t in &texts {
                    prop_assert_eq!(reader.parse(t), Date::parse_bytes(t), "{}", String::from_utf8_lossy(t));
                }
            }
        }

        #[test]
        fn a_whole_series_across_month_and_year_ends() {
            let mut reader = DateReader::default();
            let start = Date::parse("2023-12-01").expect("valid");
            for n in 0..800 {
                let text = start.add_days(n).to_string();
                assert_eq!(
                    reader.parse(text.as_bytes()),
                    Some(start.add_days(n)),
                    "{text}"
                );
            }
            assert_eq!(reader.parse(b"2026-02-29"), None);
            assert_eq!(reader.parse(b"2026-02-28"), Date::parse("2026-02-28"));
            assert_eq!(
                reader.parse(b"2026-02-29"),
                None,
                "not a leap year, month kept"
            );
            assert_eq!(reader.parse(b"2024-02-29"), Date::parse("2024-02-29"));
        }
    }

    #[test]
    fn round_trips_and_steps() {
        let d = Date::parse("2026-11-28").expect("valid");
        assert_eq!(d.add_days(-30).to_string(), "2026-10-29");
        assert_eq!(d.add_days(34).to_string(), "2027-01-01");
        assert_eq!(
            Date::parse("1900-01-01").map(|d| d.to_string()),
            Some("1900-01-01".into())
        );
        assert_eq!(
            Date::parse("2099-12-31").map(|d| d.to_string()),
            Some("2099-12-31".into())
        );
        for n in [-25_567, -1, 0, 1, 59, 60, 20_000, 47_481] {
            let date = Date(n);
            assert_eq!(Date::parse(&date.to_string()).map(|x| x.0).unwrap_or(n), n);
        }
    }
}
