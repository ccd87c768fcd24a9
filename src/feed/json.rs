//! JSON feeds, read in one pass by a small scanner (json_lexer.rs): every known field is
//! checked where it stands, every problem is collected with its path, unknown fields are
//! skipped, and the size limits are enforced while reading.

use super::check::{self, quote};
use super::json_lexer::{Kind, Lexer, Syntax, Val};
#[cfg(feature = "api")]
use super::json_point;
use super::{
    Feed, FeedError, Page, Point, Problems, Source, MAX_MAP_ENTRIES, MAX_PAGES, MAX_POINTS,
};
use crate::date::Date;
use std::collections::{BTreeMap, HashMap};

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

/// Reads and validates a JSON feed (the text starts, after blanks, with `{`).
pub(super) fn read(text: &str) -> Result<Feed, FeedError> {
    let mut r = Reader {
        lx: Lexer::new(text),
        problems: Problems::default(),
        points_left: MAX_POINTS,
        stopped: false,
        scratch: Vec::new(),
    };
    match r.feed() {
        Ok(feed) => r.problems.into_result(feed),
        Err(e) => {
            let (line, column) = r.lx.position(&e);
            Err(FeedError::one(
                format!("line {line}, column {column}"),
                format!("invalid JSON: {}", e.message),
            ))
        }
    }
}

struct Reader<'a> {
    lx: Lexer<'a>,
    problems: Problems,
    points_left: usize,
    /// A limit was hit: the rest is only checked for syntax.
    stopped: bool,
    /// One page's points as read, reused for every page: a page's series is then allocated once,
    /// at its final size, instead of growing by doubling (4,000 pages × 90 points: ~24,000
    /// allocations, reallocations and copies fewer).
    scratch: Vec<(Point, usize)>,
}

/// A field as read: absent (or null), present but invalid (already reported), or its value.
enum Field<T> {
    Absent,
    Invalid,
    Value(T),
}

/// Remembers which known fields an object had, to report a repeated one.
struct Seen<'k> {
    names: &'k [&'k str],
    seen: u32,
}

impl<'k> Seen<'k> {
    fn new(names: &'k [&'k str]) -> Self {
        Seen { names, seen: 0 }
    }

    /// The field's index if it is a known field seen for the first time; a repeat is
    /// reported and `None` returned (its value is then skipped).
    fn first(&mut self, key: &str, at: &Loc<'_>, problems: &mut Problems) -> Option<usize> {
        let i = self.names.iter().position(|n| *n == key)?;
        if self.seen & (1 << i) != 0 {
            problems.push(at.to_string(), format!("duplicate field `{key}`"));
            return None;
        }
        self.seen |= 1 << i;
        Some(i)
    }
}

const FEED_FIELDS: [&str; 7] = [
    "version", "title", "titles", "source", "as_of", "lang", "pages",
];
const PAGE_FIELDS: [&str; 10] = [
    "id",
    "name",
    "names",
    "country",
    "platform",
    "category",
    "url",
    "followers",
    "lang",
    "series",
];
const POINT_FIELDS: [&str; 4] = ["date", "interactions", "posts", "followers"];

impl<'a> Reader<'a> {
    fn feed(&mut self) -> Result<Feed, Syntax> {
        let top = Loc::root("feed");
        let mut feed = Feed::default();
        let mut seen = Seen::new(&FEED_FIELDS);
        let mut version_given = false;
        let mut pages_given = false;
        if self.lx.peek() != Some(b'{') {
            self.lx.value()?; // unreachable after detection, but never a panic
            self.problems
                .push("feed", "expected a JSON object at the top level");
            return Ok(feed);
        }
        self.lx.open();
        let mut first = true;
        while let Some(key) = self.lx.next_key(&mut first)? {
            let Some(field) = seen.first(&key, &top, &mut self.problems) else {
                self.lx.skip_value()?;
                continue;
            };
            match FEED_FIELDS[field] {
                "version" => {
                    let v = self.lx.value()?;
                    version_given = !v.is_null();
                    if version_given && v.raw != "1" {
                        let got = check::shorten(v.raw, 40);
                        self.problems
                            .push("version", format!("expected 1, got {got}"));
                    }
                }
                "title" => feed.title = self.optional(&Loc::root("title"), text_field)?,
                "titles" => feed.titles = self.text_map(&Loc::root("titles"))?,
                "source" => feed.source = self.source()?,
                "as_of" => feed.as_of = self.optional(&Loc::root("as_of"), date_field)?,
                "lang" => feed.lang = self.optional(&Loc::root("lang"), lang_field)?,
                _ => {
                    pages_given = self.lx.peek() != Some(b'n');
                    feed.pages = self.pages()?;
                }
            }
        }
        self.lx.end()?;
        if !version_given {
            self.problems
                .push("version", "required (the feed format version, 1)");
        }
        if !pages_given {
            self.problems.push("pages", "required (an array of pages)");
        }
        Ok(feed)
    }

    /// A scalar field: its value, or null (absent), or a reported problem.
    fn field<T>(
        &mut self,
        at: &Loc<'_>,
        read: fn(&Val<'_>) -> Result<T, String>,
    ) -> Result<Field<T>, Syntax> {
        let v = self.lx.value()?;
        if v.is_null() {
            return Ok(Field::Absent);
        }
        Ok(match read(&v) {
            Ok(x) => Field::Value(x),
            Err(message) => {
                self.problems.push(at, message);
                Field::Invalid
            }
        })
    }

    /// A scalar field that may be absent (or null).
    fn optional<T>(
        &mut self,
        at: &Loc<'_>,
        read: fn(&Val<'_>) -> Result<T, String>,
    ) -> Result<Option<T>, Syntax> {
        Ok(match self.field(at, read)? {
            Field::Value(v) => Some(v),
            _ => None,
        })
    }

    /// Reports a required field that was absent (an invalid one was reported already).
    fn require<T>(&mut self, at: &Loc<'_>, name: &str, field: Field<T>) -> Option<T> {
        match field {
            Field::Value(v) => Some(v),
            Field::Invalid => None,
            Field::Absent => {
                self.problems.push(at.field(name), "required");
                None
            }
        }
    }

    /// Where an object or array was expected but something else stands: report and skip it.
    fn wrong_container(&mut self, at: &Loc<'_>, expected: &str) -> Result<(), Syntax> {
        let v = self.lx.value()?;
        if !v.is_null() {
            self.problems
                .push(at, format!("expected {expected}, got {}", describe(&v)));
        }
        Ok(())
    }

    fn source(&mut self) -> Result<Option<Source>, Syntax> {
        let at = Loc::root("source");
        if self.lx.peek() != Some(b'{') {
            self.wrong_container(&at, "an object")?;
            return Ok(None);
        }
        self.lx.open();
        let mut source = Source::default();
        let mut seen = Seen::new(&["name", "url", "names"]);
        let mut first = true;
        while let Some(key) = self.lx.next_key(&mut first)? {
            match seen.first(&key, &at, &mut self.problems) {
                Some(0) => source.name = self.optional(&at.field("name"), text_field)?,
                Some(1) => source.url = self.optional(&at.field("url"), url_field)?,
                Some(_) => source.names = self.text_map(&at.field("names"))?,
                None => self.lx.skip_value()?,
            }
        }
        Ok(Some(source))
    }

    fn pages(&mut self) -> Result<Vec<Page>, Syntax> {
        let root = Loc::root("pages");
        if self.lx.peek() != Some(b'[') {
            self.wrong_container(&root, "an array")?;
            return Ok(Vec::new());
        }
        self.lx.open();
        let mut pages = Vec::new();
        let mut first_index: HashMap<String, usize> = HashMap::new();
        let mut first = true;
        let mut i = 0;
        let before = self.problems.len();
        while self.lx.next_item(&mut first)? {
            if self.stopped {
                self.lx.skip_value()?;
                continue;
            }
            if i == MAX_PAGES {
                self.limit(
                    before,
                    "pages".into(),
                    format!("the feed has more than {MAX_PAGES} pages, the limit"),
                );
                self.lx.skip_value()?;
                continue;
            }

            let at = root.index(i);
            i += 1;
            let (id, page) = self.page(&at, before)?;
            if let Some(id) = id {
                if let Some(first) = first_index.get(&id) {
                    self.problems.push(
                        at.field("id"),
                        format!(
                            "duplicate id {}, first used at pages[{first}]",
                            quote(&id, 64)
                        ),
                    );
                    continue;
                }
                first_index.insert(id, i - 1);
            }
            let Some(page) = page else {
                continue;
            };
            pages.push(page);
        }
        Ok(pages)
    }

    /// A size limit is hit: what was found inside `pages` is dropped, the limit reported alone,
    /// and the rest only checked for syntax.
    fn limit(&mut self, keep: usize, location: String, message: String) {
        self.problems.truncate(keep);
        self.problems.push(location, message);
        self.stopped = true;
    }

    /// A page: its id when the id itself is valid (a duplicate is reported even when the
    /// page has other problems), and the page when it has none.
    fn page(
        &mut self,
        at: &Loc<'_>,
        pages_start: usize,
    ) -> Result<(Option<String>, Option<Page>), Syntax> {
        if self.lx.peek() != Some(b'{') {
            self.wrong_container(at, "an object")?;
            return Ok((None, None));
        }
        self.lx.open();
        let before = self.problems.len();
        let mut page = Page::default();
        let (mut id, mut name) = (Field::Absent, Field::Absent);
        let mut seen = Seen::new(&PAGE_FIELDS);
        let mut first = true;
        while let Some(key) = self.lx.next_key(&mut first)? {
            let Some(field) = seen.first(&key, at, &mut self.problems) else {
                self.lx.skip_value()?;
                continue;
            };
            let here = at.field(PAGE_FIELDS[field]);
            match field {
                0 => id = self.field(&here, id_field)?,
                1 => name = self.field(&here, name_field)?,
                2 => page.names = self.text_map(&here)?,
                3 => page.country = self.optional(&here, text_field)?,
                4 => page.platform = self.optional(&here, text_field)?,
                5 => page.category = self.optional(&here, text_field)?,
                6 => page.url = self.optional(&here, url_field)?,
                7 => page.followers = self.optional(&here, count_field)?,
                8 => page.lang = self.optional(&here, lang_field)?,
                _ => page.series = self.series(&here, pages_start)?,
            }
        }
        let id = self.require(at, "id", id);
        let name = self.require(at, "name", name);
        if self.problems.len() != before {
            return Ok((id, None));
        }
        page.id = id.clone().unwrap_or_default();
        page.name = name.unwrap_or_default();
        Ok((id, Some(page)))
    }

    /// `names`, `titles` or `source.names`: locale tag → display text, at most
    /// [`MAX_MAP_ENTRIES`] entries, no tag twice. Entries past the limit are only checked for
    /// syntax, so a hostile map costs neither memory nor message text.
    fn text_map(&mut self, at: &Loc<'_>) -> Result<BTreeMap<String, String>, Syntax> {
        let mut map = BTreeMap::new();
        if self.lx.peek() != Some(b'{') {
            self.wrong_container(at, "an object")?;
            return Ok(map);
        }
        self.lx.open();
        let mut first = true;
        let mut count = 0;
        while let Some(tag) = self.lx.next_key(&mut first)? {
            count += 1;
            if count > MAX_MAP_ENTRIES {
                if count == MAX_MAP_ENTRIES + 1 {
                    self.problems
                        .push(at, format!("must have at most {MAX_MAP_ENTRIES} entries"));
                }
                self.lx.skip_value()?;
                continue;
            }
            let shown = map_key(at, &tag);
            if map.contains_key(tag.as_ref()) {
                self.problems.push(&shown, "duplicate key");
                self.lx.skip_value()?;
                continue;
            }
            if let Some(name) = self.optional(&Loc::root(&shown), name_field)? {
                map.insert(tag.into_owned(), name);
            }
        }
        Ok(map)
    }

    fn series(&mut self, at: &Loc<'_>, pages_start: usize) -> Result<Vec<Point>, Syntax> {
        if self.lx.peek() != Some(b'[') {
            self.wrong_container(at, "an array")?;
            return Ok(Vec::new());
        }
        self.lx.open();
        let mut points = std::mem::take(&mut self.scratch);
        points.clear();
        let mut first = true;
        let mut j = 0;
        while self.lx.next_item(&mut first)? {
            if self.stopped {
                self.lx.skip_value()?;
                continue;
            }
            if self.points_left == 0 {
                let message = format!("the feed has more than {MAX_POINTS} points, the limit");
                self.limit(pages_start, at.to_string(), message);
                self.lx.skip_value()?;
                continue;
            }
            self.points_left -= 1;
            if let Some(p) = self.point(&at.index(j))? {
                points.push((p, j));
            }
            j += 1;
        }
        let kept = self.dated(at, &mut points);
        self.scratch = points;
        Ok(kept)
    }

    /// Date order; a date seen twice is reported at its later occurrence; the total checked.
    fn dated(&mut self, at: &Loc<'_>, points: &mut Vec<(Point, usize)>) -> Vec<Point> {
        // A stable sort keeps a repeated date's first occurrence first. Feeds are usually
        // in date order already.
        if !points.is_sorted_by_key(|(p, _)| p.date) {
            crate::order::sort_by(points, |a, b| a.0.date.cmp(&b.0.date));
        }
        let mut kept: Vec<Point> = Vec::with_capacity(points.len());
        let mut total: u64 = 0;
        let mut first_of_date = 0;
        for (k, (point, j)) in points.iter().enumerate() {
            if k > 0 && points[k - 1].0.date == point.date {
                let first = points[first_of_date].1;
                self.problems.push(
                    at.index(*j).field("date").to_string(),
                    format!("duplicate date {}, first at {at}[{first}]", point.date),
                );
                continue;
            }
            first_of_date = k;
            total = total.saturating_add(point.interactions);
            kept.push(*point);
        }
        if total > check::MAX_SAFE_INTEGER {
            self.problems.push(
                at,
                format!(
                    "total interactions over all points must be at most {} (2^53-1), got {total}",
                    check::MAX_SAFE_INTEGER
                ),
            );
        }
        kept
    }

    fn point(&mut self, at: &Loc<'_>) -> Result<Option<Point>, Syntax> {
        if self.lx.peek() != Some(b'{') {
            self.wrong_container(at, "an object")?;
            return Ok(None);
        }
        // The fast path for plain points serves throughput (npm, CLI); the element reads small
        // feeds and every byte of it is downloaded by readers, so it goes the general way.
        #[cfg(feature = "api")]
        if let Some((point, end)) = json_point::read(self.lx.bytes(), self.lx.pos) {
            self.lx.pos = end;
            return Ok(Some(point));
        }
        self.lx.open();
        let before = self.problems.len();
        let (mut date, mut interactions) = (Field::Absent, Field::Absent);
        let (mut posts, mut followers) = (None, None);
        let mut seen = Seen::new(&POINT_FIELDS);
        let mut first = true;
        while let Some(key) = self.lx.next_key(&mut first)? {
            match seen.first(&key, at, &mut self.problems) {
                Some(0) => date = self.field(&at.field("date"), date_field)?,
                Some(1) => interactions = self.field(&at.field("interactions"), count_field)?,
                Some(2) => posts = self.optional(&at.field("posts"), count_field)?,
                Some(_) => followers = self.optional(&at.field("followers"), count_field)?,
                None => self.lx.skip_value()?,
            }
        }
        let date = self.require(at, "date", date);
        let interactions = self.require(at, "interactions", interactions);
        Ok(match (date, interactions) {
            (Some(date), Some(interactions)) if self.problems.len() == before => Some(Point {
                date,
                interactions,
                posts,
                followers,
            }),
            _ => None,
        })
    }
}

// ---- field readers: each turns a scanned value into a typed one or a message ----

fn string_field(v: &Val<'_>) -> Result<String, String> {
    match &v.kind {
        Kind::Str(s) => Ok(s.to_string()),
        _ => Err(format!("expected a string, got {}", describe(v))),
    }
}

fn text_field(v: &Val<'_>) -> Result<String, String> {
    let s = string_field(v)?;
    check::text(&s).map(|()| s)
}

fn name_field(v: &Val<'_>) -> Result<String, String> {
    let s = string_field(v)?;
    check::name(&s).map(|()| s)
}

/// `names.en`, or `names["a b"]` for a key that is not a plain word; a long key is cut, so
/// a message never repeats a hostile key whole.
fn map_key(at: &Loc<'_>, key: &str) -> String {
    let simple = !key.is_empty()
        && key.len() <= 64
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if simple {
        format!("{at}.{key}")
    } else {
        let cut = check::shorten(key, 64);
        format!(
            "{at}[\"{}\"]",
            cut.replace('\\', "\\\\").replace('"', "\\\"")
        )
    }
}

fn id_field(v: &Val<'_>) -> Result<String, String> {
    let s = string_field(v)?;
    check::id(&s).map(|()| s)
}

fn lang_field(v: &Val<'_>) -> Result<String, String> {
    let s = string_field(v)?;
    check::lang(&s).map(|()| s)
}

fn url_field(v: &Val<'_>) -> Result<String, String> {
    let s = string_field(v)?;
    check::url(&s).map(|()| s)
}

fn date_field(v: &Val<'_>) -> Result<Date, String> {
    match &v.kind {
        Kind::Str(s) => check::date(s),
        _ => Err(format!("expected a string, got {}", describe(v))),
    }
}

fn count_field(v: &Val<'_>) -> Result<u64, String> {
    check::count(v.raw)
}

/// A short description of an unexpected value, for messages.
fn describe(v: &Val<'_>) -> String {
    match v.kind {
        Kind::Object => "an object".into(),
        Kind::Array => "an array".into(),
        Kind::Str(_) => format!("the string {}", check::shorten(v.raw, 40)),
        _ => check::shorten(v.raw, 40),
    }
}
