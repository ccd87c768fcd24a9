//! JSON feeds, read in one pass by a small scanner (json_lexer.rs): every known field is
//! checked where it stands, every problem is collected with its path, unknown fields are
//! skipped, and the size limits are enforced while reading.

use super::check::{self, quote};
use super::json_lexer::{Kind, Lexer, Syntax, Val};
use super::json_point;
#[cfg(not(target_arch = "wasm32"))]
use super::json_split;
use super::{
    Feed, FeedError, Page, Point, Problems, Source, MAX_MAP_ENTRIES, MAX_PAGES, MAX_POINTS,
};
use crate::date::Date;
use crate::keyed_map::Map;
use crate::small_map::SmallMap;

/// Where a value stands in the feed, built without allocating: written out only when a
/// problem is reported (most values have none, and feeds hold millions of them).
#[derive(Clone, Copy)]
enum Loc<'a> {
    Field(Option<&'a Loc<'a>>, &'a str),
    Index(&'a Loc<'a>, usize),
    /// An entry of a locale map (`names.en`, `names["a b"]`): see [`write_map_key`].
    Key(&'a Loc<'a>, &'a str),
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

    fn key(&'a self, key: &'a str) -> Loc<'a> {
        Loc::Key(self, key)
    }
}

impl std::fmt::Display for Loc<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Loc::Field(None, name) => f.write_str(name),
            Loc::Field(Some(parent), name) => write!(f, "{parent}.{name}"),
            Loc::Index(parent, i) => write!(f, "{parent}[{i}]"),
            Loc::Key(parent, key) => write_map_key(f, parent, key),
        }
    }
}

/// Reads and validates a JSON feed (the text starts, after blanks, with `{`).
pub(super) fn read(text: &str) -> Result<Feed, FeedError> {
    read_with(text, true)
}

/// `read`, with a large feed's `pages` array read in two halves at once (see json_split.rs)
/// only if `split`. The second half's reader starts first, so that its thread is running by
/// the time this one has read to the cut.
fn read_with(text: &str, split: bool) -> Result<Feed, FeedError> {
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(cut) = json_split::guess_cut(text.as_bytes(), page_only_key)
        .filter(|_| split && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1))
    {
        return std::thread::scope(|scope| {
            // A thread that cannot be started (a process at its limit) is no reason to fail.
            let ahead = std::thread::Builder::new()
                .spawn_scoped(scope, move || Ahead::read(text, cut))
                .ok();
            let cut = ahead
                .map(|ahead| -> Cut<'_> { (cut, Box::new(move || ahead.join().ok().flatten())) });
            read_from(text, cut)
        });
    }
    #[cfg(target_arch = "wasm32")]
    let _ = split; // one thread
    read_from(text, None)
}

fn read_from(text: &str, cut: Option<Cut<'_>>) -> Result<Feed, FeedError> {
    let mut r = Reader::new(text);
    match r.feed(cut) {
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
    /// The points' dates, read knowing the month of the one before (see `json_point`).
    dates: crate::date::DateReader,
}

/// A field as read: absent (or null), present but invalid (already reported), or its value.
enum Field<T> {
    Absent,
    Invalid,
    Value(T),
}

/// Where the second half of `pages` starts, and what joins the thread reading it (see
/// `read_with`). WebAssembly has one thread: there the type has no value, and the code that
/// takes pages read ahead is not in the build.
#[cfg(not(target_arch = "wasm32"))]
type Cut<'t> = (usize, Box<dyn FnOnce() -> Option<Ahead> + 't>);
#[cfg(target_arch = "wasm32")]
type Cut<'t> = (std::convert::Infallible, std::marker::PhantomData<&'t ()>);

/// The pages from a cut to the end of the array, read on another thread: only a run without
/// any problem or limit (those are reported by reading on from the cut in order).
#[cfg(not(target_arch = "wasm32"))]
struct Ahead {
    pages: Vec<Page>,
    /// Where the array ended (after its `]`).
    end: usize,
    /// How many points the pages had (they count towards the feed's limit).
    points: usize,
}

#[cfg(not(target_arch = "wasm32"))]
impl Ahead {
    fn read(text: &str, cut: usize) -> Option<Ahead> {
        let mut r = Reader::new(text);
        r.lx.pos = cut;
        let root = Loc::root("pages");
        let mut pages: Vec<Page> = Vec::new();
        let mut first = true;
        while r.lx.next_item(&mut first).ok()? {
            if pages.len() == MAX_PAGES {
                return None;
            }
            let (_, page) = r.page(&root.index(pages.len()), 0).ok()?;
            pages.push(page.filter(|_| r.problems.len() == 0 && !r.stopped)?);
        }
        let mut ids = std::collections::HashSet::with_capacity(pages.len());
        if !pages.iter().all(|p| ids.insert(p.id.as_str())) {
            return None;
        }
        Some(Ahead {
            pages,
            end: r.lx.pos,
            points: MAX_POINTS - r.points_left,
        })
    }
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

/// Whether `key` is a field of a page that a point does not have (`followers` is both): where
/// one follows `},{`, the next page most likely starts (json_split.rs).
#[cfg(not(target_arch = "wasm32"))]
fn page_only_key(key: &[u8]) -> bool {
    let named = |fields: &[&str]| fields.iter().any(|f| f.as_bytes() == key);
    named(&PAGE_FIELDS) && !named(&POINT_FIELDS)
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
        Reader {
            lx: Lexer::new(text),
            problems: Problems::default(),
            points_left: MAX_POINTS,
            stopped: false,
            scratch: Vec::new(),
            dates: Default::default(),
        }
    }

    /// The feed; with a `cut`, the pages from there on may come from another thread (see
    /// `pages`).
    fn feed(&mut self, mut cut: Option<Cut<'_>>) -> Result<Feed, Syntax> {
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
                    feed.pages = self.pages(cut.take())?;
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

    /// `pages`; with a `cut`, the pages from that offset to the array's end as read by another
    /// thread, taken if this thread arrives exactly there.
    fn pages(&mut self, mut cut: Option<Cut<'_>>) -> Result<Vec<Page>, Syntax> {
        let root = Loc::root("pages");
        if self.lx.peek() != Some(b'[') {
            self.wrong_container(&root, "an array")?;
            return Ok(Vec::new());
        }
        self.lx.open();
        let mut pages = Vec::new();
        let mut first_index: Map<String, usize> = Map::default();
        let mut first = true;
        let mut i = 0;
        let before = self.problems.len();
        #[cfg(target_arch = "wasm32")]
        let _ = &mut cut;
        while self.lx.next_item(&mut first)? {
            #[cfg(not(target_arch = "wasm32"))]
            if cut.as_ref().is_some_and(|(at, _)| self.lx.pos >= *at) {
                if let Some((at, join)) = cut.take() {
                    let ahead = join().filter(|_| self.lx.pos == at);
                    if let Some(ahead) = ahead.filter(|a| self.fits(a, i, &first_index)) {
                        #[cfg(test)]
                        tests::TAKEN.with(|t| t.set(t.get() + 1));
                        self.points_left -= ahead.points;
                        self.lx.pos = ahead.end;
                        pages.extend(ahead.pages);
                        return Ok(pages);
                    }
                }
            }
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

    /// Whether pages read ahead are exactly what reading on would give: no limit hit so far
    /// or by them, and none of their ids seen before (each would be a problem here).
    #[cfg(not(target_arch = "wasm32"))]
    fn fits(&self, ahead: &Ahead, read: usize, ids: &Map<String, usize>) -> bool {
        !self.stopped
            && read + ahead.pages.len() <= MAX_PAGES
            && ahead.points <= self.points_left
            && !ahead.pages.iter().any(|p| ids.contains_key(&p.id))
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
    fn text_map(&mut self, at: &Loc<'_>) -> Result<SmallMap<String>, Syntax> {
        let mut map = SmallMap::default();
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
            // Written out only if this entry has a problem (most have none).
            let entry = at.key(&tag);
            if map.contains_key(tag.as_ref()) {
                self.problems.push(entry, "duplicate key");
                self.lx.skip_value()?;
                continue;
            }
            if let Some(name) = self.optional(&entry, name_field)? {
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
        // Plain points take the fast path, in every build. The element once went the general
        // way to save bytes: the fast path costs it 745 B gzip and saves 0.6-0.9 ms of every
        // live update of a 50-row board (60 pages x 40 days; 600-800 alternated updates).
        if let Some((point, end)) = json_point::read(self.lx.bytes(), self.lx.pos, &mut self.dates)
        {
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
            (Some(date), Some(interactions)) if self.problems.len() == before => {
                Some(Point::new(date, interactions, posts, followers))
            }
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
fn write_map_key(f: &mut std::fmt::Formatter<'_>, at: &Loc<'_>, key: &str) -> std::fmt::Result {
    let simple = !key.is_empty()
        && key.len() <= 64
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if simple {
        write!(f, "{at}.{key}")
    } else {
        let cut = check::shorten(key, 64);
        let quoted = cut.replace('\\', "\\\\").replace('"', "\\\"");
        write!(f, "{at}[\"{quoted}\"]")
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// How many times this thread's reader took pages read ahead by another.
        pub(super) static TAKEN: Cell<usize> = const { Cell::new(0) };
    }

    /// A feed of `n` pages of 40 days each (~5.5 MB for 2,200, over `MIN_SPLIT`): page `i` as
    /// `page(i)` returns it.
    fn feed(n: usize, page: impl Fn(usize, String) -> String, after: &str) -> String {
        let pages: Vec<String> = (0..n)
            .map(|i| {
                let points: Vec<String> = (1..=40)
                    .map(|d| {
                        let (m, d) = (9 + (d - 1) / 30, 1 + (d - 1) % 30);
                        format!(
                            r#"{{"date":"2026-{m:02}-{d:02}","interactions":{},"posts":3}}"#,
                            i * 7 + d
                        )
                    })
                    .collect();
                let text = format!(
                    r#"{{"id":"p{i}","name":"Page {i}","followers":10,"series":[{}]}}"#,
                    points.join(",\n      ")
                );
                page(i, text)
            })
            .collect();
        format!(
            r#"{{"version":1,"pages":[{}]{after}}}"#,
            pages.join(",\n  ")
        )
    }

    /// Read with the split and without: the same feed or the same problems, and whether the
    /// pages read ahead were taken.
    fn both(text: &str) -> (Result<Feed, FeedError>, bool) {
        let before = TAKEN.with(Cell::get);
        let split = read_with(text, true);
        let taken = TAKEN.with(Cell::get) > before;
        assert_eq!(split, read_with(text, false));
        (split, taken)
    }

    #[test]
    fn a_valid_feed_is_read_in_two_halves_with_the_same_result() {
        let (feed, taken) = both(&feed(2_200, |_, p| p, ""));
        assert!(taken, "the second half was not taken");
        let feed = feed.unwrap();
        assert_eq!(feed.pages.len(), 2_200);
        assert_eq!(feed.pages[2_199].series[39].interactions, 2_199 * 7 + 10); // 2026-10-10
    }

    #[test]
    fn problems_in_the_second_half_are_reported_as_in_one_pass() {
        type Edit = Box<dyn Fn(usize, String) -> String>;
        let cases: [(&str, Edit); 4] = [
            (
                "bad value",
                Box::new(|i, p| {
                    if i == 1_500 {
                        p.replace(r#""posts":3"#, r#""posts":-1"#)
                    } else {
                        p
                    }
                }),
            ),
            (
                "repeated id across halves",
                Box::new(|i, p| {
                    if i == 1_350 {
                        p.replace(r#""id":"p1350""#, r#""id":"p10""#)
                    } else {
                        p
                    }
                }),
            ),
            (
                "repeated id in the second half",
                Box::new(|i, p| {
                    if i == 1_790 {
                        p.replace(r#""id":"p1790""#, r#""id":"p1780""#)
                    } else {
                        p
                    }
                }),
            ),
            (
                "syntax",
                Box::new(|i, p| {
                    if i == 1_560 {
                        p.replacen(',', "", 1)
                    } else {
                        p
                    }
                }),
            ),
        ];
        for (what, page) in cases {
            let text = feed(2_200, page, "");
            assert!(
                json_split::guess_cut(text.as_bytes(), page_only_key).is_some(),
                "{what}: no cut"
            );
            let (result, _) = both(&text);
            assert!(result.is_err(), "{what}");
        }
    }

    #[test]
    fn a_cut_inside_a_page_is_not_taken() {
        // Every page ends with a field this version does not know: a list of objects whose
        // first key is `id`, so the cut guessed past the middle falls inside a page.
        let extra = format!(r#","seen_in":[{}]}}"#, vec![r#"{"id":7}"#; 400].join(","));
        let text = feed(2_200, |_, p| format!("{}{extra}", &p[..p.len() - 1]), "");
        let cut = json_split::guess_cut(text.as_bytes(), page_only_key);
        assert!(cut.is_some_and(|c| text[c..].starts_with(r#"{"id":7}"#)));
        let (result, taken) = both(&text);
        assert!(!taken, "pages read from inside a page were taken");
        assert_eq!(result.unwrap().pages.len(), 2_200);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 12,
            ..crate::proptest_config("tests/regressions/json.txt")
        })]
        /// Whatever one byte of a large feed is changed to, and wherever: the same feed or the
        /// same problems with and without the second thread.
        #[test]
        fn one_changed_byte_reads_as_in_one_pass(at in 0.0..1.0f64, byte in proptest::sample::select(
            b"{}[],:\"\\ 0-9aen".to_vec())) {
            let mut text = feed(2_200, |_, p| p, "").into_bytes();
            let i = ((text.len() - 1) as f64 * at) as usize;
            text[i] = byte;
            if let Ok(text) = std::str::from_utf8(&text) {
                let _ = both(text); // both() compares the two reads
            }
        }
    }

    #[test]
    fn the_page_limit_is_reported_as_in_one_pass() {
        let pages: Vec<String> = (0..MAX_PAGES + 5)
            .map(|i| format!(r#"{{"id":"p{i}","name":"a name long enough for 5 MiB"}}"#))
            .collect();
        let text = format!(r#"{{"version":1,"pages":[{}]}}"#, pages.join(","));
        assert!(json_split::guess_cut(text.as_bytes(), page_only_key).is_some());
        let (result, taken) = both(&text);
        assert!(!taken);
        let problems = result.unwrap_err().problems;
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("more than 100000 pages"));
    }

    #[test]
    fn a_cut_outside_the_pages_is_not_taken() {
        // The array ends before the middle: the guess falls in a field this version does not
        // know (skipped), a list of objects that read as valid pages.
        let notes: Vec<String> = (0..200_000)
            .map(|i| format!(r#"{{"id":"n{i}","name":"note"}}"#))
            .collect();
        let tail = format!(r#","notes":[{}]"#, notes.join(","));
        let text = feed(100, |_, p| p, &tail);
        let cut = json_split::guess_cut(text.as_bytes(), page_only_key);
        assert!(cut.is_some_and(|c| c > text.find(r#""notes""#).unwrap_or(usize::MAX)));
        let (result, taken) = both(&text);
        assert!(!taken);
        assert_eq!(result.unwrap().pages.len(), 100);
    }
}
