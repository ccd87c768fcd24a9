//! The feed: its model, its limits and the one entry point that reads JSON or CSV.

pub mod check;
mod csv;
mod csv_reader;
mod json;
mod json_lexer;
mod json_point;
#[cfg(not(target_arch = "wasm32"))]
mod json_split;

use crate::date::Date;
use crate::small_map::SmallMap;
use std::fmt;

pub use check::MAX_SAFE_INTEGER;

/// Largest feed accepted, in bytes.
pub const MAX_FEED_BYTES: usize = 32 * 1024 * 1024;
/// Largest number of pages in one feed.
pub const MAX_PAGES: usize = 100_000;
/// Largest number of series points in one feed, over all pages.
pub const MAX_POINTS: usize = 5_000_000;

/// Most entries in one `names`, `titles` or `source.names` map.
pub const MAX_MAP_ENTRIES: usize = 64;

/// A validated feed. Every invariant of SPEC §1 holds for a value of this type.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Feed {
    pub title: Option<String>,
    /// Locale tag → the board's title in that language.
    pub titles: SmallMap<String>,
    pub source: Option<Source>,
    pub as_of: Option<Date>,
    /// The language of `title` and `source.name` (SPEC §1 `lang`).
    pub lang: Option<String>,
    pub pages: Vec<Page>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Source {
    pub name: Option<String>,
    /// Locale tag → the source's name in that language.
    pub names: SmallMap<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub id: String,
    pub name: String,
    /// Locale tag → display name.
    pub names: SmallMap<String>,
    pub country: Option<String>,
    pub platform: Option<String>,
    pub category: Option<String>,
    pub url: Option<String>,
    pub followers: Option<u64>,
    /// The language of `name` (SPEC §1 `pages[].lang`).
    pub lang: Option<String>,
    /// Sorted by date, one point per date.
    pub series: Vec<Point>,
}

/// One day of a page. 32 bytes rather than 48: a feed holds up to 5,000,000 of them (160 MB
/// instead of 240 in a reader's tab), and the ranking reads them in order, so fewer bytes are
/// fewer cache lines and fewer fresh pages (ranking a 22 MB feed natively: 322 M → 303 M
/// instructions, 5,588 → 4,221 page faults). An absent `posts` or `followers` is kept as
/// `u64::MAX` rather than in an `Option` (whose tag takes 8 bytes more each): every count is
/// at most 2^53 − 1 (SPEC §1).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Point {
    pub date: Date,
    pub interactions: u64,
    posts: u64,
    followers: u64,
}

const ABSENT: u64 = u64::MAX;

impl Point {
    pub fn new(date: Date, interactions: u64, posts: Option<u64>, followers: Option<u64>) -> Point {
        debug_assert!(posts.max(followers).is_none_or(|n| n <= MAX_SAFE_INTEGER));
        Point {
            date,
            interactions,
            posts: posts.unwrap_or(ABSENT),
            followers: followers.unwrap_or(ABSENT),
        }
    }

    pub fn posts(&self) -> Option<u64> {
        (self.posts != ABSENT).then_some(self.posts)
    }

    pub fn followers(&self) -> Option<u64> {
        (self.followers != ABSENT).then_some(self.followers)
    }
}

/// As the fields read (an absent count as `None`, not as the `u64::MAX` kept).
impl fmt::Debug for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Point")
            .field("date", &self.date)
            .field("interactions", &self.interactions)
            .field("posts", &self.posts())
            .field("followers", &self.followers())
            .finish()
    }
}

impl Page {
    /// The name shown for `locale`: exact tag, then its language, then `name` (SPEC §2a).
    pub fn display_name(&self, locale: &str) -> &str {
        localized(&self.names, locale).unwrap_or(&self.name)
    }

    /// The language of [`Page::display_name`]: the `names` key it came from, else `lang`.
    pub fn display_name_lang(&self, locale: &str) -> Option<&str> {
        localized_key(&self.names, locale).or(self.lang.as_deref())
    }
}

/// The key [`localized`] takes its text from.
pub fn localized_key<'m>(map: &'m SmallMap<String>, locale: &str) -> Option<&'m str> {
    let language = locale.split('-').next().unwrap_or(locale);
    map.get_key_value(locale)
        .or_else(|| map.get_key_value(language))
        .map(|(k, _)| k)
}

/// The language to mark on text in `text_lang` shown on a board in `board_lang`: `None` when
/// it is unknown or the same language (`ar-EG` text on an `ar` board needs no mark).
pub fn foreign_lang(text_lang: Option<&str>, board_lang: &str) -> Option<String> {
    let primary = |t: &str| t.split('-').next().unwrap_or(t).to_ascii_lowercase();
    let t = text_lang?;
    (primary(t) != primary(board_lang)).then(|| t.to_string())
}

/// `map[tag]` for the exact locale tag, else `map[language]` (`ar-EG` → `ar`), as SPEC §2a
/// chooses page names, titles and source names.
pub fn localized<'m>(map: &'m SmallMap<String>, locale: &str) -> Option<&'m str> {
    let language = locale.split('-').next().unwrap_or(locale);
    map.get(locale)
        .or_else(|| map.get(language))
        .map(String::as_str)
}

impl Feed {
    /// The board's title for `locale` (`titles`, then `title`), if the feed has one.
    pub fn display_title(&self, locale: &str) -> Option<&str> {
        localized(&self.titles, locale).or(self.title.as_deref())
    }

    /// The language of [`Feed::display_title`]: the `titles` key, else the feed's `lang`.
    pub fn display_title_lang(&self, locale: &str) -> Option<&str> {
        localized_key(&self.titles, locale).or(self.lang.as_deref())
    }

    /// The language of [`Feed::display_source_name`].
    pub fn display_source_lang(&self, locale: &str) -> Option<&str> {
        let source = self.source.as_ref()?;
        localized_key(&source.names, locale).or(self.lang.as_deref())
    }

    /// The source's name for `locale` (`source.names`, then `source.name`).
    pub fn display_source_name(&self, locale: &str) -> Option<&str> {
        let source = self.source.as_ref()?;
        localized(&source.names, locale).or(source.name.as_deref())
    }

    /// The latest point date anywhere in the feed.
    pub fn latest_date(&self) -> Option<Date> {
        self.pages
            .iter()
            .filter_map(|p| p.series.last().map(|pt| pt.date))
            .max()
    }

    /// The date the board is "as of": `as_of`, else the latest point date.
    pub fn effective_as_of(&self) -> Option<Date> {
        self.as_of.or_else(|| self.latest_date())
    }

    /// Total number of points over all pages.
    pub fn point_count(&self) -> usize {
        self.pages.iter().map(|p| p.series.len()).sum()
    }
}

/// One problem in a feed, with the place it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// A JSON path (`pages[3].series[2].interactions`), a CSV place (`line 4, column 3 (posts)`)
    /// or `feed` for the whole input.
    pub location: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Why a feed was rejected: every problem found, in input order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct FeedError {
    pub problems: Vec<Problem>,
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl FeedError {
    pub(crate) fn one(location: impl Into<String>, message: impl Into<String>) -> Self {
        FeedError {
            problems: vec![Problem {
                location: location.into(),
                message: message.into(),
            }],
        }
    }
}

/// Problems listed at most: past this they are counted, not kept, so any input gives a
/// bounded report (a hostile feed can hold millions of bad values).
pub const MAX_PROBLEMS: usize = 1000;

/// Collects problems while a reader carries on past the first one.
#[derive(Debug, Default)]
pub(crate) struct Problems {
    list: Vec<Problem>,
    /// Every problem found, kept or not.
    total: usize,
}

impl Problems {
    /// Records a problem; the location is only written out if the problem is kept.
    pub(crate) fn push(&mut self, location: impl fmt::Display, message: impl Into<String>) {
        self.total += 1;
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(Problem {
                location: location.to_string(),
                message: message.into(),
            });
        }
    }

    /// How many problems were found so far (a reader compares counts to see if a value had any).
    pub(crate) fn len(&self) -> usize {
        self.total
    }

    /// Forgets the problems found after the first `count` (a size limit replaces them).
    pub(crate) fn truncate(&mut self, count: usize) {
        self.list.truncate(count);
        self.total = count;
    }

    pub(crate) fn into_result<T>(mut self, value: T) -> Result<T, FeedError> {
        if self.total == 0 {
            return Ok(value);
        }
        if self.total > self.list.len() {
            let more = self.total - self.list.len();
            self.list.push(Problem {
                location: "feed".into(),
                message: format!("{more} more problems not listed (the first {MAX_PROBLEMS} are)"),
            });
        }
        Err(FeedError {
            problems: self.list,
        })
    }
}

/// Reads a feed from bytes: BOM skipped, JSON if the first non-blank byte is `{`, else CSV.
pub fn parse(bytes: &[u8]) -> Result<Feed, FeedError> {
    if bytes.len() > MAX_FEED_BYTES {
        return Err(FeedError::one(
            "feed",
            format!(
                "the feed is {} bytes; the limit is {MAX_FEED_BYTES} bytes (32 MiB)",
                bytes.len()
            ),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
        FeedError::one(
            format!("line {line}"),
            format!("the feed is not valid UTF-8 (byte {})", at + 1),
        )
    })?;
    let first = text
        .trim_start_matches([' ', '\t', '\r', '\n'])
        .chars()
        .next();
    if first == Some('{') {
        json::read(text)
    } else {
        csv::read(text)
    }
}

/// Puts a page's points in date order; both readers call it so JSON and CSV give equal feeds.
pub(crate) fn sort_series(page: &mut Page) {
    if !page.series.is_sorted_by_key(|p| p.date) {
        crate::order::sort_by(&mut page.series, |a, b| a.date.cmp(&b.date));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_is_32_bytes_and_keeps_every_count() {
        assert_eq!(std::mem::size_of::<Point>(), 32);
        let day = Date::parse("2026-11-28").expect("date");
        for n in [None, Some(0), Some(1), Some(check::MAX_SAFE_INTEGER)] {
            let p = Point::new(day, 5, n, n);
            assert_eq!((p.posts(), p.followers()), (n, n));
        }
        let p = Point::new(day, 5, Some(0), None);
        assert_eq!((p.posts(), p.followers()), (Some(0), None));
        assert!(format!("{p:?}").ends_with("posts: Some(0), followers: None }"));
    }
}
