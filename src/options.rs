//! Ranking options (SPEC §2) and how they are read from text (CLI flags, element attributes).

use crate::date::Date;
use std::fmt;
use std::str::FromStr;

/// The value a page is ranked by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Metric {
    #[default]
    Interactions,
    PerPost,
    EngagementRate,
    Growth,
}

/// The span of days summed for each page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// The last N days up to and including the as-of date.
    Days(u32),
    /// Every date up to and including the as-of date.
    All,
}

impl Default for Window {
    fn default() -> Self {
        Window::Days(30)
    }
}

/// How tied values share ranks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Ties {
    /// 1, 2, 2, 4
    #[default]
    Competition,
    /// 1, 2, 2, 3
    Dense,
}

/// Everything that decides which rows a ranking holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankOptions {
    pub metric: Metric,
    pub window: Window,
    pub ties: Ties,
    /// At least 1.
    pub top: usize,
    pub country: Option<String>,
    pub platform: Option<String>,
    pub category: Option<String>,
    pub pin: Option<String>,
    /// The day ranked (D), instead of the feed's `as_of` or latest date.
    pub as_of: Option<Date>,
}

impl Default for RankOptions {
    fn default() -> Self {
        RankOptions {
            metric: Metric::default(),
            window: Window::default(),
            ties: Ties::default(),
            top: 10,
            country: None,
            platform: None,
            category: None,
            pin: None,
            as_of: None,
        }
    }
}

/// An option value that is not one of the allowed ones.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid value \"{value}\" for {option}: expected {expected}")]
pub struct OptionError {
    pub option: &'static str,
    pub value: String,
    pub expected: &'static str,
}

impl Metric {
    pub const ALL: [Metric; 4] = [
        Metric::Interactions,
        Metric::PerPost,
        Metric::EngagementRate,
        Metric::Growth,
    ];

    /// The name used in options and in `rank` output.
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Interactions => "interactions",
            Metric::PerPost => "per_post",
            Metric::EngagementRate => "engagement_rate",
            Metric::Growth => "growth",
        }
    }
}

impl FromStr for Metric {
    type Err = OptionError;
    fn from_str(s: &str) -> Result<Self, OptionError> {
        Metric::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| OptionError {
                option: "metric",
                value: s.into(),
                expected: "interactions, per_post, engagement_rate or growth",
            })
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Window {
    type Err = OptionError;
    fn from_str(s: &str) -> Result<Self, OptionError> {
        if s == "all" {
            return Ok(Window::All);
        }
        let days = s
            .strip_suffix('d')
            .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|&n| n >= 1);
        days.map(Window::Days).ok_or_else(|| OptionError {
            option: "window",
            value: s.into(),
            expected: "a number of days such as 30d (1 to 4294967295), or all",
        })
    }
}

impl fmt::Display for Window {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Window::Days(n) => write!(f, "{n}d"),
            Window::All => f.write_str("all"),
        }
    }
}

impl Ties {
    pub fn as_str(self) -> &'static str {
        match self {
            Ties::Competition => "competition",
            Ties::Dense => "dense",
        }
    }
}

impl FromStr for Ties {
    type Err = OptionError;
    fn from_str(s: &str) -> Result<Self, OptionError> {
        match s {
            "competition" => Ok(Ties::Competition),
            "dense" => Ok(Ties::Dense),
            _ => Err(OptionError {
                option: "ties",
                value: s.into(),
                expected: "competition or dense",
            }),
        }
    }
}

impl fmt::Display for Ties {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Reads `top`: an integer of at least 1.
pub fn parse_top(s: &str) -> Result<usize, OptionError> {
    s.parse::<usize>()
        .ok()
        .filter(|&n| n >= 1 && s.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| OptionError {
            option: "top",
            value: s.into(),
            expected: "an integer of at least 1",
        })
}

/// Reads a date option (`as-of`, `replay-from`): `YYYY-MM-DD` in the feed's years, 1900–2099.
pub fn parse_date(option: &'static str, s: &str) -> Result<Date, OptionError> {
    Date::parse(s).ok_or_else(|| OptionError {
        option,
        value: s.into(),
        expected: "a date YYYY-MM-DD from 1900-01-01 to 2099-12-31",
    })
}

/// The share card's default size (SPEC §4 "Share"), and the bounds of each side.
pub const DEFAULT_CARD_SIZE: (u32, u32) = (1200, 675);
const MIN_CARD_SIDE: u32 = 200;
const MAX_CARD_SIDE: u32 = 4096;

/// A share card's size (the `share` attribute, `render --card`, `snapshot()`): empty means the
/// default; else `WxH`, each 200–4096.
pub fn parse_card_size(value: &str) -> Option<(u32, u32)> {
    if value.is_empty() {
        return Some(DEFAULT_CARD_SIZE);
    }
    let (w, h) = value.split_once(['x', 'X', '×'])?;
    let side = |s: &str| {
        let n: u32 = s.trim().parse().ok()?;
        (MIN_CARD_SIDE..=MAX_CARD_SIDE).contains(&n).then_some(n)
    };
    Some((side(w)?, side(h)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_prints_options() {
        assert_eq!("30d".parse(), Ok(Window::Days(30)));
        assert_eq!(
            "007d".parse::<Window>().map(|w| w.to_string()),
            Ok("7d".into())
        );
        assert_eq!("all".parse(), Ok(Window::All));
        for bad in [
            "0d",
            "d",
            "30",
            "-1d",
            "1.5d",
            "30D",
            " 30d",
            "99999999999d",
        ] {
            assert!(bad.parse::<Window>().is_err(), "{bad}");
        }
        assert_eq!("per_post".parse(), Ok(Metric::PerPost));
        assert!("Interactions".parse::<Metric>().is_err());
        assert_eq!("dense".parse(), Ok(Ties::Dense));
        assert_eq!(parse_top("3"), Ok(3));
        assert!(parse_top("0").is_err());
        assert!(parse_top("+3").is_err());
        assert!(parse_top("2.0").is_err());
        assert_eq!(
            parse_date("as-of", "2026-11-28").map(|d| d.to_string()),
            Ok("2026-11-28".into())
        );
        for bad in [
            "2026-11-31",
            "1899-12-31",
            "2100-01-01",
            "2026-1-1",
            " 2026-11-28",
            "",
        ] {
            assert!(parse_date("as-of", bad).is_err(), "{bad}");
        }
    }
}
