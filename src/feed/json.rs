//! JSON feeds. Values are first borrowed as raw JSON text, then each field is checked where
//! it stands, so one pass reports every problem with its path and nothing is copied twice.

use super::check::{self, quote};
use super::{Feed, FeedError, Page, Point, Problems, Source, MAX_PAGES, MAX_POINTS};
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
        title: optional(raw.title, &Loc::root("title"), &mut problems, text_field),
        source: raw.source.and_then(|s| read_source(s, &mut problems)),
        as_of: optional(raw.as_of, &Loc::root("as_of"), &mut problems, date_field),
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

/// Where a value stands in the feed, built without allocating: written out only when a
/// problem is reported (most values have none, and feeds hold millions of them).
#[derive(Clone, Copy)]
enum Loc<'a> {
    Field(Option<&'a Loc<'a>>, &'a str),
    Index(&'a Loc<'a>, usize),
}

impl<'a> Loc<'a> {
    const fn root(name: &'a str) -> Loc<'a> {
        Loc::Field(None, name)
    }

    fn field(&'a self, name: &'a str) -> Loc<'a> {
        Loc::Field(Some(self), name)
    }

    fn index(&'a self, i: usize) -> Loc<'a> {
        Loc::Index(self, i)
    }
}

impl std::fmt::Display for Loc<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Loc::Field(None, name) => f.write_str(name),
            Loc::Field(Some(parent), name) => write!(f, "{parent}.{name}"),
            Loc::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

fn read_source(raw: &RawValue, problems: &mut Problems) -> Option<Source> {
    let at = Loc::root("source");
    let src: RawSource = object(raw, &at, problems)?;
    Some(Source {
        name: optional(src.name, &at.field("name"), problems, text_field),
        url: optional(src.url, &at.field("url"), problems, url_field),
    })
}

fn read_pages(raw: &RawValue, problems: &mut Problems) -> Vec<Page> {
    let root = Loc::root("pages");
    let Some(items) = array(raw, &root, MAX_PAGES, "pages", problems) else {
        return Vec::new();
    };
    let mut pages = Vec::with_capacity(items.len());
    let mut first_index: HashMap<String, usize> = HashMap::with_capacity(items.len());
    // `None` once the point limit is hit: reading stops there.
    let mut points_left = Some(MAX_POINTS);
    for (i, item) in items.into_iter().enumerate() {
        let at = root.index(i);
        let Some(page) = read_page(item, &at, &mut points_left, problems) else {
            if points_left.is_none() {
                break;
            }
            continue;
        };
        if let Some(first) = first_index.get(&page.id) {
            problems.push(
                at.field("id").to_string(),
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
    at: &Loc<'_>,
    points_left: &mut Option<usize>,
    problems: &mut Problems,
) -> Option<Page> {
    let p: RawPage = object(raw, at, problems)?;
    let before = problems.len();
    let id = required(p.id, &at.field("id"), problems, id_field);
    let name = required(p.name, &at.field("name"), problems, text_field);
    let mut page = Page {
        names: p
            .names
            .map(|n| read_names(n, &at.field("names"), problems))
            .unwrap_or_default(),
        country: optional(p.country, &at.field("country"), problems, text_field),
        platform: optional(p.platform, &at.field("platform"), problems, text_field),
        category: optional(p.category, &at.field("category"), problems, text_field),
        url: optional(p.url, &at.field("url"), problems, url_field),
        followers: optional(p.followers, &at.field("followers"), problems, count_field),
        ..Page::default()
    };
    page.series = match p.series {
        Some(series) => read_series(series, &at.field("series"), points_left, problems),
        None => Vec::new(),
    };
    if problems.len() != before {
        return None;
    }
    page.id = id?;
    page.name = name?;
    Some(page)
}

fn read_names(raw: &RawValue, at: &Loc<'_>, problems: &mut Problems) -> BTreeMap<String, String> {
    let Some(map) = object::<BTreeMap<String, &RawValue>>(raw, at, problems) else {
        return BTreeMap::new();
    };
    let mut names = BTreeMap::new();
    for (tag, value) in map {
        if value.get() == "null" {
            continue;
        }
        let simple = !tag.is_empty()
            && tag
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        // `names.en`, or `names["a b"]` for a tag that is not a plain word.
        let shown = if simple {
            format!("{at}.{tag}")
        } else {
            format!("{at}[{}]", serde_json::to_string(&tag).unwrap_or_default())
        };
        if let Some(name) = required(Some(value), &Loc::root(&shown), problems, text_field) {
            names.insert(tag, name);
        }
    }
    names
}

fn read_series(
    raw: &RawValue,
    at: &Loc<'_>,
    points_left: &mut Option<usize>,
    problems: &mut Problems,
) -> Vec<Point> {
    let left = points_left.unwrap_or(0);
    let Some(items) = array(raw, at, left, "points", problems) else {
        if raw.get().starts_with('[') {
            *points_left = None;
        }
        return Vec::new();
    };
    *points_left = Some(left - items.len());
    let mut points: Vec<(Point, usize)> = Vec::with_capacity(items.len());
    let mut total: u64 = 0;
    for (j, item) in items.into_iter().enumerate() {
        if let Some(point) = read_point(item, &at.index(j), problems) {
            total = total.saturating_add(point.interactions);
            points.push((point, j));
        }
    }
    // Date order (a stable sort keeps a duplicated date's first occurrence first), then any
    // date seen twice is reported at its later occurrence.
    points.sort_by_key(|(p, _)| p.date);
    let mut kept: Vec<Point> = Vec::with_capacity(points.len());
    let mut first_of_date = 0;
    for (k, (point, j)) in points.iter().enumerate() {
        if k > 0 && points[k - 1].0.date == point.date {
            let first = points[first_of_date].1;
            total -= point.interactions;
            problems.push(
                at.index(*j).field("date").to_string(),
                format!("duplicate date {}, first at {at}[{first}]", point.date),
            );
            continue;
        }
        first_of_date = k;
        kept.push(*point);
    }
    if total > check::MAX_SAFE_INTEGER {
        problems.push(
            at.to_string(),
            format!(
                "total interactions over all points must be at most {} (2^53-1), got {total}",
                check::MAX_SAFE_INTEGER
            ),
        );
    }
    kept
}

fn read_point(raw: &RawValue, at: &Loc<'_>, problems: &mut Problems) -> Option<Point> {
    let p: RawPoint = object(raw, at, problems)?;
    let date = required(p.date, &at.field("date"), problems, date_field);
    let interactions = required(
        p.interactions,
        &at.field("interactions"),
        problems,
        count_field,
    );
    let posts = optional(p.posts, &at.field("posts"), problems, count_field);
    let followers = optional(p.followers, &at.field("followers"), problems, count_field);
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
    at: &Loc<'_>,
    problems: &mut Problems,
    read: fn(&RawValue) -> Result<T, String>,
) -> Option<T> {
    match raw {
        Some(raw) => optional(Some(raw), at, problems, read),
        None => {
            problems.push(at.to_string(), "required");
            None
        }
    }
}

fn optional<T>(
    raw: Raw<'_>,
    at: &Loc<'_>,
    problems: &mut Problems,
    read: fn(&RawValue) -> Result<T, String>,
) -> Option<T> {
    match read(raw?) {
        Ok(v) => Some(v),
        Err(message) => {
            problems.push(at.to_string(), message);
            None
        }
    }
}

fn object<'a, T: Deserialize<'a>>(
    raw: &'a RawValue,
    at: &Loc<'_>,
    problems: &mut Problems,
) -> Option<T> {
    if !raw.get().starts_with('{') {
        problems.push(
            at.to_string(),
            format!("expected an object, got {}", describe(raw.get())),
        );
        return None;
    }
    match serde_json::from_str(raw.get()) {
        Ok(v) => Some(v),
        Err(e) => {
            problems.push(at.to_string(), strip_position(&e.to_string()));
            None
        }
    }
}

/// The items of a JSON array, refusing more than `limit` without collecting them.
fn array<'a>(
    raw: &'a RawValue,
    at: &Loc<'_>,
    limit: usize,
    what: &str,
    problems: &mut Problems,
) -> Option<Vec<&'a RawValue>> {
    if !raw.get().starts_with('[') {
        problems.push(
            at.to_string(),
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
                at.to_string(),
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
