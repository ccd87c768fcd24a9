//! JSON feeds. Values are first borrowed as raw JSON text, then each field is checked where
//! it stands, so one pass reports every problem with its path and nothing is copied twice.

use super::check::{self, quote};
use super::{sort_series, Feed, FeedError, Page, Point, Problems, Source, MAX_PAGES, MAX_POINTS};
use serde::de::{Deserializer as _, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::{BTreeMap, HashMap};

type Raw<'a> = Option<&'a RawValue>;

#[derive(Deserialize)]
struct RawFeed<'a> {
    #[serde(borrow)]
    version: Raw<'a>,
    #[serde(borrow)]
    title: Raw<'a>,
    #[serde(borrow)]
    source: Raw<'a>,
    #[serde(borrow)]
    as_of: Raw<'a>,
    #[serde(borrow)]
    pages: Raw<'a>,
}

#[derive(Deserialize)]
struct RawSource<'a> {
    #[serde(borrow)]
    name: Raw<'a>,
    #[serde(borrow)]
    url: Raw<'a>,
}

#[derive(Deserialize)]
struct RawPage<'a> {
    #[serde(borrow)]
    id: Raw<'a>,
    #[serde(borrow)]
    name: Raw<'a>,
    #[serde(borrow)]
    names: Raw<'a>,
    #[serde(borrow)]
    country: Raw<'a>,
    #[serde(borrow)]
    platform: Raw<'a>,
    #[serde(borrow)]
    category: Raw<'a>,
    #[serde(borrow)]
    url: Raw<'a>,
    #[serde(borrow)]
    followers: Raw<'a>,
    #[serde(borrow)]
    series: Raw<'a>,
}

#[derive(Deserialize)]
struct RawPoint<'a> {
    #[serde(borrow)]
    date: Raw<'a>,
    #[serde(borrow)]
    interactions: Raw<'a>,
    #[serde(borrow)]
    posts: Raw<'a>,
    #[serde(borrow)]
    followers: Raw<'a>,
}

/// Reads and validates a JSON feed.
pub(super) fn read(text: &str) -> Result<Feed, FeedError> {
    let raw: RawFeed = serde_json::from_str(text).map_err(top_level_error)?;
    let mut problems = Problems::default();
    match raw.version.map(|v| v.get()) {
        Some("1") => {}
        Some(other) => problems.push(
            "version",
            format!("expected 1, got {}", check::shorten(other, 40)),
        ),
        None => problems.push("version", "required (the feed format version, 1)"),
    }
    let mut feed = Feed {
        title: optional(raw.title, "title", &mut problems, text_field),
        source: raw.source.and_then(|s| read_source(s, &mut problems)),
        as_of: optional(raw.as_of, "as_of", &mut problems, date_field),
        pages: Vec::new(),
    };
    match raw.pages {
        Some(pages) => feed.pages = read_pages(pages, &mut problems),
        None => problems.push("pages", "required (an array of pages)"),
    }
    problems.into_result(feed)
}

fn top_level_error(e: serde_json::Error) -> FeedError {
    let message = strip_position(&e.to_string());
    match e.classify() {
        serde_json::error::Category::Data => {
            if message.starts_with("invalid type") {
                FeedError::one("feed", "expected a JSON object at the top level")
            } else {
                FeedError::one("feed", message)
            }
        }
        _ => FeedError::one(
            format!("line {}, column {}", e.line(), e.column()),
            format!("invalid JSON: {message}"),
        ),
    }
}

/// serde_json appends " at line L column C"; the location is reported separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

fn read_source(raw: &RawValue, problems: &mut Problems) -> Option<Source> {
    let src: RawSource = object(raw, "source", problems)?;
    Some(Source {
        name: optional(src.name, "source.name", problems, text_field),
        url: optional(src.url, "source.url", problems, url_field),
    })
}

fn read_pages(raw: &RawValue, problems: &mut Problems) -> Vec<Page> {
    let Some(items) = array(raw, "pages", MAX_PAGES, "pages", problems) else {
        return Vec::new();
    };
    let mut pages = Vec::with_capacity(items.len());
    let mut first_index: HashMap<String, usize> = HashMap::new();
    // `None` once the point limit is hit: reading stops there.
    let mut points_left = Some(MAX_POINTS);
    for (i, item) in items.into_iter().enumerate() {
        let at = format!("pages[{i}]");
        let Some(page) = read_page(item, &at, &mut points_left, problems) else {
            if points_left.is_none() {
                break;
            }
            continue;
        };
        if let Some(first) = first_index.get(&page.id) {
            problems.push(
                format!("{at}.id"),
                format!(
                    "duplicate id {}, first used at pages[{first}]",
                    quote(&page.id, 64)
                ),
            );
        } else {
            first_index.insert(page.id.clone(), i);
        }
        pages.push(page);
    }
    pages
}

fn read_page(
    raw: &RawValue,
    at: &str,
    points_left: &mut Option<usize>,
    problems: &mut Problems,
) -> Option<Page> {
    let p: RawPage = object(raw, at, problems)?;
    let before = problems.len();
    let id = required(p.id, &format!("{at}.id"), problems, id_field);
    let name = required(p.name, &format!("{at}.name"), problems, text_field);
    let mut page = Page {
        names: p
            .names
            .map(|n| read_names(n, at, problems))
            .unwrap_or_default(),
        country: optional(p.country, &format!("{at}.country"), problems, text_field),
        platform: optional(p.platform, &format!("{at}.platform"), problems, text_field),
        category: optional(p.category, &format!("{at}.category"), problems, text_field),
        url: optional(p.url, &format!("{at}.url"), problems, url_field),
        followers: optional(
            p.followers,
            &format!("{at}.followers"),
            problems,
            count_field,
        ),
        ..Page::default()
    };
    page.series = match p.series {
        Some(series) => read_series(series, at, points_left, problems),
        None => Vec::new(),
    };
    if problems.len() != before {
        return None;
    }
    page.id = id?;
    page.name = name?;
    sort_series(&mut page);
    Some(page)
}

fn read_names(raw: &RawValue, at: &str, problems: &mut Problems) -> BTreeMap<String, String> {
    let here = format!("{at}.names");
    let Some(map) = object::<BTreeMap<String, &RawValue>>(raw, &here, problems) else {
        return BTreeMap::new();
    };
    let mut names = BTreeMap::new();
    for (tag, value) in map {
        let key_at = if !tag.is_empty()
            && tag
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            format!("{here}.{tag}")
        } else {
            format!(
                "{here}[{}]",
                serde_json::to_string(&tag).unwrap_or_default()
            )
        };
        if value.get() == "null" {
            continue;
        }
        if let Some(name) = required(Some(value), &key_at, problems, text_field) {
            names.insert(tag, name);
        }
    }
    names
}

fn read_series(
    raw: &RawValue,
    at: &str,
    points_left: &mut Option<usize>,
    problems: &mut Problems,
) -> Vec<Point> {
    let here = format!("{at}.series");
    let left = points_left.unwrap_or(0);
    let Some(items) = array(raw, &here, left, "points", problems) else {
        if raw.get().starts_with('[') {
            *points_left = None;
        }
        return Vec::new();
    };
    *points_left = Some(left - items.len());
    let mut points = Vec::with_capacity(items.len());
    let mut seen = HashMap::new();
    let mut total: u64 = 0;
    for (j, item) in items.into_iter().enumerate() {
        let pat = format!("{here}[{j}]");
        let Some(point) = read_point(item, &pat, problems) else {
            continue;
        };
        if let Some(first) = seen.get(&point.date) {
            problems.push(
                format!("{pat}.date"),
                format!("duplicate date {}, first at {here}[{first}]", point.date),
            );
            continue;
        }
        seen.insert(point.date, j);
        total = total.saturating_add(point.interactions);
        points.push(point);
    }
    if total > check::MAX_SAFE_INTEGER {
        problems.push(
            here,
            format!(
                "total interactions over all points must be at most {} (2^53-1), got {total}",
                check::MAX_SAFE_INTEGER
            ),
        );
    }
    points
}

fn read_point(raw: &RawValue, at: &str, problems: &mut Problems) -> Option<Point> {
    let p: RawPoint = object(raw, at, problems)?;
    let date = required(p.date, &format!("{at}.date"), problems, date_field);
    let interactions = required(
        p.interactions,
        &format!("{at}.interactions"),
        problems,
        count_field,
    );
    let posts = optional(p.posts, &format!("{at}.posts"), problems, count_field);
    let followers = optional(
        p.followers,
        &format!("{at}.followers"),
        problems,
        count_field,
    );
    Some(Point {
        date: date?,
        interactions: interactions?,
        posts,
        followers,
    })
}

// ---- field readers: each turns raw JSON into a value or a message ----

fn string_field(raw: &RawValue) -> Result<String, String> {
    let text = raw.get();
    if text.starts_with('"') {
        serde_json::from_str(text)
            .map_err(|e| format!("invalid string: {}", strip_position(&e.to_string())))
    } else {
        Err(format!("expected a string, got {}", describe(text)))
    }
}

fn text_field(raw: &RawValue) -> Result<String, String> {
    let s = string_field(raw)?;
    check::text(&s).map(|()| s)
}

fn id_field(raw: &RawValue) -> Result<String, String> {
    let s = string_field(raw)?;
    check::id(&s).map(|()| s)
}

fn url_field(raw: &RawValue) -> Result<String, String> {
    let s = string_field(raw)?;
    check::url(&s).map(|()| s)
}

fn date_field(raw: &RawValue) -> Result<crate::date::Date, String> {
    check::date(&string_field(raw)?)
}

fn count_field(raw: &RawValue) -> Result<u64, String> {
    check::count(raw.get())
}

/// A short description of an unexpected JSON value, for messages.
fn describe(text: &str) -> String {
    match text.as_bytes().first() {
        Some(b'{') => "an object".into(),
        Some(b'[') => "an array".into(),
        Some(b'"') => format!("the string {}", check::shorten(text, 40)),
        _ => check::shorten(text, 40),
    }
}

fn required<T>(
    raw: Raw<'_>,
    at: &str,
    problems: &mut Problems,
    read: fn(&RawValue) -> Result<T, String>,
) -> Option<T> {
    match raw {
        Some(raw) => optional(Some(raw), at, problems, read),
        None => {
            problems.push(at, "required");
            None
        }
    }
}

fn optional<T>(
    raw: Raw<'_>,
    at: &str,
    problems: &mut Problems,
    read: fn(&RawValue) -> Result<T, String>,
) -> Option<T> {
    match read(raw?) {
        Ok(v) => Some(v),
        Err(message) => {
            problems.push(at, message);
            None
        }
    }
}

fn object<'a, T: Deserialize<'a>>(
    raw: &'a RawValue,
    at: &str,
    problems: &mut Problems,
) -> Option<T> {
    if !raw.get().starts_with('{') {
        problems.push(
            at,
            format!("expected an object, got {}", describe(raw.get())),
        );
        return None;
    }
    match serde_json::from_str(raw.get()) {
        Ok(v) => Some(v),
        Err(e) => {
            problems.push(at, strip_position(&e.to_string()));
            None
        }
    }
}

/// The items of a JSON array, refusing more than `limit` without collecting them.
fn array<'a>(
    raw: &'a RawValue,
    at: &str,
    limit: usize,
    what: &str,
    problems: &mut Problems,
) -> Option<Vec<&'a RawValue>> {
    if !raw.get().starts_with('[') {
        problems.push(
            at,
            format!("expected an array, got {}", describe(raw.get())),
        );
        return None;
    }
    let mut de = serde_json::Deserializer::from_str(raw.get());
    match de.deserialize_seq(Bounded { limit }) {
        Ok(items) => Some(items),
        Err(_) => {
            let max = if what == "pages" {
                MAX_PAGES
            } else {
                MAX_POINTS
            };
            problems.push(
                at,
                format!("the feed has more than {max} {what}, the limit"),
            );
            None
        }
    }
}

struct Bounded {
    limit: usize,
}

impl<'de> Visitor<'de> for Bounded {
    type Value = Vec<&'de RawValue>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<&'de RawValue>()? {
            if items.len() == self.limit {
                return Err(serde::de::Error::custom("too many items"));
            }
            items.push(item);
        }
        Ok(items)
    }
}
